"""A page for an area whose module is not part of this build yet: it says what will be there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    def __init__(self, title: str, description: str, parent: QWidget | None = None, note: str | None = None):
        super().__init__(parent)
        self.setObjectName("placeholderPage")
        self.title = title
        self.description = description
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        body = QLabel(description)
        body.setObjectName("placeholderText")
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if note is None:
            note = self.tr("Questa sezione non è ancora disponibile in questa versione.")
        hint = QLabel(note)
        hint.setProperty("role", "hint")
        hint.setVisible(bool(note))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 20)
        lay.setSpacing(8)
        lay.addWidget(heading)
        lay.addSpacing(6)
        lay.addWidget(body)
        lay.addWidget(hint)
        lay.addStretch(1)
