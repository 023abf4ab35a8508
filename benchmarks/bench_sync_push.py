"""Benchmark: pushing a 100,000-debt list to the sandbox portal end to end, and where the time goes.

Setup (not timed): a fresh workspace with an Ente and the TARI tipo dovuto, a list of N valid debts
(distinct codici fiscali, flagGeneraIuv so the portal generates every IUV), and the sandbox on
127.0.0.1, one process per Ente code (one for the push, one for the baseline), each on a fresh state.
The sandbox runs apart, as the real portal would: it does not share this process's GIL, and the peak
RSS printed for the app is the app's alone (the sandboxes' are printed apart).

Timed in the same run:
- baseline: the bare protocol with the same rows, what any client must do and nothing more: write
  the flow CSV and ZIP from rows already in wire form (action I), authorise, upload, poll until the
  portal has processed it, download the outcome files and read IUD -> IUV from them;
- ``ws.sync.push(name, wait=True)``: plan the pending I/M/A from the database, record the flow and
  its rows before talking to the portal, the same exchanges, then apply the outcome to every debt
  (IUV, numero avviso, state, portal hash) and the flow rows.
Both poll with the same back-off. The push report's timings say where the time goes: build (plan +
ZIP + recording), upload (authorise + upload), portal processing (polling until done), apply
(download, parse, write back). The CPU time of this process (the client) is printed for both.
The time outside the portal's processing (wall minus the polling) is printed for both: the portal's
processing swings by seconds between runs, so that difference is the steadier figure of what the app adds.
Then a second push with nothing pending (it must send nothing) and one with 1,000 edited debts.
Target: push / bare protocol <= 1.3x. Peak RSS and the load average are printed.

    .venv/bin/python benchmarks/bench_sync_push.py [--rows N] [--profile FILE] [--database sqlite|postgresql|URL]

``--database`` (benchmarks/databases.py): the workspace's SQLite file (default), a throw-away PostgreSQL
server, or an empty PostgreSQL database.
"""

from __future__ import annotations

import argparse
import cProfile
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("MYPAY_DESK_KEYRING", "file")  # a throw-away workspace: never the user's keyring

from benchmarks import databases  # noqa: E402
from mypay_desk.domain.debts import DebtRecord  # noqa: E402
from mypay_desk.domain.ente import DebtTypeData, EnteData  # noqa: E402
from mypay_desk.formats import import_flow  # noqa: E402
from mypay_desk.services.bulk import bulk_work  # noqa: E402
from mypay_desk.services.demo_data import PeopleFactory  # noqa: E402
from mypay_desk.services.workspace import Workspace  # noqa: E402
from mypay_desk.simulator.server import SimulatorServer  # noqa: E402

PASSWORD = "Bench.Push.01"
TARGET_RATIO = 1.3


def records(n: int) -> list[DebtRecord]:
    people = PeopleFactory(seed=99, company_share=0.03)
    out = []
    for i in range(1, n + 1):
        p = people.person()
        out.append(DebtRecord(
            iud=f"TARI25-{i:07d}", debtor_type=p.type, debtor_code=p.code, debtor_name=p.name, address=p.address,
            civic=p.civic, postal_code="20100", city="Milano", province="MI", country="IT", email=p.email,
            due_date=date(2030, 7, 31), amount_cents=8_000 + (i * 37) % 50_000, debt_type="TARI",
            causale=f"TARI 2025 utenza {i}", collection_data="9/0101101IM/", generate_iuv=True,
        ))
    return out


def baseline(ws: Workspace, wire: list[DebtRecord]) -> tuple[float, float, float]:
    """The same exchanges with the bare client: no planning, no recording, no applying. (wall, CPU, the
    portal's processing as polled) s."""
    ente = ws.ente.get("C_BASE")
    t0, c0 = time.perf_counter(), time.process_time()
    with bulk_work():  # the collector paused, as the push pauses it for its bulk steps
        processing = _bare_protocol(ws, ente, wire)
    return time.perf_counter() - t0, time.process_time() - c0, processing


