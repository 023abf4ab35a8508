"""Cancelling debts and giving valid debts an IUV of the Ente (so notices print before sending)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from mypay_desk.domain.codes import notice_number_for
from mypay_desk.domain.debt_states import (
    DebtState,
    state_label,
)
from mypay_desk.services.errors import NotFoundError
from mypay_desk.services.lists.common import (
    ListRef,
    ListServiceBase,
    record_of,
    sticky_errors,
)
from mypay_desk.store import locks
from mypay_desk.store.repositories import debts as repo


@dataclass
class CancelResult:
    cancelled: int = 0  # became ANNULLATO locally (the portal never had them)
    pending: int = 0  # now waiting for an A in the next flow
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (iud, reason)

    def to_dict(self) -> dict[str, Any]:
        return {"cancelled": self.cancelled, "pending": self.pending,
                "skipped": [{"iud": i, "reason": r} for i, r in self.skipped]}


@dataclass
class AssignResult:
    assigned: list[tuple[str, str, str]] = field(default_factory=list)  # (iud, iuv, notice_number)

    def to_dict(self, list_name: str) -> dict[str, Any]:
        return {"list": list_name, "assigned": len(self.assigned),
                "debts": [{"iud": i, "iuv": v, "notice_number": n} for i, v, n in self.assigned]}


class Cancelling(ListServiceBase):
    """Cancelling debts (pending A on the portal) and IUVs of the Ente for offline printing."""

    # --- cancellation ----------------------------------------------------------------------------
    def cancel_debts(self, target: ListRef | Sequence[int], iuds: Sequence[str] | None = None) -> CancelResult:
        """Cancel debts: ``cancel_debts(debt_ids)`` or ``cancel_debts(list_ref, iuds)``.

        A debt the portal holds gets a pending A (it stays SUL_PORTALE until the flow is accepted); one
        the portal never had becomes ANNULLATO at once. Instalments follow their debt. Paid debts are
        skipped with the reason. Unknown IUDs refuse the whole request.
        """
        ente = self._ente()
        result = CancelResult()
        with self.ws.db.session(lock=locks.debts(ente.id)) as s:
            if iuds is None:
                ids = [int(i) for i in target]  # type: ignore[union-attr]
                rows = repo.debts_by_ids(s, ids)
                if len(rows) != len(set(ids)):
                    found = {d["id"] for d in rows}
                    raise NotFoundError(f"Dovuti non trovati: {', '.join(str(i) for i in ids if i not in found)}")
                list_id = rows[0]["list_id"] if rows else None
            else:
                lst = self._resolve(s, ente.id, target)  # type: ignore[arg-type]
                list_id = lst.id
                wanted = [i.strip() for i in iuds if i and i.strip()]
                by_iud = repo.ids_of_list(s, lst.id, wanted)
                unknown = [i for i in wanted if i not in by_iud]
                if unknown:
                    raise NotFoundError(f"IUD non presenti nella lista «{lst.name}»: {', '.join(unknown)}", field="iud")
                rows = repo.debts_by_ids(s, [by_iud[i] for i in dict.fromkeys(wanted)])
            kids = repo.children_of(s, [d["id"] for d in rows if d["parent_id"] is None])
            seen: set[int] = set()
            updates = []
            for d in [*rows, *kids]:
                if d["id"] in seen:
                    continue
                seen.add(d["id"])
                is_child = d["parent_id"] is not None and d not in rows
                if d["state"] == DebtState.ANNULLATO or d["cancel_requested"]:
                    continue
                if d["state"] in (DebtState.PAGATO, DebtState.PAGATO_PARZIALE):
                    if not is_child:
                        result.skipped.append((d["iud"], f"{state_label(d['state']).lower()}: non si può annullare"))
                    continue
                if d["state"] == DebtState.IN_INVIO or d["sending_flow_id"] is not None:
                    result.skipped.append((d["iud"], "in invio al portale: riprova a invio concluso"))
                    continue
                if d["portal_hash"]:
                    updates.append({"id": d["id"], "cancel_requested": True})
                    result.pending += 1
                else:
                    updates.append({"id": d["id"], "cancel_requested": True, "state": DebtState.ANNULLATO})
                    result.cancelled += 1
            repo.update_debts(s, updates)
        self.ws.audit("lists.cancel", ente_id=ente.id, entity="debt_list", entity_id=list_id,
                      details={"cancelled": result.cancelled, "pending": result.pending,
                               "skipped": len(result.skipped)})
        return result

    def uncancel_debts(self, debt_ids: Sequence[int]) -> int:
        """Undo cancellations not sent yet: a pending A is dropped; a local ANNULLATO becomes NUOVO again."""
        ente = self._ente()
        with self.ws.db.session(lock=locks.debts(ente.id)) as s:
            rows = repo.debts_by_ids(s, list(debt_ids))
            rows += repo.children_of(s, [d["id"] for d in rows if d["parent_id"] is None])
            updates = []
            for d in rows:
                if not d["cancel_requested"] or d["sending_flow_id"] is not None:
                    continue
                if d["state"] == DebtState.ANNULLATO and d["portal_hash"]:
                    continue  # the portal already cancelled it
                upd = {"id": d["id"], "cancel_requested": False}
                if d["state"] == DebtState.ANNULLATO:
                    upd["state"] = DebtState.NUOVO
                updates.append(upd)
            repo.update_debts(s, updates)
        return len(updates)

    # --- IUVs ------------------------------------------------------------------------------------
    def assign_iuvs(self, list_ref: ListRef) -> AssignResult:
        """Give valid debts without an IUV (never sent) an IUV17 of the Ente, so notices can be printed
        before sending; the next flow carries it as codIuv."""
        ente = self._ente()
        rules = self._rules(ente)
        with self.ws.db.session() as s:
            lst = self._resolve(s, ente.id, list_ref)
            list_id = lst.id
            n = len(repo.without_iuv(s, list_id))
        if n == 0:
            return AssignResult()
        iuvs = self.ws.codes.allocate_iuvs(n, ente.id)  # own transaction: a progressive is never reused
        result = AssignResult()
        now = datetime.now(UTC).replace(tzinfo=None)
        with self.ws.db.session(lock=locks.debts(ente.id)) as s:
            rows = repo.without_iuv(s, list_id)[: len(iuvs)]
            updates = []
            for d, iuv in zip(rows, iuvs, strict=False):
                rec = record_of(d)
                rec.iuv, rec.generate_iuv = iuv, False
                notice = notice_number_for(iuv)
                valid, errs = rules.stored_errors(rec, False, sticky=sticky_errors(d["errors_json"]))
                updates.append({"id": d["id"], "iuv": iuv, "generate_iuv": False, "notice_number": notice,
                                "iuv_assigned_at": now, "is_valid": valid, "errors_json": errs})
                result.assigned.append((d["iud"], iuv, notice))
            repo.update_debts(s, updates)
        self.ws.audit("lists.assign_iuv", ente_id=ente.id, entity="debt_list", entity_id=list_id,
                      details={"count": len(result.assigned)})
        return result

