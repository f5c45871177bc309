"""The weekly report (周报) for the command office: the dashboard's figures, laid out to print."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import xlsxwriter
from sqlalchemy import select
from sqlalchemy.orm import Session

import qdgui
from qdgui.excel import photo_sheet
from qdgui.excel.files import atomic_target, looks_like_formula, sheet_name
from qdgui.i18n import QT_TRANSLATE_NOOP, translate
from qdgui.models import progress as agg
from qdgui.models import standing, vocab
from qdgui.models.tables import Division, Meta
from qdgui.work import ProgressCallback, no_progress

# The parks counted together on the summary sheet (greenways are km, corridors and greening sites
# are counted on their own).
PARKS_COUNTED = ("park_hill", "park_comprehensive", "park_pocket", "park_community")
PARKS_TOTAL = "parks_total"

# At most four measures a sheet, so that one A4 landscape page stays readable.
SHEETS = (
    (QT_TRANSLATE_NOOP("Excel", "Summary"), ("signed_households", "demolition_count", "demolition_area", PARKS_TOTAL)),
    (
        QT_TRANSLATE_NOOP("Excel", "Relocation signings"),
        ("signed_households", "signed_houses", "signed_area", "vacated_land"),
    ),
    (QT_TRANSLATE_NOOP("Excel", "Illegal buildings"), ("demolition_count", "demolition_area")),
    (QT_TRANSLATE_NOOP("Excel", "Parks"), PARKS_COUNTED),
    (
        QT_TRANSLATE_NOOP("Excel", "Corridors, greening and greenways"),
        ("park_corridor", "park_vertical", "park_greenway"),
    ),
)
COLUMNS = (
    QT_TRANSLATE_NOOP("Excel", "This week"),
    QT_TRANSLATE_NOOP("Excel", "Year to date"),
    QT_TRANSLATE_NOOP("Excel", "Annual target"),
    QT_TRANSLATE_NOOP("Excel", "Completion rate"),
)


AREA_MEASURES = ("signed_area", "demolition_area")
AREA_UNITS = ("wan_m2", "m2")  # 万平方米, as the command office writes areas; or square metres
WAN = Decimal(10_000)


def known_area_unit(unit: str | None) -> str:
    """The unit as given if it is one of AREA_UNITS, else 万平方米 (a settings file edited by hand)."""
    return unit if unit in AREA_UNITS else "wan_m2"


def measure_header(measure: str, area_unit: str = "m2") -> str:
    """A group header with its unit, as the office writes it: 签约面积（万平方米）."""
    if measure == PARKS_TOTAL:
        return translate("Excel", "Parks completed (hill, comprehensive, pocket, community) (parks)")
    unit = vocab.unit_label(measure)
    if measure in AREA_MEASURES and area_unit == "wan_m2":
        unit = translate("Units", "10,000 m2")
    return translate("Excel", "{label} ({unit})").format(label=vocab.label(vocab.MEASURES, measure), unit=unit)


def _scale(measure: str, area_unit: str) -> Decimal:
    """What a measure's figures are divided by in the report's cells."""
    return WAN if measure in AREA_MEASURES and area_unit == "wan_m2" else Decimal(1)


@dataclass(frozen=True)
class ReportSheet:
    title: str
    measures: tuple[str, ...]
    rows: tuple[tuple[str, str, tuple[agg.Progress, ...]], ...]  # (code, name, one Progress per measure)
    totals: tuple[agg.Progress, ...]
    ranked: bool = False  # the ranking sheet: per measure, the units ordered by completion rate

    def ranked_by(self, i: int) -> list[tuple[int | None, str, agg.Progress]]:
        """(rank, unit name, figures) by the i-th measure's completion rate; no rank without a target."""
        return standing.ranked([(name, row[i]) for _, name, row in self.rows])


