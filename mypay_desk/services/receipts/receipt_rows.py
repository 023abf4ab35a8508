"""One receipt row as stored: what a row of an export (ReceiptRow, or ExportRecord of a file) becomes in
repo.INSERT_COLUMNS order, its dedupe key and its raw_json."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from operator import itemgetter
from typing import Any

from mypay_desk.domain.excerpt import excerpt
from mypay_desk.formats import receipt_export as rx
from mypay_desk.store.repositories import receipts as repo


def dedupe_key(r: rx.ReceiptRow) -> str:
    """Identity of one payment line: receipt (message id, else IUR), IUV, IUD, secondary Ente.

    Not the payment index: exports without the receipt block lack it, and the IUD already tells
    apart the dovuti of one receipt, so the same payment keeps its key whatever the layout.
    """
    return bounded_key("|".join((r.identificativoMessaggioRicevuta or r.identificativoUnivocoRiscoss, r.iuv,
                                 r.codIud, r.cod_fiscale_pa1 if r.is_secondary else "")))


def bounded_key(key: str) -> str:
    """The key as stored: a hash of it past the column's 200 characters."""
    return key if len(key) <= 200 else "sha256:" + hashlib.sha256(key.encode("utf-8")).hexdigest()


def _rt_text(xml: bytes) -> str:
    """The receipt XML as stored text (UTF-8, else Latin-1: any bytes read back)."""
    if not xml:
        return ""
    try:
        return xml.decode("utf-8")
    except UnicodeDecodeError:
        return xml.decode("latin-1")


def receipt_row(ente_id: int, r: rx.ReceiptRow, key: str, name: str, now: datetime) -> list:
    """One receipt in repo.INSERT_COLUMNS order, not yet matched (debt id None, kind "")."""
    # raw_json: every column as read ({"layout", "values"}), without rt, stored decoded in rt_xml
    if r.values is not None and r.layout:
        layout, values = r.layout, r.values
        if layout.endswith("+rt"):
            values = list(values)
            values[rx.RT_INDEX] = ""
    else:
        layout, values = "1.3", [getattr(r, c) for c in rx.columns_for("1.3", False)]
    rt_text = _rt_text(r.rt_xml)
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
    row[_RAW] = stored_raw_json(layout, values, row)
    return row


def other_ente_error(row_number: int, name: str, dominio: str, fiscal_code: str) -> dict:
    return {"row": row_number, "column": "identificativoDominio", "file": name,
            "message": f"ricevuta di un altro Ente (codice fiscale {excerpt(dominio)}, atteso {fiscal_code}): non importata"}


# The columns a file's row gives the receipt, taken from ExportRecord.values by position with one
# itemgetter per layout (a column the layout lacks reads as "").
RECORD_COLUMNS = (
    "iuf", "codIud", "codIuv", "identificativoUnivocoVersamento", "identificativoMessaggioRicevuta",
    "identificativoUnivocoRiscoss", "identificativoDominio", "enteBenefCodiceIdentificativoUnivoco", "tipoDovuto",
    "cod_fiscale_pa1", "codiceIdentificativoUnivoco", "denominazioneAttestante", "soggPagTipoIdentificativoUnivoco",
    "soggPagCodiceIdentificativoUnivoco", "anagraficaPagatore", "emailPagatore", "codiceEsitoPagamento",
    "esitoSingoloPagamento", "codiceContestoPagamento", "causaleVersamento", "datiSpecificiRiscossione", "tipoFirma",
    "bilancio", "de_nome_pa1", "cod_tassonomico_dovuto_pa1",
)
F_IUD, F_IUV, F_IUV_VERS, F_DOMINIO, F_DOMINIO_BENEF, F_TIPO = (RECORD_COLUMNS.index(c) for c in (
    "codIud", "codIuv", "identificativoUnivocoVersamento", "identificativoDominio",
    "enteBenefCodiceIdentificativoUnivoco", "tipoDovuto"))
_PAD = [""]
_LAYOUT_GETTERS: dict[str, tuple[Any, bool]] = {}


def record_fields(r: rx.ExportRecord) -> tuple:
    """The RECORD_COLUMNS values of a file's row."""
    plan = _LAYOUT_GETTERS.get(r.layout)
    if plan is None:
        index = {c: i for i, c in enumerate(rx.columns_for_layout(r.layout))}
        absent = len(index)  # the "" appended after the record's own values
        plan = _LAYOUT_GETTERS[r.layout] = (itemgetter(*(index.get(c, absent) for c in RECORD_COLUMNS)),
                                            any(c not in index for c in RECORD_COLUMNS))
    get, padded = plan
    return get(r.values + _PAD if padded else r.values)


