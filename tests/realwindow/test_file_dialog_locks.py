"""Browsing the database's own folder in a file dialog must not cost a single acknowledged save.

Qt's file dialog sniffs files of unknown type by opening them; on Linux closing such a second
descriptor drops this process's POSIX locks on the database, and the next program that opens and
closes the file (a backup script, a viewer) then deletes the live WAL under the running window.
"""

from __future__ import annotations

import sqlite3
import time

import pytest

pytestmark = pytest.mark.realwindow


def _type_signing(app, households: str, houses: str) -> None:
    app.type(households)
    app.keys("Tab")
    app.type(houses)
    app.keys("Return")


def test_listing_the_database_folder_then_another_reader_loses_nothing(xserver, launch, home, db_path):
    state_file = home / "data" / "qdgui" / "window.ini"
    state_file.write_text(f"[folders]\nimport={db_path.parent}\n", encoding="utf-8")
    app = launch(xserver)
    _type_signing(app, "60", "70")
    app.wait_until(lambda s: s["table_rows"] == 1, what="the first save")
    app.keys("ctrl+i")  # 导入工作簿: the dialog opens on the database's folder
    app.wait_until(lambda s: any("导入" in d for d in s["dialogs"]), what="the file dialog")
    time.sleep(2.5)  # let the dialog list the folder and look at every file in it
    app.keys("Escape")
    app.wait_until(lambda s: not s["dialogs"], what="the dialog to close")
    app.focus()
    # Another program opens and closes the database, as a backup script or a viewer does.
    other = sqlite3.connect(db_path)
    assert other.execute("SELECT count(*) FROM signing").fetchone() == (1,)
    other.close()
    _type_signing(app, "25", "25")
    app.wait_until(lambda s: s["table_rows"] == 2 and "保存" in s["form_status"], what="the second save")
    app.kill()  # the laptop dies
    with sqlite3.connect(db_path) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = con.execute("SELECT households, houses FROM signing WHERE deleted = 0 ORDER BY households").fetchall()
    assert rows == [(25, 25), (60, 70)]  # every acknowledged save is in the file
