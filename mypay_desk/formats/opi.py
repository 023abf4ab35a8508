"""OPI "giornale di cassa" (SIOPE+ treasury daily journal, XML): the credits to reconcile.

Structure (pagopa-standards.md §3.6, OPI XSD 1.6.1 as described there)::

    flusso_giornale_di_cassa
      testata_messaggio (codice_ABI_BT, codice_ente_BT, codice_istat_ente, ...)
      identificativo_flusso_BT, pagina, pagine_totali, esercizio,
      data_riferimento_GdC            (older versions: data_inizio_periodo_riferimento)
      informazioni_conto_evidenza *
        conto_evidenza
        movimento_conto_evidenza *
          tipo_movimento     ENTRATA | USCITA
          tipo_documento     REVERSALE, MANDATO, SOSPESO ENTRATA, SOSPESO USCITA, ...
          tipo_operazione    ESEGUITO, STORNATO, REGOLARIZZATO, RIPRISTINATO
          numero_documento, progressivo_documento, importo,
          numero_bolletta_quietanza, numero_bolletta_quietanza_storno,
          data_movimento, data_valuta_ente?, tipo_esecuzione, end_to_end_id?,
          cliente { anagrafica_cliente, codice_fiscale_cliente?, partita_iva_cliente? },
          causale, sospeso_da_regolarizzare?, sospeso* { numero_provvisorio, importo_provvisorio }

Like pagoPA's own back-office we keep only ``tipo_movimento`` ENTRATA with ``tipo_documento``
SOSPESO ENTRATA (pagoPA credits reach the treasury as sospesi to be regularised), and of those only
ESEGUITO (a credit) and STORNATO (its reversal); everything else is counted as ignored.

The reference gives element names but not every detail, so these choices are ours and live in
:data:`ELEMENTS` / the sets below, to be changed in one place if a treasurer's file differs:

- ``importo`` is an ``xs:decimal`` with "." (e.g. ``1234.56``); a "," is accepted too;
- a STORNATO movement names the sospeso it reverses with the same ``esercizio``,
  ``numero_documento`` and ``progressivo_documento``; that triple is stored as ``document_number``
  and the reconciliation engine cancels the pair;
- the bill number (``numero_bolletta_quietanza``) is kept in the dedupe key only as a tie-breaker.

Namespaces are ignored (local names only); parsing goes through the hardened XML parser.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from mypay_desk.domain.money import MoneyError, parse_amount, parse_flow_amount
from mypay_desk.formats.causale import parse_causale
from mypay_desk.formats.errors import XmlDocumentError, xml_date
from mypay_desk.formats.xmlsafe import XmlError, child_text, local_name, parse_xml

ROOT = "flusso_giornale_di_cassa"

#: Element names used by the reader (OPI 1.6.1 wording). Change here if a version differs.
ELEMENTS = {
    "flow_id": "identificativo_flusso_BT",
    "year": "esercizio",
    "reference_date": ("data_riferimento_GdC", "data_inizio_periodo_riferimento"),
    "account_block": "informazioni_conto_evidenza",
    "account": "conto_evidenza",
    "movement": "movimento_conto_evidenza",
    "movement_type": "tipo_movimento",
    "document_type": "tipo_documento",
    "operation": "tipo_operazione",
    "document_number": "numero_documento",
    "document_progressive": "progressivo_documento",
    "amount": "importo",
    "bill_number": "numero_bolletta_quietanza",
    "bill_number_storno": "numero_bolletta_quietanza_storno",
    "movement_date": "data_movimento",
    "value_date": "data_valuta_ente",
    "execution_type": "tipo_esecuzione",
    "end_to_end_id": "end_to_end_id",
    "customer": "cliente",
    "customer_name": "anagrafica_cliente",
    "causale": "causale",
}
ACCEPTED_MOVEMENT_TYPES = frozenset({"ENTRATA"})
ACCEPTED_DOCUMENT_TYPES = frozenset({"SOSPESO ENTRATA"})
OPERATION_CREDIT = "ESEGUITO"
OPERATION_REVERSAL = "STORNATO"
ACCEPTED_OPERATIONS = frozenset({OPERATION_CREDIT, OPERATION_REVERSAL})


class OpiError(XmlDocumentError):
    """The journal could not be read; names the file and the element."""


@dataclass
class TreasuryRecord:
    """A treasury credit (OPI movement or bank-statement line), ready to store."""

    dedupe_key: str
    source_kind: str  # OPI | CSV
    movement_type: str  # SOSPESO ENTRATA (OPI) | ENTRATA (bank statement)
    status: str  # ESEGUITO | STORNATO
    book_date: date | None
    value_date: date | None
    amount_cents: int
    causale: str
    payer: str
    document_number: str
    iuf: str
    iuv: str
    end_to_end_id: str = ""
    account: str = ""
    source: str = ""
    position: int = 0  # movement number in the file, or the CSV line


@dataclass
class OpiJournal:
    source: str
    flow_id: str
    year: str
    reference_date: date | None
    records: list[TreasuryRecord]
    ignored: int  # movements of other kinds (USCITA, REVERSALE, REGOLARIZZATO, ...)


def is_opi_document(root_local_name: str) -> bool:
    return root_local_name == ROOT


def parse_opi(data: bytes, source: str = "giornale di cassa") -> OpiJournal:
    try:
        root = parse_xml(data, source)
    except XmlError as exc:
        raise OpiError(source, exc.reason) from exc
    return parse_opi_element(root, source)


def _child(elem, name: str):
    for c in elem:
        if local_name(c.tag) == name:
            return c
    return None


def _date(value: str, source: str, element: str) -> date:
    return xml_date(value, source, element, OpiError)


def _amount(value: str, source: str, element: str) -> int:
    try:
        return parse_amount(value) if "," in value else parse_flow_amount(value)
    except MoneyError as exc:
        raise OpiError(source, str(exc), element) from exc


def parse_opi_element(root, source: str) -> OpiJournal:
    if local_name(root.tag) != ROOT:
        raise OpiError(source, f"non è un giornale di cassa OPI (radice «{local_name(root.tag)}», attesa «{ROOT}»)")
    e = ELEMENTS
    year = child_text(root, e["year"])
    ref_date = None
    for name in e["reference_date"]:
        raw = child_text(root, name)
        if raw:
            ref_date = _date(raw, source, name)
            break
    journal = OpiJournal(source=source, flow_id=child_text(root, e["flow_id"]), year=year,
                         reference_date=ref_date, records=[], ignored=0)
    blocks = [c for c in root if local_name(c.tag) == e["account_block"]]
    if not blocks:
        raise OpiError(source, "il giornale non contiene conti", e["account_block"])
    position = 0
    for b, block in enumerate(blocks, start=1):
        account = child_text(block, e["account"])
        m = 0
        for mov in block:
            if local_name(mov.tag) != e["movement"]:
                continue
            m += 1
            position += 1
            path = f"{e['account_block']}[{b}]/{e['movement']}[{m}]/"
            mtype = child_text(mov, e["movement_type"]).upper()
            dtype = " ".join(child_text(mov, e["document_type"]).upper().split())
            op = child_text(mov, e["operation"]).upper()
            if (mtype not in ACCEPTED_MOVEMENT_TYPES or dtype not in ACCEPTED_DOCUMENT_TYPES
                    or op not in ACCEPTED_OPERATIONS):
                journal.ignored += 1
                continue
            journal.records.append(_movement(mov, path, source, year, account, dtype, op, position))
    return journal


def _movement(mov, path: str, source: str, year: str, account: str, dtype: str, op: str,
              position: int) -> TreasuryRecord:
    e = ELEMENTS
    number = child_text(mov, e["document_number"])
    if not number:
        raise OpiError(source, "elemento obbligatorio mancante o vuoto", path + e["document_number"])
    progressive = child_text(mov, e["document_progressive"])
    amount_raw = child_text(mov, e["amount"])
    if not amount_raw:
        raise OpiError(source, "elemento obbligatorio mancante o vuoto", path + e["amount"])
    amount = _amount(amount_raw, source, path + e["amount"])
    if amount < 0:
        raise OpiError(source, "importo negativo in un movimento di entrata", path + e["amount"])
    mdate_raw = child_text(mov, e["movement_date"])
    if not mdate_raw:
        raise OpiError(source, "elemento obbligatorio mancante o vuoto", path + e["movement_date"])
    book_date = _date(mdate_raw, source, path + e["movement_date"])
    vdate_raw = child_text(mov, e["value_date"])
    value_date = _date(vdate_raw, source, path + e["value_date"]) if vdate_raw else None
    customer = _child(mov, e["customer"])
    payer = child_text(customer, e["customer_name"]) if customer is not None else ""
    causale = child_text(mov, e["causale"])
    bill = child_text(mov, e["bill_number"])
    refs = parse_causale(causale)
    document_number = f"{year}/{number}/{progressive}"
    raw_key = "|".join([year, account, dtype, number, progressive, op, bill])
    return TreasuryRecord(
        dedupe_key="OPI|" + hashlib.sha1(raw_key.encode("utf-8")).hexdigest(),
        source_kind="OPI", movement_type=dtype, status=op, book_date=book_date, value_date=value_date,
        amount_cents=amount, causale=causale, payer=payer[:200], document_number=document_number[:50],
        iuf=refs.iuf, iuv=refs.iuv, end_to_end_id=child_text(mov, e["end_to_end_id"])[:35],
        account=account[:50], source=source, position=position,
    )


def write_opi(year: str, account: str, movements: list[dict], flow_id: str = "GDC-2024010112345678901#001#001",
              reference_date: date | None = None) -> bytes:
    """A minimal giornale di cassa (tests and the simulator). ``movements``: dicts with the ELEMENTS keys
    movement_type, document_type, operation, document_number, document_progressive, amount (text),
    movement_date, value_date, customer_name, causale, bill_number, end_to_end_id."""
    from xml.sax.saxutils import escape

    e = ELEMENTS
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n', f"<{ROOT}>\n",
           "  <testata_messaggio><codice_ABI_BT>03069</codice_ABI_BT><codice_ente_BT>1234567</codice_ente_BT>"
           "</testata_messaggio>\n",
           f"  <{e['flow_id']}>{escape(flow_id)}</{e['flow_id']}>\n",
           "  <pagina>1</pagina>\n  <pagine_totali>1</pagine_totali>\n",
           f"  <{e['year']}>{escape(year)}</{e['year']}>\n"]
    if reference_date:
        out.append(f"  <data_riferimento_GdC>{reference_date.isoformat()}</data_riferimento_GdC>\n")
    out.append(f"  <{e['account_block']}>\n    <{e['account']}>{escape(account)}</{e['account']}>\n")
    order = ["movement_type", "document_type", "operation", "document_number", "document_progressive",
             "amount", "bill_number", "bill_number_storno", "movement_date", "value_date", "execution_type",
             "end_to_end_id"]
    for mv in movements:
        out.append(f"    <{e['movement']}>\n")
        for key in order:
            if mv.get(key) not in (None, ""):
                out.append(f"      <{e[key]}>{escape(str(mv[key]))}</{e[key]}>\n")
        if mv.get("customer_name"):
            out.append(f"      <{e['customer']}><{e['customer_name']}>{escape(mv['customer_name'])}"
                       f"</{e['customer_name']}></{e['customer']}>\n")
        if mv.get("causale") is not None:
            out.append(f"      <{e['causale']}>{escape(mv['causale'])}</{e['causale']}>\n")
        out.append(f"    </{e['movement']}>\n")
    out.append(f"  </{e['account_block']}>\n</{ROOT}>\n")
    return "".join(out).encode("utf-8")
