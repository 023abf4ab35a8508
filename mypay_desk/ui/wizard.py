"""A short guided set-up of an Ente: identity, adhesion to MyPay, pagoPA codes.

Fields are checked as they are typed with the same rules the service applies on save
(``domain.ente.validate_ente``); a message appears under a field once it has been touched, and
"Avanti" stays disabled until the page is valid. The wizard refuses an IPA code already in the
workspace (saving would overwrite that Ente: it is edited in Impostazioni instead).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from mypay_desk.domain.ente import EnteData, validate_ente
from mypay_desk.domain.identity import normalize
from mypay_desk.services.errors import UserError
from mypay_desk.ui.context import AppContext
from mypay_desk.ui.errors import show_error
from mypay_desk.ui.widgets.fields import FieldSet

log = logging.getLogger(__name__)

PAGE_IDENTITY, PAGE_ADHESION, PAGE_CODES = 0, 1, 2
PAGE_FIELDS = {
    PAGE_IDENTITY: ("ipa_code", "fiscal_code", "name"),
    PAGE_ADHESION: ("adhesion_mode", "portal_url"),
    PAGE_CODES: ("segregation_code", "cbill"),
}
REQUIRED = {"ipa_code", "fiscal_code", "name"}


class _ModeChooser(QWidget):
    """The three adhesion modes as radio buttons, each with what it means for the Ente."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.group = QButtonGroup(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.buttons: dict[str, QRadioButton] = {}
        options = [
            ("base", self.tr("Base (pagamenti spontanei)"),
             self.tr("I cittadini pagano spontaneamente sul portale; l'app scarica le ricevute e riconcilia.")),
            ("flussi", self.tr("Per flussi"),
             self.tr("L'Ente carica liste di dovuti e avvisi con i flussi e li tiene allineati al portale.")),
            ("ente", self.tr("Iniziato presso l'Ente"),
             self.tr("In più, lo sportello dell'Ente avvia il pagamento e consegna link o QR al cittadino.")),
        ]
        for i, (value, label, hint) in enumerate(options):
            button = QRadioButton(label)
            button.setObjectName(f"mode_{value}")
            self.group.addButton(button, i)
            self.buttons[value] = button
            note = QLabel(hint)
            note.setProperty("role", "hint")
            note.setWordWrap(True)
            note.setContentsMargins(24, 0, 0, 6)
            lay.addWidget(button)
            lay.addWidget(note)
        self.group.idClicked.connect(lambda _i: self.changed.emit())

    def value(self) -> str:
        for value, button in self.buttons.items():
            if button.isChecked():
                return value
        return "flussi"

    def set_value(self, value) -> None:
        self.buttons.get(value or "flussi", self.buttons["flussi"]).setChecked(True)


class _Page(QWizardPage):
    def __init__(self, wizard: EnteWizard, page_id: int, title: str, subtitle: str):
        super().__init__()
        self._wizard = wizard
        self.page_id = page_id
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.form = QFormLayout(self)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setVerticalSpacing(10)

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self._wizard.page_ok(self.page_id)


