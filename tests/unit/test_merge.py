"""Merging laptops' returns: A and B start from the same data, change records offline, and export;
the supervisor merges in any order, twice, and gets the same database with the conflicts reported."""

import json
from datetime import date

import pytest
from sqlalchemy import func, select, text

from qdgui.excel import importer
from qdgui.excel.ledger import LedgerError, write_ledger
from qdgui.models import repository
from qdgui.models.database import DatabaseError
from qdgui.models.migrate import open_database
from qdgui.models.records import CommunityDraft, DemolitionDraft, Operator, ProjectDraft, SigningDraft
from qdgui.models.tables import Community, Demolition, ImportBatch, Park, Project, ReferenceAlias, ReviewItem, Signing
from tests.support.merging import BOSS, TODAY, A, B, edit, export, merge, seed, snapshot  # noqa: F401


def supervisor(tmp_path, name, returns, order):
    db, _ = open_database(tmp_path / f"{name}.sqlite")
    merge(db, returns["base"])
    reports = [merge(db, returns[k]) for k in order]
    return db, reports


def comparable(snap):
    return {k: [{f: v for f, v in r.items() if f != "source_file"} for r in rows] for k, rows in snap.items()}


def test_merging_in_any_order_and_twice_gives_the_same_database_with_the_conflict_reported(tmp_path, returns):
    one, reports_ab = supervisor(tmp_path, "s1", returns, ["a", "b"])
    two, reports_ba = supervisor(tmp_path, "s2", returns, ["b", "a"])
    first, second = snapshot(one), snapshot(two)
    assert comparable(first) == comparable(second)
    assert first == second  # even the file each record last came from

    # what the accounts said
    a_then_b = [r.merged.counts for r in reports_ab]
    assert (a_then_b[0]["inserted"], a_then_b[0]["updated"], a_then_b[0]["deleted"]) == (1, 3, 1)
    second_counts = a_then_b[1]
    assert [second_counts[k] for k in ("inserted", "updated", "combined", "conflicts", "similar")] == [1, 1, 1, 1, 1]
    lines = "\n".join(reports_ab[1].lines())
    # ZH-0: A finished it, B measured it; ZH-1: both measured it (a person decides), B moved its address
    assert (
        "两边在不同字段都有修改，已自动合并：拆违案件 ZH-0 中韩街道 株洲路0号 2026-10-01（工作表“拆违治乱”第 2 行）：来自回传文件：面积（㎡）"
        in lines
    )
    assert (
        "两边都有修改，请逐项选择：拆违案件 ZH-1 中韩街道 株洲路1号东 2026-10-01（工作表“拆违治乱”第 3 行）：面积（㎡）"
        in lines
    )
    assert (
        "已自动合并：拆违案件 ZH-1 中韩街道 株洲路1号东 2026-10-01（工作表“拆违治乱”第 3 行）：来自回传文件：地址"
        in lines
    )

    with one.sessions() as s:
        cases = dict(s.execute(select(Demolition.case_no, Demolition.deleted)).all())
        assert cases == {
            "ZH-0": False,
            "ZH-1": False,
            "ZH-2": False,
            "A-9": False,
            "B-3": False,
        }  # none lost or doubled
        zh0 = s.scalar(select(Demolition).where(Demolition.case_no == "ZH-0"))
        assert (zh0.area_m2, zh0.status, zh0.done_on) == (130, "demolished", date(2026, 11, 20))  # both edits
        zh1 = s.scalar(select(Demolition).where(Demolition.case_no == "ZH-1"))
        # B measured last: its area is held for now, A's beside it for a person; B's address by itself
        assert (zh1.area_m2, zh1.address) == (122, "株洲路1号东")
        signings = {r.agreement_no: (r.households, r.deleted) for r in s.scalars(select(Signing))}
        assert signings == {"DJ-0": (10, False), "DJ-1": (11, True), "DJ-2": (20, False)}
        assert s.scalar(select(Park.name)) == "石老人社区口袋公园"
        items = s.execute(
            select(ReviewItem.reason, ReviewItem.table_name, ReviewItem.kept, ReviewItem.other).order_by(
                ReviewItem.reason
            )
        ).all()
    assert [(i.reason, i.table_name) for i in items] == [("conflict", "demolition"), ("similar", "demolition")]
    conflict = items[0]
    kept, other = json.loads(conflict.kept), json.loads(conflict.other)
    assert {f for f in kept if kept[f] != other[f]} == {"area_m2"}  # only the field both changed
    assert (kept["area_m2"], other["area_m2"], kept["address"], other["address"]) == (
        "122.00",
        "111.00",
        "株洲路1号东",
        "株洲路1号东",
    )
    with one.sessions() as s:
        sides = s.execute(select(ReviewItem.kept_by, ReviewItem.other_by).where(ReviewItem.reason == "conflict")).one()
    assert sides == ("李强 (laptop-b)", "王丽 (laptop-a)")

    # merging both returns again changes nothing at all
    for path in (returns["a"], returns["b"], returns["base"]):
        again = merge(one, path)
        assert again.batch_id is None and again.imported == 0
        assert "未写入任何内容" in "\n".join(again.lines())
    assert snapshot(one) == first
    with one.sessions() as s:
        assert s.scalar(select(func.count()).select_from(ReviewItem)) == 2  # not reported twice
    one.close()
    two.close()


