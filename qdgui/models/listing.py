"""Record lists for tables: filtering, searching and sorting in SQL; rows fetched a page at a time."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Sequence

from sqlalchemy import Select, and_, literal_column, or_, select
from sqlalchemy.orm import Session, aliased

from qdgui.i18n import QT_TRANSLATE_NOOP
from qdgui.models import vocab
from qdgui.models.tables import AnnualTarget, Community, Demolition, Division, Park, Project, Signing

District = aliased(Division, name="district")
Street = aliased(Division, name="street")


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # English source, translated in the "Fields" context
    expr: object
    numeric: bool = False
    vocabulary: dict | None = None  # codes shown as their labels
    grouped: bool = True  # thousands separators (not for years)


@dataclass(frozen=True)
class Filters:
    district_code: str | None = None
    street_code: str | None = None
    project_uuid: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    status: str | None = None
    text: str = ""
    year: int | None = None


@dataclass(frozen=True)
class Listing:
    table: type
    columns: tuple[Column, ...]
    joins: Callable[[Select], Select]
    date_column: object | None = None
    status_column: object | None = None
    project_column: object | None = None
    year_column: object | None = None
    search: tuple = field(default_factory=tuple)
    default_sort: str = "updated_at"  # a column key; newest first, except names and years
    district_expr: object | None = None  # where the district is, when the table has no district_code

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


def _place_joins(table):
    def apply(query: Select) -> Select:
        query = query.join(District, District.code == table.district_code)
        return query.outerjoin(Street, Street.code == table.street_code)

    return apply


def _signing_joins(query: Select) -> Select:
    query = _place_joins(Signing)(query).join(Project, Project.uuid == Signing.project_uuid)
    return query.outerjoin(Community, Community.uuid == Signing.community_uuid)


def _project_joins(table):
    def apply(query: Select) -> Select:
        return _place_joins(table)(query).outerjoin(Project, Project.uuid == table.project_uuid)

    return apply



LISTINGS: dict[str, Listing] = {
    "signing": Listing(
        Signing,
        (
            Column("signed_on", QT_TRANSLATE_NOOP("Fields", "Date signed"), Signing.signed_on),
            Column("district", QT_TRANSLATE_NOOP("Fields", "District"), District.name),
            Column("street", QT_TRANSLATE_NOOP("Fields", "Street/town"), Street.name),
            Column("project", QT_TRANSLATE_NOOP("Fields", "Project"), Project.name),
            Column("community", QT_TRANSLATE_NOOP("Fields", "Community/village"), Community.name),
            Column("households", QT_TRANSLATE_NOOP("Fields", "Households signed"), Signing.households, numeric=True),
            Column("houses", QT_TRANSLATE_NOOP("Fields", "Houses signed"), Signing.houses, numeric=True),
            Column("area_m2", QT_TRANSLATE_NOOP("Fields", "Area (m2)"), Signing.area_m2, numeric=True),
            Column("agreement_no", QT_TRANSLATE_NOOP("Fields", "Agreement number"), Signing.agreement_no),
            Column("compensation", QT_TRANSLATE_NOOP("Fields", "Compensation type"), Signing.compensation, vocabulary=vocab.COMPENSATION_TYPES),
            Column("operator", QT_TRANSLATE_NOOP("Fields", "Operator"), Signing.operator),
            Column("updated_at", QT_TRANSLATE_NOOP("Fields", "Updated"), Signing.updated_at),
        ),
        _signing_joins,
        date_column=Signing.signed_on,
        project_column=Signing.project_uuid,
        default_sort="signed_on",
        search=(Project.name, Community.name, Signing.agreement_no, Signing.remarks, Street.name),
    ),
    "demolition": Listing(
        Demolition,
        (
            Column("case_no", QT_TRANSLATE_NOOP("Fields", "Case number"), Demolition.case_no),
            Column("district", QT_TRANSLATE_NOOP("Fields", "District"), District.name),
            Column("street", QT_TRANSLATE_NOOP("Fields", "Street/town"), Street.name),
            Column("address", QT_TRANSLATE_NOOP("Fields", "Address"), Demolition.address),
            Column("structure", QT_TRANSLATE_NOOP("Fields", "Structure"), Demolition.structure, vocabulary=vocab.STRUCTURES),
            Column("area_m2", QT_TRANSLATE_NOOP("Fields", "Area (m2)"), Demolition.area_m2, numeric=True),
            Column("disposal", QT_TRANSLATE_NOOP("Fields", "Disposal"), Demolition.disposal, vocabulary=vocab.DISPOSALS),
            Column("status", QT_TRANSLATE_NOOP("Fields", "Status"), Demolition.status, vocabulary=vocab.DEMOLITION_STATUSES),
            Column("found_on", QT_TRANSLATE_NOOP("Fields", "Date found"), Demolition.found_on),
            Column("done_on", QT_TRANSLATE_NOOP("Fields", "Date done"), Demolition.done_on),
            Column("operator", QT_TRANSLATE_NOOP("Fields", "Operator"), Demolition.operator),
            Column("updated_at", QT_TRANSLATE_NOOP("Fields", "Updated"), Demolition.updated_at),
        ),
        _project_joins(Demolition),
        date_column=Demolition.found_on,
        status_column=Demolition.status,
        default_sort="found_on",
        project_column=Demolition.project_uuid,
        search=(Demolition.case_no, Demolition.address, Demolition.key_zone, Demolition.enforcement_unit,
                Demolition.remarks, Street.name),
    ),
    "park": Listing(
        Park,
        (
            Column("name", QT_TRANSLATE_NOOP("Fields", "Name"), Park.name),
            Column("kind", QT_TRANSLATE_NOOP("Fields", "Kind"), Park.kind, vocabulary=vocab.PARK_KINDS),
            Column("district", QT_TRANSLATE_NOOP("Fields", "District"), District.name),
            Column("street", QT_TRANSLATE_NOOP("Fields", "Street/town"), Street.name),
            Column("plan_year", QT_TRANSLATE_NOOP("Fields", "Plan year"), Park.plan_year, numeric=True, grouped=False),
            Column("area_m2", QT_TRANSLATE_NOOP("Fields", "Area (m2)"), Park.area_m2, numeric=True),
            Column("length_km", QT_TRANSLATE_NOOP("Fields", "Length (km)"), Park.length_km, numeric=True),
            Column("investment_wan", QT_TRANSLATE_NOOP("Fields", "Investment (10k yuan)"), Park.investment_wan, numeric=True),
            Column("status", QT_TRANSLATE_NOOP("Fields", "Status"), Park.status, vocabulary=vocab.PARK_STATUSES),
            Column("completed_on", QT_TRANSLATE_NOOP("Fields", "Date completed"), Park.completed_on),
            Column("operator", QT_TRANSLATE_NOOP("Fields", "Operator"), Park.operator),
            Column("updated_at", QT_TRANSLATE_NOOP("Fields", "Updated"), Park.updated_at),
        ),
        _project_joins(Park),
        date_column=Park.completed_on,
        status_column=Park.status,
        project_column=Park.project_uuid,
        year_column=Park.plan_year,
        search=(Park.name, Park.remarks, Street.name),
    ),
    "project": Listing(
        Project,
        (
            Column("name", QT_TRANSLATE_NOOP("Fields", "Name"), Project.name),
            Column("campaign_area", QT_TRANSLATE_NOOP("Fields", "Campaign area"), Project.campaign_area, vocabulary=vocab.CAMPAIGN_AREAS),
            Column("district", QT_TRANSLATE_NOOP("Fields", "District"), District.name),
            Column("street", QT_TRANSLATE_NOOP("Fields", "Street/town"), Street.name),
            Column("total_households", QT_TRANSLATE_NOOP("Fields", "Total households"), Project.total_households, numeric=True),
            Column("total_houses", QT_TRANSLATE_NOOP("Fields", "Total houses"), Project.total_houses, numeric=True),
            Column("total_area_m2", QT_TRANSLATE_NOOP("Fields", "Total building area (m2)"), Project.total_area_m2, numeric=True),
            Column("total_land_mu", QT_TRANSLATE_NOOP("Fields", "Total land (mu)"), Project.total_land_mu, numeric=True),
            Column("updated_at", QT_TRANSLATE_NOOP("Fields", "Updated"), Project.updated_at),
        ),
        _place_joins(Project),
        search=(Project.name, Project.remarks, Street.name),
    ),
    "annual_target": Listing(
        AnnualTarget,
        (
            Column("year", QT_TRANSLATE_NOOP("Fields", "Year"), AnnualTarget.year, numeric=True, grouped=False),
            Column("district", QT_TRANSLATE_NOOP("Fields", "District"), District.name),
            Column("street", QT_TRANSLATE_NOOP("Fields", "Street/town"), Street.name),
            Column("measure", QT_TRANSLATE_NOOP("Fields", "Measure"), AnnualTarget.measure, vocabulary=vocab.MEASURES),
            Column("value", QT_TRANSLATE_NOOP("Fields", "Target value"), AnnualTarget.value, numeric=True),
            Column("updated_at", QT_TRANSLATE_NOOP("Fields", "Updated"), AnnualTarget.updated_at),
        ),
        _place_joins(AnnualTarget),
        year_column=AnnualTarget.year,
        search=(Street.name, District.name),
        default_sort="year",
    ),
}


def _community_joins(query: Select) -> Select:
    query = query.join(Street, Street.code == Community.street_code)
    return query.join(District, District.code == Street.parent_code)


LISTINGS["community"] = Listing(
    Community,
    (
        Column("name", QT_TRANSLATE_NOOP("Fields", "Name"), Community.name),
        Column("kind", QT_TRANSLATE_NOOP("Fields", "Kind"), Community.kind, vocabulary=vocab.COMMUNITY_KINDS),
        Column("district", QT_TRANSLATE_NOOP("Fields", "District"), District.name),
        Column("street", QT_TRANSLATE_NOOP("Fields", "Street/town"), Street.name),
        Column("updated_at", QT_TRANSLATE_NOOP("Fields", "Updated"), Community.updated_at),
    ),
    _community_joins,
    search=(Community.name, Street.name),
    district_expr=Street.parent_code,
    default_sort="name",
)


def _where(listing: Listing, filters: Filters) -> list:
    table = listing.table
    conditions = [table.deleted.is_(False)]
    if filters.district_code:
        district = listing.district_expr if listing.district_expr is not None else table.district_code
        conditions.append(district == filters.district_code)
    if filters.street_code:
        conditions.append(table.street_code == filters.street_code)
    if filters.project_uuid and listing.project_column is not None:
        conditions.append(listing.project_column == filters.project_uuid)
    if listing.date_column is not None:
        if filters.date_from:
            conditions.append(listing.date_column >= filters.date_from)
        if filters.date_to:
            conditions.append(listing.date_column <= filters.date_to)
    if filters.status and listing.status_column is not None:
        conditions.append(listing.status_column == filters.status)
    if filters.year and listing.year_column is not None:
        conditions.append(listing.year_column == filters.year)
    words = filters.text.split()
    for word in words:
        pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        conditions.append(or_(*(c.like(pattern, escape="\\") for c in listing.search)))
    return conditions


def keys(session: Session, kind: str, filters: Filters, *, sort: str | None = None, descending: bool = True) -> list[int]:
    """The rowids of every matching record in display order: cheap, so paging can be lazy."""
    listing = LISTINGS[kind]
    table = listing.table
    sort_expr = listing.column(sort or listing.default_sort).expr
    order = [sort_expr.desc() if descending else sort_expr.asc(), table.uuid]
    rowid = literal_column(f"{table.__tablename__}.rowid")
    query = select(rowid).select_from(table)
    # The joins only name things; every one is to a required or optional parent, so they change
    # no row count and are needed only to sort by, or search in, a joined name.
    sorted_by_own_column = getattr(sort_expr, "table", None) is table.__table__
    if filters.text or not sorted_by_own_column or listing.district_expr is not None:
        query = listing.joins(query)
    query = query.where(and_(*_where(listing, filters))).order_by(*order)
    return list(session.scalars(query))


def page(session: Session, kind: str, rowids: Sequence[int]) -> dict[int, tuple]:
    """Display values of the given records: (uuid, version, *column values) keyed by rowid."""
    listing = LISTINGS[kind]
    table = listing.table
    rowid = literal_column(f"{table.__tablename__}.rowid")
    query = listing.joins(
        select(rowid, table.uuid, table.version, *(c.expr for c in listing.columns)).select_from(table)
    ).where(rowid.in_(list(rowids)))
    return {row[0]: tuple(row[1:]) for row in session.execute(query)}

