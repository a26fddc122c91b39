"""Review tables: users, document_texts, reviews, corrections, flag_decisions,
notes and an append-only audit_log (triggers refuse UPDATE and DELETE on it).

Existing rows are kept: documents analyzed before this revision have no
document_texts row until they are analyzed again.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 17:05:16
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('audit_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('doc_sha256', sa.String(length=64), nullable=True),
    sa.Column('object', sa.Text(), nullable=False),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('audit_id', name=op.f('pk_audit_log'))
    )
    op.create_index(op.f('ix_audit_log_doc_sha256_audit_id'), 'audit_log', ['doc_sha256', 'audit_id'], unique=False)

    op.create_table('corrections',
    sa.Column('correction_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('doc_sha256', sa.String(length=64), nullable=False),
    sa.Column('item_kind', sa.String(length=16), nullable=False),
    sa.Column('item_id', sa.String(length=64), nullable=False),
    sa.Column('field', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('original', sa.JSON(), nullable=True),
    sa.Column('value', sa.JSON(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('reviewed_by', sa.String(length=64), nullable=False),
    sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('correction_id', name=op.f('pk_corrections')),
    sa.UniqueConstraint('doc_sha256', 'item_kind', 'item_id', 'field', name=op.f('uq_corrections_doc_sha256_item_kind_item_id_field'))
    )
    op.create_table('flag_decisions',
    sa.Column('doc_sha256', sa.String(length=64), nullable=False),
    sa.Column('flag_key', sa.String(length=80), nullable=False),
    sa.Column('flag_seq', sa.Integer(), nullable=False),
    sa.Column('decision', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('decided_by', sa.String(length=64), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('doc_sha256', 'flag_key', name=op.f('pk_flag_decisions'))
    )
    op.create_table('notes',
    sa.Column('note_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('doc_sha256', sa.String(length=64), nullable=False),
    sa.Column('item_kind', sa.String(length=16), nullable=True),
    sa.Column('item_id', sa.String(length=64), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('author', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('note_id', name=op.f('pk_notes'))
    )
    op.create_index(op.f('ix_notes_doc_sha256'), 'notes', ['doc_sha256'], unique=False)

    op.create_table('reviews',
    sa.Column('doc_sha256', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('message', sa.Text(), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('doc_sha256', name=op.f('pk_reviews'))
    )
    op.create_table('users',
    sa.Column('user_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('password_hash', sa.Text(), nullable=False),
    sa.Column('disabled', sa.Boolean(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_users')),
    sa.UniqueConstraint('name', name=op.f('uq_users_name')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_users_token_hash'))
    )
    op.create_table('document_texts',
    sa.Column('doc_sha256', sa.String(length=64), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('boilerplate', sa.JSON(), nullable=True),
    sa.Column('headings', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['doc_sha256'], ['documents.doc_sha256'], name=op.f('fk_document_texts_doc_sha256_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_sha256', name=op.f('pk_document_texts'))
    )
    _append_only()


_REFUSE = "audit_log is append-only"


def _append_only() -> None:
    """Triggers that refuse UPDATE and DELETE on audit_log."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS "
                   f"$$ BEGIN RAISE EXCEPTION '{_REFUSE}'; END $$")
        op.execute("CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
                   "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()")
        return
    for event in ("UPDATE", "DELETE"):
        op.execute(f"CREATE TRIGGER audit_log_no_{event.lower()} BEFORE {event} ON audit_log "
                   f"BEGIN SELECT RAISE(ABORT, '{_REFUSE}'); END")


def _drop_append_only() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
        return
    for event in ("update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS audit_log_no_{event}")


def downgrade() -> None:
    op.drop_table('document_texts')
    op.drop_table('users')
    op.drop_table('reviews')
    op.drop_index(op.f('ix_notes_doc_sha256'), table_name='notes')

    op.drop_table('notes')
    op.drop_table('flag_decisions')
    op.drop_table('corrections')
    _drop_append_only()
    op.drop_index(op.f('ix_audit_log_doc_sha256_audit_id'), table_name='audit_log')

    op.drop_table('audit_log')
