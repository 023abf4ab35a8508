# ruff: noqa: F401, F811 - pytest fixtures (sim, client) come from the support module
"""The sandbox portal over real HTTP: provisioning, authentication, flow upload and processing, SCARTI
with MyPay's codes, IUV generation, M/A semantics, request tokens."""

from __future__ import annotations

import io
import time
import zipfile
from dataclasses import replace
from datetime import date, timedelta

import pytest
from test_simulator_support import (
    CF_ENTE,
    CFS,
    IPA,
    PASSWORD,
    SEGREGATION,
    authorize,
    call,
    client,
    debt,
    download,
    fault_code,
    flow_zip,
    provision,
    push,
    pw,
    sim,
    status,
    text,
    upload,
    wait_status,
)

from mypay_desk.domain.codes import check_code, iuv17_for_ente
from mypay_desk.domain.debts import Accertamento, Capitolo
from mypay_desk.formats.import_flow import read_flow, read_rejections

pytestmark = pytest.mark.integration
PAST = date.today() - timedelta(days=1)


def _codes(client, url: str) -> dict[str, tuple[str, str]]:
    """IUD -> (the codes of its row joined by |, its description as written)."""
    _, rejected = read_rejections(download(client, url), name="x_SCARTI.zip")
    return {r.iud or f"riga{r.row}": ("|".join(r.codes), r.message) for r in rejected}


def _raw_codes(client, url: str) -> dict[str, str]:
    """IUD -> cod_rifiuto exactly as written."""
    _, rejected = read_rejections(download(client, url), name="x_SCARTI.zip")
    return {r.iud or f"riga{r.row}": r.code for r in rejected}


def test_provisioning_refuses_bad_data(sim):
    from mypay_desk.simulator.state import StateError

    with pytest.raises(StateError, match="da 8 a 15"):
        sim.add_ente("C_X", CF_ENTE, "corta", ["TARI"])
    with pytest.raises(StateError, match="codice fiscale"):
        sim.add_ente("C_X", "01199250159", PASSWORD, ["TARI"])
    with pytest.raises(StateError, match="segregazione"):
        sim.add_ente("C_X", CF_ENTE, PASSWORD, ["TARI"], segregation_code="1")
    with pytest.raises(StateError, match="Opzione"):
        sim.add_ente("C_X", CF_ENTE, PASSWORD, ["TARI:boh"])


def test_authentication_faults(sim, client):
    url = sim.base_url
    ok = call(client, url, "paaSILAutorizzaImportFlusso", pw())
    assert fault_code(ok) is None
    assert text(ok, "uploadUrl") == f"{url}/public/mybox/uploadFlusso"
    assert text(ok, "authorizationToken") and text(ok, "requestToken") and text(ok, "importPath")

    wrong = call(client, url, "paaSILAutorizzaImportFlusso", pw("Sbagliata123"))
    assert fault_code(wrong) == "PAA_ENTE_NON_VALIDO"
    assert text(wrong, "fault/id") == IPA
    assert text(wrong, "uploadUrl") == ""  # required by the WSDL: present, empty beside a fault
    assert fault_code(call(client, url, "paaSILAutorizzaImportFlusso", "")) == "PAA_ENTE_NON_VALIDO"
    unknown = call(client, url, "paaSILAutorizzaImportFlusso", pw(), ipa="C_NESSUNO")
    assert fault_code(unknown) == "PAA_ENTE_NON_VALIDO"
    assert "C_NESSUNO" in text(unknown, "fault/faultString")
    no_header = call(client, url, "paaSILAutorizzaImportFlusso", pw(), ipa=None)
    assert fault_code(no_header) == "PAA_ENTE_NON_VALIDO"
    # a qualified password is not read (JAXB ignores it): the fault says why
    qualified = call(client, url, "paaSILAutorizzaImportFlusso", f"<ppt:password>{PASSWORD}</ppt:password>")
    assert fault_code(qualified) == "PAA_ENTE_NON_VALIDO"
    assert "namespace" in text(qualified, "fault/description")


def test_unreadable_envelopes_get_a_soap_fault(sim, client):
    for body in (b"not xml at all", b"<a/>",
                 b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]><x>&e;</x>'):
        resp = client.post(f"{sim.base_url}/ws/pa/", content=body, headers={"Content-Type": "text/xml"})
        assert resp.status_code == 500
        assert b"Fault" in resp.content and b"faultstring" in resp.content


