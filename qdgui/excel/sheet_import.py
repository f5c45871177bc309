"""Importing hand-kept sheets: rows to drafts, through the forms' rules, with every problem located."""

from __future__ import annotations

import re
from dataclasses import MISSING, dataclass, field
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session
from xlsxwriter.utility import xl_col_to_name

from qdgui.excel import columns as cols
from qdgui.excel.workbook import RawBook, RawSheet
from qdgui.i18n import translate
from qdgui.models import repository, review
from qdgui.models.lookups import bare_name
from qdgui.models.parse import normalize
from qdgui.models.records import (
    DemolitionDraft,
    Operator,
    ParkDraft,
    SigningDraft,
    TargetDraft,
    field_label,
)
from qdgui.models.reference import DISTRICT_ALIASES
from qdgui.models.tables import Community, Division, Project
from qdgui.work import ProgressCallback, no_progress

DRAFTS = {"signing": SigningDraft, "demolition": DemolitionDraft, "park": ParkDraft, "annual_target": TargetDraft}
TOTAL_WORDS = ("合计", "小计", "总计", "累计", "合 计", "总 计")
NOTE_STARTS = ("注", "说明", "备注：", "填表人", "制表", "审核", "填报单位", "负责人", "联系人")
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
        if self.header:
            where += translate("Import", " ({header})").format(header=self.header)
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

    @property
    def name(self) -> str:
        return self.sheet.name

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
    """A plan for every visible sheet that has a recognisable header."""
    plans = []
    for sheet in book.sheets:
        if not sheet.visible:
            continue
        layout = cols.detect_layout(sheet.rows, sheet.merged, kind=kind)
        if layout is None or layout.kind is None:
            continue
        mapping = dict(layout.mapping)
        if mappings and sheet.name in mappings:  # a column beyond the header holds nothing to read
            mapping = {c: f for c, f in mappings[sheet.name].items() if f and c < len(layout.headers)}
        plans.append(SheetPlan(sheet, layout.kind, layout.header_rows, layout.headers, mapping))
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


class _Places:
    """Names to codes for districts, streets, projects and communities, read once per import."""

    def __init__(self, session: Session):
        self.session = session
        rows = session.execute(select(Division.code, Division.name, Division.level, Division.parent_code)).all()
        self.districts = {r.code: r.name for r in rows if r.level == "county"}
        self.streets: dict[str, list[tuple[str, str]]] = {}
        for r in rows:
            if r.level in ("township", "special_zone"):
                self.streets.setdefault(r.parent_code, []).append((r.code, r.name))
        self._projects: dict[tuple[str, str], list[str]] | None = None
        self._communities: dict[tuple[str, str], str] | None = None

    def district(self, text: str) -> str | None:
        wanted = normalize(text).replace(" ", "")
        if wanted in self.districts:
            return wanted
        if wanted in DISTRICT_ALIASES:
            return DISTRICT_ALIASES[wanted]
        found = [
            c for c, n in self.districts.items() if wanted in (n, bare_name(n)) or bare_name(wanted) == bare_name(n)
        ]
        return found[0] if len(found) == 1 else None

    def street(self, text: str, district: str | None) -> list[str]:
        wanted = normalize(text).replace(" ", "").removesuffix("办事处")
        pool = self.streets.get(district, []) if district else [s for v in self.streets.values() for s in v]
        exact = [c for c, n in pool if wanted in (c, n)]
        if exact:
            return exact
        return [c for c, n in pool if bare_name(n) == bare_name(wanted)]

    def parent(self, street: str) -> str | None:
        return next((d for d, pool in self.streets.items() if any(c == street for c, _ in pool)), None)

    def projects(self, name: str, district: str | None) -> list[str]:
        if self._projects is None:
            self._projects = {}
            for uuid, pname, pdistrict in self.session.execute(
                select(Project.uuid, Project.name, Project.district_code).where(Project.deleted.is_(False))
            ):
                self._projects.setdefault((cols.fold(pname), pdistrict), []).append(uuid)
        key = cols.fold(name)
        if district:
            return self._projects.get((key, district), [])
        return [u for (n, _), uuids in self._projects.items() if n == key for u in uuids]

    def community(self, name: str, street: str | None) -> str | None:
        if not street:
            return None
        if self._communities is None:
            self._communities = {}
            for uuid, cname, cstreet in self.session.execute(
                select(Community.uuid, Community.name, Community.street_code).where(Community.deleted.is_(False))
            ):
                self._communities[(cols.fold(cname), cstreet)] = uuid
        key = cols.fold(name)
        found = self._communities.get((key, street))
        if found is None:
            for suffix in ("社区", "村", "居委会", "村委会"):
                found = (
                    found
                    or self._communities.get((key.removesuffix(suffix), street))
                    or self._communities.get((key + suffix, street))
                )
        return found


