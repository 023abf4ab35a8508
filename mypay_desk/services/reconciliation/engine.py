"""The classification run: every payment gets MyPivot's code; only changed results are written, and
(SQLite) only the payment keys whose inputs changed since the last run are classified again."""

from __future__ import annotations

import heapq
import json
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from mypay_desk.domain import reconciliation as rules
from mypay_desk.services.progress import NEVER_CANCELLED, CancelToken, ProgressCallback, no_progress
from mypay_desk.services.reconciliation.views import (
    ReconciliationServiceBase,
    RunReport,
)
from mypay_desk.store.repositories import reconciliation as repo
from mypay_desk.store.repositories import reconciliation_changes as changes


class ReconciliationRun(ReconciliationServiceBase):
    """The incremental run of MyPivot's classification rules."""

    # --- the engine ----------------------------------------------------------------------------
    def flags(self, ente_id: int | None = None) -> rules.Flags:
        ente = self._ente(ente_id)
        with self.ws.db.session() as s:
            notifications, treasury, mode = repo.ente_flags(s, ente.id)
        # An Ente in "base" mode has no debts on the portal: notification codes would be noise.
        return rules.Flags(notifications=notifications and mode != "base", treasury=treasury)

    def run(self, *, ente_id: int | None = None, as_of: date | None = None, full: bool = False,
            progress: ProgressCallback = no_progress, cancel: CancelToken = NEVER_CANCELLED) -> RunReport:
        """Classify the payment keys; write only what changed. Cancelling leaves the previous results.

        Incremental (SQLite): only the keys whose inputs changed since the last run are classified
        again (see store.repositories.reconciliation_changes); the first run, a change of the flags,
        a deleted FdR flow, ``full=True`` or a change touching a good part of the keys classify every
        key, as any run does on a database without change tracking.
        """
        ente = self._ente(ente_id)
        flags = self.flags(ente.id)
        flags_key = f"notifications={int(flags.notifications)},treasury={int(flags.treasury)}"
        as_of = as_of or date.today()
        started = time.perf_counter()
        report = RunReport()
        progress(0, 0, "Lettura dei dati")
        # The write lock first: nothing commits while the run reads, so what it reads and the marks it
        # records describe the same data.
        with repo.result_writer(self.ws.db, ente.id) as writer, repo.read_snapshot(self.ws.db, ente.id) as snap:
            tracking = changes.tracking_available(snap.conn)
            state = changes.read_state(snap.conn, ente.id) if tracking else None
            marks = changes.current_marks(snap.conn) if tracking else None
            # flows: the latest revision of each IUF counts
            current: dict[str, tuple[datetime, int, int]] = {}
            flow_ids: set[int] = set()  # every revision
            for pk, iuf, when, total in snap.flows():
                flow_ids.add(pk)
                if iuf not in current or when > current[iuf][0]:
                    current[iuf] = (when, pk, total)
            known = sorted(current)
            treasury = snap.treasury()
            cancel.raise_if_cancelled()
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
            tes_iuv = {k: tuple(v) for k, v in tes_by_iuv.items()}
            estimate = max(snap.count_inputs() // 2, 1)
            keys: list[str] | None = None  # None: every key
            previous = _Context.load(state.context) if state is not None else None
            if previous is not None and not full and not state.needs_full and state.flags == flags_key:
                changed = _changed_keys(snap.conn, ente.id, state, marks, as_of, previous, flow_ctx, tes_iuv,
                                        flow_ids)
                if len(changed) <= max(INCREMENTAL_MAX_KEYS, estimate // 3):
                    keys = sorted(changed)
                    estimate = max(len(keys), 1)
            report.incremental = keys is not None
            seen_tes: set[str] = set()
            if keys is None:
                paid_parents, with_paid_child = snap.silenced_debts()
                extra = snap.debts_without_iuv()
                debts: Iterable[tuple] = heapq.merge(snap.debts(), extra) if extra else snap.debts()
            else:
                debt_rows = list(snap.debts(keys))
                extra = snap.debts_without_iuv(keys)
                paid_parents, with_paid_child = snap.silenced_debts(
                    debt_ids={r[1] for r in (*debt_rows, *extra)},
                    parent_ids={r[6] for r in (*debt_rows, *extra) if r[6] is not None})
                debts = heapq.merge(debt_rows, extra) if extra else debt_rows
            ctx = rules.PassContext(
                flags=flags, as_of=as_of.isoformat(), flows=flow_ctx, tes_by_iuv=tes_iuv,
                paid_parents=paid_parents, with_paid_child=with_paid_child, seen_tes_iuvs=seen_tes)
            had_results = snap.has_results()

            def tick(n: int) -> None:
                cancel.raise_if_cancelled()
                progress(min(n, estimate), estimate, "Classificazione dei pagamenti")

            ctx.tick = tick
            payment_groups = rules.classify_payments(debts, snap.receipts(keys), snap.lines(keys), ctx)
            if keys is not None:
                _apply(payment_groups, snap.stored_results(rules.PAYMENT_CODES, keys), writer)
                # Treasury IUVs met by the pass: the keys it did not read were met (or not) as last time
                # (whether a key exists changes only with its inputs; a changed credit is a changed key).
                unread = set(tes_iuv).difference(keys)
                seen_tes |= {k for k in previous.seen if k in unread}
            elif had_results:
                _apply(payment_groups, snap.stored_results(rules.PAYMENT_CODES), writer)
            else:  # first run: stream every row straight into the table
                writer.insert_all(row for _key, rows in payment_groups for row in rows)
            report.keys = ctx.keys
            cancel.raise_if_cancelled()
            progress(estimate, estimate, "Flussi e movimenti di tesoreria")
            other = _flow_and_treasury_rows(current, tes_by_iuf, tes_refs, seen_tes, flags)
            _apply(rules.group_sorted(other),
                   snap.stored_results(rules.FLOW_CODES | rules.TREASURY_CODES, few=True), writer)
            writer.flush()
            if tracking:
                changes.save_state(writer.conn, ente.id, as_of, flags_key, marks,
                                   _Context(flow_ctx, tes_iuv, seen_tes).dump())
            cancel.raise_if_cancelled()  # last chance: leaving the block commits
            report.inserted, report.updated, report.deleted = writer.inserted, writer.updated, writer.deleted
        report.seconds = time.perf_counter() - started
        self.ws.audit("reconcile.run", ente_id=ente.id, details=report.to_json())
        return report


INCREMENTAL_MAX_KEYS = 50_000  # a change touching more keys (and a third of them) is classified in full


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

def _apply(new_groups: Iterable[tuple[str, list[tuple]]], stored: Iterable[tuple], writer: repo.ResultWriter
           ) -> None:
    """Merge new results (grouped by key, in key order) with the stored ones (in key order).

    Stored rows: ``(key, code, id, fingerprint, note, resolved, resolved_by, resolved_at)``.
    """
    end = ("\U0010ffff" * 40,)
    it = iter(stored)
    old = next(it, end)
    for key, rows in new_groups:
        while old[0] < key:  # keys that vanished
            group = [old]
            old = next(it, end)
            while old[0] == group[0][0]:
                group.append(old)
                old = next(it, end)
            _apply_key([], group, writer)
        if old[0] == key:
            group = [old]
            old = next(it, end)
            while old[0] == key:
                group.append(old)
                old = next(it, end)
            if len(group) == len(rows) == 1 and group[0][1] == rows[0][1]:
                if group[0][3] != rows[0][9]:  # same code, inputs changed
                    writer.update(group[0][2], rows[0])
                continue
            _apply_key(rows, group, writer)
        elif rows:
            for row in rows:
                writer.insert(row)
    while old is not end and old[0] != end[0]:
        group = [old]
        old = next(it, end)
        while old[0] == group[0][0]:
            group.append(old)
            old = next(it, end)
        _apply_key([], group, writer)


def _apply_key(new_rows: list[tuple], old_rows: list[tuple], writer: repo.ResultWriter) -> None:
    """One key whose codes may have changed: update, insert, delete; a note follows the key."""
    new_codes = {r[1] for r in new_rows}
    old_by_code = {o[1]: o for o in old_rows}
    carried: list[str] = []
    for o in old_rows:
        if o[1] not in new_codes:
            writer.delete(o[2])
            if o[4] or o[5]:
                text = f"[{o[1]}] {o[4]}".strip()
                if o[5]:
                    text += f" (risolto da {o[6]}{' il ' + str(o[7])[:16] if o[7] else ''})"
                carried.append(text)
    kept_id = None
    for row in new_rows:
        o = old_by_code.get(row[1])
        if o is None:
            writer.insert(row, note="\n".join(carried))
            carried = []
        else:
            kept_id = kept_id or o[2]
            if o[3] != row[9]:
                writer.update(o[2], row)
    if carried and kept_id:
        writer.append_note(kept_id, "\n".join(carried))


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


