"""Work off the GUI thread: the only module that knows about threads.

A task is ``fn(progress, cancel) -> result``. Database work runs on one lane (one thread, so writes
never race each other); network, spreadsheet and PDF work on a small pool. Results and errors come
back on the GUI thread through signals. A progress dialog appears only for work longer than ~0.5 s.
Tests swap in :class:`InlineTaskRunner`, which runs tasks synchronously.

Teardown is safe by construction: every callback of a task belongs to an *owner* (the widget that
asked, or the object of a bound-method callback) and is dropped, and the task cancelled, once the
owner is gone; nothing reaches the GUI after :meth:`TaskRunner.shutdown`; the progress dialog never
runs a nested event loop (QProgressDialog.setValue does) and is checked for life before every use.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

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


def owner_of(parent_widget: QObject | None, *callbacks) -> QObject | None:
    """Whose callbacks these are: the widget that asked, else the object of a bound-method callback."""
    if parent_widget is not None:
        return parent_widget
    for cb in callbacks:
        obj = getattr(cb, "__self__", None)
        if isinstance(obj, QObject):
            return obj
    return None


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
        self._closed = False

    @property
    def closed(self) -> bool:
        return self._closed

    def reaches(self, owner: QObject | None) -> bool:
        """Whether a task's callbacks may still run: the runner is open and their owner alive."""
        return not self._closed and (owner is None or shiboken6.isValid(owner))

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
        owner: QObject | None = None,
    ) -> TaskHandle:
        """Run ``fn`` off the GUI thread. ``owner`` (default: ``parent_widget``, else the object of a
        bound-method callback) is whose callbacks these are: once it is destroyed they are dropped
        and the task is asked to stop."""
        handle = TaskHandle(title)
        owner = owner or owner_of(parent_widget, on_success, on_error, on_cancel, on_progress)
        if owner is not None:
            owner.destroyed.connect(handle.cancel)
        dialog = _ProgressDialog(handle, parent_widget, cancellable, self) if show_progress and title else None
        s = handle.signals

        def _progress(done: int, total: int, message: str) -> None:
            if dialog is not None:
                dialog.on_progress(done, total, message)
            if on_progress is not None and self.reaches(owner):
                on_progress(done, total, message)

        def _ok(result):
            handle.result = result
            if on_success is not None and self.reaches(owner):
                on_success(result)

        def _fail(failure: TaskFailure):
            handle.failure = failure
            log.error("task %r failed: %s", title, failure.details)
            if not self.reaches(owner):
                return
            if on_error is not None:
                on_error(failure)
            else:
                from mypay_desk.ui.errors import show_error

                show_error(parent_widget, title or self.tr("Operazione"), failure)

        def _cancel():
            handle.cancelled = True
            if on_cancel is not None and self.reaches(owner):
                on_cancel()

        def _finished():
            handle.done = True
            if dialog is not None:
                dialog.finish()
            self._running.discard(handle)
            if not self._closed:
                self.task_finished.emit(handle)

        s.progress.connect(_progress)
        s.succeeded.connect(_ok)
        s.failed.connect(_fail)
        s.cancelled.connect(_cancel)
        s.finished.connect(_finished)
        self._running.add(handle)
        self.task_started.emit(handle)
        if self._closed:  # shutting down: nothing new starts
            handle.cancel()
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

    def shutdown(self, msecs: int = 30_000) -> bool:
        """The app is closing: stop every task, let none call back, wait for the threads (True when
        they all ended within ``msecs``)."""
        self._closed = True
        self.cancel_all()
        return self.wait(msecs)


class InlineTaskRunner(TaskRunner):
    """Runs every task synchronously on the calling thread (tests, smoke test)."""

    def run(self, fn: TaskFn, *, title: str = "", lane: str = "db", on_success=None, on_error=None,
            on_cancel=None, on_progress=None, parent_widget=None, show_progress=True,
            cancellable=True, owner=None) -> TaskHandle:
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


