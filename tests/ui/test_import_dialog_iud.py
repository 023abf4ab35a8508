"""The import dialog and IUDs: a file without IUDs cannot be imported until a prefix is typed on the first
page; the prefixed IUDs show in the preview and are the same at the next import of the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest

from mypay_desk.ui.context import AppContext
from mypay_desk.ui.lists.import_dialog import ImportDialog
from mypay_desk.ui.tasks import InlineTaskRunner

ROWS = [["ROSSI MARIO", "RSSMRA80A01F205X", "10,00", "30/06/2030", "Mensa"],
        ["BIANCHI LUCA", "BNCLCU75C12L219V", "12,00", "30/06/2030", "Mensa"]]


def make_xlsx(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["Nominativo", "Codice fiscale", "Importo", "Scadenza", "Causale"])
    for r in ROWS:
        ws.append(r)
    wb.save(path)
    return path


@pytest.fixture
def ctx(workspace, ente, tmp_path):
    return AppContext(workspace, InlineTaskRunner(), QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


def open_dialog(qtbot, ctx, path, summaries=(), current=""):
    dlg = ImportDialog(ctx, path, list(summaries), current_list=current)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.type_combo.setCurrentIndex(dlg.type_combo.findData("MENSA"))
    return dlg


def test_no_iud_blocks_the_import_until_a_prefix_is_typed(qtbot, ctx, tmp_path):
    f = make_xlsx(tmp_path / "mensa.xlsx")
    dlg = open_dialog(qtbot, ctx, f)
    dlg.next()
    dlg.next()  # mapping as guessed: no IUD column
    assert dlg.pages.currentIndex() == 2
    assert dlg.preview.without_iud == 2
    assert "non hanno l'IUD" in dlg.summary.text()
    assert not dlg.import_button.isEnabled()

    dlg.back()
    dlg.back()
    assert dlg.pages.currentIndex() == 0
    dlg.iud_prefix.setFocus()
    QTest.keyClicks(dlg.iud_prefix, "mensa30-")
    QTest.keyClick(dlg.iud_prefix, Qt.Key.Key_Tab)
    dlg.next()
    dlg.next()
    p = dlg.preview
    assert p.without_iud == 0 and p.generated_iuds == 2
    assert all(r.iud.startswith("MENSA30-") for r in p.records)
    assert "2 IUD generati" in dlg.summary.text()
    assert dlg.import_button.isEnabled()
    out = tmp_path / "import-dialog-iud.png"
    dlg.grab().save(str(out))
    assert out.stat().st_size > 0
    dlg.run_import()
    assert dlg.pages.currentIndex() == 3
    first = sorted(d.iud for d in ctx.ws.lists.get_debts("mensa"))
    assert first == sorted(r.iud for r in p.records)

    # the same file again into the same list, same prefix: the same debts, nothing added
    dlg2 = open_dialog(qtbot, ctx, f, ctx.ws.lists.lists(), "mensa")
    QTest.keyClicks(dlg2.iud_prefix, "MENSA30-")
    dlg2.next()
    dlg2.next()
    assert dlg2.preview.matched == 2 and dlg2.preview.missing == 0
    dlg2.run_import()
    assert (dlg2.report.added, dlg2.report.unchanged) == (0, 2)
    assert sorted(d.iud for d in ctx.ws.lists.get_debts("mensa")) == first


def test_a_wrong_prefix_is_explained_on_the_first_page(qtbot, ctx, tmp_path):
    dlg = open_dialog(qtbot, ctx, make_xlsx(tmp_path / "m.xlsx"))
    QTest.keyClicks(dlg.iud_prefix, "000X")
    dlg.next()
    assert dlg.pages.currentIndex() == 0
    assert "000" in dlg.message.text()
    assert ctx.ws.lists.lists() == []
