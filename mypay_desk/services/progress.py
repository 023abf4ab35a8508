"""Cancel tokens and progress callbacks shared by long-running services."""

from __future__ import annotations

import threading
from collections.abc import Callable

from mypay_desk.services.errors import Cancelled

# progress(done, total, message); total 0 means unknown
ProgressCallback = Callable[[int, int, str], None]


def no_progress(_done: int, _total: int, _message: str = "") -> None:
    return None


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()


NEVER_CANCELLED = CancelToken()
