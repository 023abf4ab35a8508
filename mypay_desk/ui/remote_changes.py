"""Pages follow what other desks do: their changes arrive as ``ctx.remote_changed(areas)`` and as the
usual ``ctx.data_changed(area)``, so each page refreshes what it shows (the lists page only its counts and
the rows in memory, see ui/lists/remote_refresh.py; never a million rows from scratch).

The feed (services/changes.py) runs in a thread of its own; what it reports is collected here on the GUI
thread and passed on at most every ``SETTLE_MS``, so a desk importing in many steps causes one refresh.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

SETTLE_MS = 400
# The areas pages listen to through ctx.data_changed (others only through ctx.remote_changed).
DATA_AREAS = ("lists", "portal", "payments", "reconciliation", "types")


class RemoteChanges(QObject):
    _arrived = Signal(object)  # from the feed's thread; queued to the GUI thread

    def __init__(self, ctx, parent: QObject | None = None, settle_ms: int = SETTLE_MS):
        super().__init__(parent)
        self.ctx = ctx
        self._pending: set[str] = set()
        self._running = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(settle_ms)
        self._timer.timeout.connect(self._flush)
        self._arrived.connect(self._collect)

    def start(self) -> None:
        if self._running:
            return
        try:
            self.ctx.ws.changes.start(self._from_feed)
        except Exception as exc:  # noqa: BLE001 - the app works without: pages refresh on their own writes
            log.warning("aggiornamento automatico dalle altre postazioni non disponibile: %s", exc)
            return
        self._running = True

    def stop(self) -> None:
        self._timer.stop()
        self._stop_feed()

    def _stop_feed(self) -> None:
        if self._running:
            self._running = False
            self.ctx.ws.changes.stop()

    def _from_feed(self, areas: frozenset[str]) -> None:
        if not self._running:
            return
        try:
            self._arrived.emit(areas)
        except RuntimeError:  # the window is gone (closing): nothing to refresh
            self._running = False

    def _collect(self, areas: frozenset[str]) -> None:
        self._pending |= set(areas)
        if not self._timer.isActive():
            self._timer.start()

    def _flush(self) -> None:
        areas, self._pending = frozenset(self._pending), set()
        if not areas:
            return
        log.debug("modifiche di altre postazioni: %s", ", ".join(sorted(areas)))
        self.ctx.remote_changed.emit(areas)
        for area in DATA_AREAS:
            if area in areas:
                self.ctx.data_changed.emit(area)