def test_every_record_remembers_its_laptop_and_file(tmp_path, returns):
    db, _ = supervisor(tmp_path, "s", returns, ["a"])
    with db.sessions() as s:
        case = s.scalar(select(Demolition).where(Demolition.case_no == "A-9"))
        assert (case.device, case.operator, case.source_file) == ("laptop-a", "王丽", "return-a.xlsx")
        untouched = s.scalar(select(Demolition).where(Demolition.case_no == "ZH-2"))
        assert untouched.source_file == "base.xlsx"
    db.close()


def test_a_newer_version_replaces_and_a_merge_batch_can_be_undone(tmp_path, returns):
    db, reports = supervisor(tmp_path, "s", returns, ["a"])
    with db.sessions() as s:
        assert s.scalar(select(Demolition.status).where(Demolition.case_no == "ZH-0")) == "demolished"
    importer.undo(db, reports[0].batch_id, by=BOSS)
    with db.sessions() as s:
        assert s.scalar(select(Demolition.status).where(Demolition.case_no == "ZH-0")) == "identified"
        assert s.scalar(select(func.count()).select_from(Demolition).where(Demolition.case_no == "A-9")) == 0
        assert s.scalar(select(Signing.deleted).where(Signing.agreement_no == "DJ-1")) is False
    # merged again after the undo, it all comes back
    again = merge(db, returns["a"])
    assert again.merged.counts["inserted"] == 1 and again.merged.counts["updated"] == 3
    db.close()


def test_a_record_with_the_same_case_number_is_held_back_not_duplicated(tmp_path, returns):
    db, _ = supervisor(tmp_path, "s", returns, ["a"])
    other, _ = open_database(tmp_path / "c.sqlite")
    merge(other, returns["base"])
    with other.begin() as s:
        repository.add(
            s,
            DemolitionDraft(
                "A-9", "370212", "370212001", "另一处", "steel", 10, "demolish", "identified", date(2026, 11, 19)
            ),
            by=Operator("赵敏", "laptop-c"),
            today=TODAY,
        )
    ret = export(other, tmp_path / "return-c.xlsx")
    other.close()
    report = merge(db, ret)
    assert report.merged.counts["held"] == 1 and report.merged.counts["inserted"] == 0
    with db.sessions() as s:
        assert s.execute(select(Demolition.address).where(Demolition.case_no == "A-9")).scalars().all() == ["海尔路9号"]
        item = s.scalar(select(ReviewItem).where(ReviewItem.reason == "duplicate"))
        assert json.loads(item.other)["address"] == "另一处"
    db.close()


def test_a_damaged_return_writes_nothing(tmp_path, returns):
    import openpyxl

    book = openpyxl.load_workbook(returns["a"])
    sheet = book["拆违治乱"]
    sheet["A3"] = "not-a-uuid"
    damaged = tmp_path / "damaged.xlsx"
    book.save(damaged)
    db, _ = open_database(tmp_path / "s.sqlite")
    merge(db, returns["base"])
    before = snapshot(db)
    with pytest.raises(importer.ImportRefused, match="damaged.xlsx 是 qdgui 导出的台账，但导出后被改动过"):
        merge(db, damaged)  # changed after the export: said first
    with pytest.raises(LedgerError, match="第 3 行：记录编号（UUID）缺失或损坏"):
        merge(db, damaged, accept_edited=True)
    assert snapshot(db) == before
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(ImportBatch)) == 1
    db.close()


def test_a_conflict_is_resolved_field_by_field_and_the_choice_travels_on(tmp_path, returns):
    from qdgui.models import review

    db, _ = supervisor(tmp_path, "s", returns, ["a", "b"])
    with db.sessions() as s:
        (item,) = [i for i in review.open_items(s) if i.reason == "conflict"]
    assert item.differing() == ["area_m2"]
    # both measured ZH-1: the supervisor takes A's area (B's is held meanwhile)
    with db.begin() as s:
        review.resolve_conflict(s, item.id, {"area_m2": "other"}, by=BOSS, today=TODAY)
    with db.sessions() as s:
        zh1 = s.scalar(select(Demolition).where(Demolition.case_no == "ZH-1"))
        assert (zh1.area_m2, zh1.address) == (111, "株洲路1号东")
        assert [i.reason for i in review.open_items(s)] == ["similar"]
    resolved = snapshot(db)
    for path in (returns["a"], returns["b"]):  # the laptops' old versions no longer win or conflict
        assert merge(db, path).batch_id is None
    assert snapshot(db) == resolved
    # the supervisor's ledger brings the decision back to laptop A
    back = export(db, tmp_path / "from-supervisor.xlsx")
    laptop, _ = open_database(tmp_path / "a.sqlite")
    report = merge(laptop, back, by=A)
    assert report.merged.counts["conflicts"] == 0
    with laptop.sessions() as s:
        zh1 = s.scalar(select(Demolition).where(Demolition.case_no == "ZH-1"))
        assert (zh1.area_m2, zh1.address) == (111, "株洲路1号东")
    laptop.close()
    db.close()


