"""Merging another laptop's ledger export: by record UUID and version clock, never silently overwriting.

For each incoming record:
- unknown here: inserted as it is (tombstones too, so a deletion travels on);
- its clock is at or behind ours: nothing to do (re-merging a file is a no-op);
- its clock is ahead of ours: it replaces ours (a newer version, or a deletion);
- both changed since they last met: merged field by field by the records' field versions (dots,
  models/clock.py). A field only one side changed takes that side's value by itself ("soft", listed
  in the account); a field both changed is a conflict for a person (review_item, with who wrote
  each side and when), and meanwhile the record holds the later write, so the result does not
  depend on the order in which returns are merged.
An incoming record that would repeat a unique key of another record here (the same agreement
number in a project, the same case number) is held back for review instead of duplicated; one
that only looks like another (same address and date) is merged and flagged.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from qdgui.excel.joins import (
    alias_moved,
    aliases_here,
    dots_of,
    dump,
    first_meeting,
    give_way,
    joined_copy_edits,
    joined_write,
)
from qdgui.excel.joins import (
    same as same_value,
)
from qdgui.excel.ledger import KINDS, Ledger, LedgerError, record_values, sender_division_codes
from qdgui.i18n import translate
from qdgui.models import clock, kinds
from qdgui.models.batches import values_from_json as batches_values
from qdgui.models.bulk import ChunkWriter
from qdgui.models.describe import Namer
from qdgui.models.records import Operator, field_label
from qdgui.models.repository import utc_now
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
WRITTEN_AT_ONCE = 2000  # new records (with their batch notes and audit rows) written together


@dataclass
class MergeResult:
    counts: Counter = field(default_factory=Counter)  # inserted, updated, deleted, unchanged, conflicts, held, similar
    by_kind: dict[str, Counter] = field(default_factory=dict)
    review: list[str] = field(default_factory=list)  # one line per conflict / held / similar record


content_fields = kinds.content_fields


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
    writer = ChunkWriter(session)  # new rows a chunk at a time; the merge's own statements wait for it
    try:
        result = _merge(session, ledger, writer, batch=batch, by=by, progress=progress, preview=preview)
    except BaseException:
        writer.close(quiet=True)  # the error on its way is the one to raise; the caller rolls back
        raise
    writer.close()
    return result


def _merge(
    session: Session,
    ledger: Ledger,
    writer: ChunkWriter,
    *,
    batch: ImportBatch,
    by: Operator,
    progress: ProgressCallback,
    preview: bool,
) -> MergeResult:
    result = MergeResult()
    file_name = ledger.path.name
    codes = sender_division_codes(ledger, session, add_missing=True)
    broken = _RuleCheck(session)  # an incoming record passes the forms' rules, or is held back
    # {kind: {alias uuid: target uuid}}: other laptops' copies joined before; their clocks then
    aliases, alias_met = aliases_here(session)
    namer = Namer(session)  # review lines name records as people know them, not by UUID
    open_items = _open_items(session)
    total = sum(len(rows) for _, _, rows in ledger.sheets.values())
    clock_texts: dict[str, str] = {}  # a clock's text in the file -> as stored (parsed and written again)
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
        names_here: dict = {}  # projects and villages: {scope: [(name, uuid)]} of those already here
        if kind in JOINED_BY_NAME:
            scope_field = UNIQUE_KEYS[kind][0][0]
            for values in local.values():
                if not values["deleted"]:
                    names_here.setdefault(values.get(scope_field), []).append((values["name"], values["uuid"]))
        held_copies = _held_copies(session, kind)  # {uuid: [(review item, its version)]} held back here
        similar_index = {}
        if kind in SIMILAR_KEYS:
            for values in local.values():
                if not values["deleted"]:
                    similar_index.setdefault(tuple(values.get(f) for f in SIMILAR_KEYS[kind]), values["uuid"])
        inserts, changes, audits, reviews = [], [], [], []
        now = utc_now()

        def write_chunk(table=table, inserts=inserts, changes=changes, audits=audits) -> None:
            # written by a thread while the next rows are read and checked (models/bulk.ChunkWriter)
            for change in changes:
                change["batch_id"] = batch.id
            writer.write(
                [(table.__table__, inserts), (ImportChange.__table__, changes), (AuditEntry.__table__, audits)]
            )
            inserts.clear()
            changes.clear()
            audits.clear()

        sheet_name = ledger.sheets[kind][0]
        by_hand = ledger.changed_rows.get(kind, frozenset())  # rows whose check no longer matches

        def known(raw, row_number, local=local, counts=counts, by_hand=by_hand) -> bool:
            # The same non-empty clock as here: this copy has seen exactly these edits; no need to
            # read the row. (Empty clocks, from files before version clocks, are compared by content;
            # so is a row changed by hand after the export: a changed cell keeps its clock.)
            if row_number in by_hand:
                return False
            mine = local.get(raw.get("uuid"))
            if mine is not None and raw.get("clock") not in ("", None, "{}") and raw.get("clock") == mine["clock"]:
                counts["unchanged"] += 1
                return True
            return False

        def bring(
            target,
            uuid,
            incoming,
            step,
            row_number,
            kind=kind,
            table=table,
            fields=fields,
            local=local,
            live_keys=live_keys,
            similar_index=similar_index,
            counts=counts,
            reviews=reviews,
            changes=changes,
            audits=audits,
            sheet_name=sheet_name,
            now=now,
        ) -> bool:
            # What another laptop's copy of our record (joined to it) holds that ours does not: the
            # fields only it changed are brought to ours; those both changed hold the later write,
            # the other side for a person.
            mine = local[target]
            taken, hard, losers, _, retimed = step
            values = {f: incoming.get(f) for f in taken}
            if values and _unique_clash(kind, {**mine, **values}, live_keys) is not None:
                # renamed to the name of another record here: for a person, ours unchanged
                hard, losers, taken, values = (*hard, *taken), {**losers, **values}, (), {}
            # The same values written later there keep that time, so that a third copy meeting this
            # one is weighed against the latest write of the two, whatever the order they met in.
            written = {**{f: mine.get(f) for f in retimed}, **values}
            new = joined_write(session, mine, written, incoming, by, file_name) if written else {}
            what = namer.record(kind, {**mine, **new})
            if hard:
                counts["conflicts"] += 1
                reviews.append(
                    _conflict_item(
                        kind,
                        target,
                        fields,
                        {**mine, **new},
                        {**mine, **new, **losers},
                        f"{incoming['clock']}#{uuid}",
                        file_name,
                        mine,
                        incoming,
                    )
                )
                result.review.append(
                    translate(
                        "Import",
                        "Changed here and in that laptop's copy joined to it, choose per field: "
                        "{kind} {what} (sheet {sheet}, row {row}): {fields}",
                    ).format(kind=_noun(kind), what=what, sheet=sheet_name, row=row_number, fields=_labels(kind, hard))
                )
            soft = [f for f in taken if f not in hard]  # a field both changed is on the line above
            if values:
                counts["updated"] += 1
            if soft:
                result.review.append(
                    (
                        translate(
                            "Import",
                            "Changed in that laptop's copy joined to ours, would be brought to ours: "
                            "{kind} {what} (sheet {sheet}, row {row}): {fields}",
                        )
                        if preview
                        else translate(
                            "Import",
                            "Changed in that laptop's copy joined to ours, brought to ours: "
                            "{kind} {what} (sheet {sheet}, row {row}): {fields}",
                        )
                    ).format(kind=_noun(kind), what=what, sheet=sheet_name, row=row_number, fields=_labels(kind, soft))
                )
            if written:
                changes.append(
                    dict(table_name=kind, record_uuid=target, before=dump(mine, mine), after_clock=new["clock"])
                )
                session.execute(update(table).where(table.uuid == target).values(**new))
                _rekey(live_keys, similar_index, kind, mine, new)
                mine.update(new)
                audits.append(_audit(kind, target, "update", file_name, mine["version"], by, now))
            return bool(values or hard)

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
            if kind in JOINED_BY_NAME and incoming.get("name"):
                namer.know(kind, uuid, str(incoming["name"]))  # its records are named by it, even if held back
            raw_clock = incoming.get("clock")
            normal = clock_texts.get(raw_clock) if isinstance(raw_clock, str) else None
            if normal is None:  # a laptop's new records share their clock: each text is read once
                normal = clock.dumps(_clock(raw_clock, sheet_name, row_number))
                if isinstance(raw_clock, str) and len(clock_texts) < 65536:
                    clock_texts[raw_clock] = normal
            incoming["clock"] = normal
            incoming["source_file"] = file_name
            for field_name, target in REFERENCES.get(kind, ()):  # pointing at a copy joined to ours: at ours
                if incoming.get(field_name) in aliases.get(target, {}):
                    incoming[field_name] = aliases[target][incoming[field_name]]
            if uuid in aliases.get(kind, {}):
                # That laptop's copy of a record joined to ours at an earlier merge: what its laptop
                # changed in it since (a rename) is brought to ours.
                target = aliases[kind][uuid]
                step = joined_copy_edits(kind, incoming, local.get(target), alias_met.get(uuid), sheet_name, row_number)
                if step is None:
                    counts["unchanged"] += 1
                    continue
                if not bring(target, uuid, incoming, step, row_number):
                    counts["unchanged"] += 1
                changes.append(alias_moved(session, uuid, alias_met, (step[3], local[target]["clock"])))
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
                if uuid in held_copies:
                    # A copy held back here before, again in this return: the same version is still
                    # held; a later one deleted, or no longer repeating a key, is not held any more
                    # (a record like any other); a later one still repeating it is held instead.
                    stored = held_copies[uuid]
                    newer = clock.compare(clock.parse(incoming["clock"]), clock.parse(stored[0][1]))
                    if newer in (clock.BEFORE, clock.EQUAL):
                        counts["unchanged"] += 1
                        continue
                    ids = [item_id for item_id, _ in stored]
                    if held is None:
                        session.execute(update(ReviewItem).where(ReviewItem.id.in_(ids)).values(resolved_at=now))
                        del held_copies[uuid]
                    else:
                        session.execute(
                            update(ReviewItem)
                            .where(ReviewItem.id.in_(ids))
                            .values(
                                other=dump(incoming, fields),
                                other_clock=incoming["clock"],
                                held_row=dump(_new_row(incoming, columns), columns),
                            )
                        )
                        held_copies[uuid] = [(item_id, incoming["clock"]) for item_id in ids]
                        counts["held"] += 1
                        continue
                if held is not None and kind in JOINED_BY_NAME:
                    # The same project or village, created on that laptop too: one record, the
                    # records pointing at their copy point at ours (and will again next time). Which
                    # copy is the record is the same on every database: the smaller UUID.
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
                    if uuid < held:  # theirs is the record: ours gives way to it
                        row = _new_row(incoming, columns)
                        session.execute(update(table).where(table.uuid == held).values(deleted=True))  # its key free
                        session.execute(table.__table__.insert(), [row])
                        _known(session)[kind].add(uuid)
                        local[uuid] = row
                        changes.append(dict(table_name=kind, record_uuid=uuid, before=None, after_clock=row["clock"]))
                        audits.append(_audit(kind, uuid, "insert", file_name, row["version"], by, now))
                        ours = local.pop(held)
                        changes.extend(give_way(session, kind, ours, uuid, aliases, alias_met, by=by, now=now))
                        _rekey(live_keys, similar_index, kind, ours, {"deleted": True})
                        _rekey(live_keys, similar_index, kind, row, {})
                        for pool in names_here.values():
                            pool[:] = [(n, uuid if u == held else u) for n, u in pool]
                        # the fields of ours written later than theirs are ours to keep
                        incoming, uuid, held = ours, held, uuid
                    # Made apart, the two copies may differ: each field holds the later write, the
                    # other value for a person, whichever copy came first.
                    aliases.setdefault(kind, {})[uuid] = held
                    step = first_meeting(kind, incoming, local[held])
                    bring(held, uuid, incoming, step, row_number)
                    alias_met[uuid] = (step[3], local[held]["clock"])  # where later edits start
                    session.add(
                        ReferenceAlias(
                            alias_uuid=uuid,
                            kind=kind,
                            target_uuid=held,
                            batch_id=batch.id,
                            source_file=file_name,
                            alias_clock=alias_met[uuid][0],
                            target_clock=alias_met[uuid][1],
                        )
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
                            kept=dump(local[held], fields),
                            other=dump(incoming, fields),
                            other_clock=incoming["clock"],
                            held_row=dump(_new_row(incoming, columns), columns),  # released if ours is deleted
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
                row = _new_row(incoming, columns)
                inserts.append(row)
                local[uuid] = row
                if kind in JOINED_BY_NAME:
                    _known(session)[kind].add(uuid)  # inserted: from now on a valid reference
                    near = _near_names(names_here, kind, row) if not row["deleted"] else []
                    if near:
                        # Another laptop's project (or village) whose name is close to one here, in the
                        # same district (street): maybe the same, maybe not. Merged as its own record
                        # and shown for a person, never joined by itself.
                        counts["similar"] += 1
                        reviews.append(
                            dict(
                                reason="similar",
                                table_name=kind,
                                record_uuid=near[0][1],
                                other_uuid=uuid,
                                kept=dump(local[near[0][1]], fields),
                                other=dump(row, fields),
                                other_clock=row["clock"],
                                source_file=file_name,
                            )
                        )
                        result.review.append(
                            translate(
                                "Import",
                                "A {kind} with a name close to one already here, kept apart: {name} "
                                "(here: {near}; sheet {sheet}, row {row}). If they are the same, correct one of them.",
                            ).format(
                                kind=_noun(kind),
                                name=row.get("name"),
                                near=translate("Import", ", ").join(n for n, _ in near),
                                sheet=sheet_name,
                                row=row_number,
                            )
                        )
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
                                    kept=dump(local[similar], fields),
                                    other=dump(row, fields),
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
                if len(inserts) >= WRITTEN_AT_ONCE:
                    write_chunk()
                continue
            if row_number in by_hand:
                # Changed by hand after the export: nothing in the row can be taken by itself. A
                # field that differs goes to a person, unless this copy plainly holds a later write
                # of it (one the sender had not seen, over a value the sender had not changed).
                mine_clock, their_clock = clock.parse(mine["clock"]), clock.parse(incoming["clock"])
                mine_dots = dots_of(mine.get("dots"), sheet_name, row_number)
                their_dots = dots_of(incoming.get("dots"), sheet_name, row_number)
                differing = [
                    f
                    for f in fields
                    if not same_value(mine.get(f), incoming.get(f))
                    and not (
                        clock.seen(mine_clock, clock.dot_of(their_dots, f))
                        and not clock.seen(their_clock, clock.dot_of(mine_dots, f))
                    )
                ]
                held_key = f"{incoming['clock']}#{file_name}:{row_number}"  # one item per changed row
                if not differing or (uuid, None, held_key) in open_items:
                    counts["unchanged"] += 1  # as here, or already before a person
                    continue
                counts["conflicts"] += 1
                reviews.append(
                    _conflict_item(
                        kind,
                        uuid,
                        fields,
                        mine,
                        {**mine, **{f: incoming.get(f) for f in differing}},
                        held_key,
                        file_name,
                        mine,
                        incoming,
                        other_by=translate("Import", "changed by hand in {file}").format(file=file_name),
                    )
                )
                result.review.append(
                    translate(
                        "Import",
                        "Changed by hand after the export, for a person to decide: {kind} {what} "
                        "(sheet {sheet}, row {row}): {fields}",
                    ).format(
                        kind=_noun(kind),
                        what=namer.record(kind, mine),
                        sheet=sheet_name,
                        row=row_number,
                        fields=_labels(kind, differing),
                    )
                )
                continue
            mine_clock, their_clock = clock.parse(mine["clock"]), clock.parse(incoming["clock"])
            relation = clock.compare(their_clock, mine_clock)
            same = all(same_value(mine.get(f), incoming.get(f)) for f in fields)
            if relation == clock.BEFORE or (relation == clock.EQUAL and same):
                counts["unchanged"] += 1
                continue
            before = dump(mine, mine)
            joined = clock.dumps(clock.join(mine_clock, their_clock))
            if relation == clock.AFTER or (relation == clock.CONCURRENT and same):
                new = {f: incoming.get(f) for f in fields}
                new.update(
                    clock=joined,
                    dots=incoming.get("dots"),
                    version=max(int(incoming.get("version") or 1), mine["version"]),
                    updated_at=max(incoming["updated_at"], mine["updated_at"]),
                    operator=incoming["operator"],
                    device=incoming["device"],
                    source_file=file_name,
                )
                if same:
                    new = {"clock": joined}
                    counts["unchanged"] += 1
                elif incoming.get("deleted") and not mine["deleted"]:
                    counts["deleted"] += 1
                else:
                    counts["updated"] += 1
            else:  # concurrent, or equal clocks with different content (a file edited by hand)
                mine_stamp = (mine["updated_at"].isoformat(), mine["clock"])
                their_stamp = (incoming["updated_at"].isoformat(), incoming["clock"])
                fm = clock.merge_fields(
                    fields,
                    mine,
                    mine_clock,
                    dots_of(mine.get("dots"), sheet_name, row_number),
                    mine_stamp,
                    incoming,
                    their_clock,
                    dots_of(incoming.get("dots"), sheet_name, row_number),
                    their_stamp,
                    same=same_value,
                )
                theirs_later = their_stamp > mine_stamp
                later = incoming if theirs_later else mine
                new = dict(
                    fm.values,
                    clock=joined,
                    dots=clock.dumps_dots(fm.dots),
                    version=max(int(incoming.get("version") or 1), mine["version"]) + 1,
                    updated_at=later["updated_at"],
                    operator=later["operator"],
                    device=later["device"],
                )
                if theirs_later:  # the file the record's last edit came from, whatever the order
                    new["source_file"] = file_name
                what = namer.record(kind, new)
                if fm.hard:
                    # Held now: the later write of each field both changed; the other for a person.
                    held_theirs = len(fm.incoming_won) * 2 > len(fm.hard)
                    held, other_side = (incoming, mine) if held_theirs else (mine, incoming)
                    counts["conflicts"] += 1
                    reviews.append(
                        _conflict_item(
                            kind,
                            uuid,
                            fields,
                            new,
                            {**new, **fm.losers},
                            other_side["clock"],
                            file_name,
                            held,
                            other_side,
                        )
                    )
                    result.review.append(
                        translate(
                            "Import",
                            "Changed on both sides, choose per field: {kind} {what} (sheet {sheet}, row {row}): "
                            "{fields}",
                        ).format(
                            kind=_noun(kind),
                            what=what,
                            sheet=sheet_name,
                            row=row_number,
                            fields=_labels(kind, fm.hard),
                        )
                    )
                if fm.theirs:
                    if not fm.hard:
                        counts["combined"] += 1  # one count per record: a conflict if any field is one
                    result.review.append(
                        (
                            translate(
                                "Import",
                                "Changed on both sides in different fields, would be merged by themselves: "
                                "{kind} {what} (sheet {sheet}, row {row}): from the return {fields}",
                            )
                            if preview
                            else translate(
                                "Import",
                                "Changed on both sides in different fields, merged by themselves: "
                                "{kind} {what} (sheet {sheet}, row {row}): from the return {fields}",
                            )
                        ).format(
                            kind=_noun(kind),
                            what=what,
                            sheet=sheet_name,
                            row=row_number,
                            fields=_labels(kind, fm.theirs),
                        )
                    )
                if not fm.hard and not fm.theirs:
                    new = {"clock": joined}  # this copy already holds every later write
                    counts["unchanged"] += 1
            clashing = _clashing_fields(kind, {**mine, **new}, live_keys)
            if clashing:
                # The change would give it the number (name) of another record here: ours keeps its
                # own, the change goes to a person (two records never share a key, nothing is lost).
                other = {f: {**mine, **new}.get(f) for f in clashing}
                new_dots = clock.parse_dots(new.get("dots"))
                mine_dots = clock.parse_dots(mine.get("dots"))
                for f in clashing:
                    new[f] = mine.get(f)
                    if new_dots is not None:
                        new_dots.pop(f, None)
                        if mine_dots is not None and f in mine_dots:
                            new_dots[f] = mine_dots[f]
                if "dots" in new:
                    new["dots"] = clock.dumps_dots(new_dots)
                counts["conflicts"] += 1
                reviews.append(
                    _conflict_item(
                        kind,
                        uuid,
                        fields,
                        {**mine, **new},
                        {**mine, **new, **other},
                        f"{incoming['clock']}#key",
                        file_name,
                        mine,
                        incoming,
                    )
                )
                result.review.append(
                    translate(
                        "Import",
                        "Changed to the {fields} of another record here, kept as it was for a person to decide: "
                        "{kind} {what} (sheet {sheet}, row {row})",
                    ).format(
                        kind=_noun(kind),
                        what=namer.record(kind, {**mine, **new}),
                        sheet=sheet_name,
                        row=row_number,
                        fields=_labels(kind, clashing),
                    )
                )
            session.execute(update(table).where(table.uuid == uuid).values(**new))
            _rekey(live_keys, similar_index, kind, mine, new)
            was_live = not mine["deleted"]
            mine.update(new)
            if was_live and mine["deleted"] and kind in HOLDS_BACK:
                # The copy that held others back as duplicates is gone: the first of them is the
                # record now, as it would be had the returns come in the other order.
                for row in _released(session, kind, uuid, live_keys, local, now):
                    inserts.append(row)
                    local[row["uuid"]] = row
                    counts["inserted"] += 1
                    counts["released"] += 1
                    changes.append(
                        dict(table_name=kind, record_uuid=row["uuid"], before=None, after_clock=row["clock"])
                    )
                    audits.append(_audit(kind, row["uuid"], "insert", file_name, row["version"], by, now))
                    result.review.append(
                        translate(
                            "Import",
                            "Brought in, the record with the same number that held it back was deleted: {kind} {what} (sheet {sheet}, row {row})",
                        ).format(kind=_noun(kind), what=namer.record(kind, row), sheet=sheet_name, row=row_number)
                    )
            changes.append(dict(table_name=kind, record_uuid=uuid, before=before, after_clock=new["clock"]))
            audits.append(_audit(kind, uuid, "update", file_name, mine["version"], by, now))
        write_chunk()
        for review in reviews:
            review["batch_id"] = batch.id
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

        self.session = session
        self.divisions = load_divisions(session)
        self.today = date.today()

    def errors(self, kind: str, values: dict) -> list[str]:
        from qdgui.models import rules
        from qdgui.models.repository import read_draft

        if values.get("deleted"):
            return []  # a deletion carries no values to check
        info = kinds.KINDS[kind]
        draft = info.draft(**{f: values.get(f) for f in info.draft.__dataclass_fields__})
        checked = read_draft(self.session, draft, today=self.today, context=rules.Context(self.divisions))
        return [
            translate("Import", "{field}: {message}").format(field=field_label(p.field), message=p.message)
            for p in checked.errors
        ]


def _conflict_item(kind, uuid, fields, kept, other, other_clock, file_name, kept_side, other_side, other_by=None):
    """A review item for a record changed on both sides: the values held and the other side's, who
    wrote each side and when."""
    return dict(
        reason="conflict",
        table_name=kind,
        record_uuid=uuid,
        other_uuid=None,
        kept=dump(kept, fields),
        other=dump(other, fields),
        other_clock=other_clock,
        source_file=file_name,
        kept_by=_who(kept_side),
        kept_at=kept_side["updated_at"],
        other_by=other_by or _who(other_side),
        other_at=other_side["updated_at"],
    )


def _who(values: dict) -> str:
    return f"{values.get('operator') or ''} ({values.get('device') or ''})"


def _labels(kind: str, fields) -> str:
    """Field names as the forms show them, in the registry's order."""
    return translate("Import", ", ").join(field_label(f) for f in fields)


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


