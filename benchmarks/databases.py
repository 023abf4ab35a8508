"""``--database`` for the benchmarks: which database a benchmark's throw-away workspace uses.

- ``sqlite`` (the default): the workspace folder's own SQLite file, as one desk has it;
- ``postgresql``: a throw-away PostgreSQL server started for the run the way the tests start theirs
  (tests/pg_support.py: Debian's server binaries, ``initdb`` + ``pg_ctl`` in a temporary folder, a unix
  socket, durability off), and a fresh database in it;
- a URL (``postgresql+psycopg://user@server/db``): that server's database, which must be empty (the
  benchmark creates its Ente and data there; drop and create it again between runs).

Not a benchmark itself (no ``bench_`` prefix): ``make bench`` runs the ``bench_*.py`` scripts.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mypay_desk.services.workspace import Workspace  # noqa: E402


def add_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--database", default="sqlite", metavar="sqlite|postgresql|URL",
                        help="sqlite (the workspace file, default), postgresql (a throw-away server started for "
                             "the run) or the URL of an empty PostgreSQL database")


@contextmanager
def database_url(choice: str | None) -> Iterator[str | None]:
    """The URL to open the workspace with (None: its SQLite file), for as long as the block runs."""
    if not choice or choice == "sqlite":
        yield None
        return
    if choice != "postgresql":
        yield choice
        return
    from tests.pg_support import start_cluster

    cluster = start_cluster()
    try:
        yield cluster.url(cluster.create_database())
    finally:
        cluster.stop()


def open_workspace(folder: Path, url: str | None) -> Workspace:
    ws = Workspace.open(folder, database=url)
    if url is not None and ws.ente.list():
        ws.close()
        raise SystemExit(f"{url}: il database non è vuoto; il benchmark ha bisogno di un database vuoto")
    return ws


def settle(ws: Workspace) -> None:
    """Wait for the background WAL checkpoint of what was just written (store/wal_checkpoint.py): the next
    timed step then has the disk and the second core to itself, as in the baseline it is compared to."""
    checkpointer = getattr(ws.db, "checkpointer", None)
    if checkpointer is not None:
        checkpointer.wait_idle(timeout=300)


def label(ws: Workspace) -> str:
    return "PostgreSQL" if ws.shared else "SQLite"
