"""The real schemas (tests/schemas/, see its README) compiled with lxml, to validate what the app and the
sandbox write: SOAP bodies of MyPay's entity web service (pa-per-ente.wsdl), the payloads inside them
(PagInf_Dovuti_Pagati_6_2_0.xsd), receipts (paForNode.xsd paSendRTReq), FdR (FlussoRiversamento 1.0.4)
and the OPI giornale di cassa (1.5.1 and 1.6.1).

``validate(kind, xml_bytes)`` returns the schema's complaints (empty when valid); ``assert_valid`` fails
the test with them. The SOAP envelope itself has no schema here: its header and body children are
validated against the WSDL's own schemas.
"""

from __future__ import annotations

import functools
import os
import tempfile
from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).parent / "schemas"
WSDL = SCHEMAS / "mypay" / "pa-per-ente.wsdl"
NS_SOAP = "http://schemas.xmlsoap.org/soap/envelope/"
_XSD = "http://www.w3.org/2001/XMLSchema"
_WSDL_NS = "http://schemas.xmlsoap.org/wsdl/"


class _LocalSchemas(etree.Resolver):
    """Imports that point outside this folder (paForNode's ``../../xsd-common/...``) are served from it."""

    def resolve(self, system_url, public_id, context):
        path = system_url.removeprefix("file://")
        if os.path.exists(path):
            return None
        found = sorted(SCHEMAS.rglob(os.path.basename(path)))
        return self.resolve_filename(str(found[0]), context) if found else None


def _parser() -> etree.XMLParser:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    parser.resolvers.add(_LocalSchemas())
    return parser


def _compile_file(path: Path) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(path), _parser()))


@functools.cache
def _wsdl_schema_files() -> dict[str, Path]:
    """The WSDL's inline schemas written out as standalone files (the WSDL root's prefixes copied in).

    The ppt schema uses ppthead's stText35 without importing it (WSDL tools let schemas of one
    ``wsdl:types`` see each other); the standalone copy gets that import, nothing else changes."""
    wsdl = etree.parse(str(WSDL), _parser())
    root = wsdl.getroot()
    out_dir = Path(tempfile.mkdtemp(prefix="mypay-wsdl-"))
    files: dict[str, Path] = {}
    names = {NS_PPTHEAD: "ppthead.xsd", NS_PPT: "ppt.xsd"}
    for schema in root.iterfind(f"{{{_WSDL_NS}}}types/{{{_XSD}}}schema"):
        target = schema.get("targetNamespace")
        standalone = etree.Element(schema.tag, attrib=dict(schema.attrib), nsmap={**root.nsmap, **schema.nsmap})
        standalone.extend(etree.fromstring(etree.tostring(schema)).iterchildren())
        for imp in standalone.iterfind(f"{{{_XSD}}}import"):
            location = imp.get("schemaLocation")
            if location:
                imp.set("schemaLocation", (WSDL.parent / location).as_uri())
        if target == NS_PPT:
            imp = etree.Element(f"{{{_XSD}}}import", namespace=NS_PPTHEAD,
                                schemaLocation=(out_dir / names[NS_PPTHEAD]).as_uri())
            standalone.insert(0, imp)
        path = out_dir / names[target]
        etree.ElementTree(standalone).write(str(path), xml_declaration=True, encoding="utf-8")
        files[target] = path
    return files


def _wsdl_schema(target_ns: str) -> etree.XMLSchema:
    return _compile_file(_wsdl_schema_files()[target_ns])


_FILES = {
    "payload": SCHEMAS / "mypay" / "PagInf_Dovuti_Pagati_6_2_0.xsd",  # Versamento, Dovuti, PagatiConRicevuta
    "receipt": SCHEMAS / "pagopa" / "paForNode.xsd",  # paSendRTReq (the rt of a receipt)
    "fdr": SCHEMAS / "pagopa" / "FlussoRiversamento_1_0_4.xsd",
    "opi-1.6.1": SCHEMAS / "opi-1.6.1" / "OPI_GIORNALE_DI_CASSA_V_1_6_1.XSD",
    "opi-1.5.1": SCHEMAS / "opi-1.5.1" / "OPI_GIORNALE_DI_CASSA_V_1_5_1.XSD",
}
NS_PPT = "http://www.regione.veneto.it/pagamenti/ente/"
NS_PPTHEAD = "http://www.regione.veneto.it/pagamenti/ente/ppthead"


