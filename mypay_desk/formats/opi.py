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
- ``esercizio``, ``numero_documento`` and ``progressivo_documento`` are stored as ``document_number``;
- a STORNATO cancels the ESEGUITO with the same ``esercizio`` and ``numero_bolletta_quietanza``, as MyPivot
  does: its treasury loader inserts an ESEGUITO SOSPESO ENTRATA keyed by (ente, de_anno_bolletta =
  esercizio, cod_bolletta = numero_bolletta_quietanza) and deletes that key for a STORNATO
  (RegioneDelVeneto/mypivot, mypivot4-batch MANAGE_FLUSSI_TESORERIA/process/OPI/LoadFlussoOPI_1_0_0.1.item,
  outputs INSERT and DELETE); that pair is stored as ``bill_number`` ("<esercizio>/<bolletta>").

Namespaces are ignored (local names only); parsing goes through the hardened XML parser.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime

from mypay_desk.domain.excerpt import excerpt
from mypay_desk.domain.money import (
    MAX_TREASURY_CENTS,
    MoneyError,
    format_flow_amount,
    parse_amount,
    parse_flow_amount,
)
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
    bill_number: str = ""  # OPI: "<esercizio>/<numero_bolletta_quietanza>", what a reversal names


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
        if "," in value:
            return parse_amount(value, max_cents=MAX_TREASURY_CENTS)
        return parse_flow_amount(value, max_cents=MAX_TREASURY_CENTS)
    except MoneyError as exc:
        raise OpiError(source, str(exc), element) from exc


def parse_opi_element(root, source: str) -> OpiJournal:
    if local_name(root.tag) != ROOT:
        raise OpiError(source, f"non è un giornale di cassa OPI (radice «{excerpt(local_name(root.tag))}», attesa «{ROOT}»)")
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
        bill_number=f"{year}/{bill}" if bill else "",
    )


@dataclass
class OpiHeader:
    """The ``testata_messaggio`` of a journal (OPI_GLOBAL ctTestata_messaggio): the treasurer's bank and the
    Ente as SIOPE+ knows them. The defaults are a made-up bank and Ente of the right shapes."""

    abi: str = "03069"  # codice_ABI_BT, 5 digits
    ente_code: str = "UFABCD"  # codice_ente: the IPA code of the Ente's office, [A-Z0-9]{6}
    ente_name: str = "Ente di prova"  # descrizione_ente
    istat_code: str = "000705018"  # codice_istat_ente (SIOPE), 9-15 digits
    fiscal_code: str = "01199250158"  # codice_fiscale_ente
    ente_gateway: str = "A2A-12345678"  # codice_tramite_ente
    bank_gateway: str = "A2A-87654321"  # codice_tramite_BT
    bank_ente_code: str = "1234567"  # codice_ente_BT
    created: datetime | None = None  # data_ora_creazione_flusso (default: now)


# The sandbox's signature key: the journal carries a real xmldsig Signature (enveloped, SHA-256 digest of the
# canonical document, HMAC-SHA256 value), checkable with this key; a treasurer's would be an RSA one.
SANDBOX_SIGNATURE_KEY = b"mypay-desk-sandbox-tesoriere"
_DS = "http://www.w3.org/2000/09/xmldsig#"
_C14N2 = "http://www.w3.org/2010/xml-c14n2"


