"""Receipts: import MyPay receipt exports (by hand or from the portal), match them to local debts,
and the queries behind the Pagamenti page and ``receipts list``.

Matching: a receipt finds its debt of the same Ente by IUD, then by IUV. The debt becomes PAGATO
(PAGATO_PARZIALE when the receipts cover less than its amount; more than its amount is an excess,
shown as such) with paid amount, date and PSP. Instalments are debts of their own and are matched
individually; the parent follows its instalments. Receipts with no local debt (spontaneous
payments) stay unmatched and are listed by tipo dovuto; they are matched later if the debt
appears (every import first retries the unmatched ones). Rows of 1.3 exports for secondary Enti
(tipoDovuto EXPORT_ENTE_SECONDARIO) are payments collected by another Ente: never matched.

Dedupe: each receipt has a key (receipt message id or IUR, IUV, IUD, secondary Ente); a receipt
already stored is skipped, so importing the same export twice adds nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mypay_desk.domain.debt_states import state_label
from mypay_desk.domain.money import format_amount
from mypay_desk.formats import receipt_export as rx
from mypay_desk.formats.receipt_xml import OUTCOME_LABELS, ReceiptSummary, ReceiptXmlError, decode_receipt_xml
from mypay_desk.formats.xmlsafe import XmlError
from mypay_desk.services.bulk import bulk_work
from mypay_desk.services.errors import NotFoundError, PortalError, UserError
from mypay_desk.services.progress import NEVER_CANCELLED, CancelToken, ProgressCallback, no_progress
from mypay_desk.store.repositories import receipts as repo

if TYPE_CHECKING:  # pragma: no cover
    from mypay_desk.services.workspace import Workspace

BATCH_ROWS = 20000  # per write transaction (bigger batches measured faster: fewer per-batch queries)
BATCH_RT_BYTES = 32 * 1024 * 1024  # ...but receipts with their XML are flushed sooner, to bound memory
# First incremental sync of an Ente: receipts of the last 90 days. MyPay keeps exports selectable
# far longer, but older payments are normally already known to the office; an older start can be
# set with ``set_sync_start``.
FIRST_SYNC_DAYS = 90
EXPORT_VERSION = "1.3"  # the richest layout (bilancio, secondary Enti) with the receipt block
POLL_FIRST_S = 1.0
POLL_MAX_S = 30.0
POLL_TIMEOUT_S = 15 * 60.0

MATCH_LABELS = {"IUD": "Abbinato (IUD)", "IUV": "Abbinato (IUV)", "": "Non abbinato"}


# --- value types handed to the CLI and the UI ----------------------------------------------------

@dataclass
class ImportReport:
    file: str = ""
    version: str = ""
    with_receipt: bool = False
    receipts: int = 0  # valid receipt rows read
    new: int = 0  # stored now
    duplicates: int = 0  # already stored (or repeated in the file)
    matched: int = 0  # new receipts matched to a local debt
    unmatched: int = 0  # new receipts without a local debt
    rematched: int = 0  # older unmatched receipts matched now
    debts_paid: int = 0  # debts whose paid state was updated
    already_imported: bool = False  # the very same file had been imported before
    errors: list[dict] = field(default_factory=list)

    def to_json(self) -> dict:
        # receipts/new/matched/unmatched/errors first: the shape scripts rely on (CLI.md)
        return {"receipts": self.receipts, "new": self.new, "matched": self.matched,
                "unmatched": self.unmatched, "errors": self.errors, "file": self.file, "version": self.version,
                "with_receipt": self.with_receipt, "duplicates": self.duplicates, "rematched": self.rematched,
                "debts_paid": self.debts_paid, "already_imported": self.already_imported}

    def merge(self, other: ImportReport) -> None:
        for name in ("receipts", "new", "duplicates", "matched", "unmatched", "rematched", "debts_paid"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)


@dataclass
class SyncReport(ImportReport):
    date_from: datetime | None = None
    date_to: datetime | None = None
    state: str = ""  # IMPORTATO | VUOTO
    resumed: bool = False

    def to_json(self) -> dict:
        d = super().to_json()
        d.update({"date_from": self.date_from.isoformat() if self.date_from else None,
                  "date_to": self.date_to.isoformat() if self.date_to else None,
                  "state": self.state, "resumed": self.resumed})
        return d


@dataclass
class ReceiptFilters:
    date_from: date | None = None
    date_to: date | None = None
    debt_types: tuple[str, ...] = ()
    text: str = ""
    matched: bool | None = None
    sort: str = "outcome_date"
    descending: bool = True


@dataclass
class ReceiptView:
    id: int
    outcome_date: date | None
    receipt_datetime: datetime | None
    iuv: str
    iud: str
    payer_name: str
    payer_code: str
    amount_cents: int
    psp_name: str
    debt_type: str
    outcome_code: str
    single_outcome: str
    debt_id: int | None
    match_kind: str
    causale: str = ""
    secondary_name: str = ""
    payment_index: int | None = None
    export_name: str = ""
    debt_amount_cents: int | None = None
    debt_paid_cents: int | None = None
    debt_state: str = ""
    instalment_number: int | None = None

    @property
    def matched(self) -> bool:
        return self.debt_id is not None

    @property
    def outcome_label(self) -> str:
        if self.single_outcome and not self.outcome_code:
            return self.single_outcome
        return OUTCOME_LABELS.get(self.outcome_code, self.outcome_code or self.single_outcome)

    @property
    def match_label(self) -> str:
        """What the receipt did to its debt: paid, partial, excess, instalment; or unmatched."""
        if self.debt_id is None:
            if self.debt_type == rx.SECONDARY_ENTE_TYPE:
                return "Ente secondario"
            return "Non abbinato"
        label = MATCH_LABELS.get(self.match_kind, "Abbinato")
        extra = []
        if self.instalment_number:
            extra.append(f"rata {self.instalment_number}")
        if self.debt_amount_cents is not None and self.debt_paid_cents is not None:
            diff = self.debt_paid_cents - self.debt_amount_cents
            if diff > 0:
                extra.append(f"eccedenza {format_amount(diff, currency=True)}")
            elif diff < 0:
                extra.append(f"parziale, mancano {format_amount(-diff, currency=True)}")
        return f"{label}, {', '.join(extra)}" if extra else label

    def to_json(self) -> dict:
        d = asdict(self)
        for k in ("outcome_date", "receipt_datetime"):
            d[k] = d[k].isoformat() if d[k] else None
        d["matched"] = self.matched
        d["outcome_label"] = self.outcome_label
        d["match_label"] = self.match_label
        return d


@dataclass
class ReceiptTotals:
    count: int = 0
    amount_cents: int = 0
    matched: int = 0
    matched_cents: int = 0
    unmatched: int = 0
    unmatched_cents: int = 0
    by_type: list[tuple[str, int, int]] = field(default_factory=list)  # (tipo, count, cents)
    unmatched_by_type: list[tuple[str, int, int]] = field(default_factory=list)


@dataclass
class ReceiptQuery:
    ids: Any  # array('q') of receipt ids in display order
    totals: ReceiptTotals


@dataclass
class CollectionPoint:
    period: date  # the day, or the first day of the month
    label: str
    count: int
    amount_cents: int


@dataclass
class ReceiptDetail:
    view: ReceiptView
    summary: ReceiptSummary | None
    fields: list[tuple[str, str]]  # decoded receipt (or export columns when there is no receipt XML)
    columns: list[tuple[str, str]]  # every non-empty export column
    debt: dict | None
    rt_xml: str = ""
    problem: str = ""  # why the receipt XML could not be decoded


# --- the service -----------------------------------------------------------------------------------

class ReceiptService:
    def __init__(self, ws: Workspace):
        self.ws = ws

    def _ente(self, ente_id: int | None):
        return self.ws.ente.get_by_id(ente_id) if ente_id else self.ws.ente.require_current()

    # --- import ------------------------------------------------------------------------------------
    def import_file(self, path: str | os.PathLike, *, ente_id: int | None = None,
                    progress: ProgressCallback = no_progress, cancel: CancelToken = NEVER_CANCELLED) -> ImportReport:
        """Import a MyPay receipt export (ZIP or CSV, 1.0-1.3) from a file."""
        p = Path(path)
        if not p.is_file():
            raise UserError(f"File non trovato: {p}", file=str(p))
        digest = hashlib.sha256()
        with p.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        return self._import(rx.iter_export(p, records=True), p.name, digest.hexdigest(), ente_id, progress, cancel)

    def import_bytes(self, data: bytes, name: str, *, ente_id: int | None = None,
                     progress: ProgressCallback = no_progress, cancel: CancelToken = NEVER_CANCELLED) -> ImportReport:
        """Import an export held in memory (downloaded from the portal)."""
        return self._import(rx.iter_export(data, name, records=True), name, hashlib.sha256(data).hexdigest(),
                            ente_id, progress, cancel)

    def import_rows(self, rows: Iterable[rx.ReceiptRow], *, export_name: str = "", ente_id: int | None = None,
                    progress: ProgressCallback = no_progress, cancel: CancelToken = NEVER_CANCELLED) -> ImportReport:
        """Import rows already read (tests, tools). No file is recorded."""
        reader = rx.ExportReader(export_name, version="", with_receipt=False)
        return self._import(((reader, r) for r in rows), export_name, "", ente_id, progress, cancel)

    def _import(self, items: Iterator[tuple[rx.ExportReader, rx.ReceiptRow | rx.RowError]], name: str,
                sha256: str, ente_id: int | None, progress: ProgressCallback, cancel: CancelToken) -> ImportReport:
        with bulk_work():
            return self._import_inner(items, name, sha256, ente_id, progress, cancel)

    def _import_inner(self, items, name: str, sha256: str, ente_id: int | None, progress: ProgressCallback,
                      cancel: CancelToken) -> ImportReport:
        ente = self._ente(ente_id)
        report = ImportReport(file=name)
        with self.ws.db.session() as s:
            report.already_imported = bool(sha256) and repo.file_seen(s, ente.id, sha256)
        progress(0, 0, "Abbinamento delle ricevute già presenti")
        report.rematched, paid = self._rematch(ente.id)
        report.debts_paid += paid
        pipeline = _Pipeline(items, ente, name, repo.insert_binder(self.ws.db.engine), self.ws.db)
        try:
            for batch in pipeline.batches():
                report.errors.extend(batch.errors)
                cancel.raise_if_cancelled()
                self._store_batch(ente, batch, report)
                progress(report.receipts, 0, f"{report.receipts} ricevute lette, {report.new} nuove")
        except rx.ExportFormatError as exc:
            if report.new:
                raise UserError(f"{exc} (le {report.new} ricevute già lette sono state salvate)", file=name) from exc
            raise UserError(str(exc), file=name) from exc
        report.version, report.with_receipt = pipeline.version, pipeline.with_receipt
        if sha256:
            with self.ws.db.session() as s:
                repo.record_file(s, ente.id, name, sha256, report.receipts,
                                 json.dumps({"new": report.new, "errors": len(report.errors),
                                             "version": report.version}))
        progress(report.receipts, report.receipts, f"{report.new} ricevute nuove")
        self.ws.audit("receipts.import", ente_id=ente.id, entity="receipt",
                      details={k: v for k, v in report.to_json().items() if k != "errors"}
                      | {"errors": len(report.errors)})
        return report

    def _store_batch(self, ente, batch: _Batch, report: ImportReport) -> None:
        report.receipts += len(batch.rows)
        if not batch.rows:
            return
        # One write transaction: the rows inserted now are those above ``after`` with this stamp.
        with self.ws.db.session(immediate=True) as s, repo.bulk_cache(s):
            after = repo.last_receipt_id(s)
            new = repo.insert_receipts(s, batch.rows, bound=True)  # same dedupe key: skipped by the database
            if new == len(batch.rows):
                matched = batch.matched
            else:
                new, matched = repo.batch_counts(s, ente.id, after, batch.stamp)
            if matched:
                paid = repo.recompute_debts_of_rows(s, batch.rows, after) if new == len(batch.rows) else None
                if paid is None:  # some rows were already stored (or not SQLite): in SQL, from what is stored
                    paid = repo.recompute_debts(s, repo.debts_of_batch(ente.id, after, batch.stamp))
                report.debts_paid += paid
        report.new += new
        report.duplicates += len(batch.rows) - new
        report.matched += matched
        report.unmatched += new - matched

    def rematch(self, ente_id: int | None = None) -> int:
        """Match receipts stored without a debt to debts that exist now. Returns how many matched."""
        return self._rematch(self._ente(ente_id).id)[0]

    def _rematch(self, ente_id: int) -> tuple[int, int]:
        with self.ws.db.session() as s:
            matches = repo.find_matches(s, ente_id)
            if not matches:
                return 0, 0
            repo.set_matches(s, matches)
            return len(matches), repo.recompute_debts(s, {m[1] for m in matches})

    # --- queries ---------------------------------------------------------------------------------
    def _where(self, s, ente_id: int, f: ReceiptFilters):
        return repo.conditions(s, ente_id, date_from=f.date_from, date_to=f.date_to, debt_types=f.debt_types,
                               text=f.text, matched=f.matched)

    def query(self, filters: ReceiptFilters | None = None, *, ente_id: int | None = None) -> ReceiptQuery:
        """Ids of the receipts matching the filters (in display order) and their totals."""
        f = filters or ReceiptFilters()
        ente = self._ente(ente_id)
        with self.ws.db.session() as s:
            where = self._where(s, ente.id, f)
            ids = repo.ids(s, where, f.sort, f.descending)
            totals = self._totals(s, ente.id, where, f)
        return ReceiptQuery(ids=ids, totals=totals)

    def _totals(self, s, ente_id: int, where, f: ReceiptFilters) -> ReceiptTotals:
        t = ReceiptTotals(**repo.totals(s, where))
        t.by_type = repo.by_debt_type(s, where)
        if f.matched is not True:
            unmatched = self._where(s, ente_id, ReceiptFilters(f.date_from, f.date_to, f.debt_types, f.text, False))
            t.unmatched_by_type = repo.by_debt_type(s, unmatched)
        return t

    def totals(self, filters: ReceiptFilters | None = None, *, ente_id: int | None = None) -> ReceiptTotals:
        f = filters or ReceiptFilters()
        ente = self._ente(ente_id)
        with self.ws.db.session() as s:
            return self._totals(s, ente.id, self._where(s, ente.id, f), f)

    def rows(self, receipt_ids) -> list[ReceiptView]:
        with self.ws.db.session() as s:
            return [ReceiptView(**r) for r in repo.rows_by_ids(s, list(receipt_ids))]

    def list(self, filters: ReceiptFilters | None = None, *, limit: int | None = None,
             ente_id: int | None = None) -> list[ReceiptView]:
        q = self.query(filters, ente_id=ente_id)
        ids = list(q.ids[:limit] if limit else q.ids)
        out: list[ReceiptView] = []
        for i in range(0, len(ids), 2000):
            out.extend(self.rows(ids[i:i + 2000]))
        return out

    def collections(self, filters: ReceiptFilters | None = None, *, period: str = "auto",
                    ente_id: int | None = None) -> list[CollectionPoint]:
        """Amount collected per day or per month (``auto``: months when the range exceeds 62 days)."""
        f = filters or ReceiptFilters()
        ente = self._ente(ente_id)
        with self.ws.db.session() as s:
            days = repo.by_day(s, self._where(s, ente.id, f))
        if not days:
            return []
        if period == "auto":
            period = "month" if (days[-1][0] - days[0][0]).days > 62 else "day"
        if period == "day":
            return [CollectionPoint(d, d.strftime("%d/%m/%Y"), n, c) for d, n, c in days]
        months: dict[date, list[int]] = {}
        for d, n, c in days:
            m = months.setdefault(date(d.year, d.month, 1), [0, 0])
            m[0] += n
            m[1] += c
        return [CollectionPoint(m, m.strftime("%m/%Y"), n, c) for m, (n, c) in sorted(months.items())]

    def debt_types(self, *, ente_id: int | None = None) -> list[str]:
        """Tipi dovuto seen in receipts plus those configured for the Ente (filter choices)."""
        ente = self._ente(ente_id)
        with self.ws.db.session() as s:
            seen = set(repo.debt_types(s, ente.id))
        seen.update(t.code for t in self.ws.ente.types(ente.id))
        return sorted(seen)

    def detail(self, receipt_id: int, *, ente_id: int | None = None) -> ReceiptDetail:
        ente = self._ente(ente_id)
        with self.ws.db.session() as s:
            row = repo.get(s, ente.id, receipt_id)
            if row is None:
                raise NotFoundError(f"Ricevuta {receipt_id} non trovata")
            view = ReceiptView(**repo.rows_by_ids(s, [receipt_id])[0])
            rt_xml = row.rt_xml
            raw = row.raw_json
            debt = repo.debt_summary(s, row.debt_id) if row.debt_id else None
        columns = _raw_columns(raw, row)
        summary, problem = None, ""
        if rt_xml:
            try:
                summary = decode_receipt_xml(_xml_bytes(rt_xml), f"ricevuta {view.iuv}")
            except (XmlError, ReceiptXmlError) as exc:
                problem = str(exc)
        if summary is not None:
            fields = summary.display_rows()
        else:
            fields = _fields_from_view(view)
        if debt:
            debt = dict(debt, state_label=state_label(debt["state"]))
        return ReceiptDetail(view=view, summary=summary, fields=fields, columns=columns, debt=debt,
                             rt_xml=rt_xml, problem=problem)

    def export_xlsx(self, filters: ReceiptFilters | None, path: str | os.PathLike, *, ente_id: int | None = None,
                    progress: ProgressCallback = no_progress, cancel: CancelToken = NEVER_CANCELLED) -> int:
        """Write the filtered receipts to an Excel file. Returns the number of rows written."""
        from openpyxl import Workbook
        from openpyxl.styles import Font

        f = filters or ReceiptFilters()
        ente = self._ente(ente_id)
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("Pagamenti")
        bold = Font(bold=True)
        headers = ["Data pagamento", "Data e ora ricevuta", "IUV", "IUD", "Debitore", "Codice debitore",
                   "Importo", "PSP", "Tipo dovuto", "Esito", "Abbinamento", "Stato del dovuto", "Causale"]
        from openpyxl.cell import WriteOnlyCell

        def head(text: str):
            c = WriteOnlyCell(ws, value=text)
            c.font = bold
            return c

        ws.append([head(h) for h in headers])
        n = 0
        with self.ws.db.session() as s:
            where = self._where(s, ente.id, f)
            total = repo.totals(s, where)["count"]
            for r in repo.iter_export_rows(s, where):
                v = ReceiptView(**r)
                ws.append([v.outcome_date, v.receipt_datetime, v.iuv, v.iud, v.payer_name, v.payer_code,
                           v.amount_cents / 100, v.psp_name, v.debt_type, v.outcome_label, v.match_label,
                           state_label(v.debt_state) if v.debt_state else "", v.causale])
                n += 1
                if n % 1000 == 0:
                    cancel.raise_if_cancelled()
                    progress(n, total, "")
        totals = self.totals(f, ente_id=ente.id)
        ws.append([])
        ws.append([head("Totale"), None, None, None, None, None, totals.amount_cents / 100, None, None, None,
                   f"{totals.count} ricevute, {totals.matched} abbinate"])
        out = Path(path)
        try:
            wb.save(out)
        except OSError as exc:
            raise UserError(f"Impossibile scrivere {out}: {exc.strerror or exc}", file=str(out)) from exc
        progress(n, n, "")
        return n

    # --- portal ---------------------------------------------------------------------------------------
    def synced_to(self, *, ente_id: int | None = None) -> datetime | None:
        ente = self._ente(ente_id)
        with self.ws.db.session() as s:
            return repo.get_synced_to(s, ente.id)

    def set_sync_start(self, when: datetime, *, ente_id: int | None = None) -> None:
        """Where the next incremental download starts (e.g. further back than the default)."""
        ente = self._ente(ente_id)
        with self.ws.db.session() as s:
            repo.set_synced_to(s, ente.id, when)

    def _client(self, ente, cancel: CancelToken):
        return self.ws.portal.client(ente, cancel=cancel)

    def sync_receipts(self, *, ente_id: int | None = None, progress: ProgressCallback = no_progress,
                      cancel: CancelToken = NEVER_CANCELLED, poll_timeout: float = POLL_TIMEOUT_S,
                      poll_first: float = POLL_FIRST_S) -> SyncReport:
        """Download new receipts (incremental export with receipts) and import them.

        From the last ``dateTo`` kept for the Ente (first time: FIRST_SYNC_DAYS ago). The booking is
        stored before polling, so an interrupted sync resumes the same export; the new ``dateTo``
        is stored only once the export has been imported.
        """
        ente = self._ente(ente_id)
        report = SyncReport()
        client = self._client(ente, cancel)
        try:
            with self.ws.db.session() as s:
                req = repo.open_request(s, ente.id)
                if req is not None:
                    req_id, token, date_from, date_to = req.id, req.request_token, req.date_from, req.date_to
                    report.resumed = True
            if req is None:
                req_id, token, date_from, date_to = self._book(client, ente, progress)
            report.date_from, report.date_to = date_from, date_to
            try:
                status = self._poll(client, token, progress, cancel, poll_timeout, poll_first)
            except PortalError as exc:
                if report.resumed and exc.fault_code == "PAA_REQUEST_TOKEN_NON_VALIDO":
                    # the portal forgot the old booking: book again from the same start
                    self._set_request(req_id, state="ABBANDONATO")
                    report.resumed = False
                    req_id, token, date_from, date_to = self._book(client, ente, progress)
                    report.date_from, report.date_to = date_from, date_to
                    status = self._poll(client, token, progress, cancel, poll_timeout, poll_first)
                else:
                    raise
            if status.empty:
                self._finish(ente.id, req_id, "VUOTO", date_to, 0)
                report.state = "VUOTO"
                return report
            if not status.done:
                self._set_request(req_id, state="ERRORE")
                raise PortalError(f"il portale non ha preparato l'export delle ricevute (stato {status.state}); "
                                  "la prossima sincronizzazione lo richiederà di nuovo", fault_code=status.state)
            if not status.download_url:
                raise PortalError("export delle ricevute pronto ma senza indirizzo di scaricamento", transient=True)
            self._set_request(req_id, state="ESEGUITO", download_url=status.download_url)
            progress(0, 0, "Scaricamento dell'export delle ricevute")
            data = client.download(status.download_url, "export ricevute")
            cancel.raise_if_cancelled()
            name = _download_name(status.download_url) or f"export-ricevute-{req_id}.zip"
            imported = self.import_bytes(data, name, ente_id=ente.id, progress=progress, cancel=cancel)
            for k, v in asdict(imported).items():
                setattr(report, k, v)
            self._finish(ente.id, req_id, "IMPORTATO", date_to, imported.new)
            report.state = "IMPORTATO"
            return report
        finally:
            client.close()

    def _book(self, client, ente, progress: ProgressCallback):
        with self.ws.db.session() as s:
            start = repo.get_synced_to(s, ente.id)
        if start is None:
            start = (datetime.now() - timedelta(days=FIRST_SYNC_DAYS)).replace(hour=0, minute=0, second=0,
                                                                                microsecond=0)
        progress(0, 0, "Prenotazione dell'export delle ricevute")
        booked_at = datetime.now().replace(microsecond=0)
        booking = client.prenota_export_incrementale_con_ricevuta(start, ricevuta=True, incrementale=True,
                                                                  version=EXPORT_VERSION)
        # MyPay answers the dateTo to use next; without it, the booking time is the safe bound.
        date_to = booking.date_to or booked_at
        with self.ws.db.session() as s:
            req = repo.add_request(s, ente.id, booking.request_token, start, date_to, EXPORT_VERSION)
            req_id = req.id
        return req_id, booking.request_token, start, date_to

    def _poll(self, client, token: str, progress: ProgressCallback, cancel: CancelToken, timeout: float,
              first: float):
        delay = first
        deadline = time.monotonic() + timeout
        while True:
            cancel.raise_if_cancelled()
            status = client.chiedi_stato_export_flusso(token)
            if not status.running:
                return status
            progress(0, 0, f"Il portale sta preparando l'export ({status.state})")
            if time.monotonic() + delay > deadline:
                raise PortalError("l'export delle ricevute non è ancora pronto: riprova più tardi "
                                  "(la richiesta è conservata e verrà ripresa)", transient=True)
            client.pause(delay)
            delay = min(delay * 2, POLL_MAX_S)

    def _set_request(self, req_id: int, **values) -> None:
        with self.ws.db.session() as s:
            req = repo.get_request(s, req_id)
            for k, v in values.items():
                setattr(req, k, v)

    def _finish(self, ente_id: int, req_id: int, state: str, date_to: datetime | None, imported: int) -> None:
        with self.ws.db.session() as s:
            req = repo.get_request(s, req_id)
            req.state = state
            req.receipts_imported = imported
            if date_to is not None:
                repo.set_synced_to(s, ente_id, date_to)

    def sync_history(self, *, ente_id: int | None = None, limit: int = 20) -> list[dict]:
        ente = self._ente(ente_id)
        with self.ws.db.session() as s:
            return [{"date_from": r.date_from, "date_to": r.date_to, "state": r.state, "version": r.version,
                     "receipts_imported": r.receipts_imported, "at": r.created_at}
                    for r in repo.last_requests(s, ente.id, limit)]


# --- the import pipeline ------------------------------------------------------------------------------

@dataclass
class _Batch:
    rows: list[tuple]  # receipt rows in repo.INSERT_COLUMNS order, matched, bound for the database
    matched: int  # rows with a debt
    errors: list[dict]
    stamp: datetime  # imported_at of every row of the batch (unique per batch)


class _Pipeline:
    """Turns the reader's rows into ready batches: checked, keyed, matched and bound for the database.

    Each batch is built (its debts looked up in a short read transaction) before the write
    transaction that stores it, so the write lock is held only for the INSERT and the paid state.
    (A second thread building the next batch while the previous one is stored was measured: the
    GIL hand-offs around every SQLite step made the import slower, not faster.)
    """

    def __init__(self, items, ente, name: str, binder, db):
        self.items = items
        self.ente = ente
        self.name = name
        self.binder = binder
        self.db = db
        self._reader: rx.ExportReader | None = None  # the last file read (its layout, once known)
        self._last_stamp: datetime | None = None

    @property
    def version(self) -> str:
        return self._reader.version if self._reader else ""

    @property
    def with_receipt(self) -> bool:
        return bool(self._reader and self._reader.with_receipt)

    def _stamp(self) -> datetime:
        stamp = datetime.now()
        if self._last_stamp is not None and stamp <= self._last_stamp:
            stamp = self._last_stamp + timedelta(microseconds=1)  # each batch has its own stamp
        self._last_stamp = stamp
        return stamp

    def batches(self) -> Iterator[_Batch]:
        errors: list[dict] = []
        rows: list[rx.ReceiptRow] = []
        rt_bytes = 0
        reader = None
        for reader, item in self.items:
            if isinstance(item, rx.RowError):
                errors.append(item.to_dict())
                continue
            rows.append(item)
            rt_bytes += len(item.rt_xml)
            if len(rows) >= BATCH_ROWS or rt_bytes >= BATCH_RT_BYTES:
                self._reader = reader
                yield self._build(rows, errors)
                rows, errors, rt_bytes = [], [], 0
        self._reader = reader
        if rows or errors:
            yield self._build(rows, errors)

    def _build(self, rows: list[rx.ReceiptRow | rx.ExportRecord], errors: list[dict]) -> _Batch:
        stamp = self._stamp()
        out_rows: list[tuple] = []
        codes: list[tuple[str, str] | None] = []
        fiscal_code, ente_id, name, binder = self.ente.fiscal_code, self.ente.id, self.name, self.binder
        for r in rows:
            if r.__class__ is rx.ExportRecord:  # a file's row: its columns taken by position
                fields = _record_fields(r)
                tipo = fields[_F_TIPO]
                secondary = tipo == rx.SECONDARY_ENTE_TYPE
                dominio = fields[_F_DOMINIO] or fields[_F_DOMINIO_BENEF]
                if dominio and dominio != fiscal_code and not secondary:
                    errors.append(_other_ente_error(r.row_number, name, dominio, fiscal_code))
                    continue
                out_rows.append(binder(_record_row(ente_id, r, fields, name, stamp)))
                codes.append(None if secondary else (fields[_F_IUD], fields[_F_IUV] or fields[_F_IUV_VERS]))
                continue
            secondary = r.tipoDovuto == rx.SECONDARY_ENTE_TYPE
            dominio = r.identificativoDominio or r.enteBenefCodiceIdentificativoUnivoco
            if dominio and dominio != fiscal_code and not secondary:
                errors.append(_other_ente_error(r.row_number, name, dominio, fiscal_code))
                continue
            out_rows.append(binder(_receipt_row(ente_id, r, dedupe_key(r), name, stamp)))
            codes.append(None if secondary else (r.codIud, r.codIuv or r.identificativoUnivocoVersamento))
        errors.sort(key=lambda e: e.get("row") or 0)
        # IUD first, then IUV, among the Ente's debts; secondary-ente rows are never matched
        with self.db.session() as s:
            by_iud, by_iuv = repo.find_debts(s, ente_id, (c[0] for c in codes if c), (c for c in codes if c))
        matched = 0
        for i, c in enumerate(codes):
            if not c:
                continue
            iud, iuv = c
            if iud and (debt_id := by_iud.get(iud)) is not None:
                kind = "IUD"
            elif iuv and (debt_id := by_iuv.get(iuv)) is not None:
                kind = "IUV"
            else:
                continue
            t = out_rows[i]
            out_rows[i] = (*t[:_DEBT_ID], debt_id, kind, *t[_MATCH_KIND + 1:])
            matched += 1
        return _Batch(out_rows, matched, errors, stamp)


# --- helpers -----------------------------------------------------------------------------------------



def dedupe_key(r: rx.ReceiptRow) -> str:
    """Identity of one payment line: receipt (message id, else IUR), IUV, IUD, secondary Ente.

    Not the payment index: exports without the receipt block lack it, and the IUD already tells
    apart the dovuti of one receipt, so the same payment keeps its key whatever the layout.
    """
    key = "|".join((r.identificativoMessaggioRicevuta or r.identificativoUnivocoRiscoss, r.iuv, r.codIud,
                    r.cod_fiscale_pa1 if r.is_secondary else ""))
    if len(key) > 200:
        key = "sha256:" + hashlib.sha256(key.encode("utf-8")).hexdigest()
    return key


_DEBT_ID = repo.INSERT_COLUMNS.index("debt_id")
_MATCH_KIND = repo.INSERT_COLUMNS.index("match_kind")
assert _MATCH_KIND == _DEBT_ID + 1  # _store_batch replaces the two together


def _receipt_row(ente_id: int, r: rx.ReceiptRow, key: str, name: str, now: datetime) -> list:
    """One receipt in repo.INSERT_COLUMNS order, not yet matched (debt id None, kind "")."""
    # raw_json: every column as read ({"layout", "values"}), without rt, stored decoded in rt_xml
    if r.values is not None and r.layout:
        layout, values = r.layout, r.values
        if layout.endswith("+rt"):
            values = list(values)
            values[rx.RT_INDEX] = ""
    else:
        layout, values = "1.3", [getattr(r, c) for c in rx.columns_for("1.3", False)]
    xml = r.rt_xml
    if xml:
        try:
            rt_text = xml.decode("utf-8")
        except UnicodeDecodeError:
            rt_text = xml.decode("latin-1")
    else:
        rt_text = ""
    row = [
        ente_id, key, (r.iuf or name)[:200], r.row_number, r.codIud[:35], r.iuv[:35],
        r.identificativoMessaggioRicevuta[:64], r.receipt_datetime, r.codiceIdentificativoUnivoco[:35],
        r.denominazioneAttestante[:140], r.soggPagTipoIdentificativoUnivoco[:1],
        r.soggPagCodiceIdentificativoUnivoco[:35], r.anagraficaPagatore[:70], r.emailPagatore[:256],
        r.codiceEsitoPagamento[:2], r.total_paid_cents, r.amount_cents, r.esitoSingoloPagamento[:64],
        r.outcome_date, r.identificativoUnivocoRiscoss[:35], r.codiceContestoPagamento[:35],
        r.causaleVersamento[:1024], r.datiSpecificiRiscossione[:140], r.tipoDovuto[:64], r.payment_index,
        r.psp_fee_cents, r.tipoFirma[:20], rt_text, r.bilancio, r.cod_fiscale_pa1[:35], r.de_nome_pa1[:140],
        r.cod_tassonomico_dovuto_pa1[:140], None, "", now, "",
    ]
    row[_RAW] = _stored_raw_json(layout, values, row)
    return row


def _other_ente_error(row_number: int, name: str, dominio: str, fiscal_code: str) -> dict:
    return {"row": row_number, "column": "identificativoDominio", "file": name,
            "message": f"ricevuta di un altro Ente (codice fiscale {dominio}, atteso {fiscal_code}): non importata"}


# The columns a file's row gives the receipt, taken from ExportRecord.values by position with one
# itemgetter per layout (a column the layout lacks reads as "").
_RECORD_COLUMNS = (
    "iuf", "codIud", "codIuv", "identificativoUnivocoVersamento", "identificativoMessaggioRicevuta",
    "identificativoUnivocoRiscoss", "identificativoDominio", "enteBenefCodiceIdentificativoUnivoco", "tipoDovuto",
    "cod_fiscale_pa1", "codiceIdentificativoUnivoco", "denominazioneAttestante", "soggPagTipoIdentificativoUnivoco",
    "soggPagCodiceIdentificativoUnivoco", "anagraficaPagatore", "emailPagatore", "codiceEsitoPagamento",
    "esitoSingoloPagamento", "codiceContestoPagamento", "causaleVersamento", "datiSpecificiRiscossione", "tipoFirma",
    "bilancio", "de_nome_pa1", "cod_tassonomico_dovuto_pa1",
)
_F_IUD, _F_IUV, _F_IUV_VERS, _F_DOMINIO, _F_DOMINIO_BENEF, _F_TIPO = (_RECORD_COLUMNS.index(c) for c in (
    "codIud", "codIuv", "identificativoUnivocoVersamento", "identificativoDominio",
    "enteBenefCodiceIdentificativoUnivoco", "tipoDovuto"))
_PAD = [""]
_LAYOUT_GETTERS: dict[str, tuple[Any, bool]] = {}


def _record_fields(r: rx.ExportRecord) -> tuple:
    """The _RECORD_COLUMNS values of a file's row."""
    plan = _LAYOUT_GETTERS.get(r.layout)
    if plan is None:
        index = {c: i for i, c in enumerate(rx.columns_for_layout(r.layout))}
        absent = len(index)  # the "" appended after the record's own values
        plan = _LAYOUT_GETTERS[r.layout] = (itemgetter(*(index.get(c, absent) for c in _RECORD_COLUMNS)),
                                            any(c not in index for c in _RECORD_COLUMNS))
    get, padded = plan
    return get(r.values + _PAD if padded else r.values)


