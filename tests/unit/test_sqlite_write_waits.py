"""SQLite with another program writing: a transaction that reads and then writes must begin as a write
(BEGIN IMMEDIATE), or SQLite refuses its write ("database is locked") as soon as the other writer holds the
lock or has committed since the read, without waiting. Each operation below runs while a second process
holds a write transaction (and writes in it): it must wait for it, within the busy timeout, and succeed."""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import replace

import pytest

from mypay_desk.domain.ente import DebtTypeData
from mypay_desk.store.models import DebtType, Ente, FdrFlow, Receipt
from tests.unit.hostile_support import fdr_xml
from tests.unit.test_receipts_service import add_debts, export_file, row

HOLD_S = 1.0
# The other program: takes the write lock, writes, says so, keeps the transaction open, commits.
HOLDER = """
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
c.execute("BEGIN IMMEDIATE")
c.execute("INSERT OR REPLACE INTO workspace_setting (key, value) VALUES ('other_program', ?)", (str(time.time()),))
print("ready", flush=True)
time.sleep(float(sys.argv[2]))
c.execute("COMMIT")
"""


def while_another_program_writes(workspace, operation):
    """Run ``operation`` while another process holds a write transaction; the seconds it took."""
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(workspace.db.path), str(HOLD_S)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        started = time.monotonic()
        operation()
        took = time.monotonic() - started
    finally:
        assert holder.wait(timeout=30) == 0
    return took


def get(workspace, model, **by):
    with workspace.db.session() as s:
        return s.query(model).filter_by(**by).one_or_none()


def _ente_save(ws, ente, tmp_path):
    def op():
        ws.ente.save(replace(ente, name="Comune di Prova Rinominato"))

    return op, lambda: get(ws, Ente, ipa_code=ente.ipa_code).name == "Comune di Prova Rinominato"


def _type_save(ws, ente, tmp_path):
    def op():
        ws.ente.save_type(DebtTypeData(code="TARI", description="Tassa rifiuti 2026", taxonomy="9/0101108TS/"))

    return op, lambda: get(ws, DebtType, ente_id=ente.id, code="TARI").description == "Tassa rifiuti 2026"


def _type_delete(ws, ente, tmp_path):
    return (lambda: ws.ente.delete_type("MENSA")), lambda: get(ws, DebtType, ente_id=ente.id, code="MENSA") is None


def _demo_steps(ws, ente, tmp_path):
    return (lambda: ws.demo._save_steps(["lists"])), lambda: ws.demo._steps() == ["lists"]


def _receipts_rematch(ws, ente, tmp_path):
    ws.receipts.import_file(export_file(tmp_path, [row(1, iud="LATE", iuv="120000000000000099")]), ente_id=ente.id)
    add_debts(ws, ente.id, [dict(iud="LATE", iuv="120000000000000099", amount_cents=10000)])
    return (lambda: ws.receipts.rematch(ente_id=ente.id)), \
        lambda: get(ws, Receipt, ente_id=ente.id).debt_id is not None


def _fdr_import(ws, ente, tmp_path):
    (tmp_path / "fdr.xml").write_bytes(fdr_xml())

    def op():
        assert ws.reconciliation.import_file(tmp_path / "fdr.xml").flows_new == 1

    return op, lambda: get(ws, FdrFlow, ente_id=ente.id) is not None


OPERATIONS = {"ente.save": _ente_save, "types.save": _type_save, "types.delete": _type_delete,
              "demo.steps": _demo_steps,  # (the password file is this desk's preferences.json now)
              "receipts.rematch": _receipts_rematch, "reconciliation.import": _fdr_import}


@pytest.mark.sqlite_only  # PostgreSQL writers wait on row and advisory locks (tests/unit/test_desks.py)
@pytest.mark.parametrize("name", OPERATIONS)
def test_read_then_write_waits_for_the_other_writer(workspace, ente, tmp_path, name):
    operation, done = OPERATIONS[name](workspace, ente, tmp_path)
    took = while_another_program_writes(workspace, operation)
    assert took >= HOLD_S * 0.5, "the operation did not wait for the other writer"
    assert done()
