"""The main window's size and place: inside the screen it opens on, as it was left last time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSettings
from PySide6.QtWidgets import QMainWindow

PREFERRED = (1360, 820)  # roomy on 1920x1080; smaller screens get what they have


def restore(window: QMainWindow, state_file: Path) -> None:
    """Last session's geometry if it still fits a screen, else the preferred size within the screen."""
    saved = QSettings(str(state_file), QSettings.Format.IniFormat).value("main/geometry")
    if isinstance(saved, QByteArray) and window.restoreGeometry(saved) and _fits(window):
        return
    screen = window.screen()
    available = screen.availableGeometry() if screen is not None else QRect(0, 0, *PREFERRED)
    # Leave room for the frame the window manager adds (title bar, borders).
    width = min(PREFERRED[0], available.width() - 16)
    height = min(PREFERRED[1], available.height() - 40)
    window.resize(max(width, 640), max(height, 480))
    frame = window.frameGeometry()
    frame.moveCenter(available.center())
    window.move(max(frame.left(), available.left()), max(frame.top(), available.top()))


def _fits(window: QMainWindow) -> bool:
    screen = window.screen()
    if screen is None:
        return False
    return screen.availableGeometry().adjusted(-8, -8, 8, 8).contains(window.frameGeometry())


def save(window: QMainWindow, state_file: Path) -> None:
    QSettings(str(state_file), QSettings.Format.IniFormat).setValue("main/geometry", window.saveGeometry())
