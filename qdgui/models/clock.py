"""Version clocks: {replica: number of edits made there}, to tell a newer copy from a concurrent one.

A record edited on laptop A carries {A: 1}; the supervisor's copy that merged it carries the same.
If B edits the same record without having seen A's edit, B's clock {B: 1} is neither before nor
after {A: 1}: both changed since they last met, and a person has to choose.
"""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from qdgui.models.tables import Meta

EQUAL, BEFORE, AFTER, CONCURRENT = "equal", "before", "after", "concurrent"


REPLICAS_CACHE = "qdgui_replicas"  # session.info key: this database's replica id per device, read once


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
    key = "replica:" + hashlib.sha1(device.encode("utf-8")).hexdigest()[:16]
    found = session.scalar(select(Meta.value).where(Meta.key == key))
    if found is None:
        import uuid

        found = uuid.uuid4().hex[:12]
        session.add(Meta(key=key, value=found))
        session.flush()
    cache[device] = found
    return found
