"""What the lists page says under and inside the table: how many debts, how many to send, and what to
do when the table shows nothing (no list, an empty list, a filter that hides everything)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from mypay_desk.ui.widgets.numbers import format_count


class ListTexts(QObject):
    def counts(self, shown: int, total: int, filtered: bool, pending: int | None, invalid: int) -> str:
        """"3.003 dovuti · 9 da inviare · 1 con errori"; ``pending`` by the sync's rule (the status bar's)."""
        if filtered:
            parts = [self.tr("%Ln dovuti su {0} (filtro attivo)", "", shown).format(format_count(total))]
        else:
            parts = [self.tr("%Ln dovuti", "", shown)]
        if pending is not None:
            parts.append(self.tr("%Ln da inviare", "", pending))
        if invalid:
            parts.append(self.tr("%Ln con errori", "", invalid))
        return " · ".join(parts)

    def empty(self, has_list: bool, rows: int, loading: bool, filtered: bool) -> str:
        """What to do when the table shows nothing ("" when it shows rows)."""
        if not has_list:
            return self.tr("Nessuna lista. Crea una lista con «Nuova lista…» oppure importa un file con "
                           "«Importa…» (Ctrl+I): Excel, CSV o un flusso MyPay.")
        if rows or loading:
            return ""
        if filtered:
            return self.tr("Nessun dovuto corrisponde ai filtri: «Azzera» li toglie.")
        return self.tr("La lista è vuota. Premi «Nuovo dovuto» (Ctrl+Maiusc+N) e scrivi il primo dovuto, "
                       "incolla righe copiate da Excel (Ctrl+V) oppure importa un file con «Importa…» "
                       "(Ctrl+I) o trascinandolo qui.")
