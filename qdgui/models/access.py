"""Access by place on a PostgreSQL server, enforced by the database (roles and row-level security),
not only by our code: a street clerk reads and writes his street's records, a district supervisor
his district's, the command office reads everything and writes the annual targets.

The server's administrator (the role that owns the tables) runs `qdgui server init` once and
`qdgui server add-user` per clerk. Each user is a PostgreSQL login role in one of three group roles,
with its place in qdgui_access.member; passwords are PostgreSQL's own (scram-sha-256), never kept
by qdgui.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import unicodedata
import weakref
from dataclasses import dataclass
from typing import Callable

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from qdgui.i18n import translate
from qdgui.models.records import Problem

LEVELS = ("street", "district", "city")
GROUP = {level: f"qdgui_{level}" for level in LEVELS}
PLACED = ("signing", "demolition", "park")  # records with a district and a street
IN_DISTRICT = ("project",)  # shared by the streets of a district
DAY_TOTALS = ("signing_day", "demolition_day", "park_day")  # kept by triggers (revision 0011)
WORK_TABLES = ("audit_entry", "import_batch", "import_change", "review_item", "reference_alias", "meta")
_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class AccessError(ValueError):
    """A user or place the server cannot take, in the user's words."""


@dataclass(frozen=True)
class Member:
    name: str
    level: str
    district_code: str | None
    street_code: str | None


def _functions() -> str:
    # SECURITY DEFINER: the functions read qdgui_access.member, which clerks cannot read themselves.
    # session_user is the clerk who logged in (current_user is the function's owner in here).
    return """
CREATE OR REPLACE FUNCTION qdgui_access.me() RETURNS qdgui_access.member
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = qdgui_access, pg_temp AS
  $$ SELECT * FROM qdgui_access.member WHERE name = session_user $$;

CREATE OR REPLACE FUNCTION qdgui_access.sees(district text, street text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = qdgui_access, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM qdgui_access.member m WHERE m.name = session_user AND (
    m.level = 'city' OR (m.level = 'district' AND m.district_code = district)
    OR (m.level = 'street' AND m.street_code = street))) $$;

CREATE OR REPLACE FUNCTION qdgui_access.writes(district text, street text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = qdgui_access, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM qdgui_access.member m WHERE m.name = session_user AND (
    (m.level = 'district' AND m.district_code = district)
    OR (m.level = 'street' AND m.street_code = street AND m.district_code = district))) $$;

CREATE OR REPLACE FUNCTION qdgui_access.in_district(district text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = qdgui_access, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM qdgui_access.member m WHERE m.name = session_user AND (
    m.level = 'city' OR m.district_code = district)) $$;

CREATE OR REPLACE FUNCTION qdgui_access.writes_in_district(district text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = qdgui_access, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM qdgui_access.member m WHERE m.name = session_user AND
    m.level IN ('street', 'district') AND m.district_code = district) $$;

CREATE OR REPLACE FUNCTION qdgui_access.street_in_district(street text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, qdgui_access, pg_temp AS $$
  SELECT qdgui_access.in_district((SELECT parent_code FROM division WHERE code = street)) $$;

CREATE OR REPLACE FUNCTION qdgui_access.writes_street(street text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, qdgui_access, pg_temp AS $$
  SELECT qdgui_access.writes((SELECT parent_code FROM division WHERE code = street), street) $$;

CREATE OR REPLACE FUNCTION qdgui_access.sees_target(district text, street text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = qdgui_access, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM qdgui_access.member m WHERE m.name = session_user AND (
    m.level = 'city' OR (m.level = 'district' AND m.district_code = district)
    OR (m.level = 'street' AND m.district_code = district AND (street IS NULL OR m.street_code = street)))) $$;

CREATE OR REPLACE FUNCTION qdgui_access.sees_record(tab text, id text) RETURNS boolean
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, qdgui_access, pg_temp AS $$
  DECLARE district text; street text;
  BEGIN
    IF tab IN ('signing', 'demolition', 'park', 'annual_target') THEN
      EXECUTE format('SELECT district_code, street_code FROM public.%I WHERE uuid = $1', tab)
        INTO district, street USING id;
      IF tab = 'annual_target' THEN
        RETURN qdgui_access.sees_target(district, street);
      END IF;
      RETURN qdgui_access.sees(district, street);
    ELSIF tab = 'project' THEN
      SELECT district_code INTO district FROM public.project WHERE uuid = id;
      RETURN qdgui_access.in_district(district);
    ELSIF tab = 'community' THEN
      SELECT street_code INTO street FROM public.community WHERE uuid = id;
      RETURN qdgui_access.street_in_district(street);
    END IF;
    RETURN true;  -- divisions and the like: everyone's reference data
  END $$;

CREATE OR REPLACE FUNCTION qdgui_access.writes_record(tab text, id text) RETURNS boolean
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, qdgui_access, pg_temp AS $$
  DECLARE district text; street text;
  BEGIN
    IF tab IN ('demolition', 'park') THEN  -- the records photos belong to (models/photos.py)
      EXECUTE format('SELECT district_code, street_code FROM public.%I WHERE uuid = $1', tab)
        INTO district, street USING id;
      RETURN qdgui_access.writes(district, street);
    END IF;
    RETURN false;
  END $$;

CREATE OR REPLACE FUNCTION qdgui_access.batch_changes(batch integer) RETURNS bigint
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, qdgui_access, pg_temp AS
  $$ SELECT count(*) FROM public.import_change WHERE batch_id = batch $$;

CREATE OR REPLACE FUNCTION qdgui_access.is_city() RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = qdgui_access, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM qdgui_access.member m WHERE m.name = session_user AND m.level = 'city') $$;
"""


