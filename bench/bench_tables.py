"""Record tables and saving with 100,000 records per kind, beside raw sqlite3 doing the same work.

.venv/bin/python bench/bench_tables.py [--records 100000]
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

from qdgui.models import listing, repository  # noqa: E402
from qdgui.models.migrate import open_database  # noqa: E402
from qdgui.models.records import Operator, SigningDraft  # noqa: E402
from qdgui.models.tables import Project  # noqa: E402

RAW_KEYS = {
    "signing": "SELECT signing.rowid FROM signing JOIN division d ON d.code = signing.district_code "
    "LEFT JOIN division s ON s.code = signing.street_code JOIN project p ON p.uuid = signing.project_uuid "
    "LEFT JOIN community c ON c.uuid = signing.community_uuid WHERE signing.deleted = 0 {where} "
    "ORDER BY signing.signed_on DESC, signing.uuid",
    "demolition": "SELECT demolition.rowid FROM demolition JOIN division d ON d.code = demolition.district_code "
    "LEFT JOIN division s ON s.code = demolition.street_code WHERE demolition.deleted = 0 {where} "
    "ORDER BY demolition.found_on DESC, demolition.uuid",
}
RAW_PAGE = {
    "signing": "SELECT signing.rowid, signing.uuid, signing.version, signing.signed_on, d.name, s.name, p.name, c.name, "
    "households, houses, area_m2, agreement_no, compensation, signing.operator, signing.updated_at "
    "FROM signing JOIN division d ON d.code = signing.district_code "
    "LEFT JOIN division s ON s.code = signing.street_code JOIN project p ON p.uuid = signing.project_uuid "
    "LEFT JOIN community c ON c.uuid = signing.community_uuid WHERE signing.rowid IN ({ids})",
    "demolition": "SELECT demolition.rowid, demolition.uuid, demolition.version, case_no, d.name, s.name, address, "
    "structure, area_m2, disposal, status, found_on, done_on, demolition.operator, demolition.updated_at "
    "FROM demolition JOIN division d ON d.code = demolition.district_code "
    "LEFT JOIN division s ON s.code = demolition.street_code WHERE demolition.rowid IN ({ids})",
}
FILTER_WHERE = {
    "signing": "AND signing.district_code = '370212' AND (p.name LIKE '%批量1%' OR c.name LIKE '%批量1%' "
    "OR signing.agreement_no LIKE '%批量1%' OR signing.remarks LIKE '%批量1%' OR s.name LIKE '%批量1%')",
    "demolition": "AND demolition.district_code = '370212' AND (demolition.case_no LIKE '%BJ-00001%' "
    "OR demolition.address LIKE '%BJ-00001%' OR s.name LIKE '%BJ-00001%')",
}
FILTER_TEXT = {"signing": "批量1", "demolition": "BJ-00001"}


def timed(fn, repeat: int = 5) -> float:
    """Best of `repeat` runs, in milliseconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def raw_connection(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = FULL")
    con.execute("PRAGMA foreign_keys = ON")
    return con


RAW_PLAIN_KEYS = {
    "signing": "SELECT rowid FROM signing WHERE deleted = 0 ORDER BY signed_on DESC, uuid",
    "demolition": "SELECT rowid FROM demolition WHERE deleted = 0 ORDER BY found_on DESC, uuid",
}


def raw_open(con, kind, where=""):
    query = RAW_KEYS[kind].format(where=where) if where else RAW_PLAIN_KEYS[kind]
    keys = [r[0] for r in con.execute(query)]
    con.execute(RAW_PAGE[kind].format(ids=",".join(map(str, keys[:200])))).fetchall()
    return keys


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--saves", type=int, default=200)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication, QTableView

    from qdgui.views.record_model import RecordTableModel

    app = QApplication.instance() or QApplication([])
    rows: list[tuple[str, float, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.sqlite"
        bigdata.fill(path, args.records)
        database, _ = open_database(path)
        con = raw_connection(path)
        for kind in ("signing", "demolition"):

            def open_table():
                model = RecordTableModel(database.sessions, kind)
                model.index(0, 0).data()
                return model

            rows.append(
                (
                    f"open {kind} table ({args.records:,} rows, first page)",
                    timed(open_table),
                    timed(lambda: raw_open(con, kind)),
                )
            )
            model = open_table()

            def apply_filter():
                model.set_filters(listing.Filters(district_code="370212", text=FILTER_TEXT[kind]))
                model.index(0, 0).data()

            rows.append(
                (
                    f"filter {kind}: district + search text",
                    timed(apply_filter),
                    timed(lambda: raw_open(con, kind, FILTER_WHERE[kind])),
                )
            )
            model.set_filters(listing.Filters())
            view = QTableView()
            view.resize(1200, 700)
            view.setModel(model)
            view.show()
            app.processEvents()

            def scroll_to_end():
                model._pages.clear()  # as if never scrolled: the end page is read from the file
                view.scrollToBottom()
                view.viewport().repaint()

            keys = raw_open(con, kind)
            rows.append(
                (
                    f"scroll {kind} table to the end (painted)",
                    timed(scroll_to_end),
                    timed(lambda: con.execute(RAW_PAGE[kind].format(ids=",".join(map(str, keys[-200:])))).fetchall()),
                )
            )
            view.close()

        with database.sessions() as s:
            project = s.query(Project.uuid).first()[0]
        by = Operator("bench", "bench")
        saves = []
        for i in range(args.saves):
            start = time.perf_counter()
            with database.begin() as s:
                repository.add(
                    s,
                    SigningDraft(
                        project, "370212", "370212001", date(2026, 11, 20), households=1, houses=1, remarks=f"保存{i}"
                    ),
                    by=by,
                    today=date(2026, 11, 21),
                )
            saves.append((time.perf_counter() - start) * 1000)
        raw = []
        for i in range(args.saves):
            start = time.perf_counter()
            con.execute("BEGIN IMMEDIATE")
            con.execute(
                "INSERT INTO signing (uuid, created_at, updated_at, operator, device, version, deleted, "
                "project_uuid, district_code, street_code, signed_on, households, houses, remarks) VALUES "
                "(?, '2026-11-21 08:00:00', '2026-11-21 08:00:00', 'raw', 'raw', 1, 0, ?, '370212', "
                "'370212001', '2026-11-20', 1, 1, ?)",
                (f"{i:036d}", project, f"raw{i}"),
            )
            con.execute("COMMIT")
            raw.append((time.perf_counter() - start) * 1000)
        q = lambda xs: statistics.quantiles(xs, n=20)[18]  # noqa: E731 - 95th percentile
        rows.append(
            ("save one signing: median (rules + audit + fsync)", statistics.median(saves), statistics.median(raw))
        )
        rows.append(("save one signing: 95th percentile", q(saves), q(raw)))
        con.close()
        database.close()
    width = max(len(r[0]) for r in rows)
    import platform

    import PySide6
    import sqlalchemy

    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}, SQLAlchemy {sqlalchemy.__version__}, PySide6 {PySide6.__version__}"
    )
    print(f"{'measure':<{width}}  {'qdgui ms':>10}  {'raw sqlite3 ms':>15}  {'ratio':>6}")
    for name, ours, floor in rows:
        print(f"{name:<{width}}  {ours:>10.1f}  {floor:>15.1f}  {ours / floor:>6.1f}")


if __name__ == "__main__":
    main()
