"""Progress against annual targets, by SQL group-bys: the one source the charts and the weekly report share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import Integer, case, false, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from qdgui.models import vocab
from qdgui.models.base import AREA_M2, LAND_MU, LENGTH_KM
from qdgui.models.changes import Change
from qdgui.models.tables import (
    AnnualTarget,
    Community,
    DemolitionDay,
    Division,
    Park,
    ParkDay,
    Project,
    Signing,
    SigningDay,
)

# The record kind whose changes move each measure (for refreshing only what changed).
MEASURE_KIND = {
    "signed_households": "signing",
    "signed_houses": "signing",
    "signed_area": "signing",
    "vacated_land": "signing",
    "demolition_count": "demolition",
    "demolition_area": "demolition",
    **{m: "park" for m in vocab.MEASURES if m.startswith("park_")},
}


@dataclass(frozen=True)
class Week:
    """A reporting week: seven days ending on the office's closing day (Sunday by default)."""

    start: date
    end: date

    @property
    def iso(self) -> tuple[int, int]:
        year, number, _ = self.end.isocalendar()
        return year, number


def week_containing(day: date, *, ends_on: int = 6) -> Week:
    """The week holding `day`; ends_on is the closing weekday, 0 = Monday ... 6 = Sunday."""
    end = day + timedelta(days=(ends_on - day.weekday()) % 7)
    return Week(end - timedelta(days=6), end)


def last_complete_week(today: date, *, ends_on: int = 6) -> Week:
    """The latest week whose closing day is today or before: what a weekly report covers by default
    (the week still running has days that have not happened)."""
    week = week_containing(today, ends_on=ends_on)
    return week if week.end <= today else week_containing(week.start - timedelta(days=1), ends_on=ends_on)


def iso_week(year: int, number: int, *, ends_on: int = 6) -> Week:
    """ISO week YYYY-Www, shifted to end on the office's closing day inside that ISO week."""
    monday = date.fromisocalendar(year, number, 1)
    return week_containing(monday + timedelta(days=ends_on), ends_on=ends_on)


@dataclass(frozen=True)
class Progress:
    code: str  # district or street code
    name: str
    measure: str
    week: Decimal
    year_to_date: Decimal
    target: Decimal | None
    planned: Decimal | None = None  # due by the end of the week's month, where the target has monthly plans

    @property
    def rate(self) -> Decimal | None:
        """Year to date over the annual target (can exceed 1); None without a target."""
        if not self.target:
            return None
        return self.year_to_date / self.target


def report_units(session: Session, scope: str | None) -> tuple[list[tuple[str, str]], str]:
    """The rows of a report (districts for the city, streets for a district, one street for itself)
    and the column that places a record in one of them."""
    if scope is None:
        rows = session.execute(
            select(Division.code, Division.name).where(Division.level == "county").order_by(Division.code)
        )
        return list(rows), "district_code"
    level = session.scalar(select(Division.level).where(Division.code == scope))
    if level == "county":
        rows = session.execute(
            select(Division.code, Division.name)
            .where(Division.parent_code == scope, Division.level.in_(("township", "special_zone")))
            .order_by(Division.user_added, Division.code)
        )
        return list(rows), "street_code"
    name = session.scalar(select(Division.name).where(Division.code == scope))
    return [(scope, name or scope)], "street_code"


# The day a record counts on, by record kind: the day totals' own key (revision 0011).
RECORD_DAY = {"signing": "signed_on", "demolition": "done_on", "park": "completed_on"}


def measure_places(measure: str) -> int:
    """Decimal places a measure is kept to (0 for counts)."""
    return _day_source(measure)[2]


def _raw_sum(expression):
    # Scaled columns hold integers: sum those exactly and convert once, in _as_decimal.
    return type_coerce(func.sum(expression), Integer)


def _as_decimal(value, places: int) -> Decimal:
    if value is None:
        return Decimal(0)
    return Decimal(value) if places == 0 else Decimal(int(value)).scaleb(-places)


def _source_filter(table, scope: str | None, unit_column: str) -> list:
    if scope is not None and unit_column == "street_code":
        return [(table.street_code if len(scope) > 6 else table.district_code) == scope]
    return []


