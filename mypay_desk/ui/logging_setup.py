"""The log file, and what happens to errors nobody caught.

``setup_logging`` writes a rotating log in the workspace's logs folder; ``install_error_hooks``
routes uncaught exceptions (GUI thread, slots, worker threads) and Qt's critical messages to that log
and to the error dialog. An exception in a slot therefore shows a dialog instead of ending the app.
A crash of the interpreter itself (segfault) is written by faulthandler to ``crash.log``.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import QObject, QThread, QtMsgType, Signal, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from mypay_desk.services.log_redaction import install_redaction, redact

log = logging.getLogger("mypay_desk")

LOG_FILE_NAME = "mypay-desk.log"
CRASH_FILE_NAME = "crash.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"

# Called on the GUI thread as show(summary, details). None: log only (tests, smoke test).
ShowFn = Callable[[str, str], None]

_state: dict = {"handler": None, "crash_file": None, "log_path": None, "bridge": None,
                "old_excepthook": None, "old_thread_hook": None, "old_qt_handler": None, "installed": False}


def setup_logging(logs_dir: Path, level: int = logging.INFO) -> Path:
    """Attach a rotating file handler to the root logger (once; calling again moves it)."""
    logs_dir = Path(logs_dir)
    logs_dir.mkdir(parents=True, exist_ok=True)
    path = logs_dir / LOG_FILE_NAME
    root = logging.getLogger()
    if _state["handler"] is not None:
        root.removeHandler(_state["handler"])
        _state["handler"].close()
    handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8",
                                  delay=False)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(level)
    install_redaction(handler)
    root.addHandler(handler)
    # The console keeps showing warnings only; the file gets the detail.
    for h in root.handlers:
        install_redaction(h)
        if h is not handler and isinstance(h, logging.StreamHandler) and not isinstance(h, logging.FileHandler) \
                and h.level == logging.NOTSET:
            h.setLevel(logging.WARNING)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    _state["handler"] = handler
    _state["log_path"] = path
    if _state["crash_file"] is None:
        try:
            _state["crash_file"] = open(logs_dir / CRASH_FILE_NAME, "a", encoding="utf-8")  # noqa: SIM115
            faulthandler.enable(_state["crash_file"])
        except OSError:  # read-only folder: the log still works
            _state["crash_file"] = None
    from mypay_desk.ui import errors

    errors.set_log_file(path)
    return path


def log_path() -> Path | None:
    return _state["log_path"]


def shutdown_logging() -> None:
    root = logging.getLogger()
    if _state["handler"] is not None:
        root.removeHandler(_state["handler"])
        _state["handler"].close()
        _state["handler"] = None
    if _state["crash_file"] is not None:
        faulthandler.disable()
        _state["crash_file"].close()
        _state["crash_file"] = None


class _Bridge(QObject):
    """Lives on the GUI thread: errors from other threads reach the dialog through a queued signal."""

    report = Signal(str, str)

    def __init__(self, show: ShowFn | None):
        super().__init__()
        self.show = show
        self.showing = False
        self.suppressed = 0
        self.report.connect(self._on_report)

    def _on_report(self, summary: str, details: str) -> None:
        if self.show is None:
            return
        if self.showing:  # one dialog at a time; the rest is in the log
            self.suppressed += 1
            return
        self.showing = True
        try:
            self.show(summary, details)
        except Exception:  # noqa: BLE001 - the dialog itself failed: never loop
            log.exception("impossibile mostrare la finestra di errore")
        finally:
            self.showing = False


def _report(summary: str, details: str) -> None:
    summary, details = redact(summary), redact(details)  # the error dialog can be copied into an e-mail
    bridge: _Bridge | None = _state["bridge"]
    if bridge is None:
        return
    app = QApplication.instance()
    if app is not None and QThread.currentThread() is app.thread():
        bridge._on_report(summary, details)
    else:
        bridge.report.emit(summary, details)


def _excepthook(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        old = _state["old_excepthook"] or sys.__excepthook__
        old(exc_type, exc, tb)
        return
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("errore non gestito:\n%s", details)
    _report(f"{exc_type.__name__}: {exc}", details)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    details = "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback))
    name = args.thread.name if args.thread else "?"
    log.error("errore non gestito nel thread %s:\n%s", name, details)
    _report(f"{args.exc_type.__name__}: {args.exc_value}", details)


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
_qt_log = logging.getLogger("qt")


# Platform-plugin chatter that says nothing about the app (offscreen and some Linux plugins).
_QT_NOISE = ("This plugin does not support",)


def _qt_message_handler(mode, context, message) -> None:
    level = _QT_LEVELS.get(mode, logging.WARNING)
    if level == logging.WARNING and message.startswith(_QT_NOISE):
        level = logging.DEBUG
    where = f" ({context.file}:{context.line})" if context is not None and context.file else ""
    _qt_log.log(level, "%s%s", message, where)
    if level >= logging.ERROR:
        _report(message, f"Qt: {message}{where}")


def install_error_hooks(show: ShowFn | None) -> None:
    """Route uncaught errors to the log and, when ``show`` is given, to the error dialog."""
    if _state["bridge"] is None:
        _state["bridge"] = _Bridge(show)
    else:
        _state["bridge"].show = show
    if not _state["installed"]:
        _state["old_excepthook"] = sys.excepthook
        _state["old_thread_hook"] = threading.excepthook
        sys.excepthook = _excepthook
        threading.excepthook = _thread_hook
        _state["old_qt_handler"] = qInstallMessageHandler(_qt_message_handler)
        _state["installed"] = True


def uninstall_error_hooks() -> None:
    if not _state["installed"]:
        return
    sys.excepthook = _state["old_excepthook"] or sys.__excepthook__
    threading.excepthook = _state["old_thread_hook"] or threading.__excepthook__
    qInstallMessageHandler(_state["old_qt_handler"])
    _state["installed"] = False
    _state["bridge"] = None
