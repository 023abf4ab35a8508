"""Typing into the debts table as a clerk does: real editors, QTest key clicks, Tab/Enter/Escape, clicks.

The page runs with the real TaskRunner (writes on the database lane, as in the app), so an earlier
edit being stored while the next cell is typed is part of what is tested.
"""

from __future__ import annotations

from datetime import date

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from mypay_desk.domain.debts import DebtRecord
from mypay_desk.ui.context import AppContext
from mypay_desk.ui.pages.lists_page import ListsPage
from mypay_desk.ui.tasks import TaskRunner
from mypay_desk.ui.widgets.dates import DateLineEdit

CF_OK = "RSSMRA80A01F205X"


def record(i: int, **kw) -> DebtRecord:
    values = dict(iud=f"TARI25-{i:05d}", debtor_type="F", debtor_code=CF_OK, debtor_name=f"ROSSI MARIO {i}",
                  amount_cents=10_000 + i, due_date=date(2025, 6, 30), debt_type="TARI",
                  causale=f"TARI 2025 rata unica {i}")
    values.update(kw)
    return DebtRecord(**values)


@pytest.fixture
def page(qtbot, workspace, ente, tmp_path):
    workspace.lists.create_list("TARI 2025", default_debt_type="TARI")
    lst = workspace.lists.lists()[0]
    workspace.lists.add_debts(lst.id, [record(0), record(1, due_date=None), record(2)])
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    runner = TaskRunner()
    ctx = AppContext(workspace, runner, settings)
    p = ListsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1300, 700)
    p.show()
    p.activateWindow()
    qtbot.waitUntil(lambda: p.model.rowCount() == 3, timeout=5000)
    yield p
    runner.cancel_all()
    runner.wait(5000)


def cell(page, row, field):
    return page.model.index(row, page.model.column_index(field))


def stored(page, row):
    return page.ctx.ws.lists.get_debt(page.model.row_id(row))


def idle(page, qtbot):
    qtbot.waitUntil(lambda: not page.ctx.tasks.busy, timeout=5000)


def close_editor(view):
    """Leave an editor Tab opened on the next cell (as the clerk would with Escape)."""
    if QApplication.activeWindow() is not view.window():  # a closed popup (calendar) took activation along
        view.window().activateWindow()
        QApplication.processEvents()
    if view.state() == view.State.EditingState:
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        QApplication.processEvents()


def type_text(widget, text):
    """Key clicks; characters QTest cannot map to a key (€ typed with AltGr+E) go as key events with text."""
    for ch in text:
        if ch.isascii():
            QTest.keyClicks(widget, ch)
        else:
            QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_E, ch, Qt.KeyboardModifier.NoModifier)


def start_typing(page, row, field, text):
    """Select a cell and type: the first key opens the editor, like in Excel."""
    view = page.view
    close_editor(view)
    view.setFocus()
    view.setCurrentIndex(cell(page, row, field))
    QTest.keyClicks(view, text[0])
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not view, "typing did not open an editor"
    if len(text) > 1:
        type_text(editor, text[1:])
    return editor


@pytest.mark.parametrize("typed", ["28/02/2027", "28/2/27", "28022027", "28-02-2027", "28.02.2027", "2027-02-28",
                                   "280227"])
def test_typing_a_date_over_a_filled_cell_stores_that_date(page, qtbot, typed):
    editor = start_typing(page, 0, "due_date", typed)
    assert isinstance(editor, DateLineEdit)
    assert editor.text() == typed  # typed over the old date, not merged into sections
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(page, 0).due_date == date(2027, 2, 28), timeout=3000)
    assert cell(page, 0, "due_date").data() == "28/02/2027"


def test_typing_a_date_into_an_empty_cell_stores_it(page, qtbot):
    assert stored(page, 1).due_date is None
    editor = start_typing(page, 1, "due_date", "31/03/2027")
    assert editor.text() == "31/03/2027"
    QTest.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: stored(page, 1).due_date == date(2027, 3, 31), timeout=3000)
    assert page.view.currentIndex().column() == page.model.column_index("due_date") + 1


