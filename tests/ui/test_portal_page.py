"""The Portale page against the real sandbox: connection settings and check, sync with results, flows and
their rejected rows, the journal, desk actions (send now, payment link and QR)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from mypay_desk.ui.context import AppContext
from mypay_desk.ui.pages import portal_page as page_module
from mypay_desk.ui.pages.portal_page import PortalPage
from mypay_desk.ui.portal.desk import PaymentDialog
from mypay_desk.ui.tasks import InlineTaskRunner
from tests.integration.portal_support import make_list, start_sandbox, tari_records


@pytest.fixture
def sandbox(workspace, ente, tmp_path):
    server = start_sandbox(workspace, ente, tmp_path / "sandbox")
    yield server
    server.stop()


@pytest.fixture
def ctx(workspace, tmp_path):
    return AppContext(workspace, InlineTaskRunner(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(page_module, "show_error", lambda _parent, title, failure: shown.append((title, failure)))
    return shown


@pytest.fixture
def boxes(monkeypatch):
    shown = []
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda _p, title, text, *a, **k: shown.append(text)))
    return shown


def make_page(qtbot, ctx) -> PortalPage:
    page = PortalPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    return page


def test_page_shows_settings_lists_and_pending(qtbot, ctx, workspace, ente, sandbox):
    make_list(workspace, "TARI", tari_records(3))
    page = make_page(qtbot, ctx)
    assert page.url_edit.text() == sandbox.base_url
    assert page.ipa_label.text() == "C_TEST"
    assert "salvata" in page.password_edit.placeholderText()
    assert "file dello spazio di lavoro" in page.password_note.text()
    assert [page.list_combo.itemText(i) for i in range(page.list_combo.count())] == ["TARI"]
    assert "3 da inserire" in page.pending_label.text()
    assert page.tabs.isTabVisible(page.desk_tab_index)  # the Sportello tab, in mode "iniziato presso l'Ente"
    assert not page.pay_button.isHidden()


def test_connection_check_and_save(qtbot, ctx, workspace, ente, sandbox):
    page = make_page(qtbot, ctx)
    assert page.test_result.isHidden() and not page.password_note.isHidden()
    qtbot.mouseClick(page.test_button, qtbot_button())
    assert "Connessione riuscita" in page.test_result.text()
    # the result in the note's place (the box keeps its height at 1366×768); the note stays the field's tooltip
    assert not page.test_result.isHidden() and page.password_note.isHidden()
    assert "file dello spazio di lavoro" in page.password_edit.toolTip()
    assert "raggiungibile" in page.online_label.text()

    page.password_edit.setText("Sbagliata.9")
    page.test_connection()
    assert "password" in page.test_result.text() and page.test_result.property("role") == "error"

    page.password_edit.setText("Nuova.Password1")
    page.url_edit.setText(sandbox.base_url + "/")
    with qtbot.waitSignal(ctx.ente_changed, timeout=2000):
        page.save_settings()
    assert workspace.portal.get_password("C_TEST") == "Nuova.Password1"
    assert workspace.ente.current().portal_url == sandbox.base_url  # trailing slash dropped
    assert page.password_edit.text() == ""


def test_sync_from_the_page(qtbot, ctx, workspace, ente, sandbox, errors):
    recs = tari_records(3)
    make_list(workspace, "TARI", recs)
    sandbox.add_ente("C_TEST", ente.fiscal_code, "Prova.Sandbox1", ["TARI:inattivo"], segregation_code="12")
    page = make_page(qtbot, ctx)
    with qtbot.waitSignal(ctx.pending_changed, timeout=5000):
        qtbot.mouseClick(page.sync_button, qtbot_button())
    assert errors == []
    assert "rifiutati" in page.sync_result.text()
    assert page.flows.rowCount() == 1
    flow = page.flows.rows[0]
    assert flow.rejected == 3 and flow.state == "ELABORATO"
    page.flows_view.selectRow(0)
    assert page.rejected.rowCount() == 3
    assert page.rejected.rows[0].code.startswith("PAA_IMPORT")
    ops = [page.journal.rows[i].operation for i in range(page.journal.rowCount())]
    assert "uploadFlusso" in ops and "paaSILAutorizzaImportFlusso" in ops
    assert all("Prova.Sandbox1" not in r.message for r in page.journal.rows)


def test_a_flow_that_ended_in_error_says_why_on_its_state(qtbot, ctx, workspace, ente, sandbox):
    """The reason of a flow refused or ended as a whole is in the «Errore» column, off screen at 1366 px: the
    state's tooltip says it too."""
    from PySide6.QtCore import Qt

    from mypay_desk.store.repositories import portal as repo

    make_list(workspace, "TARI", tari_records(2))
    sandbox.set_switches(processing_delay=0.5)
    sent = workspace.sync.push("TARI", wait=False)
    with workspace.db.session() as s:
        repo.update_flow(s, sent.flow_id, request_token="0")  # the portal will not know it
    sandbox.set_switches(processing_delay=0.01)
    assert workspace.sync.push("TARI", wait=True).state == "ERRORE"
    page = make_page(qtbot, ctx)
    state = page.flows.index(0, [c.title for c in page.flows.columns].index("Stato"))
    assert state.data() == "Rifiutato dal portale"
    tip = state.data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Rifiutato dal portale\nPAA_REQUEST_TOKEN_NON_VALIDO") and "non si può conoscere" in tip


