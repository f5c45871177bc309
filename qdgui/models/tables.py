"""ORM tables: reference divisions, communities, projects, targets, the three record kinds, audit."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from qdgui.models import vocab
from qdgui.models.base import AREA_M2, LAND_MU, LENGTH_KM, MONEY_WAN, TARGET, Base, RecordMixin, Scaled, record_checks


def _one_of(column: str, codes, name: str) -> CheckConstraint:
    listed = ", ".join(f"'{c}'" for c in codes)
    return CheckConstraint(f"{column} IN ({listed})", name=name)


def _not_negative(*columns: str) -> tuple[CheckConstraint, ...]:
    return tuple(CheckConstraint(f"{c} IS NULL OR {c} >= 0", name=f"{c}_not_negative") for c in columns)


SIGNING_TOTALS = ("signed_on", "district_code", "street_code", "households", "houses", "area_m2", "land_mu")
DEMOLITION_TOTALS = ("done_on", "district_code", "street_code", "status", "area_m2")
PARK_TOTALS = ("completed_on", "status", "kind", "district_code", "street_code", "length_km")


def _live_index(name: str, *columns: str, unique: bool = False) -> Index:
    """An index of the live records only (the queries that use it say `deleted = 0`), on both engines."""
    return Index(name, *columns, unique=unique, sqlite_where=text("deleted = 0"), postgresql_where=text("NOT deleted"))


def _totals(table: str, *columns: str) -> Index:
    """The live records' day, unit and amounts in one index: the progress figures (dashboard, weekly
    report) are summed from it without reading the table (at 1M signings 0.5 s instead of 5.7 s)."""
    return _live_index(f"ix_{table}_totals", *columns)


def _listed(table: str, column: str) -> tuple[Index, ...]:
    """The live records in the record table's default order (models/listing.py), for the whole city
    and for one district: the table's keys are read from these instead of sorting the table."""
    return (
        _live_index(f"ix_{table}_listed", column, "uuid"),
        _live_index(f"ix_{table}_listed_by_district", "district_code", column, "uuid"),
    )


class Division(Base):
    """A district (county level) or street/town, from the NBS list or added by the user."""

    __tablename__ = "division"
    __table_args__ = (
        _one_of("level", ("prefecture", "county", "township", "special_zone"), "level_known"),
        _one_of("code_system", ("NBS-2023", "MCA", "local"), "code_system_known"),
        CheckConstraint("length(trim(name)) > 0", name="name_present"),
    )

    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(60), nullable=False)
    level: Mapped[str] = mapped_column(String(20), nullable=False)
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("division.code"), index=True)
    code_system: Mapped[str] = mapped_column(String(10), nullable=False)
    official_name: Mapped[str | None] = mapped_column(String(60))  # name in the shipped list, if renamed
    user_added: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)


class Community(RecordMixin, Base):
    """A community (社区) or village (村) inside a street/town."""

    __tablename__ = "community"
    __table_args__ = (
        *record_checks(),
        _one_of("kind", vocab.COMMUNITY_KINDS, "kind_known"),
        CheckConstraint("length(trim(name)) > 0", name="name_present"),
        Index(
            "uq_community_street_name",
            "street_code",
            "name",
            unique=True,
            sqlite_where=text("deleted = 0"),
            postgresql_where=text("NOT deleted"),
        ),
    )

    street_code: Mapped[str] = mapped_column(ForeignKey("division.code"), nullable=False)
    name: Mapped[str] = mapped_column(String(60), nullable=False)
    kind: Mapped[str] = mapped_column(String(12), nullable=False, default="community")


