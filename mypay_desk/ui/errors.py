"""The error dialog: what happened in plain Italian, what was kept, with copyable details and the log file.

``show_error(parent, title, failure)`` is for failures a task reported (``failure`` is a TaskFailure or
an exception); ``show_unexpected(summary, details)`` is what the excepthook calls for bugs.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from mypay_desk.services.errors import DatabaseBusyError, DatabaseValueError, PortalError, UserError
from mypay_desk.ui.domain_text import user_error_text

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

_log_file: Path | None = None


def set_log_file(path: Path | None) -> None:
    global _log_file
    _log_file = path


def log_file() -> Path | None:
    return _log_file



class ErrorBox(QMessageBox):
    """A message box whose details can be copied with one button (that button does not close it)."""

    def __init__(self, parent: QWidget | None, title: str, text: str, informative: str, details: str,
                 icon: QMessageBox.Icon = QMessageBox.Icon.Warning):
        super().__init__(parent)
        self.setObjectName("errorBox")
        self.setIcon(icon)
        self.setWindowTitle(title)
        self.setText(text)
        if informative:
            self.setInformativeText(informative)
        self.details = details
        self.copy_button: QPushButton | None = None
        if details:
            self.setDetailedText(details)
            self.copy_button = self.addButton(translate("errors", "Copia dettagli"), QMessageBox.ButtonRole.ActionRole)
            # Detached from the box, so copying does not close it.
            self.copy_button.clicked.disconnect()
            self.copy_button.clicked.connect(self._copy_clicked)
        self.addButton(QMessageBox.StandardButton.Close)
        self.setDefaultButton(QMessageBox.StandardButton.Close)

    def copy_details(self) -> None:
        parts = [self.windowTitle(), self.text(), self.informativeText(), self.details]
        QApplication.clipboard().setText("\n\n".join(p for p in parts if p))

    def _copy_clicked(self) -> None:
        self.copy_details()
        self.copy_button.setText(translate("errors", "Copiati negli appunti"))


def _present(box: QMessageBox) -> None:
    """Show the box modally (tests replace this to inspect the box without blocking)."""
    box.exec()


def _log_hint() -> str:
    if _log_file is None:
        return ""
    return translate("errors", "Il file di log è {0}.").format(str(_log_file))


def build_error_box(parent: QWidget | None, title: str, failure) -> ErrorBox:
    exc = getattr(failure, "exception", failure)
    details = getattr(failure, "details", "") or repr(exc)
    if isinstance(exc, UserError):
        return ErrorBox(parent, title, user_error_text(exc), translate("errors", "Nulla di quanto già salvato è stato perso."),
                        details)
    if isinstance(exc, DatabaseBusyError):
        return ErrorBox(parent, title, translate("errors", "Il database è occupato da un'altra operazione "
                                                           "(un'altra finestra o un comando in corso)."),
                        translate("errors", "Nulla è stato modificato: riprova tra poco."), details)
    if isinstance(exc, DatabaseValueError):
        return ErrorBox(parent, title, translate("errors", "Un valore contiene il carattere nullo (NUL, codice 0), che il "
                                                           "database PostgreSQL non può salvare."),
                        translate("errors", "Nulla è stato modificato: togli quel carattere dal file o dal valore e "
                                            "riprova."), details)
    if isinstance(exc, PortalError):
        text = translate("errors", "Il portale non ha risposto come previsto:") + f"\n{exc}"
        info = translate("errors", "Le modifiche restano in attesa e verranno inviate alla prossima sincronizzazione.")
        return ErrorBox(parent, title, text, info, details)
    text = translate("errors", "Si è verificato un errore imprevisto.") + f"\n{exc}"
    info = " ".join(p for p in (
        translate("errors", "Quanto già salvato non è stato perso."),
        translate("errors", "Copia i dettagli con «Copia dettagli» e inviali all'assistenza."),
        _log_hint()) if p)
    return ErrorBox(parent, title, text, info, details, QMessageBox.Icon.Critical)


def show_error(parent: QWidget | None, title: str, failure) -> None:
    _present(build_error_box(parent, title, failure))


def show_unexpected(summary: str, details: str, parent: QWidget | None = None) -> None:
    """The dialog for a bug nobody caught (called by the excepthook on the GUI thread)."""
    parent = parent or QApplication.activeWindow()
    text = translate("errors", "Si è verificato un errore imprevisto:") + f"\n{summary}"
    info = " ".join(p for p in (
        translate("errors", "L'applicazione continua a funzionare e quanto già salvato non è stato perso."),
        translate("errors", "Copia i dettagli con «Copia dettagli» e inviali all'assistenza."),
        _log_hint()) if p)
    _present(ErrorBox(parent, translate("errors", "Errore imprevisto"), text, info, details, QMessageBox.Icon.Critical))
