"""What a notice would print that the portal does not hold yet: amount or due date changed and not sent.

A notice printed from such a debt asks the citizen for an amount, or by a date, the portal does not
know: the payment may be refused or differ. The portal's copy is the record of the last flow it
accepted for the debt (flows are kept with their ZIP), compared with the debt as it is now.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from mypay_desk.domain.debt_states import pending_action
from mypay_desk.domain.debts import flow_hash
from mypay_desk.formats import import_flow
from mypay_desk.services.lists.common import record_of
from mypay_desk.store.repositories import debts as debts_repo
from mypay_desk.store.repositories import portal as portal_repo

if TYPE_CHECKING:  # pragma: no cover
    from mypay_desk.services.workspace import Workspace

MAX_FLOWS = 500  # how far back the portal's copy is looked for
PRINTED_FIELDS = ("amount_cents", "due_date")


@dataclass(frozen=True)
class UnsentChange:
    iud: str
    field: str  # "amount_cents" | "due_date"; "" when the portal's copy is not known (sent another way)
    on_portal: int | date | None = None
    local: int | date | None = None


def unsent_notice_changes(ws: Workspace, *, list_name: str | None = None,
                          debt_ids: Sequence[int] | None = None) -> list[UnsentChange]:
    """Debts to print (a list, or some debts and their instalments) whose amount or due date differs
    from what the portal last accepted."""
    ente = ws.ente.require_current()
    with ws.db.session() as s:
        if debt_ids is not None:
            rows = debts_repo.debts_by_ids(s, debt_ids)
            rows += debts_repo.children_of(s, [r["id"] for r in rows])
        else:
            lst = debts_repo.get_list(s, ente.id, list_name or "")
            rows = debts_repo.pending_candidates(s, lst.id) if lst is not None else []
        changed = [r for r in rows if r.get("portal_hash") and not r.get("cancel_requested")
                   and pending_action(r["state"], False, r["portal_hash"], flow_hash(record_of(r))) == "M"]
        if not changed:
            return []
        wanted = {r["id"] for r in changed}
        flow_of: dict[int, int] = {}
        for flow, _name in portal_repo.list_flows(s, ente.id, limit=MAX_FLOWS):
            for row in portal_repo.flow_rows(s, flow.id, outcome="ACCEPTED"):
                if row.debt_id in wanted and row.debt_id not in flow_of:
                    flow_of[row.debt_id] = flow.id
            if len(flow_of) == len(wanted):
                break
        sent: dict[int, dict] = {}
        for flow_id in set(flow_of.values()):
            f = portal_repo.get_flow(s, flow_id)
            _version, records, _errors = import_flow.read_flow(f.zip_data or b"", name=f.file_name)
            sent[flow_id] = {rec.iud: rec for rec in records}
    out: list[UnsentChange] = []
    for r in changed:
        portal_copy = sent.get(flow_of.get(r["id"], -1), {}).get(r["iud"])
        if portal_copy is None:
            out.append(UnsentChange(r["iud"], ""))
            continue
        for name in PRINTED_FIELDS:
            if getattr(portal_copy, name) != r[name]:
                out.append(UnsentChange(r["iud"], name, getattr(portal_copy, name), r[name]))
    return out
