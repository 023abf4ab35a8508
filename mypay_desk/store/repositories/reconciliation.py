"""Reconciliation data access: FdR and treasury imports, the engine's input streams and result
writes, and the queries of the Riconciliazione page.

The engine never loads the big tables into memory: each source is read as one query ordered by IUV
(served by an index, so no sort), and the classifier merges the streams key by key. Stored results
are read back the same way, ordered by (key, code) along the unique index, so a run compares old and
new results with a merge too and writes only what changed.

Reads happen on one connection inside a read transaction (a consistent snapshot: WAL lets it coexist
with the writer), writes on a second connection in one IMMEDIATE transaction, so a cancelled or
failed run changes nothing.

Everything is SQLAlchemy Core except the blocks marked "SQLite fast path", which hand the compiled
statement to the DB-API cursor to skip per-row Python objects on millions of rows; on another
database they fall back to Core.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, and_, case, delete, func, insert, literal, select, update
from sqlalchemy.orm import Session

from mypay_desk.formats.fdr import FdrFlowData
from mypay_desk.formats.opi import TreasuryRecord
from mypay_desk.store import locks
from mypay_desk.store.models import (
    Debt,
    Ente,
    FdrFlow,
    FdrLine,
    ImportedFile,
    Receipt,
    ReconciliationResult,
    TreasuryMovement,
)
from mypay_desk.store.models.base import utcnow
from mypay_desk.store.repositories.value_lists import among, value_chunks
from mypay_desk.store.text_search import any_contains

CHUNK = 500
RESULT = ReconciliationResult.__table__
# Receipt outcomes that mean money came in (codiceEsitoPagamento 0 eseguito, 2 parziale, blank).
PAID_OUTCOMES = ("0", "2", "")


def _chunks(items: Sequence, size: int = CHUNK) -> Iterator[Sequence]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


# --- imported files and records -----------------------------------------------------------------

def find_imported_file(session: Session, ente_id: int, sha256: str) -> ImportedFile | None:
    return session.scalar(select(ImportedFile).where(ImportedFile.ente_id == ente_id,
                                                     ImportedFile.sha256 == sha256).limit(1))


def add_imported_file(session: Session, ente_id: int, kind: str, name: str, sha256: str, rows: int,
                      notes: str = "") -> None:
    session.execute(insert(ImportedFile).values(ente_id=ente_id, kind=kind, file_name=name[:300], sha256=sha256,
                                                rows=rows, notes=notes, imported_at=utcnow()))


def existing_flows(session: Session, ente_id: int, flow_ids: Iterable[str]) -> set[tuple[str, datetime]]:
    """(flow_id, flow_datetime) already stored for the given IUFs."""
    out: set[tuple[str, datetime]] = set()
    for part in _chunks(sorted(set(flow_ids))):
        out.update((r[0], r[1]) for r in session.execute(select(FdrFlow.flow_id, FdrFlow.flow_datetime).where(
            FdrFlow.ente_id == ente_id, FdrFlow.flow_id.in_(part))))
    return out


def insert_flow(session: Session, ente_id: int, flow: FdrFlowData, source_file: str) -> int:
    flow_pk = session.execute(insert(FdrFlow).values(
        ente_id=ente_id, version=flow.version[:5], flow_id=flow.flow_id, flow_datetime=flow.flow_datetime,
        settlement_id=flow.settlement_id[:35], settlement_date=flow.settlement_date,
        sender_id=flow.sender_id[:35], sender_name=flow.sender_name[:140], receiver_id=flow.receiver_id[:35],
        receiver_name=flow.receiver_name[:140], total_count=flow.total_count or len(flow.lines),
        total_amount_cents=flow.total_amount_cents, source_file=source_file[:300], imported_at=utcnow(),
    ).returning(FdrFlow.id)).scalar_one()
    session.execute(insert(FdrLine), [
        {"fdr_id": flow_pk, "line_number": ln.line_number, "iuv": ln.iuv, "iur": ln.iur,
         "payment_index": ln.payment_index, "amount_cents": ln.amount_cents, "outcome_code": ln.outcome_code,
         "outcome_date": ln.outcome_date}
        for ln in flow.lines
    ])
    return flow_pk


def existing_treasury_keys(session: Session, ente_id: int, keys: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for part in _chunks(sorted(set(keys))):
        out.update(session.scalars(select(TreasuryMovement.dedupe_key).where(
            TreasuryMovement.ente_id == ente_id, TreasuryMovement.dedupe_key.in_(part))))
    return out


def insert_treasury(session: Session, ente_id: int, records: Sequence[TreasuryRecord], source_file: str) -> None:
    if not records:
        return
    now = utcnow()
    session.execute(insert(TreasuryMovement), [
        {"ente_id": ente_id, "dedupe_key": r.dedupe_key, "source_kind": r.source_kind,
         "movement_type": r.movement_type, "status": r.status, "book_date": r.book_date,
         "value_date": r.value_date, "amount_cents": r.amount_cents, "causale": r.causale, "payer": r.payer[:200],
         "document_number": r.document_number[:50], "bill_number": r.bill_number[:30],
         "end_to_end_id": r.end_to_end_id[:35],
         "account": r.account[:50], "iuf": r.iuf[:35], "iuv": r.iuv[:35], "source_file": source_file[:300],
         "imported_at": now}
        for r in records
    ])


def ente_flags(session: Session, ente_id: int) -> tuple[bool, bool, str]:
    row = session.execute(select(Ente.reconcile_notifications, Ente.reconcile_treasury, Ente.adhesion_mode)
                          .where(Ente.id == ente_id)).one()
    return bool(row[0]), bool(row[1]), row[2]


# --- engine: reading ---------------------------------------------------------------------------

def _is_sqlite(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite"


SORT_WORK_MEM = "64MB"
_CURSORS = itertools.count(1)  # PostgreSQL: per sort of a snapshot stream (see read_snapshot)


def _stream(conn: Connection, stmt, batch: int = 5000) -> Iterator[tuple]:
    """Rows of ``stmt`` as plain tuples, fetched lazily."""
    if _is_sqlite(conn):
        # SQLite fast path: iterate the DB-API cursor itself (tuples, no SQLAlchemy Row objects). Only
        # for statements whose columns need no result processing (ints, strings, ISO dates as text).
        compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
        params = compiled.construct_params()
        cur = conn.connection.driver_connection.cursor()
        cur.arraysize = batch
        return cur.execute(compiled.string, [params[name] for name in compiled.positiontup])
    if conn.dialect.name == "postgresql":
        # PostgreSQL fast path: psycopg's own server-side cursor (rows come as tuples of Python values,
        # already what the engine compares), no SQLAlchemy Row per row, fetched ahead (Prefetched).
        compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
        cur = conn.connection.driver_connection.cursor(name=f"mypay_stream_{next(_CURSORS)}")
        cur.execute(compiled.string, compiled.construct_params())
        stream = Prefetched(cur, batch)
        conn.info.setdefault(_PREFETCHED, []).append(stream)
        return stream
    return _stream_core(conn, stmt, batch)  # other databases: a server-side cursor through SQLAlchemy


_PREFETCHED = "mypay_prefetched_streams"  # Connection.info: the streams read_snapshot closes at its end


class Prefetched:
    """The rows of a PostgreSQL server-side cursor, the next batch fetched by a thread while the caller
    uses this one.

    Without it the server waits while the engine classifies a batch and the engine waits while the
    server sorts and sends the next: most of a run on PostgreSQL was spent waiting (psycopg gives the
    GIL back while it waits on the socket). The first batch is asked for at once, so the server sorts
    the engine's streams one after the other without waiting for the engine to reach them (one
    connection: psycopg runs its commands one at a time). Rows and their order are the cursor's.
    """

    def __init__(self, cursor, batch: int):
        from concurrent.futures import ThreadPoolExecutor

        self._cursor = cursor
        self._batch = batch
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mypay-fetch")
        self._pending = self._pool.submit(cursor.fetchmany, batch)
        self._rows: Iterator[tuple] = iter(())

    def __iter__(self) -> Iterator[tuple]:
        return self

    def __next__(self) -> tuple:
        row = next(self._rows, None)
        if row is not None:
            return row
        if self._pending is None:
            raise StopIteration
        rows = self._pending.result()
        if len(rows) == self._batch:
            self._pending = self._pool.submit(self._cursor.fetchmany, self._batch)
        else:  # the last batch: the cursor and the thread are done
            self.close()
            self._cursor.close()
        if not rows:
            raise StopIteration
        self._rows = iter(rows)
        return next(self._rows)

    def close(self) -> None:
        """Stop fetching; wait for the fetch in flight (its error, if any, is dropped: the caller is
        leaving the stream, and the transaction ends next)."""
        self._pending = None
        self._pool.shutdown(wait=True)


def _close_prefetched(conn: Connection) -> None:
    for stream in conn.info.pop(_PREFETCHED, []):
        stream.close()


def _stream_core(conn: Connection, stmt, batch: int) -> Iterator[tuple]:
    # options on the statement: Connection.execution_options() would change the snapshot's connection for good
    for part in conn.execute(stmt.execution_options(stream_results=True, yield_per=batch)).partitions():
        for row in part:
            yield tuple(row)


def _key(conn: Connection, column):
    """Order by ``column`` bytewise, as Python compares strings (PostgreSQL needs the C collation)."""
    return column if _is_sqlite(conn) else column.collate("C")


KeySpan = tuple[str | None, str | None] | None  # [low, high) of payment keys; None: open


def _restricted(conn: Connection, stmt, column, part: Sequence[str] | None, span: KeySpan):
    if part is not None:
        stmt = stmt.where(among(conn, column, part))
    if span is not None:
        low, high = span
        if low is not None:
            stmt = stmt.where(column >= low)
        if high is not None:
            stmt = stmt.where(column < high)
    return stmt


@dataclass
class Snapshot:
    """A read transaction over the engine's inputs for one Ente."""

    conn: Connection
    ente_id: int

    def flows(self) -> list[tuple[int, str, datetime, int]]:
        """(id, flow_id, flow_datetime, total_amount_cents) of every stored flow revision."""
        return [tuple(r) for r in self.conn.execute(
            select(FdrFlow.id, FdrFlow.flow_id, FdrFlow.flow_datetime, FdrFlow.total_amount_cents)
            .where(FdrFlow.ente_id == self.ente_id))]

    def treasury(self) -> list[tuple[int, str, str, str, int, str, str]]:
        """(id, status, source_kind, bill_number, amount_cents, iuf, iuv) of every movement (a reversal
        names the credit it cancels by bill_number)."""
        t = TreasuryMovement
        return list(_stream(self.conn, select(t.id, t.status, t.source_kind, t.bill_number, t.amount_cents,
                                              t.iuf, t.iuv).where(t.ente_id == self.ente_id).order_by(t.id)))

    def _by_keys(self, build, keys: Sequence[str] | None, batch: int = 5000) -> Iterator[tuple]:
        """Rows of ``build(None)``, or (``keys``: sorted) of ``build(part)`` for each run of keys, in
        key order either way."""
        if keys is None:
            yield from _stream(self.conn, build(None), batch)
            return
        for part in value_chunks(self.conn, keys):
            yield from _stream(self.conn, build(part), batch)

    def debts(self, keys: Sequence[str] | None = None, span: KeySpan = None) -> Iterator[tuple]:
        """(iuv, id, amount_cents, due_date_iso, state, has_portal_hash, parent_id) ordered by IUV
        (of every key, of the sorted ``keys``, or of the keys in ``span``: [low, high), None open).

        Debts without an IUV are keyed by the IUV of the receipt matched to them, if any.
        """
        d = Debt
        # SQLite stores dates as ISO text already; elsewhere the server writes them so (no date object
        # and isoformat per row here)
        due = d.due_date if _is_sqlite(self.conn) else func.to_char(d.due_date, "YYYY-MM-DD")

        def build(part):
            stmt = (select(d.iuv, d.id, d.amount_cents, due, d.state, d.portal_hash != "", d.parent_id)
                    .where(d.ente_id == self.ente_id, d.iuv != "", d.state != "ANNULLATO")
                    .order_by(_key(self.conn, d.iuv), d.id))
            return _restricted(self.conn, stmt, d.iuv, part, span)

        return self._by_keys(build, keys)

    def debts_without_iuv(self, keys: Sequence[str] | None = None, span: KeySpan = None) -> list[tuple]:
        d, r = Debt, Receipt
        # (a receipt is matched to a debt of its own Ente: r.ente_id lets a restricted pass start from
        # the receipts' IUV index)
        iuv = _key(self.conn, r.iuv)  # selected as ordered: PostgreSQL wants DISTINCT's ORDER BY in the list
        stmt = (select(iuv, d.id, d.amount_cents, d.due_date, d.state, d.portal_hash != "", d.parent_id)
                .join(r, r.debt_id == d.id)
                .where(d.ente_id == self.ente_id, r.ente_id == self.ente_id, d.iuv == "", d.state != "ANNULLATO",
                       r.iuv != "")
                .distinct().order_by(iuv, d.id))
        parts = [_restricted(self.conn, stmt, r.iuv, None, span)] if keys is None else \
            [_restricted(self.conn, stmt, r.iuv, part, span) for part in value_chunks(self.conn, keys)]
        return [(row[0], row[1], row[2], row[3].isoformat() if isinstance(row[3], date) else row[3], *row[4:])
                for part in parts for row in self.conn.execute(part)]

    def silenced_debts(self, debt_ids: Iterable[int] | None = None, parent_ids: Iterable[int] | None = None
                       ) -> tuple[set[int], set[int]]:
        """(parents whose rata unica was paid, parents with a paid instalment) among paid IUVs; only
        among ``parent_ids`` and ``debt_ids`` (the debts a restricted pass reads) when given."""
        d, r = Debt, Receipt
        paid = select(literal(1)).where(r.ente_id == d.ente_id, r.iuv == d.iuv).exists()
        if debt_ids is None or parent_ids is None:
            children = select(Debt.parent_id).where(Debt.ente_id == self.ente_id, Debt.parent_id.is_not(None))
            paid_parents = set(self.conn.scalars(select(d.id).where(
                d.ente_id == self.ente_id, d.iuv != "", d.id.in_(children), paid)))
            with_paid_child = set(self.conn.scalars(select(d.parent_id).where(
                d.ente_id == self.ente_id, d.parent_id.is_not(None), d.iuv != "", paid).distinct()))
            return paid_parents, with_paid_child
        paid_parents, with_paid_child = set(), set()
        for part in value_chunks(self.conn, sorted(set(parent_ids))):  # each is some debt's parent
            paid_parents.update(self.conn.scalars(select(d.id).where(
                among(self.conn, d.id, part), d.ente_id == self.ente_id, d.iuv != "", paid)))
        for part in value_chunks(self.conn, sorted(set(debt_ids))):
            with_paid_child.update(self.conn.scalars(select(d.parent_id).where(
                among(self.conn, d.parent_id, part), d.ente_id == self.ente_id, d.iuv != "", paid).distinct()))
        return paid_parents, with_paid_child

    def receipts(self, keys: Sequence[str] | None = None, span: KeySpan = None) -> Iterator[tuple]:
        """(iuv, id, amount_cents, total_paid_cents, payment id) ordered by IUV."""
        r = Receipt
        payment_id = func.coalesce(func.nullif(r.receipt_message_id, ""), func.nullif(r.iur, ""),
                                   func.cast(r.id, r.receipt_message_id.type))

        def build(part):
            stmt = (select(r.iuv, r.id, r.amount_cents, r.total_paid_cents, payment_id)
                    .where(r.ente_id == self.ente_id, r.iuv != "", r.outcome_code.in_(PAID_OUTCOMES))
                    .order_by(_key(self.conn, r.iuv), r.id))
            return _restricted(self.conn, stmt, r.iuv, part, span)

        return self._by_keys(build, keys)

    def lines(self, keys: Sequence[str] | None = None, span: KeySpan = None) -> Iterator[tuple]:
        """(iuv, id, fdr_id, payment_index, amount_cents) of every FdR line of the Ente, by IUV."""
        ln = FdrLine
        flows = select(FdrFlow.id).where(FdrFlow.ente_id == self.ente_id)

        def build(part):
            stmt = (select(ln.iuv, ln.id, ln.fdr_id, ln.payment_index, ln.amount_cents)
                    .where(ln.fdr_id.in_(flows))
                    .order_by(_key(self.conn, ln.iuv), ln.id))
            return _restricted(self.conn, stmt, ln.iuv, part, span)

        return self._by_keys(build, keys)

    def stored_results(self, codes: Iterable[str], keys: Sequence[str] | None = None, *, few: bool = False,
                       span: KeySpan = None) -> Iterator[tuple]:
        """(key, code, id, fingerprint, note, resolved, resolved_by, resolved_at) by (key, code).

        ``few``: codes with few results (flows, treasury): read through the (code, key) index and
        sorted here, rather than walking the (key, code) index over every result."""
        t = ReconciliationResult
        if few:
            cols = (t.key, t.code, t.id, t.fingerprint, t.note, t.resolved, t.resolved_by, t.resolved_at)
            rows = [tuple(r) for r in self.conn.execute(select(*cols).where(
                t.ente_id == self.ente_id, t.code.in_(sorted(codes))))]
            return iter(sorted(rows, key=lambda r: (r[0].encode(), r[1].encode())))  # bytewise, as the merge

        def build(part):
            stmt = (select(t.key, t.code, t.id, t.fingerprint, t.note, t.resolved, t.resolved_by, t.resolved_at)
                    .where(t.ente_id == self.ente_id, t.code.in_(sorted(codes)))
                    .order_by(_key(self.conn, t.key), _key(self.conn, t.code)))
            return _restricted(self.conn, stmt, t.key, part, span)

        return self._by_keys(build, keys)

    def key_at(self, fraction: float) -> str | None:
        """A payment key about ``fraction`` of the way through the Ente's receipts by IUV (to split
        a run in parts of similar size), or None when there are none."""
        r = Receipt
        top = self.conn.scalar(select(func.max(r.id))) or 0
        return self.conn.scalar(select(r.iuv).where(r.ente_id == self.ente_id, r.iuv != "")
                                .order_by(r.iuv).offset(int(top * fraction)).limit(1))

    def has_results(self) -> bool:
        return self.conn.scalar(select(ReconciliationResult.id).where(
            ReconciliationResult.ente_id == self.ente_id).limit(1)) is not None

    def estimate_keys(self) -> int:
        """About how many payment keys there are: each debt and each receipt has one, most shared."""
        return max(self.conn.scalar(select(func.max(Debt.id))) or 0, self.conn.scalar(select(func.max(Receipt.id))) or 0)

    def count_inputs(self) -> int:
        """Rough number of rows the payment pass reads (for progress)."""
        n = 0
        for model in (Debt, Receipt):
            n += self.conn.scalar(select(func.max(model.id))) or 0
        n += self.conn.scalar(select(func.max(FdrLine.id))) or 0
        return n


