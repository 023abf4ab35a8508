"""The notice fonts (Titillium Web, Roboto Mono), registered once per process with reportlab.

reportlab embeds only the glyphs a document uses (subsets), once per document.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from mypay_desk.paths import resource
from mypay_desk.services.errors import UserError

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

_lock = threading.Lock()
_registered = False


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
                raise UserError(f"Font mancante per gli avvisi: {path}. Reinstallare l'applicazione.")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        _registered = True


def string_width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)
