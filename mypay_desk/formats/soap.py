"""MyPay entity web service (PagamentiTelematiciDovutiPagati): SOAP 1.1 envelopes and payload XML.

Pure: bytes in, bytes or plain values out. Used by the portal client and by the simulator.
Facts: mypay4-interfaces.md §1 and the protocol pins. Request element ``<op>`` and response element
``<op>Risposta`` live in the ``ppt`` namespace with unqualified children; errors are data inside the
response (``fault``), except that a SOAP 1.1 Fault may come back for an unparseable envelope.
Payload XML inside the base64 fields (``Versamento``, ``Dovuti``, ``PagatiConRicevuta``) uses the
``pay_i`` namespace with qualified elements, in the XSD order (PagInf_Dovuti_Pagati_6_2_0.xsd).
"""

from __future__ import annotations

import base64
import binascii
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from defusedxml import DefusedXmlException

from mypay_desk.domain.money import format_flow_amount, parse_flow_amount
from mypay_desk.formats.xmlsafe import XmlError, child_text, local_name, parse_xml

NS_SOAP = "http://schemas.xmlsoap.org/soap/envelope/"
NS_PPT = "http://www.regione.veneto.it/pagamenti/ente/"
NS_PPTHEAD = "http://www.regione.veneto.it/pagamenti/ente/ppthead"
NS_PAY_I = "http://www.regione.veneto.it/schemas/2012/Pagamenti/Ente/"

# Operations whose codIpaEnte travels in the intestazionePPT header (mypay4-interfaces.md §1.1).
HEADER_OPERATIONS = frozenset({
    "paaSILInviaDovuti",
    "paaSILInviaCarrelloDovuti",
    "paaSILVerificaAvviso",
    "paaSILImportaDovuto",
    "paaSILAutorizzaImportFlusso",
    "paaSILChiediStatoImportFlusso",
    "paaSILPrenotaExportFlusso",
    "paaSILPrenotaExportFlussoScaduti",
    "paaSILPrenotaExportFlussoIncrementaleConRicevuta",
    "paaSILChiediStatoExportFlusso",
    "paaSILChiediStatoExportFlussoScaduti",
})

# Our choice: the payload schema's version (not found pinned anywhere for Versamento/Dovuti).
PAYLOAD_VERSION = "6.2.0"
CONTENT_TYPE = "text/xml; charset=utf-8"

for _prefix, _ns in (("soapenv", NS_SOAP), ("ppt", NS_PPT), ("ppthead", NS_PPTHEAD), ("pay_i", NS_PAY_I)):
    ET.register_namespace(_prefix, _ns)

class SoapError(ValueError):
    """A reply that is not a usable response of the expected operation.

    ``kind``: ``malformed`` (not XML / not an envelope), ``hostile`` (DTD or entities, refused),
    ``soap_fault`` (a SOAP 1.1 Fault instead of a response), ``unexpected`` (another element).
    """

    def __init__(self, kind: str, message: str, *, fault_code: str = "", fault_string: str = ""):
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.fault_code = fault_code
        self.fault_string = fault_string


@dataclass(frozen=True)
class Fault:
    """faultBean: the error carried inside a normal response."""

    code: str
    string: str = ""
    id: str = ""
    description: str = ""
    serial: str = ""
    original_code: str = ""
    original_string: str = ""
    original_description: str = ""


@dataclass
class SoapResponse:
    operation: str
    fault: Fault | None
    esito: str
    element: ET.Element
    fields: dict[str, str] = field(default_factory=dict)

    def get(self, name: str, default: str = "") -> str:
        return self.fields.get(name, default)

    def children(self, name: str) -> list[ET.Element]:
        return [c for c in self.element if local_name(c.tag) == name]


@dataclass
class SoapRequest:
    operation: str
    header_cod_ipa: str
    element: ET.Element
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def cod_ipa(self) -> str:
        """codIpaEnte from the header, else from the body."""
        return self.header_cod_ipa or self.fields.get("codIpaEnte", "")


