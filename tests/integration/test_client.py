"""The MyPay client against the real sandbox: faults, retries only where safe, journal without secrets,
timeouts, connection check, password storage, export and lookup operations."""

from __future__ import annotations

import os
import stat
import threading
from datetime import datetime, timedelta

import pytest

from mypay_desk.services.errors import Cancelled, PortalError, UserError
from mypay_desk.services.progress import CancelToken
from tests.integration.portal_support import PASSWORD, make_list, start_sandbox, tari_records

pytestmark = pytest.mark.integration


@pytest.fixture
def sandbox(workspace, ente, tmp_path):
    server = start_sandbox(workspace, ente, tmp_path / "sandbox")
    yield server
    server.stop()


def _journal(workspace):
    return list(reversed(workspace.portal.journal(10_000)))


def test_connection_check_accepts_right_and_refuses_wrong_credentials(workspace, sandbox):
    ok = workspace.portal.test_connection()
    assert ok.ok and "C_TEST" in ok.message
    bad = workspace.portal.test_connection(password="Sbagliata99")
    assert not bad.ok and "password" in bad.message
    nowhere = workspace.portal.test_connection(portal_url="http://127.0.0.1:9")
    assert not nowhere.ok and "raggiungere" in nowhere.message
    assert workspace.portal.last_known_online() is False


def test_wrong_password_gives_a_clear_fault(workspace, sandbox):
    with workspace.portal.client(password="Sbagliata99") as c, pytest.raises(PortalError) as err:
        c.autorizza_import_flusso()
    assert err.value.fault_code == "PAA_ENTE_NON_VALIDO" and not err.value.transient
    assert "codice IPA o la password" in str(err.value)


def test_safe_operations_are_retried_unsafe_ones_never(workspace, sandbox):
    sandbox.set_switches(fail_next=2)
    with workspace.portal.client() as c:
        with pytest.raises(PortalError) as err:
            c.chiedi_stato_import_flusso("TOKEN-INESISTENTE")
        assert err.value.fault_code == "PAA_REQUEST_TOKEN_NON_VALIDO"  # reached after two 503s
        outcomes = [(j.operation, j.outcome, j.http_status) for j in _journal(workspace)]
        assert outcomes == [("paaSILChiediStatoImportFlusso", "ERROR", 503)] * 2 + [
            ("paaSILChiediStatoImportFlusso", "FAULT", 200)]

        # Autorizza and the export bookings are safe to repeat (issue 14): one 5xx is retried
        sandbox.set_switches(fail_next=1)
        auth = c.autorizza_import_flusso()
        assert auth.request_token
        assert [(j.operation, j.outcome) for j in _journal(workspace)
                if j.operation == "paaSILAutorizzaImportFlusso"] == [("paaSILAutorizzaImportFlusso", "ERROR"),
                                                                     ("paaSILAutorizzaImportFlusso", "OK")]
        sandbox.set_switches(fail_next=1)
        assert c.prenota_export_incrementale_con_ricevuta(datetime.now() - timedelta(days=1)).request_token
        assert [j.outcome for j in _journal(workspace)
                if j.operation == "paaSILPrenotaExportFlussoIncrementaleConRicevuta"] == ["ERROR", "OK"]
        # ...a single debt sent at the desk never is (it would be created twice)
        sandbox.set_switches(fail_next=1)
        with pytest.raises(PortalError) as err:
            c.importa_dovuto(b"<dovuto/>")
        assert err.value.transient
        assert [j.operation for j in _journal(workspace)].count("paaSILImportaDovuto") == 1

        sandbox.set_switches(fail_next=10)
        with pytest.raises(PortalError):
            c.chiedi_stato_import_flusso("X")
        assert sum(1 for j in _journal(workspace) if j.operation == "paaSILChiediStatoImportFlusso") == 3 + 4
    sandbox.set_switches(fail_next=0)


def test_cancel_interrupts_the_back_off(workspace, sandbox):
    workspace.portal.client_settings.backoff = 5.0
    workspace.portal.client_settings.backoff_max = 5.0
    sandbox.set_switches(fail_next=5)
    token = CancelToken()
    threading.Timer(0.3, token.cancel).start()
    with workspace.portal.client(cancel=token) as c, pytest.raises(Cancelled):
        c.chiedi_stato_import_flusso("X")


