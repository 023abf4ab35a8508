"""Debt lists and debts: the queries and bulk writes behind the list service.

Rows travel as plain dicts of column values (no ORM objects on the hot paths). Bulk inserts of many
rows go through a staging table: the rows are bound once into an index-less TEMP table with only the
columns that vary, then copied into ``debt`` with a single INSERT ... SELECT that fills the constant
columns, so the per-row cost in Python is one narrow executemany (see ``insert_debts``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    Select,
    and_,
    bindparam,
    delete,
    exists,
    func,
    insert,
    literal_column,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from mypay_desk.store import postgres
from mypay_desk.store.models import Debt, DebtList, UploadFlow
from mypay_desk.store.models.base import utcnow
from mypay_desk.store.models.debts import UNSYNCED_ON_PORTAL
from mypay_desk.store.ordering import asc
from mypay_desk.store.repositories.list_tallies import tally_paused
from mypay_desk.store.repositories.value_lists import unbounded

CHUNK = 500  # ids per IN (...) list
STAGE_MIN_ROWS = 2_000  # below this a plain executemany is as fast
BULK_CACHE_KIB = 64 * 1024  # page cache during big inserts (SQLite's default is 2 MB)
_STAGE_TABLE = "_debt_import_stage"

#: Every debt column but the primary key, in table order.
DEBT_COLUMNS: list[str] = [c.name for c in Debt.__table__.columns if c.name != "id"]
#: Python-side defaults of the debt columns (the table has no server defaults).
DEBT_DEFAULTS: dict[str, Any] = {}
for _c in Debt.__table__.columns:
    if _c.name == "id":
        continue
    _d = _c.default
    DEBT_DEFAULTS[_c.name] = None if _d is None or callable(getattr(_d, "arg", None)) else _d.arg


# --- lists -------------------------------------------------------------------------------------

def list_lists(session: Session, ente_id: int) -> list[DebtList]:
    return list(session.scalars(select(DebtList).where(DebtList.ente_id == ente_id).order_by(DebtList.name)))


def get_list(session: Session, ente_id: int, name: str) -> DebtList | None:
    return session.scalar(select(DebtList).where(DebtList.ente_id == ente_id, DebtList.name == name))


def get_list_by_id(session: Session, list_id: int) -> DebtList | None:
    return session.get(DebtList, list_id)


def create_list(session: Session, ente_id: int, name: str, default_debt_type: str = "",
                description: str = "") -> DebtList:
    row = DebtList(ente_id=ente_id, name=name, default_debt_type=default_debt_type, description=description)
    session.add(row)
    session.flush()
    return row


def delete_list(session: Session, list_id: int) -> None:
    # Children first so a million-row list does not go through ORM cascades.
    session.execute(delete(Debt).where(Debt.list_id == list_id, Debt.parent_id.is_not(None)))
    session.execute(delete(Debt).where(Debt.list_id == list_id))
    session.execute(delete(DebtList).where(DebtList.id == list_id))


SENT_STATES = ("IN_INVIO", "SUL_PORTALE", "RIFIUTATO", "PAGATO", "PAGATO_PARZIALE", "SCADUTO")


def was_sent(session: Session, list_id: int) -> bool:
    """True once anything of the list reached the portal (or is on its way there)."""
    debt_sent = select(Debt.id).where(
        Debt.list_id == list_id,
        or_(Debt.portal_hash != "", Debt.state.in_(SENT_STATES), Debt.sending_flow_id.is_not(None)),
    ).limit(1)
    if session.execute(debt_sent).first() is not None:
        return True
    return session.execute(select(exists().where(UploadFlow.list_id == list_id))).scalar_one()


# --- reading debts -----------------------------------------------------------------------------

_ALL = [Debt.id, *[getattr(Debt, c) for c in DEBT_COLUMNS]]


def debts_of_list(session: Session, list_id: int, *, top_level: bool = False, offset: int = 0,
                  limit: int | None = None, columns: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Debts of a list ordered by position (parents before their instalments), as dicts."""
    cols = _ALL if columns is None else [Debt.id, *[getattr(Debt, c) for c in columns if c != "id"]]
    stmt = select(*cols).where(Debt.list_id == list_id)
    if top_level:
        stmt = stmt.where(Debt.parent_id.is_(None))
    stmt = stmt.order_by(Debt.position, asc(Debt.instalment_number), Debt.id).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [dict(r._mapping) for r in session.execute(stmt)]


