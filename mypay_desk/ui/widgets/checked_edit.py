"""A line edit whose text must read as a value (a date, an amount): it says why not, at the field.

What people type is kept as they typed it until they leave the field or confirm it; then the text is
read with the field's rule. A text that does not read is never turned into some other value: the field
turns red, a tooltip next to it says what is wrong and ``refused`` carries the message (status bar,
table cell). Cell editors of item views rely on this too: Qt's delegates commit a QLineEdit only when
its validator accepts the text, so an unreadable value is never stored.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator
from PySide6.QtWidgets import QLineEdit, QToolTip, QWidget

from mypay_desk.ui.widgets.fields import set_invalid


class _ParseValidator(QValidator):
    """Acceptable when the owner reads the text, Intermediate while it does not (yet), Invalid for
    characters that can never be part of the value (the key press is then ignored)."""

    def __init__(self, owner: CheckedLineEdit):
        super().__init__(owner)
        self.owner = owner

    def validate(self, text: str, pos: int):
        if not self.owner.allowed_text(text):
            return QValidator.State.Invalid, text, pos
        return (QValidator.State.Acceptable if not self.owner.problem_of(text) else QValidator.State.Intermediate,
                text, pos)


class CheckedLineEdit(QLineEdit):
    refused = Signal(str)  # the message, when a text that does not read is left or confirmed
    value_committed = Signal(object)  # the value, when a readable text is left or confirmed

    allowed_chars = ""  # a regular-expression character class body ("0-9/"); "" allows anything

    def __init__(self, parent: QWidget | None = None, *, allow_empty: bool = True):
        super().__init__(parent)
        self.allow_empty = allow_empty
        self.report_on_leave = True  # cell editors leave the report to their delegate
        self._allowed = re.compile(f"[{self.allowed_chars}]*") if self.allowed_chars else None
        self.setValidator(_ParseValidator(self))
        self.textEdited.connect(self._edited)

    # --- the rule: subclasses ---------------------------------------------------------------------
    def parse(self, text: str) -> Any:
        """The value of a non-empty text; ValueError with a message for the user otherwise."""
        raise NotImplementedError

    def format(self, value: Any) -> str:
        raise NotImplementedError

    def empty_message(self) -> str:
        return self.tr("Campo obbligatorio")

    # --- reading ------------------------------------------------------------------------------------
    def allowed_text(self, text: str) -> bool:
        return self._allowed is None or bool(self._allowed.fullmatch(text))

    def problem_of(self, text: str) -> str:
        if not text.strip():
            return "" if self.allow_empty else self.empty_message()
        try:
            self.parse(text.strip())
        except ValueError as exc:
            return str(exc)
        return ""

    def problem(self) -> str:
        """Why the text does not read ("" when it does)."""
        return self.problem_of(self.text())

    def value(self) -> Any:
        """The value shown (None when empty); ValueError with the message when the text does not read."""
        text = self.text().strip()
        if not text:
            if not self.allow_empty:
                raise ValueError(self.empty_message())
            return None
        return self.parse(text)

    def set_value(self, value: Any) -> None:
        """Show a stored value (not a user edit)."""
        self.setText("" if value is None else self.format(value))
        self.setModified(False)
        self.clear_refusal()

    # --- leaving and confirming ---------------------------------------------------------------------
    def finish(self) -> bool:
        """Check the text as if the user left the field: normalise it, or show the refusal."""
        message = self.problem()
        if message:
            self.show_refusal(message)
            return False
        value = self.value()
        normal = "" if value is None else self.format(value)
        if normal != self.text():
            modified = self.isModified()
            self.setText(normal)
            self.setModified(modified)
        self.clear_refusal()
        self.value_committed.emit(value)
        return True

    def show_refusal(self, message: str | None = None) -> None:
        message = message or self.problem()
        if not message:
            return
        set_invalid(self, True)
        self.setToolTip(message)
        if self.isVisible():
            QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), message)
        self.refused.emit(message)

    def clear_refusal(self) -> None:
        if self.property("invalid"):
            set_invalid(self, False)
            self.setToolTip("")

    def _edited(self, _text: str) -> None:
        if self.property("invalid") and not self.problem():
            self.clear_refusal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.problem():
                self.show_refusal()
            else:
                self.finish()
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        # A popup of our own (the calendar) takes the focus for a moment: not a leave.
        if event.reason() != Qt.FocusReason.PopupFocusReason and self.report_on_leave:
            self.finish()
        super().focusOutEvent(event)