class TaskProgressDialog(QDialog):
    """The progress of one task: its title, what it is doing, a bar and Annulla.

    Unlike QProgressDialog it never processes events while it is updated, so a task can never finish,
    and its owner never disappear, in the middle of an update.
    """

    cancel_requested = Signal()

    def __init__(self, title: str, cancellable: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("taskProgress")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.title = title
        self.cancellable = cancellable
        self._closing = False
        self.label = QLabel(title)
        self.label.setObjectName("taskProgressLabel")
        self.label.setWordWrap(True)
        # room for the title and a two-line step from the start, so the text is never cut or jumps
        self.label.setMinimumHeight(self.label.fontMetrics().lineSpacing() * 3 + 4)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until a total is known
        self.bar.setTextVisible(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.label)
        lay.addWidget(self.bar)
        self.cancel_button: QPushButton | None = None
        if cancellable:
            self.cancel_button = QPushButton(self.tr("Annulla"))
            self.cancel_button.setObjectName("taskCancel")
            self.cancel_button.clicked.connect(self.reject)
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(self.cancel_button)
            lay.addLayout(row)
        self.setMinimumWidth(min(440, max(320, self.fontMetrics().horizontalAdvance(title) + 60)))

    def labelText(self) -> str:  # noqa: N802 - same name as QProgressDialog's, for callers and tests
        return self.label.text()

    def set_progress(self, done: int, total: int, message: str) -> None:
        if message:
            self.label.setText(f"{self.title}\n{domain_text(message)}")
            self._fit_label()
        if total > 0:
            if self.bar.maximum() != total:
                self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        elif self.bar.maximum() != 0:
            self.bar.setRange(0, 0)

    def _fit_label(self) -> None:
        """Grow (never shrink) when a longer step needs more lines than the dialog has."""
        needed = self.label.heightForWidth(self.label.width())
        if needed > self.label.height():
            self.label.setMinimumHeight(needed)
            self.adjustSize()

    def reject(self) -> None:  # Annulla, Esc or the window's close button: ask the task to stop
        if not self.cancellable or self._closing:
            return
        if self.cancel_button is not None:
            self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("{0}\nAnnullamento in corso…").format(self.title))
        self.cancel_requested.emit()

    def close_for_good(self) -> None:
        self._closing = True
        self.hide()
        self.deleteLater()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._closing:
            super().closeEvent(event)
            return
        event.ignore()  # the task decides when this goes; closing it means "stop"
        self.reject()


class _ProgressDialog(QObject):
    """Shows a TaskProgressDialog if the task lasts more than half a second; every use checks that the
    dialog and its parent still exist (a page or a dialog may be gone by the time progress arrives)."""

    def __init__(self, handle: TaskHandle, parent: QWidget | None, cancellable: bool, runner: TaskRunner):
        super().__init__(handle)
        self.handle = handle
        self.runner = runner
        self.dialog: TaskProgressDialog | None = None
        self.parent_widget = parent
        self.cancellable = cancellable
        self.last = (0, 0, "")
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._show)
        self.timer.start(SHOW_PROGRESS_AFTER_MS)

    def _live_dialog(self) -> TaskProgressDialog | None:
        d = self.dialog
        if d is not None and not shiboken6.isValid(d):
            self.dialog = d = None
        return d

    def _show(self) -> None:
        parent = self.parent_widget
        if self.handle.done or self.runner.closed:
            return
        if parent is not None and not shiboken6.isValid(parent):
            return  # whoever asked is gone (the task was cancelled with it)
        modal = QApplication.activeModalWidget()
        if modal is not None and not isinstance(modal, TaskProgressDialog):
            self.timer.start(SHOW_PROGRESS_AFTER_MS)  # the clerk is answering a question: do not cover it
            return
        d = TaskProgressDialog(self.handle.title, self.cancellable, parent.window() if parent is not None else None)
        d.cancel_requested.connect(self.handle.cancel)
        self.dialog = d
        d.set_progress(*self.last)
        d.show()

    def on_progress(self, done: int, total: int, message: str) -> None:
        self.last = (done, total, message)
        d = self._live_dialog()
        if d is not None:
            d.set_progress(done, total, message)

    def finish(self) -> None:
        self.timer.stop()
        d = self._live_dialog()
        if d is not None:
            d.close_for_good()
        self.dialog = None
