"""What the entry issue asked for beyond the real-window layer: dialogs, defaults, widths, locale, axes."""

from __future__ import annotations

import sqlite3
import sys

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QCalendarWidget, QFileSystemModel
from sqlalchemy import func, select

from qdgui.config import DeviceSettings
from qdgui.models import repository
from qdgui.models.records import ProjectDraft, SigningDraft
from qdgui.views import file_dialogs

TODAY_TEXT = "2026-11-21"


@pytest.fixture
def zhangcun(db, clerk, today) -> str:
    """One project in the laptop's district (崂山区 中韩街道), as most tests here need."""
    with db.begin() as s:
        return repository.add(
            s,
            ProjectDraft("张村河片区旧村改造", "licun_river", "370212", "370212001", total_households=702),
            by=clerk,
            today=today,
        )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify and POSIX locks are Linux matters")
def test_the_file_dialog_never_opens_the_files_it_lists(qtbot, tmp_path):
    from tests.support.inotify import FolderOpens

    live = sqlite3.connect(tmp_path / "qdgui.sqlite")
    live.execute("PRAGMA journal_mode=WAL")
    live.execute("CREATE TABLE t (x)")
    live.execute("INSERT INTO t VALUES (1)")
    live.commit()
    (tmp_path / "台账.xlsx").write_bytes(b"PK\x03\x04")
    watch = FolderOpens(tmp_path)
    try:
        dialog = file_dialogs.make_dialog(None, "导入工作簿", str(tmp_path), "所有文件 (*)")
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.wait(2500)  # the dialog's background thread looks at every file it lists
        model = dialog.findChild(QFileSystemModel)
        assert model.rowCount(model.index(str(tmp_path))) == 4  # it did list the folder
        opened = set(watch.names())
    finally:
        watch.close()
        live.close()
    assert not opened & {"qdgui.sqlite", "qdgui.sqlite-wal", "qdgui.sqlite-shm", "台账.xlsx"}, opened


def test_the_file_dialogs_remember_the_last_folder(tmp_path):
    chosen = tmp_path / "报表" / "周报.xlsx"
    chosen.parent.mkdir()
    file_dialogs.remember_folder("export", chosen)
    assert file_dialogs.last_folder("export") == str(chosen.parent)
    assert file_dialogs.last_folder("import") != str(chosen.parent)  # each purpose its own


def test_new_settings_apply_to_the_forms_at_once(qtbot, make_window, settings):
    window = make_window()
    form = window.pages["signing"].form
    assert form.raw_values()["district_code"] == "370212"
    changed = DeviceSettings(device_id="laptop-a", operator="王丽", district_code="370213", street_code="")
    for page in window.pages.values():
        page.set_settings(changed)
    assert form.raw_values()["district_code"] == "370213"  # an untouched form takes the new place
    park = window.pages["park"].form
    park.widgets["name"].setText("浮山公园")
    for page in window.pages.values():
        page.set_settings(settings)
    assert park.raw_values()["name"] == "浮山公园"  # what was typed stays
    assert park.raw_values()["district_code"] == "370212"  # the place still held the old default


def test_opening_a_record_over_typed_values_asks_first(qtbot, db, zhangcun, make_window, monkeypatch, clerk, today):
    from qdgui.views import dialogs

    project = zhangcun
    with db.begin() as s:
        repository.add(
            s,
            SigningDraft(project, "370212", "370212001", "2026-11-20", households=60, houses=70),
            by=clerk,
            today=today,
        )
    asked = []
    monkeypatch.setattr(dialogs.ConfirmDiscard, "ask", classmethod(lambda cls, parent: asked.append(1) or False))
    window = make_window()
    page = window.pages["signing"]
    page.reload()
    page.form.widgets["households"].setText("25")
    page.table.selectRow(0)
    page.edit_selected()
    assert asked and page.form.editing is None and page.form.raw_values()["households"] == "25"
    monkeypatch.setattr(dialogs.ConfirmDiscard, "ask", classmethod(lambda cls, parent: True))
    page.edit_selected()
    assert page.form.editing is not None and page.form.raw_values()["households"] == "60"
    assert "正在修改" in page.form.title.text() and page.form.save_button.text() == "保存修改（回车）"


