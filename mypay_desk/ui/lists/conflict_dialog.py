"""The dialog for an edit refused because another desk changed the same debts meanwhile.

It says who changed them and when, and shows, field by field, the value stored now next to the one
the user typed. "Tieni i valori attuali" (the default) keeps what is stored; "Applica i miei valori"
stores the user's values on top, as a new edit made knowingly on the current version.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mypay_desk.services.conflicts import DebtConflict, DebtConflictError, value_text
from mypay_desk.ui.domain_text import domain_label
from mypay_desk.ui.lists.columns import DebtColumn, build_columns, display_value

MAX_ROWS = 200  # lines shown; a bigger conflict (a bulk change) says how many more


class ConflictDialog(QDialog):
    def __init__(self, error: DebtConflictError, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Dovuti modificati da un'altra postazione"))
        self.conflicts = error.conflicts
        self.apply_mine = False
        columns = {c.field: c for c in build_columns()}

        first = self.conflicts[0]
        who = first.changed_by or self.tr("un'altra postazione")
        when = ""
        if first.changed_at is not None:
            local = first.changed_at.replace(tzinfo=UTC).astimezone()
            when = self.tr(" alle {0}").format(local.strftime("%H:%M:%S"))
        n = len(self.conflicts)
        head = QLabel(self.tr("Mentre li modificavi, %n dovuti sono stati modificati da {0}{1}.", "", n)
                      .format(who, when) + " " + self.tr("Le tue modifiche non sono state salvate: ecco cosa c'è "
                                                         "adesso e cosa volevi scrivere."))
        head.setObjectName("conflictText")
        head.setWordWrap(True)

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("conflictTable")
        self.table.setHorizontalHeaderLabels([self.tr("Dovuto"), self.tr("Campo"), self.tr("Valore attuale"),
                                              self.tr("Il tuo valore"), self.tr("Modificato da")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        shown = 0
        for c in self.conflicts:
            for name, wanted in (c.wanted or {"": None}).items():
                if shown >= MAX_ROWS:
                    break
                self._add_line(c, name, wanted, columns.get(name))
                shown += 1
        total = sum(max(1, len(c.wanted)) for c in self.conflicts)
        more = QLabel(self.tr("… e altre %n righe.", "", total - shown)) if total > shown else None

        hint = QLabel(self.tr("«Tieni i valori attuali» lascia quanto salvato dall'altra postazione. «Applica i miei "
                              "valori» scrive i tuoi sopra i suoi."))
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        buttons = QDialogButtonBox()
        self.keep_button = buttons.addButton(self.tr("Tieni i valori attuali"), QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_button.setObjectName("keepCurrentButton")
        self.apply_button = buttons.addButton(self.tr("Applica i miei valori"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("applyMineButton")
        self.apply_button.setEnabled(any(c.wanted for c in self.conflicts))
        self.keep_button.setDefault(True)
        buttons.accepted.connect(self._apply)
        buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(self.table, 1)
        if more is not None:
            lay.addWidget(more)
        lay.addWidget(hint)
        lay.addWidget(buttons)
        self.resize(820, min(520, 200 + 30 * shown))

    def _add_line(self, c: DebtConflict, name: str, wanted, col: DebtColumn | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        label = c.label
        if c.current.debtor_name and "debtor_name" not in c.wanted:  # the name, unless it is what collided
            label += f" — {c.current.debtor_name}"
        if not name:  # a change refused as a whole (instalments): no single field
            cells = [label, self.tr("rate"), "", "", c.changed_by]
        elif col is not None:
            try:
                mine = display_value(col, replace(c.current, **{name: wanted}))
            except TypeError:
                mine = value_text(name, wanted)
            cells = [label, col.header, display_value(col, c.current) or self.tr("(vuoto)"),
                     mine or self.tr("(vuoto)"), c.changed_by]
        else:
            cells = [label, domain_label(name), value_text(name, c.current_value(name)), value_text(name, wanted),
                     c.changed_by]
        for i, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if i == 2:
                item.setData(Qt.ItemDataRole.ToolTipRole, self.tr("Salvato da {0}").format(c.changed_by or "?"))
            self.table.setItem(row, i, item)

    def _apply(self) -> None:
        self.apply_mine = True
        self.accept()


def _exec(dialog: ConflictDialog) -> None:
    """Show the dialog modally (tests replace this to answer it without blocking)."""
    dialog.exec()


def ask(parent: QWidget | None, error: DebtConflictError) -> bool:
    """Show the conflict; True when the user chose to apply their values on top."""
    dialog = ConflictDialog(error, parent)
    _exec(dialog)
    return dialog.apply_mine
