"""List counts and totals stay right along every path that writes debts: the summaries read from the
tally (SQLite triggers) equal the portable ones (grouping the debts) and what the debts themselves say,
after an import, re-import with cancellations, edits and their undo, instalments, cancel and
uncancel, IUV assignment, a push with its outcome (accepted and rejected rows), receipts, deletes."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from unittest import mock

import pytest
from openpyxl import Workbook

from mypay_desk.formats import receipt_export as rx
from mypay_desk.store.repositories import list_tallies
from tests.integration.portal_support import make_list, start_sandbox, tari_records

pytestmark = pytest.mark.integration

CF1 = "RSSMRA85T10A562S"
HEAD = ["IUD", "Codice fiscale", "Cognome e nome", "Indirizzo", "CAP", "Importo", "Scadenza", "Causale"]


def check(ws) -> None:
    """Fast summaries == portable summaries == counted from the debts one by one."""
    fast = ws.lists.lists()
    with mock.patch.object(list_tallies, "tallies_maintained", return_value=False):
        plain = ws.lists.lists()
    assert [s.to_dict() for s in fast] == [s.to_dict() for s in plain]
    for s in fast:
        top = ws.lists.get_debts(s.id)
        every = ws.lists.get_debts(s.id, include_instalments=True)
        assert s.counts == dict(Counter(d.state for d in top))
        assert s.total_cents == sum(d.amount_cents for d in top if d.state != "ANNULLATO")
        assert s.invalid_count == sum(1 for d in every if not d.is_valid and d.state not in ("ANNULLATO", "PAGATO"))
        # pending by the sync's own rule (a row the portal rejected counts once changed since)
        assert s.pending_count == ws.sync.pending(s.name).total


def xlsx(path, rows):
    wb = Workbook()
    sheet = wb.active
    sheet.append(HEAD)
    for r in rows:
        sheet.append(r)
    wb.save(path)
    return path


def rows(n: int, start: int = 1, amount: str = "100,00") -> list[list]:
    return [[f"T-{i}", CF1, f"ROSSI MARIO {i}", "VIA ROMA 1", "20100", amount, "30/06/2030", f"TARI n. {i}"]
            for i in range(start, start + n)]


@pytest.fixture
def sandbox(workspace, ente, tmp_path):
    server = start_sandbox(workspace, ente, tmp_path / "sandbox")
    yield server
    server.stop()


def test_summaries_along_import_edit_cancel_and_delete(workspace, ente, tmp_path):
    lists = workspace.lists
    lists.import_file(xlsx(tmp_path / "a.xlsx", rows(6) + [["T-X", "BAD", "X", "", "", "5", "", "c"]]), "L", "TARI")
    check(workspace)
    again = rows(4)
    again[1][5] = "150,00"
    lists.import_file(xlsx(tmp_path / "b.xlsx", again), "L", "TARI", cancel_missing=True)  # T-5, T-6, T-X go
    check(workspace)
    ids = {d.iud: d.id for d in lists.get_debts("L")}
    lists.update_debts({ids["T-1"]: {"amount_cents": 12_345}, ids["T-2"]: {"debtor_code": "NOPE"}})
    check(workspace)
    lists.update_debts({ids["T-1"]: {"amount_cents": 10_000}, ids["T-2"]: {"debtor_code": CF1}})  # what undo does
    check(workspace)
    lists.set_instalments(ids["T-3"], [(5_000, date(2030, 6, 30)), (5_000, date(2030, 9, 30))])
    check(workspace)
    lists.set_instalments(ids["T-3"], [])
    check(workspace)
    lists.cancel_debts([ids["T-4"]])
    check(workspace)
    lists.uncancel_debts([ids["T-4"]])
    check(workspace)
    new = lists.add_debts("L", tari_records(3, prefix="N"))
    check(workspace)
    lists.delete_debts(new[:2])
    check(workspace)
    lists.assign_iuvs("L")
    check(workspace)
    lists.create_list("Vuota", "TARI")
    check(workspace)
    lists.delete_list("Vuota")
    lists.delete_list("L")
    check(workspace)
    assert lists.lists() == []


def test_summaries_along_push_outcome_and_receipts(workspace, ente, sandbox, tmp_path):
    recs = tari_records(5)
    recs[1].debt_type = "MENSA"  # the portal refuses it: MENSA inactive there
    recs[1].due_date = None
    sandbox.add_ente("C_TEST", ente.fiscal_code, "Prova.Sandbox1", ["TARI:scadenza", "MENSA:inattivo"],
                     segregation_code="12")
    ids = make_list(workspace, "TARI", recs)
    check(workspace)
    report = workspace.sync.push("TARI", wait=True)
    assert (report.accepted, report.rejected) == (4, 1)
    check(workspace)
    workspace.lists.update_debts({ids[2]: {"amount_cents": 99_900}})  # a pending M
    workspace.lists.cancel_debts([ids[3]])  # a pending A
    check(workspace)
    report = workspace.sync.push("TARI", wait=True)
    assert report.actions == {"I": 0, "M": 1, "A": 1}
    check(workspace)

    # receipts: one pays the first debt in full, one pays another in part
    debts = {d.id: d for d in workspace.lists.get_debts("TARI")}
    paid = [_receipt(1, debts[ids[0]], debts[ids[0]].amount_cents), _receipt(2, debts[ids[4]], 100)]
    name, data = rx.write_export_zip(paid, "1.3", False, export_id="1", when=datetime(2030, 3, 2), ipa_code="C_TEST")
    (tmp_path / name).write_bytes(data)
    report = workspace.receipts.import_file(tmp_path / name)
    assert report.debts_paid == 2
    check(workspace)
    states = {d.id: d.state for d in workspace.lists.get_debts("TARI")}
    assert (states[ids[0]], states[ids[4]]) == ("PAGATO", "PAGATO_PARZIALE")


def _receipt(n: int, debt, cents: int) -> rx.ReceiptRow:
    amount = f"{cents // 100}.{cents % 100:02d}"
    return rx.ReceiptRow(
        iuf="EXP", numRigaFlusso=str(n), codIud=debt.iud, codIuv=debt.iuv, identificativoDominio="01199250158",
        identificativoMessaggioRicevuta=f"RCPT{n}", dataOraMessaggioRicevuta="2030-03-01T10:00:00",
        codiceIdentificativoUnivoco="BCITITMM", denominazioneAttestante="Banca", codiceEsitoPagamento="0",
        importoTotalePagato=amount, identificativoUnivocoVersamento=debt.iuv, singoloImportoPagato=amount,
        esitoSingoloPagamento="ESEGUITO", dataEsitoSingoloPagamento="2030-03-01", identificativoUnivocoRiscoss=f"R{n}",
        tipoDovuto="TARI", indiceDatiSingoloPagamento="1")
