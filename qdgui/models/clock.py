"""Version clocks: {replica: number of edits made there}, to tell a newer copy from a concurrent one.

A record edited on laptop A carries {A: 1}; the supervisor's copy that merged it carries the same.
If B edits the same record without having seen A's edit, B's clock {B: 1} is neither before nor
after {A: 1}: both changed since they last met, and a person has to choose.
"""

from __future__ import annotations

import hashlib
import json
import weakref
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from qdgui.models.tables import Meta

EQUAL, BEFORE, AFTER, CONCURRENT = "equal", "before", "after", "concurrent"


REPLICAS_CACHE = "qdgui_replicas"  # session.info key: this database's replica id per device, read once
_STORED_REPLICAS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # engine -> {device: stored id}


def parse(text: str | None) -> dict[str, int]:
    if not text:
        return {}
    value = json.loads(text)
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, int) and v >= 0 for k, v in value.items()
    ):
        raise ValueError(text)
    return {k: v for k, v in value.items() if v}


def dumps(clock: dict[str, int]) -> str:
    return json.dumps({k: v for k, v in sorted(clock.items()) if v}, separators=(",", ":"))


def compare(a: dict[str, int], b: dict[str, int]) -> str:
    """How clock a stands to clock b: EQUAL, BEFORE (b has seen all of a), AFTER, or CONCURRENT."""
    a_ahead = any(v > b.get(k, 0) for k, v in a.items())
    b_ahead = any(v > a.get(k, 0) for k, v in b.items())
    if a_ahead and b_ahead:
        return CONCURRENT
    if a_ahead:
        return AFTER
    if b_ahead:
        return BEFORE
    return EQUAL