@dataclass
class DailyTotals:
    """Sums of one measure per (unit, day) over a year: loaded once, then refreshed cell by cell.

    A saved record changes at most two cells (where it was and where it is now), so keeping the
    charts live costs two tiny indexed queries instead of re-aggregating the year.
    """

    measure: str
    year: int
    scope: str | None
    unit_column: str
    first_day: date
    cells: dict[tuple[str, date], Decimal]

    def window(self) -> tuple[date, date]:
        return self.first_day, date(self.year, 12, 31)

    def summarize(self, week: Week) -> dict[str, tuple[Decimal, Decimal]]:
        """{unit: (done in the week, done from 1 January to the week's end)}."""
        year_start, cut = date(self.year, 1, 1), min(week.end, date(self.year, 12, 31))
        result: dict[str, list[Decimal]] = {}
        for (unit, day), amount in self.cells.items():
            entry = result.setdefault(unit, [Decimal(0), Decimal(0)])
            if week.start <= day <= week.end:
                entry[0] += amount
            if year_start <= day <= cut:
                entry[1] += amount
        return {unit: (w, y) for unit, (w, y) in result.items()}

    def by_day(self) -> dict[date, Decimal]:
        days: dict[date, Decimal] = {}
        for (_, day), amount in self.cells.items():
            days[day] = days.get(day, Decimal(0)) + amount
        return days


def _day_source(measure: str):
    """(sums' table, amount column, decimal places, extra conditions) of a measure in the day totals
    the triggers keep (revision 0011: SigningDay, DemolitionDay, ParkDay)."""
    if measure.startswith("signed_") or measure == "vacated_land":
        column = {
            "signed_households": SigningDay.households,
            "signed_houses": SigningDay.houses,
            "signed_area": SigningDay.area_m2,
            "vacated_land": SigningDay.land_mu,
        }[measure]
        return SigningDay, column, {"signed_area": AREA_M2, "vacated_land": LAND_MU}.get(measure, 0), []
    if measure.startswith("demolition_"):
        if measure == "demolition_count":
            return DemolitionDay, DemolitionDay.records, 0, []
        return DemolitionDay, DemolitionDay.area_m2, AREA_M2, []
    kind = measure.removeprefix("park_")
    if kind in vocab.LENGTH_PARK_KINDS:
        return ParkDay, ParkDay.length_km, LENGTH_KM, [ParkDay.kind == kind]
    return ParkDay, ParkDay.records, 0, [ParkDay.kind == kind]


def _unit(table, unit_column: str):
    """The unit a row counts for; a park kept without a street ('') counts for no street."""
    column = getattr(table, unit_column)
    return func.nullif(column, "") if table is ParkDay and unit_column == "street_code" else column


def _daily_query(measure: str, scope: str | None, unit_column: str, start: date, end: date):
    table, amount, places, conditions = _day_source(measure)
    unit = _unit(table, unit_column)
    query = select(unit, table.day, _raw_sum(amount)).where(
        table.day >= start, table.day <= end, *conditions, *_source_filter(table, scope, unit_column)
    )
    return query.group_by(unit, table.day), unit, table.day, places


def load_daily(
    session: Session, measure: str, *, year: int, scope: str | None, unit_column: str, first_day: date | None = None
) -> DailyTotals:
    first = min(first_day or date(year, 1, 1), week_containing(date(year, 1, 1)).start, date(year, 1, 1))
    query, _, _, places = _daily_query(measure, scope, unit_column, first, date(year, 12, 31))
    cells = {(u, d): _as_decimal(a, places) for u, d, a in session.execute(query) if u is not None}
    return DailyTotals(measure, year, scope, unit_column, first, cells)


