"""The Ente, its tipi dovuto, and which Ente is current at this desk."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from mypay_desk.domain.ente import DebtTypeData, EnteData, validate_debt_type, validate_ente
from mypay_desk.domain.identity import normalize
from mypay_desk.services.errors import NotFoundError, UserError
from mypay_desk.services.workspace import load_preferences, save_preference
from mypay_desk.store import locks
from mypay_desk.store.repositories import ente as repo

if TYPE_CHECKING:  # pragma: no cover
    from mypay_desk.services.workspace import Workspace

# The current Ente is a choice of each desk (the workspace folder's preferences.json). Before desks,
# it was a row of the database (workspace_setting): a desk that has no choice of its own yet takes that
# row's value once, so an existing install keeps its Ente; the row is no longer written.
CURRENT_ENTE_PREFERENCE = "current_ente"
CURRENT_ENTE_KEY = "current_ente_ipa"


class EnteService:
    def __init__(self, ws: Workspace):
        self.ws = ws

    # --- Ente ------------------------------------------------------------------------------
    def list(self) -> list[EnteData]:
        with self.ws.db.session() as s:
            return [repo.to_data(r) for r in repo.list_enti(s)]

    def current(self) -> EnteData | None:
        """The Ente this desk works on: the one chosen last here, else the only/first one."""
        chosen = load_preferences(self.ws.path).get(CURRENT_ENTE_PREFERENCE)
        adopt = not isinstance(chosen, str)
        with self.ws.db.session() as s:
            ipa = repo.get_setting(s, CURRENT_ENTE_KEY) if adopt else chosen
            row = repo.get_by_ipa(s, ipa) if ipa else None
            if row is None:
                rows = repo.list_enti(s)
                row = rows[0] if rows else None
            current = repo.to_data(row) if row else None
        if adopt and ipa:
            self._remember(ipa)
        return current

    def require_current(self) -> EnteData:
        ente = self.current()
        if ente is None:
            raise UserError("Nessun Ente configurato: usa «mypay-desk ente set» o la configurazione guidata")
        return ente

    def set_current(self, ipa_code: str) -> None:
        """Make ``ipa_code`` the Ente of this desk (the other desks of a shared database keep theirs)."""
        with self.ws.db.session() as s:
            if repo.get_by_ipa(s, ipa_code) is None:
                raise NotFoundError(f"Ente «{ipa_code}» non presente in questo spazio di lavoro")
        self._remember(ipa_code)

    def _remember(self, ipa_code: str) -> None:
        try:
            save_preference(self.ws.path, CURRENT_ENTE_PREFERENCE, ipa_code)
        except OSError as exc:
            raise UserError(f"Non riesco a salvare l'Ente corrente in {self.ws.path}: {exc}") from exc

    def get(self, ipa_code: str) -> EnteData:
        with self.ws.db.session() as s:
            row = repo.get_by_ipa(s, ipa_code)
            if row is None:
                raise NotFoundError(f"Ente «{ipa_code}» non presente in questo spazio di lavoro")
            return repo.to_data(row)

    def get_by_id(self, ente_id: int) -> EnteData:
        with self.ws.db.session() as s:
            row = repo.get(s, ente_id)
            if row is None:
                raise NotFoundError(f"Ente {ente_id} non trovato")
            return repo.to_data(row)

    @staticmethod
    def prepare(data: EnteData) -> EnteData:
        """The Ente's data as :meth:`save` would store them (trimmed, normalised), or a UserError naming
        the first wrong field. Writes nothing: a caller can check before changing anything else."""
        data = replace(
            data,
            ipa_code=data.ipa_code.strip(),
            fiscal_code=normalize(data.fiscal_code),
            name=data.name.strip(),
            cbill=data.cbill.strip().upper(),
            segregation_code=data.segregation_code.strip(),
            portal_url=(data.portal_url or "").strip().rstrip("/"),
        )
        report = validate_ente(data)
        if not report.ok:
            raise UserError("; ".join(e.message for e in report.errors), field=report.errors[0].field)
        if data.portal_url:
            from mypay_desk.services.portal import check_portal_url

            check_portal_url(data.portal_url)
        return data

    def save(self, data: EnteData, make_current: bool = True) -> EnteData:
        data = self.prepare(data)
        with self.ws.db.session(lock=locks.ROWS) as s:  # read, then write: a write from BEGIN
            saved = repo.to_data(repo.upsert(s, data))
        if make_current:
            self._remember(saved.ipa_code)
        self.ws.audit("ente.save", ente_id=saved.id, entity="ente", entity_id=saved.id,
                      details={"ipa_code": saved.ipa_code})
        return saved

    # --- tipi dovuto ---------------------------------------------------------------------------
    def types(self, ente_id: int | None = None, only_active: bool = False) -> list[DebtTypeData]:
        ente_id = ente_id or self.require_current().id
        with self.ws.db.session() as s:
            return [repo.type_to_data(r) for r in repo.list_types(s, ente_id, only_active)]

    def get_type(self, code: str, ente_id: int | None = None) -> DebtTypeData | None:
        ente_id = ente_id or self.require_current().id
        with self.ws.db.session() as s:
            row = repo.get_type(s, ente_id, code)
            return repo.type_to_data(row) if row else None

    def save_type(self, data: DebtTypeData, ente_id: int | None = None) -> DebtTypeData:
        ente_id = ente_id or self.require_current().id
        data = replace(data, code=data.code.strip(), iban=data.iban.replace(" ", "").upper())
        report = validate_debt_type(data)
        if not report.ok:
            raise UserError("; ".join(e.message for e in report.errors), field=report.errors[0].field)
        with self.ws.db.session(lock=locks.ROWS) as s:  # read, then write: a write from BEGIN
            saved = repo.type_to_data(repo.upsert_type(s, ente_id, data))
        self.ws.audit("types.save", ente_id=ente_id, entity="debt_type", entity_id=saved.id,
                      details={"code": saved.code})
        return saved

    def delete_type(self, code: str, ente_id: int | None = None) -> None:
        ente_id = ente_id or self.require_current().id
        with self.ws.db.session(lock=locks.ROWS) as s:  # read, then write: a write from BEGIN
            if not repo.delete_type(s, ente_id, code):
                raise NotFoundError(f"Tipo dovuto «{code}» non trovato")
        self.ws.audit("types.delete", ente_id=ente_id, entity="debt_type", details={"code": code})
