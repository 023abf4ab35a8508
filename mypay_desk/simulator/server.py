"""The sandbox portal over HTTP: Starlette on uvicorn, on 127.0.0.1.

Portal endpoints (what MyPay exposes):
    POST /ws/<anything>                         entity web service (SOAP 1.1), e.g. /ws/pa/
    POST /public/mybox/uploadFlusso?authorizationToken=...      MyBox upload (multipart, one file part)
    GET  /public/mybox/download/<enteId>?type=&securityToken=&filename=     SCARTI / IUV / AVVISI / export ZIPs
    GET  /public/landing/avviso?id=&securityToken=              notice PDF (urlFileAvviso)
    GET|POST /public/landing/inviaDovuti?id=<idSession>         checkout page: amount and a "Paga" button
    GET|POST /public/landing/precaricato?id=...                 same, for paaSILChiediPosizioniAperte links

Sandbox administration (JSON; loopback only, no authentication: this is a test tool):
    GET  /sandbox/status                  entes, counts, switches
    GET  /sandbox/switches                current switches
    POST /sandbox/switches                {"latency_ms", "error_rate", "fail_next", "fail_status", "drop_upload",
                                           "lose_upload_reply", "malformed", "hostile", "seed",
                                           "processing_delay"} (any subset)
    POST /sandbox/pay                     {"ipa", "iuds": [...]} or {"ipa", "fraction", "seed"}
                                          -> {"paid": [{iud, iuv, amount_cents, psp_id, psp_name, iur, receipt_id,
                                              paid_at, fee_cents}], "skipped": [{iud, reason}]}
    POST /sandbox/ente                    {"ipa", "fiscal_code", "password", "types": ["TARI:scadenza", ...],
                                           "segregation_code", "name"}
    GET  /sandbox/dovuti?ipa=&state=&iud= the portal's dovuti of an Ente
    POST /sandbox/idle                    {"timeout": s} waits until queued imports/exports are done
    GET  /sandbox/reports?ipa=&until=&anomalies=&seed=
                                          ZIP of the PSPs' FdR and the giornale di cassa (simulator/fdr.py)

Switches (``SimulatorServer.set_switches`` or POST /sandbox/switches):
    latency_ms      delay added before answering every portal request (SOAP, upload, download)
    error_rate      fraction of SOAP calls answered HTTP 503 or 500 (the operation is not carried out)
    fail_next       the next N SOAP calls answer ``fail_status`` (default 503), not carried out
    drop_upload     the next N uploads: the server reads about half of the body, then closes the
                    connection without a complete reply (nothing is stored, the token stays unused)
    lose_upload_reply the next N uploads are stored and processed, but the connection closes before the
                    reply's body (the client cannot know the upload arrived)
    malformed       the next N SOAP replies are cut in half (truncated XML; the operation WAS carried out)
    hostile         the next N SOAP replies carry a DTD with entity expansion and an external entity
                    (the operation WAS carried out)
    seed            seeds the random choices (error_rate)
    processing_delay seconds the background processing waits in LOAD_* and in *_IN_ELAB
"""

from __future__ import annotations

import asyncio
import logging
import os
import queue
import random
import socket
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route, request_response

from mypay_desk.simulator.fdr import ReportError, reports_zip
from mypay_desk.simulator.fdr import reports as fdr_reports
from mypay_desk.simulator.operations import Portal
from mypay_desk.simulator.payments import build_export, pay, select_dovuti
from mypay_desk.simulator.processing import process_import
from mypay_desk.simulator.soap import CONTENT_TYPE
from mypay_desk.simulator.state import SimState, StateError, TipoDovuto, parse_type_spec

log = logging.getLogger("mypay_desk.simulator")

DEFAULT_PROCESSING_DELAY = 0.5
_DROP_MESSAGE = "ASGI callable returned without completing response"

