"""Recognising the columns of a hand-kept sheet: header row, merged two-row headers, names and units."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from qdgui.models.parse import AREA_UNITS, COUNT_UNITS, LAND_UNITS, LENGTH_UNITS, MONEY_WAN_UNITS

# Header names people write for each field, per kind (compared after folding width and spaces).
_PLACE = {
    "district_code": ("区", "区市", "区(市)", "所属区", "所属区市", "区县", "区(市、县)", "辖区"),
    "street_code": (
        "街道",
        "街道(镇)",
        "镇街",
        "街镇",
        "所属街道",
        "街道办事处",
        "街道办",
        "镇(街道)",
        "街道名称",
        "所在街道",
        "所在镇街",
        "街道(镇、园区)",
        "镇街名称",
    ),
}
_COMMUNITY = (
    "社区",
    "村",
    "社区(村)",
    "村(社区)",
    "村居",
    "社区/村",
    "村/社区",
    "所属社区",
    "社区名称",
    "村庄",
    "所在社区",
    "所在村",
    "村(居)",
    "社区(村居)",
)
_PROJECT = ("项目", "项目名称", "片区", "征迁项目", "所属项目", "片区名称", "项目(片区)")
_MONTH_NAMES = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")
SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "signing": {
        **_PLACE,
        "signed_on": ("签约日期", "签约时间", "签订日期", "协议签订日期", "签约日", "日期"),
        "project_uuid": _PROJECT,
        "community_uuid": _COMMUNITY,
        "households": ("签约户数", "户数", "签约户", "已签约户数", "签约(户)"),
        "houses": ("签约房屋", "房屋", "房屋数", "签约房屋数", "处数", "签约处数", "签约房屋(处)", "签约处"),
        "area_m2": ("面积", "签约面积", "建筑面积", "房屋面积", "签约建筑面积"),
        "land_mu": ("腾空土地", "腾空土地面积", "腾地", "腾地面积", "土地面积", "腾空土地(亩)"),
        "agreement_no": ("协议编号", "协议号", "合同编号", "合同号"),
        "compensation": ("补偿方式", "安置方式", "补偿安置方式"),
        "remarks": ("备注", "说明"),
    },
    "demolition": {
        **_PLACE,
        "case_no": ("违建编号", "编号", "案件编号", "台账编号", "违法建设编号", "案卷号"),
        "community_uuid": _COMMUNITY,
        "project_uuid": _PROJECT,
        "address": ("地址", "位置", "违建地址", "坐落", "具体位置", "违建位置", "坐落位置"),
        "key_zone": ("重点区域", "所属区域", "区域"),
        "structure": ("结构", "建筑结构", "结构类型"),
        "area_m2": ("面积", "违建面积", "拆除面积", "建筑面积", "违法建设面积"),
        "disposal": ("处置方式", "处理方式", "处置类型"),
        "status": ("状态", "进度", "处置状态", "当前状态", "进展情况", "处置进度"),
        "found_on": ("发现日期", "认定日期", "排查日期", "登记日期", "发现时间", "认定时间"),
        "done_on": (
            "拆除日期",
            "完成日期",
            "处置日期",
            "拆除时间",
            "整改日期",
            "完成时间",
            "拆除完成日期",
            "拆除完成时间",
            "实际拆除日期",
            "办结日期",
            "办结时间",
            "拆除情况拆除日期",
        ),
        "enforcement_unit": ("执法单位", "实施单位", "责任单位", "执法部门", "执法中队", "执法队", "拆除单位"),
        "remarks": ("备注", "说明"),
    },
    "park": {
        **_PLACE,
        "name": ("名称", "公园名称", "项目名称", "公园(绿道)名称", "点位名称"),
        "kind": ("类型", "公园类型", "类别", "建设类型"),
        "project_uuid": ("所属项目", "征迁项目", "片区"),
        "plan_year": ("计划年度", "年度", "年份", "计划年份"),
        "area_m2": ("面积", "建设面积", "绿化面积", "占地面积"),
        "length_km": ("长度", "里程", "绿道长度", "廊道长度"),
        "investment_wan": ("投资", "总投资", "投资额", "计划投资"),
        "status": ("状态", "建设状态", "进度", "建设进度"),
        "started_on": ("开工日期", "开工时间"),
        "completed_on": ("完工日期", "竣工日期", "建成日期", "完成日期", "建成时间", "完工时间"),
        "remarks": ("备注", "说明"),
    },
    "annual_target": {
        **_PLACE,
        "year": ("年度", "年份", "目标年度"),
        "measure": ("指标", "任务", "目标类型", "任务类型", "指标名称", "考核指标"),
        "value": (
            "目标",
            "目标值",
            "任务量",
            "年度目标",
            "数值",
            "目标任务",
            "年度任务",
            "全年目标",
            "全年任务",
            "全年目标任务",
            "年度目标任务",
            "全年",
        ),
        # one column per month of a plan by month: 1月, 1月份, 一月, 1月计划, 1月目标
        **{
            f"month_{m}": tuple(
                f"{month}{tail}"
                for month in (f"{m}月", f"{_MONTH_NAMES[m - 1]}月")
                for tail in ("", "份", "计划", "目标")
            )
            for m in range(1, 13)
        },
    },
}


def _key_fields_present(kind: str, fields: set) -> bool:
    if kind == "annual_target" and any(f.startswith("month_") for f in fields):
        fields = fields | {"value"}  # a plan by month gives the year's target (its sum)
    return all(f in fields for f in KEY_FIELDS[kind])


IGNORED = ("序号", "编码", "No", "No.", "序")

# A field a sheet of the kind must have to be taken for that kind (besides the place).
KEY_FIELDS = {
    "signing": ("signed_on",),
    "demolition": ("address",),  # many real ledgers have no case number
    "park": ("name",),
    "annual_target": ("measure", "value"),
}
NUMERIC_UNITS = {
    "area_m2": AREA_UNITS,
    "land_mu": LAND_UNITS,
    "length_km": LENGTH_UNITS,
    "investment_wan": MONEY_WAN_UNITS,
    "households": COUNT_UNITS,
    "houses": COUNT_UNITS,
    "value": (*AREA_UNITS, *LAND_UNITS, *LENGTH_UNITS, *COUNT_UNITS),
    **{f"month_{m}": (*AREA_UNITS, *LAND_UNITS, *LENGTH_UNITS, *COUNT_UNITS) for m in range(1, 13)},
}
_ALL_UNITS = {name for units in NUMERIC_UNITS.values() for unit in units for name in unit.names}
_BRACKETS = re.compile(r"[(\[【]([^()\[\]【】]*)[)\]】]")


_SPACES = re.compile(r"\s+")


def fold(text) -> str:
    """Full-width to ASCII, no spaces or line breaks: how headers are compared."""
    if isinstance(text, str):
        return _fold_text(text)
    return _SPACES.sub("", unicodedata.normalize("NFKC", str(text or "")))


@functools.lru_cache(maxsize=16384)
def _fold_text(text: str) -> str:  # a sheet repeats its headers, choices and places on every row
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


@dataclass(frozen=True)
class Header:
    """One column's header as written, the name it is matched by, and the unit it declares."""

    text: str
    name: str
    unit: str | None


