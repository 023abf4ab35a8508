"""Portale: connection to MyPay, synchronisation of a list, the flows sent and the exchange journal."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mypay_desk.ui.context import AppContext
from mypay_desk.ui.domain_text import domain_label, domain_text, user_error_text
from mypay_desk.ui.errors import show_error
from mypay_desk.ui.portal.desk import send_debt_now, start_payment_at_desk
from mypay_desk.ui.portal.models import fit_code_columns, flows_model, journal_model, rejected_rows_model
from mypay_desk.ui.widgets.numbers import format_count

log = logging.getLogger(__name__)


@dataclass
class _Snapshot:
    """Everything the page shows, collected off the GUI thread."""

    ente_ipa: str = ""
    settings: object | None = None
    lists: list[str] = field(default_factory=list)
    pending: dict[str, int] = field(default_factory=dict)  # list name -> rows the next sync would send
    flows: list = field(default_factory=list)
    journal: list = field(default_factory=list)
    online: bool | None = None


def _collect(ws) -> _Snapshot:
    ente = ws.ente.current()
    if ente is None:
        return _Snapshot()
    return _Snapshot(ente_ipa=ente.ipa_code, settings=ws.portal.settings(ente), lists=ws.sync.list_names(),
                     pending={s.name: s.pending_count for s in ws.lists.lists()},
                     flows=ws.sync.flows(), journal=ws.portal.journal(), online=ws.portal.last_known_online())


def _table(name: str, model) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setMinimumHeight(72)  # a few rows: the page fits a short screen, the splitter gives more
    proxy = QSortFilterProxyModel(view)
    proxy.setSourceModel(model)
    proxy.setSortRole(Qt.ItemDataRole.UserRole)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


class PortalPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("portalPage")
        self.snapshot = _Snapshot()
        self._loading = False
        self._sync_handle = None
        self._list_chosen_by_user = False

        title = QLabel(self.tr("Portale"))
        title.setObjectName("pageTitle")
        subtitle = QLabel(self.tr("Connessione a MyPay, invio delle modifiche in attesa, flussi inviati e registro "
                                  "degli scambi."))
        subtitle.setObjectName("pageSubtitle")
        subtitle.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self._build_connection(), 1)
        top.addWidget(self._build_sync(), 1)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("portalTabs")
        self.tabs.addTab(self._build_flows(), self.tr("Flussi inviati"))
        self.tabs.addTab(self._build_journal(), self.tr("Registro degli scambi"))
        # The desk (one debt now, a payment at the counter) is a tab: the page fits a 1366×768 screen.
        desk_tab = QWidget()
        desk_lay = QVBoxLayout(desk_tab)
        desk_lay.addWidget(self._build_desk())
        desk_lay.addStretch(1)
        self.desk_tab_index = self.tabs.addTab(desk_tab, self.tr("Sportello"))

        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 16)
        lay.setSpacing(6)
        lay.addWidget(title)
        lay.addWidget(subtitle)
        lay.addSpacing(8)
        lay.addLayout(top)
        lay.addWidget(self.tabs, 1)

        ctx.ente_changed.connect(self.reload)
        ctx.data_changed.connect(self._data_changed)
        self.reload()

    # --- building -------------------------------------------------------------------------------
    def _build_connection(self) -> QGroupBox:
        box = QGroupBox(self.tr("Connessione al portale"))
        form = QFormLayout(box)
        self.url_edit = QLineEdit()
        self.url_edit.setObjectName("portalUrl")
        self.url_edit.setPlaceholderText("https://…")
        self.ipa_label = QLabel()
        self.ipa_label.setObjectName("portalIpa")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("portalPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_note = QLabel()
        self.password_note.setProperty("role", "hint")
        self.password_note.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Salva"))
        self.save_button.setObjectName("portalSave")
        self.save_button.clicked.connect(self.save_settings)
        self.test_button = QPushButton(self.tr("Prova connessione"))
        self.test_button.setObjectName("portalTest")
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = QLabel()
        self.test_result.setObjectName("portalTestResult")
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.online_label = QLabel()
        self.online_label.setObjectName("portalOnline")
        self.test_result.setVisible(False)  # shown once a test ran
        password_row = QHBoxLayout()
        password_row.addWidget(self.password_edit, 1)
        password_row.addWidget(self.save_button)
        password_row.addWidget(self.test_button)
        # The state beside the IPA code and the test's result in the note's place, not rows of their own: at
        # 1366×768 every row here is one less of the flows table below.
        ipa_row = QHBoxLayout()
        ipa_row.addWidget(self.ipa_label)
        ipa_row.addStretch(1)
        ipa_row.addWidget(self.online_label)
        notes = QVBoxLayout()
        notes.addWidget(self.password_note)
        notes.addWidget(self.test_result)
        form.addRow(self.tr("Indirizzo del portale"), self.url_edit)
        form.addRow(self.tr("Codice IPA"), ipa_row)
        form.addRow(self.tr("Password"), password_row)
        form.addRow("", notes)
        return box

    def _build_sync(self) -> QGroupBox:
        box = QGroupBox(self.tr("Sincronizza una lista"))
        col = QVBoxLayout(box)
        row = QHBoxLayout()
        self.list_combo = QComboBox()
        self.list_combo.setObjectName("syncList")
        self.list_combo.setMinimumContentsLength(18)
        self.list_combo.currentTextChanged.connect(self._list_chosen)
        self.list_combo.activated.connect(lambda _i: setattr(self, "_list_chosen_by_user", True))
        self.sync_button = QPushButton(self.tr("Sincronizza"))
        self.sync_button.setObjectName("syncButton")
        self.sync_button.setProperty("primary", True)
        self.sync_button.clicked.connect(self.synchronize)
        row.addWidget(self.list_combo, 1)
        row.addWidget(self.sync_button)
        self.pending_label = QLabel()
        self.pending_label.setObjectName("syncPending")
        self.pending_label.setWordWrap(True)
        self.resend_check = QCheckBox(self.tr("Reinvia anche i dovuti rifiutati e non modificati"))
        self.resend_check.setObjectName("resendRejected")
        self.sync_result = QLabel()
        self.sync_result.setObjectName("syncResult")
        self.sync_result.setWordWrap(True)
        self.sync_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        col.addLayout(row)
        col.addWidget(self.pending_label)
        col.addWidget(self.resend_check)
        col.addWidget(self.sync_result)
        return box

    def _build_desk(self) -> QGroupBox:
        self.desk_box = QGroupBox(self.tr("Sportello: un dovuto subito"))
        row = QHBoxLayout(self.desk_box)
        self.iud_edit = QLineEdit()
        self.iud_edit.setObjectName("deskIud")
        self.iud_edit.setPlaceholderText(self.tr("IUD del dovuto"))
        self.send_now_button = QPushButton(self.tr("Invia subito"))
        self.send_now_button.setObjectName("deskSend")
        self.send_now_button.setToolTip(self.tr("Invia al portale solo questo dovuto, senza attendere un flusso"))
        self.send_now_button.clicked.connect(self._send_now)
        self.pay_button = QPushButton(self.tr("Avvia pagamento"))
        self.pay_button.setObjectName("deskPay")
        self.pay_button.setToolTip(self.tr("Il cittadino paga ora: mostra il collegamento e il codice QR"))
        self.pay_button.clicked.connect(self._start_payment)
        row.addWidget(self.iud_edit, 1)
        row.addWidget(self.send_now_button)
        row.addWidget(self.pay_button)
        return self.desk_box

    def _build_flows(self) -> QWidget:
        self.flows = flows_model(self)
        self.rejected = rejected_rows_model(self)
        self.flows_view = _table("portalFlows", self.flows)
        self.flows_view.selectionModel().currentRowChanged.connect(self._flow_selected)
        self.rejected_view = _table("portalRejectedRows", self.rejected)
        self.rejected_title = QLabel(self.tr("Righe rifiutate del flusso selezionato"))
        self.resume_button = QPushButton(self.tr("Riprendi il flusso"))
        self.resume_button.setObjectName("resumeFlow")
        self.resume_button.setToolTip(self.tr("Verifica sul portale e completa un invio interrotto"))
        self.resume_button.setEnabled(False)
        self.resume_button.clicked.connect(self._resume_selected)
        refresh = QPushButton(self.tr("Aggiorna"))
        refresh.clicked.connect(self.reload)
        lower = QWidget()
        lower_lay = QVBoxLayout(lower)
        lower_lay.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()  # one row for the title of the rejected rows and the flow's buttons
        bar.addWidget(self.rejected_title, 1)
        bar.addWidget(self.resume_button)
        bar.addWidget(refresh)
        lower_lay.addLayout(bar)
        lower_lay.addWidget(self.rejected_view)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("portalFlowsSplitter")
        split.addWidget(self.flows_view)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)  # the flows first; the rejected rows of one flow need fewer lines
        split.setStretchFactor(1, 2)
        w = QWidget()
        lay = QVBoxLayout(w)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(split, 1)
        return w

    def _build_journal(self) -> QWidget:
        self.journal = journal_model(self)
        self.journal_view = _table("portalJournal", self.journal)
        note = QLabel(self.tr("Ogni scambio con il portale: operazione, durata, esito e codice d'errore. Password e "
                              "token non vengono mai registrati."))
        note.setProperty("role", "hint")
        note.setWordWrap(True)
        w = QWidget()
        lay = QVBoxLayout(w)
        lay.addWidget(note)
        lay.addWidget(self.journal_view, 1)
        return w

    # --- data -----------------------------------------------------------------------------------
    def on_activated(self) -> None:
        self.reload()

    def _data_changed(self, area: str) -> None:
        if area in ("portal", "lists"):
            self.reload()

    def reload(self) -> None:
        if self._loading:
            return
        self._loading = True
        ws = self.ctx.ws
        self.ctx.tasks.run(lambda _p, _c: _collect(ws), lane="db", show_progress=False,
                           on_success=self._loaded, on_error=self._load_failed)

    def _load_failed(self, failure) -> None:
        self._loading = False
        log.warning("pagina Portale: %s", failure.details)
        self.ctx.status_message.emit(self.tr("Dati del portale non disponibili: {0}").format(failure.exception))

    def _loaded(self, snap: _Snapshot) -> None:
        self._loading = False
        self.snapshot = snap
        st = snap.settings
        has_ente = st is not None
        for w in (self.url_edit, self.password_edit, self.save_button, self.test_button, self.sync_button,
                  self.list_combo, self.desk_box):
            w.setEnabled(has_ente)
        if not has_ente:
            self.ipa_label.setText(self.tr("Nessun Ente configurato"))
            self.flows.set_rows([])
            self.journal.set_rows([])
            return
        if not self.url_edit.isModified():  # the saved address, unless the clerk is typing a new one
            self.url_edit.setText(st.portal_url)
            self.url_edit.setCursorPosition(0)
        self.url_edit.setToolTip(self.tr("Indirizzo salvato: {0}").format(st.portal_url or self.tr("nessuno")))
        self.ipa_label.setText(st.ipa_code)
        self.password_edit.setPlaceholderText(
            self.tr("salvata (vuota: non cambia)") if st.has_password else self.tr("non impostata"))
        self.password_note.setText(self.tr("La password è conservata in: {0}. Non viene mai scritta nel database "
                                           "né nel registro.").format(domain_label(st.password_store)))
        self.password_edit.setToolTip(self.password_note.text())
        self.pay_button.setVisible(st.adhesion_mode == "ente")
        self.tabs.setTabVisible(self.desk_tab_index, st.adhesion_mode != "base")
        self.sync_button.setEnabled(st.adhesion_mode != "base")
        self._show_online(snap.online)
        current = self.list_combo.currentText()
        self.list_combo.blockSignals(True)
        self.list_combo.clear()
        self.list_combo.addItems(snap.lists)
        if not self._list_chosen_by_user or current not in snap.lists:
            # the list that has something to send (the most), until the clerk picks one
            waiting = sorted((n for n in snap.lists if snap.pending.get(n)), key=lambda n: -snap.pending[n])
            current = waiting[0] if waiting else (current if current in snap.lists else "")
        if current in snap.lists:
            self.list_combo.setCurrentText(current)
        self.list_combo.blockSignals(False)
        self._list_chosen(self.list_combo.currentText())
        selected = self._selected_flow()
        self.flows.set_rows(snap.flows)
        self.journal.set_rows(snap.journal)
        self._fit_columns_once(self.flows_view, self.journal_view)
        fit_code_columns(self.journal_view, self.flows_view)
        if selected is not None:
            for row, f in enumerate(self.flows.rows):
                if f.id == selected.id:
                    src = self.flows.index(row, 0)
                    self.flows_view.selectRow(self.flows_view.model().mapFromSource(src).row())
                    break
        elif not self.flows.rows:
            self.rejected.set_rows([])

    def _fit_columns_once(self, *views: QTableView) -> None:
        """Size columns to their content the first time they have rows; after that the user's widths stay."""
        for view in views:
            if view.model().rowCount() and not view.property("fitted"):
                view.resizeColumnsToContents()
                for col in range(view.model().columnCount() - 1):
                    view.setColumnWidth(col, min(view.columnWidth(col), 260))
                view.setProperty("fitted", True)

    def _show_online(self, online: bool | None) -> None:
        text = {True: self.tr("● raggiungibile"), False: self.tr("● non raggiungibile"),
                None: self.tr("● non ancora contattato")}[online]
        color = {True: "#1d7a3a", False: "#b3261e", None: "#5b6b7d"}[online]
        self.online_label.setText(text)
        self.online_label.setStyleSheet(f"color: {color};")

    def _list_chosen(self, name: str) -> None:
        if not name:
            self.pending_label.setText(self.tr("Nessuna lista: creane una nella pagina Liste di dovuti."))
            return
        ws = self.ctx.ws
        self.ctx.tasks.run(lambda _p, _c: ws.sync.pending(name), lane="db", show_progress=False,
                           on_success=self._pending_loaded, on_error=lambda f: None, owner=self)

    def _pending_loaded(self, p) -> None:
        if p.list_name != self.list_combo.currentText():
            return
        parts = [self.tr("In attesa: {0} da inserire, {1} da modificare, {2} da annullare").format(
            format_count(p.insert), format_count(p.modify), format_count(p.cancel))]
        if p.invalid:
            parts.append(self.tr("%Ln con errori da correggere", "", p.invalid))
        if p.rejected_unchanged:
            parts.append(self.tr("%Ln rifiutati e non modificati", "", p.rejected_unchanged))
        if p.in_flight:
            parts.append(self.tr("%Ln in un flusso in corso", "", p.in_flight))
        self.pending_label.setText("; ".join(parts))

    def _selected_flow(self):
        idx = self.flows_view.currentIndex()
        if not idx.isValid():
            return None
        src = self.flows_view.model().mapToSource(idx)
        return self.flows.row_at(src.row())

    def _flow_selected(self, current, _previous) -> None:
        if not current.isValid():
            self.rejected.set_rows([])
            self.resume_button.setEnabled(False)
            return
        flow = self.flows.row_at(self.flows_view.model().mapToSource(current).row())
        if flow is None:
            return
        self.resume_button.setEnabled(flow.state in ("PREPARATO", "AUTORIZZATO", "CARICATO"))
        self.rejected_title.setText(self.tr("Righe rifiutate del flusso {0}").format(flow.iuf))
        ws = self.ctx.ws
        def loaded(rows) -> None:
            self.rejected.set_rows(rows)
            self._fit_columns_once(self.rejected_view)
            fit_code_columns(self.rejected_view)

        self.ctx.tasks.run(lambda _p, _c: ws.sync.flow_rows(flow.id, only_rejected=True), lane="db",
                           show_progress=False, on_success=loaded, on_error=lambda f: None, owner=self)

    # --- actions --------------------------------------------------------------------------------
    def save_settings(self) -> None:
        url, password = self.url_edit.text().strip(), self.password_edit.text()
        ws = self.ctx.ws

        def saved(_settings) -> None:
            self.password_edit.clear()
            self.ctx.ente_changed.emit()
            self.ctx.status_message.emit(self.tr("Connessione al portale salvata"))

        self.ctx.tasks.run(lambda _p, _c: ws.portal.save_settings(url, password or None), lane="db",
                           show_progress=False, on_success=saved, parent_widget=self,
                           on_error=lambda f: show_error(self, self.tr("Connessione al portale"), f))

    def test_connection(self) -> None:
        url, password = self.url_edit.text().strip(), self.password_edit.text()
        ws = self.ctx.ws
        self.test_result.setText(self.tr("Verifica in corso…"))
        self.test_result.setProperty("role", "")
        self.password_note.setVisible(False)  # the result takes its place (the note stays the field's tooltip)
        self.test_result.setVisible(True)

        def done(check) -> None:
            self.test_result.setText(domain_text(check.message))
            self.test_result.setProperty("role", "" if check.ok else "error")
            self.test_result.style().unpolish(self.test_result)
            self.test_result.style().polish(self.test_result)
            self._show_online(ws.portal.last_known_online())
            self.ctx.pending_changed.emit()
            self.reload()

        self.ctx.tasks.run(lambda _p, _c: ws.portal.test_connection(url or None, password or None), lane="pool",
                           title=self.tr("Prova connessione"), on_success=done, parent_widget=self)

    def synchronize(self) -> None:
        name = self.list_combo.currentText()
        if not name:
            return
        resend = self.resend_check.isChecked()
        ws = self.ctx.ws
        self.sync_button.setEnabled(False)
        self.sync_result.setText(self.tr("Sincronizzazione in corso…"))
        self._sync_handle = self.ctx.tasks.run(
            lambda progress, cancel: ws.sync.push(name, wait=True, progress=progress, cancel=cancel,
                                                  resend_rejected=resend),
            title=self.tr("Sincronizzazione della lista «{0}»").format(name), lane="pool",
            on_success=self._synced, on_error=self._sync_failed, on_cancel=self._sync_cancelled,
            parent_widget=self)

    def _after_sync(self) -> None:
        self.sync_button.setEnabled(True)
        self.ctx.data_changed.emit("lists")
        self.ctx.data_changed.emit("portal")  # (the lists page reads its rows in flight again)
        self.ctx.pending_changed.emit()
        self.reload()

    def _synced(self, report) -> None:
        text = domain_text(report.message)
        if report.rejections:
            text += "\n" + self.tr("Le righe rifiutate sono elencate sotto, con il motivo: correggile e sincronizza "
                                   "di nuovo.")
        for c in report.conflicts[:5]:
            text += f"\n{c.iud}: {domain_text(c.message)}"
        if len(report.conflicts) > 5:
            text += "\n" + self.tr("… e altri {0}").format(len(report.conflicts) - 5)
        self.sync_result.setText(text)
        self.ctx.status_message.emit(domain_text(report.message))
        self._after_sync()

    def _sync_failed(self, failure) -> None:
        self.sync_result.setText(user_error_text(failure.exception))
        self._after_sync()
        show_error(self, self.tr("Sincronizzazione"), failure)

    def _sync_cancelled(self) -> None:
        self.sync_result.setText(self.tr("Sincronizzazione annullata: quanto già inviato sarà verificato e completato "
                                         "alla prossima sincronizzazione."))
        self._after_sync()

    def _resume_selected(self) -> None:
        flow = self._selected_flow()
        if flow is None:
            return
        ws = self.ctx.ws
        self.ctx.tasks.run(lambda progress, cancel: ws.sync.resume(flow.id, wait=True, progress=progress,
                                                                   cancel=cancel),
                           title=self.tr("Ripresa del flusso {0}").format(flow.iuf), lane="pool",
                           on_success=self._synced, on_error=self._sync_failed, on_cancel=self._sync_cancelled,
                           parent_widget=self)

    def _desk_debt(self):
        return self.ctx.ws.sync.find_debt(self.iud_edit.text())

    def _send_now(self) -> None:
        try:
            debt = self._desk_debt()
        except Exception as exc:  # noqa: BLE001 - shown to the user as it is
            show_error(self, self.tr("Invio immediato"), exc)
            return
        send_debt_now(self.ctx, debt.id, self, on_done=lambda _r: self.reload())

    def _start_payment(self) -> None:
        try:
            debt = self._desk_debt()
        except Exception as exc:  # noqa: BLE001
            show_error(self, self.tr("Avvio del pagamento"), exc)
            return
        start_payment_at_desk(self.ctx, debt.id, self)
