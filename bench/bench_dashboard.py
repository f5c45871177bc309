"""Time from a saved record to the redrawn chart, with 100,000 records per kind, beside the bare query.

.venv/bin/python bench/bench_dashboard.py [--records 100000]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bigdata  # noqa: E402

from qdgui.config import DeviceSettings  # noqa: E402
from qdgui.models import progress, repository  # noqa: E402
from qdgui.models.changes import Changed  # noqa: E402
from qdgui.models.migrate import open_database  # noqa: E402
from qdgui.models.records import DemolitionDraft, Operator, SigningDraft  # noqa: E402
from qdgui.models.tables import Project  # noqa: E402

TODAY = date(2026, 11, 21)
RAW_SIGNING = (
    "SELECT district_code, SUM(CASE WHEN signed_on BETWEEN '2026-11-16' AND '2026-11-22' THEN households "
    "ELSE 0 END), SUM(CASE WHEN signed_on BETWEEN '2026-01-01' AND '2026-11-22' THEN households ELSE 0 END) "
    "FROM signing WHERE deleted = 0 AND signed_on BETWEEN '2026-01-01' AND '2026-11-22' GROUP BY district_code"
)
RAW_WEEKLY = (
    "SELECT done_on, count(*), sum(area_m2) FROM demolition WHERE deleted = 0 AND status IN "
    "('demolished', 'rectified') AND done_on BETWEEN '2025-12-29' AND '2026-11-21' GROUP BY done_on"
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--saves", type=int, default=30)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from qdgui.views.dashboard import Dashboard

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.sqlite"
        bigdata.fill(path, args.records)
        database, _ = open_database(path)
        settings = DeviceSettings(device_id="bench", operator="bench", district_code="370212", street_code="370212001")
        dashboard = Dashboard(database, settings, today=lambda: TODAY)
        dashboard.resize(1400, 800)
        dashboard.show()
        app.processEvents()
        with database.sessions() as s:
            project = s.query(Project.uuid).first()[0]
        by = Operator("bench", "bench")
        results: dict[str, list[float]] = {"signing": [], "demolition": []}
        for i in range(args.saves):
            for kind, draft in (
                ("signing", SigningDraft(project, "370212", "370212001", TODAY, households=1, houses=1)),
                (
                    "demolition",
                    DemolitionDraft(
                        f"BENCH-{i}", "370212", "370212001", "x", "steel", "10", "demolish", "demolished", TODAY, TODAY
                    ),
                ),
            ):
                with database.begin() as s:
                    change = repository.save(s, draft, by=by, today=TODAY, confirm_warnings=True)
                start = time.perf_counter()  # the save is committed: now the charts catch up
                dashboard.apply(Changed.of(change))
                dashboard.repaint()
                results[kind].append((time.perf_counter() - start) * 1000)
        con = sqlite3.connect(path)

        def bare(sql):
            times = []
            for _ in range(args.saves):
                start = time.perf_counter()
                con.execute(sql).fetchall()
                times.append((time.perf_counter() - start) * 1000)
            return statistics.median(times)

        with database.sessions() as s:
            start = time.perf_counter()
            progress.progress(s, year=2026, week=progress.week_containing(TODAY), measures=("signed_households",))
            ours_query = (time.perf_counter() - start) * 1000
        rows = [
            (
                "signing saved -> completion bars + signing curve redrawn (median)",
                statistics.median(results["signing"]),
                bare(RAW_SIGNING),
            ),
            (
                "signing saved -> redrawn, 95th percentile",
                statistics.quantiles(results["signing"], n=20)[18],
                bare(RAW_SIGNING),
            ),
            (
                "demolition saved -> weekly chart redrawn (median)",
                statistics.median(results["demolition"]),
                bare(RAW_WEEKLY),
            ),
            ("progress() aggregate alone, signed households (one run)", ours_query, bare(RAW_SIGNING)),
        ]
        con.close()
        dashboard.close()
        database.close()
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'qdgui ms':>9}  {'bare query ms':>14}")
    for name, ours, floor in rows:
        print(f"{name:<{width}}  {ours:>9.1f}  {floor:>14.1f}")


if __name__ == "__main__":
    main()
