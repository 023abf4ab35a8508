"""Queries for the portal area: the journal, upload flows and their rows, and the debt columns the
sync needs. Bulk paths use Core statements (executemany) so a 100,000-row flow stays fast."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import and_, bindparam, case, delete, func, insert, literal_column, or_, select, update
from sqlalchemy.orm import Session, defer

from mypay_desk.domain.debt_states import PAID_STATES
from mypay_desk.domain.debts import RECORD_FIELDS
from mypay_desk.store.models import Debt, DebtList, Ente, PortalJournal, UploadFlow, UploadFlowRow
from mypay_desk.store.repositories.debts import (
    _sqlite_value,
    columns_of,
    guarded_set,
    one_statement_fits,
    split_constant,
    update_in_one_statement_postgresql,
    versioned,
)
from mypay_desk.store.repositories.value_lists import sqlite_has_json

CHUNK = 500

# Debt columns a sync reads: the flow fields (bilancio as its JSON text) plus the local state.
_RECORD_COLUMNS = [getattr(Debt, "bilancio_json" if f == "bilancio" else f) for f in RECORD_FIELDS]
SYNC_COLUMNS = [
    Debt.id, Debt.list_id, Debt.parent_id, Debt.instalment_number, Debt.position, Debt.state,
    Debt.cancel_requested, Debt.is_valid, Debt.portal_hash, Debt.portal_state, Debt.portal_error_code,
    Debt.notice_number, Debt.sending_flow_id, Debt.iuv_assigned_at, Debt.updated_at, Debt.portal_accepted_at,
    Debt.paid_amount_cents,
    *_RECORD_COLUMNS,
]
_NOT_SENDABLE = ("ANNULLATO", "PAGATO", "PAGATO_PARZIALE", "IN_INVIO")
_PAID = sorted(PAID_STATES)
#: apply_rows' SQL paths: the new state only where the debt is not paid (guarded_set).
_KEEP_PAID = {"state": "CASE WHEN {table}.state IN (" + ", ".join(f"'{v}'" for v in _PAID)
                       + ") THEN {table}.state ELSE {value} END"}


# --- journal ----------------------------------------------------------------------------------

def add_journal(session: Session, ente_id: int | None, *, operation: str, at: datetime, duration_ms: int,
                outcome: str, fault_code: str = "", message: str = "", http_status: int | None = None) -> None:
    session.add(PortalJournal(ente_id=ente_id, operation=operation[:80], at=at, duration_ms=duration_ms,
                              outcome=outcome[:20], fault_code=fault_code[:80], message=message,
                              http_status=http_status))


def list_journal(session: Session, ente_id: int, limit: int = 500) -> list[PortalJournal]:
    q = (select(PortalJournal).where(PortalJournal.ente_id == ente_id)
         .order_by(PortalJournal.id.desc()).limit(limit))
    return list(session.scalars(q))


def last_journal(session: Session, ente_id: int) -> PortalJournal | None:
    q = select(PortalJournal).where(PortalJournal.ente_id == ente_id).order_by(PortalJournal.id.desc()).limit(1)
    return session.scalar(q)


# --- lists ------------------------------------------------------------------------------------

def get_list(session: Session, ente_id: int, name: str) -> DebtList | None:
    return session.scalar(select(DebtList).where(DebtList.ente_id == ente_id, DebtList.name == name))


def list_names(session: Session, ente_id: int) -> list[tuple[int, str]]:
    return [(r.id, r.name) for r in session.execute(
        select(DebtList.id, DebtList.name).where(DebtList.ente_id == ente_id).order_by(DebtList.name))]


def receipts_synced_to(session: Session, ente_id: int) -> datetime | None:
    return session.scalar(select(Ente.receipts_synced_to).where(Ente.id == ente_id))


# --- debts as the sync sees them --------------------------------------------------------------

def _dicts(session: Session, stmt) -> list[dict[str, Any]]:
    # zip over plain tuples: about twice as fast as Row._mapping for 100,000 wide rows. Run on the session's
    # connection (same transaction): the ORM's result path adds ~0.3-0.9 s per 100,000 rows to plain columns.
    result = session.connection().execute(stmt)
    keys = list(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result]


def sync_rows(session: Session, list_id: int) -> list[dict[str, Any]]:
    """Every debt of a list (instalments included) with the columns of SYNC_COLUMNS."""
    return _dicts(session, select(*SYNC_COLUMNS).where(Debt.list_id == list_id).order_by(Debt.position, Debt.id))


def sync_rows_by_ids(session: Session, debt_ids: Sequence[int]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    ids = list(debt_ids)
    for start in range(0, len(ids), CHUNK):
        stmt = select(*SYNC_COLUMNS).where(Debt.id.in_(ids[start:start + CHUNK]))
        out.extend(dict(r._mapping) for r in session.execute(stmt))
    return out


def sync_rows_of_flow(session: Session, flow_id: int) -> list[dict[str, Any]]:
    """The debts currently travelling in a flow."""
    return _dicts(session, select(*SYNC_COLUMNS).where(Debt.sending_flow_id == flow_id))


# What applying an accepted row needs of a debt whose sent record is at hand (see sync/outcome.py).
_APPLY_COLUMNS = [Debt.id, Debt.iuv, Debt.generate_iuv, Debt.iuv_assigned_at, Debt.notice_number, Debt.updated_at,
                  Debt.version]


def apply_columns_of_flow(session: Session, flow_id: int) -> list[dict[str, Any]]:
    """The debts currently travelling in a flow, with only the columns of _APPLY_COLUMNS."""
    return _dicts(session, select(*_APPLY_COLUMNS).where(Debt.sending_flow_id == flow_id))


def flow_debts_signature(session: Session, flow_id: int) -> tuple[int, int]:
    """(how many, sum of their versions) of the debts travelling in a flow: the same pair later means no
    such debt was written or deleted meanwhile (every write moves a version on, and none joins a flow
    after it is recorded). A write of debts.UNVERSIONED columns alone does not move it: it changes no
    field the flow sent, and applying the outcome writes the same for such a debt either way."""
    count, total = session.execute(select(func.count(), func.coalesce(func.sum(Debt.version), 0))
                                   .where(Debt.sending_flow_id == flow_id)).one()
    return int(count), int(total)


def mark_rows(session: Session, flow_id: int, outcome: str) -> None:
    session.execute(update(UploadFlowRow).where(UploadFlowRow.flow_id == flow_id)
                    .values(outcome=outcome, code="", message=""))


def pending_candidates(session: Session, ente_id: int) -> tuple[int, list[dict[str, Any]]]:
    """Cheap pending estimate for the status bar: (count of new valid debts never rejected, rows that
    may be pending and need a hash check). M candidates are debts touched after the portal last
    accepted them (``updated_at > portal_accepted_at``; the sync writes both with the same value)."""
    base = [Debt.ente_id == ente_id, Debt.state.not_in(_NOT_SENDABLE)]
    plain_new = session.execute(select(func.count(Debt.id)).where(
        *base, Debt.portal_hash == "", Debt.cancel_requested.is_(False), Debt.is_valid.is_(True),
        Debt.state != "RIFIUTATO")).scalar_one()
    candidates = select(*SYNC_COLUMNS).where(*base, or_(
        and_(Debt.portal_hash == "", Debt.cancel_requested.is_(False), Debt.is_valid.is_(True),
             Debt.state == "RIFIUTATO"),
        and_(Debt.portal_hash != "", Debt.cancel_requested.is_(True)),
        and_(Debt.portal_hash != "", Debt.cancel_requested.is_(False), Debt.is_valid.is_(True),
             or_(Debt.portal_accepted_at.is_(None), Debt.updated_at > Debt.portal_accepted_at)),
    ))
    return plain_new, [dict(r._mapping) for r in session.execute(candidates)]


def last_rejected_hashes(session: Session, debt_ids: Sequence[int]) -> dict[int, str]:
    """For each debt, the content hash of the last flow row the portal rejected."""
    out: dict[int, str] = {}
    ids = list(debt_ids)
    for start in range(0, len(ids), CHUNK):
        stmt = (select(UploadFlowRow.debt_id, UploadFlowRow.content_hash)
                .where(UploadFlowRow.debt_id.in_(ids[start:start + CHUNK]), UploadFlowRow.outcome == "REJECTED")
                .order_by(UploadFlowRow.id))
        for debt_id, content_hash in session.execute(stmt):
            out[debt_id] = content_hash
    return out


# --- flows ------------------------------------------------------------------------------------

def create_flow(session: Session, *, ente_id: int, list_id: int | None, iuf: str, version: str, file_name: str,
                zip_data: bytes, counts: dict[str, int], now: datetime) -> int:
    """Record a flow created at ``now`` and its ZIP; the caller adds its rows (insert_flow_rows) and marks its
    debts (mark_in_flight, the same ``now``) before the transaction ends."""
    flow = UploadFlow(ente_id=ente_id, list_id=list_id, iuf=iuf, version=version, file_name=file_name,
                      zip_data=zip_data, state="PREPARATO", count_insert=counts.get("I", 0),
                      count_modify=counts.get("M", 0), count_cancel=counts.get("A", 0), created_at=now,
                      updated_at=now)
    session.add(flow)
    session.flush()
    return flow.id


#: A flow row as insert_flow_rows takes it: (debt id, row number, action, IUD, content hash).
FlowRowValues = tuple[int | None, int, str, str, str]
_FLOW_ROW_COLUMNS = ("flow_id", "debt_id", "row_number", "action", "iud", "content_hash", "outcome", "code",
                     "message")


def flow_rows_in_one_statement(session: Session) -> bool:
    """Whether insert_flow_rows writes the rows with one statement SQLite runs without Python's GIL, so that it
    can run on a thread beside Python work (a statement per row would take the GIL back for every row)."""
    return sqlite_has_json(session.connection())


def insert_flow_rows(session: Session, flow_id: int, rows: Sequence[FlowRowValues]) -> None:
    """The rows of a flow, outcome PENDING, in the order given.

    SQLite with its JSON functions: the rows travel as one JSON array and one INSERT ... SELECT takes them apart
    (a flow has 100,000 rows). Elsewhere one statement per row (on PostgreSQL a COPY, which measured faster
    there than the same JSON statement: 1.7 s against 2.2-2.5 s for 100,000 rows)."""
    if not rows:
        return
    conn = session.connection()
    if sqlite_has_json(conn):
        conn.exec_driver_sql(
            f"INSERT INTO upload_flow_row ({', '.join(_FLOW_ROW_COLUMNS)}) SELECT ?, json_extract(value, '$[0]'), "
            "json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'), "
            "json_extract(value, '$[4]'), 'PENDING', '', '' FROM json_each(?) ORDER BY key",
            (flow_id, json.dumps(rows, ensure_ascii=False)))
        return
    _execute_many(conn, insert(UploadFlowRow.__table__), _FLOW_ROW_COLUMNS,
                  [(flow_id, *r, "PENDING", "", "") for r in rows])


def mark_in_flight(session: Session, flow_id: int, now: datetime) -> None:
    """The debts of a flow's rows IN_INVIO with the flow. ``now``: the flow's creation time, which becomes
    their updated_at, so a later edit of a debt in flight shows as a newer value. One statement for every
    debt of the flow, not one per debt: the database runs it without holding Python's GIL."""
    t, d = UploadFlowRow.__table__, Debt.__table__
    session.connection().execute(  # (a debt a receipt paid since the flow was planned stays paid: apply_rows)
        update(d).where(d.c.id.in_(select(t.c.debt_id).where(t.c.flow_id == flow_id)), d.c.state.not_in(_PAID))
        .values(state="IN_INVIO", sending_flow_id=flow_id, updated_at=now, **versioned(session)))


