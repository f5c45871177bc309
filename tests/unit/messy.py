"""Deliberately messy workbooks, as street offices keep them by hand (built by the tests themselves)."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl


def demolition_ledger(path, *, extra_rows=()):
    """拆违台账: title rows, a merged two-row header with units, full-width digits, text and serial
    dates, a hidden row, a merged street cell, a total row and a note below the table."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "拆违台账"
    sheet["A1"] = "崂山区中韩街道2026年违法建设治理台账"
    sheet.merge_cells("A1:J1")
    sheet["A2"] = "填报单位：中韩街道办事处        填报日期：2026年11月20日"
    sheet.merge_cells("A2:J2")
    # two-row header: row 3 groups, row 4 names
    for col, text in zip("ABCD", ("序号", "违建编号", "街道", "地址")):
        sheet[f"{col}3"] = text
        sheet.merge_cells(f"{col}3:{col}4")
    sheet["E3"] = "违建情况"
    sheet.merge_cells("E3:G3")
    sheet["E4"], sheet["F4"], sheet["G4"] = "结构", "面积（万平方米）", "发现日期"
    sheet["H3"] = "处置情况"
    sheet.merge_cells("H3:J3")
    sheet["H4"], sheet["I4"], sheet["J4"] = "处置方式", "状态", "拆除日期"
    sheet["K3"] = "联系电话"  # a column qdgui does not know
    rows = [
        # 序号, 编号, 街道, 地址, 结构, 面积(万㎡), 发现, 处置, 状态, 拆除
        (
            1,
            "ＺＨ－００１",
            "中韩街道",
            "株洲路１８号院内",
            "彩钢",
            "0.012",
            "2026年3月5日",
            "拆除",
            "已拆除",
            "2026.4.1",
        ),
        (2, "ZH-002", None, "海尔路西侧", "砖混", 0.0035, 46082, "拆除", "已拆除", datetime(2026, 5, 6)),
        (3, "ZH-003", None, "辽阳东路 12 号", "钢结构", "约0.01", "2026/6/1", "拆除", "认定", None),
        (4, "ZH-004", None, "秦岭路3号", "木棚", "0.002", "6月3日", "拆除", "已拆除", "2026-06-10"),
        (5, "ZH-005", "中韩", "同安路5号", "彩钢板", "１，２００㎡", "2026-07-01", "整改", "已整改", "2026-07-20"),
    ]
    for i, row in enumerate(rows, start=5):
        for col, value in zip("ABCDEFGHIJ", row):
            if value is not None:
                sheet[f"{col}{i}"] = value
        sheet[f"K{i}"] = "13800000000"
    sheet.merge_cells("C5:C8")  # the street written once for four rows
    sheet["G6"].number_format = "General"  # 46082 as a bare serial number
    hidden = 10
    for col, value in zip(
        "ABCDEFGHIJ", (6, "ZH-006", "中韩街道", "旧记录", "彩钢", "0.1", "2025-01-01", "拆除", "已拆除", "2025-02-01")
    ):
        sheet[f"{col}{hidden}"] = value
    sheet.row_dimensions[hidden].hidden = True
    for offset, row in enumerate(extra_rows, start=11):
        for col, value in zip("ABCDEFGHIJ", row):
            if value is not None:
                sheet[f"{col}{offset}"] = value
    end = 11 + len(extra_rows)
    sheet[f"A{end}"] = "合计"
    sheet[f"F{end}"] = 0.0305
    sheet[f"A{end + 2}"] = "注：面积单位为万平方米。"
    book.save(path)
    return path


def signing_ledger(path):
    """征迁签约台账 with 户/处 units in cells, thousands separators, a blank row and a wrong column."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "签约"
    sheet.append(["张村河片区征迁签约进度表"])
    sheet.append([])
    sheet.append(
        [
            "序号",
            "区（市）",
            "街道（镇）",
            "项目名称",
            "社区（村）",
            "签约日期",
            "签约户数（户）",
            "签约房屋（处）",
            "建筑面积（平方米）",
            "协议编号",
            "补偿方式",
            "备注",
        ]
    )
    sheet.append(
        [
            1,
            "崂山区",
            "中韩",
            "张村河片区旧村改造",
            "董家下庄",
            "2026年11月2日",
            "12户",
            "１５处",
            "1,234.5",
            "DJXZ-001",
            "货币补偿",
            None,
        ]
    )
    sheet.append(
        [
            2,
            "崂山",
            "中韩街道",
            "张村河片区旧村改造",
            "董家下庄村",
            date(2026, 11, 3),
            3,
            3,
            "360",
            "DJXZ-002",
            "产权调换",
            "首批",
        ]
    )
    sheet.append([])
    sheet.append([3, "崂山区", "中韩街道", "不存在的项目", None, "2026-11-04", "2", "2", "200", "X-1", "货币", None])
    sheet.append([4, "崂山区", "中韩街道", "张村河片区旧村改造", None, "11月5日", "30多", "2", "85%", None, None, None])
    book.save(path)
    return path


def target_list(path):
    """The command office's annual target list: district/street, measure, value and year."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "2026年目标"
    sheet.append(["2026年城市更新和城市建设攻坚行动年度目标任务分解表"])
    sheet.append(["年度", "区（市）", "街道", "指标", "目标值"])
    sheet.append(["2026年", "崂山区", None, "签约户数", "4,283户"])
    sheet.append([2026, "崂山区", "中韩街道", "拆违面积", "1.2万平方米"])
    sheet.append([2026, "西海岸新区", None, "口袋公园", 12])
    sheet.append([2026, "市南区", None, "滨海绿道", "3.5公里"])
    sheet.append([2026, "不存在区", None, "签约户数", 10])
    sheet.append([2026, "市北区", None, "跑步人数", 10])
    book.save(path)
    return path
