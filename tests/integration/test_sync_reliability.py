"""Reliability of the sync against the sandbox's switches: timeouts, 5xx, an upload cut in the middle,
malformed and hostile replies, and a crash between upload and bookkeeping. Every time: no debt lost,
none sent twice, a clear message, and the next sync succeeds."""

from __future__ import annotations

import time

import pytest

from mypay_desk.services.errors import PortalError
from tests.integration.portal_support import (
    journal_ops,
    make_list,
    portal_dovuti,
    start_sandbox,
    tari_records,
    tune,
)

pytestmark = pytest.mark.integration
N = 4


@pytest.fixture
def sandbox(workspace, ente, tmp_path):
    server = start_sandbox(workspace, ente, tmp_path / "sandbox")
    yield server
    server.stop()


@pytest.fixture
def tari(workspace, ente, sandbox):
    return make_list(workspace, "TARI", tari_records(N))


def _assert_all_on_portal_once(workspace, sandbox):
    rows = portal_dovuti(sandbox, "C_TEST")
    iuds = [r["iud"] for r in rows]
    assert sorted(iuds) == [f"TARI25-{i:05d}" for i in range(1, N + 1)]  # each exactly once
    debts = workspace.lists.get_debts("TARI")
    assert all(d.state == "SUL_PORTALE" and d.pending is None for d in debts)
    assert {d.iud: d.iuv for d in debts} == {r["iud"]: r["iuv"] for r in rows}


def _pending_again(workspace):
    debts = workspace.lists.get_debts("TARI")
    return all(d.state == "NUOVO" and d.pending == "I" for d in debts)


def test_timeout_on_authorisation(workspace, sandbox, tari):
    tune(workspace, read_timeout=0.3)
    sandbox.set_switches(latency_ms=800)
    started = time.monotonic()
    with pytest.raises(PortalError) as err:
        workspace.sync.push("TARI")
    assert time.monotonic() - started < 5  # Autorizza is repeated, but each try is bounded by the timeout
    assert err.value.transient and "in tempo" in str(err.value)
    assert _pending_again(workspace)  # nothing left half-way: the flow was forgotten
    assert workspace.sync.flows() == []
    assert workspace.portal.last_known_online() is False

    sandbox.set_switches(latency_ms=0)
    tune(workspace)
    r = workspace.sync.push("TARI")
    assert r.state == "ELABORATO" and r.accepted == N
    _assert_all_on_portal_once(workspace, sandbox)


def test_5xx_on_autorizza_is_retried_then_fails_cleanly_and_on_status_is_retried(workspace, sandbox, tari):
    # Autorizza is safe to repeat (issue 14): retried with back-off, then a clean failure
    sandbox.set_switches(fail_next=4, fail_status=503)
    with pytest.raises(PortalError) as err:
        workspace.sync.push("TARI")
    assert "HTTP 503" in str(err.value) and err.value.transient
    assert journal_ops(workspace) == ["paaSILAutorizzaImportFlusso"] * 4  # the first try and three retries
    assert _pending_again(workspace)

    sandbox.set_switches(processing_delay=0.3, fail_next=1)  # one 5xx: the push goes on
    first = workspace.sync.push("TARI", wait=False)
    assert first.state == "CARICATO"
    sandbox.set_switches(fail_next=2, fail_status=500)  # the next two status calls fail
    r = workspace.sync.push("TARI")
    assert r.state == "ELABORATO" and r.accepted == N
    _assert_all_on_portal_once(workspace, sandbox)
    outcomes = [(j.operation, j.outcome, j.http_status) for j in reversed(workspace.portal.journal())]
    assert ("paaSILChiediStatoImportFlusso", "ERROR", 500) in outcomes


def test_random_errors_never_send_a_row_twice(workspace, sandbox, tari):
    sandbox.set_switches(error_rate=0.4, seed=3)
    reports, failures = [], 0
    for _ in range(12):
        try:
            reports.append(workspace.sync.push("TARI"))
        except PortalError:
            failures += 1
        if reports and reports[-1].state == "ELABORATO":
            break
    assert reports and reports[-1].state == "ELABORATO"
    assert any(j.outcome == "ERROR" and j.http_status in (500, 503) for j in workspace.portal.journal())
    sandbox.set_switches(error_rate=0)
    assert workspace.sync.push("TARI").flow is None  # aligned
    _assert_all_on_portal_once(workspace, sandbox)


