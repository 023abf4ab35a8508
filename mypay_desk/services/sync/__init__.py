"""Keeping the portal aligned: debt flows with the pending I/M/A of a list, single debts, payments.

A push works out the pending changes of a list (``pending_action``: I for debts the portal never
accepted, M for debts whose flow hash differs from ``portal_hash``, A for cancellations), writes the
flow (its rows and its ZIP) to the database *before* talking to the portal, then walks the flow
through these states, each saved as soon as it is reached:

``PREPARATO``    recorded locally; nothing of it can be on the portal. Resuming authorises and
                 uploads. A failure here (or a cancel) forgets the flow and frees its debts.
``AUTORIZZATO``  an upload with the saved requestToken was attempted and its outcome is unknown.
                 Resuming never re-sends blindly: it asks paaSILChiediStatoImportFlusso with that
                 token; a known state means the file arrived (-> CARICATO); PAA_REQUEST_TOKEN_NON_VALIDO
                 (asked a few times, spaced out) means it did not (-> PREPARATO, fresh tokens, upload).
``CARICATO``     the portal has the file; resuming polls its state with back-off.
``ELABORATO``    outcome applied: accepted rows get IUV, numero avviso, SUL_PORTALE and portal_hash;
                 rejected rows get the portal's code and message (RIFIUTATO).
``ERRORE``       the portal refused the whole file (IMPORT_ABORTITO or a PAA_IMPORT_* file code):
                 no row was applied, the debts are freed and travel in the next flow.

So a closed app or a lost network resumes the same flow (same IUF, same rows), and no row is ever
processed twice by the portal. A debt that changed on the portal meanwhile (paid) is never
overwritten: before sending M/A rows, and after an M/A rejection, the portal is asked
(paaSILChiediPagatiConRicevuta); a paid debt is marked PAGATO with the reason, in the report and on
the debt. An insert the portal refuses because it holds the IUD already (a flow whose outcome was lost) is
taken back as the portal holds it, with its IUV (sync.recovery).

Speed (a TARI list of 100,000 debts): the push does work on short-lived helper threads where it would
otherwise wait. While it records the flow, the debts are marked in flight (one UPDATE) and, on SQLite,
the flow's rows written (one INSERT from one JSON array), statements the database runs without the GIL,
while it writes the ZIP, in the same transaction. While the portal
processes, it reads the flow's rows and the debts in flight and works out their hashes but for the
IUV (FlowOutcome._prepare_outcome); the outcome uses that reading only if no debt of the flow was
written since (repo.flow_debts_signature).
"""

from __future__ import annotations

from mypay_desk.services.sync.common import wire_record
from mypay_desk.services.sync.desk import DeskSending
from mypay_desk.services.sync.outcome import FlowOutcome
from mypay_desk.services.sync.push import FlowPush
from mypay_desk.services.sync.status import SyncStatusQueries
from mypay_desk.services.sync.views import (
    FLOW_STATE_LABELS,
    PORTAL_OPEN_STATE,
    UNFINISHED,
    DeskDebt,
    FlowInfo,
    FlowRowInfo,
    ListPending,
    PaymentStart,
    PushReport,
    RowProblem,
    SingleSendResult,
    SyncStatus,
)


class SyncService(FlowPush, FlowOutcome, SyncStatusQueries, DeskSending):
    """``ws.sync``: flows of pending changes, their outcome, status, and single debts at the desk."""


__all__ = ["FLOW_STATE_LABELS", "PORTAL_OPEN_STATE", "UNFINISHED", "DeskDebt", "FlowInfo", "FlowRowInfo",
           "ListPending", "PaymentStart", "PushReport", "RowProblem", "SingleSendResult", "SyncService",
           "SyncStatus", "wire_record"]
