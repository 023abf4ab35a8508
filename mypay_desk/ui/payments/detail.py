"""The detail pane of a receipt: the decoded receipt, the debt it paid, the export columns, the XML."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mypay_desk.domain.money import format_amount
from mypay_desk.ui.domain_text import domain_label, domain_text

# Values the service writes in Italian itself (the others are the receipt's own data).
_SERVICE_VALUES = frozenset({"Tipo di ricevuta", "Esito"})


def _service_fields(rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The receipt's (label, value) pairs from the service, in the interface language."""
    return [(domain_text(k), domain_label(v) if k in _SERVICE_VALUES else v) for k, v in rows]


def _table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><td style='color:#55606d;padding:2px 10px 2px 0;white-space:nowrap'>{escape(k)}</td>"
                    f"<td style='padding:2px 0'>{escape(v)}</td></tr>" for k, v in rows)
    return f"<table cellspacing='0'>{cells}</table>"


class ReceiptDetailPane(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("receiptDetail")
        self.title = QLabel(self.tr("Seleziona una ricevuta per vederne il dettaglio"))
        self.title.setObjectName("receiptDetailTitle")
        self.title.setWordWrap(True)
        self.tabs = QTabWidget()
        self.receipt_view = QTextBrowser()
        self.receipt_view.setObjectName("receiptDecoded")
        self.receipt_view.setOpenLinks(False)
        self.columns_table = QTableWidget(0, 2)
        self.columns_table.setObjectName("receiptColumns")
        self.columns_table.setHorizontalHeaderLabels([self.tr("Colonna"), self.tr("Valore")])
        self.columns_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.columns_table.verticalHeader().setVisible(False)
        self.columns_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.xml_view = QPlainTextEdit()
        self.xml_view.setObjectName("receiptXml")
        self.xml_view.setReadOnly(True)
        self.tabs.addTab(self.receipt_view, self.tr("Ricevuta"))
        self.tabs.addTab(self.columns_table, self.tr("Colonne dell'export"))
        self.tabs.addTab(self.xml_view, self.tr("XML"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.title)
        lay.addWidget(self.tabs, 1)
        self.detail = None

    def clear(self) -> None:
        self.detail = None
        self.title.setText(self.tr("Seleziona una ricevuta per vederne il dettaglio"))
        self.receipt_view.clear()
        self.columns_table.setRowCount(0)
        self.xml_view.clear()

    def show_detail(self, detail) -> None:
        """``detail`` is a services.receipts.ReceiptDetail."""
        self.detail = detail
        v = detail.view
        self.title.setText(self.tr("Ricevuta IUV {0} · {1}").format(v.iuv or "-", format_amount(v.amount_cents,
                                                                                              currency=True)))
        parts = [f"<h3>{escape(self.tr('Ricevuta'))}</h3>", _table(_service_fields(detail.fields))]
        if detail.problem:
            parts.append(f"<p style='color:#a33'>{escape(self.tr('La ricevuta XML non è leggibile:'))} "
                         f"{escape(detail.problem)}</p>")
        parts.append(f"<h3>{escape(self.tr('Dovuto'))}</h3>")
        if detail.debt:
            d = detail.debt
            rows = [(self.tr("IUD"), d["iud"]), (self.tr("IUV"), d["iuv"]), (self.tr("Debitore"), d["debtor_name"]),
                    (self.tr("Importo dovuto"), format_amount(d["amount_cents"], currency=True)),
                    (self.tr("Pagato"), format_amount(d["paid_amount_cents"], currency=True)),
                    (self.tr("Stato"), domain_label(d.get("state_label") or d["state"])), (self.tr("Causale"), d["causale"])]
            if d.get("instalment_number"):
                rows.insert(0, (self.tr("Rata"), str(d["instalment_number"])))
            if d.get("due_date"):
                rows.append((self.tr("Scadenza"), d["due_date"].strftime("%d/%m/%Y")))
            diff = d["paid_amount_cents"] - d["amount_cents"]
            if diff > 0:
                rows.append((self.tr("Eccedenza"), format_amount(diff, currency=True)))
            elif diff < 0:
                rows.append((self.tr("Ancora da pagare"), format_amount(-diff, currency=True)))
            parts.append(_table([(k, str(x)) for k, x in rows if x]))
        else:
            text = (self.tr("Pagamento incassato per conto di un altro Ente (ente secondario).")
                    if v.debt_type == "EXPORT_ENTE_SECONDARIO" else
                    self.tr("Nessun dovuto locale corrisponde a questa ricevuta (pagamento spontaneo o dovuto "
                            "non presente nelle liste): è elencata tra i non abbinati del tipo «{0}».")
                    .format(v.debt_type or "-"))
            parts.append(f"<p>{escape(text)}</p>")
        self.receipt_view.setHtml("".join(parts))
        self.columns_table.setRowCount(len(detail.columns))
        for i, (name, value) in enumerate(detail.columns):
            self.columns_table.setItem(i, 0, QTableWidgetItem(name))
            self.columns_table.setItem(i, 1, QTableWidgetItem(value))
        self.xml_view.setPlainText(detail.rt_xml or self.tr("(l'export non conteneva la ricevuta XML)"))
