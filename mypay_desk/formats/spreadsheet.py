"""Debts from spreadsheets: xlsx/xls/ods (python-calamine) and csv (``;`` or ``,``, UTF-8 or cp1252).

Offices keep their lists in Excel with their own headers. ``read_table`` gives the header row and
the cells with their row numbers in the file; ``guess_mapping`` maps headers to DebtRecord fields
from Italian synonyms ("Codice fiscale", "Cognome e nome", "Importo", "Scadenza", ...; MyPay's own
column names work too); ``to_records`` converts cells (Italian numbers and dates, Excel serial dates,
datetime cells), trims, upper-cases what MyPay wants upper case, and reports per-row errors with the
file's row number and the column header. Business rules are not checked here
(:func:`mypay_desk.domain.debts.validate_debt` does that).

A mapping is ``{field: header}``; besides DebtRecord fields it accepts ``debtor_surname`` and
``debtor_given_name`` (separate "Cognome" and "Nome" columns, joined as "COGNOME NOME").
"""

from __future__ import annotations

import csv
import io
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from mypay_desk.domain.debts import DebtRecord, RowError, to_address_charset
from mypay_desk.domain.money import MoneyError, parse_amount

SPREADSHEET_EXTENSIONS = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
CSV_EXTENSIONS = (".csv", ".txt")
MAX_CSV_BYTES = 1024 * 1024 * 1024


class SpreadsheetError(ValueError):
    """The file cannot be read as a table at all (names file, and row/column when known)."""

    def __init__(self, message: str, *, file: str = "", row: int | None = None, column: str = ""):
        super().__init__(message)
        self.message = message
        self.file = file
        self.row = row
        self.column = column

    def __str__(self) -> str:
        where = [w for w in (self.file and f"file {self.file}", self.row is not None and f"riga {self.row}",
                             self.column and f"colonna {self.column}") if w]
        return f"{', '.join(where)}: {self.message}" if where else self.message


@dataclass
class Table:
    """A sheet: its headers (made unique), data rows (cell values) and each row's number in the file."""

    file_name: str
    headers: list[str]
    rows: list[list] = field(default_factory=list)
    row_numbers: list[int] = field(default_factory=list)
    header_row: int = 1
    sheet_name: str = ""
    delimiter: str = ""
    encoding: str = ""


# --- reading -----------------------------------------------------------------------------------

def _unique_headers(raw: list) -> list[str]:
    out: list[str] = []
    seen: dict[str, int] = {}
    for i, h in enumerate(raw):
        text = _cell_text(h) or f"Colonna {i + 1}"
        if text in seen:
            seen[text] += 1
            text = f"{text} ({seen[text]})"
        else:
            seen[text] = 1
        out.append(text)
    return out


def _empty(row) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in row)


def read_table(source: str | os.PathLike | bytes, *, name: str | None = None, sheet: str | int | None = None
               ) -> Table:
    """Read the first sheet (or ``sheet``) of an xlsx/xls/ods, or a csv. The first non-empty row is the
    header. Raises SpreadsheetError when the file cannot be read."""
    if isinstance(source, bytes | bytearray):
        data, file_name = bytes(source), name or ""
    else:
        path = Path(source)
        file_name = name or path.name
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise SpreadsheetError(f"Impossibile leggere il file: {exc.strerror or exc}", file=str(path)) from exc
    ext = os.path.splitext(file_name)[1].lower()
    if not data:
        raise SpreadsheetError("Il file è vuoto", file=file_name)
    if ext in SPREADSHEET_EXTENSIONS or data[:4] == b"PK\x03\x04" or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return _read_workbook(data, file_name, sheet)
    return _read_csv(data, file_name)


def _read_workbook(data: bytes, file_name: str, sheet: str | int | None) -> Table:
    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
        if isinstance(sheet, str):
            sh = wb.get_sheet_by_name(sheet)
        else:
            sh = wb.get_sheet_by_index(sheet or 0)
        cells = sh.to_python()
        start_row = (sh.start or (0, 0))[0] if cells else 0
    except Exception as exc:  # noqa: BLE001 - calamine raises its own types for damaged files
        raise SpreadsheetError(f"Il foglio di calcolo non è leggibile ({type(exc).__name__}: {exc}); "
                               "salvalo di nuovo come .xlsx", file=file_name) from exc
    first = next((i for i, r in enumerate(cells) if not _empty(r)), None)
    if first is None:
        raise SpreadsheetError("Il foglio non contiene dati", file=file_name)
    table = Table(file_name=file_name, headers=_unique_headers(cells[first]), header_row=start_row + first + 1,
                  sheet_name=sh.name)
    width = len(table.headers)
    rows, numbers = table.rows, table.row_numbers
    for i in range(first + 1, len(cells)):
        r = cells[i]
        if _empty(r):
            continue
        if len(r) > width:
            r = r[:width] if _empty(r[width:]) else r
        rows.append(r)
        numbers.append(start_row + i + 1)
    return table


