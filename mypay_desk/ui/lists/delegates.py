"""Cell editors of the debts table, one per kind of column.

Editors only help typing (upper case, allowed characters, calendar, lists of codes); whether a
value is right is decided by the list service's validation, and the model shows the outcome in the
cell. ``setModelData`` hands the value to the model, which turns it into an undoable change.

Every editor commits on Tab, Shift+Tab, Enter, a click elsewhere and focus loss (Qt's delegate
rules); a date or an amount that does not read is never committed: on Tab/Enter the editor stays
open and says why, on leaving it the cell keeps its value and the status bar says what was refused.
What the user typed is never overwritten by a refresh of the row (an earlier edit being stored).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRegularExpression, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from mypay_desk.ui.lists.columns import DebtColumn, country_codes, province_codes
from mypay_desk.ui.widgets.amounts import AmountLineEdit
from mypay_desk.ui.widgets.cell_editors import RefusingDelegateMixin, user_touched, watch_typing
from mypay_desk.ui.widgets.checked_edit import CheckedLineEdit
from mypay_desk.ui.widgets.dates import DateLineEdit, parse_user_date


class _Upper(QValidator):
    """Upper-cases as you type; optionally restricts characters."""

    def __init__(self, pattern: str | None = None, parent=None):
        super().__init__(parent)
        self._re = QRegularExpression(f"^(?:{pattern})$") if pattern else None

    def validate(self, text: str, pos: int):
        up = text.upper()
        if self._re is not None and not self._re.match(up).hasMatch():
            return QValidator.State.Invalid, text, pos
        return QValidator.State.Acceptable, up, pos


class DebtDelegate(RefusingDelegateMixin, QStyledItemDelegate):
    """One delegate for the whole table: picks the editor from the column kind."""

    message = Signal(str)  # a refused value, for the status bar

    def __init__(self, columns: list[DebtColumn], parent=None):
        super().__init__(parent)
        self.columns = columns
        self.debt_types: list[str] = []

    def set_debt_types(self, codes: list[str]) -> None:
        self.debt_types = list(codes)

    def cell_label(self, index: QPersistentModelIndex) -> str:
        col = self.columns[index.column()]
        return QApplication.translate("DebtDelegate", "{0}, riga {1}").format(col.header, index.row() + 1)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        col = self.columns[index.column()]
        kind = col.kind
        if kind in ("date", "amount"):
            ed: CheckedLineEdit = DateLineEdit(parent) if kind == "date" else AmountLineEdit(parent)
            self.prepare_checked(ed, index)
            ed.setObjectName("dateEditor" if kind == "date" else f"{col.field}Editor")
            if isinstance(ed, DateLineEdit):
                ed.picked.connect(lambda _d, e=ed: self._commit_and_close(e))
            return ed
        if kind in ("debt_type", "debtor_type", "province", "country"):
            combo = QComboBox(parent)
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            items = {"debt_type": self.debt_types, "debtor_type": ["F", "G"],
                     "province": province_codes(), "country": country_codes()}[kind]
            combo.addItems(items)
            if kind != "debt_type":
                combo.lineEdit().setValidator(_Upper("[A-Z]{0,2}", combo))
            completer = QCompleter(items, combo)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
            # Completed in place, as Excel does: no popup that would eat the next click or Tab.
            completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
            combo.setCompleter(completer)
            watch_typing(combo)
            combo.setObjectName(f"{kind}Editor")
            return combo
        ed = QLineEdit(parent)
        ed.setFrame(False)
        if col.max_len:
            ed.setMaxLength(col.max_len)
        if kind == "code":
            ed.setValidator(_Upper("[A-Z0-9]{0,16}", ed))
        elif kind == "upper":
            ed.setValidator(_Upper(None, ed))
        ed.setObjectName(f"{col.field}Editor")
        return ed

    def _commit_and_close(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if self.refusal_filter(editor, event):
            return True
        return super().eventFilter(editor, event)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        # Qt calls this again when the row changes under an open editor (an earlier edit being
        # stored): what the user is typing must stay.
        if editor.property("filled") and user_touched(editor):
            return
        editor.setProperty("filled", True)
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, DateLineEdit):
            try:
                text = editor.format(parse_user_date(value)) if value else ""
            except ValueError:
                text = value or ""
            if editor.text() != text:
                all_selected = bool(editor.text()) and editor.selectedText() == editor.text()
                editor.set_value(parse_user_date(text) if text else None)
                if all_selected:
                    editor.selectAll()
            return
        if isinstance(editor, QComboBox):
            editor.setCurrentText(value or "")
            editor.lineEdit().setModified(False)
            editor.lineEdit().selectAll()
            return
        if isinstance(editor, QLineEdit):
            text = value or ""
            if editor.text() != text:
                all_selected = bool(editor.text()) and editor.selectedText() == editor.text()
                editor.setText(text)
                editor.setModified(False)
                if all_selected:  # typing must still replace the cell's value, as in Excel
                    editor.selectAll()
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        if isinstance(editor, CheckedLineEdit):
            if editor.problem():  # never store what does not read (Qt's own checks come first)
                return
            model.setData(index, editor.value() if isinstance(editor, DateLineEdit) else editor.text(),
                          Qt.ItemDataRole.EditRole)
            return
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
            return
        if isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        rect = option.rect
        if isinstance(editor, DateLineEdit | QComboBox):
            want = max(editor.minimumWidth(), 120)
            rect = rect.adjusted(0, 0, max(0, want - rect.width()), 0)  # room for the button and the date
        editor.setGeometry(rect)
