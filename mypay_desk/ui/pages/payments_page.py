"""Pagamenti: the receipts that came in, what they paid, and the collections over time.

A lazy table of receipts (filters and sorting run in SQL), totals and the unmatched by tipo dovuto,
the decoded receipt of the selected row, a chart of collections per day or month, export to Excel,
and the two ways receipts arrive: a file (export ZIP/CSV) or the incremental download from the portal.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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
from mypay_desk.services.receipts import ReceiptFilters
from mypay_desk.ui.domain_text import domain_text
from mypay_desk.ui.errors import show_error
from mypay_desk.ui.payments.chart import CollectionsChart
from mypay_desk.ui.payments.detail import ReceiptDetailPane
from mypay_desk.ui.payments.receipts_model import ReceiptTableModel
from mypay_desk.ui.widgets import file_dialogs
from mypay_desk.ui.widgets.dates import DateLineEdit
from mypay_desk.ui.widgets.numbers import format_count

log = logging.getLogger(__name__)



class PaymentsPage(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("paymentsPage")
        self.ctx = ctx
        self._generation = 0
        self._dirty = True
        self._types: list[str] = []
        self.last_report = None  # the last import/sync report (tests, status)
        self.report_box: QMessageBox | None = None

        # --- actions ---------------------------------------------------------------------------
        self.import_button = QPushButton(self.tr("Importa file ricevute…"))
        self.import_button.setObjectName("importReceipts")
        self.import_button.setToolTip(self.tr("Importa un export delle ricevute di MyPay (ZIP o CSV, tracciato 1.0-1.3)"))
        self.sync_button = QPushButton(self.tr("Scarica ricevute dal portale"))
        self.sync_button.setObjectName("syncReceipts")
        self.sync_button.setToolTip(self.tr("Chiede al portale le ricevute arrivate dall'ultimo scaricamento"))
        self.export_button = QPushButton(self.tr("Esporta in Excel…"))
        self.export_button.setObjectName("exportReceipts")
        self.refresh_button = QPushButton(self.tr("Aggiorna"))
        self.import_button.clicked.connect(lambda: self.import_file())
        self.sync_button.clicked.connect(self.sync_from_portal)
        self.export_button.clicked.connect(lambda: self.export_xlsx())
        self.refresh_button.clicked.connect(self.reload)
        actions = QHBoxLayout()
        for b in (self.import_button, self.sync_button, self.export_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.refresh_button)

        # --- filters ---------------------------------------------------------------------------
        # Payment day from/to: an empty field is no bound; applied when a date is complete.
        self.from_date = DateLineEdit()
        self.from_date.setObjectName("dateFrom")
        self.to_date = DateLineEdit()
        self.to_date.setObjectName("dateTo")
        self._dates = (None, None)
        for d in (self.from_date, self.to_date):
            d.value_committed.connect(lambda _v: self._dates_changed())
            d.refused.connect(lambda m: self.ctx.status_message.emit(self.tr("Filtro per data: {0}").format(m)))
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("typeFilter")
        self.type_combo.addItem(self.tr("Tutti i tipi dovuto"), "")
        self.text_edit = QLineEdit()
        self.text_edit.setObjectName("textFilter")
        self.text_edit.setPlaceholderText(self.tr("Cerca IUV, IUD, debitore, PSP, causale…"))
        self.text_edit.setClearButtonEnabled(True)
        self.match_combo = QComboBox()
        self.match_combo.setObjectName("matchFilter")
        self.match_combo.addItem(self.tr("Tutte le ricevute"), None)
        self.match_combo.addItem(self.tr("Abbinate a un dovuto"), True)
        self.match_combo.addItem(self.tr("Non abbinate"), False)
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(300)
        self._text_timer.timeout.connect(self.reload)
        self.text_edit.textChanged.connect(lambda _t: self._text_timer.start())
        self.type_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.match_combo.currentIndexChanged.connect(lambda _i: self.reload())
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Pagati dal")))
        filters.addWidget(self.from_date)
        filters.addWidget(QLabel(self.tr("al")))
        filters.addWidget(self.to_date)
        filters.addWidget(self.type_combo)
        filters.addWidget(self.match_combo)
        filters.addWidget(self.text_edit, 1)

        # --- totals ------------------------------------------------------------------------------
        self.totals_label = QLabel()
        self.totals_label.setObjectName("paymentsTotals")
        self.unmatched_label = QLabel()
        self.unmatched_label.setObjectName("unmatchedByType")
        self.unmatched_label.setWordWrap(True)
        self.unmatched_label.setProperty("role", "hint")

        # --- table, detail, chart ------------------------------------------------------------------
        self.model = ReceiptTableModel(self.ctx.ws.receipts.rows, self)
        self.table = QTableView()
        self.table.setObjectName("paymentsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.model.sortRequested.connect(lambda _k, _d: self.reload())
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._row_selected(cur.row()))
        for col, width in enumerate((125, 170, 140, 180, 90, 150, 110, 150)):
            self.table.setColumnWidth(col, width)

        self.detail = ReceiptDetailPane()
        self.chart = CollectionsChart()
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("chartPeriod")
        self.period_combo.addItem(self.tr("Automatico"), "auto")
        self.period_combo.addItem(self.tr("Per giorno"), "day")
        self.period_combo.addItem(self.tr("Per mese"), "month")
        self.period_combo.currentIndexChanged.connect(lambda _i: self.reload())
        chart_box = QWidget()
        chart_lay = QVBoxLayout(chart_box)
        chart_lay.setContentsMargins(0, 0, 0, 0)
        chart_head = QHBoxLayout()
        chart_head.addWidget(QLabel(self.tr("Incassi nel tempo")))
        chart_head.addStretch(1)
        chart_head.addWidget(self.period_combo)
        chart_lay.addLayout(chart_head)
        chart_lay.addWidget(self.chart, 1)

        self.h_split = QSplitter(Qt.Orientation.Horizontal)
        self.h_split.setObjectName("paymentsSplitter")
        self.h_split.addWidget(self.table)
        self.h_split.addWidget(self.detail)
        self.h_split.setStretchFactor(0, 3)
        self.h_split.setStretchFactor(1, 2)
        self.v_split = QSplitter(Qt.Orientation.Vertical)
        self.v_split.setObjectName("paymentsChartSplitter")
        self.v_split.addWidget(self.h_split)
        self.v_split.addWidget(chart_box)
        self.v_split.setStretchFactor(0, 3)
        self.v_split.setStretchFactor(1, 1)
        self.v_split.setSizes([520, 260])  # until the user's own sizes are restored
        self.h_split.setSizes([760, 480])

        title = QLabel(self.tr("Pagamenti"))
        title.setProperty("role", "title")
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addLayout(actions)
        lay.addLayout(filters)
        lay.addWidget(self.totals_label)
        lay.addWidget(self.unmatched_label)
        lay.addWidget(self.v_split, 1)

        self.ctx.data_changed.connect(self._on_data_changed)
        self.ctx.ente_changed.connect(self._on_ente_changed)
        self.reload()

    # --- loading -------------------------------------------------------------------------------
    def filters(self) -> ReceiptFilters:
        return ReceiptFilters(
            date_from=self._dates[0],
            date_to=self._dates[1],
            debt_types=(self.type_combo.currentData(),) if self.type_combo.currentData() else (),
            text=self.text_edit.text().strip(),
            matched=self.match_combo.currentData(),
            sort=self.model.sort_key,
            descending=self.model.descending,
        )

    def _dates_changed(self) -> None:
        """A date field was left or confirmed: reload when the bounds that read have changed."""
        dates = []
        for edit, last in zip((self.from_date, self.to_date), self._dates, strict=True):
            try:
                dates.append(edit.date())
            except ValueError:  # refused at the field: the filter keeps the last good bound
                dates.append(last)
        if tuple(dates) != self._dates:
            self._dates = (dates[0], dates[1])
            self.reload()

    def on_activated(self) -> None:
        if self._dirty:
            self.reload()

    def _on_data_changed(self, area: str) -> None:
        if area in ("payments", "lists", "types"):
            self._dirty = True
            if self.isVisible():
                self.reload()

    def _on_ente_changed(self) -> None:
        self.detail.clear()
        self._dirty = True
        self.reload()

    def reload(self) -> None:
        self._dirty = False
        self._generation += 1
        generation = self._generation
        f = self.filters()
        period = self.period_combo.currentData() or "auto"
        ws = self.ctx.ws

        def load(_progress, _cancel):
            query = ws.receipts.query(f)
            points = ws.receipts.collections(f, period=period)
            types = ws.receipts.debt_types()
            return query, points, types

        self.ctx.tasks.run(load, lane="db", show_progress=False,
                           on_success=lambda result: self._loaded(generation, result),
                           on_error=lambda failure: self._load_failed(generation, failure), owner=self)

    def _load_failed(self, generation: int, failure) -> None:
        if generation != self._generation:
            return
        log.warning("pagina Pagamenti: %s", failure.details)
        self.model.clear()
        self.detail.clear()
        self.chart.set_points([], "")
        self.totals_label.setText(self.tr("Ricevute non disponibili: {0}").format(failure.exception))
        self.unmatched_label.clear()

    def _loaded(self, generation: int, result) -> None:
        if generation != self._generation:
            return  # a newer reload is on its way
        query, points, types = result
        selected = self.current_receipt_id()
        self.model.set_ids(query.ids)
        self._set_types(types)
        t = query.totals
        self.totals_label.setText(" · ".join((
            self.tr("%Ln ricevute", "", t.count),
            self.tr("{0} incassati").format(format_amount(t.amount_cents, currency=True)),
            self.tr("%Ln abbinate ({0})", "", t.matched).format(format_amount(t.matched_cents, currency=True)),
            self.tr("%Ln non abbinate ({0})", "", t.unmatched).format(
                format_amount(t.unmatched_cents, currency=True)))))
        if t.unmatched_by_type:
            parts = [f"{tipo or '-'}: {format_count(n)} ({format_amount(c, currency=True)})"
                     for tipo, n, c in t.unmatched_by_type]
            self.unmatched_label.setText(self.tr("Non abbinate per tipo dovuto: {0}").format(" · ".join(parts)))
        else:
            self.unmatched_label.setText("")
        granularity = "month" if points and points[0].label.count("/") == 1 else "day"
        self.chart.set_points(points, self.tr("Incassi per mese") if granularity == "month"
                              else self.tr("Incassi per giorno"))
        row = self.model.row_of(selected) if selected is not None else -1
        if row >= 0:
            self.select_row(row)
        else:
            self.detail.clear()

    def _set_types(self, types: list[str]) -> None:
        if types == self._types:
            return
        self._types = list(types)
        current = self.type_combo.currentData()
        self.type_combo.blockSignals(True)
        self.type_combo.clear()
        self.type_combo.addItem(self.tr("Tutti i tipi dovuto"), "")
        for t in types:
            self.type_combo.addItem(t, t)
        i = self.type_combo.findData(current)
        self.type_combo.setCurrentIndex(max(0, i))
        self.type_combo.blockSignals(False)

    # --- selection and detail ------------------------------------------------------------------
    def current_receipt_id(self) -> int | None:
        idx = self.table.currentIndex()
        return self.model.receipt_id(idx.row()) if idx.isValid() else None

    def select_row(self, row: int) -> None:
        idx = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def _row_selected(self, row: int) -> None:
        rid = self.model.receipt_id(row)
        if rid is None:
            self.detail.clear()
            return
        ws = self.ctx.ws
        self.ctx.tasks.run(lambda _p, _c: ws.receipts.detail(rid), lane="db", show_progress=False,
                           on_success=lambda d: self._detail_loaded(rid, d),
                           on_error=lambda f: log.warning("dettaglio ricevuta %s: %s", rid, f.details), owner=self)

    def _detail_loaded(self, rid: int, detail) -> None:
        if self.current_receipt_id() == rid:
            self.detail.show_detail(detail)

    # --- actions -------------------------------------------------------------------------------
    def import_file(self, path: str | None = None) -> None:
        if path is None:
            path = file_dialogs.open_file(self, self.ctx.settings, "receipts", self.tr("Importa file ricevute"),
                                          self.tr("Export ricevute MyPay (*.zip *.csv);;Tutti i file (*)"))
            if not path:
                return
        ws = self.ctx.ws
        name = Path(path).name
        self.ctx.tasks.run(lambda p, c: ws.receipts.import_file(path, progress=p, cancel=c),
                           title=self.tr("Importazione delle ricevute da {0}").format(name), lane="db",
                           on_success=lambda report: self._imported(self.tr("Importazione ricevute"), report),
                           on_error=lambda f: show_error(self, self.tr("Importazione ricevute"), f),
                           on_cancel=self._after_change, parent_widget=self)

    def sync_from_portal(self) -> None:
        ws = self.ctx.ws
        self.sync_button.setEnabled(False)

        def failed(f):
            self.sync_button.setEnabled(True)
            show_error(self, self.tr("Scarica ricevute dal portale"), f)

        def cancelled():
            self.sync_button.setEnabled(True)
            self.ctx.status_message.emit(self.tr(
                "Scaricamento delle ricevute interrotto: la richiesta al portale è conservata e verrà ripresa"))
            self._after_change()

        def done(report):
            self.sync_button.setEnabled(True)
            self._imported(self.tr("Ricevute dal portale"), report)

        self.ctx.tasks.run(lambda p, c: ws.receipts.sync_receipts(progress=p, cancel=c),
                           title=self.tr("Scaricamento delle ricevute dal portale"), lane="pool",
                           on_success=done, on_error=failed, on_cancel=cancelled, parent_widget=self)

    def _after_change(self) -> None:
        self.ctx.data_changed.emit("payments")
        self.ctx.data_changed.emit("lists")  # debts may have become paid
        self.reload()

    def _imported(self, title: str, report) -> None:
        self.last_report = report
        if getattr(report, "state", "") == "VUOTO":
            text = self.tr("Nessuna nuova ricevuta sul portale.")
        else:
            text = self.tr("%Ln ricevute lette", "", report.receipts) + ", " + \
                self.tr("%Ln nuove", "", report.new) + ": " + \
                self.tr("%Ln abbinate a un dovuto", "", report.matched) + ", " + \
                self.tr("%Ln senza dovuto", "", report.unmatched) + "; " + \
                self.tr("%Ln erano già presenti.", "", report.duplicates)
        if report.rematched:
            text += " " + self.tr("%Ln ricevute importate in precedenza ora abbinate.", "", report.rematched)
        self.ctx.status_message.emit(text)
        box = QMessageBox(self)
        box.setObjectName("receiptsReport")
        box.setWindowTitle(title)
        box.setIcon(QMessageBox.Icon.Warning if report.errors else QMessageBox.Icon.Information)
        box.setText(text)
        if report.errors:
            box.setInformativeText(self.tr("%Ln righe rifiutate (le altre sono state importate): "
                                           "vedi i dettagli.", "", len(report.errors)))
            box.setDetailedText("\n".join(
                (self.tr("riga {0}").format(e["row"]) if e.get("row") else self.tr("file"))
                + (self.tr(", colonna {0}").format(e["column"]) if e.get("column") else "")
                + ": " + domain_text(str(e["message"]))
                for e in report.errors))
        self.report_box = box
        box.open()
        self._after_change()

    def export_xlsx(self, path: str | None = None) -> None:
        if path is None:
            path, _ = file_dialogs.save_file(self, self.ctx.settings, "exports", self.tr("Esporta in Excel"),
                                             "pagamenti.xlsx", self.tr("Cartella di Excel (*.xlsx)"))
            if not path:
                return
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
        ws = self.ctx.ws
        f = self.filters()

        def done(n: int) -> None:
            self.ctx.status_message.emit(self.tr("%Ln ricevute esportate in {0}", "", n).format(path))

        self.ctx.tasks.run(lambda p, c: ws.receipts.export_xlsx(f, path, progress=p, cancel=c),
                           title=self.tr("Esportazione in Excel"), lane="pool", on_success=done,
                           on_error=lambda fl: show_error(self, self.tr("Esporta in Excel"), fl), parent_widget=self)
