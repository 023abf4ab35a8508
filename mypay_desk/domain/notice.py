"""The payment notice (avviso di pagamento): what goes on it, its barcode payloads and its text limits.

References: pagopa-standards.md §2 (zones, field limits, instalments, QR payload, Poste Data Matrix)
and mypay4-interfaces.md §4.4 (how MyPay fills the notice). Pure: no drawing here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from mypay_desk.domain.debt_states import DebtState
from mypay_desk.domain.money import format_amount

# --- field limits (characters) --------------------------------------------------------------------
# Where the 2018 guide and AVV-3 differ we take AVV-3 / MyPay's generator, the newer and longer one.
LIMITS = {
    "subject": 90,  # AVVISO.OGGETTO (AVV-3; MyPay ≤90)
    "ente_name": 100,  # ENTE.NOME (AVV 3.5.1)
    "ente_sector": 50,  # ENTE.SETTORE
    "ente_info": 100,  # ENTE.INFO
    "ente_cf": 16,
    "debtor_name": 70,  # DESTINATARIO.NOMECOMPLETO (AVV-3.1)
    "debtor_address": 140,  # MyPay / print service (2018 guide: 40)
    "debtor_cf": 16,
    "postal_account": 20,
    "postal_holder": 50,
    "poste_authorization": 200,  # no limit in the references: two printed lines at most
    "cbill": 16,
}
# The notice prints at most 999.999,99 (AVV-2.2 `<importo>`).
MAX_NOTICE_AMOUNT_CENTS = 99_999_999
QR_SIZE_MM = 25.0
DATAMATRIX_SIZE_MM = 25.0
DATAMATRIX_LENGTH = 256
# Debtor codes MyPay uses for payers it does not know: the notice then omits the CF (AVV-3.1).
ANONYMOUS_DEBTOR_CODES = {"ANONIMO", ""}
ELLIPSIS = "…"


class NoticeDataError(ValueError):
    """A value cannot go on a notice (the message says which and why)."""


# --- text -----------------------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")


def clean_text(text: str | None) -> str:
    """One line of printable text: control characters and runs of blanks become single spaces."""
    if not text:
        return ""
    if text.isprintable():  # no control or format characters, no blank but the space: the common case
        return " ".join(text.split())
    text = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in text)
    return _SPACES.sub(" ", text).strip()


def clip(text: str | None, limit: int) -> str:
    """Cleaned text cut to ``limit`` characters; a cut text ends with "…" (counted in the limit)."""
    text = clean_text(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rstrip()
    # Prefer cutting at a word boundary when one is close to the end.
    space = cut.rfind(" ")
    if space >= limit * 0.75:
        cut = cut[:space].rstrip(" ,;.-")
    return cut + ELLIPSIS


def clip_field(name: str, text: str | None) -> str:
    return clip(text, LIMITS[name])


def group_code(notice_number: str) -> str:
    """The codice avviso as printed: 18 digits in groups of four ("3012 0000 0000 0001 44")."""
    digits = re.sub(r"\s+", "", notice_number or "")
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def format_due_date(d: date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else ""


def format_notice_amount(cents: int) -> str:
    """Italian format as on the notice: 150000 -> "1.500,00"."""
    return format_amount(cents)


_TYPOGRAPHIC = str.maketrans({
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2018": "'", "\u2019": "'", "\u201c": '"',
    "\u201d": '"', "\u00ab": '"', "\u00bb": '"', "\u2026": "...", "\u20ac": "EUR", "\u00b7": "-",
})


def ascii_fold(text: str) -> str:
    """Accents removed, typographic dashes and quotes made plain, anything else outside printable
    ASCII replaced by a space (Data Matrix fields)."""
    decomposed = unicodedata.normalize("NFD", (text or "").translate(_TYPOGRAPHIC))
    out = []
    for c in decomposed:
        if unicodedata.combining(c):
            continue
        o = ord(c)
        out.append(c if 32 <= o < 127 else " ")
    return "".join(out)


# --- barcode payloads -----------------------------------------------------------------------------

def _check_notice_number(notice_number: str) -> str:
    n = re.sub(r"\s+", "", notice_number or "")
    if not n.isdigit() or len(n) > 18:
        raise NoticeDataError(f"Numero avviso «{notice_number}» non valido: servono 18 cifre")
    return n.zfill(18)


def _check_ente_cf(fiscal_code: str) -> str:
    cf = (fiscal_code or "").strip()
    if not cf.isdigit() or len(cf) > 11:
        raise NoticeDataError(f"Codice fiscale dell'Ente «{fiscal_code}» non valido: servono 11 cifre")
    return cf.zfill(11)


def _check_amount(cents: int) -> int:
    if not isinstance(cents, int) or cents <= 0:
        raise NoticeDataError("L'importo dell'avviso deve essere maggiore di zero")
    if cents > MAX_NOTICE_AMOUNT_CENTS:
        raise NoticeDataError("L'importo supera il massimo stampabile sull'avviso (999.999,99)")
    return cents


def qr_payload(notice_number: str, ente_fiscal_code: str, amount_cents: int) -> str:
    """``PAGOPA|002|<numero avviso 18>|<CF ente 11>|<importo in centesimi>`` (pagopa-standards §2.5).

    Notice number and CF are left-padded with zeros as pagoPA's generator does; the amount is plain
    integer cents without separators.
    """
    nav = _check_notice_number(notice_number)
    cf = _check_ente_cf(ente_fiscal_code)
    return f"PAGOPA|002|{nav}|{cf}|{_check_amount(amount_cents)}"


def postal_account_12(account: str) -> str:
    """The 12-digit postal account of the Data Matrix codeline (a longer value keeps its last 12)."""
    digits = re.sub(r"\s+", "", account or "")
    if not digits.isdigit():
        raise NoticeDataError(f"Conto corrente postale «{account}» non valido: solo cifre")
    return digits[-12:].zfill(12)


def poste_codeline(notice_number: str, postal_account: str, amount_cents: int) -> str:
    """``18``+avviso(18) ``12``+conto(12) ``10``+importo(10) ``3``+``896``: 50 characters."""
    return (
        "18" + _check_notice_number(notice_number)
        + "12" + postal_account_12(postal_account)
        + "10" + f"{_check_amount(amount_cents):010d}"
        + "3" + "896"
    )


# MyPay's generator turns every character outside this set into a space before cutting and padding each
# field (RegioneDelVeneto/mypay, mypay4-be service/JasperService.java, generateAvviso: REG_EX
# "[^0-9A-Za-z &',-.:_]", then Utilities.shortenString, StringUtils.rightPad, toUpperCase): one space per
# character, so the text keeps its positions and every field its width.
_DATAMATRIX_OUTSIDE = re.compile(r"[^0-9A-Za-z &',\-.:_]")


def _fixed(text: str, width: int) -> str:
    return _DATAMATRIX_OUTSIDE.sub(" ", text or "")[:width].ljust(width).upper()


def poste_datamatrix_payload(
    notice_number: str,
    postal_account: str,
    amount_cents: int,
    ente_fiscal_code: str,
    debtor_fiscal_code: str,
    debtor_name: str,
    subject: str,
) -> str:
    """The 256-character Poste "Bollettino Postale PA" Data Matrix string (pagopa-standards §2.6).

    ``codfase=NBPA;`` + codeline(50) + ``1P1`` + CF ente(11) + CF debtor(16) + name(40) + causale(110)
    + 12 spaces + ``A``. Text fields are cleaned as MyPay's generator cleans them (see ``_fixed``): every
    character outside ``[0-9A-Za-z &',-.:_]`` becomes a space, so the string is ASCII, one byte per
    character, and the fixed positions hold for any reader.
    """
    ente_cf = _check_ente_cf(ente_fiscal_code)
    debtor = debtor_fiscal_code if debtor_fiscal_code.upper() not in ANONYMOUS_DEBTOR_CODES else ""
    payload = (
        "codfase=NBPA;"
        + poste_codeline(notice_number, postal_account, amount_cents)
        + "1P1"
        + ente_cf.ljust(11)
        + _fixed(debtor, 16)
        + _fixed(debtor_name, 40)
        + _fixed(subject, 110)
        + " " * 12
        + "A"
    )
    assert len(payload) == DATAMATRIX_LENGTH, len(payload)
    return payload


# --- the notice as data ---------------------------------------------------------------------------

@dataclass(frozen=True)
class NoticeEnte:
    """The Ente creditore as the notice shows it."""

    name: str
    fiscal_code: str
    sector: str = ""
    info: str = ""
    cbill: str = ""
    postal_account: str = ""
    postal_holder: str = ""
    poste_authorization: str = ""
    logo: bytes | None = None
    web_payments: bool = False  # the Ente has its own payment site ("del tuo Ente Creditore")
    key: str = ""  # identifies the Ente (and its logo) for caching drawn parts

    @property
    def has_poste(self) -> bool:
        """The Poste bollettino is printed only with both an account and the authorisation (§4.4)."""
        return bool(self.postal_account.strip() and self.poste_authorization.strip())


@dataclass(frozen=True)
class NoticeDebtor:
    name: str = ""
    fiscal_code: str = ""
    address: str = ""


@dataclass(frozen=True)
class PaymentOption:
    """One way to pay: the single payment (rata unica) or one instalment, each with its own code."""

    notice_number: str
    amount_cents: int
    due_date: date | None = None
    instalment_number: int | None = None
    iuv: str = ""

    @property
    def grouped_code(self) -> str:
        return group_code(self.notice_number)


@dataclass
class NoticeData:
    """Everything one notice shows. ``single`` is None when only the instalments can still be paid."""

    ente: NoticeEnte
    debtor: NoticeDebtor
    subject: str
    single: PaymentOption | None
    instalments: list[PaymentOption] = field(default_factory=list)
    print_due_date: bool = True
    iud: str = ""
    iuv: str = ""
    debt_id: int | None = None

    @property
    def poste(self) -> bool:
        return self.ente.has_poste

    @property
    def options(self) -> list[PaymentOption]:
        return ([self.single] if self.single else []) + list(self.instalments)

    @property
    def total_cents(self) -> int:
        if self.single:
            return self.single.amount_cents
        return sum(o.amount_cents for o in self.instalments)

    def qr_payload(self, option: PaymentOption) -> str:
        return qr_payload(option.notice_number, self.ente.fiscal_code, option.amount_cents)

    def datamatrix_payload(self, option: PaymentOption) -> str:
        return poste_datamatrix_payload(
            option.notice_number, self.ente.postal_account, option.amount_cents, self.ente.fiscal_code,
            self.debtor.fiscal_code, self.debtor.name, self.subject,
        )

    @property
    def file_stem(self) -> str:
        """Name of this notice's PDF in a ZIP: its IUV (else the numero avviso, else the IUD)."""
        base = self.iuv or (self.single.notice_number if self.single else "") or self.iud or str(self.debt_id)
        return re.sub(r"[^0-9A-Za-z_.-]", "_", base)


def instalment_groups(count: int) -> list[int]:
    """How many instalments go on each instalment page: threes and twos, fewest pages, none alone.

    5 -> [3, 2]; 4 -> [2, 2]; 7 -> [3, 2, 2]; 1 -> [1] (a single leftover instalment has nowhere else).
    """
    if count <= 0:
        return []
    if count == 1:
        return [1]
    threes, rest = divmod(count, 3)
    if rest == 0:
        return [3] * threes
    if rest == 2:
        return [3] * threes + [2]
    return [3] * (threes - 1) + [2, 2]


def format_address(address: str, civic: str, postal_code: str, city: str, province: str,
                   country: str) -> str:
    """Street, number, CAP, town (province); the country only when it is not Italy."""
    street = " ".join(p for p in (clean_text(address), clean_text(civic)) if p)
    town = " ".join(p for p in (clean_text(postal_code), clean_text(city)) if p)
    if province.strip():
        town = f"{town} ({province.strip().upper()})" if town else province.strip().upper()
    parts = [p for p in (street, town) if p]
    if country.strip() and country.strip().upper() != "IT":
        parts.append(country.strip().upper())
    return clip(", ".join(parts), LIMITS["debtor_address"])


# --- which debts can have a notice ----------------------------------------------------------------



def unpayable_reason(*, notice_number: str, state: str, cancel_requested: bool, amount_cents: int,
                     paid_amount_cents: int, is_valid: bool = True) -> str | None:
    """Why a payment option cannot be printed (Italian, for the user), or None when it can."""
    if state == DebtState.ANNULLATO or cancel_requested:
        return "dovuto annullato"
    if state == DebtState.PAGATO or (amount_cents > 0 and paid_amount_cents >= amount_cents):
        return "dovuto già pagato"
    if state == DebtState.PAGATO_PARZIALE or paid_amount_cents > 0:
        return "dovuto già pagato in parte"
    if not is_valid:
        return "dati del dovuto non validi: correggere gli errori segnalati"
    if state == DebtState.RIFIUTATO:
        return "dovuto rifiutato dal portale: correggerlo e inviarlo di nuovo"
    if state == DebtState.SCADUTO:
        return "dovuto scaduto sul portale"
    n = re.sub(r"\s+", "", notice_number or "")
    if not n:
        return "numero avviso non ancora assegnato"
    if not (n.isdigit() and len(n) == 18):
        return f"numero avviso «{notice_number}» non valido (servono 18 cifre)"
    if amount_cents <= 0:
        return "importo mancante o pari a zero"
    if amount_cents > MAX_NOTICE_AMOUNT_CENTS:
        return "importo oltre il massimo stampabile sull'avviso (999.999,99)"
    return None
