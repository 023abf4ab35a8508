# ruff: noqa: F401, F811 - pytest fixtures (sim, client) come from the support module
"""The sandbox's PSP reporting flows (FdR) and giornale di cassa (OPI): read back with the app's own
readers, totals equal to the payments, stable across calls, anomalies visible in the files."""

from __future__ import annotations

import io
import json
import re
import sys
import zipfile
from collections import Counter
from datetime import date, timedelta

import pytest
from test_simulator_support import CFS, IPA, client, debt, flow_zip, push, sim, text

from mypay_desk.cli import main
from mypay_desk.formats.causale import parse_causale
from mypay_desk.formats.fdr import parse_fdr
from mypay_desk.formats.opi import parse_opi
from mypay_desk.simulator.fdr import ANOMALIES, ReportError, parse_anomalies
from mypay_desk.simulator.payments import PSPS
from tests.schema_support import assert_valid

pytestmark = pytest.mark.integration

IUF_RE = re.compile(r"(\d{4}-\d{2}-\d{2})([A-Z0-9]+)-(\d{10})")


def _load(sim, client, n: int = 40, prefix: str = "R") -> None:
    records = [debt(f"{prefix}{i:03d}", cf=CFS[i % len(CFS)], amount=1_000 + 37 * i) for i in range(n)]
    name, data = flow_zip(records, f"FLOW{prefix}")
    assert text(push(client, sim.base_url, name, data), "stato") == "IMPORT_ESEGUITO"


def _flows(result) -> list:
    return [parse_fdr(data, name) for name, data in result["fdr"]]


def test_one_flow_per_psp_and_day_with_the_payments_and_one_credit_each(sim, client):
    _load(sim, client)
    paid = sim.pay(IPA, fraction=0.75, seed=4)["paid"]
    assert len(paid) == 30
    result = sim.reports(IPA)
    flows = _flows(result)
    today = date.today()
    psp_names = dict(PSPS)

    assert len({f.sender_id for f in flows}) == len(flows)  # one per PSP (all paid today)
    assert {f.sender_id for f in flows} == {p["psp_id"] for p in paid}
    for (name, _), f in zip(result["fdr"], flows, strict=True):
        m = IUF_RE.fullmatch(f.flow_id)
        assert m and m.group(1) == today.isoformat() and m.group(2) == f.sender_id and m.group(3) == "0000000001"
        assert name == f"{f.flow_id}.xml"
        assert f.settlement_date == today and f.settlement_id and len(f.settlement_id) <= 35
        assert f.sender_type == "B" and f.sender_name == psp_names[f.sender_id]
        assert f.receiver_id == "01199250158"
        assert not f.warnings  # declared count and total agree with the lines
        assert f.total_count == len(f.lines) and f.total_amount_cents == f.lines_amount_cents
        assert all(ln.outcome_code == "0" and ln.outcome_date == today and ln.payment_index == 1 for ln in f.lines)

    lines = {(ln.iuv, ln.iur, ln.amount_cents, f.sender_id) for f in flows for ln in f.lines}
    assert lines == {(p["iuv"], p["iur"], p["amount_cents"], p["psp_id"]) for p in paid}
    assert sum(f.total_amount_cents for f in flows) == sum(p["amount_cents"] for p in paid)

    # the sandbox's files follow pagoPA's FlussoRiversamento 1.0.4 and OPI 1.6.1
    for name, data in result["fdr"]:
        assert_valid("fdr", data, name)
    assert_valid("opi-1.6.1", result["opi"][1], result["opi"][0])
    journal = parse_opi(result["opi"][1], result["opi"][0])
    assert journal.year == str(today.year) and journal.reference_date == today
    assert journal.flow_id.startswith(f"GDC-{today:%Y%m%d}") and journal.flow_id.endswith("#001#001")
    credits = {r.iuf: r for r in journal.records}
    assert len(journal.records) == len(flows) == len(credits)
    for f in flows:
        r = credits[f.flow_id]
        assert r.amount_cents == f.total_amount_cents and r.status == "ESEGUITO"
        assert r.causale == f"/PUR/LGPE-RIVERSAMENTO/URI/{f.flow_id}"
        assert parse_causale(r.causale).iuf == f.flow_id
        assert r.book_date == today and r.payer == psp_names[f.sender_id].upper()
        assert r.end_to_end_id == f.settlement_id
    assert result["anomalies"] == []


