"""Chart boxes: a pyqtgraph plot with a title, an empty-state message, hover values and PNG export.

Plot items are created once; refreshing calls setData/setOpts on them (pyqtgraph's live-plot idiom).
"""

from __future__ import annotations

import calendar
import math
from datetime import UTC, date, datetime, time

import numpy as np
import pyqtgraph as pg  # after PySide6, so that pyqtgraph binds to it
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QToolTip,
    QVBoxLayout,
)

pg.setConfigOptions(antialias=True, background="w", foreground="#333333")

DONE = QColor("#2f6fb3")
TARGET = QColor("#d0621b")
PLANNED = QColor("#b9cde5")
DUE = QColor("#6a3d9a")  # the plan to date of monthly targets


def timestamp(day: date) -> float:
    return datetime.combine(day, time(12), tzinfo=UTC).timestamp()


class ChartBox(QGroupBox):
    """A titled chart that says so when it has nothing to show, and can be saved as a picture."""

    saved = Signal(str)
    """The chart was written to this PNG file."""

    def __init__(self, title: str, *, axis_items: dict | None = None, parent=None):
        super().__init__(title, parent)
        self.plot_widget = pg.PlotWidget(axisItems=axis_items or {})
        self.plot = self.plot_widget.getPlotItem()
        self.plot.showGrid(y=True, alpha=0.25)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot_widget.setMinimumHeight(230)
        for name in ("left", "bottom", "right", "top"):
            # An axis is drawn again only when its ticks change: a save that moves a bar repaints the
            # bars, and the axes come from a cached picture (they were most of a redraw's time).
            self.plot.getAxis(name).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #777; font-size: 14px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.plot_widget)
        self.stack.addWidget(self.empty)
        self.note = QLabel()
        self.note.setStyleSheet("color: #a05a00;")
        self.save_button = QPushButton(self.tr("Save as picture"))
        self.save_button.clicked.connect(self.ask_and_save)
        footer = QHBoxLayout()
        footer.addWidget(self.note, 1)
        footer.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        layout.addLayout(footer)
        self._hover_text = None
        self.plot.scene().sigMouseMoved.connect(self._mouse_moved)

    def show_message(self, text: str) -> None:
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)

    def show_plot(self, note: str = "") -> None:
        self.stack.setCurrentWidget(self.plot_widget)
        self.note.setText(note)

    @property
    def showing_message(self) -> bool:
        return self.stack.currentWidget() is self.empty

    def set_hover(self, describe) -> None:
        """describe(x, y) -> text for the point under the mouse, or None."""
        self._hover_text = describe

    def _mouse_moved(self, position) -> None:
        if self._hover_text is None or not self.plot.sceneBoundingRect().contains(position):
            return
        point = self.plot.vb.mapSceneToView(position)
        text = self._hover_text(point.x(), point.y())
        if text:
            QToolTip.showText(QCursor.pos(), text, self.plot_widget)
        else:
            QToolTip.hideText()

    def hover_text_at(self, x: float, y: float = 0.0) -> str | None:
        return self._hover_text(x, y) if self._hover_text else None

    def save_png(self, path: str) -> None:
        self.grab().save(path, "PNG")
        self.saved.emit(path)

    def ask_and_save(self) -> None:
        from qdgui.views import file_dialogs

        path = file_dialogs.save_file(
            self,
            self.tr("Save chart"),
            f"{self.title()}.png",
            self.tr("PNG picture (*.png)"),
            purpose="chart",
            suffix=".png",
        )
        if path is not None:
            self.save_png(str(path))


class LabelPool:
    """Text labels on a plot, created as needed and reused on refresh."""

    def __init__(self, plot, *, anchor=(0.5, 1.0), color="#333333"):
        self._plot = plot
        self._anchor = anchor
        self._color = color
        self._items: list[pg.TextItem] = []

    def show(self, labels: list[tuple[float, float, str]]) -> None:
        while len(self._items) < len(labels):
            item = pg.TextItem(anchor=self._anchor, color=self._color)
            font = QFont()
            font.setPointSize(8)
            item.setFont(font)
            self._plot.addItem(item)
            self._items.append(item)
        for item, (x, y, text) in zip(self._items, labels):
            item.setText(text)
            item.setPos(QPointF(x, y))
            item.show()
        for item in self._items[len(labels) :]:
            item.hide()

    def texts(self) -> list[str]:
        return [i.textItem.toPlainText() for i in self._items if i.isVisible()]


def steady_top(view, top: float, *, room: float) -> None:
    """Show 0 .. top with `room` above it, keeping the current range while the figures still fill
    it well (a bar or a curve that grows by a save repaints itself, not the axis: pyqtgraph draws an
    axis again, ticks and all, whenever its range moves, which was most of a refresh's time)."""
    (_, _), (low, high) = view.viewRange()
    wanted = max(top, 1e-9) * (1 + room)
    if low == 0 and top <= high and wanted >= high * 0.6:
        return
    view.setYRange(0, wanted, padding=0)


