"""Impostazioni > Preferenze > Backup: list, manual copy, folder, and restore with its safety copy."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from mypay_desk.domain.ente import EnteData
from mypay_desk.ui.context import AppContext
from mypay_desk.ui.pages.settings_page import TAB_PREFERENCES, SettingsPage
from mypay_desk.ui.settings import backup_panel
from mypay_desk.ui.settings.backup_panel import BackupPanel
from mypay_desk.ui.tasks import InlineTaskRunner


@pytest.fixture
def ctx(workspace, tmp_path):
    return AppContext(workspace, InlineTaskRunner(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def panel(qtbot, ctx, ente):
    p = BackupPanel(ctx)
    qtbot.addWidget(p)
    p.show()
    return p


def answer_next_box(button_text: str, seen: list[tuple[str, str]]) -> None:
    """Click ``button_text`` in the next modal box, remembering its text and informative text."""
    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append((box.text(), box.informativeText()))
        for b in box.buttons():
            if b.text().replace("&", "") == button_text:
                b.click()
                return
        raise AssertionError(f"no button {button_text!r} in {[b.text() for b in box.buttons()]}")
    QTimer.singleShot(0, click)


def rows(panel) -> list[tuple[str, str, str]]:
    t = panel.table
    return [tuple(t.item(r, c).text() for c in range(3)) for r in range(t.rowCount())]


def test_the_settings_page_mounts_the_panel(qtbot, ctx, ente):
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.show_tab(TAB_PREFERENCES)
    assert isinstance(page.backup_panel, BackupPanel)
    assert page.backup_group.isAncestorOf(page.backup_panel)
    assert page.backup_panel.create_button.text() == "Crea backup ora"


def test_lists_backups_newest_first_with_reason_and_size(panel, ctx):
    assert panel.table.rowCount() == 0 and panel.empty_label.isVisibleTo(panel)
    assert not panel.restore_button.isEnabled()
    ctx.ws.backups.auto_backup(now=datetime.now() - timedelta(days=1))
    ctx.ws.backups.create("manuale")
    panel.refresh()
    shown = rows(panel)
    assert [r[1] for r in shown] == ["Manuale", "Automatico"]
    newest = ctx.ws.backups.list()[0]
    assert shown[0][0] == newest.created.strftime("%d/%m/%Y %H:%M:%S")
    assert shown[0][2] and shown[0][2][0].isdigit() and shown[0][2].endswith("B")
    assert not panel.empty_label.isVisibleTo(panel)


def test_create_backup_now_adds_a_row_and_selects_it(panel, ctx, qtbot):
    messages = []
    ctx.status_message.connect(messages.append)
    qtbot.mouseClick(panel.create_button, Qt.MouseButton.LeftButton)
    assert panel.table.rowCount() == 1
    assert rows(panel)[0][1] == "Manuale"
    assert panel.selected() is not None and panel.selected().path.exists()
    assert panel.restore_button.isEnabled()
    assert messages and "Backup creato" in messages[-1]


def test_open_folder_opens_the_backup_folder(panel, ctx, monkeypatch):
    opened = []
    monkeypatch.setattr(backup_panel.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    panel.open_button.click()
    assert opened == [str(ctx.ws.backups.folder)]
    assert ctx.ws.backups.folder.is_dir()


def test_restore_asks_makes_a_safety_copy_and_reloads_every_area(panel, ctx, qtbot):
    ws = ctx.ws
    ws.backups.create("manuale")
    ws.ente.save(EnteData(ipa_code="C_OTHER", fiscal_code="80012000826", name="Altro Ente"))
    panel.refresh()
    panel.table.selectRow(0)
    changed, ente_changes = [], []
    ctx.data_changed.connect(changed.append)
    ctx.ente_changed.connect(lambda: ente_changes.append(1))

    seen: list[tuple[str, str]] = []
    answer_next_box("Ripristina", seen)
    panel.restore_button.click()

    text, informative = seen[0]
    assert text.startswith("Ripristinare i dati dal backup del")
    assert "copia di sicurezza dei dati attuali" in informative
    assert {e.ipa_code for e in ws.ente.list()} == {"C_TEST"}  # back to the backup
    reasons = [b.reason for b in ws.backups.list()]
    assert reasons.count("prima-del-ripristino") == 1
    assert [r[1] for r in rows(panel)].count("Prima del ripristino") == 1
    assert ente_changes == [1]
    assert set(changed) >= {"lists", "portal", "payments", "reconciliation"}

    # the safety copy holds the data as they were before the restore: restoring it undoes the restore
    safety_row = [r[1] for r in rows(panel)].index("Prima del ripristino")
    panel.table.selectRow(safety_row)
    answer_next_box("Ripristina", seen)
    panel.restore_selected()
    assert {e.ipa_code for e in ws.ente.list()} == {"C_TEST", "C_OTHER"}


def test_cancelling_the_confirmation_changes_nothing(panel, ctx):
    ws = ctx.ws
    ws.backups.create("manuale")
    ws.ente.save(EnteData(ipa_code="C_OTHER", fiscal_code="80012000826", name="Altro Ente"))
    panel.refresh()
    panel.table.selectRow(0)
    seen: list[tuple[str, str]] = []
    answer_next_box("Annulla", seen)
    panel.restore_selected()
    assert seen
    assert {e.ipa_code for e in ws.ente.list()} == {"C_TEST", "C_OTHER"}
    assert [b.reason for b in ws.backups.list()] == ["manuale"]


def test_a_failed_restore_leaves_the_data_and_a_working_database(panel, ctx, monkeypatch):
    ws = ctx.ws
    ws.backups.create("manuale")
    panel.refresh()
    panel.table.selectRow(0)
    # the chosen copy got damaged after it was listed
    panel.selected().path.write_bytes(b"not a database at all" * 100)
    errors = []
    monkeypatch.setattr("mypay_desk.ui.errors.show_error", lambda parent, title, failure: errors.append(failure))
    answer_next_box("Ripristina", [])
    panel.restore_selected()
    assert errors
    assert [e.ipa_code for e in ws.ente.list()] == ["C_TEST"]  # the database still works
    assert ws.db.check() == "ok"
