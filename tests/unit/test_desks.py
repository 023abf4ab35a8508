"""Several desks on one database (run on SQLite and on PostgreSQL): versions and refused edits, single-flight
activities told who holds them, the audit log naming user and desk, the change feed, scoped locks."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from mypay_desk.domain.debts import DebtRecord
from mypay_desk.services.activity import ActivityBusyError
from mypay_desk.services.audit import AuditFilter
from mypay_desk.services.conflicts import DebtConflictError
from mypay_desk.services.debt_table import DebtTableService
from mypay_desk.services.workspace import Workspace, load_identity, save_identity

CF = "RSSMRA85T10A562S"
REPO = Path(__file__).resolve().parents[2]


def records(n: int, prefix: str = "D") -> list[DebtRecord]:
    return [DebtRecord(iud=f"{prefix}-{i}", debtor_type="F", debtor_code=CF, debtor_name=f"ROSSI MARIO {i}",
                       amount_cents=10_000 + i, due_date=date(2030, 6, 30), debt_type="TARI", causale=f"TARI {i}")
            for i in range(1, n + 1)]


def other_desk(workspace: Workspace, tmp_path: Path, user: str = "Anna Bianchi", desk: str = "UFFICIO-2"
               ) -> Workspace:
    """A second desk on the same database: its own folder on PostgreSQL (another computer), the same folder
    on SQLite (another program on the same computer); its own engine and connections either way."""
    os.environ["MYPAY_DESK_USER"], os.environ["MYPAY_DESK_DESK"] = user, desk
    try:
        if workspace.shared:
            return Workspace.open(tmp_path / "desk2", database=workspace.db.url.render_as_string(hide_password=False))
        return Workspace.open(workspace.path)
    finally:
        del os.environ["MYPAY_DESK_USER"], os.environ["MYPAY_DESK_DESK"]


@pytest.fixture
def desk2(workspace, ente, tmp_path):
    ws = other_desk(workspace, tmp_path)
    yield ws
    ws.close()


@pytest.fixture
def tari(workspace, ente):
    workspace.lists.create_list("TARI", default_debt_type="TARI")
    return workspace.lists.add_debts("TARI", records(3))


# --- versions -----------------------------------------------------------------------------------

def test_every_write_moves_the_version_and_names_the_writer(workspace, ente, tari, desk2):
    first = workspace.lists.get_debts("TARI")[0]
    assert first.version == 1
    desk2.lists.update_debts({first.id: {"causale": "TARI acconto"}})
    row = DebtTableService(workspace).row(first.id)
    assert (row.version, row.changed_by) == (2, "Anna Bianchi (UFFICIO-2)")
    workspace.lists.cancel_debts([first.id])
    row = DebtTableService(workspace).row(first.id)
    assert row.version == 3 and row.changed_by == workspace.actor
    # a re-validation (the tipi dovuto changed) is no edit: the version stays
    workspace.lists.revalidate("TARI")
    assert DebtTableService(workspace).row(first.id).version == 3


def test_an_edit_made_on_an_old_version_is_refused_and_says_what_is_there_now(workspace, ente, tari, desk2):
    debt = workspace.lists.get_debts("TARI")[1]
    seen = debt.version
    desk2.lists.update_debts({debt.id: {"amount_cents": 20_000}}, expected={debt.id: seen})  # desk 2 first

    with pytest.raises(DebtConflictError) as caught:
        workspace.lists.update_debts({debt.id: {"amount_cents": 15_000, "causale": "mia"}}, expected={debt.id: seen})
    err = caught.value
    assert err.code == "conflict"
    c = err.conflicts[0]
    assert (c.debt_id, c.expected_version, c.current.version) == (debt.id, seen, seen + 1)
    assert c.current.amount_cents == 20_000 and c.wanted == {"amount_cents": 15_000, "causale": "mia"}
    assert c.changed_by == "Anna Bianchi (UFFICIO-2)" and c.changed_at is not None
    assert "Anna Bianchi (UFFICIO-2)" in str(err) and "200,00" in str(err) and "150,00" in str(err)
    # nothing of the refused edit was saved
    stored = DebtTableService(workspace).row(debt.id)
    assert (stored.amount_cents, stored.causale) == (20_000, debt.causale)
    # on the version it shows now, the edit goes through
    workspace.lists.update_debts({debt.id: {"amount_cents": 15_000}}, expected={debt.id: c.current.version})
    assert DebtTableService(workspace).row(debt.id).amount_cents == 15_000


def test_the_same_value_written_by_both_is_no_conflict_and_unchecked_edits_still_work(workspace, ente, tari, desk2):
    debt = workspace.lists.get_debts("TARI")[0]
    desk2.lists.update_debts({debt.id: {"causale": "uguale"}})
    workspace.lists.update_debts({debt.id: {"causale": "uguale"}}, expected={debt.id: debt.version})
    workspace.lists.update_debts({debt.id: {"causale": "senza controllo"}})  # e.g. an import refresh
    assert DebtTableService(workspace).row(debt.id).causale == "senza controllo"


def test_a_new_instalment_plan_on_an_old_version_is_refused(workspace, ente, tari, desk2):
    debt = workspace.lists.get_debts("TARI")[0]
    half = debt.amount_cents // 2
    plan = [(half, date(2030, 3, 1)), (debt.amount_cents - half, date(2030, 6, 1))]
    desk2.lists.set_instalments(debt.id, plan, expected_version=debt.version)
    with pytest.raises(DebtConflictError):
        workspace.lists.set_instalments(debt.id, [], expected_version=debt.version)
    assert len(workspace.lists.get_debts("TARI", include_instalments=True)) == 5  # desk 2's plan stays


def test_a_bulk_change_is_computed_again_when_another_desk_writes_meanwhile(workspace, ente, tari, desk2,
                                                                          monkeypatch):
    service = DebtTableService(workspace)
    ids = [d.id for d in workspace.lists.get_debts("TARI")]
    real = service._update
    calls = []

    def update(batch, expected=None, written=None):
        if not calls:  # another desk moves a due date between the read and the write
            desk2.lists.update_debts({ids[0]: {"due_date": date(2031, 1, 31)}})
        calls.append(len(batch))
        return real(batch, expected, written)

    monkeypatch.setattr(service, "_update", update)
    result = service.shift_due_dates(ids, months=1)
    assert result.changed == 3 and len(calls) == 2
    due = {d.id: d.due_date for d in workspace.lists.get_debts("TARI")}
    assert due[ids[0]] == date(2031, 2, 28)  # one month after the other desk's date, not after the old one
    assert due[ids[1]] == date(2030, 7, 30)


# --- single-flight activities ---------------------------------------------------------------------

def test_a_push_of_a_list_being_sent_by_another_desk_is_refused_naming_the_desk(workspace, ente, tari, desk2):
    list_id = workspace.lists.summary("TARI").id
    with desk2.activities.hold(f"push:{list_id}", "sta inviando la lista «TARI» al portale"):
        with pytest.raises(ActivityBusyError) as caught:
            workspace.sync.push("TARI")
        text = str(caught.value)
        assert "Anna Bianchi (UFFICIO-2) sta inviando la lista «TARI» al portale dalle" in text
        assert caught.value.holder.desk == "UFFICIO-2"
        # another list is not held
        workspace.lists.create_list("MENSA")
        with workspace.activities.hold(f"push:{workspace.lists.summary('MENSA').id}", "sta inviando"):
            pass
    # free again: the refusal came from the lease, not from the data
    with workspace.activities.hold(f"push:{list_id}", "sta inviando"):
        assert workspace.activities.holder(f"push:{list_id}").user == workspace.user


def test_receipts_download_and_reconciliation_are_single_flight(workspace, ente, desk2):
    with desk2.activities.hold(f"receipts:{ente.id}", "sta scaricando le ricevute dal portale"), \
            pytest.raises(ActivityBusyError, match="Anna Bianchi .UFFICIO-2. sta scaricando le ricevute"):
        workspace.receipts.sync_receipts()
    with desk2.activities.hold(f"reconcile:{ente.id}", "sta eseguendo la riconciliazione"), \
            pytest.raises(ActivityBusyError, match="sta eseguendo la riconciliazione"):
        workspace.reconciliation.run()
    assert workspace.reconciliation.run().keys == 0  # free: it runs


def test_the_same_thread_may_take_its_lease_again_another_thread_may_not(workspace, ente):
    with workspace.activities.hold("push:1", "sta inviando"):
        with workspace.activities.hold("push:1", "sta inviando"):
            pass
        errors = []

        def other():
            try:
                with workspace.activities.hold("push:1", "sta inviando"):
                    pass
            except ActivityBusyError as exc:
                errors.append(str(exc))

        t = threading.Thread(target=other)
        t.start()
        t.join()
        assert errors and errors[0].startswith("Un'altra finestra o un comando di MyPay Desk su questa postazione")
    with workspace.activities.hold("push:1", "sta inviando"):
        pass


def test_a_lease_of_a_process_that_was_killed_is_free_again(workspace, ente, tmp_path):
    url = workspace.db.url.render_as_string(hide_password=False) if workspace.shared else ""
    script = textwrap.dedent(f"""
        import sys, time
        from mypay_desk.services.workspace import Workspace
        ws = Workspace.open({str(tmp_path / 'killed')!r} if {bool(url)!r} else {str(workspace.path)!r},
                            database={url!r} or None)
        with ws.activities.hold("receipts:{ente.id}", "sta scaricando le ricevute dal portale"):
            print("held", flush=True)
            time.sleep(60)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=REPO,
                            env={**os.environ, "MYPAY_DESK_USER": "Carlo"})
    try:
        assert proc.stdout.readline().strip() == "held"
        with pytest.raises(ActivityBusyError, match="Carlo"), \
                workspace.activities.hold(f"receipts:{ente.id}", "sta scaricando"):
            pass
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    deadline = time.monotonic() + 10
    while True:  # the server notices the dropped connection at once or nearly
        try:
            with workspace.activities.hold(f"receipts:{ente.id}", "sta scaricando"):
                break
        except ActivityBusyError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


