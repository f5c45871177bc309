"""Importing hand-kept ledgers and target lists: every parsed value and every problem, with its place."""

from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from sqlalchemy import func, select

from qdgui.excel import importer
from qdgui.excel.rejected import write_rejected
from qdgui.excel.sheet_import import Defaults
from qdgui.models import batches, repository
from qdgui.models.records import CommunityDraft, ProjectDraft
from qdgui.models.tables import AnnualTarget, Demolition, ImportBatch, Signing
from tests.unit import messy

HOME = Defaults("370212", "370212001")  # 崂山区 中韩街道


@pytest.fixture
def project(db, clerk, today):
    with db.begin() as s:
        uuid = repository.add(
            s,
            ProjectDraft("张村河片区旧村改造", "licun_river", "370212", "370212001", total_households=4000),
            by=clerk,
            today=today,
            confirm_warnings=True,
        )
        repository.add(s, CommunityDraft("370212001", "董家下庄", "village"), by=clerk, today=today)
    return uuid


def located(report):
    """{(row, column): [(severity, message)]} of every issue."""
    found = {}
    for issue in report.issues():
        assert issue.sheet
        found.setdefault((issue.row, issue.column), []).append((issue.severity, issue.message))
    return found


def test_messy_demolition_ledger_preview_reads_every_value_and_locates_every_problem(db, clerk, today, tmp_path):
    book = importer.read(messy.demolition_ledger(tmp_path / "拆违.xlsx"))
    report = importer.preview(db, book, importer.ImportOptions(defaults=HOME), by=clerk, today=today)

    (plan,) = report.plans
    assert plan.kind == "demolition" and plan.header_rows == (2, 3)  # title rows skipped, two-row header joined
    assert {plan.mapping[c] for c in plan.mapping} == {
        "case_no",
        "street_code",
        "address",
        "structure",
        "area_m2",
        "found_on",
        "disposal",
        "status",
        "done_on",
    }
    assert plan.headers[5].unit == "万平方米"
    rows = {r.row: r for r in plan.rows}
    assert sorted(rows) == [5, 6, 7, 8, 9]
    first = rows[5].values
    assert first["case_no"] == "ZH-001"  # full-width folded
    assert first["address"] == "株洲路18号院内"
    assert (first["district_code"], first["street_code"]) == ("370212", "370212001")
    assert first["structure"] == "color_steel" and first["status"] == "demolished" and first["disposal"] == "demolish"
    assert first["area_m2"] == Decimal("120")  # 0.012 万平方米
    assert first["found_on"] == date(2026, 3, 5) and first["done_on"] == date(2026, 4, 1)
    second = rows[6].values
    assert second["street_code"] == "370212001"  # from the merged street cell above
    assert second["area_m2"] == Decimal("35")  # a number cell, 0.0035 万平方米
    assert second["found_on"] == date(2026, 3, 1)  # Excel serial 46082
    assert second["done_on"] == date(2026, 5, 6)
    fifth = rows[9].values
    assert fifth["area_m2"] == Decimal("1200")  # "１，２００㎡": the cell's own unit wins over the header's
    assert fifth["status"] == "rectified" and fifth["disposal"] == "rectify"

    problems = located(report)
    assert problems[(7, "F")] == [("error", "“约0.01”是估计数，请填写确切数字")]
    assert problems[(8, "E")] == [("error", "“木棚”不是以下之一：砖混、钢结构、彩钢板、其他")]
    assert problems[(8, "G")] == [("error", "“6月3日”没有年份，请写完整日期")]
    assert problems[(4, "K")][0][0] == "warning" and "无法识别此列" in problems[(4, "K")][0][1]
    assert problems[(10, None)] == [("note", "隐藏行，未导入（可在 Excel 中取消隐藏，或选择导入隐藏行）。")]
    assert problems[(11, None)][0][1].startswith("合计行")
    assert problems[(13, None)][0][1].startswith("表格下方的说明")
    assert problems[(4, None)] == [("note", "区（市）：未填写的行一律取 崂山区（来自第 1 行的标题）。")]
    assert sum(len(v) for v in problems.values()) == 8
    assert [r.row for r in plan.rows if r.rejected] == [7, 8]
    text = "\n".join(report.lines())
    assert "工作表“拆违台账”第 7 行 F 列（违建情况 / 面积（万平方米））：“约0.01”是估计数" in text
    with db.sessions() as s:  # a preview writes nothing
        assert s.scalar(select(func.count()).select_from(Demolition)) == 0
        assert s.scalar(select(func.count()).select_from(ImportBatch)) == 0


def test_hidden_rows_come_in_when_asked(db, clerk, today, tmp_path):
    book = importer.read(messy.demolition_ledger(tmp_path / "拆违.xlsx"))
    report = importer.preview(
        db, book, importer.ImportOptions(defaults=HOME, include_hidden=True), by=clerk, today=today
    )
    hidden = next(r for r in report.plans[0].rows if r.row == 10)
    assert hidden.values["case_no"] == "ZH-006" and hidden.values["area_m2"] == Decimal("1000")
    assert [(i.column, i.severity) for i in hidden.issues] == [("G", "warning"), ("J", "warning")]  # over a year ago