@contextmanager
def read_snapshot(db, ente_id: int) -> Iterator[Snapshot]:
    with db.engine.connect() as conn:
        if not _is_sqlite(conn):
            # PostgreSQL: one snapshot for every query of the run (READ COMMITTED takes one per statement);
            # SQLite's read transaction is a snapshot already.
            conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            if not _is_sqlite(conn):
                # The streams are merged in bytewise key order (COLLATE "C"), which the indexes (in the
                # database's collation) cannot give: the server sorts each one. With the default work_mem
                # (4 MB) a sort of a million keys goes to disk; for this transaction only, in memory.
                conn.exec_driver_sql(f"SET LOCAL work_mem = '{SORT_WORK_MEM}'")
            try:
                yield Snapshot(conn, ente_id)
            finally:  # no fetch may still be running when the transaction ends
                _close_prefetched(conn)


# --- engine: writing ---------------------------------------------------------------------------

#: Column order of the result tuples the engine produces.
RESULT_COLUMNS = ("key", "code", "iuv", "iuf", "amount_cents", "debt_id", "receipt_id", "fdr_line_id",
                  "treasury_id", "fingerprint")


class ResultWriter:
    """Buffered inserts, updates and deletes of results in one write transaction."""

    BATCH = 20_000

    def __init__(self, conn: Connection, ente_id: int):
        self.conn = conn
        self.ente_id = int(ente_id)
        self.now = utcnow()
        self._inserts: list[tuple] = []
        self._noted: list[tuple] = []
        self._updates: list[tuple] = []
        self._deletes: list[int] = []
        self.inserted = self.updated = self.deleted = 0
        self._sqlite = _is_sqlite(conn)
        cols = ", ".join(("ente_id", *RESULT_COLUMNS, "note", "resolved", "resolved_by", "resolved_at",
                          "updated_at"))
        marks = ", ".join("?" for _ in RESULT_COLUMNS)
        # SQLite fast path: the constant columns are literals (an int and our own timestamp), so each
        # row binds only the ten values the engine produced.
        self._insert_sql = (f"INSERT INTO {RESULT.name} ({cols}) VALUES ({self.ente_id}, {marks}, '', 0, '', "
                            f"NULL, '{self.now.isoformat(sep=' ')}')")
        self._noted_sql = (f"INSERT INTO {RESULT.name} ({cols}) VALUES ({self.ente_id}, {marks}, ?, 0, '', "
                           f"NULL, '{self.now.isoformat(sep=' ')}')")

    def _cursor(self):
        return self.conn.connection.driver_connection.cursor()

    def insert(self, row: tuple, note: str = "") -> None:
        if note:
            self._noted.append((*row, note))
        else:
            self._inserts.append(row)
        if len(self._inserts) >= self.BATCH:
            self._flush_inserts()

    def insert_all(self, rows: Iterable[tuple]) -> None:
        """Insert every row of a (possibly huge) iterable, streaming it into the database."""
        if self._sqlite:
            cur = self._cursor()
            cur.executemany(self._insert_sql, rows)
            self.inserted += max(cur.rowcount, 0)  # executemany sums the rows it inserted
        else:  # PostgreSQL fast path: streamed with COPY
            self.inserted += self._copy_rows(rows, with_note=False)

    def _copy_rows(self, rows: Iterable[tuple], *, with_note: bool) -> int:
        """PostgreSQL: result rows streamed with COPY (psycopg adapts them in C): several times faster than
        an executemany of INSERTs. Returns how many."""
        names = ("ente_id", *RESULT_COLUMNS, "note", "resolved", "resolved_by", "resolved_at", "updated_at")
        from psycopg.copy import QueuedLibpqWriter

        n = 0
        cur = self._cursor()
        # psycopg's queued writer sends the data from a thread: the server's inserts (three indexes) go on
        # while the engine classifies the next keys, instead of the engine waiting on the socket.
        with cur.copy(f"COPY {RESULT.name} ({', '.join(names)}) FROM STDIN", writer=QueuedLibpqWriter(cur)) as copy:
            if with_note:
                for r in rows:
                    copy.write_row((self.ente_id, *r[:-1], r[-1], False, "", None, self.now))
                    n += 1
            else:
                for r in rows:
                    copy.write_row((self.ente_id, *r, "", False, "", None, self.now))
                    n += 1
        return n

    def update(self, result_id: int, row: tuple) -> None:
        # key and code do not change; everything else may
        self._updates.append((*row[2:], result_id))
        if len(self._updates) >= self.BATCH:
            self._flush_updates()

    def delete(self, result_id: int) -> None:
        self._deletes.append(result_id)
        if len(self._deletes) >= self.BATCH:
            self._flush_deletes()

    def append_note(self, result_id: int, text: str) -> None:
        """Add ``text`` to a result's note (a note carried over from a code the key no longer has)."""
        t = RESULT.c
        current = self.conn.scalar(select(t.note).where(t.id == result_id)) or ""
        self.conn.execute(update(RESULT).where(t.id == result_id).values(note=(current + "\n" + text).strip()))

    def _flush_inserts(self) -> None:
        for rows, sql, with_note in ((self._inserts, self._insert_sql, False), (self._noted, self._noted_sql, True)):
            if not rows:
                continue
            if self._sqlite:
                self._cursor().executemany(sql, rows)
            else:  # PostgreSQL
                self._copy_rows(rows, with_note=with_note)
            self.inserted += len(rows)
            rows.clear()

    def _flush_updates(self) -> None:
        if not self._updates:
            return
        names = RESULT_COLUMNS[2:]
        if self._sqlite:
            sql = (f"UPDATE {RESULT.name} SET {', '.join(f'{n} = ?' for n in names)}, updated_at = ? "
                   f"WHERE id = ?")
            self._cursor().executemany(sql, [(*u[:-1], self.now.isoformat(sep=" "), u[-1]) for u in self._updates])
        else:  # PostgreSQL fast path: the new values streamed with COPY, then one UPDATE ... FROM
            stage = "_recon_update_stage"
            cols = ", ".join(names)
            self.conn.exec_driver_sql(f"CREATE TEMP TABLE IF NOT EXISTS {stage} ON COMMIT DROP AS "
                                      f"SELECT id, {cols} FROM {RESULT.name} WITH NO DATA")
            self.conn.exec_driver_sql(f"TRUNCATE {stage}")
            cur = self._cursor()
            with cur.copy(f"COPY {stage} ({cols}, id) FROM STDIN") as copy:
                for u in self._updates:
                    copy.write_row(u)
            self.conn.exec_driver_sql(
                f"UPDATE {RESULT.name} r SET {', '.join(f'{n} = s.{n}' for n in names)}, updated_at = %(now)s "
                f"FROM {stage} s WHERE r.id = s.id", {"now": self.now})
        self.updated += len(self._updates)
        self._updates = []

    def _flush_deletes(self) -> None:
        for part in _chunks(self._deletes):
            self.conn.execute(delete(RESULT).where(RESULT.c.id.in_(part)))
        self.deleted += len(self._deletes)
        self._deletes = []

    def flush(self) -> None:
        self._flush_deletes()
        self._flush_updates()
        self._flush_inserts()


