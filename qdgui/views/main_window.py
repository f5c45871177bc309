"""The main window: one place per kind of work, undo, settings, and a status bar saying what is open."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import sqlalchemy.exc
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qdgui import config
from qdgui.drafts import DraftStore
from qdgui.models import photos, repository
from qdgui.models.changes import Change, Changed
from qdgui.models.database import WINDOW_WAIT_MS, Database, latest_backup, write_failure
from qdgui.models.records import ValidationFailed
from qdgui.paths import WINDOW_STATE, window_state_file
from qdgui.views import geometry
from qdgui.views.dialogs import SettingsDialog, restart_notice
from qdgui.views.export import SaveFile, WeeklyExportDialog
from qdgui.views.keys import UndoRouter
from qdgui.views.record_form import kind_name
from qdgui.views.record_page import RecordPage
from qdgui.views.tasks import BackgroundTask

if TYPE_CHECKING:
    from qdgui.views.dashboard import Dashboard

PREBUILD_AFTER_MS = 1500  # the charts are built this long after the window shows...
PREBUILD_QUIET_S = 0.8  # ...when no key or click came for this long (else a little later)
PREBUILD_RETRY_MS = 700
CATCH_UP_ONE_BY_ONE = 20  # more records changed behind hidden charts: reload their kinds instead


class _LastInput(QObject):
    """When the person last pressed a key or clicked (watched only until the charts are prebuilt)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._at = time.monotonic()

    def quiet_for(self) -> float:
        return time.monotonic() - self._at

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() in _INPUT:
            self._at = time.monotonic()
        return False


_INPUT = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel, QEvent.Type.InputMethod)


