# ruff: noqa: F401, F811 - pytest fixtures (sim, client) come from the support module
"""The sandbox portal over real HTTP: single dovuti (paaSILImportaDovuto), payments started at the desk
(paaSILInviaDovuti + checkout page), receipts (paaSILChiediPagatiConRicevuta), receipt exports and open
positions."""

from __future__ import annotations

import base64
import io
import re
import time
import zipfile
from datetime import date, datetime, timedelta

import pytest
from test_simulator_support import (
    CFS,
    FUTURE,
    IPA,
    NS_PAY,
    PASSWORD,
    SEGREGATION,
    call,
    client,
    debt,
    download,
    fault_code,
    flow_zip,
    push,
    pw,
    sim,
    text,
)

from mypay_desk.domain.codes import check_code
from mypay_desk.formats.receipt_export import read_export
from mypay_desk.formats.receipt_xml import decode_receipt_xml
from mypay_desk.formats.xmlsafe import parse_xml
from mypay_desk.simulator.payments import PSPS
from tests.schema_support import assert_valid

pytestmark = pytest.mark.integration


def versamento(iud: str, action: str = "I", *, amount: str = "25.50", cf: str = CFS[0], iuv: str = "",
               tipo: str = "MENSA", ns: str = NS_PAY) -> str:
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><pay_i:Versamento xmlns:pay_i="{ns}">'
           "<pay_i:versioneOggetto>6.2.0</pay_i:versioneOggetto>"
           "<pay_i:soggettoPagatore><pay_i:identificativoUnivocoPagatore>"
           f"<pay_i:tipoIdentificativoUnivoco>F</pay_i:tipoIdentificativoUnivoco>"
           f"<pay_i:codiceIdentificativoUnivoco>{cf}</pay_i:codiceIdentificativoUnivoco>"
           "</pay_i:identificativoUnivocoPagatore><pay_i:anagraficaPagatore>Laura Bianchi</pay_i:anagraficaPagatore>"
           "</pay_i:soggettoPagatore><pay_i:datiVersamento>"
           f"<pay_i:dataEsecuzionePagamento>{FUTURE.isoformat()}</pay_i:dataEsecuzionePagamento>"
           "<pay_i:tipoVersamento>ALL</pay_i:tipoVersamento>"
           + (f"<pay_i:identificativoUnivocoVersamento>{iuv}</pay_i:identificativoUnivocoVersamento>" if iuv else "")
           + f"<pay_i:identificativoUnivocoDovuto>{iud}</pay_i:identificativoUnivocoDovuto>"
           f"<pay_i:importoSingoloVersamento>{amount}</pay_i:importoSingoloVersamento>"
           f"<pay_i:identificativoTipoDovuto>{tipo}</pay_i:identificativoTipoDovuto>"
           "<pay_i:causaleVersamento>Mensa scolastica marzo</pay_i:causaleVersamento>"
           "<pay_i:datiSpecificiRiscossione>9/0201133IM/</pay_i:datiSpecificiRiscossione>"
           f"</pay_i:datiVersamento><pay_i:azione>{action}</pay_i:azione></pay_i:Versamento>")
    return base64.b64encode(xml.encode()).decode()


def importa(client, url: str, payload: str, flag: bool | None = None):
    extra = "" if flag is None else f"<flagGeneraIuv>{'true' if flag else 'false'}</flagGeneraIuv>"
    return call(client, url, "paaSILImportaDovuto", f"{pw()}<dovuto>{payload}</dovuto>{extra}")


