"""Reconciliation as the CLI and the UI see it: reports, summaries, results and the four records side by side."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from mypay_desk.domain import reconciliation as rules
from mypay_desk.domain.money import format_amount
from mypay_desk.formats import fdr
from mypay_desk.store.repositories import reconciliation as repo

if TYPE_CHECKING:  # pragma: no cover
    from mypay_desk.services.workspace import Workspace


KIND_FDR, KIND_OPI, KIND_CSV = "FDR", "OPI", "BANK_CSV"
KIND_LABELS = {KIND_FDR: "Flussi di rendicontazione (FdR)", KIND_OPI: "Giornale di cassa OPI",
               KIND_CSV: "Estratto conto CSV", "MISTO": "File misti"}


# --- value types for the CLI and the UI ----------------------------------------------------------

@dataclass
class ImportIssue:
    source: str
    message: str


@dataclass
class ImportReport:
    file: str
    kind: str = ""
    already_imported: bool = False
    files: int = 0  # documents read (XML in a ZIP or folder, or the one file)
    flows: int = 0
    flows_new: int = 0
    lines_new: int = 0
    movements: int = 0
    movements_new: int = 0
    ignored: int = 0  # treasury movements that are not credits (debits, USCITA, REGOLARIZZATO, ...)
    errors: list[ImportIssue] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def records(self) -> int:
        return self.flows + self.movements

    @property
    def new(self) -> int:
        return self.flows_new + self.movements_new

    @property
    def duplicates(self) -> int:
        return self.records - self.new

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file, "kind": self.kind, "kind_label": KIND_LABELS.get(self.kind, ""),
            "already_imported": self.already_imported,
            "records": self.records, "new": self.new, "duplicates": self.duplicates,
            "flows": self.flows, "flows_new": self.flows_new, "lines_new": self.lines_new,
            "movements": self.movements, "movements_new": self.movements_new, "ignored": self.ignored,
            "errors": [asdict(e) for e in self.errors], "warnings": list(self.warnings),
        }

    def add(self, other: ImportReport) -> None:
        if self.kind and other.kind and self.kind != other.kind:
            self.kind = "MISTO"
        else:
            self.kind = self.kind or other.kind
        for name in ("files", "flows", "flows_new", "lines_new", "movements", "movements_new", "ignored"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)
        self.warnings.extend(other.warnings)


@dataclass
class RunReport:
    keys: int = 0  # payment keys examined
    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    seconds: float = 0.0
    incremental: bool = False  # only the keys whose inputs changed since the last run were classified

    @property
    def changed(self) -> int:
        return self.inserted + self.updated + self.deleted

    def to_json(self) -> dict[str, Any]:
        return {"keys": self.keys, "inserted": self.inserted, "updated": self.updated, "deleted": self.deleted,
                "incremental": self.incremental, "seconds": round(self.seconds, 3)}


@dataclass
class CodeSummary:
    code: str
    label: str
    count: int
    amount_cents: int
    resolved: int
    anomaly: bool

    @property
    def open(self) -> int:
        return self.count - self.resolved


@dataclass
class ResultItem:
    id: int
    code: str
    label: str
    key: str
    iuv: str
    iuf: str
    iud: str
    amount_cents: int
    date: date | None
    payer: str
    note: str
    resolved: bool
    resolved_by: str
    resolved_at: datetime | None
    updated_at: datetime | None
    debt_id: int | None = None
    receipt_id: int | None = None
    fdr_line_id: int | None = None
    treasury_id: int | None = None

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        for k in ("date", "resolved_at", "updated_at"):
            d[k] = d[k].isoformat() if d[k] else None
        return d


@dataclass
class RecordView:
    """One of the four records of a result, as label/value pairs ready to show."""

    kind: str  # debt | receipt | fdr | treasury
    title: str
    present: bool
    fields: list[tuple[str, str]] = field(default_factory=list)
    missing_reason: str = ""


@dataclass
class ResultDetail:
    item: ResultItem
    records: list[RecordView]
    explanation: str


class ReconciliationServiceBase:
    """The workspace and the Ente every reconciliation use case works on."""

    def __init__(self, ws: Workspace):
        self.ws = ws

    def _ente(self, ente_id: int | None = None):
        return self.ws.ente.get_by_id(ente_id) if ente_id else self.ws.ente.require_current()


# --- views ---------------------------------------------------------------------------------------

EXPLANATIONS = {
    rules.Code.IUD_RT_IUF_TES: "Dovuto, ricevuta, rendicontazione e accredito in tesoreria concordano.",
    rules.Code.IUD_RT_IUF: "Dovuto, ricevuta e rendicontazione concordano; manca l'accredito in tesoreria "
                           "del flusso (o ha un importo diverso).",
    rules.Code.RT_IUF_TES: "Ricevuta, rendicontazione e accredito cumulativo concordano; manca il dovuto "
                           "dell'Ente o ha un importo diverso.",
    rules.Code.RT_IUF: "Ricevuta e rendicontazione concordano.",
    rules.Code.RT_TES: "Ricevuta accreditata singolarmente in tesoreria (causale con lo IUV).",
    rules.Code.RT_NO_IUF: "La ricevuta non ha una rendicontazione del PSP con lo stesso importo.",
    rules.Code.RT_NO_IUD: "Pagamento senza un dovuto dell'Ente corrispondente.",
    rules.Code.IUD_NO_RT: "Dovuto scaduto senza ricevuta, o con una ricevuta di importo diverso.",
    rules.Code.IUV_NO_RT: "Il PSP ha rendicontato un pagamento di cui non c'è la ricevuta.",
    rules.Code.IUF_NO_TES: "Il flusso di rendicontazione non risulta accreditato in tesoreria.",
    rules.Code.IUF_TES_DIV_IMP: "L'accredito in tesoreria del flusso ha un importo diverso dal totale "
                                "rendicontato.",
    rules.Code.TES_NO_IUF_OR_IUV: "Accredito con un riferimento pagoPA (IUF o IUV) che non corrisponde a "
                                  "nessun flusso, ricevuta o dovuto.",
    rules.Code.TES_NO_MATCH: "Accredito senza alcun riferimento pagoPA nella causale.",
    rules.Code.DOPPI: "Lo stesso IUV risulta pagato o rendicontato più volte: l'importo è l'eccedenza.",
}


def result_item(r: dict[str, Any]) -> ResultItem:
    when = r["date"]
    if isinstance(when, str):
        when = date.fromisoformat(when[:10])
    elif isinstance(when, datetime):
        when = when.date()
    return ResultItem(
        id=r["id"], code=r["code"], label=rules.label(r["code"]), key=r["key"], iuv=r["iuv"], iuf=r["iuf"],
        iud=r["iud"] or "", amount_cents=int(r["amount_cents"] or 0), date=when, payer=r["payer"] or "",
        note=r["note"] or "", resolved=bool(r["resolved"]), resolved_by=r["resolved_by"] or "",
        resolved_at=r["resolved_at"], updated_at=r["updated_at"], debt_id=r["debt_id"],
        receipt_id=r["receipt_id"], fdr_line_id=r["fdr_line_id"], treasury_id=r["treasury_id"])


def result_item_from_row(row) -> ResultItem:
    return ResultItem(
        id=row.id, code=row.code, label=rules.label(row.code), key=row.key, iuv=row.iuv, iuf=row.iuf, iud="",
        amount_cents=row.amount_cents, date=None, payer="", note=row.note, resolved=row.resolved,
        resolved_by=row.resolved_by, resolved_at=row.resolved_at, updated_at=row.updated_at,
        debt_id=row.debt_id, receipt_id=row.receipt_id, fdr_line_id=row.fdr_line_id, treasury_id=row.treasury_id)


def _fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "sì" if value else "no"
    if isinstance(value, datetime):
        return f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return str(value)


def _money(cents: int | None) -> str:
    return "" if cents is None else format_amount(cents, currency=True)


def _missing(kind: str, title: str, link_id: int | None, reason: str) -> RecordView:
    if link_id:
        reason = "Il record collegato non è più presente: esegui di nuovo la riconciliazione."
    return RecordView(kind, title, False, [], reason)


def debt_view(d, link_id) -> RecordView:
    title = "Dovuto (notifica dell'Ente)"
    if d is None:
        return _missing("debt", title, link_id, "Nessun dovuto dell'Ente con questo IUV.")
    return RecordView("debt", title, True, [
        ("IUD", d.iud), ("IUV", d.iuv), ("Numero avviso", d.notice_number), ("Debitore", d.debtor_name),
        ("Codice fiscale", d.debtor_code), ("Importo", _money(d.amount_cents)), ("Scadenza", _fmt(d.due_date)),
        ("Tipo dovuto", d.debt_type), ("Causale", d.causale), ("Stato", d.state),
    ])


def receipt_view(r, link_id) -> RecordView:
    title = "Ricevuta (RT)"
    if r is None:
        return _missing("receipt", title, link_id, "Nessuna ricevuta di pagamento con questo IUV.")
    return RecordView("receipt", title, True, [
        ("IUV", r.iuv), ("IUD", r.iud), ("IUR", r.iur), ("Pagatore", r.payer_name), ("Codice fiscale", r.payer_code),
        ("Importo pagato", _money(r.amount_cents)), ("Totale pagato", _money(r.total_paid_cents)),
        ("Data esito", _fmt(r.outcome_date)), ("PSP", r.psp_name or r.psp_id), ("Tipo dovuto", r.debt_type),
        ("Identificativo ricevuta", r.receipt_message_id),
    ])


def fdr_view(s, ente_id: int, row) -> RecordView:
    title = "Rendicontazione PSP (FdR)"
    found = repo.line_record(s, row.fdr_line_id)
    if found is None:
        flow = repo.flow_by_iuf(s, ente_id, row.iuf) if row.iuf and row.code in rules.FLOW_CODES else None
        if flow is None:
            return _missing("fdr", title, row.fdr_line_id, "Nessun flusso di rendicontazione con questo IUV.")
        return RecordView("fdr", title, True, _flow_fields(flow))
    line, flow = found
    return RecordView("fdr", title, True, [
        ("IUV", line.iuv), ("IUR", line.iur), ("Indice", _fmt(line.payment_index)),
        ("Importo", _money(line.amount_cents)),
        ("Esito", f"{line.outcome_code} {fdr.KNOWN_OUTCOMES.get(line.outcome_code, 'codice sconosciuto')}"),
        ("Data esito", _fmt(line.outcome_date)), *_flow_fields(flow),
    ])


def _flow_fields(flow) -> list[tuple[str, str]]:
    return [("Flusso (IUF)", flow.flow_id), ("Data flusso", _fmt(flow.flow_datetime)),
            ("Regolamento", flow.settlement_id), ("Data regolamento", _fmt(flow.settlement_date)),
            ("PSP", flow.sender_name or flow.sender_id), ("Pagamenti nel flusso", str(flow.total_count)),
            ("Totale flusso", _money(flow.total_amount_cents))]


def treasury_view(s, ente_id: int, row) -> RecordView:
    title = "Movimento di tesoreria"
    t = repo.treasury_record(s, row.treasury_id)
    if t is None:
        return _missing("treasury", title, row.treasury_id, "Nessun accredito in tesoreria collegato.")
    fields = [
        ("Fonte", "Giornale di cassa OPI" if t.source_kind == "OPI" else "Estratto conto"),
        ("Tipo", f"{t.movement_type} {t.status}"), ("Data contabile", _fmt(t.book_date)),
        ("Data valuta", _fmt(t.value_date)), ("Importo", _money(t.amount_cents)), ("Ordinante", t.payer),
        ("Causale", t.causale), ("IUF nella causale", t.iuf), ("IUV nella causale", t.iuv),
        ("Documento", t.document_number), ("Conto", t.account),
    ]
    if row.code in rules.FLOW_CODES and row.iuf:
        others = repo.treasury_for_iuf(s, ente_id, row.iuf)
        if len(others) > 1:
            fields.append(("Accrediti per questo flusso", f"{len(others)}, totale "
                                                          f"{_money(sum(o.amount_cents for o in others))}"))
    return RecordView("treasury", title, True, fields)


def iter_codes() -> Iterator[tuple[str, str]]:
    """(code, Italian label) of every classification, in MyPivot's order."""
    for code in rules.ALL_CODES:
        yield code, rules.label(code)

