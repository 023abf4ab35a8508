"""The receipt XML carried (base64) in the ``rt`` column of the receipt export: decode and write.

Three shapes occur, all read namespace-agnostically through the hardened parser:

- the pagoPA receipt of the current model, ``paSendRT`` / ``ctReceipt`` (pagopa-standards.md §3.5):
  ``receiptId``, ``noticeNumber``, ``fiscalCode``, ``outcome``, ``creditorReferenceId`` (IUV),
  ``paymentAmount``, ``description``, ``companyName``, ``debtor``, ``transferList/transfer``,
  ``idPSP``, ``PSPCompanyName``, ``idChannel``, ``paymentMethod``, ``fee``, ``paymentDateTime``, ...;
- the legacy RT (``RT``, SACI 1.x) and MyPay's ``Pagati`` / ``PagatiConRicevuta`` (mypay4-interfaces.md
  §1.3), which share ``identificativoMessaggioRicevuta``, ``istitutoAttestante``, ``enteBeneficiario``,
  ``soggettoPagatore`` and ``datiPagamento/datiSingoloPagamento``.

The writer produces a ``paSendRTReq`` (the shape MyPay stores since the move to the new pagoPA
model); the simulator uses it to give its receipts a realistic ``rt``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from mypay_desk.domain.excerpt import excerpt
from mypay_desk.domain.money import format_amount, format_flow_amount
from mypay_desk.formats.xmlsafe import child_text, find_local, findall_local, local_name, parse_xml, text_of

PA_FOR_NODE_NS = "http://pagopa-api.pagopa.gov.it/pa/paForNode.xsd"

OUTCOME_LABELS = {
    # codiceEsitoPagamento (RT / Pagati)
    "0": "Pagamento eseguito",
    "1": "Pagamento non eseguito",
    "2": "Pagamento parzialmente eseguito",
    "3": "Decorrenza termini",
    "4": "Decorrenza termini parziale",
    # outcome (ctReceipt)
    "OK": "Pagamento eseguito",
    "KO": "Pagamento non eseguito",
}


class ReceiptXmlError(ValueError):
    """Well-formed XML that is not a receipt we know."""


@dataclass
class TransferSummary:
    index: int | None
    amount_cents: int | None
    fiscal_code: str = ""  # creditor of this transfer (fiscalCodePA)
    iban: str = ""
    remittance: str = ""  # remittanceInformation / causale
    category: str = ""  # transferCategory (taxonomy) / datiSpecificiRiscossione
    iud: str = ""  # Pagati/RT: identificativoUnivocoDovuto
    iur: str = ""  # identificativoUnivocoRiscossione
    outcome: str = ""
    outcome_date: date | None = None


@dataclass
class ReceiptSummary:
    kind: str  # "paSendRT" | "RT" | "Pagati"
    receipt_id: str = ""
    iuv: str = ""
    notice_number: str = ""
    creditor_fiscal_code: str = ""
    creditor_name: str = ""
    outcome: str = ""  # OK/KO or codiceEsitoPagamento
    amount_cents: int | None = None
    description: str = ""
    debtor_code: str = ""
    debtor_name: str = ""
    payer_code: str = ""
    payer_name: str = ""
    psp_id: str = ""
    psp_name: str = ""
    channel: str = ""
    payment_method: str = ""
    fee_cents: int | None = None
    payment_datetime: datetime | None = None
    application_date: date | None = None
    transfers: list[TransferSummary] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def outcome_label(self) -> str:
        return OUTCOME_LABELS.get(self.outcome, self.outcome)

    def display_rows(self) -> list[tuple[str, str]]:
        """(label, value) pairs in Italian, for the detail pane; empty values are left out."""
        rows: list[tuple[str, str]] = [
            ("Tipo di ricevuta", {"paSendRT": "Ricevuta pagoPA (paSendRT)", "RT": "Ricevuta telematica (RT)",
                                  "Pagati": "Esito MyPay (Pagati)"}.get(self.kind, self.kind)),
            ("Identificativo ricevuta", self.receipt_id),
            ("Esito", self.outcome_label),
            ("IUV", self.iuv),
            ("Numero avviso", self.notice_number),
            ("Importo", format_amount(self.amount_cents, currency=True) if self.amount_cents is not None else ""),
            ("Causale", self.description),
            ("Ente creditore", " - ".join(x for x in (self.creditor_fiscal_code, self.creditor_name) if x)),
            ("Debitore", " - ".join(x for x in (self.debtor_code, self.debtor_name) if x)),
            ("Versante", " - ".join(x for x in (self.payer_code, self.payer_name) if x)),
            ("PSP", " - ".join(x for x in (self.psp_id, self.psp_name) if x)),
            ("Canale", self.channel),
            ("Metodo di pagamento", self.payment_method),
            ("Commissione", format_amount(self.fee_cents, currency=True) if self.fee_cents is not None else ""),
            ("Data e ora pagamento", self.payment_datetime.strftime("%d/%m/%Y %H:%M:%S")
             if self.payment_datetime else ""),
            ("Data applicativa", self.application_date.strftime("%d/%m/%Y") if self.application_date else ""),
        ]
        for t in self.transfers:
            label = f"Versamento {t.index}" if t.index is not None else "Versamento"
            parts = [format_amount(t.amount_cents, currency=True) if t.amount_cents is not None else "",
                     t.iud and f"IUD {t.iud}", t.fiscal_code, t.iban, t.category, t.remittance]
            rows.append((label, " · ".join(p for p in parts if p)))
        for w in self.warnings:
            rows.append(("Avviso", w))
        return [(k, v) for k, v in rows if v]


# --- decoding ----------------------------------------------------------------------------------

def _cents(text: str, what: str, warnings: list[str]) -> int | None:
    s = (text or "").strip()
    if not s:
        return None
    try:
        value = Decimal(s)
    except InvalidOperation:
        warnings.append(f"{what}: importo «{excerpt(s)}» non valido")
        return None
    cents = value * 100
    if cents != cents.to_integral_value():
        warnings.append(f"{what}: importo «{excerpt(s)}» con più di due decimali")
    return int(cents)


def _dt(text: str) -> datetime | None:
    s = (text or "").strip()
    if not s:
        return None
    s = re.sub(r"(\.\d+)?([+-]\d{2}:?\d{2}|Z)?$", "", s.replace(" ", "T", 1))
    for fmt in ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"):
        try:
            return datetime.strptime(s, fmt)
        except ValueError:
            continue
    return None


def _d(text: str) -> date | None:
    dt = _dt(text)
    return dt.date() if dt else None


def _subject(elem: ET.Element | None) -> tuple[str, str]:
    """(code, name) of a ctSubject (uniqueIdentifier + fullName) or an RT soggetto."""
    if elem is None:
        return "", ""
    code = text_of(elem, "entityUniqueIdentifierValue") or text_of(elem, "codiceIdentificativoUnivoco")
    name = (child_text(elem, "fullName") or text_of(elem, "anagraficaPagatore")
            or text_of(elem, "anagraficaVersante"))
    return code, name


def decode_receipt_xml(data: bytes | str, source: str = "ricevuta") -> ReceiptSummary:
    """Summary of a receipt XML. Raises XmlError (malformed/hostile) or ReceiptXmlError (unknown)."""
    root = parse_xml(data, source)
    receipt = root if local_name(root.tag) == "receipt" else find_local(root, "receipt")
    if receipt is not None and find_local(receipt, "receiptId") is not None:
        return _decode_ct_receipt(receipt)
    if find_local(root, "datiPagamento") is not None:
        return _decode_rt(root)
    raise ReceiptXmlError(f"{source}: «{local_name(root.tag)}» non è una ricevuta riconosciuta "
                          "(attesi paSendRT/receipt, RT o Pagati)")


def _decode_ct_receipt(r: ET.Element) -> ReceiptSummary:
    w: list[str] = []
    s = ReceiptSummary(kind="paSendRT", warnings=w)
    s.receipt_id = child_text(r, "receiptId")
    s.notice_number = child_text(r, "noticeNumber")
    s.creditor_fiscal_code = child_text(r, "fiscalCode")
    s.outcome = child_text(r, "outcome")
    s.iuv = child_text(r, "creditorReferenceId")
    s.amount_cents = _cents(child_text(r, "paymentAmount"), "paymentAmount", w)
    s.description = child_text(r, "description")
    s.creditor_name = child_text(r, "companyName")
    s.debtor_code, s.debtor_name = _subject(next((c for c in r if local_name(c.tag) == "debtor"), None))
    s.payer_code, s.payer_name = _subject(next((c for c in r if local_name(c.tag) == "payer"), None))
    s.psp_id = child_text(r, "idPSP")
    s.psp_name = child_text(r, "PSPCompanyName")
    s.channel = child_text(r, "channelDescription") or child_text(r, "idChannel")
    s.payment_method = child_text(r, "paymentMethod")
    s.fee_cents = _cents(child_text(r, "fee"), "fee", w)
    s.payment_datetime = _dt(child_text(r, "paymentDateTime"))
    s.application_date = _d(child_text(r, "applicationDate"))
    for t in findall_local(r, "transfer"):
        idx = child_text(t, "idTransfer")
        s.transfers.append(TransferSummary(
            index=int(idx) if idx.isdigit() else None,
            amount_cents=_cents(child_text(t, "transferAmount"), f"transfer {idx}", w),
            fiscal_code=child_text(t, "fiscalCodePA"),
            iban=child_text(t, "IBAN"),
            remittance=child_text(t, "remittanceInformation"),
            category=child_text(t, "transferCategory"),
        ))
    total = sum(t.amount_cents or 0 for t in s.transfers)
    if s.transfers and s.amount_cents is not None and total != s.amount_cents:
        w.append(f"la somma dei versamenti ({format_amount(total)}) differisce dall'importo "
                 f"({format_amount(s.amount_cents)})")
    return s


def _decode_rt(root: ET.Element) -> ReceiptSummary:
    w: list[str] = []
    kind = "RT" if local_name(root.tag) == "RT" else "Pagati"
    s = ReceiptSummary(kind=kind, warnings=w)
    s.receipt_id = text_of(root, "identificativoMessaggioRicevuta")
    s.payment_datetime = _dt(text_of(root, "dataOraMessaggioRicevuta"))
    att = find_local(root, "istitutoAttestante")
    if att is not None:
        s.psp_id = text_of(att, "codiceIdentificativoUnivoco")
        s.psp_name = text_of(att, "denominazioneAttestante")
    ben = find_local(root, "enteBeneficiario")
    if ben is not None:
        s.creditor_fiscal_code = text_of(ben, "codiceIdentificativoUnivoco")
        s.creditor_name = text_of(ben, "denominazioneBeneficiario")
    else:
        s.creditor_fiscal_code = text_of(root, "identificativoDominio")
    s.debtor_code, s.debtor_name = _subject(find_local(root, "soggettoPagatore"))
    s.payer_code, s.payer_name = _subject(find_local(root, "soggettoVersante"))
    dp = find_local(root, "datiPagamento")
    s.outcome = text_of(dp, "codiceEsitoPagamento")
    s.amount_cents = _cents(text_of(dp, "importoTotalePagato"), "importoTotalePagato", w)
    s.iuv = text_of(dp, "identificativoUnivocoVersamento")
    for i, d in enumerate(findall_local(dp, "datiSingoloPagamento"), start=1):
        idx = child_text(d, "indiceDatiSingoloPagamento")
        s.transfers.append(TransferSummary(
            index=int(idx) if idx.isdigit() else i,
            amount_cents=_cents(child_text(d, "singoloImportoPagato"), f"datiSingoloPagamento {i}", w),
            remittance=child_text(d, "causaleVersamento"),
            category=child_text(d, "datiSpecificiRiscossione"),
            iud=child_text(d, "identificativoUnivocoDovuto"),
            iur=child_text(d, "identificativoUnivocoRiscossione"),
            outcome=child_text(d, "esitoSingoloPagamento"),
            outcome_date=_d(child_text(d, "dataEsitoSingoloPagamento")),
        ))
        if i == 1 and not s.description:
            s.description = s.transfers[0].remittance
    if s.transfers and s.payment_datetime is None and s.transfers[0].outcome_date:
        s.payment_datetime = datetime.combine(s.transfers[0].outcome_date, datetime.min.time())
    return s


# --- writing (simulator) -----------------------------------------------------------------------

@dataclass
class TransferData:
    amount_cents: int
    fiscal_code_pa: str
    iban: str
    remittance: str
    category: str  # taxonomy, e.g. 9/0101108TS/


@dataclass
class ReceiptData:
    """What a paSendRT receipt says; amounts in cents."""

    receipt_id: str
    notice_number: str
    fiscal_code: str  # creditor Ente
    iuv: str
    amount_cents: int
    description: str
    company_name: str
    debtor_type: str  # F | G
    debtor_code: str
    debtor_name: str
    transfers: list[TransferData]
    psp_id: str
    psp_name: str
    channel_id: str = ""
    channel_description: str = "app"
    payment_method: str = "creditCard"
    fee_cents: int | None = None
    payment_datetime: datetime | None = None
    application_date: date | None = None
    transfer_date: date | None = None
    outcome: str = "OK"
    id_pa: str = ""
    id_broker_pa: str = ""
    id_station: str = ""
    debtor_email: str = ""


def write_receipt_xml(r: ReceiptData) -> bytes:
    """A ``paSendRTReq`` with its ``receipt`` (elements in ctReceipt order)."""
    ET.register_namespace("pafn", PA_FOR_NODE_NS)
    req = ET.Element(f"{{{PA_FOR_NODE_NS}}}paSendRTReq")

    def sub(parent: ET.Element, tag: str, text: str | None) -> ET.Element:
        e = ET.SubElement(parent, tag)
        if text is not None:
            e.text = text
        return e

    sub(req, "idPA", r.id_pa or r.fiscal_code)
    sub(req, "idBrokerPA", r.id_broker_pa or r.fiscal_code)
    sub(req, "idStation", r.id_station or f"{r.fiscal_code}_01")
    rec = sub(req, "receipt", None)
    sub(rec, "receiptId", r.receipt_id)
    sub(rec, "noticeNumber", r.notice_number)
    sub(rec, "fiscalCode", r.fiscal_code)
    sub(rec, "outcome", r.outcome)
    sub(rec, "creditorReferenceId", r.iuv)
    sub(rec, "paymentAmount", format_flow_amount(r.amount_cents))
    sub(rec, "description", r.description[:140])
    sub(rec, "companyName", r.company_name[:140])
    debtor = sub(rec, "debtor", None)
    uid = sub(debtor, "uniqueIdentifier", None)
    sub(uid, "entityUniqueIdentifierType", r.debtor_type or "F")
    sub(uid, "entityUniqueIdentifierValue", r.debtor_code or "ANONIMO")
    sub(debtor, "fullName", (r.debtor_name or "ANONIMO")[:70])
    if r.debtor_email:
        sub(debtor, "e-mail", r.debtor_email)
    tl = sub(rec, "transferList", None)
    for i, t in enumerate(r.transfers, start=1):
        te = sub(tl, "transfer", None)
        sub(te, "idTransfer", str(i))
        sub(te, "transferAmount", format_flow_amount(t.amount_cents))
        sub(te, "fiscalCodePA", t.fiscal_code_pa)
        sub(te, "IBAN", t.iban)
        sub(te, "remittanceInformation", t.remittance[:140])
        sub(te, "transferCategory", t.category)
    sub(rec, "idPSP", r.psp_id)
    sub(rec, "PSPCompanyName", r.psp_name)
    sub(rec, "idChannel", r.channel_id or f"{r.psp_id}_01")
    sub(rec, "channelDescription", r.channel_description)
    if r.payment_method:
        sub(rec, "paymentMethod", r.payment_method)
    if r.fee_cents is not None:
        sub(rec, "fee", format_flow_amount(r.fee_cents))
    if r.payment_datetime:
        sub(rec, "paymentDateTime", r.payment_datetime.strftime("%Y-%m-%dT%H:%M:%S"))
    if r.application_date:
        sub(rec, "applicationDate", r.application_date.isoformat())
    if r.transfer_date:
        sub(rec, "transferDate", r.transfer_date.isoformat())
    return ET.tostring(req, encoding="utf-8", xml_declaration=True)
