"""Importing debts from xlsx, csv or MyPay flows (1_0..1_4): preview, checks, refresh of a list by IUD.

Every stored debt has an IUD: a file whose rows lack one is refused (nothing written) unless an IUD
prefix is given, and then those rows get IUDs derived from who owes what (see :func:`stable_iuds`),
the same at every import of the same file, so a refresh matches the same debts.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import not_
from pathlib import Path
from typing import Any

from mypay_desk.domain.codes import notice_number_for
from mypay_desk.domain.debt_states import (
    DebtState,
    is_editable,
    state_label,
)
from mypay_desk.domain.debts import (
    COLUMN_BY_NAME,
    COLUMN_FOR_FIELD,
    DEFAULT_VERSION,
    RECORD_FIELDS,
    DebtRecord,
    RowError,
    bilancio_to_json,
    columns_for_version,
    duplicate_iuds,
    quick_ok_columns,
    validate_debt,
)
from mypay_desk.domain.ente import EnteData, FieldError
from mypay_desk.formats import import_flow, spreadsheet
from mypay_desk.services.bulk import bulk_work
from mypay_desk.services.errors import UserError
from mypay_desk.services.lists.columns import (
    COLUMN_FIELDS,
    CheckedRows,
    LoadedFile,
    insert_columns,
)
from mypay_desk.services.lists.common import (
    ListServiceBase,
    Rules,
    counts_for_iud,
    errors_from_json,
    record_of,
)
from mypay_desk.services.progress import NEVER_CANCELLED, CancelToken, ProgressCallback, no_progress
from mypay_desk.store import locks
from mypay_desk.store.repositories import debts as repo

MAX_IMPORT_BYTES = spreadsheet.MAX_FILE_BYTES  # read whole: anything bigger is not a list of debts


@dataclass
class ImportReport:
    list: str
    file: str
    format: str  # "flow", "xlsx", "csv"
    version: str = ""  # tracciato of a flow
    rows: int = 0
    valid: int = 0
    invalid: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    cancelled: int = 0
    missing: int = 0
    missing_iuds: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    created_list: bool = False
    generated_iuds: int = 0  # rows that got an IUD from the prefix
    #: {MyPay column name: the file's header} of a spreadsheet (what was read from where).
    columns: dict[str, str] = field(default_factory=dict)
    #: The spreadsheet's headers no field was read from (for the hint when no column gave the amount).
    unused_headers: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON of ``lists import --json`` (CLI.md). Each error has ``column`` (the file's header, or
        MyPay's name for flows) and ``field`` (MyPay's tracciato name, as ``lists show --json`` names it)."""
        fields_by_header = {h: c for c, h in self.columns.items()}
        return {"list": self.list, "rows": self.rows, "valid": self.valid, "invalid": self.invalid,
                "added": self.added, "updated": self.updated, "missing": self.missing,
                "errors": [{**e.to_dict(), "field": fields_by_header.get(e.column)
                            or (e.column if e.column in COLUMN_BY_NAME else None)} for e in self.errors],
                "unchanged": self.unchanged, "cancelled": self.cancelled, "missing_iuds": self.missing_iuds,
                "file": self.file, "format": self.format, "version": self.version,
                "generated_iuds": self.generated_iuds, "columns": self.columns}


@dataclass
class ImportPreview:
    """What an import would read, before anything is written."""

    file: str
    format: str
    version: str
    headers: list[str]  # file headers (spreadsheets) or MyPay column names (flows)
    mapping: dict[str, str]  # {field: header} (spreadsheets)
    records: list[DebtRecord]  # every row, in file order
    errors: dict[int, list[RowError]]  # by row number: reading and validation problems
    rows: int
    valid: int
    invalid: int
    sheet: str = ""
    sheets: list[tuple[str, bool]] = field(default_factory=list)  # (name, visible) of a workbook's sheets
    existing_list: bool = False
    matched: int = 0  # rows whose IUD is already in the list
    missing: int = 0  # debts of the list not in the file
    without_iud: int = 0  # rows with no IUD (the import refuses them unless an IUD prefix is given)
    generated_iuds: int = 0  # rows whose IUD comes from the prefix


