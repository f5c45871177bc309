"""Exports from the window: choose week and place, choose a file, write it off the GUI thread."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from qdgui import config
from qdgui.models import lookups
from qdgui.models.database import Database
from qdgui.models.progress import Week, last_complete_week, week_containing
from qdgui.views import file_dialogs


class WeeklyExportDialog(QDialog):
    """Which week (any day in it) and which place the weekly report covers."""

    def __init__(self, database: Database, settings: config.DeviceSettings, today: date, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Weekly report"))
        self._ends_on = settings.week_ends_on
        default = last_complete_week(today, ends_on=self._ends_on).end  # not the week still running
        self.day = QDateEdit(QDate(default.year, default.month, default.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.week_label = QLabel()
        self.scope = QComboBox()
        self.scope.addItem(self.tr("Whole city"), None)
        with database.sessions() as session:
            for code, name in lookups.districts(session):
                self.scope.addItem(name, code)
            for code, name in lookups.streets(session, settings.district_code or None):
                self.scope.addItem("　" + name, code)
        index = self.scope.findData(settings.district_code) if settings.district_code else 0
        self.scope.setCurrentIndex(max(index, 0))
        form = QFormLayout()
        form.addRow(self.tr("A day in the week"), self.day)
        form.addRow(self.tr("Week"), self.week_label)
        form.addRow(self.tr("Report for"), self.scope)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Choose file..."))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.day.dateChanged.connect(self._show_week)
        self._show_week()

    def week(self) -> Week:
        return week_containing(self.day.date().toPython(), ends_on=self._ends_on)

    def _show_week(self) -> None:
        week = self.week()
        year, number = week.iso
        self.week_label.setText(
            self.tr("Week {number} of {year}: {start} to {end}").format(
                number=number, year=year, start=week.start.isoformat(), end=week.end.isoformat()
            )
        )

    @classmethod
    def ask(
        cls, database: Database, settings: config.DeviceSettings, today: date, parent: QWidget | None = None
    ) -> tuple[Week, str | None] | None:
        dialog = cls(database, settings, today, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.week(), dialog.scope.currentData()


class SaveFile:
    """The save dialog, behind a classmethod so that tests can answer it."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, suggested_name: str) -> Path | None:
        return file_dialogs.save_file(
            parent,
            title,
            suggested_name,
            QCoreApplication.translate("SaveFile", "Excel workbook (*.xlsx)"),
            purpose="export",
            suffix=".xlsx",
        )
