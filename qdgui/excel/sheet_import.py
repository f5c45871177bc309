"""Importing hand-kept sheets: rows to drafts, through the forms' rules, with every problem located."""

from __future__ import annotations

import re
from dataclasses import MISSING, dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import PurePath

from sqlalchemy.orm import Session
from xlsxwriter.utility import xl_col_to_name

from qdgui.excel import columns as cols
from qdgui.excel import context
from qdgui.excel.places import Places
from qdgui.excel.workbook import RawBook, RawSheet
from qdgui.i18n import translate
from qdgui.models import rules, vocab
from qdgui.models.bulk import BulkInserter
from qdgui.models.parse import ParseError, normalize, parse_decimal
from qdgui.models.records import (
    DemolitionDraft,
    Operator,
    ParkDraft,
    SigningDraft,
    TargetDraft,
    field_label,
)
from qdgui.work import ProgressCallback, no_progress

DRAFTS = {"signing": SigningDraft, "demolition": DemolitionDraft, "park": ParkDraft, "annual_target": TargetDraft}
TOTAL_WORDS = ("合计", "小计", "总计", "累计", "合 计", "总 计")
TOTAL_ENDINGS = ("合计", "小计", "总计")  # 王台一村小计
NOTE_STARTS = (
    "注",
    "说明",
    "备注：",
    "备注:",
    "填表人",
    "制表",
    "审核",
    "填报单位",
    "负责人",
    "单位负责人",
    "统计负责人",
    "联系人",
    "联系电话",
    "报出日期",
    "填报日期",
    "数据来源",
)
NUMERIC_FIELDS = set(cols.NUMERIC_UNITS)


@dataclass(frozen=True)
class Issue:
    """A problem found in a workbook, with where it is: sheet, Excel row number, column letter."""

    sheet: str
    row: int | None
    column: str | None
    header: str | None
    message: str
    severity: str = "error"  # error: the row is not imported; warning: imported, worth a look; note: skipped

    def describe(self) -> str:
        where = translate("Import", "Sheet {sheet}").format(sheet=self.sheet)
        if self.row is not None:
            where += translate("Import", ", row {row}").format(row=self.row)
        if self.column is not None:
            where += translate("Import", ", column {column}").format(column=self.column)
        if self.header:  # a header written on two lines reads as one
            where += translate("Import", " ({header})").format(header=" ".join(self.header.split()))
        return translate("Import", "{where}: {message}").format(where=where, message=self.message)


@dataclass
class RowResult:
    sheet: str
    row: int  # Excel row number (1-based)
    cells: list
    values: dict = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    uuid: str | None = None  # the record made from it (None: not imported)

    @property
    def rejected(self) -> bool:
        return any(i.severity == "error" for i in self.issues)


@dataclass
class SheetPlan:
    """How one sheet will be read: its header rows, kind and column mapping (the user may change them)."""

    sheet: RawSheet
    kind: str | None
    header_rows: tuple[int, ...]
    headers: list[cols.Header]
    mapping: dict[int, str]
    notes: list[Issue] = field(default_factory=list)
    rows: list[RowResult] = field(default_factory=list)
    skipped: list[Issue] = field(default_factory=list)
    table: int = 1  # the table's number on its sheet (a weekly sheet holds several)
    end_row: int | None = None  # 0-based, exclusive: where the next table's title starts
    preamble: list[tuple[int, str]] = field(default_factory=list)  # title lines above the header
    fills: dict[str, context.Fact] = field(default_factory=dict)  # field -> value for rows without one
    created: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, name, where) made by the import
    missing: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, name, where) not in the database
    measures: dict[int, str] = field(default_factory=dict)  # a wide target table: column -> measure
    months: dict[int, int] = field(default_factory=dict)  # a park sheet's progress by month: column -> month

    @property
    def name(self) -> str:
        return self.sheet.name

    @property
    def key(self) -> str:
        """How mappings and --set name this table: the sheet's name, with '#N' from its second table on."""
        return self.sheet.name if self.table == 1 else f"{self.sheet.name}#{self.table}"

    @property
    def label(self) -> str:
        if self.table == 1:
            return self.sheet.name
        return translate("Import", "{sheet}, table {n} (row {row})").format(
            sheet=self.sheet.name, n=self.table, row=self.header_rows[0] + 1
        )

    @property
    def data_rows(self) -> range:
        return range(self.header_rows[-1] + 1, len(self.sheet.rows) if self.end_row is None else self.end_row)

    def column_of(self, field_name: str) -> int | None:
        return next((c for c, f in self.mapping.items() if f == field_name), None)

    def header_text(self, column: int) -> str:
        return self.headers[column].text if column < len(self.headers) else ""


