"""The notices preview (QtPdf), printing onto a QPrinter, and batch printing from the GUI."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from mypay_desk.services.notices import render_notices, sample_notice
from mypay_desk.ui.context import AppContext
from mypay_desk.ui.notices import actions
from mypay_desk.ui.notices.preview import NoticePreviewDialog
from mypay_desk.ui.tasks import InlineTaskRunner
from mypay_desk.ui.widgets import file_dialogs
from tests.unit.notice_support import add_debts, add_instalments, debt_row, make_list, page_count, read_pdf


@pytest.fixture
def ctx(workspace, tmp_path):
    return AppContext(workspace, InlineTaskRunner(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def three_pages(tmp_path):
    path = tmp_path / "avvisi.pdf"
    path.write_bytes(render_notices([sample_notice(poste=True, instalments=5)]))
    return path


def test_preview_navigates_pages(qtbot, ctx, three_pages):
    dlg = NoticePreviewDialog(ctx, three_pages)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.loaded and dlg.page_count() == 3
    assert dlg.page_label.text().strip() == "di 3" and dlg.page_spin.value() == 1
    assert not dlg.prev_action.isEnabled() and dlg.next_action.isEnabled()
    dlg.next_action.trigger()
    assert dlg.current_page() == 1 and dlg.page_spin.value() == 2
    dlg.page_spin.setValue(3)
    assert dlg.current_page() == 2 and not dlg.next_action.isEnabled()
    dlg.go_to(99)
    assert dlg.current_page() == 2


def test_preview_of_a_broken_file_disables_printing(qtbot, ctx, tmp_path):
    bad = tmp_path / "rotto.pdf"
    bad.write_bytes(b"not a pdf")
    dlg = NoticePreviewDialog(ctx, bad)
    qtbot.addWidget(dlg)
    assert not dlg.loaded and not dlg.print_action.isEnabled()
    assert "rotto.pdf" in dlg.page_label.text()


def test_printing_renders_every_page_with_readable_barcodes(qtbot, ctx, three_pages, tmp_path):
    dlg = NoticePreviewDialog(ctx, three_pages)
    qtbot.addWidget(dlg)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "stampato.pdf"
    printer.setOutputFileName(str(out))
    printer.setFullPage(True)
    printer.setResolution(200)
    assert dlg.print_pages(printer) == 3
    pages = read_pdf(out.read_bytes(), scale=2.5)
    assert len(pages) == 3
    # the printed (rasterised) copy still scans: page 2 has three instalments, each with QR and Data Matrix
    assert sorted(k for k, _ in pages[1][1]) == ["DataMatrix"] * 3 + ["QRCode"] * 3
    printer2 = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer2.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer2.setOutputFileName(str(tmp_path / "una.pdf"))
    printer2.setResolution(72)
    assert dlg.print_pages(printer2, 2, 2) == 1
    assert page_count((tmp_path / "una.pdf").read_bytes()) == 1


def _debts(ws, ente):
    list_id = make_list(ws, ente.id, "TARI 2025")
    rows = [debt_row(ente.id, list_id, 0), debt_row(ente.id, list_id, 1, state="ANNULLATO", iud="ANN1"),
            debt_row(ente.id, list_id, 2)]
    ids = add_debts(ws, ente.id, list_id, rows)
    add_instalments(ws, ids[2], [6_000, 6_345], [date(2025, 2, 1), date(2025, 3, 1)])
    return ids


def test_batch_print_asks_for_the_file_lists_skipped_and_opens_the_preview(qtbot, ctx, workspace, ente,
                                                                             tmp_path, monkeypatch):
    _debts(workspace, ente)
    target = tmp_path / "scelto"
    monkeypatch.setattr(file_dialogs, "ask", lambda *a, **k: ([str(target)], actions.pdf_filter()))
    shown = {}
    monkeypatch.setattr(actions.SkippedDialog, "exec",
                        lambda self: shown.setdefault("skipped", self.as_text()) and 0)
    monkeypatch.setattr(NoticePreviewDialog, "exec",
                        lambda self: shown.setdefault("preview", (self.pdf_path, self.page_count())) and 0)
    messages = []
    ctx.status_message.connect(messages.append)
    handle = actions.print_notices(ctx, None, list_name="TARI 2025")
    assert handle.failure is None
    out = tmp_path / "scelto.pdf"
    assert out.exists() and shown["preview"] == (out, 1 + 2)
    assert "ANN1\tdovuto annullato" in shown["skipped"]
    assert messages and "2 avvisi (3 pagine)" in messages[-1]
    assert ctx.settings.value(actions.LAST_DIR_KEY) == str(tmp_path)


def test_batch_print_of_a_selection_into_a_zip(qtbot, ctx, workspace, ente, tmp_path, monkeypatch):
    ids = _debts(workspace, ente)
    monkeypatch.setattr(file_dialogs, "ask", lambda *a, **k: ([str(tmp_path / "sel")], actions.zip_filter()))
    infos = []
    monkeypatch.setattr(actions.QMessageBox, "information", lambda *a: infos.append(a[2]))
    monkeypatch.setattr(NoticePreviewDialog, "exec", lambda self: pytest.fail("no preview for a ZIP"))
    actions.print_notices(ctx, None, list_name="TARI 2025", debt_ids=[ids[2]])
    import zipfile

    with zipfile.ZipFile(tmp_path / "sel.zip") as zf:
        assert len(zf.namelist()) == 1
        [(_, codes), _] = read_pdf(zf.read(zf.namelist()[0]))
    assert ("QRCode" in {k for k, _ in codes}) and infos and "1 avviso salvato" in infos[0]


def test_batch_print_says_it_removed_the_part_of_a_killed_print(qtbot, ctx, workspace, ente, tmp_path,
                                                                 monkeypatch):
    ids = _debts(workspace, ente)
    (tmp_path / ".sel.zip.part").write_bytes(b"PK\x03\x04 left by a killed print")
    monkeypatch.setattr(actions.QMessageBox, "information", lambda *a: None)
    messages = []
    ctx.status_message.connect(messages.append)
    handle = actions.print_notices(ctx, None, list_name="TARI 2025", debt_ids=[ids[2]], zip=True,
                                   output=str(tmp_path / "sel.zip"))
    assert handle.failure is None and (tmp_path / "sel.zip").exists()
    assert not (tmp_path / ".sel.zip.part").exists()
    assert "1 avviso (2 pagine) salvato" in messages[-1] and "rimossi i file parziali di stampe interrotte: .sel.zip.part" in messages[-1]


def test_batch_print_cancelled_file_dialog_does_nothing(qtbot, ctx, workspace, ente, monkeypatch):
    monkeypatch.setattr(file_dialogs, "ask", lambda *a, **k: ([], ""))
    assert actions.print_notices(ctx, None, list_name="TARI 2025") is None


def test_skipped_dialog_copies_a_tab_separated_list(qtbot):
    from mypay_desk.services.notices import SkippedDebt

    dlg = actions.SkippedDialog([SkippedDebt("A1", "dovuto annullato"), SkippedDebt("B2", "numero avviso "
                                                                                      "non ancora assegnato")], 3)
    qtbot.addWidget(dlg)
    assert dlg.table.rowCount() == 2 and dlg.table.item(1, 0).text() == "B2"
    dlg.copy_to_clipboard()
    assert QApplication.clipboard().text().splitlines()[1:] == ["A1\tdovuto annullato",
                                                                "B2\tnumero avviso non ancora assegnato"]


def test_sample_data_is_consistent():
    n = sample_notice(poste=True, instalments=3)
    assert n.poste and len(n.instalments) == 3 and n.total_cents == n.single.amount_cents
    n2 = replace(n, ente=replace(n.ente, postal_account=""))
    assert not n2.poste
