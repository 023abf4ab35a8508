"""Languages: the language choice, the installed catalogues, domain messages, and tools/i18n.py."""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from mypay_desk.ui import i18n
from mypay_desk.ui.domain_text import domain_label, domain_text, user_error_text

ROOT = Path(__file__).resolve().parents[2]


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
    # a value that is itself a known text is translated too; a value between «» is the user's and is not
    assert domain_text("Codice fiscale «RSSMRA» non valido: deve avere 16 caratteri, ne ha 6") == \
        "Tax code “RSSMRA” is not valid: it must have 16 characters, it has 6"
    assert domain_text("Esiste già una lista chiamata «Pagato»") == "A list called “Pagato” already exists"
    # a state label inside a sentence, lower-case
    assert domain_text("Il dovuto D1 non si può modificare (sul portale)") == \
        "Debt D1 cannot be edited (on the portal)"
    # "label: message" (progress texts, the lists' error column)
    assert domain_text("Invio della lista «TARI» al portale di prova: Caricamento sul portale") == \
        "Sending the list “TARI” to the test portal: Uploading to the portal"
    # labels: exact texts only, so the user's data are never rewritten
    assert domain_label("Sul portale") == "On the portal"
    assert domain_label("Il tipo dovuto TARI non è attivo") == "Il tipo dovuto TARI non è attivo"


def test_user_errors_follow_the_language(english):
    from mypay_desk.services.errors import UserError

    exc = UserError("Il nome della lista è obbligatorio", file="tari.xlsx", row=3, column="Nome")
    assert user_error_text(exc) == "file tari.xlsx, row 3, column Nome: The list name is required"
    exc = UserError("Esiste già una lista chiamata «TARI»", field="nome")
    assert user_error_text(exc) == "field nome: A list called “TARI” already exists"
    assert user_error_text(ValueError("Importo mancante")) == "Amount missing"


def test_domain_messages_stay_italian_in_italian(qapp):
    i18n.install_translators("it", qapp)
    try:
        msg = "Il codice IPA è lungo 40 caratteri: al massimo 35"
        assert domain_text(msg) == msg
        assert domain_label("Sul portale") == "Sul portale"
    finally:
        i18n.remove_translators()


def _untranslated(messages) -> list[str]:
    """The messages ``domain_text`` leaves as they are (still Italian) with the English catalogue."""
    return sorted(m for m in set(messages) if domain_text(m) == m)


def test_ente_and_debt_type_messages_are_translated(english):
    from mypay_desk.domain.ente import DebtTypeData, EnteData, validate_debt_type, validate_ente

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
    messages = [e.message for r in reports for e in r.errors]
    assert len(set(messages)) >= 15
    assert _untranslated(messages) == []


def _bad_debts():
    from datetime import date

    from mypay_desk.domain.debts import Accertamento, Capitolo, DebtRecord

    ok = dict(iud="D1", debtor_type="F", debtor_code="RSSMRA80A01F205X", debtor_name="Mario Rossi",
              amount_cents=1000, debt_type="TARI", causale="TARI", collection_data="9/0101108TS/",
              due_date=date(2030, 1, 31))

    def rec(**kw):
        return DebtRecord(**{**ok, **kw})

    return [
        rec(iud="", debtor_type="", debtor_code="", debtor_name="", amount_cents=0, debt_type="", causale="",
            collection_data="", due_date=None),
        rec(iud="000 x", debtor_type="X", amount_cents=-5, debt_type="ALTRO", payment_type="BOH",
            collection_data="x y", email="nope", country="ZZ", postal_code="1", province="ZZ", action="Q"),
        rec(iud="D 2", debtor_code="ANONIMO", debt_type="MARCA_BOLLO_DIGITALE", amount_cents=10**12,
            pa_fee_cents=-1, address="Via \u00e0", civic="1\u00b0", country="FR", province="MI",
            causale="a\tb", iuv="12001234567890123", generate_iuv=True),
        rec(debtor_code="RSSMRA80A01F205", iuv="1200000000000000", postal_code="ABC 1", country="FR",
            debtor_type="G", pa_fee_cents=10**12, action=""),
        rec(debtor_code="123", debtor_type="G", iuv="001234567890123",
            bilancio=[Capitolo("", accertamenti=[]), Capitolo("C" * 65, office="U" * 65,
                                                             accertamenti=[Accertamento(0, "A" * 65)])]),
        rec(debtor_code="RSSMRA80A01F205Y", iuv="1234", multi_beneficiary=True, sec_iban="XX",
            sec_amount_cents=0, sec_country="ZZ", sec_postal_code="1", sec_province="ZZ",
            sec_collection_data="1/x", sec_address="\u00e0", sec_civic="\u00e0", sec_fiscal_code="1"),
        rec(multi_beneficiary=True, sec_amount_cents=5000, sec_postal_code="A B", sec_country="FR"),
        rec(iuv="99001234567890123"),
    ]


