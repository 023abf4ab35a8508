"""Shared pieces of the sync use cases: planned rows, the wire form of a record, and the base service."""

from __future__ import annotations

import copy
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mypay_desk.domain.codes import is_reserved_for_mypay
from mypay_desk.domain.debt_states import pending_action
from mypay_desk.domain.debts import DEFAULT_VERSION, DebtRecord, flow_hash
from mypay_desk.domain.money import format_amount
from mypay_desk.formats import soap
from mypay_desk.services.errors import NotFoundError, PortalError, UserError
from mypay_desk.services.portal import record_from_row
from mypay_desk.services.portal_client import MyPayClient, PaymentInfo
from mypay_desk.services.sync.views import (
    PushReport,
    RowProblem,
)
from mypay_desk.store.models.base import utcnow
from mypay_desk.store.repositories import portal as repo

if TYPE_CHECKING:  # pragma: no cover
    from mypay_desk.domain.ente import EnteData
    from mypay_desk.services.workspace import Workspace

log = logging.getLogger(__name__)


#: A change not sent because the portal holds the debt paid (SyncServiceBase._paid_message).
NOT_APPLIED = {"I": "l'inserimento non è stato applicato", "M": "la modifica non è stata applicata",
               "A": "l'annullamento non è stato applicato"}


# --- planning -----------------------------------------------------------------------------------

@dataclass
class PlannedRow:
    row: dict[str, Any]
    record: DebtRecord
    action: str
    hash: str


def wire_record(rec: DebtRecord, action: str) -> DebtRecord:
    """The row as it travels. A new debt without an IUV asks MyPay for one (``flagGeneraIuv=true``, 1_3/1_4:
    ImportFlussoTaskService.validaElabora generates an IUV17 for an I row with an empty codIuv), so every
    accepted debt comes back with an IUV and a numero avviso (the flow's IUV file); when the Ente generates
    its IUVs itself, :meth:`SyncServiceBase._assign_iuvs` has given them one already. A MyPay-generated
    IUV17 (``00`` in positions 3-4) is accepted only together with the flag (Utilities.validaIUV), whatever
    the action. The stored debt (and its hash) keep the flag as the office set it."""
    return to_wire(copy.copy(rec), action)  # (dataclasses.replace is several times slower on 35 fields)


def to_wire(rec: DebtRecord, action: str) -> DebtRecord:
    """:func:`wire_record` in place, for a record the caller owns and no longer needs as stored."""
    rec.action = action
    if not rec.generate_iuv and ((rec.iuv and is_reserved_for_mypay(rec.iuv)) or (action == "I" and not rec.iuv)):
        rec.generate_iuv = True
    return rec


def payer_of(rec: DebtRecord) -> soap.Payer:
    return soap.Payer(type=rec.debtor_type, code=rec.debtor_code, name=rec.debtor_name, address=rec.address,
                      civic=rec.civic, postal_code=rec.postal_code, city=rec.city, province=rec.province,
                      country=rec.country, email=rec.email)


def dovuto_item(rec: DebtRecord) -> soap.DovutoItem:
    return soap.DovutoItem(
        iud=rec.iud, amount_cents=rec.amount_cents, debt_type=rec.debt_type, causale=rec.causale,
        collection_data=rec.collection_data, pa_fee_cents=rec.pa_fee_cents,
        bilancio=[soap.BilancioChapter(capitolo=c.code, ufficio=c.office,
                                       accertamenti=[(a.code, a.amount_cents) for a in c.accertamenti])
                  for c in rec.bilancio or []],
    )


class SyncServiceBase:
    """Settings of the exchanges with the portal and the helpers every sync use case needs."""

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

    def _assign_iuvs(self, ente: EnteData, list_id: int) -> int:
        """When the Ente generates its own IUVs (``iuv_generation == "app"``): an IUV17 from its segregation
        code for every new valid debt of the list without one, before the flow is built. Returns how many."""
        if ente.iuv_generation != "app":
            return 0
        if not ente.segregation_code:
            raise UserError("L'Ente genera gli IUV con MyPay Desk ma non ha il codice di segregazione: impostalo, "
                            "o lascia generare gli IUV al portale (Impostazioni, Ente)", field="iuv_generation")
        return len(self.ws.lists.assign_iuvs(list_id).assigned)

    def _list(self, ente: EnteData, name: str) -> tuple[int, str]:
        with self.ws.db.session() as s:
            lst = repo.get_list(s, ente.id, name)
            if lst is None:
                raise NotFoundError(f"Lista «{name}» non trovata per l'Ente {ente.ipa_code}", field="lista")
            return lst.id, lst.name

    def _plan(self, rows: list[dict[str, Any]], rejected_hashes: dict[int, str], resend_rejected: bool,
              report: PushReport) -> list[PlannedRow]:
        planned: list[PlannedRow] = []
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
            planned.append(PlannedRow(r, to_wire(rec, action), action, h))  # (rec is ours: no copy)
        return planned

    @staticmethod
    def _paid_message(info: PaymentInfo, action: str) -> str:
        """Why the ``action`` (I, M, A) of a debt the portal holds paid was not applied."""
        p = info.pagati
        detail = ""
        if p is not None:
            when = ""
            if p.items and p.items[0].outcome_date:
                when = f" il {p.items[0].outcome_date.strftime('%d/%m/%Y')}"
            detail = f" ({format_amount(p.total_paid_cents, currency=True)}{when}" + (
                f", {p.psp_name}" if p.psp_name else "") + ")"
        return (f"Il dovuto risulta già pagato sul portale{detail}: {NOT_APPLIED[action]} per non sovrascrivere "
                "il pagamento. Scarica le ricevute per aggiornare la lista.")

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
                msg = self._paid_message(info, action)
                paid.append((debt_id, code, msg))
                report.conflicts.append(RowProblem(iud, code, msg, action, debt_id))
        if paid:
            self._mark_paid(paid)
        return {p[0] for p in paid}

