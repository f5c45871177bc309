"""Putting a backup back, as a supervisor does it: the File menu and the dialog by keyboard, real key
events on Xvfb, and the table showing the restored records."""

from __future__ import annotations

import sqlite3

import pytest

from qdgui.models.database import backup

pytestmark = pytest.mark.realwindow


def test_a_backup_is_restored_from_the_file_menu_by_keyboard(xserver, launch, db_path):
    app = launch(xserver)
    app.type("60")
    app.keys("Tab")
    app.type("70")
    app.keys("Return")
    app.wait_until(lambda s: s["table_rows"] == 1, what="the first save")
    app.kill()
    backup(db_path, label="before-import")  # as a merge would make one: one signing in it
    app = launch(xserver)
    app.type("25")
    app.keys("Tab")
    app.type("25")
    app.keys("Return")
    app.wait_until(lambda s: s["table_rows"] == 2, what="the second save")
    app.keys("alt+f")  # 文件
    app.keys("k")  # 备份与恢复(K)
    app.wait_until(lambda s: any("备份" in d for d in s["dialogs"]), what="the backups dialog")
    app.keys("alt+r")  # 恢复所选备份(R): the newest, selected
    app.wait_until(lambda s: any("恢复备份" in d for d in s["dialogs"]), what="the confirmation")
    app.keys("alt+y")  # 是(Y)
    app.wait_until(lambda s: s["table_rows"] == 1, what="the table to show the restored records")
    app.keys("Escape")
    app.wait_until(lambda s: not s["dialogs"], what="the dialog to close")
    app.kill()
    with sqlite3.connect(db_path) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = con.execute("SELECT households, houses FROM signing WHERE deleted = 0").fetchall()
    assert rows == [(60, 70)]
    kept = sorted(p.name for p in (db_path.parent / "backups").iterdir())
    assert any(name.endswith("-before-restore.sqlite") for name in kept)  # the 2-signing state, kept
