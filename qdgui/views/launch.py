"""Start the Qt application: translators, fonts, the main window, the event loop."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import cast

from PySide6.QtCore import (
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from qdgui import i18n
from qdgui.config import DeviceSettings
from qdgui.i18n import QT_TRANSLATE_NOOP
from qdgui.models.database import Database
from qdgui.paths import resources_dir


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load Qt's own catalogue (standard dialogs and buttons) and qdgui's, ours last: Qt asks the last
    installed first, so ours also answers the few Qt words Qt's catalogue lacks or gets wrong."""
    translators: list[QTranslator] = []
    if language == "en":
        return translators
    qt_own = QTranslator(app)
    if qt_own.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        translators.append(qt_own)
    ours = QTranslator(app)
    if ours.load(str(resources_dir() / "translations" / f"qdgui_{language}.qm")):
        app.installTranslator(ours)
        translators.append(ours)
    return translators


# Words of Qt's own widgets that Qt's shipped Chinese catalogue lacks (its sources changed in Qt 6,
# e.g. "&Look in:") or gets wrong (a file's "Size" as 体积, volume). Marked here in Qt's own contexts
# so that lupdate keeps them in our catalogue, which Qt asks before its own.
_QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Size"),
)


def make_application(language: str) -> QApplication:
    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
    app.setApplicationName("qdgui")
    app.setOrganizationName("qdgui")
    app.setDesktopFileName("qdgui")  # Linux: matches qdgui.desktop, so the launcher's icon is used
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "qdgui.png")))
    # Qt's own widgets (the calendar's months and weekdays, number and date formats) follow the
    # default locale, which is "C" (English) on machines without a Chinese system locale.
    QLocale.setDefault(
        QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
        if language == "en"
        else QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    )
    install_translators(app, language)
    return app


def run_window(
    database: Database,
    settings: DeviceSettings,
    *,
    backup: Path | None,
    offer_server: bool = False,
    workbook: Path | None = None,
) -> int:
    """The window on the database; offer_server: qdgui started on its default file, so a server
    remembered with "connect at start" is asked for first (this laptop's file is the way out);
    workbook: a file given to open (a double click on it), offered for import once the window is up."""
    from qdgui import config
    from qdgui.drafts import DraftStore
    from qdgui.paths import user_data_dir
    from qdgui.views.dialogs import SettingsDialog
    from qdgui.views.main_window import MainWindow

    app = make_application(i18n.language())
    _report_unexpected_errors()
    if not settings.configured:  # first start: ask once, then these are every form's defaults
        chosen = SettingsDialog.ask(database, settings)
        if chosen is None:
            return 0
        config.save(chosen)
        settings = chosen
    opened: list[Database] = []
    local_path = database.path
    if offer_server and settings.server_at_start and settings.server_address:
        from qdgui.views.server_dialog import ServerDialog, remembered_server

        dialog = ServerDialog(settings, at_start=True)
        if dialog.exec() == ServerDialog.DialogCode.Accepted and dialog.database is not None:
            settings = remembered_server(settings, dialog)
            database, backup = dialog.database, None
            opened.append(database)
    # What was typed but not saved lives beside the user's data, per database.
    window = MainWindow(
        database, settings, backup=backup, drafts=DraftStore(user_data_dir() / "drafts", database.identity)
    )
    if local_path is not None:  # a second start on the same file raises this window
        _listen_for_second_start(window, local_path)
    from qdgui.views.probe import install_if_asked

    install_if_asked(window)
    probe = os.environ.get("QDGUI_STARTUP_PROBE")
    if probe:
        window.installEventFilter(_FirstPaint(Path(probe), window))
    window.show()
    _close_on_terminate(window)
    if workbook is not None:
        _OfferImport(window, workbook)

    def switch(server: Database) -> None:
        # A window of its own on the server; the file's window closes (its drafts are written) and
        # the file stays locked until qdgui ends, as it was.
        new = MainWindow(
            server, window._settings, backup=None, drafts=DraftStore(user_data_dir() / "drafts", server.identity)
        )
        opened.append(server)
        new.switch_to.connect(switch)
        new.show()
        for old in QApplication.topLevelWidgets():
            if isinstance(old, MainWindow) and old is not new:
                old.close()

    window.switch_to.connect(switch)
    try:
        return app.exec()
    finally:
        for server in opened:
            server.close()


def _close_on_terminate(window) -> None:
    """Logging out or shutting down sends SIGTERM: close the window as if the user had (drafts are
    written, the window's place is kept) instead of dying mid-way."""
    import signal

    if not hasattr(signal, "SIGTERM") or os.name == "nt":
        return
    signal.signal(signal.SIGTERM, lambda *_: QTimer.singleShot(0, window.close))
    # Python runs signal handlers only between bytecodes: a light timer lets it while Qt waits.
    window._signal_tick = QTimer(window, interval=250)
    window._signal_tick.timeout.connect(lambda: None)
    window._signal_tick.start()


