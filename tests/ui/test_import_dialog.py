"""The import dialog: mapping guessed from headers, preview with per-row errors, nothing written
before «Importa», missing debts cancelled in one step; files dropped on the table open it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from mypay_desk.domain.debts import DebtRecord
from mypay_desk.ui.context import AppContext
from mypay_desk.ui.lists.import_dialog import ImportDialog
from mypay_desk.ui.tasks import InlineTaskRunner

CF = "RSSMRA80A01F205X"


def make_xlsx(path: Path, rows: list[list]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["Codice debito", "Codice fiscale", "Cognome e nome", "Importo", "Scadenza", "Descrizione",
               "Note interne"])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


@pytest.fixture
def ctx(workspace, ente, tmp_path):
    return AppContext(workspace, InlineTaskRunner(), QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


def debt_count(ws) -> int:
    return sum(s.total_count for s in ws.lists.lists())


def test_preview_shows_row_errors_and_cancel_writes_nothing(qtbot, ctx, tmp_path, qtmodeltester):
    f = make_xlsx(tmp_path / "tari.xlsx", [
        ["A1", CF, "ROSSI MARIO", "1.234,56", "30/06/2025", "TARI 2025", "x"],
        ["A2", "RSSMRA80A01F205Y", "BIANCHI LUCA", 50, "30/06/2025", "TARI 2025", ""],  # bad check char
        ["A3", CF, "VERDI ANNA", "zero", "30/06/2025", "TARI 2025", ""],  # unreadable amount
    ])
    dlg = ImportDialog(ctx, f, [], parent=None)
    qtbot.addWidget(dlg)
    assert dlg.to_new.isChecked() and dlg.new_name.text() == "tari"
    dlg.type_combo.setCurrentIndex(dlg.type_combo.findData("TARI"))
    dlg.next()
    assert dlg.pages.currentIndex() == 1  # mapping step
    mapping = dlg.current_mapping()
    assert mapping["debtor_code"] == "Codice fiscale"
    assert mapping["debtor_name"] == "Cognome e nome"
    assert mapping["amount_cents"] == "Importo"
    assert mapping["due_date"] == "Scadenza"
    assert "Note interne" not in mapping.values()
    samples = dlg.mapping_table.item(1, 1).text()
    assert CF in samples
    dlg.set_mapping("iud", "Codice debito")
    dlg.next()
    assert dlg.pages.currentIndex() == 2  # preview
    p = dlg.preview
    assert (p.rows, p.valid, p.invalid) == (3, 1, 2)
    model = dlg.preview_model
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    errors = {model.index(r, 2).data(): model.index(r, 8).data() for r in range(3)}
    assert errors["A1"] == ""
    assert "controllo" in errors["A2"]
    assert "Importo" in errors["A3"]
    assert model.index(1, 1).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "3 righe lette, 1 valide, 2 con errori" in dlg.summary.text()
    dlg.only_errors.setChecked(True)
    assert model.rowCount() == 2
    # nothing written so far, and cancelling writes nothing
    assert ctx.ws.lists.lists() == []
    dlg.reject()
    assert ctx.ws.lists.lists() == []
    assert dlg.imported_list == ""


def test_preview_says_when_no_column_gives_the_amount(qtbot, ctx, tmp_path):
    wb = Workbook()
    sheet = wb.active
    sheet.append(["IUD", "Codice fiscale", "Cognome e nome", "Tot. da versare"])
    sheet.append(["A1", CF, "ROSSI MARIO", 12.5])
    wb.save(tmp_path / "tari.xlsx")
    dlg = ImportDialog(ctx, tmp_path / "tari.xlsx", [], parent=None)
    qtbot.addWidget(dlg)
    dlg.type_combo.setCurrentIndex(dlg.type_combo.findData("TARI"))
    dlg.next()
    assert "amount_cents" not in dlg.current_mapping()
    dlg.next()
    assert "Nessuna colonna è indicata come importo" in dlg.summary.text()
    dlg.back()
    dlg.set_mapping("amount_cents", "Tot. da versare")
    dlg.next()
    assert "Nessuna colonna è indicata come importo" not in dlg.summary.text()


def test_import_into_existing_list_reports_and_cancels_missing(qtbot, ctx, tmp_path, monkeypatch):
    ws = ctx.ws
    ws.lists.create_list("TARI 2025", default_debt_type="TARI")
    ws.lists.add_debts("TARI 2025", [
        DebtRecord(iud=f"A{i}", debtor_code=CF, debtor_name=f"N {i}", amount_cents=1000, due_date=date(2025, 6, 30),
                   causale="TARI 2025") for i in range(1, 5)])
    f = make_xlsx(tmp_path / "refresh.xlsx", [
        ["A1", CF, "N 1", "10,00", "30/06/2025", "TARI 2025", ""],  # unchanged
        ["A2", CF, "N 2 CAMBIATO", "10,00", "30/06/2025", "TARI 2025", ""],  # updated
        ["A9", CF, "N 9", "15,00", "30/06/2025", "TARI 2025", ""],  # new
    ])  # A3 and A4 are missing
    summaries = ws.lists.lists()
    dlg = ImportDialog(ctx, f, summaries, current_list="TARI 2025")
    qtbot.addWidget(dlg)
    assert dlg.to_existing.isChecked()
    dlg.next()
    dlg.set_mapping("iud", "Codice debito")
    dlg.next()
    p = dlg.preview
    assert (p.matched, p.missing) == (2, 2)
    assert "2 già presenti" in dlg.summary.text() and "2 dovuti della lista mancano" in dlg.summary.text()
    assert debt_count(ws) == 4  # still nothing written
    dlg.run_import()
    assert dlg.pages.currentIndex() == 3
    r = dlg.report
    assert (r.added, r.updated, r.unchanged, r.missing) == (1, 1, 1, 2)
    assert dlg.cancel_missing_button.isVisibleTo(dlg)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dlg.cancel_missing()
    states = {d.iud: d.state for d in ws.lists.get_debts("TARI 2025")}
    assert states["A3"] == states["A4"] == "ANNULLATO"
    assert states["A1"] == states["A9"] == "NUOVO"
    assert "Annullati: 2" in dlg.result_label.text()
    assert dlg.imported_list == "TARI 2025"


def test_mypay_flow_skips_the_mapping_step(qtbot, ctx, tmp_path):
    ws = ctx.ws
    ws.lists.create_list("Origine", default_debt_type="TARI")
    ws.lists.add_debts("Origine", [DebtRecord(iud="F1", debtor_code=CF, debtor_name="ROSSI MARIO", amount_cents=2500,
                                              due_date=date(2025, 6, 30), causale="TARI 2025")])
    rep = ws.lists.export_flow("Origine", "1_4", tmp_path)
    dlg = ImportDialog(ctx, Path(rep.path), ws.lists.lists(), current_list="Origine")
    qtbot.addWidget(dlg)
    dlg.to_new.setChecked(True)
    dlg.new_name.setText("Copia")
    dlg.next()
    assert dlg.pages.currentIndex() == 2
    assert dlg.preview.format == "flow" and dlg.preview.rows == 1
    dlg.run_import()
    assert [d.iud for d in ws.lists.get_debts("Copia")] == ["F1"]


def test_unreadable_file_is_refused_with_the_reason(qtbot, ctx, tmp_path):
    bad = tmp_path / "rotto.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    dlg = ImportDialog(ctx, bad, [])
    qtbot.addWidget(dlg)
    dlg.next()
    assert dlg.pages.currentIndex() == 0
    assert dlg.message.text()
    assert ctx.ws.lists.lists() == []


def test_dropping_a_file_on_the_table_opens_the_import(qtbot, ctx, tmp_path, monkeypatch):
    from mypay_desk.ui.lists import import_dialog
    from mypay_desk.ui.pages.lists_page import ListsPage

    f = make_xlsx(tmp_path / "drop.xlsx", [["D1", CF, "ROSSI", "1,00", "30/06/2025", "TARI", ""]])
    opened = []
    monkeypatch.setattr(import_dialog.ImportDialog, "exec", lambda self: opened.append(self.path) or 0)
    page = ListsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)), QUrl.fromLocalFile(str(tmp_path / "foto.png"))])
    ev = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                    Qt.KeyboardModifier.NoModifier)
    page.view.dropEvent(ev)
    assert opened == [f]


def test_first_visible_sheet_is_read_and_another_can_be_chosen(qtbot, ctx, tmp_path):
    """A workbook whose first sheet is hidden: the dialog reads the first visible one, lists the sheets
    and reads another when it is chosen in the combo (with the mouse, as a person does)."""
    from PySide6.QtTest import QTest

    wb = Workbook()
    hidden = wb.active
    hidden.title = "Appunti"
    hidden.sheet_state = "hidden"
    hidden.append(["nota", "altro"])
    for title, iud in (("TARI", "T1"), ("Mensa", "M1")):
        ws = wb.create_sheet(title)
        ws.append(["IUD", "Codice fiscale", "Cognome e nome", "Importo", "Scadenza", "Causale"])
        ws.append([iud, CF, "ROSSI MARIO", 10, date(2025, 6, 30), f"{title} 2025"])
    f = tmp_path / "fogli.xlsx"
    wb.save(f)
    dlg = ImportDialog(ctx, f, [], parent=None)
    qtbot.addWidget(dlg)
    dlg.type_combo.setCurrentIndex(dlg.type_combo.findData("TARI"))
    dlg.show()
    QTest.mouseClick(dlg.next_button, Qt.MouseButton.LeftButton)
    assert dlg.pages.currentIndex() == 1
    assert dlg.preview.sheet == "TARI"
    combo = dlg.sheet_combo
    assert combo.isVisible()
    assert [combo.itemData(i) for i in range(combo.count())] == ["Appunti", "TARI", "Mensa"]
    assert combo.itemText(0) != "Appunti"  # marked hidden
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down)  # the next sheet, as the keyboard chooses it
    assert dlg.preview.sheet == "Mensa"
    assert dlg.mapping_table.item(0, 1).text() == "M1"
    QTest.mouseClick(dlg.next_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(dlg.import_button, Qt.MouseButton.LeftButton)
    debts = ctx.ws.lists.get_debts(dlg.imported_list)
    assert [d.iud for d in debts] == ["M1"]
