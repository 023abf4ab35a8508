"""Receipts: import MyPay receipt exports (by hand or from the portal), match them to local debts,
and the queries behind the Pagamenti page and ``receipts list``.

Matching: a receipt finds its debt of the same Ente by IUD, then by IUV. The debt becomes PAGATO
(PAGATO_PARZIALE when the receipts cover less than its amount; more than its amount is an excess,
shown as such) with paid amount, date and PSP. Instalments are debts of their own and are matched
individually; the parent follows its instalments. Receipts with no local debt (spontaneous
payments) stay unmatched and are listed by tipo dovuto; they are matched later if the debt
appears (every import first retries the unmatched ones). Rows of 1.3 exports for secondary Enti
(tipoDovuto EXPORT_ENTE_SECONDARIO) are payments collected by another Ente: never matched.

Dedupe: each receipt has a key (receipt message id or IUR, IUV, IUD, secondary Ente); a receipt
already stored is skipped, so importing the same export twice adds nothing.
"""

from __future__ import annotations

from mypay_desk.services.receipts.download import FIRST_SYNC_DAYS, ReceiptDownload
from mypay_desk.services.receipts.importing import ReceiptImporting
from mypay_desk.services.receipts.queries import ReceiptQueries
from mypay_desk.services.receipts.receipt_rows import dedupe_key
from mypay_desk.services.receipts.views import (
    MATCH_LABELS,
    CollectionPoint,
    ImportReport,
    ReceiptDetail,
    ReceiptFilters,
    ReceiptQuery,
    ReceiptTotals,
    ReceiptView,
    SyncReport,
)


class ReceiptService(ReceiptImporting, ReceiptQueries, ReceiptDownload):
    """``ws.receipts``: import (files and portal downloads), queries and exports of receipts."""


__all__ = [
    "FIRST_SYNC_DAYS", "MATCH_LABELS", "CollectionPoint", "ImportReport", "ReceiptDetail", "ReceiptFilters",
    "ReceiptQuery", "ReceiptService", "ReceiptTotals", "ReceiptView", "SyncReport", "dedupe_key",
]
