"""Excel export: the weekly report as the office reads it, the ledger's round trip, and safe files."""

import os
import zipfile
from datetime import date

import openpyxl
import pytest
from sqlalchemy import select, update

from qdgui import work
from qdgui.app import main
from qdgui.excel import files, importer, ledger, weekly
from qdgui.models import demo, progress, repository, standing
from qdgui.models.migrate import open_database
from qdgui.models.records import DemolitionDraft, Operator, ProjectDraft, SigningDraft, TargetDraft
from qdgui.models.tables import RECORD_TABLES, Demolition, Signing

WEEK = progress.iso_week(2026, 47)
TITLE = "市南区城市更新和城市建设攻坚行动周报（2026年第47周：11月16日至11月22日）"


def add(db, clerk, today, *drafts):
    with db.begin() as s:
        return [repository.add(s, d, by=clerk, today=today, confirm_warnings=True) for d in drafts]


def case(no, street, area, status, done, *, remarks=None, district="370202"):
    return DemolitionDraft(
        no, district, street, "某路1号", "steel", area, "demolish", status, "2026-01-05", done, remarks=remarks
    )


@pytest.fixture
def shinan(db, clerk, today):
    """Three streets of 市南区 with demolitions this week and earlier, and the district's targets."""
    add(
        db,
        clerk,
        today,
        case("S1", "370202005", "100", "demolished", "2026-11-16"),
        case("S2", "370202005", "50.5", "rectified", "2026-11-21"),
        case("S3", "370202001", "30", "demolished", "2026-03-15"),
        case("S4", "370202001", "999", "identified", None),
        case("N1", "370203021", "10", "demolished", "2026-11-18", district="370203"),
        TargetDraft(2026, "370202", "demolition_count", 4),
        TargetDraft(2026, "370202", "demolition_area", "200"),
        TargetDraft(2026, "370202", "demolition_area", "120", street_code="370202005"),
    )
    return db


def cells(sheet):
    return list(sheet.iter_rows(values_only=True))


