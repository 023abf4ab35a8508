"""PostgreSQL: the list tallies kept by statement-level triggers (0004 keeps them on SQLite only)

Revision ID: 0007
Revises: 0006

Each INSERT, UPDATE or DELETE of debts adds to ``debt_list_tally`` the per-bucket difference of the
rows it wrote, grouped once per statement from its transition tables (a million-row import is one
GROUP BY, not a million upserts), in bucket order, so two desks touch the same tally rows in the same
order. A statement that moves no row between buckets (an edit of a causale) writes nothing there. The
table is filled here from the debts already stored. Nothing changes on SQLite.
"""
from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

_BUCKET = "list_id, top_level, state, is_valid, cancel_requested, on_portal, in_flight"


def _bucket(row: str) -> str:
    return (f"{row}.list_id, {row}.parent_id IS NULL, {row}.state, {row}.is_valid, {row}.cancel_requested, "
            f"{row}.portal_hash <> '', {row}.sending_flow_id IS NOT NULL")


def _apply(parts: str) -> str:
    """Upsert the summed differences of ``parts`` (rows: bucket, debts, amount)."""
    # Lists deleted meanwhile are left out: a list's delete removes its rows (debt_list_tally_delete), and the
    # cascade's debt delete fires its statement trigger after that.
    return (f"INSERT INTO debt_list_tally ({_BUCKET}, debts, amount_cents) "
            f"SELECT * FROM (SELECT {_BUCKET}, sum(n) AS n, sum(a) AS a FROM ({parts}) AS x "
            f"GROUP BY {_BUCKET} HAVING sum(n) <> 0 OR sum(a) <> 0) AS g "
            f"WHERE EXISTS (SELECT 1 FROM debt_list l WHERE l.id = g.list_id) ORDER BY {_BUCKET} "
            f"ON CONFLICT ({_BUCKET}) DO UPDATE SET debts = debt_list_tally.debts + excluded.debts, "
            "amount_cents = debt_list_tally.amount_cents + excluded.amount_cents")


def _parts(*selects: str) -> str:
    # the bucket expression expands to seven columns named as in _BUCKET
    cols = ("t.list_id AS list_id, t.parent_id IS NULL AS top_level, t.state AS state, t.is_valid AS is_valid, "
            "t.cancel_requested AS cancel_requested, t.portal_hash <> '' AS on_portal, "
            "t.sending_flow_id IS NOT NULL AS in_flight")
    out = []
    for table, sign in selects:
        out.append(f"SELECT {cols}, {sign}1 AS n, {sign}t.amount_cents AS a FROM {table} t")
    return " UNION ALL ".join(out)


FUNCTIONS = {
    "mypay_desk_tally_insert": _apply(_parts(("new_rows", ""))),
    "mypay_desk_tally_update": _apply(_parts(("old_rows", "-"), ("new_rows", ""))),
    "mypay_desk_tally_delete": _apply(_parts(("old_rows", "-"))),
}
TRIGGERS = {
    "debt_tally_insert": ("INSERT", "REFERENCING NEW TABLE AS new_rows", "mypay_desk_tally_insert"),
    "debt_tally_update": ("UPDATE", "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
                          "mypay_desk_tally_update"),
    "debt_tally_delete": ("DELETE", "REFERENCING OLD TABLE AS old_rows", "mypay_desk_tally_delete"),
}
FILL = (f"INSERT INTO debt_list_tally ({_BUCKET}, debts, amount_cents) "
        f"SELECT {_bucket('debt')}, count(*), coalesce(sum(amount_cents), 0) FROM debt GROUP BY 1, 2, 3, 4, 5, 6, 7")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DELETE FROM debt_list_tally")
    op.execute(FILL)
    for name, body in FUNCTIONS.items():
        op.execute(f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                   f"BEGIN {body}; RETURN NULL; END $$")
    for name, (event, referencing, function) in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} AFTER {event} ON debt {referencing} FOR EACH STATEMENT "
                   f"EXECUTE FUNCTION {function}()")
    op.execute("CREATE OR REPLACE FUNCTION mypay_desk_tally_list_delete() RETURNS trigger LANGUAGE plpgsql AS $$ "
               "BEGIN DELETE FROM debt_list_tally WHERE list_id = OLD.id; RETURN NULL; END $$")
    op.execute("CREATE TRIGGER debt_list_tally_delete AFTER DELETE ON debt_list FOR EACH ROW "
               "EXECUTE FUNCTION mypay_desk_tally_list_delete()")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS debt_list_tally_delete ON debt_list")
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name} ON debt")
    for name in (*FUNCTIONS, "mypay_desk_tally_list_delete"):
        op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    op.execute("DELETE FROM debt_list_tally")
