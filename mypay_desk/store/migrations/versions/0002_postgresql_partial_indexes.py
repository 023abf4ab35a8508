"""PostgreSQL: the debt parent and sending-flow indexes partial, as on SQLite

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 21:30:00

0001 declared them partial for SQLite only; on PostgreSQL they were full indexes holding every new
debt's NULL. Nothing changes on SQLite.
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

_INDEXES = (("ix_debt_parent_id", "parent_id"), ("ix_debt_sending_flow_id", "sending_flow_id"))


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, column in _INDEXES:
        op.drop_index(name, table_name="debt")
        op.create_index(name, "debt", [column], unique=False, postgresql_where=sa.text(f"{column} IS NOT NULL"))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, column in _INDEXES:
        op.drop_index(name, table_name="debt")
        op.create_index(name, "debt", [column], unique=False)
