"""A district or city database on PostgreSQL: the same schema, revisions and code as the SQLite file.

`--db postgresql://user@host:port/dbname` (or `postgres://`) opens one. The password is PostgreSQL's
own business: libpq asks ~/.pgpass (or PGPASSFILE) and the PGPASSWORD variable when the address
holds none, so nothing needs to be kept in clear text by qdgui.
"""

from __future__ import annotations

import re
import uuid

import sqlalchemy.exc
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import URL, make_url

from qdgui.i18n import translate
from qdgui.models.database import failure_kind

SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
CONNECT_TIMEOUT_S = 5
# One user action holds its row locks briefly; a save that waits longer than this for another
# clerk's transaction is refused in words instead of freezing the window.
LOCK_TIMEOUT_MS = 5_000
MIGRATION_LOCK = 0x71646775  # pg_advisory_lock key: one client upgrades the schema at a time


class BadAddress(ValueError):
    """A --db value that looks like a server address but cannot be one."""


def is_server_url(target: object) -> bool:
    return isinstance(target, str) and target.split(":", 1)[0].lower() in SCHEMES and "://" in target


def engine_url(address: str) -> URL:
    """The SQLAlchemy URL of a server address, with the psycopg driver; BadAddress if malformed."""
    try:
        url = make_url(address)
    except (sqlalchemy.exc.ArgumentError, ValueError) as exc:
        raise BadAddress(
            translate("Database", "{address} is not a database server address").format(address=display(address))
        ) from exc
    if url.get_backend_name() not in ("postgresql", "postgres"):
        raise BadAddress(
            translate("Database", "{address} is not a database server address").format(address=display(address))
        )
    if not url.database:
        raise BadAddress(
            translate(
                "Database",
                "The server address {address} names no database: write it as postgresql://user@host:port/dbname.",
            ).format(address=display(address))
        )
    if url.port is not None and not 0 < url.port < 65536:
        raise BadAddress(translate("Database", "{port} is not a port number").format(port=url.port))
    return url.set(drivername="postgresql+psycopg")


def display(address: str) -> str:
    """The address as shown to users and written to logs: never its password."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", address)


ORIGIN = f"qdgui:{uuid.uuid4().hex[:12]}"  # this program's name on the server (models/notices.py)


def make_server_engine(address: str, *, origin: str = ORIGIN) -> Engine:
    return create_engine(
        engine_url(address),
        pool_pre_ping=True,  # a server restarted between two saves: the next save reconnects
        connect_args={
            "connect_timeout": CONNECT_TIMEOUT_S,
            "application_name": origin,  # the change notices it causes name it, so it skips its own
            "options": f"-c lock_timeout={LOCK_TIMEOUT_MS} -c timezone=UTC",
        },
    )


def connection_problem(exc: BaseException, address: str) -> str | None:
    """The user's words for a server that could not be reached or refused us; None for other errors."""
    original = getattr(exc, "orig", None) or exc
    text = str(original)
    lowered = text.lower()
    shown = display(address)
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return translate(
            "Database",
            "The server {address} refused the user name or password. Check them (the password can be kept in "
            "~/.pgpass), or ask the district's administrator.",
        ).format(address=shown)
    if "does not exist" in lowered and "database" in lowered:
        return translate(
            "Database", "The server has no database named in {address}. Check the name, or ask its administrator."
        ).format(address=shown)
    if "role" in lowered and "does not exist" in lowered:
        return translate("Database", "The server {address} does not know that user. Ask its administrator.").format(
            address=shown
        )
    if "no pg_hba.conf entry" in lowered or ("permission denied" in lowered and "connect" in lowered):
        return translate(
            "Database", "The server {address} does not let this computer or user connect. Ask its administrator."
        ).format(address=shown)
    if failure_kind(exc) == "server":  # the same reading of a lost connection as a save's
        return translate(
            "Database",
            "Cannot reach the database server {address}: it is switched off, the address is wrong, or the network "
            "is down. Nothing was changed; try again when the server is reachable.",
        ).format(address=shown)
    return None
