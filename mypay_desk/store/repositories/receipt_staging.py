"""SQLite fast path of a big receipts import: each batch is stored by a writer thread while the next
one is read and built.

Python's sqlite3 gives the GIL back only while SQLite runs a statement, so a thread running an
executemany (one short statement per row) and a thread parsing the file would hand the GIL back and
forth for every row and both crawl. Here the importing thread binds each ready batch into an
index-less table of a scratch database (one executemany, what binding costs anyway), and the writer
thread stores it with a few long statements, in its own write transaction: INSERT ... SELECT from
the scratch table (dedupe by ON CONFLICT, the receipt indexes maintained inside SQLite) and the
debts' paid state (receipts.recompute_debts_after), then COMMIT. During those the importing thread
holds the GIL and builds the next batch.

The scratch tables are two files in a private temporary folder, without journal, both attached to the
writer's connection: the writer reads one while the importing thread fills the other (one file in WAL
mode, as before, cost the importing thread a fifth more for each batch bound, and its WAL grew by every
batch staged, never reset: 80 MB for 100,000 rows; a file without journal keeps one batch). The
writer opens its transaction with a plain BEGIN (BEGIN IMMEDIATE would take the write lock of the
scratch database too); its first statement is the INSERT, which takes the workspace's write lock
before reading anything there, so the batch's rows are exactly the ids above ``max(id) - inserted``.

Other databases: the importer stores batches itself (services/receipts/importing.py), the
portable path; tests hold the two equal.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from mypay_desk.store.db import BUSY_MESSAGE, DatabaseBusyError
from mypay_desk.store.repositories import receipts as repo

#: Staged rows: repo.INSERT_COLUMNS (debt id and match kind left empty), then the IUD and IUV to match
#: the row by (None for a row never matched: a secondary Ente's).
STAGE_COLUMNS = (*repo.INSERT_COLUMNS, "match_iud", "match_iuv")
_COLUMNS = ", ".join(repo.INSERT_COLUMNS)
_MARKS = ", ".join("?" for _ in STAGE_COLUMNS)
# The inserted columns, the match (temp.receipt_match: twice the debt id, plus 1 when found by IUV) in place
# of the staged debt id and kind.
_SELECTED = ", ".join(
    "m.x / 2" if c == "debt_id" else "CASE m.x % 2 WHEN 0 THEN 'IUD' WHEN 1 THEN 'IUV' ELSE '' END" if c == "match_kind"
    else f"s.{c}" for c in repo.INSERT_COLUMNS)


def available(db) -> bool:
    return db.engine.dialect.name == "sqlite"


@dataclass
class StoredBatch:
    rows: int  # rows given
    new: int  # rows inserted (the others were already stored)
    matched: int  # inserted rows with a debt
    debts_paid: int


class StagedReceiptWriter:
    """Stores batches of bound receipt rows (repo.INSERT_COLUMNS order) one after the other, each in
    its own write transaction, on a writer thread. ``submit`` returns the previous batch's outcome
    once it is stored; ``finish`` the last one. Use as a context manager."""

    def __init__(self, db, ente_id: int):
        self.db = db
        self.ente_id = ente_id
        self._folder = Path(tempfile.mkdtemp(prefix="mypay-desk-receipts-"))
        # One throw-away file per table, without journal: the importing thread writes one while the
        # writer reads the other (two tables in one file would need WAL, which costs the binding thread).
        self._stage = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        for slot in (0, 1):
            self._stage.execute("ATTACH DATABASE ? AS ?", (str(self._folder / f"b{slot}.sqlite3"), f"s{slot}"))
            self._stage.execute(f"PRAGMA s{slot}.journal_mode=OFF")
            self._stage.execute(f"PRAGMA s{slot}.synchronous=OFF")
            self._stage.execute(f"CREATE TABLE s{slot}.b{slot} ({', '.join(STAGE_COLUMNS)})")
        self._conn = db.engine.connect()
        raw = self._conn.connection.driver_connection
        for slot in (0, 1):
            raw.execute("ATTACH DATABASE ? AS ?", (str(self._folder / f"b{slot}.sqlite3"), f"stage{slot}"))
        raw.execute("CREATE TEMP TABLE IF NOT EXISTS receipt_match (rid INTEGER PRIMARY KEY, x INTEGER)")
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="receipts-writer")
        self._pending: Future | None = None
        self._slot = 0

    def __enter__(self) -> StagedReceiptWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def submit(self, rows: list[list]) -> StoredBatch | None:
        """Stage ``rows`` (STAGE_COLUMNS) and have them matched and stored; returns the outcome of the
        batch submitted before (waiting for it), or None."""
        slot = self._slot
        self._slot ^= 1
        # The writer may still be reading the other table: this one is free (one batch in flight).
        self._stage.execute("BEGIN")
        self._stage.execute(f"DELETE FROM s{slot}.b{slot}")
        self._stage.executemany(f"INSERT INTO s{slot}.b{slot} VALUES ({_MARKS})", rows)
        self._stage.execute("COMMIT")
        previous = self._wait()
        self._pending = self._pool.submit(self._store, slot, len(rows))
        return previous

    def finish(self) -> StoredBatch | None:
        return self._wait()

    def _wait(self) -> StoredBatch | None:
        pending, self._pending = self._pending, None
        return pending.result() if pending is not None else None

    def _store(self, slot: int, n: int) -> StoredBatch:
        """(writer thread) Match one batch to the Ente's debts, then store it in one write transaction."""
        conn = self._conn
        raw = conn.connection.driver_connection
        try:
            # The match, before the write transaction (as the portable path looks debts up before it):
            # IUD first, then IUV, among the Ente's debts, the most recent when several share a code.
            raw.execute("DELETE FROM temp.receipt_match")
            raw.execute(
                "INSERT INTO temp.receipt_match SELECT s.rowid, COALESCE("
                "(SELECT max(d.id) * 2 FROM main.debt d WHERE d.ente_id = ? AND d.iud = NULLIF(s.match_iud, '')), "
                "(SELECT max(d.id) * 2 + 1 FROM main.debt d WHERE d.ente_id = ? AND d.iuv = NULLIF(s.match_iuv, ''))) "
                f"FROM stage{slot}.b{slot} s WHERE s.match_iud != '' OR s.match_iuv != ''", (self.ente_id, self.ente_id))
            with conn.begin():
                session = Session(bind=conn, expire_on_commit=False, join_transaction_mode="rollback_only",
                                  info={"actor": getattr(self.db, "actor", "")})  # who changed the debts paid
                try:
                    with repo.bulk_cache(session):
                        # first statement: it takes the workspace's write lock before reading there
                        new = conn.exec_driver_sql(
                            f"INSERT INTO main.receipt ({_COLUMNS}) SELECT {_SELECTED} "
                            f"FROM stage{slot}.b{slot} s LEFT JOIN temp.receipt_match m ON m.rid = s.rowid "
                            "WHERE true ORDER BY s.rowid ON CONFLICT (ente_id, dedupe_key) DO NOTHING").rowcount
                        after = repo.last_receipt_id(session) - new
                        if new == n:
                            matched = conn.exec_driver_sql(
                                "SELECT count(*) FROM temp.receipt_match WHERE x IS NOT NULL").scalar()
                        else:  # some were stored already: count what went in
                            new, matched = repo.batch_counts(session, after)
                        paid = repo.recompute_debts_after(session, self.ente_id, after) if matched else 0
                    session.flush()
                finally:
                    session.close()
        except OperationalError as exc:
            if "locked" in str(exc).lower() or "busy" in str(exc).lower():
                raise DatabaseBusyError(BUSY_MESSAGE) from exc
            raise
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc).lower() or "busy" in str(exc).lower():
                raise DatabaseBusyError(BUSY_MESSAGE) from exc
            raise
        return StoredBatch(n, new, matched, paid)

    def close(self) -> None:
        try:
            if self._pending is not None:
                self._pending.exception()  # let a batch in flight end (it commits or rolls back)
                self._pending = None
        finally:
            self._pool.shutdown(wait=True)
            try:
                raw = self._conn.connection.driver_connection
                raw.execute("DROP TABLE IF EXISTS temp.receipt_match")
                raw.execute("DETACH DATABASE stage0")
                raw.execute("DETACH DATABASE stage1")
            except sqlite3.Error:
                self._conn.invalidate()  # a connection that cannot let go of the file is not reused
            self._conn.close()
            self._stage.close()
            shutil.rmtree(self._folder, ignore_errors=True)
