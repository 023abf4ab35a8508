"""ReceiptService: import (dedupe, errors, file record), matching, paid state, queries, xlsx."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mypay_desk.domain.debt_states import DebtState
from mypay_desk.formats import receipt_export as rx
from mypay_desk.formats.receipt_xml import ReceiptData, TransferData, write_receipt_xml
from mypay_desk.services.errors import UserError
from mypay_desk.services.receipts import ReceiptFilters
from mypay_desk.store.models import Debt, DebtList, ImportedFile, Receipt

CF = "01199250158"


def add_debts(ws, ente_id: int, specs: list[dict]) -> dict[str, int]:
    """Debts straight into the store; returns iud -> id. A spec with 'instalments' gets child rows."""
    ids: dict[str, int] = {}
    with ws.db.session() as s:
        lst = s.query(DebtList).filter_by(ente_id=ente_id, name="Test").one_or_none()
        if lst is None:
            lst = DebtList(ente_id=ente_id, name="Test")
            s.add(lst)
            s.flush()
        for i, spec in enumerate(specs):
            children = spec.pop("instalments", [])
            d = Debt(ente_id=ente_id, list_id=lst.id, position=i, state="SUL_PORTALE", debt_type="TARI", **spec)
            s.add(d)
            s.flush()
            ids[d.iud] = d.id
            for n, child in enumerate(children, start=1):
                c = Debt(ente_id=ente_id, list_id=lst.id, parent_id=d.id, instalment_number=n, position=i,
                         state="SUL_PORTALE", debt_type="TARI", **child)
                s.add(c)
                s.flush()
                ids[c.iud] = c.id
    return ids


def debt(ws, debt_id: int) -> Debt:
    with ws.db.session() as s:
        return s.get(Debt, debt_id)


def row(n: int, *, iud: str = "", iuv: str = "", cents: int = 10000, when: str = "2025-03-01",
        tipo: str = "TARI", **kw) -> rx.ReceiptRow:
    amount = f"{cents // 100}.{cents % 100:02d}"
    xml = write_receipt_xml(ReceiptData(
        receipt_id=f"R{n}", notice_number="3" + (iuv or "0" * 17), fiscal_code=CF, iuv=iuv or "X", amount_cents=cents,
        description=f"Pagamento {n}", company_name="Comune di Prova", debtor_type="F", debtor_code="RSSMRA80A01F205X",
        debtor_name="Mario Rossi", transfers=[TransferData(cents, CF, "IT60X0542811101000000123456", "x", "9/0101108TS/")],
        psp_id="BCITITMM", psp_name="Banca Uno", payment_datetime=datetime.fromisoformat(when + "T09:00:00")))
    base = dict(iuf="EXP1", numRigaFlusso=str(n), codIud=iud, codIuv=iuv, identificativoDominio=CF,
                identificativoMessaggioRicevuta=f"MSG{n}", dataOraMessaggioRicevuta=when + "T09:00:00",
                codiceIdentificativoUnivoco="BCITITMM", denominazioneAttestante="Banca Uno",
                soggPagTipoIdentificativoUnivoco="F", soggPagCodiceIdentificativoUnivoco="RSSMRA80A01F205X",
                anagraficaPagatore=f"Debitore {n}", codiceEsitoPagamento="0", importoTotalePagato=amount,
                identificativoUnivocoVersamento=iuv, singoloImportoPagato=amount, esitoSingoloPagamento="ESEGUITO",
                dataEsitoSingoloPagamento=when, identificativoUnivocoRiscoss=f"IUR{n}",
                causaleVersamento=f"Causale {n}", datiSpecificiRiscossione="9/0101108TS/", tipoDovuto=tipo,
                indiceDatiSingoloPagamento="1", rt_xml=xml)
    base.update(kw)
    return rx.ReceiptRow(**base)


def export_file(tmp_path, rows, version="1.3", with_receipt=True, name="exp.zip"):
    fname, data = rx.write_export_zip(rows, version, with_receipt, export_id="1", when=datetime(2025, 3, 2),
                                      ipa_code="C_TEST")
    p = tmp_path / fname
    p.write_bytes(data)
    return p


def test_import_matches_by_iud_then_iuv_and_marks_paid(workspace, ente, tmp_path):
    ids = add_debts(workspace, ente.id, [
        dict(iud="D1", iuv="120000000000000001", amount_cents=10000),
        dict(iud="D2", iuv="120000000000000002", amount_cents=10000),
        dict(iud="D3", iuv="120000000000000003", amount_cents=10000),
        dict(iud="D4", iuv="120000000000000004", amount_cents=10000),
        dict(iud="D5", iuv="120000000000000005", amount_cents=10000),
    ])
    rows = [
        row(1, iud="D1", iuv="120000000000000001"),  # by IUD
        row(2, iud="MYPAY-GEN-2", iuv="120000000000000002"),  # IUD unknown: by IUV
        row(3, iud="D3", iuv="120000000000000003", cents=4000),  # partial
        row(4, iud="D4", iuv="120000000000000004", cents=12000),  # excess
        row(6, iud="SPONT-1", iuv="990000000000000006", tipo="MENSA"),  # spontaneous
    ]
    report = workspace.receipts.import_file(export_file(tmp_path, rows), ente_id=ente.id)
    assert report.to_json()["receipts"] == 5
    assert (report.new, report.matched, report.unmatched, report.errors) == (5, 4, 1, [])
    assert report.version == "1.3" and report.with_receipt
    d1, d2, d3, d4, d5 = (debt(workspace, ids[k]) for k in ("D1", "D2", "D3", "D4", "D5"))
    assert d1.state == DebtState.PAGATO and d1.paid_amount_cents == 10000 and d1.paid_psp == "Banca Uno"
    assert d1.paid_at == datetime(2025, 3, 1, 9, 0)
    assert d2.state == DebtState.PAGATO
    assert d3.state == DebtState.PAGATO_PARZIALE and d3.paid_amount_cents == 4000
    assert d4.state == DebtState.PAGATO and d4.paid_amount_cents == 12000
    assert d5.state == "SUL_PORTALE" and d5.paid_amount_cents == 0
    views = {v.iud: v for v in workspace.receipts.list(ente_id=ente.id)}
    assert views["D1"].match_label == "Abbinato (IUD)"
    assert views["MYPAY-GEN-2"].match_label == "Abbinato (IUV)"
    assert "parziale, mancano 60,00 €" in views["D3"].match_label
    assert "eccedenza 20,00 €" in views["D4"].match_label
    assert views["SPONT-1"].match_label == "Non abbinato" and not views["SPONT-1"].matched
    totals = workspace.receipts.totals(ente_id=ente.id)
    assert totals.unmatched_by_type == [("MENSA", 1, 10000)]
    assert (totals.count, totals.matched, totals.amount_cents) == (5, 4, 10000 * 3 + 4000 + 12000)


def test_same_export_twice_adds_nothing(workspace, ente, tmp_path):
    add_debts(workspace, ente.id, [dict(iud="D1", iuv="120000000000000001", amount_cents=10000)])
    p = export_file(tmp_path, [row(1, iud="D1", iuv="120000000000000001"), row(2, iud="S", iuv="99")])
    first = workspace.receipts.import_file(p, ente_id=ente.id)
    second = workspace.receipts.import_file(p, ente_id=ente.id)
    assert (first.new, first.already_imported) == (2, False)
    assert (second.receipts, second.new, second.duplicates, second.matched, second.already_imported) == \
        (2, 0, 2, 0, True)
    # the same receipts in another export (other file, other version) are still not duplicated
    third = workspace.receipts.import_file(
        export_file(tmp_path, [row(1, iud="D1", iuv="120000000000000001")], version="1.2", with_receipt=False),
        ente_id=ente.id)
    assert third.new == 0
    with workspace.db.session() as s:
        assert s.query(Receipt).count() == 2
        files = s.query(ImportedFile).all()
        assert len(files) == 2 and files[0].kind == "RECEIPTS" and files[0].rows == 2
    d = next(v for v in workspace.receipts.list(ente_id=ente.id) if v.iud == "D1")
    assert debt(workspace, d.debt_id).paid_amount_cents == 10000  # not doubled


def test_instalments_matched_individually_parent_follows(workspace, ente, tmp_path):
    ids = add_debts(workspace, ente.id, [dict(
        iud="P", iuv="120000000000000010", amount_cents=30000,
        instalments=[dict(iud="P-1", iuv="120000000000000011", amount_cents=15000),
                     dict(iud="P-2", iuv="120000000000000012", amount_cents=15000)])])
    workspace.receipts.import_file(export_file(tmp_path, [row(1, iud="P-1", iuv="120000000000000011", cents=15000)]),
                                   ente_id=ente.id)
    assert debt(workspace, ids["P-1"]).state == DebtState.PAGATO
    assert debt(workspace, ids["P-2"]).state == "SUL_PORTALE"
    parent = debt(workspace, ids["P"])
    assert parent.state == DebtState.PAGATO_PARZIALE and parent.paid_amount_cents == 15000
    v = workspace.receipts.list(ente_id=ente.id)[0]
    assert "rata 1" in v.match_label
    workspace.receipts.import_file(
        export_file(tmp_path, [row(2, iud="P-2", iuv="120000000000000012", cents=15000, when="2025-04-01")]),
        ente_id=ente.id)
    parent = debt(workspace, ids["P"])
    assert parent.state == DebtState.PAGATO and parent.paid_amount_cents == 30000
    assert parent.paid_at == datetime(2025, 4, 1, 9, 0)


def test_bad_rows_reported_rest_imported(workspace, ente, tmp_path):
    good = row(1, iud="A", iuv="1")
    text = rx.write_export_csv([good, row(2, iud="B", iuv="2"), row(3, iud="C", iuv="3")], "1.3", True).decode()
    lines = text.split("\n")
    lines[2] = lines[2].replace('"2.00"', '"x"')  # no such amount: keep the lines and break row 2's base64
    lines[2] = lines[2].replace(lines[2].split('";"')[65], "!!!notbase64")
    lines[3] = lines[3].replace('"3"', '"3";"extra"', 1)
    p = tmp_path / "C_TEST-1_ESTRAZIONE_DOVUTI_20250302000000-1_3.csv"
    p.write_text("\n".join(lines), encoding="utf-8")
    report = workspace.receipts.import_file(p, ente_id=ente.id)
    assert report.new == 1
    errs = {e["row"]: e for e in report.errors}
    assert set(errs) == {3, 4}
    assert errs[3]["column"] == "rt" and errs[4]["message"].startswith("numero di colonne errato")
    assert all(e["file"] == p.name for e in report.errors)


def test_receipt_of_other_ente_refused(workspace, ente, tmp_path):
    report = workspace.receipts.import_file(
        export_file(tmp_path, [row(1, iud="A", iuv="1", identificativoDominio="80000000000"), row(2, iud="B", iuv="2")]),
        ente_id=ente.id)
    assert report.new == 1 and report.errors[0]["row"] == 2 and "altro Ente" in report.errors[0]["message"]


def test_not_an_export_is_user_error(workspace, ente, tmp_path):
    p = tmp_path / "x.csv"
    p.write_text('"a";"b"\n"1";"2"\n')
    with pytest.raises(UserError, match="colonne"):
        workspace.receipts.import_file(p, ente_id=ente.id)
    with pytest.raises(UserError, match="non trovato"):
        workspace.receipts.import_file(tmp_path / "missing.zip", ente_id=ente.id)


def test_receipts_first_debts_later_are_rematched(workspace, ente, tmp_path):
    workspace.receipts.import_file(export_file(tmp_path, [
        row(1, iud="LATE", iuv="120000000000000099"), row(2, iud="OTHER", iuv="120000000000000098"),
        row(3, iud="NONE", iuv="120000000000000097")]), ente_id=ente.id)
    assert [r.debt_id for r in workspace.receipts.list(ente_id=ente.id)] == [None, None, None]
    ids = add_debts(workspace, ente.id, [dict(iud="LATE", iuv="120000000000000099", amount_cents=10000),
                                         dict(iud="ELSE", iuv="120000000000000098", amount_cents=10000)])
    assert workspace.receipts.rematch(ente_id=ente.id) == 2  # (several at once: one statement on PostgreSQL)
    assert debt(workspace, ids["LATE"]).state == DebtState.PAGATO
    assert debt(workspace, ids["ELSE"]).state == DebtState.PAGATO
    matched = {r.iud: (r.debt_id, r.match_kind) for r in workspace.receipts.list(ente_id=ente.id)}
    assert matched == {"LATE": (ids["LATE"], "IUD"), "OTHER": (ids["ELSE"], "IUV"), "NONE": (None, "")}


def test_secondary_ente_rows_never_matched(workspace, ente, tmp_path):
    add_debts(workspace, ente.id, [dict(iud="D1", iuv="120000000000000001", amount_cents=10000)])
    sec = row(1, iud="D1", iuv="120000000000000001", tipo=rx.SECONDARY_ENTE_TYPE, cod_fiscale_pa1="80012345678",
              de_nome_pa1="Provincia")
    report = workspace.receipts.import_file(export_file(tmp_path, [sec]), ente_id=ente.id)
    assert (report.new, report.matched, report.unmatched) == (1, 0, 1)
    v = workspace.receipts.list(ente_id=ente.id)[0]
    assert v.match_label == "Ente secondario" and v.secondary_name == "Provincia"


def test_text_filter_takes_like_wildcards_literally_and_ignores_case(workspace, ente, tmp_path):
    rows = [row(1, iud="S1", iuv="991", anagraficaPagatore="Sconto 10% Rossi"),
            row(2, iud="S2", iuv="992", anagraficaPagatore="Sconto 10X Rossi"),
            row(3, iud="S3", iuv="993", anagraficaPagatore="A_B Verdi"),
            row(4, iud="S4", iuv="994", anagraficaPagatore="AXB Verdi"),
            row(5, iud="S5", iuv="995", anagraficaPagatore="C\\D Bianchi")]
    workspace.receipts.import_file(export_file(tmp_path, rows), ente_id=ente.id)

    def found(text: str) -> list[str]:
        return sorted(v.iud for v in workspace.receipts.list(ReceiptFilters(text=text), ente_id=ente.id))

    assert found("10%") == ["S1"]
    assert found("a_b") == ["S3"]
    assert found("c\\d") == ["S5"]
    assert found("SCONTO") == ["S1", "S2"]


def test_filters_collections_detail_and_xlsx(workspace, ente, tmp_path):
    add_debts(workspace, ente.id, [dict(iud="D1", iuv="120000000000000001", amount_cents=10000)])
    rows = [row(1, iud="D1", iuv="120000000000000001", when="2025-01-10"),
            row(2, iud="S2", iuv="992", when="2025-01-10", tipo="MENSA", cents=500),
            row(3, iud="S3", iuv="993", when="2025-03-05", tipo="MENSA", cents=700, anagraficaPagatore="Zoe Bianchi")]
    workspace.receipts.import_file(export_file(tmp_path, rows), ente_id=ente.id)
    rs = workspace.receipts
    assert [v.iud for v in rs.list(ReceiptFilters(debt_types=("MENSA",)), ente_id=ente.id)] == ["S3", "S2"]
    assert [v.iud for v in rs.list(ReceiptFilters(matched=True), ente_id=ente.id)] == ["D1"]
    assert [v.iud for v in rs.list(ReceiptFilters(text="zoe"), ente_id=ente.id)] == ["S3"]
    assert [v.iud for v in rs.list(ReceiptFilters(date_from=date(2025, 2, 1)), ente_id=ente.id)] == ["S3"]
    assert [v.iud for v in rs.list(ReceiptFilters(date_to=date(2025, 1, 31), sort="amount_cents",
                                                  descending=False), ente_id=ente.id)] == ["S2", "D1"]
    days = rs.collections(ReceiptFilters(), period="day", ente_id=ente.id)
    assert [(p.period, p.count, p.amount_cents) for p in days] == [(date(2025, 1, 10), 2, 10500),
                                                                  (date(2025, 3, 5), 1, 700)]
    months = rs.collections(ReceiptFilters(), period="month", ente_id=ente.id)
    assert [(p.label, p.amount_cents) for p in months] == [("01/2025", 10500), ("03/2025", 700)]
    assert "MENSA" in rs.debt_types(ente_id=ente.id) and "TARI" in rs.debt_types(ente_id=ente.id)
    first = rs.list(ReceiptFilters(matched=True), ente_id=ente.id)[0]
    det = rs.detail(first.id, ente_id=ente.id)
    fields = dict(det.fields)
    assert det.summary is not None and fields["Importo"] == "100,00 €" and fields["PSP"].endswith("Banca Uno")
    assert det.debt["iud"] == "D1" and det.debt["state_label"] == "Pagato"
    assert ("codIud", "D1") in det.columns
    out = tmp_path / "pagamenti.xlsx"
    assert rs.export_xlsx(ReceiptFilters(debt_types=("MENSA",)), out, ente_id=ente.id) == 2
    from openpyxl import load_workbook

    sheet = load_workbook(out).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0] == "Data pagamento" and values[1][3] == "S3" and values[1][6] == 7.0
    assert values[-1][0] == "Totale" and values[-1][6] == 12.0


def test_detail_without_receipt_xml_uses_columns(workspace, ente, tmp_path):
    workspace.receipts.import_file(export_file(tmp_path, [row(1, iud="A", iuv="1")], version="1.2",
                                               with_receipt=False), ente_id=ente.id)
    v = workspace.receipts.list(ente_id=ente.id)[0]
    det = workspace.receipts.detail(v.id, ente_id=ente.id)
    assert det.summary is None and dict(det.fields)["IUD"] == "A"


# --- sync_receipts with a scripted portal client ------------------------------------------------

class FakeClient:
    """Plays the portal's side of the incremental export: booking, states, download."""

    def __init__(self, states, payload=b"", date_to=datetime(2025, 5, 1, 12, 0, 0), fail_token=None):
        from mypay_desk.services.portal_client import ExportBooking, ExportStatus

        self._booking, self._status = ExportBooking, ExportStatus
        self.states = list(states)
        self.payload = payload
        self.date_to = date_to
        self.fail_token = fail_token
        self.booked: list[datetime] = []
        self.polled: list[str] = []
        self.pauses: list[float] = []
        self.closed = False

    def prenota_export_incrementale_con_ricevuta(self, date_from, *, ricevuta, incrementale, version, **_kw):
        assert ricevuta and incrementale and version == "1.3"
        self.booked.append(date_from)
        return self._booking(request_token=f"TOKEN-{len(self.booked)}", date_to=self.date_to)

    def chiedi_stato_export_flusso(self, token):
        from mypay_desk.services.errors import PortalError

        self.polled.append(token)
        if token == self.fail_token:
            raise PortalError("token sconosciuto", fault_code="PAA_REQUEST_TOKEN_NON_VALIDO")
        state = self.states.pop(0) if len(self.states) > 1 else self.states[0]
        url = "http://portal/public/mybox/download/1?type=X&filename=C_TEST-9_ESTRAZIONE_DOVUTI_20250501120000-1_3.zip"
        return self._status(state=state, download_url=url if state == "EXPORT_ESEGUITO" else "")

    def download(self, url, what=""):
        return self.payload

    def pause(self, seconds):
        self.pauses.append(seconds)

    def close(self):
        self.closed = True


