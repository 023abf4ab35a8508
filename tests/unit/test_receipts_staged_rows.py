"""services.receipts.staged_rows (SQLite's bulk import builds a batch in one loop) against the plain path:
RowDecoder.decode_record, receipt_rows.record_row, repo.insert_binder, the same rows refused with the same
messages."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine

from mypay_desk.formats import receipt_export as rx
from mypay_desk.services.receipts.receipt_rows import (
    F_DOMINIO,
    F_DOMINIO_BENEF,
    F_IUD,
    F_IUV,
    F_IUV_VERS,
    F_TIPO,
    other_ente_error,
    record_fields,
    record_row,
)
from mypay_desk.services.receipts.staged_rows import StagedRowBuilder
from mypay_desk.store.repositories import receipts as repo

CF = "01199250158"
ENGINE = create_engine("sqlite://")
STAMP = datetime(2025, 6, 1, 12, 0, 0, 123456)

_TEXT = st.one_of(st.sampled_from(["", "x", CF, "80000000000", rx.SECONDARY_ENTE_TYPE, "TARI", 'a"b;c', "è\n2", "\\",
                                   "\x01", "y" * 300, "z" * 36]),
                  st.text(max_size=5))
# Mostly the usual values (the inline loop), often an odd one (the plain path): one_of picks a branch evenly.
_AMOUNTS = st.one_of(st.sampled_from(["12.50", "12.5", "12", "0.01"]), st.integers(0, 10**6).map(lambda c: f"{c / 100}"),
                     st.sampled_from([" 12.50", "12,50", "", "abc", "1e3", "٣", "12.", ".5", "123456789012.34",
                                      "1234567890123"]) | st.text(max_size=4))
_DAYS = st.one_of(st.sampled_from(["2025-03-01", "2025-03-02"]), st.dates().map(str),
                  st.sampled_from(["", " 2025-03-01", "2025-02-30", "2025-03-01T10:00:00", "20250301",
                                   "2025-03-01 "]) | st.text(max_size=3))
_TIMES = st.one_of(st.just("2025-03-01T10:00:00"), st.datetimes().map(lambda d: d.strftime("%Y-%m-%dT%H:%M:%S")),
                   st.sampled_from(["2025-03-01 10:00:00", "2025-03-01T10:00:00Z", "2025-03-01T10:00:00.123",
                                    "2025-03-01T10:00+01", "2025-03-01T080000.1", "2025-W09-6T10:00:00", "", " ",
                                    "garbage", " 2025-03-01T10:00:0", "2025-03-01T25:00:00", "2025-03-01T10:00:00+01:00",
                                    "2025-03-01", "2025-03-01T10:00:0 "]) | st.text(max_size=3))
_ENTE = st.one_of(st.just(""), st.just(CF), _TEXT)
_CELLS = st.fixed_dictionaries(
    {c: _TEXT for c in ("iuf", "codIud", "codIuv", "identificativoUnivocoVersamento", "identificativoMessaggioRicevuta",
                        "identificativoUnivocoRiscoss", "tipoDovuto", "cod_fiscale_pa1", "anagraficaPagatore",
                        "causaleVersamento", "bilancio", "denominazioneAttestante", "codiceEsitoPagamento",
                        "emailPagatore", "tipoFirma")}
    | {"identificativoDominio": _ENTE, "enteBenefCodiceIdentificativoUnivoco": _ENTE,
       "singoloImportoPagato": _AMOUNTS, "importoTotalePagato": _AMOUNTS, "dataEsitoSingoloPagamento": _DAYS,
       "dataOraMessaggioRicevuta": _TIMES})
_LAYOUTS = st.sampled_from([("1.0", False), ("1.1", False), ("1.2", False), ("1.3", False), ("1.3", True)])


def plain_rows(data: bytes) -> tuple[list[list], list[dict]]:
    """What the plain path stages for the file's rows: ExportRecord, record_row, insert_binder, the match codes."""
    binder = repo.insert_binder(ENGINE)
    rows, errors = [], []
    for _reader, item in rx.iter_export(data, "x.csv", records=True):
        if isinstance(item, rx.RowError):
            if item.row:  # (file-level notes are the reader's, not the builder's)
                errors.append(item.to_dict())
            continue
        fields = record_fields(item)
        secondary = fields[F_TIPO] == rx.SECONDARY_ENTE_TYPE
        dominio = fields[F_DOMINIO] or fields[F_DOMINIO_BENEF]
        if dominio and dominio != CF and not secondary:
            errors.append(other_ente_error(item.row_number, "file.zip", dominio, CF))
            continue
        row = binder(record_row(7, item, fields, "file.zip", STAMP))
        row += (None, None) if secondary else (fields[F_IUD], fields[F_IUV] or fields[F_IUV_VERS])
        rows.append(row)
    return rows, errors


def staged_rows(data: bytes, builder: StagedRowBuilder | None = None) -> tuple[list[list], list[dict]]:
    builder = builder or StagedRowBuilder(7, CF, "file.zip", ENGINE)
    records, decoder, errors = [], None, []
    for reader, item in rx.iter_export(data, "x.csv", raw=True):
        decoder = reader.decoder
        if isinstance(item, rx.RowError):
            if item.row:
                errors.append(item.to_dict())
            continue
        records.append(item)
    rows, refused = builder.build(decoder, records, STAMP)
    return rows, sorted(errors + refused, key=lambda e: e["row"])


