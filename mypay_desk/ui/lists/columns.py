"""The columns of the debts table: what each shows, how it is edited, parsed and sorted.

One table drives the model, the delegates, copy/paste and the bulk dialog. Values inside are the
DebtRow's (cents, ``date``); text at the edges is Italian ("1.234,56", "31/12/2025").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication

from mypay_desk.domain.debt_states import ACTION_LABELS, state_label
from mypay_desk.domain.debts import COLUMN_BY_FIELD, CONTROL_RE, COUNTRIES, FIELD_FOR_COLUMN, PROVINCES
from mypay_desk.domain.identity import normalize
from mypay_desk.domain.money import MoneyError, format_amount, parse_amount
from mypay_desk.formats.limits import without_nul
from mypay_desk.ui.domain_text import domain_label, domain_text
from mypay_desk.ui.widgets.dates import DateInputError, format_date, parse_user_date

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


class CellError(ValueError):
    """A value that cannot go in a cell; the message says what is expected."""


@dataclass(frozen=True)
class DebtColumn:
    field: str  # DebtRow attribute (or a computed key: "pending", "errors")
    header: str
    kind: str  # text | upper | code | amount | date | debt_type | debtor_type | province | country | ro
    editable: bool = True
    width: int = 110
    sort: str | None = None  # sort key understood by DebtTableService (None: not sortable)
    right: bool = False

    @property
    def max_len(self) -> int:
        col = COLUMN_BY_FIELD.get(self.field)
        return col.max_len if col else 0

    @property
    def mypay_name(self) -> str:
        col = COLUMN_BY_FIELD.get(self.field)
        return col.name if col else ""


def build_columns() -> list[DebtColumn]:
    return [
        DebtColumn("state", translate("DebtColumns", "Stato"), "ro", False, 150, "state"),
        DebtColumn("pending", translate("DebtColumns", "Da inviare"), "ro", False, 95, None),
        DebtColumn("iud", translate("DebtColumns", "IUD"), "upper", True, 130, "iud"),
        DebtColumn("debtor_type", translate("DebtColumns", "F/G"), "debtor_type", True, 40, "debtor_type"),
        DebtColumn("debtor_code", translate("DebtColumns", "Codice fiscale / P.IVA"), "code", True, 150, "debtor_code"),
        DebtColumn("debtor_name", translate("DebtColumns", "Debitore"), "text", True, 180, "debtor_name"),
        DebtColumn("amount_cents", translate("DebtColumns", "Importo"), "amount", True, 90, "amount_cents", right=True),
        DebtColumn("due_date", translate("DebtColumns", "Scadenza"), "date", True, 90, "due_date"),
        DebtColumn("debt_type", translate("DebtColumns", "Tipo dovuto"), "debt_type", True, 90, "debt_type"),
        DebtColumn("causale", translate("DebtColumns", "Causale"), "text", True, 220, "causale"),
        DebtColumn("errors", translate("DebtColumns", "Errori"), "ro", False, 280, "errors_json"),
        DebtColumn("address", translate("DebtColumns", "Indirizzo"), "text", True, 160, "address"),
        DebtColumn("civic", translate("DebtColumns", "Civico"), "text", True, 55, "civic"),
        DebtColumn("postal_code", translate("DebtColumns", "CAP"), "upper", True, 55, "postal_code"),
        DebtColumn("city", translate("DebtColumns", "Località"), "text", True, 120, "city"),
        DebtColumn("province", translate("DebtColumns", "Prov."), "province", True, 45, "province"),
        DebtColumn("country", translate("DebtColumns", "Naz."), "country", True, 45, "country"),
        DebtColumn("email", translate("DebtColumns", "E-mail"), "text", True, 160, "email"),
        DebtColumn("collection_data", translate("DebtColumns", "Dati riscossione"), "text", True, 110, "collection_data"),
        DebtColumn("iuv", translate("DebtColumns", "IUV"), "ro", False, 140, "iuv"),
        DebtColumn("notice_number", translate("DebtColumns", "Numero avviso"), "ro", False, 150, "notice_number"),
        DebtColumn("instalment_count", translate("DebtColumns", "Rate"), "ro", False, 45, None, right=True),
    ]


# --- formatting --------------------------------------------------------------------------------

def display_value(col: DebtColumn, row, *, shown: bool = True) -> str:
    """The cell's text; ``shown=False``: a text field as stored (what an editor gets), see shown_text."""
    f = col.field
    if f == "state":
        return domain_label(state_label(row.state))
    if f == "pending":
        label = domain_label(ACTION_LABELS.get(row.pending or "", ""))
        if label and row.pending != "A" and not getattr(row, "is_valid", True):
            # not sent until fixed: the counts of what will be sent leave it out too
            return translate("DebtColumns", "Da correggere")
        return label
    if f == "errors":
        return "; ".join(f"{error_label(e.field)}: {domain_text(e.message)}" for e in row.errors)
    if f == "instalment_count":
        return str(row.instalment_count) if row.instalment_count else ""
    value = getattr(row, f)
    if col.kind == "amount":
        return format_amount(value) if value is not None else ""
    if col.kind == "date":
        return format_date(value)
    if value is None:
        return ""
    return shown_text(str(value)) if shown else str(value)