def test_upload_cut_in_the_middle_is_verified_then_uploaded_again(workspace, sandbox, tari):
    sandbox.set_switches(drop_upload=1)
    r = workspace.sync.push("TARI")
    assert r.state == "ELABORATO" and r.accepted == N
    ops = journal_ops(workspace)
    assert ops.count("uploadFlusso") == 2 and ops.count("paaSILAutorizzaImportFlusso") == 2
    _assert_all_on_portal_once(workspace, sandbox)


def test_upload_cut_every_time_gives_up_cleanly_and_next_sync_succeeds(workspace, sandbox, tari):
    sandbox.set_switches(drop_upload=2)
    with pytest.raises(PortalError) as err:
        workspace.sync.push("TARI")
    assert "interrotta" in str(err.value) or "caricamento" in str(err.value)
    assert _pending_again(workspace) and workspace.sync.flows() == []
    assert portal_dovuti(sandbox, "C_TEST") == []

    r = workspace.sync.push("TARI")
    assert r.state == "ELABORATO"
    _assert_all_on_portal_once(workspace, sandbox)


def test_crash_after_upload_resumes_by_polling_never_uploading_again(workspace, ente, sandbox, tari):
    from mypay_desk.store.repositories import portal as repo

    sync = workspace.sync
    # Record the flow, authorise and upload it, then "crash" before saving CARICATO.
    planned, list_id = _plan_everything(workspace, ente)
    flow_id = sync._record_flow(workspace.ente.current(), list_id, planned)
    with workspace.portal.client() as client:
        auth = client.autorizza_import_flusso()
        with workspace.db.session() as s:
            repo.update_flow(s, flow_id, state="AUTORIZZATO", request_token=auth.request_token)
            f = repo.get_flow(s, flow_id)
        client.upload_flow(auth, f.file_name, f.zip_data)
    uploads = journal_ops(workspace).count("uploadFlusso")

    r = sync.push("TARI")  # "after the restart"
    assert r.resumed and r.state == "ELABORATO" and r.accepted == N
    assert journal_ops(workspace).count("uploadFlusso") == uploads  # verified by token, not re-sent
    _assert_all_on_portal_once(workspace, sandbox)


def test_crash_before_upload_resumes_the_same_flow(workspace, ente, sandbox, tari):
    planned, list_id = _plan_everything(workspace, ente)
    flow_id = workspace.sync._record_flow(workspace.ente.current(), list_id, planned)  # then "crash"
    iuf = workspace.sync.flows()[0].iuf
    assert all(d.state == "IN_INVIO" for d in workspace.lists.get_debts("TARI"))

    r = workspace.sync.push("TARI")
    assert r.resumed and r.flow == iuf and r.flow_id == flow_id and r.state == "ELABORATO"
    assert len(workspace.sync.flows()) == 1
    _assert_all_on_portal_once(workspace, sandbox)


def test_flow_whose_zip_cannot_be_written_is_not_recorded(workspace, ente, sandbox, tari, monkeypatch):
    """The ZIP is written while the debts are marked in flight on another thread, in the same transaction:
    when writing it fails, neither the flow nor the marks are kept, and the next push sends the list."""
    from mypay_desk.services.sync import push as sync_push

    real = sync_push.import_flow.write_flow_zip

    def broken(*args, **kwargs):
        time.sleep(0.2)  # the marking has surely run meanwhile
        raise OSError("disco pieno")

    monkeypatch.setattr(sync_push.import_flow, "write_flow_zip", broken)
    with pytest.raises(OSError):
        workspace.sync.push("TARI")
    assert workspace.sync.flows() == []
    assert all(d.state == "NUOVO" for d in workspace.lists.get_debts("TARI"))
    assert portal_dovuti(sandbox, "C_TEST") == []

    monkeypatch.setattr(sync_push.import_flow, "write_flow_zip", real)
    r = workspace.sync.push("TARI")
    assert r.state == "ELABORATO" and r.accepted == N
    _assert_all_on_portal_once(workspace, sandbox)


def _plan_everything(workspace, ente):
    from mypay_desk.domain.debts import flow_hash
    from mypay_desk.services.portal import record_from_row
    from mypay_desk.services.sync.common import PlannedRow, wire_record
    from mypay_desk.store.repositories import portal as repo

    with workspace.db.session() as s:
        rows = repo.sync_rows(s, repo.get_list(s, ente.id, "TARI").id)
    return [PlannedRow(r, wire_record(record_from_row(r), "I"), "I", flow_hash(record_from_row(r)))
            for r in rows], rows[0]["list_id"]


