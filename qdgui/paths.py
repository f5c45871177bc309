"""Where resources/, db/ and the user's data live, from source or from a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path

APP_NAME = "qdgui"
PORTABLE_MARKER = "portable.txt"


def install_root() -> Path:
    """The folder holding resources/ and db/: the source tree, or PyInstaller's bundle."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parent.parent


def executable_dir() -> Path:
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return install_root()


def resources_dir() -> Path:
    return install_root() / "resources"


def migrations_dir() -> Path:
    return install_root() / "db"


def is_portable() -> bool:
    """A marker file next to the program keeps the data beside it (USB-stick installs)."""
    return (executable_dir() / PORTABLE_MARKER).exists()


def user_data_dir() -> Path:
    if is_portable():
        return executable_dir() / "data"
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    return user_data_dir() / "qdgui.sqlite"


def device_file() -> Path:
    return user_data_dir() / "device.json"


WINDOW_STATE = "window.ini"  # the window's place and size, and the file dialogs' last folders


def window_state_file() -> Path:
    return user_data_dir() / WINDOW_STATE
