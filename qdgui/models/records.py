"""Frozen record types: drafts that forms, Excel rows and the command line submit, and problems."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from qdgui.i18n import QT_TRANSLATE_NOOP, translate

Raw = Any  # text as typed, or a number/date as an Excel cell holds it; rules parse it


@dataclass(frozen=True)
class Operator:
    """Who is entering, and on which laptop: the provenance stamped on every record."""

    name: str
    device: str


@dataclass(frozen=True)
class Problem:
    field: str
    message: str
    severity: str = "error"  # "error" blocks saving; "warning" needs confirmation

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def describe(self) -> str:
        return f"{field_label(self.field)}: {self.message}"


class ValidationFailed(Exception):
    """Raised by the repository when a draft has errors, or unconfirmed warnings."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(p.describe() for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class ProjectDraft:
    name: Raw
    campaign_area: Raw
    district_code: Raw
    street_code: Raw = None
    total_households: Raw = None
    total_houses: Raw = None
    total_area_m2: Raw = None
    total_land_mu: Raw = None
    remarks: Raw = None


@dataclass(frozen=True)
class TargetDraft:
    year: Raw
    district_code: Raw
    measure: Raw
    value: Raw
    street_code: Raw = None
    # The plan of each month (how much of the year's target falls in it), where the office gives one.
    month_1: Raw = None
    month_2: Raw = None
    month_3: Raw = None
    month_4: Raw = None
    month_5: Raw = None
    month_6: Raw = None
    month_7: Raw = None
    month_8: Raw = None
    month_9: Raw = None
    month_10: Raw = None
    month_11: Raw = None
    month_12: Raw = None


@dataclass(frozen=True)
class CommunityDraft:
    street_code: Raw
    name: Raw
    kind: Raw = "community"


@dataclass(frozen=True)
class SigningDraft:
    project_uuid: Raw
    district_code: Raw
    street_code: Raw
    signed_on: Raw
    households: Raw = None
    houses: Raw = None
    area_m2: Raw = None
    land_mu: Raw = None
    community_uuid: Raw = None
    agreement_no: Raw = None
    compensation: Raw = None
    remarks: Raw = None


@dataclass(frozen=True)
class DemolitionDraft:
    case_no: Raw
    district_code: Raw
    street_code: Raw
    address: Raw
    structure: Raw
    area_m2: Raw
    disposal: Raw
    status: Raw
    found_on: Raw
    done_on: Raw = None
    community_uuid: Raw = None
    project_uuid: Raw = None
    key_zone: Raw = None
    enforcement_unit: Raw = None
    remarks: Raw = None


@dataclass(frozen=True)
class ParkDraft:
    name: Raw
    kind: Raw
    district_code: Raw
    plan_year: Raw
    status: Raw
    street_code: Raw = None
    area_m2: Raw = None
    length_km: Raw = None
    investment_wan: Raw = None
    started_on: Raw = None
    completed_on: Raw = None
    project_uuid: Raw = None
    remarks: Raw = None


def draft_fields(draft_type: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(draft_type))


