"""An HTTP proxy on loopback in front of the sandbox that lets a test change each reply: the portal's
answers as a broken or hostile server would give them, while the sandbox itself stays correct."""

from __future__ import annotations

import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

#: (method, path, status, content type, body) -> (status, body): the reply the client gets.
Mutator = Callable[[str, str, int, str, bytes], tuple[int, bytes]]

_FORWARDED = ("content-type", "soapaction", "accept")


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # a client that went away (a timeout of the app's): not a traceback on the test's stderr


class MutatingProxy:
    """Forwards every request to ``target`` (the sandbox's base URL) and passes the reply through
    ``mutator`` (None: unchanged). The Host header is the proxy's, so the addresses the sandbox puts in
    its replies (downloads, uploads) lead back through the proxy too."""

    def __init__(self, target: str):
        self.target = target.rstrip("/")
        self.mutator: Mutator | None = None
        self.exchanges = 0
        self._http = httpx.Client(timeout=30.0)
        self._lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet
                pass

            def _forward(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {k: v for k, v in self.headers.items() if k.lower() in _FORWARDED}
                headers["Host"] = self.headers.get("Host", "")
                reply = proxy._http.request(self.command, proxy.target + self.path, content=body, headers=headers)
                status, content_type, data = reply.status_code, reply.headers.get("content-type", ""), reply.content
                with proxy._lock:
                    proxy.exchanges += 1
                    mutator = proxy.mutator
                if mutator is not None:
                    status, data = mutator(self.command, self.path, status, content_type, data)
                self.send_response(status)
                if content_type:
                    self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _forward

        self._server = _QuietServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="mutating-proxy", daemon=True)

    def start(self) -> str:
        self._thread.start()
        return self.url

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._http.close()