def _use_client(monkeypatch, workspace, client):
    monkeypatch.setattr(workspace.portal, "client", lambda ente=None, cancel=None, **_kw: client)


def _export_bytes(rows):
    return rx.write_export_zip(rows, "1.3", True, export_id="9", when=datetime(2025, 5, 1, 12), ipa_code="C_TEST")[1]


def test_sync_books_polls_with_backoff_imports_and_keeps_date_to(workspace, ente, monkeypatch):
    ids = add_debts(workspace, ente.id, [dict(iud="D1", iuv="120000000000000001", amount_cents=10000)])
    client = FakeClient(["LOAD_EXPORT", "EXPORT_IN_ELAB", "EXPORT_IN_ELAB", "EXPORT_ESEGUITO"],
                        payload=_export_bytes([row(1, iud="D1", iuv="120000000000000001")]))
    _use_client(monkeypatch, workspace, client)
    before = datetime.now()
    rep = workspace.receipts.sync_receipts(ente_id=ente.id, poll_first=1.0)
    assert (rep.state, rep.new, rep.matched, rep.resumed) == ("IMPORTATO", 1, 1, False)
    assert client.pauses == [1.0, 2.0, 4.0] and client.closed
    assert (before.date() - client.booked[0].date()).days == 90  # first sync: 90 days back
    assert workspace.receipts.synced_to(ente_id=ente.id) == datetime(2025, 5, 1, 12, 0, 0)
    assert debt(workspace, ids["D1"]).state == DebtState.PAGATO
    assert rep.file.endswith("-1_3.zip")
    # next time from the stored dateTo; an empty export still moves it on
    client2 = FakeClient(["EXPORT_ESEGUITO_NESSUN_DOVUTO_TROVATO"], date_to=datetime(2025, 5, 2))
    _use_client(monkeypatch, workspace, client2)
    rep2 = workspace.receipts.sync_receipts(ente_id=ente.id)
    assert rep2.state == "VUOTO" and client2.booked == [datetime(2025, 5, 1, 12, 0, 0)]
    assert workspace.receipts.synced_to(ente_id=ente.id) == datetime(2025, 5, 2)
    history = workspace.receipts.sync_history(ente_id=ente.id)
    assert [h["state"] for h in history] == ["VUOTO", "IMPORTATO"]


