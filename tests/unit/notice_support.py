"""Test data for the notice tests: debts (and instalments) straight into the store, and PDF read-back
with a real rasteriser (pdfium) and a real barcode reader (zxing-cpp)."""

from __future__ import annotations

from datetime import date

import pypdfium2 as pdfium
import zxingcpp
from sqlalchemy import insert, select

from mypay_desk.domain.codes import iuv17_for_ente
from mypay_desk.store.models import Debt, DebtList

_counter = {"n": 1000}


def new_iuv(segregation: str = "12") -> str:
    _counter["n"] += 1
    return iuv17_for_ente(segregation, _counter["n"])


def make_list(ws, ente_id: int, name: str) -> int:
    with ws.db.session() as s:
        dl = DebtList(ente_id=ente_id, name=name, default_debt_type="TARI")
        s.add(dl)
        s.flush()
        return dl.id


def debt_row(ente_id: int, list_id: int, position: int, **overrides) -> dict:
    iuv = new_iuv()
    row = dict(
        ente_id=ente_id, list_id=list_id, position=position, iud=f"IUD{position:06d}", iuv=iuv,
        notice_number="3" + iuv, debtor_type="F", debtor_code="RSSMRA80A01F205X",
        debtor_name=f"Mario Rossi {position}", address="Via Roma", civic="10", postal_code="20100",
        city="Milano", province="MI", country="IT", due_date=date(2025, 3, 31), amount_cents=12_345,
        debt_type="TARI", causale=f"TARI 2025 acconto posizione {position}", collection_data="9/0101108TS/",
        state="SUL_PORTALE", is_valid=True,
    )
    row.update(overrides)
    return row


def add_debts(ws, ente_id: int, list_id: int, rows: list[dict]) -> list[int]:
    with ws.db.session() as s:
        s.execute(insert(Debt), rows)
        ids = list(s.scalars(select(Debt.id).where(Debt.list_id == list_id, Debt.parent_id.is_(None))
                             .order_by(Debt.position)))
    return ids


def add_instalments(ws, parent_id: int, amounts: list[int], dues: list[date],
                    overrides: dict[int, dict] | None = None) -> list[int]:
    with ws.db.session() as s:
        parent = s.get(Debt, parent_id)
        rows = []
        for n, (amount, due) in enumerate(zip(amounts, dues, strict=True), start=1):
            iuv = new_iuv()
            row = dict(
                ente_id=parent.ente_id, list_id=parent.list_id, parent_id=parent.id, instalment_number=n,
                position=parent.position, iud=f"{parent.iud}-R{n}", iuv=iuv, notice_number="3" + iuv,
                debtor_type=parent.debtor_type, debtor_code=parent.debtor_code, debtor_name=parent.debtor_name,
                due_date=due, amount_cents=amount, debt_type=parent.debt_type, causale=parent.causale,
                state=parent.state, is_valid=True,
            )
            row.update((overrides or {}).get(n, {}))
            rows.append(row)
        s.execute(insert(Debt), rows)
        return list(s.scalars(select(Debt.id).where(Debt.parent_id == parent_id).order_by(Debt.instalment_number)))


def read_pdf(data_or_path, scale: float = 3.0):
    """[(page text, [(barcode format name, text), ...]), ...] for every page."""
    pdf = pdfium.PdfDocument(data_or_path)
    out = []
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            text = page.get_textpage().get_text_range()
            image = page.render(scale=scale, grayscale=True).to_pil()
            codes = [(r.format.name, r.text) for r in zxingcpp.read_barcodes(image)]
            out.append((text, codes))
    finally:
        pdf.close()
    return out


def page_count(data_or_path) -> int:
    pdf = pdfium.PdfDocument(data_or_path)
    try:
        return len(pdf)
    finally:
        pdf.close()
