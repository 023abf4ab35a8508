"""Quitting while a long task runs, and right after it ended, never crashes and never calls back into a
window that is gone: every long task of the app, with the demo Ente, the real TaskRunner and the
sandbox portal, closed the way the app closes (window.close(), then TaskRunner.shutdown, then the
window goes away while the results are still queued)."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest
import shiboken6
from openpyxl import Workbook
from PySide6.QtCore import QEvent, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QPushButton

from mypay_desk.services.workspace import Workspace
from mypay_desk.ui import errors
from mypay_desk.ui.context import AppContext
from mypay_desk.ui.lists.bulk_dialog import BulkChoice
from mypay_desk.ui.main_window import MainWindow
from mypay_desk.ui.notices import actions as notice_actions
from mypay_desk.ui.notices.preview import NoticePreviewDialog
from mypay_desk.ui.tasks import TaskRunner
from mypay_desk.ui.widgets import file_dialogs


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory):
    """The demo Ente built once (it takes seconds); each test works on a copy."""
    root = tmp_path_factory.mktemp("demo-template")
    ws = Workspace.open(root / "ws")
    ws.demo.ensure_demo()
    ws.demo.stop_sandbox()
    ws.close()
    return root / "ws"


REAL_ASK_STOP_TASKS = MainWindow.ask_stop_tasks  # the fixture answers «Sì» for the other tests


class Gate:
    """Holds back the titled tasks started after ``arm()`` until ``open()``: a long task, in flight."""

    def __init__(self, runner: TaskRunner):
        self.runner = runner
        self.armed = False
        self.started = threading.Event()
        self.gate = threading.Event()
        original = runner.run

        def run(fn, **kw):
            if self.armed and kw.get("title"):
                inner = fn

                def fn(progress, cancel):
                    self.started.set()
                    while not self.gate.wait(0.01):
                        cancel.raise_if_cancelled()
                    return inner(progress, cancel)
            return original(fn, **kw)

        runner.run = run

    def arm(self) -> None:
        self.armed = True


@pytest.fixture
def app_window(qtbot, demo_template, tmp_path, monkeypatch):
    shutil.copytree(demo_template, tmp_path / "ws")
    ws = Workspace.open(tmp_path / "ws")
    runner = TaskRunner()
    ctx = AppContext(ws, runner, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    gate = Gate(runner)
    shown_errors = []
    monkeypatch.setattr(errors, "_present", shown_errors.append)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(MainWindow, "ask_stop_tasks", lambda self: True)  # «Annullarle e uscire?» Sì
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("1_4", True)))
    monkeypatch.setattr(file_dialogs, "save_file",
                        lambda _p, _s, _k, _t, name, *a, **k: (str(tmp_path / name), ""))
    monkeypatch.setattr(file_dialogs, "ask", lambda *a, **k: ([str(tmp_path)], ""))  # any other dialog: a folder
    monkeypatch.setattr(notice_actions, "confirm_unsent", lambda *a: True)
    monkeypatch.setattr(NoticePreviewDialog, "exec", lambda self: 0)
    monkeypatch.setattr(notice_actions.SkippedDialog, "exec", lambda self: 0)
    window = MainWindow(ctx)
    window.show()
    qtbot.waitUntil(lambda: not runner.busy, timeout=20_000)  # sandbox up, first loads done
    yield window, runner, gate, tmp_path, shown_errors
    if shiboken6.isValid(window):
        window.stop_sandbox()
        window.hide()
        window.deleteLater()
    runner.shutdown(10_000)
    ws.close()


def _xlsx(path: Path) -> Path:
    wb = Workbook()
    sheet = wb.active
    sheet.append(["Codice debito", "Codice fiscale", "Cognome e nome", "Importo", "Scadenza", "Descrizione"])
    for i in range(20):
        sheet.append([f"Q{i:04d}", "RSSMRA80A01F205X", f"ROSSI MARIO {i}", "45,50", "30/06/2027", "TARI 2027"])
    wb.save(path)
    return path


def _lists(window, qtbot, name: str = "TARI 2026"):
    """The lists page on the demo's TARI list (the one with changes waiting to be sent)."""
    window.show_area("lists")
    page = window.page("lists")
    qtbot.waitUntil(lambda: any(s.name == name for s in page._summaries.values()), timeout=10_000)
    page._select_list(next(s.id for s in page._summaries.values() if s.name == name))
    qtbot.waitUntil(lambda: page.controller.list_name == name and page.model.rowCount() > 0, timeout=10_000)
    return page


def send(window, gate, qtbot, tmp):
    page = _lists(window, qtbot)
    page.send_to_portal()
    qtbot.waitUntil(lambda: page.send_box is not None and page.send_box.isVisible(), timeout=10_000)
    gate.arm()
    button = page.send_box.findChild(QPushButton, "sendConfirmButton")
    assert button is not None, "the demo's TARI list has changes waiting to be sent"
    button.click()