def _execute_many(conn, stmt, names: Sequence[str], rows: list[tuple]) -> None:
    """``stmt`` (an INSERT or UPDATE with a bind parameter per name) once per row of values.

    SQLite fast path: compiled once and handed to the driver's executemany with the values as SQLite
    stores them (dates as ISO text, booleans as 0/1, as SQLAlchemy's own SQLite types write them),
    without SQLAlchemy's per-row parameter processing (seconds for 100,000 rows). Elsewhere: Core.
    """
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        _execute_many_postgresql(conn, stmt, names, rows)
        return
    if conn.dialect.name != "sqlite":
        conn.execute(stmt, [dict(zip(names, r, strict=True)) for r in rows])
        return
    if stmt.is_insert:
        stmt = stmt.values({n: bindparam(n) for n in names})  # (every column given: no Python defaults here)
    compiled = stmt.compile(dialect=conn.dialect)
    order = [names.index(n) for n in compiled.positiontup]
    value = _sqlite_converter()  # the same timestamp on every row (the outcome's "now"): converted once
    conn.connection.driver_connection.cursor().executemany(
        compiled.string, [tuple(value(r[i]) for i in order) for r in rows])


def _execute_many_postgresql(conn, stmt, names: Sequence[str], rows: list[tuple]) -> None:
    """PostgreSQL fast path of ``_execute_many``: an INSERT of plain values is streamed with COPY (psycopg
    adapts the rows in C); an UPDATE is compiled once and handed to psycopg's executemany (pipelined),
    without SQLAlchemy's per-row parameter processing."""
    cursor = conn.connection.driver_connection.cursor()
    if stmt.is_insert:
        quote = conn.dialect.identifier_preparer.quote
        with cursor.copy(f"COPY {quote(stmt.table.name)} ({', '.join(quote(n) for n in names)}) FROM STDIN") as copy:
            for r in rows:
                copy.write_row(r)
        return
    compiled = stmt.compile(dialect=conn.dialect)
    missing = set(compiled.binds) - set(names)
    if missing:  # (a bind this path would not fill: the portable way)
        conn.execute(stmt, [dict(zip(names, r, strict=True)) for r in rows])
        return
    cursor.executemany(compiled.string, [dict(zip(names, r, strict=True)) for r in rows])


