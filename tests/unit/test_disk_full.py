"""A real full disk: a small tmpfs (root mounts one; skipped with the reason elsewhere) holding the
database, its backups and the files written, filled to several levels before each command a
supervisor runs. Whatever step the disk fills at (the backup, the write-ahead log, the workbook),
the command ends in words (no traceback), the database is exactly as before and sound, and no
half-written backup or export is left under a real name."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LEVELS = (0, 8 * 1024, 64 * 1024, 256 * 1024, 1024 * 1024, 3 * 2**20, 6 * 2**20, 12 * 2**20)  # bytes left free
DISK = "24m"
TABLES = ("community", "project", "annual_target", "signing", "demolition", "park", "import_batch", "review_item")


@pytest.fixture(scope="module")
def disk(tmp_path_factory):
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs Linux and root (the CI container runs as root)")
    point = tmp_path_factory.mktemp("small-disk")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={DISK}", "tmpfs", str(point)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    yield point
    subprocess.run(["umount", "-l", str(point)], check=False)


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    """A supervisor's database with the demo data, a laptop's return and a hand-kept sheet (on the big disk)."""
    from tests.unit import messy

    folder = tmp_path_factory.mktemp("prepared")
    for args in (
        ["demo", "--db", str(folder / "boss.sqlite")],
        ["demo", "--db", str(folder / "laptop.sqlite"), "--operator", "王丽"],
        ["export", "ledger", "--db", str(folder / "laptop.sqlite"), "--out", str(folder / "return.xlsx")],
    ):
        assert run(*args).returncode == 0
    shutil.copy(folder / "boss.sqlite", folder / "boss-merged.sqlite")
    assert run("import", str(folder / "return.xlsx"), "--db", str(folder / "boss-merged.sqlite")).returncode == 0
    messy.demolition_ledger(folder / "拆违台账.xlsx")
    return folder


def run(*args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=300, env=env
    )


def content(path: Path) -> dict:
    con = sqlite3.connect(path)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in TABLES}  # noqa: S608
    finally:
        con.close()


def sound(path: Path) -> bool:
    con = sqlite3.connect(path)
    try:
        return (
            con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            and not con.execute("PRAGMA foreign_key_check").fetchall()
        )
    finally:
        con.close()


def fill(point: Path, leave: int) -> None:
    """Take all the free space of the tmpfs but `leave` bytes."""
    free = os.statvfs(point).f_bavail * os.statvfs(point).f_frsize
    with open(point / "filler", "wb") as f:
        chunk = b"\0" * 2**20
        left = max(free - leave, 0)
        try:
            while left > 0:
                left -= f.write(chunk[: min(len(chunk), left)])
        except OSError:
            pass


OPERATIONS = {
    "undo a merge": lambda d, p: ["import", "--undo", "1", "--db", str(d / "boss.sqlite")],
    "merge a return": lambda d, p: ["import", str(p / "return.xlsx"), "--db", str(d / "boss.sqlite")],
    "import a hand-kept sheet": lambda d, p: [
        "import",
        str(p / "拆违台账.xlsx"),
        "--db",
        str(d / "boss.sqlite"),
        "--set",
        "区（市）=崂山区",
    ],
    "export the ledger": lambda d, p: [
        "export",
        "ledger",
        "--db",
        str(d / "boss.sqlite"),
        "--out",
        str(d / "台账.xlsx"),
    ],
    "export the weekly report": lambda d, p: [
        "export",
        "weekly",
        "--db",
        str(d / "boss.sqlite"),
        "--out",
        str(d / "周报.xlsx"),
    ],
}


@pytest.mark.slow
@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_a_full_disk_at_any_step_ends_in_words_and_changes_nothing(disk, prepared, operation):
    outcomes = []
    for leave in LEVELS:
        for item in disk.iterdir():
            shutil.rmtree(item) if item.is_dir() else item.unlink()
        source = "boss-merged.sqlite" if operation == "undo a merge" else "boss.sqlite"
        shutil.copy(prepared / source, disk / "boss.sqlite")
        before = content(disk / "boss.sqlite")
        fill(disk, leave)
        done = run(*OPERATIONS[operation](disk, prepared))
        said = done.stdout + done.stderr
        assert "Traceback" not in said, (leave, said[-2000:])
        (disk / "filler").unlink()
        assert sound(disk / "boss.sqlite"), leave
        leftovers = [
            p.name
            for p in disk.rglob("*")
            if p.is_file() and not p.name.endswith(".lock") and (p.stat().st_size == 0 or ".part" in p.name)
        ]  # the one-instance lock is empty by design
        assert leftovers == [], (leave, leftovers)
        written = done.returncode == 0 or "已写入，导入批次" in said  # a hand-kept sheet's bad rows: rc 1
        if "磁盘已满" in said or not written:
            assert "磁盘已满" in said, (leave, said[-1500:])
            assert content(disk / "boss.sqlite") == before, leave  # nothing half in
            outcomes.append("refused")
        else:
            outcomes.append("done")
    # the disk really was full at the first levels, and there was room enough at the last
    assert outcomes[0] == "refused" and outcomes[-1] == "done", outcomes
    print(operation, dict(zip(LEVELS, outcomes)))


def test_a_save_on_a_full_disk_is_refused_in_words_and_the_database_is_unchanged(disk, prepared):
    """The form's save path (repository.save in one transaction, as the window's Enter runs it)."""
    from datetime import date

    from qdgui.models import repository
    from qdgui.models.database import write_failure
    from qdgui.models.migrate import open_database
    from qdgui.models.records import Operator, SigningDraft
    from qdgui.models.tables import Project

    for item in disk.iterdir():
        shutil.rmtree(item) if item.is_dir() else item.unlink()
    shutil.copy(prepared / "boss.sqlite", disk / "boss.sqlite")
    database, _ = open_database(disk / "boss.sqlite")
    before = content(disk / "boss.sqlite")
    fill(disk, 0)
    refused, saves = [], 0
    try:
        for _ in range(200):  # the WAL may still have room for a few pages: go on until it has none
            try:
                with database.begin() as s:
                    project = s.query(Project).first()
                    draft = SigningDraft(
                        project.uuid,
                        project.district_code,
                        project.street_code,
                        date(2026, 11, 20),
                        households=1,
                        houses=1,
                        remarks="满盘" * 200,
                    )
                    repository.save(
                        s, draft, by=Operator("王丽", "laptop"), today=date(2026, 11, 21), confirm_warnings=True
                    )
                saves += 1
            except Exception as exc:  # noqa: BLE001 - what the window catches and words
                refused.append(write_failure(exc))
                break
    finally:
        (disk / "filler").unlink()
        database.close()
    assert refused and "磁盘已满" in refused[0], refused
    assert sound(disk / "boss.sqlite")
    after = content(disk / "boss.sqlite")
    saved = len(after["signing"]) - len(before["signing"])
    assert saved == saves and {k: v for k, v in after.items() if k != "signing"} == {
        k: v for k, v in before.items() if k != "signing"
    }  # every save before the refusal is whole, the refused one left nothing
