"""Shared pieces of the debt-list use cases: conversions between stored rows and records, the
validation context, and the base every use-case mixin builds on."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import fields
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from mypay_desk.domain.debt_states import (
    DebtState,
    pending_action,
)
from mypay_desk.domain.debts import (
    COLUMN_FOR_FIELD,
    DEFAULT_VERSION,
    RECORD_FIELDS,
    DebtRecord,
    DebtRow,
    bilancio_from_json,
    bilancio_to_json,
    flow_hash,
    validate_debt,
)
from mypay_desk.domain.ente import DebtTypeData, EnteData, FieldError
from mypay_desk.domain.excerpt import excerpt
from mypay_desk.services.errors import NotFoundError, UserError
from mypay_desk.services.rejections import rejection_errors
from mypay_desk.store.repositories import debts as repo

if TYPE_CHECKING:  # pragma: no cover
    from mypay_desk.services.workspace import Workspace


ListRef = int | str

# Fields whose text MyPay wants upper case and without spaces.
CODE_FIELDS = frozenset({"iud", "iuv", "debtor_type", "debtor_code", "province", "country", "payment_type",
                         "sec_fiscal_code", "sec_iban", "sec_province", "sec_country"})
STR_FIELDS = frozenset(f.name for f in fields(DebtRecord) if f.type in ("str", str))
AMOUNT_FIELDS = ("amount_cents", "pa_fee_cents", "sec_amount_cents")
# What instalments inherit from their parent debt (and follow when it changes).
INHERITED_FIELDS = ("debtor_type", "debtor_code", "debtor_name", "address", "civic", "postal_code", "city",
                    "province", "country", "email", "debt_type", "payment_type", "collection_data")
ROW_FIELDS = {f.name for f in fields(DebtRow)}


# --- conversions ---------------------------------------------------------------------------------

def errors_from_json(text: str | None) -> list[dict[str, Any]]:
    if not text:
        return []
    try:
        data = json.loads(text)
    except ValueError:
        return []
    return [e for e in data if isinstance(e, dict)] if isinstance(data, list) else []


def errors_to_json(errors: Sequence[dict[str, Any]]) -> str:
    return json.dumps(list(errors), ensure_ascii=False, separators=(",", ":")) if errors else ""


def record_of(d: Mapping[str, Any]) -> DebtRecord:
    """The DebtRecord of a stored debt (dict of column values)."""
    values = {n: d[n] for n in RECORD_FIELDS if n != "bilancio"}
    return DebtRecord(**values, bilancio=bilancio_from_json(d.get("bilancio_json")),
                      source_row=d.get("source_row"))


def row_of(d: Mapping[str, Any]) -> DebtRow:
    """The DebtRow of a stored debt."""
    values = {k: v for k, v in d.items() if k in ROW_FIELDS and k not in ("bilancio", "errors")}
    values["bilancio"] = bilancio_from_json(d.get("bilancio_json"))
    values["errors"] = [FieldError(e.get("column", ""), e.get("message", ""))
                        for e in errors_from_json(d.get("errors_json"))]
    if d.get("state") == "RIFIUTATO" and (d.get("portal_error_code") or d.get("portal_error_message")):
        # the portal's rejection stays on the debt until it is edited or sent again
        values["errors"] += rejection_errors(d.get("portal_error_code", ""), d.get("portal_error_message", ""))
    row = DebtRow(**values)
    row.pending = pending_action(row.state, row.cancel_requested, d.get("portal_hash") or "",
                                 flow_hash(row.record()))
    return row


def columns_of(rec: DebtRecord) -> dict[str, Any]:
    out = {n: getattr(rec, n) for n in RECORD_FIELDS if n != "bilancio"}
    out["bilancio_json"] = bilancio_to_json(rec.bilancio)
    return out


def normalize_value(name: str, value: Any) -> Any:
    if name in STR_FIELDS:
        if value is None:
            return ""
        text = str(value)
        if name in CODE_FIELDS:
            return "".join(text.split()).upper()
        return text.strip()
    if name in AMOUNT_FIELDS:
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

class Rules:
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
        return not errs, errors_to_json(errs)


def sticky_errors(errors_json: str | None, edited: Iterable[str] = ()) -> list[dict[str, Any]]:
    """Reading problems recorded at import, except for the columns just edited."""
    edited_cols = {COLUMN_FOR_FIELD.get(f, f) for f in edited}
    return [e for e in errors_from_json(errors_json) if e.get("sticky") and e.get("column") not in edited_cols]


def on_portal(d: Mapping[str, Any]) -> bool:
    return bool(d.get("portal_hash"))


def stored_value(d: Mapping[str, Any], name: str) -> Any:
    if name == "bilancio":
        return bilancio_from_json(d.get("bilancio_json"))
    return d[name]


def counts_for_iud(d: Mapping[str, Any]) -> bool:
    """Whether a debt holds its IUD (a cancelled debt the portal never had does not)."""
    return bool(d.get("iud")) and not (d.get("state") == DebtState.ANNULLATO and not d.get("portal_hash"))


class ListServiceBase:
    """What every use case of the lists needs: the workspace, the current Ente, its rules, a list by
    id or name, and IUD ownership checks."""

    def __init__(self, ws: Workspace):
        self.ws = ws

    # --- context ---------------------------------------------------------------------------------
    def _ente(self) -> EnteData:
        return self.ws.ente.require_current()

    def _rules(self, ente: EnteData | None = None) -> Rules:
        ente = ente or self._ente()
        return Rules(ente, self.ws.ente.types(ente.id))

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

    @staticmethod
    def _check_name(name: str) -> str:
        name = (name or "").strip()
        if not name:
            raise UserError("Il nome della lista è obbligatorio", field="nome")
        if len(name) > 120:
            raise UserError("Il nome della lista supera i 120 caratteri", field="nome")
        return name

    # --- IUD ownership ------------------------------------------------------------------------
    def _iud_owners(self, s, ente_id: int, iuds: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {}
        for d in repo.debts_with_iuds(s, ente_id, iuds, columns=("list_id", "iud", "state", "portal_hash")):
            out.setdefault(d["iud"], []).append(d)
        return out

    @staticmethod
    def _clash(iud: str, owners: Mapping[str, list[dict[str, Any]]], self_id: int | None,
               list_id: int, names: Mapping[int, str] | None = None) -> list[FieldError]:
        holders = [h for h in owners.get(iud, ()) if h["id"] != self_id and counts_for_iud(h)] if iud else []
        if not holders:
            return []
        lists = sorted({f"«{excerpt((names or {}).get(h['list_id'], h['list_id']))}»" for h in holders})
        where = ", ".join(lists[:3]) + (f" e altre {len(lists) - 3}" if len(lists) > 3 else "")
        same = all(h["list_id"] == list_id for h in holders)
        text = "in questa lista" if same else f"nella lista {where}"
        return [FieldError("IUD", f"IUD «{excerpt(iud)}» già usato da un altro dovuto {text}: deve essere univoco per l'Ente")]