FIELD_LABELS = {
    "photo_before": QT_TRANSLATE_NOOP("Fields", "Photo before demolition"),
    "photo_after": QT_TRANSLATE_NOOP("Fields", "Photo after demolition"),
    "photo_completion": QT_TRANSLATE_NOOP("Fields", "Completion photo"),
    "name": QT_TRANSLATE_NOOP("Fields", "Name"),
    "campaign_area": QT_TRANSLATE_NOOP("Fields", "Campaign area"),
    "district_code": QT_TRANSLATE_NOOP("Fields", "District"),
    "street_code": QT_TRANSLATE_NOOP("Fields", "Street/town"),
    "community_uuid": QT_TRANSLATE_NOOP("Fields", "Community/village"),
    "project_uuid": QT_TRANSLATE_NOOP("Fields", "Project"),
    "total_households": QT_TRANSLATE_NOOP("Fields", "Total households"),
    "total_houses": QT_TRANSLATE_NOOP("Fields", "Total houses"),
    "total_area_m2": QT_TRANSLATE_NOOP("Fields", "Total building area (m2)"),
    "total_land_mu": QT_TRANSLATE_NOOP("Fields", "Total land (mu)"),
    "remarks": QT_TRANSLATE_NOOP("Fields", "Remarks"),
    "year": QT_TRANSLATE_NOOP("Fields", "Year"),
    "measure": QT_TRANSLATE_NOOP("Fields", "Measure"),
    "value": QT_TRANSLATE_NOOP("Fields", "Target value"),
    "month_1": QT_TRANSLATE_NOOP("Fields", "Plan for January"),
    "month_2": QT_TRANSLATE_NOOP("Fields", "Plan for February"),
    "month_3": QT_TRANSLATE_NOOP("Fields", "Plan for March"),
    "month_4": QT_TRANSLATE_NOOP("Fields", "Plan for April"),
    "month_5": QT_TRANSLATE_NOOP("Fields", "Plan for May"),
    "month_6": QT_TRANSLATE_NOOP("Fields", "Plan for June"),
    "month_7": QT_TRANSLATE_NOOP("Fields", "Plan for July"),
    "month_8": QT_TRANSLATE_NOOP("Fields", "Plan for August"),
    "month_9": QT_TRANSLATE_NOOP("Fields", "Plan for September"),
    "month_10": QT_TRANSLATE_NOOP("Fields", "Plan for October"),
    "month_11": QT_TRANSLATE_NOOP("Fields", "Plan for November"),
    "month_12": QT_TRANSLATE_NOOP("Fields", "Plan for December"),
    "kind": QT_TRANSLATE_NOOP("Fields", "Kind"),
    "signed_on": QT_TRANSLATE_NOOP("Fields", "Date signed"),
    "households": QT_TRANSLATE_NOOP("Fields", "Households signed"),
    "houses": QT_TRANSLATE_NOOP("Fields", "Houses signed"),
    "area_m2": QT_TRANSLATE_NOOP("Fields", "Area (m2)"),
    "land_mu": QT_TRANSLATE_NOOP("Fields", "Land vacated (mu)"),
    "agreement_no": QT_TRANSLATE_NOOP("Fields", "Agreement number"),
    "compensation": QT_TRANSLATE_NOOP("Fields", "Compensation type"),
    "case_no": QT_TRANSLATE_NOOP("Fields", "Case number"),
    "address": QT_TRANSLATE_NOOP("Fields", "Address"),
    "key_zone": QT_TRANSLATE_NOOP("Fields", "Key zone"),
    "structure": QT_TRANSLATE_NOOP("Fields", "Structure"),
    "disposal": QT_TRANSLATE_NOOP("Fields", "Disposal"),
    "status": QT_TRANSLATE_NOOP("Fields", "Status"),
    "found_on": QT_TRANSLATE_NOOP("Fields", "Date found"),
    "done_on": QT_TRANSLATE_NOOP("Fields", "Date done"),
    "enforcement_unit": QT_TRANSLATE_NOOP("Fields", "Enforcement unit"),
    "plan_year": QT_TRANSLATE_NOOP("Fields", "Plan year"),
    "length_km": QT_TRANSLATE_NOOP("Fields", "Length (km)"),
    "investment_wan": QT_TRANSLATE_NOOP("Fields", "Investment (10k yuan)"),
    "started_on": QT_TRANSLATE_NOOP("Fields", "Date started"),
    "completed_on": QT_TRANSLATE_NOOP("Fields", "Date completed"),
    "version": QT_TRANSLATE_NOOP("Fields", "Version"),
    "operator": QT_TRANSLATE_NOOP("Fields", "Operator"),
    "updated_at": QT_TRANSLATE_NOOP("Fields", "Updated"),
    "deleted": QT_TRANSLATE_NOOP("Fields", "Deleted"),
}


def field_label(field: str) -> str:
    return translate("Fields", FIELD_LABELS.get(field, field))
