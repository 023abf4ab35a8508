"""Fuzz test of the portal's replies: a proxy in front of the sandbox (tests/integration/mutating_proxy.py)
changes some of its answers (values, elements, statuses, truncations, damaged ZIPs) while `sync push`,
`sync receipts`, `sync status` and `portal test` run through the real CLI, and while the Sportello sends a
debt, starts a payment or asks about it. Every command must end with exit 0, 1 or 3 (CLI.md), every desk
operation with a result or a clear UserError / PortalError; no other exception, a short message, the clerk's
data unchanged and every debt still valid. Once the portal answers correctly again, one push and one receipts
sync bring the desk back in line with the portal. The replies the fuzz found wrong have a test each, below.

Seeded like tests/unit/test_fuzz_importers.py; a longer campaign:
``MYPAY_PORTAL_FUZZ_CASES=300 MYPAY_PORTAL_FUZZ_SEED=7 pytest tests/integration/test_fuzz_portal_replies.py``.
"""

from __future__ import annotations

import io
import os
import random
import re
import traceback
import zipfile
from dataclasses import replace

import pytest

from mypay_desk.domain.debt_states import PAID_STATES
from mypay_desk.services import portal as portal_service
from mypay_desk.services.errors import UserError
from mypay_desk.services.portal_client import ClientSettings
from mypay_desk.services.sync.common import SyncServiceBase
from mypay_desk.simulator.state import COMPLETATO, DA_PAGARE
from tests.integration.mutating_proxy import MutatingProxy
from tests.integration.portal_support import make_list, portal_dovuti, start_sandbox, tari_records
from tests.unit.hostile_support import mutate, mutate_zip, run_cli

pytestmark = pytest.mark.integration

CASES = int(os.environ.get("MYPAY_PORTAL_FUZZ_CASES", "12"))
SEED = int(os.environ.get("MYPAY_PORTAL_FUZZ_SEED", "16"))
MAX_STDERR = 20_000
LIST = "TARI 2025"
PAID = PAID_STATES  # (in part: the clerk changed the amount the citizen had paid)

# Values a broken portal could put in any field: empty, signs, huge, not a date, not a state, markup.
VALUES = ["", " ", "-1", "0", "1.5", "99999999999999999999", "1e309", "NaN", "abc", "2099-13-45",
          "0000-00-00T00:00:00", "9999-12-31T23:59:59.999+25:00", "Z" * 70_000, "&lt;x&gt;", "&#1;", "<x/>",
          "http://127.0.0.1:1/nulla", "ftp://x/y", "../../../../etc/passwd", "file:///etc/passwd", "ELABORATO",
          "ERRORE_IMPORT", "IN_ELABORAZIONE", "LOAD_VALIDI", "SCARTATO", "PAA_SYSTEM_ERROR", "KO", "OK", "ÀÈÌÒÙ",
          "  OK  ", "\u202eOK", "true", "false"]
_TEXT = re.compile(rb">([^<>]*)<")
_START = re.compile(rb"<([A-Za-z_][\w.:-]*)(?:\s[^<>]*)?>")


def _mutate_soap(body: bytes, rng: random.Random) -> bytes:
    choice = rng.randrange(6)
    if choice <= 1:  # one value replaced
        spots = list(_TEXT.finditer(body))
        if spots:
            m = rng.choice(spots)
            return body[:m.start(1)] + rng.choice(VALUES).encode() + body[m.end(1):]
    if choice in (2, 3):  # one element dropped or repeated
        starts = [m for m in _START.finditer(body) if not m.group(0).startswith(b"<?")]
        if starts:
            m = rng.choice(starts)
            end = body.find(b"</" + m.group(1) + b">", m.end())
            if end >= 0:
                end += len(m.group(1)) + 3
                element = body[m.start():end]
                return body[:m.start()] + (element * rng.choice([2, 3]) if choice == 3 else b"") + body[end:]
    return mutate(body, rng)


