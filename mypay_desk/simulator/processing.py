"""Processing of an uploaded debt flow, as MyPay's import task does it (mypay4-interfaces.md §2.1, §2.4).

File level, in MyPay's order: MD5 of the stored upload, file name ``<codIpa>-<IUF>-<version>.zip``
(PAA_IMPORT_NOME_FILE_ERR, PAA_IMPORT_ENTE_ERR(file,ente), PAA_IMPORT_FILE_VERSIONE_ERR(v)), the same-named
CSV inside the ZIP (PAA_IMPORT_NO_CSV), a flow with the same IUF already loaded for the Ente
(PAA_IMPORT_FLUSSO_DUPLICATO). Any of these aborts the import (stato = the code).

Row level: read errors (PAA_IMPORT_SINTASSI_CSV), an IUD already loaded earlier in the same flow
(PAA_IMPORT_IUD_DUPLICATO), azione (PAA_IMPORT_SINTASSI_CSV_AZIONE), validation with the
PAA_IMPORT_SINTASSI_CSV_<X> codes, then the database step: I refuses an IUD still active
(PAA_IMPORT_IUD_DUPLICATO; an annulled IUD can be inserted again) or an active IUV
(PAA_IMPORT_IUV_DUPLICATO); M and A need a dovuto "da pagare": unknown IUD -> PAA_IMPORT_ERROR ("Dovuto non
trovato per IUD"), paid / in payment / annulled -> PAA_IMPORT_DOVUTO_NON_PRESENTE (MyPay's message plus the
state, our addition); M cannot change the tipo dovuto (PAA_IMPORT_TIPO_DOVUTO_NON_MODIFICABILE) nor the IUV
(PAA_IMPORT_IUV_DUPLICATO); a tipo dovuto with a due date required (or printed) needs one, not in the past
(PAA_IMPORT_DATA_SCADENZA_PAGAMENTO_OBBLIGATORIA).

Outputs: ``<name>_SCARTI.zip`` (rejected lines as written + ``;cod_rifiuto;de_rifiuto``), ``<name>_IUV.zip``
(accepted rows re-written in the same tracciato with every column and the dovuto's IUV, generated ones
included; MyPay leaves the 1_4 secondary columns out when a row is single-beneficiary, we always write
them), and the IUVs whose notices go in ``<name>_AVVISI_PDF.zip`` (built when first downloaded).
Everything a flow changes is committed in one transaction, so an interrupted run leaves no trace and
is simply run again.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from mypay_desk.domain.debts import VERSIONS, DebtRecord, validate_debt
from mypay_desk.domain.ente import DebtTypeData
from mypay_desk.formats.import_flow import (
    MAX_UNZIPPED_BYTES,
    FlowError,
    fields_to_record,
    join_fields,
    record_to_fields,
    split_line,
    split_lines,
    write_rejections_zip,
)
from mypay_desk.simulator import rules
from mypay_desk.simulator.state import (
    ANNULLATO,
    DA_PAGARE,
    Ente,
    SimState,
    TipoDovuto,
    record_to_json,
    ts,
)

log = logging.getLogger(__name__)

# Import request states (anagrafica_stato, type "import").
LOAD_IMPORT = "LOAD_IMPORT"
IMPORT_IN_ELAB = "IMPORT_IN_ELAB"
IMPORT_ESEGUITO = "IMPORT_ESEGUITO"
IMPORT_ABORTITO = "IMPORT_ABORTITO"

FILE_TYPE_IMPORT = "FLUSSI_IMPORT"
MARCA_BOLLO = "MARCA_BOLLO_DIGITALE"

STATE_WORDS = {
    "COMPLETATO": "già pagato",
    "PAGAMENTO_INIZIATO": "pagamento in corso",
    "ANNULLATO": "annullato",
}


class FlowAbort(Exception):
    def __init__(self, code: str, description: str):
        super().__init__(f"{code}: {description}")
        self.code = code
        self.description = description


@dataclass
class _Active:
    id: int | None
    iuv: str
    state: str
    debt_type: str


def debt_type_data(t: TipoDovuto | None) -> DebtTypeData | None:
    if t is None:
        return None
    return DebtTypeData(code=t.code, description=t.description, active=t.active,
                        due_date_required=t.due_date_required, print_due_date=t.print_due_date,
                        anonymous_allowed=t.anonymous_allowed)


def validate_row(rec: DebtRecord, types: dict[str, TipoDovuto], version: str, ente: Ente, *,
                 for_insert: bool) -> list[tuple[str, str]]:
    """(code, description) pairs for one row, in MyPay's order (IUD, IUV, tipo dovuto, the rest)."""
    head: list[tuple[str, str]] = []
    rest: list[tuple[str, str]] = []
    t = types.get(rec.debt_type)
    for e in validate_debt(rec, debt_type_data(t), version, on_portal=True, check_action=False):
        # codIuv, tipoDovuto and flagGeneraIuv follow MyPay's own rules below.
        if e.field in ("codIuv", "tipoDovuto", "flagGeneraIuv"):
            continue
        if e.field == "dataScadenzaPagamento":
            code = rules.SINTASSI if version in ("1_0", "1_1") else \
                f"{rules.SINTASSI}_DATA_SCADENZA_PAGAMENTO_NON_PRESENTE"
        else:
            code = rules.code_for_error(e, rec.debtor_type)
        (head if e.field == "IUD" else rest).append((code, f"{e.field}: {e.message}"))
    if not rules.iuv_acceptable(rec.iuv, rec.generate_iuv, ente.segregation_code, for_insert):
        head.append((f"{rules.SINTASSI}_IUV",
                     f"codIuv: {rules.iuv_problem(rec.iuv, ente.segregation_code, for_insert)}"))
    if not rec.debt_type:
        head.append((rules.SINTASSI, "tipoDovuto: il tipo dovuto è obbligatorio"))
    elif t is None:
        head.append((f"{rules.SINTASSI}_TIPO_DOVUTO_INESISTENTE",
                     f"tipoDovuto: «{rec.debt_type}» non presente in archivio per l'Ente {ente.ipa}"))
    elif not t.active:
        head.append((f"{rules.SINTASSI}_TIPO_DOVUTO_NON_ATTIVO_PER_ENTE",
                     f"tipoDovuto: «{rec.debt_type}» non attivo per l'Ente {ente.ipa}"))
    elif rec.debt_type == MARCA_BOLLO:
        head.append((f"{rules.SINTASSI}_TIPO_DOVUTO_NON_VALIDO_MARCA_DA_BOLLO",
                     "tipoDovuto: marca da bollo non supportata per l'import"))
    return rules.in_check_order(head + rest)


