"""Every hostile or broken file issue 14 found, through the real CLI: exit 1 (or 0 with the row flagged)
and a short message naming the file (and row, column or element), never a traceback; what was saved
before stays as it was. Measured figures for the big cases are in the issue's closing note."""

from __future__ import annotations

import io
import json
import time
import zipfile
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook

from mypay_desk.formats import receipt_export as rx
from tests.unit.hostile_support import (
    BANK_HEADER,
    LIST_HEADER,
    ZIP_DAMAGE,
    bank_csv,
    damage_zip,
    declared_size,
    fdr_xml,
    fdr_zip,
    flow_zip,
    list_xlsx,
    member_index,
    opi_xml,
    receipt_row,
    receipts_csv,
    receipts_zip,
    run_cli,
    snapshot,
)

SHORT = 2_000  # characters of stderr a failing import may print


@pytest.fixture
def saved_ws(workspace, ente, tmp_path, capsys):
    """A workspace that already holds a list, receipts and an FdR flow (what must survive)."""
    path = tmp_path / "saved.csv"
    path.write_bytes((LIST_HEADER + "S-1;RSSMRA85T10A562S;ROSSI;12,00;30/06/2026;TARI\n").encode())
    assert run_cli(workspace.path, "lists", "import", str(path), "--list", "Salvata", "--type", "TARI",
                   capsys=capsys)[0] == 0
    name, data = receipts_zip()
    (tmp_path / name).write_bytes(data)
    assert run_cli(workspace.path, "receipts", "import", str(tmp_path / name), capsys=capsys)[0] == 0
    (tmp_path / "saved.xml").write_bytes(fdr_xml(flow_id="2024-01-15ABI03069-0"))
    assert run_cli(workspace.path, "reconcile", "import", str(tmp_path / "saved.xml"), capsys=capsys)[0] == 0
    return workspace


def refused(saved_ws, tmp_path, capsys, command: str, name: str, data: bytes, *fragments: str) -> str:
    """Import ``data`` as ``name``: exit 1, a short message naming the file and holding ``fragments``,
    nothing saved changed."""
    before = snapshot(saved_ws)
    path = tmp_path / name
    path.write_bytes(data)
    args = {"lists": ("lists", "import", str(path), "--list", "Nuova", "--type", "TARI"),
            "receipts": ("receipts", "import", str(path)), "reconcile": ("reconcile", "import", str(path))}[command]
    code, _out, err = run_cli(saved_ws, *args, capsys=capsys)
    assert code == 1, err
    assert "Traceback" not in err and len(err) < SHORT, err[:SHORT]
    assert name in err, err
    for f in fragments:
        assert f in err, err
    assert snapshot(saved_ws) == before
    return err


def imported_with_row_error(saved_ws, tmp_path, capsys, name: str, data: bytes, column: str) -> dict:
    path = tmp_path / name
    path.write_bytes(data)
    code, out, err = run_cli(saved_ws, "lists", "import", str(path), "--list", "Nuova", "--type", "TARI", "--json",
                             capsys=capsys)
    assert code == 0 and "Traceback" not in err, err
    doc = json.loads(out)
    assert doc["invalid"] == 1 and any(e["column"] == column and e["row"] == 2 for e in doc["errors"]), doc
    return doc


# --- numbers and dates --------------------------------------------------------------------------------

def test_csv_holding_only_an_empty_quoted_field(saved_ws, tmp_path, capsys):
    refused(saved_ws, tmp_path, capsys, "lists", "vuoto.csv", b'""\n', "non contiene dati")


@pytest.mark.parametrize("amount", ["inf", "Infinity", "-inf", "NaN", "1e300", "9" * 23, "9" * 4300,
                                    "1.000.000.000,00"])
def test_list_amounts_beyond_what_mypay_allows(saved_ws, tmp_path, capsys, amount):
    data = (LIST_HEADER + f"A-1;RSSMRA85T10A562S;ROSSI;{amount};30/06/2026;TARI\n").encode()
    doc = imported_with_row_error(saved_ws, tmp_path, capsys, "importi.csv", data, "Importo")
    message = next(e["message"] for e in doc["errors"] if e["column"] == "Importo")
    assert len(message) < 200