def test_sync_failure_is_reported_and_keeps_changes(qtbot, ctx, workspace, ente, sandbox, errors):
    make_list(workspace, "TARI", tari_records(2))
    page = make_page(qtbot, ctx)
    sandbox.set_switches(fail_next=4)  # Autorizza is retried three times (issue 14): all of them fail
    page.synchronize()
    assert len(errors) == 1 and "503" in str(errors[0][1].exception)
    assert page.sync_button.isEnabled()
    assert "2 da inserire" in page.pending_label.text()


def test_desk_send_now_and_payment_dialog(qtbot, ctx, workspace, ente, sandbox, boxes, errors):
    make_list(workspace, "SPORTELLO", tari_records(2, prefix="DESK", generate_iuv=False))
    page = make_page(qtbot, ctx)
    page.iud_edit.setText("DESK-00001")
    page._send_now()
    assert boxes and "inviato al portale" in boxes[-1] and "Numero avviso" in boxes[-1]
    assert workspace.sync.find_debt("DESK-00001").state == "SUL_PORTALE"

    page.iud_edit.setText("DESK-00002")
    page._start_payment()
    assert errors == []
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, PaymentDialog) and w.isVisible()]
    assert len(dialogs) == 1
    dlg = dialogs[0]
    assert dlg.url.startswith(sandbox.base_url)
    assert not dlg.qr.pixmap().isNull() and dlg.qr.pixmap().width() > 100
    assert dlg.url in dlg.link.text()
    dlg.close()

    page.iud_edit.setText("NON-ESISTE")
    page._send_now()
    assert errors and "NON-ESISTE" in str(errors[-1][1])


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_portal_models_pass_the_model_tester(qtbot, qtmodeltester, ctx, workspace, ente, sandbox):
    make_list(workspace, "TARI", tari_records(3))
    page = make_page(qtbot, ctx)
    page.list_combo.setCurrentIndex(0)
    workspace.sync.push("TARI")  # a flow and journal lines to show
    page.on_activated()
    qtbot.waitUntil(lambda: page.flows.rowCount() > 0 and page.journal.rowCount() > 0, timeout=5000)
    models = [page.flows, page.journal, page.rejected]
    for model in models:
        model.setParent(None)  # outlive the page, so the tester can disconnect at teardown
        qtmodeltester.check(model, force_py=True)
