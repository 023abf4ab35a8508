"""Guards against a broken Qt binding: PySide6 6.12.0 on CPython 3.11 loses a reference to True/False on
every signal emit, and the interpreter aborts after a few thousand emits (progress, status refresh)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    ping = Signal()
    value = Signal(int)


def test_signal_emit_does_not_leak_bool_references():
    probe = _Probe()
    seen = []
    probe.value.connect(seen.append)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for i in range(2000):
        probe.ping.emit()
        probe.value.emit(i)
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert len(seen) == 2000
    assert abs(after[0] - before[0]) < 50 and abs(after[1] - before[1]) < 50
