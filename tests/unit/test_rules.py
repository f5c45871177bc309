"""Every validation rule: which field it names, whether it blocks, and its message in Chinese."""

from datetime import date
from decimal import Decimal

import pytest

from qdgui import i18n
from qdgui.models import rules
from qdgui.models.records import DemolitionDraft, ParkDraft, ProjectDraft, SigningDraft, TargetDraft
from qdgui.models.reference import read_divisions

TODAY = date(2026, 11, 21)
DIVISIONS = rules.Divisions(
    {r["code"]: rules.DivisionInfo(r["code"], r["name"], r["level"], r["parent_code"]) for r in read_divisions()}
)
CTX = rules.Context(DIVISIONS)
PROJECT = rules.ProjectTotals(
    "p" * 36, "张村河片区", "370212", total_households=702, total_houses=814, signed_households=650, signed_houses=800
)


def signing(**changes):
    base = dict(
        project_uuid="p" * 36,
        district_code="370212",
        street_code="370212001",
        signed_on="2026-11-20",
        households="10",
        houses="10处",
        area_m2="1,200㎡",
    )
    base.update(changes)
    return SigningDraft(**base)


def demolition(**changes):
    base = dict(
        case_no="WJ2026-001",
        district_code="370202",
        street_code="370202005",
        address="中山路1号",
        structure="彩钢板",
        area_m2="120㎡",
        disposal="拆除",
        status="已拆除",
        found_on="2026年11月2日",
        done_on="2026.11.10",
    )
    base.update(changes)
    return DemolitionDraft(**base)


def park(**changes):
    base = dict(
        name="浮山山头公园",
        kind="山头公园",
        district_code="370212",
        plan_year="2026",
        status="完工",
        area_m2="3.5万平方米",
        completed_on="2026-10-01",
        started_on="2026-03-01",
    )
    base.update(changes)
    return ParkDraft(**base)


def problems(checked):
    return {(p.field, p.severity): p.message for p in checked.problems}


def test_a_good_signing_parses_every_field():
    checked = rules.read_signing(signing(), today=TODAY, context=CTX)
    assert checked.problems == []
    assert checked.values["households"] == 10
    assert checked.values["houses"] == 10
    assert checked.values["area_m2"] == Decimal(1200)
    assert checked.values["signed_on"] == date(2026, 11, 20)


@pytest.mark.parametrize(
    "changes, field, message",
    [
        (dict(signed_on="2026-11-22"), "signed_on", "2026-11-22 是将来的日期"),
        (dict(signed_on=""), "signed_on", "必填"),
        (dict(signed_on="11月20日"), "signed_on", "“11月20日”没有年份，请写完整日期"),
        (dict(households="-3"), "households", "不能为负数"),
        (dict(households="约30"), "households", "“约30”是估计数，请填写确切数字"),
        (dict(households="", houses=""), "households", "请填写签约户数或处数"),
        (dict(area_m2="abc"), "area_m2", "“abc”不是数字"),
        (dict(street_code="370202005"), "street_code", "370202005 不是 崂山区 的街道或镇"),
        (dict(district_code="999999"), "district_code", "未知的区（市）代码 999999"),
        (dict(project_uuid=""), "project_uuid", "必填"),
        (dict(compensation="拆一还三"), "compensation", "“拆一还三”不是以下之一：货币补偿、产权调换、货币+产权调换"),
    ],
)
def test_signing_errors_name_their_field(changes, field, message):
    checked = rules.read_signing(signing(**changes), today=TODAY, context=CTX)
    assert (field, "error") in problems(checked)
    assert problems(checked)[(field, "error")] == message


def test_signed_households_can_never_exceed_the_project_total():
    ctx = rules.Context(DIVISIONS, project=PROJECT)
    ok = rules.read_signing(signing(households="52", houses="14"), today=TODAY, context=ctx)
    assert ok.errors == []
    over = rules.read_signing(signing(households="53", houses="15"), today=TODAY, context=ctx)
    assert problems(over)[("households", "error")] == "签约将达到 703，超过项目总数 702（尚余 52）"
    assert problems(over)[("houses", "error")] == "签约将达到 815，超过项目总数 814（尚余 14）"


def test_duplicate_agreement_number_is_an_error():
    ctx = rules.Context(DIVISIONS, duplicate_key=True)
    checked = rules.read_signing(signing(agreement_no="SB-0001"), today=TODAY, context=ctx)
    assert problems(checked)[("agreement_no", "error")] == "该项目已登记此协议编号"


def test_warnings_need_confirmation_but_do_not_block():
    checked = rules.read_signing(
        signing(signed_on="2025-10-01", households="1500", houses="1500"), today=TODAY, context=CTX
    )
    assert checked.errors == []
    assert {p.field for p in checked.warnings} == {"signed_on", "households"}


