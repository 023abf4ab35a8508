"""Keeping the portal aligned: debt flows with the pending I/M/A of a list, single debts, payments.

A push works out the pending changes of a list (``pending_action``: I for debts the portal never
accepted, M for debts whose flow hash differs from ``portal_hash``, A for cancellations), writes the
flow (its rows and its ZIP) to the database *before* talking to the portal, then walks the flow
through these states, each saved as soon as it is reached:

``PREPARATO``    recorded locally; nothing of it can be on the portal. Resuming authorises and
                 uploads. A failure here (or a cancel) forgets the flow and frees its debts.
``AUTORIZZATO``  an upload with the saved requestToken was attempted and its outcome is unknown.
                 Resuming never re-sends blindly: it asks paaSILChiediStatoImportFlusso with that
                 token; a known state means the file arrived (-> CARICATO); PAA_REQUEST_TOKEN_NON_VALIDO
                 (asked a few times, spaced out) means it did not (-> PREPARATO, fresh tokens, upload).
``CARICATO``     the portal has the file; resuming polls its state with back-off.
``ELABORATO``    outcome applied: accepted rows get IUV, numero avviso, SUL_PORTALE and portal_hash;
                 rejected rows get the portal's code and message (RIFIUTATO).
``ERRORE``       the portal refused the whole file (IMPORT_ABORTITO or a PAA_IMPORT_* file code):
                 no row was applied, the debts are freed and travel in the next flow.

So a closed app or a lost network resumes the same flow (same IUF, same rows), and no row is ever
processed twice by the portal. A debt that changed on the portal meanwhile (paid) is never
overwritten: before sending M/A rows, and after an M/A rejection, the portal is asked
(paaSILChiediPagatiConRicevuta); a paid debt is marked PAGATO with the reason, in the report and on
the debt.
"""

from __future__ import annotations

import contextlib
import copy
import logging
import time
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from mypay_desk.domain.codes import is_reserved_for_mypay, notice_number_from_iuv17
from mypay_desk.domain.debt_states import pending_action
from mypay_desk.domain.debts import DEFAULT_VERSION, DebtRecord, flow_hash
from mypay_desk.domain.money import format_amount
from mypay_desk.formats import import_flow, soap
from mypay_desk.services.errors import Cancelled, NotFoundError, PortalError, UserError
from mypay_desk.services.portal import record_from_row
from mypay_desk.services.portal_client import ImportaDovutoResult, MyPayClient, PaymentInfo, fault_message
from mypay_desk.services.progress import NEVER_CANCELLED, CancelToken, ProgressCallback, no_progress
from mypay_desk.store.models.base import utcnow
from mypay_desk.store.repositories import portal as repo

if TYPE_CHECKING:  # pragma: no cover
    from mypay_desk.domain.ente import EnteData
    from mypay_desk.services.workspace import Workspace

log = logging.getLogger(__name__)

UNFINISHED = ("PREPARATO", "AUTORIZZATO", "CARICATO")
FLOW_STATE_LABELS = {
    "PREPARATO": "Preparato (non ancora inviato)",
    "AUTORIZZATO": "Invio da verificare",
    "CARICATO": "In elaborazione sul portale",
    "ELABORATO": "Elaborato",
    "ERRORE": "Rifiutato dal portale",
}
PORTAL_OPEN_STATE = "INSERIMENTO_DOVUTO"  # MyPay's state of an open debt ("DA PAGARE")


# --- results ------------------------------------------------------------------------------------

@dataclass
class RowProblem:
    iud: str
    code: str
    message: str
    action: str = ""
    debt_id: int | None = None

    def to_dict(self) -> dict:
        return {"iud": self.iud, "code": self.code, "message": self.message}


@dataclass
class PushReport:
    list_name: str
    flow: str | None = None  # IUF; None when there was nothing to send
    flow_id: int | None = None
    state: str = ""
    portal_state: str = ""
    actions: dict[str, int] = field(default_factory=lambda: {"I": 0, "M": 0, "A": 0})
    accepted: int = 0
    rejected: int = 0
    rejections: list[RowProblem] = field(default_factory=list)
    conflicts: list[RowProblem] = field(default_factory=list)  # changed on the portal: not overwritten
    skipped: list[RowProblem] = field(default_factory=list)  # invalid, or rejected and unchanged since
    resumed: bool = False
    error: str = ""
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def finished(self) -> bool:
        return self.state in ("ELABORATO", "ERRORE", "")

    @property
    def message(self) -> str:
        if self.flow is None:
            text = "Nessuna modifica da inviare: la lista è allineata con il portale"
            if self.conflicts:
                text += f" ({len(self.conflicts)} dovuti risultano pagati sul portale e non sono stati modificati)"
            return text
        a = self.actions
        head = (f"Flusso {self.flow} ({a['I']} inserimenti, {a['M']} modifiche, {a['A']} annullamenti)"
                + (" ripreso" if self.resumed else ""))
        if self.state == "ELABORATO":
            return f"{head}: {self.accepted} accettati, {self.rejected} rifiutati"
        if self.state == "ERRORE":
            return f"{head}: rifiutato dal portale. {self.error} Le modifiche restano in attesa."
        return f"{head}: {FLOW_STATE_LABELS.get(self.state, self.state).lower()}"

    def to_json(self) -> dict:
        """The shape of ``sync push --json`` (CLI.md), plus keys that may follow."""
        return {
            "flow": self.flow,
            "actions": dict(self.actions),
            "accepted": self.accepted,
            "rejected": self.rejected,
            "rejections": [r.to_dict() for r in self.rejections],
            "list": self.list_name,
            "state": self.state,
            "portal_state": self.portal_state,
            "resumed": self.resumed,
            "conflicts": [r.to_dict() for r in self.conflicts],
            "skipped": [r.to_dict() for r in self.skipped],
            "error": self.error,
            "message": self.message,
            "timings": {k: round(v, 3) for k, v in self.timings.items()},
        }


