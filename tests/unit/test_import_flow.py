from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mypay_desk.domain.codes import is_portal_iuv
from mypay_desk.domain.debts import Accertamento, Capitolo, DebtRecord, columns_for_version
from mypay_desk.formats.bilancio import BilancioError, bilancio_xml, parse_bilancio
from mypay_desk.formats.import_flow import (
    FlowError,
    join_fields,
    parse_flow_name,
    read_flow,
    read_rejections,
    split_line,
    write_flow_csv,
    write_flow_zip,
    write_rejections_zip,
)

VERSIONS = ["1_0", "1_1", "1_2", "1_3", "1_4"]


def rec(i: int = 1, **kw) -> DebtRecord:
    base = DebtRecord(
        iud=f"IUD{i:05d}", debtor_type="F", debtor_code="RSSMRA85T10A562S", debtor_name="ROSSI; MARIO \"JR\"",
        address="VIA ROMA 1", civic="12", postal_code="20100", city="MILANO", province="MI", country="IT",
        email="m@example.it", due_date=date(2025, 6, 30), amount_cents=12345 + i, debt_type="TARI",
        causale=f"TARI 2025; rata {i}", collection_data="9/0101108TS/", action="I",
    )
    return replace(base, **kw)


def full_1_4(i: int = 1) -> DebtRecord:
    return rec(i, iuv="", pa_fee_cents=150, payment_type="BBT|PO",
               bilancio=[Capitolo("CAP<1>&", "UFF", [Accertamento(12345 + i - 100, "ACC1"), Accertamento(100)])],
               generate_iuv=True, multi_beneficiary=True, sec_fiscal_code="01199250158", sec_name="COMUNE B",
               sec_iban="IT60X0542811101000000123456", sec_address="VIA B", sec_civic="1", sec_postal_code="20100",
               sec_city="MILANO", sec_province="MI", sec_country="IT", sec_collection_data="9/0101108TS/x",
               sec_causale="quota", sec_amount_cents=500, action="M")


def strip_for(version: str, r: DebtRecord) -> DebtRecord:
    """What survives a flow of that version."""
    if version in ("1_0", "1_1"):
        r = replace(r, bilancio=None)
    if version in ("1_0", "1_1", "1_2"):
        r = replace(r, generate_iuv=False)
    if version != "1_4":
        r = replace(r, multi_beneficiary=False, sec_fiscal_code="", sec_name="", sec_iban="", sec_address="",
                    sec_civic="", sec_postal_code="", sec_city="", sec_province="", sec_country="",
                    sec_collection_data="", sec_causale="", sec_amount_cents=None)
    return r


@pytest.mark.parametrize("version", VERSIONS)
def test_zip_roundtrip_every_version(version):
    records = [full_1_4(1), rec(2, due_date=None, pa_fee_cents=None), rec(3, action="A")]
    name, data = write_flow_zip(records, "C_TEST", "FLUSSO20250101", version)
    assert name == f"C_TEST-FLUSSO20250101-{version}.zip"
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.namelist() == [name[:-4] + ".csv"]
        text = zf.read(zf.namelist()[0]).decode("utf-8")
    header = text.splitlines()[0].split(";")
    assert header == columns_for_version(version)
    got_version, got, errors = read_flow(data, name=name)
    assert errors == []
    assert got_version == version
    expected = [replace(strip_for(version, r), source_row=i) for i, r in enumerate(records, start=2)]
    assert got == expected


def test_version_guessed_from_columns_when_name_unknown(tmp_path):
    csv = write_flow_csv([full_1_4()], "1_3")
    p = tmp_path / "whatever.csv"
    p.write_bytes(csv)
    version, got, errors = read_flow(p)
    assert (version, errors) == ("1_3", [])
    assert got[0].generate_iuv and got[0].bilancio


def test_written_csv_syntax():
    text = write_flow_csv([rec(1, pa_fee_cents=0)], "1_1").decode("utf-8")
    line = text.splitlines()[1]
    assert line.startswith("IUD00001;;F;RSSMRA85T10A562S;\"ROSSI; MARIO \\\"JR\\\"\";VIA ROMA 1;")
    assert ";2025-06-30;123.46;0.00;TARI;;\"TARI 2025; rata 1\";9/0101108TS/;I" in line
    assert text.endswith("\n") and "\r" not in text


