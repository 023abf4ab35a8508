"""Benchmark: the same work on SQLite (one desk's file) and on PostgreSQL (a shared office database), on
the same machine in the same run: import, list page, push and reconciliation.

Each stage runs first on a fresh SQLite workspace, then on a fresh PostgreSQL database (a throw-away
server started for the run the way the tests start theirs, tests/pg_support.py; or, with ``--server
URL``, databases created on that server, which the URL's role must be allowed to do). Set-up is not
timed. Stages:
- import: an xlsx of ``--rows`` debts (bench_import_xlsx's file) imported into a new list (best of two);
- list page: on that list, the table opening (id snapshot + first page of 500 rows), a page in the middle,
  a text filter ("ROSSI") snapshot, and the lists' counts and totals (``ws.lists.lists()``);
- push: ``--push-rows`` new debts sent to the embedded sandbox and the outcome applied (wait);
- receipts: a MyPay export of ``--receipt-rows`` receipts (bench_receipts_import's), half of them paying local
  debts, imported (matched, stored, debts marked paid);
- reconciliation: bench_reconcile's data for ``--recon-debts`` debts, the full run.
Prints each figure side by side with the ratio PostgreSQL / SQLite. Target (issue 15): the import and the
reconciliation within 2x of SQLite.

    .venv/bin/python benchmarks/bench_databases.py [--rows N] [--push-rows N] [--recon-debts N] [--server URL]
        [--stages import,push,receipts,reconciliation]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("MYPAY_DESK_KEYRING", "file")  # throw-away workspaces: never the user's keyring

from benchmarks.bench_import_xlsx import write_xlsx  # noqa: E402
from benchmarks.bench_receipts_import import add_debts as receipt_debts  # noqa: E402
from benchmarks.bench_receipts_import import make_rows as receipt_rows  # noqa: E402
from benchmarks.bench_reconcile import generate  # noqa: E402
from benchmarks.bench_sync_push import records as push_records  # noqa: E402
from benchmarks.databases import settle  # noqa: E402
from mypay_desk.domain.ente import DebtTypeData, EnteData  # noqa: E402
from mypay_desk.formats import receipt_export as rx  # noqa: E402
from mypay_desk.services.debt_table import DebtFilter, DebtTableService  # noqa: E402
from mypay_desk.services.workspace import Workspace  # noqa: E402
from mypay_desk.simulator.server import SimulatorServer  # noqa: E402

TARGET_RATIO = 2.0
PASSWORD = "Bench.Db.01"
KINDS = ("SQLite", "PostgreSQL")
STAGES = ("import", "push", "receipts", "reconciliation")


class Databases:
    """Fresh databases for each stage: a folder's SQLite file, or a new PostgreSQL database."""

    def __init__(self, root: Path, server: str | None):
        self.root = root
        self.cluster = None
        self.admin = None
        self.server = server
        self.made: list[str] = []
        self.n = 0

    def __enter__(self) -> Databases:
        if self.server is None:
            from tests.pg_support import start_cluster

            self.cluster = start_cluster()
        else:
            from sqlalchemy import create_engine
            from sqlalchemy.pool import NullPool

            from mypay_desk.store.postgres import parse_url

            self.admin = create_engine(parse_url(self.server), isolation_level="AUTOCOMMIT", poolclass=NullPool)
        return self

    def __exit__(self, *exc) -> None:
        if self.cluster is not None:
            self.cluster.stop()
        elif self.admin is not None:
            with self.admin.connect() as c:
                for name in self.made:
                    c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            self.admin.dispose()

    def _postgresql_url(self) -> str:
        if self.cluster is not None:
            return self.cluster.url(self.cluster.create_database())
        from mypay_desk.store.postgres import parse_url

        name = f"mypay_bench_{os.getpid()}_{self.n}"
        with self.admin.connect() as c:
            c.exec_driver_sql(f'CREATE DATABASE "{name}"')
        self.made.append(name)
        return parse_url(self.server).set(database=name).render_as_string(hide_password=False)

    @contextmanager
    def workspace(self, kind: str) -> Iterator[Workspace]:
        self.n += 1
        folder = self.root / f"ws{self.n}"
        ws = Workspace.open(folder, database=None if kind == "SQLite" else self._postgresql_url())
        try:
            yield ws
        finally:
            ws.close()


def timed(ws: Workspace, fn: Callable[[], object]) -> tuple[float, object]:
    settle(ws)  # the background checkpoint of what the set-up wrote is not counted in the step
    t = time.perf_counter()
    result = fn()
    return time.perf_counter() - t, result


def ente(ws: Workspace, ipa: str, url: str = "") -> EnteData:
    saved = ws.ente.save(EnteData(ipa_code=ipa, fiscal_code="01199250158", name=f"Comune {ipa}",
                                  segregation_code="12", portal_url=url, adhesion_mode="flussi"))
    ws.ente.save_type(DebtTypeData(code="TARI", description="TARI", taxonomy="9/0101101IM/",
                                   due_date_required=True))
    return saved