@settings(max_examples=200, deadline=None)
@given(_LAYOUTS, st.lists(_CELLS, min_size=1, max_size=8))
def test_staged_rows_are_the_plain_paths(layout, cells):
    version, with_receipt = layout
    rows = [rx.ReceiptRow(**c, indiceDatiSingoloPagamento="2", numRtDatiPagDatiSingPagCommissioniApplicatePsp="0.5")
            for c in cells]
    data = rx.write_export_csv(rows, version, with_receipt)
    plain, plain_errors = plain_rows(data)
    assert staged_rows(data) == (plain, sorted(plain_errors, key=lambda e: e["row"]))


def test_rows_with_a_wrong_column_count_and_broken_quotes_are_refused_as_the_plain_path_does():
    good = rx.ReceiptRow(codIud="D1", codIuv="1", identificativoDominio=CF, singoloImportoPagato="1.50",
                         importoTotalePagato="1.50", dataEsitoSingoloPagamento="2025-03-01",
                         dataOraMessaggioRicevuta="2025-03-01T10:00:00")
    data = rx.write_export_csv([good], "1.3", False)
    line = data.decode().splitlines()[1]
    broken = "\r\n".join([data.decode().rstrip("\r\n"), line + ";extra", line.rsplit(";", 3)[0],
                          '"unterminated;' + line, line]) + "\r\n"
    plain = plain_rows(broken.encode())
    staged = staged_rows(broken.encode())
    assert staged == (plain[0], sorted(plain[1], key=lambda e: e["row"]))
    assert [e["row"] for e in staged[1]] and len(staged[0]) >= 2


def test_the_usual_row_does_not_take_the_plain_path(monkeypatch):
    """The inline loop is what runs for the usual row (the plain path is for the others)."""
    rows = [rx.ReceiptRow(codIud=f"D{i}", codIuv=f"{i}", identificativoDominio=CF, singoloImportoPagato=f"{i}.50",
                          importoTotalePagato=f"{i}.50", dataEsitoSingoloPagamento="2025-03-01",
                          dataOraMessaggioRicevuta="2025-03-01T10:00:00", causaleVersamento="TARI 2025")
            for i in range(50)]
    builder = StagedRowBuilder(7, CF, "file.zip", ENGINE)
    plain_calls = []
    monkeypatch.setattr(builder, "_plain", lambda *a: plain_calls.append(a))
    built, errors = staged_rows(rx.write_export_csv(rows, "1.3", False), builder)
    assert len(built) == 50 and not errors and not plain_calls


def test_keys_and_values_at_their_limits_are_stored_as_the_plain_path_stores_them():
    """The dedupe key is hashed past 200 characters, and a value cut to its column keeps the whole row in
    raw_json: each at, just under and just over its limit."""
    rows = []
    for n in (195, 196, 197):  # keys of 199, 200 and 201 characters ("|".join of message id, IUV, IUD, "")
        rows.append(rx.ReceiptRow(identificativoMessaggioRicevuta="m" * n, codIud="x", identificativoDominio=CF,
                                  singoloImportoPagato="1.00", importoTotalePagato="1.00",
                                  dataEsitoSingoloPagamento="2025-03-01", dataOraMessaggioRicevuta="2025-03-01T10:00:00"))
    for n in (69, 70, 71):  # anagraficaPagatore is stored in 70 characters
        rows.append(rx.ReceiptRow(anagraficaPagatore="n" * n, codIud=f"N{n}", identificativoDominio=CF,
                                  singoloImportoPagato="1.00", importoTotalePagato="", dataEsitoSingoloPagamento="2025-03-01",
                                  dataOraMessaggioRicevuta=""))
    data = rx.write_export_csv(rows, "1.3", False)
    plain, errors = plain_rows(data)
    staged = staged_rows(data)
    assert staged == (plain, errors) and not errors
    assert [len(r[1]) for r in staged[0][:3]] == [199, 200, len("sha256:") + 64]


def test_times_of_19_characters_that_are_not_the_usual_form_are_read_as_the_plain_path_reads_them():
    """fromisoformat takes these 19-character texts too; the plain path drops a fraction or an offset."""
    times = ["2025-03-01T10:00:00", "2025-03-01T080000.1", "2025-03-01T10:00+01", "2025-W09-6T10:00:00",
             "2025-03-01 10:00:00"]
    rows = [rx.ReceiptRow(codIud=f"T{i}", identificativoDominio=CF, singoloImportoPagato="1.00",
                          importoTotalePagato="1.00", dataEsitoSingoloPagamento="2025-03-01", dataOraMessaggioRicevuta=t)
            for i, t in enumerate(times)]
    data = rx.write_export_csv(rows, "1.3", False)
    plain, errors = plain_rows(data)
    assert staged_rows(data) == (plain, errors) and not errors and len(plain) == len(times)
