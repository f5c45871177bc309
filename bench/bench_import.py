"""Importing a 100,000-row ledger (merge into an empty database), beside the floor, in the same run.

    .venv/bin/python bench/bench_import.py [--records 100000] [--sheet-rows 5000] [--openpyxl]

Floor: the fastest reader (python-calamine, in this process, no checks) reading the same file, plus
inserting the same rows with one sqlite3 `executemany` into the same table of an empty database,
with the same page cache as qdgui's merge (64 MiB; SQLite's default 2 MiB is printed beside it).
qdgui's figure is the whole import as the window and the command line run it: checks before
parsing (zip sizes, DTDs, real extent), calamine in a child process, merge by UUID and version
clock, import batch and undo snapshots, backup, one transaction.
A hand-kept sheet goes through the forms' rules row by row; it is timed separately.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bigdata  # noqa: E402
import xlsxwriter  # noqa: E402
from sqlalchemy import text as sql_text  # noqa: E402

from qdgui import i18n  # noqa: E402
from qdgui.excel import importer, ledger  # noqa: E402
from qdgui.excel.sheet_import import Defaults  # noqa: E402
from qdgui.excel.workbook import check_file  # noqa: E402
from qdgui.models import database as database_module  # noqa: E402
from qdgui.models.migrate import open_database  # noqa: E402
from qdgui.models.records import Operator  # noqa: E402

TODAY = date(2026, 11, 21)
BY = Operator("bench", "supervisor")


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def floor(path: Path, folder: Path) -> tuple[float, float, float, int]:
    """calamine in-process + executemany of the signing rows into an empty database."""
    from python_calamine import CalamineWorkbook

    def read():
        book = CalamineWorkbook.from_path(str(path))
        return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}

    read_s, sheets = timed(read)
    database, _ = open_database(folder / "floor.sqlite")
    database.close()
    signing = sheets[[n for n in sheets if n.startswith("征迁")][0]]
    keys = {c.key: i for i, c in enumerate(ledger.COLUMNS["signing"])}
    wanted = (
        "uuid",
        "created_at",
        "updated_at",
        "operator",
        "device",
        "version",
        "deleted",
        "project_uuid",
        "district_code",
        "street_code",
        "signed_on",
        "households",
        "houses",
        "area_m2",
        "agreement_no",
    )
    rows = [tuple(r[keys[k]] if k not in ("deleted",) else 0 for k in wanted) for r in signing[1:]]
    rows = [r[:10] + (str(r[10]), int(r[11]), int(r[12]), int(round(r[13] * 100)), r[14]) for r in rows]
    shutil.copyfile(folder / "floor.sqlite", folder / "floor-cache.sqlite")
    times = []
    for name, cache in (("floor.sqlite", None), ("floor-cache.sqlite", database_module.BULK_CACHE_KIB)):
        connection = sqlite3.connect(folder / name)
        connection.execute("PRAGMA foreign_keys = OFF")
        if cache is not None:  # the page cache qdgui's merge uses (models/database.bulk_write)
            connection.execute(f"PRAGMA cache_size = -{cache}")

        def insert(connection=connection):
            with connection:
                connection.executemany(
                    f"INSERT INTO signing ({', '.join(wanted)}) VALUES ({', '.join('?' * len(wanted))})", rows
                )

        times.append(timed(insert)[0])
        connection.close()
    return read_s, times[0], times[1], len(rows)


def hand_kept_sheet(path: Path, n: int) -> Path:
    """A hand-kept demolition ledger of n rows: title, header with units, text dates, names."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("拆违台账")
    sheet.write(0, 0, "中韩街道违法建设治理台账")
    for c, text in enumerate(
        ("序号", "违建编号", "街道", "地址", "结构", "面积（平方米）", "处置方式", "状态", "发现日期", "拆除日期")
    ):
        sheet.write(1, c, text)
    for i in range(n):
        for c, value in enumerate(
            (
                i + 1,
                f"ZH-{i:06d}",
                "中韩街道",
                f"株洲路{i}号",
                "彩钢",
                f"{(i % 90) + 10}㎡",
                "拆除",
                "已拆除",
                f"2026年{i % 9 + 1}月{i % 27 + 1}日",
                f"2026.{i % 9 + 2}.{i % 27 + 1}",
            )
        ):
            sheet.write(i + 2, c, value)
    book.close()
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--sheet-rows", type=int, default=5_000)
    parser.add_argument("--openpyxl", action="store_true", help="also time openpyxl read_only on the ledger")
    args = parser.parse_args()
    i18n.set_language("zh_CN")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        source = folder / "source.sqlite"
        bigdata.fill(source, n=args.records)
        database, _ = open_database(source)
        path = folder / "return.xlsx"
        with database.sessions() as session:
            ledger.write_ledger(session, path, kinds=("project", "signing"))
            projects = session.execute(sql_text("SELECT count(*) FROM project")).scalar()
        database.close()
        size = path.stat().st_size / 2**20

        read_s, default_cache_s, insert_s, n = floor(path, folder)
        check_s, _ = timed(lambda: check_file(path))
        book_s, book = timed(lambda: importer.read(path))
        target, _ = open_database(folder / "supervisor.sqlite")
        merge_s, report = timed(lambda: importer.commit(target, book, importer.ImportOptions(), by=BY, today=TODAY))
        assert report.merged.counts["inserted"] == n + projects, report.merged.counts
        again_s, again = timed(
            lambda: importer.commit(target, importer.read(path), importer.ImportOptions(), by=BY, today=TODAY)
        )
        assert again.batch_id is None
        undo_s, undone = timed(lambda: importer.undo(target, report.batch_id, by=BY))
        target.close()
        openpyxl_s = None
        if args.openpyxl:
            import openpyxl

            def read_openpyxl():
                book = openpyxl.load_workbook(path, read_only=True)
                return [list(r) for ws in book.worksheets for r in ws.iter_rows(values_only=True)]

            openpyxl_s, _ = timed(read_openpyxl)

        sheet = hand_kept_sheet(folder / "hand.xlsx", args.sheet_rows)
        from python_calamine import CalamineWorkbook

        sheet_floor_s, _ = timed(lambda: CalamineWorkbook.from_path(str(sheet)).get_sheet_by_index(0).to_python())
        clerk_db, _ = open_database(folder / "clerk.sqlite")
        sheet_s, sheet_report = timed(
            lambda: importer.commit(
                clerk_db,
                importer.read(sheet),
                importer.ImportOptions(defaults=Defaults("370212", "370212001")),
                by=BY,
                today=TODAY,
            )
        )
        assert sheet_report.imported == args.sheet_rows, sheet_report.lines()[:5]
        clerk_db.close()

    floor_total = read_s + insert_s
    qdgui_total = book_s + merge_s
    print(f"ledger: {n:,} signings + {projects} projects, {size:.1f} MiB")
    print(f"{'step':<58}{'seconds':>9}{'x floor':>9}")
    print(f"{'floor: calamine read in-process (no checks)':<58}{read_s:>9.2f}")
    print(f"{'  sqlite3 executemany of the signing rows, 2 MiB cache':<58}{default_cache_s:>9.2f}")
    print(f"{'floor: the same with the 64 MiB page cache of the merge':<58}{insert_s:>9.2f}")
    print(f"{'floor total':<58}{floor_total:>9.2f}{1:>9.2f}")
    print(f"{'qdgui: checks before parsing (zip, DTD, extent)':<58}{check_s:>9.2f}")
    print(f"{'qdgui: read (checks + calamine in a child process)':<58}{book_s:>9.2f}{book_s / read_s:>9.2f}")
    print(f"{'qdgui: merge (clocks, batch, undo data, backup, commit)':<58}{merge_s:>9.2f}")
    print(f"{'qdgui import total':<58}{qdgui_total:>9.2f}{qdgui_total / floor_total:>9.2f}")
    print(f"{'qdgui: merging the same file again (no-op, incl. read)':<58}{again_s:>9.2f}")
    print(f"{'qdgui: undo of the whole batch':<58}{undo_s:>9.2f}")
    if openpyxl_s is not None:
        print(f"{'reference: openpyxl read_only read of the ledger':<58}{openpyxl_s:>9.2f}{openpyxl_s / read_s:>9.2f}")
    print(f"hand-kept sheet: {args.sheet_rows:,} rows through the forms' rules")
    print(f"{'floor: calamine read in-process':<58}{sheet_floor_s:>9.2f}{1:>9.2f}")
    print(
        f"{'qdgui: read, recognise, check every row, insert, commit':<58}{sheet_s:>9.2f}{sheet_s / sheet_floor_s:>9.1f}"
    )
    print(f"{'  per row (ms)':<58}{sheet_s / args.sheet_rows * 1000:>9.2f}")


if __name__ == "__main__":
    main()