def count_debts(session: Session, list_id: int, top_level: bool = True) -> int:
    stmt = select(func.count(Debt.id)).where(Debt.list_id == list_id)
    if top_level:
        stmt = stmt.where(Debt.parent_id.is_(None))
    return session.execute(stmt).scalar_one()


def debts_by_ids(session: Session, ids: Iterable[int]) -> list[dict[str, Any]]:
    wanted = list(ids)
    out: list[dict[str, Any]] = []
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start:start + CHUNK]
        out.extend(dict(r._mapping) for r in session.execute(select(*_ALL).where(Debt.id.in_(chunk))))
    order = {i: n for n, i in enumerate(wanted)}
    out.sort(key=lambda d: order[d["id"]])
    return out


def children_of(session: Session, parent_ids: Sequence[int]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for start in range(0, len(parent_ids), CHUNK):
        chunk = list(parent_ids[start:start + CHUNK])
        stmt = select(*_ALL).where(Debt.parent_id.in_(chunk)).order_by(Debt.parent_id, Debt.instalment_number)
        out.extend(dict(r._mapping) for r in session.execute(stmt))
    return out


def debts_with_iuds(session: Session, ente_id: int, iuds: Iterable[str],
                    columns: Sequence[str] = ("list_id", "iud")) -> list[dict[str, Any]]:
    """Debts of the Ente whose IUD is among ``iuds`` (any list)."""
    wanted = sorted({i for i in iuds if i})
    cols = [Debt.id, *[getattr(Debt, c) for c in columns]]
    out: list[dict[str, Any]] = []
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start:start + CHUNK]
        stmt = select(*cols).where(Debt.ente_id == ente_id, Debt.iud.in_(chunk))
        out.extend(dict(r._mapping) for r in session.execute(stmt))
    return out


def list_names(session: Session, list_ids: Iterable[int]) -> dict[int, str]:
    ids = list(set(list_ids))
    if not ids:
        return {}
    return dict(session.execute(select(DebtList.id, DebtList.name).where(DebtList.id.in_(ids))).all())


def max_position(session: Session, list_id: int) -> int:
    return session.execute(
        select(func.coalesce(func.max(Debt.position), -1)).where(Debt.list_id == list_id)
    ).scalar_one()


def without_iuv(session: Session, list_id: int) -> list[dict[str, Any]]:
    """Valid, sendable debts of a list with no IUV that the portal has never accepted."""
    stmt = (select(*_ALL).where(Debt.list_id == list_id, Debt.iuv == "", Debt.is_valid.is_(True),
                                Debt.portal_hash == "", Debt.cancel_requested.is_(False),
                                Debt.state.in_(("NUOVO", "RIFIUTATO")))
            .order_by(Debt.position, asc(Debt.instalment_number), Debt.id))
    return [dict(r._mapping) for r in session.execute(stmt)]


# --- writing debts -----------------------------------------------------------------------------

def _full_row(values: dict[str, Any], now: datetime) -> dict[str, Any]:
    row = dict(DEBT_DEFAULTS)
    row["created_at"] = now
    row["updated_at"] = now
    row.update(values)
    return row