def parse_header(text: str) -> Header:
    """'拆除面积（万平方米）' -> name '拆除面积', unit '万平方米'; '区（市）' keeps its brackets."""
    folded = fold(text)
    unit = None
    for match in list(_BRACKETS.finditer(folded)):
        inside = match.group(1)
        if inside in _ALL_UNITS or inside.lower() in {u.lower() for u in _ALL_UNITS}:
            unit = inside
            folded = folded.replace(match.group(0), "")
    if unit is None:
        for candidate in sorted(_ALL_UNITS, key=len, reverse=True):
            for sep in ("/", "_", ""):
                ending = sep + candidate
                if len(candidate) > 1 and folded.endswith(ending) and len(folded) > len(ending) + 1:
                    unit, folded = candidate, folded[: -len(ending)]
                    break
            if unit:
                break
    return Header(str(text), folded, unit)


def match_field(kind: str, names: list[str]) -> str | None:
    """The field whose synonyms include one of the names (tried in order), or None."""
    table = SYNONYMS[kind]
    for name in names:
        if not name:
            continue
        for field, synonyms in table.items():
            if name in synonyms or name.lower() == field:
                return field
    return None


def is_known_header(name: str) -> bool:
    return (
        name in IGNORED
        or measure_of_header(name) is not None
        or month_of_header(name) is not None
        or any(match_field(kind, [name]) for kind in SYNONYMS)
    )


