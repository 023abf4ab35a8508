"""The workspace: a folder holding the database (or the choice of a shared one), its backups, logs
and settings.

Which database a workspace uses: ``--database URL``, else ``MYPAY_DESK_DATABASE``, else the choice
saved in the folder (``database.json``, written by Impostazioni or ``mypay-desk workspace use``),
else the folder's own SQLite file. A saved choice never holds a password (services/database.py saves
it; store/postgres.py says where libpq finds the password).
"""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from mypay_desk import APP_ID
from mypay_desk.store.db import Database, DatabaseError, DatabaseTooNewError
from mypay_desk.store.repositories import audit

if TYPE_CHECKING:  # pragma: no cover
    from mypay_desk.services.ente import EnteService

ENV_WORKSPACE = "MYPAY_DESK_WORKSPACE"
ENV_DATABASE = "MYPAY_DESK_DATABASE"
DATABASE_FILE = "database.json"

# Where the database choice came from (Workspace.database_source).
FROM_OPTION, FROM_ENV, FROM_SETTINGS, LOCAL = "--database", ENV_DATABASE, DATABASE_FILE, "sqlite"


def default_workspace_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


def resolve_workspace_dir(explicit: str | os.PathLike | None = None) -> Path:
    """--workspace, else MYPAY_DESK_WORKSPACE, else the per-user data folder."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(ENV_WORKSPACE)
    if env:
        return Path(env).expanduser().resolve()
    return default_workspace_dir()


class WorkspaceError(RuntimeError):
    pass


def saved_database_url(folder: Path) -> str | None:
    """The shared database saved for the workspace at ``folder`` (None: its own SQLite file)."""
    path = Path(folder) / DATABASE_FILE
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise WorkspaceError(f"{path} non è leggibile ({exc}): correggilo o eliminalo per usare il database "
                             "locale") from exc
    url = data.get("url") if isinstance(data, dict) else None
    return url.strip() if isinstance(url, str) and url.strip() else None


def resolve_database(folder: Path, explicit: str | None = None) -> tuple[str | None, str]:
    """(URL or None for the SQLite file, where the choice came from)."""
    if explicit:
        return explicit, FROM_OPTION
    env = os.environ.get(ENV_DATABASE, "").strip()
    if env:
        return env, FROM_ENV
    saved = saved_database_url(folder)
    if saved:
        return saved, FROM_SETTINGS
    return None, LOCAL


@dataclass
class Workspace:
    """An open workspace and the services that work on it (created lazily)."""

    path: Path
    db: Database
    user: str = field(default_factory=lambda: _current_user())
    database_source: str = LOCAL

    @classmethod
    def open(cls, path: str | os.PathLike | None = None, database: str | None = None) -> Workspace:
        """Open the workspace folder and its database (``database``: a URL that overrides the choice)."""
        folder = resolve_workspace_dir(path)
        url, source = resolve_database(folder, database)
        try:
            db = Database.open(folder, url=url)
        except (DatabaseTooNewError, DatabaseError) as exc:
            message = str(exc)
            if source == FROM_SETTINGS:
                message += (f" Il database condiviso è scelto in {folder / DATABASE_FILE}: per tornare al "
                            "database locale di questa postazione usa «mypay-desk workspace use --local».")
            raise WorkspaceError(message) from exc
        return cls(path=folder, db=db, database_source=source)

    @property
    def shared(self) -> bool:
        """True on a shared PostgreSQL database, False on the workspace's own SQLite file."""
        return self.db.kind == "postgresql"

    def close(self) -> None:
        self.db.dispose()

    @property
    def logs_dir(self) -> Path:
        p = self.path / "logs"
        p.mkdir(parents=True, exist_ok=True)
        return p

    def audit(self, action: str, *, ente_id: int | None = None, entity: str = "",
              entity_id: int | None = None, details: dict[str, Any] | None = None) -> None:
        with self.db.session() as s:
            audit.record(s, self.user, action, ente_id=ente_id, entity=entity, entity_id=entity_id,
                         details=json.dumps(details or {}, ensure_ascii=False, default=str))

    # --- services (one instance per workspace, created on first use) ---------------------------
    @cached_property
    def ente(self) -> EnteService:
        from mypay_desk.services.ente import EnteService

        return EnteService(self)

    @cached_property
    def codes(self):
        from mypay_desk.services.codes import CodesService

        return CodesService(self)

    @cached_property
    def lists(self):
        from mypay_desk.services.lists import ListService

        return ListService(self)

    @cached_property
    def portal(self):
        from mypay_desk.services.portal import PortalService

        return PortalService(self)

    @cached_property
    def sync(self):
        from mypay_desk.services.sync import SyncService

        return SyncService(self)

    @cached_property
    def receipts(self):
        from mypay_desk.services.receipts import ReceiptService

        return ReceiptService(self)

    @cached_property
    def reconciliation(self):
        from mypay_desk.services.reconciliation import ReconciliationService

        return ReconciliationService(self)

    @cached_property
    def notices(self):
        from mypay_desk.services.notices import NoticeService

        return NoticeService(self)

    @cached_property
    def demo(self):
        from mypay_desk.services.demo import DemoService

        return DemoService(self)

    @cached_property
    def backups(self):
        from mypay_desk.services.backups import BackupService

        return BackupService(self)


def _current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on some systems; audit still works
        return "utente"
