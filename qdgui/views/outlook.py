"""What must happen next: a burn-up of done against the target with the time elapsed and the pace,
the league table of districts (or streets) the weekly report ranks the same way, and a schematic
map of the city's ten districts coloured by how far each is ahead of or behind the year."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qdgui.i18n import QT_TRANSLATE_NOOP, translate
from qdgui.models import boundaries, progress, standing, vocab
from qdgui.paths import user_data_dir
from qdgui.views.charts import DONE, TARGET, ChartBox, DayAxis, ValueAxis, axis_label, timestamp
from qdgui.views.formatting import display

AHEAD = QColor("#3c8d40")  # at or ahead of the time elapsed
SLIGHTLY = QColor("#e0a526")  # behind by less than 10 points
BEHIND = QColor("#c8412b")  # 10 points or more behind
NO_TARGET = QColor("#c9c9c9")
SLIGHT_POINTS = 10

# The ten districts as tiles, roughly where they lie (column, row): a schematic, not a map to scale.
# Drawn here (no boundary file of unclear rights); north is up, the bay between 黄岛区 and 市南区.
TILES = {
    "370283": (1, 0),  # 平度市
    "370285": (2, 0),  # 莱西市
    "370281": (0, 1),  # 胶州市
    "370214": (1, 1),  # 城阳区
    "370215": (2, 1),  # 即墨区
    "370211": (0, 2),  # 黄岛区（西海岸新区）
    "370203": (1, 2),  # 市北区
    "370213": (2, 2),  # 李沧区
    "370212": (3, 2),  # 崂山区
    "370202": (1, 3),  # 市南区
}


def _number(value, places: int = 2) -> str:
    """A figure as the office writes it: grouped, to the measure's places (a count to whole units)."""
    if value is None:
        return "—"
    step = Decimal(1).scaleb(-places)
    return display(Decimal(value).quantize(step, rounding=ROUND_HALF_UP).normalize(), grouped=True)


def _needed(value, places: int) -> str:
    """What must be done a week: rounded up (58.98 households is 59 to sign)."""
    if value is None:
        return "—"
    step = Decimal(1).scaleb(-places)
    return display(Decimal(value).quantize(step, rounding=ROUND_CEILING).normalize(), grouped=True)


def _percent(rate) -> str:
    return "—" if rate is None else f"{float(rate):.1%}"


def standing_colour(outlook: standing.Outlook | None) -> QColor:
    if outlook is None or outlook.figures.rate is None:
        return NO_TARGET
    gap = (float(outlook.figures.rate) - outlook.elapsed) * 100
    return AHEAD if gap >= 0 else SLIGHTLY if gap > -SLIGHT_POINTS else BEHIND


