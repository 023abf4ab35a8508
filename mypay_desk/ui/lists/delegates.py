"""Cell editors of the debts table, one per kind of column.

Editors only help typing (upper case, allowed characters, calendar, lists of codes); whether a
value is right is decided by the list service's validation, and the model shows the outcome in the
cell. ``setModelData`` hands the value to the model, which turns it into an undoable change.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QModelIndex, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator, QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from mypay_desk.ui.lists.columns import DebtColumn, country_codes, parse_date, province_codes

NO_DATE = QDate(1900, 1, 1)  # the QDateEdit minimum stands for "no due date" (shown as blank)


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


class DebtDelegate(QStyledItemDelegate):
    """One delegate for the whole table: picks the editor from the column kind."""

    def __init__(self, columns: list[DebtColumn], parent=None):
        super().__init__(parent)
        self.columns = columns
        self.debt_types: list[str] = []

    def set_debt_types(self, codes: list[str]) -> None:
        self.debt_types = list(codes)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        col = self.columns[index.column()]
        kind = col.kind
        if kind == "date":
            ed = QDateEdit(parent)
            ed.setCalendarPopup(True)
            ed.setDisplayFormat("dd/MM/yyyy")
            ed.setMinimumDate(NO_DATE)
            ed.setSpecialValueText(" ")  # blank = no due date
            ed.setObjectName("dateEditor")
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
            combo.setCompleter(completer)
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
        elif kind == "amount":
            ed.setValidator(QRegularExpressionValidator(
                QRegularExpression(r"^-?[0-9.]{0,15}(,[0-9]{0,2})?$"), ed))
            ed.setAlignment(Qt.AlignmentFlag.AlignRight)
        ed.setObjectName(f"{col.field}Editor")
        return ed

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QDateEdit):
            try:
                d = parse_date(value or "")
            except ValueError:
                d = None
            editor.setDate(QDate(d.year, d.month, d.day) if d else NO_DATE)
            return
        if isinstance(editor, QComboBox):
            editor.setCurrentText(value or "")
            editor.lineEdit().selectAll()
            return
        if isinstance(editor, QLineEdit):
            editor.setText(value or "")
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        if isinstance(editor, QDateEdit):
            d = editor.date()
            model.setData(index, "" if d == NO_DATE else d.toString("dd/MM/yyyy"), Qt.ItemDataRole.EditRole)
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
        if isinstance(editor, QDateEdit | QComboBox):
            rect = rect.adjusted(0, 0, max(0, 120 - rect.width()), 0)  # room for the arrow and the date
        editor.setGeometry(rect)
