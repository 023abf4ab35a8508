"""MyPay client: the entity web service (SOAP 1.1) and the MyBox upload/download, over httpx.

Rules it keeps (ARCHITECTURE.md "The portal"):
- every call has explicit timeouts;
- only operations that are safe to repeat are retried, with exponential back-off: status, download,
  export status, lookups, and also Autorizza and the export bookings (repeating them only leaves an
  unused authorisation, or one more export of the same period, on the portal; a run must not fail on
  one transient 5xx of its first call); the upload, ImportaDovuto and InviaDovuti never are;
- every upload uses the tokens of a fresh paaSILAutorizzaImportFlusso, never reused;
- replies are parsed with the hardened parser (DTD/entities refused);
- faults become :class:`PortalError` with a clear Italian message, ``transient=True`` for network
  errors, 5xx and malformed or hostile replies;
- every exchange is reported to ``journal`` without secrets (no password, no tokens, no URLs with tokens).
"""

from __future__ import annotations

import contextlib
import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urlsplit

import httpx

from mypay_desk.domain.codes import is_portal_iuv
from mypay_desk.domain.excerpt import excerpt
from mypay_desk.formats import soap
from mypay_desk.services.errors import Cancelled, PortalError

# --- messages -----------------------------------------------------------------------------------

FAULT_MESSAGES: dict[str, str] = {
    "PAA_ENTE_NON_VALIDO": "il portale non accetta il codice IPA o la password (o l'Ente non è ancora attivo): "
                           "controlla i dati di connessione nella pagina Portale",
    "PAA_SYSTEM_ERROR": "errore interno del portale: riprova più tardi",
    "PAA_XML_NON_VALIDO": "il portale ha giudicato non valido l'XML inviato",
    "PAA_AZIONE_NON_VALIDO": "azione non valida (ammesse I, M, A)",
    "PAA_IUV_NON_VALIDO": "IUV non valido",
    "PAA_IUV_DUPLICATO": "IUV già presente sul portale",
    "PAA_IUD_NON_VALIDO": "IUD non valido (non può iniziare con 000)",
    "PAA_IUD_DUPLICATO": "IUD già presente sul portale",
    "PAA_IUV_SCADUTO": "IUV scaduto",
    "PAA_NUMERO_DOVUTI_PER_IUV_NON_VALIDO": "numero di dovuti per IUV non valido",
    "PAA_IMPORTO_SINGOLO_VERSAMENTO_NON_VALIDO": "importo non valido (diverso da zero, al massimo 999.999.999,99)",
    "PAA_IMPORTO_BILANCIO_NON_VALIDO": "la somma degli accertamenti del bilancio non è uguale all'importo",
    "PAA_IDENTIFICATIVO_TIPO_DOVUTO_NON_VALIDO": "tipo dovuto non valido per l'Ente",
    "PAA_IDENTIFICATIVO_TIPO_DOVUTO_NON_ABILITATO": "tipo dovuto non abilitato per l'Ente",
    "PAA_IDENTIFICATIVO_TIPO_DOVUTO_NON_INSERITO": "tipo dovuto mancante",
    "PAA_TIPO_VERSAMENTO_NON_VALIDO": "tipo versamento non valido",
    "PAA_DATI_SPECIFICI_RISCOSSIONE_NON_VALIDO": "dati specifici di riscossione non validi",
    "PAA_CODICE_FISCALE_NON_VALIDO": "codice fiscale del debitore non valido",
    "PAA_P_IVA_NON_VALIDO": "partita IVA del debitore non valida",
    "PAA_TIPO_IDENTIFICATIVO_PAGATORE_NON_VALIDO": "tipo debitore non valido (F o G)",
    "PAA_CODICE_IDENTIFICATIVO_PAGATORE_NON_PRESENTE": "codice del debitore mancante",
    "PAA_ANAGRAFICA_NON_VALIDA": "anagrafica del debitore non valida",
    "PAA_REQUEST_TOKEN_NON_VALIDO": "il portale non riconosce il token della richiesta (già usato, scaduto o "
                                    "di un altro Ente)",
    "PAA_DATI_NON_TROVATI": "nessun dato trovato",
    "PAA_DATE_FROM_NON_VALIDO": "data iniziale non valida",
    "PAA_DATE_TO_NON_VALIDO": "data finale non valida",
    "PAA_INTERVALLO_DATE_NON_VALIDO": "intervallo di date non valido",
    "PAA_VERSIONE_TRACCIATO_NON_VALIDA": "versione del tracciato non valida",
    "PAA_ID_SESSION_NON_VALIDO": "sessione di pagamento non valida",
    "PAA_PAGAMENTO_NON_INIZIATO": "pagamento non iniziato",
    "PAA_PAGAMENTO_IN_CORSO": "pagamento in corso",
    "PAA_PAGAMENTO_ANNULLATO": "pagamento annullato",
    "PAA_PAGAMENTO_SCADUTO": "pagamento scaduto",
    "PAA_MARCA_BOLLO_DIGITALE_NON_VALIDA": "marca da bollo digitale non valida",
    "PAA_IMPORTO_MARCA_BOLLO_DIGITALE_NON_VALIDA": "importo della marca da bollo digitale non valido",
    "PAA_LIMITE_MASSIMO_DOVUTI_ENTI_SECONDARI": "troppi dovuti per enti secondari",
    "PAA_ENTE_SECONDARIO_NON_VALIDO": "ente secondario non valido",
    "PAA_ERRORE_RECUPERO_DOVUTI_ENTI_SECONDARI": "errore nel recupero dei dovuti degli enti secondari",
    "PAA_SERVIZIO_NON_IMPLEMENTATO": "servizio non disponibile su questo portale",
    "PPT_IBAN_NON_CENSITO": "IBAN non censito",
    # Import flow: file-level and row-level codes (mypay4-interfaces.md §2.4).
    "PAA_IMPORT_NO_FILE_AUTH": "il portale non ha trovato l'autorizzazione del file caricato",
    "PAA_IMPORT_NO_FILE_MD5": "il portale non ha trovato l'impronta del file caricato",
    "PAA_IMPORT_NO_MATCH_AUTH": "il file caricato non corrisponde all'autorizzazione",
    "PAA_IMPORT_NO_MATCH_MD5": "il file arrivato al portale è incompleto o alterato (impronta diversa)",
    "PAA_IMPORT_NOME_FILE_ERR": "nome del file del flusso non valido",
    "PAA_IMPORT_ENTE_ERR": "il nome del file non riporta il codice IPA dell'Ente",
    "PAA_IMPORT_FILE_VERSIONE_ERR": "versione del tracciato non ammessa",
    "PAA_IMPORT_IUD_DUPLICATO": "IUD ripetuto nel flusso o già presente",
    "PAA_IMPORT_ERROR": "errore del portale nell'elaborazione della riga",
    "PAA_IMPORT_SINTASSI_CSV": "riga del flusso non leggibile",
}

