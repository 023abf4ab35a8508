"""The detail dialog of one debt: debtor, amounts, instalments, secondary beneficiary (1_4), bilancio.

It edits a copy: on OK it hands back the changed fields and, if touched, the new instalment plan;
the page stores them as one undo step. Errors found by validation are shown next to their field.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
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
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mypay_desk.domain.debts import (
    COLUMN_FOR_FIELD,
    Accertamento,
    Capitolo,
    DebtRow,
    bilancio_problems,
    bilancio_total,
)
from mypay_desk.domain.money import MoneyError, format_amount, parse_amount
from mypay_desk.services.debt_table import add_months
from mypay_desk.ui.domain_text import domain_label, domain_text
from mypay_desk.ui.lists.columns import country_codes, format_date, parse_date, province_codes

NO_DATE = QDate(1900, 1, 1)
ERROR_STYLE = "background: #fbd3d0;"


@dataclass
class InstalmentLine:
    """One instalment as the dialog edits it (the IUV is shown, never edited)."""

    amount_cents: int
    due_date: date | None
    iuv: str = ""


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


def _date_edit(value: date | None) -> QDateEdit:
    ed = QDateEdit()
    ed.setCalendarPopup(True)
    ed.setDisplayFormat("dd/MM/yyyy")
    ed.setMinimumDate(NO_DATE)
    ed.setSpecialValueText(" ")
    ed.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)
    return ed


def _date_value(ed: QDateEdit) -> date | None:
    d = ed.date()
    return None if d == NO_DATE else d.toPython()


class DebtDetailDialog(QDialog):
    def __init__(self, row: DebtRow, instalments: list[DebtRow], debt_types: list[str],
                 parent: QWidget | None = None, read_only: bool = False):
        super().__init__(parent)
        self.setObjectName("debtDetailDialog")
        self.setWindowTitle(self.tr("Dovuto {0}").format(row.iud or row.id))
        self.resize(760, 560)
        self.row = row
        self.read_only = read_only
        self.editors: dict[str, QWidget] = {}
        self.changes: dict[str, Any] = {}
        self.plan: list[InstalmentLine] | None = None  # None: instalments untouched
        self._errors = {e.field: domain_text(e.message) for e in row.errors}

        self.tabs = QTabWidget()
        self.tabs.addTab(self._debtor_tab(), self.tr("Debitore"))
        self.tabs.addTab(self._debt_tab(debt_types), self.tr("Dovuto"))
        self.tabs.addTab(self._instalments_tab(instalments), self.tr("Rate"))
        self.tabs.addTab(self._secondary_tab(), self.tr("Ente secondario"))
        self.tabs.addTab(self._bilancio_tab(), self.tr("Bilancio"))

        self.message = QLabel()
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

    def _summary(self) -> str:
        r = self.row
        parts = [self.tr("Stato: {0}").format(domain_label(r.state_label))]
        if r.iuv:
            parts.append(self.tr("IUV {0}").format(r.iuv))
        if r.notice_number:
            parts.append(self.tr("avviso {0}").format(r.notice_number))
        if r.errors:
            parts.append(self.tr("{0} errori").format(len(r.errors)))
        return " · ".join(parts)

    # --- field helpers -----------------------------------------------------------------------------
    def _line(self, field: str, max_len: int = 0, upper: bool = False) -> QLineEdit:
        ed = QLineEdit(str(getattr(self.row, field) or ""))
        ed.setObjectName(field)
        if max_len:
            ed.setMaxLength(max_len)
        if upper:
            ed.textEdited.connect(lambda t, e=ed: e.setText(t.upper()))
        self._mark(field, ed)
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
        self._mark(field, cb)
        self.editors[field] = cb
        return cb

    def _amount(self, field: str) -> QLineEdit:
        value = getattr(self.row, field)
        ed = QLineEdit(format_amount(value) if value is not None else "")
        ed.setObjectName(field)
        ed.setAlignment(Qt.AlignmentFlag.AlignRight)
        ed.setReadOnly(self.read_only)
        self._mark(field, ed)
        self.editors[field] = ed
        return ed

    def _mark(self, field: str, widget: QWidget) -> None:
        msg = self._errors.get(COLUMN_FOR_FIELD.get(field, ""), "")
        if msg:
            widget.setStyleSheet(ERROR_STYLE)
            widget.setToolTip(msg)

    def _form(self, rows) -> QWidget:
        w = QWidget()
        f = QFormLayout(w)
        for label, editor in rows:
            f.addRow(label, editor)
            field = editor.objectName()
            msg = self._errors.get(COLUMN_FOR_FIELD.get(field, ""), "")
            if msg:
                err = QLabel(msg)
                err.setProperty("role", "error")
                err.setStyleSheet("color: #b3261e;")
                err.setWordWrap(True)
                f.addRow("", err)
        return w

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
        self.due_edit = _date_edit(self.row.due_date)
        self.due_edit.setObjectName("due_date")
        self.due_edit.setEnabled(not self.read_only)
        self._mark("due_date", self.due_edit)
        self.causale_edit = QPlainTextEdit(self.row.causale)
        self.causale_edit.setObjectName("causale")
        self.causale_edit.setFixedHeight(60)
        self.causale_edit.setReadOnly(self.read_only)
        self._mark("causale", self.causale_edit)
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
            total = parse_amount(self.editors["amount_cents"].text())
        except MoneyError:
            total = self.row.amount_cents
        first = _date_value(self.due_edit) or self.row.due_date or date.today()
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
    def collect(self) -> tuple[dict[str, Any], list[InstalmentLine] | None]:
        """The changed fields and the new instalment plan (None if untouched). ValueError if unreadable."""
        new: dict[str, Any] = {}
        for field, ed in self.editors.items():
            if isinstance(ed, QComboBox):
                value: Any = ed.currentText().strip()
            else:
                value = ed.text().strip()
            if field in ("amount_cents", "pa_fee_cents", "sec_amount_cents"):
                if not value:
                    value = 0 if field == "amount_cents" else None
                else:
                    try:
                        value = parse_amount(value)
                    except MoneyError as exc:
                        raise ValueError(f"{exc}") from exc
            elif field in ("debtor_code", "postal_code", "sec_iban", "payment_type", "province", "country",
                           "sec_country", "sec_province"):
                value = value.upper()
            new[field] = value
        new["due_date"] = _date_value(self.due_edit)
        new["causale"] = self.causale_edit.toPlainText().replace("\n", " ").strip()
        new["sec_causale"] = self.sec_causale.toPlainText().replace("\n", " ").strip()
        new["multi_beneficiary"] = self.multi.isChecked()
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
