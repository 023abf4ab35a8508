"""Notices written as a stream: one PDF of any size in bounded memory, from pages laid out in pieces.

reportlab builds a whole document in memory before it writes it (about 2 GB for 100,000 notices), and
joining finished PDFs with qpdf also holds every page object until the end. Here:

- :class:`PageCapture` lays out notices exactly as :class:`NoticeWriter` does, with the fonts seeded
  (notice_fonts) so every piece encodes text alike, and keeps only each page's compressed content
  stream. It can run in worker processes: the pieces share nothing but names.
- :class:`PdfStream` writes those pages to the output file one by one, each as a page object with its
  content stream and its barcodes (a second content stream of inline image masks, see
  notice_barcodes), all pointing at one shared resources dictionary. Only the object offsets stay in
  memory (8 bytes an object).
- The shared resources (the fonts, cut to the characters the pages drew, and the static forms of the
  notices, with the Ente's logo) are drawn once by reportlab in a small document of their own
  (:func:`resources_pdf`) and copied into the output with pikepdf (:func:`copy_resources`).
"""

from __future__ import annotations

import hashlib
import io
import time
import zlib
from array import array
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import BinaryIO

from reportlab.pdfbase.pdfdoc import pdfdocEnc

from mypay_desk.domain.notice import NoticeData
from mypay_desk.services import notice_fonts as F
from mypay_desk.services.notice_layout import APP_NAME, PAGE_H, PAGE_W, NoticeWriter, form_name

CONTENT_LEVEL = 6  # zlib level of the page text: 7% smaller than level 1 for about 1 µs more a page


# --- layout ---------------------------------------------------------------------------------------

class PageCapture(NoticeWriter):
    """Lays out notices and keeps each page's content stream (Flate-compressed) instead of a document.

    Static forms are named, not drawn: ``forms`` maps the names the pages use to the keys that draw
    them (:func:`resources_pdf` draws them once). Barcodes are not drawn here: they travel as the
    page's second content stream. ``barcodes=False`` draws empty boxes instead (cost measurements).
    """

    def __init__(self, *, barcodes: bool = True):
        super().__init__(io.BytesIO(), barcodes=barcodes)
        F.seed_document(self.c._doc)
        self.forms: dict[str, tuple] = {}
        self._contents: list[bytes] = []

    def lay_out(self, notice: NoticeData) -> list[bytes]:
        """The content streams of the notice's pages."""
        self._contents = []
        n = len(self.pages(notice))
        self.add(notice, [b""] * n if self.barcodes else None)
        return self._contents

    def used_chars(self) -> dict[str, set[str]]:
        return F.used_chars(self.c._doc)

    def forget_used_chars(self) -> None:
        F.forget_used(self.c._doc)

    def _seal_page(self, _number: int) -> None:
        page = self.c._doc.Pages.pages.pop()  # the document keeps nothing of the page
        self._contents.append(zlib.compress(pdfdocEnc(page.stream), CONTENT_LEVEL))
        page.stream = None

    def _barcodes(self, notice, group, stream: bytes) -> None:
        if not self.barcodes:
            super()._barcodes(notice, group, stream)

    def _form(self, key: tuple, draw) -> None:
        name = form_name(key)
        self.forms.setdefault(name, key)
        self.c.doForm(name)


def resources_pdf(forms: dict[str, tuple], chars: dict[str, Iterable[str]]) -> bytes:
    """A one-page reportlab PDF whose page resources are what streamed pages need: the seeded fonts
    with the glyphs of ``chars`` (and of the forms), and the static forms ``forms`` (name -> key)."""
    buf = io.BytesIO()
    w = NoticeWriter(buf)
    F.seed_document(w.c._doc)
    for _name, key in sorted(forms.items()):
        w._form(key, lambda key=key: w.draw_static(key))
    F.keep_only(w.c._doc, chars)
    w.c.showPage()
    w.save()
    return buf.getvalue()


# --- copying the resources with pikepdf --------------------------------------------------------------

def copy_resources(pdf_data: bytes, first: int) -> tuple[bytes, list[bytes]]:
    """The first page's resources dictionary of ``pdf_data`` and the objects it reaches, serialized
    for another file whose next free object number is ``first``: (dictionary, [object bodies in
    number order from ``first``])."""
    import pikepdf

    numbers: dict[tuple[int, int], int] = {}
    pending: list = []

    def ref(obj) -> bytes:
        key = obj.objgen
        n = numbers.get(key)
        if n is None:
            n = numbers[key] = first + len(numbers)
            pending.append(obj)
        return b"%d 0 R" % n

    def value(obj, top: bool = False) -> bytes:
        if isinstance(obj, bool):
            return b"true" if obj else b"false"
        if isinstance(obj, int):
            return b"%d" % obj
        if isinstance(obj, Decimal | float):
            return _number(obj)
        if not top and obj.is_indirect:
            return ref(obj)
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            return dictionary(obj.items())
        if isinstance(obj, pikepdf.Array):
            return b"[" + b" ".join(value(v) for v in obj) + b"]"
        return obj.unparse()

    def dictionary(items, extra: bytes = b"") -> bytes:
        body = b" ".join(pikepdf.Name(k).unparse() + b" " + value(v) for k, v in items)
        return b"<<" + body + extra + b">>"

    with pikepdf.open(io.BytesIO(pdf_data)) as pdf:
        resources = value(pdf.pages[0].obj.Resources, top=True)
        bodies: list[bytes] = []
        while len(bodies) < len(pending):
            obj = pending[len(bodies)]
            if isinstance(obj, pikepdf.Stream):
                raw = obj.read_raw_bytes()
                head = dictionary(((k, v) for k, v in obj.stream_dict.items() if k != "/Length"),
                                  b" /Length %d" % len(raw))
                bodies.append(head + b"\nstream\n" + raw + b"\nendstream")
            else:
                bodies.append(value(obj, top=True))
    return resources, bodies


