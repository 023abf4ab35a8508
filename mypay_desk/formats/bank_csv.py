"""Bank-statement CSV ("estratto conto") with a column mapping: the treasury credits of Enti whose
treasurer does not send an OPI giornale di cassa.

Every bank writes its own layout, so the reader takes a :class:`BankCsvMapping` (which header holds
the booking date, value date, amount or credit/debit columns, causale, ordinante). Without one it
recognises the usual Italian headers (``Data contabile``, ``Data valuta``, ``Importo``, ``Entrate`` /
``Avere``, ``Uscite`` / ``Dare``, ``Causale``, ``Descrizione``, ``Ordinante``...). Preamble lines
before the header (account holder, IBAN, period) are skipped: the header is the first line that holds
the mapped columns.

Numbers are Italian (``1.234,56``, ``-1.234,56``, ``1.234,56-``); ``1,234.56`` is also read. Dates
are ``GG/MM/AAAA`` (also with ``-`` or ``.``, two-digit years) or ISO. Encoding UTF-8 (BOM skipped),
else Windows-1252. Separator ``;``, ``,``, tab or ``|``, detected from the header line.

Only credits are reconciliation data: debit lines are counted and skipped. Lines without a date
(totals, balances) are skipped too. A line with a date but an unreadable amount or date is an error
naming the line and the column; the caller refuses the file in that case.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from mypay_desk.domain.excerpt import excerpt
from mypay_desk.domain.money import MAX_TREASURY_CENTS, MoneyError, parse_amount
from mypay_desk.formats.causale import parse_causale
from mypay_desk.formats.limits import too_many_lines, without_nul
from mypay_desk.formats.opi import TreasuryRecord

MAX_CSV_BYTES = 200 * 1024 * 1024
HEADER_SEARCH_LINES = 40
MAX_REPORTED_ERRORS = 1_000  # a file with errors is refused: past these, reading stops

# Normalised header names (lower case, no accents, single spaces) recognised without a mapping.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "date": ("data contabile", "data operazione", "data registrazione", "data movimento", "data mov.",
             "data mov", "data", "date", "data contabilizzazione"),
    "value_date": ("data valuta", "valuta", "value date"),
    "amount": ("importo", "importo (eur)", "importo eur", "importo euro", "importo in euro", "importo (euro)",
               "amount", "importo operazione"),
    "credit": ("entrate", "avere", "accrediti", "accredito", "importo avere", "entrata", "avere (eur)"),
    "debit": ("uscite", "dare", "addebiti", "addebito", "importo dare", "uscita", "dare (eur)"),
    "causale": ("causale", "descrizione", "descrizione operazione", "causale descrizione", "descrizione estesa",
                "dettagli", "dettaglio", "motivazione", "causale operazione", "informazioni aggiuntive",
                "descrizione movimento"),
    "payer": ("ordinante", "nome ordinante", "controparte", "ordinante/beneficiario", "beneficiario/ordinante",
              "denominazione ordinante", "mittente"),
}


class BankCsvError(ValueError):
    def __init__(self, source: str, message: str, row: int | None = None, column: str = ""):
        where = source
        if row is not None:
            where += f", riga {row}"
        if column:
            where += f", colonna «{excerpt(column)}»"
        super().__init__(f"{where}: {message}")
        self.source = source
        self.row = row
        self.column = column
        self.message = message


@dataclass
class BankCsvMapping:
    """Which header holds what. ``causale`` may name several columns ("Causale+Descrizione"): their
    texts are joined. Give either ``amount`` (signed) or ``credit``/``debit``."""

    date: str = ""
    value_date: str = ""
    amount: str = ""
    credit: str = ""
    debit: str = ""
    causale: str = ""
    payer: str = ""
    delimiter: str = ""  # "" = detect
    encoding: str = ""  # "" = UTF-8, else Windows-1252
    date_format: str = ""  # strptime format; "" = detect

    @classmethod
    def parse(cls, text: str) -> BankCsvMapping:
        """``date=Data contabile,amount=Importo,causale=Causale+Descrizione`` (keys as the fields)."""
        names = {f for f in cls.__dataclass_fields__}
        out = cls()
        for part in re.split(r"[,\n]", text or ""):
            if not part.strip():
                continue
            if "=" not in part:
                raise ValueError(f"«{part.strip()}»: atteso campo=colonna (campi: {', '.join(sorted(names))})")
            key, value = (s.strip() for s in part.split("=", 1))
            if key not in names:
                raise ValueError(f"campo «{key}» sconosciuto (campi: {', '.join(sorted(names))})")
            if key == "delimiter" and value.lower() in ("tab", "\\t"):
                value = "\t"
            setattr(out, key, value)
        return out

    def to_dict(self) -> dict[str, str]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__ if getattr(self, k)}


@dataclass
class BankCsvResult:
    source: str
    mapping: BankCsvMapping
    header_line: int
    records: list[TreasuryRecord] = field(default_factory=list)
    debits: int = 0
    skipped: int = 0
    errors: list[BankCsvError] = field(default_factory=list)
    errors_omitted: int = 0  # lines with a date not read once MAX_REPORTED_ERRORS errors were found


def _norm(header: str) -> str:
    text = unicodedata.normalize("NFKD", header or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.lower().replace("\ufeff", "").split())


def decode(data: bytes, encoding: str = "") -> str:
    """The file's text (NUL replaced: formats.limits.without_nul)."""
    return without_nul(_decoded(data, encoding))