def dovuti_b64(iuds_amounts: list[tuple[str, str]], cf: str = CFS[1]) -> str:
    singles = "".join(
        f"<pay_i:datiSingoloVersamento><pay_i:identificativoUnivocoDovuto>{iud}</pay_i:identificativoUnivocoDovuto>"
        f"<pay_i:importoSingoloVersamento>{amount}</pay_i:importoSingoloVersamento>"
        "<pay_i:identificativoTipoDovuto>MENSA</pay_i:identificativoTipoDovuto>"
        f"<pay_i:causaleVersamento>Mensa {iud}</pay_i:causaleVersamento>"
        "<pay_i:datiSpecificiRiscossione>9/0201133IM/</pay_i:datiSpecificiRiscossione>"
        "</pay_i:datiSingoloVersamento>" for iud, amount in iuds_amounts)
    xml = (f'<pay_i:Dovuti xmlns:pay_i="{NS_PAY}"><pay_i:versioneOggetto>6.2.0</pay_i:versioneOggetto>'
           "<pay_i:soggettoPagatore><pay_i:identificativoUnivocoPagatore>"
           "<pay_i:tipoIdentificativoUnivoco>F</pay_i:tipoIdentificativoUnivoco>"
           f"<pay_i:codiceIdentificativoUnivoco>{cf}</pay_i:codiceIdentificativoUnivoco>"
           "</pay_i:identificativoUnivocoPagatore><pay_i:anagraficaPagatore>Luca Ferrari</pay_i:anagraficaPagatore>"
           "</pay_i:soggettoPagatore><pay_i:datiVersamento><pay_i:tipoVersamento>ALL</pay_i:tipoVersamento>"
           f"{singles}</pay_i:datiVersamento></pay_i:Dovuti>")
    return base64.b64encode(xml.encode()).decode()


def pagati(client, url: str, body: str):
    return call(client, url, "paaSILChiediPagatiConRicevuta", f"<codIpaEnte>{IPA}</codIpaEnte>{pw()}{body}", ipa=None)


def test_importa_dovuto(sim, client):
    url = sim.base_url
    ok = importa(client, url, versamento("SD-1"), flag=True)
    assert fault_code(ok) is None and text(ok, "esito") == "OK"
    iuv = text(ok, "identificativoUnivocoVersamento")
    assert check_code(iuv).kind == "IUV17" and iuv.startswith(SEGREGATION + "00")
    pdf = client.get(text(ok, "urlFileAvviso"))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert client.get(text(ok, "urlFileAvviso") + "x").status_code == 403

    again = importa(client, url, versamento("SD-1"), flag=True)
    assert (text(again, "esito"), fault_code(again)) == ("KO", "PAA_IMPORT_IUD_DUPLICATO")
    # M keeps MyPay's IUV only when flagGeneraIuv says so (MyPay's IUV rule)
    bad_m = importa(client, url, versamento("SD-1", "M", amount="30.00", iuv=iuv))
    assert fault_code(bad_m) == "PAA_IUV_NON_VALIDO"
    mod = importa(client, url, versamento("SD-1", "M", amount="30.00", iuv=iuv), flag=True)
    assert text(mod, "esito") == "OK" and text(mod, "identificativoUnivocoVersamento") == iuv
    ente_id = sim.state.ente_by_ipa(IPA).id
    assert sim.state.dovuti(ente_id, iud="SD-1")[0]["amount_cents"] == 3000

    notice = importa(client, url, versamento("SD-1", "S", iuv=iuv))
    with zipfile.ZipFile(io.BytesIO(base64.b64decode(text(notice, "base64ZipAvviso")))) as zf:
        assert zf.read(zf.namelist()[0]).startswith(b"%PDF")

    annul = importa(client, url, versamento("SD-1", "A"))
    assert text(annul, "esito") == "OK"
    assert fault_code(importa(client, url, versamento("SD-1", "A"))) == "PAA_SYSTEM_ERROR"
    assert fault_code(importa(client, url, versamento("SD-NONE", "M"))) == "PAA_SYSTEM_ERROR"

    assert fault_code(importa(client, url, versamento("SD-2", "X"))) == "PAA_AZIONE_NON_VALIDO"
    assert fault_code(importa(client, url, versamento("SD-2", cf="RSSMRA85T10A562X"))) == "PAA_CODICE_FISCALE_NON_VALIDO"
    assert fault_code(importa(client, url, versamento("SD-2", amount="0.00"))) == \
        "PAA_IMPORTO_SINGOLO_VERSAMENTO_NON_VALIDO"
    assert fault_code(importa(client, url, versamento("SD-2", tipo="NESSUNO"))) == \
        "PAA_IDENTIFICATIVO_TIPO_DOVUTO_NON_VALIDO"
    assert fault_code(importa(client, url, versamento("SD-2", tipo="VECCHIO"))) == \
        "PAA_IDENTIFICATIVO_TIPO_DOVUTO_NON_ABILITATO"
    wrong_ns = importa(client, url, versamento("SD-2", ns="urn:altro"))
    assert (text(wrong_ns, "esito"), fault_code(wrong_ns)) == ("KO", "PAA_XML_NON_VALIDO")
    plain = base64.b64decode(versamento("SD-2")).decode()
    # unmarshalled against the XSD: an element the schema does not have (flagGeneraIuv belongs to the
    # request, not to Versamento), a missing required one or a wrong order invalidate the payload
    for broken, hint in ((plain.replace("<pay_i:azione>", "<pay_i:flagGeneraIuv>true</pay_i:flagGeneraIuv>"
                                        "<pay_i:azione>"), "flagGeneraIuv"),
                         (plain.replace("<pay_i:versioneOggetto>6.2.0</pay_i:versioneOggetto>", ""), "versioneOggetto"),
                         (plain.replace("<pay_i:tipoVersamento>ALL</pay_i:tipoVersamento>", "").replace(
                             "<pay_i:identificativoTipoDovuto>", "<pay_i:tipoVersamento>ALL</pay_i:tipoVersamento>"
                             "<pay_i:identificativoTipoDovuto>"), "ordine")):
        el = importa(client, url, base64.b64encode(broken.encode()).decode())
        assert fault_code(el) == "PAA_XML_NON_VALIDO" and hint in text(el, "fault/description")
    garbage = importa(client, url, base64.b64encode(b"<not-closed").decode())
    assert fault_code(garbage) == "PAA_XML_NON_VALIDO"
    hostile = base64.b64encode(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                               b"<x>&e;</x>").decode()
    assert fault_code(importa(client, url, hostile)) == "PAA_XML_NON_VALIDO"
    assert fault_code(call(client, url, "paaSILImportaDovuto", f"{pw('Sbagliata99')}<dovuto>{versamento('SD-3')}"
                                                               "</dovuto>")) == "PAA_ENTE_NON_VALIDO"


