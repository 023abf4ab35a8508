"""Pure notice rules: QR and Poste Data Matrix payloads, codice avviso grouping, field limits,
instalment pages, which debts can have a notice (pagopa-standards.md §2, mypay4-interfaces.md §4.4)."""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mypay_desk.domain.notice import (
    DATAMATRIX_LENGTH,
    LIMITS,
    NoticeData,
    NoticeDataError,
    NoticeDebtor,
    NoticeEnte,
    PaymentOption,
    ascii_fold,
    clip,
    clip_field,
    format_address,
    group_code,
    instalment_groups,
    poste_codeline,
    poste_datamatrix_payload,
    qr_payload,
    unpayable_reason,
)

NAV = "301000000000000144"  # aux 3, segr 01, base 1, check 44 (pagopa-standards §1.3 worked example)


def test_qr_payload_reference_example():
    assert qr_payload(NAV, "01234567890", 12345) == "PAGOPA|002|301000000000000144|01234567890|12345"


def test_qr_payload_accepts_printed_code_and_pads_like_pagopa():
    assert qr_payload("3010 0000 0000 0001 44", "1234567890", 1) == "PAGOPA|002|301000000000000144|01234567890|1"
    assert qr_payload("1234", "01199250158", 100) == "PAGOPA|002|000000000000001234|01199250158|100"


@pytest.mark.parametrize("nav,cf,cents", [
    ("30100000000000014A", "01234567890", 100),
    ("3010000000000001440", "01234567890", 100),
    (NAV, "012345678901", 100),
    (NAV, "ABCDEFGHIJK", 100),
    (NAV, "01234567890", 0),
    (NAV, "01234567890", -5),
    (NAV, "01234567890", 100_000_000),  # over 999.999,99
])
def test_qr_payload_rejects_what_cannot_be_printed(nav, cf, cents):
    with pytest.raises(NoticeDataError):
        qr_payload(nav, cf, cents)


def test_poste_codeline_fields_and_lengths():
    line = poste_codeline(NAV, "12345678", 150_000)
    assert line == "18" + NAV + "12" + "000012345678" + "10" + "0000150000" + "3" + "896"
    assert len(line) == 50
    # a longer account (e.g. taken from a postal IBAN) keeps its last 12 digits
    assert poste_codeline(NAV, "0760112345678901", 1)[22:34] == "112345678901"


def test_datamatrix_payload_exact_string():
    payload = poste_datamatrix_payload(NAV, "001234567890", 18_750, "01199250158", "bncmra80a41f205x",
                                       "Maria Bianchi", "TARI 2025 acconto")
    expected = (
        "codfase=NBPA;"
        + "18301000000000000144" + "12001234567890" + "100000018750" + "3896"
        + "1P1"
        + "01199250158"
        + "BNCMRA80A41F205X"
        + "MARIA BIANCHI" + " " * 27
        + "TARI 2025 ACCONTO" + " " * 93
        + " " * 12
        + "A"
    )
    assert payload == expected
    assert len(payload) == DATAMATRIX_LENGTH == 256


def test_datamatrix_fixed_positions_hold_for_long_accented_and_anonymous_values():
    name = "Àlvaro Niccolò D'Annunzio-Pérez de la Cruz y Fernández"  # > 40 characters, accents
    subject = "Tassa “rifiuti” – " + "x" * 200
    payload = poste_datamatrix_payload(NAV, "1", 5, "01199250158", "ANONIMO", name, subject)
    assert len(payload) == 256 and payload.isascii()
    assert payload[:13] == "codfase=NBPA;"
    assert payload[13:63] == "18" + NAV + "12" + "000000000001" + "10" + "0000000005" + "3896"
    assert payload[63:66] == "1P1"
    assert payload[66:77] == "01199250158"
    assert payload[77:93] == " " * 16  # anonymous debtor: no CF
    # MyPay's cleaning: each character outside [0-9A-Za-z &',-.:_] is one space, positions kept
    assert payload[93:133] == " LVARO NICCOL  D'ANNUNZIO-P REZ DE LA CR"
    assert payload[133:243].startswith("TASSA  RIFIUTI    XXX") and len(payload[133:243]) == 110
    assert payload[243:255] == " " * 12
    assert payload[255] == "A"


def mypay_datamatrix_field(value: str, width: int) -> str:
    """JasperService.generateAvviso's text fields, ported: replaceAll(REG_EX, " "), shortenString, rightPad,
    toUpperCase (REG_EX = "[^0-9A-Za-z &',-.:_]"; in a Java class ",-." is the range from "," to ".")."""
    cleaned = "".join(c if (c.isascii() and (c.isalnum() or c in " &',-.:_")) else " " for c in value)
    shortened = cleaned if len(cleaned) <= width else cleaned[:width]
    return shortened.ljust(width).upper()


@settings(max_examples=300, deadline=None)
@given(name=st.text(max_size=60), subject=st.text(max_size=140))
def test_datamatrix_text_fields_as_mypay_writes_them(name, subject):
    payload = poste_datamatrix_payload(NAV, "1", 5, "01199250158", "RSSMRA80A01F205X", name, subject)
    assert len(payload) == 256
    assert payload[93:133] == mypay_datamatrix_field(name, 40)
    assert payload[133:243] == mypay_datamatrix_field(subject, 110)


