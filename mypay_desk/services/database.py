"""The workspace's database: test a shared PostgreSQL one, choose it (or go back to the folder's own
SQLite file), and copy a desk's SQLite data into an empty shared database.

The choice is saved in the workspace folder (``database.json``) and used from the next start; a
``--database`` option or ``MYPAY_DESK_DATABASE`` overrides it (see services/workspace.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mypay_desk.services.errors import UserError
from mypay_desk.services.progress import NEVER_CANCELLED, CancelToken, ProgressCallback, no_progress
from mypay_desk.services.workspace import DATABASE_FILE, WorkspaceError
from mypay_desk.store import postgres, transfer
from mypay_desk.store.db import DB_FILE_NAME, Database, DatabaseError, head_revision, known_revisions

PASSWORD_HELP = postgres.PASSWORD_HELP


@dataclass(frozen=True)
class DatabaseCheck:
    """A connection test, in words a person can act on."""

    url: str  # as shown (no password)
    server_version: str
    database: str
    user: str
    state: str  # "vuoto" | "mypay" | "più recente" | "altro"
    revision: str | None
    message: str

    @property
    def usable(self) -> bool:
        return self.state in ("vuoto", "mypay")

    def to_json(self) -> dict[str, Any]:
        return {"url": self.url, "server_version": self.server_version, "database": self.database,
                "user": self.user, "state": self.state, "revision": self.revision, "usable": self.usable,
                "message": self.message}


def check_database_url(url: str) -> str:
    """The URL in its stored form (driver added), or WorkspaceError saying what to write instead.
    A password is refused: a settings file is no place for it."""
    try:
        parsed = postgres.parse_url(url)
    except postgres.DatabaseUrlError as exc:
        raise WorkspaceError(str(exc)) from exc
    if postgres.has_password(parsed):
        raise WorkspaceError("L'indirizzo contiene una password, che non viene salvata. " + PASSWORD_HELP)
    return postgres.with_driver(url)


def check_connection(url: str) -> DatabaseCheck:
    """Connect to ``url`` and say what is there: an empty database (the app creates its tables at the
    next start), a MyPay Desk database, one from a newer version, or one used for something else."""
    try:
        probe = postgres.probe(postgres.parse_url(url))
    except (postgres.DatabaseUrlError, postgres.ConnectionProblem) as exc:
        raise WorkspaceError(str(exc)) from exc
    where = f"PostgreSQL {probe.server_version}, database «{probe.database}», utente «{probe.user}»"
    if probe.revision is not None and probe.revision not in known_revisions():
        state, message = "più recente", (f"{where}: contiene i dati di una versione più recente di MyPay Desk "
                                         f"(schema {probe.revision}). Aggiorna l'app su questa postazione.")
    elif probe.other_tables:
        state, message = "altro", (f"{where}: contiene tabelle che non sono di MyPay Desk "
                                   f"({', '.join(probe.other_tables[:5])}). Usa un database dedicato a MyPay Desk.")
    elif probe.revision is None:
        state, message = "vuoto", f"{where}: vuoto; le tabelle di MyPay Desk saranno create al primo avvio."
    else:
        update = "" if probe.revision == head_revision() else " (sarà aggiornato al primo avvio)"
        state, message = "mypay", f"{where}: contiene già i dati di MyPay Desk{update}."
    return DatabaseCheck(probe.url, probe.server_version, probe.database, probe.user, state, probe.revision,
                         message)


def save_database_url(folder: Path, url: str | None) -> str | None:
    """Save the workspace's shared database (None: back to its own SQLite file), used from the next
    start. Returns the URL as stored. Does not connect: see choose()."""
    path = Path(folder) / DATABASE_FILE
    if url is None:
        path.unlink(missing_ok=True)
        return None
    stored = check_database_url(url)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps({"url": stored}, indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)
    return stored


def choose(folder: Path, url: str | None) -> DatabaseCheck | None:
    """Test ``url`` and, when it can hold this workspace, save it as the workspace's database (None:
    the folder's own SQLite file again). Nothing is saved when the test fails."""
    if url is None:
        save_database_url(folder, None)
        return None
    check_database_url(url)  # no password, a PostgreSQL URL: before connecting anywhere
    check = check_connection(url)
    if not check.usable:
        raise WorkspaceError(check.message + " La scelta non è stata salvata.")
    save_database_url(folder, url)
    return check


def copy_to_shared(folder: Path, url: str, *, use: bool = False, progress: ProgressCallback = no_progress,
                   cancel: CancelToken = NEVER_CANCELLED) -> transfer.CopyResult:
    """Copy the SQLite database of the workspace at ``folder`` into the empty PostgreSQL database at
    ``url``, verified table by table; with ``use`` the workspace then uses it (saved as with choose)."""
    source = Path(folder) / DB_FILE_NAME
    if not source.is_file():
        raise UserError(f"Nello spazio di lavoro {folder} non c'è un database SQLite da copiare ({DB_FILE_NAME}).",
                        file=str(source))
    try:
        target = postgres.parse_url(url)
    except postgres.DatabaseUrlError as exc:
        raise UserError(str(exc), field="URL") from exc
    if use:
        check_database_url(url)  # refused before copying, not after
    try:
        db = Database.open(Path(folder))  # the file at the app's schema (copied first if it migrates)
    except DatabaseError as exc:
        raise UserError(str(exc), file=str(source)) from exc
    try:
        result = transfer.copy_to_postgresql(db.engine, target, progress=progress, check=cancel.raise_if_cancelled)
    except (transfer.TargetNotEmptyError, transfer.CopyFailedError) as exc:
        raise UserError(str(exc)) from exc
    finally:
        db.dispose()
    if use:
        save_database_url(folder, url)
    return result