@dataclass(frozen=True)
class Signers:
    """What a Chinese statistical return carries besides its figures: 表号 and 制表机关 at the top right,
    and at the foot the people who answer for the figures and the day it was reported."""

    form_no: str = ""
    authority: str = ""
    unit_head: str = ""
    stats_head: str = ""
    filled_by: str = ""
    phone: str = ""
    reported_on: date | None = None

    def header_lines(self) -> list[str]:
        lines = []
        if self.form_no:
            lines.append(translate("Excel", "Form no.: {text}").format(text=self.form_no))
        if self.authority:
            lines.append(translate("Excel", "Issued by: {text}").format(text=self.authority))
        return lines

    def footer(self) -> str:
        blank = "________"
        parts = (
            translate("Excel", "Head of unit: {name}").format(name=self.unit_head or blank),
            translate("Excel", "Head of statistics: {name}").format(name=self.stats_head or blank),
            translate("Excel", "Filled in by: {name}").format(name=self.filled_by or blank),
            translate("Excel", "Telephone: {number}").format(number=self.phone or blank),
            translate("Excel", "Reported on: {day}").format(
                day=_full_day(self.reported_on) if self.reported_on else blank
            ),
        )
        return "    ".join(parts)


@dataclass(frozen=True)
class WeeklyReport:
    scope: str | None
    scope_name: str
    week: agg.Week
    title: str
    subtitle: str
    unit_header: str
    sheets: tuple[ReportSheet, ...]
    notes: tuple[str, ...]
    signers: Signers = Signers()
    elapsed: float = 0.0  # the share of the year gone by the week's end
    area_unit: str = "wan_m2"  # AREA_UNITS
    photos: tuple | None = None  # the photo sheet's rows (excel/photo_sheet.py), when asked for


year_elapsed = agg.year_elapsed


def _day(day: date) -> str:
    return translate("Excel", "{month}/{day}").format(month=day.month, day=day.day)


def _full_day(day: date) -> str:
    return translate("Excel", "{month}/{day}/{year}").format(year=day.year, month=day.month, day=day.day)


def default_file_name(scope_name: str, week: agg.Week) -> str:
    year, number = week.iso
    return translate("Excel", "Weekly report {scope} {year}-W{number:02d}.xlsx").format(
        scope=scope_name, year=year, number=number
    )


def report_title(scope_name: str, week: agg.Week) -> str:
    """ "市南区城市更新和城市建设攻坚行动周报（2026年第47周：11月16日至11月22日）"."""
    year, number = week.iso
    return translate(
        "Excel",
        "{scope} urban renewal and urban construction campaign weekly report "
        "(week {number} of {year}: {start} to {end})",
    ).format(scope=scope_name, number=number, year=year, start=_day(week.start), end=_day(week.end))


def scope_name(session: Session, scope: str | None) -> str:
    if scope is None:
        return translate("Excel", "Qingdao")
    return session.scalar(select(Division.name).where(Division.code == scope)) or scope


def _summed(rows: list[agg.Progress], code: str, name: str) -> agg.Progress:
    targets = [r.target for r in rows if r.target is not None]
    return agg.Progress(
        code,
        name,
        PARKS_TOTAL,
        sum((r.week for r in rows), Decimal(0)),
        sum((r.year_to_date for r in rows), Decimal(0)),
        sum(targets, Decimal(0)) if targets else None,
    )


