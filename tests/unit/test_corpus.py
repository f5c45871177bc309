"""Every public odd or broken workbook of the calamine project (../shared/corpus/calamine) goes through
the import's preview: a report or a refusal in words, never a traceback or a dead window, each within
30 s and with the reader child under 512 MiB, and the database untouched."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from qdgui.excel import importer, workbook
from qdgui.models.tables import RECORD_TABLES

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "calamine"
FILES = sorted(CORPUS.iterdir()) if CORPUS.is_dir() else []
MEMORY = 512 * 2**20

pytestmark = pytest.mark.skipif(not FILES, reason="../shared/corpus/calamine is not beside this clone")


def _counts(db):
    with db.sessions() as s:
        return {k: s.scalar(select(func.count()).select_from(t)) for k, t in RECORD_TABLES.items()}


def test_the_corpus_is_all_there():
    assert len(FILES) == 132
    assert {f.suffix for f in FILES} == {".xls", ".xlsx", ".xlsb", ".xlsm", ".ods"}


@pytest.mark.parametrize("path", FILES, ids=[f.name for f in FILES])
def test_corpus_workbook_previews_or_is_refused_in_words(path, db, clerk, today):
    before = _counts(db)
    started = time.monotonic()
    try:
        book = importer.read(path)
        report = importer.preview(db, book, importer.ImportOptions(), by=clerk, today=today)
    except (importer.ReadError, importer.ImportRefused) as exc:
        message = str(exc)
        assert path.name in message, message  # says which file
        assert any("\u4e00" <= ch <= "\u9fff" for ch in message), message  # in the user's language
        assert "Traceback" not in message
    else:
        assert report.lines() and path.name in report.lines()[0]
        assert book.format in ("xlsx", "xlsb", "ods", "xls")
        assert workbook.last_reader_peak  # read by the child, which said how much memory it took
    assert time.monotonic() - started < 30
    # the reader child's own peak (it also runs under RLIMIT_AS, so a file that would need more is refused)
    assert (workbook.last_reader_peak or 0) < MEMORY
    assert _counts(db) == before


def test_readable_files_once_refused_as_damaged_are_read():
    # a dimension tag (and styled empty cells) claiming XFD1048576 over 2 real rows; the workbook part
    # found through _rels/.rels (not at xl/workbook.xml); backslash paths in the zip; binary .xlsb; .ods
    for name, rows in (
        ("issue_174.xlsx", 2),
        ("minimal_package.xlsx", 196),
        ("issue_530.xlsx", 5),
        ("issue127.xlsb", None),
        ("date.ods", None),
    ):
        book = importer.read(CORPUS / name)
        assert book.sheets, name
        if rows is not None:
            assert len(book.sheets[0].rows) == rows, name


def test_a_cell_really_at_the_far_corner_is_still_refused_before_parsing(tmp_path):
    import zipfile

    source = CORPUS / "issue_174.xlsx"
    target = tmp_path / "far.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<c r="XFD1048576" s="0"/>', b'<c r="XFD1048576"><v>1</v></c>')
            new.writestr(info.filename, data)
    with pytest.raises(importer.ReadError, match="1048576"):
        importer.read(target)


def test_corpus_refusals_through_the_command_line_write_nothing(tmp_path):
    db = tmp_path / "q.sqlite"
    made = subprocess.run([sys.executable, str(ROOT / "main.py"), "demo", "--db", str(db)], capture_output=True)
    assert made.returncode == 0
    backups = set(tmp_path.rglob("*backup*"))
    for name in ("issue252.xlsx", "OOM_alloc3.xls", "issue_594_dos.ods", "too_small.xls", "pass_protected.xlsx"):
        for dry in ([], ["--dry-run"]):
            done = subprocess.run(
                [sys.executable, str(ROOT / "main.py"), "import", "--db", str(db), *dry, str(CORPUS / name)],
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert done.returncode == 1, (name, done.stdout, done.stderr)
            assert "Traceback" not in done.stderr and name in done.stderr
            assert done.stderr.count("未导入任何内容") == 1, done.stderr  # said once, not twice
    assert set(tmp_path.rglob("*backup*")) == backups


def test_a_tiny_xls_with_a_far_cell_is_refused_within_the_memory_cap():
    far = ROOT / "tests" / "data" / "far-cell.xls"
    assert far.stat().st_size < 8192
    with pytest.raises(importer.ReadError) as refused:
        importer.read(far)
    assert "far-cell.xls：读取需要超过 512 MB 内存" in str(refused.value)
    # The reader child's peak, measured in a process of its own whose only child it is (this test
    # process has had other children, the window's and the servers'):
    probe = (
        "import resource, sys; from qdgui.excel import importer\n"
        "try: importer.read(sys.argv[1])\nexcept importer.ReadError: pass\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024)"
    )
    done = subprocess.run([sys.executable, "-c", probe, str(far)], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    assert 0 < int(done.stdout) < MEMORY + 2**26
