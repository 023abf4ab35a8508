"""Shared set-up for the portal integration tests: the real sandbox on loopback, wired to the test Ente."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from mypay_desk.domain.debts import DebtRecord
from mypay_desk.services.demo_data import PeopleFactory
from mypay_desk.simulator.server import SimulatorServer

PASSWORD = "Prova.Sandbox1"

#: Schema complaints about the SOAP exchanges of the sandboxes started here (checked after every test by
#: the ``schema_checked_exchanges`` fixture of tests/conftest.py).
SCHEMA_PROBLEMS: list[str] = []


def observe_exchanges(server: SimulatorServer, *, requests: bool = True) -> None:
    """Validate every SOAP request the client sends (unless ``requests`` is False: tests that send broken
    ones on purpose) and every reply the sandbox gives against MyPay's WSDL and payload schemas
    (tests/schemas)."""
    from tests.schema_support import exchange_problems

    def observe(request: bytes, status: int, reply: bytes) -> None:
        problems = exchange_problems(request, status, reply, requests=requests)
        if problems:
            op = request[:400].decode("utf-8", "replace")
            SCHEMA_PROBLEMS.extend(f"{p} (scambio che inizia con {op!r})" for p in problems)

    server.exchange_observer = observe


def start_sandbox(workspace, ente, state_dir, *, types=("TARI:scadenza", "MENSA:anonimo"),
                  processing_delay: float = 0.05) -> SimulatorServer:
    """Start the sandbox, provision the conftest Ente there and point the workspace at it, with short
    timeouts and pauses so failure paths stay fast."""
    server = SimulatorServer(state_dir, processing_delay=processing_delay)
    observe_exchanges(server)
    url = server.start()
    server.add_ente(ente.ipa_code, ente.fiscal_code, PASSWORD, list(types), segregation_code=ente.segregation_code,
                    name=ente.name)
    workspace.ente.save(replace(workspace.ente.get(ente.ipa_code), portal_url=url))
    workspace.portal.set_password(ente.ipa_code, PASSWORD)
    tune(workspace)
    return server


def tune(workspace, read_timeout: float = 5.0) -> None:
    cs = workspace.portal.client_settings
    cs.connect_timeout = 2.0
    cs.read_timeout = read_timeout
    cs.write_timeout = 5.0
    cs.retries = 3
    cs.backoff = 0.01
    cs.backoff_max = 0.05
    sync = workspace.sync
    sync.poll_initial = 0.02
    sync.poll_max = 0.1
    sync.poll_timeout = 30.0
    sync.upload_grace = 0.05


def tari_records(n: int, prefix: str = "TARI25", *, generate_iuv: bool = True, seed: int = 7) -> list[DebtRecord]:
    people = PeopleFactory(seed=seed)
    out = []
    for i in range(1, n + 1):
        p = people.person()
        out.append(DebtRecord(
            iud=f"{prefix}-{i:05d}", debtor_type=p.type, debtor_code=p.code, debtor_name=p.name, address=p.address,
            civic=p.civic, postal_code="20100", city="Milano", province="MI", country="IT", email=p.email,
            due_date=date(2030, 6, 30), amount_cents=10_000 + i * 137, debt_type="TARI",
            causale=f"TARI 2025 - utenza {i}", collection_data="9/0101108TS/", generate_iuv=generate_iuv,
        ))
    return out


def make_list(workspace, name: str, records: list[DebtRecord]) -> list[int]:
    workspace.lists.create_list(name, default_debt_type="TARI")
    return workspace.lists.add_debts(name, records)


def portal_dovuti(server: SimulatorServer, ipa: str, **filters) -> list[dict]:
    ente = server.state.ente_by_ipa(ipa)
    return server.state.dovuti(ente.id, **filters)


def journal_ops(workspace) -> list[str]:
    return [j.operation for j in reversed(workspace.portal.journal(10_000))]
