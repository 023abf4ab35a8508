"""The ``bilancio`` column of MyPay import flows (tracciato 1_2+).

Written as namespace-less XML (MyPay adds ``pay_i`` when it parses it, §2.3)::

    <bilancio><capitolo><codCapitolo>C1</codCapitolo><codUfficio>U1</codUfficio>
      <accertamento><codAccertamento>A1</codAccertamento><importo>10.00</importo></accertamento>
    </capitolo></bilancio>

(element order as ctBilancio/ctCapitolo/ctAccertamento; codUfficio and codAccertamento are optional).
Parsing goes through :func:`mypay_desk.formats.xmlsafe.parse_xml` and accepts any namespace.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from mypay_desk.domain.debts import Accertamento, Capitolo
from mypay_desk.domain.money import MoneyError, format_flow_amount, parse_flow_amount
from mypay_desk.formats.xmlsafe import XmlError, local_name, parse_xml

MAX_BILANCIO_CHARS = 4096


class BilancioError(ValueError):
    """The bilancio text is not a valid <bilancio> document; the message says what is wrong."""


def _text(value: str) -> str:
    # "&quot;" keeps double quotes off the CSV line: MyPay's split counts them (see import_flow.split_line).
    return escape(value, {'"': "&quot;"})


def bilancio_xml(bilancio: list[Capitolo] | None) -> str:
    """The flow text of a bilancio ("" when there is none)."""
    if not bilancio:
        return ""
    parts = ["<bilancio>"]
    for cap in bilancio:
        parts.append(f"<capitolo><codCapitolo>{_text(cap.code)}</codCapitolo>")
        if cap.office:
            parts.append(f"<codUfficio>{_text(cap.office)}</codUfficio>")
        for acc in cap.accertamenti:
            parts.append("<accertamento>")
            if acc.code:
                parts.append(f"<codAccertamento>{_text(acc.code)}</codAccertamento>")
            parts.append(f"<importo>{format_flow_amount(acc.amount_cents)}</importo></accertamento>")
        parts.append("</capitolo>")
    parts.append("</bilancio>")
    return "".join(parts)


def parse_bilancio(text: str, source: str = "bilancio") -> list[Capitolo] | None:
    """Parse the bilancio column; "" gives None. Raises BilancioError naming what is wrong."""
    text = (text or "").strip()
    if not text:
        return None
    if len(text) > MAX_BILANCIO_CHARS:
        raise BilancioError(f"Il bilancio è lungo {len(text)} caratteri: al massimo {MAX_BILANCIO_CHARS}")
    try:
        root = parse_xml(text, source)
    except XmlError as exc:
        raise BilancioError(f"Il bilancio non è XML valido ({exc.reason})") from exc
    if local_name(root.tag) != "bilancio":
        raise BilancioError(f"Il bilancio deve iniziare con <bilancio>, non <{local_name(root.tag)}>")
    chapters: list[Capitolo] = []
    for cap_el in root:
        if local_name(cap_el.tag) != "capitolo":
            raise BilancioError(f"Elemento <{local_name(cap_el.tag)}> inatteso in <bilancio>: ammesso <capitolo>")
        cap = Capitolo(code="")
        for el in cap_el:
            name = local_name(el.tag)
            if name == "codCapitolo":
                cap.code = (el.text or "").strip()
            elif name == "codUfficio":
                cap.office = (el.text or "").strip()
            elif name == "accertamento":
                cap.accertamenti.append(_accertamento(el, len(chapters) + 1))
            else:
                raise BilancioError(f"Elemento <{name}> inatteso in <capitolo>")
        if not cap.code:
            raise BilancioError(f"Capitolo {len(chapters) + 1}: manca <codCapitolo>")
        if not cap.accertamenti:
            raise BilancioError(f"Capitolo {cap.code}: manca almeno un <accertamento>")
        chapters.append(cap)
    if not chapters:
        raise BilancioError("Il bilancio non contiene nessun <capitolo>")
    return chapters


def _accertamento(el, chapter_no: int) -> Accertamento:
    code = ""
    amount_text = None
    for child in el:
        name = local_name(child.tag)
        if name == "codAccertamento":
            code = (child.text or "").strip()
        elif name == "importo":
            amount_text = (child.text or "").strip()
        else:
            raise BilancioError(f"Elemento <{name}> inatteso in <accertamento>")
    if amount_text is None:
        raise BilancioError(f"Capitolo {chapter_no}: un <accertamento> non ha <importo>")
    try:
        amount = parse_flow_amount(amount_text)
    except MoneyError as exc:
        raise BilancioError(f"Capitolo {chapter_no}: {exc}") from exc
    return Accertamento(amount_cents=amount, code=code)
