"""The local life cycle of a debt and the flow action it is waiting for.

The app, not the office, works out which rows the next flow must carry: ``pending_action`` compares
what the portal last accepted (``portal_hash``, a :func:`mypay_desk.domain.debts.flow_hash`) with the
debt as it is now.

States (stored in ``Debt.state``):

- ``NUOVO``: prepared locally, never accepted by the portal.
- ``IN_INVIO``: in a flow being sent (the sync sets it; the portal has not answered yet).
- ``SUL_PORTALE``: the portal holds it as last accepted (changes since then are a pending M).
- ``RIFIUTATO``: the portal rejected the last flow row for it (the reason is in portal_error_*).
- ``ANNULLATO``: cancelled (on the portal, or locally only if the portal never had it).
- ``PAGATO`` / ``PAGATO_PARZIALE``: a receipt says it was paid (fully / in part).
- ``SCADUTO``: the portal reports the position expired unpaid.
"""

from __future__ import annotations

from enum import StrEnum


class DebtState(StrEnum):
    NUOVO = "NUOVO"
    IN_INVIO = "IN_INVIO"
    SUL_PORTALE = "SUL_PORTALE"
    RIFIUTATO = "RIFIUTATO"
    ANNULLATO = "ANNULLATO"
    PAGATO = "PAGATO"
    PAGATO_PARZIALE = "PAGATO_PARZIALE"
    SCADUTO = "SCADUTO"


STATE_LABELS: dict[str, str] = {
    DebtState.NUOVO: "Nuovo (non inviato)",
    DebtState.IN_INVIO: "In invio",
    DebtState.SUL_PORTALE: "Sul portale",
    DebtState.RIFIUTATO: "Rifiutato dal portale",
    DebtState.ANNULLATO: "Annullato",
    DebtState.PAGATO: "Pagato",
    DebtState.PAGATO_PARZIALE: "Pagato in parte",
    DebtState.SCADUTO: "Scaduto",
}

ACTION_LABELS: dict[str, str] = {
    "I": "Da inserire",
    "M": "Da modificare",
    "A": "Da annullare",
}

#: States in which nothing more can be sent for the debt.
FINAL_STATES = frozenset({DebtState.ANNULLATO, DebtState.PAGATO})
#: The states only receipts decide (store.repositories.receipts.recompute_debts): no other write, a flow's
#: outcome included, takes a debt out of them (the money came; store.repositories.portal.apply_rows).
PAID_STATES = frozenset({DebtState.PAGATO, DebtState.PAGATO_PARZIALE})
#: ``portal_hash`` of a debt the portal turned out to hold already (an insert refused because the portal has its IUD,
#: e.g. from a flow whose outcome was never known) in a version not known here. Never a flow hash, so the debt
#: counts as on the portal and its next flow sends the list's version as a modification (M).
UNKNOWN_PORTAL_CONTENT = "?"
#: States in which the debt's fields may still be edited.
EDITABLE_STATES = frozenset({DebtState.NUOVO, DebtState.SUL_PORTALE, DebtState.RIFIUTATO, DebtState.SCADUTO})


def state_label(state: str) -> str:
    return STATE_LABELS.get(state, state)


def pending_action(state: str, cancel_requested: bool, portal_hash: str, current_hash: str) -> str | None:
    """The action the next flow must carry for a debt: ``"I"``, ``"M"``, ``"A"`` or None.

    - I: the portal never accepted it (no ``portal_hash``);
    - M: it changed since the portal accepted it;
    - A: cancellation was requested and the portal holds it. A cancelled debt the portal never had
      needs no flow row (the caller just marks it ANNULLATO locally), so the answer is None.
    Paid, cancelled and in-flight debts have nothing pending (a paid debt cannot be changed on the
    portal; an in-flight one waits for the outcome of its flow).
    """
    if state in FINAL_STATES or state == DebtState.IN_INVIO:
        return None
    if state == DebtState.PAGATO_PARZIALE:
        return None
    if cancel_requested:
        return "A" if portal_hash else None
    if not portal_hash:
        return "I"
    if portal_hash != current_hash:
        return "M"
    return None


def is_editable(state: str) -> bool:
    return state in EDITABLE_STATES
