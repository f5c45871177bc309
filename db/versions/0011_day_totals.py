"""day totals: the live records' sums per day and place (signing_day, demolition_day, park_day) and
each project's signed totals (project_signed), kept by triggers in the same transaction as the
records, on both engines. The progress figures (the
dashboard, the weekly report) read a year of these small rows instead of every record of the year:
at a million records the dashboard's figures came from ~200,000 index entries per table.

Triggers rather than the program's own bookkeeping: every writer keeps them right, the form, an
import, a merge, an undo, a restore, and an administrator's hand-written SQL alike.

On PostgreSQL a row's trigger runs as the tables' owner (SECURITY DEFINER): a clerk may read the sums
of his own place (row-level security, models/access.py) but not write them. An edit that moves a
record from one day or place to another locks the two rows in their key order, so that two such
edits cannot wait on each other.

A later revision that rebuilds a record table on SQLite (batch_alter_table) drops its triggers with
it and must make them again; tests/unit/test_day_totals.py checks the head schema keeps the sums.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

DONE = "('demolished', 'rectified')"

# sums' table: (the record table, its key (column: expression over the record), the sums, when a record counts)
SOURCES = {
    "signing_day": (
        "signing",
        {"day": "{r}.signed_on", "district_code": "{r}.district_code", "street_code": "{r}.street_code"},
        {
            "households": "{r}.households",
            "houses": "{r}.houses",
            "area_m2": "coalesce({r}.area_m2, 0)",
            "land_mu": "coalesce({r}.land_mu, 0)",
        },
        "NOT {r}.deleted",
    ),
    "demolition_day": (
        "demolition",
        {"day": "{r}.done_on", "district_code": "{r}.district_code", "street_code": "{r}.street_code"},
        {"area_m2": "{r}.area_m2"},
        "NOT {r}.deleted AND {r}.status IN " + DONE + " AND {r}.done_on IS NOT NULL",
    ),
    "park_day": (
        "park",
        {
            "day": "{r}.completed_on",
            "district_code": "{r}.district_code",
            "street_code": "coalesce({r}.street_code, '')",
            "kind": "{r}.kind",
        },
        {"length_km": "coalesce({r}.length_km, 0)"},
        "NOT {r}.deleted AND {r}.status = 'completed' AND {r}.completed_on IS NOT NULL",
    ),
    # A project's signed households and houses, whichever street signed them: the households-over-total
    # rule at every save reads one row (it summed the project's signings, and on a server only those
    # the clerk's account could see).
    "project_signed": (
        "signing",
        {"project_uuid": "{r}.project_uuid"},
        {"households": "{r}.households", "houses": "{r}.houses"},
        "NOT {r}.deleted",
    ),
}

# The columns of each sums' table besides its key and its records count.
SHAPES = {
    "signing_day": ("households", "houses", "area_m2", "land_mu"),
    "demolition_day": ("area_m2",),
    "park_day": ("length_km",),
    "project_signed": ("households", "houses"),
}


def _columns(target: str) -> list[str]:
    """The record's columns a sum depends on: an update of any other column leaves the sums alone."""
    _, key, sums, counts = SOURCES[target]
    text = " ".join([*key.values(), *sums.values(), counts])
    names = {"deleted", "status", "signed_on", "done_on", "completed_on", "district_code", "street_code", "kind"}
    names |= {"households", "houses", "area_m2", "land_mu", "length_km", "project_uuid"}
    return sorted(n for n in names if "{r}." + n in text)


def _add(target: str, r: str, guard: str | None = None) -> str:
    """Add one record's amounts to its row (made when missing)."""
    _, key, sums, counts = SOURCES[target]
    names = [*key, "records", *sums]
    values = [*(e.format(r=r) for e in key.values()), "1", *(e.format(r=r) for e in sums.values())]
    update = ", ".join(f"{c} = {target}.{c} + excluded.{c}" for c in ("records", *sums))
    where = f" WHERE {guard.format(r=r)}" if guard else ""
    return (
        f"INSERT INTO {target} ({', '.join(names)}) SELECT {', '.join(values)}{where} "
        f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {update}"
    )


def _subtract(target: str, r: str, guard: str | None = None) -> list[str]:
    """Take one record's amounts off its row, and the row away when no record is left in it."""
    _, key, sums, counts = SOURCES[target]
    match = " AND ".join(f"{c} = {e.format(r=r)}" for c, e in key.items())
    where = f"{match} AND {guard.format(r=r)}" if guard else match
    update = ", ".join(f"{c} = {c} - {e.format(r=r)}" for c, e in {"records": "1", **sums}.items())
    return [f"UPDATE {target} SET {update} WHERE {where}", f"DELETE FROM {target} WHERE {match} AND records = 0"]


