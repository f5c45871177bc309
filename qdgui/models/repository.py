"""Repository: every write of a record, with its rules, provenance stamps and audit rows.

Functions take the session first, never commit, and return plain values.
"""

from __future__ import annotations

import json
import os
import uuid as uuidlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Callable

from sqlalchemy import and_, false, func, select
from sqlalchemy.orm import Session, aliased

from qdgui.i18n import translate
from qdgui.models import access, clock, kinds, rules, vocab
from qdgui.models.changes import Change, values_of
from qdgui.models.parse import ParseError, parse_text, parse_year
from qdgui.models.records import (
    CommunityDraft,
    DemolitionDraft,
    Operator,
    ParkDraft,
    Problem,
    ProjectDraft,
    SigningDraft,
    TargetDraft,
    ValidationFailed,
)
from qdgui.models.tables import (
    RECORD_TABLES,
    AnnualTarget,
    AuditEntry,
    Community,
    Demolition,
    Division,
    Project,
    ProjectSigned,
    Signing,
)

# Per-session caches (session.info keys): the division list, read once per transaction.
DIVISIONS_CACHE = "qdgui_divisions"


class RecordNotFound(LookupError):
    pass


class StaleRecord(Exception):
    """The record changed since the form loaded it; saving would overwrite someone's work."""


@dataclass(frozen=True)
class Kind:
    table: type
    read: Callable[..., rules.Checked]


KINDS: dict[type, Kind] = {info.draft: Kind(info.table, info.read) for info in kinds.KINDS.values()}


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    action: str
    field: str
    old_value: str | None
    new_value: str | None
    operator: str
    device: str
    record_version: int


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


_RANDOM: list[str] = []  # hex text of os.urandom, 16 bytes a UUID, drawn 256 UUIDs at a time
if hasattr(os, "register_at_fork"):  # a forked process draws its own: never the parent's next UUIDs
    os.register_at_fork(after_in_child=_RANDOM.clear)


def new_uuid() -> str:
    """A random (version 4) UUID as text: the same as str(uuid.uuid4()) in a fifth of the time (an
    import makes one per row; one os.urandom call serves 256 of them)."""
    if not _RANDOM:
        block = os.urandom(16 * 256).hex()
        _RANDOM.extend(block[i : i + 32] for i in range(0, len(block), 32))
    h = _RANDOM.pop()
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"


def audit_text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


# ---------------------------------------------------------------- context for the rules


def load_divisions(session: Session) -> rules.Divisions:
    """The divisions, read once per session (an import checks thousands of rows against them)."""
    cached = session.info.get(DIVISIONS_CACHE)
    if cached is None:
        # One plain query (a save reads them too: ~0.2 ms, where ORM rows took ~6 ms), and the same
        # list as last time gives the same object.
        rows = tuple(
            tuple(row)
            for row in session.connection().exec_driver_sql(
                "SELECT code, name, level, parent_code FROM division ORDER BY code"
            )
        )
        global _LAST_DIVISIONS
        if _LAST_DIVISIONS is None or _LAST_DIVISIONS[0] != rows:
            _LAST_DIVISIONS = (rows, rules.Divisions({r[0]: rules.DivisionInfo(*r) for r in rows}))
        cached = session.info[DIVISIONS_CACHE] = _LAST_DIVISIONS[1]
    return cached


_LAST_DIVISIONS: tuple[tuple, rules.Divisions] | None = None


def project_totals(session: Session, project_uuid: str, *, excluding: str | None = None) -> rules.ProjectTotals | None:
    """The project and what its live signings signed, from the totals the triggers keep (revision
    0011: one row, every street's signings, also those a server account cannot read), less the
    signing being edited."""
    signed = [func.coalesce(ProjectSigned.households, 0), func.coalesce(ProjectSigned.houses, 0)]
    query = select(Project).outerjoin(ProjectSigned, ProjectSigned.project_uuid == Project.uuid)
    if excluding is not None:  # the edited signing's stored values (by its key: no scan)
        edited = aliased(Signing)
        query = query.outerjoin(
            edited, and_(edited.uuid == excluding, edited.project_uuid == Project.uuid, edited.deleted == false())
        )
        signed = [signed[0] - func.coalesce(edited.households, 0), signed[1] - func.coalesce(edited.houses, 0)]
    query = query.add_columns(*signed).where(Project.uuid == project_uuid)
    found = session.execute(query).first()
    if found is None or found[0].deleted:
        return None
    project, households, houses = found
    return rules.ProjectTotals(
        uuid=project.uuid,
        name=project.name,
        district_code=project.district_code,
        total_households=project.total_households,
        total_houses=project.total_houses,
        signed_households=int(households),
        signed_houses=int(houses),
    )


