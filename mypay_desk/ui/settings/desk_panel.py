"""The Postazione group of Impostazioni > Preferenze: the names this desk goes by.

The user's name and the desk's name appear in the audit log (Registro attività) and in what the other
desks are told ("Mario Rossi (Ufficio tributi 2) sta inviando la lista…"). Empty fields mean the
operating system's user and the computer's name. They are saved in the workspace folder, so the
command line on this desk uses them too; they apply at once.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from mypay_desk.services.workspace import NAME_MAX, WorkspaceError, load_identity, save_identity
from mypay_desk.ui.context import AppContext
from mypay_desk.ui.domain_text import domain_text


class DeskPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("deskPanel")
        self.user_edit = QLineEdit()
        self.user_edit.setObjectName("deskUserEdit")
        self.user_edit.setMaxLength(NAME_MAX)
        self.desk_edit = QLineEdit()
        self.desk_edit.setObjectName("deskNameEdit")
        self.desk_edit.setMaxLength(NAME_MAX)
        self.save_button = QPushButton(self.tr("Salva"))
        self.save_button.setObjectName("saveDeskButton")
        self.save_button.clicked.connect(self.save)
        self.hint = QLabel(self.tr(
            "Come ti vedono le altre postazioni e il registro attività. Vuoto: l'utente del sistema operativo "
            "e il nome del computer."))
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "hint")
        self.status = QLabel()
        self.status.setObjectName("deskStatus")
        self.status.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Nome dell'utente"), self.user_edit)
        form.addRow(self.tr("Nome della postazione"), self.desk_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.hint)
        lay.addLayout(form)
        lay.addLayout(buttons)
        lay.addWidget(self.status)
        self.load()

    def load(self) -> None:
        ident = load_identity(self.ctx.ws.path)
        self.user_edit.setText(ident.user if ident.user_configured else "")
        self.desk_edit.setText(ident.desk if ident.desk_configured else "")
        self.user_edit.setPlaceholderText(ident.user if not ident.user_configured else "")
        self.desk_edit.setPlaceholderText(ident.desk if not ident.desk_configured else "")
        self._show(ident)

    def _show(self, ident) -> None:
        self.status.setText(self.tr("Questa postazione compare come: {0}").format(ident.actor))

    def save(self) -> None:
        try:
            ident = save_identity(self.ctx.ws.path, self.user_edit.text(), self.desk_edit.text())
        except (WorkspaceError, OSError) as exc:
            self.status.setText(domain_text(str(exc)))
            return
        self.ctx.ws.set_identity(ident)
        self.load()
        self.ctx.status_message.emit(self.tr("Nome della postazione salvato: {0}").format(ident.actor))
