from __future__ import annotations

import base64
import io
import zipfile
from datetime import date, datetime

import pytest

from mypay_desk.formats.fdr import (
    FdrError,
    FdrFlowData,
    FdrLineData,
    parse_fdr,
    write_fdr,
    zip_members,
)

SAMPLE = b"""<?xml version="1.0" encoding="UTF-8"?>
<pay_i:FlussoRiversamento xmlns:pay_i="http://www.digitpa.gov.it/schemas/2011/Pagamenti/">
  <pay_i:versioneOggetto>1.0</pay_i:versioneOggetto>
  <pay_i:identificativoFlusso>2024-01-15ABI03069-0000000001</pay_i:identificativoFlusso>
  <pay_i:dataOraFlusso>2024-01-16T08:30:00</pay_i:dataOraFlusso>
  <pay_i:identificativoUnivocoRegolamento>TRN0001</pay_i:identificativoUnivocoRegolamento>
  <pay_i:dataRegolamento>2024-01-15</pay_i:dataRegolamento>
  <pay_i:istitutoMittente>
    <pay_i:identificativoUnivocoMittente>
      <pay_i:tipoIdentificativoUnivoco>B</pay_i:tipoIdentificativoUnivoco>
      <pay_i:codiceIdentificativoUnivoco>BCITITMM</pay_i:codiceIdentificativoUnivoco>
    </pay_i:identificativoUnivocoMittente>
    <pay_i:denominazioneMittente>Banca di Prova</pay_i:denominazioneMittente>
  </pay_i:istitutoMittente>
  <pay_i:istitutoRicevente>
    <pay_i:identificativoUnivocoRicevente>
      <pay_i:tipoIdentificativoUnivoco>G</pay_i:tipoIdentificativoUnivoco>
      <pay_i:codiceIdentificativoUnivoco>01199250158</pay_i:codiceIdentificativoUnivoco>
    </pay_i:identificativoUnivocoRicevente>
    <pay_i:denominazioneRicevente>Comune di Prova</pay_i:denominazioneRicevente>
  </pay_i:istitutoRicevente>
  <pay_i:numeroTotalePagamenti>5</pay_i:numeroTotalePagamenti>
  <pay_i:importoTotalePagamenti>186.00</pay_i:importoTotalePagamenti>
  <pay_i:datiSingoliPagamenti>
    <pay_i:identificativoUnivocoVersamento>01000000000000001</pay_i:identificativoUnivocoVersamento>
    <pay_i:identificativoUnivocoRiscossione>IUR1</pay_i:identificativoUnivocoRiscossione>
    <pay_i:indiceDatiSingoloPagamento>1</pay_i:indiceDatiSingoloPagamento>
    <pay_i:singoloImportoPagato>100.00</pay_i:singoloImportoPagato>
    <pay_i:codiceEsitoSingoloPagamento>0</pay_i:codiceEsitoSingoloPagamento>
    <pay_i:dataEsitoSingoloPagamento>2024-01-14</pay_i:dataEsitoSingoloPagamento>
  </pay_i:datiSingoliPagamenti>
  <pay_i:datiSingoliPagamenti>
    <pay_i:identificativoUnivocoVersamento>01000000000000002</pay_i:identificativoUnivocoVersamento>
    <pay_i:identificativoUnivocoRiscossione>IUR2</pay_i:identificativoUnivocoRiscossione>
    <pay_i:singoloImportoPagato>-10.00</pay_i:singoloImportoPagato>
    <pay_i:codiceEsitoSingoloPagamento>3</pay_i:codiceEsitoSingoloPagamento>
    <pay_i:dataEsitoSingoloPagamento>2024-01-14</pay_i:dataEsitoSingoloPagamento>
  </pay_i:datiSingoliPagamenti>
  <pay_i:datiSingoliPagamenti>
    <pay_i:identificativoUnivocoVersamento>01000000000000003</pay_i:identificativoUnivocoVersamento>
    <pay_i:identificativoUnivocoRiscossione>IUR3</pay_i:identificativoUnivocoRiscossione>
    <pay_i:singoloImportoPagato>32.00</pay_i:singoloImportoPagato>
    <pay_i:codiceEsitoSingoloPagamento>4</pay_i:codiceEsitoSingoloPagamento>
    <pay_i:dataEsitoSingoloPagamento>2024-01-14</pay_i:dataEsitoSingoloPagamento>
  </pay_i:datiSingoliPagamenti>
  <pay_i:datiSingoliPagamenti>
    <pay_i:identificativoUnivocoVersamento>01000000000000004</pay_i:identificativoUnivocoVersamento>
    <pay_i:identificativoUnivocoRiscossione>IUR4</pay_i:identificativoUnivocoRiscossione>
    <pay_i:singoloImportoPagato>40.00</pay_i:singoloImportoPagato>
    <pay_i:codiceEsitoSingoloPagamento>8</pay_i:codiceEsitoSingoloPagamento>
    <pay_i:dataEsitoSingoloPagamento>2024-01-14</pay_i:dataEsitoSingoloPagamento>
  </pay_i:datiSingoliPagamenti>
  <pay_i:datiSingoliPagamenti>
    <pay_i:identificativoUnivocoVersamento>01000000000000005</pay_i:identificativoUnivocoVersamento>
    <pay_i:identificativoUnivocoRiscossione>IUR5</pay_i:identificativoUnivocoRiscossione>
    <pay_i:singoloImportoPagato>24.00</pay_i:singoloImportoPagato>
    <pay_i:codiceEsitoSingoloPagamento>9</pay_i:codiceEsitoSingoloPagamento>
    <pay_i:dataEsitoSingoloPagamento>2024-01-14</pay_i:dataEsitoSingoloPagamento>
  </pay_i:datiSingoliPagamenti>
</pay_i:FlussoRiversamento>
"""


