"""Ledgers as street and district offices really keep them, one habit each (built by the tests; the
places are Qingdao's, from ../shared/data via the shipped division list)."""

from __future__ import annotations

from datetime import datetime

import openpyxl


def _put(sheet, top: int, rows) -> None:
    for r, row in enumerate(rows, start=top):
        for c, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(r, c, value)


def title_only_signing(path):
    """District and project only in the title, the street only in the 填报单位 line, a unit row merged over
    part of the width above the header, a village subtotal, merged signers' notes at the bottom."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "签约进度"
    sheet["A1"] = "崂山区张村河片区征迁签约进度表"
    sheet.merge_cells("A1:F1")
    sheet["A2"] = "填报单位：中韩街道办事处"
    sheet.merge_cells("A2:C2")
    sheet["E2"] = "截至2026年11月27日"
    sheet["D3"] = "单位：户、㎡"
    sheet.merge_cells("D3:F3")
    _put(sheet, 4, [("序号", "村（社区）", "签约日期", "签约户数", "签约面积", "备注")])
    _put(
        sheet,
        5,
        [
            (1, "董家下庄", datetime(2026, 11, 2), 12, 1520.5, None),
            (2, "董家下庄", datetime(2026, 11, 9), 8, 980, "含2户店铺"),
            ("董家下庄小计", None, None, 20, 2500.5, None),
            (3, "张村", datetime(2026, 11, 16), 5, 610, None),
            (4, "张村", "2026.11.13", "约10", 1200, None),
            ("合计", None, None, 25, 3110.5, None),
        ],
    )
    sheet["A12"] = "填表人：王丽    审核人：李强    联系电话：0532-88886666"
    sheet.merge_cells("A12:F12")
    book.save(path)
    return path


def park_year_in_title(path):
    """西海岸新区2023年公园建设推进表: district and year only in the title; the street per row."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "公园"
    sheet["A1"] = "西海岸新区2023年公园建设推进表"
    sheet.merge_cells("A1:G1")
    _put(
        sheet,
        2,
        [
            ("序号", "公园名称", "类型", "所在街道", "面积\n（平方米）", "建设状态", "完工日期"),
            (1, "灵山卫口袋公园", "口袋公园", "灵山卫街道", 3200, "已建成", datetime(2023, 6, 30)),
            (2, "王台山头公园", "山头公园", "王台街道", "4.5万㎡", "在建", None),
            (3, "黄岛社区游园", "社区公园", "黄岛街道", 2600, "已建成", datetime(2023, 9, 1)),
        ],
    )
    book.save(path)
    return path