def get_flow(session: Session, flow_id: int) -> UploadFlow | None:
    return session.get(UploadFlow, flow_id)


def get_flow_by_iuf(session: Session, ente_id: int, iuf: str) -> UploadFlow | None:
    return session.scalar(select(UploadFlow).where(UploadFlow.ente_id == ente_id, UploadFlow.iuf == iuf))


def list_flows(session: Session, ente_id: int, limit: int = 200) -> list[tuple[UploadFlow, str]]:
    """Flows of an Ente, newest first, with their list's name (the ZIP is not loaded)."""
    q = (select(UploadFlow, DebtList.name).outerjoin(DebtList, DebtList.id == UploadFlow.list_id)
         .where(UploadFlow.ente_id == ente_id).options(defer(UploadFlow.zip_data))
         .order_by(UploadFlow.id.desc()).limit(limit))
    return [(f, name or "") for f, name in session.execute(q)]


def unfinished_flows(session: Session, ente_id: int, list_id: int | None = None) -> list[UploadFlow]:
    q = select(UploadFlow).where(UploadFlow.ente_id == ente_id,
                                 UploadFlow.state.in_(("PREPARATO", "AUTORIZZATO", "CARICATO")))
    if list_id is not None:
        q = q.where(UploadFlow.list_id == list_id)
    return list(session.scalars(q.order_by(UploadFlow.id)))


