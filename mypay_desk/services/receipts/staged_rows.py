"""A batch of a receipt export's rows, as the csv module read them, made into the rows SQLite's bulk import
stages (store.repositories.receipt_staging.STAGE_COLUMNS, bound as the ORM binds them) in one loop.

The usual row (no receipt block, amounts, day and time in their usual form, a payment of this Ente) is
checked, decoded and laid out here, inline: the values the plain path gives (RowDecoder.decode_record, then
receipt_rows.record_row, then repo.insert_binder) without a record, a function call per step or a second pass
per row (the importing thread of a 100,000-row import: 2.4 s -> 2.2 s of CPU, measured in one process,
alternately; benchmarks/RESULTS.md). Any other row (a value to refuse or to read leniently, a receipt XML to check,
another Ente's payment, a column count the layout does not have) takes the plain path: the same checks and
messages. tests/unit/test_receipts_staged_rows.py holds the two equal.
"""

from __future__ import annotations

from datetime import datetime
from operator import itemgetter
from typing import Any

from mypay_desk.formats import receipt_export as rx
from mypay_desk.services.receipts.receipt_rows import (
    JSON_PLAIN_ASCII,
    RECORD_COLUMNS,
    bounded_key,
    compact_plan,
    raw_json,
    stored_record,
)
from mypay_desk.store.repositories import receipts as repo

# What the usual row needs beyond RECORD_COLUMNS: the amounts, the payment day and the receipt's time.
_DECODED_COLUMNS = ("singoloImportoPagato", "importoTotalePagato", "dataEsitoSingoloPagamento",
                    "dataOraMessaggioRicevuta")
# RECORD_COLUMNS but tipoFirma, a column of the receipt block (a row without it stores "", as record_row does).
_READ_COLUMNS = tuple(c for c in RECORD_COLUMNS if c != "tipoFirma")
# The columns whose bound form differs from the value (SQLite: dates and times as text); with any other, the
# plain path binds every row.
_CONVERTED = frozenset({"receipt_datetime", "outcome_date", "imported_at"})
_CACHE_LIMIT = 50_000  # distinct amounts or days remembered (bounds the memory)
_RAW = repo.INSERT_COLUMNS.index("raw_json")
_NO_CODES = (None, None)  # a secondary Ente's row: never matched


class _Unusual(ValueError):
    """A row the inline loop leaves to the plain path."""