_MONTH = re.compile(r"^(1[0-2]|[1-9])月份?$")


def month_of_header(name: str) -> int | None:
    """The month a column of a progress-by-month sheet stands for ('5月', '5月份'), or None."""
    found = _MONTH.match(fold(name))
    return int(found.group(1)) if found else None


def month_columns(headers: list[Header]) -> dict[int, int]:
    """{column: month} when a header names at least three months."""
    months = {c: m for c, h in enumerate(headers) if (m := month_of_header(h.name)) is not None}
    return months if len(months) >= 3 else {}


def measure_of_header(name: str) -> str | None:
    """The target measure a column of a wide target table stands for (拆违处数, 口袋公园, ...), or None."""
    return VALUE_SYNONYMS["measure"].get(fold(name))


def wide_measures(headers: list[Header]) -> dict[int, str]:
    """{column: measure} of a target table laid out one column per measure."""
    return {c: m for c, h in enumerate(headers) if (m := measure_of_header(h.name)) is not None}


@dataclass
class SheetLayout:
    header_rows: tuple[int, ...]  # 0-based rows that make the header (one or two)
    headers: list[Header]  # per column
    kind: str | None
    mapping: dict[int, str]  # column -> field

    @property
    def first_data_row(self) -> int:
        return self.header_rows[-1] + 1


def fill_merged(rows: list[list], merged, *, below: int = -1) -> list[list]:
    """Copy each merged range's value into all its cells (only ranges starting at or above `below`
    when given: header rows; -1 fills every range)."""
    width = max([len(r) for r in rows] + [c1 + 1 for _, _, _, c1 in merged] + [0])
    grid = [list(r) + [""] * (width - len(r)) for r in rows]
    for r0, c0, r1, c1 in merged:
        if below >= 0 and r0 > below:
            continue
        if r0 >= len(grid):
            continue
        value = grid[r0][c0]
        for r in range(r0, min(r1, len(grid) - 1) + 1):
            for c in range(c0, c1 + 1):
                grid[r][c] = value
    return grid


def detect_layout(rows: list[list], merged, *, kind: str | None = None, scan: int = 30) -> SheetLayout | None:
    """Find the header row under any title rows, join a two-row header, and map columns to fields."""
    grid = fill_merged(rows[: scan + 2], [m for m in merged if m[0] < scan + 2])
    best, best_score = None, 1
    for r, row in enumerate(grid[:scan]):
        score = sum(1 for cell in row if cell not in ("", None) and is_known_header(parse_header(cell).name))
        if score > best_score:
            best, best_score = r, score
    if best is None:
        return None
    header_rows = (best,)
    spans = {(m[0], m[1], m[3]) for m in merged if m[3] > m[1]}
    below = grid[best + 1] if best + 1 < len(grid) else []
    if (
        any(r0 == best for r0, _, _ in spans)
        and sum(1 for cell in below if cell not in ("", None) and is_known_header(parse_header(cell).name)) >= 1
    ):
        header_rows = (best, best + 1)
    elif best > 0 and any(r0 == best - 1 for r0, _, _ in spans) and _is_group_row(rows[best - 1]):
        if not any(m[0] == best - 1 and m[1] == 0 and m[3] >= len(grid[best]) - 1 for m in merged):  # not a title
            header_rows = (best - 1, best)
    width = max(len(grid[r]) for r in header_rows)
    headers, names = [], []
    for c in range(width):
        parts = []
        for r in header_rows:
            text = grid[r][c] if c < len(grid[r]) else ""
            if text not in ("", None) and str(text) not in parts:
                parts.append(str(text))
        lower = parse_header(parts[-1]) if parts else Header("", "", None)
        joined = parse_header("".join(parts)) if parts else lower
        upper = parse_header(parts[0]) if parts else lower
        unit = lower.unit or upper.unit
        headers.append(Header(" / ".join(parts), lower.name, unit))
        names.append([lower.name, joined.name, upper.name])
    chosen = kind or guess_kind(names)
    mapping: dict[int, str] = {}
    if chosen:
        taken: set[str] = set()
        for c, candidates in enumerate(names):
            field = match_field(chosen, candidates)
            if field and field not in taken:
                mapping[c] = field
                taken.add(field)
    return SheetLayout(header_rows, headers, chosen, mapping)


