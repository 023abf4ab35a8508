"""What the Ente's adhesion mode allows (ARCHITECTURE.md, "The three adhesion modes").

Screens and actions the mode does not allow are hidden, not broken: pages ask ``allows(mode, feature)``
before showing an action, the main window asks ``area_visible(area, mode)`` for the navigation.

- base: citizens pay spontaneously on the portal; receipts and reconciliation only.
- flussi: plus debt lists, flows with I/M/A actions, notices.
- ente: plus single debts sent immediately and "start payment" (link/QR) at the desk.
"""

from __future__ import annotations

BASE, FLUSSI, ENTE = "base", "flussi", "ente"

FEATURES = {
    "debt_lists": {FLUSSI, ENTE},
    "flows": {FLUSSI, ENTE},
    "notices": {FLUSSI, ENTE},
    "start_payment": {ENTE},
    "immediate_debt": {ENTE},
    "receipts": {BASE, FLUSSI, ENTE},
    "reconciliation": {BASE, FLUSSI, ENTE},
}

# Navigation area -> the feature it needs (areas not listed are always there).
AREA_FEATURE = {"lists": "debt_lists"}


def allows(mode: str | None, feature: str) -> bool:
    if feature not in FEATURES:
        raise KeyError(f"funzione sconosciuta: {feature}")
    return (mode or FLUSSI) in FEATURES[feature]


def area_visible(area: str, mode: str | None) -> bool:
    feature = AREA_FEATURE.get(area)
    return feature is None or allows(mode, feature)
