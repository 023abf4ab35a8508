"""reconciliation changes: a debt or receipt inserted with an id at or below the last run's mark

Revision ID: 0009
Revises: 0008

Migration 0005 takes every row above the last run's id mark as new. SQLite gives a new row the
highest id present plus one, so once the newest rows are deleted an insert can take an id at or
below the mark again (an id that was free already at the last run, e.g. of a row deleted before it):
such a row looked old and its key was never classified (found by
tests/unit/test_reconciliation_incremental.py). These triggers write it into
``reconciliation_dirty`` like any other change. The WHEN is one primary-key lookup per inserted row,
and true only after such deletions. FdR lines need nothing: deleting one already asks for a full run.

SQLite only, as 0005.
"""
from alembic import op


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

_DIRTY = "INSERT INTO reconciliation_dirty (ente_id, iuv, debt_id, parent_id, receipt_id) "
_AT_OR_BELOW = "NEW.id <= (SELECT s.{0} FROM reconciliation_state s WHERE s.ente_id = NEW.ente_id)"

TRIGGERS = {
    "debt_recon_reused_id": (
        f"CREATE TRIGGER debt_recon_reused_id AFTER INSERT ON debt WHEN {_AT_OR_BELOW.format('debt_mark')} BEGIN "
        f"{_DIRTY}VALUES (NEW.ente_id, NEW.iuv, NEW.id, NEW.parent_id, NULL); END"),
    "receipt_recon_reused_id": (
        f"CREATE TRIGGER receipt_recon_reused_id AFTER INSERT ON receipt WHEN {_AT_OR_BELOW.format('receipt_mark')} "
        f"BEGIN {_DIRTY}VALUES (NEW.ente_id, NEW.iuv, NULL, NULL, NEW.id); END"),
}


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for sql in TRIGGERS.values():
            op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
