"""Schema upgrades at start-up: a backup first, every row kept, the result equal to the models."""

import sqlite3
import warnings

import pytest
import sqlalchemy.exc
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text as sa_text

from qdgui.models import migrate
from qdgui.models.database import DatabaseError, make_engine
from qdgui.models.tables import Base

NOW = "2026-11-01 08:00:00.000000"


def make_first_revision_database(path, households=(60, 70, 80)):
    """A file as the first release wrote it: schema 0001, reference data and a few records."""
    engine = make_engine(path)
    migrate.upgrade(engine, "0001")
    engine.dispose()
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys = ON")
    con.executemany(
        "INSERT INTO division (code, name, level, parent_code, code_system, user_added) VALUES (?,?,?,?,?,0)",
        [("370212", "崂山区", "county", None, "NBS-2023"), ("370212001", "中韩街道", "township", "370212", "NBS-2023")],
    )
    con.execute(
        "INSERT INTO project (uuid, created_at, updated_at, operator, device, version, deleted, name, "
        "campaign_area, district_code, total_households) VALUES (?,?,?,?,?,1,0,?,?,?,?)",
        ("p" * 36, NOW, NOW, "王丽", "laptop-a", "张村河片区", "licun_river", "370212", 4283),
    )
    for i, n in enumerate(households):
        con.execute(
            "INSERT INTO signing (uuid, created_at, updated_at, operator, device, version, deleted, project_uuid, "
            "district_code, street_code, signed_on, households, houses, area_m2) "
            "VALUES (?,?,?,?,?,1,0,?,?,?,?,?,?,?)",
            (
                f"{i:036d}",
                NOW,
                NOW,
                "王丽",
                "laptop-a",
                "p" * 36,
                "370212",
                "370212001",
                f"2026-10-0{i + 1}",
                n,
                n,
                n * 12000,
            ),
        )
    con.commit()
    con.close()


def test_upgrading_a_first_revision_file_keeps_every_row_and_backs_up_first(tmp_path):
    path = tmp_path / "old.sqlite"
    make_first_revision_database(path)
    database, backup = migrate.open_database(path)
    try:
        assert migrate.current_revision(database.engine) == migrate.head_revision() != "0001"
        with database.engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT households, area_m2, source_file FROM signing ORDER BY signed_on").all()
            assert rows == [(60, 720000, None), (70, 840000, None), (80, 960000, None)]
            assert conn.exec_driver_sql("SELECT name, total_households FROM project").all() == [("张村河片区", 4283)]
            # the shipped reference rows are added beside the ones already there
            assert conn.exec_driver_sql("SELECT count(*) FROM division").scalar() == 152
            assert conn.exec_driver_sql("SELECT value FROM meta WHERE key='database_id'").scalar()
    finally:
        database.close()
    assert backup is not None and backup.parent.name == "backups"
    saved = sqlite3.connect(backup)
    assert saved.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert saved.execute("SELECT sum(households) FROM signing").fetchone() == (210,)
    assert saved.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    saved.close()


def test_a_current_file_opens_without_a_new_backup(tmp_path):
    path = tmp_path / "new.sqlite"
    database, first = migrate.open_database(path)
    database.close()
    database, again = migrate.open_database(path)
    database.close()
    assert first is None and again is None
    assert not (tmp_path / "backups").exists()


def test_the_migrated_schema_equals_the_models(tmp_path):
    path = tmp_path / "old.sqlite"
    make_first_revision_database(path)
    database, _ = migrate.open_database(path)
    with database.engine.connect() as conn, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # alembic cannot reflect SQLite expression indexes and says so
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    database.close()
    assert diff == []


TARGET_ROW = "INSERT INTO annual_target (uuid, year, district_code, street_code, measure, value, deleted, version, clock, created_at, updated_at, operator, device, dots) VALUES ('{u}', 2026, '370212', NULL, 'signed_households', 10, 0, 1, '{{}}', '2026-01-01', '2026-01-01', 'a', 'b', '{{}}')"


