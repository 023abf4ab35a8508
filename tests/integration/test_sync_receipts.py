"""`sync receipts` against the real sandbox over loopback: paying debts there marks exactly those paid."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from mypay_desk.services.errors import Cancelled
from mypay_desk.services.progress import CancelToken
from mypay_desk.services.receipts import FIRST_SYNC_DAYS
from tests.integration.portal_support import make_list, portal_dovuti, start_sandbox, tari_records

pytestmark = pytest.mark.integration


@pytest.fixture
def sandbox(workspace, ente, tmp_path):
    server = start_sandbox(workspace, ente, tmp_path / "sandbox")
    yield server
    server.stop()


def _states(workspace, name):
    return {d.iud: d for d in workspace.lists.get_debts(name, include_instalments=True)}


def _sync(workspace, **kw):
    return workspace.receipts.sync_receipts(poll_first=0.02, poll_timeout=30, **kw)


def test_paying_on_sandbox_then_sync_marks_exactly_those_paid(workspace, ente, sandbox):
    make_list(workspace, "TARI 2025", tari_records(8))
    assert workspace.sync.push("TARI 2025", wait=True).accepted == 8
    paid_iuds = ["TARI25-00002", "TARI25-00005", "TARI25-00007"]
    sandbox.pay(ente.ipa_code, iuds=paid_iuds)

    before = datetime.now()
    report = _sync(workspace)

    assert (report.state, report.receipts, report.new, report.matched, report.unmatched) == \
        ("IMPORTATO", 3, 3, 3, 0)
    assert report.errors == [] and report.version == "1.3" and report.with_receipt
    # first sync: from FIRST_SYNC_DAYS ago; the portal's dateTo is kept for the next one
    assert report.date_from.date() == (before - timedelta(days=FIRST_SYNC_DAYS)).date()
    assert workspace.receipts.synced_to() == report.date_to
    debts = _states(workspace, "TARI 2025")
    assert sorted(iud for iud, d in debts.items() if d.state == "PAGATO") == paid_iuds
    for iud in paid_iuds:
        assert debts[iud].paid_amount_cents == debts[iud].amount_cents
    assert all(d.state == "SUL_PORTALE" for iud, d in debts.items() if iud not in paid_iuds)
    # the decoded receipt of the sandbox is shown in the detail pane
    v = next(r for r in workspace.receipts.list() if r.iud == "TARI25-00005")
    det = workspace.receipts.detail(v.id)
    assert det.debt["iud"] == "TARI25-00005" and det.debt["state"] == "PAGATO"
    assert det.summary is not None and det.summary.kind == "paSendRT" and det.summary.iuv == v.iuv
    assert det.summary.amount_cents == debts["TARI25-00005"].amount_cents

    # incremental: nothing new, nothing doubled
    again = _sync(workspace)
    assert again.new == 0 and again.state in ("VUOTO", "IMPORTATO")
    assert workspace.receipts.totals().count == 3

    sandbox.pay(ente.ipa_code, iuds=["TARI25-00001"])
    third = _sync(workspace)
    assert (third.new, third.matched) == (1, 1)
    debts = _states(workspace, "TARI 2025")
    assert sorted(iud for iud, d in debts.items() if d.state == "PAGATO") == sorted([*paid_iuds, "TARI25-00001"])


def test_interrupted_sync_resumes_the_same_booking(workspace, ente, sandbox):
    make_list(workspace, "TARI", tari_records(3))
    workspace.sync.push("TARI", wait=True)
    sandbox.pay(ente.ipa_code, iuds=["TARI25-00003"])
    sandbox.set_switches(processing_delay=1.0)  # the export stays "in elaborazione" for a while
    token = CancelToken()

    def cancel_while_waiting(_done, _total, message):
        if "preparando" in message:
            token.cancel()

    with pytest.raises(Cancelled):
        _sync(workspace, progress=cancel_while_waiting, cancel=token)
    assert workspace.receipts.synced_to() is None  # nothing imported: the start stays where it was
    prenota = "paaSILPrenotaExportFlussoIncrementaleConRicevuta"
    booked = [j.operation for j in workspace.portal.journal(1000)].count(prenota)
    assert booked == 1

    sandbox.set_switches(processing_delay=0.05)
    report = _sync(workspace)
    assert report.resumed and report.new == 1 and report.matched == 1
    assert [j.operation for j in workspace.portal.journal(1000)].count(prenota) == 1  # no second booking
    assert _states(workspace, "TARI")["TARI25-00003"].state == "PAGATO"


def test_cli_sync_receipts_json(workspace, ente, sandbox, capsys):
    from mypay_desk.cli import main

    make_list(workspace, "TARI", tari_records(2))
    workspace.sync.push("TARI", wait=True)
    sandbox.pay(ente.ipa_code, iuds=["TARI25-00002"])
    rc = main(["--workspace", str(workspace.path), "sync", "receipts", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert rc == 0
    assert {k: out[k] for k in ("receipts", "new", "matched", "unmatched", "errors")} == \
        {"receipts": 1, "new": 1, "matched": 1, "unmatched": 0, "errors": []}
    rc = main(["--workspace", str(workspace.path), "receipts", "list", "--json", "--matched"])
    listed = json.loads(capsys.readouterr().out)
    assert rc == 0 and [r["iud"] for r in listed["receipts"]] == ["TARI25-00002"]
    assert listed["totals"]["matched"] == 1


def test_a_flow_outcome_applied_after_a_receipt_leaves_the_debt_paid(workspace, ente, sandbox):
    """A push resumed later (or MyPay's batch cycle) may apply a flow's outcome after `sync receipts` found a
    payment of one of its debts: only receipts decide a paid state, so the debt stays paid, whether the
    portal accepted its row (paid after the change) or refused it (paid before)."""
    import time

    ids = make_list(workspace, "TARI", tari_records(3))
    workspace.sync.push("TARI", wait=True)
    workspace.lists.update_debts({ids[0]: {"amount_cents": 4_321}, ids[1]: {"amount_cents": 54_321}})
    sandbox.set_switches(processing_delay=0.5)
    first = workspace.sync.push("TARI", wait=False)
    assert first.state != "ELABORATO" and first.actions["M"] == 2  # sent; the outcome comes later
    sandbox.pay(ente.ipa_code, iuds=["TARI25-00002"])  # paid before the portal processed the change

    def on_portal(iud):
        return [d for d in portal_dovuti(sandbox, ente.ipa_code, iud=iud) if d["state"] != "ANNULLATO"][-1]

    deadline = time.monotonic() + 20
    while on_portal("TARI25-00001")["amount_cents"] != 4_321:  # the portal has processed the flow
        assert time.monotonic() < deadline, "the sandbox did not process the flow"
        time.sleep(0.05)
    sandbox.set_switches(processing_delay=0.01)
    sandbox.pay(ente.ipa_code, iuds=["TARI25-00001"])  # paid after the change
    assert _sync(workspace).matched == 2
    debts = _states(workspace, "TARI")
    assert (debts["TARI25-00001"].state, debts["TARI25-00002"].state) == ("PAGATO", "PAGATO_PARZIALE")

    resumed = workspace.sync.push("TARI", wait=True)

    assert resumed.resumed and resumed.state == "ELABORATO"
    debts = _states(workspace, "TARI")
    assert debts["TARI25-00001"].state == "PAGATO" and debts["TARI25-00001"].paid_amount_cents == 4_321
    assert debts["TARI25-00002"].state == "PAGATO_PARZIALE"  # the receipt's amount is the one before the change
    assert debts["TARI25-00003"].state == "SUL_PORTALE"
    assert all(d.pending is None for d in debts.values())