@pytest.mark.parametrize("typed", ["31/02/2027", "1032027", "28/13/2027", "2/2", "00/00/0000"])
def test_a_wrong_date_is_refused_with_a_message_and_never_stored(page, qtbot, typed):
    before = stored(page, 0).due_date
    editor = start_typing(page, 0, "due_date", typed)
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Tab):
        QTest.keyClick(editor, key)
        QApplication.processEvents()
        assert QApplication.focusWidget() is editor  # still editing: nothing was committed
        assert editor.property("invalid") is True
        assert typed in page.message_label.text() and "Scadenza, riga 1" in page.message_label.text()
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    idle(page, qtbot)
    assert stored(page, 0).due_date == before


def test_a_refused_value_message_goes_when_another_list_opens(page, qtbot):
    """The message names a row of the list it was typed in; under another list it would point elsewhere."""
    editor = start_typing(page, 0, "due_date", "31/02/2027")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert "Scadenza, riga 1" in page.message_label.text()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    idle(page, qtbot)
    other = page.ctx.ws.lists.create_list("Mensa 2025", default_debt_type="TARI")
    page.refresh_lists()
    qtbot.waitUntil(lambda: other.id in page._summaries, timeout=5000)
    page._select_list(other.id)
    qtbot.waitUntil(lambda: page.controller.list_id == other.id, timeout=5000)
    assert page.message_label.text() == "" and page.message_label.toolTip() == ""


def test_leaving_a_wrong_date_keeps_the_old_value_and_says_so(page, qtbot):
    before = stored(page, 0).due_date
    editor = start_typing(page, 0, "due_date", "31/02/2027")
    page.filter_bar.text.setFocus()  # focus goes elsewhere
    QApplication.processEvents()
    assert "valore non salvato" in page.message_label.text()
    idle(page, qtbot)
    assert stored(page, 0).due_date == before
    assert not shiboken6.isValid(editor) or not editor.isVisible()


def test_clearing_a_date_cell_removes_the_date(page, qtbot):
    view = page.view
    view.setFocus()
    view.setCurrentIndex(cell(page, 0, "due_date"))
    QTest.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, DateLineEdit) and editor.text() == "30/06/2025"
    editor.selectAll()
    QTest.keyClick(editor, Qt.Key.Key_Backspace)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(page, 0).due_date is None, timeout=3000)


def test_calendar_opens_at_the_cell_date_or_today_and_a_pick_is_stored(page, qtbot):
    view = page.view
    view.setFocus()
    view.setCurrentIndex(cell(page, 0, "due_date"))
    QTest.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    QTest.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    cal = editor.calendar
    assert cal is not None and cal.isVisible()
    assert cal.selectedDate().toPython() == date(2025, 6, 30)
    assert (cal.yearShown(), cal.monthShown()) == (2025, 6)
    cal.setSelectedDate(cal.selectedDate().addDays(3))
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Enter in the calendar picks the day
    qtbot.waitUntil(lambda: stored(page, 0).due_date == date(2025, 7, 3), timeout=3000)

    close_editor(view)
    view.setFocus()
    view.setCurrentIndex(cell(page, 1, "due_date"))
    QTest.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.calendar_action.trigger()
    assert editor.calendar.selectedDate().toPython() == date.today()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not editor.calendar.isVisible()


def test_new_row_typed_with_tab_keeps_every_value(page, qtbot):
    page.add_action.trigger()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=3000)
    qtbot.waitUntil(lambda: page.view.currentIndex().row() == 3, timeout=3000)
    view = page.view
    assert view.currentIndex().column() == page.model.column_index("debtor_code")
    view.setFocus()
    QTest.keyClicks(view, "B")
    editor = QApplication.focusWidget()
    QTest.keyClicks(editor, "NCLCU75B12H501Y")
    QTest.keyClick(editor, Qt.Key.Key_Tab)
    editor = _next_editor(view)
    QTest.keyClicks(editor, "BIANCHI LUCA")
    QTest.keyClick(editor, Qt.Key.Key_Tab)
    editor = _next_editor(view)
    QTest.keyClicks(editor, "123,45")
    idle(page, qtbot)  # the name is stored (and its row refreshed) while the amount is being typed
    assert editor.text() == "123,45"
    QTest.keyClick(editor, Qt.Key.Key_Tab)
    idle(page, qtbot)
    row = stored(page, 3)
    assert (row.debtor_code, row.debtor_name, row.amount_cents) == ("BNCLCU75B12H501Y", "BIANCHI LUCA", 12345)


