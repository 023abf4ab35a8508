"""QR codes and Data Matrix symbols for the notices, as inline 1-bit image masks.

A symbol is encoded with zxing-cpp (QR version 4, ECC level M, as pagoPA specifies; Data Matrix
ECC 200 square) and drawn as an image mask: one sample per module, painted without interpolation,
so it stays sharp at any zoom and costs far less to build and render than a path of rectangles.
All the barcodes of a page go into one compressed content stream that the layout embeds as a Form
XObject, so a worker process can do all the barcode work of a page (see ``encode_pages``).

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


def symbol_image_mask(kind: str, payload: str, x: float, y: float, size: float) -> str:
    """One symbol as an inline 1-bit image mask scaled to ``size`` points at (x, y).

    An image mask paints its 0 samples with the fill colour and is drawn without interpolation, so
    modules stay sharp at any zoom; it costs a fraction of a path of rectangles to build and to render.
    Rows are packed 8 modules to a byte, light modules as 1 (PIL mode "1"), as the mask wants.
    """
    w, h, modules = module_matrix(kind, payload)
    packed = Image.frombuffer("L", (w, h), modules, "raw", "L", 0, 1).convert(
        "1", dither=Image.Dither.NONE).tobytes()
    return (f"q {size:.3f} 0 0 {size * h / w:.3f} {x:.3f} {y:.3f} cm\n"
            f"BI /IM true /W {w} /H {h} /BPC 1 /F /AHx ID\n{packed.hex()}>\nEI Q\n")


def page_stream(placements: Sequence[Placement], level: int = 1) -> bytes:
    """The barcodes of one page as a FlateDecode content stream in page coordinates.

    Level 1 compression: the data is small and level 6 costs several times the time for little gain.
    """
    if not placements:
        return b""
    parts = [symbol_image_mask(kind, payload, x, y, size) for kind, payload, x, y, size in placements]
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
