"""The import wizard: read a workbook off the GUI thread, preview every row and problem, correct the
column mapping, then commit all valid rows in one transaction (or nothing)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from xlsxwriter.utility import xl_col_to_name

from qdgui import config
from qdgui.excel import importer
from qdgui.excel.columns import SYNONYMS
from qdgui.excel.files import ExportError
from qdgui.excel.ledger import LedgerError
from qdgui.excel.rejected import write_rejected
from qdgui.excel.sheet_import import Defaults
from qdgui.excel.workbook import ReadError
from qdgui.i18n import translate
from qdgui.models import kinds, vocab
from qdgui.models.database import Database, DatabaseError
from qdgui.models.records import Operator, field_label
from qdgui.views import file_dialogs
from qdgui.views.export import SaveFile
from qdgui.views.tasks import BackgroundTask

EXPECTED = (ReadError, LedgerError, importer.ImportRefused, ExportError, DatabaseError)  # said in words
ROWS_SHOWN = 5000  # the preview table shows this many rows; the account and the commit cover all
KINDS = ("signing", "demolition", "park", "annual_target")
_SEVERITY_COLOURS = {"error": "#B00020", "warning": "#8A5A00", "note": "#555555"}


class OpenFile:
    """The open dialog, behind a classmethod so that tests can answer it."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> Path | None:
        return file_dialogs.open_file(
            parent,
            QCoreApplication.translate("OpenFile", "Import a workbook"),
            QCoreApplication.translate(
                "OpenFile", "Workbooks, CSV and return packages (*.xlsx *.xls *.xlsm *.xlsb *.ods *.csv *.txt *.zip)"
            ),
            purpose="import",
        )