def test_invia_dovuti_checkout_and_receipt(sim, client):
    url = sim.base_url
    r = call(client, url, "paaSILInviaDovuti",
             f"{pw()}<dovuti>{dovuti_b64([('DESK-1', '12.34'), ('DESK-2', '1.00')])}</dovuti>"
             "<enteSILInviaRispostaPagamentoUrl>https://ente.example/esito</enteSILInviaRispostaPagamentoUrl>")
    assert fault_code(r) is None and text(r, "esito") == "OK" and text(r, "redirect") == "1"
    session, checkout = text(r, "idSession"), text(r, "url")
    assert checkout.startswith(f"{url}/public/landing/inviaDovuti?id=")
    before = pagati(client, url, f"<idSession>{session}</idSession>")
    assert fault_code(before) == "PAA_PAGAMENTO_NON_INIZIATO"

    page = client.get(checkout)
    assert page.status_code == 200 and "13,34" in page.text and ">Paga</button>" in page.text
    done = client.post(checkout)
    assert done.status_code == 200 and "Pagamento eseguito" in done.text
    assert "https://ente.example/esito?idSession=" in done.text
    assert "Nulla da pagare" in client.post(checkout).text  # paying twice pays nothing

    receipt = pagati(client, url, f"<idSession>{session}</idSession>")
    assert fault_code(receipt) is None and text(receipt, "tipoFirma") == ""
    p = parse_xml(base64.b64decode(text(receipt, "pagati")), "pagati")
    assert p.tag == f"{{{NS_PAY}}}PagatiConRicevuta"
    for el in p.iter():
        assert el.tag.startswith(f"{{{NS_PAY}}}"), el.tag
    ns = {"p": NS_PAY}
    assert p.findtext("p:datiPagamento/p:codiceEsitoPagamento", namespaces=ns) == "0"
    assert p.findtext("p:datiPagamento/p:datiSingoloPagamento/p:identificativoUnivocoDovuto", namespaces=ns) == "DESK-1"
    assert p.findtext("p:datiPagamento/p:importoTotalePagato", namespaces=ns) == "12.34"
    psp = p.findtext("p:istitutoAttestante/p:denominazioneAttestante", namespaces=ns)
    assert psp in {name for _, name in PSPS}
    assert p.findtext("p:soggettoPagatore/p:identificativoUnivocoPagatore/p:codiceIdentificativoUnivoco",
                      namespaces=ns) == CFS[1]
    rt = decode_receipt_xml(base64.b64decode(text(receipt, "rt")))
    assert rt.amount_cents == 1234 and rt.psp_name == psp and rt.debtor_code == CFS[1]
    assert rt.iuv == p.findtext("p:datiPagamento/p:identificativoUnivocoVersamento", namespaces=ns)

    by_iud = pagati(client, url, "<identificativoUnivocoDovuto>DESK-2</identificativoUnivocoDovuto>")
    assert fault_code(by_iud) is None
    assert fault_code(pagati(client, url, "<identificativoUnivocoVersamento>120000000000000000"
                                          "</identificativoUnivocoVersamento>")) == "PAA_IUV_NON_VALIDO"
    assert fault_code(pagati(client, url, "<identificativoUnivocoDovuto>NOPE</identificativoUnivocoDovuto>")) == \
        "PAA_IUD_NON_VALIDO"
    assert fault_code(pagati(client, url, "<idSession>nope</idSession>")) == "PAA_ID_SESSION_NON_VALIDO"