def _is_group_row(raw: list) -> bool:
    """A row of header groups (违建情况 over 结构/面积/发现日期): several texts, none a unit line (单位：户、㎡)."""
    texts = {str(v).strip() for v in raw if isinstance(v, str) and v.strip()}
    return len(texts) >= 2 and not any(t.startswith(("单位", "计量单位", "填报单位")) for t in texts)


def _header_cells(row: list) -> tuple[int, int] | None:
    """(known header names, distinct texts) of a row that could be a header: text only, no numbers or dates."""
    texts = set()
    for cell in row:
        if cell in ("", None):
            continue
        if not isinstance(cell, str):
            return None
        texts.add(fold(cell))
    known = sum(1 for t in texts if is_known_header(parse_header(t).name))
    return known, len(texts)


@dataclass
class Table:
    """One table of a sheet: its layout, its last row (exclusive) and the lines written above it."""

    layout: SheetLayout
    end: int
    preamble: list[tuple[int, str]]  # (0-based row, text) of titles, 填报单位 and unit lines above the header


def _line_text(raw: list) -> str | None:
    """The text of a title-like row (one or two distinct texts, no numbers), or None."""
    texts = []
    for cell in raw:
        if cell in ("", None):
            continue
        if not isinstance(cell, str):
            return None
        if cell.strip() and cell.strip() not in texts:
            texts.append(cell.strip())
    if not texts or len(texts) > 2:
        return None
    return "  ".join(texts)


def detect_tables(
    rows: list[list], merged, *, kind: str | None = None, kind_hint=None, fallback_kind: str | None = None
) -> list[Table]:
    """Every table of a sheet: a header row (text only, mostly known names) starts one, unless it repeats
    the current table's header (a header printed again on each page). `kind_hint(text)` names the kind a
    title line speaks of; it decides between kinds whose columns both fit (a park table has 面积 and
    位置 too)."""
    grid = fill_merged(rows, merged)
    starts: list[int] = []
    current: list[list[str]] = []  # the folded rows of the current table's header
    r = 0
    while r < len(grid):
        cells = _header_cells(grid[r])
        if cells is None or cells[0] < 2 or cells[0] * 10 < cells[1] * 4:
            r += 1
            continue
        folded = [fold(c) for c in grid[r]]
        if folded in current:
            r += 1  # a repeated header: the reader skips it as such
            continue
        starts.append(r)
        current = [folded]
        r += 1
        while r < len(grid) and (nxt := _header_cells(grid[r])) is not None and nxt[0] >= 1:
            current.append([fold(c) for c in grid[r]])
            r += 1  # the second row of a two-row header belongs to this one
    tables: list[Table] = []
    for i, start in enumerate(starts):
        low = tables[-1].layout.first_data_row if tables else 0
        window = max(start - 1, low)
        shifted = [(max(r0 - window, 0), c0, r1 - window, c1) for r0, c0, r1, c1 in merged if r1 >= window]
        next_start = starts[i + 1] if i + 1 < len(starts) else len(rows)
        scan = start - window + 3
        layout = detect_layout(rows[window:next_start], shifted, kind=kind, scan=scan)
        if layout is None:
            continue
        header_rows = tuple(h + window for h in layout.header_rows)
        preamble: list[tuple[int, str]] = []
        top = header_rows[0] - 1
        while top >= low:
            raw = rows[top] if top < len(rows) else []
            if all(v in ("", None) for v in raw):
                top -= 1
                continue
            text = _line_text(raw)
            if text is None or (tables and len(preamble) >= 3):
                break
            preamble.insert(0, (top, text))
            top -= 1
        if tables:
            tables[-1].end = preamble[0][0] if preamble else header_rows[0]
        if kind is None and kind_hint is not None:
            hinted = next((k for _, text in reversed(preamble) if (k := kind_hint(text))), None) or fallback_kind
            if hinted and hinted != layout.kind:
                relaid = detect_layout(rows[window:next_start], shifted, kind=hinted, scan=scan)
                if relaid is not None and set(relaid.mapping.values()) - {"district_code", "street_code"}:
                    layout = relaid
        layout.header_rows = header_rows
        tables.append(Table(layout, next_start, preamble))
    return tables


