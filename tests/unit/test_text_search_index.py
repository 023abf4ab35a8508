"""PostgreSQL's trigram index for the debts table's text filter (migration 0008): made by the migration,
used by the filter's query (EXPLAIN), the same rows with and without it, and a database where pg_trgm
cannot be created still migrates (without the index, said in the log)."""

from __future__ import annotations

import logging
import random
from datetime import date

import pytest
from sqlalchemy import and_, create_engine, func, select
from sqlalchemy.pool import NullPool

from mypay_desk.domain.debts import DebtRecord
from mypay_desk.services.debt_table import DebtFilter, DebtTableService
from mypay_desk.store import db as dbmod
from mypay_desk.store.models import Debt
from mypay_desk.store.repositories import debt_table as repo
from tests.pg_support import SUPERUSER

INDEX = "ix_debt_text_trgm"
SURNAMES = ["ROSSI", "BIANCHI", "VERDI", "ESPOSITO", "COLOMBO", "RICCI", "MARINO", "GRECO", "BRUNO", "GALLO"]
CF = "RSSMRA85T10A562S"


def records(n: int) -> list[DebtRecord]:
    rng = random.Random(7)
    return [DebtRecord(iud=f"TARI25-{i:06d}", debtor_type="F", debtor_code=CF,
                       debtor_name=f"{rng.choice(SURNAMES)} {rng.choice(['MARIO', 'ANNA', 'LUCA'])}",
                       amount_cents=1000 + i, due_date=date(2030, 6, 30), debt_type="TARI",
                       causale=f"TARI 2025 utenza {i}", city=rng.choice(["MILANO", "PAVIA", "LODI"]))
            for i in range(n)]


@pytest.fixture
def big_list(workspace, ente):
    workspace.lists.create_list("TARI", default_debt_type="TARI")
    workspace.lists.add_debts("TARI", records(6000))
    if not workspace.shared:
        return workspace.lists.summary("TARI").id
    # as autovacuum does after an import: the rows GIN queued (its pending list) moved into the index
    with workspace.db.engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE debt")
    return workspace.lists.summary("TARI").id


def plan(workspace, list_id: int, needle: str) -> str:
    """The plan PostgreSQL chooses for the filter's query, as the table runs it."""
    with workspace.db.session() as s:
        query = select(func.count(Debt.id)).where(and_(*repo.conditions(s, list_id, text=needle)))
        compiled = query.compile(s.get_bind())
        return "\n".join(r[0] for r in s.connection().exec_driver_sql("EXPLAIN " + str(compiled), compiled.params))


def expected(stored, needle: str) -> list[str]:
    """The IUDs the filter must find: the text in any of the searched fields, case ignored."""
    fields = ("iud", "iuv", "notice_number", "debtor_code", "debtor_name", "causale", "city")
    return sorted(r.iud for r in stored if any(needle.lower() in (getattr(r, f) or "").lower() for f in fields))


def test_the_migration_makes_the_index(workspace):
    if not workspace.shared:
        pytest.skip("PostgreSQL only: nothing changes on SQLite")
    with workspace.db.engine.connect() as conn:
        definition = conn.exec_driver_sql("SELECT indexdef FROM pg_indexes WHERE indexname = %(n)s",
                                          {"n": INDEX}).scalar()
    assert definition is not None and "USING gin" in definition and "gin_trgm_ops" in definition
    assert "(parent_id IS NULL)" in definition


@pytest.mark.parametrize("needle", ["ESPOSITO", "utenza 4321", "tari25-0059"])
def test_the_text_filter_uses_the_index(workspace, big_list, needle):
    if not workspace.shared:
        pytest.skip("PostgreSQL's index: SQLite's LIKE needs none to be fast (the filter's fast path)")
    explained = plan(workspace, big_list, needle)
    assert INDEX in explained and "Seq Scan" not in explained, explained


NEEDLES = ["rossi", "ESPOSITO ANNA", "utenza 12", "PAVIA", "_", "%", "x", "RSSMRA", "TARI25-005990", "a 1",
           "ANO\x01TARI", "\\", "o m"]


def test_same_rows_with_and_without_the_index(workspace, big_list):
    """PostgreSQL's joined-columns condition finds what a search of each field finds (no match across two
    fields), through the index and without it; SQLite's LIKE the same."""
    table = DebtTableService(workspace)

    def found(needle: str) -> list[str]:
        ids = list(table.snapshot(big_list, DebtFilter(text=needle)))
        return sorted(r.iud for r in table.rows(ids)) if ids else []

    stored = table.rows(list(table.snapshot(big_list)))
    with_index = {n: found(n) for n in NEEDLES}
    for needle in NEEDLES:
        assert with_index[needle] == expected(stored, needle), needle
    assert len(with_index["rossi"]) > 300 and with_index["%"] == [] and len(with_index["TARI25-005990"]) == 1
    if workspace.shared:
        with workspace.db.engine.begin() as conn:
            conn.exec_driver_sql(f"DROP INDEX {INDEX}")
        assert INDEX not in plan(workspace, big_list, "ESPOSITO")
        assert {n: found(n) for n in NEEDLES} == with_index


def test_without_pg_trgm_the_migration_goes_on_and_says_so(pg_cluster, tmp_path, caplog):
    """A role that may create tables in the schema but not extensions in the database (no CREATE on it)."""
    name = pg_cluster.create_database()
    role = f"clerk_{name}"[:60]
    pg_cluster.execute(f"CREATE ROLE {role} LOGIN")
    owner = create_engine(pg_cluster.url(name), isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with owner.connect() as conn:
        conn.exec_driver_sql(f'REVOKE CREATE ON DATABASE "{name}" FROM PUBLIC')
        conn.exec_driver_sql(f"GRANT USAGE, CREATE ON SCHEMA public TO {role}")
    owner.dispose()
    url = pg_cluster.url(name).replace(f"//{SUPERUSER}@", f"//{role}@", 1)
    caplog.set_level(logging.WARNING, logger="mypay_desk.store.migrations")
    try:
        database = dbmod.Database.open(tmp_path, url=url)
        try:
            with database.engine.connect() as conn:
                assert conn.exec_driver_sql("SELECT current_user").scalar() == role
                assert conn.exec_driver_sql("SELECT count(*) FROM pg_indexes WHERE indexname = %(n)s",
                                            {"n": INDEX}).scalar() == 0
                assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == dbmod.head_revision()
        finally:
            database.dispose()
        assert any("pg_trgm" in r.getMessage() and INDEX in r.getMessage() for r in caplog.records)
    finally:
        pg_cluster.drop_database(name)
        pg_cluster.execute(f"DROP ROLE {role}")
