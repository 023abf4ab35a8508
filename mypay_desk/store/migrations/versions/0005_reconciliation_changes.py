"""reconciliation changes: the last run's state per Ente, and the debts and receipts changed since

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 22:00:00

A classification run read every debt, receipt and FdR line again (a million of each: seconds) even
when one receipt had arrived. Now a run records what it saw (``reconciliation_state``: id marks,
date, flags, the flow and treasury context) and the next one classifies only the payment keys whose
inputs changed: rows above the marks are new, and the changes the marks cannot see (a debt edited
or deleted, a receipt rematched or deleted) are written by the triggers below into
``reconciliation_dirty``, in the same transaction as the change. An FdR flow or line deleted or
rewritten asks for a full run (``needs_full``).

The triggers write only for an Ente that has a run state (one that reconciles), and only for the
changes the codes depend on (a debt's IUV, amount, due date, parent, "cancelled" and "known to the
portal"; a receipt's IUV, amounts, outcome, payment ids and matched debt).

SQLite only: on another database there are no triggers and every run is a full one.

Beware: a later migration that rebuilds ``debt``, ``receipt``, ``fdr_flow`` or ``fdr_line`` through a
batch table copy drops their triggers; it must create them again (``TRIGGERS``).
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

_STATE = "EXISTS (SELECT 1 FROM reconciliation_state s WHERE s.ente_id = {0})"
_DIRTY = "INSERT INTO reconciliation_dirty (ente_id, iuv, debt_id, parent_id, receipt_id) "
# domain.reconciliation.NOTIFIED_STATES as of this revision: a debt the portal holds is an I record.
# (OR of equalities, not IN: a trigger's WHEN would build the IN list's table again for every row.)
_KNOWN = ("({0}.portal_hash != '' OR {0}.state = 'SUL_PORTALE' OR {0}.state = 'PAGATO' "
          "OR {0}.state = 'PAGATO_PARZIALE' OR {0}.state = 'SCADUTO')")
# The state and the hash matter only through "cancelled" and "known to the portal" (a debt paid on
# the portal stays known: marking tens of thousands paid writes no change rows).
_DEBT_CHANGED = " OR ".join([
    "OLD.iuv IS NOT NEW.iuv", "OLD.amount_cents IS NOT NEW.amount_cents", "OLD.due_date IS NOT NEW.due_date",
    "OLD.parent_id IS NOT NEW.parent_id", "OLD.ente_id IS NOT NEW.ente_id",
    "((OLD.state IS NOT NEW.state OR OLD.portal_hash IS NOT NEW.portal_hash) AND "
    f"((OLD.state = 'ANNULLATO') IS NOT (NEW.state = 'ANNULLATO') OR {_KNOWN.format('OLD')} IS NOT {_KNOWN.format('NEW')}))",
])
_NEEDS_FULL = "UPDATE reconciliation_state SET needs_full = 1 WHERE ente_id = {0};"

TRIGGERS = {
    "debt_recon_update": (
        "CREATE TRIGGER debt_recon_update AFTER UPDATE OF ente_id, iuv, amount_cents, due_date, state, "
        f"portal_hash, parent_id ON debt WHEN ({_DEBT_CHANGED}) AND "
        f"({_STATE.format('OLD.ente_id')} OR {_STATE.format('NEW.ente_id')}) BEGIN "
        f"{_DIRTY}VALUES (OLD.ente_id, OLD.iuv, OLD.id, OLD.parent_id, NULL); "
        f"{_DIRTY}SELECT NEW.ente_id, NEW.iuv, NEW.id, NEW.parent_id, NULL WHERE NEW.ente_id IS NOT OLD.ente_id; "
        "END"),
    "debt_recon_delete": (
        f"CREATE TRIGGER debt_recon_delete AFTER DELETE ON debt WHEN {_STATE.format('OLD.ente_id')} BEGIN "
        f"{_DIRTY}VALUES (OLD.ente_id, OLD.iuv, OLD.id, OLD.parent_id, NULL); END"),
    "receipt_recon_update": (
        "CREATE TRIGGER receipt_recon_update AFTER UPDATE OF ente_id, iuv, debt_id, amount_cents, "
        "total_paid_cents, outcome_code, receipt_message_id, iur ON receipt WHEN "
        f"{_STATE.format('OLD.ente_id')} OR {_STATE.format('NEW.ente_id')} BEGIN "
        f"{_DIRTY}VALUES (OLD.ente_id, OLD.iuv, NULL, NULL, OLD.id); "
        f"{_DIRTY}SELECT NEW.ente_id, NEW.iuv, NULL, NULL, NEW.id "
        "WHERE NEW.iuv IS NOT OLD.iuv OR NEW.ente_id IS NOT OLD.ente_id; END"),
    "receipt_recon_delete": (
        f"CREATE TRIGGER receipt_recon_delete AFTER DELETE ON receipt WHEN {_STATE.format('OLD.ente_id')} BEGIN "
        f"{_DIRTY}VALUES (OLD.ente_id, OLD.iuv, NULL, NULL, OLD.id); END"),
    "fdr_flow_recon_delete": (
        f"CREATE TRIGGER fdr_flow_recon_delete AFTER DELETE ON fdr_flow BEGIN {_NEEDS_FULL.format('OLD.ente_id')} END"),
    "fdr_line_recon_delete": (
        "CREATE TRIGGER fdr_line_recon_delete AFTER DELETE ON fdr_line BEGIN "
        f"{_NEEDS_FULL.format('(SELECT f.ente_id FROM fdr_flow f WHERE f.id = OLD.fdr_id)')} END"),
    "fdr_line_recon_update": (
        "CREATE TRIGGER fdr_line_recon_update AFTER UPDATE ON fdr_line BEGIN "
        f"{_NEEDS_FULL.format('(SELECT f.ente_id FROM fdr_flow f WHERE f.id = OLD.fdr_id)')} "
        f"{_NEEDS_FULL.format('(SELECT f.ente_id FROM fdr_flow f WHERE f.id = NEW.fdr_id)')} END"),
}


def upgrade() -> None:
    op.create_table('reconciliation_dirty',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ente_id', sa.Integer(), nullable=False),
    sa.Column('iuv', sa.String(length=35), nullable=False),
    sa.Column('debt_id', sa.Integer(), nullable=True),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('receipt_id', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reconciliation_dirty'))
    )
    op.create_table('reconciliation_state',
    sa.Column('ente_id', sa.Integer(), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('flags', sa.String(length=40), nullable=False),
    sa.Column('debt_mark', sa.BigInteger(), nullable=False),
    sa.Column('receipt_mark', sa.BigInteger(), nullable=False),
    sa.Column('line_mark', sa.BigInteger(), nullable=False),
    sa.Column('needs_full', sa.Boolean(), nullable=False),
    sa.Column('context', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['ente_id'], ['ente.id'], name=op.f('fk_reconciliation_state_ente_id_ente'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('ente_id', name=op.f('pk_reconciliation_state'))
    )
    if op.get_bind().dialect.name == "sqlite":
        for sql in TRIGGERS.values():
            op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table('reconciliation_state')
    op.drop_table('reconciliation_dirty')
