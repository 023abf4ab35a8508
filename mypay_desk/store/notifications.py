"""Which tables other desks (or processes) changed: what lets a page refresh by itself.

- PostgreSQL: ``LISTEN`` on the channel the statement triggers of migration 0004 notify at COMMIT,
  one notification per table and transaction, naming the writer's ``application_name``; the writes of
  this very ``Database`` (its own tag) are left out. A broken connection is opened again and reported as
  "everything may have changed" (notifications sent meanwhile are lost).
- SQLite (one desk, command-line jobs alongside): ``PRAGMA data_version`` on a connection of its own,
  which moves when any other connection commits. Commits of this process are absorbed right after they
  happen (a connection class that reports its own commits), so only other processes' count. SQLite does
  not say which tables: the answer is "everything" (``{"*"}``). A commit of another process that lands in
  the instant between one of ours and its absorption goes unseen until the next change.

``ChangeListener.wait(timeout)`` blocks up to ``timeout`` seconds and returns the set of tables changed
(``{"*"}`` when unknown), or an empty set.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from mypay_desk.store.db import Database

log = logging.getLogger(__name__)

CHANNEL = "mypay_desk_changes"  # as in migration 0004
EVERYTHING = frozenset({"*"})


class ChangeListener:
    def wait(self, timeout: float) -> set[str]:  # pragma: no cover - interface
        raise NotImplementedError

    def close(self) -> None:  # pragma: no cover - interface
        raise NotImplementedError


def listener(db: Database) -> ChangeListener:
    return _PgListener(db) if db.kind == "postgresql" else _SqliteListener(db)


class _PgListener(ChangeListener):
    RETRY_S = 5.0

    def __init__(self, db: Database):
        self.db = db
        self.own = db.application_name
        self._conn = None
        self._lock = threading.Lock()
        self._closed = False
        self._connect()

    def _connect(self) -> bool:
        try:
            fairy = self.db.engine.raw_connection()
            conn = fairy.driver_connection
            fairy.detach()  # ours for good: LISTEN must not go back to the pool
            conn.autocommit = True
            conn.execute(f"LISTEN {CHANNEL}")
        except Exception as exc:  # noqa: BLE001 - the server may be down: retried by wait()
            log.info("notifiche dal database non disponibili: %s", exc)
            self._conn = None
            return False
        self._conn = conn
        return True

    def wait(self, timeout: float) -> set[str]:
        conn = self._conn
        if conn is None:
            time.sleep(min(timeout, self.RETRY_S))
            if self._closed:
                return set()
            with self._lock:
                ok = self._connect()
            return set(EVERYTHING) if ok else set()  # missed notifications meanwhile: everything
        tables: set[str] = set()
        try:
            for note in conn.notifies(timeout=timeout, stop_after=1):
                table, _, app = note.payload.partition(" ")
                if app != self.own:
                    tables.add(table)
            return tables
        except Exception as exc:  # noqa: BLE001 - connection lost: reconnect at the next wait
            if not self._closed:
                log.info("notifiche dal database interrotte: %s", exc)
            self._drop()
            return set()

    def _drop(self) -> None:
        with self._lock:
            conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(Exception):  # already broken
                conn.close()

    def close(self) -> None:
        self._closed = True
        self._drop()


class _SqliteListener(ChangeListener):
    STEP_S = 0.25

    def __init__(self, db: Database):
        self.db = db
        self._lock = threading.Lock()
        self._closed = threading.Event()
        self._conn = sqlite3.connect(str(db.path), check_same_thread=False, isolation_level=None)
        self._seen = self._version()
        db.on_own_commit.append(self.absorb)

    def _version(self) -> int:
        with self._lock:
            return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def absorb(self) -> None:
        """This process just committed: its own change is not news."""
        if self._closed.is_set():
            return
        with contextlib.suppress(sqlite3.Error):  # closing
            self._seen = self._version()

    def wait(self, timeout: float) -> set[str]:
        end = time.monotonic() + timeout
        while not self._closed.wait(min(self.STEP_S, max(0.0, end - time.monotonic()))):
            if time.monotonic() >= end:
                break
        if self._closed.is_set():
            return set()
        try:
            now = self._version()
        except sqlite3.Error as exc:
            log.info("controllo delle modifiche non riuscito: %s", exc)
            return set()
        if now != self._seen:
            self._seen = now
            return set(EVERYTHING)
        return set()

    def close(self) -> None:
        self._closed.set()
        with contextlib.suppress(ValueError):
            self.db.on_own_commit.remove(self.absorb)
        with self._lock:
            self._conn.close()


