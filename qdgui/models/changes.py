"""What one user action changed, as one value: every layer that reacts to a save reads it from here.

A save, an edit, a deletion or an undo returns a `Change` (kind, UUID, the action, the version it
made, the field values before and after); the window broadcasts it once as a `Changed`, and the
tables, the status line and the charts take what they need from it, instead of re-reading the
record or its audit rows. An import, a merge or the undo of a batch moves too many records to list:
its `Changed` names only the kinds, and listeners reload those.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from qdgui.models import kinds


@dataclass(frozen=True)
class Change:
    kind: str
    uuid: str
    action: str  # insert, update, delete, restore, unchanged (an undo reports the action it made)
    version: int  # the record's version after the change
    old: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))  # {} for a new record
    new: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    deleted: bool = False  # the record is a tombstone after the change
    photos_added: tuple[str, ...] = ()  # photos (their UUIDs) the same save attached, or removed:
    photos_removed: tuple[str, ...] = ()  # an undo of the save takes these back too

    @property
    def fields_changed(self) -> tuple[str, ...]:
        return tuple(n for n in self.new if self.old.get(n) != self.new.get(n))


@dataclass(frozen=True)
class Changed:
    """One action's changes: the records one by one when there are few, else just their kinds."""

    kinds: frozenset[str]
    records: tuple[Change, ...] = ()

    @classmethod
    def of(cls, *changes: Change) -> Changed:
        return cls(frozenset(c.kind for c in changes), tuple(changes))

    @classmethod
    def bulk(cls, kinds_changed) -> Changed:
        return cls(frozenset(kinds_changed))


def values_of(row, kind: str) -> Mapping[str, object]:
    """The record's field values now (a read-only snapshot)."""
    return MappingProxyType({name: getattr(row, name) for name in kinds.KINDS[kind].field_names})