def _bare_protocol(ws: Workspace, ente, wire: list[DebtRecord]) -> float:
    file_name, data = import_flow.write_flow_zip(wire, "C_BASE", "BASELINE1", "1_4")
    with ws.portal.client(ente) as c:
        auth = c.autorizza_import_flusso()
        c.upload_flow(auth, file_name, data)
        pause = ws.sync.poll_initial
        t = time.perf_counter()
        while True:
            st = c.chiedi_stato_import_flusso(auth.request_token)
            if not st.running:
                break
            c.pause(pause)
            pause = min(ws.sync.poll_max, pause * ws.sync.poll_factor)
        processing = time.perf_counter() - t
        assert st.done, st.state
        if st.url_scarti:
            import_flow.read_rejections(c.download(st.url_scarti, "scarti"), name="x_SCARTI.zip")
        # IUD -> IUV of every row: all a client needs of the outcome (columns 1 and 2)
        iuvs = import_flow.read_iud_iuv(c.download(st.url_iuv, "IUV"), name=file_name[:-4] + "_IUV.zip")
        assert len(iuvs) == len(wire) and all(iuvs.values())
    return processing


def sandbox_process(folder: str, entes: list[str], conn) -> None:
    """The sandbox in its own process: provisions the Entes, sends its URL, serves until told to stop,
    then sends its peak RSS (MB)."""
    server = SimulatorServer(Path(folder), processing_delay=0.05)
    url = server.start()
    for ipa in entes:
        server.add_ente(ipa, "01199250158", PASSWORD, ["TARI:scadenza"], segregation_code="12")
    conn.send(url)
    conn.recv()
    server.stop()
    conn.send(peak_rss_mb())


