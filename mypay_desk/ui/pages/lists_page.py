"""Liste di dovuti: the lists on the left, the spreadsheet of the selected list on the right.

Every change to debts goes through the table controller (one undo step each, stored by the list
service); long work runs on ``ctx.tasks`` with progress and cancel. Optional actions (print notices,
send to the portal) appear only when their module is installed.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import re
from pathlib import Path

import shiboken6
from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mypay_desk.domain.debts import VERSIONS, validate_debt
from mypay_desk.services.errors import UserError
from mypay_desk.ui.domain_text import domain_text, user_error_text
from mypay_desk.ui.lists.bulk_dialog import BulkChangeDialog, run_choice
from mypay_desk.ui.lists.controller import DebtTableController
from mypay_desk.ui.lists.delegates import DebtDelegate
from mypay_desk.ui.lists.detail_dialog import DebtDetailDialog
from mypay_desk.ui.lists.filter_bar import FilterBar
from mypay_desk.ui.lists.lists_model import IdRole, ListsProxy, ListsTableModel
from mypay_desk.ui.lists.remote_refresh import DebtTableRemoteRefresh
from mypay_desk.ui.lists.table_view import SpreadsheetView
from mypay_desk.ui.widgets import file_dialogs

log = logging.getLogger(__name__)

HEADER_KEY = "lists/debts_header"
LISTS_HEADER_KEY = "lists/lists_header"
SPLITTER_KEY = "lists/splitter"
HEADER_STATE_VERSION = 1


def safe_file_name(name: str) -> str:
    """A list name as a file name (no characters Windows refuses)."""
    return re.sub(r'[\\/:*?"<>|]+', "_", name).strip() or "lista"


def _installed(module: str) -> bool:
    """Whether another area's optional module is in this build (found without importing it: the
    notices and sync modules pull in reportlab, QtPdf and httpx, which the page does not need yet)."""
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def _optional(module: str, name: str):
    """An attribute of an optional module, imported on first use; None when it is not installed."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


