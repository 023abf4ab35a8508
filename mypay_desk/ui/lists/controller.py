"""Glue between the debts table, its undo stack and the services.

The controller owns what the table shows (list, filter, sort → an id snapshot from
DebtTableService), turns edits, pastes and bulk changes into undo commands, and stores them through
the list service on the database lane of ``ctx.tasks``. After every write it refreshes the touched
rows and tells the rest of the app (``pending_changed``, ``data_changed("lists")``).
"""

from __future__ import annotations

import logging
from array import array
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from mypay_desk.domain.debts import DebtRecord
from mypay_desk.services.debt_table import BulkResult, ChangeSet, DebtFilter, DebtTableService, SortSpec
from mypay_desk.ui.lists.columns import CellError, parse_value
from mypay_desk.ui.lists.debt_model import DebtTableModel
from mypay_desk.ui.lists.undo import (
    AddDebtsCommand,
    ApplyChangesCommand,
    CancelDebtsCommand,
    InstalmentsCommand,
)

log = logging.getLogger(__name__)

MAX_PASTE_ROWS = 200_000
BACKGROUND_ROWS = 300  # changes touching more rows than this show a progress dialog


class DebtTableController(QObject):
    loading_changed = Signal(bool)
    shown_changed = Signal(int)  # rows shown after a filter/sort/list change
    message = Signal(str)  # for the status bar
    list_changed = Signal()  # counts or totals of the list may have changed
    rows_added = Signal(object)  # ids of debts just added, once the table shows them

    def __init__(self, ctx, model: DebtTableModel | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.service = DebtTableService(ctx.ws)
        self.model = model or DebtTableModel(self.service, self)
        self.undo_stack = QUndoStack(self)
        self.list_id: int | None = None
        self.list_name = ""
        self.filter = DebtFilter()
        self.sort = SortSpec()
        self._generation = 0
        self._aliases: dict[int, int] = {}
        # Optimistic edits (services/conflicts.py): each write names, per debt, the version the user saw
        # (captured when the change is applied) or the one this desk's own last write produced.
        self._own_versions: dict[int, int] = {}
        self._based_on: dict[int, int] = {}
        self.parent_widget = None
        self.model.edit_requested.connect(self.on_edit_requested)
        self.model.sort_requested.connect(self.set_sort)
        self.model.cell_rejected.connect(self.message)

    # --- what is shown ---------------------------------------------------------------------------
    def open_list(self, list_id: int | None, name: str = "") -> None:
        if list_id != self.list_id:
            self.undo_stack.clear()
            self._aliases.clear()
            self._own_versions.clear()
        self.list_id = list_id
        self.list_name = name
        self.reload()

    def set_filter(self, flt: DebtFilter) -> None:
        if flt != self.filter:
            self.filter = flt
            self.reload()

    def set_sort(self, field: str, descending: bool) -> None:
        spec = SortSpec(field, descending)
        if spec != self.sort:
            self.sort = spec
            self.reload()

    def reload(self, on_done: Callable[[], None] | None = None) -> None:
        """Ask for a new id snapshot (off the GUI thread); stale answers are dropped."""
        self._generation += 1
        gen = self._generation
        if self.list_id is None:
            self.model.set_ids(array("q"))
            self.shown_changed.emit(0)
            return
        list_id, flt, sort = self.list_id, self.filter, self.sort
        self.loading_changed.emit(True)

        def work(progress, cancel):
            return self.service.snapshot(list_id, flt, sort, progress=progress, cancel=cancel)

        def done(ids):
            if gen != self._generation:
                return
            self.model.set_ids(ids)
            self.loading_changed.emit(False)
            self.shown_changed.emit(len(ids))
            if on_done:
                on_done()

        def failed(failure):
            self.loading_changed.emit(False)
            from mypay_desk.ui.errors import show_error

            show_error(self.parent_widget, self.tr("Caricamento dei dovuti"), failure)

        self.ctx.tasks.run(work, title="", lane="pool", on_success=done, on_error=failed,
                           on_cancel=lambda: self.loading_changed.emit(False), show_progress=False, owner=self)

    # --- ids across undo/redo of added rows -------------------------------------------------------
    def alias_ids(self, old: Sequence[int], new: Sequence[int]) -> None:
        """Rows re-added by a redo have new ids: commands holding ``old`` ids find them through this."""
        for o, n in zip(old, new, strict=True):
            self._aliases[o] = n

    def resolve(self, debt_id: int) -> int:
        return self._aliases.get(debt_id, debt_id)

    def _resolved(self, cs: ChangeSet) -> ChangeSet:
        if not self._aliases:
            return cs
        return ChangeSet(cs.names, array("q", (self.resolve(i) for i in cs.ids)), cs.values)

    # --- versions (another desk may write the same debts) ----------------------------------------
    @contextmanager
    def based_on(self, versions: dict[int, int]):
        """Changes applied inside the block were made on these versions (the Dettaglio dialog's debt as it
        was opened), not on the rows the table shows now."""
        self._based_on = dict(versions)
        try:
            yield
        finally:
            self._based_on = {}

    def _capture(self, ids) -> Callable[[int], int | None]:
        """The version each debt's change is made on: what the user saw (now, on the GUI thread), or the
        version this desk's own earlier write produced, whichever is newer (asked when storing)."""
        seen = self.model.cached_versions(ids)
        seen.update({self.resolve(k): v for k, v in self._based_on.items()})
        own = self._own_versions

        def expected(debt_id: int) -> int | None:
            known = [v for v in (seen.get(debt_id), own.get(debt_id)) if v]
            return max(known) if known else None

        return expected

    def _written(self, rows) -> None:
        for r in rows:  # runs on the database lane, before the next write is stored
            self._own_versions[r.id] = r.version

    def _conflict(self, exc, source) -> None:
        """Another desk changed the debts: say so, and store the user's values on top if asked."""
        from mypay_desk.ui.lists import conflict_dialog
        from mypay_desk.ui.lists.undo import ApplyChangesCommand

        stack = self.undo_stack
        top = stack.command(stack.index() - 1) if stack.index() > 0 else None
        if source is not None and isinstance(top, ApplyChangesCommand) and top.after is source:
            top.setObsolete(True)  # the edit was not stored: it leaves the undo stack without being undone
            stack.undo()
        if conflict_dialog.ask(self.parent_widget, exc):
            for c in exc.conflicts:
                if c.wanted:
                    with self.based_on({c.debt_id: c.current.version}):
                        self.on_edit_requested([(c.debt_id, dict(c.wanted))], self.tr("i miei valori"))

    # --- writing ---------------------------------------------------------------------------------
    def _run_write(self, title: str, fn, rows: int, on_success: Callable[[Any], None] | None = None,
                   source=None) -> None:
        def ok(result):
            if on_success:
                on_success(result)
            self.ctx.pending_changed.emit()
            self.ctx.data_changed.emit("lists")
            self.list_changed.emit()

        def failed(failure):
            from mypay_desk.services.conflicts import DebtConflictError
            from mypay_desk.ui.errors import show_error

            self.model.refresh_all()
            exc = getattr(failure, "exception", failure)
            if isinstance(exc, DebtConflictError):
                # after the event loop turns: a write that failed inside QUndoStack.push (an inline runner)
                # has its command on the stack by then
                QTimer.singleShot(0, lambda: self._conflict(exc, source))
                return
            show_error(self.parent_widget, title, failure)

        self.ctx.tasks.run(fn, title=title if rows > BACKGROUND_ROWS else "", lane="db", on_success=ok,
                           on_error=failed, on_cancel=self.model.refresh_all, parent_widget=self.parent_widget,
                           show_progress=rows > BACKGROUND_ROWS)

    def apply(self, changesets: Sequence[ChangeSet]) -> None:
        """Store field values (redo/undo of ApplyChangesCommand)."""
        sets = [self._resolved(cs) for cs in changesets if len(cs)]
        if not sets:
            return
        n = sum(len(cs) for cs in sets)
        if n <= BACKGROUND_ROWS:
            for cs in sets:  # show the new values at once
                for debt_id, values in cs.changes():
                    self.model.set_local(debt_id, values)
        touched = [i for cs in sets for i in cs.ids]
        expected = self._capture(touched)
        self._run_write(
            self.tr("Salvataggio delle modifiche"),
            lambda progress, cancel: self.service.apply(sets, progress=progress, cancel=cancel, expected=expected,
                                                        written=self._written),
            n, lambda _r: self.model.refresh_ids(touched), source=changesets)

    def add_records(self, records: list[DebtRecord], command: AddDebtsCommand) -> None:
        """Append debts to the list (redo of AddDebtsCommand); ``command.ids`` receives their ids."""
        list_id = self.list_id
        lists = self.ctx.ws.lists

        def work(progress, cancel):
            progress(0, len(records), "")
            ids = lists.add_debts(list_id, records)
            # Runs on the database lane: a later delete of the same command (also there) sees the ids.
            for earlier in command.id_history:  # every id these rows ever had now means the new row
                self.alias_ids(earlier, ids)
            command.id_history.append(list(ids))
            command.ids = list(ids)
            return ids

        self._run_write(self.tr("Aggiunta dei dovuti"), work, len(records),
                        lambda ids: self.reload(on_done=lambda: self.rows_added.emit(list(ids))))

    def delete_added(self, command: AddDebtsCommand) -> None:
        """Remove the debts a command added (undo of AddDebtsCommand)."""
        lists = self.ctx.ws.lists

        def work(progress, cancel):
            ids = list(command.ids)
            command.ids = []
            return lists.delete_debts(ids) if ids else 0

        self._run_write(self.tr("Rimozione dei dovuti aggiunti"), work, len(command.records),
                        lambda _n: self.reload())

    def set_instalments(self, debt_id: int, plan: list) -> None:
        """Store an instalment plan ([] = single payment only); lines carry amount_cents and due_date."""
        debt_id = self.resolve(debt_id)
        tuples = [(line.amount_cents, line.due_date) for line in plan]
        expected = self._capture([debt_id])

        def work(progress, cancel):
            rows = self.ctx.ws.lists.set_instalments(debt_id, tuples, expected_version=expected(debt_id))
            self._own_versions.update(self.service.versions([debt_id]))  # the plan moved the debt's version
            return rows

        self._run_write(self.tr("Rate"), work, 1, lambda _r: self.model.refresh_ids([debt_id]))

    def cancel_debts(self, debt_ids: Sequence[int]) -> None:
        ids = [self.resolve(i) for i in debt_ids]
        self._run_write(self.tr("Annulla dovuti"),
                        lambda progress, cancel: self.service.cancel(ids, progress=progress, cancel=cancel),
                        len(ids), lambda _r: self.model.refresh_ids(ids))

    def uncancel_debts(self, debt_ids: Sequence[int]) -> None:
        ids = [self.resolve(i) for i in debt_ids]
        self._run_write(self.tr("Ripristina dovuti"),
                        lambda progress, cancel: self.service.uncancel(ids),
                        len(ids), lambda _r: self.model.refresh_ids(ids))

    # --- edits from the table --------------------------------------------------------------------
    def on_edit_requested(self, changes: list[tuple[int, dict[str, Any]]], label: str) -> None:
        """One or more cells typed or cleared: one undo step."""
        if not changes:
            return
        after = ChangeSet.from_changes(changes)
        before = self._before(after)
        merge = None
        if len(changes) == 1 and len(changes[0][1]) == 1:
            debt_id, values = changes[0]
            merge = (debt_id, next(iter(values)))
        text = self.tr("Modifica «{0}»").format(label) if label else self.tr("Modifica")
        self.undo_stack.push(ApplyChangesCommand(self, before, after, text, merge_key=merge))

    def _before(self, after: list[ChangeSet]) -> list[ChangeSet]:
        before = []
        for cs in after:
            current = self.service.values([self.resolve(i) for i in cs.ids], cs.names)
            b = ChangeSet(cs.names)
            for i in cs.ids:
                b.add(i, current.get(self.resolve(i), tuple(None for _ in cs.names)))
            before.append(b)
        return before

    def push_bulk(self, result: BulkResult, text: str) -> None:
        """A bulk change already stored by the service: one undo step, no second write."""
        self._own_versions.update(result.versions)  # its undo is made on what the bulk stored
        if result.changed and result.before:
            self.undo_stack.push(ApplyChangesCommand(self, result.before, result.after, text, applied=True))
        touched = [i for cs in result.after for i in cs.ids]
        self.model.refresh_ids(touched)
        self.ctx.pending_changed.emit()
        self.ctx.data_changed.emit("lists")
        self.list_changed.emit()

    def push_cancelled(self, debt_ids: list[int], text: str) -> None:
        """Debts the service just cancelled: one undo step (undo = uncancel while still local)."""
        if debt_ids:
            self.undo_stack.push(CancelDebtsCommand(self, list(debt_ids), text))
        self.model.refresh_ids(debt_ids)
        self.ctx.pending_changed.emit()
        self.ctx.data_changed.emit("lists")
        self.list_changed.emit()

    def push_instalments(self, debt_id: int, before: list, after: list, *, applied: bool) -> None:
        self.undo_stack.push(InstalmentsCommand(self, debt_id, before, after, self.tr("Rate del dovuto"),
                                                applied=applied))

    def clear_cells(self, ranges: list[tuple[int, int, int, int]]) -> None:
        """Delete key: empty the editable cells of the selection (one undo step)."""
        grid_changes: dict[int, dict[str, Any]] = {}
        kept_iud = False
        for top, left, bottom, right in ranges:
            if (bottom - top + 1) > MAX_PASTE_ROWS:
                self.message.emit(self.tr("Selezione troppo grande: usa le modifiche in blocco."))
                return
            for row in range(top, bottom + 1):
                debt = self.model.debt(row)
                if debt is None:
                    continue
                for c in range(left, right + 1):
                    col = self.model.columns[c]
                    if not col.editable or not self.model.row_editable(debt, col):
                        continue
                    if col.field == "iud":  # a debt is known by its IUD: never emptied, the rest still is
                        kept_iud = kept_iud or bool(debt.iud)
                        continue
                    empty = parse_value(col, "")
                    if getattr(debt, col.field) != empty:
                        grid_changes.setdefault(debt.id, {})[col.field] = empty
        if kept_iud:
            self.message.emit(self.tr("Lo IUD non si svuota: è rimasto com'era (per cambiarlo scrivine uno nuovo)."))
        if grid_changes:
            self.on_edit_requested(list(grid_changes.items()), self.tr("cancella"))

    # --- paste -----------------------------------------------------------------------------------
    def paste(self, grid: list[list[str]], anchor_row: int, anchor_col: int,
              ranges: list[tuple[int, int, int, int]] | None = None) -> dict[str, int]:
        """Paste a block of cells (Excel semantics) as ONE undo step.

        One value and a bigger selection: the value fills every selected cell. Otherwise the block
        goes from the anchor cell down and right; rows past the end become new debts. Values that
        cannot be stored (a date like "31/31/2025") and read-only cells are skipped and reported.
        Returns counts: changed rows, added rows, skipped cells.
        """
        if self.list_id is None or not grid:
            return {"changed": 0, "added": 0, "skipped": 0}
        model = self.model
        cols = model.columns
        problems: list[str] = []
        skipped = 0
        changes: dict[int, dict[str, Any]] = {}
        new_rows: list[dict[str, Any]] = []

        targets: list[tuple[int, int, str]] = []  # (row, column, text)
        single = len(grid) == 1 and len(grid[0]) == 1
        if single and ranges and any((b - t) or (r - lf) for t, lf, b, r in ranges):
            for t, lf, b, r in ranges:
                for row in range(t, min(b, model.rowCount() - 1) + 1):
                    for c in range(lf, r + 1):
                        targets.append((row, c, grid[0][0]))
        else:
            if len(grid) > MAX_PASTE_ROWS:
                self.message.emit(self.tr("Troppe righe da incollare ({0}): al massimo {1}. Usa «Importa».")
                                  .format(len(grid), MAX_PASTE_ROWS))
                return {"changed": 0, "added": 0, "skipped": 0}
            for r, line in enumerate(grid):
                for c, text in enumerate(line):
                    targets.append((anchor_row + r, anchor_col + c, text))

        n_rows = model.rowCount()
        states = self._states([model.row_id(r) for r in sorted({t[0] for t in targets if t[0] < n_rows})])
        for row, c, text in targets:
            if c >= len(cols):
                continue
            col = cols[c]
            if not col.editable:
                if text.strip():
                    skipped += 1
                continue
            try:
                value = parse_value(col, text)
            except CellError as exc:
                skipped += 1
                if len(problems) < 20:
                    problems.append(self.tr("riga {0}, {1}: {2}").format(row + 1, col.header, exc))
                continue
            if row < n_rows:
                debt_id = model.row_id(row)
                state, cancel_requested = states.get(debt_id, ("", False))
                if not self._state_editable(state, cancel_requested, col):
                    skipped += 1
                    continue
                changes.setdefault(debt_id, {})[col.field] = value
            else:
                k = row - n_rows
                while len(new_rows) <= k:
                    new_rows.append({})
                new_rows[k][col.field] = value

        after = ChangeSet.from_changes(list(changes.items()))
        before = self._before(after) if after else []
        records = [self._new_record(values) for values in new_rows if values]
        n_rows = len(grid)
        text = self.tr("Incolla %Ln righe", "", n_rows)
        then = ApplyChangesCommand(self, before, after, text) if after else None
        if records:
            self.undo_stack.push(AddDebtsCommand(self, records, text, then=then))
        elif then is not None:
            self.undo_stack.push(then)
        if problems or skipped:
            msg = self.tr("%Ln celle non incollate.", "", skipped)
            if problems:
                msg += " " + "; ".join(problems[:3])
            self.message.emit(msg)
        return {"changed": len(changes), "added": len(records), "skipped": skipped}

    @staticmethod
    def _state_editable(state: str, cancel_requested: bool, col) -> bool:
        from mypay_desk.domain.debt_states import is_editable

        if not is_editable(state) or cancel_requested:
            return False
        return not (col.field == "iud" and state != "NUOVO")

    def _states(self, debt_ids: list[int]) -> dict[int, tuple[str, bool]]:
        return self.service.states(debt_ids) if debt_ids else {}

    def _new_record(self, values: dict[str, Any]) -> DebtRecord:
        rec = DebtRecord()
        for k, v in values.items():
            if hasattr(rec, k):
                setattr(rec, k, v)
        return rec