def _text(value) -> str | None:
    return parse_text(value)


def unique_key(draft) -> tuple[str, tuple] | None:
    """The natural key a draft claims among live records (kind, key), read from its raw values as the
    rules will; None when it claims none (no agreement number, an unreadable year)."""
    if isinstance(draft, SigningDraft):
        agreement, project = _text(draft.agreement_no), _text(draft.project_uuid)
        return ("signing", (project, agreement)) if agreement and project else None
    if isinstance(draft, DemolitionDraft):
        case_no = _text(draft.case_no)
        return ("demolition", (case_no,)) if case_no else None
    if isinstance(draft, ProjectDraft):
        name, district = _text(draft.name), _text(draft.district_code)
        return ("project", (name, district)) if name and district else None
    if isinstance(draft, TargetDraft):
        try:
            year = parse_year(draft.year)
        except ParseError:
            return None
        measure = vocab.code_for(vocab.MEASURES, _text(draft.measure) or "")
        if not (year and measure):
            return None
        return ("annual_target", (year, _text(draft.district_code), _text(draft.street_code) or "", measure))
    if isinstance(draft, CommunityDraft):
        name, street = _text(draft.name), _text(draft.street_code)
        return ("community", (street, name)) if name and street else None
    return None


class DatabaseFacts:
    """What the rules ask of other records, asked of the database (one save at a time)."""

    def __init__(self, session: Session):
        self.session = session

    def taken(self, kind: str, key: tuple, excluding: str | None) -> bool:
        if kind == "signing":
            query = select(Signing.uuid).where(
                Signing.project_uuid == key[0], Signing.agreement_no == key[1], Signing.deleted == false()
            )
        elif kind == "demolition":
            query = select(Demolition.uuid).where(Demolition.case_no == key[0], Demolition.deleted == false())
        elif kind == "project":
            query = select(Project.uuid).where(
                Project.name == key[0], Project.district_code == key[1], Project.deleted == false()
            )
        elif kind == "annual_target":
            year, district, street, measure = key
            query = select(AnnualTarget.uuid).where(
                AnnualTarget.district_code == district,
                func.coalesce(AnnualTarget.street_code, "") == street,
                AnnualTarget.year == year,
                AnnualTarget.measure == measure,
                AnnualTarget.deleted == false(),
            )
        else:
            query = select(Community.uuid).where(
                Community.street_code == key[0], Community.name == key[1], Community.deleted == false()
            )
        if excluding is not None:
            query = query.where(query.selected_columns[0] != excluding)
        return self.session.execute(query.limit(1)).first() is not None

    def project(self, uuid: str, excluding: str | None) -> rules.ProjectTotals | None:
        return project_totals(self.session, uuid, excluding=excluding)

    def exists(self, table, uuid: str) -> bool:
        found = select(table.uuid).where(table.uuid == str(uuid), table.deleted == false())
        return self.session.execute(found).first() is not None


