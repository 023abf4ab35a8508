"""MyPay debt import flows ("flusso dovuti", tracciato 1_0..1_4): reader and writer.

Format (mypay4-interfaces.md §2): a ZIP named ``<codIpa>-<IUF>-<version>.zip`` holding
``<same base name>.csv``; UTF-8, ``;`` separator, a header row (written; ignored on read, only the
column order matters), fields with ``;`` or ``"`` wrapped in double quotes (``\\"`` inside quotes),
columns in the order of :func:`mypay_desk.domain.debts.columns_for_version` with ``azione`` last,
dates ``yyyy-MM-dd``, amounts with ``.`` decimals, booleans ``true``/``false``, bilancio as
namespace-less XML (:mod:`mypay_desk.formats.bilancio`).

Public API (used by the list service, the portal sync and the simulator; keep the signatures):

- ``read_flow(source, *, name=None, strict=False) -> (version, list[DebtRecord], list[RowError])``
  ``source`` is bytes (ZIP or CSV) or a path. Rows are never dropped: a row with problems is returned
  (fields it could read filled in) together with RowErrors carrying its line number and column name.
  Only syntax is checked here (column count, dates, amounts, booleans, bilancio XML, azione); MyPay's
  business rules are :func:`mypay_desk.domain.debts.validate_debt`. A file that cannot be read at all
  raises :class:`FlowError`. ``strict=True`` applies the portal's file rules (ZIP only, name
  ``<codIpa>-<IUF>-<version>.zip``, same-named CSV inside).
- ``write_flow_csv(records, version) -> bytes`` the CSV (header + one line per record; each record's
  ``action`` must be I, M or A).
- ``write_flow_zip(records, ipa_code, iuf, version) -> (file_name, zip_bytes)``;
  ``flow_zip(csv_bytes, ipa_code, iuf, version)`` packages a CSV already written.
- ``write_flow_csv_columns(columns, n, version) -> bytes``: the same CSV from debts given column-wise
  (``{DebtRecord field: values}`` plus ``action``), for big exports.
- ``parse_flow_name(name) -> FlowName`` / ``flow_file_name(ipa_code, iuf, version, ext="zip")``.
- ``read_rejections(source, *, name=None) -> (version, list[Rejection])`` reads a ``..._SCARTI`` file
  (the rejected rows as written, plus ``cod_rifiuto;de_rifiuto``).
- ``write_rejections_zip(flow_name, header, rejected) -> (file_name, zip_bytes)`` writes one
  (``rejected`` = [(original line, code, message)]), and ``read_raw_rows(source, name=None)`` gives the
  lines as written, for whoever has to echo them.
- Low level: ``split_line(line, line_no)``, ``join_fields(fields)``, ``record_to_fields(record, version)``,
  ``fields_to_record(fields, version, line_no)``, ``detect_version(n_columns)``.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter
from pathlib import Path

from mypay_desk.domain.codes import is_portal_iuv
from mypay_desk.domain.debts import (
    VERSIONS,
    DebtRecord,
    RowError,
    columns_for_version,
)
from mypay_desk.domain.debts.rules import splits_differently
from mypay_desk.domain.excerpt import excerpt
from mypay_desk.domain.money import MoneyError, format_flow_amount, parse_flow_amount
from mypay_desk.formats.bilancio import BilancioError, bilancio_xml, parse_bilancio
from mypay_desk.formats.errors import FileReadError
from mypay_desk.formats.limits import too_many_lines, without_nul
from mypay_desk.formats.safezip import SafeZip, SafeZipError, ZipLimits, is_zip

SEPARATOR = ";"
REJECTION_COLUMNS = ("cod_rifiuto", "de_rifiuto")
MAX_UNZIPPED_BYTES = 512 * 1024 * 1024  # guards against ZIP bombs; a 1M-row 1_4 flow is ~400 MB
ZIP_LIMITS = ZipLimits(max_members=100, max_member_bytes=MAX_UNZIPPED_BYTES, max_total_bytes=2 * MAX_UNZIPPED_BYTES)
#: The longest line a flow can have is about 12,000 characters (every column at its maximum length).
MAX_LINE_CHARS = 65_536
_COLUMN_COUNTS = {20: "1_1", 21: "1_2", 22: "1_3", 35: "1_4"}  # 1_0 and 1_1 share 20 columns
_NAME_RE = re.compile(r"^(?P<ipa>[^-]+)-(?P<iuf>[^-]+)-(?P<version>[^-]+?)(?P<suffix>_SCARTI|_IUV)?$")


class FlowError(FileReadError):
    """The file cannot be read as a flow at all. Names the file and, when known, the row and column."""


# --- file names --------------------------------------------------------------------------------

@dataclass(frozen=True)
class FlowName:
    ipa_code: str
    iuf: str
    version: str
    suffix: str = ""  # "", "_SCARTI" or "_IUV"
    ext: str = "zip"

    @property
    def stem(self) -> str:
        return f"{self.ipa_code}-{self.iuf}-{self.version}{self.suffix}"


def flow_file_name(ipa_code: str, iuf: str, version: str, ext: str = "zip") -> str:
    """``<codIpa>-<IUF>-<version>.<ext>``; refuses parts that would break MyPay's split on ``-``."""
    for label, part in (("codice IPA", ipa_code), ("IUF", iuf)):
        if not part or "-" in part or not re.fullmatch(r"[A-Za-z0-9_.]+", part):
            raise FlowError(f"Il {label} «{part}» non può essere vuoto né contenere '-' o caratteri speciali")
    if version not in VERSIONS:
        raise FlowError(f"Versione del tracciato «{version}» non valida: ammesse {', '.join(VERSIONS)}")
    return f"{ipa_code}-{iuf}-{version}.{ext}"


