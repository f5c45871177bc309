"""Clerks' work through the real forms, by keyboard: what they see, and what lands in the database."""

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from qdgui.models import repository
from qdgui.models.records import ProjectDraft
from qdgui.models.tables import Demolition, Park, Signing
from qdgui.views import record_form
from tests.ui.keyboard import type_text

TODAY_TEXT = "2026-11-21"


@pytest.fixture
def project(db, clerk, today):
    with db.begin() as s:
        return repository.add(
            s,
            ProjectDraft(
                "张村河片区旧村改造", "licun_river", "370212", "370212001", total_households=702, total_houses=814
            ),
            by=clerk,
            today=today,
        )


def type_into(qtbot, widget, text):
    """Focus a field, select what it holds and type over it, as a clerk would."""
    target = getattr(widget, "edit", widget)
    target.setFocus()
    target.selectAll()
    type_text(target, text)


def count(db, table):
    with db.sessions() as s:
        return s.scalar(select(func.count()).select_from(table).where(table.deleted.is_(False)))


def test_a_signing_typed_by_keyboard_is_saved_and_the_next_entry_is_ready(qtbot, db, project, make_window):
    window = make_window()
    window.pages["signing"].reload()  # the project was added before the window opened
    form = window.pages["signing"].form
    assert form.widgets["district_code"].currentText() == "崂山区"  # this laptop's district
    assert form.widgets["street_code"].currentText() == "中韩街道"
    assert form.widgets["signed_on"].text() == TODAY_TEXT
    type_text(form.widgets["project_uuid"], "张")  # type-to-select in the list
    assert form.widgets["project_uuid"].currentText() == "张村河片区旧村改造"
    type_into(qtbot, form.widgets["households"], "６０户")
    type_into(qtbot, form.widgets["houses"], "70处")
    type_into(qtbot, form.widgets["area_m2"], "8,400㎡")
    qtbot.keyClick(form.widgets["area_m2"], Qt.Key.Key_Return)

    assert form.status.text().startswith("已于") and "未保存" not in form.status.text()
    with db.sessions() as s:
        row = s.execute(select(Signing)).scalar_one()
        assert (row.households, row.houses, row.area_m2, row.operator, row.device) == (
            60,
            70,
            Decimal(8400),
            "王丽",
            "laptop-a",
        )
        assert len(repository.history(s, row.uuid)) >= 6
    # kept for the next entry: place, project, date; emptied: the figures
    assert form.widgets["project_uuid"].currentText() == "张村河片区旧村改造"
    assert form.widgets["signed_on"].text() == TODAY_TEXT
    assert form.widgets["households"].text() == ""
    assert window.pages["signing"].model.rowCount() == 1
    assert window.pages["signing"].table.model().index(0, 5).data() == "60"


@pytest.mark.parametrize(
    "field, text, message",
    [
        ("households", "约30", "“约30”是估计数，请填写确切数字"),
        ("households", "-5", "不能为负数"),
        ("signed_on", "2026-12-01", "2026-12-01 是将来的日期"),
        ("signed_on", "3月5日", "“3月5日”没有年份，请写完整日期"),
        ("households", "703", "签约将达到 703，超过项目总数 702（尚余 702）"),
    ],
)
def test_bad_input_is_shown_at_its_field_and_nothing_is_written(qtbot, db, project, make_window, field, text, message):
    window = make_window()
    window.pages["signing"].reload()
    form = window.pages["signing"].form
    form.widgets["project_uuid"].set_code(project)
    type_into(qtbot, form.widgets["houses"], "1")
    type_into(qtbot, form.widgets[field], text)
    qtbot.keyClick(form.widgets[field], Qt.Key.Key_Return)
    assert form.problem_text(field) == message
    assert "未保存" in form.status.text()
    assert count(db, Signing) == 0


