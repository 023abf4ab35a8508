"""services/lists/numbering.py: a new debt continues the list's IUD numbering, never reusing an IUD."""

from __future__ import annotations

from mypay_desk.domain.debts import DebtRecord
from mypay_desk.services.lists.numbering import iud_numbering


def test_numbering_continues_the_last_prefix_with_its_width():
    assert iud_numbering(["TARI25-00001", "TARI25-00007", "X"], "TARI") == ("TARI25-", 8, 5)
    assert iud_numbering(["A1", "B009", "B010"], "L") == ("B", 11, 3)


def test_numbering_of_a_list_without_numbered_iuds_comes_from_its_name():
    assert iud_numbering([], "Mensa 2026/27") == ("MENSA202627-", 1, 6)
    assert iud_numbering(["", "12345"], "---") == ("IUD-", 1, 6)  # digits only: no prefix to continue


def test_next_iud_skips_iuds_taken_in_other_lists(workspace, ente):
    a = workspace.lists.create_list("TARI 2026", default_debt_type="TARI")
    b = workspace.lists.create_list("Altra", default_debt_type="TARI")
    assert workspace.lists.next_iud(a.id) == "TARI2026-000001"
    workspace.lists.add_debts(a.id, [DebtRecord(iud="T26-0009", amount_cents=100, debt_type="TARI")])
    workspace.lists.add_debts(b.id, [DebtRecord(iud="T26-0010", amount_cents=100, debt_type="TARI")])
    assert workspace.lists.next_iud("TARI 2026") == "T26-0011"
