"""The Ente wizard: field-level checks with the domain rules, Next blocked until valid, saving."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWizard

from mypay_desk.services.errors import UserError
from mypay_desk.ui.context import AppContext
from mypay_desk.ui.tasks import InlineTaskRunner
from mypay_desk.ui.wizard import PAGE_ADHESION, PAGE_CODES, PAGE_IDENTITY, EnteWizard


@pytest.fixture
def ctx(workspace, tmp_path):
    return AppContext(workspace, InlineTaskRunner(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def wizard(qtbot, ctx):
    w = EnteWizard(ctx)
    qtbot.addWidget(w)
    w.show()
    return w


def type_in(qtbot, wizard, name, text):
    editor = wizard.fields.editor(name)
    editor.clear()
    qtbot.keyClicks(editor, text)


def next_enabled(wizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def fill_identity(qtbot, wizard, ipa="c_x123", cf="01199250158", name="Comune di Esempio"):
    type_in(qtbot, wizard, "ipa_code", ipa)
    type_in(qtbot, wizard, "fiscal_code", cf)
    type_in(qtbot, wizard, "name", name)


def test_next_is_disabled_until_the_identity_is_valid(qtbot, wizard):
    assert wizard.currentId() == PAGE_IDENTITY
    assert not next_enabled(wizard)
    assert wizard.fields.errors() == {}  # nothing typed yet: no red messages
    fill_identity(qtbot, wizard)
    assert next_enabled(wizard)
    assert wizard.fields.errors() == {}


@pytest.mark.parametrize("ipa, expected", [
    ("c_" + "x" * 34, "al massimo 35"),
    ("c-f205", "solo lettere, cifre e _"),
])
def test_bad_ipa_code_blocks_next(qtbot, wizard, ipa, expected):
    fill_identity(qtbot, wizard, ipa=ipa)
    assert not next_enabled(wizard)
    assert expected in wizard.fields.error("ipa_code")
    assert wizard.fields.error("fiscal_code") == ""
    type_in(qtbot, wizard, "ipa_code", "c_f205")
    assert next_enabled(wizard)
    assert wizard.fields.error("ipa_code") == ""


def test_bad_fiscal_code_blocks_next(qtbot, wizard):
    fill_identity(qtbot, wizard, cf="01199250159")
    assert not next_enabled(wizard)
    assert "carattere di controllo errato" in wizard.fields.error("fiscal_code")
    type_in(qtbot, wizard, "fiscal_code", "0119925015")
    assert "11 cifre" in wizard.fields.error("fiscal_code")
    type_in(qtbot, wizard, "fiscal_code", "011 9925 0158")  # spaces are tolerated, as by the service
    assert next_enabled(wizard)


def test_ipa_code_already_in_the_workspace_is_refused(qtbot, ctx, ente):
    wizard = EnteWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    fill_identity(qtbot, wizard, ipa="c_test")
    assert not next_enabled(wizard)
    assert "già in questo spazio di lavoro" in wizard.fields.error("ipa_code")


def go_to_codes(qtbot, wizard, mode="flussi"):
    fill_identity(qtbot, wizard)
    wizard.next()
    assert wizard.currentId() == PAGE_ADHESION
    wizard.mode_chooser.buttons[mode].click()
    assert next_enabled(wizard)
    wizard.next()
    assert wizard.currentId() == PAGE_CODES


@pytest.mark.parametrize("code", ["1", "AB", "1a"])
def test_bad_segregation_code_blocks_finishing(qtbot, wizard, code):
    go_to_codes(qtbot, wizard)
    type_in(qtbot, wizard, "segregation_code", code)
    assert not wizard.currentPage().isComplete()
    assert "due cifre" in wizard.fields.error("segregation_code")
    wizard.accept()
    assert wizard.result() != QWizard.DialogCode.Accepted
    assert wizard.ctx.ws.ente.current() is None


def test_segregation_code_is_required_unless_mode_is_base(qtbot, wizard):
    go_to_codes(qtbot, wizard, mode="flussi")
    assert not wizard.currentPage().isComplete()
    wizard.back()
    wizard.mode_chooser.buttons["base"].click()
    wizard.next()
    assert wizard.currentPage().isComplete()


def test_bad_portal_url_blocks_the_adhesion_page(qtbot, wizard):
    fill_identity(qtbot, wizard)
    wizard.next()
    type_in(qtbot, wizard, "portal_url", "mypay.example.it")
    assert not next_enabled(wizard)
    assert "http://" in wizard.fields.error("portal_url")


def test_a_good_ente_is_saved_and_becomes_current(qtbot, wizard, ctx):
    changed = []
    ctx.ente_changed.connect(lambda: changed.append(1))
    go_to_codes(qtbot, wizard, mode="ente")
    type_in(qtbot, wizard, "segregation_code", "07")
    type_in(qtbot, wizard, "cbill", "ab12c")
    assert wizard.fields.value("cbill") == "AB12C"  # codes are upper case as typed
    with qtbot.waitSignal(wizard.accepted, timeout=2000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    saved = ctx.ws.ente.current()
    assert (saved.ipa_code, saved.fiscal_code, saved.name) == ("c_x123", "01199250158", "Comune di Esempio")
    assert (saved.segregation_code, saved.cbill, saved.adhesion_mode) == ("07", "AB12C", "ente")
    assert wizard.saved_ente.id == saved.id
    assert changed


def test_service_error_goes_back_to_its_field(qtbot, wizard, ctx, monkeypatch):
    def refuse(data, make_current=True):
        raise UserError("Codice fiscale non accettato dal registro", field="fiscal_code")

    monkeypatch.setattr(ctx.ws.ente, "save", refuse)
    go_to_codes(qtbot, wizard)
    type_in(qtbot, wizard, "segregation_code", "12")
    wizard.accept()
    assert wizard.currentId() == PAGE_IDENTITY
    assert wizard.fields.error("fiscal_code") == "Codice fiscale non accettato dal registro"
    assert wizard.result() != QWizard.DialogCode.Accepted
