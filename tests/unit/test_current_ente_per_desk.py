"""The current Ente is a choice of each desk: two desk folders on one database (SQLite and PostgreSQL) keep
their own Ente, from the service and from the CLI; a desk with no choice yet adopts the one the database held
before desks (an existing single-desk install keeps its Ente), once."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from dataclasses import replace
from pathlib import Path

import pytest

from mypay_desk.cli import main as cli_main
from mypay_desk.services.database import save_database_url
from mypay_desk.services.ente import CURRENT_ENTE_KEY
from mypay_desk.services.workspace import PREFERENCES_FILE, Workspace
from mypay_desk.store.db import Database
from mypay_desk.store.repositories import ente as ente_repo


@pytest.fixture
def two_enti(workspace, ente):
    other = workspace.ente.save(replace(ente, id=None, ipa_code="C_ALTRO", fiscal_code="02870000151",
                                        name="Comune Altro"), make_current=False)
    return ente, other


@pytest.fixture
def second_desk(workspace, tmp_path):
    """A second desk folder on the same database: on PostgreSQL chosen in its folder as Impostazioni does; on
    SQLite the first folder's file opened from a second folder (two programs, two folders, one file)."""
    folder = tmp_path / "desk2"
    if workspace.shared:
        save_database_url(folder, workspace.db.url.render_as_string(hide_password=False))
        ws = Workspace.open(folder)
    else:
        folder.mkdir()
        ws = Workspace(path=folder, db=Database.open(workspace.path))
    yield ws
    ws.close()


def preferences(folder: Path) -> dict:
    return json.loads((folder / PREFERENCES_FILE).read_text(encoding="utf-8"))


def database_setting(ws: Workspace) -> str:
    with ws.db.session() as s:
        return ente_repo.get_setting(s, CURRENT_ENTE_KEY)


def test_each_desk_keeps_its_own_ente(workspace, second_desk, two_enti):
    first, other = two_enti
    assert workspace.ente.current().ipa_code == first.ipa_code
    # a new desk without a choice (and none in the database): the first Ente, whatever the other desk chose
    assert second_desk.ente.current().ipa_code == workspace.ente.list()[0].ipa_code

    second_desk.ente.set_current(other.ipa_code)
    assert second_desk.ente.current().ipa_code == other.ipa_code
    assert workspace.ente.current().ipa_code == first.ipa_code  # the first desk did not move
    workspace.ente.set_current(other.ipa_code)
    workspace.ente.set_current(first.ipa_code)
    assert second_desk.ente.current().ipa_code == other.ipa_code

    assert preferences(workspace.path)["current_ente"] == first.ipa_code
    assert preferences(second_desk.path)["current_ente"] == other.ipa_code
    # the services follow the desk's Ente: a list made at the second desk belongs to its Ente
    second_desk.lists.create_list("Altro", default_debt_type="")
    assert [x.name for x in second_desk.lists.lists()] == ["Altro"]
    assert "Altro" not in [x.name for x in workspace.lists.lists()]


def test_an_existing_install_keeps_its_ente_and_adopts_it_once(workspace, second_desk, two_enti):
    first, other = two_enti
    # as a workspace written before desks: the choice in the database, none in the folders
    with workspace.db.session(immediate=True) as s:
        ente_repo.set_setting(s, CURRENT_ENTE_KEY, other.ipa_code)
    for ws in (workspace, second_desk):
        (ws.path / PREFERENCES_FILE).unlink(missing_ok=True)

    assert workspace.ente.current().ipa_code == other.ipa_code
    assert preferences(workspace.path)["current_ente"] == other.ipa_code
    # from now on the database's row does not count for this desk, and choosing does not write it
    with workspace.db.session(immediate=True) as s:
        ente_repo.set_setting(s, CURRENT_ENTE_KEY, first.ipa_code)
    assert workspace.ente.current().ipa_code == other.ipa_code
    assert second_desk.ente.current().ipa_code == first.ipa_code  # its own first read: the row as it is now
    second_desk.ente.set_current(other.ipa_code)
    assert database_setting(second_desk) == first.ipa_code


def test_a_chosen_ente_gone_falls_back_to_the_first(workspace, two_enti):
    (workspace.path / PREFERENCES_FILE).write_text('{"current_ente": "C_SPARITO"}', encoding="utf-8")
    assert workspace.ente.current().ipa_code == workspace.ente.list()[0].ipa_code
    (workspace.path / PREFERENCES_FILE).write_text("{not json", encoding="utf-8")  # unreadable: defaults
    assert workspace.ente.current() is not None


def cli(folder: Path, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out):
        code = cli_main(["--workspace", str(folder), *args])
    return code, out.getvalue()


def test_cli_ente_use_is_per_desk(workspace, second_desk, two_enti, database_kind):
    first, other = two_enti
    if database_kind == "sqlite":  # the CLI opens a folder's own file: one folder, one desk
        assert cli(workspace.path, "ente", "use", other.ipa_code)[0] == 0
        assert json.loads(cli(workspace.path, "ente", "show", "--json")[1])["ipa_code"] == other.ipa_code
        assert preferences(workspace.path)["current_ente"] == other.ipa_code
        assert database_setting(workspace) != other.ipa_code
        return
    assert cli(second_desk.path, "ente", "use", other.ipa_code)[0] == 0
    assert json.loads(cli(second_desk.path, "ente", "show", "--json")[1])["ipa_code"] == other.ipa_code
    assert json.loads(cli(workspace.path, "ente", "show", "--json")[1])["ipa_code"] == first.ipa_code
    assert workspace.ente.current().ipa_code == first.ipa_code
    assert second_desk.ente.current().ipa_code == other.ipa_code


def test_the_portal_password_file_is_a_path_of_this_desk(workspace, second_desk, ente, tmp_path):
    """A password file is a path on one computer: another desk on the same database does not take it; a path
    saved in the database by a single desk before desks is still read on its own SQLite file."""
    from mypay_desk.services.portal import PASSWORD_FILE_SETTING

    secret = tmp_path / "portale.pwd"
    secret.write_text("segreta\n", encoding="utf-8")
    secret.chmod(0o600)
    workspace.portal.set_password_file(ente.ipa_code, secret)
    assert workspace.portal.password_file(ente.ipa_code) == str(secret)
    assert preferences(workspace.path)["portal_password_files"] == {ente.ipa_code: str(secret)}
    if workspace.shared:
        assert second_desk.portal.password_file(ente.ipa_code) == ""  # its own keyring, or its own file
    with workspace.db.session() as s:
        assert ente_repo.get_setting(s, PASSWORD_FILE_SETTING + ente.ipa_code) == ""  # nothing shared written

    legacy = tmp_path / "legacy"
    legacy.mkdir()
    with workspace.db.session() as s:
        ente_repo.set_setting(s, PASSWORD_FILE_SETTING + "C_OLD", "/srv/mypay/old.pwd")
    old_desk = Workspace(path=legacy, db=workspace.db)
    assert old_desk.portal.password_file("C_OLD") == ("" if workspace.shared else "/srv/mypay/old.pwd")
    old_desk.portal.remember_password_file("C_OLD", "")  # back to the keyring: the old path no longer counts
    assert old_desk.portal.password_file("C_OLD") == ""