def guess_kind(names: list[list[str]]) -> str | None:
    scores = {}
    for kind in SYNONYMS:
        fields = {match_field(kind, candidates) for candidates in names} - {None}
        if _key_fields_present(kind, fields):
            scores[kind] = len(fields)
    if not scores:
        return None
    return max(scores, key=lambda k: (scores[k], -list(SYNONYMS).index(k)))


# Words people write in cells for a closed choice, beyond the program's own labels.
VALUE_SYNONYMS: dict[str, dict[str, str]] = {
    "structure": {
        "砖混结构": "brick_concrete",
        "砖混": "brick_concrete",
        "砖木": "brick_concrete",
        "混凝土": "brick_concrete",
        "钢结构": "steel",
        "钢架": "steel",
        "彩钢": "color_steel",
        "彩钢板": "color_steel",
        "彩钢房": "color_steel",
        "简易房": "other",
        "其他": "other",
        "其它": "other",
    },
    "disposal": {
        "拆除": "demolish",
        "拆": "demolish",
        "整改": "rectify",
        "整治": "rectify",
        "改造": "renovate",
        "提升改造": "renovate",
    },
    "status": {
        "已拆除": "demolished",
        "已拆": "demolished",
        "拆除完毕": "demolished",
        "拆除完成": "demolished",
        "已整改": "rectified",
        "已整治": "rectified",
        "整改完成": "rectified",
        "已认定": "identified",
        "认定": "identified",
        "待拆除": "identified",
        "未拆除": "identified",
        "未拆": "identified",
        "拆除中": "in_progress",
        "正在拆除": "in_progress",
        "处置中": "in_progress",
        "整改中": "in_progress",
        "已建成": "completed",
        "建成": "completed",
        "已完工": "completed",
        "完工": "completed",
        "竣工": "completed",
        "在建": "building",
        "施工中": "building",
        "建设中": "building",
        "计划": "planned",
        "未开工": "planned",
        "规划": "planned",
    },
    "kind": {
        "山头公园": "hill",
        "综合公园": "comprehensive",
        "城市公园": "comprehensive",
        "口袋公园": "pocket",
        "社区公园": "community",
        "林荫廊道": "corridor",
        "立体绿化": "vertical",
        "滨海绿道": "greenway",
        "绿道": "greenway",
        "社区": "community",
        "村": "village",
        "村庄": "village",
    },
    "compensation": {
        "货币补偿": "cash",
        "货币": "cash",
        "产权调换": "swap",
        "房屋置换": "swap",
        "调换": "swap",
        "货币+产权调换": "mixed",
        "货币加产权调换": "mixed",
        "混合": "mixed",
    },
    "measure": {
        "签约户数": "signed_households",
        "征迁签约户数": "signed_households",
        "签约户": "signed_households",
        "签约房屋": "signed_houses",
        "签约房屋数": "signed_houses",
        "签约处数": "signed_houses",
        "签约面积": "signed_area",
        "签约建筑面积": "signed_area",
        "腾空土地": "vacated_land",
        "腾空土地面积": "vacated_land",
        "拆除违建": "demolition_count",
        "拆违处数": "demolition_count",
        "拆除违法建设": "demolition_count",
        "拆除违建处数": "demolition_count",
        "拆违面积": "demolition_area",
        "拆除违建面积": "demolition_area",
        "拆除违法建设面积": "demolition_area",
        "山头公园": "park_hill",
        "综合公园": "park_comprehensive",
        "口袋公园": "park_pocket",
        "社区公园": "park_community",
        "林荫廊道": "park_corridor",
        "立体绿化": "park_vertical",
        "滨海绿道": "park_greenway",
    },
}


def choice_code(field: str, text) -> str | None:
    """A code for a cell of a closed choice written in one of the common ways, or None."""
    folded = fold(text)
    return VALUE_SYNONYMS.get(field, {}).get(folded)
