"""The audit log as the office reads it: who (user and desk) did what, when, on which list.

``ids(filter)`` gives the matching lines newest first (a packed array, so a lazy table holds years of
them); ``entries(ids)`` the lines to show. Times are stored in UTC and shown in the desk's local time;
a filter's dates are local days.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from mypay_desk.domain.money import format_amount
from mypay_desk.services.conflicts import field_label
from mypay_desk.services.errors import NotFoundError, UserError
from mypay_desk.store.repositories import audit as repo
from mypay_desk.store.repositories import debts as debts_repo

if TYPE_CHECKING:  # pragma: no cover
    from mypay_desk.services.workspace import Workspace

#: What each action was, in the office's words (actions not listed show their code).
ACTION_LABELS = {
    "backup.create": "Copia di sicurezza",
    "backup.restore": "Ripristino di una copia",
    "demo.activity": "Attività dimostrativa",
    "demo.create": "Ente dimostrativo creato",
    "ente.save": "Dati dell'Ente salvati",
    "lists.add_debts": "Dovuti aggiunti",
    "lists.assign_iuv": "IUV assegnati",
    "lists.cancel": "Dovuti annullati",
    "lists.create": "Lista creata",
    "lists.delete": "Lista eliminata",
    "lists.delete_debts": "Dovuti eliminati",
    "lists.export_flow": "Flusso esportato",
    "lists.export_xlsx": "Lista esportata in Excel",
    "lists.import": "Importazione nella lista",
    "lists.set_instalments": "Rate impostate",
    "lists.update": "Lista modificata",
    "lists.update_debts": "Dovuti modificati",
    "notices.print": "Avvisi stampati",
    "portal.password": "Password del portale salvata",
    "portal.password_file": "Password del portale da file",
    "receipts.import": "Ricevute importate",
    "reconcile.export": "Riconciliazione esportata",
    "reconcile.import": "File di riconciliazione importato",
    "reconcile.note": "Nota di riconciliazione",
    "reconcile.reopened": "Riconciliazione riaperta",
    "reconcile.resolved": "Riconciliazione chiusa",
    "reconcile.run": "Riconciliazione eseguita",
    "sync.flow": "Flusso preparato per il portale",
    "sync.outcome": "Esito del flusso applicato",
    "sync.payment": "Pagamento avviato allo sportello",
    "sync.single": "Dovuto inviato allo sportello",
    "types.delete": "Tipo dovuto eliminato",
    "types.save": "Tipo dovuto salvato",
}

_DETAIL_LABELS = {
    "count": "dovuti", "rows": "righe", "added": "aggiunti", "updated": "aggiornati", "invalid": "con errori",
    "cancelled": "annullati", "pending": "da inviare", "skipped": "saltati", "accepted": "accettati",
    "rejected": "scartati", "printed": "stampati", "new": "nuove", "matched": "abbinate", "I": "I", "M": "M",
    "A": "A", "receipts": "ricevute", "file": "file", "name": "nome", "new_name": "nuovo nome", "code": "codice",
    "iuf": "flusso", "fields": "campi", "errors": "errori", "format": "formato", "iud": "IUD", "list": "lista",
    "note": "nota", "by": "da", "inserted": "inseriti", "deleted": "rimossi", "keys": "chiavi esaminate",
    "incremental": "solo le novità", "seconds": "secondi", "steps": "passi", "duplicates": "già presenti",
    "debts_paid": "dovuti pagati", "rematched": "abbinate di nuovo", "unmatched": "senza dovuto",
    "already_imported": "file già importato", "errors_omitted": "altri errori", "with_receipt": "con ricevuta XML",
    "version": "versione", "ipa_code": "codice IPA", "path": "percorso", "safety_copy": "copia di sicurezza",
}

_SINGULAR = {"dovuti": "dovuto", "righe": "riga", "aggiunti": "aggiunto", "aggiornati": "aggiornato",
             "annullati": "annullato", "saltati": "saltato", "accettati": "accettato", "scartati": "scartato",
             "stampati": "stampato", "nuove": "nuova", "abbinate": "abbinata", "ricevute": "ricevuta",
             "errori": "errore", "inseriti": "inserito", "rimossi": "rimosso", "chiavi esaminate": "chiave esaminata",
             "secondi": "secondo", "passi": "passo", "dovuti pagati": "dovuto pagato",
             "abbinate di nuovo": "abbinata di nuovo", "altri errori": "altro errore"}


@dataclass(frozen=True)
class AuditFilter:
    """Empty fields do not filter. Dates are the desk's local days, both included."""

    user: str | None = None
    desk: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    list_id: int | None = None


@dataclass
class AuditEntry:
    id: int
    at: datetime  # the desk's local time
    user: str
    desk: str
    action: str
    action_label: str
    list_id: int | None
    list_name: str  # "" when about no list; the name in the line when the list is gone
    entity: str
    entity_id: int | None
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def summary(self) -> str:
        return describe(self.details)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at.isoformat(timespec="seconds"), "user": self.user, "desk": self.desk,
                "action": self.action, "label": self.action_label, "list_id": self.list_id,
                "list": self.list_name, "entity": self.entity, "entity_id": self.entity_id, "details": self.details}


