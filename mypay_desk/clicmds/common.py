"""Shared plumbing for sub-commands: the workspace, JSON output, exit statuses, error reports."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mypay_desk.services.errors import (
    Cancelled,
    DatabaseBusyError,
    DatabaseValueError,
    NotFoundError,
    PortalError,
    UserError,
)
from mypay_desk.services.portal import CREDENTIAL_FAULTS
from mypay_desk.services.workspace import Workspace, WorkspaceError, resolve_workspace_dir

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_PORTAL = 3


@dataclass
class CliContext:
    workspace_arg: str | None
    database_arg: str | None = None
    _ws: Workspace | None = field(default=None, repr=False)

    @property
    def ws(self) -> Workspace:
        if self._ws is None:
            self._ws = Workspace.open(self.workspace_arg, database=self.database_arg)
        return self._ws

    @property
    def folder(self) -> Path:
        """The workspace folder, without opening its database."""
        return resolve_workspace_dir(self.workspace_arg)

    def close(self) -> None:
        if self._ws is not None:
            self._ws.close()


def print_json(doc: Any) -> None:
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def info(message: str) -> None:
    """Human-readable progress on stderr, so stdout stays clean for --json."""
    print(message, file=sys.stderr)


def progress_printer(label: str):
    """A progress callback for long commands: prints to stderr at most every 5%."""
    state = {"last": -1}

    def _progress(done: int, total: int, message: str = "") -> None:
        if total <= 0 or not sys.stderr.isatty():
            return
        pct = int(done * 100 / total)
        if pct // 5 != state["last"] // 5:
            state["last"] = pct
            print(f"\r{label}: {pct}% {message}", end="", file=sys.stderr, flush=True)
            if done >= total:
                print(file=sys.stderr)

    return _progress


# --- errors -----------------------------------------------------------------------------------

class UsageError(Exception):
    """Wrong usage found after parsing (exit 2), e.g. options needed only in some cases."""


@dataclass
class CliError:
    """What a failed command reports: exit status, message (stderr) and the JSON error document."""

    status: int
    message: str
    field: str | None = None
    code: str | None = None
    extra: dict[str, Any] | None = None

    def document(self) -> dict[str, Any]:
        doc: dict[str, Any] = dict(self.extra or {})
        doc["error"] = {"message": self.message, "field": self.field, "code": self.code}
        return doc


def describe_error(exc: BaseException) -> CliError | None:
    """The exit status and report of an error the user can act on (None: a bug, let it raise).

    Exit 1: the input, the data or the configuration is wrong, including codice IPA or password the
    portal does not accept (the message names the fix); exit 3 only when the portal could not be
    reached or refused for another reason (CLI.md)."""
    if isinstance(exc, UsageError):
        return CliError(EXIT_USAGE, str(exc), None, "usage")
    if isinstance(exc, UserError):
        code = exc.code or ("not_found" if isinstance(exc, NotFoundError) else "invalid_input")
        return CliError(EXIT_DATA, str(exc), exc.field or exc.column, code, getattr(exc, "json_extra", None))
    if isinstance(exc, PortalError):
        if exc.fault_code in CREDENTIAL_FAULTS:
            return CliError(EXIT_DATA, f"{exc}. Controlla il codice IPA e la password del portale: «mypay-desk "
                            "ente set --ipa CODICE --password-stdin» (o «--password-file FILE»), poi «mypay-desk "
                            "portal test»", "password", exc.fault_code)
        code = exc.fault_code or ("portal_unavailable" if exc.transient else "portal_refused")
        return CliError(EXIT_PORTAL, f"errore del portale: {exc}", None, code)
    if isinstance(exc, WorkspaceError):
        return CliError(EXIT_DATA, str(exc), "workspace", "workspace")
    if isinstance(exc, DatabaseBusyError):
        return CliError(EXIT_DATA, str(exc), None, "database_busy")
    if isinstance(exc, DatabaseValueError):
        return CliError(EXIT_DATA, str(exc), None, "invalid_input")
    if isinstance(exc, Cancelled):
        return CliError(EXIT_DATA, "annullato", None, "cancelled")
    return None


def report_error(err: CliError, as_json: bool) -> int:
    """The message on stderr and, with --json, the error document on stdout; returns the exit status."""
    text = err.message if err.message.startswith("errore") else f"errore: {err.message}"
    print(text, file=sys.stderr)
    if as_json:
        print_json(err.document())
    return err.status


def json_requested(argv: list[str]) -> bool:
    """Whether the command line asks for JSON (also before, or without, a successful parse)."""
    return "--json" in argv[: argv.index("--")] if "--" in argv else "--json" in argv
