from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from mypay_desk.domain.debts import Accertamento, Capitolo, DebtRecord, flow_hash
from mypay_desk.formats import import_flow
from mypay_desk.formats.import_flow import read_flow, write_flow_zip
from mypay_desk.services.errors import Cancelled, NotFoundError, UserError
from mypay_desk.services.progress import CancelToken
from mypay_desk.services.workspace import Workspace

CF1 = "RSSMRA85T10A562S"
HEAD = ["IUD", "Codice fiscale", "Cognome e nome", "Indirizzo", "CAP", "Importo", "Scadenza", "Causale"]


def xlsx(path: Path, rows: list[list], head: list[str] = HEAD) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(head)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def tari_rows(n: int, start: int = 1, amount: str = "100,00") -> list[list]:
    return [[f"T-{i}", CF1, f"ROSSI MARIO {i}", "VIA ROMA 1", "20100", amount, "30/06/2025", f"TARI 2025 n. {i}"]
            for i in range(start, start + n)]


def put_on_portal(ws: Workspace, ids: list[int]) -> None:
    """What the sync does when the portal accepts rows: remember the hash of what was sent."""
    from mypay_desk.services.lists import record_of
    from mypay_desk.store.repositories import debts as repo

    with ws.db.session() as s:
        rows = repo.debts_by_ids(s, ids)
        now = datetime(2030, 1, 1)
        repo.update_debts(s, [{"id": d["id"], "portal_hash": flow_hash(record_of(d)), "state": "SUL_PORTALE",
                               "portal_accepted_at": now} for d in rows])


def set_state(ws: Workspace, ids: list[int], state: str) -> None:
    from mypay_desk.store.repositories import debts as repo

    with ws.db.session() as s:
        repo.update_debts(s, [{"id": i, "state": state} for i in ids])


@pytest.fixture
def lists(workspace, ente):
    return workspace.lists


# --- lists ------------------------------------------------------------------------------------------

def test_create_rename_delete(lists, workspace):
    s = lists.create_list("TARI 2025", "TARI")
    assert (s.name, s.default_debt_type, s.total_count, s.sent) == ("TARI 2025", "TARI", 0, False)
    with pytest.raises(UserError, match="Esiste già"):
        lists.create_list("TARI 2025")
    with pytest.raises(UserError, match="non configurato"):
        lists.create_list("X", "NOPE")
    lists.rename_list("TARI 2025", "TARI 2025 bis")
    assert [x.name for x in lists.lists()] == ["TARI 2025 bis"]
    lists.delete_list("TARI 2025 bis")
    assert lists.lists() == []
    with pytest.raises(NotFoundError):
        lists.delete_list("TARI 2025 bis")


def test_delete_refused_once_sent(lists, workspace, tmp_path):
    lists.import_file(xlsx(tmp_path / "a.xlsx", tari_rows(2)), "L", "TARI")
    ids = [r.id for r in lists.get_debts("L")]
    put_on_portal(workspace, ids[:1])
    with pytest.raises(UserError, match="già stati inviati"):
        lists.delete_list("L")
    assert lists.summary("L").total_count == 2


def test_summary_counts_and_totals(lists, workspace, tmp_path):
    lists.import_file(xlsx(tmp_path / "a.xlsx", [*tari_rows(3), ["T-9", "BAD", "X", "", "", "5", "", "c"]]), "L",
                      "TARI")
    ids = [r.id for r in lists.get_debts("L")]
    lists.cancel_debts(ids[2:3])
    s = lists.summary("L")
    assert s.counts == {"NUOVO": 3, "ANNULLATO": 1}
    assert s.total_count == 4 and s.total_cents == 20000 + 500
    assert s.invalid_count == 1 and s.pending_count == 2


# --- import -----------------------------------------------------------------------------------------

