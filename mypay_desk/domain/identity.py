"""Codice fiscale and partita IVA, checked with python-stdnum (a well-kept implementation)."""

from __future__ import annotations

from stdnum.exceptions import ValidationError
from stdnum.it import codicefiscale, iva

from mypay_desk.domain.excerpt import excerpt

ANONYMOUS = "ANONIMO"


class IdentityError(ValueError):
    pass


def normalize(code: str) -> str:
    return "".join((code or "").split()).upper()


def validate_codice_fiscale(code: str) -> str:
    """A person's 16-character codice fiscale (omocodia included) or an 11-digit numeric one."""
    value = normalize(code)
    if len(value) == 11 and value.isdigit():
        return validate_partita_iva(value, label="Il codice fiscale numerico")
    try:
        return codicefiscale.validate(value)
    except ValidationError as exc:
        raise IdentityError(f"Codice fiscale «{excerpt(code)}» non valido: {_reason(exc, value)}") from exc


def validate_partita_iva(code: str, label: str = "La partita IVA") -> str:
    value = normalize(code)
    if not value.isdigit() or len(value) != 11:
        raise IdentityError(f"{label} «{excerpt(code)}» deve avere 11 cifre")
    try:
        return iva.validate(value)
    except ValidationError as exc:
        raise IdentityError(f"{label} «{excerpt(code)}» ha il carattere di controllo errato") from exc


def validate_ente_fiscal_code(code: str) -> str:
    """An Ente's codice fiscale: 11 digits with a valid check digit."""
    return validate_partita_iva(code, label="Il codice fiscale dell'Ente")


def validate_debtor(debtor_type: str, code: str, anonymous_allowed: bool = False) -> str:
    """F = natural person (codice fiscale), G = legal person (partita IVA or numeric CF)."""
    value = normalize(code)
    t = (debtor_type or "").upper()
    if t == "F":
        if value == ANONYMOUS:
            if anonymous_allowed:
                return value
            raise IdentityError("Debitore ANONIMO non ammesso per questo tipo dovuto")
        return validate_codice_fiscale(value)
    if t == "G":
        if len(value) == 16:
            return validate_codice_fiscale(value)
        return validate_partita_iva(value, label="Il codice fiscale / partita IVA")
    raise IdentityError(f"Tipo soggetto «{excerpt(debtor_type)}» non valido: F (persona fisica) o G (persona giuridica)")


def _reason(exc: ValidationError, value: str) -> str:
    name = type(exc).__name__
    if name == "InvalidLength":
        return f"deve avere 16 caratteri, ne ha {len(value)}"
    if name == "InvalidChecksum":
        return "carattere di controllo errato"
    if name == "InvalidFormat":
        return "formato errato"
    if name == "InvalidComponent":
        return "data di nascita o comune non validi"
    return str(exc)