def _policies() -> list[str]:
    sql = []

    def policies(table: str, see: str, write: str, change: str | None = None, remove: str | None = None) -> None:
        change = change or write
        sql.append(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        for name in ("qdgui_see", "qdgui_add", "qdgui_change", "qdgui_remove"):
            sql.append(f"DROP POLICY IF EXISTS {name} ON {table}")
        sql.append(f"CREATE POLICY qdgui_see ON {table} FOR SELECT USING ({see})")
        sql.append(f"CREATE POLICY qdgui_add ON {table} FOR INSERT WITH CHECK ({write})")
        sql.append(f"CREATE POLICY qdgui_change ON {table} FOR UPDATE USING ({change}) WITH CHECK ({change})")
        # Rows are removed only by the undo of an import batch (records it added, their history)
        sql.append(f"CREATE POLICY qdgui_remove ON {table} FOR DELETE USING ({remove or change})")

    for table in PLACED:
        policies(
            table,
            "qdgui_access.sees(district_code, street_code)",
            "qdgui_access.writes(district_code, street_code)",
        )
    for table in IN_DISTRICT:
        policies(table, "qdgui_access.in_district(district_code)", "qdgui_access.writes_in_district(district_code)")
    policies("community", "qdgui_access.street_in_district(street_code)", "qdgui_access.writes_street(street_code)")
    policies("annual_target", "qdgui_access.sees_target(district_code, street_code)", "qdgui_access.is_city()")
    # A record's history holds its values: readable where the record is. Written with the record
    # (whose own policy decides), so adding audit rows is not checked twice.
    policies("audit_entry", "qdgui_access.sees_record(table_name, record_uuid)", "true")
    # A merge's changes (the values before) and its review items (both sides' values) likewise; a
    # review item is decided by someone who sees its record.
    for table in ("import_change", "review_item"):
        seen = "qdgui_access.sees_record(table_name, record_uuid)"
        policies(table, seen, "true", seen)
    # A photo where its case or park is seen, added or removed where that record may be written;
    # its file (content-addressed bytes, written once) where a photo of it is seen.
    policies(
        "photo",
        "qdgui_access.sees_record(record_table, record_uuid)",
        "qdgui_access.writes_record(record_table, record_uuid)",
    )
    sql.append("ALTER TABLE photo_file ENABLE ROW LEVEL SECURITY")
    for name in ("qdgui_see", "qdgui_add"):
        sql.append(f"DROP POLICY IF EXISTS {name} ON photo_file")
    sql.append(
        "CREATE POLICY qdgui_see ON photo_file FOR SELECT USING "
        "(EXISTS (SELECT 1 FROM photo p WHERE p.sha256 = photo_file.sha256))"
    )
    sql.append("CREATE POLICY qdgui_add ON photo_file FOR INSERT WITH CHECK (true)")
    # The day totals (revision 0011) are read where their place is seen, and written only by the
    # records' triggers, which run as the tables' owner: no one is granted a write.
    for table in DAY_TOTALS:
        street = "nullif(street_code, '')" if table == "park_day" else "street_code"
        sql.append(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        sql.append(f"DROP POLICY IF EXISTS qdgui_see ON {table}")
        sql.append(f"CREATE POLICY qdgui_see ON {table} FOR SELECT USING (qdgui_access.sees(district_code, {street}))")
    # a project's signed totals, where the project is seen (all its streets' signings: the rule's sum)
    sql.append("ALTER TABLE project_signed ENABLE ROW LEVEL SECURITY")
    sql.append("DROP POLICY IF EXISTS qdgui_see ON project_signed")
    sql.append(
        "CREATE POLICY qdgui_see ON project_signed FOR SELECT USING "
        "(EXISTS (SELECT 1 FROM project p WHERE p.uuid = project_signed.project_uuid))"
    )
    # (audit rows are removed with the records an undone import had added: where they are seen)
    sql.append("DROP POLICY IF EXISTS qdgui_remove ON audit_entry")
    sql.append(
        "CREATE POLICY qdgui_remove ON audit_entry FOR DELETE USING (qdgui_access.sees_record(table_name, record_uuid))"
    )
    return sql


def init_server(engine: Engine) -> None:
    """Roles, grants and row-level security on a migrated server database (run again after an
    upgrade: it is idempotent). Must run as the tables' owner."""
    with engine.begin() as conn:
        for group in GROUP.values():
            exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": group}).first()
            if not exists:
                conn.exec_driver_sql(f"CREATE ROLE {group} NOLOGIN")
        conn.exec_driver_sql("CREATE SCHEMA IF NOT EXISTS qdgui_access")
        conn.exec_driver_sql("REVOKE ALL ON SCHEMA qdgui_access FROM PUBLIC")
        conn.exec_driver_sql(
            "CREATE TABLE IF NOT EXISTS qdgui_access.member ("
            " name text PRIMARY KEY,"
            " level text NOT NULL CHECK (level IN ('street', 'district', 'city')),"
            " district_code text, street_code text,"
            " CHECK (level = 'city' OR district_code IS NOT NULL),"
            " CHECK (level <> 'street' OR street_code IS NOT NULL))"
        )
        # straight to the driver, with no parameters: the functions' format('%I') is not a placeholder
        driver = conn.connection.driver_connection
        assert driver is not None
        driver.execute(_functions())
        everyone = ", ".join(GROUP.values())
        conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA public, qdgui_access TO {everyone}")
        conn.exec_driver_sql(f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA qdgui_access TO {everyone}")
        conn.exec_driver_sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {everyone}")
        conn.exec_driver_sql(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {everyone}")
        writers = f"{GROUP['street']}, {GROUP['district']}"
        for table in (*PLACED, *IN_DISTRICT, "community", "photo", *WORK_TABLES):
            conn.exec_driver_sql(f"GRANT INSERT, UPDATE ON {table} TO {writers}")
        conn.exec_driver_sql(f"GRANT INSERT ON photo_file TO {writers}")  # written once, never changed
        for table in ("annual_target", "audit_entry", "meta", "import_batch", "import_change", "review_item"):
            conn.exec_driver_sql(f"GRANT INSERT, UPDATE ON {table} TO {GROUP['city']}")
        # the undo of one's own import batch (batches.undo): the rows it added go, under the policies
        for table in (*PLACED, *IN_DISTRICT, "community", "audit_entry", "review_item", "reference_alias"):
            conn.exec_driver_sql(f"GRANT DELETE ON {table} TO {writers}")
        for table in ("annual_target", "audit_entry", "review_item", "reference_alias"):
            conn.exec_driver_sql(f"GRANT DELETE ON {table} TO {GROUP['city']}")
        for statement in _policies():
            conn.exec_driver_sql(statement)


def add_user(engine: Engine, member: Member, password: str) -> None:
    """A login role for one clerk, supervisor or command-office reader, with its place."""
    if not _NAME.match(member.name):
        raise AccessError(
            translate(
                "Access",
                "{name} cannot be a user name: use small Latin letters, digits and _ (for example zhanghan_wangli).",
            ).format(name=member.name)
        )
    if member.level not in LEVELS:
        raise AccessError(
            translate("Access", "{level} is not a level (street, district or city)").format(level=member.level)
        )
    if not password:
        raise AccessError(translate("Access", "A user needs a password."))
    with engine.begin() as conn:
        known: dict[str, str | None] = dict(conn.exec_driver_sql("SELECT code, parent_code FROM division").all())
        if member.level != "city" and member.district_code not in known:
            raise AccessError(translate("Access", "There is no district {code}.").format(code=member.district_code))
        if member.level == "street" and known.get(member.street_code or "") != member.district_code:
            raise AccessError(
                translate("Access", "There is no street {street} in district {district}.").format(
                    street=member.street_code, district=member.district_code
                )
            )
        exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": member.name}).first()
        quoted = conn.dialect.identifier_preparer.quote(member.name)
        verb = "ALTER" if exists else "CREATE"
        # Only the scram-sha-256 verifier travels and is stored: the server never sees the password.
        conn.exec_driver_sql(f"{verb} ROLE {quoted} LOGIN PASSWORD '{scram_verifier(password)}'")
        for level, group in GROUP.items():
            if level == member.level:
                conn.exec_driver_sql(f"GRANT {group} TO {quoted}")
            else:
                conn.exec_driver_sql(f"REVOKE {group} FROM {quoted}")
        conn.execute(
            text(
                "INSERT INTO qdgui_access.member (name, level, district_code, street_code) VALUES (:n, :l, :d, :s) "
                "ON CONFLICT (name) DO UPDATE SET level = :l, district_code = :d, street_code = :s"
            ),
            {
                "n": member.name,
                "l": member.level,
                "d": None if member.level == "city" else member.district_code,
                "s": member.street_code if member.level == "street" else None,
            },
        )


def scram_verifier(password: str, *, salt: bytes | None = None, iterations: int = 4096) -> str:
    """PostgreSQL's SCRAM-SHA-256 verifier of a password (RFC 5802/7677, as libpq's
    PQencryptPasswordConn makes it), so that CREATE ROLE ... PASSWORD carries no clear text."""
    salt = os.urandom(16) if salt is None else salt
    salted = hashlib.pbkdf2_hmac("sha256", unicodedata.normalize("NFKC", password).encode("utf-8"), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", "sha256").digest()
    b64 = lambda raw: base64.b64encode(raw).decode("ascii")  # noqa: E731
    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def whoami(engine: Engine) -> Member | None:
    """This connection's place, or None for the administrator (or a server without qdgui's roles)."""
    with engine.connect() as conn:
        try:
            row = conn.exec_driver_sql(
                "SELECT name, level, district_code, street_code FROM qdgui_access.me() WHERE name IS NOT NULL"
            ).first()
        except Exception:  # noqa: BLE001 - no qdgui_access schema: a server that was never initialised
            return None
    return Member(*row) if row else None


# ---------------------------------------------------------------- refusals in words, before the write

_GUARDS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # engine -> _Guard | None
_ASKS = {  # the policy functions' own question for a table (the database answers: one rule, in SQL)
    "signing": ("SELECT qdgui_access.writes(%(d)s, %(s)s)", "street_code"),
    "demolition": ("SELECT qdgui_access.writes(%(d)s, %(s)s)", "street_code"),
    "park": ("SELECT qdgui_access.writes(%(d)s, %(s)s)", "street_code"),
    "project": ("SELECT qdgui_access.writes_in_district(%(d)s)", "district_code"),
    "community": ("SELECT qdgui_access.writes_street(%(s)s)", "street_code"),
    "annual_target": ("SELECT qdgui_access.is_city()", "district_code"),
}


class _Guard:
    def __init__(self, member: Member):
        self.member = member
        self.answers: dict[tuple, bool] = {}


def _guard(session: Session) -> _Guard | None:
    """This connection's clerk, or None on a file, for the administrator or where qdgui's roles are
    not set up (nothing to refuse in advance: the database still decides)."""
    bind = session.get_bind()
    engine = getattr(bind, "engine", bind)
    if engine.dialect.name != "postgresql":
        return None
    if engine in _GUARDS:
        return _GUARDS[engine]
    conn = session.connection()
    guard = None
    if conn.exec_driver_sql("SELECT to_regproc('qdgui_access.me')").scalar() is not None:
        row = conn.exec_driver_sql(
            "SELECT name, level, district_code, street_code FROM qdgui_access.me() WHERE name IS NOT NULL"
        ).first()
        guard = _Guard(Member(*row)) if row else None
    _GUARDS[engine] = guard
    return guard


def refusal(session: Session, kind: str, values: dict, place_name: Callable[[str | None], str]) -> Problem | None:
    """Why this user's account may not write a record of this kind and place, on the field to
    correct, or None. Asks the same functions the row-level security policies use, so the form and
    an import say it before the database refuses (which it does anyway)."""
    guard = _guard(session)
    if guard is None or kind not in _ASKS:
        return None
    sql, field = _ASKS[kind]
    district, street = values.get("district_code"), values.get("street_code")
    if kind == "community" and street is None:
        return None
    key = (sql, district, street)
    if key not in guard.answers:
        driver = session.connection().connection.driver_connection
        assert driver is not None
        guard.answers[key] = bool(driver.execute(sql, {"d": district, "s": street}).fetchone()[0])
    if guard.answers[key]:
        return None
    member = guard.member
    if kind == "annual_target":
        return Problem(field, translate("Access", "Only the command office's accounts set annual targets."))
    if member.level == "city":
        return Problem(
            field,
            translate(
                "Access", "The command office's account {user} reads every place; it does not enter records."
            ).format(user=member.name),
        )
    if member.level == "district" or kind == "project":
        where, field = place_name(member.district_code), "district_code"
    else:
        where = place_name(member.street_code)
    return Problem(
        field,
        translate("Access", "Your server account {user} enters records of {place} only.").format(
            user=member.name, place=where
        ),
    )


def hidden_batch_changes(session: Session, batch_id: int, visible: int) -> int:
    """How many of an import batch's changes this server account cannot see (0 on a file, for the
    administrator, or when it sees them all): an undo must put back all of them or none."""
    if _guard(session) is None:
        return 0
    total = session.connection().exec_driver_sql("SELECT qdgui_access.batch_changes(%(b)s)", {"b": batch_id}).scalar()
    return max(0, int(total or 0) - visible)
