"""The frozen onedir build (dist/mypay-desk/, from `make build`) works on its own.

Skipped unless the build exists. Runs the bundled program only: its smoke test in both languages, then
a whole office day through the command line (Ente, sandbox portal served by the bundled uvicorn, import,
sync, notices), which proves that resources, migrations, catalogues and the hidden imports are inside.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist" / "mypay-desk"
GUI = DIST / ("mypay-desk.exe" if os.name == "nt" else "mypay-desk")
CLI = DIST / ("mypay-desk-cli.exe" if os.name == "nt" else "mypay-desk")



def _stale() -> bool:
    """True when sources changed after the build (a stale bundle tests nothing of this tree)."""
    built = GUI.stat().st_mtime
    sources = [ROOT / "build_installer.spec", *(ROOT / "mypay_desk").rglob("*.py"), *(ROOT / "resources").rglob("*")]
    return any(p.stat().st_mtime > built for p in sources if p.is_file())


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not GUI.exists(), reason="no frozen build: run `make build` first"),
    pytest.mark.skipif(GUI.exists() and _stale(), reason="frozen build older than the sources: `make smoke` rebuilds"),
]


def env(**extra) -> dict:
    e = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "MYPAY_DESK_"))}
    e.update(QT_QPA_PLATFORM="offscreen", MYPAY_DESK_KEYRING="file", **extra)
    return e


def run(*args: str, stdin: str | None = None, timeout: float = 60, **extra) -> subprocess.CompletedProcess:
    return subprocess.run([str(CLI), *args], input=stdin, capture_output=True, text=True, env=env(**extra),
                          timeout=timeout)


def head_revision() -> str:
    from mypay_desk.store.db import head_revision as head

    return head()


@pytest.mark.parametrize("language", ["it", "en"])
def test_smoke_test_of_the_bundle(tmp_path, language):
    ws = tmp_path / "ws"
    out = subprocess.run([str(GUI), "--workspace", str(ws), "--smoke-test"], capture_output=True, text=True,
                         env=env(MYPAY_DESK_LANG=language), timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "smoke test: OK" in out.stdout
    # a fresh workspace, migrated to the schema this build ships
    con = sqlite3.connect(ws / "mypay-desk.sqlite3")
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()
    assert (ws / "smoke-main-window.png").stat().st_size > 10_000
    assert [p.name for p in (ws / "backups").glob("*-automatico.sqlite3")]  # the start-up backup
    log = (ws / "logs" / "mypay-desk.log").read_text(encoding="utf-8")
    loaded = re.search(r"cataloghi di traduzione: (.*)", log).group(1)
    # Qt's own catalogue and ours come from inside the bundle, not from a Python installation
    assert str(DIST / "_internal") in loaded
    assert f"qtbase_{language}.qm" in loaded
    if language == "en":
        assert "mypay_desk_en.qm" in loaded


def test_every_module_of_the_app_is_in_the_bundle():
    from PyInstaller.archive.readers import CArchiveReader

    bundled = set(CArchiveReader(str(GUI)).open_embedded_archive("PYZ.pyz").toc)
    expected = set()
    for path in (ROOT / "mypay_desk").rglob("*.py"):
        rel = path.relative_to(ROOT).with_suffix("")
        if "migrations" in rel.parts:
            continue  # they travel as files (checked below)
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        expected.add(".".join(parts))
    assert expected - bundled == set()
    for name in ("keyring.backends.SecretService", "keyring.backends.Windows", "keyring.backends.macOS",
                 "sqlalchemy.dialects.sqlite.pysqlite", "uvicorn.loops.auto", "uvicorn.protocols.http.auto",
                 "uvicorn.lifespan.on", "alembic.runtime.migration"):
        assert name in bundled
    migrations = DIST / "_internal" / "mypay_desk" / "store" / "migrations"
    assert (migrations / "env.py").is_file() and (migrations / "script.py.mako").is_file()
    assert sorted(p.name for p in (migrations / "versions").glob("*.py")) == sorted(
        p.name for p in (ROOT / "mypay_desk" / "store" / "migrations" / "versions").glob("*.py"))
    for unwanted in ("Qt6Quick", "Qt6Qml", "Qt6VirtualKeyboard", "Qt6WebEngine", "Qt63D"):
        assert not list(DIST.rglob(f"*{unwanted}*")), unwanted


def test_a_day_at_the_office_with_the_bundled_program(tmp_path):
    ws, state = tmp_path / "ws", tmp_path / "sandbox"
    sim = subprocess.Popen([str(CLI), "simulator", "--port", "0", "--state", str(state), "--processing-delay", "0"],
                           stderr=subprocess.PIPE, text=True, env=env())
    try:
        line = ""
        deadline = time.monotonic() + 60
        while "http://" not in line and time.monotonic() < deadline:
            line = sim.stderr.readline()
            assert line or sim.poll() is None, "the bundled sandbox did not start"
        url = re.search(r"(http://127\.0\.0\.1:\d+)", line).group(1)

        r = run("simulator", "add-ente", "--state", str(state), "--ipa", "C_TEST", "--fiscal-code", "01199250158",
                "--password-stdin", "--types", "TARI:scadenza", "--segregation-code", "12", stdin="Prova.Sandbox1\n")
        assert r.returncode == 0, r.stderr
        r = run("--workspace", str(ws), "ente", "set", "--ipa", "C_TEST", "--fiscal-code", "01199250158", "--name",
                "Comune di Prova", "--segregation-code", "12", "--mode", "ente", "--cbill", "AAAAA", "--portal-url",
                url, "--password-stdin", stdin="Prova.Sandbox1\n")
        assert r.returncode == 0, r.stderr
        r = run("--workspace", str(ws), "types", "add", "TARI", "--description", "Tassa rifiuti", "--taxonomy",
                "9/0101108TS/", "--due-date-required", "--print-due-date")
        assert r.returncode == 0, r.stderr

        csv = tmp_path / "tari.csv"
        csv.write_text("IUD;Codice fiscale;Nominativo;Importo;Scadenza;Causale\n" + "".join(
            f"T-{i};RSSMRA85T10A562S;ROSSI MARIO;{100 + i},50;30/06/2030;TARI 2030 utenza {i}\n" for i in range(25)),
            encoding="utf-8")
        r = run("--workspace", str(ws), "lists", "import", str(csv), "--list", "TARI", "--type", "TARI", "--json")
        assert r.returncode == 0, r.stderr
        assert json.loads(r.stdout)["added"] == 25

        r = run("--workspace", str(ws), "lists", "assign-iuv", "TARI")
        assert r.returncode == 0, r.stderr
        r = run("--workspace", str(ws), "sync", "push", "TARI", "--wait", "--json", timeout=120)
        assert r.returncode == 0, r.stderr
        doc = json.loads(r.stdout)
        assert (doc["actions"]["I"], doc["accepted"], doc["rejected"]) == (25, 25, 0)

        # spreadsheets both ways (python-calamine reads, openpyxl writes)
        from openpyxl import Workbook, load_workbook

        book = Workbook()
        book.active.append(["IUD", "Codice fiscale", "Nominativo", "Importo", "Scadenza", "Causale"])
        book.active.append(["X-1", "RSSMRA85T10A562S", "ROSSI MARIO", "12,30", "30/06/2030", "TARI 2030"])
        book.save(tmp_path / "extra.xlsx")
        r = run("--workspace", str(ws), "lists", "import", str(tmp_path / "extra.xlsx"), "--list", "EXTRA", "--type",
                "TARI", "--json")
        assert r.returncode == 0, r.stderr
        assert json.loads(r.stdout)["valid"] == 1
        r = run("--workspace", str(ws), "lists", "export-xlsx", "TARI", "-o", str(tmp_path / "tari.xlsx"))
        assert r.returncode == 0, r.stderr
        cells = {c for row in load_workbook(tmp_path / "tari.xlsx", read_only=True).active.iter_rows(values_only=True)
                 for c in row}
        assert {f"T-{i}" for i in range(25)} <= cells

        pdf = tmp_path / "avvisi.pdf"
        r = run("--workspace", str(ws), "notices", "print", "TARI", "-o", str(pdf), "--json", timeout=120)
        assert r.returncode == 0, r.stderr
        assert json.loads(r.stdout)["printed"] == 25
        import pypdfium2 as pdfium

        assert len(pdfium.PdfDocument(str(pdf))) == 25
    finally:
        sim.terminate()
        try:
            sim.wait(15)
        except subprocess.TimeoutExpired:
            sim.kill()
            sim.wait(5)


def test_the_bundle_does_not_depend_on_the_source_tree(tmp_path):
    """The frozen program answers from an unrelated folder, with no Python on the path."""
    out = subprocess.run([str(CLI), "--version"], capture_output=True, text=True, cwd=tmp_path,
                         env=env(PATH=os.path.dirname(sys.executable) + "-missing"), timeout=60)
    assert out.returncode == 0 and out.stdout.startswith("mypay-desk ")
