from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mypay_desk.store.models.base import Base, utcnow


class FdrFlow(Base):
    """A PSP reporting flow (Flusso di Rendicontazione, FlussoRiversamento XML)."""

    __tablename__ = "fdr_flow"
    __table_args__ = (UniqueConstraint("ente_id", "flow_id", "flow_datetime"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ente_id: Mapped[int] = mapped_column(ForeignKey("ente.id", ondelete="CASCADE"), index=True)
    version: Mapped[str] = mapped_column(String(5), default="")  # versioneOggetto
    flow_id: Mapped[str] = mapped_column(String(35), index=True)  # identificativoFlusso = IUF
    flow_datetime: Mapped[datetime] = mapped_column(DateTime)
    settlement_id: Mapped[str] = mapped_column(String(35), default="")  # identificativoUnivocoRegolamento
    settlement_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    sender_id: Mapped[str] = mapped_column(String(35), default="")
    sender_name: Mapped[str] = mapped_column(String(140), default="")
    receiver_id: Mapped[str] = mapped_column(String(35), default="")
    receiver_name: Mapped[str] = mapped_column(String(140), default="")
    total_count: Mapped[int] = mapped_column(Integer, default=0)
    total_amount_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    source_file: Mapped[str] = mapped_column(String(300), default="")
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    lines: Mapped[list[FdrLine]] = relationship(back_populates="flow", cascade="all, delete-orphan")


class FdrLine(Base):
    """One datiSingoliPagamenti entry of an FdR."""

    __tablename__ = "fdr_line"
    __table_args__ = (Index("ix_fdr_line_iuv", "iuv"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    fdr_id: Mapped[int] = mapped_column(ForeignKey("fdr_flow.id", ondelete="CASCADE"), index=True)
    line_number: Mapped[int] = mapped_column(Integer)
    iuv: Mapped[str] = mapped_column(String(35))
    iur: Mapped[str] = mapped_column(String(35), default="")
    payment_index: Mapped[int | None] = mapped_column(Integer, nullable=True)
    amount_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    outcome_code: Mapped[str] = mapped_column(String(3), default="0")  # 0, 3, 4, 8, 9; unknown kept
    outcome_date: Mapped[date | None] = mapped_column(Date, nullable=True)

    flow: Mapped[FdrFlow] = relationship(back_populates="lines")


class TreasuryMovement(Base):
    """A treasury credit: OPI giornale di cassa entry or a bank statement line."""

    __tablename__ = "treasury_movement"
    __table_args__ = (
        UniqueConstraint("ente_id", "dedupe_key"),
        Index("ix_treasury_iuf", "ente_id", "iuf"),
        Index("ix_treasury_iuv", "ente_id", "iuv"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    ente_id: Mapped[int] = mapped_column(ForeignKey("ente.id", ondelete="CASCADE"))
    dedupe_key: Mapped[str] = mapped_column(String(200))
    source_kind: Mapped[str] = mapped_column(String(10))  # OPI | CSV
    movement_type: Mapped[str] = mapped_column(String(30), default="ENTRATA")  # ENTRATA | SOSPESO ENTRATA
    status: Mapped[str] = mapped_column(String(20), default="ESEGUITO")  # ESEGUITO | STORNATO
    book_date: Mapped[date | None] = mapped_column(Date, nullable=True)  # data contabile
    value_date: Mapped[date | None] = mapped_column(Date, nullable=True)  # data valuta
    amount_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    causale: Mapped[str] = mapped_column(Text, default="")
    payer: Mapped[str] = mapped_column(String(200), default="")  # ordinante
    document_number: Mapped[str] = mapped_column(String(50), default="")  # esercizio/numero/progressivo
    bill_number: Mapped[str] = mapped_column(String(30), default="")  # esercizio/bolletta: reversals pair on it
    end_to_end_id: Mapped[str] = mapped_column(String(35), default="")  # OPI end_to_end_id (may be the IUR)
    account: Mapped[str] = mapped_column(String(50), default="")  # OPI conto_evidenza
    iuf: Mapped[str] = mapped_column(String(35), default="")  # found in the causale
    iuv: Mapped[str] = mapped_column(String(35), default="")
    source_file: Mapped[str] = mapped_column(String(300), default="")
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ReconciliationResult(Base):
    """A payment key classified with a MyPivot code, with the records that took part.

    ``fingerprint`` is a hash of the inputs, so a new run rewrites only what changed and keeps notes.
    The unique key is ordered (ente, key, code) so a run can stream the stored results in key order.
    The links to debt/receipt/FdR line/treasury are plain ids, not foreign keys: with a million
    results, an ON DELETE action would scan this table for every deleted debt or receipt. A dangling
    id (the record was deleted) is fixed by the next run and shows as "non più presente" meanwhile.
    """

    __tablename__ = "reconciliation_result"
    __table_args__ = (
        UniqueConstraint("ente_id", "key", "code"),
        Index("ix_recon_code", "ente_id", "code", "key"),  # drill-down pages in key order
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    ente_id: Mapped[int] = mapped_column(ForeignKey("ente.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(30))
    key: Mapped[str] = mapped_column(String(120))  # IUV, IUF or treasury key
    iuv: Mapped[str] = mapped_column(String(35), default="")
    iuf: Mapped[str] = mapped_column(String(35), default="")
    amount_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    debt_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    receipt_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    fdr_line_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    treasury_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    fingerprint: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    resolved_by: Mapped[str] = mapped_column(String(100), default="")
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ReconciliationState(Base):
    """What the last classification run of an Ente saw, so the next one classifies again only the
    payment keys whose inputs changed (services/reconciliation/engine.py).

    Marks: the highest debt, receipt and FdR line ids read (rows above them are new: SQLite gives a
    new row an id above every row there is; a delete writes a change row, so an id given again is
    seen too). PostgreSQL keeps them at 0: its triggers write new rows as change rows too.
    ``context``: JSON of the flow and treasury context the payment codes depend on (each current
    flow's IUF, Tes-by-IUF state and credit; treasury credits by IUV), compared with the new one at
    the next run. ``needs_full``: set by triggers when a record was deleted or rewritten in a
    way the marks cannot see (a receipt, an FdR flow or line, a treasury movement); on PostgreSQL a
    change row asks instead (``ReconciliationDirty.needs_full``), and this is set only on the state an
    Ente's first run writes before it begins (``context`` empty).
    """

    __tablename__ = "reconciliation_state"

    ente_id: Mapped[int] = mapped_column(ForeignKey("ente.id", ondelete="CASCADE"), primary_key=True)
    as_of: Mapped[date] = mapped_column(Date)
    flags: Mapped[str] = mapped_column(String(40), default="")
    debt_mark: Mapped[int] = mapped_column(BigInteger, default=0)
    receipt_mark: Mapped[int] = mapped_column(BigInteger, default=0)
    line_mark: Mapped[int] = mapped_column(BigInteger, default=0)
    needs_full: Mapped[bool] = mapped_column(Boolean, default=False)
    context: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ReconciliationDirty(Base):
    """A debt or receipt changed in a way that may change its payment key's codes (written by triggers,
    SQLite's of migration 0005, PostgreSQL's of 0010 with new rows too, only for an Ente that has a
    ``reconciliation_state``): the key as it was
    (``iuv``), and the row's id (and a debt's parent), so the run also looks at its key now (an id
    reused after a delete included) and at the keys of a debt's instalments or rata unica. Consumed
    (deleted) by the next run."""

    __tablename__ = "reconciliation_dirty"

    id: Mapped[int] = mapped_column(primary_key=True)
    ente_id: Mapped[int] = mapped_column(Integer, index=True)  # no FK: written by triggers, deleted by the run
    iuv: Mapped[str] = mapped_column(String(35), default="")
    debt_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    parent_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    receipt_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # PostgreSQL (migration 0010): an FdR flow or line deleted or rewritten, so the next run is a full one
    needs_full: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