def test_parse_sample_flow():
    flow = parse_fdr(SAMPLE, "flow.xml")
    assert flow.flow_id == "2024-01-15ABI03069-0000000001"
    assert flow.flow_datetime == datetime(2024, 1, 16, 8, 30)
    assert flow.settlement_id == "TRN0001"
    assert flow.settlement_date == date(2024, 1, 15)
    assert (flow.sender_type, flow.sender_id, flow.sender_name) == ("B", "BCITITMM", "Banca di Prova")
    assert flow.receiver_id == "01199250158"
    assert flow.total_count == 5
    assert flow.total_amount_cents == 18600
    assert [ln.outcome_code for ln in flow.lines] == ["0", "3", "4", "8", "9"]
    assert [ln.amount_cents for ln in flow.lines] == [10000, -1000, 3200, 4000, 2400]
    assert flow.lines[0].payment_index == 1 and flow.lines[1].payment_index is None
    assert flow.lines[0].iur == "IUR1"
    assert flow.lines[0].outcome_date == date(2024, 1, 14)
    assert flow.warnings == []


def test_unknown_outcome_code_is_kept_with_a_warning():
    data = SAMPLE.replace(b"<pay_i:codiceEsitoSingoloPagamento>9<", b"<pay_i:codiceEsitoSingoloPagamento>7<")
    flow = parse_fdr(data, "flow.xml")
    assert flow.lines[-1].outcome_code == "7"
    assert any("sconosciuto" in w for w in flow.warnings)


def test_totals_mismatch_is_a_warning_not_a_refusal():
    data = SAMPLE.replace(b">186.00<", b">190.00<").replace(b"Pagamenti>5<", b"Pagamenti>6<")
    flow = parse_fdr(data, "flow.xml")
    assert flow.total_amount_cents == 19000
    assert len(flow.warnings) == 2
    assert any("importoTotalePagamenti" in w for w in flow.warnings)


def test_roundtrip_writer():
    flow = FdrFlowData(
        source="x", version="1.0", flow_id="2024-02-01ABI01234-X_1", flow_datetime=datetime(2024, 2, 2, 9, 0),
        settlement_id="TRN9", settlement_date=date(2024, 2, 1), sender_type="A", sender_id="ABI01234",
        sender_name="PSP & Co", bic="", receiver_id="01199250158", receiver_name="Comune", total_count=2,
        total_amount_cents=1234,
        lines=[FdrLineData(1, "IUV1", "R1", 1, 1000, "0", date(2024, 1, 31)),
               FdrLineData(2, "IUV2", "R2", None, 234, "9", None)],
    )
    back = parse_fdr(write_fdr(flow), "w.xml")
    assert back.flow_id == flow.flow_id and back.sender_name == "PSP & Co"
    assert [(ln.iuv, ln.iur, ln.payment_index, ln.amount_cents, ln.outcome_code, ln.outcome_date)
            for ln in back.lines] == [(ln.iuv, ln.iur, ln.payment_index, ln.amount_cents, ln.outcome_code,
                                       ln.outcome_date) for ln in flow.lines]


