"""change notices (PostgreSQL): every statement that adds or changes records sends one notice on the
channel qdgui_changes, so that the other clerks' windows show it at once without polling tables
(models/notices.py). SQLite needs none: one program writes a file at a time.

The notice is JSON: {"t": table, "o": the sender's application_name, "u": [uuid, ...]}, with "u"
null when a statement changed more than 50 records (an import or a merge: reload that table).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TABLES = ("community", "project", "annual_target", "signing", "demolition", "park")

FUNCTION = """
CREATE OR REPLACE FUNCTION qdgui_notice() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed integer;
  uuids json;
BEGIN
  SELECT count(*) INTO changed FROM new_rows;
  IF changed = 0 THEN
    RETURN NULL;
  END IF;
  IF changed <= 50 THEN
    SELECT json_agg(uuid) INTO uuids FROM new_rows;
  END IF;
  PERFORM pg_notify('qdgui_changes', json_build_object(
    't', TG_TABLE_NAME, 'o', current_setting('application_name'), 'u', uuids)::text);
  RETURN NULL;
END $$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTION)
    for table in TABLES:
        for event in ("INSERT", "UPDATE"):  # a trigger with transition tables takes one event
            op.execute(
                f"CREATE TRIGGER tr_{table}_notice_{event.lower()} AFTER {event} ON {table} "
                f"REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION qdgui_notice()"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        for event in ("insert", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS tr_{table}_notice_{event} ON {table}")
    op.execute("DROP FUNCTION IF EXISTS qdgui_notice()")
