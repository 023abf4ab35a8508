"""Configuring the portal from the command line (`ente set --portal-url/--password-stdin/--password-file`,
`portal test`), the exit statuses of CLI.md (1 for configuration and credentials, 3 only for an
unreachable or refusing portal) and the headless password file, with its permission checks."""

from __future__ import annotations

import io
import json
import os
import sys
from dataclasses import replace

import pytest

from mypay_desk.cli import main
from mypay_desk.services.errors import UserError
from tests.integration.portal_support import PASSWORD, make_list, start_sandbox, tari_records

pytestmark = pytest.mark.integration

posix_only = pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")


@pytest.fixture
def sandbox(workspace, ente, tmp_path, monkeypatch):
    server = start_sandbox(workspace, ente, tmp_path / "sandbox", processing_delay=0.02)
    monkeypatch.setenv("MYPAY_DESK_WORKSPACE", str(workspace.path))
    yield server
    server.stop()


def run(monkeypatch, capsys, *argv, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def password_file(path, text=PASSWORD + "\n", mode=0o600):
    path.write_text(text, encoding="utf-8")
    os.chmod(path, mode)
    return path


# --- portal test and exit statuses -------------------------------------------------------------

def test_portal_test_ok_then_wrong_password_is_1_and_unreachable_is_3(workspace, ente, sandbox, monkeypatch, capsys):
    code, out, _ = run(monkeypatch, capsys, "portal", "test")
    assert code == 0 and "C_TEST" in out and "riuscita" in out

    code, out, _ = run(monkeypatch, capsys, "portal", "test", "--json")
    doc = json.loads(out)
    assert code == 0 and doc["ok"] is True and doc["kind"] == "ok" and "error" not in doc
    assert doc["password_store"] == "file dello spazio di lavoro"

    workspace.portal.set_password("C_TEST", "Sbagliata.1")
    code, out, err = run(monkeypatch, capsys, "portal", "test", "--json")
    doc = json.loads(out)
    assert code == 1 and doc["kind"] == "credentials"
    assert doc["error"]["code"] == "PAA_ENTE_NON_VALIDO" and doc["error"]["field"] == "password"
    assert "--password-stdin" in err and "--password-stdin" in doc["error"]["message"]

    workspace.portal.set_password("C_TEST", PASSWORD)
    sandbox.stop()
    code, out, err = run(monkeypatch, capsys, "portal", "test", "--json")
    doc = json.loads(out)
    assert code == 3 and doc["kind"] == "unreachable" and doc["error"]["code"] == "portal_unreachable"
    assert "raggiungere" in err


def test_portal_test_without_address_or_password_is_1_naming_the_option(workspace, ente, sandbox, monkeypatch,
                                                                          capsys):
    workspace.portal.delete_password("C_TEST")
    code, out, err = run(monkeypatch, capsys, "portal", "test", "--json")
    assert code == 1 and "mypay-desk ente set --ipa C_TEST --password-stdin" in err
    assert json.loads(out)["error"]["code"] == "password_missing"

    workspace.ente.save(replace(workspace.ente.get("C_TEST"), portal_url=""))
    code, out, err = run(monkeypatch, capsys, "portal", "test")
    assert code == 1 and "--portal-url URL" in err and out == ""


def test_portal_test_with_an_address_where_no_web_service_answers_is_1(workspace, ente, sandbox, monkeypatch,
                                                                        capsys):
    url = workspace.ente.get("C_TEST").portal_url
    workspace.ente.save(replace(workspace.ente.get("C_TEST"), portal_url=url + "/sbagliato"))
    code, out, err = run(monkeypatch, capsys, "portal", "test", "--json")
    doc = json.loads(out)
    assert code == 1 and doc["kind"] == "config" and doc["error"]["code"] == "portal_url_wrong"
    assert doc["error"]["field"] == "portal_url" and "--portal-url URL" in err


def test_portal_test_wait_retries_until_the_portal_answers(workspace, ente, sandbox, monkeypatch, capsys):
    import threading

    url = workspace.ente.get("C_TEST").portal_url
    sandbox.stop()
    restarted = []

    def restart():
        # the sandbox comes back on the same port while `portal test --wait` retries
        from mypay_desk.simulator.server import SimulatorServer

        port = int(url.rsplit(":", 1)[1])
        server = SimulatorServer(sandbox.state_dir, port=port, processing_delay=0.02)
        server.start()
        restarted.append(server)

    timer = threading.Timer(1.5, restart)
    timer.start()
    try:
        code, out, _ = run(monkeypatch, capsys, "portal", "test", "--wait", "20")
        assert code == 0 and "riuscita" in out
    finally:
        timer.join()
        for s in restarted:
            s.stop()


def test_ente_set_portal_url_and_password_stdin_from_the_cli(workspace, ente, sandbox, monkeypatch, capsys):
    url = workspace.ente.get("C_TEST").portal_url
    workspace.ente.save(replace(workspace.ente.get("C_TEST"), portal_url=""))
    workspace.portal.delete_password("C_TEST")
    # updating an existing Ente needs only --ipa; the message goes to stdout
    code, out, _ = run(monkeypatch, capsys, "ente", "set", "--ipa", "C_TEST", "--portal-url", url,
                       "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0 and out.startswith("Ente C_TEST (Comune di Prova) salvato")
    assert workspace.ente.get("C_TEST").fiscal_code == "01199250158"  # kept
    assert run(monkeypatch, capsys, "portal", "test")[0] == 0

    code, _, err = run(monkeypatch, capsys, "ente", "set", "--ipa", "C_TEST", "--portal-url", "ftp://x")
    assert code == 1 and "portal_url" in err
    code, _, err = run(monkeypatch, capsys, "ente", "set", "--ipa", "C_TEST", "--password-stdin", stdin="\n")
    assert code == 1 and "password" in err
    assert workspace.portal.get_password("C_TEST") == PASSWORD  # unchanged


def test_sync_push_with_wrong_password_is_1_and_nothing_is_recorded(workspace, ente, sandbox, monkeypatch, capsys):
    make_list(workspace, "TARI", tari_records(2))
    workspace.portal.set_password("C_TEST", "Sbagliata.1")
    code, out, err = run(monkeypatch, capsys, "sync", "push", "TARI", "--wait", "--json")
    assert code == 1 and json.loads(out)["error"]["code"] == "PAA_ENTE_NON_VALIDO"
    assert workspace.sync.status().pending[0].insert == 2


# --- the password when there is no keyring ----------------------------------------------------------

def test_password_stdin_without_a_keyring_changes_nothing(workspace, ente, monkeypatch, capsys):
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    monkeypatch.delenv("MYPAY_DESK_KEYRING")
    keyring.set_keyring(fail.Keyring())
    try:
        before = workspace.ente.get("C_TEST")
        code, out, err = run(monkeypatch, capsys, "--workspace", str(workspace.path), "ente", "set", "--ipa",
                             "C_TEST", "--name", "Nome Nuovo", "--portal-url", "http://127.0.0.1:9",
                             "--password-stdin", "--json", stdin="Segreta.123\n")
        assert code == 1 and "--password-file" in err and "Nulla è stato modificato" in err
        assert json.loads(out)["error"]["code"] == "keyring_unavailable"
        assert workspace.ente.get("C_TEST") == before  # name and address not saved either
        # a new Ente is not created either
        code, _, _ = run(monkeypatch, capsys, "--workspace", str(workspace.path), "ente", "set", "--ipa", "C_NEW",
                         "--fiscal-code", "01199250158", "--name", "Nuovo", "--password-stdin", stdin="Segreta.123\n")
        assert code == 1 and [e.ipa_code for e in workspace.ente.list()] == ["C_TEST"]
    finally:
        keyring.set_keyring(previous)


@posix_only
def test_password_file_is_read_by_path_and_used_for_the_portal(workspace, ente, sandbox, tmp_path, monkeypatch,
                                                                capsys):
    workspace.portal.delete_password("C_TEST")
    pw = password_file(tmp_path / "portale.pwd")
    code, out, _ = run(monkeypatch, capsys, "ente", "set", "--ipa", "C_TEST", "--password-file", str(pw))
    assert code == 0 and f"file {pw}" in out
    assert workspace.portal.password_file("C_TEST") == str(pw)
    assert run(monkeypatch, capsys, "portal", "test")[0] == 0
    # the password is not copied anywhere in the workspace, only the path is kept
    for f in workspace.path.rglob("*"):
        if f.is_file():
            assert PASSWORD.encode() not in f.read_bytes(), f
    # it is read at each use: a new password in the file is used at once
    password_file(pw, "Sbagliata.1\n")
    code, _, err = run(monkeypatch, capsys, "portal", "test")
    assert code == 1 and "non accetta il codice IPA o la password" in err
    # --password-stdin brings the password back to the (test) keyring and forgets the file
    code, out, _ = run(monkeypatch, capsys, "ente", "set", "--ipa", "C_TEST", "--password-stdin",
                       stdin=PASSWORD + "\n")
    assert code == 0 and workspace.portal.password_file("C_TEST") == ""
    assert run(monkeypatch, capsys, "portal", "test")[0] == 0


@posix_only
@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o620, 0o660, 0o601, 0o610])
def test_password_file_readable_or_writable_by_others_is_refused(workspace, ente, tmp_path, monkeypatch, capsys,
                                                                  mode):
    pw = password_file(tmp_path / "portale.pwd", mode=mode)
    code, out, err = run(monkeypatch, capsys, "--workspace", str(workspace.path), "ente", "set", "--ipa", "C_TEST",
                         "--name", "Cambiato", "--password-file", str(pw), "--json")
    assert code == 1 and f"chmod 600 {pw}" in err
    assert json.loads(out)["error"] == {"message": json.loads(out)["error"]["message"], "field": "password_file",
                                        "code": "password_file_permissions"}
    assert workspace.ente.get("C_TEST").name == "Comune di Prova"  # nothing changed
    assert workspace.portal.password_file("C_TEST") == ""


