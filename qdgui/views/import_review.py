"""After an import: the list of import batches with undo, and the review of what merges left open."""

from __future__ import annotations

from datetime import UTC, date

from PySide6.QtCore import Qt, Signal, Slot
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

from qdgui.excel import importer
from qdgui.excel.ledger import COLUMNS
from qdgui.models.database import Database, DatabaseError
from qdgui.models.describe import Namer
from qdgui.models.records import Operator, field_label
from qdgui.views.tasks import BackgroundTask


def _local(moment):
    """A stored UTC time in this computer's time zone."""

    return moment.replace(tzinfo=UTC).astimezone()


class BatchesDialog(QDialog):
    """Every import and merge, newest first, with the undo of a whole batch."""

    undone = Signal(object)
    """A batch was undone: the record kinds it had changed (list of str)."""

    def __init__(self, database: Database, *, by: Operator, parent: QWidget | None = None):
        super().__init__(parent)
        self._database, self._by = database, by
        self.setWindowTitle(self.tr("Import batches"))
        self.resize(900, 420)
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Batch"),
                self.tr("When"),
                self.tr("What"),
                self.tr("File"),
                self.tr("By"),
                self.tr("Records"),
                self.tr("State"),
            ]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self._task: BackgroundTask | None = None
        self._undoing: list[str] = []
        self.undo_button = QPushButton(self.tr("Undo the chosen batch"))
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.undo_button.clicked.connect(self.undo_selected)
        close.clicked.connect(self.accept)
        self.reload()

    def reload(self) -> None:
        from qdgui.models import batches

        with self._database.sessions() as session:
            rows = batches.list_batches(session)
        kinds = {"ledger": self.tr("Merge"), "sheet": self.tr("Ledger import"), "targets": self.tr("Targets")}
        self.table.setRowCount(len(rows))
        for r, b in enumerate(rows):
            counted = b.summary.get("inserted", 0) + b.summary.get("updated", 0) + b.summary.get("deleted", 0)
            state = self.tr("Undone {at}").format(at=f"{_local(b.undone_at):%Y-%m-%d %H:%M}") if b.undone_at else ""
            for c, text in enumerate(
                (
                    str(b.id),
                    f"{_local(b.at):%Y-%m-%d %H:%M}",
                    kinds.get(b.kind, b.kind),
                    b.file_name,
                    b.operator,
                    str(counted),
                    state,
                )
            ):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
                item.setData(Qt.ItemDataRole.UserRole, b.id)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        if rows:
            self.table.selectRow(0)

    def undo_selected(self) -> None:
        from qdgui.models import batches
        from qdgui.models.batches import BatchError

        row = self.table.currentRow()
        if row < 0:
            return
        batch_id = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        answer = QMessageBox.question(
            self,
            self.tr("Undo import"),
            self.tr("Put every record of batch {id} back as it was before the import? A backup is taken first.").format(
                id=batch_id
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        with self._database.sessions() as session:
            self._undoing = batches.kinds_in(session, batch_id)
        # A merge batch can hold 100,000 records: undo it in a worker, like the import itself.
        task = BackgroundTask(
            lambda progress: importer.undo(self._database, batch_id, by=self._by),
            expected=(BatchError, importer.ImportRefused, DatabaseError),
        )
        self._task = task
        self.undo_button.setEnabled(False)
        task.succeeded.connect(self._undo_done)
        task.failed.connect(self._undo_failed)
        task.finished.connect(self._task_finished)
        task.start()

    @Slot(object)
    def _undo_done(self, _count) -> None:
        self.undo_button.setEnabled(True)
        self.reload()
        self.undone.emit(self._undoing)

    @Slot(str)
    def _undo_failed(self, message: str) -> None:
        self.undo_button.setEnabled(True)
        QMessageBox.warning(self, self.tr("Not undone"), message)

    @Slot()
    def _task_finished(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.wait()

    def done(self, result: int) -> None:
        if self._task is not None:  # an undo is one transaction: let it finish rather than cut it off
            self._task.wait()
        super().done(result)

    @classmethod
    def run(cls, database: Database, *, by: Operator, parent: QWidget | None = None, on_undone=None) -> BatchesDialog:
        dialog = cls(database, by=by, parent=parent)
        if on_undone is not None:
            dialog.undone.connect(on_undone)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog


class ReviewDialog(QDialog):
    """What merges left for a person: each conflict side by side, a choice per field."""

    resolved = Signal(str)
    """An item was decided; the record kind that may have changed."""

    def __init__(self, database: Database, *, by: Operator, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self._database, self._by, self._today = database, by, today
        self.setWindowTitle(self.tr("Merge review"))
        self.resize(980, 560)
        self.items = QTableWidget(0, 4)
        self.items.setHorizontalHeaderLabels(
            [self.tr("Reason"), self.tr("Kind"), self.tr("Record"), self.tr("From file")]
        )
        self.items.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.items.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.items.verticalHeader().hide()
        self.items.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.fields = QTableWidget(0, 3)
        self.fields.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Kept here"), self.tr("Other version")])
        self.fields.verticalHeader().hide()
        self.fields.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.apply_button = QPushButton(self.tr("Save the choices"))
        self.dismiss_button = QPushButton(self.tr("Keep as it is"))
        self.join_button = QPushButton(self.tr("&Join as one"))
        self.join_button.setToolTip(
            self.tr(
                "The same project or village entered on two laptops: the records of the other copy point at "
                "the one kept here, and the other copy is deleted."
            )
        )
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.join_button, self.dismiss_button, self.apply_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.fields, 2)
        layout.addLayout(buttons)
        self.items.itemSelectionChanged.connect(self._show_item)
        self.apply_button.clicked.connect(self.apply)
        self.dismiss_button.clicked.connect(self.keep)
        self.join_button.clicked.connect(self.join)
        close.clicked.connect(self.accept)
        self._open = []
        self.reload()

    def reload(self) -> None:
        from qdgui.models import review

        with self._database.sessions() as session:
            self._open = review.open_items(session)
            namer = Namer(session)
            described = [namer.record(item.kind, item.kept) for item in self._open]
        reasons = {
            "conflict": self.tr("Changed on both sides"),
            "duplicate": self.tr("Same key, held back"),
            "similar": self.tr("Looks alike"),
        }
        self.items.setRowCount(len(self._open))
        for r, (item, what) in enumerate(zip(self._open, described)):
            for c, text in enumerate(
                (
                    reasons[item.reason],
                    importer.kind_label(item.kind),  # every kind has its ledger sheet title
                    what,
                    item.source_file,
                )
            ):
                cell = QTableWidgetItem(text)
                cell.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
                self.items.setItem(r, c, cell)
        self.items.resizeColumnsToContents()
        if self._open:
            self.items.selectRow(0)
        else:
            self.fields.setRowCount(0)
            self.hint.setText(self.tr("Nothing left to review."))
        self._show_item()

    def current(self):
        row = self.items.currentRow()
        return self._open[row] if 0 <= row < len(self._open) else None

    def _show_item(self) -> None:
        item = self.current()
        from qdgui.models.review import JOINABLE

        self.apply_button.setEnabled(item is not None and item.reason == "conflict")
        self.dismiss_button.setEnabled(item is not None)
        self.join_button.setVisible(item is not None and item.reason == "similar" and item.kind in JOINABLE)
        if item is None:
            return
        fields = (
            item.differing()
            if item.reason == "conflict"
            else [f for f in item.kept if item.kept.get(f) or item.other.get(f)]
        )
        kept, other_side = self.tr("Kept here"), self.tr("Other version")
        if item.reason != "conflict":  # two records, nothing to tick
            kept, other_side = self.tr("Already here"), self.tr("Incoming record")
        if item.kept_by and item.kept_at:
            kept = self.tr("Kept here\n{who}, {at}").format(
                who=item.kept_by, at=_local(item.kept_at).strftime("%Y-%m-%d %H:%M")
            )
        if item.other_by and item.other_at:
            other_side = self.tr("Other version\n{who}, {at}").format(
                who=item.other_by, at=_local(item.other_at).strftime("%Y-%m-%d %H:%M")
            )
        self.fields.setHorizontalHeaderLabels([self.tr("Field"), kept, other_side])
        order = [c.field for c in COLUMNS.get(item.kind, ())]
        fields.sort(key=lambda f: order.index(f) if f in order else len(order))
        self.hint.setText(
            self.tr("Tick the fields where the other version is right; the rest stay as kept here.")
            if item.reason == "conflict"
            else self.tr(
                "An incoming record that looks like one already here: check them and keep as it is, "
                "or correct one of them in its table."
            )
        )
        self.fields.setRowCount(len(fields))
        with self._database.sessions() as session:
            namer = Namer(session)
            texts = {
                name: (
                    namer.value(item.kind, name, item.kept.get(name)),
                    namer.value(item.kind, name, item.other.get(name)),
                )
                for name in fields
            }
        for r, name in enumerate(fields):
            label = QTableWidgetItem(field_label(name))
            label.setData(Qt.ItemDataRole.UserRole, name)
            label.setFlags(Qt.ItemFlag.ItemIsEnabled)
            kept = QTableWidgetItem(texts[name][0])
            kept.setFlags(Qt.ItemFlag.ItemIsEnabled)
            other = QTableWidgetItem(texts[name][1])
            flags = Qt.ItemFlag.ItemIsEnabled
            if item.reason == "conflict":
                flags |= Qt.ItemFlag.ItemIsUserCheckable
                other.setCheckState(Qt.CheckState.Unchecked)
            other.setFlags(flags)
            for c, cell in enumerate((label, kept, other)):
                self.fields.setItem(r, c, cell)

    def choices(self) -> dict[str, str]:
        result = {}
        for r in range(self.fields.rowCount()):
            name = self.fields.item(r, 0).data(Qt.ItemDataRole.UserRole)
            ticked = self.fields.item(r, 2).checkState() == Qt.CheckState.Checked
            result[name] = "other" if ticked else "kept"
        return result

    def apply(self) -> None:
        from qdgui.models import review
        from qdgui.models.records import ValidationFailed

        item = self.current()
        if item is None:
            return
        try:
            with self._database.begin() as session:
                review.resolve_conflict(session, item.id, self.choices(), by=self._by, today=self._today)
        except ValidationFailed as exc:
            QMessageBox.warning(self, self.tr("Not saved"), "\n".join(p.describe() for p in exc.problems))
            return
        self.resolved.emit(item.kind)
        self.reload()

    def join(self) -> None:
        from qdgui.models import review
        from qdgui.models.records import ValidationFailed

        item = self.current()
        if item is None:
            return
        try:
            with self._database.begin() as session:
                moved = review.join(session, item.id, by=self._by, today=self._today)
        except ValidationFailed as exc:
            QMessageBox.warning(self, self.tr("Not joined"), "\n".join(p.describe() for p in exc.problems))
            return
        for kind in ("signing", "demolition", "park", item.kind):
            self.resolved.emit(kind)
        self.reload()
        joined = self.tr("Joined: {n} records now point at the one kept here.").format(n=moved)
        self.hint.setText(joined + " " + self.hint.text())

    def keep(self) -> None:
        from qdgui.models import review

        item = self.current()
        if item is None:
            return
        with self._database.begin() as session:
            if item.reason == "conflict":
                review.resolve_conflict(session, item.id, {}, by=self._by, today=self._today)
            else:
                review.dismiss(session, item.id)
        self.resolved.emit(item.kind)
        self.reload()

    @classmethod
    def run(
        cls, database: Database, *, by: Operator, today: date, parent: QWidget | None = None, on_resolved=None
    ) -> ReviewDialog:
        dialog = cls(database, by=by, today=today, parent=parent)
        if on_resolved is not None:
            dialog.resolved.connect(on_resolved)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
