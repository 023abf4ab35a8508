"""Downloading new receipts from the portal (incremental export booked, polled, imported)."""

from __future__ import annotations

import os
import time
from dataclasses import asdict
from datetime import datetime, timedelta

from mypay_desk.services.activity import single_flight
from mypay_desk.services.errors import PortalError
from mypay_desk.services.progress import NEVER_CANCELLED, CancelToken, ProgressCallback, no_progress
from mypay_desk.services.receipts.views import (
    ReceiptServiceBase,
    SyncReport,
)
from mypay_desk.store import locks
from mypay_desk.store.repositories import receipts as repo

# First incremental sync of an Ente: receipts of the last 90 days. MyPay keeps exports selectable
# far longer, but older payments are normally already known to the office; an older start can be
# set with ``set_sync_start``.
FIRST_SYNC_DAYS = 90
EXPORT_VERSION = "1.3"  # the richest layout (bilancio, secondary Enti) with the receipt block
POLL_FIRST_S = 1.0
POLL_MAX_S = 30.0
POLL_TIMEOUT_S = 15 * 60.0


class ReceiptDownload(ReceiptServiceBase):
    """``sync receipts``: the incremental export from the portal, resumable; one desk at a time per Ente
    (the activity ``receipts:<ente id>``: a second desk is told who is downloading)."""

    # --- portal ---------------------------------------------------------------------------------------
    def synced_to(self, *, ente_id: int | None = None) -> datetime | None:
        ente = self._ente(ente_id)
        with self.ws.db.session() as s:
            return repo.get_synced_to(s, ente.id)

    def set_sync_start(self, when: datetime, *, ente_id: int | None = None) -> None:
        """Where the next incremental download starts (e.g. further back than the default)."""
        ente = self._ente(ente_id)
        with self.ws.db.session() as s:
            repo.set_synced_to(s, ente.id, when)

    def _client(self, ente, cancel: CancelToken):
        return self.ws.portal.client(ente, cancel=cancel)

    @single_flight(lambda self, *, ente_id=None, **_kw: (f"receipts:{self._ente(ente_id).id}",
                                                         "sta scaricando le ricevute dal portale"))
    def sync_receipts(self, *, ente_id: int | None = None, progress: ProgressCallback = no_progress,
                      cancel: CancelToken = NEVER_CANCELLED, poll_timeout: float = POLL_TIMEOUT_S,
                      poll_first: float = POLL_FIRST_S) -> SyncReport:
        """Download new receipts (incremental export with receipts) and import them.

        From the last ``dateTo`` kept for the Ente (first time: FIRST_SYNC_DAYS ago). The booking is
        stored before polling, so an interrupted sync resumes the same export; the new ``dateTo``
        is stored only once the export has been imported.
        """
        ente = self._ente(ente_id)
        report = SyncReport()
        client = self._client(ente, cancel)
        try:
            with self.ws.db.session() as s:
                req = repo.open_request(s, ente.id)
                if req is not None:
                    req_id, token, date_from, date_to = req.id, req.request_token, req.date_from, req.date_to
                    report.resumed = True
            if req is None:
                req_id, token, date_from, date_to = self._book(client, ente, progress)
            report.date_from, report.date_to = date_from, date_to
            try:
                status = self._poll(client, token, progress, cancel, poll_timeout, poll_first)
            except PortalError as exc:
                if report.resumed and exc.fault_code == "PAA_REQUEST_TOKEN_NON_VALIDO":
                    # the portal forgot the old booking: book again from the same start
                    self._set_request(req_id, state="ABBANDONATO")
                    report.resumed = False
                    req_id, token, date_from, date_to = self._book(client, ente, progress)
                    report.date_from, report.date_to = date_from, date_to
                    status = self._poll(client, token, progress, cancel, poll_timeout, poll_first)
                else:
                    raise
            if status.empty:
                self._finish(ente.id, req_id, "VUOTO", date_to, 0)
                report.state = "VUOTO"
                return report
            if not status.done:
                self._set_request(req_id, state="ERRORE")
                raise PortalError(f"il portale non ha preparato l'export delle ricevute (stato {status.state}); "
                                  "la prossima sincronizzazione lo richiederà di nuovo", fault_code=status.state)
            if not status.download_url:
                raise PortalError("export delle ricevute pronto ma senza indirizzo di scaricamento", transient=True)
            self._set_request(req_id, state="ESEGUITO", download_url=status.download_url)
            progress(0, 0, "Scaricamento dell'export delle ricevute")
            data = client.download(status.download_url, "export ricevute")
            cancel.raise_if_cancelled()
            name = _download_name(status.download_url) or f"export-ricevute-{req_id}.zip"
            imported = self.import_bytes(data, name, ente_id=ente.id, progress=progress, cancel=cancel)
            for k, v in asdict(imported).items():
                setattr(report, k, v)
            self._finish(ente.id, req_id, "IMPORTATO", date_to, imported.new)
            report.state = "IMPORTATO"
            return report
        finally:
            client.close()

    def _book(self, client, ente, progress: ProgressCallback):
        with self.ws.db.session() as s:
            start = repo.get_synced_to(s, ente.id)
        if start is None:
            start = (datetime.now() - timedelta(days=FIRST_SYNC_DAYS)).replace(hour=0, minute=0, second=0,
                                                                                microsecond=0)
        progress(0, 0, "Prenotazione dell'export delle ricevute")
        booked_at = datetime.now().replace(microsecond=0)
        booking = client.prenota_export_incrementale_con_ricevuta(start, ricevuta=True, incrementale=True,
                                                                  version=EXPORT_VERSION)
        # MyPay answers the dateTo to use next; without it, the booking time is the safe bound.
        date_to = booking.date_to or booked_at
        with self.ws.db.session() as s:
            req = repo.add_request(s, ente.id, booking.request_token, start, date_to, EXPORT_VERSION)
            req_id = req.id
        return req_id, booking.request_token, start, date_to

    def _poll(self, client, token: str, progress: ProgressCallback, cancel: CancelToken, timeout: float,
              first: float):
        delay = first
        deadline = time.monotonic() + timeout
        while True:
            cancel.raise_if_cancelled()
            status = client.chiedi_stato_export_flusso(token)
            if not status.running:
                return status
            progress(0, 0, f"Il portale sta preparando l'export ({status.state})")
            if time.monotonic() + delay > deadline:
                raise PortalError("l'export delle ricevute non è ancora pronto: riprova più tardi "
                                  "(la richiesta è conservata e verrà ripresa)", transient=True)
            client.pause(delay)
            delay = min(delay * 2, POLL_MAX_S)

    def _set_request(self, req_id: int, **values) -> None:
        # Read-then-write sessions begin as writes: on SQLite a command-line job may be writing meanwhile.
        with self.ws.db.session(lock=locks.ROWS) as s:
            req = repo.get_request(s, req_id)
            for k, v in values.items():
                setattr(req, k, v)

    def _finish(self, ente_id: int, req_id: int, state: str, date_to: datetime | None, imported: int) -> None:
        with self.ws.db.session(lock=locks.ROWS) as s:
            req = repo.get_request(s, req_id)
            req.state = state
            req.receipts_imported = imported
            if date_to is not None:
                repo.set_synced_to(s, ente_id, date_to)

    def sync_history(self, *, ente_id: int | None = None, limit: int = 20) -> list[dict]:
        ente = self._ente(ente_id)
        with self.ws.db.session() as s:
            return [{"date_from": r.date_from, "date_to": r.date_to, "state": r.state, "version": r.version,
                     "receipts_imported": r.receipts_imported, "at": r.created_at}
                    for r in repo.last_requests(s, ente.id, limit)]


def _download_name(url: str) -> str:
    from urllib.parse import parse_qs, urlsplit

    q = parse_qs(urlsplit(url).query)
    name = (q.get("filename") or [""])[0]
    return os.path.basename(name)