@functools.cache
def schema(kind: str) -> etree.XMLSchema:
    if kind == "ppt":
        return _wsdl_schema(NS_PPT)
    if kind == "ppthead":
        return _wsdl_schema(NS_PPTHEAD)
    return _compile_file(_FILES[kind])


def _errors(xsd: etree.XMLSchema, element) -> list[str]:
    if xsd.validate(element):
        return []
    return [f"riga {e.line}: {e.message}" for e in xsd.error_log]


def validate(kind: str, data: bytes | etree._Element) -> list[str]:
    """Schema complaints about ``data`` (a document or element); ``kind`` as in :func:`schema`, or
    ``"soap"`` for an envelope: its header and body children against the WSDL's schemas."""
    element = data if isinstance(data, etree._Element) else etree.fromstring(data, _parser())
    if kind != "soap":
        return _errors(schema(kind), etree.ElementTree(element))
    if element.tag != f"{{{NS_SOAP}}}Envelope":
        return [f"non è una busta SOAP 1.1: {element.tag}"]
    problems: list[str] = []
    for part, ns_kind in (("Header", "ppthead"), ("Body", "ppt")):
        holder = element.find(f"{{{NS_SOAP}}}{part}")
        if holder is None:
            if part == "Body":
                problems.append("Body mancante")
            continue
        for child in holder:
            if child.tag == f"{{{NS_SOAP}}}Fault":
                continue  # SOAP 1.1 Fault: the envelope schema's business, not the WSDL's
            standalone = etree.fromstring(etree.tostring(child))
            problems += [f"{etree.QName(child).localname}: {p}" for p in _errors(schema(ns_kind),
                                                                                  etree.ElementTree(standalone))]
    return problems


def assert_valid(kind: str, data: bytes | etree._Element, what: str = "") -> None:
    problems = validate(kind, data)
    assert not problems, f"{what or kind} non valido per lo schema:\n" + "\n".join(problems[:20])


# Base64 fields of the SOAP bodies that carry XML, and the schema each payload follows.
_PAYLOAD_FIELDS = {"dovuto": "payload", "dovuti": "payload", "dovutiEntiSecondari": "payload", "pagati": "payload",
                   "ctPagatiConRicevuta": "payload", "rt": "receipt"}


def exchange_problems(request: bytes, status: int, reply: bytes, *, requests: bool = True) -> list[str]:
    """Schema complaints about one SOAP exchange: the request and the reply envelopes, and every XML payload
    carried base64-encoded inside them (Versamento, Dovuti, PagatiConRicevuta, the receipt). With
    ``requests=False`` only the reply (for tests that send broken requests on purpose)."""
    import base64

    problems: list[str] = []
    exchange = (("richiesta", request), ("risposta", reply)) if requests else (("risposta", reply),)
    for label, data in exchange:
        try:
            env = etree.fromstring(data, _parser())
        except etree.XMLSyntaxError as exc:
            if label == "richiesta":
                continue  # deliberately broken requests are the sandbox's own tests' business
            problems.append(f"{label}: XML non leggibile ({exc})")
            continue
        problems += [f"{label}: {p}" for p in validate("soap", env)]
        for el in env.iter():
            if not isinstance(el.tag, str):
                continue
            kind = _PAYLOAD_FIELDS.get(etree.QName(el).localname)
            if kind is None or not (el.text or "").strip():
                continue
            try:
                inner = base64.b64decode("".join(el.text.split()), validate=True)
            except ValueError as exc:
                problems.append(f"{label}: {etree.QName(el).localname} non è base64 ({exc})")
                continue
            if not inner.lstrip().startswith(b"<"):
                continue  # not XML (a ZIP, a PDF)
            problems += [f"{label}, {etree.QName(el).localname}: {p}" for p in validate(kind, inner)]
    return problems