def test_sync_timeout_keeps_booking_then_resumes(workspace, ente, monkeypatch):
    from mypay_desk.services.errors import PortalError

    client = FakeClient(["EXPORT_IN_ELAB"])
    _use_client(monkeypatch, workspace, client)
    with pytest.raises(PortalError, match="non è ancora pronto"):
        workspace.receipts.sync_receipts(ente_id=ente.id, poll_first=1.0, poll_timeout=0.5)
    assert len(client.booked) == 1 and workspace.receipts.synced_to(ente_id=ente.id) is None
    client2 = FakeClient(["EXPORT_ESEGUITO"], payload=_export_bytes([row(1, iud="X", iuv="9")]))
    _use_client(monkeypatch, workspace, client2)
    rep = workspace.receipts.sync_receipts(ente_id=ente.id)
    assert rep.resumed and client2.booked == [] and client2.polled == ["TOKEN-1"] and rep.new == 1


def test_sync_forgotten_token_is_booked_again_and_export_error_is_reported(workspace, ente, monkeypatch):
    from mypay_desk.services.errors import PortalError

    _use_client(monkeypatch, workspace, FakeClient(["EXPORT_IN_ELAB"]))
    with pytest.raises(PortalError):
        workspace.receipts.sync_receipts(ente_id=ente.id, poll_timeout=0)
    client = FakeClient(["EXPORT_ESEGUITO"], payload=_export_bytes([row(1, iud="X", iuv="9")]),
                        fail_token="TOKEN-1")
    client.booked = [datetime(2000, 1, 1)]  # the portal numbers the next booking TOKEN-2
    _use_client(monkeypatch, workspace, client)
    rep = workspace.receipts.sync_receipts(ente_id=ente.id)
    assert rep.new == 1 and not rep.resumed and client.polled == ["TOKEN-1", "TOKEN-2"]
    failing = FakeClient(["ERROR_EXPORT"])
    _use_client(monkeypatch, workspace, failing)
    with pytest.raises(PortalError, match="ERROR_EXPORT"):
        workspace.receipts.sync_receipts(ente_id=ente.id)
    assert workspace.receipts.sync_history(ente_id=ente.id)[0]["state"] == "ERRORE"
    # the failed one is not resumed: a new booking from the same start
    again = FakeClient(["EXPORT_ESEGUITO_NESSUN_DOVUTO_TROVATO"])
    _use_client(monkeypatch, workspace, again)
    workspace.receipts.sync_receipts(ente_id=ente.id)
    assert len(again.booked) == 1


