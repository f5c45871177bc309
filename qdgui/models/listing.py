"""Record lists for tables: filtering, searching and sorting in SQL; rows fetched a page at a time."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Sequence

from sqlalchemy import Select, and_, bindparam, false, func, or_, select, type_coerce
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.sqltypes import NullType

from qdgui.i18n import QT_TRANSLATE_NOOP
from qdgui.models import kinds
from qdgui.models.portable import row_key
from qdgui.models.records import FIELD_LABELS
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


def _field(kind: str, name: str) -> Column:
    """A column showing one field of the kind as stored, its label, vocabulary and alignment from the registry."""
    info = kinds.KINDS[kind].field(name)
    return Column(
        name,
        FIELD_LABELS[name],
        getattr(kinds.KINDS[kind].table, name),
        numeric=info.numeric,
        vocabulary=info.vocabulary,
        grouped=info.type != "year",
    )


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
            _field("signing", "signed_on"),
            Column("district", QT_TRANSLATE_NOOP("Fields", "District"), District.name),
            Column("street", QT_TRANSLATE_NOOP("Fields", "Street/town"), Street.name),
            Column("project", QT_TRANSLATE_NOOP("Fields", "Project"), Project.name),
            Column("community", QT_TRANSLATE_NOOP("Fields", "Community/village"), Community.name),
            _field("signing", "households"),
            _field("signing", "houses"),
            _field("signing", "area_m2"),
            _field("signing", "agreement_no"),
            _field("signing", "compensation"),
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
            _field("demolition", "case_no"),
            Column("district", QT_TRANSLATE_NOOP("Fields", "District"), District.name),
            Column("street", QT_TRANSLATE_NOOP("Fields", "Street/town"), Street.name),
            _field("demolition", "address"),
            _field("demolition", "structure"),
            _field("demolition", "area_m2"),
            _field("demolition", "disposal"),
            _field("demolition", "status"),
            _field("demolition", "found_on"),
            _field("demolition", "done_on"),
            Column("operator", QT_TRANSLATE_NOOP("Fields", "Operator"), Demolition.operator),
            Column("updated_at", QT_TRANSLATE_NOOP("Fields", "Updated"), Demolition.updated_at),
        ),
        _project_joins(Demolition),
        date_column=Demolition.found_on,
        status_column=Demolition.status,
        default_sort="found_on",
        project_column=Demolition.project_uuid,
        search=(
            Demolition.case_no,
            Demolition.address,
            Demolition.key_zone,
            Demolition.enforcement_unit,
            Demolition.remarks,
            Street.name,
        ),
    ),
    "park": Listing(
        Park,
        (
            _field("park", "name"),
            _field("park", "kind"),
            Column("district", QT_TRANSLATE_NOOP("Fields", "District"), District.name),
            Column("street", QT_TRANSLATE_NOOP("Fields", "Street/town"), Street.name),
            _field("park", "plan_year"),
            _field("park", "area_m2"),
            _field("park", "length_km"),
            _field("park", "investment_wan"),
            _field("park", "status"),
            _field("park", "completed_on"),
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
            _field("project", "name"),
            _field("project", "campaign_area"),
            Column("district", QT_TRANSLATE_NOOP("Fields", "District"), District.name),
            Column("street", QT_TRANSLATE_NOOP("Fields", "Street/town"), Street.name),
            _field("project", "total_households"),
            _field("project", "total_houses"),
            _field("project", "total_area_m2"),
            _field("project", "total_land_mu"),
            Column("updated_at", QT_TRANSLATE_NOOP("Fields", "Updated"), Project.updated_at),
        ),
        _place_joins(Project),
        search=(Project.name, Project.remarks, Street.name),
    ),
    "annual_target": Listing(
        AnnualTarget,
        (
            _field("annual_target", "year"),
            Column("district", QT_TRANSLATE_NOOP("Fields", "District"), District.name),
            Column("street", QT_TRANSLATE_NOOP("Fields", "Street/town"), Street.name),
            _field("annual_target", "measure"),
            _field("annual_target", "value"),
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
        _field("community", "name"),
        _field("community", "kind"),
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
    conditions = [table.deleted == false()]
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


def _keyed_query(session: Session, kind: str, filters: Filters, sort: str | None, columns) -> Select:
    """The matching records, with the joins only where a filter or the sort needs them: every join
    is to a required or optional parent, so it changes no row count and only names things."""
    listing = LISTINGS[kind]
    table = listing.table
    sort_expr = _order(listing, sort)
    query = select(*columns).select_from(table)
    sorted_by_own_column = getattr(sort_expr, "table", None) is table.__table__
    if filters.text or not sorted_by_own_column or listing.district_expr is not None:
        query = listing.joins(query)
    return query.where(and_(*_where(listing, filters)))


def keys(
    session: Session,
    kind: str,
    filters: Filters,
    *,
    sort: str | None = None,
    descending: bool = True,
    offset: int = 0,
    limit: int | None = None,
) -> list:
    """The keys (rowids; UUIDs on a server) of the matching records in display order, or of the
    rows offset .. offset+limit of that order: a table reads the first few thousand, not a million."""
    listing = LISTINGS[kind]
    table = listing.table
    sort_expr = _order(listing, sort)
    # Ties broken by the UUID in the same direction: the listing index (sort column, uuid) then
    # gives the order as it stands, with no sort of the table (tables.py, _listed).
    order = [sort_expr.desc(), table.uuid.desc()] if descending else [sort_expr.asc(), table.uuid.asc()]
    query = _keyed_query(session, kind, filters, sort, [row_key(session, table)]).order_by(*order)
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    return _first_column(session, query)


def count(session: Session, kind: str, filters: Filters) -> int:
    """How many records the filters show."""
    return int(session.scalar(_keyed_query(session, kind, filters, None, [func.count()])) or 0)


def position(
    session: Session, kind: str, filters: Filters, mine: tuple, *, sort: str | None = None, descending: bool = True
) -> int:
    """How many matching records keys() lists before the one whose (sort value, uuid) is `mine`:
    its row. Asked of the database in its own order (its NULL placement and collation), through the
    listing index: cheap for a record near the top, where a new one lands."""
    listing = LISTINGS[kind]
    table = listing.table
    sort_expr = _order(listing, sort)
    value, uuid = mine  # as stored (sort_key_reader): bound untyped, not converted again
    stored = type_coerce(sort_expr, NullType())  # compared with the value as the driver gave it
    nulls_high = session.get_bind().dialect.name == "postgresql"  # SQLite sorts NULL lowest
    nulls_first = descending == nulls_high
    tie = table.uuid > uuid if descending else table.uuid < uuid
    if value is None:
        before = (
            and_(sort_expr.is_(None), tie)
            if nulls_first
            else or_(sort_expr.is_not(None), and_(sort_expr.is_(None), tie))
        )
    else:
        beyond = stored > value if descending else stored < value
        before = or_(beyond, and_(stored == value, tie))
        if nulls_first:
            before = or_(before, sort_expr.is_(None))
    query = _keyed_query(session, kind, filters, sort, [func.count()]).where(before)
    return int(session.scalar(query) or 0)


def _order(listing: Listing, sort: str | None):
    return listing.column(sort or listing.default_sort).expr


def located(session: Session, kind: str, uuid: str) -> tuple | None:
    """A stored record's key in keys() and its version, or None (no such record, or not one this
    server account may see)."""
    table = LISTINGS[kind].table
    found = session.execute(select(row_key(session, table), table.version).where(table.uuid == uuid)).first()
    return (found[0], found[1]) if found is not None else None


def sort_key_reader(session: Session, kind: str, *, sort: str | None = None) -> Callable[[int], tuple | None]:
    """A reader of one record's (sort value, uuid) as stored, by rowid: where it stands in the
    table's order. Compiled once; each read is one indexed lookup through the DBAPI cursor (a
    bisection over a million keys makes about twenty)."""
    listing = LISTINGS[kind]
    table = listing.table
    rowid = row_key(session, table)
    query = listing.joins(select(_order(listing, sort), table.uuid).select_from(table)).where(
        rowid == bindparam("wanted", None)
    )
    run = _driver_statement(session, query)

    def read(key: int) -> tuple | None:
        rows = run(wanted=key)
        return (rows[0][0], rows[0][1]) if rows else None

    return read


def matches(session: Session, kind: str, rowid: int, filters: Filters) -> bool:
    """Whether a live record is among those the filters show."""
    listing = LISTINGS[kind]
    table = listing.table
    row = row_key(session, table)
    query = listing.joins(select(row).select_from(table)).where(row == rowid, and_(*_where(listing, filters)))
    return session.scalar(query) is not None


def _first_column(session: Session, query) -> list:
    """The query's first column, read through the DBAPI cursor: a million rowids in a third of the
    time SQLAlchemy's result rows take."""
    return [row[0] for row in _driver_statement(session, query)()]