class Importing(ListServiceBase):
    """Import of xlsx, csv and MyPay flows into a list, with a preview that writes nothing."""

    # --- import ----------------------------------------------------------------------------------
    def _load(self, path: str | os.PathLike, mapping: Mapping[str, str] | None,
              column_map: Sequence[tuple[str, str | None]] = (), sheet: str | int | None = None) -> LoadedFile:
        p = Path(path)
        if not p.is_file():
            raise UserError("File non trovato", file=str(p))
        size = p.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise UserError(f"Il file è troppo grande ({size // (1024 * 1024):,} MB): al massimo "
                            f"{MAX_IMPORT_BYTES // (1024 * 1024):,} MB".replace(",", "."), file=p.name)
        data = p.read_bytes()
        name = p.name
        if _looks_like_flow(name, data):
            try:
                version, records, errors = import_flow.read_flow(data, name=name)
            except import_flow.FlowError as exc:
                raise UserError(exc.message, file=name, row=exc.row, column=exc.column or None) from exc
            if column_map:
                raise UserError("Un flusso MyPay ha le colonne del tracciato: la corrispondenza delle colonne "
                                "(--map) vale solo per fogli di calcolo e CSV", file=name, field="map")
            cols = {f: [getattr(r, f) for r in records] for f in COLUMN_FIELDS}
            return LoadedFile("flow", name, version, cols, len(records), errors, {}, columns_for_version(version),
                           records=records)
        try:
            table = spreadsheet.read_table(data, name=name, sheet=sheet)
            used = dict(mapping) if mapping is not None else spreadsheet.guess_mapping(table.headers)
            if column_map:
                used = spreadsheet.apply_column_map(table.headers, used, list(column_map), name)
            texts: dict[str, str] = {}
            cols, errors = spreadsheet.to_columns(table, used, texts)
        except spreadsheet.SpreadsheetError as exc:
            raise UserError(exc.message, file=name, row=exc.row, column=exc.column or None) from exc
        if not any(v for v in used.values()):
            raise UserError("Nessuna colonna riconosciuta: indica quale colonna contiene codice fiscale, nome, importo"
                            " e gli altri dati", file=name, row=table.header_row)
        kind = "csv" if table.delimiter else "xlsx"
        return LoadedFile(kind, name, "", cols, len(table.rows), errors, used, table.headers, table.sheet_name,
                       joined={f: (cols[f], t) for f, t in texts.items()})

    def preview_import(self, path: str | os.PathLike, mapping: Mapping[str, str] | None = None, *,
                       list_name: str | None = None, debt_type: str | None = None, iud_prefix: str = "",
                       column_map: Sequence[tuple[str, str | None]] = (), sheet: str | None = None) -> ImportPreview:
        """Read and validate a file without writing anything (for the import dialog). With ``iud_prefix``
        the rows without an IUD show the IUD they would get. ``sheet``: the workbook's sheet to read
        (default the first visible one); the preview lists them all."""
        ente = self._ente()
        rules = self._rules(ente)
        prefix = check_iud_prefix(iud_prefix)
        with bulk_work():
            loaded = self._load(path, mapping, column_map, sheet)
            sheets = self._sheets(path) if loaded.kind == "xlsx" else []
            without = loaded.cols.get("iud", [""] * loaded.n).count("") if loaded.n else 0
            with self.ws.db.session() as s:
                lst = repo.get_list(s, ente.id, list_name.strip()) if list_name else None
                default_type = (debt_type or "").strip() or (lst.default_debt_type if lst else "")
                existing = {d["iud"]: d for d in repo.debts_of_list(s, lst.id, columns=("iud", "parent_id", "state",
                                                                                        "cancel_requested"))} \
                    if lst else {}
                checked = self._prepare(s, ente, rules, loaded, default_type, lst.id if lst else None, prefix)
            records = loaded.all_records()
        errors = {loaded.row_no(i): report for i, report in checked.reports.items() if report}
        valid = sum(checked.valid)
        file_iuds = set(loaded.cols["iud"])
        missing = sum(1 for iud, d in existing.items() if iud and iud not in file_iuds and d["parent_id"] is None
                      and d["state"] not in (DebtState.ANNULLATO, DebtState.PAGATO) and not d["cancel_requested"])
        return ImportPreview(file=loaded.file, format=loaded.kind, version=loaded.version, headers=loaded.headers,
                             mapping=loaded.mapping, records=records, errors=errors, rows=loaded.n, valid=valid,
                             invalid=loaded.n - valid, sheet=loaded.sheet, sheets=sheets,
                             existing_list=lst is not None,
                             matched=sum(1 for i in file_iuds if i in existing), missing=missing,
                             without_iud=0 if prefix else without, generated_iuds=without if prefix else 0)

    def _prepare(self, s, ente: EnteData, rules: Rules, loaded: LoadedFile, default_type: str,
                 list_id: int | None, iud_prefix: str = "") -> CheckedRows:
        """Fill defaults (tipo, taxonomy, IUDs from ``iud_prefix``) and check every row: which are valid,
        what to store as their errors, and what to report (with the file's row numbers and column names)."""
        n, cols = loaded.n, loaded.cols
        types = rules.types
        cols.setdefault("iud", [""] * n)
        dtypes = cols.get("debt_type")
        fill = loaded.kind != "flow" and bool(default_type)
        if dtypes is None:
            dtypes = [default_type if fill else ""] * n
        elif fill and "" in dtypes:
            dtypes = [t or default_type for t in dtypes]
        cols["debt_type"] = dtypes
        data = cols.get("collection_data")
        if data is None or "" in data:
            taxonomy = {code: t.taxonomy for code, t in types.items()}
            if data is None and dtypes.count(dtypes[0]) == n:
                cols["collection_data"] = [taxonomy.get(dtypes[0], "")] * n
            else:
                cols["collection_data"] = [d or taxonomy.get(t, "") for d, t in
                                           zip(data or [""] * n, dtypes, strict=True)]
        loaded.forget_records("debt_type", "collection_data")
        if iud_prefix and "" in cols["iud"]:
            cols["iud"] = stable_iuds(iud_prefix, cols["iud"], cols.get("debtor_code") or [""] * n,
                                      cols.get("debtor_name") or [""] * n, dtypes)
            loaded.forget_records("iud")
        iuds = cols["iud"]
        nonblank = [i for i in iuds if i]
        dups: dict[int, FieldError] = {}
        if len(set(nonblank)) != len(nonblank):
            dups = duplicate_iuds(iuds, loaded.row_numbers())  # linear; one bounded message per IUD
        others: dict[str, list[dict[str, Any]]] = {}
        if nonblank and repo.ente_has_other_debts(s, ente.id, list_id):
            pairs = self._iud_owners(s, ente.id, nonblank)
            others = {iud: hs for iud, hs in ((i, [h for h in hs if h["list_id"] != list_id and counts_for_iud(h)])
                                               for i, hs in pairs.items()) if hs}
        names = repo.list_names(s, {h["list_id"] for hs in others.values() for h in hs})
        read_errors: dict[int, list[RowError]] = {}
        for e in loaded.errors:
            read_errors.setdefault(e.row, []).append(e)
        ok = quick_ok_columns(cols, n, types, joined=loaded.texts())
        valid = [True] * n
        errors_json = [""] * n
        reports: dict[int, list[RowError]] = {}
        seg = ente.segregation_code or None
        row_numbers = loaded.row_numbers()
        # Only rows the fast path did not clear, or with reading errors, duplicates or clashes, need a
        # look; the others are valid with no errors (usually every row of a big file).
        look = set(dups)
        if not all(ok):
            look.update(compress(range(n), map(not_, ok)))
        if read_errors:
            look.update(i for i, r in enumerate(row_numbers) if r in read_errors)
        if others:
            look.update(i for i, iud in enumerate(iuds) if iud in others)
        clashes: dict[str, list[FieldError]] = {}
        for i in sorted(look):
            row_no = row_numbers[i]
            rerrs = read_errors.get(row_no) if read_errors else None
            if ok[i] and not rerrs and i not in dups and iuds[i] not in others:
                continue
            rec = loaded.record(i)
            if not rerrs and i not in dups and iuds[i] not in others and not validate_debt(
                    rec, types.get(rec.debt_type), DEFAULT_VERSION, segregation_code=seg):
                continue
            rerrs = rerrs or []
            sticky = [{"column": _mypay_column(e.column, loaded), "message": e.message, "sticky": True}
                      for e in rerrs]
            extra = [dups[i]] if i in dups else []
            if rec.iud in others:  # one message per IUD: a file repeating it must not cost rows x holders
                if rec.iud not in clashes:
                    clashes[rec.iud] = self._clash(rec.iud, others, None, -1, names)
                extra += clashes[rec.iud]
            is_valid, errs = rules.stored_errors(rec, False, sticky=sticky, extra=extra)
            report = list(rerrs)
            if not is_valid:
                for e in errors_from_json(errs):
                    if not e.get("sticky"):
                        report.append(RowError(row_no, _file_column(e["column"], loaded), e["message"]))
            valid[i], errors_json[i] = is_valid, errs
            if report:
                reports[i] = report
        return CheckedRows(valid, errors_json, reports)

    @staticmethod
    def _sheets(path: str | os.PathLike) -> list[tuple[str, bool]]:
        try:
            return spreadsheet.sheet_names(path)
        except spreadsheet.SpreadsheetError as exc:
            raise UserError(exc.message, file=Path(path).name) from exc

    def import_file(self, path: str | os.PathLike, list_name: str, debt_type: str | None = None,
                    cancel_missing: bool = False, mapping: Mapping[str, str] | None = None, *,
                    iud_prefix: str = "", column_map: Sequence[tuple[str, str | None]] = (),
                    sheet: str | None = None, progress: ProgressCallback = no_progress,
                    cancel: CancelToken = NEVER_CANCELLED) -> ImportReport:
        """Import xlsx, csv or a MyPay flow (zip or csv, 1_0..1_4) into a list (created when missing).

        ``mapping`` ({field: header}) replaces the guessed columns of a spreadsheet; ``column_map``
        ([(header, field or None)]) corrects the guess one column at a time (the CLI's ``--map``).
        Rows without an IUD get one from ``iud_prefix`` (:func:`stable_iuds`); without a prefix such a
        file is refused with a UserError (code ``missing_iud``) and nothing is written.

        Every other row is kept; invalid ones are stored with their errors. Into an existing list debts
        are matched by IUD: changed fields become pending M, new rows are added, debts missing from the
        file are reported (and with ``cancel_missing`` cancelled). A flow row with azione A cancels its
        debt. One transaction: an unreadable file or a cancel changes nothing.
        """
        with bulk_work():
            return self._import_file(path, list_name, debt_type, cancel_missing, mapping, progress, cancel,
                                     check_iud_prefix(iud_prefix), column_map, sheet)

    def _import_file(self, path, list_name, debt_type, cancel_missing, mapping, progress, cancel, iud_prefix,
                     column_map, sheet=None) -> ImportReport:
        ente = self._ente()
        rules = self._rules(ente)
        list_name = self._check_name(list_name)
        debt_type = (debt_type or "").strip()
        if debt_type and debt_type not in rules.types:
            raise UserError(f"Tipo dovuto «{debt_type}» non configurato per l'Ente", field="tipo")
        progress(0, 0, "Lettura del file")
        loaded = self._load(path, mapping, column_map, sheet)
        if not loaded.n:
            raise UserError("Il file non contiene righe di dati (solo l'intestazione o righe vuote)", file=loaded.file)
        cancel.raise_if_cancelled()
        n = loaded.n
        without_iud = loaded.cols.setdefault("iud", [""] * n).count("")
        if without_iud and not iud_prefix:
            raise missing_iud_error(loaded, without_iud)
        report = ImportReport(list=list_name, file=loaded.file, format=loaded.kind, version=loaded.version, rows=n,
                              generated_iuds=without_iud,
                              columns={_mypay_column(h, loaded): h for h in loaded.mapping.values() if h})
        if loaded.kind != "flow":
            used = set(loaded.mapping.values())
            report.unused_headers = [h for h in loaded.headers if h not in used]
        with self.ws.db.session(lock=locks.debts(ente.id)) as s:
            lst = repo.get_list(s, ente.id, list_name)
            if lst is None:
                lst = repo.create_list(s, ente.id, list_name, debt_type)
                report.created_list = True
            default_type = debt_type or lst.default_debt_type
            existing_rows = [] if report.created_list else repo.debts_of_list(s, lst.id)
            progress(0, n, "Controllo dei dati")
            checked = self._prepare(s, ente, rules, loaded, default_type, lst.id, iud_prefix)
            cancel.raise_if_cancelled()
            report.valid = sum(checked.valid)
            report.invalid = n - report.valid
            for i in sorted(checked.reports):
                report.errors.extend(checked.reports[i])
            existing: dict[str, dict[str, Any]] = {}
            for d in existing_rows:
                if d["iud"]:
                    existing.setdefault(d["iud"], d)
            pos = (max((d["position"] for d in existing_rows), default=-1)) + 1
            updates: list[dict[str, Any]] = []
            to_cancel: list[int] = []
            iuds = loaded.cols["iud"]
            actions = loaded.cols.get("action") if loaded.kind == "flow" else None
            if not existing and not (actions and "A" in actions):
                new_idx: list[int] | None = None  # every row is new: no per-row work at all
            else:
                new_idx = []
                matched_ids: set[int] = set()
                for i in range(n):
                    if i % 20_000 == 0:
                        cancel.raise_if_cancelled()
                        progress(i, n, "Confronto con la lista")
                    d = existing.get(iuds[i]) if iuds[i] else None
                    if d is not None and d["id"] in matched_ids:
                        d = None  # a repeated IUD in the file: the later rows are added (flagged duplicate)
                    row_no = loaded.row_no(i)
                    if actions is not None and actions[i] == "A":
                        if d is None:
                            report.errors.append(RowError(row_no, "azione", f"Annullamento di IUD «{iuds[i]}» non "
                                                                            "presente nella lista: riga ignorata"))
                        else:
                            matched_ids.add(d["id"])
                            to_cancel.append(d["id"])
                        continue
                    if d is None:
                        new_idx.append(i)
                        continue
                    matched_ids.add(d["id"])
                    upd = self._import_update(d, loaded.record(i), row_no, checked.valid[i],
                                              checked.errors_json[i], ente, rules, report)
                    if upd is None:
                        report.unchanged += 1
                    else:
                        updates.append(upd)
            cancel.raise_if_cancelled()
            progress(n, n, "Salvataggio")
            columns = insert_columns(loaded, checked, new_idx, pos, ente)
            report.added = repo.insert_debt_columns(s, columns, {"ente_id": ente.id, "list_id": lst.id,
                                                                 "state": DebtState.NUOVO})
            repo.update_debts(s, updates)
            report.updated = len(updates)
            file_iuds = set(iuds) if existing_rows else set()  # a new list has nothing missing
            missing = [d for d in existing_rows if d["parent_id"] is None and d["iud"] not in file_iuds
                       and d["state"] not in (DebtState.ANNULLATO, DebtState.PAGATO) and not d["cancel_requested"]]
            report.missing = len(missing)
            report.missing_iuds = [d["iud"] for d in missing]
            if cancel_missing:
                to_cancel.extend(d["id"] for d in missing)
            cancel.raise_if_cancelled()
            list_id = lst.id
        if to_cancel:
            res = self.cancel_debts(to_cancel)
            report.cancelled = res.cancelled + res.pending
            for iud, reason in res.skipped:
                report.errors.append(RowError(0, "IUD", f"{iud}: {reason}"))
        report.errors.sort(key=lambda e: e.row)
        self.ws.audit("lists.import", ente_id=ente.id, entity="debt_list", entity_id=list_id,
                      details={"file": loaded.file, "format": loaded.kind, "rows": report.rows, "added": report.added,
                               "updated": report.updated, "invalid": report.invalid, "cancelled": report.cancelled})
        progress(n, n, "Fatto")
        return report

    @staticmethod
    def _import_update(d: Mapping[str, Any], rec: DebtRecord, row_no: int, valid: bool, errors_json: str,
                       ente: EnteData, rules: Rules, report: ImportReport) -> dict[str, Any] | None:
        current = record_of(d)
        changed = {n: getattr(rec, n) for n in RECORD_FIELDS if getattr(rec, n) != getattr(current, n)}
        if not changed and (d["errors_json"] or "") == errors_json:
            return None
        if changed:
            if not is_editable(d["state"]) or d["cancel_requested"]:
                report.errors.append(RowError(row_no, "IUD", f"Il dovuto {rec.iud} è "
                                              f"{state_label(d['state']).lower()}: modifiche ignorate"))
                return None
            if d["portal_hash"] and "iuv" in changed and d["iuv"]:
                report.errors.append(RowError(row_no, "codIuv", f"Il dovuto {rec.iud} è già sul portale con lo IUV "
                                              f"{d['iuv']}: lo IUV non si può cambiare, modifiche ignorate"))
                return None
        upd: dict[str, Any] = {"id": d["id"]}
        for n, v in changed.items():
            if n == "bilancio":
                upd["bilancio_json"] = bilancio_to_json(v)
            else:
                upd[n] = v
        if "iuv" in changed:
            upd["notice_number"] = notice_number_for(rec.iuv, ente.application_code)
        if d["portal_hash"]:
            # The rules for a debt the portal holds differ (its IUV may be a MyPay one).
            valid, errors_json = rules.stored_errors(rec, True, sticky=[e for e in errors_from_json(errors_json)
                                                                        if e.get("sticky")])
        upd.update(is_valid=valid, errors_json=errors_json, source_row=row_no or None)
        if d["state"] == DebtState.RIFIUTATO and changed:
            upd.update(state=DebtState.SUL_PORTALE if d["portal_hash"] else DebtState.NUOVO, portal_error_code="",
                       portal_error_message="")
        return upd