def test_table_columns_widen_to_what_they_show(qtbot, db, make_window, clerk, today):
    window = make_window()
    page = window.show_kind("demolition")
    header = page.table.horizontalHeader()
    keys = [c.key for c in page.model._listing.columns]
    column = keys.index("case_no")
    before = header.sectionSize(column)
    from tests.support.drafts import demolition_draft

    with db.begin() as s:
        repository.add(
            s,
            demolition_draft(case_no="LSWJ-2026-000123-崂山区中韩街道执法中队", found_on=TODAY_TEXT),
            by=clerk,
            today=today,
        )
    page.reload()
    wanted = page.table.sizeHintForColumn(column)
    assert header.sectionSize(column) >= wanted > before  # not cut to "LSWJ-2026-…"


def test_qt_widgets_speak_chinese(qapp):
    from qdgui.views.launch import make_application

    previous = QLocale()
    try:
        make_application("zh_CN")
        calendar = QCalendarWidget()
        assert calendar.locale().monthName(12) == "十二月"
        assert calendar.locale().dayName(1, QLocale.FormatType.ShortFormat) in ("周一", "星期一")
    finally:
        QLocale.setDefault(previous)


def test_axes_show_whole_counts_and_readable_large_values(qapp):
    from datetime import date

    from qdgui.views.charts import DayAxis, ValueAxis, number_text, timestamp

    counts = ValueAxis("left", whole=True)
    for spacing, values in counts.tickValues(0, 3, 300):
        assert spacing >= 1 and all(float(v).is_integer() for v in values)
    assert number_text(1_000_000, 200_000) == "100万"
    assert number_text(45_281_841, 10_000_000) == "4,528万"
    assert number_text(12_345, 5_000) == "12,345"
    assert number_text(0.5, 0.5) == "0.5"
    days = DayAxis()
    first, last = timestamp(date(2026, 10, 1)), timestamp(date(2027, 3, 1))
    ((spacing, ticks),) = days.tickValues(first, last, 600)
    labels = days.tickStrings(ticks, 1, spacing)
    assert "2027年" in labels and "11月" in labels and not any("Jan" in t or "Dec" in t for t in labels)
    ((spacing, ticks),) = days.tickValues(timestamp(date(2026, 11, 1)), timestamp(date(2026, 11, 14)), 900)
    assert days.tickStrings(ticks, 1, spacing)[0].endswith("日")
    assert len(ticks) <= 900 / days._label_width() + 1  # labels never overlap


def test_an_unexpected_failure_in_a_worker_is_logged_and_worded_for_the_user(qtbot, tmp_path):
    from qdgui import logs
    from qdgui.views.tasks import BackgroundTask

    path = logs.setup(tmp_path / "logs")

    def job(progress):
        raise RuntimeError("disk controller said no")

    task = BackgroundTask(job)
    with qtbot.waitSignal(task.failed, timeout=10_000) as failed:
        task.start()
    task.wait()
    message = failed.args[0]
    assert "RuntimeError" not in message and "意外" in message and str(path) in message
    assert "RuntimeError: disk controller said no" in path.read_text(encoding="utf-8")


def test_qt_file_dialogs_are_chinese_throughout(qtbot, tmp_path):
    from PySide6.QtWidgets import QLabel

    dialog = file_dialogs.make_dialog(None, "导入工作簿", str(tmp_path), "Excel 工作簿 (*.xlsx)")
    qtbot.addWidget(dialog)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel) if label.objectName()}
    assert labels["lookInLabel"] == "查找范围(&L)："  # Qt 6's "&Look in:" is missing from Qt's own catalogue
    assert labels["fileTypeLabel"] == "文件类型(&T)："
    assert labels["fileNameLabel"].startswith("文件名称")
    model = dialog.findChild(QFileSystemModel)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:2] == ["名称", "大小"]


