"""What a clerk expects of the window: Modifica, File and Aiuto menus with their keys, one owner per
shortcut, the title, the last list reopened, a hint on an empty list, file dialogs that start in the
user's folders, the Portale journal that tells answers from errors."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu

from mypay_desk.domain.debts import DebtRecord
from mypay_desk.ui.context import AppContext
from mypay_desk.ui.help_guide import GuideDialog
from mypay_desk.ui.main_window import MainWindow
from mypay_desk.ui.pages.lists_page import ListsPage
from mypay_desk.ui.portal.models import fit_code_columns, journal_model
from mypay_desk.ui.tasks import InlineTaskRunner
from mypay_desk.ui.widgets import file_dialogs

CF = "RSSMRA80A01F205X"


def rec(i: int) -> DebtRecord:
    return DebtRecord(iud=f"T{i}", debtor_type="F", debtor_code=CF, debtor_name=f"ROSSI {i}", amount_cents=1000 + i,
                      due_date=None, debt_type="MENSA", causale=f"Mensa {i}")


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, workspace, ente, settings):
    workspace.lists.create_list("Mensa", default_debt_type="MENSA")
    workspace.lists.add_debts("Mensa", [rec(i) for i in range(3)])
    w = MainWindow(AppContext(workspace, InlineTaskRunner(), settings))
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=2000)
    w.show_area("lists")
    return w


def menu_titles(window):
    return [a.text() for a in window.menuBar().actions()]


def test_menus_and_their_keys(window):
    assert menu_titles(window) == ["&File", "&Modifica", "&Vai", "E&nte", "&Aiuto"]
    keys = {name: [s.toString() for s in a.shortcuts()] for name, a in window.menus.edit_actions.items()}
    assert keys["undo"] == ["Ctrl+Z"] and keys["redo"] == ["Ctrl+Y", "Ctrl+Shift+Z"]
    assert (keys["cut"], keys["copy"], keys["paste"]) == (["Ctrl+X"], ["Ctrl+C"], ["Ctrl+V"])
    assert keys["select_all"] == ["Ctrl+A"] and keys["find"] == ["Ctrl+F"]
    file_keys = {name: a.shortcut().toString() for name, a in window.menus.file_actions.items()}
    assert file_keys == {"import": "Ctrl+I", "export": "Ctrl+E", "export_flow": "", "print": "Ctrl+P"}
    assert window.menus.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.guide_action.shortcut().matches(QKeySequence(QKeySequence.StandardKey.HelpContents)) \
        != QKeySequence.SequenceMatch.NoMatch


def test_no_shortcut_has_two_owners(window):
    """An ambiguous shortcut does nothing in Qt: every key must belong to one action."""
    for key in ("settings", "portal", "payments", "reconciliation"):
        window.ensure_page(key)
    owned = Counter()
    for action in window.findChildren(type(window.menus.quit_action)):
        for seq in action.shortcuts():
            if not seq.isEmpty():
                owned[seq.toString()] += 1
    assert [k for k, n in owned.items() if n > 1] == []


def test_ctrl_z_and_ctrl_y_undo_and_redo_a_typed_cell(window, qtbot):
    page = window.page("lists")
    view = page.view
    view.setFocus()
    view.setCurrentIndex(page.model.index(0, page.model.column_index("debtor_name")))
    QTest.keyClicks(view, "N")
    editor = QApplication.focusWidget()
    QTest.keyClicks(editor, "ERI PAOLO")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.ctx.ws.lists.get_debt(page.model.row_id(0)).debtor_name == "NERI PAOLO")
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the window's Modifica › Annulla
    assert page.ctx.ws.lists.get_debt(page.model.row_id(0)).debtor_name == "ROSSI 0"
    QTest.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert page.ctx.ws.lists.get_debt(page.model.row_id(0)).debtor_name == "NERI PAOLO"
    QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert page.ctx.ws.lists.get_debt(page.model.row_id(0)).debtor_name == "NERI PAOLO"  # nothing left to redo
    window.menus.update_edit_actions()
    assert window.menus.edit_actions["undo"].text().startswith("&Annulla: ")


def test_ctrl_z_in_a_text_field_undoes_the_typing_not_the_table(window):
    page = window.page("lists")
    text = page.filter_bar.text
    text.setFocus()
    QTest.keyClicks(text, "ROSSI")
    window.menus.edit("undo")  # Modifica › Annulla chosen with the mouse: the field had the focus
    assert text.text() == ""


def test_copy_cut_and_paste_cells_with_the_window_keys(window, qtbot):
    page = window.page("lists")
    view = page.view
    col = page.model.column_index("causale")
    click_cell(view, page.model.index(0, col))
    QTest.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "Mensa 0\r\n"
    click_cell(view, page.model.index(2, col))
    QTest.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert page.ctx.ws.lists.get_debt(page.model.row_id(2)).causale == "Mensa 0"
    QTest.keyClick(view, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert page.ctx.ws.lists.get_debt(page.model.row_id(2)).causale == ""
    QTest.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(view.selected_rows()) == 3


def click_cell(view, index):
    view.scrollTo(index)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def test_ctrl_f_goes_to_the_search_field(window):
    page = window.page("lists")
    page.view.setFocus()
    QTest.keyClick(page.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.filter_bar.text


def test_file_menu_follows_the_page(window, monkeypatch):
    asked = []
    monkeypatch.setattr(file_dialogs, "open_file", lambda *a, **k: asked.append(a[3]) or "")
    window.menus.update_file_actions()
    assert all(a.isEnabled() for a in window.menus.file_actions.values())
    QTest.keyClick(window.page("lists").view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["Importa dovuti"]
    window.show_area("settings")
    assert not any(a.isEnabled() for a in window.menus.file_actions.values())


def test_guide_opens_with_keys_and_how_to_type_dates(window, qtbot):
    QTest.keyClick(window, Qt.Key.Key_F1)
    guide = window.findChild(GuideDialog)
    assert guide is not None and guide.isVisible()
    text = guide.browser.toPlainText()
    for words in ("Tasti", "Ctrl+Z", "28/02/2027", "Importare una lista", "Inviare al portale"):
        assert words in text
    guide.close()


def test_title_does_not_repeat_the_app_name(window):
    assert window.windowTitle() == "Comune di Prova"  # Qt adds " — MyPay Desk" itself


def test_the_last_list_is_reopened(qtbot, workspace, ente, settings):
    workspace.lists.create_list("Alfa", default_debt_type="MENSA")
    workspace.lists.create_list("Beta", default_debt_type="MENSA")
    ctx = AppContext(workspace, InlineTaskRunner(), settings)
    first = ListsPage(ctx)
    qtbot.addWidget(first)
    beta = next(s.id for s in first._summaries.values() if s.name == "Beta")
    first._select_list(beta)
    assert first.controller.list_name == "Beta"
    again = ListsPage(ctx)  # next start
    qtbot.addWidget(again)
    assert again.controller.list_name == "Beta"


def test_an_empty_list_says_what_to_do(qtbot, workspace, ente, settings):
    ctx = AppContext(workspace, InlineTaskRunner(), settings)
    page = ListsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.empty_hint.isVisible() and "Nuova lista" in page.empty_hint.text()
    workspace.lists.create_list("Vuota", default_debt_type="MENSA")
    page.refresh_lists()
    assert page.empty_hint.isVisible() and "Nuovo dovuto" in page.empty_hint.text()
    assert "Importa" in page.empty_hint.text()
    page.add_debt()
    assert page.model.rowCount() == 1 and not page.empty_hint.isVisible()
    QTest.keyClicks(page.filter_bar.text, "nessuno cosi")
    page.filter_bar.flush()
    assert page.empty_hint.isVisible() and "filtri" in page.empty_hint.text()
    qtbot.waitUntil(lambda: "0 dovuti su 1 (filtro attivo)" in page.status.text(), timeout=3000)
    page.filter_bar.clear()
    qtbot.waitUntil(lambda: page.status.text().startswith("1 dovuto ·"), timeout=3000)  # singular


def test_file_dialogs_start_in_documents_then_in_the_last_folder(settings, tmp_path, monkeypatch):
    seen = []

    def fake_exec(dialog):
        seen.append((dialog.directory().absolutePath(), dialog.labelText(QFileDialog.DialogLabel.LookIn),
                     dialog.labelText(QFileDialog.DialogLabel.FileType)))
        dialog.selectFile(str(tmp_path / "scelti" / "tari.xlsx"))
        return QFileDialog.DialogCode.Accepted

    (tmp_path / "scelti").mkdir()
    (tmp_path / "scelti" / "tari.xlsx").write_bytes(b"x")
    monkeypatch.setattr(QFileDialog, "exec", fake_exec)
    monkeypatch.chdir(tmp_path)  # the program's folder must never be where a dialog opens
    assert file_dialogs.open_file(None, settings, "imports", "Importa", "*") == str(tmp_path / "scelti" / "tari.xlsx")
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert seen[0][0] in (documents, str(Path.home())) and seen[0][0] != str(tmp_path)
    assert seen[0][1:] == ("Cerca in:", "Tipo di file:")  # Qt's own Italian catalogue lacks these two
    file_dialogs.open_file(None, settings, "imports", "Importa", "*")
    assert seen[1][0] == str(tmp_path / "scelti")
    # a kind never used yet starts where any dialog was last used
    assert file_dialogs.start_folder(settings, "exports") == tmp_path / "scelti"


def test_journal_shows_expected_answers_apart_from_errors(qtbot):
    from PySide6.QtWidgets import QTableView

    model = journal_model()
    at = datetime(2026, 3, 1, 10, 0, 0)
    entry = SimpleNamespace
    model.set_rows([
        entry(at=at, operation="paaSILChiediPagatiConRicevuta", duration_ms=40, outcome="FAULT",
              fault_code="PAA_PAGAMENTO_NON_INIZIATO", http_status=200, message="pagamento non iniziato"),
        entry(at=at, operation="paaSILImportaDovuto", duration_ms=40, outcome="FAULT",
              fault_code="PAA_IMPORT_SINTASSI_CSV_TIPO_DOVUTO_NON_ATTIVO_PER_ENTE", http_status=200, message="no"),
    ])
    answer, error = model.index(0, 3), model.index(1, 3)
    assert answer.data() == "Risposta" and error.data() == "FAULT"
    assert answer.data(Qt.ItemDataRole.ForegroundRole).name() != "#b3261e"
    assert error.data(Qt.ItemDataRole.ForegroundRole).name() == "#b3261e"
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setColumnWidth(4, 60)
    fit_code_columns(view)
    code = "PAA_IMPORT_SINTASSI_CSV_TIPO_DOVUTO_NON_ATTIVO_PER_ENTE"
    assert view.columnWidth(4) >= view.fontMetrics().horizontalAdvance(code)  # the code is read whole


def test_menus_are_menus(window):
    assert all(isinstance(a.menu(), QMenu) for a in window.menuBar().actions())
