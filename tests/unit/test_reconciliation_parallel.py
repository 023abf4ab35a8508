"""A full run split between the run and a worker process stores exactly what one pass stores: first
runs, runs over stored results (notes kept and carried), cancelled runs (nothing written)."""

from __future__ import annotations

import pytest

from mypay_desk.services.errors import Cancelled
from mypay_desk.services.progress import CancelToken
from mypay_desk.services.reconciliation import parallel
from mypay_desk.store.repositories import reconciliation as repo
from mypay_desk.store.repositories import reconciliation_staging as staging
from tests.unit.test_reconciliation_incremental import World
from tests.unit.test_reconciliation_service import AS_OF, EXPECTED, counts, import_all

COLUMNS = "key, code, iuv, iuf, amount_cents, debt_id, receipt_id, fdr_line_id, treasury_id, fingerprint, note"


def stored(ws) -> list[tuple]:
    with ws.db.engine.connect() as conn:
        return conn.exec_driver_sql(f"SELECT {COLUMNS} FROM reconciliation_result ORDER BY key, code").all()


@pytest.fixture
def split(monkeypatch):
    """Every full run splits (the worker takes the upper part of the keys); returns the splits seen."""
    seen = []
    real = parallel.WorkerPart.__init__

    def spy(self, db_path, stage, inputs):
        seen.append(inputs.low)
        real(self, db_path, stage, inputs)

    monkeypatch.setattr(parallel, "MIN_KEYS", 0)
    monkeypatch.setattr(parallel, "worth_it", lambda _n: True)
    monkeypatch.setattr(parallel.WorkerPart, "__init__", spy)
    return seen


def test_split_run_stores_what_one_pass_stores(tmp_path, monkeypatch):
    world = World(tmp_path)
    try:
        ops = [(k, a, b, c) for a in range(8) for k, b, c in
               (("debt", a % 5, a), ("receipt", a % 3, a + 1), ("flow", a % 4, a), ("treasury", a % 3, a + 2))]
        for op in ops:
            world.apply(op)
        one_pass = world.ws.reconciliation.run(as_of=world.as_of, full=True)
        expected = stored(world.ws)
        world.sql("DELETE FROM reconciliation_result")
        monkeypatch.setattr(parallel, "worth_it", lambda _n: True)
        lows = []
        real = parallel.classify_part
        monkeypatch.setattr(parallel, "WorkerPart", _InProcess)  # (the same function, here: it can be spied on)
        monkeypatch.setattr(parallel, "classify_part", lambda *a, **k: lows.append(a[2].low) or real(*a, **k))
        applied = _spy_chunks(monkeypatch)
        two_parts = world.ws.reconciliation.run(as_of=world.as_of, full=True)
        assert lows and any(row[0] >= lows[0] for row in expected) and any(row[0] < lows[0] for row in expected)
        assert len(applied) > 1 and applied == sorted(applied)  # the worker's part came in several chunks, in order
        assert stored(world.ws) == expected
        assert two_parts.keys == one_pass.keys and two_parts.inserted == one_pass.inserted
        # and over stored results: changes merged by each part, a note on a key of the upper part kept
        key = expected[-1][0]
        world.sql("UPDATE reconciliation_result SET note = 'visto' WHERE key = ?", (key,))
        for op in [("receipt", 7, 1, 2), ("edit", 3, 0, 1), ("delete_debt", 2, 0, 0), ("debt", 6, 2, 5)]:
            world.apply(op)
        applied.clear()
        again = world.ws.reconciliation.run(as_of=world.as_of, full=True)
        assert again.changed > 0 and len(applied) > 1
        world.full_run_finds_nothing_to_change()  # (the oracle runs in one pass: nothing differs)
        assert "visto" in " ".join(n for k, *_r, n in stored(world.ws) if k == key)
    finally:
        world.close()


class _InProcess:
    """WorkerPart running classify_part in this process (the real one is a spawned process)."""

    def __init__(self, db_path, stages, inputs):
        self.completed: list[int] = []
        self._outcome = parallel.classify_part(db_path, stages, inputs, on_chunk=self.completed.append)
        self.outcome = None

    def chunks(self):
        yield from self.completed
        self.outcome = self._outcome[0], set(self._outcome[1])

    def stop(self):
        pass


def _spy_chunks(monkeypatch) -> list[int]:
    applied: list[int] = []
    real = staging.apply_stage
    monkeypatch.setattr(staging, "apply_stage", lambda writer, chunk: applied.append(chunk) or real(writer, chunk))
    return applied


