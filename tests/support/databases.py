"""New laptop databases made fast for tests that make hundreds: a migrated file made once per
process, copied, and opened by qdgui itself (open_database), which gives the copy its own identity."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from qdgui.models.database import Database
from qdgui.models.migrate import open_database

_TEMPLATE: Path | None = None


def _template() -> Path:
    global _TEMPLATE
    if _TEMPLATE is None or not _TEMPLATE.exists():
        folder = Path(tempfile.mkdtemp(prefix="qdgui-template-"))
        path = folder / "template.sqlite"
        database, _ = open_database(path)
        database.close()  # the last connection folds the write-ahead log into the file
        raw = sqlite3.connect(path)
        with raw:  # without an identity: each copy gets its own at its first opening
            raw.execute("DELETE FROM meta WHERE key IN ('database_id', 'created_at', 'created_by_version')")
        raw.close()
        _TEMPLATE = path
    return _TEMPLATE


def new_database(path: Path) -> Database:
    """A new, empty qdgui database at path, as open_database makes one (schema at head, divisions,
    an identity of its own), in a fraction of the time of running every migration."""
    shutil.copyfile(_template(), path)
    os.utime(path)
    database, _ = open_database(path)
    return database
