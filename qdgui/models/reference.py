"""Shipped reference data: Qingdao's districts and streets, loaded without touching user edits."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from qdgui.models.tables import Division
from qdgui.paths import resources_dir

CODE_SYSTEM = "NBS-2023"
PARENT_OF_CITY = "370000"  # Shandong province: not stored, the city is the root

# Names people write for a district besides its official one.
DISTRICT_ALIASES = {"西海岸新区": "370211", "青岛西海岸新区": "370211", "黄岛": "370211"}


def divisions_csv() -> Path:
    return resources_dir() / "reference" / "qingdao_divisions.csv"


def read_divisions(path: Path | None = None) -> list[dict]:
    with open(path or divisions_csv(), encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def ensure_divisions(session: Session, path: Path | None = None) -> int:
    """Insert shipped divisions the database lacks; returns how many. Renames by users are kept."""
    present = set(session.scalars(select(Division.code)))
    added = 0
    for row in read_divisions(path):  # the file lists parents before children
        if row["code"] in present:
            continue
        parent = row["parent_code"] if row["parent_code"] != PARENT_OF_CITY else None
        session.add(
            Division(
                code=row["code"], name=row["name"], level=row["level"], parent_code=parent, code_system=CODE_SYSTEM
            )
        )
        added += 1
    session.flush()
    return added
