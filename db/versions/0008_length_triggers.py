"""length triggers: SQLite keeps text of any length in a VARCHAR(n) column, so the lengths the forms
enforce are enforced by the database too (a write that bypasses the rules is refused, never stored
whole to be cut by Excel later). PostgreSQL's VARCHAR(n) does this by itself.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# What people type, by table: the column and its length (tables.py). A later revision that rebuilds
# one of these tables (batch_alter_table on SQLite) drops its triggers with it and must make them
# again; tests/unit/test_database.py checks that the head schema has them.
LIMITS = {
    "division": (("name", 60), ("official_name", 60)),
    "community": (("name", 60),),
    "project": (("name", 100),),
    "signing": (("agreement_no", 40),),
    "demolition": (("case_no", 40), ("address", 200), ("key_zone", 100), ("enforcement_unit", 60)),
    "park": (("name", 100),),
}


def _too_long(columns) -> str:
    return " OR ".join(f"length(NEW.{c}) > {n}" for c, n in columns)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table, columns in LIMITS.items():
        limits = ", ".join(f"{c} {n}" for c, n in columns)
        for event in ("INSERT", "UPDATE"):
            op.execute(
                f"CREATE TRIGGER tr_{table}_lengths_{event.lower()} BEFORE {event} ON {table} "
                f"WHEN {_too_long(columns)} "
                f"BEGIN SELECT RAISE(ABORT, 'qdgui: text longer than allowed in {table} ({limits})'); END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in LIMITS:
        for event in ("insert", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS tr_{table}_lengths_{event}")