def test_debt_validation_messages_are_translated(english):
    """Every message of the debt rules (the lists' error column and tooltips) has an English text."""
    from mypay_desk.domain.debts import DebtRecord, duplicate_iud_errors, validate_debt
    from mypay_desk.domain.ente import DebtTypeData

    tari = DebtTypeData(code="TARI", taxonomy="9/0101108TS/", due_date_required=True, active=False)
    messages = []
    for version in ("1_0", "1_2", "1_4", "9_9"):
        for record in _bad_debts():
            for dt in (tari, None):
                errors = validate_debt(record, dt, version, segregation_code="12", check_action=True)
                messages += [e.message for e in errors]
    records = _bad_debts()
    records[1].source_row = 7
    messages += [e.message for _i, e in duplicate_iud_errors(records + records[:2])]
    many = [DebtRecord(iud="D", source_row=n) for n in range(2, 12)]  # "righe 2, 3, 4 e altre 7"
    messages += [e.message for _i, e in duplicate_iud_errors(many)]
    assert len(set(messages)) >= 60
    assert _untranslated(messages) == []
    translated = " ".join(domain_text(m) for m in set(messages))
    assert "«" not in translated and " è " not in translated and " non " not in translated


def test_lists_error_column_in_english(english):
    from mypay_desk.domain.debts import DebtRow, validate_debt
    from mypay_desk.ui.lists.columns import build_columns, display_value

    row = DebtRow(iud="D1", debtor_code="123", debtor_name="", amount_cents=0, debt_type="TARI",
                  causale="x", collection_data="9/0101108TS/", state="SUL_PORTALE", pending="M")
    row.errors = validate_debt(row, None)
    cols = {c.field: c for c in build_columns()}
    assert display_value(cols["state"], row) == "On the portal"
    assert display_value(cols["pending"], row) == "To fix"  # with errors it is not sent until fixed
    errors = display_value(cols["errors"], row)
    assert "Debtor: The debtor's name is required" in errors
    assert "Amount: The amount cannot be zero" in errors
    assert "«" not in errors and "obbligatori" not in errors


def test_codes_identity_money_and_notice_messages_are_translated(english):
    from mypay_desk.domain import codes, identity, money, notice

    messages = []
    calls = [
        (codes.check_code, ("",)), (codes.check_code, ("12345",)), (codes.check_code, ("RF00ABC",)),
        (codes.check_code, ("RF",)), (codes.check_code, ("RF12" + "A" * 30,)),
        (codes.check_code, ("412001234567890199",)), (codes.check_code, ("012001234567890100",)),
        (codes.check_code, ("12001234567890199",)), (codes.validate_iuv, ("12a",)),
        (codes.validate_segregation_code, ("123",)), (codes.validate_collection_data, ("x",)),
        (codes.parse_notice_number, ("12",)), (codes.parse_notice_number, ("x" * 18,)),
        (identity.validate_codice_fiscale, ("RSSMRA80A01F205",)),
        (identity.validate_codice_fiscale, ("RSSMRA80A01F205Y",)),
        (identity.validate_codice_fiscale, ("1234567890123456",)),
        (identity.validate_codice_fiscale, ("01199250159",)),
        (identity.validate_partita_iva, ("123",)), (identity.validate_debtor, ("F", "ANONIMO")),
        (identity.validate_debtor, ("X", "1")), (identity.validate_debtor, ("G", "123")),
        (money.parse_amount, ("",)), (money.parse_amount, ("1,234",)), (money.parse_amount, ("abc",)),
        (money.parse_amount, ("inf",)), (money.parse_amount, ("9" * 23,)), (money.parse_amount, ("9" * 4300,)),
        (money.parse_flow_amount, ("1e300",)), (money.parse_flow_amount, ("1000000000.00",)),
    ]
    for fn, args in calls:
        with pytest.raises(ValueError) as info:
            fn(*args)
        messages.append(str(info.value))
    reasons = [notice.unpayable_reason(notice_number=n, state=s, cancel_requested=c, amount_cents=a,
                                       paid_amount_cents=p, is_valid=v)
               for n, s, c, a, p, v in [
                   ("", "NUOVO", True, 1, 0, True), ("", "PAGATO", False, 1, 1, True),
                   ("", "NUOVO", False, 10, 5, True), ("", "NUOVO", False, 1, 0, False),
                   ("", "RIFIUTATO", False, 1, 0, True), ("", "SCADUTO", False, 1, 0, True),
                   ("", "NUOVO", False, 1, 0, True), ("123", "NUOVO", False, 1, 0, True),
                   ("3" * 18, "NUOVO", False, 0, 0, True), ("3" * 18, "NUOVO", False, 10**9, 0, True)]]
    assert None not in reasons and len(set(reasons)) == 10
    messages += reasons + [f"rata 2: {reasons[0]}", "IUD non trovato nella lista «TARI»"]
    assert _untranslated(messages) == []


