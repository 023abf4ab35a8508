"""A throwaway PostgreSQL server for the tests: no mock, no docker.

Debian's server binaries (``/usr/lib/postgresql/<version>/bin``, package ``postgresql``; or the folder
in ``MYPAY_TEST_PG_BINDIR``) make a cluster in a temporary folder with ``initdb`` and start it with
``pg_ctl``, listening only on a unix socket inside that folder (no TCP port to collide with). One
cluster per test process (each pytest-xdist worker has its own); the app's schema is migrated once
into a template database and every test gets a fresh copy (``CREATE DATABASE ... TEMPLATE``).

``initdb`` refuses to run as root: as root (CI, containers) the server runs as an unprivileged user
(``MYPAY_TEST_PG_USER``, else ``nobody``) that owns the temporary folder; as any other user it runs as
that user. Durability is off (fsync, synchronous_commit, full_page_writes): the data is thrown away.
The database's default collation is ICU Italian, as an office server would have, so code that relies
on SQLite's bytewise ordering shows up.
"""

from __future__ import annotations

import atexit
import itertools
import os
import pwd
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

ENV_BINDIR = "MYPAY_TEST_PG_BINDIR"
ENV_USER = "MYPAY_TEST_PG_USER"
SUPERUSER = "mypay"
TEMPLATE = "mypay_template"
NEEDED = ("initdb", "pg_ctl", "postgres")

INSTALL_HINT = ("PostgreSQL server binaries (initdb, pg_ctl, postgres) not found: install Debian's "
                "'postgresql' package (apt-get install postgresql; .ci/run does) or set "
                f"{ENV_BINDIR} to their folder")


class ClusterUnavailable(RuntimeError):
    """No server can be started here; the message says why (the PostgreSQL tests skip with it)."""


def _version(path: Path) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", path.parent.name)) or (0,)


def find_bindir() -> Path | None:
    env = os.environ.get(ENV_BINDIR)
    candidates = [Path(env)] if env else []
    candidates += sorted((p for p in Path("/usr/lib/postgresql").glob("*/bin")), key=_version, reverse=True)
    found = shutil.which("initdb")
    if found:
        candidates.append(Path(found).resolve().parent)
    for c in candidates:
        if all((c / n).is_file() for n in NEEDED):
            return c
    return None


class Cluster:
    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.root: Path | None = None
        self._uid: int | None = None
        self._gid: int | None = None
        self._names = itertools.count(1)
        self._admin = None

    # --- server ------------------------------------------------------------------------------
    def start(self) -> None:
        # A short path: the socket path must fit in 107 bytes.
        self.root = Path(tempfile.mkdtemp(prefix="mypay-pg-", dir="/tmp" if Path("/tmp").is_dir() else None))
        if os.geteuid() == 0:
            name = os.environ.get(ENV_USER, "nobody")
            try:
                entry = pwd.getpwnam(name)
            except KeyError as exc:
                raise ClusterUnavailable(f"running as root and user {name!r} does not exist to run the "
                                         f"PostgreSQL server (initdb refuses root); set {ENV_USER}") from exc
            self._uid, self._gid = entry.pw_uid, entry.pw_gid
            os.chown(self.root, self._uid, self._gid)
        data = self.root / "data"
        base = [str(self.bindir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
                "-N"]
        locale = ["--locale=C.UTF-8"]
        icu = ["--locale-provider=icu", "--icu-locale=it"] if self.major >= 15 else []
        for extra in ([*locale, *icu], locale, ["--locale=C"]):
            done = self._run([*base, *extra])
            if done.returncode == 0:
                break
            shutil.rmtree(data, ignore_errors=True)
        else:
            raise ClusterUnavailable(f"initdb failed: {done.stdout}{done.stderr}")
        options = (f"-k {self.root} -c listen_addresses='' -F -c synchronous_commit=off "
                   "-c full_page_writes=off -c max_connections=200 -c shared_buffers=32MB")
        done = self._run([str(self.bindir / "pg_ctl"), "-D", str(data), "-l", str(self.root / "server.log"),
                          "-w", "-t", "60", "-o", options, "start"])
        if done.returncode != 0:
            log = (self.root / "server.log").read_text(errors="replace") if (self.root / "server.log").exists() else ""
            raise ClusterUnavailable(f"pg_ctl start failed: {done.stdout}{done.stderr}{log}")
        atexit.register(self.stop)

    @property
    def major(self) -> int:
        out = subprocess.run([str(self.bindir / "postgres"), "--version"], capture_output=True, text=True).stdout
        m = re.search(r"(\d+)", out)
        return int(m.group(1)) if m else 0

    def _run(self, cmd: list[str]) -> subprocess.CompletedProcess:
        kwargs = {}
        if self._uid is not None:
            kwargs = {"user": self._uid, "group": self._gid, "extra_groups": []}
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["LC_ALL"] = "C.UTF-8"
        return subprocess.run(cmd, capture_output=True, text=True, cwd=self.root, env=env, check=False, **kwargs)

    def stop(self) -> None:
        if self.root is None:
            return
        if self._admin is not None:
            self._admin.dispose()
            self._admin = None
        self._run([str(self.bindir / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop"])
        shutil.rmtree(self.root, ignore_errors=True)
        self.root = None

    # --- databases ---------------------------------------------------------------------------
    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{SUPERUSER}@/{database}?host={self.root}"

    def admin(self):
        """An AUTOCOMMIT engine on the maintenance database (CREATE/DROP DATABASE)."""
        if self._admin is None:
            from sqlalchemy import create_engine
            from sqlalchemy.pool import NullPool

            self._admin = create_engine(self.url("postgres"), isolation_level="AUTOCOMMIT", poolclass=NullPool)
        return self._admin

    def execute(self, sql: str) -> None:
        with self.admin().connect() as conn:
            conn.exec_driver_sql(sql)

    def create_database(self, template: str | None = None, name: str | None = None) -> str:
        name = name or f"t{os.getpid()}_{next(self._names)}"
        self.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return name

    def drop_database(self, name: str) -> None:
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def make_template(self) -> str:
        """The app's schema, migrated once, for fresh copies."""
        from mypay_desk.store.db import Database

        self.create_database(name=TEMPLATE)
        folder = Path(tempfile.mkdtemp(prefix="mypay-pg-template-"))
        try:
            Database.open(folder, url=self.url(TEMPLATE)).dispose()
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return TEMPLATE


def start_cluster() -> Cluster:
    bindir = find_bindir()
    if bindir is None:
        raise ClusterUnavailable(INSTALL_HINT)
    cluster = Cluster(bindir)
    try:
        cluster.start()
    except BaseException:
        cluster.stop()
        raise
    return cluster
