from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.it import codicefiscale

from mypay_desk.domain import identity, money


@given(st.integers(min_value=-money.MAX_AMOUNT_CENTS, max_value=money.MAX_AMOUNT_CENTS))
def test_italian_format_roundtrip(cents):
    assert money.parse_amount(money.format_amount(cents)) == cents
    assert money.parse_flow_amount(money.format_flow_amount(cents)) == cents


@pytest.mark.parametrize("text,cents", [
    ("1.234,56", 123456), ("1234,56", 123456), ("12,5", 1250), ("1234.56", 123456), ("€ 10", 1000),
    ("1.234", 123400), ("1.234.567,89", 123456789), ("0,01", 1),
])
def test_parse_amount(text, cents):
    assert money.parse_amount(text) == cents


@pytest.mark.parametrize("text", ["1,2,3", "abc", "", "1,234.56", "12,345"])
def test_parse_amount_refuses(text):
    with pytest.raises(money.MoneyError):
        money.parse_amount(text)


def test_amount_range():
    money.check_amount_range(1)
    money.check_amount_range(money.MAX_AMOUNT_CENTS)
    for bad in (0, -1, money.MAX_AMOUNT_CENTS + 1):
        with pytest.raises(money.MoneyError):
            money.check_amount_range(bad)
    assert money.format_amount(123456, currency=True) == "1.234,56 €"


def test_codice_fiscale_and_partita_iva():
    assert identity.validate_codice_fiscale("rssmra85t10a562s") == "RSSMRA85T10A562S"
    with pytest.raises(identity.IdentityError, match="controllo"):
        identity.validate_codice_fiscale("RSSMRA85T10A562T")
    with pytest.raises(identity.IdentityError, match="16 caratteri"):
        identity.validate_codice_fiscale("RSSMRA85T10A562")
    assert identity.validate_partita_iva("01199250158") == "01199250158"
    with pytest.raises(identity.IdentityError):
        identity.validate_partita_iva("01199250159")


def test_debtor_rules():
    cf = "RSSMRA85T10A562S"
    assert identity.validate_debtor("F", cf) == cf
    assert identity.validate_debtor("G", "01199250158") == "01199250158"
    assert identity.validate_debtor("F", "anonimo", anonymous_allowed=True) == "ANONIMO"
    with pytest.raises(identity.IdentityError, match="ANONIMO"):
        identity.validate_debtor("F", "ANONIMO")
    with pytest.raises(identity.IdentityError, match="Tipo soggetto"):
        identity.validate_debtor("X", cf)
    # omocodia: stdnum accepts the substituted digits
    assert codicefiscale.is_valid("RSSMRA85T10A56NH")
