"""Keystroke economy: 20 signings and 20 illegal-building cases typed into the real window by
keyboard alone (Xvfb + xdotool), against the data's own keystrokes.

The data's own cost ("floor") of a record is the characters of its values, plus one key per move
between its fields and one key to save. qdgui's cost is every key the clerk must press in the real
window: Tab/Shift+Tab over the fields in between, Up/Down to step a choice to its entry, and Enter. Values the form keeps from the last
entry (place, project, date, disposal ...) and its defaults cost nothing. After typing, the
database is read back and must hold exactly the 80 values typed, or the bench fails.

    .venv/bin/python bench/bench_keystrokes.py
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qdgui import i18n  # noqa: E402
from qdgui.models import repository, vocab  # noqa: E402
from qdgui.models.migrate import open_database  # noqa: E402
from qdgui.models.records import Operator, ProjectDraft  # noqa: E402
from qdgui.views.fields import FORMS  # noqa: E402
from tests.support.xwindow import RunningApp, XServer, missing_tools  # noqa: E402

DISTRICT, STREET = "370212", "370212001"
TODAY = date.today()


def signings() -> list[dict]:
    """Twenty signings as a street office's list has them (households, houses, area, agreement)."""
    rows = []
    for i in range(20):
        households = 1 + (i * 7) % 3
        rows.append(
            {
                "households": str(households),
                "houses": str(households + i % 2),
                "area_m2": str(86 + (i * 37) % 140),
                "agreement_no": f"ZC-2026-{101 + i:04d}",
                "compensation": "cash" if i % 4 else "swap",
            }
        )
    return rows


def demolitions() -> list[dict]:
    structures = ["color_steel", "brick_concrete", "steel", "color_steel"]
    found = (TODAY - timedelta(days=30)).isoformat()
    done = (TODAY - timedelta(days=1)).isoformat()
    rows = []
    for i in range(20):
        rows.append(
            {
                "case_no": f"LS-2026-{301 + i:04d}",
                "address": f"东韩社区{12 + i}号",
                "structure": structures[i % 4],
                "area_m2": str(20 + (i * 13) % 90),
                "disposal": "demolish",
                "status": "demolished",
                "found_on": found,
                "done_on": done,
            }
        )
    return rows


class Planner:
    """The keys a clerk presses for one record, given what the form holds and where the focus is."""

    def __init__(self, kind: str):
        self.spec = FORMS[kind]
        self.order = [f.name for f in self.spec.fields]
        self.kept = {f.name for f in self.spec.fields if f.keep}
        self.first = next(f.name for f in self.spec.fields if not f.keep)
        self.held: dict[str, str] = {}  # what kept fields hold after the last save

    def labels(self, name: str) -> list[str] | None:
        field = next(f for f in self.spec.fields if f.name == name)
        if field.widget != "choice":
            return None
        return [""] + [vocab.label(field.vocabulary, code) for code in field.vocabulary]

    def plan(self, record: dict) -> tuple[list[tuple[str, str]], int]:
        """([("key", name) | ("type", text)], the data's own keystrokes)."""
        steps: list[tuple[str, str]] = []
        position = self.order.index(self.first)
        floor = 0
        for name in sorted(record, key=self.order.index):
            value = record[name]
            labels = self.labels(name)
            shown = (
                vocab.label(next(f.vocabulary for f in self.spec.fields if f.name == name), value) if labels else value
            )
            floor += len(shown) + 1  # its characters, and one move (or the save, for the last)
            if self.held.get(name) == value:
                continue  # kept from the last entry
            target = self.order.index(name)
            key = "Tab" if target >= position else "shift+Tab"
            steps += [("key", key)] * abs(target - position)
            position = target
            if labels:
                held = self.held.get(name)
                current = (
                    vocab.label(next(f.vocabulary for f in self.spec.fields if f.name == name), held) if held else ""
                )
                steps += self._arrows(labels, current, shown)
            else:
                steps.append(("type", value))
            if name in self.kept:
                self.held[name] = value
        steps.append(("key", "Return"))
        return steps, floor

    @staticmethod
    def _arrows(labels: list[str], current: str, wanted: str) -> list[tuple[str, str]]:
        # A closed combo box steps through its entries with Up/Down. (Typing to search needs the
        # label's first characters, which a Chinese input method does not deliver to a combo box.)
        start = labels.index(current) if current in labels else 0
        steps = labels.index(wanted) - start
        return [("key", "Down" if steps > 0 else "Up")] * abs(steps)


