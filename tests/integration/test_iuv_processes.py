"""IUV allocation from several processes at once (desks on PostgreSQL, a desk and its jobs on SQLite): every
IUV is given once, and the Ente's counter moves by exactly what was given."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from mypay_desk.domain import codes

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
PROCESSES, ROUNDS = 4, 120

WORKER = textwrap.dedent("""
    import json, random, sys
    from mypay_desk.services.workspace import Workspace
    folder, url, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    ws = Workspace.open(folder, database=None if url == "-" else url)
    rng = random.Random(seed)
    got = []
    for _ in range({rounds}):
        got += ws.codes.allocate_iuvs(rng.randint(1, 4))
    ws.close()
    print(json.dumps(got))
""").format(rounds=ROUNDS)


def test_processes_allocating_at_once_never_get_the_same_iuv(workspace, ente, tmp_path):
    url = workspace.db.url.render_as_string(hide_password=False) if workspace.shared else "-"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = workspace.ente.get(ente.ipa_code).iuv_progressive
    procs = []
    for n in range(PROCESSES):
        folder = tmp_path / f"desk{n}" if workspace.shared else workspace.path
        procs.append(subprocess.Popen([sys.executable, "-c", WORKER, str(folder), url, str(n)], cwd=ROOT, env=env,
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    given = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err[-2000:]
        given += json.loads(out)
    assert [iuv for iuv, k in Counter(given).items() if k > 1] == []
    assert all(codes.check_code(iuv).kind for iuv in given)
    # nothing skipped or given twice: the counter moved by exactly the number given
    assert workspace.ente.get(ente.ipa_code).iuv_progressive == start + len(given)