def _looks_like_flow(name: str, data: bytes) -> bool:
    """A MyPay flow: a ZIP, a CSV named like one, or a CSV whose header starts IUD;codIuv."""
    lower = name.lower()
    if lower.endswith(".zip") or data[:4] == b"PK\x03\x04" and not lower.endswith((".xlsx", ".xlsm", ".ods")):
        return True
    if not lower.endswith((".csv", ".txt")):
        return False
    try:
        import_flow.parse_flow_name(name)
        return True
    except import_flow.FlowError:
        pass
    head = data[:200].decode("utf-8", "ignore").lstrip("\ufeff").lower()
    return bool(re.match(r'"?iud"?;"?codiuv"?;', head))


def _mypay_column(column: str, loaded: LoadedFile) -> str:
    """A reading error's column as a MyPay column name (what the stored errors use)."""
    if loaded.kind == "flow":
        return column
    for fld, header in loaded.mapping.items():
        if header == column:
            if fld in ("debtor_surname", "debtor_given_name"):
                return "anagraficaPagatore"
            return COLUMN_FOR_FIELD.get(fld, column)
    return column


def _file_column(column: str, loaded: LoadedFile) -> str:
    """A MyPay column name as the file calls it (its header for spreadsheets)."""
    if loaded.kind == "flow":
        return column
    return spreadsheet.header_for_column(loaded.mapping, column)




