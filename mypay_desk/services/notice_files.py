"""The output file of a notice run: written under a hidden temporary name, renamed when complete.

A run that is cancelled or fails removes its part; a run that is killed cannot, so the next run in the
same folder removes the parts that no running print holds (each run keeps its part locked while it
writes) and says which.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import BinaryIO

from mypay_desk.services.errors import UserError

_MAGIC = {".pdf.part": b"%PDF-", ".zip.part": b"PK"}


def part_path(output: Path) -> Path:
    return output.with_name(f".{output.name}.part")


def _is_notice_part(path: Path) -> bool:
    """A hidden ``.NAME.pdf.part`` / ``.NAME.zip.part`` that starts like a PDF / ZIP (or is empty)."""
    if not (path.name.startswith(".") and path.is_file()):
        return False
    magic = next((m for suffix, m in _MAGIC.items() if path.name.lower().endswith(suffix)), None)
    if magic is None:
        return False
    try:
        with path.open("rb") as fh:
            head = fh.read(len(magic))
    except OSError:
        return False
    return head in (b"", magic)


def _lock(fh) -> bool:
    """Lock an open file for this process; False when another process holds it. (On Windows a file
    that a process has open cannot be deleted at all, which is the protection needed.)"""
    if sys.platform == "win32":
        return True
    import fcntl

    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _remove_if_unused(path: Path) -> bool:
    try:
        if sys.platform == "win32":
            path.unlink()  # refused while a running print has it open
            return True
        with path.open("rb") as fh:
            if not _lock(fh):
                return False  # a print is writing it right now
            path.unlink()
            return True
    except OSError:  # in use, or gone meanwhile
        return False


def remove_stale_parts(folder: Path) -> list[Path]:
    """Remove the parts left in ``folder`` by notice runs that were killed; returns them."""
    removed = []
    try:
        candidates = sorted(folder.glob(".*.part"))
    except OSError:
        return removed
    for path in candidates:
        if _is_notice_part(path) and _remove_if_unused(path):
            removed.append(path)
    return removed


class PartFile:
    """The output being written: ``file`` under :func:`part_path`, locked; :meth:`commit` renames it
    to the output, :meth:`discard` removes it."""

    def __init__(self, output: Path):
        self.output = output
        self.path = part_path(output)
        for _ in range(3):
            try:
                fh = self.path.open("xb")
            except FileExistsError:  # left by a killed run (not removed only if it is being written)
                raise UserError(f"{output.name} è già in stampa da un'altra operazione: attendere che finisca",
                                field="output") from None
            except OSError as exc:
                raise UserError(f"Impossibile scrivere in {output.parent}: {exc.strerror or exc}",
                                field="output") from exc
            _lock(fh)
            # another run cleaning up could have taken the new, still unlocked file for a stale one
            try:
                if os.path.samestat(os.fstat(fh.fileno()), os.stat(self.path)):
                    break
            except FileNotFoundError:
                pass
            fh.close()
        else:
            raise UserError(f"Impossibile creare il file temporaneo di {output.name}: riprovare", field="output")
        self.file: BinaryIO = fh

    def commit(self) -> None:
        self.file.close()
        os.replace(self.path, self.output)

    def discard(self) -> None:
        try:
            self.file.close()
        finally:
            self.path.unlink(missing_ok=True)
