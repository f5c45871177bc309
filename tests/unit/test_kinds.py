"""The registry (models/kinds.py) is the one home of what a kind is: every layer agrees with it."""

from __future__ import annotations

from dataclasses import fields, replace

import pytest
from sqlalchemy import String

from qdgui.excel import ledger
from qdgui.models import kinds, listing, repository
from qdgui.models.base import Scaled
from qdgui.models.records import (
    CommunityDraft,
    DemolitionDraft,
    ParkDraft,
    ProjectDraft,
    SigningDraft,
    TargetDraft,
)
from qdgui.models.review import LOOK_ALIKE

ALL = list(kinds.KINDS)


@pytest.mark.parametrize("kind", ALL)
def test_the_draft_has_exactly_the_registry_fields(kind):
    info = kinds.KINDS[kind]
    assert {f.name for f in fields(info.draft)} == set(info.field_names)
    assert len(info.field_names) == len(set(info.field_names))


@pytest.mark.parametrize("kind", ALL)
def test_the_orm_table_agrees_with_the_registry(kind):
    info = kinds.KINDS[kind]
    columns = info.table.__table__.columns
    assert set(columns.keys()) == set(info.field_names) | set(kinds.META_FIELDS)
    for field in info.fields:
        column = columns[field.name]
        if field.required:
            assert not column.nullable, f"{kind}.{field.name} is required but the column allows NULL"
        if field.max_length is not None:  # a Text column (remarks) has no length of its own: the rules limit it
            assert isinstance(column.type, String) and column.type.length in (field.max_length, None), field.name
        if field.type == "decimal":
            assert isinstance(column.type, Scaled) and column.type.places == field.places, field.name
        if field.type == "reference":
            targets = {fk.column.table.name for fk in column.foreign_keys}
            assert targets == {field.references}, field.name
        if field.type == "division":
            assert {fk.column.table.name for fk in column.foreign_keys} == {"division"}, field.name
        if column.foreign_keys:
            assert field.type in ("reference", "division"), f"{kind}.{field.name} points elsewhere"


def test_every_layer_takes_its_fields_from_the_registry():
    from qdgui.views.fields import FORMS  # noqa: PLC0415 - Qt only here, offscreen

    for kind, info in kinds.KINDS.items():
        assert [f.name for f in FORMS[kind].fields] == list(info.field_names)
        assert [f.required for f in FORMS[kind].fields] == [f.required for f in info.fields]
        ledger_fields = [c.key for c in ledger.COLUMNS[kind] if c.kind != "display"]
        width = len(info.field_names)
        assert ledger_fields[0] == "uuid" and ledger_fields[1 : 1 + width] == list(info.field_names)
        assert set(ledger_fields[1 + width :]) == set(kinds.META_FIELDS) - {"uuid"}
        vocabularies = {c.key: c.vocabulary for c in ledger.COLUMNS[kind] if c.vocabulary}
        assert vocabularies == {f.name: f.vocabulary for f in info.fields if f.vocabulary}
        assert repository.KINDS[info.draft].table is info.table
        assert ledger.SHEET_TITLES[kind] == info.title
        for column in listing.LISTINGS[kind].columns:
            if column.key in info.field_names:
                field = info.field(column.key)
                assert column.vocabulary is field.vocabulary and column.numeric == field.numeric, column.key
    assert LOOK_ALIKE == {k: i.look_alike for k, i in kinds.KINDS.items() if i.look_alike}


GOOD = {
    "project": lambda refs: ProjectDraft(
        "张村河片区旧村改造", "licun_river", "370212", "370212001", total_households=702
    ),
    "annual_target": lambda refs: TargetDraft(2026, "370212", "signed_households", "1200"),
    "community": lambda refs: CommunityDraft("370212001", "东韩村", "village"),
    "signing": lambda refs: SigningDraft(refs["project"], "370212", "370212001", "2026-11-20", households=6, houses=7),
    "demolition": lambda refs: DemolitionDraft(
        "LS-1", "370212", "370212001", "东韩社区12号", "steel", "120", "demolish", "identified", "2026-11-02"
    ),
    "park": lambda refs: ParkDraft("浮山公园", "pocket", "370212", 2026, "building"),
}


@pytest.mark.parametrize("kind", ALL)
def test_the_rules_refuse_every_required_field_left_empty(db, clerk, today, kind):
    """Required in the registry means required by the rules: no field's requirement lives in one place only."""
    with db.begin() as s:
        refs = {
            "project": repository.add(
                s,
                ProjectDraft("别的项目", "licun_river", "370212", "370212001", total_households=9),
                by=clerk,
                today=today,
            )
        }
    info = kinds.KINDS[kind]
    with db.sessions() as s:
        good = GOOD[kind](refs)
        assert repository.check(s, good, today=today).errors == []
        for field in info.fields:
            if not field.required:
                continue
            checked = repository.check(s, replace(good, **{field.name: None}), today=today)
            assert field.name in {p.field for p in checked.errors}, f"{kind}.{field.name} accepted empty"
