"""The progress charts: live after a save, only the charts that changed, honest when empty."""

from datetime import date

import numpy as np
import pytest
from PySide6.QtCore import Qt

from qdgui.models import progress, repository
from qdgui.models.records import ProjectDraft, SigningDraft, TargetDraft
from tests.ui.keyboard import type_text


@pytest.fixture
def zhangcun(db, clerk, today):
    with db.begin() as s:
        project = repository.add(
            s,
            ProjectDraft("张村河片区", "licun_river", "370212", "370212001", total_households=702, total_houses=814),
            by=clerk,
            today=today,
        )
        repository.add(s, TargetDraft(2026, "370212", "signed_households", 500), by=clerk, today=today)
        for day, n in (("2026-11-10", 100), ("2026-11-11", 80)):
            repository.add(
                s, SigningDraft(project, "370212", "370212001", day, households=n, houses=n), by=clerk, today=today
            )
    return project


def show_charts(window):
    """Bring the 进度 tab to the front: hidden charts take the changes made meanwhile when shown."""
    window.tabs.setCurrentWidget(window._dashboard_place)


def bar_heights(item):
    return np.asarray(item.opts["height"], dtype=float)


def test_an_empty_database_says_so_on_every_chart(make_window):
    window = make_window()
    dashboard = window.dashboard
    assert dashboard.completion.showing_message
    assert dashboard.completion.empty.text() == "2026年尚无“签约户数”的记录，也未设定目标。"
    assert dashboard.curve.empty.text() == "还没有项目：请在“项目与目标”中添加。"
    assert dashboard.weekly.empty.text() == "2026年尚无拆除违建记录。"
    assert dashboard.parks.empty.text() == "2026年尚无计划或完工的公园。"


def test_the_bars_are_the_aggregates_and_hover_tells_exact_values(db, zhangcun, make_window):
    window = make_window()
    dashboard = window.dashboard
    assert not dashboard.completion.showing_message
    with db.sessions() as s:
        rows = progress.progress(
            s, year=2026, week=progress.week_containing(date(2026, 11, 21)), measures=("signed_households",)
        )
    assert list(bar_heights(dashboard.completion_done)) == [float(r.year_to_date) for r in rows]
    laoshan = [r.code for r in rows].index("370212")
    assert bar_heights(dashboard.completion_done)[laoshan] == 180
    assert "36.0%" in dashboard.completion_labels.texts()
    assert (
        dashboard.completion.hover_text_at(laoshan) == "崂山区：本年完成 180 户（本周 0），年度目标 500，完成率 36.0%"
    )
    assert dashboard.curve.note.text().startswith("已签约 180 / 814 处；按近期进度，预计")


def test_saving_through_the_form_moves_the_charts_it_concerns_and_only_those(qtbot, db, zhangcun, make_window):
    window = make_window()
    dashboard = window.dashboard
    refreshed = []
    dashboard.refreshed.connect(refreshed.append)
    laoshan = [dashboard.completion.plot.getAxis("bottom")._tickLevels[0][i][1] for i in range(10)].index("崂山区")
    form = window.pages["signing"].form
    form.widgets["project_uuid"].set_code(zhangcun)
    form.widgets["households"].setFocus()
    type_text(form.widgets["households"], "60")
    form.widgets["houses"].setFocus()
    type_text(form.widgets["houses"], "60处")
    qtbot.keyClick(form.widgets["houses"], Qt.Key.Key_Return)
    assert refreshed == []  # the charts are hidden: the save did not wait for them
    show_charts(window)
    assert bar_heights(dashboard.completion_done)[laoshan] == 240
    assert dashboard.curve_line.getData()[1][-1] == 240  # the curve counts houses: 180 + 60
    assert sorted(refreshed) == ["completion", "curve"]

    refreshed.clear()
    demolition = window.pages["demolition"].form
    for name, value in (
        ("case_no", "WJ-1"),
        ("address", "东韩社区1号"),
        ("area_m2", "120"),
        ("found_on", "2026-11-15"),
        ("done_on", "2026-11-20"),
    ):
        demolition.widgets[name].setText(value)
    for name, code in (("structure", "steel"), ("disposal", "demolish"), ("status", "demolished")):
        demolition.widgets[name].set_code(code)
    window.show_kind("demolition")
    assert demolition.save() is not None
    show_charts(window)
    assert refreshed == ["weekly"]
    week = dashboard.weekly_data.weeks.index(progress.week_containing(date(2026, 11, 20)))
    assert bar_heights(dashboard.weekly_count)[week] == 1


