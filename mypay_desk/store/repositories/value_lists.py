"""``column IN (values)`` for thousands of values (an incremental reconciliation run's keys and ids).

SQLite: an IN list, a few thousand values per statement. PostgreSQL: one array parameter
(``column = ANY(%s)``): with an IN list of 2,000 values SQLAlchemy expands 2,000 placeholders and
psycopg parses them all again, which measured as a third of a run after 10,000 new receipts; the
array is one value, so a statement can take tens of thousands.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlalchemy import ARRAY, Connection, String, any_, bindparam
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.elements import ColumnElement

IN_LIST_SIZE = 2000  # values per IN list (SQLite)
ARRAY_SIZE = 50_000  # values per array (PostgreSQL)


def unbounded(type_):
    """A column's type for values cast to it on PostgreSQL: strings as unbounded varchar, whatever length the
    model gives the column (an explicit cast to varchar(n) cuts longer values instead of refusing them)."""
    return String() if isinstance(type_, String) else type_


def among(conn: Connection, column, values: Sequence) -> ColumnElement[bool]:
    if conn.dialect.name != "postgresql":
        return column.in_(values)
    # (a cut value could match)
    return column == any_(bindparam(None, list(values), type_=ARRAY(unbounded(column.type))))


def value_chunks(conn: Connection, items: Sequence) -> Iterator[Sequence]:
    """``items`` in runs of the size one statement of this database takes (see ``among``)."""
    size = ARRAY_SIZE if conn.dialect.name == "postgresql" else IN_LIST_SIZE
    for i in range(0, len(items), size):
        yield items[i:i + size]


_SQLITE_JSON: list[bool] = []  # whether SQLite has the JSON functions: a property of the library


def sqlite_has_json(conn: Connection) -> bool:
    """Whether the connection is SQLite with the JSON functions (built in since 3.38; checked once): many values
    travel as one JSON array (``json_each``) instead of a parameter each."""
    if conn.dialect.name != "sqlite":
        return False
    if not _SQLITE_JSON:
        try:
            conn.exec_driver_sql("SELECT count(*) FROM json_each('[1]')").all()
            _SQLITE_JSON.append(True)
        except DBAPIError:
            _SQLITE_JSON.append(False)
    return _SQLITE_JSON[0]
