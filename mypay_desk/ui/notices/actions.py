"""Batch printing of notices from the GUI: asks for the file, runs the batch off the GUI thread with
progress and cancel, lists the debts that were skipped and why, then opens the preview."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mypay_desk.domain.money import format_amount
from mypay_desk.services.unsent import unsent_notice_changes
from mypay_desk.ui.domain_text import domain_text
from mypay_desk.ui.notices.preview import NoticePreviewDialog
from mypay_desk.ui.widgets import file_dialogs
from mypay_desk.ui.widgets.dates import format_date

LAST_DIR_KEY = "notices/last_dir"


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def pdf_filter() -> str:
    return translate("notices", "Un unico PDF (*.pdf)")


def zip_filter() -> str:
    return translate("notices", "Un PDF per dovuto in un file ZIP (*.zip)")


def default_file_name(list_name: str | None, selection: bool) -> str:
    base = translate("notices", "Avvisi") + (f" {list_name}" if list_name else "") \
        + (" " + translate("notices", "selezione") if selection else "")
    return re.sub(r'[\\/:*?"<>|]+', "_", base).strip()


def ask_output(ctx, parent: QWidget | None, list_name: str | None, selection: bool, zip: bool) -> tuple[str, bool] | None:  # noqa: A002
    """The file to write and whether it is a ZIP (chosen with the file type), or None if cancelled."""
    path, chosen = file_dialogs.save_file(
        parent, ctx.settings, "notices", translate("notices", "Stampa avvisi"),
        default_file_name(list_name, selection) + (".zip" if zip else ".pdf"), f"{pdf_filter()};;{zip_filter()}",
        zip_filter() if zip else pdf_filter())
    if not path:
        return None
    as_zip = chosen == zip_filter() or path.lower().endswith(".zip")
    suffix = ".zip" if as_zip else ".pdf"
    if not path.lower().endswith(suffix):
        path += suffix
    ctx.settings.setValue(LAST_DIR_KEY, str(Path(path).parent))
    return path, as_zip


class NoticeTexts(QObject):
    """Texts with counts (Qt's plural forms need a class context for lupdate)."""

    def saved(self, printed: int, pages: int, path: str) -> str:
        return self.tr("%Ln avvisi ({0}) salvati in {1}", "", printed).format(self.tr("%Ln pagine", "", pages), path)

    def saved_zip(self, printed: int, path: str) -> str:
        return self.tr("%Ln avvisi salvati, un PDF per dovuto, in {0}", "", printed).format(path)


class SkippedDialog(QDialog):
    """The debts that got no notice, with the reason; the list can be copied for a spreadsheet."""

    def __init__(self, skipped, printed: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("skippedNoticesDialog")
        self.setWindowTitle(self.tr("Dovuti senza avviso"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        n_skipped = len(skipped)
        head = self.tr("%Ln avvisi stampati", "", printed) + "; " + self.tr("%Ln dovuti saltati:", "", n_skipped)
        layout.addWidget(QLabel(head, self))
        self.table = QTableWidget(len(skipped), 2, self)
        self.table.setObjectName("skippedTable")
        self.table.setHorizontalHeaderLabels([self.tr("IUD"), self.tr("Motivo")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, s in enumerate(skipped):
            self.table.setItem(row, 0, QTableWidgetItem(s.iud))
            self.table.setItem(row, 1, QTableWidgetItem(domain_text(s.reason)))
        self.table.resizeColumnToContents(0)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        copy = QPushButton(self.tr("Copia elenco"), self)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_to_clipboard)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.skipped = list(skipped)

    def as_text(self) -> str:
        lines = [f"{self.tr('IUD')}\t{self.tr('Motivo')}"]
        lines += [f"{s.iud}\t{domain_text(s.reason)}" for s in self.skipped]
        return "\n".join(lines) + "\n"

    def copy_to_clipboard(self) -> None:
        QApplication.clipboard().setText(self.as_text())


def describe_change(change) -> str:
    """One unsent change as a line: "T0001: importo sul portale 100,00 €, qui 120,00 €"."""
    if change.field == "amount_cents":
        return translate("notices", "{0}: importo sul portale {1}, nella lista {2}").format(
            change.iud, format_amount(change.on_portal or 0, currency=True), format_amount(change.local or 0,
                                                                                            currency=True))
    if change.field == "due_date":
        return translate("notices", "{0}: scadenza sul portale {1}, nella lista {2}").format(
            change.iud, format_date(change.on_portal) or "—", format_date(change.local) or "—")
    return translate("notices", "{0}: modifiche non ancora inviate al portale").format(change.iud)


class UnsentChangesWarning(QMessageBox):
    """Notices would print amounts or due dates the portal does not hold: print anyway, or stop."""

    def __init__(self, parent: QWidget | None, changes):
        super().__init__(parent)
        debts = len({c.iud for c in changes})
        self.setObjectName("unsentChangesWarning")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Stampa avvisi"))
        self.setText(self.tr("%Ln dovuti hanno importo o scadenza diversi da quelli sul portale: le modifiche non "
                             "sono ancora state inviate.", "", debts))
        lines = [describe_change(c) for c in changes]
        self.setInformativeText("\n".join(lines[:8] + (["…"] if len(lines) > 8 else [])) + "\n\n" + self.tr(
            "L'avviso riporterebbe i valori nuovi, che il portale non conosce: il pagamento potrebbe essere "
            "rifiutato. Invia prima le modifiche al portale."))
        if len(lines) > 8:
            self.setDetailedText("\n".join(lines))
        self.print_anyway = self.addButton(self.tr("Stampa comunque"), QMessageBox.ButtonRole.AcceptRole)
        self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(QMessageBox.StandardButton.Cancel)


def confirm_unsent(parent: QWidget | None, changes) -> bool:
    """Warn that notices would print amounts or due dates the portal does not hold; True: print anyway."""
    box = UnsentChangesWarning(parent, changes)
    box.exec()
    return box.clickedButton() is box.print_anyway


def print_notices(ctx, parent: QWidget | None, list_name: str | None = None, debt_ids=None,
                  zip: bool = False, *, output: str | None = None, preview: bool = True,  # noqa: A002
                  check_unsent: bool = True):
    """Print the notices of a list (``list_name``) or of selected debts (``debt_ids``).

    First warns when a debt would print an amount or a due date the portal does not hold (changed and
    not sent). Asks for the output file unless ``output`` is given (its extension then decides PDF or
    ZIP). Returns the task handle of the print (or of the check before it, still running), or None
    when the user stopped at the warning or the file dialog.
    """
    if not check_unsent:
        return _print(ctx, parent, list_name, debt_ids, zip, output, preview)
    started: dict = {}

    def checked(changes) -> None:
        if changes and not confirm_unsent(parent, changes):
            return
        started["handle"] = _print(ctx, parent, list_name, debt_ids, zip, output, preview)

    ids = list(debt_ids) if debt_ids is not None else None
    name = None if ids is not None else list_name
    check = ctx.tasks.run(lambda _p, _c: unsent_notice_changes(ctx.ws, list_name=name, debt_ids=ids), lane="db",
                          show_progress=False, on_success=checked, parent_widget=parent)
    return started.get("handle") if check.done else check


def _print(ctx, parent: QWidget | None, list_name: str | None, debt_ids, zip: bool,  # noqa: A002
           output: str | None, preview: bool):
    if output is None:
        chosen = ask_output(ctx, parent, list_name, debt_ids is not None, zip)
        if chosen is None:
            return None
        path, as_zip = chosen
    else:
        path, as_zip = output, zip or str(output).lower().endswith(".zip")
    ids = list(debt_ids) if debt_ids is not None else None
    name = None if ids is not None else list_name

    def work(progress, cancel):
        return ctx.ws.notices.print_notices(path, list_name=name, debt_ids=ids, zip=as_zip,
                                            progress=progress, cancel=cancel)

    def done(result) -> None:
        title = translate("notices", "Stampa avvisi")
        removed = ""
        if result.removed_parts:  # left in that folder by a print that was killed
            removed = translate("notices", "rimossi i file parziali di stampe interrotte: {0}").format(
                ", ".join(p.name for p in result.removed_parts))
        if result.printed:
            what = NoticeTexts().saved(result.printed, result.pages, path)
            ctx.status_message.emit(f"{what}; {removed}" if removed else what)
        elif removed:
            ctx.status_message.emit(removed)
        if result.skipped:
            SkippedDialog(result.skipped, result.printed, parent).exec()
        if not result.printed:
            QMessageBox.information(parent, title, translate(
                "notices", "Nessun avviso stampato: nessuno dei dovuti scelti può avere un avviso (vedi i motivi "
                           "elencati)."))
            return
        if as_zip:
            QMessageBox.information(parent, title, NoticeTexts().saved_zip(result.printed, path))
        elif preview:
            NoticePreviewDialog(ctx, path, parent).exec()

    def cancelled() -> None:
        ctx.status_message.emit(translate("notices", "Stampa degli avvisi annullata: nessun file creato"))

    return ctx.tasks.run(work, title=translate("notices", "Stampa avvisi"), lane="pool", on_success=done,
                         on_cancel=cancelled, parent_widget=parent)
