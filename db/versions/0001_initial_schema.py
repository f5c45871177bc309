"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("table_name", sa.String(length=30), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.Column("operator", sa.String(length=50), nullable=False),
        sa.Column("device", sa.String(length=80), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("record_version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "action IN ('insert', 'update', 'delete', 'restore')", name=op.f("ck_audit_entry_action_known")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_index("ix_audit_entry_record", ["record_uuid", "id"], unique=False)

    op.create_table(
        "division",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("parent_code", sa.String(length=20), nullable=True),
        sa.Column("code_system", sa.String(length=10), nullable=False),
        sa.Column("official_name", sa.String(length=60), nullable=True),
        sa.Column("user_added", sa.Boolean(), nullable=False),
        sa.CheckConstraint("code_system IN ('NBS-2023', 'MCA', 'local')", name=op.f("ck_division_code_system_known")),
        sa.CheckConstraint(
            "level IN ('prefecture', 'county', 'township', 'special_zone')", name=op.f("ck_division_level_known")
        ),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_division_name_present")),
        sa.ForeignKeyConstraint(["parent_code"], ["division.code"], name=op.f("fk_division_parent_code_division")),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_division")),
    )
    with op.batch_alter_table("division", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_division_parent_code"), ["parent_code"], unique=False)

    op.create_table(
        "annual_target",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("district_code", sa.String(length=20), nullable=False),
        sa.Column("street_code", sa.String(length=20), nullable=True),
        sa.Column("measure", sa.String(length=24), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("operator", sa.String(length=50), nullable=False),
        sa.Column("device", sa.String(length=80), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "measure IN ('signed_households', 'signed_houses', 'signed_area', 'vacated_land', 'demolition_count', 'demolition_area', 'park_hill', 'park_comprehensive', 'park_pocket', 'park_community', 'park_corridor', 'park_vertical', 'park_greenway')",
            name=op.f("ck_annual_target_measure_known"),
        ),
        sa.CheckConstraint("length(uuid) = 36", name=op.f("ck_annual_target_uuid_length")),
        sa.CheckConstraint("updated_at >= created_at", name=op.f("ck_annual_target_updated_after_created")),
        sa.CheckConstraint("value IS NULL OR value >= 0", name=op.f("ck_annual_target_value_not_negative")),
        sa.CheckConstraint("version >= 1", name=op.f("ck_annual_target_version_positive")),
        sa.CheckConstraint("year BETWEEN 2000 AND 2100", name=op.f("ck_annual_target_year_sane")),
        sa.ForeignKeyConstraint(
            ["district_code"], ["division.code"], name=op.f("fk_annual_target_district_code_division")
        ),
        sa.ForeignKeyConstraint(["street_code"], ["division.code"], name=op.f("fk_annual_target_street_code_division")),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_annual_target")),
    )
    # NULL streets would never collide in a plain UNIQUE, hence the COALESCE expression.
    op.execute(
        "CREATE UNIQUE INDEX uq_annual_target_scope ON annual_target "
        "(year, district_code, coalesce(street_code, ''), measure) WHERE "
        + ("deleted = 0" if op.get_bind().dialect.name == "sqlite" else "NOT deleted")
    )
    op.create_table(
        "community",
        sa.Column("street_code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("operator", sa.String(length=50), nullable=False),
        sa.Column("device", sa.String(length=80), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint("kind IN ('community', 'village')", name=op.f("ck_community_kind_known")),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_community_name_present")),
        sa.CheckConstraint("length(uuid) = 36", name=op.f("ck_community_uuid_length")),
        sa.CheckConstraint("updated_at >= created_at", name=op.f("ck_community_updated_after_created")),
        sa.CheckConstraint("version >= 1", name=op.f("ck_community_version_positive")),
        sa.ForeignKeyConstraint(["street_code"], ["division.code"], name=op.f("fk_community_street_code_division")),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_community")),
    )
    with op.batch_alter_table("community", schema=None) as batch_op:
        batch_op.create_index(
            "uq_community_street_name",
            ["street_code", "name"],
            unique=True,
            sqlite_where=sa.text("deleted = 0"),
            postgresql_where=sa.text("NOT deleted"),
        )

    op.create_table(
        "project",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("campaign_area", sa.String(length=24), nullable=False),
        sa.Column("district_code", sa.String(length=20), nullable=False),
        sa.Column("street_code", sa.String(length=20), nullable=True),
        sa.Column("total_households", sa.Integer(), nullable=True),
        sa.Column("total_houses", sa.Integer(), nullable=True),
        sa.Column("total_area_m2", sa.Integer(), nullable=True),
        sa.Column("total_land_mu", sa.Integer(), nullable=True),
        sa.Column("remarks", sa.Text(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("operator", sa.String(length=50), nullable=False),
        sa.Column("device", sa.String(length=80), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "campaign_area IN ('historic_district', 'low_efficiency_zone', 'old_city_village', 'municipal', 'transport', 'metro', 'parking', 'park_city', 'demolition', 'licun_river')",
            name=op.f("ck_project_campaign_area_known"),
        ),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_project_name_present")),
        sa.CheckConstraint("length(uuid) = 36", name=op.f("ck_project_uuid_length")),
        sa.CheckConstraint(
            "total_area_m2 IS NULL OR total_area_m2 >= 0", name=op.f("ck_project_total_area_m2_not_negative")
        ),
        sa.CheckConstraint(
            "total_households IS NULL OR total_households >= 0", name=op.f("ck_project_total_households_not_negative")
        ),
        sa.CheckConstraint(
            "total_houses IS NULL OR total_houses >= 0", name=op.f("ck_project_total_houses_not_negative")
        ),
        sa.CheckConstraint(
            "total_land_mu IS NULL OR total_land_mu >= 0", name=op.f("ck_project_total_land_mu_not_negative")
        ),
        sa.CheckConstraint("updated_at >= created_at", name=op.f("ck_project_updated_after_created")),
        sa.CheckConstraint("version >= 1", name=op.f("ck_project_version_positive")),
        sa.ForeignKeyConstraint(["district_code"], ["division.code"], name=op.f("fk_project_district_code_division")),
        sa.ForeignKeyConstraint(["street_code"], ["division.code"], name=op.f("fk_project_street_code_division")),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_project")),
    )
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_project_district_code"), ["district_code"], unique=False)
        batch_op.create_index(
            "uq_project_district_name",
            ["district_code", "name"],
            unique=True,
            sqlite_where=sa.text("deleted = 0"),
            postgresql_where=sa.text("NOT deleted"),
        )

    op.create_table(
        "demolition",
        sa.Column("case_no", sa.String(length=40), nullable=False),
        sa.Column("district_code", sa.String(length=20), nullable=False),
        sa.Column("street_code", sa.String(length=20), nullable=False),
        sa.Column("community_uuid", sa.String(length=36), nullable=True),
        sa.Column("project_uuid", sa.String(length=36), nullable=True),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("key_zone", sa.String(length=100), nullable=True),
        sa.Column("structure", sa.String(length=16), nullable=False),
        sa.Column("area_m2", sa.Integer(), nullable=False),
        sa.Column("disposal", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("found_on", sa.Date(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("enforcement_unit", sa.String(length=60), nullable=True),
        sa.Column("remarks", sa.Text(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("operator", sa.String(length=50), nullable=False),
        sa.Column("device", sa.String(length=80), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "disposal IN ('demolish', 'rectify', 'renovate')", name=op.f("ck_demolition_disposal_known")
        ),
        sa.CheckConstraint(
            "status IN ('identified', 'in_progress', 'demolished', 'rectified')",
            name=op.f("ck_demolition_status_known"),
        ),
        sa.CheckConstraint(
            "status NOT IN ('demolished', 'rectified') OR done_on IS NOT NULL", name=op.f("ck_demolition_done_has_date")
        ),
        sa.CheckConstraint(
            "structure IN ('brick_concrete', 'steel', 'color_steel', 'other')",
            name=op.f("ck_demolition_structure_known"),
        ),
        sa.CheckConstraint("area_m2 IS NULL OR area_m2 >= 0", name=op.f("ck_demolition_area_m2_not_negative")),
        sa.CheckConstraint("done_on IS NULL OR done_on >= found_on", name=op.f("ck_demolition_done_after_found")),
        sa.CheckConstraint("length(trim(case_no)) > 0", name=op.f("ck_demolition_case_no_present")),
        sa.CheckConstraint("length(uuid) = 36", name=op.f("ck_demolition_uuid_length")),
        sa.CheckConstraint("updated_at >= created_at", name=op.f("ck_demolition_updated_after_created")),
        sa.CheckConstraint("version >= 1", name=op.f("ck_demolition_version_positive")),
        sa.ForeignKeyConstraint(
            ["community_uuid"], ["community.uuid"], name=op.f("fk_demolition_community_uuid_community")
        ),
        sa.ForeignKeyConstraint(
            ["district_code"], ["division.code"], name=op.f("fk_demolition_district_code_division")
        ),
        sa.ForeignKeyConstraint(["project_uuid"], ["project.uuid"], name=op.f("fk_demolition_project_uuid_project")),
        sa.ForeignKeyConstraint(["street_code"], ["division.code"], name=op.f("fk_demolition_street_code_division")),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_demolition")),
    )
    with op.batch_alter_table("demolition", schema=None) as batch_op:
        batch_op.create_index("ix_demolition_done_on", ["done_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_demolition_street_code"), ["street_code"], unique=False)
        batch_op.create_index(
            "uq_demolition_case_no",
            ["case_no"],
            unique=True,
            sqlite_where=sa.text("deleted = 0"),
            postgresql_where=sa.text("NOT deleted"),
        )

    op.create_table(
        "park",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("district_code", sa.String(length=20), nullable=False),
        sa.Column("street_code", sa.String(length=20), nullable=True),
        sa.Column("project_uuid", sa.String(length=36), nullable=True),
        sa.Column("plan_year", sa.Integer(), nullable=False),
        sa.Column("area_m2", sa.Integer(), nullable=True),
        sa.Column("length_km", sa.Integer(), nullable=True),
        sa.Column("investment_wan", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("remarks", sa.Text(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("operator", sa.String(length=50), nullable=False),
        sa.Column("device", sa.String(length=80), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('hill', 'comprehensive', 'pocket', 'community', 'corridor', 'vertical', 'greenway')",
            name=op.f("ck_park_kind_known"),
        ),
        sa.CheckConstraint(
            "status <> 'completed' OR completed_on IS NOT NULL", name=op.f("ck_park_completed_has_date")
        ),
        sa.CheckConstraint("status IN ('planned', 'building', 'completed')", name=op.f("ck_park_status_known")),
        sa.CheckConstraint("area_m2 IS NULL OR area_m2 >= 0", name=op.f("ck_park_area_m2_not_negative")),
        sa.CheckConstraint(
            "completed_on IS NULL OR started_on IS NULL OR completed_on >= started_on",
            name=op.f("ck_park_completed_after_started"),
        ),
        sa.CheckConstraint(
            "investment_wan IS NULL OR investment_wan >= 0", name=op.f("ck_park_investment_wan_not_negative")
        ),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_park_name_present")),
        sa.CheckConstraint("length(uuid) = 36", name=op.f("ck_park_uuid_length")),
        sa.CheckConstraint("length_km IS NULL OR length_km >= 0", name=op.f("ck_park_length_km_not_negative")),
        sa.CheckConstraint("plan_year BETWEEN 2000 AND 2100", name=op.f("ck_park_plan_year_sane")),
        sa.CheckConstraint("updated_at >= created_at", name=op.f("ck_park_updated_after_created")),
        sa.CheckConstraint("version >= 1", name=op.f("ck_park_version_positive")),
        sa.ForeignKeyConstraint(["district_code"], ["division.code"], name=op.f("fk_park_district_code_division")),
        sa.ForeignKeyConstraint(["project_uuid"], ["project.uuid"], name=op.f("fk_park_project_uuid_project")),
        sa.ForeignKeyConstraint(["street_code"], ["division.code"], name=op.f("fk_park_street_code_division")),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_park")),
    )
    with op.batch_alter_table("park", schema=None) as batch_op:
        batch_op.create_index("ix_park_completed_on", ["completed_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_park_street_code"), ["street_code"], unique=False)

    op.create_table(
        "signing",
        sa.Column("project_uuid", sa.String(length=36), nullable=False),
        sa.Column("community_uuid", sa.String(length=36), nullable=True),
        sa.Column("district_code", sa.String(length=20), nullable=False),
        sa.Column("street_code", sa.String(length=20), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("households", sa.Integer(), nullable=False),
        sa.Column("houses", sa.Integer(), nullable=False),
        sa.Column("area_m2", sa.Integer(), nullable=True),
        sa.Column("land_mu", sa.Integer(), nullable=True),
        sa.Column("agreement_no", sa.String(length=40), nullable=True),
        sa.Column("compensation", sa.String(length=10), nullable=True),
        sa.Column("remarks", sa.Text(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("operator", sa.String(length=50), nullable=False),
        sa.Column("device", sa.String(length=80), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint("compensation IN ('cash', 'swap', 'mixed')", name=op.f("ck_signing_compensation_known")),
        sa.CheckConstraint("area_m2 IS NULL OR area_m2 >= 0", name=op.f("ck_signing_area_m2_not_negative")),
        sa.CheckConstraint("households > 0 OR houses > 0", name=op.f("ck_signing_something_signed")),
        sa.CheckConstraint("households IS NULL OR households >= 0", name=op.f("ck_signing_households_not_negative")),
        sa.CheckConstraint("houses IS NULL OR houses >= 0", name=op.f("ck_signing_houses_not_negative")),
        sa.CheckConstraint("land_mu IS NULL OR land_mu >= 0", name=op.f("ck_signing_land_mu_not_negative")),
        sa.CheckConstraint("length(uuid) = 36", name=op.f("ck_signing_uuid_length")),
        sa.CheckConstraint("updated_at >= created_at", name=op.f("ck_signing_updated_after_created")),
        sa.CheckConstraint("version >= 1", name=op.f("ck_signing_version_positive")),
        sa.ForeignKeyConstraint(
            ["community_uuid"], ["community.uuid"], name=op.f("fk_signing_community_uuid_community")
        ),
        sa.ForeignKeyConstraint(["district_code"], ["division.code"], name=op.f("fk_signing_district_code_division")),
        sa.ForeignKeyConstraint(["project_uuid"], ["project.uuid"], name=op.f("fk_signing_project_uuid_project")),
        sa.ForeignKeyConstraint(["street_code"], ["division.code"], name=op.f("fk_signing_street_code_division")),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_signing")),
    )
    with op.batch_alter_table("signing", schema=None) as batch_op:
        batch_op.create_index("ix_signing_date", ["signed_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_signing_project_uuid"), ["project_uuid"], unique=False)
        batch_op.create_index(batch_op.f("ix_signing_street_code"), ["street_code"], unique=False)
        batch_op.create_index(
            "uq_signing_agreement",
            ["project_uuid", "agreement_no"],
            unique=True,
            sqlite_where=sa.text("deleted = 0 AND agreement_no IS NOT NULL"),
            postgresql_where=sa.text("NOT deleted AND agreement_no IS NOT NULL"),
        )


def downgrade() -> None:
    with op.batch_alter_table("signing", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_signing_agreement",
            sqlite_where=sa.text("deleted = 0 AND agreement_no IS NOT NULL"),
            postgresql_where=sa.text("NOT deleted AND agreement_no IS NOT NULL"),
        )
        batch_op.drop_index(batch_op.f("ix_signing_street_code"))
        batch_op.drop_index(batch_op.f("ix_signing_project_uuid"))
        batch_op.drop_index("ix_signing_date")

    op.drop_table("signing")
    with op.batch_alter_table("park", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_park_street_code"))
        batch_op.drop_index("ix_park_completed_on")

    op.drop_table("park")
    with op.batch_alter_table("demolition", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_demolition_case_no", sqlite_where=sa.text("deleted = 0"), postgresql_where=sa.text("NOT deleted")
        )
        batch_op.drop_index(batch_op.f("ix_demolition_street_code"))
        batch_op.drop_index("ix_demolition_done_on")

    op.drop_table("demolition")
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_project_district_name", sqlite_where=sa.text("deleted = 0"), postgresql_where=sa.text("NOT deleted")
        )
        batch_op.drop_index(batch_op.f("ix_project_district_code"))

    op.drop_table("project")
    with op.batch_alter_table("community", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_community_street_name", sqlite_where=sa.text("deleted = 0"), postgresql_where=sa.text("NOT deleted")
        )

    op.drop_table("community")
    op.execute("DROP INDEX IF EXISTS uq_annual_target_scope")
    op.drop_table("annual_target")
    with op.batch_alter_table("division", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_division_parent_code"))

    op.drop_table("division")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_entry_record")

    op.drop_table("audit_entry")
