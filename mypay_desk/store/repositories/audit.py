from __future__ import annotations

from sqlalchemy.orm import Session

from mypay_desk.store.models import AuditLog


def record(session: Session, user: str, action: str, *, ente_id: int | None = None, entity: str = "",
           entity_id: int | None = None, details: str = "") -> None:
    session.add(AuditLog(user=user, action=action, ente_id=ente_id, entity=entity, entity_id=entity_id,
                         details=details))


def recent(session: Session, limit: int = 200) -> list[AuditLog]:
    return list(session.query(AuditLog).order_by(AuditLog.id.desc()).limit(limit))
