"""Incremental reconciliation runs leave exactly what a full run would.

After random changes of every kind (debts added, edited, cancelled, deleted, moved under a rata unica;
receipts added, rematched, edited, deleted; FdR flows and revisions; treasury credits and reversals; the
date moving on) an incremental run classifies only the keys it thinks changed. The oracle: a copy of
the database after that run, classified again in full, must find nothing to insert, update or delete.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mypay_desk.domain.ente import EnteData
from mypay_desk.services.workspace import Workspace
from mypay_desk.store.models import Debt, DebtList, FdrFlow, FdrLine, Receipt, TreasuryMovement
from mypay_desk.store.repositories import reconciliation_changes
from mypay_desk.store.repositories.reconciliation import bulk_insert

CF = "01199250158"
START = date(2024, 3, 1)
IUVS = [f"1200000000000{n:04d}" for n in range(8)]
STATES = ["SUL_PORTALE", "NUOVO", "SUL_PORTALE", "ANNULLATO", "PAGATO", "RIFIUTATO"]


def iuf(n: int) -> str:
    return f"2024-01-15ABI03069-{n:010d}"


class World:
    """A workspace under random changes, and a second one where the oracle's full runs happen."""

    def __init__(self, tmp, database: str | None = None):
        self.ws = Workspace.open(tmp / "ws", database=database)
        # PostgreSQL: the oracle's full run happens in the same database (no file to copy)
        self.oracle = Workspace.open(tmp / "oracle") if database is None else None
        ente = self.ws.ente.save(EnteData(ipa_code="C_TEST", fiscal_code=CF, name="Comune", segregation_code="12",
                                          adhesion_mode="flussi"))
        self.ente_id = ente.id
        bulk_insert(self.ws.db, DebtList, [{"ente_id": ente.id, "name": "L"}])
        self.reset()

    def reset(self) -> None:
        """Back to no data and no run (SQLite gives the freed ids again; PostgreSQL's go on)."""
        for table in ("reconciliation_state", "reconciliation_dirty", "reconciliation_result", "receipt", "debt",
                      "fdr_flow", "treasury_movement"):
            self.sql(f"DELETE FROM {table}")
        self.as_of = START
        self.n = 0

    def sql(self, statement: str, params=()):
        if self.oracle is None:  # psycopg's parameter marks
            statement = statement.replace("?", "%s")
        with self.ws.db.engine.begin() as conn:
            return conn.exec_driver_sql(statement, params).all() if statement.lstrip().upper().startswith(
                "SELECT") else conn.exec_driver_sql(statement, params)

    def ids(self, table: str) -> list[int]:
        return [r[0] for r in self.sql(f"SELECT id FROM {table} ORDER BY id")]

    def pick(self, table: str, k: int) -> int | None:
        ids = self.ids(table)
        return ids[k % len(ids)] if ids else None

    def apply(self, op: tuple) -> None:
        kind, a, b, c = op
        self.n += 1
        now = datetime(2024, 2, 1, 8, 0) + timedelta(minutes=self.n)
        if kind == "debt":
            parent = self.pick("debt", b) if c % 3 == 0 else None
            bulk_insert(self.ws.db, Debt, [{
                "ente_id": self.ente_id, "list_id": 1, "parent_id": parent, "iud": f"D{self.n}",
                "iuv": "" if a == len(IUVS) else IUVS[a % len(IUVS)], "amount_cents": 1000 + 100 * (c % 4),
                "due_date": START + timedelta(days=(b % 5) - 2), "state": STATES[c % len(STATES)],
                "portal_hash": "h" if c % 2 else "", "is_valid": True, "created_at": now, "updated_at": now}])
        elif kind == "edit" and (d := self.pick("debt", a)) is not None:
            column, value = [("amount_cents", 1000 + 100 * (c % 4)), ("state", STATES[c % len(STATES)]),
                             ("portal_hash", "h" if c % 2 else ""), ("due_date", str(START + timedelta(days=c % 5 - 2))),
                             ("iuv", IUVS[c % len(IUVS)]), ("causale", f"c{c}")][b % 6]
            self.sql(f"UPDATE debt SET {column} = ? WHERE id = ?", (value, d))
        elif kind == "delete_debt" and (d := self.pick("debt", a)) is not None:
            self.sql("DELETE FROM debt WHERE id = ?", (d,))
        elif kind == "receipt":
            debt = self.pick("debt", b) if c % 4 == 0 else None
            bulk_insert(self.ws.db, Receipt, [{
                "ente_id": self.ente_id, "dedupe_key": f"R{self.n}", "iuv": IUVS[a % len(IUVS)], "debt_id": debt,
                "receipt_message_id": f"M{self.n if c % 3 else 1}", "iur": f"IUR{self.n}",
                "amount_cents": 1000 + 100 * (b % 4), "total_paid_cents": 1000 + 100 * (b % 4),
                "outcome_code": "0" if c % 5 else "1", "outcome_date": START, "imported_at": now}])
        elif kind == "rematch" and (r := self.pick("receipt", a)) is not None:
            self.sql("UPDATE receipt SET debt_id = ? WHERE id = ?", (self.pick("debt", b), r))
        elif kind == "edit_receipt" and (r := self.pick("receipt", a)) is not None:
            column, value = [("amount_cents", 1000 + 100 * (c % 4)), ("total_paid_cents", 1000 + 100 * (c % 4)),
                             ("outcome_code", "0" if c % 5 else "1"), ("iuv", IUVS[c % len(IUVS)]),
                             ("receipt_message_id", f"M{c % 3}"), ("iur", f"IUR{c % 3}")][b % 6]
            self.sql(f"UPDATE receipt SET {column} = ? WHERE id = ?", (value, r))
        elif kind == "delete_receipt" and (r := self.pick("receipt", a)) is not None:
            self.sql("DELETE FROM receipt WHERE id = ?", (r,))
        elif kind == "flow":
            # a new flow, or a later revision of one (the latest revision counts)
            lines = [IUVS[(a + k) % len(IUVS)] for k in range(1 + b % 3)]
            bulk_insert(self.ws.db, FdrFlow, [{
                "ente_id": self.ente_id, "flow_id": iuf(c % 3), "flow_datetime": now,
                "total_count": len(lines), "total_amount_cents": 1000 * len(lines), "imported_at": now}])
            flow_id = self.ids("fdr_flow")[-1]
            bulk_insert(self.ws.db, FdrLine, [{
                "fdr_id": flow_id, "line_number": k + 1, "iuv": v, "iur": f"L{self.n}-{k}", "payment_index": 1,
                "amount_cents": 1000 + 100 * ((b + k) % 2), "outcome_code": "0"} for k, v in enumerate(lines)])
        elif kind == "treasury":
            by_iuf = c % 3 != 0
            bulk_insert(self.ws.db, TreasuryMovement, [{
                "ente_id": self.ente_id, "dedupe_key": f"T{self.n}", "source_kind": "OPI",
                "movement_type": "SOSPESO ENTRATA", "status": "STORNATO" if c % 7 == 0 else "ESEGUITO",
                "document_number": f"DOC{b % 3}", "amount_cents": 1000 * (1 + b % 3),
                "iuf": iuf(a % 3) if by_iuf else "", "iuv": "" if by_iuf else IUVS[a % len(IUVS)],
                "causale": "x", "imported_at": now}])
        elif kind == "date":
            self.as_of = START + timedelta(days=(a % 5) - 2)

    def run(self):
        return self.ws.reconciliation.run(as_of=self.as_of)

    def full_run_finds_nothing_to_change(self) -> None:
        if self.oracle is None:
            report = self.ws.reconciliation.run(ente_id=self.ente_id, as_of=self.as_of, full=True)
            assert (report.inserted, report.updated, report.deleted) == (0, 0, 0)
            return
        self.oracle.db.dispose()
        src, dst = sqlite3.connect(self.ws.db.path), sqlite3.connect(self.oracle.db.path)
        try:
            src.backup(dst)
        finally:
            src.close()
            dst.close()
        self.oracle.db.dispose()
        report = self.oracle.reconciliation.run(ente_id=self.ente_id, as_of=self.as_of, full=True)
        assert (report.inserted, report.updated, report.deleted) == (0, 0, 0)

    def close(self):
        self.ws.close()
        if self.oracle is not None:
            self.oracle.close()