class CpuPhases:
    """CPU time (this process) spent in named functions during the push: where the client's work goes,
    without the waits and without a profiler's overhead (functions called once or twice per push, not per
    row). Wraps module attributes; ``restore`` undoes it."""

    def __init__(self):
        self.cpu: dict[str, float] = {}
        self._undo: list[tuple[object, str, object]] = []

    def wrap(self, owner: object, attr: str, label: str) -> None:
        original = getattr(owner, attr)

        def timed(*args, **kwargs):
            c = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                self.cpu[label] = self.cpu.get(label, 0.0) + time.process_time() - c

        self._undo.append((owner, attr, original))
        setattr(owner, attr, timed)

    def restore(self) -> None:
        for owner, attr, original in reversed(self._undo):
            setattr(owner, attr, original)
        self._undo.clear()


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--profile", metavar="FILE", help="cProfile the push (this process) into FILE (pstats)")
    databases.add_option(ap)
    args = ap.parse_args()
    database = ExitStack()
    tmp = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    # One sandbox process per Ente, each on its own fresh state: neither flow is processed by a portal
    # already holding the other's 100,000 dovuti (the order of the two runs must not favour either).
    ctx = multiprocessing.get_context("spawn")
    sandboxes = {}
    for ipa in ("C_BASE", "C_BENCH"):
        ours, theirs = ctx.Pipe()
        proc = ctx.Process(target=sandbox_process, args=(str(tmp / f"sandbox-{ipa}"), [ipa], theirs))
        proc.start()
        sandboxes[ipa] = (proc, ours)
    urls = {ipa: conn.recv() for ipa, (_proc, conn) in sandboxes.items()}
    ws = databases.open_workspace(tmp / "ws", database.enter_context(databases.database_url(args.database)))
    print(f"database: {databases.label(ws)}")
    met = False
    try:
        for ipa, url in urls.items():
            ws.ente.save(EnteData(ipa_code=ipa, fiscal_code="01199250158", name=f"Comune {ipa}",
                                  segregation_code="12", portal_url=url), make_current=True)
            ws.ente.save_type(DebtTypeData(code="TARI", description="TARI", taxonomy="9/0101101IM/",
                                           due_date_required=True))
            ws.portal.set_password(ipa, PASSWORD)
        ws.sync.poll_initial, ws.sync.poll_max = 0.1, 2.0

        t = time.perf_counter()
        recs = records(args.rows)
        ws.lists.create_list("TARI 2025", default_debt_type="TARI")
        ids = ws.lists.add_debts("TARI 2025", recs)
        print(f"setup: {args.rows:,} debts created in {time.perf_counter() - t:.1f} s (not timed below)")

        wire = [replace(r, action="I") for r in recs]
        databases.settle(ws)
        base, base_cpu, base_processing = baseline(ws, wire)
        del wire

        from mypay_desk.services.sync import outcome as sync_outcome
        from mypay_desk.services.sync import push as sync_push
        from mypay_desk.store.repositories import portal as portal_repo

        phases = CpuPhases()
        for owner, attr, label in (
            (portal_repo, "sync_rows", "read the list's debts"),
            (sync_push.import_flow, "write_flow_zip", "flow CSV + ZIP (rows, in flight: thread)"),
            (sync_outcome.import_flow, "read_iud_iuv", "read the outcome (IUV file)"),
            (portal_repo, "apply_rows", "write debts and flow rows"),
        ):
            phases.wrap(owner, attr, label)
        phases.wrap(ws.sync, "_plan", "plan (all of it)")
        phases.wrap(ws.sync, "_record_flow", "record the flow (all of it)")
        phases.wrap(ws.sync, "_apply", "apply (all of it)")
        profiler = cProfile.Profile(time.process_time) if args.profile else None  # CPU: the waits do not count
        databases.settle(ws)
        t, c = time.perf_counter(), time.process_time()
        if profiler is not None:
            profiler.enable()
        report = ws.sync.push("TARI 2025", wait=True)
        total, total_cpu = time.perf_counter() - t, time.process_time() - c
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(args.profile)
        phases.restore()
        assert report.state == "ELABORATO" and report.accepted == args.rows, report.message
        tm = report.timings
        print(f"\npush of {args.rows:,} new debts (I): {total:.2f} s")
        for key, label in (("build", "build (plan, ZIP, record flow and rows)"),
                           ("upload", "upload (authorise + MyBox upload)"),
                           ("processing", "portal processing (polling until done)"),
                           ("apply", "apply (download, parse, write IUVs/states back)")):
            v = tm.get(key, 0.0)
            print(f"  {label:48} {v:7.2f} s  {v / total * 100:5.1f}%")
        other = total - sum(tm.values())
        print(f"  {'other (status, bookkeeping)':48} {other:7.2f} s  {other / total * 100:5.1f}%")
        print(f"baseline (bare protocol, same rows):            {base:7.2f} s  (of which portal processing "
              f"{base_processing:.2f} s: the polls come at most {ws.sync.poll_max:.0f} s apart, in both)")
        met = total / base <= TARGET_RATIO
        print(f"ratio push / baseline:                          {total / base:7.2f}x  (target <= {TARGET_RATIO}x: "
              f"{'OK' if met else 'MISSED'})")
        # The portal's processing swings by seconds from run to run (and the polls come up to poll_max apart):
        # what the app itself adds is the time outside it.
        own, base_own = total - tm.get("processing", 0.0), base - base_processing
        print(f"outside the portal's processing: push {own:.2f} s, baseline {base_own:.2f} s "
              f"(+{own - base_own:.2f} s of the app's own work)")
        print(f"client CPU time: push {total_cpu:.2f} s, baseline {base_cpu:.2f} s "
              f"({total_cpu / base_cpu:.2f}x); the push's, by step:")
        for label, v in phases.cpu.items():
            print(f"  {label:48} {v:7.2f} s")

        databases.settle(ws)
        t = time.perf_counter()
        none = ws.sync.push("TARI 2025")
        print(f"\nsecond push, nothing pending: {time.perf_counter() - t:.2f} s, flow sent: {none.flow}")
        assert none.flow is None

        ws.lists.update_debts({i: {"amount_cents": 12_345} for i in ids[:1000]})
        databases.settle(ws)
        t = time.perf_counter()
        m = ws.sync.push("TARI 2025")
        print(f"push of 1,000 edited debts (M): {time.perf_counter() - t:.2f} s "
              f"(actions {m.actions}, accepted {m.accepted})")
        assert m.actions == {"I": 0, "M": 1000, "A": 0} and m.accepted == 1000
        print(f"peak RSS of the app (this process): {peak_rss_mb():.0f} MB")
        print("load average: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()) + " (1, 5, 15 min)")
    finally:
        ws.close()
        for ipa, (proc, conn) in sandboxes.items():
            conn.send("stop")
            if conn.poll(30):
                print(f"peak RSS of the sandbox of {ipa} (its own process): {conn.recv():.0f} MB")
            proc.join(30)
        database.close()
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
