"""MyPay receipt export ("flusso export RT"), versions 1.0, 1.1, 1.2 and 1.3: reader and writer.

Format (mypay4-interfaces.md §3.1): a ZIP holding one CSV with the same base name; the CSV has one
header row, separator ``;``, every field in ``"`` (a ``"`` inside is doubled), ``\\n`` line ends.

Columns: 1-64 for every version; then, only when the export was booked with ``ricevuta=true``
(``flgRicevuta``), the receipt block (tipoFirma, rt = base64 receipt XML, ...); then the version tail
(1.2: bilancio; 1.3: bilancio and the three secondary-ente columns). The column counts are therefore
64/70 (1.0, 1.1), 65/71 (1.2) and 68/74 (1.3), which is how the reader tells the layout apart.
1.0 and 1.1 have the same columns: only the file name tells them apart; without a name we assume
1.0 for 64 columns and 1.1 for 70 (the operator UI adds the receipt block for 1.1+).

Encoding: MyPay writes with the JVM default charset (not pinned, UTF-8 on standard deployments). We
write UTF-8; the reader decodes UTF-8 (a BOM is skipped) and reads any byte that is not valid UTF-8
as Windows-1252, so an export written on a Windows JVM still reads correctly.

Bad rows (wrong column count, bad amounts or dates, broken base64, malformed or hostile receipt XML)
are reported with their row number (the line where the record starts) and the reason; every other
row is still read.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import csv
import io
import os
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from operator import methodcaller
from pathlib import Path
from typing import NamedTuple
from xml.parsers import expat

from mypay_desk.domain.excerpt import excerpt
from mypay_desk.formats.limits import MAX_TEXT_LINES, NUL_STANDIN, parse_index
from mypay_desk.formats.safezip import SafeZip, SafeZipError, ZipLimits
from mypay_desk.formats.xmlsafe import XmlError, check_encoding, parse_xml

VERSIONS = ("1.0", "1.1", "1.2", "1.3")

# Columns 1-64, every version, in order (names exactly as MyPay's export writes them).
BASE_COLUMNS: tuple[str, ...] = (
    "iuf", "numRigaFlusso", "codIud", "codIuv", "versioneOggetto", "identificativoDominio",
    "identificativoStazioneRichiedente", "identificativoMessaggioRicevuta", "dataOraMessaggioRicevuta",
    "riferimentoMessaggioRichiesta", "riferimentoDataRichiesta", "tipoIdentificativoUnivoco",
    "codiceIdentificativoUnivoco", "denominazioneAttestante", "codiceUnitOperAttestante",
    "denomUnitOperAttestante", "indirizzoAttestante", "civicoAttestante", "capAttestante",
    "localitaAttestante", "provinciaAttestante", "nazioneAttestante", "enteBenefTipoIdentificativoUnivoco",
    "enteBenefCodiceIdentificativoUnivoco", "denominazioneBeneficiario", "codiceUnitOperBeneficiario",
    "denomUnitOperBeneficiario", "indirizzoBeneficiario", "civicoBeneficiario", "capBeneficiario",
    "localitaBeneficiario", "provinciaBeneficiario", "nazioneBeneficiario", "soggVersTipoIdentificativoUnivoco",
    "soggVersCodiceIdentificativoUnivoco", "anagraficaVersante", "indirizzoVersante", "civicoVersante",
    "capVersante", "localitaVersante", "provinciaVersante", "nazioneVersante", "emailVersante",
    "soggPagTipoIdentificativoUnivoco", "soggPagCodiceIdentificativoUnivoco", "anagraficaPagatore",
    "indirizzoPagatore", "civicoPagatore", "capPagatore", "localitaPagatore", "provinciaPagatore",
    "nazionePagatore", "emailPagatore", "codiceEsitoPagamento", "importoTotalePagato",
    "identificativoUnivocoVersamento", "codiceContestoPagamento", "singoloImportoPagato",
    "esitoSingoloPagamento", "dataEsitoSingoloPagamento", "identificativoUnivocoRiscoss", "causaleVersamento",
    "datiSpecificiRiscossione", "tipoDovuto",
)
# Inserted after column 64 when the export carries the receipt (flgRicevuta).
RECEIPT_COLUMNS: tuple[str, ...] = (
    "tipoFirma", "rt", "indiceDatiSingoloPagamento", "numRtDatiPagDatiSingPagCommissioniApplicatePsp",
    "codRtDatiPagDatiSingPagAllegatoRicevutaTipo", "blbRtDatiPagDatiSingPagAllegatoRicevutaTest",
)
VERSION_TAILS: dict[str, tuple[str, ...]] = {
    "1.0": (),
    "1.1": (),
    "1.2": ("bilancio",),
    "1.3": ("bilancio", "cod_fiscale_pa1", "de_nome_pa1", "cod_tassonomico_dovuto_pa1"),
}
ALL_COLUMNS: tuple[str, ...] = BASE_COLUMNS + RECEIPT_COLUMNS + VERSION_TAILS["1.3"]
assert len(BASE_COLUMNS) == 64 and len(RECEIPT_COLUMNS) == 6
RT_INDEX = 65  # position of rt in the layouts with the receipt block

# tipoDovuto of the 1.3 rows for secondary-ente (multi-beneficiary) receipts.
SECONDARY_ENTE_TYPE = "EXPORT_ENTE_SECONDARIO"

# A 100,000-row export is 57 MB of CSV (13:1 in its ZIP), 250 MB with the receipts (base64 XML).
ZIP_LIMITS = ZipLimits(max_members=1_000, max_member_bytes=2 * 1024 ** 3, max_total_bytes=4 * 1024 ** 3,
                       max_ratio=100, ratio_from_bytes=16 * 1024 ** 2)
MAX_ZIP_MEMBER_BYTES = ZIP_LIMITS.max_member_bytes
MAX_RT_BYTES = 2 * 1024 * 1024  # one receipt XML is a few KB; refuse giant blobs per row


def layout_key(version: str, with_receipt: bool) -> str:
    return f"{version}+rt" if with_receipt else version


def columns_for_layout(key: str) -> tuple[str, ...]:
    version, _, rt = key.partition("+")
    return columns_for(version, rt == "rt")


def columns_for(version: str, with_receipt: bool) -> tuple[str, ...]:
    if version not in VERSIONS:
        raise ValueError(f"versione del tracciato di export «{version}» non valida: attesa una tra {', '.join(VERSIONS)}")
    return BASE_COLUMNS + (RECEIPT_COLUMNS if with_receipt else ()) + VERSION_TAILS[version]


# column count -> candidate (version, with_receipt); 64 and 70 are shared by 1.0 and 1.1
_LAYOUTS: dict[int, list[tuple[str, bool]]] = {}
for _v in VERSIONS:
    for _r in (False, True):
        _LAYOUTS.setdefault(len(columns_for(_v, _r)), []).append((_v, _r))


class ExportFormatError(ValueError):
    """The file as a whole cannot be read as a receipt export (not a single row)."""


@dataclass(slots=True)
class ReceiptRow:
    """One row of the export: every column (names as in §3.1) plus the decoded values."""

    iuf: str = ""
    numRigaFlusso: str = ""
    codIud: str = ""
    codIuv: str = ""
    versioneOggetto: str = ""
    identificativoDominio: str = ""
    identificativoStazioneRichiedente: str = ""
    identificativoMessaggioRicevuta: str = ""
    dataOraMessaggioRicevuta: str = ""
    riferimentoMessaggioRichiesta: str = ""
    riferimentoDataRichiesta: str = ""
    tipoIdentificativoUnivoco: str = ""
    codiceIdentificativoUnivoco: str = ""
    denominazioneAttestante: str = ""
    codiceUnitOperAttestante: str = ""
    denomUnitOperAttestante: str = ""
    indirizzoAttestante: str = ""
    civicoAttestante: str = ""
    capAttestante: str = ""
    localitaAttestante: str = ""
    provinciaAttestante: str = ""
    nazioneAttestante: str = ""
    enteBenefTipoIdentificativoUnivoco: str = ""
    enteBenefCodiceIdentificativoUnivoco: str = ""
    denominazioneBeneficiario: str = ""
    codiceUnitOperBeneficiario: str = ""
    denomUnitOperBeneficiario: str = ""
    indirizzoBeneficiario: str = ""
    civicoBeneficiario: str = ""
    capBeneficiario: str = ""
    localitaBeneficiario: str = ""
    provinciaBeneficiario: str = ""
    nazioneBeneficiario: str = ""
    soggVersTipoIdentificativoUnivoco: str = ""
    soggVersCodiceIdentificativoUnivoco: str = ""
    anagraficaVersante: str = ""
    indirizzoVersante: str = ""
    civicoVersante: str = ""
    capVersante: str = ""
    localitaVersante: str = ""
    provinciaVersante: str = ""
    nazioneVersante: str = ""
    emailVersante: str = ""
    soggPagTipoIdentificativoUnivoco: str = ""
    soggPagCodiceIdentificativoUnivoco: str = ""
    anagraficaPagatore: str = ""
    indirizzoPagatore: str = ""
    civicoPagatore: str = ""
    capPagatore: str = ""
    localitaPagatore: str = ""
    provinciaPagatore: str = ""
    nazionePagatore: str = ""
    emailPagatore: str = ""
    codiceEsitoPagamento: str = ""
    importoTotalePagato: str = ""
    identificativoUnivocoVersamento: str = ""
    codiceContestoPagamento: str = ""
    singoloImportoPagato: str = ""
    esitoSingoloPagamento: str = ""
    dataEsitoSingoloPagamento: str = ""
    identificativoUnivocoRiscoss: str = ""
    causaleVersamento: str = ""
    datiSpecificiRiscossione: str = ""
    tipoDovuto: str = ""
    # receipt block (flgRicevuta)
    tipoFirma: str = ""
    rt: str = ""
    indiceDatiSingoloPagamento: str = ""
    numRtDatiPagDatiSingPagCommissioniApplicatePsp: str = ""
    codRtDatiPagDatiSingPagAllegatoRicevutaTipo: str = ""
    blbRtDatiPagDatiSingPagAllegatoRicevutaTest: str = ""
    # version tail (1.2, 1.3)
    bilancio: str = ""
    cod_fiscale_pa1: str = ""
    de_nome_pa1: str = ""
    cod_tassonomico_dovuto_pa1: str = ""
    # --- decoded values (filled by the reader; the writer ignores them except rt_xml) ----------
    row_number: int = 0  # line of the file where the record starts (header = 1)
    total_paid_cents: int = 0  # importoTotalePagato
    amount_cents: int = 0  # singoloImportoPagato
    psp_fee_cents: int | None = None  # commissioni applicate PSP
    outcome_date: date | None = None  # dataEsitoSingoloPagamento
    receipt_datetime: datetime | None = None  # dataOraMessaggioRicevuta
    payment_index: int | None = None  # indiceDatiSingoloPagamento
    rt_xml: bytes = b""  # decoded receipt XML (writer: encoded into rt when rt is empty)
    layout: str = ""  # reader: layout_key() of the file, e.g. "1.3+rt"
    values: list[str] | None = None  # reader: the record as read, in the file's column order

    @property
    def iud(self) -> str:
        return self.codIud

    @property
    def iuv(self) -> str:
        # codIuv and identificativoUnivocoVersamento carry the same IUV; either may be blank.
        return self.codIuv or self.identificativoUnivocoVersamento

    @property
    def is_secondary(self) -> bool:
        return self.tipoDovuto == SECONDARY_ENTE_TYPE

    def column_values(self, columns: Iterable[str]) -> list[str]:
        return [getattr(self, c) for c in columns]

    def to_dict(self) -> dict[str, str]:
        """Every export column by name (the decoded values excluded)."""
        return {c: getattr(self, c) for c in ALL_COLUMNS}


_COLUMN_FIELDS = [f.name for f in fields(ReceiptRow)][: len(ALL_COLUMNS)]
assert tuple(_COLUMN_FIELDS) == ALL_COLUMNS


class ExportRecord(NamedTuple):
    """One row of the export as read, with its decoded values: what a bulk import works on (the
    columns are taken from ``values`` by position, with ``columns_for_layout(layout)``), without
    the cost of a ReceiptRow per row. The decoded fields mean what ReceiptRow's do."""

    values: list[str]  # the record as read, in the file's column order
    layout: str  # layout_key() of the file, e.g. "1.3+rt"
    row_number: int
    total_paid_cents: int
    amount_cents: int
    psp_fee_cents: int | None
    outcome_date: date | None
    receipt_datetime: datetime | None
    payment_index: int | None
    rt_xml: bytes


