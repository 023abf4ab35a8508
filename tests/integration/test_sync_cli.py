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
    assert code == 3 and out == "" and "raggiungere il portale" in err


def test_wrong_password_exits_3_and_unknown_list_exits_1(workspace, ente, sandbox, capsys):
    make_list(workspace, "TARI", tari_records(1))
    workspace.portal.set_password("C_TEST", "Sbagliata.1")
    code, _out, err = run(capsys, "sync", "push", "TARI")
    assert code == 3 and "PAA_ENTE_NON_VALIDO" in err
    code, _out, err = run(capsys, "sync", "push", "NON ESISTE")
    assert code == 1 and "NON ESISTE" in err
