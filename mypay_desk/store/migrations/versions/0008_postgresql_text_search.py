"""PostgreSQL: a trigram index for the debts table's text filter

Revision ID: 0008
Revises: 0007

The text filter looks for a text in seven columns (store/repositories/debt_table.py TEXT_COLUMNS); without
an index PostgreSQL evaluates ILIKE '%text%' on every debt of the list. On PostgreSQL the filter asks it
of the seven columns joined by a separator (one condition, the same matches), and this GIN index with
pg_trgm's operator class holds that very expression: ILIKE with a leading wildcard becomes one bitmap scan
of the index, and only the candidate rows are read and checked. (Seven separate columns in one index
were not used: the planner prices the seven ILIKEs of a scan far below what they cost.) Partial, like the
table (top-level debts only).

pg_trgm ships with PostgreSQL (contrib) and is a trusted extension since PostgreSQL 13: the database's
owner (or any role with CREATE on the database) can create it. Where it cannot be created the migration
goes on without the index (the filter still works, by scanning) and says so in the log. Nothing changes
on SQLite. The index is not in the models (it exists on PostgreSQL only, and only when pg_trgm could be
created): store/models/debts.py POSTGRESQL_ONLY_INDEXES keeps it out of the schema comparison.
"""
import logging

from alembic import op
from sqlalchemy.exc import DBAPIError


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

log = logging.getLogger("mypay_desk.store.migrations")

INDEX = "ix_debt_text_trgm"
COLUMNS = ("iud", "iuv", "notice_number", "debtor_code", "debtor_name", "causale", "city")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    # Exactly as debt_table._joined_text() writes it, or the planner does not recognise it.
    joined = " || E'\\x01' || ".join(f"coalesce({c}, '')" for c in COLUMNS)
    try:
        with bind.begin_nested():  # a savepoint: a refusal leaves the rest of the migration standing
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            bind.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {INDEX} ON debt USING gin (({joined}) gin_trgm_ops) "
                                 "WHERE parent_id IS NULL")
    except DBAPIError as exc:
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        log.warning("indice per la ricerca di testo non creato (estensione pg_trgm non disponibile: %s): "
                    "il filtro dei dovuti funziona lo stesso, ma legge ogni riga della lista. Per crearlo, "
                    "il proprietario del database esegua «CREATE EXTENSION pg_trgm» e poi «CREATE INDEX %s "
                    "ON debt USING gin ((%s) gin_trgm_ops) WHERE parent_id IS NULL»", reason, INDEX, joined)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"DROP INDEX IF EXISTS {INDEX}")  # pg_trgm stays: other objects may use it