class DistrictMap(QWidget):
    """The districts coloured by completion against the time elapsed, a click choosing one: as tiles,
    or drawn from the office's own boundary file where it has put one in the data folder."""

    chosen = Signal(str)

    def __init__(self, parent=None, *, boundary_file: Path | None = None):
        super().__init__(parent)
        self._boundary_file = boundary_file if boundary_file is not None else user_data_dir() / boundaries.FILE_NAME
        self._boundaries_read: tuple | None = None  # (the file's mtime, Boundaries or None)
        self.boundaries: boundaries.Boundaries | None = None
        self.boundary_problem: str | None = None
        self._paths: dict[str, QPainterPath] = {}
        self._names: dict[str, str] = {}
        self._outlooks: dict[str, standing.Outlook] = {}
        self.selected: str | None = None
        self.setMinimumSize(QSize(300, 250))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    def set_figures(self, names: dict[str, str], outlooks: list[standing.Outlook], selected: str | None) -> None:
        self._names = names
        self._outlooks = {o.figures.code: o for o in outlooks}
        self.selected = selected
        self._read_boundaries()
        self.update()

    def _read_boundaries(self) -> None:
        """The office's boundary file, read again when it changes; a file that cannot be used is said
        (boundary_problem) and the tiles are drawn."""
        try:
            stamp = self._boundary_file.stat().st_mtime_ns
        except OSError:
            self.boundaries, self.boundary_problem, self._boundaries_read = None, None, None
            return
        if self._boundaries_read is not None and self._boundaries_read[0] == stamp:
            return
        try:
            self.boundaries, self.boundary_problem = boundaries.read(self._boundary_file, self._names), None
        except boundaries.BoundaryError as exc:
            self.boundaries = None
            self.boundary_problem = self.tr("The boundary file {path} is not used: {problem}").format(
                path=self._boundary_file, problem=exc
            )
        self._boundaries_read = (stamp, self.boundaries)
        self._paths = {}

    def resizeEvent(self, event) -> None:  # noqa: N802
        self._paths = {}
        super().resizeEvent(event)

    def _shapes(self) -> dict[str, QPainterPath]:
        """The districts' outlines fitted into the widget, north up (made once per size)."""
        if self._paths or self.boundaries is None:
            return self._paths
        left, bottom, right, top = self.boundaries.extent()
        margin = 6
        scale = min(
            (self.width() - 2 * margin) / max(right - left, 1e-9),
            (self.height() - 2 * margin) / max(top - bottom, 1e-9),
        )
        x0 = (self.width() - (right - left) * scale) / 2
        y0 = (self.height() - (top - bottom) * scale) / 2
        for code, rings in self.boundaries.shapes.items():
            path = QPainterPath()
            for ring in rings:
                path.addPolygon(QPolygonF([QPointF(x0 + (x - left) * scale, y0 + (top - y) * scale) for x, y in ring]))
                path.closeSubpath()
            self._paths[code] = path
        return self._paths

    def _tile_rect(self, code: str) -> QRectF:
        columns, rows = 4, 4
        size = min(self.width() / columns, (self.height() - 4) / rows)
        left = (self.width() - size * columns) / 2
        column, row = TILES[code]
        return QRectF(left + column * size + 3, row * size + 3, size - 6, size - 6)

    def tile_at(self, x: float, y: float) -> str | None:
        if self.boundaries is not None:
            return next((code for code, path in self._shapes().items() if path.contains(QPointF(x, y))), None)
        for code in TILES:
            if code in self._names and self._tile_rect(code).contains(x, y):
                return code
        return None

    def tile_text(self, code: str) -> str:
        outlook = self._outlooks.get(code)
        rate = outlook.figures.rate if outlook else None
        return f"{self._names.get(code, code)}\n{_percent(rate)}"

    def colour_of(self, code: str) -> QColor:
        return standing_colour(self._outlooks.get(code))

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        if self.boundaries is not None:
            self._paint_outlines(painter, font)
            painter.end()
            return
        for code in TILES:
            if code not in self._names:
                continue
            rect = self._tile_rect(code)
            colour = self.colour_of(code)
            painter.setBrush(colour)
            outline = QPen(QColor("#1f3f66"), 3) if code == self.selected else QPen(colour.darker(130), 1)
            painter.setPen(outline)
            painter.drawRoundedRect(rect, 6, 6)
            painter.setPen(QColor("#ffffff") if colour != NO_TARGET else QColor("#333333"))
            font.setPixelSize(max(10, int(rect.height() / 6)))
            painter.setFont(font)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tile_text(code))
        painter.end()

    def _paint_outlines(self, painter: QPainter, font: QFont) -> None:
        shapes = self._shapes()
        for code, path in shapes.items():
            colour = self.colour_of(code)
            painter.setBrush(colour)
            painter.setPen(QPen(QColor("#1f3f66"), 3) if code == self.selected else QPen(QColor("#ffffff"), 1.2))
            painter.drawPath(path)
        font.setPixelSize(max(10, int(min(self.width(), self.height()) / 30)))
        painter.setFont(font)
        painter.setPen(QColor("#1a1a1a"))
        for code, path in shapes.items():
            box = path.boundingRect()
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.tile_text(code))

    def mousePressEvent(self, event) -> None:  # noqa: N802
        code = self.tile_at(event.position().x(), event.position().y())
        if code is not None:
            self.chosen.emit(code)


LEAGUE_COLUMNS = (
    QT_TRANSLATE_NOOP("OutlookPage", "Rank"),
    QT_TRANSLATE_NOOP("OutlookPage", "Unit"),
    QT_TRANSLATE_NOOP("OutlookPage", "Done"),
    QT_TRANSLATE_NOOP("OutlookPage", "Target"),
    QT_TRANSLATE_NOOP("OutlookPage", "Completion"),
    QT_TRANSLATE_NOOP("OutlookPage", "Against time (points)"),
    QT_TRANSLATE_NOOP("OutlookPage", "Per week, last 4 weeks"),
    QT_TRANSLATE_NOOP("OutlookPage", "Needed per week"),
    QT_TRANSLATE_NOOP("OutlookPage", "Done by, at this pace"),
)


