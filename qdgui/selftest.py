"""`qdgui --self-test`: prove an installed build works, through the real code paths, in a temporary place."""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from datetime import date
from pathlib import Path
from typing import Callable

import qdgui
from qdgui.i18n import translate

REPORT_FILE = "qdgui-selftest.txt"


class _Steps:
    def __init__(self, out):
        self.failed = 0
        self.out = out

    def run(self, label: str, action: Callable[[], str]) -> None:
        start = time.perf_counter()
        try:
            detail = action()
        except Exception:  # noqa: BLE001 - every failure is reported, then the exit code says it
            self.failed += 1
            print(f"  FAIL  {label}", file=self.out)
            traceback.print_exc(file=self.out)
            return
        print(f"  ok    {label}: {detail} ({(time.perf_counter() - start) * 1000:.0f} ms)", file=self.out)
        self.out.flush()


def run(*, screenshot: Path | None = None) -> int:
    """Run every check; print what was done; 0 only when all of it worked."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A Windows window program has no console (sys.stdout is None): the report goes to a file.
    out = sys.stdout if sys.stdout is not None else open(REPORT_FILE, "w", encoding="utf-8")  # noqa: SIM115
    build = translate("SelfTest", "frozen build") if getattr(sys, "frozen", False) else translate("SelfTest", "source")
    print(
        translate("SelfTest", "qdgui {version} self-test ({build}, Python {python}, {platform})").format(
            version=qdgui.__version__, build=build, python=sys.version.split()[0], platform=sys.platform
        ),
        file=out,
    )
    steps = _Steps(out)
    with tempfile.TemporaryDirectory(prefix="qdgui-selftest-") as folder:
        state: dict = {"folder": Path(folder)}
        steps.run(translate("SelfTest", "database: create and migrate"), lambda: _database(state))
        steps.run(translate("SelfTest", "record: save through the rules and read back"), lambda: _record(state))
        steps.run(translate("SelfTest", "photos: JPEG and HEIC read and attached"), lambda: _photos(state))
        steps.run(translate("SelfTest", "Excel: write a ledger and read it back"), lambda: _ledger(state))
        steps.run(translate("SelfTest", "Excel: write the weekly report"), lambda: _weekly(state))
        steps.run(translate("SelfTest", "translations: Chinese catalogue"), _translations)
        steps.run(translate("SelfTest", "charts: pyqtgraph and its colour maps"), _charts)
        steps.run(translate("SelfTest", "window: render the main window"), lambda: _window(state, screenshot))
        if "database" in state:
            state["database"].close()
    print(
        translate("SelfTest", "self-test FAILED: {n} step(s)").format(n=steps.failed)
        if steps.failed
        else translate("SelfTest", "self-test passed"),
        file=out,
    )
    if out is not sys.stdout:
        out.close()
    return 1 if steps.failed else 0


def _database(state) -> str:
    from sqlalchemy import text

    from qdgui.models.migrate import open_database

    path = state["folder"] / "selftest.sqlite"
    database, _ = open_database(path)
    state["database"] = database
    with database.sessions() as session:
        revision = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
        streets = session.execute(text("SELECT count(*) FROM division WHERE level = 'township'")).scalar()
    if not streets:
        raise AssertionError("no reference divisions loaded")
    return f"{path.name} at revision {revision}, {streets} streets"


def _record(state) -> str:
    from qdgui.models import repository
    from qdgui.models.records import DemolitionDraft, Operator
    from qdgui.models.tables import Demolition

    database = state["database"]
    draft = DemolitionDraft(
        "ZJ-0001",
        "370202",
        "370202005",
        "中山路1号",
        "steel",
        "１２０㎡",
        "demolish",
        "demolished",
        "2026-11-01",
        "2026-11-03",
    )
    with database.begin() as session:
        uuid = repository.add(session, draft, by=Operator("self-test", "self-test"), today=date(2026, 11, 21))
    with database.sessions() as session:
        row = session.get(Demolition, uuid)
        stored = (row.case_no, str(row.area_m2), row.done_on.isoformat(), row.version)
    if stored != ("ZJ-0001", "120.00", "2026-11-03", 1):
        raise AssertionError(f"read back {stored}")
    state["uuid"] = uuid
    return f"demolition {uuid[:8]} area 120.00 m2"


def _photos(state) -> str:
    """A JPEG and a HEIC made here (the HEIC codec is what a bundle most easily leaves out), read
    under the limits and attached to the record saved above."""
    import io

    import pillow_heif
    from PIL import Image

    from qdgui.models import photos
    from qdgui.models.records import Operator

    pillow_heif.register_heif_opener()
    made = {}
    for name, form in (("site.jpg", "JPEG"), ("site.heic", "HEIF")):
        out = io.BytesIO()
        Image.new("RGB", (640, 480), (120, 90, 60)).save(out, form)
        made[name] = photos.read_photo(out.getvalue(), name)
    database = state["database"]
    with database.begin() as session:
        for name, facts in made.items():
            photos.add_photo(
                session,
                "demolition",
                state["uuid"],
                "after",
                facts,
                file_name=name,
                by=Operator("self-test", "self-test"),
            )
    with database.sessions() as session:
        kinds = [row.media_type for row in photos.photos_of(session, state["uuid"])]
    if kinds != ["image/jpeg", "image/heic"]:
        raise AssertionError(f"stored {kinds}")
    return "image/jpeg, image/heic with thumbnails"


def _ledger(state) -> str:
    from qdgui.excel import ledger

    out = state["folder"] / "ledger.xlsx"
    with state["database"].sessions() as session:
        written = ledger.write_ledger(session, out)
    read = ledger.read_ledger(out)
    with state["database"].sessions() as session:
        rows = list(ledger.record_values(read, "demolition", ledger.division_codes(session)))
    if [values["uuid"] for _, values in rows] != [state["uuid"]]:
        raise AssertionError("the saved record is not in the ledger")
    return f"{out.stat().st_size:,} bytes, {sum(written.values())} record(s) read back"


def _weekly(state) -> str:
    from qdgui.excel import weekly
    from qdgui.models.progress import iso_week

    out = state["folder"] / "weekly.xlsx"
    with state["database"].sessions() as session:
        report = weekly.export_weekly(session, out, week=iso_week(2026, 45), scope="370202", made_on=date(2026, 11, 21))
    done = report.sheets[2].totals[0].week
    if done != 1:
        raise AssertionError(f"expected 1 demolition in week 45, found {done}")
    return f"{out.stat().st_size:,} bytes: {report.title}"


def _translations() -> str:
    from qdgui import i18n

    previous = i18n.language()
    i18n.set_language("zh_CN")
    try:
        text = translate("Excel", "Total")
    finally:
        i18n.set_language(previous)
    if text != "合计":
        raise AssertionError(f"'Total' translates to {text!r}")
    from qdgui.paths import resources_dir

    qm = resources_dir() / "translations" / "qdgui_zh_CN.qm"
    if not qm.exists():
        raise AssertionError(f"{qm} is missing")
    return f"{qm.name} ({qm.stat().st_size:,} bytes)"


def _charts() -> str:
    import pyqtgraph
    import PySide6  # noqa: F401 - the binding pyqtgraph must use

    colours = pyqtgraph.colormap.get("viridis")
    return f"pyqtgraph {pyqtgraph.__version__}, viridis with {len(colours.color)} stops"


def _window(state, screenshot: Path | None) -> str:
    from qdgui.config import DeviceSettings
    from qdgui.drafts import DraftStore
    from qdgui.views.launch import make_application
    from qdgui.views.main_window import MainWindow

    app = make_application("zh_CN")
    folder = state["folder"]
    settings = DeviceSettings(device_id="self-test", operator="自检", district_code="370202", street_code="370202005")
    window = MainWindow(
        state["database"],
        settings,
        drafts=DraftStore(folder / "drafts", state["database"].identity),
        today=lambda: date(2026, 11, 21),
        settings_path=folder / "device.json",
    )
    window.resize(1280, 800)
    window.show()
    for _ in range(5):
        app.processEvents()
    picture = window.grab().toImage()
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    colours = {
        picture.pixelColor(x, y).name() for x in range(0, picture.width(), 37) for y in range(0, picture.height(), 29)
    }
    window.close()
    if picture.isNull() or len(colours) < 3 or tabs[0] != "征迁签约":
        raise AssertionError(f"window rendered {picture.width()}x{picture.height()}, tabs {tabs}")
    if screenshot is not None:
        picture.save(str(screenshot))
    platform = app.platformName()
    return f"{picture.width()}x{picture.height()} on '{platform}', tabs {' | '.join(tabs)}" + (
        f", saved {screenshot}" if screenshot else ""
    )
