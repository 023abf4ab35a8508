"""An insert the portal refused because it already holds the IUD: the debt taken back as the portal holds it.

This happens when a flow reached the portal but its outcome was never known (the portal forgot the request's
token: FlowPush ends such a flow as ERRORE and its inserts travel again), or when a workspace restored from a
backup sends again debts it had sent after that backup. MyPay then refuses each insert with
PAA_IMPORT_IUD_DUPLICATO, "IUD attivo presente nel database" (mypay4's import procedure: an IUD can be
inserted again only once annulled), or PAA_IUD_DUPLICATO at the desk. Left RIFIUTATO, the debt would never get
its IUV and numero avviso here, and an office that changed its IUD to have it accepted would bill the citizen
twice.

So for each such debt (at most ``paid_check_limit`` per outcome) the portal is asked, by debtor:

- the debtor's open positions (paaSILChiediPosizioniAperte): a position of this Ente with the same IUD gives
  its IUV. The debt becomes SUL_PORTALE with that IUV and its numero avviso; what the portal holds of it is not
  known (UNKNOWN_PORTAL_CONTENT), so the next flow sends the list's version as a modification;
- otherwise the payment of that IUD (paaSILChiediPagatiConRicevuta): paid, and by this debtor, the debt is
  PAGATO;
- otherwise (another debtor's debt with that IUD, or the portal cannot say) it stays RIFIUTATO.

A debt with an IUV of its own that differs from the portal's is never taken: those are two debts.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mypay_desk.domain.codes import notice_number_for
from mypay_desk.domain.debt_states import PAID_STATES, UNKNOWN_PORTAL_CONTENT
from mypay_desk.domain.debts import DebtRecord
from mypay_desk.services.errors import PortalError
from mypay_desk.services.portal import record_from_row
from mypay_desk.services.portal_client import MyPayClient
from mypay_desk.services.sync.common import SyncServiceBase
from mypay_desk.services.sync.views import PORTAL_OPEN_STATE
from mypay_desk.store.models.base import utcnow
from mypay_desk.store.repositories import portal as repo

if TYPE_CHECKING:  # pragma: no cover
    from mypay_desk.domain.ente import EnteData

log = logging.getLogger(__name__)

#: The portal's answer to an insert whose IUD it holds: in a flow's SCARTI file, and from paaSILImportaDovuto.
DUPLICATE_IUD_CODES = frozenset({"PAA_IMPORT_IUD_DUPLICATO", "PAA_IUD_DUPLICATO"})


@dataclass(frozen=True)
class Recovered:
    debt_id: int
    iud: str
    state: str  # SUL_PORTALE (taken back with the portal's IUV) or PAGATO
    iuv: str
    message: str


class DuplicateRecovery(SyncServiceBase):
    """Debts whose insert the portal refused because it holds their IUD already."""

    def _recover_on_portal(self, client: MyPayClient, ente: EnteData, debt_ids: list[int]) -> dict[int, Recovered]:
        """Take back what the portal holds of ``debt_ids`` (their inserts refused with DUPLICATE_IUD_CODES):
        written to the debts; returns those taken, by debt id."""
        ids = debt_ids[: self.paid_check_limit]
        with self.ws.db.session() as s:
            rows = {r["id"]: r for r in repo.sync_rows_by_ids(s, ids)}
        by_debtor: dict[tuple[str, str], list[tuple[int, DebtRecord]]] = {}
        for debt_id in ids:
            row = rows.get(debt_id)
            if row is None or row["state"] in PAID_STATES:
                continue
            rec = record_from_row(row)
            if rec.debtor_code:
                by_debtor.setdefault((rec.debtor_type, rec.debtor_code.upper()), []).append((debt_id, rec))
        out: dict[int, Recovered] = {}
        try:
            for items in by_debtor.values():
                held = self._held_iuvs(client, items[0][1])
                for debt_id, rec in items:
                    iuv = held.get(rec.iud)
                    if iuv and (not rec.iuv or rec.iuv == iuv):
                        out[debt_id] = Recovered(
                            debt_id, rec.iud, "SUL_PORTALE", iuv,
                            f"il portale aveva già il dovuto (da un invio precedente): ripreso con lo IUV {iuv}, "
                            "la versione della lista partirà con il prossimo invio come modifica")
                    elif iuv is None and (paid := self._paid_by_debtor(client, rec)) is not None:
                        out[debt_id] = Recovered(debt_id, rec.iud, "PAGATO", rec.iuv, paid)
        except PortalError as exc:  # transient: the portal is struggling; what was found so far is kept
            log.info("check of IUDs already on the portal interrupted: %s", exc)
        self._write_recovered(ente, list(out.values()), rows)
        return out

    @staticmethod
    def _held_iuvs(client: MyPayClient, rec: DebtRecord) -> dict[str, str]:
        """IUD -> IUV of the debtor's open positions with this Ente ({} when the portal cannot say)."""
        try:
            positions = client.chiedi_posizioni_aperte(rec.debtor_type, rec.debtor_code)
        except PortalError as exc:
            if exc.transient:
                raise
            log.info("open positions of a debtor not available: %s", exc)
            return {}
        held: dict[str, str] = {}
        for pos in positions:
            if pos.cod_ipa and pos.cod_ipa != client.cod_ipa:
                continue
            for item in pos.dovuti.items:
                held.setdefault(item.iud, pos.dovuti.iuv)
        return held

    def _paid_by_debtor(self, client: MyPayClient, rec: DebtRecord) -> str | None:
        """The message for a debt the portal holds paid by this same debtor, else None."""
        try:
            info = client.chiedi_pagati_con_ricevuta(iud=rec.iud)
        except PortalError as exc:
            if exc.transient:
                raise
            return None
        payer = info.pagati.payer if info.pagati is not None else None
        if not info.paid or payer is None or payer.code.upper() != rec.debtor_code.upper():
            return None  # (an IUD another debtor's debt uses: not this debt's payment)
        return self._paid_message(info, "I")

    def _write_recovered(self, ente: EnteData, found: list[Recovered], rows: dict[int, dict]) -> None:
        paid = [(r.debt_id, "PAGATO_SUL_PORTALE", r.message) for r in found if r.state == "PAGATO"]
        if paid:
            self._mark_paid(paid)
        now = utcnow()
        updates = []
        for r in found:
            if r.state == "PAGATO":
                continue
            upd = {"b_id": r.debt_id, "state": "SUL_PORTALE", "portal_state": PORTAL_OPEN_STATE,
                   "portal_hash": UNKNOWN_PORTAL_CONTENT, "portal_error_code": "", "portal_error_message": "",
                   # (no acceptance time: the list's version was never accepted, so the debt counts as pending
                   # wherever only debts written since their acceptance are looked at: UNSYNCED_ON_PORTAL)
                   "sending_flow_id": None, "portal_accepted_at": None, "updated_at": now,
                   "notice_number": notice_number_for(r.iuv, ente.application_code)}
            if r.iuv != (rows[r.debt_id]["iuv"] or ""):
                upd.update(iuv=r.iuv, generate_iuv=False, iuv_assigned_at=now)
            updates.append(upd)
        if updates:
            with self.ws.db.session() as s:
                repo.update_debts(s, updates)

def unchecked_note(limit: int) -> str:
    """The note on an insert refused for its IUD that this outcome did not look for on the portal."""
    return (f"non cercato sul portale (oltre i primi {limit} del flusso): per riprenderlo invialo di nuovo con "
            "«Reinvia anche i dovuti rifiutati e non modificati»")