def build_report(
    session: Session,
    *,
    week: agg.Week,
    scope: str | None,
    made_on: date | None = None,
    signers: Signers | None = None,
    area_unit: str = "wan_m2",
    photos: bool = False,
) -> WeeklyReport:
    """The report's content from `progress.progress()`, the figures the dashboard shows (areas
    written in 万平方米 unless area_unit is "m2"; the figures themselves stay in ㎡). photos: add a
    sheet of the week's finished cases and completed parks with their photos."""
    if area_unit not in AREA_UNITS:
        raise ValueError(area_unit)
    year = week.end.year
    measures = tuple(dict.fromkeys(m for _, ms in SHEETS for m in ms if m != PARKS_TOTAL))
    measures += tuple(m for m in PARKS_COUNTED if m not in measures)
    found = agg.progress(session, year=year, week=week, scope=scope, measures=measures)
    units, unit_column = agg.report_units(session, scope)
    by_key = {(p.code, p.measure): p for p in found}
    for code, name in units:
        by_key[(code, PARKS_TOTAL)] = _summed([by_key[(code, m)] for m in PARKS_COUNTED], code, name)
    sums = agg.totals(found)
    if unit_column == "street_code" and scope is not None and len(scope) == 6:
        # A district's total is measured against the district's own target where it has one.
        for measure in measures:
            own = agg.targets_by_unit(session, measure, year=year, scope=scope, unit_column="district_code").get(scope)
            if own is not None:
                sums[measure] = replace(sums[measure], target=own)
    sums[PARKS_TOTAL] = _summed([sums[m] for m in PARKS_COUNTED], "", "")
    sheets = tuple(
        ReportSheet(
            translate("Excel", title),
            sheet_measures,
            tuple((code, name, tuple(by_key[(code, m)] for m in sheet_measures)) for code, name in units),
            tuple(sums[m] for m in sheet_measures),
        )
        for title, sheet_measures in SHEETS
    )
    name = scope_name(session, scope)
    made_on = made_on or date.today()
    elapsed = year_elapsed(week.end)
    subtitle = translate(
        "Excel",
        "Reporting unit: {scope}    Period: {start} to {end}    Year to date: 1 January to {end}    "
        "Time elapsed: {elapsed:.1%}    Made on: {made}",
    ).format(scope=name, start=_full_day(week.start), end=_full_day(week.end), elapsed=elapsed, made=_full_day(made_on))
    unit_header = (
        translate("Excel", "District") if unit_column == "district_code" else translate("Excel", "Street/town")
    )
    database_id = session.scalar(select(Meta.value).where(Meta.key == "database_id")) or ""
    notes = (
        translate(
            "Excel",
            'Notes: completion rate = year to date / annual target; "-" where no target has been '
            "set; a rate in red is behind the time elapsed. Demolitions count cases demolished or "
            "rectified, by the date done; parks count those completed, by the completion date.",
        ),
        translate("Excel", "Made with qdgui {version} from database {database}.").format(
            version=qdgui.__version__, database=database_id[:8]
        ),
    )
    signers = signers or Signers()
    if signers.reported_on is None:
        signers = replace(signers, reported_on=made_on)
    sheets += (ranking(sheets[0], unit_header),)
    photo_rows = tuple(photo_sheet.week_rows(session, week=week, scope=scope)) if photos else None
    return WeeklyReport(
        scope,
        name,
        week,
        report_title(name, week),
        subtitle,
        unit_header,
        sheets,
        notes,
        signers,
        elapsed,
        area_unit,
        photo_rows,
    )


RANKING = QT_TRANSLATE_NOOP("Excel", "Ranking")


def ranking(summary: ReportSheet, unit_header: str) -> ReportSheet:
    """The units by completion rate of each summary measure, best first (those without a target last):
    the league table the dashboard shares."""
    return ReportSheet(translate("Excel", RANKING), summary.measures, summary.rows, summary.totals, ranked=True)


class _Formats:
    def __init__(self, book: xlsxwriter.Workbook):
        self._book = book
        self._specs: dict[int, dict] = {}
        self._quoted: dict[int, object] = {}
        original = book.add_format

        def add_format(spec):  # remember each format's properties, to make its quoted twin on demand
            made = original(spec)
            self._specs[id(made)] = dict(spec)
            return made

        book.add_format = add_format  # type: ignore[method-assign]
        self._build()
        book.add_format = original  # type: ignore[method-assign]

    def text(self, value: str, fmt):
        """The format to write this text with: the same one with Excel's quote prefix when the text
        would read as a formula (a user-named street "=…", "+…"), so it stays text if edited."""
        if not looks_like_formula(value):
            return fmt
        key = id(fmt)
        if key not in self._quoted:
            self._quoted[key] = self._book.add_format({**self._specs[key], "quote_prefix": True})
        return self._quoted[key]

    def _build(self) -> None:
        book = self._book
        font = {"font_name": "SimSun", "font_size": 10}
        cell = {**font, "border": 1, "valign": "vcenter"}
        self.title = book.add_format(
            {**font, "font_name": "SimHei", "font_size": 16, "bold": True, "align": "center", "valign": "vcenter"}
        )
        self.subtitle = book.add_format({**font, "align": "left", "valign": "vcenter"})
        self.header = book.add_format(
            {**cell, "font_name": "SimHei", "bold": True, "align": "center", "text_wrap": True, "bg_color": "#DDE7F3"}
        )
        self.name = book.add_format({**cell, "align": "left"})
        self.index = book.add_format({**cell, "align": "center"})
        self.numbers = {
            p: book.add_format({**cell, "num_format": "#,##0" if p == 0 else "#,##0." + "0" * p}) for p in (0, 2, 3)
        }
        self.rate = book.add_format({**cell, "num_format": "0.0%", "align": "right"})
        self.rate_behind = book.add_format({**cell, "num_format": "0.0%", "align": "right", "font_color": "#C00000"})
        self.total_rate_behind = book.add_format(
            {**cell, "bold": True, "bg_color": "#F2F2F2", "num_format": "0.0%", "font_color": "#C00000"}
        )
        self.no_rate = book.add_format({**cell, "align": "center"})
        self.total_name = book.add_format({**cell, "bold": True, "align": "center", "bg_color": "#F2F2F2"})
        self.total_numbers = {
            p: book.add_format(
                {**cell, "bold": True, "bg_color": "#F2F2F2", "num_format": "#,##0" if p == 0 else "#,##0." + "0" * p}
            )
            for p in (0, 2, 3)
        }
        self.total_rate = book.add_format({**cell, "bold": True, "bg_color": "#F2F2F2", "num_format": "0.0%"})
        self.total_no_rate = book.add_format({**cell, "bold": True, "bg_color": "#F2F2F2", "align": "center"})
        self.note = book.add_format({**font, "font_size": 9, "text_wrap": True, "valign": "top"})
        self.behind_text = book.add_format({**cell, "align": "center", "font_color": "#C00000"})
        self.points = book.add_format({**cell, "num_format": "+0.0;-0.0;0.0", "align": "right"})
        self.form_box = book.add_format(
            {**font, "font_size": 9, "align": "right", "valign": "vcenter", "text_wrap": True}
        )
        self.signers = book.add_format({**font, "font_size": 11, "align": "left", "valign": "vcenter"})


