"""SQLite: the write-ahead log copied into the database file by a thread of its own.

By default SQLite checkpoints inside the COMMIT that takes the WAL past 1,000 pages: after a big
write (a million reconciliation results, a receipts or list import) the user waits, once the data is
already safe in the WAL, for hundreds of MB to be copied into the database file (0.4-0.5 s of the tail
of a full reconciliation of a million keys, measured on the two-core test machine). Here the
workspace's connections leave that to a thread woken after each commit that changed rows; it runs
PASSIVE checkpoints, which never wait for nor block a reader or a writer (pages a reader still needs
stay for the next one). A commit still checkpoints by itself past SAFETY_NET_PAGES, should this
thread fall far behind. Closing the last connection checkpoints what is left, as SQLite always does.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from pathlib import Path

log = logging.getLogger(__name__)

SAFETY_NET_PAGES = 262_144  # 1 GiB of 4 KiB pages: the connections' own wal_autocheckpoint


class WalCheckpointer:
    """Checkpoints the WAL of ``path`` on a daemon thread after :meth:`poke` (called on commit)."""

    def __init__(self, path: Path, settle: float = 0.05):
        self.path = Path(path)
        self.settle = settle  # commits in a burst (the batches of an import) wake it once
        self._wake = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._stop = False
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.checkpoints = 0  # completed (tests)

    def poke(self) -> None:
        """A commit changed rows: checkpoint soon."""
        with self._lock:
            if self._stop:
                return
            self._idle.clear()
            self._wake.set()
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="mypay-wal-checkpoint", daemon=True)
                self._thread.start()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """True once no checkpoint is due or running (benchmarks measure the next step on a quiet disk)."""
        return self._idle.wait(timeout)

    def close(self) -> None:
        """Stop the thread (after the checkpoint in progress, if any)."""
        with self._lock:
            self._stop = True
            self._wake.set()
            thread = self._thread
        if thread is not None:
            thread.join()

    def _run(self) -> None:
        conn = None
        try:
            conn = sqlite3.connect(str(self.path), isolation_level=None)
            while True:
                self._wake.wait()
                if self._stop:
                    return
                self._wake.clear()
                time.sleep(self.settle)
                if self._stop:
                    return
                try:  # (commits during the settle wake it again: at most one checkpoint per settle)
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                    self.checkpoints += 1
                except sqlite3.Error as exc:  # the next commit tries again; a commit past the net does it itself
                    log.warning("checkpoint of %s not done: %s", self.path, exc)
                with self._lock:  # (a poke in between keeps it busy)
                    if not self._wake.is_set():
                        self._idle.set()
        except sqlite3.Error as exc:
            log.warning("WAL checkpoint thread of %s stopped: %s", self.path, exc)
        finally:
            self._idle.set()
            if conn is not None:
                conn.close()