def test_weekly_report_reads_like_the_office_report(shinan, tmp_path, today):
    out = tmp_path / "周报.xlsx"
    with shinan.sessions() as s:
        report = weekly.export_weekly(s, out, week=WEEK, scope="370202", made_on=today, area_unit="m2")
        expected = {
            (p.code, p.measure): p
            for p in progress.progress(
                s, year=2026, week=WEEK, scope="370202", measures=("demolition_count", "demolition_area")
            )
        }
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["汇总", "征迁签约", "拆违治乱", "公园建设", "林荫廊道、立体绿化和滨海绿道", "排名"]
    sheet = book["拆违治乱"]
    assert sheet["A1"].value == TITLE == report.title
    assert "A1:J1" in {str(r) for r in sheet.merged_cells.ranges}
    assert "填报单位：市南区" in sheet["A2"].value and "2026年11月16日至2026年11月22日" in sheet["A2"].value
    assert [sheet.cell(3, c).value for c in (1, 2, 3, 7)] == [
        "序号",
        "街道/镇",
        "拆除违建数量（处）",
        "拆除违建面积（㎡）",
    ]
    assert [sheet.cell(4, c).value for c in range(3, 7)] == ["本周", "年累计", "年度目标", "完成率"]
    rows = {r[1]: r for r in cells(sheet)[4:] if r[1]}
    # one row per street of the district, figures equal to the dashboard's aggregates
    assert len([name for name in rows if name.endswith(("街道", "镇"))]) == 11
    zhongshan = rows["中山路街道"]
    figures = expected[("370202005", "demolition_area")]
    assert zhongshan[6:10] == (float(figures.week), float(figures.year_to_date), 120, pytest.approx(150.5 / 120))
    assert zhongshan[2:6] == (2, 2, "—", "—")  # no street target for the count
    total = rows["合计"]
    # the district's total is measured against the district's own target, not the streets' sum
    assert total[2:10] == (2, 3, 4, 0.75, 150.5, 180.5, 200, pytest.approx(180.5 / 200))
    assert sheet.cell(5 + 11, 4).number_format == "#,##0"
    assert sheet.cell(16, 7).number_format == "#,##0.00" and sheet.cell(16, 10).number_format == "0.0%"
    assert sheet.freeze_panes == "C5"
    setup = sheet.page_setup
    # fitToWidth absent means 1 (the OOXML default): one page wide, as many tall as needed
    assert (setup.orientation, setup.paperSize, setup.fitToWidth or 1, setup.fitToHeight) == ("landscape", 9, 1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$1:$4"
    assert "第 &P 页" in sheet.oddFooter.center.text
    assert sheet.column_dimensions["B"].width > 10
    # the time elapsed beside the rates: a rate behind it (the district's 75 % of cases with 89.3 % of
    # the year gone) is red, one ahead (中山路街道's 125 % of its area) is not
    assert "时间进度：89.3%" in sheet["A2"].value
    assert sheet.cell(16, 6).value == 0.75 and sheet.cell(16, 6).font.color.rgb == "FFC00000"
    zhongshan_row = next(r for r in range(5, 16) if sheet.cell(r, 2).value == "中山路街道")
    assert sheet.cell(zhongshan_row, 10).font.color.rgb != "FFC00000"  # the theme's text colour
    # the ranking: per summary measure, the streets by completion rate, those without a target last
    ranking = book["排名"]
    assert [ranking.cell(3, c).value for c in (1, 6, 11)] == [
        "签约户数（户）",
        "拆除违建数量（处）",
        "拆除违建面积（㎡）",
    ]
    assert [ranking.cell(4, c).value for c in (11, 12, 13, 14, 15)] == [
        "名次",
        "街道/镇",
        "完成率",
        "较上周（百分点）",
        "双过半",
    ]
    area = [(ranking.cell(r, 11).value, ranking.cell(r, 12).value, ranking.cell(r, 13).value) for r in range(5, 16)]
    # the change from last week: this week's work over the target, in points (中山路街道's area, of 120)
    first = next(r for r in range(5, 16) if ranking.cell(r, 12).value == "中山路街道")
    week_area = float(expected[("370202005", "demolition_area")].week)
    assert ranking.cell(first, 14).value == pytest.approx(week_area / 120 * 100)
    assert ranking.cell(first, 14).number_format == "+0.0;-0.0;0.0"
    # 双过半 in the second half of the year: half the target done (中山路街道's area: 125 %); the count's
    # streets have no target and say nothing
    assert ranking.cell(first, 15).value == "达到"
    assert {ranking.cell(r, 10).value for r in range(5, 16)} == {"—"}
    note = ranking.cell(5 + 11, 1).value
    assert "双过半" in note
    rated = [row for row in area if row[0] != "—"]
    assert rated[0][1] == "中山路街道" and rated[0][0] == 1
    assert [rate for *_, rate in rated] == sorted((rate for *_, rate in rated), reverse=True)
    assert all(rate == "—" for rank, _, rate in area if rank == "—")
    assert len(area) == 11 and area[len(rated) :] == [row for row in area if row[0] == "—"]


def test_areas_are_in_ten_thousand_square_metres_as_the_office_writes_them(shinan, tmp_path, today, capsys):
    """By default a weekly report writes areas in 万平方米 (the figures the dashboard shows, divided
    by 10,000, kept exact in the cell and shown to 0.01); counts and rates are as they were; the
    command line's --area-unit m2 writes square metres."""
    out = tmp_path / "周报.xlsx"
    with shinan.sessions() as s:
        weekly.export_weekly(s, out, week=WEEK, scope="370202", made_on=today)
        expected = {
            (p.code, p.measure): p
            for p in progress.progress(s, year=2026, week=WEEK, scope="370202", measures=("demolition_area",))
        }
    book = openpyxl.load_workbook(out)
    sheet = book["拆违治乱"]
    assert [sheet.cell(3, c).value for c in (3, 7)] == ["拆除违建数量（处）", "拆除违建面积（万平方米）"]
    rows = {r[1]: r for r in cells(sheet)[4:] if r[1]}
    figures = expected[("370202005", "demolition_area")]
    zhongshan = rows["中山路街道"]
    assert zhongshan[6:9] == pytest.approx((float(figures.week) / 1e4, float(figures.year_to_date) / 1e4, 0.012))
    assert zhongshan[9] == pytest.approx(150.5 / 120)  # the rate is the rate, whatever the unit
    assert rows["合计"][2:10] == pytest.approx((2, 3, 4, 0.75, 0.01505, 0.01805, 0.02, 180.5 / 200))
    assert sheet.cell(16, 7).number_format == "#,##0.00"
    assert "拆除违建面积（万平方米）" in [c.value for c in book["汇总"][3]]
    assert book["排名"].cell(3, 11).value == "拆除违建面积（万平方米）"

    path = str(shinan.path) if shinan.path is not None else shinan.url
    square = tmp_path / "m2.xlsx"
    assert main(["export", "weekly", "--week", "2026-W47", "--scope", "370202", "--area-unit", "m2",
                 "--out", str(square), "--db", str(path)]) == 0  # fmt: skip
    sheet = openpyxl.load_workbook(square)["拆违治乱"]
    assert sheet.cell(3, 7).value == "拆除违建面积（㎡）" and sheet.cell(16, 7).value == 150.5
    capsys.readouterr()
    with pytest.raises(SystemExit) as refused:
        main(["export", "weekly", "--area-unit", "亩", "--db", str(path)])
    assert refused.value.code == 2 and "--area-unit：无效的选项：'亩'（可选：'wan', 'm2'）" in capsys.readouterr().err


def test_city_report_has_a_row_per_district_and_sums_the_parks(db, today, tmp_path):
    with db.begin() as s:
        demo.fill(s, today=today, seed=3)
    with db.sessions() as s:
        report = weekly.export_weekly(s, tmp_path / "city.xlsx", week=WEEK, scope=None, made_on=today)
        found = progress.progress(s, year=2026, week=WEEK, measures=weekly.PARKS_COUNTED)
    summary = openpyxl.load_workbook(tmp_path / "city.xlsx")["汇总"]
    assert summary["A1"].value.startswith("青岛市城市更新和城市建设攻坚行动周报（2026年第47周")
    rows = cells(summary)[4:]
    assert [r[1] for r in rows[:10]] == [name for _, name in progress.report_units(s, None)[0]]
    laoshan = next(r for r in rows if r[1] == "崂山区")
    parks = sum(p.year_to_date for p in found if p.code == "370212")
    assert laoshan[15] == float(parks)
    assert report.sheets[0].totals[-1].year_to_date == sum(p.year_to_date for p in found)


def test_week_closing_day_and_bad_weeks():
    assert weekly.parse_week("2026-W47") == WEEK
    assert weekly.parse_week("2026-11-18", ends_on=3).end == date(2026, 11, 19)  # offices closing Thursday
    thursday = weekly.report_title("市南区", progress.week_containing(date(2026, 11, 18), ends_on=3))
    assert thursday.endswith("（2026年第47周：11月13日至11月19日）")
    with pytest.raises(ValueError, match="不是有效的周次"):
        weekly.parse_week("第47周")


def _dump(database, *, without=()):
    with database.sessions() as s:
        return {
            kind: {
                row.uuid: tuple(getattr(row, c.key) for c in table.__table__.c if c.key not in without)
                for row in s.scalars(select(table))
            }
            for kind, table in RECORD_TABLES.items()
        }


def test_ledger_round_trips_into_an_empty_database(db, clerk, today, tmp_path):
    with db.begin() as s:
        demo.fill(s, today=today, seed=5)
        tricky = repository.add(
            s,
            case("=1+1", "370202005", "12.34", "demolished", "2026-11-20", remarks="=1+1\x01 @SUM(A1)\n换行"),
            by=clerk,
            today=today,
        )
        project = s.scalar(select(Signing.project_uuid).limit(1))
        district, street = s.execute(select(Signing.district_code, Signing.street_code).limit(1)).one()
        signed = repository.add(
            s,
            SigningDraft(
                project,
                district,
                street,
                "2026-11-20",
                1,
                1,
                "88.8",
                agreement_no="000123456789012345678",
                remarks="-5",
            ),
            by=clerk,
            today=today,
            confirm_warnings=True,
        )
        repository.set_deleted(s, Demolition, tricky, True, by=clerk)  # tombstones travel too
        # forms strip control characters; a record merged from elsewhere may still carry one
        s.execute(update(Demolition).where(Demolition.uuid == tricky).values(remarks="=1+1\x01 @SUM(A1)\n换行"))
    out = tmp_path / "台账.xlsx"
    with db.sessions() as s:
        written = ledger.write_ledger(s, out)
    assert written["demolition"] == 421 and written["signing"] > 200

    book = openpyxl.load_workbook(out)
    assert book.sheetnames[:6] == ["项目", "年度目标", "社区和村", "征迁签约", "拆违治乱", "公园建设"]
    assert book["qdgui"].sheet_state == "hidden"
    sheet = book["拆违治乱"]
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["记录编号（UUID）", "违建编号", "区（市）"]
    assert {"更新时间（UTC）", "录入人", "设备", "已删除", "面积（㎡）"} <= set(header)
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == tricky)
    by_label = dict(zip(header, row))
    # formulas never: the text comes back as text, marked to stay text if someone edits it
    assert by_label["违建编号"].value == "=1+1" and by_label["违建编号"].data_type == "s"
    assert by_label["违建编号"].quotePrefix
    assert by_label["区（市）"].value == "市南区" and by_label["已删除"].value == "是"
    assert by_label["面积（㎡）"].value == 12.34 and by_label["面积（㎡）"].number_format == "#,##0.00"
    signing_sheet = book["征迁签约"]
    signing_header = [c.value for c in signing_sheet[1]]
    signing_row = dict(zip(signing_header, next(r for r in signing_sheet.iter_rows(min_row=2) if r[0].value == signed)))
    assert signing_row["协议编号"].value == "000123456789012345678" and signing_row["协议编号"].data_type == "s"
    assert signing_row["备注"].value == "-5" and signing_row["备注"].data_type == "s"
    assert signing_row["签约日期"].value.date() == date(2026, 11, 20)
    with zipfile.ZipFile(out) as archive:
        assert not any("<f>" in archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets"))

    copy, _ = open_database(tmp_path / "copy.sqlite")
    try:
        # the way a supervisor brings a ledger in: File > Import, merged by record identity
        merged = importer.commit(
            copy, importer.read(out), importer.ImportOptions(), by=Operator("主管", "supervisor"), today=today
        )
        assert merged.merged is not None and merged.batch_id is not None
        # every column of every row, but the file each record was merged from (the merge records that)
        assert _dump(copy, without=("source_file",)) == _dump(db, without=("source_file",))
        with copy.sessions() as s:
            remark = s.get(Demolition, tricky).remarks
        assert remark == "=1+1\x01 @SUM(A1)\n换行"  # control characters escaped in the file, not lost
    finally:
        copy.close()


def test_ledger_with_codes_and_without_deleted(db, clerk, today, tmp_path):
    (project,) = add(db, clerk, today, ProjectDraft("河西片区", "old_city_village", "370212", "370212001"))
    (gone,) = add(db, clerk, today, case("X1", "370202005", "5", "identified", None))
    with db.begin() as s:
        repository.set_deleted(s, Demolition, gone, True, by=clerk)
    with db.sessions() as s:
        written = ledger.write_ledger(s, tmp_path / "codes.xlsx", codes=True, include_deleted=False)
    assert written["demolition"] == 0 and written["project"] == 1
    sheet = openpyxl.load_workbook(tmp_path / "codes.xlsx")["项目"]
    row = dict(zip([c.value for c in sheet[1]], [c.value for c in sheet[2]]))
    assert (row["记录编号（UUID）"], row["区（市）"], row["街道/镇"], row["攻坚领域"]) == (
        project,
        "370212",
        "370212001",
        "old_city_village",
    )


def test_unreadable_ledger_cell_names_sheet_row_and_column(db, clerk, today, tmp_path):
    add(db, clerk, today, case("Y1", "370202005", "5", "identified", None))
    out = tmp_path / "l.xlsx"
    with db.sessions() as s:
        ledger.write_ledger(s, out)
    read = ledger.read_ledger(out)
    name, keys, rows = read.sheets["demolition"]
    rows[0][keys.index("structure")] = "木结构"
    with db.sessions() as s, pytest.raises(ledger.LedgerError) as raised:
        list(ledger.record_values(read, "demolition", ledger.division_codes(s)))
    column = chr(ord("A") + keys.index("structure"))
    assert str(raised.value) == f"工作表“拆违治乱”第 2 行 {column} 列（结构）：无法读取“木结构”。"
    not_ledger = tmp_path / "other.xlsx"
    openpyxl.Workbook().save(not_ledger)
    with pytest.raises(ledger.LedgerError, match="不是 qdgui 导出的台账"):
        ledger.read_ledger(not_ledger)


def test_sheet_names_are_valid_for_excel():
    taken = set()
    assert files.sheet_name("a/b:c*d?[e]", taken) == "a_b_c_d__e_"
    long = files.sheet_name("很" * 40, taken)
    assert len(long) == 31
    assert files.sheet_name("很" * 40, taken) == "很" * 28 + "(2)"
    assert files.sheet_name("'汇总'", taken) == "汇总"


def test_a_failed_export_leaves_the_old_file_and_no_partial_one(db, tmp_path, monkeypatch):
    out = tmp_path / "台账.xlsx"
    out.write_bytes(b"the previous export")

    def interrupted(done, total):
        if done:  # after the first rows are in the temporary file
            raise work.Cancelled()

    add_one = DemolitionDraft("Z1", "370202", "370202005", "某路", "steel", "1", "demolish", "identified", "2026-11-01")
    with db.begin() as s:
        repository.add(s, add_one, by=Operator("a", "b"), today=date(2026, 11, 21))
    with db.sessions() as s, pytest.raises(work.Cancelled):
        ledger.write_ledger(s, out, progress=interrupted)
    assert out.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir() if "台账" in p.name) == ["台账.xlsx"]