def parse_flow_name(name: str) -> FlowName:
    """Split a flow file name as MyPay does: exactly three ``-`` parts, the last a known version."""
    base = os.path.basename(name)
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    m = _NAME_RE.match(stem)
    if not m:
        raise FlowError("Nome del file non valido: atteso <codiceIPA>-<IUF>-<versione>.zip, con esattamente due "
                        "trattini (PAA_IMPORT_NOME_FILE_ERR)", file=base)
    version = m.group("version")
    if version not in VERSIONS:
        raise FlowError(f"Versione «{excerpt(version)}» nel nome del file non valida: ammesse {', '.join(VERSIONS)} "
                        "(PAA_IMPORT_FILE_VERSIONE_ERR)", file=base)
    return FlowName(m.group("ipa"), m.group("iuf"), version, m.group("suffix") or "", ext.lower())


def _version_from_name(name: str) -> str | None:
    try:
        return parse_flow_name(name).version
    except FlowError:
        return None


def detect_version(n_columns: int) -> str | None:
    """The tracciato with that many columns (20 is read as 1_1: 1_0 only differs in causale length)."""
    return _COLUMN_COUNTS.get(n_columns)


# --- CSV lines ---------------------------------------------------------------------------------
# MyPay reads a flow line by line (BufferedReader.readLine: \n, \r or \r\n end a line), splits each line
# with ``riga.split(";(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")`` (a ``;`` followed by an even number of ``"`` up to
# the end of the line; Java drops trailing empty strings, then MyPay adds one back when the line ends
# with ``;``) and cleans each field with cleanDoubleQuote (blank -> "", trimmed, one pair of outer quotes
# removed, ``\"`` -> ``"``): RegioneDelVeneto/mypay, mypay4-be scheduled/importflusso/
# ImportFlussoTaskService.java, elaboraCsv, leggiVerificaRiga, cleanDoubleQuote. We read exactly so, and write
# so that MyPay reads back what we wrote (tests/unit/test_flow_csv_parity.py holds both to a port of it).

