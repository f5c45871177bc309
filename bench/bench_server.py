"""The same work on SQLite and on PostgreSQL over a local socket, each beside its floor in the same run.

    .venv/bin/python bench/bench_server.py [--records 100000] [--database FILE] [--saves 50]

A bigdata.py file (made here, or `--database` names one made before) is copied into a fresh
PostgreSQL 15 database of a throwaway cluster (tests/support/postgres.py, run with fsync on, as a
server is). Both engines then answer the same questions through qdgui's own code:
- first page: a table's first 200 sorted keys and its first page of rows (listing.keys, page), as
  an open table reads them before it shows; floor: ORDER BY ... LIMIT 200 of bare keys by hand, and
  beside it the same 200 rows as shown (every column, the joined names) by hand; then
  its count, which the table makes in a thread of its own (floor: count(*) by hand);
- filter + search: the same with a district and a text search;
- progress, city: every measure's figures for the year (progress.load_daily_many, what the
  dashboard and the report sum); floor: the year's daily sums from the day totals (revision 0011),
  one GROUP BY per table by hand; beside it, the same sums over the records themselves by hand;
- dashboard built cold, city: the progress charts built and shown (offscreen), every chart drawn;
- dashboard first load: the 进度 tab clicked in a window shown on the database, whose charts were
  built while it was idle after start, until every chart is drawn; floor of both: the same GROUP BYs;
- weekly report, city and one district: build_report + write_report; floor: the same GROUP BYs;
- ledger export of 崂山区: write_ledger(scope=...); floor: the district's rows of each table read
  with the bare driver and written by bare XlsxWriter;
- save: repository.save of a signing in one transaction (rules, insert, audit, commit), p50/p95;
  floor: one INSERT and COMMIT written by hand; the same for a demolition case (done, with its
  case number checked unique);
- save to chart redrawn: the charts in front, a signing saved, from the charts being told of it to
  those it moves redrawn (the completion bars and the project's curve); floor: the two day
  cells read again by hand;
- Enter to settled window: the signing form's save in a window on the database until the event
  loop is idle (the row placed in the open table, the status line), p50/p95; the same floor.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TODAY = date(2026, 11, 21)
RECORD_TABLES = ("community", "project", "annual_target", "signing", "demolition", "park")


def copy_to_server(path: Path, cluster, name: str) -> str:
    """The SQLite file's records into a fresh server database at head (schema made by qdgui itself)."""
    import psycopg

    from qdgui.models.migrate import open_database

    url = cluster.create_database(name)
    open_database(url)[0].close()
    source = sqlite3.connect(path)
    with psycopg.connect(host=str(cluster.folder), dbname=name, user="qdgui") as con:
        # The records as a server holding them would have them: COPY with the triggers off, then the
        # day totals made as the upgrade to revision 0011 makes them. (A million rows COPYed through
        # the triggers would leave each day's totals scattered over ten times the pages, which no
        # server gets: its totals grow day by day with the saves.)
        con.execute("SET session_replication_role = replica")
        for table in RECORD_TABLES:
            columns = [r[1] for r in source.execute(f"PRAGMA table_info({table})")]
            types = {r[1]: r[2].upper() for r in source.execute(f"PRAGMA table_info({table})")}
            booleans = [i for i, c in enumerate(columns) if types[c] == "BOOLEAN"]
            with con.cursor().copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in source.execute(f"SELECT {', '.join(columns)} FROM {table}"):  # noqa: S608
                    if booleans:
                        row = list(row)
                        for i in booleans:
                            row[i] = None if row[i] is None else bool(row[i])
                    copy.write_row(row)
        con.execute("SET session_replication_role = DEFAULT")
        totals = _day_totals_revision()
        for target in totals.SOURCES:
            con.execute(f"TRUNCATE {target}")
            con.execute(totals._fill(target))
    with psycopg.connect(host=str(cluster.folder), dbname=name, user="qdgui", autocommit=True) as con:
        con.execute("VACUUM (ANALYZE)")  # as autovacuum leaves a server's tables (visibility map set)
    source.close()
    return url


