"""Queries behind the Pagamenti page and ``receipts list``: filters, totals, collections, details, xlsx."""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path
from typing import Any

from mypay_desk.domain.debt_states import state_label
from mypay_desk.domain.money import format_amount
from mypay_desk.formats import receipt_export as rx
from mypay_desk.formats.receipt_xml import ReceiptXmlError, decode_receipt_xml
from mypay_desk.formats.safe_cells import xlsx_row
from mypay_desk.formats.xmlsafe import XmlError
from mypay_desk.services.errors import NotFoundError, UserError
from mypay_desk.services.progress import NEVER_CANCELLED, CancelToken, ProgressCallback, no_progress
from mypay_desk.services.receipts.receipt_rows import (
    COMPACT,
    FROM_ROW,
)
from mypay_desk.services.receipts.views import (
    CollectionPoint,
    ReceiptDetail,
    ReceiptFilters,
    ReceiptQuery,
    ReceiptServiceBase,
    ReceiptTotals,
    ReceiptView,
)
from mypay_desk.store.repositories import receipts as repo


class ReceiptQueries(ReceiptServiceBase):
    """Reading receipts: ids and totals for filters, rows, collections, detail, xlsx export."""

    # --- queries ---------------------------------------------------------------------------------
    def _where(self, s, ente_id: int, f: ReceiptFilters):
        return repo.conditions(s, ente_id, date_from=f.date_from, date_to=f.date_to, debt_types=f.debt_types,
                               text=f.text, matched=f.matched)

    def query(self, filters: ReceiptFilters | None = None, *, ente_id: int | None = None) -> ReceiptQuery:
        """Ids of the receipts matching the filters (in display order) and their totals."""
        f = filters or ReceiptFilters()
        ente = self._ente(ente_id)
        with self.ws.db.session() as s:
            where = self._where(s, ente.id, f)
            ids = repo.ids(s, where, f.sort, f.descending)
            totals = self._totals(s, ente.id, where, f)
        return ReceiptQuery(ids=ids, totals=totals)

    def _totals(self, s, ente_id: int, where, f: ReceiptFilters) -> ReceiptTotals:
        t = ReceiptTotals(**repo.totals(s, where))
        t.by_type = repo.by_debt_type(s, where)
        if f.matched is not True:
            unmatched = self._where(s, ente_id, ReceiptFilters(f.date_from, f.date_to, f.debt_types, f.text, False))
            t.unmatched_by_type = repo.by_debt_type(s, unmatched)
        return t

    def totals(self, filters: ReceiptFilters | None = None, *, ente_id: int | None = None) -> ReceiptTotals:
        f = filters or ReceiptFilters()
        ente = self._ente(ente_id)
        with self.ws.db.session() as s:
            return self._totals(s, ente.id, self._where(s, ente.id, f), f)

    def rows(self, receipt_ids) -> list[ReceiptView]:
        with self.ws.db.session() as s:
            return [ReceiptView(**r) for r in repo.rows_by_ids(s, list(receipt_ids))]

    def list(self, filters: ReceiptFilters | None = None, *, limit: int | None = None,
             ente_id: int | None = None) -> list[ReceiptView]:
        q = self.query(filters, ente_id=ente_id)
        ids = list(q.ids[:limit] if limit else q.ids)
        out: list[ReceiptView] = []
        for i in range(0, len(ids), 2000):
            out.extend(self.rows(ids[i:i + 2000]))
        return out

    def collections(self, filters: ReceiptFilters | None = None, *, period: str = "auto",
                    ente_id: int | None = None) -> list[CollectionPoint]:
        """Amount collected per day or per month (``auto``: months when the range exceeds 62 days)."""
        f = filters or ReceiptFilters()
        ente = self._ente(ente_id)
        with self.ws.db.session() as s:
            days = repo.by_day(s, self._where(s, ente.id, f))
        if not days:
            return []
        if period == "auto":
            period = "month" if (days[-1][0] - days[0][0]).days > 62 else "day"
        if period == "day":
            return [CollectionPoint(d, d.strftime("%d/%m/%Y"), n, c) for d, n, c in days]
        months: dict[date, list[int]] = {}
        for d, n, c in days:
            m = months.setdefault(date(d.year, d.month, 1), [0, 0])
            m[0] += n
            m[1] += c
        return [CollectionPoint(m, m.strftime("%m/%Y"), n, c) for m, (n, c) in sorted(months.items())]

    def debt_types(self, *, ente_id: int | None = None) -> list[str]:
        """Tipi dovuto seen in receipts plus those configured for the Ente (filter choices)."""
        ente = self._ente(ente_id)
        with self.ws.db.session() as s:
            seen = set(repo.debt_types(s, ente.id))
        seen.update(t.code for t in self.ws.ente.types(ente.id))
        return sorted(seen)

    def detail(self, receipt_id: int, *, ente_id: int | None = None) -> ReceiptDetail:
        ente = self._ente(ente_id)
        with self.ws.db.session() as s:
            row = repo.get(s, ente.id, receipt_id)
            if row is None:
                raise NotFoundError(f"Ricevuta {receipt_id} non trovata")
            view = ReceiptView(**repo.rows_by_ids(s, [receipt_id])[0])
            rt_xml = row.rt_xml
            raw = row.raw_json
            debt = repo.debt_summary(s, row.debt_id) if row.debt_id else None
        columns = _raw_columns(raw, row)
        summary, problem = None, ""
        if rt_xml:
            try:
                summary = decode_receipt_xml(_xml_bytes(rt_xml), f"ricevuta {view.iuv}")
            except (XmlError, ReceiptXmlError) as exc:
                problem = str(exc)
        if summary is not None:
            fields = summary.display_rows()
        else:
            fields = _fields_from_view(view)
        if debt:
            debt = dict(debt, state_label=state_label(debt["state"]))
        return ReceiptDetail(view=view, summary=summary, fields=fields, columns=columns, debt=debt,
                             rt_xml=rt_xml, problem=problem)

    def export_xlsx(self, filters: ReceiptFilters | None, path: str | os.PathLike, *, ente_id: int | None = None,
                    progress: ProgressCallback = no_progress, cancel: CancelToken = NEVER_CANCELLED) -> int:
        """Write the filtered receipts to an Excel file. Returns the number of rows written."""
        from openpyxl import Workbook
        from openpyxl.styles import Font

        f = filters or ReceiptFilters()
        ente = self._ente(ente_id)
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("Pagamenti")
        bold = Font(bold=True)
        headers = ["Data pagamento", "Data e ora ricevuta", "IUV", "IUD", "Debitore", "Codice debitore",
                   "Importo", "PSP", "Tipo dovuto", "Esito", "Abbinamento", "Stato del dovuto", "Causale"]
        from openpyxl.cell import WriteOnlyCell

        def head(text: str):
            c = WriteOnlyCell(ws, value=text)
            c.font = bold
            return c

        ws.append([head(h) for h in headers])
        n = 0
        with self.ws.db.session() as s:
            where = self._where(s, ente.id, f)
            total = repo.totals(s, where)["count"]
            for r in repo.iter_export_rows(s, where):
                v = ReceiptView(**r)
                ws.append(xlsx_row(ws, [v.outcome_date, v.receipt_datetime, v.iuv, v.iud, v.payer_name,
                                        v.payer_code, v.amount_cents / 100, v.psp_name, v.debt_type,
                                        v.outcome_label, v.match_label,
                                        state_label(v.debt_state) if v.debt_state else "", v.causale]))
                n += 1
                if n % 1000 == 0:
                    cancel.raise_if_cancelled()
                    progress(n, total, "")
        totals = self.totals(f, ente_id=ente.id)
        ws.append([])
        ws.append([head("Totale"), None, None, None, None, None, totals.amount_cents / 100, None, None, None,
                   f"{totals.count} ricevute, {totals.matched} abbinate"])
        out = Path(path)
        try:
            wb.save(out)
        except OSError as exc:
            raise UserError(f"Impossibile scrivere {out}: {exc.strerror or exc}", file=str(out)) from exc
        progress(n, n, "")
        return n


