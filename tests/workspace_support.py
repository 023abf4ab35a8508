"""A workspace with the test Ente, for module-scoped fixtures (a fresh one per example would make property
tests crawl): on SQLite, or on PostgreSQL with ``database`` (a URL)."""

from __future__ import annotations

from pathlib import Path


def workspace_with_ente(folder: Path, database: str | None = None):
    """(workspace, Ente) in ``folder``; the caller closes the workspace."""
    from mypay_desk.domain.ente import EnteData
    from mypay_desk.services.workspace import Workspace

    ws = Workspace.open(folder, database=database)
    ente = ws.ente.save(EnteData(ipa_code="C_TEST", fiscal_code="01199250158", name="Comune di Prova",
                                 segregation_code="12"))
    return ws, ente
