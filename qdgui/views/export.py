"""Exports from the window: choose week and place, choose a file, write it off the GUI thread."""
from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QDate, QThread, Signal
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

from qdgui import config, logs
from qdgui.excel.files import Cancelled, ExportError, ProgressCallback
from qdgui.models import lookups
from qdgui.models.database import Database
from qdgui.models.progress import Week, week_containing
from qdgui.views import file_dialogs


class BackgroundTask(QThread):
    """Runs `job(progress)` in its own thread; the job opens its own session.

    Progress and the outcome come back by signal; `requestInterruption()` makes the next progress
    report raise Cancelled, so the job stops at a safe point and writes nothing.
    """

    progressed = Signal(int, int)
    """Done and total units of work."""
    succeeded = Signal(object)
    """The job's result."""
    failed = Signal(str)
    """A message for the user: nothing was written."""
    cancelled = Signal()
    """The user stopped it: nothing was written."""

    def __init__(self, job: Callable[[ProgressCallback], object], parent=None, *,
                 expected: tuple[type[Exception], ...] = (ExportError,)):
        super().__init__(parent)
        self._job = job
        self._expected = expected  # errors whose message is already worded for the user

    def _progress(self, done: int, total: int) -> None:
        if self.isInterruptionRequested():
            raise Cancelled()
        self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            result = self._job(self._progress)
        except Cancelled:
            self.cancelled.emit()
        except self._expected as exc:
            self.failed.emit(str(exc))
        except Exception:  # noqa: BLE001 - reported to the user, never kills the window
            logging.getLogger("qdgui.worker").exception("background task failed")
            self.failed.emit(self.tr("An unexpected error stopped the work; nothing was written. The details are "
                                     "in the log file {path}").format(path=logs.log_file()))
        else:
            self.succeeded.emit(result)


class WeeklyExportDialog(QDialog):
    """Which week (any day in it) and which place the weekly report covers."""

    def __init__(self, database: Database, settings: config.DeviceSettings, today: date, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Weekly report"))
        self._ends_on = settings.week_ends_on
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
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
        self.week_label.setText(self.tr("Week {number} of {year}: {start} to {end}").format(
            number=number, year=year, start=week.start.isoformat(), end=week.end.isoformat()))

    @classmethod
    def ask(cls, database: Database, settings: config.DeviceSettings, today: date,
            parent: QWidget | None = None) -> tuple[Week, str | None] | None:
        dialog = cls(database, settings, today, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.week(), dialog.scope.currentData()


class SaveFile:
    """The save dialog, behind a classmethod so that tests can answer it."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, suggested_name: str) -> Path | None:
        return file_dialogs.save_file(parent, title, suggested_name,
                                      QCoreApplication.translate("SaveFile", "Excel workbook (*.xlsx)"),
                                      purpose="export", suffix=".xlsx")
