"""Date and amount fields outside the table, typed as a clerk does: Dettaglio, its instalments and
bilancio tables, the bulk dialog, the filters of the lists. One date rule everywhere."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from mypay_desk.domain.debts import DebtRow, validate_debt
from mypay_desk.services.debt_table import DebtFilter
from mypay_desk.ui.lists.bulk_dialog import BulkChangeDialog
from mypay_desk.ui.lists.detail_dialog import DebtDetailDialog
from mypay_desk.ui.lists.filter_bar import FilterBar
from mypay_desk.ui.widgets.dates import DateLineEdit, parse_user_date


@pytest.mark.parametrize(("typed", "expected"), [
    ("28/02/2027", date(2027, 2, 28)), ("28/2/27", date(2027, 2, 28)), ("28022027", date(2027, 2, 28)),
    ("28-02-2027", date(2027, 2, 28)), ("28.02.2027", date(2027, 2, 28)), ("2027-02-28", date(2027, 2, 28)),
    ("280227", date(2027, 2, 28)), ("20270228", date(2027, 2, 28)), (" 1/3/2027 ", date(2027, 3, 1)),
    ("29/02/2028", date(2028, 2, 29)), ("", None)])
def test_the_date_rule_reads_what_offices_type(typed, expected):
    assert parse_user_date(typed) == expected


@pytest.mark.parametrize("typed", ["31/02/2027", "1032027", "28/13/2027", "29/02/2027", "2/2", "28/02/0027",
                                   "28/02-2027", "domani", "00000000", "31-04-27"])
def test_the_date_rule_refuses_anything_else_with_a_message(typed):
    with pytest.raises(ValueError, match="data"):
        parse_user_date(typed)


def debt(**kw) -> DebtRow:
    values = dict(id=7, iud="T1", debtor_type="F", debtor_code="RSSMRA80A01F205X", debtor_name="ROSSI MARIO",
                  amount_cents=10_000, due_date=date(2025, 6, 30), debt_type="TARI", causale="TARI 2025")
    values.update(kw)
    return DebtRow(**values)


@pytest.fixture
def detail(qtbot, ente, workspace):
    types = {t.code: t for t in workspace.ente.types(ente.id)}

    def make(row: DebtRow, instalments=()):
        row.errors = validate_debt(row.record(), types.get(row.debt_type))
        dlg = DebtDetailDialog(row, list(instalments), list(types), check=lambda rec: validate_debt(
            rec, types.get(rec.debt_type)))
        qtbot.addWidget(dlg)
        show_active(qtbot, dlg)
        return dlg

    return make


def show_active(qtbot, widget):
    """Shown and active, as a window the clerk works in (focus events need an active window)."""
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=2000)


def ok(dlg):
    QTest.mouseClick(dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def retype(edit, text):
    edit.setFocus()
    edit.selectAll()
    QTest.keyClicks(edit, text)


@pytest.mark.parametrize("typed", ["28/02/2027", "28/2/27", "28022027", "2027-02-28"])
def test_detail_due_date_typed_is_the_one_saved(detail, typed):
    dlg = detail(debt())
    dlg.tabs.setCurrentIndex(1)
    retype(dlg.due_edit, typed)
    QTest.keyClick(dlg.due_edit, Qt.Key.Key_Tab)
    assert dlg.due_edit.text() == "28/02/2027"  # normalised when left
    ok(dlg)
    assert dlg.result() == DebtDetailDialog.DialogCode.Accepted
    assert dlg.changes["due_date"] == date(2027, 2, 28)


def test_detail_refuses_a_wrong_date_and_stays_open(detail):
    dlg = detail(debt())
    dlg.tabs.setCurrentIndex(1)
    retype(dlg.due_edit, "31/02/2027")
    QTest.keyClick(dlg.due_edit, Qt.Key.Key_Tab)
    assert dlg.due_edit.property("invalid") is True
    assert "31/02/2027" in dlg.due_edit.toolTip()
    ok(dlg)
    assert dlg.isVisible() and dlg.result() != DebtDetailDialog.DialogCode.Accepted
    assert "Scadenza" in dlg.message.text() and "31/02/2027" in dlg.message.text()
    retype(dlg.due_edit, "28/02/2027")
    assert dlg.due_edit.property("invalid") is False  # fixed: the mark goes while typing
    ok(dlg)
    assert dlg.changes == {"due_date": date(2027, 2, 28)}


def test_detail_calendar_opens_at_the_field_date_or_today(detail):
    dlg = detail(debt(due_date=None))
    dlg.tabs.setCurrentIndex(1)
    dlg.due_edit.setFocus()
    QTest.keyClick(dlg.due_edit, Qt.Key.Key_F4)
    assert dlg.due_edit.calendar.selectedDate().toPython() == date.today()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    dlg.due_edit.setText("15/09/2026")
    dlg.due_edit.calendar_action.trigger()
    assert dlg.due_edit.calendar.selectedDate().toPython() == date(2026, 9, 15)


@pytest.mark.parametrize(("typed", "cents"), [("1.234,56", 123456), ("45,5", 4550), ("45,50 €", 4550),
                                               ("99", 9900)])
def test_detail_amount_in_italian(detail, typed, cents):
    dlg = detail(debt())
    dlg.tabs.setCurrentIndex(1)
    edit = dlg.editors["amount_cents"]
    edit.setFocus()
    edit.selectAll()
    for ch in typed:
        if ch == "€":
            QTest.sendKeyEvent(QTest.KeyAction.Click, edit, Qt.Key.Key_E, ch, Qt.KeyboardModifier.NoModifier)
        else:
            QTest.keyClicks(edit, ch)
    QTest.keyClick(edit, Qt.Key.Key_Tab)
    ok(dlg)
    assert dlg.changes["amount_cents"] == cents


def test_detail_clears_obbligatorio_as_soon_as_a_field_is_filled(detail):
    dlg = detail(debt(debtor_code="", debtor_name=""))
    assert "obbligatori" in dlg.field_error("debtor_code")
    assert "obbligatori" in dlg.field_error("debtor_name")
    name = dlg.editors["debtor_name"]
    name.setFocus()
    QTest.keyClicks(name, "R")  # one key is enough
    assert dlg.field_error("debtor_name") == ""
    assert name.property("invalid") is False
    assert "obbligatori" in dlg.field_error("debtor_code")  # the other field still says so
    code = dlg.editors["debtor_code"]
    code.setFocus()
    QTest.keyClicks(code, "rssmra80a01f205x")
    assert code.text() == "RSSMRA80A01F205X"
    assert dlg.field_error("debtor_code") == ""
    # a field left wrong says why once it is left, not while typing
    email = dlg.editors["email"]
    email.setFocus()
    QTest.keyClicks(email, "rossi@")
    assert dlg.field_error("email") == ""
    QTest.keyClick(email, Qt.Key.Key_Tab)
    assert dlg.field_error("email") != ""


def test_instalments_table_edits_dates_and_amounts_with_the_same_rule(detail, qtbot):
    dlg = detail(debt())
    dlg.tabs.setCurrentIndex(2)
    dlg.split.setChecked(True)
    dlg.n_spin.setValue(2)
    dlg._split_equal()
    table = dlg.inst_table
    table.setFocus()
    table.setCurrentCell(1, 2)
    QTest.keyClicks(table, "3")
    editor = QApplication.focusWidget()
    assert isinstance(editor, DateLineEdit)
    QTest.keyClicks(editor, "1/8/25")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(1, 2).text() == "31/08/2025", timeout=2000)
    table.setCurrentCell(0, 2)
    QTest.keyClicks(table, "3")
    editor = QApplication.focusWidget()
    QTest.keyClicks(editor, "1/02/2025")
    QTest.keyClick(editor, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor and editor.property("invalid") is True
    assert "Scadenza, riga 1" in dlg.message.text()
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    table.setCurrentCell(0, 1)
    QTest.keyClicks(table, "5")
    editor = QApplication.focusWidget()
    QTest.keyClicks(editor, "0,5")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(0, 1).text() == "50,50", timeout=2000)
    ok(dlg)
    assert [(i.amount_cents, i.due_date) for i in dlg.plan] == [(5050, date(2025, 6, 30)),
                                                                 (5000, date(2025, 8, 31))]


def test_bulk_dialog_starts_with_nothing_chosen(qtbot):
    dlg = BulkChangeDialog(0, 44, ["TARI", "CANONE_UNICO"])
    qtbot.addWidget(dlg)
    show_active(qtbot, dlg)
    assert dlg.operation.currentIndex() == -1
    assert not dlg.apply_button.isEnabled()
    assert dlg.scope_filtered.isChecked()
    dlg.set_operation("due_set")
    assert dlg.apply_button.isEnabled()
    assert "44" in dlg.apply_button.text()
    retype(dlg.due_edit, "31/02/2027")
    QTest.mouseClick(dlg.apply_button, Qt.MouseButton.LeftButton)
    assert dlg.choice is None and dlg.isVisible()
    assert "31/02/2027" in dlg.error.text()
    retype(dlg.due_edit, "28/2/27")
    QTest.mouseClick(dlg.apply_button, Qt.MouseButton.LeftButton)
    assert dlg.choice is not None and dlg.choice.due == date(2027, 2, 28)
    assert dlg.choice.scope == "filtered"


def test_bulk_dialog_due_date_is_required(qtbot):
    dlg = BulkChangeDialog(3, 44, ["TARI"])
    qtbot.addWidget(dlg)
    show_active(qtbot, dlg)
    assert dlg.scope_selection.isChecked()
    dlg.set_operation("due_set")
    QTest.mouseClick(dlg.apply_button, Qt.MouseButton.LeftButton)
    assert dlg.choice is None and dlg.due_edit.property("invalid") is True


def test_filter_bar_dates_follow_the_same_rule(qtbot):
    bar = FilterBar()
    qtbot.addWidget(bar)
    show_active(qtbot, bar)
    got = []
    refused = []
    bar.filter_changed.connect(got.append)
    bar.refused.connect(refused.append)
    bar.due_from.setFocus()
    QTest.keyClicks(bar.due_from, "1/3/27")
    QTest.keyClick(bar.due_from, Qt.Key.Key_Return)
    assert got[-1] == DebtFilter(due_from=date(2027, 3, 1))
    assert bar.due_from.text() == "01/03/2027"
    bar.due_to.setFocus()
    QTest.keyClicks(bar.due_to, "31042027")
    QTest.keyClick(bar.due_to, Qt.Key.Key_Tab)
    assert refused and "31042027" in refused[-1]
    assert got[-1] == DebtFilter(due_from=date(2027, 3, 1))  # the wrong bound is not applied
    assert len(got) == 1
    bar.due_to.setFocus()
    bar.due_to.selectAll()
    QTest.keyClicks(bar.due_to, "30042027")
    QTest.keyClick(bar.due_to, Qt.Key.Key_Tab)
    assert got[-1] == DebtFilter(due_from=date(2027, 3, 1), due_to=date(2027, 4, 30))
    bar.clear()
    assert got[-1] == DebtFilter()


def test_detail_marks_a_missing_causale_and_clears_it_when_typed(detail):
    dlg = detail(debt(causale=""))
    assert "obbligatori" in dlg.field_error("causale")
    assert dlg.causale_edit.property("invalid") is True
    dlg.tabs.setCurrentIndex(1)
    dlg.causale_edit.setFocus()
    QTest.keyClicks(dlg.causale_edit, "T")
    assert dlg.field_error("causale") == "" and dlg.causale_edit.property("invalid") is False