def assign_iuv(window, gate, qtbot, tmp):
    page = _lists(window, qtbot)
    gate.arm()
    page.assign_iuvs()


def export_flow(window, gate, qtbot, tmp):
    page = _lists(window, qtbot)
    gate.arm()
    page.export_flow()


def export_xlsx(window, gate, qtbot, tmp):
    page = _lists(window, qtbot)
    gate.arm()
    page.export_xlsx()


def print_notices(window, gate, qtbot, tmp):
    page = _lists(window, qtbot)
    gate.arm()
    page.print_notices()


def bulk(window, gate, qtbot, tmp):
    page = _lists(window, qtbot)
    gate.arm()
    page.run_bulk(BulkChoice(operation="due_shift", scope="filtered", days=1), page.model.ids())


def import_file(window, gate, qtbot, tmp):
    from mypay_desk.ui.lists.import_dialog import ImportDialog

    page = _lists(window, qtbot)
    dlg = ImportDialog(page.ctx, _xlsx(tmp / "nuovi.xlsx"), list(page._summaries.values()), parent=page)
    dlg.show()
    dlg.type_combo.setCurrentIndex(dlg.type_combo.findData("TARI"))
    dlg.next()
    qtbot.waitUntil(lambda: dlg.pages.currentIndex() == 1, timeout=10_000)
    dlg.next()
    qtbot.waitUntil(lambda: dlg.pages.currentIndex() == 2, timeout=10_000)
    gate.arm()
    dlg.run_import()


def portal_sync(window, gate, qtbot, tmp):
    window.show_area("portal")
    page = window.page("portal")
    qtbot.waitUntil(lambda: page.list_combo.count() > 0, timeout=10_000)
    gate.arm()
    page.synchronize()


def portal_test(window, gate, qtbot, tmp):
    window.show_area("portal")
    page = window.page("portal")
    gate.arm()
    page.test_connection()


def receipts_download(window, gate, qtbot, tmp):
    window.show_area("payments")
    gate.arm()
    window.page("payments").sync_from_portal()


def receipts_export(window, gate, qtbot, tmp):
    window.show_area("payments")
    gate.arm()
    window.page("payments").export_xlsx(str(tmp / "pagamenti.xlsx"))


def reconcile(window, gate, qtbot, tmp):
    window.show_area("reconciliation")
    gate.arm()
    window.page("reconciliation").run()


def reconcile_export(window, gate, qtbot, tmp):
    window.show_area("reconciliation")
    gate.arm()
    window.page("reconciliation").export("xlsx", str(tmp / "riconciliazione.xlsx"))


def backup(window, gate, qtbot, tmp):
    window.show_area("settings")
    gate.arm()
    window.page("settings").backup_panel.create_backup()


def demo(window, gate, qtbot, tmp):
    gate.arm()
    window.open_demo()


TASKS = {f.__name__: f for f in (send, assign_iuv, export_flow, export_xlsx, print_notices, bulk, import_file,
                                 portal_sync, portal_test, receipts_download, receipts_export, reconcile,
                                 reconcile_export, backup, demo)}


def quit_like_the_app(window, runner) -> None:
    """What a Ctrl+Q does: the window closes (asking to stop running work), the runner shuts down after
    the event loop, the window goes away; then whatever was queued is delivered (to nobody)."""
    window.close()
    assert not window.isVisible()
    assert runner.shutdown(20_000)
    window.stop_sandbox()
    window.deleteLater()
    deadline = time.monotonic() + 0.5
    while time.monotonic() < deadline:
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        time.sleep(0.01)
    assert not shiboken6.isValid(window)


@pytest.mark.parametrize("phase", ["during", "right_after"])
@pytest.mark.parametrize("task", list(TASKS))
def test_quitting_never_crashes_nor_calls_back(app_window, qtbot, task, phase):
    window, runner, gate, tmp, shown_errors = app_window
    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window}
    TASKS[task](window, gate, qtbot, tmp)
    qtbot.waitUntil(gate.started.is_set, timeout=15_000)  # the long task is running (held at the gate)
    if phase == "right_after":
        gate.gate.set()
        assert runner.wait(60_000)  # done on its thread; its results wait in the event queue
    quit_like_the_app(window, runner)
    gate.gate.set()
    leftovers = [w for w in QApplication.topLevelWidgets() if w.isVisible() and id(w) not in before]
    assert leftovers == []
    assert shown_errors == []


def test_the_quit_question_goes_away_when_the_work_ends(app_window, qtbot):
    """Ctrl+Q while a download runs asks whether to stop it; if the download ends while the question is
    open, there is nothing left to stop and the app quits."""
    window, runner, gate, tmp, shown_errors = app_window
    receipts_download(window, gate, qtbot, tmp)
    qtbot.waitUntil(gate.started.is_set, timeout=15_000)
    QTimer.singleShot(300, gate.gate.set)  # the work ends while the clerk reads the question
    assert REAL_ASK_STOP_TASKS(window) is True
    assert not any(h.title for h in runner.running())