HEADER_ROWS = (2, 3)  # group headers, then this week / year to date / target / rate
FIRST_DATA_ROW = 4


def _write_figures(
    sheet,
    r: int,
    row: tuple[agg.Progress, ...],
    measures,
    numbers,
    rate,
    no_rate,
    behind=None,
    elapsed=0.0,
    area_unit="m2",
) -> None:
    for i, (measure, figures) in enumerate(zip(measures, row)):
        c = 2 + 4 * i
        number_format = numbers[0 if measure == PARKS_TOTAL else agg.measure_places(measure)]
        scale = _scale(measure, area_unit)  # 万平方米: the cell holds the exact quotient, shown to 0.01
        sheet.write_number(r, c, float(figures.week / scale), number_format)
        sheet.write_number(r, c + 1, float(figures.year_to_date / scale), number_format)
        if figures.target is None:
            sheet.write_string(r, c + 2, "—", no_rate)
            sheet.write_string(r, c + 3, "—", no_rate)
        else:
            sheet.write_number(r, c + 2, float(figures.target / scale), number_format)
            late = behind is not None and float(figures.rate) < elapsed
            sheet.write_number(r, c + 3, float(figures.rate), behind if late else rate)


def write_report(report: WeeklyReport, path: Path, *, progress: ProgressCallback = no_progress) -> None:
    """Write the report workbook to `path`, replaced in one step."""
    with atomic_target(path) as temp:
        # Not constant_memory: the headers are merged across rows, and the report is small.
        book = xlsxwriter.Workbook(str(temp), {"strings_to_formulas": False, "strings_to_urls": False})
        try:
            book.set_properties({"title": report.title, "author": "qdgui", "comments": report.subtitle})
            formats = _Formats(book)
            taken: set[str] = set()
            for n, content in enumerate(report.sheets):
                write = _write_ranking if content.ranked else _write_sheet
                write(book.add_worksheet(sheet_name(content.title, taken)), report, content, formats)
                progress(n + 1, len(report.sheets))
            if report.photos is not None:
                photo_sheet.write_photo_sheet(
                    book.add_worksheet(sheet_name(translate("Excel", photo_sheet.TITLE), taken)),
                    book,
                    title=translate("Excel", "{title}: photos of the week's finished work").format(title=report.title),
                    subtitle=report.subtitle,
                    rows=list(report.photos),
                )
        finally:
            book.close()


