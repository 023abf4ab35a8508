"""Main window: side navigation and pages. (Placeholder until the shell lands.)"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow

from mypay_desk.ui.context import AppContext


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(self.tr("MyPay Desk"))
        self.setCentralWidget(QLabel(self.tr("MyPay Desk")))

    def open_demo(self) -> None:
        pass
