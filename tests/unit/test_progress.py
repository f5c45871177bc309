"""Progress aggregates on hand-built data, against figures computed by hand."""

import math
from datetime import date, timedelta
from decimal import Decimal

import pytest

from qdgui.models import progress, repository, standing
from qdgui.models.records import (
    DemolitionDraft,
    ParkDraft,
    ProjectDraft,
    SigningDraft,
    TargetDraft,
    ValidationFailed,
)
from qdgui.models.tables import Demolition

WEEK = progress.week_containing(date(2026, 11, 21))  # Mon 16 .. Sun 22 November


def add(db, clerk, today, *drafts):
    with db.begin() as s:
        return [repository.add(s, d, by=clerk, today=today, confirm_warnings=True) for d in drafts]


def case(no, street, district, area, status, done, found="2026-01-05"):
    return DemolitionDraft(no, district, street, "某地址", "steel", area, "demolish", status, found, done)


def test_weeks_close_on_the_office_day():
    assert (WEEK.start, WEEK.end) == (date(2026, 11, 16), date(2026, 11, 22))
    assert WEEK.iso == (2026, 47)
    thursday = progress.week_containing(date(2026, 11, 21), ends_on=3)  # offices closing on Thursday
    assert (thursday.start, thursday.end) == (date(2026, 11, 20), date(2026, 11, 26))
    assert progress.iso_week(2026, 47) == WEEK
    assert progress.iso_week(2026, 47, ends_on=4).end == date(2026, 11, 20)  # Friday of ISO week 47


def test_demolitions_this_week_year_to_date_target_and_rate(db, clerk, today):
    add(
        db,
        clerk,
        today,
        case("A1", "370202005", "370202", "100", "demolished", "2026-11-16"),  # first day of the week
        case("A2", "370202005", "370202", "50.5", "rectified", "2026-11-21"),
        case("A3", "370202001", "370202", "30", "demolished", "2026-11-15"),  # the Sunday before
        case("A4", "370202001", "370202", "999", "in_progress", None),  # not done: not counted
        case("B1", "370203021", "370203", "10", "demolished", "2025-12-31", found="2025-12-01"),  # last year
        case("B2", "370203021", "370203", "20", "demolished", "2026-01-01", found="2025-12-20"),
        TargetDraft(2026, "370202", "demolition_count", 2),
        TargetDraft(2026, "370202", "demolition_area", "200"),
    )
    deleted = add(db, clerk, today, case("A5", "370202005", "370202", "70", "demolished", "2026-11-17"))[0]
    with db.begin() as s:
        repository.set_deleted(s, Demolition, deleted, True, by=clerk)
    with db.sessions() as s:
        rows = {
            (r.code, r.measure): r
            for r in progress.progress(s, year=2026, week=WEEK, measures=("demolition_count", "demolition_area"))
        }
    shinan_count = rows[("370202", "demolition_count")]
    assert (shinan_count.name, shinan_count.week, shinan_count.year_to_date, shinan_count.target) == (
        "市南区",
        2,
        3,
        Decimal(2),
    )
    assert shinan_count.rate == Decimal("1.5")  # over 100% is kept, not capped
    shinan_area = rows[("370202", "demolition_area")]
    assert (shinan_area.week, shinan_area.year_to_date) == (Decimal("150.5"), Decimal("180.5"))
    assert shinan_area.rate == Decimal("180.5") / 200
    shibei = rows[("370203", "demolition_count")]
    assert (shibei.week, shibei.year_to_date, shibei.target, shibei.rate) == (0, 1, None, None)
    assert len({code for code, _ in rows}) == 10  # every district has its row, even with nothing done
    total = progress.totals(list(rows.values()))["demolition_area"]
    assert (total.week, total.year_to_date, total.target) == (Decimal("150.5"), Decimal("200.5"), Decimal(200))


