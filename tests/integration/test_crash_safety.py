"""Killing the app (SIGKILL, no chance to clean up) in the middle of an import, a sync or a batch print
leaves the database consistent and the work resumable.

Each test drives the real command line in a subprocess, kills it at a point chosen by watching what it
does (the database's write-ahead log growing, the flow's saved state, the progress it prints), then checks
the database file with SQLite's own integrity check and runs the same command again. On PostgreSQL (the
workspace's database.json names it) the kill comes while the command holds its write lock on the debts,
and the check is that the server dropped the killed client's transaction.
"""

from __future__ import annotations

import json
import os
import pty
import re
import select
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from mypay_desk.services.demo_data import PeopleFactory
from tests.integration.portal_support import make_list, start_sandbox, tari_records

pytestmark = [
    pytest.mark.slow,
    pytest.mark.integration,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and process groups are POSIX"),
]

ROOT = Path(__file__).resolve().parents[2]
DB_NAME = "mypay-desk.sqlite3"


# --- helpers -------------------------------------------------------------------------------------------

def cli_env() -> dict:
    e = dict(os.environ, PYTHONPATH=str(ROOT), MYPAY_DESK_KEYRING="file", QT_QPA_PLATFORM="offscreen")
    e.pop("MYPAY_DESK_WORKSPACE", None)
    return e


def start(ws: Path, *args: str, stderr=subprocess.PIPE) -> subprocess.Popen:
    """`mypay-desk --workspace WS ARGS` in its own process group (so helpers it spawns can be found)."""
    return subprocess.Popen([sys.executable, "-m", "mypay_desk", "--workspace", str(ws), *args],
                            stdout=subprocess.PIPE, stderr=stderr, env=cli_env(), start_new_session=True)


def run(ws: Path, *args: str, timeout: float = 120) -> dict | None:
    proc = start(ws, *args)
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err.decode()
    return json.loads(out) if "--json" in args else None


def kill_when(proc: subprocess.Popen, condition: Callable[[], bool], timeout: float = 60) -> None:
    """SIGKILL ``proc`` as soon as ``condition()`` holds; fail if it ends or times out first."""
    deadline = time.monotonic() + timeout
    while not condition():
        if proc.poll() is not None:
            out, err = proc.communicate()
            pytest.fail(f"the command ended (exit {proc.returncode}) before the kill point: {err.decode()[-2000:]}")
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail("kill point not reached in time")
        time.sleep(0.002)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    assert proc.returncode == -signal.SIGKILL


def survivors(pgid: int) -> list[int]:
    """Live (not zombie) processes of a process group."""
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            alive.append(int(stat.parent.name))
    return alive


def reap_group(proc: subprocess.Popen, grace: float = 5.0) -> list[int]:
    """Wait for helper processes of a killed command to end by themselves; kill and report any left."""
    deadline = time.monotonic() + grace
    left = survivors(proc.pid)
    while left and time.monotonic() < deadline:
        time.sleep(0.05)
        left = survivors(proc.pid)
    if left:
        os.killpg(proc.pid, signal.SIGKILL)
    return left


def connect(ws: Path) -> sqlite3.Connection:
    return sqlite3.connect(ws / DB_NAME, timeout=15)


_ENGINES: dict[str, object] = {}


def shared_db(ws: Path):
    """The workspace's PostgreSQL engine, or None when it uses its SQLite file."""
    from sqlalchemy import create_engine

    from mypay_desk.services.workspace import saved_database_url

    url = saved_database_url(ws)
    if url is None:
        return None
    if url not in _ENGINES:
        _ENGINES[url] = create_engine(url, pool_size=1)
    return _ENGINES[url]


def assert_consistent(ws: Path) -> None:
    engine = shared_db(ws)
    if engine is not None:
        # PostgreSQL keeps its constraints itself; the killed client's transaction must be gone (rolled back)
        deadline = time.monotonic() + 10
        while query(ws, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                        "AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL")[0][0]:
            assert time.monotonic() < deadline, "the killed client's transaction is still open"
            time.sleep(0.05)
        return
    con = connect(ws)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()


def query(ws: Path, sql: str, *params) -> list[tuple]:
    engine = shared_db(ws)
    if engine is not None:
        from sqlalchemy import text

        assert not params
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql))]
    con = connect(ws)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def wal_size(ws: Path) -> int:
    try:
        return (ws / f"{DB_NAME}-wal").stat().st_size
    except OSError:
        return 0