class OutlookPage(QWidget):
    """The burn-up, the league table and the district map of the dashboard's measure and place."""

    unit_chosen = Signal(str)
    """A district (or street) was clicked in the league table or on the map."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.burn = ChartBox(self.tr("Done against the target through the year"), axis_items={
            "bottom": DayAxis(), "left": ValueAxis("left"),
        })  # fmt: skip
        self.burn_line = pg.PlotDataItem(pen=pg.mkPen(DONE, width=2.5), stepMode=None)
        self.burn_projection = pg.PlotDataItem(pen=pg.mkPen(DONE, width=1.5, style=Qt.PenStyle.DashLine))
        self.burn_ideal = pg.PlotDataItem(pen=pg.mkPen("#999999", width=1, style=Qt.PenStyle.DotLine))
        self.burn_target = pg.InfiniteLine(
            angle=0, pen=pg.mkPen(TARGET, width=1.5), movable=False, label="",
            labelOpts={"position": 0.1, "color": TARGET},
        )  # fmt: skip
        self.burn_today = pg.InfiniteLine(
            angle=90, pen=pg.mkPen("#6a3d9a", width=1.2, style=Qt.PenStyle.DashLine), movable=False, label="",
            labelOpts={"position": 0.92, "color": "#6a3d9a"},
        )  # fmt: skip
        for item in (self.burn_ideal, self.burn_line, self.burn_projection, self.burn_target, self.burn_today):
            self.burn.plot.addItem(item)
        self.league = QTableWidget(0, len(LEAGUE_COLUMNS))
        self.league.setHorizontalHeaderLabels([translate("OutlookPage", c) for c in LEAGUE_COLUMNS])
        self.league.verticalHeader().hide()
        self.league.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.league.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.league.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.league.horizontalHeader().setStretchLastSection(True)
        self.league.cellActivated.connect(self._row_chosen)
        self.league.cellDoubleClicked.connect(self._row_chosen)
        self.map = DistrictMap()
        self.map.chosen.connect(self.unit_chosen)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        left = QVBoxLayout()
        left.addWidget(self.burn, 3)
        left.addWidget(self.league, 2)
        right = QVBoxLayout()
        self.map_title = QLabel()
        self.map_title.setWordWrap(True)
        right.addWidget(self.map_title)
        right.addWidget(self.map, 1)
        right.addWidget(self.legend)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        self._codes: list[str] = []
        self.outlooks: list[standing.Outlook] = []
        self.burn_data: standing.BurnUp | None = None
        self._places = 0

    def _row_chosen(self, row: int, _column: int = 0) -> None:
        if 0 <= row < len(self._codes):
            self.unit_chosen.emit(self._codes[row])

    def show_figures(
        self,
        measure: str,
        outlooks: list[standing.Outlook],
        burn: standing.BurnUp,
        *,
        place_name: str,
        city: list[standing.Outlook],
        district_names: dict[str, str],
        selected: str | None,
        unit_header: str,
    ) -> None:
        """outlooks: the units of the chosen place (districts, or a district's streets); burn: the place
        as a whole; city: every district's outlook for the map."""
        self.outlooks, self.burn_data = outlooks, burn
        unit = vocab.unit_label(measure)
        self._places = progress.measure_places(measure)
        self.league.horizontalHeaderItem(1).setText(unit_header)
        self._fill_league(outlooks)
        self.map.set_figures(district_names, city, selected)
        if self.map.boundaries is not None:
            self.map_title.setText(self.tr("Districts against the time elapsed (click a district for its streets)"))
        else:
            self.map_title.setText(
                self.tr("Districts against the time elapsed (schematic; click a district for its streets)")
                + ("\n" + self.map.boundary_problem if self.map.boundary_problem else "")
            )
        elapsed = progress.year_elapsed(burn.as_of)
        self.legend.setText(
            self.tr(
                "<span style='color:{ahead}'>■</span> at or ahead of the time elapsed ({elapsed}) "
                "<span style='color:{slightly}'>■</span> behind by less than {points} points "
                "<span style='color:{behind}'>■</span> further behind <span style='color:{none}'>■</span> no target"
            ).format(
                ahead=AHEAD.name(), slightly=SLIGHTLY.name(), behind=BEHIND.name(), none=NO_TARGET.name(),
                elapsed=f"{elapsed:.1%}", points=SLIGHT_POINTS,
            )
        )  # fmt: skip
        self.burn.setTitle(
            self.tr("{place}: {measure} done against the target").format(
                place=place_name, measure=vocab.label(vocab.MEASURES, measure)
            )
        )
        axis_label(self.burn.plot, "left", f"{vocab.label(vocab.MEASURES, measure)}（{unit}）")
        if not burn.days and burn.target is None:
            self.burn.show_message(
                self.tr("Nothing done and no target set for {place} this year.").format(place=place_name)
            )
            return
        year_start = date(burn.as_of.year, 1, 1)
        year_end = date(burn.as_of.year, 12, 31)
        xs = [timestamp(year_start)] + [timestamp(d) for d in burn.days] + [timestamp(burn.as_of)]
        done = float(burn.cumulative[-1]) if burn.cumulative else 0.0
        ys = [0.0] + [float(c) for c in burn.cumulative] + [done]
        self.burn_line.setData(np.array(xs), np.array(ys))
        self.burn_today.setPos(timestamp(burn.as_of))
        self.burn_today.label.setFormat(self.tr("Time elapsed {share}").format(share=f"{elapsed:.1%}"))
        top = max(ys)
        if burn.target is not None:
            target = float(burn.target)
            top = max(top, target)
            self.burn_target.setPos(target)
            self.burn_target.label.setFormat(
                self.tr("Target {target}").format(target=_number(burn.target, self._places))
            )
            self.burn_target.show()
            self.burn_ideal.setData([timestamp(year_start), timestamp(year_end)], [0, target])
        else:
            self.burn_target.hide()
            self.burn_ideal.setData([], [])
        end = year_end if burn.finish is None or burn.finish > year_end else burn.finish
        if burn.pace > 0 and end > burn.as_of:
            reach = done + float(burn.pace) * (end - burn.as_of).days / 7
            self.burn_projection.setData([timestamp(burn.as_of), timestamp(end)], [done, reach])
            top = max(top, reach)
        else:
            self.burn_projection.setData([], [])
        self.burn.plot.setXRange(timestamp(year_start), timestamp(year_end + timedelta(days=3)), padding=0)
        self.burn.plot.setYRange(0, max(top, 1) * 1.12, padding=0)
        self.burn.show_plot(self._note(burn, unit))

    def _note(self, burn: standing.BurnUp, unit: str) -> str:
        done = burn.cumulative[-1] if burn.cumulative else Decimal(0)
        if burn.target is None:
            return self.tr("{done} {unit} done; no target set.").format(done=_number(done, self._places), unit=unit)
        text = self.tr("{done} of {target} {unit} ({rate})").format(
            done=_number(done, self._places),
            target=_number(burn.target, self._places),
            unit=unit,
            rate=_percent(done / burn.target if burn.target else None),
        )
        if done >= burn.target:
            return text + self.tr("; target reached on {day}").format(
                day=burn.finish.isoformat() if burn.finish else ""
            )
        weeks_left = Decimal((date(burn.as_of.year, 12, 31) - burn.as_of).days) / 7
        if weeks_left > 0:
            text += self.tr("; {needed} {unit} a week needed from now").format(
                needed=_needed((burn.target - done) / weeks_left, self._places), unit=unit
            )
        if burn.finish is not None:
            text += self.tr("; at the last four weeks' pace ({pace} {unit} a week) done by {day}").format(
                pace=_number(burn.pace, self._places + 1), unit=unit, day=burn.finish.isoformat()
            )
        else:
            text += self.tr("; nothing done in the last four weeks")
        return text

    def _fill_league(self, outlooks: list[standing.Outlook]) -> None:
        self.league.setRowCount(len(outlooks))
        self._codes = [o.figures.code for o in outlooks]
        for r, o in enumerate(outlooks):
            f = o.figures
            gap = None if f.rate is None else (float(f.rate) - o.elapsed) * 100
            values = (
                "—" if o.rank is None else str(o.rank),
                f.name,
                _number(f.year_to_date, self._places),
                _number(f.target, self._places),
                _percent(f.rate),
                "—" if gap is None else f"{gap:+.1f}",
                _number(o.pace, self._places + 1),
                _needed(o.required, self._places),
                "—" if o.finish is None else (self.tr("reached") if o.met else o.finish.isoformat()),
            )
            colour = standing_colour(o)
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c != 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c in (4, 5) and f.rate is not None:
                    item.setForeground(colour.darker(115))
                self.league.setItem(r, c, item)

    def league_texts(self) -> list[list[str]]:
        return [
            [self.league.item(r, c).text() for c in range(self.league.columnCount())]
            for r in range(self.league.rowCount())
        ]
