"""An edit of a debt that another desk changed meanwhile: refused, with what is stored now.

Every write of a debt moves its ``version`` on (store/repositories/debts.py ``versioned``). An edit
names the version it was made on (the row as the desk showed it); when the stored one differs, nothing
of the edit is saved and :class:`DebtConflictError` says who changed which debt, when, and what each
edited field holds now next to the value the user wanted. The GUI shows it in a dialog and lets the
user keep the current values or apply theirs on top (a new edit on the current version).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from mypay_desk.domain.debts import FIELD_LABELS, DebtRow
from mypay_desk.domain.money import format_amount
from mypay_desk.services.errors import UserError

CONFLICT_CODE = "conflict"


@dataclass
class DebtConflict:
    """One debt an edit was refused on."""

    debt_id: int
    expected_version: int  # the version the edit was made on
    current: DebtRow  # the debt as stored now (its version, its values)
    wanted: dict[str, Any] = field(default_factory=dict)  # field -> the value the edit wanted
    changed_at: datetime | None = None  # when the other write happened (UTC, as stored)

    @property
    def label(self) -> str:
        return self.current.iud or f"#{self.debt_id}"

    @property
    def changed_by(self) -> str:
        return self.current.changed_by

    def current_value(self, name: str) -> Any:
        return getattr(self.current, name, None)


def value_text(name: str, value: Any) -> str:
    """A field's value as the office reads it (amounts in euro, dates dd/mm/yyyy, empty as «vuoto»)."""
    if value is None or value == "" or value == []:
        return "(vuoto)"
    if name.endswith("_cents") and isinstance(value, int) and not isinstance(value, bool):
        return format_amount(value)
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return "sì" if value else "no"
    if isinstance(value, list):  # the bilancio
        return f"{len(value)} capitoli"
    return str(value)


def field_label(name: str) -> str:
    return FIELD_LABELS.get(name, name)


class DebtConflictError(UserError):
    """Another desk changed some of the debts being edited; nothing of the edit was saved."""

    def __init__(self, conflicts: list[DebtConflict]):
        self.conflicts = conflicts
        super().__init__(_message(conflicts), field="version", code=CONFLICT_CODE)


def _message(conflicts: list[DebtConflict]) -> str:
    first = conflicts[0]
    who = f" da {first.changed_by}" if first.changed_by else " da un'altra postazione"
    when = ""
    if first.changed_at is not None:
        when = f" alle {_local(first.changed_at).strftime('%H:%M')} del {_local(first.changed_at).strftime('%d/%m/%Y')}"
    parts = []
    for name, wanted in list(first.wanted.items())[:4]:
        parts.append(f"{field_label(name)} ora è «{value_text(name, first.current_value(name))}» "
                     f"(tu volevi «{value_text(name, wanted)}»)")
    text = (f"Il dovuto {first.label} è stato modificato{who}{when} mentre lo modificavi: la tua modifica non "
            "è stata salvata per non sovrascrivere la sua.")
    if parts:
        text += " " + "; ".join(parts) + "."
    if len(conflicts) > 1:
        text += f" Lo stesso per altri {len(conflicts) - 1} dovuti."
    return text + " Ricarica i dati e ripeti la modifica se serve ancora."


def _local(stamp: datetime) -> datetime:
    """A stored UTC time (naive) in the desk's local time."""
    from datetime import UTC

    return stamp.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def conflicts_of(expected: Mapping[int, int], stored: Mapping[int, Mapping[str, Any]],
                 wanted: Mapping[int, Mapping[str, Any]], when: Mapping[int, datetime | None],
                 row_of) -> list[DebtConflict]:
    """The debts whose stored version differs from the one the edit was made on (``row_of`` turns a
    stored dict into a DebtRow)."""
    out = []
    for debt_id, version in expected.items():
        d = stored.get(debt_id)
        if d is None or version is None or int(d["version"]) == int(version):
            continue
        out.append(DebtConflict(debt_id, int(version), row_of(d), dict(wanted.get(debt_id, {})),
                                when.get(debt_id)))
    return out
