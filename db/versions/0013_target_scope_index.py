"""annual targets: the unique index on a target's scope made again on SQLite

Revision 0005 rebuilt annual_target on SQLite (batch_alter_table) and the rebuild dropped
uq_annual_target_scope: SQLAlchemy cannot reflect an index over an expression (the COALESCE that
makes a district-wide target, whose street is NULL, collide with another), so the copy of the table
was made without it. Every SQLite file since then held one target per scope only by the program's
own checks (the forms' rules, the merge's unique keys). PostgreSQL keeps it (no rebuild there).

The index is made again where it is missing. A file that already holds two live targets of one
scope (which those checks should have prevented) keeps them and its index stays missing: the
upgrade never deletes a record on its own; the targets page shows both for a person to remove one.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

SCOPE = "year, district_code, coalesce(street_code, ''), measure"


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    present = bind.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'uq_annual_target_scope'"
    ).first()
    if present is not None:
        return
    twice = bind.exec_driver_sql(
        f"SELECT 1 FROM annual_target WHERE deleted = 0 GROUP BY {SCOPE} HAVING count(*) > 1 LIMIT 1"
    ).first()
    if twice is None:
        op.execute(f"CREATE UNIQUE INDEX uq_annual_target_scope ON annual_target ({SCOPE}) WHERE deleted = 0")


def downgrade() -> None:
    pass  # the index is the schema's since revision 0001; 0012 had it on PostgreSQL and in new servers
