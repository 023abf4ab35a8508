"""What the debts table needs: fast filtered/sorted access to a list of up to 1,000,000 debts, and
bulk changes that return the old values so the GUI can undo them.

Reading: ``snapshot`` gives the ids of the matching debts in table order (one indexed query, packed
8 bytes per row); ``rows`` fetches only the rows on screen by primary key. ``count`` and ``window``
serve callers that want a page without a snapshot.

Writing: bulk changes compute the new values here and store them through ``ws.lists.update_debts``
(and ``cancel_debts``) so validation and pending I/M/A logic stay in the list service. Each returns a
:class:`ChangeSet` of the values before the change (the undo) and after it (the redo).
"""

from __future__ import annotations

import calendar
import re
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from mypay_desk.domain.debt_states import is_editable, state_label
from mypay_desk.domain.debts import RECORD_FIELDS, DebtRow, bilancio_from_json, flow_hash, rescale_bilancio
from mypay_desk.domain.money import MAX_AMOUNT_CENTS
from mypay_desk.services.conflicts import DebtConflictError
from mypay_desk.services.errors import UserError
from mypay_desk.services.progress import NEVER_CANCELLED, CancelToken, ProgressCallback, no_progress
from mypay_desk.store.repositories import debt_table as repo
from mypay_desk.store.repositories import portal as portal_repo

if TYPE_CHECKING:  # pragma: no cover
    from mypay_desk.services.workspace import Workspace

PAGE_SIZE = 500
APPLY_CHUNK = 5_000  # rows per update_debts call in bulk changes (keeps memory flat on huge lists)
BULK_ATTEMPTS = 3  # a chunk another desk keeps writing meanwhile is computed again this many times


@dataclass(frozen=True)
class DebtFilter:
    """The table's filter. Empty fields do not filter."""

    text: str = ""
    states: tuple[str, ...] = ()
    debt_types: tuple[str, ...] = ()
    due_from: date | None = None
    due_to: date | None = None
    valid: bool | None = None  # True: only valid rows; False: only rows with errors

    @property
    def is_empty(self) -> bool:
        return self == DebtFilter()


@dataclass(frozen=True)
class SortSpec:
    field: str = "position"
    descending: bool = False


# --- change sets (what undo and redo replay) ---------------------------------------------------

@dataclass
class ChangeSet:
    """New or old values of some fields for some debts, stored by column to stay small on big lists.

    ``values[i]`` holds the values of ``names`` for ``ids[i]``.
    """

    names: tuple[str, ...]
    ids: array = field(default_factory=lambda: array("q"))
    values: list[tuple] = field(default_factory=list)

    def add(self, debt_id: int, values: tuple) -> None:
        self.ids.append(debt_id)
        self.values.append(values)

    def __len__(self) -> int:
        return len(self.ids)

    def changes(self) -> Iterator[tuple[int, dict[str, Any]]]:
        for debt_id, vals in zip(self.ids, self.values, strict=True):
            yield debt_id, dict(zip(self.names, vals, strict=True))

    @classmethod
    def from_changes(cls, changes: Sequence[tuple[int, dict[str, Any]]]) -> list[ChangeSet]:
        """Group arbitrary per-debt changes (as a paste makes them) by the set of fields they touch."""
        groups: dict[tuple[str, ...], ChangeSet] = {}
        for debt_id, values in changes:
            names = tuple(values)
            cs = groups.get(names)
            if cs is None:
                cs = groups[names] = ChangeSet(names)
            cs.add(debt_id, tuple(values[n] for n in names))
        return list(groups.values())


@dataclass
class ListHead:
    """A list before its counts are known (the counts of a million-row list take a while)."""

    id: int
    name: str
    default_debt_type: str
    description: str = ""


@dataclass
class BulkResult:
    """The outcome of a bulk change: ``before``/``after`` for undo/redo, and what was skipped."""

    before: list[ChangeSet]
    after: list[ChangeSet]
    changed: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (debt id, reason)
    cancelled_ids: list[int] = field(default_factory=list)  # for a bulk cancel
    versions: dict[int, int] = field(default_factory=dict)  # the changed debts' versions once stored (undo's base)


def row_from_dict(d: dict[str, Any]) -> DebtRow:
    """A stored debt (dict of column values) as the DebtRow the GUI shows (same rules as the list
    service: errors, bilancio and the pending I/M/A)."""
    from mypay_desk.services.lists import row_of

    row = row_of(d)
    row.instalment_count = d.get("instalment_count", 0)
    return row