def update_flow(session: Session, flow_id: int, **values: Any) -> None:
    session.execute(update(UploadFlow).where(UploadFlow.id == flow_id).values(**values))


def flow_rows(session: Session, flow_id: int, outcome: str | None = None) -> list[UploadFlowRow]:
    q = select(UploadFlowRow).where(UploadFlowRow.flow_id == flow_id)
    if outcome:
        q = q.where(UploadFlowRow.outcome == outcome)
    return list(session.scalars(q.order_by(UploadFlowRow.row_number)))


def delete_flow(session: Session, flow_id: int) -> None:
    """Forget a flow nothing of which reached the portal, and give its debts back their state."""
    release_debts(session, flow_id)
    session.execute(delete(UploadFlowRow).where(UploadFlowRow.flow_id == flow_id))
    session.execute(delete(UploadFlow).where(UploadFlow.id == flow_id))


def release_debts(session: Session, flow_id: int) -> None:
    """Debts of a flow the portal did not process go back to the state they had before it.

    Before a flow a debt was NUOVO or RIFIUTATO (never accepted) or SUL_PORTALE (accepted; its M or A is
    still pending and will travel in the next flow).
    """
    t = Debt.__table__
    for state, cond in (
        ("SUL_PORTALE", t.c.portal_hash != ""),
        ("RIFIUTATO", and_(t.c.portal_hash == "", t.c.portal_error_code != "")),
        ("NUOVO", and_(t.c.portal_hash == "", t.c.portal_error_code == "")),
    ):
        session.execute(update(t).where(t.c.sending_flow_id == flow_id, t.c.state == "IN_INVIO", cond)
                        .values(state=state, sending_flow_id=None, **versioned(session)))
    session.execute(update(t).where(t.c.sending_flow_id == flow_id)
                    .values(sending_flow_id=None, **versioned(session)))


