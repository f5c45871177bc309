"""chart indexes: the dashboard's figures at a million records from indexes alone. A project's
signing curve (its signings per day) from the project-totals index, which gains the day; the
year's demolitions grouped per place and day in the index's own order (the place before the status,
as the signing totals have it: no sort of the year's rows); the parks planned for a year per kind
from an index of their own (the park table was read whole).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

LIVE = dict(sqlite_where=sa.text("deleted = 0"), postgresql_where=sa.text("NOT deleted"))
BEFORE = {
    "ix_signing_project_totals": ("signing", ["project_uuid", "households", "houses", "uuid"]),
    "ix_demolition_totals": ("demolition", ["done_on", "status", "district_code", "street_code", "area_m2"]),
}
AFTER = {  # tables.py: _live_index / _totals
    "ix_signing_project_totals": ("signing", ["project_uuid", "signed_on", "households", "houses", "uuid"]),
    "ix_demolition_totals": ("demolition", ["done_on", "district_code", "street_code", "status", "area_m2"]),
}


def upgrade() -> None:
    for name, (table, columns) in AFTER.items():
        op.drop_index(name, table_name=table)
        op.create_index(name, table, columns, **LIVE)
    op.create_index("ix_park_year", "park", ["plan_year", "kind", "status", "length_km"], **LIVE)


def downgrade() -> None:
    op.drop_index("ix_park_year", table_name="park")
    for name, (table, columns) in BEFORE.items():
        op.drop_index(name, table_name=table)
        op.create_index(name, table, columns, **LIVE)
