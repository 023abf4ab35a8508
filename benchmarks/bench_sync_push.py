"""Benchmark: pushing a 100,000-debt list to the sandbox portal end to end, and where the time goes.

Setup (not timed): a fresh workspace with an Ente and the TARI tipo dovuto, a list of N valid debts
(distinct codici fiscali, flagGeneraIuv so the portal generates every IUV), and the embedded sandbox
on 127.0.0.1 with the Ente provisioned twice (one code for the push, one for the baseline).

Timed in the same run:
- baseline: the bare protocol with the same rows and no bookkeeping: write the flow ZIP, authorise,
  upload, poll until the portal has processed it, download and parse the outcome files;
- ``ws.sync.push(name, wait=True)``: plan the pending I/M/A from the database, record the flow and
  its rows before talking to the portal, the same exchanges, then apply the outcome to every debt
  (IUV, numero avviso, state, portal hash) and the flow rows.
The push report's timings say where the time goes: build (plan + ZIP + recording), upload
(authorise + upload), portal processing (polling until done), apply (download, parse, write back).
Then a second push with nothing pending (it must send nothing) and one with 1,000 edited debts.
Target: push / bare protocol <= 1.3x. Peak RSS (the sandbox runs in this process too) and the load
average are printed.

    .venv/bin/python benchmarks/bench_sync_push.py [--rows N]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("MYPAY_DESK_KEYRING", "file")  # a throw-away workspace: never the user's keyring

from mypay_desk.domain.debts import DebtRecord  # noqa: E402
from mypay_desk.domain.ente import DebtTypeData, EnteData  # noqa: E402
from mypay_desk.formats import import_flow  # noqa: E402
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


def baseline(server: SimulatorServer, ws: Workspace, recs: list[DebtRecord]) -> float:
    """The same exchanges with the bare client: no planning, no recording, no applying."""
    ente = ws.ente.get("C_BASE")
    t0 = time.perf_counter()
    file_name, data = import_flow.write_flow_zip([replace(r, action="I") for r in recs], "C_BASE", "BASELINE1",
                                                 "1_4")
    with ws.portal.client(ente) as c:
        auth = c.autorizza_import_flusso()
        c.upload_flow(auth, file_name, data)
        pause = 0.1
        while True:
            st = c.chiedi_stato_import_flusso(auth.request_token)
            if not st.running:
                break
            c.pause(pause)
            pause = min(2.0, pause * 1.5)
        assert st.done, st.state
        if st.url_scarti:
            import_flow.read_rejections(c.download(st.url_scarti, "scarti"), name="x_SCARTI.zip")
        _v, back, _e = import_flow.read_flow(c.download(st.url_iuv, "IUV"), name=file_name[:-4] + "_IUV.zip")
        assert len(back) == len(recs)
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=100_000)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    ws = Workspace.open(tmp / "ws")
    server = SimulatorServer(tmp / "sandbox", processing_delay=0.05)
    url = server.start()
    try:
        for ipa in ("C_BASE", "C_BENCH"):
            ws.ente.save(EnteData(ipa_code=ipa, fiscal_code="01199250158", name=f"Comune {ipa}",
                                  segregation_code="12", portal_url=url), make_current=True)
            ws.ente.save_type(DebtTypeData(code="TARI", description="TARI", taxonomy="9/0101101IM/",
                                           due_date_required=True))
            ws.portal.set_password(ipa, PASSWORD)
            server.add_ente(ipa, "01199250158", PASSWORD, ["TARI:scadenza"], segregation_code="12")
        ws.sync.poll_initial, ws.sync.poll_max = 0.1, 2.0

        t = time.perf_counter()
        recs = records(args.rows)
        ws.lists.create_list("TARI 2025", default_debt_type="TARI")
        ids = ws.lists.add_debts("TARI 2025", recs)
        print(f"setup: {args.rows:,} debts created in {time.perf_counter() - t:.1f} s (not timed below)")

        base = baseline(server, ws, recs)

        t = time.perf_counter()
        report = ws.sync.push("TARI 2025", wait=True)
        total = time.perf_counter() - t
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
        print(f"baseline (bare protocol, same rows):            {base:7.2f} s")
        print(f"ratio push / baseline:                          {total / base:7.2f}x  (target <= {TARGET_RATIO}x: "
              f"{'OK' if total / base <= TARGET_RATIO else 'MISSED'})")

        t = time.perf_counter()
        none = ws.sync.push("TARI 2025")
        print(f"\nsecond push, nothing pending: {time.perf_counter() - t:.2f} s, flow sent: {none.flow}")
        assert none.flow is None

        ws.lists.update_debts({i: {"amount_cents": 12_345} for i in ids[:1000]})
        t = time.perf_counter()
        m = ws.sync.push("TARI 2025")
        print(f"push of 1,000 edited debts (M): {time.perf_counter() - t:.2f} s "
              f"(actions {m.actions}, accepted {m.accepted})")
        assert m.actions == {"I": 0, "M": 1000, "A": 0} and m.accepted == 1000
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
        print(f"peak RSS (app and sandbox): {peak:.0f} MB")
        print("load average: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()) + " (1, 5, 15 min)")
    finally:
        server.stop()
        ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
