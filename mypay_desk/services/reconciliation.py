"""Reconciliation: import PSP reporting flows and treasury credits, classify every payment with
MyPivot's codes, and the drill-down, notes, "risolto" marks and exports of the Riconciliazione page.

Imports (``import_file``) recognise the file by its content: FlussoRiversamento XML (one file, a ZIP
of them or a folder), OPI giornale di cassa XML, or a bank-statement CSV (with an optional column
mapping). A file already imported (same SHA-256) adds nothing, and so does every flow (IUF + date and
time) or treasury movement (dedupe key) already stored. A bad or hostile file is refused with the
reason and nothing is written; in a ZIP or a folder the readable documents are imported and each
unreadable one is reported by name.

A run (``run``) is incremental: it classifies everything again (the sources are streamed, not
loaded) but writes only the results whose inputs changed, keeping operator notes and "risolto"
marks. When a payment moves to another code, its note follows it. Rules: domain/reconciliation.py.
"""

from __future__ import annotations

import csv
import hashlib
import heapq
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mypay_desk.domain import reconciliation as rules
from mypay_desk.domain.money import format_amount, format_flow_amount
from mypay_desk.formats import bank_csv, fdr, opi
from mypay_desk.formats.xmlsafe import XmlError, local_name, parse_xml
from mypay_desk.services.errors import NotFoundError, UserError
from mypay_desk.services.progress import NEVER_CANCELLED, CancelToken, ProgressCallback, no_progress
from mypay_desk.store.repositories import reconciliation as repo

if TYPE_CHECKING:  # pragma: no cover
    from mypay_desk.services.workspace import Workspace

MAX_FILE_BYTES = 512 * 1024 * 1024
KIND_FDR, KIND_OPI, KIND_CSV = "FDR", "OPI", "BANK_CSV"
KIND_LABELS = {KIND_FDR: "Flussi di rendicontazione (FdR)", KIND_OPI: "Giornale di cassa OPI",
               KIND_CSV: "Estratto conto CSV", "MISTO": "File misti"}
EXCEL_MAX_ROWS = 1_048_575


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

    @property
    def changed(self) -> int:
        return self.inserted + self.updated + self.deleted

    def to_json(self) -> dict[str, Any]:
        return {"keys": self.keys, "inserted": self.inserted, "updated": self.updated, "deleted": self.deleted,
                "seconds": round(self.seconds, 3)}


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


# --- the service ---------------------------------------------------------------------------------

