"""The Riconciliazione page: summary, drill-down, detail, notes, imports, exports; GUI and CLI agree."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QSettings, Qt

from mypay_desk.cli import main as cli_main
from mypay_desk.ui.context import AppContext
from mypay_desk.ui.pages.reconciliation_page import ReconciliationPage
from mypay_desk.ui.reconciliation.mapping_dialog import CsvMappingDialog
from mypay_desk.ui.reconciliation.models import CodeRole, ItemRole, SortRole
from mypay_desk.ui.tasks import InlineTaskRunner
from tests.unit.test_reconciliation_service import EXPECTED, F1, iuv, scenario  # noqa: F401 - fixture


@pytest.fixture
def page(qtbot, workspace, ente, tmp_path):
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(workspace, InlineTaskRunner(), settings)
    p = ReconciliationPage(ctx)
    qtbot.addWidget(p)
    p.resize(1400, 900)
    p.show()
    return p


def _summary(page) -> dict[str, tuple[int, int]]:
    m = page.summary_model
    return {m.index(r, 0).data(CodeRole): (m.index(r, 2).data(SortRole), m.index(r, 3).data(SortRole))
            for r in range(m.rowCount())}


def _import_scenario(page, files):
    page.import_files([str(files / n) for n in ("f1.xml", "flows.zip", "gdc.xml", "estratto.csv")])
    page.report_box.close()


def test_gui_and_cli_show_the_same_summary(page, scenario, capsys, qtmodeltester, monkeypatch):  # noqa: F811
    from datetime import date

    import mypay_desk.services.reconciliation as svc

    # the scenario's due dates are judged as of 1 March 2024, in the GUI run and in the CLI run alike
    real_run = svc.ReconciliationService.run
    monkeypatch.setattr(svc.ReconciliationService, "run",
                        lambda self, **kw: real_run(self, **{**kw, "as_of": kw.get("as_of") or date(2024, 3, 1)}))
    assert page.summary_model.rowCount() == 14 and all(n == 0 for n, _ in _summary(page).values())
    _import_scenario(page, scenario)  # the import runs the classification by itself
    assert page.last_run is not None and page.last_run.inserted == 17
    gui = _summary(page)
    assert gui == EXPECTED
    qtmodeltester.check(page.summary_model)
    # the summary rows show Italian labels and amounts
    row = page.summary_model.row_of("RT_IUF_TES")
    assert page.summary_model.index(row, 1).data() == "Pagamenti riversati cumulativamente"
    assert page.summary_model.index(row, 3).data() == "50,00"

    capsys.readouterr()
    ws_dir = str(page.ctx.ws.path)
    assert cli_main(["--workspace", ws_dir, "reconcile", "summary", "--json"]) == 0
    cli = json.loads(capsys.readouterr().out)["codes"]
    assert {code: (v["count"], v["amount_cents"]) for code, v in cli.items()} == gui
    assert all(cli[code]["label"] == page.summary_model.index(page.summary_model.row_of(code), 1).data()
               for code in cli)
    # a CLI run changes nothing, and the page shows the same after a refresh
    assert cli_main(["--workspace", ws_dir, "reconcile", "run", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["inserted"] == 0
    page.reload()
    assert _summary(page) == gui


def test_drill_down_detail_note_and_resolution(page, scenario, qtmodeltester, monkeypatch):  # noqa: F811
    from datetime import date

    import mypay_desk.services.reconciliation as svc

    real_run = svc.ReconciliationService.run
    monkeypatch.setattr(svc.ReconciliationService, "run",
                        lambda self, **kw: real_run(self, **{**kw, "as_of": date(2024, 3, 1)}))
    _import_scenario(page, scenario)
    # the first code with something to check is selected
    assert page.current_code() == "RT_NO_IUF"
    page.select_code("IUD_RT_IUF_TES")
    assert page.results_model.rowCount() == 2
    qtmodeltester.check(page.results_model)
    assert [page.results_model.index(r, 0).data() for r in range(2)] == [iuv(1), iuv(10)]
    assert page.results_model.index(0, 3).data() == "100,00"
    assert page.results_model.index(0, 1).data() == "IUD001"
    assert "IUD_RT_IUF_TES" in page.results_label.text() and "2" in page.results_label.text()
    # detail: four records side by side
    d = page.detail
    assert d.detail is not None and d.detail.item.iuv == iuv(1)
    assert [b.title() for b in d.boxes] == ["Dovuto (notifica dell'Ente)", "Ricevuta (RT)",
                                            "Rendicontazione PSP (FdR)", "Movimento di tesoreria"]
    assert d.boxes[2].values["Flusso (IUF)"] == F1
    assert d.boxes[3].values["IUF nella causale"] == F1
    # note and risolto
    d.note_edit.setPlainText("Verificato con la tesoreria")
    d.save_note_button.click()
    assert page.results_model.index(0, 6).data() == "Verificato con la tesoreria"
    d.resolve_button.click()
    item = page.results_model.index(0, 0).data(ItemRole)
    assert item.resolved and item.resolved_by == page.ctx.ws.user
    assert d.resolved_label.text().startswith("Risolto da")
    assert d.resolve_button.text() == "Riapri"
    assert page.results_model.index(0, 7).data() == "sì"
    # "solo da verificare" hides it; search finds by IUV
    page.open_check.setChecked(True)
    assert page.results_model.rowCount() == 1
    page.open_check.setChecked(False)
    page.search_edit.setText(iuv(10))
    page._search_timer.timeout.emit()
    assert page.results_model.rowCount() == 1
    # an anomaly row shows which records are missing
    page.search_edit.clear()
    page._search_timer.timeout.emit()
    page.select_code("IUV_NO_RT")
    assert [b.property("present") for b in page.detail.boxes] == [False, False, True, False]


def test_csv_import_asks_for_the_mapping(page, tmp_path, qtbot):
    p = tmp_path / "banca.csv"
    p.write_text(f"Quando;Euro;Testo\n16/01/2024;186,00;/PUR/LGPE-RIVERSAMENTO/URI/{F1}\n", encoding="utf-8")
    asked = []

    def answer(preview, path):
        asked.append(preview["headers"])
        dialog = CsvMappingDialog(preview, "banca.csv")
        qtbot.addWidget(dialog)
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.combos["date"].setCurrentIndex(dialog.combos["date"].findData("Quando"))
        dialog.combos["amount"].setCurrentIndex(dialog.combos["amount"].findData("Euro"))
        dialog.combos["causale"].setCurrentIndex(dialog.combos["causale"].findData("Testo"))
        assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        assert dialog.preview.item(0, 1).text() == "186,00"
        return dialog.mapping()

    page.ask_mapping = answer
    page.import_files([str(p)])
    assert asked == [["Quando", "Euro", "Testo"]]
    report = page.last_import[0]
    assert report.movements_new == 1
    assert "1 nuovi" in page.report_box.text()
    page.report_box.close()
    assert _summary(page)["TES_NO_IUF_OR_IUV"] == (1, 18600)  # the flow itself is not there yet
    # cancelling the mapping imports nothing
    page.ask_mapping = lambda preview, path: False
    q = tmp_path / "altro.csv"
    q.write_text("A;B\n1;2\n", encoding="utf-8")
    page.import_files([str(q)])
    assert page.last_import[0] is report


def test_refused_file_reports_and_keeps_data(page, scenario, tmp_path, monkeypatch):  # noqa: F811
    shown = []
    monkeypatch.setattr("mypay_desk.ui.pages.reconciliation_page.show_error",
                        lambda parent, title, failure: shown.append(str(failure.exception)))
    _import_scenario(page, scenario)
    before = _summary(page)
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b"<FlussoRiversamento><identificativoFlusso>x")
    page.import_files([str(bad)])
    assert shown and "bad.xml" in shown[0]
    assert _summary(page) == before
    # several files: the good ones go in, the refused one is listed
    page.import_files([str(bad), str(scenario / "f1.xml")])
    assert "bad.xml" in page.report_box.detailedText()
    page.report_box.close()


def test_exports_from_the_page(page, scenario, tmp_path):  # noqa: F811
    _import_scenario(page, scenario)
    page.export("xlsx", str(tmp_path / "r.xlsx"))
    page.export("csv", str(tmp_path / "r.csv"))
    assert (tmp_path / "r.xlsx").stat().st_size > 0
    assert (tmp_path / "r.csv").read_text(encoding="utf-8").startswith('"codIudI"')


def test_summary_model_tooltips_and_colours(page, scenario):  # noqa: F811
    _import_scenario(page, scenario)
    m = page.summary_model
    row = m.row_of("TES_NO_MATCH")
    assert "Anomalia" in m.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert m.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert m.index(row, 4).data() == "1"
    ok = m.row_of("RT_IUF_TES")
    assert m.index(ok, 4).data() == ""
