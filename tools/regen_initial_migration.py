"""Development helper: rewrite the initial migration from the models.

Used only while nothing has been released (a single 0001 revision). After the first release, every
schema change gets its own revision: `alembic revision --autogenerate`.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from alembic import command

from mypay_desk.store.db import MIGRATIONS_DIR, alembic_config

target = MIGRATIONS_DIR / "versions" / "0001_initial.py"
target.unlink(missing_ok=True)
with tempfile.TemporaryDirectory() as tmp:
    cfg = alembic_config(f"sqlite:///{Path(tmp) / 'empty.sqlite3'}")
    command.revision(cfg, message="initial schema", autogenerate=True, rev_id="0001")
generated = next((MIGRATIONS_DIR / "versions").glob("0001_*.py"))
if generated != target:
    generated.rename(target)
print(f"wrote {target}")
