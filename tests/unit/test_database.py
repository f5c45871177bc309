"""The database file: durable settings, one instance, damaged and unusable files, backups."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy.exc
from sqlalchemy import text

from qdgui.models.database import DatabaseError, backup
from qdgui.models.lock import AlreadyOpen, InstanceLock
from qdgui.models.migrate import open_database

ROOT = Path(__file__).resolve().parents[2]


def test_every_connection_is_durable_and_checks_foreign_keys(sqlite_db):
    with sqlite_db.engine.connect() as conn:
        pragmas = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
    assert pragmas == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 10000}


def test_writes_take_the_lock_at_begin(sqlite_db):
    """BEGIN IMMEDIATE: a second writer waits at its start instead of failing half-way."""
    with sqlite_db.begin() as session:
        session.execute(text("SELECT 1"))  # the session begins lazily, at its first statement
        other = sqlite3.connect(sqlite_db.path, timeout=0.1, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()


def test_a_second_instance_on_the_same_file_is_refused(tmp_path):
    path = tmp_path / "a.sqlite"
    with InstanceLock(path):
        with pytest.raises(AlreadyOpen) as caught:
            InstanceLock(path).acquire()
        assert "已在另一个 qdgui 窗口中打开" in str(caught.value)
        assert f"pid {os.getpid()}" in str(caught.value)
    with InstanceLock(path):  # released: can be taken again
        pass


def test_a_second_program_is_told_the_file_is_open(tmp_path):
    path = tmp_path / "a.sqlite"
    from qdgui.models.migrate import open_database

    open_database(path)[0].close()  # the database exists; the lock says another qdgui has it open
    with InstanceLock(path):
        run = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "summary", "--db", str(path)],
            capture_output=True,
            text=True,
            env={**os.environ, "QDGUI_LANG": "zh_CN"},
        )
    assert run.returncode == 1
    assert "此数据库已在另一个 qdgui 窗口中打开" in run.stderr


def test_a_damaged_file_is_reported_with_what_to_do(tmp_path):
    path = tmp_path / "bad.sqlite"
    database, _ = open_database(path)
    database.close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(2 * page, min(len(data), 12 * page), 97):
        data[offset] = 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseError, match="(?s)数据库文件已损坏.*backups"):
        open_database(path)


def test_a_file_that_is_not_a_database_is_left_alone(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("这不是数据库", encoding="utf-8")
    with pytest.raises(DatabaseError, match="不是 qdgui 数据库文件"):
        open_database(path)
    assert path.read_text(encoding="utf-8") == "这不是数据库"


@pytest.mark.skipif(sys.platform == "win32", reason="a folder's POSIX mode: Windows has ACLs instead")
def test_a_folder_without_permission_is_reported(tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    if os.geteuid() == 0:  # root may write anywhere: let the folder say no as it would to a clerk
        real_access = os.access
        monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == locked else real_access(p, mode))
    with pytest.raises(DatabaseError, match="没有写入"):
        open_database(locked / "x.sqlite")
    assert list(locked.iterdir()) == []


def test_a_path_that_cannot_be_created_is_reported(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DatabaseError, match="无法创建文件夹"):
        open_database(blocker / "sub" / "x.sqlite")
    with pytest.raises(DatabaseError, match="是文件夹"):
        open_database(tmp_path)


def test_backup_uses_the_online_api_and_includes_the_wal(sqlite_db, clerk, today):
    from qdgui.models import repository
    from qdgui.models.records import CommunityDraft

    with sqlite_db.begin() as s:
        repository.add(s, CommunityDraft("370212001", "董家下庄", "village"), by=clerk, today=today)
    assert Path(str(sqlite_db.path) + "-wal").stat().st_size > 0  # the row is still only in the WAL
    copy = backup(sqlite_db.path, label="test")
    con = sqlite3.connect(copy)
    assert con.execute("SELECT name FROM community").fetchall() == [("董家下庄",)]
    con.close()


def test_a_database_with_two_names_is_refused_and_a_symlink_is_the_same_file(tmp_path, capsys):
    import os

    from qdgui.app import main
    from qdgui.models.lock import AlreadyOpen, InstanceLock

    real = tmp_path / "街道.sqlite"
    assert main(["demo", "--db", str(real)]) == 0
    capsys.readouterr()
    link = tmp_path / "另一个名字.sqlite"
    os.link(real, link)
    assert main(["summary", "--db", str(link)]) == 1
    said = capsys.readouterr().err
    assert "2 个名称（硬链接）" in said, said
    os.unlink(link)
    alias = tmp_path / "快捷方式.sqlite"
    alias.symlink_to(real)
    with InstanceLock(real.resolve()):
        with pytest.raises(AlreadyOpen):
            InstanceLock(alias.resolve()).acquire()  # the window resolves --db first: one lock per file
    assert main(["summary", "--db", str(alias)]) == 0


def test_backups_rotate_per_database_and_per_kind_and_a_refused_undo_costs_none(tmp_path):
    from qdgui.excel import importer
    from qdgui.models.batches import BatchError
    from qdgui.models.database import BACKUPS_KEPT, backups_of
    from qdgui.models.migrate import open_database
    from qdgui.models.records import Operator

    street, _ = open_database(tmp_path / "street.sqlite")
    older, _ = open_database(tmp_path / "street-2025.sqlite")
    backup(older.path, label="before-import")
    backup(street.path, label="before-import")
    for n in range(BACKUPS_KEPT + 3):
        backup(street.path, label=f"before-undo-{n}")
    labels = [p.name.rsplit("-", 1)[0] for p in backups_of(street.path)]
    assert sum("before-undo" in p.name for p in backups_of(street.path)) == BACKUPS_KEPT
    assert any(p.name.endswith("before-import.sqlite") for p in backups_of(street.path)), labels
    assert len(backups_of(older.path)) == 1  # street's rotation never touches street-2025's backups
    assert not list((tmp_path / "backups").glob("*.partial"))
    before = set((tmp_path / "backups").iterdir())
    with pytest.raises(BatchError):
        importer.undo(street, 999, by=Operator("王丽", "laptop-a"))
    assert set((tmp_path / "backups").iterdir()) == before  # refused before any backup was made
    street.close()
    older.close()


def test_another_programs_database_is_left_alone_and_an_empty_file_is_not_a_database(tmp_path, capsys):
    from qdgui.app import main
    from qdgui.models.migrate import APPLICATION_ID, open_database

    foreign = tmp_path / "通讯录.sqlite"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE contacts (name TEXT)")
    con.execute("INSERT INTO contacts VALUES ('王丽')")
    con.commit()
    con.close()
    before = foreign.read_bytes()
    with pytest.raises(DatabaseError, match="另一个程序的数据库"):
        open_database(foreign)
    assert foreign.read_bytes() == before  # not one table added
    assert main(["summary", "--db", str(foreign)]) == 1
    assert "另一个程序的数据库" in capsys.readouterr().err
    empty = tmp_path / "空.sqlite"
    empty.write_bytes(b"")
    assert main(["summary", "--db", str(empty)]) == 1
    assert "没有数据库文件" in capsys.readouterr().err and empty.read_bytes() == b""
    ours, _ = open_database(tmp_path / "ours.sqlite")
    ours.close()
    with sqlite3.connect(tmp_path / "ours.sqlite") as check:
        assert check.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)


def test_start_up_checks_what_matters_full_after_a_crash_and_weekly(tmp_path, monkeypatch):
    from datetime import UTC, datetime, timedelta

    from qdgui.models import database as database_module
    from qdgui.models import migrate

    checks = []
    real = database_module.quick_check
    monkeypatch.setattr(
        migrate, "quick_check", lambda engine, full=False: (checks.append("full" if full else "quick"), real(engine))
    )
    path = tmp_path / "city.sqlite"

    def age(key: str, days: int) -> None:
        con = sqlite3.connect(path)
        when = (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")
        con.execute("UPDATE meta SET value = ? WHERE key = ?", (when, key))
        con.commit()
        con.close()

    # a laptop's file (small): the full check the first time and weekly, the quick one in between
    open_database(path)[0].close()  # a new file: nothing to check yet
    open_database(path)[0].close()
    open_database(path)[0].close()
    assert checks == ["full", "quick"]
    age("full_integrity_checked_at", 8)
    open_database(path)[0].close()
    assert checks == ["full", "quick", "full"]
    (tmp_path / "city.sqlite-wal").write_bytes(b"\0" * 32)  # what a crash leaves behind
    assert migrate._check_due(path) == "full"
    (tmp_path / "city.sqlite-wal").unlink()
    assert migrate._check_due(path) == "quick"

    # a city office's file (large): no check at every start, quick_check after a crash or weekly
    monkeypatch.setattr(migrate, "CHECK_EVERY_START_BYTES", 0)
    assert migrate._check_due(path) is None  # checked today
    age("integrity_checked_at", 8)
    assert migrate._check_due(path) == "quick"
    checks.clear()
    open_database(path)[0].close()
    open_database(path)[0].close()
    assert checks == ["quick"]
    (tmp_path / "city.sqlite-wal").write_bytes(b"\0" * 32)
    assert migrate._check_due(path) == "quick"
    (tmp_path / "city.sqlite-wal").unlink()


def test_index_damage_that_quick_check_misses_is_found_by_the_full_check_after_a_crash(tmp_path):
    path = tmp_path / "damaged.sqlite"
    database, _ = open_database(path)
    with database.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE probe (k TEXT)")
        conn.exec_driver_sql("CREATE INDEX ix_probe ON probe (k)")
        conn.exec_driver_sql("INSERT INTO probe VALUES ('a'), ('b'), ('c')")
    database.close()
    open_database(path)[0].close()  # sound: the weekly full check passes and is kept
    con = sqlite3.connect(path)
    con.execute("PRAGMA writable_schema = ON")  # the index now claims another table's rows
    con.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX ix_probe ON probe (k DESC)' WHERE name = 'ix_probe'")
    con.commit()
    con.close()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA quick_check").fetchone() == ("ok",)
    assert con.execute("PRAGMA integrity_check").fetchone() != ("ok",)
    con.close()
    open_database(path)[0].close()  # no crash, checked this week: the quick check passes it
    (tmp_path / "damaged.sqlite-wal").write_bytes(b"\0" * 32)  # after a crash: the full check refuses
    with pytest.raises(DatabaseError, match="数据库文件已损坏"):
        open_database(path)


def test_restoring_a_backup_of_an_older_schema_brings_it_to_head_and_a_damaged_one_changes_nothing(tmp_path):
    import shutil

    from qdgui.models import migrate
    from qdgui.models.tables import Meta

    old_path = tmp_path / "old.sqlite"
    old, _ = open_database(old_path)
    with old.begin() as s:
        s.add(Meta(key="marker", value="from the old backup"))
    migrate.downgrade(old.engine, "0004")  # a backup made before an upgrade holds an older schema
    old.close()
    db, _ = open_database(tmp_path / "work.sqlite")
    with db.begin() as s:
        s.add(Meta(key="marker", value="typed since"))
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(b"SQLite format 3\0" + b"\x01" * 4000)
    with pytest.raises(DatabaseError, match="已损坏或不是 qdgui 数据库"):
        migrate.restore(db, damaged)
    with db.sessions() as s:
        assert s.get(Meta, "marker").value == "typed since"
    safety = migrate.restore(db, old_path)
    with db.sessions() as s:
        assert s.get(Meta, "marker").value == "from the old backup"
        assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == migrate.head_revision()
        assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert s.execute(text("PRAGMA application_id")).scalar() == migrate.APPLICATION_ID
    db.close()
    check = sqlite3.connect(safety)  # what the database held before the restore, kept
    assert check.execute("SELECT value FROM meta WHERE key = 'marker'").fetchone() == ("typed since",)
    check.close()
    shutil.rmtree(tmp_path / "backups")


def test_a_half_schema_database_is_refused_in_words_without_a_new_backup(tmp_path):
    """An emptied alembic_version (the upgrade would recreate tables that exist) and a dropped table:
    each refused with what to do, no traceback, and no backup made at the failed start."""
    from qdgui.models.migrate import backups_of

    for case, damage in (
        ("version", "DELETE FROM alembic_version"),
        ("table", "DROP TABLE park"),
    ):
        path = tmp_path / f"{case}.sqlite"
        open_database(path)[0].close()
        con = sqlite3.connect(path)
        con.execute(damage)
        con.commit()
        con.close()
        made = len(backups_of(path))
        expected = "没有它们的版本记录" if case == "version" else "缺少数据表 park"
        with pytest.raises(DatabaseError, match=expected):
            open_database(path)
        assert len(backups_of(path)) == made
        done = subprocess.run(
            [sys.executable, str(Path(__file__).resolve().parents[2] / "main.py"), "summary", "--db", str(path)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 1 and "Traceback" not in done.stderr and expected in done.stderr


def test_the_database_refuses_text_longer_than_the_forms_allow(db):
    """A write past the rules (another program, a bug) is refused by the database itself, not stored
    whole to be cut to 32,767 characters by Excel on export: SQLite by its triggers, PostgreSQL by
    its VARCHAR(n)."""
    update = text("UPDATE division SET name = :name WHERE code = '370212001'")
    with db.begin() as session:
        session.execute(text("UPDATE division SET name = name || '' WHERE code = '370212001'"))  # in bounds: fine
    with pytest.raises(sqlalchemy.exc.DBAPIError, match="text longer than allowed in division|too long"):
        with db.begin() as session:
            session.execute(update, {"name": "街" * 61})
    with db.sessions() as session:
        assert session.execute(text("SELECT name FROM division WHERE code = '370212001'")).scalar() == "中韩街道"
    if db.path is not None:
        con = sqlite3.connect(db.path)
        names = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        con.close()
        assert {"tr_demolition_lengths_insert", "tr_demolition_lengths_update", "tr_division_lengths_update"} <= names


@pytest.mark.slow
def test_a_database_with_bytes_flipped_anywhere_never_ends_in_a_traceback(tmp_path):
    """16 bytes flipped at 20 places of a demo database, one copy each (the issue's fault test): the
    summary, the ledger and the weekly report each work or refuse in words; text damaged inside a
    record (which the structural checks cannot see) is named as damage, with what to do."""
    import random

    main = Path(__file__).resolve().parents[2] / "main.py"
    base = tmp_path / "base.sqlite"
    subprocess.run([sys.executable, str(main), "demo", "--db", str(base)], check=True, capture_output=True)
    con = sqlite3.connect(base)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    size = base.stat().st_size
    rng = random.Random(16)  # includes offsets inside record text (created_at), as the issue found
    refused = 0
    for i in range(20):
        folder = tmp_path / f"copy-{i}"
        folder.mkdir()
        path = folder / "x.sqlite"
        data = bytearray(base.read_bytes())
        at = rng.randrange(100, size - 16)
        for k in range(16):
            data[at + k] ^= 0xFF
        path.write_bytes(bytes(data))
        for command in (
            ["summary"],
            ["export", "ledger", "--out", str(folder / "l.xlsx")],
            ["export", "weekly", "--out", str(folder / "w.xlsx")],
        ):
            done = subprocess.run(
                [sys.executable, str(main), *command, "--db", str(path)], capture_output=True, text=True, timeout=120
            )
            assert "Traceback" not in done.stderr, (at, command, done.stderr[-800:])
            if done.returncode != 0:
                refused += 1
                assert "损坏" in done.stderr or "不是" in done.stderr, (at, command, done.stderr[-400:])
    assert refused > 0


def test_a_large_write_leaves_its_copy_into_the_file_to_a_worker_and_the_next_save_is_normal(sqlite_db, monkeypatch):
    """A merge's commit writes its data to the log only; the copy into the database file (SQLite's
    checkpoint) runs in a worker after the commit returned, and the connection's automatic
    checkpoint is back to normal for the next save."""
    from qdgui.models import database as database_module
    from qdgui.models.tables import PhotoFile

    seen_at_start = []
    real_checkpoint = database_module._checkpoint

    def watched(path, **kwargs):
        seen_at_start.append(Path(path).stat().st_size)  # the file before the worker copies anything
        real_checkpoint(path, **kwargs)

    monkeypatch.setattr(database_module, "_checkpoint", watched)
    blob = os.urandom(8 * 2**20)
    size_before = sqlite_db.path.stat().st_size
    with sqlite_db.begin() as session:
        database_module.bulk_write(session)
        session.add(
            PhotoFile(
                sha256="a" * 64,
                media_type="image/jpeg",
                size=len(blob),
                width=1,
                height=1,
                original=blob,
                thumbnail=b"t",
            )
        )
    database_module.wait_for_checkpoints()
    assert len(seen_at_start) == 1
    assert seen_at_start[0] < size_before + 2**20  # the 8 MB were only in the log when the commit returned
    assert sqlite_db.path.stat().st_size > size_before + 8 * 2**20  # and in the file once the worker ran
    with sqlite_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 1000
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -2000  # SQLite's default again
        busy, logged, copied = conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").one()
        assert copied == logged
    with sqlite_db.begin() as session:  # a normal save afterwards starts no worker
        session.get(PhotoFile, "a" * 64).thumbnail = b"u"
    database_module.wait_for_checkpoints()
    assert len(seen_at_start) == 1
    check = sqlite3.connect(sqlite_db.path)
    assert check.execute("SELECT length(original) FROM photo_file").fetchone() == (len(blob),)
    check.close()


def test_a_copy_of_the_file_made_right_after_close_holds_a_merge_its_worker_was_still_copying(tmp_path, monkeypatch):
    """A supervisor merges a return, closes qdgui's database and copies the file to a USB stick at
    once: the copy holds the merge (close waits for the log's copy; the crash test's reference copy
    missed a whole merge before)."""
    import shutil
    import threading
    import time as time_module

    from qdgui.models import database as database_module
    from qdgui.models.migrate import open_database
    from tests.support.merging import make_returns, merge

    real_checkpoint = database_module._checkpoint

    connected = threading.Event()

    def slow(path, **kwargs):
        held = sqlite3.connect(path)  # a busy laptop: the worker is connected, not done, at the close
        held.execute("SELECT count(*) FROM meta").fetchone()
        connected.set()
        time_module.sleep(0.5)
        real_checkpoint(path, **kwargs)
        held.close()

    monkeypatch.setattr(database_module, "_checkpoint", slow)
    returns = make_returns(tmp_path)
    db, _ = open_database(tmp_path / "boss.sqlite")
    connected.clear()  # the laptops' own merges above had workers too
    merge(db, returns["base"])
    assert connected.wait(10)
    db.close()
    shutil.copyfile(tmp_path / "boss.sqlite", tmp_path / "stick.sqlite")  # the file alone, no -wal beside it
    check = sqlite3.connect(tmp_path / "stick.sqlite")
    try:
        assert check.execute("SELECT count(*) FROM import_batch").fetchone() == (1,)
        assert check.execute("SELECT count(*) FROM signing").fetchone() == (3,)
    finally:
        check.close()
