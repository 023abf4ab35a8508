"""Reconciliation rules: MyPivot's classifications over plain records, amounts to the cent.

Four sources meet on a payment key (the IUV), named with MyPivot's block letters
(mypay4-interfaces.md §3.2-3.3):

- ``I`` the Ente's own notification: here a debt of the workspace (see :func:`is_notification`);
- ``E`` the receipt (RT) from the MyPay receipt export: single amount and total paid;
- ``R`` the PSP's reporting line (FdR ``datiSingoliPagamenti``) and its flow (IUF, declared total);
- ``T`` the treasury credit: matched to a flow by the IUF in its causale ("Tes-by-IUF"), or to a
  payment by the IUV of a single credit ("Tes-by-IUV").

Codes, Italian labels and rules are MyPivot's (table in §3.3). Where we had to choose:

- MyPivot lists a record under *every* code it satisfies (RT_IUF also lists fully reconciled
  payments). We keep only the most specific "positive" code of a payment
  (IUD_RT_IUF_TES > IUD_RT_IUF > RT_IUF_TES > RT_TES > RT_IUF), so that the summary partitions the
  payments and an operator's note sits on one row; anomaly codes (RT_NO_IUF, RT_NO_IUD, IUD_NO_RT,
  IUV_NO_RT, DOPPI) are added next to it. :func:`payment_labels` gives MyPivot's full set.
- IUF_NO_TES and IUF_TES_DIV_IMP are per flow (key = IUF, amount = the flow's declared total), not
  per line; TES_NO_IUF_OR_IUV and TES_NO_MATCH are per treasury movement.
- A debt is a notification once the portal holds (or held) it or a receipt names it; an unpaid one
  counts as IUD_NO_RT only after its due date (or when it has none), so open TARI instalments are not
  anomalies. A paid alternative silences the others: paying the single-payment option ("rata unica")
  silences its instalments, paying an instalment silences the rata unica.
- RT_NO_IUF is "R missing or different, and not credited by itself by IUV": MyPivot's wording
  ("no Tes-by-IUV") would leave a receipt whose single credit has the wrong amount with no code at
  all; this way every receipt gets at least one code (RT_IUF, RT_TES or RT_NO_IUF).
- Duplicates (DOPPI): more than one receipt for an IUV, or more than one executed FdR line for the
  same IUV and transfer index (net of revocations, code 3). The first occurrence is compared as usual;
  the DOPPI amount is what was paid in excess.
- A treasury reversal (STORNATO) cancels the credit with the same esercizio and bolletta (MyPivot).
- The flags: ``notifications`` (MyPivot flg_pagati) enables the codes that need I, ``treasury``
  (flg_tesoreria) those that need T.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import NamedTuple


class Code(StrEnum):
    IUD_RT_IUF_TES = "IUD_RT_IUF_TES"
    IUD_RT_IUF = "IUD_RT_IUF"
    RT_IUF_TES = "RT_IUF_TES"
    RT_IUF = "RT_IUF"
    RT_TES = "RT_TES"
    RT_NO_IUF = "RT_NO_IUF"
    RT_NO_IUD = "RT_NO_IUD"
    IUD_NO_RT = "IUD_NO_RT"
    IUV_NO_RT = "IUV_NO_RT"
    IUF_NO_TES = "IUF_NO_TES"
    IUF_TES_DIV_IMP = "IUF_TES_DIV_IMP"
    TES_NO_IUF_OR_IUV = "TES_NO_IUF_OR_IUV"
    TES_NO_MATCH = "TES_NO_MATCH"
    DOPPI = "DOPPI"


#: MyPivot's Italian labels (messages_it.properties), in MyPivot's order.
LABELS: dict[str, str] = {
    Code.IUD_RT_IUF_TES: "Pagamenti Notificati",
    Code.IUD_RT_IUF: "Pagamenti Notificati e Rendicontati",
    Code.RT_IUF_TES: "Pagamenti riversati cumulativamente",
    Code.RT_IUF: "Pagamenti Rendicontati",
    Code.RT_TES: "Pagamenti riversati puntualmente",
    Code.RT_NO_IUF: "Pagamenti non correttamente rendicontati",
    Code.RT_NO_IUD: "Pagamenti non correttamente notificati",
    Code.IUD_NO_RT: "Notifiche di pagamenti non eseguiti",
    Code.IUV_NO_RT: "Rendicontazioni di pagamenti non eseguiti",
    Code.IUF_NO_TES: "Rendicontazioni non correttamente riversate",
    Code.IUF_TES_DIV_IMP: "Rendicontazioni riversate con importo scorretto",
    Code.TES_NO_IUF_OR_IUV: "Riversamenti non rendicontati o di pagamenti non eseguiti",
    Code.TES_NO_MATCH: "Riversamenti di tesoreria sconosciuti",
    Code.DOPPI: "Pagamenti doppi",
}
ALL_CODES: tuple[str, ...] = tuple(LABELS)
NEEDS_NOTIFICATIONS = frozenset({Code.IUD_RT_IUF_TES, Code.IUD_RT_IUF, Code.RT_NO_IUD, Code.IUD_NO_RT})
NEEDS_TREASURY = frozenset({Code.IUD_RT_IUF_TES, Code.RT_IUF_TES, Code.RT_TES, Code.IUF_NO_TES,
                            Code.IUF_TES_DIV_IMP, Code.TES_NO_IUF_OR_IUV, Code.TES_NO_MATCH})
POSITIVE_ORDER: tuple[str, ...] = (Code.IUD_RT_IUF_TES, Code.IUD_RT_IUF, Code.RT_IUF_TES, Code.RT_TES,
                                   Code.RT_IUF)
PAYMENT_CODES = frozenset({*POSITIVE_ORDER, Code.RT_NO_IUF, Code.RT_NO_IUD, Code.IUD_NO_RT, Code.IUV_NO_RT,
                           Code.DOPPI})
FLOW_CODES = frozenset({Code.IUF_NO_TES, Code.IUF_TES_DIV_IMP})
TREASURY_CODES = frozenset({Code.TES_NO_IUF_OR_IUV, Code.TES_NO_MATCH})
#: Codes that need an operator's attention (the others are reconciled payments).
ANOMALY_CODES = frozenset(ALL_CODES) - frozenset(POSITIVE_ORDER)


def label(code: str) -> str:
    return LABELS.get(code, code)


@dataclass(frozen=True)
class Flags:
    notifications: bool = True  # MyPivot flg_pagati
    treasury: bool = True  # MyPivot flg_tesoreria

    def enabled(self) -> tuple[str, ...]:
        return tuple(c for c in ALL_CODES
                     if (self.notifications or c not in NEEDS_NOTIFICATIONS)
                     and (self.treasury or c not in NEEDS_TREASURY))


# Treasury-by-IUF state of the flows a payment was reported in.
TES_NONE = 0  # no flow, or no credit found for it
TES_OK = 1  # every flow credited with its declared total
TES_DIFF = 2  # a credit exists but its amount differs


class PaymentFacts(NamedTuple):
    """What the four sources say about one IUV. Amounts in cents."""

    i_count: int = 0  # notifications (debts) with this IUV
    i_cents: int = 0
    i_due: bool = True  # the debt is due (no due date, or past it)
    e_count: int = 0  # distinct receipts
    e_single: int = 0  # singoloImportoPagato of the first receipt
    e_total: int = 0  # importoTotalePagato of the first receipt
    e_excess: int = 0  # what further receipts paid
    r_count: int = 0  # FdR lines (after dropping superseded flow revisions)
    r_single: int = 0  # net reported amount (first execution per transfer index, minus revocations)
    r_excess: int = 0  # executions beyond the first per transfer index
    r_tes: int = TES_NONE  # Tes-by-IUF state of the flows of the lines
    t_count: int = 0  # treasury credits by IUV
    t_cents: int = 0


class Predicates(NamedTuple):
    """The comparisons MyPivot's rules are made of; the codes depend on nothing else."""

    has_i: bool
    has_e: bool
    has_r: bool
    eq_ie: bool  # notification amount = receipt single amount
    eq_er: bool  # receipt single amount = reported amount
    tes_iuf: bool  # the flows of the lines are credited with their declared total
    tes_iuv: bool  # a single credit by IUV equals the receipt's total
    i_due: bool
    dup: bool


