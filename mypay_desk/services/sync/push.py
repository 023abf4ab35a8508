"""Sending a list's pending changes as a flow and walking it through its states (see the package doc)."""

from __future__ import annotations

import logging
import time
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from typing import TYPE_CHECKING

from mypay_desk.formats import import_flow
from mypay_desk.services.activity import ActivityBusyError, single_flight
from mypay_desk.services.bulk import bulk_work
from mypay_desk.services.errors import Cancelled, NotFoundError, PortalError, UserError
from mypay_desk.services.portal_client import MyPayClient, fault_message
from mypay_desk.services.progress import NEVER_CANCELLED, CancelToken, ProgressCallback, no_progress
from mypay_desk.services.sync.common import (
    PlannedRow,
    SyncServiceBase,
)
from mypay_desk.services.sync.views import (
    PushReport,
    RowProblem,
)
from mypay_desk.store import locks
from mypay_desk.store.models.base import utcnow
from mypay_desk.store.repositories import portal as repo

log = logging.getLogger(__name__)

if TYPE_CHECKING:  # pragma: no cover
    from mypay_desk.domain.debts import DebtRecord
    from mypay_desk.domain.ente import EnteData


def _push_activity(self, list_name: str, *_args, **_kwargs) -> tuple[str, str]:
    list_id, name = self._list(self._ente(), list_name)
    return f"push:{list_id}", f"sta inviando la lista «{name}» al portale"


def _resume_activity(self, flow_id: int, *_args, **_kwargs) -> tuple[str, str]:
    with self.ws.db.session() as s:
        flow = repo.get_flow(s, flow_id)
        list_id = flow.list_id if flow is not None else None
        name = dict(repo.list_names(s, flow.ente_id)).get(list_id, "") if list_id is not None else ""
    if list_id is None:
        return f"flow:{flow_id}", "sta inviando un flusso al portale"
    return f"push:{list_id}", f"sta inviando la lista «{name}» al portale"


