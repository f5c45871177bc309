"""Kill -9 a process in the middle of saving, many times: the file stays sound and keeps every reported save."""

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
KILLS = 20


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
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    reader.join(10)
    assert child.returncode == -signal.SIGKILL
    return reported


@pytest.mark.slow
def test_every_reported_save_survives_sigkill(tmp_path):
    path = tmp_path / "crash.sqlite"
    rng = random.Random(20261121)
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