def test_cli_receipts_import_json_and_exit_codes(workspace, ente, tmp_path, capsys):
    import json

    from mypay_desk.cli import main

    p = export_file(tmp_path, [row(1, iud="A", iuv="1"), row(2, iud="B", iuv="2")])
    rc = main(["--workspace", str(workspace.path), "receipts", "import", str(p), "--json"])
    out = json.loads(capsys.readouterr().out)
    assert rc == 0 and {k: out[k] for k in ("receipts", "new", "matched", "unmatched", "errors")} == \
        {"receipts": 2, "new": 2, "matched": 0, "unmatched": 2, "errors": []}
    bad = tmp_path / "bad.csv"
    bad.write_text(rx.write_export_csv([row(3, iud="C", iuv="3")], "1.0", False).decode() + '"x";"y"\n')
    rc = main(["--workspace", str(workspace.path), "receipts", "import", str(bad), "--json"])
    out = json.loads(capsys.readouterr().out)
    assert rc == 1 and out["new"] == 1 and out["errors"][0]["row"] == 3
    rc = main(["--workspace", str(workspace.path), "receipts", "list", "--json", "--unmatched", "--type", "TARI"])
    listed = json.loads(capsys.readouterr().out)
    assert rc == 0 and sorted(r["iud"] for r in listed["receipts"]) == ["A", "B", "C"]
    assert listed["unmatched_by_type"] == [{"debt_type": "TARI", "count": 3, "amount_cents": 30000}]
    rc = main(["--workspace", str(workspace.path), "receipts", "list", "--from", "01/02/2025"])
    assert rc == 1 and "AAAA-MM-GG" in capsys.readouterr().err
    assert main(["--workspace", str(workspace.path), "receipts", "import", str(tmp_path / "nope.zip")]) == 1


def test_bulk_insert_stores_dates_as_the_orm_does(workspace, ente, tmp_path):
    # the fast insert path must write date/datetime text that ORM-bound comparisons match
    workspace.receipts.import_file(export_file(tmp_path, [row(1, iud="A", iuv="1", when="2025-03-01")]),
                                   ente_id=ente.id)
    with workspace.db.session() as s:
        r = s.query(Receipt).filter(Receipt.receipt_datetime == datetime(2025, 3, 1, 9, 0, 0),
                                    Receipt.outcome_date == date(2025, 3, 1)).one()
        assert r.iud == "A" and r.imported_at is not None
        assert s.query(Receipt).filter(Receipt.imported_at == r.imported_at).count() == 1


def test_many_small_batches_dedupe_and_match_across_batches(workspace, ente, tmp_path, monkeypatch, store_path):
    from mypay_desk.services.receipts import importing as svc

    monkeypatch.setattr(svc, "BATCH_ROWS", 2)
    ids = add_debts(workspace, ente.id, [dict(iud=f"D{i}", iuv=f"12000000000000000{i}", amount_cents=10000)
                                         for i in range(4)])
    rows = [row(i, iud=f"D{i}", iuv=f"12000000000000000{i}") for i in range(4)]
    rows.insert(3, row(0, iud="D0", iuv="120000000000000000"))  # the first receipt again, in another batch
    rows.append(row(9, iud="S9", iuv="99"))
    progress = []
    rep = workspace.receipts.import_file(export_file(tmp_path, rows), ente_id=ente.id,
                                         progress=lambda d, t, m: progress.append(d))
    assert (rep.receipts, rep.new, rep.duplicates, rep.matched, rep.unmatched) == (6, 5, 1, 4, 1)
    assert all(debt(workspace, i).paid_amount_cents == 10000 for i in ids.values())  # not doubled
    assert progress[:3] == [0, 2, 4]