def _write_sheet(sheet, report: WeeklyReport, content: ReportSheet, formats: _Formats) -> None:
    last_column = 1 + 4 * len(content.measures)
    header = report.signers.header_lines()
    if header:  # 表号 and 制表机关 at the top right, the title beside them
        box = "\n".join(header)
        sheet.merge_range(0, 0, 0, last_column - 3, report.title, formats.text(report.title, formats.title))
        sheet.merge_range(0, last_column - 2, 0, last_column, box, formats.text(box, formats.form_box))
    else:
        sheet.merge_range(0, 0, 0, last_column, report.title, formats.text(report.title, formats.title))
    sheet.set_row(0, 36)
    sheet.merge_range(1, 0, 1, last_column, report.subtitle, formats.text(report.subtitle, formats.subtitle))
    sheet.set_row(1, 20)
    group_row, column_row = HEADER_ROWS
    sheet.merge_range(group_row, 0, column_row, 0, translate("Excel", "No."), formats.header)
    sheet.merge_range(group_row, 1, column_row, 1, report.unit_header, formats.text(report.unit_header, formats.header))
    for i, measure in enumerate(content.measures):
        c = 2 + 4 * i
        header = measure_header(measure, report.area_unit)
        sheet.merge_range(group_row, c, group_row, c + 3, header, formats.header)
        for j, label in enumerate(COLUMNS):
            sheet.write_string(column_row, c + j, translate("Excel", label), formats.header)
    sheet.set_row(group_row, 32)
    sheet.set_row(column_row, 20)
    r = FIRST_DATA_ROW
    for number, (_, name, row) in enumerate(content.rows, start=1):
        sheet.write_number(r, 0, number, formats.index)
        sheet.write_string(r, 1, name, formats.text(name, formats.name))
        _write_figures(
            sheet,
            r,
            row,
            content.measures,
            formats.numbers,
            formats.rate,
            formats.no_rate,
            formats.rate_behind,
            report.elapsed,
            report.area_unit,
        )
        r += 1
    sheet.write_string(r, 0, "", formats.total_name)
    sheet.write_string(r, 1, translate("Excel", "Total"), formats.total_name)
    _write_figures(
        sheet,
        r,
        content.totals,
        content.measures,
        formats.total_numbers,
        formats.total_rate,
        formats.total_no_rate,
        formats.total_rate_behind,
        report.elapsed,
        report.area_unit,
    )
    r += 1
    signed = report.signers.footer()
    sheet.merge_range(r, 0, r, last_column, signed, formats.text(signed, formats.signers))
    sheet.set_row(r, 30)
    for note in report.notes:
        r += 1
        sheet.merge_range(r, 0, r, last_column, note, formats.text(note, formats.note))
        sheet.set_row(r, 28)
    sheet.set_column(0, 0, 5)
    sheet.set_column(1, 1, 14)
    sheet.set_column(2, last_column, 10.5)
    sheet.freeze_panes(FIRST_DATA_ROW, 2)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)  # one page wide, as many tall as it takes
    sheet.repeat_rows(0, column_row)
    sheet.center_horizontally()
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    sheet.set_footer("&C" + translate("Excel", "Page &P of &N"))
    sheet.print_area(0, 0, r, last_column)


def export_weekly(
    session: Session,
    path: Path,
    *,
    week: agg.Week,
    scope: str | None,
    made_on: date | None = None,
    signers: Signers | None = None,
    progress: ProgressCallback = no_progress,
    area_unit: str = "wan_m2",
    photos: bool = False,
) -> WeeklyReport:
    report = build_report(
        session, week=week, scope=scope, made_on=made_on, signers=signers, area_unit=area_unit, photos=photos
    )
    write_report(report, path, progress=progress)
    return report


RANK_COLUMNS = (
    QT_TRANSLATE_NOOP("Excel", "Rank"),
    QT_TRANSLATE_NOOP("Excel", "Unit"),
    QT_TRANSLATE_NOOP("Excel", "Completion rate"),
    QT_TRANSLATE_NOOP("Excel", "Change from last week (points)"),
    QT_TRANSLATE_NOOP("Excel", "Both halves"),  # 双过半: from mid-year, half the task done with half the time gone
)
HALF = 0.5
BLOCK = len(RANK_COLUMNS)


def change_from_last_week(figures: agg.Progress, week: agg.Week) -> float | None:
    """The completion rate's change from last week's, in percentage points: this week's work over
    the target (None without a target, or for a week that began last year)."""
    if figures.target is None or not figures.target or week.start.year != week.end.year:
        return None
    return float(figures.week / figures.target * 100)