_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")
# String.trim(): every character up to U+0020.
_JAVA_TRIM = "".join(chr(c) for c in range(0x21))
# Character.isWhitespace (what StringUtils.isBlank asks): controls \t..\r and \x1c..\x1f, and the Unicode
# space, line and paragraph separators except the no-break ones (\xa0, \u2007, \u202f).
_JAVA_WHITESPACE = frozenset("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                             "\u2008\u2009\u200a\u2028\u2029\u205f\u3000")
ODD_QUOTES = ('numero dispari di virgolette ("): MyPay divide la riga in colonne diverse da quelle scritte; '
              "togli le virgolette o usane un numero pari")
QUOTES = ('virgolette (") che MyPay non può rileggere nella colonna: in numero dispari, o con un ";" tra di esse; '
          "togli le virgolette o il punto e virgola")


def split_lines(text: str) -> list[str]:
    """The lines of a CSV text as Java's BufferedReader.readLine gives them."""
    lines = _LINE_BREAK_RE.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


# Lines that need cleanDoubleQuote's every step: Java-blank characters above the space, or controls that are
# not Java whitespace (trim removes them, isNotBlank does not see them as blank).
_SLOW_LINE_RE = re.compile("[\x00-\x08\x0e-\x1b" + "".join(sorted(c for c in _JAVA_WHITESPACE if c > " ")) + "]")


def _clean_field(field: str, line_no: int) -> str:
    """MyPay's cleanDoubleQuote."""
    if all(c in _JAVA_WHITESPACE for c in field):
        return ""  # StringUtils.isNotBlank is false (an empty field included)
    value = field.strip(_JAVA_TRIM)
    if not value:  # str.charAt(0) on "": MyPay fails on the whole row
        raise FlowError("Una colonna contiene solo caratteri di controllo: MyPay non riesce a leggere la riga",
                        row=line_no)
    if value[0] == '"':
        if value == '"':  # substring(1, 0): MyPay fails on the whole row
            raise FlowError("Una colonna contiene solo una virgoletta (\"): MyPay non riesce a leggere la riga",
                            row=line_no)
        if value[-1] == '"':
            value = value[1:-1]
    return value.replace('\\"', '"') if '\\"' in value else value


def split_line(line: str, line_no: int = 0) -> list[str]:
    """The fields of one flow line exactly as MyPay reads them (see above), odd quotes included (MyPay
    then splits where its author did not mean to: :func:`read_flow` reports such a line). Raises FlowError
    only where MyPay itself fails on the row."""
    quoted = '"' in line
    if not quoted:
        parts = line.split(SEPARATOR)
    else:
        # A ";" splits when the number of quotes after it is even: one pass, no look-ahead per ";".
        parts = []
        start = 0
        after = line.count('"')
        for i, ch in enumerate(line):
            if ch == '"':
                after -= 1
            elif ch == SEPARATOR and not after % 2:
                parts.append(line[start:i])
                start = i + 1
        parts.append(line[start:])
    if len(parts) > 1 and parts[-1] == "":
        while parts and parts[-1] == "":  # String.split drops trailing empty strings ...
            parts.pop()
        parts.append("")  # ... and MyPay adds one back for a line ending with ";"
    if not quoted and not _SLOW_LINE_RE.search(line):
        return [p.strip(_JAVA_TRIM) for p in parts]  # the usual line: trimming is all cleanDoubleQuote does
    return [_clean_field(p, line_no) for p in parts]


def _quote(value: str) -> str:
    # Quoted, the value keeps its ";" and the spaces at its ends (MyPay trims before removing the quotes);
    # each quote inside is written \" (MyPay's cleanDoubleQuote undoes it). Odd quotes cannot be written.
    if SEPARATOR in value or '"' in value or value[:1] == " " or value[-1:] == " ":
        return '"' + value.replace('"', '\\"') + '"'
    return value


# A value MyPay would read as two lines (BufferedReader.readLine), or trim away (controls at its ends).
_UNWRITABLE_RE = re.compile(r"[\x00-\x08\x0b-\x1f]|\r")
_EDGE_SPACE_RE = re.compile(r"(?m)^ | $")


def _refuse_value(column: str, iud: str, why: str) -> None:
    raise FlowError(f"Il dovuto {iud or '(senza IUD)'} non si può scrivere nel flusso: la colonna {column} contiene "
                    f"un {why}", column=column)


def _refuse(col: list, column: str, iuds: list) -> None:
    for i, v in enumerate(col):
        if v.__class__ is str and (_UNWRITABLE_RE.search(v) or "\n" in v):
            _refuse_value(column, iuds[i], "ritorno a capo o un carattere di controllo: toglilo")


def join_fields(fields: list[str]) -> str:
    return SEPARATOR.join(_quote(f) for f in fields)


# --- record <-> fields -------------------------------------------------------------------------

def _bool(value: bool) -> str:
    return "true" if value else "false"


def record_to_fields(record: DebtRecord, version: str) -> list[str]:
    """The flow fields of a record in the column order of ``version`` (``azione`` last)."""
    r = record
    out = [
        r.iud, r.iuv, r.debtor_type, r.debtor_code, r.debtor_name, r.address, r.civic, r.postal_code, r.city,
        r.province, r.country, r.email, r.due_date.isoformat() if r.due_date else "",
        format_flow_amount(r.amount_cents),
        "" if r.pa_fee_cents is None else format_flow_amount(r.pa_fee_cents),
        r.debt_type, r.payment_type, r.causale, r.collection_data,
    ]
    if version in ("1_2", "1_3", "1_4"):
        out.append(bilancio_xml(r.bilancio))
    if version in ("1_3", "1_4"):
        out.append(_bool(r.generate_iuv))
    if version == "1_4":
        if r.multi_beneficiary:
            out += ["true", r.sec_fiscal_code, r.sec_name, r.sec_iban, r.sec_address, r.sec_civic,
                    r.sec_postal_code, r.sec_city, r.sec_province, r.sec_country, r.sec_collection_data,
                    r.sec_causale, "" if r.sec_amount_cents is None else format_flow_amount(r.sec_amount_cents)]
        else:
            out += ["false"] + [""] * 12
    elif version not in VERSIONS:
        raise FlowError(f"Versione del tracciato «{version}» non valida: ammesse {', '.join(VERSIONS)}")
    out.append(r.action)
    return out


_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def fields_to_record(fields: list[str], version: str, line_no: int) -> tuple[DebtRecord, list[RowError]]:
    """Build a record from one row's fields; syntax problems become RowErrors (the row is kept)."""
    columns = columns_for_version(version)
    errors: list[RowError] = []
    if len(fields) > len(columns):
        errors.append(RowError(line_no, str(len(columns) + 1), f"Too many columns: la riga ha {len(fields)} colonne, il "
                                                     f"tracciato {version} ne prevede {len(columns)}"))
    elif len(fields) < len(columns):
        errors.append(RowError(line_no, columns[len(fields)], f"Mancano colonne: la riga ne ha {len(fields)}, il "
                                                             f"tracciato {version} ne prevede {len(columns)}"))
    # Positional mapping, azione always from the last expected position when the count is right.
    values = dict(zip(columns, fields, strict=False))  # as MyPay reads them: split_line trimmed them
    get = values.get

    def err(column: str, message: str) -> None:
        errors.append(RowError(line_no, column, message))

    def amount(column: str, required: bool) -> int | None:
        text = get(column, "")
        if not text:
            if required:
                err(column, "Importo mancante")
            return None
        if len(text) > 15:
            err(column, f"Importo «{excerpt(text)}» troppo lungo (al massimo 15 caratteri)")
            return None
        try:
            return parse_flow_amount(text)
        except MoneyError as exc:
            err(column, str(exc))
            return None

    def flag(column: str) -> bool:
        text = get(column, "").lower()
        if text in ("", "false"):
            return False
        if text == "true":
            return True
        err(column, f"Valore «{excerpt(get(column))}» non valido: true o false")
        return False

    due = None
    due_text = get("dataScadenzaPagamento", "")
    if due_text:
        if not _DATE_RE.fullmatch(due_text):
            err("dataScadenzaPagamento", f"Data «{excerpt(due_text)}» non valida: formato aaaa-mm-gg (es. 2025-06-30)")
        else:
            try:
                due = date.fromisoformat(due_text)
            except ValueError:
                err("dataScadenzaPagamento", f"Data «{excerpt(due_text)}» inesistente")

    rec = DebtRecord(
        iud=get("IUD", ""), iuv=get("codIuv", ""), debtor_type=get("tipoIdentificativoUnivoco", "").upper(),
        debtor_code=get("codiceIdentificativoUnivoco", "").upper(), debtor_name=get("anagraficaPagatore", ""),
        address=get("indirizzoPagatore", ""), civic=get("civicoPagatore", ""), postal_code=get("capPagatore", ""),
        city=get("localitaPagatore", ""), province=get("provinciaPagatore", "").upper(),
        country=get("nazionePagatore", "").upper(), email=get("emailPagatore", ""), due_date=due,
        amount_cents=amount("importoDovuto", True) or 0, pa_fee_cents=amount("commissioneCaricoPa", False),
        debt_type=get("tipoDovuto", ""), payment_type=get("tipoVersamento", "").upper(),
        causale=get("causaleVersamento", ""), collection_data=get("datiSpecificiRiscossione", ""),
        action=get("azione", "").upper(), source_row=line_no,
    )
    if "bilancio" in values:
        try:
            rec.bilancio = parse_bilancio(values["bilancio"], f"bilancio riga {line_no}")
        except BilancioError as exc:
            err("bilancio", str(exc))
    if "flagGeneraIuv" in values:
        rec.generate_iuv = flag("flagGeneraIuv")
    if version == "1_4" and flag("flagMultiBeneficiario"):
        # MyPay reads the secondary columns only when the flag is true.
        rec.multi_beneficiary = True
        rec.sec_fiscal_code = get("codiceFiscaleEnteSecondario", "").upper()
        rec.sec_name = get("denominazioneEnteSecondario", "")
        rec.sec_iban = get("ibanAccreditoEnteSecondario", "").replace(" ", "").upper()
        rec.sec_address = get("indirizzoEnteSecondario", "")
        rec.sec_civic = get("civicoEnteSecondario", "")
        rec.sec_postal_code = get("capEnteSecondario", "")
        rec.sec_city = get("localitaEnteSecondario", "")
        rec.sec_province = get("provinciaEnteSecondario", "").upper()
        rec.sec_country = get("nazioneEnteSecondario", "").upper()
        rec.sec_collection_data = get("datiSpecificiRiscossioneEnteSecondario", "")
        rec.sec_causale = get("causaleVersamentoEnteSecondario", "")
        rec.sec_amount_cents = amount("importoVersamentoEnteSecondario", False)
    if len(fields) == len(columns) and rec.action not in ("I", "M", "A"):
        err("azione", f"Azione «{excerpt(rec.action)}» non valida: I, M o A" if rec.action else
            "Azione mancante: I (inserimento), M (modifica) o A (annullamento)")
    return rec, errors


# --- reading -----------------------------------------------------------------------------------

@dataclass
class RawRow:
    line_no: int
    text: str
    fields: list[str]
    error: str = ""  # MyPay cannot read the line at all (its fields are then empty)


def _raw_row(line_no: int, text: str) -> RawRow:
    try:
        return RawRow(line_no, text, split_line(text, line_no))
    except FlowError as exc:
        return RawRow(line_no, text, [], exc.message)


def _load(source: bytes | str | os.PathLike, name: str | None) -> tuple[bytes, str]:
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source), name or ""
    path = Path(source)
    try:
        return path.read_bytes(), name or path.name
    except OSError as exc:
        raise FlowError(f"Impossibile leggere il file: {exc.strerror or exc}", file=str(path)) from exc


