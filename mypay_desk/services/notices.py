"""Payment notices (avvisi di pagamento pagoPA): batches of debts into one PDF or a ZIP of PDFs.

Debts that cannot have a notice (no numero avviso yet, cancelled, paid, ...) are skipped and reported
with the reason. Long runs report progress and can be cancelled; the output file appears only when the
run completes (it is written to a temporary name first, see notice_files). One PDF is written as a
stream (notice_stream) from chunks laid out by worker processes (notice_work), so its size is not
bounded by memory.
"""

from __future__ import annotations

import io
import logging
import os
import zipfile
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mypay_desk.domain.ente import DebtTypeData, EnteData
from mypay_desk.domain.notice import (
    ANONYMOUS_DEBTOR_CODES,
    LIMITS,
    NoticeData,
    NoticeDataError,
    NoticeDebtor,
    NoticeEnte,
    PaymentOption,
    clean_text,
    clip,
    format_address,
    postal_account_12,
    unpayable_reason,
)
from mypay_desk.services.errors import UserError
from mypay_desk.services.notice_barcodes import encode_pages
from mypay_desk.services.notice_files import PartFile, remove_stale_parts
from mypay_desk.services.notice_layout import NoticeWriter
from mypay_desk.services.notice_stream import PdfStream, copy_resources, resources_pdf
from mypay_desk.services.notice_work import (
    BrokenProcessPool,
    PdfChunk,
    ZipChunk,
    make_pool,
    pdf_chunk,
    single_pdf,
    zip_chunk,
)
from mypay_desk.services.progress import NEVER_CANCELLED, CancelToken, ProgressCallback, no_progress
from mypay_desk.store.repositories import notices as repo

if TYPE_CHECKING:  # pragma: no cover
    from mypay_desk.services.workspace import Workspace

CHUNK = 200  # debts loaded, laid out and written together
ZIP_CHUNK = 100  # for a ZIP (each notice carries its own list of characters and forms)

log = logging.getLogger(__name__)


@dataclass
class SkippedDebt:
    iud: str
    reason: str
    debt_id: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"iud": self.iud, "reason": self.reason}


@dataclass
class NoticeBatchResult:
    printed: int = 0
    pages: int = 0
    skipped: list[SkippedDebt] = field(default_factory=list)
    output: Path | None = None
    zip: bool = False
    removed_parts: list[Path] = field(default_factory=list)  # left by runs that were killed

    def to_json(self) -> dict[str, Any]:
        """The shape of ``notices print --json`` (CLI.md), plus ``pages`` and ``removed_partial_files``."""
        return {"printed": self.printed, "skipped": [s.to_json() for s in self.skipped],
                "output": str(self.output) if self.output else None, "pages": self.pages,
                "removed_partial_files": [str(p) for p in self.removed_parts]}