@dataclass(frozen=True)
class Defaults:
    """Where rows without a district or street column belong (this laptop's settings)."""

    district_code: str | None = None
    street_code: str | None = None


def plan_book(
    book: RawBook, *, kind: str | None = None, mappings: dict[str, dict[int, str]] | None = None
) -> list[SheetPlan]:
    """A plan for every table with a recognisable header on every visible sheet."""
    plans = []
    for sheet in book.sheets:
        if not sheet.visible:
            continue
        fallback = context.kind_of_text(sheet.name) or context.kind_of_text(book.path.stem)
        tables = cols.detect_tables(
            sheet.rows, sheet.merged, kind=kind, kind_hint=context.kind_of_text, fallback_kind=fallback
        )
        number = 0
        for table in tables:
            layout = table.layout
            measures = cols.wide_measures(layout.headers) if kind in (None, "annual_target") else {}
            places = (
                {
                    c: f
                    for c, f in cols.detect_layout(
                        sheet.rows[layout.header_rows[0] : table.end], [], kind="annual_target", scan=1
                    ).mapping.items()
                    if f in ("district_code", "street_code", "year")
                }
                if len(measures) >= 2
                else {}
            )
            if (
                len(measures) >= 2
                and places
                and (
                    layout.kind is None
                    or set(layout.mapping.values())
                    <= set(places.values()) | {"households", "houses", "area_m2", "land_mu"}
                )
            ):
                layout.kind, layout.mapping = "annual_target", places  # one column per measure
            else:
                measures = {}
            if layout.kind is None:
                continue
            number += 1
            plan = SheetPlan(
                sheet,
                layout.kind,
                layout.header_rows,
                layout.headers,
                dict(layout.mapping),
                table=number,
                end_row=table.end,
                preamble=table.preamble,
                measures=measures,
                months=cols.month_columns(layout.headers) if layout.kind == "park" else {},
            )
            if mappings and plan.key in mappings:  # a column beyond the header holds nothing to read
                plan.mapping = {c: f for c, f in mappings[plan.key].items() if f and c < len(layout.headers)}
            plans.append(plan)
    return plans


def unplanned_sheets(book: RawBook, plans: list[SheetPlan]) -> list[Issue]:
    planned = {p.name for p in plans}
    notes = []
    for sheet in book.sheets:
        if sheet.name in planned or not any(any(v not in ("", None) for v in r) for r in sheet.rows):
            continue
        if not sheet.visible:
            text = translate("Import", "Hidden sheet: not imported.")
        else:
            text = translate(
                "Import", "No header row with known column names found in the first 30 rows: not imported."
            )
        notes.append(Issue(sheet.name, None, None, None, text, "note"))
    return notes


def blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _cell_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _with_unit(value, unit: str | None):
    """A number under a header that names a unit, written with that unit for the rules to convert."""
    if unit is None or blank(value):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        return f"{number}{unit}"
    text = normalize(str(value))
    if _PLAIN_NUMBER.fullmatch(text.replace(" ", "")):
        return text + unit
    return value  # it has a unit of its own (which wins), or is not a plain number: the rules say so


_PLAIN_NUMBER = re.compile(r"[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?")
FOLDED_TEXT = ("case_no", "agreement_no", "address")  # identifiers: full-width letters and digits folded


_NOT_DERIVED = object()  # a value the row's other cells should give, but cannot


