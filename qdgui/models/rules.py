"""Validation written once: pure functions (draft, *, today, context) -> values and problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Mapping

from qdgui.i18n import QT_TRANSLATE_NOOP, translate
from qdgui.models import vocab
from qdgui.models.base import AREA_M2, LAND_MU, LENGTH_KM, MONEY_WAN, TARGET
from qdgui.models.parse import (
    AREA_UNITS,
    COUNT_UNITS,
    LAND_UNITS,
    LENGTH_UNITS,
    MONEY_WAN_UNITS,
    ParseError,
    parse_count,
    parse_date,
    parse_decimal,
    parse_text,
    parse_year,
)
from qdgui.models.records import (
    CommunityDraft,
    DemolitionDraft,
    ParkDraft,
    Problem,
    ProjectDraft,
    SigningDraft,
    TargetDraft,
)

OLD_DATE_DAYS = 366  # older entries are allowed, but asked about
LARGE_SIGNING_HOUSEHOLDS = 1000
LARGE_DEMOLITION_M2 = Decimal(50_000)
EARLIEST_YEAR = 2000


@dataclass(frozen=True)
class DivisionInfo:
    code: str
    name: str
    level: str
    parent_code: str | None


@dataclass(frozen=True)
class Divisions:
    """The districts and streets a rule may name; a snapshot read once per action."""

    by_code: Mapping[str, DivisionInfo]

    def is_district(self, code: str) -> bool:
        info = self.by_code.get(code)
        return info is not None and info.level == "county"

    def is_street_of(self, street: str, district: str) -> bool:
        info = self.by_code.get(street)
        return info is not None and info.level in ("township", "special_zone") and info.parent_code == district


@dataclass(frozen=True)
class ProjectTotals:
    """A project's totals and what other records already signed against it."""

    uuid: str
    name: str
    district_code: str
    total_households: int | None
    total_houses: int | None
    signed_households: int = 0  # by records other than the one being checked
    signed_houses: int = 0


@dataclass(frozen=True)
class Context:
    """What rules across records need to know, looked up by the repository before checking."""

    divisions: Divisions
    project: ProjectTotals | None = None
    project_exists: bool = True
    community_exists: bool = True
    duplicate_key: bool = False  # agreement, case number, target scope or name already used


@dataclass
class Checked:
    values: dict = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


_PARSE_MESSAGES = {
    "not_a_number": QT_TRANSLATE_NOOP("Rules", "\u201c{text}\u201d is not a number"),
    "approximate": QT_TRANSLATE_NOOP("Rules", "\u201c{text}\u201d is an estimate; enter the exact figure"),
    "too_precise": QT_TRANSLATE_NOOP("Rules", "\u201c{text}\u201d has more than {places} decimal places"),
    "not_whole": QT_TRANSLATE_NOOP("Rules", "\u201c{text}\u201d is not a whole number"),
    "not_a_year": QT_TRANSLATE_NOOP("Rules", "\u201c{text}\u201d is not a year"),
    "not_a_date": QT_TRANSLATE_NOOP("Rules", "\u201c{text}\u201d is not a date"),
    "no_such_date": QT_TRANSLATE_NOOP("Rules", "\u201c{text}\u201d is not a real calendar date"),
    "date_without_year": QT_TRANSLATE_NOOP("Rules", "\u201c{text}\u201d has no year; write the full date"),
}


def _parse_message(exc: ParseError) -> str:
    return translate("Rules", _PARSE_MESSAGES[exc.reason]).format(**exc.params)