def test_streets_are_added_and_renamed_from_the_settings_menu(qtbot, db, make_window):
    from qdgui.views.divisions_dialog import DivisionsDialog

    window = make_window()
    dialog = DivisionsDialog(db, "370212", window)
    qtbot.addWidget(dialog)
    dialog.changed.connect(window._divisions_changed)
    before = dialog.names()
    assert "中韩街道" in before
    code = dialog.add_street("科创新区街道")
    assert code and "科创新区街道" in dialog.names()
    form = window.pages["signing"].form
    assert "科创新区街道" in [
        form.widgets["street_code"].itemText(i) for i in range(form.widgets["street_code"].count())
    ]
    dialog.add_street("中韩街道")  # the same name twice in one district: refused, in words
    assert "已有" in dialog.problem.text() or "中韩街道" in dialog.problem.text()
    dialog.streets.setCurrentRow(dialog.names().index("科创新区街道"))
    dialog.rename_selected("科创街道")
    assert "科创街道" in dialog.names() and "科创新区街道" not in dialog.names()


def _signing_form(window, project):
    form = window.pages["signing"].form
    form.widgets["project_uuid"].set_code(project)
    form.widgets["households"].setText("60")
    form.widgets["houses"].setText("70")
    return form


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)  # SQLite's file lock
def test_another_program_holding_the_write_lock_is_said_and_the_typed_values_stay(
    qtbot, db, zhangcun, make_window, monkeypatch
):
    import time

    from PySide6.QtWidgets import QMessageBox

    from qdgui.models.tables import Signing

    project = zhangcun
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    window = make_window()
    form = _signing_form(window, project)
    other = sqlite3.connect(db.path, timeout=0)
    other.execute("BEGIN IMMEDIATE")  # a backup tool or a viewer holding the write lock
    try:
        started = time.monotonic()
        assert form.save() is None
        waited = time.monotonic() - started
    finally:
        other.rollback()
        other.close()
    assert waited < 5  # told within seconds, not after a 10 s freeze
    assert "另一个程序" in warned[0] and "另一个程序" in form.status.text()
    assert form.raw_values()["households"] == "60" and form.raw_values()["houses"] == "70"
    assert form.save() is not None  # the lock is gone: the same entry saves
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Signing)) == 1


def test_a_full_disk_during_a_save_is_said_and_nothing_is_lost(qtbot, db, zhangcun, make_window, monkeypatch):
    import sqlalchemy.exc
    from PySide6.QtWidgets import QMessageBox

    project = zhangcun
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    window = make_window()
    form = _signing_form(window, project)
    full = sqlalchemy.exc.OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))

    def disk_full(*args, **kwargs):
        raise full

    monkeypatch.setattr(repository, "save", disk_full)
    assert form.save() is None
    assert "磁盘已满" in warned[0] and "已于" not in form.status.text() and "磁盘已满" in form.status.text()
    assert form.raw_values()["households"] == "60"


def test_saving_a_record_unchanged_gives_undo_nothing_to_take_back(qtbot, db, zhangcun, make_window, clerk, today):
    """Undo must never take back an edit made before this window (here: another clerk's)."""
    from qdgui.models.tables import Signing

    with db.begin() as s:
        uuid = repository.add(
            s,
            SigningDraft(zhangcun, "370212", "370212001", "2026-11-20", households=60, houses=70),
            by=clerk,
            today=today,
        )
    with db.begin() as s:
        repository.update(
            s,
            uuid,
            SigningDraft(zhangcun, "370212", "370212001", "2026-11-20", households=61, houses=70),
            by=clerk,
            today=today,
        )
    window = make_window()
    page = window.pages["signing"]
    page.reload()
    page.table.selectRow(0)
    page.edit_selected()
    assert page.form.save() == uuid  # saved as it was
    assert not window.undo_action.isEnabled()
    window.undo()
    with db.sessions() as s:
        row = s.get(Signing, uuid)
        assert (row.households, row.version) == (61, 2)


