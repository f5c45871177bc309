"""Unsaved form contents, kept on disk so a crash or an accidental close loses nothing (no Qt)."""

from __future__ import annotations

import json
import os
from pathlib import Path


class DraftStore:
    """One small JSON file per database and form; written atomically on every (debounced) change."""

    def __init__(self, folder: Path, database: Path | str):
        """database: the file (its real path names the drafts) or a server's address without password."""
        self.folder = Path(folder)
        name = str(Path(database).resolve()) if isinstance(database, Path) else database
        self._prefix = "".join(ch if ch.isalnum() else "_" for ch in name)[-80:]

    def _file(self, form: str) -> Path:
        return self.folder / f"{self._prefix}.{form}.json"

    def save(self, form: str, values: dict[str, str | None]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self._file(form)
        temp = target.with_suffix(".tmp")
        with open(temp, "w", encoding="utf-8") as handle:
            json.dump(values, handle, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)

    def load(self, form: str) -> dict[str, str | None] | None:
        try:
            data = json.loads(self._file(form).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def clear(self, form: str) -> None:
        self._file(form).unlink(missing_ok=True)