def test_datamatrix_rejects_bad_postal_account():
    with pytest.raises(NoticeDataError):
        poste_datamatrix_payload(NAV, "CC 12-34", 100, "01199250158", "", "", "")


def test_ascii_fold():
    assert ascii_fold("Città – “è” l’€") == 'Citta - "e" l\'EUR'
    assert ascii_fold("漢字") == "  "


def test_group_code():
    assert group_code(NAV) == "3010 0000 0000 0001 44"
    assert len(group_code(NAV)) == 22
    assert group_code("3010 0000 0000 0001 44") == "3010 0000 0000 0001 44"


@pytest.mark.parametrize("text,limit,expected", [
    ("Breve", 10, "Breve"),
    ("  tanti   spazi\n e a capo\t", 40, "tanti spazi e a capo"),
    ("controllo\x00\x07fine", 40, "controllo fine"),
    ("", 5, ""),
    (None, 5, ""),
    ("abcdefghij", 10, "abcdefghij"),
    ("abcdefghijk", 10, "abcdefghi…"),
    ("Tassa sui rifiuti anno duemilaventicinque", 26, "Tassa sui rifiuti anno…"),
    ("Tassa sui rifiuti anno duemilaventicinque", 30, "Tassa sui rifiuti anno duemil…"),
])
def test_clip(text, limit, expected):
    assert clip(text, limit) == expected


@given(st.text(max_size=300), st.sampled_from(sorted(LIMITS)))
def test_clip_never_exceeds_the_field_limit(text, name):
    out = clip_field(name, text)
    assert len(out) <= LIMITS[name]
    assert "\n" not in out


def test_field_limits_follow_the_references():
    assert LIMITS["subject"] == 90
    assert LIMITS["ente_name"] == 100
    assert LIMITS["ente_sector"] == 50
    assert LIMITS["ente_info"] == 100
    assert LIMITS["debtor_name"] == 70
    assert LIMITS["ente_cf"] == LIMITS["debtor_cf"] == 16


@pytest.mark.parametrize("count,groups", [
    (0, []), (1, [1]), (2, [2]), (3, [3]), (4, [2, 2]), (5, [3, 2]), (6, [3, 3]), (7, [3, 2, 2]),
    (8, [3, 3, 2]), (10, [3, 3, 2, 2]), (12, [3, 3, 3, 3]),
])
def test_instalment_groups(count, groups):
    assert instalment_groups(count) == groups


@given(st.integers(min_value=2, max_value=200))
def test_instalment_groups_fewest_pages_none_alone(count):
    groups = instalment_groups(count)
    assert sum(groups) == count
    assert set(groups) <= {2, 3}
    assert len(groups) == math.ceil(count / 3)


@pytest.mark.parametrize("kwargs,reason", [
    ({}, None),
    ({"notice_number": ""}, "numero avviso non ancora assegnato"),
    ({"notice_number": "1234"}, "non valido"),
    ({"state": "ANNULLATO"}, "annullato"),
    ({"cancel_requested": True}, "annullato"),
    ({"state": "PAGATO"}, "già pagato"),
    ({"paid_amount_cents": 10_000}, "già pagato"),
    ({"paid_amount_cents": 100}, "pagato in parte"),
    ({"state": "PAGATO_PARZIALE"}, "pagato in parte"),
    ({"is_valid": False}, "non validi"),
    ({"state": "RIFIUTATO"}, "rifiutato"),
    ({"state": "SCADUTO"}, "scaduto"),
    ({"amount_cents": 0}, "importo"),
    ({"amount_cents": 100_000_000}, "999.999,99"),
    ({"state": "NUOVO"}, None),
    ({"state": "IN_INVIO"}, None),
])
def test_unpayable_reason(kwargs, reason):
    args = dict(notice_number=NAV, state="SUL_PORTALE", cancel_requested=False, amount_cents=10_000,
                paid_amount_cents=0, is_valid=True)
    args.update(kwargs)
    got = unpayable_reason(**args)
    if reason is None:
        assert got is None
    else:
        assert got is not None and reason in got


def test_format_address():
    assert format_address("Via Roma", "10", "20100", "Milano", "mi", "IT") == "Via Roma 10, 20100 Milano (MI)"
    assert format_address("Rue de la Paix", "2", "75002", "Paris", "", "FR") == "Rue de la Paix 2, 75002 Paris, FR"
    assert format_address("", "", "", "", "", "") == ""
    assert len(format_address("V" * 70, "1" * 16, "2" * 16, "C" * 35, "MI", "DE")) <= LIMITS["debtor_address"]


def test_notice_data_payloads_and_file_stem():
    ente = NoticeEnte(name="Comune", fiscal_code="01199250158", postal_account="12345678",
                      poste_authorization="AUT. X")
    single = PaymentOption(NAV, 5_000, date(2025, 1, 31), iuv=NAV[1:])
    n = NoticeData(ente, NoticeDebtor("Ugo", "RSSMRA80A01F205X"), "Mensa", single, iuv=NAV[1:])
    assert n.poste and n.qr_payload(single) == f"PAGOPA|002|{NAV}|01199250158|5000"
    assert n.datamatrix_payload(single)[13:63] == poste_codeline(NAV, "12345678", 5_000)
    assert n.file_stem == NAV[1:]
    assert not NoticeEnte(name="C", fiscal_code="1", postal_account="123").has_poste  # no authorisation