# --- who did what ------------------------------------------------------------------------------

def test_the_audit_log_names_user_and_desk_and_filters_by_user_day_and_list(workspace, ente, tari, desk2):
    debt = workspace.lists.get_debts("TARI")[0]
    desk2.lists.update_debts({debt.id: {"causale": "da Anna"}})
    desk2.lists.create_list("MENSA")
    log = workspace.audit_log
    everyone = {(e.user, e.desk) for e in log.list()}
    assert ("Anna Bianchi", "UFFICIO-2") in everyone and (workspace.user, workspace.desk) in everyone
    annas = log.list(AuditFilter(user="Anna Bianchi"))
    assert [e.action for e in annas] == ["lists.create", "lists.update_debts"]
    edit = annas[1]
    assert edit.list_name == "TARI" and edit.details["fields"] == ["causale"] and "1 dovuto" in edit.summary
    tari_id = workspace.lists.summary("TARI").id
    on_tari = log.list(AuditFilter(list_id=tari_id))
    assert {e.action for e in on_tari} == {"lists.create", "lists.add_debts", "lists.update_debts"}
    today = date.today()
    assert len(log.list(AuditFilter(date_from=today, date_to=today))) == len(log.list())
    assert log.list(AuditFilter(date_to=today - timedelta(days=1))) == []
    assert ("Anna Bianchi", "UFFICIO-2") in log.people()