# --- envelopes ----------------------------------------------------------------------------------

def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _append_fields(parent: ET.Element, fields: Iterable[tuple[str, object]], ns: str | None = None) -> None:
    """Values: text, bool, number, date(time); None is omitted; a list of pairs nests elements.
    A name in Clark notation (``{ns}name``) keeps its own namespace."""
    for name, value in fields:
        if value is None:
            continue
        tag = name if name.startswith("{") or not ns else f"{{{ns}}}{name}"
        el = ET.SubElement(parent, tag)
        if isinstance(value, list | tuple):
            _append_fields(el, value, ns)
        else:
            el.text = _text(value)


def _envelope(header_cod_ipa: str | None) -> tuple[ET.Element, ET.Element]:
    env = ET.Element(f"{{{NS_SOAP}}}Envelope")
    header = ET.SubElement(env, f"{{{NS_SOAP}}}Header")
    if header_cod_ipa is not None:
        intest = ET.SubElement(header, f"{{{NS_PPTHEAD}}}intestazionePPT")
        ET.SubElement(intest, "codIpaEnte").text = header_cod_ipa
    body = ET.SubElement(env, f"{{{NS_SOAP}}}Body")
    return env, body


def _serialize(root: ET.Element) -> bytes:
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def build_request(operation: str, cod_ipa: str, fields: Sequence[tuple[str, object]]) -> bytes:
    """A request envelope. ``fields`` are the body children in XSD order; operations that do not
    use the header must list ``codIpaEnte`` among them where their XSD puts it."""
    env, body = _envelope(cod_ipa if operation in HEADER_OPERATIONS else None)
    op = ET.SubElement(body, f"{{{NS_PPT}}}{operation}")
    _append_fields(op, fields)
    return _serialize(env)


def build_response(operation: str, fields: Sequence[tuple[str, object]] = (), fault: Fault | None = None,
                   esito: str | None = None) -> bytes:
    """A response envelope ``<op>Risposta``: optional fault, then esito, then the fields."""
    env, body = _envelope(None)
    op = ET.SubElement(body, f"{{{NS_PPT}}}{operation}Risposta")
    if fault is not None:
        _append_fields(op, [("fault", [
            ("faultCode", fault.code), ("faultString", fault.string), ("id", fault.id),
            ("description", fault.description or None), ("serial", fault.serial or None),
            ("originalFaultCode", fault.original_code or None),
            ("originalFaultString", fault.original_string or None),
            ("originalDescription", fault.original_description or None),
        ])])
    if esito is not None:
        ET.SubElement(op, "esito").text = esito
    _append_fields(op, fields)
    return _serialize(env)


def build_soap_fault(code: str, message: str) -> bytes:
    """A SOAP 1.1 Fault (``soapenv:Client`` / ``soapenv:Server``), for envelopes that cannot be read."""
    env = ET.Element(f"{{{NS_SOAP}}}Envelope")
    body = ET.SubElement(env, f"{{{NS_SOAP}}}Body")
    fault = ET.SubElement(body, f"{{{NS_SOAP}}}Fault")
    ET.SubElement(fault, "faultcode").text = code if ":" in code else f"soapenv:{code}"
    ET.SubElement(fault, "faultstring").text = message
    return _serialize(env)


def _parse_envelope(data: bytes, source: str) -> ET.Element:
    """The first element inside soap Body; SOAP Faults raise SoapError(kind='soap_fault')."""
    try:
        root = parse_xml(data, source)
    except XmlError as exc:
        kind = "hostile" if isinstance(exc.__cause__, DefusedXmlException) else "malformed"
        raise SoapError(kind, str(exc)) from exc
    if root.tag != f"{{{NS_SOAP}}}Envelope":
        raise SoapError("malformed", f"{source}: la risposta non è una busta SOAP 1.1 ({local_name(root.tag)})")
    body = root.find(f"{{{NS_SOAP}}}Body")
    if body is None or len(body) == 0:
        raise SoapError("malformed", f"{source}: busta SOAP senza contenuto (Body vuoto o assente)")
    first = body[0]
    if first.tag == f"{{{NS_SOAP}}}Fault":
        code = child_text(first, "faultcode")
        text = child_text(first, "faultstring")
        raise SoapError("soap_fault", f"{source}: SOAP Fault {code}: {text}", fault_code=code, fault_string=text)
    return first


