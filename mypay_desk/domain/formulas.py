"""When a spreadsheet application would read a text as a formula (OWASP "CSV injection").

Excel and LibreOffice read a cell whose text starts with ``=``, ``+``, ``-`` or ``@`` as a formula; a leading
tab, carriage return or line feed, or spaces (which they trim), can hide that first character. Plain numbers
written as text ("-12.50", "+3") are not formulas. Used by every export (formats/safe_cells.py) and by the
table's copy to the clipboard (ui/lists/clipboard.py).
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
_NUMBER_RE = re.compile(r"[-+]?\d+(?:[.,]\d+)?")


def starts_formula(text: str) -> bool:
    """Whether a spreadsheet application could read ``text`` as a formula."""
    if not text:
        return False
    head = text.lstrip(" \u00a0")
    return head.startswith(FORMULA_STARTS) and _NUMBER_RE.fullmatch(head) is None