def test_staged_batches_keep_the_scratch_files_to_one_batch(workspace, ente, tmp_path, monkeypatch):
    """SQLite's writer thread: the two scratch files (one per table, no journal) hold one batch each,
    however many batches go through, and are removed after the import; every batch is stored."""
    if workspace.db.engine.dialect.name != "sqlite":
        pytest.skip("the writer thread is SQLite's path")
    from mypay_desk.services.receipts import importing as svc
    from mypay_desk.store.repositories import receipt_staging

    monkeypatch.setattr(svc, "BATCH_ROWS", 50)
    sizes: list[int] = []
    folders = []
    submit = receipt_staging.StagedReceiptWriter.submit

    def watched(self, rows):
        folders.append(self._folder)
        out = submit(self, rows)
        sizes.append(sum(f.stat().st_size for f in self._folder.iterdir()))
        return out

    monkeypatch.setattr(receipt_staging.StagedReceiptWriter, "submit", watched)
    add_debts(workspace, ente.id, [dict(iud=f"D{i}", iuv=f"12{i:016d}", amount_cents=10000) for i in range(0, 1000, 3)])
    rows = [row(i, iud=f"D{i}", iuv=f"12{i:016d}") for i in range(1000)]
    rep = workspace.receipts.import_file(export_file(tmp_path, rows), ente_id=ente.id)
    assert (rep.new, rep.matched, rep.debts_paid) == (1000, 334, 334)
    assert len(sizes) == 20 and max(sizes) <= 1.5 * sizes[1]  # the second has both files written once
    assert not folders[0].exists()


def test_the_last_batches_of_a_file_shrink_so_the_wait_after_reading_is_short(workspace, ente, tmp_path,
                                                                             monkeypatch, store_path):
    """Near the end of the file each batch is half of what is left (never under TAIL_MIN_ROWS), so the last
    one, stored by the writer thread after the whole file is read, is small. Every row is stored and matched
    once, on either path."""
    from mypay_desk.services.receipts import importing as svc

    monkeypatch.setattr(svc, "BATCH_ROWS", 100)
    monkeypatch.setattr(svc, "TAIL_MIN_ROWS", 10)
    sizes: list[int] = []
    build = svc._Pipeline._build
    monkeypatch.setattr(svc._Pipeline, "_build", lambda self, rows, errors: sizes.append(len(rows)) or build(
        self, rows, errors))
    add_debts(workspace, ente.id, [dict(iud=f"D{i}", iuv=f"12{i:016d}", amount_cents=10000) for i in range(0, 1000, 2)])
    rows = [row(i, iud=f"D{i}", iuv=f"12{i:016d}") for i in range(1000)]
    rep = workspace.receipts.import_file(export_file(tmp_path, rows), ente_id=ente.id)
    assert (rep.new, rep.matched, rep.debts_paid) == (1000, 500, 500)
    assert sum(sizes) == 1000 and sizes[0] == 100 and sizes == sorted(sizes, reverse=True), sizes
    assert sizes[-1] < 20 and sum(1 for n in sizes if n < 100) >= 3, sizes  # (the reader's buffers read ahead)


def test_a_file_broken_mid_way_keeps_and_counts_the_batches_stored_before(workspace, ente, tmp_path, monkeypatch,
                                                                          store_path):
    """The writer thread stores a batch while the next is read: when the file breaks (here after 120 rows, as a
    damaged ZIP does mid-way), the batch in flight still ends and is counted; the error names what was saved,
    and the rows after the last whole batch are not."""
    from mypay_desk.services.receipts import importing as svc

    real_iter_export = rx.iter_export

    def broken_after_120(*args, **kwargs):
        for n, item in enumerate(real_iter_export(*args, **kwargs)):
            if n == 120:
                raise rx.ExportFormatError("exp.zip: dati compressi danneggiati")
            yield item

    monkeypatch.setattr(svc.rx, "iter_export", broken_after_120)
    monkeypatch.setattr(svc, "BATCH_ROWS", 50)
    add_debts(workspace, ente.id, [dict(iud=f"D{i}", iuv=f"12{i:016d}", amount_cents=10000) for i in range(0, 200, 2)])
    path = export_file(tmp_path, [row(i, iud=f"D{i}", iuv=f"12{i:016d}") for i in range(200)])
    with pytest.raises(UserError) as caught:
        workspace.receipts.import_file(path, ente_id=ente.id)
    assert "dati compressi danneggiati (le 100 ricevute già lette sono state salvate)" in str(caught.value)
    with workspace.db.session() as s:
        assert sorted(r.row_number for r in s.query(Receipt)) == list(range(2, 102))  # (the header is line 1)
        assert s.query(Debt).filter(Debt.state == DebtState.PAGATO).count() == 50


def test_a_batch_that_cannot_be_stored_stops_the_import_after_the_ones_before(workspace, ente, tmp_path, monkeypatch,
                                                                             store_path):
    """A batch the database refuses (here: the second) ends the import with that error, raised to the
    caller; the first batch stays stored and no batch after the refused one is written."""
    from mypay_desk.services.receipts import importing as svc
    from mypay_desk.store.repositories import receipt_staging

    monkeypatch.setattr(svc, "BATCH_ROWS", 50)
    calls = []
    if receipt_staging.available(workspace.db):
        owner, name = receipt_staging.StagedReceiptWriter, "_store"
    else:
        owner, name = svc.ReceiptImporting, "_store_batch"
    original = getattr(owner, name)

    def failing_second(self, *args):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disco pieno")
        return original(self, *args)

    monkeypatch.setattr(owner, name, failing_second)
    path = export_file(tmp_path, [row(i, iud=f"D{i}", iuv=f"12{i:016d}") for i in range(200)])
    with pytest.raises(RuntimeError, match="disco pieno"):
        workspace.receipts.import_file(path, ente_id=ente.id)
    assert len(calls) == 2
    with workspace.db.session() as s:
        assert sorted(r.row_number for r in s.query(Receipt)) == list(range(2, 52))


def test_next_batch_rows_halves_what_is_left_near_the_end(monkeypatch):
    from mypay_desk.formats import receipt_export as rx
    from mypay_desk.services.receipts import importing as svc

    monkeypatch.setattr(svc, "BATCH_ROWS", 20_000)
    monkeypatch.setattr(svc, "TAIL_MIN_ROWS", 2_000)
    reader = rx.ExportReader("x.csv", data_rows=80_000)
    assert svc.next_batch_rows(reader) == 20_000  # no position known: full batches
    reader.position = lambda: (800, 1000)  # 80,000 rows in 800 bytes read: 20,000 left
    assert svc.next_batch_rows(reader) == 10_000
    reader.position = lambda: (400, 1000)  # 120,000 left
    assert svc.next_batch_rows(reader) == 20_000
    reader.position = lambda: (990, 1000)  # about 800 left
    assert svc.next_batch_rows(reader) == 2_000
    reader.position = lambda: (0, 1000)
    assert svc.next_batch_rows(reader) == 20_000


@pytest.fixture(params=["writer thread", "portable"])
def store_path(request, monkeypatch):
    """Both ways a batch is stored: SQLite's writer thread (receipt_staging) and the portable path."""
    from mypay_desk.store.repositories import receipt_staging

    if request.param == "portable":
        monkeypatch.setattr(receipt_staging, "available", lambda _db: False)
    return request.param