def test_district_scope_reports_streets_and_sums_street_targets_for_the_city(db, clerk, today):
    project = add(db, clerk, today, ProjectDraft("张村河片区", "licun_river", "370212", total_households=1000))[0]
    add(
        db,
        clerk,
        today,
        SigningDraft(project, "370212", "370212001", "2026-11-20", households=60, houses=60),
        SigningDraft(project, "370212", "370212002", "2026-03-02", households=40, houses=40),
        TargetDraft(2026, "370212", "signed_households", 80, street_code="370212001"),
        TargetDraft(2026, "370212", "signed_households", 50, street_code="370212002"),
    )
    with db.sessions() as s:
        streets = {
            r.name: r
            for r in progress.progress(s, year=2026, week=WEEK, scope="370212", measures=("signed_households",))
        }
        city = {r.code: r for r in progress.progress(s, year=2026, week=WEEK, measures=("signed_households",))}
        one = progress.progress(s, year=2026, week=WEEK, scope="370212001", measures=("signed_households",))
    assert (streets["中韩街道"].week, streets["中韩街道"].year_to_date, streets["中韩街道"].target) == (60, 60, 80)
    assert (streets["沙子口街道"].week, streets["沙子口街道"].year_to_date, streets["沙子口街道"].target) == (0, 40, 50)
    assert (city["370212"].year_to_date, city["370212"].target) == (100, Decimal(130))
    assert [(r.name, r.year_to_date) for r in one] == [("中韩街道", 60)]


def test_the_signing_curve_and_its_projection(db, clerk, today):
    project = add(db, clerk, today, ProjectDraft("董家下庄", "old_city_village", "370212", total_houses=100))[0]
    add(
        db,
        clerk,
        today,
        *[
            SigningDraft(project, "370212", "370212001", f"2026-11-{d:02d}", households=1, houses=10)
            for d in (10, 11, 12, 13, 14, 15, 16)
        ],
    )
    with db.sessions() as s:
        curve = progress.signing_curve(s, project)
    assert curve.total == 100 and curve.unit == "houses"
    assert curve.cumulative == (10, 20, 30, 40, 50, 60, 70)
    # 70 houses in the last 7 days: 10 a day; 30 left -> three more days
    assert curve.projected_completion == date(2026, 11, 19)
    add(db, clerk, today, SigningDraft(project, "370212", "370212001", "2026-11-18", households=1, houses=30))
    with db.sessions() as s:
        done = progress.signing_curve(s, project)
    assert done.done == 100 and done.projected_completion == date(2026, 11, 18)  # the day it completed


def test_demolitions_per_week_and_parks_by_kind(db, clerk):
    add(
        db,
        clerk,
        date(2026, 11, 30),
        case("A1", "370202005", "370202", "100", "demolished", "2026-11-16"),
        case("A2", "370202005", "370202", "20", "demolished", "2026-11-22"),
        case("A3", "370202005", "370202", "5", "demolished", "2026-11-23"),
        ParkDraft("浮山公园", "hill", "370212", 2026, "completed", completed_on="2026-10-01"),
        ParkDraft("午山公园", "hill", "370212", 2026, "building"),
        ParkDraft(
            "唐岛湾绿道", "greenway", "370211", 2026, "completed", length_km="5.8公里", completed_on="2026-09-01"
        ),
        ParkDraft("旧计划", "hill", "370212", 2025, "completed", completed_on="2025-10-01"),
        TargetDraft(2026, "370212", "park_hill", 3),
    )
    with db.sessions() as s:
        weekly = progress.demolitions_per_week(s, year=2026, until=date(2026, 11, 30))
        parks = {p.kind: p for p in progress.parks_by_kind(s, year=2026)}
    index = weekly.weeks.index(WEEK)
    assert (weekly.counts[index], weekly.areas[index]) == (2, Decimal(120))
    assert (weekly.counts[index + 1], weekly.areas[index + 1]) == (1, Decimal(5))
    assert sum(weekly.counts) == 3
    assert (parks["hill"].planned, parks["hill"].completed) == (Decimal(3), Decimal(1))  # the target is the plan
    assert (parks["greenway"].planned, parks["greenway"].completed) == (Decimal("5.8"), Decimal("5.8"))
    assert (parks["pocket"].planned, parks["pocket"].completed) == (0, 0)


@pytest.mark.parametrize("ends_on", [0, 3, 4, 6])
def test_every_week_has_seven_days_and_contains_its_day(ends_on):
    for offset in range(14):
        day = date(2026, 12, 20 + offset % 12)
        week = progress.week_containing(day, ends_on=ends_on)
        assert week.start <= day <= week.end and (week.end - week.start).days == 6 and week.end.weekday() == ends_on


