"""The workspace database: engine set-up, migrations at start-up, and sessions.

Two kinds: the workspace's own SQLite file (the default, one desk) or a shared PostgreSQL database
(an office; see store/postgres.py). Same models, same migrations; the few places that differ are
marked "PostgreSQL" or "SQLite" here and in the repositories.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DataError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from mypay_desk.store import postgres
from mypay_desk.store.locks import WriteScope
from mypay_desk.store.wal_checkpoint import SAFETY_NET_PAGES, WalCheckpointer

log = logging.getLogger(__name__)

DB_FILE_NAME = "mypay-desk.sqlite3"
BACKUP_DIR_NAME = "backups"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 15_000


class DatabaseTooNewError(RuntimeError):
    """The database was written by a newer version of the app."""


class DatabaseError(RuntimeError):
    """The database could not be opened or migrated; the message says why and what to do."""


class DatabaseBusyError(RuntimeError):
    """Another program held the write lock longer than the busy timeout; nothing was changed."""


class DatabaseUnreachableError(DatabaseBusyError):
    """The database server could not be reached (or the connection broke); nothing was changed."""


class DatabaseValueError(RuntimeError):
    """The database refused a value it cannot hold (PostgreSQL: text with NUL); nothing was changed.

    The readers replace NUL (formats.limits.without_nul); this is the net for any other way in."""


BUSY_MESSAGE = (
    "Il database è occupato da un'altra operazione (un'altra finestra, un'altra postazione o un comando "
    "di MyPay Desk in corso). Nulla è stato modificato: riprova tra poco."
)
UNREACHABLE_MESSAGE = (
    "Il server del database non risponde o la connessione si è interrotta. Nulla è stato modificato: "
    "controlla la rete e riprova."
)
NUL_MESSAGE = (
    "Un valore contiene il carattere nullo (NUL, codice 0), che il database PostgreSQL non può salvare. "
    "Nulla è stato modificato: togli quel carattere dal file o dal valore e riprova."
)
# PostgreSQL SQLSTATEs that mean "someone else holds what we need": lock_timeout, deadlock, serialization.
_PG_BUSY = {"55P03", "40P01", "40001"}


def _is_busy(exc: BaseException) -> bool:
    if _sqlstate(exc) in _PG_BUSY:
        return True
    text_ = str(exc).lower()
    return "database is locked" in text_ or "database is busy" in text_ or "database table is locked" in text_


def _sqlstate(exc: BaseException) -> str | None:
    return getattr(getattr(exc, "orig", None), "sqlstate", None)


def _is_nul_refused(exc: BaseException) -> bool:
    """psycopg refuses, before sending, a text parameter holding NUL (a DataError saying so); the server
    itself says 22021 ("invalid byte sequence ... 0x00") for one that reaches it another way."""
    if not isinstance(exc, DataError):
        return False
    text_ = str(getattr(exc, "orig", exc))
    return "NUL (0x00)" in text_ or (_sqlstate(exc) == "22021" and "0x00" in text_)


def _is_unreachable(exc: BaseException) -> bool:
    """PostgreSQL: the server went away or cannot be reached (SQLSTATE class 08, or none at all)."""
    orig = getattr(exc, "orig", None)
    if orig is None or type(orig).__module__.split(".")[0] != "psycopg":
        return False
    state = getattr(orig, "sqlstate", None)
    return state is None or state.startswith("08") or bool(getattr(exc, "connection_invalidated", False))


@contextmanager
def _busy_as_clear_error() -> Iterator[None]:
    try:
        yield
    except (DBAPIError, sqlite3.OperationalError) as exc:
        if _is_busy(exc):
            raise DatabaseBusyError(BUSY_MESSAGE) from exc
        if isinstance(exc, OperationalError) and _is_unreachable(exc):
            raise DatabaseUnreachableError(UNREACHABLE_MESSAGE) from exc
        if _is_nul_refused(exc):
            raise DatabaseValueError(NUL_MESSAGE) from exc
        raise


def _on_connect(dbapi_connection, _record) -> None:  # pragma: no cover - exercised by every test
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _connection_class(on_commit: list[Callable[[], None]]) -> type[sqlite3.Connection]:
    """sqlite3 connections that call ``on_commit`` hooks after a COMMIT that changed rows (what lets this
    process tell its own writes from other processes' in store/notifications.py)."""

    class _Connection(sqlite3.Connection):
        _seen_changes = 0

        def commit(self) -> None:
            super().commit()
            total = self.total_changes
            if total != self._seen_changes:
                self._seen_changes = total
                for hook in list(on_commit):
                    hook()

        def rollback(self) -> None:
            super().rollback()
            self._seen_changes = self.total_changes

    return _Connection


def make_engine(path: Path, on_commit: list[Callable[[], None]] | None = None, *,
                wal_autocheckpoint: int | None = None) -> Engine:
    """``wal_autocheckpoint``: the connections' own checkpoint threshold in pages (None: SQLite's 1,000),
    set higher when a WalCheckpointer does the checkpoints."""
    args: dict = {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
    if on_commit is not None:
        args["factory"] = _connection_class(on_commit)
    engine = create_engine(f"sqlite:///{path}", connect_args=args)
    event.listen(engine, "connect", _on_connect)
    if wal_autocheckpoint is not None:
        @event.listens_for(engine, "connect")
        def _checkpoint_threshold(dbapi_connection, _record):
            dbapi_connection.execute(f"PRAGMA wal_autocheckpoint={int(wal_autocheckpoint)}")

    # pysqlite's implicit transactions defeat BEGIN IMMEDIATE; take control of BEGIN ourselves.
    @event.listens_for(engine, "connect")
    def _no_implicit_begin(dbapi_connection, _record):
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn):
        mode = conn.info.pop("begin_mode", "")
        conn.info.pop("begin_scope", None)  # scopes narrow PostgreSQL's locks; SQLite has one writer anyway
        conn.exec_driver_sql(f"BEGIN {mode}".strip())

    return engine


def alembic_config(engine_url: str | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine_url:
        cfg.set_main_option("sqlalchemy.url", engine_url)
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(path: Path) -> str | None:
    if not path.exists() or path.stat().st_size == 0:
        return None
    con = sqlite3.connect(str(path))
    try:
        row = con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not row:
            return None
        rev = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return rev[0] if rev else None
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path} non è un database di MyPay Desk leggibile: {exc}") from exc
    finally:
        con.close()


def backup_file(path: Path, reason: str, keep: int = 10) -> Path | None:
    """Copy the database consistently (sqlite backup API) into backups/, keeping the newest ``keep``."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    folder = path.parent / BACKUP_DIR_NAME
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{path.stem}-{stamp}-{reason}.sqlite3"
    src = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    # rotate only copies made for the same reason: a manual copy or a pre-restore safety copy is never
    # deleted to make room for another pre-migration one
    backups = sorted(folder.glob(f"{path.stem}-*-{reason}.sqlite3"))
    for old in backups[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)
    return target


def migrate(path: Path) -> str | None:
    """Bring the database at ``path`` to the app's schema. Returns the backup made, if any."""
    from alembic import command

    path.parent.mkdir(parents=True, exist_ok=True)
    current = current_revision(path)
    head = head_revision()
    if current is not None and current not in known_revisions():
        raise DatabaseTooNewError(
            f"Il database {path} è stato creato da una versione più recente di MyPay Desk "
            f"(schema {current}). Aggiorna l'applicazione: il file non è stato modificato."
        )
    if current == head:
        return None
    # any existing file is copied first, whatever its revision: a failed step must lose nothing
    backup = backup_file(path, "pre-migrazione")
    cfg = alembic_config(f"sqlite:///{path}")
    engine = make_engine(path)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    finally:
        engine.dispose()
    log.info("database %s migrated from %s to %s", path, current, head)
    return str(backup) if backup else None


def _revision_of(conn) -> str | None:
    from alembic.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def migrate_postgresql(engine: Engine, folder: Path) -> str | None:
    """PostgreSQL: bring the shared database to the app's schema. Returns the backup made, if any.

    One transaction (PostgreSQL's DDL is transactional: a failed step leaves the schema as it was)
    under an advisory lock, so when several desks start a new version at once one migrates and the
    others find it done. A database in use by an older schema is first dumped with pg_dump into the
    workspace's backups/ when the client tools are there (logged, not required, when they are not).
    """
    from alembic import command

    head = head_revision()
    backup = None
    with engine.connect() as conn, _busy_as_clear_error(), conn.begin():
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(%(key)s)", {"key": postgres.MIGRATION_LOCK})
        current = _revision_of(conn)
        if current is not None and current not in known_revisions():
            raise DatabaseTooNewError(
                f"Il database {postgres.safe_text(engine.url)} è stato aggiornato da una versione più recente "
                f"di MyPay Desk (schema {current}). Aggiorna l'applicazione su questa postazione: il database "
                "non è stato modificato.")
        if current == head:
            return None
        if current is not None:
            try:
                backup = postgres.dump(engine.url, folder / BACKUP_DIR_NAME, "pre-migrazione")
            except postgres.DumpError as exc:
                log.warning("nessuna copia prima dell'aggiornamento dello schema: %s", exc)
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    log.info("database %s migrated from %s to %s", postgres.safe_text(engine.url), current, head)
    return str(backup) if backup else None


@dataclass
class Database:
    """One workspace database. Sessions are short; BEGIN IMMEDIATE for writes that must serialise.

    ``path`` is the SQLite file (None on PostgreSQL); ``folder`` the workspace folder, which holds
    logs, backups and settings whatever the database.
    """

    path: Path | None
    engine: Engine
    _factory: sessionmaker
    folder: Path | None = None
    #: Who writes through this object ("user (desk)"): stamped on the debts it changes (debt.changed_by).
    actor: str = ""
    #: SQLite: called after each COMMIT of this object that changed rows (store/notifications.py).
    on_own_commit: list[Callable[[], None]] = field(default_factory=list)
    #: PostgreSQL: this object's connections' application_name, which names its writes in notifications.
    application_name: str = ""
    #: SQLite: copies the WAL into the database file after commits, off the committing thread.
    checkpointer: WalCheckpointer | None = None

    @classmethod
    def open(cls, workspace: Path, run_migrations: bool = True, url: str | URL | None = None) -> Database:
        """The workspace's SQLite file, or the PostgreSQL database at ``url``."""
        workspace = Path(workspace)
        workspace.mkdir(parents=True, exist_ok=True)
        if url is not None:
            return cls._open_postgresql(workspace, url, run_migrations)
        path = workspace / DB_FILE_NAME
        if run_migrations:
            migrate(path)
        checkpointer = WalCheckpointer(path)
        hooks: list[Callable[[], None]] = [checkpointer.poke]
        engine = make_engine(path, hooks, wal_autocheckpoint=SAFETY_NET_PAGES)
        return cls(path=path, engine=engine, _factory=sessionmaker(engine, expire_on_commit=False), folder=workspace,
                   on_own_commit=hooks, checkpointer=checkpointer)

    @classmethod
    def _open_postgresql(cls, workspace: Path, url: str | URL, run_migrations: bool) -> Database:
        try:
            parsed = postgres.parse_url(url) if isinstance(url, str) else url
        except postgres.DatabaseUrlError as exc:
            raise DatabaseError(str(exc)) from exc
        application_name = postgres.tagged_application_name()
        engine = postgres.make_engine(parsed, BUSY_TIMEOUT_MS, application_name)
        try:
            if run_migrations:
                migrate_postgresql(engine, workspace)
            else:
                with engine.connect():
                    pass
        except OperationalError as exc:
            engine.dispose()
            raise DatabaseError(postgres.explain_connect_error(parsed, exc)) from exc
        except BaseException:
            engine.dispose()
            raise
        return cls(path=None, engine=engine, _factory=sessionmaker(engine, expire_on_commit=False), folder=workspace,
                   application_name=application_name)

    @property
    def kind(self) -> str:
        """"sqlite" or "postgresql"."""
        return self.engine.dialect.name

    @property
    def url(self) -> URL:
        return self.engine.url

    def describe(self) -> str:
        """Where the data is, as a user may read it (never the password)."""
        if self.path is not None:
            return str(self.path)
        return postgres.safe_text(self.engine.url)

    @contextmanager
    def session(self, immediate: bool = False, *, lock: WriteScope | None = None) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back on error.

        ``immediate=True`` takes the write lock at BEGIN, so read-then-write sequences cannot interleave
        with another process: SQLite's database lock; on PostgreSQL one database-wide advisory lock.
        ``lock`` (implies immediate) narrows that on PostgreSQL to a scope (store/locks.py), so writers
        of other scopes on other desks go on meanwhile; on SQLite it is BEGIN IMMEDIATE all the same.
        The session's ``info["actor"]`` is who writes (the repositories stamp it on the rows they change).
        """
        with _busy_as_clear_error():
            if immediate or lock is not None:
                with self.engine.connect() as conn:
                    conn.info["begin_mode"] = "IMMEDIATE"
                    if lock is not None:
                        conn.info["begin_scope"] = lock
                    with conn.begin():
                        sess = Session(bind=conn, expire_on_commit=False, join_transaction_mode="rollback_only",
                                       info={"actor": self.actor})
                        try:
                            yield sess
                            sess.flush()
                        finally:
                            sess.close()
                return
            sess = self._factory(info={"actor": self.actor})
            try:
                yield sess
                sess.commit()
            except BaseException:
                sess.rollback()
                raise
            finally:
                sess.close()

    def table_names(self) -> list[str]:
        return sorted(inspect(self.engine).get_table_names())

    def check(self) -> str:
        """"ok" or what is wrong. SQLite: every page and index checked. PostgreSQL keeps its constraints
        and pages itself: the check is that the server answers with the app's schema."""
        with self.engine.connect() as conn:
            if self.kind == "sqlite":
                return conn.execute(text("PRAGMA integrity_check")).scalar_one()
            revision = _revision_of(conn)
            return "ok" if revision == head_revision() else f"schema {revision}, atteso {head_revision()}"

    def dispose(self) -> None:
        if self.checkpointer is not None:
            self.checkpointer.close()
        self.engine.dispose()