def insert_debt_columns(session: Session, columns: dict[str, Any], constants: dict[str, Any] | None = None) -> int:
    """Insert debts given column-wise: ``{column: list of values, or one value for every row}``;
    ``constants`` too give one value for every row; other columns take their defaults. Returns the
    number of rows (the length of the lists).

    Fast path (SQLite, many rows): the columns that vary are bound into an index-less TEMP table, then
    one INSERT ... SELECT adds the constant columns and maintains the indexes in C.
    """
    lists = {k: v for k, v in columns.items() if isinstance(v, list)}
    if not lists:
        return 0
    n = len(next(iter(lists.values())))
    if any(len(v) != n for v in lists.values()):
        raise ValueError("debt columns of different lengths")
    if n == 0:
        return 0
    now = utcnow()
    consts = {k: v for k, v in DEBT_DEFAULTS.items() if k not in columns}
    consts.update(created_at=now, updated_at=now)
    consts.update({k: v for k, v in columns.items() if not isinstance(v, list)})
    consts.update(constants or {})
    varying: list[tuple[str, list]] = []
    for name, values in lists.items():
        consts.pop(name, None)
        first = values[0]
        # A column with one value for every row (most 1_4 fields of an office's file) is a constant.
        # (The last value tells most varying columns at once, without counting.)
        if (first is None or type(first) in (str, int, bool)) and values[-1] == first \
                and values.count(first) == n:
            consts[name] = first
        else:
            varying.append((name, values))
    unknown = [c for c in [*(name for name, _v in varying), *consts] if c not in DEBT_DEFAULTS]
    if unknown:
        raise ValueError(f"unknown debt columns: {unknown}")
    conn = session.connection()
    if not varying:  # all rows identical: keep one column so a staging table has the rows
        name = next(iter(lists))
        varying.append((name, lists[name]))
        consts.pop(name)
    if conn.dialect.name == "postgresql" and n >= STAGE_MIN_ROWS:
        _copy_into_debt(conn, varying, consts)
        return n
    if conn.dialect.name != "sqlite" or n < STAGE_MIN_ROWS:
        names = [name for name, _v in varying]
        data = [dict(zip(names, row, strict=True)) for row in zip(*(v for _n, v in varying), strict=True)] \
            if varying else [{} for _ in range(n)]
        session.execute(insert(Debt.__table__), [{**consts, **d} for d in data])
        return n
    # --- SQLite fast path: staging table + INSERT ... SELECT (plain SQL, portable in form) ---
    cols = [name for name, _v in varying]
    # Dates as SQLAlchemy stores them in SQLite (ISO text), converted column-wise.
    staged = [_dates_as_text(values) if name in _DATE_COLUMNS else values for name, values in varying]
    rows = zip(*staged, strict=True)  # bound as they are made: no list of 100,000s of tuples
    col_list = ", ".join(cols)
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{_STAGE_TABLE}")
    conn.exec_driver_sql(f"CREATE TEMP TABLE {_STAGE_TABLE} ({col_list})")
    # A bigger page cache for the duration: index pages of a big insert stay in memory.
    old_cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
    try:
        marks = ", ".join("?" * len(cols))
        # Through the DB-API cursor (same connection and transaction): it takes the rows as an
        # iterator, so each tuple is bound and dropped as it is made.
        cursor = conn.connection.cursor()
        try:
            cursor.executemany(f"INSERT INTO temp.{_STAGE_TABLE} ({col_list}) VALUES ({marks})", rows)
        finally:
            cursor.close()
        const_names = list(consts)
        target = ", ".join([*cols, *const_names])
        source = ", ".join([*cols, *("?" * len(const_names))])
        # The lists' tally by a few upserts, not one per row.
        with tally_paused(conn, {**consts, **dict(varying)}, n):
            conn.exec_driver_sql(
                f"INSERT INTO debt ({target}) SELECT {source} FROM temp.{_STAGE_TABLE} ORDER BY rowid",
                tuple(_sqlite_value(consts[c]) for c in const_names),
            )
    finally:
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{_STAGE_TABLE}")
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(old_cache)}")
    return n