def test_commit_writes_valid_rows_in_one_batch_and_undo_puts_everything_back(db, clerk, today, tmp_path):
    path = messy.demolition_ledger(tmp_path / "拆违.xlsx")
    book = importer.read(path)
    report = importer.commit(db, book, importer.ImportOptions(defaults=HOME), by=clerk, today=today)
    assert report.batch_id is not None
    assert report.backup.exists() if db.path is not None else report.backup is None  # a server has no file to copy
    with db.sessions() as s:
        cases = s.execute(
            select(Demolition.case_no, Demolition.area_m2, Demolition.source_file, Demolition.operator).order_by(
                Demolition.case_no
            )
        ).all()
        assert cases == [
            ("ZH-001", Decimal("120"), "拆违.xlsx", "王丽"),
            ("ZH-002", Decimal("35"), "拆违.xlsx", "王丽"),
            ("ZH-005", Decimal("1200"), "拆违.xlsx", "王丽"),
        ]
        (info,) = batches.list_batches(s)
        assert info.summary["inserted"] == 3 and info.summary["rejected"] == 2

    # the same file again is refused, and writes nothing
    with pytest.raises(importer.ImportRefused, match="已于 .* 导入过（批次 1）"):
        importer.commit(db, book, importer.ImportOptions(defaults=HOME), by=clerk, today=today)

    # the sender gets the rejected rows back with what is wrong
    out = tmp_path / "退回.xlsx"
    assert write_rejected(report.plans, out) == 2
    sheet = openpyxl.load_workbook(out).active
    assert [c.value for c in sheet[1]][:3] == ["原表行号", "序号", "违建编号"]
    assert sheet["A2"].value == 7 and sheet["C2"].value == "ZH-003"
    assert "第 7 行 F 列" in sheet.cell(2, sheet.max_column).value
    assert "“6月3日”没有年份" in sheet.cell(3, sheet.max_column).value

    assert importer.undo(db, report.batch_id, by=clerk) == 3
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Demolition)) == 0
        assert batches.list_batches(s)[0].undone_at is not None
    with pytest.raises(batches.BatchError, match="已于"):
        importer.undo(db, report.batch_id, by=clerk)


def test_undo_refuses_when_an_imported_record_was_edited_since(db, clerk, today, tmp_path):
    report = importer.commit(
        db,
        importer.read(messy.demolition_ledger(tmp_path / "a.xlsx")),
        importer.ImportOptions(defaults=HOME),
        by=clerk,
        today=today,
    )
    with db.begin() as s:
        row = s.scalar(select(Demolition).where(Demolition.case_no == "ZH-001"))
        repository.update(
            s,
            row.uuid,
            repository.draft_from_row(row, address="株洲路20号"),
            by=clerk,
            today=today,
            confirm_warnings=True,
        )
    with pytest.raises(batches.BatchError, match="1 条记录在导入后又被修改"):
        importer.undo(db, report.batch_id, by=clerk)
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Demolition)) == 3


def test_signing_ledger_units_in_cells_loose_names_and_rules(db, clerk, today, tmp_path, project):
    book = importer.read(messy.signing_ledger(tmp_path / "签约.xlsx"))
    report = importer.preview(db, book, importer.ImportOptions(), by=clerk, today=today)
    (plan,) = report.plans
    assert plan.kind == "signing" and plan.header_rows == (2,)
    rows = {r.row: r for r in plan.rows}
    one = rows[4].values
    assert (one["district_code"], one["street_code"], one["project_uuid"]) == ("370212", "370212001", project)
    assert one["community_uuid"] is not None  # "董家下庄" found
    assert (one["households"], one["houses"], one["area_m2"]) == (12, 15, Decimal("1234.5"))
    assert one["signed_on"] == date(2026, 11, 2) and one["compensation"] == "cash"
    two = rows[5].values
    assert two["community_uuid"] == one["community_uuid"]  # "董家下庄村" is the same village
    assert two["district_code"] == "370212" and two["compensation"] == "swap"
    problems = located(report)
    assert problems[(7, "D")] == [
        (
            "error",
            "崂山区没有名为“不存在的项目”的项目：可在本次导入中新建（勾选“新建缺少的项目和村居”），或先在“项目”页添加。",
        )
    ]
    assert problems[(8, "F")] == [("error", "“11月5日”没有年份，请写完整日期")]
    assert problems[(8, "G")] == [("error", "“30多”是估计数，请填写确切数字")]
    assert problems[(8, "I")] == [("error", "“85%”不是数字")]
    assert [r.row for r in plan.rows if not r.rejected] == [4, 5]


