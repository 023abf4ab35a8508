"""The sandbox portal's operations: the entity web service (SOAP), the MyBox upload and download, the
notice link and the checkout page. Blocking code, called by the HTTP layer from worker threads.

Faults come back inside normal responses with MyPay's codes (mypay4-interfaces.md §1.4); where MyPay's
own choice was found in its sources it is followed (notes inline). An envelope that cannot be read,
or an operation the sandbox does not implement, gets a SOAP 1.1 Fault with HTTP 500.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import logging
import os
import re
import uuid
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from urllib.parse import urlencode

from mypay_desk.domain.debts import DebtRecord, validate_debt
from mypay_desk.domain.money import MAX_AMOUNT_CENTS, format_amount
from mypay_desk.simulator import rules
from mypay_desk.simulator.notices import notice_pdf, notices_zip
from mypay_desk.simulator.payments import (
    EXPORT_ESEGUITO,
    FILE_TYPE_EXPORT,
    LOAD_EXPORT,
    NESSUN_DOVUTO,
    PAYABLE,
    notice_number,
    pay,
)
from mypay_desk.simulator.processing import (
    FILE_TYPE_IMPORT,
    IMPORT_ESEGUITO,
    LOAD_IMPORT,
    STATE_WORDS,
    debt_type_data,
    due_date_problem,
)
from mypay_desk.simulator.soap import (
    EnvelopeError,
    Fault,
    FieldValue,
    PayloadError,
    Request,
    b64,
    build_dovuti,
    build_response,
    build_soap_fault,
    parse_dovuti,
    parse_envelope,
    parse_versamento,
    unb64,
)
from mypay_desk.simulator.state import (
    ANNULLATO,
    COMPLETATO,
    DA_PAGARE,
    PAGAMENTO_INIZIATO,
    Ente,
    SimState,
    new_token,
    record_from_json,
    record_to_json,
    ts,
)

log = logging.getLogger(__name__)

EXPORT_VERSIONS = ("1.0", "1.1", "1.2", "1.3")
IMPORT_PATH = "/IMPORT"
AVVISO_TYPE = "AVVISO"
# Operations whose response carries esito (OK / KO).
ESITO_OPERATIONS = {"paaSILImportaDovuto", "paaSILInviaDovuti"}
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")

Enqueue = Callable[[str, str], None]


class OpFault(Exception):
    """A fault to answer inside the response."""

    def __init__(self, code: str, string: str, description: str | None = None):
        super().__init__(f"{code}: {string}")
        self.code = code
        self.string = string
        self.description = description


def _local_now() -> datetime:
    return datetime.now().astimezone()


def _xsd_datetime(value: datetime) -> str:
    return value.isoformat(timespec="milliseconds")


def parse_xsd_date(text: str | None) -> date | None:
    """xsd:date (an optional time-zone suffix is accepted and ignored)."""
    if not text or not _DATE_RE.match(text):
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def parse_xsd_datetime(text: str | None) -> datetime | None:
    """xsd:dateTime; without an offset the time is the server's local time (as MyPay's JVM reads it)."""
    if not text:
        return None
    value = text.strip()
    if value.endswith("Z"):
        value = value[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        d = parse_xsd_date(value)
        if d is None or len(value) != 10:
            return None
        parsed = datetime(d.year, d.month, d.day)
    if parsed.tzinfo is None:
        parsed = parsed.astimezone()
    return parsed


# Elements a reply must hold even beside a fault (pa-per-ente.wsdl: not minOccurs="0"). MyPay leaves them
# out when it answers with a fault (its JAXB objects keep them null), so its fault replies do not validate;
# the sandbox's do: empty text, and for the dateTo of an incremental export the dateFrom it was asked for
# (nothing advanced). Clients must not read them when a fault is present.
_REQUIRED_IN_FAULT: dict[str, tuple[str, ...]] = {
    "paaSILAutorizzaImportFlusso": ("uploadUrl", "authorizationToken", "requestToken", "importPath"),
    "paaSILChiediStatoImportFlusso": ("stato",),
    "paaSILPrenotaExportFlusso": ("requestToken",),
    "paaSILPrenotaExportFlussoScaduti": ("requestToken",),
    "paaSILPrenotaExportFlussoIncrementaleConRicevuta": ("requestToken", "dateTo"),
    "paaSILChiediStatoExportFlusso": ("stato", "downloadUrl"),
    "paaSILChiediStatoExportFlussoScaduti": ("stato", "nomeFile", "downloadUrl", "pathFile"),
}


def _required_in_fault(req: Request) -> list[tuple[str, FieldValue]]:
    out: list[tuple[str, FieldValue]] = []
    for name in _REQUIRED_IN_FAULT.get(req.operation, ()):
        if name == "dateTo":
            since = parse_xsd_datetime(req.get("dateFrom")) or datetime(1970, 1, 1).astimezone()
            out.append((name, since.replace(microsecond=0)))
        else:
            out.append((name, ""))
    return out


class Portal:
    def __init__(self, state: SimState, enqueue: Enqueue):
        self.state = state
        self.enqueue = enqueue

    # --- SOAP dispatch -------------------------------------------------------------------------
    def handle_soap(self, data: bytes, base_url: str) -> tuple[int, bytes]:
        try:
            req = parse_envelope(data)
        except EnvelopeError as exc:
            return 500, build_soap_fault(str(exc), client=exc.client)
        handler = getattr(self, f"op_{req.operation}", None)
        if handler is None:
            return 500, build_soap_fault(f"Operazione {req.operation} non disponibile nel portale di prova")
        ipa = self._ipa(req)
        esito = "KO" if req.operation in ESITO_OPERATIONS else None
        try:
            fields = handler(req, base_url)
        except OpFault as f:
            return 200, build_response(req.operation, _required_in_fault(req), esito=esito,
                                       fault=Fault(f.code, f.string, ipa, f.description))
        except Exception:  # noqa: BLE001 - the portal answers PAA_SYSTEM_ERROR, never a stack trace
            log.exception("errore interno in %s", req.operation)
            return 200, build_response(req.operation, _required_in_fault(req), esito=esito,
                                       fault=Fault("PAA_SYSTEM_ERROR", "Errore di sistema", ipa))
        return 200, build_response(req.operation, fields, esito="OK" if esito else None)

    def _ipa(self, req: Request) -> str:
        if req.header_ipa is not None:
            return req.header_ipa
        return req.body_ipa()

    def _auth(self, req: Request, ipa: str | None = None) -> Ente:
        """MyPay's verificaEnte: the Ente exists and the password matches (trimmed, 8-15 characters)."""
        if ipa is None:
            if req.header_ipa is None:
                raise OpFault("PAA_ENTE_NON_VALIDO", "Codice IPA Ente [] non valido o password errata",
                              "Manca l'intestazione intestazionePPT/codIpaEnte (namespace "
                              "http://www.regione.veneto.it/pagamenti/ente/ppthead)")
            ipa = req.header_ipa
        ente = self.state.ente_by_ipa(ipa) if ipa else None
        if ente is None:
            raise OpFault("PAA_ENTE_NON_VALIDO", f"Codice IPA Ente [{ipa}] non valido o password errata")
        password = (req.text("password") or "").strip()
        if not 8 <= len(password) <= 15 or password != ente.password.strip():
            raise OpFault("PAA_ENTE_NON_VALIDO", f"Password non valida per ente [{ente.ipa}]",
                          req.missing_hint("password") or None)
        return ente

    def _url(self, base_url: str, path: str, **query: str) -> str:
        return f"{base_url}{path}?{urlencode(query)}" if query else f"{base_url}{path}"

    def _download_url(self, base_url: str, ente: Ente, type_: str, filename: str) -> str:
        token = self.state.register_download(ente.id, type_, filename, ente.ipa + filename)
        return self._url(base_url, f"/public/mybox/download/{ente.id}", type=type_, securityToken=token,
                         filename=filename)

    # --- import flow ---------------------------------------------------------------------------
    def op_paaSILAutorizzaImportFlusso(self, req: Request, base_url: str):
        ente = self._auth(req)
        request_token = str(uuid.uuid4())
        auth_token = new_token(32)
        with self.state.write() as c:
            c.execute("INSERT INTO import_request(request_token, auth_token, ente_id, created_at) VALUES (?,?,?,?)",
                      (request_token, auth_token, ente.id, ts()))
        return [("uploadUrl", f"{base_url}/public/mybox/uploadFlusso"), ("authorizationToken", auth_token),
                ("requestToken", request_token), ("importPath", IMPORT_PATH)]

    def upload(self, auth_token: str, files: list[tuple[str, bytes, str]]) -> list[dict]:
        """MyBox ``uploadFlusso``: ``files`` = [(file name, content, content type)] of the multipart parts."""
        uid = uuid.uuid4().hex[:12]

        def error(code: str, message: str) -> list[dict]:
            return [{"codice": code, "descrizione": f"[{uid}] {message}"}]

        non_empty = [f for f in files if f[1]]
        if len(non_empty) > 1:
            return error("500", f"request multipart non valida, file presenti: {len(non_empty)}")
        if not non_empty:
            return error("500", "request multipart non valida, file vuoto" if files
                         else "request multipart non valida, file non presente")
        name, content, content_type = non_empty[0]
        req = self.state.conn().execute("SELECT * FROM import_request WHERE auth_token = ?",
                                        (auth_token or "",)).fetchone()
        if req is None:
            return error("400", "authorizationToken non valido")
        ente = self.state.ente_by_id(req["ente_id"])
        if ente is None:
            return error("400", "invalid ente")
        safe = os.path.basename((name or "").replace("\\", "/")) or "flusso.zip"
        rel = f"{ente.ipa}/IMPORT/{req['request_token']}/{safe}"
        with self.state.write() as c:
            again = c.execute("SELECT state FROM import_request WHERE request_token = ?",
                              (req["request_token"],)).fetchone()
            if again["state"] is not None:
                return error("500", "Request token già usato")
            path = self.state.path_for(rel)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
            c.execute("UPDATE import_request SET state=?, file_name=?, file_path=?, md5=?, uploaded_at=? "
                      "WHERE request_token=?",
                      (LOAD_IMPORT, safe, rel, hashlib.md5(content).hexdigest(), ts(),  # noqa: S324
                       req["request_token"]))
        self.enqueue("import", req["request_token"])
        return [{"fileName": name, "fileSize": str(len(content)), "fileType": content_type or ""}]

    def op_paaSILChiediStatoImportFlusso(self, req: Request, base_url: str):
        ente = self._auth(req)
        token = req.get("requestToken")
        row = self.state.conn().execute("SELECT * FROM import_request WHERE request_token = ?", (token,)).fetchone()
        if row is None or row["state"] is None:
            raise OpFault("PAA_REQUEST_TOKEN_NON_VALIDO",
                          f"nessun record trovato per Ente [{ente.ipa}] e requestToken [{token}]")
        if row["ente_id"] != ente.id:
            raise OpFault("PAA_REQUEST_TOKEN_NON_VALIDO",
                          f"Ente [{ente.ipa}] non autorizzato per requestToken [{token}]")
        fields: list = [("stato", row["cod_errore"] or row["state"])]
        if row["state"] == IMPORT_ESEGUITO:
            if req.flag("fileScarti") and row["scarti_file"]:
                fields.append(("urlFileScarti", self._download_url(base_url, ente, FILE_TYPE_IMPORT,
                                                                   row["scarti_file"])))
            if req.flag("fileIUV") and row["iuv_file"]:
                fields.append(("urlFileIUV", self._download_url(base_url, ente, FILE_TYPE_IMPORT, row["iuv_file"])))
            if req.flag("fileAvvisi") and row["avvisi_file"]:
                fields.append(("urlFileAvvisi", self._download_url(base_url, ente, FILE_TYPE_IMPORT,
                                                                   row["avvisi_file"])))
        return fields

    def download(self, ente_id: int, type_: str, token: str, filename: str) -> tuple[int, bytes, str]:
        """(status, body, file name). MyPay checks that the security token was issued for type|ente|file."""
        row = self.state.download(token or "")
        if row is None or row["ente_id"] != ente_id or row["type"] != type_ or row["filename"] != filename:
            return 403, b"codice sicurezza non valido", ""
        ente = self.state.ente_by_id(ente_id)
        assert ente is not None
        path = self.state.path_for(row["path"])
        if not path.exists() and filename.endswith("_AVVISI_PDF.zip"):
            self._build_avvisi(ente, filename, path)
        if not path.exists():
            return 404, f'File "{filename}" non disponibile'.encode(), ""
        return 200, path.read_bytes(), os.path.basename(filename)

    def _build_avvisi(self, ente: Ente, filename: str, path) -> None:
        row = self.state.conn().execute("SELECT avvisi_iuvs FROM import_request WHERE ente_id=? AND avvisi_file=?",
                                        (ente.id, filename)).fetchone()
        if row is None:
            return
        payload = notices_zip(self.state, ente, json.loads(row["avvisi_iuvs"]))
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(payload)
        os.replace(tmp, path)

    # --- single dovuto -------------------------------------------------------------------------
    def op_paaSILImportaDovuto(self, req: Request, base_url: str):
        ente_ipa = req.header_ipa or ""
        try:
            vers = parse_versamento(unb64(req.text("dovuto"), "dovuto"))
        except PayloadError as exc:
            raise OpFault("PAA_XML_NON_VALIDO",
                          f"XML ricevuto per paaSILImportaDovuto non conforme all' XSD per ente [{ente_ipa}]",
                          str(exc)) from exc
        ente = self._auth(req)
        rec, action = vers.record, vers.action
        flag = bool(req.flag("flagGeneraIuv"))
        rec.generate_iuv = flag
        if action not in ("I", "M", "A", "S"):
            raise OpFault("PAA_AZIONE_NON_VALIDO", f"azione non valida [{action}]")
        if action == "S":
            # Only prints the notice of an existing dovuto; the sandbox skips the IUV rule here (MyPay
            # applies it first, which would refuse S for the IUVs MyPay itself generated).
            return self._print_notice(ente, rec, flag, base_url)
        if not rules.iuv_acceptable(rec.iuv, flag, ente.segregation_code, action == "I"):
            raise OpFault("PAA_IUV_NON_VALIDO", f"IUV [{rec.iuv}] non valido per ente [{ente.ipa}]",
                          rules.iuv_problem(rec.iuv, ente.segregation_code, action == "I"))
        types = self.state.types(ente.id)
        self._check_versamento(rec, vers.has_payer, types)
        with self.state.write() as c:
            return self._apply_single(c, ente, rec, action, flag, types, base_url)

    _FIELD_FAULTS = {
        "IUD": "PAA_IUD_NON_VALIDO",
        "tipoIdentificativoUnivoco": "PAA_TIPO_IDENTIFICATIVO_PAGATORE_NON_VALIDO",
        "anagraficaPagatore": "PAA_ANAGRAFICA_NON_VALIDA",
        "importoDovuto": "PAA_IMPORTO_SINGOLO_VERSAMENTO_NON_VALIDO",
        "tipoVersamento": "PAA_TIPO_VERSAMENTO_NON_VALIDO",
        "causaleVersamento": "PAA_CAUSALE_NON_PRESENTE",
        "datiSpecificiRiscossione": "PAA_DATI_SPECIFICI_RISCOSSIONE_NON_VALIDO",
        "bilancio": "PAA_IMPORTO_BILANCIO_NON_VALIDO",
        "dataScadenzaPagamento": "PAA_IMPORT_DATA_SCADENZA_PAGAMENTO_OBBLIGATORIA",
    }
    # MyPay's order of checks in paaSILImportaDovuto.
    _FAULT_ORDER = ("PAA_IMPORTO_SINGOLO_VERSAMENTO_NON_VALIDO", "PAA_IMPORTO_BILANCIO_NON_VALIDO",
                    "PAA_IDENTIFICATIVO_TIPO_DOVUTO_NON_VALIDO", "PAA_IDENTIFICATIVO_TIPO_DOVUTO_NON_ABILITATO",
                    "PAA_SOGG_PAG_NON_VALORIZZATO", "PAA_TIPO_VERSAMENTO_NON_VALIDO", "PAA_IUD_NON_VALIDO",
                    "PAA_CAUSALE_NON_PRESENTE", "PAA_DATI_SPECIFICI_RISCOSSIONE_NON_VALIDO",
                    "PAA_TIPO_IDENTIFICATIVO_PAGATORE_NON_VALIDO", "PAA_CODICE_IDENTIFICATIVO_PAGATORE_NON_PRESENTE",
                    "PAA_CODICE_FISCALE_NON_VALIDO", "PAA_P_IVA_NON_VALIDO", "PAA_ANAGRAFICA_NON_VALIDA")

    def _check_versamento(self, rec: DebtRecord, has_payer: bool, types, *, with_due_date: bool = True) -> None:
        """The first problem of a single dovuto (ImportaDovuto, InviaDovuti) as a fault.

        ``with_due_date``: False for InviaDovuti, whose Dovuti carry no due date."""
        found: list[tuple[str, str]] = []
        t = types.get(rec.debt_type)
        if rec.amount_cents > MAX_AMOUNT_CENTS or rec.amount_cents <= 0:
            found.append(("PAA_IMPORTO_SINGOLO_VERSAMENTO_NON_VALIDO",
                          f"importoSingoloVersamento non valido [{format_amount(rec.amount_cents)}]"))
        if t is None:
            found.append(("PAA_IDENTIFICATIVO_TIPO_DOVUTO_NON_VALIDO",
                          f"identificativoTipoDovuto [{rec.debt_type}] non valido per l'ente"))
        elif not t.active:
            found.append(("PAA_IDENTIFICATIVO_TIPO_DOVUTO_NON_ABILITATO",
                          f"identificativoTipoDovuto [{rec.debt_type}] non abilitato per l'ente"))
        if not has_payer:
            found.append(("PAA_SOGG_PAG_NON_VALORIZZATO", "soggettoPagatore non valorizzato"))
        else:
            for e in validate_debt(rec, debt_type_data(t), "1_4", on_portal=True):
                if e.field in ("codIuv", "tipoDovuto", "flagGeneraIuv", "importoDovuto"):
                    continue
                if e.field == "dataScadenzaPagamento" and not with_due_date:
                    continue
                if e.field == "codiceIdentificativoUnivoco":
                    code = ("PAA_CODICE_IDENTIFICATIVO_PAGATORE_NON_PRESENTE" if not rec.debtor_code else
                            {"F": "PAA_CODICE_FISCALE_NON_VALIDO", "G": "PAA_P_IVA_NON_VALIDO"}.get(
                                rec.debtor_type, "PAA_TIPO_IDENTIFICATIVO_PAGATORE_NON_VALIDO"))
                else:
                    code = self._FIELD_FAULTS.get(e.field, "PAA_XML_NON_VALIDO")
                found.append((code, f"{e.field}: {e.message}"))
        if found:
            order = {c: i for i, c in enumerate(self._FAULT_ORDER)}
            code, message = min(found, key=lambda p: order.get(p[0], len(order)))
            raise OpFault(code, message)

    def _apply_single(self, c, ente: Ente, rec: DebtRecord, action: str, flag: bool, types, base_url: str):
        """ImportaDovuto I/M/A inside a write transaction; MyPay's database codes as faults."""
        from mypay_desk.simulator.processing import load_active

        active, iuvs = load_active(c, ente.id)
        existing = active.get(rec.iud)
        t = types[rec.debt_type]
        now = ts()
        if action in ("I", "M"):
            why = due_date_problem(rec, t, date.today())
            if why:
                raise OpFault("PAA_IMPORT_DATA_SCADENZA_PAGAMENTO_OBBLIGATORIA", why)
        if action == "I":
            if existing is not None:
                raise OpFault("PAA_IMPORT_IUD_DUPLICATO", "IUD attivo presente nel database, non si accettano dovuti "
                                                          "duplicati")
            generated = False
            if not rec.iuv and flag:
                rec.iuv = rules.mypay_iuv17(ente.segregation_code, self.state.next_iuv_progressive(c, ente.id))
                generated = True
            elif rec.iuv and rec.iuv in iuvs:
                raise OpFault("PAA_IMPORT_IUV_DUPLICATO", "IUV attivo presente nel database, non si accettano "
                                                          "dovuti duplicati")
            rec.action = ""
            dovuto_id = c.execute(
                "INSERT INTO dovuto(ente_id, iud, iuv, iuv_generated, state, debt_type, debtor_code, amount_cents, "
                "due_date, record, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (ente.id, rec.iud, rec.iuv, int(generated), DA_PAGARE, rec.debt_type, rec.debtor_code,
                 rec.amount_cents, rec.due_date.isoformat() if rec.due_date else None, record_to_json(rec), now, now),
            ).lastrowid
        else:
            if existing is None or existing.id is None:
                raise OpFault("PAA_SYSTEM_ERROR", f"Dovuto non trovato per IUD [{rec.iud}] e codice IPA Ente "
                                                  f"[{ente.ipa}]")
            dovuto_id = existing.id
            if existing.state != DA_PAGARE:
                what = "modificato" if action == "M" else "annullato"
                raise OpFault("PAA_SYSTEM_ERROR", f"Questo dovuto non può essere {what} (stato {existing.state}: "
                                                  f"{STATE_WORDS.get(existing.state, '')})")
            if action == "A":
                c.execute("UPDATE dovuto SET state=?, updated_at=? WHERE id=?", (ANNULLATO, now, dovuto_id))
                return [("identificativoUnivocoVersamento", existing.iuv or None)]
            if existing.debt_type != rec.debt_type:
                raise OpFault("PAA_IMPORT_TIPO_DOVUTO_NON_MODIFICABILE",
                              "Non è possibile modificare il tipo dovuto di un dovuto")
            if existing.iuv and rec.iuv and rec.iuv != existing.iuv:
                raise OpFault("PAA_IMPORT_IUV_DUPLICATO", "Non è possibile modificare il codice iuv di un dovuto")
            if not existing.iuv and not rec.iuv and flag:
                rec.iuv = rules.mypay_iuv17(ente.segregation_code, self.state.next_iuv_progressive(c, ente.id))
            elif not existing.iuv and rec.iuv and rec.iuv in iuvs:
                raise OpFault("PAA_IMPORT_IUV_DUPLICATO", "IUV attivo presente nel database, non si accettano "
                                                          "dovuti duplicati")
            rec.iuv = existing.iuv or rec.iuv
            rec.action = ""
            c.execute("UPDATE dovuto SET iuv=?, debtor_code=?, amount_cents=?, due_date=?, record=?, updated_at=? "
                      "WHERE id=?", (rec.iuv, rec.debtor_code, rec.amount_cents,
                                     rec.due_date.isoformat() if rec.due_date else None, record_to_json(rec), now,
                                     dovuto_id))
        fields: list = [("identificativoUnivocoVersamento", rec.iuv or None)]
        if flag and len(rec.iuv) in (15, 17):
            fields.append(("urlFileAvviso", self._avviso_url(c, base_url, ente, dovuto_id)))
        return fields

    def _avviso_url(self, c, base_url: str, ente: Ente, dovuto_id: int) -> str:
        token = new_token()
        c.execute("INSERT INTO download(token, ente_id, type, filename, path, created_at) VALUES (?,?,?,?,?,?)",
                  (token, ente.id, AVVISO_TYPE, str(dovuto_id), "", ts()))
        return self._url(base_url, "/public/landing/avviso", id=str(dovuto_id), securityToken=token)

    def _print_notice(self, ente: Ente, rec: DebtRecord, flag: bool, base_url: str):
        """Azione S: only the notice of an existing dovuto (needs the IUV, no flagGeneraIuv)."""
        if not rec.iuv or flag:
            raise OpFault("PAA_SYSTEM_ERROR", "Errore richiesta azione 'S' prevede presenza di 'IUV' e assenza "
                                              "'flag_genera_iuv'")
        row = self.state.conn().execute("SELECT id, record FROM dovuto WHERE ente_id=? AND iuv=? AND state != ? "
                                        "ORDER BY id DESC LIMIT 1", (ente.id, rec.iuv, ANNULLATO)).fetchone()
        if row is None:
            raise OpFault("PAA_IUV_NON_VALIDO", f"IUV [{rec.iuv}] non trovato per ente [{ente.ipa}]")
        pdf = notice_pdf(ente, rec.iuv, row["record"])
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(f"MYPAY_AVVISO_{ente.ipa}_{rec.iuv}.pdf", pdf)
        with self.state.write() as c:
            url = self._avviso_url(c, base_url, ente, row["id"])
        return [("identificativoUnivocoVersamento", rec.iuv), ("urlFileAvviso", url),
                ("base64ZipAvviso", b64(buf.getvalue()))]

    def avviso(self, dovuto_id: str, token: str) -> tuple[int, bytes, str]:
        row = self.state.download(token or "")
        if row is None or row["type"] != AVVISO_TYPE or row["filename"] != dovuto_id:
            return 403, b"codice sicurezza non valido", ""
        d = self.state.conn().execute("SELECT * FROM dovuto WHERE id = ?", (int(dovuto_id),)).fetchone()
        ente = self.state.ente_by_id(row["ente_id"])
        if d is None or ente is None or not d["iuv"]:
            return 404, b"Avviso non disponibile", ""
        return 200, notice_pdf(ente, d["iuv"], d["record"]), f"MYPAY_AVVISO_{ente.ipa}_{d['iuv']}.pdf"

    # --- payments started at the Ente's desk ---------------------------------------------------
    def op_paaSILInviaDovuti(self, req: Request, base_url: str):
        ente = self._auth(req)
        try:
            data = parse_dovuti(unb64(req.text("dovuti"), "dovuti"))
        except PayloadError as exc:
            raise OpFault("PAA_XML_NON_VALIDO",
                          f"XML ricevuto per paaSILInviaDovuti non conforme all' XSD per ente [{ente.ipa}]",
                          str(exc)) from exc
        types = self.state.types(ente.id)
        for rec in data.records:
            self._check_versamento(rec, True, types, with_due_date=False)
        if data.iuv and not rules.iuv_acceptable(data.iuv, False, ente.segregation_code, False):
            raise OpFault("PAA_IUV_NON_VALIDO", f"IUV [{data.iuv}] non valido per ente [{ente.ipa}]")
        with self.state.write() as c:
            ids = []
            for rec in data.records:
                row = c.execute("SELECT id, state, iuv FROM dovuto WHERE ente_id=? AND iud=? AND state != ? "
                                "ORDER BY id DESC LIMIT 1", (ente.id, rec.iud, ANNULLATO)).fetchone()
                if row is not None:
                    if row["state"] not in PAYABLE:
                        raise OpFault("PAA_IUD_DUPLICATO", f"Il dovuto con IUD [{rec.iud}] è già stato pagato")
                    ids.append(row["id"])
                    continue
                iuv = data.iuv if len(data.records) == 1 and data.iuv else rules.mypay_iuv17(
                    ente.segregation_code, self.state.next_iuv_progressive(c, ente.id))
                rec.iuv, rec.action = iuv, ""
                now = ts()
                ids.append(c.execute(
                    "INSERT INTO dovuto(ente_id, iud, iuv, iuv_generated, state, debt_type, debtor_code, amount_cents,"
                    " due_date, record, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    (ente.id, rec.iud, iuv, int(iuv != data.iuv), DA_PAGARE, rec.debt_type, rec.debtor_code,
                     rec.amount_cents, None, record_to_json(rec), now, now)).lastrowid)
            session = str(uuid.uuid4())
            c.execute("INSERT INTO checkout(id, ente_id, dovuto_ids, return_url, state, created_at) VALUES (?,?,?,?,?,?)",
                      (session, ente.id, json.dumps(ids), req.get("enteSILInviaRispostaPagamentoUrl"), "APERTO", ts()))
        return [("idSession", session), ("redirect", 1),
                ("url", self._url(base_url, "/public/landing/inviaDovuti", id=session))]

    def op_paaSILChiediPagatiConRicevuta(self, req: Request, base_url: str):
        ente = self._auth(req, req.body_ipa())
        c = self.state.conn()
        session, iuv, iud = req.get("idSession"), req.get("identificativoUnivocoVersamento"), \
            req.get("identificativoUnivocoDovuto")
        if session:
            co = c.execute("SELECT * FROM checkout WHERE id=? AND ente_id=?", (session, ente.id)).fetchone()
            if co is None:
                raise OpFault("PAA_ID_SESSION_NON_VALIDO", f"idSession [{session}] non valido per ente [{ente.ipa}]")
            ids = json.loads(co["dovuto_ids"])
            row = c.execute(f"SELECT * FROM dovuto WHERE id IN ({','.join('?' * len(ids))}) ORDER BY id LIMIT 1",
                            ids).fetchone()
            what = f"idSession [ {session} ]"
            not_found = ("PAA_ID_SESSION_NON_VALIDO", f"idSession [{session}] non valido per ente [{ente.ipa}]")
        elif iuv:
            row = c.execute("SELECT * FROM dovuto WHERE ente_id=? AND iuv=? ORDER BY (state='ANNULLATO'), id DESC "
                            "LIMIT 1", (ente.id, iuv)).fetchone()
            what = f"IUV [ {iuv} ]"
            not_found = ("PAA_IUV_NON_VALIDO", f"IUV non valido per ente [ {ente.ipa} ]")
        elif iud:
            row = c.execute("SELECT * FROM dovuto WHERE ente_id=? AND iud=? ORDER BY (state='ANNULLATO'), id DESC "
                            "LIMIT 1", (ente.id, iud)).fetchone()
            what = f"IUD [ {iud} ]"
            not_found = ("PAA_IUD_NON_VALIDO", f"IUD non valido per ente [ {ente.ipa} ]")
        else:
            raise OpFault("PAA_SYSTEM_ERROR", "Errore di sistema",
                          "Indicare idSession, identificativoUnivocoVersamento o identificativoUnivocoDovuto")
        if row is None:
            raise OpFault(*not_found)
        if row["state"] == DA_PAGARE:
            raise OpFault("PAA_PAGAMENTO_NON_INIZIATO", f"Pagamento non iniziato per ente [ {ente.ipa} ], {what}")
        if row["state"] == PAGAMENTO_INIZIATO:
            raise OpFault("PAA_PAGAMENTO_IN_CORSO", f"Pagamento in corso per ente [ {ente.ipa} ], {what}")
        if row["state"] == ANNULLATO:
            raise OpFault("PAA_PAGAMENTO_ANNULLATO", f"Pagamento annullato per ente [ {ente.ipa} ], {what}")
        rc = c.execute("SELECT pagati, rt FROM receipt WHERE dovuto_id=? ORDER BY id DESC LIMIT 1",
                       (row["id"],)).fetchone()
        if rc is None:  # COMPLETATO without a receipt cannot happen in the sandbox
            raise OpFault("PAA_SYSTEM_ERROR", "Errore di sistema", f"Ricevuta non trovata per {what}")
        return [("pagati", b64(bytes(rc["pagati"]))), ("tipoFirma", ""), ("rt", b64(bytes(rc["rt"])))]

    def op_paaSILChiediPosizioniAperte(self, req: Request, base_url: str):
        """Open positions of a debtor. MyPay checks the password of its configured default Ente; the sandbox
        checks the named Ente's (``codIpaEnte``), or the first provisioned Ente's when it is omitted."""
        ipa = req.body_ipa()
        if not ipa:
            entes = self.state.entes()
            ipa = entes[0].ipa if entes else ""
        ente = self._auth(req, ipa)
        person = req._child("identificativoUnivocoPersonaFG")
        tipo = code = ""
        if person is not None:
            for child in person:  # the children are pay_i-qualified in the XSD; accept both forms
                name = child.tag.rsplit("}", 1)[-1]
                if name == "tipoIdentificativoUnivoco":
                    tipo = (child.text or "").strip().upper()
                elif name == "codiceIdentificativoUnivoco":
                    code = (child.text or "").strip().upper()
        if tipo not in ("F", "G"):
            raise OpFault("PAA_TIPO_IDENTIFICATIVO_PAGATORE_NON_VALIDO",
                          f"Tipo identificativo univoco non valido: {tipo}" if tipo
                          else "Tipo identificativo univoco non presente")
        if not code:
            raise OpFault("PAA_CODICE_IDENTIFICATIVO_PAGATORE_NON_PRESENTE", "Codice identificativo univoco non presente")
        c = self.state.conn()
        sql = "SELECT * FROM dovuto WHERE debtor_code = ? AND state = ?"
        args: list = [code, DA_PAGARE]
        if req.body_ipa():
            sql += " AND ente_id = ?"
            args.append(ente.id)
        out = []
        rows = c.execute(sql + " ORDER BY id", args).fetchall()
        for row in rows:
            owner = self.state.ente_by_id(row["ente_id"])
            assert owner is not None
            rec = record_from_json(row["record"])
            out.append(("paaSILPosizioniAperte", [
                ("codIpaEnte", owner.ipa), ("deNomeEnte", owner.name),
                ("urlPagamento", self._checkout_url(base_url, owner, row["id"])),
                ("dovuti", b64(build_dovuti(rec, row["iuv"]))),
            ]))
        return out

    def _checkout_url(self, base_url: str, ente: Ente, dovuto_id: int) -> str:
        ids = json.dumps([dovuto_id])
        with self.state.write() as c:
            row = c.execute("SELECT id FROM checkout WHERE ente_id=? AND dovuto_ids=? AND state='APERTO'",
                            (ente.id, ids)).fetchone()
            session = row["id"] if row else str(uuid.uuid4())
            if row is None:
                c.execute("INSERT INTO checkout(id, ente_id, dovuto_ids, return_url, state, created_at) "
                          "VALUES (?,?,?,?,?,?)", (session, ente.id, ids, "", "APERTO", ts()))
        return self._url(base_url, "/public/landing/precaricato", id=session)

    # --- the checkout page ---------------------------------------------------------------------
    def checkout(self, session: str, do_pay: bool) -> tuple[int, str]:
        """The citizen's page: amount and "Paga" (GET), or the payment and its outcome (POST)."""
        c = self.state.conn()
        co = c.execute("SELECT * FROM checkout WHERE id = ?", (session or "",)).fetchone()
        if co is None:
            return 404, _page("Pagamento non trovato", "<p>Il collegamento non è valido o è scaduto.</p>")
        ente = self.state.ente_by_id(co["ente_id"])
        assert ente is not None
        ids = json.loads(co["dovuto_ids"])
        rows = c.execute(f"SELECT * FROM dovuto WHERE id IN ({','.join('?' * len(ids))}) ORDER BY id", ids).fetchall()
        paid_now = []
        if do_pay:
            paid_now = pay(self.state, ente, [r["id"] for r in rows if r["state"] in PAYABLE], session_id=session)
            with self.state.write() as w:
                w.execute("UPDATE checkout SET state='CHIUSO' WHERE id=?", (session,))
            rows = c.execute(f"SELECT * FROM dovuto WHERE id IN ({','.join('?' * len(ids))}) ORDER BY id",
                             ids).fetchall()
        total = sum(r["amount_cents"] for r in rows if r["state"] in PAYABLE)
        items = "".join(
            f"<tr><td>{html.escape(record_from_json(r['record']).causale)}</td><td>{html.escape(r['iud'])}</td>"
            f"<td>{html.escape(notice_number(r['iuv'], ente) if r['iuv'] else '')}</td>"
            f"<td class='n'>{format_amount(r['amount_cents'], currency=True)}</td>"
            f"<td>{html.escape(_state_label(r['state']))}</td></tr>" for r in rows)
        table = ("<table><tr><th>Causale</th><th>IUD</th><th>Codice avviso</th><th>Importo</th><th>Stato</th></tr>"
                 f"{items}</table>")
        if do_pay:
            back = ""
            if co["return_url"]:
                sep = "&" if "?" in co["return_url"] else "?"
                link = f"{co['return_url']}{sep}{urlencode({'idSession': session, 'esito': 'OK'})}"
                back = f"<p><a href='{html.escape(link)}'>Torna al sito dell'Ente</a></p>"
            psp = html.escape(paid_now[0].psp_name) if paid_now else ""
            body = (f"<p class='ok'>Pagamento eseguito{' con ' + psp if psp else ''}.</p>{table}{back}"
                    if paid_now else f"<p>Nulla da pagare: i dovuti risultano già pagati o annullati.</p>{table}")
            return 200, _page(f"{html.escape(ente.name)} - esito del pagamento", body)
        if total == 0:
            return 200, _page(html.escape(ente.name), f"<p>Nulla da pagare.</p>{table}")
        form = (f"<form method='post'><input type='hidden' name='id' value='{html.escape(session)}'>"
                f"<p class='tot'>Totale: {format_amount(total, currency=True)}</p>"
                "<button type='submit'>Paga</button></form>")
        return 200, _page(f"{html.escape(ente.name)} - pagamento pagoPA", table + form)

    # --- receipt export ------------------------------------------------------------------------
    def _book_export(self, ente: Ente, params: dict) -> str:
        token = str(uuid.uuid4())
        with self.state.write() as c:
            c.execute("INSERT INTO export_request(request_token, ente_id, state, params, created_at) "
                      "VALUES (?,?,?,?,?)", (token, ente.id, LOAD_EXPORT, json.dumps(params), ts()))
        self.enqueue("export", token)
        return token

    def _export_common(self, ente: Ente, req: Request) -> tuple[str, str]:
        tipo = req.get("identificativoTipoDovuto")
        if tipo and tipo not in self.state.types(ente.id):
            raise OpFault("PAA_IDENTIFICATIVO_TIPO_DOVUTO_NON_VALIDO",
                          f"identificativoTipoDovuto [{tipo}] non valido per ente [{ente.ipa}]")
        version = req.get("versioneTracciato") or "1.0"
        if version not in EXPORT_VERSIONS:
            raise OpFault("PAA_VERSIONE_TRACCIATO_NON_VALIDA",
                          f"versioneTracciato [{version}] non valida: ammesse {', '.join(EXPORT_VERSIONS)}")
        return tipo, version

    def op_paaSILPrenotaExportFlusso(self, req: Request, base_url: str):
        ente = self._auth(req)
        d_from, d_to = parse_xsd_date(req.text("dateFrom")), parse_xsd_date(req.text("dateTo"))
        if d_from is None:
            raise OpFault("PAA_DATE_FROM_NON_VALIDO", "Data inizio non valida")
        if d_to is None:
            raise OpFault("PAA_DATE_TO_NON_VALIDO", "Data fine non valida")
        if d_to < d_from:
            raise OpFault("PAA_INTERVALLO_DATE_NON_VALIDO", "L'intervallo data inizio e data fine non è valido")
        tipo, version = self._export_common(ente, req)
        token = self._book_export(ente, {"kind": "date", "from": d_from.isoformat(), "to": d_to.isoformat(),
                                         "tipo": tipo, "version": version, "ricevuta": False})
        return [("requestToken", token)]

    def op_paaSILPrenotaExportFlussoIncrementaleConRicevuta(self, req: Request, base_url: str):
        ente = self._auth(req)
        d_from = parse_xsd_datetime(req.text("dateFrom"))
        if d_from is None:
            raise OpFault("PAA_DATE_FROM_NON_VALIDO", "Data inizio non valida")
        raw_to = req.text("dateTo")
        if raw_to:
            d_to = parse_xsd_datetime(raw_to)
            if d_to is None:
                raise OpFault("PAA_DATE_TO_NON_VALIDO", "Data fine non valida")
        else:
            d_to = _local_now()
        # The boundary used is exactly the dateTo answered (milliseconds), so consecutive incremental
        # exports (next dateFrom = this dateTo) neither overlap nor leave a gap.
        d_to = d_to.replace(microsecond=d_to.microsecond // 1000 * 1000)
        d_from = d_from.replace(microsecond=d_from.microsecond // 1000 * 1000)
        if d_to < d_from:
            raise OpFault("PAA_INTERVALLO_DATE_NON_VALIDO", "L'intervallo data inizio e data fine non è valido")
        tipo, version = self._export_common(ente, req)
        incremental = req.flag("incrementale")
        params = {"kind": "incremental" if incremental else "date", "tipo": tipo, "version": version,
                  "ricevuta": bool(req.flag("ricevuta"))}
        if incremental:
            params |= {"from": ts(d_from), "to": ts(d_to)}
        else:
            params |= {"from": d_from.date().isoformat(), "to": d_to.date().isoformat()}
        token = self._book_export(ente, params)
        return [("requestToken", token), ("dateTo", _xsd_datetime(d_to.astimezone()))]

    def op_paaSILChiediStatoExportFlusso(self, req: Request, base_url: str):
        ente = self._auth(req)
        token = req.get("requestToken")
        row = self.state.conn().execute("SELECT * FROM export_request WHERE request_token = ?", (token,)).fetchone()
        if row is None:
            raise OpFault("PAA_REQUEST_TOKEN_NON_VALIDO",
                          f"nessun record trovato per Ente [{ente.ipa}] e requestToken [{token}]")
        if row["ente_id"] != ente.id:
            raise OpFault("PAA_REQUEST_TOKEN_NON_VALIDO",
                          f"Ente [{ente.ipa}] non autorizzato per requestToken [{token}]")
        # downloadUrl is required by the WSDL: empty until there is a file (MyPay leaves it out).
        if row["state"] == EXPORT_ESEGUITO:
            if not row["file_name"]:
                return [("stato", NESSUN_DOVUTO), ("downloadUrl", "")]
            return [("stato", EXPORT_ESEGUITO),
                    ("downloadUrl", self._download_url(base_url, ente, FILE_TYPE_EXPORT, row["file_name"]))]
        return [("stato", row["state"]), ("downloadUrl", "")]


def _state_label(state: str) -> str:
    return {DA_PAGARE: "da pagare", COMPLETATO: "pagato", ANNULLATO: "annullato",
            PAGAMENTO_INIZIATO: "pagamento in corso"}.get(state, state)


def _page(title: str, body: str) -> str:
    return (f"<!DOCTYPE html><html lang='it'><head><meta charset='utf-8'><title>{title}</title><style>"
            "body{font-family:sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse}"
            "td,th{border:1px solid #999;padding:.3em .6em}.n{text-align:right}.ok{color:#060;font-weight:bold}"
            ".tot{font-size:1.3em}button{font-size:1.2em;padding:.4em 2em}</style></head><body>"
            f"<h1>{title}</h1><p><small>Portale MyPay di prova (sandbox): nessun pagamento reale.</small></p>"
            f"{body}</body></html>")

