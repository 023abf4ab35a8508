"""Files read for import kept as columns, and the columns of new debts to insert."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from mypay_desk.domain.codes import notice_number_for
from mypay_desk.domain.debts import (
    RECORD_FIELDS,
    DebtRecord,
    RowError,
    bilancio_to_json,
)
from mypay_desk.domain.ente import EnteData
from mypay_desk.formats import spreadsheet

# --- helpers ---------------------------------------------------------------------------------------


PLAIN_FIELDS = tuple(n for n in RECORD_FIELDS if n != "bilancio")


COLUMN_FIELDS = (*RECORD_FIELDS, "action", "source_row")


@dataclass
class LoadedFile:
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
        return DebtRecord(**{f: v[i] for f, v in self.cols.items() if f in RECORD_ARGS})

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


RECORD_ARGS = frozenset(f.name for f in fields(DebtRecord))


@dataclass
class CheckedRows:
    valid: list[bool]
    errors_json: list[str]
    reports: dict[int, list[RowError]]  # by row index


def insert_columns(loaded: LoadedFile, checked: CheckedRows, idx: list[int] | None, first_position: int,
                    ente: EnteData) -> dict[str, Any]:
    """Columns of the new debts to insert (``idx``: which rows; None: all of them)."""
    n = loaded.n if idx is None else len(idx)

    def pick(values: list) -> list:
        return values if idx is None else [values[i] for i in idx]

    out: dict[str, Any] = {}
    for name in PLAIN_FIELDS:
        values = loaded.cols.get(name)
        out[name] = FIELD_DEFAULTS[name] if values is None else pick(values)
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


FIELD_DEFAULTS = {f.name: f.default for f in fields(DebtRecord)}

