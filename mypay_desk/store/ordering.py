"""ORDER BY terms that sort NULLs as SQLite does, on PostgreSQL too.

SQLite puts NULLs first going up and last going down; PostgreSQL the other way round. Where a
nullable column orders rows (instalments after their parent, whose number is NULL; debts without a
due date; receipts without a date) the terms below say so explicitly, so both databases give the
same order. NOT NULL columns keep a plain term, which PostgreSQL serves from its indexes.
"""

from __future__ import annotations

from typing import Any


def _nullable(term: Any) -> bool:
    column = getattr(term, "expression", term)  # an ORM attribute's column
    return getattr(column, "nullable", True)


def asc(term: Any) -> Any:
    return term.asc().nulls_first() if _nullable(term) else term.asc()


def desc(term: Any) -> Any:
    return term.desc().nulls_last() if _nullable(term) else term.desc()
