"""Registro attività: who did what and when, from which desk, filtered by user, day and list.

A read-only lazy table: the matching line ids come from the service (newest first, a packed array, in
the background) and only the lines on screen are read, a page at a time. It follows what the other
desks do (``ctx.remote_changed``) and this desk's own actions (``ctx.data_changed``) while shown.
"""

from __future__ import annotations

import json
import logging
from array import array
from collections import OrderedDict

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mypay_desk.services.audit import AuditEntry, AuditFilter
from mypay_desk.ui.errors import show_error
from mypay_desk.ui.widgets.dates import DateLineEdit
from mypay_desk.ui.widgets.readonly_model import ReadOnlyTableModel

log = logging.getLogger(__name__)

PAGE = 200
MAX_PAGES = 50
EntryRole = Qt.ItemDataRole.UserRole + 1


class AuditModel(ReadOnlyTableModel):
    """The lines of the log by id; a line is read when first shown (pages of PAGE lines)."""

    def __init__(self, service, parent=None):
        super().__init__(parent)
        self.service = service
        self._ids = array("q")
        self._pages: OrderedDict[int, list[AuditEntry | None]] = OrderedDict()

    def header_labels(self):
        return [self.tr("Data e ora"), self.tr("Utente"), self.tr("Postazione"), self.tr("Azione"),
                self.tr("Lista"), self.tr("Dettagli")]

    def set_ids(self, ids: array) -> None:
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def entry(self, row: int) -> AuditEntry | None:
        if not 0 <= row < len(self._ids):
            return None
        page_no, offset = divmod(row, PAGE)
        page = self._pages.get(page_no)
        if page is None:
            wanted = self._ids[page_no * PAGE:(page_no + 1) * PAGE]
            got = {e.id: e for e in self.service.entries(wanted)}
            page = self._pages[page_no] = [got.get(i) for i in wanted]
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page[offset]

    def cell(self, row: int, column: int, role: int):
        e = self.entry(row)
        if e is None:
            return None
        if role == EntryRole:
            return e
        if role == Qt.ItemDataRole.DisplayRole:
            return (e.at.strftime("%d/%m/%Y %H:%M:%S"), e.user, e.desk, e.action_label, e.list_name,
                    e.summary)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 3:
                return e.action
            if column == 5 and e.details:
                return json.dumps(e.details, ensure_ascii=False, indent=1, default=str)
        return None


class AuditPage(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("auditPage")
        self.ctx = ctx
        self.service = ctx.ws.audit_log
        self._generation = 0
        self._dirty = True

        title = QLabel(self.tr("Registro attività"))
        title.setProperty("role", "title")
        intro = QLabel(self.tr("Ogni azione fatta sui dati dell'Ente, con chi l'ha fatta e da quale postazione. "
                               "Il nome dell'utente e della postazione si impostano in Impostazioni › Preferenze."))
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")

        self.user_combo = QComboBox()
        self.user_combo.setObjectName("auditUser")
        self.user_combo.setMinimumWidth(220)
        self.list_combo = QComboBox()
        self.list_combo.setObjectName("auditList")
        self.list_combo.setMinimumWidth(200)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(300)
        self._reload_timer.timeout.connect(self.reload)
        self.from_edit = self._date_edit("auditFrom")
        self.to_edit = self._date_edit("auditTo")
        self.clear_button = QPushButton(self.tr("Tutto"))
        self.clear_button.setToolTip(self.tr("Togli i filtri"))
        self.clear_button.clicked.connect(self.clear_filters)
        filters = QHBoxLayout()
        for label, widget in ((self.tr("Utente"), self.user_combo), (self.tr("Dal"), self.from_edit),
                              (self.tr("Al"), self.to_edit), (self.tr("Lista"), self.list_combo)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(self.clear_button)
        filters.addStretch(1)

        self.model = AuditModel(self.service, self)
        self.view = QTableView()
        self.view.setObjectName("auditTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        for column, width in enumerate((140, 130, 110, 200, 150)):  # the rest goes to Dettagli
            self.view.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.count_label = QLabel()
        self.count_label.setObjectName("auditCount")

        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 12, 12, 12)
        lay.addWidget(title)
        lay.addWidget(intro)
        lay.addLayout(filters)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.count_label)

        for combo in (self.user_combo, self.list_combo):
            combo.currentIndexChanged.connect(lambda _i: self._reload_timer.start())
        ctx.data_changed.connect(self._changed)
        ctx.remote_changed.connect(lambda areas: self._changed("audit") if "audit" in areas else None)
        ctx.ente_changed.connect(self._ente_changed)
        self._fill_choices()

    def _date_edit(self, name: str) -> DateLineEdit:
        """A free-typed day (the app's one date rule); empty: no limit. A date that does not read is
        refused at the field and the filter stays as it was."""
        edit = DateLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(self.tr("gg/mm/aaaa"))
        edit.setMaximumWidth(150)
        edit.value_committed.connect(lambda _d: self._reload_timer.start())
        return edit

    # --- filters -------------------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        """Users and lists to choose from (keeps the current choice when still there)."""
        user, list_id = self.user_combo.currentData(), self.list_combo.currentData()
        for combo in (self.user_combo, self.list_combo):
            combo.blockSignals(True)
            combo.clear()
        self.user_combo.addItem(self.tr("Tutti"), None)
        for name, desk in self.service.people():
            self.user_combo.addItem(f"{name} ({desk})" if desk else name, (name, desk))
        self.list_combo.addItem(self.tr("Tutte"), None)
        for choice_id, name in self.service.list_choices():
            self.list_combo.addItem(name, choice_id)
        for combo, value in ((self.user_combo, user), (self.list_combo, list_id)):
            combo.setCurrentIndex(max(combo.findData(value), 0) if value is not None else 0)
            combo.blockSignals(False)

    def current_filter(self) -> AuditFilter:
        person = self.user_combo.currentData()
        return AuditFilter(user=person[0] if person else None, desk=person[1] if person else None,
                           date_from=self._day(self.from_edit), date_to=self._day(self.to_edit),
                           list_id=self.list_combo.currentData())

    @staticmethod
    def _day(edit: DateLineEdit):
        try:
            return edit.date()
        except ValueError:  # still being typed, or refused at the field: no limit from it
            return None

    def clear_filters(self) -> None:
        for w in (self.user_combo, self.list_combo, self.from_edit, self.to_edit):
            w.blockSignals(True)
        self.user_combo.setCurrentIndex(0)
        self.list_combo.setCurrentIndex(0)
        self.from_edit.set_date(None)
        self.to_edit.set_date(None)
        for w in (self.user_combo, self.list_combo, self.from_edit, self.to_edit):
            w.blockSignals(False)
        self.reload()

    # --- loading -------------------------------------------------------------------------------------
    def on_activated(self) -> None:
        self._fill_choices()
        if self._dirty:
            self.reload()

    def _changed(self, _area: str) -> None:
        self._dirty = True
        if self.isVisible():
            self._reload_timer.start()

    def _ente_changed(self) -> None:
        self._fill_choices()
        self._changed("ente")

    def reload(self) -> None:
        self._dirty = False
        self._generation += 1
        gen = self._generation
        flt = self.current_filter()
        service = self.service

        def done(ids):
            if gen != self._generation:
                return
            self.model.set_ids(ids)
            self.count_label.setText(self.tr("%n righe", "", len(ids)))

        def failed(failure):
            show_error(self, self.tr("Registro attività"), failure)

        self.ctx.tasks.run(lambda progress, cancel: service.ids(flt), lane="pool", on_success=done,
                           on_error=failed, show_progress=False)
