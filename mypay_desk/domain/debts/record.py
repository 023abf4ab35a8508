"""The debt record and its parts: bilancio, DebtRecord/DebtRow, the tracciato columns per version, the flow
hash of what the portal accepted, and instalments."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields, replace
from datetime import date
from operator import attrgetter

from mypay_desk.domain.debt_states import (  # noqa: F401 - re-exported
    ACTION_LABELS,
    STATE_LABELS,
    DebtState,
    pending_action,
    state_label,
)
from mypay_desk.domain.ente import FieldError

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
_flow_fields = attrgetter(*RECORD_FIELDS)  # the values of RECORD_FIELDS, in one C call


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
    version: int = 0  # moves on at every write: an edit names the one it was made on (another desk may write)
    changed_by: str = ""  # who wrote it last ("user (desk)")

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


# --- the flow hash -----------------------------------------------------------------------------

def _canonical(value) -> str:
    if value.__class__ is str:  # (nearly every field: first, without the checks below)
        return value
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
    values = list(_flow_fields(record))
    for i in _TYPED_POSITIONS:  # the fields that are not text: canonical form here, the rest joined as is
        values[i] = _canonical(values[i])
    try:
        text = "\x1f".join(values)
    except TypeError:  # some other field is not a str (None, a number): every field through _canonical
        text = "\x1f".join(map(_canonical, values))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def iuv_hash_parts(record: DebtRecord) -> tuple[bytes, bytes]:
    """``(head, tail)`` such that ``flow_hash_with_iuv((head, tail), iuv)`` is the flow_hash of ``record``
    once the portal gave it ``iuv`` (that IUV, generate_iuv False). The push computes them while the portal
    processes its flow, so applying the outcome only joins and hashes."""
    values = list(_flow_fields(record))
    values[_GENERATE_IUV] = False
    text = "\x1f".join(map(_canonical, values[:_IUV])) + "\x1f"
    rest = "\x1f" + "\x1f".join(map(_canonical, values[_IUV + 1:]))
    return text.encode("utf-8"), rest.encode("utf-8")


def flow_hash_with_iuv(parts: tuple[bytes, bytes], iuv: str) -> str:
    """flow_hash of the record ``parts`` came from (iuv_hash_parts), with ``iuv`` and generate_iuv False."""
    return hashlib.sha256(parts[0] + iuv.encode("utf-8") + parts[1]).hexdigest()


# Positions in RECORD_FIELDS of the fields whose type is not str (a call each instead of one per field).
_FIELD_TYPES = {f.name: f.type for f in fields(DebtRecord)}
_TYPED_POSITIONS = tuple(i for i, name in enumerate(RECORD_FIELDS) if _FIELD_TYPES[name] != "str")
_IUV, _GENERATE_IUV = RECORD_FIELDS.index("iuv"), RECORD_FIELDS.index("generate_iuv")


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
