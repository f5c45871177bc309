"""The rejected rows of a sheet import, as they were, with what is wrong: a workbook for the sender."""

from __future__ import annotations

from datetime import date, datetime

from qdgui.excel.sheet_import import RowResult, SheetPlan, blank
from qdgui.i18n import translate


def rejected_rows(plans: list[SheetPlan]) -> list[tuple[SheetPlan, RowResult]]:
    return [(plan, row) for plan in plans for row in plan.rows if row.rejected]


def write_rejected(plans: list[SheetPlan], path) -> int:
    """The rejected rows, as they were, with a column saying what is wrong: for the sender to fix and
    send back. Returns the number of rows written."""
    import xlsxwriter

    from qdgui.excel.files import atomic_target, looks_like_formula, sheet_name

    written = 0
    with atomic_target(path) as temp:
        book = xlsxwriter.Workbook(
            str(temp), {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
        )
        try:
            header = book.add_format({"bold": True, "bg_color": "#DDE7F3", "border": 1, "text_wrap": True})
            error = book.add_format({"font_color": "#B00020", "text_wrap": True})
            day = book.add_format({"num_format": "yyyy-mm-dd"})
            quoted = book.add_format({"quote_prefix": True})
            taken: set[str] = set()
            for plan in plans:
                rows = [r for r in plan.rows if r.rejected]
                if not rows:
                    continue
                sheet = book.add_worksheet(sheet_name(plan.name, taken))
                width = max(len(plan.headers), max(len(r.cells) for r in rows))
                titles = (
                    [translate("Import", "Row in the original")]
                    + [plan.headers[c].text if c < len(plan.headers) else "" for c in range(width)]
                    + [translate("Import", "What is wrong")]
                )
                for c, text in enumerate(titles):
                    sheet.write_string(0, c, text, header)
                sheet.set_column(1, width, 14)
                sheet.set_column(width + 1, width + 1, 60)
                for r, row in enumerate(rows, start=1):
                    sheet.write_number(r, 0, row.row)
                    for c, value in enumerate(row.cells, start=1):
                        if blank(value):
                            continue
                        if isinstance(value, (datetime, date)):
                            sheet.write_datetime(
                                r,
                                c,
                                value if isinstance(value, datetime) else datetime(value.year, value.month, value.day),
                                day,
                            )
                        elif isinstance(value, (int, float)) and not isinstance(value, bool):
                            sheet.write_number(r, c, value)
                        else:
                            text = str(value)
                            sheet.write_string(r, c, text, quoted if looks_like_formula(text) else None)
                    message = "\n".join(i.describe() for i in row.issues if i.severity == "error")
                    sheet.write_string(r, width + 1, message, error)
                    written += 1
                sheet.freeze_panes(1, 0)
        finally:
            book.close()
    return written
