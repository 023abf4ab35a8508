"""Editing debts: add, delete, field edits (one transaction, re-validated), re-validation after the
tipi dovuto changed, instalment plans."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from mypay_desk.domain.codes import notice_number_for
from mypay_desk.domain.debt_states import (
    DebtState,
    is_editable,
    state_label,
)
from mypay_desk.domain.debts import (
    RECORD_FIELDS,
    DebtRecord,
    DebtRow,
    bilancio_to_json,
    copy_for_instalment,
    duplicate_iud_errors,
)
from mypay_desk.domain.ente import FieldError
from mypay_desk.domain.money import MAX_AMOUNT_CENTS, format_amount
from mypay_desk.services.bulk import bulk_work
from mypay_desk.services.conflicts import DebtConflictError, conflicts_of
from mypay_desk.services.errors import NotFoundError, UserError
from mypay_desk.services.lists.columns import (
    COLUMN_FIELDS,
    CheckedRows,
    LoadedFile,
    insert_columns,
)
from mypay_desk.services.lists.common import (
    INHERITED_FIELDS,
    ListRef,
    ListServiceBase,
    Rules,
    columns_of,
    counts_for_iud,
    normalize_value,
    on_portal,
    record_of,
    row_of,
    sticky_errors,
    stored_value,
)
from mypay_desk.store import locks
from mypay_desk.store.repositories import debts as repo
from mypay_desk.store.repositories import ente as ente_repo

#: IUDs given to debts added without one (a new empty row, pasted rows): ``DOV-000001``... per Ente.
NEW_IUD_PREFIX = "DOV-"
NEW_IUD_COUNTER = "next_new_iud:"  # + ente id: the workspace setting holding the next number


class DebtEditing(ListServiceBase):
    """Adding, deleting and editing debts, re-validation, instalments."""

    # --- adding, deleting, editing ---------------------------------------------------------------
    def add_debts(self, list_ref: ListRef, records: Sequence[DebtRecord]) -> list[int]:
        """Append debts to a list (validated, state NUOVO). Returns their ids in order.

        A debt is never stored without an IUD: records without one get the next free ``DOV-nnnnnn`` of
        the Ente (the office can overwrite it while the debt is new)."""
        with bulk_work():
            return self._add_debts(list_ref, records)

    def _add_debts(self, list_ref: ListRef, records: Sequence[DebtRecord]) -> list[int]:
        ente = self._ente()
        rules = self._rules(ente)
        with self.ws.db.session(lock=locks.debts(ente.id)) as s:
            lst = self._resolve(s, ente.id, list_ref)
            pos = repo.max_position(s, lst.id) + 1
            clean = [self._normalized_record(r, lst.default_debt_type, rules) for r in records]
            self._give_new_iuds(s, ente.id, clean)
            others = self._iud_owners(s, ente.id, [r.iud for r in clean])
            names = repo.list_names(s, {h["list_id"] for hs in others.values() for h in hs})
            dups = dict(duplicate_iud_errors(clean))
            valid_flags, errors_json = [], []
            for i, rec in enumerate(clean):
                extra = [dups[i]] if i in dups else []
                extra += self._clash(rec.iud, others, None, lst.id, names)
                valid, errs = rules.stored_errors(rec, False, extra=extra)
                valid_flags.append(valid)
                errors_json.append(errs)
            cols = {f: [getattr(r, f) for r in clean] for f in COLUMN_FIELDS}
            loaded = LoadedFile("records", "", "", cols, len(clean), [], {}, [], records=clean)
            columns = insert_columns(loaded, CheckedRows(valid_flags, errors_json, {}), None, pos, ente)
            repo.insert_debt_columns(s, columns, {"ente_id": ente.id, "list_id": lst.id, "state": DebtState.NUOVO})
            ids = repo.top_level_ids_by_position(s, lst.id, pos, pos + len(clean))
            list_id = lst.id
        self.ws.audit("lists.add_debts", ente_id=ente.id, entity="debt_list", entity_id=list_id,
                      details={"count": len(ids)})
        return ids

    def _give_new_iuds(self, s, ente_id: int, records: Sequence[DebtRecord]) -> None:
        """Fill blank IUDs with the Ente's next ``DOV-nnnnnn`` not used by any of its debts (in place)."""
        blank = [r for r in records if not r.iud]
        if not blank:
            return
        key = NEW_IUD_COUNTER + str(ente_id)
        try:
            n = max(1, int(ente_repo.get_setting(s, key, "1")))
        except ValueError:
            n = 1
        taken = {r.iud for r in records if r.iud}
        while blank:
            batch = [f"{NEW_IUD_PREFIX}{n + k:06d}" for k in range(len(blank) * 2)]
            taken.update(d["iud"] for d in repo.debts_with_iuds(s, ente_id, batch))
            for candidate in batch:
                n += 1
                if candidate in taken:
                    continue
                blank.pop(0).iud = candidate
                taken.add(candidate)
                if not blank:
                    break
        ente_repo.set_setting(s, key, str(n))

    @staticmethod
    def _normalized_record(rec: DebtRecord, default_type: str, rules: Rules) -> DebtRecord:
        values = {n: normalize_value(n, getattr(rec, n)) for n in RECORD_FIELDS}
        out = DebtRecord(**values, source_row=rec.source_row)
        if not out.debt_type and default_type:
            out.debt_type = default_type
        t = rules.types.get(out.debt_type)
        if not out.collection_data and t is not None:
            out.collection_data = t.taxonomy
        return out

    def delete_debts(self, debt_ids: Sequence[int]) -> int:
        """Remove debts that were never sent (undo of an add). Sent ones must be cancelled instead."""
        ids = list(debt_ids)
        ente = self._ente()
        with self.ws.db.session(lock=locks.debts(ente.id)) as s:
            rows = repo.debts_by_ids(s, ids)
            for d in rows:
                if d["portal_hash"] or d["state"] not in (DebtState.NUOVO, DebtState.ANNULLATO) \
                        or d["sending_flow_id"] is not None:
                    raise UserError(f"Il dovuto {d['iud'] or d['id']} è già stato inviato al portale: annullalo "
                                    "invece di eliminarlo", field="iud")
            kids = repo.children_of(s, ids)
            if any(k["portal_hash"] for k in kids):
                raise UserError("Alcune rate sono già sul portale: annullale invece di eliminarle", field="iud")
            repo.delete_debts(s, [k["id"] for k in kids] + ids)
            list_ids = {d["list_id"] for d in rows}
        self.ws.audit("lists.delete_debts", ente_id=ente.id, entity="debt",
                      list_id=next(iter(list_ids)) if len(list_ids) == 1 else None,
                      details={"count": len(ids), "iud": [d["iud"] for d in rows[:20]]})
        return len(ids)

    def update_debts(self, changes: Sequence[tuple[int, Mapping[str, Any]]] | Mapping[int, Mapping[str, Any]],
                     *, expected: Mapping[int, int] | None = None) -> list[DebtRow]:
        """Apply field edits in one transaction; returns the updated rows (same order as ``changes``).

        Each debt is re-validated; IUD clashes are re-checked for every debt sharing an old or new IUD;
        instalments follow their parent's debtor and tipo fields. A debt whose state does not allow edits,
        or an IUD/IUV change on a debt the portal holds, refuses the whole batch (nothing changes).

        ``expected``: ``{debt id: version}`` the edit was made on (the row as the desk showed it). When
        another desk (or job) wrote one of those debts since and the edit would change it, nothing is
        saved: :class:`~mypay_desk.services.conflicts.DebtConflictError` says who, when, and what is
        stored now. Debts not named there are not checked.
        """
        items = list(changes.items()) if isinstance(changes, Mapping) else list(changes)
        if not items:
            return []
        with bulk_work():
            return self._update_debts(items, dict(expected or {}))

    def _update_debts(self, items: list[tuple[int, Mapping[str, Any]]], expected: dict[int, int]) -> list[DebtRow]:
        merged: dict[int, dict[str, Any]] = {}
        for debt_id, values in items:
            for name in values:
                if name not in RECORD_FIELDS:
                    raise UserError(f"Campo «{name}» non modificabile", field=name)
            merged.setdefault(int(debt_id), {}).update({n: normalize_value(n, v) for n, v in values.items()})
        ente = self._ente()
        rules = self._rules(ente)
        # Field edits of several desks go side by side (each locks its rows); an IUD change is checked
        # against every debt of the Ente, so it waits for the other writers of the Ente's debts.
        iud_change = any("iud" in v for v in merged.values())
        with self.ws.db.session(lock=locks.debts(ente.id, shared=not iud_change)) as s:
            stamps = repo.lock_rows(s, merged)
            current = {d["id"]: d for d in repo.debts_by_ids(s, list(merged))}
            missing = [i for i in merged if i not in current]
            if missing:
                raise NotFoundError(f"Dovuti non trovati: {', '.join(map(str, missing[:10]))}")
            self._check_versions(expected, merged, current, stamps)
            # Instalments follow their parent.
            kids = repo.children_of(s, [i for i, v in merged.items() if any(n in INHERITED_FIELDS for n in v)])
            if kids:
                repo.lock_rows(s, [k["id"] for k in kids])
                kids = repo.children_of(s, sorted({k["parent_id"] for k in kids}))
            for k in kids:
                inherited = {n: v for n, v in merged[k["parent_id"]].items() if n in INHERITED_FIELDS}
                if k["id"] not in merged:
                    merged[k["id"]] = {}
                    current[k["id"]] = k
                for n, v in inherited.items():
                    merged[k["id"]].setdefault(n, v)
            touched_iuds: set[str] = set()
            new_values: dict[int, dict[str, Any]] = {}
            for debt_id, values in merged.items():
                d = current[debt_id]
                changed = {n: v for n, v in values.items() if stored_value(d, n) != v}
                if not changed:
                    continue
                self._check_editable(d, changed)
                if "iud" in changed and not changed["iud"]:
                    # MyPay refuses a blank IUD (RegioneDelVeneto/mypay, mypay4 util/Utilities.java validaIUD)
                    # and the app matches debts by it: never stored empty.
                    raise UserError(f"L'IUD del dovuto {d['iud'] or '#' + str(debt_id)} non può essere vuoto: "
                                    "scrivine uno nuovo invece di cancellarlo", field="iud", code="missing_iud")
                new_values[debt_id] = changed
                if "iud" in changed:
                    touched_iuds.update({d["iud"], changed["iud"]})
            updates: dict[int, dict[str, Any]] = {}  # id -> columns to write
            final: dict[int, dict[str, Any]] = {}  # id -> the stored row after the edit
            edited: dict[int, set[str]] = {}
            for debt_id, changed in new_values.items():
                upd = {("bilancio_json" if n == "bilancio" else n): (bilancio_to_json(v) if n == "bilancio" else v)
                       for n, v in changed.items()}
                d = current[debt_id]
                if "iuv" in changed:
                    upd["notice_number"] = notice_number_for(changed["iuv"], ente.application_code)
                    upd["iuv_assigned_at"] = None
                if d["state"] == DebtState.RIFIUTATO:
                    # The rejection was about the old content; the edit makes it a fresh pending change.
                    upd["state"] = DebtState.SUL_PORTALE if d["portal_hash"] else DebtState.NUOVO
                    upd["portal_error_code"] = ""
                    upd["portal_error_message"] = ""
                updates[debt_id] = upd
                final[debt_id] = {**d, **upd}
                edited[debt_id] = set(changed)
            # IUD uniqueness: every debt holding an old or new IUD of this batch is checked again.
            relevant = touched_iuds | {f["iud"] for f in final.values()}
            holders: dict[int, dict[str, Any]] = {h["id"]: h for h in repo.debts_with_iuds(
                s, ente.id, relevant, columns=("list_id", "iud", "state", "portal_hash"))}
            holders.update(final)
            owners: dict[str, list[dict[str, Any]]] = {}
            for h in holders.values():
                if h["iud"] in relevant:
                    owners.setdefault(h["iud"], []).append(h)
            recheck = [h["id"] for iud in touched_iuds for h in owners.get(iud, ()) if h["id"] not in final]
            for d in repo.debts_by_ids(s, recheck):
                final[d["id"]] = d
                updates[d["id"]] = {}
                edited[d["id"]] = set()
            names = repo.list_names(s, {h["list_id"] for hs in owners.values() for h in hs})
            rows_out = []
            for debt_id, upd in updates.items():
                d = final[debt_id]
                extra = self._clash(d["iud"], owners, debt_id, d["list_id"], names) if counts_for_iud(d) else []
                valid, errs = rules.stored_errors(record_of(d), on_portal(d),
                                                  sticky=sticky_errors(d["errors_json"], edited[debt_id]), extra=extra)
                if not upd and valid == bool(d["is_valid"]) and errs == (d["errors_json"] or ""):
                    continue
                upd.update(id=debt_id, is_valid=valid, errors_json=errs)
                rows_out.append(upd)
            repo.update_debts(s, rows_out)
            result = [row_of(d) for d in repo.debts_by_ids(s, list(dict.fromkeys(int(i) for i, _ in items)))]
        if new_values:
            list_ids = {current[i]["list_id"] for i in new_values}
            ids = sorted(new_values)
            self.ws.audit("lists.update_debts", ente_id=ente.id, entity="debt",
                          entity_id=ids[0] if len(ids) == 1 else None,
                          list_id=next(iter(list_ids)) if len(list_ids) == 1 else None,
                          details={"count": len(new_values),
                                   "fields": sorted({n for v in new_values.values() for n in v}),
                                   "iud": [current[i]["iud"] for i in ids[:20]]})
        return result

    @staticmethod
    def _check_versions(expected: Mapping[int, int], merged: Mapping[int, Mapping[str, Any]],
                        current: Mapping[int, Mapping[str, Any]], stamps: Mapping[int, tuple]) -> None:
        """Refuse the edit when a debt it changes was written since the version it was made on."""
        if not expected:
            return
        relevant = {i: v for i, v in expected.items() if i in merged and i in current
                    and any(stored_value(current[i], n) != value for n, value in merged[i].items())}
        found = conflicts_of(relevant, current, merged, {i: stamps.get(i, (0, "", None))[2] for i in relevant},
                             row_of)
        if found:
            raise DebtConflictError(found)

    @staticmethod
    def _check_editable(d: Mapping[str, Any], changed: Mapping[str, Any]) -> None:
        label = d["iud"] or f"#{d['id']}"
        if not is_editable(d["state"]) or d["cancel_requested"]:
            why = "annullamento richiesto" if d["cancel_requested"] else state_label(d["state"]).lower()
            raise UserError(f"Il dovuto {label} non si può modificare ({why})", field="stato")
        if d["portal_hash"] and "iud" in changed:
            raise UserError(f"Il dovuto {label} è già sul portale: l'IUD non si può cambiare (annullalo e creane "
                            "uno nuovo)", field="iud")
        if d["portal_hash"] and "iuv" in changed and d["iuv"]:
            raise UserError(f"Il dovuto {label} è già sul portale: lo IUV non si può cambiare", field="iuv")

    def revalidate(self, list_ref: ListRef | None = None) -> int:
        """Re-check every open debt (of one list, or of the Ente) after the tipi dovuto changed."""
        ente = self._ente()
        rules = self._rules(ente)
        changed = 0
        with self.ws.db.session(lock=locks.debts(ente.id)) as s:
            lists = [self._resolve(s, ente.id, list_ref)] if list_ref is not None else repo.list_lists(s, ente.id)
            for lst in lists:
                rows = repo.debts_of_list(s, lst.id)
                dup_index = {}
                live = [d for d in rows if counts_for_iud(d)]
                for i, err in duplicate_iud_errors([DebtRecord(iud=d["iud"]) for d in live]):
                    dup_index[live[i]["id"]] = FieldError("IUD", err.message)
                updates = []
                for d in rows:
                    if d["state"] in (DebtState.ANNULLATO, DebtState.PAGATO):
                        continue
                    extra = [dup_index[d["id"]]] if d["id"] in dup_index else []
                    valid, errs = rules.stored_errors(record_of(d), on_portal(d), sticky=sticky_errors(d["errors_json"]),
                                                      extra=extra)
                    if valid != bool(d["is_valid"]) or errs != (d["errors_json"] or ""):
                        updates.append({"id": d["id"], "is_valid": valid, "errors_json": errs})
                repo.update_debts(s, updates)
                changed += len(updates)
        return changed

    # --- instalments -----------------------------------------------------------------------------
    def set_instalments(self, debt_id: int, plan: Sequence[tuple[int, date | None]], *,
                        expected_version: int | None = None) -> list[DebtRow]:
        """Split a debt into instalments (own IUD ``<IUD>-R<n>``, amount, due date; debtor copied).

        The parent stays as the single-payment option. The amounts must add up to the debt's amount.
        Replacing or clearing (``plan=[]``) is allowed only while no instalment reached the portal.
        ``expected_version``: the debt's version the plan was made on (see :meth:`update_debts`).
        """
        ente = self._ente()
        rules = self._rules(ente)
        plan = [(normalize_value("amount_cents", a), normalize_value("due_date", d)) for a, d in plan]
        with self.ws.db.session(lock=locks.debts(ente.id)) as s:
            stamps = repo.lock_rows(s, [debt_id])
            got = repo.debts_by_ids(s, [debt_id])
            if not got:
                raise NotFoundError(f"Dovuto {debt_id} non trovato")
            parent = got[0]
            if expected_version is not None and int(parent["version"]) != int(expected_version):
                raise DebtConflictError(conflicts_of({debt_id: expected_version}, {debt_id: parent},
                                                     {debt_id: {}}, {debt_id: stamps[debt_id][2]}, row_of))
            label = parent["iud"] or f"#{debt_id}"
            if parent["parent_id"] is not None:
                raise UserError(f"{label} è già una rata: dividi il dovuto principale", field="rate")
            if not is_editable(parent["state"]) or parent["cancel_requested"]:
                raise UserError(f"Il dovuto {label} non si può modificare ({state_label(parent['state']).lower()})",
                                field="rate")
            old = repo.children_of(s, [debt_id])
            sent = [k for k in old if k["portal_hash"] or k["state"] not in (DebtState.NUOVO, DebtState.RIFIUTATO,
                                                                          DebtState.ANNULLATO)
                    or k["sending_flow_id"] is not None]
            if sent:
                raise UserError(f"Le rate di {label} sono già state inviate al portale: non si possono cambiare né "
                                "togliere (annulla il dovuto e creane uno nuovo)", field="rate")
            if plan:
                self._check_plan(plan, parent, label)
            repo.delete_debts(s, [k["id"] for k in old])
            repo.update_debts(s, [{"id": debt_id}])  # a new plan is a change of the debt: its version moves
            base = record_of(parent)
            recs = [copy_for_instalment(base, n, amount, due) for n, (amount, due) in enumerate(plan, start=1)]
            owners = self._iud_owners(s, ente.id, [r.iud for r in recs])
            for n, rec in enumerate(recs, start=1):
                extra = self._clash(rec.iud, owners, None, parent["list_id"])
                valid, errs = rules.stored_errors(rec, False, extra=extra)
                values = columns_of(rec)
                values.update(ente_id=parent["ente_id"], list_id=parent["list_id"], parent_id=debt_id,
                              instalment_number=n, position=parent["position"], is_valid=valid, errors_json=errs,
                              state=DebtState.NUOVO)
                repo.insert_one(s, values)
            rows = [row_of(d) for d in repo.children_of(s, [debt_id])]
        self.ws.audit("lists.set_instalments", ente_id=ente.id, entity="debt", entity_id=debt_id,
                      list_id=parent["list_id"], details={"iud": parent["iud"], "count": len(plan)})
        return rows

    @staticmethod
    def _check_plan(plan: Sequence[tuple[int, date | None]], parent: Mapping[str, Any], label: str) -> None:
        if len(plan) < 2:
            raise UserError("Servono almeno due rate (una sola rata è il pagamento in unica soluzione)",
                            field="rate")
        if len(plan) > 99:
            raise UserError("Al massimo 99 rate", field="rate")
        for n, (amount, due) in enumerate(plan, start=1):
            if amount is None or amount <= 0:
                raise UserError(f"Rata {n}: l'importo deve essere maggiore di zero", field="rate")
            if amount > MAX_AMOUNT_CENTS:
                raise UserError(f"Rata {n}: importo oltre il massimo ammesso", field="rate")
            if due is None:
                raise UserError(f"Rata {n}: la scadenza è obbligatoria", field="rate")
        dues = [d for _a, d in plan]
        if any(b < a for a, b in zip(dues, dues[1:], strict=False)):
            raise UserError("Le scadenze delle rate devono essere in ordine crescente", field="rate")
        total = sum(a for a, _d in plan)
        if total != parent["amount_cents"]:
            raise UserError(f"La somma delle rate ({format_amount(total)}) deve essere uguale all'importo di {label} "
                            f"({format_amount(parent['amount_cents'])})", field="rate")