def writing_debts(ws: Path) -> Callable[[], bool]:
    """True once the command is writing debts: SQLite's WAL past 512 KiB; on PostgreSQL as soon as its
    transaction holds the debt table's write lock (held until it commits: COPY writes 20,000 debts in a
    fraction of a second on an idle machine, so waiting longer let it commit first)."""
    if shared_db(ws) is None:
        return lambda: wal_size(ws) > 512 * 1024

    def check() -> bool:
        return bool(query(ws, "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                              "WHERE c.relname = 'debt' AND l.mode = 'RowExclusiveLock' "
                              "AND l.pid <> pg_backend_pid()")[0][0])

    return check


# --- (a) import ----------------------------------------------------------------------------------------

def write_csv(path: Path, n: int, cents: int) -> Path:
    people = PeopleFactory(seed=11)
    lines = ["IUD;Codice fiscale;Nominativo;Importo;Scadenza;Causale"]
    for i in range(n):
        p = people.person()
        lines.append(f"TARI-{i:06d};{p.code};{p.name};{100 + i % 400},{cents:02d};30/06/2030;TARI 2030 utenza {i}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def list_amounts(ws: Path) -> dict[int, int]:
    """amount cents modulo 100 -> number of debts of the list (tells which file's values are stored)."""
    return dict(query(ws, "SELECT d.amount_cents % 100, count(*) FROM debt d JOIN debt_list l ON l.id = d.list_id "
                          "WHERE l.name = 'TARI' GROUP BY 1"))


def test_import_killed_while_writing_keeps_all_or_nothing_and_can_run_again(workspace, ente, tmp_path):
    ws = workspace.path
    workspace.close()
    n = 20_000
    first = write_csv(tmp_path / "tari.csv", n, cents=10)

    # killed while the rows are being written (the uncommitted transaction spills into the WAL)
    proc = start(ws, "lists", "import", str(first), "--list", "TARI", "--type", "TARI", "--json")
    kill_when(proc, writing_debts(ws))
    assert_consistent(ws)
    before = list_amounts(ws)
    assert before in ({}, {10: n}), f"partial import: {before}"

    # simply run again: the whole file, once
    doc = run(ws, "lists", "import", str(first), "--list", "TARI", "--type", "TARI", "--json")
    assert doc["rows"] == n and doc["valid"] == n
    assert doc["added"] + doc["unchanged"] == n
    assert list_amounts(ws) == {10: n}
    assert query(ws, "SELECT count(DISTINCT iud), count(*) FROM debt")[0] == (n, n)

    # a second file changes every amount: killed mid-update, the list keeps the old values or takes all new
    second = write_csv(tmp_path / "tari-rettifica.csv", n, cents=20)
    proc = start(ws, "lists", "import", str(second), "--list", "TARI", "--json")
    kill_when(proc, writing_debts(ws))
    assert_consistent(ws)
    assert list_amounts(ws) in ({10: n}, {20: n})

    doc = run(ws, "lists", "import", str(second), "--list", "TARI", "--json")
    assert doc["updated"] + doc["unchanged"] == n and doc["added"] == 0
    assert list_amounts(ws) == {20: n}
    assert_consistent(ws)


# --- (b) sync push ------------------------------------------------------------------------------------

def flow_state(ws: Path) -> tuple[str, str] | None:
    rows = query(ws, "SELECT state, portal_state FROM upload_flow ORDER BY id")
    return rows[-1] if rows else None


def sandbox_db(server) -> sqlite3.Connection:
    return sqlite3.connect(server.state.db_path, timeout=15)


def test_sync_push_killed_at_each_step_resumes_without_sending_a_row_twice(workspace, ente, tmp_path):
    server = start_sandbox(workspace, ente, tmp_path / "sandbox", processing_delay=0.0)
    try:
        n = 200
        make_list(workspace, "TARI", tari_records(n))
        ws = workspace.path
        workspace.close()

        # 1. killed while the upload is on its way (the portal answers slowly): flow saved as AUTORIZZATO
        server.set_switches(latency_ms=1500)
        proc = start(ws, "sync", "push", "TARI", "--wait", "--json")
        kill_when(proc, lambda: (flow_state(ws) or ("",))[0] == "AUTORIZZATO")
        assert_consistent(ws)
        sb = sandbox_db(server)
        assert sb.execute("SELECT count(*) FROM import_request WHERE uploaded_at IS NOT NULL").fetchone()[0] == 0

        # 2. resumed: the app asks the portal whether the file arrived (it did not), uploads it once, and is
        # killed while the portal processes it
        server.set_switches(latency_ms=0, processing_delay=1.0)
        proc = start(ws, "sync", "push", "TARI", "--wait", "--json")
        kill_when(proc, lambda: (flow_state(ws) or ("",))[0] == "CARICATO")
        assert_consistent(ws)
        assert sb.execute("SELECT count(*) FROM import_request WHERE uploaded_at IS NOT NULL").fetchone()[0] == 1

        # 3. the portal finishes meanwhile; resumed again, killed while the outcome files are downloading
        assert server.wait_idle(30)
        server.set_switches(latency_ms=1500, processing_delay=0.0)
        proc = start(ws, "sync", "push", "TARI", "--wait", "--json")
        kill_when(proc, lambda: flow_state(ws) == ("CARICATO", "IMPORT_ESEGUITO"))
        assert_consistent(ws)
        assert query(ws, "SELECT count(*) FROM debt WHERE state = 'SUL_PORTALE'")[0][0] == 0  # not applied yet

        # 4. run again: the outcome is applied, once
        server.set_switches(latency_ms=0)
        doc = run(ws, "sync", "push", "TARI", "--wait", "--json")
        assert doc["resumed"] is True and doc["state"] == "ELABORATO"
        assert (doc["actions"]["I"], doc["accepted"], doc["rejected"]) == (n, n, 0)
        assert run(ws, "sync", "push", "TARI", "--json")["flow"] is None  # nothing left to send

        # on the portal: one flow, loaded once, every IUD processed exactly once
        assert sb.execute("SELECT count(*) FROM import_request WHERE uploaded_at IS NOT NULL").fetchone()[0] == 1
        flows = sb.execute("SELECT id, iuf, total, imported FROM flow").fetchall()
        assert len(flows) == 1 and flows[0][2:] == (n, n)
        assert flows[0][1] == doc["flow"]
        per_iud = sb.execute("SELECT iud, count(*), min(flow_id), max(flow_id), max(iuv) FROM dovuto "
                             "GROUP BY iud").fetchall()
        sb.close()
        assert len(per_iud) == n
        assert all(c == 1 and lo == hi == flows[0][0] for _iud, c, lo, hi, _iuv in per_iud)

        # locally: one flow, every debt on the portal with the IUV the portal generated for it
        assert query(ws, "SELECT count(*), min(state), max(state) FROM upload_flow")[0] == (1, "ELABORATO", "ELABORATO")
        local = dict(query(ws, "SELECT iud, iuv FROM debt WHERE state = 'SUL_PORTALE'"))
        assert local == {iud: iuv for iud, _c, _lo, _hi, iuv in per_iud}
        assert_consistent(ws)
    finally:
        server.stop()


# --- (c) batch print -----------------------------------------------------------------------------------

def start_with_progress(ws: Path, *args: str) -> tuple[subprocess.Popen, int]:
    """Start with stderr on a pseudo-terminal, so the command prints its progress percentage."""
    master, slave = pty.openpty()
    proc = start(ws, *args, stderr=slave)
    os.close(slave)
    return proc, master


def progress_reached(master: int, percent: int) -> Callable[[], bool]:
    seen = bytearray()

    def check() -> bool:
        while select.select([master], [], [], 0)[0]:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                return False
            if not chunk:
                break
            seen.extend(chunk)
        values = re.findall(rb"(\d+)%", bytes(seen))
        return bool(values) and int(values[-1]) >= percent
    return check


def pdf_pages(path: Path) -> tuple[int, str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        last = doc[len(doc) - 1].get_textpage().get_text_range()
        return len(doc), last
    finally:
        doc.close()


def test_batch_print_killed_midway_can_simply_run_again(workspace, ente, tmp_path):
    n = 500  # above the size where worker processes encode the barcodes
    make_list(workspace, "TARI", tari_records(n, generate_iuv=False))
    assigned = workspace.lists.assign_iuvs("TARI").assigned
    assert len(assigned) == n
    last_notice = assigned[-1][2]
    ws = workspace.path
    workspace.close()
    out = tmp_path / "avvisi.pdf"
    args = ("notices", "print", "TARI", "-o", str(out), "--json")

    proc, master = start_with_progress(ws, *args)
    try:
        kill_when(proc, progress_reached(master, 40))
    finally:
        os.close(master)
    assert reap_group(proc) == [], "barcode worker processes outlived the killed app"
    assert not out.exists()  # nothing half-written under the name asked for
    assert_consistent(ws)

    doc = run(ws, *args)
    assert doc["printed"] == n and doc["skipped"] == []
    pages, last_text = pdf_pages(out)
    assert pages == n
    assert " ".join(re.findall(r"\d", last_notice)) in " ".join(re.findall(r"\d", last_text))
    assert not list(tmp_path.glob(".*.part"))

    # killed while printing again over a finished file: the earlier PDF stays whole
    before = out.read_bytes()
    proc, master = start_with_progress(ws, *args)
    try:
        kill_when(proc, progress_reached(master, 60))
    finally:
        os.close(master)
    reap_group(proc)
    assert out.read_bytes() == before
    assert_consistent(ws)