def test_import_xlsx_keeps_every_row_and_reports_errors(lists, tmp_path):
    rows = [*tari_rows(2), ["T-3", "RSSMRA85T10A562X", "BIANCHI", "VIA UNIVERSITÀ 2", "2010A", "abc", "31/02/2025", "x"]]
    report = lists.import_file(xlsx(tmp_path / "a.xlsx", rows), "TARI 2025", debt_type="TARI")
    doc = report.to_dict()
    assert {k: doc[k] for k in ("list", "rows", "valid", "invalid", "added", "updated", "missing")} == {
        "list": "TARI 2025", "rows": 3, "valid": 2, "invalid": 1, "added": 3, "updated": 0, "missing": 0}
    by_col = {(e["row"], e["column"]) for e in doc["errors"]}
    assert {(4, "Codice fiscale"), (4, "Importo"), (4, "Scadenza"), (4, "CAP")} <= by_col
    debts = lists.get_debts("TARI 2025")
    assert [d.iud for d in debts] == ["T-1", "T-2", "T-3"]
    assert debts[0].is_valid and debts[0].amount_cents == 10000 and debts[0].due_date == date(2025, 6, 30)
    assert debts[0].collection_data == "9/0101108TS/" and debts[0].debt_type == "TARI"
    assert debts[2].address == "VIA UNIVERSITA' 2"  # rewritten into MyPay's character set
    assert not debts[2].is_valid and {e.field for e in debts[2].errors} >= {"codiceIdentificativoUnivoco",
                                                                             "importoDovuto", "capPagatore"}
    assert debts[2].source_row == 4


def test_import_csv_semicolon_cp1252(lists, tmp_path):
    text = ("IUD;Codice fiscale;Nominativo;Importo;Scadenza;Causale\r\n"
            f"M-1;{CF1};NICOLÒ ROSSI;1.234,50;01/09/2025;Mensa settembre\r\n"
            "M-2;ANONIMO;ANONIMO;12,5;;Mensa\r\n")
    p = tmp_path / "mensa.csv"
    p.write_bytes(text.encode("cp1252"))
    report = lists.import_file(p, "Mensa", "MENSA")
    assert (report.format, report.valid, report.invalid) == ("csv", 2, 0)
    d = lists.get_debts("Mensa")
    assert d[0].debtor_name == "NICOLÒ ROSSI" and d[0].amount_cents == 123450 and d[1].amount_cents == 1250
    assert d[1].due_date is None


def test_unreadable_file_is_refused_and_nothing_changes(lists, tmp_path):
    lists.import_file(xlsx(tmp_path / "a.xlsx", tari_rows(1)), "L", "TARI")
    bad = tmp_path / "rotto.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(UserError) as exc:
        lists.import_file(bad, "L", "TARI")
    assert "rotto.xlsx" in str(exc.value)
    flow = tmp_path / "C_TEST-F1-1_4.zip"
    flow.write_bytes(b"garbage")
    with pytest.raises(UserError, match="C_TEST-F1-1_4.zip"):
        lists.import_file(flow, "Nuova", "TARI")
    assert [x.name for x in lists.lists()] == ["L"]
    assert lists.summary("L").total_count == 1
    with pytest.raises(UserError, match="non trovato"):
        lists.import_file(tmp_path / "manca.xlsx", "L")


def test_import_cancel_changes_nothing(lists, tmp_path):
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        lists.import_file(xlsx(tmp_path / "a.xlsx", tari_rows(3)), "L", "TARI", cancel=token)
    assert lists.lists() == []


def test_reimport_updates_adds_reports_missing(lists, workspace, tmp_path):
    lists.import_file(xlsx(tmp_path / "a.xlsx", tari_rows(4)), "L", "TARI")
    ids = {r.iud: r.id for r in lists.get_debts("L")}
    put_on_portal(workspace, [ids["T-1"], ids["T-2"], ids["T-3"]])
    assert lists.pending_changes("L")[0].iud == "T-4"
    rows = tari_rows(2) + tari_rows(1, start=5)  # T-1, T-2, T-5; T-3 and T-4 missing
    rows[1][5] = "150,00"  # T-2 amount changes
    report = lists.import_file(xlsx(tmp_path / "b.xlsx", rows), "L", "TARI")
    assert (report.added, report.updated, report.unchanged, report.missing) == (1, 1, 1, 2)
    assert sorted(report.missing_iuds) == ["T-3", "T-4"]
    pending = {r.iud: r.pending for r in lists.pending_changes("L")}
    assert pending == {"T-2": "M", "T-4": "I", "T-5": "I"}
    # with cancel_missing: T-3 (on the portal) gets a pending A, T-4 (never sent) is cancelled locally
    report = lists.import_file(xlsx(tmp_path / "b.xlsx", rows), "L", "TARI", cancel_missing=True)
    assert report.cancelled == 2 and report.updated == 0
    state = {r.iud: (r.state, r.pending) for r in lists.get_debts("L")}
    assert state["T-3"] == ("SUL_PORTALE", "A") and state["T-4"] == ("ANNULLATO", None)


