"""The demolition form's photos: added by file, drop and paste, saved with the case by Enter, removed
with undo, shown in the viewer; a bad file is refused in words and the form stays usable."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from qdgui.models import photos, repository
from qdgui.models.tables import Demolition, Photo
from qdgui.views import photo_strip
from tests.support import photo_files
from tests.support.drafts import demolition_draft
from tests.ui.keyboard import type_text


def _files(tmp_path: Path) -> dict[str, Path]:
    made = {
        "前1.jpg": photo_files.phone_jpeg(colour=(150, 70, 30)),
        "前2.HEIC": photo_files.heic(),
        "后.jpg": photo_files.phone_jpeg(colour=(30, 150, 60), orientation=6),
        "断.jpg": photo_files.truncated_jpeg(),
    }
    for name, data in made.items():
        (tmp_path / name).write_bytes(data)
    return {name: tmp_path / name for name in made}


def _fill_case(qtbot, form, case_no: str) -> None:
    for name, text in (("case_no", case_no), ("address", "中韩街道东韩社区12号"), ("area_m2", "120㎡")):
        form.widgets[name].setFocus()
        type_text(form.widgets[name], text)
    form.widgets["structure"].set_code("color_steel")
    form.widgets["disposal"].set_code("demolish")
    form.widgets["status"].set_code("identified")


def _drop(widget, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    widget.dropEvent(event)  # as Qt calls it at the end of a drag from the file manager


def test_photos_added_by_file_drop_and_paste_are_saved_with_the_new_case_by_enter(
    qtbot, db, make_window, tmp_path, monkeypatch
):
    files = _files(tmp_path)
    chosen = [files["前1.jpg"], files["断.jpg"]]
    import qdgui.views.file_dialogs as dialogs

    monkeypatch.setattr(dialogs, "open_files", lambda *a, **k: chosen)
    window = make_window()
    form = window.pages["demolition"].form
    strip = form.photos
    _fill_case(qtbot, form, "WJ2026-PH-1")
    qtbot.mouseClick(strip.adds["before"], Qt.MouseButton.LeftButton)  # the file picker: one good, one broken
    assert strip.items() == [("before", "前1.jpg", False)]
    assert "断.jpg 已损坏或不完整" in form.status.text() and "已添加 1 张拆除前照片" in form.status.text()
    _drop(strip, [files["前2.HEIC"]])  # from the file manager
    picture = QImage(200, 150, QImage.Format.Format_RGB32)
    picture.fill(QColor(90, 90, 200))
    mime = QMimeData()
    mime.setImageData(picture)  # a picture copied from another program (a screenshot, a chat)
    QApplication.clipboard().setMimeData(mime)
    strip.list.setFocus()
    qtbot.keyClick(strip.list, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [name for _, name, _ in strip.items()] == ["前1.jpg", "前2.HEIC", "粘贴的图片.png"]
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Photo)) == 0  # nothing is written before Enter
    qtbot.keyClick(form.widgets["area_m2"], Qt.Key.Key_Return)
    assert "保存，可以录入下一条" in form.status.text(), form.status.text()
    assert strip.items() == []  # the form is ready for the next case
    with db.sessions() as s:
        case = s.scalar(select(Demolition.uuid).where(Demolition.case_no == "WJ2026-PH-1"))
        stored = photos.photos_of(s, case)
        heic_original = photos.original(s, stored[1].sha256)
    assert [(r.role, r.file_name, r.media_type) for r in stored] == [
        ("before", "前1.jpg", "image/jpeg"),
        ("before", "前2.HEIC", "image/heic"),
        ("before", "粘贴的图片.png", "image/png"),
    ]
    assert heic_original == files["前2.HEIC"].read_bytes()


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
def test_editing_a_case_removes_a_photo_only_when_saved_and_undo_puts_it_back(
    qtbot, db, make_window, clerk, today, tmp_path
):
    files = _files(tmp_path)
    with db.begin() as s:
        case = repository.add(s, demolition_draft(case_no="WJ2026-PH-2"), by=clerk, today=today)
        for name in ("前1.jpg", "后.jpg"):
            role = "after" if name == "后.jpg" else "before"
            facts = photos.read_photo(files[name].read_bytes(), name)
            photos.add_photo(s, "demolition", case, role, facts, file_name=name, by=clerk)
    window = make_window()
    form = window.pages["demolition"].form
    form.edit(case)
    strip = form.photos
    assert strip.items() == [("before", "前1.jpg", True), ("after", "后.jpg", True)]
    strip.list.setCurrentRow(0)
    strip.list.setFocus()
    qtbot.keyClick(strip.list, Qt.Key.Key_Delete)
    assert strip.items() == [("after", "后.jpg", True)] and form.is_dirty()
    qtbot.mouseClick(strip.undo_button, Qt.MouseButton.LeftButton)
    assert strip.items() == [("before", "前1.jpg", True), ("after", "后.jpg", True)]
    strip.list.setCurrentRow(1)
    qtbot.keyClick(strip.list, Qt.Key.Key_Delete)
    qtbot.keyClick(form.widgets["address"], Qt.Key.Key_Escape)  # left without saving: nothing removed
    with db.sessions() as s:
        assert len(photos.photos_of(s, case)) == 2
    form.edit(case)
    form.photos.list.setCurrentRow(1)
    qtbot.keyClick(form.photos.list, Qt.Key.Key_Delete)
    qtbot.keyClick(form.widgets["address"], Qt.Key.Key_Return)  # saved: the removal with it
    with db.sessions() as s:
        assert [r.file_name for r in photos.photos_of(s, case)] == ["前1.jpg"]
        assert s.scalar(select(func.count()).select_from(Photo).where(Photo.deleted.is_(True))) == 1


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
def test_the_viewer_shows_each_photo_upright_with_its_date_and_steps_with_the_arrow_keys(
    qtbot, db, make_window, clerk, today, tmp_path, monkeypatch
):
    files = _files(tmp_path)
    with db.begin() as s:
        case = repository.add(s, demolition_draft(case_no="WJ2026-PH-3"), by=clerk, today=today)
        for name in ("前1.jpg", "后.jpg"):
            facts = photos.read_photo(files[name].read_bytes(), name)
            photos.add_photo(s, "demolition", case, "before", facts, file_name=name, by=clerk)
    window = make_window()
    form = window.pages["demolition"].form
    form.edit(case)
    seen = []
    monkeypatch.setattr(photo_strip.PhotoViewer, "exec", lambda self: seen.append(self) or 0)
    form.photos.list.setCurrentRow(0)
    qtbot.keyClick(form.photos.list, Qt.Key.Key_Return)  # Enter on a photo shows it
    (viewer,) = seen
    viewer.show()
    qtbot.waitExposed(viewer)
    assert viewer.caption.text().startswith("1 / 2  ·  拆除前  ·  前1.jpg  ·  2026-11-20 09:41")
    assert "36.09860, 120.46510" in viewer.caption.text()
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    assert viewer.caption.text().startswith("2 / 2")
    shown = viewer.image.pixmap()
    assert shown.height() > shown.width()  # taken upright (EXIF orientation 6): shown upright
    width = shown.width()
    qtbot.keyClick(viewer, Qt.Key.Key_Plus)
    assert viewer.image.pixmap().width() > width
    viewer.close()


def test_the_park_form_takes_completion_photos(qtbot, db, make_window):
    window = make_window()
    strip = window.pages["park"].form.photos
    assert list(strip.adds) == ["completion"] and strip.adds["completion"].text() == "+完工…"
    assert window.pages["signing"].form.photos is None


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
def test_a_return_package_is_written_from_the_file_menu_and_merged_with_its_photos_in_the_wizard(
    qtbot, db, make_window, clerk, today, tmp_path, monkeypatch
):
    """The laptop writes its return package (文件 → 导出回传包); the supervisor's window merges it in
    the import wizard: the case and its photos arrive together, and the account says so."""
    from qdgui.models.migrate import open_database
    from qdgui.views.export import SaveFile

    files = _files(tmp_path)
    with db.begin() as s:
        case = repository.add(s, demolition_draft(case_no="WJ2026-PH-9"), by=clerk, today=today)
        for name in ("前1.jpg", "前2.HEIC"):
            facts = photos.read_photo(files[name].read_bytes(), name)
            photos.add_photo(s, "demolition", case, "before", facts, file_name=name, by=clerk)
    package = tmp_path / "中韩街道回传.zip"
    asked = []
    monkeypatch.setattr(
        SaveFile, "ask", classmethod(lambda cls, parent, title, name, **kw: asked.append((name, kw)) or package)
    )
    laptop = make_window()
    assert laptop.return_action.text() == "导出回传包（台账和照片）(&P)…"
    laptop.return_action.trigger()
    qtbot.waitUntil(lambda: package.exists() and laptop.return_action.isEnabled(), timeout=30000)
    assert asked[0][0].startswith("回传包-") and asked[0][1]["suffix"] == ".zip"
    supervisor_db, _ = open_database(tmp_path / "supervisor.sqlite")
    from qdgui.config import DeviceSettings
    from qdgui.drafts import DraftStore
    from qdgui.views.main_window import MainWindow

    supervisor = MainWindow(
        supervisor_db,
        DeviceSettings(device_id="supervisor", operator="赵", district_code="370212"),
        drafts=DraftStore(tmp_path / "drafts-s", supervisor_db.identity),
        today=lambda: today,
        settings_path=tmp_path / "s.json",
    )
    qtbot.addWidget(supervisor)
    dialog = supervisor.import_workbook(package)
    with qtbot.waitSignal(dialog.previewed, timeout=30000):
        pass
    assert dialog.commit_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        dialog.commit_button.click()
    assert "照片：新增 2，移除 0，放回 0，未变 0，暂缓 0。" in dialog.account.toPlainText()
    with supervisor_db.sessions() as s:
        assert [r.file_name for r in photos.photos_of(s, case)] == ["前1.jpg", "前2.HEIC"]
    supervisor_db.close()


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
def test_a_cases_history_shows_its_photos_added_and_removed(
    qtbot, db, make_window, clerk, today, tmp_path, monkeypatch
):
    from qdgui.views import dialogs

    files = _files(tmp_path)
    with db.begin() as s:
        case = repository.add(s, demolition_draft(case_no="WJ2026-PH-5"), by=clerk, today=today)
        facts = photos.read_photo(files["后.jpg"].read_bytes(), "后.jpg")
        uuid, _ = photos.add_photo(s, "demolition", case, "after", facts, file_name="后.jpg", by=clerk)
    with db.begin() as s:
        photos.remove_photo(s, uuid, by=clerk)
    shown = []
    monkeypatch.setattr(
        dialogs.HistoryDialog,
        "show_for",
        classmethod(lambda cls, title, entries, parent: shown.append(cls(title, entries, parent))),
    )
    window = make_window()
    page = window.show_kind("demolition")
    page.table.selectRow(0)
    page.show_history()
    table = shown[0].table
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    label = f"后.jpg ({facts.sha256[:8]})"
    assert rows[0][2:6] == ["删除", "拆除后照片", label, ""]  # newest first: the removal
    assert rows[1][2:6] == ["新建", "拆除后照片", "", label]
    assert {r[3] for r in rows[2:]} >= {"违建编号", "地址"}  # the case's own fields below


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
def test_undo_of_a_save_takes_its_photos_back_too(qtbot, db, make_window, clerk, today, tmp_path):
    files = _files(tmp_path)
    with db.begin() as s:
        case = repository.add(s, demolition_draft(case_no="WJ2026-PH-6"), by=clerk, today=today)
        facts = photos.read_photo(files["前1.jpg"].read_bytes(), "前1.jpg")
        kept, _ = photos.add_photo(s, "demolition", case, "before", facts, file_name="前1.jpg", by=clerk)
    window = make_window()
    form = window.pages["demolition"].form
    form.edit(case)
    form.photos.add_files([files["后.jpg"]], "after")  # only photos change: one added, one removed
    form.photos.list.setCurrentRow(0)
    form.photos.remove_selected()
    qtbot.keyClick(form.widgets["address"], Qt.Key.Key_Return)
    with db.sessions() as s:
        assert [r.file_name for r in photos.photos_of(s, case)] == ["后.jpg"]
        version = s.get(Demolition, case).version
    assert window.undo_action.isEnabled()  # a save of photos alone can be undone
    window.undo()
    with db.sessions() as s:
        assert [(r.uuid, r.file_name) for r in photos.photos_of(s, case)] == [(kept, "前1.jpg")]
        assert s.get(Demolition, case).version == version  # the case itself was not changed
