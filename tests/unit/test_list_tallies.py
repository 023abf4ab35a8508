"""List counts and totals: the tally the SQLite triggers keep equals grouping the debts, after any write.

The triggers see every statement, whatever wrote it, so the property test drives the table with raw
SQL of every kind (single and bulk inserts, updates of any counted column, moves between lists and
under a parent, deletes with their cascades, whole lists deleted); the service paths (import, edits,
undo, cancel, receipts, sync outcome) are exercised in tests/integration/test_list_tallies_paths.py.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert

from mypay_desk.domain.debts import DebtRecord
from mypay_desk.store.models import Debt, DebtList, Ente
from mypay_desk.store.repositories import debts as debts_repo
from mypay_desk.store.repositories import list_tallies
from tests.workspace_support import workspace_with_ente

# Names of the lists the examples add: unique for the whole module (an id() of the example's data was
# reused once that data was freed, and the list name collided with one an earlier example had left).
LIST_NAMES = itertools.count(1)

STATES = ("NUOVO", "IN_INVIO", "SUL_PORTALE", "RIFIUTATO", "ANNULLATO", "PAGATO", "PAGATO_PARZIALE", "SCADUTO")


def assert_tally_equals_scan(ws, ente_id: int) -> None:
    with ws.db.session() as s:
        assert list_tallies.tallies_maintained(s)
        fast = list_tallies.list_tallies(s, ente_id)
        plain = list_tallies.tallies_by_scan(s, ente_id)
    assert {k: sorted(v) for k, v in fast.items()} == {k: sorted(v) for k, v in plain.items()}


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """One workspace for every example (a fresh one each would make the property test crawl)."""
    ws, ente = workspace_with_ente(Path(tmp_path_factory.mktemp("tally")) / "ws")
    with ws.db.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO upload_flow (ente_id, iuf, version, file_name, state, portal_state, "
                             "request_token, upload_url, authorization_token, count_insert, count_modify, "
                             "count_cancel, accepted, rejected, error_message, created_at, updated_at) "
                             "VALUES (?, 'F1', '1_4', '', 'PREPARATO', '', '', '', '', 0, 0, 0, 0, 0, '', "
                             "'2025-01-01', '2025-01-01')", (ente.id,))
    yield ws, ente.id
    ws.close()


_values = st.fixed_dictionaries({
    "state": st.sampled_from(STATES), "is_valid": st.booleans(), "cancel_requested": st.booleans(),
    "portal_hash": st.sampled_from(["", "h1", "h2"]), "sending_flow_id": st.sampled_from([None, 1]),
    "amount_cents": st.integers(0, 10**9),
})
_op = st.one_of(
    st.tuples(st.just("insert"), st.integers(0, 2), st.booleans(), _values),
    st.tuples(st.just("update"), st.integers(0, 10**6), st.fixed_dictionaries({}, optional={
        "state": st.sampled_from(STATES), "is_valid": st.booleans(), "cancel_requested": st.booleans(),
        "portal_hash": st.sampled_from(["", "h1"]), "sending_flow_id": st.sampled_from([None, 1]),
        "amount_cents": st.integers(0, 10**6), "causale": st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=5)}).filter(bool)),
    # (text a database can hold: no NUL for PostgreSQL, no lone surrogate, which UTF-8 cannot encode)
    st.tuples(st.just("move"), st.integers(0, 10**6), st.integers(0, 2), st.booleans()),
    st.tuples(st.just("bulk"), st.sampled_from(STATES), st.integers(0, 10**9)),
    st.tuples(st.just("delete"), st.integers(0, 10**6)),
    st.tuples(st.just("drop_list"), st.integers(0, 2)),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(_op, min_size=1, max_size=25))
def test_tally_equals_grouping_after_any_sql(shared, ops):
    ws, ente_id = shared
    with ws.db.engine.begin() as conn:
        sql = conn.exec_driver_sql
        lists = [r[0] for r in sql("SELECT id FROM debt_list ORDER BY id").all()]
        while len(lists) < 3:
            sql("INSERT INTO debt_list (ente_id, name, default_debt_type, description, created_at, updated_at) "
                "VALUES (?, ?, '', '', '2025-01-01', '2025-01-01')", (ente_id, f"L{next(LIST_NAMES)}"))
            lists = [r[0] for r in sql("SELECT id FROM debt_list ORDER BY id").all()]

        def pick(n: int, where: str = "1") -> int | None:
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
                    sets = ", ".join(f"{c} = ?" for c in op[2])
                    sql(f"UPDATE debt SET {sets} WHERE id = ?", (*op[2].values(), target))
            elif kind == "move":
                target = pick(op[1])
                if target is not None:
                    list_id = lists[op[2]]
                    parent = pick(op[1], f"list_id = {list_id} AND parent_id IS NULL AND id != {target}") \
                        if op[3] else None
                    sql("UPDATE debt SET list_id = ?, parent_id = ? WHERE id = ?", (list_id, parent, target))
            elif kind == "bulk":
                sql("UPDATE debt SET state = ?, amount_cents = amount_cents + 1 WHERE amount_cents < ?", op[1:])
            elif kind == "delete":
                target = pick(op[1])
                if target is not None:
                    sql("DELETE FROM debt WHERE id = ?", (target,))  # instalments go by cascade
            elif kind == "drop_list":
                sql("DELETE FROM debt_list WHERE id = ?", (lists[op[1]],))  # debts go by cascade
                lists = [r[0] for r in sql("SELECT id FROM debt_list ORDER BY id").all()]
                if len(lists) < 3:
                    sql("INSERT INTO debt_list (ente_id, name, default_debt_type, description, created_at, "
                        "updated_at) VALUES (?, ?, '', '', '2025-01-01', '2025-01-01')", (ente_id, f"N{id(op)}"))
                    lists = [r[0] for r in sql("SELECT id FROM debt_list ORDER BY id").all()]
    assert_tally_equals_scan(ws, ente_id)
    with ws.db.session() as s:  # no bucket left behind for a list that is gone
        orphans = s.connection().exec_driver_sql(
            "SELECT count(*) FROM debt_list_tally WHERE list_id NOT IN (SELECT id FROM debt_list)").scalar()
    assert orphans == 0


@pytest.mark.sqlite_only  # (the tally's triggers and the plan are SQLite's)
def test_a_rolled_back_write_leaves_the_tally_as_it_was(workspace, ente):
    workspace.lists.create_list("L", "TARI")
    workspace.lists.add_debts("L", [_record(1)])
    before = workspace.lists.summary("L")
    with pytest.raises(RuntimeError), workspace.db.session() as s:
        s.connection().exec_driver_sql("UPDATE debt SET state = 'PAGATO', amount_cents = 1")
        raise RuntimeError("rolled back")
    assert workspace.lists.summary("L") == before
    assert_tally_equals_scan(workspace, ente.id)


@pytest.mark.sqlite_only  # (the tally's triggers and the plan are SQLite's)
def test_bulk_staged_insert_is_counted(workspace, ente):
    """The staging-table path (INSERT ... SELECT of thousands of rows) goes through the triggers too."""
    lst = workspace.lists.create_list("Grande", "TARI")
    n = debts_repo.STAGE_MIN_ROWS + 10
    with workspace.db.session() as s:
        debts_repo.insert_debt_columns(s, {"iud": [f"I{i}" for i in range(n)], "amount_cents": list(range(n)),
                                           "is_valid": [i % 3 != 0 for i in range(n)]},
                                       {"ente_id": ente.id, "list_id": lst.id, "state": "NUOVO"})
    summary = workspace.lists.summary("Grande")
    assert summary.total_count == n and summary.total_cents == sum(range(n))
    assert summary.invalid_count == len(range(0, n, 3))
    assert_tally_equals_scan(workspace, ente.id)


@pytest.mark.sqlite_only  # (the pausable insert trigger is SQLite's, migration 0008)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_bulk_insert_with_the_trigger_paused_counts_like_the_trigger(shared, data):
    """The staging path pauses the per-row trigger and adds the buckets of its rows itself: any mix of
    varying and constant bucket columns gives the tally the trigger would, next to rows already there."""
    ws, ente_id = shared
    n = debts_repo.STAGE_MIN_ROWS + data.draw(st.integers(0, 50))
    columns = {"iud": [f"B{i}" for i in range(n)], "amount_cents": data.draw(
        st.one_of(st.integers(0, 10**6), st.lists(st.integers(0, 10**6), min_size=n, max_size=n)))}
    choices = {"state": st.sampled_from(STATES), "is_valid": st.booleans(), "cancel_requested": st.booleans(),
               "portal_hash": st.sampled_from(["", "h1"]), "sending_flow_id": st.sampled_from([None, 1])}
    for name, values in choices.items():
        how = data.draw(st.sampled_from(["default", "constant", "varying"]), label=name)
        if how == "constant":
            columns[name] = data.draw(values, label=name)
        elif how == "varying":
            pattern = data.draw(st.lists(values, min_size=1, max_size=4), label=name)
            columns[name] = [pattern[i % len(pattern)] for i in range(n)]
    with ws.db.session() as s:
        list_id = s.connection().exec_driver_sql("SELECT min(id) FROM debt_list").scalar()
        if list_id is None:
            s.connection().exec_driver_sql(
                "INSERT INTO debt_list (ente_id, name, default_debt_type, description, created_at, updated_at) "
                "VALUES (?, 'Bulk', 'TARI', '', '2025-01-01', '2025-01-01')", (ente_id,))
            list_id = s.connection().exec_driver_sql("SELECT min(id) FROM debt_list").scalar()
        s.connection().exec_driver_sql("DELETE FROM debt WHERE iud LIKE 'B%'")
        debts_repo.insert_debt_columns(s, columns, {"ente_id": ente_id, "list_id": list_id})
        assert s.connection().exec_driver_sql("SELECT count(*) FROM debt_tally_pause").scalar() == 0
    assert_tally_equals_scan(ws, ente_id)


@pytest.mark.sqlite_only
def test_a_failed_bulk_insert_leaves_the_trigger_working(workspace, ente):
    """The pause ends with the insert, also when it fails: a caller that goes on in the same transaction
    (or a later one) has its rows counted."""
    lst = workspace.lists.create_list("L", "TARI")
    n = debts_repo.STAGE_MIN_ROWS + 1
    with workspace.db.session() as s:
        with pytest.raises(Exception):  # noqa: B017 (the driver's IntegrityError, whichever wraps it)
            # A list that does not exist: the foreign key fails the INSERT ... SELECT itself.
            debts_repo.insert_debt_columns(s, {"iud": [f"I{i}" for i in range(n)], "amount_cents": [1] * n},
                                           {"ente_id": ente.id, "list_id": lst.id + 1000})
        assert s.connection().exec_driver_sql("SELECT count(*) FROM debt_tally_pause").scalar() == 0
        s.execute(insert(Debt), [{"ente_id": ente.id, "list_id": lst.id, "iud": "ONE", "amount_cents": 7}])
    assert workspace.lists.summary("L").total_cents == 7
    assert_tally_equals_scan(workspace, ente.id)


def test_summaries_are_the_same_through_the_portable_path(workspace, ente, monkeypatch):
    """The portable fallback (grouping the debts: PostgreSQL, or triggers missing) gives the same summaries."""
    workspace.lists.create_list("A", "TARI")
    ids = workspace.lists.add_debts("A", [_record(i) for i in range(6)] + [_record(9, amount_cents=0)])
    workspace.lists.set_instalments(ids[0], [(5_000, date(2030, 3, 31)), (5_000, date(2030, 9, 30))])
    workspace.lists.cancel_debts([ids[1]])
    workspace.lists.create_list("B", "MENSA")
    fast = workspace.lists.lists()
    monkeypatch.setattr(list_tallies, "tallies_maintained", lambda _s: False)
    plain = workspace.lists.lists()
    assert fast == plain
    assert [s.to_dict() for s in fast] == [s.to_dict() for s in plain]
    a = next(s for s in fast if s.name == "A")
    assert a.total_count == 7 and a.invalid_count == 1  # the zero amount


def test_triggers_exist_after_migrations_and_fill_existing_debts(tmp_path):
    """A database from before the tally, with debts, gets its tally filled by the migration."""
    from alembic import command

    from mypay_desk.services.workspace import Workspace
    from mypay_desk.store.db import alembic_config, make_engine

    path = tmp_path / "ws" / "mypay-desk.sqlite3"
    path.parent.mkdir()
    engine = make_engine(path)
    cfg = alembic_config(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, _revision_before("list_tallies"))
    with engine.begin() as conn:  # (ente and debt_list are the same then and now; debt gained columns later)
        import sqlalchemy as sa

        from mypay_desk.store.repositories.debts import DEBT_DEFAULTS

        conn.execute(insert(Ente.__table__).values(id=1, ipa_code="C_TEST", fiscal_code="01199250158", name="Comune"))
        conn.execute(insert(DebtList.__table__).values(id=1, ente_id=1, name="Vecchia"))
        old_debt = sa.Table("debt", sa.MetaData(), autoload_with=conn)
        base = {c.name: DEBT_DEFAULTS.get(c.name) for c in old_debt.columns if c.name != "id"}
        now = datetime(2026, 1, 1)
        conn.execute(insert(old_debt), [
            {**base, "created_at": now, "updated_at": now, "ente_id": 1, "list_id": 1, "iud": f"I{i}",
             "state": STATES[i % 4], "is_valid": bool(i % 2), "portal_hash": "h" if i % 3 else "",
             "amount_cents": 100 * i} for i in range(40)])
    engine.dispose()
    ws = Workspace.open(tmp_path / "ws")
    try:
        with ws.db.session() as s:
            assert list_tallies.tallies_maintained(s)
            assert sum(b.debts for b in list_tallies.list_tallies(s, 1)[1]) == 40
        assert_tally_equals_scan(ws, 1)
    finally:
        ws.close()


@pytest.mark.sqlite_only  # (the tally's triggers and the plan are SQLite's)
def test_pending_candidates_use_the_partial_index(workspace, ente):
    """Only debts touched since the portal accepted them are read to count pending changes."""
    sql = ("EXPLAIN QUERY PLAN " + str(debts_repo.pending_candidate_query(1).compile(
        workspace.db.engine, compile_kwargs={"literal_binds": True})))
    with workspace.db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")  # whatever the statistics say
        plan = " | ".join(r[-1] for r in conn.exec_driver_sql(sql).all())
    assert "ix_debt_list_unsynced" in plan, plan


def _record(i: int, **kw) -> DebtRecord:
    base = dict(iud=f"IUD-{i}", debtor_code="RSSMRA85T10A562S", debtor_name=f"ROSSI {i}", amount_cents=10_000 + i,
                due_date=date(2030, 6, 30), causale=f"TARI {i}")
    base.update(kw)
    return DebtRecord(**base)


def _revision_before(topic: str) -> str:
    from alembic.script import ScriptDirectory

    from mypay_desk.store.db import alembic_config

    for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions():
        if rev.path.endswith(f"_{topic}.py"):
            return rev.down_revision
    raise AssertionError(topic)
