"""QR codes and Data Matrix symbols for the notices, as compact vector paths.

A symbol is encoded with zxing-cpp (QR version 4, ECC level M, as pagoPA specifies; Data Matrix
ECC 200 square), and drawn as ONE filled path of rectangles in module units. All the barcodes of a
page go into one compressed content stream that the layout embeds as a Form XObject, so a worker
process can do all the barcode work of a page (see ``encode_pages``). To keep a run of
100,000 notices fast the path is assembled from a per-symbol-size table: the row is packed 8 modules
to a byte and each (row, byte position, byte value) maps to the ready-made ``re`` operators of the
dark runs inside those 8 modules. Adjacent rectangles of one path fill render without seams.

This module imports only zxing-cpp, Pillow and the standard library, so that worker processes that
encode barcodes for a large batch start quickly.
"""

from __future__ import annotations

import os
import sys
import zlib
from collections.abc import Sequence

import zxingcpp
from PIL import Image

QR = "qr"
DATAMATRIX = "dm"
_FORMATS = {QR: zxingcpp.BarcodeFormat.QRCode, DATAMATRIX: zxingcpp.BarcodeFormat.DataMatrix}
QR_VERSION = 4  # 33x33 modules: every pagoPA payload (at most 57 characters) fits at level M
QR_EC_LEVEL = "M"


class BarcodeError(ValueError):
    pass


# One barcode to draw: kind, payload, x and y of its bottom-left corner (PDF points), side (points).
Placement = tuple[str, str, float, float, float]

def module_matrix(kind: str, payload: str) -> tuple[int, int, bytes]:
    """(width, height, one byte per module: 0 dark, 255 light) without quiet zone."""
    try:
        if kind == QR:
            code = zxingcpp.create_barcode(payload, _FORMATS[QR], ec_level=QR_EC_LEVEL, version=QR_VERSION)
        elif kind == DATAMATRIX:
            code = zxingcpp.create_barcode(payload, _FORMATS[DATAMATRIX])
        else:
            raise BarcodeError(f"unknown barcode kind {kind!r}")
    except (ValueError, RuntimeError) as exc:  # zxing reports data that does not fit as an exception
        raise BarcodeError(f"impossibile codificare il codice {kind}: {exc}") from exc
    image = code.to_image(add_quiet_zones=False)
    h, w = memoryview(image).shape
    return w, h, bytes(image)


class _RunTable(dict):
    """(row, byte column, packed byte) -> the ``re`` operators of the dark runs in those 8 modules.

    Filled lazily: a long batch settles on the patterns it meets.
    """

    def __init__(self, width: int, height: int):
        super().__init__()
        self.width = width
        self.height = height
        self.cols = (width + 7) // 8
        self.bases = [i * 256 for i in range(self.cols * height)]

    def __missing__(self, key: int) -> str:
        slot, byte = divmod(key, 256)
        row, col = divmod(slot, self.cols)
        y = self.height - 1 - row
        x0 = col * 8
        valid = min(8, self.width - x0)
        parts = []
        i = 0
        while i < valid:
            # PIL's mode "1" packs light modules as 1 bits, most significant bit first
            if not (byte >> (7 - i)) & 1:
                j = i
                while j < valid and not (byte >> (7 - j)) & 1:
                    j += 1
                parts.append(f"{x0 + i} {y} {j - i} 1 re\n")
                i = j
            else:
                i += 1
        text = "".join(parts)
        self[key] = text
        return text


_TABLES: dict[tuple[int, int], _RunTable] = {}


def matrix_path(width: int, height: int, modules: bytes) -> str:
    """PDF path-construction operators (``x y w h re``) covering the dark modules, then ``f``."""
    table = _TABLES.get((width, height))
    if table is None:
        table = _TABLES[(width, height)] = _RunTable(width, height)
    packed = Image.frombuffer("L", (width, height), modules, "raw", "L", 0, 1).convert(
        "1", dither=Image.Dither.NONE).tobytes()
    return "".join(map(table.__getitem__, [b + v for b, v in zip(table.bases, packed, strict=True)])) + "f\n"


