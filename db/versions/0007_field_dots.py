"""field dots: which edit last wrote each field of a record, so that copies changed on two laptops
merge field by field; who wrote each side of a conflict and when

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

RECORDS = ("community", "project", "annual_target", "signing", "demolition", "park")
REVIEW = (
    ("kept_by", sa.String(140)),
    ("kept_at", sa.DateTime()),
    ("other_by", sa.String(140)),
    ("other_at", sa.DateTime()),
)


def upgrade() -> None:
    # ADD COLUMN without a default rewrites nothing: instant on a database of a million records.
    # The records already here get NULL: what wrote their fields is not known (models/clock.py).
    for table in RECORDS:
        op.add_column(table, sa.Column("dots", sa.Text(), nullable=True))
    for name, type_ in REVIEW:
        op.add_column("review_item", sa.Column(name, type_, nullable=True))


def downgrade() -> None:
    for table in (*RECORDS, "review_item"):
        with op.batch_alter_table(table) as batch_op:
            for name in ("dots",) if table != "review_item" else [n for n, _ in REVIEW]:
                batch_op.drop_column(name)