class StagedRowBuilder:
    """Builds staged rows for one import (one Ente, one export name, one database)."""

    def __init__(self, ente_id: int, fiscal_code: str, name: str, bind):
        self.ente_id = ente_id
        self.fiscal_code = fiscal_code
        self.name = name
        self.binder = repo.insert_binder(bind)
        procs = repo.bind_processors(bind)
        self._inline = set(procs) <= _CONVERTED
        same = lambda v: v  # noqa: E731 - a column the dialect binds as it is
        self._bind_time = procs.get("receipt_datetime", same)
        self._bind_day = procs.get("outcome_date", same)
        self._bind_stamp = procs.get("imported_at", same)
        self._plans: dict[str, tuple | None] = {}
        self._amounts: dict[str, int] = {}
        self._days: dict[str, Any] = {}  # the day's text -> its bound form

    def build(self, decoder: rx.RowDecoder, records: list[rx.RawRecord], stamp: datetime
              ) -> tuple[list[list], list[dict]]:
        """Staged rows (in the file's order) and the refused rows (as RowError.to_dict()) of ``records``, all
        read with ``decoder``; ``stamp`` is the batch's imported_at."""
        rows: list[list] = []
        errors: list[dict] = []
        plan = self._plan(decoder.layout)
        plain = self._plain
        if plan is None:  # (a receipt block to check, or another dialect) every row the plain way
            for rec, line in records:
                plain(decoder, rec, line, stamp, rows, errors)
            return rows, errors
        (get, padded, raw_values, stored_values, kept_values, compact, compact_head, compact_seps, layout,
         full_head, full_seps) = plan
        pad = [""]
        ncols = decoder.ncols
        ente_id, fiscal_code, name, secondary_type = self.ente_id, self.fiscal_code, self.name, rx.SECONDARY_ENTE_TYPE
        amounts, days = self._amounts, self._days
        parse_amount, parse_day, fromisoformat = rx.parse_amount, rx.parse_day, datetime.fromisoformat
        bind_time, bind_day = self._bind_time, self._bind_day
        bound_stamp = self._bind_stamp(stamp)
        plain_ascii = JSON_PLAIN_ASCII
        for rec, line in records:
            try:  # the usual row, as RowDecoder.decode_record reads it; anything else raises _Unusual
                if len(rec) != ncols:
                    raise _Unusual
                (iuf, cod_iud, cod_iuv, iuv_vers, message_id, iur, dominio, dominio_benef, tipo, cf_pa1, psp_id,
                 psp_name, payer_type, payer_code, payer_name, payer_email, outcome, single_outcome, context,
                 causale, collection, bilancio, name_pa1, taxonomy_pa1, single, total, day, time) = get(
                    rec + pad if padded else rec)
                amount = amounts.get(single)
                if amount is None:
                    amount = parse_amount(single)
                    if len(amounts) >= _CACHE_LIMIT:
                        amounts.clear()
                    amounts[single] = amount
                if total == single or not total.strip():
                    total_paid = amount
                else:
                    total_paid = amounts.get(total)
                    if total_paid is None:
                        total_paid = parse_amount(total)
                bound_day = days.get(day)
                if bound_day is None:
                    if not day.strip():  # (the day is then the receipt time's)
                        raise _Unusual
                    bound_day = bind_day(parse_day(day))
                    if len(days) >= _CACHE_LIMIT:
                        days.clear()
                    days[day] = bound_day
                if len(time) == 19:  # the usual yyyy-MM-ddTHH:mm:ss (no fraction, no offset)
                    moment = fromisoformat(time)
                    if moment.tzinfo is not None or moment.microsecond:  # (...T080000.1: the plain path drops them)
                        raise _Unusual
                    bound_time = bind_time(moment)
                elif time.strip():
                    raise _Unusual
                else:
                    bound_time = None
                if not cod_iuv and not iuv_vers and not cod_iud:
                    raise _Unusual
                secondary = tipo == secondary_type
                if not secondary and (dominio or dominio_benef) and (dominio or dominio_benef) != fiscal_code:
                    raise _Unusual
            except ValueError:  # (_Unusual is one) the plain path: its checks and messages
                plain(decoder, rec, line, stamp, rows, errors)
                continue
            # receipt_rows.record_row, bound
            iuv = cod_iuv or iuv_vers
            key = "|".join((message_id or iur, iuv, cod_iud, cf_pa1 if secondary else ""))
            if len(key) > 200:
                key = bounded_key(key)
            row = [
                ente_id, key, (iuf or name)[:200], line, cod_iud[:35], iuv[:35], message_id[:64], bound_time,
                psp_id[:35], psp_name[:140], payer_type[:1], payer_code[:35], payer_name[:70], payer_email[:256],
                outcome[:2], total_paid, amount, single_outcome[:64], bound_day, iur[:35], context[:35],
                causale[:1024], collection[:140], tipo[:64], None, None, "", "", bilancio, cf_pa1[:35],
                name_pa1[:140], taxonomy_pa1[:140], None, "", bound_stamp, "",
                None if secondary else cod_iud, None if secondary else iuv,
            ]
            # receipt_rows.stored_raw_json
            if raw_values(rec) == stored_values(row):  # nothing was cut
                values, head, seps, stored_layout = kept_values(rec), compact_head, compact_seps, compact
            else:
                values, head, seps, stored_layout = rec, full_head, full_seps, layout
            joined = '","'.join(values)
            if joined.isascii() and joined.encode("ascii").translate(None, plain_ascii) == seps:
                row[_RAW] = head + joined + '"]}'
            else:
                row[_RAW] = raw_json(stored_layout, values)
            rows.append(row)
        return rows, errors

    def _plan(self, layout: str) -> tuple | None:
        if layout in self._plans:
            return self._plans[layout]
        columns = rx.columns_for_layout(layout)
        plan = None
        if self._inline and "rt" not in columns:
            index = {c: i for i, c in enumerate(columns)}
            absent = len(columns)  # the "" appended after the record's own values
            wanted = (*_READ_COLUMNS, *_DECODED_COLUMNS)
            get = itemgetter(*(index.get(c, absent) for c in wanted))
            raw_values, stored_values, kept_values, compact = compact_plan(layout)
            kept = len(kept_values(columns))
            plan = (get, any(c not in index for c in wanted), raw_values, stored_values, kept_values, compact,
                    '{"layout":"' + compact + '","values":["', b'"' * (2 * (kept - 1)), layout,
                    '{"layout":"' + layout + '","values":["', b'"' * (2 * (len(columns) - 1)))
        self._plans[layout] = plan
        return plan

    def _plain(self, decoder: rx.RowDecoder, rec: list[str], line: int, stamp: datetime, rows: list,
               errors: list) -> None:
        """One row the plain way: RowDecoder.decode_record, receipt_rows.record_row, repo.insert_binder."""
        record = decoder.decode_record(rec, line)
        stored = record if record.__class__ is rx.RowError else stored_record(
            self.ente_id, self.fiscal_code, record, self.name, stamp, self.binder)
        if stored.__class__ is rx.RowError:
            errors.append(stored.to_dict())
        elif stored.__class__ is dict:
            errors.append(stored)
        else:
            row, codes = stored
            row += codes or _NO_CODES
            rows.append(row)