@dataclass(frozen=True)
class FlowInfo:
    id: int
    iuf: str
    list_name: str
    state: str
    state_label: str
    portal_state: str
    created_at: datetime
    updated_at: datetime
    count_insert: int
    count_modify: int
    count_cancel: int
    accepted: int
    rejected: int
    error_message: str

    def to_json(self) -> dict:
        return {"flow": self.iuf, "list": self.list_name, "state": self.state, "portal_state": self.portal_state,
                "created_at": self.created_at.isoformat(timespec="seconds"),
                "updated_at": self.updated_at.isoformat(timespec="seconds"),
                "actions": {"I": self.count_insert, "M": self.count_modify, "A": self.count_cancel},
                "accepted": self.accepted, "rejected": self.rejected, "error": self.error_message}


@dataclass(frozen=True)
class FlowRowInfo:
    row_number: int
    iud: str
    action: str
    outcome: str
    code: str
    message: str
    debt_id: int | None


@dataclass(frozen=True)
class ListPending:
    list_id: int
    list_name: str
    insert: int
    modify: int
    cancel: int
    invalid: int  # pending but not sendable until fixed
    rejected_unchanged: int  # rejected and not changed since
    in_flight: int

    @property
    def total(self) -> int:
        return self.insert + self.modify + self.cancel

    def to_json(self) -> dict:
        return {"list": self.list_name, "I": self.insert, "M": self.modify, "A": self.cancel,
                "total": self.total, "invalid": self.invalid, "rejected_unchanged": self.rejected_unchanged,
                "in_flight": self.in_flight}


@dataclass
class SyncStatus:
    ente: str
    portal_url: str
    online: bool | None
    flows: list[FlowInfo]
    pending: list[ListPending]
    last_receipts: datetime | None

    def to_json(self) -> dict:
        return {
            "ente": self.ente,
            "portal_url": self.portal_url,
            "online": self.online,
            "flows": [f.to_json() for f in self.flows],
            "pending": {"total": sum(p.total for p in self.pending), "lists": [p.to_json() for p in self.pending]},
            "last_receipts": self.last_receipts.isoformat(timespec="seconds") if self.last_receipts else None,
        }


@dataclass(frozen=True)
class SingleSendResult:
    debt_id: int
    iud: str
    action: str
    accepted: bool
    iuv: str = ""
    notice_number: str = ""
    code: str = ""
    message: str = ""
    notice_zip: bytes | None = None


@dataclass(frozen=True)
class DeskDebt:
    id: int
    iud: str
    list_name: str
    debtor_name: str
    amount_cents: int
    state: str
    iuv: str
    notice_number: str


@dataclass(frozen=True)
class PaymentStart:
    debt_id: int
    iud: str
    iuv: str
    notice_number: str
    amount_cents: int
    url: str
    id_session: str


# --- planning -----------------------------------------------------------------------------------

@dataclass
class _Planned:
    row: dict[str, Any]
    record: DebtRecord
    action: str
    hash: str


def notice_number_for(iuv: str, application_code: str = "") -> str:
    """Numero avviso of an IUV: 3+IUV17, 0+application code+IUV15; RF references have none."""
    if len(iuv) == 17 and iuv.isdigit():
        return notice_number_from_iuv17(iuv)
    if len(iuv) == 15 and iuv.isdigit() and application_code:
        return "0" + application_code + iuv
    return ""


def wire_record(rec: DebtRecord, action: str) -> DebtRecord:
    """The row as it travels: a MyPay-generated IUV17 (``00`` in positions 3-4) is accepted by the portal
    only together with ``flagGeneraIuv=true`` (MyPay's Utilities.validaIUV), whatever the action. The
    stored debt (and its hash) keep the flag as the office set it."""
    out = copy.copy(rec)  # dataclasses.replace is several times slower on 35 fields
    out.action = action
    if rec.iuv and is_reserved_for_mypay(rec.iuv) and not rec.generate_iuv:
        out.generate_iuv = True
    return out


def _payer(rec: DebtRecord) -> soap.Payer:
    return soap.Payer(type=rec.debtor_type, code=rec.debtor_code, name=rec.debtor_name, address=rec.address,
                      civic=rec.civic, postal_code=rec.postal_code, city=rec.city, province=rec.province,
                      country=rec.country, email=rec.email)


def _item(rec: DebtRecord) -> soap.DovutoItem:
    return soap.DovutoItem(
        iud=rec.iud, amount_cents=rec.amount_cents, debt_type=rec.debt_type, causale=rec.causale,
        collection_data=rec.collection_data, pa_fee_cents=rec.pa_fee_cents,
        bilancio=[soap.BilancioChapter(capitolo=c.code, ufficio=c.office,
                                       accertamenti=[(a.code, a.amount_cents) for a in c.accertamenti])
                  for c in rec.bilancio or []],
    )


