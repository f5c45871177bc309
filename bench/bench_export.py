"""Excel export of 100,000 records per kind: the ledger and the weekly report, beside raw writers.

    .venv/bin/python bench/bench_export.py [--records 100000]

Floors, measured in the same run on the same cells: XlsxWriter in constant_memory mode writing
values already in memory with its typed write methods (the fastest writer measured), and openpyxl's
write_only mode for comparison. qdgui's figure includes reading the rows from SQLite.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bigdata  # noqa: E402
import openpyxl  # noqa: E402
import xlsxwriter  # noqa: E402

from qdgui import i18n  # noqa: E402
from qdgui.excel import ledger, weekly  # noqa: E402
from qdgui.models import progress  # noqa: E402
from qdgui.models.migrate import open_database  # noqa: E402


def best(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def sheets_in_memory(path: Path) -> list[tuple[str, list[list]]]:
    """The cells of a written workbook, typed as qdgui wrote them (str, float, date), for the floors."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    return [(name, book.get_sheet_by_name(name).to_python()) for name in book.sheet_names]


def raw_xlsxwriter(sheets, out: Path) -> None:
    book = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    date_format = book.add_format({"num_format": "yyyy-mm-dd"})
    for name, rows in sheets:
        sheet = book.add_worksheet(name)
        write_string, write_number, write_datetime = sheet.write_string, sheet.write_number, sheet.write_datetime
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value == "":
                    continue
                if isinstance(value, str):
                    write_string(r, c, value)
                elif isinstance(value, date):
                    write_datetime(r, c, value, date_format)
                else:
                    write_number(r, c, value)
    book.close()


def raw_openpyxl(sheets, out: Path) -> None:
    book = openpyxl.Workbook(write_only=True)
    for name, rows in sheets:
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append([None if v == "" else v for v in row])
    book.save(out)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    i18n.set_language("zh_CN")
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        path = folder / "bench.sqlite"
        bigdata.fill(path, args.records)
        database, _ = open_database(path)
        out = folder / "ledger.xlsx"
        with database.sessions() as s:
            counts = ledger.write_ledger(s, out)
        cells = sheets_in_memory(out)
        n_cells = sum(1 for _, rows in cells for row in rows for v in row if v != "")
        rows_total = sum(counts.values())

        def qdgui_ledger():
            with database.sessions() as s:
                ledger.write_ledger(s, folder / "q.xlsx")

        results = [
            (
                f"ledger: {rows_total:,} records, {n_cells / 1e6:.1f} M cells",
                best(qdgui_ledger, args.runs),
                best(lambda: raw_xlsxwriter(cells, folder / "raw.xlsx"), args.runs),
                best(lambda: raw_openpyxl(cells, folder / "opx.xlsx"), 1),
            ),
        ]
        week = progress.iso_week(2026, 47)
        report_file = folder / "weekly.xlsx"
        for scope, label in ((None, "city, per district"), ("370212", "Laoshan, per street")):
            with database.sessions() as s:
                weekly.export_weekly(s, report_file, week=week, scope=scope)
            report_cells = sheets_in_memory(report_file)

            def qdgui_weekly(scope=scope):
                with database.sessions() as s:
                    weekly.export_weekly(s, folder / "w.xlsx", week=week, scope=scope)

            def aggregates_only(scope=scope):
                with database.sessions() as s:
                    weekly.build_report(s, week=week, scope=scope)

            results.append(
                (
                    f"weekly report ({label})",
                    best(qdgui_weekly, args.runs),
                    best(lambda c=report_cells: raw_xlsxwriter(c, folder / "raw-w.xlsx"), args.runs),
                    best(lambda c=report_cells: raw_openpyxl(c, folder / "opx-w.xlsx"), args.runs),
                )
            )
            results.append((f"  of which the aggregates ({label})", best(aggregates_only, args.runs), None, None))
        database.close()

    print(f"{'measure':<46} {'qdgui s':>9} {'XlsxWriter s':>13} {'ratio':>6} {'openpyxl wo s':>14}")
    for label, ours, floor, other in results:
        ratio = f"{ours / floor:.2f}" if floor else ""
        floor_text = f"{floor:.3f}" if floor else ""
        other_text = f"{other:.3f}" if other else ""
        print(f"{label:<46} {ours:>9.3f} {floor_text:>13} {ratio:>6} {other_text:>14}")


if __name__ == "__main__":
    main()
