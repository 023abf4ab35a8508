"""The Backup group of Impostazioni > Preferenze: the copies of the workspace database, a copy now,
the folder, and "Ripristina da backup".

On a shared PostgreSQL database the app copies no files: the group explains that its backups belong on
the server, makes a copy on demand with pg_dump (or says what to install when it is missing), and gives
the pg_restore command instead of restoring (other desks are using the database).

Copies and restores run on the database lane. A restore first copies the current database (the
service does it; the copy shows in the list as «Prima del ripristino», so a restore can itself be
undone), then every page reloads: ``ente_changed`` plus ``data_changed`` for each area.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mypay_desk.services.backups import AUTO_EVERY, AUTO_KEEP, BackupInfo
from mypay_desk.ui.context import AppContext

log = logging.getLogger(__name__)

# Every area a page listens to: after a restore all of them changed.
RELOADED_AREAS = ("lists", "portal", "payments", "reconciliation", "types")


class BackupPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("backupPanel")
        self.backups: list[BackupInfo] = []

        self.hint = QLabel(self.tr(
            "All'avvio dell'app viene fatta una copia automatica del database, al più ogni {hours} ore; "
            "si tengono le ultime {keep}. Una copia viene fatta anche prima di ogni aggiornamento dell'app "
            "e prima di ogni ripristino.").format(hours=int(AUTO_EVERY.total_seconds() // 3600), keep=AUTO_KEEP))
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "hint")
        self.shared = not ctx.ws.backups.file_copies
        self.tool_label = QLabel()
        self.tool_label.setObjectName("pgDumpStatus")
        self.tool_label.setWordWrap(True)
        self.tool_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tool_label.setVisible(self.shared)

        self.table = QTableWidget(0, 3)
        self.table.setObjectName("backupTable")
        self.table.setHorizontalHeaderLabels([self.tr("Data"), self.tr("Tipo"), self.tr("Dimensione")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(150)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.restore_selected())

        self.empty_label = QLabel(self.tr("Nessun backup ancora: usa «Crea backup ora»."))
        self.empty_label.setProperty("role", "hint")

        self.create_button = QPushButton(self.tr("Crea backup ora"))
        self.create_button.setObjectName("createBackupButton")
        self.create_button.clicked.connect(self.create_backup)
        self.open_button = QPushButton(self.tr("Apri cartella"))
        self.open_button.setObjectName("openBackupFolderButton")
        self.open_button.clicked.connect(self.open_folder)
        self.restore_button = QPushButton(self.tr("Ripristina da backup…"))
        self.restore_button.setObjectName("restoreBackupButton")
        self.restore_button.setToolTip(self.tr("Sostituisce i dati attuali con quelli del backup selezionato"))
        self.restore_button.clicked.connect(self.restore_selected)

        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.hint)
        lay.addWidget(self.tool_label)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.empty_label)
        lay.addLayout(buttons)
        if self.shared:
            self._explain_pg_dump()
        self.refresh()

    def _explain_pg_dump(self) -> None:
        backups = self.ctx.ws.backups
        self.hint.setText(self.tr(
            "Il database è condiviso su un server PostgreSQL: questa postazione non ne copia i file e non fa "
            "copie automatiche. I backup di un database condiviso si fanno sul server (un pg_dump pianificato "
            "o i backup del server). «Crea backup ora» esegue pg_dump e salva la copia nella cartella dei "
            "backup di questo spazio di lavoro."))
        tool = backups.dump_tool()
        if tool.path is None:
            text = self.tr("pg_dump non è installato su questa postazione: installa gli strumenti client di "
                           "PostgreSQL, della stessa versione del server o più recenti (Debian/Ubuntu: «apt install "
                           "postgresql-client»; Windows: l'installer di PostgreSQL con il solo componente «Command "
                           "Line Tools», poi aggiungi la sua cartella bin al PATH).")
        else:
            text = self.tr("pg_dump: {0}").format(str(tool.path))
        text += "\n" + self.tr("Per ripristinare una copia: chiudi MyPay Desk su tutte le postazioni, poi chi "
                               "gestisce il server esegue {0}").format(backups.restore_command())
        self.tool_label.setText(text)
        self.restore_button.setVisible(False)

    # --- list ------------------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh()  # the automatic copy of this start may have finished meanwhile

    def refresh(self) -> None:
        """Reload the list (a directory listing: quick enough for the GUI thread)."""
        selected = self.selected()
        try:
            self.backups = self.ctx.ws.backups.list()
        except OSError as exc:
            log.warning("elenco dei backup non leggibile: %s", exc)
            self.backups = []
        self.table.setRowCount(len(self.backups))
        for row, b in enumerate(self.backups):
            items = [QTableWidgetItem(b.created.strftime("%d/%m/%Y %H:%M:%S")),
                     QTableWidgetItem(self.reason_label(b.reason)),
                     QTableWidgetItem(self.size_text(b.size))]
            items[2].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for col, item in enumerate(items):
                item.setToolTip(b.path.name)
                self.table.setItem(row, col, item)
            if selected is not None and b.path == selected.path:
                self.table.selectRow(row)
        self.empty_label.setVisible(not self.backups)
        self._update_buttons()

    def reason_label(self, reason: str) -> str:
        labels = {
            "automatico": self.tr("Automatico"),
            "manuale": self.tr("Manuale"),
            "prima-del-ripristino": self.tr("Prima del ripristino"),
            "pre-migrazione": self.tr("Prima dell'aggiornamento dell'app"),
        }
        return labels.get(reason, reason.replace("-", " "))

    @staticmethod
    def size_text(size: int) -> str:
        return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.backups):
            return None
        return self.backups[rows[0].row()]

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    # --- actions ---------------------------------------------------------------------------------
    def create_backup(self) -> None:
        ws = self.ctx.ws

        def done(info: BackupInfo) -> None:
            self.refresh()
            self._select(info)
            self.ctx.status_message.emit(self.tr("Backup creato: {name}").format(name=info.path.name))

        self.ctx.tasks.run(lambda _p, _c: ws.backups.create("manuale"), title=self.tr("Backup del database"),
                           lane="db", on_success=done, parent_widget=self, cancellable=False)

    def open_folder(self) -> None:
        folder = self.ctx.ws.backups.folder
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def confirm_restore(self, backup: BackupInfo) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Ripristina da backup"),
                          self.tr("Ripristinare i dati dal backup del {date}?").format(
                              date=backup.created.strftime("%d/%m/%Y %H:%M")), QMessageBox.StandardButton.NoButton,
                          self)
        box.setObjectName("restoreConfirmBox")
        box.setInformativeText(self.tr(
            "Prima del ripristino viene fatta una copia di sicurezza dei dati attuali: la trovi in questo "
            "elenco come «Prima del ripristino» e puoi ripristinarla se cambi idea.\n\n"
            "Dopo il ripristino liste, dovuti, flussi e pagamenti tornano come erano al momento del backup; "
            "quanto fatto dopo resta solo nella copia di sicurezza."))
        restore = box.addButton(self.tr("Ripristina"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Annulla"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(box.buttons()[-1])
        box.exec()
        return box.clickedButton() is restore

    def restore_selected(self) -> None:
        if self.shared:
            return  # a shared database is restored on the server (the label gives the command)
        backup = self.selected()
        if backup is None:
            QMessageBox.information(self, self.tr("Ripristina da backup"),
                                    self.tr("Seleziona nell'elenco il backup da ripristinare."))
            return
        if not self.confirm_restore(backup):
            return
        ws = self.ctx.ws

        def done(safety: BackupInfo) -> None:
            self.refresh()
            ctx = self.ctx
            ctx.ente_changed.emit()
            for area in RELOADED_AREAS:
                ctx.data_changed.emit(area)
            ctx.pending_changed.emit()
            ctx.status_message.emit(self.tr("Dati ripristinati dal backup del {date}. Copia di sicurezza dei dati "
                                            "precedenti: {name}").format(
                date=backup.created.strftime("%d/%m/%Y %H:%M"), name=safety.path.name))

        self.ctx.tasks.run(lambda _p, _c: ws.backups.restore(backup.path), title=self.tr("Ripristino del backup"),
                           lane="db", on_success=done, on_error=self._restore_failed, parent_widget=self,
                           cancellable=False)

    def _restore_failed(self, failure) -> None:
        from mypay_desk.ui.errors import show_error

        self.refresh()  # the safety copy may be there even if the restore itself failed
        show_error(self, self.tr("Ripristino del backup"), failure)

    def _select(self, info: BackupInfo) -> None:
        for row, b in enumerate(self.backups):
            if b.path == info.path:
                self.table.selectRow(row)
                return
