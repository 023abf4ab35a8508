"""Receipts: bulk insert with per-receipt dedupe, matching to local debts, paid state, queries.

Plain functions taking a Session (the repository style of the store). Big imports go through
Core ``insert`` executemany (no ORM objects), in the caller's batches.
"""

from __future__ import annotations

import json
import sqlite3
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Date, DateTime, and_, bindparam, case, func, select, update
from sqlalchemy.orm import Session

from mypay_desk.domain.debt_states import DebtState
from mypay_desk.store import postgres
from mypay_desk.store.models import Debt, Ente, ImportedFile, Receipt, ReceiptExportRequest
from mypay_desk.store.models.base import utcnow
from mypay_desk.store.ordering import asc, desc
from mypay_desk.store.repositories import debts as debts_repo
from mypay_desk.store.repositories.debts import versioned
from mypay_desk.store.repositories.value_lists import among, sqlite_has_json, value_chunks
from mypay_desk.store.text_search import any_contains

CHUNK = 5000  # keys per IN list (SQLite allows 32766 parameters since 3.32; PostgreSQL far more)

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
#
# A batch of receipts is stored in one write transaction:
#   find_debts(codes)                                (IUD/IUV -> debt, so rows go in already matched)
#   after = last_receipt_id()                        (the batch's rows get ids above it)
#   insert_receipts(rows)                            (INSERT ... ON CONFLICT DO NOTHING: dedupe)
#   batch_counts(after)                              (how many were new, how many of them matched)
#   recompute_debts_after(ente, after)               (paid amount/date/PSP/state, in SQL)
# (SQLite: receipt_staging stores the batches from a writer thread, with the same steps.)
# The heavy parts run inside the database: an import of 100,000 receipts stays in seconds.


def find_debts(session: Session, ente_id: int, iuds: Iterable[str], iuvs: Iterable[tuple[str, str]]
               ) -> tuple[dict[str, int], dict[str, int]]:
    """(iud -> debt id, iuv -> debt id) among the Ente's debts.

    ``iuvs`` are (iud, iuv) pairs: an IUV is looked up only when its IUD found no debt (IUD first,
    then IUV). When several debts share a code (a cancelled one and its replacement), the most
    recent wins.
    """
    by_iud: dict[str, int] = {}
    by_iuv: dict[str, int] = {}
    conn = session.connection()
    if sqlite_has_json(conn):
        # SQLite: all the codes as one JSON array joined to the (ente_id, code) index, one statement.
        query = ("SELECT d.id, d.{0} FROM json_each(?) j JOIN debt d ON d.ente_id = ? AND d.{0} = j.value "
                 "ORDER BY d.id")
        wanted_iuds = list({x for x in iuds if x})  # any order: ORDER BY d.id decides
        if wanted_iuds:
            by_iud.update((code, debt_id) for debt_id, code in conn.exec_driver_sql(
                query.format("iud"), (json.dumps(wanted_iuds), ente_id)).all())
        wanted = list({iuv for iud, iuv in iuvs if iuv and iud not in by_iud})
        if wanted:
            by_iuv.update((code, debt_id) for debt_id, code in conn.exec_driver_sql(
                query.format("iuv"), (json.dumps(wanted), ente_id)).all())
        return by_iud, by_iuv
    # Elsewhere: IN lists, or on PostgreSQL one array per statement (value_lists.among: psycopg would parse
    # an IN list's thousands of placeholders again, a fifth of an import's time).
    for part in value_chunks(conn, sorted({x for x in iuds if x})):
        for debt_id, iud in session.execute(select(Debt.id, Debt.iud).where(
                Debt.ente_id == ente_id, among(conn, Debt.iud, part)).order_by(Debt.id)):
            by_iud[iud] = debt_id
    wanted = sorted({iuv for iud, iuv in iuvs if iuv and iud not in by_iud})
    for part in value_chunks(conn, wanted):
        for debt_id, iuv in session.execute(select(Debt.id, Debt.iuv).where(
                Debt.ente_id == ente_id, among(conn, Debt.iuv, part)).order_by(Debt.id)):
            by_iuv[iuv] = debt_id
    return by_iud, by_iuv