def test_1_4_writes_booleans_and_skips_secondary_when_off():
    line = write_flow_csv([rec(1)], "1_4").decode().splitlines()[1]
    fields = split_line(line)
    assert len(fields) == 35
    assert fields[20:22] == ["false", "false"] and fields[22:34] == [""] * 12 and fields[34] == "I"


def test_secondary_columns_ignored_when_flag_false():
    fields = split_line(write_flow_csv([full_1_4()], "1_4").decode().splitlines()[1])
    fields[21] = "false"
    text = ";".join(columns_for_version("1_4")) + "\n" + join_fields(fields) + "\n"
    _, got, errors = read_flow(text.encode(), name="x.csv")
    assert errors == [] and not got[0].multi_beneficiary and got[0].sec_name == ""


def test_header_is_ignored_and_blank_lines_skipped():
    body = write_flow_csv([rec(1), rec(2)], "1_2").decode().splitlines()
    text = "\n".join(["qualsiasi;intestazione", body[1], "", "   ", body[2]]) + "\r\n"
    version, got, errors = read_flow(text.encode("utf-8"), name="C_TEST-F1-1_2.csv")
    assert version == "1_2" and errors == []
    assert [r.source_row for r in got] == [2, 5]


def test_bom_and_crlf():
    data = b"\xef\xbb\xbf" + write_flow_csv([rec(1)], "1_1").replace(b"\n", b"\r\n")
    version, got, errors = read_flow(data, name="a.csv")
    assert (version, errors, got[0].iud) == ("1_1", [], "IUD00001")


def test_row_errors_name_line_and_column():
    good = write_flow_csv([rec(1)], "1_1").decode().splitlines()
    fields = split_line(good[1])
    bad_date = list(fields)
    bad_date[12] = "30/06/2025"
    bad_amount = list(fields)
    bad_amount[13] = "12,50"
    bad_action = list(fields)
    bad_action[19] = "X"
    too_many = [*fields, "extra"]
    too_few = fields[:10]
    lines = [good[0], join_fields(bad_date), join_fields(bad_amount), join_fields(bad_action),
             join_fields(too_many), join_fields(too_few)]
    _, got, errors = read_flow(("\n".join(lines) + "\n").encode(), name="C-F-1_1.csv")
    assert len(got) == 5  # every row kept
    by_row = {(e.row, e.column) for e in errors}
    assert (2, "dataScadenzaPagamento") in by_row
    assert (3, "importoDovuto") in by_row
    assert (4, "azione") in by_row
    assert (5, "21") in by_row and any("Too many columns" in e.message for e in errors)
    assert (6, "nazionePagatore") in by_row  # first missing column
    assert got[0].due_date is None and got[1].amount_cents == 0


def test_bad_bilancio_and_flag_are_row_errors():
    fields = split_line(write_flow_csv([full_1_4()], "1_4").decode().splitlines()[1])
    fields[19] = "<bilancio><capitolo><codCapitolo>X</codCapitolo></capitolo>"
    fields[20] = "si"
    text = ";".join(columns_for_version("1_4")) + "\n" + join_fields(fields)
    _, got, errors = read_flow(text.encode(), name="x.csv")
    assert {e.column for e in errors} == {"bilancio", "flagGeneraIuv"}
    assert got[0].bilancio is None


@pytest.mark.parametrize("data,name,fragment", [
    (b"", "a.csv", "vuoto"),
    (b"\n", "a.csv", "intestazione"),
    (b"a;b;c\nx;y;z\n", "a.csv", "versione"),
    ("IUD;x\n".encode("utf-16"), "a.csv", "UTF-8"),
    (b"PK\x03\x04garbage", "a.zip", "ZIP"),
])
def test_unreadable_files_are_refused(data, name, fragment):
    with pytest.raises(FlowError) as exc:
        read_flow(data, name=name)
    assert fragment in str(exc.value)
    assert name in str(exc.value)


def test_encoding_error_names_the_line():
    data = write_flow_csv([rec(1), rec(2)], "1_1").replace(b"ROSSI", b"R\xe0SSI", 2)
    with pytest.raises(FlowError) as exc:
        read_flow(data, name="x.csv")
    assert exc.value.row == 2


