"""reference aliases: another laptop's copy of a project or village joined to the one here

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reference_alias",
        sa.Column("alias_uuid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("target_uuid", sa.String(length=36), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("source_file", sa.String(length=260), nullable=False),
        sa.CheckConstraint("kind IN ('project', 'community')", name=op.f("ck_reference_alias_kind_known")),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["import_batch.id"], name=op.f("fk_reference_alias_batch_id_import_batch")
        ),
        sa.PrimaryKeyConstraint("alias_uuid", name=op.f("pk_reference_alias")),
    )
    with op.batch_alter_table("reference_alias") as batch_op:
        batch_op.create_index(batch_op.f("ix_reference_alias_target_uuid"), ["target_uuid"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("reference_alias") as batch_op:
        batch_op.drop_index(batch_op.f("ix_reference_alias_target_uuid"))
    op.drop_table("reference_alias")
