"""The database: SQLite engine with durable settings, write transactions, integrity check and online backup;
the same Database object over a PostgreSQL server (models/server.py)."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterator

import sqlalchemy.exc
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from qdgui.i18n import translate

BUSY_TIMEOUT_MS = 10_000
BACKUPS_KEPT = 10


class DatabaseError(Exception):
    """A problem with the database file, worded for the user."""


class DamagedDatabase(DatabaseError):
    """The file's own check failed."""


FULL_CHECK_BELOW = 64 * 2**20  # files smaller than this get PRAGMA integrity_check, not only quick_check


def _apply_pragmas(dbapi_connection, connection_record) -> None:
    # Take over transaction control so that BEGIN IMMEDIATE below is the only BEGIN sent.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


WRITE = "qdgui_write"
WAIT_MS = "qdgui_wait_ms"
WINDOW_WAIT_MS = 1500  # a save from the window waits this long for another program's lock, then says so


def _begin(connection) -> None:
    # Writers take the lock at BEGIN, so a busy database waits here rather than failing mid-way;
    # readers begin deferred and, under WAL, never block a writer or each other.
    options = connection.get_execution_options()
    if options.get(WRITE):
        connection.exec_driver_sql(f"PRAGMA busy_timeout = {int(options.get(WAIT_MS, BUSY_TIMEOUT_MS))}")
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.exec_driver_sql("BEGIN")


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite+pysqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _apply_pragmas)
    event.listen(engine, "begin", _begin)
    event.listen(engine, "checkin", _checkin)
    return engine


# ---------------------------------------------------------------- checkpoints after a large write

AUTOCHECKPOINT_PAGES = 1000  # SQLite's own default, restored after a bulk write
DEFAULT_CACHE = -2000  # SQLite's own default page cache (2 MiB), restored after a bulk write
_DEFERRED = "qdgui_checkpoint_later"
_checkpoints: list[threading.Thread] = []
_checkpoints_lock = threading.Lock()


BULK_CACHE_KIB = 64 * 1024  # the page cache of a large write: a table's indexes stay in memory


def bulk_write(session: Session) -> None:
    """For a transaction that writes a lot (a merge, a return's photos, a large import):
    - a page cache of BULK_CACHE_KIB instead of SQLite's 2 MiB, so that inserting rows at random
      places of a table's indexes (UUID keys, dates, places) does not read and write the same
      pages again and again (a 100,000-record merge: 12 s of inserts become 6.5 s);
    - its commit leaves what it wrote in the write-ahead log instead of copying it into the
      database file there and then, and a worker thread copies it after (SQLite's checkpoint).
      The data is as durable either way (the log is fsynced at the commit); the user just does not
      wait for the second copy. A save made while the worker runs does not take the copying over:
      its own automatic checkpoint finds the worker's lock and skips.
    Both go back to normal when the connection returns to the pool. On a server, nothing to do."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return
    connection.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    connection.exec_driver_sql("PRAGMA wal_autocheckpoint = 0")
    connection.info[_DEFERRED] = True


def _checkin(dbapi_connection, connection_record) -> None:
    if not connection_record.info.pop(_DEFERRED, False) or dbapi_connection is None:
        return
    try:
        dbapi_connection.execute(f"PRAGMA cache_size = {DEFAULT_CACHE}")
        dbapi_connection.execute(f"PRAGMA wal_autocheckpoint = {AUTOCHECKPOINT_PAGES}")
        path = dbapi_connection.execute("PRAGMA database_list").fetchone()[2]
    except sqlite3.Error:
        return  # a connection that broke: the pool discards it; the last close checkpoints anyway
    if path:
        worker = threading.Thread(target=_checkpoint, args=(path,), name="qdgui-checkpoint")
        with _checkpoints_lock:
            _checkpoints[:] = [t for t in _checkpoints if t.is_alive()] + [worker]
        worker.start()  # not a daemon: a program that ends waits for the copy (SQLite's close would do it)


def _checkpoint(path: str, *, tries: int = 20) -> None:
    """Copy the log into the file without blocking anyone (PASSIVE); a reader still on an older
    snapshot holds part of it back, so try again a few times."""
    try:
        connection = sqlite3.connect(path, timeout=0)
        try:
            for _ in range(tries):
                busy, logged, copied = connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                if logged <= 0 or copied >= logged:
                    return
                time.sleep(0.25)
        finally:
            connection.close()
    except sqlite3.Error:
        return  # the file went away or is locked for good: SQLite checkpoints at the last close


def wait_for_checkpoints(timeout: float | None = None) -> None:
    """Until the deferred checkpoints started so far are done (benches, tests, closing the program)."""
    with _checkpoints_lock:
        pending = list(_checkpoints)
    for worker in pending:
        worker.join(timeout)


def check_writable(path: Path) -> None:
    """Fail early, in the user's words, when the database file cannot be created or written."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(
            translate("Database", "Cannot create the folder {folder}: {reason}").format(
                folder=folder, reason=exc.strerror or exc
            )
        ) from exc
    if path.is_dir():
        raise DatabaseError(translate("Database", "{path} is a folder, not a database file").format(path=path))
    probe = path if path.exists() else folder

    if path.exists() and os.stat(path).st_nlink > 1:
        # SQLite names its -wal and -shm files and its locks by path: two names of one file make two
        # programs write one database without seeing each other's locks, which damages it.
        raise DatabaseError(
            translate(
                "Database",
                "{path} has {n} names (hard links). qdgui opens a database under one name only; "
                "copy the file to a new name (or remove the other links) and open that.",
            ).format(path=path, n=os.stat(path).st_nlink)
        )

    if not os.access(probe, os.W_OK):
        raise DatabaseError(translate("Database", "No permission to write {path}").format(path=probe))


