"""Two desks in the GUI: an edit over another desk's change shows the conflict dialog (table and Dettaglio),
rows another desk changes repaint by themselves, the Registro attività and the Postazione names."""

from __future__ import annotations

import json
import os
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from mypay_desk.domain.debts import DebtRecord
from mypay_desk.services.workspace import Workspace
from mypay_desk.ui.context import AppContext
from mypay_desk.ui.lists import conflict_dialog
from mypay_desk.ui.pages.lists_page import ListsPage
from mypay_desk.ui.tasks import InlineTaskRunner

CF = "RSSMRA80A01F205X"


def record(i: int, **kw) -> DebtRecord:
    values = dict(iud=f"TARI25-{i:05d}", debtor_type="F", debtor_code=CF, debtor_name=f"ROSSI MARIO {i}",
                  amount_cents=10_000 + i, due_date=date(2025, 6, 30), debt_type="TARI", causale=f"TARI {i}")
    values.update(kw)
    return DebtRecord(**values)


@pytest.fixture
def desk2(workspace):
    """Another program on the same workspace (its own connections), working as Anna at UFFICIO-2."""
    os.environ.update(MYPAY_DESK_USER="Anna Bianchi", MYPAY_DESK_DESK="UFFICIO-2")
    try:
        ws = Workspace.open(workspace.path)
    finally:
        del os.environ["MYPAY_DESK_USER"], os.environ["MYPAY_DESK_DESK"]
    yield ws
    ws.close()


@pytest.fixture
def page(qtbot, workspace, ente, tmp_path):
    workspace.lists.create_list("TARI 2025", default_debt_type="TARI")
    workspace.lists.add_debts("TARI 2025", [record(i) for i in range(5)])
    ctx = AppContext(workspace, InlineTaskRunner(), QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    p = ListsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1300, 700)
    p.show()
    return p


@pytest.fixture
def answers(monkeypatch):
    """The conflict dialogs shown, answered by the test: "keep" (default) or "apply"."""
    shown = []

    def fake_exec(dialog):
        shown.append(dialog)
        if getattr(fake_exec, "answer", "keep") == "apply":
            dialog.apply_button.click()
        else:
            dialog.keep_button.click()

    monkeypatch.setattr(conflict_dialog, "_exec", fake_exec)
    fake_exec.shown = shown
    return fake_exec


def cell(page, row, field):
    return page.model.index(row, page.model.column_index(field))


def type_into(page, qtbot, row, field, text):
    view = page.view
    view.setFocus()
    view.setCurrentIndex(cell(page, row, field))
    QTest.keyClicks(view, text[0])  # typing starts editing
    editor = view.findChild(QLineEdit, f"{field}Editor")
    assert editor is not None
    QTest.keyClicks(editor, text[1:])
    QTest.keyClick(editor, Qt.Key.Key_Return)


def table_lines(dialog):
    t = dialog.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def test_typing_over_a_value_another_desk_changed_shows_who_and_keeps_theirs(page, qtbot, desk2, answers):
    debt_id = page.model.row_id(1)
    assert cell(page, 1, "amount_cents").data() == "100,01"  # what this desk shows
    desk2.lists.update_debts({debt_id: {"amount_cents": 25_000}})

    type_into(page, qtbot, 1, "amount_cents", "199,00")
    qtbot.waitUntil(lambda: bool(answers.shown), timeout=3000)
    dialog = answers.shown[0]
    assert "Anna Bianchi (UFFICIO-2)" in dialog.findChild(object, "conflictText").text()
    assert table_lines(dialog) == [["TARI25-00001 — ROSSI MARIO 1", "Importo", "250,00", "199,00",
                                    "Anna Bianchi (UFFICIO-2)"]]
    # kept: the other desk's value is stored and shown, the refused edit is not on the undo stack
    assert page.ctx.ws.lists.get_debt(debt_id).amount_cents == 25_000
    qtbot.waitUntil(lambda: cell(page, 1, "amount_cents").data() == "250,00", timeout=2000)
    assert page.controller.undo_stack.count() == 0
    # the next edit is made on what the table shows now: no conflict
    type_into(page, qtbot, 1, "amount_cents", "260,00")
    qtbot.waitUntil(lambda: page.ctx.ws.lists.get_debt(debt_id).amount_cents == 26_000, timeout=2000)
    assert len(answers.shown) == 1


