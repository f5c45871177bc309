"""The main window: one place per kind of work, and a status bar saying what is open."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget

from qdgui.config import DeviceSettings
from qdgui.models import repository
from qdgui.models.database import Database, latest_backup


class MainWindow(QMainWindow):
    def __init__(self, database: Database, settings: DeviceSettings, *, backup: Path | None = None):
        super().__init__()
        self._database = database
        self._settings = settings
        self.setWindowTitle(self.tr("qdgui - Urban renewal field records"))
        self.resize(1100, 720)
        self.tabs = QTabWidget()
        self.setCentralWidget(self.tabs)
        self.overview = self._overview_page()
        self.tabs.addTab(self.overview, self.tr("Overview"))
        self._db_label = QLabel()
        self._count_label = QLabel()
        self._operator_label = QLabel()
        self._backup_label = QLabel()
        for label in (self._db_label, self._count_label, self._operator_label, self._backup_label):
            self.statusBar().addPermanentWidget(label)
        self.refresh()

    def _overview_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.count_table = QTableWidget(0, 2)
        self.count_table.setHorizontalHeaderLabels([self.tr("Kind of record"), self.tr("Records")])
        self.count_table.horizontalHeader().setStretchLastSection(True)
        self.count_table.verticalHeader().hide()
        self.count_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.count_table)
        return page

    def refresh(self) -> None:
        with self._database.sessions() as session:
            counts = repository.count_records(session)
        labels = {
            "signing": self.tr("Relocation signings"),
            "demolition": self.tr("Illegal-building cases"),
            "park": self.tr("Parks"),
            "project": self.tr("Projects"),
            "annual_target": self.tr("Annual targets"),
            "community": self.tr("Communities/villages"),
        }
        self.count_table.setRowCount(len(labels))
        for row, (key, text) in enumerate(labels.items()):
            self.count_table.setItem(row, 0, QTableWidgetItem(text))
            count = QTableWidgetItem(f"{counts[key]:,}")
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.count_table.setItem(row, 1, count)
        self._db_label.setText(self.tr("Database: {path}").format(path=self._database.path))
        self._count_label.setText(self.tr("{n} records").format(n=f"{sum(counts.values()):,}"))
        self._operator_label.setText(self.tr("Operator: {name}").format(name=self._settings.as_operator().name))
        last = latest_backup(self._database.path)
        self._backup_label.setText(
            self.tr("Last backup: {when}").format(when=last.stat().st_mtime_ns and _stamp(last)) if last
            else self.tr("Last backup: none yet")
        )


def _stamp(path: Path) -> str:
    from datetime import datetime

    return datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
