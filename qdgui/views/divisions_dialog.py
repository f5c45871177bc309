"""Streets and towns of a district: the shipped list lags behind reality, so users add and rename."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from qdgui.models import lookups, repository
from qdgui.models.database import Database
from qdgui.models.records import ValidationFailed
from qdgui.views.fields import CodeCombo


class AskName:
    """The name asked for a new or renamed street; tests replace `ask`."""

    @classmethod
    def ask(cls, parent, title: str, label: str, current: str = "") -> str | None:
        text, ok = QInputDialog.getText(parent, title, label, text=current)
        return text if ok else None


class DivisionsDialog(QDialog):
    changed = Signal()
    """A street was added or renamed: the forms' lists need refilling."""

    def __init__(self, database: Database, district_code: str | None, parent=None):
        super().__init__(parent)
        self._database = database
        self.setWindowTitle(self.tr("Streets and towns"))
        self.resize(420, 460)
        self.district = CodeCombo(empty=False)
        with database.sessions() as session:
            self.district.set_choices(lookups.districts(session))
        self.district.set_code(district_code)
        self.streets = QListWidget()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.add_button = QPushButton(self.tr("Add a street..."))
        self.rename_button = QPushButton(self.tr("Rename..."))
        note = QLabel(self.tr("Renaming keeps the official name on record; records keep pointing at the street."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        form = QFormLayout()
        form.addRow(self.tr("District"), self.district)
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.rename_button)
        actions.addStretch()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.streets, 1)
        layout.addLayout(actions)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(close)
        self.district.currentIndexChanged.connect(self.reload)
        self.add_button.clicked.connect(self.add_street)
        self.rename_button.clicked.connect(self.rename_selected)
        self.streets.itemDoubleClicked.connect(lambda _item: self.rename_selected())
        close.rejected.connect(self.reject)
        self.reload()

    def reload(self) -> None:
        with self._database.sessions() as session:
            streets = lookups.streets(session, self.district.code())
        self.streets.clear()
        for code, name in streets:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, code)
            self.streets.addItem(item)
        self.rename_button.setEnabled(bool(streets))

    def names(self) -> list[str]:
        return [self.streets.item(i).text() for i in range(self.streets.count())]

    def add_street(self, name: str | None = None) -> str | None:
        name = name if isinstance(name, str) else AskName.ask(self, self.tr("Add a street"), self.tr("Name"))
        district = self.district.code()
        if not name or district is None:
            return None
        return self._write(lambda s: repository.add_street(s, district, name))

    def rename_selected(self, name: str | None = None) -> None:
        item = self.streets.currentItem()
        if item is None:
            return
        code = item.data(Qt.ItemDataRole.UserRole)
        name = name if isinstance(name, str) else AskName.ask(self, self.tr("Rename"), self.tr("New name"), item.text())
        if not name or name == item.text():
            return
        self._write(lambda s: repository.rename_division(s, code, name))

    def _write(self, action):
        try:
            with self._database.begin() as session:
                result = action(session)
        except ValidationFailed as failed:
            self.problem.setText("；".join(p.message for p in failed.problems))
            return None
        self.problem.setText("")
        self.reload()
        self.changed.emit()
        return result

    @classmethod
    def run(cls, database: Database, district_code: str | None, parent=None, on_changed=None) -> None:
        dialog = cls(database, district_code, parent)
        if on_changed is not None:
            dialog.changed.connect(on_changed)
        dialog.exec()
