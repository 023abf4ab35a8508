"""Work off the GUI thread: the only module that knows about threads.

A task is ``fn(progress, cancel) -> result``. Database work runs on one lane (one thread, so writes
never race each other); network, spreadsheet and PDF work on a small pool. Results and errors come
back on the GUI thread through signals. A progress dialog appears only for work longer than ~0.5 s.
Tests swap in :class:`InlineTaskRunner`, which runs tasks synchronously.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from mypay_desk.services.errors import Cancelled
from mypay_desk.services.progress import CancelToken
from mypay_desk.ui.domain_text import domain_text

log = logging.getLogger(__name__)

TaskFn = Callable[[Callable[[int, int, str], None], CancelToken], Any]
SHOW_PROGRESS_AFTER_MS = 500
PROGRESS_INTERVAL_S = 0.05  # at most ~20 progress signals a second reach the GUI thread


@dataclass
class TaskFailure:
    exception: BaseException
    details: str  # formatted traceback, for the "Dettagli" of the error dialog


class _Signals(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()


class TaskHandle(QObject):
    """A running task: cancel it, or connect to its signals."""

    def __init__(self, title: str, parent: QObject | None = None):
        super().__init__(parent)
        self.title = title
        self.token = CancelToken()
        self.signals = _Signals()
        self.done = False
        self.cancelled = False
        self.result: Any = None
        self.failure: TaskFailure | None = None

    def cancel(self) -> None:
        self.token.cancel()


class _Throttle:
    """Forwards progress at most every PROGRESS_INTERVAL_S (and always the first and the last step)."""

    def __init__(self, emit: Callable[[int, int, str], None]):
        self.emit = emit
        self.last_emit = 0.0
        self.pending: tuple[int, int, str] | None = None

    def __call__(self, done, total, message="") -> None:
        value = (int(done), int(total), str(message or ""))
        now = time.monotonic()
        if now - self.last_emit >= PROGRESS_INTERVAL_S or (value[1] > 0 and value[0] >= value[1]):
            self.last_emit = now
            self.pending = None
            self.emit(*value)
        else:
            self.pending = value

    def flush(self) -> None:
        if self.pending is not None:
            self.emit(*self.pending)
            self.pending = None


class _Runnable(QRunnable):
    def __init__(self, fn: TaskFn, handle: TaskHandle):
        super().__init__()
        self.fn = fn
        self.handle = handle
        self.setAutoDelete(True)

    def run(self) -> None:  # worker thread: never touch widgets here
        h = self.handle
        throttle = _Throttle(h.signals.progress.emit)
        try:
            h.token.raise_if_cancelled()  # cancelled while queued behind another task
            result = self.fn(throttle, h.token)
        except Cancelled:
            throttle.pending = None
            h.signals.cancelled.emit()
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI as a signal
            throttle.pending = None
            h.signals.failed.emit(TaskFailure(exc, traceback.format_exc()))
        else:
            throttle.flush()
            h.signals.succeeded.emit(result)
        finally:
            h.signals.finished.emit()


class TaskRunner(QObject):
    """Runs tasks on the DB lane or the pool and reports back on the GUI thread."""

    task_started = Signal(object)
    task_finished = Signal(object)

    def __init__(self, parent: QObject | None = None, pool_size: int = 3):
        super().__init__(parent)
        self._db_lane = QThreadPool(self)
        self._db_lane.setMaxThreadCount(1)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(pool_size)
        # Holds each handle until it finishes; afterwards only the caller's reference keeps it.
        self._running: set[TaskHandle] = set()

    def run(
        self,
        fn: TaskFn,
        *,
        title: str = "",
        lane: str = "db",
        on_success: Callable[[Any], None] | None = None,
        on_error: Callable[[TaskFailure], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        parent_widget: QWidget | None = None,
        show_progress: bool = True,
        cancellable: bool = True,
    ) -> TaskHandle:
        handle = TaskHandle(title)
        dialog = _ProgressDialog(handle, parent_widget, cancellable) if show_progress and title else None
        s = handle.signals
        if on_progress:
            s.progress.connect(on_progress)
        if dialog:
            s.progress.connect(dialog.on_progress)

        def _ok(result):
            handle.result = result
            if on_success:
                on_success(result)

        def _fail(failure: TaskFailure):
            handle.failure = failure
            log.error("task %r failed: %s", title, failure.details)
            if on_error:
                on_error(failure)
            else:
                from mypay_desk.ui.errors import show_error

                show_error(parent_widget, title or self.tr("Operazione"), failure)

        def _cancel():
            handle.cancelled = True
            if on_cancel:
                on_cancel()

        def _finished():
            handle.done = True
            if dialog:
                dialog.finish()
            self._running.discard(handle)
            self.task_finished.emit(handle)

        s.succeeded.connect(_ok)
        s.failed.connect(_fail)
        s.cancelled.connect(_cancel)
        s.finished.connect(_finished)
        self._running.add(handle)
        self.task_started.emit(handle)
        (self._db_lane if lane == "db" else self._pool).start(_Runnable(fn, handle))
        return handle

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def running(self) -> list[TaskHandle]:
        return list(self._running)

    def cancel_all(self) -> None:
        for h in list(self._running):
            h.cancel()

    def wait(self, msecs: int = 30_000) -> bool:
        a = self._db_lane.waitForDone(msecs)
        b = self._pool.waitForDone(msecs)
        return a and b


class InlineTaskRunner(TaskRunner):
    """Runs every task synchronously on the calling thread (tests, smoke test)."""

    def run(self, fn: TaskFn, *, title: str = "", lane: str = "db", on_success=None, on_error=None,
            on_cancel=None, on_progress=None, parent_widget=None, show_progress=True,
            cancellable=True) -> TaskHandle:
        handle = TaskHandle(title)
        progress = on_progress or (lambda *_: None)
        self._running.add(handle)
        self.task_started.emit(handle)
        try:
            result = fn(lambda d, t, m="": progress(int(d), int(t), str(m or "")), handle.token)
        except Cancelled:
            handle.cancelled = True
            if on_cancel:
                on_cancel()
        except Exception as exc:  # noqa: BLE001
            handle.failure = TaskFailure(exc, traceback.format_exc())
            if on_error:
                on_error(handle.failure)
            else:
                handle.done = True
                self._running.discard(handle)
                raise
        else:
            handle.result = result
            if on_success:
                on_success(result)
        handle.done = True
        self._running.discard(handle)
        self.task_finished.emit(handle)
        return handle


class _ProgressDialog(QObject):
    """A modal progress dialog that shows itself only if the task lasts more than half a second."""

    def __init__(self, handle: TaskHandle, parent: QWidget | None, cancellable: bool):
        super().__init__(handle)
        self.handle = handle
        self.dialog: QProgressDialog | None = None
        self.parent_widget = parent
        self.cancellable = cancellable
        self.last = (0, 0, "")
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._show)
        self.timer.start(SHOW_PROGRESS_AFTER_MS)

    def _show(self) -> None:
        if self.handle.done:
            return
        d = QProgressDialog(self.handle.title, self.tr("Annulla") if self.cancellable else "", 0, 0,
                            self.parent_widget)
        d.setWindowTitle(self.handle.title)
        d.setWindowModality(Qt.WindowModality.WindowModal)
        d.setMinimumDuration(0)
        d.setAutoClose(False)
        d.setAutoReset(False)
        if self.cancellable:
            d.canceled.connect(self.handle.cancel)
        else:
            d.setCancelButton(None)
        self.dialog = d
        self.on_progress(*self.last)
        d.show()

    def on_progress(self, done: int, total: int, message: str) -> None:
        self.last = (done, total, message)
        d = self.dialog
        if d is None:
            return
        if message:
            d.setLabelText(f"{self.handle.title}\n{domain_text(message)}")
        if total > 0:
            if d.maximum() != total:
                d.setMaximum(total)
            # Last: a modal QProgressDialog processes events in setValue, and the task may finish there.
            d.setValue(min(done, total))
        elif d.maximum() != 0:
            d.setMaximum(0)

    def finish(self) -> None:
        self.timer.stop()
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
