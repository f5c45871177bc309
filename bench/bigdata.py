"""Fill a database with many valid records quickly (bulk inserts, no audit rows): for benchmarks only."""

from __future__ import annotations

import random
import sys
import uuid
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, select  # noqa: E402

from qdgui.models import repository  # noqa: E402
from qdgui.models.migrate import open_database  # noqa: E402
from qdgui.models.records import Operator, ProjectDraft  # noqa: E402
from qdgui.models.tables import Demolition, Division, Park, Signing  # noqa: E402

TODAY = date(2026, 11, 21)
CLOCK = '{"b3nch0000001":1}'


def fill(path: Path, n: int = 100_000, seed: int = 1, years: int = 1) -> None:
    """n signings and n demolitions, n/5 parks, over the last `years` years (to 2026-11-16)."""
    rng = random.Random(seed)
    database, _ = open_database(path)
    by = Operator("bench", "bench")
    with database.begin() as s:
        streets = s.execute(select(Division.code, Division.parent_code).where(Division.level == "township")).all()
        # About 2,000 signings a project, as a large 片区 has (a save sums its project's signings
        # for the households-over-total rule), each project in the district of its records.
        project_count = max(20, n // 2000)
        project_places = [rng.choice(streets) for _ in range(project_count)]
        projects = [
            repository.add(
                s,
                ProjectDraft(f"基准项目{i}", "old_city_village", district, street),
                by=by,
                today=TODAY,
                confirm_warnings=True,
            )
            for i, (street, district) in enumerate(project_places)
        ]
        projects_by_district: dict[str, list[str]] = {}
        for uuid_, (_, district) in zip(projects, project_places):
            projects_by_district.setdefault(district, []).append(uuid_)
    now = datetime(2026, 11, 21, 8, 0)

    def meta():
        return dict(
            uuid=str(uuid.uuid4()),
            created_at=now,
            updated_at=now,
            operator="bench",
            device="bench",
            version=1,
            deleted=False,
            clock=CLOCK,
        )  # as the repository stamps a new record

    first_day = date(2026 - years + 1, 1, 1)
    span = (date(2026, 11, 16) - first_day).days

    def day():
        return first_day + timedelta(days=rng.randint(0, span))

    with database.begin() as s:
        rows = []
        for i in range(n):
            street, district = rng.choice(streets)
            n_h = rng.randint(1, 30)
            rows.append(
                dict(
                    meta(),
                    project_uuid=rng.choice(projects_by_district.get(district) or projects),
                    district_code=district,
                    street_code=street,
                    signed_on=day(),
                    households=n_h,
                    houses=n_h,
                    area_m2=Decimal(n_h * 120),
                    agreement_no=f"BX-{i:07d}",
                    compensation="cash",
                    remarks=f"批量{i}",
                )
            )
        s.execute(insert(Signing), rows)
        rows = []
        for i in range(n):
            street, district = rng.choice(streets)
            found = day()
            rows.append(
                dict(
                    meta(),
                    case_no=f"BJ-{i:07d}",
                    district_code=district,
                    street_code=street,
                    address=f"{rng.randint(1, 999)}号",
                    structure="steel",
                    area_m2=Decimal(rng.randint(5, 900)),
                    disposal="demolish",
                    status="demolished",
                    found_on=found,
                    done_on=min(found + timedelta(days=10), TODAY),
                )
            )
        s.execute(insert(Demolition), rows)
        rows = []
        for i in range(n // 5):
            street, district = rng.choice(streets)
            completed = day()
            rows.append(
                dict(
                    meta(),
                    name=f"基准公园{i}",
                    kind="pocket",
                    district_code=district,
                    street_code=street,
                    plan_year=completed.year,
                    area_m2=Decimal(rng.randint(500, 9000)),
                    status="completed",
                    completed_on=completed,
                )
            )
        s.execute(insert(Park), rows)
    database.close()


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Fill a NEW database file with many valid records (benchmarks).")
    parser.add_argument("database", type=Path, help="the database file to create (must not exist yet)")
    parser.add_argument("records", type=int, nargs="?", default=100_000, help="signings and demolitions each")
    parser.add_argument("--years", type=int, default=1, help="spread over this many years, to 2026")
    args = parser.parse_args(argv)
    if args.database.exists():
        parser.error(f"{args.database} exists already; give a new file name")
    if args.records < 1:
        parser.error("records must be at least 1")
    fill(args.database, args.records, years=args.years)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
