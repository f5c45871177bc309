"""listing indexes: the live signings, demolitions and parks in their tables' default order, city-wide and
per district; a project's signed totals and the progress figures from indexes

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

LISTED = {"signing": "signed_on", "demolition": "found_on", "park": "updated_at"}


VARIANTS = (("", []), ("_by_district", ["district_code"]))
TOTALS = {  # the progress figures summed from an index (tables.py, _totals)
    "signing": ["signed_on", "district_code", "street_code", "households", "houses", "area_m2", "land_mu"],
    "demolition": ["done_on", "status", "district_code", "street_code", "area_m2"],
    "park": ["completed_on", "status", "kind", "district_code", "street_code", "length_km"],
}


def upgrade() -> None:
    for table, column in LISTED.items():
        for suffix, lead in VARIANTS:
            op.create_index(
                f"ix_{table}_listed{suffix}",
                table,
                [*lead, column, "uuid"],
                sqlite_where=sa.text("deleted = 0"),
                postgresql_where=sa.text("NOT deleted"),
            )
    op.create_index(
        "ix_signing_project_totals",
        "signing",
        ["project_uuid", "households", "houses", "uuid"],
        sqlite_where=sa.text("deleted = 0"),
        postgresql_where=sa.text("NOT deleted"),
    )

    for table, columns in TOTALS.items():
        op.create_index(
            f"ix_{table}_totals",
            table,
            columns,
            sqlite_where=sa.text("deleted = 0"),
            postgresql_where=sa.text("NOT deleted"),
        )


def downgrade() -> None:
    for table in TOTALS:
        op.drop_index(f"ix_{table}_totals", table_name=table)
    op.drop_index("ix_signing_project_totals", table_name="signing")
    for table in LISTED:
        for suffix, _ in VARIANTS:
            op.drop_index(f"ix_{table}_listed{suffix}", table_name=table)
