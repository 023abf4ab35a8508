"""The detail dialog of one debt: debtor, amounts, instalments, secondary beneficiary (1_4), bilancio.

It edits a copy: on OK it hands back the changed fields and, if touched, the new instalment plan;
the page stores them as one undo step. Errors found by validation are shown next to their field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mypay_desk.domain.debts import (
    COLUMN_FOR_FIELD,
    FIELD_FOR_COLUMN,
    RECORD_FIELDS,
    Accertamento,
    Capitolo,
    DebtRecord,
    DebtRow,
    bilancio_problems,
    bilancio_total,
    validate_debt,
)
from mypay_desk.domain.ente import FieldError
from mypay_desk.domain.money import MoneyError, format_amount, parse_amount
from mypay_desk.services.debt_table import add_months
from mypay_desk.ui.domain_text import domain_label, domain_text
from mypay_desk.ui.lists.columns import country_codes, format_date, parse_date, province_codes
from mypay_desk.ui.widgets.amounts import AmountLineEdit
from mypay_desk.ui.widgets.cell_editors import CheckedItemDelegate
from mypay_desk.ui.widgets.dates import DateLineEdit
from mypay_desk.ui.widgets.fields import set_invalid

AMOUNT_FIELDS = ("amount_cents", "pa_fee_cents", "sec_amount_cents")
UPPER_FIELDS = ("debtor_code", "postal_code", "sec_iban", "payment_type", "province", "country", "sec_country",
                "sec_province")
RECORD_KEYS = frozenset(RECORD_FIELDS)


def _upper_keep_cursor(edit: QLineEdit, text: str) -> None:
    pos = edit.cursorPosition()
    edit.setText(text.upper())
    edit.setCursorPosition(pos)
CheckFn = Callable[[DebtRecord], list[FieldError]]


@dataclass
class InstalmentLine:
    """One instalment as the dialog edits it (the IUV is shown, never edited)."""

    amount_cents: int
    due_date: date | None
    iuv: str = ""


def rules_check(ws, debt: DebtRow) -> CheckFn | None:
    """The list service's rules for one debt (the Ente's tipi dovuto), for the dialog to check while typing."""
    ente = ws.ente.current()
    if ente is None:
        return None
    types = {t.code: t for t in ws.ente.types(ente.id)}
    on_portal = debt.state != "NUOVO"
    segregation = ente.segregation_code or None
    return lambda rec: validate_debt(rec, types.get(rec.debt_type), on_portal=on_portal,
                                     segregation_code=segregation)


def split_amount(total_cents: int, n: int, first_due: date | None, every_months: int = 1) -> list[InstalmentLine]:
    """``n`` instalments of equal amount (the cents left over go on the first) a month apart."""
    if n < 1:
        return []
    base, rest = divmod(total_cents, n)
    lines = []
    for i in range(n):
        due = add_months(first_due, i * every_months) if first_due else None
        lines.append(InstalmentLine(base + (rest if i == 0 else 0), due))
    return lines


class DebtDetailDialog(QDialog):
    """``check`` (optional) validates a record as the list service will: errors then follow the typing
    (a field's "obbligatorio" goes as soon as it is filled; new errors show once a field is left)."""

    def __init__(self, row: DebtRow, instalments: list[DebtRow], debt_types: list[str],
                 parent: QWidget | None = None, read_only: bool = False, check: CheckFn | None = None):
        super().__init__(parent)
        self.setObjectName("debtDetailDialog")
        self.setWindowTitle(self.tr("Dovuto {0}").format(row.iud or row.id))
        self.resize(760, 560)
        self.row = row
        self.read_only = read_only
        self.check = check
        self.editors: dict[str, QWidget] = {}
        self.changes: dict[str, Any] = {}
        self.plan: list[InstalmentLine] | None = None  # None: instalments untouched
        self._errors = {e.field: domain_text(e.message) for e in row.errors}
        self._error_labels: dict[str, QLabel] = {}
        # Fields whose errors are on show: those that had one when the dialog opened, and those left.
        self._shown = {FIELD_FOR_COLUMN.get(c, c) for c in self._errors}

        self.tabs = QTabWidget()
        self.tabs.addTab(self._debtor_tab(), self.tr("Debitore"))
        self.tabs.addTab(self._debt_tab(debt_types), self.tr("Dovuto"))
        self.tabs.addTab(self._instalments_tab(instalments), self.tr("Rate"))
        self.tabs.addTab(self._secondary_tab(), self.tr("Ente secondario"))
        self.tabs.addTab(self._bilancio_tab(), self.tr("Bilancio"))

        self.message = QLabel()
        self.message.setObjectName("detailMessage")
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        if read_only:
            buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        header = QLabel(self._summary())
        header.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(header)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.message)
        lay.addWidget(buttons)
        for field in (*self.editors, "due_date", "causale", "sec_causale"):
            self._show_field_error(field, self._errors.get(COLUMN_FOR_FIELD.get(field, ""), ""))
        self._connect_edits()

    def _summary(self) -> str:
        r = self.row
        parts = [self.tr("Stato: {0}").format(domain_label(r.state_label))]
        if r.iuv:
            parts.append(self.tr("IUV {0}").format(r.iuv))
        if r.notice_number:
            parts.append(self.tr("avviso {0}").format(r.notice_number))
        if r.errors:
            parts.append(self.tr("%n errori", "", len(r.errors)))
        return " · ".join(parts)

    # --- field helpers -----------------------------------------------------------------------------
    def _line(self, field: str, max_len: int = 0, upper: bool = False) -> QLineEdit:
        ed = QLineEdit(str(getattr(self.row, field) or ""))
        ed.setObjectName(field)
        ed.setCursorPosition(0)
        if max_len:
            ed.setMaxLength(max_len)
        if upper:
            ed.textEdited.connect(lambda t, e=ed: _upper_keep_cursor(e, t))
        ed.setReadOnly(self.read_only)
        self.editors[field] = ed
        return ed

    def _combo(self, field: str, items: list[str], editable: bool = True) -> QComboBox:
        cb = QComboBox()
        cb.setObjectName(field)
        cb.setEditable(editable)
        cb.addItems(items)
        value = str(getattr(self.row, field) or "")
        if value and cb.findText(value) < 0:
            cb.addItem(value)
        cb.setCurrentText(value)
        cb.setEnabled(not self.read_only)
        self.editors[field] = cb
        return cb

    def _amount(self, field: str) -> AmountLineEdit:
        ed = AmountLineEdit()
        ed.set_value(getattr(self.row, field))
        ed.setObjectName(field)
        ed.setReadOnly(self.read_only)
        self.editors[field] = ed
        return ed

    def _form(self, rows) -> QWidget:
        """Label, editor and, under the editor, the line that says what is wrong with it."""
        w = QWidget()
        f = QFormLayout(w)
        for label, editor in rows:
            field = editor.objectName()
            cell = QWidget()
            cell.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)  # rows stay at the top
            cell_lay = QVBoxLayout(cell)
            cell_lay.setContentsMargins(0, 0, 0, 0)
            cell_lay.setSpacing(2)
            cell_lay.addWidget(editor)
            err = QLabel()
            err.setObjectName(f"error_{field}")
            err.setProperty("role", "error")
            err.setWordWrap(True)
            err.hide()
            cell_lay.addWidget(err)
            self._error_labels[field] = err
            f.addRow(label, cell)
        return w

    # --- errors that follow the typing ------------------------------------------------------------------
    def _field_widget(self, field: str) -> QWidget | None:
        if field == "due_date":
            return self.due_edit
        if field == "causale":
            return self.causale_edit
        if field == "sec_causale":
            return self.sec_causale
        return self.editors.get(field)

    def _show_field_error(self, field: str, message: str) -> None:
        widget = self._field_widget(field)
        if widget is not None:
            set_invalid(widget, bool(message))
            widget.setToolTip(message)
        label = self._error_labels.get(field)
        if label is not None:
            label.setText(message)
            label.setVisible(bool(message))

    def field_error(self, field: str) -> str:
        label = self._error_labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def _connect_edits(self) -> None:
        for field in (*self.editors, "due_date", "causale", "sec_causale"):
            widget = self._field_widget(field)
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(lambda _t, f=field: self._edited(f))
                widget.editingFinished.connect(lambda f=field: self._left(f))
                if isinstance(widget, DateLineEdit):
                    widget.picked.connect(lambda _d, f=field: self._left(f))
            elif isinstance(widget, QComboBox):
                widget.currentTextChanged.connect(lambda _t, f=field: self._left(f))
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(lambda f=field: self._edited(f))

    def _edited(self, field: str) -> None:
        self._revalidate()

    def _left(self, field: str) -> None:
        self._shown.add(field)
        self._revalidate()

    def _revalidate(self) -> None:
        """Check what the editors hold now; show the errors of the fields on show, clear fixed ones."""
        if self.read_only:
            return
        values = self._values(lenient=True)
        if self.check is not None:
            record = replace(self.row.record(), **{k: v for k, v in values.items() if k in RECORD_KEYS})
            found: dict[str, str] = {}
            for e in self.check(record):
                found.setdefault(e.field, domain_text(e.message))
        else:  # no rules at hand: a filled field at least loses its "obbligatorio"
            found = {c: m for c, m in self._errors.items()
                     if not values.get(FIELD_FOR_COLUMN.get(c, ""), "") or "obbligatori" not in m}
        for field in (*self.editors, "due_date", "causale", "sec_causale"):
            message = found.get(COLUMN_FOR_FIELD.get(field, ""), "")
            if field in self._shown or not message:
                self._show_field_error(field, message if field in self._shown else "")

    # --- tabs ----------------------------------------------------------------------------------------
    def _debtor_tab(self) -> QWidget:
        return self._form([
            (self.tr("Tipo soggetto"), self._combo("debtor_type", ["F", "G"], editable=False)),
            (self.tr("Codice fiscale / P.IVA"), self._line("debtor_code", 35, upper=True)),
            (self.tr("Debitore (anagrafica)"), self._line("debtor_name", 70)),
            (self.tr("Indirizzo"), self._line("address", 70)),
            (self.tr("Civico"), self._line("civic", 16)),
            (self.tr("CAP"), self._line("postal_code", 16, upper=True)),
            (self.tr("Località"), self._line("city", 35)),
            (self.tr("Provincia"), self._combo("province", [""] + province_codes())),
            (self.tr("Nazione"), self._combo("country", [""] + country_codes())),
            (self.tr("E-mail"), self._line("email", 256)),
        ])

    def _debt_tab(self, debt_types: list[str]) -> QWidget:
        self.due_edit = DateLineEdit()
        self.due_edit.set_date(self.row.due_date)
        self.due_edit.setObjectName("due_date")
        self.due_edit.setReadOnly(self.read_only)
        self.due_edit.calendar_action.setEnabled(not self.read_only)
        self.causale_edit = QPlainTextEdit(self.row.causale)
        self.causale_edit.setObjectName("causale")
        self.causale_edit.setTabChangesFocus(True)
        self.causale_edit.setFixedHeight(60)
        self.causale_edit.setReadOnly(self.read_only)
        iud = self._line("iud", 35)
        iud.setReadOnly(self.read_only or self.row.state != "NUOVO")
        return self._form([
            (self.tr("IUD"), iud),
            (self.tr("Tipo dovuto"), self._combo("debt_type", debt_types)),
            (self.tr("Scadenza"), self.due_edit),
            (self.tr("Importo"), self._amount("amount_cents")),
            (self.tr("Commissione a carico dell'Ente"), self._amount("pa_fee_cents")),
            (self.tr("Causale"), self.causale_edit),
            (self.tr("Dati specifici di riscossione"), self._line("collection_data", 140)),
            (self.tr("Tipo versamento"), self._line("payment_type", 32, upper=True)),
        ])

    def _instalments_tab(self, instalments: list[DebtRow]) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        self.single = QRadioButton(self.tr("Pagamento in un'unica soluzione"))
        self.split = QRadioButton(self.tr("Pagamento unico oppure a rate"))
        self.single.setObjectName("singlePayment")
        self.split.setObjectName("instalmentsPayment")
        (self.split if instalments else self.single).setChecked(True)
        lay.addWidget(self.single)
        lay.addWidget(self.split)
        row = QHBoxLayout()
        self.n_spin = QSpinBox()
        self.n_spin.setObjectName("instalmentCount")
        self.n_spin.setRange(2, 36)
        self.n_spin.setValue(max(2, len(instalments)))
        self.every = QSpinBox()
        self.every.setRange(1, 12)
        self.every.setSuffix(self.tr(" mesi"))
        self.split_button = QPushButton(self.tr("Dividi in rate uguali"))
        self.split_button.setObjectName("splitButton")
        self.split_button.clicked.connect(self._split_equal)
        row.addWidget(QLabel(self.tr("Numero di rate")))
        row.addWidget(self.n_spin)
        row.addWidget(QLabel(self.tr("ogni")))
        row.addWidget(self.every)
        row.addWidget(self.split_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.inst_table = QTableWidget(0, 4)
        self.inst_table.setObjectName("instalmentsTable")
        self.inst_table.setHorizontalHeaderLabels([self.tr("Rata"), self.tr("Importo"), self.tr("Scadenza"),
                                                   self.tr("IUV")])
        self.inst_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.inst_table.verticalHeader().setVisible(False)
        self.inst_delegate = CheckedItemDelegate({1: "amount", 2: "date"}, self.inst_table)
        self.inst_delegate.message.connect(self._show_message)
        self.inst_table.setItemDelegate(self.inst_delegate)
        lay.addWidget(self.inst_table, 1)
        self.inst_total = QLabel()
        lay.addWidget(self.inst_total)
        note = QLabel(self.tr("Ogni rata è una posizione a sé sul portale (IUD, IUV e scadenza propri); il "
                              "pagamento unico resta disponibile, come prevede pagoPA."))
        note.setWordWrap(True)
        lay.addWidget(note)
        self._instalments_before = [InstalmentLine(i.amount_cents, i.due_date, i.iuv) for i in instalments]
        self._fill_instalments(self._instalments_before)
        self._instalments_touched = False
        for wdg in (self.single, self.split):
            wdg.toggled.connect(self._on_mode)
            wdg.setEnabled(not self.read_only)
        self.inst_table.itemChanged.connect(self._on_inst_changed)
        self._on_mode()
        return w

    def _fill_instalments(self, lines: list[InstalmentLine]) -> None:
        self.inst_table.blockSignals(True)
        self.inst_table.setRowCount(len(lines))
        for i, line in enumerate(lines):
            num = QTableWidgetItem(str(i + 1))
            num.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.inst_table.setItem(i, 0, num)
            self.inst_table.setItem(i, 1, QTableWidgetItem(format_amount(line.amount_cents)))
            self.inst_table.setItem(i, 2, QTableWidgetItem(format_date(line.due_date)))
            iuv = QTableWidgetItem(line.iuv)
            iuv.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.inst_table.setItem(i, 3, iuv)
        self.inst_table.blockSignals(False)
        self._update_inst_total()

    def _on_mode(self) -> None:
        on = self.split.isChecked() and not self.read_only
        for wdg in (self.n_spin, self.every, self.split_button):
            wdg.setEnabled(on)
        self.inst_table.setEnabled(self.split.isChecked())
        if self.sender() in (self.single, self.split):
            self._instalments_touched = True

    def _on_inst_changed(self, _item) -> None:
        self._instalments_touched = True
        self._update_inst_total()

    def _split_equal(self) -> None:
        try:
            total = self.editors["amount_cents"].value() or 0
        except ValueError:
            total = self.row.amount_cents
        try:
            first = self.due_edit.date() or self.row.due_date or date.today()
        except ValueError:
            first = self.row.due_date or date.today()
        self._fill_instalments(split_amount(total, self.n_spin.value(), first, self.every.value()))
        self._instalments_touched = True

    def _read_instalments(self) -> list[InstalmentLine]:
        lines = []
        for i in range(self.inst_table.rowCount()):
            amount_text = self.inst_table.item(i, 1).text() if self.inst_table.item(i, 1) else ""
            due_text = self.inst_table.item(i, 2).text() if self.inst_table.item(i, 2) else ""
            iuv = self.inst_table.item(i, 3).text() if self.inst_table.item(i, 3) else ""
            try:
                amount = parse_amount(amount_text)
            except MoneyError as exc:
                raise ValueError(self.tr("Rata {0}: {1}").format(i + 1, exc)) from exc
            try:
                due = parse_date(due_text)
            except ValueError as exc:
                raise ValueError(self.tr("Rata {0}: {1}").format(i + 1, exc)) from exc
            lines.append(InstalmentLine(amount, due, iuv))
        return lines

    def _update_inst_total(self) -> None:
        try:
            total = sum(line.amount_cents for line in self._read_instalments())
        except ValueError as exc:
            self.inst_total.setText(domain_text(str(exc)))
            return
        self.inst_total.setText(self.tr("Totale rate: {0}").format(format_amount(total)))

    def _secondary_tab(self) -> QWidget:
        self.multi = QCheckBox(self.tr("Dovuto multibeneficiario (tracciato 1_4)"))
        self.multi.setObjectName("multi_beneficiary")
        self.multi.setChecked(self.row.multi_beneficiary)
        self.multi.setEnabled(not self.read_only)
        self.sec_causale = QPlainTextEdit(self.row.sec_causale)
        self.sec_causale.setObjectName("sec_causale")
        self.sec_causale.setFixedHeight(50)
        self.sec_causale.setTabChangesFocus(True)
        self.sec_causale.setReadOnly(self.read_only)
        w = self._form([
            (self.tr("C.F. ente secondario"), self._line("sec_fiscal_code", 11)),
            (self.tr("Denominazione"), self._line("sec_name", 70)),
            (self.tr("IBAN di accredito"), self._line("sec_iban", 35, upper=True)),
            (self.tr("Importo"), self._amount("sec_amount_cents")),
            (self.tr("Indirizzo"), self._line("sec_address", 70)),
            (self.tr("Civico"), self._line("sec_civic", 16)),
            (self.tr("CAP"), self._line("sec_postal_code", 16, upper=True)),
            (self.tr("Località"), self._line("sec_city", 35)),
            (self.tr("Provincia"), self._line("sec_province", 35, upper=True)),
            (self.tr("Nazione"), self._line("sec_country", 2, upper=True)),
            (self.tr("Dati specifici di riscossione"), self._line("sec_collection_data", 140)),
            (self.tr("Causale"), self.sec_causale),
        ])
        outer = QWidget()
        lay = QVBoxLayout(outer)
        lay.addWidget(self.multi)
        lay.addWidget(w)
        self.multi.toggled.connect(w.setEnabled)
        w.setEnabled(self.row.multi_beneficiary)
        return outer

    def _bilancio_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        self.bil_table = QTableWidget(0, 4)
        self.bil_table.setObjectName("bilancioTable")
        self.bil_table.setHorizontalHeaderLabels([self.tr("Capitolo"), self.tr("Ufficio"), self.tr("Accertamento"),
                                                  self.tr("Importo")])
        self.bil_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.bil_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.bil_delegate = CheckedItemDelegate({3: "amount"}, self.bil_table)
        self.bil_delegate.message.connect(self._show_message)
        self.bil_table.setItemDelegate(self.bil_delegate)
        for cap in self.row.bilancio or []:
            for acc in cap.accertamenti or [Accertamento(0)]:
                self._add_bil_row(cap.code, cap.office, acc.code, acc.amount_cents)
        buttons = QHBoxLayout()
        add = QPushButton(self.tr("Aggiungi riga"))
        add.clicked.connect(lambda: self._add_bil_row("", "", "", 0))
        remove = QPushButton(self.tr("Togli riga"))
        remove.clicked.connect(self._remove_bil_row)
        for b in (add, remove):
            b.setEnabled(not self.read_only)
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.bil_total = QLabel()
        lay.addWidget(QLabel(self.tr("Una riga per accertamento; le righe con lo stesso capitolo e ufficio "
                                     "formano un capitolo. La somma deve essere uguale all'importo.")))
        lay.addWidget(self.bil_table, 1)
        lay.addLayout(buttons)
        lay.addWidget(self.bil_total)
        msg = self._errors.get("bilancio")
        if msg:
            err = QLabel(msg)
            err.setStyleSheet("color: #b3261e;")
            err.setWordWrap(True)
            lay.addWidget(err)
        self.bil_table.itemChanged.connect(lambda _i: self._update_bil_total())
        self._update_bil_total()
        return w

    def _add_bil_row(self, cap: str, office: str, acc: str, cents: int) -> None:
        r = self.bil_table.rowCount()
        self.bil_table.insertRow(r)
        for c, text in enumerate((cap, office, acc, format_amount(cents) if cents else "")):
            self.bil_table.setItem(r, c, QTableWidgetItem(text))

    def _remove_bil_row(self) -> None:
        rows = sorted({i.row() for i in self.bil_table.selectedIndexes()}, reverse=True)
        for r in rows:
            self.bil_table.removeRow(r)
        self._update_bil_total()

    def _read_bilancio(self) -> list[Capitolo] | None:
        caps: dict[tuple[str, str], Capitolo] = {}
        for r in range(self.bil_table.rowCount()):
            cells = [(self.bil_table.item(r, c).text().strip() if self.bil_table.item(r, c) else "")
                     for c in range(4)]
            if not any(cells):
                continue
            try:
                cents = parse_amount(cells[3]) if cells[3] else 0
            except MoneyError as exc:
                raise ValueError(self.tr("Bilancio, riga {0}: {1}").format(r + 1, exc)) from exc
            key = (cells[0], cells[1])
            cap = caps.get(key)
            if cap is None:
                cap = caps[key] = Capitolo(code=cells[0], office=cells[1])
            cap.accertamenti.append(Accertamento(amount_cents=cents, code=cells[2]))
        return list(caps.values()) or None

    def _update_bil_total(self) -> None:
        try:
            bil = self._read_bilancio()
        except ValueError as exc:
            self.bil_total.setText(domain_text(str(exc)))
            return
        if not bil:
            self.bil_total.setText(self.tr("Nessun bilancio (facoltativo)."))
            return
        self.bil_total.setText(self.tr("Totale bilancio: {0}").format(format_amount(bilancio_total(bil))))

    # --- result ----------------------------------------------------------------------------------
    def _values(self, lenient: bool = False) -> dict[str, Any]:
        """What the editors hold, as DebtRecord values. A date or an amount that does not read raises
        ValueError with its message, or (``lenient``) is left out."""
        new: dict[str, Any] = {}
        for field, ed in self.editors.items():
            if isinstance(ed, AmountLineEdit):
                try:
                    cents = ed.value()
                except ValueError as exc:
                    if lenient:
                        continue
                    raise ValueError(self.tr("{0}: {1}").format(self._label_of(field), exc)) from None
                value: Any = cents if cents is not None else (0 if field == "amount_cents" else None)
            elif isinstance(ed, QComboBox):
                value = ed.currentText().strip()
            else:
                value = ed.text().strip()
            if field in UPPER_FIELDS and isinstance(value, str):
                value = value.upper()
            new[field] = value
        try:
            new["due_date"] = self.due_edit.date()
        except ValueError as exc:
            if not lenient:
                raise ValueError(self.tr("Scadenza: {0}").format(exc)) from None
        new["causale"] = self.causale_edit.toPlainText().replace("\n", " ").strip()
        new["sec_causale"] = self.sec_causale.toPlainText().replace("\n", " ").strip()
        new["multi_beneficiary"] = self.multi.isChecked()
        return new

    def _label_of(self, field: str) -> str:
        return {"amount_cents": self.tr("Importo"), "pa_fee_cents": self.tr("Commissione a carico dell'Ente"),
                "sec_amount_cents": self.tr("Importo ente secondario")}.get(field, field)

    def collect(self) -> tuple[dict[str, Any], list[InstalmentLine] | None]:
        """The changed fields and the new instalment plan (None if untouched). ValueError if unreadable."""
        new = self._values()
        bil = self._read_bilancio()
        if bil:
            problems = bilancio_problems(bil, new["amount_cents"])
            if problems:
                self.message.setText(domain_text("; ".join(problems)))  # stored anyway and flagged, like everything else
                self.message.show()
        new["bilancio"] = bil
        changes = {k: v for k, v in new.items() if getattr(self.row, k) != v}
        plan = None
        if self._instalments_touched:
            plan = self._read_instalments() if self.split.isChecked() else []
            if plan == self._instalments_before:
                plan = None
        return changes, plan

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def accept(self) -> None:
        try:
            self.changes, self.plan = self.collect()
        except ValueError as exc:
            self.message.setText(domain_text(str(exc)))
            self.message.show()
            return
        super().accept()

    def instalments_before(self) -> list[InstalmentLine]:
        return list(self._instalments_before)