def _csv_text(data: bytes, name: str, strict: bool) -> tuple[str, str]:
    """The CSV text of a flow (unzipping when needed) and the name of the CSV."""
    if is_zip(data):
        try:
            with SafeZip(data, name, ZIP_LIMITS) as zf:
                csvs = zf.members((".csv",))
                expected = os.path.splitext(os.path.basename(name))[0] + ".csv" if name else ""
                chosen = next((i for i in csvs if os.path.basename(i.filename) == expected), None)
                if chosen is None:
                    if strict or len(csvs) != 1:
                        what = f"il file {expected}" if expected else "un file .csv"
                        inside = ", ".join(excerpt(n, 80) for n in zf.names()[:10]) or "niente"
                        raise FlowError(f"Lo ZIP non contiene {what} (contiene: {inside})", file=name)
                    chosen = csvs[0]
                raw = zf.read(chosen)
        except SafeZipError as exc:
            raise FlowError(exc.message, file=name) from exc
        csv_name = os.path.basename(chosen.filename)
    else:
        if strict:
            raise FlowError("Il flusso deve essere un file .zip che contiene il .csv", file=name)
        if name.lower().endswith(".zip"):
            raise FlowError("Il file non è un archivio ZIP valido", file=name)
        raw, csv_name = data, os.path.basename(name)
    problem = too_many_lines(raw)
    if problem:
        raise FlowError(problem, file=csv_name or name)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FlowError(f"Il file non è in codifica UTF-8 (byte non valido in posizione {exc.start}): salvalo "
                        "come CSV UTF-8", file=csv_name or name, row=line) from exc
    if "\x00" in text[:4096]:
        raise FlowError("Il file non è un CSV di testo", file=csv_name or name)
    return without_nul(text), csv_name