def test_a_chart_saves_as_a_picture(tmp_path, zhangcun, make_window):
    window = make_window()
    dashboard = window.dashboard
    target = tmp_path / "completion.png"
    dashboard.completion.save_png(str(target))
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and target.stat().st_size > 5000


def test_district_scope_shows_its_streets(db, zhangcun, make_window):
    window = make_window()
    dashboard = window.dashboard
    dashboard.district.set_code("370212")
    names = [tick[1] for tick in dashboard.completion.plot.getAxis("bottom")._tickLevels[0]]
    assert names[:2] == ["中韩街道", "沙子口街道"]
    assert bar_heights(dashboard.completion_done)[0] == 180
    assert dashboard.completion.note.text() == "未设定年度目标，无法计算完成率。"  # the target is the district's


def test_an_edit_that_moves_a_record_moves_both_bars_and_undo_moves_them_back(
    qtbot, db, zhangcun, make_window, clerk, today
):
    """The one Change of an edit carries where the record counted before and after: no audit text read."""
    with db.begin() as s:
        licun = repository.add(
            s, ProjectDraft("李村河片区", "licun_river", "370213", total_households=900), by=clerk, today=today
        )
    window = make_window()
    dashboard = window.dashboard
    names = [dashboard.completion.plot.getAxis("bottom")._tickLevels[0][i][1] for i in range(10)]
    laoshan, licang = names.index("崂山区"), names.index("李沧区")
    page = window.pages["signing"]
    page.reload()
    row = next(r for r in range(page.model.rowCount()) if page.model.index(r, 5).data() == "80")
    page.table.selectRow(row)
    page.edit_selected()
    form = page.form
    form.widgets["district_code"].set_code("370213")  # 李沧区, a street of it, and the same project
    form.widgets["street_code"].set_code(form.widgets["street_code"].itemData(1))
    form.widgets["project_uuid"].set_code(licun)
    received = []
    window.changed.connect(received.append)
    assert form.save() is not None
    (changed,) = received
    (change,) = changed.records
    assert (change.old["district_code"], change.new["district_code"]) == ("370212", "370213")
    show_charts(window)
    assert bar_heights(dashboard.completion_done)[laoshan] == 100
    assert bar_heights(dashboard.completion_done)[licang] == 80
    window.undo_action.trigger()  # in front now: the charts move at once
    assert bar_heights(dashboard.completion_done)[laoshan] == 180
    assert bar_heights(dashboard.completion_done)[licang] == 0


def test_a_target_planned_by_month_shows_its_plan_to_date_beside_the_bar(qtbot, db, zhangcun, make_window):
    window = make_window()
    dashboard = window.dashboard
    laoshan = [dashboard.completion.plot.getAxis("bottom")._tickLevels[0][i][1] for i in range(10)].index("崂山区")
    assert len(dashboard.completion_planned.data) == 0  # no target has a plan by month yet
    form = window.pages["annual_target"].form
    form.widgets["district_code"].set_code("370202")
    form.widgets["measure"].set_code("signed_households")
    form.widgets["value"].setFocus()
    type_text(form.widgets["value"], "240")
    for month in range(1, 13):
        form.widgets[f"month_{month}"].setFocus()
        type_text(form.widgets[f"month_{month}"], "20")
    qtbot.keyClick(form.widgets["month_12"], Qt.Key.Key_Return)
    show_charts(window)
    shinan = [dashboard.completion.plot.getAxis("bottom")._tickLevels[0][i][1] for i in range(10)].index("市南区")
    xs, ys = dashboard.completion_planned.getData()
    assert list(zip(xs, ys)) == [(shinan, 220.0)]  # January to November: 11 x 20
    assert dashboard.completion.hover_text_at(shinan) == (
        "市南区：本年完成 0 户（本周 0），年度目标 240，完成率 0.0%；截至11月底计划 220"
    )
    assert "；截至" not in dashboard.completion.hover_text_at(laoshan)  # its target has no plan by month