# Column order of the tuples given to insert_receipts.
INSERT_COLUMNS: tuple[str, ...] = (
    "ente_id", "dedupe_key", "export_name", "row_number", "iud", "iuv", "receipt_message_id", "receipt_datetime",
    "psp_id", "psp_name", "payer_type", "payer_code", "payer_name", "payer_email", "outcome_code",
    "total_paid_cents", "amount_cents", "single_outcome", "outcome_date", "iur", "payment_context", "causale",
    "collection_data", "debt_type", "payment_index", "psp_fee_cents", "signature_type", "rt_xml", "bilancio",
    "secondary_fiscal_code", "secondary_name", "secondary_taxonomy", "debt_id", "match_kind", "imported_at",
    "raw_json",
)


def _insert_ignoring_duplicates(dialect_name: str):
    """INSERT ... ON CONFLICT (ente_id, dedupe_key) DO NOTHING for the dialects we run on."""
    if dialect_name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    elif dialect_name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        raise NotImplementedError(f"database {dialect_name} non supportato")
    t = RECEIPT_TABLE
    return (dialect_insert(t).values({c: bindparam(c, type_=t.c[c].type) for c in INSERT_COLUMNS})
            .on_conflict_do_nothing(index_elements=["ente_id", "dedupe_key"]))


def _fast_sqlite_processor(type_, official):
    """C-speed equivalent of SQLite's DATE/DATETIME bind processors, used only if it agrees."""
    from datetime import date as date_cls

    if isinstance(type_, DateTime):
        def fast(v):
            return v.isoformat(" ", "microseconds")
        sample = datetime(987, 6, 5, 4, 3, 2, 1)
    elif isinstance(type_, Date):
        def fast(v):
            return v.isoformat()
        sample = date_cls(987, 6, 5)
    else:
        return official
    return fast if fast(sample) == official(sample) else official


def bind_processors(bind) -> dict[str, Callable[[Any], Any]]:
    """The INSERT_COLUMNS that the dialect converts before binding, each with its converter (not for None)."""
    dialect = bind.dialect
    procs = {}
    for c in INSERT_COLUMNS:
        type_ = RECEIPT_TABLE.c[c].type
        p = type_.dialect_impl(dialect).bind_processor(dialect)
        if p is None:
            continue
        if dialect.name == "sqlite":
            p = _fast_sqlite_processor(type_, p)
        if c in _REPEATING:
            p = _cached(p)
        procs[c] = p
    return procs


def insert_binder(bind) -> Callable[[list], list]:
    """A function that turns a row (list in INSERT_COLUMNS order) into what the driver takes (in place).

    Date and datetime values become what the dialect's own bind processors produce, so the stored
    text is exactly what the ORM writes (and compares equal to ORM-bound parameters).
    """
    procs = [(INSERT_COLUMNS.index(c), p) for c, p in bind_processors(bind).items()]

    def bind_row(row: list) -> list:
        for i, p in procs:
            if row[i] is not None:
                row[i] = p(row[i])
        return row  # (the driver takes a list as it takes a tuple)

    return bind_row


# Columns whose values repeat across an import (payment days, the batch's import time): each
# distinct value is converted once.
_REPEATING = frozenset({"outcome_date", "imported_at"})


def _cached(process: Callable[[Any], Any], limit: int = 4096) -> Callable[[Any], Any]:
    done: dict[Any, Any] = {}

    def cached(value):
        out = done.get(value)
        if out is None:
            if len(done) >= limit:
                done.clear()
            out = done[value] = process(value)
        return out

    return cached


_COMPILED_INSERTS: dict[tuple[str, str], tuple[str, list[int] | None]] = {}