def _decoded(data: bytes, encoding: str) -> str:
    if encoding:
        return data.decode(encoding)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _detect_delimiter(line: str) -> str:
    counts = {d: line.count(d) for d in (";", "\t", "|", ",")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ";"


def guess_mapping(headers: list[str]) -> BankCsvMapping:
    """Map known Italian headers to fields; unknown ones stay empty."""
    normalized = {_norm(h): h for h in headers if h and h.strip()}
    m = BankCsvMapping()
    for fname, options in SYNONYMS.items():
        found = [normalized[o] for o in options if o in normalized]
        if not found:
            continue
        if fname == "causale":
            m.causale = "+".join(dict.fromkeys(found))
        else:
            setattr(m, fname, found[0])
    if m.amount and (m.credit or m.debit):
        m.amount = ""  # separate columns are more explicit than a generic "Importo"
    return m


def read_table(data: bytes, mapping: BankCsvMapping | None = None, source: str = "CSV"):
    """The CSV's rows (lists of cells), decoded. Used by the preview and the reader."""
    if len(data) > MAX_CSV_BYTES:
        raise BankCsvError(source, f"file troppo grande ({len(data)} byte)")
    if b"\x00" in data[:4096]:
        raise BankCsvError(source, "non è un file di testo CSV")
    problem = too_many_lines(data)
    if problem:
        raise BankCsvError(source, problem)
    mapping = mapping or BankCsvMapping()
    try:
        text = decode(data, mapping.encoding)
    except (LookupError, UnicodeError) as exc:
        raise BankCsvError(source, f"il file non è nella codifica {excerpt(mapping.encoding)} indicata "
                                   f"({excerpt(exc, 80)})") from exc
    lines = text[:1024 * 1024].splitlines()[:HEADER_SEARCH_LINES]  # only the first lines are looked at
    if not lines:
        raise BankCsvError(source, "file vuoto")
    try:
        reader = csv.reader(io.StringIO(text), delimiter=mapping.delimiter or _sniff(lines))
    except TypeError as exc:  # a delimiter given as more than one character
        raise BankCsvError(source, f"separatore «{excerpt(mapping.delimiter)}» non valido: un solo carattere") \
            from exc
    try:
        return list(reader)
    except csv.Error as exc:
        raise BankCsvError(source, f"CSV non leggibile: {excerpt(exc, 120)}", row=reader.line_num) from exc


def _sniff(lines: list[str]) -> str:
    # the header is usually the line with the most separators among the first ones
    best, best_count = ";", 0
    for line in lines[:HEADER_SEARCH_LINES]:
        d = _detect_delimiter(line)
        c = line.count(d)
        if c > best_count:
            best, best_count = d, c
    return best


def find_header(rows: list[list[str]], mapping: BankCsvMapping | None) -> tuple[int, BankCsvMapping]:
    """Index of the header row and the mapping completed with the recognised headers.

    Fields the caller mapped win over the recognised ones; the header row is the first one holding
    the date and amount (or credit) columns of the resulting mapping.
    """
    given = mapping.to_dict() if mapping else {}
    for i, row in enumerate(rows[:HEADER_SEARCH_LINES]):
        cells = [c.strip() for c in row]
        guess = guess_mapping(cells)
        if given.get("amount") or given.get("credit"):
            guess.amount = guess.credit = guess.debit = ""
        for key, value in given.items():
            setattr(guess, key, value)
        if not guess.date or not (guess.amount or guess.credit):
            continue
        normalized = {_norm(c) for c in cells}
        wanted = [guess.date] + [c for c in (guess.amount, guess.credit) if c]
        if all(_norm(w) in normalized for w in wanted):
            return i, guess
    return -1, mapping or BankCsvMapping()


def parse_bank_csv(data: bytes, source: str = "CSV", mapping: BankCsvMapping | None = None) -> BankCsvResult:
    rows = read_table(data, mapping, source)
    header_idx, m = find_header(rows, mapping)
    if header_idx < 0:
        if mapping and mapping.date:
            raise BankCsvError(source, f"intestazione con le colonne «{excerpt(mapping.date)}» e "
                                       f"«{excerpt(mapping.amount or mapping.credit)}» non trovata nelle prime "
                                       f"{HEADER_SEARCH_LINES} righe")
        raise BankCsvError(source, "intestazione non riconosciuta: indica quali colonne contengono data, "
                                   "importo (o entrate/uscite) e causale")
    headers = [c.strip() for c in rows[header_idx]]
    index = {_norm(h): i for i, h in enumerate(headers)}

    def col(name: str, label: str) -> int | None:
        if not name:
            return None
        pos = index.get(_norm(name))
        if pos is None:
            raise BankCsvError(source, f"colonna «{excerpt(name)}» ({label}) non presente nell'intestazione",
                               row=header_idx + 1)
        return pos

    c_date = col(m.date, "data")
    c_value = col(m.value_date, "data valuta")
    c_amount = col(m.amount, "importo")
    c_credit = col(m.credit, "entrate")
    c_debit = col(m.debit, "uscite")
    c_payer = col(m.payer, "ordinante")
    c_causali = [col(p.strip(), "causale") for p in m.causale.split("+") if p.strip()] if m.causale else []
    if c_date is None:
        raise BankCsvError(source, "manca la colonna della data")
    if c_amount is None and c_credit is None:
        raise BankCsvError(source, "manca la colonna dell'importo (o delle entrate)")

    result = BankCsvResult(source=source, mapping=m, header_line=header_idx + 1)
    seen: Counter[str] = Counter()
    for r, row in enumerate(rows[header_idx + 1:], start=header_idx + 2):
        def cell(i: int | None, row=row) -> str:
            return row[i].strip() if i is not None and i < len(row) else ""

        raw_date = cell(c_date)
        if not raw_date:
            result.skipped += 1
            continue
        if len(result.errors) >= MAX_REPORTED_ERRORS:
            result.errors_omitted += 1
            continue
        try:
            book = parse_date(raw_date, m.date_format)
        except ValueError as exc:
            result.errors.append(BankCsvError(source, str(exc), row=r, column=headers[c_date]))
            continue
        value_date = None
        if c_value is not None and cell(c_value):
            try:
                value_date = parse_date(cell(c_value), m.date_format)
            except ValueError as exc:
                result.errors.append(BankCsvError(source, str(exc), row=r, column=headers[c_value]))
                continue
        try:
            if c_amount is not None:
                column = headers[c_amount]
                amount = parse_signed_amount(cell(c_amount))
            else:
                column = headers[c_credit]
                credit = cell(c_credit)
                debit = cell(c_debit)
                if credit:
                    amount = abs(parse_signed_amount(credit))
                elif debit:
                    column = headers[c_debit]
                    amount = -abs(parse_signed_amount(debit))
                else:
                    amount = 0
        except MoneyError as exc:
            result.errors.append(BankCsvError(source, str(exc), row=r, column=column))
            continue
        if amount <= 0:
            result.debits += 1 if amount < 0 else 0
            result.skipped += 1 if amount == 0 else 0
            continue
        causale = " ".join(cell(i) for i in c_causali if cell(i))
        payer = cell(c_payer)
        refs = parse_causale(causale)
        base = "|".join([book.isoformat(), value_date.isoformat() if value_date else "", str(amount),
                         " ".join(causale.split()), " ".join(payer.split())])
        seen[base] += 1  # identical lines in one statement are distinct credits
        key = "CSV|" + hashlib.sha1(f"{base}|{seen[base]}".encode()).hexdigest()
        result.records.append(TreasuryRecord(
            dedupe_key=key, source_kind="CSV", movement_type="ENTRATA", status="ESEGUITO", book_date=book,
            value_date=value_date, amount_cents=amount, causale=causale, payer=payer[:200],
            document_number="", iuf=refs.iuf, iuv=refs.iuv, source=source, position=r,
        ))
    return result


_DATE_PATTERNS = (
    (re.compile(r"(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})"), "dmy"),
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), "ymd"),
    (re.compile(r"(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{2})"), "dmy2"),
    (re.compile(r"(\d{4})(\d{2})(\d{2})"), "ymd"),
)