class Project(RecordMixin, Base):
    """A renewal project (征迁项目/片区) and the totals its progress is measured against."""

    __tablename__ = "project"
    __table_args__ = (
        *record_checks(),
        _one_of("campaign_area", vocab.CAMPAIGN_AREAS, "campaign_area_known"),
        CheckConstraint("length(trim(name)) > 0", name="name_present"),
        *_not_negative("total_households", "total_houses", "total_area_m2", "total_land_mu"),
        Index(
            "uq_project_district_name",
            "district_code",
            "name",
            unique=True,
            sqlite_where=text("deleted = 0"),
            postgresql_where=text("NOT deleted"),
        ),
    )

    name: Mapped[str] = mapped_column(String(100), nullable=False)
    campaign_area: Mapped[str] = mapped_column(String(24), nullable=False)
    district_code: Mapped[str] = mapped_column(ForeignKey("division.code"), nullable=False, index=True)
    street_code: Mapped[str | None] = mapped_column(ForeignKey("division.code"))
    total_households: Mapped[int | None] = mapped_column(Integer)
    total_houses: Mapped[int | None] = mapped_column(Integer)
    total_area_m2: Mapped[Decimal | None] = mapped_column(Scaled(AREA_M2))
    total_land_mu: Mapped[Decimal | None] = mapped_column(Scaled(LAND_MU))
    remarks: Mapped[str | None] = mapped_column(Text)


class AnnualTarget(RecordMixin, Base):
    """An annual target of one measure for a district, or a street inside it."""

    __tablename__ = "annual_target"
    __table_args__ = (
        *record_checks(),
        _one_of("measure", vocab.MEASURES, "measure_known"),
        CheckConstraint("year BETWEEN 2000 AND 2100", name="year_sane"),
        *_not_negative("value", *(f"month_{m}" for m in range(1, 13))),
        Index(
            "uq_annual_target_scope",
            "year",
            "district_code",
            func.coalesce(text("street_code"), ""),
            "measure",
            unique=True,
            sqlite_where=text("deleted = 0"),
            postgresql_where=text("NOT deleted"),
        ),
    )

    year: Mapped[int] = mapped_column(Integer, nullable=False)
    district_code: Mapped[str] = mapped_column(ForeignKey("division.code"), nullable=False)
    street_code: Mapped[str | None] = mapped_column(ForeignKey("division.code"))
    measure: Mapped[str] = mapped_column(String(24), nullable=False)
    value: Mapped[Decimal] = mapped_column(Scaled(TARGET), nullable=False)
    # The plan of each month, where the office gives one (their sum never exceeds the year's value).
    month_1: Mapped[Decimal | None] = mapped_column(Scaled(TARGET))
    month_2: Mapped[Decimal | None] = mapped_column(Scaled(TARGET))
    month_3: Mapped[Decimal | None] = mapped_column(Scaled(TARGET))
    month_4: Mapped[Decimal | None] = mapped_column(Scaled(TARGET))
    month_5: Mapped[Decimal | None] = mapped_column(Scaled(TARGET))
    month_6: Mapped[Decimal | None] = mapped_column(Scaled(TARGET))
    month_7: Mapped[Decimal | None] = mapped_column(Scaled(TARGET))
    month_8: Mapped[Decimal | None] = mapped_column(Scaled(TARGET))
    month_9: Mapped[Decimal | None] = mapped_column(Scaled(TARGET))
    month_10: Mapped[Decimal | None] = mapped_column(Scaled(TARGET))
    month_11: Mapped[Decimal | None] = mapped_column(Scaled(TARGET))
    month_12: Mapped[Decimal | None] = mapped_column(Scaled(TARGET))


