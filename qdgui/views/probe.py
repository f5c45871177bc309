"""For the real-window tests (tests/realwindow): on request, write what the window shows as JSON.

Active only when QDGUI_TEST_PROBE names a folder. The test writes `request` there; within 100 ms
the window answers with `state.json` (and a screen grab when the request is `shot:PATH`: geometry of every visible button and the status bar, the
form's title and status, the focused widget, open dialogs) and removes the request.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QMainWindow,
    QWidget,
)


def _rect(widget: QWidget) -> list[int]:
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    return [top_left.x(), top_left.y(), widget.width(), widget.height()]


def describe(window: Any) -> dict:
    app = cast(QApplication, QApplication.instance())
    page = window.tabs.currentWidget()
    form = getattr(page, "form", None)
    focus = app.focusWidget()
    screen = window.screen()
    available = screen.availableGeometry() if screen else None
    frame = window.frameGeometry()
    buttons = []
    for button in window.findChildren(QAbstractButton):
        if button.isVisibleTo(window) and button.isVisible() and button.text():
            buttons.append({"text": button.text(), "name": button.objectName(), "rect": _rect(button)})
    return {
        "window_title": window.windowTitle(),
        "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
        "available": [available.x(), available.y(), available.width(), available.height()] if available else None,
        "tab": window.tabs.tabText(window.tabs.currentIndex()),
        "buttons": buttons,
        "status_bar": _rect(window.statusBar()),
        "status_message": window.statusBar().currentMessage(),
        "form_title": form.title.text() if form else None,
        "form_status": form.status.text() if form else None,
        "form_editing": bool(form and form.editing),
        "problems": {name: form.problem_text(name) for name in form.widgets} if form else {},
        "values": form.raw_values() if form else {},
        "focus": (focus.objectName() or type(focus).__name__) if focus else None,
        "focus_parent": _parent_name(focus),
        "table": _rect(page.table) if hasattr(page, "table") else None,
        "table_rows": page.model.rowCount() if hasattr(page, "model") else None,
        "table_top": [  # what the first rows of the table show, cell by cell
            [page.model.index(r, c).data() for c in range(page.model.columnCount())]
            for r in range(min(5, page.model.rowCount()))
        ]
        if hasattr(page, "model")
        else [],
        "fields": {name: _rect(w) for name, w in form.widgets.items()} if form else {},
        "photos": form.photos.items() if form is not None and getattr(form, "photos", None) else None,
        "photo_list": _rect(form.photos.list) if form is not None and getattr(form, "photos", None) else None,
        "dialogs": [w.windowTitle() for w in app.topLevelWidgets() if w.isVisible() and w is not window],
        "active": app.activeWindow() is window,
    }


def _parent_name(widget) -> str | None:
    parent = widget.parentWidget() if widget is not None else None
    return parent.objectName() if parent is not None else None


class Probe(QObject):
    def __init__(self, window: QMainWindow, folder: Path):
        super().__init__(window)
        self._window = window
        self._folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self._timer = QTimer(self, interval=100)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def _poll(self) -> None:
        request = self._folder / "request"
        if not request.exists():
            return
        asked = request.read_text(encoding="utf-8")
        if asked.startswith("shot:"):  # the whole screen, dialogs included, as the user sees it
            QApplication.primaryScreen().grabWindow(0).save(asked[5:], "PNG")
        temp = self._folder / "state.json.part"
        temp.write_text(json.dumps(describe(self._window), ensure_ascii=False), encoding="utf-8")
        os.replace(temp, self._folder / "state.json")
        request.unlink(missing_ok=True)


def install_if_asked(window: Any) -> None:
    folder = os.environ.get("QDGUI_TEST_PROBE")
    if folder:
        window._test_probe = Probe(window, Path(folder))
