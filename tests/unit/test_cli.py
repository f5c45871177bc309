"""The command line: help, version, demo, summary, history, and clear messages for bad input."""

import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

import qdgui
from qdgui.app import main
from qdgui.models.migrate import open_database
from qdgui.models.tables import Community, Signing

ROOT = Path(__file__).resolve().parents[2]


def run(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=120)


def test_help_and_version_in_chinese():
    shown = run("--help")
    assert shown.returncode == 0
    assert "要打开的数据库文件" in shown.stdout and "demo" in shown.stdout
    assert "显示程序版本号并退出" in shown.stdout and "show program" not in shown.stdout
    assert run("--version").stdout.strip() == f"qdgui {qdgui.__version__}"
    english = run("--lang", "en", "--help")
    assert "database file to open" in english.stdout


def test_demo_then_reopening_shows_the_records(tmp_path, capsys):
    path = tmp_path / "x.sqlite"
    assert main(["demo", "--db", str(path)]) == 0
    assert "演示数据已写入" in capsys.readouterr().out
    # --db before the command name works the same
    assert main(["--db", str(path), "summary"]) == 0
    out = capsys.readouterr().out
    assert "征迁签约" in out and "拆违案件" in out
    database, _ = open_database(path)
    with database.sessions() as s:
        village = s.scalar(select(Community.uuid).where(Community.name == "董家下庄"))
        days, houses = s.execute(
            select(func.count(func.distinct(Signing.signed_on)), func.sum(Signing.houses)).where(
                Signing.community_uuid == village
            )
        ).one()
        one = s.scalar(select(Signing.uuid).where(Signing.community_uuid == village).limit(1))
    database.close()
    assert (days, houses) == (13, 814)  # all 814 houses of Dongjiaxiazhuang signed in 13 days
    assert main(["history", one, "--db", str(path)]) == 0
    assert "insert" in capsys.readouterr().out
    # a second demo would mix two data sets: refused, nothing written
    assert main(["demo", "--db", str(path)]) == 1
    assert "已有记录" in capsys.readouterr().err


def test_bad_arguments_say_what_is_wrong(tmp_path):
    unknown = run("summary", "--bogus", "--db", str(tmp_path / "x.sqlite"))
    assert unknown.returncode == 2 and "命令行有误" in unknown.stderr and "--bogus" in unknown.stderr
    wrong_lang = run("--lang", "fr", "summary")
    assert wrong_lang.returncode == 2 and "命令行有误" in wrong_lang.stderr
    not_db = tmp_path / "notes.txt"
    not_db.write_text("hello")
    refused = run("summary", "--db", str(not_db))
    assert refused.returncode == 1 and "不是 qdgui 数据库文件" in refused.stderr
    blocked = tmp_path / "plain-file"
    blocked.write_text("x")
    unusable = run("demo", "--db", str(blocked / "x.sqlite"))
    assert unusable.returncode == 1 and "无法创建文件夹" in unusable.stderr
    assert not_db.read_text() == "hello"


def test_default_database_lives_in_the_user_data_folder(tmp_path, capsys):
    assert main(["summary"]) == 1  # no database yet: a command does not make an empty one
    assert "没有数据库文件" in capsys.readouterr().err
    assert main(["demo"]) == 0
    assert main(["summary"]) == 0
    assert (tmp_path / "xdg-data" / "qdgui" / "qdgui.sqlite").exists()
    assert str(tmp_path / "xdg-data" / "qdgui" / "qdgui.sqlite") in capsys.readouterr().out


def test_argparse_speaks_chinese_too():
    shown = run("--help")
    assert shown.stdout.startswith("用法：qdgui")
    assert "显示本帮助并退出" in shown.stdout and "选项" in shown.stdout
    assert "usage:" not in shown.stdout and "show this help" not in shown.stdout
    wrong = run("export", "weekly", "--lang", "xx")
    assert wrong.returncode == 2
    assert "命令行有误" in wrong.stderr and "无效的选项" in wrong.stderr and "Traceback" not in wrong.stderr
    missing = run("history")
    assert "缺少必需的参数" in missing.stderr


def test_the_bench_data_maker_refuses_to_overwrite_and_explains_itself(tmp_path):
    shown = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bigdata.py"), "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert shown.returncode == 0 and "database" in shown.stdout
    assert list(tmp_path.iterdir()) == []  # no database named --help
    existing = tmp_path / "x.sqlite"
    existing.write_bytes(b"keep")
    refused = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bigdata.py"), str(existing), "10"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert refused.returncode == 2 and existing.read_bytes() == b"keep"


