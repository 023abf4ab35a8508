"""SOAP 1.1 as MyPay's entity web service speaks it (mypay4-interfaces.md §1, protocol pins).

Deliberately independent of the client's ``formats/soap.py``: the sandbox checks what a client sends
against the reference (namespaces, qualified/unqualified children) instead of sharing its code, so a
mistake on one side shows up in the integration tests instead of being mirrored.

- Request: ``soapenv:Envelope`` / optional ``soapenv:Header/ppthead:intestazionePPT/codIpaEnte``
  (unqualified child) / ``soapenv:Body/ppt:<operation>`` with *unqualified* children. Children in a
  namespace are ignored as JAXB would (so they count as missing) and reported in diagnostics.
- Response: ``ppt:<operation>Risposta`` with unqualified children: ``fault`` (faultBean) first when
  present, then ``esito`` for the operations that have it, then the fields in XSD order.
- Payload XML inside base64 fields: root and every child qualified in ``pay_i``.
Everything coming in is parsed with the hardened parser (no DTDs, no entities).
"""

from __future__ import annotations

import base64
import binascii
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from xml.sax.saxutils import escape

from mypay_desk.domain.debts import Accertamento, Capitolo, DebtRecord
from mypay_desk.domain.money import format_flow_amount
from mypay_desk.formats.xmlsafe import XmlError, local_name, parse_xml

NS_SOAP = "http://schemas.xmlsoap.org/soap/envelope/"
NS_PPT = "http://www.regione.veneto.it/pagamenti/ente/"
NS_PPTHEAD = "http://www.regione.veneto.it/pagamenti/ente/ppthead"
NS_PAY_I = "http://www.regione.veneto.it/schemas/2012/Pagamenti/Ente/"
CONTENT_TYPE = "text/xml; charset=utf-8"
PAYLOAD_VERSION = "6.2.0"

_AMOUNT_RE = re.compile(r"\d{1,12}(\.\d{1,2})?")


class EnvelopeError(ValueError):
    """The request cannot be read as a SOAP envelope (answered with a SOAP 1.1 Fault, HTTP 500)."""

    def __init__(self, message: str, *, client: bool = True):
        super().__init__(message)
        self.client = client


class PayloadError(ValueError):
    """A base64 payload (Versamento, Dovuti) is not valid XML of the schema: PAA_XML_NON_VALIDO."""


@dataclass
class Request:
    operation: str
    header_ipa: str | None  # None: no intestazionePPT in the ppthead namespace
    body: ET.Element
    ignored: list[str] = field(default_factory=list)  # qualified children JAXB would skip

    def _child(self, name: str) -> ET.Element | None:
        for c in self.body:
            if c.tag == name:  # unqualified only
                return c
        return None

    def text(self, name: str) -> str | None:
        c = self._child(name)
        if c is None:
            return None
        return (c.text or "").strip()

    def get(self, name: str, default: str = "") -> str:
        value = self.text(name)
        return default if value is None else value

    def flag(self, name: str) -> bool | None:
        value = self.text(name)
        if value is None or value == "":
            return None
        return value.lower() in ("true", "1")

    def body_ipa(self) -> str:
        return self.get("codIpaEnte")

    def missing_hint(self, name: str) -> str:
        """A hint when a required child is absent but was sent qualified."""
        if name in self.ignored:
            return f" (l'elemento {name} è stato inviato con un namespace: i figli dell'operazione vanno " \
                   "senza namespace)"
        return ""


