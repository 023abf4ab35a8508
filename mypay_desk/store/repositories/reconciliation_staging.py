"""SQLite fast path of a full classification run on two processes: the part of the payment keys a
worker process classifies is merged into a scratch database (the rows to insert, update, delete and
the notes to append), which the run's write transaction then applies with a few statements.

The run attaches the scratch file to its writer connection before its transaction begins (SQLite
cannot attach inside one), and opens that transaction with a plain BEGIN and a write to the
workspace (BEGIN IMMEDIATE would also take the scratch database's write lock, which the worker
needs): nothing else can then commit while the run reads, as with BEGIN IMMEDIATE.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import Connection

from mypay_desk.store.repositories.reconciliation import RESULT, RESULT_COLUMNS, ResultWriter

_INS = (*RESULT_COLUMNS, "note")
_UPD = ("id", *RESULT_COLUMNS[2:])
TABLES = {"ins": _INS, "upd": _UPD, "del": ("id",), "notes": ("id", "text")}


def create_stage(path: Path) -> None:
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode=WAL")
        for name, columns in TABLES.items():
            con.execute(f"CREATE TABLE {name} ({', '.join(columns)})")
    finally:
        con.close()


class StagedResultWriter:
    """The ResultWriter interface, writing into the scratch database (the worker's side)."""

    BATCH = 20_000

    def __init__(self, path: Path):
        self.con = sqlite3.connect(path, isolation_level=None)
        self.con.execute("PRAGMA synchronous=OFF")
        self.inserted = self.updated = self.deleted = 0
        self._buffers: dict[str, list[tuple]] = {name: [] for name in TABLES}

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

    def close(self) -> None:
        self.flush()
        self.con.close()


def attach(conn: Connection, path: Path) -> None:
    """Attach the scratch database (before the writer's transaction begins)."""
    conn.connection.driver_connection.execute("ATTACH DATABASE ? AS stage", (str(path),))


def detach(conn: Connection) -> None:
    conn.connection.driver_connection.execute("DETACH DATABASE stage")


def take_write_lock(conn: Connection) -> None:
    """The workspace's write lock, in a transaction opened with a plain BEGIN (see the module)."""
    conn.exec_driver_sql("DELETE FROM main.reconciliation_dirty WHERE 0")


def apply_stage(writer: ResultWriter) -> None:
    """Apply what the worker merged (SQLite 3.33+ for UPDATE ... FROM), counted in ``writer``."""
    conn = writer.conn
    writer.flush()
    cols = ", ".join(RESULT_COLUMNS)
    now = writer.now.isoformat(sep=" ")
    writer.inserted += conn.exec_driver_sql(
        f"INSERT INTO main.{RESULT.name} (ente_id, {cols}, note, resolved, resolved_by, resolved_at, updated_at) "
        f"SELECT ?, {cols}, note, 0, '', NULL, ? FROM stage.ins ORDER BY rowid", (writer.ente_id, now)).rowcount
    names = RESULT_COLUMNS[2:]
    writer.updated += conn.exec_driver_sql(
        f"UPDATE main.{RESULT.name} SET {', '.join(f'{n} = u.{n}' for n in names)}, updated_at = ? "
        f"FROM stage.upd u WHERE {RESULT.name}.id = u.id", (now,)).rowcount
    writer.deleted += conn.exec_driver_sql(
        f"DELETE FROM main.{RESULT.name} WHERE id IN (SELECT id FROM stage.del)").rowcount
    for result_id, text in conn.exec_driver_sql("SELECT id, text FROM stage.notes ORDER BY rowid").all():
        writer.append_note(result_id, text)
