"""GUI composition root: builds the workspace, services, task runner and main window, and wires them."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

log = logging.getLogger(__name__)

SHUTDOWN_WAIT_MS = 30_000


def run_gui(workspace: str | None = None, demo: bool = False, smoke_test: bool = False,
            database: str | None = None) -> int:
    if smoke_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from mypay_desk import APP_ID, APP_NAME, __version__
    from mypay_desk.services.workspace import Workspace, WorkspaceError
    from mypay_desk.ui import i18n
    from mypay_desk.ui.context import AppContext
    from mypay_desk.ui.errors import show_unexpected
    from mypay_desk.ui.logging_setup import install_error_hooks, setup_logging, shutdown_logging
    from mypay_desk.ui.tasks import InlineTaskRunner, TaskRunner
    from mypay_desk.ui.theme import apply_theme

    QCoreApplication.setOrganizationName(APP_ID)
    QCoreApplication.setApplicationName(APP_ID)
    QCoreApplication.setApplicationVersion(__version__)
    # A readable INI file per user (not the Windows registry): easy to inspect, back up or reset.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationDisplayName(APP_NAME)

    if smoke_test and workspace is None:
        import tempfile

        workspace = tempfile.mkdtemp(prefix="mypay-desk-smoke-")
    # The smoke test must not touch the user's settings: it keeps its own next to its workspace.
    settings = (QSettings(str(Path(workspace or ".") / "smoke-settings.ini"), QSettings.Format.IniFormat)
                if smoke_test else QSettings())
    language = i18n.saved_language(settings)
    catalogues = i18n.install_translators(language, app)
    apply_theme(app)

    from mypay_desk.services.workspace import resolve_workspace_dir
    from mypay_desk.ui.instance_lock import acquire_instance_lock

    # One GUI per workspace (the CLI is not locked: SQLite serialises its short transactions).
    instance_lock = acquire_instance_lock(resolve_workspace_dir(workspace), show_message=not smoke_test)
    if instance_lock is None:
        return 1
    try:
        ws = Workspace.open(workspace, database=database)
    except WorkspaceError as exc:
        from PySide6.QtWidgets import QMessageBox

        if not smoke_test:
            QMessageBox.critical(None, APP_NAME, str(exc))
        print(f"errore: {exc}", file=sys.stderr)
        return 1
    log_path = setup_logging(ws.logs_dir)
    install_error_hooks(None if smoke_test else show_unexpected)
    log.info("%s %s avviato; spazio di lavoro %s; database %s; lingua %s", APP_NAME, __version__, ws.path,
             ws.db.describe(), language)
    log.info("cataloghi di traduzione: %s", ", ".join(catalogues) or "nessuno")

    tasks = InlineTaskRunner() if smoke_test else TaskRunner()
    ctx = AppContext(ws, tasks, settings)
    # After the migrations: a rotating copy at most every 12 h, off the GUI thread (a read-only
    # snapshot, so it runs beside the first page loads rather than queued before them).
    tasks.run(lambda _p, _c: ws.backups.auto_backup(), lane="pool", show_progress=False,
              on_error=lambda f: log.warning("backup automatico non riuscito: %s", f.exception))
    from mypay_desk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    if smoke_test:
        window.resize(1200, 800)
        window.show()
        if ctx.ente is not None:
            window.build_all_pages()  # every page of this build must construct
        app.processEvents()
        image = window.grab()
        ok = not image.isNull()
        out = Path(ws.path) / "smoke-main-window.png"
        image.save(str(out))
        ok = ok and _smoke_notice(ws)
        # Qt's own catalogue (standard buttons and dialogs) must load in every language, Italian too
        ok = ok and any(Path(c).name.startswith("qtbase_") for c in catalogues)
        ok = ok and (language == i18n.DEFAULT_LANGUAGE or any(Path(c).name.startswith("mypay_desk_")
                                                              for c in catalogues))
        ok = ok and log_path.is_file()
        window.close()
        ws.close()
        instance_lock.release()
        shutdown_logging()
        print("smoke test: OK" if ok else "smoke test: FAILED")
        return 0 if ok else 1
    window.show()
    if demo:
        window.open_demo()
    code = app.exec()
    # No task calls back from here on; running work stops at its next check before the database goes.
    if not tasks.shutdown(SHUTDOWN_WAIT_MS):
        log.warning("alcune operazioni non sono terminate entro %d s dalla chiusura: si attende la loro fine",
                    SHUTDOWN_WAIT_MS // 1000)
        tasks.wait(-1)
    window.stop_sandbox()
    ws.close()
    instance_lock.release()
    log.info("%s chiuso (codice %s)", APP_NAME, code)
    shutdown_logging()
    return code


def _smoke_notice(ws) -> bool:
    """Render one notice to prove the PDF pipeline (fonts, barcodes) works in this build."""
    try:
        from mypay_desk.services.notices import render_sample_notice
    except ModuleNotFoundError as exc:
        if exc.name != "mypay_desk.services.notices":
            raise  # a dependency missing from the build must fail the smoke test
        return True  # notices not built yet in this checkout
    data = render_sample_notice()
    return data.startswith(b"%PDF")