def parse_envelope(data: bytes) -> Request:
    try:
        root = parse_xml(data, "richiesta SOAP")
    except XmlError as exc:
        raise EnvelopeError(str(exc)) from exc
    if root.tag != f"{{{NS_SOAP}}}Envelope":
        raise EnvelopeError(f"L'elemento radice deve essere Envelope nel namespace {NS_SOAP} "
                            f"(ricevuto {root.tag})")
    header_ipa: str | None = None
    header = root.find(f"{{{NS_SOAP}}}Header")
    if header is not None:
        intest = header.find(f"{{{NS_PPTHEAD}}}intestazionePPT")
        if intest is not None:
            cod = intest.find("codIpaEnte")
            header_ipa = (cod.text or "").strip() if cod is not None else ""
    body = root.find(f"{{{NS_SOAP}}}Body")
    if body is None or len(body) == 0:
        raise EnvelopeError("Busta SOAP senza Body o con Body vuoto")
    op = body[0]
    if not op.tag.startswith(f"{{{NS_PPT}}}"):
        raise EnvelopeError(f"L'operazione {local_name(op.tag)} deve essere nel namespace {NS_PPT} "
                            f"(ricevuto {op.tag})")
    ignored = [local_name(c.tag) for c in op if c.tag.startswith("{")]
    return Request(operation=local_name(op.tag), header_ipa=header_ipa, body=op, ignored=ignored)


# --- responses ---------------------------------------------------------------------------------

@dataclass
class Fault:
    code: str
    string: str
    id: str = ""
    description: str | None = None
    serial: int | None = None


FieldValue = str | int | bool | None | list


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat(timespec="milliseconds") if value.microsecond else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _emit(parts: list[str], fields: Iterable[tuple[str, FieldValue]], prefix: str = "") -> None:
    for name, value in fields:
        if value is None:
            continue
        tag = f"{prefix}:{name}" if prefix else name
        if isinstance(value, list):
            parts.append(f"<{tag}>")
            _emit(parts, value, prefix)
            parts.append(f"</{tag}>")
        else:
            parts.append(f"<{tag}>{escape(_text(value))}</{tag}>")


def build_response(operation: str, fields: Sequence[tuple[str, FieldValue]] = (), *,
                   fault: Fault | None = None, esito: str | None = None) -> bytes:
    parts = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<soapenv:Envelope xmlns:soapenv="{NS_SOAP}"><soapenv:Header/><soapenv:Body>',
             f'<ppt:{operation}Risposta xmlns:ppt="{NS_PPT}">']
    if fault is not None:
        _emit(parts, [("fault", [
            ("faultCode", fault.code), ("faultString", fault.string), ("id", fault.id),
            ("description", fault.description), ("serial", fault.serial),
        ])])
    if esito is not None:
        _emit(parts, [("esito", esito)])
    _emit(parts, fields)
    parts.append(f"</ppt:{operation}Risposta></soapenv:Body></soapenv:Envelope>")
    return "".join(parts).encode("utf-8")


def build_soap_fault(message: str, *, client: bool = True) -> bytes:
    code = "soapenv:Client" if client else "soapenv:Server"
    return (f'<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="{NS_SOAP}"><soapenv:Body>'
            f"<soapenv:Fault><faultcode>{code}</faultcode><faultstring>{escape(message)}</faultstring>"
            "</soapenv:Fault></soapenv:Body></soapenv:Envelope>").encode()