def test_refreshing_only_the_touched_cells_equals_reloading_the_year(db, clerk, today):

    project = add(db, clerk, today, ProjectDraft("项目", "old_city_village", "370212", total_households=1000))[0]
    first, second = add(
        db,
        clerk,
        today,
        SigningDraft(project, "370212", "370212001", "2026-11-10", households=10, houses=10),
        SigningDraft(project, "370212", "370212001", "2026-11-17", households=5, houses=5),
    )
    with db.sessions() as s:
        cached = progress.load_daily(s, "signed_households", year=2026, scope=None, unit_column="district_code")
    changes = []
    with db.begin() as s:  # moved to another district and week, then one deleted, then a new one
        draft = SigningDraft(project, "370211", "370211014", "2026-11-18", households=12, houses=12)
        changes.append(repository.save(s, draft, by=clerk, today=today, uuid=first, expected_version=1))
    with db.begin() as s:
        changes.append(repository.delete(s, "signing", second, by=clerk))
    with db.begin() as s:
        draft = SigningDraft(project, "370212", "370212001", "2026-11-20", households=7, houses=7)
        changes.append(repository.save(s, draft, by=clerk, today=today))
    moved = changes[0]
    assert (moved.old["district_code"], moved.new["district_code"]) == ("370212", "370211")
    assert moved.version == 2 and moved.fields_changed == (
        "district_code",
        "street_code",
        "signed_on",
        "households",
        "houses",
    )
    assert progress.cells_touched(moved, "signed_households", "district_code") == {
        ("370212", date(2026, 11, 10)),
        ("370211", date(2026, 11, 18)),
    }
    with db.sessions() as s:
        for change in changes:
            progress.refresh_cells(s, cached, progress.cells_touched(change, "signed_households", "district_code"))
        fresh = progress.load_daily(s, "signed_households", year=2026, scope=None, unit_column="district_code")
    assert cached.cells == fresh.cells
    assert cached.summarize(WEEK) == {"370211": (12, 12), "370212": (7, 7)}


def test_the_weekly_report_covers_the_last_complete_week_by_default():
    from datetime import date

    from qdgui.models.progress import last_complete_week

    # Tuesday 1 December 2026: the week to 6 December has not happened yet
    assert last_complete_week(date(2026, 12, 1)) == progress.week_containing(date(2026, 11, 29))
    assert (last_complete_week(date(2026, 12, 1)).start, last_complete_week(date(2026, 12, 1)).end) == (
        date(2026, 11, 23),
        date(2026, 11, 29),
    )
    assert last_complete_week(date(2026, 11, 29)).end == date(2026, 11, 29)  # the closing day itself counts
    assert last_complete_week(date(2026, 12, 1), ends_on=3).end == date(2026, 11, 26)  # offices closing Thursday


def test_monthly_plans_give_the_plan_to_date_per_street_and_district(db, clerk, today):
    add(
        db,
        clerk,
        today,
        TargetDraft(2026, "370212", "signed_households", 120, street_code="370212001", **_months(10)),
        TargetDraft(2026, "370212", "signed_households", 50, street_code="370212002"),  # no plan by month
        TargetDraft(2026, "370202", "signed_households", 60, month_6="30", month_12="30"),
    )
    with db.sessions() as s:
        by_street = progress.planned_by_unit(
            s, "signed_households", year=2026, through_month=5, scope="370212", unit_column="street_code"
        )
        by_district = progress.planned_by_unit(
            s, "signed_households", year=2026, through_month=6, scope=None, unit_column="district_code"
        )
    assert by_street == {"370212001": Decimal(50)}  # 沙子口 has no plan by month: no plan to date
    assert by_district == {"370212": Decimal(60), "370202": Decimal(30)}
    assert progress.plan_month(2026, WEEK) == WEEK.end.month and progress.plan_month(2025, WEEK) == 12


def test_a_plan_by_month_cannot_add_up_to_more_than_the_year(db, clerk, today):
    with db.begin() as s, pytest.raises(ValidationFailed) as refused:
        repository.add(s, TargetDraft(2026, "370212", "signed_households", 100, **_months(9)), by=clerk, today=today)
    assert [(p.field, p.message) for p in refused.value.problems] == [("value", "各月计划合计 108，超过全年目标 100")]
    with db.begin() as s, pytest.raises(ValidationFailed) as refused:
        repository.add(s, TargetDraft(2026, "370212", "signed_households", 100, month_3="2.5"), by=clerk, today=today)
    assert [(p.field, p.message) for p in refused.value.problems] == [("month_3", "数量必须是整数")]