def test_pay_switch_receipts_and_states(sim, client):
    url = sim.base_url
    records = [debt(f"P-{i}", cf=CFS[i % len(CFS)], amount=1000 + i, generate_iuv=True) for i in range(20)]
    records.append(debt("P-ANN", cf=CFS[0]))
    name, data = flow_zip(records, "PAY1")
    assert text(push(client, url, name, data), "stato") == "IMPORT_ESEGUITO"
    name, data = flow_zip([debt("P-ANN", cf=CFS[0], action="A")], "PAY2")
    assert text(push(client, url, name, data), "stato") == "IMPORT_ESEGUITO"

    named = client.post(f"{url}/sandbox/pay", json={"ipa": IPA, "iuds": ["P-0", "P-ANN", "P-NOPE"]}).json()
    assert [p["iud"] for p in named["paid"]] == ["P-0"]
    assert {s["iud"]: s["reason"] for s in named["skipped"]} == {"P-ANN": "annullato",
                                                                 "P-NOPE": "IUD sconosciuto al portale"}
    paid = named["paid"][0]
    assert paid["amount_cents"] == 1000 and (paid["psp_id"], paid["psp_name"]) in PSPS
    assert re.fullmatch(r"\d{18}", paid["iur"]) and re.fullmatch(r"[0-9a-f]{32}", paid["receipt_id"])
    assert client.post(f"{url}/sandbox/pay", json={"ipa": IPA, "iuds": ["P-0"]}).json()["skipped"][0]["reason"] == \
        "già pagato"

    first = sim.pay(IPA, fraction=0.5, seed=7)
    assert len(first["paid"]) == 10  # half of the 19 still payable, rounded
    ente_id = sim.state.ente_by_ipa(IPA).id
    completed = {r["iud"] for r in sim.state.dovuti(ente_id, state="COMPLETATO")}
    assert completed == {"P-0"} | {p["iud"] for p in first["paid"]}

    iuv = sim.state.dovuti(ente_id, iud="P-0")[0]["iuv"]
    by_iuv = pagati(client, url, f"<identificativoUnivocoVersamento>{iuv}</identificativoUnivocoVersamento>")
    assert fault_code(by_iuv) is None
    unpaid = next(r for r in sim.state.dovuti(ente_id, state="INSERIMENTO_DOVUTO"))
    assert fault_code(pagati(client, url, f"<identificativoUnivocoDovuto>{unpaid['iud']}"
                                          "</identificativoUnivocoDovuto>")) == "PAA_PAGAMENTO_NON_INIZIATO"
    assert fault_code(pagati(client, url, "<identificativoUnivocoDovuto>P-ANN</identificativoUnivocoDovuto>")) == \
        "PAA_PAGAMENTO_ANNULLATO"
    assert client.post(f"{url}/sandbox/pay", json={"ipa": "C_NO", "fraction": 1}).status_code == 400


