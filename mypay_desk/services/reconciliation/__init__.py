"""Reconciliation: import PSP reporting flows and treasury credits, classify every payment with
MyPivot's codes, and the drill-down, notes, "risolto" marks and exports of the Riconciliazione page.

Imports (``import_file``) recognise the file by its content: FlussoRiversamento XML (one file, a ZIP
of them or a folder), OPI giornale di cassa XML, or a bank-statement CSV (with an optional column
mapping). A file already imported (same SHA-256) adds nothing, and so does every flow (IUF + date and
time) or treasury movement (dedupe key) already stored. A bad or hostile file is refused with the
reason and nothing is written; in a ZIP or a folder the readable documents are imported and each
unreadable one is reported by name.

A run (``run``) writes only the results whose inputs changed, keeping operator notes and "risolto"
marks; when a payment moves to another code, its note follows it. On SQLite it also reads only what
changed: the payment keys touched since the last run (new or edited debts and receipts, FdR flows,
treasury credits, the date moving on) and their rata unica or instalments are classified again; the
first run, a change of the flags or ``full=True`` classify every key (the sources are streamed, not
loaded; a big full run uses a second process when a core is free). Rules: domain/reconciliation.py.
"""

from __future__ import annotations

from mypay_desk.services.reconciliation.engine import ReconciliationRun
from mypay_desk.services.reconciliation.exports import ReconciliationExports
from mypay_desk.services.reconciliation.importing import ReconciliationImporting
from mypay_desk.services.reconciliation.queries import ReconciliationQueries
from mypay_desk.services.reconciliation.views import (
    EXPLANATIONS,
    KIND_LABELS,
    CodeSummary,
    ImportIssue,
    ImportReport,
    RecordView,
    ResultDetail,
    ResultItem,
    RunReport,
    iter_codes,
)


class ReconciliationService(ReconciliationImporting, ReconciliationRun, ReconciliationQueries, ReconciliationExports):
    """``ws.reconciliation``: imports, the classification run, the drill-down and the exports."""


__all__ = ["EXPLANATIONS", "KIND_LABELS", "CodeSummary", "ImportIssue", "ImportReport", "RecordView",
           "ReconciliationService", "ResultDetail", "ResultItem", "RunReport", "iter_codes"]
