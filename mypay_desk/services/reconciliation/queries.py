"""Reading the results: summary per code, pages of results, detail, operator notes and "risolto" marks."""

from __future__ import annotations

from typing import Any

from mypay_desk.domain import reconciliation as rules
from mypay_desk.services.errors import NotFoundError
from mypay_desk.services.reconciliation.views import (
    EXPLANATIONS,
    CodeSummary,
    ReconciliationServiceBase,
    ResultDetail,
    ResultItem,
    debt_view,
    fdr_view,
    receipt_view,
    result_item,
    result_item_from_row,
    treasury_view,
)
from mypay_desk.store.repositories import reconciliation as repo


class ReconciliationQueries(ReconciliationServiceBase):
    """The drill-down of the Riconciliazione page and ``reconcile list/show/note/resolve``."""

    # --- queries -----------------------------------------------------------------------------
    def summary(self, *, ente_id: int | None = None) -> list[CodeSummary]:
        """Count and amount per code, in MyPivot's order; every code the Ente's flags enable is listed."""
        ente = self._ente(ente_id)
        flags = self.flags(ente.id)
        with self.ws.db.session() as s:
            stored = {code: (n, cents, res) for code, n, cents, res in repo.summary(s, ente.id)}
        out = []
        for code in rules.ALL_CODES:
            if code not in flags.enabled() and code not in stored:
                continue
            n, cents, res = stored.get(code, (0, 0, 0))
            out.append(CodeSummary(code, rules.label(code), n, cents, res, code in rules.ANOMALY_CODES))
        return out

    def summary_json(self, *, ente_id: int | None = None) -> dict[str, Any]:
        return {"codes": {c.code: {"count": c.count, "amount_cents": c.amount_cents, "label": c.label,
                                   "resolved": c.resolved}
                          for c in self.summary(ente_id=ente_id)}}

    def count(self, code: str | None = None, *, search: str = "", only_open: bool = False,
              ente_id: int | None = None) -> int:
        ente = self._ente(ente_id)
        with self.ws.db.session() as s:
            return repo.count_results(s, ente.id, code, search, only_open)

    def results(self, code: str | None = None, *, offset: int = 0, limit: int = 200, search: str = "",
                only_open: bool = False, ente_id: int | None = None) -> list[ResultItem]:
        ente = self._ente(ente_id)
        with self.ws.db.session() as s:
            rows = repo.list_results(s, ente.id, code, offset, limit, search, only_open)
        return [result_item(r) for r in rows]

    def detail(self, result_id: int, *, ente_id: int | None = None) -> ResultDetail:
        """The result with its debt, receipt, FdR line and treasury movement side by side."""
        ente = self._ente(ente_id)
        with self.ws.db.session() as s:
            row = repo.get_result(s, ente.id, result_id)
            if row is None:
                raise NotFoundError(f"Risultato {result_id} non trovato")
            items = repo.list_results(s, ente.id, row.code, 0, 1, result_id=result_id)
            item = result_item(items[0]) if items else result_item_from_row(row)
            records = [
                debt_view(repo.debt_record(s, row.debt_id), row.debt_id),
                receipt_view(repo.receipt_record(s, row.receipt_id), row.receipt_id),
                fdr_view(s, ente.id, row),
                treasury_view(s, ente.id, row),
            ]
        return ResultDetail(item=item, records=records, explanation=EXPLANATIONS.get(item.code, ""))

    def set_note(self, result_id: int, note: str, *, ente_id: int | None = None) -> None:
        ente = self._ente(ente_id)
        with self.ws.db.session() as s:
            if not repo.set_note(s, ente.id, result_id, note.strip()):
                raise NotFoundError(f"Risultato {result_id} non trovato")
        self.ws.audit("reconcile.note", ente_id=ente.id, entity="reconciliation_result", entity_id=result_id,
                      details={"note": note.strip()[:200]})

    def mark_resolved(self, result_id: int, who: str | None = None, *, resolved: bool = True,
                      ente_id: int | None = None) -> None:
        ente = self._ente(ente_id)
        who = (who or self.ws.user or "").strip() or "utente"
        with self.ws.db.session() as s:
            if not repo.set_resolved(s, ente.id, result_id, resolved, who):
                raise NotFoundError(f"Risultato {result_id} non trovato")
        self.ws.audit("reconcile.resolved" if resolved else "reconcile.reopened", ente_id=ente.id,
                      entity="reconciliation_result", entity_id=result_id, details={"by": who})

