"""`mypay-desk sync push|status` end to end, with the JSON shapes of CLI.md and exit 3 for the portal."""

from __future__ import annotations

import json

import pytest

from mypay_desk.cli import main
from tests.integration.portal_support import make_list, start_sandbox, tari_records

pytestmark = pytest.mark.integration


@pytest.fixture
def sandbox(workspace, ente, tmp_path, monkeypatch):
    server = start_sandbox(workspace, ente, tmp_path / "sandbox", processing_delay=0.02)
    monkeypatch.setenv("MYPAY_DESK_WORKSPACE", str(workspace.path))
    yield server
    server.stop()


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_push_and_status_json(workspace, ente, sandbox, capsys):
    ids = make_list(workspace, "TARI", tari_records(3))
    workspace.lists.update_debts({ids[2]: {"debtor_code": "NONVALIDO"}})  # stays behind, reported

    code, out, _err = run(capsys, "sync", "push", "TARI", "--wait", "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc["actions"] == {"I": 2, "M": 0, "A": 0}
    assert (doc["accepted"], doc["rejected"], doc["rejections"]) == (2, 0, [])
    assert doc["flow"].startswith("MPD") and doc["state"] == "ELABORATO"
    assert [s["iud"] for s in doc["skipped"]] == ["TARI25-00003"]
    assert "error" not in doc  # a failure key only when something failed (CLI.md)

    code, out, _err = run(capsys, "sync", "push", "TARI", "--json")
    assert code == 0 and json.loads(out)["flow"] is None

    code, out, _err = run(capsys, "sync", "status", "--json")
    assert code == 0
    st = json.loads(out)
    assert st["flows"][0]["flow"] == doc["flow"] and st["flows"][0]["accepted"] == 2
    assert st["pending"]["lists"][0]["invalid"] == 1 and st["online"] is True
    assert "last_receipts" in st

    code, out, err = run(capsys, "sync", "status")
    assert code == 0 and "TARI" in out


def test_portal_unreachable_exits_3(workspace, ente, sandbox, capsys):
    make_list(workspace, "TARI", tari_records(1))
    sandbox.stop()
    code, out, err = run(capsys, "sync", "push", "TARI", "--wait", "--json")
    assert code == 3 and "raggiungere il portale" in err
    doc = json.loads(out)  # one JSON document: the error
    assert set(doc) == {"error"} and doc["error"]["code"] == "portal_unavailable"
    assert "raggiungere il portale" in doc["error"]["message"]


def test_wrong_password_exits_1_naming_the_fix_and_unknown_list_exits_1(workspace, ente, sandbox, capsys):
    make_list(workspace, "TARI", tari_records(1))
    workspace.portal.set_password("C_TEST", "Sbagliata.1")
    code, out, err = run(capsys, "sync", "push", "TARI", "--json")
    assert code == 1 and "PAA_ENTE_NON_VALIDO" in err and "--password-stdin" in err
    assert json.loads(out)["error"] == {"message": json.loads(out)["error"]["message"], "field": "password",
                                        "code": "PAA_ENTE_NON_VALIDO"}
    code, _out, err = run(capsys, "sync", "push", "NON ESISTE")
    assert code == 1 and "NON ESISTE" in err


def test_portal_not_configured_exits_1_naming_the_option(workspace, ente, sandbox, capsys):
    make_list(workspace, "TARI", tari_records(1))
    workspace.portal.delete_password("C_TEST")
    code, out, err = run(capsys, "sync", "push", "TARI", "--json")
    assert code == 1 and "mypay-desk ente set --ipa C_TEST --password-stdin" in err
    assert json.loads(out)["error"]["code"] == "password_missing"
    workspace.ente.save(workspace.ente.get("C_TEST").__class__(**{**workspace.ente.get("C_TEST").__dict__,
                                                                    "portal_url": ""}))
    code, out, err = run(capsys, "sync", "push", "TARI", "--json")
    assert code == 1 and "--portal-url URL" in err
    assert json.loads(out)["error"] == {"message": json.loads(out)["error"]["message"], "field": "portal_url",
                                        "code": "portal_url_missing"}
    # nothing was sent or recorded: the list is still all pending
    assert workspace.sync.status().pending[0].insert == 1


def test_push_all_sends_every_list_with_pending_changes(workspace, ente, sandbox, capsys):
    make_list(workspace, "TARI", tari_records(2))
    make_list(workspace, "ALTRA", tari_records(1, prefix="ALTRA"))
    workspace.lists.create_list("VUOTA", "TARI")
    code, out, _ = run(capsys, "sync", "push", "--all", "--wait", "--json")
    assert code == 0
    docs = {d["list"]: d for d in json.loads(out)["lists"]}
    assert set(docs) == {"TARI", "ALTRA"}
    assert docs["TARI"]["accepted"] == 2 and docs["ALTRA"]["accepted"] == 1
    code, _out, err = run(capsys, "sync", "push", "--all")
    assert code == 0 and "Nessuna lista" in err
    assert main(["sync", "push"]) == 2  # neither a list nor --all
    assert main(["sync", "push", "TARI", "--all"]) == 2


def test_one_transient_5xx_on_the_first_call_does_not_fail_the_run(workspace, ente, sandbox, capsys):
    """Issue 14: Autorizza (the first call of a push) and the export booking (the first of a receipts
    download) are retried with back-off like the other calls that are safe to repeat."""
    make_list(workspace, "TARI", tari_records(2))
    sandbox.set_switches(fail_next=1)
    code, out, err = run(capsys, "sync", "push", "TARI", "--wait", "--json")
    assert code == 0, err
    assert json.loads(out)["accepted"] == 2
    sandbox.set_switches(fail_next=1)
    code, out, err = run(capsys, "sync", "receipts", "--json")
    assert code == 0, err
    ops = [(j.operation, j.outcome) for j in reversed(workspace.portal.journal(10_000))]
    assert ("paaSILAutorizzaImportFlusso", "ERROR") in ops and ("paaSILAutorizzaImportFlusso", "OK") in ops
    booking = [o for op, o in ops if op == "paaSILPrenotaExportFlussoIncrementaleConRicevuta"]
    assert booking[:2] == ["ERROR", "OK"]
