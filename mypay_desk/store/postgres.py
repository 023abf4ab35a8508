"""PostgreSQL for a shared office workspace: the URL, the engine, a connection test, and pg_dump.

The driver is psycopg 3 through libpq, so a URL need not (and, saved in a workspace, must not) hold
the password: libpq finds it in the password file (``~/.pgpass``; on Windows
``%APPDATA%\\postgresql\\pgpass.conf``), in ``PGPASSWORD``, or in a connection service file
(``?service=NAME``, ``~/.pg_service.conf`` or ``PGSERVICEFILE``), and Kerberos/SSPI or client
certificates need none at all.

Writes that SQLite serialises with ``BEGIN IMMEDIATE`` take one transaction-scoped advisory lock
here (WRITE_LOCK), so every read-then-write sequence written for SQLite stays correct when several
desks share the database. Lock waits are bounded by ``lock_timeout`` like SQLite's busy timeout.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.pool import NullPool

DRIVER = "postgresql+psycopg"
APPLICATION_NAME = "MyPay Desk"
CONNECT_TIMEOUT_S = 10

# pg_advisory_xact_lock keys (one bigint namespace per database): ASCII of "MYPAY" + a small number.
WRITE_LOCK = 0x4D5950415901  # the database-wide write lock of immediate sessions
MIGRATION_LOCK = 0x4D5950415902  # one desk migrates the schema, the others wait and find it done

PASSWORD_HELP = (
    "Non scrivere la password nell'indirizzo: PostgreSQL la legge dal file delle password "
    "(~/.pgpass; su Windows %APPDATA%\\postgresql\\pgpass.conf, una riga "
    "server:porta:database:utente:password), dalla variabile PGPASSWORD o da un servizio "
    "(?service=NOME in pg_service.conf).")


class DatabaseUrlError(ValueError):
    """A database address that cannot be used; the message says what to write instead."""


def parse_url(text: str) -> URL:
    """A PostgreSQL URL for SQLAlchemy with the psycopg driver (``postgresql://`` and ``postgres://``
    are accepted and given the driver). Anything else is refused with an example."""
    raw = (text or "").strip()
    example = "postgresql+psycopg://utente@server/mypay"
    if not raw:
        raise DatabaseUrlError(f"Indirizzo del database vuoto: scrivi ad esempio {example}")
    try:
        url = make_url(raw)
    except ArgumentError as exc:
        raise DatabaseUrlError(f"Indirizzo del database non valido ({raw!r}): scrivi ad esempio {example}") from exc
    if url.drivername in ("postgresql", "postgres", "postgresql+psycopg"):
        url = url.set(drivername=DRIVER)
    else:
        raise DatabaseUrlError(
            f"Database non supportato ({url.drivername}): MyPay Desk usa il file SQLite dello spazio di "
            f"lavoro oppure un server PostgreSQL condiviso, ad esempio {example}")
    if not url.database and "service" not in url.query:  # a service file may name the database
        raise DatabaseUrlError(f"Nell'indirizzo manca il nome del database: ad esempio {example}")
    return url


def with_driver(text: str) -> str:
    """The URL as written, with the psycopg driver named (``postgresql://...`` -> ``postgresql+psycopg://...``):
    the form a workspace saves, readable as the user typed it."""
    raw = text.strip()
    for scheme in ("postgresql://", "postgres://"):
        if raw.startswith(scheme):
            return DRIVER + "://" + raw[len(scheme):]
    return raw


def safe_text(url: URL | str) -> str:
    """The URL as it may be shown or logged: the password, if any, masked."""
    if isinstance(url, str):
        try:
            url = make_url(url)
        except ArgumentError:
            return "(indirizzo non valido)"
    # a socket folder in the query (?host=/run/postgresql) reads better unquoted
    return unquote(url.render_as_string(hide_password=True))


def has_password(url: URL) -> bool:
    return bool(url.password) or "password" in url.query


def tagged_application_name() -> str:
    """"MyPay Desk 3f2a9c1d": the app's name and a tag of one open database, which the change
    notifications carry so a desk can leave out its own writes (store/notifications.py)."""
    return f"{APPLICATION_NAME} {uuid.uuid4().hex[:8]}"


def make_engine(url: URL, lock_timeout_ms: int, application_name: str = APPLICATION_NAME) -> Engine:
    engine = create_engine(
        url, pool_pre_ping=True,
        connect_args={"application_name": application_name, "connect_timeout": CONNECT_TIMEOUT_S})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # pragma: no cover - exercised by every PostgreSQL test
        with dbapi_connection.cursor() as cur:
            cur.execute(f"SET lock_timeout = {int(lock_timeout_ms)}")
        dbapi_connection.commit()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        # "IMMEDIATE" (see Database.session): SQLite's write lock, as one advisory lock held to COMMIT;
        # with a scope (store/locks.py) that lock is taken shared, then the scope's own, in key order.
        if conn.info.pop("begin_mode", "") != "IMMEDIATE":
            return
        scope = conn.info.pop("begin_scope", None)
        if scope is None:
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(%(key)s)", {"key": WRITE_LOCK})
            return
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock_shared(%(key)s)", {"key": WRITE_LOCK})
        for cls, obj, shared in sorted(scope.keys):
            fn = "pg_advisory_xact_lock_shared" if shared else "pg_advisory_xact_lock"
            conn.exec_driver_sql(f"SELECT {fn}(%(cls)s, %(obj)s)", {"cls": cls, "obj": obj})

    return engine


@dataclass(frozen=True)
class Probe:
    """What a connection test found: the server, and what the database holds."""

    url: str  # shown form (no password)
    server_version: str
    database: str
    user: str
    revision: str | None  # MyPay Desk schema revision, None when the database has none
    other_tables: tuple[str, ...]  # tables that are not MyPay Desk's (a database used for something else)

    @property
    def empty(self) -> bool:
        return self.revision is None and not self.other_tables


def probe(url: URL) -> Probe:
    """Connect and look: server version, database, user, the app's schema revision if present."""
    from mypay_desk.store.models import Base

    engine = create_engine(url, poolclass=NullPool, connect_args={
        "application_name": APPLICATION_NAME, "connect_timeout": CONNECT_TIMEOUT_S})
    try:
        with engine.connect() as conn:
            version = conn.exec_driver_sql("SHOW server_version").scalar_one()
            database, user = conn.exec_driver_sql("SELECT current_database(), current_user").one()
            tables = set(inspect(conn).get_table_names())
            revision = None
            if "alembic_version" in tables:
                revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            ours = set(Base.metadata.tables) | {"alembic_version"}
            return Probe(safe_text(url), str(version), database, user, revision, tuple(sorted(tables - ours)))
    except DBAPIError as exc:
        raise ConnectionProblem(explain_connect_error(url, exc)) from exc
    finally:
        engine.dispose()


class ConnectionProblem(RuntimeError):
    """The server could not be reached or refused the connection; the message says why."""


def explain_connect_error(url: URL, exc: BaseException) -> str:
    """A connection failure in plain Italian, with what to check; libpq's own text follows."""
    detail = " ".join(str(getattr(exc, "orig", exc) or exc).split())
    low = detail.lower()
    where = safe_text(url)
    if "password" in low and ("no password supplied" in low or "authentication failed" in low):
        hint = "il server chiede una password che non è stata trovata o non è giusta. " + PASSWORD_HELP
    elif "does not exist" in low and "database" in low:
        hint = "il database non esiste sul server: fallo creare (createdb) a chi gestisce il server."
    elif any(k in low for k in ("timeout", "could not connect", "connection refused", "no route",
                                 "is the server running", "no such file or directory")):
        hint = "il server non risponde: controlla nome, porta e rete, e che PostgreSQL sia avviato."
    elif "could not translate host name" in low or "name or service not known" in low:
        hint = "il nome del server non è conosciuto: controlla come è scritto."
    else:
        hint = "controlla l'indirizzo e i permessi dell'utente sul server."
    return f"Connessione a {where} non riuscita: {hint} (PostgreSQL: {detail})"


# --- pg_dump ----------------------------------------------------------------------------------

INSTALL_CLIENT_HELP = (
    "Installa gli strumenti client di PostgreSQL (della stessa versione del server o più recenti): su "
    "Debian/Ubuntu «apt install postgresql-client»; su Windows l'installer di PostgreSQL con il solo "
    "componente «Command Line Tools», poi aggiungi la sua cartella bin al PATH.")
DUMP_SUFFIX = ".dump"


def find_client_tool(name: str) -> Path | None:
    """``pg_dump`` and friends: on the PATH, else where the PostgreSQL installers put them."""
    found = shutil.which(name)
    if found:
        return Path(found)
    if sys.platform == "win32":  # pragma: no cover - Windows installer layout
        roots = [Path(os.environ.get(v, "")) / "PostgreSQL" for v in ("ProgramFiles", "ProgramW6432")]
        candidates = [p for r in roots if r.is_dir() for p in r.glob(f"*/bin/{name}.exe")]
    else:
        candidates = list(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    candidates.sort(key=lambda p: _version_key(p.parent.parent.name), reverse=True)
    return candidates[0] if candidates else None


def _version_key(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", text)) or (0,)


class DumpError(RuntimeError):
    """pg_dump is missing or failed; the message says what to do."""


def libpq_uri(url: URL) -> str:
    """The URL as libpq takes it on a command line: no driver, no password (that goes in PGPASSWORD)."""
    return url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)


def dump(url: URL, folder: Path, label: str) -> Path:
    """Run ``pg_dump --format=custom`` into ``folder``; returns the file (written whole or not at all)."""
    tool = find_client_tool("pg_dump")
    if tool is None:
        raise DumpError("pg_dump non trovato: la copia di un database PostgreSQL si fa con pg_dump. "
                        + INSTALL_CLIENT_HELP)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    name = re.sub(r"[^\w.-]", "_", str(url.database or url.query.get("service") or "postgresql"))
    target = folder / f"{name}-{stamp}-{label}{DUMP_SUFFIX}"
    partial = target.with_name(target.name + ".part")
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)  # not on the command line, where ps would show it
    env.setdefault("PGAPPNAME", APPLICATION_NAME)
    cmd = [str(tool), "--format=custom", "--no-password", f"--file={partial}", f"--dbname={libpq_uri(url)}"]
    try:
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise DumpError(f"pg_dump ({tool}) non si avvia: {exc}. " + INSTALL_CLIENT_HELP) from exc
    if done.returncode != 0:
        partial.unlink(missing_ok=True)
        raise DumpError(explain_dump_error(done.stderr, tool))
    partial.replace(target)
    return target


def explain_dump_error(stderr: str, tool: Path) -> str:
    detail = " ".join((stderr or "").split())
    if "server version mismatch" in detail:
        return (f"pg_dump ({tool}) è più vecchio del server e non può copiarlo. " + INSTALL_CLIENT_HELP
                + f" (pg_dump: {detail})")
    if "password" in detail.lower():
        return "pg_dump non ha trovato la password del database. " + PASSWORD_HELP + f" (pg_dump: {detail})"
    return f"pg_dump non è riuscito: {detail or 'nessun messaggio'}"


def copy_into_stage(conn, stage: str, like_table: str, columns: str, rows) -> None:
    """A TEMP table ``stage`` shaped like ``columns`` (SQL list) of ``like_table``, plus ``_ord`` numbering the
    rows in the order given, filled with COPY (psycopg's ``Cursor.copy``: rows adapted in C, one stream instead
    of a round trip and an SQL parse per batch). The caller INSERTs ... SELECT from it ``ORDER BY _ord``."""
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {stage}")
    conn.exec_driver_sql(f"CREATE TEMP TABLE {stage} ON COMMIT DROP AS SELECT {columns} FROM {like_table} "
                         "WITH NO DATA")
    conn.exec_driver_sql(f"ALTER TABLE {stage} ADD COLUMN _ord bigserial")
    cursor = conn.connection.driver_connection.cursor()
    try:
        with cursor.copy(f"COPY {stage} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    finally:
        cursor.close()