_SINTASSI_FIELDS = {
    "IUD": "IUD", "IUV": "IUV", "TIPO_DOVUTO": "tipo dovuto",
    "TIPO_DOVUTO_INESISTENTE": "tipo dovuto inesistente",
    "TIPO_DOVUTO_NON_ATTIVO_PER_ENTE": "tipo dovuto non attivo per l'Ente",
    "TIPO_DOVUTO_NON_VALIDO_MARCA_DA_BOLLO": "tipo dovuto marca da bollo non ammesso",
    "COD_FISC": "codice fiscale", "P_IVA": "partita IVA", "ID_UNIV_FG": "tipo debitore (F/G)",
    "COD_FISC_P_IVA": "codice fiscale / partita IVA", "INDIRIZZO": "indirizzo", "CIVICO": "civico",
    "NAZ": "nazione", "PROV": "provincia", "CAP": "CAP", "NAZ_PROV_CAP": "nazione, provincia e CAP",
    "EMAIL": "e-mail", "DATA_SCADENZA_PAGAMENTO": "data di scadenza",
    "DATA_SCADENZA_PAGAMENTO_NON_PRESENTE": "data di scadenza mancante (obbligatoria per il tipo dovuto)",
    "IMPORTO": "importo", "COMMISSIONI_PA": "commissione a carico dell'Ente", "TIPO_VERS": "tipo versamento",
    "DATI_RISCOSS": "dati specifici di riscossione", "BILANCIO": "bilancio", "AZIONE": "azione",
}


# What a message quotes of a reply: a state or fault code (MyPay's are under 50 characters) and the portal's own
# words. A damaged or hostile reply must not make a 100 KB message (or column value).
REPLY_CODE_CHARS = 80
REPLY_TEXT_CHARS = 500