def test_a_record_another_clerk_changed_meanwhile_is_not_overwritten_and_the_form_offers_to_reload(
    qtbot, db, zhangcun, make_window, monkeypatch, clerk, today
):
    """Two clerks on one database (a district server, or a merge on this laptop): the form was opened
    at version 1, someone else saved version 2; saving here is refused with who and when, and the
    form reloads version 2 when asked. Deleting from a table that shows an older version is refused."""
    from PySide6.QtWidgets import QMessageBox

    from qdgui.models.records import Operator
    from qdgui.models.tables import Signing
    from qdgui.views import dialogs

    with db.begin() as s:
        uuid = repository.add(
            s,
            SigningDraft(zhangcun, "370212", "370212001", "2026-11-20", households=60, houses=70),
            by=clerk,
            today=today,
        )
    window = make_window()
    page = window.pages["signing"]
    page.reload()
    page.table.selectRow(0)
    page.edit_selected()
    assert page.form.editing == (uuid, 1)
    other = Operator("李强", "laptop-b")
    with db.begin() as s:
        repository.save(
            s,
            SigningDraft(zhangcun, "370212", "370212001", "2026-11-20", households=61, houses=70),
            by=other,
            today=today,
            uuid=uuid,
            expected_version=1,
        )
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda parent, title, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes
    )
    page.form.widgets["households"].setText("65")
    assert page.form.save() is None
    assert asked and "李强 已于" in asked[0] and "现为第 2 版；您打开的是第 1 版" in asked[0]
    with db.sessions() as s:
        assert s.execute(select(Signing.households, Signing.version)).one() == (61, 2)  # not overwritten
    assert page.form.editing == (uuid, 2) and page.form.raw_values()["households"] == "61"  # reloaded

    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    monkeypatch.setattr(dialogs.ConfirmDelete, "ask", classmethod(lambda cls, parent, what: True))
    with db.begin() as s:  # the other clerk edits again; this table still shows version 2
        repository.save(
            s,
            SigningDraft(zhangcun, "370212", "370212001", "2026-11-20", households=62, houses=70),
            by=other,
            today=today,
            uuid=uuid,
            expected_version=2,
        )
    page.table.selectRow(0)
    page.delete_selected()
    assert warned and "李强" in warned[0]
    with db.sessions() as s:
        assert s.execute(select(Signing.deleted, Signing.version)).one() == (False, 3)
    assert page.model.version_at(0) == 3  # the table was read again


def test_a_server_gone_mid_session_is_said_at_the_save_and_the_next_save_after_it_returns_works(
    qtbot, settings, tmp_path, clerk, today
):
    """The district server stops (a power cut, a restart) while a clerk types: the save says so in
    the form, nothing is half-written and the typed values stay; once the server is back, saving
    again works without restarting qdgui."""
    from PySide6.QtWidgets import QMessageBox

    from qdgui.drafts import DraftStore
    from qdgui.models.migrate import open_database
    from qdgui.models.tables import Signing
    from qdgui.views.main_window import MainWindow
    from tests.support.postgres import Cluster

    with Cluster.start(durable=True) as cluster:  # a real server's durability: the cut loses no commit
        url = cluster.create_database("gone")
        database, _ = open_database(url)
        with database.begin() as s:
            project = repository.add(
                s,
                ProjectDraft("张村河片区旧村改造", "licun_river", "370212", "370212001", total_households=702),
                by=clerk,
                today=today,
            )
        window = MainWindow(
            database,
            settings,
            drafts=DraftStore(tmp_path / "drafts", database.identity),
            today=lambda: today,
            settings_path=tmp_path / "device.json",
        )
        qtbot.addWidget(window)
        window.show()
        warned = []
        original = QMessageBox.warning
        QMessageBox.warning = staticmethod(lambda parent, title, text: warned.append(text))
        try:
            form = _signing_form(window, project)
            cluster.pause()
            assert form.save() is None
            assert warned and "与数据库服务器的连接已断开" in warned[-1]
            assert "与数据库服务器的连接已断开" in form.status.text()
            assert form.raw_values()["households"] == "60"  # what was typed stays
            cluster.resume()
            assert form.save() is not None, (
                warned,
                form.status.text(),
                {f: form.problem_text(f) for f in form.raw_values()},
            )  # the pool reconnects
            with database.sessions() as s:
                assert s.execute(select(Signing.households)).scalars().all() == [60]
        finally:
            QMessageBox.warning = original
            window.close()
            database.close()
