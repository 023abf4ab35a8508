"""Debts (dovuti) as plain values, and the rules MyPay applies to them.

``DebtRecord`` carries the fields of one row of a MyPay import flow (tracciato 1_4 holds every one)
under the same names as the ``Debt`` model columns, so services, formats and the GUI share one shape.
``validate_debt`` applies the checks of the import flow (mypay4-interfaces.md §1.3, §2.3, §4.3) and
names each error by its MyPay column name (``TRACCIATO_COLUMNS``) with an Italian message.

Local life cycle and pending actions live in :mod:`mypay_desk.domain.debt_states`; they are
re-exported here for convenience.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field, fields, replace
from datetime import date

from mypay_desk.domain.codes import (
    COLLECTION_DATA_RE,
    SECONDARY_TAXONOMY_RE,
    CodeError,
    is_reserved_for_mypay,
    validate_iuv,
)
from mypay_desk.domain.debt_states import (  # noqa: F401 - re-exported
    ACTION_LABELS,
    STATE_LABELS,
    DebtState,
    pending_action,
    state_label,
)
from mypay_desk.domain.ente import DebtTypeData, FieldError
from mypay_desk.domain.identity import ANONYMOUS, IdentityError, validate_debtor, validate_partita_iva
from mypay_desk.domain.money import MAX_AMOUNT_CENTS

VERSIONS = ("1_0", "1_1", "1_2", "1_3", "1_4")
DEFAULT_VERSION = "1_4"
ACTIONS = ("I", "M", "A")


# --- bilancio ----------------------------------------------------------------------------------

@dataclass
class Accertamento:
    """An accertamento of a capitolo: optional code and an amount in cents."""

    amount_cents: int
    code: str = ""


@dataclass
class Capitolo:
    """A capitolo di bilancio (codCapitolo, optional codUfficio) with one or more accertamenti."""

    code: str
    office: str = ""
    accertamenti: list[Accertamento] = field(default_factory=list)

    @property
    def amount_cents(self) -> int:
        return sum(a.amount_cents for a in self.accertamenti)


def bilancio_total(bilancio: list[Capitolo] | None) -> int:
    return sum(c.amount_cents for c in bilancio or [])


def bilancio_to_json(bilancio: list[Capitolo] | None) -> str:
    """The model's ``bilancio_json`` text ("" when there is none)."""
    if not bilancio:
        return ""
    return json.dumps(
        [{"capitolo": c.code, "ufficio": c.office,
          "accertamenti": [{"codice": a.code, "importo_cents": a.amount_cents} for a in c.accertamenti]}
         for c in bilancio],
        ensure_ascii=False, separators=(",", ":"),
    )


def bilancio_from_json(text: str | None) -> list[Capitolo] | None:
    if not text:
        return None
    data = json.loads(text)
    return [Capitolo(code=str(c.get("capitolo", "")), office=str(c.get("ufficio", "")),
                     accertamenti=[Accertamento(amount_cents=int(a.get("importo_cents", 0)),
                                                code=str(a.get("codice", "")))
                                   for a in c.get("accertamenti", [])])
            for c in data] or None