def _next_editor(view):
    """After Tab, Qt opens the next cell's editor (tab key navigation on an editable cell)."""
    QApplication.processEvents()
    w = QApplication.focusWidget()
    if w is view:  # the next cell was not opened for editing: typing opens it
        return None
    return w


@pytest.mark.parametrize(("typed", "cents"), [("1.234,56", 123456), ("45,5", 4550), ("45,50 €", 4550),
                                               ("7", 700), ("0,99", 99)])
def test_italian_amounts_are_stored(page, qtbot, typed, cents):
    editor = start_typing(page, 0, "amount_cents", typed)
    QTest.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: stored(page, 0).amount_cents == cents, timeout=3000)


def test_an_amount_that_does_not_read_is_refused(page, qtbot):
    editor = start_typing(page, 0, "amount_cents", "1.23,4")
    QTest.keyClick(editor, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor and editor.property("invalid") is True
    assert "Importo, riga 1" in page.message_label.text()
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    idle(page, qtbot)
    assert stored(page, 0).amount_cents == 10_000


def test_shift_tab_commits_and_moves_left(page, qtbot):
    editor = start_typing(page, 0, "debtor_name", "VERDI ANNA")
    QTest.keyClick(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: stored(page, 0).debtor_name == "VERDI ANNA", timeout=3000)
    assert page.view.currentIndex().column() == page.model.column_index("debtor_name") - 1


def test_clicking_another_cell_commits(page, qtbot):
    editor = start_typing(page, 0, "causale", "TARI 2026")
    other = page.view.visualRect(cell(page, 2, "debtor_name")).center()
    QTest.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=other)
    qtbot.waitUntil(lambda: stored(page, 0).causale == "TARI 2026", timeout=3000)
    assert not shiboken6.isValid(editor) or not editor.isVisible()


def test_focus_loss_commits_every_kind_of_editor(page, qtbot):
    for field, typed, expected in (("debtor_name", "NERI PAOLO", "NERI PAOLO"),
                                   ("amount_cents", "45,5", 4550),
                                   ("due_date", "1/7/26", date(2026, 7, 1)),
                                   ("province", "co", "CO"),
                                   ("debtor_type", "g", "G"),
                                   ("postal_code", "22100", "22100")):
        start_typing(page, 2, field, typed)
        page.filter_bar.text.setFocus()
        QApplication.processEvents()
        qtbot.waitUntil(lambda f=field, e=expected: getattr(stored(page, 2), f) == e, timeout=3000)


def test_combo_editors_commit_on_tab_and_enter(page, qtbot):
    editor = start_typing(page, 0, "province", "co")
    assert isinstance(editor.parentWidget(), QComboBox) or isinstance(editor, QComboBox)
    QTest.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: stored(page, 0).province == "CO", timeout=3000)
    editor = start_typing(page, 0, "debt_type", "MENSA")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(page, 0).debt_type == "MENSA", timeout=3000)


def test_typing_in_a_line_editor_is_not_lost_when_the_row_refreshes(page, qtbot):
    editor = start_typing(page, 0, "debtor_name", "GIALLI")
    assert isinstance(editor, QLineEdit)
    page.model.refresh_ids([page.model.row_id(0)])  # the row is reloaded under the open editor
    assert editor.text() == "GIALLI"


@pytest.mark.parametrize("field,first,rest,expected", [("province", "c", "o", "CO"), ("debt_type", "M", "ENSA", "MENSA"),
                                                      ("debtor_type", "g", "", "G"), ("country", "f", "r", "FR")])
def test_typing_in_a_combo_is_not_lost_when_the_row_refreshes(page, qtbot, field, first, rest, expected):
    """The previous edit's save refreshes the row while the clerk types in the next cell: a combo's text
    completed in place (which Qt does not count as modified) must stay what was typed."""
    editor = start_typing(page, 0, field, first)
    page.model.refresh_ids([page.model.row_id(0)])  # the row is reloaded under the open editor
    QApplication.processEvents()
    type_text(QApplication.focusWidget(), rest)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: getattr(stored(page, 0), field) == expected, timeout=3000)
    assert not shiboken6.isValid(editor) or not editor.isVisible()