def _copy_into_debt(conn, varying: list[tuple[str, list]], consts: dict[str, Any]) -> None:
    """PostgreSQL fast path of ``insert_debt_columns``: the columns that vary are streamed with COPY (psycopg's
    ``Cursor.copy``, rows adapted in C) into an index-less TEMP table numbered in file order, then one
    INSERT ... SELECT adds the constant columns (cast to their column types) and maintains the indexes in
    the server. An executemany of the same rows costs a round trip per batch and a parse of every value
    as SQL; this is several times faster for a 100,000-row import."""
    table = Debt.__table__
    dialect = conn.dialect
    quote = dialect.identifier_preparer.quote
    cols = [name for name, _v in varying]
    col_list = ", ".join(quote(c) for c in cols)
    postgres.copy_into_stage(conn, _STAGE_TABLE, "debt", col_list, zip(*(v for _n, v in varying), strict=True))
    const_names = list(consts)
    casts = [f"CAST(%(c{i})s AS {table.c[name].type.compile(dialect=dialect)})" for i, name in enumerate(const_names)]
    target = ", ".join([*(quote(c) for c in cols), *(quote(c) for c in const_names)])
    conn.exec_driver_sql(
        f"INSERT INTO debt ({target}) SELECT {', '.join([col_list, *casts])} FROM {_STAGE_TABLE} ORDER BY _ord",
        {f"c{i}": consts[name] for i, name in enumerate(const_names)})
    conn.exec_driver_sql(f"DROP TABLE {_STAGE_TABLE}")


_DATE_COLUMNS = {c.name for c in Debt.__table__.columns if c.type.python_type in (date, datetime)}


def _dates_as_text(values: list) -> list:
    # A column of a file holds few distinct dates (due dates repeat): each is formatted once.
    try:
        text = {v: None if v is None else _sqlite_value(v) for v in set(values)}
    except TypeError:  # unhashable values: not dates anyway, formatted one by one
        return [None if v is None else _sqlite_value(v) for v in values]
    return list(map(text.__getitem__, values))


def _sqlite_value(v: Any) -> Any:
    """Python values as SQLAlchemy stores them in SQLite (dates/datetimes as ISO text, bools as 0/1)."""
    if isinstance(v, datetime):
        return v.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, bool):
        return int(v)
    return v


#: Columns whose change alone is no edit of the debt (a re-validation after the tipi dovuto changed): they
#: do not move its version, so an edit made meanwhile on another desk is not refused for them.
UNVERSIONED = frozenset({"is_valid", "errors_json", "updated_at"})


def versioned(session: Session, keys: Iterable[str] = ()) -> dict[str, Any]:
    """The SET terms every write of debts adds (in the same statement, so it costs nothing): the row's
    version moves on and the writer is named. Empty when only ``UNVERSIONED`` columns change."""
    if keys and not set(keys) - UNVERSIONED:
        return {}
    table = Debt.__table__
    return {"version": table.c.version + literal_column("1"), "changed_by": session.info.get("actor", "")}


