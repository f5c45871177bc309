"""Importing a hand-kept sheet through the forms' rules, beside the floor, in the same run.

    .venv/bin/python bench/bench_sheet_import.py [--rows 5000 50000] [--profile]

Floor: python-calamine in this process reading the same file, plus one sqlite3 `executemany` of the
same rows (already converted) into the demolition table of an empty database. qdgui's figure is the
whole import as the window and the command line run it: checks before parsing, calamine in a child
process, header and context recognition, every row through the same rules as the form (units, dates,
choices, duplicates, look-alikes), field-level audit, the import batch, backup, one transaction.
Memory: the peak resident size of this process and of the reader child.
"""

from __future__ import annotations

import argparse
import resource
import sqlite3
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_import import hand_kept_sheet  # noqa: E402

from qdgui import i18n  # noqa: E402
from qdgui.excel import importer, workbook  # noqa: E402
from qdgui.excel.sheet_import import Defaults  # noqa: E402
from qdgui.models.migrate import open_database  # noqa: E402
from qdgui.models.records import Operator  # noqa: E402

TODAY = date(2026, 11, 21)
BY = Operator("bench", "supervisor")


def floor(path: Path, database: Path) -> float:
    from python_calamine import CalamineWorkbook

    start = time.perf_counter()
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()[2:]
    values = [
        (
            str(uuid.uuid4()),
            r[1],
            "370212",
            "370212001",
            r[3],
            "color_steel",
            50,
            "demolish",
            "demolished",
            "2026-03-01",
            "2026-04-01",
        )
        for r in rows
    ]
    connection = sqlite3.connect(database)
    connection.executemany(
        "INSERT INTO demolition (uuid, case_no, district_code, street_code, address, structure, area_m2, disposal,"
        " status, found_on, done_on, deleted, version, created_at, updated_at, operator, device, clock)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,0,1,'2026-11-21','2026-11-21','b','b','{}')",
        values,
    )
    connection.commit()
    connection.close()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="+", default=[5_000, 50_000])
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs (1 above 10,000 rows)")
    args = parser.parse_args()
    i18n.set_language("zh_CN")
    print(f"{'rows':>8} {'floor s':>9} {'qdgui s':>9} {'x floor':>8} {'rows/s':>9} {'MiB self':>9} {'MiB child':>10}")
    for n in args.rows:
        best_floor = best = float("inf")
        for _ in range(args.repeat if n <= 10_000 else 1):
            floor_s, seconds = once(n, args.profile)
            best_floor, best = min(best_floor, floor_s), min(best, seconds)
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        child = (workbook.last_reader_peak or 0) / 2**20  # the reader's own peak (VmHWM), not its parent's
        print(
            f"{n:>8,} {best_floor:>9.2f} {best:>9.2f} {best / best_floor:>8.1f} {n / best:>9,.0f}"
            f" {own:>9.0f} {child:>10.0f}"
        )


def once(n: int, profiled: bool) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sheet = hand_kept_sheet(folder / "hand.xlsx", n)
        raw, _ = open_database(folder / "floor.sqlite")
        raw.close()
        floor_s = floor(sheet, folder / "floor.sqlite")
        database, _ = open_database(folder / "qdgui.sqlite")
        options = importer.ImportOptions(defaults=Defaults("370212", "370212001"))

        def run():
            return importer.commit(database, importer.read(sheet), options, by=BY, today=TODAY)

        start = time.perf_counter()
        if profiled:
            import cProfile
            import pstats

            profile = cProfile.Profile()
            report = profile.runcall(run)
            pstats.Stats(profile).sort_stats("cumulative").print_stats(60)
        else:
            report = run()
        seconds = time.perf_counter() - start
        assert report.imported == n, report.lines()[:5]
        database.close()
        return floor_s, seconds


if __name__ == "__main__":
    main()
