"""Bulk changes on the selected rows or on all the rows the filter shows.

The dialog only collects the choice; ``run_bulk`` runs the change with DebtTableService off the GUI
thread and pushes ONE undo step holding the old values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mypay_desk.domain.money import MoneyError, parse_amount
from mypay_desk.services.debt_table import check_template
from mypay_desk.services.errors import UserError
from mypay_desk.ui.domain_text import user_error_text
from mypay_desk.ui.widgets.dates import DateLineEdit

OPERATIONS = ("debt_type", "due_set", "due_shift", "amount_percent", "amount_add", "causale", "iud", "cancel")


@dataclass
class BulkChoice:
    operation: str
    scope: str  # "selection" | "filtered"
    debt_type: str = ""
    due: date | None = None
    days: int = 0
    months: int = 0
    percent: Decimal | None = None
    add_cents: int = 0
    template: str = ""
    year: int = 0
    prefix: str = ""
    start: int = 1
    digits: int = 6


class BulkChangeDialog(QDialog):
    def __init__(self, selected: int, filtered: int, debt_types: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("bulkChangeDialog")
        self.setWindowTitle(self.tr("Modifiche in blocco"))
        self.choice: BulkChoice | None = None

        scope_box = QGroupBox(self.tr("Su quali dovuti"))
        self.scope_selection = QRadioButton(self.tr("Righe selezionate (%Ln)", "", selected))
        self.scope_filtered = QRadioButton(self.tr("Tutte le righe mostrate dal filtro (%Ln)", "", filtered))
        self.scope_selection.setEnabled(selected > 0)
        (self.scope_selection if selected > 0 else self.scope_filtered).setChecked(True)
        sl = QVBoxLayout(scope_box)
        sl.addWidget(self.scope_selection)
        sl.addWidget(self.scope_filtered)
        self._scope_group = QButtonGroup(self)
        self._scope_group.addButton(self.scope_selection)
        self._scope_group.addButton(self.scope_filtered)

        self.operation = QComboBox()
        self.operation.setObjectName("bulkOperation")
        labels = {
            "debt_type": self.tr("Imposta il tipo dovuto"),
            "due_set": self.tr("Imposta la scadenza"),
            "due_shift": self.tr("Sposta le scadenze"),
            "amount_percent": self.tr("Aumenta gli importi di una percentuale"),
            "amount_add": self.tr("Aumenta gli importi di una somma fissa"),
            "causale": self.tr("Causale da un modello"),
            "iud": self.tr("Genera gli IUD con un prefisso"),
            "cancel": self.tr("Annulla i dovuti"),
        }
        for op in OPERATIONS:
            self.operation.addItem(labels[op], op)
        # Nothing is chosen for the clerk: a bulk change on every row shown must be a decision.
        self.operation.setPlaceholderText(self.tr("Scegli che cosa modificare…"))
        self.operation.setCurrentIndex(-1)

        self.pages = QStackedWidget()
        # tipo dovuto
        self.type_combo = QComboBox()
        self.type_combo.addItems(debt_types)
        self.pages.addWidget(self._form((self.tr("Tipo dovuto"), self.type_combo),
                                        note=self.tr("I dati specifici di riscossione seguono il tipo scelto.")))
        # set due date
        self.due_edit = DateLineEdit(allow_empty=False)
        self.due_edit.setObjectName("bulkDueDate")
        self.pages.addWidget(self._form((self.tr("Nuova scadenza"), self.due_edit)))
        # shift
        self.shift_days = QSpinBox()
        self.shift_days.setRange(-3650, 3650)
        self.shift_months = QSpinBox()
        self.shift_months.setRange(-120, 120)
        self.pages.addWidget(self._form((self.tr("Giorni"), self.shift_days), (self.tr("Mesi"), self.shift_months),
                                        note=self.tr("Valori negativi anticipano. I dovuti senza scadenza "
                                                     "restano senza.")))
        # percent
        self.percent = QDoubleSpinBox()
        self.percent.setRange(-99.99, 1000)
        self.percent.setDecimals(2)
        self.percent.setSuffix(" %")
        self.pages.addWidget(self._form((self.tr("Percentuale"), self.percent),
                                        note=self.tr("Arrotondato al centesimo; il bilancio è riproporzionato.")))
        # fixed sum
        self.add_amount = QLineEdit()
        self.add_amount.setPlaceholderText("1.234,56")
        self.pages.addWidget(self._form((self.tr("Somma (€, anche negativa)"), self.add_amount),
                                        note=self.tr("Il bilancio è riproporzionato al nuovo importo.")))
        # causale template
        self.template = QLineEdit()
        self.template.setObjectName("causaleTemplate")
        self.template.setPlaceholderText(self.tr("TARI {anno} - {nome} ({codice_fiscale})"))
        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        self.year.setValue(date.today().year)
        self.pages.addWidget(self._form(
            (self.tr("Modello"), self.template), (self.tr("Anno ({anno})"), self.year),
            note=self.tr("Segnaposto: {anno}, {nome}, {codice_fiscale}, {iud}, {importo}.")))
        # iud
        self.prefix = QLineEdit()
        self.prefix.setObjectName("iudPrefix")
        self.prefix.setPlaceholderText("TARI2025-")
        self.start = QSpinBox()
        self.start.setRange(1, 999_999_999)
        self.digits = QSpinBox()
        self.digits.setRange(1, 12)
        self.digits.setValue(6)
        self.pages.addWidget(self._form(
            (self.tr("Prefisso"), self.prefix), (self.tr("Primo numero"), self.start),
            (self.tr("Cifre"), self.digits),
            note=self.tr("Numerati nell'ordine della tabella. I dovuti già inviati al portale tengono il loro.")))
        # cancel
        self.pages.addWidget(self._form(note=self.tr(
            "I dovuti mai inviati sono annullati subito; quelli sul portale saranno annullati con il prossimo "
            "invio (azione A).")))
        self.pages.addWidget(self._form(note=self.tr("Scegli sopra la modifica da fare: niente viene cambiato "
                                                     "finché non premi «Applica».")))
        self.pages.setCurrentIndex(self.pages.count() - 1)
        self.operation.currentIndexChanged.connect(self._operation_changed)
        self._counts = (selected, filtered)

        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.apply_button.setObjectName("bulkApply")
        self.apply_button.setText(self.tr("Applica"))
        self.apply_button.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for b in (self.scope_selection, self.scope_filtered):
            b.toggled.connect(lambda _on: self._update_apply())

        lay = QVBoxLayout(self)
        lay.addWidget(scope_box)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Modifica")))
        row.addWidget(self.operation, 1)
        lay.addLayout(row)
        lay.addWidget(self.pages)
        lay.addWidget(self.error)
        lay.addWidget(buttons)

    def _form(self, *rows, note: str = "") -> QWidget:
        w = QWidget()
        f = QFormLayout(w)
        for label, editor in rows:
            f.addRow(label, editor)
        if note:
            n = QLabel(note)
            n.setWordWrap(True)
            f.addRow(n)
        return w

    def set_operation(self, op: str) -> None:
        self.operation.setCurrentIndex(OPERATIONS.index(op))

    def _operation_changed(self, index: int) -> None:
        self.pages.setCurrentIndex(index if index >= 0 else self.pages.count() - 1)
        self.error.hide()
        self._update_apply()

    def _update_apply(self) -> None:
        chosen = self.operation.currentIndex() >= 0
        n = self._counts[0] if self.scope_selection.isChecked() else self._counts[1]
        self.apply_button.setEnabled(chosen and n > 0)
        self.apply_button.setText(self.tr("Applica a %Ln dovuti", "", n) if chosen else self.tr("Applica"))

    def build_choice(self) -> BulkChoice:
        op = self.operation.currentData()
        if op is None:
            raise UserError(self.tr("Scegli che cosa modificare"))
        c = BulkChoice(operation=op, scope="selection" if self.scope_selection.isChecked() else "filtered")
        if op == "debt_type":
            c.debt_type = self.type_combo.currentText()
            if not c.debt_type:
                raise UserError(self.tr("Nessun tipo dovuto configurato per l'Ente"))
        elif op == "due_set":
            try:
                c.due = self.due_edit.date()
            except ValueError as exc:
                self.due_edit.show_refusal(str(exc))
                raise UserError(self.tr("Nuova scadenza: {0}").format(exc)) from None
        elif op == "due_shift":
            c.days, c.months = self.shift_days.value(), self.shift_months.value()
            if not c.days and not c.months:
                raise UserError(self.tr("Indica di quanti giorni o mesi spostare le scadenze"))
        elif op == "amount_percent":
            c.percent = Decimal(str(round(self.percent.value(), 2)))
            if not c.percent:
                raise UserError(self.tr("Indica una percentuale diversa da zero"))
        elif op == "amount_add":
            try:
                c.add_cents = parse_amount(self.add_amount.text())
            except MoneyError as exc:
                raise UserError(str(exc), field="amount_cents") from exc
            if not c.add_cents:
                raise UserError(self.tr("Indica una somma diversa da zero"))
        elif op == "causale":
            c.template = self.template.text()
            c.year = self.year.value()
            check_template(c.template)
        elif op == "iud":
            c.prefix, c.start, c.digits = self.prefix.text(), self.start.value(), self.digits.value()
        return c

    def accept(self) -> None:
        try:
            choice = self.build_choice()
        except UserError as exc:
            self.error.setText(user_error_text(exc))
            self.error.show()
            return
        if choice.operation == "cancel":
            answer = QMessageBox.question(self, self.windowTitle(),
                                          self.tr("Annullare i dovuti scelti? L'operazione si può annullare "
                                                  "solo finché non sono stati inviati al portale."))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.choice = choice
        super().accept()


def run_choice(service, choice: BulkChoice, ids, progress, cancel):
    """Run a bulk choice with DebtTableService (on a worker thread)."""
    op = choice.operation
    kw = {"progress": progress, "cancel": cancel}
    if op == "debt_type":
        return service.set_debt_type(ids, choice.debt_type, **kw)
    if op == "due_set":
        return service.set_due_date(ids, choice.due, **kw)
    if op == "due_shift":
        return service.shift_due_dates(ids, days=choice.days, months=choice.months, **kw)
    if op == "amount_percent":
        return service.change_amounts(ids, percent=choice.percent, **kw)
    if op == "amount_add":
        return service.change_amounts(ids, add_cents=choice.add_cents, **kw)
    if op == "causale":
        return service.causale_from_template(ids, choice.template, year=choice.year, **kw)
    if op == "iud":
        return service.generate_iuds(ids, choice.prefix, start=choice.start, digits=choice.digits, **kw)
    if op == "cancel":
        return service.cancel(ids, **kw)
    raise UserError(f"Operazione «{op}» sconosciuta")
