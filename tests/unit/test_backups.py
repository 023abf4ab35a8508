from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from mypay_desk.domain.ente import EnteData
from mypay_desk.services.errors import UserError


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
