"""A list of debts as a styled xlsx (openpyxl, write-only so big lists stay in bounded memory).

Text cells follow :mod:`mypay_desk.formats.safe_cells`: never a formula, quote-prefixed when they start
like one (the value itself is unchanged, so the file imports back). Amounts are numbers with two
decimals, dates are date cells.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from datetime import date

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from mypay_desk.domain.debt_states import state_label
from mypay_desk.domain.debts import DebtRow
from mypay_desk.formats.safe_cells import protect

# (header, width, getter, kind) ; kind: text | amount | date | int
COLUMNS: list[tuple[str, int, object, str]] = [
    ("IUD", 22, lambda r: r.iud, "text"),
    ("Rata", 6, lambda r: r.instalment_number, "int"),
    ("IUV", 20, lambda r: r.iuv, "text"),
    ("Numero avviso", 21, lambda r: r.notice_number, "text"),
    ("Tipo soggetto", 8, lambda r: r.debtor_type, "text"),
    ("Codice fiscale / P.IVA", 20, lambda r: r.debtor_code, "text"),
    ("Debitore", 30, lambda r: r.debtor_name, "text"),
    ("Indirizzo", 28, lambda r: r.address, "text"),
    ("Civico", 8, lambda r: r.civic, "text"),
    ("CAP", 7, lambda r: r.postal_code, "text"),
    ("Località", 18, lambda r: r.city, "text"),
    ("Provincia", 6, lambda r: r.province, "text"),
    ("Nazione", 6, lambda r: r.country, "text"),
    ("E-mail", 26, lambda r: r.email, "text"),
    ("Scadenza", 11, lambda r: r.due_date, "date"),
    ("Importo", 12, lambda r: r.amount_cents, "amount"),
    ("Tipo dovuto", 14, lambda r: r.debt_type, "text"),
    ("Causale", 40, lambda r: r.causale, "text"),
    ("Dati specifici di riscossione", 18, lambda r: r.collection_data, "text"),
    ("Stato", 16, lambda r: state_label(r.state), "text"),
    ("Da inviare", 12, None, "text"),  # filled from the pending action
    ("Pagato", 12, lambda r: r.paid_amount_cents or None, "amount"),
    ("Errori", 60, lambda r: "; ".join(f"{e.field}: {e.message}" for e in r.errors), "text"),
]


def write_debts_xlsx(path: str | os.PathLike, rows: Iterable[DebtRow], *, title: str = "",
                     action_labels: Mapping[str, str] | None = None) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Dovuti")
    for i, (_h, width, _g, _k) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A3" if title else "A2"
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="1F4E79")
    wrap = Alignment(vertical="top", wrap_text=True)
    if title:
        c = WriteOnlyCell(ws, value=title)
        protect(c)
        c.font = Font(bold=True, size=13)
        ws.append([c])
    header = []
    for h, _w, _g, _k in COLUMNS:
        c = WriteOnlyCell(ws, value=h)
        c.font = header_font
        c.fill = header_fill
        c.alignment = Alignment(vertical="center", wrap_text=True)
        header.append(c)
    ws.append(header)
    invalid_fill = PatternFill("solid", fgColor="FDE9E7")
    labels = action_labels or {}
    n = 0
    for r in rows:
        line = []
        for h, _w, getter, kind in COLUMNS:
            value = labels.get(r.pending or "", "") if getter is None else getter(r)
            if kind == "amount":
                cell = WriteOnlyCell(ws, value=None if value is None else value / 100)
                cell.number_format = "#,##0.00"
            elif kind == "date":
                cell = WriteOnlyCell(ws, value=value if isinstance(value, date) else None)
                cell.number_format = "DD/MM/YYYY"
            elif kind == "int":
                cell = WriteOnlyCell(ws, value=value)
            else:
                cell = WriteOnlyCell(ws, value=str(value or ""))
                protect(cell)
                if h in ("Errori", "Causale"):
                    cell.alignment = wrap
            if not r.is_valid and h == "Errori":
                cell.fill = invalid_fill
            line.append(cell)
        ws.append(line)
        n += 1
    first = 3 if title else 2
    ws.auto_filter.ref = f"A{first - 1}:{get_column_letter(len(COLUMNS))}{first - 1 + n}"
    wb.save(os.fspath(path))
