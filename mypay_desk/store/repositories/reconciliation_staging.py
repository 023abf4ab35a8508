"""SQLite fast path of a full classification run on two processes: the part of the payment keys a
worker process classifies is merged into scratch databases (the rows to insert, update, delete and
the notes to append), which the run's write transaction then applies with a few statements each.

The run attaches the scratch files to its writer connection before its transaction begins (SQLite
cannot attach inside one), and opens that transaction with a plain BEGIN and a write to the
workspace (BEGIN IMMEDIATE would also take the scratch databases' write locks, which the worker
needs): nothing else can then commit while the run reads, as with BEGIN IMMEDIATE.

The worker writes its part as a few chunks, one scratch file each (the first ones the largest), and
says when each is complete: the run applies a chunk while the worker still classifies the next, so
only the last, small one is applied after both parts end. One file per chunk because SQLite reads an
attached database under the snapshot of the run's first read of it: rows the worker commits to a
file the run has already read are invisible to the run.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy import Connection

from mypay_desk.store.repositories.reconciliation import RESULT, RESULT_COLUMNS, ResultWriter

_INS = (*RESULT_COLUMNS, "note")
_UPD = ("id", *RESULT_COLUMNS[2:])
TABLES = {"ins": _INS, "upd": _UPD, "del": ("id",), "notes": ("id", "text")}


#: Share of the worker's keys in each chunk, in the order written: the last is applied after both
#: parts end, the others while the worker writes the next.
CHUNK_SHARES = (0.4, 0.3, 0.2, 0.1)


def create_stage(folder: Path, chunks: int = len(CHUNK_SHARES)) -> list[Path]:
    """The scratch files of one run, their tables created; returns their paths in chunk order."""
    paths = [folder / f"stage{i}.sqlite3" for i in range(chunks)]
    for path in paths:
        con = sqlite3.connect(path, isolation_level=None)
        try:
            con.execute("PRAGMA journal_mode=WAL")
            for name, columns in TABLES.items():
                con.execute(f"CREATE TABLE {name} ({', '.join(columns)})")
        finally:
            con.close()
    return paths


class StagedResultWriter:
    """The ResultWriter interface, writing into the scratch files (the worker's side), one chunk at a time:
    ``next_chunk`` completes the current file and goes on in the next one (the last one takes the rest)."""

    BATCH = 20_000

    def __init__(self, paths: list[Path], on_chunk: Callable[[int], None] = lambda _i: None):
        self.paths = paths
        self.on_chunk = on_chunk  # told each chunk's index once its rows are committed
        self.chunk = 0
        self.con = self._open(paths[0])
        self.inserted = self.updated = self.deleted = 0
        self._buffers: dict[str, list[tuple]] = {name: [] for name in TABLES}

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        con = sqlite3.connect(path, isolation_level=None)
        con.execute("PRAGMA synchronous=OFF")
        return con

    def next_chunk(self) -> None:
        """Complete the current chunk (committed, announced) and write on in the next file, if any."""
        if self.chunk + 1 >= len(self.paths):
            return
        self._complete()
        self.chunk += 1
        self.con = self._open(self.paths[self.chunk])

    def _complete(self) -> None:
        """Commit what is buffered, close the file and announce the chunk (only once committed)."""
        try:
            self.flush()
        finally:
            self.con.close()
        self.on_chunk(self.chunk)

    def _add(self, table: str, row: tuple) -> None:
        buf = self._buffers[table]
        buf.append(row)
        if len(buf) >= self.BATCH:
            self._flush(table)

    def _flush(self, table: str) -> None:
        buf = self._buffers[table]
        if buf:
            marks = ", ".join("?" for _ in TABLES[table])
            self.con.execute("BEGIN")
            self.con.executemany(f"INSERT INTO {table} VALUES ({marks})", buf)
            self.con.execute("COMMIT")
            buf.clear()

    def insert(self, row: tuple, note: str = "") -> None:
        self._add("ins", (*row, note))
        self.inserted += 1

    def insert_all(self, rows: Iterable[tuple]) -> None:
        for row in rows:
            self.insert(row)

    def update(self, result_id: int, row: tuple) -> None:
        self._add("upd", (result_id, *row[2:]))
        self.updated += 1

    def delete(self, result_id: int) -> None:
        self._add("del", (result_id,))
        self.deleted += 1

    def append_note(self, result_id: int, text: str) -> None:
        self._add("notes", (result_id, text))

    def flush(self) -> None:
        for table in TABLES:
            self._flush(table)

    def abandon(self) -> None:
        """Stop without completing the current chunk (the run fails: nothing of it is applied)."""
        self.con.close()

    def close(self) -> None:
        """Complete the last chunk."""
        self._complete()


def attach(conn: Connection, paths: list[Path]) -> None:
    """Attach the scratch files as stage0, stage1, ... (before the writer's transaction begins)."""
    raw = conn.connection.driver_connection
    for i, path in enumerate(paths):
        raw.execute("ATTACH DATABASE ? AS ?", (str(path), f"stage{i}"))


def detach(conn: Connection, chunks: int) -> None:
    raw = conn.connection.driver_connection
    for i in range(chunks):
        raw.execute(f"DETACH DATABASE stage{i}")


def take_write_lock(conn: Connection) -> None:
    """The workspace's write lock, in a transaction opened with a plain BEGIN (see the module)."""
    conn.exec_driver_sql("DELETE FROM main.reconciliation_dirty WHERE 0")


def apply_stage(writer: ResultWriter, chunk: int) -> None:
    """Apply one complete chunk of the worker (SQLite 3.33+ for UPDATE ... FROM), counted in ``writer``.
    Read here for the first time in the run's transaction: its snapshot holds every row of the chunk."""
    conn = writer.conn
    stage = f"stage{chunk}"
    writer.flush()
    cols = ", ".join(RESULT_COLUMNS)
    now = writer.now.isoformat(sep=" ")
    writer.inserted += conn.exec_driver_sql(
        f"INSERT INTO main.{RESULT.name} (ente_id, {cols}, note, resolved, resolved_by, resolved_at, updated_at) "
        f"SELECT ?, {cols}, note, 0, '', NULL, ? FROM {stage}.ins ORDER BY rowid", (writer.ente_id, now)).rowcount
    names = RESULT_COLUMNS[2:]
    writer.updated += conn.exec_driver_sql(
        f"UPDATE main.{RESULT.name} SET {', '.join(f'{n} = u.{n}' for n in names)}, updated_at = ? "
        f"FROM {stage}.upd u WHERE {RESULT.name}.id = u.id", (now,)).rowcount
    writer.deleted += conn.exec_driver_sql(
        f"DELETE FROM main.{RESULT.name} WHERE id IN (SELECT id FROM {stage}.del)").rowcount
    for result_id, text in conn.exec_driver_sql(f"SELECT id, text FROM {stage}.notes ORDER BY rowid").all():
        writer.append_note(result_id, text)