def weekly_three_tables(path):
    """A street office's weekly sheet: 一、征迁签约 / 二、拆违治乱 / 三、口袋公园建设, each with its own
    header; the park table has 编号 and 位置 columns that would make it look like demolitions."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "第47周"
    sheet["A1"] = "王台街道城市更新和城市建设三年攻坚行动第47周推进情况"
    sheet.merge_cells("A1:G1")
    sheet["A2"] = "一、征迁签约"
    _put(
        sheet,
        3,
        [
            ("序号", "项目名称", "村（社区）", "签约日期", "签约户数", "签约面积（㎡）"),
            (1, "王台旧村改造", "王台一村", datetime(2026, 11, 17), 6, 720),
            (2, "王台旧村改造", "王台一村", datetime(2026, 11, 19), 4, 480),
        ],
    )
    sheet["A7"] = "二、拆违治乱"
    _put(
        sheet,
        8,
        [
            ("序号", "违建编号", "地址", "结构", "面积（㎡）", "发现日期", "状态", "拆除日期"),
            (1, "WT-2026-031", "王台一村东侧", "彩钢", 85, datetime(2026, 10, 8), "已拆除", datetime(2026, 11, 18)),
            (2, "WT-2026-032", "王台二村路口", "砖混", 40, datetime(2026, 10, 20), "认定", None),
        ],
    )
    sheet["A12"] = "三、口袋公园建设"
    _put(
        sheet,
        13,
        [
            ("编号", "公园名称", "位置", "面积（㎡）", "计划年度", "建设状态"),
            ("P-01", "王台文化口袋公园", "王台一村", 1800, 2026, "在建"),
            ("P-02", "王台滨河口袋公园", "王台二村", 2400, 2026, "计划"),
        ],
    )
    book.save(path)
    return path


def demolition_csv(path, *, encoding="gbk"):
    """即墨区违法建设台账.csv: the district only in the file name; no 违建编号, 状态 or 发现日期; 执法中队 and 办结日期."""
    lines = [
        "序号,街道,社区,地址,结构,面积（㎡）,执法中队,办结日期",
        "1,环秀街道,,鹤山路东首彩钢棚,彩钢,120,环秀中队,2024-05-06",
        "2,环秀街道,,蓝鳌路88号院内,砖混,65.5,环秀中队,2024/6/1",
        '3,通济街道,,烟青路北侧,钢结构,"1,200",通济中队,2024-07-15',
        "4,环秀街道,,振华街12号,彩钢,约30,环秀中队,2024-08-01",
    ]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def wide_targets(path):
    """2024年目标任务分解表: one row per district, one column per measure, units in the headers, a total row."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "目标分解"
    sheet["A1"] = "2024年目标任务分解表"
    sheet.merge_cells("A1:G1")
    _put(
        sheet,
        2,
        [
            ("序号", "区（市）", "签约户数", "拆违处数", "拆违面积（万㎡）", "山头公园", "口袋公园"),
            (1, "市南区", 300, 120, 1.5, 1, 10),
            (2, "崂山区", 1200, 400, "3.2", None, 8),
            (3, "西海岸新区", 2000, "约500", 6, 3, 15),
            ("合计", None, 3500, 1020, 10.7, 4, 33),
        ],
    )
    book.save(path)
    return path


def monthly_targets(path):
    """2025年目标任务分解表 by month: one row per district and measure, the year's target, then 1月..12月
    (a plan that adds up to more than the year's target, a street's row, a total row)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "分月计划"
    sheet["A1"] = "2025年拆违治乱目标任务分月分解表"
    sheet.merge_cells("A1:P1")
    months = [f"{m}月" for m in range(1, 13)]
    _put(
        sheet,
        2,
        [
            ("序号", "区（市）", "街道", "任务类型", "全年目标", *months),
            (1, "崂山区", None, "拆违面积", 12000, *[1000] * 12),
            (2, "崂山区", "王哥庄街道", "拆违处数", 40, 0, 0, 5, 5, 5, 5, 5, 5, 5, 5, None, None),
            (3, "市南区", None, "拆违处数", 30, *[3] * 12),
            (4, "市北区", None, "拆违面积", "8000", *[None] * 5, 2000, 2000, 2000, 2000, None, None, None),
            ("合计", None, None, None, 52000, *[None] * 12),
        ],
    )
    book.save(path)
    return path


def park_progress_by_month(path):
    """A park progress sheet with one column per month (前期, 开工, 30%, 完工 written as the months pass)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "口袋公园"
    sheet["A1"] = "崂山区2026年口袋公园建设进度表"
    sheet.merge_cells("A1:P1")
    months = [f"{m}月" for m in range(1, 12)]
    _put(sheet, 2, [("序号", "公园名称", "类型", "所在街道", "面积（㎡）", *months)])
    progress = [
        ("石老人口袋公园", 1500, {1: "前期", 3: "开工", 5: "30%", 8: "完工"}),
        ("株洲路游园", 900, {4: "前期", 6: "开工", 9: "60%"}),
        ("海尔路口袋公园", 1200, {2: "前期"}),
        ("辽阳东路口袋公园", 800, {3: "前期", 6: "开工", 11: "完工"}),
    ]
    for i, (name, area, cells) in enumerate(progress, start=3):
        _put(sheet, i, [(i - 2, name, "口袋公园", "中韩街道", area, *[cells.get(m) for m in range(1, 12)])])
    book.save(path)
    return path