def test_warnings_are_asked_about_and_respected(qtbot, db, project, make_window, monkeypatch):
    answers = []
    monkeypatch.setattr(record_form.ConfirmWarnings, "ask", classmethod(lambda cls, parent, problems: answers.pop(0)))
    window = make_window()
    window.pages["signing"].reload()
    form = window.pages["signing"].form
    form.widgets["project_uuid"].set_code(project)
    type_into(qtbot, form.widgets["households"], "2")
    type_into(qtbot, form.widgets["signed_on"], "2025-06-01")
    answers.append(False)
    qtbot.keyClick(form.widgets["households"], Qt.Key.Key_Return)
    assert count(db, Signing) == 0
    assert "已超过一年" in form.problem_text("signed_on")
    answers.append(True)
    qtbot.keyClick(form.widgets["households"], Qt.Key.Key_Return)
    assert count(db, Signing) == 1


def test_a_finished_demolition_without_its_date_is_refused_at_that_field(qtbot, db, make_window):
    window = make_window()
    form = window.pages["demolition"].form
    type_into(qtbot, form.widgets["case_no"], "WJ2026-001")
    type_into(qtbot, form.widgets["address"], "中韩街道东韩社区12号")
    form.widgets["structure"].set_code("color_steel")
    type_into(qtbot, form.widgets["area_m2"], "120㎡")
    form.widgets["disposal"].set_code("demolish")
    form.widgets["status"].set_code("demolished")
    qtbot.keyClick(form.widgets["area_m2"], Qt.Key.Key_Return)
    assert form.problem_text("done_on") == "已办结的案件需要填写办结日期"
    assert count(db, Demolition) == 0
    type_into(qtbot, form.widgets["done_on"], "2026年11月21日")
    qtbot.keyClick(form.widgets["done_on"], Qt.Key.Key_Return)
    assert form.problem_text("done_on") == ""
    with db.sessions() as s:
        assert s.execute(select(Demolition.case_no, Demolition.area_m2, Demolition.status)).one() == (
            "WJ2026-001",
            Decimal(120),
            "demolished",
        )


def test_a_completed_park_needs_its_date(qtbot, db, make_window):
    window = make_window()
    form = window.pages["park"].form
    type_into(qtbot, form.widgets["name"], "浮山山头公园")
    form.widgets["kind"].set_code("hill")
    form.widgets["status"].set_code("completed")
    type_into(qtbot, form.widgets["area_m2"], "3.5万平方米")
    qtbot.keyClick(form.widgets["name"], Qt.Key.Key_Return)
    assert form.problem_text("completed_on") == "已完工的公园需要填写完工日期"
    assert count(db, Park) == 0


def test_an_unsaved_entry_survives_closing_the_window(qtbot, db, make_window):
    window = make_window()
    form = window.pages["demolition"].form
    type_into(qtbot, form.widgets["case_no"], "WJ2026-077")
    type_into(qtbot, form.widgets["address"], "沙子口街道南姜社区")
    window.close()
    again = make_window()
    restored = again.pages["demolition"].form
    assert restored.widgets["case_no"].text() == "WJ2026-077"
    assert restored.widgets["address"].text() == "沙子口街道南姜社区"
    assert restored.status.text() == "已恢复上次未保存的录入内容。"
    assert count(db, Demolition) == 0


def test_edit_then_undo_restores_the_previous_state(qtbot, db, project, make_window, clerk, today):
    from qdgui.models.records import SigningDraft

    with db.begin() as s:
        uuid = repository.add(
            s,
            SigningDraft(project, "370212", "370212001", "2026-11-20", households=60, houses=70),
            by=clerk,
            today=today,
        )
    window = make_window()
    page = window.pages["signing"]
    page.reload()
    page.table.selectRow(0)
    page.edit_selected()
    assert page.form.editing == (uuid, 1)
    assert "修改" in page.form.title.text()
    type_into(qtbot, page.form.widgets["households"], "65")
    qtbot.keyClick(page.form.widgets["households"], Qt.Key.Key_Return)
    with db.sessions() as s:
        assert s.get(Signing, uuid).households == 65
    assert page.model.index(0, 5).data() == "65"
    window.undo_action.trigger()
    with db.sessions() as s:
        row = s.get(Signing, uuid)
        assert (row.households, row.version) == (60, 3)
    assert page.model.index(0, 5).data() == "60"


