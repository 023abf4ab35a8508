"""Which columns of a bank-statement CSV hold date, amount, causale...: shown with a preview."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

# (mapping key, label shown through tr()); "causale2" is joined to "causale" with "+".
FIELDS = [
    ("date", QT_TRANSLATE_NOOP("CsvMappingDialog", "Data contabile (obbligatoria)")),
    ("value_date", QT_TRANSLATE_NOOP("CsvMappingDialog", "Data valuta")),
    ("amount", QT_TRANSLATE_NOOP("CsvMappingDialog", "Importo con segno")),
    ("credit", QT_TRANSLATE_NOOP("CsvMappingDialog", "Entrate / Avere")),
    ("debit", QT_TRANSLATE_NOOP("CsvMappingDialog", "Uscite / Dare")),
    ("causale", QT_TRANSLATE_NOOP("CsvMappingDialog", "Causale")),
    ("causale2", QT_TRANSLATE_NOOP("CsvMappingDialog", "Altra colonna di causale")),
    ("payer", QT_TRANSLATE_NOOP("CsvMappingDialog", "Ordinante")),
]


class CsvMappingDialog(QDialog):
    def __init__(self, preview: dict, file_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("csvMappingDialog")
        self.setWindowTitle(self.tr("Colonne dell'estratto conto"))
        headers: list[str] = preview.get("headers", [])
        guess: dict[str, str] = dict(preview.get("mapping", {}))
        causali = [c for c in guess.get("causale", "").split("+") if c]
        guess["causale"] = causali[0] if causali else ""
        guess["causale2"] = causali[1] if len(causali) > 1 else ""

        intro = QLabel(self.tr("Indica quali colonne di «{0}» contengono i dati del movimento. Servono la data e "
                               "l'importo (una colonna con segno, oppure entrate e uscite separate); lo IUF o "
                               "lo IUV vengono cercati nella causale.").format(file_name))
        intro.setWordWrap(True)
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for key, label in FIELDS:
            combo = QComboBox()
            combo.setObjectName(f"map_{key}")
            combo.addItem(self.tr("(nessuna)"), "")
            for h in headers:
                combo.addItem(h, h)
            combo.setCurrentIndex(max(0, combo.findData(guess.get(key, ""))))
            combo.currentIndexChanged.connect(self._validate)
            form.addRow(self.tr(label), combo)
            self.combos[key] = combo
        self.preview = QTableWidget(0, len(headers))
        self.preview.setObjectName("csvPreview")
        self.preview.setHorizontalHeaderLabels(headers)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for r, row in enumerate(preview.get("rows", [])):
            self.preview.insertRow(r)
            for c, value in enumerate(row[:len(headers)]):
                self.preview.setItem(r, c, QTableWidgetItem(value))
        self.message = QLabel()
        self.message.setProperty("role", "hint")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Importa"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annulla"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(QLabel(self.tr("Prime righe dopo l'intestazione (riga {0}):").format(
            preview.get("header_line", 1))))
        lay.addWidget(self.preview, 1)
        lay.addWidget(self.message)
        lay.addWidget(self.buttons)
        self.resize(760, 560)
        self._validate()

    def values(self) -> dict[str, str]:
        return {k: c.currentData() or "" for k, c in self.combos.items()}

    def mapping(self) -> dict[str, str]:
        """The mapping as the service reads it: {"date": header, ..., "causale": "A+B"}."""
        v = self.values()
        causale = "+".join(x for x in (v.pop("causale"), v.pop("causale2")) if x)
        if causale:
            v["causale"] = causale
        return {k: val for k, val in v.items() if val}

    def _validate(self) -> None:
        v = self.values()
        problem = ""
        if not v["date"]:
            problem = self.tr("Scegli la colonna della data.")
        elif not (v["amount"] or v["credit"]):
            problem = self.tr("Scegli la colonna dell'importo o quella delle entrate.")
        elif not (v["causale"] or v["causale2"]):
            problem = self.tr("Senza causale non si trovano IUF e IUV: i movimenti risulteranno sconosciuti.")
        self.message.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(v["date"] and (v["amount"]
                                                                                               or v["credit"])))
