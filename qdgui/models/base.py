"""Declarative base, naming convention, exact decimal columns and the identity every record carries."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, DateTime, Integer, MetaData, String, Text, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Scaled(TypeDecorator):
    """A Decimal kept as an integer count of 10**-places units, so SUM() in SQL stays exact."""

    impl = Integer
    cache_ok = True

    def __init__(self, places: int):
        super().__init__()
        self.places = places

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        scaled = Decimal(value).scaleb(self.places)
        if scaled != scaled.to_integral_value():
            raise ValueError(f"{value} has more than {self.places} decimal places")
        return int(scaled)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return Decimal(int(value)).scaleb(-self.places)

    def coerce_compared_value(self, op, value):
        return self


# Units and precision of every measured quantity, in one place.
AREA_M2 = 2  # square metres, to 0.01 m2
LAND_MU = 2  # mu, to 0.01 mu
LENGTH_KM = 3  # kilometres, to the metre
MONEY_WAN = 2  # 10,000 yuan, to 100 yuan
TARGET = 3  # annual target values of any measure


class RecordMixin:
    """UUID, timestamps, operator, device, version and tombstone: what merging laptops needs."""

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    operator: Mapped[str] = mapped_column(String(50), nullable=False)
    device: Mapped[str] = mapped_column(String(80), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    deleted: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # Which return file a merged record last came from (None: typed on this device).
    source_file: Mapped[str | None] = mapped_column(String(260))
    # Version clock {replica id: edits made there} (JSON): says whether one copy of a record
    # follows from another or both changed since they last met (see models/clock.py).
    clock: Mapped[str] = mapped_column(Text, nullable=False, default="{}", server_default="{}")
    # Which edit last wrote each field {field: [replica, n, at]} (JSON; a field not listed holds its
    # first value; NULL: not known, a record from before revision 0007): lets two copies changed
    # since they last met merge field by field (models/clock.py).
    dots: Mapped[str | None] = mapped_column(Text, default="{}")


def record_checks() -> tuple:
    """CHECK constraints shared by every record table."""
    return (
        CheckConstraint("version >= 1", name="version_positive"),
        CheckConstraint("length(uuid) = 36", name="uuid_length"),
        CheckConstraint("updated_at >= created_at", name="updated_after_created"),
    )