def fault_message(code: str, portal_text: str = "") -> str:
    """A clear Italian message for a PAA_* code, followed by what the portal itself said."""
    code = (code or "").strip()
    base = FAULT_MESSAGES.get(code)
    if base is None:
        head = code.split("(", 1)[0]
        base = FAULT_MESSAGES.get(head)
        if base is None and head.startswith("PAA_IMPORT_SINTASSI_CSV_"):
            suffix = head[len("PAA_IMPORT_SINTASSI_CSV_"):]
            secondary = suffix.endswith("_ENTE_SECONDARIO")
            suffix = suffix.removesuffix("_ENTE_SECONDARIO")
            what = _SINTASSI_FIELDS.get(suffix, suffix.replace("_", " ").lower())
            base = f"campo non valido: {what}" + (" (ente secondario)" if secondary else "")
    base = base or "errore segnalato dal portale"
    text = excerpt((portal_text or "").strip(), REPLY_TEXT_CHARS)
    if text and text.lower() not in base.lower():
        return f"{base} (portale: {text})"
    return base


def is_http_url(url: str) -> bool:
    """An address a reply gives (upload, download, payment link) that can be used: http(s), with a host, and
    one httpx can parse (a control character in it would raise httpx.InvalidURL, not an HTTPError)."""
    try:
        parsed = httpx.URL(url or "")
    except httpx.InvalidURL:
        return False
    return parsed.scheme in ("http", "https") and bool(parsed.host)


# --- results ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class JournalEntry:
    operation: str
    at: datetime
    duration_ms: int
    outcome: str  # OK | KO | FAULT | ERROR
    fault_code: str = ""
    message: str = ""
    http_status: int | None = None


@dataclass(frozen=True)
class ImportAuthorization:
    upload_url: str
    authorization_token: str
    request_token: str
    import_path: str = ""


@dataclass(frozen=True)
class UploadResult:
    file_name: str
    file_size: int


IMPORT_DONE = "IMPORT_ESEGUITO"
IMPORT_ABORTED = "IMPORT_ABORTITO"
IMPORT_RUNNING = frozenset({"LOAD_IMPORT", "IMPORT_IN_ELAB"})


@dataclass(frozen=True)
class ImportStatus:
    state: str
    url_scarti: str = ""
    url_iuv: str = ""
    url_avvisi: str = ""

    @property
    def done(self) -> bool:
        return self.state == IMPORT_DONE

    @property
    def running(self) -> bool:
        return self.state in IMPORT_RUNNING

    @property
    def failed(self) -> bool:
        """The whole flow was refused (aborted or a file-level PAA_IMPORT_* code)."""
        return not self.done and not self.running


@dataclass(frozen=True)
class ImportaDovutoResult:
    esito: str
    iuv: str
    notice_url: str = ""
    notice_zip: bytes | None = None


@dataclass(frozen=True)
class InviaDovutiResult:
    esito: str
    id_session: str
    redirect: int | None
    url: str


@dataclass(frozen=True)
class PaymentInfo:
    """What the portal knows about the payment of a dovuto (paaSILChiediPagatiConRicevuta).

    ``state``: PAGATO, NON_INIZIATO, IN_CORSO, ANNULLATO, SCADUTO, NON_TROVATO.
    """

    state: str
    pagati: soap.PagatiData | None = None
    rt: bytes | None = None
    signature_type: str = ""
    message: str = ""

    @property
    def paid(self) -> bool:
        return self.state == "PAGATO"


_PAYMENT_FAULT_STATES = {
    "PAA_PAGAMENTO_NON_INIZIATO": "NON_INIZIATO",
    "PAA_PAGAMENTO_IN_CORSO": "IN_CORSO",
    "PAA_PAGAMENTO_ANNULLATO": "ANNULLATO",
    "PAA_PAGAMENTO_SCADUTO": "SCADUTO",
    "PAA_DATI_NON_TROVATI": "NON_TROVATO",
    "PAA_IUV_NON_VALIDO": "NON_TROVATO",
}


@dataclass(frozen=True)
class ExportBooking:
    request_token: str
    date_to: datetime | None


EXPORT_DONE = "EXPORT_ESEGUITO"
EXPORT_EMPTY = "EXPORT_ESEGUITO_NESSUN_DOVUTO_TROVATO"
EXPORT_RUNNING = frozenset({"LOAD_EXPORT", "EXPORT_IN_ELAB"})


@dataclass(frozen=True)
class ExportStatus:
    state: str
    download_url: str = ""

    @property
    def done(self) -> bool:
        return self.state in (EXPORT_DONE, EXPORT_EMPTY)

    @property
    def empty(self) -> bool:
        return self.state == EXPORT_EMPTY

    @property
    def running(self) -> bool:
        return self.state in EXPORT_RUNNING

    @property
    def failed(self) -> bool:
        return not self.done and not self.running


