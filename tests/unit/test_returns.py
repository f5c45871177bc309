"""Return packages: a laptop's ledger and photos in one .zip, merged without duplicates, undone whole."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from qdgui.excel import importer, returns
from qdgui.models import photos, repository
from qdgui.models.migrate import open_database
from qdgui.models.records import Operator
from qdgui.models.tables import Demolition, Photo, PhotoFile
from tests.support import photo_files
from tests.support.drafts import demolition_draft

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 21)
A, B = Operator("李", "laptop-a"), Operator("王", "supervisor")


def _laptop(path) -> tuple:
    """A laptop with a case holding two before photos (one a HEIC) and one after, the after one removed."""
    database, _ = open_database(path)
    with database.begin() as s:
        case = repository.add(s, demolition_draft(case_no="ZH-2026-7"), by=A, today=TODAY)
        made = {}
        for name, data, role in (
            ("前.jpg", photo_files.phone_jpeg(), "before"),
            ("前.HEIC", photo_files.heic(), "before"),
            ("后.jpg", photo_files.phone_jpeg(colour=(20, 160, 40)), "after"),
        ):
            made[name] = photos.add_photo(
                s, "demolition", case, role, photos.read_photo(data, name), file_name=name, by=A
            )[0]
        photos.remove_photo(s, made["后.jpg"], by=A)
    return database, case, made


def _merge(database, path: Path, **options):
    return importer.commit(database, importer.read(path), importer.ImportOptions(**options), by=B, today=TODAY)


def test_a_return_package_brings_a_laptops_photos_byte_for_byte_and_again_is_a_no_op(tmp_path, db):
    laptop, case, made = _laptop(tmp_path / "a.sqlite")
    package = tmp_path / "中韩街道回传.zip"
    with laptop.sessions() as s:
        written = returns.write_return(s, package)
        originals = {r.file_name: photos.original(s, r.sha256) for r in photos.photos_of(s, case, include_removed=True)}
    assert (written["demolition"], written["photos"], written["photo_files"]) == (1, 3, 3)
    report = _merge(db, package)
    assert report.photos.counts["inserted"] == 3 and report.batch_id is not None
    assert "照片：新增 3" in "\n".join(report.lines())
    with db.sessions() as s:
        shown = photos.photos_of(s, case)
        removed = photos.photos_of(s, case, include_removed=True)
        assert [(r.file_name, r.role) for r in shown] == [("前.jpg", "before"), ("前.HEIC", "before")]
        assert [r.deleted for r in removed] == [False, False, True]  # the removal travelled
        assert {r.file_name: photos.original(s, r.sha256) for r in removed} == originals
        assert s.scalar(select(func.count()).select_from(PhotoFile)) == 3
        merged = photos.history_of(s, case)  # the case's history on the supervisor's copy names them
        assert [(e.action, e.operator) for e in merged] == [("insert", "王")] * 3
    again = _merge(db, package, again=True)
    assert again.photos.counts["unchanged"] == 3 and again.photos.written == 0
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Photo)) == 3


def test_a_removal_on_the_laptop_travels_and_a_concurrent_removal_and_keep_keeps_the_photo(tmp_path, sqlite_db):
    laptop, case, made = _laptop(tmp_path / "a.sqlite")
    first = tmp_path / "1.zip"
    with laptop.sessions() as s:
        returns.write_return(s, first)
    _merge(sqlite_db, first)
    with laptop.begin() as s:  # the clerk removes the JPEG before photo; the supervisor keeps it and
        photos.remove_photo(s, made["前.jpg"], by=A)  # removes the HEIC one at the same time
        photos.remove_photo(s, made["前.HEIC"], by=A)
    with sqlite_db.begin() as s:
        photos.remove_photo(s, made["前.HEIC"], by=B)
    second = tmp_path / "2.zip"
    with laptop.sessions() as s:
        returns.write_return(s, second)
    report = _merge(sqlite_db, second)
    assert report.photos.counts["removed"] == 1
    with sqlite_db.sessions() as s:
        assert [e.action for e in photos.history_of(s, case)].count("delete") == 2  # his own, and the laptop's
    with sqlite_db.sessions() as s:
        assert photos.photos_of(s, case) == []  # both gone: one by the laptop, one on both sides
    # put back on the laptop after the supervisor removed it on his side too: concurrent, it stays
    with laptop.begin() as s:
        photos.restore_photo(s, made["前.jpg"], by=A)
    with sqlite_db.begin() as s:
        photos.restore_photo(s, made["前.jpg"], by=B)
        photos.remove_photo(s, made["前.jpg"], by=B)
    third = tmp_path / "3.zip"
    with laptop.sessions() as s:
        returns.write_return(s, third)
    _merge(sqlite_db, third)
    with sqlite_db.sessions() as s:
        assert [r.file_name for r in photos.photos_of(s, case)] == ["前.jpg"]  # evidence is kept


def test_undoing_the_merge_of_a_return_takes_its_photos_out_with_its_records(tmp_path, db):
    laptop, case, _ = _laptop(tmp_path / "a.sqlite")
    package = tmp_path / "r.zip"
    with laptop.sessions() as s:
        returns.write_return(s, package)
    report = _merge(db, package)
    importer.undo(db, report.batch_id, by=B)
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Photo)) == 0
        assert s.scalar(select(func.count()).select_from(Demolition)) == 0


def _rewrite(package: Path, out: Path, change) -> Path:
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = change(info.filename, source.read(info))
            if data is not None:
                target.writestr(info.filename, data)
    return out


def test_a_package_changed_after_export_is_refused_whole_and_a_bad_photo_file_is_held_back(tmp_path, db):
    laptop, case, made = _laptop(tmp_path / "a.sqlite")
    package = tmp_path / "r.zip"
    with laptop.sessions() as s:
        returns.write_return(s, package)
        jpeg_sha = s.get(Photo, made["前.jpg"]).sha256

    def edit_list(name, data):
        if name == returns.PHOTOS:
            rows = json.loads(data)
            rows[0]["role"] = "after"
            return json.dumps(rows).encode()
        return data

    edited = _rewrite(package, tmp_path / "改过.zip", edit_list)
    with pytest.raises(importer.ReadError) as refused:
        importer.read(edited)
    assert "改过.zip：photos.json 在导出后被改动过" in str(refused.value)

    def swap_photo(name, data):  # the file under the JPEG's name replaced by something else
        return photo_files.truncated_jpeg() if name == returns.FOLDER + jpeg_sha else data

    swapped = _rewrite(package, tmp_path / "换过.zip", swap_photo)
    report = _merge(db, swapped)
    assert report.photos.counts["inserted"] == 2 and report.photos.counts["held"] == 1
    assert any("前.jpg 已损坏或不完整" in line for line in report.lines())
    with db.sessions() as s:
        assert [r.file_name for r in photos.photos_of(s, case, include_removed=True)] == ["前.HEIC", "后.jpg"]

    extra = _rewrite(package, tmp_path / "多了.zip", lambda name, data: data)
    with zipfile.ZipFile(extra, "a") as archive:
        archive.writestr("../../etc/passwd", b"x")
    with pytest.raises(importer.ReadError) as strange:
        importer.read(extra)
    assert "../../etc/passwd" in str(strange.value)


def test_the_command_line_writes_and_merges_a_return_package(tmp_path):
    laptop, case, _ = _laptop(tmp_path / "a.sqlite")
    laptop.close()
    supervisor, _ = open_database(tmp_path / "s.sqlite")
    supervisor.close()

    def run(*args):
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=180
        )

    out = tmp_path / "回传.zip"
    written = run("export", "return", "--out", str(out), "--db", str(tmp_path / "a.sqlite"))
    assert written.returncode == 0, written.stderr
    assert "回传包已写入" in written.stdout and "3 张照片（3 个文件" in written.stdout
    merged = run("import", str(out), "--db", str(tmp_path / "s.sqlite"))
    assert merged.returncode == 0, merged.stderr
    assert "照片：新增 3，移除 0，放回 0，未变 0，暂缓 0。" in merged.stdout
    listed = run("photo", "list", "ZH-2026-7", "--db", str(tmp_path / "s.sqlite"))
    assert len(listed.stdout.splitlines()) == 2
    broken = tmp_path / "坏.zip"
    broken.write_bytes(out.read_bytes()[:4000])
    refused = run("import", str(broken), "--db", str(tmp_path / "s.sqlite"))
    assert refused.returncode != 0 and "Traceback" not in refused.stderr and "坏.zip" in refused.stderr
