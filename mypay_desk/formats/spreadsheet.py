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
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta
from decimal import Decimal
from itertools import repeat
from pathlib import Path

from mypay_desk.domain.debts import ADDRESS_RE, DebtRecord, RowError, to_address_charset
from mypay_desk.domain.excerpt import excerpt, thousands
from mypay_desk.domain.money import MAX_AMOUNT_CENTS, MoneyError, parse_amount
from mypay_desk.formats.errors import FileReadError
from mypay_desk.formats.limits import too_many_lines, without_nul
from mypay_desk.formats.workbook_guard import MAX_SHEET_CELLS, WorkbookError, prepare_workbook

SPREADSHEET_EXTENSIONS = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
CSV_EXTENSIONS = (".csv", ".txt")
MAX_CSV_BYTES = 1024 * 1024 * 1024
MAX_FILE_BYTES = MAX_CSV_BYTES  # any file read whole into memory


class SpreadsheetError(FileReadError):
    """The file cannot be read as a table at all (names file, and row/column when known)."""


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
    #: The same cells column by column (``columns[c][i]`` is ``rows[i][c]``) when the reader already
    #: transposed them, else None. Only valid while ``rows`` is the list read.
    columns: list[tuple] | None = field(default=None, repr=False, compare=False)


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
    for c in row:
        if c is None:
            continue
        if c.__class__ is str:
            if c and not c.isspace():
                return False
            continue
        return False
    return True


def _source_bytes(source: str | os.PathLike | bytes, name: str | None) -> tuple[bytes, str]:
    if isinstance(source, bytes | bytearray):
        return bytes(source), name or ""
    path = Path(source)
    file_name = name or path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SpreadsheetError(f"Il file è troppo grande ({size // (1024 * 1024):,} MB): al massimo "
                                   f"{MAX_FILE_BYTES // (1024 * 1024):,} MB".replace(",", "."), file=file_name)
        return path.read_bytes(), file_name
    except OSError as exc:
        raise SpreadsheetError(f"Impossibile leggere il file: {exc.strerror or exc}", file=str(path)) from exc


def _is_workbook(data: bytes, file_name: str) -> bool:
    ext = os.path.splitext(file_name)[1].lower()
    return ext in SPREADSHEET_EXTENSIONS or data[:4] == b"PK\x03\x04" or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_table(source: str | os.PathLike | bytes, *, name: str | None = None, sheet: str | int | None = None
               ) -> Table:
    """Read the first visible sheet (or ``sheet``, by name or index) of an xlsx/xls/ods, or a csv. The
    header is the first row that looks like one (a title row above it is skipped). Raises
    SpreadsheetError when the file cannot be read."""
    data, file_name = _source_bytes(source, name)
    if not data:
        raise SpreadsheetError("Il file è vuoto", file=file_name)
    if _is_workbook(data, file_name):
        return _read_workbook(data, file_name, sheet)
    return _read_csv(data, file_name)


def sheet_names(source: str | os.PathLike | bytes, *, name: str | None = None) -> list[tuple[str, bool]]:
    """(name, visible) of each sheet of a workbook, in order; [] for a csv. For the import dialog."""
    data, file_name = _source_bytes(source, name)
    if not data or not _is_workbook(data, file_name):
        return []
    from python_calamine import CalamineWorkbook

    try:
        prepared, _which = prepare_workbook(data, file_name, None)
        if prepared.sheets:
            return [(s.name, s.visible) for s in prepared.sheets]
        wb = CalamineWorkbook.from_filelike(prepared.source)
        return [(m.name, _visible(m)) for m in wb.sheets_metadata]
    except WorkbookError as exc:
        raise SpreadsheetError(_sentence(str(exc)), file=file_name) from exc
    except Exception as exc:  # noqa: BLE001 - calamine raises its own types for damaged files
        raise SpreadsheetError(f"Il foglio di calcolo non è leggibile ({excerpt(exc, 160)}); salvalo di nuovo come "
                               ".xlsx", file=file_name) from exc


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _visible(meta) -> bool:
    return str(getattr(meta, "visible", "visible")).lower().rsplit(".", 1)[-1] == "visible"