_op = st.tuples(st.sampled_from(["debt", "debt", "edit", "edit", "delete_debt", "receipt", "receipt", "rematch",
                                 "edit_receipt", "delete_receipt", "flow", "treasury", "date"]),
                st.integers(0, 20), st.integers(0, 20), st.integers(0, 20))


@pytest.fixture(scope="module")
def shared_world(tmp_path_factory):
    world = World(tmp_path_factory.mktemp("recon"))
    yield world
    world.close()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(setup=st.lists(_op, min_size=3, max_size=25), steps=st.lists(st.lists(_op, max_size=6), min_size=1,
                                                                      max_size=4))
def test_incremental_runs_equal_a_full_run(shared_world, setup, steps):
    incremental_runs_equal_a_full_run(shared_world, setup, steps)


def incremental_runs_equal_a_full_run(world: World, setup: list[tuple], steps: list[list[tuple]]) -> None:
    world.reset()
    for op in setup:
        world.apply(op)
    assert not world.run().incremental  # the first run classifies everything
    for step in steps:
        for op in step:
            world.apply(op)
        report = world.run()
        assert report.incremental
        world.full_run_finds_nothing_to_change()


def add_paid_keys(world: World, n: int) -> None:
    """``n`` debts, each with a receipt."""
    for k in range(n):
        world.apply(("debt", k, 2, 1))
        world.apply(("receipt", k, 0, 1))


