"""Benchmark: a city's TARI run, 100,000 single-payment notices (QR code + Poste Data Matrix), in one
PDF and in a ZIP of one PDF per debt; and notices in 3 instalments.

Targets (issue 16): at least 1,000 notices per second on 2 cores and a peak memory under 400 MB (the
RSS of the whole process tree, worker processes included), for the one PDF and for the ZIP.

Baseline, timed in the same run: the plain path (one reportlab document built in memory on one core,
the way notices were printed before), on the first ``--baseline-count`` debts; its memory grows with
the run, so it is printed per 1,000 notices too.

Each variant runs in a child process, the streamed ones through the installed command
(``mypay-desk notices print LIST -o OUT [--zip]``, debts read from the database), while this process
samples the RSS of the child and all its descendants every 50 ms. Times include starting the command
(about half a second). Then a
sample of pages of each output is rasterised with pypdfium2 and read back with zxing-cpp: every
symbol must carry exactly the payload of its debt, and the page text the debtor, amount and code.

    .venv/bin/python benchmarks/bench_notices.py [--count 100000] [--instalments 20000]
        [--baseline-count 10000] [--skip-zip]

The ZIP of 100,000 PDFs needs about 4 GB of temporary disk while it is checked (then removed). Each
line also prints the CPU time per notice of all the run's processes: on a busy machine the rate says
little, while 2 cores / CPU per notice is what two idle cores allow.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_RATE = 1000.0
TARGET_RSS_MB = 400.0
SINGLE, RATE = "TARI 2025", "TARI 2025 rate"
CF_ENTE = "01199250158"
ACCOUNT = "001234567890"


# --- data -----------------------------------------------------------------------------------------

def setup(ws, count: int, instalment_notices: int) -> None:
    from sqlalchemy import insert, select

    from mypay_desk.domain.codes import iuv17_for_ente
    from mypay_desk.domain.ente import DebtTypeData, EnteData
    from mypay_desk.store.models import Debt, DebtList

    ente = ws.ente.save(EnteData(
        ipa_code="C_BENCH", fiscal_code=CF_ENTE, name="Comune di Benchmark", sector="Servizio Tributi",
        info="Piazza del Comune 1, 20100 Milano", cbill="AAAAA", segregation_code="12",
        postal_account=ACCOUNT, postal_holder="Comune di Benchmark - Tesoreria",
        poste_authorization="AUT. DB/SSIC/E 0000 DEL 01/01/2024",
    ))
    ws.ente.save_type(DebtTypeData(code="TARI", description="Tassa rifiuti", taxonomy="9/0101108TS/",
                                   due_date_required=True, print_due_date=True))
    progressive = iter(range(1, 10**9))

    def debt(list_id: int, i: int, **extra) -> dict:
        iuv = iuv17_for_ente("12", next(progressive))
        row = dict(
            ente_id=ente.id, list_id=list_id, position=i, iud=f"TARI25-{list_id}-{i:07d}", iuv=iuv,
            notice_number="3" + iuv, debtor_type="F", debtor_code="RSSMRA80A01F205X",
            debtor_name=f"Cittadino Contribuente {i}", address="Via Giuseppe Garibaldi", civic=str(i % 200),
            postal_code="20100", city="Milano", province="MI", country="IT",
            due_date=date(2025, 3, 31) + timedelta(days=i % 30), amount_cents=5_000 + (i * 37) % 100_000,
            debt_type="TARI", causale=f"TARI 2025 - acconto, utenza domestica n. {i}",
            collection_data="9/0101108TS/", state="SUL_PORTALE", is_valid=True,
        )
        row.update(extra)
        return row

    with ws.db.session() as s:
        lists = {}
        for name in (SINGLE, RATE):
            dl = DebtList(ente_id=ente.id, name=name, default_debt_type="TARI")
            s.add(dl)
            s.flush()
            lists[name] = dl.id
        for start in range(0, count, 20_000):
            s.execute(insert(Debt), [debt(lists[SINGLE], i) for i in range(start, min(count, start + 20_000))])
        if instalment_notices:
            s.execute(insert(Debt), [debt(lists[RATE], i, amount_cents=3 * (2_000 + i % 5_000))
                                     for i in range(instalment_notices)])
        parents = s.execute(select(Debt.id, Debt.position, Debt.amount_cents, Debt.debtor_name, Debt.causale)
                            .where(Debt.list_id == lists[RATE]).order_by(Debt.position)).all()
        children = []
        for parent_id, pos, amount, name, causale in parents:
            for n in (1, 2, 3):
                children.append(debt(lists[RATE], pos, parent_id=parent_id, instalment_number=n,
                                     iud=f"TARI25-R-{pos:07d}-{n}", amount_cents=amount // 3, debtor_name=name,
                                     causale=causale, due_date=date(2025, 2 + 2 * n, 28)))
            if len(children) >= 30_000:
                s.execute(insert(Debt), children)
                children = []
        if children:
            s.execute(insert(Debt), children)


# --- one measured run, in a child process -----------------------------------------------------------

def child(args) -> int:
    """The baseline: the plain path on the first ``--n`` debts (the command line has no switch for it)."""
    from mypay_desk.services.workspace import Workspace
    from mypay_desk.store.repositories import notices as repo

    ws = Workspace.open(Path(args.ws))
    ente = ws.ente.require_current()
    with ws.db.session() as s:
        ids = repo.list_debt_ids(s, repo.find_list(s, ente.id, args.list)[0])[: args.n]
    result = ws.notices.print_notices(args.out, debt_ids=ids, zip=args.zip, plain=args.plain)
    ws.close()
    print(json.dumps(result.to_json()))
    return 0


def cli() -> list[str]:
    """The installed command, as an office runs it (its worker processes import what it imports)."""
    script = Path(sys.executable).with_name("mypay-desk")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "mypay_desk"]


def _tree_rss_kb(root: int) -> tuple[int, int]:
    """RSS of ``root`` and all its descendants, and of the largest of them (kB)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                stat = fh.read()
            fields = stat[stat.rindex(b")") + 2:].split()
            parents[int(entry.name)] = int(fields[1])
            rss[int(entry.name)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
        except (OSError, ValueError, IndexError):
            continue
    tree, frontier = {root}, [root]
    while frontier:
        p = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == p and pid not in tree:
                tree.add(pid)
                frontier.append(pid)
    return sum(rss.get(p, 0) for p in tree), max(rss.get(p, 0) for p in tree)


def measure(ws: Path, list_name: str, n: int, out: Path, *, zip_: bool = False, plain: bool = False) -> dict:
    """Run one print in a child process: wall time, CPU of the child and its workers, peak RSS."""
    if plain:
        cmd = [sys.executable, __file__, "--child", "--ws", str(ws), "--list", list_name, "--n", str(n),
               "--out", str(out), "--plain"] + (["--zip"] if zip_ else [])
    else:  # the whole list through `mypay-desk notices print`
        cmd = [*cli(), "--workspace", str(ws), "notices", "print", list_name, "-o", str(out), "--json"]
        cmd += ["--zip"] if zip_ else []
    import resource

    def cpu() -> float:  # children that have ended, with the workers they waited for
        r = resource.getrusage(resource.RUSAGE_CHILDREN)
        return r.ru_utime + r.ru_stime

    c0, t0 = cpu(), time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, cwd=ROOT)
    peak = [0, 0]

    def sample() -> None:
        while proc.poll() is None:
            total, largest = _tree_rss_kb(proc.pid)
            peak[0], peak[1] = max(peak[0], total), max(peak[1], largest)
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, _ = proc.communicate()
    elapsed, used = time.perf_counter() - t0, cpu() - c0
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"run failed: {' '.join(cmd)}")
    doc = json.loads(stdout.decode())
    doc.update(elapsed=elapsed, cpu=used, skipped=len(doc["skipped"]))
    doc["tree_peak_mb"], doc["process_peak_mb"] = peak[0] / 1024, peak[1] / 1024
    doc["size_mb"] = out.stat().st_size / 1e6
    doc["rate"] = doc["printed"] / doc["elapsed"]
    return doc