def import_and_page(ws: Workspace, xlsx: Path) -> dict[str, float]:
    ente(ws, "C_BENCH")
    out: dict[str, float] = {}
    # best of two (the first run of the process also pays for imports and cold caches); the list of the
    # first run is deleted, not timed
    first, report = timed(ws, lambda: ws.lists.import_file(xlsx, "TARI 2025", "TARI"))
    ws.lists.delete_list("TARI 2025")
    second, report = timed(ws, lambda: ws.lists.import_file(xlsx, "TARI 2025", "TARI"))
    out["import"] = min(first, second)
    assert report.added > 0
    table = DebtTableService(ws)
    list_id = ws.lists.summary("TARI 2025").id

    def first_page():
        ids = table.snapshot(list_id)
        return ids, table.rows(ids[:500])

    out["open list (ids + first page)"], (ids, _rows) = timed(ws, first_page)
    mid = len(ids) // 2
    out["page in the middle"], _ = timed(ws, lambda: table.rows(ids[mid:mid + 500]))
    out["text filter snapshot"], _ = timed(ws, lambda: table.snapshot(list_id, DebtFilter(text="ROSSI")))
    out["list counts and totals"], _ = timed(ws, ws.lists.lists)
    return out


def push(ws: Workspace, server: SimulatorServer, url: str, ipa: str, rows: int) -> dict[str, float]:
    ente(ws, ipa, url)
    ws.portal.set_password(ipa, PASSWORD)
    server.add_ente(ipa, "01199250158", PASSWORD, ["TARI:scadenza"], segregation_code="12")
    ws.sync.poll_initial, ws.sync.poll_max = 0.05, 1.0
    ws.lists.create_list("TARI", default_debt_type="TARI")
    ws.lists.add_debts("TARI", push_records(rows))
    seconds, report = timed(ws, lambda: ws.sync.push("TARI", wait=True))
    assert report.accepted == rows, report.message
    return {"push (sandbox, wait)": seconds}


def receipts(ws: Workspace, zip_path: Path, rows: int) -> dict[str, float]:
    saved = ente(ws, "C_TEST")
    receipt_debts(ws, saved.id, rows)
    seconds, report = timed(ws, lambda: ws.receipts.import_file(zip_path, ente_id=saved.id))
    assert report.new == rows and report.matched == (rows + 1) // 2, report.to_json()
    return {"receipts import (half matched)": seconds}


def reconcile(ws: Workspace, debts: int) -> dict[str, float]:
    generate(ws, debts)
    with ws.db.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    seconds, report = timed(ws, ws.reconciliation.run)
    assert report.keys > 0
    return {"reconciliation (full run)": seconds}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=100_000, help="debts imported (import and list page)")
    ap.add_argument("--push-rows", type=int, default=20_000)
    ap.add_argument("--receipt-rows", type=int, default=100_000)
    ap.add_argument("--recon-debts", type=int, default=200_000, help="1000000 for bench_reconcile's size")
    ap.add_argument("--server", help="a PostgreSQL URL whose role may create databases (default: a throw-away "
                                     "server)")
    ap.add_argument("--stages", default=",".join(STAGES),
                    help=f"comma-separated stages to run (default: all of {', '.join(STAGES)})")
    args = ap.parse_args()
    stages = {s.strip() for s in args.stages.split(",") if s.strip()}
    if not stages or stages - set(STAGES):
        ap.error(f"--stages: choose among {', '.join(STAGES)}")
    figures: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp, Databases(Path(tmp), args.server) as dbs:
        root = Path(tmp)
        xlsx = root / "tari.xlsx"
        if "import" in stages:
            write_xlsx(xlsx, args.rows)
        export = root / "receipts.zip"
        if "receipts" in stages:
            name, payload = rx.write_export_zip(receipt_rows(args.receipt_rows, False), "1.3", False,
                                                export_id="1", when=datetime(2025, 6, 1), ipa_code="C_TEST")
            export = root / name
            export.write_bytes(payload)
        sandbox = SimulatorServer(root / "sandbox", processing_delay=0.05)
        url = sandbox.start() if "push" in stages else ""
        try:
            for kind in KINDS:
                for stage in STAGES:
                    if stage not in stages:
                        continue
                    with dbs.workspace(kind) as ws:
                        if stage == "import":
                            done = import_and_page(ws, xlsx)
                        elif stage == "push":
                            done = push(ws, sandbox, url, f"C_PUSH_{kind[:2].upper()}", args.push_rows)
                        elif stage == "receipts":
                            done = receipts(ws, export, args.receipt_rows)
                        else:
                            done = reconcile(ws, args.recon_debts)
                        for name, v in done.items():
                            figures.setdefault(name, {})[kind] = v
                print(f"{kind}: done", file=sys.stderr)
        finally:
            if url:
                sandbox.stop()
    print(f"import {args.rows:,} rows, push {args.push_rows:,} rows, {args.receipt_rows:,} receipts, "
          f"reconciliation of {args.recon_debts:,} debts")
    print(f"{'':32} {'SQLite':>9} {'PostgreSQL':>11} {'ratio':>7}")
    missed = []
    for name, values in figures.items():
        s, p = values["SQLite"], values["PostgreSQL"]
        ratio = p / s if s else float("inf")
        mark = ""
        if name.startswith(("import", "reconciliation")):
            ok = ratio <= TARGET_RATIO
            mark = f"  target <= {TARGET_RATIO:.0f}x: {'OK' if ok else 'MISSED'}"
            if not ok:
                missed.append(name)
        print(f"{name:32} {s:8.3f}s {p:10.3f}s {ratio:6.2f}x{mark}")
    print("load average: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()) + " (1, 5, 15 min)")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