def rescale_bilancio(bilancio: list[Capitolo] | None, new_total: int) -> list[Capitolo] | None:
    """Scale every accertamento so the bilancio sums to ``new_total`` (largest-remainder rounding).

    Used by bulk amount changes: the proportions between capitoli stay, the cents add up exactly.
    """
    if not bilancio:
        return bilancio
    old_total = bilancio_total(bilancio)
    items = [(ci, ai, a.amount_cents) for ci, c in enumerate(bilancio) for ai, a in enumerate(c.accertamenti)]
    if not items:
        return bilancio
    if old_total == 0:
        shares = [new_total // len(items)] * len(items)
        shares[0] += new_total - sum(shares)
    else:
        exact = [amount * new_total / old_total for _, _, amount in items]
        shares = [int(x // 1) for x in exact]
        rest = new_total - sum(shares)
        order = sorted(range(len(items)), key=lambda i: exact[i] - shares[i], reverse=True)
        for i in order[:rest]:
            shares[i] += 1
    result = [Capitolo(c.code, c.office, [Accertamento(a.amount_cents, a.code) for a in c.accertamenti])
              for c in bilancio]
    for (ci, ai, _), share in zip(items, shares, strict=True):
        result[ci].accertamenti[ai].amount_cents = share
    return result


# --- the record --------------------------------------------------------------------------------

@dataclass
class DebtRecord:
    """One debt as it travels in a MyPay import flow (plus ``action`` and the file's ``source_row``)."""

    iud: str = ""
    iuv: str = ""
    debtor_type: str = "F"
    debtor_code: str = ""
    debtor_name: str = ""
    address: str = ""
    civic: str = ""
    postal_code: str = ""
    city: str = ""
    province: str = ""
    country: str = ""
    email: str = ""
    due_date: date | None = None
    amount_cents: int = 0
    pa_fee_cents: int | None = None
    debt_type: str = ""
    payment_type: str = ""
    causale: str = ""
    collection_data: str = ""
    bilancio: list[Capitolo] | None = None
    generate_iuv: bool = False
    multi_beneficiary: bool = False
    sec_fiscal_code: str = ""
    sec_name: str = ""
    sec_iban: str = ""
    sec_address: str = ""
    sec_civic: str = ""
    sec_postal_code: str = ""
    sec_city: str = ""
    sec_province: str = ""
    sec_country: str = ""
    sec_collection_data: str = ""
    sec_causale: str = ""
    sec_amount_cents: int | None = None
    action: str = ""  # I | M | A in a flow; "" elsewhere
    source_row: int | None = None  # line in the file it was read from


@dataclass
class RowError:
    """A problem with one row of a file being read: the file's line/row number, the column (its
    header or MyPay name, "" when the whole row is concerned) and an Italian message."""

    row: int
    column: str
    message: str

    def to_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}


#: The tracciato fields of DebtRecord (everything but action and source_row), in flow order.
RECORD_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(DebtRecord) if f.name not in ("action", "source_row"))


@dataclass
class DebtRow(DebtRecord):
    """A stored debt as services hand it to the GUI and the CLI: the record plus its local state."""

    id: int = 0
    list_id: int = 0
    position: int = 0
    parent_id: int | None = None
    instalment_number: int | None = None
    notice_number: str = ""
    state: str = "NUOVO"
    cancel_requested: bool = False
    is_valid: bool = False
    errors: list[FieldError] = field(default_factory=list)
    pending: str | None = None  # I | M | A computed by pending_action, None when aligned
    portal_state: str = ""
    portal_error_code: str = ""
    portal_error_message: str = ""
    paid_amount_cents: int = 0
    instalment_count: int = 0  # children of a parent debt

    @property
    def state_label(self) -> str:
        return state_label(self.state)

    def record(self) -> DebtRecord:
        """Just the tracciato fields (what flow writers and validation take)."""
        return DebtRecord(**{name: getattr(self, name) for name in RECORD_FIELDS},
                          action=self.pending or "", source_row=self.source_row)


# --- columns of the tracciato ------------------------------------------------------------------

@dataclass(frozen=True)
class Column:
    name: str  # MyPay's column name
    field: str  # DebtRecord field ("action" for azione)
    max_len: int
    label: str  # Italian label for people


TRACCIATO_COLUMNS: tuple[Column, ...] = (
    Column("IUD", "iud", 35, "IUD"),
    Column("codIuv", "iuv", 35, "IUV"),
    Column("tipoIdentificativoUnivoco", "debtor_type", 1, "Tipo soggetto (F/G)"),
    Column("codiceIdentificativoUnivoco", "debtor_code", 35, "Codice fiscale / P.IVA"),
    Column("anagraficaPagatore", "debtor_name", 70, "Debitore"),
    Column("indirizzoPagatore", "address", 70, "Indirizzo"),
    Column("civicoPagatore", "civic", 16, "Civico"),
    Column("capPagatore", "postal_code", 16, "CAP"),
    Column("localitaPagatore", "city", 35, "Località"),
    Column("provinciaPagatore", "province", 2, "Provincia"),
    Column("nazionePagatore", "country", 2, "Nazione"),
    Column("emailPagatore", "email", 256, "E-mail"),
    Column("dataScadenzaPagamento", "due_date", 10, "Scadenza"),
    Column("importoDovuto", "amount_cents", 15, "Importo"),
    Column("commissioneCaricoPa", "pa_fee_cents", 15, "Commissione a carico dell'Ente"),
    Column("tipoDovuto", "debt_type", 64, "Tipo dovuto"),
    Column("tipoVersamento", "payment_type", 32, "Tipo versamento"),
    Column("causaleVersamento", "causale", 1024, "Causale"),
    Column("datiSpecificiRiscossione", "collection_data", 140, "Dati specifici di riscossione"),
    Column("bilancio", "bilancio", 4096, "Bilancio"),
    Column("flagGeneraIuv", "generate_iuv", 5, "Genera IUV"),
    Column("flagMultiBeneficiario", "multi_beneficiary", 5, "Multibeneficiario"),
    Column("codiceFiscaleEnteSecondario", "sec_fiscal_code", 11, "C.F. ente secondario"),
    Column("denominazioneEnteSecondario", "sec_name", 70, "Ente secondario"),
    Column("ibanAccreditoEnteSecondario", "sec_iban", 35, "IBAN ente secondario"),
    Column("indirizzoEnteSecondario", "sec_address", 70, "Indirizzo ente secondario"),
    Column("civicoEnteSecondario", "sec_civic", 16, "Civico ente secondario"),
    Column("capEnteSecondario", "sec_postal_code", 16, "CAP ente secondario"),
    Column("localitaEnteSecondario", "sec_city", 35, "Località ente secondario"),
    Column("provinciaEnteSecondario", "sec_province", 35, "Provincia ente secondario"),
    Column("nazioneEnteSecondario", "sec_country", 2, "Nazione ente secondario"),
    Column("datiSpecificiRiscossioneEnteSecondario", "sec_collection_data", 140,
           "Dati specifici di riscossione ente secondario"),
    Column("causaleVersamentoEnteSecondario", "sec_causale", 1024, "Causale ente secondario"),
    Column("importoVersamentoEnteSecondario", "sec_amount_cents", 15, "Importo ente secondario"),
    Column("azione", "action", 1, "Azione"),
)
COLUMN_BY_NAME = {c.name: c for c in TRACCIATO_COLUMNS}
COLUMN_BY_FIELD = {c.field: c for c in TRACCIATO_COLUMNS}
#: MyPay column name -> DebtRecord field, and back.
FIELD_FOR_COLUMN = {c.name: c.field for c in TRACCIATO_COLUMNS}
COLUMN_FOR_FIELD = {c.field: c.name for c in TRACCIATO_COLUMNS}
FIELD_LABELS = {c.field: c.label for c in TRACCIATO_COLUMNS}

_BASE_COLUMNS = [c.name for c in TRACCIATO_COLUMNS[:19]]
_SEC_COLUMNS = [c.name for c in TRACCIATO_COLUMNS[21:34]]  # flagMultiBeneficiario .. importo


def columns_for_version(version: str) -> list[str]:
    """MyPay column names of a tracciato version, in file order, ``azione`` last (§2.3)."""
    if version in ("1_0", "1_1"):
        cols = _BASE_COLUMNS
    elif version == "1_2":
        cols = [*_BASE_COLUMNS, "bilancio"]
    elif version == "1_3":
        cols = [*_BASE_COLUMNS, "bilancio", "flagGeneraIuv"]
    elif version == "1_4":
        cols = [*_BASE_COLUMNS, "bilancio", "flagGeneraIuv", *_SEC_COLUMNS]
    else:
        raise ValueError(f"Versione del tracciato «{version}» non valida: ammesse {', '.join(VERSIONS)}")
    return [*cols, "azione"]


def causale_max_len(version: str) -> int:
    return 140 if version == "1_0" else 1024


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

# Character set MyPay allows in indirizzo and civico (Poste's constraint, §2.3).
ADDRESS_RE = re.compile(r"[a-z A-Z0-9.,()/'&]*")
# E-mail as MyPay checks it: local part of RFC 5322 atext characters, a domain of letters/digits/./-.
EMAIL_RE = re.compile(r"[a-zA-Z0-9_!#$%&'*+/=?`{|}~^.-]+@[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)+")
IBAN_RE = re.compile(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


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


# --- validation --------------------------------------------------------------------------------

def validate_debt(record: DebtRecord, debt_type: DebtTypeData | None, version: str = DEFAULT_VERSION, *,
                  on_portal: bool = False, segregation_code: str | None = None,
                  check_action: bool = False) -> list[FieldError]:
    """Check one debt as MyPay's import would. Returns errors (``field`` = MyPay column name).

    ``debt_type`` is the configured tipo dovuto named by ``record.debt_type`` (None when unknown).
    ``on_portal``: the portal already holds the debt (its IUV is then whatever the portal gave it).
    ``segregation_code``: the Ente's, to check IUV17s the Ente supplies itself.
    ``check_action``: also require a valid ``action`` (when checking rows of a flow file).
    """
    if _quick_ok(record, debt_type, version, check_action):
        return []
    return _validate_full(record, debt_type, version, on_portal=on_portal, segregation_code=segregation_code,
                          check_action=check_action)


def _validate_full(record: DebtRecord, debt_type: DebtTypeData | None, version: str = DEFAULT_VERSION, *,
                   on_portal: bool = False, segregation_code: str | None = None,
                   check_action: bool = False) -> list[FieldError]:
    """Every rule, with its message (the slow path of validate_debt)."""
    errors: list[FieldError] = []

    def err(column: str, message: str) -> None:
        errors.append(FieldError(column, message))

    def length(column: str, value: str, max_len: int | None = None) -> bool:
        limit = max_len or COLUMN_BY_NAME[column].max_len
        if len(value) > limit:
            err(column, f"Troppo lungo: {len(value)} caratteri, al massimo {limit}")
            return False
        if _CONTROL_RE.search(value):
            err(column, "Contiene caratteri di controllo (a capo, tabulazioni): rimuovili")
            return False
        return True

    def required(column: str, value: str, what: str) -> bool:
        if not value.strip():
            err(column, f"{what} è obbligatorio")
            return False
        return length(column, value)

    if version not in VERSIONS:
        err("azione", f"Versione del tracciato «{version}» non valida: ammesse {', '.join(VERSIONS)}")
        return errors

    # IUD
    if required("IUD", record.iud, "L'IUD (identificativo univoco del dovuto)"):
        if record.iud.startswith("000"):
            err("IUD", "L'IUD non può iniziare con 000 (prefisso riservato a MyPay)")
        elif record.iud != record.iud.strip() or " " in record.iud:
            err("IUD", "L'IUD non può contenere spazi")

    # IUV (optional)
    if record.iuv and length("codIuv", record.iuv):
        try:
            kind = validate_iuv(record.iuv)
        except CodeError as exc:
            err("codIuv", str(exc))
        else:
            if kind == "IUV17" and not on_portal:
                if is_reserved_for_mypay(record.iuv):
                    err("codIuv", "Uno IUV con 00 in terza e quarta posizione è riservato a quelli generati da "
                                  "MyPay: lascia vuoto lo IUV o usane uno dell'Ente")
                elif segregation_code and not record.iuv.startswith(segregation_code):
                    err("codIuv", f"Lo IUV deve iniziare con il codice di segregazione dell'Ente "
                                  f"({segregation_code})")
            if kind == "IUV15" and record.iuv.startswith("00"):
                err("codIuv", "Uno IUV di 15 cifre non può iniziare con 00")

    # Debtor
    dtype = record.debtor_type
    if dtype not in ("F", "G"):
        err("tipoIdentificativoUnivoco",
            "Tipo soggetto obbligatorio: F (persona fisica) o G (persona giuridica)" if not dtype
            else f"Tipo soggetto «{dtype}» non valido: F (persona fisica) o G (persona giuridica)")
    if required("codiceIdentificativoUnivoco", record.debtor_code, "Il codice fiscale o la partita IVA") \
            and dtype in ("F", "G"):
        anonymous_ok = bool(debt_type and debt_type.anonymous_allowed)
        if record.debtor_code == ANONYMOUS and dtype == "F" and not anonymous_ok:
            err("codiceIdentificativoUnivoco",
                f"Debitore ANONIMO non ammesso: il tipo dovuto {record.debt_type or ''} non lo consente".replace(
                    "  ", " "))
        else:
            try:
                validate_debtor(dtype, record.debtor_code, anonymous_allowed=anonymous_ok)
            except IdentityError as exc:
                err("codiceIdentificativoUnivoco", str(exc))
    required("anagraficaPagatore", record.debtor_name, "Il nome del debitore (anagrafica)")
    if record.address and length("indirizzoPagatore", record.address) \
            and not ADDRESS_RE.fullmatch(record.address):
        err("indirizzoPagatore", "Caratteri non ammessi: usa solo lettere senza accento, cifre, spazi e . , ( ) / ' &")
    if record.civic and length("civicoPagatore", record.civic) and not ADDRESS_RE.fullmatch(record.civic):
        err("civicoPagatore", "Caratteri non ammessi: usa solo lettere senza accento, cifre, spazi e . , ( ) / ' &")
    country = record.country
    if country and length("nazionePagatore", country) and country not in COUNTRIES:
        err("nazionePagatore", f"Nazione «{country}» non valida: usa il codice ISO di due lettere (es. IT)")
    if record.postal_code and length("capPagatore", record.postal_code):
        if country in ("", "IT"):
            if not re.fullmatch(r"\d{5}", record.postal_code):
                err("capPagatore", f"CAP «{record.postal_code}» non valido: in Italia sono 5 cifre")
        elif not re.fullmatch(r"[A-Za-z0-9]{1,16}", record.postal_code):
            err("capPagatore", f"CAP «{record.postal_code}» non valido: solo lettere e cifre, senza spazi")
    if record.city:
        length("localitaPagatore", record.city)
    if record.province and length("provinciaPagatore", record.province):
        if record.province not in PROVINCES:
            err("provinciaPagatore", f"Provincia «{record.province}» non valida: usa la sigla di due lettere "
                                     "(es. MI)")
        elif country and country != "IT" and record.province != "EE":
            err("provinciaPagatore", "La provincia si indica solo per indirizzi in Italia (nazione IT)")
    if record.email and length("emailPagatore", record.email) and not EMAIL_RE.fullmatch(record.email):
        err("emailPagatore", f"Indirizzo e-mail «{record.email}» non valido")

    # Due date
    due_required = version in ("1_0", "1_1") or bool(debt_type and debt_type.due_date_required)
    if record.due_date is None and due_required:
        why = "nelle versioni 1_0 e 1_1" if version in ("1_0", "1_1") else \
            f"per il tipo dovuto {record.debt_type}"
        err("dataScadenzaPagamento", f"La data di scadenza è obbligatoria {why}")

    # Amounts
    amount = record.amount_cents
    if amount == 0:
        err("importoDovuto", "L'importo non può essere zero")
    elif amount < 0:
        err("importoDovuto", "L'importo non può essere negativo")
    elif amount > MAX_AMOUNT_CENTS:
        err("importoDovuto", "L'importo supera il massimo ammesso (999.999.999,99)")
    if record.pa_fee_cents is not None:
        if record.pa_fee_cents < 0:
            err("commissioneCaricoPa", "La commissione a carico dell'Ente non può essere negativa")
        elif record.pa_fee_cents > MAX_AMOUNT_CENTS:
            err("commissioneCaricoPa", "La commissione supera il massimo ammesso (999.999.999,99)")

    # Tipo dovuto
    if required("tipoDovuto", record.debt_type, "Il tipo dovuto"):
        if record.debt_type == "MARCA_BOLLO_DIGITALE":
            err("tipoDovuto", "Il tipo dovuto MARCA_BOLLO_DIGITALE non si può caricare con i flussi")
        elif debt_type is None or debt_type.code != record.debt_type:
            err("tipoDovuto", f"Tipo dovuto «{record.debt_type}» non configurato per l'Ente: aggiungilo nelle "
                              "impostazioni o correggi il codice")
        elif not debt_type.active:
            err("tipoDovuto", f"Il tipo dovuto {record.debt_type} non è attivo")
    if record.payment_type and length("tipoVersamento", record.payment_type):
        parts = record.payment_type.split("|")
        if record.payment_type != "ALL" and any(p not in PAYMENT_TYPES for p in parts):
            err("tipoVersamento", f"Tipo versamento «{record.payment_type}» non valido: ALL oppure uno o più tra "
                                  f"{', '.join(PAYMENT_TYPES)} separati da |")

    # Causale and taxonomy
    if not record.causale.strip():
        err("causaleVersamento", "La causale è obbligatoria")
    else:
        length("causaleVersamento", record.causale, causale_max_len(version))
    if not record.collection_data:
        err("datiSpecificiRiscossione", "I dati specifici di riscossione sono obbligatori (es. 9/0101108TS/)")
    elif not COLLECTION_DATA_RE.fullmatch(record.collection_data):
        err("datiSpecificiRiscossione",
            f"Dati specifici di riscossione «{record.collection_data}» non validi: la forma è <0|1|2|9>/<codice>, da 5 a 140 caratteri senza "
            "spazi (es. 9/0101108TS/)")

    # Bilancio (1_2+)
    if record.bilancio:
        if version in ("1_0", "1_1"):
            err("bilancio", f"Il bilancio richiede il tracciato 1_2 o successivo (scelto {version})")
        else:
            errors.extend(FieldError("bilancio", m) for m in bilancio_problems(record.bilancio, amount))

    if record.generate_iuv and version in ("1_0", "1_1", "1_2"):
        err("flagGeneraIuv", f"La generazione dello IUV da parte di MyPay richiede il tracciato 1_3 o 1_4 "
                             f"(scelto {version})")
    if record.generate_iuv and record.iuv:
        err("flagGeneraIuv", "Lo IUV è già presente: togli la richiesta di generarlo")

    # Secondary beneficiary (1_4)
    if record.multi_beneficiary:
        if version != "1_4":
            err("flagMultiBeneficiario", f"Il dovuto multibeneficiario richiede il tracciato 1_4 (scelto {version})")
        else:
            _validate_secondary(record, err, length)

    if check_action and record.action not in ACTIONS:
        err("azione", f"Azione «{record.action}» non valida: I (inserimento), M (modifica) o A (annullamento)"
            if record.action else "L'azione è obbligatoria: I, M o A")
    return errors


# --- fast path ---------------------------------------------------------------------------------
# Imports check 100,000s of rows: most are fine, and proving that is much cheaper than building
# messages. _quick_ok answers True only when _validate_full would find nothing (anything unusual,
# such as an IUV, a bilancio, a legal person or a foreign CAP, goes to the full rules); a property
# test holds it to that.

_CF_RE = re.compile(r"[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]")
_CF_ALPHABET = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_CF_ODD = bytes.maketrans(_CF_ALPHABET, bytes([1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21,
                                                2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]))
_CF_EVEN = bytes.maketrans(_CF_ALPHABET, bytes([*range(10), *range(26)]))
_CF_DAY_DIGIT = {**{str(d): d for d in range(10)}, **{c: i for i, c in enumerate("LMNPQRSTUV")}}


def cf_quick_ok(code: str) -> bool:
    """True for a well-formed personal codice fiscale with the right check character and a birth day
    that exists in every month (1-28, +40 for women). False means "ask the full check"."""
    if len(code) != 16 or not _CF_RE.fullmatch(code):
        return False
    raw = code.encode("ascii")
    # Values of the characters in odd and even positions (DM 23/12/1976), summed in C.
    total = sum(raw[0:15:2].translate(_CF_ODD)) + sum(raw[1:15:2].translate(_CF_EVEN))
    if 65 + total % 26 != raw[15]:
        return False
    day = (_CF_DAY_DIGIT[code[9]] * 10 + _CF_DAY_DIGIT[code[10]]) % 40
    return 1 <= day <= 28


# The same check over a whole column, computed for every code at once. In the column joined by
# newlines, the characters at one position of every code are a slice with a stride of 17; each
# slice is translated to one byte per code (1 where the character is allowed there, or its value in
# the check-character sum) and the slices are added as big integers, one byte per code. No byte ever
# carries into the next code's: the flags add up to at most 18, eight odd-position values to at most
# 8 * 25 = 200, seven even ones to 175, the day's two digits to 99.
def _cf_table(chars: str, values: list[int] | None = None) -> bytes:
    table = bytearray(256)
    for i, c in enumerate(chars):
        table[ord(c)] = 1 if values is None else values[i]
    return bytes(table)


_CF_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_CF_DIGITS = "0123456789LMNPQRSTUV"  # digits, or the letters that stand for them (omocodia)
_CF_CLASSES = [_cf_table(c) for c in (*[_CF_LETTERS] * 6, *[_CF_DIGITS] * 2, "ABCDEHLMPRST", *[_CF_DIGITS] * 2,
                                      _CF_LETTERS, *[_CF_DIGITS] * 3, _CF_LETTERS)]
_CF_ODD_VALUES = _cf_table(_CF_ALPHABET.decode(), list(_CF_ALPHABET.translate(_CF_ODD)))
_CF_EVEN_VALUES = _cf_table(_CF_ALPHABET.decode(), list(_CF_ALPHABET.translate(_CF_EVEN)))
_CF_MINUS_LETTER = _cf_table(_CF_LETTERS, [26 - i for i in range(26)])  # 26 - the check letter's value
_CF_DAY_VALUE = _cf_table(_CF_DIGITS, [_CF_DAY_DIGIT[c] for c in _CF_DIGITS])
_CF_DAY_OK = bytes(int(1 <= x % 40 <= 28) for x in range(256))
_CF_ZERO_MOD26 = bytes(int(x % 26 == 0) for x in range(256))
_CF_MOD26 = bytes(x % 26 for x in range(256))
_CF_16_LINES_RE = re.compile(r"[^\n]{16}(?:\n[^\n]{16})*")
_CF_ALL_FLAGS = 18  # 16 allowed characters + an existing day + the right check character


def cf_quick_ok_column(codes, joined: str | None = None) -> list[bool]:
    """``[cf_quick_ok(c) for c in codes]`` for a whole column of strings; when the values are not all
    16 ASCII characters, code by code. ``joined``: the codes joined by newlines, if already known."""
    n = len(codes)
    if joined is None:
        try:
            joined = "\n".join(codes)
        except TypeError:
            return list(map(cf_quick_ok, codes))
    if n == 0 or not joined.isascii() or not _CF_16_LINES_RE.fullmatch(joined):
        return list(map(cf_quick_ok, codes))
    raw = joined.encode("ascii")

    def lanes(position: int, table: bytes) -> int:
        return int.from_bytes(raw[position::17].translate(table), "little")

    def back(value: int, table: bytes) -> int:
        return int.from_bytes(value.to_bytes(n, "little").translate(table), "little")

    flags = sum(lanes(p, _CF_CLASSES[p]) for p in range(16))
    flags += back(lanes(9, _CF_DAY_VALUE) * 10 + lanes(10, _CF_DAY_VALUE), _CF_DAY_OK)
    odd = sum(lanes(p, _CF_ODD_VALUES) for p in range(0, 15, 2))
    even = sum(lanes(p, _CF_EVEN_VALUES) for p in range(1, 15, 2))
    # (sum % 26) + (26 - check value) is 0 or 26 exactly when the check character is right.
    flags += back(back(odd, _CF_MOD26) + back(even, _CF_MOD26) + lanes(15, _CF_MINUS_LETTER), _CF_ZERO_MOD26)
    result = flags.to_bytes(n, "little")
    if result.count(_CF_ALL_FLAGS) == n:
        return [True] * n
    return [f == _CF_ALL_FLAGS for f in result]


def _quick_ok(r: DebtRecord, dt: DebtTypeData | None, version: str, check_action: bool) -> bool:
    if dt is None or version not in VERSIONS:
        return False
    iud = r.iud
    if not iud or len(iud) > 35 or iud.startswith("000") or " " in iud or not iud.isprintable():
        return False
    if r.iuv or r.bilancio or r.multi_beneficiary or r.payment_type:
        return False
    if r.debtor_type != "F" or not cf_quick_ok(r.debtor_code):
        return False
    name = r.debtor_name
    if not name.strip() or len(name) > 70 or not name.isprintable():
        return False
    if r.address and (len(r.address) > 70 or not ADDRESS_RE.fullmatch(r.address)):
        return False
    if r.civic and (len(r.civic) > 16 or not ADDRESS_RE.fullmatch(r.civic)):
        return False
    country = r.country
    if country and country not in COUNTRIES:
        return False
    pc = r.postal_code
    if pc and (country not in ("", "IT") or len(pc) != 5 or not pc.isascii() or not pc.isdigit()):
        return False
    if r.city and (len(r.city) > 35 or not r.city.isprintable()):
        return False
    prov = r.province
    if prov and (prov not in PROVINCES or (country and country != "IT" and prov != "EE")):
        return False
    if r.email and (len(r.email) > 256 or not EMAIL_RE.fullmatch(r.email)):
        return False
    if r.due_date is None and (version in ("1_0", "1_1") or dt.due_date_required):
        return False
    if not 0 < r.amount_cents <= MAX_AMOUNT_CENTS:
        return False
    fee = r.pa_fee_cents
    if fee is not None and not 0 <= fee <= MAX_AMOUNT_CENTS:
        return False
    t = r.debt_type
    if dt.code != t or not dt.active or not t.strip() or len(t) > 64 or not t.isprintable() \
            or t == "MARCA_BOLLO_DIGITALE":
        return False
    c = r.causale
    if not c.strip() or len(c) > causale_max_len(version) or not c.isprintable():
        return False
    if not COLLECTION_DATA_RE.fullmatch(r.collection_data):
        return False
    if r.generate_iuv and version in ("1_0", "1_1", "1_2"):
        return False
    return not check_action or r.action in ACTIONS


# Column-wise fast path for imports: the same guarantee as _quick_ok (True only where the full rules
# find nothing), checked one column at a time with C-level loops (regular expressions, set lookups).
# Character classes are deliberately narrower than Python's isprintable(): rows with unusual
# characters simply go through the full rules.
_PRINTABLE = r"[ -~\xa1-\xac\xae-\xff\u20ac]"
_IUD_COL = r"(?!000)[!-~]{1,35}"
_NAME_COL = rf"(?=[^\n]*[^ \n]){_PRINTABLE}{{1,70}}"
_ADDRESS_COL = r"[a-z A-Z0-9.,()/'&]{0,70}"
_CIVIC_COL = r"[a-z A-Z0-9.,()/'&]{0,16}"
_CITY_COL = rf"{_PRINTABLE}{{0,35}}"
_CAP_IT_COL = r"(?:[0-9]{5})?"
_CAUSALE_COL = {n: rf"(?=[^\n]*[^ \n]){_PRINTABLE}{{1,{n}}}" for n in (140, 1024)}
_COLLECTION_COL = r"[0129]/[^\s]{3,138}"
# An empty cell, or an address as EMAIL_RE wants it of at most 256 characters.
_EMAIL_COL = r"(?:(?=[^\n]{0,256}(?![^\n]))[a-zA-Z0-9_!#$%&'*+/=?`{|}~^.-]+@[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)+)?"


_LINES_CACHE: dict[str, re.Pattern] = {}


def _all_lines_match(pattern: str, values: list, joined: str | None = None) -> bool:
    """Whether every value (all strings) fully matches ``pattern`` (which must not match newlines):
    one regular-expression run over the column joined by newlines (``joined``, if already known)."""
    if joined is None:
        try:
            joined = "\n".join(values)  # TypeError: a value is not a string
        except TypeError:
            return False
    rx = _LINES_CACHE.get(pattern)
    if rx is None:
        # Atomic groups: a line never needs a shorter match (the patterns exclude newlines), so a bad
        # line fails at once instead of backtracking through the lines before it.
        rx = _LINES_CACHE[pattern] = re.compile(rf"(?>{pattern})(?:\n(?>{pattern}))*")
    return joined.count("\n") == len(values) - 1 and rx.fullmatch(joined) is not None


def _iuv17_ok(iuv: str, on_portal: bool, segregation_code: str | None) -> bool:
    """An IUV17 the rules accept without comment (anything else: full rules)."""
    if len(iuv) != 17 or not iuv.isascii() or not iuv.isdigit() or int("3" + iuv[:15]) % 93 != int(iuv[15:]):
        return False
    if on_portal:
        return True
    return iuv[2:4] != "00" and (not segregation_code or iuv.startswith(segregation_code))


def quick_ok_columns(cols: dict[str, list], n: int, types: dict[str, DebtTypeData],
                     version: str = DEFAULT_VERSION, *, segregation_code: str | None = None,
                     on_portal: list[bool] | None = None, joined: dict[str, str] | None = None) -> list[bool]:
    """For ``n`` records given as columns (``{field: values}``; a missing field means its default),
    True where the record certainly passes :func:`validate_debt` with the same ``segregation_code``
    and, per row, ``on_portal`` (default: not on the portal). False means "check this row with
    validate_debt". ``joined``: for columns of strings, the values joined by newlines when the
    caller already has them (they must be exactly ``"\\n".join(cols[field])``)."""
    texts = joined or {}
    if version not in VERSIONS or n == 0:
        return [False] * n
    ok = [True] * n

    def need(results) -> None:
        res = results if isinstance(results, list) else list(results)
        if all(res):
            return
        for i, good in enumerate(res):
            if not good:
                ok[i] = False

    def col(name: str):
        return cols.get(name)

    def need_match(pattern: str, name: str) -> None:
        values = cols.get(name)
        if values is None:
            need([False] * n)
            return
        first = values[0]
        if first.__class__ is str and values[-1] == first and values.count(first) == n:
            # one value down the whole column (a tipo's taxonomy, the town): checked once
            if "\n" in first or _LINES_CACHE.setdefault("1:" + pattern, re.compile(pattern)).fullmatch(first) is None:
                need([False] * n)
        elif not _all_lines_match(pattern, values, texts.get(name)):
            rx = _LINES_CACHE.get("1:" + pattern) or _LINES_CACHE.setdefault("1:" + pattern, re.compile(pattern))
            need([v.__class__ is str and rx.fullmatch(v) is not None for v in values])

    def all_default(name: str, default) -> None:
        values = col(name)
        if values is not None and values.count(default) != n:
            need([v == default for v in values])

    if col("iud") is None:
        return [False] * n
    need_match(_IUD_COL, "iud")
    iuvs = col("iuv")
    if iuvs is not None and iuvs.count("") != n:
        portal = on_portal or [False] * n
        flags = col("generate_iuv") or [False] * n
        need([not v or (not g and _iuv17_ok(v, p, segregation_code))
              for v, p, g in zip(iuvs, portal, flags, strict=True)])
    all_default("bilancio", None)
    all_default("multi_beneficiary", False)
    all_default("payment_type", "")
    dtypes = col("debtor_type")
    if dtypes is None or dtypes.count("F") != n:
        need([t == "F" for t in dtypes] if dtypes is not None else [False] * n)
    codes = col("debtor_code")
    need(cf_quick_ok_column(codes, texts.get("debtor_code")) if codes is not None else [False] * n)
    need_match(_NAME_COL, "debtor_name")
    for name, pattern in (("address", _ADDRESS_COL), ("civic", _CIVIC_COL), ("city", _CITY_COL)):
        if col(name) is not None:
            need_match(pattern, name)
    country = col("country")
    domestic = country is None or country.count("") + country.count("IT") == n
    if not domestic:
        need([c in ("", "IT") for c in country])  # foreign addresses: full rules
    if col("postal_code") is not None:
        need_match(_CAP_IT_COL, "postal_code")
    provinces = col("province")
    if provinces is not None:
        bad = {p for p in set(provinces) if p and p not in PROVINCES}  # a file holds few distinct ones
        if bad:
            need([p not in bad for p in provinces])
    if col("email") is not None:
        need_match(_EMAIL_COL, "email")
    debt_type = col("debt_type")
    if debt_type is None:
        return [False] * n
    type_ok = {}
    for t in set(debt_type):
        dt = types.get(t)
        type_ok[t] = (dt is not None and dt.code == t and dt.active and bool(t.strip()) and len(t) <= 64
                      and t.isprintable() and t != "MARCA_BOLLO_DIGITALE")
    if not all(type_ok.values()):
        need(map(type_ok.__getitem__, debt_type))
    due = col("due_date")
    needs_due = {t: version in ("1_0", "1_1") or bool(types.get(t) and types[t].due_date_required)
                 for t in type_ok}
    if due is None:
        need([not needs_due[t] for t in debt_type])
    elif due.count(None):
        need([d is not None or not needs_due[t] for d, t in zip(due, debt_type, strict=True)])
    amounts = col("amount_cents")
    if amounts is None:
        return [False] * n
    if not (min(amounts) > 0 and max(amounts) <= MAX_AMOUNT_CENTS):
        need([0 < a <= MAX_AMOUNT_CENTS for a in amounts])
    fees = col("pa_fee_cents")
    if fees is not None and fees.count(None) != n:
        need([f is None or 0 <= f <= MAX_AMOUNT_CENTS for f in fees])
    need_match(_CAUSALE_COL[causale_max_len(version)], "causale")
    need_match(_COLLECTION_COL, "collection_data")
    if version in ("1_0", "1_1", "1_2"):
        all_default("generate_iuv", False)
    return ok


def _validate_secondary(record: DebtRecord, err, length) -> None:
    if not record.sec_fiscal_code:
        err("codiceFiscaleEnteSecondario", "Il codice fiscale dell'ente secondario è obbligatorio")
    else:
        try:
            validate_partita_iva(record.sec_fiscal_code, label="Il codice fiscale dell'ente secondario")
        except IdentityError as exc:
            err("codiceFiscaleEnteSecondario", str(exc))
    if not record.sec_name.strip():
        err("denominazioneEnteSecondario", "La denominazione dell'ente secondario è obbligatoria")
    else:
        length("denominazioneEnteSecondario", record.sec_name)
    if not record.sec_iban:
        err("ibanAccreditoEnteSecondario", "L'IBAN di accredito dell'ente secondario è obbligatorio")
    elif length("ibanAccreditoEnteSecondario", record.sec_iban) and not IBAN_RE.fullmatch(record.sec_iban):
        err("ibanAccreditoEnteSecondario", f"IBAN «{record.sec_iban}» non valido")
    amount = record.sec_amount_cents
    if amount is None:
        err("importoVersamentoEnteSecondario", "L'importo dell'ente secondario è obbligatorio")
    elif amount <= 0:
        err("importoVersamentoEnteSecondario", "L'importo dell'ente secondario deve essere maggiore di zero")
    elif amount >= record.amount_cents > 0:
        # pagoPA splits the payment: the primary Ente must keep a positive part of the total.
        err("importoVersamentoEnteSecondario", "L'importo dell'ente secondario deve essere minore dell'importo "
                                               "del dovuto")
    for column, value in (("indirizzoEnteSecondario", record.sec_address), ("civicoEnteSecondario", record.sec_civic),
                          ("localitaEnteSecondario", record.sec_city), ("causaleVersamentoEnteSecondario",
                                                                        record.sec_causale)):
        if value:
            length(column, value)
    if record.sec_address and not ADDRESS_RE.fullmatch(record.sec_address):
        err("indirizzoEnteSecondario", "Caratteri non ammessi: usa solo lettere senza accento, cifre, spazi e "
                                       ". , ( ) / ' &")
    if record.sec_civic and not ADDRESS_RE.fullmatch(record.sec_civic):
        err("civicoEnteSecondario", "Caratteri non ammessi: usa solo lettere senza accento, cifre, spazi e "
                                    ". , ( ) / ' &")
    if record.sec_country and record.sec_country not in COUNTRIES:
        err("nazioneEnteSecondario", f"Nazione «{record.sec_country}» non valida: codice ISO di due lettere")
    if record.sec_postal_code:
        if record.sec_country in ("", "IT") and not re.fullmatch(r"\d{5}", record.sec_postal_code):
            err("capEnteSecondario", f"CAP «{record.sec_postal_code}» non valido: in Italia sono 5 cifre")
        elif not re.fullmatch(r"[A-Za-z0-9]{1,16}", record.sec_postal_code):
            err("capEnteSecondario", f"CAP «{record.sec_postal_code}» non valido")
    if record.sec_province and length("provinciaEnteSecondario", record.sec_province) \
            and record.sec_province not in PROVINCES:
        err("provinciaEnteSecondario", f"Provincia «{record.sec_province}» non valida: sigla di due lettere")
    if record.sec_collection_data and not SECONDARY_TAXONOMY_RE.fullmatch(record.sec_collection_data):
        err("datiSpecificiRiscossioneEnteSecondario",
            f"Dati specifici dell'ente secondario «{record.sec_collection_data}» non validi: la forma è 9/<codice tassonomico>/... (es. 9/0101108TS/)")
    elif record.sec_collection_data:
        length("datiSpecificiRiscossioneEnteSecondario", record.sec_collection_data)


def bilancio_problems(bilancio: list[Capitolo], amount_cents: int) -> list[str]:
    """What is wrong with a bilancio (empty list when fine): codes, amounts, total = debt amount."""
    from mypay_desk.domain.money import format_amount

    problems = []
    for i, cap in enumerate(bilancio, start=1):
        if not cap.code.strip():
            problems.append(f"Capitolo {i}: il codice del capitolo è obbligatorio")
        elif len(cap.code) > 64:
            problems.append(f"Capitolo {i}: codice più lungo di 64 caratteri")
        if len(cap.office) > 64:
            problems.append(f"Capitolo {i}: codice ufficio più lungo di 64 caratteri")
        if not cap.accertamenti:
            problems.append(f"Capitolo {cap.code or i}: serve almeno un accertamento con il suo importo")
        for acc in cap.accertamenti:
            if acc.amount_cents <= 0:
                problems.append(f"Capitolo {cap.code or i}: l'importo di ogni accertamento deve essere positivo")
            if len(acc.code) > 64:
                problems.append(f"Capitolo {cap.code or i}: codice accertamento più lungo di 64 caratteri")
    total = bilancio_total(bilancio)
    if total != amount_cents:
        problems.append(f"La somma del bilancio ({format_amount(total)}) è diversa dall'importo del dovuto "
                        f"({format_amount(amount_cents)})")
    return problems


def duplicate_iud_errors(records: list[DebtRecord]) -> list[tuple[int, FieldError]]:
    """(index, error) for every record whose IUD appears more than once (all occurrences flagged).

    MyPay refuses a flow holding the same IUD twice (PAA_IMPORT_IUD_DUPLICATO).
    """
    seen: dict[str, list[int]] = {}
    for i, r in enumerate(records):
        if r.iud:
            seen.setdefault(r.iud, []).append(i)
    out = []
    for iud, idxs in seen.items():
        if len(idxs) > 1:
            rows = [records[i].source_row for i in idxs]
            where = ", ".join(str(r) for r in rows if r is not None)
            suffix = f" (righe {where})" if where else ""
            for i in idxs:
                out.append((i, FieldError("IUD", f"IUD «{iud}» ripetuto {len(idxs)} volte{suffix}: deve essere "
                                                 "univoco")))
    out.sort(key=lambda t: t[0])
    return out


# --- the flow hash -----------------------------------------------------------------------------

def _canonical(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return bilancio_to_json(value)
    return str(value)


def flow_hash(record: DebtRecord) -> str:
    """A stable SHA-256 of exactly the fields the flow sends to the portal (not action/source_row).

    Stored as ``portal_hash`` when the portal accepts a row; a debt whose current hash differs has a
    pending M. Version-independent: it covers every 1_4 field.
    """
    text = "\x1f".join(_canonical(getattr(record, name)) for name in RECORD_FIELDS)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- instalments -------------------------------------------------------------------------------

def instalment_iud(parent_iud: str, number: int) -> str:
    """The IUD of instalment ``number`` of a debt: ``<parent>-R<n>``, kept within 35 characters.

    When the parent IUD is too long, its tail is replaced by a short hash so IUDs stay distinct.
    """
    suffix = f"-R{number}"
    if len(parent_iud) + len(suffix) <= 35:
        return parent_iud + suffix
    digest = hashlib.sha1(parent_iud.encode("utf-8")).hexdigest()[:6].upper()
    return parent_iud[: 35 - len(suffix) - 6] + digest + suffix


def copy_for_instalment(parent: DebtRecord, number: int, amount_cents: int, due: date | None) -> DebtRecord:
    """An instalment record: the parent's debtor and tipo, its own IUD, amount and due date; no IUV yet."""
    causale = parent.causale
    tag = f" - Rata {number}"
    if len(causale) + len(tag) <= 140:
        causale += tag
    return replace(parent, iud=instalment_iud(parent.iud, number), iuv="", amount_cents=amount_cents,
                   due_date=due, bilancio=rescale_bilancio(parent.bilancio, amount_cents),
                   action="", source_row=None, causale=causale,
                   **_NO_SECONDARY)


# Instalments do not split the secondary beneficiary's share: they are single-beneficiary positions.
_NO_SECONDARY = {name: "" for name in RECORD_FIELDS if name.startswith("sec_")} | {
    "multi_beneficiary": False, "sec_amount_cents": None}
