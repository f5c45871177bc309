"""Merging another laptop's ledger export: by record UUID and version clock, never silently overwriting.

For each incoming record:
- unknown here: inserted as it is (tombstones too, so a deletion travels on);
- its clock is at or behind ours: nothing to do (re-merging a file is a no-op);
- its clock is ahead of ours: it replaces ours (a newer version, or a deletion);
- both changed since they last met: a conflict. Both versions are kept for a person to choose
  field by field (review_item); meanwhile the record holds the later-edited version, so the
  result does not depend on the order in which returns are merged.
An incoming record that would repeat a unique key of another record here (the same agreement
number in a project, the same case number) is held back for review instead of duplicated; one
that only looks like another (same address and date) is merged and flagged.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from qdgui.excel.ledger import KINDS, Ledger, LedgerError, record_values, sender_division_codes
from qdgui.i18n import translate
from qdgui.models import clock, kinds
from qdgui.models.batches import json_value
from qdgui.models.describe import Namer
from qdgui.models.records import Operator
from qdgui.models.repository import IDENTITY, utc_now
from qdgui.models.review import LOOK_ALIKE
from qdgui.models.tables import (
    RECORD_TABLES,
    AuditEntry,
    Community,
    ImportBatch,
    ImportChange,
    Project,
    ReferenceAlias,
    ReviewItem,
)
from qdgui.work import ProgressCallback, no_progress

# Unique keys among live records (as the database's partial unique indexes define them), look-alike
# content and references: from the registry.
UNIQUE_KEYS = {name: info.unique for name, info in kinds.KINDS.items()}
REFERENCES_CACHE = "qdgui_merge_refs"  # session.info key: the references a merge has seen exist
SIMILAR_KEYS = {kind: keys for kind, (keys, _) in LOOK_ALIKE.items()}
REFERENCES = {name: info.references for name, info in kinds.KINDS.items() if info.references}
# Kinds others point at: a copy made on another laptop under the same natural key is the same thing.
JOINED_BY_NAME = frozenset(target for refs in REFERENCES.values() for _, target in refs)


@dataclass
class MergeResult:
    counts: Counter = field(default_factory=Counter)  # inserted, updated, deleted, unchanged, conflicts, held, similar
    by_kind: dict[str, Counter] = field(default_factory=dict)
    review: list[str] = field(default_factory=list)  # one line per conflict / held / similar record


def content_fields(kind: str) -> tuple[str, ...]:
    table = RECORD_TABLES[kind]
    return tuple(c.key for c in table.__table__.columns if c.key not in IDENTITY or c.key == "deleted")


def _dump(values: dict, fields) -> str:
    return json.dumps({f: json_value(values.get(f)) for f in fields}, ensure_ascii=False, sort_keys=True)


def _same(a, b) -> bool:
    if isinstance(a, Decimal) or isinstance(b, Decimal):
        return a is not None and b is not None and Decimal(a) == Decimal(b) or (a is None and b is None)
    return a == b


def merge(
    session: Session,
    ledger: Ledger,
    *,
    batch: ImportBatch,
    by: Operator,
    progress: ProgressCallback = no_progress,
    preview: bool = False,
) -> MergeResult:
    """Merge every record of the ledger into this session's database (the caller commits, or rolls
    back for a preview, whose review lines then say what would be done)."""
    result = MergeResult()
    file_name = ledger.path.name
    codes = sender_division_codes(ledger, session, add_missing=True)
    broken = _RuleCheck(session)  # an incoming record passes the forms' rules, or is held back
    aliases = _aliases(session)  # {kind: {alias uuid: target uuid}}: other laptops' copies joined before
    namer = Namer(session)  # review lines name records as people know them, not by UUID
    total = sum(len(rows) for _, _, rows in ledger.sheets.values())
    done = 0
    for kind in KINDS:
        if kind not in ledger.sheets:
            continue
        table = RECORD_TABLES[kind]
        fields = content_fields(kind)
        columns = [c.key for c in table.__table__.columns]
        local = {row.uuid: row._asdict() for row in session.execute(select(*table.__table__.columns))}
        counts = result.by_kind.setdefault(kind, Counter())
        live_keys = {key: {} for key in UNIQUE_KEYS[kind]}
        for values in local.values():
            if not values["deleted"]:
                for key in UNIQUE_KEYS[kind]:
                    live_keys[key][tuple(values.get(f) for f in key)] = values["uuid"]
        similar_index = {}
        if kind in SIMILAR_KEYS:
            for values in local.values():
                if not values["deleted"]:
                    similar_index.setdefault(tuple(values.get(f) for f in SIMILAR_KEYS[kind]), values["uuid"])
        inserts, changes, audits, reviews = [], [], [], []
        now = utc_now()
        sheet_name = ledger.sheets[kind][0]

        def known(raw, local=local, counts=counts) -> bool:
            # The same non-empty clock as here: this copy has seen exactly these edits; no need to
            # read the row. (Empty clocks, from files before version clocks, are compared by content.)
            mine = local.get(raw.get("uuid"))
            if mine is not None and raw.get("clock") not in ("", None, "{}") and raw.get("clock") == mine["clock"]:
                counts["unchanged"] += 1
                return True
            return False

        for row_number, incoming in record_values(ledger, kind, codes, skip=known):
            done += 1
            if done % 5000 == 0:
                progress(done, total)
            uuid = incoming.get("uuid")
            if not uuid or len(str(uuid)) != 36:
                raise LedgerError(
                    translate("Import", "Sheet {sheet}, row {row}: the record ID (UUID) is missing or damaged.").format(
                        sheet=sheet_name, row=row_number
                    )
                )
            incoming["clock"] = clock.dumps(_clock(incoming.get("clock"), sheet_name, row_number))
            incoming["source_file"] = file_name
            for field_name, target in REFERENCES.get(kind, ()):  # pointing at a copy joined to ours: at ours
                if incoming.get(field_name) in aliases.get(target, {}):
                    incoming[field_name] = aliases[target][incoming[field_name]]
            if uuid in aliases.get(kind, {}):
                counts["unchanged"] += 1  # that laptop's copy of a record joined to ours at an earlier merge
                continue
            problems = broken.errors(kind, incoming)
            if problems:
                counts["held"] += 1
                counts["invalid"] += 1
                result.review.append(
                    translate(
                        "Import",
                        "Held back, it does not pass the forms' rules: {kind} {what} (sheet {sheet}, row {row}): "
                        "{problems}",
                    ).format(
                        kind=_noun(kind),
                        what=namer.record(kind, incoming),
                        sheet=sheet_name,
                        row=row_number,
                        problems=translate("Import", "; ").join(problems),
                    )
                )
                continue
            mine = local.get(uuid)
            if mine is None:
                _check_references(session, kind, incoming, local_refs=_known(session), sheet=sheet_name, row=row_number)
                held = _unique_clash(kind, incoming, live_keys)
                if held is not None and kind in JOINED_BY_NAME:
                    # The same project or village, created on that laptop too: one record, the
                    # records pointing at their copy point at ours (and will again next time).
                    aliases.setdefault(kind, {})[uuid] = held
                    session.add(
                        ReferenceAlias(
                            alias_uuid=uuid, kind=kind, target_uuid=held, batch_id=batch.id, source_file=file_name
                        )
                    )
                    counts["joined"] += 1
                    result.review.append(
                        (
                            translate(
                                "Import",
                                "The same {kind} as one already here, would be joined: {what} (sheet {sheet}, row {row})",
                            )
                            if preview
                            else translate(
                                "Import",
                                "The same {kind} as one already here, joined: {what} (sheet {sheet}, row {row})",
                            )
                        ).format(kind=_noun(kind), what=namer.record(kind, incoming), sheet=sheet_name, row=row_number)
                    )
                    continue
                if held is not None:
                    counts["held"] += 1
                    reviews.append(
                        dict(
                            reason="duplicate",
                            table_name=kind,
                            record_uuid=held,
                            other_uuid=uuid,
                            kept=_dump(local[held], fields),
                            other=_dump(incoming, fields),
                            other_clock=incoming["clock"],
                            source_file=file_name,
                        )
                    )
                    result.review.append(
                        translate(
                            "Import",
                            "Held back, same key as a record already here: {kind} {what} (sheet {sheet}, row {row})",
                        ).format(kind=_noun(kind), what=namer.record(kind, incoming), sheet=sheet_name, row=row_number)
                    )
                    continue
                row = {c: incoming.get(c) for c in columns}
                row["version"] = row.get("version") or 1
                row["deleted"] = bool(row.get("deleted"))
                inserts.append(row)
                local[uuid] = row
                if kind in JOINED_BY_NAME:
                    _known(session)[kind].add(uuid)  # inserted: from now on a valid reference
                if not row["deleted"]:
                    for key in UNIQUE_KEYS[kind]:
                        live_keys[key][tuple(row.get(f) for f in key)] = uuid
                    if kind in SIMILAR_KEYS:
                        similar = similar_index.get(tuple(row.get(f) for f in SIMILAR_KEYS[kind]))
                        if similar is not None:
                            counts["similar"] += 1
                            reviews.append(
                                dict(
                                    reason="similar",
                                    table_name=kind,
                                    record_uuid=similar,
                                    other_uuid=uuid,
                                    kept=_dump(local[similar], fields),
                                    other=_dump(row, fields),
                                    other_clock=row["clock"],
                                    source_file=file_name,
                                )
                            )
                            result.review.append(
                                (
                                    translate(
                                        "Import",
                                        "Looks like a record already here, would be merged: "
                                        "{kind} {what} (sheet {sheet}, row {row})",
                                    )
                                    if preview
                                    else translate(
                                        "Import",
                                        "Looks like a record already here, merged: "
                                        "{kind} {what} (sheet {sheet}, row {row})",
                                    )
                                ).format(
                                    kind=_noun(kind), what=namer.record(kind, row), sheet=sheet_name, row=row_number
                                )
                            )
                        # A return's own records are not compared with each other: the laptop that sent
                        # them already holds them as distinct records.
                counts["inserted"] += 1
                changes.append(dict(table_name=kind, record_uuid=uuid, before=None, after_clock=row["clock"]))
                audits.append(_audit(kind, uuid, "insert", file_name, row["version"], by, now))
                continue
            mine_clock, their_clock = clock.parse(mine["clock"]), clock.parse(incoming["clock"])
            relation = clock.compare(their_clock, mine_clock)
            same = all(_same(mine.get(f), incoming.get(f)) for f in fields)
            if relation == clock.BEFORE or (relation == clock.EQUAL and same):
                counts["unchanged"] += 1
                continue
            before = _dump(mine, mine)
            if relation == clock.AFTER or (relation == clock.CONCURRENT and same):
                new = {f: incoming.get(f) for f in fields}
                new.update(
                    clock=clock.dumps(clock.join(mine_clock, their_clock)),
                    version=max(int(incoming.get("version") or 1), mine["version"]),
                    updated_at=max(incoming["updated_at"], mine["updated_at"]),
                    operator=incoming["operator"],
                    device=incoming["device"],
                    source_file=file_name,
                )
                if same:
                    new = {"clock": new["clock"]}
                    counts["unchanged"] += 1
                elif incoming.get("deleted") and not mine["deleted"]:
                    counts["deleted"] += 1
                else:
                    counts["updated"] += 1
            else:  # concurrent, or equal clocks with different content (a file copied between laptops)
                theirs_newer = (incoming["updated_at"], incoming["clock"]) > (mine["updated_at"], mine["clock"])
                winner, loser = (incoming, mine) if theirs_newer else (mine, incoming)
                joined = clock.dumps(clock.join(mine_clock, their_clock))
                new = {"clock": joined, "version": max(int(incoming.get("version") or 1), mine["version"]) + 1}
                if theirs_newer:
                    new.update(
                        {f: incoming.get(f) for f in fields},
                        updated_at=incoming["updated_at"],
                        operator=incoming["operator"],
                        device=incoming["device"],
                        source_file=file_name,
                    )
                counts["conflicts"] += 1
                reviews.append(
                    dict(
                        reason="conflict",
                        table_name=kind,
                        record_uuid=uuid,
                        other_uuid=None,
                        kept=_dump(winner, fields),
                        other=_dump(loser, fields),
                        other_clock=loser["clock"],
                        source_file=file_name,
                    )
                )
                result.review.append(
                    translate(
                        "Import", "Changed on both sides, choose per field: {kind} {what} (sheet {sheet}, row {row})"
                    ).format(kind=_noun(kind), what=namer.record(kind, winner), sheet=sheet_name, row=row_number)
                )
            session.execute(update(table).where(table.uuid == uuid).values(**new))
            mine.update(new)
            changes.append(dict(table_name=kind, record_uuid=uuid, before=before, after_clock=new["clock"]))
            audits.append(_audit(kind, uuid, "update", file_name, mine["version"], by, now))
        if inserts:
            session.execute(table.__table__.insert(), inserts)  # Core executemany: no ORM bookkeeping
        for change in changes:
            change["batch_id"] = batch.id
        for review in reviews:
            review["batch_id"] = batch.id
        if changes:
            session.execute(ImportChange.__table__.insert(), changes)
        if audits:
            session.execute(AuditEntry.__table__.insert(), audits)
        if reviews:
            _add_reviews(session, reviews)
        result.counts.update(counts)
    progress(total, total)
    return result


class _RuleCheck:
    """The forms' rules on an incoming record's values (a tampered or buggy return can hold values the
    database's CHECKs let through: a finished case without its date, a future signing date)."""

    def __init__(self, session: Session):
        from datetime import date

        from qdgui.models.repository import load_divisions

        self.divisions = load_divisions(session)
        self.today = date.today()

    def errors(self, kind: str, values: dict) -> list[str]:
        from qdgui.models import rules
        from qdgui.models.records import field_label
        from qdgui.models.repository import KINDS as DRAFT_KINDS

        if values.get("deleted"):
            return []  # a deletion carries no values to check
        info = kinds.KINDS[kind]
        draft = info.draft(**{f: values.get(f) for f in info.draft.__dataclass_fields__})
        checked = DRAFT_KINDS[info.draft].read(draft, today=self.today, context=rules.Context(self.divisions))
        return [
            translate("Import", "{field}: {message}").format(field=field_label(p.field), message=p.message)
            for p in checked.errors
        ]


def _noun(kind: str) -> str:
    """The kind as people call it (征迁签约记录), not its code."""
    return translate("Kinds", kinds.KINDS[kind].noun)


def _clock(text, sheet: str, row: int) -> dict[str, int]:
    try:
        return clock.parse(text if text not in ("", None) else None)
    except (ValueError, TypeError) as exc:
        raise LedgerError(
            translate("Import", "Sheet {sheet}, row {row}: the version clock \u201c{text}\u201d is damaged.").format(
                sheet=sheet, row=row, text=text
            )
        ) from exc


def _audit(kind, uuid, action, file_name, version, by: Operator, now: datetime) -> dict:
    return dict(
        table_name=kind,
        record_uuid=uuid,
        action=action,
        field="merged_from",
        old_value=None,
        new_value=file_name,
        operator=by.name,
        device=by.device,
        at=now,
        record_version=version,
    )


def _unique_clash(kind: str, incoming: dict, live_keys) -> str | None:
    if incoming.get("deleted"):
        return None
    for key in UNIQUE_KEYS[kind]:
        value = tuple(incoming.get(f) for f in key)
        if any(v is None for v in value) and key != ("year", "district_code", "street_code", "measure"):
            continue
        found = live_keys[key].get(value)
        if found is not None and found != incoming["uuid"]:
            return found
    return None


def _aliases(session: Session) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for alias, kind, target in session.execute(
        select(ReferenceAlias.alias_uuid, ReferenceAlias.kind, ReferenceAlias.target_uuid)
    ):
        found.setdefault(kind, {})[alias] = target
    return found


def _known(session: Session):
    cache = session.info.setdefault(REFERENCES_CACHE, {})
    if not cache:
        cache["project"] = set(session.scalars(select(Project.uuid)))
        cache["community"] = set(session.scalars(select(Community.uuid)))
    return cache


def _check_references(session, kind, incoming, *, local_refs, sheet, row) -> None:
    for field_name, target in REFERENCES.get(kind, ()):
        value = incoming.get(field_name)
        if value and value not in local_refs[target]:
            raise LedgerError(
                translate(
                    "Import",
                    "Sheet {sheet}, row {row}: it refers to a {target} ({uuid}) that is "
                    "neither in this database nor in the file.",
                ).format(sheet=sheet, row=row, target=_noun(target), uuid=value)
            )


def _add_reviews(session: Session, reviews: list[dict]) -> None:
    """Add review items, except those already open for the same record and the same other version."""
    open_items = set(
        session.execute(
            select(ReviewItem.record_uuid, ReviewItem.other_uuid, ReviewItem.other_clock).where(
                ReviewItem.resolved_at.is_(None)
            )
        ).all()
    )
    fresh = [r for r in reviews if (r["record_uuid"], r["other_uuid"], r["other_clock"]) not in open_items]
    if fresh:
        session.execute(ReviewItem.__table__.insert(), fresh)


__all__ = ["MergeResult", "merge"]