class ImportDialog(QDialog):
    """One workbook: its preview, the column mapping, and the commit."""

    previewed = Signal(object)
    """A preview is ready (ImportReport, nothing written)."""
    imported = Signal(object)
    """The valid rows were committed (ImportReport with its batch id)."""
    failed = Signal(str)
    """Reading or importing stopped with this message; nothing was written."""

    def __init__(
        self,
        database: Database,
        settings: config.DeviceSettings,
        path: Path,
        *,
        by: Operator,
        today: date,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._database, self._path, self._by, self._today = database, Path(path), by, today
        self._defaults = Defaults(settings.district_code or None, settings.street_code or None)
        self._book = None
        self._report: importer.ImportReport | None = None
        self._mappings: dict[str, dict[int, str]] | None = None
        self._values: dict[str | None, dict[str, str]] = {}  # the same-for-every-row values typed
        self._task: BackgroundTask | None = None
        self.setWindowTitle(self.tr("Import {file}").format(file=self._path.name))
        self.resize(1100, 680)
        self._build()
        self._connect()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Recognise from the headers"), None)
        for kind in KINDS:
            self.kind.addItem(importer.kind_label(kind), kind)
        self.include_hidden = QCheckBox(self.tr("Import hidden rows too"))
        self.create_missing = QCheckBox(self.tr("Create missing projects and villages"))
        self.create_missing.setToolTip(
            self.tr(
                "Projects and villages the sheet names and the database lacks are created in the same batch "
                "(undone with it). Names close to existing ones are never created: the problems list shows them."
            )
        )
        self.accept_edited = QCheckBox(self.tr("Merge it although it was changed"))
        self.accept_edited.setToolTip(
            self.tr(
                "The ledger's sheets were changed after qdgui exported it; every record is checked by the forms' rules."
            )
        )
        self.accept_edited.hide()  # shown for a ledger whose content check does not match
        self.repreview = QPushButton(self.tr("Preview again"))
        options = QHBoxLayout()
        options.addWidget(QLabel(self.tr("Sheets hold:")))
        options.addWidget(self.kind)
        options.addWidget(self.include_hidden)
        options.addWidget(self.create_missing)
        options.addWidget(self.accept_edited)
        options.addStretch(1)
        options.addWidget(self.repreview)
        self.summary = QLabel(self.tr("Reading {file}...").format(file=self._path.name))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setMinimumHeight(self.summary.fontMetrics().lineSpacing() * 3 + 8)
        self.rows = QTableWidget(0, 0)
        self.issues = QTableWidget(0, 6)
        self.issues.setHorizontalHeaderLabels(
            [self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Header"), self.tr("Level"), self.tr("What")]
        )
        self.issues.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.mapping = QTableWidget(0, 4)
        self.mapping.setHorizontalHeaderLabels(
            [self.tr("Sheet"), self.tr("Column"), self.tr("Header in the file"), self.tr("Imported as")]
        )
        self.mapping.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.same = QTableWidget(0, 4)  # a value for every row of a table, for fields it has no column for
        self.same.setHorizontalHeaderLabels(
            [self.tr("Sheet"), self.tr("Field"), self.tr("Same value for every row"), self.tr("Found in")]
        )
        self.same.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.account = QPlainTextEdit()
        self.account.setReadOnly(True)
        for table in (self.rows, self.issues, self.mapping, self.same):
            table.verticalHeader().hide()
            table.setAlternatingRowColors(True)
        self.pages = QTabWidget()
        self.pages.addTab(self.issues, self.tr("Problems"))
        self.pages.addTab(self.rows, self.tr("Rows"))
        self.pages.addTab(self.mapping, self.tr("Column mapping"))
        self.pages.addTab(self.same, self.tr("Same for every row"))
        self.pages.addTab(self.account, self.tr("Account"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.cancel = QPushButton(self.tr("Stop"))
        self.commit_button = QPushButton(self.tr("Import"))
        self.commit_button.setDefault(True)
        self.rejected_button = QPushButton(self.tr("Save rejected rows..."))
        self.close_button = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.cancel)
        buttons.addStretch(0)
        buttons.addWidget(self.rejected_button)
        buttons.addWidget(self.commit_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(options)
        layout.addWidget(self.summary)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self._set_busy(False)
        self.commit_button.setEnabled(False)
        self.rejected_button.setEnabled(False)

    def _connect(self) -> None:
        self.accept_edited.toggled.connect(self._edited_accepted)
        self.repreview.clicked.connect(self.start_preview)
        self.commit_button.clicked.connect(self.start_commit)
        self.rejected_button.clicked.connect(self.save_rejected)
        self.close_button.clicked.connect(self.reject)
        self.cancel.clicked.connect(self._stop)

    # ------------------------------------------------------------------ work off the GUI thread
    def _options(self) -> importer.ImportOptions:
        return importer.ImportOptions(
            kind=self.kind.currentData(),
            mappings=self._mappings,
            include_hidden=self.include_hidden.isChecked(),
            defaults=self._defaults,
            values=self._values or None,
            create_missing=self.create_missing.isChecked(),
            accept_edited=self.accept_edited.isChecked(),
        )

    def start_preview(self) -> None:
        """Read the file (once, in a child process) and preview the import with the current options."""
        if self.sender() is self.repreview:
            self._mappings = self._mapping_from_table()
            self._values = self._values_from_table()
        options, path, book = self._options(), self._path, self._book

        def job(progress):
            nonlocal book
            if book is None:
                book = importer.read(path, progress=progress)
            return book, importer.preview(
                self._database, book, options, by=self._by, today=self._today, progress=progress
            )

        self._run(job, self._previewed)

    def start_commit(self) -> None:
        """Commit every valid row in one transaction, after a backup."""
        options, book = self._options(), self._book

        def job(progress):
            return book, importer.commit(
                self._database, book, options, by=self._by, today=self._today, progress=progress
            )

        self._run(job, self._committed)

    def _run(self, job, done) -> None:
        self._set_busy(True)
        task = BackgroundTask(job, expected=EXPECTED)
        self._task = task
        self._done = done
        task.progressed.connect(self._progressed)
        task.succeeded.connect(self._succeeded)
        task.failed.connect(self._failed)
        task.cancelled.connect(self._cancelled)
        task.finished.connect(self._finished)
        task.start()

    def _stop(self) -> None:
        if self._task is not None:
            self._task.requestInterruption()

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel.setVisible(busy)
        for widget in (self.repreview, self.kind, self.include_hidden, self.commit_button, self.rejected_button):
            widget.setEnabled(not busy)

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(min(done, total))

    @Slot(object)
    def _succeeded(self, result) -> None:
        self._book, report = result
        self._done(report)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self.commit_button.setEnabled(False)
        self.summary.setText(message + "\n" + self.tr("Nothing was imported."))
        self.account.setPlainText(message)
        self.failed.emit(message)

    @Slot()
    def _cancelled(self) -> None:
        self._set_busy(False)
        self.summary.setText(self.tr("Stopped; nothing was imported."))
        self.failed.emit(self.summary.text())

    @Slot()
    def _finished(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.wait()

    # ------------------------------------------------------------------ showing the outcome
    def _previewed(self, report: importer.ImportReport) -> None:
        self._report = report
        self._set_busy(False)
        self._show(report)
        count = report.imported
        self.commit_button.setText(
            self.tr("Import {n} rows").format(n=count)
            if report.format == "sheet"
            else self.tr("Merge {n} changes").format(n=count)
        )
        self.accept_edited.setVisible(report.edited)
        self.commit_button.setEnabled(count > 0 and (not report.edited or self.accept_edited.isChecked()))
        self.rejected_button.setEnabled(report.rejected > 0)
        self.previewed.emit(report)

    def _edited_accepted(self, ticked: bool) -> None:
        report = self._report
        if report is not None and report.edited and not self.progress.isVisible():
            self.commit_button.setEnabled(ticked and report.imported > 0)

    def _committed(self, report: importer.ImportReport) -> None:
        self._report = report
        self._set_busy(False)
        self._show(report)
        self.commit_button.setEnabled(False)
        self.commit_button.setText(self.tr("Imported"))
        self.repreview.setEnabled(False)
        self.rejected_button.setEnabled(report.rejected > 0)
        self.imported.emit(report)

    def _show(self, report: importer.ImportReport) -> None:
        lines = report.lines(in_window=True)
        self.account.setPlainText("\n".join(lines))
        self.summary.setText("\n".join(line for line in lines if not line.startswith("  ")))
        self._fill_issues(report)
        self._fill_rows(report)
        self._fill_mapping(report)
        self._fill_same(report)
        self.pages.setTabEnabled(self.pages.indexOf(self.mapping), report.format == "sheet")
        self.pages.setTabEnabled(self.pages.indexOf(self.same), report.format == "sheet")
        self.pages.setTabEnabled(self.pages.indexOf(self.rows), report.format == "sheet")
        if report.format == "ledger":
            self.pages.setCurrentWidget(self.account)

    def _fill_issues(self, report) -> None:
        issues = sorted(report.issues(), key=lambda i: (i.sheet, i.row or 0, i.column or ""))
        self.issues.setRowCount(len(issues))
        levels = {"error": self.tr("Error"), "warning": self.tr("Warning"), "note": self.tr("Note")}
        for r, issue in enumerate(issues):
            values = (
                issue.sheet,
                "" if issue.row is None else str(issue.row),
                issue.column or "",
                " ".join((issue.header or "").split()),  # a header on two lines reads as one
                levels[issue.severity],
                issue.message,
            )
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
                if c == 4:
                    item.setForeground(QColor(_SEVERITY_COLOURS[issue.severity]))
                self.issues.setItem(r, c, item)
        self.issues.resizeColumnsToContents()

    def _fill_rows(self, report) -> None:
        fields: list[str] = []
        for plan in report.plans:
            for f in plan.mapping.values():
                if f not in fields:
                    fields.append(f)
        rows = [(plan, row) for plan in report.plans for row in plan.rows][:ROWS_SHOWN]
        self.rows.clear()
        self.rows.setColumnCount(3 + len(fields))
        self.rows.setHorizontalHeaderLabels(
            [self.tr("Sheet"), self.tr("Row"), self.tr("Result")] + [field_label(f) for f in fields]
        )
        self.rows.setRowCount(len(rows))
        names = self._names()
        for r, (plan, row) in enumerate(rows):
            state = self.tr("Rejected") if row.rejected else (self.tr("With warnings") if row.issues else self.tr("OK"))
            cells = [plan.label, str(row.row), state] + [
                _shown(row.values.get(f), names, kinds.FIELD_VOCABULARIES.get((plan.kind, f))) for f in fields
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
                if c == 2 and row.rejected:
                    item.setForeground(QColor(_SEVERITY_COLOURS["error"]))
                self.rows.setItem(r, c, item)
        self.rows.resizeColumnsToContents()

    def _names(self) -> dict[str, str]:
        from qdgui.models import lookups

        with self._database.sessions() as session:
            return lookups.all_names(session)

    def _fill_mapping(self, report) -> None:
        entries = [(plan, c) for plan in report.plans for c in range(len(plan.headers)) if plan.headers[c].text]
        self.mapping.setRowCount(len(entries))
        for r, (plan, c) in enumerate(entries):
            for col, text in enumerate((plan.label, xl_col_to_name(c), plan.headers[c].text)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
                item.setData(Qt.ItemDataRole.UserRole, c)
                item.setData(Qt.ItemDataRole.UserRole + 1, plan.key)
                self.mapping.setItem(r, col, item)
            choice = QComboBox()
            choice.addItem(self.tr("(not imported)"), "")
            for f in SYNONYMS[plan.kind]:
                choice.addItem(field_label(f), f)
            choice.setCurrentIndex(max(choice.findData(plan.mapping.get(c, "")), 0))
            self.mapping.setCellWidget(r, 3, choice)
        self.mapping.resizeColumnsToContents()

    def _fill_same(self, report) -> None:
        """One line per field a table has no column for, required ones first: what the title (or another
        source) gave, or how the import derives it, and a cell to type one value for every row."""
        from dataclasses import MISSING

        from qdgui.excel.sheet_import import DRAFTS, context

        derived = {
            ("demolition", "case_no"): self.tr("made from the file, sheet and row"),
            ("demolition", "status"): self.tr("from the demolition date, where there is one"),
            ("demolition", "disposal"): self.tr("from the status"),
            ("park", "plan_year"): self.tr("from the row's completion or start date"),
        }
        entries = []
        for plan in report.plans:
            mapped = set(plan.mapping.values())
            fields = DRAFTS[plan.kind].__dataclass_fields__
            missing = [n for n in fields if n not in mapped and n in SYNONYMS[plan.kind]]
            missing.sort(key=lambda n: fields[n].default is not MISSING)
            entries += [(plan, n, fields[n].default is MISSING) for n in missing]
        self.same.setRowCount(len(entries))
        for r, (plan, name, required) in enumerate(entries):
            fact = plan.fills.get(name)
            if fact is not None:
                source = translate("Import", context.SOURCES[fact.source]).format(row=fact.row)
            else:
                source = derived.get((plan.kind, name), self.tr("required") if required else "")
            label = field_label(name) + (" *" if required else "")
            for col, text in enumerate((plan.label, label, fact.text if fact else "", source)):
                item = QTableWidgetItem(text)
                if col != 2:
                    item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
                if required and fact is None and (plan.kind, name) not in derived and col == 3:
                    item.setForeground(QColor(_SEVERITY_COLOURS["error"]))
                item.setData(Qt.ItemDataRole.UserRole, (plan.key, name, fact.text if fact else ""))
                self.same.setItem(r, col, item)
        self.same.resizeColumnsToContents()

    def _values_from_table(self) -> dict[str | None, dict[str, str]]:
        """The values typed (or changed from what the file gave), per table, as --set would give them."""
        result: dict[str | None, dict[str, str]] = dict(self._values)
        for r in range(self.same.rowCount()):
            item = self.same.item(r, 2)
            key, name, found = item.data(Qt.ItemDataRole.UserRole)
            text = item.text().strip()
            if text and text != found:
                result.setdefault(key, {})[name] = text
            elif not text and name in result.get(key, {}):
                del result[key][name]
        return result

    def _mapping_from_table(self) -> dict[str, dict[int, str]] | None:
        if self.mapping.rowCount() == 0:
            return self._mappings
        result: dict[str, dict[int, str]] = {}
        for r in range(self.mapping.rowCount()):
            sheet = self.mapping.item(r, 0).data(Qt.ItemDataRole.UserRole + 1)
            column = self.mapping.item(r, 0).data(Qt.ItemDataRole.UserRole)
            field = self.mapping.cellWidget(r, 3).currentData()
            result.setdefault(sheet, {})
            if field:
                result[sheet][column] = field
        return result

    def save_rejected(self) -> None:
        if self._report is None:
            return
        name = self.tr("{stem} - rejected rows.xlsx").format(stem=self._path.stem)
        path = SaveFile.ask(self, self.tr("Save the rejected rows"), name)
        if path is None:
            return
        try:
            n = write_rejected(self._report.plans, path)
        except ExportError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            return
        self.summary.setText(
            self.summary.text() + "\n" + self.tr("{n} rejected rows saved to {path}").format(n=n, path=path)
        )

    def reject(self) -> None:
        if self._task is not None:  # stop the reader first; the window must not wait on a hung file
            self._task.requestInterruption()
            self._task.wait()
        super().reject()

    @classmethod
    def run(
        cls,
        database: Database,
        settings: config.DeviceSettings,
        path: Path,
        *,
        by: Operator,
        today: date,
        parent: QWidget | None = None,
        on_imported=None,
    ) -> ImportDialog:
        dialog = cls(database, settings, path, by=by, today=today, parent=parent)
        if on_imported is not None:
            dialog.imported.connect(on_imported)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.start_preview()
        return dialog


def _shown(value, names: dict[str, str], vocabulary: dict | None) -> str:
    if value is None:
        return ""
    if vocabulary is not None:
        return vocab.label(vocabulary, value)
    if isinstance(value, str):
        return names.get(value, value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)
