"""Queries behind notice printing: which debts to print, and their fields with their instalments.

Rows travel as plain dicts with only the columns a notice needs (a TARI run is tens of thousands of
debts, loaded a chunk at a time).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mypay_desk.store.models import Debt, DebtList

CHUNK = 500  # ids per IN (...) list

NOTICE_COLUMNS = (
    "id", "list_id", "parent_id", "instalment_number", "position", "iud", "iuv", "notice_number",
    "debtor_type", "debtor_code", "debtor_name", "address", "civic", "postal_code", "city", "province",
    "country", "due_date", "amount_cents", "debt_type", "causale", "state", "cancel_requested", "is_valid",
    "paid_amount_cents",
)
_COLS = [getattr(Debt, c) for c in NOTICE_COLUMNS]


def find_list(session: Session, ente_id: int, name: str) -> tuple[int, str] | None:
    row = session.execute(
        select(DebtList.id, DebtList.name).where(DebtList.ente_id == ente_id, DebtList.name == name)
    ).first()
    return (row[0], row[1]) if row else None


def list_debt_ids(session: Session, list_id: int) -> list[int]:
    """Top-level debts of a list (instalments travel with their parent) in list order."""
    stmt = (select(Debt.id).where(Debt.list_id == list_id, Debt.parent_id.is_(None))
            .order_by(Debt.position, Debt.id))
    return list(session.scalars(stmt))


def ids_by_iud(session: Session, ente_id: int, iuds: Sequence[str],
               list_id: int | None = None) -> dict[str, int]:
    """``{iud: top-level debt id}``; an instalment's IUD stands for the debt it belongs to."""
    wanted = sorted({i for i in iuds if i})
    found: dict[str, int] = {}
    for start in range(0, len(wanted), CHUNK):
        stmt = select(Debt.iud, Debt.id, Debt.parent_id).where(
            Debt.ente_id == ente_id, Debt.iud.in_(wanted[start:start + CHUNK]))
        if list_id is not None:
            stmt = stmt.where(Debt.list_id == list_id)
        for iud, debt_id, parent_id in session.execute(stmt.order_by(Debt.id)):
            found.setdefault(iud, parent_id or debt_id)
    return found


def top_level_ids(session: Session, ente_id: int, ids: Iterable[int]) -> list[int]:
    """The given debt ids with instalments replaced by their parent, first occurrence order kept;
    ids of other Enti or that no longer exist are dropped."""
    wanted = list(dict.fromkeys(ids))
    mapping: dict[int, int] = {}
    for start in range(0, len(wanted), CHUNK):
        stmt = select(Debt.id, Debt.parent_id).where(
            Debt.ente_id == ente_id, Debt.id.in_(wanted[start:start + CHUNK]))
        for debt_id, parent_id in session.execute(stmt):
            mapping[debt_id] = parent_id or debt_id
    return list(dict.fromkeys(mapping[i] for i in wanted if i in mapping))


def load(session: Session, ids: Sequence[int]) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """``[(debt, [instalments by number])]`` in the order of ``ids`` (missing ids are left out)."""
    parents: dict[int, dict[str, Any]] = {}
    children: dict[int, list[dict[str, Any]]] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = list(ids[start:start + CHUNK])
        for r in session.execute(select(*_COLS).where(Debt.id.in_(chunk))):
            parents[r[0]] = dict(zip(NOTICE_COLUMNS, r, strict=True))
        stmt = (select(*_COLS).where(Debt.parent_id.in_(chunk))
                .order_by(Debt.parent_id, Debt.instalment_number, Debt.id))
        for r in session.execute(stmt):
            row = dict(zip(NOTICE_COLUMNS, r, strict=True))
            children.setdefault(row["parent_id"], []).append(row)
    return [(parents[i], children.get(i, [])) for i in ids if i in parents]