def _fill(target: str) -> str:
    table, key, sums, counts = SOURCES[target]
    names = [*key, "records", *sums]
    values = [
        *(e.format(r=table) for e in key.values()),
        "count(*)",
        *(f"sum({e.format(r=table)})" for e in sums.values()),
    ]
    groups = ", ".join(e.format(r=table) for e in key.values())
    return (
        f"INSERT INTO {target} ({', '.join(names)}) SELECT {', '.join(values)} FROM {table} "  # noqa: S608
        f"WHERE {counts.format(r=table)} GROUP BY {groups} ORDER BY {groups}"
    )  # in key order: a year's rows lie together, not scattered over the table


def _sqlite_triggers(target: str) -> list[str]:
    table, _, _, counts = SOURCES[target]
    watched = ", ".join(_columns(target))
    old_out = "; ".join(_subtract(target, "OLD", counts))
    return [
        f"CREATE TRIGGER tr_{target}_insert AFTER INSERT ON {table} WHEN {counts.format(r='NEW')} "
        f"BEGIN {_add(target, 'NEW', 'true')}; END",
        f"CREATE TRIGGER tr_{target}_delete AFTER DELETE ON {table} WHEN {counts.format(r='OLD')} BEGIN {old_out}; END",
        # the row's own conditions in the statements' WHERE: a trigger's WHEN cannot say "either"
        f"CREATE TRIGGER tr_{target}_update AFTER UPDATE OF {watched} ON {table} "
        f"BEGIN {old_out}; {_add(target, 'NEW', counts)}; END",
    ]


def _postgresql_function(target: str) -> str:
    _, key, sums, counts = SOURCES[target]
    old_key = ", ".join(e.format(r="OLD") for e in key.values())
    new_key = ", ".join(e.format(r="NEW") for e in key.values())
    subtract = "; ".join(_subtract(target, "OLD"))
    add = _add(target, "NEW")
    return f"""
CREATE OR REPLACE FUNCTION qdgui_{target}() RETURNS trigger LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  was boolean := TG_OP <> 'INSERT' AND ({counts.format(r="OLD")});
  counted boolean := TG_OP <> 'DELETE' AND ({counts.format(r="NEW")});
BEGIN
  IF was AND counted AND ROW({old_key}, 0) > ROW({new_key}, 0) THEN
    {add};
    {subtract};
  ELSE
    IF was THEN {subtract}; END IF;
    IF counted THEN {add}; END IF;
  END IF;
  RETURN NULL;
END $$
"""


def upgrade() -> None:
    import sqlalchemy as sa

    postgresql = op.get_bind().dialect.name == "postgresql"
    for target, amounts in SHAPES.items():
        if target == "project_signed":
            columns = [sa.Column("project_uuid", sa.String(36), primary_key=True)]
        else:
            columns = [
                sa.Column("day", sa.Date(), primary_key=True),
                sa.Column("district_code", sa.String(20), primary_key=True),
                sa.Column("street_code", sa.String(20), primary_key=True),
            ]
        if target == "park_day":
            columns.append(sa.Column("kind", sa.String(16), primary_key=True))
        columns.append(sa.Column("records", sa.Integer(), nullable=False))
        columns += [sa.Column(c, sa.BigInteger(), nullable=False) for c in amounts]
        op.create_table(target, *columns)
        if postgresql:  # room on each page to update a row in place (a HOT update: no index entry)
            op.execute(f"ALTER TABLE {target} SET (fillfactor = 80)")
    for target, (table, *_) in SOURCES.items():
        op.execute(_fill(target))
        if postgresql:
            op.execute(_postgresql_function(target))
            op.execute(
                f"CREATE TRIGGER tr_{target} AFTER INSERT OR DELETE OR UPDATE OF {', '.join(_columns(target))} "
                f"ON {table} FOR EACH ROW EXECUTE FUNCTION qdgui_{target}()"
            )
        else:
            for statement in _sqlite_triggers(target):
                op.execute(statement)


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for target, (table, *_) in SOURCES.items():
        if postgresql:
            op.execute(f"DROP TRIGGER IF EXISTS tr_{target} ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS qdgui_{target}()")
        else:
            for event in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER IF EXISTS tr_{target}_{event}")
        op.drop_table(target)