def _driver_statement(session: Session, query) -> Callable[..., list]:
    """The query compiled once for the session's connection, run through the DBAPI cursor with its
    values bound as SQLAlchemy binds them; keyword arguments replace bound values by name."""
    connection = session.connection()
    dialect = connection.dialect
    compiled = query.compile(dialect=dialect)
    processors = {
        name: bind.type.dialect_impl(dialect).bind_processor(dialect) for name, bind in compiled.binds.items()
    }
    fixed = compiled.construct_params()
    sql = str(compiled)

    def run(**values) -> list:
        params = {**fixed, **values}
        for name, processor in processors.items():
            if processor is not None and params.get(name) is not None:
                params[name] = processor(params[name])
        bound = tuple(params[n] for n in compiled.positiontup or ()) if compiled.positional else params
        cursor = connection.connection.driver_connection.cursor()
        try:
            cursor.execute(sql, bound)
            return cursor.fetchall()
        finally:
            cursor.close()

    return run


def page(session: Session, kind: str, rowids: Sequence[int]) -> dict[int, tuple]:
    """Display values of the given records: (uuid, version, *column values) keyed by rowid."""
    listing = LISTINGS[kind]
    table = listing.table
    rowid = row_key(session, table)
    query = listing.joins(
        select(rowid, table.uuid, table.version, *(c.expr for c in listing.columns)).select_from(table)
    ).where(rowid.in_(list(rowids)))
    return {row[0]: tuple(row[1:]) for row in session.execute(query)}
