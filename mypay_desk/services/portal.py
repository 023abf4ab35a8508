"""Connection to the portal: settings, the password, "Prova connessione", the journal, and clients.

Where the portal password of an Ente comes from, in this order:

- the demo Ente: the embedded sandbox's own configuration (see services/demo.py);
- a **password file** the administrator owns (``ente set --password-file PATH``, for servers without a
  keyring): only its path is kept in the workspace; the file is read at each use and refused when
  group or others have any permission on it, or when it belongs to another user;
- the **OS keyring** (service ``mypay-desk``, user = codice IPA): the default.

``MYPAY_DESK_KEYRING=file`` (tests, CI, throw-away workspaces) replaces the keyring with a file of the
workspace readable by its owner only (``secrets/portal-passwords.json``, mode 0600). The password is
never in the database, settings, logs or journal.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import threading
import time
from dataclasses import dataclass, fields, replace
from datetime import datetime
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from mypay_desk.domain.debts import RECORD_FIELDS, DebtRecord, bilancio_from_json, flow_hash
from mypay_desk.domain.ente import EnteData
from mypay_desk.services.errors import UserError
from mypay_desk.services.portal_client import ClientSettings, ConnectionCheck, JournalEntry, MyPayClient
from mypay_desk.services.workspace import load_preferences, save_preference
from mypay_desk.store.repositories import portal as repo

if TYPE_CHECKING:  # pragma: no cover
    from mypay_desk.services.workspace import Workspace

KEYRING_SERVICE = "mypay-desk"
ENV_KEYRING = "MYPAY_DESK_KEYRING"
SECRETS_FILE = "secrets/portal-passwords.json"
PASSWORD_FILE_SETTING = "portal_password_file:"  # + codice IPA: where a single desk kept it before desks
PASSWORD_FILES_PREFERENCE = "portal_password_files"  # {codice IPA: absolute path} in this desk's preferences
KEYRING_STORE = "portachiavi di sistema"

#: Faults by which the portal says the codice IPA or the password is wrong (or the Ente is not active):
#: a configuration problem to fix, not an outage. MyPay answers PAA_ENTE_NON_VALIDO for a wrong Ente,
#: password or state (mypay4-interfaces.md, "Main codes for the ente WS"), e.g. when the Ente has no WS
#: user (RegioneDelVeneto/mypay, mypay4 service/UtenteService.java verificaWsUser).
CREDENTIAL_FAULTS = frozenset({"PAA_ENTE_NON_VALIDO"})


@dataclass(frozen=True)
class PortalSettings:
    ipa_code: str
    portal_url: str
    has_password: bool
    adhesion_mode: str
    is_demo: bool
    password_store: str  # "portachiavi di sistema" | "file dello spazio di lavoro" | "sandbox dimostrativa"


@dataclass(frozen=True)
class ConnectionResult:
    """The outcome of "Prova connessione" and what kind of problem it found.

    ``kind``: "ok"; "config" (address or password missing or unusable: fix the settings);
    "credentials" (the portal does not accept codice IPA and password); "unreachable" (no answer);
    "refused" (the portal answered with an error)."""

    ok: bool
    kind: str
    message: str
    duration_ms: int
    portal_url: str = ""
    ipa_code: str = ""
    fault_code: str = ""  # the portal's PAA_* code, when it answered with one
    field: str = ""  # the setting to fix (portal_url, password, password_file), for config and credentials
    code: str = ""  # a stable name of the problem: portal_url_missing, PAA_ENTE_NON_VALIDO, portal_unreachable...

    def to_json(self) -> dict:
        return {"ok": self.ok, "kind": self.kind, "message": self.message, "duration_ms": self.duration_ms,
                "portal_url": self.portal_url, "ipa": self.ipa_code, "fault_code": self.fault_code or None}


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
    values = list(_record_values(row))
    values[_BILANCIO] = bilancio_from_json(values[_BILANCIO] or "")
    return DebtRecord(*values)  # (by position: RECORD_FIELDS are its first fields; a push makes 100,000)


# The row's values in RECORD_FIELDS order, the stored bilancio JSON in the bilancio's place.
_record_values = itemgetter(*("bilancio_json" if name == "bilancio" else name for name in RECORD_FIELDS))
_BILANCIO = RECORD_FIELDS.index("bilancio")
assert tuple(f.name for f in fields(DebtRecord))[:len(RECORD_FIELDS)] == RECORD_FIELDS


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
        tmp = path.with_name(f"{path.stem}.{os.getpid()}.{threading.get_ident()}.tmp")  # one per writer: a GUI
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # and a nightly job may write at once
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
        path = self.password_file(ipa_code)
        if path:
            return f"file {path}"
        return "file dello spazio di lavoro" if self._file_mode() else KEYRING_STORE

    # The admin's password file (servers without a keyring). A path on this computer, so a choice of this
    # desk (the folder's preferences.json), not of the shared database; one saved in the database before
    # desks (a single desk's SQLite file) is still read there.
    def password_file(self, ipa_code: str) -> str:
        """The password file configured for the Ente ("" when the password is in the keyring)."""
        files = load_preferences(self.ws.path).get(PASSWORD_FILES_PREFERENCE)
        if isinstance(files, dict) and ipa_code in files:
            return str(files[ipa_code] or "")
        if self.ws.shared:
            return ""
        from mypay_desk.store.repositories import ente as ente_repo

        with self.ws.db.session() as s:
            return ente_repo.get_setting(s, PASSWORD_FILE_SETTING + ipa_code)

    def check_password_file(self, path: str | os.PathLike) -> Path:
        """The absolute path of a usable password file, or a UserError saying what to fix."""
        p = Path(path).expanduser()
        if not p.is_absolute():
            p = Path.cwd() / p
        read_password_file(p)
        return p

    def set_password_file(self, ipa_code: str, path: str | os.PathLike) -> Path:
        """Take the Ente's portal password from ``path`` from now on (checked first; nothing changes if
        it is not usable). The keyring entry, if any, stays but is no longer used."""
        if not ipa_code:
            raise UserError("Codice IPA mancante: salva prima i dati dell'Ente", field="ipa_code")
        p = self.check_password_file(path)
        self.remember_password_file(ipa_code, str(p))
        self.ws.audit("portal.password_file", entity="ente", details={"ipa_code": ipa_code, "path": str(p)})
        return p

    def remember_password_file(self, ipa_code: str, path: str) -> None:
        """Record (or with "" forget) this desk's password file for the Ente, unchecked (see
        set_password_file)."""
        files = load_preferences(self.ws.path).get(PASSWORD_FILES_PREFERENCE)
        files = dict(files) if isinstance(files, dict) else {}
        files[ipa_code] = path  # "" is kept: it overrides a path saved in the database before desks
        save_preference(self.ws.path, PASSWORD_FILES_PREFERENCE, files)

    def set_password(self, ipa_code: str, password: str) -> None:
        """Store the portal password of an Ente (keyring, or the 0600 file when MYPAY_DESK_KEYRING=file);
        the keyring becomes its source again if a password file was configured."""
        if not ipa_code:
            raise UserError("Codice IPA mancante: salva prima i dati dell'Ente", field="ipa_code")
        if not password:
            raise UserError("La password del portale è vuota", field="password", code="password_missing")
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
            except (KeyringError, OSError, RuntimeError) as exc:
                # A server without a desktop session: no Secret Service on D-Bus, or no backend at all.
                raise UserError(
                    "Nessun portachiavi di sistema disponibile per salvare la password del portale "
                    f"({exc}). Su un server senza portachiavi metti la password in un file leggibile solo "
                    "dal tuo utente (chmod 600) e indicalo con «mypay-desk ente set --ipa "
                    f"{ipa_code} --password-file FILE». Nulla è stato modificato.",
                    field="password", code="keyring_unavailable") from exc
        if self.password_file(ipa_code):
            self.remember_password_file(ipa_code, "")
        self.ws.audit("portal.password", entity="ente", details={"ipa_code": ipa_code})

    def get_password(self, ipa_code: str) -> str | None:
        """The Ente's password, None when none is stored. A configured password file that cannot be
        used raises UserError (what to fix), never falls back silently."""
        if self._demo_ente(ipa_code):
            return self.ws.demo.sandbox_password(ipa_code)
        path = self.password_file(ipa_code)
        if path:
            return read_password_file(Path(path))
        if self._file_mode():
            return self._read_secrets().get(ipa_code)
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(KEYRING_SERVICE, ipa_code)
        except (KeyringError, OSError, RuntimeError):
            return None

    def has_password(self, ipa_code: str) -> bool:
        try:
            return bool(self.get_password(ipa_code))
        except UserError:
            return False

    def delete_password(self, ipa_code: str) -> None:
        if self.password_file(ipa_code):
            self.remember_password_file(ipa_code, "")
        if self._file_mode():
            with self._lock:
                data = self._read_secrets()
                if data.pop(ipa_code, None) is not None:
                    self._write_secrets(data)
            return
        import keyring
        from keyring.errors import KeyringError

        with contextlib.suppress(KeyringError, OSError, RuntimeError):
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
        if url:
            check_portal_url(url)
        if url != ente.portal_url:
            ente = self.ws.ente.save(replace(ente, portal_url=url))
        if password:
            self.set_password(ente.ipa_code, password)
        return self.settings(ente)

    # --- clients ----------------------------------------------------------------------------
    def _journal_writer(self, ente_id: int | None, tap=None):
        def write(entry: JournalEntry) -> None:
            if tap is not None:
                tap(entry)
            with self.ws.db.session() as s:
                repo.add_journal(s, ente_id, operation=entry.operation, at=entry.at, duration_ms=entry.duration_ms,
                                 outcome=entry.outcome, fault_code=entry.fault_code, message=entry.message,
                                 http_status=entry.http_status)
            if ente_id is not None:
                # The portal answered (even with a fault or a broken reply) unless nothing came back.
                self._online[ente_id] = not (entry.outcome == "ERROR" and entry.http_status is None)

        return write

    def connection_settings(self, ente: EnteData, *, password: str | None = None,
                            portal_url: str | None = None) -> tuple[str, str]:
        """The address and password a client of the Ente would use, or a UserError naming the fix
        (a configuration problem, not an outage: the CLI exits 1 for it, not 3)."""
        ipa = ente.ipa_code
        url = (portal_url if portal_url is not None else ente.portal_url or "").strip()
        if not url:
            raise UserError(f"Indirizzo del portale non impostato per l'Ente {ipa}: indicalo nella pagina Portale "
                            f"o con «mypay-desk ente set --ipa {ipa} --portal-url URL»", field="portal_url",
                            code="portal_url_missing")
        check_portal_url(url)
        pw = password if password is not None else self.get_password(ipa)
        if not pw:
            raise UserError(f"Password del portale non impostata per l'Ente {ipa}: inseriscila nella pagina Portale "
                            f"o con «mypay-desk ente set --ipa {ipa} --password-stdin» (su un server senza "
                            "portachiavi: «--password-file FILE»)", field="password", code="password_missing")
        return url, pw

    def client(self, ente: EnteData | None = None, *, cancel=None, password: str | None = None,
               portal_url: str | None = None, _tap=None) -> MyPayClient:
        """A client for the Ente (the current one by default). Close it when done (``with``).
        A missing or unusable address or password raises UserError before anything is sent."""
        ente = ente or self.ws.ente.require_current()
        url, pw = self.connection_settings(ente, password=password, portal_url=portal_url)
        return MyPayClient(url, ente.ipa_code, pw, settings=self.client_settings,
                           journal=self._journal_writer(ente.id, _tap), cancel=cancel)

    def test_connection(self, portal_url: str | None = None, password: str | None = None) -> ConnectionCheck:
        """"Prova connessione": address, codice IPA and password, without changing anything."""
        r = self.check_connection(portal_url, password)
        return ConnectionCheck(r.ok, r.message, r.duration_ms)

    def check_connection(self, portal_url: str | None = None, password: str | None = None) -> ConnectionResult:
        """"Prova connessione" with the kind of problem found (see :class:`ConnectionResult`)."""
        ente = self.ws.ente.require_current()
        url = portal_url if portal_url is not None else ente.portal_url
        seen: list[JournalEntry] = []
        try:
            client = self.client(ente, password=password or None, portal_url=portal_url, _tap=seen.append)
        except UserError as exc:
            return ConnectionResult(False, "config", exc.message, 0, url or "", ente.ipa_code,
                                    field=exc.field or "", code=exc.code or "config")
        with client:
            check = client.test_connection()
        last = seen[-1] if seen else None
        fault = last.fault_code if last is not None else ""
        field = ""
        if check.ok:
            kind, code = "ok", ""
        elif fault in CREDENTIAL_FAULTS:
            kind, code, field = "credentials", fault, "password"
        elif last is not None and last.outcome == "ERROR" and last.http_status is None:
            kind, code = "unreachable", "portal_unreachable"
        elif last is not None and last.http_status in (404, 405):
            # Something answers there, but not the MyPay web service: the address is wrong.
            return ConnectionResult(False, "config", f"{check.message}. All'indirizzo {url} non risponde il web "
                                    "service MyPay dell'Ente: correggilo nella pagina Portale o con «mypay-desk ente "
                                    f"set --ipa {ente.ipa_code} --portal-url URL»", check.duration_ms, url or "",
                                    ente.ipa_code, field="portal_url", code="portal_url_wrong")
        else:
            kind, code = "refused", fault or "portal_refused"
        return ConnectionResult(check.ok, kind, check.message, check.duration_ms, url or "", ente.ipa_code, fault,
                                field, code)

    def wait_for_connection(self, seconds: float, *, pause: float = 1.0) -> ConnectionResult:
        """"Prova connessione" again while the portal cannot be reached, for at most ``seconds`` (a job
        started at boot, a sandbox just started); configuration and credential problems end it at once."""
        deadline = time.monotonic() + max(0.0, seconds)
        while True:
            result = self.check_connection()
            if result.kind != "unreachable" or time.monotonic() + pause > deadline:
                return result
            time.sleep(pause)

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


def check_portal_url(url: str) -> str:
    """The portal address as given, or a UserError when it is not an http(s) address with a host."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:
        host, parts = None, None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not host:
        raise UserError(f"Indirizzo del portale «{url}» non valido: scrivilo come https://nome-del-portale/... "
                        "(per il portale di prova: http://127.0.0.1:PORTA)", field="portal_url",
                        code="portal_url_invalid")
    return url