def test_flow_roundtrip_every_version(workspace, ente, tmp_path):
    lists = workspace.lists
    bil = [Capitolo("CAP1", "UFF", [Accertamento(6000, "A1"), Accertamento(4000)])]
    recs = [
        DebtRecord(iud="R-1", debtor_code=CF1, debtor_name="ROSSI; MARIO", address="VIA ROMA 1", civic="1",
                   postal_code="20100", city="MILANO", province="MI", country="IT", email="a@b.it",
                   due_date=date(2025, 6, 30), amount_cents=10000, pa_fee_cents=100, debt_type="TARI",
                   payment_type="BBT", causale="TARI \"2025\"", collection_data="9/0101108TS/"),
        DebtRecord(iud="R-2", debtor_type="G", debtor_code="01199250158", debtor_name="ACME SRL",
                   due_date=date(2025, 7, 31), amount_cents=10000, debt_type="TARI", causale="TARI",
                   collection_data="9/0101108TS/", bilancio=bil),
    ]
    lists.create_list("Origine", "TARI")
    lists.add_debts("Origine", recs)
    for version in ("1_0", "1_1", "1_2", "1_3", "1_4"):
        report = lists.export_flow("Origine", version, tmp_path)
        assert report.path.name == f"C_TEST-{report.iuf}-{version}.zip"
        got_version, got, errors = read_flow(report.path)
        assert (got_version, errors) == (version, [])
        sent = recs if version >= "1_2" else recs[:1]  # bilancio needs 1_2+: R-2 is left out before
        assert [r.action for r in got] == ["I"] * len(sent)
        assert [iud for iud, _e in report.left_out] == ([] if version >= "1_2" else ["R-2"])
        # importing it into another workspace gives the same debts
        other = Workspace.open(tmp_path / f"ws{version}")
        try:
            other.ente.save(workspace.ente.current())
            for t in workspace.ente.types():
                other.ente.save_type(replace(t, id=None, ente_id=None))
            imp = other.lists.import_file(report.path, "Copia")
            assert (imp.rows, imp.valid, imp.added, imp.format, imp.version) == (len(sent), len(sent), len(sent),
                                                                                  "flow", version)
            back = [d.record() for d in other.lists.get_debts("Copia")]
            assert back == [replace(r, action="I", source_row=i) for i, r in enumerate(sent, start=2)]
        finally:
            other.close()


def test_flow_import_with_cancel_action(lists, workspace, tmp_path):
    lists.import_file(xlsx(tmp_path / "a.xlsx", tari_rows(2)), "L", "TARI")
    rows = lists.get_debts("L")
    put_on_portal(workspace, [rows[0].id])
    recs = [replace(rows[0].record(), action="A"), replace(rows[1].record(), action="A"),
            replace(rows[1].record(), iud="NOPE", action="A")]
    name, data = write_flow_zip(recs, "C_TEST", "X1", "1_4")
    (tmp_path / name).write_bytes(data)
    report = lists.import_file(tmp_path / name, "L")
    assert report.cancelled == 2
    assert any(e.column == "azione" and "NOPE" in e.message for e in report.errors)
    state = {r.iud: (r.state, r.pending) for r in lists.get_debts("L")}
    assert state == {"T-1": ("SUL_PORTALE", "A"), "T-2": ("ANNULLATO", None)}


def test_preview_writes_nothing_and_uses_mapping(lists, tmp_path):
    head = ["Cod", "CF", "Nome", "Euro", "Entro il", "Descrizione"]
    p = xlsx(tmp_path / "a.xlsx", [["A-1", CF1, "ROSSI", 10, date(2025, 1, 31), "Mensa"]], head)
    prev = lists.preview_import(p, debt_type="MENSA")
    assert prev.mapping.get("debtor_code") == "CF" and prev.mapping.get("amount_cents") == "Euro"
    assert "iud" not in prev.mapping and prev.invalid == 1
    assert prev.errors[2][0].column == "IUD"
    mapping = {**prev.mapping, "iud": "Cod"}
    prev = lists.preview_import(p, mapping, debt_type="MENSA")
    assert (prev.rows, prev.valid, prev.errors) == (1, 1, {})
    assert lists.lists() == []
    report = lists.import_file(p, "Mensa", "MENSA", mapping=mapping)
    assert report.valid == 1 and lists.get_debts("Mensa")[0].iud == "A-1"