def load_daily_many(
    session: Session,
    measures,
    *,
    year: int,
    scope: str | None,
    unit_column: str,
    first_day: date | None = None,
) -> dict[str, DailyTotals]:
    """load_daily for several measures in one pass per table of day totals: the four signing measures
    from one GROUP BY, the two demolition measures from another, every park kind from a third (the
    weekly report's 13 measures: 3 queries, not 13)."""
    first = min(first_day or date(year, 1, 1), week_containing(date(year, 1, 1)).start, date(year, 1, 1))
    end = date(year, 12, 31)
    cells: dict[str, dict[tuple[str, date], Decimal]] = {m: {} for m in measures}
    by_table: dict[type, list[str]] = {}
    for measure in measures:
        by_table.setdefault(_day_source(measure)[0], []).append(measure)
    for table, group in by_table.items():
        unit = _unit(table, unit_column)
        keys = [unit, table.day, *([table.kind] if table is ParkDay else [])]
        amounts = [column for column in table.__table__.c if not column.primary_key]
        kinds = [ParkDay.kind.in_([m.removeprefix("park_") for m in group])] if table is ParkDay else []
        query = (
            select(*keys, *(_raw_sum(column) for column in amounts))
            .where(table.day >= first, table.day <= end, *kinds)
            .where(*_source_filter(table, scope, unit_column))
            .group_by(*keys)
        )
        names = [column.key for column in amounts]
        wanted = []
        for measure in group:
            _, column, places, _ = _day_source(measure)
            wanted.append((measure, names.index(column.key), places, measure.removeprefix("park_")))
        for row in session.execute(query):
            if row[0] is None:
                continue
            sums = row[len(keys) :]
            for measure, index, places, kind in wanted:
                if table is ParkDay and row[2] != kind:
                    continue
                cells[measure][(row[0], row[1])] = _as_decimal(sums[index], places)
    return {m: DailyTotals(m, year, scope, unit_column, first, cells[m]) for m in measures}


def refresh_cells(session: Session, totals: DailyTotals, cells: set[tuple[str, date]]) -> None:
    """Re-read only the given (unit, day) cells of the totals."""
    start, end = totals.window()
    for unit, day in cells:
        if unit is None or day is None or not start <= day <= end:
            continue
        query, unit_col, day_col, places = _daily_query(totals.measure, totals.scope, totals.unit_column, day, day)
        row = session.execute(query.where(unit_col == unit)).first()
        if row is None:
            totals.cells.pop((unit, day), None)
        else:
            totals.cells[(unit, day)] = _as_decimal(row[2], places)


def cells_touched(change: Change, measure: str, unit_column: str) -> set:
    """The (unit, day) cells of a measure that a change can move: where the record counted before
    it, and where it counts after it (one cell when neither moved)."""
    if MEASURE_KIND[measure] != change.kind:
        return set()
    cells = set()
    for values in (change.old, change.new):
        day = values.get(RECORD_DAY[change.kind])
        if day is not None:
            cells.add((values.get(unit_column), day))
    return cells


def done_by_unit(
    session: Session, measure: str, *, year: int, week: Week, scope: str | None, unit_column: str
) -> dict[str, tuple[Decimal, Decimal]]:
    """{unit code: (done in the week, done from 1 January to the week's end)} for one measure."""
    return load_daily(
        session, measure, year=year, scope=scope, unit_column=unit_column, first_day=week.start
    ).summarize(week)


def targets_by_unit(
    session: Session, measure: str, *, year: int, scope: str | None, unit_column: str
) -> dict[str, Decimal]:
    """Annual targets per unit: a district's own target, else the sum of its streets' targets."""
    return _per_unit(session.execute(_targets(measure, year, scope, AnnualTarget.value)), unit_column)


def planned_by_unit(
    session: Session, measure: str, *, year: int, through_month: int, scope: str | None, unit_column: str
) -> dict[str, Decimal]:
    """What the monthly plans put due from January to the end of `through_month`, per unit, for the
    targets that have a plan by month (a target without one has no plan to date: it is left out)."""
    months = [getattr(AnnualTarget, f"month_{m}") for m in range(1, through_month + 1)]
    given = [getattr(AnnualTarget, f"month_{m}").is_not(None) for m in range(1, 13)]
    rows = session.execute(_targets(measure, year, scope, *months).where(or_(*given)))
    return _per_unit(
        (
            (district, street, sum((v for v in values if v is not None), Decimal(0)))
            for district, street, *values in rows
        ),
        unit_column,
    )


def _targets(measure: str, year: int, scope: str | None, *columns):
    base = select(AnnualTarget.district_code, AnnualTarget.street_code, *columns).where(
        AnnualTarget.deleted == false(), AnnualTarget.year == year, AnnualTarget.measure == measure
    )
    if scope is not None:
        base = base.where((AnnualTarget.district_code == scope) | (AnnualTarget.street_code == scope))
    return base


