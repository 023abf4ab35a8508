"""PostgreSQL: the list tallies counted again from the debts

Revision ID: 0011
Revises: 0010

Until this revision ``workspace copy-to`` copied ``debt_list_tally`` and then let the tally triggers of 0007
add every copied debt once more, so a shared database made by a copy shows each list's counts and totals
doubled (store/transfer.py now switches the triggers off while it copies). The tallies are counted again
here from the debts, as 0007 first filled them; right for any database, so it runs on every PostgreSQL one.
Nothing changes on SQLite.
"""
from alembic import op


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

# (0007's bucket, as of that revision)
_BUCKET = "list_id, top_level, state, is_valid, cancel_requested, on_portal, in_flight"
_ROW_BUCKET = ("list_id, parent_id IS NULL, state, is_valid, cancel_requested, portal_hash <> '', "
               "sending_flow_id IS NOT NULL")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("LOCK TABLE debt IN SHARE MODE")  # no desk adds to a tally while it is counted
    op.execute("DELETE FROM debt_list_tally")
    op.execute(f"INSERT INTO debt_list_tally ({_BUCKET}, debts, amount_cents) "
               f"SELECT {_ROW_BUCKET}, count(*), coalesce(sum(amount_cents), 0) FROM debt GROUP BY 1, 2, 3, 4, 5, 6, 7")


def downgrade() -> None:
    pass  # the counts stay right
