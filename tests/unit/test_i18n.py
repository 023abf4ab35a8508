"""Languages: the language choice, the installed catalogues, domain messages, and tools/i18n.py."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from mypay_desk.ui import i18n
from mypay_desk.ui.domain_text import domain_text

ROOT = Path(__file__).resolve().parents[2]

# The shell's sources: their strings must all be in the English catalogue (other modules' strings are
# collected with tools/i18n.py and checked by `tools/i18n.py --check` in the test command).
SHELL_SOURCES = [
    "mypay_desk/app.py", "mypay_desk/ui/main_window.py", "mypay_desk/ui/welcome.py", "mypay_desk/ui/wizard.py",
    "mypay_desk/ui/pages/settings_page.py", "mypay_desk/ui/pages/placeholder.py", "mypay_desk/ui/settings",
    "mypay_desk/ui/widgets", "mypay_desk/ui/errors.py", "mypay_desk/ui/tasks.py", "mypay_desk/ui/domain_text.py",
]


def load_tool():
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def english(qapp):
    i18n.install_translators("en", qapp)
    yield
    i18n.remove_translators()  # other tests expect the untranslated source strings


def test_language_setting(tmp_path, monkeypatch):
    monkeypatch.delenv(i18n.ENV_LANGUAGE, raising=False)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert i18n.saved_language(settings) == "it"
    i18n.save_language(settings, "en")
    assert QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat).value(i18n.SETTINGS_KEY) == "en"
    assert i18n.saved_language(settings) == "en"
    settings.setValue(i18n.SETTINGS_KEY, "klingon")
    assert i18n.saved_language(settings) == "it"
    monkeypatch.setenv(i18n.ENV_LANGUAGE, "en")
    assert i18n.saved_language(settings) == "en"
    with pytest.raises(ValueError):
        i18n.save_language(settings, "xx")


def test_english_catalogue_translates_the_interface(english):
    assert QCoreApplication.translate("MainWindow", "Impostazioni") == "Settings"
    assert QCoreApplication.translate("WelcomeScreen", "Configura il tuo Ente") == "Set up your authority"
    # Qt's own catalogue is not loaded for English (Qt's strings are English already)
    assert QCoreApplication.translate("QDialogButtonBox", "Cancel") == "Cancel"


def test_italian_installs_qt_catalogue(qapp):
    try:
        loaded = i18n.install_translators("it", qapp)
        assert any(Path(p).name == "qtbase_it.qm" for p in loaded)
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annulla"
        assert QCoreApplication.translate("MainWindow", "Impostazioni") == "Impostazioni"
    finally:
        i18n.remove_translators()
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_domain_messages_follow_the_language(english):
    msg = "Il codice fiscale dell'Ente «01199250159» ha il carattere di controllo errato"
    assert domain_text(msg) == "The authority's tax code “01199250159” has a wrong check digit"
    joined = "Il codice IPA è obbligatorio; Il codice di segregazione «1» deve essere di due cifre (00-99)"
    assert domain_text(joined) == "The IPA code is required; The segregation code “1” must be two digits (00-99)"
    assert domain_text("Un messaggio nuovo «x»") == "Un messaggio nuovo «x»"  # unknown: left as it is


def test_domain_messages_stay_italian_in_italian(qapp):
    i18n.install_translators("it", qapp)
    try:
        msg = "Il codice IPA è lungo 40 caratteri: al massimo 35"
        assert domain_text(msg) == msg
    finally:
        i18n.remove_translators()


def test_domain_templates_match_the_domain_rules():
    """Every message validate_ente / validate_debt_type produce for common mistakes has a template."""
    from mypay_desk.domain.ente import DebtTypeData, EnteData, validate_debt_type, validate_ente
    from mypay_desk.ui import domain_text as dt

    reports = [
        validate_ente(EnteData(ipa_code="", fiscal_code="123", name="")),
        validate_ente(EnteData(ipa_code="c-x" * 20, fiscal_code="01199250159", name="x" * 101, cbill="a",
                               segregation_code="1", application_code="x", adhesion_mode="altro",
                               postal_account="12a", portal_url="ftp://x", payments_web_page="www")),
        validate_ente(EnteData(ipa_code="c-x", fiscal_code="01199250158", name="n", postal_account="12")),
        validate_debt_type(DebtTypeData(code="", taxonomy="x", iban="IT00", postal_account="x")),
        validate_debt_type(DebtTypeData(code="a-b", taxonomy="9/0101108TS/")),
        validate_debt_type(DebtTypeData(code="MARCA_BOLLO_DIGITALE", taxonomy="9/0101108TS/")),
        validate_debt_type(DebtTypeData(code="x" * 65, taxonomy="9/0101108TS/")),
    ]
    messages = {e.message for r in reports for e in r.errors}
    unmatched = [m for m in messages if not any(rx.match(m) for _t, rx in dt._patterns())]
    assert unmatched == []


# --- tools/i18n.py ------------------------------------------------------------------------------

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="it_IT">
<context><name>A</name>
  <message><source>Fatto</source><translation>Done</translation></message>
  <message><source>Da fare</source><translation type="unfinished"></translation></message>
  <message><source>Bozza</source><translation type="unfinished">Draft</translation></message>
  <message><source>Vecchio</source><translation type="vanished">Old</translation></message>
  <message numerus="yes"><source>%n righe</source>
    <translation><numerusform>%n row</numerusform><numerusform></numerusform></translation></message>
</context>
<context><name></name>
  <message><source>Senza classe</source><translation>Classless</translation></message>
</context>
</TS>
"""


