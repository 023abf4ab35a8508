"""The lazy table model of a debt list: only the row count and the rows on screen are loaded.

The model holds the ids of the rows in table order (a packed array from
``DebtTableService.snapshot``: 8 MB for a million debts) and a small LRU cache of pages of
``PAGE_SIZE`` rows fetched by primary key when the view paints them. Filtering and sorting happen in
SQL (the controller asks for a new snapshot), not in a QSortFilterProxyModel, which would have to
read every row.

Edits never write from here: ``setData`` parses the value and emits ``edit_requested``; the
controller turns it into an undo command that stores it through the list service.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from mypay_desk.domain.debt_states import is_editable
from mypay_desk.domain.debts import COLUMN_FOR_FIELD, DebtRow
from mypay_desk.ui.domain_text import domain_text
from mypay_desk.ui.lists.columns import (
    CellError,
    DebtColumn,
    build_columns,
    display_value,
    error_label,
    format_date,
    parse_value,
    sort_key,
)

PAGE_SIZE = 500
MAX_PAGES = 40  # ~20,000 rows in memory at most

SortRole = Qt.ItemDataRole.UserRole
IdRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2
ErrorRole = Qt.ItemDataRole.UserRole + 3  # the cell's error message ("" when fine)

INVALID_BG = QColor("#fbd3d0")
ROW_ERROR_BG = QColor("#fdeceb")
LOCKED_FG = QColor("#6b6b6b")
CANCELLED_FG = QColor("#9a9a9a")


class DebtTableModel(QAbstractTableModel):
    edit_requested = Signal(object, str)  # [(debt_id, {field: value})], description
    cell_rejected = Signal(str)  # a value that cannot be stored (message for the status bar)
    sort_requested = Signal(str, bool)  # sort field, descending

    def __init__(self, service, parent=None):
        super().__init__(parent)
        self.service = service
        self.columns: list[DebtColumn] = build_columns()
        self._col_by_field = {c.field: i for i, c in enumerate(self.columns)}
        self._ids = array("q")
        self._pages: OrderedDict[int, list[DebtRow | None]] = OrderedDict()
        self.read_only = False
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder

    # --- content -------------------------------------------------------------------------------
    def set_ids(self, ids: array) -> None:
        """Show these debts (a new filter, sort or list)."""
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self.endResetModel()

    def ids(self) -> array:
        return self._ids

    def column_index(self, field: str) -> int:
        return self._col_by_field.get(field, -1)

    def row_id(self, row: int) -> int:
        return self._ids[row]

    def debt(self, row: int) -> DebtRow | None:
        if row < 0 or row >= len(self._ids):
            return None
        page_no, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(page_no)
        if page is None:
            page = self._load_page(page_no)
        else:
            self._pages.move_to_end(page_no)
        return page[offset]

    def _load_page(self, page_no: int) -> list[DebtRow | None]:
        start = page_no * PAGE_SIZE
        wanted = self._ids[start:start + PAGE_SIZE]
        got = {r.id: r for r in self.service.rows(wanted)}
        page = [got.get(i) for i in wanted]
        self._pages[page_no] = page
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    def cached_rows(self) -> int:
        return sum(len(p) for p in self._pages.values())

    def cached_versions(self, debt_ids=None) -> dict[int, int]:
        """``{id: version}`` of the rows in memory (of ``debt_ids`` only, when given): what the user sees."""
        wanted = None if debt_ids is None else set(debt_ids)
        return {r.id: r.version for page in self._pages.values() for r in page
                if r is not None and (wanted is None or r.id in wanted)}

    def refresh_ids(self, debt_ids) -> None:
        """Reload the cached rows of these debts (after an edit) and repaint them."""
        wanted = set(debt_ids)
        for page_no, page in list(self._pages.items()):
            if any(r is not None and r.id in wanted for r in page) or (
                    None in page and wanted & set(self._ids[page_no * PAGE_SIZE:(page_no + 1) * PAGE_SIZE])):
                self._load_page(page_no)
                first = page_no * PAGE_SIZE
                rows = [first + off for off, i in enumerate(self._ids[first:first + PAGE_SIZE]) if i in wanted]
                if rows:  # only the rows that changed: open editors elsewhere are left alone
                    self.dataChanged.emit(self.index(rows[0], 0), self.index(rows[-1], len(self.columns) - 1))

    def refresh_all(self) -> None:
        """Forget the cache and repaint (rows are fetched again when shown)."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1))

    def set_local(self, debt_id: int, values: dict[str, Any]) -> None:
        """Show new values at once while the store catches up (the later refresh is authoritative)."""
        for page_no, page in self._pages.items():
            for off, r in enumerate(page):
                if r is not None and r.id == debt_id:
                    known = {k: v for k, v in values.items() if hasattr(r, k)}
                    page[off] = replace(r, **known)
                    row = page_no * PAGE_SIZE + off
                    self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    # --- Qt model API ----------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.columns):
                return None
            col = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return col.header
            if role == Qt.ItemDataRole.ToolTipRole:
                return col.mypay_name or col.header
            return None
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._ids):
            return str(section + 1)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        col = self.columns[index.column()]
        if col.editable and not self.read_only:
            row = self.debt(index.row())
            if row is not None and self.row_editable(row, col):
                base |= Qt.ItemFlag.ItemIsEditable
        return base

    @staticmethod
    def row_editable(row: DebtRow, col: DebtColumn | None = None) -> bool:
        if not is_editable(row.state) or row.cancel_requested:
            return False
        # Once the portal holds a debt its IUD identifies it there: it cannot change.
        return not (col is not None and col.field == "iud" and row.state != "NUOVO")

    def cell_error(self, row: DebtRow, col: DebtColumn) -> str:
        name = COLUMN_FOR_FIELD.get(col.field)
        if not name:
            return ""
        return "\n".join(domain_text(e.message) for e in row.errors if e.field == name)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        if role == IdRole:
            return self._ids[index.row()]
        row = self.debt(index.row())
        if row is None:
            return None
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display_value(col, row)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(col, row)
        if role == SortRole:
            return sort_key(col, row)
        if role == RowRole:
            return row
        if role == ErrorRole:
            return self.cell_error(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col.field == "errors":
                return "\n".join(f"{error_label(e.field)}: {domain_text(e.message)}" for e in row.errors) or None
            if col.field == "state" and row.portal_error_message:
                return f"{row.portal_error_code}: {row.portal_error_message}"
            err = self.cell_error(row, col)
            return err or None
        if role == Qt.ItemDataRole.BackgroundRole:
            if self.cell_error(row, col):
                return QBrush(INVALID_BG)
            if col.field == "errors" and row.errors:
                return QBrush(ROW_ERROR_BG)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.state == "ANNULLATO" or row.cancel_requested:
                return QBrush(CANCELLED_FG)
            if col.editable and not self.row_editable(row, col):
                return QBrush(LOCKED_FG)
            return None
        if role == Qt.ItemDataRole.FontRole:
            if row.state == "ANNULLATO" or row.cancel_requested:
                f = QFont()
                f.setStrikeOut(True)
                return f
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col.right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _edit_value(self, col: DebtColumn, row: DebtRow):
        if col.kind == "date":
            return format_date(row.due_date)
        return display_value(col, row, shown=False)

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        col = self.columns[index.column()]
        row = self.debt(index.row())
        if row is None:
            return False
        try:
            new = parse_value(col, value)
        except CellError as exc:
            self.cell_rejected.emit(self.tr("{0}, riga {1}: {2}").format(col.header, index.row() + 1, exc))
            return False
        if getattr(row, col.field) == new:
            return False
        self.edit_requested.emit([(row.id, {col.field: new})], col.header)
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0:
            self.sort_column = -1
            self.sort_requested.emit("position", False)
            return
        col = self.columns[column]
        if col.sort is None:
            return
        self.sort_column = column
        self.sort_order = order
        self.sort_requested.emit(col.sort, order == Qt.SortOrder.DescendingOrder)
