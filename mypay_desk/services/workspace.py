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
import socket
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
# Who works at this desk, as the audit log and the other desks name them: the name configured in
# Impostazioni › Preferenze (saved in the folder, ``desk.json``) or these variables, else the operating
# system's user and the computer's name.
ENV_USER = "MYPAY_DESK_USER"
ENV_DESK = "MYPAY_DESK_DESK"
IDENTITY_FILE = "desk.json"
NAME_MAX = 100
# This desk's own choices (the current Ente): in its folder, not in the database, so that on a shared
# database one desk switching Ente does not switch the others.
PREFERENCES_FILE = "preferences.json"

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


@dataclass(frozen=True)
class DeskIdentity:
    """Who works at this desk: the user's name and the desk's, and whether each was configured."""

    user: str
    desk: str
    user_configured: bool = False
    desk_configured: bool = False

    @property
    def actor(self) -> str:
        """How other desks read who did something: "Mario Rossi (UFFICIO-2)"."""
        return f"{self.user} ({self.desk})" if self.desk else self.user


def load_identity(folder: Path) -> DeskIdentity:
    """The names saved in the folder (Impostazioni) or given by MYPAY_DESK_USER / MYPAY_DESK_DESK, else the
    operating system's user and the computer's name. An unreadable file falls back to those."""
    saved: dict[str, Any] = {}
    path = Path(folder) / IDENTITY_FILE
    if path.is_file():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            saved = data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            saved = {}
    user = os.environ.get(ENV_USER, "").strip() or _clean(saved.get("user"))
    desk = os.environ.get(ENV_DESK, "").strip() or _clean(saved.get("desk"))
    return DeskIdentity(user[:NAME_MAX] or _current_user(), desk[:NAME_MAX] or _current_desk(),
                        bool(user), bool(desk))


def save_identity(folder: Path, user: str, desk: str) -> DeskIdentity:
    """Save the desk's names in the workspace folder (empty: the operating system's ones)."""
    user, desk = _clean(user), _clean(desk)
    for label, value in (("nome dell'utente", user), ("nome della postazione", desk)):
        if len(value) > NAME_MAX:
            raise WorkspaceError(f"Il {label} supera i {NAME_MAX} caratteri: accorcialo")
    path = Path(folder) / IDENTITY_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    if user or desk:
        partial = path.with_name(path.name + ".part")
        partial.write_text(json.dumps({"user": user, "desk": desk}, ensure_ascii=False, indent=2) + "\n",
                           encoding="utf-8")
        partial.replace(path)
    else:
        path.unlink(missing_ok=True)
    return load_identity(folder)


def load_preferences(folder: Path) -> dict[str, Any]:
    """This desk's saved choices ({} when none, or when the file cannot be read: defaults apply)."""
    path = Path(folder) / PREFERENCES_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_preference(folder: Path, key: str, value: Any) -> None:
    """Save one of this desk's choices (None removes it); the file is replaced whole, never half-written."""
    data = load_preferences(folder)
    if value is None:
        data.pop(key, None)
    else:
        data[key] = value
    path = Path(folder) / PREFERENCES_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    partial.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    partial.replace(path)


def _clean(value: Any) -> str:
    return " ".join(str(value).split()) if isinstance(value, str) else ""


@dataclass
class Workspace:
    """An open workspace and the services that work on it (created lazily)."""

    path: Path
    db: Database
    user: str = field(default_factory=lambda: _current_user())
    database_source: str = LOCAL
    desk: str = field(default_factory=lambda: _current_desk())

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
        ws = cls(path=folder, db=db, database_source=source)
        ws.set_identity(load_identity(folder))
        return ws

    def __post_init__(self) -> None:
        self.db.actor = self.actor

    @property
    def actor(self) -> str:
        return f"{self.user} ({self.desk})" if self.desk else self.user

    def set_identity(self, identity: DeskIdentity) -> None:
        """Who works here from now on (the audit log and the rows this desk writes name them)."""
        self.user, self.desk = identity.user, identity.desk
        self.db.actor = self.actor

    def identity(self) -> DeskIdentity:
        return load_identity(self.path)

    @property
    def shared(self) -> bool:
        """True on a shared PostgreSQL database, False on the workspace's own SQLite file."""
        return self.db.kind == "postgresql"

    def close(self) -> None:
        if "changes" in self.__dict__:
            self.changes.stop()
        self.db.dispose()

    @property
    def logs_dir(self) -> Path:
        p = self.path / "logs"
        p.mkdir(parents=True, exist_ok=True)
        return p

    def audit(self, action: str, *, ente_id: int | None = None, entity: str = "",
              entity_id: int | None = None, details: dict[str, Any] | None = None,
              list_id: int | None = None) -> None:
        """One line of the audit log: who (user and desk), what, on what (and on which list)."""
        if list_id is None and entity == "debt_list":
            list_id = entity_id
        with self.db.session() as s:
            audit.record(s, self.user, action, ente_id=ente_id, entity=entity, entity_id=entity_id,
                         details=json.dumps(details or {}, ensure_ascii=False, default=str), desk=self.desk,
                         list_id=list_id)

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
    def activities(self):
        from mypay_desk.services.activity import Activities

        return Activities(self)

    @cached_property
    def changes(self):
        from mypay_desk.services.changes import ChangeFeed

        return ChangeFeed(self)

    @cached_property
    def audit_log(self):
        from mypay_desk.services.audit import AuditService

        return AuditService(self)

    @cached_property
    def backups(self):
        from mypay_desk.services.backups import BackupService

        return BackupService(self)


def _current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on some systems; audit still works
        return "utente"


def _current_desk() -> str:
    try:
        return socket.gethostname().split(".")[0] or "postazione"
    except OSError:  # pragma: no cover - no host name
        return "postazione"
