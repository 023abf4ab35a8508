"""Several desks on one database: debt.version and debt.changed_by (optimistic edits), audit_log.desk and
audit_log.list_id (who did what, on which list), desk_activity (who runs a single-flight activity), and on
PostgreSQL the change notifications other desks listen to

Revision ID: 0006
Revises: 0005
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

# PostgreSQL: one NOTIFY per statement (not per row) on the tables the pages show; the payload is the
# table and the writer's application_name, so a desk can leave out its own changes
# (store/notifications.py). NOTIFY is delivered at COMMIT, and equal payloads of one transaction are
# folded into one: a million-row import costs one notification.
NOTIFY_CHANNEL = "mypay_desk_changes"
NOTIFY_TABLES = ("debt", "debt_list", "receipt", "upload_flow", "portal_journal", "reconciliation_result",
                 "fdr_flow", "treasury_movement", "ente", "debt_type", "audit_log", "desk_activity")


def upgrade() -> None:
    # ADD COLUMN with constant defaults: no table copy on SQLite, no rewrite on PostgreSQL (a million
    # debts take no time).
    with op.batch_alter_table('debt', recreate='never') as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default='1'))
        batch_op.add_column(sa.Column('changed_by', sa.String(length=120), nullable=False, server_default=''))
    with op.batch_alter_table('audit_log', recreate='never') as batch_op:
        batch_op.add_column(sa.Column('desk', sa.String(length=120), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('list_id', sa.Integer(), nullable=True))
    op.create_index(op.f('ix_audit_log_list_id'), 'audit_log', ['list_id'], unique=False)
    op.create_table(
        'desk_activity',
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.Column('user', sa.String(length=100), nullable=False),
        sa.Column('desk', sa.String(length=120), nullable=False),
        sa.Column('pid', sa.Integer(), nullable=False),
        sa.Column('what', sa.String(length=200), nullable=False),
        sa.Column('token', sa.String(length=40), nullable=False),
        sa.Column('started_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('name', name=op.f('pk_desk_activity')),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"""
            CREATE OR REPLACE FUNCTION mypay_desk_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('{NOTIFY_CHANNEL}',
                                  TG_TABLE_NAME || ' ' || coalesce(current_setting('application_name', true), ''));
                RETURN NULL;
            END $$""")
        for table in NOTIFY_TABLES:
            op.execute(f"CREATE TRIGGER mypay_desk_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
                       "FOR EACH STATEMENT EXECUTE FUNCTION mypay_desk_notify_change()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in NOTIFY_TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS mypay_desk_notify ON {table}")
        op.execute("DROP FUNCTION IF EXISTS mypay_desk_notify_change()")
    op.drop_table('desk_activity')
    op.drop_index(op.f('ix_audit_log_list_id'), table_name='audit_log')
    with op.batch_alter_table('audit_log') as batch_op:
        batch_op.drop_column('list_id')
        batch_op.drop_column('desk')
    with op.batch_alter_table('debt') as batch_op:
        batch_op.drop_column('changed_by')
        batch_op.drop_column('version')