def test_xlsx_amount_1e300(saved_ws, tmp_path, capsys):
    wb = Workbook()
    ws = wb.active
    ws.append(["IUD", "Codice fiscale", "Nominativo", "Importo", "Scadenza", "Causale"])
    ws.append(["A-1", "RSSMRA85T10A562S", "ROSSI", 1e300, date(2026, 6, 30), "TARI"])
    buf = io.BytesIO()
    wb.save(buf)
    imported_with_row_error(saved_ws, tmp_path, capsys, "importi.xlsx", buf.getvalue(), "Importo")


@pytest.mark.parametrize("due", ["30/06/0000", "0000-06-30"])
def test_list_due_date_in_year_zero(saved_ws, tmp_path, capsys, due):
    data = (LIST_HEADER + f"A-1;RSSMRA85T10A562S;ROSSI;10,00;{due};TARI\n").encode()
    imported_with_row_error(saved_ws, tmp_path, capsys, "date.csv", data, "Scadenza")


def test_opi_amount_beyond_the_schema(saved_ws, tmp_path, capsys):
    refused(saved_ws, tmp_path, capsys, "reconcile", "gdc.xml", opi_xml("1.000.000.000.000.000.000.000,00"),
            "importo", "oltre il massimo")


def test_opi_and_bank_dates_in_year_zero(saved_ws, tmp_path, capsys):
    refused(saved_ws, tmp_path, capsys, "reconcile", "gdc0.xml", opi_xml(movement_date="0000-01-17"), "data_movimento")
    refused(saved_ws, tmp_path, capsys, "reconcile", "banca0.csv", bank_csv(day="01/02/0000"), "riga 2")


@pytest.mark.parametrize("amount", ["inf", "9" * 23, "9" * 4300])
def test_bank_amounts_beyond_the_treasury_bound(saved_ws, tmp_path, capsys, amount):
    err = refused(saved_ws, tmp_path, capsys, "reconcile", "banca.csv", bank_csv(amount=amount), "riga 2",
                  "colonna «Importo»")
    assert "9" * 60 not in err


def test_fdr_payment_index_of_twenty_digits(saved_ws, tmp_path, capsys):
    refused(saved_ws, tmp_path, capsys, "reconcile", "fdr.xml", fdr_xml(index="9" * 20), "indiceDatiSingoloPagamento",
            "troppo grande")


def test_receipt_payment_index_of_twenty_digits_rejects_the_row_only(saved_ws, tmp_path, capsys):
    rows = [receipt_row(7, indiceDatiSingoloPagamento="9" * 20), receipt_row(8)]
    (tmp_path / "exp.csv").write_bytes(rx.write_export_csv(rows, "1.3", True))
    code, out, err = run_cli(saved_ws, "receipts", "import", str(tmp_path / "exp.csv"), "--json", capsys=capsys)
    doc = json.loads(out)
    assert code == 1 and "Traceback" not in err
    assert doc["new"] == 1 and doc["errors"][0]["column"] == "indiceDatiSingoloPagamento"


def test_receipt_date_in_year_zero_rejects_the_row_only(saved_ws, tmp_path, capsys):
    (tmp_path / "exp.csv").write_bytes(receipts_csv(1, dataEsitoSingoloPagamento="0000-01-01",
                                                    codIud="Z1", identificativoMessaggioRicevuta="Z"))
    code, out, err = run_cli(saved_ws, "receipts", "import", str(tmp_path / "exp.csv"), "--json", capsys=capsys)
    assert code == 1 and json.loads(out)["errors"][0]["column"] == "dataEsitoSingoloPagamento"


# --- damaged ZIPs -------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ZIP_DAMAGE)
def test_damaged_zips_for_every_importer(saved_ws, tmp_path, capsys, kind):
    name, data = receipts_zip()
    refused(saved_ws, tmp_path, capsys, "receipts", name, damage_zip(data, kind))
    refused(saved_ws, tmp_path, capsys, "reconcile", "fdr.zip", damage_zip(fdr_zip(), kind))
    name, data = flow_zip()
    refused(saved_ws, tmp_path, capsys, "lists", name, damage_zip(data, kind))
    xlsx = list_xlsx()
    refused(saved_ws, tmp_path, capsys, "lists", "danneggiato.xlsx", damage_zip(xlsx, kind, member_index(xlsx, "sheet1.xml")))


