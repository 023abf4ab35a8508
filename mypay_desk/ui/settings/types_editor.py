"""The tipi dovuto editor of Impostazioni: a table of the Ente's types and a form for the selected one.

Saved through ``ws.ente.save_type`` / ``delete_type`` on the database lane; ``validate_debt_type``
messages show under the fields. The code of a saved type is read-only: debts refer to their type by
code, so a renamed type would leave them behind (make a new type and deactivate the old one instead).
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mypay_desk.domain.ente import DebtTypeData, EnteData, validate_debt_type
from mypay_desk.services.errors import UserError
from mypay_desk.ui.context import AppContext
from mypay_desk.ui.errors import show_error
from mypay_desk.ui.widgets.fields import FieldSet

log = logging.getLogger(__name__)


class TypesModel(QAbstractTableModel):
    COLUMNS = ("code", "description", "taxonomy", "active")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[DebtTypeData] = []
        self._headers = [self.tr("Codice"), self.tr("Descrizione"), self.tr("Dati specifici di riscossione"),
                         self.tr("Attivo")]

    def set_rows(self, rows: list[DebtTypeData]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "active":
                return self.tr("sì") if row.active else self.tr("no")
            return getattr(row, key)
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            from PySide6.QtGui import QColor

            return QColor("#8a98a8")
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def row_of(self, code: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.code == code), -1)


class TypesEditor(QWidget):
    saved = Signal(object)  # DebtTypeData

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("typesEditor")
        self.ente: EnteData | None = None
        self.current: DebtTypeData | None = None  # the saved type shown in the form; None = a new one
        self.dirty = False
        self._busy = False

        self.model = TypesModel(self)
        self.table = QTableView()
        self.table.setObjectName("typesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.new_button = QPushButton(self.tr("Nuovo tipo dovuto"))
        self.new_button.clicked.connect(self.new_type)
        self.delete_button = QPushButton(self.tr("Elimina"))
        self.delete_button.clicked.connect(self.delete_current)
        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        left_lay.addLayout(row)

        f = self.fields = FieldSet(self)
        right = QWidget()
        right.setObjectName("typeForm")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(8)
        self.form_title = QLabel()
        self.form_title.setObjectName("typeFormTitle")
        self.form_title.setStyleSheet("font-weight: 600; font-size: 12pt;")
        f.line("code", max_length=64, placeholder=self.tr("es. TARI"))
        form.addRow(self.tr("Codice"), f.cell("code"))
        f.line("description", max_length=256)
        form.addRow(self.tr("Descrizione"), f.cell("description"))
        f.line("taxonomy", max_length=140, placeholder=self.tr("es. 9/0101108TS/"))
        f.editor("taxonomy").setToolTip(self.tr(
            "Dati specifici di riscossione: tipo contabilità / codice di tassonomia, es. 9/0101108TS/"))
        form.addRow(self.tr("Dati specifici di riscossione"), f.cell("taxonomy"))
        f.line("iban", max_length=40, upper=True, placeholder=self.tr("facoltativo"))
        form.addRow(self.tr("IBAN di accredito"), f.cell("iban"))
        f.line("postal_account", max_length=12, placeholder=self.tr("facoltativo, fino a 12 cifre"))
        form.addRow(self.tr("Conto corrente postale"), f.cell("postal_account"))
        f.line("sector", max_length=100, placeholder=self.tr("facoltativo"))
        form.addRow(self.tr("Settore"), f.cell("sector"))
        flags = QVBoxLayout()
        flags.setSpacing(2)
        for name, label in [
            ("due_date_required", self.tr("Scadenza obbligatoria")),
            ("print_due_date", self.tr("Stampa la scadenza sull'avviso")),
            ("anonymous_allowed", self.tr("Ammette debitori anonimi")),
            ("active", self.tr("Attivo")),
        ]:
            f.check(name, label)
            flags.addWidget(f.cell(name))
        form.addRow(self.tr("Opzioni"), flags)
        self.save_button = QPushButton(self.tr("Salva tipo dovuto"))
        self.save_button.setObjectName("saveType")
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Annulla modifiche"))
        self.revert_button.clicked.connect(self.revert)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(12, 0, 0, 0)
        right_lay.addWidget(self.form_title)
        right_lay.addLayout(form)
        right_lay.addStretch(1)
        right_lay.addLayout(buttons)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("typesSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([600, 400])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.splitter)
        f.edited.connect(self._edited)
        self.new_type()

    # --- loading ---------------------------------------------------------------------------------
    def set_ente(self, ente: EnteData | None) -> None:
        changed = self.ente is None or ente is None or ente.id != self.ente.id
        self.ente = ente
        self.setEnabled(ente is not None)
        if changed:
            self.model.set_rows([])
            self.new_type()
        self.reload()

    def reload(self, select: str | None = None) -> None:
        if self.ente is None:
            return
        ente_id = self.ente.id
        ws = self.ctx.ws
        keep = select or (self.current.code if self.current else None)
        self.ctx.tasks.run(lambda _p, _c: ws.ente.types(ente_id=ente_id), lane="db", show_progress=False,
                           on_success=lambda rows: self._loaded(rows, keep),
                           on_error=lambda f: show_error(self, self.tr("Tipi dovuto non caricati"), f), owner=self)

    def _loaded(self, rows: list[DebtTypeData], select: str | None) -> None:
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        if not (header.property("sized") or header.property("restored")) and rows:
            self.table.resizeColumnsToContents()
            for col in (0, 2):  # long codes must not squeeze the description
                header.resizeSection(col, min(header.sectionSize(col), 170))
            header.setProperty("sized", True)
        row = self.model.row_of(select) if select else -1
        if row < 0 and self.current is None and not self.dirty and rows:
            row = 0  # show a type rather than an empty form
        if row >= 0 and not self.dirty:
            self.table.selectRow(row)
            self._show_type(self.model.rows[row])
        elif row >= 0:
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(False)
        self.delete_button.setEnabled(self.current is not None)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        data = self.model.rows[current.row()]
        if self.current is not None and data.code == self.current.code:
            return
        if self.dirty and not self.confirm_discard():
            self.table.selectionModel().blockSignals(True)
            row = self.model.row_of(self.current.code) if self.current else -1
            if row >= 0:
                self.table.selectRow(row)
            else:
                self.table.clearSelection()
            self.table.selectionModel().blockSignals(False)
            return
        self._show_type(data)

    def confirm_discard(self) -> bool:
        answer = QMessageBox.question(self, self.tr("Modifiche non salvate"), self.tr(
            "Il tipo dovuto ha modifiche non salvate. Vuoi lasciarle?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def _show_type(self, data: DebtTypeData | None) -> None:
        self.current = data
        shown = data or DebtTypeData(code="")
        self.fields.set_values({n: getattr(shown, n) for n in self.fields.names()})
        self.fields.editor("code").setReadOnly(data is not None)
        self.form_title.setText(self.tr("Tipo dovuto {0}").format(data.code) if data
                                else self.tr("Nuovo tipo dovuto"))
        self.delete_button.setEnabled(data is not None)
        self._set_dirty(False)

    def new_type(self) -> None:
        if self.dirty and not self.confirm_discard():
            return
        self.table.selectionModel().blockSignals(True)
        self.table.clearSelection()
        self.table.selectionModel().blockSignals(False)
        self._show_type(None)
        self.fields.focus("code")

    def revert(self) -> None:
        self._show_type(self.current)

    # --- editing -------------------------------------------------------------------------------------
    def data(self) -> DebtTypeData:
        v = self.fields.values()
        v["iban"] = (v["iban"] or "").replace(" ", "").upper()
        base = self.current or DebtTypeData(code="", ente_id=self.ente.id if self.ente else None)
        return replace(base, **v)

    def messages(self) -> dict[str, str]:
        data = self.data()
        msgs: dict[str, str] = {}
        for err in validate_debt_type(data).errors:
            msgs.setdefault(err.field, err.message)
        if self.current is None and data.code and self.model.row_of(data.code) >= 0:
            msgs["code"] = self.tr("Il tipo dovuto «{0}» esiste già: selezionalo nella tabella per modificarlo"
                                   ).format(data.code)
        return msgs

    def _edited(self, _name: str) -> None:
        self._set_dirty(True)
        self.fields.show_report(self.messages(), only_touched=True)

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.save_button.setEnabled(dirty and not self._busy)
        self.revert_button.setEnabled(dirty and not self._busy)

    def save(self) -> bool:
        if self.ente is None or self._busy:
            return False
        msgs = self.messages()
        if msgs:
            self.fields.touch_all()
            self.fields.show_report(msgs)
            self.fields.focus(next(iter(msgs)))
            return False
        data = self.data()
        ente_id = self.ente.id
        ws = self.ctx.ws
        self._busy = True
        self._set_dirty(True)
        def _save_and_recheck(_p, _c):
            saved = ws.ente.save_type(data, ente_id=ente_id)
            ws.lists.revalidate()  # debts of this tipo may have become valid or invalid (due date rule...)
            return saved

        self.ctx.tasks.run(_save_and_recheck, lane="db",
                           title=self.tr("Salvataggio del tipo dovuto"), cancellable=False, parent_widget=self,
                           on_success=self._saved, on_error=self._save_failed)
        return True

    def _saved(self, saved: DebtTypeData) -> None:
        self._busy = False
        self.current = saved
        self._show_type(saved)
        self.reload(select=saved.code)
        self.saved.emit(saved)
        self.ctx.data_changed.emit("types")
        self.ctx.data_changed.emit("lists")
        self.ctx.status_message.emit(self.tr("Tipo dovuto {0} salvato.").format(saved.code))

    def _save_failed(self, failure) -> None:
        self._busy = False
        self._set_dirty(True)
        exc = failure.exception
        if isinstance(exc, UserError) and exc.field and self.fields.set_error(exc.field, exc.message):
            self.fields.focus(exc.field)
            return
        show_error(self, self.tr("Il tipo dovuto non è stato salvato"), failure)

    def delete_current(self) -> None:
        if self.current is None or self.ente is None or self._busy:
            return
        code = self.current.code
        answer = QMessageBox.question(self, self.tr("Elimina tipo dovuto"), self.tr(
            "Eliminare il tipo dovuto «{0}»? I dovuti già creati con questo tipo restano, ma non potrai "
            "crearne di nuovi. Per sospenderlo soltanto, togli «Attivo».").format(code),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        ente_id = self.ente.id
        ws = self.ctx.ws
        self._busy = True

        def _deleted(_r=None):
            self._busy = False
            self._show_type(None)
            self.reload()
            self.ctx.data_changed.emit("types")
            self.ctx.data_changed.emit("lists")
            self.ctx.status_message.emit(self.tr("Tipo dovuto {0} eliminato.").format(code))

        def _failed(failure):
            self._busy = False
            show_error(self, self.tr("Il tipo dovuto non è stato eliminato"), failure)

        def _delete_and_recheck(_p, _c):
            ws.ente.delete_type(code, ente_id=ente_id)
            ws.lists.revalidate()

        self.ctx.tasks.run(_delete_and_recheck, lane="db",
                           show_progress=False, on_success=_deleted, on_error=_failed, owner=self)
