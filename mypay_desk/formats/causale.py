"""Find the pagoPA references in the causale of a treasury credit or bank-statement line.

Two kinds of credit reach the Ente's account (pagopa-standards.md §3.6):

- cumulative credits ("riversamenti") carry ``/PUR/LGPE-RIVERSAMENTO/URI/<identificativoFlusso>``:
  the IUF of the PSP's FdR. Bank systems mangle it: spaces around or inside ``LGPE-RIVERSAMENTO``
  (``LGPE- RIVERSAMENTO``, ``LGPE -RIVERSAMENTO``, ``L GPE-RIVERSAMENTO``), ``URI`` written as
  ``/URI/`` or `` URI ``, a space inside the date that opens the IUF, ``/TXT/<digit>/`` noise, and
  line wrapping that breaks the IUF after a dash;
- single credits carry the IUV in the EACT form ``/RFB/<IUV>[/<importo>]`` or
  ``/RFS/<RF reference>[/<importo>]`` (§1.5).

When the marker is missing we still recognise an IUF by its shape (``<YYYY-MM-DD><idPSP>-<free>``,
§3.3) after ``URI``, or anywhere as a date glued to a PSP code. The IUF may also arrive truncated
(pagopa-api issue #272); the reconciliation engine resolves a truncated IUF against the flows it
knows by prefix, so here we return what is readable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

IUF_RE = re.compile(r"[A-Za-z0-9_\-]{1,35}")
MAX_IUF = 35

# Every letter of the marker may be followed by stray spaces; the dash may be surrounded by spaces.
_MARKER = re.compile(
    r"L\s*G\s*P\s*E\s*-\s*R\s*I\s*V\s*E\s*R\s*S\s*A\s*M\s*E\s*N\s*T\s*O", re.IGNORECASE
)
_URI = re.compile(r"\s*/?\s*U\s*R\s*I\s*(?:/|\s|:)?\s*", re.IGNORECASE)
_TXT_NOISE = re.compile(r"/\s*TXT\s*/\s*\d\s*/", re.IGNORECASE)
# Date that opens an IUF, tolerating spaces around its dashes (bank line wrapping).
_DATE_HEAD = re.compile(r"(\d{4})\s*-\s*(\d{2})\s*-\s*(\d\s*\d)")
# An IUF found without the marker: a date glued to a PSP code (ABI/BIC/CF), then an optional free part.
_IUF_SHAPE = re.compile(r"(?<![0-9A-Za-z])(\d{4}-\d{2}-\d{2}[A-Z0-9]{4,}(?:[-_][A-Za-z0-9_\-]*)?)")
_RFB = re.compile(r"/\s*RF\s*B\s*/\s*([0-9A-Za-z ]{1,45}?)\s*(?=/|$)", re.IGNORECASE)
_RFS = re.compile(r"/\s*RF\s*S\s*/\s*(R\s*F[0-9A-Za-z ]{1,40}?)\s*(?=/|$)", re.IGNORECASE)
_IUV_WORD = re.compile(r"\bIUV\s*[:.=]?\s*([0-9]{15}|[0-9]{17})(?![0-9])", re.IGNORECASE)
_NOTICE_WORD = re.compile(r"\b(?:AVVISO|NAV|CODICE\s+AVVISO)\s*[:.=]?\s*([0-9 ]{18,23})", re.IGNORECASE)


@dataclass(frozen=True)
class CausaleRefs:
    iuf: str = ""
    iuv: str = ""

    @property
    def found(self) -> bool:
        return bool(self.iuf or self.iuv)


def parse_causale(text: str | None) -> CausaleRefs:
    """The IUF and/or IUV a causale carries ("" when absent)."""
    if not text:
        return CausaleRefs()
    s = " ".join(str(text).split())  # one line, single spaces
    s = _TXT_NOISE.sub("/", s)
    return CausaleRefs(iuf=find_iuf(s), iuv=find_iuv(s))


def find_iuf(text: str) -> str:
    s = _TXT_NOISE.sub("/", " ".join(text.split()))
    m = _MARKER.search(s)
    if m:
        tail = s[m.end():]
        u = _URI.match(tail)
        if u:
            tail = tail[u.end():]
        else:
            tail = tail.lstrip(" /")
        iuf = _read_iuf(tail)
        if iuf:
            return iuf
    # No marker: "URI <iuf>" alone, then an IUF-shaped token anywhere.
    for u in re.finditer(r"(?:^|[\s/])URI\s*[/:\s]\s*", s, re.IGNORECASE):
        iuf = _read_iuf(s[u.end():])
        if iuf and _DATE_HEAD.match(iuf):
            return iuf
    m2 = _IUF_SHAPE.search(s)
    if m2:
        return m2.group(1)[:MAX_IUF]
    return ""


def _read_iuf(tail: str) -> str:
    """Read an IUF at the start of ``tail``: up to the next "/" (or a word that cannot belong to it)."""
    tail = tail.strip()
    head = ""
    d = _DATE_HEAD.match(tail)
    if d:
        head = f"{d.group(1)}-{d.group(2)}-{d.group(3).replace(' ', '')}"
        tail = tail[d.end():]
        # "2024-01-15 ABI03069-..." : the date and the PSP code may be split by wrapping.
        tail = tail.lstrip(" ")
    segment = tail.split("/", 1)[0]
    tokens = segment.split(" ")
    out = head
    for i, tok in enumerate(tokens):
        if not tok:
            continue
        if not re.fullmatch(r"[A-Za-z0-9_\-]+", tok):
            # keep the valid prefix of a token that runs into punctuation
            prefix = re.match(r"[A-Za-z0-9_\-]*", tok).group(0)
            out += prefix
            break
        if i == 0 or out.endswith(("-", "_")) or tok.startswith(("-", "_")) or (
            head and out == head
        ):
            out += tok
            continue
        break  # a separate word after the IUF
    out = out[:MAX_IUF]
    return out if out and IUF_RE.fullmatch(out) and (len(out) > 10 or head) else ""


def find_iuv(text: str) -> str:
    """The IUV of a single credit: /RFB/<iuv>, /RFS/<RF>, "IUV <digits>" or a numero avviso."""
    s = " ".join(text.split())
    m = _RFB.search(s)
    if m:
        iuv = _rfb_reference(m.group(1).strip())
        if iuv:
            return iuv
    m = _RFS.search(s)
    if m:
        iuv = m.group(1).replace(" ", "").upper()
        if re.fullmatch(r"RF\d{2}[0-9A-Z]{1,21}", iuv):
            return iuv
    m = _IUV_WORD.search(s)
    if m:
        return m.group(1)
    m = _NOTICE_WORD.search(s)
    if m:
        nav = m.group(1).replace(" ", "")
        if len(nav) == 18:
            if nav[0] == "0":
                return nav[3:]  # aux 0: application code + 15-digit IUV
            if nav[0] in "123":
                return nav[1:]
    return ""


def _rfb_reference(captured: str) -> str:
    """The IUV after /RFB/: digits broken by spaces are joined, a following word is not."""
    digits = ""
    for tok in captured.split(" "):
        if tok.isdigit() and len(digits) + len(tok) <= 17:
            digits += tok
        else:
            break
    if len(digits) in (15, 17):
        return digits
    first = captured.split(" ")[0]
    return first if re.fullmatch(r"[0-9A-Za-z]{1,35}", first) else ""
