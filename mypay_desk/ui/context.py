"""What every page needs: the workspace services, the task runner, and app-wide signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal

from mypay_desk.services.workspace import Workspace
from mypay_desk.ui.tasks import TaskRunner


class AppContext(QObject):
    """Shared by all pages. Pages call services only through ``tasks`` for anything slow."""

    ente_changed = Signal()  # the current Ente (or its settings) changed
    data_changed = Signal(str)  # an area's data changed: "lists", "portal", "payments", "reconciliation"
    status_message = Signal(str)
    pending_changed = Signal()  # pending I/M/A counts may have changed
    remote_changed = Signal(object)  # frozenset of areas other desks changed (ui/remote_changes.py)

    def __init__(self, ws: Workspace, tasks: TaskRunner, settings: QSettings | None = None, parent=None):
        super().__init__(parent)
        self.ws = ws
        self.tasks = tasks
        self.settings = settings or QSettings()

    @property
    def ente(self):
        return self.ws.ente.current()