def predicates(f: PaymentFacts) -> Predicates:
    has_i, has_e, has_r = f.i_count > 0, f.e_count > 0, f.r_count > 0
    return Predicates(
        has_i, has_e, has_r,
        has_i and has_e and f.i_cents == f.e_single,
        has_e and has_r and f.e_single == f.r_single,
        has_r and f.r_tes == TES_OK,
        has_e and f.t_count > 0 and f.t_cents == f.e_total,
        f.i_due,
        bool(f.e_excess or f.r_excess),
    )


def labels_for(p: Predicates, flags: Flags = Flags()) -> set[str]:
    """Every MyPivot code a payment with these predicates satisfies (MyPivot's overlapping semantics)."""
    has_i, has_e, has_r, eq_ie, eq_er, tes_iuf, tes_iuv, i_due, dup = p
    tes_iuf = flags.treasury and tes_iuf
    tes_iuv = flags.treasury and tes_iuv
    out: set[str] = set()
    if flags.notifications and eq_ie and ((eq_er and tes_iuf) or tes_iuv):
        out.add(Code.IUD_RT_IUF_TES)
    if flags.notifications and eq_ie and eq_er:
        out.add(Code.IUD_RT_IUF)
    if eq_er and tes_iuf:
        out.add(Code.RT_IUF_TES)
    if eq_er:
        out.add(Code.RT_IUF)
    spot = tes_iuv and not has_r  # credited by itself, nothing to report
    if spot:
        out.add(Code.RT_TES)
    if has_e and not eq_er and not spot:
        out.add(Code.RT_NO_IUF)
    if flags.notifications and has_e and not has_i:
        out.add(Code.RT_NO_IUD)
    if flags.notifications and has_i and ((not has_e and i_due) or (has_e and not eq_ie)):
        out.add(Code.IUD_NO_RT)
    if has_r and not has_e:
        out.add(Code.IUV_NO_RT)
    if dup:
        out.add(Code.DOPPI)
    return out