class Signing(RecordMixin, Base):
    """Relocation agreements signed (征迁签约): one agreement or one day's batch in a village."""

    __tablename__ = "signing"
    __table_args__ = (
        *record_checks(),
        _one_of("compensation", vocab.COMPENSATION_TYPES, "compensation_known"),
        *_not_negative("households", "houses", "area_m2", "land_mu"),
        CheckConstraint("households > 0 OR houses > 0", name="something_signed"),
        Index(
            "uq_signing_agreement",
            "project_uuid",
            "agreement_no",
            unique=True,
            sqlite_where=text("deleted = 0 AND agreement_no IS NOT NULL"),
            postgresql_where=text("NOT deleted AND agreement_no IS NOT NULL"),
        ),
        Index("ix_signing_date", "signed_on"),
        *_listed("signing", "signed_on"),
        _totals("signing", *SIGNING_TOTALS),
        # a project's signed totals (the households-over-total rule at every save) from the index alone
        # and its signing curve (signings per day): revision 0010
        _live_index("ix_signing_project_totals", "project_uuid", "signed_on", "households", "houses", "uuid"),
    )

    project_uuid: Mapped[str] = mapped_column(ForeignKey("project.uuid"), nullable=False, index=True)
    community_uuid: Mapped[str | None] = mapped_column(ForeignKey("community.uuid"))
    district_code: Mapped[str] = mapped_column(ForeignKey("division.code"), nullable=False)
    street_code: Mapped[str] = mapped_column(ForeignKey("division.code"), nullable=False, index=True)
    signed_on: Mapped[date] = mapped_column(Date, nullable=False)
    households: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    houses: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    area_m2: Mapped[Decimal | None] = mapped_column(Scaled(AREA_M2))
    land_mu: Mapped[Decimal | None] = mapped_column(Scaled(LAND_MU))
    agreement_no: Mapped[str | None] = mapped_column(String(40))
    compensation: Mapped[str | None] = mapped_column(String(10))
    remarks: Mapped[str | None] = mapped_column(Text)


class Demolition(RecordMixin, Base):
    """An illegal-construction case (拆违), from identification to demolition or rectification."""

    __tablename__ = "demolition"
    __table_args__ = (
        *record_checks(),
        _one_of("structure", vocab.STRUCTURES, "structure_known"),
        _one_of("disposal", vocab.DISPOSALS, "disposal_known"),
        _one_of("status", vocab.DEMOLITION_STATUSES, "status_known"),
        *_not_negative("area_m2"),
        CheckConstraint("length(trim(case_no)) > 0", name="case_no_present"),
        CheckConstraint("done_on IS NULL OR done_on >= found_on", name="done_after_found"),
        CheckConstraint("status NOT IN ('demolished', 'rectified') OR done_on IS NOT NULL", name="done_has_date"),
        Index(
            "uq_demolition_case_no",
            "case_no",
            unique=True,
            sqlite_where=text("deleted = 0"),
            postgresql_where=text("NOT deleted"),
        ),
        Index("ix_demolition_done_on", "done_on"),
        *_listed("demolition", "found_on"),
        _totals("demolition", *DEMOLITION_TOTALS),
    )

    case_no: Mapped[str] = mapped_column(String(40), nullable=False)
    district_code: Mapped[str] = mapped_column(ForeignKey("division.code"), nullable=False)
    street_code: Mapped[str] = mapped_column(ForeignKey("division.code"), nullable=False, index=True)
    community_uuid: Mapped[str | None] = mapped_column(ForeignKey("community.uuid"))
    project_uuid: Mapped[str | None] = mapped_column(ForeignKey("project.uuid"))
    address: Mapped[str] = mapped_column(String(200), nullable=False)
    key_zone: Mapped[str | None] = mapped_column(String(100))
    structure: Mapped[str] = mapped_column(String(16), nullable=False)
    area_m2: Mapped[Decimal] = mapped_column(Scaled(AREA_M2), nullable=False)
    disposal: Mapped[str] = mapped_column(String(10), nullable=False)
    status: Mapped[str] = mapped_column(String(12), nullable=False)
    found_on: Mapped[date] = mapped_column(Date, nullable=False)
    done_on: Mapped[date | None] = mapped_column(Date)
    enforcement_unit: Mapped[str | None] = mapped_column(String(60))
    remarks: Mapped[str | None] = mapped_column(Text)


