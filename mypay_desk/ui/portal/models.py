"""Read-only table models of the Portale page: flows, rejected rows, journal."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor

from mypay_desk.ui.domain_text import domain_label, domain_text

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


@dataclass(frozen=True)
class Column:
    title: str
    value: Callable[[Any], Any]
    align_right: bool = False
    tooltip: Callable[[Any], Any] | None = None  # (None: the value)


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
        if role == Qt.ItemDataRole.ToolTipRole and col.tooltip is not None:
            return col.tooltip(obj)
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
        Column(translate("PortalModels", "Flusso (IUF)"), lambda f: f.iuf),
        Column(translate("PortalModels", "Lista"), lambda f: f.list_name),
        # (the reason of a flow refused as a whole, else only in «Errore», off screen at 1366 px)
        Column(translate("PortalModels", "Stato"), lambda f: domain_label(f.state_label),
               tooltip=lambda f: domain_label(f.state_label) + (f"\n{domain_text(f.error_message)}" if f.error_message else "")),
        Column(translate("PortalModels", "Stato sul portale"), lambda f: f.portal_state),
        Column(translate("PortalModels", "Creato"), lambda f: _when(f.created_at)),
        Column(translate("PortalModels", "I"), lambda f: f.count_insert, True),
        Column(translate("PortalModels", "M"), lambda f: f.count_modify, True),
        Column(translate("PortalModels", "A"), lambda f: f.count_cancel, True),
        Column(translate("PortalModels", "Accettati"), lambda f: f.accepted, True),
        Column(translate("PortalModels", "Rifiutati"), lambda f: f.rejected, True),
        Column(translate("PortalModels", "Errore"), lambda f: f.error_message),
    ], parent)
    m.tint = lambda f: "#b3261e" if f.state == "ERRORE" or f.rejected else (
        "#8a5a00" if f.state in ("PREPARATO", "AUTORIZZATO", "CARICATO") else None)
    return m


def rejected_rows_model(parent=None) -> RowsModel:
    return RowsModel([
        Column(translate("PortalModels", "Riga"), lambda r: r.row_number, True),
        Column(translate("PortalModels", "IUD"), lambda r: r.iud),
        Column(translate("PortalModels", "Azione"), lambda r: r.action),
        Column(translate("PortalModels", "Codice"), lambda r: r.code),
        Column(translate("PortalModels", "Messaggio"), lambda r: r.message),
    ], parent)


# Faults that are the portal's answer to a question, not an error: the client accepts them as results
# (services/portal_client.py: the allowed_faults of paaSILChiediPagatiConRicevuta and
# paaSILChiediPosizioniAperte), though the journal still records them as FAULT.
EXPECTED_ANSWERS = {
    "paaSILChiediPagatiConRicevuta": frozenset({"PAA_PAGAMENTO_NON_INIZIATO", "PAA_PAGAMENTO_IN_CORSO",
                                                "PAA_PAGAMENTO_ANNULLATO", "PAA_PAGAMENTO_SCADUTO",
                                                "PAA_DATI_NON_TROVATI", "PAA_IUV_NON_VALIDO"}),
    "paaSILChiediPosizioniAperte": frozenset({"PAA_DATI_NON_TROVATI"}),
}
ANSWER_COLOR = "#5b6b7d"


def expected_answer(entry) -> bool:
    return entry.outcome == "FAULT" and entry.fault_code in EXPECTED_ANSWERS.get(entry.operation, ())


def _outcome(entry) -> str:
    if expected_answer(entry):
        return translate("PortalModels", "Risposta")
    return entry.outcome


def journal_model(parent=None) -> RowsModel:
    m = RowsModel([
        Column(translate("PortalModels", "Ora"), lambda j: _when(j.at)),
        Column(translate("PortalModels", "Operazione"), lambda j: j.operation),
        Column(translate("PortalModels", "Durata (ms)"), lambda j: j.duration_ms, True),
        Column(translate("PortalModels", "Esito"), _outcome),
        Column(translate("PortalModels", "Codice"), lambda j: j.fault_code),
        Column(translate("PortalModels", "HTTP"), lambda j: j.http_status, True),
        Column(translate("PortalModels", "Messaggio"), lambda j: j.message),
    ], parent)
    m.tint = lambda j: ANSWER_COLOR if expected_answer(j) else (
        "#b3261e" if j.outcome in ("ERROR", "FAULT", "KO") else None)
    return m


CODE_HEADERS = ("Codice", "Flusso (IUF)", "IUD")


def fit_code_columns(*views) -> None:
    """Codes are read whole (a fault code, an IUF, an IUD): their columns are as wide as the longest."""
    for view in views:
        model = view.model()
        if model is None or not model.rowCount():
            continue
        fm = view.fontMetrics()
        for col in range(model.columnCount()):
            header = str(model.headerData(col, Qt.Orientation.Horizontal) or "")
            if header not in {translate("PortalModels", h) for h in CODE_HEADERS}:
                continue
            texts = [str(model.index(r, col).data() or "") for r in range(min(model.rowCount(), 2000))]
            width = max([fm.horizontalAdvance(t) for t in texts] + [fm.horizontalAdvance(header)]) + 24
            if width > view.columnWidth(col):
                view.setColumnWidth(col, width)
