"""photos: a demolition case's before and after photos, a park's on completion (models/photos.py)

photo_file holds each distinct photo once (its SHA-256 names it): the original byte for byte, a
thumbnail and, for HEIC/HEIF, a display copy. photo says which record shows which file, in which
role, with the camera's date and position; it is a record of its own (clock, tombstone), so removing
a photo is undone like any removal and travels to the supervisor's copy.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "photo_file",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("media_type", sa.String(length=20), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("original", sa.LargeBinary(), nullable=False),
        sa.Column("thumbnail", sa.LargeBinary(), nullable=False),
        sa.Column("display", sa.LargeBinary(), nullable=True),
        sa.CheckConstraint(
            "media_type IN ('image/jpeg', 'image/png', 'image/heic', 'image/heif')",
            name=op.f("ck_photo_file_media_type_known"),
        ),
        sa.CheckConstraint("length(sha256) = 64", name=op.f("ck_photo_file_sha256_length")),
        sa.CheckConstraint("size > 0", name=op.f("ck_photo_file_size_positive")),
        sa.CheckConstraint("width > 0 AND height > 0", name=op.f("ck_photo_file_dimensions_positive")),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_photo_file")),
    )
    op.create_table(
        "photo",
        sa.Column("record_table", sa.String(length=12), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=True),
        sa.Column("taken_at", sa.DateTime(), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("operator", sa.String(length=50), nullable=False),
        sa.Column("device", sa.String(length=80), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("source_file", sa.String(length=260), nullable=True),
        sa.Column("clock", sa.Text(), server_default="{}", nullable=False),
        sa.Column("dots", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "(record_table = 'demolition' AND role IN ('before', 'after')) OR (record_table = 'park' AND role = 'completion')",
            name=op.f("ck_photo_role_of_table"),
        ),
        sa.CheckConstraint("latitude IS NULL OR (latitude BETWEEN -90 AND 90)", name=op.f("ck_photo_latitude_range")),
        sa.CheckConstraint("length(uuid) = 36", name=op.f("ck_photo_uuid_length")),
        sa.CheckConstraint(
            "longitude IS NULL OR (longitude BETWEEN -180 AND 180)", name=op.f("ck_photo_longitude_range")
        ),
        sa.CheckConstraint("updated_at >= created_at", name=op.f("ck_photo_updated_after_created")),
        sa.CheckConstraint("version >= 1", name=op.f("ck_photo_version_positive")),
        sa.ForeignKeyConstraint(["sha256"], ["photo_file.sha256"], name=op.f("fk_photo_sha256_photo_file")),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_photo")),
    )
    with op.batch_alter_table("photo", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_photo_record_uuid"), ["record_uuid"], unique=False)
        batch_op.create_index(batch_op.f("ix_photo_sha256"), ["sha256"], unique=False)
        batch_op.create_index(
            "uq_photo_record_file",
            ["record_uuid", "role", "sha256"],
            unique=True,
            sqlite_where=sa.text("deleted = 0"),
            postgresql_where=sa.text("NOT deleted"),
        )


def downgrade() -> None:
    with op.batch_alter_table("photo", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_photo_record_file", sqlite_where=sa.text("deleted = 0"), postgresql_where=sa.text("NOT deleted")
        )
        batch_op.drop_index(batch_op.f("ix_photo_sha256"))
        batch_op.drop_index(batch_op.f("ix_photo_record_uuid"))

    op.drop_table("photo")
    op.drop_table("photo_file")
