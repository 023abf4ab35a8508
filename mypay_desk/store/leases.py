"""Single-flight activities across desks: one holder at a time of a named lease ("push:12").

The lock itself is one the operating system or the server frees when the holder dies, so a desk that
crashed or lost its network never blocks the others:

- PostgreSQL: a session-level advisory lock (``pg_try_advisory_lock``) on a connection kept open for
  as long as the lease is held; the server drops it with the connection.
- SQLite (one desk, command-line jobs alongside): an OS file lock (``flock`` / ``msvcrt.locking``) on a
  file in the workspace folder's ``locks/``; the system drops it with the process.

Who holds it is written in ``desk_activity`` (user, desk, what, since when), read by the desk that finds
the lease taken. Within one process a thread may take a lease it already holds again (a push resuming
its own flow); another thread of the same process is refused like another desk.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sys
import threading
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import delete, select
from sqlalchemy.exc import DBAPIError

from mypay_desk.store.locks import ROWS
from mypay_desk.store.models import DeskActivity
from mypay_desk.store.models.base import utcnow

if TYPE_CHECKING:  # pragma: no cover
    from mypay_desk.store.db import Database

log = logging.getLogger(__name__)

LOCKS_DIR = "locks"


@dataclass(frozen=True)
class Holder:
    """Who holds a lease (as written by the holder)."""

    user: str
    desk: str
    what: str
    started_at: datetime | None  # UTC, naive (as stored)
    pid: int = 0


class LeaseBusy(Exception):
    """The lease is held by someone else; ``holder`` says who when it could be read."""

    def __init__(self, name: str, holder: Holder | None):
        super().__init__(name)
        self.name = name
        self.holder = holder


class LeaseLost(Exception):
    """The lock of a held lease is gone (the server connection broke): stop before doing what it guards."""


class Lease:
    """A held lease; ``release()`` (or leaving the ``with`` block) frees it."""

    def __init__(self, db: Database, name: str, token: str, lock: _Lock):
        self.db = db
        self.name = name
        self.token = token
        self._lock = lock
        self._depth = 1
        self._owner = threading.get_ident()

    def check(self) -> None:
        """Raise LeaseLost when the lock is no longer held (PostgreSQL: the connection broke)."""
        if not self._lock.alive():
            raise LeaseLost(self.name)

    def release(self) -> None:
        with _REGISTRY_LOCK:
            self._depth -= 1
            if self._depth > 0:
                return
            _HELD.pop(_key(self.db, self.name), None)
        try:
            with self.db.session() as s:
                s.execute(delete(DeskActivity).where(DeskActivity.name == self.name, DeskActivity.token == self.token))
        except Exception as exc:  # noqa: BLE001 - the row is only informative; the lock is what matters
            log.warning("riga di attività %s non tolta: %s", self.name, exc)
        finally:
            self._lock.release()

    def __enter__(self) -> Lease:
        return self

    def __exit__(self, *_exc) -> None:
        self.release()


_HELD: dict[tuple[int, str], Lease] = {}
_REGISTRY_LOCK = threading.Lock()


def _key(db: Database, name: str) -> tuple[int, str]:
    return (id(db), name)


def acquire(db: Database, name: str, *, user: str, desk: str, what: str) -> Lease:
    """Take the lease ``name`` or raise LeaseBusy (never waits)."""
    with _REGISTRY_LOCK:
        held = _HELD.get(_key(db, name))
        if held is not None and held._owner == threading.get_ident():
            held._depth += 1
            return held
    lock = _PgLock(db, name) if db.kind == "postgresql" else _FileLock(db, name)
    if not lock.try_acquire():
        raise LeaseBusy(name, holder(db, name))
    token = uuid.uuid4().hex
    try:
        # Read, then write: a write session from BEGIN (SQLite refuses at once to upgrade a read of an older
        # snapshot while another process writes; the lock waits for it instead).
        with db.session(lock=ROWS) as s:
            row = s.get(DeskActivity, name)
            if row is None:
                row = DeskActivity(name=name)
                s.add(row)
            row.user, row.desk, row.what, row.pid = user[:100], desk[:120], what[:200], os.getpid()
            row.token, row.started_at = token, utcnow()
    except BaseException:
        lock.release()
        raise
    lease = Lease(db, name, token, lock)
    with _REGISTRY_LOCK:
        _HELD[_key(db, name)] = lease
    return lease


def holder(db: Database, name: str) -> Holder | None:
    """Who wrote himself in as the holder of ``name`` (None if nobody did, or it cannot be read)."""
    try:
        with db.session() as s:
            row = s.execute(select(DeskActivity).where(DeskActivity.name == name)).scalar_one_or_none()
            if row is None:
                return None
            return Holder(row.user, row.desk, row.what, row.started_at, row.pid)
    except Exception as exc:  # noqa: BLE001 - only used to word a message
        log.warning("attività %s non leggibile: %s", name, exc)
        return None


# --- the locks -------------------------------------------------------------------------------------

class _Lock:
    def try_acquire(self) -> bool:  # pragma: no cover - interface
        raise NotImplementedError

    def alive(self) -> bool:  # pragma: no cover - interface
        raise NotImplementedError

    def release(self) -> None:  # pragma: no cover - interface
        raise NotImplementedError


def _pg_key(name: str) -> int:
    """A signed 64-bit advisory key for the lease name (one-bigint keys: apart from store/locks.py's)."""
    return int.from_bytes(hashlib.blake2b(f"mypay-desk lease {name}".encode(), digest_size=8).digest(),
                          "big", signed=True)


class _PgLock(_Lock):
    def __init__(self, db: Database, name: str):
        self.db = db
        self.key = _pg_key(name)
        self.conn = None

    def try_acquire(self) -> bool:
        conn = self.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        try:
            got = conn.exec_driver_sql("SELECT pg_try_advisory_lock(%(k)s)", {"k": self.key}).scalar()
        except BaseException:
            conn.invalidate()
            conn.close()
            raise
        if not got:
            conn.close()
            return False
        self.conn = conn
        return True

    def alive(self) -> bool:
        if self.conn is None:
            return False
        try:
            self.conn.exec_driver_sql("SELECT 1").scalar()
            return True
        except DBAPIError:
            return False

    def release(self) -> None:
        conn, self.conn = self.conn, None
        if conn is None:
            return
        try:
            conn.exec_driver_sql("SELECT pg_advisory_unlock(%(k)s)", {"k": self.key})
        except DBAPIError:
            conn.invalidate()  # a broken connection: the server freed the lock with it
        finally:
            conn.close()


class _FileLock(_Lock):
    def __init__(self, db: Database, name: str):
        folder = (db.folder or (db.path.parent if db.path else Path("."))) / LOCKS_DIR
        self.path = folder / (re.sub(r"[^\w.-]", "_", name) + ".lock")
        self.file = None

    def try_acquire(self) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        f = open(self.path, "a+b")  # noqa: SIM115 - held open for as long as the lease
        try:
            if not _lock_file(f):
                f.close()
                return False
        except BaseException:
            f.close()
            raise
        self.file = f
        return True

    def alive(self) -> bool:
        return self.file is not None

    def release(self) -> None:
        f, self.file = self.file, None
        if f is None:
            return
        try:
            _unlock_file(f)
        finally:
            f.close()


if sys.platform == "win32":  # pragma: no cover - Windows
    import msvcrt

    def _lock_file(f) -> bool:
        f.seek(0)
        try:
            msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock_file(f) -> None:
        f.seek(0)
        msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock_file(f) -> bool:
        try:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _unlock_file(f) -> None:
        fcntl.flock(f.fileno(), fcntl.LOCK_UN)