def failure_kind(exc: BaseException) -> str | None:
    """What refused a write: "locked" (another program), "full" (the disk), "readonly", "io" (the
    disk failed), or None when it is none of those (a bug)."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    if "locked" in text or "busy" in text:
        return "locked"
    if "full" in text or "no space" in text or getattr(exc, "errno", None) == 28:
        return "full"
    if "row-level security" in text or "permission denied for" in text:
        return "denied"  # a server: this user's place does not cover the record (access.py)
    if "readonly" in text or "read-only" in text or "permission" in text:
        return "readonly"
    if "disk i/o" in text or "i/o error" in text:
        return "io"
    if "lock timeout" in text or "deadlock detected" in text or "could not serialize" in text:
        return "busy"  # a server: another clerk's transaction held the rows
    if "unique" in text and ("duplicate" in text or "constraint failed" in text):
        return "taken"  # a number another clerk saved a moment before (the rules checked before)
    if any(m in text for m in SERVER_GONE):
        return "server"
    original = getattr(exc, "orig", None) or exc
    if type(original).__module__.startswith("psycopg") and type(original).__name__ in (
        "OperationalError",
        "InterfaceError",
    ):
        return "server"  # the server's driver lost or could not make its connection
    return None


SERVER_GONE = (
    "server closed the connection",
    "connection is bad",
    "connection refused",
    "could not connect",
    "terminating connection",
    "connection is closed",
    "consuming input failed",
    "the connection is lost",
    "connection timed out",
    "timeout expired",
    "the database system is shutting down",
    "the database system is starting up",
    "cannot send query",
    "could not translate host name",
    "network is unreachable",
)


def write_failure(exc: Exception) -> str | None:
    """The user's words for a write that the database or the disk refused, or None if it is not one
    of those (then it is a bug: log it)."""
    kind = failure_kind(exc)
    if kind == "locked":
        return translate(
            "Database",
            "Another program is using the database file (a backup or a viewer?). Nothing was saved; what you "
            "typed is still here. Try again in a moment.",
        )
    if kind == "full":
        return translate(
            "Database",
            "The disk is full. Nothing was saved; what you typed is still here. Free some space, then save again.",
        )
    if kind == "readonly":
        return translate(
            "Database",
            "The database file cannot be written (read-only). Nothing was saved; what you typed is still here.",
        )
    if kind == "io":
        return translate(
            "Database",
            "Reading or writing the disk failed. Nothing was saved; what you typed is still here. Check the disk "
            "or USB stick, then save again.",
        )
    if kind == "denied":
        return translate(
            "Database",
            "Your server account may not save records of this place (district and street), or may not change this "
            "kind of record. Nothing was saved; what you typed is still here. Check the district and street, or ask "
            "the administrator.",
        )
    if kind == "busy":
        return translate(
            "Database",
            "Another clerk's save held the record for too long. Nothing was saved; what you typed is still here. "
            "Try again in a moment.",
        )
    if kind == "taken":
        return translate(
            "Database",
            "Another clerk saved a record with the same number a moment ago. Nothing was saved; what you typed is "
            "still here. Check the number (or open that record), then save again.",
        )
    if kind == "server":
        return translate(
            "Database",
            "The connection to the database server was lost. Nothing was saved; what you typed is still here. Save "
            "again when the network is back.",
        )
    return None


def damaged_text(exc: BaseException) -> str | None:
    """The user's words when a read met text the file cannot decode (bytes damaged inside a row, which
    the structural checks do not see); None for any other error."""
    found = re.search(r"Could not decode to UTF-8 column '([^']+)'", str(getattr(exc, "orig", None) or exc))
    if found is None:
        return None
    return translate(
        "Database",
        "The database file is damaged: the column {column} of a record holds text that cannot be read. "
        "Nothing was written. Restore the file from a backup (File > Backups).",
    ).format(column=found[1])


FULL_BELOW = 2 * 2**20  # free bytes under which an I/O failure is taken for a full disk


def disk_problem(path: Path, exc: Exception) -> str | None:
    """The user's words when opening or checking the file failed because of its disk (full, failing,
    locked by another program), not because the file is damaged; None otherwise."""
    kind = failure_kind(exc)
    if kind not in ("full", "io", "locked"):
        return None
    if kind == "full" or _disk_full(path.parent, exc):  # an I/O error on a disk with no room left
        return translate(
            "Database",
            "The disk holding {path} is full. The database was not changed. Free some space on that disk, "
            "then open it again.",
        ).format(path=path)
    if kind == "locked":
        return translate(
            "Database", "Another program is using {path} (a backup or a viewer?). Close it and try again."
        ).format(path=path)
    return translate(
        "Database",
        "Reading or writing the disk holding {path} failed. Check the disk or USB stick, then try again.",
    ).format(path=path)


def _disk_full(folder: Path, exc: BaseException) -> bool:
    """The write failed for want of space: said so, or the disk has (almost) none left."""
    if failure_kind(exc) == "full":
        return True
    try:
        return shutil.disk_usage(folder if folder.exists() else folder.parent).free < FULL_BELOW
    except OSError:
        return False


def quick_check(engine: Engine, *, full: bool = False) -> None:
    """PRAGMA quick_check, or with full=True integrity_check (it also finds index entries that do not
    match their rows, which quick_check misses); a damaged file is refused with what to do."""
    try:
        with engine.connect() as conn:
            pragma = "integrity_check" if full else "quick_check"
            result = [row[0] for row in conn.exec_driver_sql(f"PRAGMA {pragma}")]
    except sqlalchemy.exc.DatabaseError as exc:  # SQLite may refuse to read the file at all
        problem = disk_problem(Path(engine.url.database or "."), exc)
        if problem is not None:
            raise DatabaseError(problem) from exc  # the disk, not the file: never "restore a backup"
        result = [str(exc.orig)]
    if result != ["ok"]:
        raise DatabaseError(
            translate(
                "Database",
                "The database file is damaged ({detail}). Restore it from a backup in the backups folder.",
            ).format(detail=" ".join(" ".join(result).split()[:12]))
        )


def backup(path: Path, *, label: str) -> Path:
    """Copy a live database with SQLite's backup API (a file copy would miss the WAL).

    Written under a temporary name and checked before it takes a backup's name, so a killed backup
    leaves no empty file that looks like one. Rotation keeps the newest BACKUPS_KEPT of this
    database and this kind of backup (before an import, an undo, an upgrade) only: another database
    in the same folder, or a burst of one kind, never pushes out the rest."""
    folder = path.parent / "backups"
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{path.stem}-{stamp}-{label}.sqlite"
    partial = target.with_name(target.name + ".partial")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(path)
        try:
            dest = sqlite3.connect(partial)
            try:
                source.backup(dest)
                # The copy is the database as the merge, import or undo is about to change it: a small
                # one gets the full check (it also finds index damage quick_check misses).
                pragma = "integrity_check" if path.stat().st_size < FULL_CHECK_BELOW else "quick_check"
                found = [row[0] for row in dest.execute(f"PRAGMA {pragma}")]
                if found != ["ok"]:
                    raise DamagedDatabase(
                        translate(
                            "Database",
                            "The database file is damaged ({detail}); nothing was done. Restore a backup "
                            "(File > Backups) made before the damage.",
                        ).format(detail=" ".join(" ".join(found).split()[:12]))
                    )
            finally:
                dest.close()
            os.replace(partial, target)
        finally:
            source.close()
    except BaseException as exc:
        for leftover in (partial, *(partial.with_name(partial.name + s) for s in ("-journal", "-wal", "-shm"))):
            try:
                leftover.unlink(missing_ok=True)
            except OSError:
                pass  # not removable now; a backup's name it never had
        if isinstance(exc, sqlite3.Error | OSError) and not isinstance(exc, DatabaseError):
            if _disk_full(folder, exc):
                reason = translate("Database", "the disk holding {folder} is full").format(folder=folder)
            else:
                reason = str(getattr(exc, "strerror", None) or exc)
            raise DatabaseError(
                translate(
                    "Database",
                    "No backup could be made ({reason}), so nothing was done. Free some space, then try again.",
                ).format(reason=reason)
            ) from exc
        raise
    kind = _backup_kind(label)
    same = [b for b in backups_of(path) if _backup_kind(backup_label(path, b)) == kind]
    for stale in same[:-BACKUPS_KEPT]:
        stale.unlink(missing_ok=True)
    return target


def backup_label(path: Path, backup_file: Path) -> str:
    match = _backup_name(path).match(backup_file.name)
    return match["label"] if match else ""


def _backup_kind(label: str) -> str:
    # before-undo-12 and before-undo-13 are one kind; so are upgrades to any revision.
    return re.sub(r"-?\d+$", "", label)


def _backup_name(path: Path) -> re.Pattern:
    return re.compile(rf"^{re.escape(path.stem)}-\d{{8}}-\d{{6}}-\d{{6}}-(?P<label>.+)\.sqlite$")


def backups_of(path: Path) -> list[Path]:
    """This database's backups (not another database's of a similar name), oldest first."""
    pattern = _backup_name(path)
    folder = path.parent / "backups"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if pattern.match(p.name))


def latest_backup(path: Path) -> Path | None:
    found = backups_of(path)
    return found[-1] if found else None


@dataclass
class Database:
    """An open database: a SQLite file (path) or a PostgreSQL server (url); one engine, sessions for
    reading, and write transactions."""

    path: Path | None
    engine: Engine
    url: str | None = None  # the server's address as given (password and all); display() hides it

    @property
    def server(self) -> bool:
        return self.url is not None

    @property
    def name(self) -> str:
        """What the window's title and messages call it: the file's name, or the server address."""
        if self.url is not None:
            from qdgui.models.server import display

            return display(self.url)
        assert self.path is not None
        return self.path.name

    @property
    def identity(self) -> Path | str:
        """What names this database's own things on the laptop (drafts): the file, or the address."""
        return self.path if self.path is not None else self.name

    @property
    def where(self) -> str:
        """The file's full path, or the server address without its password."""
        return str(self.path) if self.url is None else self.name

    def __post_init__(self) -> None:
        self.sessions: sessionmaker[Session] = sessionmaker(self.engine, expire_on_commit=False)
        self._writers: dict[int, sessionmaker[Session]] = {}  # per lock wait, made once each

    @contextmanager
    def begin(self, *, wait_ms: int | None = None) -> Iterator[Session]:
        """One user action, one transaction (BEGIN IMMEDIATE): commits on success, rolls back on error.

        wait_ms: how long to wait for another program's write lock (the window waits briefly and
        tells the clerk; commands wait the full busy timeout)."""
        wait = BUSY_TIMEOUT_MS if wait_ms is None else wait_ms
        writers = self._writers.get(wait)
        if writers is None:
            writers = self._writers[wait] = sessionmaker(
                self.engine.execution_options(**{WRITE: True, WAIT_MS: wait}), expire_on_commit=False
            )
        with writers.begin() as session:
            yield session

    def backup(self, label: str) -> Path | None:
        """A checked copy of the file before a bulk change (import, merge, undo); None on a server,
        whose backups are its administrator's (pg_dump, base backups)."""
        return None if self.path is None else backup(self.path, label=label)

    def close(self) -> None:
        """Closed, with the file whole: a checkpoint still copying a merge's log waits, so that the
        last connection folds the log into the file (a copy of the file made right after a close,
        to a USB stick, holds everything)."""
        if self.path is not None:
            wait_for_checkpoints()
        self.engine.dispose()
