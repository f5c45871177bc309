"""Kill -9 a process in the middle of saving, many times: the file stays sound and keeps every reported save."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

CHILD = Path(__file__).with_name("crash_child.py")
KILLS = int(os.environ.get("QDGUI_SAVE_KILLS", "20"))
KILLED = (
    -signal.SIGKILL if hasattr(signal, "SIGKILL") else 1
)  # Popen.kill(): TerminateProcess's code on Windows  # bench/RESULTS.md records a longer run


def _run_and_kill(path: Path, rng: random.Random) -> list[str]:
    child = subprocess.Popen([sys.executable, str(CHILD), str(path)], stdout=subprocess.PIPE, text=True)
    reported: list[str] = []
    ready = threading.Event()

    def read():
        for line in child.stdout:
            line = line.strip()
            if line == "ready":
                ready.set()
            elif line:
                reported.append(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert ready.wait(30), "the child never started saving"
    time.sleep(rng.uniform(0.05, 0.6))
    child.kill()  # SIGKILL; on Windows TerminateProcess, as abrupt
    child.wait(10)
    reader.join(10)
    assert child.returncode == KILLED
    return reported


@pytest.mark.slow
def test_every_reported_save_survives_sigkill(tmp_path):
    path = tmp_path / "crash.sqlite"
    rng = random.Random(int(os.environ.get("QDGUI_SAVE_KILL_SEED", "20261121")))
    acknowledged: list[str] = []
    for attempt in range(KILLS):
        acknowledged += _run_and_kill(path, rng)
        con = sqlite3.connect(path)
        try:
            assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)], f"after kill {attempt + 1}"
            stored = {row[0] for row in con.execute("SELECT uuid FROM signing")}
            audited = {row[0] for row in con.execute("SELECT DISTINCT record_uuid FROM audit_entry")}
        finally:
            con.close()
        missing = [u for u in acknowledged if u not in stored]
        assert missing == [], f"after kill {attempt + 1}, {len(missing)} acknowledged saves are gone"
        assert stored <= audited, "a record without its audit rows"
    assert len(acknowledged) > KILLS  # the loop really saved between kills


MERGE_CHILD = Path(__file__).with_name("merge_crash_child.py")


def _tables(path: Path) -> dict:
    con = sqlite3.connect(path)
    try:
        tables = ("community", "project", "annual_target", "signing", "demolition", "park")
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY uuid").fetchall() for t in tables}  # noqa: S608
    finally:
        con.close()


@pytest.mark.slow
def test_a_merge_or_its_undo_killed_at_any_moment_is_entirely_in_or_out(tmp_path, returns):
    """SIGKILL while a supervisor merges laptop A's return and undoes it, again and again: after each
    kill the records are exactly as before the merge or exactly as after it, the file is sound, and
    the next merge completes. QDGUI_MERGE_KILLS sets the number of kills (bench/RESULTS.md: 1,000)."""
    import os
    import shutil

    from qdgui.models.migrate import open_database
    from tests.support.merging import merge

    supervisor = tmp_path / "boss.sqlite"
    db, _ = open_database(supervisor)
    merge(db, returns["base"])
    db.close()
    before = _tables(supervisor)
    reference = tmp_path / "reference.sqlite"
    shutil.copy(supervisor, reference)
    db, _ = open_database(reference)
    merge(db, returns["a"])
    db.close()
    after = _tables(reference)
    assert after != before

    kills = int(os.environ.get("QDGUI_MERGE_KILLS", "30"))
    rng = random.Random(int(os.environ.get("QDGUI_MERGE_KILL_SEED", "20261201")))  # another seed, other moments
    outcomes = {"before": 0, "after": 0}
    steps = 0
    for attempt in range(kills):
        child = subprocess.Popen(
            [sys.executable, str(MERGE_CHILD), str(supervisor), str(returns["a"])], stdout=subprocess.PIPE, text=True
        )
        lines: list[str] = []
        ready = threading.Event()

        def read(child=child, lines=lines, ready=ready):
            for line in child.stdout:
                if line.strip() == "ready":
                    ready.set()
                elif line.strip():
                    lines.append(line.strip())

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        assert ready.wait(60), "the child never started"
        time.sleep(rng.uniform(0.0, 1.5))
        child.kill()
        child.wait(10)
        reader.join(10)
        steps += len(lines)
        con = sqlite3.connect(supervisor)
        try:
            assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)], f"after kill {attempt + 1}"
            assert con.execute("PRAGMA foreign_key_check").fetchall() == [], f"after kill {attempt + 1}"
            live = con.execute(
                "SELECT count(*) FROM import_batch WHERE file_name = ? AND undone_at IS NULL", (returns["a"].name,)
            ).fetchone()[0]
        finally:
            con.close()
        now = _tables(supervisor)  # every column of every record: a merge of the same file writes the same
        state = "before" if now == before else "after" if now == after else None
        assert state is not None, f"after kill {attempt + 1} ({lines[-1:] or 'at start'}): the batch is half in"
        assert live == (1 if state == "after" else 0), f"after kill {attempt + 1}: {live} batches live in {state}"
        outcomes[state] += 1
    assert steps > kills  # merges and undos really completed between the kills
    print(f"{kills} kills: {outcomes['before']} left it out, {outcomes['after']} in; {steps} steps completed")