class _Reader:
    """Parses a draft field by field, collecting every problem instead of stopping at the first."""

    def __init__(self, draft, today: date):
        self.draft = draft
        self.today = today
        self.checked = Checked()

    def error(self, name: str, message: str) -> None:
        self.checked.problems.append(Problem(name, message, "error"))

    def warn(self, name: str, message: str) -> None:
        self.checked.problems.append(Problem(name, message, "warning"))

    def has_error(self, name: str) -> bool:
        return any(p.field == name and p.is_error for p in self.checked.problems)

    def _parse(self, name: str, parser, required: bool):
        raw = getattr(self.draft, name)
        try:
            value = parser(raw)
        except ParseError as exc:
            self.error(name, _parse_message(exc))
            value = None
        else:
            if value is None and required:
                self.error(name, translate("Rules", "Required"))
        self.checked.values[name] = value
        return value

    def text(self, name: str, *, required: bool = False, max_length: int = 200) -> str | None:
        value = parse_text(getattr(self.draft, name))  # as _parse, without its error path: text always reads
        if value is None:
            if required:
                self.error(name, translate("Rules", "Required"))
        elif len(value) > max_length:
            self.error(name, translate("Rules", "Too long: at most {n} characters").format(n=max_length))
        self.checked.values[name] = value
        return value

    def count(self, name: str, *, required: bool = False) -> int | None:
        value = self._parse(name, parse_count, required)
        if value is not None and value < 0:
            self.error(name, translate("Rules", "Cannot be negative"))
        return value

    def decimal(self, name: str, units, places: int, *, required: bool = False) -> Decimal | None:
        value = self._parse(name, lambda raw: parse_decimal(raw, units, places=places), required)
        if value is not None and value < 0:
            self.error(name, translate("Rules", "Cannot be negative"))
        return value

    def year(self, name: str, *, required: bool = False, ahead: int = 0) -> int | None:
        value = self._parse(name, parse_year, required)
        if value is not None and not EARLIEST_YEAR <= value <= self.today.year + ahead:
            self.error(
                name,
                translate("Rules", "Year must be between {first} and {last}").format(
                    first=EARLIEST_YEAR, last=self.today.year + ahead
                ),
            )
        return value

    def day(self, name: str, *, required: bool = False) -> date | None:
        value = self._parse(name, parse_date, required)
        if value is None:
            return None
        if value > self.today:
            self.error(name, translate("Rules", "{date} is in the future").format(date=value.isoformat()))
        elif value.year < EARLIEST_YEAR:
            self.error(name, translate("Rules", "{date} is too far in the past").format(date=value.isoformat()))
        elif (self.today - value) > timedelta(days=OLD_DATE_DAYS):
            self.warn(
                name, translate("Rules", "{date} is more than a year ago; is it right?").format(date=value.isoformat())
            )
        return value

    def choice(self, name: str, vocabulary: dict, *, required: bool = False) -> str | None:
        raw = getattr(self.draft, name)
        text = parse_text(raw)
        value = None
        if text is None:
            if required:
                self.error(name, translate("Rules", "Required"))
        else:
            value = vocab.code_for(vocabulary, text)
            if value is None:
                choices = "\u3001".join(vocab.label(vocabulary, code) for code in vocabulary)
                self.error(
                    name,
                    translate("Rules", "\u201c{text}\u201d is not one of: {choices}").format(
                        text=text, choices=choices
                    ),
                )
        self.checked.values[name] = value
        return value

    def place(self, divisions: Divisions, *, street_required: bool) -> tuple[str | None, str | None]:
        district = self.text("district_code", required=True, max_length=20)
        street = self.text("street_code", required=street_required, max_length=20)
        if district is not None and not divisions.is_district(district):
            self.error("district_code", translate("Rules", "Unknown district code {code}").format(code=district))
            return district, street
        if street is not None and district is not None and not divisions.is_street_of(street, district):
            name = divisions.by_code.get(district)
            self.error(
                "street_code",
                translate("Rules", "{code} is not a street or town of {district}").format(
                    code=street, district=name.name if name else district
                ),
            )
        return district, street

    def reference(self, name: str, exists: bool, *, required: bool, message: str) -> str | None:
        """`message`: the source text (QT_TRANSLATE_NOOP), translated only when it is said."""
        value = self.text(name, required=required, max_length=36)
        if value is not None and not exists:
            self.error(name, translate("Rules", message))
        return value


def read_project(draft: ProjectDraft, *, today: date, context: Context) -> Checked:
    r = _Reader(draft, today)
    r.text("name", required=True, max_length=100)
    r.choice("campaign_area", vocab.CAMPAIGN_AREAS, required=True)
    r.place(context.divisions, street_required=False)
    households = r.count("total_households")
    houses = r.count("total_houses")
    area = r.decimal("total_area_m2", AREA_UNITS, AREA_M2)
    land = r.decimal("total_land_mu", LAND_UNITS, LAND_MU)
    r.text("remarks", max_length=2000)
    if context.duplicate_key:
        r.error("name", translate("Rules", "A project of this name already exists in this district"))
    if all(v is None for v in (households, houses, area, land)) and not r.checked.errors:
        r.warn(
            "total_households", translate("Rules", "No totals given: progress cannot be measured against this project")
        )
    project = context.project
    if project is not None:
        if households is not None and households < project.signed_households:
            r.error(
                "total_households",
                translate("Rules", "{signed} households are already signed; the total cannot be smaller").format(
                    signed=project.signed_households
                ),
            )
        if houses is not None and houses < project.signed_houses:
            r.error(
                "total_houses",
                translate("Rules", "{signed} houses are already signed; the total cannot be smaller").format(
                    signed=project.signed_houses
                ),
            )
    return r.checked