def test_the_desk_names_come_from_preferences_else_from_the_system(tmp_path, monkeypatch):
    monkeypatch.delenv("MYPAY_DESK_USER", raising=False)
    monkeypatch.delenv("MYPAY_DESK_DESK", raising=False)
    plain = load_identity(tmp_path)
    assert plain.user and plain.desk and not plain.user_configured
    saved = save_identity(tmp_path, "  Mario   Rossi ", "Ufficio tributi 2")
    assert (saved.user, saved.desk, saved.actor) == ("Mario Rossi", "Ufficio tributi 2",
                                                     "Mario Rossi (Ufficio tributi 2)")
    assert json.loads((tmp_path / "desk.json").read_text())["user"] == "Mario Rossi"
    assert save_identity(tmp_path, "", "").user == plain.user and not (tmp_path / "desk.json").exists()


def test_cli_audit_list(workspace, ente, tari, tmp_path, capsys):
    from mypay_desk.cli import main

    args = ["--workspace", str(workspace.path)]
    assert main([*args, "audit", "list", "--json", "--list", "TARI"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["total"] == 2 and {e["action"] for e in doc["entries"]} == {"lists.create", "lists.add_debts"}
    assert all(e["user"] == workspace.user and e["desk"] == workspace.desk for e in doc["entries"])
    assert main([*args, "audit", "list", "--from", "31/12/2025"]) == 2
    assert "AAAA-MM-GG" in capsys.readouterr().err


# --- seeing each other's work ------------------------------------------------------------------

def test_the_change_feed_tells_other_desks_changes_not_its_own(workspace, ente, tari, desk2):
    feed = workspace.changes
    feed.poll(0)  # start listening
    desk2.lists.update_debts({tari[0]: {"causale": "altra postazione"}})
    deadline = time.monotonic() + 5
    seen = set()
    while "lists" not in seen and time.monotonic() < deadline:
        seen |= feed.poll(0.5)
    assert "lists" in seen
    workspace.lists.update_debts({tari[1]: {"causale": "mia"}})
    assert "lists" not in feed.poll(1.2)


# --- scoped locks (PostgreSQL) -------------------------------------------------------------------

def test_a_long_import_of_one_desk_does_not_stop_another_desk_allocating_iuvs_or_editing(workspace, ente, tari,
                                                                                      desk2):
    from mypay_desk.store import locks

    if not workspace.shared:
        pytest.skip("SQLite has one writer at a time by design (one desk)")
    debt = workspace.lists.get_debts("TARI")[0]
    held, release, done = threading.Event(), threading.Event(), {}

    def import_holding_the_debts():
        with workspace.db.session(lock=locks.debts(ente.id)):
            held.set()
            release.wait(10)

    t = threading.Thread(target=import_holding_the_debts)
    t.start()
    try:
        assert held.wait(5)
        started = time.monotonic()
        done["iuvs"] = desk2.codes.allocate_iuvs(3)
        with desk2.db.session(lock=locks.receipts(ente.id)):
            pass
        assert time.monotonic() - started < 2  # neither waited for the import
    finally:
        release.set()
        t.join()
    assert len(set(done["iuvs"])) == 3
    desk2.lists.update_debts({debt.id: {"causale": "dopo"}})
