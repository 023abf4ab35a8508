"""Test data for the debts-table tests: fast inserts straight into the store (no validation)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import insert

from mypay_desk.store.models import Debt, DebtList

NAMES = ["ROSSI MARIO", "BIANCHI LUCA", "VERDI ANNA", "ESPOSITO GIUSEPPE", "COLOMBO SARA"]
CFS = ["RSSMRA80A01F205X", "BNCLCU75B12H501Y", "VRDNNA90C41L219F", "SPSGPP66D14F839T", "CLMSRA85E50D969U"]


def insert_list(ws, ente_id: int, name: str, n: int, *, default_type: str = "TARI", **overrides) -> int:
    """A list with ``n`` debts numbered 0..n-1 (IUD ``T000000``..), returns the list id."""
    with ws.db.session() as s:
        dl = DebtList(ente_id=ente_id, name=name, default_debt_type=default_type)
        s.add(dl)
        s.flush()
        list_id = dl.id
        rows = []
        base = date(2025, 1, 31)
        for i in range(n):
            row = dict(
                ente_id=ente_id, list_id=list_id, position=i, iud=f"T{i:06d}", debtor_type="F",
                debtor_code=CFS[i % 5], debtor_name=f"{NAMES[i % 5]} {i}", city="MILANO", province="MI",
                country="IT", postal_code="20100", due_date=base + timedelta(days=i % 60),
                amount_cents=1000 + i, debt_type="TARI" if i % 3 else "MENSA", causale=f"Causale {i}",
                collection_data="9/0101108TS/", state="NUOVO", is_valid=True,
            )
            row.update(overrides)
            rows.append(row)
        if rows:
            s.execute(insert(Debt), rows)
    return list_id