class RawRecord(NamedTuple):
    """One row of the export as the csv module read it, not yet checked: what ``iter_export(raw=True)``
    yields. ``ExportReader.decoder.decode_record(values, row_number)`` checks and decodes it."""

    values: list[str]
    row_number: int  # line where the record starts (header = 1)


_new_tuple = tuple.__new__  # an ExportRecord without the keyword handling of its constructor


@dataclass(slots=True)
class RowError:
    row: int  # line where the record starts (header = 1); 0 = the file as a whole
    message: str
    column: str = ""
    source: str = ""  # file (or ZIP member) name

    def to_dict(self) -> dict:
        d: dict = {"row": self.row, "message": self.message}
        if self.column:
            d["column"] = self.column
        if self.source:
            d["file"] = self.source
        return d

    def __str__(self) -> str:
        where = f"riga {self.row}" if self.row else "file"
        if self.column:
            where += f", colonna {self.column}"
        return f"{where}: {self.message}"


@dataclass
class ReceiptExportResult:
    version: str
    with_receipt: bool
    rows: list[ReceiptRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    source: str = ""
    data_rows: int = 0  # records after the header, good and bad


# --- file names --------------------------------------------------------------------------------

_NAME_10_RE = re.compile(r"^(?P<id>.+?)_ESTRAZIONE_DOVUTI_(?P<ts>\d{4}-\d{2}-\d{2}_\d{2}_\d{2}_\d{2})$")
_NAME_1X_RE = re.compile(
    r"^(?P<ipa>[^-]+)-(?P<id>.+?)_ESTRAZIONE_DOVUTI_(?P<ts>\d{14})-(?P<ver>1_[0-3])$"
)


@dataclass(frozen=True)
class ExportName:
    version: str
    export_id: str
    created: datetime
    ipa_code: str = ""


def export_base_name(version: str, export_id: str, when: datetime, ipa_code: str = "") -> str:
    """Base name (no extension) MyPay gives the export: see §3.1."""
    columns_for(version, False)  # validates the version
    if version == "1.0":
        return f"{export_id}_ESTRAZIONE_DOVUTI_{when:%Y-%m-%d_%H_%M_%S}"
    if not ipa_code:
        raise ValueError("il codice IPA dell'Ente è necessario per il nome dell'export 1.1-1.3")
    return f"{ipa_code}-{export_id}_ESTRAZIONE_DOVUTI_{when:%Y%m%d%H%M%S}-{version.replace('.', '_')}"


def export_zip_name(version: str, export_id: str, when: datetime, ipa_code: str = "") -> str:
    return export_base_name(version, export_id, when, ipa_code) + ".zip"


def parse_export_name(name: str) -> ExportName | None:
    """Version, export id, time (and IPA code) from a ZIP or CSV name; None when it is not MyPay's."""
    base = os.path.basename(str(name))
    base = re.sub(r"\.(zip|csv)$", "", base, flags=re.IGNORECASE)
    m = _NAME_1X_RE.match(base)
    if m:
        try:
            created = datetime.strptime(m["ts"], "%Y%m%d%H%M%S")
        except ValueError:
            return None
        return ExportName(m["ver"].replace("_", "."), m["id"], created, m["ipa"])
    m = _NAME_10_RE.match(base)
    if m:
        try:
            created = datetime.strptime(m["ts"], "%Y-%m-%d_%H_%M_%S")
        except ValueError:
            return None
        return ExportName("1.0", m["id"], created)
    return None


# --- writer ------------------------------------------------------------------------------------

def _quote(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def _row_values(row: ReceiptRow | dict, columns: tuple[str, ...]) -> list[str]:
    if isinstance(row, dict):
        values = ["" if row.get(c) is None else str(row.get(c)) for c in columns]
        if "rt" in columns and not row.get("rt") and row.get("rt_xml"):
            values[columns.index("rt")] = _b64(row["rt_xml"])
        return values
    values = [getattr(row, c) for c in columns]
    if "rt" in columns and not row.rt and row.rt_xml:
        values[columns.index("rt")] = _b64(row.rt_xml)
    return values


def _b64(xml: bytes | str) -> str:
    if isinstance(xml, str):
        xml = xml.encode("utf-8")
    return base64.b64encode(xml).decode("ascii")


def write_export_csv(rows: Iterable[ReceiptRow | dict], version: str, with_receipt: bool) -> bytes:
    """The CSV exactly as MyPay writes it: header + rows, all quoted, ``;``, ``\\n``, UTF-8."""
    columns = columns_for(version, with_receipt)
    out = io.StringIO()
    out.write(";".join(_quote(c) for c in columns))
    out.write("\n")
    for row in rows:
        out.write(";".join(_quote(v) for v in _row_values(row, columns)))
        out.write("\n")
    return out.getvalue().encode("utf-8")


def write_export_zip(rows: Iterable[ReceiptRow | dict], version: str, with_receipt: bool, *,
                     export_id: str, when: datetime, ipa_code: str = "") -> tuple[str, bytes]:
    """(zip file name, zip bytes) with the CSV named like the ZIP."""
    base = export_base_name(version, export_id, when, ipa_code)
    payload = write_export_csv(rows, version, with_receipt)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        info = zipfile.ZipInfo(base + ".csv", date_time=when.timetuple()[:6])
        info.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(info, payload)
    return base + ".zip", buf.getvalue()


# --- reader ------------------------------------------------------------------------------------

def _utf8_or_cp1252(exc: UnicodeDecodeError):
    # Bytes that are not UTF-8 are read as Windows-1252 (exports written by a JVM on Windows).
    bad = exc.object[exc.start:exc.end]
    return bad.decode("cp1252", errors="replace"), exc.end


codecs.register_error("mypaydesk_cp1252", _utf8_or_cp1252)

# The csv module refuses fields over 128 KiB by default; a receipt (rt, base64) with an attachment
# can be bigger. Raised process-wide (the limit is global), never lowered.
csv.field_size_limit(max(csv.field_size_limit(), 4 * MAX_RT_BYTES))

_AMOUNT_RE = re.compile(r"^\d{1,12}(\.\d{1,2})?$")
_HEADER_KEYS = {c.lower() for c in ALL_COLUMNS}


def parse_amount(text: str) -> int:
    """Export amounts are BigDecimal text: '12.50', '12.5', '12'. Returns cents; ValueError names the text."""
    whole, dot, frac = text.partition(".")
    # fast path for the usual form (runs twice per row)
    if text.isascii() and whole.isdigit() and len(whole) <= 12 and (
            not dot or (frac.isdigit() and len(frac) <= 2)):
        return int(whole) * 100 + (int(frac) * (10 if len(frac) == 1 else 1) if frac else 0)
    s = text.strip()
    if not s.isascii() or not _AMOUNT_RE.match(s):
        raise ValueError(f"importo «{excerpt(text)}» non valido (atteso ad es. 12.50)")
    return parse_amount(s)


def _datetime(text: str) -> datetime:
    s = text.strip()
    try:  # the usual yyyy-MM-ddTHH:mm:ss, fast
        dt = datetime.fromisoformat(s)
    except ValueError:
        dt = None
    if dt is not None and len(s) >= 19:
        if dt.tzinfo is None and not dt.microsecond:
            return dt
        return dt.replace(tzinfo=None, microsecond=0)  # an offset is dropped: the wall time is kept
    # tolerate a space, fractions and an offset (dropped: the local time is kept)
    s = re.sub(r"(\.\d+)?([+-]\d{2}:?\d{2}|Z)?$", "", s.replace(" ", "T", 1))
    try:
        return datetime.strptime(s, "%Y-%m-%dT%H:%M:%S")
    except ValueError:
        try:
            return datetime.strptime(s, "%Y-%m-%d")
        except ValueError:
            raise ValueError(f"data e ora «{excerpt(text)}» non valida (attesa aaaa-MM-ggTHH:mm:ss)") from None


def parse_day(text: str) -> date:
    s = text.strip()[:10]
    try:
        return date.fromisoformat(s)
    except ValueError:
        raise ValueError(f"data «{excerpt(text)}» non valida (attesa aaaa-MM-gg)") from None


def _refuse(source: str):
    def handler(*_args):
        raise XmlError(source, "XML rifiutato perché contiene costrutti pericolosi (DTD o entità)")
    return handler


_USUAL_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"'


def check_xml(xml: bytes, source: str) -> None:
    """Well-formedness check of one receipt XML, with the policy of ``xmlsafe.parse_xml``.

    Any DOCTYPE, entity declaration or external reference is refused, as parse_xml (defusedxml
    with forbid_dtd) does, but no tree is built: an import checks 100,000 receipts, and the detail
    pane decodes one through parse_xml when it is shown.
    """
    if len(xml) > MAX_RT_BYTES:
        raise XmlError(source, f"ricevuta troppo grande ({len(xml)} byte)")
    if not xml.startswith(_USUAL_DECLARATION):
        check_encoding(xml, source)
    parser = expat.ParserCreate()
    refuse = _refuse(source)
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(xml, True)
    except expat.ExpatError as exc:
        raise XmlError(source, f"XML non valido: {exc}") from None
    except (ValueError, LookupError) as exc:  # codecs: "multi-byte encodings are not supported", ...
        raise XmlError(source, f"XML non leggibile: {excerpt(exc, 120)}") from None


def _decode_rt(text: str, source: str, full_parse: bool = False) -> bytes:
    s = text.strip()
    if len(s) > MAX_RT_BYTES * 4 // 3 + 4:
        raise ValueError("ricevuta troppo grande")
    try:
        xml = base64.b64decode(s, validate=True)
    except (binascii.Error, ValueError):
        # Base64 wrapped on several lines is still valid base64.
        try:
            xml = base64.b64decode("".join(s.split()), validate=True)
        except (binascii.Error, ValueError):
            raise ValueError("la ricevuta (colonna rt) non è base64 valido") from None
    if full_parse:
        parse_xml(xml, source)  # raises XmlError when malformed or hostile
    else:
        check_xml(xml, source)
    return xml


def _looks_like_header(record: list[str]) -> bool:
    hits = sum(1 for v in record[:8] if v.strip().lower() in _HEADER_KEYS)
    return hits >= 3


def _pick_layout(ncols: int, name_hint: ExportName | None) -> tuple[str, bool] | None:
    candidates = _LAYOUTS.get(ncols)
    if not candidates:
        return None
    if name_hint is not None:
        for version, with_receipt in candidates:
            if version == name_hint.version:
                return version, with_receipt
    if len(candidates) == 1:
        return candidates[0]
    # 64 -> 1.0 (no receipt), 70 -> 1.1 with receipt (what the operator UI produces)
    return candidates[0] if ncols == 64 else candidates[-1]


_CACHE_LIMIT = 50_000  # distinct amounts or days remembered per file (bounds the memory)


class RowDecoder:
    """Turns CSV records into ReceiptRow objects (or ExportRecord tuples) or RowError, for one layout."""

    def __init__(self, version: str, with_receipt: bool, source: str, validate_rt: bool = True):
        self.version = version
        self.with_receipt = with_receipt
        self.columns = columns_for(version, with_receipt)
        self.ncols = len(self.columns)
        self.source = source
        self.validate_rt = validate_rt
        self.layout = layout_key(version, with_receipt)
        idx = {c: i for i, c in enumerate(self.columns)}
        self.i_total = idx["importoTotalePagato"]
        self.i_amount = idx["singoloImportoPagato"]
        self.i_date = idx["dataEsitoSingoloPagamento"]
        self.i_dt = idx["dataOraMessaggioRicevuta"]
        self.i_rt = idx.get("rt")
        self.i_index = idx.get("indiceDatiSingoloPagamento")
        self.i_fee = idx.get("numRtDatiPagDatiSingPagCommissioniApplicatePsp")
        # ReceiptRow's positional arguments = runs of the record with "" for absent columns
        # (list slicing in C: this runs 100,000 times per big export)
        self.full = len(ALL_COLUMNS)
        self.plan: list[tuple[int, int] | list[str]] = []
        src = 0
        for part in (BASE_COLUMNS, RECEIPT_COLUMNS, VERSION_TAILS["1.3"]):
            present = [c for c in part if c in idx]
            if present:
                self.plan.append((src, src + len(present)))
                src += len(present)
            if len(present) < len(part):
                self.plan.append([""] * (len(part) - len(present)))
        self.i_iud, self.i_iuv, self.i_iuv2 = idx["codIud"], idx["codIuv"], idx["identificativoUnivocoVersamento"]
        self._amounts: dict[str, int] = {}
        self._days: dict[str, date] = {}

    def decode(self, rec: list[str], line: int) -> ReceiptRow | RowError:
        record = self.decode_record(rec, line)
        if record.__class__ is RowError:
            return record
        if self.ncols == self.full:
            row = ReceiptRow(*rec)
        else:
            values: list[str] = []
            for step in self.plan:
                values += rec[step[0]:step[1]] if isinstance(step, tuple) else step
            row = ReceiptRow(*values)
        (row.values, row.layout, row.row_number, row.total_paid_cents, row.amount_cents, row.psp_fee_cents,
         row.outcome_date, row.receipt_datetime, row.payment_index, row.rt_xml) = record
        return row

    def decode_record(self, rec: list[str], line: int) -> ExportRecord | RowError:
        """The record checked and its values decoded, without building a ReceiptRow."""
        if len(rec) != self.ncols:
            return RowError(line, f"numero di colonne errato: {len(rec)} invece di {self.ncols} "
                                  f"(tracciato {self.version}{' con ricevuta' if self.with_receipt else ''})",
                            source=self.source)
        column = ""
        payment_index = psp_fee_cents = None
        rt_xml = b""
        # Amounts and payment days repeat across an export: each distinct text is parsed once.
        amounts, days = self._amounts, self._days
        try:
            column = "singoloImportoPagato"
            single = rec[self.i_amount]
            amount_cents = amounts.get(single)
            if amount_cents is None:
                amount_cents = parse_amount(single)
                if len(amounts) < _CACHE_LIMIT:
                    amounts[single] = amount_cents
            column = "importoTotalePagato"
            total = rec[self.i_total]
            if total == single or not total.strip():
                total_paid_cents = amount_cents
            else:
                total_paid_cents = amounts.get(total)
                if total_paid_cents is None:
                    total_paid_cents = parse_amount(total)
            column = "dataEsitoSingoloPagamento"
            d = rec[self.i_date]
            outcome_date = days.get(d)
            if outcome_date is None and d.strip():
                outcome_date = parse_day(d)
                if len(days) < _CACHE_LIMIT:
                    days[d] = outcome_date
            column = "dataOraMessaggioRicevuta"
            dt = rec[self.i_dt]
            receipt_datetime = _datetime(dt) if dt.strip() else None
            if outcome_date is None:
                if receipt_datetime is None:
                    column = "dataEsitoSingoloPagamento"
                    raise ValueError("data del pagamento mancante")
                outcome_date = receipt_datetime.date()
            if self.with_receipt:
                column = "indiceDatiSingoloPagamento"
                ix = rec[self.i_index].strip()
                # MyPay writes "" + Integer (RegioneDelVeneto/mypay, mypay4-be service/ExportDovutiService.java,
                # addListDovutoElaboratotoStringArray): a missing index arrives as the text "null".
                if ix and ix != "null":
                    payment_index = parse_index(ix)
                column = "numRtDatiPagDatiSingPagCommissioniApplicatePsp"
                fee = rec[self.i_fee]
                psp_fee_cents = parse_amount(fee) if fee.strip() else None
                column = "rt"
                rt = rec[self.i_rt]
                if rt.strip():
                    if self.validate_rt:
                        rt_xml = _decode_rt(rt, f"{self.source} riga {line}")
                    else:
                        rt_xml = base64.b64decode("".join(rt.split()))
        except XmlError as exc:
            return RowError(line, f"ricevuta XML rifiutata: {exc.reason}", column="rt", source=self.source)
        except (ValueError, binascii.Error) as exc:
            return RowError(line, str(exc), column=column, source=self.source)
        if not rec[self.i_iuv] and not rec[self.i_iuv2] and not rec[self.i_iud]:
            return RowError(line, "IUV e IUD mancanti: la riga non identifica alcun pagamento",
                            column="codIuv", source=self.source)
        return _new_tuple(ExportRecord, (rec, self.layout, line, total_paid_cents, amount_cents, psp_fee_cents,
                                         outcome_date, receipt_datetime, payment_index, rt_xml))


@dataclass
class ExportReader:
    """Streams one export: ``version``/``with_receipt`` are known once the header is read."""

    source: str
    version: str = ""
    with_receipt: bool = False
    data_rows: int = 0
    header_errors: list[RowError] = field(default_factory=list)
    #: (bytes of the CSV read so far, its size): how much is left, about (a few buffers ahead of the rows)
    position: Callable[[], tuple[int, int]] | None = None
    #: the file's row decoder, once the header is read (``raw`` readers leave the decoding to their caller)
    decoder: RowDecoder | None = None

    def iter_text(self, lines: Iterable[str], name_hint: ExportName | None, validate_rt: bool = True,
                  records: bool = False, raw: bool = False) -> Iterator[ReceiptRow | ExportRecord | RawRecord | RowError]:
        reader = csv.reader(map(_WITHOUT_NUL, lines), delimiter=";", quotechar='"', doublequote=True, strict=False)
        decoder: RowDecoder | None = None
        prev_line = 0
        while True:
            try:
                rec = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                start = prev_line + 1
                prev_line = reader.line_num
                self.data_rows += 1
                yield RowError(start, f"riga CSV non leggibile: {exc}", source=self.source)
                continue
            start = prev_line + 1
            prev_line = reader.line_num
            if prev_line > MAX_TEXT_LINES:
                raise ExportFormatError(f"{self.source}: più di {MAX_TEXT_LINES:,} righe (comprese quelle vuote): "
                                        "non è un export ricevute o è danneggiato".replace(",", "."))
            if not rec or (len(rec) == 1 and not rec[0].strip()):
                continue  # blank line (e.g. at the end)
            if decoder is None:
                is_header = _looks_like_header(rec)
                layout = _pick_layout(len(rec), name_hint)
                if layout is None:
                    raise ExportFormatError(
                        f"{self.source}: {len(rec)} colonne nella {'intestazione' if is_header else 'prima riga'}; "
                        "un export ricevute MyPay ne ha 64, 65 o 68 (70, 71 o 74 con la ricevuta)")
                self.version, self.with_receipt = layout
                decoder = self.decoder = RowDecoder(self.version, self.with_receipt, self.source, validate_rt)
                if is_header:
                    self._check_header(rec, decoder.columns, start)
                    continue
                self.header_errors.append(RowError(start, "intestazione mancante: la prima riga è letta come dati",
                                                   source=self.source))
            self.data_rows += 1
            if raw:
                yield _new_tuple(RawRecord, (rec, start))
            else:
                yield decoder.decode_record(rec, start) if records else decoder.decode(rec, start)

    def _check_header(self, rec: list[str], columns: tuple[str, ...], line: int) -> None:
        wrong = [(c, got) for c, got in zip(columns, rec, strict=True) if c.lower() != got.strip().lower()]
        if wrong:
            c, got = wrong[0]
            self.header_errors.append(RowError(
                line, f"intestazione inattesa: «{excerpt(got)}» dove il tracciato {self.version} ha «{c}» "
                      f"({len(wrong)} nomi diversi); le colonne sono lette per posizione", column=c,
                source=self.source))


# formats.limits.without_nul on each line, in C (str.replace gives the line itself back when it has no NUL).
_WITHOUT_NUL = methodcaller("replace", "\x00", NUL_STANDIN)


def _open_text(raw: io.BufferedIOBase) -> io.TextIOWrapper:
    return io.TextIOWrapper(raw, encoding="utf-8-sig", errors="mypaydesk_cp1252", newline="")


def _is_zip(head: bytes) -> bool:
    return head[:4] == b"PK\x03\x04" or head[:4] == b"PK\x05\x06"


def iter_export(source: str | os.PathLike | bytes, name: str = "", *, validate_rt: bool = True,
                records: bool = False, raw: bool = False
                ) -> Iterator[tuple[ExportReader, ReceiptRow | ExportRecord | RawRecord | RowError]]:
    """Yield (reader state, row or error) for a ZIP or CSV given as a path or bytes.

    The reader state carries ``version`` and ``with_receipt`` once the header is read. Raises
    ExportFormatError when the file is not an export at all (not a ZIP/CSV, no CSV inside, a column
    count no version has). ``records``: rows as ExportRecord tuples instead of ReceiptRow objects
    (the same checks; for bulk imports). ``raw``: RawRecord tuples, the rows as read, for a caller that
    decodes them itself with ``reader.decoder`` (the file-level checks and errors are the same).
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        label = name or "export"
        if _is_zip(data[:4]):
            yield from _iter_zip(io.BytesIO(data), label, validate_rt, records, raw)
        else:
            yield from _iter_csv(io.BytesIO(data), label, validate_rt, records, raw)
        return
    path = Path(source)
    label = name or path.name
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise ExportFormatError(f"{path}: file non leggibile ({exc.strerror or exc})") from exc
    with fh:
        head = fh.read(4)
        fh.seek(0)
        if _is_zip(head):
            yield from _iter_zip(fh, label, validate_rt, records, raw)
        else:
            yield from _iter_csv(fh, label, validate_rt, records, raw)


def _iter_csv(fh, label: str, validate_rt: bool, records: bool = False, raw: bool = False):
    reader = ExportReader(label)
    size = fh.seek(0, io.SEEK_END)
    fh.seek(0)
    reader.position = lambda: (fh.tell(), size)
    text = _open_text(fh)
    for item in reader.iter_text(text, parse_export_name(label), validate_rt, records, raw):
        yield reader, item
    for err in reader.header_errors:
        yield reader, err
    if not reader.version:
        raise ExportFormatError(f"{label}: file vuoto, nessuna riga dell'export ricevute")


def _iter_zip(fh, label: str, validate_rt: bool, records: bool = False, raw: bool = False):
    try:
        zf = SafeZip(fh, label, ZIP_LIMITS)
    except SafeZipError as exc:
        raise ExportFormatError(f"{label}: {exc.message}") from exc
    with zf:
        members = zf.members((".csv",))
        if not members:
            raise ExportFormatError(f"{label}: lo ZIP non contiene alcun file CSV dell'export ricevute")
        for info in members:
            member_label = f"{label}/{excerpt(info.filename, 80)}" if len(members) > 1 else label
            hint = parse_export_name(info.filename) or parse_export_name(label)
            reader = ExportReader(member_label)
            try:
                with zf.open(info) as raw_member:
                    reader.position = lambda m=raw_member, size=info.file_size: (m.bytes_read, size)
                    text = _open_text(io.BufferedReader(raw_member, 1 << 16))
                    for item in reader.iter_text(text, hint, validate_rt, records, raw):
                        yield reader, item
            except SafeZipError as exc:
                raise ExportFormatError(f"{label}: {exc.message}") from exc
            for err in reader.header_errors:
                yield reader, err
            if not reader.version:
                raise ExportFormatError(f"{member_label}: file vuoto, nessuna riga dell'export ricevute")


def read_export(source: str | os.PathLike | bytes, name: str = "", *, validate_rt: bool = True
                ) -> ReceiptExportResult:
    """Read a whole export (ZIP or CSV, path or bytes) into memory."""
    rows: list[ReceiptRow] = []
    errors: list[RowError] = []
    last: ExportReader | None = None
    data_rows = 0
    seen: set[int] = set()
    for reader, item in iter_export(source, name, validate_rt=validate_rt):
        if id(reader) not in seen:
            seen.add(id(reader))
            if last is not None:
                data_rows += last.data_rows
            last = reader
        if isinstance(item, RowError):
            errors.append(item)
        else:
            rows.append(item)
    if last is not None:
        data_rows += last.data_rows
    label = name or (Path(source).name if isinstance(source, (str, os.PathLike)) else "export")
    return ReceiptExportResult(version=last.version if last else "", with_receipt=bool(last and last.with_receipt),
                               rows=rows, errors=errors, source=label, data_rows=data_rows)
