"""Benchmark: 10,000 single-payment notices (QR code + Poste Data Matrix) into one PDF.

Targets (issue 7): at least 300 notices per second, and the barcodes cost at most 25% more than the
same layout with blank boxes. Both variants run here, end to end through NoticeService (debts read
from the database, laid out, written to one PDF), in the same run; then the barcodes of a sample of
pages are read back with zxing-cpp to make sure the fast path draws real, correct symbols.

How the time splits: the layout runs in this process; the barcodes (zxing-cpp encoding, paths,
compression) run in a worker process on the second core, so on an otherwise idle 2-core machine the
barcodes cost little wall time. When other programs keep the cores busy there is no second core to
use, and the ratio tends to the CPU ratio (printed below as "CPU of the last runs").

    .venv/bin/python benchmarks/bench_notices.py [--count 10000] [--repeat 2]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_RATE = 300.0
TARGET_RATIO = 1.25


def setup(ws, count: int) -> str:
    from sqlalchemy import insert

    from mypay_desk.domain.codes import iuv17_for_ente
    from mypay_desk.domain.ente import DebtTypeData, EnteData
    from mypay_desk.store.models import Debt, DebtList

    ente = ws.ente.save(EnteData(
        ipa_code="C_BENCH", fiscal_code="01199250158", name="Comune di Benchmark", sector="Servizio Tributi",
        info="Piazza del Comune 1, 20100 Milano", cbill="AAAAA", segregation_code="12",
        postal_account="001234567890", postal_holder="Comune di Benchmark - Tesoreria",
        poste_authorization="AUT. DB/SSIC/E 0000 DEL 01/01/2024",
    ))
    ws.ente.save_type(DebtTypeData(code="TARI", description="Tassa rifiuti", taxonomy="9/0101108TS/",
                                   due_date_required=True, print_due_date=True))
    with ws.db.session() as s:
        dl = DebtList(ente_id=ente.id, name="TARI 2025", default_debt_type="TARI")
        s.add(dl)
        s.flush()
        rows = []
        for i in range(count):
            iuv = iuv17_for_ente("12", i + 1)
            rows.append(dict(
                ente_id=ente.id, list_id=dl.id, position=i, iud=f"TARI25-{i:07d}", iuv=iuv,
                notice_number="3" + iuv, debtor_type="F", debtor_code="RSSMRA80A01F205X",
                debtor_name=f"Cittadino Contribuente {i}", address="Via Giuseppe Garibaldi", civic=str(i % 200),
                postal_code="20100", city="Milano", province="MI", country="IT",
                due_date=date(2025, 3, 31) + timedelta(days=i % 30), amount_cents=5_000 + (i * 37) % 100_000,
                debt_type="TARI", causale=f"TARI 2025 - acconto, utenza domestica n. {i}",
                collection_data="9/0101108TS/", state="SUL_PORTALE", is_valid=True,
            ))
        s.execute(insert(Debt), rows)
    return "TARI 2025"


def _cpu() -> tuple[float, float]:
    import resource

    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)  # worker processes, once they have exited
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def run(ws, list_name: str, out: Path, barcodes: bool) -> tuple[float, int, float, float]:
    """(wall seconds, notices printed, CPU seconds of this process, CPU seconds of the workers)."""
    cpu0, kids0 = _cpu()
    t0 = time.perf_counter()
    result = ws.notices.print_notices(out, list_name=list_name, barcodes=barcodes)
    elapsed = time.perf_counter() - t0
    cpu1, kids1 = _cpu()
    return elapsed, result.printed, cpu1 - cpu0, kids1 - kids0


def verify(path: Path, ws, count: int, sample: int = 5) -> None:
    import pypdfium2 as pdfium
    import zxingcpp

    pdf = pdfium.PdfDocument(str(path))
    assert len(pdf) == count, f"{len(pdf)} pages, expected {count}"
    for index in [0, count // 3, count // 2, count - 2, count - 1][:sample]:
        image = pdf[index].render(scale=3, grayscale=True).to_pil()
        kinds = sorted(r.format.name for r in zxingcpp.read_barcodes(image))
        assert kinds == ["DataMatrix", "QRCode"], f"page {index + 1}: read {kinds}"
    pdf.close()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=2, help="runs per variant; the best is kept")
    args = ap.parse_args()

    from mypay_desk.services.notice_barcodes import worker_count
    from mypay_desk.services.workspace import Workspace

    with tempfile.TemporaryDirectory(prefix="bench-notices-") as tmp:
        ws = Workspace.open(Path(tmp) / "ws")
        list_name = setup(ws, args.count)
        print(f"{args.count} single-payment notices, barcode worker processes: {worker_count(args.count)}")
        blank_times, bc_times, cpu = [], [], {}
        for _ in range(args.repeat):  # alternate, so background load hits both variants alike
            t, n, c_main, _ = run(ws, list_name, Path(tmp) / "blank.pdf", barcodes=False)
            blank_times.append(t)
            cpu["blank"] = (c_main, 0.0)
            t, n2, c_main, c_kids = run(ws, list_name, Path(tmp) / "barcodes.pdf", barcodes=True)
            bc_times.append(t)
            cpu["barcodes"] = (c_main, c_kids)
            assert n == n2 == args.count, (n, n2)
        verify(Path(tmp) / "barcodes.pdf", ws, args.count)
        blank, bc = min(blank_times), min(bc_times)
        size_mb = (Path(tmp) / "barcodes.pdf").stat().st_size / 1e6
        ws.close()
    rate = args.count / bc
    ratio = bc / blank
    print(f"blank boxes  : {blank:7.2f} s  {args.count / blank:7.0f} notices/s  (runs: "
          + ", ".join(f"{t:.2f}" for t in blank_times) + ")")
    print(f"QR + DataMatrix: {bc:5.2f} s  {rate:7.0f} notices/s  (runs: "
          + ", ".join(f"{t:.2f}" for t in bc_times) + f")  PDF {size_mb:.1f} MB")
    print(f"ratio barcodes / blank: {ratio:.3f}  (target <= {TARGET_RATIO})")
    print(f"CPU of the last runs: blank {cpu['blank'][0]:.2f} s; barcodes {cpu['barcodes'][0]:.2f} s here + "
          f"{cpu['barcodes'][1]:.2f} s in workers; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    import resource

    print(f"peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    ok = rate >= TARGET_RATE and ratio <= TARGET_RATIO
    print(f"{'PASS' if ok else 'FAIL'}: rate {rate:.0f}/s (target >= {TARGET_RATE:.0f}), ratio {ratio:.3f}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
