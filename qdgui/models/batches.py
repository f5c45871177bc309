"""Import batches: what each import or merge wrote, so that the whole batch can be undone later."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import NamedTuple

from sqlalchemy import Boolean, Date, DateTime, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from qdgui.i18n import translate
from qdgui.models import access
from qdgui.models.base import RecordMixin, Scaled
from qdgui.models.records import Operator
from qdgui.models.repository import utc_now
from qdgui.models.tables import RECORD_TABLES, AuditEntry, ImportBatch, ImportChange, Photo, ReferenceAlias, ReviewItem

# What a batch can write: the records, and the photos a return package brings (undone first: they
# name their records).
UNDOABLE: dict[str, type[RecordMixin]] = {**RECORD_TABLES, "photo": Photo}
# A change of this name moved a reference alias's clocks on (excel/merge.py): undo puts them back.
ALIAS_STEP = "reference_alias"
# The after_clock of a change that removed a row (a project that gave way to another laptop's copy of
# it, excel/merge.py): undo inserts it again.
REMOVED = "removed"


class BatchError(Exception):
    """A batch cannot be undone (or found); worded for the user."""


def json_value(value):
    """A column value as JSON holds it: dates as ISO text, decimals as exact text."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def row_values(row) -> dict:
    """Every column of a record row as JSON-ready values."""
    return {column.key: json_value(getattr(row, column.key)) for column in row.__table__.columns}


def snapshot(row) -> str:
    return json.dumps(row_values(row), ensure_ascii=False, sort_keys=True)


def values_from_json(table, data: dict) -> dict:
    """Column values back from `row_values` JSON, typed as the table wants them."""
    result = {}
    for column in table.__table__.columns:
        if column.key not in data:
            continue
        value = data[column.key]
        if value is not None:
            kind = column.type
            if isinstance(kind, Scaled):
                value = Decimal(str(value))
            elif isinstance(kind, DateTime):
                value = datetime.fromisoformat(value)
            elif isinstance(kind, Date):
                value = date.fromisoformat(value)
            elif isinstance(kind, Boolean):
                value = bool(value)
        result[column.key] = value
    return result


def start(
    session: Session,
    *,
    kind: str,
    file_name: str,
    sha256: str,
    by: Operator,
    source_database: str | None = None,
    backup_path: str | None = None,
) -> ImportBatch:
    batch = ImportBatch(
        kind=kind,
        file_name=file_name,
        file_sha256=sha256,
        source_database=source_database,
        at=utc_now(),
        operator=by.name,
        device=by.device,
        backup_path=backup_path,
        summary="{}",
    )
    session.add(batch)
    session.flush()
    return batch


def note(session: Session, batch: ImportBatch, row, before: str | None) -> None:
    """Remember that the batch wrote this row (after the write), and the row as it was before."""
    session.add(
        ImportChange(
            batch_id=batch.id, table_name=row.__tablename__, record_uuid=row.uuid, before=before, after_clock=row.clock
        )
    )


def finish(session: Session, batch: ImportBatch, summary: dict) -> None:
    batch.summary = json.dumps(summary, ensure_ascii=False, sort_keys=True)
    session.flush()


def earlier_import(session: Session, sha256: str) -> ImportBatch | None:
    """A batch (not undone) that imported a file with exactly these bytes."""
    return session.scalar(
        select(ImportBatch)
        .where(ImportBatch.file_sha256 == sha256, ImportBatch.undone_at.is_(None))
        .order_by(ImportBatch.id.desc())
        .limit(1)
    )


@dataclass(frozen=True)
class BatchInfo:
    id: int
    kind: str
    file_name: str
    at: datetime
    operator: str
    summary: dict
    undone_at: datetime | None
    backup_path: str | None


def list_batches(session: Session) -> list[BatchInfo]:
    rows = session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc()))
    return [
        BatchInfo(
            b.id, b.kind, b.file_name, b.at, b.operator, json.loads(b.summary or "{}"), b.undone_at, b.backup_path
        )
        for b in rows
    ]


def kinds_in(session: Session, batch_id: int) -> list[str]:
    """The kinds of record a batch changed (what an undo of it will move)."""
    return sorted(
        set(session.scalars(select(ImportChange.table_name).where(ImportChange.batch_id == batch_id))) - {ALIAS_STEP}
    )


def check_undoable(session: Session, batch_id: int) -> None:
    """Raise BatchError now, before any backup, for a batch that does not exist or was undone."""
    batch = session.get(ImportBatch, batch_id)
    if batch is None:
        raise BatchError(translate("Import", "There is no import batch {id}.").format(id=batch_id))
    if batch.undone_at is not None:
        raise BatchError(
            translate("Import", "Import batch {id} was already undone on {at}.").format(
                id=batch_id, at=batch.undone_at.strftime("%Y-%m-%d %H:%M")
            )
        )


