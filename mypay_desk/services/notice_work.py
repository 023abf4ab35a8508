"""The work of a notice run, a chunk of notices at a time, and the worker processes that share it.

A chunk is laid out and its barcodes encoded by one call (:func:`pdf_chunk` for one PDF, :func:`zip_chunk`
for one PDF per notice), in a worker process or on the calling thread; the caller writes the results in
order. The functions take and return plain data (notices in, compressed streams or files out), so a
chunk costs one message each way.

This module imports reportlab, zxing-cpp, Pillow and pikepdf but no database code, so that worker
processes start quickly and stay small.
"""

from __future__ import annotations

import io
import os
import sys
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from mypay_desk.domain.notice import NoticeData, NoticeDataError
from mypay_desk.services import notice_fonts as F
from mypay_desk.services.notice_barcodes import encode_pages
from mypay_desk.services.notice_layout import NoticeWriter
from mypay_desk.services.notice_stream import PageCapture, PdfStream, copy_resources, resources_pdf

# One notice's outcome in a chunk: its pages [(content, barcodes), ...], its file (zip), or why not.
Pages = list[tuple[bytes, bytes]]


@dataclass
class PdfChunk:
    """Pages of a chunk for one PDF, and what their shared resources must hold."""

    notices: list[Pages | str] = field(default_factory=list)  # pages, or the reason it was left out
    forms: dict[str, tuple] = field(default_factory=dict)
    chars: dict[str, set[str]] = field(default_factory=dict)


@dataclass
class ZipNotice:
    """One notice of a ZIP, laid out: :func:`single_pdf` makes its file (where the ZIP is written, so
    that only page streams travel between processes and only that process needs pikepdf)."""

    stem: str
    pages: Pages
    forms: tuple[str, ...]  # names of the static forms its pages use
    chars: dict[str, set[str]]  # characters drawn, by font


@dataclass
class ZipChunk:
    notices: list[ZipNotice | str] = field(default_factory=list)  # laid out, or the reason it was left out
    forms: dict[str, tuple] = field(default_factory=dict)


def _barcode_streams(notice: NoticeData, pages: int, barcodes: bool) -> list[bytes]:
    return encode_pages(NoticeWriter.jobs(notice)) if barcodes else [b""] * pages


def pdf_chunk(notices: Sequence[NoticeData], barcodes: bool = True) -> PdfChunk:
    capture = PageCapture(barcodes=barcodes)
    out = PdfChunk()
    for notice in notices:
        try:
            streams = _barcode_streams(notice, len(capture.pages(notice)), barcodes)
        except NoticeDataError as exc:
            out.notices.append(str(exc))
            continue
        out.notices.append(list(zip(capture.lay_out(notice), streams, strict=True)))
    out.forms = capture.forms
    out.chars = capture.used_chars()
    return out


# Characters kept in every single-notice file's fonts (those its pages use at all), drawn or not, so
# that most notices share one set of embedded fonts, built once per process. The monospaced fonts
# show codes, fiscal codes and amounts only.
_MONO_COMMON = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ ,.-/Euro")
COMMON_CHARS = {f: _MONO_COMMON if f in (F.MONO, F.MONO_BOLD) else F.COMMON_CHARS for f in F.ORDER}
FIRST_OBJECT = 5  # a single-notice file writes its resources first: objects from 5 on
_resource_cache: OrderedDict[tuple, tuple[bytes, list[bytes]]] = OrderedDict()


def single_resources(forms: dict[str, tuple], used: dict[str, set[str]]) -> tuple[bytes, list[bytes]]:
    """The serialized resources of a single-notice file (cached: most notices share them)."""
    key = (tuple(sorted(forms)),
           tuple(frozenset(used[f] - COMMON_CHARS[f]) if used[f] else None for f in F.ORDER))
    found = _resource_cache.get(key)
    if found is None:
        chars = {f: (used[f] | COMMON_CHARS[f]) if used[f] else set() for f in F.ORDER}
        found = copy_resources(resources_pdf(forms, chars), FIRST_OBJECT)
        _resource_cache[key] = found
        if len(_resource_cache) > 32:
            _resource_cache.popitem(last=False)
    else:
        _resource_cache.move_to_end(key)
    return found


def zip_chunk(notices: Sequence[NoticeData], barcodes: bool = True) -> ZipChunk:
    capture = PageCapture(barcodes=barcodes)
    out = ZipChunk()
    for notice in notices:
        try:
            streams = _barcode_streams(notice, len(capture.pages(notice)), barcodes)
        except NoticeDataError as exc:
            out.notices.append(str(exc))
            continue
        capture.forms = {}
        capture.forget_used_chars()
        contents = capture.lay_out(notice)
        out.forms.update(capture.forms)
        out.notices.append(ZipNotice(notice.file_stem, list(zip(contents, streams, strict=True)),
                                     tuple(sorted(capture.forms)), capture.used_chars()))
    return out


def single_pdf(item: ZipNotice, forms: dict[str, tuple]) -> bytes:
    """The PDF file of one notice of a ZIP, with its own fonts and forms (shared ones cached)."""
    resources, bodies = single_resources({name: forms[name] for name in item.forms}, item.chars)
    buf = io.BytesIO()
    pdf = PdfStream(buf, title=f"Avviso di pagamento {item.stem}")
    pdf.add_resources(resources, bodies, FIRST_OBJECT)
    for content, barcode in item.pages:
        pdf.add_page([content, barcode])
    pdf.close()
    return buf.getvalue()


# --- worker processes -----------------------------------------------------------------------------

# Below this many notices starting worker processes costs more than it saves.
POOL_THRESHOLD = 400


def worker_count(total_notices: int) -> int:
    """How many worker processes to use for a run: none for small runs, else one per core (at most
    4): the calling thread only loads, writes and lends a hand while it waits. A frozen app uses none
    unless ``MYPAY_DESK_NOTICE_WORKERS`` says so (spawning from a bundle is tested on Linux only).
    ``MYPAY_DESK_NOTICE_WORKERS`` overrides the number (0 = everything on the calling thread)."""
    if total_notices < POOL_THRESHOLD:
        return 0
    if os.environ.get("MYPAY_DESK_NOTICE_WORKERS"):
        try:
            return max(0, int(os.environ["MYPAY_DESK_NOTICE_WORKERS"]))
        except ValueError:
            return 0
    if getattr(sys, "frozen", False):
        return 0
    return max(1, min(4, os.cpu_count() or 1))


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
    F.register_fonts()
    return True


class WorkerPool:
    """Worker processes (spawned, so safe from a process that runs Qt threads)."""

    def __init__(self, workers: int):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_exit_with_parent)
        # Until the workers have started (a spawned interpreter takes a few tenths of a second) the
        # caller lays chunks out by itself.
        self._warm = [self._pool.submit(_warm_up) for _ in range(workers)]
        self.workers = workers
        self.submitted = 0
        self.broken = False  # a worker died: the caller lays out the rest itself

    def ready(self) -> bool:
        return not self.broken and all(f.done() for f in self._warm)

    def submit(self, fn, *args):
        try:
            future = self._pool.submit(fn, *args)
        except BrokenProcessPool:
            self.broken = True
            return None
        self.submitted += 1
        return future

    def close(self, cancel: bool = False) -> None:
        self._pool.shutdown(wait=not cancel, cancel_futures=cancel)


def make_pool(total_notices: int) -> WorkerPool | None:
    workers = worker_count(total_notices)
    if workers:
        try:
            return WorkerPool(workers)
        except (OSError, RuntimeError, ImportError):
            return None
    return None
