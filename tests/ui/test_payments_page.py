"""The Pagamenti page: table, filters, totals, detail pane, chart, import, export, portal download."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from mypay_desk.domain.debt_states import DebtState
from mypay_desk.services.receipts import SyncReport
from mypay_desk.store.models import Debt
from mypay_desk.ui.context import AppContext
from mypay_desk.ui.pages.payments_page import PaymentsPage
from mypay_desk.ui.payments.receipts_model import IdRole, SortRole
from mypay_desk.ui.tasks import InlineTaskRunner
from tests.unit.test_receipts_service import add_debts, export_file, row


@pytest.fixture
def export(tmp_path, workspace, ente):
    add_debts(workspace, ente.id, [dict(iud="D1", iuv="120000000000000001", amount_cents=10000),
                                   dict(iud="D2", iuv="120000000000000002", amount_cents=5000)])
    rows = [row(1, iud="D1", iuv="120000000000000001", when="2025-01-10"),
            row(2, iud="D2", iuv="120000000000000002", when="2025-01-12", cents=2000),
            row(3, iud="S3", iuv="993", when="2025-03-05", tipo="MENSA", cents=700, anagraficaPagatore="Zoe Bianchi")]
    return export_file(tmp_path, rows)


@pytest.fixture
def page(qtbot, workspace, ente, tmp_path):
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(workspace, InlineTaskRunner(), settings)
    p = PaymentsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1300, 800)
    p.show()
    p.activateWindow()  # focus events (a date field left) need an active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is p, timeout=2000)
    return p


def _texts(page, column: int) -> list[str]:
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def test_import_fills_table_totals_chart_and_marks_debts(page, export, qtmodeltester):
    assert page.model.rowCount() == 0
    assert page.chart.points == []
    page.import_file(str(export))
    report = page.last_report
    assert (report.new, report.matched, report.unmatched) == (3, 2, 1)
    assert page.report_box is not None and "3 nuove" in page.report_box.text()
    page.report_box.close()
    assert page.model.rowCount() == 3
    qtmodeltester.check(page.model)
    # newest first; columns: date, IUV, IUD, debtor, amount, PSP, tipo, outcome, match
    assert _texts(page, 0) == ["05/03/2025", "12/01/2025", "10/01/2025"]
    assert _texts(page, 4) == ["7,00", "20,00", "100,00"]
    assert _texts(page, 6) == ["MENSA", "TARI", "TARI"]
    assert page.model.index(0, 8).data() == "Non abbinato"
    assert page.model.index(1, 8).data().startswith("Abbinato (IUD), parziale")
    assert page.model.index(1, 4).data(Qt.ItemDataRole.TextAlignmentRole) & int(Qt.AlignmentFlag.AlignRight)
    assert page.model.index(2, 4).data(SortRole) == 10000
    assert "3 ricevute" in page.totals_label.text() and "127,00 €" in page.totals_label.text()
    assert "MENSA: 1 (7,00 €)" in page.unmatched_label.text()
    # chart: per day (the range is short)
    assert [(p.period, p.amount_cents) for p in page.chart.points] == [
        (date(2025, 1, 10), 10000), (date(2025, 1, 12), 2000), (date(2025, 3, 5), 700)]
    page.chart.grab()  # paints without errors
    with page.ctx.ws.db.session() as s:
        states = {d.iud: (d.state, d.paid_amount_cents) for d in s.query(Debt)}
    assert states == {"D1": (DebtState.PAGATO, 10000), "D2": (DebtState.PAGATO_PARZIALE, 2000)}


def test_filters_and_sorting(page, export, qtbot):
    page.import_file(str(export))
    page.report_box.close()
    page.match_combo.setCurrentIndex(page.match_combo.findData(False))
    assert _texts(page, 2) == ["S3"]
    page.match_combo.setCurrentIndex(page.match_combo.findData(True))
    assert _texts(page, 2) == ["D2", "D1"]
    page.match_combo.setCurrentIndex(0)
    page.type_combo.setCurrentIndex(page.type_combo.findData("MENSA"))
    assert _texts(page, 2) == ["S3"]
    page.type_combo.setCurrentIndex(0)
    page.text_edit.setText("zoe")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    page.text_edit.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=2000)
    if page.report_box is not None:  # the import's report: the clerk closes it and goes back to the page
        page.report_box.close()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=2000)
    page.from_date.setFocus()
    QTest.keyClicks(page.from_date, "11/1/25")  # typed as a clerk does, applied on Enter
    QTest.keyClick(page.from_date, Qt.Key.Key_Return)
    assert page.from_date.text() == "11/01/2025"
    assert _texts(page, 2) == ["S3", "D2"]
    page.to_date.setFocus()
    QTest.keyClicks(page.to_date, "31012025")
    page.text_edit.setFocus()  # leaving the field applies it too
    QApplication.processEvents()
    assert _texts(page, 2) == ["D2"]
    assert "1 ricevuta" in page.totals_label.text()
    QTest.keyClicks(page.to_date, "x")  # not a date character: ignored
    page.to_date.setText("31/02/2025")
    page.to_date.setFocus()
    QTest.keyClick(page.to_date, Qt.Key.Key_Return)
    assert page.to_date.property("invalid") is True  # refused at the field, the filter stays
    assert _texts(page, 2) == ["D2"]
    for edit in (page.from_date, page.to_date):
        edit.clear()
        edit.setFocus()
        QTest.keyClick(edit, Qt.Key.Key_Return)
    assert len(_texts(page, 2)) == 3
    page.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # amount, ascending, in SQL
    assert _texts(page, 4) == ["7,00", "20,00", "100,00"]
    page.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    assert _texts(page, 4) == ["100,00", "20,00", "7,00"]


def test_detail_pane_shows_decoded_receipt_and_debt(page, export):
    page.import_file(str(export))
    page.report_box.close()
    row_d1 = _texts(page, 2).index("D1")
    page.select_row(row_d1)
    d = page.detail.detail
    assert d is not None and d.view.iud == "D1"
    html = page.detail.receipt_view.toPlainText()
    assert "Ricevuta pagoPA (paSendRT)" in html and "100,00 €" in html and "Banca Uno" in html
    assert "Pagato" in html
    assert page.detail.xml_view.toPlainText().startswith("<?xml")
    names = [page.detail.columns_table.item(i, 0).text() for i in range(page.detail.columns_table.rowCount())]
    assert "codIud" in names and "rt" not in names
    page.select_row(_texts(page, 2).index("S3"))
    assert "Nessun dovuto locale" in page.detail.receipt_view.toPlainText()
    # the selection survives a reload
    rid = page.model.index(_texts(page, 2).index("S3"), 0).data(IdRole)
    page.reload()
    assert page.current_receipt_id() == rid


def test_bad_file_reports_rows(page, tmp_path, workspace, ente):
    from mypay_desk.formats import receipt_export as rx

    text = rx.write_export_csv([row(1, iud="A", iuv="1"), row(2, iud="B", iuv="2")], "1.2", False).decode()
    lines = text.split("\n")
    lines[2] += ';"one column too many"'  # the second receipt, line 3
    p = tmp_path / "bad.csv"
    p.write_text("\n".join(lines), encoding="utf-8")
    page.import_file(str(p))
    box = page.report_box
    assert box.icon() == QMessageBox.Icon.Warning
    assert "1 riga rifiutata" in box.informativeText()  # Italian singular, not "1 righe"
    assert "riga 3: numero di colonne errato: 66 invece di 65" in box.detailedText()
    box.close()
    assert page.model.rowCount() == 1


def test_export_xlsx_uses_filters(page, export, tmp_path):
    page.import_file(str(export))
    page.report_box.close()
    page.match_combo.setCurrentIndex(page.match_combo.findData(True))
    out = tmp_path / "pag.xlsx"
    page.export_xlsx(str(out))
    from openpyxl import load_workbook

    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert [r[3] for r in rows[1:3]] == ["D2", "D1"]


def test_sync_button_runs_the_service_and_reports(page, monkeypatch):
    calls = {}

    def fake_sync(*, progress, cancel):
        calls["called"] = True
        progress(0, 0, "Prenotazione")
        return SyncReport(state="VUOTO")

    monkeypatch.setattr(page.ctx.ws.receipts, "sync_receipts", fake_sync)
    page.sync_button.click()
    assert calls == {"called": True}
    assert page.last_report.state == "VUOTO"
    assert "Nessuna nuova ricevuta" in page.report_box.text()
    assert page.sync_button.isEnabled()
    page.report_box.close()


def test_no_ente_shows_message(qtbot, workspace, tmp_path):
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    p = PaymentsPage(AppContext(workspace, InlineTaskRunner(), settings))
    qtbot.addWidget(p)
    assert p.model.rowCount() == 0 and "Nessun Ente" in p.totals_label.text()
