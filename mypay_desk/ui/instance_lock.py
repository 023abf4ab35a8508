"""One GUI per workspace: a lock file in the workspace folder.

Two windows on the same data would each keep their own view of the lists and could each start a sync
of the same list; the second GUI is therefore refused with a clear message. The lock is a QLockFile
held for the whole session (stale time 0: never considered old by age); a lock left by a process that
was killed or crashed is recognised by its process id and taken over. The command line does not take
this lock: its commands are short transactions that SQLite (WAL, busy timeout, BEGIN IMMEDIATE)
already serialises safely, so a nightly job keeps working while the office has the app open.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)

LOCK_FILE_NAME = "mypay-desk-gui.lock"
TRY_FOR_MS = 200  # a previous instance that is just closing gets this long to release the lock


class InstanceLock:
    """The lock of one workspace folder. ``acquire()`` -> "ok", "busy" or "unavailable"."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self.path = self.folder / LOCK_FILE_NAME
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)

    def acquire(self, timeout_ms: int = TRY_FOR_MS) -> str:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            log.warning("cartella %s non creabile (%s): avvio senza blocco", self.folder, exc)
            return "unavailable"
        if self._lock.tryLock(timeout_ms):
            return "ok"
        if self._lock.error() == QLockFile.LockError.LockFailedError:
            return "busy"
        # A read-only folder or a file system without locks: opening the database will say what is wrong.
        log.warning("blocco %s non disponibile (errore %s): avvio senza blocco", self.path, self._lock.error())
        return "unavailable"

    @property
    def held(self) -> bool:
        return self._lock.isLocked()

    def holder(self) -> tuple[int, str, str] | None:
        """(pid, host, application) of the process holding the lock, when readable."""
        try:
            pid, host, app = self._lock.getLockInfo()
        except (TypeError, ValueError):  # pragma: no cover - binding variations
            return None
        return (int(pid), str(host), str(app)) if pid else None

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()


def busy_message(folder: Path) -> str:
    return QCoreApplication.translate(
        "instance_lock",
        "MyPay Desk è già aperto su questo spazio di lavoro ({folder}).\n\n"
        "Passa alla finestra già aperta (anche su un altro desktop o ridotta a icona), oppure chiudila e "
        "riapri l'app. Due finestre sugli stessi dati non sono permesse perché ognuna mostrerebbe dati "
        "non aggiornati dall'altra.",
    ).format(folder=folder)


def acquire_instance_lock(folder: str | Path, *, show_message: bool = True,
                          parent: QWidget | None = None) -> InstanceLock | None:
    """Take the workspace's GUI lock, or explain (in a dialog and on stderr) why the app cannot open.

    Returns the held lock (keep it for the whole session), or None when another GUI holds it.
    """
    lock = InstanceLock(folder)
    outcome = lock.acquire()
    if outcome != "busy":
        return lock
    holder = lock.holder()
    log.warning("spazio di lavoro %s già aperto (processo %s)", lock.folder, holder)
    text = busy_message(lock.folder)
    if sys.stderr is not None:
        print(f"errore: {text}", file=sys.stderr)
    if show_message:
        box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("instance_lock", "MyPay Desk"),
                          text, QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("instanceLockBox")
        if holder:
            box.setDetailedText(QCoreApplication.translate(
                "instance_lock", "Processo {pid} sul computer «{host}».").format(pid=holder[0], host=holder[1]))
        box.exec()
    return None
