"""A ZIP print killed midway (SIGKILL, no chance to clean up) leaves its hidden part and no worker
process; the next print in that folder removes the part and says so (issue 14).

Drives the real command line in a subprocess, as tests/integration/test_crash_safety.py does.
"""

from __future__ import annotations

import json
import os
import sys
import zipfile

import pytest

from tests.integration.portal_support import make_list, tari_records
from tests.integration.test_crash_safety import (
    kill_when,
    progress_reached,
    reap_group,
    start,
    start_with_progress,
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.integration,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and process groups are POSIX"),
]


def test_killed_zip_print_leaves_a_part_that_the_next_print_removes(workspace, ente, tmp_path):
    n = 600  # above the size where worker processes lay the notices out
    make_list(workspace, "TARI", tari_records(n, generate_iuv=False))
    assert len(workspace.lists.assign_iuvs("TARI").assigned) == n
    ws = workspace.path
    workspace.close()
    out = tmp_path / "avvisi.zip"
    part = tmp_path / ".avvisi.zip.part"

    proc, master = start_with_progress(ws, "notices", "print", "TARI", "-o", str(out), "--zip", "--json")
    try:
        kill_when(proc, progress_reached(master, 30))
    finally:
        os.close(master)
    assert reap_group(proc) == [], "worker processes outlived the killed print"
    assert part.exists() and part.stat().st_size > 0 and not out.exists()

    # the next print, of another file in the same folder, removes it and says which
    other = tmp_path / "altri.pdf"
    proc = start(ws, "notices", "print", "--iud", "TARI25-00001", "-o", str(other), "--json")
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 0, stderr.decode()
    assert json.loads(stdout)["removed_partial_files"] == [str(part)]
    assert "interrotta" in stderr.decode() and str(part) in stderr.decode()
    assert not part.exists() and other.exists()

    proc = start(ws, "notices", "print", "TARI", "-o", str(out), "--zip", "--json")
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr.decode()
    doc = json.loads(stdout)
    assert doc["printed"] == n and doc["removed_partial_files"] == []
    with zipfile.ZipFile(out) as zf:
        assert len(zf.namelist()) == n and zf.testzip() is None
    assert not list(tmp_path.glob(".*.part"))
