"""SQLite: a bulk insert of debts adds their tally with one GROUP BY instead of a trigger per row

Revision ID: 0008
Revises: 0007

The per-row trigger of 0004 (``debt_tally_insert``) cost a 100,000-row import 0.2 s, 9 % of it. It now
stands aside while ``debt_tally_pause`` holds a row; only the bulk insert path sets one, inside its
own write transaction, and adds the tally of the rows it wrote before it removes the row again
(``store.repositories.debts.insert_debt_columns``). Every other write keeps the per-row trigger.
The trigger's body is the one 0004 created, read back from the database. Nothing changes on PostgreSQL.
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

_PLAIN = "AFTER INSERT ON debt BEGIN"
_PAUSABLE = "AFTER INSERT ON debt WHEN NOT EXISTS (SELECT 1 FROM debt_tally_pause) BEGIN"


def _rewrite(old: str, new: str) -> None:
    bind = op.get_bind()
    sql = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'debt_tally_insert'").scalar()
    if sql is None or old not in sql:
        return
    op.execute("DROP TRIGGER debt_tally_insert")
    op.execute(sql.replace(old, new, 1))


def upgrade() -> None:
    op.create_table('debt_tally_pause',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_debt_tally_pause'))
    )
    if op.get_bind().dialect.name == "sqlite":
        _rewrite(_PLAIN, _PAUSABLE)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rewrite(_PAUSABLE, _PLAIN)
    op.drop_table('debt_tally_pause')