# --- reading the output back ------------------------------------------------------------------------

def expected(ws, list_name: str, positions: list[int]) -> dict[int, dict]:
    """For debts at ``positions``: their payloads and texts, computed from the database rows."""
    from sqlalchemy import select

    from mypay_desk.domain.notice import clip, poste_datamatrix_payload, qr_payload
    from mypay_desk.store.models import Debt, DebtList

    out = {}
    with ws.db.session() as s:
        list_id = s.scalar(select(DebtList.id).where(DebtList.name == list_name))
        rows = s.execute(select(Debt).where(Debt.list_id == list_id, Debt.position.in_(positions))
                         .order_by(Debt.position, Debt.instalment_number)).scalars().all()
        for d in rows:
            item = out.setdefault(d.position, {"options": [], "name": "", "iuv": ""})
            subject = clip(d.causale, 90)
            codes = [("QRCode", qr_payload(d.notice_number, CF_ENTE, d.amount_cents)),
                     ("DataMatrix", poste_datamatrix_payload(d.notice_number, ACCOUNT, d.amount_cents, CF_ENTE,
                                                             d.debtor_code, d.debtor_name, subject))]
            grouped = " ".join(d.notice_number[i:i + 4] for i in range(0, 18, 4))
            item["options"].append((codes, grouped, d.amount_cents))
            if d.parent_id is None:
                item.update(name=d.debtor_name, iuv=d.iuv)
    return out