def _read_csv(data: bytes, file_name: str) -> Table:
    if len(data) > MAX_CSV_BYTES:
        raise SpreadsheetError("Il file CSV è troppo grande", file=file_name)
    if b"\x00" in data[:4096]:
        raise SpreadsheetError("Il file non è un CSV di testo (forse è un foglio di calcolo con l'estensione "
                               "sbagliata)", file=file_name)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes nearly anything; kept for the undefined bytes
        raise SpreadsheetError("Codifica del file non riconosciuta: salvalo come CSV UTF-8", file=file_name)
    lines = text.splitlines()
    first_line = next((ln for ln in lines if ln.strip()), "")
    if not first_line:
        raise SpreadsheetError("Il file non contiene dati", file=file_name)
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"')
    table: Table | None = None
    try:
        for record in reader:
            line = reader.line_num
            if _empty(record):
                continue
            if table is None:
                table = Table(file_name=file_name, headers=_unique_headers(record), header_row=line,
                              delimiter=delimiter, encoding=encoding)
                continue
            table.rows.append(record)
            table.row_numbers.append(line)
    except csv.Error as exc:
        raise SpreadsheetError(f"CSV non valido: {exc}", file=file_name, row=reader.line_num) from exc
    assert table is not None
    return table


# --- mapping -----------------------------------------------------------------------------------

def _norm(text: str) -> str:
    s = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]", "", s)


#: Header synonyms (normalised: lower case, no accents, letters and digits only) per field.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "iud": ("iud", "identificativounivocodovuto", "codiceiud", "iddovuto", "codicedovuto", "idposizione",
            "identificativodovuto"),
    "iuv": ("iuv", "codiuv", "codiceiuv", "identificativounivocoversamento"),
    "debtor_type": ("tipoidentificativounivoco", "tiposoggetto", "tipopersona", "tipodebitore",
                    "tipopagatore", "personafisicagiuridica", "fg"),
    "debtor_code": ("codicefiscale", "cf", "codfisc", "codfiscale", "codicefiscalepartitaiva", "cfpiva",
                    "cfpartitaiva", "codicefiscalepiva", "partitaiva", "piva", "codiceidentificativounivoco",
                    "codicefiscaledebitore", "cfdebitore", "codicefiscalecontribuente", "codicefiscalepagatore",
                    "identificativopagatore"),
    "debtor_name": ("cognomeenome", "cognomenome", "nominativo", "nomecognome", "nomeecognome", "anagrafica",
                    "anagraficapagatore", "debitore", "ragionesociale", "denominazione", "intestatario",
                    "contribuente", "pagatore", "nome"),
    "debtor_surname": ("cognome",),
    "debtor_given_name": ("nome",),
    "address": ("indirizzo", "via", "indirizzopagatore", "indirizzoresidenza", "viapiazza", "recapito"),
    "civic": ("civico", "numerocivico", "ncivico", "nciv", "civicopagatore"),
    "postal_code": ("cap", "codicepostale", "cappagatore"),
    "city": ("comune", "citta", "localita", "localitapagatore", "comunediresidenza", "comuneresidenza"),
    "province": ("provincia", "prov", "pr", "siglaprovincia", "provinciapagatore"),
    "country": ("nazione", "paese", "stato", "nazionepagatore", "country"),
    "email": ("email", "mail", "posta", "postaelettronica", "indirizzoemail", "emailpagatore", "mailpagatore",
              "pec"),
    "due_date": ("scadenza", "datascadenza", "datadiscadenza", "dataesecuzionepagamento",
                 "datascadenzapagamento", "entroil", "scadenzapagamento"),
    "amount_cents": ("importo", "importodovuto", "importototale", "totale", "ammontare", "euro", "importoeuro",
                     "dovuto", "importodapagare"),
    "pa_fee_cents": ("commissione", "commissionecaricopa", "commissioni"),
    "debt_type": ("tipodovuto", "codicetipodovuto", "tipologiadovuto", "tipologia"),
    "payment_type": ("tipoversamento",),
    "causale": ("causale", "causaleversamento", "descrizione", "motivazione", "oggetto", "descrizionedovuto"),
    "collection_data": ("datispecificiriscossione", "tassonomia", "codicetassonomico"),
    "bilancio": ("bilancio",),
    "generate_iuv": ("flaggeneraiuv", "flggeneraiuv", "generaiuv"),
    "multi_beneficiary": ("flagmultibeneficiario", "multibeneficiario"),
    "sec_fiscal_code": ("codicefiscaleentesecondario",),
    "sec_name": ("denominazioneentesecondario",),
    "sec_iban": ("ibanaccreditoentesecondario",),
    "sec_address": ("indirizzoentesecondario",),
    "sec_civic": ("civicoentesecondario",),
    "sec_postal_code": ("capentesecondario",),
    "sec_city": ("localitaentesecondario",),
    "sec_province": ("provinciaentesecondario",),
    "sec_country": ("nazioneentesecondario",),
    "sec_collection_data": ("datispecificiriscossioneentesecondario",),
    "sec_causale": ("causaleversamentoentesecondario",),
    "sec_amount_cents": ("importoversamentoentesecondario",),
}

