"""store.repositories.value_lists.among: the same rows as a plain IN list, on both databases (PostgreSQL takes
the values as one array parameter)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from mypay_desk.store.models import Debt, DebtList
from mypay_desk.store.repositories import value_lists
from mypay_desk.store.repositories.reconciliation import bulk_insert


@pytest.fixture
def debts(workspace, ente):
    bulk_insert(workspace.db, DebtList, [{"ente_id": ente.id, "name": "L"}])
    iuvs = [f"1200000000000{n:04d}" for n in range(300)] + ["A" * 35, "é-ü", ""]
    bulk_insert(workspace.db, Debt, [{"ente_id": ente.id, "list_id": 1, "iud": f"D{i}", "iuv": v, "amount_cents": i,
                                      "state": "NUOVO", "is_valid": True} for i, v in enumerate(iuvs)])
    return workspace, iuvs


def _rows(conn, condition) -> list[tuple]:
    return [tuple(r) for r in conn.execute(select(Debt.id, Debt.iuv).where(condition).order_by(Debt.id))]


def test_among_finds_what_in_finds(debts, monkeypatch):
    ws, iuvs = debts
    monkeypatch.setattr(value_lists, "IN_LIST_SIZE", 7)
    monkeypatch.setattr(value_lists, "ARRAY_SIZE", 7)
    wanted = iuvs[::3] + ["A" * 36, "missing"]  # a value longer than the column must not match a cut one
    with ws.db.engine.connect() as conn:
        ids = [r[0] for r in _rows(conn, Debt.iuv.in_(iuvs))]
        for values, column in ((wanted, Debt.iuv), (ids[1::4], Debt.id), ([], Debt.id)):
            parts = list(value_lists.value_chunks(conn, values))
            assert [v for p in parts for v in p] == values and all(len(p) <= 7 for p in parts)
            got = sorted(r for p in parts for r in _rows(conn, value_lists.among(conn, column, p)))
            assert got == _rows(conn, column.in_(values))
        assert ("A" * 35) not in {v for _i, v in _rows(conn, value_lists.among(conn, Debt.iuv, ["A" * 36]))}
