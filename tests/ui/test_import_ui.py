"""The import wizard from the window: preview off the GUI thread, mapping corrections, commit, undo."""

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select, text

from qdgui.models import repository
from qdgui.models.records import CommunityDraft, ProjectDraft
from qdgui.models.tables import Demolition, ImportBatch
from qdgui.views.import_review import BatchesDialog
from tests.support.hostile import huge_extent
from tests.unit import messy


def cell_texts(table, column):
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_preview_commit_and_undo_from_the_window(qtbot, make_window, db, tmp_path, monkeypatch):
    window = make_window()
    path = messy.demolition_ledger(tmp_path / "中韩拆违台账.xlsx")
    dialog = window.import_workbook(path)
    with qtbot.waitSignal(dialog.previewed, timeout=30000):
        pass
    assert "第 4 行" in dialog.summary.text() or "表头在第 4 行" in dialog.summary.text()
    assert dialog.commit_button.text() == "导入 3 行" and dialog.commit_button.isEnabled()
    problems = list(zip(cell_texts(dialog.issues, 1), cell_texts(dialog.issues, 2), cell_texts(dialog.issues, 5)))
    assert ("7", "F", "“约0.01”是估计数，请填写确切数字") in problems
    assert ("8", "G", "“6月3日”没有年份，请写完整日期") in problems
    assert cell_texts(dialog.rows, 2) == ["可导入", "可导入", "有错误", "有错误", "可导入"]
    headers = [dialog.rows.horizontalHeaderItem(c).text() for c in range(dialog.rows.columnCount())]
    structure = headers.index("结构")
    assert dialog.rows.item(0, structure).text() == "彩钢板"
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Demolition)) == 0  # the preview wrote nothing

    with qtbot.waitSignal(dialog.imported, timeout=30000):
        dialog.commit_button.click()
    with db.sessions() as s:
        batch = s.scalar(select(func.max(ImportBatch.id)))  # PostgreSQL's ids may skip (a preview's rollback)
    assert f"导入批次 {batch}" in dialog.account.toPlainText()
    assert window.pages["demolition"].model.rowCount() == 3  # the table shows them at once

    window.show_batches()
    listing = window.findChild(BatchesDialog)
    assert cell_texts(listing.table, 3) == ["中韩拆违台账.xlsx"]
    assert cell_texts(listing.table, 5) == ["3"]
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(listing.undone, timeout=30000) as undone:
        listing.undo_selected()
    assert undone.args == [["demolition"]]
    assert cell_texts(listing.table, 6)[0].startswith("已于")
    assert window.pages["demolition"].model.rowCount() == 0
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Demolition)) == 0


def test_a_corrected_mapping_is_used_on_the_next_preview(qtbot, make_window, db, clerk, today, tmp_path):
    with db.begin() as s:
        repository.add(
            s,
            ProjectDraft("张村河片区旧村改造", "licun_river", "370212", "370212001", total_households=4000),
            by=clerk,
            today=today,
            confirm_warnings=True,
        )
        repository.add(s, CommunityDraft("370212001", "董家下庄", "village"), by=clerk, today=today)
    window = make_window()
    dialog = window.import_workbook(messy.signing_ledger(tmp_path / "签约.xlsx"))
    with qtbot.waitSignal(dialog.previewed, timeout=30000):
        pass
    assert dialog.commit_button.text() == "导入 2 行"
    # the clerk says column L (备注) is not to be imported
    row = cell_texts(dialog.mapping, 1).index("L")
    combo = dialog.mapping.cellWidget(row, 3)
    assert combo.currentText() == "备注"
    combo.setCurrentIndex(combo.findData(""))
    with qtbot.waitSignal(dialog.previewed, timeout=30000):
        dialog.repreview.click()
    assert "备注" not in [dialog.rows.horizontalHeaderItem(c).text() for c in range(dialog.rows.columnCount())]
    problems = list(zip(cell_texts(dialog.issues, 2), cell_texts(dialog.issues, 5)))
    assert ("L", "无法识别此列，未导入（可在列对应中选择字段）。") in problems


def test_a_hostile_file_leaves_the_window_and_the_database_as_they_were(qtbot, make_window, db, tmp_path):
    window = make_window()
    path = huge_extent(tmp_path / "来件.xlsx", tmp_path)
    dialog = window.import_workbook(path)
    with qtbot.waitSignal(dialog.failed, timeout=30000) as blocker:
        pass
    assert "超出台账的合理范围" in blocker.args[0]
    assert "未导入任何内容" in dialog.summary.text()
    assert not dialog.commit_button.isEnabled()
    assert window.isVisible()
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(ImportBatch)) == 0


