"""Which database a workspace uses, choosing a shared PostgreSQL one, and how the store behaves on it:
migrations (once, under a lock), the write lock of immediate sessions, clear errors."""

from __future__ import annotations

import json
import threading

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from mypay_desk.services import database
from mypay_desk.services.workspace import (
    DATABASE_FILE,
    ENV_DATABASE,
    FROM_ENV,
    FROM_OPTION,
    FROM_SETTINGS,
    LOCAL,
    Workspace,
    WorkspaceError,
    resolve_database,
)
from mypay_desk.store import db as dbmod
from mypay_desk.store import postgres

URL = "postgresql+psycopg://mypay@server/mypay"


# --- the choice (no server needed) ----------------------------------------------------------------

def test_option_beats_environment_beats_saved_choice_beats_sqlite(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_DATABASE, raising=False)
    assert resolve_database(tmp_path) == (None, LOCAL)
    database.save_database_url(tmp_path, "postgresql://mypay@saved/mypay")
    assert resolve_database(tmp_path) == ("postgresql+psycopg://mypay@saved/mypay", FROM_SETTINGS)
    monkeypatch.setenv(ENV_DATABASE, "postgresql://mypay@env/mypay")
    assert resolve_database(tmp_path) == ("postgresql://mypay@env/mypay", FROM_ENV)
    assert resolve_database(tmp_path, "postgresql://mypay@option/mypay") == ("postgresql://mypay@option/mypay",
                                                                            FROM_OPTION)
    monkeypatch.setenv(ENV_DATABASE, "  ")  # set but empty: as if unset
    assert resolve_database(tmp_path)[1] == FROM_SETTINGS
    database.save_database_url(tmp_path, None)
    assert not (tmp_path / DATABASE_FILE).exists() and resolve_database(tmp_path) == (None, LOCAL)


def test_a_password_is_never_saved(tmp_path):
    for url in ("postgresql://mypay:Segreta.1@server/mypay", "postgresql://mypay@server/mypay?password=Segreta.1"):
        with pytest.raises(WorkspaceError, match="pgpass"):
            database.save_database_url(tmp_path, url)
        with pytest.raises(WorkspaceError, match="password"):
            database.choose(tmp_path, url)
    assert not (tmp_path / DATABASE_FILE).exists()


@pytest.mark.parametrize("url,message", [
    ("mysql://u@h/db", "non supportato"),
    ("sqlite:///x.sqlite3", "non supportato"),
    ("postgresql://u@h", "nome del database"),
    ("", "vuoto"),
    ("non un indirizzo", "non valido"),
])
def test_unusable_addresses_say_what_to_write(tmp_path, url, message):
    with pytest.raises(WorkspaceError, match=message) as info:
        database.save_database_url(tmp_path, url)
    assert "postgresql+psycopg://" in str(info.value)


def test_the_address_is_stored_with_its_driver_and_shown_without_password(tmp_path):
    assert database.save_database_url(tmp_path, "postgres://mypay@server:5433/mypay?sslmode=require") == \
        "postgresql+psycopg://mypay@server:5433/mypay?sslmode=require"
    assert json.loads((tmp_path / DATABASE_FILE).read_text())["url"].startswith("postgresql+psycopg://")
    assert postgres.safe_text("postgresql+psycopg://mypay:Segreta.1@server/mypay") == \
        "postgresql+psycopg://mypay:***@server/mypay"


def test_an_unreadable_choice_file_says_how_to_go_back(tmp_path):
    (tmp_path / DATABASE_FILE).write_text("{not json")
    with pytest.raises(WorkspaceError, match="eliminalo"):
        Workspace.open(tmp_path)


# --- against a real server ------------------------------------------------------------------------

def test_choosing_an_empty_database_then_opening_creates_the_schema(tmp_path, pg_empty_database):
    check = database.choose(tmp_path, pg_empty_database)
    assert check.state == "vuoto" and check.usable and "saranno create" in check.message
    assert check.server_version and check.user == "mypay"
    ws = Workspace.open(tmp_path)
    try:
        assert ws.shared and ws.database_source == FROM_SETTINGS and ws.db.path is None
        assert ws.db.check() == "ok"
        assert (tmp_path / "logs").is_dir() or ws.logs_dir.is_dir()  # logs stay in the folder
    finally:
        ws.close()
    again = database.check_connection(pg_empty_database)
    assert again.state == "mypay" and again.revision == dbmod.head_revision()


def test_a_database_used_for_something_else_is_not_chosen(tmp_path, pg_empty_database):
    engine = create_engine(pg_empty_database, poolclass=NullPool)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE protocollo (n integer)"))
    engine.dispose()
    with pytest.raises(WorkspaceError, match="non sono di MyPay Desk.*non è stata salvata"):
        database.choose(tmp_path, pg_empty_database)
    assert not (tmp_path / DATABASE_FILE).exists()


def test_a_database_of_a_newer_version_is_refused_and_untouched(tmp_path, pg_database):
    engine = create_engine(pg_database, poolclass=NullPool)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    assert database.check_connection(pg_database).state == "più recente"
    with pytest.raises(WorkspaceError, match="più recente"):
        Workspace.open(tmp_path, database=pg_database)
    with pytest.raises(WorkspaceError, match="più recente"):
        database.choose(tmp_path, pg_database)
    engine = create_engine(pg_database, poolclass=NullPool)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999_future"
    engine.dispose()