def symbol_path(kind: str, payload: str) -> tuple[int, str]:
    """(modules per side, path operators in module units) of one symbol."""
    w, h, modules = module_matrix(kind, payload)
    return w, matrix_path(w, h, modules)


def page_stream(placements: Sequence[Placement], level: int = 1) -> bytes:
    """The barcodes of one page as a FlateDecode content stream in page coordinates.

    Level 1 compression: the paths are repetitive text and level 6 costs five times the time for
    a file only ~20% smaller.
    """
    if not placements:
        return b""
    parts = []
    for kind, payload, x, y, size in placements:
        modules, path = symbol_path(kind, payload)
        s = size / modules
        parts.append(f"q {s:.5f} 0 0 {s:.5f} {x:.3f} {y:.3f} cm\n{path}Q\n")
    return zlib.compress("".join(parts).encode("ascii"), level)


def encode_pages(pages: Sequence[Sequence[Placement]]) -> list[bytes]:
    """Encode the barcodes of many pages; the unit of work sent to a worker process."""
    return [page_stream(p) for p in pages]


# --- optional worker processes --------------------------------------------------------------------

# Below this many notices starting a worker process costs more than it saves.
POOL_THRESHOLD = 400


def worker_count(total_notices: int) -> int:
    """How many helper processes to use for a batch: none for small batches or a frozen app
    (spawning needs freeze support in the bundle), else one per spare core (at most 3).
    ``MYPAY_DESK_NOTICE_WORKERS`` overrides the number (0 = encode on the calling thread)."""
    if total_notices < POOL_THRESHOLD or getattr(sys, "frozen", False):
        return 0
    if os.environ.get("MYPAY_DESK_NOTICE_WORKERS"):
        try:
            return max(0, int(os.environ["MYPAY_DESK_NOTICE_WORKERS"]))
        except ValueError:
            return 0
    cores = os.cpu_count() or 1
    return max(0, min(3, cores - 1))


class InlineEncoder:
    """Encodes on the calling thread. ``submit`` returns an object with ``result()``."""

    class _Done:
        def __init__(self, value):
            self._value = value

        def result(self):
            return self._value

    def ready(self) -> bool:
        return False  # nothing runs elsewhere: the caller encodes

    def submit(self, pages: Sequence[Sequence[Placement]]):
        return self._Done(encode_pages(pages))

    def close(self, cancel: bool = False) -> None:
        return None


def _exit_with_parent() -> None:
    """Worker initializer: end this worker as soon as the process that started it is gone.

    A spawned worker holds both ends of its task queue, so when the app is killed (or crashes) the
    queue never reports end-of-file and the worker would wait for tasks forever.
    """
    import multiprocessing
    import threading
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _warm_up() -> bool:
    module_matrix(QR, "PAGOPA|002|000000000000000000|00000000000|1")
    return True


class PoolEncoder:
    """Encodes in worker processes (spawned, so safe from a process that runs Qt threads)."""

    def __init__(self, workers: int):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_exit_with_parent)
        # Until the workers have started (a spawned interpreter takes a few tenths of a second) the
        # caller encodes by itself; then it hands chunks over.
        self._warm = [self._pool.submit(_warm_up) for _ in range(workers)]
        self.submitted = 0

    def ready(self) -> bool:
        return all(f.done() for f in self._warm)

    def submit(self, pages: Sequence[Sequence[Placement]]):
        self.submitted += 1
        return self._pool.submit(encode_pages, list(pages))

    def close(self, cancel: bool = False) -> None:
        self._pool.shutdown(wait=not cancel, cancel_futures=cancel)


def make_encoder(total_notices: int):
    workers = worker_count(total_notices)
    if workers:
        try:
            return PoolEncoder(workers)
        except (OSError, RuntimeError, ImportError):
            return InlineEncoder()
    return InlineEncoder()
