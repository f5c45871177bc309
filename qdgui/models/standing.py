"""Where each place stands against its annual target on a day, and what its pace says: the ranking
the weekly report and the dashboard share, the league table's outlooks and the burn-up. Read from the
day totals progress.py loads; nothing here queries the database."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from qdgui.models.progress import DailyTotals, Progress, year_elapsed


def ranked(named: list[tuple[str, Progress]]) -> list[tuple[int | None, str, Progress]]:
    """(rank, name, figures) by completion rate, best first; equal rates share a rank; units without a
    target follow, unranked. The one ranking the weekly report and the dashboard's league table show."""
    with_rate = sorted(((n, p) for n, p in named if p.rate is not None), key=lambda item: -item[1].rate)  # type: ignore[operator]
    out: list[tuple[int | None, str, Progress]] = []
    for position, (name, figures) in enumerate(with_rate, start=1):
        tied = out and out[-1][2].rate == figures.rate
        out.append((out[-1][0] if tied else position, name, figures))
    out += [(None, name, figures) for name, figures in named if figures.rate is None]
    return out


PACE_DAYS = 28  # "the current pace": what the last four weeks did


@dataclass(frozen=True)
class Outlook:
    """Where a unit stands against its annual target on a day, and what its pace says."""

    figures: Progress  # done from 1 January to the day (year_to_date) and the target (week: unused)
    rank: int | None
    elapsed: float  # the share of the year gone (时间进度)
    pace: Decimal  # done per week over the last four weeks
    required: Decimal | None  # per week from now on to meet the target by 31 December
    finish: date | None  # when the target is reached at that pace (may be next year); None: no pace

    @property
    def behind(self) -> bool:
        """Behind the time elapsed: a completion rate below the share of the year gone."""
        rate = self.figures.rate
        return rate is not None and float(rate) < self.elapsed

    @property
    def met(self) -> bool:
        return self.figures.target is not None and self.figures.year_to_date >= self.figures.target


def as_of(totals: DailyTotals, today: date) -> date:
    """The day a year's figures stand at: today in the current year, else its last day."""
    return min(today, date(totals.year, 12, 31)) if today.year >= totals.year else date(totals.year, 1, 1)


def _done_and_lately(totals: DailyTotals, day: date) -> tuple[dict[str, Decimal], dict[str, Decimal]]:
    """Per unit: done from 1 January to `day`, and done in the last PACE_DAYS of it."""
    first, recent = date(totals.year, 1, 1), day - timedelta(days=PACE_DAYS - 1)
    done: dict[str, Decimal] = {}
    lately: dict[str, Decimal] = {}
    for (code, d), amount in totals.cells.items():
        if first <= d <= day:
            done[code] = done.get(code, Decimal(0)) + amount
            if d >= recent:
                lately[code] = lately.get(code, Decimal(0)) + amount
    return done, lately


def _pace(lately: Decimal) -> Decimal:
    return lately * 7 / PACE_DAYS


def _finish(day: date, left: Decimal, pace: Decimal) -> date | None:
    """The day what is left is done at this weekly pace (None without a pace)."""
    if left <= 0:
        return day
    return day + timedelta(days=math.ceil(float(left / pace * 7))) if pace > 0 else None


def outlooks(
    totals: DailyTotals, units: list[tuple[str, str]], targets: dict[str, Decimal], *, today: date
) -> list[Outlook]:
    """Per unit: done to date against its target, the rank by completion rate, the pace of the last
    four weeks, the weekly pace now required, and the day the target falls at the current pace."""
    day = as_of(totals, today)
    elapsed = year_elapsed(day)
    weeks_left = Decimal((date(totals.year, 12, 31) - day).days) / 7
    done, lately = _done_and_lately(totals, day)
    rows = [
        Progress(code, name, totals.measure, Decimal(0), done.get(code, Decimal(0)), targets.get(code))
        for code, name in units
    ]
    out = []
    for rank, _, figures in ranked([(p.name, p) for p in rows]):
        pace = _pace(lately.get(figures.code, Decimal(0)))
        left = None if figures.target is None else max(figures.target - figures.year_to_date, Decimal(0))
        required = None if left is None else (left / weeks_left if weeks_left > 0 else left)
        finish = None if left is None else _finish(day, left, pace)
        out.append(Outlook(figures, rank, elapsed, pace, required, finish))
    return out


@dataclass(frozen=True)
class BurnUp:
    """A unit's (or the whole scope's) cumulative done through the year against its target."""

    days: list[date]  # the days something was done, up to the day the figures stand at
    cumulative: list[Decimal]
    target: Decimal | None
    as_of: date
    pace: Decimal  # per week, last four weeks
    finish: date | None


def burn_up(totals: DailyTotals, target: Decimal | None, *, unit: str | None = None, today: date) -> BurnUp:
    day = as_of(totals, today)
    first, recent = date(totals.year, 1, 1), day - timedelta(days=PACE_DAYS - 1)
    by_day: dict[date, Decimal] = {}
    for (code, d), amount in totals.cells.items():
        if (unit is None or code == unit) and first <= d <= day:
            by_day[d] = by_day.get(d, Decimal(0)) + amount
    running, days, cumulative = Decimal(0), [], []
    for d, amount in sorted(by_day.items()):
        running += amount
        days.append(d)
        cumulative.append(running)
    pace = _pace(sum((a for d, a in by_day.items() if d >= recent), Decimal(0)))
    finish = None
    if target is not None and running >= target:  # the day it was reached
        finish = next(d for d, c in zip(days, cumulative) if c >= target) if days else day
    elif target is not None:
        finish = _finish(day, target - running, pace)
    return BurnUp(days, cumulative, target, day, pace, finish)