def read_raw_rows(source: bytes | str | os.PathLike, *, name: str | None = None,
                  strict: bool = False) -> tuple[str, str, list[RawRow]]:
    """(file name, header line, data rows as written) of a flow; blank lines skipped, numbers kept."""
    file_name, lines = _lines(source, name, strict)
    rows = [_raw_row(i, line) for i, line in enumerate(lines[1:], start=2) if line.strip()]
    return file_name, lines[0], rows


def read_iud_iuv(source: bytes | str | os.PathLike, *, name: str | None = None) -> dict[str, str]:
    """IUD -> IUV of an outcome file (the portal's IUV file of a processed flow: columns 1 and 2), the rows
    without both skipped: what the columns of :func:`read_raw_rows` give, without splitting the rest of
    every line."""
    _file_name, lines = _lines(source, name, False)
    out: dict[str, str] = {}
    for i, line in enumerate(lines[1:], start=2):
        if '"' in line or _SLOW_LINE_RE.search(line):  # MyPay's own splitting and cleaning, as read_raw_rows
            fields = _raw_row(i, line).fields
        else:  # the usual line: split_line's fast path, on the first two fields only
            fields = [f.strip(_JAVA_TRIM) for f in line.split(SEPARATOR, 2)[:2]]
        if len(fields) > 1 and (iud := fields[0].strip()) and (iuv := fields[1].strip()):
            if not is_portal_iuv(iuv):  # a damaged file: the debt must not take it
                raise FlowError(f"IUV «{excerpt(iuv)}» del dovuto «{excerpt(iud)}» non valido: uno IUV ha 15 o 17 cifre "
                                "o è un riferimento RF", file=_file_name, row=i, column="codIuv")
            out[iud] = iuv
    return out


def _lines(source: bytes | str | os.PathLike, name: str | None, strict: bool) -> tuple[str, list[str]]:
    """(file name, lines) of a flow: the header there, no line longer than MAX_LINE_CHARS."""
    data, name = _load(source, name)
    if not data:
        raise FlowError("Il file è vuoto", file=name)
    if strict:
        parse_flow_name(name)
    text, csv_name = _csv_text(data, name, strict)
    lines = split_lines(text)
    if not lines or not lines[0].strip():
        raise FlowError("Manca la riga di intestazione", file=csv_name or name, row=1)
    if max(map(len, lines)) > MAX_LINE_CHARS:
        i, line = next((i, line) for i, line in enumerate(lines) if len(line) > MAX_LINE_CHARS)
        raise FlowError(f"Riga lunga {len(line):,} caratteri: in un flusso MyPay ogni riga ha al massimo "
                        f"{MAX_LINE_CHARS:,} caratteri".replace(",", "."), file=csv_name or name, row=i + 1)
    return csv_name or name, lines


def _decide_version(file_name: str, outer_name: str, header: str, rows: list[RawRow], extra: int = 0) -> str:
    version = _version_from_name(outer_name) or _version_from_name(file_name)
    if version:
        return version
    n = len(split_line(header, 1)) - extra
    version = detect_version(n)
    if version is None and rows:
        version = detect_version(len(rows[0].fields) - extra)
    if version is None:
        raise FlowError(f"Impossibile riconoscere la versione del tracciato: l'intestazione ha {n} colonne "
                        "(attese 20 per 1_0/1_1, 21 per 1_2, 22 per 1_3, 35 per 1_4)", file=file_name, row=1)
    return version


def read_flow(source: bytes | str | os.PathLike, *, name: str | None = None,
              strict: bool = False) -> tuple[str, list[DebtRecord], list[RowError]]:
    """Read a flow (ZIP or CSV). See the module docstring."""
    data, outer = _load(source, name)
    file_name, header, raw = read_raw_rows(data, name=outer, strict=strict)
    version = _decide_version(file_name, outer, header, raw)
    records: list[DebtRecord] = []
    errors: list[RowError] = []
    for row in raw:
        if row.error:
            records.append(DebtRecord(source_row=row.line_no))
            errors.append(RowError(row.line_no, "", row.error))
            continue
        rec, errs = fields_to_record(row.fields, version, row.line_no)
        if row.text.count('"') % 2:
            errs.insert(0, RowError(row.line_no, "", f"La riga contiene un {ODD_QUOTES}"))
        records.append(rec)
        errors.extend(errs)
    return version, records, errors


