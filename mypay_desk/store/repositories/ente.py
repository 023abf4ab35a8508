from __future__ import annotations

from dataclasses import fields

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from mypay_desk.domain.ente import DebtTypeData, EnteData
from mypay_desk.store.models import DebtType, Ente, WorkspaceSetting

_ENTE_FIELDS = [f.name for f in fields(EnteData) if f.name not in ("id",)]
_TYPE_FIELDS = [f.name for f in fields(DebtTypeData) if f.name not in ("id", "ente_id")]


def to_data(row: Ente) -> EnteData:
    return EnteData(id=row.id, **{name: getattr(row, name) for name in _ENTE_FIELDS})


def type_to_data(row: DebtType) -> DebtTypeData:
    return DebtTypeData(id=row.id, ente_id=row.ente_id, **{name: getattr(row, name) for name in _TYPE_FIELDS})


def list_enti(session: Session) -> list[Ente]:
    return list(session.scalars(select(Ente).order_by(Ente.name)))


def get_by_ipa(session: Session, ipa_code: str) -> Ente | None:
    return session.scalar(select(Ente).where(Ente.ipa_code == ipa_code))


def get(session: Session, ente_id: int) -> Ente | None:
    return session.get(Ente, ente_id)


def upsert(session: Session, data: EnteData) -> Ente:
    row = get_by_ipa(session, data.ipa_code)
    if row is None and data.id is not None:
        row = session.get(Ente, data.id)
    if row is None:
        row = Ente(ipa_code=data.ipa_code)
        session.add(row)
    for name in _ENTE_FIELDS:
        if name in ("iuv_progressive",):
            continue  # only allocate_iuv_progressives moves the counter
        setattr(row, name, getattr(data, name))
    if row.iuv_progressive is None:
        row.iuv_progressive = 1
    session.flush()
    return row


def allocate_iuv_progressives(session: Session, ente_id: int, count: int) -> int:
    """Reserve ``count`` progressives and return the first. Call inside an IMMEDIATE transaction."""
    first = session.execute(
        update(Ente).where(Ente.id == ente_id).values(iuv_progressive=Ente.iuv_progressive + count)
        .returning(Ente.iuv_progressive)
    ).scalar_one() - count
    return first


def list_types(session: Session, ente_id: int, only_active: bool = False) -> list[DebtType]:
    q = select(DebtType).where(DebtType.ente_id == ente_id)
    if only_active:
        q = q.where(DebtType.active.is_(True))
    return list(session.scalars(q.order_by(DebtType.code)))


def get_type(session: Session, ente_id: int, code: str) -> DebtType | None:
    return session.scalar(select(DebtType).where(DebtType.ente_id == ente_id, DebtType.code == code))


def upsert_type(session: Session, ente_id: int, data: DebtTypeData) -> DebtType:
    row = get_type(session, ente_id, data.code)
    if row is None and data.id is not None:
        row = session.get(DebtType, data.id)
    if row is None:
        row = DebtType(ente_id=ente_id, code=data.code)
        session.add(row)
    for name in _TYPE_FIELDS:
        setattr(row, name, getattr(data, name))
    session.flush()
    return row


def delete_type(session: Session, ente_id: int, code: str) -> bool:
    row = get_type(session, ente_id, code)
    if row is None:
        return False
    session.delete(row)
    return True


def get_setting(session: Session, key: str, default: str = "") -> str:
    row = session.get(WorkspaceSetting, key)
    return row.value if row else default


def set_setting(session: Session, key: str, value: str) -> None:
    row = session.get(WorkspaceSetting, key)
    if row is None:
        session.add(WorkspaceSetting(key=key, value=value))
    else:
        row.value = value