def test_state_survives_a_restart(tmp_path, client):
    from mypay_desk.simulator.server import SimulatorServer

    first = SimulatorServer(tmp_path / "s", processing_delay=0)
    first.start()
    provision(first)
    name, data = flow_zip([debt("R-1", generate_iuv=True)], "RESTART1")
    outcome = push(client, first.base_url, name, data)
    assert text(outcome, "stato") == "IMPORT_ESEGUITO"
    first.stop()
    second = SimulatorServer(tmp_path / "s", processing_delay=0)
    url = second.start()
    try:
        assert fault_code(call(client, url, "paaSILAutorizzaImportFlusso", pw())) is None
        rows = second.state.dovuti(second.state.ente_by_ipa(IPA).id)
        assert [r["iud"] for r in rows] == ["R-1"]
        # the IUV progressive goes on: the next generated IUV is a new one
        name, data = flow_zip([debt("R-2", generate_iuv=True)], "RESTART2")
        assert text(push(client, url, name, data), "stato") == "IMPORT_ESEGUITO"
        iuvs = {r["iuv"] for r in second.state.dovuti(second.state.ente_by_ipa(IPA).id)}
        assert len(iuvs) == 2
    finally:
        second.stop()


def test_flow_states_are_asynchronous(tmp_path, client):
    from mypay_desk.simulator.server import SimulatorServer

    server = SimulatorServer(tmp_path / "s", processing_delay=0.8)
    url = server.start()
    try:
        provision(server)
        upload_url, auth, request = authorize(client, url)
        name, data = flow_zip([debt("A-1")], "ASYNC1")
        upload(client, upload_url, auth, name, data)
        seen = [text(status(client, url, request), "stato")]
        deadline = time.monotonic() + 10
        while seen[-1] != "IMPORT_ESEGUITO" and time.monotonic() < deadline:
            time.sleep(0.05)
            state = text(status(client, url, request), "stato")
            if state != seen[-1]:
                seen.append(state)
        assert seen == ["LOAD_IMPORT", "IMPORT_IN_ELAB", "IMPORT_ESEGUITO"]
    finally:
        server.stop()