def _expected_paid_state(workspace) -> dict[int, tuple]:
    """The documented rules, computed in Python from the stored receipts: (paid cents, paid_at text,
    PSP, state) per debt (unpaid debts keep their state and no payment)."""
    with workspace.db.engine.connect() as conn:
        receipts = conn.exec_driver_sql(
            "SELECT id, debt_id, amount_cents, outcome_code, COALESCE(receipt_datetime, outcome_date), psp_name "
            "FROM receipt WHERE debt_id IS NOT NULL").all()
        debts = conn.exec_driver_sql("SELECT id, parent_id, amount_cents, state FROM debt").all()
    out: dict[int, tuple] = {}
    for debt_id, _parent, amount, state in debts:
        paying = [r for r in receipts if r[1] == debt_id and r[2] > 0 and r[3] in ("0", "2", "")]
        if paying:
            latest = max(paying, key=lambda r: (str(r[4]), r[0]))  # ISO text (SQLite) or datetime (PostgreSQL)
            paid = sum(r[2] for r in paying)
            out[debt_id] = (paid, latest[4], latest[5], DebtState.PAGATO if paid >= amount else DebtState.PAGATO_PARZIALE)
        else:
            out[debt_id] = (0, None, "", state)
    for debt_id, _parent, _amount, _state in debts:
        kids = [k for k, p, _a, _s in debts if p == debt_id]
        if not kids:
            continue
        if any(r[1] == debt_id for r in receipts):  # paid directly (rata unica): its own receipts decide...
            if not out[debt_id][0]:
                del out[debt_id]  # ...but with none paying, it keeps what its instalments last gave it
            continue
        paid_kids = [out[k] for k in kids if out[k][0] > 0]
        if paid_kids:
            last = max(paid_kids, key=lambda k: str(k[1] or ""))
            at = last[1]
            if isinstance(at, str) and len(at) <= 10:  # SQLite: a day as text, written back via datetime
                at += " 00:00:00.000000"
            out[debt_id] = (sum(out[k][0] for k in kids), at, last[2],
                            DebtState.PAGATO if all(out[k][3] == DebtState.PAGATO for k in kids)
                            else DebtState.PAGATO_PARZIALE)
    return out


@pytest.mark.parametrize("seed,update_from", [(s, True) for s in range(6)] + [(0, False), (1, False)])
def test_paid_state_follows_the_rules_over_random_imports(workspace, ente, seed, update_from, monkeypatch, store_path):
    """Several receipts per debt (partial, excess, failed, zero, same time), instalments, rematches
    and repeated imports: every debt's paid amount, date, PSP and state are what the rules say
    (also on a SQLite without UPDATE ... FROM, where every batch is recomputed in SQL)."""
    import random

    from mypay_desk.store.repositories import receipts as repo

    monkeypatch.setattr(repo, "_UPDATE_FROM", update_from)

    rng = random.Random(seed)
    specs = []
    for i in range(12):
        spec = dict(iud=f"D{i}", iuv=f"1200000000000{i:04d}", amount_cents=rng.choice([1000, 5000]))
        if i % 4 == 0:
            spec["instalments"] = [dict(iud=f"D{i}-{n}", iuv=f"1300000000000{i:02d}{n:02d}", amount_cents=500)
                                   for n in (1, 2)]
        specs.append(spec)
    ids = add_debts(workspace, ente.id, specs[:8])  # the rest appear later: their receipts are rematched
    codes = [s["iud"] for s in specs] + [f"D{i}-{n}" for i in range(0, 12, 4) for n in (1, 2)] + ["SPONT"]
    n = 0
    for round_ in range(3):
        rows = []
        for _ in range(rng.randint(20, 40)):
            n += 1
            iud = rng.choice(codes[:6] if rng.random() < 0.5 else codes)  # a few debts get many receipts
            cents = rng.choice([0, 300, 500, 1000, 2500])
            day = rng.choice(["2025-01-01", "2025-02-01"])  # few dates: ties between receipts are frequent
            when = rng.choice([day + "T09:00:00", day + "T09:00:00", ""])
            rows.append(rx.ReceiptRow(
                codIud=iud if rng.random() < 0.8 else "", codIuv=f"IUV-{iud}", iuf="E",
                identificativoMessaggioRicevuta=f"M{n}", denominazioneAttestante=rng.choice(["PSP A", "PSP B"]),
                codiceEsitoPagamento=rng.choice(["0", "0", "1", "2", ""]), tipoDovuto="TARI",
                amount_cents=cents, total_paid_cents=cents, outcome_date=date.fromisoformat(day),
                receipt_datetime=datetime.fromisoformat(when) if when else None, row_number=n))
        if round_ == 1:
            ids.update(add_debts(workspace, ente.id, specs[8:]))
        half = len(rows) // 2
        workspace.receipts.import_rows(rows[:half], export_name=f"E{round_}", ente_id=ente.id)  # all new
        # some already stored, some new: the paid state is then recomputed from what is stored
        workspace.receipts.import_rows(rows[:3] + rows[half:], export_name=f"E{round_}", ente_id=ente.id)
    expected = _expected_paid_state(workspace)
    with workspace.db.engine.connect() as conn:
        got = {i: (p, at, psp, st) for i, p, at, psp, st in conn.exec_driver_sql(
            "SELECT id, paid_amount_cents, paid_at, paid_psp, state FROM debt").all()}
    assert {i: got[i] for i in expected} == expected


@pytest.mark.parametrize("json_each", [True, False])
def test_find_debts_iud_then_iuv_latest_wins(workspace, ente, monkeypatch, json_each):
    """The same answers through SQLite's json_each and through IN lists (other databases, or a SQLite
    without the JSON functions)."""
    from mypay_desk.store.repositories import receipts as repo
    from mypay_desk.store.repositories import value_lists

    monkeypatch.setattr(value_lists, "_SQLITE_JSON", [json_each])
    ids = add_debts(workspace, ente.id, [
        dict(iud="A", iuv="IUV-A", amount_cents=100), dict(iud="B", iuv="IUV-B", amount_cents=100),
        dict(iud='Q"\\è', iuv="IUV-Q", amount_cents=100), dict(iud="", iuv="IUV-N", amount_cents=100)])
    later = add_debts(workspace, ente.id, [dict(iud="A", iuv="IUV-A2", amount_cents=100)])  # replaces A
    with workspace.db.session() as s:
        by_iud, by_iuv = repo.find_debts(s, ente.id, ["A", "B", 'Q"\\è', "", "Z"],
                                         [("A", "IUV-A"), ("Z", "IUV-B"), ("Y", "IUV-N"), ("X", "nope")])
    assert by_iud == {"A": later["A"], "B": ids["B"], 'Q"\\è': ids['Q"\\è']}
    assert by_iuv == {"IUV-B": ids["B"], "IUV-N": ids[""]}


@settings(max_examples=300)
@given(st.lists(st.one_of(st.text(max_size=6), st.sampled_from(['"', "\\", "\x00", "\x1f", "\x7f", "è", "\u2028",
                                                                 "a", "", "12.50"])), max_size=8),
       st.sampled_from(["1.3", "1.2+rt"]))
def test_raw_json_is_the_values_as_json(values, layout):
    import json

    from mypay_desk.services.receipts.receipt_rows import raw_json as _raw_json

    assert json.loads(_raw_json(layout, values)) == {"layout": layout, "values": values}


