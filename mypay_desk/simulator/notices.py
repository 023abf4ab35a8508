"""The sandbox's payment notices (``avviso_<IUV>.pdf``): one plain A4 page with the data a citizen needs
and the pagoPA QR code (``PAGOPA|002|<numero avviso>|<CF ente>|<importo in centesimi>``, §4.4).

Not the official layout (that is the app's job, services/notices): the sandbox only has to hand back
a real PDF where MyPay hands back one.
"""

from __future__ import annotations

import io
import zipfile

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from mypay_desk.domain.money import format_amount
from mypay_desk.simulator.payments import notice_number
from mypay_desk.simulator.state import Ente, SimState, record_from_json


def notice_pdf(ente: Ente, iuv: str, record_json: str) -> bytes:
    rec = record_from_json(record_json)
    nav = notice_number(iuv, ente)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, pageCompression=1)
    c.setTitle(f"Avviso di pagamento {nav}")
    width, height = A4
    y = height - 25 * mm
    c.setFont("Helvetica-Bold", 16)
    c.drawString(20 * mm, y, "AVVISO DI PAGAMENTO")
    c.setFont("Helvetica", 9)
    c.drawRightString(width - 20 * mm, y, "Portale di prova (sandbox) - non valido per pagare")
    rows = [
        ("Ente creditore", f"{ente.name} (C.F. {ente.fiscal_code})"),
        ("Destinatario", f"{rec.debtor_name} ({rec.debtor_code})"),
        ("Oggetto del pagamento", rec.causale[:90]),
        ("Importo", format_amount(rec.amount_cents, currency=True)),
        ("Scadenza", rec.due_date.strftime("%d/%m/%Y") if rec.due_date else "-"),
        ("Codice avviso", " ".join(nav[i:i + 4] for i in range(0, len(nav), 4))),
        ("IUV", iuv),
    ]
    y -= 18 * mm
    for label, value in rows:
        c.setFont("Helvetica-Bold", 10)
        c.drawString(20 * mm, y, label)
        c.setFont("Helvetica", 10)
        c.drawString(70 * mm, y, value)
        y -= 8 * mm
    qr = QrCodeWidget(f"PAGOPA|002|{nav}|{ente.fiscal_code}|{rec.amount_cents}")
    x0, y0, x1, y1 = qr.getBounds()
    size = 40 * mm
    d = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    d.add(qr)
    renderPDF.draw(d, c, 20 * mm, y - size - 5 * mm)
    c.showPage()
    c.save()
    return buf.getvalue()


def notices_zip(state: SimState, ente: Ente, iuvs: list[str]) -> bytes:
    """``<name>_AVVISI_PDF.zip``: ``avviso_<IUV>.pdf`` for each IUV still known to the portal."""
    buf = io.BytesIO()
    c = state.conn()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for iuv in iuvs:
            row = c.execute("SELECT record FROM dovuto WHERE ente_id=? AND iuv=? ORDER BY id DESC LIMIT 1",
                            (ente.id, iuv)).fetchone()
            if row is not None:
                zf.writestr(f"avviso_{iuv}.pdf", notice_pdf(ente, iuv, row["record"]))
    return buf.getvalue()