def mutate_reply(rng: random.Random, share: float, log: list[str]):
    """A proxy mutator changing about ``share`` of the replies; ``log`` gets one line per reply."""
    def mutator(method: str, path: str, status: int, content_type: str, body: bytes) -> tuple[int, bytes]:
        new_status, new_body = _mutated(method, path, status, content_type, body)
        op = re.search(rb"<(?:\w+:)?(paaSIL\w+)", body[:2000])
        what = op.group(1).decode() if op else f"{method} {path.split('?')[0]}"
        log.append(f"{what}: " + ("unchanged" if (new_status, new_body) == (status, body)
                                   else f"{status} -> {new_status}, {len(body)} -> {len(new_body)} bytes: "
                                        f"{_diff(body, new_body)}"))
        return new_status, new_body

    def _mutated(method: str, path: str, status: int, content_type: str, body: bytes) -> tuple[int, bytes]:
        if rng.random() >= share:
            return status, body
        pick = rng.randrange(10)
        if pick == 0:
            return rng.choice([500, 502, 404, 403, 204, 302]), body if rng.random() < 0.5 else b""
        if pick == 1:
            return status, b""
        if body.startswith(b"PK"):
            with zipfile.ZipFile(io.BytesIO(body)) as z:
                names = z.namelist()
            return status, mutate_zip(body, rng.choice(names) if names else ".csv", rng)
        if b"Envelope" in body[:600]:
            return status, _mutate_soap(body, rng)
        return status, mutate(body, rng)
    return mutator


def _diff(old: bytes, new: bytes) -> str:
    """Where the reply changed, shortly."""
    start = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), min(len(old), len(new)))
    return f"at {start}: {old[start:start + 60]!r} -> {new[start:start + 60]!r}"


@pytest.fixture
def portal(workspace, ente, tmp_path, monkeypatch):
    """The sandbox behind a mutating proxy; the workspace (and the CLI's) point at the proxy, with short
    timeouts and pauses so a case takes a fraction of a second."""
    server = start_sandbox(workspace, ente, tmp_path / "sandbox", processing_delay=0.01)
    proxy = MutatingProxy(server.base_url)
    url = proxy.start()
    workspace.ente.save(replace(workspace.ente.get(ente.ipa_code), portal_url=url))
    monkeypatch.setattr(portal_service, "ClientSettings", lambda: ClientSettings(
        connect_timeout=2.0, read_timeout=5.0, write_timeout=5.0, retries=1, backoff=0.01, backoff_max=0.02))
    original = SyncServiceBase.__init__

    def quick(self, ws):
        original(self, ws)
        self.poll_initial, self.poll_max, self.poll_timeout, self.upload_grace = 0.01, 0.05, 3.0, 0.01

    monkeypatch.setattr(SyncServiceBase, "__init__", quick)
    yield server, proxy
    proxy.stop()
    server.stop()


def _debts(workspace) -> dict[str, object]:
    return {d.iud: d for d in workspace.lists.get_debts(LIST, include_instalments=True)}


def _user_data(d) -> tuple:
    return d.amount_cents, d.debtor_code, d.debtor_name, d.causale, d.due_date


