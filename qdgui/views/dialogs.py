"""Small dialogs: this laptop's settings (asked at first start), a record's history, confirmations."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qdgui import config
from qdgui.i18n import QT_TRANSLATE_NOOP
from qdgui.models import lookups
from qdgui.models.database import Database
from qdgui.models.records import field_label
from qdgui.models.repository import HistoryEntry
from qdgui.views.fields import CodeCombo
from qdgui.views.formatting import display


class SettingsDialog(QDialog):
    """Which district and street this laptop belongs to, and who is entering."""

    def __init__(self, database: Database, settings: config.DeviceSettings, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("This laptop"))
        self._settings = settings
        self._database = database
        intro = QLabel(self.tr("These become the defaults of every form and are recorded with every entry."))
        intro.setWordWrap(True)
        self.operator = QLineEdit(settings.operator)
        self.operator.setPlaceholderText(self.tr("Your name"))
        self.district = CodeCombo(empty=False)
        self.street = CodeCombo()
        self.language = QComboBox()
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("Operator"), self.operator)
        form.addRow(field_label("district_code"), self.district)
        form.addRow(field_label("street_code"), self.street)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(QLabel(self.tr("Device")), QLabel(settings.device_id))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        with database.sessions() as session:
            self.district.set_choices(lookups.districts(session))
        self.district.set_code(settings.district_code or None)
        self._fill_streets()
        self.street.set_code(settings.street_code or None)
        self.district.currentIndexChanged.connect(self._fill_streets)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)

    def _fill_streets(self) -> None:
        with self._database.sessions() as session:
            self.street.set_choices(lookups.streets(session, self.district.code()))

    def _accept(self) -> None:
        if not self.operator.text().strip():
            self.problem.setText(self.tr("Please enter your name: it is recorded with every entry."))
            self.operator.setFocus()
            return
        self.accept()

    def result_settings(self) -> config.DeviceSettings:
        return config.updated(
            self._settings,
            operator=self.operator.text().strip(),
            district_code=self.district.code() or "",
            street_code=self.street.code() or "",
            language=self.language.currentData(),
        )

    @classmethod
    def ask(cls, database: Database, settings: config.DeviceSettings, parent=None) -> config.DeviceSettings | None:
        dialog = cls(database, settings, parent)
        return dialog.result_settings() if dialog.exec() == QDialog.DialogCode.Accepted else None


_ACTIONS = {
    "insert": QT_TRANSLATE_NOOP("History", "created"),
    "update": QT_TRANSLATE_NOOP("History", "changed"),
    "delete": QT_TRANSLATE_NOOP("History", "deleted"),
    "restore": QT_TRANSLATE_NOOP("History", "restored"),
}


class HistoryDialog(QDialog):
    """Every change of one record, newest first, with names rather than codes."""

    def __init__(self, title: str, entries: list[tuple[HistoryEntry, str, str]], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("History: {title}").format(title=title))
        self.resize(860, 420)
        headers = [
            self.tr("Time"),
            self.tr("Version"),
            self.tr("Action"),
            self.tr("Field"),
            self.tr("Old value"),
            self.tr("New value"),
            self.tr("Operator"),
            self.tr("Device"),
        ]
        self.table = QTableWidget(len(entries), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (e, old, new) in enumerate(entries):
            cells = [
                display(e.at),
                str(e.record_version),
                QCoreApplication.translate("History", _ACTIONS[e.action]),
                field_label(e.field),
                old,
                new,
                e.operator,
                e.device,
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    @classmethod
    def show_for(cls, title: str, entries: list[tuple[HistoryEntry, str, str]], parent=None) -> None:
        cls(title, entries, parent).exec()


class ConfirmDelete:
    """Asks before a deletion; tests replace `ask`."""

    @classmethod
    def ask(cls, parent: QWidget, description: str) -> bool:
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("RecordPage", "Delete record"),
            QCoreApplication.translate("RecordPage", "Delete {record}? It can be undone with Ctrl+Z.").format(
                record=description
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes


class ConfirmDiscard:
    """Asks before what was typed into a form is replaced by a saved record; tests replace `ask`."""

    @classmethod
    def ask(cls, parent: QWidget) -> bool:
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("RecordPage", "Unsaved entry"),
            QCoreApplication.translate(
                "RecordPage", "The form holds an entry that is not saved. Discard it and open the selected record?"
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard


def restart_notice(parent: QWidget) -> None:
    QMessageBox.information(
        parent,
        QCoreApplication.translate("MainWindow", "Language"),
        QCoreApplication.translate("MainWindow", "The new language applies from the next start."),
    )
