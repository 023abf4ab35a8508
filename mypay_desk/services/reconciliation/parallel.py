"""A full classification run on two cores: a worker process classifies the upper part of the payment
keys while the run classifies the lower part, and the run applies what the worker merged, chunk by
chunk as the worker completes them (store.repositories.reconciliation_staging).

Each part streams its own keys in order and merges them with its own stored results: the parts are
disjoint ranges of keys, so the result is the one a single pass gives (tests compare the two). The
worker reads the same data as the run: the run holds the workspace's write lock from before the
worker starts until it commits. SQLite only (the scratch database and the lock); a run that is not
big enough, or on another database, classifies everything itself.
"""

from __future__ import annotations

import heapq
import itertools
import multiprocessing
import os
import pickle
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from mypay_desk.domain import reconciliation as rules
from mypay_desk.services.errors import UserError
from mypay_desk.services.reconciliation.merge import apply_results

MIN_KEYS = 200_000  # below this the worker's start-up (a new interpreter) costs more than it saves
# Share of the keys the worker takes: it starts a new interpreter and stages its results, while the
# run also writes its own part into the results table and then applies the worker's chunks as they
# come (on the benchmark's million keys the two parts then end about together: 0.45 left the run
# applying the worker's rows alone at the end, 0.58 left it waiting for the worker).
WORKER_SHARE = 0.55


def worth_it(estimated_keys: int) -> bool:
    """Big enough, and a second core free: on a machine already busy the worker only competes with the
    run (its start-up and the staging are extra work), so the run then classifies everything itself."""
    cores = os.cpu_count() or 1
    if estimated_keys < MIN_KEYS or cores < 2:
        return False
    idle = idle_cores()
    if idle is not None:
        return idle >= FREE_CORE
    try:
        busy = os.getloadavg()[0]
    except (AttributeError, OSError):  # Windows: no load average
        return True
    return busy < cores - 1


FREE_CORE = 0.8  # idle cores measured now that count as "a core is free"
PROC_STAT = Path("/proc/stat")


def idle_cores(interval: float = 0.1) -> float | None:
    """How many cores sit idle right now (Linux: two reads of /proc/stat ``interval`` apart), or None where
    that cannot be read. Now, not the 1-minute load average: that one still counts the work that just
    ended (an import a moment ago kept the run on one core of an idle desk)."""
    try:
        before = PROC_STAT.read_text(encoding="ascii")
        time.sleep(interval)
        after = PROC_STAT.read_text(encoding="ascii")
    except OSError:
        return None
    return idle_cores_between(before, after)


def idle_cores_between(before: str, after: str) -> float | None:
    """Idle cores between two /proc/stat texts: idle + iowait jiffies over all jiffies, times the cores."""
    def totals(text: str) -> tuple[int, int, int] | None:
        lines = text.splitlines()
        head = lines[0].split() if lines else []
        if len(head) < 6 or head[0] != "cpu":
            return None
        values = [int(v) for v in head[1:]]
        cores = sum(1 for line in lines if line.startswith("cpu") and line[3:4].isdigit())
        return sum(values), values[3] + values[4], cores
    a, b = totals(before), totals(after)
    if a is None or b is None or b[0] <= a[0]:
        return None
    return (b[1] - a[1]) / (b[0] - a[0]) * b[2]


@dataclass
class PartInputs:
    """What the payment pass needs besides the streams (computed once by the run)."""

    ente_id: int
    low: str  # the worker's keys: low and above
    flags: rules.Flags
    as_of: str
    flows: dict[int, tuple[str, int, int]]
    tes_by_iuv: dict[str, tuple]
    paid_parents: set[int]
    with_paid_child: set[int]
    had_results: bool
    keys_estimate: int = 0  # the worker's keys, about: where its chunks end (0: one chunk)


