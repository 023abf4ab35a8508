"""Debt lists: create, edit, validate, import (xlsx, csv, MyPay flows), IUVs, cancellations, export.

Public API of :class:`ListService` (``ws.lists``); a list is named by its id or its name (in the
current Ente); every value returned is a plain dataclass:

- ``lists() -> list[ListSummary]``, ``summary(list_ref) -> ListSummary``
- ``create_list(name, default_debt_type="", description="") -> ListSummary``,
  ``rename_list(list_ref, new_name)``, ``update_list(list_ref, *, name=None, default_debt_type=None,
  description=None)``, ``delete_list(list_ref)`` (refused once anything of it was sent)
- ``get_debts(list_ref, offset=0, limit=None, *, include_instalments=False) -> list[DebtRow]``,
  ``get_debt(debt_id) -> DebtRow``, ``instalments(debt_id) -> list[DebtRow]``
- ``add_debts(list_ref, records) -> list[int]`` (ids), ``delete_debts(debt_ids)`` (never-sent only)
- ``update_debts(changes) -> list[DebtRow]`` with ``changes`` = [(debt_id, {field: value})] or
  {debt_id: {...}}; fields are DebtRecord fields (``bilancio`` as list[Capitolo]). One transaction,
  re-validation, IUD uniqueness, pending M derived from the flow hash.
- ``set_instalments(debt_id, [(amount_cents, due_date), ...]) -> list[DebtRow]`` ([] clears them)
- ``cancel_debts(debt_ids)`` or ``cancel_debts(list_ref, iuds) -> CancelResult``;
  ``uncancel_debts(debt_ids) -> int``
- ``assign_iuvs(list_ref) -> AssignResult``
- ``pending_changes(list_ref, *, only_valid=False) -> list[DebtRow]`` (``row.pending`` = I/M/A)
- ``revalidate(list_ref=None) -> int`` (after the tipi dovuto changed)
- ``preview_import(path, mapping=None, *, list_name=None, debt_type=None) -> ImportPreview``
- ``import_file(path, list_name, debt_type=None, cancel_missing=False, mapping=None, *, progress,
  cancel) -> ImportReport`` (``report.to_dict()`` is the ``lists import --json`` document)
- ``export_flow(list_ref, version, out_path, *, iuf=None) -> ExportReport``
- ``export_xlsx(list_ref, out_path) -> Path``
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime
from itertools import compress
from operator import attrgetter, not_
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mypay_desk.domain.debt_states import (
    ACTION_LABELS,
    DebtState,
    is_editable,
    pending_action,
    state_label,
)
from mypay_desk.domain.debts import (
    COLUMN_FOR_FIELD,
    DEFAULT_VERSION,
    RECORD_FIELDS,
    VERSIONS,
    DebtRecord,
    DebtRow,
    RowError,
    bilancio_from_json,
    bilancio_to_json,
    columns_for_version,
    copy_for_instalment,
    duplicate_iud_errors,
    flow_hash,
    quick_ok_columns,
    validate_debt,
)
from mypay_desk.domain.ente import DebtTypeData, EnteData, FieldError
from mypay_desk.domain.money import MAX_AMOUNT_CENTS, format_amount
from mypay_desk.formats import import_flow, spreadsheet
from mypay_desk.formats.bilancio import MAX_BILANCIO_CHARS, bilancio_xml
from mypay_desk.services.bulk import bulk_work
from mypay_desk.services.errors import NotFoundError, UserError
from mypay_desk.services.progress import NEVER_CANCELLED, CancelToken, ProgressCallback, no_progress
from mypay_desk.store.repositories import debts as repo

if TYPE_CHECKING:  # pragma: no cover
    from mypay_desk.services.workspace import Workspace

ListRef = int | str

# Fields whose text MyPay wants upper case and without spaces.
_CODE_FIELDS = frozenset({"iud", "iuv", "debtor_type", "debtor_code", "province", "country", "payment_type",
                          "sec_fiscal_code", "sec_iban", "sec_province", "sec_country"})
_STR_FIELDS = frozenset(f.name for f in fields(DebtRecord) if f.type in ("str", str))
_AMOUNT_FIELDS = ("amount_cents", "pa_fee_cents", "sec_amount_cents")
# What instalments inherit from their parent debt (and follow when it changes).
_INHERITED = ("debtor_type", "debtor_code", "debtor_name", "address", "civic", "postal_code", "city", "province",
              "country", "email", "debt_type", "payment_type", "collection_data")
# Stored record columns: the DebtRecord fields, bilancio as JSON text.
_RECORD_COLUMNS = tuple("bilancio_json" if n == "bilancio" else n for n in RECORD_FIELDS)
_ROW_FIELDS = {f.name for f in fields(DebtRow)}
_LIVE = ("NUOVO", "RIFIUTATO", "SUL_PORTALE", "SCADUTO", "IN_INVIO", "PAGATO", "PAGATO_PARZIALE")
PREVIEW_ROWS = 500


# --- results -------------------------------------------------------------------------------------

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


@dataclass
class ImportReport:
    list: str
    file: str
    format: str  # "flow", "xlsx", "csv"
    version: str = ""  # tracciato of a flow
    rows: int = 0
    valid: int = 0
    invalid: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    cancelled: int = 0
    missing: int = 0
    missing_iuds: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    created_list: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"list": self.list, "rows": self.rows, "valid": self.valid, "invalid": self.invalid,
                "added": self.added, "updated": self.updated, "missing": self.missing,
                "errors": [e.to_dict() for e in self.errors], "unchanged": self.unchanged,
                "cancelled": self.cancelled, "missing_iuds": self.missing_iuds, "file": self.file,
                "format": self.format, "version": self.version}


@dataclass
class ImportPreview:
    """What an import would read, before anything is written."""

    file: str
    format: str
    version: str
    headers: list[str]  # file headers (spreadsheets) or MyPay column names (flows)
    mapping: dict[str, str]  # {field: header} (spreadsheets)
    records: list[DebtRecord]  # every row, in file order
    errors: dict[int, list[RowError]]  # by row number: reading and validation problems
    rows: int
    valid: int
    invalid: int
    sheet: str = ""
    existing_list: bool = False
    matched: int = 0  # rows whose IUD is already in the list
    missing: int = 0  # debts of the list not in the file


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


@dataclass
class ExportReport:
    list: str
    path: Path
    file_name: str
    iuf: str
    version: str
    rows: int
    actions: dict[str, int]
    left_out: list[tuple[str, list[FieldError]]] = field(default_factory=list)  # (iud, errors)

    def to_dict(self) -> dict[str, Any]:
        return {"list": self.list, "file": str(self.path), "file_name": self.file_name, "iuf": self.iuf,
                "version": self.version, "rows": self.rows, "actions": self.actions,
                "left_out": [{"iud": iud, "errors": [{"column": e.field, "message": e.message} for e in errs]}
                             for iud, errs in self.left_out]}


# --- conversions ---------------------------------------------------------------------------------

def _errors_from_json(text: str | None) -> list[dict[str, Any]]:
    if not text:
        return []
    try:
        data = json.loads(text)
    except ValueError:
        return []
    return [e for e in data if isinstance(e, dict)] if isinstance(data, list) else []


def _errors_to_json(errors: Sequence[dict[str, Any]]) -> str:
    return json.dumps(list(errors), ensure_ascii=False, separators=(",", ":")) if errors else ""


def record_of(d: Mapping[str, Any]) -> DebtRecord:
    """The DebtRecord of a stored debt (dict of column values)."""
    values = {n: d[n] for n in RECORD_FIELDS if n != "bilancio"}
    return DebtRecord(**values, bilancio=bilancio_from_json(d.get("bilancio_json")),
                      source_row=d.get("source_row"))


def row_of(d: Mapping[str, Any]) -> DebtRow:
    """The DebtRow of a stored debt."""
    values = {k: v for k, v in d.items() if k in _ROW_FIELDS and k not in ("bilancio", "errors")}
    values["bilancio"] = bilancio_from_json(d.get("bilancio_json"))
    values["errors"] = [FieldError(e.get("column", ""), e.get("message", ""))
                        for e in _errors_from_json(d.get("errors_json"))]
    row = DebtRow(**values)
    row.pending = pending_action(row.state, row.cancel_requested, d.get("portal_hash") or "",
                                 flow_hash(row.record()))
    return row


def _columns_of(rec: DebtRecord) -> dict[str, Any]:
    out = {n: getattr(rec, n) for n in RECORD_FIELDS if n != "bilancio"}
    out["bilancio_json"] = bilancio_to_json(rec.bilancio)
    return out


def notice_number_for(iuv: str, application_code: str = "") -> str:
    """The numero avviso of an IUV: 3+IUV17, 0+application code+IUV15; RF references have none."""
    if len(iuv) == 17 and iuv.isdigit():
        return "3" + iuv
    if len(iuv) == 15 and iuv.isdigit() and len(application_code) == 2:
        return "0" + application_code + iuv
    return ""


def _normalize(name: str, value: Any) -> Any:
    if name in _STR_FIELDS:
        if value is None:
            return ""
        text = str(value)
        if name in _CODE_FIELDS:
            return "".join(text.split()).upper()
        return text.strip()
    if name in _AMOUNT_FIELDS:
        if value is None or value == "":
            if name == "amount_cents":
                return 0
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise UserError(f"Importo non valido per {COLUMN_FOR_FIELD.get(name, name)}: atteso un intero in "
                            "centesimi", field=name)
        return value
    if name == "due_date":
        if value is None or value == "":
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError as exc:
            raise UserError(f"Data «{value}» non valida", field=name) from exc
    if name in ("generate_iuv", "multi_beneficiary"):
        return bool(value)
    return value


# --- validation context --------------------------------------------------------------------------

class _Rules:
    """Validation with the Ente's tipi dovuto; keeps the stored errors (JSON) consistent."""

    def __init__(self, ente: EnteData, types: Iterable[DebtTypeData]):
        self.ente = ente
        self.types = {t.code: t for t in types}

    def check(self, rec: DebtRecord, on_portal: bool, version: str = DEFAULT_VERSION) -> list[FieldError]:
        return validate_debt(rec, self.types.get(rec.debt_type), version, on_portal=on_portal,
                             segregation_code=self.ente.segregation_code or None)

    def stored_errors(self, rec: DebtRecord, on_portal: bool, *, sticky: Sequence[dict[str, Any]] = (),
                      extra: Sequence[FieldError] = ()) -> tuple[bool, str]:
        """(is_valid, errors_json): reading problems kept ("sticky") + rule errors + extra (IUD clashes)."""
        errs: list[dict[str, Any]] = [dict(e) for e in sticky]
        sticky_cols = {e.get("column") for e in sticky}
        for e in (*self.check(rec, on_portal), *extra):
            if e.field not in sticky_cols:
                errs.append({"column": e.field, "message": e.message})
        return not errs, _errors_to_json(errs)


