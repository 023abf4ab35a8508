from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never touch the real keyring or the user's data folder.
os.environ["MYPAY_DESK_KEYRING"] = "file"
# A shared database chosen in the developer's shell must not leak into the tests.
os.environ.pop("MYPAY_DESK_DATABASE", None)

# The databases the `workspace` fixture runs on: both by default; MYPAY_TEST_DATABASES=sqlite narrows it.
DATABASES = tuple(d for d in os.environ.get("MYPAY_TEST_DATABASES", "sqlite,postgresql").split(",") if d)


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only: the test checks the SQLite file itself (PRAGMAs, copies of "
                                       "the file): its workspace runs on SQLite only")


def pytest_generate_tests(metafunc):
    """Store, services and integration tests that use a workspace run on SQLite and on PostgreSQL; the
    GUI tests (tests/ui) and tests marked sqlite_only on SQLite only."""
    if "database_kind" not in metafunc.fixturenames:
        return
    ui = "ui" in Path(str(metafunc.definition.path)).parts
    kinds = [k for k in DATABASES if k == "sqlite" or not (ui or metafunc.definition.get_closest_marker("sqlite_only"))]
    metafunc.parametrize("database_kind", kinds or ["sqlite"], indirect=True)


@pytest.fixture(autouse=True)
def schema_checked_exchanges():
    """Every SOAP exchange with a sandbox started through tests/integration/portal_support validates
    against MyPay's schemas (tests/schemas): the request the client built and the reply it got."""
    import sys

    support = sys.modules.get("tests.integration.portal_support")
    if support is not None:
        support.SCHEMA_PROBLEMS.clear()
    yield
    support = sys.modules.get("tests.integration.portal_support")
    if support is not None and support.SCHEMA_PROBLEMS:
        problems = list(support.SCHEMA_PROBLEMS)
        support.SCHEMA_PROBLEMS.clear()
        pytest.fail("scambi SOAP non conformi agli schemi:\n" + "\n".join(problems[:20]))


@pytest.fixture
def database_kind(request) -> str:
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_cluster():
    """A PostgreSQL server of this test process (see tests/pg_support.py), with the schema template."""
    from tests.pg_support import ClusterUnavailable, start_cluster

    if "postgresql" not in DATABASES:
        pytest.skip("PostgreSQL tests skipped: MYPAY_TEST_DATABASES leaves PostgreSQL out")
    try:
        cluster = start_cluster()
    except ClusterUnavailable as exc:
        if os.environ.get("MYPAY_TEST_REQUIRE_POSTGRESQL"):  # CI (.ci/run) installs the server: it must run
            pytest.fail(f"PostgreSQL test server unavailable: {exc}")
        pytest.skip(f"PostgreSQL tests skipped: {exc}")
    try:
        cluster.template = cluster.make_template()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_database(pg_cluster):
    """A fresh database with the app's schema; its URL."""
    name = pg_cluster.create_database(template=pg_cluster.template)
    yield pg_cluster.url(name)
    pg_cluster.drop_database(name)


@pytest.fixture
def pg_empty_database(pg_cluster):
    """A fresh empty database (no schema); its URL."""
    name = pg_cluster.create_database()
    yield pg_cluster.url(name)
    pg_cluster.drop_database(name)


@pytest.fixture
def new_workspace(database_kind: str, request):
    """Opens workspaces in given folders on the kind of database of this test: its own SQLite file, or a
    fresh PostgreSQL database chosen in the folder as Impostazioni does (so reopening the folder, from
    the CLI or another process, finds it). Closed (and dropped) at the end of the test."""
    from mypay_desk.services.database import save_database_url
    from mypay_desk.services.workspace import Workspace

    opened, databases = [], []
    cluster = request.getfixturevalue("pg_cluster") if database_kind == "postgresql" else None

    def open_workspace(folder: Path):
        if cluster is not None and not (folder / "database.json").exists():
            folder.mkdir(parents=True, exist_ok=True)
            databases.append(cluster.create_database(template=cluster.template))
            save_database_url(folder, cluster.url(databases[-1]))
        ws = Workspace.open(folder)
        opened.append(ws)
        return ws

    yield open_workspace
    for ws in opened:
        ws.close()
    for name in databases:
        cluster.drop_database(name)


@pytest.fixture
def workspace(tmp_path: Path, new_workspace):
    """An open workspace on SQLite or (parametrised) PostgreSQL: see new_workspace."""
    return new_workspace(tmp_path / "ws")


@pytest.fixture
def ente(workspace):
    """A configured Ente with two tipi dovuto."""
    from mypay_desk.domain.ente import DebtTypeData, EnteData

    saved = workspace.ente.save(EnteData(
        ipa_code="C_TEST", fiscal_code="01199250158", name="Comune di Prova", sector="Servizi tributari",
        info="Piazza del Comune 1, 20100 Milano", cbill="AAAAA", segregation_code="12",
        portal_url="http://127.0.0.1:1", adhesion_mode="ente",
    ))
    workspace.ente.save_type(DebtTypeData(code="TARI", description="Tassa rifiuti", taxonomy="9/0101108TS/",
                                          due_date_required=True, print_due_date=True))
    workspace.ente.save_type(DebtTypeData(code="MENSA", description="Mensa scolastica",
                                          taxonomy="9/0201133IM/", anonymous_allowed=True))
    return saved
