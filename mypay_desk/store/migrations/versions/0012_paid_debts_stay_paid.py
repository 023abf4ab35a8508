"""Debts a receipt paid get their paid state back

Revision ID: 0012
Revises: 0011

Until this revision a flow's outcome applied after ``sync receipts`` had matched a payment of one of its
debts (a push resumed later) set the debt's state to SUL_PORTALE, RIFIUTATO or ANNULLATO over PAGATO or
PAGATO_PARZIALE, and no later receipts sync put it back (the receipt was stored already); the paid amount,
day and PSP stayed right. store/repositories/portal.py apply_rows now keeps a paid state. Here the state
is worked out again, as store/repositories/receipts.py recompute_debts does, for the debts that have a
paying receipt but not a paid state, then for the parents of instalments (paid when every instalment is,
in part when some are, unless a receipt paid the parent itself). Right for any database: it changes
nothing where the state was never overwritten.
"""
from alembic import op


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

# (recompute_debts' rules as of this revision: money came in when amount > 0 and the outcome 0, 2 or none)
_PAYING = "r.debt_id = debt.id AND r.amount_cents > 0 AND r.outcome_code IN ('0', '2', '')"
_NOT_PAID = "debt.state NOT IN ('PAGATO', 'PAGATO_PARZIALE')"


def upgrade() -> None:
    op.execute(
        "UPDATE debt SET version = version + 1, state = CASE WHEN "
        f"(SELECT coalesce(sum(r.amount_cents), 0) FROM receipt r WHERE {_PAYING}) >= debt.amount_cents "
        "THEN 'PAGATO' ELSE 'PAGATO_PARZIALE' END "
        f"WHERE {_NOT_PAID} AND EXISTS (SELECT 1 FROM receipt r WHERE {_PAYING})")
    op.execute(
        "UPDATE debt SET version = version + 1, state = CASE WHEN EXISTS (SELECT 1 FROM debt c "
        "WHERE c.parent_id = debt.id AND c.state <> 'PAGATO') THEN 'PAGATO_PARZIALE' ELSE 'PAGATO' END "
        f"WHERE {_NOT_PAID} AND debt.parent_id IS NULL "
        "AND EXISTS (SELECT 1 FROM debt c WHERE c.parent_id = debt.id AND c.paid_amount_cents > 0) "
        "AND NOT EXISTS (SELECT 1 FROM receipt r WHERE r.debt_id = debt.id)")


def downgrade() -> None:
    pass  # the states stay right
