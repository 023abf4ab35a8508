"""PSP reporting flows: FlussoRiversamento XML (pagopa-standards.md §3.1-3.3).

One flow per XML document, root ``FlussoRiversamento`` (namespace
``http://www.digitpa.gov.it/schemas/2011/Pagamenti/``; we match local names, so a missing or different
prefix does not matter). We also accept the Nodo's SOAP reply ``nodoChiediFlussoRendicontazioneRisposta``
whose ``xmlRendicontazione`` carries the same XML in base64.

Outcome codes (``codiceEsitoSingoloPagamento``): 0 executed, 3 revoked (negative amount), 4 Stand-In,
8 Stand-In without RPT, 9 executed without RPT. The 1.0.4 XSD lists only 0/3/9, so we do not validate
against it: an unknown code is kept as it is and reported as a warning, never refused.

Parsing is strict where reconciliation depends on it (identificativoFlusso, dates, amounts, IUV, IUR)
and lenient elsewhere: a flow whose declared totals differ from its lines is kept with a warning,
because the declared total is what the PSP credited. Errors name the file and the element.

Inputs may be one XML file, a ZIP of XML files (nested ZIPs are not opened) or a folder; ZIP members
are size-checked before reading, so a ZIP bomb is refused rather than expanded.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from mypay_desk.domain.excerpt import excerpt
from mypay_desk.domain.money import MoneyError, format_amount, format_flow_amount, parse_flow_amount
from mypay_desk.formats.errors import XmlDocumentError, xml_date
from mypay_desk.formats.limits import DB_MAX_INTEGER, parse_index
from mypay_desk.formats.safezip import SafeZip, SafeZipError, ZipLimits
from mypay_desk.formats.safezip import is_zip as _is_zip
from mypay_desk.formats.xmlsafe import XmlError, child_text, find_local, local_name, parse_xml

ROOT = "FlussoRiversamento"
NAMESPACE = "http://www.digitpa.gov.it/schemas/2011/Pagamenti/"
KNOWN_OUTCOMES = {
    "0": "Pagamento eseguito",
    "3": "Pagamento revocato",
    "4": "Pagamento eseguito in Stand-In",
    "8": "Pagamento eseguito in Stand-In senza RPT",
    "9": "Pagamento eseguito in assenza di RPT",
}
IUF_RE = re.compile(r"[a-zA-Z0-9\-_]{1,35}")
# stNumeroTotalePagamenti allows 15 digits; the count is stored in an INTEGER column (2**31 - 1).
MAX_TOTAL_COUNT = DB_MAX_INTEGER

# ZIP limits: a PSP flow is at most a few MB; anything far larger is not an FdR.
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_MEMBERS = 20_000
MAX_RATIO = 200  # uncompressed/compressed size above which a big member is treated as a bomb
ZIP_LIMITS = ZipLimits(max_members=MAX_MEMBERS, max_member_bytes=MAX_MEMBER_BYTES, max_total_bytes=MAX_TOTAL_BYTES,
                       max_ratio=MAX_RATIO, ratio_from_bytes=1024 * 1024)


class FdrError(XmlDocumentError):
    """A flow could not be read. ``source`` is the file (``zip!member``), ``element`` where it failed."""


@dataclass
class FdrLineData:
    line_number: int
    iuv: str
    iur: str
    payment_index: int | None
    amount_cents: int
    outcome_code: str
    outcome_date: date | None


@dataclass
class FdrFlowData:
    source: str
    version: str
    flow_id: str
    flow_datetime: datetime
    settlement_id: str
    settlement_date: date | None
    sender_type: str
    sender_id: str
    sender_name: str
    bic: str
    receiver_id: str
    receiver_name: str
    total_count: int
    total_amount_cents: int
    lines: list[FdrLineData] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def lines_amount_cents(self) -> int:
        return sum(line.amount_cents for line in self.lines)


def is_fdr_document(root_local_name: str) -> bool:
    return root_local_name in (ROOT, "nodoChiediFlussoRendicontazioneRisposta", "Envelope")


def parse_fdr(data: bytes, source: str = "FdR") -> FdrFlowData:
    """Parse one FlussoRiversamento document (or the Nodo's SOAP reply carrying it)."""
    try:
        root = parse_xml(data, source)
    except XmlError as exc:
        raise FdrError(source, exc.reason) from exc
    return parse_fdr_element(root, source)


def parse_fdr_element(root, source: str):
    name = local_name(root.tag)
    if name != ROOT:
        inner = find_local(root, "xmlRendicontazione")
        if inner is not None and (inner.text or "").strip():
            try:
                decoded = base64.b64decode("".join(inner.text.split()), validate=True)
            except (binascii.Error, ValueError) as exc:
                raise FdrError(source, "contenuto base64 non valido", "xmlRendicontazione") from exc
            return parse_fdr(decoded, f"{source} (xmlRendicontazione)")
        flow = find_local(root, ROOT)
        if flow is None:
            raise FdrError(source, f"non è un flusso di rendicontazione (radice «{excerpt(name)}», attesa «{ROOT}»)")
        root = flow
    return _parse_flow(root, source)


def _required(elem, name: str, source: str, path: str = "") -> str:
    value = child_text(elem, name)
    if not value:
        raise FdrError(source, "elemento obbligatorio mancante o vuoto", f"{path}{name}")
    return value


def _bounded(value: str, limit: int, source: str, element: str) -> str:
    """``value`` when it fits the schema's length (FlussoRiversamento_1_0_4.xsd: stText35, stText70, stText140;
    versioneOggetto is the enumeration "1.0"), else a clear error: a longer text is no FdR field and would not
    fit the database either (PostgreSQL refuses it)."""
    if len(value) > limit:
        raise FdrError(source, f"«{excerpt(value)}» è lungo {len(value)} caratteri (al massimo {limit})", element)
    return value


def _parse_date(value: str, source: str, element: str) -> date:
    return xml_date(value, source, element, FdrError)


def _parse_datetime(value: str, source: str, element: str) -> datetime:
    text = value.strip()
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise FdrError(source, f"data e ora «{excerpt(value)}» non valida (atteso AAAA-MM-GGThh:mm:ss)", element) from exc
    return dt.replace(tzinfo=None)


def _amount(value: str, source: str, element: str) -> int:
    try:
        return parse_flow_amount(value)
    except MoneyError as exc:
        raise FdrError(source, str(exc), element) from exc


def _child(elem, name: str):
    for c in elem:
        if local_name(c.tag) == name:
            return c
    return None


def _parse_flow(root, source: str) -> FdrFlowData:
    version = _bounded(child_text(root, "versioneOggetto"), 5, source, "versioneOggetto")
    flow_id = _required(root, "identificativoFlusso", source)
    if not IUF_RE.fullmatch(flow_id):
        raise FdrError(source, f"«{excerpt(flow_id)}» non è un identificativo di flusso valido ([a-zA-Z0-9-_], max 35)",
                       "identificativoFlusso")
    flow_dt = _parse_datetime(_required(root, "dataOraFlusso", source), source, "dataOraFlusso")
    settlement_id = _bounded(child_text(root, "identificativoUnivocoRegolamento"), 35, source,
                             "identificativoUnivocoRegolamento")
    settlement_raw = child_text(root, "dataRegolamento")
    settlement_date = _parse_date(settlement_raw, source, "dataRegolamento") if settlement_raw else None

    sender = _child(root, "istitutoMittente")
    sender_type = sender_id = sender_name = ""
    if sender is not None:
        ident = _child(sender, "identificativoUnivocoMittente")
        if ident is not None:
            sender_type = _bounded(child_text(ident, "tipoIdentificativoUnivoco"), 35, source,
                                   "istitutoMittente/tipoIdentificativoUnivoco")
            sender_id = _bounded(child_text(ident, "codiceIdentificativoUnivoco"), 35, source,
                                 "istitutoMittente/codiceIdentificativoUnivoco")
        sender_name = _bounded(child_text(sender, "denominazioneMittente"), 70, source,
                               "istitutoMittente/denominazioneMittente")
    receiver = _child(root, "istitutoRicevente")
    receiver_id = receiver_name = ""
    if receiver is not None:
        ident = _child(receiver, "identificativoUnivocoRicevente")
        if ident is not None:
            receiver_id = _bounded(child_text(ident, "codiceIdentificativoUnivoco"), 35, source,
                                   "istitutoRicevente/codiceIdentificativoUnivoco")
        receiver_name = _bounded(child_text(receiver, "denominazioneRicevente"), 140, source,
                                 "istitutoRicevente/denominazioneRicevente")

    total_raw = child_text(root, "numeroTotalePagamenti")
    try:  # stNumeroTotalePagamenti: totalDigits 15
        total_count = parse_index(total_raw, MAX_TOTAL_COUNT) if total_raw else 0
    except ValueError as exc:
        raise FdrError(source, str(exc), "numeroTotalePagamenti") from exc
    amount_raw = _required(root, "importoTotalePagamenti", source)
    total_amount = _amount(amount_raw, source, "importoTotalePagamenti")

    flow = FdrFlowData(
        source=source, version=version, flow_id=flow_id, flow_datetime=flow_dt,
        settlement_id=settlement_id, settlement_date=settlement_date, sender_type=sender_type,
        sender_id=sender_id, sender_name=sender_name, bic=_bounded(child_text(root, "codiceBicBancaDiRiversamento"), 35, source, "codiceBicBancaDiRiversamento"),
        receiver_id=receiver_id, receiver_name=receiver_name, total_count=total_count,
        total_amount_cents=total_amount,
    )
    n = 0
    for elem in root:
        if local_name(elem.tag) != "datiSingoliPagamenti":
            continue
        n += 1
        flow.lines.append(_parse_line(elem, n, source, flow))
    if n == 0:
        raise FdrError(source, "il flusso non contiene pagamenti", "datiSingoliPagamenti")
    if total_count and total_count != n:
        flow.warnings.append(f"{source}: numeroTotalePagamenti dichiara {total_count} pagamenti, "
                             f"il flusso ne contiene {n}")
    if flow.lines_amount_cents != total_amount:
        flow.warnings.append(
            f"{source}: importoTotalePagamenti {format_amount(total_amount)} diverso dalla somma dei "
            f"pagamenti {format_amount(flow.lines_amount_cents)}")
    return flow


def _parse_line(elem, n: int, source: str, flow: FdrFlowData) -> FdrLineData:
    path = f"datiSingoliPagamenti[{n}]/"
    iuv = _required(elem, "identificativoUnivocoVersamento", source, path)
    if len(iuv) > 35:
        raise FdrError(source, "IUV più lungo di 35 caratteri", path + "identificativoUnivocoVersamento")
    iur = _required(elem, "identificativoUnivocoRiscossione", source, path)
    if len(iur) > 35:
        raise FdrError(source, "IUR più lungo di 35 caratteri", path + "identificativoUnivocoRiscossione")
    idx_raw = child_text(elem, "indiceDatiSingoloPagamento")
    index: int | None = None
    if idx_raw:
        try:  # stIndice is 1-5: other values are kept with a warning, as long as the database can hold them
            index = parse_index(idx_raw)
        except ValueError as exc:
            raise FdrError(source, str(exc), path + "indiceDatiSingoloPagamento") from exc
        if not 1 <= index <= 5:
            flow.warnings.append(f"{source}, {path}indiceDatiSingoloPagamento: valore {index} fuori da 1-5")
    amount = _amount(_required(elem, "singoloImportoPagato", source, path), source,
                     path + "singoloImportoPagato")
    outcome = _required(elem, "codiceEsitoSingoloPagamento", source, path)
    if outcome not in KNOWN_OUTCOMES:
        if len(outcome) > 3:
            raise FdrError(source, f"codice esito «{excerpt(outcome)}» non valido", path + "codiceEsitoSingoloPagamento")
        flow.warnings.append(f"{source}, {path}codiceEsitoSingoloPagamento: codice «{outcome}» sconosciuto, "
                             "pagamento conservato così com'è")
    date_raw = child_text(elem, "dataEsitoSingoloPagamento")
    outcome_date = _parse_date(date_raw, source, path + "dataEsitoSingoloPagamento") if date_raw else None
    return FdrLineData(line_number=n, iuv=iuv, iur=iur, payment_index=index, amount_cents=amount,
                       outcome_code=outcome, outcome_date=outcome_date)


# --- writer (tests, simulator, demo data) ------------------------------------------------------

def write_fdr(flow: FdrFlowData) -> bytes:
    """Serialise a flow as FlussoRiversamento XML, elements in the XSD order."""
    from xml.sax.saxutils import escape

    def el(name: str, value: object, indent: str = "  ") -> str:
        return f"{indent}<{name}>{escape(str(value))}</{name}>\n"

    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n', f'<FlussoRiversamento xmlns="{NAMESPACE}">\n']
    parts.append(el("versioneOggetto", flow.version or "1.0"))
    parts.append(el("identificativoFlusso", flow.flow_id))
    parts.append(el("dataOraFlusso", flow.flow_datetime.isoformat(timespec="seconds")))
    parts.append(el("identificativoUnivocoRegolamento", flow.settlement_id))
    if flow.settlement_date:
        parts.append(el("dataRegolamento", flow.settlement_date.isoformat()))
    parts.append("  <istitutoMittente>\n    <identificativoUnivocoMittente>\n")
    parts.append(el("tipoIdentificativoUnivoco", flow.sender_type or "B", "      "))
    parts.append(el("codiceIdentificativoUnivoco", flow.sender_id, "      "))
    parts.append("    </identificativoUnivocoMittente>\n")
    if flow.sender_name:
        parts.append(el("denominazioneMittente", flow.sender_name, "    "))
    parts.append("  </istitutoMittente>\n")
    if flow.bic:
        parts.append(el("codiceBicBancaDiRiversamento", flow.bic))
    parts.append("  <istitutoRicevente>\n    <identificativoUnivocoRicevente>\n")
    parts.append(el("tipoIdentificativoUnivoco", "G", "      "))
    parts.append(el("codiceIdentificativoUnivoco", flow.receiver_id, "      "))
    parts.append("    </identificativoUnivocoRicevente>\n")
    if flow.receiver_name:
        parts.append(el("denominazioneRicevente", flow.receiver_name, "    "))
    parts.append("  </istitutoRicevente>\n")
    parts.append(el("numeroTotalePagamenti", flow.total_count or len(flow.lines)))
    parts.append(el("importoTotalePagamenti", format_flow_amount(flow.total_amount_cents)))
    for line in flow.lines:
        parts.append("  <datiSingoliPagamenti>\n")
        parts.append(el("identificativoUnivocoVersamento", line.iuv, "    "))
        parts.append(el("identificativoUnivocoRiscossione", line.iur, "    "))
        if line.payment_index is not None:
            parts.append(el("indiceDatiSingoloPagamento", line.payment_index, "    "))
        parts.append(el("singoloImportoPagato", format_flow_amount(line.amount_cents), "    "))
        parts.append(el("codiceEsitoSingoloPagamento", line.outcome_code, "    "))
        if line.outcome_date:
            parts.append(el("dataEsitoSingoloPagamento", line.outcome_date.isoformat(), "    "))
        parts.append("  </datiSingoliPagamenti>\n")
    parts.append("</FlussoRiversamento>\n")
    return "".join(parts).encode("utf-8")


# --- containers: ZIP and folders ---------------------------------------------------------------

@dataclass
class Member:
    """One document found in a file, a ZIP or a folder."""

    source: str  # "file.zip!member.xml" or a path
    data: bytes


def is_zip(data: bytes) -> bool:
    return _is_zip(data)


def zip_members(data: bytes, source: str, suffixes: tuple[str, ...] | None = None) -> Iterator[Member]:
    """The members of a ZIP, refusing bombs and oversized archives. Folders and nested ZIPs are skipped."""
    try:
        zf = SafeZip(data, source, ZIP_LIMITS)
    except SafeZipError as exc:
        raise FdrError(source, exc.message) from exc
    with zf:
        for info in zf.members(suffixes):
            member_source = f"{source}!{excerpt(info.filename, 120)}"
            try:
                content = zf.read(info)
            except SafeZipError as exc:
                raise FdrError(member_source, exc.message) from exc
            yield Member(member_source, content)


def folder_members(folder: Path, suffixes: tuple[str, ...] = (".xml", ".zip")) -> Iterator[Path]:
    """Files of a folder (recursively) with one of ``suffixes``, in a stable order."""
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix.lower() in suffixes and not path.name.startswith("."):
            yield path