def test_upload_processing_scarti_iuv_and_notices(sim, client):
    own_iuv = iuv17_for_ente(SEGREGATION, 1)
    bil = [Capitolo("C1", "", [Accertamento(100, "A1")])]
    records = [
        debt("OK-GEN", generate_iuv=True),
        debt("OK-OWN", iuv=own_iuv, cf=CFS[1]),
        debt("OK-MENSA", debt_type="MENSA", cf="ANONIMO", due_date=None, generate_iuv=True, amount=500),
        debt("BAD-CF", cf="RSSMRA85T10A562X"),
        debt("BAD-PIVA", debtor_type="G", cf="01199250159"),
        debt("BAD-TYPE", debt_type="NESSUNO"),
        debt("OFF-TYPE", debt_type="VECCHIO"),
        debt("BAD-CAP", postal_code="2010"),
        debt("BAD-PROV", province="XX"),
        debt("BAD-MAIL", email="mario@"),
        debt("NO-DUE", due_date=None),
        debt("ZERO", amount=0),
        debt("BAD-DSR", collection_data="8/xx"),
        debt("BAD-BIL", bilancio=bil),
        debt("OK-GEN", cf=CFS[2]),  # same IUD again in the flow
        debt("BAD-ACT", action="X"),
        debt("000-BAD"),
        debt("IUV-00", iuv="12" + "00" + "0" * 11 + "00"),
        debt("IUV-SEGR", iuv=iuv17_for_ente("34", 1)),
        debt("PAST", due_date=PAST),
    ]
    name, data = flow_zip(records, "FLUSSO1")
    outcome = push(client, sim.base_url, name, data)
    assert text(outcome, "stato") == "IMPORT_ESEGUITO"
    scarti = _codes(client, text(outcome, "urlFileScarti"))
    expected = {
        "BAD-CF": "PAA_IMPORT_SINTASSI_CSV_COD_FISC",
        "BAD-PIVA": "PAA_IMPORT_SINTASSI_CSV_P_IVA",
        "BAD-TYPE": "PAA_IMPORT_SINTASSI_CSV_TIPO_DOVUTO_INESISTENTE",
        "OFF-TYPE": "PAA_IMPORT_SINTASSI_CSV_TIPO_DOVUTO_NON_ATTIVO_PER_ENTE",
        "BAD-CAP": "PAA_IMPORT_SINTASSI_CSV_CAP",
        "BAD-PROV": "PAA_IMPORT_SINTASSI_CSV_PROV",
        "BAD-MAIL": "PAA_IMPORT_SINTASSI_CSV_EMAIL",
        "NO-DUE": "PAA_IMPORT_SINTASSI_CSV_DATA_SCADENZA_PAGAMENTO_NON_PRESENTE",
        "ZERO": "PAA_IMPORT_SINTASSI_CSV_IMPORTO",
        "BAD-DSR": "PAA_IMPORT_SINTASSI_CSV_DATI_RISCOSS",
        "BAD-BIL": "PAA_IMPORT_SINTASSI_CSV_BILANCIO",
        "OK-GEN": "PAA_IMPORT_IUD_DUPLICATO",
        "BAD-ACT": "PAA_IMPORT_SINTASSI_CSV_AZIONE",
        "000-BAD": "PAA_IMPORT_SINTASSI_CSV_IUD",
        "IUV-00": "PAA_IMPORT_SINTASSI_CSV_IUV",
        "IUV-SEGR": "PAA_IMPORT_SINTASSI_CSV_IUV",
        "PAST": "PAA_IMPORT_DATA_SCADENZA_PAGAMENTO_OBBLIGATORIA",
    }
    assert {k: v[0] for k, v in scarti.items()} == expected
    assert all(msg for _, msg in scarti.values())
    # written as MyPay writes them (ImportFlussoTaskService.validaElabora, DovutoService.importDovutoImportFlusso):
    # validation and database codes each after a "|", COD_FISC appended bare, the in-flow duplicate and the
    # azione error bare
    raw = _raw_codes(client, text(outcome, "urlFileScarti"))
    assert raw["BAD-CF"] == "PAA_IMPORT_SINTASSI_CSV_COD_FISC"
    assert raw["BAD-MAIL"] == "|PAA_IMPORT_SINTASSI_CSV_EMAIL"
    assert raw["PAST"] == "|PAA_IMPORT_DATA_SCADENZA_PAGAMENTO_OBBLIGATORIA"
    assert raw["OK-GEN"] == "PAA_IMPORT_IUD_DUPLICATO" and raw["BAD-ACT"] == "PAA_IMPORT_SINTASSI_CSV_AZIONE"

    version, accepted, errors = read_flow(download(client, text(outcome, "urlFileIUV")), name=f"{name[:-4]}_IUV.zip")
    assert version == "1_4" and not errors
    by_iud = {r.iud: r for r in accepted}
    assert set(by_iud) == {"OK-GEN", "OK-OWN", "OK-MENSA"}
    assert by_iud["OK-OWN"].iuv == own_iuv
    generated = by_iud["OK-GEN"].iuv
    assert check_code(generated).kind == "IUV17" and generated.startswith(SEGREGATION + "00")
    assert by_iud["OK-MENSA"].iuv != generated and by_iud["OK-MENSA"].iuv.startswith(SEGREGATION + "00")

    with zipfile.ZipFile(io.BytesIO(download(client, text(outcome, "urlFileAvvisi")))) as zf:
        names = sorted(zf.namelist())
        assert names == sorted(f"avviso_{by_iud[i].iuv}.pdf" for i in ("OK-GEN", "OK-MENSA"))
        assert zf.read(names[0]).startswith(b"%PDF")

    # download URLs are bound to their file: a forged token is refused
    bad = text(outcome, "urlFileIUV").replace("securityToken=", "securityToken=x")
    assert client.get(bad).status_code == 403


def test_no_scarti_url_when_nothing_rejected(sim, client):
    name, data = flow_zip([debt("ONLY-1"), debt("ONLY-2", cf=CFS[1])], "PULITO", version="1_2")
    outcome = push(client, sim.base_url, name, data)
    assert text(outcome, "stato") == "IMPORT_ESEGUITO"
    assert text(outcome, "urlFileScarti") is None and text(outcome, "urlFileAvvisi") is None
    assert text(outcome, "urlFileIUV")


