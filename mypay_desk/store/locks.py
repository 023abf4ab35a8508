"""What a write transaction locks against the other desks of a shared database.

SQLite has one writer at a time: every ``Database.session(immediate=True)`` (and every session given a
``lock``) begins with ``BEGIN IMMEDIATE`` and the scopes below change nothing there.

PostgreSQL lets writers run side by side. An immediate session without a scope takes one
database-wide advisory lock (the SQLite behaviour, right for any read-then-write written for SQLite);
a session given a scope takes that lock *shared* (so a database-wide writer still excludes it) plus
the scope's own advisory locks, so only writers of the same scope queue:

- ``debts(ente)``: the Ente's lists and debts where IUDs, positions or flows are read and then written
  (imports, new debts, IUD changes, instalments, cancellations, IUV assignment, a flow being recorded);
- ``debts(ente, shared=True)``: field edits that change no IUD. Edits by several desks run side by
  side; each locks its rows (``FOR UPDATE``) and checks their version (optimistic concurrency);
- ``receipts(ente)``, ``reconciliation(ente)``: receipt imports, reconciliation results;
- ``ROWS``: nothing but the rows the statements touch (IUV allocation: one ``UPDATE ... RETURNING`` on
  the Ente's row, atomic by itself).

Locks are transaction-scoped (released at COMMIT/ROLLBACK) and taken in one order (the database-wide
one first, then by key), so two scoped writers cannot deadlock on them; a wait is bounded by
``lock_timeout`` like SQLite's busy timeout.
"""

from __future__ import annotations

from dataclasses import dataclass

# Two-int advisory keys (pg_advisory_xact_lock(int, int)): a class per scope, the Ente's id. PostgreSQL
# keeps them apart from the one-bigint keys of store/postgres.py (WRITE_LOCK, MIGRATION_LOCK).
_DEBTS, _RECEIPTS, _RECONCILIATION = 0x4D505901, 0x4D505902, 0x4D505903


@dataclass(frozen=True)
class WriteScope:
    """Advisory locks ``(class, object, shared)`` a scoped write session holds on PostgreSQL."""

    name: str
    keys: tuple[tuple[int, int, bool], ...] = ()


ROWS = WriteScope("rows")


def debts(ente_id: int, *, shared: bool = False) -> WriteScope:
    return WriteScope(f"debts:{ente_id}", ((_DEBTS, int(ente_id), shared),))


def receipts(ente_id: int) -> WriteScope:
    return WriteScope(f"receipts:{ente_id}", ((_RECEIPTS, int(ente_id), False),))


def reconciliation(ente_id: int) -> WriteScope:
    return WriteScope(f"reconciliation:{ente_id}", ((_RECONCILIATION, int(ente_id), False),))