def test_one_new_receipt_classifies_only_its_key(tmp_path):
    world = World(tmp_path)
    try:
        add_paid_keys(world, 6)
        world.run()
        world.apply(("receipt", 7, 0, 1))
        report = world.run()
        assert report.incremental and report.keys == 1 and report.inserted >= 1
        world.full_run_finds_nothing_to_change()
        again = world.run()
        assert again.keys == 0 and again.changed == 0
    finally:
        world.close()


def test_flags_change_and_deleted_flow_force_a_full_run(tmp_path):
    world = World(tmp_path)
    try:
        world.apply(("debt", 1, 2, 1))
        world.apply(("flow", 1, 1, 1))
        world.run()
        world.sql("DELETE FROM fdr_flow")
        assert not world.run().incremental
        ws = world.ws
        with ws.db.session() as s:
            from mypay_desk.store.models import Ente

            s.get(Ente, world.ente_id).reconcile_treasury = False
        assert not world.run().incremental
        assert world.run().incremental
        world.full_run_finds_nothing_to_change()
    finally:
        world.close()


def test_without_tracking_every_run_is_full(tmp_path, monkeypatch):
    """Without the change triggers (a database missing them) every run classifies everything, with the same result."""
    world = World(tmp_path)
    try:
        for k in range(4):
            world.apply(("debt", k, 2, 1))
        world.run()
        monkeypatch.setattr(reconciliation_changes, "tracking_available", lambda _conn: False)
        world.apply(("receipt", 1, 0, 1))
        report = world.run()
        assert not report.incremental and report.keys >= 4
        world.full_run_finds_nothing_to_change()
    finally:
        world.close()


@pytest.mark.parametrize("rows", [0, 3])
def test_triggers_write_only_for_an_ente_that_reconciles(tmp_path, rows):
    world = World(tmp_path)
    try:
        world.apply(("debt", 1, 2, 1))
        if rows:
            world.run()
        world.apply(("edit", 0, 0, 3))  # the amount
        world.apply(("delete_debt", 0, 0, 0))
        dirty = world.sql("SELECT count(*) FROM reconciliation_dirty")[0][0]
        assert (dirty > 0) == bool(rows)
    finally:
        world.close()