def _blank(value) -> bool:
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
    if unit is None or _blank(value):
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


class _RowReader:
    """Turns one sheet's data rows into drafts and located problems."""

    def __init__(self, plan: SheetPlan, places: _Places, defaults: Defaults, include_hidden: bool):
        self.plan = plan
        self.places = places
        self.defaults = defaults
        self.include_hidden = include_hidden
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

    def skip_reason(self, r: int, cells: list) -> str | None:
        values = [cells[c] for c in self.plan.mapping if c < len(cells)]
        if all(_blank(v) for v in cells):
            return ""
        if r in self.plan.sheet.hidden_rows and not self.include_hidden:
            return translate("Import", "Hidden row: not imported (show it in Excel, or choose to include hidden rows).")
        texts = [normalize(_cell_text(v)).replace(" ", "") for v in cells if not _blank(v)]
        if any(t in TOTAL_WORDS for t in texts[:3]):
            return translate("Import", "Total row: not imported (totals are computed from the records).")
        headers = [cols.fold(self.plan.headers[c].text.split(" / ")[-1]) for c in self.plan.mapping]
        if sum(1 for v, h in zip(values, headers) if not _blank(v) and cols.fold(v) == h) >= max(2, len(headers) // 2):
            return translate("Import", "Repeated header row: not imported.")
        if len(texts) == 1 and texts[0].startswith(NOTE_STARTS):
            return translate("Import", "Note below the table: not imported.")
        if all(c not in self.plan.mapping or _blank(v) for c, v in enumerate(cells)):
            return translate("Import", "Nothing in the recognised columns: not imported.")
        return None

    def read(self, r: int) -> tuple[RowResult, object | None]:
        cells = self.grid[r]
        result = RowResult(
            self.plan.name, r + 1, list(self.plan.sheet.rows[r]) if r < len(self.plan.sheet.rows) else []
        )
        raw: dict[str, object] = {}
        for c, field_name in self.plan.mapping.items():
            value = cells[c] if c < len(cells) else ""
            if (r, c) in self.merged_numeric_tails:
                result.issues.append(
                    self.issue(
                        r,
                        field_name,
                        translate("Import", "Part of a merged cell: its number is counted once, in the first row."),
                        "warning",
                    )
                )
                value = ""
            if _blank(value):
                continue
            if isinstance(value, float) and value.is_integer():
                value = int(value)  # a spreadsheet's numbers are floats: 2026.0 is the year 2026
            if field_name in FOLDED_TEXT and isinstance(value, str):
                value = normalize(value)
            if field_name in NUMERIC_FIELDS:
                value = _with_unit(value, self.plan.headers[c].unit)
            raw[field_name] = value
        draft_values, own_fields = self.resolve(r, raw, result)
        draft_type = DRAFTS[self.plan.kind]
        names = draft_type.__dataclass_fields__
        draft = draft_type(**{n: draft_values.get(n) for n in names})
        result.values = {"_own_fields": own_fields}
        return result, draft

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
            name = _cell_text(raw["project_uuid"])
            found = self.places.projects(name, district)
            values["project_uuid"] = found[0] if len(found) == 1 else None
            if len(found) != 1:
                own.add("project_uuid")
                result.issues.append(
                    self.issue(
                        r,
                        "project_uuid",
                        translate(
                            "Import",
                            "No project named \u201c{text}\u201d in this district: add it on the Projects page first.",
                        ).format(text=name),
                    )
                )
        if "community_uuid" in raw:
            name = _cell_text(raw["community_uuid"])
            found = self.places.community(name, street)
            values["community_uuid"] = found
            if found is None:
                own.add("community_uuid")
                result.issues.append(
                    self.issue(
                        r,
                        "community_uuid",
                        translate(
                            "Import",
                            "\u201c{text}\u201d is not a community or village of this street: add it on the "
                            "Communities page first.",
                        ).format(text=name),
                    )
                )
        for choice in ("structure", "disposal", "status", "kind", "compensation", "measure"):
            if choice in raw:
                code = cols.choice_code(choice, raw[choice])
                if code is not None:
                    values[choice] = code
        return values, own


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
) -> None:
    """Read every data row of the plans and insert the valid ones in this session (the caller commits
    for an import, or rolls back for a preview: either way the rows see each other, so a total or a
    duplicate inside the file is caught exactly as it would be on commit)."""
    places = _Places(session)
    total = sum(max(len(p.sheet.rows) - p.header_rows[-1] - 1, 0) for p in plans)
    done = 0
    for plan in plans:
        plan.rows, plan.skipped = [], []
        plan.notes = _plan_notes(plan, defaults)
        if any(n.severity == "error" for n in plan.notes):
            continue
        reader = _RowReader(plan, places, defaults, include_hidden)
        draft_type = DRAFTS[plan.kind]
        for r in range(plan.header_rows[-1] + 1, len(plan.sheet.rows)):
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
            checked = repository.check(session, draft, today=today)
            result.values = checked.values
            for problem in checked.problems:
                if problem.field in own:
                    continue
                result.issues.append(reader.issue(r, problem.field, problem.message, problem.severity))
            if not result.rejected:
                similar = review.look_alike(session, plan.kind, checked.values)
                if similar is not None:
                    result.issues.append(
                        reader.issue(
                            r,
                            None,
                            translate(
                                "Import", "Looks like a record already there ({what}): check it is not entered twice."
                            ).format(what=similar or translate("Import", "same place, date and figures")),
                            "warning",
                        )
                    )
                result.uuid = repository.insert_checked(session, draft_type, checked, by=by, source_file=source_file)
                if on_insert is not None:
                    on_insert(plan.kind, result.uuid)
            plan.rows.append(result)
    progress(total, total)


def _plan_notes(plan: SheetPlan, defaults: Defaults) -> list[Issue]:
    notes = []
    mapped = set(plan.mapping.values())
    for c, header in enumerate(plan.headers):
        if c not in plan.mapping and header.text and header.name not in cols.IGNORED:
            notes.append(
                Issue(
                    plan.name,
                    plan.header_rows[-1] + 1,
                    xl_col_to_name(c),
                    header.text,
                    translate(
                        "Import", "Column not recognised: not imported (choose its field in the column mapping)."
                    ),
                    "warning",
                )
            )
    draft_type = DRAFTS[plan.kind]
    required = [n for n, f in draft_type.__dataclass_fields__.items() if f.default is MISSING]
    for name in required:
        if name in mapped:
            continue
        if name == "district_code" and ("street_code" in mapped or defaults.district_code):
            continue
        if name == "street_code" and defaults.street_code:
            continue
        notes.append(
            Issue(
                plan.name,
                plan.header_rows[-1] + 1,
                None,
                field_label(name),
                translate(
                    "Import", "No column for {field}: the sheet cannot be imported (choose the column in the mapping)."
                ).format(field=field_label(name)),
                "error",
            )
        )
    return notes


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
                        if _blank(value):
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
