"""The error dialog: what happened in plain Italian, with copyable details, and a log file."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from mypay_desk.services.errors import PortalError, UserError

log = logging.getLogger(__name__)


def show_error(parent: QWidget | None, title: str, failure) -> None:
    exc = getattr(failure, "exception", failure)
    details = getattr(failure, "details", "") or repr(exc)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    if isinstance(exc, UserError):
        box.setText(str(exc))
        box.setInformativeText(QApplication.translate("errors", "Nulla di quanto già salvato è stato perso."))
    elif isinstance(exc, PortalError):
        box.setText(QApplication.translate("errors", "Il portale non ha risposto come previsto:") + f"\n{exc}")
        box.setInformativeText(QApplication.translate(
            "errors", "Le modifiche restano in attesa e verranno inviate alla prossima sincronizzazione."))
    else:
        box.setIcon(QMessageBox.Icon.Critical)
        box.setText(QApplication.translate("errors", "Si è verificato un errore imprevisto.") + f"\n{exc}")
        box.setInformativeText(QApplication.translate(
            "errors", "I dettagli sono nel file di log; copiali con il pulsante «Mostra dettagli»."))
    box.setDetailedText(details)
    box.exec()
