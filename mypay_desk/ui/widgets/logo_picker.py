"""Pick the Ente's logo (PNG or JPEG, printed on the payment notices) and preview it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mypay_desk.ui.widgets import file_dialogs

MAX_LOGO_BYTES = 1024 * 1024
PREVIEW_W, PREVIEW_H = 180, 90
translate = QCoreApplication.translate



def logo_problem(data: bytes) -> str | None:
    """Why ``data`` cannot be the logo (None if it can): only PNG or JPEG, readable, not too big."""
    if len(data) > MAX_LOGO_BYTES:
        return translate("LogoPicker", "Il logo pesa {0} kB: al massimo {1} kB").format(len(data) // 1024,
                                                                          MAX_LOGO_BYTES // 1024)
    if not (data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8\xff")):
        return translate("LogoPicker", "Il logo deve essere un'immagine PNG o JPEG")
    if QImage.fromData(data).isNull():
        return translate("LogoPicker", "L'immagine del logo è danneggiata o illeggibile")
    return None


class LogoPicker(QWidget):
    changed = Signal()  # the user picked or removed a logo
    problem = Signal(str)  # the chosen file cannot be used (message), or "" when fine

    def __init__(self, parent: QWidget | None = None, settings: QSettings | None = None):
        super().__init__(parent)
        self.setObjectName("logoPicker")
        self.settings = settings if settings is not None else QSettings()
        self._data: bytes | None = None
        self.preview = QLabel()
        self.preview.setObjectName("logoPreview")
        self.preview.setFixedSize(PREVIEW_W, PREVIEW_H)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.choose_button = QPushButton(self.tr("Scegli…"))
        self.choose_button.clicked.connect(self.choose)
        self.remove_button = QPushButton(self.tr("Rimuovi"))
        self.remove_button.clicked.connect(self.remove)
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.preview)
        lay.addLayout(buttons)
        lay.addStretch(1)
        self._refresh()

    def logo(self) -> bytes | None:
        return self._data

    def set_logo(self, data: bytes | None) -> None:
        self._data = bytes(data) if data else None
        self._refresh()

    def _refresh(self) -> None:
        self.remove_button.setEnabled(self._data is not None)
        if self._data is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("Nessun logo"))
            return
        image = QImage.fromData(self._data)
        if image.isNull():
            self.preview.setText(self.tr("Immagine non leggibile"))
            return
        pix = QPixmap.fromImage(image).scaled(PREVIEW_W - 8, PREVIEW_H - 8, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation)
        self.preview.setPixmap(pix)

    def choose(self) -> None:
        path = file_dialogs.open_file(self, self.settings, "images", self.tr("Scegli il logo dell'Ente"),
                                      self.tr("Immagini PNG o JPEG (*.png *.jpg *.jpeg)"))
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> bool:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            self.problem.emit(self.tr("Impossibile leggere {0}: {1}").format(str(path), exc.strerror or exc))
            return False
        problem = logo_problem(data)
        if problem:
            self.problem.emit(f"{Path(path).name}: {problem}")
            return False
        self.set_logo(data)
        self.problem.emit("")
        self.changed.emit()
        return True

    def remove(self) -> None:
        self.set_logo(None)
        self.problem.emit("")
        self.changed.emit()
