"""Table models of the Riconciliazione page: the summary per code and the lazily loaded results."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from mypay_desk.domain.money import format_amount
from mypay_desk.ui.domain_text import domain_label
from mypay_desk.ui.widgets.readonly_model import ReadOnlyTableModel

SortRole = Qt.ItemDataRole.UserRole
CodeRole = Qt.ItemDataRole.UserRole + 1
ItemRole = Qt.ItemDataRole.UserRole + 2

_ANOMALY = QColor("#fde2e1")
_OK = QColor("#e3f4e8")
_RESOLVED = QColor("#eef2f7")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def _tr(text: str) -> str:
    """Labels that come from the service (MyPivot's Italian names), in the interface language."""
    return domain_label(text)


def _count(n: int) -> str:
    return f"{n:,}".replace(",", ".")


class SummaryModel(ReadOnlyTableModel):
    """One row per classification code: code, label, count, amount, still to check."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []  # services.reconciliation.CodeSummary
        self.HEADERS = (self.tr("Codice"), self.tr("Descrizione"), self.tr("Numero"), self.tr("Importo"),
                        self.tr("Da verificare"))

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list:
        return list(self._rows)

    def code(self, row: int) -> str | None:
        return self._rows[row].code if 0 <= row < len(self._rows) else None

    def row_of(self, code: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.code == code), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def header_labels(self):
        return self.HEADERS

    def cell(self, row: int, col: int, role: int):
        r = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return (r.code, _tr(r.label), _count(r.count), format_amount(r.amount_cents),
                    _count(r.open) if r.anomaly else "")[col]
        if role == SortRole:
            return (r.code, r.label, r.count, r.amount_cents, r.open if r.anomaly else 0)[col]
        if role == CodeRole:
            return r.code
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if col >= 2 else _LEFT
        if role == Qt.ItemDataRole.ToolTipRole:
            kind = self.tr("Anomalia da verificare") if r.anomaly else self.tr("Pagamenti riconciliati")
            return f"{r.code}: {_tr(r.label)} ({kind})"
        if role == Qt.ItemDataRole.BackgroundRole and col == 0 and r.count:
            return QBrush(_ANOMALY if r.anomaly else _OK)
        if role == Qt.ItemDataRole.FontRole and r.anomaly and r.open:
            f = QFont()
            f.setBold(True)
            return f
        return None


PAGE_ROWS = 200
RESULT_COLUMNS = 8
AMOUNT_COLUMN = 3


class ResultsModel(ReadOnlyTableModel):
    """The results of one code, fetched a page at a time on demand (the count comes first)."""

    def __init__(self, fetch_page: Callable[[str | None, int, int, str, bool], list], parent=None):
        super().__init__(parent)
        self._fetch_page = fetch_page
        self.code: str | None = None
        self.search = ""
        self.only_open = False
        self._total = 0
        self._pages: dict[int, list] = {}
        self.headers = (self.tr("IUV / chiave"), self.tr("IUD"), self.tr("IUF"), self.tr("Importo"), self.tr("Data"),
                        self.tr("Pagatore / ordinante"), self.tr("Nota"), self.tr("Risolto"))

    def set_query(self, code: str | None, total: int, search: str = "", only_open: bool = False) -> None:
        self.beginResetModel()
        self.code, self._total, self.search, self.only_open = code, max(total, 0), search, only_open
        self._pages.clear()
        self.endResetModel()

    def clear(self) -> None:
        self.set_query(None, 0)

    def refresh_rows(self) -> None:
        """Drop cached pages (a note or mark changed) and repaint."""
        self._pages.clear()
        if self._total:
            self.dataChanged.emit(self.index(0, 0), self.index(self._total - 1, RESULT_COLUMNS - 1))

    def item(self, row: int):
        if not (0 <= row < self._total):
            return None
        page_no = row // PAGE_ROWS
        page = self._pages.get(page_no)
        if page is None:
            page = self._fetch_page(self.code, page_no * PAGE_ROWS, PAGE_ROWS, self.search, self.only_open)
            if len(self._pages) > 50:  # bounded memory while scrolling a huge list
                self._pages.clear()
            self._pages[page_no] = page
        offset = row - page_no * PAGE_ROWS
        return page[offset] if offset < len(page) else None

    def row_of(self, result_id: int) -> int:
        for page_no, page in self._pages.items():
            for i, it in enumerate(page):
                if it.id == result_id:
                    return page_no * PAGE_ROWS + i
        return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._total

    def header_labels(self):
        return self.headers

    def cell(self, row: int, col: int, role: int):
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if col == AMOUNT_COLUMN else _LEFT
        if role not in (Qt.ItemDataRole.DisplayRole, SortRole, ItemRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.BackgroundRole):
            return None
        it = self.item(row)
        if it is None:
            return None
        if role == ItemRole:
            return it
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_RESOLVED) if it.resolved else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 6 and it.note:
                return it.note
            if col == 7 and it.resolved:
                when = f" {it.resolved_at:%d/%m/%Y %H:%M}" if it.resolved_at else ""
                return self.tr("Risolto da {0}{1}").format(it.resolved_by, when)
            return None
        if role == SortRole:
            return (it.key, it.iud, it.iuf, it.amount_cents, it.date.isoformat() if it.date else "", it.payer,
                    it.note, it.resolved)[col]
        return (it.key, it.iud, it.iuf, format_amount(it.amount_cents),
                f"{it.date:%d/%m/%Y}" if it.date else "", it.payer, it.note.split("\n", 1)[0],
                self.tr("sì") if it.resolved else "")[col]
