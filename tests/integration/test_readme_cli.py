"""The README's command-line walk-through, run literally: a new IT person's day from nothing.

The ```sh block of "Da riga di comando" is run as written by bash with ``-e -o pipefail`` (the first
command that exits non-zero stops it) in a temporary folder holding a copy of docs/examples/, with
`.venv/bin` on the PATH, no keyring (the walk-through uses the documented password file) and the sandbox
on a free port (``PORTA``, which the walk-through reads). Then the summary the README shows must be what
`mypay-desk reconcile summary` printed, and the nightly job it ran must have logged success.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]


def readme_section(title: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end > 0 else None]


def code_blocks(section: str, info: str) -> list[str]:
    return re.findall(rf"^```{re.escape(info)}\n(.*?)^```$", section, flags=re.MULTILINE | re.DOTALL)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def walk_env(tmp_path):
    shutil.copytree(ROOT / "docs" / "examples", tmp_path / "docs" / "examples")
    home = tmp_path / "home"
    home.mkdir()
    # A server: no keyring (the walk-through uses the password file), no display and no Qt platform chosen
    # (nothing on the command line may need Qt's window system).
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("MYPAY_DESK", "XDG_", "QT_")) and k not in ("PORTA", "PYTEST_CURRENT_TEST",
                                                                            "DISPLAY", "WAYLAND_DISPLAY")}
    env.update(PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}", HOME=str(home),
               XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"), PORTA=str(free_port()),
               PYTHONUNBUFFERED="1")
    return tmp_path, env


def test_readme_walk_through_runs_as_written(walk_env):
    cwd, env = walk_env
    section = readme_section("Da riga di comando")
    script = code_blocks(section, "sh")[0]
    expected_summary = code_blocks(section, "text")[0]
    assert "mypay-desk reconcile summary" in script and "--map" in script and "--iud-prefix" in script

    proc = subprocess.Popen(["bash", "-e", "-o", "pipefail", "-x", "-c", script], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=600)
    finally:
        # the sandbox runs in the background: whatever happened, nothing of this test outlives it
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    trace = "\n".join(err.splitlines()[-40:])
    assert proc.returncode == 0, f"the walk-through stopped (exit {proc.returncode}); last lines:\n{trace}"
    assert "+ kill" in err  # it ran to its last line

    # The summary is the one the README shows (columns and figures as printed).
    assert expected_summary.strip() in out, f"summary printed:\n{out[out.find('Codice'):]}"

    work = cwd / "prova-cli"
    assert (work / "avvisi-tari-2027.pdf").read_bytes()[:5] == b"%PDF-"
    assert zipfile.is_zipfile(work / "pagamenti.xlsx")
    assert oct((work / "portale.pwd").stat().st_mode & 0o777) == "0o600"
    assert not (work / "ufficio" / "secrets").exists()  # the password file, not a copy in the workspace

    log = (work / "notturno.log").read_text(encoding="utf-8")
    for line in ("-- mypay-desk portal test --wait 300: esito 0", "-- mypay-desk sync push --all --wait: esito 0",
                 "-- mypay-desk sync receipts: esito 0", "-- mypay-desk reconcile run: esito 0"):
        assert line in log, log
    assert re.search(r"== \d{4}-\d\d-\d\d \d\d:\d\d:\d\d fine, esito 0", log), log
    # The README's example of the log is a real one: the same steps in the same order.
    documented = code_blocks(readme_section("Da riga di comando"), "text")[1]
    assert [ln for ln in documented.splitlines() if ln.startswith("-- ")] == \
        [ln for ln in log.splitlines() if ln.startswith("-- ")]