def shown_text(text: str) -> str:
    """``text`` as a cell shows it: a control character (what the rules mark, CONTROL_RE; a NUL read from a
    file is stored as SUB) as "\ufffd", so the clerk sees where it is. Editors get the text as stored."""
    return text if text.isprintable() else CONTROL_RE.sub("\ufffd", text)


def error_label(mypay_name: str) -> str:
    """The label of a MyPay column named in a FieldError, in the interface language."""
    field = FIELD_FOR_COLUMN.get(mypay_name)
    col = COLUMN_BY_FIELD.get(field) if field else None
    return domain_label(col.label) if col else mypay_name


def sort_key(col: DebtColumn, row) -> Any:
    f = col.field
    if f == "errors":
        return len(row.errors)
    if f == "pending":
        return row.pending or ""
    value = getattr(row, f)
    if value is None:
        return "" if col.kind not in ("amount", "date") else (0 if col.kind == "amount" else "")
    if col.kind == "date":
        return value.isoformat()
    return value


# --- parsing what people type or paste ---------------------------------------------------------

_EXCEL_EPOCH = date(1899, 12, 30)


def parse_date(text: str) -> date | None:
    """A date typed or pasted into the table, read with the app's one date rule (ui/widgets/dates.py).

    A paste may also carry a time ("31/12/2025 00:00:00" from some exports, cut off) or an Excel date
    serial (a 5-digit number, when a date column was copied as numbers). "" is no date.
    """
    s = (text or "").strip()
    if not s:
        return None
    s = s.split(" ")[0] if re.fullmatch(r"\S+ \d{1,2}:\d{2}(:\d{2})?", s) else s
    s = s.split("T")[0] if re.fullmatch(r"\d{4}-\d{2}-\d{2}T[\d:.]+Z?", s) else s
    if re.fullmatch(r"\d{5}", s):  # an Excel date serial pasted as a number
        return _EXCEL_EPOCH + timedelta(days=int(s))
    try:
        return parse_user_date(s)
    except DateInputError as exc:
        raise CellError(str(exc)) from None


def parse_value(col: DebtColumn, value: Any) -> Any:
    """Turn an editor's value or pasted text into the DebtRow value of ``col`` (CellError if impossible).

    Texts are trimmed; codes are upper-cased. Semantic checks (CF valid, CAP, provincia...) are the
    list service's: a wrong but storable value is stored and marked, never refused here.
    """
    kind = col.kind
    if kind == "date":
        if isinstance(value, date):
            return value
        if hasattr(value, "toPython"):  # QDate
            return value.toPython() if value.isValid() else None
        return parse_date(str(value or ""))
    text = "" if value is None else str(value)
    text = without_nul(text.replace("\r", " ").replace("\n", " ").strip())  # (pasted text may hold NUL)
    if kind == "amount":
        if not text:
            return 0
        try:
            return parse_amount(text)
        except MoneyError as exc:
            raise CellError(domain_text(str(exc))) from exc
    if kind in ("code",):
        return normalize(text)
    if kind in ("upper", "debtor_type", "province", "country", "debt_type"):
        text = text.upper() if kind != "debt_type" else text
    if kind == "debtor_type" and text not in ("", "F", "G"):
        raise CellError(translate("DebtColumns", "Tipo soggetto «{0}»: scrivi F (persona fisica) o G (persona "
                                                 "giuridica)").format(text))
    limit = col.max_len
    if limit and len(text) > limit:
        raise CellError(translate("DebtColumns", "Testo di {0} caratteri: al massimo {1}").format(
            len(text), limit))
    return text


def province_codes() -> list[str]:
    return sorted(PROVINCES)


def country_codes() -> list[str]:
    return sorted(COUNTRIES)