def test_a_mistyped_database_path_is_refused_not_created(tmp_path):
    for command in (["summary"], ["export", "ledger"], ["import", str(tmp_path / "x.xlsx")], ["history", "x"]):
        typo = tmp_path / "不存在的文件夹" / "街道.sqlite"
        done = run(*command, "--db", str(typo))
        assert done.returncode == 1, (command, done.stderr)
        assert "没有数据库文件" in done.stderr and "Traceback" not in done.stderr
        assert not typo.parent.exists()  # nothing made on the way


def test_impossible_columns_and_an_empty_db_argument_are_refused_in_words(tmp_path):
    import sys as _sys

    _sys.path.insert(0, str(ROOT / "tests" / "unit"))
    import messy

    db = tmp_path / "街道.sqlite"
    assert run("demo", "--db", str(db)).returncode == 0
    sheet = messy.demolition_ledger(tmp_path / "拆违.xlsx")
    beyond_excel = run("import", str(sheet), "--dry-run", "--column", "XFE=address", "--db", str(db))
    assert beyond_excel.returncode == 2 and "没有 XFE 列" in beyond_excel.stderr
    beyond_header = run("import", str(sheet), "--dry-run", "--column", "AB=address", "--db", str(db))
    assert beyond_header.returncode == 2 and "只有 A 到 K 列" in beyond_header.stderr
    empty = run("summary", "--db", "")
    assert empty.returncode == 2 and "--db 需要" in empty.stderr
    for done in (beyond_excel, beyond_header, empty):
        assert "Traceback" not in done.stderr


def test_a_ledger_changed_after_export_is_refused_until_accepted_on_purpose(tmp_path, capsys):
    import openpyxl

    laptop, boss = tmp_path / "laptop.sqlite", tmp_path / "boss.sqlite"
    assert main(["demo", "--db", str(laptop)]) == 0
    ledger = tmp_path / "return.xlsx"
    assert main(["export", "ledger", "--out", str(ledger), "--db", str(laptop)]) == 0
    book = openpyxl.load_workbook(ledger)
    book["征迁签约"]["I2"] = 999  # a signing's households
    book.save(ledger)
    open_database(boss)[0].close()  # the supervisor's database
    refused = run("import", str(ledger), "--db", str(boss))
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert "return.xlsx 是 qdgui 导出的台账，但导出后被改动过" in refused.stderr + refused.stdout
    database, _ = open_database(boss)
    with database.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Signing)) == 0
    database.close()
    accepted = run("import", str(ledger), "--accept-edited", "--db", str(boss))
    assert accepted.returncode == 0, accepted.stderr
    database, _ = open_database(boss)
    with database.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Signing)) > 0
    database.close()


def test_a_file_given_without_a_command_is_a_database_or_a_workbook_to_offer():
    from qdgui.cli import COMMANDS, build_parser, split_file_argument

    commands = next(a for a in build_parser()._actions if a.dest == "command")
    assert set(COMMANDS) == set(commands.choices)  # a new command must be known here too
    assert split_file_argument(["/data/中韩街道.xlsx"]) == ([], Path("/data/中韩街道.xlsx"), None)
    assert split_file_argument(["--lang", "en", "/data/return.ZIP"]) == (
        ["--lang", "en"],
        Path("/data/return.ZIP"),
        None,
    )
    assert split_file_argument(["/data/街道.sqlite"]) == (["--db", "/data/街道.sqlite"], None, None)
    assert split_file_argument(["--db", "a.sqlite", "r.zip"]) == (["--db", "a.sqlite"], Path("r.zip"), None)
    for unchanged in (["summary"], ["import", "a.xlsx"], ["--db", "a.sqlite"], [], ["--db", "a.sqlite", "summary"]):
        assert split_file_argument(unchanged) == (unchanged, None, None)
    argv, workbook, problem = split_file_argument(["--db", "a.sqlite", "b.sqlite"])
    assert workbook is None and "b.sqlite" in problem


def test_two_databases_on_the_command_line_are_refused_in_words(tmp_path):
    done = run("--db", str(tmp_path / "a.sqlite"), str(tmp_path / "b.sqlite"), "--lang", "zh_CN")
    assert done.returncode == 2
    assert "给出了两个数据库" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "a.sqlite").exists() and not (tmp_path / "b.sqlite").exists()
