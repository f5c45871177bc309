"""A record's photos in its form: thumbnails, add by file, drop or paste, remove with undo, a viewer.

The strip is part of what the form holds: photos added or removed here are written with the record,
in the same transaction, when the form is saved (Enter), and dropped with the rest when it is left
(Esc). Files are read and checked (models/photos.py) when they are added, so a bad file is refused
at once, in words, and never reaches the save.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from qdgui.i18n import QT_TRANSLATE_NOOP
from qdgui.models import photos
from qdgui.models.records import Operator

_ROLE_WORDS = {
    "before": QT_TRANSLATE_NOOP("PhotoStrip", "Before"),
    "after": QT_TRANSLATE_NOOP("PhotoStrip", "After"),
    "completion": QT_TRANSLATE_NOOP("PhotoStrip", "Completed"),
}


def role_label(role: str) -> str:
    return QApplication.translate("PhotoStrip", _ROLE_WORDS[role])


@dataclass
class _Item:
    """One photo in the strip: stored (uuid) or added here and not yet saved (facts)."""

    role: str
    thumbnail: bytes
    file_name: str | None
    uuid: str | None = None  # stored
    facts: photos.PhotoFacts | None = None  # added in this form, written on save
    row: photos.PhotoRow | None = None
    sha256: str = field(default="")


class PhotoStrip(QWidget):
    changed = Signal()
    """Photos were added or removed in the form (not yet saved)."""

    said = Signal(str, str)
    """What the strip tells the clerk (text, tone: "info" or "error"), for the form's status line."""

    THUMB = 40  # a 1366x768 screen: the strip and its buttons take about 90 px of the form (the viewer is large)

    def __init__(self, kind: str, database, parent=None):
        super().__init__(parent)
        self.kind = kind
        self.roles = photos.ROLES[kind]
        self._database = database
        self._items: list[_Item] = []
        self._removed: list[tuple[int, _Item]] = []  # for undo, last removed last
        self.message = ""  # the last thing said (also on the form's status line)
        self._stored_at_load: set[str] = set()
        self.setAcceptDrops(True)
        self.list = _PhotoList(self)
        self.list.setObjectName("photo_list")
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setIconSize(QSize(self.THUMB, self.THUMB))
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setGridSize(QSize(self.THUMB + 22, self.THUMB + 18))
        self.list.setUniformItemSizes(True)
        self.list.setFixedHeight(self.THUMB + 22)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setAcceptDrops(False)  # drops go to the strip itself
        self.list.setToolTip(self.tr("Drop photos here or paste them (Ctrl+V); Enter or a double click shows one"))
        self.adds: dict[str, QPushButton] = {}
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for role in self.roles:
            button = QPushButton(self.tr("+ {role}...").format(role=role_label(role)))
            button.setToolTip(
                self.tr("Add {role} photos (or drop them on the strip, or paste them with Ctrl+V)").format(
                    role=role_label(role)
                )
            )
            button.setObjectName(f"add_{role}_photos")
            button.clicked.connect(lambda _=False, role=role: self.choose_files(role))
            buttons.addWidget(button)
            self.adds[role] = button
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("remove_photos")
        self.undo_button = QPushButton(self.tr("Undo removal"))
        for button in (*self.adds.values(), self.remove_button, self.undo_button):
            button.setStyleSheet("padding: 2px 6px;")
        self.undo_button.setObjectName("undo_photo_removal")
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.remove_button.clicked.connect(self.remove_selected)
        self.undo_button.clicked.connect(self.undo_removal)
        self.list.itemActivated.connect(lambda item: self.show_viewer(self.list.row(item)))
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self._update_buttons()

    # ------------------------------------------------------------------ state
    @property
    def pending(self) -> bool:
        """Whether the strip differs from what is stored (something to write on save)."""
        stored = {i.uuid for i in self._items if i.uuid}
        return any(i.facts is not None for i in self._items) or stored != self._stored_at_load

    def clear(self) -> None:
        self._items, self._removed, self._stored_at_load = [], [], set()
        self._show_message("")
        self._refresh()

    def load(self, record_uuid: str) -> None:
        """The stored photos of a record being edited."""
        with self._database.sessions() as session:
            rows = photos.photos_of(session, record_uuid)
            thumbs = {r.sha256: photos.thumbnail(session, r.sha256) or b"" for r in rows}
        self._items = [_Item(r.role, thumbs[r.sha256], r.file_name, uuid=r.uuid, row=r, sha256=r.sha256) for r in rows]
        self._stored_at_load = {r.uuid for r in rows}
        self._removed = []
        self._show_message("")
        self._refresh()

    def write(self, session, record_uuid: str, *, by: Operator) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """In the form's save transaction: add the new photos, remove the removed ones; returns the
        UUIDs (added, removed), for the save's undo."""
        kept = {i.uuid for i in self._items if i.uuid}
        removed = tuple(sorted(self._stored_at_load - kept))
        for uuid in removed:
            photos.remove_photo(session, uuid, by=by)
        added = []
        for item in self._items:
            if item.facts is not None:
                uuid, new = photos.add_photo(
                    session, self.kind, record_uuid, item.role, item.facts, file_name=item.file_name, by=by
                )
                if new:
                    added.append(uuid)
        return tuple(added), removed

    # ------------------------------------------------------------------ adding
    def choose_files(self, role: str) -> None:
        from qdgui.views.file_dialogs import open_files

        paths = open_files(
            self,
            self.tr("Add {role} photos").format(role=role_label(role)),
            self.tr("Photos (*.jpg *.jpeg *.png *.heic *.heif *.JPG *.JPEG *.PNG *.HEIC *.HEIF)"),
            purpose="photos",
        )
        self.add_files(paths, role)

    def add_files(self, paths: list[Path], role: str | None = None) -> int:
        """Read and check the files, add those that pass; the refused ones are named below the strip.
        Returns the number added."""
        role = role or self.default_role()
        problems: list[str] = []
        files = []
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            for path in paths:
                try:
                    files.append((path.read_bytes(), path.name))
                except OSError as exc:
                    problems.append(
                        QApplication.translate("Photos", "{file} cannot be opened: {reason}").format(
                            file=path.name, reason=exc.strerror or type(exc).__name__
                        )
                    )
            read = photos.read_photos(files)  # 20 phone photos: about half a second on two cores
        finally:
            QApplication.restoreOverrideCursor()
        added = sum(self._add_read(facts, name, role, problems) for facts, (_, name) in zip(read, files))
        if added:  # the strip redrawn once for all of them
            self._refresh()
            self.changed.emit()
        self._report(added, role, problems)
        return added

    def _add_bytes(self, data: bytes, name: str, role: str, problems: list[str]) -> int:
        try:
            facts = photos.read_photo(data, name)
        except photos.PhotoError as exc:
            problems.append(str(exc))
            return 0
        added = self._add_read(facts, name, role, problems)
        if added:
            self._refresh()
            self.changed.emit()
        return added

    def _add_read(self, facts, name: str, role: str, problems: list[str]) -> int:
        if isinstance(facts, photos.PhotoError):
            problems.append(str(facts))
            return 0
        if any(i.role == role and (i.sha256 == facts.sha256) for i in self._items):
            problems.append(
                self.tr("{file} is already among the {role} photos.").format(file=name, role=role_label(role))
            )
            return 0
        self._items.append(_Item(role, facts.thumbnail, name, facts=facts, sha256=facts.sha256))
        return 1

    def paste(self) -> None:
        """Ctrl+V: files copied in the file manager, or a picture copied from another program."""
        mime = QApplication.clipboard().mimeData()
        if mime.hasUrls() and any(u.isLocalFile() for u in mime.urls()):
            self.add_files([Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()])
        elif mime.hasImage():
            image = QImage(mime.imageData())
            buffer = QBuffer()
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            image.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide takes text here, its stubs say bytes
            problems: list[str] = []
            role = self.default_role()
            added = self._add_bytes(bytes(buffer.data().data()), self.tr("pasted picture.png"), role, problems)
            self._report(added, role, problems)

    def default_role(self) -> str:
        """Where a dropped or pasted photo goes: after demolition once the form says the case is done."""
        form = self.parent()
        while form is not None and not hasattr(form, "widgets"):
            form = form.parent()
        if self.kind == "demolition" and form is not None and "status" in form.widgets:
            if form.widgets["status"].code() in ("demolished", "rectified"):
                return "after"
        return self.roles[0]

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        self.add_files([Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()])
        event.acceptProposedAction()

    # ------------------------------------------------------------------ removing
    def remove_selected(self) -> None:
        rows = sorted((self.list.row(i) for i in self.list.selectedItems()), reverse=True)
        for row in rows:
            self._removed.append((row, self._items.pop(row)))
        if rows:
            self._refresh()
            self.changed.emit()
            self._show_message(
                self.tr(
                    "{n} photos removed; they stay until the record is saved (Undo removal puts them back)."
                ).format(n=len(rows))
            )

    def undo_removal(self) -> None:
        if not self._removed:
            return
        row, item = self._removed.pop()
        self._items.insert(min(row, len(self._items)), item)
        self._refresh()
        self.changed.emit()
        self._show_message(self.tr("Put back: {file}").format(file=item.file_name or ""))

    def _menu(self, point) -> None:
        item = self.list.itemAt(point)
        if item is None:
            return
        row = self.list.row(item)
        menu = QMenu(self)
        menu.addAction(self.tr("Show"), lambda: self.show_viewer(row))
        current = self._items[row]
        if current.facts is not None:  # not yet saved: its role may still change
            for role in self.roles:
                if role != current.role:
                    menu.addAction(
                        self.tr("Make it a {role} photo").format(role=role_label(role)),
                        functools.partial(self._set_role, row, role),
                    )
        menu.addAction(self.tr("Remove"), self.remove_selected)
        menu.exec(self.list.viewport().mapToGlobal(point))

    def _set_role(self, row: int, role: str) -> None:
        self._items[row].role = role
        self._refresh()
        self.changed.emit()

    # ------------------------------------------------------------------ showing
    def _refresh(self) -> None:
        self.list.clear()
        for item in self._items:
            pixmap = QPixmap()
            pixmap.loadFromData(QByteArray(item.thumbnail))
            entry = QListWidgetItem(QIcon(pixmap), role_label(item.role) + ("*" if item.facts is not None else ""))
            taken = item.row.taken_at if item.row else (item.facts.taken_at if item.facts else None)
            tip = [item.file_name or "", role_label(item.role)]
            if taken:
                tip.append(taken.strftime("%Y-%m-%d %H:%M"))
            if item.facts is not None:
                tip.append(self.tr("not saved yet"))
            entry.setToolTip(" · ".join(t for t in tip if t))
            self.list.addItem(entry)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self._items))
        self.undo_button.setEnabled(bool(self._removed))

    def _report(self, added: int, role: str, problems: list[str]) -> None:
        lines = []
        if added:
            lines.append(
                self.tr("{n} {role} photos added; they are saved with the record (Enter).").format(
                    n=added, role=role_label(role)
                )
            )
        lines += problems
        self._show_message("\n".join(lines), error=bool(problems))

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self.message = text
        if text:
            self.said.emit(text, "error" if error else "info")

    def show_viewer(self, row: int) -> None:
        PhotoViewer(self, self._items, row, self._database).exec()

    def items(self) -> list[tuple[str, str | None, bool]]:
        """(role, file name, saved?) of each photo shown, in order (tests, the status line)."""
        return [(i.role, i.file_name, i.facts is None) for i in self._items]