# --- IUDs for rows without one ------------------------------------------------------------------

IUD_MAX = 35
IUD_DIGEST_CHARS = 12  # base32: 60 bits, so a million generated IUDs collide with odds below one in a million


def check_iud_prefix(prefix: str | None) -> str:
    """The IUD prefix as it will be used (upper case), "" for none; UserError when it cannot make IUDs.

    MyPay refuses an IUD only when blank or starting with 000 (RegioneDelVeneto/mypay, mypay4
    util/Utilities.java validaIUD); the prefix keeps to letters, digits and _ - . so every generated IUD
    also survives spreadsheets and flow CSVs unchanged."""
    prefix = (prefix or "").strip().upper()
    if not prefix:
        return ""
    if not re.fullmatch(r"[A-Z0-9_.\-]+", prefix):
        raise UserError(f"Prefisso IUD «{prefix}» non valido: usa lettere, cifre e _ - .", field="iud_prefix",
                        code="invalid_iud_prefix")
    if prefix.startswith("000"):
        raise UserError("Il prefisso IUD non può iniziare con 000 (riservato a MyPay)", field="iud_prefix",
                        code="invalid_iud_prefix")
    if len(prefix) > IUD_MAX - IUD_DIGEST_CHARS:
        raise UserError(f"Prefisso IUD troppo lungo: al massimo {IUD_MAX - IUD_DIGEST_CHARS} caratteri (l'IUD ne ha "
                        f"{IUD_MAX}, {IUD_DIGEST_CHARS} sono generati)", field="iud_prefix", code="invalid_iud_prefix")
    return prefix


