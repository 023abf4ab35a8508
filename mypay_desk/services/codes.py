"""IUV allocation for the Ente, and code checks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mypay_desk.domain import codes
from mypay_desk.services.errors import UserError
from mypay_desk.store import locks
from mypay_desk.store.repositories import ente as repo

if TYPE_CHECKING:  # pragma: no cover
    from mypay_desk.services.workspace import Workspace


class CodesService:
    def __init__(self, ws: Workspace):
        self.ws = ws

    def check(self, text: str) -> codes.CodeCheck:
        try:
            return codes.check_code(text)
        except codes.CodeError as exc:
            raise UserError(str(exc), field="codice") from exc

    def allocate_iuvs(self, count: int, ente_id: int | None = None) -> list[str]:
        """Reserve ``count`` new IUV17s of the Ente. The counter moves inside a write-locked
        transaction, so two processes never get the same progressive, and a progressive is never reused.
        """
        if count < 1:
            raise UserError("Il numero di IUV da generare deve essere almeno 1", field="count")
        ente = self.ws.ente.get_by_id(ente_id) if ente_id else self.ws.ente.require_current()
        if not ente.segregation_code:
            raise UserError("Imposta il codice di segregazione dell'Ente per generare IUV", field="segregation_code")
        with self.ws.db.session(lock=locks.ROWS) as s:
            first = repo.allocate_iuv_progressives(s, ente.id, count)
        return [codes.iuv17_for_ente(ente.segregation_code, first + i) for i in range(count)]
