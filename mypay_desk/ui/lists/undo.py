"""Undo commands of the debts table. They keep debt ids and values, never QModelIndex.

Every change goes through the controller, which stores it with the list service; a command only
knows what to store on redo and on undo. A paste or a bulk change is one command, so one Ctrl+Z
takes it all back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from mypay_desk.services.debt_table import ChangeSet

if TYPE_CHECKING:  # pragma: no cover
    from mypay_desk.ui.lists.controller import DebtTableController

CELL_EDIT_ID = 1001


class ApplyChangesCommand(QUndoCommand):
    """Field values of some debts: ``after`` on redo, ``before`` on undo.

    ``applied``: the change is already stored (a bulk change computed and stored by the service),
    so the first redo, which QUndoStack.push calls, does nothing.
    """

    def __init__(self, controller: DebtTableController, before: list[ChangeSet], after: list[ChangeSet],
                 text: str, *, applied: bool = False, merge_key: tuple | None = None):
        super().__init__(text)
        self.controller = controller
        self.before = before
        self.after = after
        self._skip_redo = applied
        self.merge_key = merge_key

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self.controller.apply(self.after)

    def undo(self) -> None:
        self.controller.apply(self.before)

    def id(self) -> int:
        return CELL_EDIT_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Typing into the same cell twice in a row is one step (Spine Toolbox / Qt docs pattern).
        if not isinstance(other, ApplyChangesCommand) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        return True


class AddDebtsCommand(QUndoCommand):
    """New debts appended to the list (a paste below the last row, "Nuovo dovuto").

    Undo deletes them; redo adds them again. The new rows get new ids, which the controller maps to
    the old ones so the commands above this one on the stack still find them. The writes run on
    the database lane, one after the other, so ``ids`` is filled by the add before a delete reads it.
    """

    def __init__(self, controller: DebtTableController, records: list, text: str,
                 then: ApplyChangesCommand | None = None):
        super().__init__(text)
        self.controller = controller
        self.records = records
        self.ids: list[int] = []
        self.id_history: list[list[int]] = []
        self.then = then  # changes to existing rows made by the same paste

    def redo(self) -> None:
        self.controller.add_records(self.records, self)
        if self.then is not None:
            self.then.redo()

    def undo(self) -> None:
        if self.then is not None:
            self.then.undo()
        self.controller.delete_added(self)


class InstalmentsCommand(QUndoCommand):
    """The instalments of one debt: set the new plan on redo, the old one on undo."""

    def __init__(self, controller: DebtTableController, debt_id: int, before: list, after: list, text: str,
                 *, applied: bool = False):
        super().__init__(text)
        self.controller = controller
        self.debt_id = debt_id
        self.before = before
        self.after = after
        self._skip_redo = applied

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self.controller.set_instalments(self.debt_id, self.after)

    def undo(self) -> None:
        self.controller.set_instalments(self.debt_id, self.before)


class CancelDebtsCommand(QUndoCommand):
    """Debts cancelled (already stored by the service). Undo takes the cancellation back while it is
    still local (a pending A not sent, or ANNULLATO of a debt the portal never had)."""

    def __init__(self, controller: DebtTableController, debt_ids: list[int], text: str):
        super().__init__(text)
        self.controller = controller
        self.debt_ids = debt_ids
        self._skip_redo = True

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self.controller.cancel_debts(self.debt_ids)

    def undo(self) -> None:
        self.controller.uncancel_debts(self.debt_ids)
