"""Exports of the results: xlsx (summary and one sheet per code) and MyPivot-style CSV."""

from __future__ import annotations

import csv
import os
from datetime import date, datetime
from pathlib import Path
from typing import Any

from mypay_desk.domain import reconciliation as rules
from mypay_desk.domain.money import format_flow_amount
from mypay_desk.formats.safe_cells import csv_text, xlsx_row
from mypay_desk.services.errors import UserError
from mypay_desk.services.progress import NEVER_CANCELLED, CancelToken, ProgressCallback, no_progress
from mypay_desk.services.reconciliation.views import (
    ReconciliationServiceBase,
)
from mypay_desk.store.repositories import reconciliation as repo

EXCEL_MAX_ROWS = 1_048_575


class ReconciliationExports(ReconciliationServiceBase):
    """``reconcile export``: xlsx or CSV by the file's extension."""

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
        ws.append(xlsx_row(ws, [f"Riconciliazione {ente.name} ({ente.ipa_code})"]))
        ws.append([f"Esportata il {datetime.now():%d/%m/%Y %H:%M}"])
        ws.append([])
        head(ws, ["Codice", "Descrizione", "Numero", "Importo (€)", "Risolti", "Da verificare"])
        for c in summary:
            ws.append(xlsx_row(ws, [c.code, c.label, c.count, c.amount_cents / 100, c.resolved,
                                    c.open if c.anomaly else 0]))
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
                    sheet.append(xlsx_row(sheet, [fn(row) for _, fn in XLSX_COLUMNS]))
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
                    w.writerow([csv_text(_csv_value(fn(row))) for _, fn in CSV_COLUMNS])
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


