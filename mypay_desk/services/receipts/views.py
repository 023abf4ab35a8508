"""Receipts as the CLI and the UI see them: import reports, filters, rows, totals, details."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from mypay_desk.domain.money import format_amount
from mypay_desk.formats import receipt_export as rx
from mypay_desk.formats.receipt_xml import OUTCOME_LABELS, ReceiptSummary

if TYPE_CHECKING:  # pragma: no cover
    from mypay_desk.services.workspace import Workspace


MATCH_LABELS = {"IUD": "Abbinato (IUD)", "IUV": "Abbinato (IUV)", "": "Non abbinato"}


# --- value types handed to the CLI and the UI ----------------------------------------------------

@dataclass
class ImportReport:
    file: str = ""
    version: str = ""
    with_receipt: bool = False
    receipts: int = 0  # valid receipt rows read
    new: int = 0  # stored now
    duplicates: int = 0  # already stored (or repeated in the file)
    matched: int = 0  # new receipts matched to a local debt
    unmatched: int = 0  # new receipts without a local debt
    rematched: int = 0  # older unmatched receipts matched now
    debts_paid: int = 0  # debts whose paid state was updated
    already_imported: bool = False  # the very same file had been imported before
    errors: list[dict] = field(default_factory=list)
    errors_omitted: int = 0  # rejected rows beyond the first ones listed in ``errors`` (bounded memory)

    @property
    def rejected(self) -> int:
        return len(self.errors) + self.errors_omitted

    def to_json(self) -> dict:
        # receipts/new/matched/unmatched/errors first: the shape scripts rely on (CLI.md)
        return {"receipts": self.receipts, "new": self.new, "matched": self.matched,
                "unmatched": self.unmatched, "errors": self.errors, "file": self.file, "version": self.version,
                "with_receipt": self.with_receipt, "duplicates": self.duplicates, "rematched": self.rematched,
                "debts_paid": self.debts_paid, "already_imported": self.already_imported,
                "errors_omitted": self.errors_omitted}

    def merge(self, other: ImportReport) -> None:
        for name in ("receipts", "new", "duplicates", "matched", "unmatched", "rematched", "debts_paid",
                     "errors_omitted"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)


@dataclass
class SyncReport(ImportReport):
    date_from: datetime | None = None
    date_to: datetime | None = None
    state: str = ""  # IMPORTATO | VUOTO
    resumed: bool = False

    def to_json(self) -> dict:
        d = super().to_json()
        d.update({"date_from": self.date_from.isoformat() if self.date_from else None,
                  "date_to": self.date_to.isoformat() if self.date_to else None,
                  "state": self.state, "resumed": self.resumed})
        return d


@dataclass
class ReceiptFilters:
    date_from: date | None = None
    date_to: date | None = None
    debt_types: tuple[str, ...] = ()
    text: str = ""
    matched: bool | None = None
    sort: str = "outcome_date"
    descending: bool = True


@dataclass
class ReceiptView:
    id: int
    outcome_date: date | None
    receipt_datetime: datetime | None
    iuv: str
    iud: str
    payer_name: str
    payer_code: str
    amount_cents: int
    psp_name: str
    debt_type: str
    outcome_code: str
    single_outcome: str
    debt_id: int | None
    match_kind: str
    causale: str = ""
    secondary_name: str = ""
    payment_index: int | None = None
    export_name: str = ""
    debt_amount_cents: int | None = None
    debt_paid_cents: int | None = None
    debt_state: str = ""
    instalment_number: int | None = None

    @property
    def matched(self) -> bool:
        return self.debt_id is not None

    @property
    def outcome_label(self) -> str:
        if self.single_outcome and not self.outcome_code:
            return self.single_outcome
        return OUTCOME_LABELS.get(self.outcome_code, self.outcome_code or self.single_outcome)

    @property
    def match_label(self) -> str:
        """What the receipt did to its debt: paid, partial, excess, instalment; or unmatched."""
        if self.debt_id is None:
            if self.debt_type == rx.SECONDARY_ENTE_TYPE:
                return "Ente secondario"
            return "Non abbinato"
        label = MATCH_LABELS.get(self.match_kind, "Abbinato")
        extra = []
        if self.instalment_number:
            extra.append(f"rata {self.instalment_number}")
        if self.debt_amount_cents is not None and self.debt_paid_cents is not None:
            diff = self.debt_paid_cents - self.debt_amount_cents
            if diff > 0:
                extra.append(f"eccedenza {format_amount(diff, currency=True)}")
            elif diff < 0:
                extra.append(f"parziale, mancano {format_amount(-diff, currency=True)}")
        return f"{label}, {', '.join(extra)}" if extra else label

    def to_json(self) -> dict:
        d = asdict(self)
        for k in ("outcome_date", "receipt_datetime"):
            d[k] = d[k].isoformat() if d[k] else None
        d["matched"] = self.matched
        d["outcome_label"] = self.outcome_label
        d["match_label"] = self.match_label
        return d


@dataclass
class ReceiptTotals:
    count: int = 0
    amount_cents: int = 0
    matched: int = 0
    matched_cents: int = 0
    unmatched: int = 0
    unmatched_cents: int = 0
    by_type: list[tuple[str, int, int]] = field(default_factory=list)  # (tipo, count, cents)
    unmatched_by_type: list[tuple[str, int, int]] = field(default_factory=list)


@dataclass
class ReceiptQuery:
    ids: Any  # array('q') of receipt ids in display order
    totals: ReceiptTotals


@dataclass
class CollectionPoint:
    period: date  # the day, or the first day of the month
    label: str
    count: int
    amount_cents: int


@dataclass
class ReceiptDetail:
    view: ReceiptView
    summary: ReceiptSummary | None
    fields: list[tuple[str, str]]  # decoded receipt (or export columns when there is no receipt XML)
    columns: list[tuple[str, str]]  # every non-empty export column
    debt: dict | None
    rt_xml: str = ""
    problem: str = ""  # why the receipt XML could not be decoded


class ReceiptServiceBase:
    """The workspace and the Ente every receipt use case works on."""

    def __init__(self, ws: Workspace):
        self.ws = ws

    def _ente(self, ente_id: int | None):
        return self.ws.ente.get_by_id(ente_id) if ente_id else self.ws.ente.require_current()
