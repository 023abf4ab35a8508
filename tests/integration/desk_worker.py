"""One desk of the multi-desk test (tests/integration/test_multi_desk.py), run as its own process:

    python -m tests.integration.desk_worker ROLE FOLDER DATABASE_URL|- OUT.json SECONDS SEED

It opens the shared workspace database as a desk of its own (user "desk-N"), does its role's actions in a
loop for SECONDS and writes what happened to OUT.json: the edits that were stored (debt, the version they
were made on, the value written), the IUVs it allocated, the pushes and downloads done or refused because
another desk was running them, and any unexpected error.

Roles: ``importer`` imports spreadsheets into lists of its own and sends them; ``editor`` edits the causale
of debts of the shared list «COMUNE» (optimistic: made on the version it read), allocates IUVs and sends
«COMUNE» now and then; ``sender`` sends «COMUNE» and the importer's lists and downloads receipts.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
import traceback
from pathlib import Path

from openpyxl import Workbook

from mypay_desk.services.activity import ActivityBusyError
from mypay_desk.services.conflicts import DebtConflictError
from mypay_desk.services.errors import DatabaseBusyError, UserError
from mypay_desk.services.workspace import Workspace
from tests.integration.portal_support import PASSWORD, tune

CF = "RSSMRA85T10A562S"
HOT = {f"COM-{i:05d}" for i in range(50, 56)}
HEAD = ["IUD", "Codice fiscale", "Cognome e nome", "Importo", "Scadenza", "Causale"]


def spreadsheet(path: Path, prefix: str, n: int, amount: int) -> Path:
    wb = Workbook()
    sheet = wb.active
    sheet.append(HEAD)
    for i in range(1, n + 1):
        sheet.append([f"{prefix}-{i:03d}", CF, f"VERDI ANNA {i}", f"{amount + i},00", "30/06/2030", f"Rifiuti {i}"])
    wb.save(path)
    return path


MIN_ROUNDS = 2


class Desk:
    def __init__(self, role: str, folder: Path, url: str | None, seconds: float, seed: int):
        self.role = role
        self.rng = random.Random(seed)
        self.seconds = seconds
        self.ws = Workspace.open(folder, database=url)
        self.ente = self.ws.ente.require_current()
        self.ws.portal.set_password(self.ente.ipa_code, PASSWORD)
        tune(self.ws)
        self.folder = folder
        self.out = {"role": role, "desk": self.ws.actor, "edits": [], "conflicts": 0, "refused": 0, "iuvs": [],
                    "pushes": 0, "push_busy": 0, "receipts": 0, "receipts_busy": 0, "imports": 0, "busy": 0,
                    "errors": []}

    def running(self, k: int) -> bool:
        """Until the time is up, and at least MIN_ROUNDS rounds on a machine too busy to do them in time."""
        return time.monotonic() < self.end or k < MIN_ROUNDS * (2 if self.role == "editor" else 1)

    def guarded(self, what: str, fn):
        try:
            return fn()
        except ActivityBusyError:
            self.out[f"{what}_busy"] = self.out.get(f"{what}_busy", 0) + 1
        except DebtConflictError:
            self.out["conflicts"] += 1
        except DatabaseBusyError:
            self.out["busy"] += 1
            self.out.setdefault("busy_at", []).append(f"{what}: {traceback.format_exc()[-1200:]}")
        except UserError as exc:  # a debt being sent or paid meanwhile cannot be edited: refused, said why
            self.out["refused"] += 1
            self.out.setdefault("refusals", []).append(str(exc)[:200])
        except Exception:  # noqa: BLE001 - reported to the test, which fails on any
            self.out["errors"].append(f"{what}: {traceback.format_exc()[-6000:]}")  # the call path too
        return None

    # --- actions ---------------------------------------------------------------------------------
    def edit(self) -> None:
        # a few debts both editors keep changing: they collide, as two people on the same row would
        debts = [d for d in self.ws.lists.get_debts("COMUNE") if d.state in ("NUOVO", "SUL_PORTALE")
                 and d.iud in HOT]
        if not debts:
            return
        d = self.rng.choice(debts)
        token = f"{self.role}-{os.getpid()}-{len(self.out['edits'])}"
        time.sleep(self.rng.uniform(0.0, 0.03))  # the time to type it

        def do():
            self.ws.lists.update_debts({d.id: {"causale": token}}, expected={d.id: d.version})
            self.out["edits"].append([d.id, d.version, token])

        self.guarded("edit", do)

    def allocate(self) -> None:
        got = self.guarded("iuv", lambda: self.ws.codes.allocate_iuvs(self.rng.randint(1, 3)))
        if got:
            self.out["iuvs"].extend(got)

    def push(self, name: str) -> None:
        def do():
            self.ws.sync.push(name, wait=True)
            self.out["pushes"] += 1

        self.guarded("push", do)

    def receipts(self) -> None:
        def do():
            self.ws.receipts.sync_receipts(poll_first=0.02, poll_timeout=30)
            self.out["receipts"] += 1

        self.guarded("receipts", do)

    def import_list(self, k: int) -> None:
        name = f"Import {k % 2}"
        path = spreadsheet(self.folder / f"import-{k}.xlsx", f"IMP{k % 2}", 20 + 5 * (k % 3), 10 + k)

        def do():
            self.ws.lists.import_file(path, name, debt_type="TARI")
            self.out["imports"] += 1

        self.guarded("import", do)

    # --- roles -----------------------------------------------------------------------------------
    def run(self) -> None:
        self.end = time.monotonic() + self.seconds  # counted from here: opening the workspace is not work
        k = 0
        while self.running(k):
            k += 1
            if self.role == "importer":
                self.import_list(k)
                self.push(f"Import {k % 2}")
            elif self.role == "editor":
                for _ in range(3):
                    self.edit()
                self.allocate()
                if k % 4 == 0:
                    self.push("COMUNE")
            else:
                self.push("COMUNE")
                self.receipts()
                self.allocate()
                for name in ("Import 0", "Import 1"):
                    if name in self.ws.sync.list_names():
                        self.push(name)
            time.sleep(self.rng.uniform(0.0, 0.05))
        # bring every flow of this desk to its end (a push waits for the outcome; this resumes any left)
        self.guarded("resume", lambda: self.ws.sync.resume_all(wait=True))


def main(argv: list[str]) -> int:
    role, folder, url, out, seconds, seed = argv
    desk = Desk(role, Path(folder), None if url == "-" else url, float(seconds), int(seed))
    try:
        desk.run()
    finally:
        Path(out).write_text(json.dumps(desk.out, indent=1), encoding="utf-8")
        desk.ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
