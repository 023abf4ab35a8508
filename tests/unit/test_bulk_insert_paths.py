"""The bulk insert of debts takes a fast path for many rows (SQLite: a staging table; PostgreSQL: COPY into a
staging table, then INSERT ... SELECT); it must store exactly what the plain path stores."""

from __future__ import annotations

from datetime import date

from mypay_desk.domain.debts import DebtRecord
from mypay_desk.store.repositories import debts as repo

FAST = repo.STAGE_MIN_ROWS + 10


def records(n: int, prefix: str) -> list[DebtRecord]:
    out = []
    for i in range(n):
        out.append(DebtRecord(
            iud=f"{prefix}-{i:05d}", debtor_type="F" if i % 7 else "G", debtor_code="RSSMRA85T10A562S",
            debtor_name=f"ROSSI MARIO {i} «àèìòù» 'quote' \\ back", address="VIA ROMA" if i % 2 else "",
            amount_cents=1_000 + i, pa_fee_cents=None if i % 3 else 150, due_date=date(2030, 1, 1 + i % 28),
            debt_type="TARI", causale=f"TARI {i}\tcon tab", generate_iuv=bool(i % 2), multi_beneficiary=False,
            email="" if i % 5 else f"utente{i}@example.it", sec_amount_cents=None))
    return out


def stored(ws, list_name: str) -> list[dict]:
    with ws.db.session() as s:
        lst = repo.get_list(s, ws.ente.require_current().id, list_name)
        rows = repo.debts_of_list(s, lst.id)
    drop = {"id", "list_id", "created_at", "updated_at", "errors_json"}
    return [{k: v for k, v in r.items() if k not in drop} for r in rows]


def test_the_fast_path_stores_what_the_plain_path_stores(workspace, ente):
    lists = workspace.lists
    lists.create_list("FAST", default_debt_type="TARI")
    lists.create_list("PLAIN", default_debt_type="TARI")
    lists.add_debts("FAST", records(FAST, "F"))
    plain = records(FAST, "P")
    for start in range(0, FAST, repo.STAGE_MIN_ROWS // 2):  # chunks below the threshold: the plain path
        lists.add_debts("PLAIN", plain[start:start + repo.STAGE_MIN_ROWS // 2])
    fast_rows, plain_rows = stored(workspace, "FAST"), stored(workspace, "PLAIN")
    assert len(fast_rows) == len(plain_rows) == FAST
    for f, p in zip(fast_rows, plain_rows, strict=True):
        assert f["iud"][1:] == p["iud"][1:]
        f.pop("iud"), p.pop("iud")
        assert f == p
    assert [r["position"] for r in fast_rows] == list(range(FAST))  # file order kept
    assert fast_rows[3]["pa_fee_cents"] == 150 and fast_rows[1]["pa_fee_cents"] is None
    assert fast_rows[0]["version"] == 1


def test_receipts_through_the_fast_path_are_stored_as_through_the_plain_path(workspace, ente, tmp_path,
                                                                           monkeypatch):
    """PostgreSQL: COPY into a staging table then INSERT ... SELECT ... ON CONFLICT (and a second import of
    the same rows adds nothing); SQLite: its own path. Compared with the plain executemany."""
    from datetime import datetime as dt

    from benchmarks.bench_receipts_import import make_rows  # (the benchmark's export: 1.3, matched halves)
    from mypay_desk.formats import receipt_export as rx
    from mypay_desk.store.repositories import receipts as receipts_repo

    n = receipts_repo.COPY_MIN_ROWS + 50
    name, payload = rx.write_export_zip(make_rows(n, False), "1.3", False, export_id="1", when=dt(2025, 6, 1),
                                        ipa_code=ente.ipa_code)
    path = tmp_path / name
    path.write_bytes(payload)
    fast = workspace.receipts.import_file(path, ente_id=ente.id)
    assert fast.new == n and workspace.receipts.import_file(path, ente_id=ente.id).new == 0
    with workspace.db.session() as s:
        stored_fast = s.connection().exec_driver_sql(
            "SELECT iud, iuv, amount_cents, receipt_datetime, outcome_date, psp_name, payer_name FROM receipt "
            "ORDER BY id").all()
        s.connection().exec_driver_sql("DELETE FROM receipt")
        s.connection().exec_driver_sql("DELETE FROM imported_file")
    monkeypatch.setattr(receipts_repo, "COPY_MIN_ROWS", 10**9)
    plain = workspace.receipts.import_file(path, ente_id=ente.id)
    assert plain.new == n
    with workspace.db.session() as s:
        stored_plain = s.connection().exec_driver_sql(
            "SELECT iud, iuv, amount_cents, receipt_datetime, outcome_date, psp_name, payer_name FROM receipt "
            "ORDER BY id").all()
    assert stored_fast == stored_plain