def test_domain_and_service_labels_are_translated(english):
    """The label tables the interface shows (states, columns, classifications, outcomes...) are all in
    ``TEXTS``; a new label added to one of them fails here until it is translated."""
    from mypay_desk.domain import reconciliation as rules
    from mypay_desk.domain.debt_states import ACTION_LABELS, STATE_LABELS
    from mypay_desk.domain.debts import FIELD_LABELS
    from mypay_desk.formats.fdr import KNOWN_OUTCOMES
    from mypay_desk.formats.receipt_xml import OUTCOME_LABELS
    from mypay_desk.services.receipts import MATCH_LABELS
    from mypay_desk.services.reconciliation import EXPLANATIONS, KIND_LABELS
    from mypay_desk.services.sync import FLOW_STATE_LABELS

    same_in_english = {"IUD", "IUV", "IUR", "PSP"}
    labels = [*STATE_LABELS.values(), *ACTION_LABELS.values(), *FIELD_LABELS.values(), *rules.LABELS.values(),
              *EXPLANATIONS.values(), *KIND_LABELS.values(), *FLOW_STATE_LABELS.values(), *MATCH_LABELS.values(),
              *OUTCOME_LABELS.values(), *KNOWN_OUTCOMES.values()]
    assert sorted(x for x in set(labels) if domain_label(x) == x and x not in same_in_english) == []


def _literal_labels(path: Path, functions: set[str]) -> set[str]:
    """Italian labels a service writes as literals: ("label", value) pairs, title = "..." and reasons."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for fn in ast.walk(tree):
        if not (isinstance(fn, ast.FunctionDef) and fn.name in functions):
            continue
        for node in ast.walk(fn):
            if isinstance(node, ast.Tuple) and len(node.elts) == 2 and isinstance(node.elts[0], ast.Constant) \
                    and isinstance(node.elts[0].value, str):
                found.add(node.elts[0].value)
            elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) \
                    and isinstance(node.value.value, str) and node.targets[0].id in ("title", "reason"):
                found.add(node.value.value)
            elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "_missing":
                found |= {a.value for a in node.args[3:] if isinstance(a, ast.Constant)}
    return found


def test_record_views_of_results_and_receipts_are_translated(english):
    """Titles, field names and reasons of the reconciliation detail and the receipt detail."""
    views = _literal_labels(ROOT / "mypay_desk/services/reconciliation/views.py",
                            {"_missing", "debt_view", "receipt_view", "fdr_view", "_flow_fields",
                             "treasury_view"})
    views |= _literal_labels(ROOT / "mypay_desk/services/receipts/queries.py", {"_fields_from_view"})
    views |= _literal_labels(ROOT / "mypay_desk/formats/receipt_xml.py", {"display_rows"})
    assert len(views) > 50
    same_in_english = {"IUD", "IUV", "IUR", "PSP"}
    assert sorted(v for v in views if domain_text(v) == v and v not in same_in_english) == []

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


def test_catalogues_are_complete():
    """What `tools/i18n.py --check` (in `make lint`) verifies: every string of the interface is in both
    catalogues, translated into English, and the committed .qm files are built from the .ts files."""
    tool = load_tool()
    assert tool.check(list(tool.DEFAULT_SOURCES)) == []


def test_check_fails_on_a_missing_or_new_string(tmp_path, monkeypatch):
    import shutil

    tool = load_tool()
    folder = tmp_path / "translations"
    shutil.copytree(tool.TRANSLATIONS, folder)
    monkeypatch.setattr(tool, "TRANSLATIONS", folder)
    # ts_path/qm_path took the folder as a default argument: point them at the copy
    monkeypatch.setattr(tool, "ts_path", lambda lang, f=folder: f / f"{tool.CATALOGUE}_{lang}.ts")
    monkeypatch.setattr(tool, "qm_path", lambda lang, f=folder: f / f"{tool.CATALOGUE}_{lang}.qm")
    en = tool.ts_path("en")
    text = en.read_text(encoding="utf-8")
    # a translation dropped from the English catalogue (the .qm rebuilt, so only the string is missing)
    blanked = text.replace("<translation>Debt lists</translation>",
                           '<translation type="unfinished"></translation>', 1)
    assert blanked != text
    en.write_text(blanked, encoding="utf-8")
    tool.lrelease(en, tool.qm_path("en"), "en")
    issues = tool.check(list(tool.DEFAULT_SOURCES))
    assert any("«Liste di dovuti»" in i and i.startswith("en:") for i in issues), issues

    # a new string in the sources that nobody has collected yet
    en.write_text(text, encoding="utf-8")
    tool.lrelease(en, tool.qm_path("en"), "en")
    extra = tmp_path / "extra.py"
    extra.write_text("from PySide6.QtWidgets import QWidget\n\n\nclass Extra(QWidget):\n"
                     "    def f(self):\n        return self.tr('Un testo nuovo')\n", encoding="utf-8")
    issues = tool.check([*tool.DEFAULT_SOURCES, str(extra)])
    assert any("non è aggiornato" in i for i in issues)
    assert any("«Un testo nuovo»" in i for i in issues)
    assert main_exit(tool, [*tool.DEFAULT_SOURCES, str(extra)]) == 1


def main_exit(tool, sources) -> int:
    return tool.main(["--check", "--sources", *sources])
