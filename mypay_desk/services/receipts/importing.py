"""Importing MyPay receipt exports: rows checked, keyed, matched to debts and stored in batches."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from mypay_desk.formats import receipt_export as rx
from mypay_desk.services.bulk import bulk_work
from mypay_desk.services.errors import UserError
from mypay_desk.services.progress import NEVER_CANCELLED, CancelToken, ProgressCallback, no_progress
from mypay_desk.services.receipts.receipt_rows import (
    dedupe_key,
    other_ente_error,
    receipt_row,
    stored_record,
)
from mypay_desk.services.receipts.staged_rows import StagedRowBuilder
from mypay_desk.services.receipts.views import (
    ImportReport,
    ReceiptServiceBase,
)
from mypay_desk.store import locks
from mypay_desk.store.repositories import receipt_staging
from mypay_desk.store.repositories import receipts as repo

BATCH_ROWS = 20000  # per write transaction (bigger batches measured faster: fewer per-batch queries)
# Near the end of a file the batches halve down to this (SQLite's writer thread): the writer stores the last
# batch after the whole file is read, so a small last batch shortens that wait (0.3-0.4 s for 20,000 rows).
TAIL_MIN_ROWS = 2000
BATCH_RT_BYTES = 32 * 1024 * 1024  # ...but receipts with their XML are flushed sooner, to bound memory
MAX_REPORTED_ERRORS = 1_000  # rejected rows listed one by one; the others are only counted


class ReceiptImporting(ReceiptServiceBase):
    """Import of exports (files, bytes, rows) and re-matching of stored receipts."""

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
        return self._import(rx.iter_export(p, records=True, raw=self._raw_rows()), p.name, digest.hexdigest(),
                            ente_id, progress, cancel)

    def import_bytes(self, data: bytes, name: str, *, ente_id: int | None = None,
                     progress: ProgressCallback = no_progress, cancel: CancelToken = NEVER_CANCELLED) -> ImportReport:
        """Import an export held in memory (downloaded from the portal)."""
        return self._import(rx.iter_export(data, name, records=True, raw=self._raw_rows()), name,
                            hashlib.sha256(data).hexdigest(), ente_id, progress, cancel)

    def import_rows(self, rows: Iterable[rx.ReceiptRow], *, export_name: str = "", ente_id: int | None = None,
                    progress: ProgressCallback = no_progress, cancel: CancelToken = NEVER_CANCELLED) -> ImportReport:
        """Import rows already read (tests, tools). No file is recorded."""
        reader = rx.ExportReader(export_name, version="", with_receipt=False)
        return self._import(((reader, r) for r in rows), export_name, "", ente_id, progress, cancel)

    def _raw_rows(self) -> bool:
        """Whether a file's rows reach the pipeline as read (RawRecord, built by staged_rows: SQLite's path)."""
        return receipt_staging.available(self.ws.db)

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
        pipeline = _Pipeline(items, ente, name, repo.insert_binder(self.ws.db.engine), self.ws.db,
                             match_in_database=receipt_staging.available(self.ws.db))
        try:
            self._store_all(ente, pipeline, report, progress, cancel)
        except rx.ExportFormatError as exc:
            message = str(exc).removeprefix(f"{name}: ")  # the file is named once, by the UserError
            if report.new:
                raise UserError(f"{message} (le {report.new} ricevute già lette sono state salvate)",
                                file=name) from exc
            raise UserError(message, file=name) from exc
        report.version, report.with_receipt = pipeline.version, pipeline.with_receipt
        if sha256:
            with self.ws.db.session(lock=locks.receipts(ente.id)) as s:  # read, then write: a write from BEGIN
                repo.record_file(s, ente.id, name, sha256, report.receipts,
                                 json.dumps({"new": report.new, "errors": len(report.errors),
                                             "version": report.version}))
        progress(report.receipts, report.receipts, f"{report.new} ricevute nuove")
        self.ws.audit("receipts.import", ente_id=ente.id, entity="receipt",
                      details={k: v for k, v in report.to_json().items() if k != "errors"}
                      | {"errors": len(report.errors)})
        return report

    def _store_all(self, ente, pipeline: _Pipeline, report: ImportReport, progress: ProgressCallback,
                   cancel: CancelToken) -> None:
        """Store the pipeline's batches, each in its own write transaction.

        A writer thread stores each batch while the next one is read and built: on SQLite through
        store.repositories.receipt_staging, elsewhere with ``_store_batch``.
        """
        def stored(done: receipt_staging.StoredBatch | None) -> None:
            if done is not None:
                report.new += done.new
                report.duplicates += done.rows - done.new
                report.matched += done.matched
                report.unmatched += done.new - done.matched
                report.debts_paid += done.debts_paid

        if receipt_staging.available(self.ws.db):
            writer = receipt_staging.StagedReceiptWriter(self.ws.db, ente.id)
            submit = lambda batch: writer.submit(batch.rows)  # noqa: E731 - (matched by the database there)
        else:
            writer = _BatchWriter(lambda batch: self._store_batch(ente, batch))
            submit = writer.submit
        with writer:
            try:
                for batch in pipeline.batches():
                    _keep_errors(report, batch.errors)
                    cancel.raise_if_cancelled()
                    report.receipts += len(batch.rows)
                    if batch.rows:
                        stored(submit(batch))
                    progress(report.receipts, 0, f"{report.receipts} ricevute lette, {report.new} nuove")
            finally:
                stored(writer.finish())  # the batch in flight ends (stored, or its error raised) and counts

    def _store_batch(self, ente, batch: _Batch) -> receipt_staging.StoredBatch:
        """(the writer thread) The portable path: one batch in one write transaction."""
        with self.ws.db.session(lock=locks.receipts(ente.id)) as s, repo.bulk_cache(s):
            after = repo.last_receipt_id(s)
            new = repo.insert_receipts(s, batch.rows, bound=True)  # same dedupe key: skipped by the database
            matched = batch.matched
            if new != len(batch.rows):  # some were stored already: count what went in
                new, matched = repo.batch_counts(s, after)
            paid = repo.recompute_debts_after(s, ente.id, after) if matched else 0
        return receipt_staging.StoredBatch(len(batch.rows), new, matched, paid)

    def rematch(self, ente_id: int | None = None) -> int:
        """Match receipts stored without a debt to debts that exist now. Returns how many matched."""
        return self._rematch(self._ente(ente_id).id)[0]

    def _rematch(self, ente_id: int) -> tuple[int, int]:
        with self.ws.db.session(lock=locks.receipts(ente_id)) as s:  # read, then write: a write from BEGIN
            matches = repo.find_matches(s, ente_id)
            if not matches:
                return 0, 0
            repo.set_matches(s, matches)
            return len(matches), repo.recompute_debts(s, {m[1] for m in matches})


# --- the import pipeline ------------------------------------------------------------------------------

@dataclass
class _Batch:
    # receipt rows in repo.INSERT_COLUMNS order, bound for the database; matched, or (match_in_database)
    # followed by the IUD and IUV to match them by (receipt_staging.STAGE_COLUMNS)
    rows: list[list]
    matched: int  # rows with a debt (when matched here)
    errors: list[dict]
    stamp: datetime  # imported_at of every row of the batch (unique per batch)


class _Pipeline:
    """Turns the reader's rows into ready batches: checked, keyed, matched and bound for the database.

    Each batch is built (its debts looked up in a short read transaction) before the write
    transaction that stores it, so the write lock is held only for the INSERT and the paid state;
    a writer thread stores it while this thread reads and builds the next. On SQLite the rows are
    matched by the database instead, on that thread (store.repositories.receipt_staging), and a file's
    rows arrive as read (RawRecord) and are checked and built in one loop (staged_rows).
    """

    def __init__(self, items, ente, name: str, binder, db, match_in_database: bool = False):
        self.items = items
        self.match_in_database = match_in_database
        self.ente = ente
        self.name = name
        self.binder = binder
        self.db = db
        self._reader: rx.ExportReader | None = None  # the last file read (its layout, once known)
        self._last_stamp: datetime | None = None
        self._staged = StagedRowBuilder(ente.id, ente.fiscal_code, name, db.engine) if match_in_database else None

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
        rows: list[rx.ReceiptRow | rx.ExportRecord | rx.RawRecord] = []
        rt_bytes = 0
        reader = None
        limit, limit_reader = BATCH_ROWS, None
        for reader, item in self.items:
            if item.__class__ is rx.RawRecord:  # (one batch holds one file's raw rows: one decoder)
                if reader is not self._reader and rows:
                    yield self._build(rows, errors)
                    rows, errors, rt_bytes = [], [], 0
                self._reader = reader
                if reader.with_receipt and len(item.values) > rx.RT_INDEX:
                    rt_bytes += len(item.values[rx.RT_INDEX]) * 3 // 4  # (base64)
            elif isinstance(item, rx.RowError):
                errors.append(item.to_dict())
                continue
            else:
                rt_bytes += len(item.rt_xml)
            rows.append(item)
            if len(rows) >= limit or rt_bytes >= BATCH_RT_BYTES:
                self._reader = reader
                yield self._build(rows, errors)
                rows, errors, rt_bytes = [], [], 0
                # never growing again within a file (the bytes read move by whole buffers, the rows one by one)
                following = next_batch_rows(reader)
                limit = min(limit, following) if reader is limit_reader else following
                limit_reader = reader
        self._reader = reader
        if rows or errors:
            yield self._build(rows, errors)

    def _build(self, rows: list[rx.ReceiptRow | rx.ExportRecord | rx.RawRecord], errors: list[dict]) -> _Batch:
        stamp = self._stamp()
        if rows and rows[0].__class__ is rx.RawRecord:  # SQLite: built and bound in one loop, matched there
            built, refused = self._staged.build(self._reader.decoder, rows, stamp)
            errors += refused
            errors.sort(key=lambda e: e.get("row") or 0)
            return _Batch(built, 0, errors, stamp)
        out_rows: list[tuple] = []
        codes: list[tuple[str, str] | None] = []
        fiscal_code, ente_id, name, binder = self.ente.fiscal_code, self.ente.id, self.name, self.binder
        for r in rows:
            if r.__class__ is rx.ExportRecord:  # a file's row: its columns taken by position
                stored = stored_record(ente_id, fiscal_code, r, name, stamp, binder)
                if stored.__class__ is dict:
                    errors.append(stored)
                else:
                    out_rows.append(stored[0])
                    codes.append(stored[1])
                continue
            secondary = r.tipoDovuto == rx.SECONDARY_ENTE_TYPE
            dominio = r.identificativoDominio or r.enteBenefCodiceIdentificativoUnivoco
            if dominio and dominio != fiscal_code and not secondary:
                errors.append(other_ente_error(r.row_number, name, dominio, fiscal_code))
                continue
            out_rows.append(binder(receipt_row(ente_id, r, dedupe_key(r), name, stamp)))
            codes.append(None if secondary else (r.codIud, r.codIuv or r.identificativoUnivocoVersamento))
        errors.sort(key=lambda e: e.get("row") or 0)
        if self.match_in_database:  # receipt_staging matches them: the codes travel with each row
            for row, c in zip(out_rows, codes, strict=True):
                row += c if c else _NO_CODES
            return _Batch(out_rows, 0, errors, stamp)
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
            t[_DEBT_ID] = debt_id
            t[_MATCH_KIND] = kind
            matched += 1
        return _Batch(out_rows, matched, errors, stamp)


class _BatchWriter:
    """The portable path's writer thread: ``store`` runs on it for each batch while the importing thread reads
    and builds the next (the database works in its own process meanwhile, and the driver waits for it without
    the GIL). ``submit`` returns the previous batch's outcome once it is stored, ``finish`` the last one; one
    batch in flight, stored in the order given. The same contract as receipt_staging.StagedReceiptWriter."""

    def __init__(self, store):
        self._store = store
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="receipts-store")
        self._pending: Future | None = None

    def __enter__(self) -> _BatchWriter:
        return self

    def __exit__(self, *exc) -> None:
        if self._pending is not None:
            self._pending.exception()  # let a batch in flight end (it commits or rolls back)
            self._pending = None
        self._pool.shutdown(wait=True)

    def submit(self, batch: _Batch) -> receipt_staging.StoredBatch | None:
        previous = self.finish()  # (a refused batch raises here: nothing after it is stored)
        self._pending = self._pool.submit(self._store, batch)
        return previous

    def finish(self) -> receipt_staging.StoredBatch | None:
        pending, self._pending = self._pending, None
        return pending.result() if pending is not None else None


# --- helpers -----------------------------------------------------------------------------------------

def next_batch_rows(reader: rx.ExportReader) -> int:
    """Rows of the next batch: BATCH_ROWS, or half of what is left of the file once that is under one and a
    half batches (by the bytes read per row so far), never under TAIL_MIN_ROWS."""
    if reader.position is None or not reader.data_rows:
        return BATCH_ROWS
    done, size = reader.position()
    if done <= 0:
        return BATCH_ROWS
    rows_left = (size - done) * reader.data_rows / done
    if rows_left >= 1.5 * BATCH_ROWS:
        return BATCH_ROWS
    return max(min(TAIL_MIN_ROWS, BATCH_ROWS), int(rows_left / 2))


_NO_CODES = (None, None)  # a secondary Ente's row: never matched
_DEBT_ID = repo.INSERT_COLUMNS.index("debt_id")
_MATCH_KIND = repo.INSERT_COLUMNS.index("match_kind")
assert _MATCH_KIND == _DEBT_ID + 1  # _store_batch replaces the two together



def _keep_errors(report: ImportReport, errors: list) -> None:
    """List the first MAX_REPORTED_ERRORS rejected rows, only count the others (bounded memory)."""
    room = max(MAX_REPORTED_ERRORS - len(report.errors), 0)
    report.errors.extend(errors[:room])
    report.errors_omitted += max(len(errors) - room, 0)