def test_a_merge_conflict_is_chosen_field_by_field_in_the_review_dialog(qtbot, make_window, db, tmp_path, returns):
    from qdgui.excel import importer
    from qdgui.views.import_review import ReviewDialog
    from tests.unit.test_merge import BOSS, TODAY

    for key in ("base", "a", "b"):
        importer.commit(db, importer.read(returns[key]), importer.ImportOptions(), by=BOSS, today=TODAY)
    window = make_window()
    window.show_review()
    dialog = window.findChild(ReviewDialog)
    assert cell_texts(dialog.items, 0) == ["两边都有修改", "相似待查"]
    dialog.items.selectRow(0)
    # only the field both laptops changed (ZH-1's area); who wrote each side, and when, above it
    assert cell_texts(dialog.fields, 0) == ["面积（㎡）"]
    assert cell_texts(dialog.fields, 1) == ["122.00"]
    assert cell_texts(dialog.fields, 2) == ["111.00"]
    headers = [dialog.fields.horizontalHeaderItem(c).text() for c in range(3)]
    assert headers[1].startswith("本机现值\n李强 (laptop-b)，20") and headers[2].startswith(
        "另一版本（勾选即采用）\n王丽 (laptop-a)，20"
    )
    dialog.fields.item(0, 2).setCheckState(dialog.fields.item(0, 2).checkState().Checked)
    with qtbot.waitSignal(dialog.resolved):
        dialog.apply_button.click()
    assert cell_texts(dialog.items, 0) == ["相似待查"]
    with db.sessions() as s:
        zh1 = s.scalar(select(Demolition).where(Demolition.case_no == "ZH-1"))
        assert (zh1.area_m2, zh1.address) == (111, "株洲路1号东")
        zh0 = s.scalar(select(Demolition).where(Demolition.case_no == "ZH-0"))
        assert (zh0.area_m2, zh0.status) == (130, "demolished")  # merged by itself


def test_same_value_for_every_row_and_create_missing_from_the_wizard(qtbot, make_window, db, tmp_path):
    from qdgui.models.tables import Community, Project, Signing
    from tests.unit import ledgers

    window = make_window()
    path = ledgers.demolition_csv(tmp_path / "即墨区违法建设台账.csv")
    dialog = window.import_workbook(path)
    with qtbot.waitSignal(dialog.previewed, timeout=30000):
        pass
    assert not dialog.commit_button.isEnabled()  # no 发现日期 column: nothing can go in yet
    fields = cell_texts(dialog.same, 1)
    assert "发现日期 *" in fields and "区（市） *" in fields
    district = fields.index("区（市） *")
    assert (dialog.same.item(district, 2).text(), dialog.same.item(district, 3).text()) == ("即墨区", "文件名")
    found = fields.index("发现日期 *")
    dialog.same.item(found, 2).setText("2024-01-01")
    with qtbot.waitSignal(dialog.previewed, timeout=30000):
        dialog.repreview.click()
    assert dialog.commit_button.text() == "导入 3 行"
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        dialog.commit_button.click()
    assert window.pages["demolition"].model.rowCount() == 3
    with db.sessions() as s:
        assert sorted(s.scalars(select(Demolition.found_on).distinct())) == [__import__("datetime").date(2024, 1, 1)]
    dialog.close()

    # a signing sheet naming a project and villages the database lacks
    path = ledgers.title_only_signing(tmp_path / "张村河签约.xlsx")
    dialog = window.import_workbook(path)
    with qtbot.waitSignal(dialog.previewed, timeout=30000):
        pass
    assert not dialog.commit_button.isEnabled()
    assert any("数据库中没有：项目 张村河片区（崂山区）" in t for t in cell_texts(dialog.issues, 5))
    dialog.create_missing.setChecked(True)
    with qtbot.waitSignal(dialog.previewed, timeout=30000):
        dialog.repreview.click()
    assert dialog.commit_button.text() == "导入 3 行"
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Project)) == 0  # the preview created nothing
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        dialog.commit_button.click()
    with db.sessions() as s:
        assert s.scalars(select(Project.name)).all() == ["张村河片区"]
        assert sorted(s.scalars(select(Community.name))) == ["张村", "董家下庄"]
        assert s.scalar(select(func.count()).select_from(Signing)) == 3


