"""review items: the whole row of a copy held back as a duplicate

A case number entered on two laptops is one case: the copy merged first stays live and the other is
held back for a person (a "duplicate" review item). When the live copy is later deleted (its laptop's
return says so), the held copy is the case again, as it would be had the returns come in the other
order: the merge brings it in from the row kept here. Items made before this revision have no row;
they stay for a person.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("review_item", sa.Column("held_row", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("review_item") as batch_op:
        batch_op.drop_column("held_row")
