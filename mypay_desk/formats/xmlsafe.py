"""Hardened XML parsing for everything that comes from outside (portal replies, FdR, OPI, receipts).

DTDs, entity declarations and external references are refused outright (defusedxml), so entity
expansion ("billion laughs") and external entities (XXE) never reach us. Sizes and nesting depth are
capped (a 1,000,000-deep nesting would otherwise become a 343 MB tree), and only the encodings our
counterparts use are read: UTF-8, UTF-16 (with or without BOM), ISO-8859-1/15, Windows-1252,
US-ASCII. Any other declared encoding is refused with a clear message instead of reaching Python's
codec machinery (which raises LookupError for names such as "hex" or ValueError for multi-byte ones).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from mypay_desk.domain.excerpt import excerpt

MAX_XML_BYTES = 200 * 1024 * 1024
#: Elements nested deeper are refused: FdR, OPI, receipts and SOAP replies are less than 15 deep.
MAX_XML_DEPTH = 100
#: Declared encodings we read (lower case, without "-" and "_").
ACCEPTED_ENCODINGS = frozenset({"utf8", "utf16", "utf16le", "utf16be", "iso88591", "latin1", "iso885915",
                                "latin9", "windows1252", "cp1252", "usascii", "ascii"})
_DECLARATION_RE = re.compile(r"""^<\?xml\s[^>]*?encoding\s*=\s*["']([^"']{0,60})["']""")


class XmlError(ValueError):
    """The XML is malformed or hostile; the message names the source and the reason."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class _TooDeep(Exception):
    pass


def declared_encoding(data: bytes) -> str | None:
    """The encoding named in the XML declaration (None when there is none), read in whichever of
    UTF-8 or UTF-16 the first bytes show."""
    head = data[:400]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", "replace")
    elif head.startswith(b"<\x00"):
        text = head.decode("utf-16-le", "replace")
    elif head.startswith(b"\x00<"):
        text = head.decode("utf-16-be", "replace")
    else:
        text = head.decode("latin-1").removeprefix("\xef\xbb\xbf")
    m = _DECLARATION_RE.match(text)
    return m.group(1) if m else None


def check_encoding(data: bytes, source: str) -> None:
    """Refuse a declared encoding outside :data:`ACCEPTED_ENCODINGS`."""
    encoding = declared_encoding(data)
    if encoding is not None and re.sub(r"[-_\s]", "", encoding.lower()) not in ACCEPTED_ENCODINGS:
        raise XmlError(source, f"codifica «{excerpt(encoding)}» dichiarata nel documento non supportata: salvalo in "
                               "UTF-8")


def _limit_depth(parser: DefusedXMLParser, source: str) -> None:
    """Wrap the expat start/end handlers to count the nesting and stop at MAX_XML_DEPTH."""
    expat_parser = parser.parser
    start, end = expat_parser.StartElementHandler, expat_parser.EndElementHandler
    depth = 0

    def on_start(*args):
        nonlocal depth
        depth += 1
        if depth > MAX_XML_DEPTH:
            raise _TooDeep()
        return start(*args)

    def on_end(*args):
        nonlocal depth
        depth -= 1
        return end(*args)

    expat_parser.StartElementHandler = on_start
    expat_parser.EndElementHandler = on_end


def parse_xml(data: bytes | str, source: str = "XML") -> ET.Element:
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > MAX_XML_BYTES:
        raise XmlError(source, f"documento troppo grande ({len(data)} byte)")
    check_encoding(data, source)
    try:
        parser = DefusedXMLParser(target=ET.TreeBuilder(), forbid_dtd=True, forbid_entities=True,
                                  forbid_external=True)
        _limit_depth(parser, source)
        parser.feed(data)
        return parser.close()
    except DefusedXmlException as exc:
        raise XmlError(source, f"XML rifiutato perché contiene costrutti pericolosi (DTD o entità): "
                               f"{excerpt(exc, 120)}") from exc
    except _TooDeep:
        raise XmlError(source, f"elementi annidati oltre {MAX_XML_DEPTH} livelli: il documento non è un file "
                               "di questo tipo") from None
    except ET.ParseError as exc:
        raise XmlError(source, f"XML non valido: {excerpt(exc, 160)}") from exc
    except (ValueError, LookupError) as exc:  # expat: "multi-byte encodings are not supported", codecs
        raise XmlError(source, f"XML non leggibile: {excerpt(exc, 160)}") from exc


def local_name(tag: str) -> str:
    """Tag without its namespace: '{ns}name' -> 'name'."""
    return tag.rsplit("}", 1)[-1]


def find_local(elem: ET.Element, name: str) -> ET.Element | None:
    """First descendant (or self) whose local name is ``name``, whatever its namespace."""
    for e in elem.iter():
        if local_name(e.tag) == name:
            return e
    return None


def findall_local(elem: ET.Element, name: str) -> list[ET.Element]:
    return [e for e in elem.iter() if local_name(e.tag) == name]


def text_of(elem: ET.Element | None, name: str, default: str = "") -> str:
    """Text of the first descendant named ``name`` (namespace-agnostic), stripped."""
    if elem is None:
        return default
    found = find_local(elem, name)
    if found is None or found.text is None:
        return default
    return found.text.strip()


def child_text(elem: ET.Element, name: str, default: str = "") -> str:
    """Text of a direct child named ``name`` (namespace-agnostic)."""
    for c in elem:
        if local_name(c.tag) == name:
            return (c.text or "").strip()
    return default