class NoticeBuilder:
    """Turns debt rows (with their instalments) into :class:`NoticeData`, or a reason to skip."""

    def __init__(self, ente: EnteData, types: Sequence[DebtTypeData]):
        self.ente = ente
        self.types = {t.code: t for t in types}
        self._entes: dict[tuple[str, str], NoticeEnte] = {}

    def notice_ente(self, debt_type: DebtTypeData | None) -> NoticeEnte:
        e = self.ente
        sector = (debt_type.sector if debt_type and debt_type.sector else e.sector) or ""
        # A tipo dovuto with its own postal account collects on that account.
        account = (debt_type.postal_account if debt_type and debt_type.postal_account else e.postal_account) or ""
        key = (sector, account)
        ne = self._entes.get(key)
        if ne is None:
            ne = NoticeEnte(
                name=clean_text(e.name), fiscal_code=e.fiscal_code, sector=clean_text(sector),
                info=clean_text(e.info), cbill=clean_text(e.cbill), postal_account=account.strip(),
                postal_holder=clean_text(e.postal_holder), poste_authorization=clean_text(e.poste_authorization),
                logo=e.logo, web_payments=bool(e.payments_web_page.strip()), key=e.ipa_code,
            )
            self._entes[key] = ne
        return ne

    @staticmethod
    def _reason(row: dict[str, Any]) -> str | None:
        return unpayable_reason(
            notice_number=row["notice_number"], state=row["state"], cancel_requested=row["cancel_requested"],
            amount_cents=row["amount_cents"] or 0, paid_amount_cents=row["paid_amount_cents"] or 0,
            is_valid=row["is_valid"],
        )

    @staticmethod
    def _option(row: dict[str, Any]) -> PaymentOption:
        due = row["due_date"]
        if isinstance(due, str):
            due = date.fromisoformat(due)
        return PaymentOption(
            notice_number=row["notice_number"].strip(), amount_cents=row["amount_cents"], due_date=due,
            instalment_number=row["instalment_number"], iuv=row["iuv"],
        )

    def build(self, debt: dict[str, Any], children: list[dict[str, Any]]) -> tuple[NoticeData | None, str | None]:
        reason = self._reason(debt)
        if children:
            return self._build_with_instalments(debt, children, reason)
        if reason:
            return None, reason
        return self._notice(debt, self._option(debt), []), None

    def _build_with_instalments(self, debt, children, reason):
        if reason in ("dovuto annullato", "dovuto già pagato"):
            return None, reason
        done = {"dovuto annullato", "dovuto già pagato", "dovuto già pagato in parte"}
        open_rows = []
        any_paid = False
        for child in children:
            r = self._reason(child)
            if r in done:
                any_paid = any_paid or r != "dovuto annullato"
                continue
            if r:
                return None, f"rata {child['instalment_number']}: {r}"
            open_rows.append(child)
        if not open_rows:
            return None, "nessuna rata da pagare"
        single = None
        if not any_paid and reason != "dovuto già pagato in parte":
            if reason:
                return None, reason
            single = self._option(debt)
        return self._notice(debt, single, [self._option(c) for c in open_rows]), None

    def _notice(self, debt: dict[str, Any], single: PaymentOption | None,
                instalments: list[PaymentOption]) -> NoticeData:
        debt_type = self.types.get(debt["debt_type"])
        subject = clean_text(debt["causale"]) or (debt_type.description if debt_type else "") or debt["debt_type"]
        code = (debt["debtor_code"] or "").strip().upper()
        debtor = NoticeDebtor(
            name=clip(debt["debtor_name"], LIMITS["debtor_name"]),
            fiscal_code="" if code in ANONYMOUS_DEBTOR_CODES else clip(code, LIMITS["debtor_cf"]),
            address=format_address(debt["address"], debt["civic"], debt["postal_code"], debt["city"],
                                   debt["province"], debt["country"]),
        )
        return NoticeData(
            ente=self.notice_ente(debt_type), debtor=debtor, subject=clip(subject, LIMITS["subject"]),
            single=single, instalments=instalments,
            print_due_date=debt_type.print_due_date if debt_type else True,
            iud=debt["iud"], iuv=debt["iuv"], debt_id=debt["id"],
        )


class _StreamedPdf:
    """One PDF written as a stream (notice_stream): pages as chunks come, the shared resources at the end."""

    work = staticmethod(pdf_chunk)

    def __init__(self, fh, barcodes: bool):
        self.pdf = PdfStream(fh, title="Avvisi di pagamento pagoPA")
        self.forms: dict[str, tuple] = {}
        self.chars: dict[str, set[str]] = {}

    def add_chunk(self, chunk: PdfChunk) -> list[int | str]:
        for name, key in chunk.forms.items():
            self.forms.setdefault(name, key)
        for font_name, chars in chunk.chars.items():
            self.chars.setdefault(font_name, set()).update(chars)
        out: list[int | str] = []
        for pages in chunk.notices:
            if isinstance(pages, str):
                out.append(pages)
                continue
            for content, barcodes in pages:
                self.pdf.add_page([content, barcodes])
            out.append(len(pages))
        return out

    def close(self) -> None:
        first = self.pdf.next_number
        resources, bodies = copy_resources(resources_pdf(self.forms, self.chars), first)
        self.pdf.add_resources(resources, bodies, first)
        self.pdf.close()


class _Zip:
    """A ZIP with one PDF per notice, named by IUV (pages laid out by zip_chunk, files made here)."""

    work = staticmethod(zip_chunk)

    def __init__(self, fh, barcodes: bool):
        # PDF streams are already compressed: storing is as small and much faster
        self.zf = zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_STORED)

    def _name(self, stem: str) -> str:
        name = f"{stem}.pdf"
        n = 2
        while name in self.zf.NameToInfo:  # two debts with the same IUV (e.g. from different lists)
            name = f"{stem}_{n}.pdf"
            n += 1
        return name

    def add_chunk(self, chunk: ZipChunk) -> list[int | str]:
        out: list[int | str] = []
        for item in chunk.notices:
            if isinstance(item, str):
                out.append(item)
                continue
            self.zf.writestr(self._name(item.stem), single_pdf(item, chunk.forms))
            out.append(len(item.pages))
        return out

    def close(self) -> None:
        self.zf.close()


