"""Reference tables of MyPay's checks: provinces, countries, payment types, character sets."""

from __future__ import annotations

import re
import unicodedata

# --- reference tables --------------------------------------------------------------------------

#: Sigle of the Italian provinces and metropolitan cities, including the Sardinian ones restored in
#: 2025 (CI, OG, OT, VS; also valid as historic codes) and "EE" used on Italian forms for abroad.
PROVINCES = frozenset(re.findall(r"[A-Z]{2}", """
AG AL AN AO AP AQ AR AT AV BA BG BI BL BN BO BR BS BT BZ CA CB CE CH CI CL CN CO CR CS CT CZ EE EN FC
FE FG FI FM FR GE GO GR IM IS KR LC LE LI LO LT LU MB MC ME MI MN MO MS MT NA NO NU OG OR OT PA PC PD PE
PG PI PN PO PR PT PU PV PZ RA RC RE RG RI RM RN RO SA SI SO SP SR SS SU SV TA TE TN TO TP TR TS TV UD
VA VB VC VE VI VR VS VT VV
"""))

#: ISO 3166-1 alpha-2 country codes (plus XK, Kosovo, widely used by registries).
COUNTRIES = frozenset(re.findall(r"[A-Z]{2}", """
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW
BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI
FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN
IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME
MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF
PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV
SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK
YE YT ZA ZM ZW
"""))

PAYMENT_TYPES = ("BBT", "BP", "AD", "CP", "PO", "OBEP")

# MyPay's own checks of a flow row (RegioneDelVeneto/mypay, mypay4-be scheduled/importflusso/
# ImportFlussoTaskService.java validaElabora, with util/Utilities.java and util/Constants.java):
# Poste's character set for indirizzo (Constants.ANAGRAFICA_INDIRIZZO_PATTERN). MyPay applies it only for
# payments through Poste, after rewriting the address (Utilities.bonificaIndirizzoAnagrafica), so a flow
# row's address is never refused for its characters; to_address_charset does the same rewriting.
ADDRESS_RE = re.compile(r"[a-z A-Z0-9.,()/'&]*")
# civico: printable ASCII, 32 to 126 (Utilities.validaCivicoAnagrafica with isPspPosteItaliane=false).
CIVIC_RE = re.compile(r"[ -~]*")
# E-mail: Constants.EMAIL_PATTERN, matched whole (Utilities.isValidEmail). The domain needs no dot.
EMAIL_RE = re.compile(r"[a-zA-Z0-9_!#$%&'*+/=?`{|}~^.-]+@[a-zA-Z0-9.-]+")
# CAP: Utilities.isValidCAP(cap) for foreign addresses; for Italy 5 digits, as isValidCAP(cap, "IT") in
# MyPay's web service and operator checks (the flow itself only checks the first form).
FOREIGN_CAP_RE = re.compile(r"[a-zA-Z0-9]{1,16}")
ITALIAN_CAP_RE = re.compile(r"[0-9]{5}")
# MyPay checks only the length of the secondary Ente's IBAN: 27 characters, an Italian IBAN
# (Utilities.isValidIban, Constants.LUNGHEZZA_IBAN); the shape is pagoPA's IBAN (letters, check digits).
IBAN_RE = re.compile(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}")
MYPAY_IBAN_LENGTH = 27
# Characters that end a line for MyPay's reader (Java BufferedReader.readLine: \n, \r) or that no text
# field should hold.
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


def payment_type_tokens(value: str) -> list[str] | None:
    """The tipi versamento of ``value`` as MyPay reads them (Utilities.validaTipoVersamento: split on ``|``,
    each token trimmed and compared ignoring case; ``ALL`` only alone); None when MyPay refuses it."""
    raw = value.split("|")
    while raw and raw[-1] == "":  # Java's String.split drops trailing empty strings
        raw.pop()
    tokens = [t.strip().upper() for t in raw]
    if any(t not in (*PAYMENT_TYPES, "ALL") for t in tokens) or ("ALL" in value and len(tokens) > 1):
        return None
    return tokens


def to_address_charset(text: str) -> str:
    """Best-effort rewrite of an address into MyPay's character set: accents become an apostrophe
    after the letter ("Università" -> "Universita'"), dashes and other symbols become spaces.
    """
    if ADDRESS_RE.fullmatch(text):
        return text
    out = []
    for ch in text:
        if ADDRESS_RE.fullmatch(ch):
            out.append(ch)
            continue
        base = unicodedata.normalize("NFKD", ch)
        letters = "".join(b for b in base if ADDRESS_RE.fullmatch(b))
        if letters and letters != base:  # an accented letter
            out.append(letters + "'")
        elif letters:
            out.append(letters)
        else:
            out.append(" ")
    return re.sub(r" {2,}", " ", "".join(out)).strip()
