"""Debt lists: create, edit, validate, import (xlsx, csv, MyPay flows), IUVs, cancellations, export.

One module per use case (catalogue, editing, cancelling, importing, exporting; shared pieces in
``common`` and ``columns``), composed here into one service.

Public API of :class:`ListService` (``ws.lists``); a list is named by its id or its name (in the
current Ente); every value returned is a plain dataclass:

- ``lists() -> list[ListSummary]``, ``summary(list_ref) -> ListSummary``; ``counts_are_cheap()`` (the
  database keeps a tally: summaries cost milliseconds whatever the size)
- ``create_list(name, default_debt_type="", description="") -> ListSummary``,
  ``rename_list(list_ref, new_name)``, ``update_list(list_ref, *, name=None, default_debt_type=None,
  description=None)``, ``delete_list(list_ref)`` (refused once anything of it was sent)
- ``get_debts(list_ref, offset=0, limit=None, *, include_instalments=False) -> list[DebtRow]``,
  ``get_debt(debt_id) -> DebtRow``, ``instalments(debt_id) -> list[DebtRow]``
- ``add_debts(list_ref, records) -> list[int]`` (ids), ``delete_debts(debt_ids)`` (never-sent only)
- ``update_debts(changes) -> list[DebtRow]`` with ``changes`` = [(debt_id, {field: value})] or
  {debt_id: {...}}; fields are DebtRecord fields (``bilancio`` as list[Capitolo]). One transaction,
  re-validation, IUD uniqueness, pending M derived from the flow hash.
- ``set_instalments(debt_id, [(amount_cents, due_date), ...]) -> list[DebtRow]`` ([] clears them)
- ``cancel_debts(debt_ids)`` or ``cancel_debts(list_ref, iuds) -> CancelResult``;
  ``uncancel_debts(debt_ids) -> int``
- ``assign_iuvs(list_ref) -> AssignResult``
- ``next_iud(list_ref) -> str``: a free IUD continuing the list's numbering (a debt typed by hand)
- ``pending_changes(list_ref, *, only_valid=False) -> list[DebtRow]`` (``row.pending`` = I/M/A)
- ``revalidate(list_ref=None) -> int`` (after the tipi dovuto changed)
- ``preview_import(path, mapping=None, *, list_name=None, debt_type=None, iud_prefix="", column_map=(),
  sheet=None) -> ImportPreview`` (``preview.sheets``: a workbook's sheets; the first visible one is read
  unless ``sheet`` names one)
- ``import_file(path, list_name, debt_type=None, cancel_missing=False, mapping=None, *, iud_prefix="",
  column_map=(), sheet=None, progress, cancel) -> ImportReport`` (``report.to_dict()`` is the ``lists import
  --json`` document); rows without an IUD need ``iud_prefix`` (stable IUDs), else the file is refused
- every stored debt has an IUD: ``add_debts`` gives rows without one a new IUD of the Ente, ``update_debts``
  refuses to clear it
- ``export_flow(list_ref, version, out_path, *, iuf=None) -> ExportReport``
- ``export_xlsx(list_ref, out_path) -> Path``
"""

from __future__ import annotations

from mypay_desk.services.lists.cancelling import AssignResult, Cancelling, CancelResult
from mypay_desk.services.lists.catalogue import ListCatalogue, ListSummary
from mypay_desk.services.lists.common import ListRef, record_of, row_of
from mypay_desk.services.lists.editing import DebtEditing
from mypay_desk.services.lists.exporting import Exporting, ExportReport
from mypay_desk.services.lists.importing import Importing, ImportPreview, ImportReport
from mypay_desk.services.lists.numbering import IudNumbering


class ListService(ListCatalogue, DebtEditing, Cancelling, Importing, Exporting, IudNumbering):
    """``ws.lists``: every use case of the debt lists (one module each), as one service."""


__all__ = ["AssignResult", "CancelResult", "ExportReport", "ImportPreview", "ImportReport", "ListRef",
           "ListService", "ListSummary", "record_of", "row_of"]