def test_every_index_of_the_models_is_in_a_new_file_and_partial_where_declared(tmp_path):
    """compare_metadata cannot see SQLite's indexes over an expression: the rebuild of revision 0005
    lost the targets' unique scope unnoticed. Checked here against the file itself."""
    database, _ = migrate.open_database(tmp_path / "new.sqlite")
    with database.engine.connect() as conn:
        made = {
            name: sql
            for name, sql in conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            )
        }
    database.close()
    for table in Base.metadata.sorted_tables:
        for index in table.indexes:
            assert index.name in made, (table.name, index.name)
            assert ("UNIQUE" in made[index.name].upper()) == bool(index.unique), index.name
            if index.dialect_options["sqlite"].get("where") is not None:
                assert " WHERE " in made[index.name].upper(), index.name


def test_two_live_targets_of_one_scope_are_refused_by_the_file_itself(sqlite_db):
    with sqlite_db.engine.begin() as conn:
        conn.exec_driver_sql(TARGET_ROW.format(u="0" * 36))
    with pytest.raises(sqlalchemy.exc.IntegrityError, match="UNIQUE"), sqlite_db.engine.begin() as conn:
        conn.exec_driver_sql(TARGET_ROW.format(u="1" * 36))


def test_a_file_already_holding_two_targets_of_one_scope_upgrades_and_keeps_both(tmp_path):
    path = tmp_path / "twice.sqlite"
    migrate.open_database(path)[0].close()
    engine = make_engine(path)
    migrate.downgrade(engine, "0012")
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP INDEX uq_annual_target_scope")  # as every file since 0005 had it
        for uuid in ("0" * 36, "1" * 36):
            conn.exec_driver_sql(TARGET_ROW.format(u=uuid))
    engine.dispose()
    database, _ = migrate.open_database(path)
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM annual_target WHERE deleted = 0").scalar() == 2
        assert migrate.current_revision(database.engine) == migrate.head_revision()
    database.close()


