"""Open a database file: check it, back it up, bring its schema to head and load reference data."""

from __future__ import annotations

import re
import sqlite3
import uuid
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

import qdgui
from qdgui.i18n import translate
from qdgui.models.database import (
    FULL_CHECK_BELOW,
    Database,
    DatabaseError,
    backup,
    backup_label,
    backups_of,
    check_writable,
    disk_problem,
    make_engine,
    quick_check,
)
from qdgui.models.reference import ensure_divisions
from qdgui.models.tables import Meta
from qdgui.paths import migrations_dir

# Alembic costs ~140 ms to import; a start-up on an up-to-date file only needs the revision ids,
# read from the scripts' text. Alembic is imported when there is something to upgrade.


def alembic_config(connection=None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.attributes["connection"] = connection
    return config


_REVISION = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(?:['\"]([^'\"]+)['\"]|None)", re.MULTILINE)


def known_revisions() -> dict[str, str | None]:
    """{revision: the revision it follows} of the shipped scripts."""
    found = {}
    for script in sorted(migrations_dir().glob("versions/*.py")):
        ids = {m.group(1): m.group(2) for m in _REVISION.finditer(script.read_text(encoding="utf-8"))}
        if ids.get("revision"):
            found[ids["revision"]] = ids.get("down_revision")
    return found


def head_revision() -> str:
    revisions = known_revisions()
    (head,) = set(revisions) - set(revisions.values())
    return head


def current_revision(engine) -> str | None:
    with engine.connect() as conn:
        exists = "alembic_version" in _names(conn)
        return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() if exists else None


def upgrade(engine, revision: str = "head") -> None:
    _migrate(engine, "upgrade", revision)


def downgrade(engine, revision: str) -> None:
    """Back to an older schema (tests, and a supervisor undoing an upgrade by hand)."""
    _migrate(engine, "downgrade", revision)


def _migrate(engine, direction: str, revision: str) -> None:
    # Foreign keys off while tables may be rebuilt (batch mode), checked again afterwards.
    # PRAGMA foreign_keys is ignored inside a transaction, so it goes to the driver connection
    # before Alembic begins one (and commits it).
    from alembic import command

    if engine.dialect.name != "sqlite":
        with engine.connect() as conn:  # PostgreSQL checks foreign keys itself, inside the transaction
            getattr(command, direction)(alembic_config(conn), revision)
        return
    with engine.connect() as conn, warnings.catch_warnings():
        # Revision 0005's rebuild of annual_target cannot reflect its index over an expression and
        # says so on stderr, in English, to the clerk; 0013 makes the index again.
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based index")
        raw = conn.connection.driver_connection
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            getattr(command, direction)(alembic_config(conn), revision)
            problems = raw.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            raw.execute("PRAGMA foreign_keys = ON")
    if problems:
        raise DatabaseError(
            translate("Database", "The upgraded database has {n} broken references").format(n=len(problems))
        )


def open_database(path: Path | str, *, migrate: bool = True) -> tuple[Database, Path | None]:
    """Open (or create) the file and return it with the backup made before an upgrade, if any.
    A PostgreSQL address (postgresql://...) opens the server's database instead (no backup: the
    server's own backups are its administrator's)."""
    from qdgui.models.server import is_server_url

    if is_server_url(path):
        return _open_server(str(path), migrate=migrate), None
    path = Path(path).expanduser().resolve()
    check_writable(path)
    existed = path.exists() and path.stat().st_size > 0
    if existed:  # before our engine touches it: its first connection would switch the file to WAL
        _require_sqlite(path)
        _require_ours(path)
    checked = _check_due(path) if existed else None  # before our engine opens it: a WAL left means a crash
    engine = make_engine(path)
    made_backup = None
    try:
        if checked:
            quick_check(engine, full=checked == "full")
        current = current_revision(engine)
        head = head_revision()
        if current is not None and current not in known_revisions():
            raise DatabaseError(
                translate(
                    "Database",
                    "This database was written by a newer version of qdgui (schema {rev}); please upgrade qdgui.",
                ).format(rev=current)
            )
        tables = _table_names(engine)
        if current is None and tables & _schema_tables():
            # Our tables without the record of their version: no upgrade can know where to start.
            raise DatabaseError(
                translate(
                    "Database",
                    "{path} holds qdgui's tables but not the record of their version (alembic_version is "
                    "missing or empty): the file is incomplete or damaged. Restore it from a backup in the "
                    "backups folder.",
                ).format(path=path.name)
            )
        if current != head and migrate:
            if existed:
                made_backup = backup(path, label=f"before-{head}")
            upgrade(engine)
            tables = _table_names(engine)
        missing = sorted(_schema_tables() - tables) if migrate else []
        if missing:
            raise DatabaseError(
                translate(
                    "Database",
                    "{path} lacks the table(s) {tables}: the file is incomplete or damaged. Restore it from a "
                    "backup in the backups folder.",
                ).format(path=path.name, tables=", ".join(missing))
            )
        database = Database(path, engine)
        with database.begin() as session:
            ensure_divisions(session)
            _ensure_meta(session)
            now = datetime.now(UTC).isoformat(timespec="seconds")
            for key in (CHECKED_AT, FULL_CHECKED_AT) if checked == "full" else (CHECKED_AT,) if checked else ():
                session.merge(Meta(key=key, value=now))
            session.execute(text(f"PRAGMA application_id = {APPLICATION_ID}"))  # this file is qdgui's
    except Exception:
        engine.dispose()
        raise
    return database, made_backup


def _table_names(engine) -> set[str]:
    with engine.connect() as conn:
        return _names(conn)


def _names(conn) -> set[str]:
    if conn.dialect.name == "sqlite":
        return {row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {
        row[0]
        for row in conn.exec_driver_sql(
            "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
        )
    }


def _grant_again(engine) -> None:
    """After an upgrade of a server whose accounts are set up (qdgui server init): the same grants and
    policies over the tables the upgrade added, so that the clerks can go on at once."""
    from qdgui.models import access

    with engine.connect() as conn:
        initialised = conn.exec_driver_sql("SELECT 1 FROM pg_namespace WHERE nspname = 'qdgui_access'").first()
    if initialised:
        access.init_server(engine)


def _open_server(address: str, *, migrate: bool) -> Database:
    """The server's database, its schema brought to head by the first client that finds it older
    (the others wait on an advisory lock, then find it done)."""
    from qdgui.models.server import MIGRATION_LOCK, BadAddress, connection_problem, make_server_engine

    try:
        engine = make_server_engine(address)
    except BadAddress as exc:
        raise DatabaseError(str(exc)) from exc
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(f"SELECT pg_advisory_lock({MIGRATION_LOCK})")
            try:
                conn.commit()
                current = current_revision(engine)
                if current is not None and current not in known_revisions():
                    raise DatabaseError(
                        translate(
                            "Database",
                            "This database was written by a newer version of qdgui (schema {rev}); please upgrade "
                            "qdgui.",
                        ).format(rev=current)
                    )
                if current != head_revision() and migrate:
                    upgrade(engine)
                    _grant_again(engine)
            finally:
                conn.exec_driver_sql(f"SELECT pg_advisory_unlock({MIGRATION_LOCK})")
                conn.commit()
        missing = sorted(_schema_tables() - _table_names(engine)) if migrate else []
        if missing:
            raise DatabaseError(
                translate(
                    "Database",
                    "The server's database lacks the table(s) {tables}. Ask its administrator.",
                ).format(tables=", ".join(missing))
            )
        database = Database(None, engine, url=address)
        with database.begin() as session:
            ensure_divisions(session)
            _ensure_meta(session)
    except DatabaseError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        problem = connection_problem(exc, address)
        if problem is None and "permission denied" in str(getattr(exc, "orig", exc)).lower():
            # A clerk's account found work for the administrator: an upgrade of qdgui's tables, or
            # reference data (streets) this version adds.
            problem = translate(
                "Database",
                "The server's database must first be brought up to this version of qdgui by its administrator "
                "(qdgui server init, as the owner of qdgui's tables). Nothing was changed.",
            )
        if problem is None:
            raise
        raise DatabaseError(problem) from exc
    return database


def _schema_tables() -> set[str]:
    """The tables the schema at head has (the ORM's, and Alembic's own)."""
    from qdgui.models.base import Base

    return set(Base.metadata.tables)


CHECK_EVERY_START_BYTES = FULL_CHECK_BELOW  # below this the check takes well under a second
CHECK_INTERVAL_DAYS = 7
CHECKED_AT = "integrity_checked_at"  # the last check of any kind
FULL_CHECKED_AT = "full_integrity_checked_at"  # the last PRAGMA integrity_check


def _check_due(path: Path) -> str | None:
    """Which check start-up runs on the file, if any. PRAGMA quick_check reads all of it (12 s for
    1.5 GB); integrity_check also compares every index with its rows, and takes longer.
    A small file: integrity_check after a crash (its write-ahead log left behind) or once a week,
    quick_check at every other start. A large one: quick_check after a crash or once a week, else
    none. Every backup is checked as it is made."""
    small = path.stat().st_size < CHECK_EVERY_START_BYTES
    wal = path.with_name(path.name + "-wal")
    crashed = wal.exists() and wal.stat().st_size > 0
    stale = _days_since(path, FULL_CHECKED_AT if small else CHECKED_AT) >= CHECK_INTERVAL_DAYS
    if small:
        return "full" if crashed or stale else "quick"
    return "quick" if crashed or stale else None


def _days_since(path: Path, key: str) -> float:
    """Days since the time kept under `key` in the file's meta table (infinite when unknown)."""
    try:
        con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        finally:
            con.close()
        return (datetime.now(UTC) - datetime.fromisoformat(row[0])).total_seconds() / 86400
    except (sqlite3.Error, TypeError, ValueError):
        return float("inf")


APPLICATION_ID = 0x71646775  # "qdgu" in the SQLite header: a qdgui database says so itself


def _require_ours(path: Path) -> None:
    """Refuse another program's SQLite file rather than adding qdgui's tables to it (read-only look)."""
    try:
        con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            stamped = con.execute("PRAGMA application_id").fetchone()[0]
            names = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return  # unreadable: the integrity check that follows says so in the user's words
    if stamped == APPLICATION_ID or (stamped == 0 and ("alembic_version" in names or not names)):
        return  # ours, one from before the stamp (it has qdgui's schema), or an empty SQLite file
    raise DatabaseError(
        translate(
            "Database",
            "{path} is another program's database, not qdgui's; qdgui leaves it as it is. Choose a qdgui database "
            "file, or a new file name for a new database.",
        ).format(path=path)
    )


def _require_sqlite(path: Path) -> None:
    with open(path, "rb") as handle:
        header = handle.read(16)
    if header != b"SQLite format 3\x00":
        raise DatabaseError(translate("Database", "{path} is not a qdgui database file").format(path=path))


def _ensure_meta(session) -> None:
    if session.get(Meta, "database_id") is None:
        session.add(Meta(key="database_id", value=str(uuid.uuid4())))
        session.add(Meta(key="created_at", value=datetime.now(UTC).isoformat(timespec="seconds")))
        session.add(Meta(key="created_by_version", value=qdgui.__version__))
    session.flush()


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: datetime  # local time, from the backup's name
    reason: str  # import, undo, upgrade, restore, other
    size: int


def _reason(label: str) -> str:
    if label == "before-import":
        return "import"
    if label.startswith("before-undo"):
        return "undo"
    if label == "before-restore":
        return "restore"
    if re.fullmatch(r"before-\d{4}", label):
        return "upgrade"
    return "other"


def list_backups(path: Path) -> list[BackupInfo]:
    """This database's backups, newest first."""
    found = []
    for item in reversed(backups_of(path)):
        stamp = re.match(rf"^{re.escape(path.stem)}-(\d{{8}}-\d{{6}}-\d{{6}})-", item.name)
        try:
            made = datetime.strptime(stamp[1], "%Y%m%d-%H%M%S-%f") if stamp else datetime.fromtimestamp(0)
            size = item.stat().st_size
        except (OSError, ValueError):
            continue
        found.append(BackupInfo(item, made, _reason(backup_label(path, item)), size))
    return found


def restore(database: Database, backup_file: Path) -> Path:
    """Put a backup's content in place of the open database's, as one step, and return the backup
    made of the database as it was (before-restore). The backup is checked first; its pages are
    copied into the live file through SQLite's backup API, so the file keeps its name, lock and
    write-ahead log. The restored copy gets new replica ids: edits made after the backup may have
    reached other laptops already, and this copy must never reuse their clock numbers."""
    if database.path is None:
        raise DatabaseError(
            translate("Database", "A server's database is restored by its administrator, not from qdgui.")
        )
    path = database.path
    backup_file = Path(backup_file)
    try:
        source = sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)
        try:
            ok = source.execute("PRAGMA quick_check").fetchone() == ("ok",)
            application = source.execute("PRAGMA application_id").fetchone()[0]
        finally:
            source.close()
    except sqlite3.Error:
        ok, application = False, None
    if not ok or application not in (0, APPLICATION_ID):
        raise DatabaseError(
            translate("Database", "The backup {path} is damaged or not a qdgui database; nothing was changed.").format(
                path=backup_file.name
            )
        )
    safety = backup(path, label="before-restore")
    database.engine.dispose()  # no pooled connection keeps the old schema in its statement cache
    raw = database.engine.raw_connection()
    try:
        target = raw.driver_connection
        assert isinstance(target, sqlite3.Connection)
        source = sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)
        try:
            source.backup(target)
        finally:
            source.close()
        target.execute("DELETE FROM meta WHERE key LIKE 'replica:%'")
    except sqlite3.Error as exc:
        raise DatabaseError(
            disk_problem(path, exc)
            or translate("Database", "The backup could not be restored ({reason}); nothing was changed.").format(
                reason=exc
            )
        ) from exc
    finally:
        raw.close()
    database.engine.dispose()
    with database.engine.connect() as conn:  # an older backup (before an upgrade) comes up to head
        current = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    if current != head_revision():
        upgrade(database.engine)
    with database.begin() as session:
        session.execute(text(f"PRAGMA application_id = {APPLICATION_ID}"))
    return safety
