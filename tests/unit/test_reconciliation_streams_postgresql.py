"""PostgreSQL's reconciliation streams are fetched ahead by a thread (store.repositories.reconciliation
.Prefetched): the rows and their order are the cursor's, whatever the batch size against the row count,
and a stream left half-way (a cancelled run) stops fetching before the snapshot's transaction ends."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from mypay_desk.store.models import Debt, DebtList
from mypay_desk.store.repositories import reconciliation as repo
from tests.workspace_support import workspace_with_ente


@pytest.fixture(scope="module")
def shared_pg(pg_cluster, tmp_path_factory):
    name = pg_cluster.create_database(template=pg_cluster.template)
    ws, ente = workspace_with_ente(Path(tmp_path_factory.mktemp("streams-pg")) / "ws", pg_cluster.url(name))
    repo.bulk_insert(ws.db, DebtList, [{"ente_id": ente.id, "name": "L"}])
    # keys whose bytewise order differs from a linguistic one (case, digits, punctuation)
    keys = [f"{p}{i:03d}" for i in range(40) for p in ("A", "a", "B", "_", "1")]
    repo.bulk_insert(ws.db, Debt, ({"ente_id": ente.id, "list_id": 1, "iud": f"D{k}", "iuv": k, "amount_cents": i,
                                    "due_date": date(2024, 1, 1 + i % 28) if i % 3 else None, "state": "SUL_PORTALE",
                                    "is_valid": True, "position": i} for i, k in enumerate(keys)))
    yield ws, ente.id, sorted(keys)
    ws.close()
    pg_cluster.drop_database(name)


@pytest.mark.parametrize("batch", [1, 7, 50, 200, 1000])  # 200 rows: batches that end exactly, or not
def test_prefetched_rows_equal_the_cursor(shared_pg, batch):
    ws, ente_id, keys = shared_pg
    stmt = select(Debt.iuv, Debt.id, Debt.due_date).where(Debt.ente_id == ente_id).order_by(
        Debt.iuv.collate("C"), Debt.id)
    with repo.read_snapshot(ws.db, ente_id) as snap:
        plain = [tuple(r) for r in snap.conn.execute(stmt)]
        stream = repo._stream(snap.conn, stmt, batch)
        assert isinstance(stream, repo.Prefetched)
        got = list(stream)
        assert next(stream, None) is None  # exhausted stays exhausted
    assert got == plain and [r[0] for r in got] == keys  # bytewise order, as Python compares


def test_debt_stream_gives_iso_dates(shared_pg):
    ws, ente_id, keys = shared_pg
    with repo.read_snapshot(ws.db, ente_id) as snap:
        rows = list(snap.debts())
    assert [r[0] for r in rows] == keys
    with ws.db.session() as s:
        due = {iuv: d for iuv, d in s.execute(select(Debt.iuv, Debt.due_date))}
    assert [r[3] for r in rows] == [due[r[0]].isoformat() if due[r[0]] else None for r in rows]


def test_a_stream_left_half_way_stops_before_the_transaction_ends(shared_pg):
    ws, ente_id, keys = shared_pg
    before = {t.name for t in threading.enumerate()}
    stmt = select(Debt.iuv).where(Debt.ente_id == ente_id).order_by(Debt.iuv.collate("C"), Debt.id)
    with repo.read_snapshot(ws.db, ente_id) as snap:
        stream = repo._stream(snap.conn, stmt, 7)
        first = [next(stream) for _ in range(10)]
        streams = snap.conn.info[repo._PREFETCHED]
        assert streams and all(s._pending is not None for s in streams)  # a fetch asked for ahead
    assert [r[0] for r in first] == keys[:10]
    assert all(s._pending is None for s in streams)  # closed by the snapshot's end
    assert {t.name for t in threading.enumerate() if t.name.startswith("mypay-fetch")} <= before
    with repo.read_snapshot(ws.db, ente_id) as snap:  # the connection is fine for the next run
        assert len(list(snap.debts())) == len(keys)