def _record_row(ente_id: int, r: rx.ExportRecord, fields: tuple, name: str, now: datetime) -> list:
    """What _receipt_row gives for the ReceiptRow of the same file row, from the record as read."""
    (iuf, cod_iud, cod_iuv, iuv_vers, message_id, iur, _dominio, _dominio_benef, tipo, cf_pa1, psp_id, psp_name,
     payer_type, payer_code, payer_name, payer_email, outcome, single_outcome, context, causale, collection,
     signature, bilancio, name_pa1, taxonomy_pa1) = fields
    iuv = cod_iuv or iuv_vers
    key = "|".join((message_id or iur, iuv, cod_iud, cf_pa1 if tipo == rx.SECONDARY_ENTE_TYPE else ""))
    if len(key) > 200:
        key = "sha256:" + hashlib.sha256(key.encode("utf-8")).hexdigest()
    values = r.values
    if r.layout.endswith("+rt"):  # raw_json without rt, stored decoded in rt_xml
        values = list(values)
        values[rx.RT_INDEX] = ""
    xml = r.rt_xml
    if xml:
        try:
            rt_text = xml.decode("utf-8")
        except UnicodeDecodeError:
            rt_text = xml.decode("latin-1")
    else:
        rt_text = ""
    row = [
        ente_id, key, (iuf or name)[:200], r.row_number, cod_iud[:35], iuv[:35], message_id[:64], r.receipt_datetime,
        psp_id[:35], psp_name[:140], payer_type[:1], payer_code[:35], payer_name[:70], payer_email[:256], outcome[:2],
        r.total_paid_cents, r.amount_cents, single_outcome[:64], r.outcome_date, iur[:35], context[:35],
        causale[:1024], collection[:140], tipo[:64], r.payment_index, r.psp_fee_cents, signature[:20], rt_text,
        bilancio, cf_pa1[:35], name_pa1[:140], taxonomy_pa1[:140], None, "", now, "",
    ]
    row[_RAW] = _stored_raw_json(r.layout, values, row)
    return row


