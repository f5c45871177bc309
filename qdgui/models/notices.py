"""Changes made by other clerks on a PostgreSQL server, as they are committed (revision 0009's
notices on the channel qdgui_changes): the window listens on a connection of its own and shows
them within a moment, without polling any table. No Qt here; views/live.py runs it in a thread."""

from __future__ import annotations

import json
from dataclasses import dataclass

CHANNEL = "qdgui_changes"
TABLE_KINDS = {
    "community": "community",
    "project": "project",
    "annual_target": "annual_target",
    "signing": "signing",
    "demolition": "demolition",
    "park": "park",
}


@dataclass(frozen=True)
class Notice:
    kind: str
    uuids: tuple[str, ...] | None  # None: too many to list, reload the kind


def parse(payload: str, *, own_origin: str | None) -> Notice | None:
    """A notice's payload as a Notice, or None when it is this program's own or not one of ours."""
    try:
        data = json.loads(payload)
        kind = TABLE_KINDS[data["t"]]
    except (ValueError, KeyError, TypeError):
        return None
    if own_origin is not None and data.get("o") == own_origin:
        return None
    uuids = data.get("u")
    return Notice(kind, tuple(str(u) for u in uuids) if isinstance(uuids, list) else None)


class Listener:
    """LISTEN on a connection of its own; `wait` returns what arrived within the timeout."""

    def __init__(self, engine, *, own_origin: str | None):
        import psycopg

        url = engine.url
        self._own = own_origin
        params = {
            "host": url.host or url.query.get("host"),
            "port": url.port,
            "dbname": url.database,
            "user": url.username,
            "password": url.password,
            "connect_timeout": 5,
            "application_name": "qdgui-listener",
            "autocommit": True,
        }
        self._connection = psycopg.connect(**{k: v for k, v in params.items() if v is not None})
        self._connection.execute(f"LISTEN {CHANNEL}")

    def wait(self, timeout: float) -> list[Notice]:
        found = []
        for notify in self._connection.notifies(timeout=timeout, stop_after=None):
            notice = parse(notify.payload, own_origin=self._own)
            if notice is not None:
                found.append(notice)
            if len(found) >= 1:  # deliver promptly; the next wait collects the rest
                break
        return found

    def close(self) -> None:
        self._connection.close()
