"""Backups of a shared PostgreSQL database: no file copies, pg_dump on demand into the workspace's backups
folder (what to install when it is missing), restore by the printed pg_restore command, and a dump before
a schema migration."""

from __future__ import annotations

import os
import shlex
import subprocess

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from mypay_desk.domain.ente import EnteData
from mypay_desk.services.errors import UserError
from mypay_desk.services.workspace import Workspace
from mypay_desk.store import db as dbmod
from mypay_desk.store import postgres


@pytest.fixture
def shared(tmp_path, pg_database, pg_cluster, monkeypatch):
    # the client tools of the test server's own version
    monkeypatch.setenv("PATH", f"{pg_cluster.bindir}{os.pathsep}{os.environ['PATH']}")
    ws = Workspace.open(tmp_path / "ws", database=pg_database)
    ws.ente.save(EnteData(ipa_code="C_TEST", fiscal_code="01199250158", name="Comune di Prova", segregation_code="12"))
    yield ws
    ws.close()


def test_a_copy_now_is_a_pg_dump_in_the_workspace_folder(shared, pg_cluster):
    assert shared.backups.file_copies is False
    assert shared.backups.auto_backup() is None  # a shared database is backed up on its server
    tool = shared.backups.dump_tool()
    assert tool.path is not None and tool.path.name == "pg_dump"
    copy = shared.backups.create()
    assert copy.path.parent == shared.path / "backups" and copy.path.suffix == ".dump" and copy.reason == "manuale"
    assert [b.path for b in shared.backups.list()] == [copy.path]
    assert not list((shared.path / "backups").glob("*.part"))
    listing = subprocess.run([str(pg_cluster.bindir / "pg_restore"), "--list", str(copy.path)],
                             capture_output=True, text=True, check=True).stdout
    assert "TABLE DATA public ente" in listing and "TABLE DATA public debt" in listing


def test_the_restore_command_given_brings_the_data_back(shared, pg_cluster):
    copy = shared.backups.create()
    shared.ente.save(EnteData(ipa_code="C_OTHER", fiscal_code="80012000826", name="Altro Ente"))
    with pytest.raises(UserError, match="pg_restore --clean") as info:
        shared.backups.restore(copy.path)  # the app does not restore a database other desks use
    assert {e.ipa_code for e in shared.ente.list()} == {"C_TEST", "C_OTHER"}
    command = shared.backups.restore_command(copy.path)
    assert command in str(info.value)
    shared.close()  # "chiudi MyPay Desk su tutte le postazioni"
    argv = shlex.split(command)
    argv[0] = str(pg_cluster.bindir / argv[0])
    subprocess.run(argv, check=True, capture_output=True)
    ws = Workspace.open(shared.path, database=str(shared.db.url.render_as_string(hide_password=False)))
    try:
        assert {e.ipa_code for e in ws.ente.list()} == {"C_TEST"}
    finally:
        ws.close()


def test_without_pg_dump_the_copy_says_what_to_install(shared, monkeypatch):
    monkeypatch.setattr(postgres, "find_client_tool", lambda name: None)
    assert shared.backups.dump_tool().path is None
    with pytest.raises(UserError, match="apt install postgresql-client") as info:
        shared.backups.create()
    assert "Command Line Tools" in str(info.value)
    assert shared.backups.list() == []


def test_a_failing_pg_dump_leaves_no_partial_file(shared, tmp_path, monkeypatch):
    fake = tmp_path / "bin" / "pg_dump"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho 'pg_dump: error: aborting because of server version mismatch' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setattr(postgres, "find_client_tool", lambda name: fake)
    with pytest.raises(UserError, match="più vecchio del server"):
        shared.backups.create()
    assert list((shared.path / "backups").iterdir()) == []


def test_a_database_of_an_older_schema_is_dumped_before_it_migrates(tmp_path, pg_empty_database, pg_cluster,
                                                                     monkeypatch):
    from alembic import command

    monkeypatch.setenv("PATH", f"{pg_cluster.bindir}{os.pathsep}{os.environ['PATH']}")
    engine = create_engine(pg_empty_database, poolclass=NullPool)
    with engine.begin() as conn:
        cfg = dbmod.alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(text("INSERT INTO workspace_setting (key, value) VALUES ('k', 'v')"))
    engine.dispose()
    database = dbmod.Database.open(tmp_path, url=pg_empty_database)
    try:
        with database.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == dbmod.head_revision()
    finally:
        database.dispose()
    dumps = list((tmp_path / "backups").glob("*-pre-migrazione.dump"))
    assert len(dumps) == 1


def test_a_copy_from_the_command_line(shared, capsys):
    import json

    from mypay_desk.cli import main

    shared.close()
    url = shared.db.url.render_as_string(hide_password=False)
    assert main(["--workspace", str(shared.path), "--database", url, "workspace", "backup", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["file"].endswith("-manuale.dump") and doc["size"] > 0
