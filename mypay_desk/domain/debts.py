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
