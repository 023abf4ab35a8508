from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from mypay_desk.cli import main
from mypay_desk.domain import codes

ENTE_ARGS = ["ente", "set", "--ipa", "c_a001", "--fiscal-code", "01199250158", "--name", "Comune di Prova",
             "--segregation-code", "07", "--cbill", "ABCDE", "--mode", "flussi", "--sector", "Tributi"]


def run(ws, *args, capsys):
    code = main(["--workspace", str(ws), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_ente_set_then_show_json(tmp_path, capsys):
    ws = tmp_path / "w"
    assert run(ws, *ENTE_ARGS, capsys=capsys)[0] == 0
    code, out, _ = run(ws, "ente", "show", "--json", capsys=capsys)
    assert code == 0
    doc = json.loads(out)
    assert doc["ipa_code"] == "c_a001" and doc["fiscal_code"] == "01199250158"
    assert doc["segregation_code"] == "07" and doc["cbill"] == "ABCDE" and doc["sector"] == "Tributi"
    assert doc["adhesion_mode"] == "flussi"


@pytest.mark.parametrize("flag,value,field", [
    ("--fiscal-code", "01199250159", "fiscal_code"),
    ("--ipa", "X" * 36, "ipa_code"),
    ("--segregation-code", "7", "segregation_code"),
    ("--segregation-code", "AB", "segregation_code"),
])
def test_ente_set_bad_input_exits_1_naming_the_field(tmp_path, capsys, flag, value, field):
    args = list(ENTE_ARGS)
    args[args.index(flag) + 1] = value
    code, _, err = run(tmp_path / "w", *args, capsys=capsys)
    assert code == 1
    assert field in err


def test_usage_error_exits_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--workspace", str(tmp_path), "ente", "set", "--name", "x"])  # --ipa missing
    assert exc.value.code == 2
    # creating an Ente needs its fiscal code and name too (updating one does not)
    assert main(["--workspace", str(tmp_path), "ente", "set", "--ipa", "x"]) == 2
    assert "--fiscal-code" in capsys.readouterr().err


def test_types_add_and_list(tmp_path, capsys):
    ws = tmp_path / "w"
    run(ws, *ENTE_ARGS, capsys=capsys)
    code, _, _ = run(ws, "types", "add", "TARI", "--description", "Tassa rifiuti", "--taxonomy", "9/0101108TS/",
                     "--due-date-required", "--print-due-date", capsys=capsys)
    assert code == 0
    code, _, err = run(ws, "types", "add", "BAD", "--description", "x", "--taxonomy", "nope", capsys=capsys)
    assert code == 1 and "taxonomy" in err
    code, out, _ = run(ws, "types", "list", "--json", capsys=capsys)
    types = json.loads(out)["types"]
    assert [t["code"] for t in types] == ["TARI"]
    assert types[0]["due_date_required"] is True


@pytest.mark.parametrize("code_text", [
    "301000000000000144",
    "0121234567890123" + codes.check_digits("0121234567890123"),
    "2123456789012345" + codes.check_digits("2123456789012345"),
    "RF45w9",
])
def test_codes_check_accepts(tmp_path, capsys, code_text):
    code, out, _ = run(tmp_path, "codes", "check", code_text, "--json", capsys=capsys)
    assert code == 0 and json.loads(out)["valid"] is True


def test_codes_check_rejects_wrong_check_digit(tmp_path, capsys):
    code, _, err = run(tmp_path, "codes", "check", "301000000000000145", capsys=capsys)
    assert code == 1 and "controllo" in err


def test_codes_new_requires_an_ente(tmp_path, capsys):
    code, _, err = run(tmp_path / "empty", "codes", "new", capsys=capsys)
    assert code == 1 and "Ente" in err


@pytest.mark.slow
def test_codes_new_from_two_processes_never_collide(tmp_path, capsys):
    ws = tmp_path / "w"
    assert run(ws, *ENTE_ARGS, capsys=capsys)[0] == 0
    count = 2000
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    cmd = [sys.executable, "-m", "mypay_desk.cli", "--workspace", str(ws), "codes", "new", "--count", "1"]
    # many small allocations interleave far more than two big ones would
    script = (
        "import sys\nfrom mypay_desk.services.workspace import Workspace\n"
        f"ws = Workspace.open({str(ws)!r})\n"
        f"out = [i for _ in range({count // 50}) for i in ws.codes.allocate_iuvs(50)]\n"
        "print('\\n'.join(out))\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, env=env, text=True)
             for _ in range(2)]
    outs = [p.communicate(timeout=120)[0].split() for p in procs]
    assert all(p.returncode == 0 for p in procs)
    iuvs = outs[0] + outs[1]
    assert len(iuvs) == 2 * count and len(set(iuvs)) == 2 * count
    for iuv in iuvs:
        assert codes.validate_iuv(iuv) == "IUV17" and iuv.startswith("07")
    assert subprocess.run(cmd, env=env, capture_output=True).returncode == 0