def _flat_fields(el: ET.Element) -> dict[str, str]:
    """Text of the direct children that have no children of their own (first occurrence wins)."""
    out: dict[str, str] = {}
    for c in el:
        name = local_name(c.tag)
        if len(c) == 0 and name not in out:
            out[name] = (c.text or "").strip()
    return out


def parse_response(data: bytes, operation: str) -> SoapResponse:
    el = _parse_envelope(data, f"risposta a {operation}")
    if el.tag != f"{{{NS_PPT}}}{operation}Risposta" and local_name(el.tag) != f"{operation}Risposta":
        raise SoapError("unexpected",
                        f"risposta a {operation}: attesa {operation}Risposta, ricevuto {local_name(el.tag)}")
    fault = None
    for c in el:
        if local_name(c.tag) == "fault":
            fault = Fault(
                code=child_text(c, "faultCode"), string=child_text(c, "faultString"), id=child_text(c, "id"),
                description=child_text(c, "description"), serial=child_text(c, "serial"),
                original_code=child_text(c, "originalFaultCode"),
                original_string=child_text(c, "originalFaultString"),
                original_description=child_text(c, "originalDescription"),
            )
            break
    fields = _flat_fields(el)
    return SoapResponse(operation=operation, fault=fault, esito=fields.get("esito", ""), element=el, fields=fields)


def parse_request(data: bytes) -> SoapRequest:
    """For the server side: operation name, header codIpaEnte, and the body's simple fields."""
    try:
        root = parse_xml(data, "richiesta SOAP")
    except XmlError as exc:
        kind = "hostile" if isinstance(exc.__cause__, DefusedXmlException) else "malformed"
        raise SoapError(kind, str(exc)) from exc
    if root.tag != f"{{{NS_SOAP}}}Envelope":
        raise SoapError("malformed", "la richiesta non è una busta SOAP 1.1")
    header_ipa = ""
    header = root.find(f"{{{NS_SOAP}}}Header")
    if header is not None:
        for h in header:
            if local_name(h.tag) == "intestazionePPT":
                header_ipa = child_text(h, "codIpaEnte")
    body = root.find(f"{{{NS_SOAP}}}Body")
    if body is None or len(body) == 0:
        raise SoapError("malformed", "busta SOAP senza Body")
    el = body[0]
    return SoapRequest(operation=local_name(el.tag), header_cod_ipa=header_ipa, element=el,
                       fields=_flat_fields(el))


# --- base64 fields ------------------------------------------------------------------------------

