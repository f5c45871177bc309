"""A file given to qdgui as the menu entry and file managers give it (`qdgui %f`): a database opens,
a workbook is offered for import, and a second start with a workbook hands it to the open window."""

from __future__ import annotations

import pytest
import xlsxwriter

from tests.support.xwindow import RunningApp

pytestmark = pytest.mark.realwindow


def hand_kept(path):
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("拆违台账")
    for c, text in enumerate(("违建编号", "街道", "地址", "结构", "面积（平方米）", "处置方式", "状态", "发现日期")):
        sheet.write(0, c, text)
    sheet.write_row(1, 0, ("ZH-001", "中韩街道", "株洲路1号", "彩钢", "30㎡", "拆除", "已认定", "2026年11月2日"))
    book.close()
    return path


def test_a_database_given_as_the_file_argument_is_opened(xserver, home, db_path):
    app = RunningApp(xserver, None, home, args=(str(db_path),))
    try:
        app.wait_window(db_path.name)
        state = app.wait_until(lambda s: s["window_title"].startswith(db_path.name), what="the window on that file")
        assert state["dialogs"] == []
    finally:
        app.close()


def test_a_workbook_given_as_the_file_argument_is_offered_for_import_and_a_second_start_hands_its_own_over(
    xserver, home, tmp_path
):
    first, second = hand_kept(tmp_path / "中韩街道拆违台账.xlsx"), hand_kept(tmp_path / "第二周台账.xlsx")
    app = RunningApp(xserver, None, home, args=(str(first),))  # on the default database, as from a file manager
    try:
        app.wait_window("qdgui.sqlite")
        state = app.wait_until(
            lambda s: any(first.name in d for d in s["dialogs"]), timeout=40, what="the import dialog on the workbook"
        )
        assert state["window_title"].startswith("qdgui.sqlite")
        app.keys("Escape")  # not now: nothing is imported
        app.wait_until(lambda s: s["dialogs"] == [], what="the dialog closed")
        other = RunningApp(xserver, None, home, args=(str(second),))
        try:
            assert other.process.wait(timeout=30) == 0  # handed over: no second window, no error box
        finally:
            other.close()
        state = app.wait_until(
            lambda s: any(second.name in d for d in s["dialogs"]), timeout=40, what="the second workbook offered"
        )
        app.keys("Escape")  # the offered dialog has the keyboard: Escape closes it
        app.wait_until(lambda s: s["dialogs"] == [], what="the second dialog closed by its own Escape")
    finally:
        app.close()
