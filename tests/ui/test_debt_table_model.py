"""The lazy debts model: counts, windows, filters and sorts in SQL, pytest-qt's model tester."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from mypay_desk.services.debt_table import DebtFilter, DebtTableService, SortSpec
from mypay_desk.ui.lists.debt_model import PAGE_SIZE, DebtTableModel, ErrorRole, IdRole
from tests.ui.lists_support import insert_list


@pytest.fixture
def big_list(workspace, ente):
    return insert_list(workspace, ente.id, "TARI 2025", 1_234)


def test_model_tester_passes_and_rows_are_lazy(qtmodeltester, workspace, big_list):
    svc = DebtTableService(workspace)
    model = DebtTableModel(svc)
    model.set_ids(svc.snapshot(big_list))
    assert model.rowCount() == 1_234
    assert model.cached_rows() == 0  # nothing read until something is shown
    qtmodeltester.check(model)
    qtmodeltester.check(model, force_py=True)
    col = model.column_index("iud")
    assert model.index(0, col).data() == "T000000"
    assert model.index(1_233, col).data() == "T001233"
    assert model.cached_rows() <= 3 * PAGE_SIZE


def test_display_formats_amounts_and_dates_in_italian(workspace, ente):
    lid = insert_list(workspace, ente.id, "L", 1, amount_cents=123456, due_date=date(2025, 12, 31))
    svc = DebtTableService(workspace)
    model = DebtTableModel(svc)
    model.set_ids(svc.snapshot(lid))
    assert model.index(0, model.column_index("amount_cents")).data() == "1.234,56"
    assert model.index(0, model.column_index("due_date")).data() == "31/12/2025"
    assert model.index(0, 0).data(IdRole) == svc.snapshot(lid)[0]


def test_filters_and_sort_are_sql(workspace, big_list):
    svc = DebtTableService(workspace)
    assert svc.count(big_list) == 1_234
    only_mensa = svc.snapshot(big_list, DebtFilter(debt_types=("MENSA",)))
    assert len(only_mensa) == 412  # every third row
    rows = svc.rows(only_mensa[:5])
    assert {r.debt_type for r in rows} == {"MENSA"}
    by_text = svc.snapshot(big_list, DebtFilter(text="verdi anna 12"))  # case-insensitive
    names = {r.debtor_name for r in svc.rows(by_text)}
    assert "VERDI ANNA 12" in names and all("VERDI ANNA 12" in n for n in names)
    ranged = svc.snapshot(big_list, DebtFilter(due_from=date(2025, 2, 1), due_to=date(2025, 2, 2)))
    assert {r.due_date for r in svc.rows(ranged)} == {date(2025, 2, 1), date(2025, 2, 2)}
    desc = svc.snapshot(big_list, sort=SortSpec("amount_cents", True))
    first = svc.rows(desc[:2])
    assert [r.amount_cents for r in first] == [1000 + 1233, 1000 + 1232]
    assert svc.count(big_list, DebtFilter(text="%")) == 0  # LIKE wildcards are literal


def test_window_by_offset_matches_snapshot(workspace, big_list):
    svc = DebtTableService(workspace)
    ids = svc.snapshot(big_list, sort=SortSpec("debtor_name"))
    page = svc.window(big_list, 600, 50, sort=SortSpec("debtor_name"))
    assert [r.id for r in page] == list(ids[600:650])


def test_invalid_cell_is_marked(workspace, ente):
    lid = insert_list(workspace, ente.id, "L", 1, is_valid=False,
                      errors_json='[{"column": "codiceIdentificativoUnivoco", "message": "Codice fiscale errato"}]')
    svc = DebtTableService(workspace)
    model = DebtTableModel(svc)
    model.set_ids(svc.snapshot(lid))
    cf = model.index(0, model.column_index("debtor_code"))
    assert cf.data(ErrorRole) == "Codice fiscale errato"
    assert cf.data(Qt.ItemDataRole.ToolTipRole) == "Codice fiscale errato"
    assert cf.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(0, model.column_index("debtor_name")).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "Codice fiscale errato" in model.index(0, model.column_index("errors")).data()