def test_mutated_portal_replies_never_crash_and_never_lose_data(workspace, ente, portal, capsys):
    server, proxy = portal
    rng = random.Random(f"{SEED}-portal")
    records = tari_records(6, seed=SEED)
    make_list(workspace, LIST, records)
    assert run_cli(workspace, "sync", "push", LIST, "--wait", capsys=capsys)[0] == 0
    expected = {iud: _user_data(d) for iud, d in _debts(workspace).items()}
    receipts_before = workspace.receipts.totals().count
    outcomes = {0: 0, 1: 0, 3: 0}
    history: list = []
    for case in range(CASES):
        # the clerk changes an amount: something to send
        iud = rng.choice(sorted(expected))
        debt = _debts(workspace)[iud]
        amount = 5_000 + rng.randrange(100_000)
        try:
            workspace.lists.update_debts({debt.id: {"amount_cents": amount}})
            expected[iud] = (amount, *expected[iud][1:])
        except UserError:  # paid, or in a flow the portal has not answered for yet
            pass
        if rng.random() < 0.3:  # a citizen pays
            on_portal = [d["iud"] for d in portal_dovuti(server, ente.ipa_code) if d["state"] == DA_PAGARE]
            if on_portal:
                server.pay(ente.ipa_code, iuds=[rng.choice(on_portal)])
        args = rng.choice([("sync", "push", LIST, "--wait"), ("sync", "push", LIST, "--wait"), ("sync", "receipts"),
                           ("sync", "receipts"), ("sync", "status"), ("portal", "test")])
        log: list[str] = []
        history.append((case, args, log))
        proxy.mutator = mutate_reply(rng, 0.3, log)
        try:
            code, _out, err = run_cli(workspace, *args, capsys=capsys)
        except BaseException:  # noqa: BLE001 - an exception escaping main() is the failure we look for
            pytest.fail(f"{traceback.format_exc()}\n(seed {SEED}) {_story(history[-1:])}")
        finally:
            proxy.mutator = None
        this = _story(history[-1:])
        assert code in (0, 1, 3), f"exit {code}\n{err[:2000]}\n{this}"
        assert "Traceback" not in err, f"{err[:2000]}\n{this}"
        assert len(err) <= MAX_STDERR, f"{len(err)} characters on stderr\n{this}"
        outcomes[code] += 1
        now = {i: _user_data(d) for i, d in _debts(workspace).items()}
        assert now == expected, f"the clerk's data changed\n{this}"
        invalid = {d.iud: (d.iuv, d.errors) for d in _debts(workspace).values() if not d.is_valid}
        assert not invalid, f"a reply made debts invalid: {invalid}\n{_story(history)}"
        assert workspace.receipts.totals().count >= receipts_before, this
    print(f"portal replies: {outcomes}")
    assert outcomes[1] + outcomes[3] > 0  # the mutations do reach the error paths

    # The portal answers correctly again: one push and one receipts sync align the desk with it.
    story = _story(history)
    code, _out, err = run_cli(workspace, "sync", "push", LIST, "--wait", capsys=capsys)
    assert code == 0, f"{err}\n{story}"
    on_portal = {d["iud"]: d for d in portal_dovuti(server, ente.ipa_code)}
    for iud, d in _debts(workspace).items():
        assert d.pending is None, f"{iud} {d.state}\n{story}"
        if on_portal[iud]["state"] == DA_PAGARE:  # (a paid one keeps the amount paid there)
            assert on_portal[iud]["amount_cents"] == d.amount_cents, f"{iud}\n{story}"
    code, _out, err = run_cli(workspace, "sync", "receipts", capsys=capsys)
    assert code == 0, f"{err}\n{story}"
    paid_on_portal = {iud for iud, d in on_portal.items() if d["state"] == COMPLETATO}
    paid_here = {iud for iud, d in _debts(workspace).items() if d.state in PAID}
    assert paid_here == paid_on_portal, story


def _story(history: list) -> str:
    """The cases run, each with the replies the proxy changed (for a failure's message)."""
    lines = []
    for case, args, log in history:
        lines.append(f"case {case}: {' '.join(args)}")
        lines += [f"    {line[:300]}" for line in log if not line.endswith("unchanged")]
    return "\n".join(lines)


