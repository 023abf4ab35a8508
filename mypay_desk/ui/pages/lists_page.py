"""Liste di dovuti: the lists on the left, the spreadsheet of the selected list on the right.

Every change to debts goes through the table controller (one undo step each, stored by the list
service); long work runs on ``ctx.tasks`` with progress and cancel. Optional actions (print notices,
send to the portal) appear only when their module is installed.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from pathlib import Path

import shiboken6
from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer
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

from mypay_desk.services.errors import UserError
from mypay_desk.ui.domain_text import domain_text, user_error_text
from mypay_desk.ui.lists.bulk_dialog import BulkChangeDialog, run_choice
from mypay_desk.ui.lists.controller import DebtTableController
from mypay_desk.ui.lists.delegates import DebtDelegate
from mypay_desk.ui.lists.detail_dialog import DebtDetailDialog, rules_check
from mypay_desk.ui.lists.filter_bar import FilterBar
from mypay_desk.ui.lists.list_actions import ListActions
from mypay_desk.ui.lists.lists_model import IdRole, ListsProxy, ListsTableModel
from mypay_desk.ui.lists.remote_refresh import DebtTableRemoteRefresh
from mypay_desk.ui.lists.status_line import ListTexts
from mypay_desk.ui.lists.table_view import SpreadsheetView
from mypay_desk.ui.widgets import file_dialogs

log = logging.getLogger(__name__)

HEADER_KEY = "lists/debts_header"
LISTS_HEADER_KEY = "lists/lists_header"
SPLITTER_KEY = "lists/splitter"
LAST_LIST_KEY = "lists/lastList"
HEADER_STATE_VERSION = 1


def _installed(module: str) -> bool:
    """Whether another area's optional module is in this build (found without importing it: the
    notices and sync modules pull in reportlab, QtPdf and httpx, which the page does not need yet)."""
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


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
        self.list_work = ListActions(self)
        self.texts = ListTexts(self)

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
        # Rename and delete are rarer: in a menu (and the lists' context menu), so the lists pane stays narrow.
        self.rename_action = QAction(self.tr("Rinomina…"), self)
        self.rename_action.setObjectName("renameListAction")
        self.rename_action.triggered.connect(self.rename_list)
        self.delete_action = QAction(self.tr("Elimina"), self)
        self.delete_action.setObjectName("deleteListAction")
        self.delete_action.triggered.connect(self.delete_list)
        list_menu = QMenu(self)
        list_menu.addAction(self.rename_action)
        list_menu.addAction(self.delete_action)
        self.list_menu_button = QToolButton()
        self.list_menu_button.setObjectName("listMenuButton")
        self.list_menu_button.setText(self.tr("Lista"))
        self.list_menu_button.setMenu(list_menu)
        self.list_menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.lists_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.lists_view.addAction(self.rename_action)
        self.lists_view.addAction(self.delete_action)
        lb = QHBoxLayout()
        lb.addWidget(self.new_list_button)
        lb.addWidget(self.list_menu_button)
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
        self.empty_hint = QLabel(self.view.viewport())
        self.empty_hint.setObjectName("emptyHint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.empty_hint.hide()
        self.view.viewport().installEventFilter(self)

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
        head = QHBoxLayout()
        head.addWidget(self.list_title, 1)
        head.addWidget(self.send_button)
        rl.addLayout(head)
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
        # A toolbar button takes no focus: the cell being typed is stored first (or says why it cannot be).
        a.triggered.connect(lambda _checked=False: self.commit_editing() and slot())
        self.addAction(a)
        if toolbar:
            self.toolbar.addAction(a)
        return a

    def _build_actions(self) -> None:
        stack = self.controller.undo_stack
        # Undo and redo live in the Modifica menu (Ctrl+Z, Ctrl+Y): the window owns those keys.
        self.undo_action = self._action(self.tr("Annulla modifica"), stack.undo, name="undoAction", toolbar=False)
        self.redo_action = self._action(self.tr("Ripeti modifica"), stack.redo, name="redoAction", toolbar=False)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.add_action = self._action(self.tr("Nuovo dovuto"), self.add_debt, name="addDebtAction",
                                       shortcut="Ctrl+Shift+N", tip=self.tr("Una riga nuova in fondo alla lista, "
                                                                            "con lo IUD successivo (Ctrl+Maiusc+N)"))
        self.detail_action = self._action(self.tr("Dettaglio…"), self.open_detail, name="detailAction",
                                          shortcut="Ctrl+D",
                                          tip=self.tr("Debitore, importi, rate, ente secondario e bilancio"))
        self.import_action = self._action(self.tr("Importa…"), self.import_dialog, name="importAction",
                                          tip=self.tr("Excel, CSV o flusso MyPay (anche trascinando il file "
                                                      "sulla tabella)"))
        self.bulk_action = self._action(self.tr("Modifiche in blocco…"), self.bulk_change, name="bulkAction",
                                        shortcut="Ctrl+B")
        self.cancel_action = self._action(self.tr("Annulla dovuti"), self.cancel_selected, name="cancelAction",
                                          tip=self.tr("Annulla i dovuti selezionati (sul portale con il prossimo "
                                                      "invio)"))
        self.toolbar.addSeparator()
        self.assign_iuv_action = self._action(self.tr("Assegna IUV"), self.assign_iuvs, name="assignIuvAction",
                                              tip=self.tr("Dà uno IUV dell'Ente ai dovuti validi che non lo "
                                                          "hanno, per stampare gli avvisi prima dell'invio"))
        self.export_flow_action = self._action(self.tr("Esporta flusso MyPay…"), self.export_flow,
                                               name="exportFlowAction", toolbar=False)
        self.export_xlsx_action = self._action(self.tr("Esporta Excel…"), self.export_xlsx,
                                               name="exportXlsxAction", toolbar=False)
        # An action with a menu (not a widget): when the toolbar is too narrow, its overflow menu shows it.
        export_menu = QMenu(self)
        export_menu.addAction(self.export_flow_action)
        export_menu.addAction(self.export_xlsx_action)
        self.export_action = QAction(self.tr("Esporta"), self)
        self.export_action.setObjectName("exportAction")
        self.export_action.setMenu(export_menu)
        self.toolbar.addAction(self.export_action)
        button = self.toolbar.widgetForAction(self.export_action)
        if isinstance(button, QToolButton):
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.print_action = self._action(self.tr("Stampa avvisi…"), self.print_notices, name="printAction",
                                         tip=self.tr("La lista, o le righe selezionate (Ctrl+P)"))
        self.print_action.setVisible(_installed("mypay_desk.ui.notices.actions"))
        self.reset_columns_action = self._action(self.tr("Ripristina colonne"), self.reset_columns,
                                                 name="resetColumnsAction", toolbar=False)
        # The page's main action: always in sight, at the right of the list's title.
        self.send_action = self._action(self.tr("Invia al portale"), self.send_to_portal, name="sendAction",
                                        tip=self.tr("Invia le modifiche in attesa (inserimenti, modifiche, "
                                                    "annullamenti): prima mostra che cosa partirà"),
                                        toolbar=False)
        self.send_action.setVisible(self._sync_available())
        self.send_button = QToolButton()
        self.send_button.setObjectName("sendButton")
        self.send_button.setProperty("primary", True)
        self.send_button.setDefaultAction(self.send_action)

    # --- menu commands (the main window's File and Modifica) -------------------------------------------
    def edit_command(self, name: str) -> bool:
        stack = self.controller.undo_stack
        if name in ("undo", "redo"):
            if not self.commit_editing():
                return True
            (stack.undo if name == "undo" else stack.redo)()
            return True
        if name == "find":
            self.filter_bar.text.setFocus()
            self.filter_bar.text.selectAll()
            return True
        return self.view.edit_command(name) if self.view.hasFocus() else False

    def edit_text(self, name: str) -> str:
        stack = self.controller.undo_stack
        if name == "undo":
            return stack.undoText() if stack.canUndo() else ""
        return stack.redoText() if stack.canRedo() else ""

    def file_commands(self) -> set[str]:
        offered = {"import"}
        if self.controller.list_id is not None:
            offered |= {"export", "export_flow"} | ({"print"} if self.print_action.isVisible() else set())
        return offered

    def file_command(self, name: str) -> bool:
        if name not in self.file_commands():
            return False
        if not self.commit_editing():
            return True
        {"import": self.import_dialog, "export": self.export_xlsx, "export_flow": self.export_flow,
         "print": self.print_notices}[name]()
        return True

    def commit_editing(self) -> bool:
        """Store the cell being typed; False (and the editor says why) when its text does not read."""
        return self.view.commit_editor()

    def _sync_available(self) -> bool:
        return _installed("mypay_desk.services.sync")

    def _alive(self) -> bool:
        # Signals of the undo stack and the controller can arrive while the page is being destroyed.
        return shiboken6.isValid(self) and shiboken6.isValid(self.status) and shiboken6.isValid(self.rename_action)

    def _update_actions(self) -> None:
        if not self._alive():
            return
        has_list = self.controller.list_id is not None
        has_rows = self.model.rowCount() > 0
        for a in (self.add_action, self.export_flow_action, self.export_xlsx_action, self.export_action,
                  self.assign_iuv_action, self.send_action, self.print_action):
            a.setEnabled(has_list)
        for a in (self.detail_action, self.cancel_action):
            a.setEnabled(has_list and self.view.current_row() >= 0)
        self.bulk_action.setEnabled(has_list and has_rows)
        summary = self._current_summary()
        self.rename_action.setEnabled(summary is not None)
        self.delete_action.setEnabled(summary is not None and self._deletable(summary))

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
        if area in ("portal", "payments", "types"):
            # Work of this desk outside this page (a flow's outcome applied at start-up or from the Portale
            # page, receipts downloaded, a tipo dovuto's rules) changes the rows shown: read again those in
            # memory that changed, as for another desk's change (now, or once shown). Not on "lists" alone:
            # this page's own edits say that, and its rows are up to date then.
            self.remote_refresh.refresh()
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
        if current not in self._summaries:
            last = self._last_list_id()
            current = last if last in self._summaries else (heads[0].id if heads else None)
        self._select_list(current)
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
            self.message_label.clear()  # its last message was about the other list's rows
            self.message_label.setToolTip("")
            self.controller.open_list(s.id, s.name)
            self._remember_list(s.id)
        self.controller.list_name = s.name  # a rename keeps the list open
        self._update_actions()

    def _last_list_key(self) -> str | None:
        ente = self.ctx.ws.ente.current()
        return f"{LAST_LIST_KEY}/{ente.ipa_code}" if ente is not None else None

    def _last_list_id(self) -> int | None:
        key = self._last_list_key()
        value = self.ctx.settings.value(key) if key else None
        try:
            return int(value) if value not in (None, "") else None
        except (TypeError, ValueError):
            return None

    def _remember_list(self, list_id: int) -> None:
        """The list the clerk had open: reopened at the next start (per Ente)."""
        key = self._last_list_key()
        if key:
            self.ctx.settings.setValue(key, list_id)

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
                                      self.tr("Eliminare la lista «{0}» con i suoi %Ln dovuti?", "",
                                              getattr(s, "total_count", 0)).format(s.name))
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
        self._update_empty_hint()
        if self.controller.list_id is None:
            self.status.setText("")
            return
        shown = self.model.rowCount()
        s = self._summaries.get(self.controller.list_id)
        self.status.setText(self.texts.counts(shown, getattr(s, "total_count", shown),
                                              not self.controller.filter.is_empty,
                                              getattr(s, "pending_count", None), getattr(s, "invalid_count", 0)))
        self._update_actions()

    def _update_empty_hint(self) -> None:
        text = self.texts.empty(self.controller.list_id is not None, self.model.rowCount(), self._loading,
                                not self.controller.filter.is_empty)
        self.empty_hint.setText(text)
        self.empty_hint.setVisible(bool(text))
        self._place_empty_hint()

    def _place_empty_hint(self) -> None:
        r = self.view.viewport().rect().adjusted(40, 30, -40, -30)
        self.empty_hint.setGeometry(r)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._place_empty_hint()
        return super().eventFilter(watched, event)

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
                               check=rules_check(self.ctx.ws, debt))
        if dlg.exec() != DebtDetailDialog.DialogCode.Accepted:
            return
        with self.controller.based_on({debt.id: debt.version}):  # another desk may have changed it meanwhile
            if dlg.changes:
                self.controller.on_edit_requested([(debt.id, dlg.changes)], self.tr("dettaglio"))
            if dlg.plan is not None:
                before = dlg.instalments_before()
                self.controller.push_instalments(debt.id, before, dlg.plan, applied=False)

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
            msg = self.tr("{0}: {1}").format(label, self.tr("%Ln dovuti modificati", "", result.changed))
            if result.skipped:
                msg += ", " + self.tr("%Ln lasciati invariati ({0})", "", len(result.skipped)).format(
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
            self.tr("Annullare %Ln dovuti? Quelli già sul portale saranno annullati con il prossimo invio.", "",
                    len(ids)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        from mypay_desk.ui.lists.bulk_dialog import BulkChoice

        self.run_bulk(BulkChoice(operation="cancel", scope="selection"), ids)

    # --- list-wide work (ui/lists/list_actions.py) ----------------------------------------------------
    def assign_iuvs(self) -> None:
        self.list_work.assign_iuvs()

    def export_flow(self) -> None:
        self.list_work.export_flow()

    def export_xlsx(self) -> None:
        self.list_work.export_xlsx()

    def print_notices(self) -> None:
        self.list_work.print_notices()

    def send_to_portal(self) -> None:
        self.list_work.send_to_portal()

    @property
    def send_box(self):
        return self.list_work.send_box

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

