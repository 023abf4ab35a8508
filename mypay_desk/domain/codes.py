"""pagoPA payment codes: IUV, numero avviso (NAV), RF creditor references.

References: pagopa-standards.md §1 (structure by aux digit, mod-93 check, ISO 11649) and
mypay4-interfaces.md §4.3 (IUV17 as MyPay generates it; the ``00`` in positions 3-4 is reserved for
MyPay-generated IUVs, so IUVs the Ente generates itself never carry it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CHECK_MODULUS = 93
IUV17_BASE_DIGITS = 13
# The Ente's own IUV17 base (13 digits) must not start with "00": MyPay reserves that for its own IUVs.
# We therefore number the base from 10**11 upwards, keeping positions 3-4 of the IUV non-zero.
ENTE_BASE_OFFSET = 10**11
ENTE_BASE_MAX = 10**IUV17_BASE_DIGITS - 1


class CodeError(ValueError):
    """A code is malformed; the message says which part and why."""


def check_digits(number: str) -> str:
    """The two IUV check digits: the number mod 93, left-padded to two digits."""
    if not number.isdigit():
        raise CodeError(f"«{number}» deve contenere solo cifre")
    return f"{int(number) % CHECK_MODULUS:02d}"


def validate_segregation_code(code: str) -> str:
    if not re.fullmatch(r"\d{2}", code or ""):
        raise CodeError(f"Il codice di segregazione «{code}» deve essere di due cifre (00-99)")
    return code


def iuv17_for_ente(segregation_code: str, progressive: int) -> str:
    """An IUV17 of the Ente: segr(2) + base(13) + check(2), check over ``3``+segr+base.

    ``progressive`` counts from 1; it is mapped into the part of the 13-digit base space that MyPay
    does not reserve (base not starting with ``00``).
    """
    validate_segregation_code(segregation_code)
    if progressive < 1:
        raise CodeError("Il progressivo IUV deve partire da 1")
    base_value = ENTE_BASE_OFFSET + progressive - 1
    if base_value > ENTE_BASE_MAX:
        raise CodeError("Progressivi IUV esauriti per questo codice di segregazione")
    base = f"{base_value:0{IUV17_BASE_DIGITS}d}"
    body = segregation_code + base
    return body + check_digits("3" + body)


def is_reserved_for_mypay(iuv: str) -> bool:
    """True when an IUV17 has ``00`` in positions 3-4 (the form MyPay keeps for the IUVs it generates)."""
    return len(iuv) == 17 and iuv.isdigit() and iuv[2:4] == "00"


def notice_number_from_iuv17(iuv: str) -> str:
    return "3" + iuv


def notice_number_for(iuv: str, application_code: str = "") -> str:
    """The numero avviso of an IUV: 3+IUV17, 0+application code+IUV15; RF references have none."""
    if len(iuv) == 17 and iuv.isdigit():
        return notice_number_from_iuv17(iuv)
    if len(iuv) == 15 and iuv.isdigit() and len(application_code) == 2:
        return "0" + application_code + iuv
    return ""


@dataclass(frozen=True)
class NoticeNumber:
    """A parsed numero avviso (codice avviso, NAV): 18 digits."""

    value: str
    aux_digit: int
    iuv: str
    segregation_code: str = ""
    application_code: str = ""

    @property
    def grouped(self) -> str:
        """The codice avviso as printed: groups of four digits."""
        return " ".join(self.value[i : i + 4] for i in range(0, 18, 4))


def parse_notice_number(text: str) -> NoticeNumber:
    """Parse and validate a numero avviso with aux digit 0-3 (spaces allowed, as printed)."""
    value = re.sub(r"\s+", "", text or "")
    if not value.isdigit():
        raise CodeError("Il numero avviso deve contenere solo cifre")
    if len(value) != 18:
        raise CodeError(f"Il numero avviso deve avere 18 cifre, ne ha {len(value)}")
    aux = int(value[0])
    if aux == 0:
        app = value[1:3]
        _verify_check(value)
        return NoticeNumber(value, 0, value[3:], application_code=app)
    if aux == 1:
        return NoticeNumber(value, 1, value[1:])  # legacy: no check digits to verify
    if aux == 2:
        _verify_check(value)
        return NoticeNumber(value, 2, value[1:])
    if aux == 3:
        _verify_check(value)
        return NoticeNumber(value, 3, value[1:], segregation_code=value[1:3])
    raise CodeError(f"Cifra ausiliaria {aux} non valida: ammesse 0, 1, 2, 3")


def _verify_check(value: str) -> None:
    expected = check_digits(value[:16])
    if value[16:] != expected:
        raise CodeError(f"Cifre di controllo errate: «{value[16:]}», attese «{expected}» (resto della divisione per 93)")


# An IUV the portal gives (a flow's IUV file, paaSILImportaDovuto's reply, an open position): the shapes MyPay
# generates and accepts (IUV15, IUV17, an RF creditor reference of up to 25 characters: mypay4 IuvService and
# the codIuv rule of the import flow). Looser than validate_iuv on purpose (no check digits): a portal's own
# IUV is taken as given, only a value no IUV can be (a damaged file or reply: "0", a state name) is refused.
PORTAL_IUV_RE = re.compile(r"[0-9]{15}|[0-9]{17}|[Rr][Ff][0-9]{2}[A-Za-z0-9]{1,21}")


def is_portal_iuv(text: str) -> bool:
    return PORTAL_IUV_RE.fullmatch(text) is not None


def validate_iuv(iuv: str) -> str:
    """Check an IUV's shape: 15 (aux 0), 17 (aux 3, check digits verified) or an RF reference (25)."""
    iuv = (iuv or "").strip()
    if iuv.upper().startswith("RF"):
        validate_rf(iuv)
        return "RF"
    if not iuv.isdigit():
        raise CodeError("Lo IUV numerico deve contenere solo cifre")
    if len(iuv) == 17:
        expected = check_digits("3" + iuv[:15])
        if iuv[15:] != expected:
            raise CodeError(f"Cifre di controllo dello IUV errate: «{iuv[15:]}», attese «{expected}»")
        return "IUV17"
    if len(iuv) == 15:
        return "IUV15"
    raise CodeError(f"Lo IUV deve avere 15 o 17 cifre (o essere un riferimento RF), ne ha {len(iuv)}")