@pytest.mark.parametrize(("name", "expected"), [
    ("C_TEST-F1.zip", "PAA_IMPORT_NOME_FILE_ERR"),
    ("C_ALTRO-F1-1_4.zip", "PAA_IMPORT_ENTE_ERR(C_ALTRO,C_TEST)"),
    ("C_TEST-F1-1_9.zip", "PAA_IMPORT_FILE_VERSIONE_ERR(1_9)"),
])
def test_file_name_errors(sim, client, name, expected):
    _, data = flow_zip([debt("N-1")], "F1")
    outcome = push(client, sim.base_url, name, data)
    assert text(outcome, "stato") == expected
    assert text(outcome, "urlFileIUV") is None


def test_zip_without_the_csv_and_duplicate_flow(sim, client):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("altro.csv", "x")
    assert text(push(client, sim.base_url, "C_TEST-NOCSV-1_4.zip", buf.getvalue()), "stato") == "PAA_IMPORT_NO_CSV"
    assert text(push(client, sim.base_url, "C_TEST-NOZIP-1_4.zip", b"not a zip"), "stato") == "PAA_IMPORT_NO_CSV"

    name, data = flow_zip([debt("DUP-1")], "STESSO")
    assert text(push(client, sim.base_url, name, data), "stato") == "IMPORT_ESEGUITO"
    # the same flow sent again (e.g. after a lost reply) is refused as a whole: nothing applied twice
    name, data = flow_zip([debt("DUP-2")], "STESSO")
    assert text(push(client, sim.base_url, name, data), "stato") == "PAA_IMPORT_FLUSSO_DUPLICATO"
    assert [r["iud"] for r in sim.state.dovuti(sim.state.ente_by_ipa(IPA).id)] == ["DUP-1"]


def test_request_tokens(sim, client):
    url = sim.base_url
    upload_url, auth, request = authorize(client, url)
    assert fault_code(status(client, url, request)) == "PAA_REQUEST_TOKEN_NON_VALIDO"  # nothing uploaded yet
    name, data = flow_zip([debt("T-1")], "TOK1")
    assert upload(client, upload_url, auth, name, data)[0]["fileName"] == name
    again = upload(client, upload_url, auth, name, data)[0]
    assert again["codice"] == "500" and "già usato" in again["descrizione"]
    assert upload(client, upload_url, "inventato", name, data)[0]["codice"] == "400"
    assert text(wait_status(client, url, request), "stato") == "IMPORT_ESEGUITO"
    # polling is allowed as often as needed
    assert text(status(client, url, request), "stato") == "IMPORT_ESEGUITO"
    assert fault_code(status(client, url, "00000000-0000-0000-0000-000000000000")) == "PAA_REQUEST_TOKEN_NON_VALIDO"
    # another Ente cannot read this token
    sim.add_ente("C_ALTRO", CF_ENTE, PASSWORD, ["TARI"])
    other = status(client, url, request, ipa="C_ALTRO")
    assert fault_code(other) == "PAA_REQUEST_TOKEN_NON_VALIDO" and "non autorizzato" in text(other, "fault/faultString")
    # multipart rules: exactly one non-empty file
    upload_url, auth, _ = authorize(client, url)
    empty = client.post(upload_url, params={"authorizationToken": auth}, files={"file": ("x.zip", b"", "application/zip")})
    assert "file vuoto" in empty.json()[0]["descrizione"]
    two = client.post(upload_url, params={"authorizationToken": auth},
                      files=[("a", ("a.zip", b"1", "application/zip")), ("b", ("b.zip", b"2", "application/zip"))])
    assert "file presenti: 2" in two.json()[0]["descrizione"]


