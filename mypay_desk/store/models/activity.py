from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from mypay_desk.store.models.base import Base, utcnow


class DeskActivity(Base):
    """Who is running a single-flight activity (a push of a list, a receipts download, a reconciliation
    run) right now, so another desk can be told. The lock itself is not this row (store/leases.py): a
    row left by a desk that crashed is simply overwritten by the next one."""

    __tablename__ = "desk_activity"

    name: Mapped[str] = mapped_column(String(120), primary_key=True)  # e.g. "push:12", "receipts:1"
    user: Mapped[str] = mapped_column(String(100), default="")
    desk: Mapped[str] = mapped_column(String(120), default="")
    pid: Mapped[int] = mapped_column(Integer, default=0)
    what: Mapped[str] = mapped_column(String(200), default="")  # "sta inviando la lista «TARI 2025»"
    token: Mapped[str] = mapped_column(String(40), default="")  # the holder's own mark (release deletes it)
    started_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
