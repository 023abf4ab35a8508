"""Import dialog: target list, column mapping (spreadsheets), preview with per-row errors, import.

Nothing is written before «Importa»: the preview comes from ``ws.lists.preview_import``, which only
reads. After an import into an existing list the dialog shows matched/updated/added/missing and
offers to cancel the missing debts in one step.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mypay_desk.domain.debts import FIELD_LABELS
from mypay_desk.domain.money import format_amount
from mypay_desk.services.debt_table import DebtTableService
from mypay_desk.services.errors import UserError
from mypay_desk.ui.domain_text import domain_label, domain_text, user_error_text
from mypay_desk.ui.lists.columns import format_date
from mypay_desk.ui.widgets.numbers import format_count

translate = QCoreApplication.translate

PREVIEW_SHOW = 2_000  # rows listed in the preview table (counts always cover the whole file)
ERROR_BG = QColor("#fbd3d0")

# Fields offered in the mapping step, with the two halves of a name the spreadsheet reader knows.
MAP_FIELDS = ["iud", "debtor_type", "debtor_code", "debtor_name", "debtor_surname", "debtor_given_name",
              "address", "civic", "postal_code", "city", "province", "country", "email", "due_date",
              "amount_cents", "pa_fee_cents", "debt_type", "payment_type", "causale", "collection_data", "iuv",
              "bilancio", "generate_iuv", "multi_beneficiary", "sec_fiscal_code", "sec_name", "sec_iban",
              "sec_address", "sec_civic", "sec_postal_code", "sec_city", "sec_province", "sec_country",
              "sec_collection_data", "sec_causale", "sec_amount_cents"]


def field_label(name: str) -> str:
    extra = {"debtor_surname": translate("ImportDialog", "Cognome"),
             "debtor_given_name": translate("ImportDialog", "Nome")}
    return extra.get(name) or domain_label(FIELD_LABELS.get(name, name))


class PreviewModel(QAbstractTableModel):
    """Rows of an ImportPreview: outcome and errors per row, before anything is written."""

    # shown through tr(); marked so lupdate collects them
    HEADERS = (
        QT_TRANSLATE_NOOP("PreviewModel", "Riga"),
        QT_TRANSLATE_NOOP("PreviewModel", "Esito"),
        QT_TRANSLATE_NOOP("PreviewModel", "IUD"),
        QT_TRANSLATE_NOOP("PreviewModel", "Debitore"),
        QT_TRANSLATE_NOOP("PreviewModel", "Codice fiscale / P.IVA"),
        QT_TRANSLATE_NOOP("PreviewModel", "Importo"),
        QT_TRANSLATE_NOOP("PreviewModel", "Scadenza"),
        QT_TRANSLATE_NOOP("PreviewModel", "Tipo dovuto"),
        QT_TRANSLATE_NOOP("PreviewModel", "Errori"),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[Any, list]] = []

    def set_preview(self, preview, only_errors: bool = False) -> None:
        self.beginResetModel()
        rows = []
        for rec in preview.records if preview is not None else []:
            errs = preview.errors.get(rec.source_row or 0, [])
            if only_errors and not errs:
                continue
            rows.append((rec, errs))
            if len(rows) >= PREVIEW_SHOW:
                break
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.HEADERS):
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        rec, errs = self._rows[index.row()]
        c = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if c == 8:
                text = "; ".join(f"{e.column}: {domain_text(e.message)}" if e.column else domain_text(e.message)
                                 for e in errs)
                return text if role == Qt.ItemDataRole.DisplayRole else (
                    "\n".join(f"{e.column}: {domain_text(e.message)}" for e in errs) or None)
            if role == Qt.ItemDataRole.ToolTipRole:
                return None
            return (str(rec.source_row or ""), self.tr("Da correggere") if errs else self.tr("Valida"), rec.iud,
                    rec.debtor_name, rec.debtor_code, format_amount(rec.amount_cents), format_date(rec.due_date),
                    rec.debt_type)[c]
        if role == Qt.ItemDataRole.BackgroundRole and errs and c in (1, 8):
            return QBrush(ERROR_BG)
        if role == Qt.ItemDataRole.TextAlignmentRole and c in (0, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ImportDialog(QDialog):
    def __init__(self, ctx, path: Path, summaries: list, current_list: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.ctx = ctx
        self.path = Path(path)
        self.service = DebtTableService(ctx.ws)
        self.preview = None
        self.samples: dict[str, list[str]] = {}
        self.report = None
        self.imported_list = ""
        self.sheet: str | None = None  # the workbook's sheet chosen (None: the first visible one)
        self.setWindowTitle(self.tr("Importa {0}").format(self.path.name))
        self.resize(980, 640)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._target_page(summaries, current_list))
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._preview_page())
        self.pages.addWidget(self._result_page())

        self.back_button = QPushButton(self.tr("Indietro"))
        self.next_button = QPushButton(self.tr("Avanti"))
        self.next_button.setObjectName("nextButton")
        self.import_button = QPushButton(self.tr("Importa"))
        self.import_button.setObjectName("importButton")
        self.close_button = QPushButton(self.tr("Annulla"))
        self.close_button.setObjectName("closeButton")
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.import_button.clicked.connect(self.run_import)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        for b in (self.next_button, self.import_button, self.close_button):
            buttons.addWidget(b)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.hide()
        lay = QVBoxLayout(self)
        lay.addWidget(self.pages, 1)
        lay.addWidget(self.message)
        lay.addLayout(buttons)
        self._go(0)

    # --- pages -------------------------------------------------------------------------------------
    def _target_page(self, summaries: list, current_list: str) -> QWidget:
        w = QWidget()
        f = QFormLayout(w)
        f.addRow(QLabel(self.tr("File: {0}").format(self.path)))
        self.to_existing = QRadioButton(self.tr("Aggiorna una lista esistente"))
        self.to_new = QRadioButton(self.tr("Crea una nuova lista"))
        group = QButtonGroup(w)
        group.addButton(self.to_existing)
        group.addButton(self.to_new)
        self.list_combo = QComboBox()
        self.list_combo.setObjectName("targetList")
        self.list_combo.addItems([s.name for s in summaries])
        if current_list:
            self.list_combo.setCurrentText(current_list)
        self.new_name = QLineEdit(self.path.stem)
        self.new_name.setObjectName("newListName")
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("defaultType")
        self.type_combo.addItem(self.tr("(quello della lista)"), "")
        ente = self.ctx.ws.ente.current()
        for t in self.ctx.ws.ente.types(ente.id, only_active=True) if ente else []:
            self.type_combo.addItem(f"{t.code} – {t.description}", t.code)
        (self.to_existing if summaries else self.to_new).setChecked(True)
        self.to_existing.setEnabled(bool(summaries))
        f.addRow(self.to_existing, self.list_combo)
        f.addRow(self.to_new, self.new_name)
        f.addRow(self.tr("Tipo dovuto delle righe che non lo indicano"), self.type_combo)
        self.iud_prefix = QLineEdit()
        self.iud_prefix.setObjectName("iudPrefix")
        self.iud_prefix.setPlaceholderText(self.tr("es. TARI26- (solo se il file non ha gli IUD)"))
        self.iud_prefix.setToolTip(self.tr("Le righe senza IUD ricevono il prefisso seguito da 12 caratteri ricavati "
                                           "da debitore e tipo dovuto: importando di nuovo lo stesso file gli "
                                           "stessi dovuti hanno gli stessi IUD."))
        f.addRow(self.tr("Prefisso IUD per le righe senza IUD"), self.iud_prefix)
        note = QLabel(self.tr("In una lista esistente i dovuti sono riconosciuti dall'IUD: i campi cambiati "
                              "diventano modifiche da inviare, le righe nuove sono aggiunte e i dovuti che "
                              "mancano dal file sono segnalati. Ogni riga è importata: quelle con errori restano "
                              "da correggere nella tabella. Ogni dovuto ha bisogno di un IUD: se il file non lo "
                              "ha, indica un prefisso."))
        note.setWordWrap(True)
        f.addRow(note)
        return w

    def _mapping_page(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        lay.addWidget(QLabel(self.tr("Indica che cosa contiene ogni colonna del file (riconosciute dai titoli; "
                                     "correggi dove serve).")))
        sheet_row = QHBoxLayout()
        self.sheet_label = QLabel(self.tr("Foglio"))
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("sheetCombo")
        self.sheet_combo.activated.connect(self._sheet_chosen)
        sheet_row.addWidget(self.sheet_label)
        sheet_row.addWidget(self.sheet_combo)
        sheet_row.addStretch(1)
        lay.addLayout(sheet_row)
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setObjectName("mappingTable")
        self.mapping_table.setHorizontalHeaderLabels([self.tr("Colonna del file"), self.tr("Esempi"),
                                                      self.tr("Campo del dovuto")])
        self.mapping_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.mapping_table.verticalHeader().setVisible(False)
        lay.addWidget(self.mapping_table, 1)
        return w

    def _preview_page(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        self.summary = QLabel()
        self.summary.setObjectName("previewSummary")
        self.summary.setWordWrap(True)
        self.only_errors = QCheckBox(self.tr("Mostra solo le righe con errori"))
        self.only_errors.toggled.connect(lambda on: self.preview_model.set_preview(self.preview, on))
        self.preview_model = PreviewModel(self)
        self.preview_view = QTableView()
        self.preview_view.setObjectName("previewTable")
        self.preview_view.setModel(self.preview_model)
        self.preview_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview_view.verticalHeader().setVisible(False)
        self.preview_view.horizontalHeader().setStretchLastSection(True)
        self.preview_view.setAlternatingRowColors(True)
        self.preview_view.setWordWrap(False)
        lay.addWidget(self.summary)
        lay.addWidget(self.only_errors)
        lay.addWidget(self.preview_view, 1)
        return w

    def _result_page(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        self.result_label = QLabel()
        self.result_label.setObjectName("importResult")
        self.result_label.setWordWrap(True)
        self.cancel_missing_button = QPushButton()
        self.cancel_missing_button.setObjectName("cancelMissingButton")
        self.cancel_missing_button.clicked.connect(self.cancel_missing)
        lay.addWidget(self.result_label)
        lay.addWidget(self.cancel_missing_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addStretch(1)
        return w

    # --- navigation --------------------------------------------------------------------------------
    def _go(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self.back_button.setVisible(page in (1, 2))
        self.next_button.setVisible(page in (0, 1))
        self.import_button.setVisible(page == 2)
        self.import_button.setEnabled(self.preview is not None and not self.preview.without_iud)
        self.close_button.setText(self.tr("Chiudi") if page == 3 else self.tr("Annulla"))
        self.message.hide()

    def back(self) -> None:
        page = self.pages.currentIndex()
        if page == 2 and self.preview is not None and self.preview.format == "flow":
            self._go(0)
        else:
            self._go(max(0, page - 1))

    def next(self) -> None:
        page = self.pages.currentIndex()
        if page == 0:
            if not self.target_list():
                self._error(self.tr("Scrivi il nome della nuova lista"))
                return
            self.load_preview(None if self.preview is None else self.current_mapping(),
                              then=self._after_first_preview)
        elif page == 1:
            self.load_preview(self.current_mapping(), then=lambda: self._go(2))

    def _after_first_preview(self) -> None:
        if self.preview.format == "flow":
            self._go(2)  # MyPay flows have fixed columns: no mapping step
        else:
            self._fill_mapping()
            self._go(1)

    def _error(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def target_list(self) -> str:
        return self.list_combo.currentText() if self.to_existing.isChecked() else self.new_name.text().strip()

    def default_type(self) -> str:
        return self.type_combo.currentData() or ""

    # --- preview -----------------------------------------------------------------------------------
    def load_preview(self, mapping: dict[str, str] | None, then=None) -> None:
        lists, service = self.ctx.ws.lists, self.service
        target = self.target_list() if self.to_existing.isChecked() else None
        path, dtype, prefix = self.path, self.default_type() or None, self.iud_prefix.text()
        want_samples = not self.samples

        sheet = self.sheet

        def work(progress, cancel):
            progress(0, 0, "")
            preview = lists.preview_import(path, mapping, list_name=target, debt_type=dtype, iud_prefix=prefix,
                                           sheet=sheet)
            samples = service.file_samples(path, sheet=preview.sheet or None) \
                if want_samples and preview.format != "flow" else None
            return preview, samples

        def done(result):
            self.preview, samples = result
            if samples is not None:
                self.samples = samples
            self._show_preview()
            if then:
                then()

        def failed(failure):
            exc = failure.exception
            self._error(user_error_text(exc) if isinstance(exc, UserError) else self.tr("Il file non si può leggere: {0}")
                        .format(exc))

        self.ctx.tasks.run(work, title=self.tr("Lettura di {0}").format(self.path.name), lane="pool",
                           on_success=done, on_error=failed, parent_widget=self)

    def _sheet_chosen(self, index: int) -> None:
        """Another sheet of the workbook: read it and guess its columns again."""
        name = self.sheet_combo.itemData(index)
        if name == (self.preview.sheet if self.preview else None):
            return
        self.sheet, self.samples = name, {}
        self.load_preview(None, then=self._fill_mapping)

    def _fill_sheets(self) -> None:
        sheets = self.preview.sheets if self.preview else []
        self.sheet_combo.clear()
        for name, visible in sheets:
            self.sheet_combo.addItem(name if visible else self.tr("{0} (nascosto)").format(name), name)
        self.sheet_combo.setCurrentIndex(max(0, self.sheet_combo.findData(self.preview.sheet if self.preview else "")))
        self.sheet_label.setVisible(len(sheets) > 1)
        self.sheet_combo.setVisible(len(sheets) > 1)

    def _fill_mapping(self) -> None:
        self._fill_sheets()
        p = self.preview
        by_header = {h: f for f, h in p.mapping.items() if h}
        self.mapping_table.setRowCount(len(p.headers))
        for r, header in enumerate(p.headers):
            item = QTableWidgetItem(header)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.mapping_table.setItem(r, 0, item)
            ex = QTableWidgetItem(" · ".join(self.samples.get(header, [])))
            ex.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.mapping_table.setItem(r, 1, ex)
            combo = QComboBox()
            combo.addItem(self.tr("(non importare)"), "")
            for f in MAP_FIELDS:
                combo.addItem(field_label(f), f)
            combo.setCurrentIndex(max(0, combo.findData(by_header.get(header, ""))))
            self.mapping_table.setCellWidget(r, 2, combo)
        self.mapping_table.resizeColumnToContents(0)
        self.mapping_table.setColumnWidth(2, 240)

    def current_mapping(self) -> dict[str, str]:
        mapping: dict[str, str] = {}
        for r in range(self.mapping_table.rowCount()):
            combo = self.mapping_table.cellWidget(r, 2)
            f = combo.currentData() if combo is not None else ""
            if f and f not in mapping:
                mapping[f] = self.mapping_table.item(r, 0).text()
        return mapping

    def set_mapping(self, field: str, header: str) -> None:
        """Map a file column to a field (what a person does with the combo)."""
        for r in range(self.mapping_table.rowCount()):
            if self.mapping_table.item(r, 0).text() == header:
                combo = self.mapping_table.cellWidget(r, 2)
                combo.setCurrentIndex(combo.findData(field))

    def _show_preview(self) -> None:
        p = self.preview
        kind = {"flow": self.tr("flusso MyPay {0}").format(p.version), "xlsx": "Excel", "csv": "CSV"}.get(p.format,
                                                                                                      p.format)
        text = self.tr("{0}: {1}, {2} valide, {3} con errori.").format(
            kind, self.tr("%Ln righe lette", "", p.rows), format_count(p.valid), format_count(p.invalid))
        if p.existing_list:
            text += " " + self.tr("Nella lista «{0}»: {1} già presenti (per IUD), {2} nuove, {3}.").format(
                self.target_list(), format_count(p.matched), format_count(p.rows - p.matched),
                self.tr("%Ln dovuti della lista mancano dal file", "", p.missing))
        if p.generated_iuds:
            text += " " + self.tr("%Ln IUD generati con il prefisso.", "", p.generated_iuds)
        if p.without_iud:
            text += " " + self.tr("%Ln righe non hanno l'IUD: indica la colonna che lo contiene oppure, nella prima "
                                  "pagina, un prefisso IUD. Senza, il file non si può importare.", "", p.without_iud)
        if p.format != "flow" and "amount_cents" not in self.current_mapping():
            text += " " + self.tr("Nessuna colonna è indicata come importo: i dovuti avrebbero importo 0. Torna "
                                  "indietro e scegli la colonna che lo contiene.")
        if p.rows > PREVIEW_SHOW:
            text += " " + self.tr("L'elenco mostra le prime {0} righe.").format(format_count(PREVIEW_SHOW))
        text += " " + self.tr("Nulla è stato ancora scritto.")
        self.summary.setText(text)
        self.preview_model.set_preview(p, self.only_errors.isChecked())
        self.preview_view.resizeColumnsToContents()

    # --- import ------------------------------------------------------------------------------------
    def run_import(self) -> None:
        if self.preview is None:
            return
        lists = self.ctx.ws.lists
        path, target, dtype = self.path, self.target_list(), self.default_type() or None
        mapping = None if self.preview.format == "flow" else dict(self.preview.mapping)
        prefix = self.iud_prefix.text()
        sheet = self.preview.sheet or None

        def work(progress, cancel):
            return lists.import_file(path, target, dtype, False, mapping, iud_prefix=prefix, sheet=sheet,
                                     progress=progress,
                                     cancel=cancel)

        def done(report):
            self.report = report
            self.imported_list = report.list
            self._show_result()
            self._go(3)

        def failed(failure):
            exc = failure.exception
            self._error(user_error_text(exc) if isinstance(exc, UserError) else self.tr("Importazione non riuscita: {0}")
                        .format(exc))

        self.ctx.tasks.run(work, title=self.tr("Importazione di {0}").format(self.path.name), lane="db",
                           on_success=done, on_error=failed,
                           on_cancel=lambda: self._error(self.tr("Importazione interrotta: nulla è stato scritto.")),
                           parent_widget=self)

    def _show_result(self) -> None:
        r = self.report
        lines = [self.tr("Lista «{0}»{1}.").format(r.list, self.tr(" (creata)") if r.created_list else ""),
                 self.tr("Righe lette: {0} ({1} valide, {2} con errori da correggere nella tabella).")
                 .format(format_count(r.rows), format_count(r.valid), format_count(r.invalid)),
                 self.tr("Aggiunti: {0} · aggiornati: {1} · invariati: {2} · annullati dal file: {3}.")
                 .format(format_count(r.added), format_count(r.updated), format_count(r.unchanged),
                         format_count(r.cancelled))]
        if r.missing:
            lines.append(self.tr("%Ln dovuti della lista non sono nel file.", "", r.missing))
        self.result_label.setText("\n".join(lines))
        self.cancel_missing_button.setVisible(bool(r.missing_iuds))
        self.cancel_missing_button.setEnabled(True)
        self.cancel_missing_button.setText(self.tr("Annulla i mancanti ({0})").format(format_count(len(r.missing_iuds))))

    def cancel_missing(self) -> None:
        r = self.report
        if r is None or not r.missing_iuds:
            return
        answer = QMessageBox.question(self, self.windowTitle(),
                                      self.tr("Annullare %Ln dovuti che non sono nel file? Quelli già sul "
                                              "portale saranno annullati con il prossimo invio.", "",
                                              len(r.missing_iuds)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        lists, name, iuds = self.ctx.ws.lists, r.list, list(r.missing_iuds)

        def done(result):
            self.cancel_missing_button.setEnabled(False)
            text = self.tr("Annullati: {0} subito, {1} con il prossimo invio.").format(
                format_count(result.cancelled), format_count(result.pending))
            if result.skipped:
                text += " " + self.tr("%Ln non annullabili (es. {0}: {1}).", "", len(result.skipped)).format(
                    result.skipped[0][0], domain_text(str(result.skipped[0][1])))
            self.result_label.setText(self.result_label.text() + "\n" + text)
            self.ctx.pending_changed.emit()

        self.ctx.tasks.run(lambda progress, cancel: lists.cancel_debts(name, iuds), title=self.tr("Annulla i mancanti"),
                           lane="db", on_success=done, parent_widget=self)