def _laptop_with_its_own_project(tmp_path, name, by, households):
    """A laptop that created 张村河片区旧村改造 and 董家下庄 itself (its own UUIDs) and signed there."""
    db, _ = open_database(tmp_path / f"{name}.sqlite")
    with db.begin() as s:
        project = repository.add(
            s,
            ProjectDraft("张村河片区旧村改造", "licun_river", "370212", "370212001", total_households=4000),
            by=by,
            today=TODAY,
        )
        village = repository.add(s, CommunityDraft("370212001", "董家下庄", "village"), by=by, today=TODAY)
        for i, n in enumerate(households):
            repository.add(
                s,
                SigningDraft(
                    project,
                    "370212",
                    "370212001",
                    date(2026, 11, 2 + i),
                    households=n,
                    houses=n,
                    community_uuid=village,
                    agreement_no=f"{name}-{i}",
                ),
                by=by,
                today=TODAY,
            )
    path = export(db, tmp_path / f"return-{name}.xlsx")
    db.close()
    return path


def test_laptops_that_created_the_same_project_merge_into_one_project(tmp_path):
    a = _laptop_with_its_own_project(tmp_path, "a", A, (10, 11))
    b = _laptop_with_its_own_project(tmp_path, "b", B, (20, 21, 22))
    boss, _ = open_database(tmp_path / "boss.sqlite")
    merge(boss, a)
    preview = importer.preview(boss, importer.read(b), importer.ImportOptions(), by=BOSS, today=TODAY)
    assert preview.merged.counts["joined"] == 2 and preview.merged.counts["inserted"] == 3  # no foreign-key crash
    assert any("将合并为同一条" in line for line in preview.lines())  # a preview says what it would do
    assert not any("已合并" in line for line in preview.lines())
    report = merge(boss, b)
    assert report.merged.counts["joined"] == 2 and report.merged.counts["inserted"] == 3
    assert any("已合并为同一条" in line for line in report.lines())
    assert any("与本库已有项目相同，已合并：张村河片区旧村改造" in line for line in report.lines())
    with boss.sessions() as s:
        (project,) = s.scalars(select(Project.uuid)).all()  # one project, one village
        (village,) = s.scalars(select(Community.uuid)).all()
        signings = s.execute(select(Signing.households, Signing.project_uuid, Signing.community_uuid)).all()
        assert sorted(h for h, _, _ in signings) == [10, 11, 20, 21, 22]
        assert {(p, v) for _, p, v in signings} == {(project, village)}  # B's signings re-pointed at A's
        assert s.execute(text("PRAGMA foreign_key_check")).all() == []
    again = merge(boss, b)  # the same laptop's next return: its copies are known now
    assert again.merged.counts["inserted"] == 0 and again.merged.counts["joined"] == 0
    assert again.batch_id is None or again.merged.counts["unchanged"] == 7
    importer.undo(boss, report.batch_id, by=BOSS)  # undoing B's merge takes its signings and the joins
    with boss.sessions() as s:
        assert sorted(s.scalars(select(Signing.households))) == [10, 11]
        assert s.scalar(select(func.count()).select_from(ReferenceAlias)) == 0
    boss.close()


def test_the_same_project_from_two_laptops_is_the_copy_with_the_smaller_uuid_in_every_order(tmp_path):
    """Whichever laptop's return comes first, the project (and village) is the copy with the smaller
    UUID, every signing points at it, and an undo of the merge that made ours give way puts ours back."""
    paths = {
        n: _laptop_with_its_own_project(tmp_path, n, by, households)
        for n, by, households in (("a", A, (10, 11)), ("b", B, (20, 21, 22)))
    }
    found = []
    for order in (("a", "b"), ("b", "a")):
        boss, _ = open_database(tmp_path / f"boss-{''.join(order)}.sqlite")
        merge(boss, paths[order[0]])
        before = snapshot(boss)
        second = merge(boss, paths[order[1]])
        with boss.sessions() as s:
            (project,) = s.scalars(select(Project.uuid)).all()
            (village,) = s.scalars(select(Community.uuid)).all()
            aliases = dict(s.execute(select(ReferenceAlias.alias_uuid, ReferenceAlias.target_uuid)).all())
            signings = s.execute(select(Signing.households, Signing.project_uuid, Signing.community_uuid)).all()
            assert {(p, v) for _, p, v in signings} == {(project, village)}
            assert sorted(h for h, _, _ in signings) == [10, 11, 20, 21, 22]
            assert set(aliases.values()) == {project, village} and all(a > t for a, t in aliases.items())
        found.append((project, village))
        importer.undo(boss, second.batch_id, by=BOSS)
        assert comparable(snapshot(boss)) == comparable(before)  # ours back, its signings at it again
        boss.close()
    assert found[0] == found[1]


