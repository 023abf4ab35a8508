"""Exporting a list: the pending I/M/A rows as a MyPay import flow ZIP, or the list as xlsx."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from mypay_desk.domain.debt_states import (
    ACTION_LABELS,
    pending_action,
)
from mypay_desk.domain.debts import (
    RECORD_FIELDS,
    VERSIONS,
    DebtRecord,
    bilancio_from_json,
    flow_hash,
    quick_ok_columns,
)
from mypay_desk.domain.ente import FieldError
from mypay_desk.formats import import_flow
from mypay_desk.formats.bilancio import MAX_BILANCIO_CHARS, bilancio_xml
from mypay_desk.services.bulk import bulk_work
from mypay_desk.services.errors import UserError
from mypay_desk.services.lists.common import (
    ListRef,
    ListServiceBase,
    Rules,
    errors_from_json,
)
from mypay_desk.store.repositories import debts as repo


@dataclass
class ExportReport:
    list: str
    path: Path
    file_name: str
    iuf: str
    version: str
    rows: int
    actions: dict[str, int]
    left_out: list[tuple[str, list[FieldError]]] = field(default_factory=list)  # (iud, errors)

    def to_dict(self) -> dict[str, Any]:
        return {"list": self.list, "file": str(self.path), "file_name": self.file_name, "iuf": self.iuf,
                "version": self.version, "rows": self.rows, "actions": self.actions,
                "left_out": [{"iud": iud, "errors": [{"column": e.field, "message": e.message} for e in errs]}
                             for iud, errs in self.left_out]}


class Exporting(ListServiceBase):
    """A list's pending changes as a MyPay import flow; the list as xlsx."""

    # --- export ----------------------------------------------------------------------------------
    def export_flow(self, list_ref: ListRef, version: str, out_path: str | os.PathLike, *,
                    iuf: str | None = None) -> ExportReport:
        """Write the pending I/M/A rows of a list as a MyPay import flow ZIP.

        Only rows valid for ``version`` go in; the others are listed in ``left_out``. ``out_path`` is a folder
        (the file gets the name MyPay requires) or a file named ``<codIpa>-<IUF>-<version>.zip`` for this
        Ente and version (its IUF is used): MyPay reads the Ente, the IUF and the version from the name
        (ImportFlussoTaskService.verificaNomeVersioneFile). Any other name is refused, never replaced.
        """
        if version not in VERSIONS:
            raise UserError(f"Versione del tracciato «{version}» non valida: {', '.join(VERSIONS)}", field="version")
        ente = self._ente()
        rules = self._rules(ente)
        out = Path(out_path)
        folder = out if out.is_dir() else out.parent
        if not out.is_dir():
            example = f"{ente.ipa_code}-FLUSSO1-{version}.zip"
            try:
                parsed = import_flow.parse_flow_name(out.name)
            except import_flow.FlowError:
                parsed = None
            if parsed is None or parsed.ext != "zip" or parsed.suffix:
                raise UserError(f"«{out.name}» non è un nome che MyPay accetta per un flusso: serve "
                                f"<codiceIPA>-<IUF>-<versione>.zip (es. {example}), oppure indica una cartella "
                                "esistente e il nome sarà dato dall'app", file=str(out))
            if parsed.ipa_code != ente.ipa_code or parsed.version != version:
                raise UserError(f"Il nome {out.name} non corrisponde all'Ente {ente.ipa_code} e alla versione "
                                f"{version}: MyPay lo rifiuterebbe (es. {example})", file=str(out))
            iuf = iuf or parsed.iuf
        if not folder.is_dir():
            raise UserError("Cartella di destinazione inesistente", file=str(folder))
        iuf = iuf or datetime.now().strftime("MPD%Y%m%d%H%M%S%f")[:-3]
        with bulk_work():
            with self.ws.db.session() as s:
                lst = self._resolve(s, ente.id, list_ref)
                list_name, list_id = lst.name, lst.id
                cols = repo.debt_columns_of_list(s, list_id)
            final, left_out = self._flow_rows(cols, rules, version)
            m = len(final["iud"])
            actions = {a: final["action"].count(a) for a in ("I", "M", "A")}
            if not m:
                raise UserError(f"Nessun dovuto da inviare nella lista «{list_name}»" +
                                (f": {len(left_out)} con errori da correggere" if left_out else ""), field="lista")
            try:
                csv_bytes = import_flow.write_flow_csv_columns(final, m, version)
                file_name, data = import_flow.flow_zip(csv_bytes, ente.ipa_code, iuf, version)
            except import_flow.FlowError as exc:
                raise UserError(exc.message, field="iuf") from exc
        records_count = m
        target = folder / file_name
        tmp = target.with_suffix(".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, target)
        self.ws.audit("lists.export_flow", ente_id=ente.id, entity="debt_list", entity_id=list_id,
                      details={"file": file_name, "rows": records_count, "actions": actions,
                               "left_out": len(left_out)})
        return ExportReport(list=list_name, path=target, file_name=file_name, iuf=iuf, version=version,
                            rows=records_count, actions=actions, left_out=left_out)

    def _flow_rows(self, cols: dict[str, list], rules: Rules, version: str
                   ) -> tuple[dict[str, list], list[tuple[str, list[FieldError]]]]:
        """The debts a flow must carry (columns, with ``action``), and the pending ones left out
        because they are not valid for ``version``. Column-wise: only unusual rows get a record."""
        n = len(cols["id"])
        bil_json = cols.pop("bilancio_json")
        cols["bilancio"] = [None] * n if bil_json.count("") == n else \
            [bilancio_from_json(j) if j else None for j in bil_json]
        states, cancels, hashes = cols["state"], cols["cancel_requested"], cols["portal_hash"]

        def record(i: int) -> DebtRecord:
            return DebtRecord(**{f: cols[f][i] for f in RECORD_FIELDS})

        if hashes.count("") == n:  # nothing on the portal yet: no hashing needed
            actions = [pending_action(st, c, "", "") for st, c in zip(states, cancels, strict=True)]
        else:
            actions = [pending_action(st, c, h, flow_hash(record(i)) if h else "")
                       for i, (st, c, h) in enumerate(zip(states, cancels, hashes, strict=True))]
        idx = [i for i, a in enumerate(actions) if a]
        if len(idx) != n:
            cols = {k: [v[i] for i in idx] for k, v in cols.items()}
            actions = [actions[i] for i in idx]
            n = len(idx)
        on_portal = [bool(h) for h in cols["portal_hash"]]
        ok = quick_ok_columns(cols, n, rules.types, version, segregation_code=rules.ente.segregation_code or None,
                              on_portal=on_portal)
        bil_xml = [""] * n
        errors_json = cols["errors_json"]
        keep: list[int] = []
        left_out: list[tuple[str, list[FieldError]]] = []
        for i in range(n):
            stored = errors_json[i]
            bil = cols["bilancio"][i]
            if ok[i] and not stored and bil is None:
                keep.append(i)
                continue
            rec = record(i)
            errs = [] if ok[i] else rules.check(rec, on_portal[i], version)
            errs += [FieldError(e["column"], e["message"]) for e in errors_from_json(stored)
                     if e.get("sticky") or e.get("column") == "IUD"]
            if bil is not None:
                bil_xml[i] = bilancio_xml(bil)
                if len(bil_xml[i]) > MAX_BILANCIO_CHARS:
                    errs.append(FieldError("bilancio", f"Il bilancio supera i {MAX_BILANCIO_CHARS} caratteri"))
            if errs:
                left_out.append((rec.iud, errs))
            else:
                keep.append(i)
        final = {f: cols[f] for f in RECORD_FIELDS if f != "bilancio"}
        final["bilancio_xml"] = bil_xml
        final["action"] = actions
        if len(keep) != n:
            final = {k: [v[i] for i in keep] for k, v in final.items()}
        return final, left_out

    def export_xlsx(self, list_ref: ListRef, out_path: str | os.PathLike) -> Path:
        """The list as a styled xlsx (instalments after their debt); formulas are neutralised."""
        from mypay_desk.formats.xlsx_export import write_debts_xlsx

        ente = self._ente()
        rows = self.get_debts(list_ref, include_instalments=True)
        summary = self.summary(list_ref)
        out = Path(out_path)
        if not out.parent.is_dir():
            raise UserError("Cartella di destinazione inesistente", file=str(out.parent))
        write_debts_xlsx(out, rows, title=f"{ente.name} - {summary.name}", action_labels=ACTION_LABELS)
        self.ws.audit("lists.export_xlsx", ente_id=ente.id, entity="debt_list", entity_id=summary.id,
                      details={"file": out.name, "rows": len(rows)})
        return out


