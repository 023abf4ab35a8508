"""The demo Ente: realistic data, wired to the embedded sandbox, kept across runs."""

from __future__ import annotations

import json

import pytest

from mypay_desk.domain.identity import validate_debtor, validate_ente_fiscal_code
from mypay_desk.services import demo as demo_module
from mypay_desk.services.workspace import Workspace
from tests.integration.portal_support import tune

pytestmark = pytest.mark.integration


@pytest.fixture
def small_demo(monkeypatch):
    monkeypatch.setattr(demo_module, "TARI_SIZE", 150)


def test_demo_is_created_once_and_continues_across_runs(tmp_path, small_demo, new_workspace):
    ws = new_workspace(tmp_path / "ws")  # SQLite, and a shared PostgreSQL database
    try:
        steps = []
        ente = ws.demo.ensure_demo(progress=lambda d, t, m: steps.append((d, m)))
        assert steps[-1][0] == 100
        assert ente.is_demo and ente.adhesion_mode == "ente" and ente.cbill and ente.segregation_code
        validate_ente_fiscal_code(ente.fiscal_code)
        assert ws.ente.current().ipa_code == ente.ipa_code
        assert {t.code for t in ws.ente.types(ente.id)} == {
            "TARI", "MENSA_SCOLASTICA", "TRASPORTO_SCOLASTICO", "CANONE_UNICO", "SANZIONI_CDS"}
        assert ws.ente.get_type("TARI", ente.id).due_date_required

        lists = {s.name: s for s in ws.lists.lists()}
        assert lists[demo_module.TARI_LIST].total_count == 150 + demo_module.NEW_RESIDENTS  # added after the first send
        assert all(s.invalid_count == 0 and s.total_count > 0 for s in lists.values())
        debts = ws.lists.get_debts(demo_module.TARI_LIST, include_instalments=True)
        assert any(d.instalment_number for d in debts)  # some debts come in instalments
        for d in debts:
            validate_debtor(d.debtor_type, d.debtor_code)
        assert len({d.debtor_code for d in debts if d.parent_id is None}) == 150 + demo_module.NEW_RESIDENTS

        # wired to the sandbox: its password is the sandbox's own, kept in its configuration
        assert ente.portal_url.startswith("http://127.0.0.1:")
        cfg = json.loads((tmp_path / "ws" / "sandbox" / "mypay-desk-demo.json").read_text())
        assert cfg["ipa"] == ente.ipa_code and 8 <= len(cfg["password"]) <= 15
        assert not (tmp_path / "ws" / "secrets").exists()
        assert ws.portal.settings().password_store == "sandbox dimostrativa"
        assert ws.portal.test_connection().ok
        ws.demo.sandbox.set_switches(processing_delay=0.05)
        tune(ws)
        sent = {f.list_name: f for f in ws.sync.flows()}  # the demo's first run sent its lists
        assert sent[f"Sanzioni CdS {demo_module.YEAR}"].state == "ELABORATO" and sent[f"Sanzioni CdS {demo_module.YEAR}"].accepted == 25
        url = ente.portal_url
    finally:
        ws.demo.stop_sandbox()
        ws.close()

    again = Workspace.open(tmp_path / "ws")
    try:
        assert again.demo.start_sandbox() == url  # same port, same address
        ente2 = again.demo.ensure_demo()
        assert ente2.id == ente.id and len(again.lists.lists()) == len(lists)  # nothing duplicated
        assert again.lists.summary(demo_module.TARI_LIST).total_count == 150 + demo_module.NEW_RESIDENTS
        assert again.sync.flows()[0].state == "ELABORATO"  # the demo's history is still there
        assert again.sync.push(f"Sanzioni CdS {demo_module.YEAR}").flow is None  # and the sandbox remembers it too
    finally:
        again.demo.stop_sandbox()
        again.close()


def test_no_demo_no_sandbox(workspace, ente):
    assert workspace.demo.start_sandbox() is None
    assert workspace.demo.demo_ente() is None