def test_a_rename_of_a_laptops_copy_of_a_joined_project_reaches_the_project_it_was_joined_to(tmp_path):
    """Laptops A and B created the same project; the supervisor joined B's copy to A's (A's has the
    smaller UUID: the laptops are named so). B then renames its project and corrects its households:
    both reach the supervisor's project, once; an undo takes them back; a field changed on both sides
    goes to a person, holding the later write."""
    paths = {n: _laptop_with_its_own_project(tmp_path, n, by, (10,)) for n, by in (("a", A), ("b", B))}
    uuids = {}
    for n in paths:
        laptop, _ = open_database(tmp_path / f"{n}.sqlite")
        with laptop.sessions() as s:
            uuids[n] = s.scalar(select(Project.uuid))
        laptop.close()
    if uuids["a"] > uuids["b"]:  # "b" is the laptop whose copy gives way
        (tmp_path / "a.sqlite").rename(tmp_path / "x.sqlite")
        (tmp_path / "b.sqlite").rename(tmp_path / "a.sqlite")
        (tmp_path / "x.sqlite").rename(tmp_path / "b.sqlite")
        paths = {"a": paths["b"], "b": paths["a"]}
    boss, _ = open_database(tmp_path / "boss.sqlite")
    merge(boss, paths["a"])
    merge(boss, paths["b"])  # B's copy joined to A's
    b, _ = open_database(tmp_path / "b.sqlite")
    edit(b, Project, Project.name == "张村河片区旧村改造", B, name="张村河片区旧村改造一期", total_households="4200")
    renamed = export(b, tmp_path / "return-b-2.xlsx")
    report = merge(boss, renamed)
    assert any("已带到本库" in line and "名称、总户数" in line for line in report.lines()), report.lines()
    with boss.sessions() as s:
        (project,) = s.scalars(select(Project).where(Project.deleted.is_(False))).all()
        assert (project.name, project.total_households, project.device) == ("张村河片区旧村改造一期", 4200, "laptop-b")
        a_uuid = project.uuid
        assert {p for (p,) in s.execute(select(Signing.project_uuid))} == {a_uuid}
    again = merge(boss, renamed)  # the same return once more: nothing new
    assert again.batch_id is None or again.merged.counts["updated"] == 0
    importer.undo(boss, report.batch_id, by=BOSS)
    with boss.sessions() as s:
        assert s.scalar(select(Project.name).where(Project.uuid == a_uuid)) == "张村河片区旧村改造"
    assert merge(boss, renamed).merged.counts["updated"] == 1  # undone, it is brought again
    # Both sides change the households: B's later write is held, the supervisor's is for a person.
    edit(boss, Project, Project.uuid == a_uuid, BOSS, total_households="4300")
    edit(b, Project, Project.uuid != a_uuid, B, total_households="4400")
    both = merge(boss, export(b, tmp_path / "return-b-3.xlsx"))
    assert any("两边都改了" in line or "逐项选择" in line for line in both.lines()), both.lines()
    with boss.sessions() as s:
        assert s.scalar(select(Project.total_households).where(Project.uuid == a_uuid)) == 4400
        (item,) = s.scalars(select(ReviewItem).where(ReviewItem.reason == "conflict")).all()
        assert item.record_uuid == a_uuid
        assert json.loads(item.kept)["total_households"] == 4400
        assert json.loads(item.other)["total_households"] == 4300
        assert s.execute(text("PRAGMA foreign_key_check")).all() == []
    b.close()
    boss.close()


def test_a_rename_to_the_name_of_another_project_here_is_kept_for_a_person_not_a_crash(tmp_path):
    """A laptop renames its project to the name another project here already has (the two laptops
    had not met): the merge keeps ours as it was, lists the change for a person and merges the rest."""
    a, _ = open_database(tmp_path / "a.sqlite")
    b, _ = open_database(tmp_path / "b.sqlite")
    for db, name, by in ((a, "王台旧村改造", A), (b, "张村河片区", B)):
        with db.begin() as s:
            repository.add(
                s, ProjectDraft(name, "old_city_village", "370212", total_households=5000), by=by, today=TODAY
            )
    merge(b, export(a, tmp_path / "a-1.xlsx"), by=B)
    edit(a, Project, Project.name == "王台旧村改造", A, name="张村河片区", total_households="5100")
    before = snapshot(b)
    report = merge(b, export(a, tmp_path / "a-2.xlsx"), by=B)
    assert report.merged.counts["conflicts"] == 1
    assert any("改成了本库另一条记录的" in line and "名称" in line for line in report.lines()), report.lines()
    with b.sessions() as s:
        names = sorted(s.execute(select(Project.name, Project.total_households)).all())
        assert names == [("张村河片区", 5000), ("王台旧村改造", 5100)]  # the households came, the name did not
        (item,) = s.scalars(select(ReviewItem).where(ReviewItem.reason == "conflict")).all()
        assert json.loads(item.other)["name"] == "张村河片区" and json.loads(item.kept)["name"] == "王台旧村改造"
    importer.undo(b, report.batch_id, by=B)
    assert comparable(snapshot(b)) == comparable(before)
    a.close()
    b.close()


