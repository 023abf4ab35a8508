"""Merging a run's new results with the stored ones: write only what changed, notes follow their key."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol


class ResultWriter(Protocol):
    """What the merge writes through (store.repositories.reconciliation.ResultWriter, or the staging
    writer of a part classified by another process)."""

    def insert(self, row: tuple, note: str = "") -> None: ...
    def update(self, result_id: int, row: tuple) -> None: ...
    def delete(self, result_id: int) -> None: ...
    def append_note(self, result_id: int, text: str) -> None: ...


def apply_results(new_groups: Iterable[tuple[str, list[tuple]]], stored: Iterable[tuple], writer: ResultWriter
                  ) -> None:
    """Merge new results (grouped by key, in key order) with the stored ones (in key order).

    Stored rows: ``(key, code, id, fingerprint, note, resolved, resolved_by, resolved_at)``.
    """
    end = ("\U0010ffff" * 40,)
    it = iter(stored)
    old = next(it, end)
    for key, rows in new_groups:
        while old[0] < key:  # keys that vanished
            group = [old]
            old = next(it, end)
            while old[0] == group[0][0]:
                group.append(old)
                old = next(it, end)
            _apply_key([], group, writer)
        if old[0] == key:
            group = [old]
            old = next(it, end)
            while old[0] == key:
                group.append(old)
                old = next(it, end)
            if len(group) == len(rows) == 1 and group[0][1] == rows[0][1]:
                if group[0][3] != rows[0][9]:  # same code, inputs changed
                    writer.update(group[0][2], rows[0])
                continue
            _apply_key(rows, group, writer)
        elif rows:
            for row in rows:
                writer.insert(row)
    while old is not end and old[0] != end[0]:
        group = [old]
        old = next(it, end)
        while old[0] == group[0][0]:
            group.append(old)
            old = next(it, end)
        _apply_key([], group, writer)


def _apply_key(new_rows: list[tuple], old_rows: list[tuple], writer: ResultWriter) -> None:
    """One key whose codes may have changed: update, insert, delete; a note follows the key."""
    new_codes = {r[1] for r in new_rows}
    old_by_code = {o[1]: o for o in old_rows}
    carried: list[str] = []
    for o in old_rows:
        if o[1] not in new_codes:
            writer.delete(o[2])
            if o[4] or o[5]:
                text = f"[{o[1]}] {o[4]}".strip()
                if o[5]:
                    text += f" (risolto da {o[6]}{' il ' + str(o[7])[:16] if o[7] else ''})"
                carried.append(text)
    kept_id = None
    for row in new_rows:
        o = old_by_code.get(row[1])
        if o is None:
            writer.insert(row, note="\n".join(carried))
            carried = []
        else:
            kept_id = kept_id or o[2]
            if o[3] != row[9]:
                writer.update(o[2], row)
    if carried and kept_id:
        writer.append_note(kept_id, "\n".join(carried))