def _number(x) -> bytes:
    text = f"{x:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.encode("ascii") or b"0"


# --- the file -------------------------------------------------------------------------------------

class PdfStream:
    """A PDF written object by object: pages as they come, the shared resources once, then the page
    tree, the cross-reference table and the trailer at :meth:`close`."""

    CATALOG, PAGES, INFO, RESOURCES = 1, 2, 3, 4
    NODE_SIZE = 128  # pages per node of the page tree

    def __init__(self, out: BinaryIO, *, title: str, subject: str = "Avviso di pagamento pagoPA"):
        self.out = out
        self.pos = 0
        self.offsets = array("Q", [0] * 5)  # by object number; 0 = not written yet
        self.nodes: list[tuple[int, array]] = []
        self.pages = 0
        self.title = title
        self.subject = subject
        self._write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")

    @property
    def next_number(self) -> int:
        return len(self.offsets)

    def _write(self, data: bytes) -> None:
        self.out.write(data)
        self.pos += len(data)

    def _new(self) -> int:
        self.offsets.append(0)
        return len(self.offsets) - 1

    def _object(self, number: int, body: bytes) -> None:
        self.offsets[number] = self.pos
        self._write(b"%d 0 obj\n%s\nendobj\n" % (number, body))

    def add_page(self, contents: Sequence[bytes]) -> None:
        """One page from its Flate-compressed content streams (empty ones left out), drawn in order."""
        refs = []
        for data in contents:
            if data:
                n = self._new()
                self._object(n, b"<< /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream" % (len(data), data))
                refs.append(b"%d 0 R" % n)
        if not self.nodes or len(self.nodes[-1][1]) == self.NODE_SIZE:
            self.nodes.append((self._new(), array("Q")))
        node, kids = self.nodes[-1]
        page = self._new()
        self._object(page, b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %s %s] /Resources %d 0 R "
                           b"/Contents [%s] >>" % (node, _MEDIA_W, _MEDIA_H, self.RESOURCES, b" ".join(refs)))
        kids.append(page)
        self.pages += 1

    def add_resources(self, resources: bytes, bodies: Sequence[bytes], first: int) -> None:
        """The shared resources, as :func:`copy_resources` serialized them for ``first``."""
        if first != self.next_number:
            raise ValueError(f"resources numbered from {first}, next free object is {self.next_number}")
        for body in bodies:
            self._object(self._new(), body)
        self._object(self.RESOURCES, resources)

    def close(self) -> None:
        if not self.offsets[self.RESOURCES]:
            raise ValueError("the shared resources were never written")
        for node, kids in self.nodes:
            self._object(node, b"<< /Type /Pages /Parent %d 0 R /Count %d /Kids [%s] >>" % (
                self.PAGES, len(kids), b" ".join(b"%d 0 R" % k for k in kids)))
        self._object(self.PAGES, b"<< /Type /Pages /Count %d /Kids [%s] >>" % (
            self.pages, b" ".join(b"%d 0 R" % n for n, _ in self.nodes)))
        self._object(self.CATALOG, b"<< /Type /Catalog /Pages %d 0 R >>" % self.PAGES)
        now = time.strftime("D:%Y%m%d%H%M%S+00'00'", time.gmtime())
        self._object(self.INFO, b"<< /Title %s /Author %s /Creator %s /Producer %s /Subject %s /CreationDate %s >>" % (
            _text(self.title), _text(APP_NAME), _text(APP_NAME), _text(APP_NAME), _text(self.subject), _text(now)))
        xref = self.pos
        size = len(self.offsets)
        self._write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
        for start in range(1, size, 8192):
            self._write(b"".join(b"%010d 00000 n \n" % off for off in self.offsets[start:start + 8192]))
        doc_id = hashlib.md5(b"%s %d %d" % (self.title.encode(), self.pos, time.time_ns())).hexdigest().encode()
        self._write(b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n" % (
            size, self.CATALOG, self.INFO, doc_id, doc_id, xref))


_MEDIA_W = _number(Decimal(f"{PAGE_W:.4f}"))
_MEDIA_H = _number(Decimal(f"{PAGE_H:.4f}"))


def _text(s: str) -> bytes:
    """A PDF text string: UTF-16BE with BOM, hex-encoded (any character, no escaping to get wrong)."""
    return b"<feff" + s.encode("utf-16-be").hex().encode("ascii") + b">"
