"""Applying a flow's outcome: the fast path (the records the push just sent, a few columns read back)
against the plain path (every debt of the flow read back whole), on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from mypay_desk.domain.codes import notice_number_for
from mypay_desk.domain.debts import flow_hash
from mypay_desk.services.portal import record_from_row
from mypay_desk.store.models import Debt, DebtListTally
from mypay_desk.store.models.base import utcnow
from mypay_desk.store.repositories import debts as debts_repo
from mypay_desk.store.repositories import portal as repo
from tests.integration.portal_support import make_list, start_sandbox, tari_records

pytestmark = pytest.mark.integration

# What the outcome writes, apart from the values that differ between two lists by nature.
_COMPARED = ("state", "portal_state", "portal_error_code", "generate_iuv", "sending_flow_id", "is_valid",
             "cancel_requested", "position", "amount_cents", "causale")


@pytest.fixture
def sandbox(workspace, ente, tmp_path):
    server = start_sandbox(workspace, ente, tmp_path / "sandbox")
    yield server
    server.stop()


def _rows(workspace, name):
    with workspace.db.session() as s:
        lst = repo.get_list(s, workspace.ente.current().id, name)
        return repo.sync_rows(s, lst.id)


def _versions(workspace, name):
    return {d.iud: d.version for d in workspace.lists.get_debts(name, include_instalments=True)}


def _check_aligned(workspace, ente, rows):
    for r in rows:
        assert r["state"] == "SUL_PORTALE" and r["sending_flow_id"] is None
        assert r["iuv"] and r["generate_iuv"] is False
        assert r["notice_number"] == notice_number_for(r["iuv"], ente.application_code)
        # the portal holds exactly what is stored: nothing pending
        assert r["portal_hash"] == flow_hash(record_from_row(r)), r["iud"]


def test_fast_apply_writes_what_the_plain_apply_writes(workspace, ente, sandbox, monkeypatch):
    make_list(workspace, "FAST", tari_records(40, prefix="FAST"))
    make_list(workspace, "PLAIN", tari_records(40, prefix="PLAIN"))
    before_fast, before_plain = _versions(workspace, "FAST"), _versions(workspace, "PLAIN")

    # FAST: applied in the same call (the sent records at hand), the debts updated from a staging table
    # on SQLite; PLAIN: applied by a later call (every debt read back), one UPDATE per debt.
    monkeypatch.setattr(repo, "STAGING_MIN", 1)
    monkeypatch.setattr(debts_repo, "ONE_STATEMENT_MIN_POSTGRESQL", 1)
    fast = workspace.sync.push("FAST", wait=True)
    monkeypatch.setattr(repo, "STAGING_MIN", 10**9)
    monkeypatch.setattr(debts_repo, "ONE_STATEMENT_MIN_POSTGRESQL", 10**9)
    workspace.sync.push("PLAIN", wait=False)
    plain = workspace.sync.push("PLAIN", wait=True)

    assert (fast.state, fast.accepted, plain.state, plain.accepted) == ("ELABORATO", 40, "ELABORATO", 40)
    fast_rows, plain_rows = _rows(workspace, "FAST"), _rows(workspace, "PLAIN")
    _check_aligned(workspace, ente, fast_rows)
    _check_aligned(workspace, ente, plain_rows)
    assert [{k: r[k] for k in _COMPARED} for r in fast_rows] == [{k: r[k] for k in _COMPARED} for r in plain_rows]
    # the same writes: every debt's version moved the same number of times on both paths
    after_fast, after_plain = _versions(workspace, "FAST"), _versions(workspace, "PLAIN")
    assert sorted(after_fast[i] - before_fast[i] for i in after_fast) == \
        sorted(after_plain[i] - before_plain[i] for i in after_plain)
    assert workspace.sync.push("FAST").flow is None and workspace.sync.push("PLAIN").flow is None


def test_debt_edited_while_in_flight_keeps_its_edit_pending(workspace, ente, sandbox):
    """The fast path is only for debts untouched since the flow was recorded: one written while the portal
    processes (the editor refuses debts in invio; a direct store write stands for any other writer) gets
    the hash of what was sent (plus the IUV), so its change travels in the next flow."""
    ids = make_list(workspace, "TARI", tari_records(12))
    sandbox.set_switches(processing_delay=0.5)
    edited = []

    def progress(step, _total, _text):
        if step == 2 and not edited:  # the portal is processing the flow
            with workspace.db.session() as s:
                repo.update_debts(s, [{"b_id": ids[3], "amount_cents": 77_700, "updated_at": utcnow()}])
            edited.append(ids[3])

    report = workspace.sync.push("TARI", wait=True, progress=progress)

    assert edited and report.state == "ELABORATO" and report.accepted == 12
    rows = {r["id"]: r for r in _rows(workspace, "TARI")}
    _check_aligned(workspace, ente, [r for i, r in rows.items() if i != ids[3]])
    r = rows[ids[3]]
    assert r["amount_cents"] == 77_700 and r["iuv"] and r["state"] == "SUL_PORTALE"
    assert r["portal_hash"] != flow_hash(record_from_row(r))  # the edit is pending
    again = workspace.sync.push("TARI", wait=True)
    assert again.actions == {"I": 0, "M": 1, "A": 0} and again.accepted == 1
    r = {r["id"]: r for r in _rows(workspace, "TARI")}[ids[3]]
    assert r["portal_hash"] == flow_hash(record_from_row(r)) and r["amount_cents"] == 77_700


def test_debt_edited_after_the_outcome_was_prepared_keeps_its_edit_pending(workspace, ente, sandbox, monkeypatch):
    """The apply's reading of the debts in flight is done while the portal processes; a debt written after
    that reading (here: right after it, on the preparing thread) must not be applied from it."""
    from mypay_desk.services.sync.outcome import FlowOutcome

    ids = make_list(workspace, "TARI", tari_records(12))
    sandbox.set_switches(processing_delay=0.5)
    real = FlowOutcome._prepare_outcome
    prepared = []

    def prepare_then_edit(self, flow_id, sent):
        out = real(self, flow_id, sent)
        with workspace.db.session() as s:
            repo.update_debts(s, [{"b_id": ids[5], "amount_cents": 55_500, "updated_at": utcnow()}])
        prepared.append(out)
        return out

    monkeypatch.setattr(FlowOutcome, "_prepare_outcome", prepare_then_edit)
    report = workspace.sync.push("TARI", wait=True)

    assert prepared and ids[5] in prepared[0].current
    assert report.state == "ELABORATO" and report.accepted == 12
    rows = {r["id"]: r for r in _rows(workspace, "TARI")}
    _check_aligned(workspace, ente, [r for i, r in rows.items() if i != ids[5]])
    r = rows[ids[5]]
    assert r["amount_cents"] == 55_500 and r["iuv"] and r["state"] == "SUL_PORTALE"
    assert r["portal_hash"] != flow_hash(record_from_row(r))  # the edit is pending
    assert r["generate_iuv"] is True  # its own value kept: not applied as a row unchanged since it was sent
    again = workspace.sync.push("TARI", wait=True)
    assert again.actions == {"I": 0, "M": 1, "A": 0} and again.accepted == 1


def _tally(workspace, name):
    cols = [c for c in DebtListTally.__table__.columns if c.name != "list_id"]
    with workspace.db.session() as s:
        lst = repo.get_list(s, workspace.ente.current().id, name)
        rows = s.execute(select(*cols).where(DebtListTally.list_id == lst.id, DebtListTally.debts != 0))
        return sorted(tuple(r) for r in rows)


def test_debts_updated_from_a_staging_table_as_one_by_one(workspace, ente, monkeypatch):
    """repo.apply_rows: the staging-table UPDATE (SQLite, big batches) and the one UPDATE ... FROM unnest
    (PostgreSQL) write what the per-row UPDATEs write: values (times, booleans, quotes and accents), versions,
    writer, and the list tallies the triggers keep."""
    from datetime import timedelta

    n = 60
    ids = {name: make_list(workspace, name, tari_records(n, prefix=name)) for name in ("STAGED", "ONEBYONE")}
    when = utcnow()

    def updates(debt_ids):
        return [{"b_id": d, "state": "SUL_PORTALE" if i % 3 else "RIFIUTATO", "iuv": f"0000{i:013d}",
                 "portal_hash": f"h{i}", "generate_iuv": bool(i % 2), "portal_accepted_at": when,
                 "sending_flow_id": None, "updated_at": when + timedelta(seconds=i, microseconds=i),
                 "portal_error_message": f'scarto «{i}» "è" \\ ok',
                 # equal on every row but the last: staged, not bound once
                 "portal_error_code": "" if i < n - 1 else "PAA_X"} for i, d in enumerate(debt_ids)]

    before = {name: _versions(workspace, name) for name in ids}
    for name, limit in (("STAGED", 1), ("ONEBYONE", 10**9)):
        monkeypatch.setattr(repo, "STAGING_MIN", limit)  # SQLite: a staging table
        monkeypatch.setattr(debts_repo, "ONE_STATEMENT_MIN_POSTGRESQL", limit)  # PostgreSQL: one UPDATE ... FROM unnest
        with workspace.db.session() as s:
            s.info["actor"] = "desk-7"
            repo.apply_rows(s, 0, [], updates(ids[name]))
    staged, one = _rows(workspace, "STAGED"), _rows(workspace, "ONEBYONE")
    keys = ("state", "iuv", "portal_hash", "generate_iuv", "portal_accepted_at", "sending_flow_id", "updated_at",
            "portal_error_code", "amount_cents", "iud")
    assert [{k: r[k] for k in keys if k != "iud"} for r in staged] == \
        [{k: r[k] for k in keys if k != "iud"} for r in one]
    assert all(r["portal_accepted_at"] == when for r in staged)
    assert [r["updated_at"] for r in staged] == [when + timedelta(seconds=i, microseconds=i) for i in range(n)]
    assert [r["generate_iuv"] for r in staged] == [bool(i % 2) for i in range(n)]
    with workspace.db.session() as s:
        messages = {name: [m for (m,) in s.execute(select(Debt.portal_error_message).where(Debt.id.in_(ids[name]))
                                                   .order_by(Debt.position))] for name in ids}
    assert messages["STAGED"] == messages["ONEBYONE"] == [f'scarto «{i}» "è" \\ ok' for i in range(n)]
    assert [r["portal_error_code"] for r in staged] == [""] * (n - 1) + ["PAA_X"]
    for name in ids:
        after = _versions(workspace, name)
        assert all(after[i] == before[name][i] + 1 for i in after)
    with workspace.db.session() as s:
        writers = set(s.scalars(select(Debt.changed_by).where(Debt.id.in_(ids["STAGED"] + ids["ONEBYONE"]))))
    assert writers == {"desk-7"}
    assert _tally(workspace, "STAGED") == _tally(workspace, "ONEBYONE")


@pytest.mark.parametrize("states", ["one state", "several states"])
def test_no_path_takes_a_debt_out_of_its_paid_state(workspace, ente, monkeypatch, states):
    """repo.apply_rows on each path (per row; SQLite's staging table; PostgreSQL's one UPDATE), with the new
    state bound once or staged per row: a paid debt keeps its paid state, the others take the new one,
    and the other columns are written on every debt alike."""
    from sqlalchemy import update

    n = 12
    paid = {0: "PAGATO", 5: "PAGATO_PARZIALE", 11: "PAGATO"}
    ids = {name: make_list(workspace, name, tari_records(n, prefix=name)) for name in ("STAGED", "ONEBYONE")}
    with workspace.db.session() as s:
        for name in ids:
            for i, state in paid.items():
                s.execute(update(Debt).where(Debt.id == ids[name][i]).values(state=state))
    for name, limit in (("STAGED", 1), ("ONEBYONE", 10**9)):
        monkeypatch.setattr(repo, "STAGING_MIN", limit)
        monkeypatch.setattr(debts_repo, "ONE_STATEMENT_MIN_POSTGRESQL", limit)
        with workspace.db.session() as s:
            repo.apply_rows(s, 0, [], [
                {"b_id": d, "state": "SUL_PORTALE" if states == "one state" or i % 2 else "RIFIUTATO",
                 "portal_hash": f"h{i}", "updated_at": utcnow()} for i, d in enumerate(ids[name])])
    for name in ids:
        rows = _rows(workspace, name)
        assert [r["state"] for r in rows] == [
            paid.get(i, "SUL_PORTALE" if states == "one state" or i % 2 else "RIFIUTATO") for i in range(n)], name
        assert [r["portal_hash"] for r in rows] == [f"h{i}" for i in range(n)]


def test_debts_updated_in_one_statement_as_one_by_one(workspace, ente, monkeypatch):
    """store.repositories.debts.update_debts (edits, IUVs given by the app, cancellations): one UPDATE ...
    FROM unnest on PostgreSQL writes what one UPDATE per debt writes, whatever the columns' types, a
    column equal on every row, NULLs, and the unversioned columns alone (no version moved)."""
    from datetime import date

    n = 30
    ids = {name: make_list(workspace, name, tari_records(n, prefix=name)) for name in ("ONE", "EACH")}

    def edits(debt_ids):
        return [{"id": d, "amount_cents": 1_000 + i, "due_date": date(2031, 1, 1 + i % 28) if i % 4 else None,
                 "causale": f"rata {i}", "generate_iuv": bool(i % 2), "portal_error_code": ""}
                for i, d in enumerate(debt_ids)]

    def revalidated(debt_ids):
        return [{"id": d, "is_valid": bool(i % 3), "errors_json": "[]" if i % 3 else '[{"column": "x"}]'}
                for i, d in enumerate(debt_ids)]

    before = {name: _versions(workspace, name) for name in ids}
    for name, limit in (("ONE", 1), ("EACH", 10**9)):
        monkeypatch.setattr(debts_repo, "ONE_STATEMENT_MIN_POSTGRESQL", limit)
        with workspace.db.session() as s:
            s.info["actor"] = "desk-3"
            debts_repo.update_debts(s, edits(ids[name]))
            debts_repo.update_debts(s, revalidated(ids[name]))
    keys = ("amount_cents", "due_date", "causale", "generate_iuv", "portal_error_code", "is_valid")
    one, each = _rows(workspace, "ONE"), _rows(workspace, "EACH")
    assert [{k: r[k] for k in keys} for r in one] == [{k: r[k] for k in keys} for r in each]
    assert [r["amount_cents"] for r in one] == [1_000 + i for i in range(n)]
    assert sum(r["due_date"] is None for r in one) == len(range(0, n, 4))
    for name in ids:
        after = _versions(workspace, name)
        assert all(after[i] == before[name][i] + 1 for i in after)  # the edit moved it, the re-validation not
    assert _tally(workspace, "ONE") == _tally(workspace, "EACH")
    with workspace.db.session() as s:
        writers = set(s.scalars(select(Debt.changed_by).where(Debt.id.in_(ids["ONE"] + ids["EACH"]))))
        errors = [e for (e,) in s.execute(select(Debt.errors_json).where(Debt.id.in_(ids["ONE"]))
                                          .order_by(Debt.position))]
    assert writers == {"desk-3"}
    assert errors == ["[]" if i % 3 else '[{"column": "x"}]' for i in range(n)]


@pytest.mark.parametrize("json_rows", [True, False])
def test_flow_rows_are_stored_as_given_in_one_statement_or_one_by_one(workspace, ente, monkeypatch, json_rows):
    """repo.insert_flow_rows: the rows taken apart from one JSON array by SQLite (json_each) are the rows given,
    in their order, as the per-row paths store them (SQLite without the JSON functions, PostgreSQL's COPY):
    quotes, backslashes, accents, emoji, a 35-character IUD, no debt."""
    from mypay_desk.store.models import UploadFlowRow
    from mypay_desk.store.repositories import value_lists

    if json_rows and workspace.db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's JSON statement")
    monkeypatch.setattr(value_lists, "_SQLITE_JSON", [json_rows])
    debt_ids = make_list(workspace, "ROWS", tari_records(4, prefix="R"))
    iuds = ['A"b\\c', "città è €", "😀 emoji", "X" * 35, "R-0001"]
    given = [(debt_ids[3], 1, "I", iuds[0], "h" * 64), (debt_ids[0], 2, "M", iuds[1], "0" * 64),
             (None, 3, "A", iuds[2], ""), (debt_ids[2], 4, "I", iuds[3], "f" * 64),
             (debt_ids[1], 5, "M", iuds[4], "e" * 64)]
    with workspace.db.session() as s:
        assert repo.flow_rows_in_one_statement(s) is json_rows
        flow_id = repo.create_flow(s, ente_id=ente.id, list_id=None, iuf="MPDTEST", version="1_4",
                                   file_name="f.zip", zip_data=b"", counts={"I": 2, "M": 2, "A": 1}, now=utcnow())
        repo.insert_flow_rows(s, flow_id, given)
    with workspace.db.session() as s:
        stored = [(r.debt_id, r.row_number, r.action, r.iud, r.content_hash, r.outcome, r.code, r.message)
                  for r in s.scalars(select(UploadFlowRow).where(UploadFlowRow.flow_id == flow_id)
                                     .order_by(UploadFlowRow.id))]
        assert [r[1:] for r in repo.flow_debt_rows(s, flow_id)] == [(g[0], *g[2:]) for g in given]  # by row number
    assert stored == [(*g, "PENDING", "", "") for g in given]