def test_a_street_renamed_or_added_on_a_laptop_does_not_make_its_return_unreadable(tmp_path):
    """The return carries the laptop's divisions by code: a renamed street is read by its code, one the
    laptop added comes with it, and one added on both sides under the same name is one street."""
    from qdgui.models.records import DemolitionDraft
    from qdgui.models.tables import Demolition, Division

    laptop, _ = open_database(tmp_path / "laptop.sqlite")
    boss, _ = open_database(tmp_path / "boss.sqlite")
    with boss.begin() as s:
        boss_new = repository.add_street(s, "370212", "张村河新城街道")
    with laptop.begin() as s:
        repository.rename_division(s, "370212001", "中韩街道（新）")
        new_street = repository.add_street(s, "370212", "金家岭新区街道")
        both = repository.add_street(s, "370212", "张村河新城街道")
        for i, street in enumerate(("370212001", new_street, both)):
            repository.add(
                s,
                DemolitionDraft(
                    f"RN-{i}",
                    "370212",
                    street,
                    f"株洲路{i}号",
                    "color_steel",
                    50,
                    "demolish",
                    "identified",
                    date(2026, 10, 1),
                ),
                by=A,
                today=TODAY,
            )
    path = tmp_path / "laptop.xlsx"
    with laptop.sessions() as s:
        write_ledger(s, path)
    preview = importer.preview(boss, importer.read(path), importer.ImportOptions(), by=BOSS, today=TODAY)
    assert preview.merged.counts["inserted"] == 3
    report = merge(boss, path)
    assert report.merged.counts["inserted"] == 3
    with boss.sessions() as s:
        streets = dict(s.execute(select(Demolition.case_no, Demolition.street_code)).all())
        assert streets == {"RN-0": "370212001", "RN-1": new_street, "RN-2": boss_new}
        assert s.get(Division, "370212001").name == "中韩街道"  # the supervisor's own name stays
        assert s.get(Division, new_street).name == "金家岭新区街道" and s.get(Division, both) is None


