"""Start time to the first painted window: the packaged program beside `python main.py`, and its size.

    bash packaging/build.sh && .venv/bin/python bench/bench_start.py [--runs 5] [--xvfb]

The clock starts when the process is spawned and stops at the main window's first paint event
(QDGUI_STARTUP_PROBE makes the program write that moment and quit). "Cold" drops the page cache
first (needs root; otherwise the row is skipped); "warm" is the median of the following runs.
Floor: a bare PySide6 QMainWindow shown by the same Python, to the same first paint.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "qdgui" / "qdgui"

BARE = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            Path(sys.argv[1]).write_text(f"{time.time():.6f}")
            QTimer.singleShot(0, app.quit)
        return False
probe = Probe()
window.installEventFilter(probe)
window.resize(1360, 820)
window.show()
app.exec()
"""


def drop_caches() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def start_once(command: list[str], env: dict, probe: Path) -> float:
    probe.unlink(missing_ok=True)
    started = time.time()
    subprocess.run(
        command,
        env={**env, "QDGUI_STARTUP_PROBE": str(probe)},
        check=True,
        timeout=120,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return float(probe.read_text()) - started


def measure(command: list[str], env: dict, probe: Path, runs: int) -> tuple[float | None, float]:
    cold = start_once(command, env, probe) if drop_caches() else None
    warm = [start_once(command, env, probe) for _ in range(runs)]
    return cold, statistics.median(warm)


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        data = folder / "data"
        (data / "qdgui").mkdir(parents=True)
        (data / "qdgui" / "device.json").write_text(
            json.dumps(
                {"device_id": "bench", "operator": "bench", "district_code": "370212", "street_code": "370212001"}
            )
        )
        env = {
            **os.environ,
            "XDG_DATA_HOME": str(data),
            "XDG_CONFIG_HOME": str(folder / "config"),
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        }
        database = folder / "demo.sqlite"
        subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "demo", "--db", str(database)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        probe = folder / "painted"
        bare = folder / "bare.py"
        bare.write_text(BARE)
        rows = [
            ("bare PySide6 window (floor)", *measure([sys.executable, str(bare), str(probe)], env, probe, args.runs))
        ]
        # The bare script writes to argv[1]; the probe file is the same path for every command.
        rows.append(
            (
                "python main.py (source)",
                *measure([sys.executable, str(ROOT / "main.py"), "--db", str(database)], env, probe, args.runs),
            )
        )
        if BUNDLE.exists():
            rows.append(
                ("packaged onedir (dist/qdgui)", *measure([str(BUNDLE), "--db", str(database)], env, probe, args.runs))
            )
    print(f"platform: {env['QT_QPA_PLATFORM']}, demo database, median of {args.runs} warm starts")
    print(f"{'start to first painted window':<32} {'cold s':>8} {'warm s':>8}")
    for label, cold, warm in rows:
        print(f"{label:<32} {(f'{cold:.2f}' if cold is not None else 'n/a'):>8} {warm:>8.2f}")
    if BUNDLE.exists():
        deb = sorted((ROOT / "dist").glob("qdgui_*.deb"))
        print(
            f"bundle size: {folder_size(BUNDLE.parent) / 2**20:.0f} MiB"
            + (f"; .deb: {deb[-1].stat().st_size / 2**20:.0f} MiB" if deb else "")
        )


if __name__ == "__main__":
    main()
