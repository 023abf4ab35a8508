"""Receipt export (flusso export RT 1.0-1.3): writer, reader, names, bad rows; receipt XML."""

from __future__ import annotations

import base64
import csv
import io
import zipfile
from datetime import date, datetime

import pytest

from mypay_desk.formats import receipt_export as rx
from mypay_desk.formats.receipt_xml import (
    ReceiptData,
    ReceiptXmlError,
    TransferData,
    decode_receipt_xml,
    write_receipt_xml,
)
from mypay_desk.formats.xmlsafe import XmlError

WHEN = datetime(2025, 3, 4, 5, 6, 7)


def _receipt_xml(iuv: str = "120000000000001234", cents: int = 12345) -> bytes:
    return write_receipt_xml(ReceiptData(
        receipt_id="rcpt-1", notice_number="3" + iuv, fiscal_code="01199250158", iuv=iuv, amount_cents=cents,
        description="TARI 2025 rata unica", company_name="Comune di Prova", debtor_type="F",
        debtor_code="RSSMRA80A01F205X", debtor_name="Mario Rossi",
        transfers=[TransferData(cents, "01199250158", "IT60X0542811101000000123456", "TARI 2025", "9/0101108TS/")],
        psp_id="BCITITMM", psp_name="Intesa Sanpaolo", fee_cents=150,
        payment_datetime=datetime(2025, 3, 1, 10, 20, 30), application_date=date(2025, 3, 1),
    ))


def _row(i: int = 1, **kw) -> rx.ReceiptRow:
    base = dict(
        iuf="EXP-1", numRigaFlusso=str(i), codIud=f"IUD-{i}", codIuv=f"1200000000000{i:04d}",
        versioneOggetto="6.2.0", identificativoDominio="01199250158",
        identificativoMessaggioRicevuta=f"MSG-{i}", dataOraMessaggioRicevuta="2025-03-01T10:20:30",
        tipoIdentificativoUnivoco="B", codiceIdentificativoUnivoco="BCITITMM",
        denominazioneAttestante="Intesa Sanpaolo", anagraficaPagatore='Mario "il Rosso"; Rossi',
        soggPagTipoIdentificativoUnivoco="F", soggPagCodiceIdentificativoUnivoco="RSSMRA80A01F205X",
        codiceEsitoPagamento="0", importoTotalePagato="123.45", identificativoUnivocoVersamento=f"1200000000000{i:04d}",
        singoloImportoPagato="123.45", esitoSingoloPagamento="ESEGUITO", dataEsitoSingoloPagamento="2025-03-01",
        identificativoUnivocoRiscoss=f"IUR{i}", causaleVersamento="TARI 2025\nrata unica",
        datiSpecificiRiscossione="9/0101108TS/", tipoDovuto="TARI",
        tipoFirma="", indiceDatiSingoloPagamento="1", numRtDatiPagDatiSingPagCommissioniApplicatePsp="1.50",
        bilancio="<bilancio/>", cod_fiscale_pa1="", de_nome_pa1="", cod_tassonomico_dovuto_pa1="",
    )
    base.update(kw)
    return rx.ReceiptRow(**base)


def test_column_counts_per_version():
    assert len(rx.BASE_COLUMNS) == 64
    counts = {(v, r): len(rx.columns_for(v, r)) for v in rx.VERSIONS for r in (False, True)}
    assert counts == {("1.0", False): 64, ("1.0", True): 70, ("1.1", False): 64, ("1.1", True): 70,
                      ("1.2", False): 65, ("1.2", True): 71, ("1.3", False): 68, ("1.3", True): 74}
    cols = rx.columns_for("1.3", True)
    assert cols[63] == "tipoDovuto" and cols[64] == "tipoFirma" and cols[65] == "rt"
    assert cols[70:] == ("bilancio", "cod_fiscale_pa1", "de_nome_pa1", "cod_tassonomico_dovuto_pa1")
    with pytest.raises(ValueError):
        rx.columns_for("1.4", False)


def test_csv_syntax_every_field_quoted_semicolon_lf():
    data = rx.write_export_csv([_row(1)], "1.2", False)
    text = data.decode("utf-8")
    lines = text.split("\n")
    assert lines[0].startswith('"iuf";"numRigaFlusso";"codIud"') and lines[0].endswith('"bilancio"')
    assert "\r" not in text and text.endswith("\n")
    assert '"Mario ""il Rosso""; Rossi"' in text  # quotes doubled, ; inside quotes
    parsed = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert len(parsed) == 2 and all(len(r) == 65 for r in parsed)
    assert parsed[1][61] == "TARI 2025\nrata unica"