@pytest.mark.parametrize("switch", ["malformed", "hostile"])
def test_broken_or_hostile_reply(workspace, sandbox, tari, switch):
    sandbox.set_switches(**{switch: 4})  # Autorizza is retried three times: every reply is broken
    started = time.monotonic()
    with pytest.raises(PortalError) as err:
        workspace.sync.push("TARI")  # the Autorizza reply is broken: no tokens, nothing uploaded
    assert time.monotonic() - started < 5  # entity expansion never happens
    text = str(err.value)
    assert ("DTD" in text or "entità" in text) if switch == "hostile" else "non valida" in text
    assert err.value.transient
    assert _pending_again(workspace) and portal_dovuti(sandbox, "C_TEST") == []

    r = workspace.sync.push("TARI")
    assert r.state == "ELABORATO"
    _assert_all_on_portal_once(workspace, sandbox)


@pytest.mark.parametrize("switch", ["malformed", "hostile"])
def test_broken_reply_while_polling_is_retried(workspace, sandbox, tari, switch):
    sandbox.set_switches(processing_delay=0.3)
    first = workspace.sync.push("TARI", wait=False)
    assert first.state == "CARICATO"
    sandbox.set_switches(**{switch: 2})
    r = workspace.sync.push("TARI")
    assert r.state == "ELABORATO" and r.accepted == N
    _assert_all_on_portal_once(workspace, sandbox)


def test_portal_unreachable(workspace, sandbox, tari):
    from dataclasses import replace

    ente = workspace.ente.current()
    workspace.ente.save(replace(ente, portal_url="http://127.0.0.1:9"))  # nothing listens there
    with pytest.raises(PortalError) as err:
        workspace.sync.push("TARI")
    assert "raggiungere il portale" in str(err.value)
    assert _pending_again(workspace)
    assert workspace.portal.last_known_online() is False


def test_flow_refused_as_a_whole_frees_its_debts_for_the_next_flow(workspace, ente, sandbox, tari):
    from mypay_desk.store.repositories import portal as repo

    planned, list_id = _plan_everything(workspace, ente)
    flow_id = workspace.sync._record_flow(workspace.ente.current(), list_id, planned)
    with workspace.db.session() as s:  # the file arrives damaged: the portal cannot read it
        repo.update_flow(s, flow_id, zip_data=b"PK\x03\x04" + b"\x00" * 64)

    refused = workspace.sync.push("TARI")
    assert refused.state == "ERRORE" and refused.accepted == 0 and refused.error
    assert "rifiutato dal portale" in refused.message
    assert {r.outcome for r in workspace.sync.flow_rows(flow_id)} == {"SKIPPED"}
    assert _pending_again(workspace)
    assert portal_dovuti(sandbox, "C_TEST") == []

    r = workspace.sync.push("TARI")
    assert r.flow != refused.flow and r.state == "ELABORATO" and r.accepted == N
    _assert_all_on_portal_once(workspace, sandbox)


def test_flow_whose_request_the_portal_no_longer_knows_frees_its_debts(workspace, ente, sandbox, tari):
    """A flow uploaded, then its request token unknown to the portal (another portal address set meanwhile, a
    purge, a token damaged on the way): the outcome can never be read. Once the portal has said so a few times
    the flow ends (ERRORE, its rows not applied) and its changes are pending again, instead of every later
    push failing on the same token."""
    from mypay_desk.store.repositories import portal as repo

    assert workspace.sync.push("TARI", wait=True).accepted == N
    ids = [d.id for d in workspace.lists.get_debts("TARI")]
    workspace.lists.update_debts({ids[0]: {"amount_cents": 4_321}, ids[2]: {"amount_cents": 6_543}})
    sandbox.set_switches(processing_delay=1.0)
    sent = workspace.sync.push("TARI", wait=False)
    assert sent.state == "CARICATO"
    with workspace.db.session() as s:
        repo.update_flow(s, sent.flow_id, request_token="0")  # what the portal will not recognise
    sandbox.set_switches(processing_delay=0.01)
    asked = journal_ops(workspace).count("paaSILChiediStatoImportFlusso")

    ended = workspace.sync.push("TARI", wait=True)

    assert ended.resumed and ended.state == "ERRORE" and ended.flow == sent.flow
    assert "PAA_REQUEST_TOKEN_NON_VALIDO" in ended.error and "non si può conoscere" in ended.error
    assert journal_ops(workspace).count("paaSILChiediStatoImportFlusso") - asked == 3  # asked again before giving up
    assert {r.outcome for r in workspace.sync.flow_rows(sent.flow_id)} == {"SKIPPED"}
    debts = {d.iud: d for d in workspace.lists.get_debts("TARI")}
    assert [debts[f"TARI25-{i:05d}"].pending for i in range(1, N + 1)] == ["M", None, "M", None]
    assert all(d.state == "SUL_PORTALE" for d in debts.values())

    again = workspace.sync.push("TARI", wait=True)
    assert again.flow != sent.flow and again.state == "ELABORATO" and (again.accepted, again.rejected) == (2, 0)
    assert {d["iud"]: d["amount_cents"] for d in portal_dovuti(sandbox, "C_TEST") if d["state"] != "ANNULLATO"
            and d["iud"] in ("TARI25-00001", "TARI25-00003")} == {"TARI25-00001": 4_321, "TARI25-00003": 6_543}


