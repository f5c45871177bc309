"""Joining copies of one project or village that laptops made apart: which is the record, what each brings."""

from __future__ import annotations

import json
from decimal import Decimal

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from qdgui.excel.ledger import LedgerError
from qdgui.i18n import translate
from qdgui.models import clock, kinds
from qdgui.models.batches import ALIAS_STEP, REMOVED, json_value
from qdgui.models.records import Operator
from qdgui.models.tables import RECORD_TABLES, ReferenceAlias

content_fields = kinds.content_fields


def dump(values: dict, fields) -> str:
    return json.dumps({f: json_value(values.get(f)) for f in fields}, ensure_ascii=False, sort_keys=True)


def same(a, b) -> bool:
    if isinstance(a, Decimal) or isinstance(b, Decimal):
        return a is not None and b is not None and Decimal(a) == Decimal(b) or (a is None and b is None)
    return a == b


def dots_of(text, sheet: str, row: int):
    try:
        return clock.parse_dots(text)
    except ValueError as exc:
        raise LedgerError(
            translate("Import", "Sheet {sheet}, row {row}: the field versions are damaged: '{value}'.").format(
                sheet=sheet, row=row, value=text
            )
        ) from exc


def aliases_here(session: Session) -> tuple[dict[str, dict[str, str]], dict[str, tuple[str | None, str | None]]]:
    """{kind: {alias uuid: target uuid}}, and {alias uuid: (its clock, the target's) when they last met}."""
    found: dict[str, dict[str, str]] = {}
    met: dict[str, tuple[str | None, str | None]] = {}
    for alias, kind, target, alias_clock, target_clock in session.execute(
        select(
            ReferenceAlias.alias_uuid,
            ReferenceAlias.kind,
            ReferenceAlias.target_uuid,
            ReferenceAlias.alias_clock,
            ReferenceAlias.target_clock,
        )
    ):
        found.setdefault(kind, {})[alias] = target
        met[alias] = (alias_clock, target_clock)
    return found, met


def alias_moved(session: Session, alias: str, alias_met: dict, met: tuple[str, str]) -> dict:
    """The alias's clocks moved on to where the two copies met now; the import change that puts
    them back (batches.undo)."""
    old = alias_met.get(alias, (None, None))
    session.execute(
        update(ReferenceAlias).where(ReferenceAlias.alias_uuid == alias).values(alias_clock=met[0], target_clock=met[1])
    )
    alias_met[alias] = met
    return dict(
        table_name=ALIAS_STEP,
        record_uuid=alias,
        before=json.dumps({"alias_clock": old[0], "target_clock": old[1]}),
        after_clock=met[0],
    )


def joined_copy_edits(kind: str, incoming: dict, mine: dict | None, met, sheet: str, row: int):
    """What the alias copy `incoming` changed since it last met `mine`, the record it was joined to:
    None if nothing (or not known: an alias from before revision 0015, a return without field dots);
    else (fields to take, fields both changed, {both changed: the value the record does not hold},
    the alias's clock now). A field both changed holds the later write."""
    alias_clock, target_clock = met or (None, None)
    if mine is None or alias_clock is None or target_clock is None:
        return None
    their_clock, at_join = clock.parse(incoming["clock"]), clock.parse(alias_clock)
    if clock.compare(their_clock, at_join) in (clock.BEFORE, clock.EQUAL):
        return None
    their_dots = dots_of(incoming.get("dots"), sheet, row)
    if their_dots is None:
        return None
    mine_dots, target_at_join = dots_of(mine.get("dots"), sheet, row), clock.parse(target_clock)
    taken, hard, losers, retimed = [], [], {}, []
    for f in content_fields(kind):
        theirs = clock.dot_of(their_dots, f)
        if clock.seen(at_join, theirs):
            continue
        ours = clock.dot_of(mine_dots, f)
        if same(mine.get(f), incoming.get(f)):
            if written_at(incoming, their_dots, f) > written_at(mine, mine_dots, f):
                retimed.append(f)
            continue
        # The two copies' histories never met: that laptop's edit did not see our value, so the
        # later write holds (ours may have been written, even created, after it). Ours, untouched
        # since the join, gives way quietly; an edit of that laptop that does not hold is for a person.
        if written_at(incoming, their_dots, f) > written_at(mine, mine_dots, f):
            taken.append(f)
            if not clock.seen(target_at_join, ours):
                hard.append(f)
                losers[f] = mine.get(f)
        else:
            hard.append(f)
            losers[f] = incoming.get(f)
    return tuple(taken), tuple(hard), losers, clock.dumps(clock.join(their_clock, at_join)), tuple(retimed)


