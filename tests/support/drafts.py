"""Valid drafts for tests that need a record and care about one or two of its fields."""

from __future__ import annotations

from qdgui.models.records import DemolitionDraft


def demolition_draft(**changes) -> DemolitionDraft:
    """A case the rules accept as it is (崂山区中韩街道, identified, found on 2026-03-01); `changes`
    replace fields, as the form's user would."""
    values = dict(
        case_no="WJ-TEST-1",
        district_code="370212",
        street_code="370212001",
        address="东韩社区12号",
        structure="steel",
        area_m2="120",
        disposal="demolish",
        status="identified",
        found_on="2026-03-01",
    )
    values.update(changes)
    return DemolitionDraft(**values)