def apply_rows(session: Session, flow_id: int, row_updates: list[dict[str, Any]],
               debt_updates: list[dict[str, Any]]) -> None:
    """Write a flow's outcome: row outcomes (``r_id``, outcome, code, message) and debt changes
    (``b_id`` plus the same keys for every dict in the batch; batched by key set).

    A ``state`` given never replaces a paid one (PAID_STATES, decided by receipts only): an outcome applied
    after ``sync receipts`` found a payment of the debt (a push resumed later) would otherwise show it unpaid
    again, and no later receipts sync would correct it (the receipt is stored already). The guard is in
    the UPDATE itself, so a receipt stored by another desk after this desk read the debt counts too."""
    # Bind names must differ from the column names being SET, hence the v_ prefix.
    conn = session.connection()
    rt = UploadFlowRow.__table__
    _execute_many(conn, update(rt).where(rt.c.id == bindparam("r_id")).values(
        outcome=bindparam("v_outcome"), code=bindparam("v_code"), message=bindparam("v_message")),
        ("r_id", "v_outcome", "v_code", "v_message"),
        [(r["r_id"], r["outcome"], r["code"], r["message"]) for r in row_updates])
    # Grouped by their keys in the order given (dicts built alike share it): one tuple per dict, no sort.
    by_keys: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for d in debt_updates:
        by_keys.setdefault(tuple(d), []).append(d)
    t = Debt.__table__
    actor = session.info.get("actor", "")
    for given, batch in by_keys.items():
        keys = tuple(k for k in given if k != "b_id")
        # the version moves in the same statement (store/repositories/debts.py versioned); the writer is a value
        bump = versioned(session, keys)
        values = {k: bindparam(f"v_{k}") for k in keys}
        names: tuple[str, ...] = ("b_id", *(f"v_{k}" for k in keys))
        if bump:
            values.update(version=bump["version"], changed_by=bindparam("v__changed_by"))
            names += ("v__changed_by",)
        tail = (actor,) if bump else ()
        get = itemgetter("b_id", *keys) if keys else (lambda d: (d["b_id"],))
        rows = [get(d) + tail for d in batch] if tail else list(map(get, batch))  # (itemgetter: in C)
        ids = [r[0] for r in rows]
        if conn.dialect.name == "sqlite" and len(rows) >= STAGING_MIN and len(set(ids)) == len(ids):
            _update_debts_from_staging(conn, keys, rows, bool(bump))
            continue
        if one_statement_fits(conn, ids):
            update_in_one_statement_postgresql(conn, keys, rows, bool(bump), guards=_KEEP_PAID)
            continue
        if "state" in values:
            paid = [literal_column(f"'{v}'") for v in _PAID]  # (inline: _execute_many binds by name only)
            values["state"] = case((t.c.state.in_(paid), t.c.state), else_=values["state"])
        stmt = update(t).where(t.c.id == bindparam("b_id")).values(values)
        _execute_many(conn, stmt, names, rows)


#: From this many debts of one shape on, SQLite updates them from a staging table (see below).
STAGING_MIN = 1_000