def test_a_control_character_is_shown_and_the_clerk_can_type_it_away(page, qtbot):
    """A name read from a file with a NUL in it (stored as SUB): the cell shows where, F2 + Enter stores
    nothing new (the editor holds the stored text, not the sign shown), retyping the name fixes it."""
    debt_id = page.model.row_id(0)
    page.ctx.ws.lists.update_debts([(debt_id, {"debtor_name": "ROSSI\x1aMARIO"})])
    page.model.refresh_ids([debt_id])
    index = cell(page, 0, "debtor_name")
    assert index.data(Qt.ItemDataRole.DisplayRole) == "ROSSI\ufffdMARIO"
    assert index.data(Qt.ItemDataRole.EditRole) == "ROSSI\x1aMARIO"
    assert not stored(page, 0).is_valid
    version = stored(page, 0).version
    view = page.view
    view.setFocus()
    view.setCurrentIndex(index)
    QTest.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "ROSSI\x1aMARIO"
    QTest.keyClick(editor, Qt.Key.Key_Return)
    idle(page, qtbot)
    assert stored(page, 0).version == version and stored(page, 0).debtor_name == "ROSSI\x1aMARIO"
    editor = start_typing(page, 0, "debtor_name", "ROSSI MARIO")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(page, 0).debtor_name == "ROSSI MARIO", timeout=3000)
    qtbot.waitUntil(lambda: stored(page, 0).is_valid, timeout=3000)
    assert cell(page, 0, "debtor_name").data(Qt.ItemDataRole.DisplayRole) == "ROSSI MARIO"


def test_new_debt_gets_the_next_iud_of_the_list(page, qtbot):
    page.add_action.trigger()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=3000)
    idle(page, qtbot)
    assert stored(page, 3).iud == "TARI25-00003"  # the list's own numbering continued


def test_new_debt_in_a_long_list_is_scrolled_into_view_with_filters_cleared(qtbot, workspace, ente, tmp_path):
    import sys

    sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
    from lists_support import insert_list

    insert_list(workspace, ente.id, "Lunga", 400)
    ctx = AppContext(workspace, TaskRunner(), QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    p = ListsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1200, 600)
    p.show()
    qtbot.waitUntil(lambda: p.model.rowCount() == 400, timeout=5000)
    QTest.keyClicks(p.filter_bar.text, "ROSSI")
    p.filter_bar.flush()
    qtbot.waitUntil(lambda: p.model.rowCount() == 80, timeout=5000)
    p.add_action.trigger()
    qtbot.waitUntil(lambda: p.model.rowCount() == 401, timeout=5000)
    qtbot.waitUntil(lambda: p.view.currentIndex().row() == 400, timeout=5000)
    current = p.view.currentIndex()
    assert current.column() == p.model.column_index("debtor_code")
    assert p.view.viewport().rect().contains(p.view.visualRect(current).center())
    assert p.filter_bar.text.text() == ""
    assert p.ctx.ws.lists.get_debt(p.model.row_id(400)).iud == "T000400"
    ctx.tasks.cancel_all()
    ctx.tasks.wait(5000)


def test_delete_over_a_range_with_the_iud_clears_the_rest_and_keeps_the_iud(page, qtbot, monkeypatch):
    """Canc over IUD..Nominativo: the IUD (never empty) stays, the other cells are emptied, a word says why."""
    from mypay_desk.ui import errors
    boxes = []
    monkeypatch.setattr(errors, "_present", lambda box: boxes.append(box.text()))
    view = page.view
    messages = []
    page.controller.message.connect(messages.append)
    top_left, bottom_right = cell(page, 0, "iud"), cell(page, 1, "debtor_name")
    view.setCurrentIndex(top_left)
    from PySide6.QtCore import QItemSelection, QItemSelectionModel
    view.selectionModel().select(QItemSelection(top_left, bottom_right),
                                 QItemSelectionModel.SelectionFlag.ClearAndSelect)
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: stored(page, 1).debtor_name == "" or bool(boxes), timeout=5000)
    assert not boxes
    assert (stored(page, 0).iud, stored(page, 1).iud) == ("TARI25-00000", "TARI25-00001")
    assert stored(page, 0).debtor_name == "" and stored(page, 0).debtor_code == ""
    assert any("IUD" in m for m in messages)