class WorkerPart:
    """The worker process classifying the upper part of the keys into the scratch files."""

    def __init__(self, db_path: Path, stages: list[Path], inputs: PartInputs):
        ctx = multiprocessing.get_context("spawn")
        self._conn, child = ctx.Pipe(duplex=False)
        # The inputs go through a file next to the scratch database: the process arguments travel
        # through a pipe that would block the run if the new interpreter died before reading them.
        inputs_file = stages[0].with_suffix(".inputs")
        inputs_file.write_bytes(pickle.dumps(inputs, protocol=pickle.HIGHEST_PROTOCOL))
        self._process = ctx.Process(target=_worker_main,
                                    args=(child, str(db_path), [str(p) for p in stages], str(inputs_file)),
                                    name="mypay-desk-reconcile", daemon=True)
        self._process.start()
        child.close()
        self.outcome: tuple[int, set[str]] | None = None

    def chunks(self) -> Iterator[int]:
        """The index of each chunk once the worker has completed it, waiting for it; then ``outcome`` is
        (keys classified, treasury IUVs met). The worker's error is raised here."""
        while True:
            try:
                message = self._conn.recv()
            except EOFError:
                message = ("error", f"il processo di classificazione è terminato (codice {self._process.exitcode})")
            if message[0] == "chunk":
                yield message[1]
                continue
            self._process.join()
            if message[0] != "ok":
                raise UserError(f"Riconciliazione non riuscita: {message[1]}")
            self.outcome = message[1], set(message[2])
            return

    def stop(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._conn.close()


def _worker_main(conn, db_path: str, stages: list[str], inputs_file: str) -> None:  # pragma: no cover - other process
    try:
        inputs = pickle.loads(Path(inputs_file).read_bytes())
        outcome = classify_part(Path(db_path), [Path(p) for p in stages], inputs,
                                on_chunk=lambda i: conn.send(("chunk", i)))
        conn.send(("ok", *outcome))
    except BaseException as exc:  # noqa: BLE001 - everything goes back to the run, which raises it
        conn.send(("error", f"{exc.__class__.__name__}: {exc}\n{traceback.format_exc(limit=5)}"))
    finally:
        conn.close()


def chunk_ends(keys_estimate: int, chunks: int) -> list[int]:
    """After how many keys each chunk but the last ends (CHUNK_SHARES of the estimate, cumulated)."""
    from mypay_desk.store.repositories.reconciliation_staging import CHUNK_SHARES

    if keys_estimate <= 0:
        return []
    return [max(round(keys_estimate * share), 1) for share in itertools.accumulate(CHUNK_SHARES[:max(chunks - 1, 0)])]


def _chunked(groups: Iterable[tuple[str, list[tuple]]], writer, ends: list[int]) -> Iterator[tuple[str, list[tuple]]]:
    """The groups, the writer moved to its next chunk between two keys once a chunk's share is classified
    (everything of the keys before is written by then: the merge takes a key only after the last one)."""
    pending = iter(ends)
    end = next(pending, None)
    for n, group in enumerate(groups):
        if end is not None and n >= end:
            writer.next_chunk()
            end = next(pending, None)
        yield group


def classify_part(db_path: Path, stages: list[Path], inputs: PartInputs,
                  on_chunk: Callable[[int], None] = lambda _i: None) -> tuple[int, list[str]]:
    """Classify the keys from ``inputs.low`` up and merge them with their stored results, into the
    scratch files, chunk by chunk (``on_chunk`` told each one complete). Runs in the worker (and in
    tests, in-process)."""
    from mypay_desk.store.db import make_engine
    from mypay_desk.store.repositories.reconciliation import Snapshot
    from mypay_desk.store.repositories.reconciliation_staging import StagedResultWriter

    engine = make_engine(db_path)
    try:
        with engine.connect() as conn, conn.begin():
            snap = Snapshot(conn, inputs.ente_id)
            span = (inputs.low, None)
            extra = snap.debts_without_iuv(span=span)
            debts = heapq.merge(snap.debts(span=span), extra) if extra else snap.debts(span=span)
            seen: set[str] = set()
            ctx = rules.PassContext(flags=inputs.flags, as_of=inputs.as_of, flows=inputs.flows,
                                    tes_by_iuv=inputs.tes_by_iuv, paid_parents=inputs.paid_parents,
                                    with_paid_child=inputs.with_paid_child, seen_tes_iuvs=seen)
            writer = StagedResultWriter(stages, on_chunk)
            groups = _chunked(rules.classify_payments(debts, snap.receipts(span=span), snap.lines(span=span), ctx),
                              writer, chunk_ends(inputs.keys_estimate, len(stages)))
            try:
                if inputs.had_results:
                    apply_results(groups, snap.stored_results(rules.PAYMENT_CODES, span=span), writer)
                else:
                    writer.insert_all(itertools.chain.from_iterable(rows for _key, rows in groups))
            except BaseException:
                writer.abandon()
                raise
            writer.close()  # (the last chunk announced only when committed)
            return ctx.keys, sorted(seen)
    finally:
        engine.dispose()