def test_an_unreachable_server_is_a_clear_error_and_nothing_is_saved(tmp_path, pg_cluster):
    url = f"postgresql+psycopg://mypay@/mypay?host={tmp_path / 'nessun-server'}"
    with pytest.raises(WorkspaceError, match="non risponde"):
        database.choose(tmp_path, url)
    assert not (tmp_path / DATABASE_FILE).exists()
    missing = pg_cluster.url("non_esiste")
    with pytest.raises(WorkspaceError, match="non esiste sul server"):
        database.check_connection(missing)
    # a saved choice that stopped working: the message says how to go back to the local database
    database.save_database_url(tmp_path, missing)
    with pytest.raises(WorkspaceError, match="workspace use --local"):
        Workspace.open(tmp_path)


def test_desks_starting_together_migrate_once(tmp_path, pg_empty_database):
    errors, opened = [], []

    def start(i):
        try:
            opened.append(dbmod.Database.open(tmp_path / f"desk{i}", url=pg_empty_database))
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=start, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == [] and len(opened) == 3
    with opened[0].engine.connect() as conn:
        assert conn.execute(text("SELECT count(*), min(version_num) FROM alembic_version")).one() == \
            (1, dbmod.head_revision())
    for d in opened:
        d.dispose()


def test_immediate_sessions_of_two_desks_serialise_and_a_long_wait_is_a_clear_error(tmp_path, pg_database):
    from sqlalchemy.orm import sessionmaker

    from mypay_desk.store.repositories import ente as repo

    first = dbmod.Database.open(tmp_path / "a", url=pg_database)
    engine = postgres.make_engine(postgres.parse_url(pg_database), lock_timeout_ms=300)
    impatient = dbmod.Database(path=None, engine=engine, _factory=sessionmaker(engine), folder=tmp_path / "b")
    try:
        with first.session(immediate=True) as s:
            repo.set_setting(s, "k", "1")
            with pytest.raises(dbmod.DatabaseBusyError, match="occupato"), impatient.session(immediate=True) as s2:
                repo.set_setting(s2, "k", "2")
        with impatient.session(immediate=True) as s2:  # free again once the first committed
            assert repo.get_setting(s2, "k") == "1"
    finally:
        first.dispose()
        impatient.dispose()


@pytest.fixture
def password_role(pg_cluster, pg_empty_database):
    """A role that must give a password (scram), owning the database: (user, password, database name)."""
    hba = pg_cluster.root / "data" / "pg_hba.conf"
    rule = "local all desk scram-sha-256\n"
    if rule not in hba.read_text():
        hba.write_text(rule + hba.read_text())
    with pg_cluster.admin().connect() as conn:
        if not conn.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = 'desk'").scalar():
            conn.exec_driver_sql("CREATE ROLE desk LOGIN PASSWORD 'Segreta.1'")
        name = pg_empty_database.split("@/", 1)[1].split("?")[0]
        conn.exec_driver_sql(f'ALTER DATABASE "{name}" OWNER TO desk')
        conn.exec_driver_sql("SELECT pg_reload_conf()")
    return "desk", "Segreta.1", name


def test_the_password_comes_from_libpq_pgpass_pgpassword_or_a_service(tmp_path, pg_cluster, password_role,
                                                                       monkeypatch):
    user, password, name = password_role
    for var in ("PGPASSWORD", "PGPASSFILE", "PGSERVICEFILE", "PGSERVICE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "nessun-pgpass"))
    url = f"postgresql+psycopg://{user}@/{name}?host={pg_cluster.root}"
    with pytest.raises(WorkspaceError, match="chiede una password.*pgpass"):
        database.check_connection(url)

    monkeypatch.setenv("PGPASSWORD", password)  # e.g. in a scheduled job's environment
    assert database.check_connection(url).user == user
    monkeypatch.delenv("PGPASSWORD")

    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"*:*:{name}:{user}:{password}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))  # ~/.pgpass, or %APPDATA%\postgresql\pgpass.conf
    assert database.choose(tmp_path / "ws", url).state == "vuoto"
    ws = Workspace.open(tmp_path / "ws")
    try:
        assert ws.shared and ws.db.check() == "ok"
    finally:
        ws.close()

    services = tmp_path / "pg_service.conf"
    services.write_text(f"[mypay]\nhost={pg_cluster.root}\ndbname={name}\nuser={user}\n")
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    check = database.choose(tmp_path / "ws2", "postgresql://?service=mypay")
    assert check.state == "mypay" and check.database == name
    assert json.loads((tmp_path / "ws2" / DATABASE_FILE).read_text())["url"] == "postgresql+psycopg://?service=mypay"


def test_a_connection_cut_by_the_server_is_a_clear_error_and_the_next_session_works(tmp_path, pg_database,
                                                                                   pg_cluster):
    from mypay_desk.store.repositories import ente as repo

    db = dbmod.Database.open(tmp_path, url=pg_database)
    try:
        with pytest.raises(dbmod.DatabaseUnreachableError, match="Nulla è stato modificato"), db.session() as s:
            repo.set_setting(s, "k", "1")
            s.flush()
            pid = s.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
            pg_cluster.execute(f"SELECT pg_terminate_backend({pid})")  # the server restarts, say
            repo.set_setting(s, "k2", "2")
            s.flush()
        with db.session() as s:  # a new connection: the app carries on
            assert repo.get_setting(s, "k", "?") == "?"
            repo.set_setting(s, "k", "3")
        with db.session() as s:
            assert repo.get_setting(s, "k") == "3"
    finally:
        db.dispose()
