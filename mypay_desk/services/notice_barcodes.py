"""QR codes and Data Matrix symbols for the notices, as inline 1-bit image masks.

A symbol is encoded with zxing-cpp (QR version 4, ECC level M, as pagoPA specifies; Data Matrix
ECC 200 square) and drawn as an image mask: one sample per module, painted without interpolation,
so it stays sharp at any zoom and costs far less to build and render than a path of rectangles.
All the barcodes of a page go into one compressed content stream in page coordinates that needs no
resources: a streamed page draws it as its second content stream (notice_stream), a reportlab
document as a Form XObject (notice_layout).
"""

from __future__ import annotations

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
    # black whatever colour the drawing before it left set
    return zlib.compress(("q 0 g\n" + "".join(parts) + "Q\n").encode("ascii"), level)


def encode_pages(pages: Sequence[Sequence[Placement]]) -> list[bytes]:
    """Encode the barcodes of many pages; the unit of work sent to a worker process."""
    return [page_stream(p) for p in pages]