HOLDS_BACK = frozenset(kind for kind, keys in UNIQUE_KEYS.items() if keys) - JOINED_BY_NAME


def _new_row(incoming: dict, columns) -> dict:
    row = {c: incoming.get(c) for c in columns}
    row["version"] = row.get("version") or 1
    row["deleted"] = bool(row.get("deleted"))
    return row


def _released(session: Session, kind: str, uuid: str, live_keys, local: dict, now: datetime) -> list[dict]:
    """The copies that the record `uuid`, now deleted, held back as duplicates and that may be the
    record now (their key free, not here already): their rows, the items closed. The first held is
    taken; a later one stays held by it, as in the other order."""
    table = RECORD_TABLES[kind]
    released: list[dict] = []
    items = session.execute(
        select(ReviewItem.id, ReviewItem.held_row)
        .where(
            ReviewItem.record_uuid == uuid,
            ReviewItem.reason == "duplicate",
            ReviewItem.resolved_at.is_(None),
            ReviewItem.held_row.is_not(None),
        )
        .order_by(ReviewItem.id)
    ).all()
    for item_id, held_row in items:
        row = {c.key: None for c in table.__table__.columns} | batches_values(table, json.loads(held_row))
        if row["uuid"] in local or _unique_clash(kind, row, live_keys) is not None:
            continue
        released.append(row)
        for key in UNIQUE_KEYS[kind]:  # the record's key now (a second held copy meets the first)
            live_keys[key][tuple(row.get(f) for f in key)] = row["uuid"]
        session.execute(update(ReviewItem).where(ReviewItem.id == item_id).values(resolved_at=now))
    return released


