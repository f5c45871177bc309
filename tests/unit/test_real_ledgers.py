"""Ledgers kept the way offices keep them (tests/unit/ledgers.py), imported with no hand-editing: the
exact records in the database and the exact rows skipped or refused, with their reasons."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from qdgui.excel import importer
from qdgui.excel.sheet_import import Defaults
from qdgui.models import repository
from qdgui.models.records import ProjectDraft
from qdgui.models.tables import Community, Demolition, Park, Project, Signing
from tests.unit import ledgers

SHIBEI = Defaults("370203", "370203005")  # a laptop of 市北区 辽宁路街道: the file must win over it
ROOT = Path(__file__).resolve().parents[2]


def issues(report):
    return [(i.row, i.column, i.severity, i.message) for i in report.issues()]


def messages(report, severity=None):
    return [i.message for i in report.issues() if severity in (None, i.severity)]


def live(db, table):
    with db.sessions() as s:
        return list(s.scalars(select(table).where(table.deleted.is_(False)).order_by(table.created_at)))


def test_title_and_fill_in_line_give_district_street_and_project(db, clerk, today, tmp_path):
    path = ledgers.title_only_signing(tmp_path / "张村河签约.xlsx")
    options = importer.ImportOptions(defaults=SHIBEI)
    preview = importer.preview(db, importer.read(path), options, by=clerk, today=today)
    (plan,) = preview.plans
    assert plan.kind == "signing" and plan.header_rows == (3,)  # the unit row D3 is not glued on
    assert [h.text for h in plan.headers] == ["序号", "村（社区）", "签约日期", "签约户数", "签约面积", "备注"]
    assert {f: (v.text, v.source) for f, v in plan.fills.items()} == {
        "district_code": ("崂山区", "title"),
        "project_uuid": ("张村河片区", "title"),
        "street_code": ("中韩街道", "unit_line"),
    }
    notes = messages(preview, "note")
    assert "区（市）：未填写的行一律取 崂山区（来自第 1 行的标题）。" in notes
    assert "街道/镇：未填写的行一律取 中韩街道（来自第 2 行的填报单位）。" in notes
    # the project and villages are not there yet: listed, not created, every row says how
    assert (
        "数据库中没有：项目 张村河片区（崂山区）、社区/村 董家下庄（中韩街道）、社区/村 张村（中韩街道）。"
        in (messages(preview, "warning")[-1].split("导入时")[0])
    )
    assert preview.imported == 0

    report = importer.commit(
        db, importer.read(path), importer.ImportOptions(defaults=SHIBEI, create_missing=True), by=clerk, today=today
    )
    skipped = {(i.row, i.message[:3]) for i in report.issues() if i.severity == "note" and i.row and i.row > 4}
    assert skipped == {(7, "合计行"), (10, "合计行"), (12, "表格下")}
    refused = [(i.row, i.column, i.message) for i in report.issues() if i.severity == "error"]
    assert refused == [(9, "D", "“约10”是估计数，请填写确切数字")]
    (project,) = live(db, Project)
    assert (project.name, project.district_code, project.campaign_area) == ("张村河片区", "370212", "licun_river")
    villages = {c.name: c for c in live(db, Community)}
    assert set(villages) == {"董家下庄", "张村"} and {c.street_code for c in villages.values()} == {"370212001"}
    rows = [
        (s.signed_on, s.households, s.area_m2, s.district_code, s.street_code, s.project_uuid, s.community_uuid)
        for s in live(db, Signing)
    ]
    dong, zhang = villages["董家下庄"].uuid, villages["张村"].uuid
    assert rows == [
        (date(2026, 11, 2), 12, Decimal("1520.5"), "370212", "370212001", project.uuid, dong),
        (date(2026, 11, 9), 8, Decimal("980"), "370212", "370212001", project.uuid, dong),
        (date(2026, 11, 16), 5, Decimal("610"), "370212", "370212001", project.uuid, zhang),
    ]
    assert (
        "本次导入新建（随本批次一起撤销）：项目 张村河片区（崂山区）、社区/村 董家下庄（中韩街道）、社区/村 张村（中韩街道）。"
        in messages(report)
    )

    # the created project and villages go with the batch
    importer.undo(db, report.batch_id, by=clerk)
    assert live(db, Signing) == [] and live(db, Project) == [] and live(db, Community) == []


def test_a_near_name_is_offered_and_never_taken_or_created(db, clerk, today, tmp_path):
    with db.begin() as s:
        repository.add(
            s,
            ProjectDraft("张村河片区旧村改造", "licun_river", "370212", total_households=4000),
            by=clerk,
            today=today,
            confirm_warnings=True,
        )
    path = ledgers.title_only_signing(tmp_path / "张村河签约.xlsx")
    options = importer.ImportOptions(defaults=SHIBEI, create_missing=True)
    report = importer.commit(db, importer.read(path), options, by=clerk, today=today)
    offered = [m for m in messages(report, "error") if "相近" in m]
    assert len(offered) == 4 and offered[0].startswith(
        "崂山区没有名为“张村河片区”的项目，与“张村河片区旧村改造”相近。系统不作猜测"
    )
    assert [p.name for p in live(db, Project)] == ["张村河片区旧村改造"] and live(db, Signing) == []

    # the supervisor names it once for the whole sheet: now every row goes in
    options = importer.ImportOptions(
        defaults=SHIBEI, create_missing=True, values={None: {"项目": "张村河片区旧村改造"}}, again=True
    )
    report = importer.commit(db, importer.read(path), options, by=clerk, today=today)
    assert len(live(db, Signing)) == 3 and [p.name for p in live(db, Project)] == ["张村河片区旧村改造"]
    assert "项目：未填写的行一律取 张村河片区旧村改造（来自为整个表格指定的值）。" in messages(report, "note")


def test_district_and_year_from_the_title_of_a_park_sheet(db, clerk, today, tmp_path):
    path = ledgers.park_year_in_title(tmp_path / "公园.xlsx")
    report = importer.commit(db, importer.read(path), importer.ImportOptions(defaults=SHIBEI), by=clerk, today=today)
    assert [i for i in report.issues() if i.severity == "error"] == []
    parks = [
        (p.name, p.kind, p.district_code, p.street_code, p.plan_year, p.area_m2, p.status, p.completed_on)
        for p in live(db, Park)
    ]
    assert parks == [
        ("灵山卫口袋公园", "pocket", "370211", "370211007", 2023, Decimal("3200"), "completed", date(2023, 6, 30)),
        ("王台山头公园", "hill", "370211", "370211014", 2023, Decimal("45000"), "building", None),
        ("黄岛社区游园", "community", "370211", "370211001", 2023, Decimal("2600"), "completed", date(2023, 9, 1)),
    ]
    notes = messages(report, "note")
    assert "区（市）：未填写的行一律取 西海岸新区（来自第 1 行的标题）。" in notes
    assert "计划年度：未填写的行一律取 2023（来自第 1 行的标题）。" in notes


def test_every_table_of_a_weekly_sheet_is_found_and_read_as_its_kind(db, clerk, today, tmp_path):
    path = ledgers.weekly_three_tables(tmp_path / "第47周.xlsx")
    options = importer.ImportOptions(defaults=SHIBEI, create_missing=True)
    report = importer.commit(db, importer.read(path), options, by=clerk, today=today)
    assert [(p.kind, p.header_rows, p.end_row) for p in report.plans] == [
        ("signing", (2,), 6),
        ("demolition", (7,), 11),
        ("park", (12,), 15),
    ]
    assert [p.label for p in report.plans] == [
        "第47周",
        "第47周·第 2 个表（第 8 行起）",
        "第47周·第 3 个表（第 13 行起）",
    ]
    assert [i for i in report.issues() if i.severity == "error"] == []
    signings = [(s.signed_on, s.households, s.district_code, s.street_code) for s in live(db, Signing)]
    assert signings == [(date(2026, 11, 17), 6, "370211", "370211014"), (date(2026, 11, 19), 4, "370211", "370211014")]
    demolitions = [(d.case_no, d.structure, d.status, d.street_code, d.done_on) for d in live(db, Demolition)]
    assert demolitions == [
        ("WT-2026-031", "color_steel", "demolished", "370211014", date(2026, 11, 18)),
        ("WT-2026-032", "brick_concrete", "identified", "370211014", None),
    ]
    parks = [(p.name, p.kind, p.plan_year, p.status, p.street_code) for p in live(db, Park)]
    assert parks == [
        ("王台文化口袋公园", "pocket", 2026, "building", "370211014"),
        ("王台滨河口袋公园", "pocket", 2026, "planned", "370211014"),
    ]
    assert [p.name for p in live(db, Project)] == ["王台旧村改造"]


@pytest.mark.parametrize("variant", ["gbk", "utf-8-sig", "utf-8", "tab"])
def test_a_csv_ledger_with_the_district_in_its_file_name(db, clerk, today, tmp_path, variant):
    path = tmp_path / ("即墨区违法建设台账.txt" if variant == "tab" else "即墨区违法建设台账.csv")
    ledgers.demolition_csv(path, encoding="gbk" if variant == "tab" else variant)
    if variant == "tab":
        path.write_bytes(path.read_bytes().replace(b",", b"\t").replace(b'"1\t200"', b"1,200"))
    book = importer.read(path)
    assert book.format == "csv" and book.sheets[0].rows[1][1] == "环秀街道"
    plain = importer.preview(db, book, importer.ImportOptions(defaults=SHIBEI), by=clerk, today=today)
    assert [m for m in messages(plain, "error")] == [
        "没有“发现日期”列：该表无法导入。请在列对应中选择此列，或为整个表格统一指定一个值（向导：各行取同一值；命令行：--set 发现日期=值）。"
    ]
    options = importer.ImportOptions(defaults=SHIBEI, values={None: {"发现日期": "2024-01-01"}})
    report = importer.commit(db, book, options, by=clerk, today=today)
    assert [(i.row, i.column, i.message) for i in report.issues() if i.severity == "error"] == [
        (5, "F", "“约30”是估计数，请填写确切数字")
    ]
    prefix = f"TZ{book.sha256[:8]}-1-1-"
    cases = [
        (
            d.case_no,
            d.district_code,
            d.street_code,
            d.structure,
            d.area_m2,
            d.status,
            d.disposal,
            d.found_on,
            d.done_on,
            d.enforcement_unit,
        )
        for d in live(db, Demolition)
    ]
    assert cases == [
        (
            prefix + "00002",
            "370215",
            "370215001",
            "color_steel",
            Decimal("120"),
            "demolished",
            "demolish",
            date(2024, 1, 1),
            date(2024, 5, 6),
            "环秀中队",
        ),
        (
            prefix + "00003",
            "370215",
            "370215001",
            "brick_concrete",
            Decimal("65.5"),
            "demolished",
            "demolish",
            date(2024, 1, 1),
            date(2024, 6, 1),
            "环秀中队",
        ),
        (
            prefix + "00004",
            "370215",
            "370215003",
            "steel",
            Decimal("1200"),
            "demolished",
            "demolish",
            date(2024, 1, 1),
            date(2024, 7, 15),
            "通济中队",
        ),
    ]
    assert "区（市）：未填写的行一律取 即墨区（来自文件名）。" in messages(report, "note")


def test_gb18030_2022_characters_in_names_are_the_standard_ones(tmp_path):
    from qdgui.excel.textfile import decode

    # FE59 is U+9FB4 in GB 18030-2022; Python's codec (2005 mapping) gives a private-use character
    data = "村名,面积\n".encode("gb18030") + b"\xfe\x59" + "村,1\n".encode("gb18030")
    text, encoding = decode(data)
    assert encoding == "GB18030" and text.splitlines()[1] == "\u9fb4村,1"


def test_the_command_line_takes_set_and_create_missing_and_says_what_is_wrong(tmp_path):
    db = tmp_path / "q.sqlite"
    assert (
        subprocess.run([sys.executable, str(ROOT / "main.py"), "demo", "--db", str(db)], capture_output=True).returncode
        == 0
    )
    path = ledgers.demolition_csv(tmp_path / "即墨区违法建设台账.csv")

    def run(*args):
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "import", "--db", str(db), *args],
            capture_output=True,
            text=True,
            timeout=120,
        )

    bad = run("--set", "发现日期", str(path))
    assert bad.returncode == 2 and "--set '发现日期'：请写成 表头=值" in bad.stderr and "Traceback" not in bad.stderr
    unknown = run("--set", "颜色=红", str(path))
    assert unknown.returncode == 2 and "没有哪类表格有名为“颜色”的列" in unknown.stderr
    done = run("--set", "发现日期=2024-01-01", "--create-missing", str(path))
    assert done.returncode == 1, done.stderr  # one row refused
    assert "可导入 3 行" in done.stdout and "“约30”是估计数" in done.stdout
    listed = run("--list")
    assert (
        listed.returncode == 0
        and "手工台账" in listed.stdout
        and "新增 3" in listed.stdout
        and "{" not in listed.stdout
    )


def test_a_wide_target_table_one_column_per_measure(db, clerk, today, tmp_path):
    from qdgui.models.tables import AnnualTarget

    path = ledgers.wide_targets(tmp_path / "目标.xlsx")
    report = importer.commit(db, importer.read(path), importer.ImportOptions(defaults=SHIBEI), by=clerk, today=today)
    (plan,) = report.plans
    assert plan.kind == "annual_target" and plan.measures == {
        2: "signed_households",
        3: "demolition_count",
        4: "demolition_area",
        5: "park_hill",
        6: "park_pocket",
    }
    assert [(i.row, i.column, i.message) for i in report.issues() if i.severity == "error"] == [
        (5, "D", "“约500”是估计数，请填写确切数字")
    ]
    assert [(i.row, i.message[:3]) for i in report.issues() if i.severity == "note" and i.row == 6] == [(6, "合计行")]
    with db.sessions() as s:
        targets = sorted((t.district_code, t.measure, t.value, t.year) for t in s.scalars(select(AnnualTarget)))
    assert targets == sorted(
        [
            ("370202", "signed_households", Decimal("300"), 2024),
            ("370202", "demolition_count", Decimal("120"), 2024),
            ("370202", "demolition_area", Decimal("15000"), 2024),
            ("370202", "park_hill", Decimal("1"), 2024),
            ("370202", "park_pocket", Decimal("10"), 2024),
            ("370212", "signed_households", Decimal("1200"), 2024),
            ("370212", "demolition_count", Decimal("400"), 2024),
            ("370212", "demolition_area", Decimal("32000"), 2024),
            ("370212", "park_pocket", Decimal("8"), 2024),
            ("370211", "signed_households", Decimal("2000"), 2024),
            ("370211", "demolition_area", Decimal("60000"), 2024),
            ("370211", "park_hill", Decimal("3"), 2024),
            ("370211", "park_pocket", Decimal("15"), 2024),
        ]
    )
    assert "年度：未填写的行一律取 2024（来自第 1 行的标题）。" in messages(report, "note")


def test_a_sheet_import_writes_what_one_save_at_a_time_would(db, clerk, today, tmp_path):
    """The set-based import keeps the form's audit and the batch's notes, and catches a case number
    used twice inside the file as a save at a time would."""
    from qdgui.models.tables import AuditEntry, ImportChange

    path = tmp_path / "即墨区违法建设台账.csv"
    path.write_text(
        "违建编号,街道,地址,结构,面积（㎡）,发现日期,状态,拆除日期\n"
        "JM-1,环秀街道,鹤山路1号,彩钢,120,2024-03-01,已拆除,2024-05-06\n"
        "JM-2,环秀街道,鹤山路2号,砖混,65,2024-03-02,认定,\n"
        "JM-1,环秀街道,鹤山路3号,砖混,70,2024-03-03,认定,\n",
        encoding="utf-8",
    )
    report = importer.commit(db, importer.read(path), importer.ImportOptions(defaults=SHIBEI), by=clerk, today=today)
    assert [(i.row, i.column, i.severity) for i in report.issues() if i.severity == "error"] == [(4, "A", "error")]
    (first, second) = live(db, Demolition)
    with db.sessions() as s:
        history = repository.history(s, first.uuid)
        assert {(h.action, h.field, h.new_value) for h in history} == {
            ("insert", "case_no", "JM-1"),
            ("insert", "district_code", "370215"),
            ("insert", "street_code", "370215001"),
            ("insert", "address", "鹤山路1号"),
            ("insert", "structure", "color_steel"),
            ("insert", "area_m2", "120"),
            ("insert", "disposal", "demolish"),
            ("insert", "status", "demolished"),
            ("insert", "found_on", "2024-03-01"),
            ("insert", "done_on", "2024-05-06"),
        }
        assert {h.operator for h in history} == {clerk.name} and {h.record_version for h in history} == {1}
        notes = s.scalars(select(ImportChange).where(ImportChange.batch_id == report.batch_id)).all()
        assert sorted(n.record_uuid for n in notes) == sorted([first.uuid, second.uuid])
        assert s.scalar(select(AuditEntry.at).where(AuditEntry.record_uuid == second.uuid).limit(1)) is not None
    assert first.version == 1 and first.clock == second.clock and first.source_file == path.name


def test_park_progress_by_month_gives_status_and_completion_month(db, clerk, today, tmp_path):
    path = ledgers.park_progress_by_month(tmp_path / "口袋公园进度.xlsx")
    report = importer.commit(db, importer.read(path), importer.ImportOptions(defaults=SHIBEI), by=clerk, today=today)
    (plan,) = report.plans
    assert plan.kind == "park" and plan.months == {c: c - 4 for c in range(5, 16)}
    assert [i for i in report.issues() if i.severity in ("error", "warning")] == []  # month columns are known
    parks = [(p.name, p.status, p.completed_on, p.plan_year, p.district_code) for p in live(db, Park)]
    assert parks == [
        ("石老人口袋公园", "completed", date(2026, 8, 31), 2026, "370212"),
        ("株洲路游园", "building", None, 2026, "370212"),
        ("海尔路口袋公园", "planned", None, 2026, "370212"),
        ("辽阳东路口袋公园", "completed", min(date(2026, 11, 30), today), 2026, "370212"),
    ]


def test_a_target_table_by_month_keeps_each_months_plan(db, clerk, today, tmp_path):
    from qdgui.models.tables import AnnualTarget

    path = ledgers.monthly_targets(tmp_path / "分月目标.xlsx")
    report = importer.commit(db, importer.read(path), importer.ImportOptions(defaults=SHIBEI), by=clerk, today=today)
    (plan,) = report.plans
    assert plan.kind == "annual_target"
    assert [(i.row, i.column, i.message) for i in report.issues() if i.severity == "error"] == [
        (5, "E", "各月计划合计 36，超过全年目标 30")
    ]
    with db.sessions() as s:
        targets = {
            (
                t.district_code,
                t.street_code,
                t.measure,
                t.year,
                t.value,
                *(getattr(t, f"month_{m}") for m in range(1, 13)),
            )
            for t in s.scalars(select(AnnualTarget))
        }
    d = Decimal
    assert targets == set(
        [
            ("370212", None, "demolition_area", 2025, d(12000), *[d(1000)] * 12),
            ("370212", "370212003", "demolition_count", 2025, d(40), d(0), d(0), *[d(5)] * 8, None, None),
            ("370203", None, "demolition_area", 2025, d(8000), *[None] * 5, *[d(2000)] * 4, None, None, None),
        ]
    )


def test_a_plan_by_month_without_the_years_column_gives_the_year_as_its_sum(db, clerk, today, tmp_path):
    import openpyxl

    from qdgui.models.tables import AnnualTarget

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2025年签约户数分月计划"])
    sheet.append(["区（市）", "指标", *[f"{m}月份" for m in range(1, 13)]])
    sheet.append(["崂山区", "签约户数", *[10] * 6, *[20] * 6])
    sheet.append(["市南区", "签约户数", *[5] * 11, "约5"])
    book.save(tmp_path / "plan.xlsx")
    report = importer.commit(
        db, importer.read(tmp_path / "plan.xlsx"), importer.ImportOptions(defaults=SHIBEI), by=clerk, today=today
    )
    assert [(i.row, i.column, i.message) for i in report.issues() if i.severity == "error"] == [
        (4, "N", "“约5”是估计数，请填写确切数字")
    ]
    assert "没有全年目标列：每行的全年目标取其各月计划之和。" in messages(report, "note")
    with db.sessions() as s:
        (target,) = s.scalars(select(AnnualTarget))
    assert (target.district_code, target.value, target.month_1, target.month_12) == (
        "370212",
        Decimal(180),
        Decimal(10),
        Decimal(20),
    )


def _big_demolition_csv(path: Path, rows: int) -> Path:
    lines = ["违建编号,街道,地址,结构,面积（㎡）,发现日期,状态,拆除日期"] + [
        f"JM-{i},环秀街道,鹤山路{i}号,{'彩钢' if i % 2 else '砖混'},{100 + i % 7}.{i % 100:02d},2024-03-01,"
        + ("已拆除,2024-05-06" if i % 3 else "认定,")
        for i in range(rows)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_sheet_of_several_chunks_stores_what_the_form_stores(db, clerk, today, tmp_path):
    """Rows are written a chunk at a time (on SQLite by a writer thread while the next chunk is read):
    every row is there once, with the stored types and running totals one save at a time gives."""
    from sqlalchemy import func, text

    from qdgui.models.bulk import CHUNK
    from qdgui.models.tables import DemolitionDay
    from tests.support.drafts import demolition_draft

    rows = 2 * CHUNK + 321
    path = _big_demolition_csv(tmp_path / "即墨区违法建设台账.csv", rows)
    report = importer.commit(db, importer.read(path), importer.ImportOptions(defaults=SHIBEI), by=clerk, today=today)
    assert report.imported == rows and not report.rejected
    with db.sessions() as s:
        saved = repository.add(
            s,
            demolition_draft(
                case_no="FORM-1",
                district_code="370215",
                street_code="370215001",
                address="鹤山路表单号",
                structure="color_steel",
                area_m2="100.5",
                status="demolished",
                found_on="2024-03-01",
                done_on="2024-05-06",
            ),
            by=clerk,
            today=today,
            confirm_warnings=True,
        )
        s.commit()
        assert s.scalar(select(func.count()).select_from(Demolition)) == rows + 1
        assert s.scalar(select(func.count(func.distinct(Demolition.case_no)))) == rows + 1
        types = (
            "SELECT {} FROM demolition WHERE uuid = :u".format(
                ", ".join(
                    f"typeof({c})"
                    for c in ("area_m2", "found_on", "done_on", "deleted", "version", "created_at", "clock", "case_no")
                )
            )
            if db.engine.dialect.name == "sqlite"
            else None
        )
        imported = s.scalar(select(Demolition.uuid).where(Demolition.case_no == "JM-7"))
        if types:
            assert s.execute(text(types), {"u": imported}).one() == s.execute(text(types), {"u": saved}).one()
        row = s.scalars(select(Demolition).where(Demolition.case_no == "JM-7")).one()
        assert (row.area_m2, row.structure, row.status, row.done_on) == (
            Decimal("100.07"),
            "color_steel",
            "demolished",
            date(2024, 5, 6),
        )
        done = [i for i in range(rows) if i % 3]
        expected_area = sum(Decimal(f"{100 + i % 7}.{i % 100:02d}") for i in done) + Decimal("100.5")
        day = s.scalars(select(DemolitionDay).where(DemolitionDay.day == date(2024, 5, 6))).one()
        assert (day.records, day.area_m2) == (len(done) + 1, int(expected_area * 100))  # kept in 0.01 m2


def test_a_chunk_the_database_refuses_while_the_next_is_read_leaves_nothing(sqlite_db, clerk, today, tmp_path):
    """A refusal inside a chunk written in the background reaches the import as the database's own
    error (worded by the command line like any refused write), and the database is as it was."""
    import sqlite3

    from sqlalchemy import exc as sa_exc
    from sqlalchemy import func

    from qdgui.models.bulk import CHUNK
    from qdgui.models.tables import DemolitionDay, ImportBatch

    path = _big_demolition_csv(tmp_path / "即墨区违法建设台账.csv", 2 * CHUNK + 10)
    with sqlite3.connect(sqlite_db.path) as raw:  # the disk fills up at the first chunk's last row
        raw.execute(
            f"CREATE TRIGGER fills_up BEFORE INSERT ON demolition WHEN NEW.case_no = 'JM-{CHUNK - 1}' "
            "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
        )
    with pytest.raises(sa_exc.DBAPIError, match="disk is full"):
        importer.commit(sqlite_db, importer.read(path), importer.ImportOptions(defaults=SHIBEI), by=clerk, today=today)
    with sqlite_db.sessions() as s:
        for table in (Demolition, DemolitionDay, ImportBatch):
            assert s.scalar(select(func.count()).select_from(table)) == 0, table
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "import", "--db", str(sqlite_db.path), str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "磁盘" in done.stderr, done.stderr
