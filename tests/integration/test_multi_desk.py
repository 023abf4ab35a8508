"""Four desks at once on one database (each its own process, tests/integration/desk_worker.py): importing,
editing the same debts, allocating IUVs, sending lists to the sandbox and downloading receipts, while
citizens pay on the sandbox. Afterwards: no IUV given twice, no debt sent twice, no edit lost, every flow
finished, the portal and the desks agree, the database checks clean.

On PostgreSQL this is the office the shared database is for; on SQLite the same four processes share the
workspace folder (a desk and its command-line jobs), which SQLite serialises with its write lock.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest

from mypay_desk.domain import codes
from mypay_desk.domain.ente import EnteData
from tests.integration.portal_support import make_list, portal_dovuti, start_sandbox, tari_records

pytestmark = [pytest.mark.integration, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
SECONDS = 9.0
ROLES = ("importer", "editor", "editor", "sender")


def desk_env(n: int) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT), MYPAY_DESK_KEYRING="file", MYPAY_DESK_USER=f"desk-{n}",
               MYPAY_DESK_DESK=f"PC-{n}")
    env.pop("MYPAY_DESK_WORKSPACE", None)
    return env


def test_four_desks_at_once_lose_nothing_and_send_nothing_twice(workspace, ente, tmp_path):
    ws = workspace
    ws.ente.save(EnteData(**{**ente.__dict__, "iuv_generation": "app"}))  # pushes allocate IUVs too
    server = start_sandbox(ws, ente, tmp_path / "sandbox")
    try:
        make_list(ws, "COMUNE", tari_records(60, prefix="COM"))
        assert ws.sync.push("COMUNE", wait=True).accepted == 60
        url = ws.db.url.render_as_string(hide_password=False) if ws.shared else "-"

        stop = threading.Event()

        def citizens_pay():  # a few debts get paid on the portal while the desks work
            n = 0
            while not stop.wait(1.0):
                n += 1
                server.pay(ente.ipa_code, iuds=[f"COM-{i:05d}" for i in range(n * 3, n * 3 + 3)])

        payer = threading.Thread(target=citizens_pay)
        payer.start()
        procs = []
        for n, role in enumerate(ROLES, start=1):
            folder = tmp_path / f"desk{n}" if ws.shared else ws.path
            folder.mkdir(exist_ok=True)
            out = tmp_path / f"desk{n}.json"
            procs.append((subprocess.Popen(
                [sys.executable, "-m", "tests.integration.desk_worker", role, str(folder), url, str(out),
                 str(SECONDS), str(n)], cwd=ROOT, env=desk_env(n), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                text=True), out))
        results = []
        for proc, out in procs:
            stdout, stderr = proc.communicate(timeout=180)
            assert proc.returncode == 0, stderr[-3000:]
            results.append(json.loads(out.read_text()))
        stop.set()
        payer.join()

        print(json.dumps([{k: (v if not isinstance(v, list) else len(v)) for k, v in r.items()} for r in results]))
        for r in results:
            for error in r["errors"]:  # whole, in the captured output (the assertion's diff cuts them short)
                print(f"--- {r['desk']}: {error}")
        for r in results:
            assert r["errors"] == [], r["errors"]
        # the desks really did all of it, side by side
        assert sum(r["imports"] for r in results) >= 2
        assert sum(r["pushes"] for r in results) >= 3
        assert sum(r["receipts"] for r in results) >= 1
        # edits stored or refused as conflicts (both checked below); how many of each depends on the machine
        assert sum(len(r["edits"]) + r["conflicts"] for r in results) >= 10
        assert sum(len(r["edits"]) for r in results) >= 4

        # every flow of every desk finished; nothing is left half-sent
        status = ws.sync.status()
        assert [f for f in ws.sync.flows() if f.state not in ("ELABORATO", "ERRORE")] == []
        debts = [d for name in ws.sync.list_names() for d in ws.lists.get_debts(name, include_instalments=True)]
        assert not [d.iud for d in debts if d.state == "IN_INVIO"]

        # no IUV twice: debts' IUVs and those allocated by hand come from one counter
        given = [d.iuv for d in debts if d.iuv] + [iuv for r in results for iuv in r["iuvs"]]
        dup = [iuv for iuv, k in Counter(given).items() if k > 1]
        assert dup == [], dup
        assert all(codes.check_code(iuv).kind for iuv in given)

        # no debt sent twice: each debt's insertion accepted once, nothing rejected, the portal agrees
        from tests.integration.multi_desk_checks import flow_rows_by_debt

        rows = flow_rows_by_debt(ws)
        state = {d.id: d.state for d in debts}
        # a change sent while a citizen was paying is refused by the portal, and the debt shows paid
        assert [r for r in rows if r["outcome"] == "REJECTED" and (r["action"] == "I" or state[r["debt_id"]] != "PAGATO")
                ] == []
        inserted = Counter(r["debt_id"] for r in rows if r["action"] == "I" and r["outcome"] == "ACCEPTED")
        assert [k for k, n in inserted.items() if n > 1] == []
        on_portal = {d["iud"]: d for d in portal_dovuti(server, ente.ipa_code)}
        assert len(on_portal) == len(portal_dovuti(server, ente.ipa_code))  # each IUD once on the portal
        for d in debts:
            if d.state in ("SUL_PORTALE", "PAGATO"):
                assert on_portal[d.iud]["iuv"] == d.iuv, d.iud

        # no lost edit: no two stored edits were made on the same version of a debt, and each debt holds the
        # value of its last stored edit
        edits = [tuple(e) for r in results for e in r["edits"]]
        made_on = Counter((debt_id, version) for debt_id, version, _token in edits)
        assert [k for k, n in made_on.items() if n > 1] == []
        last = {}
        for debt_id, _version, token in sorted(edits, key=lambda e: e[1]):
            last[debt_id] = token
        comune = {d.id: d for d in ws.lists.get_debts("COMUNE")}
        assert {i: comune[i].causale for i in last} == last
        assert sum(r["conflicts"] for r in results) >= 1  # the editors did collide, and were told

        assert ws.db.check() == "ok"
        assert status is not None
    finally:
        server.stop()