def write_flow_csv(records: list[DebtRecord], version: str) -> bytes:
    """The flow CSV (UTF-8, header row, ``;``, ``\\n`` line ends). Each record's action must be I/M/A."""
    names = (*_FLOW_FIELDS, "action")
    # one C call per record (attrgetter) and one transpose (zip), not a getattr per field
    values = zip(*map(attrgetter(*names), records), strict=True) if records else ([] for _ in names)
    columns = {name: list(col) for name, col in zip(names, values, strict=True)}
    return write_flow_csv_columns(columns, len(records), version)


# DebtRecord fields in flow order (before the 1_2+ columns), for the column-wise writer.
_FLOW_FIELDS = ("iud", "iuv", "debtor_type", "debtor_code", "debtor_name", "address", "civic", "postal_code", "city",
                "province", "country", "email", "due_date", "amount_cents", "pa_fee_cents", "debt_type",
                "payment_type", "causale", "collection_data", "bilancio", "generate_iuv", "multi_beneficiary",
                "sec_fiscal_code", "sec_name", "sec_iban", "sec_address", "sec_civic", "sec_postal_code",
                "sec_city", "sec_province", "sec_country", "sec_collection_data", "sec_causale",
                "sec_amount_cents")
_SEC_TEXT = ("sec_fiscal_code", "sec_name", "sec_iban", "sec_address", "sec_civic", "sec_postal_code", "sec_city",
             "sec_province", "sec_country", "sec_collection_data", "sec_causale")


def write_flow_csv_columns(columns: dict[str, list], n: int, version: str) -> bytes:
    """The flow CSV from ``n`` debts given column-wise (``{DebtRecord field: values}`` plus ``action``;
    missing fields take their defaults; ``bilancio_xml`` may replace ``bilancio`` with ready text).
    Same output as :func:`write_flow_csv`; used for big exports, where it avoids a Python call per field."""
    if version not in VERSIONS:
        raise FlowError(f"Versione del tracciato «{version}» non valida: ammesse {', '.join(VERSIONS)}")
    actions = columns.get("action") or [""] * n
    if actions.count("I") + actions.count("M") + actions.count("A") != n:
        i = next(i for i, a in enumerate(actions) if a not in ("I", "M", "A"))
        iud = (columns.get("iud") or [""] * n)[i]
        raise FlowError(f"Il dovuto {iud or '(senza IUD)'} non ha un'azione valida (I, M o A): «{actions[i]}»")

    def text(name: str) -> list:
        values = columns.get(name)
        return [""] * n if values is None else values

    def amounts(name: str) -> list:
        values = columns.get(name)
        if values is None:
            return [""] * n
        return ["" if v is None else format_flow_amount(v) for v in values]

    dues = columns.get("due_date")
    out = [text(name) for name in _FLOW_FIELDS[:12]]
    out.append([""] * n if dues is None else [d.isoformat() if d else "" for d in dues])
    out.append(amounts("amount_cents"))
    out.append(amounts("pa_fee_cents"))
    out += [text("debt_type"), text("payment_type"), text("causale"), text("collection_data")]
    if version in ("1_2", "1_3", "1_4"):
        if "bilancio_xml" in columns:
            out.append(columns["bilancio_xml"])
        else:
            bil = columns.get("bilancio")
            out.append([""] * n if bil is None or bil.count(None) == n else [bilancio_xml(b) for b in bil])
    if version in ("1_3", "1_4"):
        flags = columns.get("generate_iuv")
        out.append(["false"] * n if flags is None else ["true" if f else "false" for f in flags])
    if version == "1_4":
        multi = columns.get("multi_beneficiary")
        if multi is None or not any(multi):
            out += [["false"] * n] + [[""] * n for _ in range(12)]
        else:
            out.append(["true" if m else "false" for m in multi])
            for name in _SEC_TEXT:
                out.append([v if m else "" for v, m in zip(text(name), multi, strict=True)])
            out.append([v if m else "" for v, m in zip(amounts("sec_amount_cents"), multi, strict=True)])
    out.append(actions)
    # Quote only the columns that need it (a ";", a quote or a space at either end somewhere in them), and
    # refuse what MyPay could not read back (the rules flag such debts before they get here).
    names = columns_for_version(version)
    for k, col in enumerate(out):
        joined = "\n".join(col)
        if _UNWRITABLE_RE.search(joined) or joined.count("\n") != len(col) - 1:
            _refuse(col, names[k], columns.get("iud") or [""] * n)
        if SEPARATOR in joined or '"' in joined or _EDGE_SPACE_RE.search(joined):
            if '"' in joined:
                for i, v in enumerate(col):
                    if splits_differently(v):
                        _refuse_value(names[k], (columns.get("iud") or [""] * n)[i], QUOTES)
            out[k] = [_quote(v) for v in col]
    lines = [SEPARATOR.join(columns_for_version(version)), *map(SEPARATOR.join, zip(*out, strict=True)), ""]
    return "\n".join(lines).encode("utf-8")


