"""The small table of debt lists (name, default tipo, counts by state, total) behind a sort proxy."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from mypay_desk.domain.money import format_amount

SortRole = Qt.ItemDataRole.UserRole
IdRole = Qt.ItemDataRole.UserRole + 1


def _count(summary, *states: str) -> int:
    counts = getattr(summary, "counts", None) or {}
    return sum(int(counts.get(s, 0)) for s in states)


def _loaded(summary) -> bool:
    """Counts arrive after the names (they take a while on a million-row list)."""
    return hasattr(summary, "total_count")


class ListsTableModel(QAbstractTableModel):
    """One row per list. Columns are computed from the list service's summaries."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Any] = []
        self.columns = [
            (self.tr("Lista"), lambda s: s.name, lambda s: s.name.lower()),
            (self.tr("Tipo"), lambda s: s.default_debt_type, lambda s: s.default_debt_type),
            (self.tr("Dovuti"), lambda s: f"{s.total_count:,}".replace(",", "."), lambda s: s.total_count),
            (self.tr("Nuovi"), lambda s: _n(_count(s, "NUOVO")), lambda s: _count(s, "NUOVO")),
            (self.tr("Sul portale"), lambda s: _n(_count(s, "SUL_PORTALE", "IN_INVIO")),
             lambda s: _count(s, "SUL_PORTALE", "IN_INVIO")),
            (self.tr("Pagati"), lambda s: _n(_count(s, "PAGATO", "PAGATO_PARZIALE")),
             lambda s: _count(s, "PAGATO", "PAGATO_PARZIALE")),
            (self.tr("Annullati"), lambda s: _n(_count(s, "ANNULLATO")), lambda s: _count(s, "ANNULLATO")),
            (self.tr("Con errori"), lambda s: _n(s.invalid_count), lambda s: s.invalid_count),
            (self.tr("Da inviare"), lambda s: _n(s.pending_count), lambda s: s.pending_count),
            (self.tr("Totale"), lambda s: format_amount(s.total_cents), lambda s: s.total_cents),
        ]

    def set_summaries(self, summaries: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(summaries)
        self.endResetModel()

    def summary(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, list_id: int) -> int:
        for i, s in enumerate(self._rows):
            if s.id == list_id:
                return i
        return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.columns):
            return self.columns[section][0]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        s = self._rows[index.row()]
        _h, show, key = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() >= 2 and not _loaded(s):
                return "…"
            return show(s)
        if role == SortRole:
            if index.column() >= 2 and not _loaded(s):
                return 0
            return key(s)
        if role == IdRole:
            return s.id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return getattr(s, "description", "") or None
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".") if value else ""


class ListsProxy(QSortFilterProxyModel):
    """Sorts on raw values (SortRole), not on display text."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(0)