@pytest.mark.parametrize("version", rx.VERSIONS)
@pytest.mark.parametrize("with_receipt", [False, True])
def test_round_trip_zip_per_version(version, with_receipt):
    xml = _receipt_xml()
    rows = [_row(1, rt_xml=xml), _row(2, rt_xml=xml, singoloImportoPagato="7", importoTotalePagato="7.5")]
    name, payload = rx.write_export_zip(rows, version, with_receipt, export_id="4711", when=WHEN,
                                        ipa_code="C_TEST")
    if version == "1.0":
        assert name == "4711_ESTRAZIONE_DOVUTI_2025-03-04_05_06_07.zip"
    else:
        assert name == f"C_TEST-4711_ESTRAZIONE_DOVUTI_20250304050607-{version.replace('.', '_')}.zip"
    with zipfile.ZipFile(io.BytesIO(payload)) as zf:
        assert zf.namelist() == [name[:-4] + ".csv"]
    res = rx.read_export(payload, name)
    assert (res.version, res.with_receipt) == (version, with_receipt)
    assert res.errors == [] and res.data_rows == 2
    got = res.rows
    assert [r.codIud for r in got] == ["IUD-1", "IUD-2"]
    assert got[0].anagraficaPagatore == 'Mario "il Rosso"; Rossi'
    assert got[0].causaleVersamento == "TARI 2025\nrata unica"
    assert got[0].amount_cents == 12345 and got[1].amount_cents == 700 and got[1].total_paid_cents == 750
    assert got[0].outcome_date == date(2025, 3, 1)
    assert got[0].receipt_datetime == datetime(2025, 3, 1, 10, 20, 30)
    assert got[0].row_number == 2 and got[1].row_number == 4  # the causale spans two lines
    for col in rx.columns_for(version, with_receipt):
        if col != "rt":
            assert getattr(got[0], col) == getattr(rows[0], col), col
    if with_receipt:
        assert got[0].rt_xml == xml and got[0].payment_index == 1 and got[0].psp_fee_cents == 150
        assert base64.b64decode(got[0].rt) == xml
    else:
        assert got[0].rt_xml == b"" and got[0].rt == ""
    if version in ("1.2", "1.3"):
        assert got[0].bilancio == "<bilancio/>"
    else:
        assert got[0].bilancio == ""


@pytest.mark.parametrize(("version", "with_receipt", "expected"), [
    ("1.0", False, ("1.0", False)), ("1.1", True, ("1.1", True)), ("1.2", False, ("1.2", False)),
    ("1.2", True, ("1.2", True)), ("1.3", False, ("1.3", False)), ("1.3", True, ("1.3", True)),
])
def test_version_detected_from_column_count_without_name(version, with_receipt, expected):
    res = rx.read_export(rx.write_export_csv([_row(1, rt_xml=_receipt_xml())], version, with_receipt))
    assert (res.version, res.with_receipt) == expected and len(res.rows) == 1


def test_csv_file_on_disk_and_name_decides_10_vs_11(tmp_path):
    data = rx.write_export_csv([_row(1)], "1.1", False)
    p = tmp_path / "C_TEST-9_ESTRAZIONE_DOVUTI_20250101000000-1_1.csv"
    p.write_bytes(data)
    assert rx.read_export(p).version == "1.1"
    q = tmp_path / "whatever.csv"
    q.write_bytes(data)
    assert rx.read_export(q).version == "1.0"


def test_parse_export_name():
    n = rx.parse_export_name("C_TEST-77_ESTRAZIONE_DOVUTI_20250102030405-1_3.zip")
    assert n == rx.ExportName("1.3", "77", datetime(2025, 1, 2, 3, 4, 5), "C_TEST")
    assert rx.parse_export_name("/x/77_ESTRAZIONE_DOVUTI_2025-01-02_03_04_05.csv").version == "1.0"
    assert rx.parse_export_name("ricevute.zip") is None


def test_secondary_ente_rows_in_13():
    row = _row(5, tipoDovuto=rx.SECONDARY_ENTE_TYPE, cod_fiscale_pa1="80012345678", de_nome_pa1="Provincia",
               cod_tassonomico_dovuto_pa1="9/0101108TS/")
    res = rx.read_export(rx.write_export_csv([row], "1.3", True))
    r = res.rows[0]
    assert r.is_secondary and r.cod_fiscale_pa1 == "80012345678" and r.de_nome_pa1 == "Provincia"