#: Fields a mapping may name (DebtRecord fields plus the two halves of a name).
MAPPABLE_FIELDS = tuple(SYNONYMS)


def guess_mapping(headers: list[str]) -> dict[str, str]:
    """``{field: header}`` from the headers' names. Exact synonyms win over partial matches; each header
    is used once. Separate "Cognome" and "Nome" columns map to the two halves of the debtor's name."""
    normalised = {h: _norm(h) for h in headers}
    mapping: dict[str, str] = {}
    used: set[str] = set()
    # Pass 1: exact synonym; earlier synonyms are stronger.
    for fld, names in SYNONYMS.items():
        for syn in names:
            hit = next((h for h in headers if h not in used and normalised[h] == syn), None)
            if hit:
                mapping[fld] = hit
                used.add(hit)
                break
    # "Cognome" + "Nome": when both exist, "Nome" is the given name, not the whole name.
    if "debtor_surname" in mapping and mapping.get("debtor_name") and normalised[mapping["debtor_name"]] == "nome":
        mapping["debtor_given_name"] = mapping.pop("debtor_name")
    if "debtor_surname" not in mapping:
        mapping.pop("debtor_given_name", None)
    # Pass 2: a header that starts with a distinctive synonym ("Importo (euro)", "Codice fiscale debitore").
    for fld, names in SYNONYMS.items():
        if fld in mapping or fld in ("debtor_given_name", "debtor_surname"):
            continue
        for syn in names:
            if len(syn) < 5:
                continue
            hit = next((h for h in headers if h not in used and normalised[h].startswith(syn)), None)
            if hit:
                mapping[fld] = hit
                used.add(hit)
                break
    return mapping


# --- cell conversion ---------------------------------------------------------------------------

class CellError(ValueError):
    pass


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


_EXCEL_EPOCH = date(1899, 12, 30)
_DATE_PATTERNS = (
    (re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})"), ("d", "m", "y")),
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?"), ("y", "m", "d")),
    (re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2})"), ("d", "m", "yy")),
    (re.compile(r"(\d{4})(\d{2})(\d{2})"), ("y", "m", "d")),
)


def parse_date(value) -> date | None:
    """A date from a cell: date/datetime cells, Excel serial numbers, or text in Italian order
    (30/06/2025, 30-06-2025, 30.06.25) or ISO (2025-06-30). Empty gives None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 2958466:  # Excel's date range (1900-01-01 .. 9999-12-31)
            return _EXCEL_EPOCH + timedelta(days=int(value))
        raise CellError(f"Data «{value}» non valida")
    text = str(value).strip()
    if not text:
        return None
    if re.fullmatch(r"\d{5}(\.0+)?", text):  # a serial date that became text
        return _EXCEL_EPOCH + timedelta(days=int(float(text)))
    for pattern, order in _DATE_PATTERNS:
        m = pattern.fullmatch(text)
        if not m:
            continue
        parts = dict(zip(order, (int(g) for g in m.groups()), strict=True))
        year = parts.get("y") or 2000 + parts["yy"]
        try:
            return date(year, parts["m"], parts["d"])
        except ValueError as exc:
            raise CellError(f"Data «{text}» inesistente") from exc
    raise CellError(f"Data «{text}» non valida: usa gg/mm/aaaa (es. 30/06/2025)")


def parse_cents(value) -> int | None:
    """An amount in cents from a cell: numbers (float noise from formulas rounded away) or Italian text."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise CellError("Importo non valido")
    if isinstance(value, int):
        return value * 100
    if isinstance(value, float):
        cents = round(value * 100)
        if abs(value * 100 - cents) > 1e-6 * max(1.0, abs(value)):
            raise CellError(f"Importo «{value}» con più di due decimali")
        return int(cents)
    if isinstance(value, Decimal):
        return parse_amount(value)
    text = str(value).strip()
    if not text:
        return None
    try:
        return parse_amount(text)
    except MoneyError as exc:
        raise CellError(str(exc)) from exc


_TRUE = {"true", "vero", "si", "sì", "s", "yes", "y", "1", "x"}
_FALSE = {"false", "falso", "no", "n", "0", ""}