def _plain(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def target_units(measure: str | None) -> tuple[tuple, int]:
    """The units a target of this measure may be written in, and the decimal places it keeps."""
    places = LENGTH_KM if measure == "park_greenway" else TARGET
    units = {
        "signed_area": AREA_UNITS,
        "demolition_area": AREA_UNITS,
        "vacated_land": LAND_UNITS,
        "park_greenway": LENGTH_UNITS,
    }.get(measure or "", COUNT_UNITS)
    return units, places


def read_target(draft: TargetDraft, *, today: date, context: Context) -> Checked:
    r = _Reader(draft, today)
    r.year("year", required=True, ahead=1)
    r.place(context.divisions, street_required=False)
    measure = r.choice("measure", vocab.MEASURES, required=True)
    units, places = target_units(measure)
    counted = measure in ("signed_households", "signed_houses", "demolition_count")
    value = r.decimal("value", units, places, required=True)
    if value is not None and counted and value != int(value):
        r.error("value", translate("Rules", "A count must be a whole number"))
    planned = Decimal(0)
    for month in range(1, 13):
        name = f"month_{month}"
        plan = r.decimal(name, units, places)
        if plan is not None and counted and plan != int(plan):
            r.error(name, translate("Rules", "A count must be a whole number"))
        planned += plan or 0
    if value is not None and planned > value:
        r.error(
            "value",
            translate("Rules", "The months' plans add up to {planned}, more than the year's target {value}").format(
                planned=_plain(planned), value=_plain(value)
            ),
        )
    if context.duplicate_key:
        r.error("measure", translate("Rules", "A target for this year, place and measure already exists"))
    return r.checked


def read_community(draft: CommunityDraft, *, today: date, context: Context) -> Checked:
    r = _Reader(draft, today)
    street = r.text("street_code", required=True, max_length=20)
    if street is not None and street not in context.divisions.by_code:
        r.error("street_code", translate("Rules", "Unknown street or town code {code}").format(code=street))
    r.text("name", required=True, max_length=60)
    r.choice("kind", vocab.COMMUNITY_KINDS, required=True)
    if context.duplicate_key:
        r.error("name", translate("Rules", "This street already has a community of this name"))
    return r.checked


def read_signing(draft: SigningDraft, *, today: date, context: Context) -> Checked:
    r = _Reader(draft, today)
    r.reference(
        "project_uuid", context.project_exists, required=True, message=QT_TRANSLATE_NOOP("Rules", "No such project")
    )
    r.place(context.divisions, street_required=True)
    r.reference(
        "community_uuid",
        context.community_exists,
        required=False,
        message=QT_TRANSLATE_NOOP("Rules", "No such community or village"),
    )
    r.day("signed_on", required=True)
    households = r.count("households")
    houses = r.count("houses")
    r.decimal("area_m2", AREA_UNITS, AREA_M2)
    r.decimal("land_mu", LAND_UNITS, LAND_MU)
    r.text("agreement_no", max_length=40)
    r.choice("compensation", vocab.COMPENSATION_TYPES)
    r.text("remarks", max_length=2000)
    if not r.has_error("households") and not r.has_error("houses") and not (households or houses):
        r.error("households", translate("Rules", "Enter the households or houses signed"))
    r.checked.values["households"] = households or 0
    r.checked.values["houses"] = houses or 0
    if context.duplicate_key:
        r.error("agreement_no", translate("Rules", "This agreement number is already recorded for this project"))
    project = context.project
    if project is not None:
        _check_total(r, "households", households, project.signed_households, project.total_households)
        _check_total(r, "houses", houses, project.signed_houses, project.total_houses)
    if households is not None and households > LARGE_SIGNING_HOUSEHOLDS:
        r.warn(
            "households",
            translate("Rules", "{n} households in one entry is unusually many; is it right?").format(n=households),
        )
    return r.checked


def _check_total(r: _Reader, name: str, amount: int | None, signed: int, total: int | None) -> None:
    if amount is None or total is None or r.has_error(name):
        return
    if signed + amount > total:
        r.error(
            name,
            translate(
                "Rules", "Signed would reach {after}, more than the project's total of {total} ({left} left)"
            ).format(after=signed + amount, total=total, left=max(total - signed, 0)),
        )


def read_demolition(draft: DemolitionDraft, *, today: date, context: Context) -> Checked:
    r = _Reader(draft, today)
    r.text("case_no", required=True, max_length=40)
    r.place(context.divisions, street_required=True)
    r.reference(
        "community_uuid",
        context.community_exists,
        required=False,
        message=QT_TRANSLATE_NOOP("Rules", "No such community or village"),
    )
    r.reference(
        "project_uuid", context.project_exists, required=False, message=QT_TRANSLATE_NOOP("Rules", "No such project")
    )
    r.text("address", required=True, max_length=200)
    r.text("key_zone", max_length=100)
    r.choice("structure", vocab.STRUCTURES, required=True)
    area = r.decimal("area_m2", AREA_UNITS, AREA_M2, required=True)
    disposal = r.choice("disposal", vocab.DISPOSALS, required=True)
    status = r.choice("status", vocab.DEMOLITION_STATUSES, required=True)
    found = r.day("found_on", required=True)
    done = r.day("done_on")
    r.text("enforcement_unit", max_length=60)
    r.text("remarks", max_length=2000)
    if context.duplicate_key:
        r.error("case_no", translate("Rules", "This case number is already recorded"))
    if status in vocab.DEMOLITION_DONE and done is None and not r.has_error("done_on"):
        r.error("done_on", translate("Rules", "A finished case needs the date it was done"))
    if status is not None and status not in vocab.DEMOLITION_DONE and done is not None:
        r.warn("status", translate("Rules", "A date done is given but the status is not finished"))
    if found is not None and done is not None and done < found:
        r.error("done_on", translate("Rules", "The date done is before the date found"))
    # A case to rectify ends rectified and one to demolish ends demolished; the other way round
    # is usually a slip of the list, and it moves the case between the two reported figures.
    if disposal == "rectify" and status == "demolished":
        r.warn("status", translate("Rules", "The disposal is rectify but the status says demolished; is it right?"))
    if disposal == "demolish" and status == "rectified":
        r.warn("status", translate("Rules", "The disposal is demolish but the status says rectified; is it right?"))
    if area is not None and area == 0:
        r.warn("area_m2", translate("Rules", "The area is 0; is it right?"))
    if area is not None and area > LARGE_DEMOLITION_M2:
        r.warn(
            "area_m2", translate("Rules", "{area} m2 is unusually large for one case; check the unit").format(area=area)
        )
    return r.checked


def read_park(draft: ParkDraft, *, today: date, context: Context) -> Checked:
    r = _Reader(draft, today)
    r.text("name", required=True, max_length=100)
    kind = r.choice("kind", vocab.PARK_KINDS, required=True)
    r.place(context.divisions, street_required=False)
    r.reference(
        "project_uuid", context.project_exists, required=False, message=QT_TRANSLATE_NOOP("Rules", "No such project")
    )
    r.year("plan_year", required=True, ahead=5)
    status = r.choice("status", vocab.PARK_STATUSES, required=True)
    r.decimal("area_m2", AREA_UNITS, AREA_M2)
    length = r.decimal("length_km", LENGTH_UNITS, LENGTH_KM)
    r.decimal("investment_wan", MONEY_WAN_UNITS, MONEY_WAN)
    started = r.day("started_on")
    completed = r.day("completed_on")
    r.text("remarks", max_length=2000)
    if kind in vocab.LENGTH_PARK_KINDS and length is None and not r.has_error("length_km"):
        r.error("length_km", translate("Rules", "A greenway needs its length in km"))
    if status == "completed" and completed is None and not r.has_error("completed_on"):
        r.error("completed_on", translate("Rules", "A completed park needs a completion date"))
    if status is not None and status != "completed" and completed is not None:
        r.warn("status", translate("Rules", "A completion date is given but the status is not completed"))
    if started is not None and completed is not None and completed < started:
        r.error("completed_on", translate("Rules", "The completion date is before the start date"))
    return r.checked