def undo(session: Session, batch_id: int, *, by: Operator) -> int:
    """Put back every record the batch wrote as it was before; returns how many records.

    Refuses (BatchError, nothing changed) when a record was edited after the import or something
    typed since refers to a record the import added: undo those changes first.
    """
    batch = session.get(ImportBatch, batch_id)
    if batch is None:
        raise BatchError(translate("Import", "There is no import batch {id}.").format(id=batch_id))
    if batch.undone_at is not None:
        raise BatchError(
            translate("Import", "Import batch {id} was already undone on {at}.").format(
                id=batch_id, at=batch.undone_at.strftime("%Y-%m-%d %H:%M")
            )
        )
    rows = session.execute(
        select(ImportChange.table_name, ImportChange.record_uuid, ImportChange.before, ImportChange.after_clock)
        .where(ImportChange.batch_id == batch_id)
        .order_by(ImportChange.id)
    ).all()
    changes = _first_before_last_after(rows)
    alias_steps = [c for c in changes if c.table_name == ALIAS_STEP]
    changes = [c for c in changes if c.table_name != ALIAS_STEP]
    hidden = access.hidden_batch_changes(session, batch_id, len(rows))
    if hidden:
        raise BatchError(
            translate(
                "Import",
                "Import batch {id} cannot be undone with this server account: {n} of its records lie outside "
                "your account's place. Ask the server's administrator (or an account that covers them) to undo it.",
            ).format(id=batch_id, n=hidden)
        )
    current: dict[str, str] = {}
    for name in {c.table_name for c in changes}:
        table = UNDOABLE[name]
        uuids = [c.record_uuid for c in changes if c.table_name == name]
        for chunk in _chunks(uuids):
            current.update(session.execute(select(table.uuid, table.clock).where(table.uuid.in_(chunk))).all())
    changed_since = [
        c for c in changes if current.get(c.record_uuid, REMOVED if c.after_clock == REMOVED else None) != c.after_clock
    ]
    if changed_since:
        raise BatchError(
            translate(
                "Import",
                "Import batch {id} cannot be undone: {n} of its records were changed "
                "after it (for example {uuid}). Undo those changes first.",
            ).format(id=batch_id, n=len(changed_since), uuid=changed_since[0].record_uuid)
        )
    now = utc_now()
    removed = [c for c in changes if c.after_clock == REMOVED]
    changes = [c for c in changes if c.after_clock != REMOVED]
    try:
        # A row the batch removed comes back first, as a tombstone while its place is taken (the
        # records that pointed at it point at it again below), then as it was.
        for change in removed:
            table = UNDOABLE[change.table_name]
            values = values_from_json(table, json.loads(change.before or "{}"))
            session.execute(insert(table), [{**values, "deleted": True}])
        # Dependants first (signings before the projects they name), one statement per chunk.
        for name in reversed(list(UNDOABLE)):
            table = UNDOABLE[name]
            added = [c.record_uuid for c in changes if c.table_name == name and c.before is None]
            for chunk in _chunks(added):
                session.execute(delete(AuditEntry).where(AuditEntry.record_uuid.in_(chunk)))
                session.execute(delete(table).where(table.uuid.in_(chunk)))
            for change in (c for c in changes if c.table_name == name and c.before is not None):
                values = values_from_json(table, json.loads(change.before or "{}"))
                session.execute(update(table).where(table.uuid == change.record_uuid).values(**values))
                session.add(
                    AuditEntry(
                        table_name=name,
                        record_uuid=change.record_uuid,
                        action="update",
                        field="import_undone",
                        old_value=str(batch_id),
                        new_value=None,
                        operator=by.name,
                        device=by.device,
                        at=now,
                        record_version=values["version"],
                    )
                )
        for change in removed:
            table = UNDOABLE[change.table_name]
            values = values_from_json(table, json.loads(change.before or "{}"))
            session.execute(update(table).where(table.uuid == change.record_uuid).values(deleted=values["deleted"]))
        session.flush()
    except IntegrityError as exc:  # a foreign key: something typed since refers to an added record
        raise BatchError(
            translate(
                "Import",
                "Import batch {id} cannot be undone: records entered since refer to records it added ({reason}).",
            ).format(id=batch_id, reason=exc.__class__.__name__)
        ) from exc
    session.execute(delete(ReviewItem).where(ReviewItem.batch_id == batch_id, ReviewItem.resolved_at.is_(None)))
    # A copy held back as a duplicate that this batch brought in (its holder deleted): held again.
    added_uuids = [c.record_uuid for c in changes if c.before is None]
    for chunk in _chunks(added_uuids):
        session.execute(
            update(ReviewItem)
            .where(
                ReviewItem.reason == "duplicate",
                ReviewItem.held_row.is_not(None),
                ReviewItem.other_uuid.in_(chunk),
                ReviewItem.batch_id != batch_id,
            )
            .values(resolved_at=None)
        )
    for step in reversed(alias_steps):  # a joined copy's edits brought here: where they met before
        session.execute(
            update(ReferenceAlias)
            .where(ReferenceAlias.alias_uuid == step.record_uuid)
            .values(**json.loads(step.before or "{}"))
        )
    session.execute(delete(ReferenceAlias).where(ReferenceAlias.batch_id == batch_id))  # the joins go with it
    batch.undone_at = now
    session.flush()
    return len(changes) + len(removed)


def _first_before_last_after(changes) -> list[_Change]:
    """One change per record (a batch may write a record twice: a signing re-pointed at the project
    it joined, then updated from the return): as it was before the first, as it is after the last."""
    merged: dict[tuple[str, str], _Change] = {}
    for table_name, record_uuid, before, after_clock in changes:
        first = merged.get((table_name, record_uuid))
        if first is None:
            merged[(table_name, record_uuid)] = _Change(table_name, record_uuid, before, after_clock)
        elif table_name != ALIAS_STEP:  # an alias's clocks go back to where the batch found them
            merged[(table_name, record_uuid)] = first._replace(after_clock=after_clock)
    return list(merged.values())


class _Change(NamedTuple):
    table_name: str
    record_uuid: str
    before: str | None
    after_clock: str


def _chunks(items: list, size: int = 500):
    for start in range(0, len(items), size):
        yield items[start : start + size]
