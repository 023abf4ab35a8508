"""«Invia al portale» says what will go and asks; the result names the rows left out; every pending
count agrees (status bar, the lists' «Da inviare», the rows' column, the send); printing warns about an
amount or a due date the portal does not hold yet."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from mypay_desk.services.unsent import unsent_notice_changes
from mypay_desk.ui.context import AppContext
from mypay_desk.ui.notices import actions
from mypay_desk.ui.pages.lists_page import ListsPage
from mypay_desk.ui.tasks import InlineTaskRunner
from mypay_desk.ui.widgets.status_bar import collect_status
from tests.integration.portal_support import make_list, start_sandbox, tari_records


@pytest.fixture
def sandbox(workspace, ente, tmp_path):
    server = start_sandbox(workspace, ente, tmp_path / "sandbox")
    yield server
    server.stop()


@pytest.fixture
def page(qtbot, workspace, ente, sandbox, tmp_path):
    recs = tari_records(4)
    recs[1].debt_type = "MENSA"
    recs[1].due_date = None
    sandbox.add_ente("C_TEST", ente.fiscal_code, "Prova.Sandbox1", ["TARI:scadenza", "MENSA:inattivo"],
                     segregation_code="12")  # the portal will reject the MENSA row
    make_list(workspace, "MISTA", recs)
    recs_bad = tari_records(1, prefix="ERR")
    recs_bad[0].debtor_code = ""  # an error: left out of the flow
    workspace.lists.add_debts("MISTA", recs_bad)
    ctx = AppContext(workspace, InlineTaskRunner(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    p = ListsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1300, 700)
    p.show()
    return p


def pending_everywhere(page):
    ws = page.ctx.ws
    column = sum(1 for r in range(page.model.rowCount()) if page.model.debt(r).pending)
    summary = sum(s.pending_count for s in ws.lists.lists())
    return {"status bar": collect_status(ws).pending, "lists": summary, "sync": ws.sync.pending("MISTA").total,
            "rows": column - sum(1 for r in range(page.model.rowCount()) if page.model.debt(r).pending
                                 and not page.model.debt(r).is_valid)}


def test_send_asks_with_counts_and_the_result_names_the_rows_left_out(page):
    page.send_to_portal()
    box = page.send_box
    assert box.objectName() == "sendConfirm" and box.isVisible()
    text = box.text() + "\n" + box.informativeText()
    assert "4 inserimenti, 0 modifiche, 0 annullamenti" in text
    assert "1 riga con errori esclusa" in text
    send = box.findChild(type(box.defaultButton()), "sendConfirmButton")
    assert send.text() == "Invia 4 dovuti"
    send.click()
    result = page.send_box
    assert result.objectName() == "sendResult"
    assert "3 accettati, 1 rifiutato" in result.text()  # Italian plurals
    info = result.informativeText()
    assert "Rifiutato dal portale (1):" in info and "TARI25-00002" in info
    assert "Non inviato (1):" in info and "ERR-00001" in info
    assert pending_everywhere(page) == {"status bar": 0, "lists": 0, "sync": 0, "rows": 0}


def test_send_with_nothing_to_send_says_so_and_sends_nothing(page):
    page.ctx.ws.sync.push("MISTA")
    journal = len(page.ctx.ws.portal.journal())
    page.send_to_portal()
    box = page.send_box
    assert "Nessuna modifica da inviare" in box.text()
    assert "1 riga rifiutata dal portale e non modificata esclusa" in box.informativeText()
    assert box.standardButtons() == QMessageBox.StandardButton.Ok
    box.accept()
    assert len(page.ctx.ws.portal.journal()) == journal


def test_send_while_a_flow_of_the_list_is_unfinished_offers_to_resume_it(page, sandbox):
    """Nothing new to send but a flow still waiting for its outcome (sent without waiting, the app closed...):
    «Invia al portale» offers to resume it instead of saying there is nothing to do; resumed, its outcome is
    applied and the result says so."""
    ws = page.ctx.ws
    sandbox.set_switches(processing_delay=0.5)
    sent = ws.sync.push("MISTA", wait=False)
    assert sent.state == "CARICATO"
    sandbox.set_switches(processing_delay=0.01)
    page.send_to_portal()
    box = page.send_box
    assert "non è ancora concluso (4 dovuti)" in box.text() and "Riprendilo" in box.informativeText()
    resume = box.findChild(type(box.defaultButton()), "sendResumeButton")
    assert box.defaultButton() is resume
    resume.click()
    result = page.send_box
    assert result.objectName() == "sendResult" and sent.flow in result.text() and "ripreso" in result.text()
    assert ws.sync.flows()[0].state == "ELABORATO"
    assert pending_everywhere(page) == {"status bar": 0, "lists": 0, "sync": 0, "rows": 0}


def test_pending_counts_agree_after_edits(page):
    ws = page.ctx.ws
    ws.sync.push("MISTA")
    rows = {d.iud: d for d in ws.lists.get_debts("MISTA")}
    ws.lists.update_debts({rows["TARI25-00001"].id: {"amount_cents": 55_500},  # an M
                           rows["TARI25-00002"].id: {"causale": "corretta"}})  # a rejected row, changed: sent again
    ws.lists.cancel_debts([rows["TARI25-00003"].id])  # an A
    page.controller.reload()
    counts = pending_everywhere(page)
    assert counts == {"status bar": 3, "lists": 3, "sync": 3, "rows": 3}


def test_print_warns_about_amount_and_due_date_the_portal_does_not_hold(page, monkeypatch, tmp_path):
    ws = page.ctx.ws
    ws.sync.push("MISTA")
    rows = {d.iud: d for d in ws.lists.get_debts("MISTA")}
    ws.lists.update_debts({rows["TARI25-00001"].id: {"amount_cents": 55_500},
                           rows["TARI25-00003"].id: {"due_date": date(2031, 1, 31)},
                           rows["TARI25-00004"].id: {"causale": "solo la causale"}})  # not a printed amount/date
    changes = unsent_notice_changes(ws, list_name="MISTA")
    assert {(c.iud, c.field) for c in changes} == {("TARI25-00001", "amount_cents"), ("TARI25-00003", "due_date")}
    seen = []

    def answer(self):
        seen.append(self.text() + "\n" + self.informativeText())
        self.done(0)

    monkeypatch.setattr(QMessageBox, "exec", answer)  # the clerk presses Annulla
    asked = []
    monkeypatch.setattr(actions, "ask_output", lambda *a: asked.append(a))
    assert actions.print_notices(page.ctx, page, list_name="MISTA") is None
    assert asked == []  # stopped before the file dialog
    assert "2 dovuti hanno importo o scadenza diversi" in seen[0]
    assert "TARI25-00001: importo sul portale 101,37 €, nella lista 555,00 €" in seen[0]
    assert "TARI25-00003: scadenza sul portale 30/06/2030, nella lista 31/01/2031" in seen[0]
    ws.sync.push("MISTA")
    assert unsent_notice_changes(ws, list_name="MISTA") == []


def test_result_lists_inserts_taken_back_from_the_portal_apart_from_rejections(qtbot):
    """Inserts the portal refused because it held them (services/sync/recovery.py) are not shown as rejected."""
    from mypay_desk.services.sync import PushReport, RowProblem
    from mypay_desk.ui.lists.sending import SendResultBox

    taken = "PAA_IMPORT_IUD_DUPLICATO: IUD ripetuto nel flusso o già presente — il portale aveva già il dovuto"
    report = PushReport(list_name="TARI", flow="MPD1", state="ELABORATO", actions={"I": 2, "M": 0, "A": 0},
                        accepted=0, rejected=2,
                        rejections=[RowProblem("T-1", "PAA_IMPORT_IUD_DUPLICATO", taken, "I", 1),
                                    RowProblem("T-2", "PAA_IMPORT_CAMPO", "campo errato", "I", 2)],
                        recovered=[RowProblem("T-1", "SUL_PORTALE", "ripreso con lo IUV 01000000000000144", "I", 1)])
    box = SendResultBox(None, report)
    qtbot.addWidget(box)
    details = box.informativeText()
    assert "Rifiutato dal portale (1):\n  T-2: PAA_IMPORT_CAMPO campo errato" in details
    assert "Già sul portale, ripreso (1):\n  T-1: ripreso con lo IUV 01000000000000144" in details
    assert details.count("T-1") == 1
    assert box.icon() == QMessageBox.Icon.Warning  # T-2 is still a rejection
    assert "(1 dei rifiutati era già sul portale ed è stato ripreso)" in box.text()

    report.rejections, report.rejected = report.rejections[:1], 1
    only_taken = SendResultBox(None, report)
    qtbot.addWidget(only_taken)
    assert only_taken.icon() == QMessageBox.Icon.Information and "Rifiutat" not in only_taken.informativeText()
