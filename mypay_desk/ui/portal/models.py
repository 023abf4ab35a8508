"""Read-only table models of the Portale page: flows, rejected rows, journal."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor


def _tr(text: str) -> str:
    return QCoreApplication.translate("PortalModels", text)


@dataclass(frozen=True)
class Column:
    title: str
    value: Callable[[Any], Any]
    align_right: bool = False


class RowsModel(QAbstractTableModel):
    """A list of plain objects shown through column accessors; sort-friendly (UserRole = raw value)."""

    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self.tint: Callable[[Any], str | None] = lambda _r: None

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt API
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        obj = self.rows[index.row()]
        col = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = col.value(obj)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.UserRole:
            return col.value(obj)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            color = self.tint(obj)
            return QColor(color) if color else None
        return None


def _when(dt) -> str:
    return dt.strftime("%d/%m/%Y %H:%M:%S") if dt else ""


def flows_model(parent=None) -> RowsModel:
    m = RowsModel([
        Column(_tr("Flusso (IUF)"), lambda f: f.iuf),
        Column(_tr("Lista"), lambda f: f.list_name),
        Column(_tr("Stato"), lambda f: f.state_label),
        Column(_tr("Stato sul portale"), lambda f: f.portal_state),
        Column(_tr("Creato"), lambda f: _when(f.created_at)),
        Column(_tr("I"), lambda f: f.count_insert, True),
        Column(_tr("M"), lambda f: f.count_modify, True),
        Column(_tr("A"), lambda f: f.count_cancel, True),
        Column(_tr("Accettati"), lambda f: f.accepted, True),
        Column(_tr("Rifiutati"), lambda f: f.rejected, True),
        Column(_tr("Errore"), lambda f: f.error_message),
    ], parent)
    m.tint = lambda f: "#b3261e" if f.state == "ERRORE" or f.rejected else (
        "#8a5a00" if f.state in ("PREPARATO", "AUTORIZZATO", "CARICATO") else None)
    return m


def rejected_rows_model(parent=None) -> RowsModel:
    return RowsModel([
        Column(_tr("Riga"), lambda r: r.row_number, True),
        Column(_tr("IUD"), lambda r: r.iud),
        Column(_tr("Azione"), lambda r: r.action),
        Column(_tr("Codice"), lambda r: r.code),
        Column(_tr("Messaggio"), lambda r: r.message),
    ], parent)


def journal_model(parent=None) -> RowsModel:
    m = RowsModel([
        Column(_tr("Ora"), lambda j: _when(j.at)),
        Column(_tr("Operazione"), lambda j: j.operation),
        Column(_tr("Durata (ms)"), lambda j: j.duration_ms, True),
        Column(_tr("Esito"), lambda j: j.outcome),
        Column(_tr("Codice"), lambda j: j.fault_code),
        Column(_tr("HTTP"), lambda j: j.http_status, True),
        Column(_tr("Messaggio"), lambda j: j.message),
    ], parent)
    m.tint = lambda j: "#b3261e" if j.outcome in ("ERROR", "FAULT", "KO") else None
    return m