def test_iud_clash_across_lists(lists, tmp_path):
    lists.import_file(xlsx(tmp_path / "a.xlsx", tari_rows(2)), "A", "TARI")
    report = lists.import_file(xlsx(tmp_path / "b.xlsx", tari_rows(1, start=2)), "B", "TARI")
    assert report.invalid == 1 and "lista «A»" in report.errors[0].message


def test_import_flags_only_the_rows_with_problems_among_many_good_ones(lists, tmp_path):
    """Rows the column checks clear are still looked at when something else is wrong with them: a
    repeated IUD, an unreadable cell in an optional column, an IUD another list holds."""
    lists.import_file(xlsx(tmp_path / "a.xlsx", [["X-9", CF1, "ROSSI", "", "", "5", "", "Mensa"]]), "A", "MENSA")
    rows = [[f"M-{i}", CF1, f"ROSSI {i}", "VIA ROMA 1", "20100", "10", "30/06/2025", "Mensa"] for i in range(60)]
    rows[10][0] = "M-3"  # repeated IUD
    rows[20][6] = "32/13/2025"  # unreadable, and MENSA needs no due date
    rows[30][0] = "X-9"  # held by list A
    report = lists.import_file(xlsx(tmp_path / "b.xlsx", rows), "B", "MENSA")
    assert (report.valid, report.invalid) == (56, 4)
    bad = {d.source_row for d in lists.get_debts("B") if not d.is_valid}
    assert bad == {5, 12, 22, 32}  # file rows: both copies of M-3, the date, the clash


# --- editing -----------------------------------------------------------------------------------------

def test_update_revalidates_and_marks_modified(lists, workspace, tmp_path):
    lists.import_file(xlsx(tmp_path / "a.xlsx", tari_rows(2)), "L", "TARI")
    a, b = lists.get_debts("L")
    put_on_portal(workspace, [a.id, b.id])
    assert lists.pending_changes("L") == []
    out = lists.update_debts([(a.id, {"amount_cents": 12345, "province": " mi "}), (b.id, {"email": "nope"})])
    assert [r.id for r in out] == [a.id, b.id]
    assert out[0].pending == "M" and out[0].province == "MI" and out[0].is_valid
    assert out[1].pending == "M" and not out[1].is_valid and out[1].errors[0].field == "emailPagatore"
    # editing back to what the portal has clears the pending change
    out = lists.update_debts({a.id: {"amount_cents": 10000, "province": ""}})
    assert out[0].pending is None
    assert {r.iud: r.pending for r in lists.pending_changes("L", only_valid=True)} == {}


def test_update_iud_uniqueness_both_ways(lists, tmp_path):
    lists.import_file(xlsx(tmp_path / "a.xlsx", tari_rows(3)), "L", "TARI")
    a, b, c = lists.get_debts("L")
    lists.update_debts([(b.id, {"iud": "T-1"})])
    rows = {r.id: r for r in lists.get_debts("L")}
    assert not rows[a.id].is_valid and not rows[b.id].is_valid and rows[c.id].is_valid
    assert "già usato" in rows[a.id].errors[0].message
    lists.update_debts([(b.id, {"iud": "T-2"})])
    assert all(r.is_valid for r in lists.get_debts("L"))


def test_update_refusals_change_nothing(lists, workspace, tmp_path):
    lists.import_file(xlsx(tmp_path / "a.xlsx", tari_rows(3)), "L", "TARI")
    a, b, c = lists.get_debts("L")
    put_on_portal(workspace, [b.id])
    set_state(workspace, [c.id], "PAGATO")
    with pytest.raises(UserError, match="IUD non si può cambiare"):
        lists.update_debts([(a.id, {"causale": "nuova"}), (b.id, {"iud": "X"})])
    with pytest.raises(UserError, match="non si può modificare"):
        lists.update_debts([(c.id, {"causale": "nuova"})])
    with pytest.raises(UserError, match="non modificabile"):
        lists.update_debts([(a.id, {"state": "PAGATO"})])
    assert lists.get_debt(a.id).causale == "TARI 2025 n. 1"


