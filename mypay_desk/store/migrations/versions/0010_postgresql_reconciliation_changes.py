"""PostgreSQL: reconciliation change rows, so a run after a few changes classifies only their keys

Revision ID: 0010
Revises: 0009

0005 and 0009 do this on SQLite, where rows above the last run's id marks are new. On PostgreSQL
several desks write at once and a sequence's ids commit out of order (a row given id 10 can commit
after a run that already saw id 11), so no id mark says what is new: here every change the codes depend
on writes a row into ``reconciliation_dirty``, inserts included, and the run consumes exactly the
change rows its snapshot saw (by id). The triggers are statement-level, reading the transition tables:
an import of 100,000 receipts (COPY, then one INSERT ... SELECT) writes its change rows with one
INSERT ... SELECT too. They write only for an Ente that has a ``reconciliation_state``.

A deleted or rewritten FdR flow or line asks for a full run with a change row whose ``needs_full`` is true
(not by setting the state's ``needs_full``, as on SQLite: the run that ends later would reset a flag set
by a desk meanwhile). The column is added on both databases; SQLite's triggers leave it false.

The change conditions are 0005's (a debt's IUV, amount, due date, parent, Ente, "cancelled" and "known to
the portal"; a receipt's Ente, IUV, amounts, outcome, payment ids and matched debt), written with
``IS DISTINCT FROM`` for SQLite's ``IS NOT``.
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

_DIRTY = "INSERT INTO reconciliation_dirty (ente_id, iuv, debt_id, parent_id, receipt_id, needs_full) "
_STATE = "EXISTS (SELECT 1 FROM reconciliation_state s WHERE s.ente_id = {0})"
# domain.reconciliation.NOTIFIED_STATES as of this revision: a debt the portal holds is an I record.
_KNOWN = ("({0}.portal_hash <> '' OR {0}.state IN ('SUL_PORTALE', 'PAGATO', 'PAGATO_PARZIALE', 'SCADUTO'))")
_DEBT_CHANGED = " OR ".join([
    "o.iuv IS DISTINCT FROM n.iuv", "o.amount_cents IS DISTINCT FROM n.amount_cents",
    "o.due_date IS DISTINCT FROM n.due_date", "o.parent_id IS DISTINCT FROM n.parent_id",
    "o.ente_id IS DISTINCT FROM n.ente_id",
    "((o.state = 'ANNULLATO') IS DISTINCT FROM (n.state = 'ANNULLATO'))",
    f"({_KNOWN.format('o')} IS DISTINCT FROM {_KNOWN.format('n')})",
])
_RECEIPT_CHANGED = " OR ".join(
    f"o.{c} IS DISTINCT FROM n.{c}" for c in ("ente_id", "iuv", "debt_id", "amount_cents", "total_paid_cents",
                                              "outcome_code", "receipt_message_id", "iur"))
_FULL = f"{_DIRTY}SELECT DISTINCT {{0}}, '', NULL::integer, NULL::integer, NULL::integer, true {{1}}"

FUNCTIONS = {
    "mypay_desk_recon_debt_insert": (
        f"{_DIRTY}SELECT n.ente_id, n.iuv, n.id, n.parent_id, NULL, false FROM new_rows n "
        f"WHERE {_STATE.format('n.ente_id')} ORDER BY n.id"),
    "mypay_desk_recon_debt_update": (
        f"{_DIRTY}SELECT c.ente_id, c.iuv, c.id, c.parent_id, NULL, false FROM ("
        f"SELECT o.ente_id, o.iuv, o.id, o.parent_id FROM old_rows o JOIN new_rows n ON n.id = o.id "
        f"WHERE {_DEBT_CHANGED} UNION ALL "
        "SELECT n.ente_id, n.iuv, n.id, n.parent_id FROM old_rows o JOIN new_rows n ON n.id = o.id "
        "WHERE n.ente_id IS DISTINCT FROM o.ente_id) AS c "
        f"WHERE {_STATE.format('c.ente_id')} ORDER BY c.id"),
    "mypay_desk_recon_debt_delete": (
        f"{_DIRTY}SELECT o.ente_id, o.iuv, o.id, o.parent_id, NULL, false FROM old_rows o "
        f"WHERE {_STATE.format('o.ente_id')} ORDER BY o.id"),
    "mypay_desk_recon_receipt_insert": (
        f"{_DIRTY}SELECT n.ente_id, n.iuv, NULL, NULL, n.id, false FROM new_rows n "
        f"WHERE {_STATE.format('n.ente_id')} ORDER BY n.id"),
    "mypay_desk_recon_receipt_update": (
        f"{_DIRTY}SELECT c.ente_id, c.iuv, NULL, NULL, c.id, false FROM ("
        f"SELECT o.ente_id, o.iuv, o.id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE {_RECEIPT_CHANGED} "
        "UNION ALL SELECT n.ente_id, n.iuv, n.id FROM old_rows o JOIN new_rows n ON n.id = o.id "
        "WHERE n.iuv IS DISTINCT FROM o.iuv OR n.ente_id IS DISTINCT FROM o.ente_id) AS c "
        f"WHERE {_STATE.format('c.ente_id')} ORDER BY c.id"),
    "mypay_desk_recon_receipt_delete": (
        f"{_DIRTY}SELECT o.ente_id, o.iuv, NULL, NULL, o.id, false FROM old_rows o "
        f"WHERE {_STATE.format('o.ente_id')} ORDER BY o.id"),
    # a new FdR line: its key (the flow gives the Ente)
    "mypay_desk_recon_line_insert": (
        f"{_DIRTY}SELECT f.ente_id, n.iuv, NULL, NULL, NULL, false FROM new_rows n JOIN fdr_flow f ON f.id = n.fdr_id "
        f"WHERE {_STATE.format('f.ente_id')} ORDER BY n.id"),
    # a line rewritten or deleted: a full run (as on SQLite)
    "mypay_desk_recon_line_update": _FULL.format(
        "f.ente_id", "FROM (SELECT fdr_id FROM old_rows UNION SELECT fdr_id FROM new_rows) AS x "
        f"JOIN fdr_flow f ON f.id = x.fdr_id WHERE {_STATE.format('f.ente_id')}"),
    "mypay_desk_recon_line_delete": _FULL.format(
        "f.ente_id", f"FROM old_rows o JOIN fdr_flow f ON f.id = o.fdr_id WHERE {_STATE.format('f.ente_id')}"),
    # (a flow's delete cascades to its lines after the flow is gone: the flow's own trigger asks)
    "mypay_desk_recon_flow_delete": _FULL.format("o.ente_id", f"FROM old_rows o WHERE {_STATE.format('o.ente_id')}"),
}
# trigger -> (event, table, referencing, function)
TRIGGERS = {
    "debt_recon_insert": ("INSERT", "debt", "NEW TABLE AS new_rows", "mypay_desk_recon_debt_insert"),
    "debt_recon_update": ("UPDATE", "debt", "OLD TABLE AS old_rows NEW TABLE AS new_rows",
                          "mypay_desk_recon_debt_update"),
    "debt_recon_delete": ("DELETE", "debt", "OLD TABLE AS old_rows", "mypay_desk_recon_debt_delete"),
    "receipt_recon_insert": ("INSERT", "receipt", "NEW TABLE AS new_rows", "mypay_desk_recon_receipt_insert"),
    "receipt_recon_update": ("UPDATE", "receipt", "OLD TABLE AS old_rows NEW TABLE AS new_rows",
                             "mypay_desk_recon_receipt_update"),
    "receipt_recon_delete": ("DELETE", "receipt", "OLD TABLE AS old_rows", "mypay_desk_recon_receipt_delete"),
    "fdr_line_recon_insert": ("INSERT", "fdr_line", "NEW TABLE AS new_rows", "mypay_desk_recon_line_insert"),
    "fdr_line_recon_update": ("UPDATE", "fdr_line", "OLD TABLE AS old_rows NEW TABLE AS new_rows",
                              "mypay_desk_recon_line_update"),
    "fdr_line_recon_delete": ("DELETE", "fdr_line", "OLD TABLE AS old_rows", "mypay_desk_recon_line_delete"),
    "fdr_flow_recon_delete": ("DELETE", "fdr_flow", "OLD TABLE AS old_rows", "mypay_desk_recon_flow_delete"),
}


def upgrade() -> None:
    op.add_column("reconciliation_dirty", sa.Column("needs_full", sa.Boolean(), nullable=False,
                                                    server_default=sa.false()))
    op.create_index(op.f("ix_reconciliation_dirty_ente_id"), "reconciliation_dirty", ["ente_id"])
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, body in FUNCTIONS.items():
        op.execute(f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                   f"BEGIN {body}; RETURN NULL; END $$")
    for name, (event, table, referencing, function) in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} AFTER {event} ON {table} REFERENCING {referencing} FOR EACH STATEMENT "
                   f"EXECUTE FUNCTION {function}()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name, (_event, table, _referencing, _function) in TRIGGERS.items():
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        for name in FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    op.drop_index(op.f("ix_reconciliation_dirty_ente_id"), "reconciliation_dirty")
    # (not a batch table copy: on SQLite the rename back would fail on 0005's triggers, which name the table)
    op.execute("ALTER TABLE reconciliation_dirty DROP COLUMN needs_full")
