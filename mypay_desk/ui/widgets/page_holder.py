"""The scroll area a page lives in: the page fills the window, and scrolls only when the window is
smaller than the page's minimum (a small screen), instead of widening the window past the screen.

QScrollArea's own "widget resizable" mode sizes a page by its preferred height for the width when
it has word-wrapped labels, which shows scroll bars on pages that fit: here the page gets the
viewport's size, never less than its minimum.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class PageHolder(QScrollArea):
    def __init__(self, page: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setWidget(page)
        page.installEventFilter(self)

    def fit_page(self) -> None:
        page = self.widget()
        if page is None:
            return
        least = page.minimumSizeHint().expandedTo(page.minimumSize())
        view = self.maximumViewportSize()  # the room without scroll bars
        width = max(view.width(), least.width())
        height = max(view.height(), least.height())
        if width > view.width() and height <= view.height():  # a horizontal bar takes height
            height = max(self.viewport().height(), least.height())
        if height > view.height() and width <= view.width():
            width = max(self.viewport().width(), least.width())
        if page.size().toTuple() != (width, height):
            page.resize(width, height)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_page()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.fit_page()
        return super().eventFilter(watched, event)
