"""The open table follows each save in place: the same rows, in the same order, as reading every key again."""

import random
from datetime import date, timedelta

import pytest

from qdgui.models import listing, repository
from qdgui.models.records import DemolitionDraft
from qdgui.models.tables import Demolition
from qdgui.views.record_model import RecordTableModel

STREETS = {"370212": ("370212001", "370212002"), "370202": ("370202005",)}


def _draft(rng: random.Random, number: int, **changes) -> DemolitionDraft:
    district = rng.choice(list(STREETS))
    found = date(2026, 1, 1) + timedelta(days=rng.randrange(0, 300))
    values = dict(
        case_no=f"WJ-{number}",
        district_code=district,
        street_code=rng.choice(STREETS[district]),
        address=rng.choice(["东韩社区", "王哥庄", "中韩"]) + f"{number}号",
        structure="steel",
        area_m2=str(rng.randrange(1, 500)),
        disposal="demolish",
        status="identified",
        found_on=found.isoformat(),
    )
    if rng.random() < 0.3:  # some finished: a column that is empty (NULL) for the others
        values.update(status="demolished", done_on=(found + timedelta(days=rng.randrange(1, 30))).isoformat())
    values.update(changes)
    return DemolitionDraft(**values)


@pytest.mark.parametrize("lazy", [False, True], ids=["read-whole", "read-in-chunks"])
@pytest.mark.parametrize(
    "sort, descending, filters",
    [
        (None, True, listing.Filters()),
        ("area_m2", False, listing.Filters()),
        ("district", True, listing.Filters()),  # a joined name
        ("done_on", True, listing.Filters()),  # empty for most: where NULL sorts is the engine's
        ("done_on", False, listing.Filters()),
        ("address", False, listing.Filters()),  # text: the engine's collation
        (None, True, listing.Filters(district_code="370212", text="东韩")),
    ],
)
def test_each_change_is_placed_where_a_full_read_puts_it(
    qtbot, db, clerk, today, sort, descending, filters, lazy, monkeypatch
):
    """After each random save, edit, deletion or restore, placed in the open list, the table shows
    every row exactly as reading the whole list again would. With lazy, the list's keys are read 7
    at a time and a row more than 7 below them by its page's offset (a million-record table's way,
    on 40-100 records; a (re)read starts with 3, as a million-record table's starts with a few
    screenfuls), and the rows are looked at in a random order."""
    if lazy:
        monkeypatch.setattr(RecordTableModel, "FIRST", 3)
        monkeypatch.setattr(RecordTableModel, "CHUNK", 7)
        monkeypatch.setattr(RecordTableModel, "FAR", 1)
        monkeypatch.setattr(RecordTableModel, "PAGE_SIZE", 5)
    rng = random.Random(7)
    with db.begin() as s:
        uuids = [repository.add(s, _draft(rng, n), by=clerk, today=today) for n in range(40)]
    model = RecordTableModel(db.sessions, "demolition", load=False)
    model._sort, model._descending = sort, descending
    model.set_filters(filters)
    model.start()
    qtbot.waitUntil(lambda: model.counted)  # a list longer than a chunk is counted in a thread
    number = 40
    for _ in range(60):
        action = rng.choice(["add", "edit", "delete", "restore"])
        with db.begin() as s:
            if action == "add":
                number += 1
                uuid = repository.add(s, _draft(rng, number), by=clerk, today=today)
                uuids.append(uuid)
            else:
                uuid = rng.choice(uuids)
                row = repository.get(s, Demolition, uuid)
                if action == "edit" and not row.deleted:
                    repository.update(
                        s,
                        uuid,
                        _draft(rng, 0, case_no=row.case_no),
                        by=clerk,
                        today=today,
                        expected_version=row.version,
                        confirm_warnings=True,
                    )
                elif action in ("delete", "restore"):
                    repository.set_deleted(s, type(row), uuid, action == "delete", by=clerk)
        model.place(uuid)
        qtbot.waitUntil(lambda: model.counted)
        with db.sessions() as s:
            keys = listing.keys(s, "demolition", filters, sort=sort, descending=descending)
            named = listing.page(s, "demolition", keys)
        expected = [named[k][0] for k in keys]
        assert model.rowCount() == len(expected), action
        rows = list(range(len(expected)))
        if lazy:
            rng.shuffle(rows)
        shown = {row: model.uuid_at(row) for row in rows}
        assert [shown[row] for row in range(len(expected))] == expected, action


def test_a_long_list_shows_its_first_rows_at_once_and_its_count_when_known(qtbot, db, clerk, today, monkeypatch):
    """A list longer than the first read of keys is not counted before it shows (count(*) of a
    million records takes 0.1-0.2 s): its first rows at once, then every row once a thread has
    counted them; a filter changed meanwhile is not answered by the older count."""
    monkeypatch.setattr(RecordTableModel, "FIRST", 7)
    rng = random.Random(3)
    with db.begin() as s:
        for n in range(40):
            repository.add(s, _draft(rng, n, district_code="370212", street_code="370212001"), by=clerk, today=today)
    seen = []
    model = RecordTableModel(db.sessions, "demolition", load=False)
    model.rows_changed.connect(seen.append)
    model.start()
    assert model.rowCount() == 7 and not model.counted  # shown before it was counted
    qtbot.waitUntil(lambda: model.counted)
    assert model.rowCount() == 40 and seen == [7, 40]
    assert [model.uuid_at(r) is not None for r in range(40)] == [True] * 40
    # another clerk's new case arriving while the list is counted: placed at once, counted again
    model.reload()
    assert not model.counted
    with db.begin() as s:
        newest = repository.add(
            s,
            _draft(
                rng,
                99,
                district_code="370212",
                street_code="370212001",
                found_on="2026-11-20",
                status="identified",
                done_on=None,
            ),
            by=clerk,
            today=today,
        )
    model.place(newest, remote=True)
    assert model.rowCount() == 8 and model.uuid_at(0) == newest
    qtbot.waitUntil(lambda: model.counted)
    with db.sessions() as s:
        keys = listing.keys(s, "demolition", listing.Filters())
        named = listing.page(s, "demolition", keys)
    assert model.rowCount() == 41 and [model.uuid_at(r) for r in range(41)] == [named[k][0] for k in keys]
    model.set_filters(listing.Filters(district_code="370202"))  # none there: counted at once
    assert model.counted and model.rowCount() == 0
    model._count_arrived(2, 41)  # an earlier read's count, arriving late, changes nothing
    assert model.rowCount() == 0 and seen[-1] == 0
