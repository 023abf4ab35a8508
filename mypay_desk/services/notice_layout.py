"""Drawing of the A4 pagoPA payment notice with reportlab.

Page 1 follows the zones of the pagoPA guide (pagopa-standards.md §2.2): header with the pagoPA and
Ente logos and the oggetto; Ente creditore and destinatario; "Quanto e quando pagare?" and "Dove
pagare?"; "Dati per il pagamento" (QR code, Cod. CBILL, Cod. Avviso, CF of the Ente); the Poste
bollettino with its Data Matrix when the Ente has a postal account and the Poste authorisation.
Instalments follow on pages of two or three columns (§2.4), each with its own codes and barcodes.

Speed: everything that is the same on many pages (labels, static paragraphs, the Ente's own data,
logos, boxes) is drawn once per document as a Form XObject and reused; barcodes arrive as
pre-compressed streams of image masks (see notice_barcodes) and become small Form XObjects of their own.

NoticeWriter builds a whole reportlab document in memory: the preview, the sample notice, and the
plain path that the streamed output (notice_stream, used for every printed run) is tested against.
"""

from __future__ import annotations

import hashlib
import io
import logging
import zlib
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import astuple, dataclass

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFObject, PDFStream, pdfdocEnc, xObjectName
from reportlab.pdfgen import canvas as rl_canvas

from mypay_desk.domain.notice import (
    DATAMATRIX_SIZE_MM,
    LIMITS,
    QR_SIZE_MM,
    NoticeData,
    NoticeEnte,
    PaymentOption,
    clip,
    format_due_date,
    format_notice_amount,
    instalment_groups,
)
from mypay_desk.services import notice_fonts as F
from mypay_desk.services.notice_barcodes import DATAMATRIX, QR, Placement

log = logging.getLogger(__name__)

MM = 72.0 / 25.4
PAGE_W, PAGE_H = A4
LEFT, RIGHT = 10.0, 200.0  # content edges (mm)
PAGOPA_BLUE = (0.0, 0x66 / 255, 0xCC / 255)  # #0066CC, only for the pagoPA logo
BAND_GREY = 0xEC / 255  # #ECECEC section background
AUTH_GREY = 0.3  # authorisation text at 70% black
APP_NAME = "MyPay Desk"


def X(mm: float) -> float:
    return mm * MM


def Y(top_mm: float) -> float:
    """PDF y of a point ``top_mm`` millimetres below the top edge."""
    return PAGE_H - top_mm * MM


# --- text fitting ---------------------------------------------------------------------------------

def fit_line(text: str, font: str, size: float, width_mm: float, min_size: float | None = None) -> tuple[float, str]:
    """Shrink to fit one line (not below ``min_size``), then cut with "…"."""
    width = width_mm * MM
    w = F.string_width(text, font, size)
    if w <= width:
        return size, text
    floor = min_size if min_size is not None else size
    new = max(floor, int(size * width / w * 4) / 4)
    if F.string_width(text, font, new) <= width:
        return new, text
    lo, hi = 0, len(text)
    while lo < hi:  # longest prefix that fits with the ellipsis
        mid = (lo + hi + 1) // 2
        if F.string_width(text[:mid].rstrip() + "…", font, new) <= width:
            lo = mid
        else:
            hi = mid - 1
    return new, text[:lo].rstrip() + "…"


