"""Queries behind the lazy debts table: counts, id snapshots in any order, windows of rows.

A list may hold 1,000,000 debts. The GUI never loads them all: it asks for the ids matching the
current filter in the current order (one indexed query, 8 bytes per row once packed in an array)
and then fetches only the rows on screen by primary key. Filters on state, tipo and due date use
the ``(list_id, ...)`` indexes; the default order uses the covering ``ix_debt_list_top`` index.
Only top-level debts are listed: instalments (``parent_id`` set) belong to their debt.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, func, literal_column, select
from sqlalchemy.orm import Session

from mypay_desk.store.models import Debt, DebtList
from mypay_desk.store.ordering import asc, desc
from mypay_desk.store.text_search import ESCAPE, any_contains, like_pattern

# Columns the text filter searches.
TEXT_COLUMNS = (Debt.iud, Debt.iuv, Debt.notice_number, Debt.debtor_code, Debt.debtor_name, Debt.causale,
                Debt.city)
# PostgreSQL: the columns joined by a character nobody types and compared bytewise (COLLATE "C", ASCII case
# folding as SQLite's LIKE): one ILIKE instead of seven, about 5x faster on a big list. It matches exactly
# when one of the columns does: the text carries no separator and its wildcards are escaped. (A pg_trgm
# index on this expression answered in milliseconds but made a 100,000-row import 2.4x slower: left out.)
_SEPARATOR = "\x01"


def _joined_text() -> ColumnElement:
    parts = [func.coalesce(c, literal_column("''")) for c in TEXT_COLUMNS]
    joined = parts[0]
    for part in parts[1:]:
        joined = joined.op("||")(literal_column("E'\\x01'")).op("||")(part)
    return joined

# Sortable fields (name -> column). Ties are broken by position, then id, so the order is stable.
SORT_COLUMNS: dict[str, Any] = {
    name: getattr(Debt, name)
    for name in (
        "position", "iud", "iuv", "notice_number", "debtor_type", "debtor_code", "debtor_name", "address",
        "civic", "postal_code", "city", "province", "country", "email", "due_date", "amount_cents",
        "pa_fee_cents", "debt_type", "payment_type", "causale", "collection_data", "state", "is_valid",
        "paid_amount_cents", "errors_json",
    )
}

# Columns a window row carries (everything the table and the detail dialog show).
ROW_COLUMNS = [c for c in Debt.__table__.columns if c.name not in ("created_at", "updated_at")]

FETCH_CHUNK = 500  # SQLite's bound-parameter limit is far above; keeps IN lists short


def conditions(session: Session, list_id: int, *, text: str = "", states: Sequence[str] = (),
               debt_types: Sequence[str] = (), due_from: date | None = None, due_to: date | None = None,
               valid: bool | None = None, ids: Sequence[int] | None = None) -> list[ColumnElement]:
    """WHERE terms for the table's filter (all combined with AND)."""
    where: list[ColumnElement] = [Debt.list_id == list_id, Debt.parent_id.is_(None)]
    text = (text or "").strip()
    if text:
        # PostgreSQL: one ILIKE on the joined columns (store/text_search.py for the others).
        if session.get_bind().dialect.name == "postgresql" and _SEPARATOR not in text:
            where.append(_joined_text().collate("C").ilike(like_pattern(text), escape=ESCAPE))
        else:
            where.append(any_contains(session, TEXT_COLUMNS, text))
    if states:
        where.append(Debt.state.in_(list(states)))
    if debt_types:
        where.append(Debt.debt_type.in_(list(debt_types)))
    if due_from is not None:
        where.append(Debt.due_date >= due_from)
    if due_to is not None:
        where.append(Debt.due_date <= due_to)
    if valid is not None:
        where.append(Debt.is_valid.is_(valid))
    if ids is not None:
        where.append(Debt.id.in_(list(ids)))
    return where


def _order(sort: str, descending: bool) -> list:
    col = SORT_COLUMNS.get(sort, Debt.position)
    if col is Debt.position:
        return [Debt.position.desc(), Debt.id.desc()] if descending else [Debt.position, Debt.id]
    if descending:
        return [desc(col), Debt.position.desc(), Debt.id.desc()]
    return [asc(col), Debt.position, Debt.id]


def count(session: Session, where: list[ColumnElement]) -> int:
    return session.execute(select(func.count(Debt.id)).where(and_(*where))).scalar_one()


def ids(session: Session, where: list[ColumnElement], sort: str = "position", descending: bool = False,
        check: Any = None) -> array:
    """The ids of the matching debts in table order, packed (8 bytes each).

    Fast path: the ids are read straight from the DB-API cursor; for a million integer rows this is
    about twice as fast as SQLAlchemy's row processing, which an integer column does not need.
    ``check`` (optional) is called every 50,000 rows so a caller can cancel.
    """
    stmt = select(Debt.id).where(and_(*where)).order_by(*_order(sort, descending))
    result = session.connection().execute(stmt)  # Core result: its DB-API cursor is reachable
    out = array("q")
    cursor = result.cursor
    while True:
        chunk = cursor.fetchmany(50_000)
        if not chunk:
            break
        out.extend(r[0] for r in chunk)
        if check is not None:
            check()
    result.close()
    return out