def plain_chunk(notices: Sequence[NoticeData], barcodes: bool = True) -> list[tuple[NoticeData, list[bytes] | None] | str]:
    """Barcodes only: the plain writers below lay the notices out on the calling thread."""
    out: list[tuple[NoticeData, list[bytes] | None] | str] = []
    for notice in notices:
        try:
            out.append((notice, encode_pages(NoticeWriter.jobs(notice)) if barcodes else None))
        except NoticeDataError as exc:
            out.append(str(exc))
    return out


class _PlainPdf:
    """The reference path: one reportlab document built in memory (tests and the benchmark baseline)."""

    work = staticmethod(plain_chunk)

    def __init__(self, fh, barcodes: bool):
        self.writer = NoticeWriter(fh, barcodes=barcodes)

    def add_chunk(self, chunk) -> list[int | str]:
        return [item if isinstance(item, str) else self.writer.add(*item) for item in chunk]

    def close(self) -> None:
        self.writer.save()


class _PlainZip(_Zip):
    work = staticmethod(plain_chunk)

    def __init__(self, fh, barcodes: bool):
        super().__init__(fh, barcodes)
        self.barcodes = barcodes

    def add_chunk(self, chunk) -> list[int | str]:
        out: list[int | str] = []
        for item in chunk:
            if isinstance(item, str):
                out.append(item)
                continue
            notice, streams = item
            buf = io.BytesIO()
            w = NoticeWriter(buf, barcodes=self.barcodes, title=f"Avviso di pagamento {notice.file_stem}")
            out.append(w.add(notice, streams))
            w.save()
            self.zf.writestr(self._name(notice.file_stem), buf.getvalue())
        return out


@dataclass
class _Chunk:
    count: int  # debts of the chunk, printable or not
    notices: list[NoticeData]
    future: Any = None  # laid out by a worker process
    result: Any = None  # laid out here


