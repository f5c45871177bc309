"""Exports from the File menu: dialogs answered, the file written off the GUI thread, cancel, errors."""

import dataclasses
import threading
from datetime import date

import openpyxl
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from qdgui import config
from qdgui.excel import ledger
from qdgui.models import demo, progress
from qdgui.views.export import SaveFile, WeeklyExportDialog


def test_weekly_report_from_the_menu(qtbot, db, make_window, tmp_path, monkeypatch):
    with db.begin() as s:
        demo.fill(s, today=date(2026, 11, 21))
    window = make_window()
    assert [a.text() for a in window.menuBar().actions()[0].menu().actions()][:2] == [
        "导出周报(&W)...",
        "导出台账(&L)...",
    ]
    week = progress.iso_week(2026, 47)
    suggested = []
    typed = {
        "form_no": "青城更统1表",
        "authority": "青岛市城市更新和城市建设攻坚行动总指挥部办公室",
        "unit_head": "张主任",
        "stats_head": "",
        "filled_by": "王丽",
        "phone": "0532-88880000",
        "reported_on": date(2026, 11, 23),
        "area_unit": "m2",  # chosen in the dialog instead of 万平方米
    }
    monkeypatch.setattr(WeeklyExportDialog, "ask", classmethod(lambda cls, *a: (week, "370212", typed)))
    monkeypatch.setattr(
        SaveFile, "ask", classmethod(lambda cls, parent, title, name: suggested.append(name) or tmp_path / "周报.xlsx")
    )
    with qtbot.waitSignal(window.exported, timeout=20000) as written:
        window.weekly_action.trigger()
    assert suggested == ["周报-崂山区-2026年第47周.xlsx"]
    assert written.args == [str(tmp_path / "周报.xlsx")]
    book = openpyxl.load_workbook(tmp_path / "周报.xlsx")
    assert book["汇总"]["A1"].value == "崂山区城市更新和城市建设攻坚行动周报（2026年第47周：11月16日至11月22日）"
    assert "周报已保存" in window.statusBar().currentMessage()
    assert window.weekly_action.isEnabled()
    # an official return: 表号 and 制表机关 at the top right, the signers at the foot
    sheet = book["汇总"]
    assert (
        sheet.cell(1, sheet.max_column - 2).value
        == "表号：青城更统1表\n制表机关：青岛市城市更新和城市建设攻坚行动总指挥部办公室"
    )
    footer = [c.value for row in sheet.iter_rows() for c in row if c.value and "单位负责人" in str(c.value)]
    assert footer == [
        "单位负责人：张主任    统计负责人：________    填表人：王丽    联系电话：0532-88880000    报出日期：2026年11月23日"
    ]
    saved = config.load(tmp_path / "device.json")  # next week's dialog starts from them
    assert (saved.report_form_no, saved.unit_head, saved.phone) == ("青城更统1表", "张主任", "0532-88880000")
    assert saved.report_area_unit == "m2" and "拆除违建面积（㎡）" in [c.value for c in book["汇总"][3]]


def test_weekly_dialog_shows_the_week_of_the_chosen_day(qtbot, db, settings):
    thursday_office = dataclasses.replace(settings, week_ends_on=3)
    dialog = WeeklyExportDialog(db, thursday_office, date(2026, 11, 21))
    qtbot.addWidget(dialog)
    # Saturday 21 November: the week to Thursday 26 November is still running, so the last complete one
    assert dialog.week_label.text() == "2026年第47周：2026-11-13 至 2026-11-19"
    assert dialog.scope.currentText() == "崂山区" and dialog.scope.itemText(0) == "全市"
    dialog.day.setDate(QDate(2026, 11, 24))
    assert dialog.week() == progress.Week(date(2026, 11, 20), date(2026, 11, 26))
    signers = dialog.signers()  # the return's signers start from the settings; the filler is the operator
    assert signers["filled_by"] == settings.operator and signers["reported_on"] == date(2026, 11, 21)
    assert dialog.area_unit.currentText() == "万平方米（按总指挥部的写法）" and signers["area_unit"] == "wan_m2"
    kept = WeeklyExportDialog(db, dataclasses.replace(settings, report_area_unit="m2"), date(2026, 11, 21))
    qtbot.addWidget(kept)
    assert kept.signers()["area_unit"] == "m2"  # last week's choice


def test_ledger_export_runs_off_the_gui_thread_and_can_be_cancelled(qtbot, db, make_window, tmp_path, monkeypatch):
    with db.begin() as s:
        demo.fill(s, today=date(2026, 11, 21))
    window = make_window()
    target = tmp_path / "台账.xlsx"
    target.write_bytes(b"last week's ledger")
    monkeypatch.setattr(SaveFile, "ask", classmethod(lambda cls, *a: target))
    threads = []
    release = threading.Event()
    real = ledger.write_ledger

    def slow(session, path, **kwargs):
        threads.append(threading.current_thread())
        user_progress = kwargs.pop("progress")

        def progress_then_wait(done, total):
            user_progress(done, total)
            release.wait(5)

        return real(session, path, progress=progress_then_wait, **kwargs)

    monkeypatch.setattr(ledger, "write_ledger", slow)
    with qtbot.waitSignal(window.export_failed, timeout=20000) as stopped:
        window.ledger_action.trigger()
        qtbot.waitUntil(lambda: bool(threads))
        assert not window.ledger_action.isEnabled()  # one export at a time
        window._task.requestInterruption()  # what the progress dialog's Cancel button does
        release.set()
    assert threads[0] is not threading.main_thread()
    assert stopped.args == ["已取消导出，没有写入文件。"]
    assert target.read_bytes() == b"last week's ledger"
    assert window.ledger_action.isEnabled()

    monkeypatch.setattr(ledger, "write_ledger", real)
    with qtbot.waitSignal(window.exported, timeout=20000):
        window.ledger_action.trigger()
    assert openpyxl.load_workbook(target, read_only=True).sheetnames[0] == "项目"


def test_a_failed_export_says_why(qtbot, db, make_window, tmp_path, monkeypatch):
    window = make_window()
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))
    monkeypatch.setattr(SaveFile, "ask", classmethod(lambda cls, *a: tmp_path / "gone" / "台账.xlsx"))
    with qtbot.waitSignal(window.export_failed, timeout=20000):
        window.ledger_action.trigger()
    assert shown == [("导出失败", f"无法写入 {tmp_path / 'gone' / '台账.xlsx'}：文件夹 {tmp_path / 'gone'} 不存在。")]


def test_an_unexpected_error_in_the_worker_is_reported_not_fatal(qtbot, tmp_path):
    from qdgui import logs
    from qdgui.views.tasks import BackgroundTask

    log = logs.setup(tmp_path / "logs")
    task = BackgroundTask(lambda progress: 1 / 0)
    with qtbot.waitSignal(task.failed, timeout=5000) as failed:
        task.start()
    task.wait()
    assert "ZeroDivisionError" not in failed.args[0] and str(log) in failed.args[0]  # words, and where the details are
    assert "ZeroDivisionError: division by zero" in log.read_text(encoding="utf-8")
