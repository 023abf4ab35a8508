"""Moving a desk to a shared database: copy a workspace's SQLite database into an empty PostgreSQL one.

Everything happens in one transaction on the target: the schema is created by the app's migrations,
each table is streamed in (PostgreSQL COPY) in foreign-key order with the tables' triggers switched off
(what they keep is copied too), identity sequences are set past the copied ids, and each table is read
back and compared with what was read from SQLite: same number of rows, same checksum. Any failure, or a
difference, rolls the target back to empty. The source is read in one read transaction (a consistent
snapshot while other commands run).

A table's checksum is the sum, modulo 2**128, of a BLAKE2b digest of each row's values in a canonical
text form (None, booleans, dates and bytes written the same way whichever database they came from):
it does not depend on the order rows come back in, and two databases holding the same rows agree.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Table, create_engine, func, inspect, select
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from mypay_desk.store import postgres
from mypay_desk.store.models import Base

BATCH = 5_000
_MOD = 1 << 128


class TargetNotEmptyError(RuntimeError):
    """The target database already holds tables: nothing is copied over existing data."""


class CopyFailedError(RuntimeError):
    """The copy could not be completed; the target was left as it was."""


@dataclass
class TableCopy:
    table: str
    rows: int
    checksum: str  # of the rows read from SQLite
    target_rows: int = 0
    target_checksum: str = ""

    @property
    def verified(self) -> bool:
        return self.rows == self.target_rows and self.checksum == self.target_checksum


@dataclass
class CopyResult:
    source: str
    target: str
    tables: list[TableCopy] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)

    @property
    def verified(self) -> bool:
        return all(t.verified for t in self.tables)


# --- checksums -----------------------------------------------------------------------------------

def _canonical(value: Any) -> str:
    if value is None:
        return "\x00"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    return str(value)


def row_digest(row: Iterable[Any]) -> int:
    text = "\x1f".join(_canonical(v) for v in row)
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest(), "big")


class _Sum:
    def __init__(self) -> None:
        self.rows = 0
        self.total = 0

    def add(self, row: Iterable[Any]) -> None:
        self.rows += 1
        self.total = (self.total + row_digest(row)) % _MOD

    @property
    def hex(self) -> str:
        return f"{self.total:032x}"


# --- the copy ------------------------------------------------------------------------------------

def _source_query(table: Table):
    cols = list(table.columns)
    stmt = select(*cols)
    # A table that refers to itself (debt -> its parent) gets the referred rows first.
    for fk in table.foreign_keys:
        if fk.column.table is table:
            stmt = stmt.order_by(fk.parent.is_not(None))
    return stmt.order_by(*table.primary_key.columns)


def existing_tables(conn: Connection) -> list[str]:
    return sorted(inspect(conn).get_table_names())


def copy_to_postgresql(source_engine, target_url: URL, *,
                       progress: Callable[[int, int, str], None] = lambda d, t, m: None,
                       check: Callable[[], None] = lambda: None) -> CopyResult:
    """Copy every table of the SQLite database behind ``source_engine`` (at the app's schema) into the
    empty PostgreSQL database at ``target_url``. Returns what was copied and verified."""
    started = time.perf_counter()
    result = CopyResult(source=str(source_engine.url.database), target=postgres.safe_text(target_url))
    tables = list(Base.metadata.sorted_tables)
    target = create_engine(target_url, poolclass=NullPool,
                           connect_args={"application_name": postgres.APPLICATION_NAME,
                                         "connect_timeout": postgres.CONNECT_TIMEOUT_S})
    try:
        with source_engine.connect() as src, src.begin():
            counts = {t.name: src.scalar(select(func.count()).select_from(t)) or 0 for t in tables}
            total = sum(counts.values())
            try:
                connection = target.connect()
            except DBAPIError as exc:
                raise CopyFailedError(postgres.explain_connect_error(target_url, exc)) from exc
            with connection as dst:
                try:
                    with dst.begin():
                        present = existing_tables(dst)
                        if present:
                            raise TargetNotEmptyError(
                                f"Il database {result.target} non è vuoto (contiene {len(present)} tabelle: "
                                f"{', '.join(present[:8])}{'…' if len(present) > 8 else ''}): la copia si fa solo "
                                "in un database nuovo, così nulla viene sovrascritto. Fai creare un database "
                                "vuoto (ad esempio «createdb -O utente mypay») e ripeti il comando con il suo "
                                "indirizzo.")
                        _copy_all(src, dst, tables, total, result, progress, check)
                except (DBAPIError, _driver_errors()) as exc:
                    orig = getattr(exc, "orig", None) or exc
                    context = getattr(getattr(orig, "diag", None), "context", None)  # "COPY debt, line 12"
                    detail = " ".join(f"{orig}{f' ({context})' if context else ''}".split())
                    raise CopyFailedError(f"Copia in {result.target} non riuscita: {detail}. Il database di "
                                          "destinazione è rimasto com'era.") from exc
    finally:
        target.dispose()
    result.seconds = time.perf_counter() - started
    return result


def _driver_errors() -> type[BaseException]:
    import psycopg

    return psycopg.Error  # COPY goes through the driver's cursor: its errors are not wrapped


def _copy_all(src: Connection, dst: Connection, tables: list[Table], total: int, result: CopyResult,
              progress: Callable[[int, int, str], None], check: Callable[[], None]) -> None:
    from alembic import command

    from mypay_desk.store.db import alembic_config

    cfg = alembic_config()
    cfg.attributes["connection"] = dst
    command.upgrade(cfg, "head")
    # The copy brings the tables that triggers keep (list tallies, reconciliation change rows) as they are:
    # triggers firing on the copied debts and receipts would count them twice. The tables are this
    # transaction's own (created just above), so their owner may switch their triggers off and on again.
    quote = dst.dialect.identifier_preparer.quote
    for table in tables:
        dst.exec_driver_sql(f"ALTER TABLE {quote(table.name)} DISABLE TRIGGER USER")
    done = 0
    for table in tables:
        progress(done, total, table.name)
        copied = _copy_table(src, dst, table, lambda n, t=table, d=done: progress(d + n, total, t.name), check)
        done += copied.rows
        _set_sequence(dst, table)
        _read_back(dst, table, copied, check)
        result.tables.append(copied)
        if not copied.verified:
            raise CopyFailedError(
                f"Verifica della tabella {table.name} non riuscita: lette {copied.rows} righe "
                f"(somma {copied.checksum}), nel database di destinazione {copied.target_rows} "
                f"(somma {copied.target_checksum}). Il database di destinazione è rimasto vuoto.")
    for table in tables:
        dst.exec_driver_sql(f"ALTER TABLE {quote(table.name)} ENABLE TRIGGER USER")
    dst.exec_driver_sql("ANALYZE")  # the planner's statistics, before the first desk opens it
    progress(total, total, "")


def _copy_table(src: Connection, dst: Connection, table: Table, progress: Callable[[int], None],
                check: Callable[[], None]) -> TableCopy:
    names = [c.name for c in table.columns]
    quote = dst.dialect.identifier_preparer.quote
    sql = f"COPY {quote(table.name)} ({', '.join(quote(n) for n in names)}) FROM STDIN"
    sums = _Sum()
    cursor = dst.connection.driver_connection.cursor()
    rows = src.execute(_source_query(table).execution_options(yield_per=BATCH))
    with cursor.copy(sql) as copy:
        for part in rows.partitions():
            for row in part:
                try:
                    copy.write_row(row)
                except _driver_errors() as exc:
                    raise CopyFailedError(_bad_row(table, names, row, exc)) from exc
                sums.add(row)
            progress(sums.rows)
            check()
    return TableCopy(table.name, sums.rows, sums.hex)


def _bad_row(table: Table, names: list[str], row, exc: BaseException) -> str:
    """A row PostgreSQL cannot take (SQLite accepts a NUL character in text, PostgreSQL does not)."""
    key = ", ".join(f"{c.name} {row[names.index(c.name)]}" for c in table.primary_key.columns)
    bad = [n for n, v in zip(names, row, strict=True) if isinstance(v, str) and "\x00" in v]
    what = (f"il campo {', '.join(bad)} contiene un carattere NUL (codice 0), che PostgreSQL non ammette"
            if bad else " ".join(str(exc).split()))
    return (f"Tabella {table.name}, riga con {key}: {what}. Correggi il valore e ripeti la copia; il database di "
            "destinazione è rimasto com'era.")


def _set_sequence(dst: Connection, table: Table) -> None:
    """An identity column's sequence continues after the highest id copied."""
    pk = list(table.primary_key.columns)
    if len(pk) != 1 or not pk[0].autoincrement or pk[0].type.python_type is not int:
        return
    quote = dst.dialect.identifier_preparer.quote
    seq = dst.exec_driver_sql("SELECT pg_get_serial_sequence(%(t)s, %(c)s)",
                              {"t": quote(table.name), "c": pk[0].name}).scalar()
    if seq:
        dst.exec_driver_sql(f"SELECT setval(%(s)s, COALESCE((SELECT MAX({quote(pk[0].name)}) FROM "
                            f"{quote(table.name)}), 0) + 1, false)", {"s": seq})


def _read_back(dst: Connection, table: Table, copied: TableCopy, check: Callable[[], None]) -> None:
    sums = _Sum()
    rows = dst.execute(select(*table.columns).execution_options(yield_per=BATCH))
    for part in rows.partitions():
        for row in part:
            sums.add(row)
        check()
    copied.target_rows, copied.target_checksum = sums.rows, sums.hex
