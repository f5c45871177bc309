"""One kind of record: its entry form beside a filterable, sortable table of what is saved."""

from __future__ import annotations

from datetime import date
from typing import Callable

import sqlalchemy.exc
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qdgui.config import DeviceSettings
from qdgui.drafts import DraftStore
from qdgui.models import kinds, listing, lookups, photos, repository, vocab
from qdgui.models.database import WINDOW_WAIT_MS, Database, write_failure
from qdgui.models.describe import Namer
from qdgui.models.parse import ParseError, parse_date
from qdgui.views.dialogs import ConfirmDelete, ConfirmDiscard, HistoryDialog
from qdgui.views.fields import FORMS, CodeCombo, DateField, year_choices
from qdgui.views.record_form import RecordForm, kind_name
from qdgui.views.record_model import RecordTableModel


class RecordPage(QWidget):
    record_changed = Signal(object)
    """A record was saved or deleted here: its models.changes.Change (for undo and every view)."""

    def __init__(
        self,
        kind: str,
        database: Database,
        settings: DeviceSettings,
        drafts: DraftStore,
        *,
        today: Callable[[], date] = date.today,
        parent=None,
    ):
        super().__init__(parent)
        self.kind = kind
        self._database = database
        self._settings = settings
        self._listing = listing.LISTINGS[kind]
        self.form = RecordForm(FORMS[kind], database, settings, drafts, today=today)
        self.model = RecordTableModel(database.sessions, kind, self, load=False)  # read when first shown
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._build(today)
        self._connect()
        self._update_count(self.model.rowCount())

    def _build(self, today) -> None:
        self.filter_district = CodeCombo()
        self.filter_street = CodeCombo()
        self.filter_project = CodeCombo() if self._listing.project_column is not None else None
        self.filter_status = CodeCombo() if self._listing.status_column is not None else None
        self.filter_year = CodeCombo() if self._listing.year_column is not None else None
        self.filter_from = DateField() if self._listing.date_column is not None else None
        self.filter_to = DateField() if self._listing.date_column is not None else None
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(180)
        with self._database.sessions() as session:
            self.filter_district.set_choices(lookups.districts(session))
            if self.filter_project is not None:
                self.filter_project.set_choices(lookups.projects(session))
        if self.filter_status is not None:
            statuses = kinds.KINDS[self.kind].field("status").vocabulary
            self.filter_status.set_choices([(c, vocab.label(statuses, c)) for c in statuses])
        if self.filter_year is not None:
            self.filter_year.set_choices(year_choices(today()))
        # Two rows of filters (place and kind; dates and text), so that they never make the window
        # wider than a 1280-pixel screen.
        bar = QVBoxLayout()
        places, dates = QHBoxLayout(), QHBoxLayout()
        bar.addLayout(places)
        bar.addLayout(dates)
        for row, label, widget in (
            (places, self.tr("District"), self.filter_district),
            (places, self.tr("Street"), self.filter_street),
            (places, self.tr("Project"), self.filter_project),
            (places, self.tr("Status"), self.filter_status),
            (places, self.tr("Year"), self.filter_year),
            (dates, self.tr("From"), self.filter_from),
            (dates, self.tr("To"), self.filter_to),
        ):
            if widget is not None:
                caption = QLabel(label)
                caption.setBuddy(widget)
                row.addWidget(caption)
                row.addWidget(widget, 1 if row is places else 0)
        if self.filter_from is not None:
            self.filter_from.setFixedWidth(150)
            self.filter_to.setFixedWidth(150)
        for combo in (
            self.filter_district,
            self.filter_street,
            self.filter_project,
            self.filter_status,
            self.filter_year,
        ):
            if combo is not None:
                combo.setMinimumContentsLength(6)
        places.addStretch(0)
        dates.addWidget(self.search, 1)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setResizeContentsPrecision(100)  # never measure all 100,000 rows
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.setSortingEnabled(True)
        keys = [c.key for c in self._listing.columns]
        ascending = self._listing.default_sort in ("name", "year")
        self.table.sortByColumn(
            keys.index(self._listing.default_sort),
            Qt.SortOrder.AscendingOrder if ascending else Qt.SortOrder.DescendingOrder,
        )
        # Widths from the headers and the first rows: measuring every loaded row costs ~60 ms a table.
        self.table.horizontalHeader().setResizeContentsPrecision(30)
        self.table.resizeColumnsToContents()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.count = QLabel()
        self.edit_button = QPushButton(self.tr("Edit"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.history_button = QPushButton(self.tr("History"))
        actions = QHBoxLayout()
        actions.addWidget(self.count)
        actions.addStretch()
        for button in (self.edit_button, self.delete_button, self.history_button):
            actions.addWidget(button)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(bar)
        column.addWidget(self.table)
        column.addLayout(actions)
        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(360)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _connect(self) -> None:
        self.form.saved.connect(self._saved)
        self.model.rows_changed.connect(self._update_count)
        self.filter_district.currentIndexChanged.connect(self._district_filter_changed)
        for combo in (self.filter_street, self.filter_project, self.filter_status, self.filter_year):
            if combo is not None:
                combo.currentIndexChanged.connect(self.apply_filters)
        for field in (self.filter_from, self.filter_to):
            if field is not None:
                field.text_changed.connect(self._search_timer.start)
        self.search.textChanged.connect(self._search_timer.start)
        self._search_timer.timeout.connect(self.apply_filters)
        self.table.doubleClicked.connect(self.edit_selected)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.history_button.clicked.connect(self.show_history)
        QShortcut(
            QKeySequence.StandardKey.Find,
            self,
            activated=self.search.setFocus,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        # Enter and Delete act on the table only while the table has the focus; anywhere else in
        # the window Enter belongs to the form (it saves) and Delete to the text being typed.
        for key, slot in (
            (Qt.Key.Key_Delete, self.delete_selected),
            (Qt.Key.Key_Return, self.edit_selected),
            (Qt.Key.Key_Enter, self.edit_selected),
        ):
            QShortcut(QKeySequence(key), self.table, activated=slot, context=Qt.ShortcutContext.WidgetShortcut)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)
        self.model.rows_changed.connect(self._widen_columns)
        self.model.placed.connect(self._placed)

    # ------------------------------------------------------------------ filters
    def _district_filter_changed(self) -> None:
        with self._database.sessions() as session:
            self.filter_street.set_choices(lookups.streets(session, self.filter_district.code()))
        self.apply_filters()

    def apply_filters(self) -> None:
        def day(field):
            if field is None:
                return None
            try:
                return parse_date(field.text())
            except ParseError:
                return None  # half-typed: the filter waits for a whole date

        year = self.filter_year.code() if self.filter_year is not None else None
        self.model.set_filters(
            listing.Filters(
                district_code=self.filter_district.code(),
                street_code=self.filter_street.code(),
                project_uuid=self.filter_project.code() if self.filter_project is not None else None,
                status=self.filter_status.code() if self.filter_status is not None else None,
                year=int(year) if year else None,
                date_from=day(self.filter_from),
                date_to=day(self.filter_to),
                text=self.search.text(),
            )
        )

    def _update_count(self, rows: int) -> None:
        if self.model.counted:
            self.count.setText(self.tr("{n} records").format(n=f"{rows:,}"))
        else:  # a long list's first rows, shown while it is counted
            self.count.setText(self.tr("{n}+ records (counting...)").format(n=f"{rows:,}"))

    # ------------------------------------------------------------------ actions
    def set_settings(self, settings: DeviceSettings) -> None:
        self._settings = settings
        self.form.set_settings(settings)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.model.start()  # the first time the page is shown: its records are read now, once

    def reload(self) -> None:
        self.model.reload()
        self.reload_choices()

    def reload_choices(self) -> None:
        """Refill the project and community lists of the form and the filters (cheap)."""
        self.form.reload_choices()
        if self.filter_project is not None:
            with self._database.sessions() as session:
                self.filter_project.set_choices(lookups.projects(session))

    def selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else self.table.currentIndex().row()

    def edit_selected(self) -> None:
        uuid = self.model.uuid_at(self.selected_row())
        if not uuid:
            return
        if self.form.is_dirty() and not ConfirmDiscard.ask(self):
            return  # what was typed stays; nothing is loaded over it
        self.form.edit(uuid)

    def _table_menu(self, position) -> None:
        if self.model.uuid_at(self.table.indexAt(position).row()) is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Edit"), self.edit_selected)
        menu.addAction(self.tr("Delete"), self.delete_selected)
        menu.addAction(self.tr("History"), self.show_history)
        menu.exec(self.table.viewport().mapToGlobal(position))

    def _placed(self, row: int, rows: int) -> None:
        self._update_count(rows)
        if row < 0:
            return
        header = self.table.horizontalHeader()  # the one new row measured, not the page
        for column in range(self.model.columnCount() - 1):
            wanted = min(self.table.sizeHintForIndex(self.model.index(row, column)).width(), 360)
            if wanted > header.sectionSize(column):
                header.resizeSection(column, wanted)

    def _widen_columns(self, rows: int) -> None:
        # Widths follow what is shown (a few rows measured): a column is widened when its values
        # no longer fit, never narrowed below what the clerk dragged it to.
        if not rows:
            return
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount() - 1):
            wanted = min(max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column)), 360)
            if wanted > header.sectionSize(column):
                header.resizeSection(column, wanted)

    def delete_selected(self) -> None:
        row = self.selected_row()
        uuid = self.model.uuid_at(row)
        if not uuid:
            return
        description = " ".join(self.model.index(row, c).data() or "" for c in range(min(4, self.model.columnCount())))
        if not ConfirmDelete.ask(self, f"{kind_name(self.kind)} {description.strip()}"):
            return
        version = self.model.version_at(row)
        try:
            with self._database.begin(wait_ms=WINDOW_WAIT_MS) as session:
                change = repository.delete(
                    session, self.kind, uuid, by=self._settings.as_operator(), expected_version=version
                )
        except (sqlalchemy.exc.OperationalError, OSError) as exc:
            message = write_failure(exc)
            if message is None:
                raise
            QMessageBox.warning(self, self.tr("Not deleted"), message)
            return
        except (repository.StaleRecord, repository.RecordNotFound) as exc:  # changed by another clerk meanwhile
            QMessageBox.warning(self, self.tr("Not deleted"), str(exc))
            self.model.reload()
            return
        self.record_changed.emit(change)

    def show_history(self) -> None:
        uuid = self.model.uuid_at(self.selected_row())
        if not uuid:
            return
        table = kinds.KINDS[self.kind].table
        with self._database.sessions() as session:
            namer = Namer(session)
            row = repository.get(session, table, uuid)
            title = namer.record(self.kind, {c.key: getattr(row, c.key, None) for c in table.__table__.columns})
            changes = repository.history(session, uuid)
            if self.kind in photos.ROLES:  # the case's photos added, removed, put back, among its changes
                changes = sorted(changes + photos.history_of(session, uuid), key=lambda e: e.at)
            entries = [
                (e, namer.value(self.kind, e.field, e.old_value), namer.value(self.kind, e.field, e.new_value))
                for e in reversed(changes)
            ]  # newest first
        HistoryDialog.show_for(title, entries, self)

    def _saved(self, change) -> None:
        self.record_changed.emit(change)