class DebtTableService:
    def __init__(self, ws: Workspace):
        self.ws = ws

    def list_heads(self) -> list[ListHead]:
        ente = self.ws.ente.current()
        if ente is None:
            return []
        with self.ws.db.session() as s:
            return [ListHead(*r) for r in repo.list_heads(s, ente.id)]

    # --- reading ---------------------------------------------------------------------------------
    def _where(self, s, list_id: int, flt: DebtFilter, ids: Sequence[int] | None = None):
        return repo.conditions(s, list_id, text=flt.text, states=flt.states, debt_types=flt.debt_types,
                               due_from=flt.due_from, due_to=flt.due_to, valid=flt.valid, ids=ids)

    def count(self, list_id: int, flt: DebtFilter | None = None) -> int:
        with self.ws.db.session() as s:
            return repo.count(s, self._where(s, list_id, flt or DebtFilter()))

    def snapshot(self, list_id: int, flt: DebtFilter | None = None, sort: SortSpec | None = None, *,
                 progress: ProgressCallback = no_progress, cancel: CancelToken = NEVER_CANCELLED) -> array:
        """Ids of the debts matching ``flt`` in ``sort`` order (top-level debts only)."""
        flt = flt or DebtFilter()
        sort = sort or SortSpec()
        if sort.field not in repo.SORT_COLUMNS:
            raise UserError(f"Colonna «{sort.field}» non ordinabile")
        progress(0, 0, "")
        with self.ws.db.session() as s:
            return repo.ids(s, self._where(s, list_id, flt), sort.field, sort.descending,
                            check=cancel.raise_if_cancelled)

    def window(self, list_id: int, offset: int, limit: int = PAGE_SIZE, flt: DebtFilter | None = None,
               sort: SortSpec | None = None) -> list[DebtRow]:
        """A page of rows by position in the filtered, sorted list (OFFSET/LIMIT)."""
        flt = flt or DebtFilter()
        sort = sort or SortSpec()
        with self.ws.db.session() as s:
            rows = repo.window(s, self._where(s, list_id, flt), sort.field, sort.descending, offset, limit)
            ids = [r["id"] for r in rows]
            full = repo.rows_by_ids(s, ids)
        return [row_from_dict(d) for d in full]

    def rows(self, debt_ids: Sequence[int]) -> list[DebtRow]:
        """The rows for these ids, in the same order (ids no longer stored are skipped)."""
        with self.ws.db.session() as s:
            rows = [row_from_dict(d) for d in repo.rows_by_ids(s, debt_ids)]
            rejected = [r.id for r in rows if r.state == "RIFIUTATO" and r.pending]
            if rejected:  # the sync's rule: rejected and unchanged since is not sent again
                hashes = portal_repo.last_rejected_hashes(s, rejected)
                for r in rows:
                    if r.id in hashes and hashes[r.id] == flow_hash(r.record()):
                        r.pending = None
            return rows

    def row(self, debt_id: int) -> DebtRow | None:
        got = self.rows([debt_id])
        return got[0] if got else None

    def instalments(self, debt_id: int) -> list[DebtRow]:
        with self.ws.db.session() as s:
            return [row_from_dict(d) for d in repo.instalments(s, [debt_id])]

    def states(self, debt_ids: Sequence[int]) -> dict[int, tuple[str, bool]]:
        """``{id: (state, cancel_requested)}``: what decides whether a row may still be edited."""
        with self.ws.db.session() as s:
            return {k: (v[0], bool(v[1]))
                    for k, v in repo.field_values(s, debt_ids, ["state", "cancel_requested"]).items()}

    def distinct(self, list_id: int, name: str) -> list[Any]:
        if name not in repo.SORT_COLUMNS:
            raise UserError(f"Colonna «{name}» non disponibile")
        with self.ws.db.session() as s:
            return repo.distinct_values(s, list_id, name)

    def values(self, debt_ids: Sequence[int], names: Sequence[str]) -> dict[int, tuple]:
        """Current values of some fields, ``{id: (values...)}`` (what an undo needs to remember)."""
        for n in names:
            if n not in RECORD_FIELDS and n != "bilancio_json":
                raise UserError(f"Campo «{n}» sconosciuto")
        cols = ["bilancio_json" if n == "bilancio" else n for n in names]
        with self.ws.db.session() as s:
            raw = repo.field_values(s, debt_ids, cols)
        if "bilancio" not in names:
            return raw
        bi = list(names).index("bilancio")
        return {k: tuple(bilancio_from_json(v) if i == bi else v for i, v in enumerate(vals))
                for k, vals in raw.items()}

    # --- import helpers ---------------------------------------------------------------------------
    def file_samples(self, path, rows: int = 3, sheet: str | None = None) -> dict[str, list[str]]:
        """A few values of every column of a spreadsheet, by header (what the mapping step shows).

        MyPay flows have fixed columns and give {}. An unreadable file raises UserError.
        """
        from pathlib import Path

        from mypay_desk.formats import spreadsheet

        p = Path(path)
        if p.suffix.lower() == ".zip":
            return {}
        try:
            table = spreadsheet.read_table(p, sheet=sheet)
        except spreadsheet.SpreadsheetError as exc:
            raise UserError(exc.message, file=p.name, row=exc.row) from exc
        out: dict[str, list[str]] = {h: [] for h in table.headers}
        for cells in table.rows[:rows]:
            for h, v in zip(table.headers, cells, strict=False):
                if v not in (None, ""):
                    out[h].append(str(v))
        return out

    # --- writing (through the list service) ------------------------------------------------------
    def apply(self, changesets: Sequence[ChangeSet], *, progress: ProgressCallback = no_progress,
              cancel: CancelToken = NEVER_CANCELLED, expected: Callable[[int], int | None] | None = None,
              written: Callable[[Sequence[DebtRow]], None] | None = None) -> int:
        """Store change sets through ``ws.lists.update_debts`` (validation and pending changes there).

        Sets of up to APPLY_CHUNK rows go in one call (one transaction); bigger ones are split so a
        million-row bulk change never builds a million dicts at once. ``expected(id)`` gives the version
        each edit was made on (None: not checked), asked when the chunk is stored; ``written`` receives
        the stored rows of each chunk (their new versions). Another desk's write in between raises
        :class:`~mypay_desk.services.conflicts.DebtConflictError` for the chunk; earlier chunks stay.
        """
        total = sum(len(cs) for cs in changesets)
        done = 0
        for cs in changesets:
            batch: list[tuple[int, dict[str, Any]]] = []
            for change in cs.changes():
                batch.append(change)
                if len(batch) >= APPLY_CHUNK:
                    cancel.raise_if_cancelled()
                    self._update(batch, expected, written)
                    done += len(batch)
                    progress(done, total, "")
                    batch = []
            if batch:
                self._update(batch, expected, written)
                done += len(batch)
                progress(done, total, "")
        return done

    def _update(self, batch: list[tuple[int, dict[str, Any]]],
                expected: Callable[[int], int | None] | None = None,
                written: Callable[[Sequence[DebtRow]], None] | None = None) -> list[DebtRow]:
        versions = None
        if expected is not None:
            versions = {i: v for i, _values in batch if (v := expected(i)) is not None}
        rows = self.ws.lists.update_debts(batch, expected=versions)
        if written is not None:
            written(rows)
        return rows

    def versions(self, debt_ids: Sequence[int]) -> dict[int, int]:
        """``{id: version}`` of these debts as stored now (ids no longer stored are left out)."""
        with self.ws.db.session() as s:
            return repo.versions(s, debt_ids)

    def signature(self, list_id: int, flt: DebtFilter | None = None) -> tuple[int, int]:
        """(rows, highest id) the table would show for ``flt``: when both match the snapshot shown, no debt
        came or went, and only the versions of the rows in memory tell what another desk changed."""
        with self.ws.db.session() as s:
            return repo.signature(s, self._where(s, list_id, flt or DebtFilter()))

    def _bulk(self, debt_ids: Sequence[int], names: tuple[str, ...],
              compute: Callable[[int, tuple], tuple | str | None], *, progress: ProgressCallback,
              cancel: CancelToken) -> BulkResult:
        """Read ``names`` for the debts, let ``compute`` give new values (or a skip reason), apply."""
        before = ChangeSet(names)
        after = ChangeSet(names)
        skipped: list[tuple[int, str]] = []
        total = len(debt_ids)
        step = APPLY_CHUNK
        applied = 0
        stored: dict[int, int] = {}
        for start in range(0, total, step):
            cancel.raise_if_cancelled()
            chunk = list(debt_ids[start:start + step])
            for attempt in range(BULK_ATTEMPTS):
                # Read, compute, store with the versions read: a debt another desk writes in between makes
                # the store refuse the chunk, which is then computed again from the new values.
                versions = self.versions(chunk)
                current = self.values(chunk, names)
                states = self.states(chunk)
                b = ChangeSet(names)
                a = ChangeSet(names)
                chunk_skipped: list[tuple[int, str]] = []
                for debt_id in chunk:
                    old = current.get(debt_id)
                    if old is None or debt_id not in states:
                        continue
                    state, cancel_requested = states[debt_id]
                    if not is_editable(state) or cancel_requested:
                        why = "annullamento richiesto" if cancel_requested else state_label(state).lower()
                        chunk_skipped.append((debt_id, f"non modificabile ({why})"))
                        continue
                    new = compute(debt_id, old)
                    if isinstance(new, str):
                        chunk_skipped.append((debt_id, new))
                        continue
                    if new is None or new == old:
                        continue
                    b.add(debt_id, old)
                    a.add(debt_id, new)
                if not len(a):
                    break
                try:
                    stored.update((r.id, r.version) for r in self._update(list(a.changes()), versions.get))
                    break
                except DebtConflictError:
                    if attempt + 1 == BULK_ATTEMPTS:
                        raise
            skipped.extend(chunk_skipped)
            if len(a):
                applied += len(a)
                before.ids.extend(b.ids)
                before.values.extend(b.values)
                after.ids.extend(a.ids)
                after.values.extend(a.values)
            progress(min(start + step, total), total, "")
        return BulkResult(before=[before], after=[after], changed=applied, skipped=skipped, versions=stored)

    def set_debt_type(self, debt_ids: Sequence[int], code: str, *, progress: ProgressCallback = no_progress,
                      cancel: CancelToken = NEVER_CANCELLED) -> BulkResult:
        code = code.strip()
        if not code:
            raise UserError("Scegli il tipo dovuto da assegnare", field="debt_type")
        taxonomy = {t.code: t.taxonomy for t in self.ws.ente.types()}
        collection = taxonomy.get(code)

        def compute(_id, old):
            # The taxonomy (datiSpecificiRiscossione) follows the tipo when the debt had none or the
            # old tipo's own; a taxonomy typed by hand is kept.
            old_type, old_collection = old
            new_collection = old_collection
            if collection and (not old_collection or old_collection == taxonomy.get(old_type)):
                new_collection = collection
            return (code, new_collection)

        return self._bulk(debt_ids, ("debt_type", "collection_data"), compute, progress=progress,
                          cancel=cancel)

    def set_due_date(self, debt_ids: Sequence[int], due: date | None, *,
                     progress: ProgressCallback = no_progress,
                     cancel: CancelToken = NEVER_CANCELLED) -> BulkResult:
        return self._bulk(debt_ids, ("due_date",), lambda _id, old: (due,), progress=progress, cancel=cancel)

    def shift_due_dates(self, debt_ids: Sequence[int], *, days: int = 0, months: int = 0,
                        progress: ProgressCallback = no_progress,
                        cancel: CancelToken = NEVER_CANCELLED) -> BulkResult:
        if not days and not months:
            raise UserError("Indica di quanti giorni o mesi spostare le scadenze")

        def compute(_id, old):
            if old[0] is None:
                return "senza scadenza"
            return (add_months(old[0], months) + timedelta(days=days),)

        return self._bulk(debt_ids, ("due_date",), compute, progress=progress, cancel=cancel)

    def change_amounts(self, debt_ids: Sequence[int], *, percent: Decimal | None = None,
                       add_cents: int = 0, progress: ProgressCallback = no_progress,
                       cancel: CancelToken = NEVER_CANCELLED) -> BulkResult:
        """Increase (or decrease, with negative values) amounts by a percentage or a fixed sum.

        Results are rounded half-up to the cent; the bilancio is rescaled to the new amount.
        """
        if percent is None and not add_cents:
            raise UserError("Indica la percentuale o la somma da aggiungere")

        def compute(_id, old):
            amount, bilancio = old
            if percent is not None:
                new = int((Decimal(amount) * (Decimal(100) + Decimal(percent)) / Decimal(100))
                          .quantize(Decimal(1), rounding=ROUND_HALF_UP))
            else:
                new = amount + add_cents
            if new <= 0:
                return "l'importo risulterebbe zero o negativo"
            if new > MAX_AMOUNT_CENTS:
                return "l'importo supererebbe il massimo ammesso"
            return (new, rescale_bilancio(bilancio, new))

        return self._bulk(debt_ids, ("amount_cents", "bilancio"), compute, progress=progress, cancel=cancel)

    def causale_from_template(self, debt_ids: Sequence[int], template: str, *, year: int | None = None,
                              progress: ProgressCallback = no_progress,
                              cancel: CancelToken = NEVER_CANCELLED) -> BulkResult:
        """Causale from a template with {anno}, {nome}, {codice_fiscale} (also {iud}, {importo})."""
        from mypay_desk.domain.money import format_amount

        check_template(template)
        anno = year or date.today().year

        def compute(_id, old):
            _causale, name, code, iud, amount = old
            text = template.format(anno=anno, nome=name, codice_fiscale=code, iud=iud,
                                   importo=format_amount(amount))
            return (text, name, code, iud, amount)

        return self._bulk(debt_ids, ("causale", "debtor_name", "debtor_code", "iud", "amount_cents"),
                          compute, progress=progress, cancel=cancel)

    def generate_iuds(self, debt_ids: Sequence[int], prefix: str, *, start: int = 1, digits: int = 6,
                      progress: ProgressCallback = no_progress,
                      cancel: CancelToken = NEVER_CANCELLED) -> BulkResult:
        """IUDs ``<prefix><number>`` numbered in the given order; debts already on the portal keep theirs."""
        prefix = prefix.strip()
        if prefix.startswith("000"):
            raise UserError("Il prefisso non può iniziare con 000 (riservato a MyPay)", field="iud")
        if not re.fullmatch(r"[A-Za-z0-9_\-.]*", prefix):
            raise UserError("Il prefisso ammette lettere, cifre e _ - .", field="iud")
        if len(prefix) + digits > 35:
            raise UserError("Prefisso troppo lungo: l'IUD ha al massimo 35 caratteri", field="iud")
        numbering = {debt_id: start + i for i, debt_id in enumerate(debt_ids)}
        with self.ws.db.session() as s:
            on_portal = {k for k, v in repo.field_values(s, list(debt_ids), ["portal_hash"]).items() if v[0]}

        def compute(debt_id, old):
            if debt_id in on_portal:
                return "già sul portale: l'IUD non si può cambiare"
            return (f"{prefix}{numbering[debt_id]:0{digits}d}",)

        return self._bulk(debt_ids, ("iud",), compute, progress=progress, cancel=cancel)

    def cancel(self, debt_ids: Sequence[int], *, progress: ProgressCallback = no_progress,
               cancel: CancelToken = NEVER_CANCELLED) -> BulkResult:
        """Cancel debts through ``ws.lists.cancel_debts`` (pending A once they were on the portal).

        ``cancelled_ids`` are the debts this call cancelled (already cancelled or paid ones are not),
        which is what an undo hands to :meth:`uncancel`.
        """
        total = len(debt_ids)
        done_ids: list[int] = []
        skipped: list[tuple[int, str]] = []
        for start in range(0, total, APPLY_CHUNK):
            cancel.raise_if_cancelled()
            chunk = list(debt_ids[start:start + APPLY_CHUNK])
            before = self.states(chunk)
            result = self.ws.lists.cancel_debts(chunk)
            after = self.states(chunk)
            for debt_id in chunk:
                if after.get(debt_id, ("", False))[1] and not before.get(debt_id, ("", False))[1]:
                    done_ids.append(debt_id)
            skipped.extend((0, f"{iud}: {why}") for iud, why in result.skipped)
            progress(min(start + APPLY_CHUNK, total), total, "")
        return BulkResult(before=[], after=[], changed=len(done_ids), skipped=skipped, cancelled_ids=done_ids)

    def uncancel(self, debt_ids: Sequence[int]) -> int:
        """Take back cancellations not sent yet (the undo of :meth:`cancel`)."""
        n = 0
        for start in range(0, len(debt_ids), APPLY_CHUNK):
            n += self.ws.lists.uncancel_debts(list(debt_ids[start:start + APPLY_CHUNK]))
        return n


_PLACEHOLDERS = {"anno", "nome", "codice_fiscale", "iud", "importo"}


def check_template(template: str) -> None:
    if not template.strip():
        raise UserError("Scrivi il modello della causale", field="causale")
    for name in re.findall(r"\{([^{}]*)\}", template):
        if name not in _PLACEHOLDERS:
            raise UserError(f"Segnaposto «{{{name}}}» sconosciuto: usa {{anno}}, {{nome}}, {{codice_fiscale}}, "
                            "{iud} o {importo}", field="causale")
    try:
        template.format(anno=0, nome="", codice_fiscale="", iud="", importo="")
    except (ValueError, IndexError, KeyError) as exc:
        raise UserError(f"Modello della causale non valido: {exc}", field="causale") from exc


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months; the day is clamped to the month's last day (31/01 + 1 = 28/02)."""
    if not months:
        return d
    m = d.month - 1 + months
    year, month = d.year + m // 12, m % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))
