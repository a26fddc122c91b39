"""record_flags: which review flags bear on which record.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04 15:12:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('record_flags',
    sa.Column('doc_sha256', sa.String(length=64), nullable=False),
    sa.Column('flag_seq', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['doc_sha256'], ['documents.doc_sha256'], name=op.f('fk_record_flags_doc_sha256_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['record_id'], ['records.record_id'], name=op.f('fk_record_flags_record_id_records'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_sha256', 'flag_seq', 'record_id', name=op.f('pk_record_flags'))
    )
    op.create_index(op.f('ix_record_flags_record_id'), 'record_flags', ['record_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_record_flags_record_id'), table_name='record_flags')
    op.drop_table('record_flags')