def test_zip_without_matching_csv():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("altro.txt", "x")
    with pytest.raises(FlowError, match="non contiene"):
        read_flow(buf.getvalue(), name="C_TEST-F-1_4.zip")
    # strict: the CSV inside must have the ZIP's name
    name, data = write_flow_zip([rec(1)], "C_TEST", "F1", "1_4")
    with pytest.raises(FlowError, match="non contiene"):
        read_flow(data, name="C_TEST-F2-1_4.zip", strict=True)
    assert read_flow(data, name="C_TEST-F2-1_4.zip")[0] == "1_4"  # lenient: the only CSV


def test_strict_refuses_plain_csv_and_bad_names():
    with pytest.raises(FlowError):
        read_flow(write_flow_csv([rec(1)], "1_4"), name="C_TEST-F-1_4.csv", strict=True)
    name, data = write_flow_zip([rec(1)], "C_TEST", "F1", "1_4")
    with pytest.raises(FlowError, match="NOME_FILE"):
        read_flow(data, name="C_TEST-F-1-1_4.zip", strict=True)


def test_flow_names():
    n = parse_flow_name("/tmp/C_X000-FLUSSO20250101-1_4.zip")
    assert (n.ipa_code, n.iuf, n.version, n.ext, n.suffix) == ("C_X000", "FLUSSO20250101", "1_4", "zip", "")
    assert parse_flow_name("C_X-F-1_3_SCARTI.zip").suffix == "_SCARTI"
    with pytest.raises(FlowError, match="VERSIONE"):
        parse_flow_name("C_X-F-2_0.zip")
    with pytest.raises(FlowError, match="NOME_FILE"):
        parse_flow_name("C_X-F.zip")
    with pytest.raises(FlowError):
        write_flow_zip([rec(1)], "C_X", "BAD-IUF", "1_4")


def test_writer_requires_actions():
    with pytest.raises(FlowError, match="azione"):
        write_flow_csv([rec(1, action="")], "1_4")


def test_scarti_roundtrip():
    name, data = write_flow_zip([rec(1), rec(2)], "C_TEST", "F1", "1_2")
    text = zipfile.ZipFile(io.BytesIO(data)).read(name[:-4] + ".csv").decode()
    header, line1, line2 = text.splitlines()
    sname, sdata = write_rejections_zip(name, header, [(line2, "PAA_IMPORT_SINTASSI_CSV_IUD", "IUD; duplicato")])
    assert sname == "C_TEST-F1-1_2_SCARTI.zip"
    version, rejections = read_rejections(sdata, name=sname)
    assert version == "1_2"
    r = rejections[0]
    assert (r.row, r.iud, r.action, r.code, r.message) == (2, "IUD00002", "I", "PAA_IMPORT_SINTASSI_CSV_IUD",
                                                            "IUD; duplicato")
    assert r.errors == [] and r.record.amount_cents == rec(2).amount_cents


def test_split_line_quotes_as_mypay():
    # cleanDoubleQuote unescapes \" only; "" stays as written (tests/unit/test_flow_csv_parity.py has the rest)
    assert split_line('a;"b;c";"d\\"e\\"";"f""g";') == ["a", "b;c", 'd"e"', 'f""g', ""]
    assert split_line('a;"b;c') == ['a;"b', "c"]  # odd quotes: MyPay splits where the quotes after are even
    with pytest.raises(FlowError):
        split_line('";x', 7)  # a column holding only a quote: MyPay fails on the row


def test_bilancio_xml_roundtrip_and_errors():
    bil = [Capitolo("C&1", "", [Accertamento(1050)]), Capitolo("C2", "U", [Accertamento(1, "A"), Accertamento(2)])]
    xml = bilancio_xml(bil)
    assert xml.startswith("<bilancio><capitolo><codCapitolo>C&amp;1</codCapitolo><accertamento><importo>10.50")
    assert parse_bilancio(xml) == bil
    ns = xml.replace("<bilancio>", '<bilancio xmlns="http://www.regione.veneto.it/schemas/2012/Pagamenti/Ente/">')
    assert parse_bilancio(ns) == bil
    for bad in ["<x/>", "<bilancio/>", "<bilancio><capitolo><accertamento><importo>1.00</importo></accertamento>"
                "</capitolo></bilancio>", "<bilancio><capitolo><codCapitolo>C</codCapitolo><accertamento>"
                "<importo>1,00</importo></accertamento></capitolo></bilancio>", "<bilancio>",
                '<!DOCTYPE x [<!ENTITY a "b">]><bilancio/>']:
        with pytest.raises(BilancioError):
            parse_bilancio(bad)