# Export columns a receipt column keeps as they are (cut to its size). raw_json leaves them out when
# none was cut (layout "<layout>/c": only the other columns' values), and _raw_columns takes them
# from the receipt: the same content, a third less to write for a big import.
_FROM_ROW = {
    "codIud": "iud", "identificativoMessaggioRicevuta": "receipt_message_id", "codiceIdentificativoUnivoco": "psp_id",
    "denominazioneAttestante": "psp_name", "soggPagTipoIdentificativoUnivoco": "payer_type",
    "soggPagCodiceIdentificativoUnivoco": "payer_code", "anagraficaPagatore": "payer_name",
    "emailPagatore": "payer_email", "codiceEsitoPagamento": "outcome_code", "esitoSingoloPagamento": "single_outcome",
    "identificativoUnivocoRiscoss": "iur", "codiceContestoPagamento": "payment_context",
    "causaleVersamento": "causale", "datiSpecificiRiscossione": "collection_data", "tipoDovuto": "debt_type",
    "tipoFirma": "signature_type", "bilancio": "bilancio", "cod_fiscale_pa1": "secondary_fiscal_code",
    "de_nome_pa1": "secondary_name", "cod_tassonomico_dovuto_pa1": "secondary_taxonomy",
}
COMPACT = "/c"
_RAW = repo.INSERT_COLUMNS.index("raw_json")
_COMPACT_PLANS: dict[str, tuple[Any, Any, Any, str]] = {}


