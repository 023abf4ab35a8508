"""Shared plumbing for sub-commands: the workspace, JSON output, exit statuses."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from typing import Any

from mypay_desk.services.workspace import Workspace

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_PORTAL = 3


@dataclass
class CliContext:
    workspace_arg: str | None
    _ws: Workspace | None = field(default=None, repr=False)

    @property
    def ws(self) -> Workspace:
        if self._ws is None:
            self._ws = Workspace.open(self.workspace_arg)
        return self._ws

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