class _RowReader:
    """Turns one sheet's data rows into drafts and located problems."""

    def __init__(
        self,
        plan: SheetPlan,
        places: Places,
        defaults: Defaults,
        include_hidden: bool,
        *,
        create_missing: bool = False,
        by: Operator | None = None,
        today: date | None = None,
        on_insert=None,
        case_prefix: str = "TZ",
    ):
        self.plan = plan
        self.places = places
        self.defaults = defaults
        self.include_hidden = include_hidden
        self.create_missing = create_missing
        self.by = by
        self.today = today
        self.on_insert = on_insert
        self.case_prefix = case_prefix
        self.header_names = {c: cols.fold(plan.header_text(c).split(" / ")[-1]) for c in plan.mapping}
        self.header_hits = max(2, len(self.header_names) // 2)
        self.mapped = set(plan.mapping.values()) | set(plan.fills)  # fields a column or a fill gives
        self._columns_of: dict | None = None
        self._columns_cache: list = []
        sheet = plan.sheet
        first = plan.header_rows[-1] + 1
        self.merged_data = [m for m in sheet.merged if m[0] >= first]
        self.grid = cols.fill_merged(
            sheet.rows, [m for m in self.merged_data if plan.mapping.get(m[1]) not in NUMERIC_FIELDS]
        )
        self.merged_numeric_tails = {
            (r, c)
            for r0, c0, r1, c1 in self.merged_data
            if plan.mapping.get(c0) in NUMERIC_FIELDS
            for r in range(r0 + 1, r1 + 1)
            for c in range(c0, c1 + 1)
        }

    def issue(self, row: int, field_name: str | None, message: str, severity: str = "error") -> Issue:
        column = self.plan.column_of(field_name) if field_name else None
        if column is None:
            label = field_label(field_name) if field_name else None
            return Issue(self.plan.name, row + 1, None, label, message, severity)
        return Issue(self.plan.name, row + 1, xl_col_to_name(column), self.plan.header_text(column), message, severity)

    def _repeats_header(self, cells: list) -> bool:
        """At least `header_hits` mapped cells hold their column's header name (stops at the first
        mismatch too many: a data row shows it in its first columns)."""
        allowed = len(self.header_names) - self.header_hits
        for c, name in self.header_names.items():
            if not (c < len(cells) and isinstance(cells[c], str) and cols.fold(cells[c]) == name):
                allowed -= 1
                if allowed < 0:
                    return False
        return True

    def skip_reason(self, r: int, cells: list) -> str | None:
        nonblank = [v for v in cells if v is not None and (not isinstance(v, str) or v.strip())]
        if not nonblank:
            return ""
        if r in self.plan.sheet.hidden_rows and not self.include_hidden:
            return translate("Import", "Hidden row: not imported (show it in Excel, or choose to include hidden rows).")
        # A total is named in words: only text cells among the first three can say so, and every total
        # word holds 计 (which no other character folds to), so most rows are passed without folding.
        texts = [normalize(v).replace(" ", "") for v in nonblank[:3] if isinstance(v, str) and "计" in v]
        if any(t in TOTAL_WORDS or t.endswith(TOTAL_ENDINGS) or t.startswith(TOTAL_ENDINGS) for t in texts):
            return translate("Import", "Total row: not imported (totals are computed from the records).")
        raw = self.plan.sheet.rows[r] if r < len(self.plan.sheet.rows) else []
        first = next((v for v in raw if not blank(v)), None)
        if isinstance(first, str) and normalize(first).strip().startswith(NOTE_STARTS):
            if all(isinstance(v, str) for v in raw if not blank(v)):
                return translate("Import", "Note below the table: not imported.")
        if sum(1 for v in nonblank if isinstance(v, str)) >= self.header_hits and self._repeats_header(cells):
            return translate("Import", "Repeated header row: not imported.")
        if all(c >= len(cells) or blank(cells[c]) for c in self.plan.mapping):
            return translate("Import", "Nothing in the recognised columns: not imported.")
        return None

    def read(self, r: int) -> tuple[RowResult, object | None]:
        cells = self.grid[r]
        result = RowResult(
            self.plan.name, r + 1, list(self.plan.sheet.rows[r]) if r < len(self.plan.sheet.rows) else []
        )
        raw: dict[str, object] = {}
        tails = self.merged_numeric_tails
        width = len(cells)
        for c, field_name, folded, unit in self._columns():
            value = cells[c] if c < width else None
            if tails and (r, c) in tails:
                result.issues.append(
                    self.issue(
                        r,
                        field_name,
                        translate("Import", "Part of a merged cell: its number is counted once, in the first row."),
                        "warning",
                    )
                )
                value = None
            if value is None:
                continue
            kind = type(value)
            if kind is str:
                if not value.strip():
                    continue
                if folded:
                    value = normalize(value)
            elif kind is float and value.is_integer():
                value = int(value)  # a spreadsheet's numbers are floats: 2026.0 is the year 2026
            if unit is not False:
                value = _with_unit(value, unit)
            raw[field_name] = value
        for name, fact in self.plan.fills.items():
            if fact.source == "set":
                raw[name] = fact.text  # the value given for the whole sheet, as if a column held it
            elif name not in raw:
                raw[name] = fact.text
        self.derive(r, raw)
        draft_values, own_fields = self.resolve(r, raw, result)
        if raw.get("value") is _NOT_DERIVED:  # a month's figure is wrong: its message says so, not "Required"
            draft_values["value"], own_fields = None, {*own_fields, "value"}
        draft_type = DRAFTS[self.plan.kind]
        names = draft_type.__dataclass_fields__
        draft = draft_type(**{n: draft_values.get(n) for n in names})
        result.values = {"_own_fields": own_fields}
        return result, draft

    def _columns(self) -> list[tuple[int, str, bool, str | None | bool]]:
        """(column, field, folded text?, unit: a numeric field's header unit, False for the others),
        for the plan this reader reads now (a wide table's readers each have their own mapping)."""
        mapping = self.plan.mapping
        if self._columns_of is not mapping:
            self._columns_cache = [
                (c, f, f in FOLDED_TEXT, self.plan.headers[c].unit if f in NUMERIC_FIELDS else False)
                for c, f in mapping.items()
            ]
            self._columns_of = mapping
        return self._columns_cache

    def derive(self, r: int, raw: dict) -> None:
        """Values a real ledger leaves out that its other columns give (documented in the README)."""
        kind, mapped = self.plan.kind, self.mapped
        if kind == "demolition":
            if "case_no" not in mapped:
                raw["case_no"] = f"{self.case_prefix}-{self.plan.table}-{r + 1:05d}"
            if "status" not in mapped and not blank(raw.get("done_on")):
                rectified = cols.choice_code("disposal", raw.get("disposal", "")) in ("rectify", "renovate")
                raw["status"] = "rectified" if rectified else "demolished"
            if "disposal" not in mapped and not blank(raw.get("status")):
                status = raw["status"]
                code = status if status in ("rectified",) else cols.choice_code("status", status)
                raw["disposal"] = "rectify" if code == "rectified" else "demolish"
        if kind == "annual_target" and "value" not in mapped and any(f.startswith("month_") for f in mapped):
            self.derive_year_value(raw)
        if kind == "park" and self.plan.months and "status" not in mapped:
            self.derive_progress(r, raw)
        if kind == "park" and "plan_year" not in mapped:
            for date_field in ("completed_on", "started_on"):
                value = raw.get(date_field)
                if isinstance(value, (date, datetime)):
                    raw["plan_year"] = value.year
                    break
                found = re.match(r"\s*(20\d{2})\s*[-./年]", str(value or ""))
                if found:
                    raw["plan_year"] = int(found.group(1))
                    break

    @staticmethod
    def derive_year_value(raw: dict) -> None:
        """A target table with a plan for each month and no column for the year: the year's target is
        the months' sum (left empty when a month is not an exact number: the rules say which)."""
        measure = raw.get("measure") or ""
        units, places = rules.target_units(
            measure if measure in vocab.MEASURES else cols.choice_code("measure", measure)
        )
        total = Decimal(0)
        for month in range(1, 13):
            try:
                total += parse_decimal(raw.get(f"month_{month}"), units, places=places) or 0
            except ParseError:
                raw["value"] = _NOT_DERIVED
                return
        raw["value"] = total

    def derive_progress(self, r: int, raw: dict) -> None:
        """A park's status from the last month cell filled in (前期, 开工, 30%, 完工 ...); a park completed
        in a month is taken as completed on that month's last day (never after today)."""
        import calendar

        cells = self.grid[r]
        last = None
        for column, month in sorted(self.plan.months.items(), key=lambda item: item[1]):
            if column < len(cells) and not blank(cells[column]):
                last = (month, normalize(_cell_text(cells[column])).replace(" ", ""))
        if last is None:
            return
        month, text = last
        if any(w in text for w in ("完工", "完成", "建成", "竣工", "100%")):
            raw["status"] = "completed"
            year = _year_of(raw.get("plan_year"))
            if year and "completed_on" not in raw:
                day = date(year, month, calendar.monthrange(year, month)[1])
                raw["completed_on"] = min(day, self.today) if self.today else day
        elif any(w in text for w in ("开工", "施工", "在建", "建设中")) or re.fullmatch(r"\d{1,2}(\.\d+)?%", text):
            raw["status"] = "building"
        elif any(w in text for w in ("前期", "计划", "设计", "立项", "招标")):
            raw["status"] = "planned"
        else:
            raw["status"] = text  # the rules say what is wrong with it

    def missing_reference(self, r: int, field_name: str, name: str, where: str | None, result: RowResult):
        """A project or village the database lacks: offer near names, create it when asked, else say how."""
        kind = "project" if field_name == "project_uuid" else "community"
        place = (self.places.districts if kind == "project" else self.places.street_names()).get(where or "", "")
        near = (
            self.places.near_projects(name, where) if kind == "project" else self.places.near_communities(name, where)
        )
        if near:
            text = (
                translate(
                    "Import",
                    "No project named \u201c{text}\u201d in {place}; it is close to \u201c{near}\u201d. Nothing is "
                    "guessed: if it is that project, write its name as in the database (or give it for the whole "
                    "sheet); if it is another, add it on the Projects page.",
                )
                if kind == "project"
                else translate(
                    "Import",
                    "No community or village named \u201c{text}\u201d in {place}; it is close to \u201c{near}\u201d. "
                    "Nothing is guessed: write its name as in the database, or add it on the Communities page.",
                )
            )
            result.issues.append(
                self.issue(r, field_name, text.format(text=name, place=place, near="\u201d, \u201c".join(near)))
            )
            return None
        if where is None:
            return None  # the place's own problem is reported
        if self.create_missing and self.by is not None and self.today is not None:
            if kind == "project":
                uuid = self.places.create_project(name, where, by=self.by, today=self.today)
            else:
                uuid = self.places.create_community(name, where, by=self.by, today=self.today)
            self.plan.created.append((kind, name, place))
            if self.on_insert is not None:
                self.on_insert(kind, uuid)
            return uuid
        if (kind, name, place) not in self.plan.missing:
            self.plan.missing.append((kind, name, place))
        text = (
            translate(
                "Import",
                "No project named \u201c{text}\u201d in {place}: create it with this import (create missing "
                "projects and villages), or add it on the Projects page first.",
            )
            if kind == "project"
            else translate(
                "Import",
                "\u201c{text}\u201d is not a community or village of {place}: create it with this import (create "
                "missing projects and villages), or add it on the Communities page first.",
            )
        )
        result.issues.append(self.issue(r, field_name, text.format(text=name, place=place)))
        return None

    def resolve(self, r: int, raw: dict, result: RowResult) -> tuple[dict, set[str]]:
        """Names to codes (districts, streets, projects, communities, choices); problems located."""
        values = dict(raw)
        own: set[str] = set()  # fields whose problem this reader reported (the rule's would repeat it)
        district = street = None
        if "district_code" in raw:
            district = self.places.district(_cell_text(raw["district_code"]))
            if district is None:
                own.add("district_code")
                result.issues.append(
                    self.issue(
                        r,
                        "district_code",
                        translate(
                            "Import", "\u201c{text}\u201d is not a district or county-level city of Qingdao."
                        ).format(text=_cell_text(raw["district_code"])),
                    )
                )
        if "street_code" in raw:
            found = self.places.street(_cell_text(raw["street_code"]), district)
            if len(found) == 1:
                street = found[0]
                district = district or self.places.parent(street)
            else:
                own.add("street_code")
                text = _cell_text(raw["street_code"])
                message = (
                    translate("Import", "\u201c{text}\u201d names more than one street or town; add a district column.")
                    if found
                    else translate("Import", "\u201c{text}\u201d is not a street or town of {district}.").format(
                        text=text, district=self.places.districts.get(district, translate("Import", "Qingdao"))
                    )
                )
                result.issues.append(self.issue(r, "street_code", message.format(text=text)))
        if "district_code" not in raw and "district_code" not in own:
            if district is None and self.defaults.district_code:
                district = self.defaults.district_code
            if (
                "street_code" not in raw
                and self.defaults.street_code
                and self.plan.kind in ("signing", "demolition")
                and district == self.defaults.district_code
            ):
                street = self.defaults.street_code
        values["district_code"] = None if "district_code" in own else district
        values["street_code"] = None if "street_code" in own else street
        if "project_uuid" in raw:
            name = normalize(_cell_text(raw["project_uuid"])).strip()
            found = self.places.projects(name, district)
            values["project_uuid"] = found[0] if len(found) == 1 else None
            if len(found) > 1:
                own.add("project_uuid")
                result.issues.append(
                    self.issue(
                        r,
                        "project_uuid",
                        translate(
                            "Import", "More than one project is named \u201c{text}\u201d in this district."
                        ).format(text=name),
                    )
                )
            elif not found:
                values["project_uuid"] = self.missing_reference(r, "project_uuid", name, district, result)
                if values["project_uuid"] is None:
                    own.add("project_uuid")
        if "community_uuid" in raw:
            name = normalize(_cell_text(raw["community_uuid"])).strip()
            found = self.places.community(name, street)
            if found is None and street is not None:
                found = self.missing_reference(r, "community_uuid", name, street, result)
            values["community_uuid"] = found
            if found is None:
                own.add("community_uuid")
                if street is None and "street_code" not in own:
                    result.issues.append(
                        self.issue(
                            r,
                            "community_uuid",
                            translate(
                                "Import",
                                "\u201c{text}\u201d: a village is looked up in its street, and the row has none.",
                            ).format(text=name),
                        )
                    )
        for choice in ("structure", "disposal", "status", "kind", "compensation", "measure"):
            if choice in raw:
                code = cols.choice_code(choice, raw[choice])
                if code is not None:
                    values[choice] = code
        return values, own


FILL_FIELDS = {  # a fact found outside the table, and the field it fills per kind
    "district": {k: "district_code" for k in DRAFTS},
    "street": {"signing": "street_code", "demolition": "street_code", "park": "street_code"},
    "project": {"signing": "project_uuid", "demolition": "project_uuid"},
    "year": {"park": "plan_year", "annual_target": "year"},
    "park_kind": {"park": "kind"},
}


def _year_of(value) -> int | None:
    if isinstance(value, int):
        return value
    found = re.match(r"\s*(20\d{2})", str(value or ""))
    return int(found.group(1)) if found else None


def field_for_header(kind: str, header: str) -> tuple[str, str | None] | None:
    """The field a header names for this kind (a synonym, the form's label or the field's own name),
    and the unit the header declares; None when it names none."""
    parsed = cols.parse_header(header)
    found = cols.match_field(kind, [parsed.name])
    if found is None:
        for name in DRAFTS[kind].__dataclass_fields__:
            if parsed.name in (name, cols.fold(field_label(name))):
                found = name
                break
    return (found, parsed.unit) if found else None


def sheet_values(
    plan: SheetPlan, specs: dict[str | None, dict[str, str]] | None
) -> tuple[dict[str, context.Fact], list[Issue]]:
    """The --set values (or the wizard's 'same for every row') that apply to this table, as fields."""
    found: dict[str, context.Fact] = {}
    notes: list[Issue] = []
    if not specs or plan.kind is None:
        return found, notes
    for scope in (None, plan.name, plan.key):
        for header, value in (specs.get(scope) or {}).items():
            named = field_for_header(plan.kind, header)
            if named is None:
                continue
            name, unit = named
            text = _with_unit(value, unit) if name in NUMERIC_FIELDS else value
            found[name] = context.Fact(name, str(text), "set")
            column = plan.column_of(name)
            if column is not None:
                notes.append(
                    Issue(
                        plan.name,
                        plan.header_rows[-1] + 1,
                        xl_col_to_name(column),
                        plan.header_text(column),
                        translate(
                            "Import", "{field} is given for the whole sheet ({value}): this column is not read."
                        ).format(field=field_label(name), value=value),
                        "warning",
                    )
                )
                del plan.mapping[column]
    return found, notes


def _fills(plan: SheetPlan, facts: dict[str, context.Fact]) -> dict[str, context.Fact]:
    """Facts from outside the table, as the fields they fill for this table's kind."""
    fills = {}
    for fact in facts.values():
        target = FILL_FIELDS.get(fact.field, {}).get(plan.kind or "")
        if target:
            fills[target] = context.Fact(target, fact.text, fact.source, fact.row)
    return fills


def _source_text(fact: context.Fact) -> str:
    return translate("Import", context.SOURCES[fact.source]).format(row=fact.row)


def run_plans(
    session: Session,
    plans: list[SheetPlan],
    *,
    by: Operator,
    today: date,
    defaults: Defaults,
    include_hidden: bool = False,
    source_file: str | None = None,
    on_insert=None,
    progress: ProgressCallback = no_progress,
    values: dict[str | None, dict[str, str]] | None = None,
    create_missing: bool = False,
    file_digest: str = "",
    batch_id: int | None = None,
) -> None:
    """Read every data row of the plans and insert the valid ones in this session (the caller commits
    for an import, or rolls back for a preview: either way the rows see each other, so a total or a
    duplicate inside the file is caught exactly as it would be on commit)."""
    places = Places(session)
    gazetteer = places.gazetteer()
    with BulkInserter(session, by=by, source_file=source_file, batch_id=batch_id) as bulk:
        total = sum(len(p.data_rows) for p in plans)
        done = 0
        sheets = [p.name for p in plans]
        for plan in plans:
            plan.rows, plan.skipped, plan.created, plan.missing = [], [], [], []
            given, given_notes = sheet_values(plan, values)
            first = next(p for p in plans if p.sheet is plan.sheet and p.table == 1)
            lines = (
                [("title", r + 1, text) for r, text in reversed(plan.preamble)]
                + ([("title", r + 1, text) for r, text in reversed(first.preamble)] if first is not plan else [])
                + (
                    [("sheet_name", None, plan.name)]
                    if not source_file or plan.name != PurePath(source_file).stem
                    else []
                )
                + ([("file_name", None, PurePath(source_file).stem)] if source_file else [])
            )
            found = _fills(plan, context.gather(lines, gazetteer))
            plan.fills = {**found, **given}
            plan.notes = given_notes + _plan_notes(plan, defaults, places)
            if any(n.severity == "error" for n in plan.notes):
                continue
            sheet_no = sheets.index(plan.name) + 1
            reader = _RowReader(
                plan,
                places,
                defaults,
                include_hidden,
                create_missing=create_missing,
                by=by,
                today=today,
                on_insert=on_insert,
                case_prefix=f"TZ{file_digest[:8]}-{sheet_no}" if file_digest else f"TZ-{sheet_no}",
            )
            draft_type = DRAFTS[plan.kind]
            if plan.measures:
                _read_wide(plan, reader, bulk, today=today, on_insert=None if batch_id is not None else on_insert)
                plan.notes += _reference_notes(plan)
                done += len(plan.data_rows)
                continue
            for r in plan.data_rows:
                done += 1
                if done % 200 == 0:
                    progress(done, total)
                reason = reader.skip_reason(r, reader.grid[r])
                if reason is not None:
                    if reason:
                        plan.skipped.append(Issue(plan.name, r + 1, None, None, reason, "note"))
                    continue
                result, draft = reader.read(r)
                own = result.values.pop("_own_fields")
                checked = bulk.check(draft, today=today)
                result.values = checked.values
                for problem in checked.problems:
                    if problem.field in own:
                        continue
                    result.issues.append(reader.issue(r, problem.field, problem.message, problem.severity))
                if not result.rejected:
                    similar = bulk.look_alike(plan.kind, checked.values)
                    if similar is not None:
                        result.issues.append(
                            reader.issue(
                                r,
                                None,
                                translate(
                                    "Import",
                                    "Looks like a record already there ({what}): check it is not entered twice.",
                                ).format(what=similar or translate("Import", "same place, date and figures")),
                                "warning",
                            )
                        )
                    result.uuid = bulk.insert(draft_type, checked, draft=draft)
                    if on_insert is not None and batch_id is None:
                        on_insert(plan.kind, result.uuid)
                plan.rows.append(result)
            plan.notes += _reference_notes(plan)
    progress(total, total)


def _read_wide(plan: SheetPlan, reader: _RowReader, bulk: BulkInserter, *, today, on_insert) -> None:
    """A target table with one column per measure: each filled cell is one annual target."""
    from copy import copy

    readers = []
    for column, measure in plan.measures.items():
        part = copy(plan)
        part.mapping = {**plan.mapping, column: "value"}
        part.fills = {**plan.fills, "measure": context.Fact("measure", measure, "set")}
        sub = copy(reader)
        sub.plan = part
        readers.append((column, sub))
    for r in plan.data_rows:
        reason = reader.skip_reason(r, reader.grid[r])
        if reason is not None:
            if reason:
                plan.skipped.append(Issue(plan.name, r + 1, None, None, reason, "note"))
            continue
        for column, sub in readers:
            if column >= len(reader.grid[r]) or blank(reader.grid[r][column]):
                continue
            result, draft = sub.read(r)
            own = result.values.pop("_own_fields")
            checked = bulk.check(draft, today=today)
            result.values = checked.values
            result.issues += [
                sub.issue(r, p.field, p.message, p.severity) for p in checked.problems if p.field not in own
            ]
            if not result.rejected:
                result.uuid = bulk.insert(TargetDraft, checked, draft=draft)
                if on_insert is not None:
                    on_insert(plan.kind, result.uuid)
            plan.rows.append(result)


def _reference_notes(plan: SheetPlan) -> list[Issue]:
    notes = []
    row = plan.header_rows[-1] + 1
    labels = {"project": translate("Import", "project"), "community": translate("Import", "community or village")}
    if plan.created:
        listed = "、".join(f"{labels[k]} {n}（{w}）" for k, n, w in plan.created)
        notes.append(
            Issue(
                plan.name,
                row,
                None,
                None,
                translate("Import", "Created with this import (undone with it): {list}.").format(list=listed),
                "warning",
            )
        )
    if plan.missing:
        listed = "、".join(f"{labels[k]} {n}（{w}）" for k, n, w in plan.missing)
        notes.append(
            Issue(
                plan.name,
                row,
                None,
                None,
                translate(
                    "Import",
                    "Not in the database: {list}. Import with 'create missing projects and villages' "
                    "(--create-missing) to create them in the same batch.",
                ).format(list=listed),
                "warning",
            )
        )
    return notes


def _plan_notes(plan: SheetPlan, defaults: Defaults, places: Places) -> list[Issue]:
    notes = []
    row = plan.header_rows[-1] + 1
    mapped = set(plan.mapping.values())
    for c, header in enumerate(plan.headers):
        if c not in plan.mapping and c not in plan.months and header.text and header.name not in cols.IGNORED:
            notes.append(
                Issue(
                    plan.name,
                    row,
                    xl_col_to_name(c),
                    header.text,
                    translate(
                        "Import", "Column not recognised: not imported (choose its field in the column mapping)."
                    ),
                    "warning",
                )
            )
    for name, fact in plan.fills.items():
        if name in mapped and fact.source != "set":
            continue
        shown = fact.text
        notes.append(
            Issue(
                plan.name,
                row,
                None,
                field_label(name),
                translate("Import", "{field} for every row without one: {value}, from {source}.").format(
                    field=field_label(name), value=shown, source=_source_text(fact)
                ),
                "note",
            )
        )
    filled = mapped | set(plan.fills) | ({"measure", "value"} if plan.measures else set())
    if "district_code" not in filled and "street_code" not in filled and defaults.district_code:
        notes.append(
            Issue(
                plan.name,
                row,
                None,
                field_label("district_code"),
                translate(
                    "Import",
                    "The sheet does not say its district: {district} is assumed, from {source}. If it is "
                    "another, give 区 for the whole sheet.",
                ).format(
                    district=places.districts.get(defaults.district_code, defaults.district_code),
                    source=translate("Import", context.SOURCES["settings"]),
                ),
                "warning",
            )
        )
    derived = []
    if plan.kind == "demolition":
        if "case_no" not in filled:
            derived.append(
                translate(
                    "Import",
                    "No column for 违建编号: case numbers are made from the file, sheet and row (TZ + 8 characters "
                    "of the file's fingerprint - sheet - table - row), the same on every import of this file.",
                )
            )
        if "status" not in filled and "done_on" in mapped:
            derived.append(
                translate(
                    "Import",
                    "No column for 状态: a row with a demolition date is a case done (已拆除, or 已整改 when its "
                    "disposal is rectification).",
                )
            )
    if plan.kind == "demolition" and "disposal" not in filled and filled & {"status", "done_on"}:
        derived.append(
            translate(
                "Import",
                "No column for 处置方式: a case rectified (已整改) is a rectification, every other case a demolition.",
            )
        )
    if plan.kind == "park" and plan.months and "status" not in filled:
        derived.append(
            translate(
                "Import",
                "Progress by month: a park's status is its last month filled in (前期: planned; 开工 or a "
                "percentage: building; 完工: completed on that month's last day).",
            )
        )
    if plan.kind == "annual_target" and "value" not in filled and any(f.startswith("month_") for f in mapped):
        derived.append(
            translate("Import", "No column for the year's target: each row's target is the sum of its months' plans.")
        )
    if plan.kind == "park" and "plan_year" not in filled:
        derived.append(
            translate("Import", "No column for 计划年度: the year of a row's completion or start date is taken.")
        )
    notes += [Issue(plan.name, row, None, None, text, "note") for text in derived]
    draft_type = DRAFTS[plan.kind]
    required = [n for n, f in draft_type.__dataclass_fields__.items() if f.default is MISSING]
    derivable = {
        "demolition": {"case_no"}
        | ({"status", "disposal"} if "done_on" in mapped else set())
        | ({"disposal"} if "status" in filled else set()),
        "park": ({"plan_year"} if mapped & {"completed_on", "started_on"} else set())
        | ({"status"} if plan.months else set()),
        "annual_target": {"value"} if any(f.startswith("month_") for f in mapped) else set(),
    }.get(plan.kind, set())
    for name in required:
        if name in filled or name in derivable:
            continue
        if name == "district_code" and ("street_code" in filled or defaults.district_code):
            continue
        if name == "street_code" and defaults.street_code:
            continue
        notes.append(
            Issue(
                plan.name,
                row,
                None,
                field_label(name),
                translate(
                    "Import",
                    "No column for {field}: the sheet cannot be imported. Choose its column in the mapping, or "
                    "give one value for the whole sheet (wizard: same value for every row; command line: "
                    "--set {field}=VALUE).",
                ).format(field=field_label(name)),
                "error",
            )
        )
    return notes