def window(session: Session, where: list[ColumnElement], sort: str, descending: bool, offset: int,
           limit: int) -> list[dict[str, Any]]:
    """One page of rows by OFFSET/LIMIT (for callers without an id snapshot)."""
    stmt = (select(*ROW_COLUMNS).where(and_(*where)).order_by(*_order(sort, descending))
            .offset(offset).limit(limit))
    return [dict(r._mapping) for r in session.execute(stmt)]


def rows_by_ids(session: Session, debt_ids: Iterable[int]) -> list[dict[str, Any]]:
    """Rows (as dicts of column values) for ``debt_ids``, in the given order; missing ids are skipped.

    Each dict also has ``instalment_count``.
    """
    wanted = list(debt_ids)
    found: dict[int, dict[str, Any]] = {}
    for start in range(0, len(wanted), FETCH_CHUNK):
        chunk = wanted[start:start + FETCH_CHUNK]
        for r in session.execute(select(*ROW_COLUMNS).where(Debt.id.in_(chunk))):
            d = dict(r._mapping)
            d["instalment_count"] = 0
            found[d["id"]] = d
        counts = session.execute(
            select(Debt.parent_id, func.count(Debt.id)).where(Debt.parent_id.in_(chunk)).group_by(Debt.parent_id)
        )
        for parent_id, n in counts:
            if parent_id in found:
                found[parent_id]["instalment_count"] = n
    return [found[i] for i in wanted if i in found]


def instalments(session: Session, parent_ids: Sequence[int]) -> list[dict[str, Any]]:
    """Instalment rows of the given debts, ordered by parent and number."""
    out: list[dict[str, Any]] = []
    for start in range(0, len(parent_ids), FETCH_CHUNK):
        chunk = list(parent_ids[start:start + FETCH_CHUNK])
        stmt = (select(*ROW_COLUMNS).where(Debt.parent_id.in_(chunk))
                .order_by(Debt.parent_id, Debt.instalment_number, Debt.id))
        out.extend(dict(r._mapping) for r in session.execute(stmt))
    return out


def field_values(session: Session, debt_ids: Sequence[int], names: Sequence[str]) -> dict[int, tuple]:
    """``{id: (values of names...)}`` for the given debts: what bulk changes read before writing."""
    cols = [getattr(Debt, n) for n in names]
    out: dict[int, tuple] = {}
    for start in range(0, len(debt_ids), FETCH_CHUNK * 2):
        chunk = list(debt_ids[start:start + FETCH_CHUNK * 2])
        for r in session.execute(select(Debt.id, *cols).where(Debt.id.in_(chunk))):
            out[r[0]] = tuple(r[1:])
    return out


def distinct_values(session: Session, list_id: int, name: str, limit: int = 200) -> list[Any]:
    """Distinct values of a column in a list (for filter combos: states, tipi)."""
    col = getattr(Debt, name)
    stmt = (select(col).where(Debt.list_id == list_id, Debt.parent_id.is_(None)).group_by(col).order_by(asc(col))
            .limit(limit))
    return list(session.scalars(stmt))


def max_position(session: Session, list_id: int) -> int:
    return session.execute(
        select(func.coalesce(func.max(Debt.position), -1)).where(Debt.list_id == list_id)
    ).scalar_one()


def list_heads(session: Session, ente_id: int) -> list[tuple[int, str, str, str]]:
    """(id, name, default tipo, description) of the Ente's lists: instant, unlike their counts."""
    stmt = (select(DebtList.id, DebtList.name, DebtList.default_debt_type, DebtList.description)
            .where(DebtList.ente_id == ente_id).order_by(DebtList.name))
    return [tuple(r) for r in session.execute(stmt)]


def signature(session: Session, where: list[ColumnElement]) -> tuple[int, int]:
    """(count, highest id) of the matching debts: when neither moved, no row came or went."""
    n, top = session.execute(select(func.count(Debt.id), func.coalesce(func.max(Debt.id), 0))
                             .where(and_(*where))).one()
    return int(n), int(top)


def versions(session: Session, debt_ids: Iterable[int]) -> dict[int, int]:
    """``{id: version}`` of the debts still stored."""
    wanted = list(debt_ids)
    out: dict[int, int] = {}
    for start in range(0, len(wanted), FETCH_CHUNK):
        out.update(session.execute(select(Debt.id, Debt.version)
                                   .where(Debt.id.in_(wanted[start:start + FETCH_CHUNK]))).all())
    return out
