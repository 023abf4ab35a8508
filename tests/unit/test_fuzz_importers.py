"""Fuzz test of every importer through the real CLI (issue 14): mutated files of every kind must end
with exit status 0 or 1, no exception escaping ``main`` (a traceback for a user), a short stderr, and
the rows saved before unchanged.

The mutator is seeded: the suite runs the same cases every time (a few seconds per importer). A longer
campaign: ``MYPAY_FUZZ_CASES=2000 MYPAY_FUZZ_SEED=7 pytest tests/unit/test_fuzz_importers.py``; a failing
case is kept in the test's temporary folder and named in the failure.
"""

from __future__ import annotations

import os
import random
import traceback

import pytest

from tests.unit.hostile_support import (
    bank_csv,
    fdr_xml,
    fdr_zip,
    flow_zip,
    list_csv,
    list_ods,
    list_xlsx,
    mutate,
    mutate_receipt_with_rt,
    mutate_xml,
    mutate_zip,
    opi_xml,
    receipts_csv,
    receipts_zip,
    run_cli,
    saved_rows,
)

CASES = int(os.environ.get("MYPAY_FUZZ_CASES", "25"))
SEED = int(os.environ.get("MYPAY_FUZZ_SEED", "14"))
MAX_STDERR = 20_000  # a successful lists import lists at most 50 errors, each quoting short excerpts
SAVED = ("debt_list", "debt", "receipt", "fdr_flow", "fdr_line", "treasury_movement")


def _flow_csv() -> bytes:
    import io
    import zipfile

    _name, data = flow_zip()
    z = zipfile.ZipFile(io.BytesIO(data))
    return z.read(z.namelist()[0])


# kind: (command, file name, valid sample, mutator)
IMPORTERS = {
    "lists-csv": ("lists", "tari.csv", list_csv, mutate),
    "lists-xlsx": ("lists", "tari.xlsx", list_xlsx, lambda d, r: mutate_zip(
        d, ("sheet1.xml", "sheet1.xml", "workbook.xml", "workbook.xml.rels", "styles.xml"), r)),
    "lists-ods": ("lists", "tari.ods", list_ods, lambda d, r: mutate_zip(d, ("content.xml", "manifest.xml"), r)),
    "lists-flow-zip": ("lists", "C_TEST-IUF1-1_4.zip", lambda: flow_zip()[1], lambda d, r: mutate_zip(d, ".csv", r)),
    "lists-flow-csv": ("lists", "C_TEST-IUF2-1_4.csv", _flow_csv, mutate),
    "receipts-zip": ("receipts", "export.zip", lambda: receipts_zip()[1], lambda d, r: mutate_zip(d, ".csv", r)),
    "receipts-csv": ("receipts", "export.csv", receipts_csv, mutate),
    "receipts-rt": ("receipts", "export-rt.csv", lambda: b"", lambda _d, r: mutate_receipt_with_rt(r)),
    "fdr-xml": ("reconcile", "fdr.xml", fdr_xml, mutate_xml),
    "fdr-zip": ("reconcile", "fdr.zip", fdr_zip, lambda d, r: mutate_zip(d, ".xml", r)),
    "opi-xml": ("reconcile", "gdc.xml", opi_xml, mutate_xml),
    "bank-csv": ("reconcile", "banca.csv", bank_csv, mutate),
}


@pytest.fixture
def saved_workspace(workspace, ente, tmp_path, capsys):
    """A workspace holding a list, receipts, an FdR flow and a treasury credit with identifiers no
    mutation of the samples produces; returns it with the largest id of each saved table."""
    from mypay_desk.formats import receipt_export as rx
    from tests.unit.hostile_support import LIST_HEADER, receipt_row

    ws = workspace.path
    (tmp_path / "s.csv").write_bytes((LIST_HEADER + "SAVED-1;RSSMRA85T10A562S;BIANCHI;7,00;30/06/2026;T\n").encode())
    assert run_cli(ws, "lists", "import", str(tmp_path / "s.csv"), "--list", "Salvata", "--type", "TARI",
                   capsys=capsys)[0] == 0
    (tmp_path / "s-exp.csv").write_bytes(rx.write_export_csv(
        [receipt_row(900, codIud="SAVED-R", identificativoMessaggioRicevuta="SAVEDMSG")], "1.3", True))
    assert run_cli(ws, "receipts", "import", str(tmp_path / "s-exp.csv"), capsys=capsys)[0] == 0
    (tmp_path / "s-fdr.xml").write_bytes(fdr_xml(flow_id="2023-01-01SAVED-1"))
    assert run_cli(ws, "reconcile", "import", str(tmp_path / "s-fdr.xml"), capsys=capsys)[0] == 0
    (tmp_path / "s-opi.xml").write_bytes(opi_xml(amount="77.00"))
    assert run_cli(ws, "reconcile", "import", str(tmp_path / "s-opi.xml"), capsys=capsys)[0] == 0
    return workspace


@pytest.mark.parametrize("kind", sorted(IMPORTERS))
def test_mutated_files_never_crash_an_importer(saved_workspace, tmp_path, capsys, kind):
    command, name, sample, mutator = IMPORTERS[kind]
    ws = saved_workspace
    before = {t: saved_rows(ws, t, 10 ** 9) for t in SAVED}
    max_ids = {t: max((r[0] for r in rows), default=0) for t, rows in before.items()}
    rng = random.Random(f"{SEED}-{kind}")
    base = sample()
    outcomes = {0: 0, 1: 0}
    for case in range(CASES):
        data = mutator(base, rng)
        path = tmp_path / f"{case:04d}-{name}"
        path.write_bytes(data)
        args = {"lists": ("lists", "import", str(path), "--list", "Fuzz", "--type", "TARI"),
                "receipts": ("receipts", "import", str(path)),
                "reconcile": ("reconcile", "import", str(path))}[command]
        try:
            code, _out, err = run_cli(ws, *args, capsys=capsys)
        except BaseException:  # noqa: BLE001 - an exception escaping main() is the failure we look for
            pytest.fail(f"{kind} case {case} (seed {SEED}, file {path}) raised:\n{traceback.format_exc()}")
        assert code in (0, 1), f"{kind} case {case} ({path}): exit {code}\n{err[:2000]}"
        assert "Traceback" not in err, f"{kind} case {case} ({path}):\n{err[:2000]}"
        assert len(err) <= MAX_STDERR, f"{kind} case {case} ({path}): {len(err)} characters on stderr"
        if code == 1:
            assert err.startswith("errore") or "righe rifiutate" in err, err[:500]
        outcomes[code] += 1
        for table in SAVED:  # what was saved before is still there, unchanged
            assert saved_rows(ws, table, max_ids[table]) == before[table], f"{kind} case {case} ({path}): {table}"
        path.unlink()
    print(f"{kind}: {outcomes}")
    assert outcomes[1] > 0  # the mutations do reach the error paths