def test_incoming_records_pass_the_forms_rules_or_are_held_back_with_the_reason(tmp_path):
    """A return edited after export (values inside the database's CHECKs, outside the forms' rules)."""
    import openpyxl

    from qdgui.models.records import DemolitionDraft

    laptop, _ = open_database(tmp_path / "laptop.sqlite")
    with laptop.begin() as s:
        for i in range(3):
            repository.add(
                s,
                DemolitionDraft(
                    f"TM-{i}",
                    "370212",
                    "370212001",
                    f"株洲路{i}号",
                    "color_steel",
                    50,
                    "demolish",
                    "demolished",
                    date(2026, 10, 1),
                    date(2026, 10, 20),
                ),
                by=A,
                today=TODAY,
            )
    path = export(laptop, tmp_path / "return.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["拆违治乱"]
    headers = [c.value for c in sheet[1]]
    rows = {sheet.cell(r, headers.index("违建编号") + 1).value: r for r in range(2, sheet.max_row + 1)}
    sheet.cell(rows["TM-1"], headers.index("办结日期") + 1).value = None  # a finished case without its date
    sheet.cell(rows["TM-2"], headers.index("发现日期") + 1).value = "2031-01-01"  # found after it was done
    book.save(path)

    boss, _ = open_database(tmp_path / "boss.sqlite")
    report = merge(boss, path, accept_edited=True)
    assert report.edited
    assert report.merged.counts["inserted"] == 1 and report.merged.counts["held"] == 2
    held = [line for line in report.lines() if line.startswith("  暂缓合并，不符合录入规则")]
    assert len(held) == 2
    assert "2 条记录暂缓合并：不符合录入规则，或不在此账户的地点范围内（见下）。" in report.lines()
    assert any("疑似重复暂缓 0" in line for line in report.lines())  # held for the rules, not as duplicates
    assert any("TM-1" in line and "办结日期：已办结的案件需要填写办结日期" in line for line in held), held
    assert any("TM-2" in line and "发现日期" in line for line in held), held
    with boss.sessions() as s:
        assert s.scalars(select(Demolition.case_no)).all() == ["TM-0"]


def test_look_alikes_are_flagged_against_records_here_not_among_one_returns_own(tmp_path):
    from qdgui.models.records import DemolitionDraft

    laptop, _ = open_database(tmp_path / "laptop.sqlite")
    with laptop.begin() as s:
        for i in range(3):  # three cases at one address found the same day: distinct on that laptop
            repository.add(
                s,
                DemolitionDraft(
                    f"SA-{i}",
                    "370212",
                    "370212001",
                    "株洲路8号院",
                    "color_steel",
                    30 + i,
                    "demolish",
                    "identified",
                    date(2026, 10, 1),
                ),
                by=A,
                today=TODAY,
            )
    path = export(laptop, tmp_path / "return.xlsx")
    empty, _ = open_database(tmp_path / "empty.sqlite")
    report = merge(empty, path)
    assert report.merged.counts["inserted"] == 3 and report.merged.counts["similar"] == 0

    here, _ = open_database(tmp_path / "here.sqlite")
    with here.begin() as s:
        repository.add(
            s,
            DemolitionDraft(
                "HERE-1", "370212", "370212001", "株洲路8号院", "steel", 40, "demolish", "identified", date(2026, 10, 1)
            ),
            by=BOSS,
            today=TODAY,
        )
    report = merge(here, path)
    assert report.merged.counts["inserted"] == 3 and report.merged.counts["similar"] == 3  # each is like ours


def test_a_return_says_what_it_is_and_one_changed_after_export_is_caught(tmp_path, returns):
    """The meta sheet names the format, schema, sending database, export time and a content hash of the
    sheets; the hash reads back equal from the untouched file (every kind, decimals, dates, formula-like
    text), and one changed cell (any sheet) is reported before anything is written."""
    import openpyxl

    from qdgui.excel.ledger import read_ledger
    from qdgui.models import demo

    laptop, _ = open_database(tmp_path / "laptop.sqlite")
    with laptop.begin() as s:
        demo.fill(s, today=TODAY)
        repository.add(
            s,
            DemolitionDraft(
                "=1+1", "370212", "370212001", "@株洲路", "steel", "12.34", "demolish", "identified", date(2026, 11, 1)
            ),
            by=A,
            today=TODAY,
        )
    path = export(laptop, tmp_path / "return.xlsx")
    ledger = read_ledger(path)
    assert not ledger.edited and len(str(ledger.meta["content_sha256"])) == 64
    from qdgui.models.migrate import head_revision

    assert ledger.meta["format_version"] == 3 and ledger.meta["schema"] == head_revision()
    assert ledger.meta["database_id"] and ledger.meta["exported_at"]

    book = openpyxl.load_workbook(path)
    sheet = book["拆违治乱"]
    headers = [c.value for c in sheet[1]]
    sheet.cell(2, headers.index("面积（㎡）") + 1).value = 99999
    changed = tmp_path / "changed.xlsx"
    book.save(changed)
    assert read_ledger(changed).edited and read_ledger(changed).changed_rows["demolition"] == {2}
    boss, _ = open_database(tmp_path / "boss.sqlite")
    before = snapshot(boss)
    with pytest.raises(importer.ImportRefused, match="changed.xlsx 是 qdgui 导出的台账，但导出后被改动过"):
        merge(boss, changed)
    assert snapshot(boss) == before
    preview = importer.preview(boss, importer.read(changed), importer.ImportOptions(), by=BOSS, today=TODAY)
    assert preview.edited and "导出后被改动过" in "\n".join(preview.lines())
    assert merge(boss, changed, accept_edited=True).merged.counts["inserted"] > 0
    laptop.close()
    boss.close()


def test_a_return_of_an_older_qdgui_still_merges_and_never_loses_an_edit(tmp_path):
    """A v2 return (no field versions, no content hash): it merges. A record both sides changed, in
    different fields: a field this side never wrote since it was created takes the return's value;
    the fields this side wrote go to a person, as nothing says whether the return wrote them too."""
    import openpyxl

    origin, _ = open_database(tmp_path / "origin.sqlite")
    seed(origin)
    base = export(origin, tmp_path / "base.xlsx")
    laptop, _ = open_database(tmp_path / "laptop.sqlite")
    boss, _ = open_database(tmp_path / "boss.sqlite")
    for db in (laptop, boss):
        merge(db, base)
    edit(laptop, Demolition, Demolition.case_no == "ZH-0", A, area_m2="140")
    edit(boss, Demolition, Demolition.case_no == "ZH-0", BOSS, status="demolished", done_on=date(2026, 11, 20))
    path = export(laptop, tmp_path / "return.xlsx")
    book = openpyxl.load_workbook(path)
    meta = book["qdgui"]
    for row in meta.iter_rows():
        if row[0].value == "format_version":
            row[1].value = 2
        if row[0].value == "content_sha256":
            row[1].value = None
        if row[0].value == "sheet":  # the field versions and row check columns were not there
            keys = [c.value for c in row]
            for key in ("row_check", "dots"):
                if key in keys:
                    book[row[1].value].delete_cols(keys.index(key) - 2)
                    row[keys.index(key)].value = None
    book.save(path)
    report = merge(boss, path)
    assert not report.edited
    assert report.merged.counts["conflicts"] == 1 and report.merged.counts["combined"] == 0
    with boss.sessions() as s:
        item = s.scalar(select(ReviewItem).where(ReviewItem.reason == "conflict"))
        kept, other = json.loads(item.kept), json.loads(item.other)
    assert {f for f in kept if kept[f] != other[f]} == {"status", "done_on"}
    assert (kept["status"], other["status"], kept["area_m2"], other["area_m2"]) == (
        "demolished",
        "identified",
        "140.00",
        "140.00",
    )
    for db in (origin, laptop, boss):
        db.close()


def test_a_row_changed_by_hand_is_held_for_a_person_and_the_rest_of_the_return_merges(tmp_path, returns):
    """The supervisor already holds the records; someone changed two cells of one row of laptop A's
    return in Excel. Nothing of that row is taken by itself: the cells that differ from here go to a
    person (the two changed by hand and A's own finish of the case, all in that row; not B's later
    area, which A's return had not seen), the record stays as it is here, and A's other rows merge."""
    import openpyxl

    from qdgui.excel.ledger import read_ledger
    from qdgui.models import review

    db, _ = open_database(tmp_path / "boss.sqlite")
    merge(db, returns["base"])
    merge(db, returns["b"])  # B measured ZH-0 (130): a later write A's return has not seen
    book = openpyxl.load_workbook(returns["a"])
    sheet = book["拆违治乱"]
    headers = [c.value for c in sheet[1]]
    rows = {sheet.cell(r, headers.index("违建编号") + 1).value: r for r in range(2, sheet.max_row + 1)}
    sheet.cell(rows["ZH-0"], headers.index("重点片区") + 1).value = "东部片区"
    sheet.cell(rows["ZH-0"], headers.index("备注") + 1).value = "手工补记"
    changed = tmp_path / "return-a-changed.xlsx"
    book.save(changed)
    assert read_ledger(changed).changed_rows == {
        "project": frozenset(),
        "annual_target": frozenset(),
        "community": frozenset(),
        "signing": frozenset(),
        "demolition": frozenset({rows["ZH-0"]}),
        "park": frozenset(),
    }
    report = merge(db, changed, accept_edited=True)
    lines = "\n".join(report.lines())
    assert (
        "导出后被手工改动，请人工确认：拆违案件 ZH-0 中韩街道 株洲路0号 2026-10-01"
        f"（工作表“拆违治乱”第 {rows['ZH-0']} 行）：重点片区、状态、办结日期、备注"
    ) in lines
    assert "两边都有修改，请逐项选择：拆违案件 ZH-1" in lines  # a real conflict of A and B, as ever
    assert report.merged.counts["conflicts"] == 2 and report.merged.counts["deleted"] == 1  # DJ-1 by A
    with db.sessions() as s:
        zh0 = s.scalar(select(Demolition).where(Demolition.case_no == "ZH-0"))
        assert (zh0.key_zone, zh0.remarks, zh0.area_m2, zh0.status) == (None, None, 130, "identified")
        items = {i.record_uuid: i for i in review.open_items(s) if i.reason == "conflict"}
    item = items[zh0.uuid]
    assert (
        set(item.differing()) == {"key_zone", "status", "done_on", "remarks"} and item.other["key_zone"] == "东部片区"
    )
    assert item.other_by == "return-a-changed.xlsx 中手工改动"
    again = merge(db, changed, accept_edited=True)
    with db.sessions() as s:  # merged again: the same row is not listed twice
        assert len([i for i in review.open_items(s) if i.reason == "conflict"]) == 2
    assert again.batch_id is None
    db.close()


def test_a_case_deleted_and_entered_again_under_its_number_merges_without_a_false_hold(tmp_path):
    """Found by the property test: laptop A deleted case Q-0 and entered it again (a new record,
    same number). Its return deletes the old record and brings the new one; the number freed by the
    deletion is not held back as a duplicate of the record the same return deletes."""
    laptop, _ = open_database(tmp_path / "laptop.sqlite")
    draft = DemolitionDraft(
        "Q-0", "370212", "370212001", "株洲路63号", "color_steel", 30, "demolish", "identified", date(2026, 10, 1)
    )
    with laptop.begin() as s:
        old = repository.add(s, draft, by=A, today=TODAY)
    boss, _ = open_database(tmp_path / "boss.sqlite")
    merge(boss, export(laptop, tmp_path / "first.xlsx"))
    with laptop.begin() as s:
        repository.set_deleted(s, Demolition, old, True, by=A)
        new = repository.add(s, draft, by=A, today=TODAY)
    report = merge(boss, export(laptop, tmp_path / "second.xlsx"))
    counts = report.merged.counts
    assert (counts["deleted"], counts["inserted"], counts["held"]) == (1, 1, 0)
    with boss.sessions() as s:
        assert dict(s.execute(select(Demolition.uuid, Demolition.deleted)).all()) == {old: True, new: False}
        assert s.scalar(select(func.count()).select_from(ReviewItem)) == 0
    laptop.close()
    boss.close()


def test_a_merge_into_a_database_with_index_damage_is_refused_before_anything_changes(tmp_path, returns):
    """Damage quick_check misses (an index that no longer matches its rows): the full check of the
    backup made before the merge finds it, and nothing is merged into a damaged file."""
    import sqlite3

    db, _ = open_database(tmp_path / "boss.sqlite")
    merge(db, returns["base"])
    with db.engine.begin() as conn:  # a table of ours with an index, damaged below
        conn.exec_driver_sql("CREATE TABLE probe (k TEXT)")
        conn.exec_driver_sql("CREATE INDEX ix_probe ON probe (k)")
        conn.exec_driver_sql("INSERT INTO probe VALUES ('a'), ('b'), ('c')")
    db.close()
    open_database(tmp_path / "boss.sqlite")[0].close()  # sound: this week's full check passes and is kept
    con = sqlite3.connect(tmp_path / "boss.sqlite")
    con.execute("PRAGMA writable_schema = ON")  # the index no longer matches its rows
    con.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX ix_probe ON probe (k DESC)' WHERE name = 'ix_probe'")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # a clean close: start-up has no crash to check after
    con.close()
    con = sqlite3.connect(tmp_path / "boss.sqlite")
    assert con.execute("PRAGMA quick_check").fetchone() == ("ok",)
    assert con.execute("PRAGMA integrity_check").fetchone() != ("ok",)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    db, _ = open_database(tmp_path / "boss.sqlite")  # no crash, checked this week: it opens
    before = snapshot(db)
    with pytest.raises(DatabaseError, match="数据库文件已损坏.*未做任何操作"):
        merge(db, returns["a"])
    assert snapshot(db) == before
    db.close()


def test_a_project_with_a_close_name_is_kept_apart_and_shown_for_a_person_never_joined(tmp_path, returns):
    """Laptop C created 张村河片区 in 崂山区 where the supervisor has 张村河片区旧村改造: maybe one project,
    maybe two. Merged as its own project, with its signing, and listed for a person; not joined."""
    db, _ = open_database(tmp_path / "boss.sqlite")
    merge(db, returns["base"])
    laptop, _ = open_database(tmp_path / "c.sqlite")
    c = Operator("赵敏", "laptop-c")
    with laptop.begin() as s:
        mine = repository.add(
            s, ProjectDraft("张村河片区", "licun_river", "370212"), by=c, today=TODAY, confirm_warnings=True
        )
        repository.add(
            s,
            SigningDraft(mine, "370212", "370212001", date(2026, 11, 19), households=3, houses=3),
            by=c,
            today=TODAY,
            confirm_warnings=True,
        )
    report = merge(db, export(laptop, tmp_path / "return-c.xlsx"))
    laptop.close()
    lines = "\n".join(report.lines())
    assert "名称与已有项目相近，未合并为同一项目：张村河片区（已有：张村河片区旧村改造" in lines
    assert report.merged.counts["joined"] == 0 and report.merged.counts["similar"] == 1
    with db.sessions() as s:
        assert sorted(s.scalars(select(Project.name))) == ["张村河片区", "张村河片区旧村改造"]
        assert s.scalar(select(Signing.project_uuid).where(Signing.households == 3)) == mine
        item = s.scalar(select(ReviewItem).where(ReviewItem.table_name == "project"))
        assert (item.reason, item.other_uuid) == ("similar", mine)
        kept = item.record_uuid
    # the supervisor decides they are one project: C's signing points at ours, C's copy is deleted,
    # and C's next return (its copy still live there) merges without bringing it back
    from qdgui.models import review

    with db.begin() as s:
        assert review.join(s, item.id, by=BOSS, today=TODAY) == 1
    with db.sessions() as s:
        assert s.scalar(select(Signing.project_uuid).where(Signing.households == 3)) == kept
        assert dict(s.execute(select(Project.name, Project.deleted)).all()) == {
            "张村河片区": True,
            "张村河片区旧村改造": False,
        }
        assert [i.reason for i in review.open_items(s)] == []
    again = merge(db, tmp_path / "return-c.xlsx")
    assert again.merged.counts["similar"] == 0 and again.merged.counts["inserted"] == 0
    with db.sessions() as s:
        assert s.scalar(select(Signing.project_uuid).where(Signing.households == 3)) == kept
        assert s.execute(text("PRAGMA foreign_key_check")).all() == []
    db.close()


def test_a_copy_held_back_as_a_duplicate_becomes_the_case_when_the_copy_holding_it_is_deleted(tmp_path):
    """Q-5 entered on laptops A and C. One supervisor merges A, then C (C's copy held back), then A's
    deletion of its copy; another merges A's deletion first, then C. Both end with C's copy as the
    case (found by the long merge proof: before, the first supervisor kept it held for ever)."""
    from tests.support.databases import new_database
    from tests.support.drafts import demolition_draft

    laptops = {name: new_database(tmp_path / f"{name}.sqlite") for name in ("a", "c")}
    made = {}
    for name, address in (("a", "株洲路1号"), ("c", "株洲路2号")):
        with laptops[name].begin() as s:
            made[name] = repository.add(
                s, demolition_draft(case_no="Q-5", address=address), by=Operator(name, name), today=TODAY
            )
    first_a = export(laptops["a"], tmp_path / "a-1.xlsx")
    from_c = export(laptops["c"], tmp_path / "c.xlsx")
    with laptops["a"].begin() as s:
        repository.delete(s, "demolition", made["a"], by=Operator("a", "a"))
    deleted_a = export(laptops["a"], tmp_path / "a-2.xlsx")

    held_then_freed = new_database(tmp_path / "boss-1.sqlite")
    merge(held_then_freed, first_a)
    assert merge(held_then_freed, from_c).merged.counts["held"] == 1
    report = merge(held_then_freed, deleted_a)
    assert report.merged.counts["released"] == 1
    assert any("Q-5" in line for line in report.merged.review)

    in_order = new_database(tmp_path / "boss-2.sqlite")
    merge(in_order, deleted_a)
    merge(in_order, from_c)

    for db in (held_then_freed, in_order):
        with db.sessions() as s:
            live = s.scalars(select(Demolition.uuid).where(Demolition.deleted.is_(False))).all()
            assert live == [made["c"]]
            assert s.get(Demolition, made["a"]).deleted
            assert s.get(Demolition, made["c"]).address == "株洲路2号"
            open_items = s.scalars(select(ReviewItem).where(ReviewItem.resolved_at.is_(None))).all()
            assert open_items == []
            assert s.execute(text("PRAGMA foreign_key_check")).all() == []
    with held_then_freed.sessions() as s:  # C's copy came in as C wrote it: its clock, its author
        freed = s.get(Demolition, made["c"])
        assert freed.operator == "c" and freed.version == 1
    importer.undo(held_then_freed, report.batch_id, by=BOSS)  # A's deletion undone: C's copy held again
    with held_then_freed.sessions() as s:
        assert s.scalars(select(Demolition.uuid).where(Demolition.deleted.is_(False))).all() == [made["a"]]
        assert s.get(Demolition, made["c"]) is None
        (held,) = s.scalars(select(ReviewItem).where(ReviewItem.resolved_at.is_(None))).all()
        assert (held.record_uuid, held.other_uuid) == (made["a"], made["c"])
    assert merge(held_then_freed, deleted_a).merged.counts["released"] == 1  # and released again