def cost(steps) -> int:
    return sum(1 if kind == "key" else len(text) for kind, text in steps)


def run() -> int:
    absent = missing_tools()
    if absent:
        print(f"needs {', '.join(absent)} (apt-get install xvfb xdotool)")
        return 2
    i18n.set_language("zh_CN")
    folder = Path(tempfile.mkdtemp(prefix="qdgui-keys-"))
    db_path = folder / "qdgui.sqlite"
    database, _ = open_database(db_path)
    with database.begin() as s:
        repository.add(
            s,
            ProjectDraft("张村河片区旧村改造", "licun_river", DISTRICT, STREET, total_households=702),
            by=Operator("bench", "bench"),
            today=TODAY,
        )
    database.close()
    home = folder / "home"
    (home / "data" / "qdgui").mkdir(parents=True)
    (home / "data" / "qdgui" / "device.json").write_text(
        json.dumps(
            {
                "device_id": "bench",
                "operator": "王丽",
                "district_code": DISTRICT,
                "street_code": STREET,
                "language": "zh_CN",
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    x = XServer(1366, 768)
    app = RunningApp(x, db_path, home)
    results = []
    try:
        app.wait_window("qdgui.sqlite")
        for kind, records, tab in (("signing", signings(), "ctrl+1"), ("demolition", demolitions(), "ctrl+2")):
            app.keys(tab)
            app.wait_until(
                lambda s, k=kind: s["focus"] == FORMS[k].fields[0].name or s["focus"] == "households", what="the form"
            )
            planner = Planner(kind)
            pressed = floor = 0
            started = time.perf_counter()
            for record in records:
                steps, own = planner.plan(record)
                floor += own
                pressed += cost(steps)
                for step_kind, text in steps:
                    app.keys(text) if step_kind == "key" else app.type(text)
            app.wait_until(lambda s, n=len(records): s["table_rows"] == n, timeout=60, what=f"{kind} saves")
            results.append((kind, len(records), floor, pressed, time.perf_counter() - started))
        app.keys("ctrl+q")
        app.process.wait(20)
    finally:
        app.close()
        x.stop()
    check(db_path)
    print(f"{'kind':<12}{'records':>8}{'data keys':>11}{'keys pressed':>14}{'ratio':>8}{'typing s':>10}")
    for kind, n, floor, pressed, seconds in results:
        print(f"{kind:<12}{n:>8}{floor:>11}{pressed:>14}{pressed / floor:>8.2f}{seconds:>10.1f}")
    total_floor = sum(r[2] for r in results)
    total = sum(r[3] for r in results)
    print(f"{'all':<12}{sum(r[1] for r in results):>8}{total_floor:>11}{total:>14}{total / total_floor:>8.2f}")
    print("database read back: every typed value present")
    return 0 if total / total_floor <= 1.3 else 1


def check(db_path: Path) -> None:
    with sqlite3.connect(db_path) as con:
        got = con.execute(
            "SELECT households, houses, area_m2 / 100, agreement_no, compensation FROM signing "
            "WHERE deleted = 0 ORDER BY agreement_no"
        ).fetchall()
        want = [
            (int(r["households"]), int(r["houses"]), int(r["area_m2"]), r["agreement_no"], r["compensation"])
            for r in signings()
        ]
        assert got == want, (got[:3], want[:3])
        got = con.execute(
            "SELECT case_no, address, structure, area_m2 / 100, disposal, status, found_on, done_on "
            "FROM demolition WHERE deleted = 0 ORDER BY case_no"
        ).fetchall()
        want = [
            (
                r["case_no"],
                r["address"],
                r["structure"],
                int(r["area_m2"]),
                r["disposal"],
                r["status"],
                r["found_on"],
                r["done_on"],
            )
            for r in demolitions()
        ]
        assert got == want, (got[:3], want[:3])


if __name__ == "__main__":
    sys.exit(run())