def build_payload(root: str, fields: Sequence[tuple[str, FieldValue]]) -> bytes:
    """Payload XML (``pay_i`` namespace, every element qualified) for a base64 field."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>', f'<pay_i:{root} xmlns:pay_i="{NS_PAY_I}">']
    _emit(parts, fields, "pay_i")
    parts.append(f"</pay_i:{root}>")
    return "".join(parts).encode("utf-8")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str | None, what: str) -> bytes:
    if not text:
        raise PayloadError(f"Il campo {what} è vuoto")
    try:
        return base64.b64decode("".join(text.split()), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise PayloadError(f"Il campo {what} non è base64 valido") from exc


# --- payload parsing ---------------------------------------------------------------------------

def _q(name: str) -> str:
    return f"{{{NS_PAY_I}}}{name}"


def _kids(el: ET.Element | None, name: str) -> list[ET.Element]:
    if el is None:
        return []
    found = [c for c in el if c.tag == _q(name)]
    if not found and any(local_name(c.tag) == name for c in el):
        raise PayloadError(f"L'elemento {name} deve essere nel namespace {NS_PAY_I}")
    return found


def _kid(el: ET.Element | None, name: str) -> ET.Element | None:
    found = _kids(el, name)
    return found[0] if found else None


def _t(el: ET.Element | None, name: str) -> str:
    c = _kid(el, name)
    return (c.text or "").strip() if c is not None else ""


def _cents(text: str, what: str, *, required: bool = True) -> int | None:
    if not text:
        if required:
            raise PayloadError(f"{what}: importo mancante")
        return None
    if not _AMOUNT_RE.fullmatch(text):
        raise PayloadError(f"{what}: importo «{text}» non valido (formato 1234.56)")
    return int(Decimal(text) * 100)


def _payer_into(rec: DebtRecord, el: ET.Element | None) -> None:
    if el is None:
        return
    ident = _kid(el, "identificativoUnivocoPagatore")
    rec.debtor_type = _t(ident, "tipoIdentificativoUnivoco").upper()
    rec.debtor_code = _t(ident, "codiceIdentificativoUnivoco").upper()
    rec.debtor_name = _t(el, "anagraficaPagatore")
    rec.address = _t(el, "indirizzoPagatore")
    rec.civic = _t(el, "civicoPagatore")
    rec.postal_code = _t(el, "capPagatore")
    rec.city = _t(el, "localitaPagatore")
    rec.province = _t(el, "provinciaPagatore").upper()
    rec.country = _t(el, "nazionePagatore").upper()
    rec.email = _t(el, "e-mailPagatore")


def _bilancio(el: ET.Element | None) -> list[Capitolo] | None:
    if el is None:
        return None
    out = []
    for cap in _kids(el, "capitolo"):
        accs = [Accertamento(amount_cents=_cents(_t(a, "importo"), "bilancio") or 0, code=_t(a, "codAccertamento"))
                for a in _kids(cap, "accertamento")]
        out.append(Capitolo(code=_t(cap, "codCapitolo"), office=_t(cap, "codUfficio"), accertamenti=accs))
    return out or None


# The XSD sequences (PagInf_Dovuti_Pagati_6_2_0.xsd) of the payloads the portal receives: element ->
# (allowed children in order, required children). MyPay unmarshals against the XSD, so an unknown,
# misplaced or missing element makes the whole payload invalid (PAA_XML_NON_VALIDO).
_PAYER = (("identificativoUnivocoPagatore", "anagraficaPagatore", "indirizzoPagatore", "civicoPagatore",
           "capPagatore", "localitaPagatore", "provinciaPagatore", "nazionePagatore", "e-mailPagatore"),
          ("identificativoUnivocoPagatore", "anagraficaPagatore"))
_SINGLE = ("identificativoUnivocoDovuto", "importoSingoloVersamento", "commissioneCaricoPA",
           "identificativoTipoDovuto", "causaleVersamento", "datiSpecificiRiscossione")
_STRUCTURE: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]] = {
    ("Versamento", "Versamento"): (("versioneOggetto", "soggettoPagatore", "datiVersamento", "azione"),
                                   ("versioneOggetto", "datiVersamento", "azione")),
    ("Versamento", "datiVersamento"): (("dataEsecuzionePagamento", "tipoVersamento", "identificativoUnivocoVersamento",
                                        "identificativoUnivocoDovuto", "importoSingoloVersamento",
                                        "commissioneCaricoPA", "identificativoTipoDovuto", "causaleVersamento",
                                        "datiSpecificiRiscossione", "bilancio"),
                                       ("importoSingoloVersamento", "identificativoTipoDovuto", "causaleVersamento",
                                        "datiSpecificiRiscossione")),
    ("Dovuti", "Dovuti"): (("versioneOggetto", "soggettoPagatore", "datiVersamento"),
                           ("versioneOggetto", "soggettoPagatore", "datiVersamento")),
    ("Dovuti", "datiVersamento"): (("tipoVersamento", "identificativoUnivocoVersamento", "datiSingoloVersamento"),
                                   ("tipoVersamento", "datiSingoloVersamento")),
    ("Dovuti", "datiSingoloVersamento"): ((*_SINGLE, "datiMarcaBolloDigitale", "bilancio"),
                                          tuple(n for n in _SINGLE if n != "commissioneCaricoPA")),
    ("*", "soggettoPagatore"): _PAYER,
    ("*", "identificativoUnivocoPagatore"): (("tipoIdentificativoUnivoco", "codiceIdentificativoUnivoco"),
                                             ("tipoIdentificativoUnivoco", "codiceIdentificativoUnivoco")),
    ("*", "bilancio"): (("capitolo",), ("capitolo",)),
    ("*", "capitolo"): (("codCapitolo", "codUfficio", "accertamento"), ("codCapitolo", "accertamento")),
    ("*", "accertamento"): (("codAccertamento", "importo"), ("importo",)),
}


def _check_structure(el: ET.Element, root: str, path: str) -> None:
    spec = _STRUCTURE.get((root, local_name(el.tag))) or _STRUCTURE.get(("*", local_name(el.tag)))
    if spec is None:
        return
    allowed, required = spec
    last = -1
    seen: set[str] = set()
    for child in el:
        name = local_name(child.tag)
        if child.tag != _q(name):
            raise PayloadError(f"{path}/{name}: l'elemento deve essere nel namespace {NS_PAY_I}")
        if name not in allowed:
            raise PayloadError(f"{path}: elemento {name} non previsto dallo schema (ammessi: {', '.join(allowed)})")
        index = allowed.index(name)
        if index < last:
            raise PayloadError(f"{path}: l'elemento {name} è fuori ordine (ordine dello schema: {', '.join(allowed)})")
        last = index
        seen.add(name)
        _check_structure(child, root, f"{path}/{name}")
    missing = [r for r in required if r not in seen]
    if missing:
        raise PayloadError(f"{path}: manca l'elemento {missing[0]}")


def _root(data: bytes, name: str) -> ET.Element:
    try:
        root = parse_xml(data, name)
    except XmlError as exc:
        raise PayloadError(str(exc)) from exc
    if root.tag != _q(name):
        raise PayloadError(f"Atteso l'elemento {name} nel namespace {NS_PAY_I}, ricevuto {root.tag}")
    _check_structure(root, name, name)
    return root


@dataclass
class VersamentoIn:
    record: DebtRecord
    action: str
    has_payer: bool


def parse_versamento(data: bytes) -> VersamentoIn:
    """``pay_i:Versamento`` (paaSILImportaDovuto) as a DebtRecord plus azione."""
    root = _root(data, "Versamento")
    rec = DebtRecord()
    payer = _kid(root, "soggettoPagatore")
    _payer_into(rec, payer)
    dv = _kid(root, "datiVersamento")
    if dv is None:
        raise PayloadError("Manca datiVersamento")
    due = _t(dv, "dataEsecuzionePagamento")
    if due:
        try:
            rec.due_date = date.fromisoformat(due[:10])
        except ValueError as exc:
            raise PayloadError(f"dataEsecuzionePagamento «{due}» non valida (aaaa-mm-gg)") from exc
    rec.payment_type = _t(dv, "tipoVersamento").upper()
    rec.iuv = _t(dv, "identificativoUnivocoVersamento")
    rec.iud = _t(dv, "identificativoUnivocoDovuto")
    rec.amount_cents = _cents(_t(dv, "importoSingoloVersamento"), "importoSingoloVersamento") or 0
    rec.pa_fee_cents = _cents(_t(dv, "commissioneCaricoPA"), "commissioneCaricoPA", required=False)
    rec.debt_type = _t(dv, "identificativoTipoDovuto")
    rec.causale = _t(dv, "causaleVersamento")
    rec.collection_data = _t(dv, "datiSpecificiRiscossione")
    rec.bilancio = _bilancio(_kid(dv, "bilancio"))
    action = _t(root, "azione").upper()
    rec.action = action
    return VersamentoIn(record=rec, action=action, has_payer=payer is not None)


@dataclass
class DovutiIn:
    records: list[DebtRecord]
    iuv: str
    payment_type: str


def parse_dovuti(data: bytes) -> DovutiIn:
    """``pay_i:Dovuti`` (paaSILInviaDovuti): one record per datiSingoloVersamento, sharing the payer."""
    root = _root(data, "Dovuti")
    payer = _kid(root, "soggettoPagatore")
    if payer is None:
        raise PayloadError("Manca soggettoPagatore")
    dv = _kid(root, "datiVersamento")
    if dv is None:
        raise PayloadError("Manca datiVersamento")
    singles = _kids(dv, "datiSingoloVersamento")
    if not 1 <= len(singles) <= 5:
        raise PayloadError(f"datiSingoloVersamento: da 1 a 5 elementi, ricevuti {len(singles)}")
    out = []
    for s in singles:
        rec = DebtRecord()
        _payer_into(rec, payer)
        rec.payment_type = _t(dv, "tipoVersamento").upper()
        rec.iud = _t(s, "identificativoUnivocoDovuto")
        rec.amount_cents = _cents(_t(s, "importoSingoloVersamento"), "importoSingoloVersamento") or 0
        rec.pa_fee_cents = _cents(_t(s, "commissioneCaricoPA"), "commissioneCaricoPA", required=False)
        rec.debt_type = _t(s, "identificativoTipoDovuto")
        rec.causale = _t(s, "causaleVersamento")
        rec.collection_data = _t(s, "datiSpecificiRiscossione")
        rec.bilancio = _bilancio(_kid(s, "bilancio"))
        out.append(rec)
    return DovutiIn(records=out, iuv=_t(dv, "identificativoUnivocoVersamento"),
                    payment_type=_t(dv, "tipoVersamento").upper())


# --- payload building --------------------------------------------------------------------------

def payer_fields(rec: DebtRecord) -> list[tuple[str, FieldValue]]:
    return [
        ("identificativoUnivocoPagatore", [("tipoIdentificativoUnivoco", rec.debtor_type or "F"),
                                           ("codiceIdentificativoUnivoco", rec.debtor_code)]),
        ("anagraficaPagatore", rec.debtor_name),
        ("indirizzoPagatore", rec.address or None),
        ("civicoPagatore", rec.civic or None),
        ("capPagatore", rec.postal_code or None),
        ("localitaPagatore", rec.city or None),
        ("provinciaPagatore", rec.province or None),
        ("nazionePagatore", rec.country or None),
        ("e-mailPagatore", rec.email or None),
    ]


def bilancio_fields(bilancio: list[Capitolo] | None) -> list[tuple[str, FieldValue]] | None:
    if not bilancio:
        return None
    return [("capitolo", [("codCapitolo", c.code), ("codUfficio", c.office or None),
                          *[("accertamento", [("codAccertamento", a.code or None),
                                              ("importo", format_flow_amount(a.amount_cents))])
                            for a in c.accertamenti]])
            for c in bilancio]


def build_dovuti(rec: DebtRecord, iuv: str) -> bytes:
    """``pay_i:Dovuti`` describing one open position (paaSILChiediPosizioniAperte)."""
    return build_payload("Dovuti", [
        ("versioneOggetto", PAYLOAD_VERSION),
        ("soggettoPagatore", payer_fields(rec)),
        ("datiVersamento", [
            ("tipoVersamento", rec.payment_type or "ALL"),
            ("identificativoUnivocoVersamento", iuv or None),
            ("datiSingoloVersamento", [
                ("identificativoUnivocoDovuto", rec.iud),
                ("importoSingoloVersamento", format_flow_amount(rec.amount_cents)),
                ("commissioneCaricoPA", format_flow_amount(rec.pa_fee_cents) if rec.pa_fee_cents is not None
                 else None),
                ("identificativoTipoDovuto", rec.debt_type),
                ("causaleVersamento", rec.causale),
                ("datiSpecificiRiscossione", rec.collection_data),
                ("bilancio", bilancio_fields(rec.bilancio)),
            ]),
        ]),
    ])