def test_bad_rows_reported_rest_read():
    good = _row(1, rt_xml=_receipt_xml())
    text = rx.write_export_csv([good, _row(2, rt_xml=_receipt_xml()), _row(3, rt_xml=_receipt_xml()),
                                _row(4, rt_xml=_receipt_xml()), _row(5, rt_xml=_receipt_xml()),
                                _row(6, rt_xml=_receipt_xml()), _row(7)], "1.3", True).decode()
    lines = text.split("\n")
    # rows start at lines 2,4,6,... because the causale has an embedded newline
    bomb = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
            b"<receipt>&lol2;</receipt>")
    xxe = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>'
    b64 = base64.b64encode(_receipt_xml()).decode()
    lines[4] = lines[4].replace(b64, "@@not base64@@")  # record starting at line 4 (row 2)
    lines[6] = lines[6].replace(b64, base64.b64encode(b"<receipt><unclosed></receipt>").decode())
    lines[8] = lines[8].replace(b64, base64.b64encode(bomb).decode())
    lines[10] = lines[10].replace(b64, base64.b64encode(xxe).decode())
    lines[11] = lines[11].replace('"2025-03-01";"IUR6"', '"01/03/2025";"IUR6"')
    lines[13] = lines[13].replace('"123.45";"ESEGUITO"', '"12,3.4";"ESEGUITO"')
    lines.insert(15, '"only";"three";"columns"')
    res = rx.read_export("\n".join(lines).encode())
    assert [r.codIud for r in res.rows] == ["IUD-1"]
    errs = {e.row: e for e in res.errors}
    assert set(errs) == {4, 6, 8, 10, 12, 14, 16}, res.errors
    assert errs[4].column == "rt" and "base64" in errs[4].message
    assert errs[6].column == "rt" and "XML" in errs[6].message
    assert errs[8].column == "rt" and "DTD" in errs[8].message
    assert errs[10].column == "rt" and "DTD" in errs[10].message
    assert errs[12].column == "dataEsitoSingoloPagamento"
    assert errs[14].column == "singoloImportoPagato"
    assert "numero di colonne errato: 3 invece di 74" in errs[16].message
    assert res.data_rows == 8


def test_not_an_export():
    with pytest.raises(rx.ExportFormatError, match="colonne"):
        rx.read_export(b'"a";"b"\n"1";"2"\n')
    with pytest.raises(rx.ExportFormatError, match="vuoto"):
        rx.read_export(b"")
    with pytest.raises(rx.ExportFormatError, match="CSV"):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            zf.writestr("readme.txt", "x")
        rx.read_export(buf.getvalue(), "x.zip")
    with pytest.raises(rx.ExportFormatError, match="ZIP"):
        rx.read_export(b"PK\x03\x04garbage", "x.zip")


def test_windows_1252_export_and_bom():
    row = _row(1, anagraficaPagatore="Niccolò Società")
    cp = rx.write_export_csv([row], "1.0", False).decode("utf-8").encode("cp1252")
    assert rx.read_export(cp).rows[0].anagraficaPagatore == "Niccolò Società"
    bom = b"\xef\xbb\xbf" + rx.write_export_csv([row], "1.0", False)
    res = rx.read_export(bom)
    assert res.errors == [] and res.rows[0].anagraficaPagatore == "Niccolò Società"


def test_missing_header_is_reported_but_rows_read():
    data = rx.write_export_csv([_row(1), _row(2)], "1.2", False)
    body = data.split(b"\n", 1)[1]
    res = rx.read_export(body)
    assert len(res.rows) == 2 and res.errors and "intestazione" in res.errors[0].message


