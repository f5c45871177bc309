"""The real main window for the benches: built on a database, shown, its charts prebuilt, and the
signing form's Enter timed until the window settles (bench_city.py, bench_server.py)."""

from __future__ import annotations

import tempfile
import time
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def shown_window(database, settings=None, *, today=None, folder: Path | None = None):
    """A MainWindow on the database at 1366x740, shown, once its charts are built while it is idle
    (MainWindow._prebuild_dashboard), as a clerk finds it a moment after start; closed afterwards."""
    from PySide6.QtWidgets import QApplication

    from qdgui.config import DeviceSettings
    from qdgui.drafts import DraftStore
    from qdgui.views.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    settings = settings or DeviceSettings(device_id="bench", operator="bench")
    folder = folder or Path(tempfile.mkdtemp())
    extra = {"today": today} if today is not None else {}
    window = MainWindow(database, settings, drafts=DraftStore(folder / "drafts", database.identity), **extra)
    window.resize(1366, 740)
    window.show()
    deadline = time.monotonic() + 60
    while window._dashboard is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    try:
        yield app, window
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()


def signing_saves(app, window, project: str, saves: int, *, profile=None) -> list[float]:
    """Milliseconds from the signing form's save to the event loop idle again, `saves` times: the
    rules, the write, the row placed in the open table, the status line."""
    form = window.pages["signing"].form
    settled = []
    for _ in range(saves):
        form.widgets["project_uuid"].set_code(project)
        form.widgets["signed_on"].setText("2026-11-20")
        form.widgets["households"].setText("3")
        form.widgets["houses"].setText("3")
        start = time.perf_counter()
        if profile is not None:
            profile.enable()
        if form.save() is None:
            raise SystemExit("the bench's save was refused: " + form.status.text())
        app.processEvents()
        if profile is not None:
            profile.disable()
        settled.append((time.perf_counter() - start) * 1000)
    return settled