def test_applying_my_values_over_another_desks_change_is_a_new_undoable_edit(page, qtbot, desk2, answers):
    answers.answer = "apply"
    debt_id = page.model.row_id(2)
    desk2.lists.update_debts({debt_id: {"causale": "scritta da Anna"}})
    type_into(page, qtbot, 2, "causale", "mia causale")
    qtbot.waitUntil(lambda: page.ctx.ws.lists.get_debt(debt_id).causale == "mia causale", timeout=3000)
    assert len(answers.shown) == 1
    assert page.controller.undo_stack.count() == 1
    page.controller.undo_stack.undo()  # back to what was there when I chose: Anna's
    qtbot.waitUntil(lambda: page.ctx.ws.lists.get_debt(debt_id).causale == "scritta da Anna", timeout=2000)


def test_an_undo_over_a_later_change_of_another_desk_is_refused(page, qtbot, desk2, answers):
    debt_id = page.model.row_id(0)
    type_into(page, qtbot, 0, "debtor_name", "NERI PAOLO")
    qtbot.waitUntil(lambda: page.ctx.ws.lists.get_debt(debt_id).debtor_name == "NERI PAOLO", timeout=2000)
    desk2.lists.update_debts({debt_id: {"debtor_name": "NERI PAOLA"}})
    page.controller.undo_stack.undo()
    qtbot.waitUntil(lambda: bool(answers.shown), timeout=2000)
    assert page.ctx.ws.lists.get_debt(debt_id).debtor_name == "NERI PAOLA"


def test_dettaglio_saved_over_another_desks_change_shows_the_conflict(page, qtbot, desk2, answers, monkeypatch):
    from mypay_desk.ui.lists import detail_dialog

    debt_id = page.model.row_id(3)

    def fake_exec(dlg):
        # while the dialog is open, the other desk changes the same debt
        desk2.lists.update_debts({debt_id: {"debtor_name": "ROSSI MARIO (ANNA)"}})
        dlg.editors["debtor_name"].setText("ROSSI MARIA")
        dlg.accept()
        return detail_dialog.DebtDetailDialog.DialogCode.Accepted

    monkeypatch.setattr(detail_dialog.DebtDetailDialog, "exec", fake_exec)
    page.view.setCurrentIndex(cell(page, 3, "iud"))
    page.open_detail()
    qtbot.waitUntil(lambda: bool(answers.shown), timeout=2000)
    lines = table_lines(answers.shown[0])
    assert lines[0][1:4] == ["Debitore", "ROSSI MARIO (ANNA)", "ROSSI MARIA"]
    assert page.ctx.ws.lists.get_debt(debt_id).debtor_name == "ROSSI MARIO (ANNA)"


def test_rows_another_desk_changes_repaint_by_themselves_and_new_rows_appear(page, qtbot, desk2):
    from mypay_desk.ui.remote_changes import RemoteChanges

    remote = RemoteChanges(page.ctx, page, settle_ms=50)
    remote.start()
    try:
        resets = []
        page.model.modelReset.connect(lambda: resets.append(1))
        page.view.setCurrentIndex(cell(page, 3, "causale"))
        current_id = page.model.row_id(3)
        desk2.lists.update_debts({page.model.row_id(2): {"debtor_name": "CAMBIATO DA ANNA"}})
        qtbot.waitUntil(lambda: cell(page, 2, "debtor_name").data() == "CAMBIATO DA ANNA", timeout=8000)
        assert resets == [] and page.remote_refresh.rows_refreshed == 1  # only that row, no reload

        desk2.lists.add_debts("TARI 2025", [record(i) for i in range(10, 13)])
        qtbot.waitUntil(lambda: page.model.rowCount() == 8, timeout=8000)
        assert page.remote_refresh.snapshots == 1
        assert page.model.row_id(page.view.currentIndex().row()) == current_id  # the place is kept
    finally:
        remote.stop()


def open_audit_page(qtbot, workspace, tmp_path):
    """The Registro attività page shown and read once, as when the clerk opens it."""
    from mypay_desk.ui.pages.audit_page import AuditPage

    ctx = AppContext(workspace, InlineTaskRunner(), QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    p = AuditPage(ctx)
    qtbot.addWidget(p)
    p.resize(1200, 600)
    p.show()
    p.on_activated()
    return p


def test_the_activity_log_page_filters_by_user_and_list(qtbot, workspace, ente, desk2, tmp_path):
    workspace.lists.create_list("TARI", default_debt_type="TARI")
    desk2.lists.create_list("MENSA")
    desk2.lists.add_debts("MENSA", [record(1, debt_type="MENSA")])
    p = open_audit_page(qtbot, workspace, tmp_path)
    total = p.model.rowCount()
    assert total >= 5  # the Ente, its types, the lists, the debts
    assert p.model.index(0, 1).data() == "Anna Bianchi" and p.model.index(0, 2).data() == "UFFICIO-2"
    assert p.model.index(0, 3).data() == "Dovuti aggiunti" and p.model.index(0, 4).data() == "MENSA"

    p.user_combo.setCurrentIndex(p.user_combo.findText("Anna Bianchi (UFFICIO-2)"))
    qtbot.waitUntil(lambda: p.model.rowCount() == 2, timeout=2000)
    p.clear_filters()
    p.list_combo.setCurrentIndex(p.list_combo.findText("TARI"))
    qtbot.waitUntil(lambda: p.model.rowCount() == 1, timeout=2000)
    assert p.model.index(0, 3).data() == "Lista creata" and p.model.index(0, 1).data() == workspace.user
    assert p.count_label.text().startswith("1 ")
    p.grab().save(str(tmp_path / "audit.png"))


def test_the_desk_names_typed_in_preferences_name_this_desk_from_then_on(qtbot, workspace, ente, tmp_path,
                                                                        monkeypatch):
    from mypay_desk.ui.settings.desk_panel import DeskPanel

    monkeypatch.delenv("MYPAY_DESK_USER", raising=False)
    monkeypatch.delenv("MYPAY_DESK_DESK", raising=False)
    ctx = AppContext(workspace, InlineTaskRunner(), QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    panel = DeskPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.user_edit.placeholderText() == workspace.user  # the system's name until one is typed
    QTest.keyClicks(panel.user_edit, "Mario Rossi")
    QTest.keyClicks(panel.desk_edit, "Ufficio tributi 2")
    QTest.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert (workspace.user, workspace.desk) == ("Mario Rossi", "Ufficio tributi 2")
    assert json.loads((workspace.path / "desk.json").read_text()) == {"user": "Mario Rossi",
                                                                     "desk": "Ufficio tributi 2"}
    assert "Mario Rossi (Ufficio tributi 2)" in panel.status.text()
    workspace.lists.create_list("TARI")
    assert workspace.audit_log.list()[0].user == "Mario Rossi"


def test_the_activity_log_days_are_typed_like_every_other_date(qtbot, workspace, ente, tmp_path):
    """Dal/Al read the app's one date rule: a typed day filters, a wrong one is refused and changes nothing."""
    from datetime import date, timedelta

    workspace.lists.create_list("TARI", default_debt_type="TARI")
    p = open_audit_page(qtbot, workspace, tmp_path)
    total = p.model.rowCount()
    assert total >= 2
    tomorrow = date.today() + timedelta(days=1)
    p.from_edit.setFocus()
    QTest.keyClicks(p.from_edit, tomorrow.strftime("%d%m%Y"))  # 8 digits, as offices type them
    QTest.keyClick(p.from_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: p.model.rowCount() == 0, timeout=3000)
    assert p.from_edit.text() == tomorrow.strftime("%d/%m/%Y")
    p.from_edit.selectAll()
    QTest.keyClicks(p.from_edit, "31/02/2026")
    QTest.keyClick(p.from_edit, Qt.Key.Key_Return)
    qtbot.wait(400)
    assert "non è una data esistente" in p.from_edit.toolTip()
    p.clear_filters()
    qtbot.waitUntil(lambda: p.model.rowCount() == total, timeout=3000)
    QTest.keyClicks(p.to_edit, date.today().strftime("%d/%m/%y"))
    QTest.keyClick(p.to_edit, Qt.Key.Key_Tab)
    qtbot.wait(400)
    assert p.model.rowCount() == total and p.current_filter().date_to == date.today()


@pytest.mark.parametrize(("area", "visible"), [("payments", True), ("portal", True), ("portal", False)])
def test_rows_this_desk_changes_in_the_background_repaint(page, qtbot, area, visible):
    """A flow's outcome applied at start-up, or receipts downloaded on the Pagamenti page, change debts the open
    list shows; those tasks only say ``data_changed``: the rows in memory are read again (as for another
    desk's change), at once or when the page is shown again, not left showing «In invio» or «Sul portale»."""
    from sqlalchemy import update

    from mypay_desk.store.models import Debt

    assert cell(page, 1, "state").data() == "Nuovo (non inviato)"
    if not visible:
        page.hide()
    debt_id = page.model.ids()[1]
    with page.ctx.ws.db.session() as s:  # what the task wrote, on this desk
        s.execute(update(Debt).where(Debt.id == debt_id).values(state="PAGATO", version=Debt.version + 1))
    page.ctx.data_changed.emit(area)
    if not visible:
        QTest.qWait(300)
        assert cell(page, 1, "state").data() == "Nuovo (non inviato)"  # hidden: read when shown
        page.show()
    qtbot.waitUntil(lambda: cell(page, 1, "state").data() == "Pagato", timeout=3000)
    assert page.remote_refresh.rows_refreshed == 1