def b64encode(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64decode(text: str, what: str = "campo base64") -> bytes:
    try:
        return base64.b64decode("".join((text or "").split()), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise SoapError("malformed", f"{what}: base64 non valido") from exc


# --- payload XML (pay_i) ------------------------------------------------------------------------

@dataclass
class Payer:
    """soggettoPagatore."""

    type: str  # F | G
    code: str
    name: str
    address: str = ""
    civic: str = ""
    postal_code: str = ""
    city: str = ""
    province: str = ""
    country: str = ""
    email: str = ""


@dataclass
class BilancioChapter:
    capitolo: str
    ufficio: str = ""
    accertamenti: list[tuple[str, int]] = field(default_factory=list)  # (codAccertamento, cents)


@dataclass
class DovutoItem:
    """One datiSingoloVersamento of a Dovuti (or the data of a Versamento)."""

    iud: str
    amount_cents: int
    debt_type: str
    causale: str
    collection_data: str
    pa_fee_cents: int | None = None
    bilancio: list[BilancioChapter] = field(default_factory=list)


@dataclass
class Versamento:
    """The payload of paaSILImportaDovuto (ctVersamento).

    No flagGeneraIuv here: ctVersamento has it commented out (PagInf_Dovuti_Pagati_6_2_0.xsd), so a
    Versamento carrying it fails the schema; the flag travels in the request body
    (``paaSILImportaDovuto/flagGeneraIuv``, pa-per-ente.wsdl), see MyPayClient.importa_dovuto."""

    item: DovutoItem
    action: str  # I | M | A | S
    payer: Payer | None = None
    iuv: str = ""
    due_date: date | None = None
    payment_type: str = ""


def _payer_fields(p: Payer) -> list[tuple[str, object]]:
    return [
        ("identificativoUnivocoPagatore", [("tipoIdentificativoUnivoco", p.type),
                                           ("codiceIdentificativoUnivoco", p.code)]),
        ("anagraficaPagatore", p.name),
        ("indirizzoPagatore", p.address or None),
        ("civicoPagatore", p.civic or None),
        ("capPagatore", p.postal_code or None),
        ("localitaPagatore", p.city or None),
        ("provinciaPagatore", p.province or None),
        ("nazionePagatore", p.country or None),
        ("e-mailPagatore", p.email or None),
    ]


def _bilancio_fields(chapters: list[BilancioChapter]) -> list[tuple[str, object]] | None:
    if not chapters:
        return None
    out: list[tuple[str, object]] = []
    for ch in chapters:
        cap: list[tuple[str, object]] = [("codCapitolo", ch.capitolo), ("codUfficio", ch.ufficio or None)]
        for code, cents in ch.accertamenti:
            cap.append(("accertamento", [("codAccertamento", code or None), ("importo", format_flow_amount(cents))]))
        out.append(("capitolo", cap))
    return out


def build_versamento(v: Versamento) -> bytes:
    """``pay_i:Versamento`` for paaSILImportaDovuto (XSD order of ctVersamento/ctDatiVersamento)."""
    it = v.item
    root = ET.Element(f"{{{NS_PAY_I}}}Versamento")
    _append_fields(root, [
        ("versioneOggetto", PAYLOAD_VERSION),
        ("soggettoPagatore", _payer_fields(v.payer) if v.payer else None),
        ("datiVersamento", [
            ("dataEsecuzionePagamento", v.due_date),
            ("tipoVersamento", v.payment_type or "ALL"),
            ("identificativoUnivocoVersamento", v.iuv or None),
            ("identificativoUnivocoDovuto", it.iud),
            ("importoSingoloVersamento", format_flow_amount(it.amount_cents)),
            ("commissioneCaricoPA", format_flow_amount(it.pa_fee_cents) if it.pa_fee_cents is not None else None),
            ("identificativoTipoDovuto", it.debt_type),
            ("causaleVersamento", it.causale),
            ("datiSpecificiRiscossione", it.collection_data),
            ("bilancio", _bilancio_fields(it.bilancio)),
        ]),
        ("azione", v.action),
    ], NS_PAY_I)
    return _serialize(root)


def build_dovuti(payer: Payer, items: Sequence[DovutoItem], iuv: str = "", payment_type: str = "") -> bytes:
    """``pay_i:Dovuti`` for paaSILInviaDovuti (1 to 5 datiSingoloVersamento)."""
    if not 1 <= len(items) <= 5:
        raise ValueError("Dovuti: da 1 a 5 dovuti per pagamento")
    root = ET.Element(f"{{{NS_PAY_I}}}Dovuti")
    singles = [("datiSingoloVersamento", [
        ("identificativoUnivocoDovuto", it.iud),
        ("importoSingoloVersamento", format_flow_amount(it.amount_cents)),
        ("commissioneCaricoPA", format_flow_amount(it.pa_fee_cents) if it.pa_fee_cents is not None else None),
        ("identificativoTipoDovuto", it.debt_type),
        ("causaleVersamento", it.causale),
        ("datiSpecificiRiscossione", it.collection_data),
        ("bilancio", _bilancio_fields(it.bilancio)),
    ]) for it in items]
    _append_fields(root, [
        ("versioneOggetto", PAYLOAD_VERSION),
        ("soggettoPagatore", _payer_fields(payer)),
        ("datiVersamento", [("tipoVersamento", payment_type or "ALL"),
                            ("identificativoUnivocoVersamento", iuv or None), *singles]),
    ], NS_PAY_I)
    return _serialize(root)


def _parse_payload(data: bytes, what: str) -> ET.Element:
    try:
        return parse_xml(data, what)
    except XmlError as exc:
        kind = "hostile" if isinstance(exc.__cause__, DefusedXmlException) else "malformed"
        raise SoapError(kind, str(exc)) from exc


def _child(el: ET.Element | None, name: str) -> ET.Element | None:
    if el is None:
        return None
    for c in el:
        if local_name(c.tag) == name:
            return c
    return None


def _children(el: ET.Element | None, name: str) -> list[ET.Element]:
    return [] if el is None else [c for c in el if local_name(c.tag) == name]


def _ct(el: ET.Element | None, name: str) -> str:
    return child_text(el, name) if el is not None else ""


def _amount(text: str, what: str) -> int:
    try:
        return parse_flow_amount(text) if text else 0
    except ValueError as exc:
        raise SoapError("malformed", f"{what}: importo «{text}» non valido") from exc


def _parse_payer(el: ET.Element | None) -> Payer | None:
    if el is None:
        return None
    ident = _child(el, "identificativoUnivocoPagatore")
    return Payer(
        type=_ct(ident, "tipoIdentificativoUnivoco"), code=_ct(ident, "codiceIdentificativoUnivoco"),
        name=_ct(el, "anagraficaPagatore"), address=_ct(el, "indirizzoPagatore"), civic=_ct(el, "civicoPagatore"),
        postal_code=_ct(el, "capPagatore"), city=_ct(el, "localitaPagatore"),
        province=_ct(el, "provinciaPagatore"), country=_ct(el, "nazionePagatore"), email=_ct(el, "e-mailPagatore"),
    )


def _parse_bilancio(el: ET.Element | None) -> list[BilancioChapter]:
    out = []
    for cap in _children(el, "capitolo"):
        out.append(BilancioChapter(
            capitolo=_ct(cap, "codCapitolo"), ufficio=_ct(cap, "codUfficio"),
            accertamenti=[(_ct(a, "codAccertamento"), _amount(_ct(a, "importo"), "bilancio"))
                          for a in _children(cap, "accertamento")],
        ))
    return out


def parse_versamento(data: bytes) -> Versamento:
    root = _parse_payload(data, "Versamento")
    if local_name(root.tag) != "Versamento":
        raise SoapError("unexpected", f"atteso Versamento, ricevuto {local_name(root.tag)}")
    dv = _child(root, "datiVersamento")
    due = _ct(dv, "dataEsecuzionePagamento")
    try:
        due_date = date.fromisoformat(due) if due else None
    except ValueError as exc:
        raise SoapError("malformed", f"Versamento: data «{due}» non valida") from exc
    fee = _ct(dv, "commissioneCaricoPA")
    return Versamento(
        item=DovutoItem(
            iud=_ct(dv, "identificativoUnivocoDovuto"),
            amount_cents=_amount(_ct(dv, "importoSingoloVersamento"), "Versamento"),
            debt_type=_ct(dv, "identificativoTipoDovuto"), causale=_ct(dv, "causaleVersamento"),
            collection_data=_ct(dv, "datiSpecificiRiscossione"),
            pa_fee_cents=_amount(fee, "Versamento") if fee else None,
            bilancio=_parse_bilancio(_child(dv, "bilancio")),
        ),
        action=_ct(root, "azione"), payer=_parse_payer(_child(root, "soggettoPagatore")),
        iuv=_ct(dv, "identificativoUnivocoVersamento"), due_date=due_date,
        payment_type=_ct(dv, "tipoVersamento"),
    )


@dataclass
class DovutiData:
    payer: Payer | None
    iuv: str
    payment_type: str
    items: list[DovutoItem]


def parse_dovuti(data: bytes) -> DovutiData:
    root = _parse_payload(data, "Dovuti")
    if local_name(root.tag) != "Dovuti":
        raise SoapError("unexpected", f"atteso Dovuti, ricevuto {local_name(root.tag)}")
    dv = _child(root, "datiVersamento")
    items = []
    for s in _children(dv, "datiSingoloVersamento"):
        fee = _ct(s, "commissioneCaricoPA")
        items.append(DovutoItem(
            iud=_ct(s, "identificativoUnivocoDovuto"),
            amount_cents=_amount(_ct(s, "importoSingoloVersamento"), "Dovuti"),
            debt_type=_ct(s, "identificativoTipoDovuto"), causale=_ct(s, "causaleVersamento"),
            collection_data=_ct(s, "datiSpecificiRiscossione"),
            pa_fee_cents=_amount(fee, "Dovuti") if fee else None,
            bilancio=_parse_bilancio(_child(s, "bilancio")),
        ))
    return DovutiData(payer=_parse_payer(_child(root, "soggettoPagatore")), iuv=_ct(dv, "identificativoUnivocoVersamento"),
                      payment_type=_ct(dv, "tipoVersamento"), items=items)


@dataclass
class PaidItem:
    iud: str
    amount_cents: int
    outcome: str
    outcome_date: date | None
    iur: str
    causale: str = ""
    index: int | None = None


@dataclass
class PagatiData:
    """PagatiConRicevuta (or Pagati): who paid what, by which PSP."""

    receipt_id: str
    receipt_datetime: datetime | None
    outcome_code: str  # 0 eseguito, 1 non eseguito, 2 parziale, 3/4 decorrenza termini
    total_paid_cents: int
    iuv: str
    payment_context: str
    psp_name: str
    payer: Payer | None
    items: list[PaidItem]

    @property
    def paid(self) -> bool:
        return self.outcome_code in ("0", "2") and self.total_paid_cents > 0


def parse_pagati(data: bytes) -> PagatiData:
    root = _parse_payload(data, "PagatiConRicevuta")
    if local_name(root.tag) not in ("PagatiConRicevuta", "Pagati"):
        raise SoapError("unexpected", f"atteso PagatiConRicevuta, ricevuto {local_name(root.tag)}")
    dp = _child(root, "datiPagamento")
    items = []
    for s in _children(dp, "datiSingoloPagamento"):
        d = _ct(s, "dataEsitoSingoloPagamento")
        try:
            outcome_date = date.fromisoformat(d[:10]) if d else None
        except ValueError:
            outcome_date = None
        idx = _ct(s, "indiceDatiSingoloPagamento")
        items.append(PaidItem(
            iud=_ct(s, "identificativoUnivocoDovuto"),
            amount_cents=_amount(_ct(s, "singoloImportoPagato"), "PagatiConRicevuta"),
            outcome=_ct(s, "esitoSingoloPagamento"), outcome_date=outcome_date,
            iur=_ct(s, "identificativoUnivocoRiscossione"), causale=_ct(s, "causaleVersamento"),
            index=int(idx) if idx.isdigit() else None,
        ))
    dt = _ct(root, "dataOraMessaggioRicevuta")
    try:
        receipt_dt = datetime.fromisoformat(dt) if dt else None
    except ValueError:
        receipt_dt = None
    ist = _child(root, "istitutoAttestante")
    return PagatiData(
        receipt_id=_ct(root, "identificativoMessaggioRicevuta"), receipt_datetime=receipt_dt,
        outcome_code=_ct(dp, "codiceEsitoPagamento"),
        total_paid_cents=_amount(_ct(dp, "importoTotalePagato"), "PagatiConRicevuta"),
        iuv=_ct(dp, "identificativoUnivocoVersamento"), payment_context=_ct(dp, "codiceContestoPagamento"),
        psp_name=_ct(ist, "denominazioneAttestante"), payer=_parse_payer(_child(root, "soggettoPagatore")),
        items=items,
    )