def _compiled_insert(dialect) -> tuple[str, list[int] | None]:
    """(SQL, positions of INSERT_COLUMNS in the parameter order, None for named parameters)."""
    key = (dialect.name, dialect.paramstyle)
    cached = _COMPILED_INSERTS.get(key)
    if cached is None:
        compiled = _insert_ignoring_duplicates(dialect.name).compile(dialect=dialect)
        order = [INSERT_COLUMNS.index(n) for n in compiled.positiontup] if compiled.positional else None
        cached = _COMPILED_INSERTS[key] = (str(compiled), order)
    return cached


def insert_receipts(session: Session, rows: Sequence[Sequence], *, bound: bool = False) -> int:
    """Insert rows in INSERT_COLUMNS order; receipts whose (ente, dedupe_key) exists are skipped.

    Returns how many were inserted. Fast path (an import stores 100,000 rows): the INSERT is
    compiled once by SQLAlchemy for the session's dialect and the rows go straight to the driver's
    executemany, skipping the per-row parameter processing of ``execute(insert(...), dicts)``;
    ``bound`` rows already went through insert_binder. The statement stays portable (positional
    or named parameters, as the dialect wants).
    """
    if not rows:
        return 0
    conn = session.connection()
    dialect = conn.dialect
    sql, order = _compiled_insert(dialect)
    if not bound:
        binder = insert_binder(conn)
        rows = [binder(list(r)) for r in rows]
    if dialect.name == "postgresql" and len(rows) >= COPY_MIN_ROWS:
        return _insert_receipts_postgresql(conn, rows)
    if order is None:
        params: Sequence = [dict(zip(INSERT_COLUMNS, r, strict=True)) for r in rows]
    elif order == list(range(len(INSERT_COLUMNS))):
        params = rows if not rows or type(rows[0]) is tuple else [tuple(r) for r in rows]
    else:
        params = [tuple(r[i] for i in order) for r in rows]
    result = conn.exec_driver_sql(sql, params)
    return result.rowcount if result.rowcount is not None and result.rowcount >= 0 else -1


COPY_MIN_ROWS = 1_000
_RECEIPT_STAGE = "_receipt_import_stage"


def _insert_receipts_postgresql(conn, rows: Sequence[Sequence]) -> int:
    """PostgreSQL fast path of insert_receipts: the rows streamed with COPY into a numbered TEMP table, then
    one INSERT ... SELECT in their order that skips the (ente, dedupe key) already stored."""
    cols = ", ".join(INSERT_COLUMNS)
    postgres.copy_into_stage(conn, _RECEIPT_STAGE, "receipt", cols, rows)
    inserted = conn.exec_driver_sql(
        f"INSERT INTO receipt ({cols}) SELECT {cols} FROM {_RECEIPT_STAGE} ORDER BY _ord "
        "ON CONFLICT (ente_id, dedupe_key) DO NOTHING").rowcount
    conn.exec_driver_sql(f"DROP TABLE {_RECEIPT_STAGE}")
    return inserted


BULK_CACHE_KIB = 64 * 1024  # page cache while a batch is written (SQLite's default is 2 MB)


@contextmanager
def bulk_cache(session: Session) -> Iterator[None]:
    """A bigger SQLite page cache while a batch is stored: the index pages a batch touches all over
    (dedupe key, IUV, IUD) stay in memory instead of being spilled and read again."""
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        yield
        return
    old = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(old)}")


def last_receipt_id(session: Session) -> int:
    return session.scalar(select(func.coalesce(func.max(Receipt.id), 0))) or 0


def batch_counts(session: Session, after_id: int) -> tuple[int, int]:
    """(rows inserted, of which matched) for a batch just inserted in this write transaction (every
    receipt above ``after_id``; by id range only: with the Ente too the planner walks its index)."""
    n, matched = session.execute(select(func.count(), func.count(Receipt.debt_id))
                                 .where(Receipt.id > after_id)).one()
    return int(n or 0), int(matched or 0)