def _raw_columns(raw: str, receipt: Any = None) -> list[tuple[str, str]]:
    """Non-empty export columns (name, value) from raw_json (compact: with ``receipt``'s columns)."""
    try:
        doc = json.loads(raw) if raw else {}
        layout = doc.get("layout", "")
        compact = layout.endswith(COMPACT)
        columns = rx.columns_for_layout(layout[:-len(COMPACT)] if compact else layout)
        values = doc.get("values") or []
    except (ValueError, AttributeError):
        return []
    if compact:
        kept = iter(values)
        values = [getattr(receipt, FROM_ROW[c], "") if c in FROM_ROW else next(kept, "") for c in columns]
    return [(c, str(v)) for c, v in zip(columns, values, strict=False) if v]


_DECL_RE = re.compile(r"^\s*<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']")


def _xml_bytes(text: str) -> bytes:
    m = _DECL_RE.match(text)
    enc = (m.group(1) if m else "utf-8").lower()
    if enc not in ("utf-8", "utf8"):
        try:
            return text.encode(enc)
        except (LookupError, UnicodeEncodeError):
            pass
    return text.encode("utf-8")


def _fields_from_view(v: ReceiptView) -> list[tuple[str, str]]:
    rows = [
        ("Tipo di ricevuta", "Dati dell'export (la ricevuta XML non è inclusa)"),
        ("Esito", v.outcome_label), ("IUV", v.iuv), ("IUD", v.iud),
        ("Importo", format_amount(v.amount_cents, currency=True)), ("Causale", v.causale),
        ("Debitore", " - ".join(x for x in (v.payer_code, v.payer_name) if x)), ("PSP", v.psp_name),
        ("Data pagamento", v.outcome_date.strftime("%d/%m/%Y") if v.outcome_date else ""),
        ("Tipo dovuto", v.debt_type),
    ]
    return [(k, x) for k, x in rows if x]

