"""Checks a workbook before python-calamine reads it, so a small hostile file cannot take the process down.

python-calamine builds every sheet as one dense rectangle from the first to the last non-empty cell
(calamine ``Range::from_sparse``): a 10 KB xlsx with one value at XFD1048576 asks for 17 billion
cells (512 GiB) and the process aborts, which no ``except`` can catch. An ODS cell repeated with
``table:number-columns-repeated`` / ``number-rows-repeated`` does the same, at open time, for every
sheet. So, before calamine sees the bytes:

- the archive is opened with :mod:`mypay_desk.formats.safezip` (member sizes, total, ratio, encryption,
  method);
- xlsx: the chosen sheet's XML is expanded here, in chunks (the next one expanded on another thread
  while the previous one is searched), and its declared ``<dimension>`` and the references of its
  cells are checked: the rectangle calamine would build must stay within :data:`MAX_SHEET_CELLS` (and
  Excel's own 1,048,576 rows and 16,384 columns). A few C-level searches answer for the usual file
  (every ``<c r="...">`` written with its reference, no namespace prefix); anything else is measured
  exactly with a streaming parser, as calamine places cells;
- ODS: content.xml is read as calamine would (rows and cells with their repeat counts, every sheet).

xlsb is refused (its binary records cannot be checked here); xls (BIFF) is at most 65,536 x 256 cells
by construction and goes straight to calamine.
"""

from __future__ import annotations

import io
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from xml.parsers import expat

from mypay_desk.domain.excerpt import excerpt, thousands
from mypay_desk.formats.safezip import MB, SafeZip, SafeZipError, ZipLimits, is_zip
from mypay_desk.formats.xmlsafe import XmlError, local_name, parse_xml

MAX_SHEET_CELLS = 30_000_000  # a million rows by 30 columns; real lists are a few million cells at most
MAX_SHEET_ROWS = 1_048_576  # Excel's limits
MAX_SHEET_COLUMNS = 16_384
ZIP_LIMITS = ZipLimits(max_members=10_000, max_member_bytes=1024 * MB, max_total_bytes=3 * 1024 * MB,
                       max_ratio=200, ratio_from_bytes=16 * MB)


class WorkbookError(ValueError):
    """The workbook is refused before reading; the message says why and what to do."""


@dataclass(frozen=True)
class SheetInfo:
    name: str
    visible: bool
    path: str = ""  # the sheet's XML in an xlsx


@dataclass
class PreparedWorkbook:
    """What to give calamine, and what was found."""

    kind: str  # "xlsx", "ods" or "xls"
    sheets: list[SheetInfo]
    source: io.BytesIO


def column_name(index: int) -> str:
    """1 -> A, 27 -> AA, 16384 -> XFD."""
    name = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n


# --- the archive -----------------------------------------------------------------------------------

def open_workbook_zip(data: bytes, file_name: str) -> SafeZip:
    try:
        return SafeZip(data, file_name, ZIP_LIMITS)
    except SafeZipError as exc:
        raise WorkbookError(f"il foglio di calcolo non è leggibile: {exc.message}") from exc


def workbook_kind(zf: SafeZip) -> str:
    names = set(zf.names())
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        raise WorkbookError("il formato xlsb (cartella di lavoro binaria di Excel) non è supportato: salva il file "
                            "come .xlsx")
    if "content.xml" in names:
        return "ods"
    raise WorkbookError("l'archivio non è un foglio di calcolo xlsx o ods")


def xlsx_sheets(zf: SafeZip) -> list[SheetInfo]:
    """The sheets of an xlsx in workbook order, with their visibility and XML part."""
    infos = {i.filename: i for i in zf.members()}
    try:
        root = parse_xml(zf.read(infos["xl/workbook.xml"]), "xl/workbook.xml")
        rels_info = infos.get("xl/_rels/workbook.xml.rels")
        rels = parse_xml(zf.read(rels_info), "workbook.xml.rels") if rels_info else None
    except (SafeZipError, XmlError) as exc:
        raise WorkbookError(f"il foglio di calcolo è danneggiato: {excerpt(exc, 160)}") from exc
    targets: dict[str, str] = {}
    if rels is not None:
        for rel in rels.iter():
            if local_name(rel.tag) == "Relationship":
                target = rel.get("Target", "")
                path = target.lstrip("/") if target.startswith("/") else "xl/" + target
                targets[rel.get("Id", "")] = posixpath.normpath(path)
    sheets = []
    for el in root.iter():
        if local_name(el.tag) != "sheet":
            continue
        rid = next((v for k, v in el.attrib.items() if local_name(k) == "id"), "")
        sheets.append(SheetInfo(el.get("name", ""), el.get("state", "visible") == "visible", targets.get(rid, "")))
    return sheets


