"""The demo Ente's first run fills every page: flows on the portal, receipts, PSP reporting and treasury
reconciled with a few anomalies, pending TARI changes; interrupted, it finishes next time; run again, it
does nothing."""

from __future__ import annotations

import json
import time
from collections import Counter
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from mypay_desk.services import demo as demo_module
from mypay_desk.services.errors import Cancelled
from mypay_desk.services.progress import CancelToken
from mypay_desk.services.workspace import Workspace
from mypay_desk.store.models.reconciliation import FdrFlow, TreasuryMovement
from mypay_desk.store.repositories import ente as settings_repo

pytestmark = pytest.mark.integration

ANOMALY_CODES = {"RT_NO_IUF", "IUF_NO_TES", "IUF_TES_DIV_IMP", "TES_NO_MATCH", "DOPPI"}


def _counts(ws) -> dict:
    with ws.db.session() as s:
        flows = s.execute(select(func.count(FdrFlow.id))).scalar_one()
        movements = s.execute(select(func.count(TreasuryMovement.id))).scalar_one()
    sim = ws.demo.sandbox.state.conn()
    return {"flows": len(ws.sync.flows()), "receipts": ws.receipts.totals().count, "fdr": flows,
            "movements": movements, "sandbox_fdr": sim.execute("SELECT count(*) FROM fdr").fetchone()[0],
            "sandbox_receipts": sim.execute("SELECT count(*) FROM receipt").fetchone()[0],
            "results": ws.reconciliation.count()}


def _codes(ws) -> dict[str, tuple[int, int]]:
    return {k: (v["count"], v["amount_cents"]) for k, v in ws.reconciliation.summary_json()["codes"].items()
            if v["count"]}


@pytest.mark.slow
def test_first_run_fills_every_page(tmp_path):
    ws = Workspace.open(tmp_path / "ws")
    try:
        messages = []
        started = time.perf_counter()
        ente = ws.demo.ensure_demo(progress=lambda d, t, m: messages.append((d, m)))
        elapsed = time.perf_counter() - started
        print(f"first run of the demo: {elapsed:.1f} s")
        done = [d for d, _ in messages]
        assert done == sorted(done) and done[-1] == 100  # the bar only moves forward
        said = " ".join(m for _, m in messages)
        for words in (f"Invio della lista «{demo_module.TARI_LIST}»", "I cittadini pagano", "Scaricamento delle ricevute",
                      "Rendicontazioni dei PSP", "Riconciliazione"):
            assert words in said
        assert ws.demo.sandbox.worker.delay == demo_module.DEFAULT_SANDBOX_DELAY  # the sandbox's pace is back

        # Portale: every list sent and accepted, the exchanges in the journal, TARI changes pending
        flows = {f.list_name: f for f in ws.sync.flows()}
        assert set(flows) == set(demo_module.LIST_NAMES)
        for name, f in flows.items():
            assert f.state == "ELABORATO" and f.rejected == 0 and f.accepted == f.count_insert > 0, name
        assert flows[demo_module.TARI_LIST].accepted > demo_module.TARI_SIZE  # instalments travel as dovuti too
        ops = Counter(j.operation for j in ws.portal.journal(10_000))
        assert ops and len(ops) >= 3
        pending = {p.list_name: p for p in ws.sync.status().pending}
        tari = pending[demo_module.TARI_LIST]
        assert (tari.insert, tari.modify, tari.cancel, tari.invalid) == (3, 4, 2, 0)
        assert sum(p.total for n, p in pending.items() if n != demo_module.TARI_LIST) == 0

        # Pagamenti: a realistic share paid over the last weeks, every receipt matched to its debt
        totals = ws.receipts.totals()
        paid_on_sandbox = ws.demo.sandbox.state.conn().execute("SELECT count(*) FROM receipt").fetchone()[0]
        assert totals.count == paid_on_sandbox > 1000
        assert totals.matched == totals.count and totals.unmatched == 0
        assert {t[0] for t in totals.by_type} == {"TARI", "MENSA_SCOLASTICA", "TRASPORTO_SCOLASTICO",
                                                  "CANONE_UNICO", "SANZIONI_CDS"}
        receipts = ws.receipts.list()
        days = Counter(r.outcome_date for r in receipts)
        assert len(days) >= 15 and max(days) == date.today()
        assert min(days) >= date.today() - timedelta(days=demo_module.HISTORY_DAYS)
        for name, share in demo_module.PAY_SHARES.items():
            debts = ws.lists.get_debts(name)
            paid = sum(d.state in ("PAGATO", "PAGATO_PARZIALE") for d in debts)
            assert abs(paid / len(debts) - share) < 0.15, name

        # Riconciliazione: one FdR per PSP and day, one credit each (less the flow never credited, plus
        # the unrelated one), every receipt classified, each deliberate anomaly visible once
        c = _counts(ws)
        assert c["fdr"] == c["sandbox_fdr"] > 50
        assert c["movements"] == c["fdr"]  # one flow never credited, one credit unrelated to pagoPA
        codes = _codes(ws)
        assert set(codes) >= ANOMALY_CODES
        assert all(codes[k][0] == 1 for k in ANOMALY_CODES)
        per_payment = sum(codes.get(k, (0, 0))[0] for k in ("IUD_RT_IUF_TES", "IUD_RT_IUF", "RT_NO_IUF"))
        assert per_payment == totals.count
        assert codes["IUD_RT_IUF_TES"][0] > 0.95 * totals.count
        assert sum(codes.get(k, (0, 0))[1] for k in ("IUD_RT_IUF_TES", "IUD_RT_IUF", "RT_NO_IUF")) == \
            totals.amount_cents
        assert "IUD_NO_RT" not in codes  # unpaid debts are not due yet

        # a second run does nothing
        before = _counts(ws)
        started = time.perf_counter()
        assert ws.demo.ensure_demo().id == ente.id
        assert time.perf_counter() - started < 5
        assert _counts(ws) == before and _codes(ws) == codes
        assert ws.demo.activity_done()
    finally:
        ws.demo.stop_sandbox()
        ws.close()


