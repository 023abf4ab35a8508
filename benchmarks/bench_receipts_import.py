"""Benchmark: ingest a 100,000-row MyPay receipt export (tracciato 1.3).

Prints the time of ``ReceiptService.import_file`` (read the ZIP, check every row, dedupe, match
against the Ente's debts, store, mark debts paid) next to the time Python's csv module needs just
to parse the same CSV, measured in the same run. Targets: import under 2 s, at most 5x the parse.
Peak RSS and the load average of the machine are printed too (on SQLite a writer thread stores each
batch while the next one is read: a busy machine shows in the wall time).

By default the export has no receipt block (what paaSILPrenotaExportFlusso returns, 57 MB of CSV
for 100,000 rows). ``--with-receipt`` adds the block with a base64 receipt XML per row (what the
incremental download asks for; 250 MB of CSV, every receipt XML is checked and stored): slower,
and reported separately.

The CPU time is split by thread: the importing thread (read, check, build, stage each batch) and
the rest (on SQLite, the writer thread: match, insert, paid state, commit).

Half of the receipts belong to local debts (so matching and the paid state are exercised), the
other half are spontaneous payments. Wall and CPU time are both printed: on a busy machine the
wall time says more about the neighbours than about this code.

    .venv/bin/python benchmarks/bench_receipts_import.py [--rows N] [--with-receipt]
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import resource
import sys
import tempfile
import time
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.databases import settle  # noqa: E402
from mypay_desk.domain.ente import DebtTypeData, EnteData  # noqa: E402
from mypay_desk.formats import receipt_export as rx  # noqa: E402
from mypay_desk.formats.receipt_xml import ReceiptData, TransferData, write_receipt_xml  # noqa: E402
from mypay_desk.services.workspace import Workspace  # noqa: E402

CF = "01199250158"
TARGET_S = 2.0
TARGET_RATIO = 5.0


def make_rows(n: int, with_receipt: bool) -> list[rx.ReceiptRow]:
    start = datetime(2025, 1, 1, 8, 0, 0)
    rows = []
    for i in range(n):
        iuv = f"12{i:015d}"
        cents = 1000 + (i % 5000) * 7
        amount = f"{cents // 100}.{cents % 100:02d}"
        when = start + timedelta(minutes=7 * i)
        xml = b""
        if with_receipt:
            xml = write_receipt_xml(ReceiptData(
                receipt_id=f"RCPT{i:010d}", notice_number="3" + iuv, fiscal_code=CF, iuv=iuv, amount_cents=cents,
                description=f"TARI 2025 avviso {i}", company_name="Comune di Prova", debtor_type="F",
                debtor_code="RSSMRA80A01F205X", debtor_name=f"Debitore {i}",
                transfers=[TransferData(cents, CF, "IT60X0542811101000000123456", "TARI 2025", "9/0101108TS/")],
                psp_id="BCITITMM", psp_name="Intesa Sanpaolo", fee_cents=150, payment_datetime=when,
                application_date=when.date()))
        rows.append(rx.ReceiptRow(
            iuf="EXP-BENCH", numRigaFlusso=str(i + 1), codIud=f"IUD{i:08d}", codIuv=iuv, versioneOggetto="6.2.0",
            identificativoDominio=CF, identificativoStazioneRichiedente=f"{CF}_01",
            identificativoMessaggioRicevuta=f"RCPT{i:010d}", dataOraMessaggioRicevuta=when.strftime("%Y-%m-%dT%H:%M:%S"),
            riferimentoMessaggioRichiesta=f"RPT{i}", riferimentoDataRichiesta=when.strftime("%Y-%m-%d"),
            tipoIdentificativoUnivoco="B", codiceIdentificativoUnivoco="BCITITMM",
            denominazioneAttestante="Intesa Sanpaolo", enteBenefTipoIdentificativoUnivoco="G",
            enteBenefCodiceIdentificativoUnivoco=CF, denominazioneBeneficiario="Comune di Prova",
            soggPagTipoIdentificativoUnivoco="F", soggPagCodiceIdentificativoUnivoco="RSSMRA80A01F205X",
            anagraficaPagatore=f"Debitore {i}", indirizzoPagatore="Via Roma", civicoPagatore="1",
            capPagatore="20100", localitaPagatore="Milano", provinciaPagatore="MI", nazionePagatore="IT",
            emailPagatore=f"d{i}@example.org", codiceEsitoPagamento="0", importoTotalePagato=amount,
            identificativoUnivocoVersamento=iuv, codiceContestoPagamento="n/a", singoloImportoPagato=amount,
            esitoSingoloPagamento="ESEGUITO", dataEsitoSingoloPagamento=when.strftime("%Y-%m-%d"),
            identificativoUnivocoRiscoss=f"IUR{i}", causaleVersamento=f"/RFB/{iuv}/{amount}/TXT/TARI 2025",
            datiSpecificiRiscossione="9/0101108TS/", tipoDovuto="TARI", tipoFirma="",
            indiceDatiSingoloPagamento="1", numRtDatiPagDatiSingPagCommissioniApplicatePsp="1.50", rt_xml=xml,
        ))
    return rows


def add_debts(ws: Workspace, ente_id: int, n: int) -> None:
    """Local debts for every other receipt (bulk, straight into the store)."""
    from sqlalchemy import insert

    from mypay_desk.store.models import Debt, DebtList

    with ws.db.session() as s:
        lst = DebtList(ente_id=ente_id, name="TARI 2025")
        s.add(lst)
        s.flush()
        s.execute(insert(Debt.__table__), [
            {"ente_id": ente_id, "list_id": lst.id, "position": i, "iud": f"IUD{i:08d}", "iuv": f"12{i:015d}",
             "amount_cents": 1000 + (i % 5000) * 7, "state": "SUL_PORTALE", "debt_type": "TARI",
             "debtor_name": f"Debitore {i}"}
            for i in range(0, n, 2)])


def run_once(tmp: Path, zip_path: Path, csv_path: Path, rows: int, run: int) -> dict:
    # Baseline: the csv module only parsing the same file (no decoding of values, no storage).
    t0, c0 = time.perf_counter(), time.process_time()
    with csv_path.open(newline="", encoding="utf-8") as fh:
        n_parsed = sum(1 for _ in csv.reader(fh, delimiter=";")) - 1
    out = {"parse": time.perf_counter() - t0, "parse_cpu": time.process_time() - c0, "parsed": n_parsed}

    ws = Workspace.open(tmp / f"ws{run}")
    ente = ws.ente.save(EnteData(ipa_code="C_TEST", fiscal_code=CF, name="Comune di Prova", segregation_code="12"))
    ws.ente.save_type(DebtTypeData(code="TARI", description="Tassa rifiuti", taxonomy="9/0101108TS/"))
    add_debts(ws, ente.id, rows)
    settle(ws)
    t0, c0, m0 = time.perf_counter(), time.process_time(), time.thread_time()
    report = ws.receipts.import_file(zip_path, ente_id=ente.id)
    out.update(imp=time.perf_counter() - t0, imp_cpu=time.process_time() - c0, report=report,
               imp_main_cpu=time.thread_time() - m0)  # the importing thread; the rest is SQLite's writer thread
    settle(ws)
    t0 = time.perf_counter()
    out["again_report"] = ws.receipts.import_file(zip_path, ente_id=ente.id)
    out["again"] = time.perf_counter() - t0
    ws.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--with-receipt", action="store_true", help="export with the receipt block (rt)")
    ap.add_argument("--repeat", type=int, default=3, help="runs on fresh databases; the best one is reported")
    args = ap.parse_args()
    with_receipt = args.with_receipt
    print(f"building a {args.rows}-row export (1.3, {'with' if with_receipt else 'without'} receipts)...")
    name, payload = rx.write_export_zip(make_rows(args.rows, with_receipt), "1.3", with_receipt,
                                        export_id="1", when=datetime(2025, 6, 1), ipa_code="C_TEST")
    with zipfile.ZipFile(io.BytesIO(payload)) as zf:
        csv_bytes = zf.read(zf.namelist()[0])
    print(f"  CSV {len(csv_bytes) / 1e6:.1f} MB, ZIP {len(payload) / 1e6:.1f} MB")

    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = Path(tmp) / name.replace(".zip", ".csv")
        csv_path.write_bytes(csv_bytes)
        zip_path = Path(tmp) / name
        zip_path.write_bytes(payload)
        for i in range(max(1, args.repeat)):
            r = run_once(Path(tmp), zip_path, csv_path, args.rows, i)
            rep, again = r["report"], r["again_report"]
            assert r["parsed"] == args.rows, r["parsed"]
            assert rep.new == args.rows and not rep.errors, rep.to_json()
            assert rep.matched == (args.rows + 1) // 2 and again.new == 0
            print(f"  run {i + 1}: parse {r['parse']:.3f} s, import {r['imp']:.3f} s (CPU {r['imp_cpu']:.3f} s, "
                  f"importing thread {r['imp_main_cpu']:.3f} s)")
            runs.append(r)
    # Best of N for both figures: on a shared machine the neighbours only ever add time.
    best = min(runs, key=lambda r: r["imp"])
    parse = min(r["parse"] for r in runs)
    parse_cpu = min(r["parse_cpu"] for r in runs)
    rep = best["report"]
    print(f"csv module parse only : {parse:7.3f} s  (CPU {parse_cpu:.3f} s, {args.rows} rows)")
    print(f"receipts import       : {best['imp']:7.3f} s  (CPU {best['imp_cpu']:.3f} s; {rep.new} new, "
          f"{rep.matched} matched, {rep.debts_paid} debts paid)")
    print(f"  CPU by thread       : importing {best['imp_main_cpu']:.3f} s (read, check, build, stage), "
          f"others {best['imp_cpu'] - best['imp_main_cpu']:.3f} s (SQLite's writer: match, insert, paid state)")
    print(f"ratio import / parse  : {best['imp'] / parse:7.1f} x  (CPU {best['imp_cpu'] / parse_cpu:.1f} x)")
    print(f"same file again       : {best['again']:7.3f} s  ({best['again_report'].new} new)")
    ratio = best["imp"] / parse
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    print(f"peak RSS              : {peak:7.0f} MB")
    print("load average          : " + ", ".join(f"{x:.2f}" for x in os.getloadavg()) + " (1, 5, 15 min)")
    print(f"target                : < {TARGET_S:.1f} s -> {'OK' if best['imp'] < TARGET_S else 'MISSED'}; "
          f"ratio <= {TARGET_RATIO:.0f}x -> {'OK' if ratio <= TARGET_RATIO else 'MISSED'}")
    return 0 if best["imp"] < TARGET_S and ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
