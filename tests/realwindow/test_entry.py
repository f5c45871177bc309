"""The everyday entry loop in the real window: Tab and Enter only, the table, undo, delete."""

from __future__ import annotations

import sqlite3

import pytest

from qdgui.models.migrate import open_database

pytestmark = pytest.mark.realwindow


def signings(db_path) -> list[tuple]:
    """Live signings as stored: (households, houses, area, agreement, version)."""
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as con:
        return con.execute(
            "SELECT households, houses, area_m2, agreement_no, version FROM signing "
            "WHERE deleted = 0 ORDER BY created_at"
        ).fetchall()


def test_a_signing_typed_with_tab_and_enter_only_is_saved(xserver, launch, db_path, tmp_path):
    app = launch(xserver)
    state = app.state()
    assert state["focus"] == "households", state["focus"]  # the first field the next entry needs
    assert "新建" in state["form_title"]
    app.type("60")
    app.keys("Tab")
    app.type("70")
    app.keys("Tab")
    app.type("8400")
    app.keys("Tab", "Tab")
    app.type("XQ-001")
    app.keys("Return")
    state = app.wait_until(
        lambda s: "保存" in (s["form_status"] or "") and "未保存" not in s["form_status"], what="the save"
    )
    assert signings(db_path) == [(60, 70, 840000, "XQ-001", 1)]  # area kept in hundredths of ㎡
    assert state["focus"] == "households" and state["values"]["households"] is None
    assert state["values"]["project_uuid"]  # project, street and date are kept for the next entry
    app.type("25")
    app.keys("Tab")
    app.type("25")
    app.keys("KP_Enter")  # the keypad's Enter saves too
    app.wait_until(lambda s: len(signings(db_path)) == 2, what="the second save")
    assert [r[:2] for r in signings(db_path)] == [(60, 70), (25, 25)]
    # the table beside the form shows both at once, each put in its place without a reload
    state = app.wait_until(lambda s: s["table_rows"] == 2, what="the table to show both")
    assert sorted((row[5], row[6]) for row in state["table_top"]) == [("25", "25"), ("60", "70")]


def seed_signing(db_path, households=60, houses=70) -> str:
    """A signing saved before the window starts (through the repository, as any save)."""
    from datetime import date

    from qdgui.models import lookups, repository
    from qdgui.models.records import SigningDraft
    from tests.realwindow.conftest import DISTRICT, OPERATOR, STREET

    database, _ = open_database(db_path)
    try:
        with database.begin() as s:
            project = lookups.projects(s)[0][0]
            return repository.add(
                s,
                SigningDraft(project, DISTRICT, STREET, date.today().isoformat(), households=households, houses=houses),
                by=OPERATOR,
                today=date.today(),
            )
    finally:
        database.close()


def first_row(state) -> tuple[int, int]:
    x, y, w, h = state["table"]
    return x + 80, y + 38  # below the header, in the first row


def test_enter_with_a_row_selected_saves_a_new_record_and_never_overwrites(xserver, launch, db_path):
    seed_signing(db_path, 60, 70)
    app = launch(xserver)
    state = app.state()
    app.click(*first_row(state))  # select the saved record in the table
    app.click_rect(state["fields"]["households"])  # then type a new entry into the form
    app.type("25")
    app.keys("Tab")
    app.type("25")
    app.keys("Return")
    app.wait_until(lambda s: len(signings(db_path)) == 2, what="a second record")
    assert sorted(r[:2] + (r[4],) for r in signings(db_path)) == [(25, 25, 1), (60, 70, 1)]  # old one untouched


def test_enter_and_delete_act_on_the_table_only_while_it_has_focus(xserver, launch, db_path):
    seed_signing(db_path, 60, 70)
    app = launch(xserver)
    state = app.state()
    app.click(*first_row(state))
    state = app.state()
    assert state["focus"] != "households"
    app.keys("Return")  # in the table: opens the record for correction, and says so
    state = app.wait_until(lambda s: s["form_editing"], what="editing")
    assert "正在修改" in state["form_title"] and "第 1 版" in state["form_title"]
    assert state["values"]["households"] == "60"
    assert any(b["text"] == "保存修改（回车）" for b in state["buttons"])
    app.keys("Escape")  # leaves the record as it was
    state = app.wait_until(lambda s: not s["form_editing"], what="back to a new entry")
    assert "新建" in state["form_title"]
    # Delete while typing in a form field deletes text, never the selected record.
    app.click_rect(state["fields"]["households"])
    app.type("12")
    app.keys("Delete", "BackSpace")
    app.wait_until(lambda s: s["values"]["households"] == "1", what="text editing")
    assert len(signings(db_path)) == 1
    # Delete in the table asks, then deletes.
    app.click(*first_row(state))
    app.keys("Delete")
    app.wait_until(lambda s: any("删除" in d for d in s["dialogs"]), what="the confirmation")
    app.keys("alt+y")
    app.wait_until(lambda s: not signings(db_path), what="the deletion")


def test_ctrl_z_after_a_save_undoes_the_save(xserver, launch, db_path):
    app = launch(xserver)
    app.type("60")
    app.keys("Tab")
    app.type("70")
    app.keys("Return")
    app.wait_until(lambda s: len(signings(db_path)) == 1, what="the save")
    app.keys("ctrl+z")
    state = app.wait_until(lambda s: not signings(db_path), what="the undo")
    assert "已撤销" in state["form_status"] and "保存" not in state["form_status"]
    # With typed text in a field, Ctrl+Z takes back the typing first, not a saved record.
    app.type("33")
    app.keys("Tab")
    app.type("33")
    app.keys("Return")
    app.wait_until(lambda s: len(signings(db_path)) == 1, what="the second save")
    app.type("9")
    app.keys("ctrl+z")
    state = app.wait_until(lambda s: s["values"]["households"] is None, what="text undo")
    assert len(signings(db_path)) == 1


def test_a_fixed_error_stops_being_red_as_soon_as_it_is_corrected(xserver, launch, db_path):
    app = launch(xserver)
    app.type("30.5")  # half a household
    app.keys("Return")
    state = app.wait_until(lambda s: s["problems"]["households"], what="the problem")
    assert not signings(db_path) and "未保存" in state["form_status"]
    app.keys("ctrl+a")
    app.type("30")
    state = app.wait_until(lambda s: not s["problems"]["households"], what="the message to go")