def write_opi(year: str, account: str, movements: list[dict], flow_id: str = "GDC-2024010112345678901#001#001",
              reference_date: date | None = None, header: OpiHeader | None = None) -> bytes:
    """A giornale di cassa valid against OPI 1.6.1 (OPI_GIORNALE_DI_CASSA_V_1_6_1.XSD), elements in schema
    order: testata_messaggio, identificativo_flusso_BT, pagina, pagine_totali, esercizio,
    data_riferimento_GdC, one informazioni_conto_evidenza with its movements and totals, the overall totals,
    and the ds:Signature the schema requires. Used by the sandbox and the tests.

    ``movements``: dicts with the ELEMENTS keys movement_type, document_type, operation, document_number,
    document_progressive, amount (text), bill_number, bill_number_storno, movement_date, value_date,
    execution_type, end_to_end_id, customer_name, causale; movement_number is their position unless given."""
    import base64
    import hmac
    import xml.etree.ElementTree as ET
    from datetime import datetime as _dt

    head = header or OpiHeader()
    e = ELEMENTS
    root = ET.Element(ROOT)

    def sub(parent, tag: str, text: str | None = None):
        el = ET.SubElement(parent, tag)
        if text is not None:
            el.text = text
        return el

    t = sub(root, "testata_messaggio")
    created = (head.created or _dt.now()).replace(microsecond=0)
    for tag, value in (("codice_ABI_BT", head.abi), ("data_ora_creazione_flusso", created.isoformat()),
                       ("codice_ente", head.ente_code), ("descrizione_ente", head.ente_name),
                       ("codice_istat_ente", head.istat_code), ("codice_fiscale_ente", head.fiscal_code),
                       ("codice_tramite_ente", head.ente_gateway), ("codice_tramite_BT", head.bank_gateway),
                       ("codice_ente_BT", head.bank_ente_code)):
        sub(t, tag, value)
    sub(root, e["flow_id"], flow_id)
    sub(root, "pagina", "1")
    sub(root, "pagine_totali", "1")
    sub(root, e["year"], year)
    sub(root, "data_riferimento_GdC", (reference_date or created.date()).isoformat())
    block = sub(root, e["account_block"])
    sub(block, e["account"], account)
    credits = debits = 0
    for n, mv in enumerate(movements, start=1):
        m = sub(block, e["movement"])
        sub(m, "identificativo_flusso", flow_id)
        sub(m, "numero_movimento", str(mv.get("movement_number", n)))
        for key in ("movement_type", "document_type", "operation", "document_number"):
            sub(m, e[key], str(mv[key]))
        sub(m, e["document_progressive"], str(mv.get("document_progressive") or "1"))
        sub(m, e["amount"], str(mv["amount"]))
        for key in ("bill_number", "bill_number_storno"):
            if mv.get(key) not in (None, ""):
                sub(m, e[key], str(mv[key]))
        sub(m, e["movement_date"], mv["movement_date"])
        sub(m, "data_movimento_siope", mv.get("siope_date") or mv["movement_date"])
        if mv.get("value_date"):
            sub(m, e["value_date"], mv["value_date"])
        sub(m, e["execution_type"], mv.get("execution_type") or "SEPA CREDIT TRANSFER")
        if mv.get("end_to_end_id"):
            sub(m, e["end_to_end_id"], mv["end_to_end_id"])
        sub(m, "assoggettamento_bollo", mv.get("stamp_duty") or "ESENTE BOLLO")
        sub(sub(m, e["customer"]), e["customer_name"], mv.get("customer_name") or "NON INDICATO")
        sub(m, e["causale"], mv.get("causale") or "NON INDICATA")
        cents = parse_flow_amount(str(mv["amount"]))
        sign = -1 if mv["operation"] == OPERATION_REVERSAL else 1 if mv["operation"] == OPERATION_CREDIT else 0
        if mv["movement_type"] == "ENTRATA":
            credits += sign * cents
        else:
            debits += sign * cents
    totals = [(format_flow_amount(0)), format_flow_amount(credits), format_flow_amount(debits),
              format_flow_amount(credits - debits)]
    for tag, value in zip(("saldo_precedente_conto_evidenza", "totale_entrate_conto_evidenza",
                           "totale_uscite_conto_evidenza", "saldo_finale_conto_evidenza"), totals, strict=True):
        sub(block, tag, value)
    for tag, value in zip(("saldo_complessivo_precedente", "totale_complessivo_entrate", "totale_complessivo_uscite",
                           "saldo_complessivo_finale"), totals, strict=True):
        sub(root, tag, value)

    # Enveloped signature: the digest of the (indented) document without it, then the signature of SignedInfo.
    ET.register_namespace("ds", _DS)
    ET.indent(root, "  ")
    digest = hashlib.sha256(ET.canonicalize(ET.tostring(root, encoding="unicode")).encode("utf-8")).digest()
    sig = ET.SubElement(root, f"{{{_DS}}}Signature")
    info = ET.SubElement(sig, f"{{{_DS}}}SignedInfo")
    ET.SubElement(info, f"{{{_DS}}}CanonicalizationMethod", Algorithm=_C14N2)
    ET.SubElement(info, f"{{{_DS}}}SignatureMethod", Algorithm="http://www.w3.org/2001/04/xmldsig-more#hmac-sha256")
    ref = ET.SubElement(info, f"{{{_DS}}}Reference", URI="")
    transforms = ET.SubElement(ref, f"{{{_DS}}}Transforms")
    ET.SubElement(transforms, f"{{{_DS}}}Transform", Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature")
    ET.SubElement(transforms, f"{{{_DS}}}Transform", Algorithm=_C14N2)
    ET.SubElement(ref, f"{{{_DS}}}DigestMethod", Algorithm="http://www.w3.org/2001/04/xmlenc#sha256")
    ET.SubElement(ref, f"{{{_DS}}}DigestValue").text = base64.b64encode(digest).decode()
    value = ET.SubElement(sig, f"{{{_DS}}}SignatureValue")
    ET.indent(sig, "  ", level=1)
    signed = ET.canonicalize(ET.tostring(info, encoding="unicode")).encode("utf-8")
    value.text = base64.b64encode(hmac.new(SANDBOX_SIGNATURE_KEY, signed, hashlib.sha256).digest()).decode()
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
