from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from mypay_desk.formats.spreadsheet import (
    CellError,
    SpreadsheetError,
    guess_mapping,
    header_for_column,
    parse_cents,
    parse_date,
    parse_flag,
    read_table,
    to_records,
)

CF = "RSSMRA85T10A562S"


def make_xlsx(path, rows, blank_top: int = 0):
    wb = Workbook()
    ws = wb.active
    for _ in range(blank_top):
        ws.append([])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


@pytest.mark.parametrize("headers,expected", [
    (["Codice fiscale", "Cognome e nome", "Importo", "Scadenza", "Causale", "Indirizzo", "CAP"],
     {"debtor_code": "Codice fiscale", "debtor_name": "Cognome e nome", "amount_cents": "Importo",
      "due_date": "Scadenza", "causale": "Causale", "address": "Indirizzo", "postal_code": "CAP"}),
    (["C.F.", "Nominativo", "Importo (euro)", "Data di scadenza", "N. civico", "Località", "Prov."],
     {"debtor_code": "C.F.", "debtor_name": "Nominativo", "amount_cents": "Importo (euro)",
      "due_date": "Data di scadenza", "civic": "N. civico", "city": "Località", "province": "Prov."}),
    (["Cognome", "Nome", "Partita IVA / C.F.", "E-mail"],
     {"debtor_surname": "Cognome", "debtor_given_name": "Nome", "email": "E-mail"}),
    (["IUD", "codIuv", "tipoIdentificativoUnivoco", "codiceIdentificativoUnivoco", "anagraficaPagatore",
      "dataEsecuzionePagamento", "importoDovuto", "tipoDovuto", "causaleVersamento", "datiSpecificiRiscossione"],
     {"iud": "IUD", "iuv": "codIuv", "debtor_type": "tipoIdentificativoUnivoco",
      "debtor_code": "codiceIdentificativoUnivoco", "debtor_name": "anagraficaPagatore",
      "due_date": "dataEsecuzionePagamento", "amount_cents": "importoDovuto", "debt_type": "tipoDovuto",
      "causale": "causaleVersamento", "collection_data": "datiSpecificiRiscossione"}),
])
def test_guess_mapping(headers, expected):
    got = guess_mapping(headers)
    for fld, header in expected.items():
        assert got.get(fld) == header, (fld, got)
    assert len(set(got.values())) == len(got)  # each header used once


def test_partita_iva_header_partial_match():
    assert guess_mapping(["Codice fiscale debitore", "Importo dovuto (€)"]) == {
        "debtor_code": "Codice fiscale debitore", "amount_cents": "Importo dovuto (€)"}