def test_the_charts_are_built_once_the_window_is_idle_and_catch_up_with_many_saves(
    qtbot, db, zhangcun, make_window, clerk, today
):
    """Built hidden a moment after start, so that the 进度 tab opens at once; changes made while
    they are hidden are taken when shown: a few one by one, many as one reload of their kind."""
    window = make_window()
    assert window._dashboard is None
    qtbot.waitUntil(lambda: window._dashboard is not None, timeout=10000)
    dashboard = window.dashboard
    assert window.tabs.currentWidget() is not window._dashboard_place  # built, not brought to the front
    laoshan = [dashboard.completion.plot.getAxis("bottom")._tickLevels[0][i][1] for i in range(10)].index("崂山区")
    assert bar_heights(dashboard.completion_done)[laoshan] == 180
    page = window.pages["signing"]
    for _ in range(25):  # more than are taken one by one
        form = page.form
        form.widgets["project_uuid"].set_code(zhangcun)
        form.widgets["households"].setText("2")
        form.widgets["houses"].setText("2")
        assert form.save() is not None
    assert bar_heights(dashboard.completion_done)[laoshan] == 180  # hidden: not yet
    show_charts(window)
    assert bar_heights(dashboard.completion_done)[laoshan] == 230
    assert dashboard.curve_line.getData()[1][-1] == 230


def test_the_targets_page_ranks_projects_and_maps_and_a_district_clicked_shows_its_streets(
    qtbot, db, zhangcun, make_window, tmp_path
):
    """崂山区 signed 180 of its 500 households, all in the last four weeks (45 a week), on 21 November
    (89.0 % of the year gone): ranked first (the only target), 53 points behind the time, 56 a week
    needed for the 40 days left, done by 10 January at this pace; the map colours it "further behind"."""
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    from qdgui.views import outlook

    window = make_window()
    show_charts(window)
    dashboard = window.dashboard
    dashboard.pages.setCurrentWidget(dashboard.outlook)
    page = dashboard.outlook
    rows = {row[1]: row for row in page.league_texts()}
    assert rows["崂山区"] == ["1", "崂山区", "180", "500", "36.0%", "-53.0", "45", "56", "2027-01-10"]
    assert rows["市南区"][0] == "—" and rows["市南区"][3] == "—"
    assert page.league.horizontalHeaderItem(1).text() == "区（市）"
    assert page.map.tile_text("370212") == "崂山区\n36.0%"
    assert page.map.colour_of("370212") == outlook.BEHIND and page.map.colour_of("370202") == outlook.NO_TARGET
    assert page.burn_data.target == 500 and page.burn_data.cumulative[-1] == 180
    assert "还需每周 56 户" in page.burn.note.text()

    centre = page.map._tile_rect("370212").center()
    QTest.mouseClick(page.map, Qt.MouseButton.LeftButton, pos=QPoint(int(centre.x()), int(centre.y())))
    assert dashboard.district.code() == "370212"  # drilled into its streets
    streets = {row[1]: row for row in page.league_texts()}
    assert streets["中韩街道"][2] == "180" and "沙子口街道" in streets
    assert page.league.horizontalHeaderItem(1).text() == "街道"
    assert page.burn_data.target == 500  # the district's own target
    assert page.map.selected == "370212"

    # a save while the page is in front moves it at once
    form = window.pages["signing"].form
    form.widgets["project_uuid"].set_code(zhangcun)
    form.widgets["households"].setText("60")
    form.widgets["houses"].setText("60")
    assert form.save() is not None
    assert {row[1]: row for row in page.league_texts()}["中韩街道"][2] == "240"
    assert page.burn_data.cumulative[-1] == 240

    pdf = tmp_path / "进度.pdf"
    dashboard.save_pdf(pdf)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 20_000
    import re

    assert len(re.findall(rb"/Type\s*/Page[^s]", data)) == 2  # the charts, then the targets page
    assert re.findall(rb"/MediaBox\s*\[0 0 842[.0]* 595[.0]*\]", data)  # A4 landscape
    assert dashboard.pages.currentWidget() is page and dashboard.pdf_button.isVisible()


