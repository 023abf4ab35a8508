"""Desk actions on one debt: send it to the portal at once, start a payment and show its link and QR code.

Other pages (the lists) can call :func:`send_debt_now` and :func:`start_payment_at_desk` with a debt id.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mypay_desk.domain.money import format_amount
from mypay_desk.ui.context import AppContext

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def qr_pixmap(text: str, scale: int = 6) -> QPixmap:
    """A QR code of ``text`` (segno), as a pixmap."""
    import io

    import segno

    buf = io.BytesIO()
    segno.make(text, error="m").save(buf, kind="png", scale=scale, border=2)
    pix = QPixmap()
    pix.loadFromData(buf.getvalue(), "PNG")
    return pix


class PaymentDialog(QDialog):
    """Shows the citizen the payment link and its QR code."""

    def __init__(self, start, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("paymentDialog")
        self.setWindowTitle(self.tr("Pagamento presso lo sportello"))
        self.url = start.url
        intro = QLabel(self.tr("Il cittadino può pagare ora il dovuto {0} di {1}: inquadri il codice QR con lo "
                               "smartphone oppure apra il collegamento.").format(
            start.iud, format_amount(start.amount_cents, currency=True)))
        intro.setWordWrap(True)
        self.qr = QLabel()
        self.qr.setObjectName("paymentQr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setPixmap(qr_pixmap(start.url))
        self.link = QLabel(f'<a href="{start.url}">{start.url}</a>')
        self.link.setObjectName("paymentLink")
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.link.setOpenExternalLinks(True)
        self.link.setWordWrap(True)
        notice = QLabel(self.tr("Numero avviso: {0}").format(start.notice_number or self.tr("non ancora assegnato")))
        notice.setProperty("role", "hint")
        copy = QPushButton(self.tr("Copia il collegamento"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.url))
        open_btn = QPushButton(self.tr("Apri nel browser"))
        open_btn.clicked.connect(lambda: QDesktopServices.openUrl(QUrl(self.url)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(copy)
        row.addWidget(open_btn)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.qr)
        lay.addWidget(self.link)
        lay.addWidget(notice)
        lay.addLayout(row)
        lay.addWidget(buttons)


def send_debt_now(ctx: AppContext, debt_id: int, parent: QWidget | None = None, on_done=None) -> None:
    """Send one debt's pending change to the portal now (paaSILImportaDovuto) and tell the outcome."""
    def done(result) -> None:
        if result.accepted:
            text = translate("PortalDesk", "Dovuto {0} inviato al portale.").format(result.iud)
            if result.notice_number:
                text += " " + translate("PortalDesk", "Numero avviso: {0}").format(result.notice_number)
            QMessageBox.information(parent, translate("PortalDesk", "Invio immediato"), text)
        else:
            QMessageBox.warning(parent, translate("PortalDesk", "Invio immediato"),
                                translate("PortalDesk", "Il portale ha rifiutato il dovuto {0}:\n{1} {2}")
                                .format(result.iud, result.code, result.message))
        ctx.data_changed.emit("lists")
        ctx.data_changed.emit("portal")
        ctx.pending_changed.emit()
        if on_done:
            on_done(result)

    ctx.tasks.run(lambda _p, cancel: ctx.ws.sync.send_single(debt_id, cancel=cancel),
                  title=translate("PortalDesk", "Invio del dovuto al portale"), lane="pool", on_success=done,
                  parent_widget=parent)


def start_payment_at_desk(ctx: AppContext, debt_id: int, parent: QWidget | None = None) -> None:
    """Start the payment of a debt at the desk (mode "iniziato presso l'Ente") and show link and QR."""
    def done(start) -> None:
        ctx.data_changed.emit("lists")
        ctx.data_changed.emit("portal")  # (the debt may have been sent first: the lists page reads it again)
        ctx.pending_changed.emit()
        dlg = PaymentDialog(start, parent)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dlg.open()

    ctx.tasks.run(lambda _p, cancel: ctx.ws.sync.start_payment(debt_id, cancel=cancel),
                  title=translate("PortalDesk", "Avvio del pagamento"), lane="pool", on_success=done,
                  parent_widget=parent)