def _read_workbook(data: bytes, file_name: str, sheet: str | int | None) -> Table:
    from python_calamine import CalamineWorkbook

    try:
        prepared, which = prepare_workbook(data, file_name, sheet)
    except WorkbookError as exc:
        raise SpreadsheetError(_sentence(str(exc)), file=file_name) from exc
    try:
        wb = CalamineWorkbook.from_filelike(prepared.source)
        if which is None:  # xls, ods: the first visible sheet
            which = next((i for i, m in enumerate(wb.sheets_metadata) if _visible(m)), 0)
        sh = wb.get_sheet_by_name(which) if isinstance(which, str) else wb.get_sheet_by_index(which)
        if sh.height * sh.width > MAX_SHEET_CELLS:
            raise SpreadsheetError(f"Il foglio «{excerpt(sh.name)}» ha {thousands(sh.height)} righe per "
                                   f"{thousands(sh.width)} colonne: al massimo {thousands(MAX_SHEET_CELLS)} celle",
                                   file=file_name)
        cells = sh.to_python()
        start_row = (sh.start or (0, 0))[0] if cells else 0
    except SpreadsheetError:
        raise
    except Exception as exc:  # noqa: BLE001 - calamine raises its own types for damaged files
        raise SpreadsheetError(f"Il foglio di calcolo non è leggibile ({type(exc).__name__}: {excerpt(exc, 160)}); "
                               "salvalo di nuovo come .xlsx", file=file_name) from exc
    return _table_from_cells(cells, start_row, file_name, sh.name)


#: Rows looked at for the header: the first with two or more filled cells.
HEADER_SEARCH_ROWS = 20


def _header_index(cells: list[list], first: int) -> int:
    """The header row: the first non-empty row with at least two filled cells (a title such as the
    app's own "Lista TARI 2025" above the header has one), else the first non-empty row."""
    for i in range(first, min(len(cells), first + HEADER_SEARCH_ROWS)):
        filled = 0
        for c in cells[i]:
            if c is not None and (c.__class__ is not str or (c and not c.isspace())):
                filled += 1
                if filled == 2:
                    return i
    return first


def _table_from_cells(cells: list[list], start_row: int, file_name: str, sheet_name: str) -> Table:
    """The table of a sheet's rectangular cells (``start_row``: the first row's index in the sheet)."""
    first = next((i for i, r in enumerate(cells) if not _empty(r)), None)
    if first is None:
        raise SpreadsheetError("Il foglio non contiene dati", file=file_name)
    first = _header_index(cells, first)
    table = Table(file_name=file_name, headers=_unique_headers(cells[first]), header_row=start_row + first + 1,
                  sheet_name=sheet_name)
    # Calamine gives rectangular rows as wide as the sheet: transposed once here, the columns serve
    # both this check and the conversion. Usually the first column is filled in every row, and then
    # no row is empty; otherwise a row whose first cell holds something is kept without looking
    # further, and only the others are checked for being empty.
    body = cells[first + 1:]
    columns = list(zip(*body, strict=False)) if body else []  # ragged rows: to_columns transposes again
    if columns and _all_filled(columns[0]):
        keep = None
    else:
        keep = [i for i in range(first + 1, len(cells))
                if ((c := cells[i][0]) is not None and (c.__class__ is not str or (c and not c.isspace())))
                or not _empty(cells[i])]
    if keep is None or len(keep) == len(body):
        table.rows = body
        table.columns = columns
        table.row_numbers = list(range(start_row + first + 2, start_row + len(cells) + 1))
    else:
        table.rows = [cells[i] for i in keep]
        table.row_numbers = [start_row + i + 1 for i in keep]
    return table


_BLANK_LINE_RE = re.compile(r"^[^\S\n]*$", re.MULTILINE)


