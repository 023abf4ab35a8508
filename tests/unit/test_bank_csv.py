from __future__ import annotations

from datetime import date

import pytest

from mypay_desk.domain.money import MoneyError
from mypay_desk.formats.bank_csv import (
    BankCsvError,
    BankCsvMapping,
    guess_mapping,
    parse_bank_csv,
    parse_date,
    parse_signed_amount,
)

IUF = "2024-01-15ABI03069-0000000001"

STATEMENT = (
    "Intestatario;COMUNE DI PROVA\n"
    "IBAN;IT60X0542811101000000123456\n"
    "\n"
    "Data contabile;Data valuta;Entrate;Uscite;Causale;Descrizione;Ordinante\n"
    f"16/01/2024;15/01/2024;1.186,00;;48 BONIFICO;/PUR/LGPE- RIVERSAMENTO/URI/{IUF};BANCA DI PROVA\n"
    "16/01/2024;16/01/2024;;250,00;26 DISPOSIZIONE;PAGAMENTO FORNITORE;\n"
    "17/01/2024;17/01/2024;50,00;;48 BONIFICO;/RFB/012345678901234/50.00;MARIO ROSSI\n"
    "17/01/2024;17/01/2024;50,00;;48 BONIFICO;/RFB/012345678901234/50.00;MARIO ROSSI\n"
    ";;;;SALDO FINALE;;\n"
)


def test_statement_with_preamble_and_credit_debit_columns():
    res = parse_bank_csv(STATEMENT.encode("cp1252"), "ec.csv")
    assert res.header_line == 4
    assert res.mapping.credit == "Entrate" and res.mapping.debit == "Uscite"
    assert res.mapping.causale == "Causale+Descrizione"
    assert res.debits == 1 and res.skipped == 1 and res.errors == []
    assert [r.amount_cents for r in res.records] == [118600, 5000, 5000]
    first = res.records[0]
    assert first.book_date == date(2024, 1, 16) and first.value_date == date(2024, 1, 15)
    assert first.iuf == IUF and first.payer == "BANCA DI PROVA" and first.position == 5
    assert res.records[1].iuv == "012345678901234"
    # two identical credits in one statement are two credits, and keys are stable across reads
    assert res.records[1].dedupe_key != res.records[2].dedupe_key
    again = parse_bank_csv(STATEMENT.encode("utf-8"), "copy.csv")
    assert [r.dedupe_key for r in again.records] == [r.dedupe_key for r in res.records]


def test_explicit_mapping_with_signed_amount_and_comma_separator():
    data = (
        "Booking,Valuta,Amount,Text,From\n"
        f'2024-01-16,2024-01-15,"1,186.00","/PUR/LGPE-RIVERSAMENTO/URI/{IUF}",PSP\n'
        '2024-01-16,2024-01-16,-12.50,"ADDEBITO",\n'
    ).encode()
    mapping = BankCsvMapping.parse("date=Booking,value_date=Valuta,amount=Amount,causale=Text,payer=From")
    res = parse_bank_csv(data, "x.csv", mapping)
    assert [(r.amount_cents, r.iuf, r.payer) for r in res.records] == [(118600, IUF, "PSP")]
    assert res.debits == 1


def test_partial_mapping_completes_the_guess():
    data = b"Data;Importo;Note\n01/02/2024;10,00;/RFB/012345678901234\n"
    res = parse_bank_csv(data, "x.csv", BankCsvMapping(causale="Note"))
    assert res.records[0].iuv == "012345678901234"


def test_bad_rows_are_reported_with_row_and_column():
    data = b"Data;Importo;Causale\n01/02/2024;10,00;ok\n31/02/2024;10,00;x\n01/03/2024;dieci;y\n"
    res = parse_bank_csv(data, "x.csv")
    assert len(res.records) == 1
    assert [(e.row, e.column) for e in res.errors] == [(3, "Data"), (4, "Importo")]
    assert "x.csv, riga 4, colonna «Importo»" in str(res.errors[1])


def test_unknown_layout_is_refused_with_advice():
    with pytest.raises(BankCsvError, match="intestazione non riconosciuta"):
        parse_bank_csv(b"a;b;c\n1;2;3\n", "x.csv")
    with pytest.raises(BankCsvError, match="«Quando»"):
        parse_bank_csv(b"a;b;c\n1;2;3\n", "x.csv", BankCsvMapping(date="Quando", amount="Quanto"))
    with pytest.raises(BankCsvError, match="non è un file di testo"):
        parse_bank_csv(b"PK\x03\x04\x00\x00binary", "x.csv")


def test_mapping_parse_errors():
    with pytest.raises(ValueError, match="sconosciuto"):
        BankCsvMapping.parse("quando=Data")
    with pytest.raises(ValueError, match="campo=colonna"):
        BankCsvMapping.parse("Data")
    assert BankCsvMapping.parse("delimiter=tab").delimiter == "\t"


@pytest.mark.parametrize(
    "text,cents",
    [("1.234,56", 123456), ("-1.234,56", -123456), ("1.234,56-", -123456), ("+12,00", 1200),
     ("1,234.56", 123456), ("12.50", 1250), ("(5,00)", -500), ("€ 7,5", 750), ("1.000", 100000)],
)
def test_amounts(text, cents):
    assert parse_signed_amount(text) == cents


def test_bad_amount():
    with pytest.raises(MoneyError):
        parse_signed_amount("1,2,3")


@pytest.mark.parametrize(
    "text,expected",
    [("16/01/2024", date(2024, 1, 16)), ("16-01-2024", date(2024, 1, 16)), ("16.01.24", date(2024, 1, 16)),
     ("2024-01-16", date(2024, 1, 16)), ("2024-01-16 00:00:00", date(2024, 1, 16)), ("20240116", date(2024, 1, 16))],
)
def test_dates(text, expected):
    assert parse_date(text) == expected


def test_guess_mapping_prefers_separate_columns():
    m = guess_mapping(["Data operazione", "Importo", "Avere", "Dare", "Descrizione operazione"])
    assert (m.date, m.amount, m.credit, m.debit, m.causale) == (
        "Data operazione", "", "Avere", "Dare", "Descrizione operazione")