def test_modify_and_annul_semantics(sim, client):
    url = sim.base_url
    first = [debt("MA-1"), debt("MA-2", cf=CFS[1]), debt("MA-3", cf=CFS[2]), debt("MA-4", cf=CFS[3]),
             debt("MA-5", cf=CFS[4], generate_iuv=True)]
    name, data = flow_zip(first, "MA1")
    assert text(push(client, url, name, data), "stato") == "IMPORT_ESEGUITO"
    assert sim.pay(IPA, iuds=["MA-3"])["paid"][0]["iud"] == "MA-3"
    ente_id = sim.state.ente_by_ipa(IPA).id
    generated = sim.state.dovuti(ente_id, iud="MA-5")[0]["iuv"]

    second = [
        replace(first[0], amount_cents=20000, action="M"),
        replace(first[1], action="A"),
        replace(first[2], amount_cents=1, action="M"),  # paid meanwhile
        debt("MA-X", action="M"),  # never sent
        replace(first[3], action="I"),  # already there
        replace(first[3], iud="MA-4", debt_type="MENSA", action="M"),  # would change the tipo: refused
        replace(first[4], iuv=generated, generate_iuv=False, action="M", amount_cents=999),  # MyPay's IUV, no flag
    ]
    # MA-4 appears twice: the first (I) is rejected, so the second is judged on its own
    name, data = flow_zip(second, "MA2")
    outcome = push(client, url, name, data)
    scarti = _codes(client, text(outcome, "urlFileScarti"))
    assert scarti["MA-3"][0] == "PAA_IMPORT_DOVUTO_NON_PRESENTE" and "COMPLETATO" in scarti["MA-3"][1]
    assert scarti["MA-X"][0] == "PAA_IMPORT_ERROR" and "Dovuto non trovato" in scarti["MA-X"][1]
    assert scarti["MA-4"][0] in ("PAA_IMPORT_IUD_DUPLICATO", "PAA_IMPORT_TIPO_DOVUTO_NON_MODIFICABILE")
    assert scarti["MA-5"][0] == "PAA_IMPORT_SINTASSI_CSV_IUV"
    _, accepted, _ = read_flow(download(client, text(outcome, "urlFileIUV")), name="C_TEST-MA2-1_4_IUV.zip")
    assert [(r.iud, r.action) for r in accepted] == [("MA-1", "M"), ("MA-2", "A")]
    states = {r["iud"]: (r["state"], r["amount_cents"]) for r in sim.state.dovuti(ente_id)}
    assert states["MA-1"] == ("INSERIMENTO_DOVUTO", 20000)
    assert states["MA-2"][0] == "ANNULLATO"
    assert states["MA-3"] == ("COMPLETATO", 12345)

    third = [replace(first[1], action="I"),  # an annulled IUD can be inserted again
             replace(first[4], iuv=generated, generate_iuv=True, action="M", amount_cents=999),
             replace(first[3], debt_type="MENSA", action="M"),
             replace(first[1], iud="MA-2", action="A")]
    name, data = flow_zip(third, "MA3")
    outcome = push(client, url, name, data)
    scarti = _codes(client, text(outcome, "urlFileScarti"))
    assert scarti == {"MA-4": ("PAA_IMPORT_TIPO_DOVUTO_NON_MODIFICABILE", scarti["MA-4"][1]),
                      "MA-2": ("PAA_IMPORT_IUD_DUPLICATO", scarti["MA-2"][1])}
    rows = sim.state.dovuti(ente_id, iud="MA-2")
    assert [r["state"] for r in rows] == ["ANNULLATO", "INSERIMENTO_DOVUTO"]
    assert sim.state.dovuti(ente_id, iud="MA-5")[0]["amount_cents"] == 999


def test_pending_flow_is_processed_after_a_restart(tmp_path, client):
    from mypay_desk.simulator.server import SimulatorServer

    first = SimulatorServer(tmp_path / "s", processing_delay=30)
    url = first.start()
    provision(first)
    upload_url, auth, request = authorize(client, url)
    name, data = flow_zip([debt("PEND-1")], "PENDING")
    upload(client, upload_url, auth, name, data)
    assert text(status(client, url, request), "stato") == "LOAD_IMPORT"
    first.stop()  # stopped before the flow was processed
    second = SimulatorServer(tmp_path / "s", processing_delay=0)
    url = second.start()
    try:
        assert text(wait_status(client, url, request), "stato") == "IMPORT_ESEGUITO"
        assert [r["iud"] for r in second.state.dovuti(second.state.ente_by_ipa(IPA).id)] == ["PEND-1"]
    finally:
        second.stop()