def build_context(session: Session, draft, *, editing: str | None = None, facts=None) -> rules.Context:
    """The context a draft's rules need; `facts` answers the questions about other records (the
    database by default; an import keeps its own answers, see models/bulk.py)."""
    facts = facts or DatabaseFacts(session)
    divisions = load_divisions(session)
    claimed = unique_key(draft)
    duplicate = claimed is not None and facts.taken(*claimed, editing)

    def exists(table, value) -> bool:
        uuid = _text(value)
        return not uuid or facts.exists(table, uuid)

    if isinstance(draft, SigningDraft):
        project_uuid = _text(draft.project_uuid)
        project = facts.project(project_uuid, editing) if project_uuid else None
        return rules.Context(
            divisions,
            project=project,
            project_exists=project is not None or not project_uuid,
            community_exists=exists(Community, draft.community_uuid),
            duplicate_key=duplicate,
        )
    if isinstance(draft, DemolitionDraft):
        return rules.Context(
            divisions,
            project_exists=exists(Project, draft.project_uuid),
            community_exists=exists(Community, draft.community_uuid),
            duplicate_key=duplicate,
        )
    if isinstance(draft, ParkDraft):
        return rules.Context(divisions, project_exists=exists(Project, draft.project_uuid))
    if isinstance(draft, ProjectDraft):
        totals = facts.project(editing, None) if editing else None
        return rules.Context(divisions, project=totals, duplicate_key=duplicate)
    if isinstance(draft, (TargetDraft, CommunityDraft)):
        return rules.Context(divisions, duplicate_key=duplicate)
    raise TypeError(f"not a draft: {type(draft).__name__}")


def check(session: Session, draft, *, today: date, editing: str | None = None) -> rules.Checked:
    """Run the draft's rules with the context the database gives; writes nothing."""
    return read_draft(session, draft, today=today, context=build_context(session, draft, editing=editing))


def read_draft(session: Session, draft, *, today: date, context: rules.Context) -> rules.Checked:
    """The draft's rules, then (on a server) whether this user's account may write a record of its
    place: the one reading of a draft that the form, the import and the merge share."""
    kind = KINDS[type(draft)]
    checked = kind.read(draft, today=today, context=context)
    place_fields = ("district_code", "street_code")
    if not any(p.is_error and p.field in place_fields for p in checked.problems):
        divisions = load_divisions(session)

        def place_name(code: str | None) -> str:
            found = divisions.by_code.get(code or "")
            return found.name if found else str(code)

        refused = access.refusal(session, kind.table.__tablename__, checked.values, place_name)
        if refused is not None:
            checked.problems.append(refused)
    return checked


def _require_valid(checked: rules.Checked, confirm_warnings: bool) -> None:
    blocking = checked.errors if confirm_warnings else checked.problems
    if blocking:
        raise ValidationFailed(blocking)


# ---------------------------------------------------------------- writes with audit


_AUDIT_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode  # made once, not per row
INSERTED_FIELDS = "*"  # the audit row of an insert: every field's first value, as one JSON object


def audit_entries(
    table_name: str,
    uuid: str,
    action: str,
    changes: list[tuple[str, object, object]],
    *,
    by: Operator,
    at: datetime,
    version: int,
) -> list[dict]:
    """The audit rows of one change of one record: one row per field changed, or for an insert one
    row holding every field's value (history() shows it field by field; an import writes one row a
    record instead of ten)."""
    common = dict(table_name=table_name, record_uuid=uuid, operator=by.name, device=by.device, at=at)
    if action == "insert":
        values = {field: new if type(new) is str else audit_text(new) for field, _, new in changes if new is not None}
        text = _AUDIT_JSON(values)
        return [
            dict(common, action=action, field=INSERTED_FIELDS, old_value=None, new_value=text, record_version=version)
        ]
    return [
        dict(
            common,
            action=action,
            field=field,
            old_value=audit_text(old),
            new_value=audit_text(new),
            record_version=version,
        )
        for field, old, new in changes
    ]


def _audit(
    session: Session, row, action: str, changes: list[tuple[str, object, object]], *, by: Operator, at: datetime
) -> None:
    for entry in audit_entries(row.__tablename__, row.uuid, action, changes, by=by, at=at, version=row.version):
        session.add(AuditEntry(**entry))


def add(session: Session, draft, *, by: Operator, today: date, confirm_warnings: bool = False) -> str:
    """Check and insert a record; returns its UUID. Raises ValidationFailed."""
    checked = check(session, draft, today=today)
    _require_valid(checked, confirm_warnings)
    return insert_checked(session, type(draft), checked, by=by)