def test_tool_finds_what_is_missing(tmp_path):
    tool = load_tool()
    ts = tmp_path / "x_en.ts"
    ts.write_text(TS, encoding="utf-8")
    found = {(p.source, p.reason.split(" ")[0]) for p in tool.problems(ts, "en")}
    assert ("Da fare", "non") in found
    assert ("Bozza", "traduzione") in found
    assert ("%n righe", "non") in found
    assert ("Senza classe", "tr()") in found
    assert all(p.source not in ("Fatto", "Vecchio") for p in tool.problems(ts, "en"))
    # Italian: only plural forms need writing
    assert {p.source for p in tool.problems(ts, "it")} == {"%n righe"}


def test_tool_fills_italian_and_imports_english(tmp_path):
    tool = load_tool()
    it = tmp_path / "x_it.ts"
    it.write_text(TS, encoding="utf-8")
    assert tool.fill_identity(it) == 2
    assert {p.source for p in tool.problems(it, "it")} == {"%n righe"}

    en = tmp_path / "x_en.ts"
    en.write_text(TS, encoding="utf-8")
    todo = tmp_path / "todo.tsv"
    assert tool.export_todo(en, todo) == 3
    todo.write_text("context\tsource\ttranslation\nA\tDa fare\tTo do\nA\tBozza\tDraft\n"
                    "A\t%n righe\t%n row || %n rows\nA\tNon esiste\tNope\n", encoding="utf-8")
    done, unknown = tool.import_translations(en, todo)
    assert done == 3 and unknown == ["A: «Non esiste»"]
    assert [p.source for p in tool.problems(en, "en")] == ["Senza classe"]


def test_shell_strings_are_all_translated(tmp_path):
    """The committed English catalogue covers every string of the shell's sources, and the .qm is current."""
    import shutil

    tool = load_tool()
    fresh = tmp_path / "mypay_desk_en.ts"
    shutil.copy(tool.ts_path("en"), fresh)
    tool.lupdate(tool.source_files(SHELL_SOURCES), fresh, "en")
    shell = tool.messages(fresh)
    new = shell - tool.messages(tool.ts_path("en"))
    assert new == set(), f"run tools/i18n.py: {sorted(new)[:5]}"
    missing = [str(p) for p in tool.problems(fresh, "en") if (p.context, p.source) in shell]
    assert missing == []
    built = tmp_path / "en.qm"
    tool.lrelease(tool.ts_path("en"), built, "en")
    assert built.read_bytes() == tool.qm_path("en").read_bytes()
