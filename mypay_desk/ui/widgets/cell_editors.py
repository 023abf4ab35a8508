"""Cell editors of item views that must read their text (dates, amounts): shared refusal rules.

Qt's delegates commit a QLineEdit editor on Tab, Shift+Tab, Enter and focus loss only when its
validator accepts the text. These helpers add what a clerk needs on top: the message saying why a
value was not committed (at the cell and in the status bar), and :class:`CheckedItemDelegate`, the
delegate of small tables (instalments, bilancio) whose columns hold dates or amounts.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from mypay_desk.ui.widgets.amounts import AmountLineEdit
from mypay_desk.ui.widgets.checked_edit import CheckedLineEdit
from mypay_desk.ui.widgets.dates import DateLineEdit

_COMMIT_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Enter)


def user_touched(editor: QWidget) -> bool:
    """Whether the user typed in the editor since it was filled from the model."""
    line = editor.lineEdit() if isinstance(editor, QComboBox) else editor
    return isinstance(line, QLineEdit) and (line.isModified() or bool(line.property(_TYPED)))


def watch_typing(combo: QComboBox) -> None:
    """Let user_touched see typing in an editable combo with an inline completer: the completion sets the
    line's text, which clears Qt's modified flag, so a row refreshed under the editor would replace what
    the user typed. textEdited is emitted for the user's keys only."""
    line = combo.lineEdit()
    line.textEdited.connect(lambda _text: line.setProperty(_TYPED, True))


_TYPED = "userTyped"


def leaves_editor(editor: QWidget) -> bool:
    """On a focus-out: the focus went outside the editor (its own popups are inside)."""
    w = QApplication.focusWidget()
    while w is not None:
        if w is editor:
            return False
        w = w.parentWidget()
    return True


class RefusingDelegateMixin:
    """Shared by the delegates whose editors are CheckedLineEdit: says why a value is not committed.

    The class using it defines ``message = Signal(str)`` and ``cell_label(index) -> str``.
    """

    def _refuse(self, editor: CheckedLineEdit, leaving: bool) -> None:
        index = editor.property("cellIndex")
        message = editor.problem()
        where = self.cell_label(index) if isinstance(index, QPersistentModelIndex) and index.isValid() else ""
        text = f"{where}: {message}" if where else message
        if leaving:
            text += " " + QApplication.translate("CellEditors", "(valore non salvato)")
            view = self.parent()
            if isinstance(view, QAbstractItemView) and isinstance(index, QPersistentModelIndex) and index.isValid():
                rect = view.visualRect(QModelIndex(index))
                QToolTip.showText(view.viewport().mapToGlobal(rect.bottomLeft()), text)
        else:
            editor.show_refusal(message)
        self.message.emit(text)

    def refusal_filter(self, editor: QObject, event: QEvent) -> bool | None:
        """True: the event is consumed (a refused commit); None: let Qt's delegate rules handle it."""
        if not isinstance(editor, CheckedLineEdit):
            return None
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in _COMMIT_KEYS:
            if editor.problem():
                self._refuse(editor, leaving=False)
                return True
            editor.finish()  # normalise the text ("28/2/27" -> "28/02/2027") before Qt commits it
            return None
        if event.type() == QEvent.Type.FocusOut and leaves_editor(editor) and editor.problem():
            self._refuse(editor, leaving=True)
        return None

    @staticmethod
    def prepare_checked(editor: CheckedLineEdit, index: QModelIndex) -> None:
        editor.report_on_leave = False  # the delegate reports it, with the cell's place
        editor.setFrame(False)
        editor.setProperty("cellIndex", QPersistentModelIndex(index))


class CheckedItemDelegate(RefusingDelegateMixin, QStyledItemDelegate):
    """Date or amount editors for some columns of a small table (text kept in the items as shown)."""

    message = Signal(str)

    def __init__(self, kinds: dict[int, str], parent: QAbstractItemView | None = None):
        super().__init__(parent)
        self.kinds = kinds  # column -> "date" | "amount"

    def cell_label(self, index: QPersistentModelIndex) -> str:
        header = index.model().headerData(index.column(), Qt.Orientation.Horizontal) if index.model() else ""
        return QApplication.translate("CellEditors", "{0}, riga {1}").format(header or "", index.row() + 1)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        kind = self.kinds.get(index.column())
        if kind is None:
            return super().createEditor(parent, option, index)
        ed: CheckedLineEdit = DateLineEdit(parent) if kind == "date" else AmountLineEdit(parent)
        self.prepare_checked(ed, index)
        if isinstance(ed, DateLineEdit):
            ed.picked.connect(lambda _d, e=ed: (self.commitData.emit(e),
                                                self.closeEditor.emit(e, QStyledItemDelegate.EndEditHint.NoHint)))
        return ed

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if self.refusal_filter(editor, event):
            return True
        return super().eventFilter(editor, event)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        if isinstance(editor, CheckedLineEdit):
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.setModified(False)
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        if isinstance(editor, CheckedLineEdit):
            if editor.problem():
                return
            value = editor.value()
            model.setData(index, "" if value is None else editor.format(value), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        rect = option.rect
        if isinstance(editor, DateLineEdit):
            rect = rect.adjusted(0, 0, max(0, editor.minimumWidth() - rect.width()), 0)
        editor.setGeometry(rect)