def update_debts(session: Session, rows: Sequence[dict[str, Any]]) -> int:
    """Update debts: each dict has ``id`` and the columns to set. Rows with the same set of keys go in
    one executemany (PostgreSQL: one statement, see update_in_one_statement_postgresql). ``updated_at`` is
    set for every row; the version moves on (see ``versioned``)."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    now = utcnow()
    for r in rows:
        keys = tuple(sorted(k for k in r if k != "id"))
        params = {f"v_{k}": r[k] for k in keys}
        params["b_id"] = r["id"]
        params["v_updated_at"] = now
        groups.setdefault(keys, []).append(params)
    table = Debt.__table__
    conn = session.connection()
    for keys, params in groups.items():
        if one_statement_fits(conn, [p["b_id"] for p in params]):
            columns = [k for k in keys if k != "updated_at"] + ["updated_at"]
            bump = versioned(session, keys)
            actor = (bump["changed_by"],) if bump else ()
            get = itemgetter("b_id", *(f"v_{k}" for k in columns))  # (as apply_rows: in C)
            update_in_one_statement_postgresql(conn, columns, [get(p) + actor for p in params], bool(bump))
            continue
        values = {k: bindparam(f"v_{k}") for k in keys if k != "updated_at"}
        values["updated_at"] = bindparam("v_updated_at")
        values.update(versioned(session, keys))
        stmt = update(table).where(table.c.id == bindparam("b_id")).values(values)
        session.connection().execute(stmt, params)
    return len(rows)


#: From this many on, PostgreSQL updates them in one statement (see below): each statement on debt costs its
#: change triggers once, so nearly always.
ONE_STATEMENT_MIN_POSTGRESQL = 2


def one_statement_fits(conn, ids: Sequence[int]) -> bool:
    """Whether rows with these ids are updated by update_in_one_statement_postgresql: PostgreSQL, enough of
    them, every id once (a repeated id would be one write there and two one by one)."""
    return (conn.dialect.name == "postgresql" and len(ids) >= ONE_STATEMENT_MIN_POSTGRESQL
            and len(set(ids)) == len(ids))


def columns_of(rows: list[tuple]) -> list[tuple]:
    """``rows`` as columns (transposed in C): position 0 the ids, then one per key."""
    return list(zip(*rows, strict=True))


def split_constant(columns: list[tuple]) -> tuple[list[int], list[int]]:
    """Positions 1.. of ``columns`` (columns_of) that differ between rows, and those with one value (of one
    type: 1 and True, or 0 and 0.0, are equal but not stored alike) on every row, which an UPDATE binds once."""
    staged, constant = [], []
    for position in range(1, len(columns)):
        column = columns[position]
        same = column.count(column[0]) == len(column) and len(set(map(type, column))) == 1
        (constant if same else staged).append(position)
    return staged, constant


def update_in_one_statement_postgresql(conn, keys: Sequence[str], rows: list[tuple], bump: bool,
                                       table=None, guards: Mapping[str, str] | None = None) -> None:
    """PostgreSQL: the same writes as one UPDATE per debt, as one ``UPDATE debt ... FROM unnest(...)`` of
    an array per column that differs between rows (the others bound once). Every statement on ``debt``
    runs migration 0010's change triggers once, with their transition tables: one UPDATE per debt ran them
    100,000 times when a push applied a TARI list's outcome (four minutes, nearly all on the server).
    ``rows``: (debt id, the value of each key, [the writer when ``bump``]), as one_statement_fits allows.
    ``guards``: per column, SQL whose ``{value}`` is the new value (``{table}`` the table), for a column
    whose new value applies only to some rows (apply_rows: a paid state is kept)."""
    quote = conn.dialect.identifier_preparer.quote
    table = Debt.__table__ if table is None else table  # (receipts too: their change triggers are the same)
    targets = [*keys, *(["changed_by"] if bump else [])]  # rows[i][1:] in this order

    def sql_type(name: str) -> str:  # (a value the column refuses one by one must not be cut by the cast)
        return unbounded(table.c[name].type).compile(dialect=conn.dialect)

    columns = columns_of(rows)
    staged, constant = split_constant(columns)
    name = quote(table.name)
    sets = [guarded_set(quote(targets[p - 1]), f"%s::{sql_type(targets[p - 1])}", targets[p - 1], guards, name)
            for p in constant]
    sets += [guarded_set(quote(targets[p - 1]), f"v.v{p}", targets[p - 1], guards, name) for p in staged]
    if bump:  # (store/repositories/debts.py versioned: the version moves on)
        sets.append("version = version + 1")
    arrays = ", ".join([f"%s::{sql_type('id')}[]", *(f"%s::{sql_type(targets[p - 1])}[]" for p in staged)])
    names = ", ".join(["b_id", *(f"v{p}" for p in staged)])
    params = [columns[p][0] for p in constant] + [list(columns[0])] + [list(columns[p]) for p in staged]
    conn.exec_driver_sql(f"UPDATE {name} SET {', '.join(sets)} FROM unnest({arrays}) AS v({names}) "
                         f"WHERE {name}.id = v.b_id", tuple(params))


def guarded_set(target: str, value: str, column: str, guards: Mapping[str, str] | None, table: str) -> str:
    """``target = value`` of an UPDATE's SET, through the column's guard when ``guards`` has one."""
    guard = (guards or {}).get(column)
    return f"{target} = {guard.format(value=value, table=table) if guard else value}"


def lock_rows(session: Session, ids: Iterable[int]) -> dict[int, tuple[int, str, datetime | None]]:
    """Lock debts against other desks' writes until COMMIT (``SELECT ... FOR UPDATE``, in id order so two
    desks cannot deadlock on them; nothing on SQLite, whose write lock is the whole database). Returns
    ``{id: (version, changed_by, updated_at)}``."""
    wanted = sorted(set(ids))
    out: dict[int, tuple[int, str, datetime | None]] = {}
    for start in range(0, len(wanted), CHUNK):
        stmt = (select(Debt.id, Debt.version, Debt.changed_by, Debt.updated_at)
                .where(Debt.id.in_(wanted[start:start + CHUNK])).order_by(Debt.id).with_for_update())
        out.update((i, (v, by, at)) for i, v, by, at in session.execute(stmt))
    return out


def delete_debts(session: Session, ids: Sequence[int]) -> None:
    for start in range(0, len(ids), CHUNK):
        session.execute(delete(Debt).where(Debt.id.in_(list(ids[start:start + CHUNK]))))


def insert_one(session: Session, values: dict[str, Any]) -> int:
    """Insert one debt and return its id."""
    result = session.execute(insert(Debt.__table__).values(**_full_row(values, utcnow())))
    return int(result.inserted_primary_key[0])


def ids_of_list(session: Session, list_id: int, where_iuds: Sequence[str] | None = None) -> dict[str, int]:
    """``{iud: id}`` of a list's debts (optionally only those IUDs)."""
    stmt = select(Debt.iud, Debt.id).where(Debt.list_id == list_id)
    if where_iuds is None:
        return dict(session.execute(stmt).all())
    out: dict[str, int] = {}
    wanted = list(where_iuds)
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start:start + CHUNK]
        out.update(session.execute(stmt.where(and_(Debt.iud.in_(chunk)))).all())
    return out