def _sticky(errors_json: str | None, edited: Iterable[str] = ()) -> list[dict[str, Any]]:
    """Reading problems recorded at import, except for the columns just edited."""
    edited_cols = {COLUMN_FOR_FIELD.get(f, f) for f in edited}
    return [e for e in _errors_from_json(errors_json) if e.get("sticky") and e.get("column") not in edited_cols]


def _on_portal(d: Mapping[str, Any]) -> bool:
    return bool(d.get("portal_hash"))


# --- the service ---------------------------------------------------------------------------------

class ListService:
    def __init__(self, ws: Workspace):
        self.ws = ws

    # --- context ---------------------------------------------------------------------------------
    def _ente(self) -> EnteData:
        return self.ws.ente.require_current()

    def _rules(self, ente: EnteData | None = None) -> _Rules:
        ente = ente or self._ente()
        return _Rules(ente, self.ws.ente.types(ente.id))

    def _resolve(self, s, ente_id: int, list_ref: ListRef):
        if isinstance(list_ref, int) and not isinstance(list_ref, bool):
            row = repo.get_list_by_id(s, list_ref)
            if row is None or row.ente_id != ente_id:
                raise NotFoundError(f"Lista {list_ref} non trovata")
            return row
        name = str(list_ref).strip()
        row = repo.get_list(s, ente_id, name)
        if row is None:
            raise NotFoundError(f"Lista «{name}» non trovata: usa «lists list» per vedere quelle esistenti",
                                field="lista")
        return row

    # --- lists -----------------------------------------------------------------------------------
    def lists(self) -> list[ListSummary]:
        ente = self._ente()
        with self.ws.db.session() as s:
            rows = repo.list_lists(s, ente.id)
            totals = repo.state_totals(s, ente.id)
            invalid = repo.invalid_counts(s, ente.id)
            out = []
            for r in rows:
                out.append(self._summary(s, r, totals.get(r.id, {}), invalid.get(r.id, 0)))
            return out

    def summary(self, list_ref: ListRef) -> ListSummary:
        ente = self._ente()
        with self.ws.db.session() as s:
            row = self._resolve(s, ente.id, list_ref)
            totals = repo.state_totals(s, ente.id).get(row.id, {})
            return self._summary(s, row, totals, repo.invalid_counts(s, ente.id).get(row.id, 0))

    def _summary(self, s, row, totals: dict[str, tuple[int, int]], invalid: int) -> ListSummary:
        counts = {state: n for state, (n, _a) in totals.items()}
        total_cents = sum(a for state, (_n, a) in totals.items() if state != DebtState.ANNULLATO)
        return ListSummary(id=row.id, name=row.name, default_debt_type=row.default_debt_type,
                           description=row.description, counts=counts, total_count=sum(counts.values()),
                           total_cents=total_cents, invalid_count=invalid,
                           pending_count=self._pending_count(s, row.id), sent=repo.was_sent(s, row.id),
                           created_at=row.created_at)

    def _pending_count(self, s, list_id: int) -> int:
        """Valid debts with a pending action. Only rows touched since the portal accepted them are
        hashed (the others cannot differ), so this stays cheap on big lists."""
        n = 0
        for d in repo.pending_candidates(s, list_id):
            action = pending_action(d["state"], d["cancel_requested"], d["portal_hash"],
                                    flow_hash(record_of(d)) if d["portal_hash"] else "")
            if action:
                n += 1
        return n + repo.count_plain_new(s, list_id)

    def create_list(self, name: str, default_debt_type: str = "", description: str = "") -> ListSummary:
        ente = self._ente()
        name = self._check_name(name)
        default_debt_type = default_debt_type.strip()
        if default_debt_type and self.ws.ente.get_type(default_debt_type, ente.id) is None:
            raise UserError(f"Tipo dovuto «{default_debt_type}» non configurato per l'Ente", field="tipo")
        with self.ws.db.session(immediate=True) as s:
            if repo.get_list(s, ente.id, name) is not None:
                raise UserError(f"Esiste già una lista chiamata «{name}»", field="nome")
            row = repo.create_list(s, ente.id, name, default_debt_type, description)
            list_id = row.id
        self.ws.audit("lists.create", ente_id=ente.id, entity="debt_list", entity_id=list_id,
                      details={"name": name})
        return self.summary(list_id)

    @staticmethod
    def _check_name(name: str) -> str:
        name = (name or "").strip()
        if not name:
            raise UserError("Il nome della lista è obbligatorio", field="nome")
        if len(name) > 120:
            raise UserError("Il nome della lista supera i 120 caratteri", field="nome")
        return name

    def update_list(self, list_ref: ListRef, *, name: str | None = None, default_debt_type: str | None = None,
                    description: str | None = None) -> ListSummary:
        ente = self._ente()
        with self.ws.db.session(immediate=True) as s:
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
        with self.ws.db.session(immediate=True) as s:
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

    # --- adding, deleting, editing ---------------------------------------------------------------
    def add_debts(self, list_ref: ListRef, records: Sequence[DebtRecord]) -> list[int]:
        """Append debts to a list (validated, state NUOVO). Returns their ids in order."""
        with bulk_work():
            return self._add_debts(list_ref, records)

    def _add_debts(self, list_ref: ListRef, records: Sequence[DebtRecord]) -> list[int]:
        ente = self._ente()
        rules = self._rules(ente)
        with self.ws.db.session(immediate=True) as s:
            lst = self._resolve(s, ente.id, list_ref)
            pos = repo.max_position(s, lst.id) + 1
            clean = [self._normalized_record(r, lst.default_debt_type, rules) for r in records]
            others = self._iud_owners(s, ente.id, [r.iud for r in clean])
            names = repo.list_names(s, {h["list_id"] for hs in others.values() for h in hs})
            dups = dict(duplicate_iud_errors(clean))
            valid_flags, errors_json = [], []
            for i, rec in enumerate(clean):
                extra = [dups[i]] if i in dups else []
                extra += self._clash(rec.iud, others, None, lst.id, names)
                valid, errs = rules.stored_errors(rec, False, extra=extra)
                valid_flags.append(valid)
                errors_json.append(errs)
            cols = {f: [getattr(r, f) for r in clean] for f in _COLUMN_FIELDS}
            loaded = _Loaded("records", "", "", cols, len(clean), [], {}, [], records=clean)
            columns = _insert_columns(loaded, _Checked(valid_flags, errors_json, {}), None, pos, ente)
            repo.insert_debt_columns(s, columns, {"ente_id": ente.id, "list_id": lst.id, "state": DebtState.NUOVO})
            ids = repo.top_level_ids_by_position(s, lst.id, pos, pos + len(clean))
            list_id = lst.id
        self.ws.audit("lists.add_debts", ente_id=ente.id, entity="debt_list", entity_id=list_id,
                      details={"count": len(ids)})
        return ids

    @staticmethod
    def _normalized_record(rec: DebtRecord, default_type: str, rules: _Rules) -> DebtRecord:
        values = {n: _normalize(n, getattr(rec, n)) for n in RECORD_FIELDS}
        out = DebtRecord(**values, source_row=rec.source_row)
        if not out.debt_type and default_type:
            out.debt_type = default_type
        t = rules.types.get(out.debt_type)
        if not out.collection_data and t is not None:
            out.collection_data = t.taxonomy
        return out

    def delete_debts(self, debt_ids: Sequence[int]) -> int:
        """Remove debts that were never sent (undo of an add). Sent ones must be cancelled instead."""
        ids = list(debt_ids)
        with self.ws.db.session(immediate=True) as s:
            rows = repo.debts_by_ids(s, ids)
            for d in rows:
                if d["portal_hash"] or d["state"] not in (DebtState.NUOVO, DebtState.ANNULLATO) \
                        or d["sending_flow_id"] is not None:
                    raise UserError(f"Il dovuto {d['iud'] or d['id']} è già stato inviato al portale: annullalo "
                                    "invece di eliminarlo", field="iud")
            kids = repo.children_of(s, ids)
            if any(k["portal_hash"] for k in kids):
                raise UserError("Alcune rate sono già sul portale: annullale invece di eliminarle", field="iud")
            repo.delete_debts(s, [k["id"] for k in kids] + ids)
        self.ws.audit("lists.delete_debts", entity="debt", details={"count": len(ids)})
        return len(ids)

    def update_debts(self, changes: Sequence[tuple[int, Mapping[str, Any]]] | Mapping[int, Mapping[str, Any]]
                     ) -> list[DebtRow]:
        """Apply field edits in one transaction; returns the updated rows (same order as ``changes``).

        Each debt is re-validated; IUD clashes are re-checked for every debt sharing an old or new IUD;
        instalments follow their parent's debtor and tipo fields. A debt whose state does not allow edits,
        or an IUD/IUV change on a debt the portal holds, refuses the whole batch (nothing changes).
        """
        items = list(changes.items()) if isinstance(changes, Mapping) else list(changes)
        if not items:
            return []
        with bulk_work():
            return self._update_debts(items)

    def _update_debts(self, items: list[tuple[int, Mapping[str, Any]]]) -> list[DebtRow]:
        merged: dict[int, dict[str, Any]] = {}
        for debt_id, values in items:
            for name in values:
                if name not in RECORD_FIELDS:
                    raise UserError(f"Campo «{name}» non modificabile", field=name)
            merged.setdefault(int(debt_id), {}).update({n: _normalize(n, v) for n, v in values.items()})
        ente = self._ente()
        rules = self._rules(ente)
        with self.ws.db.session(immediate=True) as s:
            current = {d["id"]: d for d in repo.debts_by_ids(s, list(merged))}
            missing = [i for i in merged if i not in current]
            if missing:
                raise NotFoundError(f"Dovuti non trovati: {', '.join(map(str, missing[:10]))}")
            # Instalments follow their parent.
            kids = repo.children_of(s, [i for i, v in merged.items() if any(n in _INHERITED for n in v)])
            for k in kids:
                inherited = {n: v for n, v in merged[k["parent_id"]].items() if n in _INHERITED}
                if k["id"] not in merged:
                    merged[k["id"]] = {}
                    current[k["id"]] = k
                for n, v in inherited.items():
                    merged[k["id"]].setdefault(n, v)
            touched_iuds: set[str] = set()
            new_values: dict[int, dict[str, Any]] = {}
            for debt_id, values in merged.items():
                d = current[debt_id]
                changed = {n: v for n, v in values.items() if _stored_value(d, n) != v}
                if not changed:
                    continue
                self._check_editable(d, changed)
                new_values[debt_id] = changed
                if "iud" in changed:
                    touched_iuds.update({d["iud"], changed["iud"]})
            updates: dict[int, dict[str, Any]] = {}  # id -> columns to write
            final: dict[int, dict[str, Any]] = {}  # id -> the stored row after the edit
            edited: dict[int, set[str]] = {}
            for debt_id, changed in new_values.items():
                upd = {("bilancio_json" if n == "bilancio" else n): (bilancio_to_json(v) if n == "bilancio" else v)
                       for n, v in changed.items()}
                d = current[debt_id]
                if "iuv" in changed:
                    upd["notice_number"] = notice_number_for(changed["iuv"], ente.application_code)
                    upd["iuv_assigned_at"] = None
                if d["state"] == DebtState.RIFIUTATO:
                    # The rejection was about the old content; the edit makes it a fresh pending change.
                    upd["state"] = DebtState.SUL_PORTALE if d["portal_hash"] else DebtState.NUOVO
                    upd["portal_error_code"] = ""
                    upd["portal_error_message"] = ""
                updates[debt_id] = upd
                final[debt_id] = {**d, **upd}
                edited[debt_id] = set(changed)
            # IUD uniqueness: every debt holding an old or new IUD of this batch is checked again.
            relevant = touched_iuds | {f["iud"] for f in final.values()}
            holders: dict[int, dict[str, Any]] = {h["id"]: h for h in repo.debts_with_iuds(
                s, ente.id, relevant, columns=("list_id", "iud", "state", "portal_hash"))}
            holders.update(final)
            owners: dict[str, list[dict[str, Any]]] = {}
            for h in holders.values():
                if h["iud"] in relevant:
                    owners.setdefault(h["iud"], []).append(h)
            recheck = [h["id"] for iud in touched_iuds for h in owners.get(iud, ()) if h["id"] not in final]
            for d in repo.debts_by_ids(s, recheck):
                final[d["id"]] = d
                updates[d["id"]] = {}
                edited[d["id"]] = set()
            names = repo.list_names(s, {h["list_id"] for hs in owners.values() for h in hs})
            rows_out = []
            for debt_id, upd in updates.items():
                d = final[debt_id]
                extra = self._clash(d["iud"], owners, debt_id, d["list_id"], names) if _counts_for_iud(d) else []
                valid, errs = rules.stored_errors(record_of(d), _on_portal(d),
                                                  sticky=_sticky(d["errors_json"], edited[debt_id]), extra=extra)
                if not upd and valid == bool(d["is_valid"]) and errs == (d["errors_json"] or ""):
                    continue
                upd.update(id=debt_id, is_valid=valid, errors_json=errs)
                rows_out.append(upd)
            repo.update_debts(s, rows_out)
            result = [row_of(d) for d in repo.debts_by_ids(s, list(dict.fromkeys(int(i) for i, _ in items)))]
        self.ws.audit("lists.update_debts", ente_id=ente.id, entity="debt",
                      details={"count": len(new_values), "fields": sorted({n for v in new_values.values() for n in v})})
        return result

    @staticmethod
    def _check_editable(d: Mapping[str, Any], changed: Mapping[str, Any]) -> None:
        label = d["iud"] or f"#{d['id']}"
        if not is_editable(d["state"]) or d["cancel_requested"]:
            why = "annullamento richiesto" if d["cancel_requested"] else state_label(d["state"]).lower()
            raise UserError(f"Il dovuto {label} non si può modificare ({why})", field="stato")
        if d["portal_hash"] and "iud" in changed:
            raise UserError(f"Il dovuto {label} è già sul portale: l'IUD non si può cambiare (annullalo e creane "
                            "uno nuovo)", field="iud")
        if d["portal_hash"] and "iuv" in changed and d["iuv"]:
            raise UserError(f"Il dovuto {label} è già sul portale: lo IUV non si può cambiare", field="iuv")

    def _iud_owners(self, s, ente_id: int, iuds: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {}
        for d in repo.debts_with_iuds(s, ente_id, iuds, columns=("list_id", "iud", "state", "portal_hash")):
            out.setdefault(d["iud"], []).append(d)
        return out

    @staticmethod
    def _clash(iud: str, owners: Mapping[str, list[dict[str, Any]]], self_id: int | None,
               list_id: int, names: Mapping[int, str] | None = None) -> list[FieldError]:
        holders = [h for h in owners.get(iud, ()) if h["id"] != self_id and _counts_for_iud(h)] if iud else []
        if not holders:
            return []
        where = ", ".join(sorted({f"«{(names or {}).get(h['list_id'], h['list_id'])}»" for h in holders}))
        same = all(h["list_id"] == list_id for h in holders)
        text = "in questa lista" if same else f"nella lista {where}"
        return [FieldError("IUD", f"IUD «{iud}» già usato da un altro dovuto {text}: deve essere univoco per l'Ente")]

    def revalidate(self, list_ref: ListRef | None = None) -> int:
        """Re-check every open debt (of one list, or of the Ente) after the tipi dovuto changed."""
        ente = self._ente()
        rules = self._rules(ente)
        changed = 0
        with self.ws.db.session(immediate=True) as s:
            lists = [self._resolve(s, ente.id, list_ref)] if list_ref is not None else repo.list_lists(s, ente.id)
            for lst in lists:
                rows = repo.debts_of_list(s, lst.id)
                dup_index = {}
                live = [d for d in rows if _counts_for_iud(d)]
                for i, err in duplicate_iud_errors([DebtRecord(iud=d["iud"]) for d in live]):
                    dup_index[live[i]["id"]] = FieldError("IUD", err.message)
                updates = []
                for d in rows:
                    if d["state"] in (DebtState.ANNULLATO, DebtState.PAGATO):
                        continue
                    extra = [dup_index[d["id"]]] if d["id"] in dup_index else []
                    valid, errs = rules.stored_errors(record_of(d), _on_portal(d), sticky=_sticky(d["errors_json"]),
                                                      extra=extra)
                    if valid != bool(d["is_valid"]) or errs != (d["errors_json"] or ""):
                        updates.append({"id": d["id"], "is_valid": valid, "errors_json": errs})
                repo.update_debts(s, updates)
                changed += len(updates)
        return changed

    # --- instalments -----------------------------------------------------------------------------
    def set_instalments(self, debt_id: int, plan: Sequence[tuple[int, date | None]]) -> list[DebtRow]:
        """Split a debt into instalments (own IUD ``<IUD>-R<n>``, amount, due date; debtor copied).

        The parent stays as the single-payment option. The amounts must add up to the debt's amount.
        Replacing or clearing (``plan=[]``) is allowed only while no instalment reached the portal.
        """
        ente = self._ente()
        rules = self._rules(ente)
        plan = [(_normalize("amount_cents", a), _normalize("due_date", d)) for a, d in plan]
        with self.ws.db.session(immediate=True) as s:
            got = repo.debts_by_ids(s, [debt_id])
            if not got:
                raise NotFoundError(f"Dovuto {debt_id} non trovato")
            parent = got[0]
            label = parent["iud"] or f"#{debt_id}"
            if parent["parent_id"] is not None:
                raise UserError(f"{label} è già una rata: dividi il dovuto principale", field="rate")
            if not is_editable(parent["state"]) or parent["cancel_requested"]:
                raise UserError(f"Il dovuto {label} non si può modificare ({state_label(parent['state']).lower()})",
                                field="rate")
            old = repo.children_of(s, [debt_id])
            sent = [k for k in old if k["portal_hash"] or k["state"] not in (DebtState.NUOVO, DebtState.RIFIUTATO,
                                                                          DebtState.ANNULLATO)
                    or k["sending_flow_id"] is not None]
            if sent:
                raise UserError(f"Le rate di {label} sono già state inviate al portale: non si possono cambiare né "
                                "togliere (annulla il dovuto e creane uno nuovo)", field="rate")
            if plan:
                self._check_plan(plan, parent, label)
            repo.delete_debts(s, [k["id"] for k in old])
            base = record_of(parent)
            recs = [copy_for_instalment(base, n, amount, due) for n, (amount, due) in enumerate(plan, start=1)]
            owners = self._iud_owners(s, ente.id, [r.iud for r in recs])
            for n, rec in enumerate(recs, start=1):
                extra = self._clash(rec.iud, owners, None, parent["list_id"])
                valid, errs = rules.stored_errors(rec, False, extra=extra)
                values = _columns_of(rec)
                values.update(ente_id=parent["ente_id"], list_id=parent["list_id"], parent_id=debt_id,
                              instalment_number=n, position=parent["position"], is_valid=valid, errors_json=errs,
                              state=DebtState.NUOVO)
                repo.insert_one(s, values)
            rows = [row_of(d) for d in repo.children_of(s, [debt_id])]
        self.ws.audit("lists.set_instalments", ente_id=ente.id, entity="debt", entity_id=debt_id,
                      details={"iud": parent["iud"], "count": len(plan)})
        return rows

    @staticmethod
    def _check_plan(plan: Sequence[tuple[int, date | None]], parent: Mapping[str, Any], label: str) -> None:
        if len(plan) < 2:
            raise UserError("Servono almeno due rate (una sola rata è il pagamento in unica soluzione)",
                            field="rate")
        if len(plan) > 99:
            raise UserError("Al massimo 99 rate", field="rate")
        for n, (amount, due) in enumerate(plan, start=1):
            if amount is None or amount <= 0:
                raise UserError(f"Rata {n}: l'importo deve essere maggiore di zero", field="rate")
            if amount > MAX_AMOUNT_CENTS:
                raise UserError(f"Rata {n}: importo oltre il massimo ammesso", field="rate")
            if due is None:
                raise UserError(f"Rata {n}: la scadenza è obbligatoria", field="rate")
        dues = [d for _a, d in plan]
        if any(b < a for a, b in zip(dues, dues[1:], strict=False)):
            raise UserError("Le scadenze delle rate devono essere in ordine crescente", field="rate")
        total = sum(a for a, _d in plan)
        if total != parent["amount_cents"]:
            raise UserError(f"La somma delle rate ({format_amount(total)}) deve essere uguale all'importo di {label} "
                            f"({format_amount(parent['amount_cents'])})", field="rate")

    # --- cancellation ----------------------------------------------------------------------------
    def cancel_debts(self, target: ListRef | Sequence[int], iuds: Sequence[str] | None = None) -> CancelResult:
        """Cancel debts: ``cancel_debts(debt_ids)`` or ``cancel_debts(list_ref, iuds)``.

        A debt the portal holds gets a pending A (it stays SUL_PORTALE until the flow is accepted); one
        the portal never had becomes ANNULLATO at once. Instalments follow their debt. Paid debts are
        skipped with the reason. Unknown IUDs refuse the whole request.
        """
        ente = self._ente()
        result = CancelResult()
        with self.ws.db.session(immediate=True) as s:
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
        with self.ws.db.session(immediate=True) as s:
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
        with self.ws.db.session(immediate=True) as s:
            rows = repo.without_iuv(s, list_id)[: len(iuvs)]
            updates = []
            for d, iuv in zip(rows, iuvs, strict=False):
                rec = record_of(d)
                rec.iuv, rec.generate_iuv = iuv, False
                notice = notice_number_for(iuv)
                valid, errs = rules.stored_errors(rec, False, sticky=_sticky(d["errors_json"]))
                updates.append({"id": d["id"], "iuv": iuv, "generate_iuv": False, "notice_number": notice,
                                "iuv_assigned_at": now, "is_valid": valid, "errors_json": errs})
                result.assigned.append((d["iud"], iuv, notice))
            repo.update_debts(s, updates)
        self.ws.audit("lists.assign_iuv", ente_id=ente.id, entity="debt_list", entity_id=list_id,
                      details={"count": len(result.assigned)})
        return result

    # --- import ----------------------------------------------------------------------------------
    def _load(self, path: str | os.PathLike, mapping: Mapping[str, str] | None) -> _Loaded:
        p = Path(path)
        if not p.is_file():
            raise UserError("File non trovato", file=str(p))
        data = p.read_bytes()
        name = p.name
        if _looks_like_flow(name, data):
            try:
                version, records, errors = import_flow.read_flow(data, name=name)
            except import_flow.FlowError as exc:
                raise UserError(exc.message, file=name, row=exc.row, column=exc.column or None) from exc
            cols = {f: [getattr(r, f) for r in records] for f in _COLUMN_FIELDS}
            return _Loaded("flow", name, version, cols, len(records), errors, {}, columns_for_version(version),
                           records=records)
        try:
            table = spreadsheet.read_table(data, name=name)
            used = dict(mapping) if mapping is not None else spreadsheet.guess_mapping(table.headers)
            texts: dict[str, str] = {}
            cols, errors = spreadsheet.to_columns(table, used, texts)
        except spreadsheet.SpreadsheetError as exc:
            raise UserError(exc.message, file=name, row=exc.row, column=exc.column or None) from exc
        if not any(v for v in used.values()):
            raise UserError("Nessuna colonna riconosciuta: indica quale colonna contiene codice fiscale, nome, importo"
                            " e gli altri dati", file=name, row=table.header_row)
        kind = "csv" if table.delimiter else "xlsx"
        return _Loaded(kind, name, "", cols, len(table.rows), errors, used, table.headers, table.sheet_name,
                       joined={f: (cols[f], t) for f, t in texts.items()})

    def preview_import(self, path: str | os.PathLike, mapping: Mapping[str, str] | None = None, *,
                       list_name: str | None = None, debt_type: str | None = None) -> ImportPreview:
        """Read and validate a file without writing anything (for the import dialog)."""
        ente = self._ente()
        rules = self._rules(ente)
        with bulk_work():
            loaded = self._load(path, mapping)
            with self.ws.db.session() as s:
                lst = repo.get_list(s, ente.id, list_name.strip()) if list_name else None
                default_type = (debt_type or "").strip() or (lst.default_debt_type if lst else "")
                existing = {d["iud"]: d for d in repo.debts_of_list(s, lst.id, columns=("iud", "parent_id", "state",
                                                                                        "cancel_requested"))} \
                    if lst else {}
                checked = self._prepare(s, ente, rules, loaded, default_type, lst.id if lst else None)
            records = loaded.all_records()
        errors = {loaded.row_no(i): report for i, report in checked.reports.items() if report}
        valid = sum(checked.valid)
        file_iuds = set(loaded.cols["iud"])
        missing = sum(1 for iud, d in existing.items() if iud and iud not in file_iuds and d["parent_id"] is None
                      and d["state"] not in (DebtState.ANNULLATO, DebtState.PAGATO) and not d["cancel_requested"])
        return ImportPreview(file=loaded.file, format=loaded.kind, version=loaded.version, headers=loaded.headers,
                             mapping=loaded.mapping, records=records, errors=errors, rows=loaded.n, valid=valid,
                             invalid=loaded.n - valid, sheet=loaded.sheet, existing_list=lst is not None,
                             matched=sum(1 for i in file_iuds if i in existing), missing=missing)

    def _prepare(self, s, ente: EnteData, rules: _Rules, loaded: _Loaded, default_type: str,
                 list_id: int | None) -> _Checked:
        """Fill defaults (tipo, taxonomy) and check every row: which are valid, what to store as their
        errors, and what to report (with the file's row numbers and column names)."""
        n, cols = loaded.n, loaded.cols
        types = rules.types
        cols.setdefault("iud", [""] * n)
        dtypes = cols.get("debt_type")
        fill = loaded.kind != "flow" and bool(default_type)
        if dtypes is None:
            dtypes = [default_type if fill else ""] * n
        elif fill and "" in dtypes:
            dtypes = [t or default_type for t in dtypes]
        cols["debt_type"] = dtypes
        data = cols.get("collection_data")
        if data is None or "" in data:
            taxonomy = {code: t.taxonomy for code, t in types.items()}
            if data is None and dtypes.count(dtypes[0]) == n:
                cols["collection_data"] = [taxonomy.get(dtypes[0], "")] * n
            else:
                cols["collection_data"] = [d or taxonomy.get(t, "") for d, t in
                                           zip(data or [""] * n, dtypes, strict=True)]
        loaded.forget_records("debt_type", "collection_data")
        iuds = cols["iud"]
        nonblank = [i for i in iuds if i]
        dups: dict[int, FieldError] = {}
        if len(set(nonblank)) != len(nonblank):
            light = [DebtRecord(iud=i, source_row=r) for i, r in zip(iuds, loaded.row_numbers(), strict=True)]
            dups = dict(duplicate_iud_errors(light))
        others: dict[str, list[dict[str, Any]]] = {}
        if nonblank and repo.ente_has_other_debts(s, ente.id, list_id):
            pairs = self._iud_owners(s, ente.id, nonblank)
            others = {iud: hs for iud, hs in ((i, [h for h in hs if h["list_id"] != list_id and _counts_for_iud(h)])
                                               for i, hs in pairs.items()) if hs}
        names = repo.list_names(s, {h["list_id"] for hs in others.values() for h in hs})
        read_errors: dict[int, list[RowError]] = {}
        for e in loaded.errors:
            read_errors.setdefault(e.row, []).append(e)
        ok = quick_ok_columns(cols, n, types, joined=loaded.texts())
        valid = [True] * n
        errors_json = [""] * n
        reports: dict[int, list[RowError]] = {}
        seg = ente.segregation_code or None
        row_numbers = loaded.row_numbers()
        # Only rows the fast path did not clear, or with reading errors, duplicates or clashes, need a
        # look; the others are valid with no errors (usually every row of a big file).
        look = set(dups)
        if not all(ok):
            look.update(compress(range(n), map(not_, ok)))
        if read_errors:
            look.update(i for i, r in enumerate(row_numbers) if r in read_errors)
        if others:
            look.update(i for i, iud in enumerate(iuds) if iud in others)
        for i in sorted(look):
            row_no = row_numbers[i]
            rerrs = read_errors.get(row_no) if read_errors else None
            if ok[i] and not rerrs and i not in dups and iuds[i] not in others:
                continue
            rec = loaded.record(i)
            if not rerrs and i not in dups and iuds[i] not in others and not validate_debt(
                    rec, types.get(rec.debt_type), DEFAULT_VERSION, segregation_code=seg):
                continue
            rerrs = rerrs or []
            sticky = [{"column": _mypay_column(e.column, loaded), "message": e.message, "sticky": True}
                      for e in rerrs]
            extra = [dups[i]] if i in dups else []
            extra += self._clash(rec.iud, others, None, -1, names)
            is_valid, errs = rules.stored_errors(rec, False, sticky=sticky, extra=extra)
            report = list(rerrs)
            if not is_valid:
                for e in _errors_from_json(errs):
                    if not e.get("sticky"):
                        report.append(RowError(row_no, _file_column(e["column"], loaded), e["message"]))
            valid[i], errors_json[i] = is_valid, errs
            if report:
                reports[i] = report
        return _Checked(valid, errors_json, reports)

    def import_file(self, path: str | os.PathLike, list_name: str, debt_type: str | None = None,
                    cancel_missing: bool = False, mapping: Mapping[str, str] | None = None, *,
                    progress: ProgressCallback = no_progress,
                    cancel: CancelToken = NEVER_CANCELLED) -> ImportReport:
        """Import xlsx, csv or a MyPay flow (zip or csv, 1_0..1_4) into a list (created when missing).

        Every row is kept; invalid ones are stored with their errors. Into an existing list debts are
        matched by IUD: changed fields become pending M, new rows are added, debts missing from the file
        are reported (and with ``cancel_missing`` cancelled). A flow row with azione A cancels its debt.
        One transaction: an unreadable file or a cancel changes nothing.
        """
        with bulk_work():
            return self._import_file(path, list_name, debt_type, cancel_missing, mapping, progress, cancel)

    def _import_file(self, path, list_name, debt_type, cancel_missing, mapping, progress, cancel) -> ImportReport:
        ente = self._ente()
        rules = self._rules(ente)
        list_name = self._check_name(list_name)
        debt_type = (debt_type or "").strip()
        if debt_type and debt_type not in rules.types:
            raise UserError(f"Tipo dovuto «{debt_type}» non configurato per l'Ente", field="tipo")
        progress(0, 0, "Lettura del file")
        loaded = self._load(path, mapping)
        if not loaded.n:
            raise UserError("Il file non contiene righe di dati (solo l'intestazione o righe vuote)", file=loaded.file)
        cancel.raise_if_cancelled()
        n = loaded.n
        report = ImportReport(list=list_name, file=loaded.file, format=loaded.kind, version=loaded.version, rows=n)
        with self.ws.db.session(immediate=True) as s:
            lst = repo.get_list(s, ente.id, list_name)
            if lst is None:
                lst = repo.create_list(s, ente.id, list_name, debt_type)
                report.created_list = True
            default_type = debt_type or lst.default_debt_type
            existing_rows = [] if report.created_list else repo.debts_of_list(s, lst.id)
            progress(0, n, "Controllo dei dati")
            checked = self._prepare(s, ente, rules, loaded, default_type, lst.id)
            cancel.raise_if_cancelled()
            report.valid = sum(checked.valid)
            report.invalid = n - report.valid
            for i in sorted(checked.reports):
                report.errors.extend(checked.reports[i])
            existing: dict[str, dict[str, Any]] = {}
            for d in existing_rows:
                if d["iud"]:
                    existing.setdefault(d["iud"], d)
            pos = (max((d["position"] for d in existing_rows), default=-1)) + 1
            updates: list[dict[str, Any]] = []
            to_cancel: list[int] = []
            iuds = loaded.cols["iud"]
            actions = loaded.cols.get("action") if loaded.kind == "flow" else None
            if not existing and not (actions and "A" in actions):
                new_idx: list[int] | None = None  # every row is new: no per-row work at all
            else:
                new_idx = []
                matched_ids: set[int] = set()
                for i in range(n):
                    if i % 20_000 == 0:
                        cancel.raise_if_cancelled()
                        progress(i, n, "Confronto con la lista")
                    d = existing.get(iuds[i]) if iuds[i] else None
                    if d is not None and d["id"] in matched_ids:
                        d = None  # a repeated IUD in the file: the later rows are added (flagged duplicate)
                    row_no = loaded.row_no(i)
                    if actions is not None and actions[i] == "A":
                        if d is None:
                            report.errors.append(RowError(row_no, "azione", f"Annullamento di IUD «{iuds[i]}» non "
                                                                            "presente nella lista: riga ignorata"))
                        else:
                            matched_ids.add(d["id"])
                            to_cancel.append(d["id"])
                        continue
                    if d is None:
                        new_idx.append(i)
                        continue
                    matched_ids.add(d["id"])
                    upd = self._import_update(d, loaded.record(i), row_no, checked.valid[i],
                                              checked.errors_json[i], ente, rules, report)
                    if upd is None:
                        report.unchanged += 1
                    else:
                        updates.append(upd)
            cancel.raise_if_cancelled()
            progress(n, n, "Salvataggio")
            columns = _insert_columns(loaded, checked, new_idx, pos, ente)
            report.added = repo.insert_debt_columns(s, columns, {"ente_id": ente.id, "list_id": lst.id,
                                                                 "state": DebtState.NUOVO})
            repo.update_debts(s, updates)
            report.updated = len(updates)
            file_iuds = set(iuds) if existing_rows else set()  # a new list has nothing missing
            missing = [d for d in existing_rows if d["parent_id"] is None and d["iud"] not in file_iuds
                       and d["state"] not in (DebtState.ANNULLATO, DebtState.PAGATO) and not d["cancel_requested"]]
            report.missing = len(missing)
            report.missing_iuds = [d["iud"] for d in missing]
            if cancel_missing:
                to_cancel.extend(d["id"] for d in missing)
            cancel.raise_if_cancelled()
            list_id = lst.id
        if to_cancel:
            res = self.cancel_debts(to_cancel)
            report.cancelled = res.cancelled + res.pending
            for iud, reason in res.skipped:
                report.errors.append(RowError(0, "IUD", f"{iud}: {reason}"))
        report.errors.sort(key=lambda e: e.row)
        self.ws.audit("lists.import", ente_id=ente.id, entity="debt_list", entity_id=list_id,
                      details={"file": loaded.file, "format": loaded.kind, "rows": report.rows, "added": report.added,
                               "updated": report.updated, "invalid": report.invalid, "cancelled": report.cancelled})
        progress(n, n, "Fatto")
        return report

    @staticmethod
    def _import_update(d: Mapping[str, Any], rec: DebtRecord, row_no: int, valid: bool, errors_json: str,
                       ente: EnteData, rules: _Rules, report: ImportReport) -> dict[str, Any] | None:
        current = record_of(d)
        changed = {n: getattr(rec, n) for n in RECORD_FIELDS if getattr(rec, n) != getattr(current, n)}
        if not changed and (d["errors_json"] or "") == errors_json:
            return None
        if changed:
            if not is_editable(d["state"]) or d["cancel_requested"]:
                report.errors.append(RowError(row_no, "IUD", f"Il dovuto {rec.iud} è "
                                              f"{state_label(d['state']).lower()}: modifiche ignorate"))
                return None
            if d["portal_hash"] and "iuv" in changed and d["iuv"]:
                report.errors.append(RowError(row_no, "codIuv", f"Il dovuto {rec.iud} è già sul portale con lo IUV "
                                              f"{d['iuv']}: lo IUV non si può cambiare, modifiche ignorate"))
                return None
        upd: dict[str, Any] = {"id": d["id"]}
        for n, v in changed.items():
            if n == "bilancio":
                upd["bilancio_json"] = bilancio_to_json(v)
            else:
                upd[n] = v
        if "iuv" in changed:
            upd["notice_number"] = notice_number_for(rec.iuv, ente.application_code)
        if d["portal_hash"]:
            # The rules for a debt the portal holds differ (its IUV may be a MyPay one).
            valid, errors_json = rules.stored_errors(rec, True, sticky=[e for e in _errors_from_json(errors_json)
                                                                        if e.get("sticky")])
        upd.update(is_valid=valid, errors_json=errors_json, source_row=row_no or None)
        if d["state"] == DebtState.RIFIUTATO and changed:
            upd.update(state=DebtState.SUL_PORTALE if d["portal_hash"] else DebtState.NUOVO, portal_error_code="",
                       portal_error_message="")
        return upd

    # --- export ----------------------------------------------------------------------------------
    def export_flow(self, list_ref: ListRef, version: str, out_path: str | os.PathLike, *,
                    iuf: str | None = None) -> ExportReport:
        """Write the pending I/M/A rows of a list as a MyPay import flow ZIP.

        Only rows valid for ``version`` go in; the others are listed in ``left_out``. ``out_path`` may be
        a folder, or a file named ``<codIpa>-<IUF>-<version>.zip`` (its IUF is used); any other file name
        is replaced by the name MyPay requires, in the same folder (``report.path`` says where).
        """
        if version not in VERSIONS:
            raise UserError(f"Versione del tracciato «{version}» non valida: {', '.join(VERSIONS)}", field="version")
        ente = self._ente()
        rules = self._rules(ente)
        out = Path(out_path)
        folder = out if out.is_dir() else out.parent
        if not out.is_dir():
            try:
                parsed = import_flow.parse_flow_name(out.name)
            except import_flow.FlowError:
                parsed = None
            if parsed is not None and parsed.ext == "zip" and not parsed.suffix:
                if parsed.ipa_code != ente.ipa_code or parsed.version != version:
                    raise UserError(f"Il nome {out.name} non corrisponde all'Ente {ente.ipa_code} e alla versione "
                                    f"{version}", file=str(out))
                iuf = iuf or parsed.iuf
        if not folder.is_dir():
            raise UserError("Cartella di destinazione inesistente", file=str(folder))
        iuf = iuf or datetime.now().strftime("MPD%Y%m%d%H%M%S%f")[:-3]
        with bulk_work():
            with self.ws.db.session() as s:
                lst = self._resolve(s, ente.id, list_ref)
                list_name, list_id = lst.name, lst.id
                cols = repo.debt_columns_of_list(s, list_id)
            final, left_out = self._flow_rows(cols, rules, version)
            m = len(final["iud"])
            actions = {a: final["action"].count(a) for a in ("I", "M", "A")}
            if not m:
                raise UserError(f"Nessun dovuto da inviare nella lista «{list_name}»" +
                                (f": {len(left_out)} con errori da correggere" if left_out else ""), field="lista")
            try:
                csv_bytes = import_flow.write_flow_csv_columns(final, m, version)
                file_name, data = import_flow.flow_zip(csv_bytes, ente.ipa_code, iuf, version)
            except import_flow.FlowError as exc:
                raise UserError(exc.message, field="iuf") from exc
        records_count = m
        target = folder / file_name
        tmp = target.with_suffix(".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, target)
        self.ws.audit("lists.export_flow", ente_id=ente.id, entity="debt_list", entity_id=list_id,
                      details={"file": file_name, "rows": records_count, "actions": actions,
                               "left_out": len(left_out)})
        return ExportReport(list=list_name, path=target, file_name=file_name, iuf=iuf, version=version,
                            rows=records_count, actions=actions, left_out=left_out)

    def _flow_rows(self, cols: dict[str, list], rules: _Rules, version: str
                   ) -> tuple[dict[str, list], list[tuple[str, list[FieldError]]]]:
        """The debts a flow must carry (columns, with ``action``), and the pending ones left out
        because they are not valid for ``version``. Column-wise: only unusual rows get a record."""
        n = len(cols["id"])
        bil_json = cols.pop("bilancio_json")
        cols["bilancio"] = [None] * n if bil_json.count("") == n else \
            [bilancio_from_json(j) if j else None for j in bil_json]
        states, cancels, hashes = cols["state"], cols["cancel_requested"], cols["portal_hash"]

        def record(i: int) -> DebtRecord:
            return DebtRecord(**{f: cols[f][i] for f in RECORD_FIELDS})

        if hashes.count("") == n:  # nothing on the portal yet: no hashing needed
            actions = [pending_action(st, c, "", "") for st, c in zip(states, cancels, strict=True)]
        else:
            actions = [pending_action(st, c, h, flow_hash(record(i)) if h else "")
                       for i, (st, c, h) in enumerate(zip(states, cancels, hashes, strict=True))]
        idx = [i for i, a in enumerate(actions) if a]
        if len(idx) != n:
            cols = {k: [v[i] for i in idx] for k, v in cols.items()}
            actions = [actions[i] for i in idx]
            n = len(idx)
        on_portal = [bool(h) for h in cols["portal_hash"]]
        ok = quick_ok_columns(cols, n, rules.types, version, segregation_code=rules.ente.segregation_code or None,
                              on_portal=on_portal)
        bil_xml = [""] * n
        errors_json = cols["errors_json"]
        keep: list[int] = []
        left_out: list[tuple[str, list[FieldError]]] = []
        for i in range(n):
            stored = errors_json[i]
            bil = cols["bilancio"][i]
            if ok[i] and not stored and bil is None:
                keep.append(i)
                continue
            rec = record(i)
            errs = [] if ok[i] else rules.check(rec, on_portal[i], version)
            errs += [FieldError(e["column"], e["message"]) for e in _errors_from_json(stored)
                     if e.get("sticky") or e.get("column") == "IUD"]
            if bil is not None:
                bil_xml[i] = bilancio_xml(bil)
                if len(bil_xml[i]) > MAX_BILANCIO_CHARS:
                    errs.append(FieldError("bilancio", f"Il bilancio supera i {MAX_BILANCIO_CHARS} caratteri"))
            if errs:
                left_out.append((rec.iud, errs))
            else:
                keep.append(i)
        final = {f: cols[f] for f in RECORD_FIELDS if f != "bilancio"}
        final["bilancio_xml"] = bil_xml
        final["action"] = actions
        if len(keep) != n:
            final = {k: [v[i] for i in keep] for k, v in final.items()}
        return final, left_out

    def export_xlsx(self, list_ref: ListRef, out_path: str | os.PathLike) -> Path:
        """The list as a styled xlsx (instalments after their debt); formulas are neutralised."""
        from mypay_desk.formats.xlsx_export import write_debts_xlsx

        ente = self._ente()
        rows = self.get_debts(list_ref, include_instalments=True)
        summary = self.summary(list_ref)
        out = Path(out_path)
        if not out.parent.is_dir():
            raise UserError("Cartella di destinazione inesistente", file=str(out.parent))
        write_debts_xlsx(out, rows, title=f"{ente.name} - {summary.name}", action_labels=ACTION_LABELS)
        self.ws.audit("lists.export_xlsx", ente_id=ente.id, entity="debt_list", entity_id=summary.id,
                      details={"file": out.name, "rows": len(rows)})
        return out


# --- helpers ---------------------------------------------------------------------------------------


_PLAIN_FIELDS = tuple(n for n in RECORD_FIELDS if n != "bilancio")
_plain_values = attrgetter(*_PLAIN_FIELDS)


_COLUMN_FIELDS = (*RECORD_FIELDS, "action", "source_row")


@dataclass
class _Loaded:
    """A file read for import, kept as columns ({DebtRecord field: values}); records are built only
    for the rows that need one (errors, updates of existing debts, previews)."""

    kind: str
    file: str
    version: str
    cols: dict[str, list]
    n: int
    errors: list[RowError]
    mapping: dict[str, str]
    headers: list[str]
    sheet: str = ""
    records: list[DebtRecord] | None = None
    #: {field: (values, the values joined by newlines)} as the reader left them (see texts()).
    joined: dict[str, tuple[list, str]] = field(default_factory=dict)

    def texts(self) -> dict[str, str]:
        """Joined texts of the columns that are still the lists the reader made (not replaced since)."""
        return {f: t for f, (values, t) in self.joined.items() if self.cols.get(f) is values}

    def row_numbers(self) -> list[int]:
        rows = self.cols.get("source_row")
        return [r or 0 for r in rows] if rows is not None else list(range(2, self.n + 2))

    def row_no(self, i: int) -> int:
        rows = self.cols.get("source_row")
        return (rows[i] or 0) if rows is not None else i + 2

    def record(self, i: int) -> DebtRecord:
        if self.records is not None:
            return self.records[i]
        return DebtRecord(**{f: v[i] for f, v in self.cols.items() if f in _RECORD_ARGS})

    def all_records(self) -> list[DebtRecord]:
        if self.records is None:
            self.records = spreadsheet.records_from_columns(self.cols, self.n)
        return self.records

    def forget_records(self, *changed: str) -> None:
        """Columns were changed in place: rebuild records from them (flows keep their objects)."""
        if self.records is not None:
            for name in changed:
                for rec, v in zip(self.records, self.cols[name], strict=True):
                    setattr(rec, name, v)


_RECORD_ARGS = frozenset(f.name for f in fields(DebtRecord))


@dataclass
class _Checked:
    valid: list[bool]
    errors_json: list[str]
    reports: dict[int, list[RowError]]  # by row index


def _insert_columns(loaded: _Loaded, checked: _Checked, idx: list[int] | None, first_position: int,
                    ente: EnteData) -> dict[str, Any]:
    """Columns of the new debts to insert (``idx``: which rows; None: all of them)."""
    n = loaded.n if idx is None else len(idx)

    def pick(values: list) -> list:
        return values if idx is None else [values[i] for i in idx]

    out: dict[str, Any] = {}
    for name in _PLAIN_FIELDS:
        values = loaded.cols.get(name)
        out[name] = _FIELD_DEFAULTS[name] if values is None else pick(values)
    bil = loaded.cols.get("bilancio")
    out["bilancio_json"] = "" if bil is None or bil.count(None) == len(bil) else \
        [bilancio_to_json(b) if b else "" for b in pick(bil)]
    out["position"] = list(range(first_position, first_position + n))
    out["is_valid"] = pick(checked.valid)
    out["errors_json"] = pick(checked.errors_json)
    rows = loaded.cols.get("source_row")
    out["source_row"] = pick(rows) if rows is not None else None
    iuvs = out["iuv"]
    out["notice_number"] = "" if not isinstance(iuvs, list) or iuvs.count("") == n else \
        [notice_number_for(v, ente.application_code) if v else "" for v in iuvs]
    return out


_FIELD_DEFAULTS = {f.name: f.default for f in fields(DebtRecord)}


def _looks_like_flow(name: str, data: bytes) -> bool:
    """A MyPay flow: a ZIP, a CSV named like one, or a CSV whose header starts IUD;codIuv."""
    lower = name.lower()
    if lower.endswith(".zip") or data[:4] == b"PK\x03\x04" and not lower.endswith((".xlsx", ".xlsm", ".ods")):
        return True
    if not lower.endswith((".csv", ".txt")):
        return False
    try:
        import_flow.parse_flow_name(name)
        return True
    except import_flow.FlowError:
        pass
    head = data[:200].decode("utf-8", "ignore").lstrip("\ufeff").lower()
    return bool(re.match(r'"?iud"?;"?codiuv"?;', head))


def _mypay_column(column: str, loaded: _Loaded) -> str:
    """A reading error's column as a MyPay column name (what the stored errors use)."""
    if loaded.kind == "flow":
        return column
    for fld, header in loaded.mapping.items():
        if header == column:
            if fld in ("debtor_surname", "debtor_given_name"):
                return "anagraficaPagatore"
            return COLUMN_FOR_FIELD.get(fld, column)
    return column


def _file_column(column: str, loaded: _Loaded) -> str:
    """A MyPay column name as the file calls it (its header for spreadsheets)."""
    if loaded.kind == "flow":
        return column
    return spreadsheet.header_for_column(loaded.mapping, column)


def _stored_value(d: Mapping[str, Any], name: str) -> Any:
    if name == "bilancio":
        return bilancio_from_json(d.get("bilancio_json"))
    return d[name]


def _counts_for_iud(d: Mapping[str, Any]) -> bool:
    """Whether a debt holds its IUD (a cancelled debt the portal never had does not)."""
    return bool(d.get("iud")) and not (d.get("state") == DebtState.ANNULLATO and not d.get("portal_hash"))



__all__ = ["AssignResult", "CancelResult", "ExportReport", "ImportPreview", "ImportReport", "ListService",
           "ListSummary", "notice_number_for", "record_of", "row_of"]