def test_chunk_ends_follow_the_shares():
    assert parallel.chunk_ends(1000, 4) == [400, 700, 900]
    assert parallel.chunk_ends(1000, 1) == [] and parallel.chunk_ends(0, 4) == []
    assert parallel.chunk_ends(2, 4) == [1, 1, 2]  # tiny parts: never before the first key


@pytest.mark.sqlite_only  # (the scratch files are SQLite's)
def test_a_chunk_completed_after_the_run_read_another_is_seen_whole(workspace, ente, tmp_path):
    """The run applies chunk 0 while the worker still writes chunk 1: each file is first read by the run only
    once complete, so every row of both arrives (one shared file would show only what its first read saw)."""
    stages = staging.create_stage(tmp_path, 2)
    announced: list[int] = []
    with repo.result_writer(workspace.db, ente.id, stages=stages) as writer:
        part = staging.StagedResultWriter(stages, announced.append)
        part.insert_all(_result_row(f"K{i:03d}") for i in range(3))
        part.next_chunk()
        assert announced == [0]
        staging.apply_stage(writer, 0)
        part.insert_all(_result_row(f"K{i:03d}") for i in range(3, 10))
        part.close()
        assert announced == [0, 1]
        staging.apply_stage(writer, 1)
        assert writer.inserted == 10
    assert [r[0] for r in stored(workspace)] == [f"K{i:03d}" for i in range(10)]


def _result_row(key: str) -> tuple:
    # repo.RESULT_COLUMNS: key, code, iuv, iuf, amount, debt, receipt, FdR line, treasury, fingerprint
    return (key, "RT_NO_IUD", key, "", 100, None, None, None, None, "fp")


@pytest.mark.sqlite_only  # (the split run is SQLite's)
def test_scenario_with_every_code_split_in_two(workspace, ente, tmp_path, split):
    from tests.unit.test_reconciliation_service import build_scenario

    import_all(workspace, build_scenario(workspace, ente.id, tmp_path))
    workspace.reconciliation.run(as_of=AS_OF)
    assert counts(workspace) == EXPECTED and split


def test_cancelled_split_run_writes_nothing(tmp_path, split):
    world = World(tmp_path)
    try:
        for a in range(6):
            world.apply(("debt", a, 2, 1))
            world.apply(("receipt", a, 0, 1))
        token = CancelToken()

        def progress(done, total, message):
            if message.startswith("Classificazione") and done:
                token.cancel()

        with pytest.raises(Cancelled):
            world.ws.reconciliation.run(as_of=world.as_of, cancel=token, progress=progress, full=True)
        assert stored(world.ws) == [] and split
        world.ws.reconciliation.run(as_of=world.as_of)
        assert stored(world.ws)
    finally:
        world.close()


def test_a_free_core_is_measured_now_not_by_the_load_average(monkeypatch):
    """Two /proc/stat samples say how many cores are idle right now; the worker starts only with one free."""
    before = "cpu  100 0 100 800 0 0 0 0 0 0\ncpu0 50 0 50 400 0 0 0 0 0 0\ncpu1 50 0 50 400 0 0 0 0 0 0\n"
    one_busy = "cpu  200 0 100 900 0 0 0 0 0 0\ncpu0 150 0 50 400 0 0 0 0 0 0\ncpu1 50 0 50 500 0 0 0 0 0 0\n"
    both_busy = "cpu  300 0 100 800 0 0 0 0 0 0\ncpu0 150 0 50 400 0 0 0 0 0 0\ncpu1 150 0 50 400 0 0 0 0 0 0\n"
    assert parallel.idle_cores_between(before, one_busy) == 1.0
    assert parallel.idle_cores_between(before, both_busy) == 0.0
    assert parallel.idle_cores_between(before, before) is None and parallel.idle_cores_between("", before) is None
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(parallel.os, "getloadavg", lambda: (5.0, 5.0, 5.0))  # a busy minute that just ended
    monkeypatch.setattr(parallel, "idle_cores", lambda interval=0.1: 1.0)
    assert parallel.worth_it(1_000_000) and not parallel.worth_it(parallel.MIN_KEYS - 1)
    monkeypatch.setattr(parallel, "idle_cores", lambda interval=0.1: 0.3)
    assert not parallel.worth_it(1_000_000)
    monkeypatch.setattr(parallel, "idle_cores", lambda interval=0.1: None)  # no /proc: the load average
    assert not parallel.worth_it(1_000_000)
