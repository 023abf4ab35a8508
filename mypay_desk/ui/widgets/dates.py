"""Dates as Italian offices type them: the one rule every date field, cell, filter and paste uses.

Accepted: day/month/year with "/", "-", "." or a space (``28/02/2027``, ``28/2/27``, ``28-02-2027``,
``28.02.2027``), digits only (``28022027``, ``280227``) and ISO (``2027-02-28``). Two-digit years are
20xx (due dates and receipts are this century's). Anything else, or a day that does not exist
(``31/02/2027``), is refused with a message that says what to type: a date is never guessed.

:class:`DateLineEdit` is the editor: free typing (no sections that swallow digits), a calendar
button (Alt+Giù or F4) that opens at the field's date or today, and the refusal of
:class:`CheckedLineEdit` at the field.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QWidget

from mypay_desk.ui.theme import icon
from mypay_desk.ui.widgets.checked_edit import CheckedLineEdit

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

MIN_YEAR, MAX_YEAR = 1900, 2199
DISPLAY_FORMAT = "%d/%m/%Y"

_SEPARATED = re.compile(r"(\d{1,2})([/.\- ])(\d{1,2})\2(\d{4}|\d{2})")
_ISO = re.compile(r"(\d{4})([-/])(\d{1,2})\2(\d{1,2})")
_DIGITS = re.compile(r"\d{6}|\d{8}")


class DateInputError(ValueError):
    """A text that is not a date; the message says what to type."""


def _year(text: str) -> int:
    return 2000 + int(text) if len(text) == 2 else int(text)


def _checked(text: str, year: int, month: int, day: int) -> date:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateInputError(translate("Dates", "«{0}»: l'anno {1} non è plausibile; scrivi la data come "
                                                "gg/mm/aaaa").format(text, year))
    try:
        return date(year, month, day)
    except ValueError:
        raise DateInputError(translate("Dates", "«{0}» non è una data esistente (giorno {1}, mese {2}, anno {3})")
                             .format(text, day, month, year)) from None


def _not_a_date(text: str) -> DateInputError:
    return DateInputError(translate("Dates", "«{0}» non è una data: scrivi gg/mm/aaaa, per esempio 28/02/2027")
                          .format(text))


def parse_user_date(text: str) -> date | None:
    """The date a person typed or pasted ("" is no date); DateInputError when it is not one."""
    s = (text or "").strip()
    if not s:
        return None
    if m := _SEPARATED.fullmatch(s):
        return _checked(s, _year(m.group(4)), int(m.group(3)), int(m.group(1)))
    if m := _ISO.fullmatch(s):
        return _checked(s, int(m.group(1)), int(m.group(3)), int(m.group(4)))
    if _DIGITS.fullmatch(s):
        if len(s) == 6:
            return _checked(s, _year(s[4:]), int(s[2:4]), int(s[:2]))
        try:  # ddmmyyyy as typed in Italy; yyyymmdd (ISO without dashes) when that is no date
            return _checked(s, int(s[4:]), int(s[2:4]), int(s[:2]))
        except DateInputError:
            try:
                return _checked(s, int(s[:4]), int(s[4:6]), int(s[6:]))
            except DateInputError:
                pass
    raise _not_a_date(s)


def format_date(d: date | None) -> str:
    return d.strftime(DISPLAY_FORMAT) if d else ""


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class CalendarPopup(QCalendarWidget):
    """The calendar of a date field: a popup child of the field, so item views keep the editor open."""

    picked = Signal(object)  # datetime.date

    def __init__(self, field: QWidget):
        super().__init__(field)
        self.setWindowFlags(Qt.WindowType.Popup)
        self.setObjectName("calendarPopup")
        self.setGridVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setMinimumSize(300, 210)  # whole day names, at any font
        self.clicked.connect(self._pick)
        self.activated.connect(self._pick)

    def open_at(self, d: date, below: QWidget) -> None:
        q = to_qdate(d)
        self.setSelectedDate(q)
        self.setCurrentPage(q.year(), q.month())
        self.adjustSize()
        pos = below.mapToGlobal(QPoint(0, below.height()))
        screen = below.screen().availableGeometry() if below.screen() else None
        if screen is not None:  # keep it on the screen (a cell near the bottom opens it above)
            if pos.y() + self.height() > screen.bottom():
                pos.setY(below.mapToGlobal(QPoint(0, 0)).y() - self.height())
            pos.setX(max(screen.left(), min(pos.x(), screen.right() - self.width())))
        self.move(pos)
        self.show()
        self.setFocus(Qt.FocusReason.PopupFocusReason)

    def _pick(self, q: QDate) -> None:
        self.hide()
        self.picked.emit(date(q.year(), q.month(), q.day()))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)


class DateLineEdit(CheckedLineEdit):
    """A date typed freely, read with :func:`parse_user_date`; a button opens the calendar."""

    picked = Signal(object)  # a date chosen in the calendar (already shown in the field)
    allowed_chars = r"0-9/.\- "

    def __init__(self, parent: QWidget | None = None, *, allow_empty: bool = True):
        super().__init__(parent, allow_empty=allow_empty)
        self.setMaxLength(10)
        self.setPlaceholderText(self.tr("gg/mm/aaaa"))
        self.calendar_action = QAction(icon("calendar"), self.tr("Calendario"), self)
        self.calendar_action.setToolTip(self.tr("Scegli dal calendario (Alt+Giù)"))
        self.calendar_action.triggered.connect(self.open_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.calendar: CalendarPopup | None = None
        width = self.fontMetrics().horizontalAdvance("00/00/0000") + 44  # text, margins and the button
        self.setMinimumWidth(width)

    def parse(self, text: str) -> date:
        return parse_user_date(text)

    def format(self, value: date) -> str:
        return format_date(value)

    def empty_message(self) -> str:
        return self.tr("Scrivi una data (gg/mm/aaaa)")

    def date(self) -> date | None:
        return self.value()

    def set_date(self, d: date | None) -> None:
        self.set_value(d)

    def open_calendar(self) -> None:
        """Open the calendar at the date in the field (if it reads) or at today."""
        try:
            current = parse_user_date(self.text())
        except DateInputError:
            current = None
        if self.calendar is None:
            self.calendar = CalendarPopup(self)
            self.calendar.picked.connect(self._picked)
        self.calendar.open_at(current or date.today(), self)

    def _picked(self, d: date) -> None:
        self.setText(format_date(d))
        self.setModified(True)
        self.clear_refusal()
        self.setFocus(Qt.FocusReason.PopupFocusReason)
        self.value_committed.emit(d)
        self.picked.emit(d)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt_down or event.key() == Qt.Key.Key_F4:
            self.open_calendar()
            return
        super().keyPressEvent(event)