def _per_unit(rows, unit_column: str) -> dict[str, Decimal]:
    own: dict[str, Decimal] = {}
    from_streets: dict[str, Decimal] = {}
    for district, street, value in rows:
        if unit_column == "district_code":
            if street is None:
                own[district] = value
            else:
                from_streets[district] = from_streets.get(district, Decimal(0)) + value
        elif street is not None:
            own[street] = value
    return {**from_streets, **own}


def plan_month(year: int, week: Week) -> int:
    """The last month whose plan is due in a week of `year`: the month the week ends in."""
    return week.end.month if week.end.year == year else (12 if week.end.year > year else 0)


def progress_rows(
    units: list[tuple[str, str]],
    measure: str,
    done: dict[str, tuple[Decimal, Decimal]],
    targets: dict[str, Decimal],
    planned: dict[str, Decimal] | None = None,
) -> list[Progress]:
    rows = []
    for code, name in units:
        in_week, ytd = done.get(code, (Decimal(0), Decimal(0)))
        rows.append(Progress(code, name, measure, in_week, ytd, targets.get(code), (planned or {}).get(code)))
    return rows


def progress(
    session: Session, *, year: int, week: Week, scope: str | None = None, measures: tuple[str, ...] | None = None
) -> list[Progress]:
    """Per unit of the scope and per measure: this week, year to date, annual target."""
    units, unit_column = report_units(session, scope)
    measures = tuple(measures or vocab.MEASURES)
    daily = load_daily_many(session, measures, year=year, scope=scope, unit_column=unit_column, first_day=week.start)
    rows = []
    for measure in measures:
        done = daily[measure].summarize(week)
        targets = targets_by_unit(session, measure, year=year, scope=scope, unit_column=unit_column)
        rows += progress_rows(units, measure, done, targets)
    return rows


def year_elapsed(day: date) -> float:
    """The share of the year gone by the end of `day` (时间进度): 22 November (day 326 of 365) is 89.3 %."""
    first, last = date(day.year, 1, 1), date(day.year, 12, 31)
    return ((day - first).days + 1) / ((last - first).days + 1)


def totals(rows: list[Progress]) -> dict[str, Progress]:
    """The totals row of each measure (targets summed where any unit has one)."""
    result = {}
    for measure in dict.fromkeys(r.measure for r in rows):
        mine = [r for r in rows if r.measure == measure]
        targets = [r.target for r in mine if r.target is not None]
        result[measure] = Progress(
            "",
            "",
            measure,
            sum((r.week for r in mine), Decimal(0)),
            sum((r.year_to_date for r in mine), Decimal(0)),
            sum(targets, Decimal(0)) if targets else None,
        )
    return result


# ---------------------------------------------------------------------- series for charts


@dataclass(frozen=True)
class SigningCurve:
    name: str
    total: int | None  # houses (or households) the project or village has
    unit: str  # "houses" or "households"
    days: tuple[date, ...]
    cumulative: tuple[int, ...]
    projected_completion: date | None  # from the pace of the last `pace_days` days with signings

    @property
    def done(self) -> int:
        return self.cumulative[-1] if self.cumulative else 0