def _codes(world) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for key, code in world.sql("SELECT key, code FROM reconciliation_result"):
        out.setdefault(key, set()).add(code)
    return out


@pytest.mark.parametrize("paid", ["rata unica", "instalment"])
def test_a_paid_alternative_silences_the_others_incrementally(tmp_path, paid):
    """A receipt for the rata unica silences its instalments (other keys), and one for an instalment
    silences the rata unica: the incremental run must look at the family's keys, not only the paid one."""
    world = World(tmp_path)
    try:
        past = START - timedelta(days=30)
        bulk_insert(world.ws.db, Debt, [
            {"ente_id": world.ente_id, "list_id": 1, "iud": "P", "iuv": IUVS[0], "amount_cents": 3000,
             "due_date": past, "state": "SUL_PORTALE", "portal_hash": "h", "is_valid": True}])
        parent = world.ids("debt")[0]
        bulk_insert(world.ws.db, Debt, [
            {"ente_id": world.ente_id, "list_id": 1, "parent_id": parent, "iud": f"P-{k}", "iuv": IUVS[k],
             "amount_cents": 1000, "due_date": past, "state": "SUL_PORTALE", "portal_hash": "h", "is_valid": True}
            for k in (1, 2, 3)])
        world.run()
        assert {k for k, codes in _codes(world).items() if "IUD_NO_RT" in codes} == set(IUVS[:4])
        key = IUVS[0] if paid == "rata unica" else IUVS[2]
        bulk_insert(world.ws.db, Receipt, [{
            "ente_id": world.ente_id, "dedupe_key": "R", "iuv": key, "receipt_message_id": "M", "iur": "I",
            "amount_cents": 3000 if paid == "rata unica" else 1000,
            "total_paid_cents": 3000 if paid == "rata unica" else 1000, "outcome_code": "0", "outcome_date": START}])
        report = world.run()
        assert report.incremental
        overdue = {k for k, codes in _codes(world).items() if "IUD_NO_RT" in codes}
        assert overdue == (set() if paid == "rata unica" else {IUVS[1], IUVS[3]})
        world.full_run_finds_nothing_to_change()
    finally:
        world.close()


@pytest.mark.parametrize("kind", ["receipt", "debt"])
def test_a_row_taking_an_id_freed_before_the_last_run_is_classified(tmp_path, kind):
    """SQLite gives a new row the highest id present plus one: once the newest rows are deleted, a new
    debt or receipt can take an id at or below the last run's mark (here one already free at that run)."""
    world = World(tmp_path)
    table = "receipt" if kind == "receipt" else "debt"
    try:
        world.apply((kind, 0, 0, 1))
        world.apply((kind, 0, 0, 1))
        world.apply((f"delete_{kind}", 0, 0, 0))  # id 1 free before the run
        world.run()
        world.apply((f"delete_{kind}", 0, 0, 0))  # the newest row (the run's mark) goes
        world.apply((kind, 1, 0, 1))  # and a new one takes id 1
        assert world.ids(table) == [1]
        report = world.run()
        assert report.incremental and report.inserted >= 1
        world.full_run_finds_nothing_to_change()
    finally:
        world.close()


# --- PostgreSQL (migration 0010): every change, new rows included, is a change row --------------------

@pytest.fixture(scope="module")
def pg_world(pg_cluster, tmp_path_factory):
    name = pg_cluster.create_database(template=pg_cluster.template)
    world = World(tmp_path_factory.mktemp("recon-pg"), pg_cluster.url(name))
    yield world
    world.close()
    pg_cluster.drop_database(name)


@pytest.fixture
def fresh_pg_world(pg_world):
    pg_world.reset()
    return pg_world


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(setup=st.lists(_op, min_size=3, max_size=20), steps=st.lists(st.lists(_op, max_size=6), min_size=1,
                                                                      max_size=3))
def test_postgresql_incremental_runs_equal_a_full_run(pg_world, setup, steps):
    incremental_runs_equal_a_full_run(pg_world, setup, steps)