def test_a_finished_demolition_needs_its_date_and_dates_in_order():
    assert rules.read_demolition(demolition(), today=TODAY, context=CTX).problems == []
    missing = rules.read_demolition(demolition(done_on=""), today=TODAY, context=CTX)
    assert problems(missing)[("done_on", "error")] == "已办结的案件需要填写办结日期"
    backwards = rules.read_demolition(demolition(done_on="2026-11-01"), today=TODAY, context=CTX)
    assert problems(backwards)[("done_on", "error")] == "办结日期早于发现日期"


def test_demolition_area_and_choices():
    negative = rules.read_demolition(demolition(area_m2="-5"), today=TODAY, context=CTX)
    assert problems(negative)[("area_m2", "error")] == "不能为负数"
    huge = rules.read_demolition(demolition(area_m2="8万平方米"), today=TODAY, context=CTX)
    assert ("area_m2", "warning") in problems(huge)
    assert huge.values["area_m2"] == Decimal(80000)
    unknown = rules.read_demolition(demolition(structure="木屋"), today=TODAY, context=CTX)
    assert ("structure", "error") in problems(unknown)
    english_code = rules.read_demolition(demolition(structure="color_steel"), today=TODAY, context=CTX)
    assert english_code.values["structure"] == "color_steel"


def test_a_completed_park_needs_a_completion_date():
    assert rules.read_park(park(), today=TODAY, context=CTX).problems == []
    checked = rules.read_park(park(completed_on=None), today=TODAY, context=CTX)
    assert problems(checked)[("completed_on", "error")] == "已完工的公园需要填写完工日期"
    backwards = rules.read_park(park(started_on="2026-10-02"), today=TODAY, context=CTX)
    assert problems(backwards)[("completed_on", "error")] == "完工日期早于开工日期"


def test_a_greenway_needs_its_length():
    checked = rules.read_park(park(kind="滨海绿道", area_m2=None), today=TODAY, context=CTX)
    assert problems(checked)[("length_km", "error")] == "滨海绿道需要填写长度（公里）"
    ok = rules.read_park(park(kind="滨海绿道", area_m2=None, length_km="5.8公里"), today=TODAY, context=CTX)
    assert ok.errors == [] and ok.values["length_km"] == Decimal("5.8")


def test_park_plan_year_range():
    checked = rules.read_park(park(plan_year="2040"), today=TODAY, context=CTX)
    assert problems(checked)[("plan_year", "error")] == "年份应在 2000 至 2031 之间"


def test_project_totals_cannot_go_below_what_is_signed():
    draft = ProjectDraft(
        "张村河片区",
        "李村河（张村河）流域生态环境综合治理和开发建设",
        "370212",
        total_households="600",
        total_houses="814",
    )
    checked = rules.read_project(draft, today=TODAY, context=rules.Context(DIVISIONS, project=PROJECT))
    assert problems(checked)[("total_households", "error")] == "已签约 650 户，总户数不能更小"
    assert checked.values["campaign_area"] == "licun_river"


def test_a_project_without_totals_is_warned_about():
    checked = rules.read_project(ProjectDraft("某项目", "municipal", "370202"), today=TODAY, context=CTX)
    assert checked.errors == []
    assert [p.field for p in checked.warnings] == ["total_households"]


def test_targets_check_measure_value_and_scope():
    ok = rules.read_target(TargetDraft("2026", "370202", "demolition_area", "5万平方米"), today=TODAY, context=CTX)
    assert ok.errors == [] and ok.values["value"] == Decimal(50000)
    households = rules.read_target(TargetDraft("2026年", "370202", "签约户数", "1,200户"), today=TODAY, context=CTX)
    assert households.errors == [] and households.values["value"] == Decimal(1200)
    fraction = rules.read_target(TargetDraft("2026", "370202", "demolition_count", "12.5"), today=TODAY, context=CTX)
    assert problems(fraction)[("value", "error")] == "数量必须是整数"
    dup = rules.read_target(
        TargetDraft("2026", "370202", "park_hill", "7"),
        today=TODAY,
        context=rules.Context(DIVISIONS, duplicate_key=True),
    )
    assert ("measure", "error") in problems(dup)


def test_messages_follow_the_chosen_language():
    i18n.set_language("en")
    checked = rules.read_signing(signing(households="-1"), today=TODAY, context=CTX)
    assert problems(checked)[("households", "error")] == "Cannot be negative"
    assert checked.problems[0].describe() == "Households signed: Cannot be negative"


def test_a_disposal_that_disagrees_with_the_status_asks_before_saving():
    rectified_as_demolished = rules.read_demolition(
        demolition(disposal="rectify", status="demolished"), today=TODAY, context=CTX
    )
    assert rectified_as_demolished.errors == []
    assert problems(rectified_as_demolished)[("status", "warning")] == "处置方式为“整治”，状态却是“已拆除”，是否正确？"
    demolished_as_rectified = rules.read_demolition(
        demolition(disposal="demolish", status="rectified"), today=TODAY, context=CTX
    )
    assert problems(demolished_as_rectified)[("status", "warning")] == "处置方式为“拆除”，状态却是“已整治”，是否正确？"
    agreeing = rules.read_demolition(demolition(disposal="rectify", status="rectified"), today=TODAY, context=CTX)
    assert agreeing.problems == []
