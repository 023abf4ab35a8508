"""The filter bar above the debts table: text, state, tipo dovuto and due-date range.

Each change becomes a :class:`DebtFilter`; the controller turns it into one indexed query. Typing is
debounced so a million-row list is not queried at every key press.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from mypay_desk.domain.debt_states import STATE_LABELS
from mypay_desk.services.debt_table import DebtFilter
from mypay_desk.ui.domain_text import domain_label
from mypay_desk.ui.widgets.dates import DateLineEdit

DEBOUNCE_MS = 300

# Entries of the state combo: (label key, states, valid)
_ERRORS = "__errors__"
_VALID = "__valid__"


class FilterBar(QWidget):
    filter_changed = Signal(object)  # DebtFilter
    refused = Signal(str)  # a date that does not read (for the status bar)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("debtFilterBar")
        self.text = QLineEdit()
        self.text.setObjectName("filterText")
        self.text.setPlaceholderText(self.tr("Cerca IUD, IUV, avviso, codice fiscale, nome, causale…"))
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(160)
        self.state = QComboBox()
        self.state.setObjectName("filterState")
        self.state.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.state.setMinimumContentsLength(12)
        self.state.addItem(self.tr("Tutti gli stati"), None)
        self.state.addItem(self.tr("Con errori"), _ERRORS)
        self.state.addItem(self.tr("Validi"), _VALID)
        for code, label in STATE_LABELS.items():
            self.state.addItem(domain_label(label), str(code))
        self.debt_type = QComboBox()
        self.debt_type.setObjectName("filterType")
        self.debt_type.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.debt_type.setMinimumContentsLength(9)
        self.debt_type.addItem(self.tr("Tutti i tipi"), None)
        self.due_from = self._date_edit("filterDueFrom")
        self.due_to = self._date_edit("filterDueTo")
        self.reset = QToolButton()
        self.reset.setText(self.tr("Azzera"))
        self.reset.setToolTip(self.tr("Togli tutti i filtri"))
        self.reset.clicked.connect(self.clear)

        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.text, 3)
        lay.addWidget(self.state)
        lay.addWidget(self.debt_type)
        lay.addWidget(QLabel(self.tr("Scadenza dal")))
        lay.addWidget(self.due_from)
        lay.addWidget(QLabel(self.tr("al")))
        lay.addWidget(self.due_to)
        lay.addWidget(self.reset)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit)
        self.text.textChanged.connect(lambda _t: self._timer.start())
        self.text.returnPressed.connect(self.flush)
        self.state.currentIndexChanged.connect(lambda _i: self._emit())
        self.debt_type.currentIndexChanged.connect(lambda _i: self._emit())
        self._last = DebtFilter()
        self._quiet = False

    def _date_edit(self, name: str) -> DateLineEdit:
        ed = DateLineEdit()
        ed.setObjectName(name)
        ed.setPlaceholderText(self.tr("gg/mm/aaaa"))
        # Applied when a date is complete (typed and left, Enter, or picked); a wrong one is refused
        # at the field and the filter stays as it was.
        ed.value_committed.connect(lambda _d: self._emit())
        ed.refused.connect(self.refused)
        return ed

    def set_debt_types(self, codes: list[str]) -> None:
        current = self.debt_type.currentData()
        self._quiet = True
        self.debt_type.clear()
        self.debt_type.addItem(self.tr("Tutti i tipi"), None)
        for code in codes:
            self.debt_type.addItem(code, code)
        i = self.debt_type.findData(current)
        self.debt_type.setCurrentIndex(max(i, 0))
        self._quiet = False

    def current_filter(self) -> DebtFilter:
        state = self.state.currentData()
        states: tuple[str, ...] = ()
        valid = None
        if state == _ERRORS:
            valid = False
        elif state == _VALID:
            valid = True
        elif state:
            states = (state,)
        tipo = self.debt_type.currentData()
        return DebtFilter(
            text=self.text.text().strip(),
            states=states,
            debt_types=(tipo,) if tipo else (),
            due_from=self._date_or_last(self.due_from, self._last.due_from),
            due_to=self._date_or_last(self.due_to, self._last.due_to),
            valid=valid,
        )

    @staticmethod
    def _date_or_last(edit: DateLineEdit, last):
        """The field's date; while its text does not read, the one the filter already uses."""
        try:
            return edit.date()
        except ValueError:
            return last

    def _emit(self) -> None:
        if self._quiet:
            return
        self._timer.stop()
        flt = self.current_filter()
        if flt != self._last:
            self._last = flt
            self.filter_changed.emit(flt)

    def flush(self) -> None:
        """Apply a pending text change now (tests, Enter in the box)."""
        self._emit()

    def clear(self) -> None:
        self._quiet = True
        self.text.clear()
        self.state.setCurrentIndex(0)
        self.debt_type.setCurrentIndex(0)
        self.due_from.set_date(None)
        self.due_to.set_date(None)
        self._quiet = False
        self._emit()