def due_date_problem(rec: DebtRecord, t: TipoDovuto, today: date) -> str | None:
    if (t.due_date_required or t.print_due_date) and rec.due_date is None:
        return "dataScadenzaPagamento deve essere valorizzata per questo tipo dovuto"
    if t.due_date_required and rec.due_date is not None and rec.due_date < today:
        return "dataScadenzaPagamento deve essere maggiore uguale alla data attuale per questo tipo dovuto"
    return None


def load_active(c, ente_id: int) -> tuple[dict[str, _Active], set[str]]:
    """IUD -> the dovuto not annulled (the latest when several), and the IUVs in use."""
    active: dict[str, _Active] = {}
    iuvs: set[str] = set()
    for r in c.execute("SELECT id, iud, iuv, state, debt_type FROM dovuto WHERE ente_id = ? AND state != ? "
                       "ORDER BY id", (ente_id, ANNULLATO)):
        active[r["iud"]] = _Active(r["id"], r["iuv"], r["state"], r["debt_type"])
        if r["iuv"]:
            iuvs.add(r["iuv"])
    return active, iuvs


# --- the flow ----------------------------------------------------------------------------------

def _csv_from_zip(data: bytes, base: str) -> bytes:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError) as exc:
        raise FlowAbort("PAA_IMPORT_NO_CSV", "Il processo di caricamento dopo l'unzip del pacchetto caricato "
                                             f"non trova il file .csv (archivio ZIP non leggibile: {exc})") from exc
    with zf:
        member = next((i for i in zf.infolist() if os.path.basename(i.filename) == base + ".csv"), None)
        if member is None:
            raise FlowAbort("PAA_IMPORT_NO_CSV", "Il processo di caricamento dopo l'unzip del pacchetto caricato "
                                                 f"non trova il file .csv (atteso {base}.csv)")
        if member.file_size > MAX_UNZIPPED_BYTES:
            raise FlowAbort("PAA_IMPORT_ERROR", f"Il file {member.filename} è troppo grande")
        try:
            with zf.open(member) as fh:
                raw = fh.read(MAX_UNZIPPED_BYTES + 1)
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as exc:
            raise FlowAbort("PAA_IMPORT_NO_CSV", f"Impossibile estrarre {member.filename}: {exc}") from exc
    if len(raw) > MAX_UNZIPPED_BYTES:
        raise FlowAbort("PAA_IMPORT_ERROR", f"Il file {base}.csv è troppo grande")
    return raw