class Park(RecordMixin, Base):
    """A park, corridor, greening site or greenway section (公园城市建设)."""

    __tablename__ = "park"
    __table_args__ = (
        *record_checks(),
        _one_of("kind", vocab.PARK_KINDS, "kind_known"),
        _one_of("status", vocab.PARK_STATUSES, "status_known"),
        *_not_negative("area_m2", "length_km", "investment_wan"),
        CheckConstraint("length(trim(name)) > 0", name="name_present"),
        CheckConstraint("status <> 'completed' OR completed_on IS NOT NULL", name="completed_has_date"),
        CheckConstraint(
            "completed_on IS NULL OR started_on IS NULL OR completed_on >= started_on",
            name="completed_after_started",
        ),
        CheckConstraint("plan_year BETWEEN 2000 AND 2100", name="plan_year_sane"),
        Index("ix_park_completed_on", "completed_on"),
        *_listed("park", "updated_at"),
        _totals("park", *PARK_TOTALS),
        _live_index("ix_park_year", "plan_year", "kind", "status", "length_km"),  # parks planned per kind
    )

    name: Mapped[str] = mapped_column(String(100), nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    district_code: Mapped[str] = mapped_column(ForeignKey("division.code"), nullable=False)
    street_code: Mapped[str | None] = mapped_column(ForeignKey("division.code"), index=True)
    project_uuid: Mapped[str | None] = mapped_column(ForeignKey("project.uuid"))
    plan_year: Mapped[int] = mapped_column(Integer, nullable=False)
    area_m2: Mapped[Decimal | None] = mapped_column(Scaled(AREA_M2))
    length_km: Mapped[Decimal | None] = mapped_column(Scaled(LENGTH_KM))
    investment_wan: Mapped[Decimal | None] = mapped_column(Scaled(MONEY_WAN))
    status: Mapped[str] = mapped_column(String(12), nullable=False)
    started_on: Mapped[date | None] = mapped_column(Date)
    completed_on: Mapped[date | None] = mapped_column(Date)
    remarks: Mapped[str | None] = mapped_column(Text)


class SigningDay(Base):
    """The live signings' sums per (day, district, street), kept by triggers in the same transaction
    as the records themselves (revision 0011), whoever writes: a form, an import, a merge, an undo,
    another program. The progress figures read a year of these (at most 365 x the streets) instead of
    every signing of the year."""

    __tablename__ = "signing_day"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    district_code: Mapped[str] = mapped_column(String(20), primary_key=True)
    street_code: Mapped[str] = mapped_column(String(20), primary_key=True)
    records: Mapped[int] = mapped_column(Integer, nullable=False)
    households: Mapped[int] = mapped_column(BigInteger, nullable=False)
    houses: Mapped[int] = mapped_column(BigInteger, nullable=False)
    area_m2: Mapped[int] = mapped_column(BigInteger, nullable=False)  # in the records' own scaled units
    land_mu: Mapped[int] = mapped_column(BigInteger, nullable=False)


class DemolitionDay(Base):
    """The demolished or rectified cases' count and area per (day done, district, street) (0011)."""

    __tablename__ = "demolition_day"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    district_code: Mapped[str] = mapped_column(String(20), primary_key=True)
    street_code: Mapped[str] = mapped_column(String(20), primary_key=True)
    records: Mapped[int] = mapped_column(Integer, nullable=False)
    area_m2: Mapped[int] = mapped_column(BigInteger, nullable=False)


class ParkDay(Base):
    """The completed parks' count and length per (day completed, district, street, kind) (0011); a park
    without a street is kept under the street code '' (a key cannot be NULL)."""

    __tablename__ = "park_day"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    district_code: Mapped[str] = mapped_column(String(20), primary_key=True)
    street_code: Mapped[str] = mapped_column(String(20), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    records: Mapped[int] = mapped_column(Integer, nullable=False)
    length_km: Mapped[int] = mapped_column(BigInteger, nullable=False)


class ProjectSigned(Base):
    """A project's live signings: how many, and the households and houses they signed, whichever
    street signed them (0011). The households-over-total rule reads this one row at every save."""

    __tablename__ = "project_signed"

    project_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    records: Mapped[int] = mapped_column(Integer, nullable=False)
    households: Mapped[int] = mapped_column(BigInteger, nullable=False)
    houses: Mapped[int] = mapped_column(BigInteger, nullable=False)


class AuditEntry(Base):
    """One changed field of one record: who, when, from where, old and new value."""

    __tablename__ = "audit_entry"
    __table_args__ = (
        _one_of("action", ("insert", "update", "delete", "restore"), "action_known"),
        Index("ix_audit_entry_record", "record_uuid", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(30), nullable=False)
    record_uuid: Mapped[str] = mapped_column(String(36), nullable=False)
    action: Mapped[str] = mapped_column(String(10), nullable=False)
    field: Mapped[str] = mapped_column(String(40), nullable=False)
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    operator: Mapped[str] = mapped_column(String(50), nullable=False)
    device: Mapped[str] = mapped_column(String(80), nullable=False)
    at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    record_version: Mapped[int] = mapped_column(Integer, nullable=False)


class Meta(Base):
    """Facts about this database file: its own id, when it was created, by which version."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


class ImportBatch(Base):
    """One import or merge of a workbook: what came in, from where, and the backup taken before."""

    __tablename__ = "import_batch"
    __table_args__ = (_one_of("kind", ("ledger", "sheet", "targets"), "kind_known"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(10), nullable=False)
    file_name: Mapped[str] = mapped_column(String(260), nullable=False)
    file_sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    source_database: Mapped[str | None] = mapped_column(String(36))
    at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    operator: Mapped[str] = mapped_column(String(50), nullable=False)
    device: Mapped[str] = mapped_column(String(80), nullable=False)
    backup_path: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text, nullable=False)  # JSON counts shown in the batch list
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)


class ImportChange(Base):
    """A record an import wrote, and the row as it was before (JSON; None: the import inserted it)."""

    __tablename__ = "import_change"
    __table_args__ = (Index("ix_import_change_batch_id", "batch_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id"), nullable=False)
    table_name: Mapped[str] = mapped_column(String(30), nullable=False)
    record_uuid: Mapped[str] = mapped_column(String(36), nullable=False)
    before: Mapped[str | None] = mapped_column(Text)
    after_clock: Mapped[str] = mapped_column(Text, nullable=False)


class ReviewItem(Base):
    """Something a merge could not decide alone: a record changed on both sides (conflict), an
    incoming record that would repeat a unique key (duplicate, held back), or one that looks like
    an existing record (similar, merged but flagged)."""

    __tablename__ = "review_item"
    __table_args__ = (
        _one_of("reason", ("conflict", "duplicate", "similar"), "reason_known"),
        Index("ix_review_item_record_uuid", "record_uuid"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id"), nullable=False)
    reason: Mapped[str] = mapped_column(String(10), nullable=False)
    table_name: Mapped[str] = mapped_column(String(30), nullable=False)
    record_uuid: Mapped[str] = mapped_column(String(36), nullable=False)  # the record in this database
    other_uuid: Mapped[str | None] = mapped_column(String(36))  # duplicate/similar: the incoming record
    kept: Mapped[str | None] = mapped_column(Text)  # JSON field values kept in the database
    other: Mapped[str] = mapped_column(Text, nullable=False)  # JSON field values of the other side
    other_clock: Mapped[str] = mapped_column(Text, nullable=False)
    held_row: Mapped[str | None] = mapped_column(Text)  # duplicate: the held copy's whole row (JSON), to release it
    source_file: Mapped[str] = mapped_column(String(260), nullable=False)
    # Who wrote each side and when (a conflict: the last edit of each copy).
    kept_by: Mapped[str | None] = mapped_column(String(140))
    kept_at: Mapped[datetime | None] = mapped_column(DateTime)
    other_by: Mapped[str | None] = mapped_column(String(140))
    other_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)


PHOTO_ROLES = {"demolition": ("before", "after"), "park": ("completion",)}  # 拆除前 / 拆除后, 完工


class PhotoFile(Base):
    """A photo's bytes, once per content: the original byte for byte (named by its SHA-256), a
    thumbnail, and a display copy where Qt cannot show the original (HEIC/HEIF). Written once and
    never changed; which record shows it is the `photo` row's business."""

    __tablename__ = "photo_file"
    __table_args__ = (
        CheckConstraint("length(sha256) = 64", name="sha256_length"),
        CheckConstraint("size > 0", name="size_positive"),
        CheckConstraint("width > 0 AND height > 0", name="dimensions_positive"),
        _one_of("media_type", ("image/jpeg", "image/png", "image/heic", "image/heif"), "media_type_known"),
    )

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    media_type: Mapped[str] = mapped_column(String(20), nullable=False)
    size: Mapped[int] = mapped_column(BigInteger, nullable=False)
    width: Mapped[int] = mapped_column(Integer, nullable=False)  # as shown (EXIF orientation applied)
    height: Mapped[int] = mapped_column(Integer, nullable=False)
    original: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    thumbnail: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)  # JPEG, upright
    display: Mapped[bytes | None] = mapped_column(LargeBinary)  # JPEG, upright; None: show the original


class Photo(RecordMixin, Base):
    """One photo of one record: a demolition case before or after, a park on completion. A record
    of its own (UUID, version clock, tombstone), so that it travels with its case and is removed
    and restored like one."""

    __tablename__ = "photo"
    __table_args__ = (
        *record_checks(),
        CheckConstraint(
            "(record_table = 'demolition' AND role IN ('before', 'after'))"
            " OR (record_table = 'park' AND role = 'completion')",
            name="role_of_table",
        ),
        CheckConstraint("latitude IS NULL OR (latitude BETWEEN -90 AND 90)", name="latitude_range"),
        CheckConstraint("longitude IS NULL OR (longitude BETWEEN -180 AND 180)", name="longitude_range"),
        _live_index("uq_photo_record_file", "record_uuid", "role", "sha256", unique=True),
    )

    record_table: Mapped[str] = mapped_column(String(12), nullable=False)
    record_uuid: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    role: Mapped[str] = mapped_column(String(12), nullable=False)
    sha256: Mapped[str] = mapped_column(ForeignKey("photo_file.sha256"), nullable=False, index=True)
    file_name: Mapped[str | None] = mapped_column(String(260))  # as it was on the clerk's disk
    taken_at: Mapped[datetime | None] = mapped_column(DateTime)  # the camera's clock (EXIF), local time
    latitude: Mapped[float | None] = mapped_column(Float)  # EXIF GPS, WGS 84 as the phone wrote it
    longitude: Mapped[float | None] = mapped_column(Float)


RECORD_TABLES: dict[str, type[RecordMixin]] = {
    "community": Community,
    "project": Project,
    "annual_target": AnnualTarget,
    "signing": Signing,
    "demolition": Demolition,
    "park": Park,
}


class ReferenceAlias(Base):
    """Another laptop's copy of a project or village that a merge joined to the one here (same
    district and name; same street and name): records pointing at the alias are re-pointed at the
    target, and the next merge of that laptop finds the alias again instead of a stranger."""

    __tablename__ = "reference_alias"
    __table_args__ = (_one_of("kind", ("project", "community"), "kind_known"),)

    alias_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(12), nullable=False)
    target_uuid: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id"), nullable=False)
    source_file: Mapped[str] = mapped_column(String(260), nullable=False)
    # The alias copy's clock as last brought here and the target's clock then (revision 0015): a later
    # edit of the alias copy (not seen by alias_clock) is brought to the target, unless the target
    # changed the same field since (not seen by target_clock): then a person decides.
    alias_clock: Mapped[str | None] = mapped_column(Text)
    target_clock: Mapped[str | None] = mapped_column(Text)