def _day_totals_revision():
    import importlib.util

    script = Path(__file__).resolve().parents[1] / "db" / "versions" / "0011_day_totals.py"
    spec = importlib.util.spec_from_file_location("day_totals", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def enter_to_settled(database, saves: int = 30) -> list[float]:
    """The signing form's save in a window shown on the database (its charts built while it was
    idle), until the event loop is idle again: the rules, the write, the row placed in the open
    table, the status line (bench_city.py does the same on SQLite alone)."""
    from sqlalchemy import select
    from window import shown_window, signing_saves

    from qdgui.config import DeviceSettings
    from qdgui.models.tables import Project

    with database.sessions() as s:
        project = s.scalar(select(Project.uuid).where(Project.district_code == "370212").limit(1))
    settings = DeviceSettings(device_id="bench", operator="王丽", district_code="370212", street_code="370212001")
    with shown_window(database, settings, today=lambda: TODAY) as (app, window):
        return signing_saves(app, window, project, saves)


def save_to_chart(database, connection, mark: str, saves: int = 20) -> tuple[list[float], list[float]]:
    """The progress charts in front in a window on the database; a signing saved (its own
    transaction, not timed), then the clock runs from the charts being told of it (Dashboard.apply,
    what MainWindow.changed calls for them) until they are redrawn: the completion bars (two day
    cells read again) and the project's signing curve. Floor: the same two day cells read by hand."""
    from sqlalchemy import select
    from window import shown_window

    from qdgui.models import repository
    from qdgui.models.changes import Changed
    from qdgui.models.records import Operator, SigningDraft
    from qdgui.models.tables import Project

    with database.sessions() as s:
        project = s.scalar(select(Project.uuid).where(Project.district_code == "370212").limit(1))
    by = Operator("bench", "bench")
    times = []
    with shown_window(database, today=lambda: TODAY) as (app, window):
        window.tabs.setCurrentWidget(window._dashboard_place)
        dashboard = window.dashboard
        dashboard.project.set_code(project)
        app.processEvents()
        for _ in range(saves):
            with database.begin() as s:
                change = repository.save(
                    s,
                    SigningDraft(project, "370212", "370212001", "2026-11-20", households=1, houses=1),
                    by=by,
                    today=TODAY,
                )
            start = time.perf_counter()
            dashboard.apply(Changed.of(change))  # the charts' part of MainWindow.changed (not the tables')
            app.processEvents()
            times.append((time.perf_counter() - start) * 1000)
    floors = []
    cur = connection.cursor()
    for _ in range(saves):
        start = time.perf_counter()
        for _cell in range(2):
            cur.execute(
                f"SELECT households FROM signing_day WHERE day = {mark} AND district_code = {mark} "  # noqa: S608
                f"AND street_code = {mark}",
                ("2026-11-20", "370212", "370212001"),
            )
            cur.fetchall()
        floors.append((time.perf_counter() - start) * 1000)
    cur.close()
    connection.commit()
    return times, floors


def timed(work, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def measure(database, raw) -> dict[str, float | tuple[float, float]]:
    """raw: (connection, mark) of the bare DBAPI for the floors."""
    from sqlalchemy import select

    from qdgui.excel import weekly
    from qdgui.models import listing, progress, repository
    from qdgui.models.records import DemolitionDraft, Operator, SigningDraft
    from qdgui.models.tables import Project

    connection, mark, live = raw
    results: dict[str, float | tuple[float, float]] = {}

    from qdgui.views.record_model import RecordTableModel

    def first_page(filters):
        # as an open table reads it before it shows (views/record_model.py: reload, then _page 0):
        # its first keys and its first page of rows; a longer list is then counted in a thread
        # (measured below)
        with database.sessions() as s:
            keys = listing.keys(s, "signing", filters, limit=RecordTableModel.FIRST)
        with database.sessions() as s:
            listing.page(s, "signing", keys[: RecordTableModel.PAGE_SIZE])

    def background_count():
        with database.sessions() as s:
            listing.count(s, "signing", listing.Filters())

    def raw_page(where: str, params: tuple):
        cur = connection.cursor()
        cur.execute(
            f"SELECT uuid FROM signing WHERE {live} {where} ORDER BY signed_on DESC, uuid DESC LIMIT 200",  # noqa: S608
            params,
        )
        cur.fetchall()
        cur.close()

    results["first page of a table, ms"] = (
        timed(lambda: first_page(listing.Filters())) * 1000,
        timed(lambda: raw_page("", ())) * 1000,
    )

    def raw_shown_page():
        # the same 200 rows as the table shows them, by hand: every column and the joined names
        cur = connection.cursor()
        cur.execute(
            "SELECT s.*, p.name, c.name, d.name, t.name FROM signing s JOIN project p ON p.uuid = s.project_uuid "
            "LEFT JOIN community c ON c.uuid = s.community_uuid JOIN division d ON d.code = s.district_code "
            f"JOIN division t ON t.code = s.street_code WHERE {live.replace('deleted', 's.deleted')} "  # noqa: S608
            "ORDER BY s.signed_on DESC, s.uuid DESC LIMIT 200"
        )
        cur.fetchall()
        cur.close()

    results["(first page: the shown rows by hand), ms"] = (
        timed(lambda: first_page(listing.Filters())) * 1000,
        timed(raw_shown_page) * 1000,
    )
    cur = connection.cursor()

    def raw_count():
        cur.execute(f"SELECT count(*) FROM signing WHERE {live}")  # noqa: S608
        cur.fetchall()

    results["its count, in a thread, ms"] = (timed(background_count) * 1000, timed(raw_count) * 1000)
    search = listing.Filters(district_code="370212", text="号")
    results["filter + search, ms"] = (
        timed(lambda: first_page(search)) * 1000,
        timed(lambda: raw_page(f"AND district_code = {mark} AND remarks LIKE {mark}", ("370212", "%号%"))) * 1000,
    )

    def raw_sums():
        # the year's daily sums per district, one GROUP BY per table, as qdgui's covering indexes allow
        cur = connection.cursor()
        year = (f"{TODAY.year - 1}-12-29", f"{TODAY.year}-12-31")
        for table, day, amounts in (
            ("signing", "signed_on", "sum(households), sum(houses), sum(area_m2), sum(land_mu)"),
            ("demolition", "done_on", "count(*), sum(area_m2)"),
            ("park", "completed_on", "count(*), sum(length_km)"),
        ):
            cur.execute(
                f"SELECT district_code, {day}, {amounts} FROM {table} WHERE {live} "  # noqa: S608
                f"AND {day} >= {mark} AND {day} <= {mark} GROUP BY district_code, {day}",
                year,
            )
            cur.fetchall()
        cur.close()

    records_sums = timed(raw_sums)

    def raw_day_sums():
        # the same sums from the day totals the triggers keep (revision 0011), by hand: qdgui's own work
        cur = connection.cursor()
        year = (f"{TODAY.year - 1}-12-29", f"{TODAY.year}-12-31")
        for table, keys, amounts in (
            ("signing_day", "district_code, day", "sum(households), sum(houses), sum(area_m2), sum(land_mu)"),
            ("demolition_day", "district_code, day", "sum(records), sum(area_m2)"),
            ("park_day", "district_code, day, kind", "sum(records), sum(length_km)"),
        ):
            cur.execute(
                f"SELECT {keys}, {amounts} FROM {table} WHERE day >= {mark} AND day <= {mark} GROUP BY {keys}",  # noqa: S608
                year,
            )
            cur.fetchall()
        cur.close()

    floor_sums = timed(raw_day_sums)
    results["(the same sums over the records, by hand), s"] = (records_sums, records_sums)

    def sums():
        with database.sessions() as s:
            progress.load_daily_many(
                s, tuple(progress.MEASURE_KIND), year=TODAY.year, scope=None, unit_column="district_code"
            )

    results["progress figures, city, s"] = (timed(sums), floor_sums)

    def dashboard():
        from PySide6.QtWidgets import QApplication

        from qdgui.config import DeviceSettings
        from qdgui.views.dashboard import Dashboard

        app = QApplication.instance() or QApplication([])
        board = Dashboard(database, DeviceSettings(device_id="bench", operator="bench"), today=lambda: TODAY)
        board.resize(1366, 700)
        board.show()
        app.processEvents()
        board.close()
        board.deleteLater()
        app.processEvents()

    dashboard()  # the first one builds pyqtgraph's own things once per process
    results["dashboard built cold, city, s"] = (timed(dashboard), floor_sums)

    def progress_tab():
        """What the clerk waits for: the 进度 tab clicked in a window whose charts were built while
        it was idle after start (MainWindow._prebuild_dashboard), until every chart is drawn."""
        from window import shown_window

        with shown_window(database, today=lambda: TODAY) as (app, window):
            started = time.perf_counter()
            window.tabs.setCurrentWidget(window._dashboard_place)
            app.processEvents()
            return time.perf_counter() - started

    results["dashboard first load (progress tab), s"] = (min(progress_tab() for _ in range(5)), floor_sums)
    settled = enter_to_settled(database)
    refreshed, refresh_floor = save_to_chart(database, connection, mark)
    week = progress.last_complete_week(TODAY)
    folder = Path(tempfile.mkdtemp())
    for label, scope in (("weekly report, city, s", None), ("weekly report, 崂山区, s", "370212")):

        def report(scope=scope):
            with database.sessions() as s:
                built = weekly.build_report(s, week=week, scope=scope, made_on=TODAY)
            weekly.write_report(built, folder / "w.xlsx")

        results[label] = (timed(report, 2), floor_sums)

    def district_ledger():
        from qdgui.excel.ledger import write_ledger

        with database.sessions() as s:
            write_ledger(s, folder / "l.xlsx", scope="370212")

    def raw_ledger():
        # floor: the same records read with the bare driver and written by bare XlsxWriter (constant memory)
        import xlsxwriter

        book = xlsxwriter.Workbook(str(folder / "raw.xlsx"), {"constant_memory": True})
        cur = connection.cursor()
        for table in ("project", "signing", "demolition", "park", "annual_target"):
            sheet = book.add_worksheet(table)
            cur.execute(f"SELECT * FROM {table} WHERE district_code = {mark} ORDER BY created_at, uuid", ("370212",))  # noqa: S608
            for r, row in enumerate(cur, start=1):
                sheet.write_row(r, 0, [v if isinstance(v, (int, float, str)) or v is None else str(v) for v in row])
        cur.close()
        book.close()

    results["ledger export, 崂山区, s"] = (timed(district_ledger, 2), timed(raw_ledger, 2))
    shutil.rmtree(folder, ignore_errors=True)

    with database.sessions() as s:
        project = s.scalar(select(Project.uuid).where(Project.district_code == "370212").limit(1))
    by = Operator("bench", "bench")
    saves = []
    for _ in range(50):
        start = time.perf_counter()
        with database.begin() as s:
            repository.save(
                s,
                SigningDraft(project, "370212", "370212001", "2026-11-20", households=3, houses=3),
                by=by,
                today=TODAY,
            )
        saves.append((time.perf_counter() - start) * 1000)
    floors = []
    for _ in range(50):
        start = time.perf_counter()
        cur = connection.cursor()
        cur.execute(
            "INSERT INTO signing (uuid, created_at, updated_at, operator, device, version, deleted, clock, project_uuid,"
            f" district_code, street_code, signed_on, households, houses) VALUES ({', '.join([mark] * 14)})",
            (str(uuid.uuid4()), "2026-11-21", "2026-11-21", "b", "b", 1, False, "{}", project, "370212", "370212001",
             "2026-11-20", 3, 3),
        )  # fmt: skip
        connection.commit()
        cur.close()
        floors.append((time.perf_counter() - start) * 1000)

    def p95(values):
        return sorted(values)[max(0, int(len(values) * 0.95) - 1)]

    demolitions = []
    for i in range(50):
        start = time.perf_counter()
        with database.begin() as s:
            repository.save(
                s,
                DemolitionDraft(
                    f"BENCH-{uuid.uuid4().hex[:12]}", "370212", "370212001", f"东路{i}号", "steel", "50",
                    "demolish", "demolished", "2026-11-01", "2026-11-20",
                ),
                by=by,
                today=TODAY,
                confirm_warnings=True,
            )  # fmt: skip
        demolitions.append((time.perf_counter() - start) * 1000)
    results["save, median ms"] = (statistics.median(saves), statistics.median(floors))
    results["save, p95 ms"] = (p95(saves), p95(floors))
    results["demolition save, median ms"] = (statistics.median(demolitions), statistics.median(floors))
    results["demolition save, p95 ms"] = (p95(demolitions), p95(floors))
    results["save to chart redrawn (charts in front), median ms"] = (
        statistics.median(refreshed),
        statistics.median(refresh_floor),
    )
    results["save to chart redrawn, p95 ms"] = (p95(refreshed), p95(refresh_floor))
    results["Enter to settled window, median ms"] = (statistics.median(settled), statistics.median(floors))
    results["Enter to settled window, p95 ms"] = (p95(settled), p95(floors))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--database", type=Path)
    parser.add_argument("--saves", type=int, default=50)
    parser.add_argument("--years", type=int, default=5, help="a made file's records spread over this many years")
    args = parser.parse_args()
    from qdgui import i18n
    from qdgui.models.migrate import open_database
    from tests.support.postgres import Cluster

    i18n.set_language("zh_CN")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "city.sqlite"
        if args.database:
            shutil.copy(args.database, path)
        else:
            import bigdata

            bigdata.fill(path, args.records, years=args.years)
        open_database(path)[0].close()  # at head
        with Cluster.start(durable=True) as cluster:
            start = time.perf_counter()
            url = copy_to_server(path, cluster, "bench")
            copied = time.perf_counter() - start
            import psycopg

            sqlite_db, _ = open_database(path)
            raw_sqlite = sqlite3.connect(path)
            on_sqlite = measure(sqlite_db, (raw_sqlite, "?", "deleted = 0"))
            sqlite_db.close()
            raw_sqlite.close()
            server_db, _ = open_database(url)
            raw_pg = psycopg.connect(host=str(cluster.folder), dbname="bench", user="qdgui")
            on_server = measure(server_db, (raw_pg, "%s", "NOT deleted"))
            server_db.close()
            raw_pg.close()
        records = sqlite3.connect(path).execute("SELECT count(*) FROM signing").fetchone()[0]
    print(f"{records:,} signings and as many demolitions; copied to PostgreSQL in {copied:.0f} s")
    print(f"{'measure':<46} {'SQLite':>9} {'floor':>9} {'PostgreSQL':>11} {'floor':>9}")
    for name in on_sqlite:
        a, fa = on_sqlite[name]
        b, fb = on_server[name]
        print(f"{name:<46} {a:>9.2f} {fa:>9.2f} {b:>11.2f} {fb:>9.2f}")


if __name__ == "__main__":
    main()