def _zip_one(inner: str, payload: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        zf.writestr(inner, payload)
    return buf.getvalue()


def check_name(file_name: str, ente: Ente) -> tuple[str, str, str]:
    """(base name, IUF, version) or FlowAbort with MyPay's file-name codes."""
    base = file_name.replace(".zip", "").replace(".ZIP", "")
    parts = base.split("-")
    convention = ("Il nome del file '{}' non rispetta la convenzione '<codice IPA>-<identificativo univoco "
                  "flusso>-<versione tracciato>.zip'")
    if len(parts) != 3 or not all(parts):
        raise FlowAbort("PAA_IMPORT_NOME_FILE_ERR", convention.format(base))
    ipa, iuf, version = parts
    if ipa.lower() != ente.ipa.lower():
        raise FlowAbort(f"PAA_IMPORT_ENTE_ERR({ipa},{ente.ipa})",
                        f"Codice IPA nel nome file '{ipa}' diverso da quello dell'ente per cui si carica il file "
                        f"da Backoffice/WS '{ente.ipa}'")
    if version not in VERSIONS:
        raise FlowAbort(f"PAA_IMPORT_FILE_VERSIONE_ERR({version})",
                        f"La versione tracciato del file '{version}' non è supportata")
    return base, iuf, version


def process_import(state: SimState, request_token: str, *, today: date | None = None,
                   pause: Callable[[], object] | None = None) -> str:
    """Process one uploaded flow; returns the final state. Safe to run again after a crash.

    ``pause`` is called once the request shows IMPORT_IN_ELAB (the sandbox's processing delay)."""
    today = today or date.today()
    c = state.conn()
    req = c.execute("SELECT * FROM import_request WHERE request_token = ?", (request_token,)).fetchone()
    if req is None or req["state"] in (IMPORT_ESEGUITO, IMPORT_ABORTITO):
        return req["state"] if req else ""
    ente = state.ente_by_id(req["ente_id"])
    assert ente is not None
    with state.write() as w:
        w.execute("UPDATE import_request SET state = ? WHERE request_token = ?", (IMPORT_IN_ELAB, request_token))
    if pause is not None:
        pause()
    try:
        path = state.path_for(req["file_path"])
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise FlowAbort("PAA_IMPORT_NO_FILE_MD5",
                            f"Impossibile calcolare il valore .md5 dal file caricato: {req['file_name']}") from exc
        base, iuf, version = check_name(req["file_name"], ente)
        if hashlib.md5(data).hexdigest() != req["md5"]:  # noqa: S324 - MyPay's integrity check
            raise FlowAbort("PAA_IMPORT_NO_MATCH_MD5", "Il confronto tra i due codici MD5 calcolato e inserito non "
                                                       "coincide, probabile errore ricezione flusso dati")
        raw = _csv_from_zip(data, base)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise FlowAbort("PAA_IMPORT_ERROR", f"Errore generico durante la lettura del csv per il flusso con "
                                                f"IUF: {iuf} (il file non è in UTF-8, byte {exc.start})") from exc
        return _process_rows(state, req, ente, base, iuf, version, text, today)
    except FlowAbort as abort:
        with state.write() as w:
            w.execute("UPDATE import_request SET state = ?, cod_errore = ?, de_errore = ?, processed_at = ? "
                      "WHERE request_token = ?",
                      (IMPORT_ABORTITO, abort.code, abort.description, ts(), request_token))
        log.info("flusso %s rifiutato: %s", req["file_name"], abort)
        return IMPORT_ABORTITO


def _process_rows(state: SimState, req, ente: Ente, base: str, iuf: str, version: str, text: str,
                  today: date) -> str:
    lines = split_lines(text)  # as BufferedReader.readLine ends them
    if not lines:
        raise FlowAbort("PAA_IMPORT_ERROR", f"Errore generico durante la lettura del csv per il flusso con IUF: "
                                            f"{iuf} (file vuoto)")
    header = lines[0]
    types = state.types(ente.id)
    month = datetime.now().strftime("%Y_%m")
    rel_dir = f"/IMPORT_ELABORATI/{month}/{base}"
    duplicate = FlowAbort("PAA_IMPORT_FLUSSO_DUPLICATO", "Impossibile inserire il flusso nella tabella, esiste "
                                                         "un flusso valido caricato per stesso ente e stesso nome.")
    if state.conn().execute("SELECT 1 FROM flow WHERE ente_id = ? AND iuf = ? AND state = 'CARICATO'",
                            (ente.id, iuf)).fetchone():
        raise duplicate
    started = time.perf_counter()
    # Parsing and validation do not depend on the portal's data: done before taking the write lock,
    # so polls and other calls are not held up by a big flow.
    parsed: list[tuple[int, str, DebtRecord | None, tuple[str, str] | None, list[tuple[str, str]]]] = []
    for line_no, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        try:
            fields = split_line(line, line_no)
        except FlowError:
            # leggiVerificaRiga's catch: the description replaced by this text, no "|"
            parsed.append((line_no, line, None, (rules.SINTASSI, "ERRORE GENERICO NELLA LETTURA DELLA RIGA DEL CSV"),
                           []))
            continue
        rec, read_errors = fields_to_record(fields, version, line_no)
        syntax = [e for e in read_errors if e.column != "azione"]
        if syntax:
            # leggiVerificaRiga: code PAA_IMPORT_SINTASSI_CSV, every reason after a "|"
            parsed.append((line_no, line, None,
                           (rules.SINTASSI, "".join(f"|{e.column}: {e.message}" for e in syntax)), []))
            continue
        problems = validate_row(rec, types, version, ente, for_insert=rec.action == "I") \
            if rec.action in ("I", "M", "A") else []
        parsed.append((line_no, line, rec, None, problems))

    checked = time.perf_counter()
    with state.write() as c:
        if c.execute("SELECT 1 FROM flow WHERE ente_id = ? AND iuf = ? AND state = 'CARICATO'",
                     (ente.id, iuf)).fetchone():
            raise duplicate
        now = ts()
        flow_id = c.execute("INSERT INTO flow(ente_id, iuf, state, created_at) VALUES (?,?,?,?)",
                            (ente.id, iuf, "LOAD_FLOW", now)).lastrowid
        active, active_iuvs = load_active(c, ente.id)
        # IUV progressives are taken in memory and saved once with the flow (same transaction).
        progressive = c.execute("SELECT iuv_progressive FROM ente WHERE id = ?", (ente.id,)).fetchone()[0]
        loaded: set[str] = set()
        rejected: list[tuple[str, str, str]] = []
        accepted: list[DebtRecord] = []
        avvisi: list[str] = []
        inserts: list[tuple] = []
        updates: list[tuple] = []
        annuls: list[tuple] = []
        total = len(parsed)

        for line_no, line, parsed_rec, read_error, problems in parsed:

            def reject(code: str, message: str, line: str = line) -> None:
                rejected.append((line, code, message))

            def reject_db(code: str, message: str) -> None:
                # A refusal of MyPay's database functions: "|" + result, "|" + result_desc
                # (DovutoService.importDovutoImportFlusso).
                reject("|" + code, "|" + message)

            if parsed_rec is None:
                reject(*read_error)
                continue
            rec = parsed_rec
            if rec.iud in loaded:
                # MyPay's text as it writes it (a Java string with a doubled apostrophe)
                reject("PAA_IMPORT_IUD_DUPLICATO", "Errore IUD duplicato all''interno dello stesso flusso")
                continue
            if rec.action not in ("I", "M", "A"):
                reject(f"{rules.SINTASSI}_AZIONE", "Errore sintassi CSV campo azione. Per maggiori informazioni fare "
                                                   "riferimento al manuale 'Integrazione Ente'")
                continue
            if problems:
                reject(*rules.join_codes(problems))
                continue
            generated = False
            if version in ("1_3", "1_4") and rec.action == "I" and not rec.iuv and rec.generate_iuv:
                progressive += 1
                rec.iuv = rules.mypay_iuv17(ente.segregation_code, progressive)
                generated = True
            t = types[rec.debt_type]
            existing = active.get(rec.iud)
            if rec.action in ("I", "M"):
                why = due_date_problem(rec, t, today)
                if why:
                    reject_db("PAA_IMPORT_DATA_SCADENZA_PAGAMENTO_OBBLIGATORIA", why)
                    continue
            if rec.action == "I":
                if existing is not None:
                    reject_db("PAA_IMPORT_IUD_DUPLICATO",
                              "IUD attivo presente nel database, non si accettano dovuti duplicati")
                    continue
                if rec.iuv and rec.iuv in active_iuvs:
                    reject_db("PAA_IMPORT_IUV_DUPLICATO",
                              "IUV attivo presente nel database, non si accettano dovuti duplicati")
                    continue
                inserts.append((ente.id, rec.iud, rec.iuv, int(generated), DA_PAGARE, rec.debt_type,
                                rec.debtor_code, rec.amount_cents,
                                rec.due_date.isoformat() if rec.due_date else None, record_to_json(rec),
                                flow_id, line_no, now, now))
                active[rec.iud] = _Active(None, rec.iuv, DA_PAGARE, rec.debt_type)
                if rec.iuv:
                    active_iuvs.add(rec.iuv)
            else:
                if existing is None:
                    # an exception of MyPay's update: its code alone, "|CODICE ... DESCRIZIONE ..."
                    reject("PAA_IMPORT_ERROR", f"|CODICE PAA_IMPORT_ERROR DESCRIZIONE Dovuto non trovato per IUD "
                                               f"[{rec.iud}] e codice IPA Ente [{ente.ipa}]")
                    continue
                if existing.state != DA_PAGARE:
                    verb = "modificarlo" if rec.action == "M" else "annullarlo"
                    reject_db("PAA_IMPORT_DOVUTO_NON_PRESENTE",
                              f"Dovuto non presente o in pagamento nel database, impossibile {verb} (stato del "
                              f"dovuto: {existing.state}, {STATE_WORDS.get(existing.state, '')})")
                    continue
                if rec.action == "M":
                    if existing.debt_type != rec.debt_type:
                        reject_db("PAA_IMPORT_TIPO_DOVUTO_NON_MODIFICABILE",
                                  "Non è possibile modificare il tipo dovuto di un dovuto")
                        continue
                    if existing.iuv and rec.iuv and rec.iuv != existing.iuv:
                        reject_db("PAA_IMPORT_IUV_DUPLICATO", "Non è possibile modificare il codice iuv di un dovuto")
                        continue
                    if not existing.iuv and rec.iuv and rec.iuv in active_iuvs:
                        reject_db("PAA_IMPORT_IUV_DUPLICATO",
                                  "IUV attivo presente nel database, non si accettano dovuti duplicati")
                        continue
                    rec.iuv = existing.iuv or rec.iuv
                    if rec.iuv:
                        active_iuvs.add(rec.iuv)
                    if existing.id is None:  # cannot happen: an IUD appears once per flow
                        reject("PAA_IMPORT_IUD_DUPLICATO", "Errore IUD duplicato all''interno dello stesso flusso")
                        continue
                    updates.append((rec.iuv, rec.debtor_code, rec.amount_cents,
                                    rec.due_date.isoformat() if rec.due_date else None, record_to_json(rec),
                                    flow_id, line_no, now, existing.id))
                    existing.iuv = rec.iuv
                else:
                    rec.iuv = existing.iuv
                    annuls.append((ANNULLATO, flow_id, line_no, now, existing.id))
                    del active[rec.iud]
                    active_iuvs.discard(existing.iuv)
            loaded.add(rec.iud)
            accepted.append(rec)
            if rec.generate_iuv and rec.action != "A" and version in ("1_3", "1_4") and rec.iuv:
                avvisi.append(rec.iuv)

        if inserts:
            c.executemany(
                "INSERT INTO dovuto(ente_id, iud, iuv, iuv_generated, state, debt_type, debtor_code, amount_cents, "
                "due_date, record, flow_id, flow_row, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                inserts)
        if updates:
            c.executemany("UPDATE dovuto SET iuv=?, debtor_code=?, amount_cents=?, due_date=?, record=?, flow_id=?, "
                          "flow_row=?, updated_at=? WHERE id=?", updates)
        if annuls:
            c.executemany("UPDATE dovuto SET state=?, flow_id=?, flow_row=?, updated_at=? WHERE id=?", annuls)

        scarti_file = iuv_file = ""
        if rejected:
            name, payload = write_rejections_zip(base + ".zip", header, rejected)
            scarti_file = f"{rel_dir}/{name}"
            _store(state, ente, scarti_file, payload)
        if accepted:
            body = [header] + [join_fields(record_to_fields(r, version)) for r in accepted] + [""]
            iuv_file = f"{rel_dir}/{base}_IUV.zip"
            _store(state, ente, iuv_file, _zip_one(f"{base}_IUV.csv", "\n".join(body).encode("utf-8")))
        avvisi_file = f"{rel_dir}/{base}_AVVISI_PDF.zip" if avvisi else ""
        c.execute("UPDATE ente SET iuv_progressive = ? WHERE id = ?", (progressive, ente.id))
        c.execute("UPDATE flow SET state='CARICATO', total=?, imported=? WHERE id=?", (total, len(accepted), flow_id))
        c.execute("UPDATE import_request SET state=?, flow_id=?, total=?, imported=?, scarti_file=?, iuv_file=?, "
                  "avvisi_file=?, avvisi_iuvs=?, processed_at=? WHERE request_token=?",
                  (IMPORT_ESEGUITO, flow_id, total, len(accepted), scarti_file, iuv_file, avvisi_file,
                   json.dumps(avvisi), ts(), req["request_token"]))
    log.info("flusso %s elaborato: %d righe, %d caricate, %d scartate (lettura e controlli %.2f s, applicazione "
             "%.2f s)", base, total, len(accepted), len(rejected), checked - started, time.perf_counter() - checked)
    return IMPORT_ESEGUITO


def _store(state: SimState, ente: Ente, filename: str, payload: bytes) -> None:
    path = state.path_for(ente.ipa + filename)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(payload)
    os.replace(tmp, path)
