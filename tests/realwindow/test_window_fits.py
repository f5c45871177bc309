"""The window opens inside the screens offices have, every button and the status bar on screen."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.realwindow


def inside(rect, area) -> bool:
    x, y, w, h = rect
    ax, ay, aw, ah = area
    return x >= ax and y >= ay and x + w <= ax + aw and y + h <= ay + ah


@pytest.mark.parametrize(
    "width,height,scale",
    [(1366, 768, None), (1280, 720, None), (1920, 1080, "1.5")],
    ids=["1366x768", "1280x720", "1920x1080@150%"],
)
def test_every_action_and_the_status_bar_are_on_the_screen(xserver_factory, launch, width, height, scale, tmp_path):
    xserver = xserver_factory(width, height)
    app = launch(xserver, extra_env={"QT_SCALE_FACTOR": scale} if scale else None)
    state = app.state(screenshot=tmp_path / "screen.png")
    screen = state["available"]
    assert inside(state["frame"], screen), (state["frame"], screen)
    for tab in ("征迁签约", "拆违治乱", "公园建设"):
        assert state["tab"] == tab
        names = [b["text"] for b in state["buttons"]]
        for wanted in ("保存（回车）", "修改", "删除", "修改历史"):
            assert wanted in names, (tab, wanted, names)
        off = [b["text"] for b in state["buttons"] if not inside(b["rect"], screen)]
        assert not off, f"{tab}: off screen: {off}"
        assert inside(state["status_bar"], screen)
        app.keys("ctrl+Next")  # next tab
        state = app.wait_until(lambda s, t=tab: s["tab"] != t, what="the next tab")


def test_the_window_comes_back_where_it_was_left(xserver, launch, tmp_path):
    app = launch(xserver)
    app.x.xdotool("windowsize", "--sync", app.window, "1000", "640")
    app.wait_until(lambda s: s["frame"][2] == 1000, what="the resize")
    app.keys("ctrl+q")  # 文件 → 退出
    assert app.process.wait(20) == 0
    again = launch(xserver)
    state = again.state()
    assert state["frame"][2:] == [1000, 640]
    assert "qdgui.sqlite" in state["window_title"]  # the title names the open file
