"""The demo Ente ("Prova con un Ente dimostrativo") wired to the embedded sandbox portal.

``ensure_demo`` creates, once, a realistic comune (valid codice fiscale, codice di segregazione, CBILL,
adhesion mode "iniziato presso l'Ente"), its tipi dovuto and a few lists (a TARI run of about 3,000
debts, some in instalments; school canteen and transport; traffic fines), all through the Ente and
list services. Everything lives in the workspace, so the demo continues across runs.

The sandbox runs in this process on 127.0.0.1 with its state in ``<workspace>/sandbox``. The demo
Ente's portal password belongs to that sandbox, not to a real portal: it is generated once and kept
in the sandbox's own configuration file ``<workspace>/sandbox/mypay-desk-demo.json`` (with the port,
so the Ente's portal address stays the same across runs). Real Enti's passwords never go there: they
live in the OS keyring (see services/portal.py).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import random
import secrets
import string
import threading
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mypay_desk.domain.debts import DebtRecord
from mypay_desk.domain.ente import DebtTypeData, EnteData
from mypay_desk.services.demo_data import DEMO_SEED, PeopleFactory, debt
from mypay_desk.services.errors import UserError
from mypay_desk.services.progress import NEVER_CANCELLED, CancelToken, ProgressCallback, no_progress

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
_servers: dict[str, Any] = {}
_servers_lock = threading.Lock()


def _password() -> str:
    """8-15 characters as MyPay wants; letters, digits and a symbol."""
    alphabet = string.ascii_letters + string.digits
    return "Demo." + "".join(secrets.choice(alphabet) for _ in range(8))


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
        """The demo Ente, created the first time with its tipi dovuto and lists; made current.

        Interrupted half-way, it picks up where it stopped: each list is created in one go and
        recorded as done in the sandbox configuration.
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
            progress(5, 100, "Avvio del portale di prova")
            self.start_sandbox()
            done = set(self._config().get("lists_done", []))
            builders = [("TARI 2025", self._tari, 75), ("Mensa scolastica 2025-2026", self._mensa, 8),
                        ("Trasporto scolastico 2025-2026", self._trasporto, 4), ("Sanzioni CdS 2025", self._sanzioni, 3),
                        ("Canone unico 2025", self._canone, 5)]
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
            progress(100, 100, "Ente dimostrativo pronto")
            return self.ws.ente.get(ente.ipa_code)

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
                    server = SimulatorServer(self.sandbox_dir, port=port)
                    server.start()
                except OSError:  # the remembered port is taken: any free one will do
                    with contextlib.suppress(Exception):
                        server.stop()
                    server = SimulatorServer(self.sandbox_dir, port=0)
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
                                causale=f"Mensa scolastica {month} 2025 - {child} - {meals} pasti",
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
                                causale="Trasporto scolastico a.s. 2025/2026" + (" - secondo figlio" if i % 4 == 0 else ""),
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
            records.append(debt(p, iud=f"CDS2025-{1000 + i}", amount_cents=cents + 1_440,  # + notification costs
                                debt_type="SANZIONI_CDS",
                                causale=f"Verbale n. {1000 + i}/2025 del {when.strftime('%d/%m/%Y')} - {art}",
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
            records.append(debt(p, iud=f"CUP2025-{i:04d}", amount_cents=rng.randrange(4_000, 180_000, 50),
                                debt_type="CANONE_UNICO", causale=f"Canone unico patrimoniale 2025 - {what}",
                                collection_data="9/0101107TS/", due=self._due(90), city=CITY, postal_code=POSTAL_CODE,
                                province=PROVINCE))
            records[-1].generate_iuv = True
        self._make_list(name, "CANONE_UNICO", "Canone unico patrimoniale: occupazioni, insegne, passi carrabili",
                        records)