class _PhotoList(QListWidget):
    """The thumbnails: Delete removes the selected photos, Ctrl+V pastes, Enter shows one."""

    def __init__(self, strip: PhotoStrip):
        super().__init__(strip)
        self._strip = strip

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._strip.remove_selected()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self._strip.paste()
        else:
            super().keyPressEvent(event)


class PhotoViewer(QDialog):
    """One photo at a time, next/previous (arrow keys, PgUp/PgDn), zoom (+/-, 0: fit), Esc closes."""

    def __init__(self, parent, items: list[_Item], row: int, database):
        super().__init__(parent)
        self.setObjectName("photo_viewer")
        self._items, self._row, self._database = items, row, database
        self._zoom: float | None = None  # None: fit the window
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.area = QScrollArea()
        self.area.setWidget(self.image)
        self.area.setWidgetResizable(False)
        self.area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel()
        self.caption.setObjectName("photo_caption")
        previous, following = QPushButton(self.tr("< Previous")), QPushButton(self.tr("Next >"))
        previous.clicked.connect(lambda: self.go(-1))
        following.clicked.connect(lambda: self.go(1))
        bar = QHBoxLayout()
        bar.addWidget(previous)
        bar.addWidget(self.caption, 1)
        bar.addWidget(following)
        layout = QVBoxLayout(self)
        layout.addWidget(self.area, 1)
        layout.addLayout(bar)
        previous.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the arrow keys step through the photos
        following.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.resize(1000, 680)
        self._pixmap = QPixmap()
        self.go(0)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.go(-1)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space):
            self.go(1)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.25)
        elif key == Qt.Key.Key_Minus:
            self.zoom(0.8)
        elif key == Qt.Key.Key_0:
            self.fit()
        else:
            super().keyPressEvent(event)  # Esc closes

    def wheelEvent(self, event) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:  # Ctrl+wheel zooms, as in image viewers
            self.zoom(1.25 if event.angleDelta().y() > 0 else 0.8)
        else:
            super().wheelEvent(event)

    def _bytes(self, item: _Item) -> bytes:
        if item.facts is not None:
            return item.facts.display or item.facts.original
        with self._database.sessions() as session:
            return photos.shown_bytes(session, item.sha256) or b""

    def go(self, step: int) -> None:
        self._row = (self._row + step) % len(self._items)
        item = self._items[self._row]
        image = QImage.fromData(QByteArray(self._bytes(item)))
        # the EXIF orientation: Qt applies it when reading (QImageReader's autoTransform) only from a
        # reader; fromData does not, so turn it as the thumbnail was
        reader_image = _upright(self._bytes(item))
        self._pixmap = QPixmap.fromImage(reader_image if not reader_image.isNull() else image)
        self._zoom = None
        self._show()
        taken = item.row.taken_at if item.row else (item.facts.taken_at if item.facts else None)
        place = (
            (item.row.latitude, item.row.longitude)
            if item.row and item.row.latitude is not None
            else (
                (item.facts.latitude, item.facts.longitude) if item.facts and item.facts.latitude is not None else None
            )
        )
        parts = [f"{self._row + 1} / {len(self._items)}", role_label(item.role), item.file_name or ""]
        parts.append(taken.strftime("%Y-%m-%d %H:%M") if taken else self.tr("date taken not known"))
        if place:
            parts.append(f"{place[0]:.5f}, {place[1]:.5f}")
        self.caption.setText("  ·  ".join(p for p in parts if p))
        self.setWindowTitle(self.tr("Photo {n} of {total}").format(n=self._row + 1, total=len(self._items)))

    def zoom(self, factor: float) -> None:
        current = self._zoom or self._fit_scale()
        self._zoom = max(0.05, min(8.0, current * factor))
        self._show()

    def fit(self) -> None:
        self._zoom = None
        self._show()

    def _fit_scale(self) -> float:
        if self._pixmap.isNull():
            return 1.0
        area = self.area.viewport().size()
        return min(area.width() / self._pixmap.width(), area.height() / self._pixmap.height(), 1.0)

    def _show(self) -> None:
        if self._pixmap.isNull():
            self.image.setText(self.tr("This photo cannot be shown."))
            self.image.adjustSize()
            return
        scale = self._zoom or self._fit_scale()
        shown = self._pixmap.scaled(
            self._pixmap.size() * scale, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        self.image.setPixmap(shown)
        self.image.resize(shown.size())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._zoom is None:  # fitted once the layout has given the scroll area its new size
            QTimer.singleShot(0, self._show)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        QTimer.singleShot(0, self._show)


def _upright(data: bytes) -> QImage:
    from PySide6.QtGui import QImageReader

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    return reader.read()
