"""SQLAlchemy 2 typed models. One module per area; all are imported here so metadata is complete."""

from mypay_desk.store.models.activity import DeskActivity
from mypay_desk.store.models.audit import AuditLog
from mypay_desk.store.models.base import Base
from mypay_desk.store.models.debts import Debt, DebtList, DebtListTally, DebtTallyPause
from mypay_desk.store.models.ente import DebtType, Ente, WorkspaceSetting
from mypay_desk.store.models.payments import ImportedFile, Receipt
from mypay_desk.store.models.portal import PortalJournal, ReceiptExportRequest, UploadFlow, UploadFlowRow
from mypay_desk.store.models.reconciliation import (
    FdrFlow,
    FdrLine,
    ReconciliationDirty,
    ReconciliationResult,
    ReconciliationState,
    TreasuryMovement,
)

__all__ = [
    "AuditLog",
    "Base",
    "Debt",
    "DebtList",
    "DebtListTally",
    "DebtTallyPause",
    "DebtType",
    "DeskActivity",
    "Ente",
    "FdrFlow",
    "FdrLine",
    "ImportedFile",
    "PortalJournal",
    "Receipt",
    "ReceiptExportRequest",
    "ReconciliationDirty",
    "ReconciliationResult",
    "ReconciliationState",
    "TreasuryMovement",
    "UploadFlow",
    "UploadFlowRow",
    "WorkspaceSetting",
]
