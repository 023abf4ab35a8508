"""Applying a flow's outcome: IUVs and numeri avviso of accepted rows, codes and messages of rejected ones."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mypay_desk.domain.codes import notice_number_for
from mypay_desk.domain.debts import DebtRecord, flow_hash, flow_hash_with_iuv, iuv_hash_parts
from mypay_desk.formats import import_flow
from mypay_desk.services.errors import PortalError
from mypay_desk.services.portal import record_from_row
from mypay_desk.services.portal_client import MyPayClient
from mypay_desk.services.rejections import stored_rejection
from mypay_desk.services.sync.recovery import DUPLICATE_IUD_CODES, DuplicateRecovery, unchecked_note
from mypay_desk.services.sync.views import (
    PORTAL_OPEN_STATE,
    PushReport,
    RowProblem,
)
from mypay_desk.store import locks
from mypay_desk.store.models.base import utcnow
from mypay_desk.store.repositories import portal as repo


@dataclass
class PreparedOutcome:
    """What applying a flow's outcome needs that the outcome cannot change, worked out while the portal
    processes the flow (the push only polls meanwhile): the flow's rows (written once, when it was
    recorded) and, for each record sent for the portal to generate its IUV, the parts of its hash once it
    has one (domain.debts.iuv_hash_parts)."""

    rows: list[tuple[int, int | None, str, str, str]]
    iuv_hash_parts: dict[int, tuple[bytes, bytes]]
    # The debts in flight as repo.apply_columns_of_flow read them, and their repo.flow_debts_signature: used
    # only if the signature is the same when the outcome arrives (no debt of the flow written meanwhile).
    current: dict[int, dict[str, Any]]
    signature: tuple[int, int]


class FlowOutcome(DuplicateRecovery):
    """The outcome files of a processed flow, applied to the debts."""

    # --- outcome ----------------------------------------------------------------------------
    def _prepare_outcome(self, flow_id: int, sent: dict[int, DebtRecord]) -> PreparedOutcome:
        """(any thread) PreparedOutcome of a flow the push just recorded; ``sent`` as for _apply."""
        with self.ws.db.session() as s:
            rows = repo.flow_debt_rows(s, flow_id)
            current = {r["id"]: r for r in repo.apply_columns_of_flow(s, flow_id)}
        signature = (len(current), sum(r["version"] for r in current.values()))  # (one snapshot on any database)
        parts = {debt_id: iuv_hash_parts(rec) for debt_id, rec in sent.items() if rec.generate_iuv}
        return PreparedOutcome(rows, parts, current, signature)

    def _apply(self, client: MyPayClient, flow_id: int, status, report: PushReport,
               sent: dict[int, DebtRecord] | None = None, prepared: PreparedOutcome | None = None) -> None:
        """``sent``: the records of this flow as the push that recorded it sent them (debt id -> wire
        record), when the same call applies the outcome. A debt not edited since the flow was recorded
        then needs only a few columns read back: its flow fields are the ones sent (the IUV aside).
        ``prepared``: _prepare_outcome of the same flow and ``sent``, when it was worked out already."""
        with self.ws.db.session() as s:
            f = repo.get_flow(s, flow_id)
            stem = f.file_name[:-4] if f.file_name.lower().endswith(".zip") else f.file_name
            rows = prepared.rows if prepared is not None else repo.flow_debt_rows(s, flow_id)
            ente_id, flow_created = f.ente_id, f.created_at
        parts = prepared.iuv_hash_parts if prepared is not None and sent is not None else {}
        rejected: dict[str, tuple[list[str], list[str]]] = {}
        iuvs: dict[str, str] = {}
        try:
            if status.url_scarti:
                data = client.download(status.url_scarti, "scarti")
                _v, rejections = import_flow.read_rejections(data, name=f"{stem}_SCARTI.zip")
                # every code of a row, each with its message (MyPay may give several: |CODE|CODE)
                rejected = {r.iud: (r.codes, r.descriptions) for r in rejections}
            if status.url_iuv:
                data = client.download(status.url_iuv, "IUV")
                # Only IUD and codIuv (columns 1 and 2) matter here: no need to parse whole records.
                iuvs = import_flow.read_iud_iuv(data, name=f"{stem}_IUV.zip")
        except import_flow.FlowError as exc:
            raise PortalError(f"file degli esiti del flusso non leggibile ({exc}): verrà riscaricato alla prossima "
                              "sincronizzazione", transient=True) from exc

        ente = self.ws.ente.get_by_id(ente_id)
        now = utcnow()
        with self.ws.db.session() as s:
            if sent is None:
                current = {r["id"]: r for r in repo.sync_rows_of_flow(s, flow_id)}
            else:
                if prepared is not None and repo.flow_debts_signature(s, flow_id) == prepared.signature:
                    current = prepared.current  # read while the portal processed, and not written since
                else:
                    current = {r["id"]: r for r in repo.apply_columns_of_flow(s, flow_id)}
                # Whole rows only for the debts the fast path below cannot take (edited in flight).
                slow = [debt_id for _r, debt_id, action, iud, _h in rows
                        if debt_id in current and iud not in rejected and action != "A" and iuvs.get(iud)
                        and not (debt_id in sent and self._unchanged(current[debt_id], flow_created))]
                current.update((r["id"], r) for r in repo.sync_rows_by_ids(s, slow))
        sent_records: dict[str, DebtRecord] | None = None
        rejected_rows: list[dict[str, Any]] = []
        debt_updates: list[dict[str, Any]] = []
        to_check: list[tuple[int, str, str]] = []
        duplicates: list[int] = []  # inserts refused because the portal holds their IUD (sync.recovery)
        for row_id, debt_id, action, iud, content_hash in rows:
            cur = current.get(debt_id) if debt_id is not None else None
            if iud in rejected:
                code, message = stored_rejection(*rejected[iud])
                rejected_rows.append({"r_id": row_id, "outcome": "REJECTED", "code": code, "message": message})
                if cur is not None:
                    debt_updates.append({"b_id": debt_id, "state": "RIFIUTATO", "portal_error_code": code,
                                         "portal_error_message": message, "sending_flow_id": None,
                                         "updated_at": now})
                    if action in ("M", "A"):
                        to_check.append((debt_id, iud, action))
                    elif action == "I" and DUPLICATE_IUD_CODES.intersection(rejected[iud][0]):
                        duplicates.append(debt_id)
                continue
            if cur is None:
                continue  # deleted locally meanwhile: the portal keeps it, nothing to update here
            upd: dict[str, Any] = {"b_id": debt_id, "sending_flow_id": None, "portal_error_code": "",
                                   "portal_error_message": "", "portal_accepted_at": now, "updated_at": now}
            if action == "A":
                upd.update(state="ANNULLATO", portal_state="ANNULLATO")
                debt_updates.append(upd)
                continue
            upd.update(state="SUL_PORTALE", portal_state=PORTAL_OPEN_STATE, portal_hash=content_hash,
                       iuv=cur["iuv"], generate_iuv=cur["generate_iuv"], iuv_assigned_at=cur["iuv_assigned_at"],
                       notice_number=cur["notice_number"])
            new_iuv = iuvs.get(iud, "")
            if new_iuv and new_iuv != cur["iuv"]:
                # The portal generated the IUV: it now holds the row sent plus that IUV.
                if sent is not None and debt_id in sent and self._unchanged(cur, flow_created):
                    # The record sent (the wire form differs from the stored one only in action, not hashed,
                    # and generate_iuv, hashed as False once there is an IUV). The push's own copy, written
                    # to the ZIP already; its hash parts mostly worked out while the portal processed.
                    unchanged = True
                    hash_parts = parts.get(debt_id) or iuv_hash_parts(sent[debt_id])
                else:
                    cur_rec = record_from_row(cur)
                    # Not touched since the flow was recorded (fast path), or identical to what was sent.
                    unchanged = self._unchanged(cur, flow_created) or flow_hash(cur_rec) == content_hash
                    if unchanged:
                        base = cur_rec
                    else:  # edited while the flow was in flight: start from the row actually sent
                        if sent_records is None:
                            sent_records = self._sent_records(flow_id)
                        base = sent_records.get(iud, cur_rec)
                    hash_parts = iuv_hash_parts(base)
                upd.update(portal_hash=flow_hash_with_iuv(hash_parts, new_iuv), iuv=new_iuv, iuv_assigned_at=now,
                           notice_number=notice_number_for(new_iuv, ente.application_code))
                if unchanged:
                    upd["generate_iuv"] = False
            elif cur["iuv"] and not cur["notice_number"]:
                upd["notice_number"] = notice_number_for(cur["iuv"], ente.application_code)
            debt_updates.append(upd)
        n_rejected = len(rejected_rows)
        with self.ws.db.session() as s:
            repo.mark_rows(s, flow_id, "ACCEPTED")  # every row, then the rejected ones one by one
            repo.apply_rows(s, flow_id, rejected_rows, debt_updates)
            repo.release_debts(s, flow_id)  # any row the loop could not place
            repo.update_flow(s, flow_id, state="ELABORATO", accepted=len(rows) - n_rejected, rejected=n_rejected,
                             error_message="")
        self.ws.audit("sync.outcome", ente_id=ente_id, entity="upload_flow", entity_id=flow_id,
                      details={"accepted": len(rows) - n_rejected, "rejected": n_rejected})
        notes: dict[int, str] = {}
        if to_check:
            notes.update(dict.fromkeys(self._check_paid(client, to_check, report), "il dovuto risulta già pagato"))
        if duplicates:
            for found in self._recover_on_portal(client, ente, duplicates).values():
                notes[found.debt_id] = found.message
                report.recovered.append(RowProblem(found.iud, found.state, found.message, "I", found.debt_id))
            for debt_id in duplicates[self.paid_check_limit:]:  # (a whole flow lost: a few hundred per push)
                notes[debt_id] = unchecked_note(self.paid_check_limit)
        if notes:
            with self.ws.db.session(lock=locks.ROWS) as s:  # read, then write: a write from BEGIN
                for r in repo.flow_rows(s, flow_id, "REJECTED"):
                    if r.debt_id in notes:
                        r.message = (r.message + " — " if r.message else "") + notes[r.debt_id]

    @staticmethod
    def _unchanged(cur: dict[str, Any], flow_created) -> bool:
        """Not touched since the flow was recorded (recording set ``updated_at`` to the flow's time)."""
        return cur["updated_at"] is not None and cur["updated_at"] <= flow_created

    def _sent_records(self, flow_id: int) -> dict[str, DebtRecord]:
        with self.ws.db.session() as s:
            f = repo.get_flow(s, flow_id)
            data, name = f.zip_data or b"", f.file_name
        _v, records, _e = import_flow.read_flow(data, name=name)
        return {r.iud: r for r in records}

