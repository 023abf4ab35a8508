"""PostgreSQL keeps the list tallies with statement-level triggers (migration 0007): after any SQL the tally
equals grouping the debts, as test_list_tallies.py holds it for SQLite's row triggers."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert, text

from mypay_desk.store.models import Debt
from mypay_desk.store.repositories import list_tallies
from tests.unit.test_list_tallies import LIST_NAMES, _op, assert_tally_equals_scan
from tests.workspace_support import workspace_with_ente


@pytest.fixture(scope="module")
def shared_pg(pg_cluster, tmp_path_factory):
    name = pg_cluster.create_database(template=pg_cluster.template)
    ws, ente = workspace_with_ente(Path(tmp_path_factory.mktemp("tally-pg")) / "ws", pg_cluster.url(name))
    with ws.db.engine.begin() as conn:
        conn.execute(text("INSERT INTO upload_flow (id, ente_id, iuf, version, file_name, state, portal_state, "
                          "request_token, upload_url, authorization_token, count_insert, count_modify, count_cancel, "
                          "accepted, rejected, error_message, created_at, updated_at) VALUES (1, :e, 'F1', '1_4', '', "
                          "'PREPARATO', '', '', '', '', 0, 0, 0, 0, 0, '', now(), now())"), {"e": ente.id})
    yield ws, ente.id
    ws.close()
    pg_cluster.drop_database(name)


def test_the_triggers_are_there(shared_pg):
    ws, _ente = shared_pg
    with ws.db.session() as s:
        assert list_tallies.tallies_maintained(s)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(_op, min_size=1, max_size=25))
def test_tally_equals_grouping_after_any_sql(shared_pg, ops):
    ws, ente_id = shared_pg
    with ws.db.engine.begin() as conn:
        def sql(statement: str, **params):
            return conn.execute(text(statement), params)

        def lists_now() -> list[int]:
            return [r[0] for r in sql("SELECT id FROM debt_list ORDER BY id").all()]

        lists = lists_now()
        while len(lists) < 3:
            sql("INSERT INTO debt_list (ente_id, name, default_debt_type, description, created_at, updated_at) "
                "VALUES (:e, :n, '', '', now(), now())", e=ente_id, n=f"L{next(LIST_NAMES)}")
            lists = lists_now()

        def pick(n: int, where: str = "true") -> int | None:
            ids = [r[0] for r in sql(f"SELECT id FROM debt WHERE {where} ORDER BY id").all()]
            return ids[n % len(ids)] if ids else None

        for op in ops:
            kind = op[0]
            if kind == "insert":
                _, which, as_child, v = op
                list_id = lists[which]
                parent = pick(len(ops), f"list_id = {list_id} AND parent_id IS NULL") if as_child else None
                conn.execute(insert(Debt.__table__).values(ente_id=ente_id, list_id=list_id, parent_id=parent, **v))
            elif kind == "update":
                target = pick(op[1])
                if target is not None:
                    sets = ", ".join(f"{c} = :{c}" for c in op[2])
                    sql(f"UPDATE debt SET {sets} WHERE id = :target", **op[2], target=target)
            elif kind == "move":
                target = pick(op[1])
                if target is not None:
                    list_id = lists[op[2]]
                    parent = pick(op[1], f"list_id = {list_id} AND parent_id IS NULL AND id != {target}") \
                        if op[3] else None
                    sql("UPDATE debt SET list_id = :l, parent_id = :p WHERE id = :t", l=list_id, p=parent, t=target)
            elif kind == "bulk":
                sql("UPDATE debt SET state = :s, amount_cents = amount_cents + 1 WHERE amount_cents < :a",
                    s=op[1], a=op[2])
            elif kind == "delete":
                target = pick(op[1])
                if target is not None:
                    sql("DELETE FROM debt WHERE id = :t", t=target)  # instalments go by cascade
            elif kind == "drop_list":
                sql("DELETE FROM debt_list WHERE id = :l", l=lists[op[1]])  # debts go by cascade
                lists = lists_now()
                if len(lists) < 3:
                    sql("INSERT INTO debt_list (ente_id, name, default_debt_type, description, created_at, "
                        "updated_at) VALUES (:e, :n, '', '', now(), now())", e=ente_id, n=f"N{id(op)}")
                    lists = lists_now()
    assert_tally_equals_scan(ws, ente_id)
    with ws.db.session() as s:
        orphans = s.connection().exec_driver_sql(
            "SELECT count(*) FROM debt_list_tally WHERE list_id NOT IN (SELECT id FROM debt_list)").scalar()
    assert orphans == 0


def test_tallies_doubled_by_an_old_copy_are_counted_again(pg_cluster, tmp_path):
    """Migration 0011: a shared database whose tallies an older ``workspace copy-to`` counted twice (the copied
    tally, then the triggers on the copied debts) is counted again from the debts when the app opens it."""
    from mypay_desk.services.workspace import Workspace
    from mypay_desk.store.models import DebtList
    from mypay_desk.store.repositories.reconciliation import bulk_insert

    name = pg_cluster.create_database(template=pg_cluster.template)
    url = pg_cluster.url(name)
    try:
        ws, ente = workspace_with_ente(tmp_path / "ws", url)
        bulk_insert(ws.db, DebtList, [{"ente_id": ente.id, "name": "L"}])
        bulk_insert(ws.db, Debt, [{"ente_id": ente.id, "list_id": 1, "iud": f"D{i}", "iuv": "", "amount_cents": 100 + i,
                                   "state": "NUOVO", "is_valid": True} for i in range(5)])
        with ws.db.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE debt_list_tally SET debts = debts * 2, amount_cents = amount_cents * 2")
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0010'")
        ws.close()
        ws = Workspace.open(tmp_path / "ws", database=url)
        try:
            assert_tally_equals_scan(ws, ente.id)
            with ws.db.session() as s:
                assert sum(b.debts for b in list_tallies.list_tallies(s, ente.id)[1]) == 5
        finally:
            ws.close()
    finally:
        pg_cluster.drop_database(name)
