"""What issue 11 shows in the interface: who generates the IUVs (Impostazioni), the portal's rejection codes
on the debt (Errori column and tooltip), and the flow export into a folder with the name MyPay requires."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from mypay_desk.domain.debts import DebtRecord
from mypay_desk.formats.import_flow import parse_flow_name
from mypay_desk.services.rejections import stored_rejection
from mypay_desk.store.models import Debt
from mypay_desk.ui.context import AppContext
from mypay_desk.ui.pages.lists_page import ListsPage
from mypay_desk.ui.pages.settings_page import SettingsPage
from mypay_desk.ui.tasks import InlineTaskRunner
from mypay_desk.ui.widgets import file_dialogs

CF = "RSSMRA80A01F205X"


@pytest.fixture
def ctx(workspace, ente, tmp_path):
    return AppContext(workspace, InlineTaskRunner(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))


def test_iuv_generation_is_chosen_in_impostazioni_with_its_explanation(qtbot, ctx, tmp_path):
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    form = page.ente_form
    combo = form.fields.editor("iuv_generation")
    assert combo.currentData() == "portal"  # the default: works without a segregation code
    assert any("senza connessione" in lbl.text() for lbl in form.findChildren(type(form.progressive)))
    page.grab().save(str(tmp_path / "impostazioni.png"))
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the keyboard, as an office would
    assert combo.currentData() == "app"
    combo.activated.emit(combo.currentIndex())
    assert form.save_button.isEnabled()
    form.save_button.click()
    assert ctx.ws.ente.current().iuv_generation == "app"
    # without a segregation code the app cannot generate them: said under the field, nothing saved
    editor = form.fields.editor("segregation_code")
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert editor.text() == ""
    form.save_button.click()
    assert "codice di segregazione" in form.fields.error("iuv_generation")
    assert ctx.ws.ente.current().segregation_code == "12"


@pytest.fixture
def lists_page(qtbot, ctx, workspace):
    workspace.lists.create_list("TARI 2025", default_debt_type="TARI")
    ids = workspace.lists.add_debts("TARI 2025", [
        DebtRecord(iud=f"T-{i}", debtor_type="F", debtor_code=CF, debtor_name=f"ROSSI MARIO {i}",
                   amount_cents=10_000 + i, due_date=date(2030, 6, 30), debt_type="TARI", causale=f"TARI {i}",
                   collection_data="9/0101108TS/") for i in range(2)])
    # the portal rejected the second with two codes (as the outcome of a flow stores them)
    code, message = stored_rejection(["PAA_IMPORT_SINTASSI_CSV_IUV", "PAA_IMPORT_SINTASSI_CSV_EMAIL"],
                                     ["Errore sintassi CSV campo codIuv.", "Errore sintassi CSV campo emailPagatore."])
    with workspace.db.session() as s:
        d = s.get(Debt, ids[1])
        d.state, d.portal_error_code, d.portal_error_message = "RIFIUTATO", code, message
    page = ListsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    return page


def test_a_rejected_debt_shows_each_portal_code_in_errori(lists_page, tmp_path):
    model = lists_page.model
    column = model.column_index("errors")
    rows = {model.index(r, model.column_index("iud")).data(): r for r in range(model.rowCount())}
    shown = model.index(rows["T-1"], column).data()
    assert "PAA_IMPORT_SINTASSI_CSV_IUV" in shown and "PAA_IMPORT_SINTASSI_CSV_EMAIL" in shown
    tip = model.index(rows["T-1"], column).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.count("Rifiutato dal portale") == 2
    assert model.index(rows["T-0"], column).data() == ""
    lists_page.view.scrollTo(model.index(rows["T-1"], column))
    lists_page.grab().save(str(tmp_path / "liste.png"))


def test_export_flow_goes_into_a_folder_with_mypay_s_name(lists_page, monkeypatch, tmp_path):
    out = tmp_path / "flussi"
    out.mkdir()
    said = []
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("1_4", True)))
    monkeypatch.setattr(file_dialogs, "ask", lambda *a, **k: ([str(out)], ""))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text: said.append(text)))
    lists_page.export_flow()
    (written,) = list(out.iterdir())
    name = parse_flow_name(written.name)
    assert (name.ipa_code, name.version, name.ext) == ("C_TEST", "1_4", "zip")
    assert said and written.name in said[0] and Path(said[0].split(" scritto in ")[1].split(" (")[0]) == written


@pytest.fixture
def english(qapp):
    from mypay_desk.ui import i18n

    i18n.install_translators("en", qapp)
    yield
    i18n.remove_translators()


def test_the_new_rule_and_rejection_messages_are_translated(english):
    from dataclasses import replace

    from mypay_desk.domain.codes import rf_reference
    from mypay_desk.domain.debts import Accertamento, Capitolo, validate_debt
    from mypay_desk.domain.ente import DebtTypeData, EnteData, validate_ente
    from mypay_desk.services.rejections import rejection_errors
    from mypay_desk.ui.domain_text import domain_text

    tari = DebtTypeData(code="TARI", taxonomy="9/0101108TS/")
    base = DebtRecord(iud="D1", debtor_type="F", debtor_code=CF, debtor_name="ROSSI", amount_cents=1000,
                      debt_type="TARI", causale="TARI", collection_data="9/0101108TS/")
    records = [
        replace(base, iud=" D1", debtor_type="G", debtor_code=CF, civic="1°", causale='TARI "x'),
        replace(base, iuv="123456789012345"), replace(base, iuv=rf_reference("12345")),
        replace(base, iuv=rf_reference("12" + "3" * 15 + "0000")),
        replace(base, bilancio=[Capitolo("C\t1", accertamenti=[Accertamento(1000)])]),
        replace(base, multi_beneficiary=True, sec_fiscal_code="01199250158", sec_name="B", sec_iban="DE89370400440532013000",
                sec_amount_cents=10**12),
        replace(base, multi_beneficiary=True, sec_fiscal_code="01199250158", sec_name="B",
                sec_iban="IT60X0542811101000000123456", sec_amount_cents=1, sec_collection_data="9/01"),
    ]
    messages = [e.message for r in records for e in validate_debt(r, tari, "1_4")]
    messages += [e.message for e in validate_ente(EnteData(ipa_code="C_X", fiscal_code="01199250158", name="X",
                                                           iuv_generation="boh")).errors]
    messages += [e.message for e in validate_ente(EnteData(ipa_code="C_X", fiscal_code="01199250158", name="X",
                                                           iuv_generation="app")).errors]
    messages += [e.message for e in rejection_errors("PAA_IMPORT_SINTASSI_CSV_IUV", "")]
    assert len(set(messages)) >= 14
    untranslated = sorted(m for m in set(messages) if domain_text(m) == m)
    assert untranslated == []
