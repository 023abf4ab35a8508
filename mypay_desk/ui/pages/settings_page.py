"""Impostazioni: the Ente, its tipi dovuto, and the preferences of this desk (language, workspace, backups)."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mypay_desk.ui import i18n
from mypay_desk.ui.context import AppContext
from mypay_desk.ui.settings.backup_panel import BackupPanel
from mypay_desk.ui.settings.database_panel import DatabasePanel
from mypay_desk.ui.settings.desk_panel import DeskPanel
from mypay_desk.ui.settings.ente_form import EnteForm
from mypay_desk.ui.settings.types_editor import TypesEditor

log = logging.getLogger(__name__)

TAB_ENTE, TAB_TYPES, TAB_PREFERENCES = 0, 1, 2


class SettingsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("settingsPage")

        title = QLabel(self.tr("Impostazioni"))
        title.setObjectName("pageTitle")
        subtitle = QLabel(self.tr("I dati dell'Ente, i tipi dovuto e le preferenze di questa postazione."))
        subtitle.setObjectName("pageSubtitle")

        self.ente_form = EnteForm(ctx)
        self.types_editor = TypesEditor(ctx)
        self.preferences = self._build_preferences()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.tabs.setDocumentMode(False)
        self.tabs.addTab(self._padded(self.ente_form), self.tr("Ente"))
        self.tabs.addTab(self._padded(self.types_editor), self.tr("Tipi dovuto"))
        # scrolls: language, workspace, database and backups do not fit a small window's height
        preferences = QScrollArea()
        preferences.setObjectName("preferencesScroll")
        preferences.setWidgetResizable(True)
        preferences.setFrameShape(QScrollArea.Shape.NoFrame)
        preferences.setWidget(self._padded(self.preferences))
        self.tabs.addTab(preferences, self.tr("Preferenze"))

        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 16)
        lay.setSpacing(4)
        lay.addWidget(title)
        lay.addWidget(subtitle)
        lay.addSpacing(10)
        lay.addWidget(self.tabs, 1)

        ctx.ente_changed.connect(self._ente_changed)
        self._loaded_ente_id: int | None = None
        self.reload()

    @staticmethod
    def _padded(widget: QWidget) -> QWidget:
        """A tab's content with its margins, scrolling when the window is short (a 1366×768 laptop):
        a form can grow (more Ente fields) without making the window taller."""
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(14, 14, 14, 12)
        lay.addWidget(widget)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(box)
        return scroll

    def _build_preferences(self) -> QWidget:
        w = QWidget()
        col = QVBoxLayout(w)
        col.setContentsMargins(0, 0, 0, 0)

        language = QGroupBox(self.tr("Lingua"))
        form = QFormLayout(language)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        for code, label in i18n.LANGUAGES.items():
            self.language_combo.addItem(label, code)
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(i18n.saved_language(self.ctx.settings))))
        self.language_combo.activated.connect(self._language_chosen)
        self.language_note = QLabel(self.tr("La lingua scelta si applica al prossimo avvio dell'app."))
        self.language_note.setProperty("role", "hint")
        form.addRow(self.tr("Lingua dell'interfaccia"), self.language_combo)
        form.addRow("", self.language_note)

        workspace = QGroupBox(self.tr("Spazio di lavoro"))
        form = QFormLayout(workspace)
        path = QLabel(str(self.ctx.ws.path))
        path.setObjectName("workspacePath")
        path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Cartella"), path)
        logs = QPushButton(self.tr("Apri la cartella dei log"))
        logs.clicked.connect(self._open_logs)
        row = QHBoxLayout()
        row.addWidget(logs)
        row.addStretch(1)
        form.addRow(self.tr("Log"), row)

        self.desk_group = QGroupBox(self.tr("Postazione"))
        self.desk_group.setObjectName("deskGroup")
        self.desk_panel = DeskPanel(self.ctx)
        QVBoxLayout(self.desk_group).addWidget(self.desk_panel)

        self.database_group = QGroupBox(self.tr("Database"))
        self.database_group.setObjectName("databaseGroup")
        self.database_panel = DatabasePanel(self.ctx)
        QVBoxLayout(self.database_group).addWidget(self.database_panel)

        self.backup_group = QGroupBox(self.tr("Backup"))
        self.backup_group.setObjectName("backupGroup")
        self.backup_layout = QVBoxLayout(self.backup_group)
        self.backup_panel = BackupPanel(self.ctx)
        self.backup_layout.addWidget(self.backup_panel)

        col.addWidget(language)
        col.addWidget(workspace)
        col.addWidget(self.desk_group)
        col.addWidget(self.database_group)
        col.addWidget(self.backup_group)
        col.addStretch(1)
        return w

    # --- data ------------------------------------------------------------------------------------
    def reload(self) -> None:
        ente = self.ctx.ente
        self._loaded_ente_id = ente.id if ente else None
        self.ente_form.load(ente)
        self.types_editor.set_ente(ente)

    def on_activated(self) -> None:
        if not self.ente_form.dirty:
            self.reload()

    def _ente_changed(self) -> None:
        ente = self.ctx.ente
        if ente is None or ente.id != self._loaded_ente_id or not self.ente_form.dirty:
            self.reload()

    def has_unsaved_changes(self) -> bool:
        return self.ente_form.dirty or self.types_editor.dirty

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    # --- preferences -------------------------------------------------------------------------------------
    def _language_chosen(self, _index: int) -> None:
        code = self.language_combo.currentData()
        i18n.save_language(self.ctx.settings, code)
        self.ctx.status_message.emit(self.tr("Lingua salvata: sarà usata al prossimo avvio."))

    def _open_logs(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.ws.logs_dir)))
