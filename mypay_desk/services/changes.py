"""What other desks changed, as the areas of the app ("lists", "payments", ...), so pages refresh.

``ws.changes.start(callback)`` runs a background thread that waits on the database's change
notifications (store/notifications.py: PostgreSQL LISTEN/NOTIFY; SQLite's data_version, polled) and
calls ``callback(areas)`` from that thread with the areas other processes changed; this desk's own
writes are left out. ``poll(timeout)`` does one wait in the caller's thread (tests, scripts).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from mypay_desk.store import notifications

if TYPE_CHECKING:  # pragma: no cover
    from mypay_desk.services.workspace import Workspace

log = logging.getLogger(__name__)

#: The areas a change of each table concerns (the names of ``AppContext.data_changed``).
AREAS_BY_TABLE: dict[str, frozenset[str]] = {
    "debt": frozenset({"lists"}),
    "debt_list": frozenset({"lists"}),
    "receipt": frozenset({"payments"}),
    "upload_flow": frozenset({"portal"}),
    "portal_journal": frozenset({"portal"}),
    "reconciliation_result": frozenset({"reconciliation"}),
    "fdr_flow": frozenset({"reconciliation"}),
    "treasury_movement": frozenset({"reconciliation"}),
    "ente": frozenset({"ente"}),
    "debt_type": frozenset({"types"}),
    "audit_log": frozenset({"audit"}),
    "desk_activity": frozenset({"activity"}),
}
ALL_AREAS: frozenset[str] = frozenset().union(*AREAS_BY_TABLE.values())


def areas_of(tables: set[str]) -> frozenset[str]:
    """The areas the changed tables concern; "*" (unknown, as SQLite says) is every area."""
    if "*" in tables:
        return ALL_AREAS
    out: set[str] = set()
    for t in tables:
        out |= AREAS_BY_TABLE.get(t, frozenset())
    return frozenset(out)


class ChangeFeed:
    """The changes other desks make to the workspace's database."""

    INTERVAL_S = 1.0  # longest wait between checks (SQLite polls at this pace; PostgreSQL is pushed)

    def __init__(self, ws: Workspace):
        self.ws = ws
        self._listener: notifications.ChangeListener | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._lock = threading.Lock()

    def _get_listener(self) -> notifications.ChangeListener:
        with self._lock:
            if self._listener is None:
                self._listener = notifications.listener(self.ws.db)
            return self._listener

    def poll(self, timeout: float = 0.0) -> frozenset[str]:
        """Wait up to ``timeout`` seconds; the areas other processes changed since the last call."""
        return areas_of(self._get_listener().wait(timeout))

    def start(self, callback: Callable[[frozenset[str]], None]) -> None:
        """Call ``callback(areas)`` from a background thread whenever other processes change data."""
        if self._thread is not None:
            return
        listener = self._get_listener()
        self._stop.clear()

        def run() -> None:
            while not self._stop.is_set():
                try:
                    areas = areas_of(listener.wait(self.INTERVAL_S))
                except Exception as exc:  # noqa: BLE001 - keep watching; the page still works without
                    log.warning("controllo delle modifiche delle altre postazioni non riuscito: %s", exc)
                    self._stop.wait(self.INTERVAL_S)
                    continue
                if areas and not self._stop.is_set():
                    try:
                        callback(areas)
                    except Exception:  # noqa: BLE001 - a failing page must not stop the feed
                        log.exception("aggiornamento dopo le modifiche di un'altra postazione non riuscito")

        self._thread = threading.Thread(target=run, name="mypay-desk-changes", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)  # one wait at most
            self._thread = None
        with self._lock:
            listener, self._listener = self._listener, None
        if listener is not None:
            listener.close()
