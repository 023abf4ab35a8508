"""Receipts: bulk insert with per-receipt dedupe, matching to local debts, paid state, queries.

Plain functions taking a Session (the repository style of the store). Big imports go through
Core ``insert`` executemany (no ORM objects), in the caller's batches.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, bindparam, case, func, insert, or_, select, update
from sqlalchemy.orm import Session

from mypay_desk.domain.debt_states import DebtState
from mypay_desk.store.models import Debt, Ente, ImportedFile, Receipt, ReceiptExportRequest
from mypay_desk.store.models.base import utcnow

CHUNK = 500  # keys per IN list

RECEIPT_TABLE = Receipt.__table__

# Columns the text filter searches.
TEXT_COLUMNS = (Receipt.iuv, Receipt.iud, Receipt.payer_name, Receipt.payer_code, Receipt.psp_name,
                Receipt.causale, Receipt.iur, Receipt.receipt_message_id)

SORT_COLUMNS: dict[str, Any] = {
    "outcome_date": Receipt.outcome_date, "iuv": Receipt.iuv, "iud": Receipt.iud,
    "payer_name": Receipt.payer_name, "amount_cents": Receipt.amount_cents, "psp_name": Receipt.psp_name,
    "debt_type": Receipt.debt_type, "outcome_code": Receipt.outcome_code, "match_kind": Receipt.match_kind,
    "receipt_datetime": Receipt.receipt_datetime, "id": Receipt.id,
}

# Outcomes that mean money came in (codiceEsitoPagamento 0 eseguito, 2 parziale; blank = not stated).
PAID_OUTCOMES = ("0", "2", "")


def _chunks(items: Sequence, size: int = CHUNK) -> Iterable[Sequence]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


# --- import ------------------------------------------------------------------------------------

def existing_keys(session: Session, ente_id: int, keys: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for part in _chunks(list(keys)):
        found.update(session.scalars(select(Receipt.dedupe_key).where(
            Receipt.ente_id == ente_id, Receipt.dedupe_key.in_(part))))
    return found


def find_debts(session: Session, ente_id: int, iuds: Iterable[str], iuvs: Iterable[str]
               ) -> tuple[dict[str, int], dict[str, int]]:
    """(iud -> debt id, iuv -> debt id) among the Ente's debts, for the given codes.

    When several debts share an IUV (a cancelled one and its replacement), the most recent wins.
    """
    by_iud: dict[str, int] = {}
    by_iuv: dict[str, int] = {}
    iud_list = sorted({x for x in iuds if x})
    iuv_list = sorted({x for x in iuvs if x})
    for part in _chunks(iud_list):
        for debt_id, iud in session.execute(
                select(Debt.id, Debt.iud).where(Debt.ente_id == ente_id, Debt.iud.in_(part)).order_by(Debt.id)):
            by_iud[iud] = debt_id
    for part in _chunks(iuv_list):
        for debt_id, iuv in session.execute(
                select(Debt.id, Debt.iuv).where(Debt.ente_id == ente_id, Debt.iuv.in_(part)).order_by(Debt.id)):
            by_iuv[iuv] = debt_id
    return by_iud, by_iuv


def insert_receipts(session: Session, rows: list[dict[str, Any]]) -> None:
    """Executemany INSERT of plain dicts (all with the same keys)."""
    if rows:
        session.execute(insert(RECEIPT_TABLE), rows)


def unmatched_codes(session: Session, ente_id: int, limit: int | None = None) -> list[tuple[int, str, str]]:
    """(receipt id, iud, iuv) of receipts without a debt (secondary-ente rows excluded)."""
    q = select(Receipt.id, Receipt.iud, Receipt.iuv).where(
        Receipt.ente_id == ente_id, Receipt.debt_id.is_(None), Receipt.secondary_fiscal_code == "",
        Receipt.debt_type != "EXPORT_ENTE_SECONDARIO")
    if limit:
        q = q.limit(limit)
    return [tuple(r) for r in session.execute(q)]


def set_matches(session: Session, matches: Sequence[tuple[int, int, str]]) -> None:
    """[(receipt id, debt id, match kind)]."""
    for rid, debt_id, kind in matches:
        session.execute(update(Receipt).where(Receipt.id == rid).values(debt_id=debt_id, match_kind=kind))


def recompute_debts(session: Session, debt_ids: Iterable[int]) -> list[int]:
    """Set paid amount, date, PSP and state of the debts from their matched receipts.

    PAGATO when the receipts cover the amount (an excess stays visible as paid > amount),
    PAGATO_PARZIALE when less. A parent debt whose instalments are paid follows them: paid when
    every instalment is, in part when some are (unless a receipt paid the parent itself).
    Returns the ids whose state is now PAGATO or PAGATO_PARZIALE. Core statements only: an import
    may touch 100,000 debts.
    """
    ids = sorted(set(debt_ids))
    updates: list[dict[str, Any]] = []
    parents: set[int] = set()
    for part in _chunks(ids):
        agg: dict[int, list] = {}  # debt id -> [paid cents, last when, psp of the last]
        q = (select(Receipt.debt_id, Receipt.amount_cents, Receipt.receipt_datetime, Receipt.outcome_date,
                    Receipt.psp_name, Receipt.id)
             .where(Receipt.debt_id.in_(part), Receipt.amount_cents > 0, Receipt.outcome_code.in_(PAID_OUTCOMES))
             .order_by(Receipt.debt_id, Receipt.id))
        for debt_id, cents, when_dt, when_d, psp, _rid in session.execute(q):
            when = when_dt or (datetime.combine(when_d, datetime.min.time()) if when_d else None)
            a = agg.get(debt_id)
            if a is None:
                agg[debt_id] = [cents, when, psp]
                continue
            a[0] += cents
            if when is not None and (a[1] is None or when >= a[1]):
                a[1], a[2] = when, psp
        if not agg:
            continue
        for debt_id, amount, parent_id in session.execute(
                select(Debt.id, Debt.amount_cents, Debt.parent_id).where(Debt.id.in_(list(agg)))):
            paid, when, psp = agg[debt_id]
            state = DebtState.PAGATO if paid >= amount else DebtState.PAGATO_PARZIALE
            updates.append({"b_id": debt_id, "b_paid": paid, "b_at": when, "b_psp": psp[:140],
                            "b_state": str(state)})
            if parent_id is not None:
                parents.add(parent_id)
    _apply_debt_updates(session, updates)
    paid_ids = [u["b_id"] for u in updates]
    parent_updates: list[dict[str, Any]] = []
    for part in _chunks(sorted(parents)):
        direct = set(session.scalars(select(Receipt.debt_id).where(Receipt.debt_id.in_(part)).distinct()))
        children: dict[int, list] = {}
        for parent_id, paid, state, when, psp in session.execute(
                select(Debt.parent_id, Debt.paid_amount_cents, Debt.state, Debt.paid_at, Debt.paid_psp)
                .where(Debt.parent_id.in_(part))):
            children.setdefault(parent_id, []).append((paid, state, when, psp))
        for parent_id, kids in children.items():
            if parent_id in direct:
                continue  # paid directly (rata unica): its own receipts decide
            paid_kids = [k for k in kids if k[0] > 0]
            if not paid_kids:
                continue
            last = max(paid_kids, key=lambda k: k[2] or datetime.min)
            all_paid = all(k[1] == DebtState.PAGATO for k in kids)
            parent_updates.append({"b_id": parent_id, "b_paid": sum(k[0] for k in kids), "b_at": last[2],
                                   "b_psp": last[3], "b_state": str(DebtState.PAGATO if all_paid
                                                                    else DebtState.PAGATO_PARZIALE)})
    _apply_debt_updates(session, parent_updates)
    return paid_ids + [u["b_id"] for u in parent_updates]


def _apply_debt_updates(session: Session, updates: list[dict[str, Any]]) -> None:
    if not updates:
        return
    stmt = (update(Debt.__table__).where(Debt.__table__.c.id == bindparam("b_id"))
            .values(paid_amount_cents=bindparam("b_paid"), paid_at=bindparam("b_at"), paid_psp=bindparam("b_psp"),
                    state=bindparam("b_state"), updated_at=utcnow()))
    session.execute(stmt, updates)


def _as_datetime(value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, datetime.min.time())
    s = str(value)
    try:
        return datetime.fromisoformat(s)
    except ValueError:
        return None


def record_file(session: Session, ente_id: int, file_name: str, sha256: str, rows: int, notes: str) -> bool:
    """Remember an imported file. Returns True when the same content had been imported before."""
    row = session.scalar(select(ImportedFile).where(
        ImportedFile.ente_id == ente_id, ImportedFile.kind == "RECEIPTS", ImportedFile.sha256 == sha256))
    if row is not None:
        row.imported_at = datetime.now()
        row.notes = notes
        return True
    session.add(ImportedFile(ente_id=ente_id, kind="RECEIPTS", file_name=file_name[:300], sha256=sha256,
                             rows=rows, notes=notes))
    return False


def file_seen(session: Session, ente_id: int, sha256: str) -> bool:
    return session.scalar(select(func.count()).select_from(ImportedFile).where(
        ImportedFile.ente_id == ente_id, ImportedFile.kind == "RECEIPTS", ImportedFile.sha256 == sha256)) > 0


# --- queries -----------------------------------------------------------------------------------

def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def conditions(session: Session, ente_id: int, *, date_from: date | None = None, date_to: date | None = None,
               debt_types: Sequence[str] = (), text: str = "", matched: bool | None = None
               ) -> list[ColumnElement]:
    where: list[ColumnElement] = [Receipt.ente_id == ente_id]
    if date_from:
        where.append(Receipt.outcome_date >= date_from)
    if date_to:
        where.append(Receipt.outcome_date <= date_to)
    if debt_types:
        where.append(Receipt.debt_type.in_(list(debt_types)))
    if matched is True:
        where.append(Receipt.debt_id.is_not(None))
    elif matched is False:
        where.append(Receipt.debt_id.is_(None))
    text = (text or "").strip()
    if text:
        pattern = f"%{_escape_like(text)}%"
        # Fast path: SQLite's LIKE is case-insensitive for ASCII already; other databases use ILIKE.
        sqlite = session.get_bind().dialect.name == "sqlite"
        where.append(or_(*[(c.like(pattern, escape="\\") if sqlite else c.ilike(pattern, escape="\\"))
                           for c in TEXT_COLUMNS]))
    return where


def ids(session: Session, where: list[ColumnElement], sort: str = "outcome_date", descending: bool = True
        ) -> array:
    col = SORT_COLUMNS.get(sort, Receipt.outcome_date)
    order = [col.desc() if descending else col.asc(), Receipt.id.desc() if descending else Receipt.id.asc()]
    out = array("q")
    for (rid,) in session.execute(select(Receipt.id).where(and_(*where)).order_by(*order)):
        out.append(rid)
    return out


VIEW_COLUMNS = (
    Receipt.id, Receipt.outcome_date, Receipt.receipt_datetime, Receipt.iuv, Receipt.iud, Receipt.payer_name,
    Receipt.payer_code, Receipt.amount_cents, Receipt.psp_name, Receipt.debt_type, Receipt.outcome_code,
    Receipt.single_outcome, Receipt.debt_id, Receipt.match_kind, Receipt.causale, Receipt.secondary_name,
    Receipt.payment_index, Receipt.export_name,
)


def rows_by_ids(session: Session, receipt_ids: Sequence[int]) -> list[dict[str, Any]]:
    """View rows (receipt + its debt's amount/state) in the order of ``receipt_ids``."""
    found: dict[int, dict[str, Any]] = {}
    for part in _chunks(list(receipt_ids)):
        q = (select(*VIEW_COLUMNS, Debt.amount_cents.label("debt_amount_cents"),
                    Debt.paid_amount_cents.label("debt_paid_cents"), Debt.state.label("debt_state"),
                    Debt.instalment_number.label("instalment_number"))
             .outerjoin(Debt, Debt.id == Receipt.debt_id).where(Receipt.id.in_(part)))
        for row in session.execute(q):
            found[row.id] = dict(row._mapping)
    return [found[i] for i in receipt_ids if i in found]


def totals(session: Session, where: list[ColumnElement]) -> dict[str, int]:
    matched = case((Receipt.debt_id.is_not(None), 1), else_=0)
    row = session.execute(select(
        func.count(), func.coalesce(func.sum(Receipt.amount_cents), 0),
        func.coalesce(func.sum(matched), 0),
        func.coalesce(func.sum(case((Receipt.debt_id.is_not(None), Receipt.amount_cents), else_=0)), 0),
    ).where(and_(*where))).one()
    count, cents, m_count, m_cents = (int(x or 0) for x in row)
    return {"count": count, "amount_cents": cents, "matched": m_count, "matched_cents": m_cents,
            "unmatched": count - m_count, "unmatched_cents": cents - m_cents}


def by_debt_type(session: Session, where: list[ColumnElement]) -> list[tuple[str, int, int]]:
    q = (select(Receipt.debt_type, func.count(), func.coalesce(func.sum(Receipt.amount_cents), 0))
         .where(and_(*where)).group_by(Receipt.debt_type).order_by(Receipt.debt_type))
    return [(t or "", int(n), int(c)) for t, n, c in session.execute(q)]


def by_day(session: Session, where: list[ColumnElement]) -> list[tuple[date, int, int]]:
    q = (select(Receipt.outcome_date, func.count(), func.coalesce(func.sum(Receipt.amount_cents), 0))
         .where(and_(*where), Receipt.outcome_date.is_not(None))
         .group_by(Receipt.outcome_date).order_by(Receipt.outcome_date))
    return [(d, int(n), int(c)) for d, n, c in session.execute(q)]


def debt_types(session: Session, ente_id: int) -> list[str]:
    return [t for t in session.scalars(select(Receipt.debt_type).where(Receipt.ente_id == ente_id)
                                       .distinct().order_by(Receipt.debt_type)) if t]


def get(session: Session, ente_id: int, receipt_id: int) -> Receipt | None:
    r = session.get(Receipt, receipt_id)
    return r if r is not None and r.ente_id == ente_id else None


def debt_summary(session: Session, debt_id: int) -> dict[str, Any] | None:
    d = session.get(Debt, debt_id)
    if d is None:
        return None
    return {"id": d.id, "iud": d.iud, "iuv": d.iuv, "debtor_name": d.debtor_name, "amount_cents": d.amount_cents,
            "paid_amount_cents": d.paid_amount_cents, "state": d.state, "due_date": d.due_date,
            "instalment_number": d.instalment_number, "list_id": d.list_id, "causale": d.causale}


def iter_export_rows(session: Session, where: list[ColumnElement], batch: int = 2000) -> Iterable[dict[str, Any]]:
    order = [Receipt.outcome_date.desc(), Receipt.id.desc()]
    all_ids = [rid for (rid,) in session.execute(select(Receipt.id).where(and_(*where)).order_by(*order))]
    for part in _chunks(all_ids, batch):
        yield from rows_by_ids(session, part)


# --- receipt export requests (resumable sync) ---------------------------------------------------

def open_request(session: Session, ente_id: int) -> ReceiptExportRequest | None:
    """The booked export not yet imported, if any (an interrupted sync resumes it)."""
    return session.scalar(select(ReceiptExportRequest).where(
        ReceiptExportRequest.ente_id == ente_id,
        ReceiptExportRequest.state.not_in(("IMPORTATO", "VUOTO", "ERRORE", "ABBANDONATO")))
        .order_by(ReceiptExportRequest.id.desc()).limit(1))


def add_request(session: Session, ente_id: int, token: str, date_from: datetime, date_to: datetime | None,
                version: str) -> ReceiptExportRequest:
    req = ReceiptExportRequest(ente_id=ente_id, request_token=token, date_from=date_from, date_to=date_to,
                               version=version, state="PRENOTATO")
    session.add(req)
    session.flush()
    return req


def get_request(session: Session, request_id: int) -> ReceiptExportRequest | None:
    return session.get(ReceiptExportRequest, request_id)


def last_requests(session: Session, ente_id: int, limit: int = 20) -> list[ReceiptExportRequest]:
    return list(session.scalars(select(ReceiptExportRequest).where(ReceiptExportRequest.ente_id == ente_id)
                                .order_by(ReceiptExportRequest.id.desc()).limit(limit)))


def get_synced_to(session: Session, ente_id: int) -> datetime | None:
    return session.scalar(select(Ente.receipts_synced_to).where(Ente.id == ente_id))


def set_synced_to(session: Session, ente_id: int, when: datetime) -> None:
    session.execute(update(Ente).where(Ente.id == ente_id).values(receipts_synced_to=when))
