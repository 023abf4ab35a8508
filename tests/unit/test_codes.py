from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mypay_desk.domain import codes
from mypay_desk.domain.codes import CodeError

SEGR = st.integers(min_value=0, max_value=99).map(lambda n: f"{n:02d}")
PROGRESSIVE = st.integers(min_value=1, max_value=codes.ENTE_BASE_MAX - codes.ENTE_BASE_OFFSET + 1)


def test_worked_example_from_the_reference():
    # pagopa-standards.md §1.3: aux 3, segr 01, base 0000000000001 -> check 44
    assert codes.check_digits("3010000000000001") == "44"
    nav = codes.parse_notice_number("301000000000000144")
    assert nav.aux_digit == 3 and nav.iuv == "01000000000000144" and nav.segregation_code == "01"
    assert nav.grouped == "3010 0000 0000 0001 44"


@given(SEGR, PROGRESSIVE)
def test_ente_iuv17_is_valid_and_never_mypay_reserved(segr, progressive):
    iuv = codes.iuv17_for_ente(segr, progressive)
    assert len(iuv) == 17 and iuv.isdigit()
    assert iuv.startswith(segr)
    assert not codes.is_reserved_for_mypay(iuv)
    assert codes.validate_iuv(iuv) == "IUV17"
    nav = codes.parse_notice_number(codes.notice_number_from_iuv17(iuv))
    assert nav.iuv == iuv and nav.aux_digit == 3


@given(SEGR, st.integers(min_value=1, max_value=10**9), st.integers(min_value=1, max_value=10**6))
def test_distinct_progressives_give_distinct_iuvs(segr, a, delta):
    assert codes.iuv17_for_ente(segr, a) != codes.iuv17_for_ente(segr, a + delta)


@given(st.text(alphabet="0123456789", min_size=16, max_size=16).filter(lambda s: s[0] in "023"),
       st.integers(min_value=1, max_value=92))
def test_wrong_check_digits_are_rejected(body, shift):
    good = body + codes.check_digits(body)
    assert codes.parse_notice_number(good).value == good
    wrong = body + f"{(int(good[16:]) + shift) % 93:02d}"
    with pytest.raises(CodeError, match="controllo"):
        codes.parse_notice_number(wrong)


def test_aux_0_and_2_accepted_aux_1_without_check_and_4_refused():
    body0 = "0" + "12" + "1234567890123"
    assert codes.parse_notice_number(body0 + codes.check_digits(body0)).application_code == "12"
    body2 = "2" + "123456789012345"
    assert codes.parse_notice_number(body2 + codes.check_digits(body2)).aux_digit == 2
    assert codes.parse_notice_number("1" + "1" * 17).aux_digit == 1
    with pytest.raises(CodeError, match="ausiliaria"):
        codes.parse_notice_number("4" + "0" * 17)
    with pytest.raises(CodeError, match="18 cifre"):
        codes.parse_notice_number("3" * 17)


@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=21))
def test_rf_roundtrip(ref):
    rf = codes.rf_reference(ref)
    assert codes.validate_rf(rf).upper() == rf.upper()
    assert codes.check_code(rf).kind == "RF"


def test_rf_reference_example_and_bad_check():
    assert codes.rf_reference("w9") == "RF45w9"
    with pytest.raises(CodeError, match="attese «78»"):
        codes.validate_rf("RF23 5674 8393 7849 4505 5087 5")


def test_segregation_code_must_be_two_digits():
    for bad in ["1", "123", "A1", ""]:
        with pytest.raises(CodeError):
            codes.iuv17_for_ente(bad, 1)


def test_check_code_reports_kind_and_reasons():
    assert codes.check_code("3010 0000 0000 0001 44").kind == "NAV"
    with pytest.raises(CodeError, match="non è un numero avviso"):
        codes.check_code("12345")


def test_collection_data_pattern():
    assert codes.validate_collection_data("9/0101108TS/")
    for bad in ["3/0101108TS/", "9/ab", "9/01 01108TS/"]:
        with pytest.raises(CodeError):
            codes.validate_collection_data(bad)