# --- xlsx: the sheet's extent --------------------------------------------------------------------------

# A cell start tag that is not the usual ``<c r="A1"`` with one letter or AA-AD (30 columns) and at
# most six digits: its reference is far, written differently, or missing.
_UNUSUAL_CELL = re.compile(rb'<c(?! r="(?:[A-Z]|A[A-D])\d{1,6}")[\s/>]')
# The same, with any reference written the usual way (wide sheets, a million rows and more).
_ODD_CELL = re.compile(rb'<c(?! r="[A-Z]{1,3}\d{1,7}")[\s/>]')
_PREFIXED_CELL = re.compile(rb':c[\s/>]')
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref\s*=\s*["\']([A-Za-z]{1,3})(\d{1,7})(?::([A-Za-z]{1,3})(\d{1,7}))?')
_COLUMNS = re.compile(rb'<c r="([A-Z]{2,3})\d')
_ROWS = re.compile(rb'<c r="[A-Z]{1,3}(\d{7})"')
_FAST_MAX_ROWS = 999_999
_FAST_MAX_COLUMNS = 30
_OVERLAP = 64  # bytes of the previous chunk searched again: a cell's start tag is shorter
_CHUNK = 1024 * 1024  # compressed bytes expanded at a time (about 10 MB of XML)


@dataclass
class Extent:
    first_row: int
    last_row: int
    first_column: int
    last_column: int

    @property
    def rows(self) -> int:
        return self.last_row - self.first_row + 1

    @property
    def columns(self) -> int:
        return self.last_column - self.first_column + 1

    @property
    def cells(self) -> int:
        return self.rows * self.columns

    def area(self) -> str:
        return (f"{column_name(self.first_column)}{self.first_row}:"
                f"{column_name(self.last_column)}{self.last_row}")


def _refuse(sheet: str, extent: Extent, what: str) -> WorkbookError:
    far = f"{column_name(extent.last_column)}{extent.last_row}"
    return WorkbookError(
        f"il foglio «{excerpt(sheet)}» {what} l'area {extent.area()} ({thousands(extent.rows)} righe per "
        f"{thousands(extent.columns)} colonne): al massimo {thousands(MAX_SHEET_ROWS)} righe, "
        f"{thousands(MAX_SHEET_COLUMNS)} colonne e {thousands(MAX_SHEET_CELLS)} celle. Di solito è un valore "
        f"dimenticato in una cella lontana dai dati (es. {far}): cancellalo e salva di nuovo il file")


def _within_limits(extent: Extent) -> bool:
    return (extent.last_row <= MAX_SHEET_ROWS and extent.last_column <= MAX_SHEET_COLUMNS
            and extent.cells <= MAX_SHEET_CELLS)


class _FastBound:
    """Bounds the cells of a sheet from its XML, chunk by chunk, with C-level searches only: ``ok`` stays
    True while the bound (last row x last column) is within the limits and every cell is written the
    usual way (``<c r="...">``, no prefix). Otherwise the sheet is measured exactly."""

    def __init__(self):
        self.ok = True
        self._first = True
        self._wide = False
        self.last_row = _FAST_MAX_ROWS
        self.last_column = _FAST_MAX_COLUMNS

    def feed(self, text: bytes, final: bool) -> None:
        """Search ``text``; unless ``final``, a tag starting in its last _OVERLAP bytes may be cut short
        and is left to the next call (which gets those bytes again)."""
        if not self.ok:
            return
        limit = len(text) if final else len(text) - _OVERLAP

        def found(pattern: re.Pattern) -> bool:
            m = pattern.search(text)
            return m is not None and m.start() < limit

        if self._first:
            self._first = False
            m = _DIMENSION.search(text, 0, 4096)
            if m and m.group(3):
                declared = Extent(int(m.group(2)), int(m.group(4)), _column_number(m.group(1)),
                                  _column_number(m.group(3)))
                if not _within_limits(declared):
                    self.ok = False  # it may lie either way: the cells decide
                    return
        if found(_PREFIXED_CELL):
            self.ok = False
            return
        if not self._wide and found(_UNUSUAL_CELL):
            self._wide = True
        if self._wide:  # every reference the usual way, but wide or far: their largest values
            if found(_ODD_CELL):
                self.ok = False
                return
            columns = set(_COLUMNS.findall(text))
            if columns:
                self.last_column = max(self.last_column, max(map(_column_number, columns)))
            rows = set(_ROWS.findall(text))
            if rows:
                self.last_row = max(self.last_row, max(map(int, rows)))
            if not _within_limits(Extent(1, self.last_row, 1, self.last_column)):
                self.ok = False


class _ExactExtent:
    """Streams a sheet's XML and finds the rectangle calamine builds: the non-empty cells' extent, with
    positions as calamine gives them (the cell's own reference, else the row's and a running column)."""

    def __init__(self):
        self.first_row = self.first_column = 1 << 40
        self.last_row = self.last_column = 0
        self._row = 0  # 0-based, as calamine counts
        self._column = 0
        self._in_cell = False
        self._has_value = False
        self._position = (0, 0)
        parser = expat.ParserCreate()
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.buffer_text = True
        self._parser = parser

    def feed(self, chunk: bytes, final: bool = False) -> None:
        self._parser.Parse(chunk, final)

    @staticmethod
    def _ref(value: str) -> tuple[int, int] | None:
        m = re.fullmatch(r"([A-Za-z]{0,4})(\d{1,10})", value)
        if not m:
            return None
        return int(m.group(2)) - 1, _column_number(m.group(1).encode()) - 1 if m.group(1) else -1

    def _start(self, name: str, attrs: dict) -> None:
        tag = name.rpartition(":")[2]
        if self._in_cell:
            if tag in ("v", "is", "f"):
                self._has_value = True
            return
        if tag == "row":
            ref = self._ref(attrs.get("r", "")) if "r" in attrs else None
            if ref is not None:
                self._row = ref[0]
        elif tag == "c":
            ref = self._ref(attrs.get("r", "")) if "r" in attrs else None
            if ref is not None and ref[1] >= 0:
                self._row, self._column = ref[0], ref[1]
            self._position = (self._row, self._column)
            self._in_cell, self._has_value = True, False

    def _end(self, name: str) -> None:
        tag = name.rpartition(":")[2]
        if tag == "c" and self._in_cell:
            self._in_cell = False
            if self._has_value:
                row, column = self._position
                self.first_row, self.last_row = min(self.first_row, row), max(self.last_row, row)
                self.first_column, self.last_column = min(self.first_column, column), max(self.last_column, column)
            self._column += 1
        elif tag == "row" and not self._in_cell:
            self._row += 1
            self._column = 0

    def extent(self) -> Extent | None:
        if self.first_row > self.last_row:
            return None
        return Extent(self.first_row + 1, self.last_row + 1, self.first_column + 1, self.last_column + 1)


def _exact_extent(chunks: Iterator[bytes], sheet: str) -> Extent | None:
    scan = _ExactExtent()
    try:
        for chunk in chunks:
            scan.feed(chunk)
        scan.feed(b"", True)
    except expat.ExpatError as exc:
        raise WorkbookError(f"il foglio «{excerpt(sheet)}» non è XML valido ({excerpt(exc, 120)}): salvalo di nuovo "
                            "come .xlsx") from exc
    except WorkbookError:
        raise
    except (ValueError, LookupError) as exc:
        raise WorkbookError(f"il foglio «{excerpt(sheet)}» non è leggibile ({excerpt(exc, 120)})") from exc
    return scan.extent()


def _raw_member(data: bytes, info: zipfile.ZipInfo) -> memoryview:
    """The member's bytes as stored in the archive (compressed)."""
    off = info.header_offset
    if data[off:off + 4] != b"PK\x03\x04":
        raise WorkbookError(f"il foglio di calcolo è danneggiato (intestazione di {excerpt(info.filename)} non valida)")
    name_len, extra_len = struct.unpack("<HH", data[off + 26:off + 30])
    start = off + 30 + name_len + extra_len
    return memoryview(data)[start:start + info.compress_size]


def _inflated(data: bytes, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """A deflated member expanded chunk by chunk, the next chunk expanded on another thread (zlib
    releases the GIL) while the caller searches the previous one."""
    raw = _raw_member(data, info)
    inflater = zlib.decompressobj(-15)
    produced = 0
    with ThreadPoolExecutor(1) as pool:
        pending = pool.submit(inflater.decompress, raw[:_CHUNK])
        pos = _CHUNK
        while pending is not None:
            try:
                chunk = pending.result()
            except zlib.error as exc:
                raise WorkbookError(f"il foglio {excerpt(info.filename)} nell'archivio è danneggiato ({exc})") from exc
            pending = pool.submit(inflater.decompress, raw[pos:pos + _CHUNK]) if pos < len(raw) else None
            pos += _CHUNK
            produced += len(chunk)
            if produced > info.file_size:
                raise WorkbookError(f"il foglio {excerpt(info.filename)} nell'archivio è danneggiato (più lungo di "
                                    "quanto dichiarato)")
            yield chunk


def _chunks(zf: SafeZip, data: bytes, info: zipfile.ZipInfo) -> Iterator[bytes]:
    try:
        zf.check(info)
    except SafeZipError as exc:
        raise WorkbookError(exc.message) from exc
    if info.compress_type == zipfile.ZIP_DEFLATED:
        yield from _inflated(data, info)
        return
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(8 * MB):
                yield chunk
    except SafeZipError as exc:
        raise WorkbookError(exc.message) from exc


def check_xlsx_sheet(zf: SafeZip, data: bytes, sheet: SheetInfo) -> None:
    """Refuse the sheet when calamine would build too big a rectangle (see the module docstring)."""
    infos = {i.filename: i for i in zf.members()}
    info = infos.get(sheet.path)
    if info is None:
        # Not where workbook.xml says: calamine may still find it, so every worksheet is checked.
        for other in zf.members():
            if other.filename.startswith("xl/worksheets/") and other.filename.endswith(".xml"):
                check_xlsx_sheet(zf, data, SheetInfo(sheet.name, sheet.visible, other.filename))
        return
    bound = _FastBound()
    text = b""
    for chunk in _chunks(zf, data, info):
        if text:
            bound.feed(text, final=False)
            if not bound.ok:
                break
            chunk = text[-_OVERLAP:] + chunk
        text = chunk
    else:
        bound.feed(text, final=True)
    if bound.ok:
        return
    extent = _exact_extent(_chunks(zf, data, info), sheet.name)
    if extent is not None and not _within_limits(extent):
        raise _refuse(sheet.name, extent, "usa")


# --- ODS ------------------------------------------------------------------------------------------------

class _OdsExtent:
    """Streams content.xml as calamine's ODS reader does and refuses a sheet whose rectangle (repeats
    expanded) would be too big. Every sheet counts: calamine reads them all when the file is opened."""

    def __init__(self):
        self.problem: tuple[str, Extent] | None = None
        self._sheet = ""
        self._rows: list[tuple[int, int, int]] = []  # per row: repeats, first and last non-empty column (or -1)
        self._row_repeats = 1
        self._column = 0
        self._first = self._last = -1
        self._cell_depth = 0
        self._cell_repeats = 1
        self._cell_value = False
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        self._parser = parser

    def feed(self, chunk: bytes, final: bool = False) -> None:
        self._parser.Parse(chunk, final)

    @staticmethod
    def _attr(attrs: dict, name: str) -> str:
        return next((v for k, v in attrs.items() if k.rpartition(" ")[2] == name), "")

    def _start(self, name: str, attrs: dict) -> None:
        tag = name.rpartition(" ")[2]
        if self._cell_depth:
            self._cell_depth += 1
            return
        if tag == "table":
            self._sheet, self._rows = self._attr(attrs, "name"), []
        elif tag == "table-row":
            repeats = self._attr(attrs, "number-rows-repeated")
            self._row_repeats = min(int(repeats), MAX_SHEET_ROWS) if repeats.isdigit() else 1
            self._column, self._first, self._last = 0, -1, -1
        elif tag in ("table-cell", "covered-table-cell"):
            repeats = self._attr(attrs, "number-columns-repeated")
            self._cell_repeats = min(int(repeats), MAX_SHEET_COLUMNS) if repeats.isdigit() else 1
            self._cell_value = bool(self._attr(attrs, "value-type") or self._attr(attrs, "formula"))
            self._cell_depth = 1

    def _end(self, name: str) -> None:
        if self._cell_depth > 1:
            self._cell_depth -= 1
            return
        tag = name.rpartition(" ")[2]
        if self._cell_depth == 1 and tag in ("table-cell", "covered-table-cell"):
            self._cell_depth = 0
            if self._cell_value:
                if self._first < 0:
                    self._first = self._column
                self._last = min(self._column + self._cell_repeats, MAX_SHEET_COLUMNS) - 1
            self._column = min(self._column + self._cell_repeats, MAX_SHEET_COLUMNS)
        elif tag == "table-row":
            self._rows.append((self._row_repeats, self._first, self._last))
        elif tag == "table" and self.problem is None:
            extent = self._extent()
            if extent is not None and not _within_limits(extent):
                self.problem = (self._sheet, extent)

    def _extent(self) -> Extent | None:
        filled = [i for i, (_r, first, _l) in enumerate(self._rows) if first >= 0]
        if not filled:
            return None
        before = sum(r for r, _f, _l in self._rows[:filled[0]])
        height = sum(r for r, _f, _l in self._rows[filled[0]:filled[-1] + 1])
        first = min(self._rows[i][1] for i in filled)
        last = max(self._rows[i][2] for i in filled)
        return Extent(before + 1, before + height, first + 1, last + 1)


def check_ods(zf: SafeZip, data: bytes) -> None:
    info = next((i for i in zf.members() if i.filename == "content.xml"), None)
    if info is None:
        raise WorkbookError("il foglio di calcolo ods non contiene content.xml: salvalo di nuovo")
    scan = _OdsExtent()
    try:
        for chunk in _chunks(zf, data, info):
            scan.feed(chunk)
            if scan.problem:
                break
        else:
            scan.feed(b"", True)
    except expat.ExpatError as exc:
        raise WorkbookError(f"il foglio di calcolo ods non è XML valido ({excerpt(exc, 120)}): salvalo di nuovo") \
            from exc
    except WorkbookError:
        raise
    except (ValueError, LookupError) as exc:
        raise WorkbookError(f"il foglio di calcolo ods non è leggibile ({excerpt(exc, 120)})") from exc
    if scan.problem:
        sheet, extent = scan.problem
        raise _refuse(sheet, extent, "con le celle ripetute occupa")


# --- entry point ----------------------------------------------------------------------------------------

def prepare_workbook(data: bytes, file_name: str, sheet: str | int | None
                     ) -> tuple[PreparedWorkbook, str | int | None]:
    """Check a workbook for calamine and pick the sheet: by name, by index, or the first visible one.
    Returns what to give calamine and the sheet to ask it for (None for xls and ods: the first visible
    one, which calamine's metadata tells)."""
    if not is_zip(data):
        return PreparedWorkbook("xls", [], io.BytesIO(data)), sheet
    with open_workbook_zip(data, file_name) as zf:
        kind = workbook_kind(zf)
        if kind == "ods":
            check_ods(zf, data)
            return PreparedWorkbook("ods", [], io.BytesIO(data)), sheet
        sheets = xlsx_sheets(zf)
        if not sheets:
            raise WorkbookError("il foglio di calcolo non contiene fogli")
        chosen = _choose(sheets, sheet)
        check_xlsx_sheet(zf, data, chosen)
        return PreparedWorkbook("xlsx", sheets, io.BytesIO(data)), chosen.name


def _choose(sheets: list[SheetInfo], sheet: str | int | None) -> SheetInfo:
    if isinstance(sheet, str):
        found = next((s for s in sheets if s.name == sheet), None)
        if found is None:
            raise WorkbookError(f"il foglio «{excerpt(sheet)}» non esiste nel file (fogli: "
                                f"{', '.join(excerpt(s.name) for s in sheets[:10])})")
        return found
    if isinstance(sheet, int):
        if not 0 <= sheet < len(sheets):
            raise WorkbookError(f"il file ha {len(sheets)} fogli: il foglio {sheet + 1} non esiste")
        return sheets[sheet]
    return next((s for s in sheets if s.visible), sheets[0])
