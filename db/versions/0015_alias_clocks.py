"""reference aliases: the two copies' clocks when they last met

A project (or village) created on two laptops is one record: the copy merged second becomes an alias
of the one here. An edit made later to the alias copy on its own laptop (a rename) must reach the
record it was joined to, and an edit both sides made since must go to a person. For that the join
keeps the alias copy's clock and the target's clock at the join, moved on each time a later edit of
the alias copy is brought to the target. Aliases made before this revision have none: their copies'
later edits stay with their laptop, as before.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("reference_alias", sa.Column("alias_clock", sa.Text(), nullable=True))
    op.add_column("reference_alias", sa.Column("target_clock", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("reference_alias") as batch_op:
        batch_op.drop_column("target_clock")
        batch_op.drop_column("alias_clock")
