"""Amounts as Italian offices type them ("1.234,56", "45,5", "45,50 €"), read with the domain's rule."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from mypay_desk.domain.money import MoneyError, format_amount, parse_amount
from mypay_desk.ui.domain_text import domain_text
from mypay_desk.ui.widgets.checked_edit import CheckedLineEdit


def parse_user_amount(text: str) -> int:
    """Cents of an amount typed by a person; ValueError with a message in the interface language."""
    try:
        return parse_amount(text)
    except MoneyError as exc:
        raise ValueError(domain_text(str(exc))) from None


class AmountLineEdit(CheckedLineEdit):
    """An amount in euro typed freely; refused (at the field) when it does not read."""

    allowed_chars = r"0-9.,€ \-"

    def __init__(self, parent: QWidget | None = None, *, allow_empty: bool = True):
        super().__init__(parent, allow_empty=allow_empty)
        self.setMaxLength(24)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText("0,00")

    def parse(self, text: str) -> int:
        return parse_user_amount(text)

    def format(self, value: int) -> str:
        return format_amount(value)

    def empty_message(self) -> str:
        return self.tr("Scrivi un importo (per esempio 1.234,56)")

    def cents(self) -> int | None:
        return self.value()
