"""The workspace's password file (tests and sandboxes, MYPAY_DESK_KEYRING=file) written by two programs at
once: each writes its own temporary file and replaces the file whole; neither fails (a shared temporary name
let one program rename the other's file away: FileNotFoundError)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from mypay_desk.services.workspace import Workspace
    ws = Workspace.open(Path(sys.argv[1]))
    for i in range(150):
        ws.portal.set_password("C_TEST", f"segreta-{sys.argv[2]}-{i}")
    ws.close()
""")


def test_two_programs_storing_the_password_at_once(workspace, ente):
    folder = str(workspace.path)
    env = {**os.environ, "MYPAY_DESK_KEYRING": "file"}
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, folder, str(n)], cwd=ROOT, env=env,
                              stderr=subprocess.PIPE, text=True) for n in range(2)]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    assert (workspace.portal.get_password(ente.ipa_code) or "").startswith("segreta-")
    assert not list((workspace.path / "secrets").glob("*.tmp"))