_TEXT = st.one_of(st.sampled_from(["", "", "x", "01199250158", rx.SECONDARY_ENTE_TYPE, "TARI", 'a"b;c', "è\n2",
                                   "y" * 300]),
                  st.text(max_size=5))


@settings(max_examples=120, deadline=None)
@given(st.sampled_from([("1.0", False), ("1.1", True), ("1.2", False), ("1.2", True), ("1.3", False), ("1.3", True)]),
       st.lists(st.fixed_dictionaries({c: _TEXT for c in ("iuf", "codIud", "codIuv", "identificativoUnivocoVersamento",
                                                           "identificativoMessaggioRicevuta",
                                                           "identificativoUnivocoRiscoss", "identificativoDominio",
                                                           "tipoDovuto", "cod_fiscale_pa1", "anagraficaPagatore",
                                                           "causaleVersamento", "tipoFirma", "bilancio",
                                                           "denominazioneAttestante", "codiceEsitoPagamento")}),
                min_size=1, max_size=6))
def test_file_rows_are_stored_as_their_receipt_rows_would_be(layout, cells):
    """A file's rows go through ExportRecord (no ReceiptRow per row): every value stored is what the
    ReceiptRow of the same row gives, and the same rows are refused."""
    from mypay_desk.services.receipts.receipt_rows import dedupe_key
    from mypay_desk.services.receipts.receipt_rows import receipt_row as _receipt_row
    from mypay_desk.services.receipts.receipt_rows import record_fields as _record_fields
    from mypay_desk.services.receipts.receipt_rows import record_row as _record_row

    version, with_receipt = layout
    rows = [rx.ReceiptRow(**c, singoloImportoPagato="1.50", importoTotalePagato="2", dataEsitoSingoloPagamento="2025-03-01",
                          dataOraMessaggioRicevuta="2025-03-01T10:00:00", indiceDatiSingoloPagamento="2",
                          numRtDatiPagDatiSingPagCommissioniApplicatePsp="0.5") for c in cells]
    data = rx.write_export_csv(rows, version, with_receipt)
    as_rows = [item for _r, item in rx.iter_export(data, "x.csv")]
    as_records = [item for _r, item in rx.iter_export(data, "x.csv", records=True)]
    assert [type(a) is rx.RowError for a in as_rows] == [type(b) is rx.RowError for b in as_records]
    now = datetime(2025, 6, 1, 12, 0)
    for row, record in zip(as_rows, as_records, strict=True):
        if type(row) is rx.RowError:
            assert row == record
            continue
        assert _record_row(7, record, _record_fields(record), "file.zip", now) == \
            _receipt_row(7, row, dedupe_key(row), "file.zip", now)


def test_file_import_and_row_import_store_the_same(workspace, ente, tmp_path, new_workspace, store_path):
    """import_file (rows as ExportRecord) and import_rows (ReceiptRow) of the same export: the same
    receipts, matches, refusals and report."""
    from mypay_desk.domain.ente import EnteData

    other = new_workspace(tmp_path / "other")
    try:
        other_ente = other.ente.save(EnteData(ipa_code="C_TEST", fiscal_code=CF, name="Comune di Prova",
                                              segregation_code="12"))
        specs = [dict(iud="D1", iuv="120000000000000001", amount_cents=10000),
                 dict(iud="D2", iuv="120000000000000002", amount_cents=5000)]
        add_debts(workspace, ente.id, [dict(s) for s in specs])
        add_debts(other, other_ente.id, [dict(s) for s in specs])
        rows = [row(1, iud="D1", iuv="120000000000000001"), row(2, iud="X", iuv="120000000000000002", cents=3000),
                row(3, iud="S", iuv="99"), row(4, iud="E", iuv="98", identificativoDominio="80000000000"),
                row(5, iud="D1", iuv="120000000000000001", tipo=rx.SECONDARY_ENTE_TYPE, cod_fiscale_pa1="9"),
                row(6, iud="", iuv="120000000000000002", cents=2000, codiceEsitoPagamento="1")]
        path = export_file(tmp_path, rows)
        by_file = workspace.receipts.import_file(path, ente_id=ente.id)
        by_rows = other.receipts.import_rows([r for r in rx.read_export(path).rows], export_name=path.name,
                                             ente_id=other_ente.id)

        def stored(ws):
            with ws.db.engine.connect() as conn:
                cols = [c.name for c in Receipt.__table__.columns if c.name not in ("id", "ente_id", "imported_at")]
                receipts = conn.exec_driver_sql(f"SELECT {', '.join(cols)} FROM receipt ORDER BY row_number").all()
                debts = conn.exec_driver_sql("SELECT iud, paid_amount_cents, paid_psp, state FROM debt "
                                             "ORDER BY iud").all()
            return receipts, debts

        assert stored(workspace) == stored(other)
        file_report, rows_report = by_file.to_json(), by_rows.to_json()
        for k in ("file", "version", "with_receipt"):
            file_report.pop(k), rows_report.pop(k)
        assert file_report == rows_report and by_file.new == 5 and by_file.errors[0]["row"] == 5
    finally:
        other.close()


@pytest.mark.parametrize("version,with_receipt", [("1.0", False), ("1.2", True), ("1.3", False), ("1.3", True)])
def test_detail_columns_are_the_row_as_read(workspace, ente, tmp_path, version, with_receipt):
    """raw_json leaves out what the receipt's own columns hold (unless a value was cut to fit one):
    the detail still lists every non-empty column of the row exactly as the export had it."""
    rows = [row(1, iud="A", iuv="1", causaleVersamento='Causale "x" \\ y', tipoFirma="CADES"),
            row(2, iud="B", iuv="2", anagraficaPagatore="N" * 90, bilancio="<b/>"),  # the name is cut to 70
            row(3, iud="C", iuv="3", codiceEsitoPagamento="", emailPagatore="è@x.it")]
    path = export_file(tmp_path, rows, version=version, with_receipt=with_receipt)
    workspace.receipts.import_file(path, ente_id=ente.id)
    expected = {}
    for r in rx.read_export(path).rows:
        columns = rx.columns_for(version, with_receipt)
        expected[r.codIud] = [(c, v) for c, v in zip(columns, r.values, strict=True) if v and c != "rt"]
    with workspace.db.engine.connect() as conn:
        layouts = {iud: json.loads(raw)["layout"] for iud, raw in conn.exec_driver_sql(
            "SELECT iud, raw_json FROM receipt").all()}
    assert layouts["A"].endswith("/c") and layouts["C"].endswith("/c") and not layouts["B"].endswith("/c")
    for v in workspace.receipts.list(ente_id=ente.id):
        assert workspace.receipts.detail(v.id, ente_id=ente.id).columns == expected[v.iud], v.iud


@pytest.mark.sqlite_only
def test_bigger_page_cache_only_while_a_batch_is_stored(workspace, ente, tmp_path, monkeypatch, store_path):
    from mypay_desk.store.repositories import receipts as repo

    with workspace.db.engine.connect() as conn:
        before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    seen = []
    real = repo.last_receipt_id  # (read while the batch is written, on either path)

    def spy(session):
        seen.append(session.connection().exec_driver_sql("PRAGMA cache_size").scalar())
        return real(session)

    monkeypatch.setattr(repo, "last_receipt_id", spy)
    workspace.receipts.import_file(export_file(tmp_path, [row(1, iud="A", iuv="1")]), ente_id=ente.id)
    assert seen == [-repo.BULK_CACHE_KIB]
    with workspace.db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == before