def test_soap_reply_with_base64_flow_is_accepted():
    envelope = (
        '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>'
        '<ppt:nodoChiediFlussoRendicontazioneRisposta xmlns:ppt="http://ws.pagamenti.telematici.gov/">'
        f"<xmlRendicontazione>{base64.b64encode(SAMPLE).decode()}</xmlRendicontazione>"
        "</ppt:nodoChiediFlussoRendicontazioneRisposta></soapenv:Body></soapenv:Envelope>"
    ).encode()
    assert parse_fdr(envelope, "reply.xml").flow_id == "2024-01-15ABI03069-0000000001"


@pytest.mark.parametrize(
    "old,new,element",
    [
        (b">2024-01-15ABI03069-0000000001<", b"><", "identificativoFlusso"),
        (b">2024-01-15ABI03069-0000000001<", b">2024-01-15 ABI/bad<", "identificativoFlusso"),
        (b">2024-01-16T08:30:00<", b">ieri<", "dataOraFlusso"),
        (b">2024-01-15</pay_i:dataRegolamento>", b">15/01/2024</pay_i:dataRegolamento>", "dataRegolamento"),
        (b">100.00<", b">100,00.0<", "datiSingoliPagamenti[1]/singoloImportoPagato"),
        (b">IUR3<", b"><", "datiSingoliPagamenti[3]/identificativoUnivocoRiscossione"),
        (b">186.00<", b">tanto<", "importoTotalePagamenti"),
        (b">01000000000000004<", b"><", "datiSingoliPagamenti[4]/identificativoUnivocoVersamento"),
    ],
)
def test_errors_name_the_file_and_element(old, new, element):
    with pytest.raises(FdrError) as err:
        parse_fdr(SAMPLE.replace(old, new, 1), "bad.xml")
    assert err.value.source == "bad.xml"
    assert err.value.element == element
    assert "bad.xml" in str(err.value) and element in str(err.value)


def test_not_a_flow():
    with pytest.raises(FdrError, match="non è un flusso"):
        parse_fdr(b"<altro><x/></altro>", "other.xml")


def test_malformed_xml():
    with pytest.raises(FdrError) as err:
        parse_fdr(SAMPLE[:500], "cut.xml")
    assert "cut.xml" in str(err.value)


def test_entity_expansion_is_refused():
    bomb = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
            b"<FlussoRiversamento>&lol2;</FlussoRiversamento>")
    with pytest.raises(FdrError, match="pericolosi"):
        parse_fdr(bomb, "bomb.xml")


def test_external_entity_is_refused():
    xxe = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           b"<FlussoRiversamento><identificativoFlusso>&x;</identificativoFlusso></FlussoRiversamento>")
    with pytest.raises(FdrError):
        parse_fdr(xxe, "xxe.xml")


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_zip_members_are_read():
    data = _zip({"a.xml": SAMPLE, "dir/b.XML": SAMPLE, "readme.txt": b"x"})
    names = [m.source for m in zip_members(data, "flows.zip", (".xml",))]
    assert names == ["flows.zip!a.xml", "flows.zip!dir/b.XML"]


def test_zip_bomb_is_refused():
    data = _zip({"big.xml": b"<a>" + b" " * (70 * 1024 * 1024) + b"</a>"})
    assert len(data) < 1024 * 1024
    with pytest.raises(FdrError, match="ZIP bomb|troppo grande"):
        list(zip_members(data, "bomb.zip"))


def test_bad_zip():
    with pytest.raises(FdrError, match="ZIP non valido"):
        list(zip_members(b"PK\x03\x04garbage", "bad.zip"))
