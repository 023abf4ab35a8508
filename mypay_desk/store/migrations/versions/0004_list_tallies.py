"""list tallies: counts and totals of each list kept by triggers; partial index of unsynced debts

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 21:10:00

The lists page showed its counts and totals by grouping every debt of the Ente (1.2 s and more for
a list of a million). ``debt_list_tally`` holds the same figures per list and combination of the
counted states; on SQLite triggers keep it in step with ``debt`` inside the writing transaction,
whatever path wrote (import, edits, undo, cancel, sync outcome, receipts, cascades), and the table
is filled here from the debts already stored.

SQLite only (the triggers): on another database the table stays empty and the repository groups
the debts instead (store.repositories.debts.list_tallies).

Beware: a later migration that rebuilds ``debt`` or ``debt_list`` through a batch table copy drops
these triggers with the old table; it must create them again (``create_tally_triggers``).
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

_BUCKET = ("list_id", "top_level", "state", "is_valid", "cancel_requested", "on_portal", "in_flight")


def _bucket_values(row: str) -> str:
    """The bucket of a debt row (NEW or OLD) in _BUCKET order."""
    return (f"{row}.list_id, {row}.parent_id IS NULL, {row}.state, {row}.is_valid, {row}.cancel_requested, "
            f"{row}.portal_hash != '', {row}.sending_flow_id IS NOT NULL")


def _bucket_match(row: str) -> str:
    values = _bucket_values(row).split(", ")
    return " AND ".join(f"{c} = ({v})" for c, v in zip(_BUCKET, values))  # (= binds like IS and !=)


def _add(row: str) -> str:
    return (f"INSERT INTO debt_list_tally ({', '.join(_BUCKET)}, debts, amount_cents) "
            f"VALUES ({_bucket_values(row)}, 1, {row}.amount_cents) "
            f"ON CONFLICT ({', '.join(_BUCKET)}) DO UPDATE SET debts = debts + 1, "
            "amount_cents = amount_cents + excluded.amount_cents;")


def _move() -> str:
    """OLD's bucket loses the row and NEW's gains it, in one statement (cheaper per updated row than
    two: a receipts import marks tens of thousands of debts paid)."""
    return (f"INSERT INTO debt_list_tally ({', '.join(_BUCKET)}, debts, amount_cents) "
            f"VALUES ({_bucket_values('OLD')}, -1, -OLD.amount_cents), ({_bucket_values('NEW')}, 1, NEW.amount_cents) "
            f"ON CONFLICT ({', '.join(_BUCKET)}) DO UPDATE SET debts = debts + excluded.debts, "
            "amount_cents = amount_cents + excluded.amount_cents;")


def _remove(row: str) -> str:
    # The row was counted when written, so its bucket exists (unless its list is being deleted).
    return (f"UPDATE debt_list_tally SET debts = debts - 1, amount_cents = amount_cents - {row}.amount_cents "
            f"WHERE {_bucket_match(row)};")


_WATCHED = ("list_id", "parent_id", "state", "is_valid", "cancel_requested", "portal_hash", "sending_flow_id",
            "amount_cents")
_CHANGED = " OR ".join([
    "OLD.list_id IS NOT NEW.list_id", "(OLD.parent_id IS NULL) IS NOT (NEW.parent_id IS NULL)",
    "OLD.state IS NOT NEW.state", "OLD.is_valid IS NOT NEW.is_valid",
    "OLD.cancel_requested IS NOT NEW.cancel_requested", "(OLD.portal_hash != '') IS NOT (NEW.portal_hash != '')",
    "(OLD.sending_flow_id IS NULL) IS NOT (NEW.sending_flow_id IS NULL)", "OLD.amount_cents IS NOT NEW.amount_cents",
])

TRIGGERS = {
    "debt_tally_insert": f"CREATE TRIGGER debt_tally_insert AFTER INSERT ON debt BEGIN {_add('NEW')} END",
    "debt_tally_update": (f"CREATE TRIGGER debt_tally_update AFTER UPDATE OF {', '.join(_WATCHED)} ON debt "
                          f"WHEN {_CHANGED} BEGIN {_move()} END"),
    "debt_tally_delete": f"CREATE TRIGGER debt_tally_delete AFTER DELETE ON debt BEGIN {_remove('OLD')} END",
    "debt_list_tally_delete": ("CREATE TRIGGER debt_list_tally_delete AFTER DELETE ON debt_list BEGIN "
                               "DELETE FROM debt_list_tally WHERE list_id = OLD.id; END"),
}

FILL = (f"INSERT INTO debt_list_tally ({', '.join(_BUCKET)}, debts, amount_cents) "
        f"SELECT {_bucket_values('debt')}, count(*), coalesce(sum(amount_cents), 0) FROM debt "
        "GROUP BY 1, 2, 3, 4, 5, 6, 7")


def create_tally_triggers() -> None:
    for sql in TRIGGERS.values():
        op.execute(sql)


def upgrade() -> None:
    op.create_table('debt_list_tally',
    sa.Column('list_id', sa.Integer(), nullable=False),
    sa.Column('top_level', sa.Boolean(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('is_valid', sa.Boolean(), nullable=False),
    sa.Column('cancel_requested', sa.Boolean(), nullable=False),
    sa.Column('on_portal', sa.Boolean(), nullable=False),
    sa.Column('in_flight', sa.Boolean(), nullable=False),
    sa.Column('debts', sa.BigInteger(), nullable=False),
    sa.Column('amount_cents', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('list_id', 'top_level', 'state', 'is_valid', 'cancel_requested', 'on_portal',
                            'in_flight', name=op.f('pk_debt_list_tally'))
    )
    with op.batch_alter_table('debt', schema=None) as batch_op:
        batch_op.create_index('ix_debt_list_unsynced', ['list_id'], unique=False, sqlite_where=sa.text(
            "portal_hash != '' AND (cancel_requested IS 1 OR portal_accepted_at IS NULL "
            "OR updated_at > portal_accepted_at)"), postgresql_where=sa.text(
            "portal_hash != '' AND (cancel_requested IS true OR portal_accepted_at IS NULL "
            "OR updated_at > portal_accepted_at)"))
    if op.get_bind().dialect.name == "sqlite":
        op.execute(FILL)
        create_tally_triggers()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table('debt', schema=None) as batch_op:
        batch_op.drop_index('ix_debt_list_unsynced')
    op.drop_table('debt_list_tally')