def give_way(session: Session, kind: str, ours: dict, theirs: str, aliases, alias_met, *, by: Operator, now):
    """Our copy `ours` of a project (village) gives way to another laptop's copy `theirs` (already
    inserted): every record here pointing at ours points at theirs (a local edit, so it travels),
    the aliases of ours point at theirs, and our row goes (the undo of the batch puts it back).
    Returns the batch's notes of it."""

    replica = clock.replica(session, by.device)
    notes = []
    for dependant, info in kinds.KINDS.items():
        for field_name, target in info.references:
            if target != kind:
                continue
            table = RECORD_TABLES[dependant]
            column = getattr(table, field_name)
            for row in session.execute(select(*table.__table__.columns).where(column == ours["uuid"])).all():  # type: ignore[attr-defined]
                values = row._asdict()
                ticked = clock.tick(values["clock"], replica)
                dots = clock.parse_dots(values.get("dots"))
                if dots is not None:
                    dots[field_name] = [replica, clock.parse(ticked)[replica], now.isoformat()]
                new = {
                    field_name: theirs,
                    "clock": ticked,
                    "dots": clock.dumps_dots(dots),
                    "version": values["version"] + 1,
                    "updated_at": max(now, values["created_at"]),
                    "operator": by.name,
                    "device": by.device,
                }
                session.execute(update(table).where(table.uuid == values["uuid"]).values(**new))
                notes.append(
                    dict(
                        table_name=dependant,
                        record_uuid=values["uuid"],
                        before=dump(values, values),
                        after_clock=ticked,
                    )
                )
    for alias, target in list(aliases.get(kind, {}).items()):
        if target == ours["uuid"]:
            aliases[kind][alias] = theirs
            old = alias_met.get(alias, (None, None))
            session.execute(update(ReferenceAlias).where(ReferenceAlias.alias_uuid == alias).values(target_uuid=theirs))
            notes.append(
                dict(
                    table_name=ALIAS_STEP,
                    record_uuid=alias,
                    before=json.dumps({"alias_clock": old[0], "target_clock": old[1], "target_uuid": ours["uuid"]}),
                    after_clock=old[0] or "",
                )
            )
    table = RECORD_TABLES[kind]
    session.execute(delete(table).where(table.uuid == ours["uuid"]))
    notes.append(dict(table_name=kind, record_uuid=ours["uuid"], before=dump(ours, ours), after_clock=REMOVED))
    return notes


def written_at(row: dict, dots, f: str) -> tuple:
    """When the copy's value of f was written (its dot's time; its creation for a value it was made
    with; its last change when not known), then its UUID: an order every database agrees on."""
    dot = clock.dot_of(dots, f)
    if isinstance(dot, list):
        return (dot[2], row["uuid"])
    at = row["created_at"] if dot is None else row["updated_at"]
    return (at.isoformat() if hasattr(at, "isoformat") else str(at), row["uuid"])


def first_meeting(kind: str, incoming: dict, mine: dict):
    """Two copies of one project (village) made on two laptops, met at a join: every field that
    differs was written on both sides, so it holds the later write and the other goes to a person."""
    their_dots, mine_dots = clock.parse_dots(incoming.get("dots")), clock.parse_dots(mine.get("dots"))
    taken, hard, losers, retimed = [], [], {}, []
    for f in content_fields(kind):
        if f == "deleted":
            continue
        if same(mine.get(f), incoming.get(f)):
            if written_at(incoming, their_dots, f) > written_at(mine, mine_dots, f):
                retimed.append(f)  # the same value, written later there: a third copy meets that time
            continue
        hard.append(f)
        if written_at(incoming, their_dots, f) > written_at(mine, mine_dots, f):
            taken.append(f)
            losers[f] = mine.get(f)
        else:
            losers[f] = incoming.get(f)
    return tuple(taken), tuple(hard), losers, incoming["clock"], tuple(retimed)


def joined_write(session: Session, mine: dict, values: dict, incoming: dict, by: Operator, file_name) -> dict:
    """The record's new columns for an alias copy's edits brought to it: a write of this database
    (its clock ticks here, so the edit travels on), each field's dot keeping the edit's own time."""
    replica = clock.replica(session, by.device)
    ticked = clock.tick(mine["clock"], replica)
    n = clock.parse(ticked)[replica]
    dots = clock.parse_dots(mine.get("dots")) or {}
    their_dots = clock.parse_dots(incoming.get("dots")) or {}
    for f in values:
        dots[f] = [replica, n, written_at(incoming, their_dots or None, f)[0]]
    new = dict(values, clock=ticked, dots=clock.dumps_dots(dots), version=mine["version"] + 1)
    if any(not same(mine.get(f), v) for f, v in values.items()):  # a value changes: who and when
        new.update(
            source_file=file_name,
            updated_at=max(mine["updated_at"], incoming["updated_at"]),
            operator=incoming["operator"],
            device=incoming["device"],
        )
    return new