def _stored_raw_json(layout: str, values, row: list) -> str:
    """raw_json of a receipt row (``row`` in INSERT_COLUMNS order): compact when it can be."""
    plan = _COMPACT_PLANS.get(layout)
    if plan is None:
        columns = rx.columns_for_layout(layout)
        kept = [i for i, c in enumerate(columns) if c not in _FROM_ROW]
        from_row = [i for i, c in enumerate(columns) if c in _FROM_ROW]
        plan = _COMPACT_PLANS[layout] = (
            itemgetter(*from_row), itemgetter(*(repo.INSERT_COLUMNS.index(_FROM_ROW[columns[i]]) for i in from_row)),
            itemgetter(*kept), layout + COMPACT)
    raw_values, stored_values, kept_values, compact = plan
    if raw_values(values) == stored_values(row):  # nothing was cut
        return _raw_json(compact, kept_values(values))
    return _raw_json(layout, values)


def _raw_json(layout: str, values: list[str]) -> str:
    """``{"layout": ..., "values": [...]}`` as JSON.

    Fast path: values without quotes, backslashes or control characters (nearly all) need no
    escaping, so the text is joined directly (4x faster than json.dumps, which an import of
    100,000 rows feels); anything else goes through json.dumps.
    """
    joined = '","'.join(values)
    if not values:
        return json.dumps({"layout": layout, "values": values}, ensure_ascii=False)
    if joined.isascii():  # (a flag CPython keeps) delete the bytes JSON takes as they are: only the
        # separators' quotes may be left (no control character, backslash or quote in a value)
        clean = joined.encode("ascii").translate(None, _JSON_PLAIN_ASCII) == b'"' * (2 * (len(values) - 1))
    else:  # isprintable() is False for every control character (and some harmless ones: slow path)
        clean = joined.isprintable() and "\\" not in joined and joined.count('"') == 2 * (len(values) - 1)
    if clean:
        return '{"layout":"' + layout + '","values":["' + joined + '"]}'
    return json.dumps({"layout": layout, "values": values}, ensure_ascii=False)