def payment_labels(f: PaymentFacts, flags: Flags = Flags()) -> set[str]:
    """Every MyPivot code the payment satisfies (MyPivot's overlapping semantics)."""
    return labels_for(predicates(f), flags)


def reduce_labels(labels: set[str]) -> list[str]:
    """The most specific positive code, then every anomaly, sorted."""
    out: list[str] = []
    for code in POSITIVE_ORDER:
        if code in labels:
            out.append(code)
            break
    out.extend(c for c in (Code.RT_NO_IUF, Code.RT_NO_IUD, Code.IUD_NO_RT, Code.IUV_NO_RT, Code.DOPPI)
               if c in labels)
    return sorted(out)


def classify_payment(f: PaymentFacts, flags: Flags = Flags()) -> list[str]:
    """The codes stored for a payment: its most specific positive code plus every anomaly (sorted)."""
    return reduce_labels(payment_labels(f, flags))


def payment_amount(code: str, f: PaymentFacts) -> int:
    """The amount shown for a payment under ``code``."""
    if code == Code.IUD_NO_RT:
        return f.i_cents
    if code == Code.IUV_NO_RT:
        return f.r_single
    if code == Code.DOPPI:
        return max(f.e_excess, f.r_excess)
    return f.e_single


def classify_flow(total_cents: int, tes_count: int, tes_cents: int, flags: Flags = Flags()) -> str | None:
    """IUF_NO_TES / IUF_TES_DIV_IMP for a reporting flow, or None when its credit matches."""
    if not flags.treasury:
        return None
    if tes_count == 0:
        return Code.IUF_NO_TES
    if tes_cents != total_cents:
        return Code.IUF_TES_DIV_IMP
    return None


def flow_tes_state(total_cents: int, tes_count: int, tes_cents: int) -> int:
    if tes_count == 0:
        return TES_NONE
    return TES_OK if tes_cents == total_cents else TES_DIFF


def classify_treasury(iuf: str, iuv: str, flow_found: bool, payment_found: bool,
                      flags: Flags = Flags()) -> str | None:
    """TES_NO_MATCH (no pagoPA reference at all) / TES_NO_IUF_OR_IUV (a reference nobody knows)."""
    if not flags.treasury:
        return None
    if not iuf and not iuv:
        return Code.TES_NO_MATCH
    if (iuf and flow_found) or (iuv and payment_found):
        return None
    return Code.TES_NO_IUF_OR_IUV