def _months(each) -> dict:
    return {f"month_{m}": each for m in range(1, 13)}


@pytest.mark.parametrize("scope", [None, "370212", "370212001"])
def test_one_pass_per_table_gives_every_measures_figures_as_one_query_each(db, today, scope):
    from qdgui.models import demo, vocab

    with db.begin() as s:
        demo.fill(s, today=today, seed=3)
    week = progress.last_complete_week(today)
    with db.sessions() as s:
        units, column = progress.report_units(s, scope)
        together = progress.load_daily_many(
            s, tuple(vocab.MEASURES), year=2026, scope=scope, unit_column=column, first_day=week.start
        )
        for measure in vocab.MEASURES:
            alone = progress.load_daily(s, measure, year=2026, scope=scope, unit_column=column, first_day=week.start)

            def shown(summary):  # a unit with nothing is shown as 0 either way (progress_rows)
                return {unit: figures for unit, figures in summary.items() if any(figures)}

            assert shown(together[measure].summarize(week)) == shown(alone.summarize(week)), measure
            assert {k: v for k, v in together[measure].cells.items() if v} == {
                k: v for k, v in alone.cells.items() if v
            }, measure
    assert any(together[m].cells for m in vocab.MEASURES if m.startswith("park_"))


def test_outlook_ranks_and_projects_each_unit_from_its_recent_pace():
    """On 1 July (half the year gone): 市南区 did 60 of 100, 20 of them in the last four weeks (5 a
    week: 40 left, finished in 8 weeks); 市北区 did 30 of 100 all in January (no pace now: no finish
    day); 崂山区 has no target and is not ranked."""
    cells = {
        ("370202", date(2026, 1, 10)): Decimal(40),
        ("370202", date(2026, 6, 10)): Decimal(20),  # within the 28 days to 1 July
        ("370203", date(2026, 1, 5)): Decimal(30),
        ("370212", date(2026, 6, 30)): Decimal(7),
        ("370202", date(2026, 7, 5)): Decimal(99),  # after the day: not counted
    }
    totals = progress.DailyTotals("signed_households", 2026, None, "district_code", date(2025, 12, 29), cells)
    units = [("370203", "市北区"), ("370202", "市南区"), ("370212", "崂山区")]
    targets = {"370202": Decimal(100), "370203": Decimal(100)}
    shinan, shibei, laoshan = standing.outlooks(totals, units, targets, today=date(2026, 7, 1))
    assert (shinan.rank, shinan.figures.name, shinan.figures.year_to_date) == (1, "市南区", Decimal(60))
    assert shinan.pace == Decimal(5) and shinan.finish == date(2026, 8, 26)  # 40 / 5 a week = 56 days
    weeks_left = Decimal((date(2026, 12, 31) - date(2026, 7, 1)).days) / 7
    assert shinan.required == Decimal(40) / weeks_left
    assert round(shinan.elapsed, 3) == 0.499 and not shinan.behind  # 60 % against 49.9 % of the year
    assert (shibei.rank, shibei.pace, shibei.finish, shibei.behind) == (2, Decimal(0), None, True)
    assert (laoshan.rank, laoshan.required, laoshan.figures.rate) == (None, None, None)

    burn = standing.burn_up(totals, Decimal(200), today=date(2026, 7, 1))
    assert burn.days == [date(2026, 1, 5), date(2026, 1, 10), date(2026, 6, 10), date(2026, 6, 30)]
    assert burn.cumulative == [Decimal(30), Decimal(70), Decimal(90), Decimal(97)]
    assert burn.pace == Decimal(27) * 7 / 28 and burn.as_of == date(2026, 7, 1)
    assert burn.finish == date(2026, 7, 1) + timedelta(days=math.ceil(103 / (27 / 4) * 7))
    met = standing.burn_up(totals, Decimal(50), unit="370202", today=date(2026, 7, 1))
    assert met.finish == date(2026, 6, 10)  # the day the target was reached
