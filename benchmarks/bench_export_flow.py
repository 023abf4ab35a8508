"""Benchmark: exporting a 100,000-debt MyPay import flow (tracciato 1_4, ZIP) from a list.

Setup (not timed): a fresh workspace with an Ente and the TARI tipo dovuto, and a list of N valid
debts imported from an xlsx (all pending I).

Timed in the same run:
- ``ws.lists.export_flow(list, "1_4", folder)``: read the list, work out the pending I/M/A of every
  debt, re-check each row against the chosen tracciato, write the CSV and the ZIP
  ``<codIpa>-<IUF>-1_4.zip``;
- baseline: ``csv.writer`` writing the same rows (the flow's fields as ready strings) to a file, with
  nothing else (no database, no checks, no ZIP).
Each is run ``--repeat`` times and the best time is kept (the machine is shared).
Target: export under 2 s.

    .venv/bin/python benchmarks/bench_export_flow.py [--rows N] [--repeat R]
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_import_xlsx import write_xlsx  # noqa: E402

from mypay_desk.domain.ente import DebtTypeData, EnteData  # noqa: E402
from mypay_desk.services.workspace import Workspace  # noqa: E402

TARGET_S = 2.0


def best(fn, repeat: int):
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), result


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        xlsx = tmp_path / "tari.xlsx"
        write_xlsx(xlsx, args.rows)
        ws = Workspace.open(tmp_path / "ws")
        try:
            ws.ente.save(EnteData(ipa_code="C_BENCH", fiscal_code="01199250158", name="Comune di Prova",
                                  segregation_code="12"))
            ws.ente.save_type(DebtTypeData(code="TARI", description="TARI", taxonomy="9/0101108TS/",
                                           due_date_required=True))
            report = ws.lists.import_file(xlsx, "TARI 2025", "TARI")
            assert report.valid == args.rows, report.to_dict()["errors"][:3]
            out = tmp_path / "out"
            out.mkdir()
            counter = iter(range(1_000_000))

            def export():
                return ws.lists.export_flow("TARI 2025", "1_4", out, iuf=f"BENCH{next(counter)}")

            exp_t, exp = best(export, args.repeat)
            with zipfile.ZipFile(exp.path) as zf:
                text = zf.read(zf.namelist()[0]).decode("utf-8")
            rows = [line.split(";") for line in text.splitlines()]

            def plain_csv():
                with open(tmp_path / "plain.csv", "w", newline="", encoding="utf-8") as fh:
                    w = csv.writer(fh, delimiter=";", lineterminator="\n")
                    w.writerows(rows)

            base_t, _ = best(plain_csv, args.repeat)
        finally:
            ws.close()
    size = len(text.encode("utf-8"))
    print(f"debts: {args.rows:,}; flow {exp.file_name}: {exp.rows:,} rows (I {exp.actions['I']:,}), "
          f"CSV {size / 1e6:.1f} MB")
    print(f"export_flow (DB read, pending I/M/A, checks, CSV, ZIP): {exp_t:.3f} s (target < {TARGET_S:.1f} s) -> "
          f"{'OK' if exp_t < TARGET_S else 'MISSED'}")
    print(f"baseline csv.writer of the same rows:                  {base_t:.3f} s  (ratio {exp_t / base_t:.1f}x)")
    return 0 if exp_t < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
