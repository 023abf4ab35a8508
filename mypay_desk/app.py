"""GUI composition root: builds the workspace, services, task runner and main window, and wires them."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

log = logging.getLogger(__name__)


def run_gui(workspace: str | None = None, demo: bool = False, smoke_test: bool = False) -> int:
    if smoke_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from mypay_desk import APP_ID, APP_NAME, __version__
    from mypay_desk.services.workspace import Workspace, WorkspaceError
    from mypay_desk.ui.context import AppContext
    from mypay_desk.ui.tasks import InlineTaskRunner, TaskRunner

    QCoreApplication.setOrganizationName(APP_ID)
    QCoreApplication.setApplicationName(APP_ID)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationDisplayName(APP_NAME)

    if smoke_test and workspace is None:
        import tempfile

        workspace = tempfile.mkdtemp(prefix="mypay-desk-smoke-")
    try:
        ws = Workspace.open(workspace)
    except WorkspaceError as exc:
        from PySide6.QtWidgets import QMessageBox

        if not smoke_test:
            QMessageBox.critical(None, APP_NAME, str(exc))
        print(f"errore: {exc}", file=sys.stderr)
        return 1
    tasks = InlineTaskRunner() if smoke_test else TaskRunner()
    ctx = AppContext(ws, tasks)
    from mypay_desk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    if smoke_test:
        window.resize(1200, 800)
        window.show()
        app.processEvents()
        image = window.grab()
        ok = not image.isNull()
        out = Path(ws.path) / "smoke-main-window.png"
        image.save(str(out))
        ok = ok and _smoke_notice(ws)
        window.close()
        ws.close()
        print("smoke test: OK" if ok else "smoke test: FAILED")
        return 0 if ok else 1
    window.show()
    if demo:
        window.open_demo()
    code = app.exec()
    ws.close()
    return code


def _smoke_notice(ws) -> bool:
    """Render one notice to prove the PDF pipeline (fonts, barcodes) works in this build."""
    try:
        from mypay_desk.services.notices import render_sample_notice
    except ImportError:
        return True  # notices not built yet in this checkout
    data = render_sample_notice()
    return data.startswith(b"%PDF")