def ente_has_other_debts(session: Session, ente_id: int, list_id: int | None) -> bool:
    """Whether the Ente has debts outside ``list_id`` (an import into an empty workspace skips the
    IUD uniqueness lookups)."""
    stmt = select(Debt.id).where(Debt.ente_id == ente_id)
    if list_id is not None:
        stmt = stmt.where(Debt.list_id != list_id)
    return session.execute(stmt.limit(1)).first() is not None


_NOT_SENDABLE = ("ANNULLATO", "PAGATO", "PAGATO_PARZIALE", "IN_INVIO")


def pending_candidates(session: Session, list_id: int) -> list[dict[str, Any]]:
    """Valid debts the portal holds that may have a pending M or A: cancelled ones, and those written
    after the portal last accepted them (the others cannot differ from what it accepted). Found
    through the partial index ix_debt_list_unsynced: a list sent long ago has few such rows."""
    return [dict(r._mapping) for r in session.execute(pending_candidate_query(list_id))]


def pending_candidate_query(list_id: int) -> Select:
    return select(*_ALL).where(Debt.list_id == list_id, UNSYNCED_ON_PORTAL, Debt.is_valid.is_(True),
                               Debt.state.not_in(_NOT_SENDABLE))


def rejected_insert_candidates(session: Session, list_id: int) -> list[dict[str, Any]]:
    """Valid debts of a list the portal refused before ever accepting them (each may be a pending I)."""
    stmt = select(*_ALL).where(Debt.list_id == list_id, Debt.state == "RIFIUTATO", Debt.portal_hash == "",
                               Debt.cancel_requested.is_(False), Debt.is_valid.is_(True))
    return [dict(r._mapping) for r in session.execute(stmt)]


