"""The weekly report's photo sheet: the week's finished cases and completed parks with their photos."""

from __future__ import annotations

from datetime import date

import openpyxl

from qdgui.excel import weekly
from qdgui.models import photos, repository
from qdgui.models.progress import week_containing
from qdgui.models.records import ParkDraft
from tests.support import photo_files
from tests.support.drafts import demolition_draft


def test_the_photo_sheet_shows_each_finished_case_and_park_of_the_place_with_its_photos(db, clerk, tmp_path):
    today = date(2026, 11, 21)  # a Saturday: the week is 16-22 November
    done = dict(status="demolished", found_on="2026-10-01", done_on="2026-11-18")
    jpeg = photos.read_photo(photo_files.phone_jpeg(), "a.jpg")
    other = photos.read_photo(photo_files.png(), "b.png")
    with db.begin() as s:
        shown = repository.add(
            s, demolition_draft(case_no="LS-1", address="东韩社区3号", **done), by=clerk, today=today
        )
        bare = repository.add(s, demolition_draft(case_no="LS-2", **done), by=clerk, today=today)
        elsewhere = repository.add(  # another district's case: not in 崂山区's report
            s,
            demolition_draft(case_no="SN-1", district_code="370202", street_code="370202005", **done),
            by=clerk,
            today=today,
        )
        repository.add(s, demolition_draft(case_no="LS-3", status="identified"), by=clerk, today=today)  # not finished
        park = repository.add(
            s,
            ParkDraft(
                name="东韩口袋公园",
                kind="pocket",
                district_code="370212",
                street_code="370212001",
                plan_year=2026,
                status="completed",
                area_m2="3000",
                completed_on="2026-11-20",
            ),
            by=clerk,
            today=today,
        )
        photos.add_photo(s, "demolition", shown, "before", jpeg, file_name="a.jpg", by=clerk)
        photos.add_photo(s, "demolition", shown, "before", other, file_name="b.png", by=clerk)
        photos.add_photo(s, "demolition", shown, "after", jpeg, file_name="a.jpg", by=clerk)
        photos.add_photo(s, "demolition", elsewhere, "after", jpeg, file_name="a.jpg", by=clerk)
        photos.add_photo(s, "park", park, "completion", other, file_name="b.png", by=clerk)
        removed, _ = photos.add_photo(s, "demolition", bare, "after", other, file_name="b.png", by=clerk)
        photos.remove_photo(s, removed, by=clerk)  # a removed photo is not evidence any more
    out = tmp_path / "周报.xlsx"
    with db.sessions() as s:
        weekly.export_weekly(s, out, week=week_containing(today), scope="370212", made_on=today, photos=True)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[-1] == "照片"
    sheet = book["照片"]
    rows = [row for row in sheet.iter_rows(min_row=3, values_only=True) if any(v is not None for v in row)]
    assert rows[0] == (
        "序号",
        "违建编号/公园名称",
        "街道/镇",
        "地址/类型",
        "办结/完工日期",
        "面积（㎡）/长度",
        "拆除前",
        "拆除后/完工",
    )
    assert [r[1] for r in rows[1:]] == ["LS-1", "LS-2", "东韩口袋公园"]
    assert rows[1][2:5] == ("中韩街道", "东韩社区3号", "2026-11-18")
    assert rows[2][6:] == ("无照片", "无照片")  # its only photo was removed
    anchors = sorted((image.anchor._from.row + 1, image.anchor._from.col) for image in sheet._images)
    assert anchors == [(4, 6), (4, 6), (4, 7), (6, 7)]  # LS-1 (row 4): two before, one after; the park (row 6): one
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.print_title_rows == "$3:$3" and sheet.sheet_properties.pageSetUpPr.fitToPage
    with db.sessions() as s:  # without the option the report is as before
        plain = tmp_path / "plain.xlsx"
        weekly.export_weekly(s, plain, week=week_containing(today), scope="370212", made_on=today)
    assert "照片" not in openpyxl.load_workbook(plain).sheetnames