@pytest.mark.parametrize("index", ["null", "", " null "])
def test_receipt_without_index_as_mypay_writes_it_is_read_and_matched(workspace, ente, tmp_path, index):
    """MyPay writes indiceDatiSingoloPagamento as ``"" + Integer`` (mypay4-be ExportDovutiService,
    addListDovutoElaboratotoStringArray): a receipt with no index arrives as the text ``null``. It is a
    single-payment receipt: read, matched and the debt paid."""
    ids = add_debts(workspace, ente.id, [dict(iud="D1", iuv="120000000000000001", amount_cents=10000)])
    data = rx.write_export_csv([row(1, iud="D1", iuv="120000000000000001", indiceDatiSingoloPagamento=index)],
                               "1.3", True)
    assert b'"' + index.encode() + b'"' in data  # the cell as written, every field quoted as opencsv does
    records = [item for _r, item in rx.iter_export(data, "x.csv")]
    assert [type(r) for r in records] == [rx.ReceiptRow] and records[0].payment_index is None
    report = workspace.receipts.import_bytes(data, "C_TEST-1_ESTRAZIONE_DOVUTI_20250302000000-1_3.csv",
                                             ente_id=ente.id)
    assert (report.new, report.matched, report.errors) == (1, 1, [])
    assert debt(workspace, ids["D1"]).state == DebtState.PAGATO


def test_receipt_with_a_non_numeric_index_is_still_refused(tmp_path):
    data = rx.write_export_csv([row(1, iud="D1", iuv="120000000000000001", indiceDatiSingoloPagamento="uno")],
                               "1.3", True)
    (err,) = [item for _r, item in rx.iter_export(data, "x.csv")]
    assert type(err) is rx.RowError and err.column == "indiceDatiSingoloPagamento"


def test_a_zip_of_two_exports_of_different_layouts_stores_what_their_rows_give(workspace, ente, tmp_path,
                                                                               new_workspace, monkeypatch):
    """A batch holds one file's rows (on SQLite each file's own decoder reads them): a ZIP with a 1.3 export
    and a 1.0 one stores what importing their rows does, batch limits or not."""
    import io
    import zipfile

    from mypay_desk.domain.ente import EnteData
    from mypay_desk.services.receipts import importing as svc

    monkeypatch.setattr(svc, "BATCH_ROWS", 3)
    first = [row(i, iud=f"A{i}", iuv=f"12000000000000001{i}", rt_xml=b"") for i in range(4)]
    second = [row(i, iud=f"B{i}", iuv=f"12000000000000002{i}", rt_xml=b"") for i in range(2)]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.csv", rx.write_export_csv(first, "1.3", False))
        zf.writestr("b.csv", rx.write_export_csv(second, "1.0", False))
    path = tmp_path / "two.zip"
    path.write_bytes(buf.getvalue())
    other = new_workspace(tmp_path / "other")
    try:
        other_ente = other.ente.save(EnteData(ipa_code="C_TEST", fiscal_code=CF, name="Comune di Prova",
                                              segregation_code="12"))
        by_file = workspace.receipts.import_file(path, ente_id=ente.id)
        by_rows = other.receipts.import_rows([r for r in rx.read_export(path).rows], export_name=path.name,
                                             ente_id=other_ente.id)

        def stored(ws):
            cols = [c.name for c in Receipt.__table__.columns
                    if c.name not in ("id", "ente_id", "imported_at")]
            with ws.db.engine.connect() as conn:
                return conn.exec_driver_sql(f"SELECT {', '.join(cols)} FROM receipt ORDER BY iud").all()

        assert by_file.new == by_rows.new == 6 and not by_file.errors
        assert stored(workspace) == stored(other)
    finally:
        other.close()


def test_migration_0012_gives_paid_debts_their_paid_state_back(workspace, ente, tmp_path):
    """Debts a flow's outcome took out of their paid state before apply_rows kept it (one paid in full, one in
    part, one cancelled after its payment, the parent of paid instalments) are paid again after 0012; a debt
    without a paying receipt and an unpaid instalment keep their state."""
    from alembic import command
    from sqlalchemy import update

    from mypay_desk.store import db as dbmod

    ids = add_debts(workspace, ente.id, [
        dict(iud="FULL", iuv="120000000000000020", amount_cents=10000),
        dict(iud="PART", iuv="120000000000000021", amount_cents=10000),
        dict(iud="GONE", iuv="120000000000000022", amount_cents=5000),
        dict(iud="OPEN", iuv="120000000000000023", amount_cents=5000),
        dict(iud="P", iuv="120000000000000030", amount_cents=30000,
             instalments=[dict(iud="P-1", iuv="120000000000000031", amount_cents=15000),
                          dict(iud="P-2", iuv="120000000000000032", amount_cents=15000)]),
        dict(iud="Q", iuv="120000000000000040", amount_cents=20000,
             instalments=[dict(iud="Q-1", iuv="120000000000000041", amount_cents=10000),
                          dict(iud="Q-2", iuv="120000000000000042", amount_cents=10000)])])
    workspace.receipts.import_file(export_file(tmp_path, [
        row(1, iud="FULL", iuv="120000000000000020", cents=10000),
        row(2, iud="PART", iuv="120000000000000021", cents=4000),
        row(3, iud="GONE", iuv="120000000000000022", cents=5000),
        row(4, iud="P-1", iuv="120000000000000031", cents=15000),
        row(5, iud="P-2", iuv="120000000000000032", cents=15000),
        row(6, iud="Q-1", iuv="120000000000000041", cents=10000)]), ente_id=ente.id)
    paid = {iud: debt(workspace, ids[iud]).state for iud in ids}
    assert paid == {"FULL": "PAGATO", "PART": "PAGATO_PARZIALE", "GONE": "PAGATO", "OPEN": "SUL_PORTALE",
                    "P": "PAGATO", "P-1": "PAGATO", "P-2": "PAGATO", "Q": "PAGATO_PARZIALE", "Q-1": "PAGATO",
                    "Q-2": "SUL_PORTALE"}
    overwritten = {"FULL": "SUL_PORTALE", "PART": "RIFIUTATO", "GONE": "ANNULLATO", "P": "SUL_PORTALE",
                   "P-2": "SUL_PORTALE", "Q": "SUL_PORTALE"}
    with workspace.db.session() as s:  # what an outcome applied after the receipts wrote before 0012
        for iud, state in overwritten.items():
            s.execute(update(Debt).where(Debt.id == ids[iud]).values(state=state))
    versions = {iud: debt(workspace, ids[iud]).version for iud in ids}

    cfg = dbmod.alembic_config()
    with workspace.db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0011")
    with workspace.db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")

    assert {iud: debt(workspace, ids[iud]).state for iud in ids} == paid
    assert {iud for iud in ids if debt(workspace, ids[iud]).version != versions[iud]} == set(overwritten)