def test_update_thousands_in_one_call(lists, tmp_path):
    lists.import_file(xlsx(tmp_path / "a.xlsx", tari_rows(3000)), "L", "TARI")
    rows = lists.get_debts("L")
    out = lists.update_debts([(r.id, {"amount_cents": 777, "causale": f"C {r.id}"}) for r in rows])
    assert len(out) == 3000 and all(r.amount_cents == 777 and r.is_valid for r in out)


def test_sticky_reading_error_until_the_column_is_edited(lists, tmp_path):
    lists.import_file(xlsx(tmp_path / "a.xlsx", [["M-1", CF1, "ROSSI", "", "", "10", "32/13/2025", "Mensa"]]),
                      "L", "MENSA")
    (d,) = lists.get_debts("L")
    assert not d.is_valid and d.errors[0].field == "dataScadenzaPagamento"
    (d,) = lists.update_debts([(d.id, {"causale": "Mensa ottobre"})])
    assert not d.is_valid  # the unreadable date still needs fixing
    (d,) = lists.update_debts([(d.id, {"due_date": date(2025, 10, 31)})])
    assert d.is_valid and d.errors == []


def test_rejected_debt_becomes_new_again_when_edited(lists, workspace, tmp_path):
    lists.import_file(xlsx(tmp_path / "a.xlsx", tari_rows(1)), "L", "TARI")
    (d,) = lists.get_debts("L")
    set_state(workspace, [d.id], "RIFIUTATO")
    (d,) = lists.update_debts([(d.id, {"causale": "corretta"})])
    assert (d.state, d.pending) == ("NUOVO", "I")


def test_add_and_delete_debts(lists, workspace):
    lists.create_list("L", "TARI")
    ids = lists.add_debts("L", [DebtRecord(iud="N-1", debtor_code=CF1.lower(), debtor_name="ROSSI", amount_cents=100,
                                           due_date=date(2025, 1, 1), causale="x")])
    row = lists.get_debt(ids[0])
    assert row.is_valid and row.debtor_code == CF1 and row.debt_type == "TARI" and row.collection_data
    put_on_portal(workspace, ids)
    with pytest.raises(UserError, match="annullalo"):
        lists.delete_debts(ids)
    ids2 = lists.add_debts("L", [DebtRecord(iud="N-2")])
    assert lists.delete_debts(ids2) == 1
    assert [d.iud for d in lists.get_debts("L")] == ["N-1"]


# --- instalments, cancellation, IUVs -------------------------------------------------------------------

def test_instalments(lists, workspace, tmp_path):
    lists.import_file(xlsx(tmp_path / "a.xlsx", tari_rows(1, amount="300,00")), "L", "TARI")
    (d,) = lists.get_debts("L")
    with pytest.raises(UserError, match="somma delle rate"):
        lists.set_instalments(d.id, [(10000, date(2025, 3, 1)), (10000, date(2025, 6, 1))])
    with pytest.raises(UserError, match="ordine crescente"):
        lists.set_instalments(d.id, [(20000, date(2025, 6, 1)), (10000, date(2025, 3, 1))])
    kids = lists.set_instalments(d.id, [(10000, date(2025, 3, 1)), (10000, date(2025, 6, 1)),
                                        (10000, date(2025, 9, 1))])
    assert [k.iud for k in kids] == ["T-1-R1", "T-1-R2", "T-1-R3"]
    assert all(k.is_valid and k.parent_id == d.id and k.debtor_code == CF1 for k in kids)
    rows = lists.get_debts("L", include_instalments=True)
    assert [r.iud for r in rows] == ["T-1", "T-1-R1", "T-1-R2", "T-1-R3"] and rows[0].instalment_count == 3
    # instalments follow their debt's debtor
    lists.update_debts([(d.id, {"debtor_name": "ROSSI MARIA"})])
    assert {k.debtor_name for k in lists.instalments(d.id)} == {"ROSSI MARIA"}
    assert lists.set_instalments(d.id, []) == []
    kids = lists.set_instalments(d.id, [(15000, date(2025, 3, 1)), (15000, date(2025, 6, 1))])
    put_on_portal(workspace, [kids[0].id])
    with pytest.raises(UserError, match="già state inviate"):
        lists.set_instalments(d.id, [])


