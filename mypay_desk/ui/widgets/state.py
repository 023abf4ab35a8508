"""Remembered view state in QSettings, keyed by objectName: window geometry, splitters, table headers.

Give a QSplitter or a QTableView/QTreeView an objectName and the main window restores it when its page
is built and saves it on close (``restore_tree`` / ``save_tree``). Headers of views whose model arrives
later are restored as soon as they have columns; a restored header gets the property ``restored``
so a view can skip its own first-time column sizing. ``reset_header`` forgets a table's saved columns.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMainWindow,
    QSplitter,
    QTableView,
    QTreeView,
    QWidget,
)

log = logging.getLogger(__name__)

PREFIX = "state"


def _key(name: str, what: str) -> str:
    return f"{PREFIX}/{name}/{what}"


def _bytes(value) -> QByteArray | None:
    if isinstance(value, QByteArray) and not value.isEmpty():
        return value
    if isinstance(value, bytes | bytearray) and value:
        return QByteArray(bytes(value))
    return None


def save_window(settings: QSettings, window: QWidget) -> None:
    name = window.objectName() or type(window).__name__
    settings.setValue(_key(name, "geometry"), window.saveGeometry())
    if isinstance(window, QMainWindow):
        settings.setValue(_key(name, "windowState"), window.saveState())


def restore_window(settings: QSettings, window: QWidget) -> bool:
    """Restore size and position (Qt moves a window that would be off every screen back onto one)."""
    name = window.objectName() or type(window).__name__
    geometry = _bytes(settings.value(_key(name, "geometry")))
    ok = bool(geometry) and window.restoreGeometry(geometry)
    if isinstance(window, QMainWindow):
        state = _bytes(settings.value(_key(name, "windowState")))
        if state:
            window.restoreState(state)
    return bool(ok)


def _header_of(view: QAbstractItemView) -> QHeaderView | None:
    if isinstance(view, QTableView):
        return view.horizontalHeader()
    if isinstance(view, QTreeView):
        return view.header()
    return None


def save_header(settings: QSettings, view: QAbstractItemView) -> None:
    header = _header_of(view)
    if header is not None and view.objectName() and header.count():
        settings.setValue(_key(view.objectName(), "header"), header.saveState())


def restore_header(settings: QSettings, view: QAbstractItemView) -> None:
    """Restore column widths, order and sort; waits for the columns if the model is not there yet."""
    header = _header_of(view)
    if header is None or not view.objectName():
        return
    state = _bytes(settings.value(_key(view.objectName(), "header")))
    if not state:
        return
    if header.count():
        header.restoreState(state)
        header.setProperty("restored", True)  # views skip their automatic column sizing
        return

    def _once(_old: int, new: int) -> None:
        if new:
            header.sectionCountChanged.disconnect(_once)
            header.restoreState(state)
            header.setProperty("restored", True)

    header.sectionCountChanged.connect(_once)


def reset_header(settings: QSettings, view: QAbstractItemView) -> None:
    settings.remove(_key(view.objectName(), "header"))


def save_tree(settings: QSettings, root: QWidget) -> None:
    """Save every named splitter and item view under ``root``."""
    for splitter in root.findChildren(QSplitter):
        if splitter.objectName():
            settings.setValue(_key(splitter.objectName(), "splitter"), splitter.saveState())
    for view in root.findChildren(QAbstractItemView):
        save_header(settings, view)


def restore_tree(settings: QSettings, root: QWidget) -> None:
    for splitter in root.findChildren(QSplitter):
        if splitter.objectName():
            state = _bytes(settings.value(_key(splitter.objectName(), "splitter")))
            if state:
                splitter.restoreState(state)
    for view in root.findChildren(QAbstractItemView):
        restore_header(settings, view)
