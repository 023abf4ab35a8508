"""The audit log: one line per user-visible action, who (user and desk) and on what."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from mypay_desk.store.models import AuditLog, DebtList, UploadFlow

CHUNK = 500


def record(session: Session, user: str, action: str, *, ente_id: int | None = None, entity: str = "",
           entity_id: int | None = None, details: str = "", desk: str = "", list_id: int | None = None) -> None:
    session.add(AuditLog(user=user, action=action, ente_id=ente_id, entity=entity, entity_id=entity_id,
                         details=details, desk=desk, list_id=list_id))


def recent(session: Session, limit: int = 200) -> list[AuditLog]:
    return list(session.query(AuditLog).order_by(AuditLog.id.desc()).limit(limit))


def _conditions(ente_id: int | None, user: str | None, desk: str | None, start: datetime | None,
                end: datetime | None, list_id: int | None) -> list:
    a = AuditLog
    where: list = []
    if ente_id is not None:  # the Ente's lines and those about the workspace (backups, passwords)
        where.append(or_(a.ente_id == ente_id, a.ente_id.is_(None)))
    if user is not None:
        where.append(a.user == user)
    if desk is not None:
        where.append(a.desk == desk)
    if start is not None:
        where.append(a.at >= start)
    if end is not None:
        where.append(a.at < end)
    if list_id is not None:
        # lines that name the list, and those about its flows (sent and their outcome)
        flows = select(UploadFlow.id).where(UploadFlow.list_id == list_id)
        where.append(or_(a.list_id == list_id, and_(a.entity == "upload_flow", a.entity_id.in_(flows))))
    return where


def ids(session: Session, *, ente_id: int | None = None, user: str | None = None, desk: str | None = None,
        start: datetime | None = None, end: datetime | None = None, list_id: int | None = None) -> array:
    """Ids of the matching lines, newest first (packed: what a lazy table holds)."""
    stmt = select(AuditLog.id).where(*_conditions(ente_id, user, desk, start, end, list_id)).order_by(
        AuditLog.id.desc())
    out = array("q")
    for part in session.execute(stmt).scalars().partitions(10_000):
        out.extend(part)
    return out


def rows(session: Session, line_ids: Sequence[int]) -> list[dict[str, Any]]:
    """The lines with these ids, in that order, with the name of their list (when it still exists)."""
    wanted = list(line_ids)
    found: dict[int, dict[str, Any]] = {}
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start:start + CHUNK]
        stmt = (select(AuditLog.id, AuditLog.at, AuditLog.user, AuditLog.desk, AuditLog.ente_id, AuditLog.action,
                       AuditLog.entity, AuditLog.entity_id, AuditLog.details, AuditLog.list_id,
                       DebtList.name.label("list_name"), UploadFlow.list_id.label("flow_list_id"))
                .outerjoin(UploadFlow, and_(AuditLog.entity == "upload_flow", UploadFlow.id == AuditLog.entity_id))
                .outerjoin(DebtList, DebtList.id == AuditLog.list_id)
                .where(AuditLog.id.in_(chunk)))
        for r in session.execute(stmt):
            found[r.id] = dict(r._mapping)
    return [found[i] for i in wanted if i in found]


def people(session: Session, ente_id: int | None = None) -> list[tuple[str, str]]:
    """The (user, desk) pairs that wrote lines (of the Ente), by user."""
    stmt = select(AuditLog.user, AuditLog.desk).distinct()
    if ente_id is not None:
        stmt = stmt.where(or_(AuditLog.ente_id == ente_id, AuditLog.ente_id.is_(None)))
    return sorted({(u or "", d or "") for u, d in session.execute(stmt)})


def list_names(session: Session, list_ids: Iterable[int]) -> dict[int, str]:
    wanted = sorted(set(list_ids))
    out: dict[int, str] = {}
    for start in range(0, len(wanted), CHUNK):
        out.update(session.execute(select(DebtList.id, DebtList.name)
                                   .where(DebtList.id.in_(wanted[start:start + CHUNK]))).all())
    return out
