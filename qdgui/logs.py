"""The program's log: a rotating file in the data folder, where unexpected errors leave their details.

A user-facing message about an unexpected failure says what happened in the user's words and names
this file; the traceback goes here, never onto the screen.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from qdgui.paths import user_data_dir

LOG_NAME = "qdgui.log"
_configured: Path | None = None


def log_file() -> Path:
    return _configured or user_data_dir() / "logs" / LOG_NAME


def setup(folder: Path | None = None) -> Path:
    """Send qdgui's log records to a rotating file (1 MB x 5); safe to call again."""
    global _configured
    path = (folder or user_data_dir() / "logs") / LOG_NAME
    if _configured == path:
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler(sys.stderr)  # a read-only data folder still runs
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"))
    root = logging.getLogger("qdgui")
    for old in list(root.handlers):
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _configured = path
    return path
