"""Our pattern checks against MyPay's own (issue 11, point 2).

Oracles: MyPay's patterns copied as data from RegioneDelVeneto/mypay, mypay4-be util/Constants.java, and
compiled as Java compiles them: Python's re with re.ASCII has Java's default \\s \\S \\d \\w (ASCII only), and
Matcher.matches() is fullmatch. The loops of util/Utilities.java (validaCivicoAnagrafica,
validaTipoVersamento) are ported line by line. Hypothesis then looks for a value on which we and MyPay
disagree; the table at the end pins MyPay's answer for the cases an office meets.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mypay_desk.domain.codes import COLLECTION_DATA_RE, SECONDARY_TAXONOMY_RE, rf_reference
from mypay_desk.domain.debts import DebtRecord, validate_debt
from mypay_desk.domain.debts.reference import CIVIC_RE, EMAIL_RE, payment_type_tokens
from mypay_desk.domain.ente import DebtTypeData

# Constants.java, as written there (the Java string escapes undone).
DATI_SPECIFICI_RISCOSSIONE_PATTERN = r"[0129]{1}\/\S{3,138}"
TAXONOMIC_CODE_PATTERN = r"9\/\d{2}\d{2}\d{3}\w{2}\/\S{0,129}"
EMAIL_PATTERN = r"^[a-zA-Z0-9_!#$%&'*+/=?`{|}~^.-]+@[a-zA-Z0-9.-]+$"
TIPO_VERSAMENTO = ("BBT", "BP", "AD", "CP", "PO", "OBEP", "ALL")


def java_matches(pattern: str, value: str) -> bool:
    return re.fullmatch(pattern, value, flags=re.ASCII) is not None


def java_split_literal_bar(value: str) -> list[str]:
    """String.split("\\\\|"): trailing empty strings dropped, and no match at all gives [value]."""
    parts = value.split("|")
    if len(parts) == 1:
        return parts
    while parts and parts[-1] == "":
        parts.pop()
    return parts


def mypay_valida_tipo_versamento(stringa: str) -> bool:
    """Utilities.validaTipoVersamento."""
    if not stringa.strip():
        return True
    token = java_split_literal_bar(stringa)
    for t in token:
        if not any(v.lower() == t.strip().lower() for v in TIPO_VERSAMENTO):
            return False
    return "ALL" not in stringa or len(token) <= 1


def mypay_valida_civico(stringa: str) -> bool:
    """Utilities.validaCivicoAnagrafica(stringa, false): ASCII 32 to 126 only."""
    return all(32 <= ord(c) <= 126 for c in stringa)


# Characters where Java's and Python's classes part: no-break spaces, other Unicode spaces and digits,
# letters with accents, the Java-only whitespace \x0b and \x1c..\x1f, quotes and slashes.
TRICKY = st.sampled_from(list("09aZ_/ .-@;|\"'\t\x0b\x0c\r\n\x1c\x1f\xa0\u2007\u2003\u0663\u00e0\u00c9\u20ac#"))
TEXT = st.text(alphabet=st.one_of(TRICKY, st.characters(max_codepoint=0x2FFF)), max_size=150)


@settings(max_examples=400, deadline=None)
@given(st.one_of(TEXT, st.builds(lambda a, b: a + "/" + b, st.sampled_from("01239x"), TEXT)))
def test_dati_specifici_riscossione_as_mypay(value):
    assert (COLLECTION_DATA_RE.fullmatch(value) is not None) == java_matches(DATI_SPECIFICI_RISCOSSIONE_PATTERN,
                                                                             value)


@settings(max_examples=400, deadline=None)
@given(st.one_of(TEXT, st.builds(lambda code, tail: "9/" + code + "/" + tail,
                                 st.text(alphabet=TRICKY, min_size=9, max_size=9) | st.just("0101108TS"),
                                 TEXT)))
def test_secondary_taxonomy_as_mypay(value):
    assert (SECONDARY_TAXONOMY_RE.fullmatch(value) is not None) == java_matches(TAXONOMIC_CODE_PATTERN, value)


@settings(max_examples=400, deadline=None)
@given(st.one_of(TEXT, st.builds(lambda a, b: a + "@" + b, TEXT, TEXT)))
def test_email_as_mypay(value):
    assert (EMAIL_RE.fullmatch(value) is not None) == java_matches(EMAIL_PATTERN, value)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_civico_as_mypay(value):
    assert (CIVIC_RE.fullmatch(value) is not None) == mypay_valida_civico(value)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(["BBT", "bp", " PO", "ALL", "all", "XX", "", " ", "CP "]), max_size=4)
                 .map("|".join), TEXT))
def test_tipo_versamento_as_mypay(value):
    if not value.strip():
        return  # blank: the column is optional, MyPay fills in ALL
    assert (payment_type_tokens(value) is not None) == mypay_valida_tipo_versamento(value)


# --- MyPay's answers for whole debts ------------------------------------------------------------

TARI = DebtTypeData(code="TARI", taxonomy="9/0101108TS/", due_date_required=True)


def debt(**kw) -> DebtRecord:
    base = DebtRecord(
        iud="TARI2025-0001", debtor_type="F", debtor_code="RSSMRA85T10A562S", debtor_name="ROSSI MARIO",
        address="VIA ROMA 1", civic="12/B", postal_code="20100", city="MILANO", province="MI", country="IT",
        email="mario.rossi@example.it", due_date=date(2030, 6, 30), amount_cents=12345, debt_type="TARI",
        causale="TARI 2025", collection_data="9/0101108TS/",
    )
    return replace(base, **kw)


MULTI = dict(multi_beneficiary=True, sec_fiscal_code="01199250158", sec_name="COMUNE B",
             sec_iban="IT60X0542811101000000123456", sec_amount_cents=2345, sec_collection_data="9/0101108TS/")


# (what changes, the column MyPay refuses or None when MyPay accepts it, where MyPay decides)
MYPAY_ANSWERS = [
    (MULTI, None, "TAXONOMIC_CODE_PATTERN: a bare taxonomy code ending in / is valid"),
    ({**MULTI, "sec_collection_data": "9/0101108TS/ACCONTO-2025"}, None, "TAXONOMIC_CODE_PATTERN"),
    ({**MULTI, "sec_collection_data": "9/0101108TS"}, "datiSpecificiRiscossioneEnteSecondario",
     "TAXONOMIC_CODE_PATTERN needs the / after the code"),
    ({**MULTI, "sec_collection_data": ""}, "datiSpecificiRiscossioneEnteSecondario",
     "validaElabora: blank is refused"),
    ({**MULTI, "sec_amount_cents": 50_000}, None, "the secondary share is added to importoDovuto"),
    ({**MULTI, "sec_iban": "DE89370400440532013000"}, "ibanAccreditoEnteSecondario",
     "Utilities.isValidIban: 27 characters"),
    ({**MULTI, "sec_country": "FR", "sec_province": "XY", "sec_postal_code": "75001"}, None,
     "province looked up only when nazioneEnteSecondario is IT"),
    ({"collection_data": "9/0101108TS/"}, None, "DATI_SPECIFICI_RISCOSSIONE_PATTERN"),
    ({"collection_data": "9/01\xa0TS"}, None, "Java \\S: a no-break space is not whitespace"),
    ({"collection_data": "9/01 TS"}, "datiSpecificiRiscossione", "\\S"),
    ({"address": "VIA UNIVERSITÀ 4-6 (SCALA B) «INTERNO»"}, None,
     "validaIndirizzoAnagrafica(…, false) rewrites the address first: never refused"),
    ({"civic": "12;A"}, None, "validaCivicoAnagrafica: printable ASCII"),
    ({"civic": "12°"}, "civicoPagatore", "validaCivicoAnagrafica: ° is not ASCII"),
    ({"email": "ufficio@localhost"}, None, "EMAIL_PATTERN: no dot needed in the domain"),
    ({"email": "mario rossi@example.it"}, "emailPagatore", "EMAIL_PATTERN"),
    ({"payment_type": "bp | po"}, None, "validaTipoVersamento: tokens trimmed, case ignored"),
    ({"payment_type": "ALL|BP"}, "tipoVersamento", "validaTipoVersamento: ALL only alone"),
    ({"country": "DE", "province": "BY", "postal_code": "80331"}, None, "province looked up only for IT"),
    ({"debtor_type": "G", "debtor_code": "RSSMRA85T10A562S"}, "codiceIdentificativoUnivoco",
     "isValidCodIdUnivocoConAnonimo: G is checked with isValidPIVA only"),
    ({"debtor_type": "F", "debtor_code": "01199250158"}, None, "F accepts a CF or a partita IVA"),
    ({"iud": "TARI 2025 0001"}, None, "validaIUD: only blank and the 000 prefix are refused"),
    ({"iud": "000TARI"}, "IUD", "validaIUD"),
    ({"iuv": "123456789012345"}, "codIuv", "validaIUV: no new IUV15 after pa.dataLimiteNuoviIuv15"),
    ({"iuv": rf_reference("12" + "3" * 19)}, None, "validaIUV: a 25-character RF of the new format"),
    ({"iuv": rf_reference("12345")}, "codIuv", "validaIUV: 15, 17 or 25 characters"),
    ({"iuv": rf_reference("12" + "3" * 15 + "0000")}, "codIuv", "validaIUV: old format needs 99 at 7-8"),
    ({"iuv": rf_reference("1299" + "3" * 13 + "0000")}, None, "validaIUV: old format with 99"),
]


@pytest.mark.parametrize("changes,refused,source", MYPAY_ANSWERS, ids=[a[2][:40] for a in MYPAY_ANSWERS])
def test_debts_as_mypay_answers(changes, refused, source):
    errors = validate_debt(debt(**changes), TARI, "1_4")
    if refused is None:
        assert errors == [], source
    else:
        assert refused in [e.field for e in errors], source
