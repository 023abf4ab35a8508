"""Read-outs of the database for the multi-desk test (what the app's services do not list)."""

from __future__ import annotations

from sqlalchemy import select

from mypay_desk.store.models import UploadFlowRow


def flow_rows_by_debt(ws) -> list[dict]:
    with ws.db.session() as s:
        return [dict(r._mapping) for r in s.execute(select(UploadFlowRow.debt_id, UploadFlowRow.action,
                                                           UploadFlowRow.outcome, UploadFlowRow.iud))]