def describe(details: dict[str, Any]) -> str:
    """The details of a line in a few words ("12 dovuti · campi: Importo, Scadenza"), in the office's
    words: keys the table does not know are shown as they are (and listed in _DETAIL_LABELS when met)."""
    parts = []
    for key, value in details.items():
        if value in (None, "", [], {}):
            continue
        label = _DETAIL_LABELS.get(key, key)
        if isinstance(value, bool):
            parts.append(f"{label}: {'sì' if value else 'no'}")
            continue
        if isinstance(value, list):
            shown = [field_label(v) if key == "fields" else v for v in value[:6]]
            text = ", ".join(str(v) for v in shown) + (" …" if len(value) > 6 else "")
        elif isinstance(value, dict):
            text = ", ".join(f"{k} {v}" for k, v in value.items())
        elif key.endswith("_cents") and isinstance(value, int):
            text = format_amount(value)
        elif isinstance(value, float):
            text = f"{value:.1f}".replace(".", ",")
        else:
            text = str(value)
        if isinstance(value, int | float):
            parts.append(f"{text} {_SINGULAR.get(label, label) if value == 1 else label}")
        else:
            parts.append(f"{label}: {text}")
    return " · ".join(parts)


def _utc(local: datetime) -> datetime:
    return local.astimezone(UTC).replace(tzinfo=None)


def _local(stamp: datetime) -> datetime:
    return stamp.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


class AuditService:
    def __init__(self, ws: Workspace):
        self.ws = ws

    def _ente_id(self) -> int | None:
        ente = self.ws.ente.current()
        return ente.id if ente else None

    def ids(self, flt: AuditFilter | None = None) -> array:
        """Ids of the lines of the current Ente (and of the workspace) that match, newest first."""
        flt = flt or AuditFilter()
        if flt.date_from and flt.date_to and flt.date_to < flt.date_from:
            raise UserError("La data finale è precedente a quella iniziale", field="date_to")
        start = _utc(datetime.combine(flt.date_from, time.min)) if flt.date_from else None
        end = _utc(datetime.combine(flt.date_to + timedelta(days=1), time.min)) if flt.date_to else None
        with self.ws.db.session() as s:
            return repo.ids(s, ente_id=self._ente_id(), user=flt.user or None, desk=flt.desk or None,
                            start=start, end=end, list_id=flt.list_id)

    def entries(self, line_ids: Sequence[int]) -> list[AuditEntry]:
        with self.ws.db.session() as s:
            raw = repo.rows(s, line_ids)
            flow_lists = repo.list_names(s, {r["flow_list_id"] for r in raw if r["flow_list_id"] is not None})
        out = []
        for r in raw:
            try:
                details = json.loads(r["details"] or "{}")
            except ValueError:
                details = {"testo": r["details"]}
            if not isinstance(details, dict):
                details = {"valore": details}
            list_id = r["list_id"] if r["list_id"] is not None else r["flow_list_id"]
            name = r["list_name"] or flow_lists.get(list_id, "")
            if list_id is not None and not name:
                name = details.get("name") or details.get("list") or f"lista {list_id} (eliminata)"
            elif list_id is None and r["action"] == "notices.print":
                name = details.get("list", "")
            out.append(AuditEntry(r["id"], _local(r["at"]), r["user"] or "", r["desk"] or "", r["action"],
                                  ACTION_LABELS.get(r["action"], r["action"]), list_id, str(name or ""),
                                  r["entity"] or "", r["entity_id"], details))
        return out

    def list(self, flt: AuditFilter | None = None, limit: int = 200) -> list[AuditEntry]:
        """The newest ``limit`` matching lines."""
        return self.entries(self.ids(flt)[:limit])

    def people(self) -> list[tuple[str, str]]:
        """(user, desk) of everyone who appears in the log of the current Ente."""
        with self.ws.db.session() as s:
            return repo.people(s, self._ente_id())

    def list_choices(self) -> list[tuple[int, str]]:
        """(id, name) of the current Ente's lists, by name (what a filter offers)."""
        ente = self.ws.ente.current()
        if ente is None:
            return []
        with self.ws.db.session() as s:
            return [(r.id, r.name) for r in debts_repo.list_lists(s, ente.id)]

    def list_id(self, name: str) -> int:
        """The id of the current Ente's list called ``name`` (for the CLI's --list)."""
        ente = self.ws.ente.require_current()
        with self.ws.db.session() as s:
            row = debts_repo.get_list(s, ente.id, name.strip())
            if row is None:
                raise NotFoundError(f"Lista «{name}» non trovata: usa «lists list» per vedere quelle esistenti",
                                    field="lista")
            return row.id