def _export_status(client, url: str, token: str):
    deadline = time.monotonic() + 10
    while True:
        el = call(client, url, "paaSILChiediStatoExportFlusso", f"{pw()}<requestToken>{token}</requestToken>")
        if text(el, "stato") not in ("LOAD_EXPORT", "EXPORT_IN_ELAB") or time.monotonic() > deadline:
            return el
        time.sleep(0.02)


def test_receipt_exports(sim, client):
    url = sim.base_url
    start = (datetime.now().astimezone() - timedelta(minutes=1)).isoformat(timespec="seconds")
    name, data = flow_zip([debt(f"E-{i}", cf=CFS[i], generate_iuv=True) for i in range(4)], "EXP1")
    assert text(push(client, url, name, data), "stato") == "IMPORT_ESEGUITO"
    sim.pay(IPA, iuds=["E-0", "E-1", "E-2"])
    # The export's dateTo is cut to the millisecond (the next incremental export starts there: no gap, no
    # overlap); booked within the same millisecond as the payments, some would go to the next export.
    time.sleep(0.005)

    def book(date_from: str, extra: str = "") -> object:
        return call(client, url, "paaSILPrenotaExportFlussoIncrementaleConRicevuta",
                    f"{pw()}<dateFrom>{date_from}</dateFrom>{extra}<ricevuta>true</ricevuta>"
                    "<incrementale>true</incrementale><versioneTracciato>1.3</versioneTracciato>")

    booked = book(start)
    assert fault_code(booked) is None
    token, date_to = text(booked, "requestToken"), text(booked, "dateTo")
    assert datetime.fromisoformat(date_to) > datetime.fromisoformat(start)
    st = _export_status(client, url, token)
    assert text(st, "stato") == "EXPORT_ESEGUITO"
    link = text(st, "downloadUrl")
    zip_name = re.search(r"filename=([^&]+)", link).group(1)
    assert re.search(r"C_TEST-\d+_ESTRAZIONE_DOVUTI_\d{14}-1_3\.zip$", zip_name.replace("%2F", "/"))
    result = read_export(download(client, link), name=zip_name.rsplit("%2F", 1)[-1])
    assert (result.version, result.with_receipt, result.errors) == ("1.3", True, [])
    assert sorted(r.codIud for r in result.rows) == ["E-0", "E-1", "E-2"]
    row = result.rows[0]
    assert row.rt_xml and decode_receipt_xml(row.rt_xml).iuv == row.codIuv
    for r in result.rows:  # every receipt the sandbox writes is a paSendRTReq valid against paForNode.xsd
        assert_valid("receipt", r.rt_xml, f"ricevuta di {r.codIud}")
    assert row.denominazioneAttestante in {n for _, n in PSPS} and row.cod_fiscale_pa1 == "01199250158"

    # the next incremental export starts where the last one ended: only what arrived since
    empty = _export_status(client, url, text(book(date_to), "requestToken"))
    # downloadUrl is required by the WSDL: present and empty when there is no file
    assert text(empty, "stato") == "EXPORT_ESEGUITO_NESSUN_DOVUTO_TROVATO" and text(empty, "downloadUrl") == ""
    sim.pay(IPA, iuds=["E-3"])
    time.sleep(0.005)  # (as above: not booked within the payment's millisecond)
    later = _export_status(client, url, text(book(date_to), "requestToken"))
    rows = read_export(download(client, text(later, "downloadUrl"))).rows
    assert [r.codIud for r in rows] == ["E-3"]

    # by payment date, without the receipt block, version 1.0
    today = date.today().isoformat()
    plain = call(client, url, "paaSILPrenotaExportFlusso",
                 f"{pw()}<dateFrom>{today}</dateFrom><dateTo>{today}</dateTo>")
    st = _export_status(client, url, text(plain, "requestToken"))
    exported = read_export(download(client, text(st, "downloadUrl")))
    assert exported.version in ("1.0", "1.1") and not exported.with_receipt and len(exported.rows) == 4

    # validation, in MyPay's order
    assert fault_code(book("")) == "PAA_DATE_FROM_NON_VALIDO"
    assert fault_code(book("ieri")) == "PAA_DATE_FROM_NON_VALIDO"
    assert fault_code(book(start, "<dateTo>2000-01-01T00:00:00</dateTo>")) == "PAA_INTERVALLO_DATE_NON_VALIDO"
    assert fault_code(call(client, url, "paaSILPrenotaExportFlusso",
                           f"{pw()}<dateFrom>{today}</dateFrom><dateTo>x</dateTo>")) == "PAA_DATE_TO_NON_VALIDO"
    assert fault_code(call(client, url, "paaSILPrenotaExportFlusso",
                           f"{pw()}<dateFrom>{today}</dateFrom><dateTo>{today}</dateTo>"
                           "<versioneTracciato>2.0</versioneTracciato>")) == "PAA_VERSIONE_TRACCIATO_NON_VALIDA"
    assert fault_code(call(client, url, "paaSILPrenotaExportFlusso",
                           f"{pw()}<dateFrom>{today}</dateFrom><dateTo>{today}</dateTo>"
                           "<identificativoTipoDovuto>NESSUNO</identificativoTipoDovuto>")) == \
        "PAA_IDENTIFICATIVO_TIPO_DOVUTO_NON_VALIDO"
    assert fault_code(call(client, url, "paaSILChiediStatoExportFlusso",
                           f"{pw()}<requestToken>inventato</requestToken>")) == "PAA_REQUEST_TOKEN_NON_VALIDO"
    sim.add_ente("C_ALTRO", "01199250158", PASSWORD, ["TARI"])
    other = call(client, url, "paaSILChiediStatoExportFlusso", f"{pw()}<requestToken>{token}</requestToken>",
                 ipa="C_ALTRO")
    assert fault_code(other) == "PAA_REQUEST_TOKEN_NON_VALIDO"


