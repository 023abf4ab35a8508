"""At the desk: one debt sent at once (ImportaDovuto) and a payment started for the citizen (InviaDovuti)."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from mypay_desk.domain.codes import is_reserved_for_mypay, notice_number_for
from mypay_desk.domain.debt_states import pending_action
from mypay_desk.domain.debts import DebtRecord, flow_hash
from mypay_desk.formats import soap
from mypay_desk.services.errors import NotFoundError, PortalError, UserError
from mypay_desk.services.portal import record_from_row
from mypay_desk.services.portal_client import ImportaDovutoResult, MyPayClient, PaymentInfo
from mypay_desk.services.progress import NEVER_CANCELLED, CancelToken
from mypay_desk.services.sync.common import (
    dovuto_item,
    payer_of,
)
from mypay_desk.services.sync.recovery import DUPLICATE_IUD_CODES, DuplicateRecovery
from mypay_desk.services.sync.views import (
    PORTAL_OPEN_STATE,
    PaymentStart,
    SingleSendResult,
)
from mypay_desk.store.models.base import utcnow
from mypay_desk.store.repositories import portal as repo

if TYPE_CHECKING:  # pragma: no cover
    from mypay_desk.domain.ente import EnteData


class DeskSending(DuplicateRecovery):
    """Single debts and payments started at the Ente's desk (mode \"iniziato presso l'Ente\")."""

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
        if action == "I" and not rec.iuv and ente.iuv_generation == "app":
            rec = self._own_iuv(ente, debt_id, rec)  # the Ente numbers its own IUVs
        # Without an IUV the portal generates one (the request's flagGeneraIuv), so the debt has a numero avviso.
        generate = (action == "I" and not rec.iuv) or is_reserved_for_mypay(rec.iuv)
        # MyPay reads flagGeneraIuv from the request, not from the Versamento (where the XSD also allows
        # it): it travels only there.
        versamento = soap.Versamento(item=dovuto_item(rec), action=action, payer=payer_of(rec), iuv=rec.iuv or "",
                                     due_date=rec.due_date, payment_type=rec.payment_type)
        now = utcnow()
        recovered = None
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
                elif action == "I" and exc.fault_code in DUPLICATE_IUD_CODES and (
                        taken := self._recover_on_portal(client, ente, [debt_id]).get(debt_id)) is not None:
                    recovered = taken
                else:
                    return self._single_rejected(client, debt_id, row, rec, action, exc)
        if recovered is not None:
            if recovered.state == "SUL_PORTALE":  # the portal held it already (sync.recovery): the list's
                return self.send_single(debt_id, cancel=cancel)  # version goes now, as a modification (M)
            return SingleSendResult(debt_id, rec.iud, action, False, recovered.iuv, row["notice_number"],
                                    "PAGATO_SUL_PORTALE", recovered.message)
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

    def _own_iuv(self, ente: EnteData, debt_id: int, rec: DebtRecord) -> DebtRecord:
        if not ente.segregation_code:
            self._assign_iuvs(ente, 0)  # raises the clear message
        iuv = self.ws.codes.allocate_iuvs(1, ente.id)[0]
        with self.ws.db.session() as s:
            repo.update_debts(s, [{"b_id": debt_id, "iuv": iuv, "generate_iuv": False, "iuv_assigned_at": utcnow(),
                                   "notice_number": notice_number_for(iuv, ente.application_code),
                                   "updated_at": utcnow()}])
        return replace(rec, iuv=iuv, generate_iuv=False)

    def _single_rejected(self, client: MyPayClient, debt_id: int, row: dict[str, Any], rec: DebtRecord,
                         action: str, exc: PortalError) -> SingleSendResult:
        message, code, state = str(exc.message), exc.fault_code, "RIFIUTATO"
        if action in ("M", "A"):
            info = None
            with contextlib.suppress(PortalError):
                info = client.chiedi_pagati_con_ricevuta(iud=rec.iud)
            if info is not None and info.paid:
                message = self._paid_message(info, action)
                state = "PAGATO"
        upd = {"b_id": debt_id, "state": state, "portal_error_code": code, "portal_error_message": message,
               "updated_at": utcnow()}
        if state == "PAGATO":
            upd["portal_state"] = "PAGATO"
        with self.ws.db.session() as s:
            repo.update_debts(s, [upd])
        return SingleSendResult(debt_id, rec.iud, action, False, rec.iuv, row["notice_number"], code, message)

    def _find_open_position(self, client: MyPayClient, rec: DebtRecord) -> ImportaDovutoResult | None:
        try:
            iuv = self._held_iuvs(client, rec).get(rec.iud)
        except PortalError:
            return None
        return ImportaDovutoResult(esito="OK", iuv=iuv) if iuv is not None else None

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
        dovuti = soap.build_dovuti(payer_of(rec), [dovuto_item(rec)], iuv=iuv, payment_type=rec.payment_type)
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
