from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mypay_desk.store.models.base import Base, utcnow


class Receipt(Base):
    """A payment receipt row from a MyPay receipt export (flusso export RT, 1.0..1.3)."""

    __tablename__ = "receipt"
    __table_args__ = (
        UniqueConstraint("ente_id", "dedupe_key"),
        Index("ix_receipt_ente_iuv", "ente_id", "iuv"),
        Index("ix_receipt_ente_iud", "ente_id", "iud"),
        Index("ix_receipt_ente_date", "ente_id", "outcome_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    ente_id: Mapped[int] = mapped_column(ForeignKey("ente.id", ondelete="CASCADE"))
    # identity of the payment: receipt message id + IUV + payment index (+ secondary ente row)
    dedupe_key: Mapped[str] = mapped_column(String(200))
    export_name: Mapped[str] = mapped_column(String(200), default="")  # iuf column / file name
    row_number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    iud: Mapped[str] = mapped_column(String(35), default="")
    iuv: Mapped[str] = mapped_column(String(35), default="")
    receipt_message_id: Mapped[str] = mapped_column(String(64), default="")
    receipt_datetime: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    psp_id: Mapped[str] = mapped_column(String(35), default="")
    psp_name: Mapped[str] = mapped_column(String(140), default="")
    payer_type: Mapped[str] = mapped_column(String(1), default="")
    payer_code: Mapped[str] = mapped_column(String(35), default="")
    payer_name: Mapped[str] = mapped_column(String(70), default="")
    payer_email: Mapped[str] = mapped_column(String(256), default="")
    outcome_code: Mapped[str] = mapped_column(String(2), default="0")  # codiceEsitoPagamento
    total_paid_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    amount_cents: Mapped[int] = mapped_column(BigInteger, default=0)  # singoloImportoPagato
    single_outcome: Mapped[str] = mapped_column(String(64), default="")  # esitoSingoloPagamento
    outcome_date: Mapped[date | None] = mapped_column(Date, nullable=True)  # dataEsitoSingoloPagamento
    iur: Mapped[str] = mapped_column(String(35), default="")  # identificativoUnivocoRiscoss
    payment_context: Mapped[str] = mapped_column(String(35), default="")  # codiceContestoPagamento
    causale: Mapped[str] = mapped_column(String(1024), default="")
    collection_data: Mapped[str] = mapped_column(String(140), default="")
    debt_type: Mapped[str] = mapped_column(String(64), default="")
    payment_index: Mapped[int | None] = mapped_column(Integer, nullable=True)
    psp_fee_cents: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    signature_type: Mapped[str] = mapped_column(String(20), default="")
    rt_xml: Mapped[str] = mapped_column(Text, default="")  # decoded receipt XML, when the export carried it
    bilancio: Mapped[str] = mapped_column(Text, default="")
    secondary_fiscal_code: Mapped[str] = mapped_column(String(35), default="")
    secondary_name: Mapped[str] = mapped_column(String(140), default="")
    secondary_taxonomy: Mapped[str] = mapped_column(String(140), default="")
    # Matching with local debts.
    debt_id: Mapped[int | None] = mapped_column(ForeignKey("debt.id", ondelete="SET NULL"), nullable=True, index=True)
    match_kind: Mapped[str] = mapped_column(String(10), default="")  # IUD | IUV | "" (unmatched)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    raw_json: Mapped[str] = mapped_column(Text, default="")  # every column of the export row


class ImportedFile(Base):
    """A file already imported (by content hash), so importing it again adds nothing."""

    __tablename__ = "imported_file"
    __table_args__ = (UniqueConstraint("ente_id", "kind", "sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ente_id: Mapped[int] = mapped_column(ForeignKey("ente.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))  # RECEIPTS | FDR | OPI | BANK_CSV | DEBTS
    file_name: Mapped[str] = mapped_column(String(300), default="")
    sha256: Mapped[str] = mapped_column(String(64))
    rows: Mapped[int] = mapped_column(Integer, default=0)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    notes: Mapped[str] = mapped_column(Text, default="")
