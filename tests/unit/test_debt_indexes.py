"""The partial indexes of the debt table (only rows with a parent or a flow being sent are in them)
must still serve every lookup by those columns, foreign-key cascades included: otherwise deleting a
debt or a flow would scan the whole table."""

from __future__ import annotations

import pytest


def _plan(workspace, sql: str, params=()) -> str:
    with workspace.db.engine.connect() as conn:
        rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params).all()
    return " | ".join(r[-1] for r in rows)


@pytest.mark.sqlite_only  # SQLite's planner; on PostgreSQL test_store checks the indexes' predicates
@pytest.mark.parametrize("sql,index", [
    ("SELECT id FROM debt WHERE parent_id IN (1, 2, 3)", "ix_debt_parent_id"),
    ("SELECT parent_id, count(id) FROM debt WHERE parent_id IN (1, 2) GROUP BY parent_id", "ix_debt_parent_id"),
    ("DELETE FROM debt WHERE id = 1", "ix_debt_parent_id"),  # ON DELETE CASCADE looks up the instalments
    ("SELECT id FROM debt WHERE sending_flow_id = 1", "ix_debt_sending_flow_id"),
    ("UPDATE debt SET sending_flow_id = NULL WHERE sending_flow_id = 1", "ix_debt_sending_flow_id"),
    ("DELETE FROM upload_flow WHERE id = 1", "ix_debt_sending_flow_id"),  # ON DELETE SET NULL
])
def test_partial_indexes_serve_their_lookups(workspace, sql, index):
    assert index in _plan(workspace, sql)


def test_cascade_through_the_partial_index_still_deletes_instalments(workspace, ente):
    from datetime import date

    from mypay_desk.domain.debts import DebtRecord

    lists = workspace.lists
    lists.create_list("L", "TARI")
    (debt_id,) = lists.add_debts("L", [DebtRecord(iud="A-1", debtor_code="RSSMRA85T10A562S", debtor_name="ROSSI",
                                                  amount_cents=10_000, due_date=date(2025, 6, 30),
                                                  causale="TARI")])
    lists.set_instalments(debt_id, [(5_000, date(2025, 6, 30)), (5_000, date(2025, 9, 30))])
    assert len(lists.instalments(debt_id)) == 2
    from sqlalchemy import text

    with workspace.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM debt WHERE id = :id"), {"id": debt_id})
        assert conn.execute(text("SELECT count(*) FROM debt WHERE parent_id = :id"), {"id": debt_id}).scalar() == 0
