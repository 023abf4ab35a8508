"""`mypay-desk sync status` writes dates as an office reads them: no microseconds."""

from __future__ import annotations

import re

import pytest

from mypay_desk.cli import main
from tests.integration.portal_support import start_sandbox


@pytest.fixture
def sandbox(workspace, ente, tmp_path, monkeypatch):
    server = start_sandbox(workspace, ente, tmp_path / "sandbox", processing_delay=0.02)
    monkeypatch.setenv("MYPAY_DESK_WORKSPACE", str(workspace.path))
    yield server
    server.stop()


def test_sync_status_dates_have_no_microseconds(sandbox, capsys):
    assert main(["sync", "receipts", "--json"]) == 0
    capsys.readouterr()
    assert main(["sync", "status"]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.startswith("Ultime ricevute scaricate fino a:"))
    assert re.fullmatch(r"Ultime ricevute scaricate fino a: \d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2}", line), line
    assert not re.search(r"\d{2}:\d{2}:\d{2}\.\d+", out)
