"""Guard against a reference-count bug of PySide6 6.12.0 on CPython 3.11.

There ``SignalInstance.emit()`` and ``disconnect()`` hand back ``True``/``False`` without a new
reference, so each call made from Python takes one reference away from the bool singletons. After a few
thousand emits (a status refresh, progress of a long import) the interpreter aborts with "Fatal Python
error: bool_dealloc". PySide6 6.11.3 does not have it, and CPython 3.12+ made True and False immortal.
This module does what 3.12 does: it gives both singletons so many references that they can never run
out. It acts only where the leak is measured, so a fixed PySide6 leaves the interpreter untouched.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

_EXTRA = 1 << 40  # references added to each singleton: far beyond any number of emits in a session
_applied = False


def emit_leaks_bool_refs() -> bool:
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(8):
        probe.ping.emit()
    after = sys.getrefcount(True), sys.getrefcount(False)
    return after[0] < before[0] or after[1] < before[1]


def guard_bool_refcounts() -> bool:
    """Apply the guard if this PySide6/CPython pair needs it; True when applied (now or before)."""
    global _applied
    if _applied:
        return True
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    try:
        leaks = emit_leaks_bool_refs()
    except Exception:  # noqa: BLE001 - a failed probe must not stop the app; assume the bug
        leaks = True
    if not leaks:
        return False
    for singleton in (True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _EXTRA
    _applied = True
    log.debug("PySide6: riferimenti di True/False protetti (bug di emit in questa versione)")
    return True
