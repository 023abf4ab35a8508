from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, DateTime, ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mypay_desk.store.models.base import Base, Timestamps


class Ente(Timestamps, Base):
    """An Ente creditore. A workspace may hold several (an unione di comuni manages its comuni)."""

    __tablename__ = "ente"

    id: Mapped[int] = mapped_column(primary_key=True)
    ipa_code: Mapped[str] = mapped_column(String(35), unique=True)
    fiscal_code: Mapped[str] = mapped_column(String(11))
    name: Mapped[str] = mapped_column(String(100))
    sector: Mapped[str] = mapped_column(String(100), default="")
    info: Mapped[str] = mapped_column(String(200), default="")
    cbill: Mapped[str] = mapped_column(String(5), default="")
    segregation_code: Mapped[str] = mapped_column(String(2), default="")
    application_code: Mapped[str] = mapped_column(String(2), default="")
    # Next IUV17 progressive (13-digit base counter); allocated atomically, never reused.
    iuv_progressive: Mapped[int] = mapped_column(BigInteger, default=1)
    postal_account: Mapped[str] = mapped_column(String(12), default="")
    postal_holder: Mapped[str] = mapped_column(String(100), default="")
    poste_authorization: Mapped[str] = mapped_column(String(200), default="")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    adhesion_mode: Mapped[str] = mapped_column(String(10), default="flussi")  # base | flussi | ente
    portal_url: Mapped[str] = mapped_column(String(300), default="")
    payments_web_page: Mapped[str] = mapped_column(String(300), default="")
    # Reconciliation capabilities as MyPivot names them (flg_pagati / flg_tesoreria).
    reconcile_notifications: Mapped[bool] = mapped_column(Boolean, default=True)
    reconcile_treasury: Mapped[bool] = mapped_column(Boolean, default=True)
    # Who generates the IUV of a debt sent without one: portal (flagGeneraIuv) | app (segregation code).
    iuv_generation: Mapped[str] = mapped_column(String(10), default="portal")
    # dateTo returned by the last incremental receipt export: the next dateFrom.
    receipts_synced_to: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)

    debt_types: Mapped[list[DebtType]] = relationship(back_populates="ente", cascade="all, delete-orphan")


class DebtType(Timestamps, Base):
    """A tipo dovuto of an Ente."""

    __tablename__ = "debt_type"
    __table_args__ = (UniqueConstraint("ente_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ente_id: Mapped[int] = mapped_column(ForeignKey("ente.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(64))
    description: Mapped[str] = mapped_column(String(256), default="")
    taxonomy: Mapped[str] = mapped_column(String(140), default="")  # datiSpecificiRiscossione
    iban: Mapped[str] = mapped_column(String(34), default="")
    postal_account: Mapped[str] = mapped_column(String(12), default="")
    due_date_required: Mapped[bool] = mapped_column(Boolean, default=False)
    print_due_date: Mapped[bool] = mapped_column(Boolean, default=True)
    anonymous_allowed: Mapped[bool] = mapped_column(Boolean, default=False)
    sector: Mapped[str] = mapped_column(String(100), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(Text, default="")

    ente: Mapped[Ente] = relationship(back_populates="debt_types")


class WorkspaceSetting(Base):
    """Key/value settings that belong to the workspace (current Ente, schema notes)."""

    __tablename__ = "workspace_setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