# --- ISO 11649 creditor references -------------------------------------------------------------

def _iso7064_number(text: str) -> int:
    digits = "".join(str(int(ch, 36)) for ch in text.upper())
    return int(digits)


def rf_reference(reference: str) -> str:
    """Build ``RF`` + check digits + reference (ISO 11649, MOD 97-10)."""
    ref = re.sub(r"\s+", "", reference or "")
    if not ref or not re.fullmatch(r"[A-Za-z0-9]{1,21}", ref):
        raise CodeError("Il riferimento RF ammette da 1 a 21 lettere o cifre")
    check = 98 - _iso7064_number(ref + "RF00") % 97
    return f"RF{check:02d}{ref}"


def validate_rf(text: str) -> str:
    value = re.sub(r"\s+", "", text or "")
    if not re.fullmatch(r"RF\d{2}[A-Za-z0-9]{1,21}", value, flags=re.IGNORECASE):
        raise CodeError("Un riferimento RF è «RF», due cifre di controllo e da 1 a 21 lettere o cifre")
    rearranged = value[4:] + value[:4]
    if _iso7064_number(rearranged) % 97 != 1:
        expected = rf_reference(value[4:])[2:4]
        raise CodeError(f"Cifre di controllo RF errate: «{value[2:4]}», attese «{expected}» (ISO 11649)")
    return value.upper()[:2] + value[2:]


def format_rf(value: str) -> str:
    v = re.sub(r"\s+", "", value)
    return " ".join(v[i : i + 4] for i in range(0, len(v), 4))


@dataclass(frozen=True)
class CodeCheck:
    kind: str  # NAV | IUV17 | IUV15 | RF
    value: str
    detail: str


def check_code(text: str) -> CodeCheck:
    """Recognise and validate a numero avviso, IUV or RF reference. Raises CodeError with the reason."""
    compact = re.sub(r"\s+", "", text or "")
    if not compact:
        raise CodeError("Codice vuoto")
    if compact[:2].upper() == "RF":
        v = validate_rf(compact)
        return CodeCheck("RF", v, "riferimento creditore ISO 11649 valido")
    if compact.isdigit() and len(compact) == 18:
        nav = parse_notice_number(compact)
        return CodeCheck("NAV", nav.value, f"numero avviso con cifra ausiliaria {nav.aux_digit}, IUV {nav.iuv}")
    if compact.isdigit() and len(compact) in (15, 17):
        kind = validate_iuv(compact)
        return CodeCheck(kind, compact, "IUV valido")
    raise CodeError(
        f"«{text}» non è un numero avviso (18 cifre), uno IUV (15 o 17 cifre) né un riferimento RF"
    )


# --- taxonomy (datiSpecificiRiscossione) --------------------------------------------------------
# MyPay's own patterns (RegioneDelVeneto/mypay, mypay4-be util/Constants.java DATI_SPECIFICI_RISCOSSIONE_PATTERN
# and TAXONOMIC_CODE_PATTERN, matched with Matcher.matches() in util/Utilities.java
# validaDatiSpecificiRiscossione / validaDatiSpecificiRiscossioneEnteSecondario). Java's \S, \d and \w are
# ASCII classes: \S excludes only space, \t, \n, \x0b, \f, \r (a no-break space is \S there), \d is
# [0-9] and \w is [a-zA-Z_0-9]; the classes below spell them out.
_JAVA_S = r"[^ \t\n\x0b\f\r]"
COLLECTION_DATA_RE = re.compile(rf"[0129]/{_JAVA_S}{{3,138}}")
# The secondary Ente's: a taxonomy code then "/" and up to 129 more characters: "9/0101108TS/" is valid.
SECONDARY_TAXONOMY_RE = re.compile(rf"9/[0-9]{{2}}[0-9]{{2}}[0-9]{{3}}[a-zA-Z_0-9]{{2}}/{_JAVA_S}{{0,129}}")


def validate_collection_data(value: str) -> str:
    if not COLLECTION_DATA_RE.fullmatch(value or ""):
        raise CodeError(
            "I dati specifici di riscossione devono avere la forma <0|1|2|9>/<codice> "
            "(es. 9/0101108TS/), da 5 a 140 caratteri senza spazi"
        )
    return value