def insert_checked(
    session: Session, draft_type: type, checked: rules.Checked, *, by: Operator, source_file: str | None = None
) -> str:
    """Insert the values a draft's rules returned (the caller has looked at the problems)."""
    if checked.errors:
        raise ValidationFailed(checked.errors)
    kind = KINDS[draft_type]
    now = utc_now()
    row = kind.table(**first_stamps(session, by, now), source_file=source_file)
    for name, value in checked.values.items():
        setattr(row, name, value)
    session.add(row)
    session.flush()
    _audit(session, row, "insert", [(k, None, v) for k, v in checked.values.items() if v is not None], by=by, at=now)
    session.flush()
    return row.uuid


def get(session: Session, table, uuid: str, *, for_update: bool = False):
    """The record; for_update locks its row until the transaction ends (PostgreSQL: SELECT ... FOR
    UPDATE, so two clerks' edits of one record are one after the other and the second sees the
    first's version; SQLite's writers are one at a time already)."""
    if for_update:
        row = session.get(table, uuid, with_for_update=True, populate_existing=True)
    else:
        row = session.get(table, uuid)
    if row is None:
        raise RecordNotFound(translate("Repository", "No record {uuid}").format(uuid=uuid))
    return row


def stale(row, opened: int) -> StaleRecord:
    """The refusal of a save based on an older version: who changed the record since, and when."""
    when = row.updated_at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M") if row.updated_at else "?"
    return StaleRecord(
        translate(
            "Repository",
            "{who} changed this record at {when} (version {now}; you opened version {then}). Nothing was saved. "
            "Reload it to see that change, then make yours again.",
        ).format(who=row.operator, when=when, now=row.version, then=opened)
    )


def update(
    session: Session,
    uuid: str,
    draft,
    *,
    by: Operator,
    today: date,
    expected_version: int | None = None,
    confirm_warnings: bool = False,
) -> bool:
    """Check and apply an edit; returns False when nothing changed. Raises ValidationFailed, StaleRecord."""
    kind = KINDS[type(draft)]
    row = get(session, kind.table, uuid, for_update=True)
    if row.deleted:
        raise RecordNotFound(translate("Repository", "Record {uuid} is deleted").format(uuid=uuid))
    if expected_version is not None and row.version != expected_version:
        raise stale(row, expected_version)
    checked = check(session, draft, today=today, editing=uuid)
    _require_valid(checked, confirm_warnings)
    changes = []
    for name, value in checked.values.items():
        old = getattr(row, name)
        if _differs(old, value):
            changes.append((name, old, value))
            setattr(row, name, value)
    if not changes:
        return False
    now = utc_now()
    _stamp(session, row, by, now, [name for name, _, _ in changes])
    session.flush()
    _audit(session, row, "update", changes, by=by, at=now)
    session.flush()
    return True


def first_stamps(session: Session, by: Operator, now: datetime) -> dict:
    """A new record's identity and provenance: a fresh UUID, version 1, this replica's first tick."""
    return dict(
        uuid=new_uuid(),
        created_at=now,
        updated_at=now,
        operator=by.name,
        device=by.device,
        version=1,
        deleted=False,
        clock=clock.tick(None, clock.replica(session, by.device)),
        dots="{}",
    )


def _stamp(session: Session, row, by: Operator, now: datetime, fields=()) -> None:
    """A local edit of `fields`: next version, this replica's tick on the clock and on those
    fields' dots, who and when."""
    replica = clock.replica(session, by.device)
    row.version += 1
    row.clock = clock.tick(row.clock, replica)
    row.updated_at = max(now, row.created_at)
    row.operator, row.device = by.name, by.device
    if fields and row.__tablename__ in kinds.KINDS:  # a photo's row has no field dots: its file never changes
        row.dots = clock.stamped(
            row.dots, row.clock, replica, row.updated_at.isoformat(), fields, kinds.content_fields(row.__tablename__)
        )


def _differs(old, new) -> bool:
    if isinstance(old, Decimal) or isinstance(new, Decimal):
        if old is None or new is None:
            return old is not new
        return Decimal(old) != Decimal(new)
    return old != new


