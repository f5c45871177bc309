"""What a ledger says outside its table: the district, street, project and year written in a title
("崂山区张村河片区征迁签约进度表"), a 填报单位 line ("填报单位：王台街道办事处"), the sheet's name or the
file's name ("即墨区违法建设台账.csv"), and which kind of record a section holds ("二、拆违治乱")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from qdgui.i18n import QT_TRANSLATE_NOOP

# Where a fact came from, in the user's words (context "Import").
SOURCES = {
    "title": QT_TRANSLATE_NOOP("Import", "the title in row {row}"),
    "unit_line": QT_TRANSLATE_NOOP("Import", "the 填报单位 line in row {row}"),
    "sheet_name": QT_TRANSLATE_NOOP("Import", "the sheet name"),
    "file_name": QT_TRANSLATE_NOOP("Import", "the file name"),
    "set": QT_TRANSLATE_NOOP("Import", "the value given for the whole sheet"),
    "settings": QT_TRANSLATE_NOOP("Import", "this laptop's settings (本机设置)"),
    "dates": QT_TRANSLATE_NOOP("Import", "the row's dates"),
}

KIND_WORDS = {
    "annual_target": ("目标任务", "任务分解", "目标分解", "年度目标", "目标表"),
    "demolition": ("拆违", "违建", "违法建设", "违法建筑", "拆除违"),
    "park": ("公园", "绿道", "廊道", "立体绿化", "游园"),
    "signing": ("征迁", "签约", "征收", "拆迁"),
}
_UNIT_LINE = re.compile(r"^\s*(填报单位|报送单位|填报部门|单位名称)\s*[:：]\s*(\S+)")
_YEAR = re.compile(r"(20\d{2})\s*年")
_PROJECT = re.compile(r"([\u4e00-\u9fa5A-Za-z0-9]{2,16}?(?:片区|项目))")
PARK_KINDS = ("山头公园", "口袋公园", "社区公园", "综合公园", "城市公园", "林荫廊道", "立体绿化", "滨海绿道")
_SECTION = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]")


@dataclass(frozen=True)
class Fact:
    """A value for a field found outside the table: text as written, and where (a SOURCES key, a row)."""

    field: str  # district, street, project, year, park_kind
    text: str
    source: str
    row: int | None = None  # 1-based Excel row of a title or 填报单位 line


@dataclass(frozen=True)
class Gazetteer:
    """The names context is matched against: {name: code} of districts (with aliases) and streets."""

    districts: dict[str, str]
    streets: dict[str, list[str]]  # full name (王台街道, 王台镇) -> codes (a name can repeat across districts)
    projects: tuple[str, ...] = ()  # names of projects already in the database


def is_section_title(text: str) -> bool:
    return bool(_SECTION.match(text))


def kind_of_text(text: str) -> str | None:
    """The kind a title names, or None (more than one named: none)."""
    found = {kind for kind, words in KIND_WORDS.items() if any(w in text for w in words)}
    if "annual_target" in found:
        return "annual_target"
    return found.pop() if len(found) == 1 else None


def _longest_names(text: str, names) -> list[str]:
    hits = [n for n in sorted(names, key=len, reverse=True) if n and n in text]
    kept: list[str] = []
    for name in hits:  # "崂山区" inside a longer hit is not another hit
        if not any(name in longer for longer in kept):
            kept.append(name)
    return kept


def facts_in(text: str, source: str, row: int | None, gazetteer: Gazetteer) -> list[Fact]:
    """District, street, project and year written in one line of text."""
    facts: list[Fact] = []
    unit = _UNIT_LINE.match(text)
    if unit:
        source = "unit_line"
        text = unit.group(2)
        for ending in ("人民政府", "办事处"):
            text = text.removesuffix(ending)
    districts = _longest_names(text, gazetteer.districts)
    if len({gazetteer.districts[d] for d in districts}) == 1:
        facts.append(Fact("district", districts[0], source, row))
    streets = _longest_names(text, gazetteer.streets)
    if len(streets) == 1:
        facts.append(Fact("street", streets[0], source, row))
    year = {m.group(1) for m in _YEAR.finditer(text)}
    if len(year) == 1:
        facts.append(Fact("year", year.pop(), source, row))
    park_kinds = [k for k in PARK_KINDS if k in text]
    if len(park_kinds) == 1:
        facts.append(Fact("park_kind", park_kinds[0], source, row))
    known = _longest_names(text, gazetteer.projects)
    if len(known) == 1:
        facts.append(Fact("project", known[0], source, row))
    elif not known and source != "unit_line":
        rest = text
        for name in districts + streets:
            rest = rest.replace(name, " ")
        rest = _YEAR.sub(" ", rest)
        candidates = {m.group(1) for m in _PROJECT.finditer(rest)} - {"项目", "片区"}
        candidates = {c for c in candidates if not any(w in c for words in KIND_WORDS.values() for w in words)}
        if len(candidates) == 1:
            facts.append(Fact("project", candidates.pop(), source, row))
    return facts


def gather(lines: list[tuple[str, int | None, str]], gazetteer: Gazetteer) -> dict[str, Fact]:
    """The facts of several lines (source, row, text), the first line naming a field winning: callers
    list the nearest lines first (a section's own title before the sheet's, the sheet's before the file's)."""
    found: dict[str, Fact] = {}
    for source, row, text in lines:
        for fact in facts_in(text, source, row, gazetteer):
            found.setdefault(fact.field, fact)
    return found