# --- building the facts ----------------------------------------------------------------------------

def summarise_receipts(rows: Sequence[tuple[str, int, int]]) -> tuple[int, int, int, int]:
    """(count, single, total, excess) from receipt rows ``(payment_id, single_cents, total_cents)``.

    Rows with the same payment id (receipt message id, else IUR) are transfers of one payment and are
    summed; further payment ids are duplicates whose paid amount is the excess.
    """
    if len(rows) == 1:
        _, single, total = rows[0]
        return 1, single, total, 0
    order: list[str] = []
    singles: dict[str, int] = {}
    totals: dict[str, int] = {}
    for pid, single, total in rows:
        if pid not in singles:
            order.append(pid)
            singles[pid] = 0
            totals[pid] = total
        singles[pid] += single
    first = order[0]
    excess = sum(singles[p] for p in order[1:])
    return len(order), singles[first], totals[first], excess


def summarise_reports(lines: Sequence[tuple[int, int]]) -> tuple[int, int, int]:
    """(count, net single, excess) from FdR lines ``(transfer_index, amount_cents)``.

    Per transfer index, a revocation (negative amount) cancels an execution of the same absolute
    amount; the first remaining execution is the payment, the others are duplicates. A revocation
    without its execution (reported in a flow we do not have) lowers the net amount.
    """
    if len(lines) == 1:
        return 1, lines[0][1], 0
    by_index: dict[int, list[int]] = {}
    for idx, amount in lines:
        by_index.setdefault(idx, []).append(amount)
    single = excess = 0
    for amounts in by_index.values():
        positives = [a for a in amounts if a > 0]
        for neg in (a for a in amounts if a < 0):
            if -neg in positives:
                positives.remove(-neg)
            else:
                single += neg
        if positives:
            single += positives[0]
            excess += sum(positives[1:])
    return len(lines), single, excess


def is_notification(state: str, portal_hash: str, has_receipt: bool) -> bool:
    """Whether a debt is an ``I`` record: the portal holds or held it, or a receipt names it."""
    if state in ("ANNULLATO",):
        return False
    if has_receipt:
        return True
    return bool(portal_hash) or state in NOTIFIED_STATES


#: Debt states (domain.debt_states) in which the portal holds the position.
NOTIFIED_STATES = frozenset({"SUL_PORTALE", "PAGATO", "PAGATO_PARZIALE", "SCADUTO"})


def is_due(due_date: date | None, as_of: date) -> bool:
    return due_date is None or due_date < as_of


def effective_credits(movements: Iterable[tuple[int, str, str, str]]) -> set[int]:
    """Ids of the credits still standing: ``(id, status, source_kind, bill_number)``.

    Each STORNATO cancels one ESEGUITO with the same source and the same ``esercizio`` +
    ``numero_bolletta_quietanza`` (``bill_number``, formats.opi), in id order, as MyPivot's treasury loader
    deletes the movement with that key (mypivot4-batch LoadFlussoOPI_1_0_0.1.item); the document number
    plays no part. Reversals themselves are never credits; one without a bolletta cancels nothing.
    """
    credits: dict[tuple[str, str], list[int]] = {}
    reversals: Counter[tuple[str, str]] = Counter()
    for mid, status, kind, doc in sorted(movements):
        if status == "STORNATO":
            if doc:
                reversals[(kind, doc)] += 1
        else:
            credits.setdefault((kind, doc), []).append(mid)
    out: set[int] = set()
    for key, ids in credits.items():
        cancelled = reversals.get(key, 0) if key[1] else 0
        out.update(ids[cancelled:])
    return out


MIN_PREFIX = 14  # date (10) + 4 characters of the PSP code: shorter fragments match too much


def resolve_iuf(candidate: str, known: Sequence[str]) -> str:
    """The known IUF a (possibly truncated or over-read) causale IUF stands for, or "".

    ``known`` must be sorted. Exact match first; then the single known IUF that starts with the
    candidate (bank field cut short); then the single known IUF the candidate starts with (text glued
    after it).
    """
    if not candidate:
        return ""
    i = bisect.bisect_left(known, candidate)
    if i < len(known) and known[i] == candidate:
        return candidate
    if len(candidate) >= MIN_PREFIX:
        j = i
        matches = []
        while j < len(known) and known[j].startswith(candidate) and len(matches) < 2:
            matches.append(known[j])
            j += 1
        if len(matches) == 1:
            return matches[0]
        longer = [k for k in _prefixes_of(candidate, known) if len(k) >= MIN_PREFIX]
        if len(longer) == 1:
            return longer[0]
    return ""


