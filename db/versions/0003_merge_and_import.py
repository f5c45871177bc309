"""merging and importing: a version clock on every record, import batches that can be undone, review items

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

RECORD_TABLES = ("community", "project", "annual_target", "signing", "demolition", "park")


def upgrade() -> None:
    for table in RECORD_TABLES:
        with op.batch_alter_table(table) as batch_op:
            # Existing records start from an empty clock: the common state every copy shares.
            batch_op.add_column(sa.Column("clock", sa.Text(), nullable=False, server_default="{}"))
    op.create_table(
        "import_batch",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("source_database", sa.String(length=36), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("operator", sa.String(length=50), nullable=False),
        sa.Column("device", sa.String(length=80), nullable=False),
        sa.Column("backup_path", sa.Text(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("kind IN ('ledger', 'sheet', 'targets')", name=op.f("ck_import_batch_kind_known")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batch")),
    )
    op.create_table(
        "import_change",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=30), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after_clock", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batch.id"], name=op.f("fk_import_change_batch_id_import_batch")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_change")),
    )
    with op.batch_alter_table("import_change") as batch_op:
        batch_op.create_index("ix_import_change_batch_id", ["batch_id"], unique=False)
    op.create_table(
        "review_item",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=10), nullable=False),
        sa.Column("table_name", sa.String(length=30), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("other_uuid", sa.String(length=36), nullable=True),
        sa.Column("kept", sa.Text(), nullable=True),
        sa.Column("other", sa.Text(), nullable=False),
        sa.Column("other_clock", sa.Text(), nullable=False),
        sa.Column("source_file", sa.String(length=260), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("reason IN ('conflict', 'duplicate', 'similar')", name=op.f("ck_review_item_reason_known")),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batch.id"], name=op.f("fk_review_item_batch_id_import_batch")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_item")),
    )
    with op.batch_alter_table("review_item") as batch_op:
        batch_op.create_index("ix_review_item_record_uuid", ["record_uuid"], unique=False)


def downgrade() -> None:
    op.drop_table("review_item")
    op.drop_table("import_change")
    op.drop_table("import_batch")
    for table in RECORD_TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("clock")
