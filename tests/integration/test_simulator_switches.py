# ruff: noqa: F401, F811 - pytest fixtures (sim, client) come from the support module
"""Each switch of the sandbox is observable over HTTP: latency, 5xx error rate and fail_next, an upload
cut in the middle, truncated and hostile replies; switches set from Python and over /sandbox/switches."""

from __future__ import annotations

import time

import httpx
import pytest
from test_simulator_support import (
    authorize,
    call,
    client,
    debt,
    envelope,
    fault_code,
    flow_zip,
    pw,
    sim,
    status,
    text,
    upload,
    wait_status,
)

from mypay_desk.formats.xmlsafe import XmlError, parse_xml

pytestmark = pytest.mark.integration

HEADERS = {"Content-Type": "text/xml; charset=utf-8", "SOAPAction": '"paaSILAutorizzaImportFlusso"'}


def _raw_authorize(client, url: str) -> httpx.Response:
    return client.post(f"{url}/ws/pa/", content=envelope("paaSILAutorizzaImportFlusso", pw()), headers=HEADERS)


def _authorizations(sim) -> int:
    return sim.state.conn().execute("SELECT count(*) FROM import_request").fetchone()[0]


def test_latency(sim, client):
    sim.set_switches(latency_ms=400)
    for _ in range(2):
        t0 = time.perf_counter()
        assert fault_code(call(client, sim.base_url, "paaSILAutorizzaImportFlusso", pw())) is None
        assert time.perf_counter() - t0 >= 0.4
    assert sim.set_switches(latency_ms=0)["latency_ms"] == 0


def test_fail_next_and_error_rate(sim, client):
    url = sim.base_url
    before = _authorizations(sim)
    sim.set_switches(fail_next=2)
    assert [_raw_authorize(client, url).status_code for _ in range(3)] == [503, 503, 200]
    assert _authorizations(sim) == before + 1  # failed calls did nothing
    sim.set_switches(fail_next=1, fail_status=500)
    failed = _raw_authorize(client, url)
    assert failed.status_code == 500 and b"Envelope" not in failed.content

    resp = client.post(f"{url}/sandbox/switches", json={"error_rate": 1.0})
    assert resp.status_code == 200 and resp.json()["error_rate"] == 1.0
    assert {_raw_authorize(client, url).status_code for _ in range(6)} <= {500, 503}

    def run() -> list[int]:
        sim.set_switches(error_rate=0.5, seed=42)
        return [_raw_authorize(client, url).status_code for _ in range(16)]

    first = run()
    assert first == run()  # seeded: the same sequence again
    assert 200 in first and any(s >= 500 for s in first)
    sim.set_switches(error_rate=0)
    assert _raw_authorize(client, url).status_code == 200


def test_upload_dropped_midway_then_retried(sim, client):
    url = sim.base_url
    records = [debt(f"DROP-{i}", causale="x" * 900) for i in range(300)]
    name, data = flow_zip(records, "DROP1")
    padding = bytes(range(256)) * 1500  # a body bigger than one socket buffer
    upload_url, auth, request = authorize(client, url)
    sim.set_switches(drop_upload=1)
    with pytest.raises(httpx.TransportError):
        client.post(upload_url, params={"authorizationToken": auth},
                    files={"file": (name, data, "application/zip"), "pad": ("pad.bin", padding)})
    assert sim.switches_dict()["drop_upload"] == 0
    # nothing was stored: the token is still unused and can carry the flow now
    assert fault_code(status(client, url, request)) == "PAA_REQUEST_TOKEN_NON_VALIDO"
    assert upload(client, upload_url, auth, name, data)[0]["fileName"] == name
    assert text(wait_status(client, url, request), "stato") == "IMPORT_ESEGUITO"


def test_upload_reply_lost_then_flow_sent_again(sim, client):
    url = sim.base_url
    name, data = flow_zip([debt("LOST-1")], "LOST1")
    upload_url, auth, request = authorize(client, url)
    sim.set_switches(lose_upload_reply=1)
    with pytest.raises(httpx.TransportError):
        client.post(upload_url, params={"authorizationToken": auth}, files={"file": (name, data, "application/zip")})
    # the portal got it and processes it; the same flow sent again is refused whole
    upload_url2, auth2, request2 = authorize(client, url)
    assert upload(client, upload_url2, auth2, name, data)[0]["fileName"] == name
    assert text(wait_status(client, url, request), "stato") == "IMPORT_ESEGUITO"
    assert text(wait_status(client, url, request2), "stato") == "PAA_IMPORT_FLUSSO_DUPLICATO"
    assert len(sim.state.dovuti(sim.state.ente_by_ipa("C_TEST").id)) == 1


def test_malformed_reply_after_the_operation_ran(sim, client):
    url = sim.base_url
    before = _authorizations(sim)
    sim.set_switches(malformed=1)
    resp = _raw_authorize(client, url)
    assert resp.status_code == 200
    with pytest.raises(XmlError):
        parse_xml(resp.content, "risposta")
    assert _authorizations(sim) == before + 1  # the portal did the work, only the reply is broken
    assert fault_code(call(client, url, "paaSILAutorizzaImportFlusso", pw())) is None


def test_hostile_reply(sim, client):
    url = sim.base_url
    assert client.post(f"{url}/sandbox/switches", json={"hostile": 1}).json()["hostile"] == 1
    resp = _raw_authorize(client, url)
    assert resp.status_code == 200 and b"<!ENTITY" in resp.content and b'SYSTEM "file:' in resp.content
    with pytest.raises(XmlError, match="pericolosi"):
        parse_xml(resp.content, "risposta")
    assert fault_code(call(client, url, "paaSILAutorizzaImportFlusso", pw())) is None


def test_switch_endpoint_refuses_bad_values(sim, client):
    url = sim.base_url
    assert client.post(f"{url}/sandbox/switches", json={"error_rate": 2}).status_code == 400
    assert client.post(f"{url}/sandbox/switches", json={"inventato": 1}).status_code == 400
    assert client.post(f"{url}/sandbox/switches", json={"fail_status": 404}).status_code == 400
    current = client.get(f"{url}/sandbox/switches").json()
    assert current == {"latency_ms": 0, "error_rate": 0.0, "fail_next": 0, "fail_status": 503, "drop_upload": 0,
                       "lose_upload_reply": 0, "malformed": 0, "hostile": 0, "seed": None, "processing_delay": 0.0}
    status_doc = client.get(f"{url}/sandbox/status").json()
    assert status_doc["entes"][0]["ipa"] == "C_TEST" and status_doc["base_url"] == url