@pytest.mark.parametrize("version", VERSIONS)
def test_column_writer_matches_row_by_row_fields(version):
    from mypay_desk.formats.import_flow import record_to_fields

    records = [full_1_4(1), rec(2, due_date=None, pa_fee_cents=None, causale='a;"b"'), rec(3, action="A"),
               replace(full_1_4(4), multi_beneficiary=False)]
    lines = write_flow_csv(records, version).decode().splitlines()[1:]
    assert lines == [join_fields(record_to_fields(r, version)) for r in records]


_IUV_CELL = st.one_of(
    st.text(alphabet=["A", "1", " ", ";", '"', "\\", "\t", "\x01", "\u2028", "\xa0", "è"], max_size=6),
    # IUVs as the portal writes them, with what MyPay's splitting and trimming take away (or not)
    st.sampled_from(["12000000000000001", " 12000000000000001\t", '"12000000000000002"', "010000000000001",
                     "RF18539007547034", "\x0112000000000000003", "12000000000000004\xa0"]))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_IUV_CELL, min_size=0, max_size=4).map(";".join), max_size=8))
def test_read_iud_iuv_gives_what_the_whole_rows_give(lines):
    """The outcome's IUD -> IUV read from the first two columns only is what splitting every line the way
    MyPay does gives (quotes, Java trimming, blank and short lines, lines MyPay cannot read)."""
    from mypay_desk.formats import import_flow

    data = ("codIud;codIuv;altro\n" + "\n".join(lines)).encode("utf-8")
    _name, _header, raw = import_flow.read_raw_rows(data, name="x_IUV.csv")
    pairs = [(r.fields[0].strip(), r.fields[1].strip()) for r in raw
             if len(r.fields) > 1 and r.fields[0].strip() and r.fields[1].strip()]
    expected = dict(pairs)
    if all(is_portal_iuv(iuv) for _iud, iuv in pairs):
        assert import_flow.read_iud_iuv(data, name="x_IUV.csv") == expected
    else:  # a value no IUV can be: the file is refused (test_read_iud_iuv_refuses_what_no_iuv_can_be)
        with pytest.raises(import_flow.FlowError):
            import_flow.read_iud_iuv(data, name="x_IUV.csv")


@pytest.mark.parametrize("iuv", ["1" * 36, "0", "1" * 16, "ELABORATO", "12000000000000001 X", "120000000000000-01",
                                 "1200000000000000\x1a1", "Z" * 9_000, "è", "RF1", "RF18" + "1" * 22])
def test_read_iud_iuv_refuses_what_no_iuv_can_be(iuv):
    """An IUV the portal's outcome gives is stored on the debt and printed on its notice: a value of none of the
    shapes MyPay generates and accepts (15 or 17 digits, an RF reference) means a damaged file (retried later),
    named with its row and column; the message quotes it shortly."""
    from mypay_desk.formats import import_flow

    data = f"codIud;codIuv\nD1;12000000000000001\nD2;{iuv}\nD3;RF18539007547034\nD4;010000000000001\n".encode()
    with pytest.raises(import_flow.FlowError) as err:
        import_flow.read_iud_iuv(data, name="F_IUV.csv")
    assert (err.value.row, err.value.column) == (3, "codIuv") and "D2" in str(err.value)
    assert len(str(err.value)) < 300
    assert import_flow.read_iud_iuv(data.replace(f";{iuv}\n".encode(), b";12000000000000002\n"), name="F_IUV.csv") \
        == {"D1": "12000000000000001", "D2": "12000000000000002", "D3": "RF18539007547034", "D4": "010000000000001"}


def test_read_iud_iuv_of_a_zipped_outcome():
    from mypay_desk.formats.import_flow import read_iud_iuv

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("F_IUV.csv", 'codIud;codIuv\nD1;12000000000000001\n"D;2";"12000000000000002"\nD3;\n\n')
    assert read_iud_iuv(buf.getvalue(), name="F_IUV.zip") == {"D1": "12000000000000001", "D;2": "12000000000000002"}
