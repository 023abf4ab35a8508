"""Opening ZIP archives that come from outside (flows, receipt exports, FdR, xlsx) without surprises.

One opener for every reader: it checks what the archive declares before anything is expanded
(number of members, each member's size, the total, the compression ratio, encryption, the
compression method) and turns every failure of :mod:`zipfile` and the decompressors (damaged
deflate data, a bad CRC, a name flagged UTF-8 with invalid bytes, a truncated archive...) into a
:class:`SafeZipError` that names the archive and the member. The size a member declares bounds what
reading it can produce (zipfile stops there and then checks the CRC), so the declared sizes are what
the limits apply to.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import BinaryIO

from mypay_desk.domain.excerpt import excerpt, thousands

MB = 1024 * 1024
SUPPORTED_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate", zipfile.ZIP_BZIP2: "bzip2",
                     zipfile.ZIP_LZMA: "lzma"}


@dataclass(frozen=True)
class ZipLimits:
    """What an archive may hold; each reader picks limits far above the real files of its kind."""

    max_members: int = 10_000
    max_member_bytes: int = 512 * MB
    max_total_bytes: int = 1024 * MB
    max_ratio: int = 200  # expanded / compressed size, checked on members above ratio_from_bytes
    ratio_from_bytes: int = 16 * MB


class SafeZipError(ValueError):
    """The archive (or one of its members) cannot be read; ``member`` names it when known."""

    def __init__(self, message: str, member: str = ""):
        super().__init__(message)
        self.message = message
        self.member = member


def is_zip(head: bytes) -> bool:
    return head[:4] in (b"PK\x03\x04", b"PK\x05\x06")


def _megabytes(n: int) -> str:
    return f"{n / MB:,.0f} MB".replace(",", ".")


def _declared_entries(data: bytes) -> int | None:
    """The member count the end-of-central-directory record declares (None when not found)."""
    tail = data
    pos = tail.rfind(b"PK\x05\x06")
    if pos < 0 or pos + 22 > len(tail):
        return None
    entries = struct.unpack("<H", tail[pos + 10:pos + 12])[0]
    return None if entries == 0xFFFF else entries  # ZIP64: zipfile reads the real count


class SafeZip:
    """A ZIP archive opened for reading with limits. Use as a context manager."""

    def __init__(self, source: bytes | BinaryIO, label: str, limits: ZipLimits = ZipLimits()):
        self.label = label
        self.limits = limits
        if isinstance(source, bytes | bytearray | memoryview):
            source = io.BytesIO(source)
        # zipfile builds an object per member before we could count them: check the declared count first.
        try:
            size = source.seek(0, io.SEEK_END)
            source.seek(max(0, size - (65535 + 22)))
            declared = _declared_entries(source.read())
            source.seek(0)
        except OSError as exc:
            raise SafeZipError(f"archivio non leggibile ({excerpt(exc, 120)})") from exc
        if declared is not None and declared > limits.max_members:
            raise SafeZipError(f"l'archivio dichiara {declared:,} file: al massimo {limits.max_members:,}"
                               .replace(",", "."))
        try:
            self._zf = zipfile.ZipFile(source)
        except UnicodeDecodeError as exc:
            raise SafeZipError("un nome di file nell'archivio è dichiarato UTF-8 ma contiene byte non validi: "
                               "l'archivio è danneggiato o non è stato creato da un programma standard") from exc
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, struct.error,
                NotImplementedError, OverflowError) as exc:
            raise SafeZipError(f"archivio ZIP non valido o danneggiato ({excerpt(exc, 120)})") from exc
        infos = [i for i in self._zf.infolist() if not i.is_dir()]
        if len(infos) > limits.max_members:
            self._zf.close()
            raise SafeZipError(f"l'archivio contiene {len(infos):,} file: al massimo {limits.max_members:,}"
                               .replace(",", "."))
        total = sum(i.file_size for i in infos)
        if total > limits.max_total_bytes:
            self._zf.close()
            raise SafeZipError(f"l'archivio espanso occuperebbe {_megabytes(total)}: al massimo "
                               f"{_megabytes(limits.max_total_bytes)} (archivio sospetto o troppo grande)")
        self._infos = infos

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._zf.close()

    def members(self, suffixes: Iterable[str] | None = None) -> list[zipfile.ZipInfo]:
        """The files of the archive (folders left out), or those whose name ends with ``suffixes``."""
        if suffixes is None:
            return list(self._infos)
        ends = tuple(s.lower() for s in suffixes)
        return [i for i in self._infos if i.filename.lower().endswith(ends)]

    def names(self) -> list[str]:
        return [i.filename for i in self._infos]

    def check(self, info: zipfile.ZipInfo) -> None:
        """Refuse a member that cannot or must not be expanded, before reading it."""
        name = excerpt(info.filename, 80)
        if info.flag_bits & 0x1:
            raise SafeZipError(f"il file {name} nell'archivio è protetto da password: estrailo e importa il file "
                               "direttamente", info.filename)
        if info.compress_type not in SUPPORTED_METHODS:
            raise SafeZipError(f"il file {name} nell'archivio usa un metodo di compressione non supportato "
                               f"({info.compress_type}): crea di nuovo lo ZIP con un programma standard",
                               info.filename)
        lim = self.limits
        if info.file_size > lim.max_member_bytes:
            raise SafeZipError(f"il file {name} nell'archivio è troppo grande: espanso occuperebbe "
                               f"{_megabytes(info.file_size)}, al massimo {_megabytes(lim.max_member_bytes)}",
                               info.filename)
        if info.file_size > lim.ratio_from_bytes and info.file_size > lim.max_ratio * max(info.compress_size, 1):
            raise SafeZipError(f"il file {name} nell'archivio ha un rapporto di compressione sospetto "
                               f"({thousands(info.file_size // max(info.compress_size, 1))}:1, al massimo "
                               f"{lim.max_ratio}:1): rifiutato come possibile ZIP bomb", info.filename)

    def read(self, info: zipfile.ZipInfo) -> bytes:
        """The whole member, checked first; damage becomes a SafeZipError."""
        self.check(info)
        with self.open(info) as fh:
            return fh.read()

    def open(self, info: zipfile.ZipInfo) -> _MemberStream:
        """A stream of the member, checked first; damage found while reading becomes a SafeZipError."""
        self.check(info)
        try:
            raw = self._zf.open(info)
        except Exception as exc:  # noqa: BLE001 - zipfile and the decompressors raise many types on bad data
            raise _damaged(info, exc) from exc
        return _MemberStream(raw, info)


def _damaged(info: zipfile.ZipInfo, exc: Exception) -> SafeZipError:
    name = excerpt(info.filename, 80)
    if isinstance(exc, RuntimeError) and "encrypted" in str(exc):
        return SafeZipError(f"il file {name} nell'archivio è protetto da password", info.filename)
    if isinstance(exc, NotImplementedError):
        return SafeZipError(f"il file {name} nell'archivio usa un metodo di compressione non supportato",
                            info.filename)
    return SafeZipError(f"il file {name} nell'archivio è danneggiato ({excerpt(exc, 120)}): scarica o crea di nuovo "
                        "l'archivio", info.filename)


class _MemberStream(io.RawIOBase):
    """A member's bytes; any failure of the decompressor while reading becomes a SafeZipError."""

    def __init__(self, raw: zipfile.ZipExtFile, info: zipfile.ZipInfo):
        super().__init__()
        self._raw = raw
        self._info = info
        self.bytes_read = 0  # expanded bytes handed out so far

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        try:
            data = self._raw.read(len(buffer))
        except Exception as exc:  # noqa: BLE001 - zlib.error, EOFError, BadZipFile (CRC), lzma/bz2 errors...
            raise _damaged(self._info, exc) from exc
        n = len(data)
        buffer[:n] = data
        self.bytes_read += n
        return n

    def read(self, size: int = -1) -> bytes:
        try:
            data = self._raw.read(size)
        except Exception as exc:  # noqa: BLE001 - see readinto
            raise _damaged(self._info, exc) from exc
        self.bytes_read += len(data)
        return data

    def close(self) -> None:
        try:
            self._raw.close()
        finally:
            super().close()
