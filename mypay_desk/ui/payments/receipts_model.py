"""The payments table: receipts loaded lazily by id snapshot (sorting and filtering run in SQL).

The page asks the service for the ids matching the filters, in the chosen order (8 bytes a row);
the model then fetches only the rows on screen, a page at a time, by primary key.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from mypay_desk.domain.money import format_amount
from mypay_desk.ui.domain_text import domain_label
from mypay_desk.ui.widgets.readonly_model import ReadOnlyTableModel

SortRole = Qt.ItemDataRole.UserRole
IdRole = Qt.ItemDataRole.UserRole + 1
ViewRole = Qt.ItemDataRole.UserRole + 2

PAGE_ROWS = 200

# (key used by the service for sorting, header) in display order; headers are shown through tr()
COLUMNS: list[tuple[str, str]] = [
    ("outcome_date", "Data pagamento"),
    ("iuv", "IUV"),
    ("iud", "IUD"),
    ("payer_name", "Debitore"),
    ("amount_cents", "Importo"),
    ("psp_name", "PSP"),
    ("debt_type", "Tipo dovuto"),
    ("outcome_code", "Esito"),
    ("match_kind", "Abbinamento"),
]
AMOUNT_COLUMN = 4
MATCH_COLUMN = 8

_PARTIAL = QColor("#fff4d6")
_EXCESS = QColor("#fde2e1")
_UNMATCHED = QColor("#eef2f7")


def _display(v, column: int) -> str:
    key = COLUMNS[column][0]
    if key == "outcome_date":
        return v.outcome_date.strftime("%d/%m/%Y") if v.outcome_date else ""
    if key == "amount_cents":
        return format_amount(v.amount_cents)
    if key == "payer_name":
        return v.payer_name or v.payer_code
    if key == "outcome_code":
        return domain_label(v.outcome_label)
    if key == "match_kind":
        return domain_label(v.match_label)
    return str(getattr(v, key) or "")


def _sort_value(v, column: int) -> Any:
    key = COLUMNS[column][0]
    if key == "outcome_date":
        return v.outcome_date.isoformat() if v.outcome_date else ""
    if key == "amount_cents":
        return v.amount_cents
    if key == "match_kind":
        return v.match_kind
    return _display(v, column)


class ReceiptTableModel(ReadOnlyTableModel):
    """Rows = receipt ids of the current query; row data fetched on demand through ``fetch_rows``."""

    sortRequested = Signal(str, bool)  # service sort key, descending

    def __init__(self, fetch_rows: Callable[[Sequence[int]], list], parent=None):
        super().__init__(parent)
        self._fetch_rows = fetch_rows
        self._ids: Sequence[int] = ()
        self._pages: dict[int, list] = {}
        self.sort_key = "outcome_date"
        self.descending = True
        self._headers = [self.tr("Data pagamento"), self.tr("IUV"), self.tr("IUD"), self.tr("Debitore"),
                         self.tr("Importo"), self.tr("PSP"), self.tr("Tipo dovuto"), self.tr("Esito"),
                         self.tr("Abbinamento")]

    # --- content ------------------------------------------------------------------------------
    def set_ids(self, ids: Sequence[int]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self.endResetModel()

    def clear(self) -> None:
        self.set_ids(())

    def receipt_id(self, row: int) -> int | None:
        return int(self._ids[row]) if 0 <= row < len(self._ids) else None

    def row_of(self, receipt_id: int) -> int:
        for i, rid in enumerate(self._ids):
            if rid == receipt_id:
                return i
        return -1

    def view(self, row: int):
        """The ReceiptView of a row (fetched with its page when needed)."""
        if not (0 <= row < len(self._ids)):
            return None
        page_no = row // PAGE_ROWS
        page = self._pages.get(page_no)
        if page is None:
            start = page_no * PAGE_ROWS
            wanted = [int(i) for i in self._ids[start:start + PAGE_ROWS]]
            fetched = {v.id: v for v in self._fetch_rows(wanted)}
            page = [fetched.get(i) for i in wanted]
            if len(self._pages) > 50:  # keep memory bounded while scrolling a huge table
                self._pages.clear()
            self._pages[page_no] = page
        return page[row - page_no * PAGE_ROWS]

    # --- Qt model ----------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def header_labels(self):
        return self._headers

    def cell(self, row: int, col: int, role: int):
        if role == IdRole:
            return int(self._ids[row])
        if role not in (Qt.ItemDataRole.DisplayRole, SortRole, ViewRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.BackgroundRole):
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col == AMOUNT_COLUMN:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        v = self.view(row)
        if v is None:  # deleted meanwhile
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(v, col)
        if role == SortRole:
            return _sort_value(v, col)
        if role == ViewRole:
            return v
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == MATCH_COLUMN or col == 3:
                return v.causale or domain_label(v.match_label)
            return None
        if role == Qt.ItemDataRole.BackgroundRole and col == MATCH_COLUMN:
            if v.debt_id is None:
                return QBrush(_UNMATCHED)
            if v.debt_amount_cents is not None and v.debt_paid_cents is not None:
                if v.debt_paid_cents > v.debt_amount_cents:
                    return QBrush(_EXCESS)
                if v.debt_paid_cents < v.debt_amount_cents:
                    return QBrush(_PARTIAL)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting runs in the database: ask the page to reload in the new order."""
        if not (0 <= column < len(COLUMNS)):
            return
        self.sort_key = COLUMNS[column][0]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.sortRequested.emit(self.sort_key, self.descending)

    def sort_column(self) -> int:
        for i, (k, _h) in enumerate(COLUMNS):
            if k == self.sort_key:
                return i
        return 0