class MainWindow(QMainWindow):
    changed = Signal(object)
    """Records changed, once per user action (a save, edit, deletion, undo, import, merge decision):
    a models.changes.Changed. Tables, status line and charts all listen here and nowhere else."""

    exported = Signal(str)
    """A workbook was written to this path."""

    export_failed = Signal(str)
    # File > Connect to a district server: the server's database, opened; the launcher shows a new
    # window on it and closes this one (views/launch.py).
    switch_to = Signal(object)
    """An export stopped (failed or cancelled) with this message; nothing was written."""

    def __init__(
        self,
        database: Database,
        settings: config.DeviceSettings,
        *,
        backup: Path | None = None,
        drafts: DraftStore,
        today: Callable[[], date] = date.today,
        settings_path: Path | None = None,
    ):
        super().__init__()
        self._database = database
        self._settings = settings
        self._settings_path = settings_path
        # Window geometry beside the settings file (a self-test or a test keeps it in its own folder).
        self._state_file = settings_path.parent / WINDOW_STATE if settings_path else window_state_file()
        self._today = today
        self._undo: list[Change] = []
        self._task: BackgroundTask | None = None
        self._progress_dialog: QProgressDialog | None = None
        self._done_message = ""
        self.setWindowTitle(self.tr("{file} - qdgui urban renewal field records").format(file=database.name))
        if database.path is not None:
            self.setWindowFilePath(str(database.path))
        self.pages: dict[str, RecordPage] = {}
        self.tabs = QTabWidget()
        self.setCentralWidget(self.tabs)
        for kind, title in (
            ("signing", self.tr("Relocation signings")),
            ("demolition", self.tr("Illegal buildings")),
            ("park", self.tr("Parks")),
        ):
            self.pages[kind] = RecordPage(kind, database, settings, drafts, today=today)
            self.tabs.addTab(self.pages[kind], title)
        plans = QTabWidget()
        for kind, title in (
            ("project", self.tr("Projects")),
            ("annual_target", self.tr("Annual targets")),
            ("community", self.tr("Communities/villages")),
        ):
            self.pages[kind] = RecordPage(kind, database, settings, drafts, today=today)
            plans.addTab(self.pages[kind], title)
        self.tabs.addTab(plans, self.tr("Projects and targets"))
        plans.currentChanged.connect(lambda _index: self.focus_current_form())
        self._shown_once = False
        self._counts: dict[str, int] | None = None  # live records per kind, for the status line
        # The charts (pyqtgraph, a year of aggregates) are built when the tab is first opened:
        # that keeps ~0.4 s out of every start.
        self._dashboard: Dashboard | None = None
        self._dashboard_place = QWidget()
        QVBoxLayout(self._dashboard_place).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self._dashboard_place, self.tr("Progress"))
        self._build_menus()
        self._build_status_bar()
        self._undo_router = UndoRouter(self)
        QApplication.instance().installEventFilter(self._undo_router)
        self._connect()
        self.refresh_status()
        geometry.restore(self, self._state_file)
        if backup is not None:
            self.statusBar().showMessage(
                self.tr("The database was upgraded to this version; the copy from before is {path}").format(path=backup)
            )

    # ------------------------------------------------------------------ building
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.weekly_action = QAction(self.tr("Export &weekly report..."), self, shortcut=QKeySequence("Ctrl+R"))
        self.weekly_action.triggered.connect(self.export_weekly)
        self.ledger_action = QAction(self.tr("Export &ledger..."), self, shortcut=QKeySequence("Ctrl+E"))
        self.ledger_action.triggered.connect(self.export_ledger)
        self.return_action = QAction(self.tr("Export a return &package (ledger and photos)..."), self)
        self.return_action.triggered.connect(self.export_return)
        file_menu.addActions([self.weekly_action, self.ledger_action, self.return_action])
        file_menu.addSeparator()
        self.import_action = QAction(self.tr("&Import a workbook..."), self, shortcut=QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.import_workbook)
        self.batches_action = QAction(self.tr("Import &batches..."), self)
        self.batches_action.triggered.connect(self.show_batches)
        self.review_action = QAction(self.tr("&Review merge conflicts..."), self)
        self.review_action.triggered.connect(self.show_review)
        file_menu.addActions([self.import_action, self.batches_action, self.review_action])
        file_menu.addSeparator()
        self.backups_action = QAction(self.tr("Bac&kups..."), self)
        self.backups_action.triggered.connect(self.show_backups)
        file_menu.addAction(self.backups_action)
        self.backups_action.setEnabled(self._database.path is not None)  # a server's backups are its administrator's
        self.server_action = QAction(self.tr("Connect to a district &server..."), self)
        self.server_action.triggered.connect(self.connect_server)
        file_menu.addAction(self.server_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("E&xit"), self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = QAction(self.tr("&Undo last change"), self, shortcut=QKeySequence.StandardKey.Undo)
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(self.undo)
        edit_menu.addAction(self.undo_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for number in range(self.tabs.count()):
            action = QAction(self.tabs.tabText(number), self, shortcut=QKeySequence(f"Ctrl+{number + 1}"))
            action.triggered.connect(lambda _checked=False, n=number: self.tabs.setCurrentIndex(n))
            view_menu.addAction(action)
        view_menu.addSeparator()
        # Window-wide, because a form's scroll area would take Ctrl+PgDown for scrolling.
        for text, key, step in ((self.tr("Next tab"), "Ctrl+PgDown", 1), (self.tr("Previous tab"), "Ctrl+PgUp", -1)):
            action = QAction(text, self, shortcut=QKeySequence(key))
            action.triggered.connect(
                lambda _checked=False, d=step: self.tabs.setCurrentIndex(
                    (self.tabs.currentIndex() + d) % self.tabs.count()
                )
            )
            view_menu.addAction(action)
        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        settings_action = QAction(self.tr("This &laptop..."), self)
        settings_action.triggered.connect(self.edit_settings)
        settings_menu.addAction(settings_action)
        streets_action = QAction(self.tr("&Streets and towns..."), self)
        streets_action.triggered.connect(self.edit_streets)
        settings_menu.addAction(streets_action)

    def _build_status_bar(self) -> None:
        self._db_label = QLabel()
        self._count_label = QLabel()
        self._operator_label = QLabel()
        self._backup_label = QLabel()
        for label in (self._db_label, self._count_label, self._operator_label, self._backup_label):
            self.statusBar().addPermanentWidget(label)

    def _connect(self) -> None:
        for page in self.pages.values():
            page.record_changed.connect(self._record_changed)
        self.changed.connect(self._refresh_views)
        self.tabs.currentChanged.connect(self._tab_shown)
        self._live = None
        self._remote: dict[str, set[str] | None] = {}  # other clerks' changes waiting to be shown
        self._dashboard_behind: set[str] = set()  # kinds other clerks changed while the charts were hidden
        self._dashboard_waiting: list[Changed] = []  # this window's changes while the charts were hidden
        self._input = _LastInput(self)
        self._remote_timer = QTimer(self, singleShot=True, interval=150)  # a burst is shown once
        self._remote_timer.timeout.connect(self._show_remote_changes)
        if self._database.server:  # other clerks save into the same database: show their changes as they come
            from qdgui.views.live import LiveChanges

            self._live = LiveChanges(self._database, self)
            self._live.arrived.connect(self._remote_change)
            self._live.start()

    @property
    def dashboard(self):
        """The progress charts, built on first use."""
        if self._dashboard is None:
            from qdgui.views.dashboard import Dashboard

            self._dashboard = Dashboard(self._database, self._settings, today=self._today)
            self.changed.connect(self._dashboard_follow)  # built: from now on it follows every change
            self._dashboard_place.layout().addWidget(self._dashboard)
            self._dashboard.show()  # a child added to a visible parent stays hidden otherwise
        return self._dashboard

    def _tab_shown(self, index: int) -> None:
        if self.tabs.widget(index) is self._dashboard_place:
            self.dashboard  # noqa: B018 - builds it
            self._catch_up_dashboard()
        self.focus_current_form()

    def _dashboard_follow(self, changed: Changed) -> None:
        """The charts follow a change at once when in front; hidden, they take it when next shown (a
        save does not wait for charts no one sees)."""
        if self._dashboard is not None and self.tabs.currentWidget() is self._dashboard_place:
            self._dashboard.apply(changed)
            return
        self._dashboard_waiting.append(changed)
        if sum(len(c.records) or CATCH_UP_ONE_BY_ONE for c in self._dashboard_waiting) > CATCH_UP_ONE_BY_ONE:
            # many: they will reload what their kinds move, so their values need not be kept
            self._dashboard_behind |= {kind for c in self._dashboard_waiting for kind in c.kinds}
            self._dashboard_waiting = []

    def _catch_up_dashboard(self) -> None:
        behind, self._dashboard_behind = self._dashboard_behind, set()
        waiting, self._dashboard_waiting = self._dashboard_waiting, []
        if self._dashboard is None:
            return
        for changed in waiting:  # a few records: each moves only its cells
            self._dashboard.apply(changed)
        if behind:
            self._dashboard.apply(Changed.bulk(behind))

    def _prebuild_dashboard(self) -> None:
        """Build the charts, hidden, once the window has been idle a moment after start: the 进度 tab
        then opens at once (building them costs ~0.15 s, more at city scale); a clerk typing or
        clicking puts it off."""
        if self._dashboard is not None or not self.isVisible():
            QApplication.instance().removeEventFilter(self._input)
            return
        if self._input.quiet_for() < PREBUILD_QUIET_S:
            QTimer.singleShot(PREBUILD_RETRY_MS, self._prebuild_dashboard)
            return
        QApplication.instance().removeEventFilter(self._input)
        self.dashboard  # noqa: B018 - builds it

    def show_kind(self, kind: str) -> RecordPage:
        """Bring the page of a kind of record to the front (its records are read when first shown)."""
        page = self.pages[kind]
        holder = page.parentWidget()
        while holder is not None and not isinstance(holder, QTabWidget):
            holder = holder.parentWidget()
        if isinstance(holder, QTabWidget) and holder is not self.tabs:  # a page inside 项目与目标
            holder.setCurrentWidget(page)
            self.tabs.setCurrentWidget(holder)
        else:
            self.tabs.setCurrentWidget(page)
        return page

    def current_page(self) -> RecordPage | None:
        page = self.tabs.currentWidget()
        if isinstance(page, QTabWidget):
            page = page.currentWidget()
        return page if isinstance(page, RecordPage) else None

    def focus_current_form(self) -> None:
        """The keyboard lands in the form's first field to type, not on the tab bar."""
        page = self.current_page()
        if page is not None:
            page.form.focus_first()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(0, self.focus_current_form)
            QApplication.instance().installEventFilter(self._input)
            QTimer.singleShot(PREBUILD_AFTER_MS, self._prebuild_dashboard)

    # ------------------------------------------------------------------ reactions
    def _record_changed(self, change: Change) -> None:
        if change.action == "unchanged" and not (change.photos_added or change.photos_removed):
            return  # saved as it was: nothing moved, nothing to undo
        self._undo.append(change)
        self.undo_action.setEnabled(True)
        self.changed.emit(Changed.of(change))

    def _remote_change(self, kind: str, uuids: list) -> None:
        pending = self._remote.get(kind, set())
        self._remote[kind] = None if not uuids or pending is None else pending | set(uuids)
        self._remote_timer.start()

    def _show_remote_changes(self) -> None:
        """Another clerk's committed changes (a server's notices): the tables place each record, or
        read a kind again after a bulk change; the counts and the charts follow."""
        waiting, self._remote = self._remote, {}
        names_moved = bool(set(waiting) & {"project", "community"})
        for kind, uuids in waiting.items():
            page = self.pages.get(kind)
            if page is not None and uuids is not None and len(uuids) <= 50:
                for uuid in sorted(uuids):
                    page.model.place(uuid, remote=True)
            elif page is not None:
                page.model.reload()
        if names_moved:
            for page_kind, page in self.pages.items():
                if page_kind == "signing":
                    page.model.reload()
                page.reload_choices()
        changed = Changed.bulk(waiting)
        self.refresh_status(changed)
        if self._dashboard is not None:
            # Another clerk's change carries no old values, so the charts reload what its kind moves
            # (seconds at a million records): only when they are in front, else once when shown.
            self._dashboard_behind |= set(waiting)
            if self.tabs.currentWidget() is self._dashboard_place:
                self._catch_up_dashboard()

    def _refresh_views(self, changed: Changed) -> None:
        # Only the changed kinds' tables, and the signing table, which shows project and
        # community names, need re-reading; the other pages just refresh their choice lists.
        names_moved = bool(changed.kinds & {"project", "community"})
        for page_kind, page in self.pages.items():
            if page_kind == "signing" and names_moved:
                page.model.reload()
            elif page_kind in changed.kinds and changed.records:
                for change in changed.records:  # a few records: each put in its place
                    if change.kind == page_kind:
                        page.model.place(change.uuid)
            elif page_kind in changed.kinds:
                page.model.reload()
            if names_moved:
                page.reload_choices()
        self.refresh_status(changed)

    def undo(self) -> str | None:
        """Undo the last save, edit or deletion made in this window."""
        if not self._undo:
            return
        last = self._undo[-1]
        kind = last.kind
        try:
            with self._database.begin(wait_ms=WINDOW_WAIT_MS) as session:
                by = self._settings.as_operator()
                if last.action == "unchanged":  # a save that only added or removed photos
                    made = last
                else:
                    made = repository.undo_change(session, last, by=by, today=self._today())
                for uuid in last.photos_added:  # the save's photos go with it, and come back
                    photos.remove_photo(session, uuid, by=by)
                for uuid in last.photos_removed:
                    photos.restore_photo(session, uuid, by=by)
        except (sqlalchemy.exc.OperationalError, OSError) as exc:
            message = write_failure(exc)
            if message is None:
                raise
            QMessageBox.warning(self, self.tr("Cannot undo"), message)  # kept on the stack: try again later
            return None
        except (repository.StaleRecord, repository.RecordNotFound, ValidationFailed) as exc:
            QMessageBox.warning(self, self.tr("Cannot undo"), str(exc))
            self._undo.pop()
            self.undo_action.setEnabled(bool(self._undo))
            return
        self._undo.pop()
        self.undo_action.setEnabled(bool(self._undo))
        message = self.tr("Undone: the last change to a {kind} was taken back.").format(kind=kind_name(kind))
        self.statusBar().showMessage(message, 8000)
        self.pages[kind].form.show_status(message)
        self.changed.emit(Changed.of(made))
        return made.action

    # ------------------------------------------------------------------ exports
    def export_weekly(self) -> None:
        """Ask for the week and place, then a file, and write the weekly report in the background."""
        from qdgui.excel import weekly  # imported on first use: keeps XlsxWriter out of start-up

        choice = WeeklyExportDialog.ask(self._database, self._settings, self._today(), self)
        if choice is None:
            return
        week, scope, typed = choice
        area_unit = weekly.known_area_unit(str(typed.pop("area_unit", None) or self._settings.report_area_unit))
        with_photos = bool(typed.pop("photos", False))
        signers = weekly.Signers(**typed)  # type: ignore[arg-type]
        kept = replace(
            self._settings,
            report_area_unit=area_unit,
            report_form_no=signers.form_no,
            report_authority=signers.authority,
            unit_head=signers.unit_head,
            stats_head=signers.stats_head,
            filled_by=signers.filled_by if signers.filled_by != self._settings.operator else "",
            phone=signers.phone,
        )
        if kept != self._settings:  # next week's return starts from the same heading and signers
            try:
                config.save(kept, self._settings_path)
            except OSError:
                pass  # a read-only home: this report still carries them
            self._settings = kept
        with self._database.sessions() as session:
            place = weekly.scope_name(session, scope)
        path = SaveFile.ask(self, self.tr("Save the weekly report"), weekly.default_file_name(place, week))
        if path is None:
            return
        made_on = self._today()

        def job(progress):
            with self._database.sessions() as session:  # opened in the worker's thread
                weekly.export_weekly(
                    session,
                    path,
                    week=week,
                    scope=scope,
                    made_on=made_on,
                    signers=signers,
                    progress=progress,
                    area_unit=area_unit,
                    photos=with_photos,
                )
            return path

        self._run_export(self.tr("Writing the weekly report..."), job, self.tr("Weekly report saved: {path}"))

    def export_ledger(self) -> None:
        """Ask for a file and write every record to it in the background."""
        from qdgui.excel import ledger

        name = self.tr("Ledger {day}.xlsx").format(day=self._today().isoformat())
        path = SaveFile.ask(self, self.tr("Save the ledger"), name)
        if path is None:
            return

        def job(progress):
            with self._database.sessions() as session:  # opened in the worker's thread
                ledger.write_ledger(session, path, progress=progress)
            return path

        self._run_export(self.tr("Writing the ledger..."), job, self.tr("Ledger saved: {path}"))

    def export_return(self) -> None:
        """Ask for a file and write this database's return package (the full ledger and every photo,
        one .zip for the supervisor) in the background."""
        from qdgui.excel import returns

        name = self.tr("Return {day}.zip").format(day=self._today().isoformat())
        path = SaveFile.ask(
            self, self.tr("Save the return package"), name, kind=self.tr("Return package (*.zip)"), suffix=".zip"
        )
        if path is None:
            return

        def job(progress):
            with self._database.sessions() as session:  # opened in the worker's thread
                returns.write_return(session, path, progress=progress)
            return path

        self._run_export(self.tr("Writing the return package..."), job, self.tr("Return package saved: {path}"))

    def import_workbook(self, path: Path | None = None):
        """Choose a workbook and open the import wizard on it (reading happens in the background)."""
        from qdgui.views.import_wizard import ImportDialog, OpenFile

        path = path or OpenFile.ask(self)
        if path is None:
            return None
        return ImportDialog.run(
            self._database,
            self._settings,
            path,
            by=self._settings.as_operator(),
            today=self._today(),
            parent=self,
            on_imported=self._imported,
        )

    @Slot(object)
    def _imported(self, report) -> None:
        if report.changed_kinds:
            self.changed.emit(Changed.bulk(report.changed_kinds))
            shown = [k for k in ("signing", "demolition", "park", "annual_target") if k in report.changed_kinds]
            if shown:  # behind the dialog, the table of what came in is the one in front
                self.show_kind(shown[0])
        if report.batch_id is not None:
            self.statusBar().showMessage(
                self.tr("Import batch {id} written from {file}").format(id=report.batch_id, file=report.path.name),
                15000,
            )

    def show_review(self) -> None:
        from qdgui.views.import_review import ReviewDialog

        ReviewDialog.run(
            self._database,
            by=self._settings.as_operator(),
            today=self._today(),
            parent=self,
            on_resolved=self._batch_undone_kind,
        )

    @Slot(str)
    def _batch_undone_kind(self, kind: str) -> None:
        self._batch_undone([kind])

    def show_backups(self) -> None:
        from qdgui.views.backups_dialog import BackupsDialog

        BackupsDialog.run(self._database, parent=self, on_restored=self._restored)

    @Slot(str)
    def _restored(self, message: str) -> None:
        from qdgui.models.kinds import KINDS

        self.changed.emit(Changed.bulk(KINDS))  # every table, count and chart reads the restored file
        self.statusBar().showMessage(message, 15000)

    def show_batches(self) -> None:
        from qdgui.views.import_review import BatchesDialog

        BatchesDialog.run(self._database, by=self._settings.as_operator(), parent=self, on_undone=self._batch_undone)

    @Slot(object)
    def _batch_undone(self, kinds_changed) -> None:
        self.changed.emit(Changed.bulk(kinds_changed))

    def _run_export(self, label: str, job, done_message: str) -> None:
        dialog = self._export_dialog()
        dialog.setLabelText(label)
        dialog.setRange(0, 0)
        task = BackgroundTask(job)
        self._task, self._done_message = task, done_message
        for action in (self.weekly_action, self.ledger_action, self.return_action):
            action.setEnabled(False)
        # Slots of this window (not lambdas), so that signals from the worker thread are queued
        # to the GUI thread.
        task.progressed.connect(self._export_progressed)
        task.succeeded.connect(self._export_succeeded)
        task.failed.connect(self._export_failed)
        task.cancelled.connect(self._export_cancelled)
        task.finished.connect(self._task_finished)  # the thread has returned: safe to let go
        dialog.canceled.connect(task.requestInterruption)
        task.start()
        dialog.show()

    def _export_dialog(self) -> QProgressDialog:
        if self._progress_dialog is None:
            dialog = QProgressDialog(self)
            dialog.setCancelButtonText(self.tr("Cancel"))
            dialog.setWindowTitle(self.tr("Export"))
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.setMinimumWidth(360)
            self._progress_dialog = dialog
        else:
            self._progress_dialog.canceled.disconnect()
        return self._progress_dialog

    @Slot(int, int)
    def _export_progressed(self, done: int, total: int) -> None:
        if self._progress_dialog is not None:
            self._progress_dialog.setMaximum(max(total, 1))
            self._progress_dialog.setValue(min(done, max(total, 1)))

    def _export_ended(self) -> None:
        if self._progress_dialog is not None:
            self._progress_dialog.hide()
        for action in (self.weekly_action, self.ledger_action, self.return_action):
            action.setEnabled(True)

    @Slot(object)
    def _export_succeeded(self, path) -> None:
        self._export_ended()
        self.statusBar().showMessage(self._done_message.format(path=path), 15000)
        self.exported.emit(str(path))

    @Slot(str)
    def _export_failed(self, message: str) -> None:
        self._export_ended()
        QMessageBox.warning(self, self.tr("Export failed"), message)
        self.export_failed.emit(message)

    @Slot()
    def _export_cancelled(self) -> None:
        self._export_ended()
        message = self.tr("Export cancelled; no file was written.")
        self.statusBar().showMessage(message, 8000)
        self.export_failed.emit(message)

    @Slot()
    def _task_finished(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.wait()  # `finished` comes just before the thread ends; let it end, then let go

    def connect_server(self) -> Database | None:
        """Ask for a server and, once it opened, hand it to the launcher (a window of its own)."""
        from qdgui.views.server_dialog import ServerDialog, remembered_server

        dialog = ServerDialog(self._settings, self)
        if dialog.exec() != ServerDialog.DialogCode.Accepted or dialog.database is None:
            return None
        self._settings = remembered_server(self._settings, dialog, self._settings_path)
        self.switch_to.emit(dialog.database)
        return dialog.database

    def edit_settings(self) -> None:
        changed = SettingsDialog.ask(self._database, self._settings, self)
        if changed is None:
            return
        config.save(changed, self._settings_path)
        if changed.language != self._settings.language:
            restart_notice(self)
        self._settings = changed
        for page in self.pages.values():
            page.set_settings(changed)
        self.refresh_status()

    def edit_streets(self) -> None:
        from qdgui.views.divisions_dialog import DivisionsDialog

        DivisionsDialog.run(
            self._database, self._settings.district_code or None, self, on_changed=self._divisions_changed
        )

    def _divisions_changed(self) -> None:
        for page in self.pages.values():
            page.reload()  # names in the tables, and the streets in every list

    _COUNTED = {"insert": 1, "restore": 1, "delete": -1}

    def refresh_status(self, changed: Changed | None = None) -> None:
        """The status line. The record count follows each save by what it did (a million records
        are not counted again after every Enter); an import, a merge or a batch undone recounts the
        kinds it moved."""
        if changed is not None and changed.records and self._counts is not None:
            for change in changed.records:
                if change.kind in self._counts:
                    self._counts[change.kind] += self._COUNTED.get(change.action, 0)
        else:
            with self._database.sessions() as session:
                recounted = repository.count_records(session, None if changed is None else changed.kinds)
            self._counts = {**(self._counts or {}), **recounted}
        total = sum(self._counts.values())
        self._db_label.setText(self.tr("Database: {path}").format(path=self._database.where))
        self._count_label.setText(self.tr("{n} records").format(n=f"{total:,}"))
        self._operator_label.setText(self.tr("Operator: {name}").format(name=self._settings.as_operator().name))
        if self._database.path is None:  # a server: its backups are its administrator's
            self._backup_label.setText(self.tr("On the district server"))
            return
        last = latest_backup(self._database.path)
        when = datetime.fromtimestamp(last.stat().st_mtime).strftime("%Y-%m-%d %H:%M") if last else None
        self._backup_label.setText(
            self.tr("Last backup: {when}").format(when=when) if when else self.tr("Last backup: none yet")
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._task is not None:  # an export is being written: stop it cleanly first
            self._task.requestInterruption()
            self._task.wait()
        for page in self.pages.values():
            page.form.flush_draft()
        if self._live is not None:
            self._live.stop()
        geometry.save(self, self._state_file)
        super().closeEvent(event)
