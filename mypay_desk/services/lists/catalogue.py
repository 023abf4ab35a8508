"""Debt lists as a catalogue: summaries, create, update, rename, delete, and reading their debts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mypay_desk.domain.debt_states import (
    DebtState,
    pending_action,
)
from mypay_desk.domain.debts import (
    DebtRow,
    flow_hash,
)
from mypay_desk.services.errors import NotFoundError, UserError
from mypay_desk.services.lists.common import (
    ListRef,
    ListServiceBase,
    record_of,
    row_of,
)
from mypay_desk.store import locks
from mypay_desk.store.repositories import debts as repo
from mypay_desk.store.repositories import list_tallies
from mypay_desk.store.repositories import portal as portal_repo
from mypay_desk.store.repositories.list_tallies import Bucket


@dataclass
class ListSummary:
    id: int
    name: str
    default_debt_type: str
    description: str
    counts: dict[str, int]  # top-level debts by state
    total_count: int
    total_cents: int  # top-level debts that are not cancelled
    invalid_count: int
    pending_count: int  # I + M + A (valid rows)
    sent: bool
    created_at: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "default_debt_type": self.default_debt_type,
                "description": self.description, "debts": self.total_count, "counts": self.counts,
                "total_cents": self.total_cents, "invalid": self.invalid_count, "pending": self.pending_count,
                "sent": self.sent}


_NOT_COUNTED_INVALID = (DebtState.ANNULLATO, DebtState.PAGATO)  # errors of a cancelled or paid debt no longer matter


class ListCatalogue(ListServiceBase):
    """Lists: summaries, create, rename, delete; reading their debts."""

    # --- lists -----------------------------------------------------------------------------------
    def lists(self) -> list[ListSummary]:
        ente = self._ente()
        with self.ws.db.session() as s:
            rows = repo.list_lists(s, ente.id)
            tallies = list_tallies.list_tallies(s, ente.id)
            with_flows = list_tallies.lists_with_flows(s, ente.id)
            return [self._summary(s, r, tallies.get(r.id, []), r.id in with_flows) for r in rows]

    def counts_are_cheap(self) -> bool:
        """Whether lists() reads a tally kept by the database (milliseconds whatever the size) rather
        than grouping every debt."""
        with self.ws.db.session() as s:
            return list_tallies.tallies_maintained(s)

    def summary(self, list_ref: ListRef) -> ListSummary:
        ente = self._ente()
        with self.ws.db.session() as s:
            row = self._resolve(s, ente.id, list_ref)
            buckets = list_tallies.list_tallies(s, ente.id, row.id).get(row.id, [])
            return self._summary(s, row, buckets, row.id in list_tallies.lists_with_flows(s, ente.id))

    def _summary(self, s, row, buckets: list[Bucket], has_flows: bool) -> ListSummary:
        """A list's summary from its tally buckets (see store.repositories.list_tallies)."""
        counts: dict[str, int] = {}
        total_cents = invalid = plain_new = rejected_new = 0
        sent = has_flows
        for b in buckets:
            if b.top_level:
                counts[b.state] = counts.get(b.state, 0) + b.debts
                if b.state != DebtState.ANNULLATO:
                    total_cents += b.amount_cents
            if not b.is_valid and b.state not in _NOT_COUNTED_INVALID:
                invalid += b.debts
            # valid, never accepted nor rejected, not cancelled: each is a pending I without looking at it
            # (a rejected insert counts only once changed since: _pending_checked)
            if b.is_valid and not b.on_portal and not b.cancel_requested:
                if b.state == DebtState.NUOVO:
                    plain_new += b.debts
                elif b.state == DebtState.RIFIUTATO:
                    rejected_new += b.debts
            sent = sent or b.on_portal or b.in_flight or b.state in repo.SENT_STATES
        return ListSummary(id=row.id, name=row.name, default_debt_type=row.default_debt_type,
                           description=row.description, counts=counts, total_count=sum(counts.values()),
                           total_cents=total_cents, invalid_count=invalid,
                           pending_count=plain_new + self._pending_checked(s, row.id, rejected_new), sent=sent,
                           created_at=row.created_at)

    def _pending_checked(self, s, list_id: int, rejected_new: int) -> int:
        """Pending rows that need a look, by the sync's own rule (the status bar counts the same): valid
        debts the portal holds with a pending M or A, and rejected inserts; a debt the portal rejected
        counts only once changed since. Only rows touched since the portal accepted them are hashed
        (the others cannot differ), and rejected inserts are looked for only when the tally holds some
        (``rejected_new``: SQLite's planner scans the whole list for them), so this stays cheap on big lists."""
        candidates = repo.pending_candidates(s, list_id)
        if rejected_new:
            candidates += repo.rejected_insert_candidates(s, list_id)
        rejected = portal_repo.last_rejected_hashes(
            s, [d["id"] for d in candidates if d["state"] == DebtState.RIFIUTATO])
        n = 0
        for d in candidates:
            h = flow_hash(record_of(d))
            if pending_action(d["state"], d["cancel_requested"], d["portal_hash"], h) is None:
                continue
            if d["state"] == DebtState.RIFIUTATO and rejected.get(d["id"]) == h:
                continue  # unchanged since the portal refused it: the sync leaves it out
            n += 1
        return n

    def create_list(self, name: str, default_debt_type: str = "", description: str = "") -> ListSummary:
        ente = self._ente()
        name = self._check_name(name)
        default_debt_type = default_debt_type.strip()
        if default_debt_type and self.ws.ente.get_type(default_debt_type, ente.id) is None:
            raise UserError(f"Tipo dovuto «{default_debt_type}» non configurato per l'Ente", field="tipo")
        with self.ws.db.session(lock=locks.debts(ente.id)) as s:
            if repo.get_list(s, ente.id, name) is not None:
                raise UserError(f"Esiste già una lista chiamata «{name}»", field="nome")
            row = repo.create_list(s, ente.id, name, default_debt_type, description)
            list_id = row.id
        self.ws.audit("lists.create", ente_id=ente.id, entity="debt_list", entity_id=list_id,
                      details={"name": name})
        return self.summary(list_id)

    def update_list(self, list_ref: ListRef, *, name: str | None = None, default_debt_type: str | None = None,
                    description: str | None = None) -> ListSummary:
        ente = self._ente()
        with self.ws.db.session(lock=locks.debts(ente.id)) as s:
            row = self._resolve(s, ente.id, list_ref)
            old = row.name
            if name is not None:
                name = self._check_name(name)
                other = repo.get_list(s, ente.id, name)
                if other is not None and other.id != row.id:
                    raise UserError(f"Esiste già una lista chiamata «{name}»", field="nome")
                row.name = name
            if default_debt_type is not None:
                code = default_debt_type.strip()
                if code and self.ws.ente.get_type(code, ente.id) is None:
                    raise UserError(f"Tipo dovuto «{code}» non configurato per l'Ente", field="tipo")
                row.default_debt_type = code
            if description is not None:
                row.description = description
            list_id = row.id
        self.ws.audit("lists.update", ente_id=ente.id, entity="debt_list", entity_id=list_id,
                      details={"name": old, "new_name": name, "default_debt_type": default_debt_type})
        return self.summary(list_id)

    def rename_list(self, list_ref: ListRef, new_name: str) -> ListSummary:
        return self.update_list(list_ref, name=new_name)

    def delete_list(self, list_ref: ListRef) -> None:
        ente = self._ente()
        with self.ws.db.session(lock=locks.debts(ente.id)) as s:
            row = self._resolve(s, ente.id, list_ref)
            if repo.was_sent(s, row.id):
                raise UserError(f"La lista «{row.name}» non si può eliminare: alcuni suoi dovuti sono già stati "
                                "inviati al portale. Annulla i dovuti che non servono più.", field="lista")
            name, list_id, n = row.name, row.id, repo.count_debts(s, row.id, top_level=False)
            repo.delete_list(s, list_id)
        self.ws.audit("lists.delete", ente_id=ente.id, entity="debt_list", entity_id=list_id,
                      details={"name": name, "debts": n})

    # --- reading debts ---------------------------------------------------------------------------
    def get_debts(self, list_ref: ListRef, offset: int = 0, limit: int | None = None, *,
                  include_instalments: bool = False) -> list[DebtRow]:
        """Top-level debts of a list in order (``include_instalments``: each followed by its rate)."""
        ente = self._ente()
        with self.ws.db.session() as s:
            lst = self._resolve(s, ente.id, list_ref)
            top = repo.debts_of_list(s, lst.id, top_level=True, offset=offset, limit=limit)
            kids = repo.children_of(s, [d["id"] for d in top])
        by_parent: dict[int, list[dict]] = {}
        for k in kids:
            by_parent.setdefault(k["parent_id"], []).append(k)
        out: list[DebtRow] = []
        for d in top:
            row = row_of(d)
            row.instalment_count = len(by_parent.get(d["id"], ()))
            out.append(row)
            if include_instalments:
                out.extend(row_of(k) for k in by_parent.get(d["id"], ()))
        return out

    def get_debt(self, debt_id: int) -> DebtRow:
        with self.ws.db.session() as s:
            got = repo.debts_by_ids(s, [debt_id])
            if not got:
                raise NotFoundError(f"Dovuto {debt_id} non trovato")
            row = row_of(got[0])
            row.instalment_count = len(repo.children_of(s, [debt_id]))
            return row

    def instalments(self, debt_id: int) -> list[DebtRow]:
        with self.ws.db.session() as s:
            return [row_of(d) for d in repo.children_of(s, [debt_id])]

    def pending_changes(self, list_ref: ListRef, *, only_valid: bool = False) -> list[DebtRow]:
        """Debts of the list (instalments included) that the next flow must carry, with ``pending``."""
        ente = self._ente()
        with self.ws.db.session() as s:
            lst = self._resolve(s, ente.id, list_ref)
            rows = repo.debts_of_list(s, lst.id)
        out = []
        for d in rows:
            if only_valid and not d["is_valid"]:
                continue
            row = row_of(d)
            if row.pending:
                out.append(row)
        return out

