"""Live progress against this year's targets: per district or street, a project's signing curve,
demolitions per week and parks per kind. Each chart refreshes only when its own figures change."""

from __future__ import annotations

import calendar
from datetime import date
from decimal import Decimal
from typing import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from qdgui.config import DeviceSettings
from qdgui.models import lookups, progress, standing, vocab
from qdgui.models.changes import Change, Changed
from qdgui.models.database import Database
from qdgui.views.charts import (
    DONE,
    DUE,
    PLANNED,
    TARGET,
    ChartBox,
    DayAxis,
    LabelPool,
    ValueAxis,
    axis_label,
    bars,
    category_axis,
    steady_top,
    timestamp,
)
from qdgui.views.fields import CodeCombo, year_choices
from qdgui.views.formatting import display
from qdgui.views.outlook import OutlookPage


def _number(value) -> str:
    return "—" if value is None else display(value)


def _percent(rate) -> str:
    return "—" if rate is None else f"{float(rate) * 100:.1f}%"


CURVE_DOTS = 120  # days on a signing curve drawn with a dot each


class Dashboard(QWidget):
    refreshed = Signal(str)
    """A chart was redrawn: "completion", "curve", "weekly", "parks" or "outlook" (the targets page)."""

    def __init__(
        self, database: Database, settings: DeviceSettings, *, today: Callable[[], date] = date.today, parent=None
    ):
        super().__init__(parent)
        self._database = database
        self._settings = settings
        self._today = today
        self._outlook_stale = True
        self._build()
        self._connect()
        self.refresh_all()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.year = CodeCombo(empty=False)
        self.year.set_choices(year_choices(self._today()))
        self.year.set_code(str(self._today().year))
        self.district = CodeCombo()
        self.district.setItemText(0, self.tr("Whole city"))
        self.street = CodeCombo()
        self.measure = CodeCombo(empty=False)
        self.measure.set_choices([(m, vocab.label(vocab.MEASURES, m)) for m in vocab.MEASURES])
        self.measure.set_code("signed_households")
        self.project = CodeCombo(empty=False)
        with self._database.sessions() as session:
            self.district.set_choices(lookups.districts(session))
        self.district.setItemText(0, self.tr("Whole city"))
        bar = QHBoxLayout()
        for text, widget in (
            (self.tr("Year"), self.year),
            (self.tr("District"), self.district),
            (self.tr("Street"), self.street),
            (self.tr("Measure"), self.measure),
            (self.tr("Project"), self.project),
        ):
            bar.addWidget(QLabel(text))
            bar.addWidget(widget)
        bar.addStretch()
        self.completion = ChartBox(
            self.tr("Completion against the annual target"), axis_items={"left": ValueAxis("left")}
        )
        self.completion_done = bars(np.zeros(0), np.zeros(0), width=0.6, color=DONE)
        self.completion_target = pg.ScatterPlotItem(symbol="_", size=34, pen=pg.mkPen(TARGET, width=3), brush=TARGET)
        self.completion_planned = pg.ScatterPlotItem(symbol="t1", size=12, pen=pg.mkPen(DUE, width=1.5), brush=DUE)
        self.completion_legend = legend = self.completion.plot.addLegend(offset=(-10, 5))
        self.completion.plot.addItem(self.completion_done)
        self.completion.plot.addItem(self.completion_target)
        self.completion.plot.addItem(self.completion_planned)
        legend.addItem(self.completion_done, self.tr("Done this year"))
        legend.addItem(self.completion_target, self.tr("Annual target"))
        self.completion_labels = LabelPool(self.completion.plot)
        self.completion.plot.getAxis("bottom").setStyle(autoReduceTextSpace=False)

        self.curve = ChartBox(
            self.tr("Signing curve"), axis_items={"bottom": DayAxis(), "left": ValueAxis("left", whole=True)}
        )
        self.curve_line = pg.PlotDataItem(
            pen=pg.mkPen(DONE, width=2.5), symbol="o", symbolSize=5, symbolBrush=DONE, stepMode=None
        )
        self.curve_projection = pg.PlotDataItem(pen=pg.mkPen(TARGET, width=1.5, style=pg.QtCore.Qt.PenStyle.DashLine))
        self.curve_total = pg.InfiniteLine(
            angle=0,
            pen=pg.mkPen(TARGET, width=1.5),
            movable=False,
            label="",
            labelOpts={"position": 0.08, "color": TARGET},
        )
        for item in (self.curve_line, self.curve_projection, self.curve_total):
            self.curve.plot.addItem(item)

        self.weekly = ChartBox(
            self.tr("Illegal buildings removed per week"),
            axis_items={
                "left": ValueAxis("left", whole=True),
                "right": ValueAxis("right"),
                "bottom": ValueAxis("bottom", whole=True),
            },
        )
        self.weekly_count = bars(np.zeros(0), np.zeros(0), width=0.7, color=DONE)
        self.weekly.plot.addItem(self.weekly_count)
        self.weekly_area_view = pg.ViewBox()
        self.weekly.plot.showAxis("right")
        self.weekly.plot.scene().addItem(self.weekly_area_view)
        self.weekly.plot.getAxis("right").linkToView(self.weekly_area_view)
        self.weekly_area_view.setXLink(self.weekly.plot)
        self.weekly_area = pg.PlotDataItem(pen=pg.mkPen(TARGET, width=2))
        self.weekly_area_view.addItem(self.weekly_area)
        self.weekly.plot.vb.sigResized.connect(
            lambda: self.weekly_area_view.setGeometry(self.weekly.plot.vb.sceneBoundingRect())
        )

        self.parks = ChartBox(self.tr("Parks: planned and completed, by kind"), axis_items={"left": ValueAxis("left")})
        self.parks_planned = bars(np.zeros(0), np.zeros(0), width=0.38, color=PLANNED)
        self.parks_done = bars(np.zeros(0), np.zeros(0), width=0.38, color=DONE)
        legend = self.parks.plot.addLegend(offset=(10, 5))
        self.parks.plot.addItem(self.parks_planned)
        self.parks.plot.addItem(self.parks_done)
        # The same words as the park statuses they count (规划, 完工): one vocabulary, no drift.
        legend.addItem(self.parks_planned, vocab.label(vocab.PARK_STATUSES, "planned"))
        legend.addItem(self.parks_done, vocab.label(vocab.PARK_STATUSES, "completed"))
        self.parks_labels = LabelPool(self.parks.plot)

        self.charts_page = QWidget()
        grid = QGridLayout(self.charts_page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.completion, 0, 0)
        grid.addWidget(self.curve, 0, 1)
        grid.addWidget(self.weekly, 1, 0)
        grid.addWidget(self.parks, 1, 1)
        self.outlook = OutlookPage()
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.charts_page, self.tr("Charts"))
        self.pages.addTab(self.outlook, self.tr("Targets and ranking"))
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.setToolTip(self.tr("Both pages on A4 landscape, for a meeting"))
        bar.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.pages, 1)

    def _connect(self) -> None:
        self.year.currentIndexChanged.connect(self.refresh_all)
        self.district.currentIndexChanged.connect(self._district_changed)
        self.street.currentIndexChanged.connect(self.refresh_all)
        self.measure.currentIndexChanged.connect(self._refresh_completion)
        self.project.currentIndexChanged.connect(self._refresh_curve)
        self.pages.currentChanged.connect(self._page_shown)
        self.outlook.unit_chosen.connect(self._unit_chosen)
        self.pdf_button.clicked.connect(self.ask_and_save_pdf)

    # ------------------------------------------------------------------ filters
    @property
    def scope(self) -> str | None:
        return self.street.code() or self.district.code()

    def _year(self) -> int:
        return int(self.year.code())

    def _week(self) -> progress.Week:
        year = self._year()
        day = min(self._today(), date(year, 12, 31))
        return progress.week_containing(day, ends_on=self._settings.week_ends_on)

    def _district_changed(self) -> None:
        with self._database.sessions() as session:
            self.street.set_choices(lookups.streets(session, self.district.code()))
        self.refresh_all()

    def _reload_projects(self) -> None:
        with self._database.sessions() as session:
            choices = lookups.projects(session, self.district.code())
        current = self.project.code()
        self.project.blockSignals(True)
        self.project.set_choices(choices)
        if current is None or self.project.findData(current) < 0:
            with self._database.sessions() as session:
                latest = lookups.latest_signing_project(session, self.district.code())
            self.project.set_code(latest)
            if self.project.currentIndex() < 0 and choices:
                self.project.setCurrentIndex(0)
        self.project.blockSignals(False)

    # ------------------------------------------------------------------ refreshing
    def refresh_all(self) -> None:
        self._reload_projects()
        self._refresh_completion()
        self._refresh_curve()
        self._refresh_weekly()
        self._refresh_parks()

    def apply(self, changed: Changed) -> None:
        """What one user action changed (MainWindow.changed): a few records incrementally, else reload."""
        if not changed.records:
            for kind in sorted(changed.kinds):
                self.records_changed(kind)
            return
        for change in changed.records:
            self.record_changed(change)

    def record_changed(self, change: Change) -> None:
        """One record was saved, edited, deleted or undone: re-read only the figures it can move, found
        from its values before and after the change."""
        kind = change.kind
        measure = self.measure.code()
        with self._database.sessions() as session:
            if progress.MEASURE_KIND[measure] == kind:
                daily = self._completion_daily
                progress.refresh_cells(session, daily, progress.cells_touched(change, measure, daily.unit_column))
            if kind == "demolition":
                for daily in (self._weekly_count, self._weekly_area):
                    progress.refresh_cells(
                        session, daily, progress.cells_touched(change, daily.measure, daily.unit_column)
                    )
            if kind == "annual_target":
                self._load_targets(session, measure, self._completion_daily.unit_column)
        if progress.MEASURE_KIND[measure] == kind or kind == "annual_target":
            self._draw_completion()
        self._redraw_others(kind)

    def records_changed(self, kind: str) -> None:
        """Many records of a kind changed (an import, a merge): reload what that kind moves."""
        if kind in (progress.MEASURE_KIND[self.measure.code()], "annual_target"):
            self._refresh_completion()
        if kind == "demolition":
            self._refresh_weekly()
        self._redraw_others(kind)

    def _redraw_others(self, kind: str) -> None:
        if kind == "project":
            self._reload_projects()
        if kind in ("signing", "project", "community"):
            self._refresh_curve()
        if kind == "demolition":
            self._draw_weekly()
        if kind in ("park", "annual_target"):
            self._refresh_parks()

    def _refresh_completion(self) -> None:
        """Load the year's daily totals and targets of the chosen measure (on open and filter changes)."""
        measure = self.measure.code()
        week = self._week()
        with self._database.sessions() as session:
            self._units, unit_column = progress.report_units(session, self.scope)
            self._completion_daily = progress.load_daily(
                session, measure, year=self._year(), scope=self.scope, unit_column=unit_column, first_day=week.start
            )
            self._load_targets(session, measure, unit_column)
        self._draw_completion()

    def _load_targets(self, session, measure: str, unit_column: str) -> None:
        year = self._year()
        self._targets = progress.targets_by_unit(session, measure, year=year, scope=self.scope, unit_column=unit_column)
        self._plan_month = progress.plan_month(year, self._week())
        self._planned = progress.planned_by_unit(
            session, measure, year=year, through_month=self._plan_month, scope=self.scope, unit_column=unit_column
        )

    def _draw_completion(self) -> None:
        measure = self.measure.code()
        year = self._year()
        rows = progress.progress_rows(
            self._units, measure, self._completion_daily.summarize(self._week()), self._targets, self._planned
        )
        unit = vocab.unit_label(measure)
        axis_label(self.completion.plot, "left", f"{vocab.label(vocab.MEASURES, measure)}（{unit}）")
        left = self.completion.plot.getAxis("left")
        whole = progress.measure_places(measure) == 0
        if left.whole != whole:
            left.whole = whole
            left.picture = None  # drawn again with the new kind of ticks
        names = [r.name for r in rows]
        done = np.array([float(r.year_to_date) for r in rows])
        targets = np.array([float(r.target) if r.target is not None else np.nan for r in rows])
        x = np.arange(len(rows), dtype=float)
        self.completion_rows = rows
        if not rows or (not done.any() and np.isnan(targets).all()):
            self._outlook_stale = True
            if self.pages.currentWidget() is self.outlook:
                self._draw_outlook()
            self.completion.show_message(
                self.tr("No {measure} recorded and no target set for {year}.").format(
                    measure=vocab.label(vocab.MEASURES, measure), year=year
                )
            )
            self.refreshed.emit("completion")
            return
        self.completion_done.setOpts(x=x, height=done)
        has_target = ~np.isnan(targets)
        self.completion_target.setData(x=x[has_target], y=targets[has_target])
        planned = np.array([float(r.planned) if r.planned is not None else np.nan for r in rows])
        has_plan = ~np.isnan(planned)
        self.completion_planned.setData(x=x[has_plan], y=planned[has_plan])
        self.completion_legend.removeItem(self.completion_planned)
        if has_plan.any():
            self.completion_legend.addItem(self.completion_planned, self._plan_caption())
        top = np.fmax(done, np.nan_to_num(targets))
        self.completion_labels.show([(i, top[i], _percent(r.rate)) for i, r in enumerate(rows) if r.rate is not None])
        category_axis(self.completion.plot, names)
        self.completion.plot.setXRange(-0.6, len(rows) - 0.4, padding=0)
        steady_top(self.completion.plot.getViewBox(), max(float(np.nanmax(top)), 1), room=0.3)
        note = "" if has_target.any() else self.tr("No annual target set: completion rates cannot be computed.")
        self.completion.show_plot(note)
        self.completion.set_hover(self._describe_completion)
        self.refreshed.emit("completion")
        self._outlook_stale = True
        if self.pages.currentWidget() is self.outlook:
            self._draw_outlook()

    # ------------------------------------------------------------------ targets and ranking
    def _page_shown(self) -> None:
        if self.pages.currentWidget() is self.outlook and self._outlook_stale:
            self._draw_outlook()

    def _place_target(self, session) -> Decimal | None:
        """The target of the chosen place as a whole: its own, else its units' summed."""
        measure, year = self.measure.code(), self._year()
        scope = self.scope
        if scope is not None:
            column = "street_code" if len(scope) > 6 else "district_code"
            parent = scope[:6] if len(scope) > 6 else None
            own = progress.targets_by_unit(session, measure, year=year, scope=parent, unit_column=column)
            if own.get(scope) is not None:
                return own[scope]
        known = [t for t in self._targets.values() if t is not None]
        return sum(known, Decimal(0)) if known else None

    def _draw_outlook(self) -> None:
        """The burn-up of the place, the league table of its units, the map of every district."""
        self._outlook_stale = False
        measure, today = self.measure.code(), self._today()
        daily = self._completion_daily
        outlooks = standing.outlooks(daily, self._units, self._targets, today=today)
        with self._database.sessions() as session:
            target = self._place_target(session)
            if self.scope is None:
                city, names = outlooks, dict(self._units)
            else:
                units, column = progress.report_units(session, None)
                whole = progress.load_daily(session, measure, year=self._year(), scope=None, unit_column=column)
                targets = progress.targets_by_unit(session, measure, year=self._year(), scope=None, unit_column=column)
                city, names = standing.outlooks(whole, units, targets, today=today), dict(units)
        burn = standing.burn_up(daily, target, today=today)
        place = self.street.currentText() if self.street.code() else self.district.currentText()
        self.outlook.show_figures(
            measure, outlooks, burn, place_name=place, city=city, district_names=names,
            selected=self.district.code(), unit_header=self._unit_header(),
        )  # fmt: skip
        self.refreshed.emit("outlook")

    def _unit_header(self) -> str:
        return self.tr("District") if self.scope is None else self.tr("Street")

    def _unit_chosen(self, code: str) -> None:
        """A district clicked (map or league table) shows its streets; a street, that street."""
        if len(code) == 6:
            self.district.set_code(code)
        elif self.street.findData(code) >= 0:
            self.street.set_code(code)

    def save_pdf(self, path) -> None:
        """Both pages on A4 landscape: the four charts, then the burn-up, league table and map."""
        from PySide6.QtCore import QMarginsF, QRect
        from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

        shown = self.pages.currentIndex()
        buttons = [box.save_button for box in self.findChildren(ChartBox)] + [self.pdf_button]
        for button in buttons:  # a page for a meeting: no buttons on it
            button.hide()
        pictures = []
        for index in range(self.pages.count()):
            self.pages.setCurrentIndex(index)
            QCoreApplication.processEvents()
            pictures.append((self.pages.tabText(index), self.pages.widget(index).grab()))
        self.pages.setCurrentIndex(shown)
        for button in buttons:
            button.show()
        writer = QPdfWriter(str(path))
        writer.setTitle(self.tr("Progress against the targets"))
        writer.setCreator("qdgui")
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape, QMarginsF(10, 10, 10, 10)
            )
        )
        writer.setResolution(150)
        painter = QPainter(writer)
        try:
            for number, (title, picture) in enumerate(pictures):
                if number:
                    writer.newPage()
                area = painter.viewport()
                heading = self.tr("{place} {year}: {title} (as of {day})").format(
                    place=self.district.currentText() if not self.street.code() else self.street.currentText(),
                    year=self._year(), title=title, day=standing.as_of(self._completion_daily, self._today()).isoformat(),
                )  # fmt: skip
                font = painter.font()
                font.setPointSize(14)
                painter.setFont(font)
                line = painter.fontMetrics().height() * 2
                painter.drawText(QRect(0, 0, area.width(), line), int(Qt.AlignmentFlag.AlignLeft), heading)
                room = QRect(0, line, area.width(), area.height() - line)
                scaled = picture.size().scaled(room.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawPixmap(QRect(room.topLeft(), scaled), picture)
        finally:
            painter.end()

    def ask_and_save_pdf(self) -> None:
        from qdgui.views import file_dialogs

        path = file_dialogs.save_file(
            self,
            self.tr("Save the dashboard as PDF"),
            self.tr("Progress {year}.pdf").format(year=self._year()),
            self.tr("PDF document (*.pdf)"),
            purpose="chart",
            suffix=".pdf",
        )
        if path is not None:
            self.save_pdf(path)

    def _describe_completion(self, x: float, y: float) -> str | None:
        index = int(round(x))
        rows = getattr(self, "completion_rows", [])
        if not 0 <= index < len(rows):
            return None
        row = rows[index]
        unit = vocab.unit_label(row.measure)
        text = self.tr("{name}: {done} {unit} this year ({week} this week), target {target}, {rate}").format(
            name=row.name,
            done=_number(row.year_to_date),
            unit=unit,
            week=_number(row.week),
            target=_number(row.target),
            rate=_percent(row.rate),
        )
        if row.planned is not None:
            text += self.tr("; {caption} {planned}").format(caption=self._plan_caption(), planned=_number(row.planned))
        return text

    def _plan_caption(self) -> str:
        if self._plan_month == 0:
            return self.tr("Nothing planned yet")
        return self.tr("Planned by the end of month {month}").format(month=self._plan_month)

    def _refresh_curve(self) -> None:
        project = self.project.code()
        if not project:
            self.curve.show_message(self.tr("No project yet: add one under Projects and targets."))
            self.refreshed.emit("curve")
            return
        with self._database.sessions() as session:
            curve = progress.signing_curve(session, project)
        self.curve.setTitle(self.tr("Signing curve: {name}").format(name=curve.name))
        if not curve.days:
            self.curve.show_message(self.tr("No signings recorded for {name} yet.").format(name=curve.name))
            self.refreshed.emit("curve")
            return
        xs = np.array([timestamp(d) for d in curve.days])
        ys = np.array(curve.cumulative, dtype=float)
        # a dot for each day while they can be told apart; a long curve is a line
        self.curve_line.setData(xs, ys, symbol="o" if len(xs) <= CURVE_DOTS else None)
        unit = QCoreApplication.translate("Units", curve.unit)
        axis_label(self.curve.plot, "left", self.tr("Signed ({unit})").format(unit=unit))
        if curve.total:
            self.curve_total.setPos(curve.total)
            self.curve_total.label.setFormat(self.tr("Total {total}").format(total=_number(curve.total)))
            self.curve_total.show()
        else:
            self.curve_total.hide()
        note = self.tr("{done} of {total} {unit} signed").format(
            done=_number(curve.done), total=_number(curve.total or None), unit=unit
        )
        if curve.projected_completion and curve.done < (curve.total or 0):
            end = timestamp(curve.projected_completion)
            self.curve_projection.setData([xs[-1], end], [ys[-1], curve.total])
            note += self.tr("; at the recent pace, complete by {day}").format(
                day=curve.projected_completion.isoformat()
            )
        else:
            self.curve_projection.setData([], [])
            if curve.projected_completion:
                note += self.tr("; completed on {day}").format(day=curve.projected_completion.isoformat())
        self.curve_data = curve
        # From the first signing to the end of the month the curve reaches (its projection included),
        # and up to the project's total: a save on a day already shown moves the line, not the axes.
        last = max(curve.days[-1], curve.projected_completion or curve.days[-1])
        month_end = date(last.year, last.month, calendar.monthrange(last.year, last.month)[1])
        self.curve.plot.setXRange(timestamp(curve.days[0]) - 86400 * 3, timestamp(month_end) + 86400, padding=0)
        steady_top(self.curve.plot.getViewBox(), max(float(ys.max()), float(curve.total or 0), 1), room=0.08)
        self.curve.show_plot(note)
        self.curve.note.setStyleSheet("color: #1f5fa8;")
        self.curve.set_hover(self._describe_curve)
        self.refreshed.emit("curve")

    def _describe_curve(self, x: float, y: float) -> str | None:
        curve = getattr(self, "curve_data", None)
        if curve is None or not curve.days:
            return None
        stamps = np.array([timestamp(d) for d in curve.days])
        index = int(np.argmin(np.abs(stamps - x)))
        return self.tr("{day}: {n} signed in all").format(
            day=curve.days[index].isoformat(), n=_number(curve.cumulative[index])
        )

    def _refresh_weekly(self) -> None:
        year = self._year()
        unit_column = "district_code" if self.scope is None else "street_code"
        first = progress.week_containing(date(year, 1, 1), ends_on=self._settings.week_ends_on).start
        with self._database.sessions() as session:
            both = progress.load_daily_many(
                session,
                ("demolition_count", "demolition_area"),
                year=year,
                scope=self.scope,
                unit_column=unit_column,
                first_day=first,
            )
            self._weekly_count, self._weekly_area = both["demolition_count"], both["demolition_area"]
        self._draw_weekly()

    def _draw_weekly(self) -> None:
        year = self._year()
        series = progress.weekly_series(
            self._weekly_count,
            self._weekly_area,
            ends_on=self._settings.week_ends_on,
            until=min(self._today(), date(year, 12, 31)),
        )
        self.weekly_data = series
        if not any(series.counts):
            self.weekly.show_message(self.tr("No illegal buildings removed in {year} yet.").format(year=year))
            self.refreshed.emit("weekly")
            return
        x = np.arange(1, len(series.weeks) + 1, dtype=float)
        self.weekly_count.setOpts(x=x, height=np.array(series.counts, dtype=float))
        self.weekly_area.setData(x, np.array([float(a) for a in series.areas]))
        axis_label(self.weekly.plot, "left", self.tr("Cases (sites)"))
        axis_label(self.weekly.plot, "right", self.tr("Area (m2)"))
        axis_label(self.weekly.plot, "bottom", self.tr("Week"))
        self.weekly.plot.setXRange(0.3, len(x) + 0.7, padding=0)
        steady_top(self.weekly.plot.getViewBox(), max(series.counts), room=0.15)
        steady_top(self.weekly_area_view, max(float(max(series.areas)), 1), room=0.15)
        self.weekly_area_view.setGeometry(self.weekly.plot.vb.sceneBoundingRect())
        total = sum(series.counts)
        self.weekly.show_plot(
            self.tr("{n} sites, {area} m2 this year (bars: sites; line: area)").format(
                n=_number(total), area=_number(sum(series.areas, Decimal(0)))
            )
        )
        self.weekly.note.setStyleSheet("color: #1f5fa8;")
        self.weekly.set_hover(self._describe_week)
        self.refreshed.emit("weekly")

    def _describe_week(self, x: float, y: float) -> str | None:
        series = getattr(self, "weekly_data", None)
        index = int(round(x)) - 1
        if series is None or not 0 <= index < len(series.weeks):
            return None
        week = series.weeks[index]
        return self.tr("Week {n} ({start} to {end}): {count} sites, {area} m2").format(
            n=index + 1,
            start=week.start.isoformat(),
            end=week.end.isoformat(),
            count=_number(series.counts[index]),
            area=_number(series.areas[index]),
        )

    def _refresh_parks(self) -> None:
        year = self._year()
        with self._database.sessions() as session:
            kinds = progress.parks_by_kind(session, year=year, scope=self.scope)
        self.parks_data = kinds
        if not any(k.planned or k.completed for k in kinds):
            self.parks.show_message(self.tr("No parks planned or completed for {year}.").format(year=year))
            self.refreshed.emit("parks")
            return
        x = np.arange(len(kinds), dtype=float)
        planned = np.array([float(k.planned) for k in kinds])
        done = np.array([float(k.completed) for k in kinds])
        self.parks_planned.setOpts(x=x - 0.2, height=planned)
        self.parks_done.setOpts(x=x + 0.2, height=done)
        km = QCoreApplication.translate("Units", "km")
        names = [
            vocab.label(vocab.PARK_KINDS, k.kind) + (f"（{km}）" if k.kind in vocab.LENGTH_PARK_KINDS else "")
            for k in kinds
        ]
        category_axis(self.parks.plot, names)
        self.parks_labels.show(
            [(i + 0.2, done[i], _percent(k.completed / k.planned)) for i, k in enumerate(kinds) if k.planned]
        )
        self.parks.plot.setXRange(-0.6, len(kinds) - 0.4, padding=0)
        steady_top(self.parks.plot.getViewBox(), max(float(np.max(np.fmax(planned, done))), 1), room=0.35)
        self.parks.show_plot()
        self.parks.set_hover(self._describe_park)
        self.refreshed.emit("parks")

    def _describe_park(self, x: float, y: float) -> str | None:
        kinds = getattr(self, "parks_data", [])
        index = int(round(x))
        if not 0 <= index < len(kinds):
            return None
        kind = kinds[index]
        return self.tr("{kind}: {done} completed of {planned} planned").format(
            kind=vocab.label(vocab.PARK_KINDS, kind.kind), done=_number(kind.completed), planned=_number(kind.planned)
        )