def test_mutated_replies_to_desk_operations_end_in_a_clear_error(workspace, ente, portal):
    """The Sportello's operations (one debt sent at once, a payment started at the desk, its state asked) under
    the same replies: a result, or UserError / PortalError with a short message (what the GUI shows), never
    another exception; the clerk's data unchanged and every debt still valid (nothing a reply gave it, such as
    its IUV, makes it wrong); a payment link only over http(s). Then, with correct replies, one push aligns the
    list with the portal."""
    from mypay_desk.services.errors import PortalError

    server, proxy = portal
    rng = random.Random(f"{SEED}-desk")
    ids = make_list(workspace, LIST, tari_records(4, seed=SEED))  # not on the portal yet: sent at the desk
    expected = {iud: _user_data(d) for iud, d in _debts(workspace).items()}
    sync = workspace.sync
    operations = {"send": sync.send_single, "pay": sync.start_payment, "state": sync.payment_state}
    outcomes: dict[str, int] = {}
    history: list = []
    for case in range(CASES):
        debt_id = rng.choice(ids)
        iud = workspace.lists.get_debt(debt_id).iud
        if rng.random() < 0.5:
            amount = 5_000 + rng.randrange(100_000)
            try:
                workspace.lists.update_debts({debt_id: {"amount_cents": amount}})
                expected[iud] = (amount, *expected[iud][1:])
            except UserError:
                pass
        op = rng.choice(sorted(operations))
        log: list[str] = []
        history.append((case, (op, iud), log))
        proxy.mutator = mutate_reply(rng, 0.3, log)
        try:
            result = operations[op](debt_id)
            outcome = "ok"
        except (UserError, PortalError) as exc:
            outcome = type(exc).__name__
            assert len(str(exc)) <= 2_000, f"{len(str(exc))} characters\n{_story(history[-1:])}"
        except Exception:  # noqa: BLE001 - what the GUI would show as an unexpected error
            pytest.fail(f"{traceback.format_exc()}\n(seed {SEED}) {_story(history[-1:])}")
        finally:
            proxy.mutator = None
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        if op == "pay" and outcome == "ok":
            assert result.url.lower().startswith(("http://", "https://")), f"{result.url!r}\n{_story(history[-1:])}"
        now = {i: _user_data(d) for i, d in _debts(workspace).items()}
        assert now == expected, f"the clerk's data changed\n{_story(history[-1:])}"
        # (a reply's value stored on a debt, e.g. an IUV "0", shows when the debt is next checked: an edit)
        invalid = {d.iud: (d.iuv, d.errors) for d in _debts(workspace).values() if not d.is_valid}
        assert not invalid, f"a reply made debts invalid: {invalid}\n{_story(history)}"
    print(f"desk operations: {outcomes}")
    assert outcomes.get("PortalError", 0) > 0  # the mutations do reach the error paths

    story = _story(history)
    report = sync.push(LIST, wait=True)
    assert report.state in ("ELABORATO", ""), f"{report.message}\n{story}"
    on_portal = {d["iud"]: d for d in portal_dovuti(server, ente.ipa_code)}
    for iud, d in _debts(workspace).items():
        assert d.pending is None, f"{iud} {d.state} {d.pending}: {report.message} {report.to_json()}\n{story}"
        if d.state not in PAID and on_portal[iud]["state"] == DA_PAGARE:
            assert on_portal[iud]["amount_cents"] == d.amount_cents, f"{iud}\n{story}"


def _replace_in(operation: str, pattern: bytes, value: bytes):
    """A mutator putting ``value`` in the element ``pattern`` names, in the replies of ``operation`` only."""
    def mutator(method: str, path: str, status: int, content_type: str, body: bytes) -> tuple[int, bytes]:
        if operation.encode() in body[:1000]:
            body = re.sub(rb"(<" + pattern + rb">)[^<]*(</" + pattern + rb">)", rb"\g<1>" + value + rb"\g<2>", body)
        return status, body
    return mutator


def test_an_iuv_no_iuv_can_be_in_a_reply_is_not_stored(workspace, ente, portal):
    """(found by the fuzz) paaSILImportaDovuto's reply gives the debt its IUV: a value no IUV can be is taken as a
    broken reply, so the debtor's open positions say whether the portal holds the debt and with which IUV;
    when they are damaged too, the debt keeps what it had and stays to send."""
    from mypay_desk.services.errors import PortalError
    from tests.integration.portal_support import journal_ops

    server, proxy = portal
    first, second = make_list(workspace, LIST, tari_records(2))
    proxy.mutator = _replace_in("paaSILImportaDovutoRisposta", b"identificativoUnivocoVersamento", b"ERRORE_IMPORT")
    assert workspace.sync.send_single(first).accepted
    assert journal_ops(workspace)[-1] == "paaSILChiediPosizioniAperte"
    on_portal = {d["iud"]: d["iuv"] for d in portal_dovuti(server, ente.ipa_code)}
    assert workspace.lists.get_debt(first).iuv == on_portal["TARI25-00001"]

    before = workspace.lists.get_debt(second)
    damaged_reply = proxy.mutator

    def damaged_positions(method, path, status, content_type, body):  # the IUV inside each position's payload
        import base64

        def damage(m):
            payload = re.sub(rb"(IdentificativoUnivocoVersamento>)[^<]*(<)", rb"\g<1>12 34\g<2>",
                             base64.b64decode(m.group(2)), flags=re.IGNORECASE)
            return m.group(1) + base64.b64encode(payload) + m.group(3)
        if b"paaSILChiediPosizioniAperteRisposta" in body[:1000]:
            body = re.sub(rb"(<dovuti>)([^<]+)(</dovuti>)", damage, body)
        return status, body
    proxy.mutator = lambda *a: damaged_positions(*a[:4], damaged_reply(*a)[1])
    with pytest.raises(PortalError, match="IUV non valido .«ERRORE_IMPORT»"):
        workspace.sync.send_single(second)
    after = workspace.lists.get_debt(second)
    assert (after.iuv, after.pending) == (before.iuv, "I")


