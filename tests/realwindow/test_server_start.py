"""A district office's desktop that connects to the server when qdgui starts: the remembered
server's password is asked for first; without a network the laptop's own database opens."""

from __future__ import annotations

import json
import time

import pytest

from qdgui.models import access
from qdgui.models.migrate import open_database
from qdgui.models.server import make_server_engine
from tests.support.xwindow import RunningApp

pytestmark = pytest.mark.realwindow

DIALOG = "连接区级服务器"


def test_the_remembered_server_opens_at_start_after_its_password_and_the_laptop_is_the_way_out(
    xserver, home, pg_cluster, tmp_path
):
    url = pg_cluster.create_database("office")
    open_database(url)[0].close()
    engine = make_server_engine(url)
    access.init_server(engine)
    access.add_user(engine, access.Member("laoshan_zhao", "district", "370212", None), "门a-8421")
    engine.dispose()
    settings = home / "data" / "qdgui" / "device.json"
    kept = json.loads(settings.read_text(encoding="utf-8"))
    kept.update(server_address=pg_cluster.url("office", user="laoshan_zhao"), server_at_start=True)
    settings.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")

    # No network today (Escape: this laptop's database), then the server with its password.
    app = RunningApp(xserver, None, home)
    try:
        dialog = app.wait_for(DIALOG)
        xserver.xdotool("windowfocus", "--sync", dialog, check=False)
        xserver.xdotool("key", "Escape")
        app.wait_window("qdgui.sqlite")
        assert "laoshan_zhao" not in app.state()["window_title"]
    finally:
        app.close()
    assert json.loads(settings.read_text(encoding="utf-8"))["server_at_start"] is True  # asked again next time

    app = RunningApp(xserver, None, home)
    try:
        dialog = app.wait_for(DIALOG)
        xserver.xdotool("windowfocus", "--sync", dialog, check=False)
        time.sleep(0.3)
        app.type("wrong")  # the password field has the focus: the address and user are remembered
        xserver.xdotool("key", "Return")
        time.sleep(1.5)
        assert xserver.windows(DIALOG) and not xserver.windows("qdgui.sqlite"), app.output()  # said in the dialog
        xserver.xdotool("key", "ctrl+a")
        app.type("门a-8421")
        xserver.xdotool("key", "Return")
        app.wait_window("laoshan_zhao")
        state = app.state(screenshot=tmp_path / "server-start.png")
        import shutil

        shutil.copy(tmp_path / "server-start.png", "/tmp/server-start.png")
        assert "postgresql://laoshan_zhao" in state["window_title"] and "门" not in state["window_title"]
        assert state["dialogs"] == []
        assert "Traceback" not in app.output()
    finally:
        app.close()
    stored = settings.read_text(encoding="utf-8")
    assert "门a-8421" not in stored and json.loads(stored)["server_at_start"] is True
