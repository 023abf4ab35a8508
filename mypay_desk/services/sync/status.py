"""Status of the exchanges: flows sent, their rows, pending changes per list, last receipts."""

from __future__ import annotations

from mypay_desk.services.errors import NotFoundError, UserError
from mypay_desk.services.sync.common import (
    SyncServiceBase,
)
from mypay_desk.services.sync.views import (
    FLOW_STATE_LABELS,
    DeskDebt,
    FlowInfo,
    FlowRowInfo,
    ListPending,
    PushReport,
    SyncStatus,
)
from mypay_desk.store.repositories import portal as repo


class SyncStatusQueries(SyncServiceBase):
    """``sync status`` and the Portale page's tables."""

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