class ListsPage(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("listsPage")
        self.ctx = ctx
        self.controller = DebtTableController(ctx, parent=self)
        self.controller.parent_widget = self
        self.model = self.controller.model
        self._summaries: dict[int, object] = {}
        self._counts_generation = 0
        self._counts_wanted = False
        self._loading = False
        self._debt_types: list[str] = []
        self._go_to_new = False
        self.send_box: QMessageBox | None = None  # the last question/answer of «Invia al portale»

        # --- left: the lists -----------------------------------------------------------------------
        self.lists_model = ListsTableModel(self)
        self.lists_proxy = ListsProxy(self)
        self.lists_proxy.setSourceModel(self.lists_model)
        self.lists_view = QTableView()
        self.lists_view.setObjectName("listsTable")
        self.lists_view.setModel(self.lists_proxy)
        self.lists_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lists_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lists_view.setSortingEnabled(True)
        self.lists_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.lists_view.verticalHeader().setVisible(False)
        self.lists_view.setAlternatingRowColors(True)
        self.lists_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.lists_view.selectionModel().currentRowChanged.connect(lambda *_: self._on_list_selected())
        self.lists_view.doubleClicked.connect(lambda _i: self.rename_list())

        self.new_list_button = QPushButton(self.tr("Nuova lista…"))
        self.new_list_button.setObjectName("newListButton")
        self.new_list_button.clicked.connect(self.create_list)
        self.rename_button = QPushButton(self.tr("Rinomina…"))
        self.rename_button.clicked.connect(self.rename_list)
        self.delete_button = QPushButton(self.tr("Elimina"))
        self.delete_button.clicked.connect(self.delete_list)
        lb = QHBoxLayout()
        for b in (self.new_list_button, self.rename_button, self.delete_button):
            lb.addWidget(b)
        lb.addStretch(1)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Liste di dovuti"))
        title.setProperty("role", "title")
        ll.addWidget(title)
        ll.addWidget(self.lists_view, 1)
        ll.addLayout(lb)

        # --- right: the debts of the selected list ---------------------------------------------
        self.view = SpreadsheetView()
        self.view.setObjectName("debtsTable")
        self.view.setModel(self.model)
        self.delegate = DebtDelegate(self.model.columns, self.view)
        self.view.setItemDelegate(self.delegate)
        self.delegate.message.connect(self._status)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicatorShown(True)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        for i, col in enumerate(self.model.columns):
            self.view.setColumnWidth(i, col.width)
        self.view.paste_requested.connect(self.controller.paste)
        self.view.clear_requested.connect(self.controller.clear_cells)
        self.view.files_dropped.connect(self.import_files)
        self.view.message.connect(self._status)
        self.view.doubleClicked.connect(self._on_double_click)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())

        self.filter_bar = FilterBar()
        self.filter_bar.filter_changed.connect(self.controller.set_filter)
        self.filter_bar.refused.connect(lambda m: self._status(self.tr("Filtro per scadenza: {0}").format(m)))
        self.list_title = QLabel()
        self.list_title.setObjectName("listTitle")
        self.list_title.setProperty("role", "title")
        self.status = QLabel()  # how many debts are shown
        self.status.setObjectName("listsStatus")
        self.message_label = QLabel()  # the last message (a refused value, a finished action)
        self.message_label.setObjectName("listsMessage")
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("listsToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._build_actions()

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.list_title)
        rl.addWidget(self.toolbar)
        rl.addWidget(self.filter_bar)
        rl.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status)
        bottom.addSpacing(16)
        bottom.addWidget(self.message_label, 1)
        rl.addLayout(bottom)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("listsSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([420, 1000])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.splitter)

        self.controller.shown_changed.connect(lambda _n: self._update_status())
        self.controller.loading_changed.connect(self._on_loading)
        self.controller.message.connect(self._status)
        self.controller.list_changed.connect(self._schedule_lists_refresh)
        self.controller.rows_added.connect(self._rows_added)
        self.controller.undo_stack.cleanChanged.connect(lambda _c: self._update_actions())
        self.controller.undo_stack.indexChanged.connect(lambda _i: self._update_actions())
        self.ctx.ente_changed.connect(self.refresh)
        self.ctx.data_changed.connect(self._on_data_changed)
        self.remote_refresh = DebtTableRemoteRefresh(self)  # other desks' changes: rows in memory, counts
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(250)
        self._refresh_timer.timeout.connect(self.refresh_lists)
        self._header_timer = QTimer(self)
        self._header_timer.setSingleShot(True)
        self._header_timer.setInterval(400)
        self._header_timer.timeout.connect(self.save_view_state)
        self._restore_view_state()
        hh = self.view.horizontalHeader()
        hh.sectionResized.connect(lambda *_: self._header_timer.start())
        hh.sectionMoved.connect(lambda *_: self._header_timer.start())
        self.splitter.splitterMoved.connect(lambda *_: self._header_timer.start())
        self.refresh()

    # --- actions ---------------------------------------------------------------------------------
    def _action(self, text: str, slot, *, name: str = "", shortcut=None, tip: str = "",
                toolbar: bool = True) -> QAction:
        a = QAction(text, self)
        if name:
            a.setObjectName(name)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if tip:
            a.setToolTip(tip)
        a.triggered.connect(slot)
        self.addAction(a)
        if toolbar:
            self.toolbar.addAction(a)
        return a

    def _build_actions(self) -> None:
        stack = self.controller.undo_stack
        # Short fixed labels in the toolbar; what would be undone is in the tooltip.
        self.undo_action = self._action(self.tr("Annulla"), stack.undo, name="undoAction",
                                        shortcut=QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(self.tr("Ripeti"), stack.redo, name="redoAction",
                                        shortcut=QKeySequence.StandardKey.Redo)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(lambda t: self.undo_action.setToolTip(self.tr("Annulla: {0}").format(t)))
        stack.redoTextChanged.connect(lambda t: self.redo_action.setToolTip(self.tr("Ripeti: {0}").format(t)))
        self.toolbar.addSeparator()
        self.add_action = self._action(self.tr("Nuovo dovuto"), self.add_debt, name="addDebtAction",
                                       shortcut="Ctrl+Shift+N")
        self.detail_action = self._action(self.tr("Dettaglio…"), self.open_detail, name="detailAction",
                                          shortcut="Ctrl+D",
                                          tip=self.tr("Debitore, importi, rate, ente secondario e bilancio"))
        self.import_action = self._action(self.tr("Importa…"), self.import_dialog, name="importAction",
                                          shortcut="Ctrl+I",
                                          tip=self.tr("Excel, CSV o flusso MyPay (anche trascinando il file "
                                                      "sulla tabella)"))
        self.bulk_action = self._action(self.tr("Modifiche in blocco…"), self.bulk_change, name="bulkAction",
                                        shortcut="Ctrl+B")
        self.cancel_action = self._action(self.tr("Annulla dovuti"), self.cancel_selected, name="cancelAction")
        self.toolbar.addSeparator()
        self.assign_iuv_action = self._action(self.tr("Assegna IUV"), self.assign_iuvs, name="assignIuvAction",
                                              tip=self.tr("Dà uno IUV dell'Ente ai dovuti validi che non lo "
                                                          "hanno, per stampare gli avvisi prima dell'invio"))
        self.export_flow_action = self._action(self.tr("Esporta flusso MyPay…"), self.export_flow,
                                               name="exportFlowAction", toolbar=False)
        self.export_xlsx_action = self._action(self.tr("Esporta Excel…"), self.export_xlsx,
                                               name="exportXlsxAction", toolbar=False)
        export_menu = QMenu(self)
        export_menu.addAction(self.export_flow_action)
        export_menu.addAction(self.export_xlsx_action)
        self.export_button = QToolButton()
        self.export_button.setObjectName("exportButton")
        self.export_button.setText(self.tr("Esporta"))
        self.export_button.setMenu(export_menu)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar.addWidget(self.export_button)
        self.print_action = self._action(self.tr("Stampa avvisi…"), self.print_notices, name="printAction")
        self.print_action.setVisible(_installed("mypay_desk.ui.notices.actions"))
        self.send_action = self._action(self.tr("Invia al portale"), self.send_to_portal, name="sendAction",
                                        tip=self.tr("Invia le modifiche in attesa (I/M/A) come flusso"))
        self.send_action.setVisible(self._sync_available())
        self.reset_columns_action = self._action(self.tr("Ripristina colonne"), self.reset_columns,
                                                 name="resetColumnsAction", toolbar=False)

    def commit_editing(self) -> bool:
        """Store the cell being typed; False (and the editor says why) when its text does not read."""
        return self.view.commit_editor()

    def _sync_available(self) -> bool:
        return _installed("mypay_desk.services.sync")

    def _alive(self) -> bool:
        # Signals of the undo stack and the controller can arrive while the page is being destroyed.
        return shiboken6.isValid(self) and shiboken6.isValid(self.status) and shiboken6.isValid(self.rename_button)

    def _update_actions(self) -> None:
        if not self._alive():
            return
        has_list = self.controller.list_id is not None
        has_rows = self.model.rowCount() > 0
        for a in (self.add_action, self.import_action, self.export_flow_action, self.export_xlsx_action,
                  self.assign_iuv_action, self.send_action, self.print_action):
            a.setEnabled(has_list)
        for a in (self.detail_action, self.cancel_action):
            a.setEnabled(has_list and self.view.current_row() >= 0)
        self.bulk_action.setEnabled(has_list and has_rows)
        summary = self._current_summary()
        self.rename_button.setEnabled(summary is not None)
        self.delete_button.setEnabled(summary is not None and self._deletable(summary))

    # --- lists -----------------------------------------------------------------------------------
    def on_activated(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        ente = self.ctx.ws.ente.current()
        self._debt_types = [t.code for t in self.ctx.ws.ente.types(ente.id, only_active=True)] if ente else []
        self.delegate.set_debt_types(self._debt_types)
        self.filter_bar.set_debt_types(self._debt_types)
        self.refresh_lists()

    def _schedule_lists_refresh(self) -> None:
        self._refresh_timer.start()

    def _on_data_changed(self, area: str) -> None:
        if area in ("lists", "portal", "payments") and self.isVisible():
            self._schedule_lists_refresh()

    def refresh_lists(self) -> None:
        """Names at once (the table can open), counts and totals from a background task started at
        once: they come from the few rows of the tally the database keeps (milliseconds on a list of
        a million). Without a tally (a database that only groups the debts) they wait until the
        table shows its rows, not to compete with it for the two cores."""
        current = self.controller.list_id
        heads = self.controller.service.list_heads()
        if [(h.id, h.name, h.default_debt_type) for h in heads] != \
                [(s.id, s.name, s.default_debt_type) for s in self._summaries.values()]:
            self._summaries = {h.id: h for h in heads}
            self.lists_model.set_summaries(heads)
        self._counts_wanted = bool(heads)
        if self._counts_wanted and self.ctx.ws.lists.counts_are_cheap():
            self._load_counts()
        self._loading = False
        self._select_list(current if current in self._summaries else (heads[0].id if heads else None))
        self._update_actions()
        if self._counts_wanted and not self._loading:
            self._load_counts()

    def _on_loading(self, loading: bool) -> None:
        self._loading = loading
        if not loading and self._counts_wanted:
            self._load_counts()
        self._update_status()

    def _load_counts(self) -> None:
        self._counts_wanted = False
        self._counts_generation += 1
        gen = self._counts_generation
        lists = self.ctx.ws.lists

        def done(summaries):
            if gen != self._counts_generation or not self._alive():
                return
            keep = self.controller.list_id
            self._summaries = {s.id: s for s in summaries}
            self.lists_model.set_summaries(summaries)
            if keep in self._summaries:
                self._select_list(keep)
            self._update_actions()
            self._update_status()

        def failed(failure):
            log.warning("list counts not loaded: %s", failure.details)

        self.ctx.tasks.run(lambda progress, cancel: lists.lists(), lane="pool", on_success=done, on_error=failed,
                           show_progress=False, owner=self)

    def _select_list(self, list_id: int | None) -> None:
        if list_id is None:
            self.controller.open_list(None)
            self.list_title.setText(self.tr("Nessuna lista: creane una o importa un file"))
            self._update_status()
            return
        row = self.lists_model.row_of(list_id)
        proxy_index = self.lists_proxy.mapFromSource(self.lists_model.index(row, 0))
        if self.lists_view.currentIndex().row() != proxy_index.row() or self.controller.list_id != list_id:
            self.lists_view.setCurrentIndex(proxy_index)
            self.lists_view.selectRow(proxy_index.row())
        self._on_list_selected()

    def _current_summary(self):
        idx = self.lists_view.currentIndex()
        if not idx.isValid():
            return None
        list_id = self.lists_proxy.index(idx.row(), 0).data(IdRole)
        return self._summaries.get(list_id)

    def _on_list_selected(self) -> None:
        s = self._current_summary()
        if s is None:
            return
        self.list_title.setText(s.name)
        self.controller.read_only = False
        if s.id != self.controller.list_id:
            self.controller.open_list(s.id, s.name)
        self.controller.list_name = s.name  # a rename keeps the list open
        self._update_actions()

    @staticmethod
    def _deletable(summary) -> bool:
        return not getattr(summary, "sent", True)  # unknown until the counts arrive

    def create_list(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Nuova lista"), self.tr("Nome della lista:"))
        if not ok or not name.strip():
            return
        tipo = ""
        if self._debt_types:
            tipo, ok = QInputDialog.getItem(self, self.tr("Nuova lista"), self.tr("Tipo dovuto predefinito:"),
                                            self._debt_types, 0, False)
            if not ok:
                return
        try:
            created = self.ctx.ws.lists.create_list(name.strip(), default_debt_type=tipo)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Nuova lista"), user_error_text(exc))
            return
        self.refresh_lists()
        self._select_list(created.id)

    def rename_list(self) -> None:
        s = self._current_summary()
        if s is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rinomina lista"), self.tr("Nuovo nome:"), text=s.name)
        if not ok or not name.strip() or name.strip() == s.name:
            return
        try:
            self.ctx.ws.lists.rename_list(s.name, name.strip())
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Rinomina lista"), user_error_text(exc))
            return
        self.refresh_lists()

    def delete_list(self) -> None:
        s = self._current_summary()
        if s is None:
            return
        if not self._deletable(s):
            QMessageBox.information(self, self.tr("Elimina lista"),
                                    self.tr("La lista «{0}» ha dovuti già inviati al portale: non si può "
                                            "eliminare. Annulla i dovuti che non servono più.").format(s.name))
            return
        answer = QMessageBox.question(self, self.tr("Elimina lista"),
                                      self.tr("Eliminare la lista «{0}» con i suoi {1} dovuti?")
                                      .format(s.name, getattr(s, "total_count", "")))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.ctx.ws.lists.delete_list(s.name)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Elimina lista"), user_error_text(exc))
            return
        self.controller.list_id = None
        self.controller.undo_stack.clear()
        self.refresh_lists()
        self.ctx.pending_changed.emit()

    # --- debts -------------------------------------------------------------------------------------
    def _status(self, text: str) -> None:
        if not self._alive():
            return
        self.message_label.setText(text)
        self.message_label.setToolTip(text)
        self.ctx.status_message.emit(text)

    def _update_status(self) -> None:
        if not self._alive():
            return
        if self.controller.list_id is None:
            self.status.setText("")
            return
        shown = self.model.rowCount()
        s = self._summaries.get(self.controller.list_id)
        total = getattr(s, "total_count", shown)
        text = self.tr("{0} dovuti").format(f"{shown:,}".replace(",", "."))
        if not self.controller.filter.is_empty:
            text = self.tr("{0} dovuti su {1} (filtro attivo)").format(
                f"{shown:,}".replace(",", "."), f"{total:,}".replace(",", "."))
        self.status.setText(text)
        self._update_actions()

    def _selected_ids(self) -> list[int]:
        return [self.model.row_id(r) for r in self.view.selected_rows() if r < self.model.rowCount()]

    def _on_double_click(self, index) -> None:
        if not (self.model.flags(index) & Qt.ItemFlag.ItemIsEditable):
            self.open_detail()

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        for a in (self.view.copy_action, self.view.paste_action, self.view.clear_action, None,
                  self.detail_action, self.bulk_action, self.cancel_action, None, self.reset_columns_action):
            if a is None:
                menu.addSeparator()
            else:
                menu.addAction(a)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def add_debt(self) -> None:
        """A new row with the list's tipo dovuto (and its taxonomy) and the next IUD of the list's
        numbering; once stored it is selected and scrolled into view, ready to type its debtor."""
        list_id = self.controller.list_id
        if list_id is None or not self.commit_editing():
            return
        s = self._summaries.get(list_id)
        values = {}
        if s is not None and s.default_debt_type:
            values["debt_type"] = s.default_debt_type
            t = self.ctx.ws.ente.get_type(s.default_debt_type)
            if t is not None:
                values["collection_data"] = t.taxonomy
        try:
            values["iud"] = self.ctx.ws.lists.next_iud(list_id)
        except UserError as exc:
            self._status(user_error_text(exc))
        if not self.controller.filter.is_empty:  # the new row must be in sight
            self.filter_bar.clear()
            self._status(self.tr("Filtri tolti per mostrare il nuovo dovuto"))
        from mypay_desk.ui.lists.undo import AddDebtsCommand

        rec = self.controller._new_record(values)
        self._go_to_new = True
        self.controller.undo_stack.push(AddDebtsCommand(self.controller, [rec], self.tr("Nuovo dovuto")))

    def _rows_added(self, ids: list) -> None:
        if not self._go_to_new or not ids or not self._alive():
            return
        self._go_to_new = False
        try:
            row = self.model.ids().index(ids[0])
        except ValueError:
            return
        idx = self.model.index(row, self.model.column_index("debtor_code"))
        self.view.setCurrentIndex(idx)
        self.view.scrollTo(idx, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.view.setFocus()

    def open_detail(self) -> None:
        row = self.view.current_row()
        debt = self.model.debt(row)
        if debt is None:
            return
        if not self.commit_editing():
            return
        debt = self.model.debt(row)  # the cell just committed may have changed it
        instalments = self.controller.service.instalments(debt.id)
        read_only = not self.model.row_editable(debt)
        dlg = DebtDetailDialog(debt, instalments, self._debt_types, self, read_only=read_only,
                               check=self._debt_check(debt))
        if dlg.exec() != DebtDetailDialog.DialogCode.Accepted:
            return
        with self.controller.based_on({debt.id: debt.version}):  # another desk may have changed it meanwhile
            if dlg.changes:
                self.controller.on_edit_requested([(debt.id, dlg.changes)], self.tr("dettaglio"))
            if dlg.plan is not None:
                before = dlg.instalments_before()
                self.controller.push_instalments(debt.id, before, dlg.plan, applied=False)

    def _debt_check(self, debt):
        """The list service's rules for one debt, for the detail dialog to check while typing."""
        ente = self.ctx.ws.ente.current()
        if ente is None:
            return None
        types = {t.code: t for t in self.ctx.ws.ente.types(ente.id)}
        on_portal = debt.state != "NUOVO"
        segregation = ente.segregation_code or None
        return lambda rec: validate_debt(rec, types.get(rec.debt_type), on_portal=on_portal,
                                         segregation_code=segregation)

    def bulk_change(self, operation: str | None = None) -> None:
        if self.controller.list_id is None:
            return
        selected = self._selected_ids()
        dlg = BulkChangeDialog(len(selected), self.model.rowCount(), self._debt_types, self)
        if isinstance(operation, str):
            dlg.set_operation(operation)
        if dlg.exec() != BulkChangeDialog.DialogCode.Accepted or dlg.choice is None:
            return
        choice = dlg.choice
        ids = selected if choice.scope == "selection" else self.model.ids()
        self.run_bulk(choice, ids)

    def run_bulk(self, choice, ids) -> None:
        service = self.controller.service
        label = {"debt_type": self.tr("Tipo dovuto in blocco"), "due_set": self.tr("Scadenza in blocco"),
                 "due_shift": self.tr("Scadenze spostate"), "amount_percent": self.tr("Importi aumentati"),
                 "amount_add": self.tr("Importi aumentati"), "causale": self.tr("Causale da modello"),
                 "iud": self.tr("IUD generati"), "cancel": self.tr("Dovuti annullati")}[choice.operation]

        def done(result):
            if choice.operation == "cancel":
                self.controller.push_cancelled(result.cancelled_ids, label)
            else:
                self.controller.push_bulk(result, label)
            msg = self.tr("{0}: {1} dovuti modificati").format(label, result.changed)
            if result.skipped:
                msg += self.tr(", {0} lasciati invariati ({1})").format(len(result.skipped),
                                                                           domain_text(result.skipped[0][1]))
            self._status(msg)

        ids = list(ids)
        self.ctx.tasks.run(lambda progress, cancel: run_choice(service, choice, ids, progress, cancel),
                           title=label, lane="db", on_success=done, parent_widget=self,
                           on_cancel=lambda: (self.controller.reload(), self._status(self.tr("Interrotto"))))

    def cancel_selected(self) -> None:
        ids = self._selected_ids()
        if not ids:
            return
        answer = QMessageBox.question(
            self, self.tr("Annulla dovuti"),
            self.tr("Annullare {0} dovuti? Quelli già sul portale saranno annullati con il prossimo invio.")
            .format(len(ids)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        from mypay_desk.ui.lists.bulk_dialog import BulkChoice

        self.run_bulk(BulkChoice(operation="cancel", scope="selection"), ids)

    # --- list-wide work ------------------------------------------------------------------------------
    def assign_iuvs(self) -> None:
        name = self.controller.list_name

        def done(result):
            self._status(self.tr("IUV assegnati: {0}").format(len(result.assigned)))
            self.controller.model.refresh_all()
            self.ctx.pending_changed.emit()
            self.ctx.data_changed.emit("lists")

        self.ctx.tasks.run(lambda progress, cancel: self.ctx.ws.lists.assign_iuvs(name),
                           title=self.tr("Assegna IUV"), lane="db", on_success=done, parent_widget=self)

    def export_flow(self) -> None:
        name = self.controller.list_name
        version, ok = QInputDialog.getItem(self, self.tr("Esporta flusso"), self.tr("Versione del tracciato:"),
                                           list(reversed(VERSIONS)), 0, False)
        if not ok:
            return
        # a folder: the file takes the name MyPay requires (<codIpa>-<IUF>-<versione>.zip)
        path = file_dialogs.existing_folder(self, self.ctx.settings, "exports", self.tr("Esporta flusso"))
        if not path:
            return

        def done(result):
            QMessageBox.information(self, self.tr("Esporta flusso"), self._export_message(result, path))

        self.ctx.tasks.run(lambda progress, cancel: self.ctx.ws.lists.export_flow(name, version, path),
            title=self.tr("Esporta flusso"), lane="pool", on_success=done, parent_widget=self)

    def _export_message(self, result, path: str) -> str:
        msg = self.tr("Flusso {0} scritto in {1} ({2} righe: {3} I, {4} M, {5} A).").format(
            result.file_name, result.path, result.rows, result.actions.get("I", 0), result.actions.get("M", 0),
            result.actions.get("A", 0))
        if result.left_out:
            msg += "\n" + self.tr("{0} dovuti non validi esclusi: correggili nella tabella (colonna Errori)."
                                  ).format(len(result.left_out))
        return msg

    def export_xlsx(self) -> None:
        name = self.controller.list_name
        path, _f = file_dialogs.save_file(self, self.ctx.settings, "exports", self.tr("Esporta Excel"),
                                          safe_file_name(name) + ".xlsx",
                                          self.tr("Cartella di lavoro Excel (*.xlsx)"), suffix=".xlsx")
        if not path:
            return
        self.ctx.tasks.run(lambda progress, cancel: self.ctx.ws.lists.export_xlsx(name, path),
            title=self.tr("Esporta Excel"), lane="pool", parent_widget=self,
            on_success=lambda _r: self._status(self.tr("Lista esportata in {0}").format(path)))

    def print_notices(self) -> None:
        print_fn = _optional("mypay_desk.ui.notices.actions", "print_notices")
        if print_fn is None:
            return
        ids = self._selected_ids()
        if len(ids) > 1:  # a selection prints those debts, otherwise the whole list
            print_fn(self.ctx, self, list_name=self.controller.list_name, debt_ids=ids)
        else:
            print_fn(self.ctx, self, list_name=self.controller.list_name)

    def send_to_portal(self) -> None:
        """Say what will be sent (and what is left out), ask, send, then name the rows left out."""
        name = self.controller.list_name
        if not name or not self.commit_editing():
            return
        sync = self.ctx.ws.sync
        self.ctx.tasks.run(lambda _p, _c: sync.pending(name), lane="db", show_progress=False,
                           on_success=lambda p: self._confirm_send(name, p), parent_widget=self)

    def _confirm_send(self, name: str, pending) -> None:
        from mypay_desk.ui.lists.sending import confirm_box

        self.send_box = confirm_box(self, name, pending, lambda: self._send(name))

    def _send(self, name: str) -> None:
        from mypay_desk.ui.lists.sending import result_box

        def done(report):
            self.controller.undo_stack.clear()  # what the portal accepted is no longer a local edit
            self.controller.reload()
            self.ctx.pending_changed.emit()
            self.ctx.data_changed.emit("portal")
            self.ctx.data_changed.emit("lists")
            self.ctx.status_message.emit(domain_text(report.message))
            self.send_box = result_box(self, report)

        sync = self.ctx.ws.sync
        self.ctx.tasks.run(lambda progress, cancel: sync.push(name, wait=True, progress=progress, cancel=cancel),
                           title=self.tr("Invio al portale"), lane="pool", on_success=done, parent_widget=self)

    # --- import ------------------------------------------------------------------------------------
    def import_dialog(self) -> None:
        path = file_dialogs.open_file(
            self, self.ctx.settings, "imports", self.tr("Importa dovuti"),
            self.tr("File di dovuti (*.xlsx *.xlsm *.csv *.txt *.zip);;Tutti i file (*)"))
        if path:
            self.import_files([path])

    def import_files(self, paths: list[str]) -> None:
        from mypay_desk.ui.lists.import_dialog import ImportDialog

        for path in paths[:1]:  # one import at a time: each has its own mapping and preview
            dlg = ImportDialog(self.ctx, Path(path), list(self._summaries.values()),
                               current_list=self.controller.list_name, parent=self)
            dlg.exec()
            if dlg.imported_list:
                self.controller.undo_stack.clear()  # the import is not on the table's undo stack
                self.refresh_lists()
                target = next((s.id for s in self._summaries.values() if s.name == dlg.imported_list), None)
                if target is not None:
                    self._select_list(target)
                    self.controller.reload()
                self.ctx.pending_changed.emit()
                self.ctx.data_changed.emit("lists")

    # --- remembered columns ------------------------------------------------------------------------
    def save_view_state(self) -> None:
        st = self.ctx.settings
        st.setValue(HEADER_KEY, self.view.horizontalHeader().saveState())
        st.setValue(LISTS_HEADER_KEY, self.lists_view.horizontalHeader().saveState())
        st.setValue(SPLITTER_KEY, self.splitter.saveState())

    def _restore_view_state(self) -> None:
        st = self.ctx.settings
        for key, target in ((HEADER_KEY, self.view.horizontalHeader()),
                            (LISTS_HEADER_KEY, self.lists_view.horizontalHeader()),
                            (SPLITTER_KEY, self.splitter)):
            value = st.value(key)
            if isinstance(value, QByteArray | bytes) and value:
                target.restoreState(QByteArray(value))
        # Sorting is a SQL query: start in list order whatever the saved header says.
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

    def reset_columns(self) -> None:
        hh = self.view.horizontalHeader()
        for i, col in enumerate(self.model.columns):
            hh.moveSection(hh.visualIndex(i), i)
            hh.showSection(i)
            self.view.setColumnWidth(i, col.width)
        self.ctx.settings.remove(HEADER_KEY)

    def closeEvent(self, event) -> None:
        self.save_view_state()
        super().closeEvent(event)

    def hideEvent(self, event) -> None:
        self.save_view_state()
        super().hideEvent(event)