def find_matches(session: Session, ente_id: int) -> list[tuple[int, int, str]]:
    """(receipt id, debt id, "IUD"|"IUV") for stored receipts without a debt whose debt exists now.

    Two indexed joins (receipt -> debt of the same Ente by IUD, then by IUV) run in the database,
    so retrying every unmatched receipt at each import costs little even with years of
    spontaneous payments. When several debts share a code the most recent wins. Secondary-ente
    rows never match.
    """
    base = [Receipt.ente_id == ente_id, Receipt.debt_id.is_(None), Receipt.debt_type != "EXPORT_ENTE_SECONDARIO"]
    found: dict[int, tuple[int, int, str]] = {}
    q_iud = (select(Receipt.id, func.max(Debt.id)).join(Debt, and_(Debt.ente_id == Receipt.ente_id,
                                                                    Debt.iud == Receipt.iud))
             .where(*base, Receipt.iud != "").group_by(Receipt.id))
    for rid, debt_id in session.execute(q_iud):
        found[rid] = (rid, debt_id, "IUD")
    q_iuv = (select(Receipt.id, func.max(Debt.id)).join(Debt, and_(Debt.ente_id == Receipt.ente_id,
                                                                    Debt.iuv == Receipt.iuv))
             .where(*base, Receipt.iuv != "").group_by(Receipt.id))
    for rid, debt_id in session.execute(q_iuv):
        found.setdefault(rid, (rid, debt_id, "IUV"))
    return sorted(found.values())


def set_matches(session: Session, matches: Sequence[tuple[int, int, str]]) -> None:
    """[(receipt id, debt id, match kind)]."""
    if matches:
        t = RECEIPT_TABLE
        conn = session.connection()
        if debts_repo.one_statement_fits(conn, [m[0] for m in matches]):
            # one statement: each one on receipt runs migration 0010's change triggers once
            debts_repo.update_in_one_statement_postgresql(conn, ("debt_id", "match_kind"), list(matches), False,
                                                          table=t)
            return
        session.execute(update(t).where(t.c.id == bindparam("b_id"))
                        .values(debt_id=bindparam("b_debt"), match_kind=bindparam("b_kind")),
                        [{"b_id": rid, "b_debt": debt_id, "b_kind": kind} for rid, debt_id, kind in matches])


def _paid_receipt(r) -> ColumnElement:
    """Receipts that say money came in: amount > 0 and outcome 0/2 (or not stated)."""
    return and_(r.c.amount_cents > 0, r.c.outcome_code.in_(PAID_OUTCOMES))


def recompute_debts(session: Session, which: ColumnElement | Iterable[int]) -> int:
    """Set paid amount, date, PSP and state of debts from their matched receipts (in SQL).

    ``which`` is a criterion on Debt (see recompute_debts_after: only debts with a paying receipt) or
    debt ids. PAGATO when the receipts cover the amount (an excess stays visible as paid >
    amount), PAGATO_PARZIALE when less. Only receipts that say money came in count. A paid debt
    stays paid whatever its state was (even ANNULLATO: the money came). A parent debt follows its
    instalments: paid when every instalment is, in part when some are, unless a receipt paid the
    parent itself (rata unica). Returns how many debts were updated.
    """
    d = Debt.__table__
    r = RECEIPT_TABLE.alias("r")
    paid = and_(r.c.debt_id == d.c.id, _paid_receipt(r))
    if isinstance(which, ColumnElement):
        criteria = [which]
    else:
        ids = sorted(set(which))
        if not ids:
            return 0
        has_paid = select(r.c.id).where(paid).exists()
        criteria = [and_(Debt.id.in_(part), has_paid) for part in _chunks(ids)]
    when = func.coalesce(r.c.receipt_datetime, r.c.outcome_date)
    paid_sum = select(func.coalesce(func.sum(r.c.amount_cents), 0)).where(paid).scalar_subquery()
    last_when = select(func.max(when)).where(paid).scalar_subquery()
    last_psp = select(r.c.psp_name).where(paid).order_by(desc(when), r.c.id.desc()).limit(1).scalar_subquery()
    now = utcnow()
    total = 0
    parents: set[int] = set()
    for crit in criteria:
        result = session.execute(
            update(d).where(crit).values(
                paid_amount_cents=paid_sum, paid_at=last_when, paid_psp=func.coalesce(last_psp, ""), updated_at=now,
                state=case((paid_sum >= d.c.amount_cents, str(DebtState.PAGATO)),
                           else_=str(DebtState.PAGATO_PARZIALE)), **versioned(session)),
            execution_options={"synchronize_session": False})
        total += result.rowcount or 0
        parents.update(p for p in session.scalars(select(Debt.parent_id).where(crit, Debt.parent_id.is_not(None))
                                                  .distinct()))
    return total + _recompute_parents(session, sorted(parents))


