"""DebtTableService: snapshots, windows, and bulk changes that return the values for undo."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from mypay_desk.domain.debts import Accertamento, Capitolo, DebtRecord
from mypay_desk.services.debt_table import (
    DebtFilter,
    DebtTableService,
    SortSpec,
    add_months,
    check_template,
)
from mypay_desk.services.errors import UserError

CF = "RSSMRA80A01F205X"


@pytest.fixture
def svc(workspace, ente):
    workspace.lists.create_list("L", default_debt_type="TARI")
    recs = [DebtRecord(iud=f"D{i}", debtor_code=CF, debtor_name=f"NOME {i}", amount_cents=1000 * (i + 1),
                       due_date=date(2025, 1, 31), causale="x") for i in range(4)]
    recs[3].bilancio = [Capitolo("CAP1", "", [Accertamento(2500, "A1")]), Capitolo("CAP2", "", [Accertamento(1500)])]
    workspace.lists.add_debts("L", recs)
    return DebtTableService(workspace)


def ids_of(svc):
    lid = svc.ws.lists.lists()[0].id
    return lid, list(svc.snapshot(lid))


def test_snapshot_count_window_and_rows(svc):
    lid, ids = ids_of(svc)
    assert len(ids) == svc.count(lid) == 4
    assert [r.iud for r in svc.rows(ids)] == ["D0", "D1", "D2", "D3"]
    assert [r.iud for r in svc.window(lid, 1, 2)] == ["D1", "D2"]
    desc = svc.snapshot(lid, sort=SortSpec("amount_cents", True))
    assert [r.iud for r in svc.rows(desc)] == ["D3", "D2", "D1", "D0"]
    assert svc.count(lid, DebtFilter(text="nome 2")) == 1
    with pytest.raises(UserError):
        svc.snapshot(lid, sort=SortSpec("not_a_column"))


def test_percent_increase_rescales_bilancio_and_undo_data(svc):
    _lid, ids = ids_of(svc)
    res = svc.change_amounts(ids, percent=Decimal("10"))
    assert res.changed == 4
    rows = {r.iud: r for r in svc.rows(ids)}
    assert rows["D0"].amount_cents == 1100
    assert rows["D3"].amount_cents == 4400
    assert sum(a.amount_cents for c in rows["D3"].bilancio for a in c.accertamenti) == 4400
    assert rows["D3"].is_valid
    # undo = store the "before" values back
    svc.apply(res.before)
    assert svc.rows([ids[3]])[0].amount_cents == 4000
    assert svc.rows([ids[3]])[0].bilancio[0].accertamenti[0].amount_cents == 2500


def test_shift_dates_set_type_causale_and_iuds(svc):
    _lid, ids = ids_of(svc)
    svc.shift_due_dates(ids[:2], months=1)
    assert svc.rows([ids[0]])[0].due_date == date(2025, 2, 28)  # clamped to the month's end
    res = svc.set_debt_type(ids, "MENSA")
    row = svc.rows([ids[0]])[0]
    assert (row.debt_type, row.collection_data) == ("MENSA", "9/0201133IM/")
    assert res.before[0].values[0] == ("TARI", "9/0101108TS/")
    svc.causale_from_template(ids, "Mensa {anno} - {nome} ({codice_fiscale})", year=2026)
    assert svc.rows([ids[1]])[0].causale == f"Mensa 2026 - NOME 1 ({CF})"
    svc.generate_iuds(ids, "MENSA26-", digits=3)
    assert [r.iud for r in svc.rows(ids)] == ["MENSA26-001", "MENSA26-002", "MENSA26-003", "MENSA26-004"]


def test_bulk_skips_rows_that_cannot_change_and_cancel_is_reversible(svc):
    _lid, ids = ids_of(svc)
    res = svc.cancel(ids[:1])
    assert res.cancelled_ids == [ids[0]]
    again = svc.set_due_date(ids, date(2025, 12, 31))
    assert again.changed == 3
    assert again.skipped and again.skipped[0][0] == ids[0]
    assert svc.uncancel([ids[0]]) == 1
    assert svc.rows([ids[0]])[0].state == "NUOVO"


def test_bad_inputs_are_refused_with_the_reason(svc):
    _lid, ids = ids_of(svc)
    with pytest.raises(UserError, match="000"):
        svc.generate_iuds(ids, "000X")
    with pytest.raises(UserError, match="sconosciuto"):
        check_template("TARI {anno} {cognome}")
    res = svc.change_amounts(ids, add_cents=-1000)
    assert res.changed == 3 and "zero" in res.skipped[0][1]
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2024, 11, 15), 3) == date(2025, 2, 15)
