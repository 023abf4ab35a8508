"""Checks a workbook before python-calamine reads it, so a small hostile file cannot take the process down.

python-calamine builds every sheet as one dense rectangle from the first to the last non-empty cell
(calamine ``Range::from_sparse``): a 10 KB xlsx with one value at XFD1048576 asks for 17 billion
cells (512 GiB) and the process aborts, which no ``except`` can catch. An ODS cell repeated with
``table:number-columns-repeated`` / ``number-rows-repeated`` does the same, at open time, for every
sheet. So, before calamine sees the bytes:

- the archive is opened with :mod:`mypay_desk.formats.safezip` (member sizes, total, ratio, encryption,
  method);
- xlsx: the chosen sheet's XML is expanded here and its declared ``<dimension>`` and the references
  of its cells are checked: the rectangle calamine would build must stay within
  :data:`MAX_SHEET_CELLS` (and Excel's own 1,048,576 rows and 16,384 columns). One regular-expression
  pass answers for the usual file (every ``<c r="...">`` written with its reference, at most 30 columns
  and fewer than a million rows); anything else is measured exactly with a streaming parser. The
  expanded sheet is then handed to calamine stored (uncompressed) in a copy of the archive, so calamine
  does not expand it a second time;
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
from dataclasses import dataclass
from xml.parsers import expat

from mypay_desk.domain.excerpt import excerpt, thousands
from mypay_desk.formats.safezip import MB, SafeZip, SafeZipError, ZipLimits, is_zip
from mypay_desk.formats.xmlsafe import XmlError, local_name, parse_xml

MAX_SHEET_CELLS = 30_000_000  # a million rows by 30 columns; real lists are a few million cells at most
MAX_SHEET_ROWS = 1_048_576  # Excel's limits
MAX_SHEET_COLUMNS = 16_384
# Sheet XML expanded in one piece up to this size (fast); bigger ones are scanned in chunks.
WHOLE_SHEET_BYTES = 256 * MB
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
    """What to give calamine: the bytes (possibly with the checked sheet stored) and what was found."""

    kind: str  # "xlsx", "ods" or "xls"
    sheets: list[SheetInfo]
    source: io.RawIOBase | io.BytesIO


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

# A cell start tag that is not the usual ``<c r="A1"`` with one to two letters (up to AD, 30 columns)
# and at most six digits: its reference is far, written differently, or missing.
_UNUSUAL_CELL = re.compile(rb'<c(?! r="(?:[A-Z]|A[A-D])\d{1,6}")[\s/>]')
_PREFIXED_CELL = re.compile(rb':c[\s/>]')
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref\s*=\s*["\']([A-Za-z]{1,3})(\d{1,7})(?::([A-Za-z]{1,3})(\d{1,7}))?')
_COLUMNS = re.compile(rb'<c r="([A-Z]{2,3})\d')
_ROWS = re.compile(rb'<c r="[A-Z]{1,3}(\d{7})"')
_FAST_MAX_ROWS = 999_999
_FAST_MAX_COLUMNS = 30


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


def _fast_bound(xml: bytes) -> Extent | None:
    """An extent that contains every cell, from a few C-level searches, or None when the sheet must be
    read exactly (an unusual cell tag, or a bound beyond the limits)."""
    if _PREFIXED_CELL.search(xml):
        return None
    m = _DIMENSION.search(xml, 0, 4096)
    if m and m.group(3):
        declared = Extent(int(m.group(2)), int(m.group(4)), _column_number(m.group(1)), _column_number(m.group(3)))
        if not _within_limits(declared):
            return None  # it may be a lie either way: the cells decide
    if not _UNUSUAL_CELL.search(xml):
        return Extent(1, _FAST_MAX_ROWS, 1, _FAST_MAX_COLUMNS) if _FAST_MAX_ROWS * _FAST_MAX_COLUMNS \
            <= MAX_SHEET_CELLS else None
    # Wide sheets or a million rows and more, every reference written the usual way: the largest of each.
    if re.search(rb'<c(?! r="[A-Z]{1,3}\d{1,7}")[\s/>]', xml):
        return None
    columns = _COLUMNS.findall(xml)
    last_column = max((_column_number(c) for c in set(columns)), default=_FAST_MAX_COLUMNS)
    rows = _ROWS.findall(xml)
    last_row = max((int(r) for r in set(rows)), default=_FAST_MAX_ROWS)
    bound = Extent(1, last_row, 1, max(last_column, _FAST_MAX_COLUMNS))
    return bound if _within_limits(bound) else None


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


def _inflate(zf: SafeZip, data: bytes, info: zipfile.ZipInfo) -> bytes:
    """The whole member expanded (one call: the fastest way for the usual sizes)."""
    zf.check(info)
    if info.compress_type == zipfile.ZIP_DEFLATED:
        try:
            out = zlib.decompress(_raw_member(data, info), -15, max(info.file_size, 1))
        except zlib.error as exc:
            raise WorkbookError(f"il foglio {excerpt(info.filename)} nell'archivio è danneggiato ({exc})") from exc
        if len(out) != info.file_size:
            raise WorkbookError(f"il foglio {excerpt(info.filename)} nell'archivio è danneggiato (dimensione "
                                "diversa da quella dichiarata)")
        return out
    try:
        return zf.read(info)
    except SafeZipError as exc:
        raise WorkbookError(exc.message) from exc


def _chunks(zf: SafeZip, info: zipfile.ZipInfo) -> Iterator[bytes]:
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(4 * MB):
                yield chunk
    except SafeZipError as exc:
        raise WorkbookError(exc.message) from exc


def check_xlsx_sheet(zf: SafeZip, data: bytes, sheet: SheetInfo) -> bytes | None:
    """Refuse the sheet when calamine would build too big a rectangle. Returns the expanded XML when it
    was expanded in one piece (to hand to calamine stored), else None."""
    infos = {i.filename: i for i in zf.members()}
    info = infos.get(sheet.path)
    if info is None:
        # Not where workbook.xml says: calamine may still find it, so every worksheet is checked.
        for other in zf.members():
            if other.filename.startswith("xl/worksheets/") and other.filename.endswith(".xml"):
                check_xlsx_sheet(zf, data, SheetInfo(sheet.name, sheet.visible, other.filename))
        return None
    if info.file_size <= WHOLE_SHEET_BYTES:
        xml = _inflate(zf, data, info)
        if _fast_bound(xml) is not None:
            return xml
        extent = _exact_extent(iter((xml,)), sheet.name)
    else:
        extent = _exact_extent(_chunks(zf, info), sheet.name)
        xml = None
    if extent is not None and not _within_limits(extent):
        raise _refuse(sheet.name, extent, "usa")
    return xml


def stored_copy(data: bytes, zf: SafeZip, replace: dict[str, bytes]) -> io.RawIOBase:
    """The archive with the members in ``replace`` stored uncompressed (their CRCs are unchanged), served
    piece by piece so that no second copy of the whole archive is made."""
    parts: list[bytes | memoryview] = []
    central: list[bytes] = []
    offset = 0
    for info in zf.members():
        name = info.filename.encode("utf-8")
        flags = 0x800  # names in UTF-8
        if info.filename in replace:
            body: bytes | memoryview = replace[info.filename]
            method, size = zipfile.ZIP_STORED, info.file_size
        else:
            body, method, size = _raw_member(data, info), info.compress_type, info.compress_size
        local = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, flags, method, 0, 0x21, info.CRC, size,
                            info.file_size, len(name), 0) + name
        central.append(struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, flags, method, 0, 0x21, info.CRC,
                                   size, info.file_size, len(name), 0, 0, 0, 0, 0, offset) + name)
        parts += [local, body]
        offset += len(local) + len(body)
    directory = b"".join(central)
    parts += [directory, struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(central), len(central), len(directory),
                                     offset, 0)]
    return _Pieces(parts)


class _Pieces(io.RawIOBase):
    """A read-only, seekable stream over a list of byte strings."""

    def __init__(self, parts: list[bytes | memoryview]):
        super().__init__()
        self._parts = [memoryview(p).cast("B") for p in parts]
        self._size = sum(len(p) for p in self._parts)
        self._pos = 0
        self._index = self._offset = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, pos: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}[whence]
        self._pos = min(max(base + pos, 0), self._size)
        left, self._index = self._pos, 0
        while self._index < len(self._parts) and left >= len(self._parts[self._index]):
            left -= len(self._parts[self._index])
            self._index += 1
        self._offset = left
        return self._pos

    def readinto(self, buffer) -> int:
        while self._index < len(self._parts):
            part = self._parts[self._index]
            if self._offset < len(part):
                n = min(len(buffer), len(part) - self._offset)
                buffer[:n] = part[self._offset:self._offset + n]
                self._offset += n
                self._pos += n
                return n
            self._index, self._offset = self._index + 1, 0
        return 0


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


def check_ods(zf: SafeZip) -> None:
    info = next((i for i in zf.members() if i.filename == "content.xml"), None)
    if info is None:
        raise WorkbookError("il foglio di calcolo ods non contiene content.xml: salvalo di nuovo")
    scan = _OdsExtent()
    try:
        for chunk in _chunks(zf, info):
            scan.feed(chunk)
            if scan.problem:
                break
        else:
            scan.feed(b"", True)
    except expat.ExpatError as exc:
        raise WorkbookError(f"il foglio di calcolo ods non è XML valido ({excerpt(exc, 120)}): salvalo di nuovo") \
            from exc
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
            check_ods(zf)
            return PreparedWorkbook("ods", [], io.BytesIO(data)), sheet
        sheets = xlsx_sheets(zf)
        if not sheets:
            raise WorkbookError("il foglio di calcolo non contiene fogli")
        chosen = _choose(sheets, sheet)
        xml = check_xlsx_sheet(zf, data, chosen)
        source = stored_copy(data, zf, {chosen.path: xml}) if xml is not None else io.BytesIO(data)
        return PreparedWorkbook("xlsx", sheets, source), chosen.name


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