class _CancelAt(CancelToken):
    """Cancels as soon as the progress shows ``words``."""

    def __init__(self, words: str):
        super().__init__()
        self.words = words

    def progress(self, _done: int, _total: int, message: str) -> None:
        if self.words in message:
            self.cancel()


def test_interrupted_run_finishes_next_time(tmp_path, monkeypatch):
    monkeypatch.setattr(demo_module, "TARI_SIZE", 200)
    ws = Workspace.open(tmp_path / "ws")
    try:
        token = _CancelAt("Scaricamento delle ricevute")
        with pytest.raises(Cancelled):
            ws.demo.ensure_demo(progress=token.progress, cancel=token)
        steps = json.loads(_setting(ws))
        assert steps == [f"send:{n}" for n in demo_module.SEND_ORDER] + ["pay"]
        assert not ws.demo.activity_done()
        assert ws.demo.sandbox.worker.delay == demo_module.DEFAULT_SANDBOX_DELAY
        paid = ws.demo.sandbox.state.conn().execute("SELECT count(*) FROM receipt").fetchone()[0]
        assert paid > 50 and ws.receipts.totals().count < paid

        ws.demo.ensure_demo()
        assert ws.demo.activity_done()
        c = _counts(ws)
        assert c["sandbox_receipts"] == paid == c["receipts"]  # nobody paid twice
        assert c["flows"] == len(demo_module.LIST_NAMES)  # nothing sent twice
        assert set(_codes(ws)) >= ANOMALY_CODES and c["fdr"] == c["sandbox_fdr"]

        # A demo made before the activity existed (no step setting) is left as it is.
        with ws.db.session() as s:
            settings_repo.set_setting(s, demo_module.STEPS_KEY, "")
        ws.demo.ensure_demo()
        assert _counts(ws) == c and ws.demo.activity_done()
    finally:
        ws.demo.stop_sandbox()
        ws.close()


def _setting(ws) -> str:
    with ws.db.session() as s:
        return settings_repo.get_setting(s, demo_module.STEPS_KEY, "")
