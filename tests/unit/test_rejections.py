"""MyPay's SCARTI codes taken apart and kept on the debt (issue 11, points 4 and 6).

The lines below are written the way MyPay writes them (RegioneDelVeneto/mypay, mypay4-be
scheduled/importflusso/ImportFlussoTaskService.java creaRigaFileScarti: the row as read + ";" + cod_rifiuto + ";"
+ de_rifiuto, unquoted; validaElabora appends each code after a "|", except PAA_IMPORT_SINTASSI_CSV_COD_FISC,
which it appends bare; leggiVerificaRiga's read errors carry PAA_IMPORT_SINTASSI_CSV and "|"-separated reasons).
"""

from __future__ import annotations

from datetime import date

import pytest

from mypay_desk.domain.debts import DebtRecord, columns_for_version
from mypay_desk.formats.import_flow import (
    read_rejections,
    record_to_fields,
    rejection_column,
    split_rejection_codes,
    write_rejections_zip,
)
from mypay_desk.services.rejections import codes_of, rejection_errors, stored_rejection
from mypay_desk.simulator import rules

MANUALE = "Per maggiori informazioni fare riferimento al manuale 'Integrazione Ente'"


def _line(iud: str, **kw) -> str:
    rec = DebtRecord(iud=iud, debtor_type="F", debtor_code="RSSMRA85T10A562S", debtor_name="ROSSI MARIO",
                     due_date=date(2030, 6, 30), amount_cents=1000, debt_type="TARI", causale="TARI; acconto",
                     collection_data="9/0101108TS/", action="I", **kw)
    fields = record_to_fields(rec, "1_4")
    return ";".join(f'"{f}"' if ";" in f else f for f in fields)


SCARTI = "\n".join([
    ";".join(columns_for_version("1_4")) + ";cod_rifiuto;de_rifiuto",
    _line("D1", iuv="12000000000000001", email="x y") + ";|PAA_IMPORT_SINTASSI_CSV_IUVPAA_IMPORT_SINTASSI_CSV_COD_FISC"
    "|PAA_IMPORT_SINTASSI_CSV_EMAIL;|Errore sintassi CSV campo codIuv. " + MANUALE + "|Errore sintassi CSV Codice "
    "fiscale non valido. " + MANUALE + "|Errore sintassi CSV campo emailPagatore. " + MANUALE,
    _line("D2") + ";PAA_IMPORT_SINTASSI_CSV;|Too many columns|CAUSALE_VERSAMENTO NON PRESENTE",
    _line("D3") + ";|PAA_IMPORT_IUD_DUPLICATO;|IUD attivo presente nel database, non si accettano dovuti duplicati",
    _line("D4") + ";PAA_IMPORT_ERROR;|CODICE PAA_IMPORT_ERROR DESCRIZIONE errore; con punto e virgola",
    "",
])


def test_codes_taken_apart_as_mypay_writes_them():
    assert split_rejection_codes("|PAA_IMPORT_SINTASSI_CSV_IUV|PAA_IMPORT_SINTASSI_CSV_EMAIL") == [
        "PAA_IMPORT_SINTASSI_CSV_IUV", "PAA_IMPORT_SINTASSI_CSV_EMAIL"]
    assert split_rejection_codes("|PAA_IMPORT_SINTASSI_CSV_IUVPAA_IMPORT_SINTASSI_CSV_COD_FISC") == [
        "PAA_IMPORT_SINTASSI_CSV_IUV", "PAA_IMPORT_SINTASSI_CSV_COD_FISC"]
    assert split_rejection_codes("PAA_IMPORT_ENTE_ERR(C_X,C_Y)") == ["PAA_IMPORT_ENTE_ERR(C_X,C_Y)"]
    assert split_rejection_codes("") == []


def test_read_rejections_of_a_mypay_scarti_file():
    _v, rows = read_rejections(SCARTI.encode(), name="C_TEST-F1-1_4_SCARTI.csv")
    by_iud = {r.iud: r for r in rows}
    assert set(by_iud) == {"D1", "D2", "D3", "D4"}
    d1 = by_iud["D1"]
    assert d1.codes == ["PAA_IMPORT_SINTASSI_CSV_IUV", "PAA_IMPORT_SINTASSI_CSV_COD_FISC",
                        "PAA_IMPORT_SINTASSI_CSV_EMAIL"]
    assert len(d1.descriptions) == 3 and "emailPagatore" in d1.descriptions[2]
    assert d1.record.causale == "TARI; acconto" and d1.errors == []
    assert by_iud["D2"].codes == ["PAA_IMPORT_SINTASSI_CSV"]
    assert by_iud["D2"].descriptions == ["Too many columns", "CAUSALE_VERSAMENTO NON PRESENTE"]
    assert by_iud["D3"].codes == ["PAA_IMPORT_IUD_DUPLICATO"]
    assert by_iud["D4"].codes == ["PAA_IMPORT_ERROR"] and "con punto e virgola" in by_iud["D4"].message


def test_each_code_kept_on_the_debt_with_its_italian_message_and_column():
    _v, rows = read_rejections(SCARTI.encode(), name="C_TEST-F1-1_4_SCARTI.csv")
    d1 = next(r for r in rows if r.iud == "D1")
    code, message = stored_rejection(d1.codes, d1.descriptions)
    assert code == "PAA_IMPORT_SINTASSI_CSV_IUV|PAA_IMPORT_SINTASSI_CSV_COD_FISC" and len(code) <= 80
    assert codes_of(code, message) == d1.codes
    errors = rejection_errors(code, message)
    assert [e.field for e in errors] == ["codIuv", "codiceIdentificativoUnivoco", "emailPagatore"]
    assert "codice fiscale" in errors[1].message and errors[1].message.startswith(
        "Rifiutato dal portale (PAA_IMPORT_SINTASSI_CSV_COD_FISC): ")
    # a desk fault (one code, plain message) and an unknown code on the whole row
    (fault,) = rejection_errors("PAA_CODICE_FISCALE_NON_VALIDO", "Codice fiscale non valido [X]")
    assert fault.field == "codiceIdentificativoUnivoco" and "[X]" in fault.message
    assert rejection_column("|PAA_IMPORT_FLUSSO_DUPLICATO") == ""


@pytest.mark.parametrize("column,suffix", [(c, s) for c, s in rules._COLUMN_CODES.items() if s])
def test_the_sandbox_and_the_app_agree_on_the_column_of_each_code(column, suffix):
    assert rejection_column(f"{rules.SINTASSI}_{suffix}") == column


def test_sandbox_writes_codes_as_mypay_does_and_the_app_reads_them_back():
    pairs = [(f"{rules.SINTASSI}_IUV", "codIuv: x"), (f"{rules.SINTASSI}_COD_FISC", "cf: y"),
             (f"{rules.SINTASSI}_EMAIL", 'email: "z')]
    code, description = rules.join_codes(pairs)
    assert code == "|PAA_IMPORT_SINTASSI_CSV_IUVPAA_IMPORT_SINTASSI_CSV_COD_FISC|PAA_IMPORT_SINTASSI_CSV_EMAIL"
    assert description == '|codIuv: x|cf: y|email: "z'
    line = _line("D9")
    name, data = write_rejections_zip("C_TEST-F9-1_4.zip", ";".join(columns_for_version("1_4")),
                                      [(line, code, description)])
    _v, (row,) = read_rejections(data, name=name)
    assert row.iud == "D9" and row.codes == [c for c, _ in pairs]
    assert row.descriptions == ["codIuv: x", "cf: y", "email: 'z"]  # a quote would move MyPay's split
