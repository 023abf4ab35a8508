"""Impostazioni: the Ente form and the tipi dovuto editor save through the services and show field errors."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSettings
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox

from mypay_desk.services.errors import UserError
from mypay_desk.ui import i18n
from mypay_desk.ui.context import AppContext
from mypay_desk.ui.pages.settings_page import TAB_TYPES, SettingsPage
from mypay_desk.ui.tasks import InlineTaskRunner


@pytest.fixture
def ctx(workspace, tmp_path):
    return AppContext(workspace, InlineTaskRunner(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def page(qtbot, ctx, ente):
    p = SettingsPage(ctx)
    qtbot.addWidget(p)
    p.show()
    return p


def type_in(qtbot, fields, name, text):
    editor = fields.editor(name)
    editor.clear()
    qtbot.keyClicks(editor, text)


def png_bytes(width=40, height=20) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#0b66c3"))
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    return bytes(data)


# --- Ente form -----------------------------------------------------------------------------------

def test_form_shows_the_current_ente(page, ente):
    f = page.ente_form.fields
    assert f.value("ipa_code") == "C_TEST"
    assert f.editor("ipa_code").isReadOnly()
    assert f.value("name") == "Comune di Prova"
    assert f.value("segregation_code") == "12"
    assert f.value("adhesion_mode") == "ente"
    assert f.value("reconcile_treasury") is True
    assert not page.ente_form.save_button.isEnabled()  # nothing changed yet


def test_saving_the_ente(qtbot, page, ctx):
    changed = []
    ctx.ente_changed.connect(lambda: changed.append(1))
    form = page.ente_form
    type_in(qtbot, form.fields, "name", "Comune di Prova Nuovo")
    type_in(qtbot, form.fields, "postal_account", "123456")
    type_in(qtbot, form.fields, "postal_holder", "Tesoreria comunale")
    type_in(qtbot, form.fields, "payments_web_page", "https://www.comune.it/pagamenti")
    form.fields.editor("reconcile_treasury").click()
    mode = form.fields.editor("adhesion_mode")
    mode.setCurrentIndex(mode.findData("flussi"))
    mode.activated.emit(mode.currentIndex())
    assert form.save_button.isEnabled()
    form.save_button.click()
    saved = ctx.ws.ente.current()
    assert saved.name == "Comune di Prova Nuovo"
    assert (saved.postal_account, saved.postal_holder) == ("123456", "Tesoreria comunale")
    assert saved.payments_web_page == "https://www.comune.it/pagamenti"
    assert saved.reconcile_treasury is False and saved.adhesion_mode == "flussi"
    assert saved.cbill == "AAAAA" and saved.info.startswith("Piazza")  # untouched fields are kept
    assert changed and not form.dirty and not form.save_button.isEnabled()


def test_field_errors_show_next_to_the_field_and_nothing_is_saved(qtbot, page, ctx):
    form = page.ente_form
    type_in(qtbot, form.fields, "fiscal_code", "01199250159")
    assert "carattere di controllo errato" in form.fields.error("fiscal_code")  # while typing
    type_in(qtbot, form.fields, "postal_account", "12AB")
    form.save_button.click()
    errors = form.fields.errors()
    assert set(errors) >= {"fiscal_code", "postal_account", "postal_holder"}
    assert "12 cifre" in errors["postal_account"]
    assert form.fields.editor("fiscal_code").property("invalid") is True
    assert ctx.ws.ente.current().fiscal_code == "01199250158"
    type_in(qtbot, form.fields, "fiscal_code", "01199250158")
    assert form.fields.error("fiscal_code") == ""


def test_service_error_lands_under_its_field(qtbot, page, ctx, monkeypatch):
    def refuse(data, make_current=True):
        raise UserError("Nome già usato da un altro Ente", field="name")

    monkeypatch.setattr(ctx.ws.ente, "save", refuse)
    type_in(qtbot, page.ente_form.fields, "name", "Altro nome")
    page.ente_form.save_button.click()
    assert page.ente_form.fields.error("name") == "Nome già usato da un altro Ente"
    assert page.ente_form.dirty  # the edit is still there to fix


def test_revert_restores_the_saved_values(qtbot, page):
    form = page.ente_form
    type_in(qtbot, form.fields, "name", "Sbagliato")
    form.revert_button.click()
    assert form.fields.value("name") == "Comune di Prova" and not form.dirty


def test_logo_picker_accepts_png_and_refuses_other_files(qtbot, page, ctx, tmp_path):
    form = page.ente_form
    bad = tmp_path / "logo.txt"
    bad.write_text("non sono un'immagine")
    assert form.logo.load_file(bad) is False
    assert "PNG o JPEG" in form.fields.error("logo")
    good = tmp_path / "logo.png"
    good.write_bytes(png_bytes())
    assert form.logo.load_file(good) is True
    assert form.fields.error("logo") == ""
    assert not form.logo.preview.pixmap().isNull()
    assert form.dirty
    form.save_button.click()
    assert ctx.ws.ente.current().logo == good.read_bytes()
    form.logo.remove()
    form.save_button.click()
    assert ctx.ws.ente.current().logo is None


# --- tipi dovuto --------------------------------------------------------------------------------

def test_types_table_lists_the_types(page):
    page.show_tab(TAB_TYPES)
    editor = page.types_editor
    assert [r.code for r in editor.model.rows] == ["MENSA", "TARI"]
    assert editor.fields.value("code") == "MENSA"  # the first type is shown
    assert editor.fields.editor("code").isReadOnly()


def test_adding_a_type(qtbot, page, ctx):
    editor = page.types_editor
    editor.new_button.click()
    assert editor.fields.value("code") == "" and not editor.fields.editor("code").isReadOnly()
    type_in(qtbot, editor.fields, "code", "COSAP")
    type_in(qtbot, editor.fields, "description", "Occupazione suolo pubblico")
    type_in(qtbot, editor.fields, "taxonomy", "9/0101109TS/")
    type_in(qtbot, editor.fields, "iban", "it60 x054 2811 1010 0000 0123 456")
    editor.fields.editor("due_date_required").click()
    editor.save_button.click()
    saved = ctx.ws.ente.get_type("COSAP")
    assert saved.description == "Occupazione suolo pubblico" and saved.due_date_required
    assert saved.iban == "IT60X0542811101000000123456"
    assert [r.code for r in editor.model.rows] == ["COSAP", "MENSA", "TARI"]
    assert editor.current.code == "COSAP"


def test_type_field_errors(qtbot, page, ctx):
    editor = page.types_editor
    editor.new_button.click()
    type_in(qtbot, editor.fields, "code", "TARI")
    assert "esiste già" in editor.fields.error("code")
    type_in(qtbot, editor.fields, "code", "NUOVO-TIPO")
    type_in(qtbot, editor.fields, "taxonomy", "0101109TS")
    type_in(qtbot, editor.fields, "postal_account", "ABC")
    assert editor.save() is False
    errors = editor.fields.errors()
    assert set(errors) >= {"code", "taxonomy", "postal_account"}
    assert "9/0101108TS/" in errors["taxonomy"]
    assert ctx.ws.ente.get_type("NUOVO-TIPO") is None


def test_editing_and_deleting_a_type(qtbot, page, ctx, monkeypatch):
    editor = page.types_editor
    editor.table.selectRow(editor.model.row_of("TARI"))
    assert editor.fields.value("code") == "TARI"
    type_in(qtbot, editor.fields, "description", "Tassa sui rifiuti 2025")
    editor.fields.editor("active").click()
    editor.save_button.click()
    tari = ctx.ws.ente.get_type("TARI")
    assert tari.description == "Tassa sui rifiuti 2025" and tari.active is False
    assert tari.due_date_required  # flags not touched are kept
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    editor.delete_button.click()
    assert ctx.ws.ente.get_type("TARI") is None
    assert [r.code for r in editor.model.rows] == ["MENSA"]


def test_unsaved_type_changes_are_not_lost_silently(qtbot, page, monkeypatch):
    editor = page.types_editor
    type_in(qtbot, editor.fields, "description", "modificata")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    editor.table.selectRow(editor.model.row_of("TARI"))
    assert editor.fields.value("description") == "modificata"  # the user chose to stay
    assert page.has_unsaved_changes()


# --- preferences ----------------------------------------------------------------------------------

def test_language_choice_is_stored_for_the_next_start(page, ctx):
    combo = page.language_combo
    assert combo.currentData() == "it"
    combo.setCurrentIndex(combo.findData("en"))
    combo.activated.emit(combo.currentIndex())
    assert ctx.settings.value(i18n.SETTINGS_KEY) == "en"
    assert i18n.saved_language(ctx.settings) == "en"


def test_backup_group_is_there_for_the_backup_feature(page):
    assert page.backup_group.objectName() == "backupGroup"
    assert page.backup_group.title() == "Backup"


def test_types_model_passes_the_model_tester(qtmodeltester, page):
    model = page.types_editor.model
    assert model.rowCount() == 2  # TARI and MENSA of the ente fixture
    qtmodeltester.check(model, force_py=True)


def test_changing_a_type_rechecks_the_debts_of_that_type(qtbot, page, ctx):
    from mypay_desk.domain.debts import DebtRecord

    ctx.ws.lists.create_list("TARI", default_debt_type="TARI")
    ctx.ws.lists.add_debts("TARI", [DebtRecord(
        iud="T-1", debtor_type="F", debtor_code="RSSMRA85T10A562S", debtor_name="Rossi Mario",
        amount_cents=10000, debt_type="TARI", causale="TARI", collection_data="9/0101108TS/")])
    (debt,) = ctx.ws.lists.get_debts("TARI")
    assert not debt.is_valid  # TARI wants a due date
    editor = page.types_editor
    editor.table.selectRow(editor.model.row_of("TARI"))
    editor.fields.editor("due_date_required").click()
    editor.save_button.click()
    assert ctx.ws.ente.get_type("TARI").due_date_required is False
    (debt,) = ctx.ws.lists.get_debts("TARI")
    assert debt.is_valid, debt.errors


def test_ente_form_says_what_notices_lack_without_cbill(qtbot, workspace, ente, tmp_path):
    from dataclasses import replace

    from PySide6.QtTest import QTest

    workspace.ente.save(replace(workspace.ente.current(), cbill=""))
    page = SettingsPage(AppContext(workspace, InlineTaskRunner(),
                                   QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(page)
    note = page.ente_form.cbill_note
    assert "Senza codice CBILL" in note.text() and "home banking" in note.text()
    QTest.keyClicks(page.ente_form.fields.editor("cbill"), "ab123")
    assert "riportano il codice CBILL" in note.text()
