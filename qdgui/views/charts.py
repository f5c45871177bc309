"""Chart boxes: a pyqtgraph plot with a title, an empty-state message, hover values and PNG export.

Plot items are created once; refreshing calls setData/setOpts on them (pyqtgraph's live-plot idiom).
"""
from __future__ import annotations

from datetime import date, datetime, time, timezone

import numpy as np
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QToolTip,
    QVBoxLayout,
)
import pyqtgraph as pg  # after PySide6, so that pyqtgraph binds to it

pg.setConfigOptions(antialias=True, background="w", foreground="#333333")

DONE = QColor("#2f6fb3")
TARGET = QColor("#d0621b")
PLANNED = QColor("#b9cde5")


def timestamp(day: date) -> float:
    return datetime.combine(day, time(12), tzinfo=timezone.utc).timestamp()


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

        path = file_dialogs.save_file(self, self.tr("Save chart"), f"{self.title()}.png",
                                      self.tr("PNG picture (*.png)"), purpose="chart", suffix=".png")
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
        for item in self._items[len(labels):]:
            item.hide()

    def texts(self) -> list[str]:
        return [i.textItem.toPlainText() for i in self._items if i.isVisible()]


def category_axis(plot, names: list[str]) -> None:
    plot.getAxis("bottom").setTicks([[(i, name) for i, name in enumerate(names)]])


def bars(x: np.ndarray, heights: np.ndarray, *, width: float, color: QColor) -> pg.BarGraphItem:
    return pg.BarGraphItem(x=x, height=heights, width=width, brush=color, pen=pg.mkPen(color.darker(120)))
