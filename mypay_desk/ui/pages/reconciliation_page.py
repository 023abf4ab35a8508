"""Riconciliazione: receipts, PSP reporting flows and treasury credits side by side.

Left, the summary per MyPivot code (count, amount, how many anomalies are still to check); right, the
payments of the selected code (loaded a page at a time) and the detail of the selected one: debt,
receipt, FdR line and treasury movement side by side, with the operator's note and the "risolto"
mark. Imports (FdR XML/ZIP/folder, OPI giornale di cassa, bank CSV with a column mapping) are followed
by an incremental run; exports write the xlsx workbook or the MyPivot-style CSV. Long work runs on
the task runner with progress and cancel.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mypay_desk.domain.money import format_amount
from mypay_desk.ui.domain_text import domain_label
from mypay_desk.ui.errors import show_error
from mypay_desk.ui.reconciliation.detail import ResultDetailPane
from mypay_desk.ui.reconciliation.mapping_dialog import CsvMappingDialog
from mypay_desk.ui.reconciliation.models import ResultsModel, SummaryModel
from mypay_desk.ui.widgets import file_dialogs
from mypay_desk.ui.widgets.numbers import format_count

log = logging.getLogger(__name__)


class ReconciliationPage(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reconciliationPage")
        self.ctx = ctx
        self._dirty = True
        self._stale = False  # new receipts/debts since the last run
        self.last_import = None
        self.last_run = None
        self.report_box: QMessageBox | None = None
        self._auto_code = True  # the shown code was chosen by the page, not by the user
        self._selecting = False
        # tests replace these to answer the dialogs
        self.ask_mapping = self._ask_mapping

        # --- actions -------------------------------------------------------------------------------
        self.import_button = QPushButton(self.tr("Importa file…"))
        self.import_button.setObjectName("importReconciliation")
        self.import_button.setToolTip(self.tr(
            "Flussi di rendicontazione dei PSP (XML o ZIP), giornale di cassa OPI (XML) o estratto conto (CSV)"))
        self.folder_button = QPushButton(self.tr("Importa cartella…"))
        self.folder_button.setObjectName("importFolder")
        self.run_button = QPushButton(self.tr("Riconcilia"))
        self.run_button.setObjectName("runReconciliation")
        self.run_button.setToolTip(self.tr("Classifica di nuovo i pagamenti: solo ciò che è cambiato viene "
                                           "riscritto, note e segni di «risolto» restano"))
        self.export_xlsx_button = QPushButton(self.tr("Esporta Excel…"))
        self.export_xlsx_button.setObjectName("exportReconciliationXlsx")
        self.export_csv_button = QPushButton(self.tr("Esporta CSV MyPivot…"))
        self.export_csv_button.setObjectName("exportReconciliationCsv")
        self.refresh_button = QPushButton(self.tr("Aggiorna"))
        self.import_button.clicked.connect(lambda: self.import_files())
        self.folder_button.clicked.connect(lambda: self.import_folder())
        self.run_button.clicked.connect(lambda: self.run())
        self.export_xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.export_csv_button.clicked.connect(lambda: self.export("csv"))
        self.refresh_button.clicked.connect(self.reload)
        actions = QHBoxLayout()
        for b in (self.import_button, self.folder_button, self.run_button, self.export_xlsx_button,
                  self.export_csv_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.refresh_button)
        self.status_label = QLabel()
        self.status_label.setObjectName("reconciliationStatus")
        self.status_label.setWordWrap(True)

        # --- summary -----------------------------------------------------------------------------
        self.summary_model = SummaryModel(self)
        self.summary_table = QTableView()
        self.summary_table.setObjectName("reconciliationSummary")
        self.summary_table.setModel(self.summary_model)
        self.summary_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.summary_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.summary_table.verticalHeader().setVisible(False)
        header = self.summary_table.horizontalHeader()
        for col in range(self.summary_model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch if col == 1
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self.summary_table.setWordWrap(False)
        self.summary_table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._code_selected(cur.row()))
        self.totals_label = QLabel()
        self.totals_label.setObjectName("reconciliationTotals")
        self.totals_label.setWordWrap(True)
        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addWidget(self.summary_table, 1)
        left_lay.addWidget(self.totals_label)

        # --- results and detail ------------------------------------------------------------------------
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("reconciliationSearch")
        self.search_edit.setPlaceholderText(self.tr("Cerca IUV, IUF o nota…"))
        self.search_edit.setClearButtonEnabled(True)
        self.open_check = QCheckBox(self.tr("Solo da verificare"))
        self.open_check.setObjectName("onlyOpen")
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(300)
        self._search_timer.timeout.connect(self._reload_results)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.open_check.toggled.connect(lambda _on: self._reload_results())
        self.results_label = QLabel()
        self.results_label.setObjectName("resultsLabel")
        filters = QHBoxLayout()
        filters.addWidget(self.results_label, 1)
        filters.addWidget(self.open_check)
        filters.addWidget(self.search_edit, 1)

        ws = self.ctx.ws
        self.results_model = ResultsModel(
            lambda code, offset, limit, search, only_open: ws.reconciliation.results(
                code, offset=offset, limit=limit, search=search, only_open=only_open), self)
        self.results_table = QTableView()
        self.results_table.setObjectName("reconciliationResults")
        self.results_table.setModel(self.results_model)
        self.results_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results_table.setAlternatingRowColors(True)
        self.results_table.verticalHeader().setDefaultSectionSize(24)
        self.results_table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((190, 110, 230, 100, 90, 180, 200, 60)):
            self.results_table.setColumnWidth(col, width)
        self.results_table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._result_selected(cur.row()))
        self.detail = ResultDetailPane()
        self.detail.note_saved.connect(self.save_note)
        self.detail.resolved_toggled.connect(self.set_resolved)

        results_box = QWidget()
        rb = QVBoxLayout(results_box)
        rb.setContentsMargins(0, 0, 0, 0)
        rb.addLayout(filters)
        rb.addWidget(self.results_table, 1)
        # summary | payments of the code on top; the four records side by side across the whole width
        self.h_split = QSplitter(Qt.Orientation.Horizontal)
        self.h_split.setObjectName("reconciliationSplitter")
        self.h_split.addWidget(left)
        self.h_split.addWidget(results_box)
        self.h_split.setStretchFactor(1, 2)
        self.h_split.setSizes([560, 840])
        self.v_split = QSplitter(Qt.Orientation.Vertical)
        self.v_split.setObjectName("reconciliationDetailSplitter")
        self.v_split.addWidget(self.h_split)
        self.v_split.addWidget(self.detail)
        self.v_split.setStretchFactor(0, 1)
        self.v_split.setSizes([430, 400])

        title = QLabel(self.tr("Riconciliazione"))
        title.setProperty("role", "title")
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addLayout(actions)
        lay.addWidget(self.status_label)
        lay.addWidget(self.v_split, 1)

        self.ctx.data_changed.connect(self._on_data_changed)
        self.ctx.ente_changed.connect(self._on_ente_changed)
        self.reload()

    # --- loading ---------------------------------------------------------------------------------
    def on_activated(self) -> None:
        if self._dirty:
            self.reload()

    def _on_data_changed(self, area: str) -> None:
        if area in ("payments", "lists"):
            self._stale = True
            self._show_status()
            self._dirty = True
            if self.isVisible():
                self.reload()

    def _on_ente_changed(self) -> None:
        self.detail.clear()
        self.results_model.clear()
        self._dirty = True
        self.reload()

    def current_code(self) -> str | None:
        idx = self.summary_table.currentIndex()
        return self.summary_model.code(idx.row()) if idx.isValid() else None

    def reload(self) -> None:
        self._dirty = False
        ws = self.ctx.ws
        if ws.ente.current() is None:
            self.summary_model.set_rows([])
            self.results_model.clear()
            self.status_label.setText(self.tr("Configura prima l'Ente nelle Impostazioni."))
            return
        self.ctx.tasks.run(lambda _p, _c: ws.reconciliation.summary(), lane="db", show_progress=False,
                           on_success=self._summary_loaded,
                           on_error=lambda f: self._load_failed(f), owner=self)

    def _load_failed(self, failure) -> None:
        log.warning("pagina Riconciliazione: %s", failure.details)
        self.status_label.setText(self.tr("Riconciliazione non disponibile: {0}").format(failure.exception))

    def _summary_loaded(self, rows) -> None:
        code = self.current_code()
        self.summary_model.set_rows(rows)
        total = sum(r.count for r in rows)
        anomalies = sum(r.open for r in rows if r.anomaly)
        reconciled = [r for r in rows if not r.anomaly]
        self.totals_label.setText(self.tr(
            "{0} pagamenti riconciliati ({1}) · {2} anomalie da verificare").format(
            _n(sum(r.count for r in reconciled)),
            format_amount(sum(r.amount_cents for r in reconciled), currency=True), _n(anomalies)))
        self._show_status(empty=total == 0)
        if not rows:
            return
        row = self.summary_model.row_of(code) if code else -1
        if row < 0 or self._auto_code:  # not chosen by the user: the first code with something to check
            row = next((i for i, r in enumerate(rows) if r.anomaly and r.open), -1)
            if row < 0:
                row = next((i for i, r in enumerate(rows) if r.count), 0)
            self._selecting = True
            try:
                self.select_code_row(row, force=True)
            finally:
                self._selecting = False
        else:
            self.select_code_row(row, force=True)

    def _show_status(self, empty: bool | None = None) -> None:
        parts = []
        if self.last_run is not None:
            r = self.last_run
            parts.append(self.tr("Ultima riconciliazione: {0} in {1} s; {2}, {3} aggiornati, {4} rimossi.").format(
                self.tr("%Ln pagamenti esaminati", "", r.keys), f"{r.seconds:.1f}".replace(".", ","),
                self.tr("%Ln risultati nuovi", "", r.inserted), _n(r.updated), _n(r.deleted)))
        if empty:
            parts.append(self.tr("Nessun risultato: importa i flussi di rendicontazione e la tesoreria, poi premi "
                                 "«Riconcilia»."))
        if self._stale:
            parts.append(self.tr("Sono arrivati nuovi dati (ricevute o dovuti): premi «Riconcilia» per aggiornare."))
        self.status_label.setText(" ".join(parts))

    def select_code_row(self, row: int, force: bool = False) -> None:
        idx = self.summary_model.index(row, 0)
        if not idx.isValid():
            return
        if force and self.summary_table.currentIndex().row() == row:
            self._code_selected(row)
            return
        self.summary_table.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def select_code(self, code: str) -> None:
        """Show the payments of ``code`` (as if the user clicked it)."""
        self.select_code_row(self.summary_model.row_of(code), force=True)

    def _code_selected(self, row: int) -> None:
        if not self._selecting:
            self._auto_code = False
        self._reload_results()

    def _reload_results(self) -> None:
        code = self.current_code()
        if code is None:
            self.results_model.clear()
            return
        search, only_open = self.search_edit.text().strip(), self.open_check.isChecked()
        ws = self.ctx.ws
        selected = self.current_result_id()

        def done(total: int) -> None:
            if code != self.current_code():
                return
            self.results_model.set_query(code, total, search, only_open)
            summary = self.summary_model.rows()[self.summary_model.row_of(code)]
            self.results_label.setText(self.tr("{0} · {1}: {2}").format(code, domain_label(summary.label), _n(total)))
            row = self.results_model.row_of(selected) if selected is not None else -1
            if row < 0 and total:
                row = 0
            if row >= 0:
                self.select_result(row)
            else:
                self.detail.clear()

        self.ctx.tasks.run(lambda _p, _c: ws.reconciliation.count(code, search=search, only_open=only_open),
                           lane="db", show_progress=False, on_success=done, on_error=self._load_failed, owner=self)

    def current_result_id(self) -> int | None:
        idx = self.results_table.currentIndex()
        item = self.results_model.item(idx.row()) if idx.isValid() else None
        return item.id if item else None

    def select_result(self, row: int) -> None:
        idx = self.results_model.index(row, 0)
        if not idx.isValid():
            return
        if self.results_table.currentIndex().row() == row:
            self._result_selected(row)  # same row, new content: reload its detail
        else:
            self.results_table.selectionModel().setCurrentIndex(
                idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def _result_selected(self, row: int) -> None:
        item = self.results_model.item(row)
        if item is None:
            self.detail.clear()
            return
        ws = self.ctx.ws
        rid = item.id
        self.ctx.tasks.run(lambda _p, _c: ws.reconciliation.detail(rid), lane="db", show_progress=False,
                           on_success=lambda d: self._detail_loaded(rid, d),
                           on_error=lambda f: log.warning("dettaglio riconciliazione %s: %s", rid, f.details), owner=self)

    def _detail_loaded(self, rid: int, detail) -> None:
        if self.current_result_id() == rid:
            self.detail.show_detail(detail)

    # --- notes and marks ---------------------------------------------------------------------------
    def save_note(self, result_id: int, text: str) -> None:
        ws = self.ctx.ws

        def done(_r) -> None:
            self.ctx.status_message.emit(self.tr("Nota salvata"))
            self._after_edit(result_id)

        self.ctx.tasks.run(lambda _p, _c: ws.reconciliation.set_note(result_id, text), lane="db",
                           show_progress=False, on_success=done,
                           on_error=lambda f: show_error(self, self.tr("Salva nota"), f), owner=self)

    def set_resolved(self, result_id: int, resolved: bool) -> None:
        ws = self.ctx.ws

        def done(_r) -> None:
            self.ctx.status_message.emit(self.tr("Segnato come risolto") if resolved else self.tr("Riaperto"))
            self._after_edit(result_id)
            self.reload()  # the "da verificare" counts change

        self.ctx.tasks.run(lambda _p, _c: ws.reconciliation.mark_resolved(result_id, ws.user, resolved=resolved),
                           lane="db", show_progress=False, on_success=done,
                           on_error=lambda f: show_error(self, self.tr("Risolto"), f), owner=self)

    def _after_edit(self, result_id: int) -> None:
        self.results_model.refresh_rows()
        if self.current_result_id() == result_id:
            self._result_selected(self.results_table.currentIndex().row())

    # --- imports and runs --------------------------------------------------------------------------
    def import_files(self, paths: list[str] | None = None) -> None:
        if paths is None:
            paths = file_dialogs.open_files(
                self, self.ctx.settings, "reconciliation", self.tr("Importa rendicontazioni e tesoreria"),
                self.tr("Rendicontazioni e tesoreria (*.xml *.zip *.csv *.txt);;Tutti i file (*)"))
            if not paths:
                return
        mappings: dict[str, dict | None] = {}
        for p in paths:
            if Path(p).suffix.lower() in (".csv", ".txt"):
                mapping = self._mapping_for(p)
                if mapping is False:
                    return  # the user cancelled the mapping dialog
                mappings[p] = mapping
        self._import([(p, mappings.get(p)) for p in paths], self.tr("Importazione di {0}").format(
            ", ".join(Path(p).name for p in paths[:3]) + ("…" if len(paths) > 3 else "")))

    def import_folder(self, folder: str | None = None) -> None:
        if folder is None:
            folder = file_dialogs.existing_folder(self, self.ctx.settings, "reconciliation",
                                                  self.tr("Importa una cartella di flussi"))
            if not folder:
                return
        self._import([(folder, None)], self.tr("Importazione della cartella {0}").format(Path(folder).name))

    def _mapping_for(self, path: str):
        """None when the headers are recognised, a mapping dict chosen by the user, False if cancelled."""
        try:
            preview = self.ctx.ws.reconciliation.preview_csv(path)
        except Exception as exc:  # noqa: BLE001 - shown to the user; the import reports it properly
            log.info("anteprima CSV %s: %s", path, exc)
            return None
        if preview.get("recognised"):
            return None
        return self.ask_mapping(preview, path)

    def _ask_mapping(self, preview: dict, path: str):
        dialog = CsvMappingDialog(preview, Path(path).name, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return dialog.mapping()

    def _import(self, items: list[tuple[str, dict | None]], title: str) -> None:
        ws = self.ctx.ws

        def work(progress, cancel):
            reports = []
            for i, (path, mapping) in enumerate(items):
                cancel.raise_if_cancelled()
                progress(i, len(items), Path(path).name)
                try:
                    reports.append(ws.reconciliation.import_file(path, mapping=mapping, progress=progress,
                                                                 cancel=cancel))
                except Exception as exc:  # noqa: BLE001 - one refused file does not stop the others
                    if len(items) == 1:
                        raise
                    reports.append(exc)
            return reports

        self.ctx.tasks.run(work, title=title, lane="db", on_success=self._imported,
                           on_error=lambda f: show_error(self, self.tr("Importazione"), f),
                           on_cancel=lambda: self.reload(), parent_widget=self)

    def _imported(self, reports) -> None:
        self.last_import = reports
        lines, errors, new = [], [], 0
        for r in reports:
            if isinstance(r, Exception):
                errors.append(str(r))
                continue
            name = Path(r.file).name
            if r.already_imported:
                lines.append(self.tr("{0}: già importato, nulla da aggiungere").format(name))
                continue
            new += r.new
            text = self.tr("{0}: {1} ({2} nuovi), {3} ({4} nuovi)").format(
                name, self.tr("%Ln flussi", "", r.flows), _n(r.flows_new),
                self.tr("%Ln movimenti di tesoreria", "", r.movements), _n(r.movements_new))
            if r.ignored:
                text += ", " + self.tr("%Ln movimenti non di entrata ignorati", "", r.ignored)
            lines.append(text)
            errors.extend(f"{e.source}: {e.message}" if e.source not in e.message else e.message for e in r.errors)
            errors.extend(self.tr("attenzione: {0}").format(w) for w in r.warnings)
        box = QMessageBox(self)
        box.setObjectName("reconciliationImportReport")
        box.setWindowTitle(self.tr("Importazione"))
        box.setIcon(QMessageBox.Icon.Warning if errors else QMessageBox.Icon.Information)
        box.setText("\n".join(lines) or self.tr("Nessun file importato."))
        if errors:
            box.setInformativeText(self.tr("Alcuni documenti sono stati rifiutati o hanno avvisi: vedi i dettagli. "
                                           "Nulla di quanto già salvato è stato perso."))
            box.setDetailedText("\n".join(errors))
        self.report_box = box
        box.open()
        if new:
            self.run()  # bring the classification up to date with what just arrived
        else:
            self.reload()

    def run(self) -> None:
        ws = self.ctx.ws
        self.run_button.setEnabled(False)

        def done(report) -> None:
            self.run_button.setEnabled(True)
            self.last_run = report
            self._stale = False
            self.ctx.data_changed.emit("reconciliation")
            self.reload()

        def failed(f) -> None:
            self.run_button.setEnabled(True)
            show_error(self, self.tr("Riconciliazione"), f)

        def cancelled() -> None:
            self.run_button.setEnabled(True)
            self.ctx.status_message.emit(self.tr("Riconciliazione annullata: i risultati precedenti sono invariati"))

        self.ctx.tasks.run(lambda p, c: ws.reconciliation.run(progress=p, cancel=c),
                           title=self.tr("Riconciliazione dei pagamenti"), lane="db", on_success=done,
                           on_error=failed, on_cancel=cancelled, parent_widget=self)

    def export(self, kind: str, path: str | None = None) -> None:
        if path is None:
            if kind == "xlsx":
                path, _ = file_dialogs.save_file(self, self.ctx.settings, "exports", self.tr("Esporta in Excel"),
                                                 "riconciliazione.xlsx", self.tr("Cartella di Excel (*.xlsx)"))
            else:
                path, _ = file_dialogs.save_file(self, self.ctx.settings, "exports",
                                                 self.tr("Esporta CSV stile MyPivot"), "riconciliazione.csv",
                                                 self.tr("CSV (*.csv)"))
            if not path:
                return
            if not path.lower().endswith(f".{kind}"):
                path += f".{kind}"
        ws = self.ctx.ws

        def done(n: int) -> None:
            self.ctx.status_message.emit(self.tr("%Ln righe esportate in {0}", "", n).format(path))

        self.ctx.tasks.run(lambda p, c: ws.reconciliation.export(path, progress=p, cancel=c),
                           title=self.tr("Esportazione della riconciliazione"), lane="pool", on_success=done,
                           on_error=lambda f: show_error(self, self.tr("Esportazione"), f), parent_widget=self)


def _n(value: int) -> str:
    return format_count(value)