def test_targets_import_converts_units_and_matches_district_aliases(db, clerk, today, tmp_path):
    book = importer.read(messy.target_list(tmp_path / "目标.xlsx"))
    report = importer.commit(db, book, importer.ImportOptions(), by=clerk, today=today)
    with db.sessions() as s:
        targets = s.execute(
            select(
                AnnualTarget.year,
                AnnualTarget.district_code,
                AnnualTarget.street_code,
                AnnualTarget.measure,
                AnnualTarget.value,
            ).order_by(AnnualTarget.district_code, AnnualTarget.measure)
        ).all()
        assert s.scalar(select(ImportBatch.kind)) == "targets"
    assert targets == [
        (2026, "370202", None, "park_greenway", Decimal("3.5")),
        (2026, "370211", None, "park_pocket", Decimal("12")),  # 西海岸新区 = 黄岛区
        (2026, "370212", "370212001", "demolition_area", Decimal("12000")),  # 1.2万平方米
        (2026, "370212", None, "signed_households", Decimal("4283")),
    ]
    problems = located(report)
    assert problems[(7, "B")] == [("error", "“不存在区”不是青岛市的区（市）。")]
    assert problems[(8, "D")][0][1].startswith("“跑步人数”不是以下之一：签约户数")


def test_a_user_corrected_mapping_and_a_missing_required_column(db, clerk, today, tmp_path, project):
    book = importer.read(messy.signing_ledger(tmp_path / "签约.xlsx"))
    (plan,) = importer.preview(db, book, importer.ImportOptions(), by=clerk, today=today).plans
    without_date = {c: f for c, f in plan.mapping.items() if f != "signed_on"}
    report = importer.preview(db, book, importer.ImportOptions(mappings={"签约": without_date}), by=clerk, today=today)
    notes = [i for i in report.issues() if i.severity == "error"]
    assert [(n.row, n.header, n.message) for n in notes] == [
        (
            3,
            "签约日期",
            "没有“签约日期”列：该表无法导入。请在列对应中选择此列，或为整个表格统一指定一个值（向导：各行取同一值；命令行：--set 签约日期=值）。",
        )
    ]
    assert report.plans[0].rows == []
    # the remarks column taken as the agreement number instead: the user decides
    remapped = dict(plan.mapping)
    remapped[11] = "agreement_no"
    del remapped[9]
    report = importer.preview(db, book, importer.ImportOptions(mappings={"签约": remapped}), by=clerk, today=today)
    assert {r.row: r.values["agreement_no"] for r in report.plans[0].rows}[5] == "首批"


def test_in_file_and_database_duplicates_are_caught_like_the_form_would(db, clerk, today, tmp_path, project):
    extra = [
        (7, "ZH-001", "中韩街道", "另一个地址", "彩钢", "0.001", "2026-03-05", "拆除", "认定", None),
        (8, "ZH-008", "中韩街道", "株洲路18号院内", "彩钢", "0.001", "2026-03-05", "拆除", "认定", None),
    ]
    book = importer.read(messy.demolition_ledger(tmp_path / "拆违.xlsx", extra_rows=extra))
    report = importer.preview(db, book, importer.ImportOptions(defaults=HOME), by=clerk, today=today)
    problems = located(report)
    assert problems[(11, "B")] == [("error", "此违建编号已登记")]
    assert problems[(12, None)][0][0] == "warning" and "与已有记录相似" in problems[(12, None)][0][1]


def test_a_workbook_without_any_known_header_is_refused_whole(db, clerk, today, tmp_path):
    path = tmp_path / "随便.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["姓名", "电话"])
    book.active.append(["张三", "123"])
    book.save(path)
    with pytest.raises(importer.ImportRefused, match="没有工作表含有可识别的表头"):
        importer.commit(db, importer.read(path), importer.ImportOptions(), by=clerk, today=today)
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(ImportBatch)) == 0


def test_legacy_xls_ledger_is_read_and_imported(db, clerk, today):
    from pathlib import Path

    path = Path(__file__).parents[1] / "data" / "legacy-ledger.xls"
    book = importer.read(path)
    assert book.format == "xls"
    report = importer.preview(db, book, importer.ImportOptions(defaults=HOME), by=clerk, today=today)
    (row,) = report.plans[0].rows
    assert row.values["case_no"] == "LS-2019-1" and row.values["area_m2"] == Decimal("120")
    assert (row.values["found_on"], row.values["done_on"]) == (date(2019, 5, 6), date(2019, 6, 1))
    assert row.values["structure"] == "color_steel" and row.values["street_code"] == "370212001"
    assert [i.message for i in row.issues] == ["2019-05-06 已超过一年，是否正确？", "2019-06-01 已超过一年，是否正确？"]


def test_signings_column_totals_stay_with_the_database(db, clerk, today, tmp_path, project):
    importer.commit(
        db, importer.read(messy.signing_ledger(tmp_path / "签约.xlsx")), importer.ImportOptions(), by=clerk, today=today
    )
    with db.sessions() as s:
        assert s.scalar(select(func.sum(Signing.households))) == 15
