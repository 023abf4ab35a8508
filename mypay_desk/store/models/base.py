from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, MetaData, String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names so Alembic migrations are reproducible (and portable to PostgreSQL).
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


@compiles(String, "postgresql")
def _varchar_without_limit(type_, compiler, **kw) -> str:
    """PostgreSQL: String columns are VARCHAR without a length, as SQLite stores them.

    The lengths in the models are the tracciato's; the domain validation checks them and flags a
    debt whose name is too long, but the row is kept as the file had it so the office can see and
    fix it. SQLite stores such a value; a VARCHAR(70) on PostgreSQL would refuse the whole import.
    (VARCHAR without a length costs the same as with one on PostgreSQL.)
    """
    return "VARCHAR"


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Timestamps:
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
