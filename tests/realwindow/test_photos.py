"""A case's photos in the real window: the file dialog, Enter to save, Delete to remove, by real events."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from qdgui.models import repository
from qdgui.models.migrate import open_database
from tests.realwindow.conftest import OPERATOR
from tests.support import photo_files
from tests.support.drafts import demolition_draft

pytestmark = pytest.mark.realwindow


def stored_photos(db_path) -> list[tuple]:
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as con:
        return con.execute("SELECT file_name, role, deleted FROM photo ORDER BY created_at").fetchall()


def test_a_photo_chosen_in_the_file_dialog_is_saved_with_the_case_by_enter_and_removed_by_delete(
    xserver, launch, db_path, tmp_path
):
    database, _ = open_database(db_path)
    with database.begin() as s:
        repository.add(
            s, demolition_draft(case_no="WJ-REAL-7", found_on=date.today().isoformat()), by=OPERATOR, today=date.today()
        )
    database.close()
    photo = tmp_path / "拆除前现场.jpg"
    photo.write_bytes(photo_files.phone_jpeg())
    app = launch(xserver)
    app.keys("ctrl+2")  # 拆违治乱
    state = app.wait_until(lambda s: s["tab"] == "拆违治乱" and s["table_rows"] == 1, what="the demolition tab")
    x, y, w, h = state["table"]
    app.click(x + 80, y + 38)
    app.keys("Return")  # in the table: the case opens for correction
    state = app.wait_until(lambda s: s["form_editing"] and s["photos"] == [], what="the case in the form")
    add = next(b for b in state["buttons"] if b["name"] == "add_before_photos")
    assert add["text"] == "+拆除前…"
    app.click_button("add_before_photos")
    app.wait_until(
        lambda s: any("添加拆除前照片" in d for d in s["dialogs"]) and s["focus"] == "fileNameEdit",
        what="the file dialog, its file name field ready for typing",
    )
    app.type(str(photo))  # the dialog's file name field has the focus
    app.keys("Return")
    state = app.wait_until(
        lambda s: s["photos"] == [["before", "拆除前现场.jpg", False]], what="the photo in the strip"
    )
    assert "已添加 1 张拆除前照片" in state["form_status"]
    assert stored_photos(db_path) == []  # not before the save
    app.click_rect(state["fields"]["address"])
    app.keys("Return")
    app.wait_until(
        lambda s: stored_photos(db_path) == [("拆除前现场.jpg", "before", 0)], what="the save with the photo"
    )
    # open it again, select the photo, Delete, then save: the photo is removed (a tombstone)
    app.click(x + 80, y + 38)
    app.keys("Return")
    state = app.wait_until(
        lambda s: s["form_editing"] and s["photos"] == [["before", "拆除前现场.jpg", True]], what="reopened"
    )
    lx, ly, lw, lh = state["photo_list"]
    app.click(lx + 30, ly + 25)
    app.keys("Delete")
    state = app.wait_until(lambda s: s["photos"] == [], what="removed from the strip")
    app.click_rect(state["fields"]["address"])
    app.keys("Return")
    app.wait_until(lambda s: stored_photos(db_path) == [("拆除前现场.jpg", "before", 1)], what="the removal saved")