class _FirstPaint(QObject):
    """For bench/bench_start.py: write the wall-clock time of the window's first paint, then quit."""

    def __init__(self, path: Path, parent):
        super().__init__(parent)
        self._path = path

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._path.write_text(f"{time.time():.6f}\n")
            QTimer.singleShot(0, cast(QApplication, QApplication.instance()).quit)
        return False


class _OfferImport(QObject):
    """Open the import dialog on a workbook once the window is active (a window manager activates a
    new window after it is shown; a dialog opened before would end up behind it, without focus), or
    after ACTIVE_WAIT_MS if it never is (no window manager)."""

    ACTIVE_WAIT_MS = 1500

    def __init__(self, window, workbook: Path):
        super().__init__(window)
        self._window, self._workbook, self._done = window, workbook, False
        if window.isActiveWindow():
            QTimer.singleShot(0, self._open)
        else:
            window.installEventFilter(self)
            QTimer.singleShot(self.ACTIVE_WAIT_MS, self._open)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.WindowActivate:
            QTimer.singleShot(0, self._open)
        return False

    def _open(self) -> None:
        if self._done:
            return
        self._done = True
        self._window.removeEventFilter(self)
        dialog = self._window.import_workbook(self._workbook)
        if dialog is not None:
            dialog.raise_()
            dialog.activateWindow()


def _instance_name(path: Path) -> str:
    """A local-socket name per database file, so that a second start on it can reach the first."""
    import hashlib

    try:
        identity = f"{path.resolve().stat().st_dev}:{path.resolve().stat().st_ino}"
    except OSError:
        identity = str(path.resolve())
    user = os.environ.get("USER") or os.environ.get("USERNAME") or ""
    return "qdgui-" + hashlib.sha1(f"{user}|{identity}".encode()).hexdigest()[:20]


def _listen_for_second_start(window, path: Path) -> None:
    from PySide6.QtNetwork import QLocalServer

    name = _instance_name(path)
    QLocalServer.removeServer(name)  # a stale socket of a crashed run
    server = QLocalServer(window)

    def raise_window():
        connection = server.nextPendingConnection()
        message = b""
        if connection is not None:
            if connection.waitForReadyRead(500) or connection.bytesAvailable():
                message = bytes(connection.readAll().data())
            connection.disconnectFromServer()
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()
        if message.startswith(_IMPORT):  # a workbook opened while this window has the database
            _OfferImport(window, Path(message[len(_IMPORT) :].decode("utf-8", "replace")))

    server.newConnection.connect(raise_window)
    server.listen(name)
    window._instance_server = server  # kept alive with the window


_IMPORT = b"import\n"


def raise_running_instance(path: Path, *, workbook: Path | None = None) -> bool:
    """Ask the qdgui that has this file open to come to the front (and to offer the workbook for
    import, when one is given); True if it answered."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(_instance_name(path))
    if not socket.waitForConnected(500):
        return False
    socket.write(b"raise" if workbook is None else _IMPORT + str(workbook.resolve()).encode("utf-8"))
    socket.waitForBytesWritten(200)
    socket.disconnectFromServer()
    return True


def show_startup_error(message: str, advice: str, *, raise_instance_of: Path | None = None) -> None:
    """A start-up failure in a message box: launched from the menu, nobody reads stderr."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    make_application(i18n.language())
    if raise_instance_of is not None and raise_running_instance(raise_instance_of):
        advice = QCoreApplication.translate("Launch", "The window that has it open was brought to the front.")
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("Launch", "qdgui cannot start"),
        message,
        QMessageBox.StandardButton.Ok,
    )
    box.setInformativeText(advice)
    box.setObjectName("startup_error")
    box.exec()


def _report_unexpected_errors() -> None:
    """An exception escaping a slot would print a traceback nobody reads and leave the clerk unsure
    whether anything was saved: log it, and say so in a box that names the log file."""
    import logging

    from qdgui import logs

    def hook(kind, value, trace):
        logging.getLogger("qdgui.window").error("unexpected error", exc_info=(kind, value, trace))
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(
            None,
            QCoreApplication.translate("Launch", "Unexpected error"),
            QCoreApplication.translate(
                "Launch",
                "Something went wrong that qdgui did not expect. What was saved before "
                "stays saved; check the last entry in its table. The details are in the "
                "log file {path}",
            ).format(path=logs.log_file()),
        )

    sys.excepthook = hook


def ask_create_database(path: Path) -> bool:
    """--db names a file that does not exist: a new, empty database there only if the user says so."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    make_application(i18n.language())
    answer = QMessageBox.question(
        None,
        QCoreApplication.translate("Launch", "New database?"),
        QCoreApplication.translate(
            "Launch", "There is no database file {path}. Make a new, empty database there?"
        ).format(path=path),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