def _prefixes_of(candidate: str, known: Sequence[str]) -> list[str]:
    out = []
    for n in range(MIN_PREFIX, len(candidate)):
        prefix = candidate[:n]
        i = bisect.bisect_left(known, prefix)
        if i < len(known) and known[i] == prefix:
            out.append(prefix)
    return out


# --- the payment pass: merge the sorted sources and classify each IUV ---------------------------

_END = "\U0010ffff" * 40  # sorts after any key
_MASK = (1 << 64) - 1


def fingerprint(values: tuple) -> str:
    """A stable digest of a tuple of ints and bools (hash of ints does not depend on the process)."""
    return "%016x" % (hash(values) & _MASK)  # noqa: UP031 - twice as fast as format() in the hot loop


@dataclass
class PassContext:
    """What the payment pass needs besides the three streams."""

    flags: Flags
    as_of: str  # ISO date: unpaid debts due before it are IUD_NO_RT
    flows: dict[int, tuple[str, int, int]]  # current flow revision id -> (IUF, Tes-by-IUF state, credit id)
    tes_by_iuv: dict[str, tuple[int, int, int]]  # IUV -> (count, cents, first movement id)
    paid_parents: set[int]  # debts whose rata unica was paid: their instalments are silenced
    with_paid_child: set[int]  # debts with a paid instalment: the rata unica is silenced
    seen_tes_iuvs: set[str] | None = None  # filled: treasury IUVs that met a debt, receipt or line
    tick: Callable[[int], None] | None = None  # called every TICK keys with the keys done
    keys: int = 0  # filled: keys examined


TICK = 20_000
# Which amount a stored code shows: 0 receipt single, 1 notification, 2 reported, 3 duplicate excess.
_AMOUNT_OF = {Code.IUD_NO_RT: 1, Code.IUV_NO_RT: 2, Code.DOPPI: 3}


def group_sorted(stream: Iterable[tuple]) -> Iterator[tuple[str, list[tuple]]]:
    """(key, rows) for a stream sorted by its first column."""
    it = iter(stream)
    row = next(it, None)
    while row is not None:
        key = row[0]
        rows = [row]
        for row in it:  # noqa: B020 - the loop variable carries over on purpose
            if row[0] != key:
                break
            rows.append(row)
        else:
            row = None
        yield key, rows


