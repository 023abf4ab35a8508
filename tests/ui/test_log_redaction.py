"""Tokens and passwords never reach the log file: httpx's request lines, exception messages and
tracebacks, arguments of any logger, the error dialog's details."""

from __future__ import annotations

import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from mypay_desk.ui import logging_setup
from mypay_desk.ui.logging_setup import redact

TOKEN, SECURITY, PASSWORD = "AuThT0ken-7f3a9", "SeCuR1ty-19b2", "Prova.Sandbox1"


@pytest.mark.parametrize(("text", "secret"), [
    (f"HTTP Request: POST http://127.0.0.1:1/public/mybox/uploadFlusso?authorizationToken={TOKEN} "
     '"HTTP/1.1 200 OK"', TOKEN),
    (f"GET /public/mybox/download/3?type=SCARTI&securityToken={SECURITY}&filename=scarti.zip", SECURITY),
    (f"<soapenv:Body><password>{PASSWORD}</password></soapenv:Body>", PASSWORD),
    (f"<ns2:password>{PASSWORD}</ns2:password>", PASSWORD),
    (f"{{'codIpaEnte': 'C_TEST', 'password': '{PASSWORD}'}}", PASSWORD),
    (f'{{"authorizationToken": "{TOKEN}"}}', TOKEN),
    (f"password={PASSWORD}&user=mario", PASSWORD),
    (f"Authorization: Bearer {TOKEN}", TOKEN),
])
def test_redact_masks_every_form_of_secret(text, secret):
    clean = redact(text)
    assert secret not in clean and "***" in clean


def test_redact_leaves_ordinary_text_alone():
    for text in ("token non valido: ripeti l'accesso", "Password salvata nel portachiavi",
                 "GET /ws/pa/?wsdl \"HTTP/1.1 200 OK\"", "IUV 301000000000000144, importo 45,50 €"):
        assert redact(text) == text


class _Ok(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server API
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):  # quiet test server
        pass


@pytest.fixture
def log_file(tmp_path):
    path = logging_setup.setup_logging(tmp_path / "logs")
    yield path
    logging_setup.shutdown_logging()


@pytest.fixture
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Ok)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()


def test_the_log_file_never_holds_a_token_or_a_password(log_file, server):
    # httpx's own INFO line with the upload URL the portal hands out
    httpx.get(f"{server}/public/mybox/uploadFlusso", params={"authorizationToken": TOKEN})
    httpx.get(f"{server}/public/mybox/download/3", params={"type": "SCARTI", "securityToken": SECURITY})
    log = logging.getLogger("mypay_desk.services.portal_client")
    log.info("richiesta %s", {"codIpaEnte": "C_TEST", "password": PASSWORD})
    try:
        raise httpx.ConnectError(f"connessione rifiutata: {server}/upload?authorizationToken={TOKEN}")
    except httpx.ConnectError:
        log.exception("caricamento non riuscito")
    logging.getLogger("mypay_desk").warning("SOAP: <password>%s</password>", PASSWORD)
    for h in logging.getLogger().handlers:
        h.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "HTTP Request: GET" in text and "authorizationToken=***" in text and "securityToken=***" in text
    assert "caricamento non riuscito" in text and "Traceback" in text
    for secret in (TOKEN, SECURITY, PASSWORD):
        assert secret not in text


def test_the_error_dialog_details_are_redacted_too(monkeypatch):
    shown = []
    logging_setup.install_error_hooks(lambda summary, details: shown.append((summary, details)))
    try:
        logging_setup._report(f"errore su ?securityToken={SECURITY}", f"Traceback ... password={PASSWORD}")
    finally:
        logging_setup.uninstall_error_hooks()
    assert shown and SECURITY not in shown[0][0] and PASSWORD not in shown[0][1]
