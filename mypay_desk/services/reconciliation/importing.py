"""Importing FdR flows, OPI giornale di cassa and bank-statement CSV, recognised by their content."""

from __future__ import annotations

import hashlib
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from mypay_desk.domain.excerpt import excerpt
from mypay_desk.formats import bank_csv, fdr, opi
from mypay_desk.formats.xmlsafe import XmlError, local_name, parse_xml
from mypay_desk.services.errors import UserError
from mypay_desk.services.progress import NEVER_CANCELLED, CancelToken, ProgressCallback, no_progress
from mypay_desk.services.reconciliation.views import (
    KIND_CSV,
    KIND_FDR,
    KIND_OPI,
    ImportIssue,
    ImportReport,
    ReconciliationServiceBase,
)
from mypay_desk.store import locks
from mypay_desk.store.repositories import reconciliation as repo

MAX_FILE_BYTES = 512 * 1024 * 1024


class ReconciliationImporting(ReconciliationServiceBase):
    """Imports of PSP reporting and treasury files (one file, a ZIP or a folder)."""

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
                rest = len(res.errors) + res.errors_omitted - len(first)
                more = f" (e altre {rest} righe)" if rest else ""
                raise UserError("righe non leggibili, file non importato: "
                                + "; ".join(f"riga {e.row}, colonna «{excerpt(e.column)}»: {e.message}" for e in first)
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
        raise fdr.FdrError(source, f"documento non riconosciuto (radice «{excerpt(name)}»): attesi un flusso di "
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
        with self.ws.db.session(lock=locks.ROWS) as s:  # read, then write: a write from BEGIN
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
    """XML in UTF-8 or UTF-16, with or without a byte order mark."""
    head = data[:512]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head[2:]
    if head[:1] == b"\x00" or head[1:2] == b"\x00":  # UTF-16 without BOM: drop the zero bytes
        head = head.replace(b"\x00", b"")
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


