"""Started from the menu, a start-up failure must be seen: a message box, not a line on stderr."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.realwindow


def test_a_second_start_on_the_same_file_says_so_in_a_box(xserver, launch, db_path):
    first = launch(xserver)
    second = launch(xserver, wait=False)
    box = second.wait_for("qdgui 无法启动", timeout=30)
    xserver.xdotool("windowfocus", "--sync", box, check=False)
    xserver.xdotool("key", "Return")
    assert second.process.wait(20) == 1
    assert "已经在另一个 qdgui 窗口中打开" in second.output() or "已在另一个" in second.output(), second.output()
    assert first.state()["active"] is not None  # the first window still answers


def test_a_damaged_file_says_what_to_do_in_a_box(xserver, launch, tmp_path):
    broken = tmp_path / "坏文件.sqlite"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x13" * 5000)
    app = launch(xserver, db=broken, wait=False)
    box = app.wait_for("qdgui 无法启动", timeout=30)
    xserver.xdotool("windowfocus", "--sync", box, check=False)
    xserver.xdotool("key", "Return")
    assert app.process.wait(20) == 1
    assert "Traceback" not in app.output()
