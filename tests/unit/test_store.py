from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.exc import OperationalError

from mypay_desk.store import db as dbmod
from mypay_desk.store.models import Base


def test_migrated_schema_equals_models(tmp_path):
    database = dbmod.Database.open(tmp_path)
    with database.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    database.dispose()
    assert diff == [], f"the migrations and the models differ: {diff}"


def test_pragmas_wal_foreign_keys_busy_timeout(tmp_path):
    database = dbmod.Database.open(tmp_path)
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == dbmod.BUSY_TIMEOUT_MS
    database.dispose()


def test_migration_of_an_older_database_makes_a_backup_first(tmp_path):
    dbmod.Database.open(tmp_path).dispose()
    path = tmp_path / dbmod.DB_FILE_NAME
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE marker (x)")
    con.execute("DELETE FROM alembic_version")  # as if written before the first migration
    con.commit()
    con.close()
    with pytest.raises(OperationalError, match="already exists"):  # upgrade cannot recreate the tables
        dbmod.migrate(path)
    backups = list((tmp_path / dbmod.BACKUP_DIR_NAME).glob("*.sqlite3"))
    assert backups, "a backup copy must exist before any migration step runs"
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT name FROM sqlite_master WHERE name='marker'").fetchone()
    copy.close()


def test_database_newer_than_the_app_is_refused_and_untouched(tmp_path):
    dbmod.Database.open(tmp_path).dispose()
    path = tmp_path / dbmod.DB_FILE_NAME
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num='9999_future'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(dbmod.DatabaseTooNewError, match="più recente"):
        dbmod.Database.open(tmp_path)
    assert path.read_bytes() == before


def test_not_a_database_gives_a_clear_error(tmp_path):
    (tmp_path / dbmod.DB_FILE_NAME).write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(dbmod.DatabaseError, match="non è un database"):
        dbmod.Database.open(tmp_path)


def test_immediate_session_rolls_back_on_error(workspace, ente):
    from mypay_desk.store.repositories import ente as repo

    with pytest.raises(RuntimeError), workspace.db.session(immediate=True) as s:
        repo.allocate_iuv_progressives(s, ente.id, 5)
        raise RuntimeError("boom")
    assert workspace.ente.get_by_id(ente.id).iuv_progressive == 1


def test_a_database_locked_too_long_gives_a_clear_error(tmp_path):
    database = dbmod.Database.open(tmp_path)
    database.engine.dispose()
    blocker = sqlite3.connect(tmp_path / dbmod.DB_FILE_NAME, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    from sqlalchemy import create_engine, text
    from sqlalchemy.orm import sessionmaker

    engine = create_engine(f"sqlite:///{database.path}", connect_args={"timeout": 0.2})
    impatient = dbmod.Database(path=database.path, engine=engine, _factory=sessionmaker(engine))
    with pytest.raises(dbmod.DatabaseBusyError, match="occupato"), impatient.session() as s:
        s.execute(text("INSERT INTO workspace_setting (key, value) VALUES ('k', 'v')"))
    blocker.execute("ROLLBACK")
    blocker.close()
    engine.dispose()


# --- PostgreSQL ----------------------------------------------------------------------------------

def test_migrated_postgresql_schema_equals_models(tmp_path, pg_empty_database):
    database = dbmod.Database.open(tmp_path, url=pg_empty_database)
    with database.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        bounded = conn.exec_driver_sql(
            "SELECT table_name, column_name, character_maximum_length FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND character_maximum_length IS NOT NULL").all()
        # alembic does not compare index predicates: the partial indexes are checked here
        partial = dict(conn.exec_driver_sql(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'debt' AND strpos(indexdef, 'WHERE') > 0").all())
    database.dispose()
    assert diff == [], f"the migrations and the models differ on PostgreSQL: {diff}"
    assert bounded == [], "string columns are unbounded on PostgreSQL, as on SQLite"
    assert sorted(partial) == ["ix_debt_list_unsynced", "ix_debt_parent_id", "ix_debt_sending_flow_id"]
    assert "portal_hash" in partial["ix_debt_list_unsynced"] and "portal_accepted_at" in partial["ix_debt_list_unsynced"]
    assert "(parent_id IS NOT NULL)" in partial["ix_debt_parent_id"]


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_the_reconciliation_change_migrations_go_down_and_up_again(tmp_path, kind, request):
    """0010 and 0011 down to 0009 and up again, with a change row kept (SQLite's triggers name the table:
    a batch table copy could not rename it back)."""
    from alembic import command

    url = request.getfixturevalue("pg_database") if kind == "postgresql" else None
    database = dbmod.Database.open(tmp_path, url=url)
    cfg = dbmod.alembic_config()
    with database.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0009")
        conn.exec_driver_sql("INSERT INTO reconciliation_dirty (ente_id, iuv) VALUES (1, 'X')")
    with database.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    with database.engine.connect() as conn:
        assert [tuple(r) for r in conn.exec_driver_sql("SELECT ente_id, iuv, needs_full FROM reconciliation_dirty")] \
            == [(1, "X", False)]
    database.dispose()