class SyncService:
    def __init__(self, ws: Workspace):
        self.ws = ws
        self.version = DEFAULT_VERSION
        # Polling of the portal's processing: first pause, growth, cap, and how long --wait waits.
        self.poll_initial = 0.2
        self.poll_factor = 1.5
        self.poll_max = 5.0
        self.poll_timeout = 1800.0
        # After an upload whose outcome is unknown: checks spaced by this pause (doubling).
        self.upload_grace = 1.0
        self.upload_checks = 3
        self.max_upload_attempts = 2
        # M/A rows checked one by one against the portal's payments before sending.
        self.paid_check_limit = 200

    # --- helpers ----------------------------------------------------------------------------
    def _ente(self) -> EnteData:
        ente = self.ws.ente.require_current()
        if ente.adhesion_mode == "base":
            raise UserError("L'Ente aderisce a MyPay in modalità base: non carica dovuti sul portale. Cambia la "
                            "modalità di adesione nelle impostazioni se l'Ente è passato ai flussi.",
                            field="adhesion_mode")
        return ente

    def _list(self, ente: EnteData, name: str) -> tuple[int, str]:
        with self.ws.db.session() as s:
            lst = repo.get_list(s, ente.id, name)
            if lst is None:
                raise NotFoundError(f"Lista «{name}» non trovata per l'Ente {ente.ipa_code}", field="lista")
            return lst.id, lst.name

    def _plan(self, rows: list[dict[str, Any]], rejected_hashes: dict[int, str], resend_rejected: bool,
              report: PushReport) -> list[_Planned]:
        planned: list[_Planned] = []
        for r in rows:
            rec = record_from_row(r)
            h = flow_hash(rec)
            action = pending_action(r["state"], r["cancel_requested"], r["portal_hash"], h)
            if action is None:
                continue
            if action != "A" and not r["is_valid"]:
                report.skipped.append(RowProblem(rec.iud, "NON_VALIDO", "dovuto con errori: correggilo per inviarlo",
                                                 action, r["id"]))
                continue
            if (r["state"] == "RIFIUTATO" and not resend_rejected and rejected_hashes.get(r["id"]) == h):
                report.skipped.append(RowProblem(rec.iud, r["portal_error_code"] or "RIFIUTATO",
                                                 "rifiutato dal portale e non modificato da allora", action, r["id"]))
                continue
            planned.append(_Planned(r, wire_record(rec, action), action, h))
        return planned

    @staticmethod
    def _paid_message(info: PaymentInfo, what: str) -> str:
        p = info.pagati
        detail = ""
        if p is not None:
            when = ""
            if p.items and p.items[0].outcome_date:
                when = f" il {p.items[0].outcome_date.strftime('%d/%m/%Y')}"
            detail = f" ({format_amount(p.total_paid_cents, currency=True)}{when}" + (
                f", {p.psp_name}" if p.psp_name else "") + ")"
        return (f"Il dovuto risulta già pagato sul portale{detail}: {what} non è stata applicata per non "
                "sovrascrivere il pagamento. Scarica le ricevute per aggiornare la lista.")

    def _mark_paid(self, debt_ids_and_messages: list[tuple[int, str, str]]) -> None:
        now = utcnow()
        with self.ws.db.session() as s:
            repo.update_debts(s, [{"b_id": debt_id, "state": "PAGATO", "portal_state": "PAGATO",
                                   "portal_error_code": code, "portal_error_message": msg, "updated_at": now}
                                  for debt_id, code, msg in debt_ids_and_messages])

    def _check_paid(self, client: MyPayClient, items: list[tuple[int, str, str]], report: PushReport,
                    code: str = "PAGATO_SUL_PORTALE") -> set[int]:
        """Ask the portal about (debt id, iud, action) items; mark the paid ones. Returns their ids."""
        paid: list[tuple[int, str, str]] = []
        for debt_id, iud, action in items[: self.paid_check_limit]:
            try:
                info = client.chiedi_pagati_con_ricevuta(iud=iud)
            except PortalError as exc:
                log.info("payment check of %s not possible: %s", iud, exc)
                if exc.transient:
                    break  # the portal is struggling: the flow itself will tell
                continue
            if info.paid:
                what = "la modifica" if action == "M" else "l'annullamento"
                msg = self._paid_message(info, what)
                paid.append((debt_id, code, msg))
                report.conflicts.append(RowProblem(iud, code, msg, action, debt_id))
        if paid:
            self._mark_paid(paid)
        return {p[0] for p in paid}

    # --- push -------------------------------------------------------------------------------
    def push(self, list_name: str, wait: bool = True, *, progress: ProgressCallback = no_progress,
             cancel: CancelToken = NEVER_CANCELLED, resend_rejected: bool = False) -> PushReport:
        """Send the pending changes of a list as one flow and apply the outcome (see the module doc).

        An unfinished flow of the list is resumed first (and its report returned). ``wait=False``
        returns once the portal has the file; a later push (or :meth:`resume`) applies the outcome.
        """
        ente = self._ente()
        list_id, name = self._list(ente, list_name)
        with self.ws.db.session() as s:
            unfinished = repo.unfinished_flows(s, ente.id, list_id)
        if unfinished:
            return self._drive(ente, unfinished[0].id, name, wait=wait, progress=progress, cancel=cancel,
                               resumed=True)

        report = PushReport(list_name=name)
        t0 = time.monotonic()
        progress(0, 4, "Preparazione del flusso")
        with self.ws.db.session() as s:
            rows = repo.sync_rows(s, list_id)
            rejected = repo.last_rejected_hashes(s, [r["id"] for r in rows if r["state"] == "RIFIUTATO"])
        planned = self._plan(rows, rejected, resend_rejected, report)
        cancel.raise_if_cancelled()
        if not planned:
            report.timings["build"] = time.monotonic() - t0
            progress(4, 4, report.message)
            return report

        with self.ws.portal.client(ente, cancel=cancel) as client:
            on_portal = [(p.row["id"], p.record.iud, p.action) for p in planned if p.action in ("M", "A")]
            if on_portal and len(on_portal) <= self.paid_check_limit:
                paid = self._check_paid(client, on_portal, report)
                planned = [p for p in planned if p.row["id"] not in paid]
            if not planned:
                report.timings["build"] = time.monotonic() - t0
                return report
            flow_id = self._record_flow(ente, list_id, planned)
            report.timings["build"] = time.monotonic() - t0
            return self._drive(ente, flow_id, name, wait=wait, progress=progress, cancel=cancel,
                               client=client, report=report)

    def _record_flow(self, ente: EnteData, list_id: int, planned: list[_Planned]) -> int:
        now = datetime.now()
        iuf = f"MPD{now:%Y%m%d%H%M%S%f}"
        records = [p.record for p in planned]
        file_name, zip_bytes = import_flow.write_flow_zip(records, ente.ipa_code, iuf, self.version)
        counts = {"I": 0, "M": 0, "A": 0}
        rows = []
        for n, p in enumerate(planned, start=1):
            counts[p.action] += 1
            rows.append({"debt_id": p.row["id"], "row_number": n, "action": p.action, "iud": p.record.iud,
                         "content_hash": p.hash})
        with self.ws.db.session(immediate=True) as s:
            # Another desk (or the nightly job) may have started a flow for this list meanwhile.
            if repo.unfinished_flows(s, ente.id, list_id):
                raise UserError("Un altro invio di questa lista è in corso: riprova tra poco")
            flow_id = repo.create_flow(s, ente_id=ente.id, list_id=list_id, iuf=iuf, version=self.version,
                                       file_name=file_name, zip_data=zip_bytes, rows=rows, counts=counts)
        self.ws.audit("sync.flow", ente_id=ente.id, entity="upload_flow", entity_id=flow_id,
                      details={"iuf": iuf, **counts})
        return flow_id

    def resume(self, flow_id: int, wait: bool = True, *, progress: ProgressCallback = no_progress,
               cancel: CancelToken = NEVER_CANCELLED) -> PushReport:
        ente = self.ws.ente.require_current()
        with self.ws.db.session() as s:
            flow = repo.get_flow(s, flow_id)
            if flow is None or flow.ente_id != ente.id:
                raise NotFoundError(f"Flusso {flow_id} non trovato")
            name = dict(repo.list_names(s, ente.id)).get(flow.list_id, "") if flow.list_id is not None else ""
        return self._drive(ente, flow_id, name, wait=wait, progress=progress, cancel=cancel, resumed=True)

    def resume_all(self, wait: bool = False, *, progress: ProgressCallback = no_progress,
                   cancel: CancelToken = NEVER_CANCELLED) -> list[PushReport]:
        """Bring every unfinished flow of the current Ente forward (e.g. at start-up)."""
        ente = self.ws.ente.current()
        if ente is None:
            return []
        with self.ws.db.session() as s:
            flows = [f.id for f in repo.unfinished_flows(s, ente.id)]
        return [self.resume(fid, wait, progress=progress, cancel=cancel) for fid in flows]

    # --- the state machine ------------------------------------------------------------------
    def _load_report(self, flow_id: int, list_name: str, report: PushReport | None) -> PushReport:
        with self.ws.db.session() as s:
            f = repo.get_flow(s, flow_id)
            if f is None:
                raise NotFoundError(f"Flusso {flow_id} non trovato")
            rep = report or PushReport(list_name=list_name)
            rep.flow, rep.flow_id, rep.state, rep.portal_state = f.iuf, f.id, f.state, f.portal_state
            rep.actions = {"I": f.count_insert, "M": f.count_modify, "A": f.count_cancel}
            rep.accepted, rep.rejected, rep.error = f.accepted, f.rejected, f.error_message
            rep.rejections = [RowProblem(r.iud, r.code, r.message, r.action, r.debt_id)
                              for r in repo.flow_rows(s, flow_id, "REJECTED")]
        return rep

    def _drive(self, ente: EnteData, flow_id: int, list_name: str, *, wait: bool, progress: ProgressCallback,
               cancel: CancelToken, resumed: bool = False, client: MyPayClient | None = None,
               report: PushReport | None = None) -> PushReport:
        if client is None:
            with self.ws.portal.client(ente, cancel=cancel) as own:
                return self._drive(ente, flow_id, list_name, wait=wait, progress=progress, cancel=cancel,
                                   resumed=resumed, client=own, report=report)
        report = self._load_report(flow_id, list_name, report)
        report.resumed = resumed
        uploads = 0
        last_upload_error: PortalError | None = None
        while True:
            with self.ws.db.session() as s:
                f = repo.get_flow(s, flow_id)
                state, token, file_name = f.state, f.request_token, f.file_name
            if state == "PREPARATO":
                if uploads >= self.max_upload_attempts:
                    # The portal confirmed it has nothing of this flow: free the debts for the next sync.
                    self._forget(flow_id)
                    raise last_upload_error or PortalError("caricamento del flusso non riuscito", transient=True)
                progress(1, 4, "Caricamento sul portale")
                t = time.monotonic()
                try:
                    cancel.raise_if_cancelled()
                    auth = client.autorizza_import_flusso()
                    cancel.raise_if_cancelled()
                except (PortalError, Cancelled):
                    self._forget(flow_id)
                    raise
                with self.ws.db.session() as s:
                    # Saved before the upload: from here on, the outcome must be verified, never assumed.
                    repo.update_flow(s, flow_id, state="AUTORIZZATO", request_token=auth.request_token,
                                     upload_url=auth.upload_url, authorization_token="", error_message="")
                    zip_data = repo.get_flow(s, flow_id).zip_data or b""
                uploads += 1
                try:
                    client.upload_flow(auth, file_name, zip_data)
                except PortalError as exc:
                    last_upload_error = exc
                    report.timings["upload"] = report.timings.get("upload", 0.0) + time.monotonic() - t
                    continue  # AUTORIZZATO: verify below whether the file arrived
                with self.ws.db.session() as s:
                    repo.update_flow(s, flow_id, state="CARICATO")
                report.timings["upload"] = report.timings.get("upload", 0.0) + time.monotonic() - t
                continue
            if state == "AUTORIZZATO":
                arrived = self._verify_upload(client, flow_id, token, cancel)
                if arrived is None:
                    raise last_upload_error or PortalError(
                        "non è stato possibile verificare se il flusso è arrivato al portale: verrà verificato "
                        "alla prossima sincronizzazione (nessuna riga verrà inviata due volte)", transient=True)
                continue
            if state == "CARICATO":
                done = self._poll(client, flow_id, token, wait=wait, progress=progress, cancel=cancel,
                                  report=report)
                if not done:
                    return self._load_report(flow_id, list_name, report)
                continue
            # ELABORATO or ERRORE
            out = self._load_report(flow_id, list_name, report)
            progress(4, 4, out.message)
            return out

    def _forget(self, flow_id: int) -> None:
        with self.ws.db.session() as s:
            f = repo.get_flow(s, flow_id)
            if f is not None and f.state == "PREPARATO":
                repo.delete_flow(s, flow_id)

    def _verify_upload(self, client: MyPayClient, flow_id: int, token: str, cancel: CancelToken) -> bool | None:
        """Did the upload with ``token`` reach the portal? True (-> CARICATO), False (-> PREPARATO),
        None when the portal could not be asked (the flow stays AUTORIZZATO)."""
        pause = self.upload_grace
        for attempt in range(self.upload_checks):
            try:
                status = client.chiedi_stato_import_flusso(token)
            except PortalError as exc:
                if exc.fault_code != "PAA_REQUEST_TOKEN_NON_VALIDO":
                    return None
                if attempt + 1 < self.upload_checks:
                    client.pause(pause)  # the portal may still be storing a file received at the last moment
                    pause *= 2
                    continue
                with self.ws.db.session() as s:
                    repo.update_flow(s, flow_id, state="PREPARATO", request_token="", upload_url="")
                return False
            with self.ws.db.session() as s:
                repo.update_flow(s, flow_id, state="CARICATO", portal_state=status.state)
            return True
        return None

    def _poll(self, client: MyPayClient, flow_id: int, token: str, *, wait: bool, progress: ProgressCallback,
              cancel: CancelToken, report: PushReport) -> bool:
        """Poll until the portal has processed the flow; apply the outcome. False: still running."""
        t = time.monotonic()
        pause = self.poll_initial
        while True:
            cancel.raise_if_cancelled()
            status = client.chiedi_stato_import_flusso(token)
            with self.ws.db.session() as s:
                repo.update_flow(s, flow_id, portal_state=status.state)
            if status.running:
                progress(2, 4, "Elaborazione sul portale")
                if not wait or time.monotonic() - t > self.poll_timeout:
                    report.timings["processing"] = report.timings.get("processing", 0.0) + time.monotonic() - t
                    return False
                client.pause(pause)
                pause = min(self.poll_max, pause * self.poll_factor)
                continue
            report.timings["processing"] = report.timings.get("processing", 0.0) + time.monotonic() - t
            if status.failed:
                message = fault_message(status.state)
                with self.ws.db.session() as s:
                    repo.release_debts(s, flow_id)
                    repo.mark_rows(s, flow_id, "SKIPPED")  # none was applied; they travel in the next flow
                    repo.update_flow(s, flow_id, state="ERRORE", error_message=f"{status.state}: {message}")
                return True
            progress(3, 4, "Applicazione degli esiti")
            t_apply = time.monotonic()
            self._apply(client, flow_id, status, report)
            report.timings["apply"] = time.monotonic() - t_apply
            return True

    # --- outcome ----------------------------------------------------------------------------
    def _apply(self, client: MyPayClient, flow_id: int, status, report: PushReport) -> None:
        with self.ws.db.session() as s:
            f = repo.get_flow(s, flow_id)
            stem = f.file_name[:-4] if f.file_name.lower().endswith(".zip") else f.file_name
            rows = repo.flow_debt_rows(s, flow_id)
            ente_id, flow_created = f.ente_id, f.created_at
        rejected: dict[str, tuple[str, str]] = {}
        iuvs: dict[str, str] = {}
        try:
            if status.url_scarti:
                data = client.download(status.url_scarti, "scarti")
                _v, rejections = import_flow.read_rejections(data, name=f"{stem}_SCARTI.zip")
                rejected = {r.iud: (r.code or "PAA_IMPORT_ERROR", r.message) for r in rejections}
            if status.url_iuv:
                data = client.download(status.url_iuv, "IUV")
                # Only IUD and codIuv (columns 1 and 2) matter here: no need to parse whole records.
                _name, _header, raw = import_flow.read_raw_rows(data, name=f"{stem}_IUV.zip")
                iuvs = {r.fields[0].strip(): r.fields[1].strip() for r in raw
                        if len(r.fields) > 1 and r.fields[0].strip() and r.fields[1].strip()}
        except import_flow.FlowError as exc:
            raise PortalError(f"file degli esiti del flusso non leggibile ({exc}): verrà riscaricato alla prossima "
                              "sincronizzazione", transient=True) from exc

        ente = self.ws.ente.get_by_id(ente_id)
        now = utcnow()
        with self.ws.db.session() as s:
            current = {r["id"]: r for r in repo.sync_rows_of_flow(s, flow_id)}
        sent_records: dict[str, DebtRecord] | None = None
        rejected_rows: list[dict[str, Any]] = []
        debt_updates: list[dict[str, Any]] = []
        to_check: list[tuple[int, str, str]] = []
        for row_id, debt_id, action, iud, content_hash in rows:
            cur = current.get(debt_id) if debt_id is not None else None
            if iud in rejected:
                code, text = rejected[iud]
                message = fault_message(code, text)
                rejected_rows.append({"r_id": row_id, "outcome": "REJECTED", "code": code, "message": message})
                if cur is not None:
                    debt_updates.append({"b_id": debt_id, "state": "RIFIUTATO", "portal_error_code": code,
                                         "portal_error_message": message, "sending_flow_id": None,
                                         "updated_at": now})
                    if action in ("M", "A"):
                        to_check.append((debt_id, iud, action))
                continue
            if cur is None:
                continue  # deleted locally meanwhile: the portal keeps it, nothing to update here
            upd: dict[str, Any] = {"b_id": debt_id, "sending_flow_id": None, "portal_error_code": "",
                                   "portal_error_message": "", "portal_accepted_at": now, "updated_at": now}
            if action == "A":
                upd.update(state="ANNULLATO", portal_state="ANNULLATO")
                debt_updates.append(upd)
                continue
            upd.update(state="SUL_PORTALE", portal_state=PORTAL_OPEN_STATE, portal_hash=content_hash,
                       iuv=cur["iuv"], generate_iuv=cur["generate_iuv"], iuv_assigned_at=cur["iuv_assigned_at"],
                       notice_number=cur["notice_number"])
            new_iuv = iuvs.get(iud, "")
            if new_iuv and new_iuv != cur["iuv"]:
                # The portal generated the IUV: it now holds the row sent plus that IUV.
                cur_rec = record_from_row(cur)
                # Not touched since the flow was recorded (fast path), or identical to what was sent.
                unchanged = (cur["updated_at"] is not None and cur["updated_at"] <= flow_created) \
                    or flow_hash(cur_rec) == content_hash
                if unchanged:
                    base = cur_rec
                else:  # edited while the flow was in flight: start from the row actually sent
                    if sent_records is None:
                        sent_records = self._sent_records(flow_id)
                    base = copy.copy(sent_records.get(iud, cur_rec))
                base.iuv, base.generate_iuv, base.action = new_iuv, False, ""
                upd.update(portal_hash=flow_hash(base), iuv=new_iuv, iuv_assigned_at=now,
                           notice_number=notice_number_for(new_iuv, ente.application_code))
                if unchanged:
                    upd["generate_iuv"] = False
            elif cur["iuv"] and not cur["notice_number"]:
                upd["notice_number"] = notice_number_for(cur["iuv"], ente.application_code)
            debt_updates.append(upd)
        n_rejected = len(rejected_rows)
        with self.ws.db.session() as s:
            repo.mark_rows(s, flow_id, "ACCEPTED")  # every row, then the rejected ones one by one
            repo.apply_rows(s, flow_id, rejected_rows, debt_updates)
            repo.release_debts(s, flow_id)  # any row the loop could not place
            repo.update_flow(s, flow_id, state="ELABORATO", accepted=len(rows) - n_rejected, rejected=n_rejected,
                             error_message="")
        self.ws.audit("sync.outcome", ente_id=ente_id, entity="upload_flow", entity_id=flow_id,
                      details={"accepted": len(rows) - n_rejected, "rejected": n_rejected})
        if to_check:
            paid = self._check_paid(client, to_check, report)
            if paid:
                with self.ws.db.session() as s:
                    for r in repo.flow_rows(s, flow_id, "REJECTED"):
                        if r.debt_id in paid:
                            r.message = (r.message + " — " if r.message else "") + "il dovuto risulta già pagato"

    def _sent_records(self, flow_id: int) -> dict[str, DebtRecord]:
        with self.ws.db.session() as s:
            f = repo.get_flow(s, flow_id)
            data, name = f.zip_data or b"", f.file_name
        _v, records, _e = import_flow.read_flow(data, name=name)
        return {r.iud: r for r in records}

    # --- status -----------------------------------------------------------------------------
    def flows(self, limit: int = 200) -> list[FlowInfo]:
        ente = self.ws.ente.current()
        if ente is None:
            return []
        with self.ws.db.session() as s:
            return [FlowInfo(id=f.id, iuf=f.iuf, list_name=name, state=f.state,
                             state_label=FLOW_STATE_LABELS.get(f.state, f.state), portal_state=f.portal_state,
                             created_at=f.created_at, updated_at=f.updated_at, count_insert=f.count_insert,
                             count_modify=f.count_modify, count_cancel=f.count_cancel, accepted=f.accepted,
                             rejected=f.rejected, error_message=f.error_message)
                    for f, name in repo.list_flows(s, ente.id, limit)]

    def flow_rows(self, flow_id: int, only_rejected: bool = False) -> list[FlowRowInfo]:
        with self.ws.db.session() as s:
            return [FlowRowInfo(r.row_number, r.iud, r.action, r.outcome, r.code, r.message, r.debt_id)
                    for r in repo.flow_rows(s, flow_id, "REJECTED" if only_rejected else None)]

    def list_names(self) -> list[str]:
        """Names of the current Ente's lists (for choosing what to synchronise)."""
        ente = self.ws.ente.current()
        if ente is None:
            return []
        with self.ws.db.session() as s:
            return [name for _id, name in repo.list_names(s, ente.id)]

    def find_debt(self, iud: str) -> DeskDebt:
        """A debt of the current Ente by IUD, for the desk actions."""
        ente = self.ws.ente.require_current()
        iud = (iud or "").strip()
        if not iud:
            raise UserError("Indica lo IUD del dovuto", field="IUD")
        with self.ws.db.session() as s:
            found = repo.find_debt_by_iud(s, ente.id, iud)
        if found is None:
            raise NotFoundError(f"Nessun dovuto con IUD «{iud}» per l'Ente {ente.ipa_code}", field="IUD")
        return DeskDebt(**found)

    def pending(self, list_name: str) -> ListPending:
        ente = self.ws.ente.require_current()
        list_id, name = self._list(ente, list_name)
        return self._pending_of(list_id, name)

    def _pending_of(self, list_id: int, name: str) -> ListPending:
        with self.ws.db.session() as s:
            rows = repo.sync_rows(s, list_id)
            rejected = repo.last_rejected_hashes(s, [r["id"] for r in rows if r["state"] == "RIFIUTATO"])
        tmp = PushReport(list_name=name)
        planned = self._plan(rows, rejected, False, tmp)
        counts = {"I": 0, "M": 0, "A": 0}
        for p in planned:
            counts[p.action] += 1
        invalid = sum(1 for p in tmp.skipped if p.code == "NON_VALIDO")
        return ListPending(list_id, name, counts["I"], counts["M"], counts["A"], invalid,
                           len(tmp.skipped) - invalid, sum(1 for r in rows if r["state"] == "IN_INVIO"))

    def status(self) -> SyncStatus:
        ente = self.ws.ente.require_current()
        with self.ws.db.session() as s:
            lists = repo.list_names(s, ente.id)
            last = repo.receipts_synced_to(s, ente.id)
        return SyncStatus(ente=ente.ipa_code, portal_url=ente.portal_url, online=self.ws.portal.last_known_online(),
                          flows=self.flows(), pending=[self._pending_of(i, n) for i, n in lists], last_receipts=last)

    # --- single debt at the desk --------------------------------------------------------------
    def _debt(self, debt_id: int) -> tuple[EnteData, dict[str, Any]]:
        with self.ws.db.session() as s:
            rows = repo.sync_rows_by_ids(s, [debt_id])
            ente_id = repo.debt_ente_id(s, debt_id)
        if not rows or ente_id is None:
            raise NotFoundError(f"Dovuto {debt_id} non trovato")
        ente = self.ws.ente.get_by_id(ente_id)
        if ente.adhesion_mode == "base":
            raise UserError("L'Ente aderisce in modalità base: non invia dovuti al portale", field="adhesion_mode")
        return ente, rows[0]

    def send_single(self, debt_id: int, *, cancel: CancelToken = NEVER_CANCELLED) -> SingleSendResult:
        """Send one debt's pending change at once (paaSILImportaDovuto), for a citizen at the desk."""
        ente, row = self._debt(debt_id)
        rec = record_from_row(row)
        if row["state"] == "IN_INVIO":
            raise UserError(f"Il dovuto {rec.iud} fa parte di un flusso in corso di invio: attendi l'esito")
        h = flow_hash(rec)
        action = pending_action(row["state"], row["cancel_requested"], row["portal_hash"], h)
        if action is None:
            raise UserError(f"Il dovuto {rec.iud} è già allineato con il portale: non c'è niente da inviare")
        if action != "A" and not row["is_valid"]:
            raise UserError(f"Il dovuto {rec.iud} ha degli errori: correggili prima di inviarlo", field="dovuto")
        generate = (action == "I" and not rec.iuv) or is_reserved_for_mypay(rec.iuv)
        # MyPay reads flagGeneraIuv from the request, not from the Versamento (where the XSD also allows
        # it): it travels only there.
        versamento = soap.Versamento(item=_item(rec), action=action, payer=_payer(rec), iuv=rec.iuv or "",
                                     due_date=rec.due_date, payment_type=rec.payment_type)
        now = utcnow()
        with self.ws.portal.client(ente, cancel=cancel) as client:
            try:
                result = client.importa_dovuto(soap.build_versamento(versamento), generate_iuv=generate or None)
            except PortalError as exc:
                found = None
                if exc.transient and action == "I":
                    # The request may have been carried out although the reply was lost or broken: the
                    # debtor's open positions tell whether the portal now holds this IUD.
                    found = self._find_open_position(client, rec)
                if found is not None:
                    result = found
                elif exc.transient or not exc.fault_code or exc.fault_code in ("PAA_ENTE_NON_VALIDO",
                                                                              "PAA_SYSTEM_ERROR"):
                    raise
                else:
                    return self._single_rejected(client, debt_id, row, rec, action, exc)
        iuv = result.iuv or rec.iuv
        upd: dict[str, Any] = {"b_id": debt_id, "portal_error_code": "", "portal_error_message": "",
                               "portal_accepted_at": now, "updated_at": now}
        if action == "A":
            upd.update(state="ANNULLATO", portal_state="ANNULLATO")
        else:
            sent = replace(rec, iuv=iuv, generate_iuv=False if iuv != rec.iuv else rec.generate_iuv, action="")
            upd.update(state="SUL_PORTALE", portal_state=PORTAL_OPEN_STATE, portal_hash=flow_hash(sent))
            if iuv != rec.iuv:
                upd.update(iuv=iuv, generate_iuv=sent.generate_iuv, iuv_assigned_at=now)
            notice = notice_number_for(iuv, ente.application_code)
            if notice:
                upd["notice_number"] = notice
        with self.ws.db.session() as s:
            repo.update_debts(s, [upd])
        self.ws.audit("sync.single", ente_id=ente.id, entity="debt", entity_id=debt_id,
                      details={"iud": rec.iud, "action": action, "iuv": iuv})
        return SingleSendResult(debt_id, rec.iud, action, True, iuv, upd.get("notice_number", row["notice_number"]),
                                notice_zip=result.notice_zip)

    def _single_rejected(self, client: MyPayClient, debt_id: int, row: dict[str, Any], rec: DebtRecord,
                         action: str, exc: PortalError) -> SingleSendResult:
        message, code, state = str(exc.message), exc.fault_code, "RIFIUTATO"
        if action in ("M", "A"):
            info = None
            with contextlib.suppress(PortalError):
                info = client.chiedi_pagati_con_ricevuta(iud=rec.iud)
            if info is not None and info.paid:
                message = self._paid_message(info, "la modifica" if action == "M" else "l'annullamento")
                state = "PAGATO"
        upd = {"b_id": debt_id, "state": state, "portal_error_code": code, "portal_error_message": message,
               "updated_at": utcnow()}
        if state == "PAGATO":
            upd["portal_state"] = "PAGATO"
        with self.ws.db.session() as s:
            repo.update_debts(s, [upd])
        return SingleSendResult(debt_id, rec.iud, action, False, rec.iuv, row["notice_number"], code, message)

    @staticmethod
    def _find_open_position(client: MyPayClient, rec: DebtRecord) -> ImportaDovutoResult | None:
        try:
            positions = client.chiedi_posizioni_aperte(rec.debtor_type, rec.debtor_code)
        except PortalError:
            return None
        for pos in positions:
            if pos.cod_ipa and pos.cod_ipa != client.cod_ipa:
                continue
            for item in pos.dovuti.items:
                if item.iud == rec.iud:
                    return ImportaDovutoResult(esito="OK", iuv=pos.dovuti.iuv)
        return None

    def start_payment(self, debt_id: int, *, return_url: str | None = None,
                      cancel: CancelToken = NEVER_CANCELLED) -> PaymentStart:
        """"Pagamento iniziato presso l'Ente": the link (and QR) the citizen pays with now.

        A debt not yet on the portal, or changed since, is sent first (paaSILImportaDovuto), so the
        portal and the list agree on what is being paid.
        """
        ente, row = self._debt(debt_id)
        if ente.adhesion_mode != "ente":
            raise UserError("Il pagamento presso lo sportello richiede la modalità di adesione «Iniziato presso "
                            "l'Ente»", field="adhesion_mode")
        rec = record_from_row(row)
        if row["state"] in ("PAGATO", "PAGATO_PARZIALE", "ANNULLATO") or row["cancel_requested"]:
            raise UserError(f"Il dovuto {rec.iud} è {row['state'].lower().replace('_', ' ')}: non si può pagare")
        if row["state"] == "IN_INVIO":
            raise UserError(f"Il dovuto {rec.iud} fa parte di un flusso in corso di invio: attendi l'esito")
        if not row["is_valid"]:
            raise UserError(f"Il dovuto {rec.iud} ha degli errori: correggili prima del pagamento", field="dovuto")
        if pending_action(row["state"], row["cancel_requested"], row["portal_hash"], flow_hash(rec)) is not None:
            sent = self.send_single(debt_id, cancel=cancel)
            if not sent.accepted:
                raise PortalError(f"il portale non ha accettato il dovuto {rec.iud}: {sent.message}",
                                  fault_code=sent.code)
            ente, row = self._debt(debt_id)
            rec = record_from_row(row)
        # The portal finds a debt it holds by IUD; an IUV it generated itself is never sent back as ours.
        iuv = "" if is_reserved_for_mypay(rec.iuv) else rec.iuv
        dovuti = soap.build_dovuti(_payer(rec), [_item(rec)], iuv=iuv, payment_type=rec.payment_type)
        with self.ws.portal.client(ente, cancel=cancel) as client:
            result = client.invia_dovuti(dovuti, return_url=return_url)
        self.ws.audit("sync.payment", ente_id=ente.id, entity="debt", entity_id=debt_id,
                      details={"iud": rec.iud, "id_session": result.id_session})
        return PaymentStart(debt_id=debt_id, iud=rec.iud, iuv=rec.iuv, notice_number=row["notice_number"],
                            amount_cents=rec.amount_cents, url=result.url, id_session=result.id_session)

    def payment_state(self, debt_id: int) -> PaymentInfo:
        """What the portal says about the payment of a debt (after the citizen paid at the desk)."""
        ente, row = self._debt(debt_id)
        with self.ws.portal.client(ente) as client:
            return client.chiedi_pagati_con_ricevuta(iud=row["iud"])
