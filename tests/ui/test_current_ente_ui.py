"""The Ente menu switches the Ente of this desk only: another desk on the same database keeps its own
(SQLite and PostgreSQL)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QSettings

from mypay_desk.services.database import save_database_url
from mypay_desk.services.workspace import Workspace
from mypay_desk.store.db import Database
from mypay_desk.ui.context import AppContext
from mypay_desk.ui.main_window import MainWindow
from mypay_desk.ui.tasks import InlineTaskRunner


@pytest.fixture
def other_desk(workspace, ente, tmp_path):
    folder = tmp_path / "desk2"
    if workspace.shared:
        save_database_url(folder, workspace.db.url.render_as_string(hide_password=False))
        ws = Workspace.open(folder)
    else:  # the same SQLite file from a second folder
        folder.mkdir()
        ws = Workspace(path=folder, db=Database.open(workspace.path))
    yield ws
    ws.close()


def test_the_ente_menu_switches_this_desk_only(qtbot, workspace, ente, other_desk, tmp_path):
    other = workspace.ente.save(replace(ente, id=None, ipa_code="C_ALTRO", fiscal_code="02870000151",
                                        name="Comune Altro"), make_current=False)
    workspace.ente.set_current(ente.ipa_code)
    other_desk.ente.set_current(ente.ipa_code)
    window = MainWindow(AppContext(workspace, InlineTaskRunner(),
                                   QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == ente.name

    switch = [a for a in window.ente_group.actions() if a.data() == other.ipa_code]
    assert len(switch) == 1
    switch[0].trigger()  # Ente › Passa a: Comune Altro

    assert window.windowTitle() == other.name and switch[0].isChecked()
    assert workspace.ente.current().ipa_code == other.ipa_code
    assert other_desk.ente.current().ipa_code == ente.ipa_code  # the other desk did not move
    reopened = MainWindow(AppContext(other_desk, InlineTaskRunner(),
                                     QSettings(str(tmp_path / "ui2.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(reopened)
    assert reopened.windowTitle() == ente.name