def category_axis(plot, names: list[str]) -> None:
    axis = plot.getAxis("bottom")
    ticks = [[(i, name) for i, name in enumerate(names)]]
    if getattr(axis, "_qdgui_ticks", None) != ticks:  # setting the same ticks again redraws the axis
        axis.setTicks(ticks)
        axis._qdgui_ticks = ticks


def axis_label(plot, side: str, text: str) -> None:
    """An axis's title, set only when it changes (setting it redraws the axis)."""
    axis = plot.getAxis(side)
    if getattr(axis, "_qdgui_label", None) != text:
        plot.setLabel(side, text)
        axis._qdgui_label = text


def bars(x: np.ndarray, heights: np.ndarray, *, width: float, color: QColor) -> pg.BarGraphItem:
    return pg.BarGraphItem(x=x, height=heights, width=width, brush=color, pen=pg.mkPen(color.darker(120)))


DAY = 86400.0
_MONTH_STEPS = (1, 2, 3, 6, 12)


def number_text(value: float, spacing: float) -> str:
    """One number style for every axis: thousands separators, 万 for large values in Chinese."""
    from qdgui import i18n

    decimals = 0 if spacing >= 1 or spacing <= 0 else min(4, max(0, -math.floor(math.log10(spacing))))
    if i18n.language().startswith("zh") and abs(value) >= 100_000 and spacing >= 1000:
        ten_thousands = value / 10_000
        step = spacing / 10_000
        places = 0 if step >= 1 else min(4, max(0, -math.floor(math.log10(step))))
        return f"{ten_thousands:,.{places}f}万"
    return f"{value:,.{decimals}f}"


class ValueAxis(pg.AxisItem):
    """Counts get whole-number ticks only; large values read 12万 or 120,000, never 1.2e+05."""

    def __init__(self, orientation: str, *, whole: bool = False, **kwargs):
        super().__init__(orientation, **kwargs)
        self.whole = whole
        self.enableAutoSIPrefix(False)

    def tickValues(self, minVal, maxVal, size):  # noqa: N802,N803 - pyqtgraph's names
        levels = super().tickValues(minVal, maxVal, size)
        if not self.whole:
            return levels
        whole = [
            (spacing, [v for v in values if abs(v - round(v)) < 1e-9]) for spacing, values in levels if spacing >= 1
        ]
        if not whole:  # a range narrower than 1: just the integers in it
            whole = [(1.0, [float(v) for v in range(math.ceil(minVal), math.floor(maxVal) + 1)])]
        return whole

    def tickStrings(self, values, scale, spacing):  # noqa: N802
        return [number_text(v * scale, spacing * scale) for v in values]


class DayAxis(pg.AxisItem):
    """Dates along a time axis in the user's language (11月21日, 1月, 2027年), never overlapping."""

    def __init__(self, orientation: str = "bottom", **kwargs):
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)

    def _label_width(self) -> float:
        return QFontMetrics(self.font()).horizontalAdvance("12月30日") + 18

    def tickValues(self, minVal, maxVal, size):  # noqa: N802,N803
        if maxVal <= minVal or size <= 0:
            return []
        fits = max(2.0, size / self._label_width())
        span_days = (maxVal - minVal) / DAY
        for step in (1, 2, 7, 14):
            if span_days / step <= fits:
                first = math.ceil((minVal - 12 * 3600) / (step * DAY))
                values = [(first + i) * step * DAY + 12 * 3600 for i in range(int(span_days / step) + 2)]
                return [(step * DAY, [v for v in values if minVal <= v <= maxVal])]
        start = datetime.fromtimestamp(max(minVal, 0), UTC).date()
        for months in _MONTH_STEPS:
            if span_days / (30.4 * months) <= fits:
                break
        values = []
        year, month = start.year, start.month
        while True:
            month_index = year * 12 + month - 1
            if month_index % months == 0:
                value = timestamp(date(year, month, 1))
                if value > maxVal:
                    break
                if value >= minVal:
                    values.append(value)
            month += 1
            if month > 12:
                year, month = year + 1, 1
        return [(months * 30.4 * DAY, values)]

    def tickStrings(self, values, scale, spacing):  # noqa: N802
        from qdgui import i18n

        chinese = i18n.language().startswith("zh")
        texts = []
        for value in values:
            day = datetime.fromtimestamp(value * scale, UTC).date()
            if spacing < 28 * DAY:
                texts.append(f"{day.month}月{day.day}日" if chinese else f"{calendar.month_abbr[day.month]} {day.day}")
            elif day.month == 1:
                texts.append(f"{day.year}年" if chinese else str(day.year))
            else:
                texts.append(f"{day.month}月" if chinese else calendar.month_abbr[day.month])
        return texts
