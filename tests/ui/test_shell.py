"""The main window shell: welcome, navigation, placeholders, adhesion modes, Ente switch, demo, status bar,
remembered geometry, error hooks, and the smoke test of the real entry point."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from mypay_desk.domain.ente import EnteData
from mypay_desk.services.progress import CancelToken
from mypay_desk.services.workspace import Workspace
from mypay_desk.ui import main_window as mw
from mypay_desk.ui.context import AppContext
from mypay_desk.ui.main_window import AREAS, MainWindow, load_page_class
from mypay_desk.ui.pages.placeholder import PlaceholderPage
from mypay_desk.ui.pages.settings_page import SettingsPage
from mypay_desk.ui.tasks import InlineTaskRunner

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def ctx(workspace, settings):
    return AppContext(workspace, InlineTaskRunner(), settings)


@pytest.fixture
def no_portal(monkeypatch):
    """Pages and the status bar as if the portal service were not in this build."""
    def _missing(self):
        raise ModuleNotFoundError("No module named 'mypay_desk.services.portal'", name="mypay_desk.services.portal")

    monkeypatch.setattr(Workspace, "portal", property(_missing))


@pytest.fixture
def placeholders(monkeypatch):
    """Every area except Impostazioni as a placeholder, so these tests do not depend on other pages."""
    real = load_page_class

    def _load(module, cls):
        return real(module, cls) if module.endswith("settings_page") else None

    monkeypatch.setattr(mw, "load_page_class", _load)


def make_window(qtbot, ctx) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    return window


def test_first_start_shows_the_welcome(qtbot, ctx, placeholders):
    window = make_window(qtbot, ctx)
    assert window.root.currentWidget() is window.welcome
    assert not any(a.isEnabled() for a in window.area_actions.values())
    assert window.show_area("settings") is False
    texts = [b.text() for b in window.welcome.findChildren(QPushButton)]
    assert any("Configura il tuo Ente" in t for t in texts)
    assert any("Prova con un Ente dimostrativo" in t for t in texts)


def test_configure_from_the_welcome_leads_to_the_tipi_dovuto(qtbot, ctx, placeholders):
    from PySide6.QtWidgets import QWizard

    window = make_window(qtbot, ctx)
    window.show()
    window.welcome.configure_button.click()
    wizard = window.wizard
    assert wizard.isVisible()
    for name, text in [("ipa_code", "c_a001"), ("fiscal_code", "01199250158"), ("name", "Comune Nuovo")]:
        qtbot.keyClicks(wizard.fields.editor(name), text)
    wizard.next()
    wizard.next()
    qtbot.keyClicks(wizard.fields.editor("segregation_code"), "03")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert window.root.currentWidget() is window.shell
    assert window.ente.ipa_code == "c_a001"
    assert window.current_area() == "settings"
    assert window.page("settings").tabs.currentIndex() == 1  # Tipi dovuto: the next thing to set up
    assert "Comune Nuovo" in window.windowTitle()


def test_navigation_shows_the_right_page(qtbot, ctx, ente, placeholders):
    window = make_window(qtbot, ctx)
    assert window.root.currentWidget() is window.shell
    for row, area in enumerate(AREAS):
        window.nav.setCurrentRow(row)
        page = window.pages.currentWidget().widget()  # each page scrolls in its holder on a small screen
        assert page is window.page(area.key) is window.current_page()
        assert page.property("area") == area.key
    assert isinstance(window.page("settings"), SettingsPage)
    assert isinstance(window.page("lists"), PlaceholderPage)
    # Ctrl+1..5 are the menu actions of the areas
    assert window.area_actions["portal"].shortcut().toString() == "Ctrl+2"
    window.area_actions["portal"].trigger()
    assert window.current_area() == "portal"
    assert window.nav.currentItem().data(Qt.ItemDataRole.UserRole) == "portal"


def test_keyboard_shortcut_switches_page(qtbot, ctx, ente, placeholders):
    window = make_window(qtbot, ctx)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == "settings"


def test_placeholder_says_what_will_be_there(qtbot, ctx, ente, placeholders):
    window = make_window(qtbot, ctx)
    window.show_area("reconciliation")
    page = window.page("reconciliation")
    assert isinstance(page, PlaceholderPage)
    assert page.title == "Riconciliazione"
    assert "rendicontazione" in page.description and "tesoreria" in page.description


def test_page_import_falls_back_only_for_the_missing_module(tmp_path, monkeypatch):
    assert load_page_class("mypay_desk.ui.pages.no_such_page_xyz", "NoSuchPage") is None
    (tmp_path / "broken_page_xyz.py").write_text("import dependency_that_is_not_there_xyz\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ModuleNotFoundError) as info:
        load_page_class("broken_page_xyz", "BrokenPage")
    assert info.value.name == "dependency_that_is_not_there_xyz"
    (tmp_path / "typo_page_xyz.py").write_text("class Other: pass\n")
    with pytest.raises(AttributeError):
        load_page_class("typo_page_xyz", "TypoPage")


def test_real_page_class_is_used_and_activated(qtbot, ctx, ente, placeholders):
    calls = []

    class FakePortalPage(QWidget):
        def __init__(self, c):
            super().__init__()
            self.ctx = c

        def on_activated(self):
            calls.append("activated")

    window = make_window(qtbot, ctx)
    window._page_classes["portal"] = FakePortalPage
    window.show_area("portal")
    assert isinstance(window.page("portal"), FakePortalPage)
    assert calls == ["activated"]
    window.show_area("settings")
    window.show_area("portal")
    assert calls == ["activated", "activated"]
    window.show_area("portal")  # already shown: not activated again
    assert calls == ["activated", "activated"]


def test_a_page_that_fails_to_build_does_not_lock_the_others(qtbot, ctx, ente, placeholders, monkeypatch):
    reported = []
    monkeypatch.setattr(sys, "excepthook", lambda *exc: reported.append(exc[1]))

    class BrokenPage(QWidget):
        def __init__(self, c):
            raise RuntimeError("pagina rotta")

    window = make_window(qtbot, ctx)
    window._page_classes["payments"] = BrokenPage
    assert window.show_area("payments")
    page = window.page("payments")
    assert isinstance(page, PlaceholderPage) and "errore imprevisto" in page.description
    assert [str(e) for e in reported] == ["pagina rotta"]
    assert window.show_area("settings")
    window._pages.pop("payments")
    with pytest.raises(RuntimeError):  # the smoke test builds pages strictly
        window.build_all_pages()


def test_adhesion_mode_hides_what_it_does_not_allow(qtbot, ctx, workspace, ente, placeholders):
    workspace.ente.save(replace(ente, adhesion_mode="base"))
    window = make_window(qtbot, ctx)
    lists_item = window.nav.item(0)
    assert lists_item.isHidden()
    assert not window.area_actions["lists"].isEnabled()
    assert window.show_area("lists") is False
    assert "lists" not in window.visible_areas()
    workspace.ente.save(replace(ente, adhesion_mode="flussi"))
    ctx.ente_changed.emit()
    assert not lists_item.isHidden()
    assert window.show_area("lists") is True
    # the current page disappears with its mode: the window moves to a visible one
    workspace.ente.save(replace(ente, adhesion_mode="base"))
    ctx.ente_changed.emit()
    assert window.current_area() in window.visible_areas()


def test_switch_between_enti_from_the_menu(qtbot, ctx, workspace, ente, placeholders):
    window = make_window(qtbot, ctx)
    assert not window.ente_group.actions()  # one Ente: nothing to switch to
    workspace.ente.save(EnteData(ipa_code="C_ALTRO", fiscal_code="00970110151", name="Comune Altro"),
                        make_current=False)
    ctx.ente_changed.emit()
    actions = {a.data(): a for a in window.ente_group.actions()}
    assert set(actions) == {"C_TEST", "C_ALTRO"}
    assert actions["C_TEST"].isChecked()
    actions["C_ALTRO"].trigger()
    assert workspace.ente.current().ipa_code == "C_ALTRO"
    assert "Comune Altro" in window.windowTitle()
    assert "Comune Altro" in window.sidebar_ente.text()


def test_window_geometry_is_remembered(qtbot, workspace, ente, settings, placeholders):
    window = make_window(qtbot, AppContext(workspace, InlineTaskRunner(), settings))
    window.show()
    window.show_area("portal")
    window.resize(700, 520)  # within the small offscreen screen, so Qt does not clamp it on restore
    window.close()
    again = make_window(qtbot, AppContext(workspace, InlineTaskRunner(), settings))
    assert (again.width(), again.height()) == (700, 520)
    assert again.current_area() == "portal"  # the last page shown, too


def test_table_header_and_splitter_are_remembered(qtbot, workspace, ente, settings, placeholders):
    window = make_window(qtbot, AppContext(workspace, InlineTaskRunner(), settings))
    window.show_area("settings")
    editor = window.page("settings").types_editor
    editor.table.horizontalHeader().resizeSection(0, 177)
    editor.splitter.setSizes([300, 500])
    sizes = editor.splitter.sizes()
    window.close()
    # with the real runner the rows arrive after the header was restored: the widths must survive them
    from mypay_desk.ui.tasks import TaskRunner

    runner = TaskRunner()
    again = make_window(qtbot, AppContext(workspace, runner, settings))
    assert again.current_area() == "settings"
    editor = again.page("settings").types_editor
    qtbot.waitUntil(lambda: len(editor.model.rows) == 2, timeout=5000)
    assert editor.table.horizontalHeader().sectionSize(0) == 177
    assert editor.splitter.sizes() == sizes
    again.close()
    runner.wait(5000)


def test_demo_without_demo_module_says_so(qtbot, ctx, monkeypatch, placeholders):
    def _missing(self):
        raise ModuleNotFoundError("No module named 'mypay_desk.services.demo'", name="mypay_desk.services.demo")

    monkeypatch.setattr(Workspace, "demo", property(_missing))
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    window = make_window(qtbot, ctx)
    window.welcome.demo_button.click()
    assert shown and "non è disponibile" in shown[0]
    assert window.root.currentWidget() is window.welcome


class FakeDemo:
    def __init__(self, ws):
        self.ws = ws
        self.calls = []

    def ensure_demo(self, progress, cancel):
        self.calls.append("ensure")
        progress(1, 2, "Ente")
        cancel.raise_if_cancelled()
        return self.ws.ente.save(EnteData(ipa_code="C_DEMO", fiscal_code="01199250158", name="Comune Demo",
                                          segregation_code="01", is_demo=True))

    def start_sandbox(self):
        self.calls.append("start")

    def stop_sandbox(self):
        self.calls.append("stop")


def test_demo_is_prepared_through_the_task_runner(qtbot, ctx, workspace, monkeypatch, placeholders):
    demo = FakeDemo(workspace)
    monkeypatch.setattr(Workspace, "demo", property(lambda self: demo))
    ran = []
    ctx.tasks.task_started.connect(lambda h: ran.append(h.title) if h.title else None)
    window = make_window(qtbot, ctx)
    window.open_demo()
    assert demo.calls == ["ensure", "start"]
    assert ran == ["Preparazione dell'Ente dimostrativo"]
    assert window.root.currentWidget() is window.shell
    assert window.ente.ipa_code == "C_DEMO" and window.demo_badge.isVisibleTo(window)
    window.close()
    assert demo.calls[-1] == "stop"


def test_demo_ente_starts_its_sandbox_at_start_up(qtbot, ctx, workspace, monkeypatch, placeholders):
    demo = FakeDemo(workspace)
    monkeypatch.setattr(Workspace, "demo", property(lambda self: demo))
    demo.ensure_demo(lambda *a: None, CancelToken())
    demo.calls.clear()
    window = make_window(qtbot, ctx)
    assert demo.calls == ["start"]
    assert window.sandbox_started


def test_status_bar_shows_ente_portal_and_pending(qtbot, ctx, workspace, ente, monkeypatch, placeholders):
    class FakePortal:
        online = None
        pending = 0

        def last_known_online(self):
            return self.online

        def pending_count(self):
            return self.pending

    portal = FakePortal()
    monkeypatch.setattr(Workspace, "portal", property(lambda self: portal))
    window = make_window(qtbot, ctx)
    bar = window.status_widget
    assert "Comune di Prova (C_TEST)" in bar.ente_label.text()
    assert bar.portal_label.text() == "Portale: stato sconosciuto"
    portal.online, portal.pending = True, 3
    ctx.pending_changed.emit()
    assert bar.portal_label.text() == "Portale: in linea"
    assert bar.pending_label.text() == "Modifiche in attesa: 3"
    portal.online = False
    bar.timer.timeout.emit()
    assert bar.portal_label.text() == "Portale: non raggiungibile"
    workspace.ente.save(replace(ente, portal_url=""))
    ctx.ente_changed.emit()
    assert bar.portal_label.text() == "Portale: non configurato"


def test_status_bar_without_portal_module(qtbot, ctx, ente, no_portal, placeholders):
    window = make_window(qtbot, ctx)
    assert window.status_widget.portal_label.text() == "Portale: non configurato"
    assert window.status_widget.pending_label.text() == "Modifiche in attesa: —"


def test_status_bar_collects_off_the_gui_thread(qtbot, workspace, ente, settings, no_portal, placeholders):
    import threading

    from mypay_desk.ui.tasks import TaskRunner
    from mypay_desk.ui.widgets import status_bar

    seen = []
    real = status_bar.collect_status

    def spy(ws):
        seen.append(threading.current_thread() is threading.main_thread())
        return real(ws)

    status_bar.collect_status = spy
    try:
        ctx = AppContext(workspace, TaskRunner(), settings)
        window = make_window(qtbot, ctx)
        qtbot.waitUntil(lambda: bool(seen) and "C_TEST" in window.status_widget.ente_label.text(), timeout=5000)
        assert seen[0] is False
    finally:
        status_bar.collect_status = real
        ctx.tasks.wait(5000)


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_is_logged_and_shown(qtbot, tmp_path):
    from mypay_desk.ui import logging_setup

    shown = []
    path = logging_setup.setup_logging(tmp_path / "logs")
    logging_setup.install_error_hooks(lambda summary, details: shown.append((summary, details)))
    try:
        button = QPushButton()
        qtbot.addWidget(button)

        def broken():
            raise ValueError("valore rotto")

        button.clicked.connect(broken)
        button.click()  # PySide hands the exception to sys.excepthook: the app goes on
        button.click()
    finally:
        logging_setup.uninstall_error_hooks()
        for h in logging.getLogger().handlers:
            h.flush()
    assert len(shown) == 2
    assert shown[0][0] == "ValueError: valore rotto"
    assert "in broken" in shown[0][1]
    text = path.read_text(encoding="utf-8")
    assert "errore non gestito" in text and "ValueError: valore rotto" in text
    logging_setup.shutdown_logging()


def test_error_box_copies_details_without_closing(qtbot, monkeypatch):
    from mypay_desk.services.errors import UserError
    from mypay_desk.ui import errors
    from mypay_desk.ui.tasks import TaskFailure

    boxes = []
    monkeypatch.setattr(errors, "_present", boxes.append)
    errors.show_error(None, "Titolo", TaskFailure(UserError("Codice errato", field="cbill"), "Traceback: riga 1"))
    box = boxes[0]
    qtbot.addWidget(box)
    assert "campo cbill: Codice errato" in box.text()
    assert "Nulla di quanto già salvato" in box.informativeText()
    box.show()
    box.copy_button.click()
    assert box.isVisible()  # the copy button does not close the box
    assert "Traceback: riga 1" in QApplication.clipboard().text()
    box.close()  # and closing still works afterwards
    assert not box.isVisible()


def test_error_box_of_a_value_the_database_refused_says_nothing_changed(qtbot, monkeypatch):
    from mypay_desk.services.errors import DatabaseValueError
    from mypay_desk.store.db import NUL_MESSAGE
    from mypay_desk.ui import errors
    from mypay_desk.ui.tasks import TaskFailure

    boxes = []
    monkeypatch.setattr(errors, "_present", boxes.append)
    errors.show_error(None, "Importa", TaskFailure(DatabaseValueError(NUL_MESSAGE), "Traceback: riga 1"))
    box = boxes[0]
    qtbot.addWidget(box)
    assert "carattere nullo" in box.text() and "imprevisto" not in box.text()
    assert "Nulla è stato modificato" in box.informativeText()


def _smoke(workspace_dir: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MYPAY_DESK_KEYRING="file")
    return subprocess.run([sys.executable, "-m", "mypay_desk", "--workspace", str(workspace_dir), "gui",
                           "--smoke-test"], capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)


@pytest.mark.slow
def test_smoke_test_exits_0(tmp_path):
    result = _smoke(tmp_path / "ws")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "smoke test: OK" in result.stdout
    assert (tmp_path / "ws" / "smoke-main-window.png").stat().st_size > 1000
    assert (tmp_path / "ws" / "logs" / "mypay-desk.log").is_file()


@pytest.mark.slow
def test_smoke_test_builds_every_page_of_a_configured_ente(tmp_path):
    ws_dir = tmp_path / "ws"
    env = dict(os.environ, MYPAY_DESK_KEYRING="file")
    subprocess.run([sys.executable, "-m", "mypay_desk", "--workspace", str(ws_dir), "ente", "set", "--ipa", "C_SMOKE",
                    "--fiscal-code", "01199250158", "--name", "Comune Smoke", "--segregation-code", "12",
                    "--mode", "ente"], check=True, capture_output=True, env=env, cwd=ROOT, timeout=60)
    result = _smoke(ws_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "smoke test: OK" in result.stdout