def test_zip_declaring_three_gigabytes_is_refused_before_expanding(saved_ws, tmp_path, capsys):
    name, data = receipts_zip()
    refused(saved_ws, tmp_path, capsys, "receipts", name, declared_size(data, 3 * 1024 ** 3 - 1), "troppo grande")


def test_zip_bomb_sheet_is_refused(saved_ws, tmp_path, capsys):
    """A 200 MB sheet of blanks compressed a thousand times: refused by its ratio, not expanded."""
    xlsx = zipfile.ZipFile(io.BytesIO(list_xlsx()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info in xlsx.infolist():
            if info.filename.endswith("sheet1.xml"):
                with z.open(info.filename, "w") as w:
                    w.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
                    for _ in range(200):
                        w.write(b" " * (1024 * 1024))
                    w.write(b"<sheetData/></worksheet>")
            else:
                z.writestr(info, xlsx.read(info))
    refused(saved_ws, tmp_path, capsys, "lists", "bomba.xlsx", buf.getvalue(), "ZIP bomb")


# --- XML ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_fdr_in_utf16_without_bom_is_read(saved_ws, tmp_path, capsys, codec):
    data = fdr_xml(flow_id=f"2024-01-15ABI03069-{codec[-2:]}").decode().replace('encoding="UTF-8"',
                                                                                'encoding="UTF-16"')
    (tmp_path / "fdr16.xml").write_bytes(data.encode(codec))
    code, out, err = run_cli(saved_ws, "reconcile", "import", str(tmp_path / "fdr16.xml"), "--json", capsys=capsys)
    assert code == 0, err
    assert json.loads(out)["flows_new"] == 1


@pytest.mark.parametrize("encoding", ["X-NOPE", "hex", "UTF-32", "shift_jis", "cp500"])
def test_xml_with_an_encoding_we_do_not_read(saved_ws, tmp_path, capsys, encoding):
    data = fdr_xml().decode().replace('encoding="UTF-8"', f'encoding="{encoding}"').encode()
    refused(saved_ws, tmp_path, capsys, "reconcile", "fdr.xml", data, "codifica")


def test_deeply_nested_xml_is_refused_quickly(saved_ws, tmp_path, capsys):
    start = time.monotonic()
    refused(saved_ws, tmp_path, capsys, "reconcile", "profondo.xml", b"<a>" * 1_000_000 + b"</a>" * 1_000_000,
            "annidati")
    assert time.monotonic() - start < 30  # was accepted at 343 MB


# --- spreadsheets -------------------------------------------------------------------------------------

def test_xlsx_with_one_cell_at_xfd1048576(saved_ws, tmp_path, capsys):
    """10 KB that made python-calamine allocate 512 GiB and abort the process."""
    wb = Workbook()
    ws = wb.active
    ws.append(["IUD", "Importo"])
    ws.append(["A", 1])
    ws["XFD1048576"] = "x"
    buf = io.BytesIO()
    wb.save(buf)
    assert len(buf.getvalue()) < 20_000
    refused(saved_ws, tmp_path, capsys, "lists", "lontana.xlsx", buf.getvalue(), "XFD1048576", "cancellalo")


def test_xlsx_far_cell_written_unusually_is_measured_exactly(saved_ws, tmp_path, capsys):
    """References without r, in lower case or behind a namespace prefix go to the exact scan."""
    xlsx = zipfile.ZipFile(io.BytesIO(list_xlsx()))
    sheet = ('<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
             '<x:row r="1"><x:c t="inlineStr"><x:is><x:t>IUD</x:t></x:is></x:c>'
             '<x:c t="inlineStr"><x:is><x:t>Importo</x:t></x:is></x:c></x:row>'
             '<x:row r="2"><x:c r="xfd1048576"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info in xlsx.infolist():
            z.writestr(info.filename, sheet if info.filename.endswith("sheet1.xml") else xlsx.read(info))
    refused(saved_ws, tmp_path, capsys, "lists", "prefissi.xlsx", buf.getvalue(), "XFD1048576")


def test_ods_with_a_cell_repeated_over_the_whole_sheet(saved_ws, tmp_path, capsys):
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
               '<table:table table:name="Foglio1"><table:table-row>'
               '<table:table-cell office:value-type="string"><text:p>IUD</text:p></table:table-cell>'
               '<table:table-cell office:value-type="string"><text:p>Importo</text:p></table:table-cell>'
               '</table:table-row><table:table-row table:number-rows-repeated="10000">'
               '<table:table-cell table:number-columns-repeated="9999" office:value-type="string">'
               '<text:p>X</text:p></table:table-cell></table:table-row></table:table>'
               '</office:spreadsheet></office:body></office:document-content>')
    manifest = ('<?xml version="1.0"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
                'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '</manifest:manifest>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
        z.writestr("META-INF/manifest.xml", manifest)
    assert len(buf.getvalue()) < 5_000  # 1.5 KB that asked calamine for 5.7 GB
    refused(saved_ws, tmp_path, capsys, "lists", "ripetuta.ods", buf.getvalue(), "ripetute")


def test_lists_export_xlsx_imports_back_into_the_same_debts(saved_ws, workspace, tmp_path, capsys):
    from mypay_desk.domain.debts import DebtRecord

    records = [DebtRecord(iud=f"E-{i}", debtor_type="F", debtor_code="RSSMRA85T10A562S",
                          debtor_name=f"ROSSI MARIO {i}", address="VIA ROMA", civic="1", postal_code="00100",
                          city="ROMA", province="RM", country="IT", email="mario@example.it",
                          due_date=date(2026, 6, 30), amount_cents=1234 + i, debt_type="TARI",
                          causale="=TARI 2026" if i == 0 else "TARI 2026", collection_data="9/0101108TS/")
               for i in range(51)]
    workspace.lists.create_list("Esportata", "TARI")
    workspace.lists.add_debts("Esportata", records)
    out = tmp_path / "esportata.xlsx"
    assert run_cli(saved_ws, "lists", "export-xlsx", "Esportata", "-o", str(out), capsys=capsys)[0] == 0
    sheet = load_workbook(out).active
    assert sheet["A1"].value.endswith("Esportata") and sheet["A2"].value == "IUD"  # a title above the header
    code, stdout, err = run_cli(saved_ws, "lists", "import", str(out), "--list", "Esportata", "--json", capsys=capsys)
    doc = json.loads(stdout)
    assert code == 0, err
    assert (doc["rows"], doc["valid"], doc["invalid"], doc["unchanged"], doc["added"], doc["updated"]) == \
        (51, 51, 0, 51, 0, 0)


# --- size ----------------------------------------------------------------------------------------------

def test_millions_of_blank_lines_are_refused_by_every_text_reader(saved_ws, tmp_path, capsys):
    """Five million and one newlines (5 MB): the 600 MB case in miniature, refused before parsing."""
    blank = b"\n" * 5_000_001
    start = time.monotonic()
    refused(saved_ws, tmp_path, capsys, "lists", "righe.csv", LIST_HEADER.encode() + blank, "righe")
    refused(saved_ws, tmp_path, capsys, "lists", "C_TEST-RIGHE-1_4.csv", b"IUD;codIuv\n" + blank, "righe")
    refused(saved_ws, tmp_path, capsys, "reconcile", "banca.csv", BANK_HEADER.encode() + blank, "righe")
    refused(saved_ws, tmp_path, capsys, "receipts", "exp.csv", blank, "righe")
    assert time.monotonic() - start < 60


def test_a_huge_field_gives_a_short_message(saved_ws, tmp_path, capsys):
    huge = "Z" * 20_000_000
    refused(saved_ws, tmp_path, capsys, "lists", "campo.csv", (LIST_HEADER + f"A;{huge};B;1;2;3\n").encode())
    refused(saved_ws, tmp_path, capsys, "lists", "C_TEST-CAMPO-1_4.csv",
            f"IUD;codIuv\n{huge};x\n".encode(), "riga 2")
    refused(saved_ws, tmp_path, capsys, "reconcile", "banca.csv", (BANK_HEADER + f"01/01/2024;;{huge};x\n").encode())
    # a long IUD repeated: the duplicate message quotes only its beginning
    long_iud = "I" * 100_000
    data = (LIST_HEADER + f"{long_iud};RSSMRA85T10A562S;ROSSI;1,00;30/06/2026;T\n" * 2).encode()
    (tmp_path / "lungo.csv").write_bytes(data)
    code, out, err = run_cli(saved_ws, "lists", "import", str(tmp_path / "lungo.csv"), "--list", "Lunga", "--type",
                             "TARI", capsys=capsys)
    assert code == 0 and len(err) < 10_000 and "I" * 100 not in err


def test_a_receipt_of_another_ente_with_a_huge_code_gives_a_short_message(saved_ws, tmp_path, capsys):
    """Found by a 300-case fuzz campaign (seed 777, receipts-csv case 92): the refusal quoted the whole code."""
    path = tmp_path / "export.csv"
    path.write_bytes(receipts_csv(rows=2, identificativoDominio="Z" * 100_000))
    code, _out, err = run_cli(saved_ws, "receipts", "import", str(path), capsys=capsys)
    assert code == 1 and "ricevuta di un altro Ente" in err
    assert len(err) < 2_000 and "Z" * 100 not in err


def test_a_map_to_a_missing_column_lists_the_headers_briefly(saved_ws, tmp_path, capsys):
    headers = ";".join(["H" * 100_000] + [f"Colonna {i}" for i in range(200)])
    path = tmp_path / "intestazioni.csv"
    path.write_bytes(f"{headers}\n{';'.join('x' * 201)}\n".encode())
    code, _out, err = run_cli(saved_ws, "lists", "import", str(path), "--list", "Lunga", "--type", "TARI",
                              "--map", "Assente=IUD", capsys=capsys)
    assert code == 1 and "Colonna «Assente» non presente nel file" in err
    assert len(err) < 2_000 and "H" * 100 not in err and "«Colonna 0»" in err


def test_duplicate_iuds_cost_linear_time_and_bounded_messages(saved_ws, workspace, tmp_path, capsys):
    rows = "".join(f"DUP;RSSMRA85T10A562S;ROSSI;1,00;30/06/2026;TARI {i}\n" for i in range(10_000))
    (tmp_path / "dup.csv").write_bytes((LIST_HEADER + rows).encode())
    start = time.monotonic()
    code, out, err = run_cli(saved_ws, "lists", "import", str(tmp_path / "dup.csv"), "--list", "Doppi", "--type",
                             "TARI", "--json", capsys=capsys)
    elapsed = time.monotonic() - start
    doc = json.loads(out)
    assert code == 0 and doc["invalid"] == 10_000
    message = doc["errors"][0]["message"]
    assert message == "IUD «DUP» ripetuto 10.000 volte (righe 2, 3, 4 e altre 9.997): deve essere univoco"
    # every row stores that one short message, not the list of all 10,000 rows
    debts = workspace.lists.get_debts("Doppi", limit=5)
    assert all(len(json.dumps([e.message for e in d.errors])) < 300 for d in debts)
    assert elapsed < 120  # took 10 s and 1.8 GB for this size; 100,000 rows were killed (see the note)


def test_big_files_are_refused_before_being_read(saved_ws, tmp_path, capsys, monkeypatch):
    from mypay_desk.formats import spreadsheet

    monkeypatch.setattr(spreadsheet, "MAX_FILE_BYTES", 1000)
    monkeypatch.setattr("mypay_desk.services.lists.importing.MAX_IMPORT_BYTES", 1000)
    refused(saved_ws, tmp_path, capsys, "lists", "grande.csv", LIST_HEADER.encode() + b"x;" * 1000, "troppo grande")


def test_saved_rows_survive_a_refusal(saved_ws, tmp_path, capsys):
    refused(saved_ws, tmp_path, capsys, "lists", "vuoto.csv", b'""\n')
    assert [d.iud for d in saved_ws.lists.get_debts("Salvata")] == ["S-1"]
    assert saved_ws.receipts.totals(None).count == 2


@pytest.mark.parametrize("element, old, new", [
    ("identificativoUnivocoRegolamento", "<identificativoUnivocoRegolamento>TRN<",
     "<identificativoUnivocoRegolamento>" + "T" * 36 + "<"),
    ("denominazioneMittente", "<denominazioneMittente>Banca<", "<denominazioneMittente>" + "B" * 71 + "<"),
    ("codiceIdentificativoUnivoco", "<codiceIdentificativoUnivoco>BCITITMM<",
     "<codiceIdentificativoUnivoco>" + "C" * 36 + "<"),
])
def test_fdr_header_fields_longer_than_the_schema(saved_ws, tmp_path, capsys, element, old, new):
    """Refused naming the element on both databases (PostgreSQL would refuse the row with a DataError)."""
    text = fdr_xml().decode()
    assert old in text
    refused(saved_ws, tmp_path, capsys, "reconcile", "fdr.xml", text.replace(old, new).encode(), element,
            "al massimo")