class EnteWizard(QWizard):
    """Configure a new Ente. ``saved_ente`` holds the result after ``accepted``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("enteWizard")
        self.setWindowTitle(self.tr("Configura il tuo Ente"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Avanti"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("Indietro"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Salva l'Ente"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Annulla"))
        self.setMinimumSize(680, 520)
        self.saved_ente: EnteData | None = None
        self._saving = False
        self.existing_ipa = {e.ipa_code.upper() for e in ctx.ws.ente.list()}

        f = self.fields = FieldSet(self)
        identity = _Page(self, PAGE_IDENTITY, self.tr("Chi è l'Ente"), self.tr(
            "I dati con cui l'Ente è registrato nell'Indice delle Pubbliche Amministrazioni e su MyPay."))
        f.line("ipa_code", placeholder=self.tr("es. c_f205"))
        identity.form.addRow(self.tr("Codice IPA"), f.cell("ipa_code"))
        f.line("fiscal_code", max_length=20, placeholder=self.tr("11 cifre, es. 01199250158"))
        identity.form.addRow(self.tr("Codice fiscale"), f.cell("fiscal_code"))
        f.line("name", placeholder=self.tr("es. Comune di Milano"))
        identity.form.addRow(self.tr("Denominazione"), f.cell("name"))

        adhesion = _Page(self, PAGE_ADHESION, self.tr("Come l'Ente usa MyPay"), self.tr(
            "La modalità di adesione decide quali funzioni vedi: puoi cambiarla più avanti in Impostazioni."))
        self.mode_chooser = _ModeChooser()
        f.custom("adhesion_mode", self.mode_chooser, self.mode_chooser.value, self.mode_chooser.set_value,
                 self.mode_chooser.changed)
        adhesion.form.addRow(self.tr("Modalità"), f.cell("adhesion_mode"))
        f.line("portal_url", placeholder="https://")
        adhesion.form.addRow(self.tr("Indirizzo del portale"), f.cell("portal_url"))
        note = QLabel(self.tr("L'indirizzo del portale MyPay a cui l'Ente invia i flussi; "
                              "puoi lasciarlo vuoto e indicarlo più tardi."))
        note.setProperty("role", "hint")
        note.setWordWrap(True)
        adhesion.form.addRow("", note)

        codes = _Page(self, PAGE_CODES, self.tr("Codici pagoPA"), self.tr(
            "Il codice di segregazione è assegnato all'Ente da MyPay: entra in ogni IUV e numero avviso."))
        f.line("segregation_code", max_length=2, placeholder=self.tr("due cifre, es. 12"))
        codes.form.addRow(self.tr("Codice di segregazione"), f.cell("segregation_code"))
        f.line("cbill", max_length=5, upper=True, placeholder=self.tr("facoltativo, es. AB123"))
        codes.form.addRow(self.tr("Codice CBILL"), f.cell("cbill"))

        for page in (identity, adhesion, codes):
            self.setPage(page.page_id, page)
        self._pages = {identity.page_id: identity, adhesion.page_id: adhesion, codes.page_id: codes}
        f.set_values({"adhesion_mode": "flussi"})
        f.edited.connect(self._on_edited)

    # --- validation ----------------------------------------------------------------------------
    def candidate(self) -> EnteData:
        v = self.fields.values()
        return EnteData(
            ipa_code=v["ipa_code"], fiscal_code=normalize(v["fiscal_code"]), name=v["name"],
            segregation_code=v["segregation_code"], cbill=v["cbill"].upper(),
            adhesion_mode=v["adhesion_mode"] or "flussi", portal_url=v["portal_url"],
        )

    def messages(self) -> dict[str, str]:
        """Every problem of the data entered so far, by field (empty required fields included)."""
        data = self.candidate()
        msgs: dict[str, str] = {}
        for err in validate_ente(data).errors:
            msgs.setdefault(err.field, err.message)
        if data.ipa_code and data.ipa_code.upper() in self.existing_ipa:
            msgs["ipa_code"] = self.tr("Un Ente con codice IPA «{0}» è già in questo spazio di lavoro: "
                                       "modificalo in Impostazioni").format(data.ipa_code)
        if data.adhesion_mode != "base" and not data.segregation_code:
            msgs["segregation_code"] = self.tr(
                "Il codice di segregazione serve per generare IUV e avvisi: indicalo (due cifre)")
        return msgs

    def page_ok(self, page_id: int) -> bool:
        msgs = self.messages()
        return not any(name in msgs for name in PAGE_FIELDS[page_id])

    def _on_edited(self, _name: str) -> None:
        self.fields.show_report(self.messages(), only_touched=True)
        for page in self._pages.values():
            page.completeChanged.emit()

    def validateCurrentPage(self) -> bool:  # noqa: N802 - Qt override
        # Leaving a page shows every message of its fields, touched or not.
        self.fields.touch_all(PAGE_FIELDS.get(self.currentId(), ()))
        self.fields.show_report(self.messages(), only_touched=True)
        return self.page_ok(self.currentId()) if self.currentId() in PAGE_FIELDS else True

    # --- saving ----------------------------------------------------------------------------------
    def accept(self) -> None:
        if self._saving:
            return
        if not self.validateCurrentPage() or self.messages():
            self._go_to_first_problem()
            return
        data = self.candidate()
        self._saving = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        ws = self.ctx.ws
        self.ctx.tasks.run(lambda _p, _c: ws.ente.save(data, make_current=True), title=self.tr("Salvataggio dell'Ente"),
                           lane="db", on_success=self._saved, on_error=self._save_failed, parent_widget=self,
                           cancellable=False)

    def _saved(self, ente: EnteData) -> None:
        self._saving = False
        self.saved_ente = ente
        log.info("Ente %s configurato con la procedura guidata", ente.ipa_code)
        self.ctx.ente_changed.emit()  # before "accepted": the main window shows the new Ente's pages
        QWizard.accept(self)
        self.ctx.status_message.emit(self.tr("Ente {0} salvato. Ora aggiungi i tipi dovuto.").format(ente.name))

    def _save_failed(self, failure) -> None:
        self._saving = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        exc = failure.exception
        if isinstance(exc, UserError) and exc.field and exc.field in self.fields.names():
            self.fields.set_error(exc.field, exc.message)
            self._go_to_page_of(exc.field)
            return
        show_error(self, self.tr("L'Ente non è stato salvato"), failure)

    def _go_to_first_problem(self) -> None:
        msgs = self.messages()
        self.fields.touch_all([n for n in self.fields.names() if n in msgs])
        self.fields.show_report(msgs, only_touched=True)
        for page_id in sorted(PAGE_FIELDS):
            if any(n in msgs for n in PAGE_FIELDS[page_id]):
                self._go_to(page_id)
                return

    def _go_to_page_of(self, field: str) -> None:
        for page_id, names in PAGE_FIELDS.items():
            if field in names:
                self._go_to(page_id)
                self.fields.focus(field)
                return

    def _go_to(self, page_id: int) -> None:
        while self.currentId() > page_id:
            self.back()