def test_postgresql_one_new_receipt_classifies_only_its_key(fresh_pg_world):
    world = fresh_pg_world
    add_paid_keys(world, 6)
    world.run()
    assert world.sql("SELECT count(*) FROM reconciliation_dirty")[0][0] == 0  # the run consumed its rows
    world.apply(("receipt", 7, 0, 1))
    report = world.run()
    assert report.incremental and report.keys == 1 and report.inserted >= 1
    again = world.run()
    assert again.incremental and again.keys == 0 and again.changed == 0
    world.full_run_finds_nothing_to_change()


def _receipt_sql(world, n: int, iuv: str) -> tuple[str, tuple]:
    return ("INSERT INTO receipt (ente_id, dedupe_key, export_name, iud, iuv, receipt_message_id, psp_id, psp_name, "
            "payer_type, payer_code, payer_name, payer_email, outcome_code, total_paid_cents, amount_cents, "
            "single_outcome, iur, payment_context, causale, collection_data, debt_type, signature_type, rt_xml, "
            "bilancio, secondary_fiscal_code, secondary_name, secondary_taxonomy, match_kind, imported_at, raw_json) "
            "VALUES (%s, %s, '', '', %s, %s, '', '', '', '', '', '', '0', 1000, 1000, '', %s, '', '', '', '', '', '', "
            "'', '', '', '', '', now(), '')", (world.ente_id, f"LATE{n}", iuv, f"LATE{n}", f"IUR-LATE{n}"))


def test_postgresql_a_receipt_committed_after_a_later_id_is_classified(fresh_pg_world):
    """Two desks: receipt A takes its id first but commits after B and after a run that saw B. With id
    marks A would look old; its change row is seen by the next run."""
    world = fresh_pg_world
    world.apply(("debt", 1, 2, 1))
    world.run()
    slow = world.ws.db.engine.raw_connection()
    try:
        cur = slow.cursor()
        cur.execute(*_receipt_sql(world, 1, IUVS[1]))  # A: the lower id, not committed yet
        world.apply(("receipt", 2, 0, 1))  # B: a higher id, committed
        first = world.run()
        assert first.incremental and first.keys == 1  # B's key only: A is not visible yet
        slow.commit()
    finally:
        slow.close()
    ids = world.ids("receipt")
    assert ids[0] < ids[1]  # A's id is below B's, already seen by a run
    report = world.run()
    assert report.incremental and report.keys >= 1 and report.inserted >= 1
    world.full_run_finds_nothing_to_change()


def test_postgresql_a_flow_deleted_during_a_run_asks_for_a_full_run(fresh_pg_world):
    """The flow's delete commits after the run read its snapshot: the run must not clear the request."""
    world = fresh_pg_world
    world.apply(("debt", 1, 2, 1))
    world.apply(("flow", 1, 1, 1))
    world.run()
    deleting = world.ws.db.engine.raw_connection()
    try:
        deleting.cursor().execute("DELETE FROM fdr_flow")
        world.apply(("receipt", 1, 0, 1))
        assert world.run().incremental  # the delete is not committed: not seen yet
        deleting.commit()
    finally:
        deleting.close()
    assert not world.run().incremental
    assert world.run().incremental
    world.full_run_finds_nothing_to_change()


