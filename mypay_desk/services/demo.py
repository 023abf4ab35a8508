"""The demo Ente ("Prova con un Ente dimostrativo") wired to the embedded sandbox portal.

``ensure_demo`` creates, once, a realistic comune (valid codice fiscale, codice di segregazione, CBILL,
adhesion mode "iniziato presso l'Ente"), its tipi dovuto and a few lists (a TARI run of about 3,000
debts, some in instalments; school canteen and transport; traffic fines), all through the Ente and
list services. Everything lives in the workspace, so the demo continues across runs.

The first time it also brings the demo to life, so that every page has data: the lists are sent to the
sandbox, citizens pay part of them (seeded), the receipts are downloaded, the PSPs' reporting flows and
the treasury's giornale di cassa (with a few deliberate anomalies) are imported and reconciled, and a
few TARI debts are left edited, cancelled or new so that changes are pending. Each step is recorded in
the workspace setting ``demo_activity_steps`` once done, so an interrupted run completes only what is
missing next time and a demo created by an earlier version (without that setting) is left as it is.

The sandbox runs in this process on 127.0.0.1 with its state in ``<workspace>/sandbox``. The demo
Ente's portal password belongs to that sandbox, not to a real portal: it is generated once and kept
in the sandbox's own configuration file ``<workspace>/sandbox/mypay-desk-demo.json`` (with the port,
so the Ente's portal address stays the same across runs). Real Enti's passwords never go there: they
live in the OS keyring (see services/portal.py).
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import random
import secrets
import string
import threading
import zipfile
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mypay_desk.domain.debts import DebtRecord
from mypay_desk.domain.ente import DebtTypeData, EnteData
from mypay_desk.services.demo_data import DEMO_SEED, PeopleFactory, debt
from mypay_desk.services.errors import UserError
from mypay_desk.services.progress import NEVER_CANCELLED, CancelToken, ProgressCallback, no_progress
from mypay_desk.store import locks
from mypay_desk.store.repositories import ente as settings_repo

if TYPE_CHECKING:  # pragma: no cover
    from mypay_desk.services.workspace import Workspace

log = logging.getLogger(__name__)

SANDBOX_DIR = "sandbox"
CONFIG_FILE = "mypay-desk-demo.json"

DEMO_ENTE = EnteData(
    ipa_code="c_x999",
    fiscal_code="80001230152",
    name="Comune di Borgo Adda",
    sector="Area Servizi Finanziari e Tributi",
    info="Piazza Municipio 1, 20060 Borgo Adda (MI) - tel. 02 9876 5432 - tributi@comune.borgoadda.example.it",
    cbill="BGADA",
    segregation_code="07",
    application_code="07",
    adhesion_mode="ente",
    payments_web_page="https://www.comune.borgoadda.example.it/pagamenti",
    is_demo=True,
)
CITY, POSTAL_CODE, PROVINCE = "Borgo Adda", "20060", "MI"
IBAN = "IT60X0542811101000000123456"  # the classic sample IBAN (valid check digits, no real account)

# Taxonomies from the pagoPA "tassonomia dei servizi" (pagopa-standards.md §4.5) where the reference
# names them; the school services' codes are plausible but must be checked against the current list.
DEMO_TYPES = [
    DebtTypeData(code="TARI", description="Tassa sui rifiuti (TARI)", taxonomy="9/0101101IM/", iban=IBAN,
                 due_date_required=True, print_due_date=True, sector="Ufficio Tributi"),
    DebtTypeData(code="MENSA_SCOLASTICA", description="Mensa scolastica", taxonomy="9/0104100SP/", iban=IBAN,
                 print_due_date=True, sector="Servizi Scolastici"),
    DebtTypeData(code="TRASPORTO_SCOLASTICO", description="Trasporto scolastico", taxonomy="9/0104101SP/",
                 iban=IBAN, print_due_date=True, sector="Servizi Scolastici"),
    DebtTypeData(code="CANONE_UNICO", description="Canone unico patrimoniale", taxonomy="9/0101107TS/", iban=IBAN,
                 due_date_required=True, print_due_date=True, sector="Ufficio Tributi"),
    DebtTypeData(code="SANZIONI_CDS", description="Sanzioni al codice della strada", taxonomy="9/0102100SA/",
                 iban=IBAN, print_due_date=True, sector="Polizia Locale"),
]
SANDBOX_TYPES = ["TARI:scadenza+stampa", "MENSA_SCOLASTICA:stampa", "TRASPORTO_SCOLASTICO:stampa",
                 "CANONE_UNICO:scadenza+stampa", "SANZIONI_CDS:stampa"]

TARI_SIZE = 3000
DEFAULT_SANDBOX_DELAY = 0.5  # seconds per processing phase: the sandbox answers at a portal's pace
_TODAY = date.today()
YEAR = _TODAY.year  # the demo always looks current: lists, IUDs and causali carry this year
SCHOOL_YEAR = f"{YEAR}-{YEAR + 1}" if _TODAY.month >= 9 else f"{YEAR - 1}-{YEAR}"
TARI_LIST = f"TARI {YEAR}"
LIST_NAMES = [TARI_LIST, f"Mensa scolastica {SCHOOL_YEAR}", f"Trasporto scolastico {SCHOOL_YEAR}", f"Sanzioni CdS {YEAR}",
              f"Canone unico {YEAR}"]
# Share of each list's debts that citizens have paid (school fees go fast, TARI is due in two months).
PAY_SHARES = {TARI_LIST: 0.35, f"Mensa scolastica {SCHOOL_YEAR}": 0.7, f"Trasporto scolastico {SCHOOL_YEAR}": 0.8,
              f"Sanzioni CdS {YEAR}": 0.55, f"Canone unico {YEAR}": 0.5}
NEW_RESIDENTS = 3  # TARI debts added after the run was sent: pending I in the status bar
HISTORY_DAYS = 20  # citizens' payments spread over the last days: one FdR per PSP and day
STEPS_KEY = "demo_activity_steps"
SEND_ORDER = LIST_NAMES[1:] + [TARI_LIST]  # the small lists first: the Portale page fills up at once
ACTIVITY_STEPS = [f"send:{n}" for n in SEND_ORDER] + ["pay", "receipts", "edits", "reports", "reconcile"]
_servers: dict[str, Any] = {}
_servers_lock = threading.Lock()


def _password() -> str:
    """8-15 characters as MyPay wants; letters, digits and a symbol."""
    alphabet = string.ascii_letters + string.digits
    return "Demo." + "".join(secrets.choice(alphabet) for _ in range(8))


class _Scaled:
    """A progress callback mapping a part's own (done, total) onto [lo, hi] of the parent's 0-100 bar."""

    def __init__(self, progress: ProgressCallback, lo: float, hi: float, label: str = ""):
        self.progress, self.lo, self.hi, self.label = progress, lo, hi, label

    def __call__(self, done: int, total: int, message: str = "") -> None:
        frac = min(max(done / total, 0.0), 1.0) if total > 0 else 0.0
        text = f"{self.label}: {message}" if self.label and message and message != self.label else (
            message or self.label)
        self.progress(int(self.lo + (self.hi - self.lo) * frac), 100, text)

    def part(self, start: float, end: float) -> _Scaled:
        span = self.hi - self.lo
        return _Scaled(self.progress, self.lo + span * start, self.lo + span * end)

    def with_label(self, label: str) -> _Scaled:
        return _Scaled(self.progress, self.lo, self.hi, label)


class DemoService:
    def __init__(self, ws: Workspace):
        self.ws = ws
        self._lock = threading.RLock()

    # --- sandbox configuration ------------------------------------------------------------------
    @property
    def sandbox_dir(self) -> Path:
        return Path(self.ws.path) / SANDBOX_DIR

    def _config_path(self) -> Path:
        return self.sandbox_dir / CONFIG_FILE

    def _config(self) -> dict[str, Any]:
        try:
            data = json.loads(self._config_path().read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def _save_config(self, data: dict[str, Any]) -> None:
        path = self._config_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2)
        os.replace(tmp, path)

    def sandbox_password(self, ipa_code: str) -> str | None:
        cfg = self._config()
        return cfg.get("password") if cfg.get("ipa") == ipa_code else None

    def set_sandbox_password(self, ipa_code: str, password: str) -> None:
        """Change the demo Ente's password (also on the running sandbox)."""
        with self._lock:
            cfg = self._config()
            cfg.update(ipa=ipa_code, password=password)
            self._save_config(cfg)
            server = self._server()
            if server is not None:
                self._provision(server, self.demo_ente())

    # --- the demo Ente --------------------------------------------------------------------------
    def demo_ente(self) -> EnteData | None:
        return next((e for e in self.ws.ente.list() if e.is_demo), None)

    def is_demo_current(self) -> bool:
        ente = self.ws.ente.current()
        return bool(ente and ente.is_demo)

    def ensure_demo(self, progress: ProgressCallback = no_progress,
                    cancel: CancelToken = NEVER_CANCELLED) -> EnteData:
        """The demo Ente, created the first time with its tipi dovuto, lists and activity; made current.

        Interrupted half-way (or cancelled), it picks up where it stopped: each list is created in one
        go and recorded in the sandbox configuration, each activity step in the workspace setting.
        """
        with self._lock:
            progress(0, 100, "Preparazione dell'Ente dimostrativo")
            ente = self.demo_ente()
            if ente is None:
                ente = self.ws.ente.save(DEMO_ENTE, make_current=True)
                self.ws.audit("demo.create", ente_id=ente.id, entity="ente", entity_id=ente.id)
            else:
                self.ws.ente.set_current(ente.ipa_code)
            existing = {t.code for t in self.ws.ente.types(ente.id)}
            for t in DEMO_TYPES:
                if t.code not in existing:
                    self.ws.ente.save_type(t, ente_id=ente.id)
            cfg = self._config()
            if cfg.get("ipa") != ente.ipa_code or not cfg.get("password"):
                cfg.update(ipa=ente.ipa_code, password=_password())
                self._save_config(cfg)
            progress(3, 100, "Avvio del portale di prova")
            self.start_sandbox()
            done = set(self._config().get("lists_done", []))
            if not done and self._steps() is None:
                self._save_steps([])  # a new demo: its activity follows the lists
            builders = [(TARI_LIST, self._tari, 30), (f"Mensa scolastica {SCHOOL_YEAR}", self._mensa, 4),
                        (f"Trasporto scolastico {SCHOOL_YEAR}", self._trasporto, 2), (f"Sanzioni CdS {YEAR}", self._sanzioni, 2),
                        (f"Canone unico {YEAR}", self._canone, 2)]
            at = 5
            for name, build, share in builders:
                cancel.raise_if_cancelled()
                if name not in done:
                    progress(at, 100, f"Creazione della lista «{name}»")
                    build(name, cancel)
                    done.add(name)
                    cfg = self._config()
                    cfg["lists_done"] = sorted(done)
                    self._save_config(cfg)
                at += share
            self._activity(self.ws.ente.get(ente.ipa_code), _Scaled(progress, at, 100), cancel)
            progress(100, 100, "Ente dimostrativo pronto")
            return self.ws.ente.get(ente.ipa_code)

    def activity_done(self) -> bool:
        """Whether the demo's first-run activity is complete (or was never planned for this demo)."""
        steps = self._steps()
        return steps is None or set(ACTIVITY_STEPS) <= set(steps)

    # --- first-run activity ---------------------------------------------------------------------
    def _steps(self) -> list[str] | None:
        """Activity steps done; None when this demo has no activity planned (created before it existed)."""
        with self.ws.db.session() as s:
            raw = settings_repo.get_setting(s, STEPS_KEY, "")
        if not raw:
            return None
        try:
            steps = json.loads(raw)
        except ValueError:
            return []
        return [str(x) for x in steps] if isinstance(steps, list) else []

    def _save_steps(self, steps: list[str]) -> None:
        with self.ws.db.session(lock=locks.ROWS) as s:  # read, then write: a write from BEGIN
            settings_repo.set_setting(s, STEPS_KEY, json.dumps(steps))

    def _activity(self, ente: EnteData, progress: _Scaled, cancel: CancelToken) -> None:
        steps = self._steps()
        if steps is None or set(ACTIVITY_STEPS) <= set(steps):
            return
        server = self.sandbox
        if server is None:
            raise UserError("Il portale di prova non è attivo: impossibile preparare i dati dimostrativi")
        # Weight of each step in the progress bar (sending TARI and downloading receipts take longest).
        weights = {f"send:{TARI_LIST}": 30, "receipts": 14, "reports": 12, "reconcile": 12, "pay": 6, "edits": 4}
        total = sum(weights.get(step, 3) for step in ACTIVITY_STEPS)
        delay = server.worker.delay
        server.set_switches(processing_delay=0.0)  # the sandbox's own pace would only make the user wait
        try:
            at = 0
            for step in ACTIVITY_STEPS:
                share = weights.get(step, 3)
                if step not in steps:
                    cancel.raise_if_cancelled()
                    self._run_step(step, ente, server, progress.part(at / total, (at + share) / total), cancel)
                    steps.append(step)
                    self._save_steps(steps)
                at += share
        finally:
            server.set_switches(processing_delay=delay)
        self.ws.audit("demo.activity", ente_id=ente.id, entity="ente", entity_id=ente.id,
                      details={"steps": len(ACTIVITY_STEPS)})

    def _run_step(self, step: str, ente: EnteData, server, progress: _Scaled, cancel: CancelToken) -> None:
        if step.startswith("send:"):
            name = step[5:]
            label = f"Invio della lista «{name}» al portale di prova"
            progress(0, 1, label)
            report = self.ws.sync.push(name, wait=True, progress=progress.with_label(label), cancel=cancel)
            if report.flow_id is not None and report.state != "ELABORATO":
                raise UserError(f"Il portale di prova non ha elaborato la lista «{name}»: {report.message}")
        elif step == "pay":
            label = "I cittadini pagano una parte dei dovuti sul portale di prova"
            progress(0, 1, label)
            self._pay(ente, server, cancel)
        elif step == "receipts":
            label = "Scaricamento delle ricevute dal portale di prova"
            progress(0, 1, label)
            self.ws.receipts.sync_receipts(ente_id=ente.id, progress=progress.with_label(label), cancel=cancel,
                                           poll_first=0.05)
        elif step == "edits":
            label = "Modifiche alla TARI da inviare al portale"
            progress(0, 1, label)
            self._tari_edits()
        elif step == "reports":
            label = "Rendicontazioni dei PSP e giornale di cassa della tesoreria"
            progress(0, 1, label)
            self._import_reports(ente, server)
        else:
            label = "Riconciliazione di ricevute, rendicontazioni e tesoreria"
            progress(0, 1, label)
            self.ws.reconciliation.run(ente_id=ente.id, progress=progress.with_label(label), cancel=cancel)
        progress(1, 1, label)

    def _payers(self) -> list[tuple[str, datetime]]:
        """Who paid and when (same choice on every run): a share of each list over the last
        HISTORY_DAYS days, fewer at weekends; of a TARI debt in instalments, either the single payment or
        the first instalment(s). A fine is paid only after its verbale."""
        rng = random.Random(DEMO_SEED + 10)
        now = datetime.now().replace(microsecond=0)
        midnight = datetime.combine(now.date(), time())
        out: list[tuple[str, datetime]] = []

        def when(max_back: int) -> datetime:
            # Every draw is taken whatever the clock says, so the same debts are chosen on every run.
            back, again, hour, second, frac = (rng.randint(0, HISTORY_DAYS - 1), rng.randint(0, HISTORY_DAYS - 1),
                                               rng.randint(8, 21), rng.randrange(3600), rng.random())
            day = now.date() - timedelta(days=back)
            if day.weekday() >= 5:  # half the weekend payments move to a working day
                back = again if rng.random() < 0.5 else back
            back = min(back, max_back)
            at = datetime.combine(now.date() - timedelta(days=back), time(hour)) + timedelta(seconds=second)
            return at if at <= now else midnight + (now - midnight) * frac

        for name in LIST_NAMES:
            rows = self.ws.lists.get_debts(name, include_instalments=True)
            kids: dict[int, list] = {}
            for r in rows:
                if r.parent_id is not None:
                    kids.setdefault(r.parent_id, []).append(r)
            for d in rows:
                if d.parent_id is not None or rng.random() >= PAY_SHARES[name]:
                    continue
                max_back = HISTORY_DAYS
                if d.debt_type == "SANZIONI_CDS" and d.due_date:  # verbale date = due date - 60 days
                    max_back = max((now.date() - (d.due_date - timedelta(days=60))).days - 2, 0)
                paid_at = when(max_back)
                rate = sorted(kids.get(d.id, []), key=lambda k: k.instalment_number or 0)
                if rate and rng.random() < 0.45:
                    out.extend((k.iud, paid_at) for k in rate[:1 if rng.random() < 0.7 else 2])
                else:
                    out.append((d.iud, paid_at))
        return out

    def _pay(self, ente: EnteData, server, cancel: CancelToken) -> None:
        for n, (iud, paid_at) in enumerate(sorted(self._payers(), key=lambda p: p[1])):
            if n % 200 == 0:
                cancel.raise_if_cancelled()
            server.pay(ente.ipa_code, iuds=[iud], seed=DEMO_SEED + n, paid_at=paid_at)

    def _tari_edits(self) -> None:
        """Corrections made at the desk after the TARI run was sent: a few amounts reduced (M), two
        utenze closed (A), three new residents (I). Idempotent: same debts, same values."""
        lists = self.ws.lists
        rows = lists.get_debts(TARI_LIST)
        open_rows = sorted((d for d in rows if d.state == "SUL_PORTALE" and not d.instalment_count
                            and d.debtor_type == "F"), key=lambda d: d.iud)
        rng = random.Random(DEMO_SEED + 11)
        picked = rng.sample(open_rows, min(6, len(open_rows)))
        note = " - rettifica per compostaggio domestico"
        changes = [(d.id, {"amount_cents": d.amount_cents - d.amount_cents // 5,  # 20% reduction
                           "causale": d.causale[:140 - len(note)] + note})
                   for d in picked[:4] if note not in d.causale]  # not twice when a run is resumed
        if changes:
            lists.update_debts(changes)
        to_cancel = [d.id for d in picked[4:] if not d.cancel_requested]
        if to_cancel:
            lists.cancel_debts(to_cancel)
        have = {d.iud for d in rows}
        people = PeopleFactory(DEMO_SEED + 12)
        year = date.today().year
        new = []
        for k in range(1, NEW_RESIDENTS + 1):
            p = people.person()
            iud = f"TARI{year}-{TARI_SIZE + k:06d}"
            if iud in have:
                continue
            occupants = k + 1
            rec = debt(p, iud=iud, amount_cents=6_000 + occupants * 5_200, debt_type="TARI",
                       causale=f"TARI {year} - nuova iscrizione, {occupants} occupanti - {p.address} {p.civic}",
                       collection_data="9/0101101IM/", due=self._due(60), city=CITY, postal_code=POSTAL_CODE,
                       province=PROVINCE)
            rec.generate_iuv = True
            new.append(rec)
        if new:
            lists.add_debts(TARI_LIST, new)

    def _import_reports(self, ente: EnteData, server) -> None:
        """The PSPs' flows (one ZIP, as downloaded from a PSP portal) and the giornale di cassa, imported."""
        result = server.reports(ente.ipa_code, anomalies=True, seed=DEMO_SEED)
        today = date.today()
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in result["fdr"]:  # fixed member times: the same flows give the same file
                zf.writestr(zipfile.ZipInfo(name, date_time=(today.year, today.month, today.day, 0, 0, 0)), data,
                            zipfile.ZIP_DEFLATED)
        day = today.strftime("%Y%m%d")
        rec = self.ws.reconciliation
        if result["fdr"]:
            rec.import_bytes(buf.getvalue(), f"rendicontazioni-{day}.zip", ente_id=ente.id)
        name, data = result["opi"]
        rec.import_bytes(data, name, ente_id=ente.id)

    # --- sandbox ------------------------------------------------------------------------------
    def _server(self):
        with _servers_lock:
            return _servers.get(str(self.sandbox_dir.resolve()))

    def _provision(self, server, ente: EnteData | None) -> None:
        if ente is None:
            return
        password = self.sandbox_password(ente.ipa_code)
        if not password:
            return
        server.add_ente(ente.ipa_code, ente.fiscal_code, password, SANDBOX_TYPES,
                        segregation_code=ente.segregation_code or "01", name=ente.name)

    def start_sandbox(self) -> str | None:
        """Start (once per process) the embedded sandbox for the demo Ente and point the Ente at it.

        Returns the sandbox's address, or None when this workspace has no demo Ente.
        """
        from mypay_desk.simulator.server import SimulatorServer

        ente = self.demo_ente()
        if ente is None:
            return None
        key = str(self.sandbox_dir.resolve())
        with _servers_lock:
            server = _servers.get(key)
            if server is None:
                cfg = self._config()
                port = int(cfg.get("port") or 0)
                try:
                    server = SimulatorServer(self.sandbox_dir, port=port, processing_delay=DEFAULT_SANDBOX_DELAY)
                    server.start()
                except OSError:  # the remembered port is taken: any free one will do
                    with contextlib.suppress(Exception):
                        server.stop()
                    server = SimulatorServer(self.sandbox_dir, port=0, processing_delay=DEFAULT_SANDBOX_DELAY)
                    server.start()
                _servers[key] = server
                if cfg.get("port") != server.port:
                    cfg["port"] = server.port
                    self._save_config(cfg)
        self._provision(server, ente)
        if ente.portal_url != server.base_url:
            self.ws.ente.save(replace(ente, portal_url=server.base_url), make_current=False)
        return server.base_url

    def stop_sandbox(self) -> None:
        key = str(self.sandbox_dir.resolve())
        with _servers_lock:
            server = _servers.pop(key, None)
        if server is not None:
            server.stop()

    @property
    def sandbox(self):
        """The running sandbox server (its switches and ``pay`` are handy in demos), or None."""
        return self._server()

    # --- lists --------------------------------------------------------------------------------
    def _make_list(self, name: str, debt_type: str, description: str, records: list[DebtRecord]) -> list[int]:
        """Create the list with its debts; if a previous run created it already, reuse its debts (ids in
        the order of ``records``)."""
        lists = self.ws.lists
        if name in {s.name for s in lists.lists()} and lists.summary(name).total_count > 0:
            by_iud = {d.iud: d.id for d in lists.get_debts(name)}
            return [by_iud[r.iud] for r in records if r.iud in by_iud]
        if name not in {s.name for s in lists.lists()}:
            lists.create_list(name, default_debt_type=debt_type, description=description)
        ids = lists.add_debts(name, records)
        if lists.summary(name).invalid_count:
            bad = [d.iud for d in lists.get_debts(name) if not d.is_valid]
            raise UserError(f"Dati dimostrativi non validi nella lista {name}: {', '.join(bad[:5])}")
        return ids

    @staticmethod
    def _due(days: int) -> date:
        return date.today() + timedelta(days=days)

    def _tari(self, name: str, cancel: CancelToken) -> None:
        rng = random.Random(DEMO_SEED + 1)
        people = PeopleFactory(DEMO_SEED + 1)
        year = date.today().year
        records = []
        for i in range(1, TARI_SIZE + 1):
            p = people.person()
            if p.type == "G":
                cents = rng.randrange(30_000, 250_000)
                what = "utenza non domestica"
            else:
                occupants = rng.choice([1, 1, 2, 2, 2, 3, 3, 4, 5])
                cents = 6_000 + occupants * rng.randrange(3_500, 7_500) + rng.randrange(0, 100) * 10
                what = f"utenza domestica, {occupants} occupant{'e' if occupants == 1 else 'i'}"
            records.append(debt(p, iud=f"TARI{year}-{i:06d}", amount_cents=cents, debt_type="TARI",
                                causale=f"TARI {year} - {what} - {p.address} {p.civic}",
                                collection_data="9/0101101IM/", due=self._due(60), city=CITY,
                                postal_code=POSTAL_CODE, province=PROVINCE))
            records[-1].generate_iuv = True  # MyPay generates the IUVs: notices can be printed afterwards
        ids = self._make_list(name, "TARI", f"Tassa rifiuti {year}: avvisi di pagamento in rata unica o in rate",
                              records)
        cancel.raise_if_cancelled()
        # About one debt in eight is offered in 2 or 3 instalments as well.
        for debt_id, rec in zip(ids, records, strict=True):
            if rng.random() >= 0.12 or rec.amount_cents < 15_000:
                continue
            n = rng.choice([2, 3])
            share = rec.amount_cents // n
            plan = [(share, self._due(60 + 90 * k)) for k in range(n)]
            plan[-1] = (rec.amount_cents - share * (n - 1), plan[-1][1])
            self.ws.lists.set_instalments(debt_id, plan)
            cancel.raise_if_cancelled()

    def _mensa(self, name: str, cancel: CancelToken) -> None:
        rng = random.Random(DEMO_SEED + 2)
        people = PeopleFactory(DEMO_SEED + 2, company_share=0)
        months = ["settembre", "ottobre", "novembre", "dicembre"]
        records = []
        for i in range(1, 241):
            parent = people.person()
            child = rng.choice(["Sofia", "Leonardo", "Aurora", "Tommaso", "Giulia", "Edoardo", "Ginevra",
                                "Alessandro", "Beatrice", "Riccardo", "Alice", "Lorenzo"])
            month = months[i % len(months)]
            meals = rng.randint(12, 21)
            records.append(debt(parent, iud=f"MENSA2526-{i:05d}", amount_cents=meals * rng.choice([420, 480, 510]),
                                debt_type="MENSA_SCOLASTICA",
                                causale=f"Mensa scolastica {month} {YEAR} - {child} - {meals} pasti",
                                collection_data="9/0104100SP/", due=self._due(30), city=CITY,
                                postal_code=POSTAL_CODE, province=PROVINCE))
            records[-1].generate_iuv = True
        self._make_list(name, "MENSA_SCOLASTICA", "Rette della mensa scolastica, a consumo mensile", records)

    def _trasporto(self, name: str, cancel: CancelToken) -> None:
        people = PeopleFactory(DEMO_SEED + 3, company_share=0)
        records = []
        for i in range(1, 61):
            p = people.person()
            records.append(debt(p, iud=f"TRASP2526-{i:04d}", amount_cents=18_000 if i % 4 else 12_000,
                                debt_type="TRASPORTO_SCOLASTICO",
                                causale=f"Trasporto scolastico a.s. {SCHOOL_YEAR.replace('-', '/')}" + (" - secondo figlio" if i % 4 == 0 else ""),
                                collection_data="9/0104101SP/", due=self._due(45), city=CITY,
                                postal_code=POSTAL_CODE, province=PROVINCE))
            records[-1].generate_iuv = True
        self._make_list(name, "TRASPORTO_SCOLASTICO", "Quote annuali del trasporto scolastico", records)

    def _sanzioni(self, name: str, cancel: CancelToken) -> None:
        rng = random.Random(DEMO_SEED + 4)
        people = PeopleFactory(DEMO_SEED + 4, company_share=0.2)
        articles = [("art. 7 c.1 - sosta vietata", 4_200), ("art. 142 c.8 - eccesso di velocità", 17_300),
                    ("art. 146 c.3 - semaforo rosso", 16_700), ("art. 158 c.2 - sosta su passo carrabile", 4_200),
                    ("art. 173 c.2 - uso del telefono alla guida", 24_900)]
        records = []
        for i in range(1, 26):
            p = people.person()
            art, cents = rng.choice(articles)
            when = date.today() - timedelta(days=rng.randint(5, 50))
            records.append(debt(p, iud=f"CDS{YEAR}-{1000 + i}", amount_cents=cents + 1_440,  # + notification costs
                                debt_type="SANZIONI_CDS",
                                causale=f"Verbale n. {1000 + i}/{YEAR} del {when.strftime('%d/%m/%Y')} - {art}",
                                collection_data="9/0102100SA/", due=when + timedelta(days=60), city=CITY,
                                postal_code=POSTAL_CODE, province=PROVINCE))
            records[-1].generate_iuv = True
        self._make_list(name, "SANZIONI_CDS", "Verbali della Polizia Locale notificati", records)

    def _canone(self, name: str, cancel: CancelToken) -> None:
        rng = random.Random(DEMO_SEED + 5)
        people = PeopleFactory(DEMO_SEED + 5, company_share=0.7)
        records = []
        for i in range(1, 41):
            p = people.person()
            what = rng.choice(["occupazione suolo pubblico - dehors", "insegna di esercizio", "passo carrabile",
                               "occupazione suolo pubblico - ponteggio"])
            records.append(debt(p, iud=f"CUP{YEAR}-{i:04d}", amount_cents=rng.randrange(4_000, 180_000, 50),
                                debt_type="CANONE_UNICO", causale=f"Canone unico patrimoniale {YEAR} - {what}",
                                collection_data="9/0101107TS/", due=self._due(90), city=CITY, postal_code=POSTAL_CODE,
                                province=PROVINCE))
            records[-1].generate_iuv = True
        self._make_list(name, "CANONE_UNICO", "Canone unico patrimoniale: occupazioni, insegne, passi carrabili",
                        records)