def test_a_file_from_a_newer_qdgui_is_refused_untouched(tmp_path):
    path = tmp_path / "future.sqlite"
    database, _ = migrate.open_database(path)
    database.close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="更新版本的 qdgui"):
        migrate.open_database(path)
    con = sqlite3.connect(path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("9999",)
    con.close()


def test_revision_ids_read_without_alembic_agree_with_alembic():
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.head_revision() == scripts.get_current_head()
    assert migrate.known_revisions() == {s.revision: s.down_revision for s in scripts.walk_revisions()}


@pytest.mark.parametrize("revision", sorted(migrate.known_revisions()))
def test_a_file_of_every_revision_upgrades_with_its_rows_and_the_upgrade_goes_back_down(tmp_path, revision):
    """Each released schema, with rows, opens at the head; every revision also steps down and up again."""
    path = tmp_path / f"at-{revision}.sqlite"
    make_first_revision_database(path)
    engine = make_engine(path)
    migrate.upgrade(engine, revision)
    engine.dispose()
    con = sqlite3.connect(path)  # a row written by that release, beside the first release's
    con.execute(
        "INSERT INTO signing (uuid, created_at, updated_at, operator, device, version, deleted, project_uuid, "
        "district_code, street_code, signed_on, households, houses, area_m2) VALUES (?,?,?,?,?,1,0,?,?,?,?,?,?,?)",
        ("s" * 36, NOW, NOW, "张伟", "laptop-b", "p" * 36, "370212", "370212001", "2026-10-20", 5, 5, 60000),
    )
    con.commit()
    con.close()
    database, backup = migrate.open_database(path)
    try:
        assert migrate.current_revision(database.engine) == migrate.head_revision()
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT sum(households), count(*) FROM signing").one() == (215, 4)
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    finally:
        database.close()
    assert (backup is None) == (revision == migrate.head_revision())
    if revision != migrate.head_revision():  # down to this revision and up again, the rows kept
        engine = make_engine(path)
        migrate.downgrade(engine, revision)
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT sum(households) FROM signing").scalar() == 215
            assert migrate.current_revision(engine) == revision
        migrate.upgrade(engine)
        with engine.connect() as conn, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        engine.dispose()


def test_an_upgrade_killed_at_any_moment_completes_at_the_next_start(tmp_path):
    import random
    import shutil
    import subprocess
    import sys
    import time

    template = tmp_path / "first.sqlite"
    make_first_revision_database(template)
    child = (
        "import sys; from pathlib import Path; from qdgui.models.migrate import open_database; "
        "print('go', flush=True); open_database(Path(sys.argv[1]))[0].close(); print('done', flush=True)"
    )
    timed = tmp_path / "timed.sqlite"
    shutil.copy(template, timed)
    proc = subprocess.Popen([sys.executable, "-c", child, str(timed)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline() == "go\n"
    start = time.perf_counter()
    assert proc.stdout.readline() == "done\n"
    upgrade_s = time.perf_counter() - start
    proc.wait()
    rng = random.Random(16)
    for kill in range(12):  # moments spread over the backup, each revision, and the checks after
        path = tmp_path / f"killed-{kill}.sqlite"
        shutil.copy(template, path)
        proc = subprocess.Popen([sys.executable, "-c", child, str(path)], stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline() == "go\n"
        time.sleep(rng.uniform(0, upgrade_s))
        proc.kill()
        proc.wait()
        proc.stdout.close()
        database, _ = migrate.open_database(path)
        try:
            assert migrate.current_revision(database.engine) == migrate.head_revision(), kill
            with database.engine.connect() as conn:
                assert conn.exec_driver_sql("SELECT sum(households) FROM signing").scalar() == 210, kill
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok", kill
        finally:
            database.close()


def _server_first_revision(url, households=(60, 70, 80)):
    """A server database as the first release would have made it: schema 0001, reference data, rows."""
    from sqlalchemy import text

    from qdgui.models.server import make_server_engine

    engine = make_server_engine(url)
    migrate.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO division (code, name, level, parent_code, code_system, user_added) VALUES "
                "('370212', '崂山区', 'county', NULL, 'NBS-2023', false), "
                "('370212001', '中韩街道', 'township', '370212', 'NBS-2023', false)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO project (uuid, created_at, updated_at, operator, device, version, deleted, name, "
                "campaign_area, district_code, total_households) VALUES (:u, :t, :t, '王丽', 'laptop-a', 1, false, "
                "'张村河片区', 'licun_river', '370212', 4283)"
            ),
            {"u": "p" * 36, "t": NOW},
        )
        for i, n in enumerate(households):
            _server_signing(conn, f"{i:036d}", f"2026-10-0{i + 1}", n)
    return engine


def _server_signing(conn, uuid, day, n):
    from sqlalchemy import text

    conn.execute(
        text(
            "INSERT INTO signing (uuid, created_at, updated_at, operator, device, version, deleted, project_uuid, "
            "district_code, street_code, signed_on, households, houses, area_m2) VALUES (:u, :t, :t, '张伟', "
            "'laptop-b', 1, false, :p, '370212', '370212001', :d, :n, :n, :a)"
        ),
        {"u": uuid, "t": NOW, "p": "p" * 36, "d": day, "n": n, "a": n * 12000},
    )


@pytest.mark.parametrize("revision", sorted(migrate.known_revisions()))
def test_a_server_database_of_every_revision_upgrades_with_its_rows_and_goes_back_down(pg_cluster, revision):
    """The same revisions on PostgreSQL: each schema, with rows, opens at the head; steps down to it and
    up again keep the rows; the result equals the models (partial indexes, CHECKs and all)."""
    url = pg_cluster.create_database(f"rev_{revision}")
    engine = _server_first_revision(url)
    migrate.upgrade(engine, revision)
    with engine.begin() as conn:  # a row written by that release, beside the first release's
        _server_signing(conn, "s" * 36, "2026-10-20", 5)
    engine.dispose()
    database, backup = migrate.open_database(url)
    try:
        assert backup is None and migrate.current_revision(database.engine) == migrate.head_revision()
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT sum(households), count(*) FROM signing").one() == (215, 4)
    finally:
        database.close()
    from qdgui.models.server import make_server_engine

    engine = make_server_engine(url)
    try:
        if revision != migrate.head_revision():
            migrate.downgrade(engine, revision)
            with engine.connect() as conn:
                assert conn.exec_driver_sql("SELECT sum(households) FROM signing").scalar() == 215
            assert migrate.current_revision(engine) == revision
            migrate.upgrade(engine)
        with engine.connect() as conn, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
            # a deleted record does not hold its number: the unique indexes are partial here too
            partial = conn.execute(
                sa_text("SELECT indexname FROM pg_indexes WHERE indexname LIKE :uq AND indexdef LIKE :where"),
                {"uq": "uq_%", "where": "%WHERE%"},
            ).scalars()
            assert set(partial) >= {
                "uq_demolition_case_no",
                "uq_project_district_name",
                "uq_community_street_name",
                "uq_signing_agreement",
                "uq_annual_target_scope",
            }
    finally:
        engine.dispose()
    pg_cluster.drop_database(f"rev_{revision}")
