"""A QTableView that behaves like a spreadsheet: copy/paste as Excel, Enter and Tab movement,
Delete clears cells, files dropped on it start an import.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QHeaderView, QTableView, QWidget

from mypay_desk.ui.lists.clipboard import parse_tsv, selection_grid, to_tsv
from mypay_desk.ui.widgets.checked_edit import CheckedLineEdit

IMPORT_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".zip", ".txt")


def droppable_files(mime) -> list[str]:
    """Local files in a drag that the import accepts (xlsx, csv, MyPay flow zip)."""
    if mime is None or not mime.hasUrls():
        return []
    out = []
    for url in mime.urls():
        if url.isLocalFile():
            path = url.toLocalFile()
            if Path(path).suffix.lower() in IMPORT_SUFFIXES:
                out.append(path)
    return out


class SpreadsheetView(QTableView):
    paste_requested = Signal(object, int, int, object)  # grid, anchor row, anchor column, selected ranges
    clear_requested = Signal(object)  # selected ranges
    files_dropped = Signal(list)
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setTabKeyNavigation(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vh = self.verticalHeader()
        # Fixed row heights: the view never asks a million rows for their size hint.
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(max(22, self.fontMetrics().height() + 8))
        hh = self.horizontalHeader()
        hh.setSectionsMovable(True)
        hh.setHighlightSections(True)
        hh.setStretchLastSection(False)

        # Ctrl+C, Ctrl+V, Ctrl+X and Ctrl+A belong to the window's Modifica menu, which calls
        # edit_command; these actions are for the context menu (a shortcut here would be ambiguous).
        self.copy_action = self._action(self.tr("Copia\tCtrl+C"), None, self.copy_selection)
        self.cut_action = self._action(self.tr("Taglia\tCtrl+X"), None, self.cut)
        self.paste_action = self._action(self.tr("Incolla\tCtrl+V"), None, self.paste)
        self.clear_action = self._action(self.tr("Cancella contenuto"), QKeySequence.StandardKey.Delete,
                                         self.clear_selection)
        self.select_all_action = self._action(self.tr("Seleziona tutto\tCtrl+A"), None, self.selectAll)

    def _action(self, text: str, key, slot) -> QAction:
        a = QAction(text, self)
        if key is not None:
            a.setShortcut(QKeySequence(key))
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        a.triggered.connect(slot)
        self.addAction(a)
        return a

    def edit_command(self, name: str) -> bool:
        """Modifica menu commands on the cells (undo and find are the page's)."""
        if self.state() == QAbstractItemView.State.EditingState:
            return False  # the editor (a text field) handles its own
        handlers = {"copy": self.copy_selection, "cut": self.cut, "paste": self.paste, "select_all": self.selectAll}
        handler = handlers.get(name)
        if handler is None:
            return False
        handler()
        return True

    def cut(self) -> None:
        """Copy the selected cells, then empty them (one undo step)."""
        self.copy_selection()
        self.clear_selection()

    # --- selection helpers -----------------------------------------------------------------------
    def selected_ranges(self) -> list[tuple[int, int, int, int]]:
        sm = self.selectionModel()
        if sm is None:
            return []
        ranges = [(r.top(), r.left(), r.bottom(), r.right()) for r in sm.selection() if r.isValid()]
        if not ranges and self.currentIndex().isValid():
            i = self.currentIndex()
            ranges = [(i.row(), i.column(), i.row(), i.column())]
        return ranges

    def selected_rows(self) -> list[int]:
        rows: set[int] = set()
        for t, _l, b, _r in self.selected_ranges():
            rows.update(range(t, b + 1))
        return sorted(rows)

    # --- clipboard -------------------------------------------------------------------------------
    def copy_selection(self) -> None:
        model = self.model()
        if model is None:
            return
        try:
            grid, _top, _left = selection_grid(
                self.selected_ranges(), lambda r, c: model.index(r, c).data(Qt.ItemDataRole.DisplayRole))
        except ValueError:
            self.message.emit(self.tr("Selezione troppo grande da copiare: usa «Esporta Excel»."))
            return
        if grid:
            QGuiApplication.clipboard().setText(to_tsv(grid))
            n = len(grid)
            self.message.emit(self.tr("Copiate %Ln righe.", "", n))

    def paste(self) -> None:
        text = QGuiApplication.clipboard().text()
        grid = parse_tsv(text)
        if not grid:
            return
        ranges = self.selected_ranges()
        cur = self.currentIndex()
        if ranges:
            anchor_row = min(r[0] for r in ranges)
            anchor_col = min(r[1] for r in ranges)
        elif cur.isValid():
            anchor_row, anchor_col = cur.row(), cur.column()
        else:
            anchor_row, anchor_col = 0, 0
        self.paste_requested.emit(grid, anchor_row, anchor_col, ranges)

    def clear_selection(self) -> None:
        if self.state() == QAbstractItemView.State.EditingState:
            return
        self.clear_requested.emit(self.selected_ranges())

    # --- the cell being edited --------------------------------------------------------------------
    def commit_editor(self) -> bool:
        """Store the cell being typed before an action runs (a toolbar button takes no focus, so the
        editor would otherwise stay open and its text be left out). False when the text does not
        read: the editor stays open and says why."""
        if self.state() != QAbstractItemView.State.EditingState:
            return True
        editor = self.indexWidget(self.currentIndex())
        if editor is None:
            return True
        delegate = self.itemDelegateForIndex(self.currentIndex())
        if isinstance(editor, CheckedLineEdit) and editor.problem():
            refuse = getattr(delegate, "_refuse", None)
            if callable(refuse):
                refuse(editor, leaving=False)
            editor.setFocus()
            return False
        self.commitData(editor)
        self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        return True

    # --- keyboard: Enter commits and moves down, Tab moves right ----------------------------------
    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self._move_down()
            return
        super().closeEditor(editor, hint)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and self.state() != QAbstractItemView.State.EditingState:
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self._move(-1)
            else:
                self._move_down()
            return
        super().keyPressEvent(event)

    def _move_down(self) -> None:
        self._move(1)

    def _move(self, delta: int) -> None:
        cur = self.currentIndex()
        model = self.model()
        if not cur.isValid() or model is None:
            return
        row = min(max(cur.row() + delta, 0), model.rowCount() - 1)
        nxt = model.index(row, cur.column())
        self.setCurrentIndex(nxt)
        self.scrollTo(nxt)

    # --- drag and drop of files --------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if droppable_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if droppable_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        files = droppable_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)
        else:
            event.ignore()

    def current_row(self) -> int:
        i: QModelIndex = self.currentIndex()
        return i.row() if i.isValid() else -1
