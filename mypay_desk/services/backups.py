"""Backups of the workspace database: automatic rotating copies, manual copies, and restore."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from mypay_desk.services.errors import UserError
from mypay_desk.store.db import BACKUP_DIR_NAME, Database, backup_file, current_revision, known_revisions

if TYPE_CHECKING:  # pragma: no cover
    from mypay_desk.services.workspace import Workspace

AUTO_KEEP = 10  # automatic copies kept; older ones are deleted
AUTO_EVERY = timedelta(hours=12)
_STAMP_RE = re.compile(r"-(\d{8}-\d{6}-\d{6})-(.+)\.sqlite3$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    reason: str
    size: int


class BackupService:
    def __init__(self, ws: Workspace):
        self.ws = ws

    @property
    def folder(self) -> Path:
        return self.ws.db.path.parent / BACKUP_DIR_NAME

    def list(self) -> list[BackupInfo]:
        items = []
        for p in self.folder.glob("*.sqlite3"):
            m = _STAMP_RE.search(p.name)
            created = datetime.strptime(m.group(1), "%Y%m%d-%H%M%S-%f") if m else datetime.fromtimestamp(
                p.stat().st_mtime)
            items.append(BackupInfo(p, created, m.group(2) if m else "", p.stat().st_size))
        return sorted(items, key=lambda b: b.created, reverse=True)

    def create(self, reason: str = "manuale") -> BackupInfo:
        path = backup_file(self.ws.db.path, reason, keep=0)
        if path is None:
            raise UserError("Il database è vuoto: non c'è nulla da copiare")
        self.ws.audit("backup.create", details={"file": path.name})
        return next(b for b in self.list() if b.path == path)

    def auto_backup(self, now: datetime | None = None) -> BackupInfo | None:
        """A rotating automatic copy, at most every AUTO_EVERY; keeps the newest AUTO_KEEP automatic ones."""
        now = now or datetime.now()
        autos = [b for b in self.list() if b.reason == "automatico"]
        if autos and now - autos[0].created < AUTO_EVERY:
            return None
        path = backup_file(self.ws.db.path, "automatico", keep=0)
        for old in [b for b in self.list() if b.reason == "automatico"][AUTO_KEEP:]:
            old.path.unlink(missing_ok=True)
        return next((b for b in self.list() if b.path == path), None)

    def restore(self, backup: Path) -> BackupInfo:
        """Replace the workspace database with ``backup``; the current one is copied first.

        Returns the safety copy of the database as it was before the restore.
        """
        backup = Path(backup)
        if not backup.is_file():
            raise UserError(f"Backup non trovato: {backup}", file=str(backup))
        rev = current_revision(backup)  # raises DatabaseError for a file that is not a database
        if rev is None:
            raise UserError(f"{backup.name} non è un backup di MyPay Desk", file=str(backup))
        if rev not in known_revisions():
            raise UserError(f"{backup.name} viene da una versione più recente dell'app", file=str(backup))
        safety = self.create("prima-del-ripristino")
        db_path = self.ws.db.path
        self.ws.db.dispose()
        import sqlite3

        src = sqlite3.connect(str(backup))
        dst = sqlite3.connect(str(db_path))
        try:
            src.backup(dst)  # page-level copy into the live file, WAL-safe
        finally:
            dst.close()
            src.close()
        self.ws.db = Database.open(db_path.parent)  # migrates an older backup to the current schema
        self.ws.audit("backup.restore", details={"file": backup.name, "safety_copy": safety.path.name})
        return safety
