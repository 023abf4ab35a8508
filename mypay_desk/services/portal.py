"""Connection to the portal: settings, the password, "Prova connessione", the journal, and clients.

The password lives in the OS keyring (service ``mypay-desk``, user = codice IPA), never in the
database, settings, logs or journal. Only when ``MYPAY_DESK_KEYRING=file`` is set (tests, CI, headless
servers that have no keyring) is it kept in a file of the workspace readable by its owner only
(``secrets/portal-passwords.json``, mode 0600). The demo Ente's password belongs to the embedded
sandbox and is kept in the sandbox's own configuration (see services/demo.py).
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from mypay_desk.domain.debts import DebtRecord, bilancio_from_json, flow_hash
from mypay_desk.domain.ente import EnteData
from mypay_desk.services.errors import PortalError, UserError
from mypay_desk.services.portal_client import ClientSettings, ConnectionCheck, JournalEntry, MyPayClient
from mypay_desk.store.repositories import portal as repo

if TYPE_CHECKING:  # pragma: no cover
    from mypay_desk.services.workspace import Workspace

KEYRING_SERVICE = "mypay-desk"
ENV_KEYRING = "MYPAY_DESK_KEYRING"
SECRETS_FILE = "secrets/portal-passwords.json"


@dataclass(frozen=True)
class PortalSettings:
    ipa_code: str
    portal_url: str
    has_password: bool
    adhesion_mode: str
    is_demo: bool
    password_store: str  # "portachiavi di sistema" | "file dello spazio di lavoro" | "sandbox dimostrativa"


@dataclass(frozen=True)
class JournalRow:
    at: datetime
    operation: str
    duration_ms: int
    outcome: str
    fault_code: str
    message: str
    http_status: int | None


def record_from_row(row: dict) -> DebtRecord:
    """A DebtRecord from the sync columns of a Debt row (same shape the list service hashes)."""
    from mypay_desk.domain.debts import RECORD_FIELDS

    values = {name: row[name] for name in RECORD_FIELDS if name != "bilancio"}
    return DebtRecord(**values, bilancio=bilancio_from_json(row.get("bilancio_json") or ""))


class PortalService:
    def __init__(self, ws: Workspace):
        self.ws = ws
        # Tests and the benchmark shorten these; the GUI keeps the defaults.
        self.client_settings = ClientSettings()
        self._lock = threading.Lock()
        self._online: dict[int, bool] = {}

    # --- password ---------------------------------------------------------------------------
    @staticmethod
    def _file_mode() -> bool:
        return os.environ.get(ENV_KEYRING, "").strip().lower() == "file"

    def _secrets_path(self) -> Path:
        return Path(self.ws.path) / SECRETS_FILE

    def _read_secrets(self) -> dict[str, str]:
        path = self._secrets_path()
        if not path.exists():
            return {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise UserError(f"Il file delle password {path} non è leggibile: {exc}", file=str(path)) from exc
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def _write_secrets(self, data: dict[str, str]) -> None:
        path = self._secrets_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            os.chmod(path.parent, 0o700)
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)

    def _demo_ente(self, ipa_code: str) -> bool:
        try:
            return self.ws.ente.get(ipa_code).is_demo
        except UserError:
            return False

    def password_store(self, ipa_code: str) -> str:
        if self._demo_ente(ipa_code):
            return "sandbox dimostrativa"
        return "file dello spazio di lavoro" if self._file_mode() else "portachiavi di sistema"

    def set_password(self, ipa_code: str, password: str) -> None:
        """Store the portal password of an Ente (keyring, or the 0600 file when MYPAY_DESK_KEYRING=file)."""
        if not ipa_code:
            raise UserError("Codice IPA mancante: salva prima i dati dell'Ente", field="ipa_code")
        if not password:
            raise UserError("La password del portale è vuota", field="password")
        if self._demo_ente(ipa_code):
            self.ws.demo.set_sandbox_password(ipa_code, password)
        elif self._file_mode():
            with self._lock:
                data = self._read_secrets()
                data[ipa_code] = password
                self._write_secrets(data)
        else:
            import keyring
            from keyring.errors import KeyringError

            try:
                keyring.set_password(KEYRING_SERVICE, ipa_code, password)
            except KeyringError as exc:
                raise UserError(
                    "Nessun portachiavi di sistema disponibile per salvare la password del portale "
                    f"({exc}). Su un server senza portachiavi imposta la variabile {ENV_KEYRING}=file: la "
                    "password verrà salvata in un file dello spazio di lavoro leggibile solo dal tuo utente.",
                    field="password") from exc
        self.ws.audit("portal.password", entity="ente", details={"ipa_code": ipa_code})

    def get_password(self, ipa_code: str) -> str | None:
        if self._demo_ente(ipa_code):
            return self.ws.demo.sandbox_password(ipa_code)
        if self._file_mode():
            return self._read_secrets().get(ipa_code)
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(KEYRING_SERVICE, ipa_code)
        except KeyringError:
            return None

    def has_password(self, ipa_code: str) -> bool:
        return bool(self.get_password(ipa_code))

    def delete_password(self, ipa_code: str) -> None:
        if self._file_mode():
            with self._lock:
                data = self._read_secrets()
                if data.pop(ipa_code, None) is not None:
                    self._write_secrets(data)
            return
        import keyring
        from keyring.errors import KeyringError

        with contextlib.suppress(KeyringError):
            keyring.delete_password(KEYRING_SERVICE, ipa_code)

    # --- settings ---------------------------------------------------------------------------
    def settings(self, ente: EnteData | None = None) -> PortalSettings:
        ente = ente or self.ws.ente.require_current()
        return PortalSettings(ipa_code=ente.ipa_code, portal_url=ente.portal_url,
                              has_password=self.has_password(ente.ipa_code), adhesion_mode=ente.adhesion_mode,
                              is_demo=ente.is_demo, password_store=self.password_store(ente.ipa_code))

    def save_settings(self, portal_url: str, password: str | None = None) -> PortalSettings:
        """Save the portal address of the current Ente and, when given, its password."""
        ente = self.ws.ente.require_current()
        url = (portal_url or "").strip().rstrip("/")
        if url != ente.portal_url:
            ente = self.ws.ente.save(replace(ente, portal_url=url))
        if password:
            self.set_password(ente.ipa_code, password)
        return self.settings(ente)

    # --- clients ----------------------------------------------------------------------------
    def _journal_writer(self, ente_id: int | None):
        def write(entry: JournalEntry) -> None:
            with self.ws.db.session() as s:
                repo.add_journal(s, ente_id, operation=entry.operation, at=entry.at, duration_ms=entry.duration_ms,
                                 outcome=entry.outcome, fault_code=entry.fault_code, message=entry.message,
                                 http_status=entry.http_status)
            if ente_id is not None:
                # The portal answered (even with a fault or a broken reply) unless nothing came back.
                self._online[ente_id] = not (entry.outcome == "ERROR" and entry.http_status is None)

        return write

    def client(self, ente: EnteData | None = None, *, cancel=None, password: str | None = None,
               portal_url: str | None = None) -> MyPayClient:
        """A client for the Ente (the current one by default). Close it when done (``with``)."""
        ente = ente or self.ws.ente.require_current()
        url = portal_url if portal_url is not None else ente.portal_url
        if not url:
            raise PortalError("Indirizzo del portale non impostato: indicalo nella pagina Portale")
        pw = password if password is not None else self.get_password(ente.ipa_code)
        if not pw:
            raise PortalError(f"Password del portale non impostata per l'Ente {ente.ipa_code}: inseriscila nella "
                              "pagina Portale")
        return MyPayClient(url, ente.ipa_code, pw, settings=self.client_settings,
                           journal=self._journal_writer(ente.id), cancel=cancel)

    def test_connection(self, portal_url: str | None = None, password: str | None = None) -> ConnectionCheck:
        """"Prova connessione": address, codice IPA and password, without changing anything."""
        ente = self.ws.ente.require_current()
        try:
            client = self.client(ente, password=password or None, portal_url=portal_url)
        except PortalError as exc:
            return ConnectionCheck(False, str(exc), 0)
        with client:
            return client.test_connection()

    # --- journal and status -----------------------------------------------------------------
    def journal(self, limit: int = 500) -> list[JournalRow]:
        ente = self.ws.ente.current()
        if ente is None:
            return []
        with self.ws.db.session() as s:
            return [JournalRow(at=j.at, operation=j.operation, duration_ms=j.duration_ms, outcome=j.outcome,
                               fault_code=j.fault_code, message=j.message, http_status=j.http_status)
                    for j in repo.list_journal(s, ente.id, limit)]

    def last_known_online(self) -> bool | None:
        """Whether the portal answered the last exchange of the current Ente (None: never talked to it)."""
        ente = self.ws.ente.current()
        if ente is None:
            return None
        if ente.id in self._online:
            return self._online[ente.id]
        with self.ws.db.session() as s:
            last = repo.last_journal(s, ente.id)
        if last is None:
            return None
        return not (last.outcome == "ERROR" and last.http_status is None)

    def pending_count(self) -> int:
        """Pending I/M/A rows of the current Ente: what the next syncs would send (valid debts only)."""
        ente = self.ws.ente.current()
        if ente is None:
            return 0
        from mypay_desk.domain.debt_states import pending_action

        with self.ws.db.session() as s:
            count, candidates = repo.pending_candidates(s, ente.id)
            rejected = repo.last_rejected_hashes(s, [r["id"] for r in candidates if r["state"] == "RIFIUTATO"])
        for r in candidates:
            h = flow_hash(record_from_row(r))
            action = pending_action(r["state"], r["cancel_requested"], r["portal_hash"], h)
            if action is None:
                continue
            if r["state"] == "RIFIUTATO" and rejected.get(r["id"]) == h:
                continue  # rejected and unchanged since: not sent again until fixed
            count += 1
        return count
