"""Form fields with an error line under each: the rules live in domain/, the messages show inline.

A :class:`FieldSet` keeps editors by field name (the names of EnteData / DebtTypeData), so a
``ValidationReport`` or a ``UserError(field=...)`` from a service lands next to the right editor.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mypay_desk.ui.domain_text import domain_text


class ErrorLabel(QLabel):
    """A red message under a field; hidden when there is nothing to say."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("role", "error")
        self.setWordWrap(True)
        self.hide()

    def set_message(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))


class UpperCaseValidator(QValidator):
    """Turns what is typed or pasted into capitals (codes are upper case); optionally limits the characters."""

    def __init__(self, allowed: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._allowed = re.compile(allowed) if allowed else None

    def validate(self, text: str, pos: int):
        up = text.upper()
        if self._allowed is not None and not self._allowed.fullmatch(up):
            return QValidator.State.Invalid, text, pos
        return QValidator.State.Acceptable, up, pos

    def fixup(self, text: str) -> str:
        return text.upper()


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Flag a widget for the style sheet (red border) and refresh its style."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class _Field:
    def __init__(self, name: str, editor: QWidget, getter: Callable[[], Any], setter: Callable[[Any], None]):
        self.name = name
        self.editor = editor
        self.getter = getter
        self.setter = setter
        self.error = ErrorLabel()
        self.touched = False
        self.cell: QWidget | None = None


class FieldSet(QObject):
    """Editors by field name, each with an inline error label. ``edited`` fires on user edits only."""

    edited = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._fields: dict[str, _Field] = {}
        self._loading = False

    # --- building ------------------------------------------------------------------------------
    def line(self, name: str, *, max_length: int = 0, placeholder: str = "", upper: bool = False,
             allowed: str | None = None, password: bool = False) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(f"field_{name}")
        if max_length:
            edit.setMaxLength(max_length)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        if upper:
            edit.setValidator(UpperCaseValidator(allowed, edit))
        if password:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        def _set(v):
            edit.setText("" if v is None else str(v))
            edit.setCursorPosition(0)  # long values show their start, not their end

        self._add(name, edit, edit.text, _set)
        edit.textEdited.connect(lambda _t, n=name: self._user_edit(n))
        return edit

    def text(self, name: str, *, max_length: int = 0, placeholder: str = "", lines: int = 3) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(f"field_{name}")
        edit.setTabChangesFocus(True)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        # lines of text + document margin + frame + style-sheet padding
        height = edit.fontMetrics().lineSpacing() * lines + 2 * int(edit.document().documentMargin()) + 16
        edit.setFixedHeight(height)

        def _changed():
            if max_length and len(edit.toPlainText()) > max_length:
                cursor = edit.textCursor()
                edit.setPlainText(edit.toPlainText()[:max_length])
                cursor.setPosition(max_length)
                edit.setTextCursor(cursor)
            if not self._loading:
                self._user_edit(name)

        self._add(name, edit, edit.toPlainText, lambda v: edit.setPlainText("" if v is None else str(v)))
        edit.textChanged.connect(_changed)
        return edit

    def check(self, name: str, label: str) -> QCheckBox:
        box = QCheckBox(label)
        box.setObjectName(f"field_{name}")
        self._add(name, box, box.isChecked, lambda v: box.setChecked(bool(v)))
        box.clicked.connect(lambda _c, n=name: self._user_edit(n))
        return box

    def combo(self, name: str, items: Iterable[tuple[Any, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"field_{name}")
        for value, label in items:
            combo.addItem(label, value)

        def _set(v):
            i = combo.findData(v)
            combo.setCurrentIndex(max(i, 0))

        self._add(name, combo, combo.currentData, _set)
        combo.activated.connect(lambda _i, n=name: self._user_edit(n))
        return combo

    def custom(self, name: str, editor: QWidget, getter: Callable[[], Any], setter: Callable[[Any], None],
               changed: Any = None) -> QWidget:
        """Any editor; ``changed`` is a signal emitted on user edits."""
        self._add(name, editor, getter, setter)
        if changed is not None:
            changed.connect(lambda *_a, n=name: self._user_edit(n))
        return editor

    def _add(self, name: str, editor: QWidget, getter, setter) -> None:
        if name in self._fields:
            raise ValueError(f"campo ripetuto: {name}")
        self._fields[name] = _Field(name, editor, getter, setter)

    def cell(self, name: str) -> QWidget:
        """The editor with its error line below, ready for a QFormLayout row."""
        f = self._fields[name]
        if f.cell is None:
            w = QWidget()
            w.setObjectName(f"cell_{name}")
            lay = QVBoxLayout(w)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(2)
            lay.addWidget(f.editor)
            lay.addWidget(f.error)
            f.cell = w
        return f.cell

    # --- values ----------------------------------------------------------------------------------
    def names(self) -> list[str]:
        return list(self._fields)

    def editor(self, name: str) -> QWidget:
        return self._fields[name].editor

    def value(self, name: str) -> Any:
        v = self._fields[name].getter()
        return v.strip() if isinstance(v, str) else v

    def values(self) -> dict[str, Any]:
        return {n: self.value(n) for n in self._fields}

    def set_values(self, values: dict[str, Any], *, reset: bool = True) -> None:
        """Load values without counting as user edits; ``reset`` forgets errors and touched state."""
        self._loading = True
        try:
            for n, v in values.items():
                if n in self._fields:
                    self._fields[n].setter(v)
        finally:
            self._loading = False
        if reset:
            self.clear_errors()
            for f in self._fields.values():
                f.touched = False

    def _user_edit(self, name: str) -> None:
        if self._loading:
            return
        self._fields[name].touched = True
        self.edited.emit(name)

    def touched(self, name: str) -> bool:
        return self._fields[name].touched

    def touch_all(self, names: Iterable[str] | None = None) -> None:
        for n in names or self._fields:
            self._fields[n].touched = True

    # --- errors ------------------------------------------------------------------------------------
    def set_error(self, name: str, message: str) -> bool:
        """Show ``message`` (domain messages translated) under the field; False when there is no such field."""
        f = self._fields.get(name)
        if f is None:
            return False
        f.error.set_message(domain_text(message))
        set_invalid(f.editor, bool(message))
        return True

    def error(self, name: str) -> str:
        return self._fields[name].error.text()

    def errors(self) -> dict[str, str]:
        return {n: f.error.text() for n, f in self._fields.items() if f.error.text()}

    def clear_errors(self) -> None:
        for n in self._fields:
            self.set_error(n, "")

    def show_report(self, messages: dict[str, str], *, only_touched: bool = False) -> None:
        """Show the messages of a validation (field -> message); clear the fields without one."""
        for n, f in self._fields.items():
            msg = messages.get(n, "")
            if only_touched and not f.touched:
                msg = ""
            self.set_error(n, msg)

    def focus(self, name: str) -> None:
        f = self._fields.get(name)
        if f is not None:
            f.editor.setFocus()
