"""Hardened XML parsing for everything that comes from outside (portal replies, FdR, OPI, receipts).

DTDs, entity declarations and external references are refused outright (defusedxml), so entity
expansion ("billion laughs") and external entities (XXE) never reach us. Sizes are capped.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as _defused_fromstring

MAX_XML_BYTES = 200 * 1024 * 1024


class XmlError(ValueError):
    """The XML is malformed or hostile; the message names the source and the reason."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


def parse_xml(data: bytes | str, source: str = "XML") -> ET.Element:
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > MAX_XML_BYTES:
        raise XmlError(source, f"documento troppo grande ({len(data)} byte)")
    try:
        return _defused_fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise XmlError(source, f"XML rifiutato perché contiene costrutti pericolosi (DTD o entità): {exc}") from exc
    except ET.ParseError as exc:
        raise XmlError(source, f"XML non valido: {exc}") from exc


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