@pytest.mark.parametrize("value,expected", [
    ("30/06/2025", date(2025, 6, 30)), ("1/7/2025", date(2025, 7, 1)), ("30-06-2025", date(2025, 6, 30)),
    ("30.06.25", date(2025, 6, 30)), ("2025-06-30", date(2025, 6, 30)), ("2025-06-30 00:00:00", date(2025, 6, 30)),
    (45838, date(2025, 6, 30)), (45839.0, date(2025, 7, 1)), ("45838", date(2025, 6, 30)),
    (datetime(2025, 6, 30, 12, 0), date(2025, 6, 30)), (date(2025, 6, 30), date(2025, 6, 30)), ("", None),
    (None, None), ("20250630", date(2025, 6, 30)),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["31/02/2025", "domani", "2025/13/01", -3])
def test_parse_date_refuses(value):
    with pytest.raises(CellError):
        parse_date(value)


@pytest.mark.parametrize("value,expected", [
    ("1.234,56", 123456), ("12,5", 1250), ("€ 10", 1000), (12.5, 1250), (10, 1000), (0.1 + 0.2, 30),
    (1234.56, 123456), ("1234.56", 123456), ("", None), (None, None),
])
def test_parse_cents(value, expected):
    assert parse_cents(value) == expected


@pytest.mark.parametrize("value", ["abc", 12.345, "1,2,3", True])
def test_parse_cents_refuses(value):
    with pytest.raises(CellError):
        parse_cents(value)


def test_parse_flag():
    assert parse_flag("Sì") and parse_flag("x") and parse_flag(True) and not parse_flag("") and not parse_flag("no")
    with pytest.raises(CellError):
        parse_flag("forse")


def test_xlsx_rows_numbers_and_conversion(tmp_path):
    p = make_xlsx(tmp_path / "a.xlsx", [
        ["Codice fiscale", "Cognome", "Nome", "Importo", "Scadenza", "CAP", "Provincia", "Indirizzo", "Tipo"],
        [f" {CF.lower()} ", "Rossi", "Mario", 12.5, date(2025, 6, 30), 184, "rm", "Via Università, 3", ""],
        [],
        ["01199250158", "ACME", "", "abc", "31/02/2025", "20100", "MI", "Via Roma 1", "G"],
    ], blank_top=2)
    table = read_table(p)
    assert table.header_row == 3 and table.row_numbers == [4, 6]
    mapping = guess_mapping(table.headers)
    mapping["debtor_type"] = "Tipo"
    records, errors = to_records(table, mapping)
    a, b = records
    assert (a.debtor_code, a.debtor_name, a.amount_cents, a.due_date) == (CF, "Rossi Mario", 1250, date(2025, 6, 30))
    assert (a.postal_code, a.province, a.address, a.source_row) == ("00184", "RM", "Via Universita', 3", 4)
    assert a.debtor_type == "F"  # empty cell: inferred from the code
    assert (b.debtor_type, b.debtor_name, b.amount_cents, b.due_date, b.source_row) == ("G", "ACME", 0, None, 6)
    assert {(e.row, e.column) for e in errors} == {(6, "Importo"), (6, "Scadenza")}


def test_type_inferred_when_no_column(tmp_path):
    p = make_xlsx(tmp_path / "a.xlsx", [["CF", "Nome"], ["01199250158", "ACME"], [CF, "ROSSI"], ["ANONIMO", "X"]])
    t = read_table(p)
    recs, _ = to_records(t, guess_mapping(t.headers))
    assert [r.debtor_type for r in recs] == ["G", "F", "F"]


def test_csv_sniffing(tmp_path):
    p = tmp_path / "a.csv"
    p.write_bytes(f"Codice fiscale,Nominativo,Importo\r\n{CF},\"Rossi, Mario\",\"1.234,50\"\r\n"
                  .encode("utf-8-sig"))
    t = read_table(p)
    assert (t.delimiter, t.encoding, t.headers) == (",", "utf-8-sig", ["Codice fiscale", "Nominativo", "Importo"])
    recs, errs = to_records(t, guess_mapping(t.headers))
    assert errs == [] and recs[0].debtor_name == "Rossi, Mario" and recs[0].amount_cents == 123450
    p.write_bytes(f"CF;Nome;Importo\n\n{CF};Nicolò;10\n".encode("cp1252"))
    t = read_table(p)
    assert (t.delimiter, t.encoding, t.row_numbers) == (";", "cp1252", [3])
    assert to_records(t, guess_mapping(t.headers))[0][0].debtor_name == "Nicolò"


def test_duplicate_headers_are_made_unique(tmp_path):
    p = make_xlsx(tmp_path / "a.xlsx", [["Importo", "Importo", ""], [1, 2, 3]])
    assert read_table(p).headers == ["Importo", "Importo (2)", "Colonna 3"]


@pytest.mark.parametrize("content,name,fragment", [
    (b"", "a.csv", "vuoto"), (b"PK\x03\x04 rotto", "a.xlsx", "non è leggibile"), (b"\n\n", "a.csv", "dati"),
    (b"a\x00b", "a.csv", "non è un CSV"),
])
def test_unreadable(tmp_path, content, name, fragment):
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(SpreadsheetError) as exc:
        read_table(p)
    assert fragment in str(exc.value) and name in str(exc.value)


def test_mapping_errors(tmp_path):
    p = make_xlsx(tmp_path / "a.xlsx", [["A"], [1]])
    t = read_table(p)
    with pytest.raises(SpreadsheetError, match="Colonna «B»"):
        to_records(t, {"iud": "B"})
    with pytest.raises(SpreadsheetError, match="sconosciuto"):
        to_records(t, {"nope": "A"})


def test_header_for_column():
    mapping = {"debtor_code": "C.F.", "debtor_surname": "Cognome", "debtor_given_name": "Nome"}
    assert header_for_column(mapping, "codiceIdentificativoUnivoco") == "C.F."
    assert header_for_column(mapping, "anagraficaPagatore") == "Cognome"
    assert header_for_column(mapping, "tipoDovuto") == "tipoDovuto"


def test_column_fast_paths_keep_cell_semantics(tmp_path):
    p = make_xlsx(tmp_path / "a.xlsx", [["Nome", "Indirizzo", "CF"],
                                        ["ROSSI\nMARIO", "VIA  ROMA", "rssmra85t10a562s"],
                                        ["BIANCHI", "PIAZZA DUOMO", "RSSMRA85T10A562S"]])
    cols, errors = __import__("mypay_desk.formats.spreadsheet", fromlist=["to_columns"]).to_columns(
        read_table(p), {"debtor_name": "Nome", "address": "Indirizzo", "debtor_code": "CF"})
    assert errors == []
    assert cols["debtor_name"] == ["ROSSI MARIO", "BIANCHI"]
    assert cols["address"] == ["VIA ROMA", "PIAZZA DUOMO"]
    assert cols["debtor_code"] == [CF, CF]


_CELLS = st.sampled_from([None, "", " ", "\t", "\u00a0", "x", " y ", "a\nb", "\n", 0, 0.0, 1.5, False,
                          date(2025, 1, 2)])


@settings(max_examples=300)
@given(st.integers(1, 3).flatmap(lambda w: st.lists(st.lists(_CELLS, min_size=w, max_size=w), min_size=1,
                                                    max_size=12)),
       st.integers(0, 3))
def test_sheet_rows_kept_are_the_non_empty_ones(body, start_row):
    """Whichever way the reader decides (whole first column, or row by row), it keeps exactly the rows
    with something in them, with their numbers in the sheet, and the columns match the rows."""
    from mypay_desk.formats.spreadsheet import _table_from_cells, to_columns

    width = len(body[0])
    cells = [[f"H{c}" for c in range(width)], *body]
    table = _table_from_cells(cells, start_row, "f.xlsx", "Foglio1")

    def blank(v):
        return v is None or (isinstance(v, str) and v.strip() == "")

    expected = [(start_row + i + 2, row) for i, row in enumerate(body) if not all(blank(v) for v in row)]
    assert table.header_row == start_row + 1
    assert list(zip(table.row_numbers, table.rows, strict=True)) == expected
    if table.columns is not None:
        assert [list(c) for c in table.columns] == [list(c) for c in zip(*table.rows, strict=True)]
    cols, _errors = to_columns(table, {"causale": "H0"})
    assert cols["source_row"] == table.row_numbers and len(cols["causale"]) == len(table.rows)


_TEXT_CELLS = st.one_of(st.sampled_from(["ROSSI", "VIA ROMA 1", "20100", "00184", "rm", "a@b.it", " x ", "A  B",
                                         "a\tb", "Università", "x\ny", "", " ", "12 3", "1;2", "Nicolò", "N°5",
                                         "x\x7f", "\u00a0y"]),
                        st.sampled_from([None, 184, 20100.0, 1.5, True, date(2025, 1, 2)]))
_FAST_FIELDS = ("debtor_name", "address", "civic", "city", "province", "country", "email", "iud", "debtor_code",
                "causale", "iuv", "collection_data")


@settings(max_examples=300)
@given(st.lists(st.lists(_TEXT_CELLS, min_size=len(_FAST_FIELDS), max_size=len(_FAST_FIELDS)), min_size=1,
                max_size=8),
       st.booleans())
def test_column_converters_agree_with_cell_converters(rows, same_cell):
    """The whole-column conversions give what the cell converters give, and the joined texts they
    hand on are exactly their columns joined by newlines."""
    from mypay_desk.formats.spreadsheet import CONVERTERS, Table, to_columns

    if same_cell:  # one value down every column: the clean fast paths run
        rows = [list(rows[0]) for _ in rows]
    headers = [f"C{i}" for i in range(len(_FAST_FIELDS))]
    table = Table(file_name="f.xlsx", headers=headers, rows=rows, row_numbers=list(range(2, len(rows) + 2)))
    texts: dict[str, str] = {}
    cols, errors = to_columns(table, dict(zip(_FAST_FIELDS, headers, strict=True)), texts)
    assert errors == []
    for i, fld in enumerate(_FAST_FIELDS):
        assert cols[fld] == [CONVERTERS[fld](r[i]) for r in rows], fld
    for fld, text in texts.items():
        assert text == "\n".join(cols[fld]), fld
    if same_cell and isinstance(rows[0][0], str) and rows[0][0] == "ROSSI":
        assert "debtor_name" in texts
