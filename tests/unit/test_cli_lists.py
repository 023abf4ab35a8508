from __future__ import annotations

import json
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from mypay_desk.cli import main

CF = "RSSMRA85T10A562S"


@pytest.fixture
def wsdir(workspace, ente):
    return workspace.path


def run(wsdir, *args, capsys):
    code = main(["--workspace", str(wsdir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def sheet(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["IUD", "Codice fiscale", "Nominativo", "Importo", "Scadenza", "Causale"])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return str(path)


def test_import_show_json_shapes(wsdir, tmp_path, capsys):
    f = sheet(tmp_path / "tari.xlsx", [["T-1", CF, "ROSSI MARIO", "100,50", "30/06/2025", "TARI"],
                                       ["T-2", "XXX", "BIANCHI", "abc", "30/06/2025", "TARI"]])
    code, out, _ = run(wsdir, "lists", "import", f, "--list", "TARI 2025", "--type", "TARI", "--json", capsys=capsys)
    assert code == 0
    doc = json.loads(out)
    assert {k: doc[k] for k in ("list", "rows", "valid", "invalid", "added", "updated", "missing")} == {
        "list": "TARI 2025", "rows": 2, "valid": 1, "invalid": 1, "added": 2, "updated": 0, "missing": 0}
    assert all(set(e) == {"row", "column", "field", "message"} for e in doc["errors"])
    assert {(e["row"], e["column"], e["field"]) for e in doc["errors"]} >= {
        (3, "Codice fiscale", "codiceIdentificativoUnivoco"), (3, "Importo", "importoDovuto")}
    import_fields = {e["field"] for e in doc["errors"]}

    code, out, _ = run(wsdir, "lists", "show", "TARI 2025", "--json", capsys=capsys)
    assert code == 0
    doc = json.loads(out)
    assert doc["list"] == "TARI 2025"
    first = doc["debts"][0]
    for key in ("iud", "iuv", "notice_number", "debtor_type", "debtor_code", "debtor_name", "amount_cents",
                "due_date", "debt_type", "causale", "state", "errors", "instalments"):
        assert key in first
    assert (first["iud"], first["amount_cents"], first["due_date"], first["state"], first["errors"]) == (
        "T-1", 10050, "2025-06-30", "NUOVO", [])
    assert {e["column"] for e in doc["debts"][1]["errors"]} >= {"codiceIdentificativoUnivoco", "importoDovuto"}
    # the same field has the same name in both documents
    assert {e["field"] for e in doc["debts"][1]["errors"]} >= import_fields

    code, out, _ = run(wsdir, "lists", "show", "TARI 2025", capsys=capsys)
    assert code == 0 and "ROSSI MARIO" in out and "100,50" in out


def test_show_nests_instalments(workspace, wsdir, tmp_path, capsys):
    from datetime import date

    run(wsdir, "lists", "import", sheet(tmp_path / "a.xlsx", [["T-1", CF, "ROSSI", "100", "30/06/2025", "TARI"]]),
        "--list", "L", "--type", "TARI", capsys=capsys)
    (d,) = workspace.lists.get_debts("L")
    workspace.lists.set_instalments(d.id, [(5000, date(2025, 3, 1)), (5000, date(2025, 6, 1))])
    doc = json.loads(run(wsdir, "lists", "show", "L", "--json", capsys=capsys)[1])
    assert len(doc["debts"]) == 1
    assert [i["iud"] for i in doc["debts"][0]["instalments"]] == ["T-1-R1", "T-1-R2"]


def test_unreadable_file_exits_1(wsdir, tmp_path, capsys):
    bad = tmp_path / "rotto.xlsx"
    bad.write_bytes(b"PK\x03\x04junk")
    code, out, err = run(wsdir, "lists", "import", str(bad), "--list", "L", capsys=capsys)
    assert code == 1 and out == "" and "rotto.xlsx" in err
    code, _, err = run(wsdir, "lists", "show", "L", capsys=capsys)
    assert code == 1 and "non trovata" in err


def test_usage_errors_exit_2(wsdir, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--workspace", str(wsdir), "lists", "import", "x.xlsx"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["--workspace", str(wsdir), "lists", "export-flow", "L", "--version", "2_0", "-o", "x.zip"])
    assert exc.value.code == 2


def test_cancel_assign_export(wsdir, tmp_path, capsys):
    f = sheet(tmp_path / "a.xlsx", [[f"T-{i}", CF, "ROSSI", "10", "30/06/2025", "TARI"] for i in range(1, 4)])
    run(wsdir, "lists", "import", f, "--list", "L", "--type", "TARI", capsys=capsys)
    code, out, _ = run(wsdir, "lists", "cancel", "L", "--iud", "T-3", "--json", capsys=capsys)
    assert code == 0 and json.loads(out)["cancelled"] == 1
    code, _, err = run(wsdir, "lists", "cancel", "L", "--iud", "NOPE", capsys=capsys)
    assert code == 1 and "NOPE" in err

    code, out, _ = run(wsdir, "lists", "assign-iuv", "L", "--json", capsys=capsys)
    doc = json.loads(out)
    assert code == 0 and doc["assigned"] == 2
    assert all(d["notice_number"] == "3" + d["iuv"] for d in doc["debts"])

    code, out, _ = run(wsdir, "lists", "export-flow", "L", "--version", "1_3", "-o", str(tmp_path), "--json",
                       capsys=capsys)
    assert code == 0
    doc = json.loads(out)
    assert doc["actions"] == {"I": 2, "M": 0, "A": 0} and doc["version"] == "1_3"
    name = doc["file_name"]
    assert name.startswith("C_TEST-") and name.endswith("-1_3.zip")
    with zipfile.ZipFile(doc["file"]) as zf:
        assert zf.namelist() == [name[:-4] + ".csv"]
    # a file name MyPay would not accept: exit 1, a message saying so, nothing written
    code, out, err = run(wsdir, "lists", "export-flow", "L", "--version", "1_3", "-o", str(tmp_path / "mio.zip"),
                         capsys=capsys)
    assert code == 1 and "mio.zip" in err and "<codiceIPA>-<IUF>-<versione>.zip" in err
    assert not (tmp_path / "mio.zip").exists() and len(list(tmp_path.glob("*.zip"))) == 1
    code, out, _ = run(wsdir, "lists", "export-flow", "L", "--version", "1_3", "-o",
                       str(tmp_path / "C_TEST-SCELTO-1_3.zip"), "--json", capsys=capsys)
    assert code == 0 and json.loads(out)["iuf"] == "SCELTO" and (tmp_path / "C_TEST-SCELTO-1_3.zip").exists()

    out_xlsx = tmp_path / "l.xlsx"
    code, _, _ = run(wsdir, "lists", "export-xlsx", "L", "-o", str(out_xlsx), capsys=capsys)
    assert code == 0 and load_workbook(out_xlsx).active.max_row == 2 + 3


def test_create_list_rename_delete(wsdir, capsys):
    assert run(wsdir, "lists", "create", "Mensa", "--type", "MENSA", capsys=capsys)[0] == 0
    code, _, err = run(wsdir, "lists", "create", "Mensa", capsys=capsys)
    assert code == 1 and "Esiste già" in err
    code, out, _ = run(wsdir, "lists", "list", "--json", capsys=capsys)
    doc = json.loads(out)
    assert [(x["name"], x["default_debt_type"], x["debts"]) for x in doc["lists"]] == [("Mensa", "MENSA", 0)]
    assert run(wsdir, "lists", "rename", "Mensa", "Mensa 2025", capsys=capsys)[0] == 0
    assert run(wsdir, "lists", "delete", "Mensa 2025", capsys=capsys)[0] == 0
    assert json.loads(run(wsdir, "lists", "list", "--json", capsys=capsys)[1]) == {"lists": []}
