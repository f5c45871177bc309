"""File dialogs that never open the files they list, and remember the last folder per purpose.

Qt's own file dialog asks the MIME database for each file's icon and type, and the MIME database
opens files without a known suffix (qdgui.sqlite-wal, -shm) to sniff their content. On Linux,
closing such a second descriptor drops every POSIX lock this process holds on that file, which
SQLite relies on: another program that then opens and closes the database deletes the live WAL
(SQLite's "how to corrupt a database", 2.2.1). So our dialogs use an icon provider that looks at
names and stat() only, and Qt's widget dialog rather than a platform one we cannot steer.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileInfo, QSettings, QStandardPaths
from PySide6.QtGui import QAbstractFileIconProvider
from PySide6.QtWidgets import QApplication, QFileDialog, QStyle, QWidget

from qdgui.paths import window_state_file


class NameOnlyIconProvider(QAbstractFileIconProvider):
    """Icons and type names from the file's name and kind, never from its content."""

    def icon(self, what):  # noqa: D102 - Qt override, two overloads
        if isinstance(what, QFileInfo):
            style = QApplication.style()
            if what.isDir():
                return style.standardIcon(QStyle.StandardPixmap.SP_DirIcon)
            return style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:  # noqa: A003 - Qt's name
        if info.isDir():
            return QCoreApplication.translate("FileDialogs", "Folder")
        suffix = info.suffix().upper()
        return (
            QCoreApplication.translate("FileDialogs", "{suffix} file").format(suffix=suffix)
            if suffix
            else QCoreApplication.translate("FileDialogs", "File")
        )


def _settings() -> QSettings:
    return QSettings(str(window_state_file()), QSettings.Format.IniFormat)


def last_folder(purpose: str) -> str:
    folder = str(_settings().value(f"folders/{purpose}", "") or "")
    if folder and Path(folder).is_dir():
        return str(folder)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def remember_folder(purpose: str, path: Path) -> None:
    _settings().setValue(f"folders/{purpose}", str(Path(path).parent))


def make_dialog(parent: QWidget | None, title: str, folder: str, name_filter: str) -> QFileDialog:
    dialog = QFileDialog(parent, title, folder, name_filter)
    if sys.platform != "win32":  # Windows locks are not POSIX locks; its native dialog is safe
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setIconProvider(NameOnlyIconProvider())
    return dialog


def open_file(parent: QWidget | None, title: str, name_filter: str, *, purpose: str) -> Path | None:
    dialog = make_dialog(parent, title, last_folder(purpose), name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    path = Path(dialog.selectedFiles()[0])
    remember_folder(purpose, path)
    return path


def open_files(parent: QWidget | None, title: str, name_filter: str, *, purpose: str) -> list[Path]:
    """Several existing files (photos); an empty list when the dialog is cancelled."""
    dialog = make_dialog(parent, title, last_folder(purpose), name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    if dialog.exec() != QFileDialog.DialogCode.Accepted:
        return []
    paths = [Path(p) for p in dialog.selectedFiles()]
    if paths:
        remember_folder(purpose, paths[0])
    return paths


def save_file(
    parent: QWidget | None, title: str, suggested_name: str, name_filter: str, *, purpose: str, suffix: str
) -> Path | None:
    dialog = make_dialog(parent, title, last_folder(purpose), name_filter)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(suffix.lstrip("."))
    dialog.selectFile(suggested_name)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    path = Path(dialog.selectedFiles()[0])
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    remember_folder(purpose, path)
    return path
