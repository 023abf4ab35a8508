"""What the command line prints and returns (CLI.md): one JSON error document with --json, success
messages on stdout, `lists show --pending`, `receipts export`."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from mypay_desk.cli import main
from mypay_desk.domain.debts import DebtRecord

CF = "RSSMRA80A01F205X"


def run(ws, *args, capsys):
    code = main(["--workspace", str(ws), *args])
    out, err = capsys.readouterr()
    return code, out, err


def error_doc(out: str) -> dict:
    doc = json.loads(out)  # exactly one document
    assert set(doc["error"]) == {"message", "field", "code"}
    return doc


def test_usage_error_with_json_prints_the_error_document(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--workspace", str(tmp_path), "lists", "show", "--json"])  # NAME missing
    out, err = capsys.readouterr()
    assert exc.value.code == 2 and "errore" in err
    assert error_doc(out)["error"]["code"] == "usage"
    # without --json nothing goes to stdout
    with pytest.raises(SystemExit):
        main(["--workspace", str(tmp_path), "lists", "show"])
    assert capsys.readouterr().out == ""


def test_data_errors_with_json(workspace, ente, capsys):
    code, out, err = run(workspace.path, "lists", "show", "NON ESISTE", "--json", capsys=capsys)
    assert code == 1 and "NON ESISTE" in err
    assert error_doc(out)["error"]["code"] == "not_found"
    code, out, err = run(workspace.path, "types", "add", "BAD", "--description", "x", "--taxonomy", "nope",
                         "--json", capsys=capsys)
    doc = error_doc(out)
    assert code == 1 and doc["error"]["field"] == "taxonomy" and doc["error"]["code"] == "invalid_input"
    # the message on stderr and in the document say the same
    assert doc["error"]["message"] in err


def test_codes_check_failure_is_one_document(tmp_path, capsys):
    code, out, err = run(tmp_path, "codes", "check", "301000000000000145", "--json", capsys=capsys)
    doc = error_doc(out)
    assert code == 1 and doc["valid"] is False and doc["code"] == "301000000000000145"
    assert doc["error"]["code"] == "invalid_code" and doc["error"]["field"] == "codice"


def test_success_messages_go_to_stdout(tmp_path, capsys):
    ws = tmp_path / "w"
    code, out, err = run(ws, "ente", "set", "--ipa", "c_a001", "--fiscal-code", "01199250158", "--name",
                         "Comune di Prova", capsys=capsys)
    assert code == 0 and out == "Ente c_a001 (Comune di Prova) salvato\n" and err == ""
    code, out, err = run(ws, "types", "add", "TARI", "--description", "Tassa rifiuti", "--taxonomy",
                         "9/0101108TS/", capsys=capsys)
    assert code == 0 and out == "Tipo dovuto TARI salvato\n" and err == ""
    code, out, _ = run(ws, "ente", "use", "c_a001", capsys=capsys)
    assert code == 0 and out == "Ente corrente: c_a001\n"


def test_lists_show_pending(workspace, ente, capsys):
    workspace.lists.create_list("L", "TARI")
    ids = workspace.lists.add_debts("L", [DebtRecord(iud=f"P-{i}", debtor_code=CF, debtor_name="ROSSI MARIO",
                                                     amount_cents=1000 * i, causale="TARI") for i in (1, 2, 3)])
    # P-2 is on the portal and aligned, P-3 was cancelled before ever being sent: neither is pending
    from mypay_desk.domain.debts import flow_hash
    from mypay_desk.services.lists.common import record_of
    from mypay_desk.store.repositories import debts as repo

    with workspace.db.session() as s:
        d = repo.debts_by_ids(s, [ids[1]])[0]
        repo.update_debts(s, [{"id": ids[1], "state": "SUL_PORTALE", "portal_hash": flow_hash(record_of(d))}])
    workspace.lists.cancel_debts([ids[2]])
    code, out, _ = run(workspace.path, "lists", "show", "L", "--pending", "--json", capsys=capsys)
    assert code == 0 and [d["iud"] for d in json.loads(out)["debts"]] == ["P-1"]
    workspace.lists.update_debts({ids[1]: {"amount_cents": 2500}})  # now a pending M
    doc = json.loads(run(workspace.path, "lists", "show", "L", "--pending", "--json", capsys=capsys)[1])
    assert [(d["iud"], d["pending"]) for d in doc["debts"]] == [("P-1", "I"), ("P-2", "M")]
    code, out, _ = run(workspace.path, "lists", "show", "L", "--pending", capsys=capsys)
    assert code == 0 and "P-2" in out and "P-3" not in out


def test_receipts_export_xlsx(workspace, ente, tmp_path, capsys):
    code, out, _ = run(workspace.path, "receipts", "export", "-o", str(tmp_path / "p.xlsx"), capsys=capsys)
    assert code == 0 and out.startswith("0 ricevute esportate")
    wb = load_workbook(tmp_path / "p.xlsx")
    assert wb.active["A1"].value == "Data pagamento"
    code, _, err = run(workspace.path, "receipts", "export", "-o", str(tmp_path / "p.csv"), capsys=capsys)
    assert code == 1 and ".xlsx" in err
    code, out, _ = run(workspace.path, "receipts", "export", "-o", str(tmp_path / "q.xlsx"), "--unmatched",
                       "--from", "2026-01-01", "--json", capsys=capsys)
    assert code == 0 and json.loads(out) == {"output": str(tmp_path / "q.xlsx"), "rows": 0}