def _all_filled(values) -> bool:
    """Whether no value is None, an empty string or only blanks (False may also mean "look closer")."""
    try:
        texts = values
        joined = "\n".join(values)  # TypeError: not all values are strings
    except TypeError:
        if None in values:
            return False
        texts = [v for v in values if v.__class__ is str]
        joined = "\n".join(texts)
    if not texts:
        return True
    return joined.count("\n") == len(texts) - 1 and _BLANK_LINE_RE.search(joined) is None


def _read_csv(data: bytes, file_name: str) -> Table:
    if len(data) > MAX_CSV_BYTES:
        raise SpreadsheetError("Il file CSV è troppo grande", file=file_name)
    if b"\x00" in data[:4096]:
        raise SpreadsheetError("Il file non è un CSV di testo (forse è un foglio di calcolo con l'estensione "
                               "sbagliata)", file=file_name)
    problem = too_many_lines(data)
    if problem:
        raise SpreadsheetError(_sentence(problem), file=file_name)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # cp1252 leaves five bytes undefined
        raise SpreadsheetError("Codifica del file non riconosciuta: salvalo come CSV UTF-8", file=file_name)
    text = without_nul(text)  # (past the first 4 KiB, checked above for a binary file)
    start = _FIRST_TEXT_RE.search(text)
    if start is None:
        raise SpreadsheetError("Il file non contiene dati", file=file_name)
    line_start = max(text.rfind("\n", 0, start.start()), text.rfind("\r", 0, start.start())) + 1
    first_line = text[line_start:line_start + 65536].splitlines()[0]
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
        raise SpreadsheetError(f"CSV non valido: {excerpt(exc, 120)}", file=file_name, row=reader.line_num) from exc
    if table is None:  # only empty fields, such as a line holding just ""
        raise SpreadsheetError("Il file non contiene dati: nessuna riga con un valore", file=file_name)
    return table


_FIRST_TEXT_RE = re.compile(r"[^\s\"]")  # the first line with something besides blanks and quotes


# --- mapping -----------------------------------------------------------------------------------

def _norm(text: str) -> str:
    s = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]", "", s)


