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
- A treasury reversal (STORNATO) cancels the credit with the same document number.
- The flags: ``notifications`` (MyPivot flg_pagati) enables the codes that need I, ``treasury``
  (flg_tesoreria) those that need T.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Sequence
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


def payment_labels(f: PaymentFacts, flags: Flags = Flags()) -> set[str]:
    """Every MyPivot code the payment satisfies (MyPivot's overlapping semantics)."""
    has_i, has_e, has_r = f.i_count > 0, f.e_count > 0, f.r_count > 0
    eq_ie = has_i and has_e and f.i_cents == f.e_single
    eq_er = has_e and has_r and f.e_single == f.r_single
    tes_iuf = flags.treasury and has_r and f.r_tes == TES_OK
    tes_iuv = flags.treasury and has_e and f.t_count > 0 and f.t_cents == f.e_total
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
    if flags.notifications and has_i and ((not has_e and f.i_due) or (has_e and f.i_cents != f.e_single)):
        out.add(Code.IUD_NO_RT)
    if has_r and not has_e:
        out.add(Code.IUV_NO_RT)
    if f.e_excess or f.r_excess:
        out.add(Code.DOPPI)
    return out


def classify_payment(f: PaymentFacts, flags: Flags = Flags()) -> list[str]:
    """The codes stored for a payment: its most specific positive code plus every anomaly."""
    labels = payment_labels(f, flags)
    out: list[str] = []
    for code in POSITIVE_ORDER:
        if code in labels:
            out.append(code)
            break
    out.extend(c for c in (Code.RT_NO_IUF, Code.RT_NO_IUD, Code.IUD_NO_RT, Code.IUV_NO_RT, Code.DOPPI)
               if c in labels)
    return out


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
    """Ids of the credits still standing: ``(id, status, source_kind, document_number)``.

    Each STORNATO cancels one ESEGUITO with the same source and document number (in id order);
    reversals themselves are never credits.
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
