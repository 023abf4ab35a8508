# ruff: noqa: F401, F811 - pytest fixtures (sim, client) come from the support module
"""``mypay-desk simulator`` from the command line: add-ente, pay, and the server in the foreground."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import sys
import time

import httpx
import pytest
from test_simulator_support import CF_ENTE, IPA, client, debt, flow_zip, push, sim, text

from mypay_desk.cli import main

pytestmark = pytest.mark.integration


def _run(monkeypatch, capsys, argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_add_ente(tmp_path, monkeypatch, capsys):
    from mypay_desk.simulator.state import SimState

    state = tmp_path / "sb"
    code, out, _ = _run(monkeypatch, capsys, [
        "simulator", "add-ente", "--state", str(state), "--ipa", "C_CLI", "--fiscal-code", CF_ENTE,
        "--password-stdin", "--types", "TARI:scadenza+stampa,MENSA:anonimo", "--segregation-code", "07",
        "--name", "Comune di Riga", "--json"], "Password12\n")
    assert code == 0
    assert json.loads(out) | {"state": ""} == {"ipa": "C_CLI", "fiscal_code": CF_ENTE, "name": "Comune di Riga",
                                               "segregation_code": "07", "types": ["TARI:scadenza+stampa",
                                                                                    "MENSA:anonimo"], "state": ""}
    s = SimState(state)
    try:
        ente = s.ente_by_ipa("C_CLI")
        assert ente.password == "Password12" and ente.segregation_code == "07"
        types = s.types(ente.id)
        assert types["TARI"].due_date_required and types["TARI"].print_due_date and types["MENSA"].anonymous_allowed
    finally:
        s.close()
    code, _, err = _run(monkeypatch, capsys, [
        "simulator", "add-ente", "--state", str(state), "--ipa", "C_CLI", "--fiscal-code", CF_ENTE,
        "--password-stdin", "--types", "TARI"], "corta\n")
    assert code == 1 and "da 8 a 15" in err


def test_pay_against_a_running_sandbox(sim, client, monkeypatch, capsys):
    name, data = flow_zip([debt("CLI-1"), debt("CLI-2"), debt("CLI-3")], "CLIPAY")
    assert text(push(client, sim.base_url, name, data), "stato") == "IMPORT_ESEGUITO"
    code, out, _ = _run(monkeypatch, capsys, ["simulator", "pay", "--portal-url", f"{sim.base_url}/ws/pa/",
                                              "--ipa", IPA, "--iud", "CLI-1", "CLI-9", "--json"])
    assert code == 0
    doc = json.loads(out)
    assert [p["iud"] for p in doc["paid"]] == ["CLI-1"] and doc["skipped"][0]["iud"] == "CLI-9"
    code, out, _ = _run(monkeypatch, capsys, ["simulator", "pay", "--portal-url", sim.base_url, "--ipa", IPA,
                                              "--fraction", "1", "--seed", "3", "--json"])
    assert code == 0 and sorted(p["iud"] for p in json.loads(out)["paid"]) == ["CLI-2", "CLI-3"]
    # nothing left to pay, or only unknown IUDs: exit 1, and with --json the error in the one document
    code, out, err = _run(monkeypatch, capsys, ["simulator", "pay", "--portal-url", sim.base_url, "--ipa", IPA,
                                                "--iud", "CLI-1", "NOPE", "--json"])
    doc = json.loads(out)
    assert code == 1 and doc["paid"] == [] and doc["error"]["code"] == "nothing_paid"
    assert "NOPE" in doc["error"]["message"] and "Nessun dovuto pagato" in err
    code, _, err = _run(monkeypatch, capsys, ["simulator", "pay", "--portal-url", sim.base_url, "--ipa", IPA,
                                              "--fraction", "1"])
    assert code == 1 and "Nessun dovuto pagato" in err
    code, _, err = _run(monkeypatch, capsys, ["simulator", "pay", "--portal-url", sim.base_url, "--ipa", "C_NO",
                                              "--fraction", "1"])
    assert code == 1 and "C_NO" in err
    code, _, _ = _run(monkeypatch, capsys, ["simulator", "pay", "--portal-url", "http://127.0.0.1:9", "--ipa", IPA,
                                            "--fraction", "1"])
    assert code == 3


def test_foreground_server(tmp_path):
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "mypay_desk.cli", "simulator", "--port", "0", "--state",
                             str(tmp_path / "fg"), "--processing-delay", "0"],
                            stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = proc.stderr.readline()
        match = re.search(r"http://127\.0\.0\.1:\d+", line)
        assert match, line
        url = match.group(0)
        deadline = time.monotonic() + 10
        while True:
            try:
                doc = httpx.get(f"{url}/sandbox/status", timeout=2).json()
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline
                time.sleep(0.05)
        assert doc["entes"] == [] and doc["state_dir"] == str(tmp_path / "fg")
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=15) == 0


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "example.org"])
def test_non_loopback_host_is_refused_without_allow_remote(monkeypatch, capsys, tmp_path, host):
    code, _out, err = _run(monkeypatch, capsys, ["simulator", "--host", host, "--port", "0", "--state",
                                                 str(tmp_path / "s")])
    assert code == 2 and "--allow-remote" in err and "autenticazione" in err
    assert not (tmp_path / "s").exists()  # nothing started


def test_loopback_names_are_accepted():
    from mypay_desk.clicmds.simulator import is_loopback

    assert all(is_loopback(h) for h in ("127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "LOCALHOST"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "::", "10.0.0.1", "localhost.example.org", ""))


def test_allow_remote_warns_and_serves(tmp_path):
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "mypay_desk.cli", "simulator", "--host", "0.0.0.0", "--port", "0",
                             "--allow-remote", "--state", str(tmp_path / "r"), "--processing-delay", "0"],
                            stderr=subprocess.PIPE, text=True, env=env)
    try:
        warning = proc.stderr.readline()
        assert "ATTENZIONE" in warning and "senza autenticazione" in warning
        line = proc.stderr.readline()
        port = re.search(r":(\d+)", line.split("http://", 1)[1]).group(1)
        deadline = time.monotonic() + 10
        while True:
            try:
                assert httpx.get(f"http://127.0.0.1:{port}/sandbox/status", timeout=2).status_code == 200
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline
                time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=15) == 0
