from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mypay_desk.store.models.base import Base, utcnow


class AuditLog(Base):
    """Who changed what, and when: every user-visible mutation writes a line."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    user: Mapped[str] = mapped_column(String(100), default="")
    desk: Mapped[str] = mapped_column(String(120), default="", server_default="")  # the computer (or its name)
    ente_id: Mapped[int | None] = mapped_column(ForeignKey("ente.id", ondelete="SET NULL"), nullable=True)
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(40), default="")
    entity_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    details: Mapped[str] = mapped_column(Text, default="")
    # The list the action was about, when it was about one (no foreign key: the line outlives the list).
    list_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
