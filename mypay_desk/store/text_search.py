"""The filters' text search: "one of these columns contains this text", the same match on every database.

The text is taken literally (LIKE's ``%``, ``_`` and the escape character in it match themselves) and ASCII
case is ignored: SQLite's LIKE does that already, and is about three times faster than the
``lower(x) LIKE lower(y)`` that ``ilike()`` compiles to there; other databases use ILIKE.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ColumnElement, or_
from sqlalchemy.orm import Session

ESCAPE = "\\"


def like_pattern(text: str) -> str:
    """``%text%`` for LIKE/ILIKE with ``escape=ESCAPE``."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def any_contains(session: Session, columns: Iterable, text: str) -> ColumnElement:
    """One of ``columns`` contains ``text`` (see the module doc)."""
    pattern = like_pattern(text)
    if session.get_bind().dialect.name == "sqlite":
        return or_(*[c.like(pattern, escape=ESCAPE) for c in columns])
    return or_(*[c.ilike(pattern, escape=ESCAPE) for c in columns])