@pytest.mark.parametrize("url", [b"file:///etc/passwd", b"javascript:alert(1)", b"http://", b"/relativo"])
def test_a_payment_link_not_over_http_is_refused(workspace, ente, portal, url):
    """(found by the fuzz) The link of a payment started at the desk is shown, opened and printed as a QR code
    for the citizen: only an http(s) address with a host is taken."""
    from mypay_desk.services.errors import PortalError

    _server, proxy = portal
    (debt_id,) = make_list(workspace, LIST, tari_records(1))
    assert workspace.sync.send_single(debt_id).accepted
    proxy.mutator = _replace_in("paaSILInviaDovutiRisposta", b"url", url)
    with pytest.raises(PortalError, match="indirizzo di pagamento non valido"):
        workspace.sync.start_payment(debt_id)
    proxy.mutator = None
    assert workspace.sync.start_payment(debt_id).url.startswith("http://127.0.0.1:")


@pytest.mark.parametrize(("operation", "element", "args"), [
    ("paaSILChiediStatoExportFlussoRisposta", b"stato", ("sync", "receipts")),
    ("paaSILChiediStatoImportFlussoRisposta", b"stato", ("sync", "push", LIST, "--wait")),
    ("paaSILAutorizzaImportFlussoRisposta", b"faultString", ("sync", "push", LIST, "--wait")),
])
def test_a_huge_state_or_fault_in_a_reply_makes_a_short_message(workspace, ente, portal, capsys, operation, element,
                                                                  args):
    """(found by the fuzz, seed 5) A state or a fault's text the portal sends is quoted in the message: a 70,000
    character one made a 140 KB message (the state was also its code). What a message quotes of a reply is cut."""
    _server, proxy = portal
    make_list(workspace, LIST, tari_records(1))
    if element == b"faultString":  # a fault in place of the reply's body
        def mutator(method, path, status, content_type, body):
            if operation.encode() in body[:1000]:
                body = re.sub(rb"<soapenv:Body>.*</soapenv:Body>", b"<soapenv:Body><ppt:" + operation.encode()
                              + b' xmlns:ppt="http://www.regione.veneto.it/pagamenti/ente/"><fault><faultCode>'
                              b"PAA_SYSTEM_ERROR</faultCode><faultString>" + b"Z" * 70_000
                              + b"</faultString></fault></ppt:" + operation.encode() + b"></soapenv:Body>", body,
                              flags=re.S)
            return status, body
        proxy.mutator = mutator
    else:
        proxy.mutator = _replace_in(operation, element, b"Z" * 70_000)
    code, _out, err = run_cli(workspace, *args, capsys=capsys)
    assert code in (1, 3) and "ZZZZ" in err and len(err) < 3_000, (code, len(err), err[:300])


def test_an_address_with_a_control_character_in_a_reply_is_refused(workspace, ente, portal, capsys):
    """(found by the fuzz, seed 28) httpx refuses an address holding a control character with InvalidURL, not an
    HTTPError: it escaped as a traceback. Every address a reply gives goes through the client's one check."""
    from mypay_desk.services.portal_client import is_http_url

    _server, proxy = portal
    make_list(workspace, LIST, tari_records(1))
    proxy.mutator = _replace_in("paaSILAutorizzaImportFlussoRisposta", b"uploadUrl", b"http://127.0.0.1:1/a\nb")
    code, _out, err = run_cli(workspace, "sync", "push", LIST, "--wait", capsys=capsys)
    assert code == 3 and "indirizzo non valido per il caricamento" in err and "Traceback" not in err
    proxy.mutator = None
    assert run_cli(workspace, "sync", "push", LIST, "--wait", capsys=capsys)[0] == 0
    assert [is_http_url(u) for u in ("http://127.0.0.1:5/a?x=1", "https://x.it", "http://", "/relativo",
                                     "file:///etc/passwd", "http://a\tb/", "")] == [True, True] + [False] * 5
