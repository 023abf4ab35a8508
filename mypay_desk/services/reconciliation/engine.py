"""The classification run: every payment gets MyPivot's code; only changed results are written, and
(SQLite) only the payment keys whose inputs changed since the last run are classified again."""

from __future__ import annotations

import heapq
import itertools
import json
import shutil
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from mypay_desk.domain import reconciliation as rules
from mypay_desk.services.activity import single_flight
from mypay_desk.services.progress import NEVER_CANCELLED, CancelToken, ProgressCallback, no_progress
from mypay_desk.services.reconciliation import parallel
from mypay_desk.services.reconciliation.merge import apply_results
from mypay_desk.services.reconciliation.views import (
    ReconciliationServiceBase,
    RunReport,
)
from mypay_desk.store.repositories import reconciliation as repo
from mypay_desk.store.repositories import reconciliation_changes as changes
from mypay_desk.store.repositories import reconciliation_staging as staging


class ReconciliationRun(ReconciliationServiceBase):
    """The incremental run of MyPivot's classification rules."""

    # --- the engine ----------------------------------------------------------------------------
    def flags(self, ente_id: int | None = None) -> rules.Flags:
        ente = self._ente(ente_id)
        with self.ws.db.session() as s:
            notifications, treasury, mode = repo.ente_flags(s, ente.id)
        # An Ente in "base" mode has no debts on the portal: notification codes would be noise.
        return rules.Flags(notifications=notifications and mode != "base", treasury=treasury)

    @single_flight(lambda self, *, ente_id=None, **_kw: (f"reconcile:{self._ente(ente_id).id}",
                                                         "sta eseguendo la riconciliazione"))
    def run(self, *, ente_id: int | None = None, as_of: date | None = None, full: bool = False,
            progress: ProgressCallback = no_progress, cancel: CancelToken = NEVER_CANCELLED) -> RunReport:
        """Classify the payment keys; write only what changed. Cancelling leaves the previous results.

        Incremental (SQLite, PostgreSQL): only the keys whose inputs changed since the last run are classified
        again (see store.repositories.reconciliation_changes); the first run, a change of the flags,
        a deleted FdR flow, ``full=True`` or a change touching a good part of the keys classify every
        key, as any run does on a database without change tracking. A big full run on SQLite uses
        both cores (see parallel).
        """
        ente = self._ente(ente_id)
        flags = self.flags(ente.id)
        flags_key = f"notifications={int(flags.notifications)},treasury={int(flags.treasury)}"
        as_of = as_of or date.today()
        started = time.perf_counter()
        report = RunReport()
        progress(0, 0, "Lettura dei dati")
        folder = Path(tempfile.mkdtemp(prefix="mypay-desk-reconcile-")) if self.ws.db.engine.dialect.name == "sqlite" \
            else None
        stages = staging.create_stage(folder) if folder is not None else None
        part: parallel.WorkerPart | None = None
        try:
            changes.prepare_state(self.ws.db, ente.id, check=cancel.raise_if_cancelled)  # PostgreSQL: first run
            # The write lock first: on SQLite nothing commits while the run reads, so what it reads and the
            # marks it records describe the same data (and a worker process reads the same data too). On
            # PostgreSQL other desks go on writing; the snapshot and its change rows describe the same data.
            with repo.result_writer(self.ws.db, ente.id, stages=stages) as writer, \
                    repo.read_snapshot(self.ws.db, ente.id) as snap:
                tracking = changes.tracking_available(snap.conn)
                state = changes.read_state(snap.conn, ente.id) if tracking else None
                marks = changes.current_marks(snap.conn, ente.id) if tracking else None
                c = _read_context(snap)
                cancel.raise_if_cancelled()
                estimate = max(snap.count_inputs() // 2, 1)
                keys: list[str] | None = None  # None: every key
                previous = _Context.load(state.context) if state is not None else None
                if previous is not None and not full and not state.needs_full and not marks.full \
                        and state.flags == flags_key:
                    changed = _changed_keys(snap.conn, ente.id, state, marks, as_of, previous, c.flow_ctx, c.tes_iuv,
                                            c.flow_ids)
                    floor, share = INCREMENTAL_MAX_KEYS[snap.conn.dialect.name]
                    if len(changed) <= max(floor, estimate // share):
                        keys = sorted(changed)
                        estimate = max(len(keys), 1)
                report.incremental = keys is not None
                had_results = snap.has_results()
                seen_tes: set[str] = set()
                span: repo.KeySpan = None  # the keys this process classifies (None: all of them)
                if keys is None:
                    paid_parents, with_paid_child = snap.silenced_debts()
                    if stages and parallel.worth_it(estimate):
                        low = snap.key_at(1 - parallel.WORKER_SHARE)
                        if low:
                            part = parallel.WorkerPart(self.ws.db.path, stages, parallel.PartInputs(
                                ente.id, low, flags, as_of.isoformat(), c.flow_ctx, c.tes_iuv, paid_parents,
                                with_paid_child, had_results, int(snap.estimate_keys() * parallel.WORKER_SHARE)))
                            span = (None, low)
                            estimate = max(int(estimate * (1 - parallel.WORKER_SHARE)), 1)
                    extra = snap.debts_without_iuv(span=span)
                    debts: Iterable[tuple] = heapq.merge(snap.debts(span=span), extra) if extra \
                        else snap.debts(span=span)
                else:
                    debt_rows = list(snap.debts(keys))
                    extra = snap.debts_without_iuv(keys)
                    paid_parents, with_paid_child = snap.silenced_debts(
                        debt_ids={r[1] for r in (*debt_rows, *extra)},
                        parent_ids={r[6] for r in (*debt_rows, *extra) if r[6] is not None})
                    debts = heapq.merge(debt_rows, extra) if extra else debt_rows
                ctx = rules.PassContext(
                    flags=flags, as_of=as_of.isoformat(), flows=c.flow_ctx, tes_by_iuv=c.tes_iuv,
                    paid_parents=paid_parents, with_paid_child=with_paid_child, seen_tes_iuvs=seen_tes)

                def tick(n: int) -> None:
                    cancel.raise_if_cancelled()
                    progress(min(n, estimate), estimate, "Classificazione dei pagamenti")

                ctx.tick = tick
                payment_groups = rules.classify_payments(debts, snap.receipts(keys, span), snap.lines(keys, span), ctx)
                if keys is not None:
                    apply_results(payment_groups, snap.stored_results(rules.PAYMENT_CODES, keys), writer)
                    # Treasury IUVs met by the pass: the keys it did not read were met (or not) as last
                    # time (whether a key exists changes only with its inputs; a changed credit is a
                    # changed key).
                    unread = set(c.tes_iuv).difference(keys)
                    seen_tes |= {k for k in previous.seen if k in unread}
                elif had_results:
                    apply_results(payment_groups, snap.stored_results(rules.PAYMENT_CODES, span=span), writer)
                else:  # first run: stream every row straight into the table
                    writer.insert_all(itertools.chain.from_iterable(rows for _key, rows in payment_groups))
                if part is not None:  # the worker's keys, merged by it into the scratch files
                    progress(estimate, estimate, "Classificazione dei pagamenti (seconda parte)")
                    for chunk in part.chunks():  # each one as soon as the worker completes it
                        cancel.raise_if_cancelled()
                        staging.apply_stage(writer, chunk)
                    more, seen = part.outcome
                    ctx.keys += more
                    seen_tes |= seen
                report.keys = ctx.keys
                cancel.raise_if_cancelled()
                progress(estimate, estimate, "Flussi e movimenti di tesoreria")
                other = _flow_and_treasury_rows(c.current, c.tes_by_iuf, c.tes_refs, seen_tes, flags)
                apply_results(rules.group_sorted(other),
                              snap.stored_results(rules.FLOW_CODES | rules.TREASURY_CODES, few=True), writer)
                writer.flush()
                if tracking:
                    changes.save_state(writer.conn, ente.id, as_of, flags_key, marks,
                                       _Context(c.flow_ctx, c.tes_iuv, seen_tes).dump())
                cancel.raise_if_cancelled()  # last chance: leaving the block commits
                report.inserted, report.updated, report.deleted = writer.inserted, writer.updated, writer.deleted
        finally:
            if part is not None:
                part.stop()
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)
        report.seconds = time.perf_counter() - started
        self.ws.audit("reconcile.run", ente_id=ente.id, details=report.to_json())
        return report


@dataclass
class _Inputs:
    """The flows and treasury credits as the payment pass needs them."""

    current: dict[str, tuple[datetime, int, int]]  # IUF -> (date, id, total) of its latest revision
    flow_ids: set[int]  # every revision
    tes_by_iuf: dict[str, list[int]]
    tes_refs: dict[int, tuple[str, str, str, int]]
    flow_ctx: dict[int, tuple[str, int, int]]  # current revision id -> (IUF, Tes-by-IUF state, credit id)
    tes_iuv: dict[str, tuple]  # IUV -> (count, cents, first credit id) of single credits


def _read_context(snap) -> _Inputs:
    # flows: the latest revision of each IUF counts
    current: dict[str, tuple[datetime, int, int]] = {}
    flow_ids: set[int] = set()
    for pk, iuf, when, total in snap.flows():
        flow_ids.add(pk)
        if iuf not in current or when > current[iuf][0]:
            current[iuf] = (when, pk, total)
    known = sorted(current)
    treasury = snap.treasury()
    effective = rules.effective_credits((t[0], t[1], t[2], t[3]) for t in treasury)
    tes_by_iuf: dict[str, list[int]] = {}
    tes_by_iuv: dict[str, list[int]] = {}
    tes_refs: dict[int, tuple[str, str, str, int]] = {}
    for tid, _status, _kind, _doc, amount, iuf, iuv in treasury:
        if tid not in effective:
            continue
        resolved = rules.resolve_iuf(iuf, known) if iuf else ""
        if resolved:
            acc = tes_by_iuf.setdefault(resolved, [0, 0, tid])
        elif iuv:
            acc = tes_by_iuv.setdefault(iuv, [0, 0, tid])
        else:
            acc = None
        if acc is not None:
            acc[0] += 1
            acc[1] += amount
        tes_refs[tid] = (iuf, resolved, iuv, amount)
    flow_ctx: dict[int, tuple[str, int, int]] = {}
    for iuf, (_when, pk, total) in current.items():
        count, cents, first = tes_by_iuf.get(iuf, (0, 0, 0))
        flow_ctx[pk] = (iuf, rules.flow_tes_state(total, count, cents), first)
    return _Inputs(current, flow_ids, tes_by_iuf, tes_refs, flow_ctx, {k: tuple(v) for k, v in tes_by_iuv.items()})


# A change touching more keys than (at least, a share of the estimated keys) is classified in full: a keyed
# read costs more per key than a full pass. Measured at 200,000 debts (a full run 2.4-4.0 s on SQLite,
# 3.2-3.8 s on PostgreSQL): 50,000 new receipts took 3.9 s on SQLite, 5.0 s on PostgreSQL, 10,000 1.0 and 1.7 s.
INCREMENTAL_MAX_KEYS = {"sqlite": (50_000, 3), "postgresql": (20_000, 8)}


@dataclass
class _Context:
    """What the payment codes depend on besides a key's own records, as the last run saw it: each
    current flow's (IUF, Tes-by-IUF state, credit), the treasury credits by IUV, and which of those
    IUVs are payment keys."""

    flows: dict[int, tuple[str, int, int]]
    tes: dict[str, tuple]
    seen: set[str]

    def dump(self) -> str:
        return json.dumps({"flows": [[k, *v] for k, v in self.flows.items()],
                           "tes": [[k, *v] for k, v in self.tes.items()], "seen": sorted(self.seen)},
                          separators=(",", ":"))

    @classmethod
    def load(cls, text: str) -> _Context | None:
        try:
            data = json.loads(text)
            return cls({int(f[0]): tuple(f[1:]) for f in data["flows"]}, {t[0]: tuple(t[1:]) for t in data["tes"]},
                       set(data["seen"]))
        except (ValueError, KeyError, TypeError, IndexError):
            return None  # unreadable: a full run writes a new one


def _changed_keys(conn, ente_id: int, state: changes.RunState, marks: changes.Marks, as_of: date,
                  previous: _Context, flow_ctx: dict[int, tuple[str, int, int]], tes_iuv: dict[str, tuple],
                  flow_ids: set[int]) -> set[str]:
    """The payment keys whose codes may differ from the last run's."""
    keys = changes.affected_keys(conn, ente_id, changes.changes_since(conn, ente_id, state, marks, flow_ids))
    # a flow revision that became (or stopped being) the current one, or whose credit changed
    old_flows = previous.flows
    moved = {pk for pk in old_flows.keys() | flow_ctx.keys() if old_flows.get(pk) != flow_ctx.get(pk)}
    keys |= changes.line_keys_of_flows(conn, moved)
    keys |= {k for k in previous.tes.keys() | tes_iuv.keys() if previous.tes.get(k) != tes_iuv.get(k)}
    if as_of != state.as_of:  # debts falling due between the two dates
        keys |= changes.keys_due_between(conn, ente_id, min(as_of, state.as_of), max(as_of, state.as_of))
    return keys


# --- run helpers ---------------------------------------------------------------------------------

def _flow_and_treasury_rows(current, tes_by_iuf, tes_refs, seen_tes: set[str], flags: rules.Flags
                            ) -> list[tuple]:
    rows = []
    for iuf, (_when, pk, total) in current.items():
        count, cents, first = tes_by_iuf.get(iuf, (0, 0, 0))
        code = rules.classify_flow(total, count, cents, flags)
        if code:
            fp = rules.fingerprint((pk, total, count, cents, first))
            rows.append((iuf, code, "", iuf, total, None, None, None, first or None, fp))
    for tid, (iuf, resolved, iuv, amount) in tes_refs.items():
        code = rules.classify_treasury(iuf, iuv, bool(resolved), iuv in seen_tes, flags)
        if code:
            fp = rules.fingerprint((tid, amount, bool(resolved), iuv in seen_tes))
            rows.append((f"TES-{tid}", code, iuv, iuf, amount, None, None, None, tid, fp))
    rows.sort(key=lambda r: (r[0], r[1]))
    return rows


