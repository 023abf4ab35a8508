"""List-wide work of the lists page: IUVs, exports, notices, «Invia al portale».

A QObject beside the page (its own translation context: a mixin's self.tr would look texts up
under the page's class); kept apart so each module stays readable in one sitting.
"""

from __future__ import annotations

import importlib
import re

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMessageBox

from mypay_desk.domain.debts import VERSIONS
from mypay_desk.ui.domain_text import domain_text
from mypay_desk.ui.widgets import file_dialogs


def safe_file_name(name: str) -> str:
    """A list name as a file name (no characters Windows refuses)."""
    return re.sub(r'[\\/:*?"<>|]+', "_", name).strip() or "lista"


def _optional(module: str, name: str):
    """An attribute of an optional module, imported on first use; None when it is not installed."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


class ListActions(QObject):
    """The lists page's list-wide work; strings here have their own translation context."""

    def __init__(self, page):
        super().__init__(page)
        self.page = page
        self.send_box: QMessageBox | None = None  # the last question/answer of «Invia al portale»

    @property
    def ctx(self):
        return self.page.ctx

    @property
    def controller(self):
        return self.page.controller

    # --- list-wide work ------------------------------------------------------------------------------
    def assign_iuvs(self) -> None:
        name = self.controller.list_name

        def done(result):
            n = len(result.assigned)
            self.page._status(self.tr("%Ln IUV assegnati", "", n))
            self.controller.model.refresh_all()
            self.ctx.pending_changed.emit()
            self.ctx.data_changed.emit("lists")

        self.ctx.tasks.run(lambda progress, cancel: self.ctx.ws.lists.assign_iuvs(name),
                           title=self.tr("Assegna IUV"), lane="db", on_success=done, parent_widget=self.page)

    def export_flow(self) -> None:
        name = self.controller.list_name
        version, ok = QInputDialog.getItem(self.page, self.tr("Esporta flusso"), self.tr("Versione del tracciato:"),
                                           list(reversed(VERSIONS)), 0, False)
        if not ok:
            return
        # a folder: the file takes the name MyPay requires (<codIpa>-<IUF>-<versione>.zip)
        path = file_dialogs.existing_folder(self.page, self.ctx.settings, "exports", self.tr("Esporta flusso"))
        if not path:
            return

        def done(result):
            QMessageBox.information(self.page, self.tr("Esporta flusso"), self._export_message(result, path))

        self.ctx.tasks.run(lambda progress, cancel: self.ctx.ws.lists.export_flow(name, version, path),
            title=self.tr("Esporta flusso"), lane="pool", on_success=done, parent_widget=self.page)

    def _export_message(self, result, path: str) -> str:
        msg = self.tr("Flusso {0} scritto in {1} ({2}: {3} I, {4} M, {5} A).").format(
            result.file_name, result.path, self.tr("%Ln righe", "", result.rows), result.actions.get("I", 0),
            result.actions.get("M", 0), result.actions.get("A", 0))
        if result.left_out:
            n = len(result.left_out)
            msg += "\n" + self.tr("%Ln dovuti non validi esclusi: correggili nella tabella (colonna Errori).", "",
                                  n)
        return msg

    def export_xlsx(self) -> None:
        name = self.controller.list_name
        path, _f = file_dialogs.save_file(self.page, self.ctx.settings, "exports", self.tr("Esporta Excel"),
                                          safe_file_name(name) + ".xlsx",
                                          self.tr("Cartella di lavoro Excel (*.xlsx)"), suffix=".xlsx")
        if not path:
            return
        self.ctx.tasks.run(lambda progress, cancel: self.ctx.ws.lists.export_xlsx(name, path),
            title=self.tr("Esporta Excel"), lane="pool", parent_widget=self.page,
            on_success=lambda _r: self.page._status(self.tr("Lista esportata in {0}").format(path)))

    def print_notices(self) -> None:
        print_fn = _optional("mypay_desk.ui.notices.actions", "print_notices")
        if print_fn is None:
            return
        ids = self.page._selected_ids()
        if len(ids) > 1:  # a selection prints those debts, otherwise the whole list
            print_fn(self.ctx, self.page, list_name=self.controller.list_name, debt_ids=ids)
        else:
            print_fn(self.ctx, self.page, list_name=self.controller.list_name)

    def send_to_portal(self) -> None:
        """Say what will be sent (and what is left out), ask, send, then name the rows left out."""
        name = self.controller.list_name
        if not name or not self.page.commit_editing():
            return
        sync = self.ctx.ws.sync
        self.ctx.tasks.run(lambda _p, _c: sync.pending(name), lane="db", show_progress=False,
                           on_success=lambda p: self._confirm_send(name, p), parent_widget=self.page)

    def _confirm_send(self, name: str, pending) -> None:
        from mypay_desk.ui.lists.sending import confirm_box

        self.send_box = confirm_box(self.page, name, pending, lambda: self._send(name))

    def _send(self, name: str) -> None:
        from mypay_desk.ui.lists.sending import result_box

        def done(report):
            self.controller.undo_stack.clear()  # what the portal accepted is no longer a local edit
            self.controller.reload()
            self.ctx.pending_changed.emit()
            self.ctx.data_changed.emit("portal")
            self.ctx.data_changed.emit("lists")
            self.ctx.status_message.emit(domain_text(report.message))
            self.send_box = result_box(self.page, report)

        sync = self.ctx.ws.sync
        self.ctx.tasks.run(lambda progress, cancel: sync.push(name, wait=True, progress=progress, cancel=cancel),
                           title=self.tr("Invio al portale"), lane="pool", on_success=done, parent_widget=self.page)