def _update_debts_from_staging(conn, keys: Sequence[str], rows: list[tuple], bump: bool) -> None:
    """SQLite: the same writes as one UPDATE per debt, done as one ``UPDATE debt ... FROM`` a temporary
    table holding the new values (SQLite >= 3.33). The triggers on ``debt`` still run for each row, but
    the statement is prepared and run once: about 2.5x less CPU for 100,000 debts. ``rows``: (debt id,
    the value of each key, [the writer when ``bump``]); every id once (a repeated id would be one write
    here and two there, so the caller keeps those on the per-row path).

    A column with one value on every row (an outcome's time, state, cleared error: most of them) is
    bound once in the UPDATE instead of staged per row: only the values that differ are copied."""
    quote = conn.dialect.identifier_preparer.quote
    cursor = conn.connection.driver_connection.cursor()
    stage = "temp.mypay_debt_stage"
    value = _sqlite_converter()
    targets = [*(quote(k) for k in keys), *(["changed_by"] if bump else [])]  # rows[i][1:] in this order
    columns = columns_of(rows)
    staged, constant = split_constant(columns)
    cursor.execute(f"DROP TABLE IF EXISTS {stage}")
    # No declared types: each value is stored as given, then converted by debt's own column on the UPDATE,
    # exactly as a bound parameter of the per-row statement would be.
    cursor.execute(f"CREATE TABLE {stage} (b_id INTEGER PRIMARY KEY{''.join(f', v{p}' for p in staged)})")
    cursor.executemany(f"INSERT INTO {stage} VALUES ({', '.join('?' * (len(staged) + 1))})",
                       zip(columns[0], *(_as_stored(columns[p], value) for p in staged), strict=True))
    table = quote(Debt.__table__.name)
    names = [*keys, *(["changed_by"] if bump else [])]
    sets = ([guarded_set(targets[p - 1], f"s.v{p}", names[p - 1], _KEEP_PAID, table) for p in staged]
            + [guarded_set(targets[p - 1], "?", names[p - 1], _KEEP_PAID, table) for p in constant])
    if bump:  # (store/repositories/debts.py versioned: the version moves on)
        sets.append("version = version + 1")
    cursor.execute(f"UPDATE {table} SET {', '.join(sets)} FROM {stage} AS s WHERE {table}.id = s.b_id",
                   [value(columns[p][0]) for p in constant])
    cursor.execute(f"DROP TABLE {stage}")


_STORED_AS_GIVEN = frozenset({str, int, type(None)})


def _as_stored(column: tuple, value) -> Sequence:
    """A column's values as SQLite stores them (``value``), converted only when some need it (dates, booleans)."""
    return column if set(map(type, column)) <= _STORED_AS_GIVEN else list(map(value, column))


def update_debts(session: Session, updates: Iterable[dict[str, Any]]) -> None:
    apply_rows(session, 0, [], list(updates))


def flow_debt_rows(session: Session, flow_id: int) -> list[tuple[int, int | None, str, str, str]]:
    """(row id, debt id, action, iud, content_hash) of every row of a flow."""
    stmt = (select(UploadFlowRow.id, UploadFlowRow.debt_id, UploadFlowRow.action, UploadFlowRow.iud,
                   UploadFlowRow.content_hash)
            .where(UploadFlowRow.flow_id == flow_id).order_by(UploadFlowRow.row_number))
    return [tuple(r) for r in session.execute(stmt)]


def debt_list_id(session: Session, debt_id: int) -> int | None:
    return session.scalar(select(Debt.list_id).where(Debt.id == debt_id))


def debt_ente_id(session: Session, debt_id: int) -> int | None:
    return session.scalar(select(Debt.ente_id).where(Debt.id == debt_id))


def find_debt_by_iud(session: Session, ente_id: int, iud: str) -> dict[str, Any] | None:
    stmt = (select(Debt.id, Debt.iud, DebtList.name.label("list_name"), Debt.debtor_name, Debt.amount_cents,
                   Debt.state, Debt.iuv, Debt.notice_number)
            .join(DebtList, DebtList.id == Debt.list_id).where(Debt.ente_id == ente_id, Debt.iud == iud)
            .order_by(Debt.id.desc()).limit(1))
    row = session.execute(stmt).first()
    return dict(row._mapping) if row else None


def _sqlite_converter():
    """A function giving each value as SQLite stores it (see ``_sqlite_value``), converting each distinct
    date, time or bool once: a batch repeats the same few (the outcome's "now")."""
    done: dict[Any, Any] = {}

    def value(v: Any) -> Any:
        if v.__class__ in (str, int) or v is None:
            return v
        out = done.get(v)
        if out is None:
            out = done[v] = _sqlite_value(v)
        return out

    return value