def top_level_ids_by_position(session: Session, list_id: int, first: int, end: int) -> list[int]:
    """Ids of a list's top-level debts with ``first <= position < end``, in position order."""
    stmt = (select(Debt.id).where(Debt.list_id == list_id, Debt.parent_id.is_(None), Debt.position >= first,
                                  Debt.position < end).order_by(Debt.position, Debt.id))
    return list(session.scalars(stmt))


#: What an export needs of each debt: the record columns plus the state that decides its action.
FLOW_COLUMNS = ("id", *[c for c in DEBT_COLUMNS if c not in (
    "ente_id", "list_id", "parent_id", "instalment_number", "position", "notice_number", "is_valid",
    "portal_accepted_at", "portal_state", "portal_error_code", "portal_error_message", "sending_flow_id",
    "paid_amount_cents", "paid_at", "paid_psp", "iuv_assigned_at", "created_at", "updated_at")])


_USUALLY_CONSTANT = frozenset({
    "iuv", "debtor_type", "country", "pa_fee_cents", "debt_type", "payment_type", "collection_data",
    "bilancio_json", "generate_iuv", "multi_beneficiary", "sec_fiscal_code", "sec_name", "sec_iban", "sec_address",
    "sec_civic", "sec_postal_code", "sec_city", "sec_province", "sec_country", "sec_collection_data", "sec_causale",
    "sec_amount_cents", "state", "cancel_requested", "portal_hash", "errors_json"})


def debt_columns_of_list(session: Session, list_id: int, names: Sequence[str] = FLOW_COLUMNS) -> dict[str, list]:
    """Columns ``{name: values}`` of all the debts of a list (instalments included) in list order.

    A Core query fetched in one go and turned into columns with ``zip``: no per-row dicts, so a
    100,000-debt export spends its time on the flow, not on the fetch.
    """
    table = Debt.__table__
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        stmt = (select(*[table.c[n] for n in names]).where(table.c.list_id == list_id)
                .order_by(table.c.position, asc(table.c.instalment_number), table.c.id))
        rows = conn.execute(stmt).all()
        if not rows:
            return {n: [] for n in names}
        return {n: list(col) for n, col in zip(names, zip(*rows, strict=True), strict=True)}
    # --- SQLite fast path. Many columns of a list hold one value for every debt (the 1_4 fields an
    # office does not use, the tipo, the state): one aggregate scan over those finds the constant
    # ones, and only the others are fetched, through the DB-API cursor (row tuples built in C).
    # Types are then restored column-wise (dates are ISO text and booleans 0/1 in SQLite). ---
    probe = [n for n in names if n in _USUALLY_CONSTANT]
    parts = [f"MIN({n}), MAX({n}), COUNT({n})" for n in probe]
    summary = conn.exec_driver_sql(f"SELECT {', '.join(['COUNT(*)', *parts])} FROM debt WHERE list_id = ?",
                                   (list_id,)).fetchone()
    total = summary[0]
    if not total:
        return {n: [] for n in names}
    constant: dict[str, Any] = {}
    for k, name in enumerate(probe):
        low, high, count = summary[1 + 3 * k: 4 + 3 * k]
        if count == 0:
            constant[name] = None
        elif count == total and low == high and type(low) is type(high):
            constant[name] = low
    varying = [n for n in names if n not in constant]
    fetched: dict[str, tuple] = {}
    if varying:
        cursor = conn.exec_driver_sql(
            f"SELECT {', '.join(varying)} FROM debt WHERE list_id = ? ORDER BY position, instalment_number, id",
            (list_id,)).cursor
        fetched = dict(zip(varying, zip(*cursor.fetchall(), strict=True), strict=True))
    out: dict[str, list] = {}
    for name in names:
        col = fetched[name] if name in fetched else (constant[name],)
        kind = table.c[name].type.python_type
        if kind is bool:
            values = [None if v is None else bool(v) for v in col]
        elif kind is date:
            values = [None if v is None else date.fromisoformat(v) for v in col]
        elif kind is datetime:
            values = [None if v is None else datetime.fromisoformat(v) for v in col]
        else:
            values = list(col)
        out[name] = values if name in fetched else values * total
    return out