def test_flows_are_kept_and_later_payments_go_into_new_flows(sim, client):
    _load(sim, client)
    sim.pay(IPA, fraction=0.3, seed=1)
    first = sim.reports(IPA)
    assert sim.reports(IPA) == first  # asking again: the same files, byte for byte

    later = sim.pay(IPA, fraction=0.5, seed=2)["paid"]
    second = sim.reports(IPA)
    assert second["fdr"][:len(first["fdr"])] == first["fdr"]  # old flows unchanged
    new = [parse_fdr(data, name) for name, data in second["fdr"][len(first["fdr"]):]]
    assert {(ln.iuv, ln.amount_cents) for f in new for ln in f.lines} == {(p["iuv"], p["amount_cents"])
                                                                          for p in later}
    old_psps = {parse_fdr(d).sender_id for _, d in first["fdr"]}
    for f in new:  # a PSP that already reported today continues its numbering
        expected = 2 if f.sender_id in old_psps else 1
        assert IUF_RE.fullmatch(f.flow_id).group(3) == f"{expected:010d}"
    journal = parse_opi(second["opi"][1])
    assert len(journal.records) == len(second["fdr"])
    first_keys = {r.dedupe_key for r in parse_opi(first["opi"][1]).records}
    assert first_keys <= {r.dedupe_key for r in journal.records}  # a later journal re-imports cleanly


def test_flows_follow_the_day_of_payment_and_until(sim, client):
    _load(sim, client)
    paid = sim.pay(IPA, fraction=0.6, seed=9)["paid"]
    yesterday = date.today() - timedelta(days=1)
    early = {p["iuv"] for p in paid[::2]}
    with sim.state.write() as c:  # some citizens paid yesterday
        c.executemany("UPDATE receipt SET paid_on = ? WHERE iuv = ?", [(yesterday.isoformat(), v) for v in early])

    only_yesterday = sim.reports(IPA, until=yesterday)
    flows = _flows(only_yesterday)
    assert flows and all(f.settlement_date == yesterday and f.flow_id.startswith(yesterday.isoformat())
                         for f in flows)
    assert {ln.iuv for f in flows for ln in f.lines} == early
    assert parse_opi(only_yesterday["opi"][1]).reference_date == yesterday

    everything = _flows(sim.reports(IPA))
    by_day = Counter((f.settlement_date, f.sender_id) for f in everything)
    assert max(by_day.values()) == 1  # still one flow per PSP and day
    assert {ln.iuv for f in everything for ln in f.lines} == {p["iuv"] for p in paid}
    assert {f.settlement_date for f in everything} == {yesterday, date.today()}


def test_anomalies_show_in_the_files(sim, client):
    _load(sim, client, n=60)
    paid = {p["iuv"]: p for p in sim.pay(IPA, fraction=0.8, seed=5)["paid"]}
    result = sim.reports(IPA, anomalies=True, seed=11)
    flows = _flows(result)
    for name, data in result["fdr"]:
        assert_valid("fdr", data, name)
    assert_valid("opi-1.6.1", result["opi"][1], result["opi"][0])
    journal = parse_opi(result["opi"][1])
    notes = {a["kind"]: a for a in result["anomalies"]}
    assert set(notes) == set(ANOMALIES)
    totals = {f.flow_id: f.total_amount_cents for f in flows}
    credits = {r.iuf: r.amount_cents for r in journal.records if r.iuf}

    mismatched = [(ln.iuv, ln.amount_cents) for f in flows for ln in f.lines
                  if ln.amount_cents != paid[ln.iuv]["amount_cents"]]
    assert [m[0] for m in mismatched] == [notes["amount_mismatch"]["iuv"]]
    assert 0 < mismatched[0][1] < paid[mismatched[0][0]]["amount_cents"]

    assert set(totals) - set(credits) == {notes["not_credited"]["iuf"]}
    wrong = [iuf for iuf, cents in credits.items() if cents != totals[iuf]]
    assert wrong == [notes["wrong_credit"]["iuf"]]
    assert 0 < credits[wrong[0]] < totals[wrong[0]]

    unrelated = [r for r in journal.records if not r.iuf and not r.iuv]
    assert len(unrelated) == 1 and unrelated[0].amount_cents > 0

    seen = Counter(ln.iuv for f in flows for ln in f.lines)
    assert [iuv for iuv, n in seen.items() if n > 1] == [notes["duplicate"]["iuv"]]
    dup_flow = next(f for f in flows if f.flow_id == notes["duplicate"]["iuf"])
    assert [ln.iuv for ln in dup_flow.lines] == [notes["duplicate"]["iuv"]]
    assert set(seen) == set(paid)  # everything paid is reported
    # the same seed and payments give the same anomalies; nothing new is added when asked again
    assert sim.reports(IPA, anomalies=True, seed=11) == result


