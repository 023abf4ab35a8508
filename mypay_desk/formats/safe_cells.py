"""The one rule every spreadsheet-bound export follows: no cell can start a formula.

Excel and LibreOffice read a cell whose text starts with ``=``, ``+``, ``-`` or ``@`` as a formula
(in a CSV when the file is opened, in an xlsx as soon as someone edits the cell), and a leading tab,
carriage return or line feed, or spaces (which they trim), can hide that first character. A payer's
name such as ``=HYPERLINK("http://...")`` would then run on the office PC (OWASP "CSV injection").

- xlsx: such a text is written as a string cell with Excel's "quote prefix" style (the apostrophe
  Excel shows in the formula bar and does not store), so the value reads back unchanged and stays
  text when edited. Characters XML cannot hold (control characters) are dropped: openpyxl would
  refuse the whole file.
- CSV: there is no style, so such a text gets a leading apostrophe, which both applications hide.

Plain numbers written as text ("-12.50", "+3") are not formulas and are left as they are.
"""

from __future__ import annotations

import re
from typing import Any

from mypay_desk.domain.formulas import starts_formula

# What XML 1.0 cannot carry (openpyxl raises IllegalCharacterError on them).
_ILLEGAL_XML_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def csv_text(value: Any) -> Any:
    """A CSV field: text that could start a formula gets a leading apostrophe; other values unchanged."""
    if isinstance(value, str) and starts_formula(value):
        return "'" + value
    return value


def xlsx_value(ws, value: Any) -> Any:
    """A value for an openpyxl (write-only) row: text that could start a formula becomes a string cell
    with the quote prefix; illegal characters are dropped; other values are returned as they are."""
    if not isinstance(value, str):
        return value
    if _ILLEGAL_XML_RE.search(value):
        value = _ILLEGAL_XML_RE.sub("", value)
    if not starts_formula(value):
        return value
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=value)
    protect(cell)
    return cell


def protect(cell) -> None:
    """Make an openpyxl cell holding text safe: a string (never a formula), quote-prefixed when needed."""
    value = cell.value
    if isinstance(value, str):
        if _ILLEGAL_XML_RE.search(value):
            value = _ILLEGAL_XML_RE.sub("", value)
            cell.value = value
        cell.data_type = "s"
        if starts_formula(value):
            cell.quotePrefix = True


def xlsx_row(ws, values) -> list:
    """A whole row through :func:`xlsx_value` (cells already built are protected too)."""
    out = []
    for v in values:
        if isinstance(v, str):
            out.append(xlsx_value(ws, v))
        else:
            if hasattr(v, "data_type") and isinstance(getattr(v, "value", None), str):
                protect(v)
            out.append(v)
    return out
