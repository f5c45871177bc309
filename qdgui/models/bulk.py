"""Many new records in one transaction (a sheet import): the same rules, the same audit rows and the
same import-batch notes as one save at a time, in far fewer statements.

One save asks the database for its context (is this case number taken, what has this project signed,
is there a record that looks the same) and writes the record, its audit row and a batch note
through the ORM, flushing each. For thousands of rows those round trips are the whole cost. Here
the context is read once per import and kept as sets and sums that every accepted row joins at once,
so a duplicate or a project total inside the file is caught exactly as one save at a time would catch
it; the rows are written with executemany in chunks, before the caller commits (or rolls back for a
preview).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import event, false, func, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from qdgui.models import clock, rules
from qdgui.models.records import DemolitionDraft, Operator, ParkDraft, SigningDraft, TargetDraft
from qdgui.models.repository import (
    KINDS,
    ValidationFailed,
    audit_entries,
    build_context,
    new_uuid,
    project_totals,
    read_draft,
    unique_key,
    utc_now,
)
from qdgui.models.review import LOOK_ALIKE
from qdgui.models.tables import (
    RECORD_TABLES,
    AnnualTarget,
    AuditEntry,
    Community,
    Demolition,
    ImportChange,
    Project,
    Signing,
)

CHUNK = 1000
_KIND_OF = {SigningDraft: "signing", DemolitionDraft: "demolition", ParkDraft: "park", TargetDraft: "annual_target"}


class BulkInserter:
    """Check and insert drafts of the four record kinds for one import. Used as a context manager:
    leaving the block writes what is queued and waits for it (raising the database's error, if any);
    leaving it with an error waits for the chunk in flight only, so that the caller's rollback never
    meets a writer thread still using the connection."""

    def __init__(self, session: Session, *, by: Operator, source_file: str | None = None, batch_id: int | None = None):
        self.session = session
        self.by = by
        self.source_file = source_file
        self.batch_id = batch_id
        self.replica = clock.replica(session, by.device)
        self.first_clock = clock.tick(None, self.replica)  # every new record's clock: {this replica: 1}
        self._keys: dict[str, set] = {}  # kind -> unique keys of live records (and of rows accepted here)
        self._alike: dict[str, dict] = {}  # kind -> {look-alike key: what names the record}
        self._projects: dict[str, rules.ProjectTotals | None] = {}
        self._live: dict[type, set[str]] = {Project: set(), Community: set()}
        self._rows: dict[str, list[dict]] = {}
        self._audit: list[dict] = []
        self._notes: list[dict] = []
        self._now = utc_now()  # the time of the rows queued until the next flush (converted once)
        self._chunks = ChunkWriter(session)

    def __enter__(self) -> BulkInserter:
        return self

    def __exit__(self, kind, error, trace) -> None:
        if kind is None:
            self.flush()
            self._chunks.close()
        else:
            self._chunks.close(quiet=True)  # another error is on its way: the transaction is rolled back anyway

    # ------------------------------------------------------------ context, read once
    def _unique(self, kind: str) -> set:
        if kind not in self._keys:
            query: Any
            if kind == "signing":
                query = select(Signing.project_uuid, Signing.agreement_no).where(
                    Signing.deleted == false(), Signing.agreement_no.is_not(None)
                )
            elif kind == "demolition":
                query = select(Demolition.case_no).where(Demolition.deleted == false())
            elif kind == "annual_target":
                query = select(
                    AnnualTarget.year,
                    AnnualTarget.district_code,
                    func.coalesce(AnnualTarget.street_code, ""),
                    AnnualTarget.measure,
                ).where(AnnualTarget.deleted == false())
            else:
                self._keys[kind] = set()
                return self._keys[kind]
            self._keys[kind] = {tuple(row) for row in self.session.execute(query)}
        return self._keys[kind]

    @staticmethod
    def _key_of(kind: str, values: dict):
        if kind == "signing":
            agreement = values.get("agreement_no")
            return (values.get("project_uuid"), agreement) if agreement and values.get("project_uuid") else None
        if kind == "demolition":
            return (values["case_no"],) if values.get("case_no") else None
        if kind == "annual_target":
            return (
                values.get("year"),
                values.get("district_code"),
                values.get("street_code") or "",
                values.get("measure"),
            )
        return None

    # The answers repository.build_context asks for (its `facts`), from the sets above.
    def taken(self, kind: str, key: tuple, excluding: str | None) -> bool:
        return key in self._unique(kind)

    def exists(self, table, uuid: str) -> bool:
        live = self._live[table]
        if uuid in live:
            return True
        found = self.session.execute(select(table.uuid).where(table.uuid == uuid, table.deleted == false())).first()
        if found is not None:
            live.add(uuid)  # only a yes is kept: a village created later in this import is then found
        return found is not None

    def project(self, uuid: str, excluding: str | None) -> rules.ProjectTotals | None:
        if uuid not in self._projects:
            self._projects[uuid] = project_totals(self.session, uuid)
        return self._projects[uuid]

    def check(self, draft, *, today: date) -> rules.Checked:
        """The draft's rules with this import's answers: what repository.check would say."""
        context = build_context(self.session, draft, facts=self)
        return read_draft(self.session, draft, today=today, context=context)

    def look_alike(self, kind: str, values: dict) -> str | None:
        """What review.look_alike would say, against live records and the rows accepted here."""
        if kind not in LOOK_ALIKE:
            return None
        keys, _ = LOOK_ALIKE[kind]
        if values.get(keys[0]) is None:
            return None
        return self._alike_index(kind).get(tuple(values.get(f) for f in keys))

    def _alike_index(self, kind: str) -> dict:
        """{look-alike key: what names the record} of the live records, read once."""
        if kind not in self._alike:
            keys, named = LOOK_ALIKE[kind]
            table = RECORD_TABLES[kind]
            columns = [getattr(table, f) for f in keys] + [getattr(table, named)]
            found: dict = {}
            for row in self.session.execute(select(*columns).where(table.deleted == false())):
                found.setdefault(tuple(row[:-1]), row[-1] or "")
            self._alike[kind] = found
        return self._alike[kind]

    # ------------------------------------------------------------ writes, buffered
    def insert(self, draft_type: type, checked: rules.Checked, *, draft=None) -> str:
        """Queue the record the rules returned; its UUID at once, its row on the next flush."""
        if checked.errors:
            raise ValidationFailed(checked.errors)
        kind = _KIND_OF[draft_type]
        table: Any = KINDS[draft_type].table
        now = self._now
        uuid = new_uuid()
        after = self.first_clock
        row = {
            "uuid": uuid,
            "created_at": now,
            "updated_at": now,
            "operator": self.by.name,
            "device": self.by.device,
            "version": 1,
            "deleted": False,
            "clock": after,
            "source_file": self.source_file,
            **checked.values,
        }
        self._rows.setdefault(kind, []).append(row)
        self._audit += audit_entries(
            table.__tablename__,
            uuid,
            "insert",
            [(name, None, value) for name, value in checked.values.items()],
            by=self.by,
            at=now,
            version=1,
        )
        if self.batch_id is not None:
            self._notes.append(
                {
                    "batch_id": self.batch_id,
                    "table_name": table.__tablename__,
                    "record_uuid": uuid,
                    "before": None,
                    "after_clock": after,
                }
            )
        claimed = unique_key(draft) if draft is not None else None
        for key in (self._key_of(kind, checked.values), claimed[1] if claimed else None):
            if key is not None:
                self._unique(kind).add(key)
        if kind in LOOK_ALIKE:  # a later row of this import that looks like this one is flagged too
            keys, named = LOOK_ALIKE[kind]
            self._alike_index(kind).setdefault(
                tuple(checked.values.get(f) for f in keys), checked.values.get(named) or ""
            )
        if kind == "signing":
            project = self._projects.get(checked.values.get("project_uuid") or "")
            if project is not None:
                self._projects[project.uuid] = replace(
                    project,
                    signed_households=project.signed_households + (checked.values.get("households") or 0),
                    signed_houses=project.signed_houses + (checked.values.get("houses") or 0),
                )
        if sum(len(r) for r in self._rows.values()) >= CHUNK:
            self.flush()
        return uuid

    def flush(self) -> None:
        """Write the queued records, their audit rows and batch notes (ChunkWriter: on SQLite while
        the next chunk is read and checked)."""
        tables = [(sa_inspect(RECORD_TABLES[kind]).local_table, rows) for kind, rows in self._rows.items()]
        self._chunks.write([*tables, (AuditEntry.__table__, self._audit), (ImportChange.__table__, self._notes)])
        self._rows, self._audit, self._notes = {}, [], []
        self._now = utc_now()

    def wait(self, *, quiet: bool = False) -> None:
        self._chunks.wait(quiet=quiet)


class ChunkWriter:
    """Rows written a chunk at a time in one transaction. On SQLite a chunk is written by a writer
    thread while the caller prepares the next one (SQLite works without the GIL); at most one chunk
    is in flight. The caller runs no statement of its own on the session before `wait()`, which
    returns once the chunk is in and raises its error, if any."""

    def __init__(self, session: Session):
        self.session = session
        self._writer: _Writer | None = None
        self._watched: Any = None  # the connection whose statements wait for the chunk in flight

    def write(self, tables: list[tuple[Any, list[dict]]]) -> None:
        """Write the rows of each (table, rows), in that order (a table others point at first)."""
        connection = self.session.connection()
        if self._watched is None:  # any statement of the caller's on this connection waits first
            event.listen(connection, "before_cursor_execute", self._before_statement)
            self._watched = connection
        statements = []
        for table, rows in tables:
            if rows:
                statements += insert_statements(connection, table, rows)
        self.wait()
        if not statements:
            return
        if connection.dialect.name == "sqlite":
            self._writer = _Writer(connection.connection.dbapi_connection, statements)
        else:  # one connection, one statement at a time: a failed statement aborts the transaction
            for sql, params, many in statements:
                connection.exec_driver_sql(sql, params if many else params[0])

    def wait(self, *, quiet: bool = False) -> None:
        """Until the chunk in flight is written; its error is raised here (not when `quiet`: another
        error is on its way and the transaction is rolled back anyway)."""
        writer, self._writer = self._writer, None
        if writer is not None:
            writer.join(quiet=quiet)

    def close(self, *, quiet: bool = False) -> None:
        """Wait for the chunk in flight, and stop watching the connection."""
        try:
            self.wait(quiet=quiet)
        finally:
            if self._watched is not None:
                event.remove(self._watched, "before_cursor_execute", self._before_statement)
                self._watched = None

    def _before_statement(self, *args) -> None:
        self.wait()


class _Writer(threading.Thread):
    """Runs one chunk's INSERTs on the session's own SQLite connection (shared between threads:
    SQLite's serialized mode, which Python's sqlite3 reports as threadsafety 3). The main thread
    does not wait for it except through BulkInserter.wait()."""

    def __init__(self, dbapi_connection, statements: list[tuple[str, list, bool]]):
        super().__init__(name="qdgui-bulk-writer", daemon=True)
        self.dbapi_connection = dbapi_connection
        self.statements = statements
        self.failure: tuple[str, BaseException] | None = None
        self.start()

    def run(self) -> None:
        for sql, params, many in self.statements:
            try:
                if many:
                    self.dbapi_connection.executemany(sql, params)
                else:
                    self.dbapi_connection.execute(sql, params[0])
            except BaseException as exc:  # noqa: BLE001 - raised again in the main thread
                self.failure = (sql, exc)
                return

    def join(self, timeout=None, *, quiet: bool = False) -> None:
        super().join(timeout)
        if self.failure is not None and not quiet:
            sql, exc = self.failure
            if isinstance(exc, sqlite3.Error):  # as SQLAlchemy would have raised it (failure_kind reads it)
                raise DBAPIError.instance(sql, None, exc, sqlite3.Error, hide_parameters=True) from exc
            raise exc


_PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}  # sqlite3, psycopg


def insert_statements(connection, table, rows: list[dict]) -> list[tuple[str, list, bool]]:
    """The INSERTs of the rows as (sql, parameters, executemany?): one per set of columns, each value
    converted by the column type's own bind processor (dates, decimals, booleans as SQLAlchemy stores
    them): the same stored values as a Core insert, without its per-row statement machinery."""
    dialect = connection.dialect
    mark = _PLACEHOLDERS[dialect.paramstyle]
    groups: dict[tuple[str, ...], list[dict]] = {}
    for row in rows:
        groups.setdefault(tuple(row), []).append(row)
    statements = []
    for names, group in groups.items():
        processors = [
            (i, _memoized(processor))
            for i, name in enumerate(names)
            if (processor := table.c[name].type.dialect_impl(dialect).bind_processor(dialect)) is not None
        ]  # most columns (text, integers) store the value as it is: only the others are visited
        params = []
        for row in group:
            values = list(row.values())
            for i, convert in processors:
                value = values[i]
                if value is not None:
                    values[i] = convert(value)
            params.append(tuple(values))  # SQLAlchemy's driver calls take tuples (PostgreSQL)
        quote = dialect.identifier_preparer.quote
        target = "INSERT INTO {table} ({columns})".format(
            table=dialect.identifier_preparer.format_table(table),
            columns=", ".join(quote(table.c[name].name) for name in names),
        )
        as_json = _as_json(params) if dialect.name == "sqlite" else None
        if as_json is not None:
            picks = ", ".join(f"json_extract(value, '$[{i}]')" for i in range(len(names)))
            statements.append((f"{target} SELECT {picks} FROM json_each(?)", [(as_json,)], False))
        else:
            statements.append((f"{target} VALUES ({', '.join([mark] * len(names))})", params, True))
    return statements


_ROWS_JSON = json.JSONEncoder(allow_nan=False, check_circular=False).encode  # \u escapes: faster, same text


def _as_json(params: list[tuple]) -> str | None:
    """SQLite: the rows as one JSON array for one INSERT ... SELECT FROM json_each, which SQLite reads
    in C instead of binding every value from Python (a quarter less time), storing the same values:
    text stays text, numbers keep their type, None is NULL. None when a value has no exact JSON form
    (bytes, NaN): the rows are bound one by one then."""
    try:
        return _ROWS_JSON(params)
    except (TypeError, ValueError):
        return None


def _memoized(processor):
    """A bind processor that converts each distinct value once (an import's rows share their time,
    operator, dates and codes)."""
    seen: dict = {}

    def convert(value):
        try:
            return seen[value]
        except KeyError:
            seen[value] = converted = processor(value)
            return converted
        except TypeError:  # not hashable
            return processor(value)

    return convert