def test_delete_asks_and_undo_brings_the_record_back(qtbot, db, project, make_window, monkeypatch, clerk, today):
    from qdgui.models.records import SigningDraft
    from qdgui.views import dialogs

    with db.begin() as s:
        repository.add(
            s, SigningDraft(project, "370212", "370212001", "2026-11-20", households=1, houses=1), by=clerk, today=today
        )
    asked = []
    monkeypatch.setattr(dialogs.ConfirmDelete, "ask", classmethod(lambda cls, parent, text: asked.append(text) or True))
    window = make_window()
    page = window.pages["signing"]
    page.reload()
    total = window._count_label.text()
    assert total == "共 2 条记录"  # the project and the signing
    recounts = []
    real_count = repository.count_records
    monkeypatch.setattr(repository, "count_records", lambda *a, **k: recounts.append(1) or real_count(*a, **k))
    page.table.selectRow(0)
    page.delete_selected()
    assert asked and "2026-11-20" in asked[0]
    assert count(db, Signing) == 0 and page.model.rowCount() == 0
    assert window._count_label.text() == "共 1 条记录"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert count(db, Signing) == 1 and page.model.rowCount() == 1
    assert window._count_label.text() == "共 2 条记录"
    assert recounts == []  # the status line followed the two changes without counting the tables again


def test_history_shows_every_change(qtbot, db, project, make_window, monkeypatch, clerk, today):
    from qdgui.models.records import SigningDraft
    from qdgui.views import dialogs

    with db.begin() as s:
        uuid = repository.add(
            s, SigningDraft(project, "370212", "370212001", "2026-11-20", households=1, houses=1), by=clerk, today=today
        )
        repository.update(
            s,
            uuid,
            SigningDraft(project, "370212", "370212001", "2026-11-20", households=2, houses=1),
            by=clerk,
            today=today,
        )
    shown = []
    monkeypatch.setattr(
        dialogs.HistoryDialog,
        "show_for",
        classmethod(lambda cls, title, entries, parent: shown.append(cls(title, entries, parent))),
    )
    window = make_window()
    page = window.pages["signing"]
    page.reload()
    page.table.selectRow(0)
    page.show_history()
    table = shown[0].table
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    assert ["2", "修改", "签约户数", "1", "2"] == rows[0][1:6]  # newest first
    assert {r[2] for r in rows[1:]} == {"新建"}
    created = {r[3]: r[5] for r in rows[1:]}
    assert created["区（市）"] == "崂山区" and created["项目"] == "张村河片区旧村改造"  # names, not codes
    assert not any(project in cell for r in rows for cell in r)
    assert "2026-11-20" in shown[0].windowTitle() and "张村河片区旧村改造" in shown[0].windowTitle()