class NoticeService:
    def __init__(self, ws: Workspace):
        self.ws = ws

    # --- selection ------------------------------------------------------------------------------
    def _select(self, ente: EnteData, list_name: str | None, iuds: Sequence[str] | None,
                debt_ids: Sequence[int] | None) -> tuple[list[int], list[SkippedDebt]]:
        skipped: list[SkippedDebt] = []
        with self.ws.db.session() as s:
            list_id = None
            if list_name is not None:
                found = repo.find_list(s, ente.id, list_name)
                if found is None:
                    raise UserError(f"Lista «{list_name}» non trovata per l'Ente {ente.ipa_code}", field="lista")
                list_id = found[0]
            if debt_ids is not None:
                ids = repo.top_level_ids(s, ente.id, debt_ids)
            elif iuds:
                mapping = repo.ids_by_iud(s, ente.id, list(iuds), list_id)
                ids = []
                for iud in dict.fromkeys(iuds):
                    if iud in mapping:
                        ids.append(mapping[iud])
                    else:
                        where = f" nella lista «{list_name}»" if list_name else ""
                        skipped.append(SkippedDebt(iud, f"IUD non trovato{where}"))
                ids = list(dict.fromkeys(ids))
            elif list_id is not None:
                ids = repo.list_debt_ids(s, list_id)
            else:
                raise UserError("Indicare una lista, degli IUD o dei dovuti da stampare")
        return ids, skipped

    def _check_ente(self, ente: EnteData) -> None:
        if ente.postal_account.strip() and ente.poste_authorization.strip():
            try:
                postal_account_12(ente.postal_account)
            except NoticeDataError as exc:
                raise UserError(str(exc), field="conto corrente postale") from exc
        if not (ente.fiscal_code.isdigit() and len(ente.fiscal_code) == 11):
            raise UserError("Il codice fiscale dell'Ente deve avere 11 cifre per stampare gli avvisi",
                            field="codice fiscale")

    # --- printing -------------------------------------------------------------------------------
    def print_notices(
        self,
        output: str | os.PathLike,
        *,
        list_name: str | None = None,
        iuds: Sequence[str] | None = None,
        debt_ids: Sequence[int] | None = None,
        zip: bool = False,  # noqa: A002 - the name the UI and CLI use
        ente_ipa: str | None = None,
        barcodes: bool = True,
        plain: bool = False,
        progress: ProgressCallback = no_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> NoticeBatchResult:
        """Print the notices of a list, of some IUDs (within the list if given) or of some debt ids.

        One PDF (``zip=False``) or a ZIP with one PDF per debt named by IUV. ``barcodes=False`` draws
        empty boxes instead of the QR code and Data Matrix (only for measuring their cost);
        ``plain=True`` takes the reference path (one reportlab document in memory, no worker
        processes) that the streamed output is tested and measured against.
        """
        ente = self.ws.ente.get(ente_ipa) if ente_ipa else self.ws.ente.require_current()
        self._check_ente(ente)
        output = Path(output)
        if output.is_dir():
            raise UserError(f"{output} è una cartella: indicare il nome del file da creare", field="output")
        if not output.parent.exists():
            raise UserError(f"La cartella {output.parent} non esiste", field="output")
        ids, skipped = self._select(ente, list_name, iuds, debt_ids)
        builder = NoticeBuilder(ente, self.ws.ente.types(ente.id))
        result = NoticeBatchResult(skipped=skipped, zip=zip, removed_parts=remove_stale_parts(output.parent))
        for path in result.removed_parts:
            log.info("rimosso il file parziale di una stampa interrotta: %s", path)
        total = len(ids)
        progress(0, total, "")
        part = PartFile(output)
        try:
            kind = (_PlainZip if zip else _PlainPdf) if plain else (_Zip if zip else _StreamedPdf)
            sink = kind(part.file, barcodes)
            self._run(ids, builder, sink, barcodes, result, progress, cancel, pool=not plain)
            if result.printed:
                sink.close()
                part.commit()
                result.output = output
            else:
                part.discard()
        except BaseException:
            part.discard()
            raise
        progress(total, total, "")
        self.ws.audit("notices.print", ente_id=ente.id, entity="debt_list",
                      details={"list": list_name, "printed": result.printed, "skipped": len(result.skipped),
                               "output": str(output), "zip": zip,
                               "removed_parts": [str(p) for p in result.removed_parts]})
        return result

    @staticmethod
    def _result(chunk: _Chunk, pending: deque[_Chunk], work, barcodes: bool):
        """What ``chunk`` came to: its own work here if no worker has started it; while a worker is
        still busy on it, lay out a later chunk that no worker has taken yet instead of idling."""
        if chunk.result is not None:
            return chunk.result
        if chunk.future is None or chunk.future.cancel():
            return work(chunk.notices, barcodes)
        while not chunk.future.done():
            spare = next((c for c in pending if c.result is None
                          and (c.future is None or c.future.cancel())), None)
            if spare is None:
                break
            spare.future = None
            spare.result = work(spare.notices, barcodes)
        return chunk.future.result()

    def _run(self, ids: list[int], builder: NoticeBuilder, sink, barcodes: bool, result: NoticeBatchResult,
             progress: ProgressCallback, cancel: CancelToken, pool: bool = True) -> None:
        """Load and build here, lay out chunk by chunk (in worker processes when the run is large
        enough), write the results here in order.

        A chunk that no worker has started yet (they are still starting, or slowed down by other
        load) is laid out here instead of waiting for it.
        """
        total = len(ids)
        workers = make_pool(total) if pool else None
        lookahead = 2 * workers.workers + 2 if workers else 1
        size = min(CHUNK, ZIP_CHUNK) if isinstance(sink, _Zip) else CHUNK
        chunks = iter(range(0, total, size))
        pending: deque[_Chunk] = deque()

        def prepare() -> None:
            start = next(chunks, None)
            if start is None:
                return
            chunk_ids = ids[start:start + size]
            with self.ws.db.session() as s:
                rows = repo.load(s, chunk_ids)
            chunk = _Chunk(count=len(chunk_ids), notices=[])
            for debt, children in rows:
                notice, reason = builder.build(debt, children)
                if notice is None:
                    result.skipped.append(SkippedDebt(debt["iud"], reason or "", debt["id"]))
                else:
                    chunk.notices.append(notice)
            pending.append(chunk)

        def submit_ready() -> None:
            if workers is not None and workers.ready():
                for c in pending:
                    if c.future is None and c.result is None and c.notices:
                        c.future = workers.submit(sink.work, c.notices, barcodes)  # None if broken

        done = 0
        try:
            for _ in range(lookahead):
                prepare()
            submit_ready()
            while pending:
                cancel.raise_if_cancelled()
                chunk = pending.popleft()
                prepare()
                submit_ready()
                if chunk.notices:
                    try:
                        outcome = self._result(chunk, pending, sink.work, barcodes)
                    except BrokenProcessPool:  # a worker died (killed, out of memory): go on here
                        log.warning("processi di stampa avvisi interrotti: il resto è impaginato qui")
                        workers.broken = True
                        for c in pending:
                            c.future = None
                        outcome = sink.work(chunk.notices, barcodes)
                    cancel.raise_if_cancelled()
                    for notice, pages in zip(chunk.notices, sink.add_chunk(outcome), strict=True):
                        if isinstance(pages, str):
                            result.skipped.append(SkippedDebt(notice.iud, pages, notice.debt_id))
                        else:
                            result.pages += pages
                            result.printed += 1
                done += chunk.count
                progress(done, total, f"{done} di {total} dovuti")
        except BaseException:  # cancelled, failed or interrupted: stop the workers without waiting
            if workers is not None:
                workers.close(cancel=True)
            raise
        if workers is not None:
            workers.close()


# --- sample -----------------------------------------------------------------------------------------

def sample_notice(*, poste: bool = True, instalments: int = 0) -> NoticeData:
    """A realistic notice with made-up data (smoke test, documentation, tests)."""
    from mypay_desk.domain.codes import check_digits

    def nav(n: int) -> str:
        body = "3" + "12" + f"{10**11 + n:013d}"
        return body + check_digits(body)

    ente = NoticeEnte(
        name="Comune di Esempio", fiscal_code="01199250158", sector="Servizio Tributi",
        info="Piazza del Municipio 1, 20100 Milano · tel. 02 0000000 · tributi@comune.esempio.it",
        cbill="AAAAA", postal_account="001234567890" if poste else "",
        postal_holder="Comune di Esempio – Servizio Tesoreria",
        poste_authorization="AUT. DB/SSIC/E 0000 DEL 01/01/2024" if poste else "", key="SAMPLE",
        logo=sample_logo(),
    )
    debtor = NoticeDebtor(name="Maria Bianchi", fiscal_code="BNCMRA80A41F205X",
                          address="Via Giuseppe Verdi 12, 20121 Milano (MI)")
    total = 18_750 * max(instalments, 1)
    single = PaymentOption(nav(1), total, date(2025, 3, 31), iuv=nav(1)[1:])
    rates = [PaymentOption(nav(1 + i), 18_750, date(2025, 2 + i, 28), i) for i in range(1, instalments + 1)]
    return NoticeData(ente=ente, debtor=debtor, subject="TARI 2025 – Tassa sui rifiuti, abitazione principale",
                      single=single, instalments=rates, print_due_date=True, iud="ESEMPIO-1", iuv=single.iuv)


def sample_logo() -> bytes:
    """A made-up civic crest (PNG) for the sample notice: a shield with a three-towered castle."""
    from PIL import Image, ImageDraw

    im = Image.new("RGB", (240, 280), "white")
    d = ImageDraw.Draw(im)
    shield = [(20, 20), (220, 20), (220, 150), (120, 262), (20, 150)]
    d.polygon(shield, fill=(30, 90, 160), outline=(20, 40, 80))
    d.line([*shield, shield[0]], fill=(20, 40, 80), width=8)
    d.rectangle((60, 120, 180, 200), fill="white")
    for x in (60, 105, 150):
        d.rectangle((x, 80, x + 30, 125), fill="white")
        for m in range(3):
            d.rectangle((x + m * 11, 70, x + m * 11 + 7, 82), fill="white")
    d.rectangle((105, 160, 135, 200), fill=(30, 90, 160))
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


def render_notices(notices: Sequence[NoticeData], *, barcodes: bool = True) -> bytes:
    """Render notices to PDF bytes on the calling thread."""
    buf = io.BytesIO()
    writer = NoticeWriter(buf, barcodes=barcodes)
    for n in notices:
        writer.add(n, encode_pages(NoticeWriter.jobs(n)) if barcodes else None)
    writer.save()
    return buf.getvalue()


def render_sample_notice() -> bytes:
    """One complete notice (QR code, Poste Data Matrix, embedded fonts): the app's --smoke-test."""
    return render_notices([sample_notice(poste=True)])