def _lose_a_flow_of_inserts(workspace, sandbox):
    """Push the new debts, then lose the flow's request token: the portal inserts them, this desk never learns
    it, and the flow ends (ERRORE) with its inserts pending again."""
    from mypay_desk.store.repositories import portal as repo

    sandbox.set_switches(processing_delay=0.5)
    sent = workspace.sync.push("TARI", wait=False)
    with workspace.db.session() as s:
        repo.update_flow(s, sent.flow_id, request_token="0")
    sandbox.set_switches(processing_delay=0.01)
    ended = workspace.sync.push("TARI", wait=True)
    assert ended.state == "ERRORE" and ended.flow == sent.flow
    assert _pending_again(workspace)
    deadline = time.monotonic() + 20
    while len(portal_dovuti(sandbox, "C_TEST")) < N and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(portal_dovuti(sandbox, "C_TEST")) == N  # the portal did insert them


def test_inserts_the_portal_already_holds_are_taken_back_with_its_iuv(workspace, ente, sandbox, tari):
    """Inserts refused because the portal holds their IUD (PAA_IMPORT_IUD_DUPLICATO) after a flow whose outcome
    was lost: each debt is taken back with the IUV the portal gave it (the debtor's open positions), never left
    RIFIUTATO without an IUV (an office changing the IUD would bill the citizen twice). The list's version goes
    as a modification with the next flow."""
    _lose_a_flow_of_inserts(workspace, sandbox)
    ids = [d.id for d in workspace.lists.get_debts("TARI")]
    workspace.lists.update_debts({ids[1]: {"amount_cents": 7_777}})  # edited after the lost flow

    again = workspace.sync.push("TARI", wait=True)

    assert again.state == "ELABORATO" and (again.accepted, again.rejected) == (0, N)
    assert sorted(r.iud for r in again.recovered) == [f"TARI25-{i:05d}" for i in range(1, N + 1)]
    assert {r.code for r in again.recovered} == {"SUL_PORTALE"}
    assert "erano già sul portale" in again.message
    assert all("ripreso con lo IUV" in r.message for r in again.rejections)
    held = {r["iud"]: r["iuv"] for r in portal_dovuti(sandbox, "C_TEST")}
    debts = workspace.lists.get_debts("TARI")
    assert {d.iud: d.iuv for d in debts} == held and all(held.values())
    assert all(d.state == "SUL_PORTALE" and d.notice_number and d.pending == "M" for d in debts)
    # counted as to send wherever the list's pending changes are counted (list footer, status bar, sync status)
    assert [s.pending_count for s in workspace.lists.lists()] == [N]
    assert (workspace.sync.status().pending[0].insert, workspace.sync.status().pending[0].modify) == (0, N)

    aligned = workspace.sync.push("TARI", wait=True)
    assert aligned.actions == {"I": 0, "M": N, "A": 0} and (aligned.accepted, aligned.rejected) == (N, 0)
    _assert_all_on_portal_once(workspace, sandbox)
    assert {d["iud"]: d["amount_cents"] for d in portal_dovuti(sandbox, "C_TEST")}["TARI25-00002"] == 7_777
    assert workspace.sync.push("TARI", wait=True).flow is None  # nothing left to send


def test_an_iud_another_debtor_holds_on_the_portal_stays_refused(workspace, ente, sandbox, tari):
    """The portal's debt with that IUD is not this debtor's: nothing is taken from it."""
    _lose_a_flow_of_inserts(workspace, sandbox)
    first = workspace.lists.get_debts("TARI")[0]
    workspace.lists.update_debts({first.id: {"debtor_code": "VRDGPP80A01F205X", "debtor_name": "Verdi Giuseppe"}})

    again = workspace.sync.push("TARI", wait=True)

    assert sorted(r.iud for r in again.recovered) == [f"TARI25-{i:05d}" for i in range(2, N + 1)]
    debts = {d.iud: d for d in workspace.lists.get_debts("TARI")}
    assert debts["TARI25-00001"].state == "RIFIUTATO" and not debts["TARI25-00001"].iuv
    assert "PAA_IMPORT_IUD_DUPLICATO" in debts["TARI25-00001"].portal_error_code


