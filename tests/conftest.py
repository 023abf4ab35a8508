from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never touch the real keyring or the user's data folder.
os.environ["MYPAY_DESK_KEYRING"] = "file"


@pytest.fixture
def workspace(tmp_path: Path):
    from mypay_desk.services.workspace import Workspace

    ws = Workspace.open(tmp_path / "ws")
    yield ws
    ws.close()


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
