"""Single-flight activities across desks: a push of one list, the receipts download and the
reconciliation run of an Ente each run on one desk at a time. The second desk (or a command-line job
on the same desk) is told who is running it, from when, and to try again when it is done.

``ws.activities.hold(name, what)`` is the context manager; :func:`single_flight` wraps a service method.
The lock is store/leases.py's: freed by the server or the system when the holder dies.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from mypay_desk.services.errors import UserError
from mypay_desk.store import leases

if TYPE_CHECKING:  # pragma: no cover
    from mypay_desk.services.workspace import Workspace

BUSY_CODE = "activity_busy"
F = TypeVar("F", bound=Callable[..., Any])
_local = threading.local()


class ActivityBusyError(UserError):
    """Someone else (another desk, window or job) is running the activity now; nothing was done."""

    def __init__(self, message: str, holder: leases.Holder | None):
        super().__init__(message, code=BUSY_CODE)
        self.holder = holder


class ActivityLostError(UserError):
    """The lock of a running activity was lost (the database connection broke) before a step that must
    not run twice; the activity stopped and resumes at the next attempt."""


def busy_message(holder: leases.Holder | None, what: str, *, mine: tuple[str, str] = ("", "")) -> str:
    """"Mario Rossi (UFFICIO-2) sta inviando la lista «TARI» dalle 10:32: ..." in plain Italian."""
    if holder is None:
        who = "Un'altra postazione"
        doing = what
    else:
        doing = holder.what or what
        same = (holder.user, holder.desk) == mine
        who = (f"Un'altra finestra o un comando di MyPay Desk su questa postazione ({holder.user})" if same
               else f"{holder.user} ({holder.desk})" if holder.desk else holder.user)
    since = ""
    if holder is not None and holder.started_at is not None:
        local = holder.started_at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
        today = datetime.now().date()
        since = f" dalle {local:%H:%M}" if local.date() == today else f" dal {local:%d/%m/%Y %H:%M}"
    return f"{who} {doing}{since}: attendi che abbia finito e riprova. Nulla è stato fatto."


class Activities:
    """The single-flight activities of a workspace."""

    def __init__(self, ws: Workspace):
        self.ws = ws

    @contextmanager
    def hold(self, name: str, what: str) -> Iterator[leases.Lease]:
        """Hold the activity ``name`` (e.g. ``"push:12"``) for the block; ``what`` says what this desk is
        doing ("sta inviando la lista «TARI»"), as the others will read it."""
        try:
            lease = leases.acquire(self.ws.db, name, user=self.ws.user, desk=self.ws.desk, what=what)
        except leases.LeaseBusy as exc:
            raise ActivityBusyError(busy_message(exc.holder, what, mine=(self.ws.user, self.ws.desk)),
                                    exc.holder) from None
        stack = _held()
        stack.append(lease)
        try:
            yield lease
        finally:
            stack.remove(lease)
            lease.release()

    def holder(self, name: str) -> leases.Holder | None:
        return leases.holder(self.ws.db, name)

    @staticmethod
    def ensure_held() -> None:
        """Before a step that must not run twice (an upload): stop if a lease of this thread was lost."""
        for lease in _held():
            try:
                lease.check()
            except leases.LeaseLost:
                raise ActivityLostError(
                    "La connessione al database si è interrotta durante l'operazione: per non inviare due volte "
                    "gli stessi dati l'operazione si è fermata e riprenderà al prossimo tentativo.") from None


def _held() -> list[leases.Lease]:
    stack = getattr(_local, "held", None)
    if stack is None:
        stack = _local.held = []
    return stack


def single_flight(key: Callable[..., tuple[str, str]]) -> Callable[[F], F]:
    """Run the decorated service method holding the activity ``key(self, *args, **kwargs)`` returns
    (``(name, what)``); a second caller anywhere gets :class:`ActivityBusyError`."""

    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(self, *args, **kwargs):
            name, what = key(self, *args, **kwargs)
            with self.ws.activities.hold(name, what):
                return fn(self, *args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate
