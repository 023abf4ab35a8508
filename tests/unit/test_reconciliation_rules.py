from __future__ import annotations

from datetime import date

import pytest

from mypay_desk.domain.reconciliation import (
    ALL_CODES,
    LABELS,
    TES_DIFF,
    TES_NONE,
    TES_OK,
    Code,
    Flags,
    PaymentFacts,
    classify_flow,
    classify_payment,
    classify_treasury,
    effective_credits,
    flow_tes_state,
    is_due,
    is_notification,
    payment_amount,
    payment_labels,
    resolve_iuf,
    summarise_receipts,
    summarise_reports,
)

BOTH = Flags(True, True)
NO_I = Flags(notifications=False, treasury=True)
NO_T = Flags(notifications=True, treasury=False)
NONE = Flags(False, False)


def F(**kw) -> PaymentFacts:
    return PaymentFacts(**kw)


I100 = dict(i_count=1, i_cents=10000)
E100 = dict(e_count=1, e_single=10000, e_total=10150)
R100 = dict(r_count=1, r_single=10000)

# (case, facts, flags, codes stored, {code: amount})
PAYMENT_CASES = [
    ("all four agree, credit by IUF", F(**I100, **E100, **R100, r_tes=TES_OK), BOTH,
     [Code.IUD_RT_IUF_TES], {Code.IUD_RT_IUF_TES: 10000}),
    ("all agree, credit by IUV, no FdR", F(**I100, **E100, t_count=1, t_cents=10150), BOTH,
     [Code.IUD_RT_IUF_TES], {Code.IUD_RT_IUF_TES: 10000}),
    ("I E R agree, flow not credited", F(**I100, **E100, **R100, r_tes=TES_NONE), BOTH,
     [Code.IUD_RT_IUF], {Code.IUD_RT_IUF: 10000}),
    ("I E R agree, flow credited with a different amount", F(**I100, **E100, **R100, r_tes=TES_DIFF), BOTH,
     [Code.IUD_RT_IUF], {}),
    ("no notification, E R T agree", F(**E100, **R100, r_tes=TES_OK), BOTH,
     [Code.RT_IUF_TES, Code.RT_NO_IUD], {Code.RT_IUF_TES: 10000, Code.RT_NO_IUD: 10000}),
    ("notifications off: E R T agree", F(**E100, **R100, r_tes=TES_OK), NO_I,
     [Code.RT_IUF_TES], {}),
    ("notifications off, I present is ignored", F(**I100, **E100, **R100, r_tes=TES_OK), NO_I,
     [Code.RT_IUF_TES], {}),
    ("treasury off: I E R agree, credit ignored", F(**I100, **E100, **R100, r_tes=TES_OK), NO_T,
     [Code.IUD_RT_IUF], {}),
    ("both flags off: E R agree", F(**I100, **E100, **R100, r_tes=TES_OK), NONE, [Code.RT_IUF], {}),
    ("E R agree, no I, no treasury", F(**E100, **R100), NO_I, [Code.RT_IUF], {Code.RT_IUF: 10000}),
    ("E credited by itself (RT_TES)", F(**E100, t_count=1, t_cents=10150), NO_I,
     [Code.RT_TES], {Code.RT_TES: 10000}),
    ("E with I, spot credit of wrong amount", F(**I100, **E100, t_count=1, t_cents=10000), BOTH,
     [Code.RT_NO_IUF], {Code.RT_NO_IUF: 10000}),
    ("E alone (no FdR yet)", F(**I100, **E100), BOTH, [Code.RT_NO_IUF], {Code.RT_NO_IUF: 10000}),
    ("E and R differ by a cent", F(**I100, **E100, r_count=1, r_single=9999, r_tes=TES_OK), BOTH,
     [Code.RT_NO_IUF], {}),
    ("E and R differ, but FdR credited and I matches spot credit",
     F(**I100, **E100, r_count=1, r_single=9999, t_count=1, t_cents=10150), BOTH,
     [Code.IUD_RT_IUF_TES, Code.RT_NO_IUF], {}),
    ("I differs from E by a cent", F(i_count=1, i_cents=10001, **E100, **R100, r_tes=TES_OK), BOTH,
     [Code.RT_IUF_TES, Code.IUD_NO_RT], {Code.IUD_NO_RT: 10001, Code.RT_IUF_TES: 10000}),
    ("I due and unpaid", F(**I100), BOTH, [Code.IUD_NO_RT], {Code.IUD_NO_RT: 10000}),
    ("I not yet due and unpaid", F(**I100, i_due=False), BOTH, [], {}),
    ("I unpaid, notifications off", F(**I100), NO_I, [], {}),
    ("R without E", F(**R100), BOTH, [Code.IUV_NO_RT], {Code.IUV_NO_RT: 10000}),
    ("R without E but with I", F(**I100, **R100), BOTH, [Code.IUD_NO_RT, Code.IUV_NO_RT], {}),
    ("paid twice: two receipts", F(**I100, e_count=2, e_single=10000, e_total=10150, e_excess=10000, **R100,
                                   r_tes=TES_OK), BOTH,
     [Code.IUD_RT_IUF_TES, Code.DOPPI], {Code.DOPPI: 10000}),
    ("reported twice", F(**I100, **E100, r_count=2, r_single=10000, r_excess=10000, r_tes=TES_OK), BOTH,
     [Code.IUD_RT_IUF_TES, Code.DOPPI], {Code.DOPPI: 10000}),
    ("nothing at all", F(), BOTH, [], {}),
]


@pytest.mark.parametrize("case,facts,flags,codes,amounts", PAYMENT_CASES, ids=[c[0] for c in PAYMENT_CASES])
def test_payment_classification(case, facts, flags, codes, amounts):
    assert classify_payment(facts, flags) == sorted(codes)
    for code, cents in amounts.items():
        assert payment_amount(code, facts) == cents
    # every stored code is one MyPivot would list, and only enabled codes appear
    assert set(codes) <= payment_labels(facts, flags)
    assert set(codes) <= set(flags.enabled())


def test_mypivot_overlapping_labels_of_a_fully_reconciled_payment():
    labels = payment_labels(F(**I100, **E100, **R100, r_tes=TES_OK), BOTH)
    assert labels == {Code.IUD_RT_IUF_TES, Code.IUD_RT_IUF, Code.RT_IUF_TES, Code.RT_IUF}


def test_every_receipt_gets_a_code():
    for t in (0, 1):
        for r in (0, 1):
            for r_single in (10000, 5000):
                for t_cents in (10150, 1):
                    f = F(**E100, r_count=r, r_single=r_single if r else 0, t_count=t, t_cents=t_cents if t else 0)
                    assert classify_payment(f, NONE), f
                    assert classify_payment(f, BOTH), f


@pytest.mark.parametrize(
    "total,count,cents,flags,expected,state",
    [
        (18600, 1, 18600, BOTH, None, TES_OK),
        (18600, 0, 0, BOTH, Code.IUF_NO_TES, TES_NONE),
        (18600, 1, 18500, BOTH, Code.IUF_TES_DIV_IMP, TES_DIFF),
        (18600, 2, 18600, BOTH, None, TES_OK),  # credited in two transfers
        (18600, 0, 0, NO_T, None, TES_NONE),
    ],
)
def test_flow_classification(total, count, cents, flags, expected, state):
    assert classify_flow(total, count, cents, flags) == expected
    assert flow_tes_state(total, count, cents) == state


@pytest.mark.parametrize(
    "iuf,iuv,flow_found,payment_found,flags,expected",
    [
        ("", "", False, False, BOTH, Code.TES_NO_MATCH),
        ("IUF", "", False, False, BOTH, Code.TES_NO_IUF_OR_IUV),
        ("IUF", "", True, False, BOTH, None),
        ("", "IUV", False, False, BOTH, Code.TES_NO_IUF_OR_IUV),
        ("", "IUV", False, True, BOTH, None),
        ("IUF", "IUV", False, True, BOTH, None),
        ("", "", False, False, NO_T, None),
    ],
)
def test_treasury_classification(iuf, iuv, flow_found, payment_found, flags, expected):
    assert classify_treasury(iuf, iuv, flow_found, payment_found, flags) == expected


@pytest.mark.parametrize(
    "rows,expected",
    [
        ([("m1", 10000, 10150)], (1, 10000, 10150, 0)),
        ([("m1", 6000, 10000), ("m1", 4000, 10000)], (1, 10000, 10000, 0)),  # two transfers, one payment
        ([("m1", 10000, 10150), ("m2", 10000, 10150)], (2, 10000, 10150, 10000)),
        ([("m1", 10000, 10150), ("m2", 9000, 9100), ("m3", 1, 1)], (3, 10000, 10150, 9001)),
    ],
)
def test_summarise_receipts(rows, expected):
    assert summarise_receipts(rows) == expected


@pytest.mark.parametrize(
    "lines,expected",
    [
        ([(1, 10000)], (1, 10000, 0)),
        ([(1, 10000), (1, -10000)], (2, 0, 0)),  # revoked
        ([(1, 10000), (1, 10000)], (2, 10000, 10000)),  # reported twice
        ([(1, 10000), (1, 10000), (1, -10000)], (3, 10000, 0)),  # duplicate then revoked
        ([(1, 6000), (2, 4000)], (2, 10000, 0)),  # two transfers to this Ente
        ([(1, -500)], (1, -500, 0)),  # revocation of a payment reported elsewhere
    ],
)
def test_summarise_reports(lines, expected):
    assert summarise_reports(lines) == expected


def test_effective_credits_cancel_reversed_pairs():
    movements = [  # (id, status, source, esercizio/bolletta)
        (1, "ESEGUITO", "OPI", "2024/5001"),
        (2, "STORNATO", "OPI", "2024/5001"),
        (3, "ESEGUITO", "OPI", "2024/5002"),
        (4, "ESEGUITO", "CSV", ""),
        (5, "ESEGUITO", "CSV", ""),
        (6, "STORNATO", "OPI", "2024/9999"),  # reversal of a credit we never saw
        (7, "ESEGUITO", "OPI", "2023/9999"),  # same bolletta, another esercizio
        (8, "STORNATO", "OPI", ""),  # no bolletta: cancels nothing
    ]
    assert effective_credits(movements) == {3, 4, 5, 7}


def _journal_movement(operation: str, document: str, bill: str) -> dict:
    return {"movement_type": "ENTRATA", "document_type": "SOSPESO ENTRATA", "operation": operation,
            "document_number": document, "document_progressive": "1", "amount": "50.00", "bill_number": bill,
            "movement_date": "2024-01-16", "customer_name": "BANCA", "causale": "/RFB/012345678901234/50.00"}


@pytest.mark.parametrize("reversal,cancelled", [
    # MyPivot's LoadFlussoOPI (mypivot4-batch MANAGE_FLUSSI_TESORERIA/process/OPI/LoadFlussoOPI_1_0_0.1.item):
    # ESEGUITO -> INSERT_OR_UPDATE keyed (ente, de_anno_bolletta=esercizio, cod_bolletta=numero_bolletta_quietanza);
    # STORNATO -> DELETE of that same key. numero_documento plays no part.
    (("STORNATO", "777", "5001"), True),   # other document number, same bolletta: cancelled
    (("STORNATO", "100", "5002"), False),  # same document number, other bolletta: not cancelled
    (("STORNATO", "100", ""), False),      # no bolletta: MyPivot deletes the key "null", nothing
])
def test_a_treasury_reversal_pairs_as_mypivot_does(reversal, cancelled):
    from mypay_desk.formats.opi import parse_opi, write_opi

    data = write_opi("2024", "0300001", [_journal_movement("ESEGUITO", "100", "5001"), _journal_movement(*reversal)])
    credit, storno = parse_opi(data, "gdc.xml").records
    movements = [(1, credit.status, credit.source_kind, credit.bill_number),
                 (2, storno.status, storno.source_kind, storno.bill_number)]
    assert effective_credits(movements) == (set() if cancelled else {1})


def test_resolve_iuf():
    known = sorted(["2024-01-15ABI03069-0000000001", "2024-01-15ABI03069-0000000002", "2024-01-16BPPIITRRXXX-77"])
    assert resolve_iuf("2024-01-15ABI03069-0000000001", known) == "2024-01-15ABI03069-0000000001"
    assert resolve_iuf("2024-01-16BPPIITRR", known) == "2024-01-16BPPIITRRXXX-77"  # truncated
    assert resolve_iuf("2024-01-15ABI03069-00000000", known) == ""  # ambiguous
    assert resolve_iuf("2024-01-16BPPIITRRXXX-77ACCREDITO", known) == "2024-01-16BPPIITRRXXX-77"  # over-read
    assert resolve_iuf("2024-01-1", known) == ""  # too short to trust
    assert resolve_iuf("", known) == ""


def test_notification_and_due():
    assert is_notification("SUL_PORTALE", "", False)
    assert is_notification("NUOVO", "abc", False)
    assert not is_notification("NUOVO", "", False)
    assert is_notification("NUOVO", "", True)
    assert not is_notification("ANNULLATO", "abc", True)
    assert is_due(None, date(2024, 1, 1))
    assert is_due(date(2023, 12, 31), date(2024, 1, 1))
    assert not is_due(date(2024, 1, 1), date(2024, 1, 1))


def test_every_code_has_an_italian_label():
    assert len(ALL_CODES) == 14 and set(ALL_CODES) == set(Code)
    assert LABELS[Code.RT_IUF_TES] == "Pagamenti riversati cumulativamente"
    assert LABELS[Code.TES_NO_MATCH] == "Riversamenti di tesoreria sconosciuti"
    assert set(Flags(False, False).enabled()) == {Code.RT_IUF, Code.RT_NO_IUF, Code.IUV_NO_RT, Code.DOPPI}


# --- the streaming pass gives the same codes as the reference classifier ----------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from mypay_desk.domain.reconciliation import PassContext, classify_payments  # noqa: E402

AMOUNTS = st.sampled_from([1000, 1001, 2000])
KEY_DATA = st.fixed_dictionaries({
    "debts": st.lists(st.tuples(AMOUNTS, st.sampled_from([None, "2024-01-01", "2099-01-01"])), max_size=2),
    "receipts": st.lists(st.tuples(st.sampled_from(["m1", "m2"]), AMOUNTS), max_size=3),
    "lines": st.lists(st.tuples(st.sampled_from([1, 2]), st.sampled_from([1000, -1000, 2000]),
                                st.sampled_from([10, 11, 99])), max_size=3),
    "tes": st.one_of(st.none(), st.tuples(st.integers(1, 2), AMOUNTS)),
})


@settings(max_examples=300, deadline=None)
@given(st.lists(KEY_DATA, min_size=1, max_size=6), st.booleans(), st.booleans())
def test_pass_matches_reference(keys, notif, tes):
    flags = Flags(notif, tes)
    flows = {10: ("IUF10", TES_OK, 7), 11: ("IUF11", TES_DIFF, 8)}  # flow 99 is a superseded revision
    debts, receipts, lines, tes_by_iuv, expected = [], [], [], {}, {}
    did = rid = lid = 0
    for k, data in enumerate(keys):
        key = f"K{k:03d}"
        for amount, due in data["debts"]:
            did += 1
            debts.append((key, did, amount, due, "SUL_PORTALE", True, None))
        for pid, amount in data["receipts"]:
            rid += 1
            receipts.append((key, rid, amount, amount + 1, pid))
        for idx, amount, fdr in data["lines"]:
            lid += 1
            lines.append((key, lid, fdr, idx, amount))
        if data["tes"]:
            tes_by_iuv[key] = (data["tes"][0], data["tes"][1], 5)
        # reference facts
        e = summarise_receipts([(pid, a, a + 1) for pid, a in data["receipts"]]) if data["receipts"] else (0, 0, 0, 0)
        cur = [(idx, a, fdr) for idx, a, fdr in data["lines"] if fdr in flows]
        r = summarise_reports([(idx, a) for idx, a, _ in cur]) if cur else (0, 0, 0)
        states = {flows[f][1] for _, _, f in cur}
        r_tes = states.pop() if len(states) == 1 else (TES_DIFF if TES_DIFF in states else TES_NONE)
        n_i = len(data["debts"])
        i_cents = sum(a for a, _ in data["debts"]) // n_i if n_i else 0
        i_due = any(due is None or due < "2024-06-01" for _, due in data["debts"])
        t = data["tes"] or (0, 0)
        facts = PaymentFacts(n_i, i_cents, i_due, *e, *r, r_tes if cur else TES_NONE, t[0], t[1])
        expected[key] = classify_payment(facts, flags)
        if expected[key]:
            assert {c for c in expected[key]} <= payment_labels(facts, flags)
    ctx = PassContext(flags=flags, as_of="2024-06-01", flows=flows, tes_by_iuv=tes_by_iuv, paid_parents=set(),
                      with_paid_child=set())
    got = {key: [row[1] for row in rows] for key, rows in classify_payments(debts, receipts, lines, ctx)}
    assert got == {k: v for k, v in expected.items() if k in got}
    assert set(got) == {k for k, d in zip(expected, keys, strict=True)
                        if d["debts"] or d["receipts"] or d["lines"]}