def join(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    return {k: max(a.get(k, 0), b.get(k, 0)) for k in a.keys() | b.keys()}


def tick(text: str | None, replica: str) -> str:
    clock = parse(text)
    clock[replica] = clock.get(replica, 0) + 1
    return dumps(clock)


def replica(session: Session, device: str) -> str:
    """This database's replica id on this device (made the first time the device writes here).

    A database file copied to another laptop gets a replica id of its own there, so the two
    copies' edits can never be mistaken for one another.
    """
    cache = session.info.setdefault(REPLICAS_CACHE, {})
    if device in cache:
        return cache[device]
    bind = session.get_bind()
    engine = getattr(bind, "engine", bind)
    known = _STORED_REPLICAS.setdefault(engine, {})
    if device in known:  # read from this database before: one query less per save (a server's round trip)
        cache[device] = known[device]
        return known[device]
    key = "replica:" + hashlib.sha1(device.encode("utf-8")).hexdigest()[:16]
    found = session.scalar(select(Meta.value).where(Meta.key == key))
    if found is None:
        import uuid

        found = uuid.uuid4().hex[:12]
        session.add(Meta(key=key, value=found))
        session.flush()
    else:
        known[device] = found  # only once stored: a new id's transaction may still roll back
    cache[device] = found
    return found


# ------------------------------------------------------------------ field dots
#
# A record's clock says whether one copy follows from another. When neither does (both changed
# since they last met), what each side changed is in the record's dots: {field: [replica, n, at]},
# the edit that last wrote the field (the n-th edit made at that replica, at that UTC time). A field
# not listed still holds the value it was created with, which every copy has seen. "?" stands for
# an edit not known (records written before dots were kept, a return of an older qdgui).
#
# Two concurrent copies then merge field by field, by themselves where they can: a field one side
# wrote after seeing the other's value takes that side's value ("soft": different fields changed);
# a field both wrote without seeing the other's is "hard" and goes to a person, while the record
# holds the later write (by time, then replica and number), so that every order of merging the
# same copies gives the same record.

UNKNOWN = "?"


def parse_dots(text: str | None) -> dict[str, object] | None:
    """The dots of a record (None: nothing is known about which edit wrote which field)."""
    if text is None or text == "":
        return None
    value = json.loads(text)
    if not isinstance(value, dict):
        raise ValueError(text)
    for dot in value.values():
        if dot != UNKNOWN and not (
            isinstance(dot, list)
            and len(dot) == 3
            and isinstance(dot[0], str)
            and isinstance(dot[1], int)
            and isinstance(dot[2], str)
        ):
            raise ValueError(text)
    return value


def dumps_dots(dots: dict[str, object] | None) -> str | None:
    if dots is None:
        return None
    return json.dumps(dict(sorted(dots.items())), separators=(",", ":"), ensure_ascii=False)


def dot_of(dots: dict[str, object] | None, field: str):
    """The edit that wrote `field`: None (its value from creation), UNKNOWN, or [replica, n, at]."""
    if dots is None:
        return UNKNOWN
    return dots.get(field)


def stamped(dots_text: str | None, clock_text: str, replica_id: str, at: str, fields, all_fields) -> str:
    """The dots after a local edit of `fields` at `clock_text` (already ticked for this replica)."""
    dots = parse_dots(dots_text)
    if dots is None:  # a record from before dots: what wrote its other fields is not known
        dots = {f: UNKNOWN for f in all_fields}
    n = parse(clock_text).get(replica_id, 0)
    for name in fields:
        dots[name] = [replica_id, n, at]
    return dumps_dots(dots) or "{}"


def seen(clock: dict[str, int], dot) -> bool:
    """Whether a copy at `clock` has seen the edit `dot`."""
    if dot is None:
        return True
    if dot == UNKNOWN:
        return False
    return clock.get(dot[0], 0) >= dot[1]


def _order(dot, side_stamp: tuple) -> tuple:
    """Which of two concurrent writes of a field the record holds meanwhile: the later one."""
    if isinstance(dot, list):
        return (dot[2], dot[0], dot[1])
    return (*side_stamp, 0)


@dataclass(frozen=True)
class FieldMerge:
    values: dict  # the merged record's field values
    dots: dict | None
    theirs: tuple[str, ...]  # fields taken from the incoming copy by themselves (soft)
    hard: tuple[str, ...]  # fields both wrote without seeing the other's: a person decides
    losers: dict  # {hard field: the value the record does not hold}
    incoming_won: tuple[str, ...]  # hard fields where the incoming copy's write is held


def merge_fields(
    fields,
    mine: dict,
    mine_clock: dict[str, int],
    mine_dots: dict | None,
    mine_stamp: tuple,
    theirs: dict,
    their_clock: dict[str, int],
    their_dots: dict | None,
    their_stamp: tuple,
    same=lambda a, b: a == b,
) -> FieldMerge:
    """Merge two concurrent copies of a record field by field (see above). The stamps, (updated_at
    text, clock text), order the writes whose dots are not known."""
    values, dots, taken, hard, losers, won = {}, {}, [], [], {}, []
    unknown = mine_dots is None and their_dots is None
    for f in fields:
        a, b = mine.get(f), theirs.get(f)
        da, db = dot_of(mine_dots, f), dot_of(their_dots, f)
        if same(a, b):
            if da == UNKNOWN or (db != UNKNOWN and seen(their_clock, da) and not seen(mine_clock, db)):
                chosen = db
            elif db == UNKNOWN or (seen(mine_clock, db) and not seen(their_clock, da)):
                chosen = da
            else:
                chosen = max(da, db, key=lambda d: _order(d, ()) if isinstance(d, list) else ("",))
            values[f] = a
            if chosen is not None:
                dots[f] = chosen
            continue
        theirs_after = seen(their_clock, da) and not seen(mine_clock, db)
        mine_after = seen(mine_clock, db) and not seen(their_clock, da)
        if da == db and da is not None and da != UNKNOWN:
            theirs_after = mine_after = False  # one edit, two values: a hand-edited file
        if theirs_after:
            values[f], chosen = b, db
            taken.append(f)
        elif mine_after:
            values[f], chosen = a, da
        else:
            hard.append(f)
            if _order(db, their_stamp) > _order(da, mine_stamp):
                values[f], chosen, losers[f] = b, db, a
                won.append(f)
            else:
                values[f], chosen, losers[f] = a, da, b
        if chosen is not None:
            dots[f] = chosen
    return FieldMerge(values, None if unknown else dots, tuple(taken), tuple(hard), losers, tuple(won))
