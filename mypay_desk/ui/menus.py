"""The menu bar: File, Modifica, Vai, Ente, Aiuto.

Modifica's commands go where the clerk is working: a text field does its own undo, copy, paste...;
otherwise the focused widget or one of its parents that has ``edit_command(name) -> bool`` (the debts
table copies and pastes cells, the lists page undoes table edits), else the current page. File's
commands go to the current page's ``file_command(name) -> bool``; a page says which it offers with
``file_commands() -> set[str]``. One owner per shortcut: pages and tables register none of these.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

EDIT_COMMANDS = ("undo", "redo", "cut", "copy", "paste", "select_all", "find")
FILE_COMMANDS = ("import", "export", "export_flow", "print")
_TEXT_METHODS = {"undo": "undo", "redo": "redo", "cut": "cut", "copy": "copy", "paste": "paste",
                 "select_all": "selectAll"}


def _text_target(widget: QWidget | None) -> QWidget | None:
    if isinstance(widget, QComboBox) and widget.isEditable():
        return widget.lineEdit()
    if isinstance(widget, QAbstractSpinBox):
        return widget.findChild(QLineEdit)
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        return widget
    return None


def text_command(widget: QWidget | None, name: str) -> bool:
    """Run a Modifica command in a text field (True when ``widget`` is one)."""
    target = _text_target(widget)
    if target is None or name not in _TEXT_METHODS:
        return False
    read_only = target.isReadOnly()
    if read_only and name in ("undo", "redo", "cut", "paste"):
        return True  # nothing to do in a read-only field, and nothing for anyone else either
    getattr(target, _TEXT_METHODS[name])()
    return True


def dispatch_edit(window: QMainWindow, name: str, page: QWidget | None) -> bool:
    focus = QApplication.focusWidget()
    if focus is not None and focus.window() is not window:
        focus = None  # a dialog has the focus: the menu of the main window is not about it
    if name != "find" and text_command(focus, name):
        return True
    w = focus
    while w is not None:
        handler = getattr(w, "edit_command", None)
        if callable(handler) and handler(name):
            return True
        if w is page:
            return False
        w = w.parentWidget()
    handler = getattr(page, "edit_command", None)
    return bool(callable(handler) and handler(name))


def _action(owner: QObject, text: str, keys: list[QKeySequence | str] | QKeySequence.StandardKey | None,
            slot: Callable[[], None], name: str) -> QAction:
    a = QAction(text, owner)
    a.setObjectName(name)
    if isinstance(keys, QKeySequence.StandardKey):
        a.setShortcuts(keys)
    elif keys:
        a.setShortcuts([QKeySequence(k) for k in keys])
    a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    a.triggered.connect(lambda _checked=False: slot())
    return a


class MenuBuilder(QObject):
    """Builds File, Modifica and Aiuto for the main window (Vai and Ente stay with the window)."""

    def __init__(self, window: QMainWindow, current_page: Callable[[], QWidget | None]):
        super().__init__(window)
        self.window = window
        self.current_page = current_page
        self.file_actions: dict[str, QAction] = {}
        self.edit_actions: dict[str, QAction] = {}

    def build_file(self, menu: QMenu, quit_slot: Callable[[], None]) -> None:
        w = self.window
        labels = {"import": (self.tr("&Importa…"), ["Ctrl+I"]),
                  "export": (self.tr("&Esporta in Excel…"), ["Ctrl+E"]),
                  "export_flow": (self.tr("Esporta &flusso MyPay…"), []),
                  "print": (self.tr("&Stampa avvisi…"), QKeySequence.StandardKey.Print)}
        for name in FILE_COMMANDS:
            text, keys = labels[name]
            a = _action(w, text, keys, lambda n=name: self._file(n), f"file_{name}")
            menu.addAction(a)
            w.addAction(a)
            self.file_actions[name] = a
        menu.addSeparator()
        quit_action = _action(w, self.tr("&Esci"), QKeySequence.StandardKey.Quit, quit_slot, "file_quit")
        if quit_action.shortcut().isEmpty():
            quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        menu.addAction(quit_action)
        w.addAction(quit_action)
        self.quit_action = quit_action
        menu.aboutToShow.connect(self.update_file_actions)

    def build_edit(self, menu: QMenu) -> None:
        w = self.window
        specs = {
            "undo": (self.tr("&Annulla"), [QKeySequence(QKeySequence.StandardKey.Undo)]),
            # Ctrl+Y and Ctrl+Shift+Z both, whatever the platform's own choice
            "redo": (self.tr("&Ripeti"), ["Ctrl+Y", "Ctrl+Shift+Z"]),
            "cut": (self.tr("&Taglia"), [QKeySequence(QKeySequence.StandardKey.Cut)]),
            "copy": (self.tr("&Copia"), [QKeySequence(QKeySequence.StandardKey.Copy)]),
            "paste": (self.tr("I&ncolla"), [QKeySequence(QKeySequence.StandardKey.Paste)]),
            "select_all": (self.tr("&Seleziona tutto"), [QKeySequence(QKeySequence.StandardKey.SelectAll)]),
            "find": (self.tr("&Trova…"), [QKeySequence(QKeySequence.StandardKey.Find)]),
        }
        for name in EDIT_COMMANDS:
            text, keys = specs[name]
            a = _action(w, text, keys, lambda n=name: self.edit(n), f"edit_{name}")
            if name in ("cut", "select_all"):
                menu.addSeparator()
            menu.addAction(a)
            w.addAction(a)
            self.edit_actions[name] = a
        menu.aboutToShow.connect(self.update_edit_actions)

    # --- commands ----------------------------------------------------------------------------------------
    def edit(self, name: str) -> bool:
        return dispatch_edit(self.window, name, self.current_page())

    def _file(self, name: str) -> bool:
        page = self.current_page()
        handler = getattr(page, "file_command", None)
        return bool(callable(handler) and handler(name))

    def update_file_actions(self) -> None:
        page = self.current_page()
        offered = getattr(page, "file_commands", None)
        names = offered() if callable(offered) else set()
        for name, a in self.file_actions.items():
            a.setEnabled(name in names)

    def update_edit_actions(self) -> None:
        """Undo/Redo say what they would do when the page knows (the debts table's undo stack)."""
        page = self.current_page()
        describe = getattr(page, "edit_text", None)
        for name in ("undo", "redo"):
            text = describe(name) if callable(describe) else ""
            base = self.tr("&Annulla") if name == "undo" else self.tr("&Ripeti")
            self.edit_actions[name].setText(f"{base}: {text}" if text else base)