def recompute_debts_after(session: Session, ente_id: int, after_id: int) -> int:
    """recompute_debts for the debts paid by the receipts stored with ids above ``after_id`` (one
    batch, just inserted in this write transaction: nothing else can have inserted since). Returns
    how many debts were updated.

    SQLite fast path (3.33+, UPDATE ... FROM): one statement that groups the paying receipts of those
    debts (found by the receipts' debt index) and updates the debts, so the work runs inside SQLite.
    The latest receipt's PSP rides in a composite max() of "when, id, PSP" (char(1) sorts below any
    date character, so a date alone sorts before the same date with a time, and a missing date is
    the oldest: recompute_debts' order). Elsewhere: recompute_debts with the same criterion.
    """
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        return _recompute_debts_after_postgresql(session, ente_id, after_id)
    if conn.dialect.name != "sqlite" or not _UPDATE_FROM:
        r = RECEIPT_TABLE
        return recompute_debts(session, Debt.id.in_(select(r.c.debt_id).where(
            r.c.ente_id == ente_id, r.c.id > after_id, r.c.debt_id.is_not(None), _paid_receipt(r))))
    paid_clause = "amount_cents > 0 AND outcome_code IN ('0', '2', '')"
    batch_debts = (f"SELECT b.debt_id FROM receipt b WHERE b.id > ? AND b.debt_id IS NOT NULL "
                   f"AND b.{paid_clause.replace(' AND ', ' AND b.')}")
    when = "COALESCE(r.receipt_datetime, r.outcome_date)"
    now = _datetime_text(conn.dialect, utcnow())
    updated = conn.exec_driver_sql(
        "UPDATE debt SET paid_amount_cents = p.paid, paid_at = p.paid_at, updated_at = ?, "
        "paid_psp = substr(p.latest, length(COALESCE(p.paid_at, '')) + 23), "
        "state = CASE WHEN p.paid >= debt.amount_cents THEN ? ELSE ? END, version = version + 1, changed_by = ? "
        f"FROM (SELECT r.debt_id AS id, sum(r.amount_cents) AS paid, max({when}) AS paid_at, "
        f"max(COALESCE({when}, '') || char(1) || printf('%020d', r.id) || char(1) || r.psp_name) AS latest "
        f"FROM receipt r WHERE r.debt_id IN ({batch_debts}) AND r.{paid_clause.replace(' AND ', ' AND r.')} "
        "GROUP BY r.debt_id) AS p WHERE debt.id = p.id",
        (now, str(DebtState.PAGATO.value), str(DebtState.PAGATO_PARZIALE.value), session.info.get("actor", ""),
         after_id)).rowcount
    parents = [p for (p,) in conn.exec_driver_sql(
        f"SELECT DISTINCT parent_id FROM debt WHERE id IN ({batch_debts}) AND parent_id IS NOT NULL", (after_id,))]
    return updated + _recompute_parents(session, sorted(parents))