@contextmanager
def result_writer(db, ente_id: int, stages: list[Path] | None = None) -> Iterator[ResultWriter]:
    """A writer whose changes commit together when the block ends (and roll back on error).

    ``stages``: the scratch files of reconciliation_staging, attached before the transaction begins
    (its write lock taken by a first write instead of BEGIN IMMEDIATE; see that module).
    """
    with db.engine.connect() as conn:
        if stages:
            from mypay_desk.store.repositories import reconciliation_staging

            reconciliation_staging.attach(conn, stages)
        else:
            conn.info["begin_mode"] = "IMMEDIATE"
            conn.info["begin_scope"] = locks.reconciliation(ente_id)  # PostgreSQL: other desks' writes go on
        try:
            with conn.begin():
                if stages:
                    reconciliation_staging.take_write_lock(conn)
                writer = ResultWriter(conn, ente_id)
                yield writer
                writer.flush()
        finally:
            if stages:
                try:
                    reconciliation_staging.detach(conn, len(stages))
                except Exception:  # noqa: BLE001 - a connection still holding the file is not reused
                    conn.invalidate()


# --- page queries ------------------------------------------------------------------------------

def summary(session: Session, ente_id: int) -> list[tuple[str, int, int, int]]:
    """(code, count, amount_cents, resolved count) per code."""
    t = ReconciliationResult
    rows = session.execute(select(t.code, func.count(), func.coalesce(func.sum(t.amount_cents), 0),
                                  func.coalesce(func.sum(case((t.resolved.is_(True), 1), else_=0)), 0))
                           .where(t.ente_id == ente_id).group_by(t.code))
    return [(r[0], int(r[1]), int(r[2]), int(r[3])) for r in rows]


