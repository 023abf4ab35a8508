"""ReconciliationService end to end: imports, a scenario with every code, incremental runs, notes,
detail, exports. Debts and receipts are inserted directly (the receipts import has its own tests)."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from mypay_desk.domain.reconciliation import ALL_CODES
from mypay_desk.formats.fdr import FdrFlowData, FdrLineData, write_fdr
from mypay_desk.formats.opi import write_opi
from mypay_desk.services.errors import Cancelled, UserError
from mypay_desk.services.progress import CancelToken
from mypay_desk.store.models import Debt, DebtList, FdrFlow, Receipt, ReconciliationResult, TreasuryMovement

CF = "01199250158"
PAST = date(2024, 1, 10)
FUTURE = date(2099, 1, 1)
AS_OF = date(2024, 3, 1)


def iuv(n: int) -> str:
    return f"120000000000000{n:02d}"


def add_debts(ws, ente_id: int, debts: list[tuple[int, int, date | None]]) -> dict[int, int]:
    """(n, cents, due) -> debt ids, state SUL_PORTALE."""
    out = {}
    with ws.db.session() as s:
        lst = DebtList(ente_id=ente_id, name=f"L{len(debts)}-{datetime.now().timestamp()}")
        s.add(lst)
        s.flush()
        for n, cents, due in debts:
            d = Debt(ente_id=ente_id, list_id=lst.id, iud=f"IUD{n:03d}", iuv=iuv(n), amount_cents=cents,
                     due_date=due, state="SUL_PORTALE", portal_hash="h", debtor_name=f"Debitore {n}",
                     debt_type="TARI", is_valid=True)
            s.add(d)
            s.flush()
            out[n] = d.id
    return out


def add_receipts(ws, ente_id: int, receipts: list[tuple[int, int, int, str]]) -> None:
    """(n, single cents, total cents, message id)."""
    with ws.db.session() as s:
        for n, single, total, msg in receipts:
            s.add(Receipt(ente_id=ente_id, dedupe_key=f"{msg}|{iuv(n)}", iud=f"IUD{n:03d}", iuv=iuv(n),
                          receipt_message_id=msg, iur=f"IUR-{msg}", amount_cents=single, total_paid_cents=total,
                          outcome_code="0", outcome_date=date(2024, 1, 15), payer_name=f"Pagatore {n}",
                          psp_name="Banca di Prova", debt_type="TARI"))


def flow(flow_id: str, lines: list[tuple[int, int, str]], *, receiver: str = CF,
         when: datetime = datetime(2024, 1, 16, 9, 0)) -> FdrFlowData:
    fl = [FdrLineData(i + 1, iuv(n), f"IUR{n}-{i}", 1, cents, code, date(2024, 1, 15))
          for i, (n, cents, code) in enumerate(lines)]
    return FdrFlowData(source="", version="1.0", flow_id=flow_id, flow_datetime=when, settlement_id=f"TRN-{flow_id}",
                       settlement_date=date(2024, 1, 15), sender_type="B", sender_id="BCITITMM",
                       sender_name="Banca di Prova", bic="", receiver_id=receiver, receiver_name="Comune di Prova",
                       total_count=len(fl), total_amount_cents=sum(x.amount_cents for x in fl), lines=fl)


F1 = "2024-01-15ABI03069-0000000001"
F2 = "2024-01-15ABI03069-0000000002"
F3 = "2024-01-15BPPIITRRXXX-3"
F4 = "2024-01-15ABI05034-44"
F5 = "2024-02-01ABI03069-0000000005"


def opi_credit(number: int, cents: int, causale: str, op: str = "ESEGUITO", bill: int | None = None) -> dict:
    # A reversal names the credit by its bolletta (MyPivot): both carry the same numero_bolletta_quietanza.
    return {"movement_type": "ENTRATA", "document_type": "SOSPESO ENTRATA", "operation": op,
            "document_number": str(number + (500 if op == "STORNATO" else 0)), "document_progressive": "1",
            "bill_number": str(bill or number),
            "amount": f"{cents // 100}.{cents % 100:02d}", "movement_date": "2024-01-17",
            "value_date": "2024-01-16", "customer_name": "BANCA DI PROVA", "causale": causale}


@pytest.fixture
def scenario(workspace, ente, tmp_path):
    """Every code present once or twice; returns the folder of the files to import."""
    return build_scenario(workspace, ente.id, tmp_path)


def build_scenario(ws, ente_id: int, folder: Path) -> Path:
    add_debts(ws, ente_id, [(1, 10000, PAST), (3, 3000, PAST), (6, 6100, PAST), (7, 7000, PAST),
                            (8, 8000, PAST), (9, 9000, FUTURE), (10, 2500, PAST)])
    add_receipts(ws, ente_id, [(1, 10000, 10000, "M1"), (2, 5000, 5000, "M2"), (3, 3000, 3000, "M3"),
                               (5, 4000, 4150, "M5"), (6, 6000, 6000, "M6"), (7, 7000, 7000, "M7"),
                               (10, 2500, 2500, "M10a"), (10, 2500, 2500, "M10b")])
    files = folder / "files"
    files.mkdir()
    # F1: P1 + P2, credited in full (OPI). F2: P3 + P4 (unknown outcome code, no receipt), never credited.
    (files / "f1.xml").write_bytes(write_fdr(flow(F1, [(1, 10000, "0"), (2, 5000, "0")])))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("f2.xml", write_fdr(flow(F2, [(3, 3000, "0"), (4, 2000, "7")])))
        zf.writestr("f3.xml", write_fdr(flow(F3, [(6, 6000, "0")])))
        zf.writestr("f4.xml", write_fdr(flow(F4, [(10, 2500, "0"), (10, 2500, "0")])))
    (files / "flows.zip").write_bytes(buf.getvalue())
    (files / "gdc.xml").write_bytes(write_opi("2024", "0300001", [
        opi_credit(101, 15000, f"/PUR/LGPE-RIVERSAMENTO/URI/{F1}"),
        opi_credit(102, 5900, f"/PUR/LGPE-RIVERSAMENTO/URI/{F3}"),  # 1 euro short
        opi_credit(103, 3300, "/PUR/LGPE-RIVERSAMENTO/URI/2024-01-20ABI99999-X"),  # unknown flow
        opi_credit(104, 999, "/RFB/12000000000000099/9.99"),  # reversed below
        opi_credit(104, 999, "/RFB/12000000000000099/9.99", op="STORNATO"),
        {**opi_credit(105, 100, "USCITA"), "movement_type": "USCITA", "document_type": "MANDATO"},
    ]))
    (files / "estratto.csv").write_text(
        "Data contabile;Data valuta;Importo;Descrizione;Ordinante\n"
        f"17/01/2024;16/01/2024;41,50;/RFB/{iuv(5)}/41.50;POSTE\n"
        f"17/01/2024;16/01/2024;50,00;ACCREDITO /PUR/LGPE - RIVERSAMENTO URI {F4[:10]} {F4[10:]};BANCA\n"
        "18/01/2024;18/01/2024;12,34;BONIFICO MARIO ROSSI;MARIO ROSSI\n"
        "18/01/2024;18/01/2024;-100,00;COMMISSIONI;\n", encoding="utf-8")
    return files


EXPECTED = {
    "IUD_RT_IUF_TES": (2, 12500), "IUD_RT_IUF": (1, 3000), "RT_IUF_TES": (1, 5000), "RT_IUF": (1, 6000),
    "RT_TES": (1, 4000), "RT_NO_IUF": (1, 7000), "RT_NO_IUD": (2, 9000), "IUD_NO_RT": (2, 14100),
    "IUV_NO_RT": (1, 2000), "IUF_NO_TES": (1, 5000), "IUF_TES_DIV_IMP": (1, 6000), "TES_NO_IUF_OR_IUV": (1, 3300),
    "TES_NO_MATCH": (1, 1234), "DOPPI": (1, 2500),
}


def import_all(ws, files: Path):
    return [ws.reconciliation.import_file(files / name)
            for name in ("f1.xml", "flows.zip", "gdc.xml", "estratto.csv")]


def counts(ws) -> dict[str, tuple[int, int]]:
    return {c.code: (c.count, c.amount_cents) for c in ws.reconciliation.summary()}


def test_every_code_with_expected_counts_and_amounts(workspace, scenario):
    ws = workspace
    reports = import_all(ws, scenario)
    assert [r.kind for r in reports] == ["FDR", "FDR", "OPI", "BANK_CSV"]
    assert reports[1].flows == 3 and reports[1].lines_new == 5
    assert any("codice «7» sconosciuto" in w for w in reports[1].warnings)
    assert (reports[2].movements, reports[2].ignored) == (5, 1)
    assert (reports[3].movements, reports[3].ignored) == (3, 1)

    report = ws.reconciliation.run(as_of=AS_OF)
    assert report.inserted == sum(n for n, _ in EXPECTED.values())
    assert counts(ws) == EXPECTED
    assert set(EXPECTED) == set(ALL_CODES)
    js = ws.reconciliation.summary_json()
    assert js["codes"]["RT_IUF_TES"] == {"count": 1, "amount_cents": 5000,
                                         "label": "Pagamenti riversati cumulativamente", "resolved": 0}

    # drill-down: which keys sit where
    assert [r.iuv for r in ws.reconciliation.results("IUD_NO_RT")] == [iuv(6), iuv(8)]
    assert [r.key for r in ws.reconciliation.results("IUF_NO_TES")] == [F2]
    tes = ws.reconciliation.results("TES_NO_MATCH")[0]
    assert tes.payer == "MARIO ROSSI" and tes.amount_cents == 1234
    doppi = ws.reconciliation.results("DOPPI")[0]
    assert doppi.iuv == iuv(10) and doppi.iud == "IUD010"
    assert ws.reconciliation.count(search=iuv(1)) == 1


def test_run_is_incremental_and_keeps_notes(workspace, scenario, tmp_path):
    ws = workspace
    import_all(ws, scenario)
    ws.reconciliation.run(as_of=AS_OF)
    with ws.db.session() as s:
        before = {(r.key, r.code): (r.id, r.updated_at) for r in s.query(ReconciliationResult)}
    pending = ws.reconciliation.results("RT_NO_IUF")[0]
    ws.reconciliation.set_note(pending.id, "Sollecitato il PSP")
    ws.reconciliation.mark_resolved(pending.id, "mario")
    unchanged = ws.reconciliation.results("IUD_NO_RT")[0]
    ws.reconciliation.set_note(unchanged.id, "Avviso inviato")

    # nothing new: nothing written
    again = ws.reconciliation.run(as_of=AS_OF)
    assert again.changed == 0

    # P7's reporting flow and its credit arrive
    (tmp_path / "f5.xml").write_bytes(write_fdr(flow(F5, [(7, 7000, "0")], when=datetime(2024, 2, 2))))
    (tmp_path / "gdc2.xml").write_bytes(write_opi("2024", "0300001", [
        opi_credit(201, 7000, f"/PUR/LGPE-RIVERSAMENTO/URI/{F5}")]))
    ws.reconciliation.import_file(tmp_path / "f5.xml")
    ws.reconciliation.import_file(tmp_path / "gdc2.xml")
    third = ws.reconciliation.run(as_of=AS_OF)
    assert (third.inserted, third.deleted) == (1, 1)
    assert counts(ws)["RT_NO_IUF"] == (0, 0)
    assert counts(ws)["IUD_RT_IUF_TES"] == (3, 19500)
    moved = next(r for r in ws.reconciliation.results("IUD_RT_IUF_TES") if r.iuv == iuv(7))
    assert moved.note.startswith("[RT_NO_IUF] Sollecitato il PSP (risolto da mario")
    assert not moved.resolved  # a new situation: the mark is not carried, the note is
    kept = ws.reconciliation.detail(unchanged.id).item
    assert kept.note == "Avviso inviato"
    with ws.db.session() as s:
        after = {(r.key, r.code): (r.id, r.updated_at) for r in s.query(ReconciliationResult)}
    same = [k for k in before if k in after and k[0] != iuv(7)]
    assert same and all(before[k] == after[k] for k in same)  # untouched rows were not rewritten


def test_reimport_adds_nothing(workspace, scenario):
    ws = workspace
    import_all(ws, scenario)
    again = import_all(ws, scenario)
    assert all(r.already_imported and r.new == 0 for r in again)
    # the same flow in a different file (other whitespace) is recognised by IUF and date-time
    data = (scenario / "f1.xml").read_bytes().replace(b"\n", b"\r\n")
    (scenario / "copy.xml").write_bytes(data)
    rep = ws.reconciliation.import_file(scenario / "copy.xml")
    assert (rep.flows, rep.flows_new, rep.duplicates) == (1, 0, 1)
    with ws.db.session() as s:
        assert s.query(FdrFlow).count() == 4
        assert s.query(TreasuryMovement).count() == 8


def test_folder_import(workspace, scenario):
    rep = workspace.reconciliation.import_file(scenario)
    assert rep.kind == "MISTO"
    assert (rep.flows_new, rep.movements_new) == (4, 8)
    assert rep.errors == []


def test_hostile_and_bad_files_are_refused_and_nothing_is_lost(workspace, scenario, tmp_path):
    ws = workspace
    import_all(ws, scenario)
    ws.reconciliation.run(as_of=AS_OF)
    before = counts(ws)
    bomb = tmp_path / "bomb.xml"
    bomb.write_bytes(b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "xx"><!ENTITY y "&x;&x;">]>'
                     b"<FlussoRiversamento>&y;</FlussoRiversamento>")
    with pytest.raises(UserError, match="bomb.xml.*pericolosi"):
        ws.reconciliation.import_file(bomb)
    broken = tmp_path / "broken.xml"
    broken.write_bytes(write_fdr(flow("2024-03-01ABI03069-9", [(1, 100, "0")])).replace(b"<singoloImportoPagato>1.00<", b"<singoloImportoPagato>uno<"))
    with pytest.raises(UserError) as err:
        ws.reconciliation.import_file(broken)
    assert "broken.xml" in str(err.value) and "singoloImportoPagato" in str(err.value)
    other = tmp_path / "other.xml"
    other.write_bytes(write_fdr(flow("2024-03-01ABI03069-8", [(1, 100, "0")], receiver="00000000000")))
    with pytest.raises(UserError, match="00000000000"):
        ws.reconciliation.import_file(other)
    bad_csv = tmp_path / "bad.csv"
    bad_csv.write_text("Data;Importo;Causale\n01/02/2024;10,00;ok\n02/02/2024;dieci;x\n", encoding="utf-8")
    with pytest.raises(UserError, match="riga 3, colonna «Importo»"):
        ws.reconciliation.import_file(bad_csv)
    with pytest.raises(UserError, match="non trovato"):
        ws.reconciliation.import_file(tmp_path / "missing.xml")
    with ws.db.session() as s:
        assert s.query(FdrFlow).count() == 4
        assert s.query(TreasuryMovement).count() == 8
    ws.reconciliation.run(as_of=AS_OF)
    assert counts(ws) == before


def test_zip_with_a_bad_member_imports_the_good_ones(workspace, ente, tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("good.xml", write_fdr(flow(F1, [(1, 100, "0")])))
        zf.writestr("bad.xml", b"<FlussoRiversamento><oops")
        zf.writestr("other.xml", write_fdr(flow(F2, [(1, 100, "0")], receiver="00000000000")))
    (tmp_path / "mixed.zip").write_bytes(buf.getvalue())
    rep = workspace.reconciliation.import_file(tmp_path / "mixed.zip")
    assert rep.flows_new == 1
    assert len(rep.errors) == 2
    assert any("mixed.zip!bad.xml" in e.source for e in rep.errors)
    assert any("00000000000" in e.message for e in rep.errors)
    # not recorded as imported: once fixed it can be imported again (the good flow is not doubled)
    again = workspace.reconciliation.import_file(tmp_path / "mixed.zip")
    assert not again.already_imported and again.flows_new == 0


def test_csv_with_explicit_mapping(workspace, ente, tmp_path):
    p = tmp_path / "banca.csv"
    p.write_text("Quando,Euro,Testo\n2024-01-16,\"1,186.00\",/PUR/LGPE-RIVERSAMENTO/URI/" + F1 + "\n",
                 encoding="utf-8")
    with pytest.raises(UserError, match="intestazione"):
        workspace.reconciliation.import_file(p)
    rep = workspace.reconciliation.import_file(p, mapping="date=Quando,amount=Euro,causale=Testo")
    assert rep.movements_new == 1
    with workspace.db.session() as s:
        t = s.query(TreasuryMovement).one()
        assert (t.amount_cents, t.iuf, t.source_kind) == (118600, F1, "CSV")
    preview = workspace.reconciliation.preview_csv(p)
    assert preview["headers"] == ["Quando", "Euro", "Testo"] and not preview["recognised"]


def test_truncated_iuf_in_a_bank_causale_still_matches(workspace, ente, tmp_path):
    add_receipts(workspace, ente.id, [(1, 10000, 10000, "M1")])
    (tmp_path / "f.xml").write_bytes(write_fdr(flow(F1, [(1, 10000, "0")])))
    (tmp_path / "b.csv").write_text(f"Data;Importo;Causale\n17/01/2024;100,00;/PUR/LGPE-RIVERSAMENTO/URI/{F1[:22]}\n",
                                    encoding="utf-8")
    workspace.reconciliation.import_file(tmp_path / "f.xml")
    workspace.reconciliation.import_file(tmp_path / "b.csv")
    workspace.reconciliation.run(as_of=AS_OF)
    c = counts(workspace)
    assert c["RT_IUF_TES"] == (1, 10000) and c["IUF_NO_TES"] == (0, 0)


def test_flow_revision_replaces_the_older_one(workspace, ente, tmp_path):
    add_receipts(workspace, ente.id, [(1, 10000, 10000, "M1")])
    (tmp_path / "v1.xml").write_bytes(write_fdr(flow(F1, [(1, 9000, "0")], when=datetime(2024, 1, 16, 9))))
    (tmp_path / "v2.xml").write_bytes(write_fdr(flow(F1, [(1, 10000, "0")], when=datetime(2024, 1, 17, 9))))
    for name in ("v1.xml", "v2.xml"):
        workspace.reconciliation.import_file(tmp_path / name)
    workspace.reconciliation.run(as_of=AS_OF)
    c = counts(workspace)
    assert c["RT_IUF"] == (1, 10000)  # the second revision (10000) counts, not the first (9000)
    assert c["RT_NO_IUF"] == (0, 0) and c["DOPPI"] == (0, 0)
    assert c["RT_NO_IUD"] == (1, 10000)


def test_flags_disable_codes(workspace, scenario):
    ws = workspace
    import_all(ws, scenario)
    with ws.db.session() as s:
        from mypay_desk.store.models import Ente

        e = s.query(Ente).one()
        e.reconcile_treasury = False
    ws.reconciliation.run(as_of=AS_OF)
    codes = counts(ws)
    assert "TES_NO_MATCH" not in codes and "IUF_NO_TES" not in codes and "RT_TES" not in codes
    assert codes["IUD_RT_IUF"] == (3, 15500)  # P1 and P10 lose the treasury part


def test_cancel_keeps_previous_results(workspace, scenario):
    ws = workspace
    import_all(ws, scenario)
    ws.reconciliation.run(as_of=AS_OF)
    token = CancelToken()
    token.cancel()
    with ws.db.session() as s:
        s.query(ReconciliationResult).filter(ReconciliationResult.code == "DOPPI").delete()
    with pytest.raises(Cancelled):
        ws.reconciliation.run(as_of=AS_OF, cancel=token)
    assert counts(ws)["DOPPI"] == (0, 0)  # the cancelled run wrote nothing
    # cancelled half-way, after the payments were written in the open transaction: rolled back too
    late = CancelToken()

    def progress(done, total, message):
        if message.startswith("Flussi"):
            late.cancel()

    with pytest.raises(Cancelled):
        ws.reconciliation.run(as_of=AS_OF, cancel=late, progress=progress)
    assert counts(ws)["DOPPI"] == (0, 0)
    # the inputs did not change: an incremental run (SQLite) has nothing to do; a full run writes the
    # results again
    if ws.reconciliation.run(as_of=AS_OF).incremental:
        assert counts(ws)["DOPPI"] == (0, 0)
    ws.reconciliation.run(as_of=AS_OF, full=True)
    assert counts(ws) == EXPECTED


def test_detail_notes_and_resolution(workspace, scenario):
    ws = workspace
    import_all(ws, scenario)
    ws.reconciliation.run(as_of=AS_OF)
    item = ws.reconciliation.results("IUD_RT_IUF_TES")[0]
    detail = ws.reconciliation.detail(item.id)
    assert [r.kind for r in detail.records] == ["debt", "receipt", "fdr", "treasury"]
    assert all(r.present for r in detail.records)
    fields = {k: v for r in detail.records for k, v in r.fields}
    assert fields["Flusso (IUF)"] == F1 and fields["IUF nella causale"] == F1
    assert "100,00" in dict(detail.records[0].fields)["Importo"]
    orphan = ws.reconciliation.results("IUV_NO_RT")[0]
    d2 = ws.reconciliation.detail(orphan.id)
    assert [r.present for r in d2.records] == [False, False, True, False]
    assert "codice sconosciuto" in dict(d2.records[2].fields)["Esito"]
    assert d2.records[1].missing_reason
    ws.reconciliation.set_note(item.id, "ok")
    ws.reconciliation.mark_resolved(item.id, "anna")
    it = ws.reconciliation.detail(item.id).item
    assert (it.note, it.resolved, it.resolved_by) == ("ok", True, "anna") and it.resolved_at
    assert ws.reconciliation.count("IUD_RT_IUF_TES", only_open=True) == 1
    ws.reconciliation.mark_resolved(item.id, resolved=False)
    assert not ws.reconciliation.detail(item.id).item.resolved
    with pytest.raises(UserError):
        ws.reconciliation.set_note(999_999, "x")


def test_exports(workspace, scenario, tmp_path):
    from openpyxl import load_workbook

    ws = workspace
    import_all(ws, scenario)
    ws.reconciliation.run(as_of=AS_OF)
    total = sum(n for n, _ in EXPECTED.values())
    assert ws.reconciliation.export(tmp_path / "r.xlsx") == total
    wb = load_workbook(tmp_path / "r.xlsx", read_only=True)
    assert wb.sheetnames == ["Riepilogo", *[c for c in ALL_CODES]]
    rows = list(wb["Riepilogo"].iter_rows(values_only=True))
    summary = {r[0]: (r[2], r[3]) for r in rows[4:] if r and r[0] in EXPECTED}
    assert summary == {k: (n, cents / 100) for k, (n, cents) in EXPECTED.items()}
    assert len(list(wb["IUD_NO_RT"].iter_rows(values_only=True))) == 1 + 2
    wb.close()

    assert ws.reconciliation.export(tmp_path / "r.csv") == total
    text = (tmp_path / "r.csv").read_text(encoding="utf-8")
    reader = list(csv.reader(io.StringIO(text), delimiter=";", escapechar="\\", doublequote=False))
    header, body = reader[0], reader[1:]
    assert header[0] == "codIudI" and "classificazioneCompletezza" in header and "numImportoTesoreria" in header
    assert text.startswith('"codIudI";')
    col = {name: i for i, name in enumerate(header)}
    codes = [r[col["classificazioneCompletezza"]] for r in body]
    assert sorted(set(codes)) == sorted(EXPECTED)
    row = next(r for r in body if r[col["classificazioneCompletezza"]] == "TES_NO_MATCH")
    assert row[col["numImportoTesoreria"]] == "12.34" and row[col["deCausaleT"]] == "BONIFICO MARIO ROSSI"
    with pytest.raises(UserError, match="estensione"):
        ws.reconciliation.export(tmp_path / "r.pdf")


def test_instalment_alternatives(workspace, ente):
    """Paying the rata unica silences its instalments; paying an instalment silences the rata unica."""
    ws = workspace
    with ws.db.session() as s:
        lst = DebtList(ente_id=ente.id, name="R")
        s.add(lst)
        s.flush()
        for base in (20, 30):
            parent = Debt(ente_id=ente.id, list_id=lst.id, iud=f"P{base}", iuv=iuv(base), amount_cents=3000,
                          due_date=PAST, state="SUL_PORTALE", portal_hash="h")
            s.add(parent)
            s.flush()
            for k in (1, 2):
                s.add(Debt(ente_id=ente.id, list_id=lst.id, parent_id=parent.id, instalment_number=k,
                           iud=f"P{base}-{k}", iuv=iuv(base + k), amount_cents=1500, due_date=PAST,
                           state="SUL_PORTALE", portal_hash="h"))
    add_receipts(ws, ente.id, [(20, 3000, 3000, "MP20"), (31, 1500, 1500, "MP31")])
    ws.reconciliation.run(as_of=AS_OF)
    unpaid = [r.iuv for r in ws.reconciliation.results("IUD_NO_RT")]
    assert unpaid == [iuv(32)]  # instalment 2 of the second debt is still due