def test_an_insert_at_the_desk_the_portal_already_holds_is_taken_back_and_sent_as_a_modification(
        workspace, ente, sandbox, tari):
    from dataclasses import replace

    workspace.ente.save(replace(workspace.ente.current(), adhesion_mode="ente"))
    _lose_a_flow_of_inserts(workspace, sandbox)
    debt = workspace.lists.get_debts("TARI")[2]
    workspace.lists.update_debts({debt.id: {"amount_cents": 5_555}})

    result = workspace.sync.send_single(debt.id)

    held = {r["iud"]: r for r in portal_dovuti(sandbox, "C_TEST")}
    assert result.accepted and result.action == "M" and result.iuv == held[debt.iud]["iuv"]
    assert held[debt.iud]["amount_cents"] == 5_555
    after = {d.iud: d for d in workspace.lists.get_debts("TARI")}[debt.iud]
    assert after.state == "SUL_PORTALE" and after.pending is None and after.iuv == result.iuv
    assert sorted(held) == [f"TARI25-{i:05d}" for i in range(1, N + 1)]  # still each once


def test_an_insert_the_portal_holds_paid_by_the_debtor_is_marked_paid(workspace, ente, sandbox, tari):
    """The citizen paid the debt the lost flow inserted before the desk sent it again: PAGATO, with the reason."""
    _lose_a_flow_of_inserts(workspace, sandbox)
    sandbox.pay("C_TEST", iuds=["TARI25-00004"])

    again = workspace.sync.push("TARI", wait=True)

    assert {r.iud: r.code for r in again.recovered}["TARI25-00004"] == "PAGATO"
    debts = {d.iud: d for d in workspace.lists.get_debts("TARI")}
    assert debts["TARI25-00004"].state == "PAGATO" and "già pagato" in debts["TARI25-00004"].portal_error_message
    assert {d.state for iud, d in debts.items() if iud != "TARI25-00004"} == {"SUL_PORTALE"}


def test_a_debt_with_its_own_iuv_other_than_the_portals_is_not_taken(workspace, ente, sandbox, tari):
    """The portal's debt with that IUD has another IUV: two debts, nothing taken."""
    _lose_a_flow_of_inserts(workspace, sandbox)
    first = workspace.lists.get_debts("TARI")[0]
    own = workspace.codes.allocate_iuvs(1, ente.id)[0]
    workspace.lists.update_debts({first.id: {"iuv": own, "generate_iuv": False}})

    again = workspace.sync.push("TARI", wait=True)

    assert not again.skipped
    assert "TARI25-00001" not in {r.iud for r in again.recovered} and len(again.recovered) == N - 1
    after = {d.iud: d for d in workspace.lists.get_debts("TARI")}["TARI25-00001"]
    assert after.state == "RIFIUTATO" and after.iuv == own


def test_inserts_beyond_the_limit_say_how_to_take_them_back(workspace, ente, sandbox, tari):
    """A whole flow lost: each outcome looks for a bounded number of debts on the portal; the others say how to take
    them back, and sending them again does."""
    _lose_a_flow_of_inserts(workspace, sandbox)
    workspace.sync.paid_check_limit = 2

    first = workspace.sync.push("TARI", wait=True)

    assert len(first.recovered) == 2
    left = [r for r in first.rejections if r.iud not in {x.iud for x in first.recovered}]
    assert len(left) == 2 and all("oltre i primi 2 del flusso" in r.message and "Reinvia" in r.message for r in left)
    second = workspace.sync.push("TARI", wait=True)  # the two taken back go as M; the refused wait for the clerk
    assert second.actions == {"I": 0, "M": 2, "A": 0} and {r.iud for r in second.skipped} == {r.iud for r in left}

    again = workspace.sync.push("TARI", wait=True, resend_rejected=True)

    assert sorted(r.iud for r in again.recovered) == sorted(r.iud for r in left)
    held = {r["iud"]: r["iuv"] for r in portal_dovuti(sandbox, "C_TEST")}
    assert {d.iud: d.iuv for d in workspace.lists.get_debts("TARI")} == held
