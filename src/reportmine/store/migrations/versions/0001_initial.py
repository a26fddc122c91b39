"""Initial schema: runs, run_files, documents, quantities, flags, records.

Revision ID: 0001
Revises:
Create Date: 2026-12-04 14:45:55.176983
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('runs',
    sa.Column('run_id', sa.String(length=32), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.String(length=32), nullable=False),
    sa.Column('command', sa.Text(), nullable=True),
    sa.Column('file_count', sa.Integer(), nullable=False),
    sa.Column('ok_count', sa.Integer(), nullable=False),
    sa.Column('error_count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('run_id', name=op.f('pk_runs'))
    )
    op.create_table('documents',
    sa.Column('doc_sha256', sa.String(length=64), nullable=False),
    sa.Column('doc', sa.Text(), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('format', sa.String(length=16), nullable=False),
    sa.Column('encoding', sa.String(length=32), nullable=True),
    sa.Column('pages', sa.Integer(), nullable=True),
    sa.Column('length', sa.Integer(), nullable=False),
    sa.Column('quantity_count', sa.Integer(), nullable=False),
    sa.Column('record_count', sa.Integer(), nullable=False),
    sa.Column('flag_count', sa.Integer(), nullable=False),
    sa.Column('warning_codes', sa.Text(), nullable=False),
    sa.Column('run_id', sa.String(length=32), nullable=True),
    sa.Column('analyzed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['runs.run_id'], name=op.f('fk_documents_run_id_runs'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('doc_sha256', name=op.f('pk_documents'))
    )
    op.create_table('run_files',
    sa.Column('run_id', sa.String(length=32), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('doc', sa.Text(), nullable=False),
    sa.Column('doc_sha256', sa.String(length=64), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('error_code', sa.String(length=16), nullable=True),
    sa.Column('error_message', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['run_id'], ['runs.run_id'], name=op.f('fk_run_files_run_id_runs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('run_id', 'seq', name=op.f('pk_run_files'))
    )
    op.create_table('flags',
    sa.Column('doc_sha256', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('subtype', sa.String(length=32), nullable=True),
    sa.Column('code', sa.String(length=16), nullable=True),
    sa.Column('severity', sa.String(length=16), nullable=False),
    sa.Column('message', sa.Text(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('arithmetic', sa.Text(), nullable=True),
    sa.Column('evidence', sa.JSON(), nullable=True),
    sa.Column('article', sa.Integer(), nullable=True),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['doc_sha256'], ['documents.doc_sha256'], name=op.f('fk_flags_doc_sha256_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_sha256', 'seq', name=op.f('pk_flags'))
    )
    op.create_table('quantities',
    sa.Column('doc_sha256', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('value', sa.Double(), nullable=True),
    sa.Column('unit', sa.Text(), nullable=True),
    sa.Column('norm_value', sa.Double(), nullable=True),
    sa.Column('norm_unit', sa.Text(), nullable=True),
    sa.Column('approx', sa.String(length=16), nullable=True),
    sa.Column('role', sa.String(length=32), nullable=True),
    sa.Column('indicator', sa.Text(), nullable=True),
    sa.Column('indicator_id', sa.Text(), nullable=True),
    sa.Column('period', sa.Text(), nullable=True),
    sa.Column('direction', sa.String(length=16), nullable=True),
    sa.Column('low', sa.Double(), nullable=True),
    sa.Column('high', sa.Double(), nullable=True),
    sa.Column('list_group', sa.Integer(), nullable=True),
    sa.Column('setter', sa.Text(), nullable=True),
    sa.Column('subject', sa.Text(), nullable=True),
    sa.Column('article', sa.Integer(), nullable=True),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['doc_sha256'], ['documents.doc_sha256'], name=op.f('fk_quantities_doc_sha256_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_sha256', 'seq', name=op.f('pk_quantities'))
    )
    op.create_table('records',
    sa.Column('record_id', sa.String(length=64), nullable=False),
    sa.Column('doc', sa.Text(), nullable=False),
    sa.Column('doc_sha256', sa.String(length=64), nullable=False),
    sa.Column('article', sa.Integer(), nullable=True),
    sa.Column('org', sa.Text(), nullable=True),
    sa.Column('indicator', sa.Text(), nullable=True),
    sa.Column('indicator_id', sa.Text(), nullable=True),
    sa.Column('indicator_name', sa.Text(), nullable=True),
    sa.Column('period', sa.Text(), nullable=True),
    sa.Column('actual', sa.Double(), nullable=True),
    sa.Column('actual_unit', sa.Text(), nullable=True),
    sa.Column('target', sa.Double(), nullable=True),
    sa.Column('basic_target', sa.Double(), nullable=True),
    sa.Column('full_target', sa.Double(), nullable=True),
    sa.Column('forecast', sa.Double(), nullable=True),
    sa.Column('completion_rate', sa.Double(), nullable=True),
    sa.Column('computed_completion_rate', sa.Double(), nullable=True),
    sa.Column('growth', sa.Double(), nullable=True),
    sa.Column('difference', sa.Double(), nullable=True),
    sa.Column('direction', sa.String(length=16), nullable=True),
    sa.Column('setter', sa.Text(), nullable=True),
    sa.Column('flag_codes', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['doc_sha256'], ['documents.doc_sha256'], name=op.f('fk_records_doc_sha256_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('record_id', name=op.f('pk_records'))
    )
    op.create_index(op.f('ix_records_doc_sha256_seq'), 'records', ['doc_sha256', 'seq'], unique=False)
    op.create_index(op.f('ix_records_indicator_id'), 'records', ['indicator_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_records_indicator_id'), table_name='records')
    op.drop_index(op.f('ix_records_doc_sha256_seq'), table_name='records')
    op.drop_table('records')
    op.drop_table('quantities')
    op.drop_table('flags')
    op.drop_table('run_files')
    op.drop_table('documents')
    op.drop_table('runs')
