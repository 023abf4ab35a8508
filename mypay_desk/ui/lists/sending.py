"""«Invia al portale» from the lists page: say what will go, ask, send, and name what was left out.

The counts come from the sync service's own plan (``ws.sync.pending``), the rule the status bar, the
lists table and the send itself use, so the figures the clerk confirms are the ones sent.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from mypay_desk.ui.domain_text import domain_text

SHOWN_ROWS = 10  # rows named in the message; all of them are in "Mostra dettagli"


def _row_line(r) -> str:
    reason = domain_text(r.message)
    return f"{r.iud or '—'}: {r.code + ' ' if r.code and r.code != 'NON_VALIDO' else ''}{reason}"


def _recovered_line(r) -> str:
    """A debt taken back from the portal: its message only (the code, SUL_PORTALE or PAGATO, is the section's)."""
    return f"{r.iud}: {domain_text(r.message)}"


class SendConfirmBox(QMessageBox):
    """A window-modal question opened with ``open()`` (no nested event loop); ``confirmed`` runs on «Invia»."""

    def __init__(self, parent: QWidget | None, list_name: str, p, confirmed: Callable[[], None]):
        super().__init__(parent)
        self.setObjectName("sendConfirm")
        self.setWindowTitle(self.tr("Invia al portale"))
        going, left_out = self.pending_text(p)
        if p.total == 0 and p.in_flight:  # a flow of the list waits for its outcome: bring it forward from here
            self.setIcon(QMessageBox.Icon.Question)
            self.setText(self.tr("Un invio precedente della lista «{0}» non è ancora concluso (%Ln dovuti).", "",
                                 p.in_flight).format(list_name))
            self.setInformativeText(self.tr("Riprendilo: il portale dice se lo ha elaborato e il suo esito viene "
                                            "applicato ai dovuti."))
            resume = self.addButton(self.tr("Riprendi l'invio"), QMessageBox.ButtonRole.AcceptRole)
            resume.setObjectName("sendResumeButton")
            self.addButton(QMessageBox.StandardButton.Cancel)
            self.setDefaultButton(resume)
            self.buttonClicked.connect(lambda b: confirmed() if b is resume else None)
            return
        if p.total == 0:
            self.setIcon(QMessageBox.Icon.Information)
            self.setText(self.tr("Nessuna modifica da inviare per la lista «{0}».").format(list_name))
            self.setInformativeText(left_out)
            self.setStandardButtons(QMessageBox.StandardButton.Ok)
            return
        self.setIcon(QMessageBox.Icon.Question)
        self.setText(self.tr("Inviare al portale le modifiche della lista «{0}»?").format(list_name))
        self.setInformativeText(going + ("\n" + left_out if left_out else ""))
        total = p.total
        send = self.addButton(self.tr("Invia %Ln dovuti", "", total), QMessageBox.ButtonRole.AcceptRole)
        send.setObjectName("sendConfirmButton")
        self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(send)
        self.buttonClicked.connect(lambda b: confirmed() if b is send else None)

    def pending_text(self, p) -> tuple[str, str]:
        """(what will be sent, what is left out) of a ListPending, in words."""
        parts = [self.tr("%Ln inserimenti", "", p.insert), self.tr("%Ln modifiche", "", p.modify),
                 self.tr("%Ln annullamenti", "", p.cancel)]
        going = self.tr("Saranno inviati: {0}.").format(", ".join(parts))
        out = []
        if p.invalid:
            out.append(self.tr("%Ln righe con errori escluse (correggile nella colonna Errori)", "", p.invalid))
        if p.rejected_unchanged:
            out.append(self.tr("%Ln righe rifiutate dal portale e non modificate escluse", "", p.rejected_unchanged))
        if p.in_flight:
            out.append(self.tr("%Ln dovuti di un invio precedente ancora in corso", "", p.in_flight))
        return going, "; ".join(out)


class SendResultBox(QMessageBox):
    """The outcome, naming the rows the portal rejected and those left out of the flow."""

    def __init__(self, parent: QWidget | None, report):
        super().__init__(parent)
        self.setObjectName("sendResult")
        self.setWindowTitle(self.tr("Invia al portale"))
        # Inserts the portal refused because it held them already, then taken back (services/sync/recovery.py):
        # listed apart, not as rejections (their debts are on the portal, with its IUV, or paid there).
        recovered = {r.debt_id for r in report.recovered}
        rejections = [r for r in report.rejections if r.debt_id not in recovered]
        problems = [*rejections, *report.conflicts, *report.skipped]
        self.setIcon(QMessageBox.Icon.Warning if problems or report.error else QMessageBox.Icon.Information)
        self.setText(self.summary(report))
        lines = []
        for rows, title, line in (
                (rejections, self.tr("Rifiutati dal portale (%Ln):", "", len(rejections)), _row_line),
                (report.recovered, self.tr("Già sul portale, ripresi (%Ln):", "", len(report.recovered)),
                 _recovered_line),
                (report.conflicts, self.tr("Non modificati perché cambiati sul portale (%Ln):", "",
                                           len(report.conflicts)), _row_line),
                (report.skipped, self.tr("Non inviati (%Ln):", "", len(report.skipped)), _row_line)):
            if rows:
                lines.append(title)
                lines += [f"  {line(r)}" for r in rows[:SHOWN_ROWS]]
        if lines:
            self.setInformativeText("\n".join(lines))
        if len(problems) > SHOWN_ROWS:
            self.setDetailedText("\n".join(_row_line(r) for r in problems))

    def summary(self, report) -> str:
        """The service's message, with Italian plurals where the flow was processed."""
        if report.flow is None or report.state != "ELABORATO":
            return domain_text(report.message)
        a = report.actions
        sent = ", ".join((self.tr("%Ln inserimenti", "", a["I"]), self.tr("%Ln modifiche", "", a["M"]),
                          self.tr("%Ln annullamenti", "", a["A"])))
        accepted, rejected = report.accepted, report.rejected
        text = self.tr("Flusso {0} ripreso ({1}): {2}, {3}") if report.resumed else self.tr("Flusso {0} ({1}): {2}, {3}")
        text = text.format(report.flow, sent, self.tr("%Ln accettati", "", accepted),
                           self.tr("%Ln rifiutati", "", rejected))
        if report.recovered:
            text += " " + self.tr("(%Ln dei rifiutati erano già sul portale e sono stati ripresi)", "",
                                  len(report.recovered))
        return text


def confirm_box(parent: QWidget, list_name: str, pending, on_yes: Callable[[], None]) -> QMessageBox:
    box = SendConfirmBox(parent, list_name, pending, on_yes)
    box.open()
    return box


def result_box(parent: QWidget, report) -> QMessageBox:
    box = SendResultBox(parent, report)
    box.open()
    return box