def set_deleted(session: Session, table, uuid: str, deleted: bool, *, by: Operator) -> bool:
    """Soft-delete (or restore) a record: a tombstone that can travel to the supervisor's copy."""
    row = get(session, table, uuid)
    if row.deleted == deleted:
        return False
    now = utc_now()
    row.deleted = deleted
    _stamp(session, row, by, now, ["deleted"])
    session.flush()
    _audit(session, row, "delete" if deleted else "restore", [("deleted", not deleted, deleted)], by=by, at=now)
    session.flush()
    return True


def touch(session: Session, table, uuid: str, *, by: Operator) -> None:
    """A decision without a change of value (a conflict resolved by keeping this version): a new
    version, so other copies see this one as the latest."""
    row = get(session, table, uuid)
    now = utc_now()
    _stamp(session, row, by, now)
    session.flush()
    _audit(session, row, "update", [("conflict_resolved", None, "kept")], by=by, at=now)
    session.flush()


IDENTITY = kinds.META_FIELDS  # a record's identity and provenance, beside its fields

DRAFT_FOR_TABLE: dict[type, type] = {kind.table: draft for draft, kind in KINDS.items()}


def draft_from_row(row, **replaced):
    """The draft that would save this row as it is (values may be replaced by raw text)."""
    draft_type = DRAFT_FOR_TABLE[type(row)]
    values = {name: getattr(row, name) for name in draft_type.__dataclass_fields__}
    values.update(replaced)
    return draft_type(**values)


# ---------------------------------------------------------------- one user action, one Change


def save(
    session: Session,
    draft,
    *,
    by: Operator,
    today: date,
    uuid: str | None = None,
    expected_version: int | None = None,
    confirm_warnings: bool = False,
) -> Change:
    """A form's save: a new record (no uuid) or an edit of `uuid` at `expected_version`."""
    info = kinds.kind_of(draft)
    if uuid is None:
        new = add(session, draft, by=by, today=today, confirm_warnings=confirm_warnings)
        row = get(session, info.table, new)
        return Change(info.name, new, "insert", row.version, new=values_of(row, info.name))
    row = get(session, info.table, uuid, for_update=True)
    before = values_of(row, info.name)
    changed = update(
        session, uuid, draft, by=by, today=today, expected_version=expected_version, confirm_warnings=confirm_warnings
    )
    # Saved as it was: no new version, and nothing for undo to take back (undoing "this version"
    # would take back the edit before it).
    action = "update" if changed else "unchanged"
    return Change(info.name, uuid, action, row.version, old=before, new=values_of(row, info.name))


def delete(session: Session, kind: str, uuid: str, *, by: Operator, expected_version: int | None = None) -> Change:
    """Delete one record (a tombstone); the Change keeps its last values, for the charts to take back.
    expected_version: the version the clerk saw; a record changed since is not deleted (StaleRecord)."""
    row = get(session, kinds.KINDS[kind].table, uuid, for_update=True)
    if row.deleted:
        raise RecordNotFound(translate("Repository", "Record {uuid} is deleted").format(uuid=uuid))
    if expected_version is not None and row.version != expected_version:
        raise stale(row, expected_version)
    before = values_of(row, kind)
    set_deleted(session, type(row), uuid, True, by=by)
    return Change(kind, uuid, "delete", row.version, old=before, new=before, deleted=True)


def undo_change(session: Session, change: Change, *, by: Operator, today: date) -> Change:
    """Take back `change` (it must still be the record's latest); returns the change the undo made."""
    table = kinds.KINDS[change.kind].table
    row = get(session, table, change.uuid)
    before, was_deleted = values_of(row, change.kind), row.deleted
    undo(session, table, change.uuid, change.version, by=by, today=today)
    after = values_of(row, change.kind)
    action = "delete" if row.deleted and not was_deleted else "restore" if was_deleted and not row.deleted else "update"
    return Change(change.kind, change.uuid, action, row.version, old=before, new=after, deleted=row.deleted)