class FlowPush(SyncServiceBase):
    """``sync push``: the flow recorded first, then authorised, uploaded, polled; resumable.

    One push of a list at a time across desks (and windows, and command-line jobs): the push holds the
    activity ``push:<list id>`` (services/activity.py); a second one is told who is sending."""

    # --- push -------------------------------------------------------------------------------
    @single_flight(_push_activity)
    def push(self, list_name: str, wait: bool = True, *, progress: ProgressCallback = no_progress,
             cancel: CancelToken = NEVER_CANCELLED, resend_rejected: bool = False) -> PushReport:
        """Send the pending changes of a list as one flow and apply the outcome (see the module doc).

        An unfinished flow of the list is resumed first (and its report returned). ``wait=False``
        returns once the portal has the file; a later push (or :meth:`resume`) applies the outcome.
        """
        ente = self._ente()
        list_id, name = self._list(ente, list_name)
        with self.ws.db.session() as s:
            unfinished = repo.unfinished_flows(s, ente.id, list_id)
        if unfinished:
            return self._drive(ente, unfinished[0].id, name, wait=wait, progress=progress, cancel=cancel,
                               resumed=True)

        report = PushReport(list_name=name)
        t0 = time.monotonic()
        progress(0, 4, "Preparazione del flusso")
        self._assign_iuvs(ente, list_id)
        with bulk_work():  # a row dict, a record and a plan per debt: no cycles to look for
            with self.ws.db.session() as s:
                rows = repo.sync_rows(s, list_id)
                rejected = repo.last_rejected_hashes(s, [r["id"] for r in rows if r["state"] == "RIFIUTATO"])
            planned = self._plan(rows, rejected, resend_rejected, report)
        cancel.raise_if_cancelled()
        if not planned:
            report.timings["build"] = time.monotonic() - t0
            progress(4, 4, report.message)
            return report

        with self.ws.portal.client(ente, cancel=cancel) as client:
            on_portal = [(p.row["id"], p.record.iud, p.action) for p in planned if p.action in ("M", "A")]
            if on_portal and len(on_portal) <= self.paid_check_limit:
                paid = self._check_paid(client, on_portal, report)
                planned = [p for p in planned if p.row["id"] not in paid]
            if not planned:
                report.timings["build"] = time.monotonic() - t0
                return report
            with bulk_work():
                flow_id = self._record_flow(ente, list_id, planned)
            report.timings["build"] = time.monotonic() - t0
            # The rows just sent, kept for applying the outcome without reading every debt back.
            sent = {p.row["id"]: p.record for p in planned}
            del rows, planned
            return self._drive(ente, flow_id, name, wait=wait, progress=progress, cancel=cancel,
                               client=client, report=report, sent=sent)

    def _record_flow(self, ente: EnteData, list_id: int, planned: list[PlannedRow]) -> int:
        now = datetime.now()
        iuf = f"MPD{now:%Y%m%d%H%M%S%f}"
        records = [p.record for p in planned]
        file_name = import_flow.flow_file_name(ente.ipa_code, iuf, self.version)
        counts = {"I": 0, "M": 0, "A": 0}
        rows: list[repo.FlowRowValues] = []
        for n, p in enumerate(planned, start=1):
            counts[p.action] += 1
            rows.append((p.row["id"], n, p.action, p.record.iud, p.hash))
        with self.ws.db.session(lock=locks.debts(ente.id)) as s:
            # Another desk (or the nightly job) may have started a flow for this list meanwhile.
            if repo.unfinished_flows(s, ente.id, list_id):
                raise UserError("Un altro invio di questa lista è in corso: riprova tra poco")
            created = utcnow()
            flow_id = repo.create_flow(s, ente_id=ente.id, list_id=list_id, iuf=iuf, version=self.version,
                                       file_name=file_name, zip_data=b"", counts=counts, now=created)
            on_thread = repo.flow_rows_in_one_statement(s)
            if not on_thread:
                repo.insert_flow_rows(s, flow_id, rows)

            def record_rows() -> None:
                if on_thread:
                    repo.insert_flow_rows(s, flow_id, rows)
                repo.mark_in_flight(s, flow_id, created)

            # The debts are marked in flight and (SQLite) the flow's rows written on a thread, statements run by the
            # database without the GIL, while this one writes the flow's CSV and ZIP; all within this
            # transaction, before any upload.
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="flow-record") as pool:
                recording = pool.submit(record_rows)
                try:
                    written_name, zip_bytes = import_flow.write_flow_zip(records, ente.ipa_code, iuf, self.version)
                finally:
                    recording.result()  # (the session is this thread's again only once the statements have ended)
            assert written_name == file_name
            repo.update_flow(s, flow_id, zip_data=zip_bytes)
        self.ws.audit("sync.flow", ente_id=ente.id, entity="upload_flow", entity_id=flow_id,
                      details={"iuf": iuf, **counts})
        return flow_id

    @single_flight(_resume_activity)
    def resume(self, flow_id: int, wait: bool = True, *, progress: ProgressCallback = no_progress,
               cancel: CancelToken = NEVER_CANCELLED) -> PushReport:
        ente = self.ws.ente.require_current()
        with self.ws.db.session() as s:
            flow = repo.get_flow(s, flow_id)
            if flow is None or flow.ente_id != ente.id:
                raise NotFoundError(f"Flusso {flow_id} non trovato")
            name = dict(repo.list_names(s, ente.id)).get(flow.list_id, "") if flow.list_id is not None else ""
        return self._drive(ente, flow_id, name, wait=wait, progress=progress, cancel=cancel, resumed=True)

    def resume_all(self, wait: bool = False, *, progress: ProgressCallback = no_progress,
                   cancel: CancelToken = NEVER_CANCELLED) -> list[PushReport]:
        """Bring every unfinished flow of the current Ente forward (e.g. at start-up)."""
        ente = self.ws.ente.current()
        if ente is None:
            return []
        with self.ws.db.session() as s:
            flows = [f.id for f in repo.unfinished_flows(s, ente.id)]
        reports = []
        for fid in flows:
            try:
                reports.append(self.resume(fid, wait, progress=progress, cancel=cancel))
            except ActivityBusyError:
                continue  # another desk is sending that list: it brings the flow forward itself
        return reports

    # --- the state machine ------------------------------------------------------------------
    def _load_report(self, flow_id: int, list_name: str, report: PushReport | None) -> PushReport:
        with self.ws.db.session() as s:
            f = repo.get_flow(s, flow_id)
            if f is None:
                raise NotFoundError(f"Flusso {flow_id} non trovato")
            rep = report or PushReport(list_name=list_name)
            rep.flow, rep.flow_id, rep.state, rep.portal_state = f.iuf, f.id, f.state, f.portal_state
            rep.actions = {"I": f.count_insert, "M": f.count_modify, "A": f.count_cancel}
            rep.accepted, rep.rejected, rep.error = f.accepted, f.rejected, f.error_message
            rep.rejections = [RowProblem(r.iud, r.code, r.message, r.action, r.debt_id)
                              for r in repo.flow_rows(s, flow_id, "REJECTED")]
        return rep

    def _drive(self, ente: EnteData, flow_id: int, list_name: str, *, wait: bool, progress: ProgressCallback,
               cancel: CancelToken, resumed: bool = False, client: MyPayClient | None = None,
               report: PushReport | None = None, sent: dict[int, DebtRecord] | None = None) -> PushReport:
        if client is None:
            with self.ws.portal.client(ente, cancel=cancel) as own:
                return self._drive(ente, flow_id, list_name, wait=wait, progress=progress, cancel=cancel,
                                   resumed=resumed, client=own, report=report, sent=sent)
        report = self._load_report(flow_id, list_name, report)
        report.resumed = resumed
        uploads = 0
        last_upload_error: PortalError | None = None
        while True:
            with self.ws.db.session() as s:
                f = repo.get_flow(s, flow_id)
                state, token, file_name = f.state, f.request_token, f.file_name
            if state == "PREPARATO":
                if uploads >= self.max_upload_attempts:
                    # The portal confirmed it has nothing of this flow: free the debts for the next sync.
                    self._forget(flow_id)
                    raise last_upload_error or PortalError("caricamento del flusso non riuscito", transient=True)
                progress(1, 4, "Caricamento sul portale")
                t = time.monotonic()
                try:
                    cancel.raise_if_cancelled()
                    auth = client.autorizza_import_flusso()
                    cancel.raise_if_cancelled()
                except (PortalError, Cancelled):
                    self._forget(flow_id)
                    raise
                with self.ws.db.session() as s:
                    # Saved before the upload: from here on, the outcome must be verified, never assumed.
                    repo.update_flow(s, flow_id, state="AUTORIZZATO", request_token=auth.request_token,
                                     upload_url=auth.upload_url, authorization_token="", error_message="")
                    zip_data = repo.get_flow(s, flow_id).zip_data or b""
                uploads += 1
                try:
                    self.ws.activities.ensure_held()  # never two desks uploading one flow
                    client.upload_flow(auth, file_name, zip_data)
                except PortalError as exc:
                    last_upload_error = exc
                    report.timings["upload"] = report.timings.get("upload", 0.0) + time.monotonic() - t
                    continue  # AUTORIZZATO: verify below whether the file arrived
                with self.ws.db.session() as s:
                    repo.update_flow(s, flow_id, state="CARICATO")
                report.timings["upload"] = report.timings.get("upload", 0.0) + time.monotonic() - t
                continue
            if state == "AUTORIZZATO":
                arrived = self._verify_upload(client, flow_id, token, cancel)
                if arrived is None:
                    raise last_upload_error or PortalError(
                        "non è stato possibile verificare se il flusso è arrivato al portale: verrà verificato "
                        "alla prossima sincronizzazione (nessuna riga verrà inviata due volte)", transient=True)
                continue
            if state == "CARICATO":
                done = self._poll(client, flow_id, token, wait=wait, progress=progress, cancel=cancel,
                                  report=report, sent=sent)
                if not done:
                    return self._load_report(flow_id, list_name, report)
                continue
            # ELABORATO or ERRORE
            out = self._load_report(flow_id, list_name, report)
            progress(4, 4, out.message)
            return out

    def _forget(self, flow_id: int) -> None:
        with self.ws.db.session(lock=locks.ROWS) as s:  # read, then write: a write from BEGIN
            f = repo.get_flow(s, flow_id)
            if f is not None and f.state == "PREPARATO":
                repo.delete_flow(s, flow_id)

    def _verify_upload(self, client: MyPayClient, flow_id: int, token: str, cancel: CancelToken) -> bool | None:
        """Did the upload with ``token`` reach the portal? True (-> CARICATO), False (-> PREPARATO),
        None when the portal could not be asked (the flow stays AUTORIZZATO)."""
        try:
            status = self._status_unless_forgotten(client, token)
        except PortalError:
            return None
        with self.ws.db.session() as s:
            if status is None:
                repo.update_flow(s, flow_id, state="PREPARATO", request_token="", upload_url="")
                return False
            repo.update_flow(s, flow_id, state="CARICATO", portal_state=status.state)
        return True

    def _status_unless_forgotten(self, client: MyPayClient, token: str):
        """The flow's status; None once the portal has said ``upload_checks`` times, with growing pauses, that
        it does not know ``token`` (PAA_REQUEST_TOKEN_NON_VALIDO). Any other PortalError is raised.

        MyPay looks a flow up by its token and gives that fault when there is none or it is another Ente's
        (mypay4 PagamentiTelematiciDovutiPagatiImpl.paaSILChiediStatoImportFlusso,
        VerificationUtils.verificaImportDovuti): an answer that does not change, once the portal has stored a
        file received at the last moment (hence the pauses)."""
        pause = self.upload_grace
        for attempt in range(self.upload_checks):
            try:
                return client.chiedi_stato_import_flusso(token)
            except PortalError as exc:
                if exc.fault_code != "PAA_REQUEST_TOKEN_NON_VALIDO":
                    raise
                if attempt + 1 < self.upload_checks:
                    client.pause(pause)
                    pause *= 2
        return None

    def _poll(self, client: MyPayClient, flow_id: int, token: str, *, wait: bool, progress: ProgressCallback,
              cancel: CancelToken, report: PushReport, sent: dict[int, DebtRecord] | None = None) -> bool:
        """Poll until the portal has processed the flow; apply the outcome. False: still running."""
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="outcome-prepare") as pool:
            # Worked out while the portal processes (this thread only waits): the apply's part that needs
            # no outcome. Left unused when the push returns before the outcome (wait=False, an error).
            prepared = pool.submit(self._prepare_outcome, flow_id, sent) if sent is not None and wait else None
            try:
                return self._poll_until_done(client, flow_id, token, wait=wait, progress=progress, cancel=cancel,
                                             report=report, sent=sent, prepared=prepared)
            finally:
                if prepared is not None:
                    prepared.cancel()

    def _poll_until_done(self, client: MyPayClient, flow_id: int, token: str, *, wait: bool,
                         progress: ProgressCallback, cancel: CancelToken, report: PushReport,
                         sent: dict[int, DebtRecord] | None, prepared: Future | None) -> bool:
        t = time.monotonic()
        pause = self.poll_initial
        while True:
            cancel.raise_if_cancelled()
            status = self._status_unless_forgotten(client, token)
            if status is None:
                # The portal no longer knows the flow's request (another portal set meanwhile, a purge, a token
                # damaged on the way): its outcome can never be read, and resuming it would fail on every push.
                report.timings["processing"] = report.timings.get("processing", 0.0) + time.monotonic() - t
                self._end_unprocessed(flow_id, "PAA_REQUEST_TOKEN_NON_VALIDO: il portale non riconosce più la "
                                               "richiesta di questo flusso, quindi il suo esito non si può conoscere.")
                return True
            with self.ws.db.session() as s:
                repo.update_flow(s, flow_id, portal_state=status.state)
            if status.running:
                progress(2, 4, "Elaborazione sul portale")
                if not wait or time.monotonic() - t > self.poll_timeout:
                    report.timings["processing"] = report.timings.get("processing", 0.0) + time.monotonic() - t
                    return False
                client.pause(pause)
                pause = min(self.poll_max, pause * self.poll_factor)
                continue
            report.timings["processing"] = report.timings.get("processing", 0.0) + time.monotonic() - t
            if status.failed:
                self._end_unprocessed(flow_id, f"{status.state}: {fault_message(status.state)}")
                return True
            progress(3, 4, "Applicazione degli esiti")
            t_apply = time.monotonic()
            with bulk_work():
                self._apply(client, flow_id, status, report, sent, _result_or_none(prepared))
            report.timings["apply"] = time.monotonic() - t_apply
            return True

    def _end_unprocessed(self, flow_id: int, error_message: str) -> None:
        """A flow whose outcome will never be applied: ERRORE, its debts back to what they were before it."""
        with self.ws.db.session() as s:
            repo.release_debts(s, flow_id)
            repo.mark_rows(s, flow_id, "SKIPPED")  # none was applied; they travel in the next flow
            repo.update_flow(s, flow_id, state="ERRORE", error_message=error_message)


def _result_or_none(prepared: Future | None):
    """The outcome's preparation, or None when it failed (a busy database...): then the apply works it
    out itself, as it does for a flow resumed later. Only a time saving, never a reason to fail."""
    if prepared is None:
        return None
    try:
        return prepared.result()
    except Exception:  # noqa: BLE001 - logged; the apply does the same work itself
        log.warning("preparazione dell'applicazione degli esiti non riuscita: rifatta", exc_info=True)
        return None