def stable_iuds(prefix: str, iuds: Sequence[str], debtor_codes: Sequence[str], debtor_names: Sequence[str],
                debt_types: Sequence[str]) -> list[str]:
    """``iuds`` with the blank ones filled: PREFIX + 12 characters derived from the row's debtor (codice
    fiscale / partita IVA, or the name when there is no code) and tipo dovuto; a debtor's second,
    third... row of the same tipo in the file adds its ordinal to what is derived. So the IUDs do not
    depend on where rows are in the file, only on who owes what: importing the same file again (or an
    updated one, rows added, removed or reordered) gives the same debts the same IUDs. Changing a
    debtor's code or tipo gives that row a new IUD."""
    seen: dict[tuple[str, str], int] = {}
    out = list(iuds)
    for i, iud in enumerate(iuds):
        if iud:
            continue
        who = (debtor_codes[i] or "").strip().upper() or " ".join((debtor_names[i] or "").upper().split())
        key = (who, (debt_types[i] or "").strip().upper())
        nth = seen.get(key, 0) + 1
        seen[key] = nth
        digest = hashlib.sha256(f"{key[0]}\x1f{key[1]}\x1f{nth}".encode()).digest()
        out[i] = prefix + base64.b32encode(digest).decode("ascii")[:IUD_DIGEST_CHARS]
    return out


