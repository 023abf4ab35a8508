"""Backups of the workspace database: automatic rotating copies, manual copies, and restore."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from mypay_desk.services.errors import UserError
from mypay_desk.store.db import (
    BACKUP_DIR_NAME,
    BUSY_TIMEOUT_MS,
    Database,
    DatabaseError,
    backup_file,
    current_revision,
    known_revisions,
)

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
        try:
            rev = current_revision(backup)
        except DatabaseError as exc:
            raise UserError(f"{backup.name} non è un database leggibile: scegli un altro backup ({exc})",
                            file=str(backup)) from exc
        if rev is None:
            raise UserError(f"{backup.name} non è un backup di MyPay Desk", file=str(backup))
        if rev not in known_revisions():
            raise UserError(f"{backup.name} viene da una versione più recente dell'app", file=str(backup))
        import sqlite3

        # A damaged copy would replace good data with bad: check every page before touching anything.
        try:
            con = sqlite3.connect(str(backup))
            try:
                verdict = "; ".join(r[0] for r in con.execute("PRAGMA quick_check(5)"))
            finally:
                con.close()
        except sqlite3.DatabaseError as exc:
            verdict = str(exc)
        if verdict != "ok":
            raise UserError(f"{backup.name} è danneggiato e non viene ripristinato ({verdict}). I dati attuali "
                            "non sono stati toccati: scegli un altro backup.", file=str(backup))
        safety = self.create("prima-del-ripristino")
        db_path = self.ws.db.path
        self.ws.db.dispose()
        try:
            src = sqlite3.connect(str(backup))
            dst = sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                # page-level copy into the live file, in one transaction: a failure leaves it as it was
                src.backup(dst)
            finally:
                dst.close()
                src.close()
        finally:
            # reopened whatever happened, so a failed restore leaves a working app;
            # opening migrates an older backup to the current schema
            self.ws.db = Database.open(db_path.parent)
        self.ws.audit("backup.restore", details={"file": backup.name, "safety_copy": safety.path.name})
        return safety
