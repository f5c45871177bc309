"""A property-based proof of the merge (Hypothesis): three laptops, each a real qdgui database, run
random scripts of creating projects (often the same names on several laptops), entering, editing and
deleting records, exporting returns and merging each other's returns in random orders. Then two
supervisors merge the laptops' final returns in two different orders. Asserted:

1. convergence: both supervisors hold the same records, field for field and by UUID (a project two
   laptops created is one project in both, the copy with the smaller UUID, each field the later write
   of the two, and every signing points at it; a case number entered on two laptops is one case, the
   copy merged first live and the others held back for a person: the same copies in both);
2. no silent loss: every record any laptop made is in the supervisors' databases (live or deleted)
   unless it was held back for a person (a review item says so); and the loss oracle: every edit a
   laptop acknowledged (an area, an address, a finish, a deletion, a project's name or households,
   on whichever copy of the project) that no later edit replaced
   knowingly is either the value the supervisor holds or one side of a conflict listed for a person
   (edits of different fields of one record made on two laptops both stand: they merge by themselves);
3. no duplicates: no two live cases share a case number, no two live projects a district and name;
4. the databases pass SQLite's integrity and foreign-key checks.

The test runs in PARTS parts of the profile's max_examples each: the default profile, run by .ci/run,
200 examples (4 x 50, about 0.8 s each); `--hypothesis-profile=long` 10,000 (4 x 2,500, hours).
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule  # noqa: F401
from sqlalchemy import func, select, text

from qdgui.models import repository
from qdgui.models.batches import json_value
from qdgui.models.migrate import open_database
from qdgui.models.records import DemolitionDraft, Operator, ProjectDraft, SigningDraft
from qdgui.models.tables import Demolition, Project, ReviewItem, Signing
from tests.support.databases import new_database
from tests.support.merging import TODAY, export, merge

LAPTOPS = ("a", "b", "c")
PARTS = 4  # the searches the examples are shared among (tests/conftest.py: per part)
OPERATORS = {name: Operator(f"录入员{name}", f"laptop-{name}") for name in LAPTOPS}
PROJECT_NAMES = ("王台旧村改造", "张村河片区")
# A project renamed ("rename", laptop, which, new name) is not among the random steps: a rename of a
# project that two laptops created apart makes supervisors who merged in different orders disagree on
# whether the copies are still one project (README, "Merging returns": known limits). The explicit
# example below renames one no other laptop made, which every order agrees on.
CASES = tuple(f"Q-{i}" for i in range(6))
CONTENT = {
    "demolition": ("case_no", "street_code", "address", "structure", "area_m2", "status", "done_on", "deleted"),
    "signing": ("project_uuid", "signed_on", "households", "houses", "agreement_no", "deleted"),
    "project": ("name", "district_code", "total_households", "deleted"),
}
TABLES = {"demolition": Demolition, "signing": Signing, "project": Project}

step = st.one_of(
    st.tuples(st.just("project"), st.sampled_from(LAPTOPS), st.sampled_from(PROJECT_NAMES)),
    st.tuples(st.just("case"), st.sampled_from(LAPTOPS), st.sampled_from(CASES), st.integers(10, 500)),
    st.tuples(st.just("signing"), st.sampled_from(LAPTOPS), st.integers(1, 9), st.integers(1, 28)),
    st.tuples(st.just("edit"), st.sampled_from(LAPTOPS), st.integers(0, 20), st.integers(10, 500)),
    st.tuples(st.just("finish"), st.sampled_from(LAPTOPS), st.integers(0, 20)),
    st.tuples(st.just("move"), st.sampled_from(LAPTOPS), st.integers(0, 20), st.integers(1, 99)),
    st.tuples(st.just("delete"), st.sampled_from(LAPTOPS), st.integers(0, 20)),
    st.tuples(st.just("exchange"), st.sampled_from(LAPTOPS), st.sampled_from(LAPTOPS)),
    st.tuples(st.just("households"), st.sampled_from(LAPTOPS), st.integers(0, 9), st.integers(1000, 9000)),
)


@pytest.fixture(autouse=True)
def _read_in_process(monkeypatch):
    """The laptops' own returns are read by the reader child's parse, in this process: a child
    started for each of an example's dozen reads was a quarter of its time (the child itself is
    proven in test_hostile_files.py: limits, crashes, messages)."""
    from qdgui.excel import reader_child, workbook

    monkeypatch.setattr(workbook, "_parse_in_child", lambda path, limits, progress: reader_child.read_sheets(str(path)))


def _live(db, table):
    with db.sessions() as s:
        return list(s.scalars(select(table).where(table.deleted.is_(False)).order_by(table.created_at)))


def _run(tmp_path, script, counter):
    folder = tmp_path / f"example-{next(counter)}"
    folder.mkdir()
    dbs = {name: new_database(folder / f"{name}.sqlite") for name in LAPTOPS}
    made: dict[str, set[str]] = {"demolition": set(), "signing": set(), "project": set()}
    exports = 0
    edits = Edits()

    # Where every week starts: laptop A's cases are on all three laptops, so the random
    # steps often change the same record on two laptops before they meet again (field by field).
    with dbs["a"].begin() as s:
        for case_no, area in (("Q-0", 40), ("Q-1", 60)):
            made["demolition"].add(
                repository.add(
                    s,
                    DemolitionDraft(
                        case_no,
                        "370212",
                        "370212001",
                        f"株洲路{area}号",
                        "color_steel",
                        area,
                        "demolish",
                        "identified",
                        date(2026, 10, 1),
                    ),
                    by=OPERATORS["a"],
                    today=TODAY,
                )
            )
    start = export(dbs["a"], folder / "start.xlsx")
    for name in ("b", "c"):
        merge(dbs[name], start, by=OPERATORS[name])
        edits.learned(name, "a")

    def pick(name, table, index):
        rows = _live(dbs[name], table)
        return rows[index % len(rows)] if rows else None

    for action, name, *args in script:
        db, by = dbs[name], OPERATORS[name]
        if action == "project":
            with db.begin() as s:
                if s.scalar(select(Project.uuid).where(Project.name == args[0], Project.deleted.is_(False))) is None:
                    made["project"].add(
                        repository.add(
                            s,
                            ProjectDraft(args[0], "old_city_village", "370212", total_households=5000),
                            by=by,
                            today=TODAY,
                            confirm_warnings=True,
                        )
                    )
        elif action == "case":
            case_no, area = args
            with db.begin() as s:
                if s.scalar(
                    select(Demolition.uuid).where(Demolition.case_no == case_no, Demolition.deleted.is_(False))
                ):
                    continue
                made["demolition"].add(
                    repository.add(
                        s,
                        DemolitionDraft(
                            case_no,
                            "370212",
                            "370212001",
                            f"株洲路{area}号",
                            "color_steel",
                            area,
                            "demolish",
                            "identified",
                            date(2026, 10, 1),
                        ),
                        by=by,
                        today=TODAY,
                    )
                )
        elif action == "signing":
            households, day = args
            project = pick(name, Project, households)
            if project is None:
                continue
            with db.begin() as s:
                made["signing"].add(
                    repository.add(
                        s,
                        SigningDraft(
                            project.uuid,
                            "370212",
                            "370212001",
                            date(2026, 10, day),
                            households=households,
                            houses=households,
                        ),
                        by=by,
                        today=TODAY,
                        confirm_warnings=True,
                    )
                )
        elif action in ("edit", "finish", "move"):
            row = pick(name, Demolition, args[0])
            if row is None:
                continue
            if action == "edit":
                changes = {"area_m2": str(args[1])}
            elif action == "finish":
                changes = {"status": "demolished", "done_on": date(2026, 11, 1)}
            else:
                changes = {"address": f"株洲路{args[1]}号"}
            with db.begin() as s:
                fresh = s.get(Demolition, row.uuid)
                before = {f: json_value(getattr(fresh, f)) for f in changes}
                repository.update(
                    s,
                    fresh.uuid,
                    repository.draft_from_row(fresh, **changes),
                    by=by,
                    today=TODAY,
                    confirm_warnings=True,
                )
            with db.sessions() as s:  # as stored (the database's precision), after the commit
                stored = s.get(Demolition, row.uuid)
                for f in changes:
                    value = json_value(getattr(stored, f))
                    if value != before[f]:
                        edits.made(name, row.uuid, f, value)
        elif action in ("rename", "households"):
            project = pick(name, Project, args[0])
            if project is None:
                continue
            field, value = ("name", args[1]) if action == "rename" else ("total_households", args[1])
            with db.begin() as s:
                if field == "name" and s.scalar(
                    select(Project.uuid).where(Project.name == value, Project.deleted.is_(False))
                ):
                    continue  # the form refuses a second project of that name in the district
                fresh = s.get(Project, project.uuid)
                before = json_value(getattr(fresh, field))
                repository.update(
                    s,
                    fresh.uuid,
                    repository.draft_from_row(fresh, **{field: str(value)}),
                    by=by,
                    today=TODAY,
                    confirm_warnings=True,
                )
            with db.sessions() as s:
                stored = json_value(getattr(s.get(Project, project.uuid), field))
            if stored != before:
                edits.made(name, project.uuid, field, stored)
        elif action == "delete":
            row = pick(name, Demolition, args[0])
            if row is not None:
                with db.begin() as s:
                    repository.delete(s, "demolition", row.uuid, by=by)
                edits.made(name, row.uuid, "deleted", True)
        elif action == "exchange":
            other = args[0]
            if other == name:
                continue
            exports += 1
            path = export(dbs[other], folder / f"return-{other}-{exports}.xlsx")
            merge(db, path, by=by)
            edits.learned(name, other)
    finals = [export(dbs[name], folder / f"final-{name}.xlsx") for name in LAPTOPS]
    for db in dbs.values():
        db.close()
    return folder, finals, made, edits


class Edits:
    """The loss oracle's ledger: every acknowledged edit of a field, which laptop knew of it, and
    which edits a later edit replaced knowingly (made on a laptop that had already seen them)."""

    def __init__(self):
        self.edits: list[tuple[str, str, object]] = []  # (uuid, field, value) by edit number
        self.known: dict[str, set[int]] = {name: set() for name in LAPTOPS}
        self.replaced: set[int] = set()

    def made(self, laptop: str, uuid: str, field: str, value) -> None:
        for e in self.known[laptop]:
            if self.edits[e][:2] == (uuid, field):
                self.replaced.add(e)
        self.edits.append((uuid, field, value))
        self.known[laptop].add(len(self.edits) - 1)

    def learned(self, laptop: str, source: str) -> None:
        self.known[laptop] |= self.known[source]

    def standing(self):
        """The edits nobody replaced knowingly: each must be in the result or before a person."""
        return [e for i, e in enumerate(self.edits) if i not in self.replaced]


def _listed_for_a_person(paths) -> set[tuple[str, str, object]]:
    """(record, field, value) of both sides of every conflict any database holds for a person."""
    listed = set()
    for path in paths:
        db, _ = open_database(path)
        with db.sessions() as s:
            for r in s.scalars(select(ReviewItem).where(ReviewItem.reason == "conflict")):
                for side in (json.loads(r.kept or "{}"), json.loads(r.other)):
                    listed |= {(r.record_uuid, f, v) for f, v in side.items()}
        db.close()
    return listed


def _content(db):
    """Every record's content by UUID. A project that two laptops created is one project, the copy
    with the smaller UUID on every database (the other gave way to it, its records re-pointed)."""
    out = {}
    with db.sessions() as s:
        out["project"] = {
            p.uuid: tuple(str(getattr(p, f)) for f in CONTENT["project"]) for p in s.scalars(select(Project))
        }
        # A case number entered on two laptops is one real case: the copy that arrives first stays, the
        # other is held back for a person. Which is which depends on the order; the pair does not.
        groups: dict[str, set[str]] = {}  # the copies of one case: the live one and those held back
        for r in s.scalars(
            select(ReviewItem).where(ReviewItem.reason == "duplicate", ReviewItem.resolved_at.is_(None))
        ):  # a copy brought in once the one holding it was deleted is a record again (merge._released)
            group = groups.get(r.record_uuid, set()) | groups.get(r.other_uuid, set()) | {r.record_uuid, r.other_uuid}
            for uuid in group:
                groups[uuid] = group
        out["held pairs"] = {frozenset(g) for g in groups.values()}
        pending = set(groups)
        for kind in ("demolition", "signing"):
            table = TABLES[kind]
            out[kind] = {
                row.uuid: tuple(str(getattr(row, f)) for f in CONTENT[kind])
                for row in s.scalars(select(table))
                if row.uuid not in pending
            }
    return out


def _check_sound(db):
    with db.sessions() as s:
        assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert s.execute(text("PRAGMA foreign_key_check")).all() == []
        cases = s.execute(
            select(Demolition.case_no, func.count()).where(Demolition.deleted.is_(False)).group_by(Demolition.case_no)
        ).all()
        assert all(n == 1 for _, n in cases), cases
        projects = s.execute(
            select(Project.district_code, Project.name, func.count())
            .where(Project.deleted.is_(False))
            .group_by(Project.district_code, Project.name)
        ).all()
        assert all(n == 1 for *_, n in projects), projects


def _aliased(s) -> list[str]:
    return list(s.scalars(text("SELECT alias_uuid FROM reference_alias")))


def _joined_classes(paths):
    """One name for all the copies of a project that any of these databases joined."""
    parent: dict[str, str] = {}

    def find(u):
        while parent.get(u, u) != u:
            u = parent[u]
        return u

    for path in paths:
        db, _ = open_database(path)
        with db.sessions() as s:
            for alias, target in s.execute(text("SELECT alias_uuid, target_uuid FROM reference_alias")):
                a, b = find(alias), find(target)
                if a != b:
                    parent[max(a, b)] = min(a, b)
        db.close()
    return find


def _held_or_joined(db) -> set[str]:
    with db.sessions() as s:
        held = {r.other_uuid for r in s.scalars(select(ReviewItem)) if r.other_uuid}
        held |= {r.alias_uuid for r in s.execute(text("SELECT alias_uuid FROM reference_alias"))}
    return held


@pytest.mark.parametrize("part", range(PARTS))
def test_any_laptops_any_order_converge_without_loss_or_duplicates(tmp_path, part):
    """One of PARTS searches of the profile's max_examples each (so that the test workers share them)."""
    import itertools

    from hypothesis import example, given

    counter = itertools.count()

    @given(script=st.lists(step, min_size=4, max_size=18), order=st.permutations(range(len(LAPTOPS))))
    @example(  # found by the long run of 2026-12-03: a held-back copy stayed held after its holder's deletion
        script=[
            *[("project", "a", "王台旧村改造")] * 5,
            ("project", "a", "张村河片区"),
            ("case", "c", "Q-5", 468),
            ("case", "a", "Q-5", 425),
            ("move", "b", 3, 1),
            ("exchange", "b", "a"),
            ("edit", "c", 16, 248),
            ("edit", "a", 15, 357),
            ("signing", "a", 1, 26),
            ("exchange", "b", "c"),
            ("delete", "b", 5),
            ("finish", "b", 5),
            ("move", "b", 2, 13),
            ("exchange", "b", "b"),
        ],
        order=[0, 2, 1],
    )
    @example(  # found by the long run of 2026-12-03: a joined copy's edit older than the record's creation
        script=[
            ("project", "c", "王台旧村改造"),
            ("exchange", "b", "c"),
            ("households", "c", 0, 2267),
            ("project", "a", "王台旧村改造"),
        ],
        order=[1, 2, 0],
    )
    @example(  # found by the long run of 2026-12-03: a copy held back as a duplicate, deleted by its laptop
        script=[
            ("case", "a", "Q-4", 10),
            ("case", "b", "Q-4", 10),
            ("exchange", "c", "a"),
            ("delete", "a", 2),
        ],
        order=[1, 2, 0],
    )
    @example(  # found by the long run of 2026-12-03: three copies of one project, one with new households
        script=[
            ("project", "a", "王台旧村改造"),
            ("project", "c", "张村河片区"),
            ("project", "b", "张村河片区"),
            ("households", "c", 0, 6775),
            ("project", "a", "张村河片区"),
        ],
        order=[2, 0, 1],
    )
    @example(  # a project only one laptop made, renamed and given households after the others saw it
        script=[
            ("project", "b", "张村河片区"),
            ("signing", "b", 3, 9),
            ("exchange", "a", "b"),
            ("rename", "b", 0, "李村河片区"),
            ("households", "b", 0, 4321),
            ("exchange", "c", "b"),
            ("households", "a", 0, 1234),
        ],
        order=[2, 1, 0],
    )
    def check(script, order):
        folder, finals, made, edits = _run(tmp_path, script, counter)
        first, second = new_database(folder / "boss-1.sqlite"), new_database(folder / "boss-2.sqlite")
        boss = Operator("张主任", "supervisor")
        for path in finals:
            merge(first, path, by=boss)
        for i in order:
            merge(second, finals[i], by=boss)
        for db in (first, second):
            _check_sound(db)
        one, two = _content(first), _content(second)
        for kind in (*TABLES, "held pairs"):
            assert one[kind] == two[kind], (kind, json.dumps(script, ensure_ascii=False))
        # A project's copies joined on any database are one project: an edit of one copy counts on
        # the copy it was joined to.
        paths = [*(folder / f"{n}.sqlite" for n in LAPTOPS), folder / "boss-1.sqlite", folder / "boss-2.sqlite"]
        one_of = _joined_classes(paths)
        # nothing a laptop made vanishes: it is here (or the copy it gave way to), or held back
        with first.sessions() as s:
            here = {kind: {one_of(u) for u in s.scalars(select(table.uuid))} for kind, table in TABLES.items()}
        for kind, uuids in made.items():
            missing = {u for u in uuids if one_of(u) not in here[kind]} - _held_or_joined(first)
            assert not missing, (kind, missing, json.dumps(script, ensure_ascii=False))
        # the loss oracle: no edit a laptop acknowledged is silently lost. Each one nobody replaced
        # knowingly is the value the supervisor holds, or one side of a conflict listed for a person
        # (here or on the laptop that merged it); edits to different fields all stand.
        with first.sessions() as s:
            held_back = {r.other_uuid for r in s.scalars(select(ReviewItem)) if r.other_uuid}
            holds = {
                (one_of(r.uuid), f): json_value(getattr(r, f))
                for kind in ("demolition", "project")
                for r in s.scalars(select(TABLES[kind]).where(TABLES[kind].uuid.not_in(_aliased(s))))
                for f in CONTENT[kind]
            }
        listed = None
        for uuid, f, value in edits.standing():
            if uuid in held_back or holds.get((one_of(uuid), f)) == value:
                continue
            if listed is None:
                listed = {(one_of(u), f, v) for u, f, v in _listed_for_a_person(paths[:4])}
            assert (one_of(uuid), f, value) in listed, (
                uuid,
                f,
                value,
                holds.get((one_of(uuid), f)),
                json.dumps(script, ensure_ascii=False),
            )
        first.close()
        second.close()

    check()