def test_a_park_a_project_and_a_target_are_saved_from_their_forms(qtbot, db, make_window):
    from qdgui.models.tables import AnnualTarget, Project

    window = make_window()
    park = window.pages["park"].form
    type_into(qtbot, park.widgets["name"], "浮山山头公园")
    type_text(park.widgets["kind"], "山")
    type_text(park.widgets["status"], "完")
    type_into(qtbot, park.widgets["area_m2"], "3.5万平方米")
    type_into(qtbot, park.widgets["investment_wan"], "0.12亿元")
    type_into(qtbot, park.widgets["completed_on"], "2026.10.1")
    qtbot.keyClick(park.widgets["completed_on"].edit, Qt.Key.Key_Return)
    with db.sessions() as s:
        assert s.execute(select(Park.kind, Park.status, Park.area_m2, Park.investment_wan, Park.plan_year)).one() == (
            "hill",
            "completed",
            Decimal(35000),
            Decimal(1200),
            2026,
        )

    project = window.pages["project"].form
    type_into(qtbot, project.widgets["name"], "董家下庄整村改造")
    type_text(project.widgets["campaign_area"], "旧")
    type_into(qtbot, project.widgets["total_houses"], "８１４处")
    qtbot.keyClick(project.widgets["total_houses"], Qt.Key.Key_Return)
    with db.sessions() as s:
        assert s.execute(select(Project.name, Project.campaign_area, Project.total_houses)).one() == (
            "董家下庄整村改造",
            "old_city_village",
            814,
        )
    # a new project appears in the signing form's project list at once
    assert window.pages["signing"].form.widgets["project_uuid"].findText("董家下庄整村改造") >= 0

    target = window.pages["annual_target"].form
    type_text(target.widgets["measure"], "签约户")
    type_into(qtbot, target.widgets["value"], "1,200户")
    qtbot.keyClick(target.widgets["value"], Qt.Key.Key_Return)
    with db.sessions() as s:
        assert s.execute(
            select(
                AnnualTarget.year,
                AnnualTarget.district_code,
                AnnualTarget.street_code,
                AnnualTarget.measure,
                AnnualTarget.value,
            )
        ).one() == (2026, "370212", "370212001", "signed_households", Decimal(1200))


def test_the_next_entry_reads_no_lists_when_its_place_is_the_same_and_follows_a_moved_place(
    qtbot, db, project, make_window, monkeypatch, clerk, today
):
    """After a save the form keeps the place's street, project and village lists as they are (the
    next entry is nearly always in the same place); after an edit of a record elsewhere it returns to
    this laptop's place with that place's lists."""
    from qdgui.models import lookups
    from qdgui.models.records import SigningDraft

    with db.begin() as s:
        elsewhere = repository.add(
            s, ProjectDraft("台东片区", "licun_river", "370203", total_households=500), by=clerk, today=today
        )
        repository.add(s, SigningDraft(elsewhere, "370203", "370203021", "2026-11-02", 4, 4), by=clerk, today=today)
    window = make_window()
    page = window.pages["signing"]
    page.reload()
    form = page.form
    read = []
    for name in ("streets", "projects", "communities"):
        real = getattr(lookups, name)
        monkeypatch.setattr(lookups, name, lambda *a, _real=real, _name=name, **k: read.append(_name) or _real(*a, **k))
    form.widgets["project_uuid"].set_code(project)
    type_into(qtbot, form.widgets["households"], "6")
    type_into(qtbot, form.widgets["houses"], "6")
    qtbot.keyClick(form.widgets["houses"], Qt.Key.Key_Return)
    assert count(db, Signing) == 2 and read == []  # saved, the next entry ready, no list read again
    assert form.widgets["project_uuid"].currentText() == "张村河片区旧村改造"

    row = next(r for r in range(page.model.rowCount()) if page.model.index(r, 5).data() == "4")
    page.table.selectRow(row)
    page.edit_selected()
    assert form.widgets["district_code"].currentText() == "市北区"
    type_into(qtbot, form.widgets["households"], "5")
    type_into(qtbot, form.widgets["houses"], "5")
    qtbot.keyClick(form.widgets["houses"], Qt.Key.Key_Return)
    with db.sessions() as s:
        assert s.scalar(select(Signing.households).where(Signing.project_uuid == elsewhere)) == 5
    assert form.widgets["district_code"].currentText() == "崂山区"  # back to this laptop's place
    assert form.widgets["street_code"].currentText() == "中韩街道"
    streets = [form.widgets["street_code"].itemText(i) for i in range(form.widgets["street_code"].count())]
    projects = [form.widgets["project_uuid"].itemText(i) for i in range(form.widgets["project_uuid"].count())]
    assert "沙子口街道" in streets and "台东街道" not in streets
    assert "张村河片区旧村改造" in projects and "台东片区" not in projects
