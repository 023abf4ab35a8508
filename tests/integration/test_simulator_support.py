"""Shared helpers for the sandbox tests: raw SOAP (written by hand, not with the client's code, so the
tests check the wire format against the reference), flows, polling. No tests in here."""

from __future__ import annotations

import io
import time
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace
from datetime import date, timedelta

import httpx
import pytest

from mypay_desk.domain.debts import DebtRecord, columns_for_version
from mypay_desk.formats.import_flow import join_fields, record_to_fields, write_flow_zip
from mypay_desk.formats.xmlsafe import parse_xml

NS_SOAP = "http://schemas.xmlsoap.org/soap/envelope/"
NS_PPT = "http://www.regione.veneto.it/pagamenti/ente/"
NS_HEAD = "http://www.regione.veneto.it/pagamenti/ente/ppthead"
NS_PAY = "http://www.regione.veneto.it/schemas/2012/Pagamenti/Ente/"

IPA = "C_TEST"
CF_ENTE = "01199250158"
PASSWORD = "Segreta123"
SEGREGATION = "12"
CFS = ["RSSMRA85T10A562S", "BNCLRA90A41F205I", "VRDGPP70C15H501K", "FRRLCU88M22L736Q", "CSTMRC92D04F839Q",
       "GLLNNA75E50D969V"]
FUTURE = date.today() + timedelta(days=60)


def provision(sim, ipa: str = IPA, password: str = PASSWORD) -> None:
    sim.add_ente(ipa, CF_ENTE, password, ["TARI:scadenza+stampa", "MENSA:anonimo", "VECCHIO:inattivo"],
                 segregation_code=SEGREGATION, name="Comune di Prova")


@pytest.fixture
def sim(tmp_path):
    from mypay_desk.simulator.server import SimulatorServer
    from tests.integration.portal_support import observe_exchanges

    server = SimulatorServer(tmp_path / "sandbox", processing_delay=0)
    observe_exchanges(server, requests=False)  # these tests send broken requests on purpose; replies must validate
    server.start()
    provision(server)
    yield server
    server.stop()


@pytest.fixture
def client():
    with httpx.Client(timeout=httpx.Timeout(10.0)) as c:
        yield c


# --- SOAP by hand ------------------------------------------------------------------------------

def envelope(operation: str, body: str, ipa: str | None = IPA) -> bytes:
    header = (f"<ppthead:intestazionePPT><codIpaEnte>{ipa}</codIpaEnte></ppthead:intestazionePPT>"
              if ipa is not None else "")
    return (f'<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="{NS_SOAP}" '
            f'xmlns:ppt="{NS_PPT}" xmlns:ppthead="{NS_HEAD}"><soapenv:Header>{header}</soapenv:Header>'
            f"<soapenv:Body><ppt:{operation}>{body}</ppt:{operation}></soapenv:Body></soapenv:Envelope>").encode()


def call(client: httpx.Client, base_url: str, operation: str, body: str, ipa: str | None = IPA) -> ET.Element:
    """POST one SOAP request; returns the <operation>Risposta element (asserts the envelope shape)."""
    resp = client.post(f"{base_url}/ws/pa/", content=envelope(operation, body, ipa),
                       headers={"Content-Type": "text/xml; charset=utf-8", "SOAPAction": f'"{operation}"'})
    assert resp.status_code == 200, resp.text
    root = parse_xml(resp.content, "risposta")
    assert root.tag == f"{{{NS_SOAP}}}Envelope"
    el = root.find(f"{{{NS_SOAP}}}Body/{{{NS_PPT}}}{operation}Risposta")
    assert el is not None, resp.text
    for child in el:  # children of the response are unqualified
        assert not child.tag.startswith("{"), child.tag
    return el


def text(el: ET.Element, path: str) -> str | None:
    found = el.find(path)
    return None if found is None else (found.text or "")


def fault_code(el: ET.Element) -> str | None:
    return text(el, "fault/faultCode")


def pw(password: str = PASSWORD) -> str:
    return f"<password>{password}</password>"


# --- flows -------------------------------------------------------------------------------------

def debt(iud: str, *, cf: str = CFS[0], amount: int = 12345, debt_type: str = "TARI", action: str = "I",
         **kw) -> DebtRecord:
    base = DebtRecord(iud=iud, debtor_type="F", debtor_code=cf, debtor_name="Mario Rossi", address="Via Roma 1",
                      postal_code="20100", city="Milano", province="MI", country="IT", email="mario@example.org",
                      due_date=FUTURE, amount_cents=amount, debt_type=debt_type, causale=f"TARI 2025 {iud}",
                      collection_data="9/0101108TS/", action=action)
    return replace(base, **kw)


def flow_zip(records: list[DebtRecord], iuf: str, version: str = "1_4", ipa: str = IPA) -> tuple[str, bytes]:
    """The flow as the app writes it; rows with an invalid azione are written too (to test the portal)."""
    if all(r.action in ("I", "M", "A") for r in records):
        return write_flow_zip(records, ipa, iuf, version)
    name = f"{ipa}-{iuf}-{version}.zip"
    lines = [";".join(columns_for_version(version))] + [join_fields(record_to_fields(r, version)) for r in records]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(name[:-4] + ".csv", "\n".join(lines) + "\n")
    return name, buf.getvalue()


def authorize(client, base_url: str, ipa: str = IPA, password: str = PASSWORD) -> tuple[str, str, str]:
    el = call(client, base_url, "paaSILAutorizzaImportFlusso", pw(password), ipa)
    assert fault_code(el) is None, ET.tostring(el)
    return text(el, "uploadUrl"), text(el, "authorizationToken"), text(el, "requestToken")


def upload(client, upload_url: str, auth_token: str, name: str, data: bytes):
    resp = client.post(upload_url, params={"authorizationToken": auth_token},
                       files={"file": (name, data, "application/zip")})
    assert resp.status_code == 200
    return resp.json()


def status(client, base_url: str, request_token: str, ipa: str = IPA) -> ET.Element:
    return call(client, base_url, "paaSILChiediStatoImportFlusso",
                f"<requestToken>{request_token}</requestToken>{pw()}<fileScarti>true</fileScarti>"
                "<fileIUV>true</fileIUV><fileAvvisi>true</fileAvvisi>", ipa)


def wait_status(client, base_url: str, request_token: str, timeout: float = 20.0) -> ET.Element:
    deadline = time.monotonic() + timeout
    while True:
        el = status(client, base_url, request_token)
        if text(el, "stato") not in ("LOAD_IMPORT", "IMPORT_IN_ELAB"):
            return el
        assert time.monotonic() < deadline, "elaborazione del flusso troppo lunga"
        time.sleep(0.02)


def push(client, base_url: str, name: str, data: bytes) -> ET.Element:
    """Authorize, upload, wait for the outcome; returns the final ChiediStatoImportFlussoRisposta."""
    upload_url, auth, request = authorize(client, base_url)
    answer = upload(client, upload_url, auth, name, data)
    assert "fileName" in answer[0], answer
    return wait_status(client, base_url, request)


def download(client, url: str) -> bytes:
    resp = client.get(url)
    assert resp.status_code == 200, resp.text
    return resp.content
