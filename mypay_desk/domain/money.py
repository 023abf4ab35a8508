"""Money in integer cents; Italian text ("1.234,56") and flow text ("1234.56") only at the edges."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

MAX_AMOUNT_CENTS = 99_999_999_999  # 999.999.999,99 (MyPay's upper bound)


class MoneyError(ValueError):
    pass


_IT_RE = re.compile(r"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d{1,2})?$")


def parse_amount(text: str | int | float | Decimal) -> int:
    """Parse an amount typed by a person or read from a spreadsheet into cents.

    Accepts Italian format ("1.234,56", "12,5"), plain dot decimals ("1234.56"), "€" and spaces.
    A single "." followed by exactly three digits is read as a thousands separator ("1.234" = 1234).
    """
    if isinstance(text, bool):
        raise MoneyError("Importo non valido")
    if isinstance(text, int):
        return text * 100
    if isinstance(text, float):
        text = Decimal(str(text))
    if isinstance(text, Decimal):
        return _decimal_to_cents(text)
    s = str(text).strip().replace("€", "").replace("EUR", "").replace("\u00a0", "").replace(" ", "")
    if not s:
        raise MoneyError("Importo mancante")
    if "," in s:
        if not _IT_RE.match(s):
            raise MoneyError(f"Importo «{text}» non valido: usa il formato 1.234,56")
        s = s.replace(".", "").replace(",", ".")
    elif s.count(".") > 1 or re.fullmatch(r"-?\d{1,3}\.\d{3}", s):
        if not _IT_RE.match(s):
            raise MoneyError(f"Importo «{text}» non valido: usa il formato 1.234,56")
        s = s.replace(".", "")
    try:
        return _decimal_to_cents(Decimal(s))
    except InvalidOperation as exc:
        raise MoneyError(f"Importo «{text}» non valido: usa il formato 1.234,56") from exc


def _decimal_to_cents(value: Decimal) -> int:
    cents = value * 100
    if cents != cents.to_integral_value():
        raise MoneyError(f"Importo «{value}» con più di due decimali")
    return int(cents)


def parse_flow_amount(text: str) -> int:
    """Amount as written in MyPay flows: "." decimal separator, e.g. "1234.56" or "10"."""
    s = (text or "").strip()
    if not re.fullmatch(r"-?\d{1,12}(\.\d{1,2})?", s):
        raise MoneyError(f"Importo «{text}» non valido: atteso un numero con il punto decimale (es. 1234.56)")
    return _decimal_to_cents(Decimal(s))


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
