"""Counts as Italian text ("1.354"): numbers keep the Italian format whatever the language (ui/i18n.py).

Qt's Italian locale writes 4-digit numbers without a separator (CLDR's minimum grouping), so %Ln in a
translated text would give "1354 ricevute"; offices write "1.354". :class:`CountsTranslator` puts the
grouped count into every plural text before Qt's own %n substitution.
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator


def format_count(n: int) -> str:
    """1354 -> "1.354", -12000 -> "-12.000"."""
    return f"{int(n):,}".replace(",", ".")


class CountsTranslator(QTranslator):
    """Installed after the catalogues, so Qt asks it first: for a text with a count it asks the other
    catalogues for the right plural form and writes the count in it, grouped."""

    def __init__(self, catalogues: list[QTranslator], parent=None):
        super().__init__(parent)
        self.catalogues = catalogues

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        if n < 0 or "%" not in source:
            return None  # a null string: Qt asks the next catalogue (an empty one would be the translation)
        text = ""
        for tr in reversed(self.catalogues):
            text = tr.translate(context, source, disambiguation, n)
            if text:
                break
        text = text or source
        count = format_count(n)
        return text.replace("%Ln", count).replace("%n", count)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False