def test_open_positions(sim, client):
    url = sim.base_url
    name, data = flow_zip([debt("OP-1", cf=CFS[3], generate_iuv=True), debt("OP-2", cf=CFS[3]),
                           debt("OP-3", cf=CFS[4])], "OPEN1")
    assert text(push(client, url, name, data), "stato") == "IMPORT_ESEGUITO"
    sim.pay(IPA, iuds=["OP-2"])

    def ask(cf: str, tipo: str = "F"):
        return call(client, url, "paaSILChiediPosizioniAperte",
                    f"{pw()}<codIpaEnte>{IPA}</codIpaEnte><identificativoUnivocoPersonaFG>"
                    f"<pay_i:tipoIdentificativoUnivoco xmlns:pay_i='{NS_PAY}'>{tipo}</pay_i:tipoIdentificativoUnivoco>"
                    f"<pay_i:codiceIdentificativoUnivoco xmlns:pay_i='{NS_PAY}'>{cf}</pay_i:codiceIdentificativoUnivoco>"
                    "</identificativoUnivocoPersonaFG>", ipa=None)

    r = ask(CFS[3])
    positions = r.findall("paaSILPosizioniAperte")
    assert len(positions) == 1 and text(positions[0], "codIpaEnte") == IPA
    dov = parse_xml(base64.b64decode(text(positions[0], "dovuti")), "dovuti")
    ns = {"p": NS_PAY}
    assert dov.findtext("p:datiVersamento/p:datiSingoloVersamento/p:identificativoUnivocoDovuto", namespaces=ns) == \
        "OP-1"
    page = client.get(text(positions[0], "urlPagamento"))
    assert page.status_code == 200 and "123,45" in page.text
    assert ask(CFS[5]).findall("paaSILPosizioniAperte") == []
    assert fault_code(ask(CFS[3], tipo="X")) == "PAA_TIPO_IDENTIFICATIVO_PAGATORE_NON_VALIDO"
    assert fault_code(ask("")) == "PAA_CODICE_IDENTIFICATIVO_PAGATORE_NON_PRESENTE"
