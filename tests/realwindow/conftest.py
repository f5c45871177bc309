"""The real-window layer: qdgui started as a user starts it, on Xvfb, driven by xdotool key events."""

from __future__ import annotations

import json
from datetime import date

import pytest

from qdgui.models import repository
from qdgui.models.migrate import open_database
from qdgui.models.records import Operator, ProjectDraft
from tests.support.xwindow import RunningApp, XServer, missing_tools

OPERATOR = Operator("王丽", "laptop-real")
DISTRICT, STREET = "370212", "370212001"  # 崂山区 中韩街道


@pytest.fixture
def xserver_factory():
    absent = missing_tools()
    if absent:
        pytest.skip(
            f"no X server for real-window tests: {', '.join(absent)} not installed "
            "(tools/setup.sh installs them; apt-get install xvfb xdotool)"
        )
    started = []

    def start(width=1366, height=768):
        server = XServer(width, height)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def xserver(xserver_factory):
    return xserver_factory()


@pytest.fixture
def home(tmp_path):
    """A user's home: settings made at first start (operator, district, street), no window state."""
    folder = tmp_path / "home"
    data = folder / "data" / "qdgui"
    data.mkdir(parents=True)
    (data / "device.json").write_text(
        json.dumps(
            {
                "device_id": "laptop-real",
                "operator": OPERATOR.name,
                "district_code": DISTRICT,
                "street_code": STREET,
                "language": "zh_CN",
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def db_path(tmp_path):
    """A database with one project in the laptop's district (so the form preselects it)."""
    path = tmp_path / "街道" / "qdgui.sqlite"
    path.parent.mkdir()
    database, _ = open_database(path)
    with database.begin() as s:
        repository.add(
            s,
            ProjectDraft("张村河片区旧村改造", "licun_river", DISTRICT, STREET, total_households=702, total_houses=814),
            by=OPERATOR,
            today=date.today(),
        )
    database.close()
    return path


@pytest.fixture
def launch(home, db_path):
    apps = []

    def start(xserver, *, db=None, extra_env=None, args=(), wait=True, name="qdgui.sqlite"):
        app = RunningApp(xserver, db or db_path, home, extra_env=extra_env, args=args)
        apps.append(app)
        if wait:
            app.wait_window(name)
        return app

    yield start
    for app in apps:
        app.close()
