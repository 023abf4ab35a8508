"""Preview of a notices PDF (QtPdf) with printing through the system print dialog."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QSpinBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from mypay_desk.ui.widgets import file_dialogs

# Pages are rasterised for the printer; above this resolution only memory grows, not sharpness of
# 25 mm barcodes (a 0.5 mm module is already 12 dots at 600 dpi).
MAX_PRINT_DPI = 600


class NoticePreviewDialog(QDialog):
    """Shows the notices PDF at ``pdf_path``: page navigation, zoom, print, open, save a copy."""

    def __init__(self, ctx, pdf_path: str | Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.pdf_path = Path(pdf_path)
        self.setObjectName("noticePreviewDialog")
        self.setWindowTitle(self.tr("Anteprima avvisi – {0}").format(self.pdf_path.name))
        self.resize(900, 1000)

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("noticePdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        bar = QToolBar(self)
        bar.setObjectName("noticePreviewToolbar")
        self.print_action = self._action(bar, self.tr("Stampa…"), self.print_with_dialog, QKeySequence.StandardKey.Print)
        self.open_action = self._action(bar, self.tr("Apri con il visualizzatore"), self.open_external)
        self.save_action = self._action(bar, self.tr("Salva una copia…"), self.save_copy, QKeySequence.StandardKey.Save)
        bar.addSeparator()
        self.prev_action = self._action(bar, self.tr("Pagina precedente"), lambda: self.go_to(self.current_page() - 1),
                                        QKeySequence.StandardKey.MoveToPreviousPage)
        self.page_spin = QSpinBox(bar)
        self.page_spin.setObjectName("pageSpin")
        self.page_spin.setMinimum(1)
        self.page_spin.setKeyboardTracking(False)
        self.page_spin.valueChanged.connect(lambda v: self.go_to(v - 1))
        bar.addWidget(self.page_spin)
        self.page_label = QLabel(bar)
        self.page_label.setObjectName("pageLabel")
        bar.addWidget(self.page_label)
        self.next_action = self._action(bar, self.tr("Pagina successiva"), lambda: self.go_to(self.current_page() + 1),
                                        QKeySequence.StandardKey.MoveToNextPage)
        bar.addSeparator()
        self._action(bar, self.tr("Riduci"), lambda: self.zoom(1 / 1.25), QKeySequence.StandardKey.ZoomOut)
        self._action(bar, self.tr("Ingrandisci"), lambda: self.zoom(1.25), QKeySequence.StandardKey.ZoomIn)
        self._action(bar, self.tr("Adatta alla larghezza"),
                     lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self._action(bar, self.tr("Pagina intera"), lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(bar)
        layout.addWidget(self.view, 1)

        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        error = self.document.load(str(self.pdf_path))
        self.loaded = error == QPdfDocument.Error.None_ and self.document.pageCount() > 0
        if not self.loaded:
            self.page_label.setText(self.tr("Impossibile aprire {0}").format(self.pdf_path))
            for a in (self.print_action, self.save_action, self.prev_action, self.next_action):
                a.setEnabled(False)
        self.page_spin.setMaximum(max(1, self.document.pageCount()))
        self._page_changed(0)

    def _action(self, bar: QToolBar, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        bar.addAction(action)
        return action

    # --- navigation --------------------------------------------------------------------------------
    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        if not self.loaded:
            return
        page = max(0, min(page, self.page_count() - 1))
        self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())
        self._page_changed(page)

    def _page_changed(self, page: int) -> None:
        n = self.page_count()
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(page + 1)
        self.page_spin.blockSignals(False)
        if self.loaded:
            self.page_label.setText(self.tr(" di {0}").format(n))
        self.prev_action.setEnabled(self.loaded and page > 0)
        self.next_action.setEnabled(self.loaded and page < n - 1)

    def zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.1, min(8.0, self.view.zoomFactor() * factor)))

    # --- printing ----------------------------------------------------------------------------------
    def print_with_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setFullPage(True)  # the notice has its own margins: print it at its true size
        printer.setDocName(self.pdf_path.stem)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Stampa avvisi"))
        dialog.setMinMax(1, self.page_count())
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        first, last = 0, self.page_count() - 1
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = printer.fromPage() - 1, min(printer.toPage(), self.page_count()) - 1
        elif printer.printRange() == QPrinter.PrintRange.CurrentPage:
            first = last = self.current_page()
        self.print_pages(printer, first, last, show_progress=True)

    def print_pages(self, printer: QPrinter, first: int = 0, last: int | None = None,
                    show_progress: bool = False) -> int:
        """Render pages ``first..last`` (0-based, inclusive) onto ``printer``; returns pages printed."""
        if not self.loaded:
            return 0
        last = self.page_count() - 1 if last is None else last
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        progress = None
        if show_progress and last > first:
            progress = QProgressDialog(self.tr("Stampa in corso…"), self.tr("Annulla"), 0, last - first + 1, self)
            progress.setWindowModality(Qt.WindowModality.WindowModal)
            progress.setMinimumDuration(500)
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.tr("Stampa avvisi"), self.tr("La stampante non è disponibile."))
            return 0
        printed = 0
        try:
            for index in range(first, last + 1):
                if progress is not None:
                    progress.setValue(index - first)
                    QApplication.processEvents()
                    if progress.wasCanceled():
                        break
                if index > first and not printer.newPage():
                    break
                size_pt = self.document.pagePointSize(index)
                pixels = QSize(round(size_pt.width() / 72 * dpi), round(size_pt.height() / 72 * dpi))
                image = self.document.render(index, pixels)
                target = printer.pageLayout().fullRectPixels(printer.resolution())
                painter.drawImage(QRectF(target), image, QRectF(image.rect()))
                printed += 1
        finally:
            painter.end()
            if progress is not None:
                progress.close()
        return printed

    # --- files ---------------------------------------------------------------------------------------
    def open_external(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.pdf_path)))

    def save_copy(self) -> None:
        path, _ = file_dialogs.save_file(self, self.ctx.settings, "notices", self.tr("Salva una copia"),
                                         self.pdf_path.name, self.tr("Documento PDF (*.pdf)"), suffix=".pdf")
        if not path:
            return
        try:
            if Path(path).resolve() != self.pdf_path.resolve():
                shutil.copyfile(self.pdf_path, path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Salva una copia"), self.tr("Impossibile salvare: {0}").format(exc))
