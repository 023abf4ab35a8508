"""Two instances on one workspace: the second GUI is refused with a clear message; a lock left by a killed
process is taken over; command-line writers keep working side by side on one database."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from mypay_desk.ui.instance_lock import LOCK_FILE_NAME, InstanceLock, acquire_instance_lock

ROOT = Path(__file__).resolve().parents[2]

HOLDER = textwrap.dedent("""
    import sys, time
    from PySide6.QtCore import QCoreApplication
    app = QCoreApplication(["mypay-desk"])
    from mypay_desk.ui.instance_lock import InstanceLock
    lock = InstanceLock(sys.argv[1])
    print(lock.acquire(), flush=True)
    time.sleep(120)
""")


def env() -> dict:
    e = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), MYPAY_DESK_KEYRING="file")
    e.pop("MYPAY_DESK_WORKSPACE", None)
    return e


@pytest.fixture
def holder(tmp_path):
    """Another process holding the lock of ``tmp_path / 'ws'``."""
    folder = tmp_path / "ws"
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(folder)], stdout=subprocess.PIPE, text=True,
                            env=env())
    try:
        assert proc.stdout.readline().strip() == "ok"
        yield folder, proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(10)


def test_first_instance_gets_the_lock_and_releases_it(tmp_path):
    folder = tmp_path / "ws"
    first = InstanceLock(folder)
    assert first.acquire() == "ok" and first.held
    assert (folder / LOCK_FILE_NAME).exists()
    assert InstanceLock(folder).acquire(timeout_ms=0) == "busy"  # same process, second lock object
    first.release()
    assert not (folder / LOCK_FILE_NAME).exists()
    again = InstanceLock(folder)
    assert again.acquire() == "ok"
    again.release()


def test_second_instance_gets_an_italian_message(qtbot, holder, capsys):
    folder, proc = holder
    seen = []

    def read_box():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_box)
            return
        seen.append((box.text(), box.detailedText()))
        box.accept()

    QTimer.singleShot(0, read_box)
    assert acquire_instance_lock(folder) is None
    text, details = seen[0]
    assert text.startswith("MyPay Desk è già aperto su questo spazio di lavoro")
    assert str(folder) in text
    assert str(proc.pid) in details
    assert "già aperto" in capsys.readouterr().err


def test_lock_of_a_killed_process_is_taken_over(holder):
    folder, proc = holder
    assert InstanceLock(folder).acquire(timeout_ms=0) == "busy"
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    assert (folder / LOCK_FILE_NAME).exists()  # left behind by the killed process
    lock = InstanceLock(folder)
    assert lock.acquire() == "ok"
    lock.release()


@pytest.mark.slow
def test_second_gui_process_exits_with_the_message(holder):
    """The real start-up path: `mypay-desk gui` on a workspace another GUI holds exits 1, opening nothing."""
    folder, _proc = holder
    t0 = time.monotonic()
    out = subprocess.run([sys.executable, "-m", "mypay_desk", "--workspace", str(folder), "gui", "--smoke-test"],
                         capture_output=True, text=True, env=env(), timeout=60)
    assert out.returncode == 1, out.stderr
    assert "MyPay Desk è già aperto su questo spazio di lavoro" in out.stderr
    assert "smoke test" not in out.stdout
    assert not (folder / "mypay-desk.sqlite3").exists()  # refused before touching the data
    assert time.monotonic() - t0 < 30


# --- the command line is not locked: SQLite serialises concurrent writers ---------------------------------

def cli(folder: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "mypay_desk", "--workspace", str(folder), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env())


@pytest.mark.slow
def test_two_cli_writers_at_once_keep_the_database_consistent(workspace, ente, tmp_path):
    """Two imports and two IUV allocations run at the same time on one workspace (while a GUI lock is
    held): every command succeeds, nothing is lost, no IUV is given twice, the file is sound."""
    folder = workspace.path
    workspace.close()
    gui = InstanceLock(folder)
    assert gui.acquire() == "ok"  # an office GUI is open meanwhile
    files = []
    for name, prefix in (("A", "RA"), ("B", "RB")):
        path = tmp_path / f"{name}.csv"
        lines = ["IUD;Codice fiscale;Nominativo;Importo;Scadenza;Causale"]
        lines += [f"{prefix}-{i:05d};RSSMRA85T10A562S;ROSSI MARIO;{10 + i % 90},50;30/06/2030;Mensa {i}"
                  for i in range(3000)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files.append((name, path))
    procs = [cli(folder, "lists", "import", str(p), "--list", name, "--type", "MENSA", "--json") for name, p in files]
    procs += [cli(folder, "codes", "new", "--count", "300", "--json") for _ in range(2)]
    outs = [p.communicate(timeout=90) for p in procs]
    for p, (_out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
    imports = [json.loads(o) for o, _ in outs[:2]]
    assert [d["added"] for d in imports] == [3000, 3000]
    iuvs = [i["iuv"] for o, _ in outs[2:] for i in json.loads(o)["iuvs"]]
    assert len(iuvs) == 600 and len(set(iuvs)) == 600

    con = sqlite3.connect(folder / "mypay-desk.sqlite3")
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        counts = dict(con.execute("SELECT l.name, count(*) FROM debt d JOIN debt_list l ON l.id = d.list_id "
                                  "GROUP BY l.name").fetchall())
    finally:
        con.close()
    assert counts == {"A": 3000, "B": 3000}
    gui.release()
