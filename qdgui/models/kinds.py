"""What each kind of record is, written once: its fields, keys and references, for every layer.

The forms (views/fields.py), the record tables (models/listing.py), the ledger (excel/ledger.py),
the merge (excel/merge.py), the history and review (models/describe.py), the repository and the
command line all take field order, labels, types, vocabularies, units, keys and references from
here. What is genuinely one layer's stays in that layer: the ORM (tables.py, checked against this
by tests/unit/test_kinds.py), cross-field rules (rules.py), widgets and widths, import synonyms.
How to add a field: docs/ARCHITECTURE.md.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Callable

from qdgui.i18n import QT_TRANSLATE_NOOP
from qdgui.models import vocab
from qdgui.models.base import AREA_M2, LAND_MU, LENGTH_KM, MONEY_WAN, TARGET
from qdgui.models.records import (
    CommunityDraft,
    DemolitionDraft,
    ParkDraft,
    ProjectDraft,
    SigningDraft,
    TargetDraft,
    field_label,
)

# Field types: text, multiline, int, decimal, date, year, choice, division, reference
NUMERIC = ("int", "decimal", "year")

# Every record's identity and provenance, beside its fields (not entered, never a field of a draft).
META_FIELDS = (
    "uuid",
    "created_at",
    "updated_at",
    "operator",
    "device",
    "version",
    "deleted",
    "source_file",
    "clock",
    "dots",
)


@dataclass(frozen=True)
class FieldInfo:
    name: str
    type: str
    required: bool = False
    vocabulary: dict | None = None
    unit: str | None = None  # English source in the "Units" context, for numbers with a unit
    places: int = 0  # decimal places kept (0 for counts)
    max_length: int | None = None
    references: str | None = None  # the kind a "reference" points at

    @property
    def label(self) -> str:
        return field_label(self.name)

    @property
    def numeric(self) -> bool:
        return self.type in NUMERIC


@dataclass(frozen=True)
class KindInfo:
    name: str
    title: str  # English source in the "Excel" context: the ledger's sheet title
    noun: str  # English source in the "Kinds" context: "relocation signing"
    draft: type
    fields: tuple[FieldInfo, ...]
    unique: tuple[tuple[str, ...], ...] = ()  # natural keys among live records (partial unique indexes)
    look_alike: tuple[tuple[str, ...], str] | None = None  # (fields that make a look-alike, field that names it)
    known_by: tuple[str, ...] = ()  # what people name a record by, in history, review and merge accounts

    def field(self, name: str) -> FieldInfo:
        for info in self.fields:
            if info.name == name:
                return info
        raise KeyError(f"{self.name} has no field {name}")

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @property
    def references(self) -> tuple[tuple[str, str], ...]:
        return tuple((f.name, f.references) for f in self.fields if f.references)

    @property
    def table(self):
        from qdgui.models.tables import RECORD_TABLES

        return RECORD_TABLES[self.name]

    @property
    def read(self) -> Callable:
        from qdgui.models import rules

        return getattr(rules, f"read_{_RULES[self.name]}")


_RULES = {
    "project": "project",
    "annual_target": "target",
    "community": "community",
    "signing": "signing",
    "demolition": "demolition",
    "park": "park",
}

F = FieldInfo
_DISTRICT = F("district_code", "division", required=True)
_STREET = F("street_code", "division")
_STREET_REQUIRED = F("street_code", "division", required=True)
_PROJECT = F("project_uuid", "reference", references="project")
_COMMUNITY = F("community_uuid", "reference", references="community")
MONTHS = range(1, 13)
_REMARKS = F("remarks", "multiline", max_length=2000)


def _area(name: str, required: bool = False) -> FieldInfo:
    return F(name, "decimal", required=required, unit=QT_TRANSLATE_NOOP("Units", "m2"), places=AREA_M2)


# In the order a clerk enters them (the form's order); what others refer to comes first.
KINDS: dict[str, KindInfo] = {
    "project": KindInfo(
        "project",
        QT_TRANSLATE_NOOP("Excel", "Projects"),
        QT_TRANSLATE_NOOP("Kinds", "project"),
        ProjectDraft,
        (
            F("name", "text", required=True, max_length=100),
            F("campaign_area", "choice", required=True, vocabulary=vocab.CAMPAIGN_AREAS),
            _DISTRICT,
            _STREET,
            F("total_households", "int", unit=QT_TRANSLATE_NOOP("Units", "households")),
            F("total_houses", "int", unit=QT_TRANSLATE_NOOP("Units", "houses")),
            _area("total_area_m2"),
            F("total_land_mu", "decimal", unit=QT_TRANSLATE_NOOP("Units", "mu"), places=LAND_MU),
            _REMARKS,
        ),
        unique=(("district_code", "name"),),
        known_by=("name", "district_code"),
    ),
    "annual_target": KindInfo(
        "annual_target",
        QT_TRANSLATE_NOOP("Excel", "Annual targets"),
        QT_TRANSLATE_NOOP("Kinds", "annual target"),
        TargetDraft,
        (
            F("year", "year", required=True),
            _DISTRICT,
            _STREET,
            F("measure", "choice", required=True, vocabulary=vocab.MEASURES),
            F("value", "decimal", required=True, places=TARGET),
            *(F(f"month_{m}", "decimal", places=TARGET) for m in MONTHS),
        ),
        unique=(("year", "district_code", "street_code", "measure"),),
        known_by=("year", "district_code", "street_code", "measure"),
    ),
    "community": KindInfo(
        "community",
        QT_TRANSLATE_NOOP("Excel", "Communities and villages"),
        QT_TRANSLATE_NOOP("Kinds", "community/village"),
        CommunityDraft,
        (
            _STREET_REQUIRED,
            F("name", "text", required=True, max_length=60),
            F("kind", "choice", required=True, vocabulary=vocab.COMMUNITY_KINDS),
        ),
        unique=(("street_code", "name"),),
        known_by=("name", "street_code"),
    ),
    "signing": KindInfo(
        "signing",
        QT_TRANSLATE_NOOP("Excel", "Relocation signings"),
        QT_TRANSLATE_NOOP("Kinds", "relocation signing"),
        SigningDraft,
        (
            _DISTRICT,
            _STREET_REQUIRED,
            F("project_uuid", "reference", required=True, references="project"),
            _COMMUNITY,
            F("signed_on", "date", required=True),
            F("households", "int", unit=QT_TRANSLATE_NOOP("Units", "households")),
            F("houses", "int", unit=QT_TRANSLATE_NOOP("Units", "houses")),
            _area("area_m2"),
            F("land_mu", "decimal", unit=QT_TRANSLATE_NOOP("Units", "mu"), places=LAND_MU),
            F("agreement_no", "text", max_length=40),
            F("compensation", "choice", vocabulary=vocab.COMPENSATION_TYPES),
            _REMARKS,
        ),
        unique=(("project_uuid", "agreement_no"),),
        look_alike=(("project_uuid", "signed_on", "households", "houses", "community_uuid"), "agreement_no"),
        known_by=("signed_on", "project_uuid", "community_uuid", "agreement_no", "households"),
    ),
    "demolition": KindInfo(
        "demolition",
        QT_TRANSLATE_NOOP("Excel", "Illegal buildings"),
        QT_TRANSLATE_NOOP("Kinds", "illegal-building case"),
        DemolitionDraft,
        (
            F("case_no", "text", required=True, max_length=40),
            _DISTRICT,
            _STREET_REQUIRED,
            _COMMUNITY,
            F("address", "text", required=True, max_length=200),
            F("key_zone", "text", max_length=100),
            F("structure", "choice", required=True, vocabulary=vocab.STRUCTURES),
            _area("area_m2", required=True),
            F("disposal", "choice", required=True, vocabulary=vocab.DISPOSALS),
            F("status", "choice", required=True, vocabulary=vocab.DEMOLITION_STATUSES),
            F("found_on", "date", required=True),
            F("done_on", "date"),
            F("enforcement_unit", "text", max_length=60),
            _PROJECT,
            _REMARKS,
        ),
        unique=(("case_no",),),
        look_alike=(("address", "found_on"), "case_no"),
        known_by=("case_no", "street_code", "address", "found_on"),
    ),
    "park": KindInfo(
        "park",
        QT_TRANSLATE_NOOP("Excel", "Parks"),
        QT_TRANSLATE_NOOP("Kinds", "park"),
        ParkDraft,
        (
            F("name", "text", required=True, max_length=100),
            F("kind", "choice", required=True, vocabulary=vocab.PARK_KINDS),
            _DISTRICT,
            _STREET,
            F("plan_year", "year", required=True),
            F("status", "choice", required=True, vocabulary=vocab.PARK_STATUSES),
            _area("area_m2"),
            F("length_km", "decimal", unit=QT_TRANSLATE_NOOP("Units", "km"), places=LENGTH_KM),
            F("investment_wan", "decimal", unit=QT_TRANSLATE_NOOP("Units", "10k yuan"), places=MONEY_WAN),
            F("started_on", "date"),
            F("completed_on", "date"),
            _PROJECT,
            _REMARKS,
        ),
        look_alike=(("name", "district_code"), "name"),
        known_by=("name", "district_code", "plan_year"),
    ),
}

BY_DRAFT: dict[type, KindInfo] = {info.draft: info for info in KINDS.values()}

# Which fields of which kind hold a code of which list.
FIELD_VOCABULARIES: dict[tuple[str, str], dict] = {
    (kind.name, f.name): f.vocabulary for kind in KINDS.values() for f in kind.fields if f.vocabulary is not None
}


def kind_of(draft_or_type) -> KindInfo:
    draft_type = draft_or_type if isinstance(draft_or_type, type) else type(draft_or_type)
    return BY_DRAFT[draft_type]


def draft_field_names(draft_type: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(draft_type))


def content_fields(kind: str) -> tuple[str, ...]:
    """What a record of the kind holds, as two copies of it are compared: its fields and its tombstone."""
    return (*KINDS[kind].field_names, "deleted")