def record_row(ente_id: int, r: rx.ExportRecord, fields: tuple, name: str, now: datetime) -> list:
    """What receipt_row gives for the ReceiptRow of the same file row, from the record as read."""
    (iuf, cod_iud, cod_iuv, iuv_vers, message_id, iur, _dominio, _dominio_benef, tipo, cf_pa1, psp_id, psp_name,
     payer_type, payer_code, payer_name, payer_email, outcome, single_outcome, context, causale, collection,
     signature, bilancio, name_pa1, taxonomy_pa1) = fields
    iuv = cod_iuv or iuv_vers
    key = bounded_key("|".join((message_id or iur, iuv, cod_iud, cf_pa1 if tipo == rx.SECONDARY_ENTE_TYPE else "")))
    values = r.values
    if r.layout.endswith("+rt"):  # raw_json without rt, stored decoded in rt_xml
        values = list(values)
        values[rx.RT_INDEX] = ""
    rt_text = _rt_text(r.rt_xml)
    row = [
        ente_id, key, (iuf or name)[:200], r.row_number, cod_iud[:35], iuv[:35], message_id[:64], r.receipt_datetime,
        psp_id[:35], psp_name[:140], payer_type[:1], payer_code[:35], payer_name[:70], payer_email[:256], outcome[:2],
        r.total_paid_cents, r.amount_cents, single_outcome[:64], r.outcome_date, iur[:35], context[:35],
        causale[:1024], collection[:140], tipo[:64], r.payment_index, r.psp_fee_cents, signature[:20], rt_text,
        bilancio, cf_pa1[:35], name_pa1[:140], taxonomy_pa1[:140], None, "", now, "",
    ]
    row[_RAW] = stored_raw_json(r.layout, values, row)
    return row


def stored_record(ente_id: int, fiscal_code: str, record: rx.ExportRecord, name: str, now: datetime, binder
                  ) -> tuple[list, tuple[str, str] | None] | dict:
    """A file's checked row as stored (bound by ``binder``) with the IUD and IUV to match it by (None for a
    secondary Ente's row, never matched); or, for another Ente's payment, the error that refuses it."""
    fields = record_fields(record)
    secondary = fields[F_TIPO] == rx.SECONDARY_ENTE_TYPE
    dominio = fields[F_DOMINIO] or fields[F_DOMINIO_BENEF]
    if dominio and dominio != fiscal_code and not secondary:
        return other_ente_error(record.row_number, name, dominio, fiscal_code)
    row = binder(record_row(ente_id, record, fields, name, now))
    return row, None if secondary else (fields[F_IUD], fields[F_IUV] or fields[F_IUV_VERS])


# Export columns a receipt column keeps as they are (cut to its size). raw_json leaves them out when
# none was cut (layout "<layout>/c": only the other columns' values), and _raw_columns takes them
# from the receipt: the same content, a third less to write for a big import.
FROM_ROW = {
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


def compact_plan(layout: str) -> tuple[Any, Any, Any, str]:
    """For a layout: getters of the FROM_ROW values of a record and of a stored row (the same when nothing
    was cut), of the record's other values (what a compact raw_json keeps), and the compact layout's name."""
    plan = _COMPACT_PLANS.get(layout)
    if plan is None:
        columns = rx.columns_for_layout(layout)
        kept = [i for i, c in enumerate(columns) if c not in FROM_ROW]
        from_row = [i for i, c in enumerate(columns) if c in FROM_ROW]
        plan = _COMPACT_PLANS[layout] = (
            itemgetter(*from_row), itemgetter(*(repo.INSERT_COLUMNS.index(FROM_ROW[columns[i]]) for i in from_row)),
            itemgetter(*kept), layout + COMPACT)
    return plan


def stored_raw_json(layout: str, values, row: list) -> str:
    """raw_json of a receipt row (``row`` in INSERT_COLUMNS order): compact when it can be."""
    raw_values, stored_values, kept_values, compact = compact_plan(layout)
    if raw_values(values) == stored_values(row):  # nothing was cut
        return raw_json(compact, kept_values(values))
    return raw_json(layout, values)


def raw_json(layout: str, values: list[str]) -> str:
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
        clean = joined.encode("ascii").translate(None, JSON_PLAIN_ASCII) == b'"' * (2 * (len(values) - 1))
    else:  # isprintable() is False for every control character (and some harmless ones: slow path)
        clean = joined.isprintable() and "\\" not in joined and joined.count('"') == 2 * (len(values) - 1)
    if clean:
        return '{"layout":"' + layout + '","values":["' + joined + '"]}'
    return json.dumps({"layout": layout, "values": values}, ensure_ascii=False)


JSON_PLAIN_ASCII = bytes(b for b in range(0x20, 0x7F) if b not in (0x22, 0x5C))  # printable, no quote/backslash