def test_nothing_paid_and_a_single_flow(sim, client):
    _load(sim, client, n=3)
    empty = sim.reports(IPA, anomalies=True)
    assert empty["fdr"] == [] and empty["anomalies"] == []
    assert parse_opi(empty["opi"][1]).records == []  # a journal without movements still reads

    paid = sim.pay(IPA, iuds=["R000"])["paid"]
    result = sim.reports(IPA, anomalies=True, seed=1)  # too few flows to keep the anomalies apart
    flows = {f.flow_id: f for f in _flows(result)}
    notes = {a["kind"]: a for a in result["anomalies"]}
    assert set(notes) == set(ANOMALIES)
    assert {ln.iuv for f in flows.values() for ln in f.lines} == {paid[0]["iuv"]} and len(flows) == 2
    credits = {r.iuf: r.amount_cents for r in parse_opi(result["opi"][1]).records if r.iuf}
    # the PSP's flow was never credited; its second flow (the duplicate) was, but short
    assert notes["not_credited"]["iuf"] not in credits
    assert list(credits) == [notes["duplicate"]["iuf"]] == [notes["wrong_credit"]["iuf"]]
    assert 0 < credits[notes["duplicate"]["iuf"]] < flows[notes["duplicate"]["iuf"]].total_amount_cents


def test_anomaly_names_are_checked():
    assert parse_anomalies(True) == ANOMALIES and parse_anomalies("") == () and parse_anomalies(False) == ()
    assert parse_anomalies("duplicate, not_credited") == ("duplicate", "not_credited")
    with pytest.raises(ReportError, match="sconosciuta: boh"):
        parse_anomalies("duplicate,boh")


def test_admin_endpoint_and_cli(sim, client, tmp_path, monkeypatch, capsys):
    _load(sim, client, n=30)
    sim.pay(IPA, fraction=0.7, seed=3)
    resp = client.get(f"{sim.base_url}/sandbox/reports", params={"ipa": IPA, "anomalies": "duplicate",
                                                                 "seed": "1"})
    assert resp.status_code == 200 and resp.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(resp.content)) as zf:
        names = zf.namelist()
        fdr_names = [n for n in names if n.startswith("FdR/")]
        assert [a["kind"] for a in json.loads(zf.read("anomalie.json"))] == ["duplicate"]
        flows = [parse_fdr(zf.read(n), n) for n in fdr_names]
        opi_names = [n for n in names if n.startswith("OPI/")]
        assert len(opi_names) == 1 and len(parse_opi(zf.read(opi_names[0])).records) == len(flows)

    assert client.get(f"{sim.base_url}/sandbox/reports", params={"ipa": "NESSUNO"}).status_code == 404
    bad = client.get(f"{sim.base_url}/sandbox/reports", params={"ipa": IPA, "anomalies": "strana"})
    assert bad.status_code == 400 and "strana" in bad.json()["error"]
    assert client.get(f"{sim.base_url}/sandbox/reports", params={"ipa": IPA, "until": "ieri"}).status_code == 400

    out = tmp_path / "files"
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code = main(["simulator", "reports", "--portal-url", f"{sim.base_url}/ws/pa/", "--ipa", IPA, "-o", str(out),
                 "--json"])
    doc = json.loads(capsys.readouterr().out)
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == sorted([n.split("/")[-1] for n in fdr_names + opi_names])
    assert len(doc["fdr"]) == len(flows) and doc["opi"].endswith(".xml") and doc["anomalies"][0]["kind"] == "duplicate"
    assert sum(parse_fdr((out / n.split("/")[-1]).read_bytes()).total_amount_cents for n in fdr_names) == \
        sum(f.total_amount_cents for f in flows)

    code = main(["simulator", "reports", "--portal-url", sim.base_url, "--ipa", IPA, "-o", str(out),
                 "--anomalies", "boh"])
    assert code == 1 and "boh" in capsys.readouterr().err
    code = main(["simulator", "reports", "--portal-url", "http://127.0.0.1:9", "--ipa", IPA, "-o", str(out)])
    assert code == 3
