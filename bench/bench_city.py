"""The window at city scale: start, first page, and Enter to a settled window, beside raw sqlite3.

    .venv/bin/python bench/bench_city.py [--records 100000] [--database FILE] [--saves 20]

`--records` signings and as many demolitions (plus a fifth as many parks) are made by bigdata.py in
a temporary folder, or `--database` names a file bigdata.py made before (a 1,000,000-record file
takes about five minutes to make; reuse it). The file is copied, so it is not changed.

Figures, each beside what raw sqlite3 does in the same run:
- open: open_database (schema check, start-up integrity check when due) on the second start;
- window shown: MainWindow built and shown, the page in front read and painted;
- Enter to settled: form.save() on the signing form until the event loop is idle (rules, insert,
  audit, commit, the record placed in the open table, status line, charts when open), median and
  95th percentile; the floor is one INSERT of the same row and commit, then one cell read back.
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
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))


PROFILE = None  # a cProfile.Profile to profile the saves (QDGUI_BENCH_PROFILE=FILE)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000, help="signings and demolitions each")
    parser.add_argument("--database", type=Path, help="a file bigdata.py made (copied, not changed)")
    parser.add_argument("--saves", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "city.sqlite"
        if args.database:
            if not args.database.is_file():
                parser.error(f"no such file: {args.database}")
            shutil.copy(args.database, path)
        else:
            import bigdata

            bigdata.fill(path, args.records)
        run(path, folder, args.saves)


def run(path: Path, folder: Path, saves: int) -> None:
    from qdgui import i18n

    i18n.set_language("zh_CN")
    from qdgui.views.launch import make_application

    app = make_application("zh_CN")
    from sqlalchemy import func, select
    from window import signing_saves

    from qdgui.config import DeviceSettings
    from qdgui.drafts import DraftStore
    from qdgui.models.migrate import open_database
    from qdgui.models.tables import Project, Signing
    from qdgui.views.main_window import MainWindow

    open_database(path)[0].close()  # the first start: upgrades and the first check, as a real first start does
    start = time.perf_counter()
    database, _ = open_database(path)
    opened = time.perf_counter() - start
    with database.sessions() as s:
        records = s.scalar(select(func.count()).select_from(Signing))
        project = s.scalar(select(Project.uuid).where(Project.district_code == "370212").limit(1))
    settings = DeviceSettings(device_id="bench", operator="王丽", district_code="370212", street_code="370212001")
    start = time.perf_counter()
    window = MainWindow(database, settings, drafts=DraftStore(folder / "drafts", database.identity))
    window.resize(1366, 740)
    window.show()
    app.processEvents()
    shown = time.perf_counter() - start
    deadline = time.monotonic() + 60  # the charts are built once the window is idle (before any save here)
    while window._dashboard is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    settled = signing_saves(app, window, project, saves, profile=PROFILE)
    window.close()
    database.close()

    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("PRAGMA synchronous = FULL")
    floor_save = []
    for _ in range(saves):
        key = str(uuid.uuid4())
        start = time.perf_counter()
        raw.execute("BEGIN IMMEDIATE")
        raw.execute(
            "INSERT INTO signing (uuid, created_at, updated_at, operator, device, version, deleted, clock, project_uuid,"
            " district_code, street_code, signed_on, households, houses) VALUES (?,?,?,?,?,1,0,'{}',?,?,?,?,3,3)",
            (key, "2026-11-21", "2026-11-21", "b", "b", project, "370212", "370212001", "2026-11-20"),
        )
        raw.execute("COMMIT")
        raw.execute("SELECT households FROM signing WHERE uuid = ?", (key,)).fetchone()
        floor_save.append((time.perf_counter() - start) * 1000)
    start = time.perf_counter()
    raw.execute("SELECT count(*) FROM signing WHERE deleted = 0").fetchone()
    raw.execute("SELECT rowid FROM signing WHERE deleted = 0 ORDER BY signed_on DESC, uuid DESC LIMIT 200").fetchall()
    floor_page = time.perf_counter() - start
    raw.close()

    def p95(values):
        return sorted(values)[max(0, int(len(values) * 0.95) - 1)]

    print(f"{records:,} signings (and as many demolitions) in {path.stat().st_size / 2**20:,.0f} MiB")
    print(f"{'measure':<44} {'qdgui':>10} {'floor':>10}   floor is")
    print(f"{'open the database (second start), s':<44} {opened:>10.2f} {'-':>10}")
    print(f"{'window built and shown, s':<44} {shown:>10.2f} {floor_page:>10.3f}   count(*) + first page LIMIT 200")
    print(
        f"{'Enter to settled window, median ms':<44} {statistics.median(settled):>10.1f}"
        f" {statistics.median(floor_save):>10.1f}   INSERT + COMMIT (FULL) + 1 cell read"
    )
    print(f"{'Enter to settled window, p95 ms':<44} {p95(settled):>10.1f} {p95(floor_save):>10.1f}")


if __name__ == "__main__":
    if os.environ.get("QDGUI_BENCH_PROFILE"):
        import cProfile

        PROFILE = cProfile.Profile()
        main()
        PROFILE.dump_stats(os.environ["QDGUI_BENCH_PROFILE"])
    else:
        main()