def _filtered(session: Session, ente_id: int, code: str | None, search: str, only_open: bool):
    t = ReconciliationResult
    conds = [t.ente_id == ente_id]
    if code:
        conds.append(t.code == code)
    if only_open:
        conds.append(t.resolved.is_(False))
    if search.strip():
        conds.append(any_contains(session, (t.key, t.iuv, t.iuf, t.note), search.strip()))
    return and_(*conds)


def count_results(session: Session, ente_id: int, code: str | None, search: str = "",
                  only_open: bool = False) -> int:
    return session.scalar(select(func.count()).select_from(ReconciliationResult)
                          .where(_filtered(session, ente_id, code, search, only_open))) or 0


LIST_COLUMNS = ("id", "code", "key", "iuv", "iuf", "amount_cents", "note", "resolved", "resolved_by",
                "resolved_at", "updated_at", "debt_id", "receipt_id", "fdr_line_id", "treasury_id",
                "iud", "date", "payer")


def list_results(session: Session, ente_id: int, code: str | None, offset: int, limit: int, search: str = "",
                 only_open: bool = False, result_id: int | None = None) -> list[dict[str, Any]]:
    """A page of results (or the one ``result_id``) with the IUD, a date and the payer of the linked records."""
    t, d, r, ln, tm = ReconciliationResult, Debt, Receipt, FdrLine, TreasuryMovement
    when = func.coalesce(r.outcome_date, ln.outcome_date, tm.value_date, tm.book_date, d.due_date)
    payer = func.coalesce(func.nullif(r.payer_name, ""), func.nullif(d.debtor_name, ""), tm.payer, "")
    stmt = (select(t.id, t.code, t.key, t.iuv, t.iuf, t.amount_cents, t.note, t.resolved, t.resolved_by,
                   t.resolved_at, t.updated_at, t.debt_id, t.receipt_id, t.fdr_line_id, t.treasury_id,
                   func.coalesce(d.iud, r.iud, ""), when, payer)
            .outerjoin(d, d.id == t.debt_id).outerjoin(r, r.id == t.receipt_id)
            .outerjoin(ln, ln.id == t.fdr_line_id).outerjoin(tm, tm.id == t.treasury_id)
            .where(_filtered(session, ente_id, code, search, only_open), *([t.id == result_id] if result_id else []))
            .order_by(t.key, t.code).offset(offset).limit(limit))
    return [dict(zip(LIST_COLUMNS, row, strict=True)) for row in session.execute(stmt)]


