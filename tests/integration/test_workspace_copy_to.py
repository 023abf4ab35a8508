"""`mypay-desk workspace copy-to URL`: a desk's SQLite workspace with a bit of everything (lists with
instalments, a flow sent to the sandbox, receipts, FdR, treasury, reconciliation with notes, a logo) moved
into an empty PostgreSQL database: every table copied and verified, the app sees the same data there,
ids continue after the copied ones; a non-empty or unreachable target is refused and left as it was."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.pool import NullPool

from mypay_desk.cli import main
from mypay_desk.domain.ente import EnteData
from mypay_desk.services.ente import CURRENT_ENTE_KEY
from mypay_desk.store import transfer
from mypay_desk.store.db import DB_FILE_NAME
from mypay_desk.store.models import Base
from mypay_desk.store.repositories import ente as ente_repo
from tests.integration.portal_support import make_list, start_sandbox, tari_records
from tests.unit.test_reconciliation_service import build_scenario, import_all

pytestmark = [pytest.mark.integration, pytest.mark.sqlite_only]  # the source is a SQLite workspace

# Tables that must hold rows in the scenario below: the copy is checked on real content.
FILLED = {"ente", "debt_type", "debt_list", "debt", "upload_flow", "upload_flow_row", "portal_journal", "receipt",
          "receipt_export_request", "imported_file", "fdr_flow", "fdr_line", "treasury_movement",
          "reconciliation_result", "audit_log", "workspace_setting"}


@pytest.fixture
def desk(workspace, ente, tmp_path):
    """A SQLite workspace an office has used for a while; returns its folder (closed)."""
    ws = workspace
    ws.ente.save(EnteData(**{**ente.__dict__, "logo": b"\x89PNG\r\n\x1a\n" + bytes(range(256))}))
    server = start_sandbox(ws, ente, tmp_path / "sandbox", processing_delay=0.0)
    try:
        ids = make_list(ws, "TARI", tari_records(30))
        ws.lists.set_instalments(ids[0], [(5_000, date(2030, 6, 30)), (5_137, date(2030, 9, 30))])
        assert ws.sync.push("TARI", wait=True).rejected == 0
        server.pay(ente.ipa_code, iuds=["TARI25-00002", "TARI25-00003"])
        assert ws.receipts.sync_receipts(poll_first=0.02, poll_timeout=30).new == 2
    finally:
        server.stop()
    import_all(ws, build_scenario(ws, ente.id, tmp_path))
    ws.reconciliation.run()
    first = ws.reconciliation.results(limit=1)[0]
    ws.reconciliation.set_note(first.id, "Verificato con la tesoreria: «ok»")
    with ws.db.session(immediate=True) as s:  # as written before each desk kept its own current Ente
        ente_repo.set_setting(s, CURRENT_ENTE_KEY, ente.ipa_code)
    folder = ws.path
    ws.close()
    return folder


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def sqlite_counts(folder) -> dict[str, int]:
    con = sqlite3.connect(folder / DB_FILE_NAME)
    try:
        return {t.name: con.execute(f'SELECT count(*) FROM "{t.name}"').fetchone()[0] for t in Base.metadata.sorted_tables}
    finally:
        con.close()


def views(capsys, folder, *database) -> dict:
    """What the app shows of the workspace, through the command line (on SQLite, or on ``--database``)."""
    out = {}
    for name, args in {"ente": ("ente", "show"), "list": ("lists", "show", "TARI"), "status": ("sync", "status"),
                       "receipts": ("receipts", "list"), "summary": ("reconcile", "summary")}.items():
        code, text_, err = run(capsys, "--workspace", str(folder), *database, *args, "--json")
        assert code == 0, err
        out[name] = json.loads(text_)
    return out


def test_copy_to_moves_every_table_verified_and_the_app_sees_the_same(desk, pg_empty_database, capsys):
    counts = sqlite_counts(desk)
    assert {t for t, n in counts.items() if n} >= FILLED
    before = views(capsys, desk)

    code, out, err = run(capsys, "--workspace", str(desk), "workspace", "copy-to", pg_empty_database, "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["verified"] is True and doc["used"] is False
    assert {t["table"]: t["rows"] for t in doc["tables"]} == counts
    assert all(t["verified"] and t["target_rows"] == t["rows"] and t["target_checksum"] == t["checksum"]
               for t in doc["tables"])
    assert doc["rows"] == sum(counts.values())

    # the same data, as the app shows it, from the shared database
    after = views(capsys, desk, "--database", pg_empty_database)
    assert after == before

    # tables kept by triggers hold what the source held: the copy's own inserts fired none (the list tallies
    # were counted twice, the reconciliation change rows written again)
    engine = create_engine(pg_empty_database, poolclass=NullPool)
    kept = ("SELECT list_id, debts, amount_cents FROM debt_list_tally WHERE debts <> 0 OR amount_cents <> 0 "
            "ORDER BY 1, 2, 3", "SELECT count(*) FROM reconciliation_dirty")
    con = sqlite3.connect(desk / DB_FILE_NAME)
    try:
        source = [con.execute(q).fetchall() for q in kept]
    finally:
        con.close()
    with engine.connect() as conn:
        assert [[tuple(r) for r in conn.exec_driver_sql(q)] for q in kept] == source
        assert source[0], "the scenario has list tallies"

    # ids continue after the copied ones in every table with an identity
    with engine.connect() as conn:
        for table in (t for t in Base.metadata.sorted_tables if "id" in t.c):
            seq = conn.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name}).scalar()
            if seq is None:
                continue
            top = conn.execute(text(f'SELECT COALESCE(MAX(id), 0) FROM "{table.name}"')).scalar()
            assert conn.execute(text("SELECT nextval(:s)"), {"s": seq}).scalar() > top, table.name
    engine.dispose()
    assert run(capsys, "--workspace", str(desk), "workspace", "use", pg_empty_database)[0] == 0
    code, out, err = run(capsys, "--workspace", str(desk), "codes", "new", "--count", "2", "--json")
    assert code == 0, err
    csv = desk.parent / "more.csv"
    csv.write_text("IUD;Codice fiscale;Nominativo;Importo;Scadenza;Causale\n"
                   "NEW-1;RSSMRA80A01F205X;Mario Rossi;10,00;30/06/2030;TARI\n", encoding="utf-8")
    code, out, err = run(capsys, "--workspace", str(desk), "lists", "import", str(csv), "--list", "Nuova",
                         "--type", "TARI", "--json")
    assert code == 0 and json.loads(out)["added"] == 1, err
    code, out, _ = run(capsys, "--workspace", str(desk), "workspace", "show", "--json")
    assert json.loads(out)["database"] == "postgresql" and json.loads(out)["chosen_by"] == "database.json"


def test_a_target_that_is_not_empty_is_refused_and_left_alone(desk, pg_database, capsys):
    engine = create_engine(pg_database, poolclass=NullPool)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO workspace_setting (key, value) VALUES ('gia', 'qui')"))
    code, out, err = run(capsys, "--workspace", str(desk), "workspace", "copy-to", pg_database, "--json")
    assert code == 1
    assert "non è vuoto" in err and "createdb" in err
    assert "non è vuoto" in json.loads(out)["error"]["message"]
    with engine.connect() as conn:
        assert conn.execute(text("SELECT key, value FROM workspace_setting")).all() == [("gia", "qui")]
        assert conn.execute(text("SELECT count(*) FROM ente")).scalar() == 0
    engine.dispose()


def test_unreachable_or_wrong_targets_say_why(desk, tmp_path, pg_cluster, capsys):
    code, _, err = run(capsys, "--workspace", str(desk), "workspace", "copy-to",
                       f"postgresql://mypay@/mypay?host={tmp_path / 'nessuno'}")
    assert code == 1 and "non risponde" in err
    code, _, err = run(capsys, "--workspace", str(desk), "workspace", "copy-to", "mysql://u@h/db")
    assert code == 1 and "non supportato" in err
    code, _, err = run(capsys, "--workspace", str(tmp_path / "vuoto"), "workspace", "copy-to", pg_cluster.url("x"))
    assert code == 1 and "non c'è un database SQLite" in err


def assert_empty(url: str) -> None:
    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as conn:
        assert inspect(conn).get_table_names() == []
    engine.dispose()


def test_a_copy_that_does_not_verify_leaves_the_target_empty(desk, pg_empty_database, capsys, monkeypatch):
    real = transfer._read_back

    def one_row_lost(dst, table, copied, check):
        real(dst, table, copied, check)
        if table.name == "debt":
            copied.target_rows -= 1

    monkeypatch.setattr(transfer, "_read_back", one_row_lost)
    code, _, err = run(capsys, "--workspace", str(desk), "workspace", "copy-to", pg_empty_database)
    assert code == 1 and "Verifica della tabella debt non riuscita" in err and "rimasto vuoto" in err
    assert_empty(pg_empty_database)


def test_a_value_postgresql_cannot_hold_names_the_table_and_changes_nothing(desk, pg_empty_database, capsys):
    con = sqlite3.connect(desk / DB_FILE_NAME)
    con.execute("UPDATE debt SET causale = 'TARI' || char(0) || 'x' WHERE iud = 'TARI25-00004'")  # a NUL byte
    con.commit()
    con.close()
    code, _, err = run(capsys, "--workspace", str(desk), "workspace", "copy-to", pg_empty_database)
    assert code == 1 and "Tabella debt" in err and "campo causale" in err and "NUL" in err
    assert "rimasto com'era" in err
    assert_empty(pg_empty_database)