def test_a_file_open_in_excel_gets_a_clear_message(db, tmp_path, monkeypatch):
    out = tmp_path / "周报.xlsx"
    out.write_bytes(b"open in Excel")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with db.sessions() as s, pytest.raises(files.ExportError) as raised:
        weekly.export_weekly(s, out, week=WEEK, scope="370202")
    assert "文件正被其他程序打开" in str(raised.value) and "周报.xlsx" in str(raised.value)
    assert out.read_bytes() == b"open in Excel"
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".part"] == []


def test_bad_targets_are_refused_before_any_work(db, tmp_path):
    with db.sessions() as s:
        with pytest.raises(files.ExportError, match="必须以 .xlsx 结尾"):
            ledger.write_ledger(s, tmp_path / "台账.xls")
        with pytest.raises(files.ExportError, match="不存在"):
            ledger.write_ledger(s, tmp_path / "nowhere" / "台账.xlsx")
        with pytest.raises(files.ExportError, match="是文件夹"):
            ledger.write_ledger(s, tmp_path)


def test_export_commands_write_the_workbooks(tmp_path, capsys):
    path = tmp_path / "x.sqlite"
    assert main(["demo", "--db", str(path)]) == 0
    report = tmp_path / "report.xlsx"
    assert (
        main(["export", "weekly", "--week", "2026-W47", "--scope", "市南区", "--out", str(report), "--db", str(path)])
        == 0
    )
    assert TITLE in capsys.readouterr().out
    assert openpyxl.load_workbook(report)["汇总"]["A1"].value == TITLE
    signed = tmp_path / "signed.xlsx"
    assert (
        main(
            ["export", "weekly", "--week", "2026-W47", "--out", str(signed), "--db", str(path)]
            + ["--form-no", "青城更统1表", "--unit-head", "张主任", "--filled-by", "李强", "--phone", "88880000"]
        )
        == 0
    )
    sheet = openpyxl.load_workbook(signed)["汇总"]
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
    assert "表号：青城更统1表" in cells  # no 制表机关 given: the form number alone at the top right
    assert any(
        c.startswith("单位负责人：张主任    统计负责人：________    填表人：李强    联系电话：88880000") for c in cells
    )
    assert main(["export", "ledger", "--out", str(tmp_path / "l.xlsx"), "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "台账已保存到" in out and "拆违治乱" in out
    assert main(["export", "weekly", "--week", "47", "--db", str(path)]) == 2
    assert "不是有效的周次" in capsys.readouterr().err
    assert main(["export", "weekly", "--scope", "火星区", "--db", str(path)]) == 2
    assert "没有名为“火星区”的区（市）或街道" in capsys.readouterr().err
    assert main(["export", "ledger", "--out", str(tmp_path / "l.csv"), "--db", str(path)]) == 1
    assert "必须以 .xlsx 结尾" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["export", "--db", str(path)])
    assert "命令行有误" in capsys.readouterr().err


@pytest.mark.skipif(os.name == "nt", reason="file modes are POSIX")
def test_an_exported_workbook_is_made_as_other_programs_make_files(db, tmp_path):
    old = os.umask(0o022)
    try:
        out = tmp_path / "台账.xlsx"
        with db.sessions() as session:
            ledger.write_ledger(session, out)
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644  # readable by colleagues, as the umask allows


def test_formula_like_place_names_stay_text_in_the_weekly_report(db, clerk, today, tmp_path):
    with db.begin() as s:
        street = repository.add_street(s, "370202", '=HYPERLINK("http://x")街道')
    add(db, clerk, today, case("Q1", street, "12", "demolished", "2026-11-17"))
    for scope, name in (("370202", "district"), (street, "street")):
        out = tmp_path / f"{name}.xlsx"
        with db.sessions() as s:
            weekly.export_weekly(s, out, week=WEEK, scope=scope, made_on=today)
        with zipfile.ZipFile(out) as archive:
            assert not any(
                "<f>" in archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets")
            )
        sheet = openpyxl.load_workbook(out)["拆违治乱"]
        formula_like = [
            c
            for row in sheet.iter_rows()
            for c in row
            if isinstance(c.value, str) and c.value[:1] in ("=", "+", "-", "@")
        ]
        assert formula_like, f"{name}: the place's name is in the report"
        assert all(c.data_type == "s" and c.quotePrefix for c in formula_like), name


def test_parts_left_by_a_killed_export_are_cleared_by_the_next(db, tmp_path):
    import time

    out = tmp_path / "台账.xlsx"
    stale = tmp_path / ".台账.abc123.xlsx.part"
    stale.write_bytes(b"half a workbook")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    fresh = tmp_path / ".台账.def456.xlsx.part"  # another export writing right now: left alone
    fresh.write_bytes(b"being written")
    with db.sessions() as session:
        ledger.write_ledger(session, out)
    assert out.exists() and not stale.exists() and fresh.exists()


def test_the_ledger_of_one_district_or_street_holds_its_records_and_merges_whole(db, today, tmp_path, capsys):
    """`export ledger --scope 崂山区` (the city office handing a district its records; a server's
    district ledger): exactly that district's records of each kind, with the projects and villages
    they point at, so it merges into an empty database with nothing held back; --scope 中韩街道 the
    same for one street; a place that does not exist is said in words."""
    from sqlalchemy import func

    from qdgui.models.tables import Community, Division, Project

    with db.begin() as s:
        demo.fill(s, today=today, seed=11)
    address = str(db.path) if db.path is not None else db.url
    assert main(["export", "ledger", "--db", address, "--scope", "火星区", "--out", str(tmp_path / "x.xlsx")]) == 2
    assert "没有名为“火星区”的区（市）或街道" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()

    for scope, code in (("崂山区", "370212"), ("中韩街道", "370212001")):
        out = tmp_path / f"{code}.xlsx"
        assert main(["export", "ledger", "--db", address, "--scope", scope, "--out", str(out)]) == 0, (
            capsys.readouterr()
        )
        with db.sessions() as s:
            streets = (
                [code] if len(code) > 6 else list(s.scalars(select(Division.code).where(Division.parent_code == code)))
            )
            expected = {}
            for kind, table in RECORD_TABLES.items():
                if kind == "community":
                    where = [table.street_code.in_(streets)]
                elif kind == "project":
                    where = [table.district_code == "370212"]
                elif kind == "annual_target" and len(code) > 6:
                    where = [table.district_code == "370212", (table.street_code == code) | table.street_code.is_(None)]
                else:
                    where = [table.district_code == "370212", *([table.street_code == code] if len(code) > 6 else [])]
                expected[kind] = s.scalar(select(func.count()).select_from(table).where(*where))
            everything = {k: s.scalar(select(func.count()).select_from(t)) for k, t in RECORD_TABLES.items()}
        assert expected["signing"] and expected["demolition"] and expected["signing"] < everything["signing"]
        target, _ = open_database(tmp_path / f"{code}.sqlite")
        try:
            report = importer.commit(
                target, importer.read(out), importer.ImportOptions(), by=Operator("主管", "supervisor"), today=today
            )
            counts = report.merged.counts
            assert counts["held"] == 0 and counts["invalid"] == 0, report.lines()
            with target.sessions() as s:
                got = {k: s.scalar(select(func.count()).select_from(t)) for k, t in RECORD_TABLES.items()}
                places = {
                    t.__tablename__: set(s.scalars(select(t.district_code))) for t in (Signing, Demolition, Project)
                }
                villages = set(s.scalars(select(Community.street_code)))
        finally:
            target.close()
        assert got == expected, scope
        assert all(codes <= {"370212"} for codes in places.values()) and villages <= set(streets)


def test_both_halves_is_judged_only_from_mid_year():
    from decimal import Decimal

    done = progress.Progress("370212", "崂山区", "signed_households", Decimal(0), Decimal(260), Decimal(500))
    short = progress.Progress("370202", "市南区", "signed_households", Decimal(0), Decimal(240), Decimal(500))
    none = progress.Progress("370203", "市北区", "signed_households", Decimal(0), Decimal(240), None)
    assert weekly.both_halves(done, 0.49) is None  # before mid-year: not asked yet
    assert (weekly.both_halves(done, 0.5), weekly.both_halves(short, 0.5), weekly.both_halves(none, 0.9)) == (
        True,
        False,
        None,
    )


def test_every_figure_of_the_weekly_report_is_the_dashboards_for_every_measure_and_place(db):
    """The report sums 13 measures in three passes (load_daily_many); the dashboard reads one measure
    at a time (load_daily, as its completion chart and targets page do). On the demo data, for the
    city and each district: every unit's week, year to date and target agree, and the report's
    ranking is the dashboard's league table on the week's last day."""
    with db.begin() as s:
        demo.fill(s, today=date(2026, 11, 22), seed=814)
    compared = 0
    with db.sessions() as s:
        scopes = [None, *(code for code, _ in progress.report_units(s, None)[0])]
        for scope in scopes:
            report = weekly.build_report(s, week=WEEK, scope=scope, made_on=date(2026, 11, 23))
            units, column = progress.report_units(s, scope)
            for sheet in report.sheets:
                for i, measure in enumerate(sheet.measures):
                    if measure == weekly.PARKS_TOTAL:
                        continue  # the sum of the four park kinds, each compared on its own
                    daily = progress.load_daily(
                        s, measure, year=2026, scope=scope, unit_column=column, first_day=WEEK.start
                    )
                    targets = progress.targets_by_unit(s, measure, year=2026, scope=scope, unit_column=column)
                    shown = {p.code: p for p in progress.progress_rows(units, measure, daily.summarize(WEEK), targets)}
                    for code, _, figures in sheet.rows:
                        mine = shown[code]
                        assert (figures[i].week, figures[i].year_to_date, figures[i].target) == (
                            mine.week,
                            mine.year_to_date,
                            mine.target,
                        ), (scope, measure, code)
                        compared += 1
                    if sheet.ranked:
                        league = standing.outlooks(daily, units, targets, today=WEEK.end)
                        assert [(o.rank, o.figures.name) for o in league] == [
                            (rank, name) for rank, name, _ in sheet.ranked_by(i)
                        ], (scope, measure)
    assert compared > 1000
