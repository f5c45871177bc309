"""What a merge left for a person: conflicts chosen field by field, duplicates and look-alikes checked."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import false, select
from sqlalchemy.orm import Session

from qdgui.models import kinds, repository
from qdgui.models.records import Operator
from qdgui.models.tables import RECORD_TABLES, ReviewItem

KEPT, OTHER = "kept", "other"

# Content that suggests the same real thing entered twice, without a unique key saying so; and the
# field that names such a record to the user. Used by the merge and by the sheet import.
LOOK_ALIKE = {name: info.look_alike for name, info in kinds.KINDS.items() if info.look_alike}


def look_alike(session: Session, kind: str, values: dict) -> str | None:
    """What names a live record with the same look-alike content as `values` ('' when unnamed), or None."""
    if kind not in LOOK_ALIKE:
        return None
    keys, named = LOOK_ALIKE[kind]
    if values.get(keys[0]) is None:
        return None
    table = RECORD_TABLES[kind]
    conditions = [
        getattr(table, f).is_(None) if values.get(f) is None else getattr(table, f) == values[f] for f in keys
    ]
    found = session.execute(select(getattr(table, named)).where(table.deleted == false(), *conditions).limit(1)).first()
    return None if found is None else (found[0] or "")


@dataclass(frozen=True)
class OpenItem:
    id: int
    reason: str  # conflict, duplicate, similar
    kind: str
    record_uuid: str
    other_uuid: str | None
    kept: dict
    other: dict
    source_file: str
    kept_by: str | None = None  # who wrote the version held here, and when (UTC); a conflict's
    kept_at: datetime | None = None
    other_by: str | None = None
    other_at: datetime | None = None

    def differing(self) -> list[str]:
        """The fields whose values differ between the two versions."""
        return [f for f in self.kept if self.kept.get(f) != self.other.get(f)]


def open_items(session: Session) -> list[OpenItem]:
    rows = session.scalars(select(ReviewItem).where(ReviewItem.resolved_at.is_(None)).order_by(ReviewItem.id))
    return [
        OpenItem(
            r.id,
            r.reason,
            r.table_name,
            r.record_uuid,
            r.other_uuid,
            json.loads(r.kept or "{}"),
            json.loads(r.other),
            r.source_file,
            r.kept_by,
            r.kept_at,
            r.other_by,
            r.other_at,
        )
        for r in rows
    ]


def resolve_conflict(session: Session, item_id: int, choices: dict[str, str], *, by: Operator, today: date) -> None:
    """Apply the other version's value for every field chosen OTHER, through the same rules as an edit
    (a local change: its clock then follows both versions), and close the item."""
    item = session.get(ReviewItem, item_id)
    table = RECORD_TABLES[item.table_name]
    other = json.loads(item.other)
    row = repository.get(session, table, item.record_uuid)
    taken = {f: other.get(f) for f, side in choices.items() if side == OTHER and f != "deleted"}
    if taken:
        repository.update(
            session, row.uuid, repository.draft_from_row(row, **taken), by=by, today=today, confirm_warnings=True
        )
    if choices.get("deleted") == OTHER and bool(other.get("deleted")) != row.deleted:
        repository.set_deleted(session, table, row.uuid, bool(other.get("deleted")), by=by)
    elif not taken:
        # Keeping this version as it is still counts as a decision: tick the clock so that the
        # other version, merged again, is seen as older.
        repository.touch(session, table, row.uuid, by=by)
    item.resolved_at = repository.utc_now()
    session.flush()


JOINABLE = frozenset(target for info in kinds.KINDS.values() for _, target in info.references)


def join(session: Session, item_id: int, *, by: Operator, today: date) -> int:
    """Decide that a look-alike project or village is the one already here: every record pointing at
    the incoming copy points at ours (each a local edit, so the change travels), the copy becomes a
    tombstone, and the join is remembered like a merge's, so the next return of that laptop finds it.
    Returns how many records were re-pointed."""
    from qdgui.models.tables import ReferenceAlias

    item = session.get(ReviewItem, item_id)
    if item is None or item.reason != "similar" or item.table_name not in JOINABLE or not item.other_uuid:
        raise ValueError(item_id)
    kept, copy = item.record_uuid, item.other_uuid
    moved = 0
    for name, info in kinds.KINDS.items():
        for field, target in info.references:
            if target != item.table_name:
                continue
            table = RECORD_TABLES[name]
            rows = session.scalars(select(table).where(getattr(table, field) == copy, table.deleted == false()))
            for row in list(rows):
                repository.update(
                    session,
                    row.uuid,
                    repository.draft_from_row(row, **{field: kept}),
                    by=by,
                    today=today,
                    confirm_warnings=True,
                )
                moved += 1
    copy_table = RECORD_TABLES[item.table_name]
    met = (session.get(copy_table, copy).clock, session.get(copy_table, kept).clock)  # where later edits start
    repository.set_deleted(session, copy_table, copy, True, by=by)
    if session.get(ReferenceAlias, copy) is None:
        session.add(
            ReferenceAlias(
                alias_uuid=copy,
                kind=item.table_name,
                target_uuid=kept,
                batch_id=item.batch_id,
                source_file=item.source_file,
                alias_clock=met[0],
                target_clock=met[1],
            )
        )
    item.resolved_at = repository.utc_now()
    session.flush()
    return moved


def dismiss(session: Session, item_id: int) -> None:
    """Close a duplicate or look-alike item: the records stay as they are."""
    item = session.get(ReviewItem, item_id)
    item.resolved_at = repository.utc_now()
    session.flush()
