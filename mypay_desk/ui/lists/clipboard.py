"""Copy and paste as Excel does: tab-separated rows, CRLF line ends, quotes only where needed.

A cell whose text a spreadsheet would read as a formula (a payer named ``=HYPERLINK(...)``) is copied with
a leading apostrophe, Excel's mark for text, as the exports do (domain/formulas.py); pasted back here the
apostrophe is taken off again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable

from mypay_desk.domain.formulas import starts_formula


def to_tsv(grid: list[list[str]]) -> str:
    """Rows of cells as Excel puts them on the clipboard (a cell with a tab, newline or quote is quoted)."""
    out = []
    for row in grid:
        cells = []
        for cell in row:
            text = "" if cell is None else str(cell)
            if starts_formula(text):
                text = "'" + text
            if any(ch in text for ch in ('\t', '\n', '\r', '"')):
                text = '"' + text.replace('"', '""') + '"'
            cells.append(text)
        out.append("\t".join(cells))
    return "\r\n".join(out) + "\r\n"


def parse_tsv(text: str) -> list[list[str]]:
    """Cells from clipboard text copied from Excel, LibreOffice or this table.

    The trailing line end Excel adds is not an extra row; quoted cells may hold tabs and newlines.
    A clipboard holding just one line without tabs is one cell.
    """
    if not text:
        return []
    if text.endswith("\r\n"):
        text = text[:-2]
    elif text.endswith("\n") or text.endswith("\r"):
        text = text[:-1]
    if '"' not in text:  # the common case, and much faster than csv for 10,000 rows
        rows = [line.split("\t") for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    else:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t", quotechar='"')
        rows = [row if row else [""] for row in reader]
    if "'" in text:
        rows = [[_unmarked(cell) for cell in row] for row in rows]
    return rows


def _unmarked(cell: str) -> str:
    """The text behind Excel's apostrophe mark, when the mark was put there to keep a formula text."""
    if cell.startswith("'") and starts_formula(cell[1:]):
        return cell[1:]
    return cell


MAX_COPY_CELLS = 2_000_000


def selection_grid(ranges: Iterable[tuple[int, int, int, int]],
                   text_of: Callable[[int, int], str]) -> tuple[list[list[str]], int, int]:
    """The bounding rectangle of the selected ranges ``(top, left, bottom, right)`` as text.

    Cells inside the rectangle but outside every range stay empty. Works on ranges, not on
    QModelIndex lists, so selecting a whole million-row column does not build millions of objects.
    Returns (grid, first row, first column).
    """
    ranges = list(ranges)
    if not ranges:
        return [], 0, 0
    top = min(r[0] for r in ranges)
    left = min(r[1] for r in ranges)
    bottom = max(r[2] for r in ranges)
    right = max(r[3] for r in ranges)
    height, width = bottom - top + 1, right - left + 1
    if height * width > MAX_COPY_CELLS:
        raise ValueError(f"{height * width} celle")
    grid = [[""] * width for _ in range(height)]
    for (t, lf, b, rt) in ranges:
        for row in range(t, b + 1):
            line = grid[row - top]
            for col in range(lf, rt + 1):
                value = text_of(row, col)
                line[col - left] = "" if value is None else str(value)
    return grid, top, left