def get_result(session: Session, ente_id: int, result_id: int) -> ReconciliationResult | None:
    row = session.get(ReconciliationResult, result_id)
    return row if row is not None and row.ente_id == ente_id else None


def set_note(session: Session, ente_id: int, result_id: int, note: str) -> bool:
    res = session.execute(update(ReconciliationResult).where(
        ReconciliationResult.id == result_id, ReconciliationResult.ente_id == ente_id).values(note=note))
    return res.rowcount == 1


def set_resolved(session: Session, ente_id: int, result_id: int, resolved: bool, who: str) -> bool:
    values = ({"resolved": True, "resolved_by": who[:100], "resolved_at": utcnow()} if resolved
              else {"resolved": False, "resolved_by": "", "resolved_at": None})
    res = session.execute(update(ReconciliationResult).where(
        ReconciliationResult.id == result_id, ReconciliationResult.ente_id == ente_id).values(**values))
    return res.rowcount == 1


def debt_record(session: Session, debt_id: int | None) -> Debt | None:
    return session.get(Debt, debt_id) if debt_id else None


def receipt_record(session: Session, receipt_id: int | None) -> Receipt | None:
    return session.get(Receipt, receipt_id) if receipt_id else None


def line_record(session: Session, line_id: int | None) -> tuple[FdrLine, FdrFlow] | None:
    if not line_id:
        return None
    line = session.get(FdrLine, line_id)
    return (line, line.flow) if line is not None else None


