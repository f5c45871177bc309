"""What SQLite and PostgreSQL write differently, said once: queries build these expressions and each
engine compiles its own form."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement, FunctionElement, literal_column


class stored_timestamp(FunctionElement):  # noqa: N801 (used like a SQL function)
    """A DateTime column as the text SQLite stores it ("2026-11-21 08:30:00.000000"), on either engine:
    ledgers and their row checks read the same characters whichever database wrote them."""

    type = String()
    inherit_cache = True

    def __init__(self, column: ColumnElement):
        super().__init__(column)


@compiles(stored_timestamp)
def _stored_timestamp_sqlite(element, compiler, **kw) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(stored_timestamp, "postgresql")
def _stored_timestamp_postgresql(element, compiler, **kw) -> str:
    return f"to_char({compiler.process(element.clauses, **kw)}, 'YYYY-MM-DD HH24:MI:SS.US')"


def row_key(session, table):
    """What the record tables page by: SQLite's rowid (an integer, the table's own order), or on
    PostgreSQL, which has no stable row number, the record's UUID (its primary key)."""
    if session.get_bind().dialect.name == "sqlite":
        return literal_column(f"{table.__tablename__}.rowid")
    return table.uuid