def signing_curve(
    session: Session, project_uuid: str, *, community_uuid: str | None = None, pace_days: int = 7
) -> SigningCurve:
    """Cumulative houses signed per day against the total, with a projected completion date."""
    project = session.get(Project, project_uuid)
    counts_houses = project.total_houses is not None or project.total_households is None
    column = Signing.houses if counts_houses else Signing.households
    where = [Signing.project_uuid == project_uuid, Signing.deleted == false()]
    name, total = project.name, project.total_houses if counts_houses else project.total_households
    if community_uuid:
        where.append(Signing.community_uuid == community_uuid)
        community = session.get(Community, community_uuid)
        name, total = f"{project.name} · {community.name}", None
    daily = session.execute(
        select(Signing.signed_on, func.sum(column))
        .where(*where)
        .group_by(Signing.signed_on)
        .order_by(Signing.signed_on)
    ).all()
    days, cumulative, running = [], [], 0
    for day, amount in daily:
        running += int(amount or 0)
        days.append(day)
        cumulative.append(running)
    projected = None
    if total and days and running < total:
        window_start = days[-1] - timedelta(days=pace_days - 1)
        recent = sum(int(a or 0) for d, a in daily if d >= window_start)
        if recent > 0:
            per_day = recent / pace_days
            projected = days[-1] + timedelta(days=int(-(-(total - running) // per_day)))
    elif total and days and running >= total:
        projected = days[next(i for i, c in enumerate(cumulative) if c >= total)]
    return SigningCurve(
        name, total, "houses" if counts_houses else "households", tuple(days), tuple(cumulative), projected
    )


@dataclass(frozen=True)
class WeeklySeries:
    weeks: tuple[Week, ...]
    counts: tuple[int, ...]
    areas: tuple[Decimal, ...]


def weekly_series(
    count: DailyTotals, area: DailyTotals, *, ends_on: int = 6, until: date | None = None
) -> WeeklySeries:
    """Demolitions finished and their area per reporting week, from the daily totals."""
    year = count.year
    first = week_containing(date(year, 1, 1), ends_on=ends_on)
    last_day = min(until or date(year, 12, 31), date(year, 12, 31))
    weeks = []
    week = first
    while week.start <= last_day:
        weeks.append(week)
        week = Week(week.start + timedelta(days=7), week.end + timedelta(days=7))
    counts = [0] * len(weeks)
    areas = [Decimal(0)] * len(weeks)
    for source, target, convert in ((count, counts, int), (area, areas, Decimal)):
        for day, amount in source.by_day().items():
            index = (day - first.start).days // 7
            if 0 <= index < len(weeks) and day <= last_day:
                target[index] += convert(amount)
    return WeeklySeries(tuple(weeks), tuple(counts), tuple(areas))


def demolitions_per_week(
    session: Session, *, year: int, scope: str | None = None, ends_on: int = 6, until: date | None = None
) -> WeeklySeries:
    """Cases finished (demolished or rectified) and their area, per reporting week of the year."""
    unit_column = "district_code" if scope is None else "street_code"
    first = week_containing(date(year, 1, 1), ends_on=ends_on).start
    both = load_daily_many(
        session,
        ("demolition_count", "demolition_area"),
        year=year,
        scope=scope,
        unit_column=unit_column,
        first_day=first,
    )
    return weekly_series(both["demolition_count"], both["demolition_area"], ends_on=ends_on, until=until)


@dataclass(frozen=True)
class ParkKindProgress:
    kind: str
    planned: Decimal  # parks of the plan year (km for greenways), or the annual target where one is set
    completed: Decimal


def parks_by_kind(session: Session, *, year: int, scope: str | None = None) -> list[ParkKindProgress]:
    """Per kind: planned in the year (its target where set, else the parks planned) against completed."""
    where = [Park.deleted == false(), Park.plan_year == year]
    if scope:
        where.append((Park.district_code == scope) | (Park.street_code == scope))
    amount = case((Park.kind.in_(vocab.LENGTH_PARK_KINDS), Park.length_km), else_=1)
    rows = session.execute(
        select(Park.kind, _raw_sum(amount), _raw_sum(case((Park.status == "completed", amount), else_=0)))
        .where(*where)
        .group_by(Park.kind)
    ).all()
    found = {kind: (planned, done) for kind, planned, done in rows}
    result = []
    for kind in vocab.PARK_KINDS:
        places = LENGTH_KM if kind in vocab.LENGTH_PARK_KINDS else 0
        planned, done = found.get(kind, (0, 0))
        measure = f"park_{kind}"
        target = None
        if measure in vocab.MEASURES:
            target_rows = targets_by_unit(
                session,
                measure,
                year=year,
                scope=scope,
                unit_column="district_code" if scope is None or len(scope) == 6 else "street_code",
            )
            if target_rows:
                target = sum(target_rows.values(), Decimal(0)) if scope is None else target_rows.get(scope)
        result.append(
            ParkKindProgress(
                kind, target if target is not None else _as_decimal(planned, places), _as_decimal(done, places)
            )
        )
    return result
