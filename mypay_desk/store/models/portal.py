from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mypay_desk.store.models.base import Base, Timestamps, utcnow


class UploadFlow(Timestamps, Base):
    """A debt flow (flusso dovuti) built from a list's pending changes and sent to the portal.

    The ZIP is kept so an interrupted sync resumes with the very same file (same IUF, same rows).
    """

    __tablename__ = "upload_flow"

    id: Mapped[int] = mapped_column(primary_key=True)
    ente_id: Mapped[int] = mapped_column(ForeignKey("ente.id", ondelete="CASCADE"), index=True)
    list_id: Mapped[int | None] = mapped_column(ForeignKey("debt_list.id", ondelete="SET NULL"), nullable=True)
    iuf: Mapped[str] = mapped_column(String(100), unique=True)
    version: Mapped[str] = mapped_column(String(3), default="1_4")
    file_name: Mapped[str] = mapped_column(String(200), default="")
    zip_data: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    # PREPARATO -> AUTORIZZATO -> CARICATO -> ELABORATO | ERRORE (local steps of the protocol)
    state: Mapped[str] = mapped_column(String(20), default="PREPARATO")
    portal_state: Mapped[str] = mapped_column(String(60), default="")  # stato from ChiediStatoImportFlusso
    request_token: Mapped[str] = mapped_column(String(200), default="")
    upload_url: Mapped[str] = mapped_column(Text, default="")
    authorization_token: Mapped[str] = mapped_column(Text, default="")
    count_insert: Mapped[int] = mapped_column(Integer, default=0)
    count_modify: Mapped[int] = mapped_column(Integer, default=0)
    count_cancel: Mapped[int] = mapped_column(Integer, default=0)
    accepted: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    error_message: Mapped[str] = mapped_column(Text, default="")

    rows: Mapped[list[UploadFlowRow]] = relationship(back_populates="flow", cascade="all, delete-orphan")


class UploadFlowRow(Base):
    """One row of a flow: which debt, which action, and what the portal said about it."""

    __tablename__ = "upload_flow_row"
    __table_args__ = (UniqueConstraint("flow_id", "row_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    flow_id: Mapped[int] = mapped_column(ForeignKey("upload_flow.id", ondelete="CASCADE"), index=True)
    debt_id: Mapped[int | None] = mapped_column(ForeignKey("debt.id", ondelete="SET NULL"), nullable=True, index=True)
    row_number: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(1))  # I | M | A
    iud: Mapped[str] = mapped_column(String(35))
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    outcome: Mapped[str] = mapped_column(String(10), default="PENDING")  # PENDING | ACCEPTED | REJECTED | SKIPPED (flow refused)
    code: Mapped[str] = mapped_column(String(80), default="")
    message: Mapped[str] = mapped_column(Text, default="")

    flow: Mapped[UploadFlow] = relationship(back_populates="rows")


class ReceiptExportRequest(Timestamps, Base):
    """A receipt export booked on the portal (PrenotaExportFlusso...), kept so a sync can resume."""

    __tablename__ = "receipt_export_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    ente_id: Mapped[int] = mapped_column(ForeignKey("ente.id", ondelete="CASCADE"), index=True)
    request_token: Mapped[str] = mapped_column(String(200))
    date_from: Mapped[datetime] = mapped_column(DateTime)
    date_to: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    version: Mapped[str] = mapped_column(String(3), default="1.3")
    state: Mapped[str] = mapped_column(String(40), default="PRENOTATO")
    download_url: Mapped[str] = mapped_column(Text, default="")
    receipts_imported: Mapped[int] = mapped_column(Integer, default=0)


class PortalJournal(Base):
    """Every exchange with the portal: operation, time, duration, outcome, fault code. Never secrets."""

    __tablename__ = "portal_journal"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    ente_id: Mapped[int | None] = mapped_column(ForeignKey("ente.id", ondelete="SET NULL"), nullable=True)
    operation: Mapped[str] = mapped_column(String(80))
    duration_ms: Mapped[int] = mapped_column(BigInteger, default=0)
    outcome: Mapped[str] = mapped_column(String(20), default="OK")  # OK | KO | FAULT | ERROR
    fault_code: Mapped[str] = mapped_column(String(80), default="")
    message: Mapped[str] = mapped_column(Text, default="")
    http_status: Mapped[int | None] = mapped_column(Integer, nullable=True)