def _wrap(words: list[str], font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    current = ""
    space = F.string_width(" ", font, size)
    cur_w = 0.0
    for word in words:
        ww = F.string_width(word, font, size)
        if ww > width:  # a word longer than the line: break it by characters
            if current:
                lines.append(current)
                current, cur_w = "", 0.0
            piece = ""
            for ch in word:
                if F.string_width(piece + ch, font, size) > width and piece:
                    lines.append(piece)
                    piece = ch
                else:
                    piece += ch
            current, cur_w = piece, F.string_width(piece, font, size)
            continue
        if not current:
            current, cur_w = word, ww
        elif cur_w + space + ww <= width:
            current += " " + word
            cur_w += space + ww
        else:
            lines.append(current)
            current, cur_w = word, ww
    if current:
        lines.append(current)
    return lines


def fit_lines(text: str, font: str, size: float, width_mm: float, max_lines: int,
              min_size: float | None = None) -> tuple[float, list[str]]:
    """Word-wrap into at most ``max_lines``, shrinking down to ``min_size``; the last line is cut
    with "…" if the text still does not fit."""
    if not text:
        return size, []
    width = width_mm * MM
    words = text.split(" ")
    floor = min_size if min_size is not None else size
    current = size
    while True:
        lines = _wrap(words, font, current, width)
        if len(lines) <= max_lines:
            return current, lines
        if current - 0.5 < floor:
            break
        current -= 0.5
    kept = lines[: max_lines - 1]
    rest = " ".join(lines[max_lines - 1 :])
    _, last = fit_line(rest, font, current, width_mm, current)
    return current, [*kept, last]


# --- drawing helpers ------------------------------------------------------------------------------

class _Pen:
    """Thin helpers over a reportlab canvas in millimetres from the top-left corner."""

    def __init__(self, c: rl_canvas.Canvas):
        self.c = c

    def text(self, x: float, top: float, text: str, font: str, size: float, align: str = "left") -> None:
        if not text:
            return
        c = self.c
        c.setFont(font, size)
        if align == "right":
            c.drawRightString(X(x), Y(top), text)
        elif align == "center":
            c.drawCentredString(X(x), Y(top), text)
        else:
            c.drawString(X(x), Y(top), text)

    def line_fit(self, x: float, top: float, width: float, text: str, font: str, size: float,
                 min_size: float | None = None, align: str = "left") -> None:
        if not text:
            return
        size, text = fit_line(text, font, size, width, min_size)
        self.text(x + width if align == "right" else x, top, text, font, size, align)

    def lines(self, x: float, top: float, width: float, text: str, font: str, size: float,
              max_lines: int, leading: float, min_size: float | None = None) -> float:
        """Wrapped text; returns the top of the line after the last one drawn."""
        used, lines = fit_lines(text, font, size, width, max_lines, min_size)
        step = leading * used / size  # a shrunk text keeps its proportions
        size = used
        for i, line in enumerate(lines):
            self.text(x, top + i * step, line, font, size)
        return top + len(lines) * step

    def label(self, x: float, top: float, text: str, size: float = 7.5, font: str = F.REGULAR,
              align: str = "left") -> None:
        self.text(x, top, text, font, size, align)

    def box(self, x0: float, top: float, x1: float, bottom: float, *, fill: float | None = None,
            stroke: bool = True, width: float = 0.8, radius: float = 0.0) -> None:
        c = self.c
        c.saveState()
        if fill is not None:
            c.setFillGray(fill)
        c.setLineWidth(width)
        args = (X(x0), Y(bottom), X(x1) - X(x0), Y(top) - Y(bottom))
        if radius:
            c.roundRect(*args, radius * MM, stroke=int(stroke), fill=int(fill is not None))
        else:
            c.rect(*args, stroke=int(stroke), fill=int(fill is not None))
        c.restoreState()

    def rule(self, x0: float, x1: float, top: float, gray: float = 0.6, width: float = 0.5) -> None:
        c = self.c
        c.saveState()
        c.setStrokeGray(gray)
        c.setLineWidth(width)
        c.line(X(x0), Y(top), X(x1), Y(top))
        c.restoreState()


def draw_pagopa_logo(c: rl_canvas.Canvas, x_mm: float, top_mm: float, w_mm: float, h_mm: float) -> None:
    """A pagoPA-style mark drawn here: a blue rounded tile with the word "pagoPA" in white."""
    c.saveState()
    c.setFillColorRGB(*PAGOPA_BLUE)
    c.roundRect(X(x_mm), Y(top_mm + h_mm), w_mm * MM, h_mm * MM, h_mm * MM * 0.22, stroke=0, fill=1)
    c.setFillGray(1)
    size, _ = fit_line("pagoPA", F.BOLD, h_mm * MM * 0.78, w_mm * 0.84)
    c.setFont(F.BOLD, size)
    c.drawCentredString(X(x_mm + w_mm / 2), Y(top_mm + h_mm) + h_mm * MM * 0.28, "pagoPA")
    c.restoreState()


def grayscale_logo(data: bytes | None) -> ImageReader | None:
    """The Ente logo in grayscale on white (the guide wants it monochrome), or None if unusable."""
    if not data:
        return None
    try:
        from PIL import Image

        with Image.open(io.BytesIO(data)) as im:
            im.load()
            if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
                rgba = im.convert("RGBA")
                white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
                white.alpha_composite(rgba)
                im2 = white.convert("L")
            else:
                im2 = im.convert("L")
        # Large photos only slow the PDF down: 600 px covers 30 mm at 500 dpi.
        if max(im2.size) > 600:
            im2.thumbnail((600, 600))
        return ImageReader(im2)
    except Exception as exc:  # noqa: BLE001 - a broken logo must not stop a print run
        log.warning("logo dell'Ente non leggibile, avviso stampato senza logo: %s", exc)
        return None


@contextmanager
def _binary_streams():
    """reportlab wraps streams in ASCII85 by default: 25% bigger and slower; PDFs are binary anyway."""
    old = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = old


# --- static texts (fixed texts of the guide, in our words where the guide leaves freedom) ---------

TITLE = "AVVISO DI PAGAMENTO"
HOW_MUCH = "QUANTO E QUANDO PAGARE?"
WHERE = "DOVE PAGARE?"
WHERE_LIST = "Lista dei canali di pagamento su www.pagopa.gov.it"
AMOUNT_NOTE = (
    "L'importo è aggiornato automaticamente dal sistema e potrebbe subire variazioni per eventuali "
    "sgravi, note di credito, indennità di mora, sanzioni o interessi. Un operatore, il sito o l'app "
    "che userai potrebbero quindi chiederti una cifra diversa da quella qui indicata."
)
ONLINE_TITLE = "PAGA SUL SITO O CON LE APP"
PHYSICAL_TITLE = "PAGA SUL TERRITORIO"
PHYSICAL_TEXT = (
    "in tutti gli Uffici Postali, in Banca, in Ricevitoria, dal Tabaccaio, al Bancomat, al Supermercato. "
    "Potrai pagare in contanti, con carte o conto corrente."
)
USE_PORTION = "Utilizza la porzione di avviso relativa alla rata e al canale di pagamento che preferisci."
PAY_DATA = "DATI PER IL PAGAMENTO"
SCAN_QR = "Inquadra il codice QR con la tua app di pagamento o usa i dati accanto."
POSTE_TITLE = "BOLLETTINO POSTALE PA"
POSTE_TEXT = (
    "Bollettino Postale pagabile in tutti gli Uffici Postali e sui canali fisici o digitali abilitati "
    "di Poste Italiane e dell'Ente Creditore"
)
NO_SINGLE = (
    "Il pagamento in un'unica soluzione non è più disponibile: paga le rate indicate nelle pagine "
    "seguenti, ciascuna entro la sua scadenza."
)
INSTALMENTS_CAPTION = "Paga ciascuna rata entro la sua scadenza, con il codice QR o con i dati della rata."


def online_text(ente: NoticeEnte) -> str:
    # fixed-choice texts <del_tuo_ente> and <di_poste> of the guide: shown only when they apply
    who = []
    if ente.web_payments:
        who.append("del tuo Ente Creditore")
    if ente.has_poste:
        who.append("di Poste Italiane")
    who.append("della tua Banca o degli altri canali di pagamento")
    return ", ".join(who) + ". Potrai pagare con carte, conto corrente, CBILL."


def option_title(option: PaymentOption, print_due: bool, single: bool) -> str:
    name = "Rata unica" if single else f"Rata {option.instalment_number}"
    if print_due and option.due_date:
        return f"{name} entro il {format_due_date(option.due_date)}"
    return name


def euro(cents: int) -> str:
    return f"{format_notice_amount(cents)} Euro"


def instalments_hint(notice: NoticeData) -> str:
    n = len(notice.instalments)
    if not n:
        return ""
    rates = "1 rata" if n == 1 else f"{n} rate"
    if notice.single is None:
        return f"Da pagare in {rates}: trovi i dati di ciascuna nelle pagine seguenti."
    return f"Puoi pagare in un'unica soluzione oppure in {rates} (vedi le pagine seguenti)."


# --- the writer -----------------------------------------------------------------------------------

_FORM_HEAD = (
    f"<< /Type /XObject /Subtype /Form /BBox [0 0 {PAGE_W:.4f} {PAGE_H:.4f}] /Filter /FlateDecode "
    "/Length %d >>\nstream\n"
).encode("ascii")


class _BarcodeForm(PDFObject):
    """A Form XObject whose content (the page's barcodes) arrives already compressed."""

    __RefOnly__ = 1

    def __init__(self, stream: bytes):
        self.stream = stream

    def format(self, document) -> bytes:
        return _FORM_HEAD % len(self.stream) + self.stream + b"\nendstream"


@dataclass(frozen=True)
class _Col:
    x0: float
    x1: float

    @property
    def w(self) -> float:
        return self.x1 - self.x0


def columns(k: int) -> list[_Col]:
    gap = 4.0
    slots = max(k, 2)  # a lone instalment uses a half-width column
    w = (RIGHT - LEFT - gap * (slots - 1)) / slots
    return [_Col(LEFT + i * (w + gap), LEFT + i * (w + gap) + w) for i in range(k)]


def form_name(key: tuple) -> str:
    """A static form's resource name, the same in every process for the same drawing (the pieces of
    a notice run laid out by worker processes share one copy of each form)."""
    name = _form_names.get(key)
    if name is None:
        h = hashlib.sha1()
        for part in key:
            if isinstance(part, NoticeEnte):
                for value in astuple(part):
                    h.update(value if isinstance(value, bytes) else repr(value).encode())
                    h.update(b"\x00")
            else:
                h.update(repr(part).encode())
            h.update(b"\x01")
        name = f"{key[0]}_{h.hexdigest()[:16]}"
        if len(_form_names) > 256:
            _form_names.clear()
        _form_names[key] = name
    return name


_form_names: dict[tuple, str] = {}


class NoticeWriter:
    """Writes notices into one complete reportlab PDF (the preview, the sample, the reference that the
    streamed output of notice_stream is tested against). ``barcodes=False`` draws empty boxes instead."""

    def __init__(self, target, *, barcodes: bool = True, title: str = "Avvisi di pagamento pagoPA"):
        F.register_fonts()
        self.barcodes = barcodes
        self.c = rl_canvas.Canvas(target, pagesize=A4, pageCompression=1, initialFontName=F.REGULAR)
        self.c.setTitle(title)
        self.c.setAuthor(APP_NAME)
        self.c.setCreator(APP_NAME)
        self.c.setSubject("Avviso di pagamento pagoPA")
        self.pen = _Pen(self.c)
        self.c.setPageCallBack(self._seal_page)
        self._forms: set[str] = set()
        self._logos: dict[str, ImageReader | None] = {}
        self._symbols = 0
        self.pages_written = 0
        self.notices = 0

    # -- public ------------------------------------------------------------------------------------
    @staticmethod
    def pages(notice: NoticeData) -> list[tuple[PaymentOption, ...] | None]:
        """The pages of a notice: None for page 1, then the instalment groups."""
        out: list[tuple[PaymentOption, ...] | None] = [None]
        done = 0
        for k in instalment_groups(len(notice.instalments)):
            out.append(tuple(notice.instalments[done : done + k]))
            done += k
        return out

    @staticmethod
    def slots(notice: NoticeData, group: tuple[PaymentOption, ...] | None) -> list[tuple[str, PaymentOption, float, float, float]]:
        """Where a page's barcodes go: (kind, option, x mm, top mm, size mm)."""
        out = []
        if group is None:
            if notice.single is not None:
                out.append((QR, notice.single, 14.0, 162.0, QR_SIZE_MM))
                if notice.poste:
                    out.append((DATAMATRIX, notice.single, 14.0, 230.0, DATAMATRIX_SIZE_MM))
            return out
        for col, option in zip(columns(len(group)), group, strict=True):
            out.append((QR, option, col.x0 + 4, 76.0, QR_SIZE_MM))
            if notice.poste:
                out.append((DATAMATRIX, option, col.x0 + 4, 157.0, DATAMATRIX_SIZE_MM))
        return out

    @classmethod
    def jobs(cls, notice: NoticeData) -> list[list[Placement]]:
        """The barcodes of each page with their payloads and positions, in the order :meth:`add`
        expects their encoded streams (see notice_barcodes.encode_pages)."""
        out = []
        for group in cls.pages(notice):
            page = []
            for kind, option, x, top, size in cls.slots(notice, group):
                payload = notice.qr_payload(option) if kind == QR else notice.datamatrix_payload(option)
                page.append((kind, payload, X(x), Y(top + size), size * MM))
            out.append(page)
        return out

    def add(self, notice: NoticeData, streams: Sequence[bytes] | None = None) -> int:
        """Draw one notice (page 1 and its instalment pages) with the barcode streams of its pages
        (None draws empty boxes when the writer was made with ``barcodes=False``); returns the pages."""
        pages = self.pages(notice)
        if self.barcodes and (streams is None or len(streams) != len(pages)):
            raise ValueError("barcode streams do not match the pages of the notice")
        with _binary_streams():
            for i, group in enumerate(pages):
                if group is None:
                    self._page_one(notice)
                else:
                    self._page_instalments(notice, group)
                self._barcodes(notice, group, streams[i] if self.barcodes else b"")
                self.c.showPage()
        self.pages_written += len(pages)
        self.notices += 1
        return len(pages)

    def save(self) -> None:
        with _binary_streams():
            self.c.save()

    def _seal_page(self, _number: int) -> None:
        """Compress the page just finished now rather than at save: reportlab would keep the text of
        every page until then."""
        page = self.c._doc.Pages.pages[-1]
        if page.stream and page.Contents is None:
            data = zlib.compress(pdfdocEnc(page.stream))
            page.Contents = PDFStream(PDFDictionary({"Filter": PDFName("FlateDecode")}), data, filters=[])
            page.stream = None

    # -- barcodes ----------------------------------------------------------------------------------
    def _barcodes(self, notice: NoticeData, group, stream: bytes) -> None:
        if not self.barcodes:
            for _kind, _option, x, top, size in self.slots(notice, group):
                self.pen.box(x, top, x + size, top + size, width=0.5)
            return
        if not stream:
            return
        self._symbols += 1
        name = f"bc{self._symbols}"
        c = self.c
        c._doc.addForm(name, _BarcodeForm(stream))
        c._code.append(f"/{xObjectName(name)} Do")
        c._formsinuse.append(name)

    # -- static forms --------------------------------------------------------------------------------
    def _form(self, key: tuple, draw) -> None:
        name = form_name(key)
        if name not in self._forms:
            self.c.beginForm(name)
            draw()
            self.c.endForm()
            self._forms.add(name)
        self.c.doForm(name)

    def draw_static(self, key: tuple) -> None:
        """Draw the static form ``key`` (as made by _page_one / _page_instalments)."""
        kind, ente, sector, arg = key
        if kind == "p1":
            self._static_page_one(ente, sector, arg)
        else:
            self._static_instalments(ente, sector, arg)

    def _logo(self, ente: NoticeEnte) -> ImageReader | None:
        key = ente.key or ente.fiscal_code
        if key not in self._logos:
            self._logos[key] = grayscale_logo(ente.logo)
        return self._logos[key]

    def _draw_header(self, ente: NoticeEnte, logo_mm: float) -> None:
        p = self.pen
        draw_pagopa_logo(self.c, LEFT, 10, 27, 10)
        p.text(40, 17.6, TITLE, F.BLACK, 15)
        logo = self._logo(ente)
        if logo is not None:
            self.c.drawImage(logo, X(RIGHT - logo_mm), Y(10 + logo_mm), logo_mm * MM, logo_mm * MM,
                             preserveAspectRatio=True, anchor="ne", mask=None)

    def _cf_line(self, col_x0: float, col_x1: float, top: float, label: str, cf: str = "") -> None:
        """The section label, then "Cod. Fiscale" right-aligned before the value (the Ente's, drawn
        here) or before a 16-character slot (the debtor's, drawn on each page)."""
        p = self.pen
        width = F.string_width(cf if cf else "M" * 16, F.MONO_BOLD, 8.5) / MM
        p.label(col_x1 - width - 1.5, top, "Cod. Fiscale", size=7.5, align="right")
        p.label(col_x0, top, label, size=8.5, font=F.BLACK)
        if cf:
            p.text(col_x1, top, cf, F.MONO_BOLD, 8.5, align="right")

    def _static_page_one(self, ente: NoticeEnte, sector: str, has_single: bool) -> None:
        p = self.pen
        c = self.c
        self._draw_header(ente, 28)
        p.rule(LEFT, RIGHT, 40)
        # Ente creditore
        self._cf_line(LEFT, 102, 46, "ENTE CREDITORE", clip(ente.fiscal_code, LIMITS["ente_cf"]).upper())
        top = p.lines(LEFT, 52, 92, clip(ente.name, LIMITS["ente_name"]), F.BOLD, 11, 2, 4.8, 8.5)
        if sector:
            p.line_fit(LEFT, top + 0.4, 92, clip(sector, LIMITS["ente_sector"]), F.SEMIBOLD, 9, 7)
            top += 4.6
        p.lines(LEFT, top + 0.4, 92, clip(ente.info, LIMITS["ente_info"]), F.REGULAR, 8, 3, 3.6, 6.5)
        self._cf_line(108, RIGHT, 46, "DESTINATARIO AVVISO")
        # Quanto e quando / Dove pagare
        p.box(LEFT, 78, RIGHT, 140, fill=BAND_GREY, stroke=False)
        p.text(14, 85, HOW_MUCH, F.BLACK, 10)
        p.lines(14, 117, 86, AMOUNT_NOTE, F.REGULAR, 7.5, 6, 3.3)
        p.text(108, 85, WHERE, F.BLACK, 10)
        p.text(108, 90, WHERE_LIST, F.REGULAR, 8)
        p.text(108, 97, ONLINE_TITLE, F.BOLD, 9)
        p.lines(108, 101.5, 88, online_text(ente), F.REGULAR, 8, 3, 3.6, 7)
        p.text(108, 115, PHYSICAL_TITLE, F.BOLD, 9)
        p.lines(108, 119.5, 88, PHYSICAL_TEXT, F.REGULAR, 8, 3, 3.6, 7)
        p.text(LEFT, 146, USE_PORTION, F.SEMIBOLD, 8.5)
        # Dati per il pagamento
        p.box(LEFT, 150, RIGHT, 208)
        p.text(14, 156, PAY_DATA, F.BLACK, 10)
        if not has_single:
            p.lines(14, 166, 180, NO_SINGLE, F.SEMIBOLD, 10, 3, 5)
            return
        p.lines(13.5, 192.5, 27, SCAN_QR, F.REGULAR, 6.5, 4, 2.7)
        p.label(46, 164, "Destinatario")
        p.label(46, 175, "Ente Creditore")
        p.line_fit(46, 179.5, 76, clip(ente.name, LIMITS["ente_name"]), F.BOLD, 9.5, 7)
        p.label(46, 186, "Oggetto del pagamento")
        p.label(128, 164, "Importo")
        cbill = clip(ente.cbill, LIMITS["cbill"]).upper()
        # An Ente without a CBILL code gets no "Cod. CBILL" line (issue 12). MyPay prints "-" there:
        # RegioneDelVeneto/mypay, mypay.sources/mypay4-be/.../mypay4/service/JasperService.java.
        if cbill:
            p.label(128, 177, "Cod. CBILL")
            p.text(128, 181.5, cbill, F.MONO_BOLD, 10)
        p.label(128, 187, "Cod. Avviso")
        p.label(128, 197, "Cod. Fiscale Ente Creditore")
        p.text(128, 201.5, ente.fiscal_code, F.MONO_BOLD, 10)
        if ente.has_poste:
            self._static_poste_wide(ente)
        c.setFillGray(0)

    def _static_poste_wide(self, ente: NoticeEnte) -> None:
        p = self.pen
        p.box(LEFT, 213, RIGHT, 287)
        p.text(14, 219, POSTE_TITLE, F.BLACK, 10)
        p.line_fit(14, 224, 182, POSTE_TEXT, F.REGULAR, 7.5, 6)
        p.label(46, 232, "sul C/C n.")
        p.text(46, 237, clip(ente.postal_account, LIMITS["postal_account"]), F.MONO_BOLD, 11)
        p.label(46, 243, "Intestato a")
        p.line_fit(46, 247.5, 76, clip(ente.postal_holder or ente.name, LIMITS["postal_holder"]), F.BOLD, 9.5, 7)
        p.label(46, 253, "Destinatario")
        p.label(46, 263, "Oggetto pagamento")
        p.label(128, 232, "Importo")
        p.label(128, 244, "Cod. Avviso")
        p.label(128, 255, "Tipo")
        p.text(128, 259.5, "P1", F.MONO_BOLD, 10)
        p.label(128, 265, "Cod. Fiscale Ente Creditore")
        p.text(128, 269.5, ente.fiscal_code, F.MONO_BOLD, 10)
        self.c.saveState()
        self.c.setFillGray(AUTH_GREY)
        p.lines(14, 279, 182, clip(ente.poste_authorization, LIMITS["poste_authorization"]), F.REGULAR, 7, 2, 3.2, 6)
        self.c.restoreState()

    # -- page 1 --------------------------------------------------------------------------------------
    def _page_one(self, notice: NoticeData) -> None:
        p = self.pen
        ente = notice.ente
        sector = notice_sector(notice)
        single = notice.single
        key = ("p1", ente, sector, single is not None)
        self._form(key, lambda: self.draw_static(key))
        subject = clip(notice.subject, LIMITS["subject"])
        debtor = notice.debtor
        p.lines(LEFT, 27, 150, subject, F.BOLD, 13, 2, 5.2, 9)
        # destinatario
        if debtor.fiscal_code:
            p.text(RIGHT, 46, debtor.fiscal_code, F.MONO_BOLD, 8.5, align="right")
        top = p.lines(108, 52, 92, clip(debtor.name, LIMITS["debtor_name"]), F.BOLD, 11, 2, 4.8, 8.5)
        p.lines(108, top + 0.4, 92, clip(debtor.address, LIMITS["debtor_address"]), F.REGULAR, 9, 2, 4.2, 7)
        # quanto e quando
        amount = single.amount_cents if single else notice.total_cents
        p.line_fit(14, 95, 86, euro(amount), F.MONO_BOLD, 20, 14)
        due = single.due_date if single else (notice.instalments[0].due_date if notice.instalments else None)
        if notice.print_due_date and due:
            prefix = "entro il " if single else "prima rata entro il "
            p.text(14, 102, prefix + format_due_date(due), F.BOLD, 11)
        hint = instalments_hint(notice)
        if hint:
            p.lines(14, 108, 86, hint, F.REGULAR, 9, 2, 3.9, 7.5)
        if single is not None:
            self._single_option(notice, single, subject)

    def _single_option(self, notice: NoticeData, single: PaymentOption, subject: str) -> None:
        p = self.pen
        debtor = notice.debtor
        title = option_title(single, notice.print_due_date, True)
        p.text(196, 156, title, F.BOLD, 10, align="right")
        name = clip(debtor.name, LIMITS["debtor_name"])
        p.line_fit(46, 168.5, 76, name, F.BOLD, 9.5, 7)
        p.lines(46, 190.5, 76, subject, F.BOLD, 9.5, 2, 4.2, 7)
        p.text(128, 170.5, euro(single.amount_cents), F.MONO_BOLD, 14)
        p.text(128, 192, single.grouped_code, F.MONO_BOLD, 11)
        if notice.poste:
            p.text(196, 219, title, F.BOLD, 10, align="right")
            p.line_fit(46, 257.5, 76, name, F.BOLD, 9.5, 7)
            p.lines(46, 267.5, 76, subject, F.BOLD, 9.5, 2, 4.2, 7)
            p.text(128, 238, euro(single.amount_cents), F.MONO_BOLD, 14)
            p.text(128, 249, single.grouped_code, F.MONO_BOLD, 11)

    # -- instalment pages ----------------------------------------------------------------------------
    def _static_instalments(self, ente: NoticeEnte, sector: str, k: int) -> None:
        p = self.pen
        self._draw_header(ente, 20)
        p.rule(LEFT, RIGHT, 32)
        p.label(LEFT, 37, "ENTE CREDITORE", size=8, font=F.BLACK)
        name = clip(ente.name, LIMITS["ente_name"])
        p.line_fit(LEFT, 41.5, 92, name + (f" – {sector}" if sector else ""), F.BOLD, 9, 7)
        p.label(LEFT, 45.5, "Cod. Fiscale")
        p.text(LEFT + 16, 45.5, ente.fiscal_code, F.MONO_BOLD, 8.5)
        p.label(108, 37, "DESTINATARIO AVVISO", size=8, font=F.BLACK)
        p.label(108, 45.5, "Cod. Fiscale")
        p.text(LEFT, 53, PAY_DATA, F.BLACK, 10)
        p.text(LEFT + 42, 53, INSTALMENTS_CAPTION, F.REGULAR, 8)
        cbill = clip(ente.cbill, LIMITS["cbill"]).upper()
        for col in columns(k):
            x = col.x0 + 4
            p.box(col.x0, 57, col.x1, 136)
            p.lines(col.x0 + 33, 80, col.w - 37, SCAN_QR.replace("accanto", "sotto"), F.REGULAR, 7, 5, 3)
            if cbill:
                p.label(x, 107, "Cod. CBILL")
                p.text(x, 111.5, cbill, F.MONO_BOLD, 10)
            p.label(x, 117, "Cod. Avviso")
            p.label(x, 127, "Cod. Fiscale Ente Creditore")
            p.text(x, 131.5, ente.fiscal_code, F.MONO_BOLD, 10)
            if ente.has_poste:
                w = col.w - 8
                p.box(col.x0, 141, col.x1, 287)
                p.text(x, 147.5, POSTE_TITLE, F.BLACK, 9.5)
                p.label(col.x0 + 33, 160, "Euro")
                p.label(col.x0 + 33, 172, "sul C/C n.")
                p.line_fit(col.x0 + 33, 176.5, col.w - 37, clip(ente.postal_account, LIMITS["postal_account"]),
                           F.MONO_BOLD, 9.5, 6)
                p.label(x, 189, "Intestato a")
                p.lines(x, 193.5, w, clip(ente.postal_holder or ente.name, LIMITS["postal_holder"]),
                        F.BOLD, 9, 2, 4, 7)
                p.label(x, 203, "Destinatario")
                p.label(x, 217, "Oggetto pagamento")
                p.label(x, 235, "Cod. Avviso")
                p.label(x, 245, "Tipo")
                p.text(x, 249.5, "P1", F.MONO_BOLD, 9.5)
                p.label(x, 255, "Cod. Fiscale Ente Creditore")
                p.text(x, 259.5, ente.fiscal_code, F.MONO_BOLD, 9.5)
                p.lines(x, 265, w, POSTE_TEXT, F.REGULAR, 6.5, 3, 2.6, 5.5)
                self.c.saveState()
                self.c.setFillGray(AUTH_GREY)
                p.lines(x, 277, w, clip(ente.poste_authorization, LIMITS["poste_authorization"]),
                        F.REGULAR, 6.5, 3, 2.6, 5.5)
                self.c.restoreState()

    def _page_instalments(self, notice: NoticeData, group: Sequence[PaymentOption]) -> None:
        p = self.pen
        ente = notice.ente
        k = len(group)
        sector = notice_sector(notice)
        key = ("inst", ente, sector, k)
        self._form(key, lambda: self.draw_static(key))
        subject = clip(notice.subject, LIMITS["subject"])
        p.line_fit(LEFT, 25.5, 165, subject, F.BOLD, 11, 8.5)
        debtor = notice.debtor
        name = clip(debtor.name, LIMITS["debtor_name"])
        p.line_fit(108, 41.5, 92, name, F.BOLD, 9, 7)
        if debtor.fiscal_code:
            p.text(124, 45.5, debtor.fiscal_code, F.MONO_BOLD, 8.5)
        for col, option in zip(columns(k), group, strict=True):
            x = col.x0 + 4
            w = col.w - 8
            p.text(x, 64, f"Rata {option.instalment_number}", F.BLACK, 12)
            if notice.print_due_date and option.due_date:
                p.text(col.x1 - 4, 64, "entro il " + format_due_date(option.due_date), F.BOLD, 9.5, align="right")
            p.line_fit(x, 71.5, w, euro(option.amount_cents), F.MONO_BOLD, 14, 9)
            p.line_fit(x, 121.5, w, option.grouped_code, F.MONO_BOLD, 10, 7)
            if notice.poste:
                p.line_fit(x, 152.5, w, option_title(option, notice.print_due_date, False), F.BOLD, 9, 7)
                p.line_fit(col.x0 + 33, 165.5, col.w - 37, format_notice_amount(option.amount_cents),
                           F.MONO_BOLD, 12, 7)
                p.lines(x, 207.5, w, name, F.BOLD, 9, 2, 4, 7)
                p.lines(x, 221.5, w, subject, F.BOLD, 9, 3, 4, 7)
                p.line_fit(x, 239.5, w, option.grouped_code, F.MONO_BOLD, 10, 7)


def notice_sector(notice: NoticeData) -> str:
    return clip(notice.ente.sector, LIMITS["ente_sector"])
