"""The notice fonts (Titillium Web, Roboto Mono), registered once per process with reportlab.

reportlab embeds only the glyphs a document uses (subsets), once per document. Notices printed in
pieces (worker processes lay out chunks of pages that are joined into one file, see notice_stream)
need more: every piece must encode text the same way, so that one copy of the fonts serves all the
pages. :meth:`NoticeFont.seed` gives a document a fixed encoding (every character of the font gets a
code in a fixed order, the fonts get fixed resource names F1..F6), the font records which characters
a document really drew, and :meth:`NoticeFont.keep_only` makes the embedded subsets carry only the
glyphs of those characters, so a seeded file is no bigger than a plain one.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from weakref import WeakKeyDictionary

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from mypay_desk.paths import resource

REGULAR = "Notice-TitilliumWeb-Regular"
SEMIBOLD = "Notice-TitilliumWeb-SemiBold"
BOLD = "Notice-TitilliumWeb-Bold"
BLACK = "Notice-TitilliumWeb-Black"
MONO = "Notice-RobotoMono-Regular"
MONO_BOLD = "Notice-RobotoMono-Bold"

_FILES = {
    REGULAR: "TitilliumWeb-Regular.ttf",
    SEMIBOLD: "TitilliumWeb-SemiBold.ttf",
    BOLD: "TitilliumWeb-Bold.ttf",
    BLACK: "TitilliumWeb-Black.ttf",
    MONO: "RobotoMono-Regular.ttf",
    MONO_BOLD: "RobotoMono-Bold.ttf",
}
ORDER = tuple(_FILES)  # the seeded resource names follow this order: F1 = REGULAR ... F6 = MONO_BOLD
# Printable ASCII and the letters and signs of Italian names and texts.
COMMON_CHARS_ORDER = "".join(chr(c) for c in range(32, 127)) + "àèéìíòóùúÀÈÉÌÍÒÓÙÚ’‘“”–—…€°«»·"
COMMON_CHARS = frozenset(COMMON_CHARS_ORDER)

_lock = threading.Lock()
_registered = False


class NoticeFont(TTFont):
    """A TrueType font that can give documents a fixed encoding and tell which characters they drew."""

    def __init__(self, name: str, filename: str):
        super().__init__(name, filename, asciiReadable=True)
        self._used: WeakKeyDictionary = WeakKeyDictionary()  # seeded document -> characters drawn
        # Codes in the first subset (256 of them) are the cheapest: a subset is a font program of its
        # own. So the characters notices use most come first, then all others in code-point order.
        # U+00A0 is drawn as a space by reportlab and never gets a code of its own.
        have = self.face.charToGlyph
        first = [c for c in COMMON_CHARS_ORDER if ord(c) in have]
        rest = (chr(c) for c in sorted(have) if c != 0xA0 and chr(c) not in COMMON_CHARS)
        self._all_chars = "".join(first) + "".join(rest)
        self._first_chars: frozenset[str] = frozenset()  # characters of the first seeded subset
        self._first_table: dict[int, int] = {}  # and their codes

    def seed(self, doc) -> None:
        """Assign every character of the font its code now, in code-point order: the same codes in
        every document seeded this way, whatever text each one draws."""
        super().splitString(self._all_chars, doc)
        self.getSubsetInternalName(0, doc)  # fixes the resource name (F1...) in call order
        self._used[doc] = set()
        if not self._first_table:  # the same in every seeded document
            table = {code: n for code, n in self.state[doc].assignments.items() if n < 256}
            table[0xA0] = table[32]  # reportlab draws U+00A0 as a space
            self._first_chars = frozenset(map(chr, table))
            self._first_table = table

    def splitString(self, text, doc, encoding="utf-8"):
        used = self._used.get(doc)
        if used is not None:
            used.update(text)
            # seeded: text of the first subset only (nearly all) is encoded by a table lookup
            if self._first_chars.issuperset(text):
                return [(0, text.translate(self._first_table).encode("latin-1"))] if text else []
        return super().splitString(text, doc, encoding)

    def used(self, doc) -> set[str]:
        return set(self._used.get(doc, ()))

    def forget_used(self, doc) -> None:
        if doc in self._used:
            self._used[doc] = set()

    def keep_only(self, doc, chars: Iterable[str]) -> None:
        """Before saving a seeded document: embed the glyphs of ``chars`` only. The other codes keep
        their place but point at the empty glyph, so the encoding stays the seeded one."""
        keep = {ord(c) for c in chars} | {32}
        subsets = self.state[doc].subsets
        for subset in subsets:
            for i, code in enumerate(subset):
                if code not in keep:
                    subset[i] = 0
        # a subset none of whose characters was drawn is never named by a page: embed it empty
        # (a trailing one not at all) rather than as a font program of blank glyphs
        for n in range(len(subsets) - 1, 0, -1):
            if any(code not in (0, 32) for code in subsets[n]):
                break
            del subsets[n]
        for n, subset in enumerate(subsets):
            if n and all(code in (0, 32) for code in subset):
                subset[:] = [0]
            while len(subset) > 1 and subset[-1] == 0:  # codes past the last one drawn: not needed
                subset.pop()


def register_fonts() -> None:
    """Register the notice fonts (idempotent, thread-safe)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            path = resource("fonts", filename)
            if not path.is_file():
                # imported here: services.errors brings SQLAlchemy, which worker processes never need
                from mypay_desk.services.errors import UserError

                raise UserError(f"Font mancante per gli avvisi: {path}. Reinstallare l'applicazione.")
            pdfmetrics.registerFont(NoticeFont(name, str(path)))
        _registered = True


def font(name: str) -> NoticeFont:
    return pdfmetrics.getFont(name)


def seed_document(doc) -> None:
    """Fixed encoding and resource names for all the notice fonts in ``doc`` (see NoticeFont.seed)."""
    register_fonts()
    for name in ORDER:
        font(name).seed(doc)


def used_chars(doc) -> dict[str, set[str]]:
    return {name: font(name).used(doc) for name in ORDER}


def forget_used(doc) -> None:
    for name in ORDER:
        font(name).forget_used(doc)


def keep_only(doc, chars: dict[str, Iterable[str]]) -> None:
    for name in ORDER:
        font(name).keep_only(doc, set(chars.get(name, ())) | font(name).used(doc))


def string_width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)