def test_an_offices_own_boundary_file_draws_the_map_and_a_broken_one_is_said_and_passed_over(
    qtbot, db, zhangcun, make_window
):
    """Two districts outlined in a GeoJSON file the office put in the data folder (by code, and by
    name only): the map draws and clicks them; a file that is not GeoJSON leaves the tiles and says why."""
    import json

    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    from qdgui.models import boundaries
    from qdgui.paths import user_data_dir

    def square(lon, lat):
        return {
            "type": "Polygon",
            "coordinates": [[[lon, lat], [lon + 0.2, lat], [lon + 0.2, lat + 0.2], [lon, lat + 0.2], [lon, lat]]],
        }

    folder = user_data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / boundaries.FILE_NAME).write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"adcode": 370212, "name": "崂山区"},
                        "geometry": square(120.5, 36.1),
                    },
                    {"type": "Feature", "properties": {"name": "市南区"}, "geometry": square(120.3, 36.0)},
                    {"type": "Feature", "properties": {"name": "某省某县"}, "geometry": square(100, 30)},
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    window = make_window()
    show_charts(window)
    dashboard = window.dashboard
    dashboard.pages.setCurrentWidget(dashboard.outlook)
    board = dashboard.outlook.map
    assert board.boundaries is not None and set(board.boundaries.shapes) == {"370212", "370202"}
    assert "示意图" not in dashboard.outlook.map_title.text()
    laoshan = board._shapes()["370212"].boundingRect().center()
    shinan = board._shapes()["370202"].boundingRect().center()
    assert laoshan.x() > shinan.x() and laoshan.y() < shinan.y()  # east is right, north is up
    assert board.tile_at(laoshan.x(), laoshan.y()) == "370212"
    QTest.mouseClick(board, Qt.MouseButton.LeftButton, pos=QPoint(int(laoshan.x()), int(laoshan.y())))
    assert dashboard.district.code() == "370212"

    (folder / boundaries.FILE_NAME).write_text("这不是 GeoJSON", encoding="utf-8")
    dashboard.district.set_code(None)
    assert board.boundaries is None
    assert "边界文件" in dashboard.outlook.map_title.text() and "不是可读取的 GeoJSON 文件" in board.boundary_problem
    assert board.tile_at(*_centre(board, "370212")) == "370212"  # the tiles again


def _centre(board, code):
    centre = board._tile_rect(code).center()
    return centre.x(), centre.y()


def test_a_save_that_stays_within_the_charts_range_redraws_the_bars_not_the_axes(
    qtbot, db, zhangcun, make_window, clerk, today
):
    """pyqtgraph draws an axis again whenever its range, ticks or title are set: the charts keep them
    while the figures still fill the range, so a save repaints the bars and the line only."""
    from qdgui.models.changes import Changed

    window = make_window()
    show_charts(window)
    dashboard = window.dashboard
    window.grab()  # painted: each axis holds its picture
    left = dashboard.completion.plot.getAxis("left")
    pictures = (
        left.picture,
        dashboard.completion.plot.getAxis("bottom").picture,
        dashboard.curve.plot.getAxis("left").picture,
    )
    assert all(p is not None for p in pictures)
    laoshan = [t[1] for t in dashboard.completion.plot.getAxis("bottom")._tickLevels[0]].index("崂山区")
    with db.begin() as s:
        change = repository.save(
            s,
            SigningDraft(zhangcun, "370212", "370212001", "2026-11-11", households=5, houses=5),
            by=clerk,
            today=today,
        )
    dashboard.apply(Changed.of(change))
    window.grab()
    assert bar_heights(dashboard.completion_done)[laoshan] == 185
    assert dashboard.curve_line.getData()[1][-1] == 185
    after = (
        left.picture,
        dashboard.completion.plot.getAxis("bottom").picture,
        dashboard.curve.plot.getAxis("left").picture,
    )
    assert all(a is b for a, b in zip(after, pictures))  # the axes were not drawn again
