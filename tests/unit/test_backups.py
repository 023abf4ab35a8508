from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from mypay_desk.domain.ente import EnteData
from mypay_desk.services.errors import UserError

# Copies of the SQLite file; PostgreSQL's pg_dump copies are tested in test_backups_postgresql.py.
pytestmark = pytest.mark.sqlite_only


def test_manual_backup_and_restore_brings_back_the_data(workspace, ente):
    copy = workspace.backups.create()
    workspace.ente.save(EnteData(ipa_code="C_OTHER", fiscal_code="80012000826", name="Altro Ente"))
    assert {e.ipa_code for e in workspace.ente.list()} == {"C_TEST", "C_OTHER"}
    safety = workspace.backups.restore(copy.path)
    assert {e.ipa_code for e in workspace.ente.list()} == {"C_TEST"}
    assert safety.path.exists() and safety.reason == "prima-del-ripristino"
    # the safety copy holds what was there before the restore
    workspace.backups.restore(safety.path)
    assert {e.ipa_code for e in workspace.ente.list()} == {"C_TEST", "C_OTHER"}


def test_auto_backup_rotates_and_respects_interval(workspace, ente):
    t0 = datetime.now()
    first = workspace.backups.auto_backup(now=t0)
    assert first is not None
    assert workspace.backups.auto_backup(now=t0 + timedelta(hours=1)) is None
    for i in range(15):
        workspace.backups.auto_backup(now=datetime.now() + timedelta(days=1 + i))
    autos = [b for b in workspace.backups.list() if b.reason == "automatico"]
    assert len(autos) == 10


def test_restore_refuses_a_file_that_is_not_a_backup(workspace, ente, tmp_path):
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(b"")
    with pytest.raises(UserError, match="non è un backup"):
        workspace.backups.restore(bogus)
    assert [e.ipa_code for e in workspace.ente.list()] == ["C_TEST"]


def test_rotation_of_one_kind_never_deletes_another(workspace, ente):
    from mypay_desk.store.db import backup_file

    manual = workspace.backups.create()
    for _ in range(12):  # e.g. many app updates over the years
        backup_file(workspace.db.path, "pre-migrazione", keep=10)
    kinds = [b.reason for b in workspace.backups.list()]
    assert kinds.count("pre-migrazione") == 10
    assert manual.path.exists() and kinds.count("manuale") == 1


def damage(path, at_page: int) -> None:
    """Overwrite one page (past the schema) of a database file with garbage."""
    with open(path, "r+b") as f:
        page = int.from_bytes((f.seek(16), f.read(2))[1], "big") or 65536
        f.seek(page * at_page)
        f.write(b"\xa5" * page)


def table_page(path, table: str) -> int:
    """The 0-based page of ``table``'s root in the database file at ``path``."""
    import sqlite3

    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0] - 1
    finally:
        con.close()


def test_a_damaged_backup_is_refused_before_anything_changes(workspace, ente):
    copy = workspace.backups.create()
    workspace.ente.save(EnteData(ipa_code="C_OTHER", fiscal_code="80012000826", name="Altro Ente"))
    damage(copy.path, table_page(copy.path, "ente"))  # a page of data: the revision is still readable
    with pytest.raises(UserError, match="danneggiato"):
        workspace.backups.restore(copy.path)
    assert {e.ipa_code for e in workspace.ente.list()} == {"C_TEST", "C_OTHER"}
    assert [b.reason for b in workspace.backups.list()] == ["manuale"]  # no safety copy was needed


def test_a_restore_that_fails_while_copying_leaves_the_data_and_a_working_database(workspace, ente, monkeypatch):
    import sqlite3

    copy = workspace.backups.create()
    workspace.ente.save(EnteData(ipa_code="C_OTHER", fiscal_code="80012000826", name="Altro Ente"))
    live = str(workspace.db.path)
    real_connect = sqlite3.connect

    class Source:  # a connection whose copy into the live database fails half-way (disk full, say)
        def __init__(self, con):
            self.con = con

        def backup(self, target, **kw):
            if getattr(target, "path", None) == live:
                raise sqlite3.OperationalError("database or disk is full")
            return self.con.backup(getattr(target, "con", target), **kw)

        def __getattr__(self, name):
            return getattr(self.con, name)

    def connect(path, *a, **kw):
        wrapped = Source(real_connect(path, *a, **kw))
        wrapped.path = str(path)
        return wrapped

    monkeypatch.setattr(sqlite3, "connect", connect)
    with pytest.raises(sqlite3.OperationalError, match="disk is full"):
        workspace.backups.restore(copy.path)
    monkeypatch.undo()
    assert {e.ipa_code for e in workspace.ente.list()} == {"C_TEST", "C_OTHER"}  # unchanged, and usable
    assert workspace.db.check() == "ok"
    assert "prima-del-ripristino" in [b.reason for b in workspace.backups.list()]