@dataclass(frozen=True)
class OpenPosition:
    cod_ipa: str
    ente_name: str
    payment_url: str
    dovuti: soap.DovutiData


@dataclass(frozen=True)
class ConnectionCheck:
    ok: bool
    message: str
    duration_ms: int


@dataclass
class ClientSettings:
    """Timeouts in seconds and the retry policy for operations that are safe to repeat."""

    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    write_timeout: float = 120.0  # uploads of large flows
    retries: int = 3  # extra attempts after the first, safe operations only
    backoff: float = 1.0  # first pause; doubles each time, with jitter
    backoff_max: float = 30.0
    extra_secrets: list[str] = field(default_factory=list)


# --- the client ---------------------------------------------------------------------------------

class MyPayClient:
    """One Ente's connection to MyPay. Not thread-safe: use one per task."""

    def __init__(self, base_url: str, cod_ipa: str, password: str, *,
                 settings: ClientSettings | None = None,
                 journal: Callable[[JournalEntry], None] | None = None,
                 transport: httpx.BaseTransport | None = None,
                 cancel=None):
        if not base_url or not base_url.lower().startswith(("http://", "https://")):
            raise PortalError("Indirizzo del portale mancante o non valido: impostalo nella pagina Portale")
        self.base_url = base_url.rstrip("/")
        self.cod_ipa = cod_ipa
        self._password = password
        self.settings = settings or ClientSettings()
        self._journal = journal
        self.cancel = cancel  # a CancelToken; checked between attempts and during pauses
        self._secrets: set[str] = {s for s in [password, *self.settings.extra_secrets] if s}
        s = self.settings
        host = (urlsplit(self.base_url).hostname or "").lower()
        self._http = httpx.Client(
            timeout=httpx.Timeout(connect=s.connect_timeout, read=s.read_timeout, write=s.write_timeout,
                                  pool=s.connect_timeout),
            follow_redirects=False,
            # Office proxies apply to the real portal, never to the local sandbox.
            trust_env=host not in ("127.0.0.1", "localhost", "::1"),
            transport=transport,
            headers={"User-Agent": "MyPay-Desk"},
        )

    @property
    def ws_url(self) -> str:
        return f"{self.base_url}/ws/pa/"

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> MyPayClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- plumbing ---------------------------------------------------------------------------
    def _scrub(self, text: str) -> str:
        for secret in self._secrets:
            if secret and len(secret) >= 4:
                text = text.replace(secret, "***")
        return text[:2000]

    def _record(self, operation: str, started: float, at: datetime, outcome: str, *, fault_code: str = "",
                message: str = "", http_status: int | None = None) -> None:
        if self._journal is None:
            return
        entry = JournalEntry(operation=operation, at=at, duration_ms=int((time.monotonic() - started) * 1000),
                             outcome=outcome, fault_code=fault_code, message=self._scrub(message),
                             http_status=http_status)
        # A journal failure must never break the exchange itself.
        with contextlib.suppress(Exception):
            self._journal(entry)

    def _check_cancel(self) -> None:
        if self.cancel is not None and getattr(self.cancel, "cancelled", False):
            raise Cancelled()

    def pause(self, seconds: float) -> None:
        """Sleep in small slices so a cancel request is honoured quickly."""
        end = time.monotonic() + max(0.0, seconds)
        while True:
            self._check_cancel()
            left = end - time.monotonic()
            if left <= 0:
                return
            time.sleep(min(left, 0.1))

    def _backoff(self, attempt: int) -> float:
        s = self.settings
        delay = min(s.backoff_max, s.backoff * (2 ** attempt))
        return delay * (0.75 + random.random() * 0.5)

    def _with_retries(self, fn: Callable[[], object], safe: bool):
        attempt = 0
        while True:
            self._check_cancel()
            try:
                return fn()
            except PortalError as exc:
                if not (safe and exc.transient and attempt < self.settings.retries):
                    raise
                self.pause(self._backoff(attempt))
                attempt += 1

    def _network_error(self, exc: Exception, what: str) -> PortalError:
        if isinstance(exc, httpx.TimeoutException):
            return PortalError(f"il portale non ha risposto in tempo ({what}): riprova più tardi", transient=True)
        if isinstance(exc, httpx.ConnectError):
            return PortalError(f"impossibile raggiungere il portale {self.base_url} ({what}): controlla la "
                               "connessione e l'indirizzo del portale", transient=True)
        return PortalError(f"connessione con il portale interrotta ({what}): {type(exc).__name__}", transient=True)

    def _soap_once(self, operation: str, fields: list[tuple[str, object]], *, label: str = "",
                   expected_faults: frozenset[str] = frozenset(), expected_message: str = "") -> soap.SoapResponse:
        """One SOAP exchange. ``expected_faults`` are answers, not errors, for this call: journaled as OK
        (under ``label``) with ``expected_message``."""
        payload = soap.build_request(operation, self.cod_ipa, fields)
        at, started = datetime.now(), time.monotonic()
        try:
            resp = self._http.post(self.ws_url, content=payload, headers={
                "Content-Type": soap.CONTENT_TYPE, "SOAPAction": f'"{operation}"'})
        except httpx.HTTPError as exc:
            err = self._network_error(exc, operation)
            self._record(operation, started, at, "ERROR", message=str(err))
            raise err from exc
        status = resp.status_code
        try:
            parsed = soap.parse_response(resp.content, operation)
        except soap.SoapError as exc:
            if exc.kind == "soap_fault":
                server_side = status >= 500 and "client" not in exc.fault_code.lower()
                code = excerpt(exc.fault_code, REPLY_CODE_CHARS)
                err = PortalError(f"il portale ha rifiutato la richiesta {operation} (SOAP Fault {code}: "
                                  f"{excerpt(exc.fault_string, REPLY_TEXT_CHARS)})", fault_code=code,
                                  transient=server_side)
            elif status >= 500:
                err = PortalError(f"il portale è in errore (HTTP {status}) durante {operation}: riprova più tardi",
                                  transient=True)
            elif status >= 400:
                err = PortalError(f"il portale ha risposto HTTP {status} a {operation}: controlla l'indirizzo del "
                                  "portale nella pagina Portale")
            elif exc.kind == "hostile":
                err = PortalError(f"risposta del portale a {operation} rifiutata: contiene una DTD o entità XML, "
                                  "che per sicurezza non vengono mai elaborate", transient=True)
            else:
                err = PortalError(f"risposta del portale a {operation} non valida: {exc.message}", transient=True)
            self._record(operation, started, at, "ERROR", fault_code=err.fault_code, message=str(err),
                         http_status=status)
            raise err from exc
        if parsed.fault is not None and parsed.fault.code in expected_faults:
            self._record(label or operation, started, at, "OK", fault_code=parsed.fault.code,
                         message=expected_message, http_status=status)
        elif parsed.fault is not None:
            code = parsed.fault.code
            self._record(operation, started, at, "FAULT", fault_code=code,
                         message=parsed.fault.description or parsed.fault.string, http_status=status)
        else:
            self._record(operation, started, at, "KO" if parsed.esito == "KO" else "OK", http_status=status)
        return parsed

    def _soap(self, operation: str, fields: list[tuple[str, object]], *, safe: bool,
              allowed_faults: frozenset[str] = frozenset()) -> soap.SoapResponse:
        def once() -> soap.SoapResponse:
            r = self._soap_once(operation, fields)
            if r.fault is not None and r.fault.code not in allowed_faults:
                f = r.fault
                code = excerpt(f.code, REPLY_CODE_CHARS)
                raise PortalError(fault_message(code, f.description or f.string), fault_code=code,
                                  transient=code == "PAA_SYSTEM_ERROR")
            return r

        return self._with_retries(once, safe)

    @staticmethod
    def _http_url(url: str, what: str) -> str:
        if not is_http_url(url):
            raise PortalError(f"il portale ha indicato un indirizzo non valido per {what} («{excerpt(url)}»)",
                              transient=True)
        return url

    # --- import flow ------------------------------------------------------------------------
    def autorizza_import_flusso(self) -> ImportAuthorization:
        """Fresh upload tokens. Retried on transient failures: a repeated call only creates another
        authorisation, and the tokens of one that failed are never used."""
        r = self._soap("paaSILAutorizzaImportFlusso", [("password", self._password)], safe=True)
        auth = ImportAuthorization(upload_url=r.get("uploadUrl"), authorization_token=r.get("authorizationToken"),
                                   request_token=r.get("requestToken"), import_path=r.get("importPath"))
        if not (auth.upload_url and auth.authorization_token and auth.request_token):
            raise PortalError("risposta di autorizzazione al caricamento incompleta (manca indirizzo o token)",
                              transient=True)
        self._secrets.update({auth.authorization_token, auth.request_token})
        return auth

    def upload_flow(self, auth: ImportAuthorization, file_name: str, zip_bytes: bytes) -> UploadResult:
        """POST the ZIP to MyBox with the authorisation's token. Never retried: if the outcome is
        unknown the caller asks paaSILChiediStatoImportFlusso whether the file arrived."""
        if not zip_bytes:
            raise PortalError("il flusso da caricare è vuoto")
        url = self._http_url(auth.upload_url, "il caricamento")
        self._secrets.update({auth.authorization_token, auth.request_token})
        op = "uploadFlusso"
        at, started = datetime.now(), time.monotonic()
        self._check_cancel()
        try:
            resp = self._http.post(url, params={"authorizationToken": auth.authorization_token},
                                   files={"file": (file_name, zip_bytes, "application/zip")})
        except httpx.HTTPError as exc:
            err = self._network_error(exc, "caricamento del flusso")
            self._record(op, started, at, "ERROR", message=str(err))
            raise err from exc
        status = resp.status_code
        if status >= 400:
            err = PortalError(f"caricamento del flusso non riuscito (HTTP {status})", transient=status >= 500)
            self._record(op, started, at, "ERROR", message=str(err), http_status=status)
            raise err
        try:
            doc = json.loads(resp.content)
            item = doc[0] if isinstance(doc, list) and doc and isinstance(doc[0], dict) else None
        except (ValueError, UnicodeDecodeError):
            item = None
        if item is None:
            err = PortalError("risposta del portale al caricamento non valida (JSON atteso)", transient=True)
            self._record(op, started, at, "ERROR", message=str(err), http_status=status)
            raise err
        if "codice" in item and "fileName" not in item:
            text = str(item.get("descrizione", ""))
            err = PortalError(f"il portale ha rifiutato il file caricato: {text}", fault_code=str(item["codice"]))
            self._record(op, started, at, "FAULT", fault_code=str(item["codice"]), message=text, http_status=status)
            raise err
        try:
            size = int(item.get("fileSize") or 0)
        except (TypeError, ValueError):
            size = 0
        self._record(op, started, at, "OK", message=f"{file_name} ({len(zip_bytes)} byte)", http_status=status)
        return UploadResult(file_name=str(item.get("fileName", file_name)), file_size=size)

    def chiedi_stato_import_flusso(self, request_token: str, *, scarti: bool = True, iuv: bool = True,
                                   avvisi: bool = False) -> ImportStatus:
        self._secrets.add(request_token)  # faults may echo it back: never into the journal
        r = self._soap("paaSILChiediStatoImportFlusso", [
            ("requestToken", request_token), ("password", self._password),
            ("fileScarti", scarti), ("fileIUV", iuv), ("fileAvvisi", avvisi),
        ], safe=True)
        state = excerpt(r.get("stato"), REPLY_CODE_CHARS)
        if not state:
            raise PortalError("risposta sullo stato del flusso senza «stato»", transient=True)
        return ImportStatus(state=state, url_scarti=r.get("urlFileScarti"), url_iuv=r.get("urlFileIUV"),
                            url_avvisi=r.get("urlFileAvvisi"))

    def download(self, url: str, what: str = "file") -> bytes:
        """GET a file the portal prepared (flow outcome, export). Safe to repeat."""
        url = self._http_url(url, what)
        op = f"download {what}"

        def once() -> bytes:
            at, started = datetime.now(), time.monotonic()
            try:
                resp = self._http.get(url)
            except httpx.HTTPError as exc:
                err = self._network_error(exc, f"scaricamento {what}")
                self._record(op, started, at, "ERROR", message=str(err))
                raise err from exc
            if resp.status_code != 200:
                err = PortalError(f"scaricamento {what} non riuscito (HTTP {resp.status_code})",
                                  transient=resp.status_code >= 500)
                self._record(op, started, at, "ERROR", message=str(err), http_status=resp.status_code)
                raise err
            self._record(op, started, at, "OK", message=f"{len(resp.content)} byte", http_status=200)
            return resp.content

        return self._with_retries(once, safe=True)

    # --- single debts -----------------------------------------------------------------------
    def importa_dovuto(self, versamento_xml: bytes, *, generate_iuv: bool | None = None) -> ImportaDovutoResult:
        """Create/modify/cancel one dovuto at once. Never retried (not idempotent)."""
        r = self._soap("paaSILImportaDovuto", [
            ("password", self._password), ("dovuto", soap.b64encode(versamento_xml)), ("flagGeneraIuv", generate_iuv),
        ], safe=False)
        if r.esito and r.esito != "OK":
            raise PortalError("il portale non ha accettato il dovuto (esito KO)")
        zipped = r.get("base64ZipAvviso")
        iuv = r.get("identificativoUnivocoVersamento")
        if iuv and not is_portal_iuv(iuv):  # a damaged reply: the debt must not take it
            raise PortalError(f"il portale ha risposto con uno IUV non valido («{excerpt(iuv)}»)",
                              transient=True)  # (like a broken reply: the request may have been carried out)
        return ImportaDovutoResult(
            esito=r.esito or "OK", iuv=iuv, notice_url=r.get("urlFileAvviso"),
            notice_zip=soap.b64decode(zipped, "avviso") if zipped else None,
        )

    def invia_dovuti(self, dovuti_xml: bytes, *, return_url: str | None = None,
                     show_mypay: str | None = None) -> InviaDovutiResult:
        """Start a payment at the Ente ("pagamento iniziato presso l'Ente"): the URL for the citizen."""
        r = self._soap("paaSILInviaDovuti", [
            ("password", self._password), ("dovuti", soap.b64encode(dovuti_xml)),
            ("enteSILInviaRispostaPagamentoUrl", return_url), ("showMyPay", show_mypay),
        ], safe=False)
        if r.esito and r.esito != "OK":
            raise PortalError("il portale non ha avviato il pagamento (esito KO)")
        url = r.get("url")
        if not url:
            raise PortalError("il portale non ha restituito l'indirizzo di pagamento", transient=True)
        if not is_http_url(url):  # shown, opened and printed as a QR code
            raise PortalError(f"il portale ha restituito un indirizzo di pagamento non valido («{excerpt(url)}»)")
        redirect = r.get("redirect")
        return InviaDovutiResult(esito=r.esito or "OK", id_session=r.get("idSession"),
                                 redirect=int(redirect) if redirect.lstrip("-").isdigit() else None, url=url)

    def chiedi_pagati_con_ricevuta(self, *, iud: str | None = None, iuv: str | None = None,
                                   id_session: str | None = None) -> PaymentInfo:
        """Whether a dovuto is paid. The PAA_PAGAMENTO_* faults are answers here, not errors."""
        r = self._soap("paaSILChiediPagatiConRicevuta", [
            ("codIpaEnte", self.cod_ipa), ("password", self._password), ("idSession", id_session),
            ("identificativoUnivocoVersamento", iuv), ("identificativoUnivocoDovuto", iud),
        ], safe=True, allowed_faults=frozenset(_PAYMENT_FAULT_STATES))
        if r.fault is not None:
            return PaymentInfo(state=_PAYMENT_FAULT_STATES[r.fault.code],
                               message=fault_message(r.fault.code, r.fault.description or r.fault.string))
        raw = r.get("pagati")
        if not raw:
            return PaymentInfo(state="NON_TROVATO", message="nessun pagamento restituito dal portale")
        try:
            pagati = soap.parse_pagati(soap.b64decode(raw, "pagati"))
        except soap.SoapError as exc:
            raise PortalError(f"dati del pagamento non validi: {exc.message}", transient=True) from exc
        rt = r.get("rt")
        return PaymentInfo(state="PAGATO" if pagati.paid else "NON_INIZIATO", pagati=pagati,
                           rt=soap.b64decode(rt, "rt") if rt else None, signature_type=r.get("tipoFirma"))

    def chiedi_posizioni_aperte(self, debtor_type: str, debtor_code: str) -> list[OpenPosition]:
        r = self._soap("paaSILChiediPosizioniAperte", [
            ("password", self._password), ("codIpaEnte", self.cod_ipa),
            # ctIdentificativoUnivocoPersonaFG belongs to the pay_i schema: its children are qualified.
            ("identificativoUnivocoPersonaFG", [(f"{{{soap.NS_PAY_I}}}tipoIdentificativoUnivoco", debtor_type),
                                                (f"{{{soap.NS_PAY_I}}}codiceIdentificativoUnivoco", debtor_code)]),
        ], safe=True, allowed_faults=frozenset({"PAA_DATI_NON_TROVATI"}))
        out = []
        for pos in r.children("paaSILPosizioniAperte"):
            fields = {soap.local_name(c.tag): (c.text or "").strip() for c in pos}
            try:
                dovuti = soap.parse_dovuti(soap.b64decode(fields.get("dovuti", ""), "dovuti"))
            except soap.SoapError as exc:
                raise PortalError(f"posizione aperta non leggibile: {exc.message}", transient=True) from exc
            if dovuti.iuv and not is_portal_iuv(dovuti.iuv):  # (as in importa_dovuto)
                raise PortalError(f"posizione aperta con uno IUV non valido («{excerpt(dovuti.iuv)}»)", transient=True)
            out.append(OpenPosition(cod_ipa=fields.get("codIpaEnte", ""), ente_name=fields.get("deNomeEnte", ""),
                                    payment_url=fields.get("urlPagamento", ""), dovuti=dovuti))
        return out

    # --- receipt export ---------------------------------------------------------------------
    def prenota_export_flusso(self, date_from: date, date_to: date, *, debt_type: str | None = None,
                              version: str = "1.0") -> str:
        r = self._soap("paaSILPrenotaExportFlusso", [
            ("password", self._password), ("dateFrom", date_from), ("dateTo", date_to),
            ("identificativoTipoDovuto", debt_type), ("versioneTracciato", version),
        ], safe=True)  # a repeated booking only books the same export again
        token = r.get("requestToken")
        if not token:
            raise PortalError("il portale non ha restituito il token della prenotazione", transient=True)
        self._secrets.add(token)
        return token

    def prenota_export_incrementale_con_ricevuta(self, date_from: datetime, *, date_to: datetime | None = None,
                                                 debt_type: str | None = None, ricevuta: bool = True,
                                                 incrementale: bool = True, version: str = "1.3") -> ExportBooking:
        """Book an incremental receipt export. The returned ``date_to`` is the next ``date_from``."""
        r = self._soap("paaSILPrenotaExportFlussoIncrementaleConRicevuta", [
            ("password", self._password), ("dateFrom", date_from), ("dateTo", date_to),
            ("identificativoTipoDovuto", debt_type), ("ricevuta", ricevuta), ("incrementale", incrementale),
            ("versioneTracciato", version),
        ], safe=True)  # a repeated booking only books the same export again: the last token is used
        token = r.get("requestToken")
        if not token:
            raise PortalError("il portale non ha restituito il token della prenotazione", transient=True)
        self._secrets.add(token)
        raw_to = r.get("dateTo")
        try:
            parsed_to = datetime.fromisoformat(raw_to) if raw_to else None
        except ValueError as exc:
            raise PortalError(f"data finale dell'export non valida: «{raw_to}»", transient=True) from exc
        if parsed_to is not None and parsed_to.tzinfo is not None:
            parsed_to = parsed_to.astimezone().replace(tzinfo=None)
        return ExportBooking(request_token=token, date_to=parsed_to)

    def chiedi_stato_export_flusso(self, request_token: str) -> ExportStatus:
        self._secrets.add(request_token)
        r = self._soap("paaSILChiediStatoExportFlusso", [
            ("password", self._password), ("requestToken", request_token),
        ], safe=True)
        state = excerpt(r.get("stato"), REPLY_CODE_CHARS)
        if not state:
            raise PortalError("risposta sullo stato dell'export senza «stato»", transient=True)
        return ExportStatus(state=state, download_url=r.get("downloadUrl"))

    # --- connection check -------------------------------------------------------------------
    def test_connection(self) -> ConnectionCheck:
        """Check address, codice IPA and password without changing anything on the portal.

        Asks the state of a flow that cannot exist: the portal checks Ente and password first
        (PAA_ENTE_NON_VALIDO when wrong), then the token (PAA_REQUEST_TOKEN_NON_VALIDO: all good).
        """
        started = time.monotonic()
        try:
            r = self._soap_once("paaSILChiediStatoImportFlusso", [
                ("requestToken", "VERIFICA-CONNESSIONE-MYPAY-DESK"), ("password", self._password),
            ], label="Prova connessione", expected_faults=frozenset({"PAA_REQUEST_TOKEN_NON_VALIDO"}),
                expected_message="Ente e password riconosciuti dal portale")
        except PortalError as exc:
            return ConnectionCheck(False, str(exc), int((time.monotonic() - started) * 1000))
        ms = int((time.monotonic() - started) * 1000)
        if r.fault is None or r.fault.code == "PAA_REQUEST_TOKEN_NON_VALIDO":
            return ConnectionCheck(True, f"Connessione riuscita: il portale ha riconosciuto l'Ente {self.cod_ipa} "
                                         f"({ms} ms)", ms)
        return ConnectionCheck(False, fault_message(r.fault.code, r.fault.description or r.fault.string), ms)