def parse_flag(value) -> bool:
    if isinstance(value, bool):
        return value
    text = _cell_text(value).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise CellError(f"Valore «{text}» non valido: sì o no")


def _upper(value) -> str:
    return _cell_text(value).upper()


def _code(value) -> str:
    return "".join(_cell_text(value).split()).upper()


def _text(value) -> str:
    return " ".join(_cell_text(value).split())


def _address(value) -> str:
    return to_address_charset(_text(value))


def _digits_text(value) -> str:
    # Codes typed as numbers ("20100", IUVs) must not become "20100.0".
    return _cell_text(value).replace(" ", "")


def _bilancio(value):
    from mypay_desk.formats.bilancio import BilancioError, parse_bilancio

    try:
        return parse_bilancio(_cell_text(value))
    except BilancioError as exc:
        raise CellError(str(exc)) from exc


CONVERTERS: dict[str, Callable] = {
    "iud": _code, "iuv": _digits_text, "debtor_type": _upper, "debtor_code": _code, "debtor_name": _text,
    "debtor_surname": _text, "debtor_given_name": _text, "address": _address, "civic": _address,
    "postal_code": _digits_text, "city": _text, "province": _upper, "country": _upper, "email": _cell_text,
    "due_date": parse_date, "amount_cents": parse_cents, "pa_fee_cents": parse_cents, "debt_type": _code,
    "payment_type": _code, "causale": _text, "collection_data": _code, "bilancio": _bilancio,
    "generate_iuv": parse_flag, "multi_beneficiary": parse_flag, "sec_fiscal_code": _code, "sec_name": _text,
    "sec_iban": _code, "sec_address": _address, "sec_civic": _address, "sec_postal_code": _digits_text,
    "sec_city": _text, "sec_province": _upper, "sec_country": _upper, "sec_collection_data": _code,
    "sec_causale": _text, "sec_amount_cents": parse_cents,
}


def to_records(table: Table, mapping: dict[str, str]) -> tuple[list[DebtRecord], list[RowError]]:
    """Convert the rows with ``mapping`` ({field: header}). Every row gives a record (cells that
    cannot be converted are left empty and reported with the row number and the column header)."""
    index = {h: i for i, h in enumerate(table.headers)}
    plan: list[tuple[str, int, str, Callable]] = []
    for fld, header in mapping.items():
        if not header:
            continue
        if fld not in CONVERTERS:
            raise SpreadsheetError(f"Campo «{fld}» sconosciuto nella corrispondenza delle colonne",
                                   file=table.file_name)
        if header not in index:
            raise SpreadsheetError(f"Colonna «{header}» non presente nel file", file=table.file_name,
                                   column=header)
        plan.append((fld, index[header], header, CONVERTERS[fld]))
    records: list[DebtRecord] = []
    errors: list[RowError] = []
    has_type = "debtor_type" in mapping and bool(mapping["debtor_type"])
    split_name = "debtor_surname" in mapping or "debtor_given_name" in mapping
    for cells, row_no in zip(table.rows, table.row_numbers, strict=True):
        values: dict = {}
        n = len(cells)
        for fld, col, header, conv in plan:
            raw = cells[col] if col < n else None
            try:
                values[fld] = conv(raw)
            except (CellError, MoneyError) as exc:
                errors.append(RowError(row_no, header, str(exc)))
        if split_name:
            surname = values.pop("debtor_surname", "")
            given = values.pop("debtor_given_name", "")
            if not values.get("debtor_name"):
                values["debtor_name"] = " ".join(p for p in (surname, given) if p)
        if values.get("amount_cents") is None:
            values.pop("amount_cents", None)
        postal = values.get("postal_code")
        if postal and postal.isdigit() and len(postal) < 5 and values.get("country", "") in ("", "IT"):
            values["postal_code"] = postal.zfill(5)  # a CAP typed as a number loses its leading zeros
        if not has_type or not values.get("debtor_type"):
            code = values.get("debtor_code", "")
            values["debtor_type"] = "G" if (len(code) == 11 and code.isdigit()) else "F"
        rec = DebtRecord(**values)
        rec.source_row = row_no
        records.append(rec)
    return records, errors


def header_for_column(mapping: dict[str, str], column: str) -> str:
    """The file's header for a MyPay column name (or the column name itself when it is not mapped)."""
    from mypay_desk.domain.debts import FIELD_FOR_COLUMN

    fld = FIELD_FOR_COLUMN.get(column, column)
    if fld == "debtor_name" and "debtor_name" not in mapping and "debtor_surname" in mapping:
        return mapping["debtor_surname"]
    return mapping.get(fld) or column


__all__ = [
    "MAPPABLE_FIELDS", "SYNONYMS", "SpreadsheetError", "Table", "guess_mapping",
    "header_for_column", "parse_cents", "parse_date", "parse_flag", "read_table", "to_records",
]