def test_a_ledger_changed_after_export_merges_only_when_ticked_and_its_row_goes_to_review(
    qtbot, make_window, db, tmp_path, returns
):
    import openpyxl

    from qdgui.excel import importer
    from qdgui.models import review
    from tests.unit.test_merge import BOSS, TODAY

    for key in ("base", "a", "b"):
        importer.commit(db, importer.read(returns[key]), importer.ImportOptions(), by=BOSS, today=TODAY)
    book = openpyxl.load_workbook(returns["a"])
    book["拆违治乱"]["H2"] = "东部片区"  # ZH-0's 重点片区, typed in Excel after the export
    path = tmp_path / "return-a-changed.xlsx"
    book.save(path)
    window = make_window()
    dialog = window.import_workbook(path)
    with qtbot.waitSignal(dialog.previewed, timeout=30000):
        pass
    assert "导出后被改动过（内容校验不符）" in dialog.summary.text()
    assert "导出后被手工改动，请人工确认：拆违案件 ZH-0" in dialog.account.toPlainText()
    assert dialog.accept_edited.isVisible() and not dialog.commit_button.isEnabled()
    dialog.accept_edited.click()
    assert dialog.commit_button.isEnabled() and dialog.commit_button.text() == "合并 1 处变更"
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        dialog.commit_button.click()
    with db.sessions() as s:
        items = [i for i in review.open_items(s) if i.reason == "conflict"]
    assert [i.differing() for i in items if i.other.get("key_zone") == "东部片区"] == [["key_zone"]]


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)  # backups are the file's
def test_backups_are_listed_and_one_is_restored_in_place_of_the_database(qtbot, make_window, db, returns, monkeypatch):
    """File > Backups: the backup made before a merge puts the database back as it was; what it held
    is backed up first (and listed); the tables show the restored records; new edits get a new replica."""
    from PySide6.QtWidgets import QMessageBox

    from qdgui.excel import importer
    from qdgui.models.migrate import list_backups
    from qdgui.models.tables import Meta
    from qdgui.views.backups_dialog import BackupsDialog
    from tests.unit.test_merge import BOSS, TODAY

    importer.commit(db, importer.read(returns["base"]), importer.ImportOptions(), by=BOSS, today=TODAY)
    with db.sessions() as s:
        cases_before = sorted(s.scalars(select(Demolition.case_no)))
    importer.commit(db, importer.read(returns["a"]), importer.ImportOptions(), by=BOSS, today=TODAY)
    with db.sessions() as s:
        assert "A-9" in s.scalars(select(Demolition.case_no)).all()
    window = make_window()
    window.backups_action.trigger()
    dialog = window.findChild(BackupsDialog)
    listed = cell_texts(dialog.table, 1)
    assert listed[:2] == ["导入或合并", "导入或合并"]  # newest first: before A's merge, before the base's
    dialog.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.restored) as restored:
        dialog.restore_button.click()
    assert "已恢复" in restored.args[0]
    assert "已恢复" in window.statusBar().currentMessage()
    with db.sessions() as s:
        assert sorted(s.scalars(select(Demolition.case_no))) == cases_before  # A's merge is gone
        assert s.scalar(select(func.count()).select_from(Meta).where(Meta.key.like("replica:%"))) == 0
        assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    assert cell_texts(dialog.table, 1)[0] == "恢复"  # the database as it was, backed up first
    assert [b.reason for b in list_backups(db.path)][0] == "restore"
    window.show_kind("demolition")
    qtbot.waitUntil(lambda: window.current_page().model.rowCount() == len(cases_before), timeout=5000)


def test_a_look_alike_project_is_joined_from_the_review_dialog(qtbot, make_window, db, tmp_path, returns):
    from datetime import date

    from qdgui.excel import importer
    from qdgui.excel.ledger import write_ledger
    from qdgui.models import repository
    from qdgui.models.migrate import open_database
    from qdgui.models.records import Operator, ProjectDraft, SigningDraft
    from qdgui.models.tables import Project, Signing
    from qdgui.views.import_review import ReviewDialog
    from tests.unit.test_merge import BOSS, TODAY

    importer.commit(db, importer.read(returns["base"]), importer.ImportOptions(), by=BOSS, today=TODAY)
    laptop, _ = open_database(tmp_path / "c.sqlite")
    c = Operator("赵敏", "laptop-c")
    with laptop.begin() as s:
        copy = repository.add(
            s, ProjectDraft("张村河片区", "licun_river", "370212"), by=c, today=TODAY, confirm_warnings=True
        )
        repository.add(
            s,
            SigningDraft(copy, "370212", "370212001", date(2026, 11, 19), households=3, houses=3),
            by=c,
            today=TODAY,
            confirm_warnings=True,
        )
        write_ledger(s, tmp_path / "return-c.xlsx")
    laptop.close()
    importer.commit(db, importer.read(tmp_path / "return-c.xlsx"), importer.ImportOptions(), by=BOSS, today=TODAY)
    window = make_window()
    window.show_review()
    dialog = window.findChild(ReviewDialog)
    dialog.show()
    assert cell_texts(dialog.items, 0) == ["相似待查"] and cell_texts(dialog.items, 1) == ["项目"]  # not its code
    dialog.items.selectRow(0)
    assert dialog.join_button.isVisible() and dialog.join_button.text() == "合并为同一个(&J)"
    with qtbot.waitSignal(dialog.resolved):
        dialog.join_button.click()
    assert "已合并：1 条记录" in dialog.hint.text()
    assert dialog.items.rowCount() == 0
    with db.sessions() as s:
        live = s.scalars(select(Project.name).where(Project.deleted.is_(False))).all()
        assert live == ["张村河片区旧村改造"]
        kept = s.scalar(select(Project.uuid).where(Project.deleted.is_(False)))
        assert s.scalar(select(Signing.project_uuid).where(Signing.households == 3)) == kept