def _clashing_fields(kind: str, after: dict, live_keys) -> tuple[str, ...]:
    """The changed fields of the first unique key that `after` (a record here, changed) would share
    with another live record here; () if none."""
    if after.get("deleted"):
        return ()
    for key in UNIQUE_KEYS[kind]:
        value = tuple(after.get(f) for f in key)
        if any(v is None for v in value) and key != ("year", "district_code", "street_code", "measure"):
            continue
        found = live_keys[key].get(value)
        if found is not None and found != after["uuid"]:
            return key
    return ()


def _held_copies(session: Session, kind: str) -> dict[str, list[tuple[int, str]]]:
    """The copies of records of this kind held back here as duplicates, not decided yet."""
    found: dict[str, list[tuple[int, str]]] = {}
    for item_id, other, other_clock in session.execute(
        select(ReviewItem.id, ReviewItem.other_uuid, ReviewItem.other_clock).where(
            ReviewItem.table_name == kind,
            ReviewItem.reason == "duplicate",
            ReviewItem.resolved_at.is_(None),
            ReviewItem.held_row.is_not(None),
        )
    ):
        found.setdefault(other, []).append((item_id, other_clock))
    return found


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


def _rekey(live_keys: dict, similar_index: dict, kind: str, mine: dict, new: dict) -> None:
    """Keep the live records' unique keys and look-alike content true as a merge changes a record: a
    case deleted (or renumbered) by this return frees its number for a later row of the same return,
    and is nothing for a later row to look like."""
    after = {**mine, **new}
    for key in UNIQUE_KEYS[kind]:
        old_value = tuple(mine.get(f) for f in key)
        if live_keys[key].get(old_value) == mine["uuid"]:
            del live_keys[key][old_value]
        if not after["deleted"]:
            live_keys[key][tuple(after.get(f) for f in key)] = mine["uuid"]
    if kind in SIMILAR_KEYS:
        old_value = tuple(mine.get(f) for f in SIMILAR_KEYS[kind])
        if similar_index.get(old_value) == mine["uuid"]:
            del similar_index[old_value]
        if not after["deleted"]:
            similar_index.setdefault(tuple(after.get(f) for f in SIMILAR_KEYS[kind]), mine["uuid"])