_JSON_PLAIN_ASCII = bytes(b for b in range(0x20, 0x7F) if b not in (0x22, 0x5C))  # printable, no quote/backslash


def _raw_columns(raw: str, receipt: Any = None) -> list[tuple[str, str]]:
    """Non-empty export columns (name, value) from raw_json (compact: with ``receipt``'s columns)."""
    try:
        doc = json.loads(raw) if raw else {}
        layout = doc.get("layout", "")
        compact = layout.endswith(COMPACT)
        columns = rx.columns_for_layout(layout[:-len(COMPACT)] if compact else layout)
        values = doc.get("values") or []
    except (ValueError, AttributeError):
        return []
    if compact:
        kept = iter(values)
        values = [getattr(receipt, _FROM_ROW[c], "") if c in _FROM_ROW else next(kept, "") for c in columns]
    return [(c, str(v)) for c, v in zip(columns, values, strict=False) if v]


_DECL_RE = re.compile(r"^\s*<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']")


def _xml_bytes(text: str) -> bytes:
    m = _DECL_RE.match(text)
    enc = (m.group(1) if m else "utf-8").lower()
    if enc not in ("utf-8", "utf8"):
        try:
            return text.encode(enc)
        except (LookupError, UnicodeEncodeError):
            pass
    return text.encode("utf-8")


def _fields_from_view(v: ReceiptView) -> list[tuple[str, str]]:
    rows = [
        ("Tipo di ricevuta", "Dati dell'export (la ricevuta XML non è inclusa)"),
        ("Esito", v.outcome_label), ("IUV", v.iuv), ("IUD", v.iud),
        ("Importo", format_amount(v.amount_cents, currency=True)), ("Causale", v.causale),
        ("Debitore", " - ".join(x for x in (v.payer_code, v.payer_name) if x)), ("PSP", v.psp_name),
        ("Data pagamento", v.outcome_date.strftime("%d/%m/%Y") if v.outcome_date else ""),
        ("Tipo dovuto", v.debt_type),
    ]
    return [(k, x) for k, x in rows if x]


def _download_name(url: str) -> str:
    from urllib.parse import parse_qs, urlsplit

    q = parse_qs(urlsplit(url).query)
    name = (q.get("filename") or [""])[0]
    return os.path.basename(name)


__all__ = [
    "CollectionPoint", "ImportReport", "ReceiptDetail", "ReceiptFilters", "ReceiptQuery",
    "ReceiptService", "ReceiptTotals", "ReceiptView", "SyncReport", "dedupe_key",
]
