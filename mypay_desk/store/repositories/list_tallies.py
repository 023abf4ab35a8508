"""Counts and totals of debt lists, by bucket of the states the list summaries count.

A bucket is ``(top_level, state, is_valid, cancel_requested, on_portal, in_flight)`` with its number
of debts and their amount. Two ways to the same buckets:

- ``tallies_by_scan``: one GROUP BY over the debts (portable; what any database can do);
- fast path: the ``debt_list_tally`` rows its triggers keep (SQLite: migration 0004; PostgreSQL:
  statement-level triggers of migration 0007), a few rows per list whatever its size. Used only when the triggers are there (checked once per database), else
  the scan. ``tests/unit/test_list_tallies.py`` holds the two equal under every write path.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

from sqlalchemy import Engine, func, literal_column, select
from sqlalchemy.orm import Session

from mypay_desk.store.models import Debt, DebtList, DebtListTally, UploadFlow

TALLY_TRIGGERS = ("debt_tally_insert", "debt_tally_update", "debt_tally_delete", "debt_list_tally_delete")


class Bucket(NamedTuple):
    list_id: int
    top_level: bool
    state: str
    is_valid: bool
    cancel_requested: bool
    on_portal: bool
    in_flight: bool
    debts: int
    amount_cents: int


def list_tallies(session: Session, ente_id: int, list_id: int | None = None) -> dict[int, list[Bucket]]:
    """``{list_id: [non-empty buckets]}`` of the Ente's lists (or of one list)."""
    if not tallies_maintained(session):
        return tallies_by_scan(session, ente_id, list_id)
    t = DebtListTally
    stmt = (select(t.list_id, t.top_level, t.state, t.is_valid, t.cancel_requested, t.on_portal, t.in_flight,
                   t.debts, t.amount_cents)
            .join(DebtList, DebtList.id == t.list_id)
            .where(DebtList.ente_id == ente_id, t.debts != 0))
    if list_id is not None:
        stmt = stmt.where(t.list_id == list_id)
    return _grouped(session.execute(stmt))


def tallies_by_scan(session: Session, ente_id: int, list_id: int | None = None) -> dict[int, list[Bucket]]:
    """The same buckets grouped from the debts themselves (any database; the reference)."""
    d = Debt
    keys = (d.list_id, d.parent_id.is_(None), d.state, d.is_valid, d.cancel_requested,
            d.portal_hash != literal_column("''"), d.sending_flow_id.is_not(None))
    stmt = (select(*keys, func.count(), func.coalesce(func.sum(d.amount_cents), 0))
            .where(d.ente_id == ente_id).group_by(*keys))
    if list_id is not None:
        stmt = stmt.where(d.list_id == list_id)
    return _grouped(session.execute(stmt))


def _grouped(rows: Iterable) -> dict[int, list[Bucket]]:
    out: dict[int, list[Bucket]] = {}
    for r in rows:
        b = Bucket(int(r[0]), bool(r[1]), r[2], bool(r[3]), bool(r[4]), bool(r[5]), bool(r[6]), int(r[7]), int(r[8]))
        out.setdefault(b.list_id, []).append(b)
    return out


def lists_with_flows(session: Session, ente_id: int) -> set[int]:
    """Lists some upload flow was made from (sent, or on its way)."""
    stmt = (select(UploadFlow.list_id).join(DebtList, DebtList.id == UploadFlow.list_id)
            .where(DebtList.ente_id == ente_id).distinct())
    return set(session.scalars(stmt))


_TRIGGERS: weakref.WeakKeyDictionary[Engine, dict[str, str]] = weakref.WeakKeyDictionary()


def _triggers(conn) -> dict[str, str]:
    """The database's triggers, name -> definition (SQLite's text; "" on PostgreSQL), read once per engine."""
    known = _TRIGGERS.get(conn.engine)
    if known is None:
        sql = ("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'" if conn.dialect.name == "sqlite" else
               "SELECT tgname, '' FROM pg_trigger WHERE NOT tgisinternal")  # PostgreSQL: migration 0007's
        known = _TRIGGERS[conn.engine] = {name: sql or "" for name, sql in conn.exec_driver_sql(sql).all()}
    return known


def tallies_maintained(session: Session) -> bool:
    """Whether ``debt_list_tally`` is kept by its triggers on this database (SQLite or PostgreSQL, migrated)."""
    conn = session.connection()
    if conn.dialect.name not in ("sqlite", "postgresql"):
        return False
    names = _triggers(conn)
    return all(n in names for n in TALLY_TRIGGERS)


def tally_pause_supported(conn) -> bool:
    """SQLite with migration 0008's insert trigger, which stands aside while ``debt_tally_pause`` holds a row."""
    return conn.dialect.name == "sqlite" and "debt_tally_pause" in _triggers(conn).get("debt_tally_insert", "")


_ADD = ("INSERT INTO debt_list_tally (list_id, top_level, state, is_valid, cancel_requested, on_portal, in_flight, "
        "debts, amount_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (list_id, top_level, state, is_valid, cancel_requested, on_portal, in_flight) "
        "DO UPDATE SET debts = debts + excluded.debts, amount_cents = amount_cents + excluded.amount_cents")
# A debt's bucket from its column values as written (migration 0004's bucket expressions).
_BUCKET_OF = {
    "list_id": lambda v: v, "parent_id": lambda v: v is None, "state": lambda v: v,
    "is_valid": bool, "cancel_requested": bool, "portal_hash": lambda v: v != "",
    "sending_flow_id": lambda v: v is not None,
}


def inserted_buckets(columns: dict[str, Any], n: int) -> list[tuple]:
    """The tally rows of ``n`` debts about to be inserted, from their column values (a list of ``n`` values
    for a column that varies, else its one value): the buckets the per-row trigger would fill, with
    counts and sums."""
    amounts = columns["amount_cents"]
    total = sum(amounts) if isinstance(amounts, list) else amounts * n
    varying = [name for name in _BUCKET_OF if isinstance(columns[name], list)]
    if not varying:  # the usual import: one bucket
        return [(*(convert(columns[name]) for name, convert in _BUCKET_OF.items()), n, total)]
    parts = [list(map(convert, columns[name])) if name in varying else [convert(columns[name])] * n
             for name, convert in _BUCKET_OF.items()]
    amounts = amounts if isinstance(amounts, list) else [amounts] * n
    sums: dict[tuple, list[int]] = {}
    for key, amount in zip(zip(*parts, strict=True), amounts, strict=True):
        entry = sums.get(key)
        if entry is None:
            sums[key] = [1, amount]
        else:
            entry[0] += 1
            entry[1] += amount
    return [(*key, count, amount) for key, (count, amount) in sums.items()]


@contextmanager
def tally_paused(conn, columns: dict[str, Any], n: int) -> Iterator[None]:
    """Inside the caller's write transaction: the per-row tally trigger stands aside while the block inserts
    the ``n`` debts of ``columns`` (and does nothing else), whose buckets are added to the tally in a few
    upserts instead. Nothing changes where the trigger cannot pause."""
    if not tally_pause_supported(conn):
        yield
        return
    buckets = inserted_buckets(columns, n)
    conn.exec_driver_sql("INSERT INTO debt_tally_pause (id) VALUES (1)")
    try:
        yield
    finally:
        # Also when the insert failed: a caller that goes on in this transaction must find the trigger working.
        conn.exec_driver_sql("DELETE FROM debt_tally_pause")
    cursor = conn.connection.cursor()
    try:
        cursor.executemany(_ADD, buckets)
    finally:
        cursor.close()
