"""Take the README's screenshots headless, in Chinese, on the demo data: .venv/bin/python tools/screenshots.py"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qdgui import i18n  # noqa: E402
from qdgui.config import DeviceSettings  # noqa: E402
from qdgui.drafts import DraftStore  # noqa: E402
from qdgui.models import demo  # noqa: E402
from qdgui.models.migrate import open_database  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
TODAY = date(2026, 11, 21)


def main() -> None:
    i18n.set_language("zh_CN")
    from qdgui.views.launch import make_application

    app = make_application("zh_CN")
    from qdgui.views.dialogs import SettingsDialog
    from qdgui.views.main_window import MainWindow

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        database, _ = open_database(Path(folder) / "demo.sqlite")
        with database.begin() as session:
            demo.fill(session, today=TODAY)
        settings = DeviceSettings(
            device_id="laptop-zhonghan-01", operator="王丽", district_code="370212", street_code="370212001"
        )
        first = SettingsDialog(database, DeviceSettings(device_id="laptop-zhonghan-01"))
        first.show()
        settle(app)
        first.grab().save(str(OUT / "first-start.png"))
        window = MainWindow(
            database, settings, drafts=DraftStore(Path(folder) / "drafts", database.identity), today=lambda: TODAY
        )
        window.resize(1366, 740)  # a 1366x768 laptop screen less the task bar: the common office size
        window.show()
        shots = {"signing": 0, "demolition": 1, "park": 2}
        for kind, index in shots.items():
            window.tabs.setCurrentIndex(index)
            settle(app)
            window.grab().save(str(OUT / f"{kind}.png"))
        # a form showing what is wrong, where
        window.tabs.setCurrentIndex(0)
        form = window.pages["signing"].form
        form.widgets["households"].setText("约30")
        form.widgets["signed_on"].setText("3月5日")
        form.save()
        settle(app)
        window.grab().save(str(OUT / "signing-problems.png"))
        form.start_new()
        # correcting a saved record: the form says so in an amber banner
        page = window.pages["signing"]
        page.table.selectRow(0)
        page.edit_selected()
        settle(app)
        window.grab().save(str(OUT / "editing.png"))
        form.start_new()
        _history_shot(app, page)
        window.tabs.setCurrentIndex(4)
        window.dashboard.project.set_code(_project_named(database, "张村河片区旧村改造"))
        settle(app)
        window.grab().save(str(OUT / "dashboard.png"))
        window.dashboard.pages.setCurrentWidget(window.dashboard.outlook)
        settle(app)
        window.grab().save(str(OUT / "dashboard-targets.png"))
        window.dashboard.pages.setCurrentIndex(0)
        window.tabs.setCurrentIndex(3)
        plans = window.tabs.currentWidget()
        for index, name in enumerate(("projects", "targets")):
            plans.setCurrentIndex(index)
            settle(app)
            window.grab().save(str(OUT / f"{name}.png"))
        from qdgui.views.export import WeeklyExportDialog

        weekly = WeeklyExportDialog(database, settings, TODAY, window)
        weekly.show()
        settle(app)
        weekly.grab().save(str(OUT / "export-weekly.png"))
        weekly.close()
        _import_shots(app, window, Path(folder))
        _photo_shots(app, window, database, Path(folder))
        window.close()
        database.close()
    print(f"screenshots written to {OUT}")


def _photo_shots(app, window, database, folder: Path) -> None:
    """A case opened for correction with its photos (two saved before, one added and not yet saved),
    and the viewer on the upright one."""
    from qdgui.models import photos
    from qdgui.models.records import Operator
    from qdgui.views.photo_strip import PhotoViewer
    from tests.support import photo_files

    window.tabs.setCurrentIndex(1)
    page = window.pages["demolition"]
    settle(app)
    case = page.model.uuid_at(0)
    by = Operator("王丽", "laptop-zhonghan-01")
    with database.begin() as session:
        for name, data in (
            ("IMG_2041.JPG", photo_files.phone_jpeg(colour=(150, 80, 40))),
            ("IMG_2042.JPG", photo_files.phone_jpeg(colour=(95, 95, 95), orientation=6)),
        ):
            photos.add_photo(
                session, "demolition", case, "before", photos.read_photo(data, name), file_name=name, by=by
            )
    page.form.edit(case)
    after = folder / "IMG_2107.JPG"
    after.write_bytes(photo_files.phone_jpeg(colour=(40, 150, 60)))
    page.form.photos.add_files([after], "after")
    settle(app)
    window.grab().save(str(OUT / "demolition-photos.png"))
    viewer = PhotoViewer(window, page.form.photos._items, 1, database)
    viewer.show()
    settle(app)
    viewer.grab().save(str(OUT / "photo-viewer.png"))
    viewer.close()
    page.form.start_new()


def _import_shots(app, window, folder: Path) -> None:
    """The import wizard on a messy hand-kept ledger (built by the tests' helper), and the batch list."""
    sys.path.insert(0, str(ROOT / "tests" / "unit"))
    import messy

    dialog = window.import_workbook(messy.demolition_ledger(folder / "中韩街道拆违台账.xlsx"))
    while dialog._task is not None or dialog._report is None:
        app.processEvents()
    dialog.grab().save(str(OUT / "import-problems.png"))
    dialog.pages.setCurrentWidget(dialog.rows)
    settle(app)
    dialog.grab().save(str(OUT / "import-rows.png"))
    dialog.pages.setCurrentWidget(dialog.mapping)
    settle(app)
    dialog.grab().save(str(OUT / "import-mapping.png"))
    dialog.commit_button.click()
    while dialog._task is not None or dialog._report.batch_id is None:
        app.processEvents()
    dialog.close()
    window.show_batches()
    from qdgui.views.import_review import BatchesDialog

    listing = window.findChild(BatchesDialog)
    settle(app)
    listing.grab().save(str(OUT / "import-batches.png"))
    listing.close()


def settle(app) -> None:
    """Let layouts that changed (a message hidden, a page shown) finish before the grab."""
    for _ in range(6):
        app.processEvents()


def _history_shot(app, page) -> None:
    """A record's history: names, not codes; newest first."""
    from qdgui.views import dialogs

    shown = []
    original = dialogs.HistoryDialog.show_for
    dialogs.HistoryDialog.show_for = classmethod(
        lambda cls, title, entries, parent: shown.append(cls(title, entries, parent))
    )
    try:
        page.table.selectRow(0)
        page.show_history()
    finally:
        dialogs.HistoryDialog.show_for = original
    dialog = shown[0]
    dialog.show()
    settle(app)
    dialog.grab().save(str(OUT / "history.png"))
    dialog.close()


def _project_named(database, name: str) -> str:
    from sqlalchemy import select

    from qdgui.models.tables import Project

    with database.sessions() as session:
        return session.scalar(select(Project.uuid).where(Project.name == name))


if __name__ == "__main__":
    main()
