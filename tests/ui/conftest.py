"""GUI tests run with the catalogues the app installs at start (Italian plural forms, Qt's own texts)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def italian_catalogues(qapp):
    from mypay_desk.ui import i18n

    if i18n.installed_catalogues() == 0:
        i18n.install_translators("it", qapp)
    yield


@pytest.fixture(autouse=True)
def no_real_file_dialog(monkeypatch):
    """A test that reaches a real file dialog would wait for a click forever: fail at once instead."""
    from PySide6.QtWidgets import QFileDialog

    def refuse(self):
        raise AssertionError(f"a real file dialog opened in a test: {self.windowTitle()}")

    monkeypatch.setattr(QFileDialog, "exec", refuse)


@pytest.fixture(autouse=True)
def unexpected_conflict_dialog(monkeypatch):
    """Likewise a conflict dialog a test did not ask for (tests that expect it replace ``_exec`` themselves,
    after this)."""
    def refuse(dialog):
        raise AssertionError("unexpected conflict dialog: " + dialog.windowTitle())

    monkeypatch.setattr("mypay_desk.ui.lists.conflict_dialog._exec", refuse)