def flow_by_iuf(session: Session, ente_id: int, iuf: str) -> FdrFlow | None:
    return session.scalar(select(FdrFlow).where(FdrFlow.ente_id == ente_id, FdrFlow.flow_id == iuf)
                          .order_by(FdrFlow.flow_datetime.desc()).limit(1))


def treasury_record(session: Session, treasury_id: int | None) -> TreasuryMovement | None:
    return session.get(TreasuryMovement, treasury_id) if treasury_id else None


def treasury_for_iuf(session: Session, ente_id: int, iuf: str) -> list[TreasuryMovement]:
    return list(session.scalars(select(TreasuryMovement).where(
        TreasuryMovement.ente_id == ente_id, TreasuryMovement.iuf == iuf).order_by(TreasuryMovement.id)))


# --- export ------------------------------------------------------------------------------------

EXPORT_COLUMNS = (
    # result
    "code", "key", "amount_cents", "note", "resolved", "resolved_by", "resolved_at", "updated_at",
    # I: debt
    "d_iud", "d_iuv", "d_debtor_type", "d_debtor_code", "d_debtor_name", "d_address", "d_civic",
    "d_postal_code", "d_city", "d_province", "d_country", "d_email", "d_due_date", "d_payment_type",
    "d_amount_cents", "d_pa_fee_cents", "d_causale", "d_collection_data", "d_debt_type", "d_bilancio",
    "d_created_at",
    # E: receipt
    "e_export_name", "e_row_number", "e_iud", "e_iuv", "e_receipt_message_id", "e_receipt_datetime", "e_psp_id",
    "e_psp_name", "e_payer_type", "e_payer_code", "e_payer_name", "e_payer_email", "e_outcome_code",
    "e_total_paid_cents", "e_payment_context", "e_amount_cents", "e_single_outcome", "e_outcome_date", "e_iur",
    "e_causale", "e_collection_data", "e_debt_type", "e_imported_at", "e_bilancio",
    # R: FdR line and flow
    "r_version", "r_flow_id", "r_flow_datetime", "r_settlement_id", "r_settlement_date", "r_sender_id",
    "r_sender_name", "r_receiver_id", "r_receiver_name", "r_total_count", "r_total_amount_cents", "r_iuv",
    "r_iur", "r_amount_cents", "r_outcome_code", "r_outcome_date", "r_imported_at", "r_payment_index",
    # T: treasury
    "t_account", "t_book_date", "t_value_date", "t_amount_cents", "t_causale", "t_payer", "t_iuf", "t_iuv",
    "t_imported_at", "t_document_number", "t_end_to_end_id", "t_source_kind", "t_status", "t_movement_type",
)