def _recompute_debts_after_postgresql(session: Session, ente_id: int, after_id: int) -> int:
    """PostgreSQL fast path of recompute_debts_after: the same rules in one UPDATE ... FROM over the paying
    receipts of the batch's debts, grouped once (recompute_debts runs three correlated subqueries per
    debt). The latest receipt's PSP is the first of the receipts ordered by date (a missing date the
    oldest), then id, newest first: recompute_debts' order."""
    conn = session.connection()
    paid = "r.amount_cents > 0 AND r.outcome_code IN ('0', '2', '')"
    when = "COALESCE(r.receipt_datetime, r.outcome_date)"
    batch_debts = (f"SELECT b.debt_id FROM receipt b WHERE b.ente_id = %(ente)s AND b.id > %(after)s "
                   f"AND b.debt_id IS NOT NULL AND {paid.replace('r.', 'b.')}")
    updated = conn.exec_driver_sql(
        "UPDATE debt SET paid_amount_cents = p.paid, paid_at = p.paid_at, paid_psp = COALESCE(p.psp, ''), "
        "updated_at = %(now)s, state = CASE WHEN p.paid >= debt.amount_cents THEN %(full)s ELSE %(part)s END, "
        "version = debt.version + 1, changed_by = %(actor)s "
        f"FROM (SELECT r.debt_id AS id, sum(r.amount_cents) AS paid, max({when}) AS paid_at, "
        f"(array_agg(r.psp_name ORDER BY {when} DESC NULLS LAST, r.id DESC))[1] AS psp "
        f"FROM receipt r WHERE r.debt_id IN ({batch_debts}) AND {paid} GROUP BY r.debt_id) AS p "
        "WHERE debt.id = p.id",
        {"now": utcnow(), "full": str(DebtState.PAGATO.value), "part": str(DebtState.PAGATO_PARZIALE.value),
         "actor": session.info.get("actor", ""), "ente": ente_id, "after": after_id}).rowcount
    parents = [p for (p,) in conn.exec_driver_sql(
        f"SELECT DISTINCT parent_id FROM debt WHERE id IN ({batch_debts}) AND parent_id IS NOT NULL",
        {"ente": ente_id, "after": after_id})]
    return updated + _recompute_parents(session, sorted(parents))


_UPDATE_FROM = sqlite3.sqlite_version_info >= (3, 33, 0)  # UPDATE ... FROM (older SQLite: recompute_debts)


def _datetime_text(dialect, value: datetime) -> Any:
    return DateTime().dialect_impl(dialect).bind_processor(dialect)(value)


def _recompute_parents(session: Session, parent_ids: list[int]) -> int:
    updates: list[dict[str, Any]] = []
    for part in _chunks(parent_ids):
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
            updates.append({"b_id": parent_id, "b_paid": sum(k[0] for k in kids), "b_at": last[2],
                            "b_psp": last[3], "b_state": str(DebtState.PAGATO if all_paid
                                                             else DebtState.PAGATO_PARZIALE)})
    if updates:
        d = Debt.__table__
        session.execute(update(d).where(d.c.id == bindparam("b_id"))
                        .values(paid_amount_cents=bindparam("b_paid"), paid_at=bindparam("b_at"),
                                paid_psp=bindparam("b_psp"), state=bindparam("b_state"), updated_at=utcnow(),
                                **versioned(session)),
                        updates)
    return len(updates)


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
        where.append(any_contains(session, TEXT_COLUMNS, text))
    return where


def ids(session: Session, where: list[ColumnElement], sort: str = "outcome_date", descending: bool = True
        ) -> array:
    col = SORT_COLUMNS.get(sort, Receipt.outcome_date)
    order = [desc(col) if descending else asc(col), Receipt.id.desc() if descending else Receipt.id.asc()]
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
    order = [desc(Receipt.outcome_date), Receipt.id.desc()]
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