class ReconciliationService:
    def __init__(self, ws: Workspace):
        self.ws = ws

    def _ente(self, ente_id: int | None = None):
        return self.ws.ente.get_by_id(ente_id) if ente_id else self.ws.ente.require_current()

    # --- imports ---------------------------------------------------------------------------------
    def import_file(self, path: str | os.PathLike, *,
                    mapping: bank_csv.BankCsvMapping | dict[str, str] | str | None = None,
                    ente_id: int | None = None, progress: ProgressCallback = no_progress,
                    cancel: CancelToken = NEVER_CANCELLED) -> ImportReport:
        """Import an FdR XML / ZIP / folder, an OPI giornale di cassa or a bank CSV."""
        ente = self._ente(ente_id)
        mapping = _csv_mapping(mapping)
        p = Path(path)
        if not p.exists():
            raise UserError("file o cartella non trovato", file=str(p))
        if p.is_dir():
            report = ImportReport(file=str(p))
            files = list(fdr.folder_members(p, (".xml", ".zip", ".csv", ".txt")))
            if not files:
                raise UserError("la cartella non contiene file XML, ZIP o CSV", file=str(p))
            for i, f in enumerate(files):
                cancel.raise_if_cancelled()
                progress(i, len(files), f.name)
                try:
                    report.add(self._import_path(f, ente, mapping))
                except UserError as exc:
                    report.errors.append(ImportIssue(str(f), exc.message))
            progress(len(files), len(files), "")
            if not report.records and report.errors:
                raise UserError(f"nessun file importato; {len(report.errors)} rifiutati: "
                                + "; ".join(f"{e.source}: {e.message}" for e in report.errors[:5]), file=str(p))
        else:
            report = self._import_path(p, ente, mapping)
        self.ws.audit("reconcile.import", ente_id=ente.id, entity="imported_file",
                      details={"file": str(p), **{k: v for k, v in report.to_json().items()
                                                  if k not in ("errors", "warnings")}})
        return report

    def _import_path(self, p: Path, ente, mapping) -> ImportReport:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UserError(f"file troppo grande ({size // (1024 * 1024)} MB)", file=str(p))
        data = p.read_bytes()
        return self.import_bytes(data, str(p), mapping=mapping, ente_id=ente.id)

    def import_bytes(self, data: bytes, name: str, *, mapping: bank_csv.BankCsvMapping | None = None,
                     ente_id: int | None = None) -> ImportReport:
        ente = self._ente(ente_id)
        sha = hashlib.sha256(data).hexdigest()
        with self.ws.db.session() as s:
            already = repo.find_imported_file(s, ente.id, sha)
        if already is not None:
            return ImportReport(file=name, kind=already.kind, already_imported=True,
                                warnings=[f"{name}: file già importato il "
                                          f"{already.imported_at:%d/%m/%Y %H:%M}; nulla da aggiungere"])
        flows: list[fdr.FdrFlowData] = []
        records: list[opi.TreasuryRecord] = []
        report = ImportReport(file=name)
        kinds: set[str] = set()
        if fdr.is_zip(data):
            try:
                members = list(fdr.zip_members(data, name, (".xml",)))
            except fdr.FdrError as exc:
                raise UserError(exc.message, file=exc.source) from exc
            if not members:
                raise UserError("l'archivio ZIP non contiene file XML", file=name)
            for m in members:
                try:
                    kinds.add(self._read_xml(m.data, m.source, flows, records, report))
                except (fdr.FdrError, opi.OpiError) as exc:
                    report.errors.append(ImportIssue(exc.source, str(exc)))
            if not flows and not records and report.errors and not report.ignored:
                raise UserError("nessun documento leggibile nell'archivio: "
                                + "; ".join(e.message for e in report.errors[:5]), file=name)
        elif _looks_like_xml(data):
            try:
                kinds.add(self._read_xml(data, name, flows, records, report))
            except (fdr.FdrError, opi.OpiError) as exc:
                raise UserError(str(exc)) from exc
        else:
            try:
                res = bank_csv.parse_bank_csv(data, name, mapping)
            except bank_csv.BankCsvError as exc:
                raise UserError(exc.message, file=name, row=exc.row, column=exc.column or None) from exc
            if res.errors:
                first = res.errors[:20]
                more = f" (e altri {len(res.errors) - 20})" if len(res.errors) > 20 else ""
                raise UserError("righe non leggibili, file non importato: "
                                + "; ".join(f"riga {e.row}, colonna «{e.column}»: {e.message}" for e in first)
                                + more, file=name)
            if not res.records and not res.debits:
                raise UserError("nessun movimento trovato dopo l'intestazione", file=name)
            records.extend(res.records)
            report.ignored += res.debits
            report.files += 1
            kinds.add(KIND_CSV)
        report.kind = kinds.pop() if len(kinds) == 1 else ("MISTO" if kinds else "")
        self._check_receiver(ente, flows, report)
        self._save(ente, name, sha, flows, records, report)
        return report

    def _read_xml(self, data: bytes, source: str, flows: list, records: list, report: ImportReport) -> str:
        try:
            root = parse_xml(data, source)
        except XmlError as exc:
            raise fdr.FdrError(source, exc.reason) from exc
        name = local_name(root.tag)
        report.files += 1
        if opi.is_opi_document(name):
            journal = opi.parse_opi_element(root, source)
            records.extend(journal.records)
            report.ignored += journal.ignored
            return KIND_OPI
        if fdr.is_fdr_document(name):
            flow = fdr.parse_fdr_element(root, source)
            flows.append(flow)
            report.warnings.extend(flow.warnings)
            return KIND_FDR
        raise fdr.FdrError(source, f"documento non riconosciuto (radice «{name}»): attesi un flusso di "
                                   "rendicontazione (FlussoRiversamento) o un giornale di cassa OPI")

    def _check_receiver(self, ente, flows: list[fdr.FdrFlowData], report: ImportReport) -> None:
        """Flows addressed to another Ente are refused one by one."""
        keep = []
        for flow in flows:
            if flow.receiver_id and flow.receiver_id.upper() != ente.fiscal_code.upper():
                report.errors.append(ImportIssue(flow.source, (
                    f"il flusso {flow.flow_id} è destinato al codice fiscale {flow.receiver_id}, "
                    f"non a quello dell'Ente {ente.ipa_code} ({ente.fiscal_code}): non importato")))
            else:
                keep.append(flow)
        if flows and not keep and len(flows) == 1 and not report.records:
            raise UserError(report.errors[-1].message, file=flows[0].source)
        flows[:] = keep

    def _save(self, ente, name: str, sha: str, flows: list[fdr.FdrFlowData], records: list[opi.TreasuryRecord],
              report: ImportReport) -> None:
        report.flows = len(flows)
        report.movements = len(records)
        with self.ws.db.session() as s:
            existing = repo.existing_flows(s, ente.id, (f.flow_id for f in flows))
            seen: set[tuple[str, datetime]] = set()
            for flow in flows:
                key = (flow.flow_id, flow.flow_datetime)
                if key in existing or key in seen:
                    continue
                seen.add(key)
                repo.insert_flow(s, ente.id, flow, flow.source)
                report.flows_new += 1
                report.lines_new += len(flow.lines)
            stored = repo.existing_treasury_keys(s, ente.id, (r.dedupe_key for r in records))
            fresh, keys = [], set()
            for r in records:
                if r.dedupe_key in stored or r.dedupe_key in keys:
                    continue
                keys.add(r.dedupe_key)
                fresh.append(r)
            repo.insert_treasury(s, ente.id, fresh, name)
            report.movements_new = len(fresh)
            if not report.errors:  # a file with refused parts can be imported again once fixed
                kind = report.kind or KIND_FDR
                repo.add_imported_file(s, ente.id, kind, Path(name).name, sha, report.records)

    def preview_csv(self, path: str | os.PathLike, mapping: bank_csv.BankCsvMapping | None = None,
                    rows: int = 8) -> dict[str, Any]:
        """Headers, the recognised mapping and the first rows of a bank CSV (for the mapping dialog)."""
        p = Path(path)
        try:
            with open(p, "rb") as fh:
                head = fh.read(4 * 1024 * 1024)
            if len(head) == 4 * 1024 * 1024 and b"\n" in head:
                head = head[:head.rindex(b"\n") + 1]  # whole lines only (no character cut in half)
            table = bank_csv.read_table(head, mapping, str(p))
        except (OSError, bank_csv.BankCsvError) as exc:
            raise UserError(str(exc), file=str(p)) from exc
        idx, guess = bank_csv.find_header(table, mapping)
        header_row = idx if idx >= 0 else 0
        return {"headers": [c.strip() for c in table[header_row]] if table else [],
                "header_line": header_row + 1, "mapping": guess.to_dict(), "recognised": idx >= 0,
                "rows": table[header_row + 1:header_row + 1 + rows]}

    # --- the engine ----------------------------------------------------------------------------
    def flags(self, ente_id: int | None = None) -> rules.Flags:
        ente = self._ente(ente_id)
        with self.ws.db.session() as s:
            notifications, treasury, mode = repo.ente_flags(s, ente.id)
        # An Ente in "base" mode has no debts on the portal: notification codes would be noise.
        return rules.Flags(notifications=notifications and mode != "base", treasury=treasury)

    def run(self, *, ente_id: int | None = None, as_of: date | None = None,
            progress: ProgressCallback = no_progress, cancel: CancelToken = NEVER_CANCELLED) -> RunReport:
        """Classify every payment key; write only what changed. Cancelling leaves the previous results."""
        ente = self._ente(ente_id)
        flags = self.flags(ente.id)
        as_of = as_of or date.today()
        started = time.perf_counter()
        report = RunReport()
        progress(0, 0, "Lettura dei dati")
        with repo.read_snapshot(self.ws.db, ente.id) as snap:
            # flows: the latest revision of each IUF counts
            current: dict[str, tuple[datetime, int, int]] = {}
            for pk, iuf, when, total in snap.flows():
                if iuf not in current or when > current[iuf][0]:
                    current[iuf] = (when, pk, total)
            known = sorted(current)
            treasury = snap.treasury()
            cancel.raise_if_cancelled()
            effective = rules.effective_credits((t[0], t[1], t[2], t[3]) for t in treasury)
            tes_by_iuf: dict[str, list[int]] = {}
            tes_by_iuv: dict[str, list[int]] = {}
            tes_refs: dict[int, tuple[str, str, str, int]] = {}
            for tid, _status, _kind, _doc, amount, iuf, iuv in treasury:
                if tid not in effective:
                    continue
                resolved = rules.resolve_iuf(iuf, known) if iuf else ""
                if resolved:
                    acc = tes_by_iuf.setdefault(resolved, [0, 0, tid])
                elif iuv:
                    acc = tes_by_iuv.setdefault(iuv, [0, 0, tid])
                else:
                    acc = None
                if acc is not None:
                    acc[0] += 1
                    acc[1] += amount
                tes_refs[tid] = (iuf, resolved, iuv, amount)
            flow_ctx: dict[int, tuple[str, int, int]] = {}
            for iuf, (_when, pk, total) in current.items():
                count, cents, first = tes_by_iuf.get(iuf, (0, 0, 0))
                flow_ctx[pk] = (iuf, rules.flow_tes_state(total, count, cents), first)
            paid_parents, with_paid_child = snap.silenced_debts()
            extra = snap.debts_without_iuv()
            debts: Iterable[tuple] = heapq.merge(snap.debts(), extra) if extra else snap.debts()
            seen_tes: set[str] = set()
            ctx = rules.PassContext(
                flags=flags, as_of=as_of.isoformat(), flows=flow_ctx,
                tes_by_iuv={k: tuple(v) for k, v in tes_by_iuv.items()},
                paid_parents=paid_parents, with_paid_child=with_paid_child, seen_tes_iuvs=seen_tes)
            estimate = max(snap.count_inputs() // 2, 1)
            had_results = snap.has_results()

            def tick(n: int) -> None:
                cancel.raise_if_cancelled()
                progress(min(n, estimate), estimate, "Classificazione dei pagamenti")

            ctx.tick = tick
            payment_groups = rules.classify_payments(debts, snap.receipts(), snap.lines(), ctx)
            with repo.result_writer(self.ws.db, ente.id) as writer:
                if had_results:
                    _apply(payment_groups, snap.stored_results(rules.PAYMENT_CODES), writer)
                else:  # first run: stream every row straight into the table
                    writer.insert_all(row for _key, rows in payment_groups for row in rows)
                report.keys = ctx.keys
                cancel.raise_if_cancelled()
                progress(estimate, estimate, "Flussi e movimenti di tesoreria")
                other = _flow_and_treasury_rows(current, tes_by_iuf, tes_refs, seen_tes, flags)
                _apply(rules.group_sorted(other), snap.stored_results(rules.FLOW_CODES | rules.TREASURY_CODES),
                       writer)
                writer.flush()
                cancel.raise_if_cancelled()  # last chance: leaving the block commits
                report.inserted, report.updated, report.deleted = writer.inserted, writer.updated, writer.deleted
        report.seconds = time.perf_counter() - started
        self.ws.audit("reconcile.run", ente_id=ente.id, details=report.to_json())
        return report

    # --- queries -----------------------------------------------------------------------------
    def summary(self, *, ente_id: int | None = None) -> list[CodeSummary]:
        """Count and amount per code, in MyPivot's order; every code the Ente's flags enable is listed."""
        ente = self._ente(ente_id)
        flags = self.flags(ente.id)
        with self.ws.db.session() as s:
            stored = {code: (n, cents, res) for code, n, cents, res in repo.summary(s, ente.id)}
        out = []
        for code in rules.ALL_CODES:
            if code not in flags.enabled() and code not in stored:
                continue
            n, cents, res = stored.get(code, (0, 0, 0))
            out.append(CodeSummary(code, rules.label(code), n, cents, res, code in rules.ANOMALY_CODES))
        return out

    def summary_json(self, *, ente_id: int | None = None) -> dict[str, Any]:
        return {"codes": {c.code: {"count": c.count, "amount_cents": c.amount_cents, "label": c.label,
                                   "resolved": c.resolved}
                          for c in self.summary(ente_id=ente_id)}}

    def count(self, code: str | None = None, *, search: str = "", only_open: bool = False,
              ente_id: int | None = None) -> int:
        ente = self._ente(ente_id)
        with self.ws.db.session() as s:
            return repo.count_results(s, ente.id, code, search, only_open)

    def results(self, code: str | None = None, *, offset: int = 0, limit: int = 200, search: str = "",
                only_open: bool = False, ente_id: int | None = None) -> list[ResultItem]:
        ente = self._ente(ente_id)
        with self.ws.db.session() as s:
            rows = repo.list_results(s, ente.id, code, offset, limit, search, only_open)
        return [_item(r) for r in rows]

    def detail(self, result_id: int, *, ente_id: int | None = None) -> ResultDetail:
        """The result with its debt, receipt, FdR line and treasury movement side by side."""
        ente = self._ente(ente_id)
        with self.ws.db.session() as s:
            row = repo.get_result(s, ente.id, result_id)
            if row is None:
                raise NotFoundError(f"Risultato {result_id} non trovato")
            items = repo.list_results(s, ente.id, row.code, 0, 1, result_id=result_id)
            item = _item(items[0]) if items else _item_from_row(row)
            records = [
                _debt_view(repo.debt_record(s, row.debt_id), row.debt_id),
                _receipt_view(repo.receipt_record(s, row.receipt_id), row.receipt_id),
                _fdr_view(s, ente.id, row),
                _treasury_view(s, ente.id, row),
            ]
        return ResultDetail(item=item, records=records, explanation=EXPLANATIONS.get(item.code, ""))

    def set_note(self, result_id: int, note: str, *, ente_id: int | None = None) -> None:
        ente = self._ente(ente_id)
        with self.ws.db.session() as s:
            if not repo.set_note(s, ente.id, result_id, note.strip()):
                raise NotFoundError(f"Risultato {result_id} non trovato")
        self.ws.audit("reconcile.note", ente_id=ente.id, entity="reconciliation_result", entity_id=result_id,
                      details={"note": note.strip()[:200]})

    def mark_resolved(self, result_id: int, who: str | None = None, *, resolved: bool = True,
                      ente_id: int | None = None) -> None:
        ente = self._ente(ente_id)
        who = (who or self.ws.user or "").strip() or "utente"
        with self.ws.db.session() as s:
            if not repo.set_resolved(s, ente.id, result_id, resolved, who):
                raise NotFoundError(f"Risultato {result_id} non trovato")
        self.ws.audit("reconcile.resolved" if resolved else "reconcile.reopened", ente_id=ente.id,
                      entity="reconciliation_result", entity_id=result_id, details={"by": who})

    # --- exports -----------------------------------------------------------------------------
    def export(self, path: str | os.PathLike, **kw) -> int:
        """xlsx or CSV by the file's extension."""
        suffix = Path(path).suffix.lower()
        if suffix == ".xlsx":
            return self.export_xlsx(path, **kw)
        if suffix == ".csv":
            return self.export_csv(path, **kw)
        raise UserError("estensione non supportata: usa .xlsx o .csv", file=str(path))

    def export_xlsx(self, path: str | os.PathLike, *, ente_id: int | None = None,
                    progress: ProgressCallback = no_progress, cancel: CancelToken = NEVER_CANCELLED) -> int:
        """A "Riepilogo" sheet (count and amount per code) and one sheet per code. Returns the rows."""
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font

        ente = self._ente(ente_id)
        summary = self.summary(ente_id=ente.id)
        total = sum(c.count for c in summary)
        wb = Workbook(write_only=True)
        bold = Font(bold=True)

        def head(ws, titles):
            cells = []
            for t in titles:
                c = WriteOnlyCell(ws, value=t)
                c.font = bold
                cells.append(c)
            ws.append(cells)

        ws = wb.create_sheet("Riepilogo")
        ws.append([f"Riconciliazione {ente.name} ({ente.ipa_code})"])
        ws.append([f"Esportata il {datetime.now():%d/%m/%Y %H:%M}"])
        ws.append([])
        head(ws, ["Codice", "Descrizione", "Numero", "Importo (€)", "Risolti", "Da verificare"])
        for c in summary:
            ws.append([c.code, c.label, c.count, c.amount_cents / 100, c.resolved, c.open if c.anomaly else 0])
        written = 0
        truncated = []
        with self.ws.db.session() as s:
            for c in summary:
                if not c.count:
                    continue
                sheet = wb.create_sheet(c.code[:31])
                head(sheet, [t for t, _ in XLSX_COLUMNS])
                for n, row in enumerate(repo.export_rows(s, ente.id, c.code)):
                    if n >= EXCEL_MAX_ROWS - 1:
                        truncated.append(c.code)
                        break
                    sheet.append([_xlsx_value(fn(row)) for _, fn in XLSX_COLUMNS])
                    written += 1
                    if written % 5000 == 0:
                        cancel.raise_if_cancelled()
                        progress(written, total, c.code)
        if truncated:
            ws.append([])
            ws.append([f"Righe oltre il limite di Excel omesse per: {', '.join(truncated)}; "
                       "usa l'esportazione CSV per l'elenco completo."])
        _save_atomically(path, wb.save)
        progress(total, total, "")
        self.ws.audit("reconcile.export", ente_id=ente.id, details={"file": str(path), "rows": written})
        return written

    def export_csv(self, path: str | os.PathLike, *, ente_id: int | None = None,
                   progress: ProgressCallback = no_progress, cancel: CancelToken = NEVER_CANCELLED) -> int:
        """MyPivot-style CSV: one row per result with the I, E, R and T blocks and the classification."""
        ente = self._ente(ente_id)
        total = sum(c.count for c in self.summary(ente_id=ente.id))
        n = 0

        def write(fh):
            nonlocal n
            w = csv.writer(fh, delimiter=";", quotechar='"', quoting=csv.QUOTE_ALL, escapechar="\\",
                           doublequote=False, lineterminator="\n")
            w.writerow([name for name, _ in CSV_COLUMNS])
            with self.ws.db.session() as s:
                for row in repo.export_rows(s, ente.id):
                    w.writerow([_csv_value(fn(row)) for _, fn in CSV_COLUMNS])
                    n += 1
                    if n % 5000 == 0:
                        cancel.raise_if_cancelled()
                        progress(n, total, "")

        def save(target: str) -> None:
            with open(target, "w", encoding="utf-8", newline="") as fh:
                write(fh)

        _save_atomically(path, save)
        self.ws.audit("reconcile.export", ente_id=ente.id, details={"file": str(path), "rows": n})
        return n


# --- run helpers ---------------------------------------------------------------------------------

def _apply(new_groups: Iterable[tuple[str, list[tuple]]], stored: Iterable[tuple], writer: repo.ResultWriter
           ) -> None:
    """Merge new results (grouped by key, in key order) with the stored ones (in key order).

    Stored rows: ``(key, code, id, fingerprint, note, resolved, resolved_by, resolved_at)``.
    """
    end = ("\U0010ffff" * 40,)
    it = iter(stored)
    old = next(it, end)
    for key, rows in new_groups:
        while old[0] < key:  # keys that vanished
            group = [old]
            old = next(it, end)
            while old[0] == group[0][0]:
                group.append(old)
                old = next(it, end)
            _apply_key([], group, writer)
        if old[0] == key:
            group = [old]
            old = next(it, end)
            while old[0] == key:
                group.append(old)
                old = next(it, end)
            if len(group) == len(rows) == 1 and group[0][1] == rows[0][1]:
                if group[0][3] != rows[0][9]:  # same code, inputs changed
                    writer.update(group[0][2], rows[0])
                continue
            _apply_key(rows, group, writer)
        elif rows:
            for row in rows:
                writer.insert(row)
    while old is not end and old[0] != end[0]:
        group = [old]
        old = next(it, end)
        while old[0] == group[0][0]:
            group.append(old)
            old = next(it, end)
        _apply_key([], group, writer)


def _apply_key(new_rows: list[tuple], old_rows: list[tuple], writer: repo.ResultWriter) -> None:
    """One key whose codes may have changed: update, insert, delete; a note follows the key."""
    new_codes = {r[1] for r in new_rows}
    old_by_code = {o[1]: o for o in old_rows}
    carried: list[str] = []
    for o in old_rows:
        if o[1] not in new_codes:
            writer.delete(o[2])
            if o[4] or o[5]:
                text = f"[{o[1]}] {o[4]}".strip()
                if o[5]:
                    text += f" (risolto da {o[6]}{' il ' + str(o[7])[:16] if o[7] else ''})"
                carried.append(text)
    kept_id = None
    for row in new_rows:
        o = old_by_code.get(row[1])
        if o is None:
            writer.insert(row, note="\n".join(carried))
            carried = []
        else:
            kept_id = kept_id or o[2]
            if o[3] != row[9]:
                writer.update(o[2], row)
    if carried and kept_id:
        writer.append_note(kept_id, "\n".join(carried))


def _flow_and_treasury_rows(current, tes_by_iuf, tes_refs, seen_tes: set[str], flags: rules.Flags
                            ) -> list[tuple]:
    rows = []
    for iuf, (_when, pk, total) in current.items():
        count, cents, first = tes_by_iuf.get(iuf, (0, 0, 0))
        code = rules.classify_flow(total, count, cents, flags)
        if code:
            fp = rules.fingerprint((pk, total, count, cents, first))
            rows.append((iuf, code, "", iuf, total, None, None, None, first or None, fp))
    for tid, (iuf, resolved, iuv, amount) in tes_refs.items():
        code = rules.classify_treasury(iuf, iuv, bool(resolved), iuv in seen_tes, flags)
        if code:
            fp = rules.fingerprint((tid, amount, bool(resolved), iuv in seen_tes))
            rows.append((f"TES-{tid}", code, iuv, iuf, amount, None, None, None, tid, fp))
    rows.sort(key=lambda r: (r[0], r[1]))
    return rows


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


def _item(r: dict[str, Any]) -> ResultItem:
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


def _item_from_row(row) -> ResultItem:
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


def _debt_view(d, link_id) -> RecordView:
    title = "Dovuto (notifica dell'Ente)"
    if d is None:
        return _missing("debt", title, link_id, "Nessun dovuto dell'Ente con questo IUV.")
    return RecordView("debt", title, True, [
        ("IUD", d.iud), ("IUV", d.iuv), ("Numero avviso", d.notice_number), ("Debitore", d.debtor_name),
        ("Codice fiscale", d.debtor_code), ("Importo", _money(d.amount_cents)), ("Scadenza", _fmt(d.due_date)),
        ("Tipo dovuto", d.debt_type), ("Causale", d.causale), ("Stato", d.state),
    ])


def _receipt_view(r, link_id) -> RecordView:
    title = "Ricevuta (RT)"
    if r is None:
        return _missing("receipt", title, link_id, "Nessuna ricevuta di pagamento con questo IUV.")
    return RecordView("receipt", title, True, [
        ("IUV", r.iuv), ("IUD", r.iud), ("IUR", r.iur), ("Pagatore", r.payer_name), ("Codice fiscale", r.payer_code),
        ("Importo pagato", _money(r.amount_cents)), ("Totale pagato", _money(r.total_paid_cents)),
        ("Data esito", _fmt(r.outcome_date)), ("PSP", r.psp_name or r.psp_id), ("Tipo dovuto", r.debt_type),
        ("Identificativo ricevuta", r.receipt_message_id),
    ])


def _fdr_view(s, ente_id: int, row) -> RecordView:
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


def _treasury_view(s, ente_id: int, row) -> RecordView:
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


def _csv_mapping(mapping) -> bank_csv.BankCsvMapping | None:
    """A mapping given as text (``date=Data,amount=Importo``), as a dict, or already built."""
    if mapping is None or isinstance(mapping, bank_csv.BankCsvMapping):
        return mapping
    try:
        if isinstance(mapping, dict):
            unknown = set(mapping) - set(bank_csv.BankCsvMapping.__dataclass_fields__)
            if unknown:
                raise ValueError(f"campi sconosciuti nella mappatura: {', '.join(sorted(unknown))}")
            return bank_csv.BankCsvMapping(**{k: str(v) for k, v in mapping.items() if v})
        return bank_csv.BankCsvMapping.parse(str(mapping))
    except ValueError as exc:
        raise UserError(str(exc), field="mapping") from exc


def _looks_like_xml(data: bytes) -> bool:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<")


def _save_atomically(path: str | os.PathLike, save) -> None:
    """Write to a temporary file next to ``path`` and rename: a failed export leaves no half file."""
    target = Path(path)
    if not target.parent.exists():
        raise UserError("la cartella di destinazione non esiste", file=str(target))
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        save(str(tmp))
        os.replace(tmp, target)
    except OSError as exc:
        raise UserError(f"impossibile scrivere il file: {exc.strerror or exc}", file=str(target)) from exc
    finally:
        if tmp.exists():
            tmp.unlink()


# --- export columns --------------------------------------------------------------------------------

def _g(name: str):
    return lambda row: row.get(name)


def _amt(name: str):
    return lambda row: None if row.get(name) is None else format_flow_amount(int(row[name]))


def _euro(name: str):
    return lambda row: None if row.get(name) is None else int(row[name]) / 100


def _doc_part(i: int):
    def get(row):
        parts = (row.get("t_document_number") or "").split("/")
        return parts[i] if len(parts) > i else ""
    return get


XLSX_COLUMNS: list[tuple[str, Any]] = [
    ("Chiave", _g("key")), ("Importo (€)", _euro("amount_cents")), ("Nota", _g("note")),
    ("Risolto", lambda r: "sì" if r.get("resolved") else ""), ("Risolto da", _g("resolved_by")),
    ("Risolto il", _g("resolved_at")),
    ("IUD", lambda r: r.get("d_iud") or r.get("e_iud")), ("IUV", lambda r: r.get("e_iuv") or r.get("d_iuv")
                                                           or r.get("r_iuv") or r.get("t_iuv")),
    ("Debitore/Pagatore", lambda r: r.get("e_payer_name") or r.get("d_debtor_name")),
    ("Tipo dovuto", lambda r: r.get("e_debt_type") or r.get("d_debt_type")),
    ("Importo dovuto (€)", _euro("d_amount_cents")), ("Scadenza", _g("d_due_date")),
    ("Importo pagato (€)", _euro("e_amount_cents")), ("Totale pagato (€)", _euro("e_total_paid_cents")),
    ("Data esito", _g("e_outcome_date")), ("IUR", lambda r: r.get("e_iur") or r.get("r_iur")),
    ("PSP", lambda r: r.get("e_psp_name") or r.get("r_sender_name")),
    ("Flusso (IUF)", lambda r: r.get("r_flow_id") or r.get("t_iuf")),
    ("Data regolamento", _g("r_settlement_date")), ("Importo rendicontato (€)", _euro("r_amount_cents")),
    ("Esito FdR", _g("r_outcome_code")), ("Totale flusso (€)", _euro("r_total_amount_cents")),
    ("Data contabile", _g("t_book_date")), ("Data valuta", _g("t_value_date")),
    ("Importo tesoreria (€)", _euro("t_amount_cents")), ("Ordinante", _g("t_payer")), ("Causale", _g("t_causale")),
]

# MyPivot "flusso riconciliazione" layout (mypay4-interfaces.md §3.2): I, E, R, T blocks and the
# classification. Names are MyPivot's where the reference gives them; the payer, receipt and PSP
# columns the reference only summarises use the receipt-export names (§3.1) with the block suffix.
CSV_COLUMNS: list[tuple[str, Any]] = [
    ("codIudI", _g("d_iud")), ("codRpSilinviarpIdUnivocoVersamentoI", _g("d_iuv")),
    ("tipoIdentificativoUnivocoPagatoreI", _g("d_debtor_type")),
    ("codiceIdentificativoUnivocoPagatoreI", _g("d_debtor_code")), ("anagraficaPagatoreI", _g("d_debtor_name")),
    ("indirizzoPagatoreI", _g("d_address")), ("civicoPagatoreI", _g("d_civic")), ("capPagatoreI", _g("d_postal_code")),
    ("localitaPagatoreI", _g("d_city")), ("provinciaPagatoreI", _g("d_province")),
    ("nazionePagatoreI", _g("d_country")), ("emailPagatoreI", _g("d_email")),
    ("dtRpDatiVersDataEsecuzionePagamentoI", _g("d_due_date")),
    ("codRpDatiVersTipoVersamentoI", _g("d_payment_type")),
    ("numRpDatiVersDatiSingVersImportoSingoloVersamentoI", _amt("d_amount_cents")),
    ("numRpDatiVersDatiSingVersCommissioneCaricoPaI", _amt("d_pa_fee_cents")),
    ("deRpDatiVersDatiSingVersCausaleVersamentoI", _g("d_causale")),
    ("deRpDatiVersDatiSingVersDatiSpecificiRiscossioneI", _g("d_collection_data")),
    ("codTipoDovutoI", _g("d_debt_type")), ("bilancioI", _g("d_bilancio")), ("dtAcquisizioneI", _g("d_created_at")),
    ("deNomeFlussoE", _g("e_export_name")), ("numRigaFlussoE", _g("e_row_number")), ("codIudE", _g("e_iud")),
    ("codIuvE", _g("e_iuv")), ("identificativoMessaggioRicevutaE", _g("e_receipt_message_id")),
    ("dataOraMessaggioRicevutaE", _g("e_receipt_datetime")), ("codiceIdentificativoUnivocoAttestanteE", _g("e_psp_id")),
    ("denominazioneAttestanteE", _g("e_psp_name")), ("soggPagTipoIdentificativoUnivocoE", _g("e_payer_type")),
    ("soggPagCodiceIdentificativoUnivocoE", _g("e_payer_code")), ("anagraficaPagatoreE", _g("e_payer_name")),
    ("emailPagatoreE", _g("e_payer_email")), ("codiceEsitoPagamentoE", _g("e_outcome_code")),
    ("numEDatiPagImportoTotalePagatoE", _amt("e_total_paid_cents")),
    ("codiceContestoPagamentoE", _g("e_payment_context")), ("singoloImportoPagatoE", _amt("e_amount_cents")),
    ("esitoSingoloPagamentoE", _g("e_single_outcome")), ("dataEsitoSingoloPagamentoE", _g("e_outcome_date")),
    ("identificativoUnivocoRiscossE", _g("e_iur")), ("causaleVersamentoE", _g("e_causale")),
    ("datiSpecificiRiscossioneE", _g("e_collection_data")), ("codTipoDovutoE", _g("e_debt_type")),
    ("dtAcquisizioneE", _g("e_imported_at")), ("bilancioE", _g("e_bilancio")),
    ("versioneOggettoR", _g("r_version")), ("codIdentificativoFlussoR", _g("r_flow_id")),
    ("dtDataOraFlussoR", _g("r_flow_datetime")), ("codIdentificativoUnivocoRegolamentoR", _g("r_settlement_id")),
    ("dtDataRegolamentoR", _g("r_settlement_date")), ("codiceIdentificativoUnivocoMittenteR", _g("r_sender_id")),
    ("denominazioneMittenteR", _g("r_sender_name")), ("codiceIdentificativoUnivocoRiceventeR", _g("r_receiver_id")),
    ("denominazioneRiceventeR", _g("r_receiver_name")), ("numNumeroTotalePagamentiR", _g("r_total_count")),
    ("numImportoTotalePagamentiR", _amt("r_total_amount_cents")),
    ("codDatiSingPagamIdentificativoUnivocoVersamentoR", _g("r_iuv")),
    ("codDatiSingPagamIdentificativoUnivocoRiscossioneR", _g("r_iur")),
    ("numDatiSingPagamSingoloImportoPagatoR", _amt("r_amount_cents")),
    ("codDatiSingPagamCodiceEsitoSingoloPagamentoR", _g("r_outcome_code")),
    ("dtDatiSingPagamDataEsitoSingoloPagamentoR", _g("r_outcome_date")), ("dtAcquisizioneR", _g("r_imported_at")),
    ("codAbiT", None), ("codCabT", None), ("codContoTesoreria", _g("t_account")), ("codDivisaT", lambda r: "EUR"
                                                                                    if r.get("t_source_kind") else ""),
    ("dtDataContabileT", _g("t_book_date")), ("dtDataValutaT", _g("t_value_date")),
    ("numImportoTesoreria", _amt("t_amount_cents")), ("codSegnoT", lambda r: "+" if r.get("t_source_kind") else ""),
    ("deCausaleT", _g("t_causale")), ("codNumeroAssegnoT", None), ("codRiferimentoBancaT", _g("t_end_to_end_id")),
    ("codRiferimentoClienteT", None), ("dtDataOrdineT", None), ("deDescrizioneOrdinanteT", _g("t_payer")),
    ("codOr1T", None), ("codIdUnivocoFlussoT", _g("t_iuf")), ("codIdUnivocoVersamentoT", _g("t_iuv")),
    ("dtAcquisizioneT", _g("t_imported_at")), ("deAnnoBollettaT", None), ("codBollettaT", None),
    ("codIdDominioT", None), ("dtRicezioneT", None), ("deAnnoDocumentoT", _doc_part(0)),
    ("codDocumentoT", _doc_part(1)), ("deAnnoProvvisorioT", None), ("codProvvisorioT", None),
    ("classificazioneCompletezza", _g("code")), ("dtDataUltimoAggiornamento", _g("updated_at")),
    ("descrizioneClassificazione", lambda r: rules.label(r.get("code", ""))), ("chiave", _g("key")),
    ("importoClassificazione", _amt("amount_cents")), ("nota", _g("note")),
    ("risolto", lambda r: "1" if r.get("resolved") else "0"), ("risoltoDa", _g("resolved_by")),
    ("risoltoIl", _g("resolved_at")),
]
CSV_COLUMNS = [(name, fn or (lambda _r: "")) for name, fn in CSV_COLUMNS]


def _xlsx_value(v: Any) -> Any:
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@"):
        return "'" + v  # never let a causale become a formula
    return v


def _csv_value(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, datetime):
        return v.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, bool):
        return "1" if v else "0"
    return str(v)


def iter_codes() -> Iterator[tuple[str, str]]:
    """(code, Italian label) of every classification, in MyPivot's order."""
    for code in rules.ALL_CODES:
        yield code, rules.label(code)