HOSTILE_REPLY = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE soapenv:Envelope [
  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
  <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
  <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>
<ppt:risposta xmlns:ppt="http://www.regione.veneto.it/pagamenti/ente/"><stato>&f;</stato><esito>&xxe;</esito>
</ppt:risposta></soapenv:Body></soapenv:Envelope>
"""


class _DropFilter(logging.Filter):
    """uvicorn logs an error when we cut an upload on purpose: keep the log quiet about that one."""

    def filter(self, record: logging.LogRecord) -> bool:
        return _DROP_MESSAGE not in record.getMessage()


# --- switches ----------------------------------------------------------------------------------

@dataclass
class Switches:
    latency_ms: int = 0
    error_rate: float = 0.0
    fail_next: int = 0
    fail_status: int = 503
    drop_upload: int = 0
    lose_upload_reply: int = 0
    malformed: int = 0
    hostile: int = 0
    seed: int | None = None
    _rng: random.Random = field(default_factory=random.Random, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    _INTS = ("latency_ms", "fail_next", "fail_status", "drop_upload", "lose_upload_reply", "malformed", "hostile")

    def set(self, **values: Any) -> None:
        with self._lock:
            for name, value in values.items():
                if name in self._INTS:
                    number = int(value)
                    if number < 0 or (name == "fail_status" and not 500 <= number <= 599):
                        raise ValueError(f"valore non valido per {name}: {value}")
                    setattr(self, name, number)
                elif name == "error_rate":
                    rate = float(value)
                    if not 0 <= rate <= 1:
                        raise ValueError("error_rate deve essere tra 0 e 1")
                    self.error_rate = rate
                elif name == "seed":
                    self.seed = None if value is None else int(value)
                    self._rng = random.Random(self.seed)
                else:
                    raise ValueError(f"interruttore sconosciuto: {name}")

    def as_dict(self) -> dict:
        with self._lock:
            return {"latency_ms": self.latency_ms, "error_rate": self.error_rate, "fail_next": self.fail_next,
                    "fail_status": self.fail_status, "drop_upload": self.drop_upload,
                    "lose_upload_reply": self.lose_upload_reply, "malformed": self.malformed,
                    "hostile": self.hostile, "seed": self.seed}

    def soap_failure(self) -> int | None:
        """The HTTP status to fail this SOAP call with, or None to serve it."""
        with self._lock:
            if self.fail_next > 0:
                self.fail_next -= 1
                return self.fail_status
            if self.error_rate and self._rng.random() < self.error_rate:
                return self._rng.choice((503, 500))
            return None

    def take(self, name: str) -> bool:
        """Consume one of the ``drop_upload`` / ``lose_upload_reply`` / ``malformed`` / ``hostile`` counters."""
        with self._lock:
            left = getattr(self, name)
            if left > 0:
                setattr(self, name, left - 1)
                return True
            return False


# --- background processing ---------------------------------------------------------------------

class Worker:
    """One thread that processes uploaded flows and booked exports in arrival order."""

    def __init__(self, state: SimState, delay: float):
        self.state = state
        self.delay = delay
        self._queue: queue.Queue[tuple[str, str] | None] = queue.Queue()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._pending = 0
        self._idle = threading.Condition()

    def enqueue(self, kind: str, token: str) -> None:
        with self._idle:
            self._pending += 1
        self._queue.put((kind, token))

    def start(self) -> None:
        c = self.state.conn()
        for r in c.execute("SELECT request_token FROM import_request WHERE state IN ('LOAD_IMPORT', 'IMPORT_IN_ELAB') "
                           "ORDER BY uploaded_at"):
            self.enqueue("import", r[0])
        for r in c.execute("SELECT request_token FROM export_request WHERE state IN ('LOAD_EXPORT', 'EXPORT_IN_ELAB') "
                           "ORDER BY created_at"):
            self.enqueue("export", r[0])
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="mypay-sandbox-worker", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._queue.put(None)
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None

    def wait_idle(self, timeout: float = 30.0) -> bool:
        deadline = time.monotonic() + timeout
        with self._idle:
            while self._pending:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._idle.wait(left)
        return True

    def _pause(self) -> None:
        if self.delay > 0:
            self._stop.wait(self.delay)

    def _run(self) -> None:
        while True:
            job = self._queue.get()
            if job is None or self._stop.is_set():
                break
            kind, token = job
            try:
                self._pause()
                if self._stop.is_set():
                    break
                if kind == "import":
                    process_import(self.state, token, pause=self._pause)
                else:
                    build_export(self.state, token, pause=self._pause)
            except Exception:  # noqa: BLE001 - a failed job is marked as failed, the worker goes on
                log.exception("elaborazione %s %s fallita", kind, token)
                self._mark_failed(kind, token)
            finally:
                with self._idle:
                    self._pending -= 1
                    self._idle.notify_all()

    def _mark_failed(self, kind: str, token: str) -> None:
        try:
            with self.state.write() as c:
                if kind == "import":
                    c.execute("UPDATE import_request SET state='IMPORT_ABORTITO', cod_errore='PAA_IMPORT_ERROR', "
                              "de_errore='Errore generico durante l''elaborazione del flusso' WHERE request_token=?",
                              (token,))
                else:
                    c.execute("UPDATE export_request SET state='ERROR_EXPORT' WHERE request_token=?", (token,))
        except Exception:  # noqa: BLE001
            log.exception("impossibile segnare il job %s come fallito", token)


# --- the server --------------------------------------------------------------------------------

class SimulatorServer:
    """The sandbox portal. ``start()`` serves it in a background thread and returns its base URL;
    ``serve_forever()`` serves it in the calling thread (the CLI). State lives in ``state_dir``."""

    def __init__(self, state_dir: str | os.PathLike, *, host: str = "127.0.0.1", port: int = 0,
                 processing_delay: float = DEFAULT_PROCESSING_DELAY, **switches: Any):
        self.state_dir = Path(state_dir)
        self.host = host
        self.port = port
        self.state = SimState(self.state_dir)
        self.switches = Switches()
        self.switches.set(**switches)
        self.worker = Worker(self.state, processing_delay)
        self.portal = Portal(self.state, self.worker.enqueue)
        # Called with (request body, HTTP status, reply) of every SOAP exchange, before any injected fault
        # mangles the reply: the tests validate both against MyPay's schemas.
        self.exchange_observer: Callable[[bytes, int, bytes], None] | None = None
        self.app = build_app(self)
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.base_url = ""

    # lifecycle
    def _bind(self) -> socket.socket:
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self.port))
        sock.listen(128)
        self.port = sock.getsockname()[1]
        host = f"[{self.host}]" if family == socket.AF_INET6 else self.host
        self.base_url = f"http://{host}:{self.port}"
        return sock

    def _uvicorn(self) -> uvicorn.Server:
        logging.getLogger("uvicorn.error").addFilter(_DropFilter())
        config = uvicorn.Config(self.app, log_level="warning", access_log=False, lifespan="off",
                                timeout_graceful_shutdown=2, http="h11")
        return uvicorn.Server(config)

    def start(self) -> str:
        if self._thread is not None:
            return self.base_url
        sock = self._bind()
        self.worker.start()
        self._server = self._uvicorn()
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [sock]},
                                        name="mypay-sandbox-http", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 15
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("Il portale di prova non è partito")
            time.sleep(0.01)
        log.info("portale di prova su %s (stato in %s)", self.base_url, self.state_dir)
        return self.base_url

    def serve_forever(self, on_ready=None) -> None:
        """Serve in the calling thread until Ctrl-C (uvicorn handles the signals)."""
        sock = self._bind()
        self.worker.start()
        self._server = self._uvicorn()
        if on_ready is not None:
            on_ready(self.base_url)
        try:
            self._server.run(sockets=[sock])
        finally:
            self.worker.stop()
            self.state.close()

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=15)
            self._thread = None
        self._server = None
        self.worker.stop()
        self.state.close()

    def __enter__(self) -> SimulatorServer:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    # API for tests, the demo and the CLI
    def add_ente(self, ipa: str, fiscal_code: str, password: str, types: list[str | TipoDovuto], *,
                 segregation_code: str = "01", name: str = ""):
        return self.state.add_ente(ipa, fiscal_code, password, types, segregation_code=segregation_code, name=name)

    def pay(self, ipa: str, iuds: list[str] | None = None, fraction: float | None = None,
            seed: int | None = None, paid_at: datetime | None = None) -> dict:
        """Citizens pay: the named IUDs, or a random ``fraction`` of the payable dovuti. See /sandbox/pay.
        ``paid_at`` (local time, Python API only) backdates the payments: receipts and FdR carry that day."""
        ente = self.state.ente_by_ipa(ipa)
        if ente is None:
            raise StateError(f"Ente {ipa} non presente nel portale di prova")
        ids, skipped = select_dovuti(self.state, ente, iuds=iuds, fraction=fraction, seed=seed)
        paid = pay(self.state, ente, ids, seed=seed, paid_at=paid_at)
        return {"paid": [p.to_dict() for p in paid], "skipped": [s.to_dict() for s in skipped]}

    def reports(self, ipa: str, until: date | None = None, anomalies: bool | str | Iterable[str] | None = False,
                seed: int | None = None) -> dict:
        """The PSPs' FdR and the treasury's giornale di cassa for the payments up to ``until``
        (see simulator/fdr.py): ``{"fdr": [(name, xml)], "opi": (name, xml), "anomalies": [...]}``."""
        ente = self.state.ente_by_ipa(ipa)
        if ente is None:
            raise StateError(f"Ente {ipa} non presente nel portale di prova")
        return fdr_reports(self.state, ente, until=until, anomalies=anomalies, seed=seed)

    def set_switches(self, **values: Any) -> dict:
        delay = values.pop("processing_delay", None)
        if delay is not None:
            if float(delay) < 0:
                raise ValueError("processing_delay non può essere negativo")
            self.worker.delay = float(delay)
        self.switches.set(**values)
        return self.switches_dict()

    def switches_dict(self) -> dict:
        return self.switches.as_dict() | {"processing_delay": self.worker.delay}

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Wait until every uploaded flow and booked export has been processed."""
        return self.worker.wait_idle(timeout)

    def status(self) -> dict:
        return {
            "base_url": self.base_url, "state_dir": str(self.state_dir), "switches": self.switches_dict(),
            "entes": [{"ipa": e.ipa, "fiscal_code": e.fiscal_code, "name": e.name,
                       "segregation_code": e.segregation_code,
                       "types": [t.__dict__ for t in self.state.types(e.id).values()]} for e in self.state.entes()],
            "counts": self.state.counts(),
        }


def add_ente(state_dir: str | os.PathLike, ipa: str, fiscal_code: str, password: str, types: list[str], *,
             segregation_code: str = "01", name: str = ""):
    """Provision an Ente in a state folder without a running server (``simulator add-ente``)."""
    state = SimState(state_dir)
    try:
        return state.add_ente(ipa, fiscal_code, password, types, segregation_code=segregation_code, name=name)
    finally:
        state.close()


# --- the Starlette application -----------------------------------------------------------------

class _AsgiEndpoint:
    """Wraps a raw ASGI coroutine so Starlette routes to it as an ASGI app (not request/response)."""

    def __init__(self, fn):
        self.fn = fn

    async def __call__(self, scope, receive, send) -> None:
        await self.fn(scope, receive, send)


def build_app(sim: SimulatorServer) -> Starlette:
    portal = sim.portal
    switches = sim.switches

    async def latency() -> None:
        ms = switches.latency_ms
        if ms > 0:
            await asyncio.sleep(ms / 1000)

    def base_url(request: Request) -> str:
        return f"{request.url.scheme}://{request.url.netloc}"

    async def soap(request: Request) -> Response:
        if request.method != "POST":
            return PlainTextResponse("Servizio PagamentiTelematiciDovutiPagati (portale di prova): usare POST SOAP 1.1",
                                     status_code=405)
        await latency()
        failure = switches.soap_failure()
        body = await request.body()
        if failure is not None:
            return PlainTextResponse("Service Unavailable" if failure == 503 else "Internal Server Error",
                                     status_code=failure)
        status, payload = await run_in_threadpool(portal.handle_soap, body, base_url(request))
        if sim.exchange_observer is not None:
            sim.exchange_observer(body, status, payload)
        if switches.take("hostile"):
            payload = HOSTILE_REPLY
        elif switches.take("malformed"):
            payload = payload[: max(1, len(payload) // 2)]
        return Response(payload, status_code=status, media_type=CONTENT_TYPE)

    async def upload(request: Request) -> Response:
        token = request.query_params.get("authorizationToken", "")
        try:
            form = await request.form(max_files=10, max_fields=50)
        except Exception as exc:  # noqa: BLE001 - any malformed multipart body
            return JSONResponse([{"codice": "500", "descrizione": f"request multipart non valida: {exc}"}])
        try:
            files = []
            for _, value in form.multi_items():
                if hasattr(value, "read"):
                    files.append((value.filename or "", await value.read(), value.content_type or ""))
        finally:
            await form.close()
        result = await run_in_threadpool(portal.upload, token, files)
        return JSONResponse(result)

    upload_app = request_response(upload)

    async def upload_asgi(scope, receive, send) -> None:
        await latency()
        if scope.get("method") == "POST" and switches.take("drop_upload"):
            headers = dict(scope.get("headers") or [])
            try:
                length = int(headers.get(b"content-length", b"0") or 0)
            except ValueError:
                length = 0
            target, got = max(1, length // 2), 0
            while got < target:
                message = await receive()
                if message["type"] != "http.request":
                    break
                got += len(message.get("body", b""))
                if not message.get("more_body"):
                    break
            # Announce a reply and return without it: uvicorn closes the connection mid-exchange.
            await send({"type": "http.response.start", "status": 200,
                        "headers": [(b"content-type", b"application/json"), (b"content-length", b"64")]})
            return
        if scope.get("method") == "POST" and switches.take("lose_upload_reply"):
            async def headers_only(message) -> None:  # the upload is stored; its reply never arrives whole
                if message["type"] == "http.response.start":
                    await send(message)

            await upload_app(scope, receive, headers_only)
            return
        await upload_app(scope, receive, send)

    async def download(request: Request) -> Response:
        await latency()
        q = request.query_params
        status, data, name = await run_in_threadpool(
            portal.download, request.path_params["ente_id"], q.get("type", ""), q.get("securityToken", ""),
            q.get("filename", ""))
        if status != 200:
            return PlainTextResponse(data.decode("utf-8"), status_code=status)
        return Response(data, media_type="application/octet-stream",
                        headers={"Content-Disposition": f"attachment; filename={name}"})

    async def avviso(request: Request) -> Response:
        await latency()
        q = request.query_params
        status, data, name = await run_in_threadpool(portal.avviso, q.get("id", ""), q.get("securityToken", ""))
        if status != 200:
            return PlainTextResponse(data.decode("utf-8"), status_code=status)
        return Response(data, media_type="application/pdf", headers={"Content-Disposition": f"inline; filename={name}"})

    async def checkout(request: Request) -> Response:
        session = request.query_params.get("id", "")
        do_pay = request.method == "POST"
        if do_pay and not session:
            form = await request.form()
            session = str(form.get("id", ""))
        status, page = await run_in_threadpool(portal.checkout, session, do_pay)
        return HTMLResponse(page, status_code=status)

    # admin
    async def admin_status(request: Request) -> Response:
        return JSONResponse(await run_in_threadpool(sim.status))

    async def admin_switches(request: Request) -> Response:
        if request.method == "POST":
            try:
                values = await request.json()
                if not isinstance(values, dict):
                    raise ValueError("atteso un oggetto JSON")
                return JSONResponse(sim.set_switches(**values))
            except (ValueError, TypeError) as exc:
                return JSONResponse({"error": str(exc)}, status_code=400)
        return JSONResponse(sim.switches_dict())

    async def admin_pay(request: Request) -> Response:
        try:
            body = await request.json()
            fraction = body.get("fraction")
            seed = body.get("seed")
            result = await run_in_threadpool(
                sim.pay, str(body.get("ipa", "")), list(body.get("iuds") or []) or None,
                None if fraction is None else float(fraction), None if seed is None else int(seed))
        except (ValueError, TypeError, AttributeError, StateError) as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        return JSONResponse(result)

    async def admin_ente(request: Request) -> Response:
        try:
            b = await request.json()
            types = [parse_type_spec(t) for t in b.get("types") or []]
            ente = await run_in_threadpool(
                sim.add_ente, str(b.get("ipa", "")), str(b.get("fiscal_code", "")), str(b.get("password", "")),
                types, segregation_code=str(b.get("segregation_code") or "01"), name=str(b.get("name") or ""))
        except (ValueError, TypeError, AttributeError, StateError) as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        return JSONResponse({"ipa": ente.ipa, "id": ente.id, "segregation_code": ente.segregation_code})

    async def admin_dovuti(request: Request) -> Response:
        q = request.query_params
        ente = sim.state.ente_by_ipa(q.get("ipa", ""))
        if ente is None:
            return JSONResponse({"error": "Ente sconosciuto"}, status_code=404)
        rows = await run_in_threadpool(sim.state.dovuti, ente.id, state=q.get("state"), iud=q.get("iud"))
        return JSONResponse({"ipa": ente.ipa, "dovuti": rows})

    async def admin_idle(request: Request) -> Response:
        try:
            timeout = float((await request.json()).get("timeout", 30))
        except (ValueError, TypeError, AttributeError):
            timeout = 30.0
        done = await run_in_threadpool(sim.wait_idle, timeout)
        return JSONResponse({"idle": done})

    async def admin_reports(request: Request) -> Response:
        q = request.query_params
        try:
            until = date.fromisoformat(q["until"]) if q.get("until") else None
            seed = int(q["seed"]) if q.get("seed") else None
            result = await run_in_threadpool(sim.reports, q.get("ipa", ""), until, q.get("anomalies", ""), seed)
        except StateError as exc:
            return JSONResponse({"error": str(exc)}, status_code=404)
        except (ValueError, ReportError) as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        day = (until or date.today()).strftime("%Y%m%d")
        return Response(reports_zip(result), media_type="application/zip",
                        headers={"Content-Disposition": f"attachment; filename=rendicontazione-{day}.zip"})

    routes = [
        Route("/ws", soap, methods=["GET", "POST"]),
        Route("/ws/{path:path}", soap, methods=["GET", "POST"]),
        Route("/public/mybox/uploadFlusso", _AsgiEndpoint(upload_asgi), methods=["POST"]),
        Route("/public/mybox/download/{ente_id:int}", download, methods=["GET"]),
        Route("/public/landing/avviso", avviso, methods=["GET"]),
        Route("/public/landing/inviaDovuti", checkout, methods=["GET", "POST"]),
        Route("/public/landing/precaricato", checkout, methods=["GET", "POST"]),
        Route("/sandbox/status", admin_status, methods=["GET"]),
        Route("/sandbox/switches", admin_switches, methods=["GET", "POST"]),
        Route("/sandbox/pay", admin_pay, methods=["POST"]),
        Route("/sandbox/ente", admin_ente, methods=["POST"]),
        Route("/sandbox/dovuti", admin_dovuti, methods=["GET"]),
        Route("/sandbox/idle", admin_idle, methods=["POST"]),
        Route("/sandbox/reports", admin_reports, methods=["GET"]),
    ]
    return Starlette(routes=routes)
