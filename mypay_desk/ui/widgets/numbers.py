"""Counts as Italian text ("1.354"): numbers keep the Italian locale whatever the language (see ui/i18n.py)."""

from __future__ import annotations

from PySide6.QtCore import QLocale

_ITALIAN = QLocale(QLocale.Language.Italian, QLocale.Country.Italy)


def format_count(n: int) -> str:
    """1354 -> "1.354" (the grouping %Ln gives inside translated texts)."""
    return _ITALIAN.toString(int(n))