def classify_payments(debts: Iterable[tuple], receipts: Iterable[tuple], lines: Iterable[tuple],
                      ctx: PassContext) -> Iterator[tuple[str, list[tuple]]]:
    """For each IUV in key order: the result rows to store (possibly none), codes sorted.

    Streams, each sorted by IUV (bytewise):
    - debts: ``(iuv, id, amount_cents, due_date_iso|None, state, has_portal_hash, parent_id)``
    - receipts: ``(iuv, id, single_cents, total_cents, payment_id)``
    - lines: ``(iuv, id, fdr_id, payment_index|None, amount_cents)``
    Result rows: ``(key, code, iuv, iuf, amount_cents, debt_id, receipt_id, fdr_line_id, treasury_id,
    fingerprint)``.

    This is the hot loop of a run (a million keys): the facts of :class:`PaymentFacts` are computed
    inline and the codes come from :func:`labels_for` memoised on the predicates, which is
    equivalent to :func:`classify_payment` (a test checks it).
    """
    flags = ctx.flags
    as_of = ctx.as_of
    flows = ctx.flows
    tes_get = ctx.tes_by_iuv.get
    paid_parents, with_paid_child = ctx.paid_parents, ctx.with_paid_child
    seen_tes = ctx.seen_tes_iuvs
    tick = ctx.tick
    memo: dict[tuple, tuple[tuple[str, int], ...]] = {}
    notified = NOTIFIED_STATES
    empty: list[tuple] = []
    end_row = (_END,)
    dit, eit, lit = iter(debts), iter(receipts), iter(lines)
    d = next(dit, end_row)
    e = next(eit, end_row)
    ln = next(lit, end_row)
    n = 0
    while True:
        key = d[0]
        if e[0] < key:
            key = e[0]
        if ln[0] < key:
            key = ln[0]
        if key == _END:
            ctx.keys = n
            return
        n += 1
        if tick is not None and not n % TICK:
            tick(n)
        # E: receipts
        if e[0] == key:
            e_rows = [e]
            e = next(eit, end_row)
            while e[0] == key:
                e_rows.append(e)
                e = next(eit, end_row)
            receipt_id = e_rows[0][1]
            if len(e_rows) == 1:
                e_count, e_single, e_total, e_excess = 1, e_rows[0][2], e_rows[0][3], 0
            else:
                e_count, e_single, e_total, e_excess = summarise_receipts([(r[4], r[2], r[3]) for r in e_rows])
        else:
            e_count = e_single = e_total = e_excess = receipt_id = 0
        # I: notifications
        i_count = i_cents = debt_id = 0
        i_due = False
        while d[0] == key:
            _, did, amount, due, state, has_hash, parent = d
            d = next(dit, end_row)
            if not e_count and ((parent is not None and parent in paid_parents) or did in with_paid_child):
                continue  # an alternative (rata unica / instalment) was paid
            if not (e_count or has_hash or state in notified):
                continue
            if not debt_id:
                debt_id = did
            i_count += 1
            i_cents += amount
            if due is None or due < as_of:
                i_due = True
        if i_count > 1:
            i_cents //= i_count  # the same position notified twice: compare one of them
        # R: reporting lines of current flow revisions
        r_count = r_single = r_excess = line_id = flow_tes_id = 0
        r_tes = TES_NONE
        iuf = ""
        if ln[0] == key:
            l_rows = []
            while ln[0] == key:
                if ln[2] in flows:
                    l_rows.append(ln)
                ln = next(lit, end_row)
            if l_rows:
                first = l_rows[0]
                line_id = first[1]
                iuf, r_tes, flow_tes_id = flows[first[2]]
                if len(l_rows) == 1:
                    r_count, r_single = 1, first[4]
                else:
                    r_count, r_single, r_excess = summarise_reports([(r[3] or 1, r[4]) for r in l_rows])
                    for r in l_rows[1:]:
                        state = flows[r[2]][1]
                        if state != r_tes:
                            r_tes = TES_DIFF if TES_DIFF in (state, r_tes) else TES_NONE
        # T: single credits by IUV
        t = tes_get(key)
        if t is None:
            t_count = t_cents = 0
            tes_id = flow_tes_id  # the cumulative credit of the flow, if any
        else:
            t_count, t_cents, tes_id = t
            if seen_tes is not None:
                seen_tes.add(key)
        has_i, has_e, has_r = i_count > 0, e_count > 0, r_count > 0
        pred = (has_i, has_e, has_r,
                has_i and has_e and i_cents == e_single,
                has_e and has_r and e_single == r_single,
                has_r and r_tes == TES_OK,
                has_e and t_count > 0 and t_cents == e_total,
                i_due, bool(e_excess or r_excess))
        codes = memo.get(pred)
        if codes is None:
            codes = memo[pred] = tuple(
                (c, _AMOUNT_OF.get(c, 0)) for c in reduce_labels(labels_for(Predicates(*pred), flags)))
        if not codes:
            yield key, empty
            continue
        fp = "%016x" % (hash((i_count, i_cents, i_due, e_count, e_single, e_total, e_excess, r_count,  # noqa: UP031
                               r_single, r_excess, r_tes, t_count, t_cents, debt_id, receipt_id, line_id, tes_id))
                         & _MASK)
        amounts = (e_single, i_cents, r_single, e_excess if e_excess > r_excess else r_excess)
        if len(codes) == 1:  # most keys: one code, no comprehension
            c, a = codes[0]
            yield key, [(key, c, key, iuf, amounts[a], debt_id or None, receipt_id or None, line_id or None,
                         tes_id or None, fp)]
            continue
        yield key, [(key, c, key, iuf, amounts[a], debt_id or None, receipt_id or None, line_id or None,
                     tes_id or None, fp) for c, a in codes]
