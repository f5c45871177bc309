"""Exports from the window: choose week and place, choose a file, write it off the GUI thread."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
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
        self.setMinimumWidth(480)  # room for an issuing office's full name

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
        self.area_unit = QComboBox()
        self.area_unit.addItem(self.tr("10,000 m² (as the command office writes them)"), "wan_m2")
        self.area_unit.addItem(self.tr("m²"), "m2")
        self.area_unit.setCurrentIndex(max(self.area_unit.findData(settings.report_area_unit), 0))
        form.addRow(self.tr("Areas in"), self.area_unit)
        self.photos = QCheckBox(self.tr("Add a sheet of the week's finished cases and parks with their photos"))
        self.photos.setObjectName("weekly_photos")
        form.addRow("", self.photos)
        # The return's form number, issuing office and signers: kept in the settings for next week.
        self.signer_fields: dict[str, QLineEdit] = {}
        signed = QFormLayout()
        for key, label, kept in (
            ("form_no", self.tr("Form no."), settings.report_form_no),
            ("authority", self.tr("Issued by"), settings.report_authority),
            ("unit_head", self.tr("Head of unit"), settings.unit_head),
            ("stats_head", self.tr("Head of statistics"), settings.stats_head),
            ("filled_by", self.tr("Filled in by"), settings.filled_by or settings.operator),
            ("phone", self.tr("Telephone"), settings.phone),
        ):
            edit = QLineEdit(kept)
            edit.setMaxLength(60)
            self.signer_fields[key] = edit
            signed.addRow(label, edit)
        self.reported_on = QDateEdit(QDate(today.year, today.month, today.day))
        self.reported_on.setCalendarPopup(True)
        self.reported_on.setDisplayFormat("yyyy-MM-dd")
        signed.addRow(self.tr("Reported on"), self.reported_on)
        signers = QGroupBox(self.tr("The return's heading and signers"))
        signers.setLayout(signed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Choose file..."))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(signers)
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

    def signers(self) -> dict[str, object]:
        """The heading and signers as typed (excel.weekly.Signers takes them as they are), the
        areas' unit under "area_unit" and whether to add the photo sheet under "photos"."""
        values: dict[str, object] = {key: edit.text().strip() for key, edit in self.signer_fields.items()}
        values["reported_on"] = self.reported_on.date().toPython()
        values["area_unit"] = self.area_unit.currentData()
        values["photos"] = self.photos.isChecked()
        return values

    @classmethod
    def ask(
        cls, database: Database, settings: config.DeviceSettings, today: date, parent: QWidget | None = None
    ) -> tuple[Week, str | None, dict[str, object]] | None:
        dialog = cls(database, settings, today, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.week(), dialog.scope.currentData(), dialog.signers()


class SaveFile:
    """The save dialog, behind a classmethod so that tests can answer it."""

    @classmethod
    def ask(
        cls, parent: QWidget | None, title: str, suggested_name: str, *, kind: str | None = None, suffix: str = ".xlsx"
    ) -> Path | None:
        return file_dialogs.save_file(
            parent,
            title,
            suggested_name,
            kind or QCoreApplication.translate("SaveFile", "Excel workbook (*.xlsx)"),
            purpose="export",
            suffix=suffix,
        )
