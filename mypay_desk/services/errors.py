"""Errors the user can act on. The CLI maps them to exit statuses, the GUI to clear dialogs."""

from __future__ import annotations

from mypay_desk.store.db import DatabaseBusyError, DatabaseValueError  # noqa: F401 - re-exported: the GUI and CLI show them plainly


class UserError(Exception):
    """The input or the data is wrong (exit 1). Names the field/file/row/column and what to fix."""

    def __init__(self, message: str, *, field: str | None = None, file: str | None = None,
                 row: int | None = None, column: str | None = None, code: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.file = file
        self.row = row
        self.column = column
        #: A stable name of the problem for scripts (the CLI's JSON error document), e.g. "missing_iud".
        self.code = code

    def __str__(self) -> str:
        where = []
        if self.file:
            where.append(f"file {self.file}")
        if self.row is not None:
            where.append(f"riga {self.row}")
        if self.column:
            where.append(f"colonna {self.column}")
        if self.field and not self.column:
            where.append(f"campo {self.field}")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class NotFoundError(UserError):
    pass


class PortalError(Exception):
    """The portal could not be reached or refused the request (exit 3)."""

    def __init__(self, message: str, *, fault_code: str = "", transient: bool = False):
        super().__init__(message)
        self.message = message
        self.fault_code = fault_code
        self.transient = transient

    def __str__(self) -> str:
        return f"{self.fault_code}: {self.message}" if self.fault_code else self.message


class Cancelled(Exception):
    """The user cancelled a long operation; what was committed before stays."""
