"""The lists table's counts and totals (read from the tally the database keeps) follow typed edits,
pastes, bulk changes and cancellations, and their undo and redo, as the debts themselves say."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest

from mypay_desk.domain.debts import DebtRecord
from mypay_desk.ui.context import AppContext
from mypay_desk.ui.lists.bulk_dialog import BulkChoice
from mypay_desk.ui.pages.lists_page import ListsPage
from mypay_desk.ui.tasks import InlineTaskRunner
from tests.integration.test_list_tallies_paths import check

CF_OK = "RSSMRA80A01F205X"


@pytest.fixture
def page(qtbot, workspace, ente, tmp_path):
    workspace.lists.create_list("TARI 2025", default_debt_type="TARI")
    workspace.lists.add_debts("TARI 2025", [
        DebtRecord(iud=f"TARI25-{i:05d}", debtor_type="F", debtor_code=CF_OK, debtor_name=f"ROSSI MARIO {i}",
                   amount_cents=10_000 + i, due_date=date(2025, 6, 30), debt_type="TARI", causale=f"TARI {i}")
        for i in range(5)])
    ctx = AppContext(workspace, InlineTaskRunner(), QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    p = ListsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1300, 700)
    p.show()
    return p


def shown(page) -> dict[str, str]:
    """The lists table's row as the user reads it (after the page refreshed its summaries)."""
    page.refresh_lists()
    model = page.lists_model
    return {model.headerData(c, Qt.Orientation.Horizontal): model.index(0, c).data()
            for c in range(model.columnCount())}


def test_counts_follow_edits_and_their_undo(page, qtbot):
    ws = page.ctx.ws
    stack = page.controller.undo_stack
    start = shown(page)
    assert (start["Dovuti"], start["Totale"], start["Con errori"]) == ("5", "500,10", "")

    # a typed edit: a wrong codice fiscale makes the row invalid
    view = page.view
    view.setCurrentIndex(page.model.index(1, page.model.column_index("debtor_code")))
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_F2)
    editor = view.focusWidget()
    editor.selectAll()
    QTest.keyClicks(editor, "RSSMRA80A01F205Y")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not ws.lists.get_debt(page.model.row_id(1)).is_valid)
    assert shown(page)["Con errori"] == "1"
    check(ws)
    stack.undo()
    assert shown(page)["Con errori"] == ""  # (zero shows blank)
    check(ws)

    # rows pasted below the end, then taken back and put again
    grid = [[f"NEW-{i}", "F", CF_OK, f"NUOVO {i}", "5,00", "30/09/2025"] for i in range(3)]
    page.controller.paste(grid, 5, page.model.column_index("iud"), [])
    assert (shown(page)["Dovuti"], shown(page)["Totale"]) == ("8", "515,10")
    stack.undo()
    assert (shown(page)["Dovuti"], shown(page)["Totale"]) == ("5", "500,10")
    stack.redo()
    assert shown(page)["Dovuti"] == "8"
    check(ws)

    # a bulk change of the amounts, and a cancellation, each undone
    ids = list(page.model.ids())
    page.run_bulk(BulkChoice(operation="amount_percent", scope="filtered", percent=Decimal(10)), ids)
    assert shown(page)["Totale"] == "566,60"  # each amount rounded on its own
    check(ws)
    stack.undo()
    assert shown(page)["Totale"] == "515,10"
    page.run_bulk(BulkChoice(operation="cancel", scope="selection"), ids[:2])
    after = shown(page)
    assert (after["Annullati"], after["Totale"]) == ("2", "315,09")
    check(ws)
    stack.undo()
    assert (shown(page)["Annullati"], shown(page)["Totale"]) == ("", "515,10")
    check(ws)