def _near_names(names_here: dict, kind: str, row: dict) -> list[tuple[str, str]]:
    """(name, uuid) of the records here in the same district (street) whose name is close to the
    incoming one's: one inside the other, or most characters shared in order (places.near_names)."""
    from qdgui.excel.places import near_names

    pool = names_here.get(row.get(UNIQUE_KEYS[kind][0][0]), [])
    close = set(near_names(row.get("name") or "", [name for name, _ in pool]))
    return [(name, uuid) for name, uuid in pool if name in close]


def _open_items(session: Session) -> set[tuple]:
    """(record, other record, other version) of the review items still open."""
    return set(
        session.execute(
            select(ReviewItem.record_uuid, ReviewItem.other_uuid, ReviewItem.other_clock).where(
                ReviewItem.resolved_at.is_(None)
            )
        ).all()
    )


def _add_reviews(session: Session, reviews: list[dict]) -> None:
    """Add review items, except those already open for the same record and the same other version."""
    open_items = _open_items(session)
    fresh = [r for r in reviews if (r["record_uuid"], r["other_uuid"], r["other_clock"]) not in open_items]
    if fresh:
        sides = ("kept_by", "kept_at", "other_by", "other_at", "held_row")  # not every item has all
        session.execute(ReviewItem.__table__.insert(), [{**dict.fromkeys(sides), **r} for r in fresh])


__all__ = ["MergeResult", "merge"]
