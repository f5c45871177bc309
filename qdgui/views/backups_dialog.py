"""The database's backups (made before every import, merge, undo, upgrade and restore), and putting
one back in place of the database."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qdgui.models.database import Database, DatabaseError
from qdgui.models.migrate import BackupInfo, list_backups, restore


class BackupsDialog(QDialog):
    """Newest first: when, why, how big; restore the selected one (after a backup of the database as it is)."""

    restored = Signal(str)
    """The database now holds a backup's content; the argument says so in words."""

    def __init__(self, database: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self._database = database
        self._backups: list[BackupInfo] = []
        self.setWindowTitle(self.tr("Backups"))
        self.resize(760, 420)
        self.hint = QLabel(
            self.tr(
                "qdgui backs the database up before every import, merge, undo of an import, upgrade and "
                "restore (the last 10 of each kind are kept, in {folder}). Restoring puts the selected "
                "backup in place of the database; what it holds now is backed up first."
            ).format(folder=database.path.parent / "backups" if database.path else "")
        )
        self.hint.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Before"), self.tr("Size")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.restore_button = QPushButton(self.tr("&Restore the selected backup..."))
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.restore_button.clicked.connect(self.restore_selected)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        close.clicked.connect(self.accept)
        self.reload()

    def reload(self) -> None:
        self._backups = list_backups(self._database.path) if self._database.path else []
        reasons = {
            "import": self.tr("an import or merge"),
            "undo": self.tr("an undo of an import"),
            "upgrade": self.tr("a program upgrade"),
            "restore": self.tr("a restore"),
            "other": self.tr("other"),
        }
        self.table.setRowCount(len(self._backups))
        for r, info in enumerate(self._backups):
            cells = (
                info.made_at.strftime("%Y-%m-%d %H:%M:%S"),
                reasons[info.reason],
                self.tr("{size:.1f} MB").format(size=info.size / 1e6),
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        if self._backups:
            self.table.selectRow(0)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(0 <= self.table.currentRow() < len(self._backups))

    def restore_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self._backups):
            return
        chosen = self._backups[row]
        when = chosen.made_at.strftime("%Y-%m-%d %H:%M")
        answer = QMessageBox.question(
            self,
            self.tr("Restore a backup"),
            self.tr(
                "Put the backup of {when} in place of the database? Everything entered or merged since then "
                "is replaced; what the database holds now is backed up first, so this can be undone by "
                "restoring that backup."
            ).format(when=when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            safety = restore(self._database, chosen.path)
        except DatabaseError as exc:
            QMessageBox.warning(self, self.tr("Not restored"), str(exc))
            return
        self.reload()
        self.restored.emit(
            self.tr("Restored the backup of {when}; what the database held before is in {name}.").format(
                when=when, name=safety.name
            )
        )

    @classmethod
    def run(cls, database: Database, *, parent: QWidget | None = None, on_restored=None) -> BackupsDialog:
        dialog = cls(database, parent)
        if on_restored is not None:
            dialog.restored.connect(on_restored)
        dialog.open()
        return dialog