def export_rows(session: Session, ente_id: int, code: str | None = None, batch: int = 2000
                ) -> Iterator[dict[str, Any]]:
    """Every result (of ``code``, or all) joined with its records, for the xlsx/CSV exports."""
    t, d, r, ln, f, tm = ReconciliationResult, Debt, Receipt, FdrLine, FdrFlow, TreasuryMovement
    cols = [
        t.code, t.key, t.amount_cents, t.note, t.resolved, t.resolved_by, t.resolved_at, t.updated_at,
        d.iud, d.iuv, d.debtor_type, d.debtor_code, d.debtor_name, d.address, d.civic, d.postal_code, d.city,
        d.province, d.country, d.email, d.due_date, d.payment_type, d.amount_cents, d.pa_fee_cents, d.causale,
        d.collection_data, d.debt_type, d.bilancio_json, d.created_at,
        r.export_name, r.row_number, r.iud, r.iuv, r.receipt_message_id, r.receipt_datetime, r.psp_id,
        r.psp_name, r.payer_type, r.payer_code, r.payer_name, r.payer_email, r.outcome_code,
        r.total_paid_cents, r.payment_context, r.amount_cents, r.single_outcome, r.outcome_date, r.iur,
        r.causale, r.collection_data, r.debt_type, r.imported_at, r.bilancio,
        f.version, f.flow_id, f.flow_datetime, f.settlement_id, f.settlement_date, f.sender_id, f.sender_name,
        f.receiver_id, f.receiver_name, f.total_count, f.total_amount_cents, ln.iuv, ln.iur, ln.amount_cents,
        ln.outcome_code, ln.outcome_date, f.imported_at, ln.payment_index,
        tm.account, tm.book_date, tm.value_date, tm.amount_cents, tm.causale, tm.payer, tm.iuf, tm.iuv,
        tm.imported_at, tm.document_number, tm.end_to_end_id, tm.source_kind, tm.status, tm.movement_type,
    ]
    stmt = (select(*cols).select_from(t)
            .outerjoin(d, d.id == t.debt_id).outerjoin(r, r.id == t.receipt_id)
            .outerjoin(ln, ln.id == t.fdr_line_id).outerjoin(f, f.id == ln.fdr_id)
            .outerjoin(tm, tm.id == t.treasury_id)
            .where(t.ente_id == ente_id, *([t.code == code] if code else []))
            .order_by(t.code, t.key))
    result = session.execute(stmt.execution_options(yield_per=batch))
    for row in result:
        yield dict(zip(EXPORT_COLUMNS, row, strict=True))


