"""GUI tests run with the catalogues the app installs at start (Italian plural forms, Qt's own texts)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def italian_catalogues(qapp):
    from mypay_desk.ui import i18n

    if i18n.installed_catalogues() == 0:
        i18n.install_translators("it", qapp)
    yield
