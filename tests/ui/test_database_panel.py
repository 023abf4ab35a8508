"""Impostazioni > Preferenze > Database: the shared database is typed, tested and saved (used at the next
start), never with a password; and the Backup group on a shared database explains pg_dump."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QSettings, Qt

from mypay_desk.domain.ente import EnteData
from mypay_desk.services.workspace import DATABASE_FILE, Workspace
from mypay_desk.ui.context import AppContext
from mypay_desk.ui.pages.settings_page import TAB_PREFERENCES, SettingsPage
from mypay_desk.ui.settings.backup_panel import BackupPanel
from mypay_desk.ui.settings.database_panel import DatabasePanel
from mypay_desk.ui.tasks import InlineTaskRunner


def make_ctx(ws, tmp_path):
    return AppContext(ws, InlineTaskRunner(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def panel(qtbot, workspace, ente, tmp_path):
    p = DatabasePanel(make_ctx(workspace, tmp_path))
    qtbot.addWidget(p)
    p.show()
    return p


def type_url(qtbot, panel, url: str) -> None:
    panel.url_edit.setFocus()
    panel.url_edit.selectAll()
    qtbot.keyClick(panel.url_edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(panel.url_edit, url)
    qtbot.keyClick(panel.url_edit, Qt.Key.Key_Tab)


def test_the_panel_says_the_local_database_is_in_use(panel, workspace):
    assert "SQLite" in panel.current_label.text() and str(workspace.db.path) in panel.current_label.text()
    assert not panel.test_button.isEnabled() and not panel.save_button.isEnabled()
    assert not panel.local_button.isEnabled()  # nothing saved to go back from
    assert "pgpass" in panel.hint.text() and "prossimo avvio" in panel.hint.text()


def test_a_shared_database_is_tested_and_saved_for_the_next_start(qtbot, panel, workspace, pg_empty_database):
    type_url(qtbot, panel, pg_empty_database)
    qtbot.mouseClick(panel.test_button, Qt.MouseButton.LeftButton)
    assert "vuoto" in panel.result.text() and panel.result.property("role") == ""
    assert not (workspace.path / DATABASE_FILE).exists()  # a test saves nothing

    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert "prossimo avvio" in panel.result.text()
    assert json.loads((workspace.path / DATABASE_FILE).read_text())["url"] == pg_empty_database
    assert "SQLite" in panel.current_label.text()  # this session keeps its database until restarted
    assert panel.local_button.isEnabled()

    again = Workspace.open(workspace.path)  # "the next start"
    try:
        assert again.shared
    finally:
        again.close()

    qtbot.mouseClick(panel.local_button, Qt.MouseButton.LeftButton)
    assert not (workspace.path / DATABASE_FILE).exists() and panel.url_edit.text() == ""
    assert "locale" in panel.result.text()


def test_a_password_or_an_unreachable_server_is_said_and_nothing_saved(qtbot, panel, workspace, tmp_path):
    type_url(qtbot, panel, "postgresql://mypay:Segreta.1@server/mypay")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert "password" in panel.result.text() and panel.result.property("role") == "error"
    type_url(qtbot, panel, f"postgresql://mypay@/mypay?host={tmp_path / 'nessuno'}")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert "non risponde" in panel.result.text() and panel.result.property("role") == "error"
    assert not (workspace.path / DATABASE_FILE).exists()


@pytest.fixture
def shared_ws(tmp_path, pg_database):
    ws = Workspace.open(tmp_path / "shared", database=pg_database)
    ws.ente.save(EnteData(ipa_code="C_TEST", fiscal_code="01199250158", name="Comune di Prova", segregation_code="12"))
    yield ws
    ws.close()


def test_on_a_shared_database_the_page_says_so_and_backups_use_pg_dump(qtbot, shared_ws, tmp_path, pg_cluster,
                                                                       monkeypatch):
    monkeypatch.setenv("PATH", f"{pg_cluster.bindir}:/usr/bin:/bin")
    page = SettingsPage(make_ctx(shared_ws, tmp_path))
    qtbot.addWidget(page)
    page.show_tab(TAB_PREFERENCES)
    page.show()
    panel = page.database_panel
    assert "PostgreSQL" in panel.current_label.text() and "--database" in panel.current_label.text()
    backups: BackupPanel = page.backup_panel
    assert backups.shared and not backups.restore_button.isVisible()
    assert "pg_dump" in backups.hint.text() and "server" in backups.hint.text()
    assert str(pg_cluster.bindir / "pg_dump") in backups.tool_label.text()
    assert "pg_restore --clean" in backups.tool_label.text()
    qtbot.mouseClick(backups.create_button, Qt.MouseButton.LeftButton)
    assert backups.table.rowCount() == 1 and backups.backups[0].path.suffix == ".dump"


def test_without_pg_dump_the_backup_group_says_what_to_install(qtbot, shared_ws, tmp_path, monkeypatch):
    from mypay_desk.store import postgres

    monkeypatch.setattr(postgres, "find_client_tool", lambda name: None)
    panel = BackupPanel(make_ctx(shared_ws, tmp_path))
    qtbot.addWidget(panel)
    assert "apt install postgresql-client" in panel.tool_label.text()
    assert "Command Line Tools" in panel.tool_label.text()