def undo(session: Session, table, uuid: str, version: int, *, by: Operator, today: date) -> str:
    """Revert the change that made `version` of a record, through the same rules as any edit.

    Returns the action undone ("insert", "update", "delete" or "restore"). Raises StaleRecord when
    the record changed again since, ValidationFailed when the old values no longer pass the rules.
    """
    row = get(session, table, uuid, for_update=True)
    if row.version != version:
        raise stale(row, version)
    entries = session.execute(
        select(AuditEntry.action, AuditEntry.field, AuditEntry.old_value)
        .where(AuditEntry.record_uuid == uuid, AuditEntry.record_version == version)
        .order_by(AuditEntry.id)
    ).all()
    if not entries:
        raise RecordNotFound(uuid)
    action = entries[-1].action
    if action == "insert":
        set_deleted(session, table, uuid, True, by=by)
    elif action in ("delete", "restore"):
        set_deleted(session, table, uuid, action == "restore", by=by)
    else:
        old = {e.field: e.old_value for e in entries if e.action == "update"}
        update(
            session,
            uuid,
            draft_from_row(row, **old),
            by=by,
            today=today,
            expected_version=version,
            confirm_warnings=True,
        )
    return action


def history(session: Session, uuid: str) -> list[HistoryEntry]:
    """Every change of a record, oldest first."""
    rows = session.execute(select(AuditEntry).where(AuditEntry.record_uuid == uuid).order_by(AuditEntry.id)).scalars()
    entries = []
    for r in rows:
        if r.field == INSERTED_FIELDS:
            values = json.loads(r.new_value or "{}")
            entries += [
                HistoryEntry(r.at, r.action, field, None, value, r.operator, r.device, r.record_version)
                for field, value in values.items()
            ]
        else:
            entries.append(
                HistoryEntry(r.at, r.action, r.field, r.old_value, r.new_value, r.operator, r.device, r.record_version)
            )
    return entries


def count_records(session: Session, kinds=None) -> dict[str, int]:
    """Live (not deleted) records per table (of the given kinds, else of all)."""
    counts = {}
    for name, table in RECORD_TABLES.items():
        if kinds is not None and name not in kinds:
            continue
        counts[name] = session.scalar(select(func.count()).select_from(table).where(table.deleted == false()))
    return counts


# ---------------------------------------------------------------- divisions the user maintains


DIVISION_NAME_LENGTH = 60  # the division table's name column


def _check_division_name(clean: str | None) -> None:
    """A street or town name as the rules take it: present, and no longer than the database holds."""
    if not clean:
        raise ValidationFailed([Problem("name", translate("Rules", "Required"))])
    if len(clean) > DIVISION_NAME_LENGTH:
        raise ValidationFailed(
            [Problem("name", translate("Rules", "Too long: at most {n} characters").format(n=DIVISION_NAME_LENGTH))]
        )


def add_street(session: Session, district_code: str, name: str) -> str:
    """Add a street or town the shipped list lacks; returns its local code."""
    clean = _text(name)
    district = session.get(Division, district_code)
    if district is None or district.level != "county":
        raise ValidationFailed(
            [Problem("district_code", translate("Rules", "Unknown district code {code}").format(code=district_code))]
        )
    _check_division_name(clean)
    exists = session.scalar(select(Division.code).where(Division.parent_code == district_code, Division.name == clean))
    if exists:
        raise ValidationFailed(
            [Problem("name", translate("Rules", "This district already has a street named {name}").format(name=clean))]
        )
    code = f"L{district_code}{uuidlib.uuid4().hex[:8]}"
    session.info.pop(DIVISIONS_CACHE, None)
    session.add(
        Division(
            code=code, name=clean, level="township", parent_code=district_code, code_system="local", user_added=True
        )
    )
    session.flush()
    return code


def rename_division(session: Session, code: str, name: str) -> None:
    row = session.get(Division, code)
    clean = _text(name)
    if row is None:
        raise RecordNotFound(code)
    _check_division_name(clean)
    taken = session.scalar(
        select(Division.code).where(
            Division.parent_code == row.parent_code, Division.name == clean, Division.code != code
        )
    )
    if taken:
        raise ValidationFailed(
            [Problem("name", translate("Rules", "This district already has a street named {name}").format(name=clean))]
        )
    if row.official_name is None and not row.user_added:
        row.official_name = row.name
    row.name = clean
    session.info.pop(DIVISIONS_CACHE, None)
    session.flush()
