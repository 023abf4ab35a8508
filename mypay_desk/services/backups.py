"""Backups of the workspace database: automatic rotating copies, manual copies, and restore.

SQLite: copies of the file (the SQLite backup API: consistent while the app runs) in the workspace's
backups/ folder. PostgreSQL: the app copies no files; a copy on demand is made with pg_dump (found on
the PATH or where the PostgreSQL installers put it) into the same folder, and restored by whoever runs
the server with pg_restore, while the desks are closed. Automatic copies of a shared database belong
on the server (a scheduled pg_dump or the server's own backups), not on each desk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from mypay_desk.services.errors import UserError
from mypay_desk.store import postgres
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
_STAMP_RE = re.compile(r"-(\d{8}-\d{6}-\d{6})-(.+)\.(sqlite3|dump)$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    reason: str
    size: int


@dataclass(frozen=True)
class DumpTool:
    """pg_dump as found on this desk (``path`` None: not installed; ``help`` says what to install)."""

    path: Path | None
    help: str


class BackupService:
    def __init__(self, ws: Workspace):
        self.ws = ws

    @property
    def folder(self) -> Path:
        return self.ws.path / BACKUP_DIR_NAME

    @property
    def file_copies(self) -> bool:
        """True when the app copies the database file itself (SQLite); False on a shared PostgreSQL."""
        return self.ws.db.kind == "sqlite"

    def dump_tool(self) -> DumpTool:
        """Where pg_dump is, or what to install (the Impostazioni page says it before anyone tries)."""
        return DumpTool(postgres.find_client_tool("pg_dump"), postgres.INSTALL_CLIENT_HELP)

    def restore_command(self, backup: Path | None = None) -> str:
        """PostgreSQL: the pg_restore command that puts a copy back (run by hand, every desk closed)."""
        target = postgres.libpq_uri(self.ws.db.url)
        return (f'pg_restore --clean --if-exists --no-owner --dbname "{target}" '
                f'"{backup if backup else "FILE" + postgres.DUMP_SUFFIX}"')

    def list(self) -> list[BackupInfo]:
        """The copies of this kind of database in the backups folder, newest first."""
        items = []
        pattern = "*.sqlite3" if self.file_copies else f"*{postgres.DUMP_SUFFIX}"
        for p in self.folder.glob(pattern):
            m = _STAMP_RE.search(p.name)
            created = datetime.strptime(m.group(1), "%Y%m%d-%H%M%S-%f") if m else datetime.fromtimestamp(
                p.stat().st_mtime)
            items.append(BackupInfo(p, created, m.group(2) if m else "", p.stat().st_size))
        return sorted(items, key=lambda b: b.created, reverse=True)

    def create(self, reason: str = "manuale") -> BackupInfo:
        if self.file_copies:
            path = backup_file(self.ws.db.path, reason, keep=0)
            if path is None:
                raise UserError("Il database è vuoto: non c'è nulla da copiare")
        else:
            try:
                path = postgres.dump(self.ws.db.url, self.folder, reason)
            except postgres.DumpError as exc:
                raise UserError(str(exc)) from exc
        self.ws.audit("backup.create", details={"file": path.name})
        return next(b for b in self.list() if b.path == path)

    def auto_backup(self, now: datetime | None = None) -> BackupInfo | None:
        """A rotating automatic copy, at most every AUTO_EVERY; keeps the newest AUTO_KEEP automatic ones.
        None on PostgreSQL: a shared database is backed up on its server."""
        if not self.file_copies:
            return None
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
        if not self.file_copies:
            raise UserError("Un database PostgreSQL condiviso non si ripristina dall'app, perché altre postazioni "
                            "lo stanno usando. Chiudi MyPay Desk su tutte le postazioni, poi chi gestisce il server "
                            f"esegue: {self.restore_command(backup)}", file=str(backup))
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
            self.ws.db = Database.open(self.ws.path)
        self.ws.audit("backup.restore", details={"file": backup.name, "safety_copy": safety.path.name})
        return safety

