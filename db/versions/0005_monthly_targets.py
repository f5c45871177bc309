"""monthly targets: the plan of each month beside the year's target value

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

MONTHS = [f"month_{m}" for m in range(1, 13)]


def upgrade() -> None:
    with op.batch_alter_table("annual_target") as batch_op:
        for name in MONTHS:
            batch_op.add_column(sa.Column(name, sa.Integer(), nullable=True))
            batch_op.create_check_constraint(
                op.f(f"ck_annual_target_{name}_not_negative"), f"{name} IS NULL OR {name} >= 0"
            )


def downgrade() -> None:
    with op.batch_alter_table("annual_target") as batch_op:
        for name in MONTHS:
            batch_op.drop_constraint(op.f(f"ck_annual_target_{name}_not_negative"), type_="check")
            batch_op.drop_column(name)
