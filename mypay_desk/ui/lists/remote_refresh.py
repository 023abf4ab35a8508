"""The open list follows what other desks change, without reading a million rows again.

When another desk changes debts (``ctx.remote_changed`` with "lists"), two cheap questions are asked in
the background: how many rows the table's filter matches now and the highest id among them (the
list's index answers), and the versions of the rows in memory (a few pages, by primary key). If the
rows shown are still the same set, only the pages holding a changed row are read again and repainted;
if debts came or went, a new id snapshot is taken (ids only) and the view keeps its place: the same
debt stays at the top and the current cell on the same debt. Nothing happens while a cell is being
typed (it is tried again shortly after) or while the page is hidden (it is done when shown).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView

log = logging.getLogger(__name__)

RETRY_MS = 800


class DebtTableRemoteRefresh(QObject):
    def __init__(self, page):
        super().__init__(page)
        self.page = page
        self.controller = page.controller
        self.model = page.model
        self.view = page.view
        self._busy = False
        self._again = False
        self._stale = False
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.refresh)
        page.ctx.remote_changed.connect(self._on_remote)
        page.installEventFilter(self)
        self.rows_refreshed = 0  # how many rows the last refresh read again (tests, logs)
        self.snapshots = 0  # how many times a new id snapshot was taken

    def _on_remote(self, areas) -> None:
        if "lists" in areas:
            self.refresh()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if obj is self.page and event.type() == QEvent.Type.Show and self._stale:
            QTimer.singleShot(0, self.refresh)
        return False

    def refresh(self) -> None:
        ctrl = self.controller
        if ctrl.list_id is None:
            return
        if not self.page.isVisible():
            self._stale = True
            return
        if self._busy:
            self._again = True
            return
        if self.view.state() == QAbstractItemView.State.EditingState:
            self._retry.start()  # never under the user's typing
            return
        self._stale = False
        list_id, flt = ctrl.list_id, ctrl.filter
        ids = self.model.ids()
        shown = (len(ids), max(ids) if len(ids) else 0)
        cached = self.model.cached_versions()
        service = ctrl.service
        self._busy = True

        def work(progress, cancel):
            signature = service.signature(list_id, flt)
            stored = service.versions(list(cached))
            return signature, [i for i, v in cached.items() if stored.get(i) != v]

        def done(result):
            self._busy = False
            if ctrl.list_id != list_id or ctrl.filter != flt:
                return  # the user moved on: the new list or filter was read fresh anyway
            signature, changed = result
            if signature != shown:
                self._reload_keeping_place()
            elif changed:
                self.rows_refreshed = len(changed)
                self.model.refresh_ids(changed)
            if self._again:
                self._again = False
                self.refresh()

        def failed(failure):
            self._busy = False
            log.warning("aggiornamento dalle altre postazioni non riuscito: %s", failure.details)

        ctrl.ctx.tasks.run(work, lane="pool", on_success=done, on_error=failed, show_progress=False)

    def _reload_keeping_place(self) -> None:
        view, model = self.view, self.model
        top_row = view.rowAt(0)
        top_id = model.row_id(top_row) if 0 <= top_row < model.rowCount() else None
        current = view.currentIndex()
        current_id = model.row_id(current.row()) if current.isValid() else None
        column = current.column() if current.isValid() else 0
        self.snapshots += 1

        def row_of(debt_id):
            try:
                return model.ids().index(debt_id)  # a scan in C: milliseconds for a million ids
            except ValueError:
                return None

        def restore():
            row = row_of(current_id) if current_id is not None else None
            if row is not None:
                view.setCurrentIndex(model.index(row, column))
            row = row_of(top_id) if top_id is not None else None
            if row is not None:
                view.scrollTo(model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)

        self.controller.reload(on_done=restore)