def test_cancel_by_iud_and_ids(lists, workspace, tmp_path):
    lists.import_file(xlsx(tmp_path / "a.xlsx", tari_rows(4)), "L", "TARI")
    a, b, c, d = lists.get_debts("L")
    put_on_portal(workspace, [a.id])
    set_state(workspace, [c.id], "PAGATO")
    with pytest.raises(NotFoundError, match="NOPE"):
        lists.cancel_debts("L", ["T-1", "NOPE"])
    res = lists.cancel_debts("L", ["T-1", "T-2", "T-3"])
    assert (res.pending, res.cancelled) == (1, 1) and res.skipped[0][0] == "T-3"
    assert {r.iud: r.pending for r in lists.pending_changes("L")} == {"T-1": "A", "T-4": "I"}
    with pytest.raises(UserError, match="non si può modificare"):
        lists.update_debts([(a.id, {"causale": "x"})])
    assert lists.uncancel_debts([a.id, b.id]) == 2
    assert {r.iud: r.state for r in lists.get_debts("L")}["T-2"] == "NUOVO"
    assert lists.cancel_debts([d.id]).cancelled == 1


def test_assign_iuvs(lists, workspace, tmp_path):
    rows = [*tari_rows(2), ["T-3", "BAD", "X", "", "", "1", "", "c"]]
    lists.import_file(xlsx(tmp_path / "a.xlsx", rows), "L", "TARI")
    res = lists.assign_iuvs("L")
    assert [a[0] for a in res.assigned] == ["T-1", "T-2"]
    for _iud, iuv, notice in res.assigned:
        assert len(iuv) == 17 and iuv.startswith("12") and notice == "3" + iuv
    d = lists.get_debts("L")
    assert d[0].iuv == res.assigned[0][1] and d[0].notice_number == res.assigned[0][2] and d[0].is_valid
    assert d[2].iuv == ""
    assert lists.assign_iuvs("L").assigned == []
    report = lists.export_flow("L", "1_4", tmp_path)
    _v, got, _e = read_flow(report.path)
    assert [r.iuv for r in got] == [a[1] for a in res.assigned]
    assert report.left_out[0][0] == "T-3"


# --- export ------------------------------------------------------------------------------------------

def test_export_flow_actions_names_and_refusals(lists, workspace, tmp_path):
    lists.import_file(xlsx(tmp_path / "a.xlsx", tari_rows(3)), "L", "TARI")
    a, b, c = lists.get_debts("L")
    put_on_portal(workspace, [a.id, b.id])
    lists.update_debts([(a.id, {"causale": "nuova"})])
    lists.cancel_debts([b.id])
    report = lists.export_flow("L", "1_2", tmp_path / "C_TEST-MIOFLUSSO-1_2.zip")
    assert (report.iuf, report.actions, report.rows) == ("MIOFLUSSO", {"I": 1, "M": 1, "A": 1}, 3)
    with zipfile.ZipFile(report.path) as zf:
        assert zf.namelist() == ["C_TEST-MIOFLUSSO-1_2.csv"]
        lines = zf.read("C_TEST-MIOFLUSSO-1_2.csv").decode().splitlines()
    assert len(lines) == 4 and [ln.rsplit(";", 1)[1] for ln in lines[1:]] == ["M", "A", "I"]
    other = lists.export_flow("L", "1_4", tmp_path)  # a folder: the name MyPay requires
    assert other.path.parent == tmp_path and import_flow.parse_flow_name(other.path.name).ipa_code == "C_TEST"
    # a name MyPay cannot read is refused, nothing written anywhere (ImportFlussoTaskService: PAA_IMPORT_NOME_FILE_ERR)
    before = sorted(p.name for p in tmp_path.iterdir())
    for wrong in ("qualsiasi.zip", "C_TEST-F-1_4.csv", "C_TEST-A-B-1_4.zip", "C_TEST-F-1_4_SCARTI.zip"):
        with pytest.raises(UserError, match="non è un nome che MyPay accetta"):
            lists.export_flow("L", "1_4", tmp_path / wrong)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    with pytest.raises(UserError, match="non corrisponde"):
        lists.export_flow("L", "1_4", tmp_path / "C_ALTRO-F-1_4.zip")
    with pytest.raises(UserError, match="versione|Versione"):
        lists.export_flow("L", "2_0", tmp_path)
    lists.create_list("Vuota")
    with pytest.raises(UserError, match="Nessun dovuto"):
        lists.export_flow("Vuota", "1_4", tmp_path)
    # the export does not change what is pending
    assert len(lists.pending_changes("L")) == 3