def test_postgresql_first_run_waits_for_writes_under_way(fresh_pg_world, monkeypatch):
    """A receipt inserted before the Ente's first run wrote no change row (no state yet) and commits while the
    run starts: the run waits for it, so its snapshot holds the receipt; a run waiting too long gives up."""
    import threading

    from mypay_desk.store.db import DatabaseBusyError

    world = fresh_pg_world
    world.apply(("debt", 1, 2, 1))
    slow = world.ws.db.engine.raw_connection()
    try:
        slow.cursor().execute(*_receipt_sql(world, 1, IUVS[1]))
        monkeypatch.setattr(reconciliation_changes, "FIRST_RUN_WAIT_S", 0.3)
        with pytest.raises(DatabaseBusyError):
            world.run()
        monkeypatch.setattr(reconciliation_changes, "FIRST_RUN_WAIT_S", 30.0)
        outcome: list = []
        runner = threading.Thread(target=lambda: outcome.append(world.run()))
        runner.start()
        runner.join(0.5)
        assert runner.is_alive()  # waiting for the insert's transaction
        slow.commit()
        runner.join(30)
        assert not runner.is_alive() and not outcome[0].incremental
    finally:
        slow.close()
    assert world.sql("SELECT count(*) FROM reconciliation_dirty")[0][0] == 0
    world.full_run_finds_nothing_to_change()
    world.apply(("receipt", 3, 0, 1))
    assert world.run().incremental


def test_postgresql_first_run_wait_stops_on_cancel(fresh_pg_world):
    """The first run's wait for writes under way looks at the run's Cancel: it stops at once, and the next run
    (the writes committed) is a full one that sees them."""
    import threading

    from mypay_desk.services.errors import Cancelled
    from mypay_desk.services.progress import CancelToken

    world = fresh_pg_world
    world.apply(("debt", 1, 2, 1))
    slow = world.ws.db.engine.raw_connection()
    try:
        slow.cursor().execute(*_receipt_sql(world, 1, IUVS[1]))
        token = CancelToken()
        threading.Timer(0.3, token.cancel).start()
        started = time.monotonic()
        with pytest.raises(Cancelled):
            world.ws.reconciliation.run(as_of=world.as_of, cancel=token)
        assert time.monotonic() - started < 5  # not the 60 s of the wait
        slow.commit()
    finally:
        slow.close()
    report = world.run()
    assert not report.incremental
    world.full_run_finds_nothing_to_change()


def test_postgresql_triggers_write_only_for_an_ente_that_reconciles(fresh_pg_world):
    world = fresh_pg_world
    world.apply(("debt", 1, 2, 1))
    world.apply(("receipt", 1, 0, 1))
    assert world.sql("SELECT count(*) FROM reconciliation_dirty")[0][0] == 0
    world.run()
    world.apply(("edit", 0, 5, 3))  # the causale: no change row
    assert world.sql("SELECT count(*) FROM reconciliation_dirty")[0][0] == 0
    world.apply(("edit", 0, 0, 3))  # the amount
    world.apply(("receipt", 2, 0, 1))
    assert world.sql("SELECT count(*) FROM reconciliation_dirty")[0][0] == 2


@pytest.fixture(params=["sqlite", "postgresql"])
def any_world(request, tmp_path):
    if request.param == "sqlite":
        world = World(tmp_path)
        yield world
        world.close()
    else:
        yield request.getfixturevalue("fresh_pg_world")


# Each kind of change the triggers watch, alone after a run (ops as World.apply takes them).
_ONE_CHANGE = {
    "receipt amount": ("edit_receipt", 0, 0, 2), "receipt outcome": ("edit_receipt", 0, 2, 5),
    "receipt IUV": ("edit_receipt", 0, 3, 2), "receipt payment id": ("edit_receipt", 1, 4, 1),
    "receipt deleted": ("delete_receipt", 0, 0, 0), "debt amount": ("edit", 0, 0, 2),
    "debt cancelled": ("edit", 0, 1, 3), "debt IUV": ("edit", 0, 4, 3), "debt deleted": ("delete_debt", 0, 0, 0),
    "debt new": ("debt", 1, 2, 1), "receipt new": ("receipt", 2, 0, 1), "FdR line new": ("flow", 1, 0, 2),
}


@pytest.mark.parametrize("change", sorted(_ONE_CHANGE))
def test_each_kind_of_change_is_seen_by_the_next_run(any_world, change):
    world = any_world
    add_paid_keys(world, 3)
    world.run()
    world.apply(_ONE_CHANGE[change])
    report = world.run()
    assert report.incremental and report.keys >= 1
    world.full_run_finds_nothing_to_change()