def test_receipt_xml_round_trip_and_rt_and_pagati():
    s = decode_receipt_xml(_receipt_xml())
    assert s.kind == "paSendRT" and s.iuv == "120000000000001234" and s.amount_cents == 12345
    assert s.debtor_name == "Mario Rossi" and s.psp_name == "Intesa Sanpaolo" and s.fee_cents == 150
    assert s.transfers[0].category == "9/0101108TS/" and s.warnings == []
    labels = dict(s.display_rows())
    assert labels["Importo"] == "123,45 €" and labels["Esito"] == "Pagamento eseguito"
    rt = b"""<RT xmlns="http://www.digitpa.gov.it/schemas/2011/Pagamenti/"><versioneOggetto>6.2</versioneOggetto>
      <identificativoMessaggioRicevuta>M1</identificativoMessaggioRicevuta>
      <dataOraMessaggioRicevuta>2024-05-06T07:08:09</dataOraMessaggioRicevuta>
      <istitutoAttestante><identificativoUnivocoAttestante><codiceIdentificativoUnivoco>PSP1</codiceIdentificativoUnivoco>
      </identificativoUnivocoAttestante><denominazioneAttestante>Banca</denominazioneAttestante></istitutoAttestante>
      <soggettoPagatore><anagraficaPagatore>Anna</anagraficaPagatore></soggettoPagatore>
      <datiPagamento><codiceEsitoPagamento>2</codiceEsitoPagamento><importoTotalePagato>5.00</importoTotalePagato>
      <identificativoUnivocoVersamento>RF12345</identificativoUnivocoVersamento>
      <datiSingoloPagamento><singoloImportoPagato>5.00</singoloImportoPagato>
      <causaleVersamento>Mensa</causaleVersamento></datiSingoloPagamento></datiPagamento></RT>"""
    s = decode_receipt_xml(rt)
    assert (s.kind, s.iuv, s.amount_cents, s.psp_name, s.debtor_name, s.outcome) == \
        ("RT", "RF12345", 500, "Banca", "Anna", "2")
    assert s.outcome_label == "Pagamento parzialmente eseguito"
    with pytest.raises(ReceiptXmlError):
        decode_receipt_xml(b"<foo/>")
    with pytest.raises(XmlError):
        decode_receipt_xml(b'<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>')


def test_repeated_amounts_and_days_read_alike_and_bad_ones_reported_each_time():
    # the reader parses each distinct amount/day text once: the results must not depend on it
    rows = [_row(1), _row(2, singoloImportoPagato="12.5", importoTotalePagato="12.5"),
            _row(3, singoloImportoPagato="12.5", importoTotalePagato="20", dataEsitoSingoloPagamento=" "),
            _row(4, singoloImportoPagato="1,00"), _row(5, singoloImportoPagato="1,00"),
            _row(6, dataEsitoSingoloPagamento="2025-02-30"), _row(7, dataEsitoSingoloPagamento="2025-02-30"),
            _row(8, singoloImportoPagato="12.5", importoTotalePagato="12.5", dataEsitoSingoloPagamento="2025-03-01")]
    data = rx.write_export_csv(rows, "1.3", False)
    for records in (False, True):
        items = [item for _r, item in rx.iter_export(data, "x.csv", records=records)]
        # (each record takes two lines: the causale has a line break)
        assert [(i.row, i.column) for i in items if isinstance(i, rx.RowError)] == [
            (8, "singoloImportoPagato"), (10, "singoloImportoPagato"), (12, "dataEsitoSingoloPagamento"),
            (14, "dataEsitoSingoloPagamento")]
        good = [i for i in items if not isinstance(i, rx.RowError)]
        assert [(g.amount_cents, g.total_paid_cents, g.outcome_date) for g in good] == [
            (12345, 12345, date(2025, 3, 1)), (1250, 1250, date(2025, 3, 1)), (1250, 2000, date(2025, 3, 1)),
            (1250, 1250, date(2025, 3, 1))]


def test_reader_position_says_how_much_of_the_csv_is_read(tmp_path):
    """The importer sizes its last batches by it: (bytes read, size) of the CSV, in a ZIP or alone."""
    name, payload = rx.write_export_zip([_row(i) for i in range(1, 301)], "1.3", False, export_id="1",
                                        when=datetime(2025, 3, 2), ipa_code="C_TEST")
    with zipfile.ZipFile(io.BytesIO(payload)) as zf:
        csv_bytes = zf.read(zf.namelist()[0])
    (tmp_path / "x.csv").write_bytes(csv_bytes)
    for source in (payload, tmp_path / "x.csv", csv_bytes):
        seen = []
        for reader, _item in rx.iter_export(source, name if isinstance(source, bytes) else "", records=True):
            seen.append(reader.position())
        assert seen[0][1] == len(csv_bytes) and seen[-1] == (len(csv_bytes), len(csv_bytes))
        assert all(0 < done <= size for done, size in seen) and seen == sorted(seen)
