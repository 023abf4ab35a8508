"""Money in integer cents; Italian text ("1.234,56") and flow text ("1234.56") only at the edges."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from mypay_desk.domain.excerpt import excerpt

MAX_AMOUNT_CENTS = 99_999_999_999  # 999.999.999,99 (MyPay's upper bound)
# Treasury credits (OPI giornale di cassa ``importo``: xs:decimal, totalDigits 15, fractionDigits 2,
# OPI_GIORNALE_DI_CASSA_V_1_6_1.XSD; bank statements use the same bound): 9.999.999.999.999,99.
MAX_TREASURY_CENTS = 999_999_999_999_999
# Longer texts are not amounts (the longest valid one, "-999.999.999.999.999,99", has 23 characters):
# refused before any conversion, so a 4,300-digit cell costs nothing.
_MAX_AMOUNT_TEXT = 32


class MoneyError(ValueError):
    pass


_IT_RE = re.compile(r"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d{1,2})?$")


_PLAIN_RE = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)")  # what Decimal() may read: no exponent, inf or nan


def parse_amount(text: str | int | float | Decimal, *, max_cents: int = MAX_AMOUNT_CENTS) -> int:
    """Parse an amount typed by a person or read from a spreadsheet into cents.

    Accepts Italian format ("1.234,56", "12,5"), plain dot decimals ("1234.56"), "€" and spaces.
    A single "." followed by exactly three digits is read as a thousands separator ("1.234" = 1234).
    Amounts beyond ``max_cents`` either way (MyPay's 999.999.999,99 unless the caller reads another
    format), infinities, NaN and exponents ("1e300") are refused with a MoneyError.
    """
    if isinstance(text, bool):
        raise MoneyError("Importo non valido")
    if isinstance(text, int):
        return _bounded(text * 100, text, max_cents)
    if isinstance(text, float):
        if text != text or text in (float("inf"), float("-inf")):
            raise MoneyError(f"Importo «{text}» non valido: usa il formato 1.234,56")
        text = Decimal(str(text))
    if isinstance(text, Decimal):
        if not text.is_finite():
            raise MoneyError(f"Importo «{text}» non valido: usa il formato 1.234,56")
        return _bounded(_decimal_to_cents(text), text, max_cents)
    raw = str(text)
    s = raw.strip().replace("€", "").replace("EUR", "").replace("\u00a0", "").replace(" ", "")
    if not s:
        raise MoneyError("Importo mancante")
    if len(s) > _MAX_AMOUNT_TEXT:
        raise MoneyError(f"Importo «{excerpt(raw)}» non valido: usa il formato 1.234,56")
    if "," in s:
        if not _IT_RE.match(s):
            raise MoneyError(f"Importo «{excerpt(raw)}» non valido: usa il formato 1.234,56")
        s = s.replace(".", "").replace(",", ".")
    elif s.count(".") > 1 or re.fullmatch(r"-?\d{1,3}\.\d{3}", s):
        if not _IT_RE.match(s):
            raise MoneyError(f"Importo «{excerpt(raw)}» non valido: usa il formato 1.234,56")
        s = s.replace(".", "")
    if not _PLAIN_RE.fullmatch(s):
        raise MoneyError(f"Importo «{excerpt(raw)}» non valido: usa il formato 1.234,56")
    try:
        return _bounded(_decimal_to_cents(Decimal(s)), raw, max_cents)
    except InvalidOperation as exc:
        raise MoneyError(f"Importo «{excerpt(raw)}» non valido: usa il formato 1.234,56") from exc


def _decimal_to_cents(value: Decimal) -> int:
    cents = value * 100
    if cents != cents.to_integral_value():
        raise MoneyError(f"Importo «{excerpt(value)}» con più di due decimali")
    return int(cents)


def _bounded(cents: int, text: object, max_cents: int) -> int:
    if -max_cents <= cents <= max_cents:
        return cents
    raise MoneyError(f"Importo «{excerpt(text)}» oltre il massimo ammesso ({format_amount(max_cents)})")


def parse_flow_amount(text: str, *, max_cents: int = MAX_AMOUNT_CENTS) -> int:
    """Amount as written in MyPay flows and pagoPA XML: "." decimal separator, e.g. "1234.56" or "10".
    Bounded like :func:`parse_amount` (MyPay's maximum unless ``max_cents`` says otherwise)."""
    s = (text or "").strip()
    if len(s) > _MAX_AMOUNT_TEXT or not re.fullmatch(r"-?\d{1,13}(\.\d{1,2})?", s):
        raise MoneyError(f"Importo «{excerpt(text)}» non valido: atteso un numero con il punto decimale "
                         "(es. 1234.56)")
    return _bounded(_decimal_to_cents(Decimal(s)), text, max_cents)


def format_flow_amount(cents: int) -> str:
    """Cents to the flow form ``\\d+\\.\\d{2}``."""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def format_amount(cents: int, currency: bool = False) -> str:
    """Cents to Italian text: 123456 -> "1.234,56" (with " €" when asked)."""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    euros = f"{cents // 100:,}".replace(",", ".")
    text = f"{sign}{euros},{cents % 100:02d}"
    return text + " €" if currency else text


def check_amount_range(cents: int) -> None:
    if cents == 0:
        raise MoneyError("L'importo non può essere zero")
    if cents < 0:
        raise MoneyError("L'importo non può essere negativo")
    if cents > MAX_AMOUNT_CENTS:
        raise MoneyError("L'importo supera il massimo ammesso (999.999.999,99)")