def both_halves(figures: agg.Progress, elapsed: float) -> bool | None:
    """双过半 (时间过半、任务过半): once half the year has gone, whether half the target is done;
    None before mid-year or without a target."""
    if elapsed < HALF or figures.rate is None:
        return None
    return figures.rate >= Decimal("0.5")


def _write_ranking(sheet, report: WeeklyReport, content: ReportSheet, formats: _Formats) -> None:
    """One block a measure: rank, unit, completion rate, best first; red where behind the time elapsed."""
    last_column = BLOCK * len(content.measures) - 1
    sheet.merge_range(0, 0, 0, last_column, report.title, formats.text(report.title, formats.title))
    sheet.set_row(0, 36)
    sheet.merge_range(1, 0, 1, last_column, report.subtitle, formats.text(report.subtitle, formats.subtitle))
    sheet.set_row(1, 20)
    group_row, column_row = HEADER_ROWS
    longest = 0
    for i, measure in enumerate(content.measures):
        c = BLOCK * i
        header = measure_header(measure, report.area_unit)
        sheet.merge_range(group_row, c, group_row, c + BLOCK - 1, header, formats.header)
        for j, label in enumerate(RANK_COLUMNS):
            text = report.unit_header if j == 1 else translate("Excel", label)
            sheet.write_string(column_row, c + j, text, formats.text(text, formats.header))
        ranked = content.ranked_by(i)
        longest = max(longest, len(ranked))
        for r, (rank, name, figures) in enumerate(ranked, start=FIRST_DATA_ROW):
            if rank is None:
                sheet.write_string(r, c, "—", formats.no_rate)
            else:
                sheet.write_number(r, c, rank, formats.index)
            sheet.write_string(r, c + 1, name, formats.text(name, formats.name))
            if figures.rate is None:
                sheet.write_string(r, c + 2, "—", formats.no_rate)
            else:
                late = float(figures.rate) < report.elapsed
                sheet.write_number(r, c + 2, float(figures.rate), formats.rate_behind if late else formats.rate)
            change = change_from_last_week(figures, report.week)
            if change is None:
                sheet.write_string(r, c + 3, "—", formats.no_rate)
            else:
                sheet.write_number(r, c + 3, change, formats.points)
            halves = both_halves(figures, report.elapsed)
            if halves is None:
                sheet.write_string(r, c + 4, "—", formats.no_rate)
            else:
                words = translate("Excel", "Met") if halves else translate("Excel", "Not met")
                sheet.write_string(r, c + 4, words, formats.no_rate if halves else formats.behind_text)
        sheet.set_column(c, c, 5)
        sheet.set_column(c + 1, c + 1, 13)
        sheet.set_column(c + 2, c + 2, 9)
        sheet.set_column(c + 3, c + 3, 9)
        sheet.set_column(c + 4, c + 4, 7)
    sheet.set_row(group_row, 32)
    sheet.set_row(column_row, 20)
    r = FIRST_DATA_ROW + longest
    note = translate("Excel", "Ranked by completion rate; a rate in red is behind the time elapsed ({elapsed:.1%}).")
    note = note.format(elapsed=report.elapsed)
    if report.elapsed >= HALF:
        note += translate(
            "Excel", " Both halves (双过半): with half the year gone, half the annual target done (rate at least 50%)."
        )
    sheet.merge_range(r, 0, r, last_column, note, formats.note)
    sheet.set_row(r, 28)
    sheet.freeze_panes(FIRST_DATA_ROW, 0)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0, column_row)
    sheet.center_horizontally()
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    sheet.set_footer("&C" + translate("Excel", "Page &P of &N"))
    sheet.print_area(0, 0, r, last_column)


def parse_week(text: str, *, ends_on: int = 6) -> agg.Week:
    """'2026-W47' (ISO week) or a date inside the week ('2026-11-18'); ValueError with the user's words."""
    value = (text or "").strip().upper()
    try:
        if "-W" in value:
            year, number = value.split("-W", 1)
            return agg.iso_week(int(year), int(number), ends_on=ends_on)
        return agg.week_containing(date.fromisoformat(value), ends_on=ends_on)
    except ValueError:
        raise ValueError(
            translate(
                "Excel",
                "'{text}' is not a week: write it as 2026-W47, or as a date inside the week such as 2026-11-18.",
            ).format(text=text)
        ) from None
