"""The detail of a result: debt, receipt, FdR line and treasury movement side by side, the note and
the "risolto" mark."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mypay_desk.domain.money import format_amount
from mypay_desk.ui.domain_text import domain_label, domain_text


def _tr(text: str) -> str:
    """Titles, field names and explanations that come from the service, in the interface language."""
    return domain_text(text)


def _value(label: str, value: str) -> str:
    """A value the service wrote in Italian (source, outcome, totals); the records' own data stay as they are."""
    if label == "Esito":  # "<code> <label>"
        code, _sep, text = value.partition(" ")
        return f"{code} {domain_label(text)}" if text else value
    if label == "Accrediti per questo flusso":
        return domain_text(value)
    return domain_label(value) if label == "Fonte" else value


class RecordBox(QGroupBox):
    """One record as a form of label/value pairs (values selectable, to copy an IUV or a causale)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # On a narrow screen a long code goes under its label rather than being cut (codes have no spaces).
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.values: dict[str, str] = {}

    def show_record(self, record) -> None:
        self.setTitle(_tr(record.title))
        while self.form.rowCount():
            self.form.removeRow(0)
        self.values = {}
        self.setProperty("present", record.present)
        if not record.present:
            missing = QLabel(_tr(record.missing_reason))
            missing.setWordWrap(True)
            missing.setProperty("role", "hint")
            self.form.addRow(missing)
            return
        for label, value in record.fields:
            v = QLabel(_value(label, value))
            # A code (no spaces) keeps its whole width, so a narrow box puts it under its label instead.
            v.setWordWrap(" " in v.text())
            v.setToolTip(v.text())
            v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(_tr(label), v)
            self.values[label] = value


class ResultDetailPane(QWidget):
    note_saved = Signal(int, str)  # result id, text
    resolved_toggled = Signal(int, bool)  # result id, resolved

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reconciliationDetail")
        self.detail = None
        self.title = QLabel()
        self.title.setObjectName("reconciliationDetailTitle")
        self.title.setWordWrap(True)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setProperty("role", "hint")
        self.boxes = [RecordBox() for _ in range(4)]
        for box, name in zip(self.boxes, ("debtBox", "receiptBox", "fdrBox", "treasuryBox"), strict=True):
            box.setObjectName(name)
            box.setMinimumWidth(260)  # narrower windows scroll sideways instead of cutting IUVs
        row = QWidget()
        row_lay = QHBoxLayout(row)
        row_lay.setContentsMargins(0, 0, 0, 0)
        for box in self.boxes:
            row_lay.addWidget(box, 1, Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(row)

        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("reconciliationNote")
        self.note_edit.setPlaceholderText(self.tr("Nota dell'operatore (es. «sollecitato il PSP il 12/03»)"))
        self.note_edit.setMaximumHeight(70)
        self.save_note_button = QPushButton(self.tr("Salva nota"))
        self.save_note_button.setObjectName("saveNote")
        self.resolve_button = QPushButton(self.tr("Segna come risolto"))
        self.resolve_button.setObjectName("toggleResolved")
        self.resolved_label = QLabel()
        self.resolved_label.setObjectName("resolvedLabel")
        self.save_note_button.clicked.connect(self._save_note)
        self.resolve_button.clicked.connect(self._toggle_resolved)
        buttons = QVBoxLayout()
        buttons.addWidget(self.save_note_button)
        buttons.addWidget(self.resolve_button)
        buttons.addStretch(1)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_edit, 1)
        note_row.addLayout(buttons)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.title)
        lay.addWidget(self.explanation)
        lay.addWidget(scroll, 1)
        lay.addLayout(note_row)
        lay.addWidget(self.resolved_label)
        self.clear()

    def clear(self) -> None:
        self.detail = None
        self.title.setText(self.tr("Seleziona un pagamento per confrontare dovuto, ricevuta, rendicontazione e "
                               "tesoreria"))
        self.explanation.clear()
        for box in self.boxes:
            box.setTitle("")
            box.show_record(_Empty())
        self.note_edit.clear()
        self.resolved_label.clear()
        for w in (self.note_edit, self.save_note_button, self.resolve_button):
            w.setEnabled(False)

    def show_detail(self, detail) -> None:
        self.detail = detail
        it = detail.item
        self.title.setText(f"<b>{it.code}</b> · {_tr(it.label)} · {it.key} · "
                           f"{format_amount(it.amount_cents, currency=True)}")
        self.explanation.setText(_tr(detail.explanation))
        for box, record in zip(self.boxes, detail.records, strict=True):
            box.show_record(record)
        self.note_edit.setPlainText(it.note)
        for w in (self.note_edit, self.save_note_button, self.resolve_button):
            w.setEnabled(True)
        self._show_resolved(it.resolved, it.resolved_by, it.resolved_at)

    def _show_resolved(self, resolved: bool, by: str, at) -> None:
        if resolved:
            when = f" {at:%d/%m/%Y %H:%M}" if at else ""
            self.resolved_label.setText(self.tr("Risolto da {0}{1}").format(by, when))
            self.resolve_button.setText(self.tr("Riapri"))
        else:
            self.resolved_label.setText(self.tr("Da verificare"))
            self.resolve_button.setText(self.tr("Segna come risolto"))

    def _save_note(self) -> None:
        if self.detail is not None:
            self.note_saved.emit(self.detail.item.id, self.note_edit.toPlainText())

    def _toggle_resolved(self) -> None:
        if self.detail is not None:
            self.resolved_toggled.emit(self.detail.item.id, not self.detail.item.resolved)


class _Empty:
    title = ""
    present = False
    fields: list = []
    missing_reason = ""