def test_export_flow_leaves_out_rows_invalid_for_the_version(lists, tmp_path):
    lists.create_list("L", "MENSA")
    lists.add_debts("L", [DebtRecord(iud="M-1", debtor_code=CF1, debtor_name="X", amount_cents=100, causale="m"),
                          DebtRecord(iud="M-2", debtor_code=CF1, debtor_name="X", amount_cents=100, causale="m",
                                     due_date=date(2025, 1, 1))])
    report = lists.export_flow("L", "1_1", tmp_path)
    assert report.rows == 1 and report.left_out[0][0] == "M-1"
    assert report.left_out[0][1][0].field == "dataScadenzaPagamento"
    assert report.to_dict()["left_out"][0]["errors"][0]["column"] == "dataScadenzaPagamento"


def test_export_xlsx_neutralises_formulas(lists, tmp_path):
    lists.create_list("L", "MENSA")
    lists.add_debts("L", [DebtRecord(iud="M-1", debtor_code=CF1, debtor_name="=HYPERLINK(\"x\")",
                                     amount_cents=12345, causale="+39 mensa", due_date=date(2025, 1, 31))])
    out = lists.export_xlsx("L", tmp_path / "l.xlsx")
    ws = load_workbook(io.BytesIO(out.read_bytes())).active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    header = values[1]
    first = dict(zip(header, values[2], strict=True))
    # the text is unchanged (it imports back); Excel's quote-prefix style keeps it text
    assert first["Debitore"] == "=HYPERLINK(\"x\")" and first["Causale"] == "+39 mensa"
    assert ws["G3"].quotePrefix and ws["G3"].data_type == "s"
    assert first["Importo"] == 123.45 and first["Scadenza"].date() == date(2025, 1, 31)
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)


# --- the bulk paths of the repository ------------------------------------------------------------------

@pytest.mark.parametrize("n", [5, 2500])  # plain executemany, and the staged INSERT ... SELECT
def test_bulk_insert_and_column_fetch_round_trip(workspace, ente, n):
    from mypay_desk.store.repositories import debts as repo

    lst = workspace.lists.create_list("L")
    columns = {
        "iud": [f"B-{i}" for i in range(n)],
        "debtor_code": [CF1] * n,
        "due_date": [date(2025, 1, 1 + i % 28) if i % 3 else None for i in range(n)],
        "amount_cents": [100 + i for i in range(n)],
        "pa_fee_cents": [None if i % 2 else i for i in range(n)],
        "generate_iuv": [bool(i % 2) for i in range(n)],
        "causale": "costante",
        "position": list(range(n)),
        "is_valid": [True] * n,
    }
    with workspace.db.session() as s:
        assert repo.insert_debt_columns(s, columns, {"ente_id": ente.id, "list_id": lst.id}) == n
    with workspace.db.session() as s:
        got = repo.debt_columns_of_list(s, lst.id, ("iud", "due_date", "amount_cents", "pa_fee_cents",
                                                    "generate_iuv", "causale", "is_valid", "state", "country"))
        rows = repo.debts_of_list(s, lst.id)
    for name in ("iud", "due_date", "amount_cents", "pa_fee_cents", "generate_iuv"):
        assert got[name] == columns[name], name
        assert [r[name] for r in rows] == columns[name], name
    assert got["causale"] == ["costante"] * n and got["is_valid"] == [True] * n
    assert got["state"] == ["NUOVO"] * n and got["country"] == [""] * n
    assert isinstance(rows[0]["created_at"], datetime)
