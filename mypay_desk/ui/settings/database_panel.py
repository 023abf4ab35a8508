"""The Database group of Impostazioni > Preferenze: which database this workspace uses, and the shared
PostgreSQL database an office can choose instead of the folder's own SQLite file.

The address is tested (on the pool lane: it is network work) before it is saved in the workspace
folder; the choice applies at the next start. The password never goes in the address: libpq reads it
from the password file (pgpass), PGPASSWORD or a service file, and the panel says so.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from mypay_desk.services import database
from mypay_desk.services.workspace import FROM_ENV, FROM_OPTION, saved_database_url
from mypay_desk.ui.context import AppContext
from mypay_desk.ui.domain_text import domain_text

log = logging.getLogger(__name__)


class DatabasePanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("databasePanel")
        ws = ctx.ws

        self.current_label = QLabel()
        self.current_label.setObjectName("databaseCurrent")
        self.current_label.setWordWrap(True)

        self.url_edit = QLineEdit()
        self.url_edit.setObjectName("databaseUrlEdit")
        self.url_edit.setPlaceholderText("postgresql+psycopg://utente@server/mypay")
        self.url_edit.setClearButtonEnabled(True)
        self.url_edit.textChanged.connect(self._update_buttons)

        self.hint = QLabel(self.tr(
            "Un ufficio con più postazioni usa un database PostgreSQL condiviso. Scrivi l'indirizzo senza "
            "password: PostgreSQL la legge dal file delle password (~/.pgpass; su Windows "
            "%APPDATA%\\postgresql\\pgpass.conf), dalla variabile PGPASSWORD o da un servizio "
            "(?service=NOME). La scelta vale dal prossimo avvio; log, backup e impostazioni restano "
            "nella cartella dello spazio di lavoro."))
        self.hint.setObjectName("databaseHint")
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "hint")

        self.test_button = QPushButton(self.tr("Prova connessione"))
        self.test_button.setObjectName("testDatabaseButton")
        self.test_button.clicked.connect(self.test_connection)
        self.save_button = QPushButton(self.tr("Prova e salva"))
        self.save_button.setObjectName("saveDatabaseButton")
        self.save_button.setToolTip(self.tr("Salva l'indirizzo solo se la connessione riesce"))
        self.save_button.clicked.connect(self.save)
        self.local_button = QPushButton(self.tr("Usa il database locale"))
        self.local_button.setObjectName("localDatabaseButton")
        self.local_button.setToolTip(self.tr("Dal prossimo avvio questo spazio di lavoro usa il suo file SQLite"))
        self.local_button.clicked.connect(self.use_local)

        self.result = QLabel()
        self.result.setObjectName("databaseResult")
        self.result.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.local_button)

        form = QFormLayout()
        form.addRow(self.tr("In uso"), self.current_label)
        form.addRow(self.tr("Database condiviso"), self.url_edit)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(form)
        lay.addWidget(self.hint)
        lay.addLayout(buttons)
        lay.addWidget(self.result)

        self.url_edit.setText(self._saved() or "")
        self._show_current(ws)
        self._update_buttons()

    # --- state -----------------------------------------------------------------------------------
    def _saved(self) -> str | None:
        try:
            return saved_database_url(self.ctx.ws.path)
        except Exception as exc:  # noqa: BLE001 - an unreadable file is shown, not fatal here
            log.warning("scelta del database non leggibile: %s", exc)
            return None

    def _show_current(self, ws) -> None:
        if ws.shared:
            text = self.tr("database condiviso PostgreSQL: {0}").format(ws.db.describe())
        else:
            text = self.tr("database locale di questa postazione (SQLite): {0}").format(ws.db.describe())
        if ws.database_source in (FROM_OPTION, FROM_ENV):
            text += "\n" + self.tr("Scelto all'avvio con {0}, che prevale sulla scelta salvata qui.").format(
                ws.database_source)
        self.current_label.setText(text)

    def _update_buttons(self) -> None:
        has_url = bool(self.url_edit.text().strip())
        self.test_button.setEnabled(has_url)
        self.save_button.setEnabled(has_url)
        self.local_button.setEnabled(self._saved() is not None)

    def _say(self, text: str, error: bool = False) -> None:
        self.result.setText(text)
        self.result.setProperty("role", "error" if error else "")
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)

    def _failed(self, failure) -> None:
        exc = getattr(failure, "exception", failure)
        self._say(domain_text(str(exc)), error=True)
        self._update_buttons()

    # --- actions ---------------------------------------------------------------------------------
    def test_connection(self) -> None:
        url = self.url_edit.text().strip()
        if not url:
            return
        self._say(self.tr("Verifica in corso…"))

        def done(check: database.DatabaseCheck) -> None:
            self._say(domain_text(check.message), error=not check.usable)

        self.ctx.tasks.run(lambda _p, _c: database.check_connection(url), lane="pool",
                           title=self.tr("Prova connessione al database"), on_success=done, on_error=self._failed,
                           parent_widget=self, cancellable=False)

    def save(self) -> None:
        url = self.url_edit.text().strip()
        if not url:
            return
        folder = self.ctx.ws.path
        self._say(self.tr("Verifica in corso…"))

        def done(check: database.DatabaseCheck) -> None:
            self._say(domain_text(check.message) + "\n"
                      + self.tr("Salvato: MyPay Desk userà questo database dal prossimo avvio."))
            self._update_buttons()
            self.ctx.status_message.emit(self.tr("Database condiviso salvato: sarà usato al prossimo avvio."))

        self.ctx.tasks.run(lambda _p, _c: database.choose(folder, url), lane="pool",
                           title=self.tr("Prova connessione al database"), on_success=done, on_error=self._failed,
                           parent_widget=self, cancellable=False)

    def use_local(self) -> None:
        try:
            database.choose(self.ctx.ws.path, None)
        except OSError as exc:
            self._failed(exc)
            return
        self.url_edit.clear()
        self._say(self.tr("Dal prossimo avvio questo spazio di lavoro usa il suo database locale (SQLite)."))
        self._update_buttons()
        self.ctx.status_message.emit(self.tr("Database locale: sarà usato al prossimo avvio."))