def read_password_file(path: Path) -> str:
    """The password in the first line of an administrator's file, after checking the file is private.

    Refused (UserError naming the fix): a missing or unreadable file, not a regular file, a file that
    group or others may read, write or run (any bit of 0o077, as ssh and .pgpass require), a file that
    belongs to another user, an empty first line. Windows has no such mode bits: there the OS keyring
    (Credential Manager) is the way, so password files are refused.
    """
    if os.name == "nt":
        raise UserError("Su Windows la password del portale va nel portachiavi di sistema (Gestione credenziali): "
                        "usa «--password-stdin» invece di «--password-file»", field="password_file",
                        code="password_file_unsupported")
    where = str(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise UserError(f"File della password {where} non trovato", field="password_file", file=where,
                        code="password_file_missing") from None
    except OSError as exc:
        raise UserError(f"File della password {where} non accessibile: {exc.strerror or exc}",
                        field="password_file", file=where, code="password_file_unreadable") from exc
    if not stat.S_ISREG(st.st_mode):
        raise UserError(f"{where} non è un file: indica il file che contiene la password", field="password_file",
                        file=where, code="password_file_invalid")
    if st.st_mode & 0o077:
        raise UserError(f"Il file della password {where} è accessibile ad altri utenti (permessi "
                        f"{stat.S_IMODE(st.st_mode):04o}): rendilo leggibile solo dal proprietario con "
                        f"«chmod 600 {where}»", field="password_file", file=where, code="password_file_permissions")
    if hasattr(os, "geteuid") and st.st_uid != os.geteuid():
        raise UserError(f"Il file della password {where} appartiene a un altro utente: deve essere dell'utente che "
                        "esegue MyPay Desk (chown)", field="password_file", file=where,
                        code="password_file_owner")
    try:
        with open(path, encoding="utf-8") as fh:
            first = fh.readline(4096)
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"File della password {where} non leggibile: {exc}", field="password_file", file=where,
                        code="password_file_unreadable") from exc
    password = first.rstrip("\r\n")
    if not password:
        raise UserError(f"Il file della password {where} è vuoto: scrivi la password nella prima riga",
                        field="password_file", file=where, code="password_file_empty")
    return password