def _read(page) -> tuple[str, list[tuple[str, str]]]:
    import zxingcpp

    text = page.get_textpage().get_text_range()
    image = page.render(scale=3, grayscale=True).to_pil()
    return text, sorted((r.format.name, r.text) for r in zxingcpp.read_barcodes(image))


def _amount(cents: int) -> str:
    from mypay_desk.domain.notice import format_notice_amount

    return format_notice_amount(cents)


def check_pages(pages: list[tuple[str, list]], item: dict, instalments: bool) -> None:
    """Page 1 (and the instalment page) of one notice against what its debts should show."""
    (codes, grouped, cents), *rates = item["options"]
    text, found = pages[0]
    assert found == sorted(codes), f"page 1 of {item['name']}: read {found}"
    for part in (item["name"], grouped, _amount(cents) + " Euro", CF_ENTE):
        assert part in text, f"{part!r} missing on page 1 of {item['name']}"
    if instalments:
        text, found = pages[1]
        assert found == sorted(c for codes, _, _ in rates for c in codes), f"rate of {item['name']}: {found}"
        for _, grouped, cents in rates:
            assert grouped in text and _amount(cents) in text, f"rate {grouped} of {item['name']}"


def verify_pdf(ws, path: Path, list_name: str, count: int, pages_per_notice: int, sample: int) -> int:
    import pypdfium2 as pdfium

    positions = sorted({0, count - 1, *(count * k // sample for k in range(sample))})
    want = expected(ws, list_name, positions)
    pdf = pdfium.PdfDocument(str(path))
    try:
        assert len(pdf) == count * pages_per_notice, f"{len(pdf)} pages, expected {count * pages_per_notice}"
        for pos in positions:
            first = pos * pages_per_notice
            check_pages([_read(pdf[first + k]) for k in range(pages_per_notice)], want[pos], pages_per_notice > 1)
    finally:
        pdf.close()
    return len(positions)


def verify_zip(ws, path: Path, list_name: str, count: int, sample: int) -> int:
    import zipfile

    import pypdfium2 as pdfium

    positions = sorted({0, count - 1, *(count * k // sample for k in range(sample))})
    want = expected(ws, list_name, positions)
    with zipfile.ZipFile(path) as zf:
        assert len(zf.namelist()) == count, f"{len(zf.namelist())} files, expected {count}"
        for pos in positions:
            pdf = pdfium.PdfDocument(zf.read(f"{want[pos]['iuv']}.pdf"))
            try:
                assert len(pdf) == 1
                check_pages([_read(pdf[0])], want[pos], False)
            finally:
                pdf.close()
    return len(positions)


# --- main -----------------------------------------------------------------------------------------

def _load() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=100_000, help="single-payment notices")
    ap.add_argument("--instalments", type=int, default=20_000, help="notices in 3 instalments")
    ap.add_argument("--baseline-count", type=int, default=10_000, help="notices printed by the plain path")
    ap.add_argument("--sample", type=int, default=12, help="notices read back from each output")
    ap.add_argument("--skip-zip", action="store_true")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--ws", help=argparse.SUPPRESS)
    ap.add_argument("--list", help=argparse.SUPPRESS)
    ap.add_argument("--n", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    ap.add_argument("--zip", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--plain", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(args)

    from mypay_desk.services.notice_work import worker_count
    from mypay_desk.services.workspace import Workspace

    print(f"load average at start (1/5/15 min): {_load()} on {os.cpu_count()} cores; "
          f"worker processes for {args.count}: {worker_count(args.count)}")
    runs: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="bench-notices-") as tmp:
        ws_path = Path(tmp) / "ws"
        ws = Workspace.open(ws_path)
        t0 = time.perf_counter()
        setup(ws, args.count, args.instalments)
        ws.close()
        print(f"setup: {args.count} + {args.instalments} x 3 rate debts in {time.perf_counter() - t0:.1f} s")
        plan = [("plain PDF (baseline)", SINGLE, args.baseline_count, False, True),
                ("streamed PDF", SINGLE, args.count, False, False)]
        if not args.skip_zip:
            plan.append(("ZIP of PDFs", SINGLE, args.count, True, False))
        if args.instalments:
            plan.append(("streamed PDF, 3 rate", RATE, args.instalments, False, False))
        for label, list_name, n, as_zip, plain in plan:
            out = Path(tmp) / (label.split()[0] + str(len(runs)) + (".zip" if as_zip else ".pdf"))
            doc = measure(ws_path, list_name, n, out, zip_=as_zip, plain=plain)
            assert doc["printed"] == n and doc["skipped"] == 0, doc
            ws = Workspace.open(ws_path)
            if as_zip:
                doc["verified"] = verify_zip(ws, out, list_name, n, args.sample)
            else:
                doc["verified"] = verify_pdf(ws, out, list_name, n, 2 if list_name == RATE else 1, args.sample)
            ws.close()
            out.unlink()
            runs[label] = doc
            print(f"{label:22} {n:>7} notices {doc['elapsed']:7.1f} s {doc['rate']:7.0f}/s  "
                  f"CPU {doc['cpu'] / n * 1000:.2f} ms/notice  peak RSS tree "
                  f"{doc['tree_peak_mb']:5.0f} MB (largest process {doc['process_peak_mb']:.0f} MB)  file "
                  f"{doc['size_mb']:7.1f} MB ({doc['size_mb'] * 1e6 / n / 1024:.1f} KB/notice)  "
                  f"{doc['pages']} pages; {doc['verified']} notices read back OK", flush=True)
    base = runs["plain PDF (baseline)"]
    ok = True
    for label, doc in runs.items():
        if label.startswith("plain"):
            continue
        ratio = doc["rate"] / base["rate"]
        target = label != "streamed PDF, 3 rate"
        passed = doc["rate"] >= TARGET_RATE and doc["tree_peak_mb"] < TARGET_RSS_MB
        ok = ok and (passed or not target)
        verdict = ("PASS" if passed else "FAIL") if target else "info"
        print(f"{verdict}: {label}: {doc['rate']:.0f} notices/s = {ratio:.2f}x the plain path, peak "
              f"{doc['tree_peak_mb']:.0f} MB (targets >= {TARGET_RATE:.0f}/s, < {TARGET_RSS_MB:.0f} MB)")
    print("CPU ms/notice counts every process of the run: on an idle machine the rate can reach about "
          f"{os.cpu_count()} cores / CPU per notice, whatever the load was here")
    print(f"load average at end (1/5/15 min): {_load()}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