#: Header synonyms (normalised: lower case, no accents, letters and digits only) per field.
SYNONYMS: dict[str, tuple[str, ...]] = {
    # The IUD under the names offices give it: their own file or case number (the last ones, generic,
    # only as the whole header: see EXACT_ONLY).
    "iud": ("iud", "identificativounivocodovuto", "codiceiud", "iddovuto", "codicedovuto", "idposizione",
            "identificativodovuto", "npratica", "numeropratica", "nrpratica", "pratican", "praticanr", "rifpratica", "riferimentopratica",
            "codicepratica", "idpratica", "pratica", "nposizione", "numeroposizione", "codiceposizione",
            "codiceidentificativo", "identificativo", "codice", "id"),
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

#: Synonyms too generic to match the start of a longer header ("Codice" must not take "Codice fiscale
#: debitore", "Identificativo" not "Identificativo pagatore ente"): only a header that is exactly them.
EXACT_ONLY = frozenset({"codice", "codiceidentificativo", "identificativo", "id", "pratica"})

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
            if len(syn) < 5 or syn in EXACT_ONLY:
                continue
            hit = next((h for h in headers if h not in used and normalised[h].startswith(syn)), None)
            if hit:
                mapping[fld] = hit
                used.add(hit)
                break
    return mapping


def map_field_names() -> dict[str, str]:
    """Names a user may give a field in a column mapping, lower-cased, to the field: MyPay's tracciato
    names (``IUD``, ``codiceIdentificativoUnivoco``, ``importoDovuto``, ``dataScadenzaPagamento``...), the
    field names themselves (``debtor_code``...), and ``cognome`` / ``nome`` for a name split in two."""
    from mypay_desk.domain.debts import COLUMN_FOR_FIELD

    names = {f.lower(): f for f in MAPPABLE_FIELDS}
    names.update({COLUMN_FOR_FIELD[f].lower(): f for f in MAPPABLE_FIELDS if f in COLUMN_FOR_FIELD})
    names.update({"cognome": "debtor_surname", "nome": "debtor_given_name", "cognomepagatore": "debtor_surname",
                  "nomepagatore": "debtor_given_name"})
    return names


def map_field(name: str) -> str:
    """The field a user's name stands for (see :func:`map_field_names`); ValueError listing them if none."""
    fld = map_field_names().get(name.strip().lower())
    if fld is None:
        from mypay_desk.domain.debts import COLUMN_FOR_FIELD

        known = [COLUMN_FOR_FIELD[f] for f in MAPPABLE_FIELDS if f in COLUMN_FOR_FIELD]
        raise ValueError(f"campo «{name}» sconosciuto: usa un nome del tracciato MyPay ({', '.join(known)}), "
                         "oppure cognome e nome per un nominativo diviso in due colonne, o - per ignorare la colonna")
    return fld


def find_header(headers: list[str], wanted: str) -> str | None:
    """The file's header a user meant: the same text, else the only one equal ignoring case, spaces
    and punctuation ("cod. fiscale" finds "Cod. Fiscale")."""
    if wanted in headers:
        return wanted
    key = _norm(wanted)
    hits = [h for h in headers if _norm(h) == key] if key else []
    return hits[0] if len(hits) == 1 else None


def apply_column_map(headers: list[str], guessed: dict[str, str], column_map: list[tuple[str, str | None]],
                     file_name: str = "") -> dict[str, str]:
    """The guessed mapping ({field: header}) corrected by the user's ``(header, field)`` pairs: each named
    header gets that field (None: the column is ignored) and loses its guessed one; the other columns
    keep the guess. SpreadsheetError names a header the file does not have (and lists the file's) or a
    field given to two columns."""
    mapping = dict(guessed)
    taken: dict[str, str] = {}
    for wanted, fld in column_map:
        header = find_header(headers, wanted)
        if header is None:
            shown = ", ".join(f"«{excerpt(h)}»" for h in headers[:30]) + (", ..." if len(headers) > 30 else "")
            raise SpreadsheetError(f"Colonna «{excerpt(wanted)}» non presente nel file; le colonne sono: {shown}",
                                   file=file_name, column=wanted)
        for f, h in list(mapping.items()):
            if h == header:
                del mapping[f]
        if fld is None:
            continue
        if fld in taken and taken[fld] != header:
            raise SpreadsheetError(f"Il campo {fld} è indicato per due colonne: «{excerpt(taken[fld])}» e "
                                   f"«{excerpt(header)}»",
                                   file=file_name, column=header)
        taken[fld] = header
        mapping[fld] = header
    # A guessed "Nome" as the whole name conflicts with a mapped surname: it becomes the given name.
    if "debtor_surname" in taken and "debtor_name" in mapping and "debtor_name" not in taken \
            and "debtor_given_name" not in mapping:
        mapping["debtor_given_name"] = mapping.pop("debtor_name")
    return mapping


# --- cell conversion ---------------------------------------------------------------------------

class CellError(ValueError):
    pass


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return without_nul(value.strip())
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
    cls = value.__class__
    if cls is date:
        return value
    if cls is datetime:
        return value.date()
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 2958466:  # Excel's date range (1900-01-01 .. 9999-12-31)
            return _EXCEL_EPOCH + timedelta(days=int(value))
        raise CellError(f"Data «{excerpt(value)}» non valida")
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
        year = parts["y"] if "y" in parts else 2000 + parts["yy"]
        try:
            return date(year, parts["m"], parts["d"])  # year 0000 does not exist: ValueError
        except ValueError as exc:
            raise CellError(f"Data «{excerpt(text)}» inesistente") from exc
    raise CellError(f"Data «{excerpt(text)}» non valida: usa gg/mm/aaaa (es. 30/06/2025)")


def parse_cents(value) -> int | None:
    """An amount in cents from a cell: numbers (float noise from formulas rounded away) or Italian text.
    Bounded by MyPay's maximum either way; NaN and infinities are refused."""
    if value.__class__ is float and -_MAX_EUROS <= value <= _MAX_EUROS:
        cents = round(value * 100)
        if abs(value * 100 - cents) <= 1e-6 * (abs(value) + 1.0):
            return cents
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise CellError("Importo non valido")
    if isinstance(value, int | float):
        if isinstance(value, float) and value != value:
            raise CellError("Importo non valido")
        try:
            return parse_amount(value)
        except MoneyError as exc:
            raise CellError(str(exc)) from exc
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
    raise CellError(f"Valore «{excerpt(text)}» non valido: sì o no")


# The converters below run once per cell of big files: the plain-string case comes first.

def _upper(value) -> str:
    if value.__class__ is str:
        return without_nul(value.strip().upper())
    return _cell_text(value).upper()


def _code(value) -> str:
    if value.__class__ is str and " " not in value and value.isprintable():
        return value.upper()
    return "".join(_cell_text(value).split()).upper()


def _text(value) -> str:
    if value.__class__ is str and "  " not in value and value.isprintable():
        return value.strip()
    return " ".join(_cell_text(value).split())


def _address(value) -> str:
    return to_address_charset(_text(value))


def _digits_text(value) -> str:
    # Codes typed as numbers ("20100", IUVs) must not become "20100.0".
    if value.__class__ is str and " " not in value:
        return without_nul(value.strip())
    return _cell_text(value).replace(" ", "")


# Whole-column versions of the commonest converters. An office's column is usually clean already
# (trimmed, single spaces, printable): that is checked on the column joined into one string, with a
# few C-level operations, and then the values are kept as they are; otherwise cell by cell.

def _joined_clean(values) -> str | None:
    """The column joined by newlines when every value is a clean single-line text, else None."""
    try:
        j = "\n".join(values)  # TypeError: a value is not a string
    except TypeError:
        return None
    if j.count("\n") != len(values) - 1:
        return None
    if j.isascii():  # (a flag CPython keeps) printable ASCII: nothing left once those bytes are deleted
        if j.encode("ascii").translate(None, _PRINTABLE_ASCII_AND_NEWLINE):
            return None
    elif not j.replace("\n", "").isprintable():
        return None
    if "  " in j or "\n " in j or " \n" in j or j.startswith(" ") or j.endswith(" "):
        return None
    return j


_PRINTABLE_ASCII_AND_NEWLINE = bytes(range(0x20, 0x7F)) + b"\n"


_ADDRESS_LINES_RE = re.compile(r"[a-z A-Z0-9.,()/'&\n]*")

# Each column converter returns the converted values and, when they are the cells as they were,
# the column joined by newlines (the validation reuses it instead of joining again), else None.


def _text_column(values) -> tuple[list, str | None]:
    j = _joined_clean(values)
    if j is not None:
        return list(values), j
    return [v.strip() if v.__class__ is str and "  " not in v and v.isprintable() else _text(v) for v in values], None


def _address_column(values) -> tuple[list, str | None]:
    j = _joined_clean(values)
    if j is not None and _ADDRESS_LINES_RE.fullmatch(j):
        return list(values), j
    match = ADDRESS_RE.fullmatch
    return [v if match(v) else to_address_charset(v) for v in _text_column(values)[0]], None


def _upper_column(values) -> tuple[list, str | None]:
    j = _joined_clean(values)
    if j is not None and j.upper() == j:
        return list(values), j
    return [_upper(v) for v in values], None


def _strip_column(values) -> tuple[list, str | None]:
    j = _joined_clean(values)
    if j is not None:
        return list(values), j
    return [_cell_text(v) for v in values], None


def _code_column(values) -> tuple[list, str | None]:
    j = _joined_clean(values)
    if j is not None and " " not in j and j.upper() == j:
        return list(values), j
    return [v.upper() if v.__class__ is str and " " not in v and v.isprintable() else _code(v) for v in values], None


def _digits_column(values) -> tuple[list, str | None]:
    # A clean text has no blanks but single spaces inside: without spaces, _digits_text keeps it.
    j = _joined_clean(values)
    if j is not None and " " not in j:
        return list(values), j
    return list(map(_digits_text, values)), None


_SLOW = object()


_MAX_EUROS = MAX_AMOUNT_CENTS / 100  # a float beyond this (or NaN, or an infinity) takes the slow path


def _cents_column(values) -> tuple[list, None]:
    # Amounts as numbers (the usual xlsx case) converted inline; anything else through parse_cents.
    out = [c if v.__class__ is float and -_MAX_EUROS <= v <= _MAX_EUROS
           and abs(v * 100 - (c := round(v * 100))) <= 1e-6 * (abs(v) + 1.0) else _SLOW
           for v in values]
    if _SLOW in out:
        out = [parse_cents(v) if c is _SLOW else c for v, c in zip(values, out, strict=True)]
    return out, None


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


def to_columns(table: Table, mapping: dict[str, str], joined: dict[str, str] | None = None
               ) -> tuple[dict[str, list], list[RowError]]:
    """Convert the rows with ``mapping`` ({field: header}) into columns ``{field: values}`` (one value
    per row, DebtRecord field names; fields the file does not have are absent, ``source_row`` holds
    the rows' numbers). Cells that cannot be converted are left empty and reported with the row
    number and the column header. Big files stay fast: one C-level loop per column.

    ``joined``, when given, receives ``{field: text}`` for columns of strings whose values are
    exactly ``text.split("\\n")`` (so a validation need not join them again)."""
    index = {h: i for i, h in enumerate(table.headers)}
    plan: list[tuple[str, int, str, Callable]] = []
    for fld, header in mapping.items():
        if not header:
            continue
        if fld not in CONVERTERS:
            raise SpreadsheetError(f"Campo «{fld}» sconosciuto nella corrispondenza delle colonne",
                                   file=table.file_name)
        if header not in index:
            raise SpreadsheetError(f"Colonna «{excerpt(header)}» non presente nel file", file=table.file_name,
                                   column=header)
        plan.append((fld, index[header], header, CONVERTERS[fld]))
    errors: list[RowError] = []
    rows, numbers = table.rows, table.row_numbers
    n = len(rows)
    # Column by column: one C-level map per column instead of a Python call per cell and field.
    columns: dict[str, list] = {}
    texts: dict[str, tuple[list, str]] = {}
    width = len(table.headers)
    by_column = table.columns
    if by_column is None or len(by_column) != width or (by_column and len(by_column[0]) != n):
        if any(len(r) != width for r in rows):
            rows = [list(r[:width]) + [None] * (width - len(r)) for r in rows]
        by_column = list(zip(*rows, strict=True)) if rows else [()] * width
    for fld, col, header, conv in plan:
        raw = by_column[col]
        try:
            fast = _COLUMN_CONVERTERS.get(fld)
            if fast is None:
                columns[fld] = list(map(conv, raw))
            else:
                columns[fld], text = fast(raw)
                if text is not None:
                    texts[fld] = (columns[fld], text)
        except (CellError, MoneyError):
            values = []
            for cell, row_no in zip(raw, numbers, strict=True):
                try:
                    values.append(conv(cell))
                except (CellError, MoneyError) as exc:
                    errors.append(RowError(row_no, header, str(exc)))
                    values.append(None)
            columns[fld] = values
    surname = columns.pop("debtor_surname", None)
    given = columns.pop("debtor_given_name", None)
    if surname is not None or given is not None:
        parts = zip(surname or [""] * n, given or [""] * n, strict=True)
        both = [" ".join(p for p in pair if p) for pair in parts]
        own = columns.get("debtor_name")
        columns["debtor_name"] = both if own is None else [o or j for o, j in zip(own, both, strict=True)]
    caps = columns.get("postal_code")
    if caps is not None and min(map(len, filter(None, set(caps))), default=5) < 5:
        # A CAP typed as a number loses its leading zeros.
        country = columns.get("country") or [""] * n
        columns["postal_code"] = [p.zfill(5) if p and len(p) < 5 and p.isdigit() and c in ("", "IT") else p
                                  for p, c in zip(caps, country, strict=True)]
    # F (person) or G (legal person) when the file does not say: 11 digits are a partita IVA.
    given = columns.get("debtor_type")
    if given is None or "" in given:
        codes = columns.get("debtor_code") or [""] * n
        if 11 not in set(map(len, codes)):
            inferred = ["F"] * n
        else:
            inferred = ["G" if len(c) == 11 and c.isdigit() else "F" for c in codes]
        columns["debtor_type"] = inferred if given is None else \
            [t or i for t, i in zip(given, inferred, strict=True)]
    # Unreadable cells (reported above) of fields that cannot be empty take the default.
    for name, default in (("amount_cents", 0), ("generate_iuv", False), ("multi_beneficiary", False)):
        if name in columns and None in columns[name]:
            columns[name] = [default if v is None else v for v in columns[name]]
    columns["source_row"] = list(numbers)
    if joined is not None:
        # Only columns left as converted (not rebuilt above) still match their text.
        joined.update({fld: text for fld, (values, text) in texts.items() if columns.get(fld) is values})
    return columns, errors


def records_from_columns(columns: dict[str, list], n: int) -> list[DebtRecord]:
    """DebtRecords from columns (absent fields take their defaults)."""
    args = []
    for name, default in _RECORD_FIELD_DEFAULTS:
        col = columns.get(name)
        args.append(repeat(default, n) if col is None else col)
    return list(map(DebtRecord, *args))


#: Column-level versions of the converters for the commonest fields (same results, fewer calls).
_COLUMN_CONVERTERS: dict[str, Callable] = {
    "debtor_name": _text_column, "causale": _text_column, "city": _text_column, "debtor_surname": _text_column,
    "debtor_given_name": _text_column, "sec_name": _text_column, "sec_city": _text_column,
    "sec_causale": _text_column, "address": _address_column, "civic": _address_column,
    "sec_address": _address_column, "sec_civic": _address_column, "iud": _code_column,
    "debtor_code": _code_column, "debt_type": _code_column, "collection_data": _code_column,
    "amount_cents": _cents_column, "pa_fee_cents": _cents_column, "sec_amount_cents": _cents_column,
    "province": _upper_column, "country": _upper_column, "email": _strip_column, "postal_code": _digits_column,
    "sec_postal_code": _digits_column, "iuv": _digits_column,
}


def to_records(table: Table, mapping: dict[str, str]) -> tuple[list[DebtRecord], list[RowError]]:
    """Convert the rows with ``mapping`` ({field: header}). Every row gives a record (cells that
    cannot be converted are left empty and reported with the row number and the column header)."""
    columns, errors = to_columns(table, mapping)
    return records_from_columns(columns, len(table.rows)), errors


_RECORD_FIELD_DEFAULTS = [(f.name, f.default) for f in fields(DebtRecord)]


def header_for_column(mapping: dict[str, str], column: str) -> str:
    """The file's header for a MyPay column name (or the column name itself when it is not mapped)."""
    from mypay_desk.domain.debts import FIELD_FOR_COLUMN

    fld = FIELD_FOR_COLUMN.get(column, column)
    if fld == "debtor_name" and "debtor_name" not in mapping and "debtor_surname" in mapping:
        return mapping["debtor_surname"]
    return mapping.get(fld) or column


__all__ = [
    "EXACT_ONLY", "MAPPABLE_FIELDS", "SYNONYMS", "SpreadsheetError", "Table", "apply_column_map", "find_header",
    "guess_mapping", "header_for_column", "map_field", "map_field_names", "parse_cents", "parse_date", "parse_flag", "read_table", "records_from_columns",
    "to_columns", "to_records",
]
