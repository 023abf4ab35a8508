"""SOAP envelopes and payload XML of the MyPay entity web service (formats/soap.py)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, datetime

import pytest

from mypay_desk.formats import soap
from tests.schema_support import assert_valid, validate

ENV = "{http://schemas.xmlsoap.org/soap/envelope/}"
PPT = "{http://www.regione.veneto.it/pagamenti/ente/}"
HEAD = "{http://www.regione.veneto.it/pagamenti/ente/ppthead}"
PAY = "{http://www.regione.veneto.it/schemas/2012/Pagamenti/Ente/}"


def test_header_operation_carries_cod_ipa_in_intestazione_and_unqualified_children():
    data = soap.build_request("paaSILChiediStatoImportFlusso", "C_X000", [
        ("requestToken", "tok"), ("password", "Segreta123"), ("fileScarti", True), ("fileIUV", False),
        ("fileAvvisi", None),
    ])
    root = ET.fromstring(data)
    assert root.tag == f"{ENV}Envelope"
    head = root.find(f"{ENV}Header/{HEAD}intestazionePPT")
    assert head is not None and head.find("codIpaEnte").text == "C_X000"
    op = root.find(f"{ENV}Body/{PPT}paaSILChiediStatoImportFlusso")
    assert [c.tag for c in op] == ["requestToken", "password", "fileScarti", "fileIUV"]  # None omitted, order kept
    assert op.find("fileScarti").text == "true" and op.find("fileIUV").text == "false"


def test_body_operation_has_no_intestazione():
    data = soap.build_request("paaSILChiediPagatiConRicevuta", "C_X000", [("codIpaEnte", "C_X000"),
                                                                          ("identificativoUnivocoDovuto", "D1")])
    root = ET.fromstring(data)
    assert root.find(f"{ENV}Header/{HEAD}intestazionePPT") is None
    op = root.find(f"{ENV}Body/{PPT}paaSILChiediPagatiConRicevuta")
    assert op.find("codIpaEnte").text == "C_X000"


def test_dates_and_escaping():
    data = soap.build_request("paaSILPrenotaExportFlussoIncrementaleConRicevuta", "E", [
        ("dateFrom", datetime(2025, 1, 2, 3, 4, 5)), ("identificativoTipoDovuto", "A&B<C>"),
    ])
    op = ET.fromstring(data).find(f"{ENV}Body/{PPT}paaSILPrenotaExportFlussoIncrementaleConRicevuta")
    assert op.find("dateFrom").text == "2025-01-02T03:04:05"
    assert op.find("identificativoTipoDovuto").text == "A&B<C>"
    assert b"A&amp;B&lt;C&gt;" in data


def test_response_round_trip_with_fault():
    data = soap.build_response("paaSILAutorizzaImportFlusso", [("uploadUrl", "http://h/up"), ("requestToken", "r")],
                               fault=soap.Fault("PAA_ENTE_NON_VALIDO", "password errata", "C_X000"))
    r = soap.parse_response(data, "paaSILAutorizzaImportFlusso")
    assert r.fault is not None and r.fault.code == "PAA_ENTE_NON_VALIDO" and r.fault.id == "C_X000"
    assert r.get("uploadUrl") == "http://h/up" and r.get("requestToken") == "r"
    # children of the response are unqualified, the response element is in ppt
    root = ET.fromstring(data)
    el = root.find(f"{ENV}Body/{PPT}paaSILAutorizzaImportFlussoRisposta")
    assert el is not None and el[0].tag == "fault"


def test_response_of_another_operation_is_refused():
    data = soap.build_response("paaSILImportaDovuto", esito="OK")
    with pytest.raises(soap.SoapError) as err:
        soap.parse_response(data, "paaSILInviaDovuti")
    assert err.value.kind == "unexpected"


def test_soap_fault_is_reported():
    with pytest.raises(soap.SoapError) as err:
        soap.parse_response(soap.build_soap_fault("Client", "busta illeggibile"), "paaSILImportaDovuto")
    assert err.value.kind == "soap_fault"
    assert err.value.fault_code == "soapenv:Client" and "illeggibile" in err.value.fault_string


@pytest.mark.parametrize("payload, kind", [
    (b"<not xml", "malformed"),
    (b"<html><body>502 Bad Gateway</body></html>", "malformed"),
    (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><r>&b;</r>', "hostile"),
    (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>', "hostile"),
])
def test_malformed_and_hostile_replies(payload, kind):
    with pytest.raises(soap.SoapError) as err:
        soap.parse_response(payload, "paaSILChiediStatoImportFlusso")
    assert err.value.kind == kind


def test_request_parsing_for_the_server_side():
    data = soap.build_request("paaSILImportaDovuto", "C_X000", [("password", "p"), ("dovuto", "QUJD")])
    req = soap.parse_request(data)
    assert req.operation == "paaSILImportaDovuto" and req.cod_ipa == "C_X000"
    assert req.fields == {"password": "p", "dovuto": "QUJD"}


def _versamento() -> soap.Versamento:
    return soap.Versamento(
        item=soap.DovutoItem(iud="TARI-2025-1", amount_cents=12345, debt_type="TARI", causale="TARI 2025 acconto",
                             collection_data="9/0101108TS/", pa_fee_cents=150,
                             bilancio=[soap.BilancioChapter("CAP1", "UFF", [("ACC1", 10000), ("", 2345)])]),
        action="I",
        payer=soap.Payer("F", "RSSMRA80A01F205X", "Mario Rossi", address="Via Roma", civic="1", postal_code="20100",
                         city="Milano", province="MI", country="IT", email="m@example.it"),
        due_date=date(2025, 6, 30),
    )


def test_versamento_follows_xsd_order_and_round_trips():
    data = soap.build_versamento(_versamento())
    root = ET.fromstring(data)
    assert root.tag == f"{PAY}Versamento"
    assert [c.tag.replace(PAY, "") for c in root] == ["versioneOggetto", "soggettoPagatore", "datiVersamento",
                                                        "azione"]
    assert_valid("payload", data, "Versamento")
    dv = root.find(f"{PAY}datiVersamento")
    assert [c.tag.replace(PAY, "") for c in dv] == [
        "dataEsecuzionePagamento", "tipoVersamento", "identificativoUnivocoDovuto", "importoSingoloVersamento",
        "commissioneCaricoPA", "identificativoTipoDovuto", "causaleVersamento", "datiSpecificiRiscossione",
        "bilancio"]
    assert dv.find(f"{PAY}importoSingoloVersamento").text == "123.45"
    assert dv.find(f"{PAY}tipoVersamento").text == "ALL"
    back = soap.parse_versamento(data)
    assert back.item.iud == "TARI-2025-1" and back.item.amount_cents == 12345 and back.item.pa_fee_cents == 150
    assert back.due_date == date(2025, 6, 30) and back.action == "I"
    assert back.payer.code == "RSSMRA80A01F205X" and back.payer.email == "m@example.it"
    assert back.item.bilancio[0].accertamenti == [("ACC1", 10000), ("", 2345)]


def test_dovuti_payload():
    v = _versamento()
    data = soap.build_dovuti(v.payer, [v.item], iuv="12000000000012345")
    back = soap.parse_dovuti(data)
    assert back.iuv == "12000000000012345" and back.items[0].iud == "TARI-2025-1"
    assert back.payer.name == "Mario Rossi"
    with pytest.raises(ValueError):
        soap.build_dovuti(v.payer, [])


def test_pagati_con_ricevuta():
    pagati = f"""<pay_i:PagatiConRicevuta xmlns:pay_i="{PAY[1:-1]}">
      <pay_i:versioneOggetto>6.2.0</pay_i:versioneOggetto>
      <pay_i:dominio><pay_i:identificativoDominio>01199250158</pay_i:identificativoDominio></pay_i:dominio>
      <pay_i:identificativoMessaggioRicevuta>RT1</pay_i:identificativoMessaggioRicevuta>
      <pay_i:dataOraMessaggioRicevuta>2025-03-01T10:11:12</pay_i:dataOraMessaggioRicevuta>
      <pay_i:istitutoAttestante><pay_i:denominazioneAttestante>Banca Demo</pay_i:denominazioneAttestante>
      </pay_i:istitutoAttestante>
      <pay_i:datiPagamento>
        <pay_i:codiceEsitoPagamento>0</pay_i:codiceEsitoPagamento>
        <pay_i:importoTotalePagato>50.00</pay_i:importoTotalePagato>
        <pay_i:identificativoUnivocoVersamento>12000000000012345</pay_i:identificativoUnivocoVersamento>
        <pay_i:codiceContestoPagamento>c1</pay_i:codiceContestoPagamento>
        <pay_i:datiSingoloPagamento>
          <pay_i:identificativoUnivocoDovuto>D1</pay_i:identificativoUnivocoDovuto>
          <pay_i:singoloImportoPagato>50.00</pay_i:singoloImportoPagato>
          <pay_i:dataEsitoSingoloPagamento>2025-03-01</pay_i:dataEsitoSingoloPagamento>
          <pay_i:identificativoUnivocoRiscossione>IUR1</pay_i:identificativoUnivocoRiscossione>
        </pay_i:datiSingoloPagamento>
      </pay_i:datiPagamento></pay_i:PagatiConRicevuta>""".encode()
    p = soap.parse_pagati(pagati)
    assert p.paid and p.total_paid_cents == 5000 and p.psp_name == "Banca Demo"
    assert p.items[0].iud == "D1" and p.items[0].outcome_date == date(2025, 3, 1)
    assert p.receipt_datetime == datetime(2025, 3, 1, 10, 11, 12)


def test_base64_errors_are_soap_errors():
    with pytest.raises(soap.SoapError):
        soap.b64decode("***not base64***")
    assert soap.b64decode(soap.b64encode(b"\x00\x01abc")) == b"\x00\x01abc"


def test_versamento_cannot_carry_flag_genera_iuv_and_the_request_can():
    """ctVersamento has flagGeneraIuv commented out (PagInf_Dovuti_Pagati_6_2_0.xsd): a Versamento with it is
    refused by the schema, while paaSILImportaDovuto carries it after ``dovuto`` (pa-per-ente.wsdl)."""
    assert "generate_iuv" not in soap.Versamento.__dataclass_fields__
    data = soap.build_versamento(_versamento())
    assert b"flagGeneraIuv" not in data
    tampered = data.replace(b"<pay_i:azione>", b"<pay_i:flagGeneraIuv>true</pay_i:flagGeneraIuv><pay_i:azione>")
    assert any("flagGeneraIuv" in p for p in validate("payload", tampered))
    request = soap.build_request("paaSILImportaDovuto", "C_X000", [
        ("password", "Segreta123"), ("dovuto", soap.b64encode(data)), ("flagGeneraIuv", True)])
    assert_valid("soap", request, "paaSILImportaDovuto")