# --- bulk loading (tests, benchmarks, demo data) -------------------------------------------------

def _defaults(table) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for col in table.columns:
        if col.primary_key:
            continue
        default = col.default
        if default is None:
            out[col.name] = None
        elif default.is_scalar:
            out[col.name] = default.arg
        elif default.is_callable:
            out[col.name] = default.arg(None)  # SQLAlchemy wraps Python callables to take a context
    return out


def bulk_insert(db, model, rows: Iterable[dict[str, Any]], batch: int = 50_000) -> int:
    """Insert plain dicts into ``model``'s table, filling the model's defaults. Returns the count.

    For test fixtures, benchmarks and demo data: no per-row ORM objects, one transaction.
    """
    table = model.__table__
    defaults = _defaults(table)
    names = list(defaults)
    count = 0
    with db.engine.begin() as conn:
        sqlite = _is_sqlite(conn)
        sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})"
        buf: list = []

        def flush():
            if not buf:
                return
            if sqlite:  # SQLite fast path
                conn.connection.driver_connection.cursor().executemany(sql, buf)
            elif conn.dialect.name == "postgresql":  # PostgreSQL fast path: COPY
                with conn.connection.driver_connection.cursor().copy(
                        f"COPY {table.name} ({', '.join(names)}) FROM STDIN") as copy:
                    for r in buf:
                        copy.write_row(r)
            else:
                conn.execute(insert(table), [dict(zip(names, r, strict=True)) for r in buf])
            buf.clear()

        for row in rows:
            unknown = set(row) - set(names)
            if unknown:
                raise KeyError(f"{table.name}: colonne sconosciute {sorted(unknown)}")
            values = [row.get(n, defaults[n]) for n in names]
            if sqlite:
                values = [v.isoformat(sep=" ") if isinstance(v, datetime)
                          else v.isoformat() if isinstance(v, date) else v for v in values]
            buf.append(values)
            count += 1
            if len(buf) >= batch:
                flush()
        flush()
    return count