def parse_date(text: str, fmt: str = "") -> date:
    s = text.strip()
    if fmt:
        try:
            return datetime.strptime(s, fmt).date()
        except ValueError as exc:
            raise ValueError(f"data «{excerpt(text)}» non conforme al formato {excerpt(fmt)}") from exc
    for pattern, kind in _DATE_PATTERNS:
        m = pattern.fullmatch(s.split(" ")[0].split("T")[0])
        if not m:
            continue
        a, b, c = (int(x) for x in m.groups())
        try:
            if kind == "ymd":
                return date(a, b, c)
            if kind == "dmy":
                return date(c, b, a)
            return date(2000 + c, b, a)
        except ValueError:
            break
    raise ValueError(f"data «{excerpt(text)}» non valida (attesa GG/MM/AAAA)")


def parse_signed_amount(text: str) -> int:
    """Signed cents from a bank amount: "1.234,56", "-1.234,56", "1.234,56-", "+12,00", "1,234.56"."""
    s = text.strip().replace("€", "").replace("EUR", "").replace("\u00a0", "").replace(" ", "")
    if not s:
        raise MoneyError("importo mancante")
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1]
    if s.endswith("-"):
        negative, s = True, s[:-1]
    elif s.endswith("+"):
        s = s[:-1]
    if s.startswith("-"):
        negative, s = not negative, s[1:]
    elif s.startswith("+"):
        s = s[1:]
    if "," in s and "." in s and s.rfind(".") > s.rfind(","):
        s = s.replace(",", "")  # 1,234.56
    cents = parse_amount(s, max_cents=MAX_TREASURY_CENTS)
    return -cents if negative else cents
