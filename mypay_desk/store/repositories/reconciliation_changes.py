"""What changed since an Ente's last classification run: the payment keys to classify again.

SQLite (migrations 0005, 0009): rows above the id marks of the last run are new, and the triggers
wrote the other changes into ``reconciliation_dirty``, with the debts and receipts inserted at or below
a mark (SQLite gives a new row the highest id present plus one, which falls below the mark once the
newest rows are deleted). This needs SQLite's rowids and its single writer (the run holds the write
lock while it reads, so nothing commits under it).

PostgreSQL (migration 0010): several desks write at once and ids commit out of order, so the triggers
write every change there, new rows included, and a run consumes exactly the change rows its snapshot
saw (``Marks.dirty_ids``). Before an Ente's first run the state row is committed on its own and the
run waits for the transactions already under way (``prepare_state``): their triggers may have looked
for that row before it existed.

Where ``tracking_available`` is False (no triggers) the engine runs in full, which is also the
reference the incremental runs are tested against (tests/unit/test_reconciliation_incremental.py).
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, Engine, delete, func, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from mypay_desk.store.db import BUSY_MESSAGE, DatabaseBusyError
from mypay_desk.store.models import (
    Debt,
    FdrLine,
    Receipt,
    ReconciliationDirty,
    ReconciliationState,
)
from mypay_desk.store.models.base import utcnow
from mypay_desk.store.repositories.value_lists import among, value_chunks

TRIGGERS = ("debt_recon_update", "debt_recon_delete", "receipt_recon_update", "receipt_recon_delete",
            "fdr_flow_recon_delete", "fdr_line_recon_delete", "fdr_line_recon_update", "debt_recon_reused_id",
            "receipt_recon_reused_id")
POSTGRESQL_TRIGGERS = ("debt_recon_insert", "debt_recon_update", "debt_recon_delete", "receipt_recon_insert",
                       "receipt_recon_update", "receipt_recon_delete", "fdr_line_recon_insert",
                       "fdr_line_recon_update", "fdr_line_recon_delete", "fdr_flow_recon_delete")
FIRST_RUN_WAIT_S = 60.0  # how long a first run waits for the writes already under way (PostgreSQL)


@dataclass
class RunState:
    as_of: date
    flags: str
    debt_mark: int
    receipt_mark: int
    line_mark: int
    needs_full: bool
    context: str


@dataclass
class Marks:
    """The highest ids present now: the debts, receipts and lines the next run will find new are above
    them; the change rows up to ``dirty`` are the ones this run takes into account (and deletes: their
    ids may be given again, so the rows left are always the ones still to see).

    PostgreSQL: no id marks (0); ``dirty_ids`` lists the Ente's change rows this run sees, the ones it
    deletes (a change row with a lower id may commit later), and ``full`` says one asks for a full run."""

    debt: int
    receipt: int
    line: int
    dirty: int
    dirty_ids: list[int] | None = None
    full: bool = False


_TRACKING: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def tracking_available(conn: Connection) -> bool:
    """The change triggers are there: SQLite's (migrations 0005, 0009) or PostgreSQL's (0010). Checked
    once per database."""
    known = _TRACKING.get(conn.engine)
    if known is None:
        if conn.dialect.name == "sqlite":
            names = {n for (n,) in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
            known = all(t in names for t in TRIGGERS)
        elif conn.dialect.name == "postgresql":
            names = {n for (n,) in conn.exec_driver_sql("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")}
            known = all(t in names for t in POSTGRESQL_TRIGGERS)
        else:
            known = False
        _TRACKING[conn.engine] = known
    return known


def read_state(conn: Connection, ente_id: int) -> RunState | None:
    s = ReconciliationState
    row = conn.execute(select(s.as_of, s.flags, s.debt_mark, s.receipt_mark, s.line_mark, s.needs_full,
                              s.context).where(s.ente_id == ente_id)).first()
    return RunState(row[0], row[1], int(row[2]), int(row[3]), int(row[4]), bool(row[5]), row[6]) \
        if row is not None else None


def current_marks(conn: Connection, ente_id: int) -> Marks:
    d = ReconciliationDirty
    if conn.dialect.name == "postgresql":
        ids, full = [], False
        for dirty_id, needs_full in conn.execute(select(d.id, d.needs_full).where(d.ente_id == ente_id)):
            ids.append(dirty_id)
            full = full or needs_full
        return Marks(0, 0, 0, max(ids, default=0), dirty_ids=ids, full=full)

    def top(column) -> int:
        return int(conn.scalar(select(func.max(column))) or 0)
    return Marks(top(Debt.id), top(Receipt.id), top(FdrLine.id), top(d.id))


def prepare_state(db, ente_id: int, wait_s: float | None = None, check: Callable[[], None] | None = None) -> None:
    """PostgreSQL, before a run's snapshot: an Ente without a state gets one (a placeholder asking for a full
    run), committed at once so the triggers write its changes from then on; then, while the state is that
    placeholder, the run waits until every transaction under way at that commit has ended, since those
    triggers may have looked for the state before it existed: the run's snapshot then holds their rows, and
    later ones have change rows. Nothing to do elsewhere. ``check`` is called while it waits (the run's
    cancel: it raises to stop waiting; the placeholder stays, and the next run waits again)."""
    s = ReconciliationState
    with db.engine.connect() as conn:
        if conn.dialect.name != "postgresql":
            return
        with conn.begin():
            if not tracking_available(conn):
                return
            context = conn.scalar(select(s.context).where(s.ente_id == ente_id))
            if context:  # a run saved its state: the triggers have been writing since
                return
            if context is None:
                conn.execute(postgresql_insert(s).values(
                    ente_id=ente_id, as_of=date.today(), flags="", debt_mark=0, receipt_mark=0, line_mark=0,
                    needs_full=True, context="", updated_at=utcnow()).on_conflict_do_nothing())
        with conn.begin():
            horizon = conn.exec_driver_sql("SELECT pg_snapshot_xmax(pg_current_snapshot())::text").scalar()
        deadline = time.monotonic() + (FIRST_RUN_WAIT_S if wait_s is None else wait_s)
        while True:
            with conn.begin():
                if conn.exec_driver_sql("SELECT pg_snapshot_xmin(pg_current_snapshot()) >= %s::xid8",
                                        (horizon,)).scalar():
                    return
            if time.monotonic() > deadline:
                raise DatabaseBusyError(BUSY_MESSAGE)
            if check is not None:
                check()
            time.sleep(0.02)


def save_state(conn: Connection, ente_id: int, as_of: date, flags: str, marks: Marks, context: str) -> None:
    """Record what this run saw, and drop the change rows it took into account."""
    values = {"as_of": as_of, "flags": flags, "debt_mark": marks.debt, "receipt_mark": marks.receipt,
              "line_mark": marks.line, "needs_full": False, "context": context,
              "updated_at": utcnow()}
    insert = postgresql_insert if conn.dialect.name == "postgresql" else sqlite_insert
    stmt = insert(ReconciliationState).values(ente_id=ente_id, **values)
    conn.execute(stmt.on_conflict_do_update(index_elements=["ente_id"], set_=values))
    d = ReconciliationDirty
    if marks.dirty_ids is None:
        conn.execute(delete(d).where(d.ente_id == ente_id, d.id <= marks.dirty))
    else:
        for part in value_chunks(conn, marks.dirty_ids):
            conn.execute(delete(d).where(among(conn, d.id, part)))


@dataclass
class Changes:
    """What changed since the last run: keys, and the debts and receipts (by id) behind them."""

    keys: set[str]
    debt_ids: set[int]
    parent_ids: set[int]
    receipt_ids: set[int]


def changes_since(conn: Connection, ente_id: int, state: RunState, marks: Marks, flow_ids: set[int]) -> Changes:
    """New debts, receipts and FdR lines (above the marks; ``flow_ids``: the Ente's flows) and the
    changes the triggers recorded."""
    out = Changes(set(), set(), set(), set())
    d, r, ln, x = Debt, Receipt, FdrLine, ReconciliationDirty
    if marks.dirty_ids is None:  # SQLite: new rows by id range (PostgreSQL's triggers wrote them as changes)
        # their Ente checked here: with the Ente in the WHERE the planner walks the Ente's whole
        # (ente_id, ...) index instead of the few rows above the mark.
        for iuv, debt_id, ente in conn.execute(select(d.iuv, d.id, d.ente_id).where(
                d.id > state.debt_mark, d.id <= marks.debt)):
            if ente == ente_id:
                out.keys.add(iuv)
                out.debt_ids.add(debt_id)
        out.keys.update(iuv for iuv, ente in conn.execute(select(r.iuv, r.ente_id).where(
            r.id > state.receipt_mark, r.id <= marks.receipt)) if ente == ente_id)
        out.keys.update(iuv for iuv, fdr_id in conn.execute(select(ln.iuv, ln.fdr_id).where(
            ln.id > state.line_mark, ln.id <= marks.line)) if fdr_id in flow_ids)
    for iuv, debt_id, parent_id, receipt_id in conn.execute(
            select(x.iuv, x.debt_id, x.parent_id, x.receipt_id).where(x.ente_id == ente_id, x.id <= marks.dirty)):
        out.keys.add(iuv)
        if debt_id is not None:
            out.debt_ids.add(debt_id)
        if parent_id is not None:
            out.parent_ids.add(parent_id)
        if receipt_id is not None:
            out.receipt_ids.add(receipt_id)
    out.keys.discard("")
    return out


def affected_keys(conn: Connection, ente_id: int, changes: Changes) -> set[str]:
    """Every payment key whose codes may differ because of ``changes``.

    Besides the changed keys themselves: the keys of the changed debts and receipts as they are now
    (an id may have been reused after a delete), the keys of the receipts of a debt without IUV
    (keyed by them), and one family level: a paid rata unica silences its instalments and a paid
    instalment its rata unica, so a change on a debt's key touches its parent's and children's keys.
    """
    d, r = Debt, Receipt
    keys = set(changes.keys)
    for part in value_chunks(conn, sorted(changes.receipt_ids)):
        keys.update(conn.scalars(select(r.iuv).where(among(conn, r.id, part), r.ente_id == ente_id)))
    rows: dict[int, tuple[str, int | None]] = {}  # debt id -> (iuv, parent id)
    for part in value_chunks(conn, sorted(keys - {""})):
        rows.update((i, (v, p)) for i, v, p in conn.execute(
            select(d.id, d.iuv, d.parent_id).where(d.ente_id == ente_id, among(conn, d.iuv, part))))
    for part in value_chunks(conn, sorted(changes.debt_ids - set(rows))):
        rows.update((i, (v, p)) for i, v, p in conn.execute(
            select(d.id, d.iuv, d.parent_id).where(d.ente_id == ente_id, among(conn, d.id, part))))
    keys.update(v for v, _p in rows.values())
    keyless = sorted(i for i, (v, _p) in rows.items() if not v)
    for part in value_chunks(conn, keyless):
        keys.update(conn.scalars(select(r.iuv).where(among(conn, r.debt_id, part), r.ente_id == ente_id)))
    parents = (changes.parent_ids | {p for _v, p in rows.values() if p is not None}) - set(rows)
    for part in value_chunks(conn, sorted(parents)):
        keys.update(conn.scalars(select(d.iuv).where(among(conn, d.id, part), d.ente_id == ente_id)))
    for part in value_chunks(conn, sorted(rows)):
        keys.update(conn.scalars(select(d.iuv).where(among(conn, d.parent_id, part), d.ente_id == ente_id)))
    keys.discard("")
    return keys


def keys_due_between(conn: Connection, ente_id: int, start: date, end: date) -> set[str]:
    """Keys of debts falling due in [start, end): whether they are overdue depends on the run's date."""
    d = Debt
    return set(conn.scalars(select(d.iuv).where(d.ente_id == ente_id, d.iuv != "", d.due_date >= start,
                                                d.due_date < end)))


def line_keys_of_flows(conn: Connection, flow_ids: Iterable[int]) -> set[str]:
    out: set[str] = set()
    for part in value_chunks(conn, sorted(flow_ids)):
        out.update(conn.scalars(select(FdrLine.iuv).where(among(conn, FdrLine.fdr_id, part))))
    return out