@posix_only
def test_password_file_loosened_later_is_refused_at_use(workspace, ente, sandbox, tmp_path, monkeypatch, capsys):
    pw = password_file(tmp_path / "portale.pwd")
    workspace.portal.set_password_file("C_TEST", pw)
    os.chmod(pw, 0o644)
    code, out, err = run(monkeypatch, capsys, "portal", "test", "--json")
    assert code == 1 and "chmod 600" in err and json.loads(out)["error"]["field"] == "password_file"
    make_list(workspace, "TARI", tari_records(1))
    code, _, err = run(monkeypatch, capsys, "sync", "push", "TARI")
    assert code == 1 and "chmod 600" in err
    os.chmod(pw, 0o400)  # read-only for the owner is fine
    assert run(monkeypatch, capsys, "portal", "test")[0] == 0


@posix_only
def test_password_file_other_problems(workspace, ente, tmp_path, monkeypatch):
    portal = workspace.portal
    with pytest.raises(UserError, match="non trovato"):
        portal.set_password_file("C_TEST", tmp_path / "manca.pwd")
    with pytest.raises(UserError, match="vuoto"):
        portal.set_password_file("C_TEST", password_file(tmp_path / "vuoto.pwd", "\n"))
    with pytest.raises(UserError, match="non è un file"):
        portal.set_password_file("C_TEST", tmp_path)
    if os.geteuid() == 0:
        other = password_file(tmp_path / "altrui.pwd")
        os.chown(other, 12345, -1)
        with pytest.raises(UserError, match="altro utente"):
            portal.set_password_file("C_TEST", other)
    # a relative path is kept absolute (cron runs elsewhere)
    password_file(tmp_path / "rel.pwd")
    monkeypatch.chdir(tmp_path)
    assert portal.set_password_file("C_TEST", "rel.pwd") == tmp_path / "rel.pwd"
    assert portal.password_file("C_TEST") == str(tmp_path / "rel.pwd")
    assert portal.get_password("C_TEST") == PASSWORD