def test_journal_never_holds_secrets(workspace, ente, sandbox):
    make_list(workspace, "TARI", tari_records(3))
    workspace.sync.push("TARI")
    sandbox.pay("C_TEST", fraction=1.0, seed=1)
    with workspace.portal.client() as c:
        booking = c.prenota_export_incrementale_con_ricevuta(datetime.now() - timedelta(days=2))
        secrets = {PASSWORD, booking.request_token}
        for _ in range(200):
            status = c.chiedi_stato_export_flusso(booking.request_token)
            if not status.running:
                break
            c.pause(0.02)
        assert status.done and status.download_url
        data = c.download(status.download_url, "export")
        assert data[:2] == b"PK"
    with workspace.db.session() as s:
        from mypay_desk.store.models import UploadFlow

        for f in s.query(UploadFlow):
            secrets.add(f.request_token)
            assert f.authorization_token == ""  # never kept: each upload gets a fresh one
    entries = _journal(workspace)
    assert {"paaSILAutorizzaImportFlusso", "uploadFlusso", "download export"} <= {j.operation for j in entries}
    for j in entries:
        for secret in secrets:
            assert secret not in j.message and secret not in j.operation and secret not in j.fault_code
        assert "securityToken" not in j.message


def test_token_echoed_in_a_fault_is_scrubbed_even_by_a_fresh_client(workspace, sandbox):
    with workspace.portal.client() as c:
        auth = c.autorizza_import_flusso()
    with workspace.portal.client() as fresh, pytest.raises(PortalError):
        fresh.chiedi_stato_import_flusso(auth.request_token)  # nothing uploaded: the fault names the token
    last = _journal(workspace)[-1]
    assert last.fault_code == "PAA_REQUEST_TOKEN_NON_VALIDO"
    assert auth.request_token not in last.message and "***" in last.message


def test_explicit_timeouts(workspace, sandbox):
    with workspace.portal.client() as c:
        t = c._http.timeout
        assert (t.connect, t.read, t.write) == (2.0, 5.0, 5.0)
    workspace.portal.client_settings.read_timeout = 0.2
    sandbox.set_switches(latency_ms=600)
    with workspace.portal.client() as c, pytest.raises(PortalError) as err:
        c.chiedi_stato_import_flusso("X")
    assert err.value.transient and "in tempo" in str(err.value)
    sandbox.set_switches(latency_ms=0)


def test_open_positions_and_payment_lookup(workspace, ente, sandbox):
    ids = make_list(workspace, "TARI", tari_records(2))
    workspace.sync.push("TARI")
    debt = workspace.lists.get_debt(ids[0])
    with workspace.portal.client() as c:
        positions = c.chiedi_posizioni_aperte(debt.debtor_type, debt.debtor_code)
        assert [p.dovuti.items[0].iud for p in positions] == [debt.iud]
        assert positions[0].dovuti.iuv == debt.iuv and positions[0].payment_url.startswith(sandbox.base_url)
        before = c.chiedi_pagati_con_ricevuta(iud=debt.iud)
        assert before.state == "NON_INIZIATO" and not before.paid
        sandbox.pay("C_TEST", iuds=[debt.iud])
        after = c.chiedi_pagati_con_ricevuta(iud=debt.iud)
        assert after.paid and after.pagati.total_paid_cents == debt.amount_cents
        assert after.pagati.items[0].iud == debt.iud


@pytest.mark.sqlite_only  # reads the SQLite file's bytes
def test_password_file_fallback_is_private(workspace, ente):
    workspace.portal.set_password("C_TEST", "Segreta.123")
    path = workspace.path / "secrets" / "portal-passwords.json"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert workspace.portal.get_password("C_TEST") == "Segreta.123"
    assert "Segreta.123" not in (workspace.path / "mypay-desk.sqlite3").read_bytes().decode("latin-1")


def test_password_goes_to_the_os_keyring_by_default(workspace, ente, monkeypatch):
    import keyring
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 1
        store: dict = {}

        def set_password(self, service, username, password):
            self.store[(service, username)] = password

        def get_password(self, service, username):
            return self.store.get((service, username))

        def delete_password(self, service, username):
            self.store.pop((service, username), None)

    previous = keyring.get_keyring()
    monkeypatch.delenv("MYPAY_DESK_KEYRING")
    keyring.set_keyring(MemoryKeyring())
    try:
        workspace.portal.set_password("C_TEST", "Segreta.456")
        assert MemoryKeyring.store == {("mypay-desk", "C_TEST"): "Segreta.456"}
        assert workspace.portal.get_password("C_TEST") == "Segreta.456"
        assert not (workspace.path / "secrets").exists()
        assert workspace.portal.settings().password_store == "portachiavi di sistema"
    finally:
        keyring.set_keyring(previous)


def test_no_keyring_means_a_clear_error_not_a_silent_file(workspace, ente, monkeypatch):
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    monkeypatch.delenv("MYPAY_DESK_KEYRING")
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(UserError) as err:
            workspace.portal.set_password("C_TEST", "Segreta.789")
        assert "--password-file" in str(err.value) and "Nulla è stato modificato" in str(err.value)
        assert not (workspace.path / "secrets").exists()
    finally:
        keyring.set_keyring(previous)
