"""Hostile and broken workbooks: each ends in its own message, the database unchanged, the process alive."""

import io
import zipfile

import pytest
from sqlalchemy import func, select

from qdgui import cli
from qdgui.cli_import import run_import
from qdgui.config import DeviceSettings
from qdgui.excel import workbook
from qdgui.excel.workbook import Limits, ReadError, read_workbook
from qdgui.models.tables import RECORD_TABLES, ImportBatch
from tests.support.hostile import good_workbook, huge_extent, rewrite_part


def entity_bomb(path, tmp_path):
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
        b"<si><t>&lol2;</t></si></sst>"
    )
    return rewrite_part(good_workbook(tmp_path / "base.xlsx"), path, "xl/sharedStrings.xml", lambda _: bomb)


def zip_bomb(path, tmp_path):
    # A sheet part that inflates to 64 MiB of spaces from a few dozen KB (checked against small limits).
    def padded(data):
        return data.replace(b"<sheetData>", b"<sheetData>" + b" " * (64 * 2**20))

    return rewrite_part(good_workbook(tmp_path / "base.xlsx"), path, "xl/worksheets/sheet1.xml", padded)


def corrupt_zip(path, tmp_path):
    data = bytearray(good_workbook(tmp_path / "base.xlsx").read_bytes())
    middle = len(data) // 2
    data[middle : middle + 200] = b"\x00" * 200
    path.write_bytes(bytes(data))
    return path


def password_protected(path, tmp_path):
    # What Excel writes for a password-protected .xlsx: an OLE2 container with an EncryptedPackage stream.
    header = bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 504
    directory = "EncryptionInfo".encode("utf-16-le") + b"\x00" * 50 + "EncryptedPackage".encode("utf-16-le")
    path.write_bytes(header + directory + b"\x00" * 4096)
    return path


def not_a_workbook(path, tmp_path):
    path.write_text("序号,地址\n1,株洲路1号\n", encoding="utf-8")
    return path


def empty(path, tmp_path):
    path.write_bytes(b"")
    return path


def zip_not_xlsx(path, tmp_path):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    return path


CASES = [
    (not_a_workbook, "不是 qdgui 能读取的工作簿", Limits()),
    (empty, "是空文件（0 字节）", Limits()),
    (password_protected, "设有密码保护", Limits()),
    (corrupt_zip, "已损坏", Limits()),
    (zip_not_xlsx, "是压缩包，但不是 Excel 工作簿", Limits()),
    (entity_bomb, "声明了 XML 实体（DOCTYPE）", Limits()),
    (huge_extent, "延伸到第 1048576 行、第 16384 列，超出台账的合理范围", Limits()),
    (zip_bomb, "解压后将达 64 MB", Limits(part_bytes=32 * 2**20)),
]


@pytest.mark.parametrize("make, message, limits", CASES, ids=[c[0].__name__ for c in CASES])
def test_each_hostile_file_is_refused_with_its_message(make, message, limits, tmp_path):
    path = make(tmp_path / "来件.xlsx", tmp_path)
    with pytest.raises(ReadError) as raised:
        read_workbook(path, limits=limits)
    assert message in str(raised.value)
    assert "来件.xlsx" in str(raised.value)


def test_a_parse_that_takes_too_long_is_stopped(tmp_path):
    path = good_workbook(tmp_path / "慢.xlsx")
    with pytest.raises(ReadError, match="读取超过 0.0 秒，已停止"):
        read_workbook(path, limits=Limits(seconds=0.001))


def test_a_reader_that_dies_takes_only_itself_down(tmp_path, monkeypatch):
    # What calamine does on an allocation failure: abort. Here the child aborts on purpose.
    import sys

    monkeypatch.setattr(
        workbook, "_child_command", lambda path, memory: [sys.executable, "-c", "import os; os.abort()"]
    )
    with pytest.raises(ReadError, match="读取需要超过 512 MB 内存"):
        read_workbook(good_workbook(tmp_path / "好.xlsx"))
    # and this process goes on reading workbooks
    monkeypatch.undo()
    assert read_workbook(tmp_path / "好.xlsx").sheets[0].rows[1] == ["ZH-1", "株洲路1号"]


def test_calamine_itself_would_abort_on_the_huge_extent_file(tmp_path):
    # Proof the guard matters: without it the child process dies (it would have been this process).
    path = huge_extent(tmp_path / "巨.xlsx", tmp_path)
    with pytest.raises(ReadError, match="读取程序异常终止|内存"):
        workbook._parse_in_child(path, Limits(child_memory=2 * 2**30), lambda done, total: None)


@pytest.mark.parametrize("make, message, limits", CASES[:7], ids=[c[0].__name__ for c in CASES[:7]])
def test_the_command_line_says_what_is_wrong_and_the_database_is_unchanged(make, message, limits, tmp_path, db, capsys):
    path = make(tmp_path / "来件.xlsx", tmp_path)
    args = cli.build_parser().parse_args(["import", str(path)])
    code = run_import(args, db, DeviceSettings(device_id="laptop-a", operator="王丽"))
    err = capsys.readouterr().err
    assert code == 1
    assert message in err and "未导入任何内容" in err
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(ImportBatch)) == 0
        assert all(s.scalar(select(func.count()).select_from(t)) == 0 for t in RECORD_TABLES.values())
    assert db.path is None or not (db.path.parent / "backups").exists()  # refused before even a backup


def test_defusedxml_is_installed_and_refuses_entities():
    from defusedxml import ElementTree
    from defusedxml.common import EntitiesForbidden

    with pytest.raises(EntitiesForbidden):
        ElementTree.parse(io.BytesIO(b'<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'))


def test_the_programs_own_reader_flag_reads_a_workbook_without_the_applications_imports(tmp_path):
    """The packaged program reads workbooks by starting itself with the reader flag (workbook.py's
    _child_command when frozen): main.py hands over at once, so each read does not pay for the
    application's start-up."""
    import pickle
    import subprocess
    import sys
    from pathlib import Path

    from qdgui.work import CHILD_READER_FLAG

    root = Path(__file__).resolve().parents[2]
    path = good_workbook(tmp_path / "台账.xlsx")
    probe = (
        "import runpy, sys; sys.argv = sys.argv[1:]; "
        "exit_code = 0\n"
        "try:\n    runpy.run_path(sys.argv[0], run_name='__main__')\n"
        "except SystemExit as done:\n    exit_code = done.code\n"
        "sys.stderr.write('app imported: %s' % ('qdgui.app' in sys.modules))\n"
        "sys.exit(exit_code)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(root / "main.py"), CHILD_READER_FLAG, str(path), str(512 * 2**20)],
        capture_output=True,
        timeout=60,
        cwd=root,
    )
    assert done.returncode == 0, done.stderr
    status, sheets, _peak = pickle.loads(done.stdout)
    assert status == "ok" and sheets and sheets[0][2]  # the sheet's rows came back
    assert b"app imported: False" in done.stderr