def _zip_one(inner_name: str, payload: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        zf.writestr(inner_name, payload)
    return buf.getvalue()


def write_flow_zip(records: list[DebtRecord], ipa_code: str, iuf: str, version: str) -> tuple[str, bytes]:
    """``(<codIpa>-<IUF>-<version>.zip, bytes)`` holding the same-named CSV."""
    return flow_zip(write_flow_csv(records, version), ipa_code, iuf, version)


def flow_zip(csv_bytes: bytes, ipa_code: str, iuf: str, version: str) -> tuple[str, bytes]:
    """Package a flow CSV: ``(<codIpa>-<IUF>-<version>.zip, bytes)`` holding the same-named CSV."""
    file_name = flow_file_name(ipa_code, iuf, version)
    return file_name, _zip_one(file_name[:-4] + ".csv", csv_bytes)


# --- SCARTI ------------------------------------------------------------------------------------
# MyPay writes each rejected row as it was read, then ";" + cod_rifiuto + ";" + de_rifiuto, unquoted
# (ImportFlussoTaskService.creaRigaFileScarti). cod_rifiuto holds one code or several, each after a "|"
# ("|PAA_IMPORT_SINTASSI_CSV_IUV|PAA_IMPORT_SINTASSI_CSV_EMAIL", validaElabora and the database step), a bare
# one (PAA_IMPORT_SINTASSI_CSV for unreadable rows, PAA_IMPORT_IUD_DUPLICATO within the flow,
# PAA_IMPORT_SINTASSI_CSV_AZIONE, PAA_IMPORT_ERROR), and even two glued together, since validaElabora appends
# PAA_IMPORT_SINTASSI_CSV_COD_FISC (and two secondary-Ente codes) without their "|". de_rifiuto holds the
# descriptions, mostly each after a "|".

_CODE_RE = re.compile(r"(?:(?:PAA|PPT)_[A-Z0-9_]+(?:\([^)|;]*\))?|ERROR [A-Za-z]+)+")
_CODE_START_RE = re.compile(r"(?=(?:PAA|PPT)_)")


def split_rejection_codes(text: str) -> list[str]:
    """Every code of a cod_rifiuto, each once, in order (bars and glued codes taken apart)."""
    out: list[str] = []
    for part in text.split("|"):
        for code in _CODE_START_RE.split(part.strip()):
            code = code.strip()
            if code and code not in out:
                out.append(code)
    return out


def split_rejection_descriptions(text: str) -> list[str]:
    return [d.strip() for d in text.split("|") if d.strip()]


def _is_code_field(value: str) -> bool:
    parts = [p.strip() for p in value.split("|") if p.strip()]
    return bool(parts) and all(_CODE_RE.fullmatch(p) for p in parts)


@dataclass
class Rejection:
    """A row MyPay rejected: the row as read back, and MyPay's cod_rifiuto and de_rifiuto as written
    (``code``, ``message``) and taken apart (``codes``, ``descriptions``)."""

    row: int
    iud: str
    action: str
    code: str
    message: str
    record: DebtRecord
    errors: list[RowError]
    codes: list[str] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)


def read_rejections(source: bytes | str | os.PathLike, *,
                    name: str | None = None) -> tuple[str, list[Rejection]]:
    """Read a ``<flow>_SCARTI`` ZIP/CSV: each rejected row with ``cod_rifiuto`` and ``de_rifiuto``.

    The code is the last column that looks like one (the row itself may be broken, and a description
    may hold a ``;``): what precedes it is the row, what follows the description."""
    data, outer = _load(source, name)
    file_name, header, raw = read_raw_rows(data, name=outer)
    version = _decide_version(file_name, outer, header, raw, extra=len(REJECTION_COLUMNS))
    out = []
    for row in raw:
        parts = row.text.split(SEPARATOR)
        k = next((i for i in range(len(parts) - 1, 0, -1) if _is_code_field(_clean_field(parts[i], row.line_no))),
                 None)
        if k is None:
            code, message, body_text = "", "", row.text
        else:
            code = _clean_field(parts[k], row.line_no)
            message = _clean_field(SEPARATOR.join(parts[k + 1:]), row.line_no)
            body_text = SEPARATOR.join(parts[:k])
        try:
            body = split_line(body_text, row.line_no)
        except FlowError as exc:
            rec, errs = DebtRecord(source_row=row.line_no), [RowError(row.line_no, "", exc.message)]
        else:
            rec, errs = fields_to_record(body, version, row.line_no)
        out.append(Rejection(row.line_no, rec.iud, rec.action, code, message, rec, errs,
                             split_rejection_codes(code), split_rejection_descriptions(message)))
    return version, out


def write_rejections_zip(flow_name: str, header: str,
                         rejected: list[tuple[str, str, str]]) -> tuple[str, bytes]:
    """Write ``<flow stem>_SCARTI.zip`` as MyPay does: ``rejected`` = [(original line, cod_rifiuto,
    de_rifiuto)], each written line + ``;`` + code + ``;`` + description, unquoted. A description keeps to
    one line and adds no double quotes (they would move MyPay's split of the row before it)."""
    stem = os.path.splitext(os.path.basename(flow_name))[0] + "_SCARTI"
    lines = [header + SEPARATOR + SEPARATOR.join(REJECTION_COLUMNS)]
    lines += [f"{line}{SEPARATOR}{code}{SEPARATOR}{_one_line(message)}" for line, code, message in rejected]
    lines.append("")
    return stem + ".zip", _zip_one(stem + ".csv", "\n".join(lines).encode("utf-8"))