def missing_iud_error(loaded: LoadedFile, count: int) -> UserError:
    """The refusal of a file with rows lacking an IUD: what to add, and that nothing was written."""
    how = ("indica quale colonna contiene l'IUD (riga di comando: --map \"INTESTAZIONE=IUD\"; finestra di "
           "importazione: la corrispondenza delle colonne) oppure fai generare gli IUD con un prefisso (riga di "
           "comando: --iud-prefix PREFISSO; finestra di importazione: «Prefisso IUD»)")
    if count == loaded.n:
        if loaded.kind == "flow":
            text = "Nessuna riga del flusso ha l'IUD: completa la colonna IUD oppure " + how.split("oppure ", 1)[1]
        else:
            headers = ", ".join(f"«{h}»" for h in loaded.headers[:20])
            text = (f"Nessuna riga ha l'IUD (identificativo univoco del dovuto) e nessuna colonna è stata riconosciuta "
                    f"come IUD (colonne del file: {headers}): {how}")
    else:
        rows = [loaded.row_no(i) for i, v in enumerate(loaded.cols["iud"]) if not v]
        shown = ", ".join(map(str, rows[:10])) + (f" e altre {len(rows) - 10}" if len(rows) > 10 else "")
        text = (f"{count} righe su {loaded.n} non hanno l'IUD (righe {shown}): completale nel file oppure fai "
                "generare gli IUD mancanti con un prefisso (riga di comando: --iud-prefix PREFISSO; finestra di "
                "importazione: «Prefisso IUD»)")
    return UserError(text + ". Nulla è stato importato.", file=loaded.file, field="IUD", code="missing_iud")