def _one_line(text: str) -> str:
    return " ".join(text.replace('"', "'").split()) if ('"' in text or _LINE_BREAK_RE.search(text)) else text


# The MyPay column a rejection code is about: PAA_IMPORT_SINTASSI_CSV_<X> of validaElabora (their descriptions
# name the column: "Errore sintassi CSV campo emailPagatore ..."), the database step's codes, and the faults
# of paaSILImportaDovuto (FaultCodeConstants). "" when the code is about the whole row.
_SINTASSI_COLUMNS = {
    "IUD": "IUD", "IUV": "codIuv", "TIPO_DOVUTO": "tipoDovuto", "TIPO_DOVUTO_INESISTENTE": "tipoDovuto",
    "TIPO_DOVUTO_NON_ATTIVO_PER_ENTE": "tipoDovuto", "TIPO_DOVUTO_NON_VALIDO_MARCA_DA_BOLLO": "tipoDovuto",
    "COD_FISC": "codiceIdentificativoUnivoco", "P_IVA": "codiceIdentificativoUnivoco",
    "COD_FISC_P_IVA": "codiceIdentificativoUnivoco", "ID_UNIV_FG": "tipoIdentificativoUnivoco",
    "INDIRIZZO": "indirizzoPagatore", "CIVICO": "civicoPagatore", "NAZ": "nazionePagatore",
    "PROV": "provinciaPagatore", "CAP": "capPagatore", "NAZ_PROV_CAP": "capPagatore", "EMAIL": "emailPagatore",
    "DATA_SCADENZA_PAGAMENTO": "dataScadenzaPagamento", "DATA_SCADENZA_PAGAMENTO_NON_PRESENTE": "dataScadenzaPagamento",
    "IMPORTO": "importoDovuto", "COMMISSIONI_PA": "commissioneCaricoPa", "TIPO_VERS": "tipoVersamento",
    "DATI_RISCOSS": "datiSpecificiRiscossione", "BILANCIO": "bilancio", "AZIONE": "azione",
    "COD_FISC_ENTE_SECONDARIO": "codiceFiscaleEnteSecondario",
    "IBAN_ACCREDITO_ENTE_SECONDARIO": "ibanAccreditoEnteSecondario",
    "INDIRIZZO_ENTE_SECONDARIO": "indirizzoEnteSecondario", "CIVICO_ENTE_SECONDARIO": "civicoEnteSecondario",
    "NAZ_ENTE_SECONDARIO": "nazioneEnteSecondario", "PROV_ENTE_SECONDARIO": "provinciaEnteSecondario",
    "CAP_ENTE_SECONDARIO": "capEnteSecondario", "DATI_RISCOSS_ENTE_SECONDARIO": "datiSpecificiRiscossioneEnteSecondario",
    "IMPORTO_VERS_ENTE_SECONDARIO": "importoVersamentoEnteSecondario",
}
_OTHER_CODE_COLUMNS = {
    "PAA_IMPORT_IUD_DUPLICATO": "IUD", "PAA_IMPORT_IUV_DUPLICATO": "codIuv",
    "PAA_IMPORT_DATA_SCADENZA_PAGAMENTO_OBBLIGATORIA": "dataScadenzaPagamento",
    "PAA_IMPORT_TIPO_DOVUTO_NON_MODIFICABILE": "tipoDovuto", "PAA_IMPORT_COD_TIPO_DOVUTO_INESISTENTE": "tipoDovuto",
    "PAA_IUD_NON_VALIDO": "IUD", "PAA_IUD_DUPLICATO": "IUD", "PAA_IUV_NON_VALIDO": "codIuv",
    "PAA_IUV_DUPLICATO": "codIuv", "PAA_IMPORTO_SINGOLO_VERSAMENTO_NON_VALIDO": "importoDovuto",
    "PAA_IMPORTO_BILANCIO_NON_VALIDO": "bilancio", "PAA_IDENTIFICATIVO_TIPO_DOVUTO_NON_VALIDO": "tipoDovuto",
    "PAA_IDENTIFICATIVO_TIPO_DOVUTO_NON_ABILITATO": "tipoDovuto", "PAA_TIPO_VERSAMENTO_NON_VALIDO": "tipoVersamento",
    "PAA_DATI_SPECIFICI_RISCOSSIONE_NON_VALIDO": "datiSpecificiRiscossione",
    "PAA_CODICE_FISCALE_NON_VALIDO": "codiceIdentificativoUnivoco", "PAA_P_IVA_NON_VALIDO": "codiceIdentificativoUnivoco",
    "PAA_TIPO_IDENTIFICATIVO_PAGATORE_NON_VALIDO": "tipoIdentificativoUnivoco", "PAA_AZIONE_NON_VALIDO": "azione",
}


def rejection_column(code: str) -> str:
    """The MyPay column a rejection or fault code names ("" for the whole row)."""
    code = code.strip().lstrip("|")
    if code.startswith("PAA_IMPORT_SINTASSI_CSV_"):
        return _SINTASSI_COLUMNS.get(code[len("PAA_IMPORT_SINTASSI_CSV_"):], "")
    return _OTHER_CODE_COLUMNS.get(code, "")
