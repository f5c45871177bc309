"""Photos of a demolition case (before / after) and of a park: read safely, kept once, as evidence."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from qdgui.models import photos, repository
from qdgui.models.tables import AuditEntry, Photo, PhotoFile
from tests.support import photo_files
from tests.support.drafts import demolition_draft

ROOT = Path(__file__).resolve().parents[2]


def _case(db, clerk, today, case_no="WJ-PHOTO-1") -> str:
    with db.begin() as s:
        return repository.add(s, demolition_draft(case_no=case_no), by=clerk, today=today)


def test_a_phone_photo_is_kept_byte_for_byte_with_its_date_position_and_an_upright_thumbnail(db, clerk, today):
    from PIL import Image

    case = _case(db, clerk, today)
    # taken with the phone held upright: stored 1600 wide, EXIF orientation 6 (turn a quarter right)
    data = photo_files.phone_jpeg(1600, 1200, orientation=6)
    facts = photos.read_photo(data, "IMG_2041.JPG")
    with db.begin() as s:
        uuid, added = photos.add_photo(s, "demolition", case, "before", facts, file_name="IMG_2041.JPG", by=clerk)
    assert added
    with db.sessions() as s:
        (row,) = photos.photos_of(s, case)
        assert photos.original(s, row.sha256) == data  # byte for byte
        thumb = Image.open(io.BytesIO(photos.thumbnail(s, row.sha256)))
        audit = s.execute(select(AuditEntry.action).where(AuditEntry.record_uuid == uuid)).scalars().all()
    assert (row.uuid, row.role, row.file_name, row.media_type) == (uuid, "before", "IMG_2041.JPG", "image/jpeg")
    assert (row.width, row.height) == (1200, 1600)  # as it is seen, upright
    assert thumb.size == (240, 320) and thumb.format == "JPEG"
    # the blue mark painted in the stored image's top left corner is at the top right once upright
    assert thumb.getpixel((230, 5))[2] > 150 and thumb.getpixel((5, 5))[2] < 100
    assert row.taken_at == datetime(2026, 11, 20, 9, 41, 5)
    assert row.latitude == pytest.approx(36.0986, abs=1e-5) and row.longitude == pytest.approx(120.4651, abs=1e-5)
    assert audit == ["insert"]


def test_the_same_photo_is_stored_once_and_not_attached_twice(db, clerk, today):
    first, second = _case(db, clerk, today, "WJ-1"), _case(db, clerk, today, "WJ-2")
    facts = photos.read_photo(photo_files.phone_jpeg(), "a.jpg")
    with db.begin() as s:
        one, added_one = photos.add_photo(s, "demolition", first, "before", facts, file_name="a.jpg", by=clerk)
        again, added_again = photos.add_photo(s, "demolition", first, "before", facts, file_name="a.jpg", by=clerk)
        photos.add_photo(s, "demolition", first, "after", facts, file_name="a.jpg", by=clerk)
        photos.add_photo(s, "demolition", second, "before", facts, file_name="copy.jpg", by=clerk)
    assert (added_one, again, added_again) == (True, one, False)
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(PhotoFile)) == 1
        assert s.scalar(select(func.count()).select_from(Photo)) == 3
        assert [r.role for r in photos.photos_of(s, first)] == ["before", "after"]


def test_a_removed_photo_comes_back_with_undo_and_its_removal_is_a_new_version(db, clerk, today):
    case = _case(db, clerk, today)
    facts = photos.read_photo(photo_files.png(), "site.png")
    with db.begin() as s:
        uuid, _ = photos.add_photo(s, "demolition", case, "after", facts, file_name="site.png", by=clerk)
    with db.begin() as s:
        assert photos.remove_photo(s, uuid, by=clerk)
    with db.sessions() as s:
        assert photos.photos_of(s, case) == []
        (gone,) = photos.photos_of(s, case, include_removed=True)
        assert gone.deleted and s.get(Photo, uuid).version == 2
        assert s.get(PhotoFile, facts.sha256) is not None  # the file stays for the undo
    with db.begin() as s:
        assert photos.restore_photo(s, uuid, by=clerk)
    with db.sessions() as s:
        assert [r.uuid for r in photos.photos_of(s, case)] == [uuid]
        actions = s.execute(select(AuditEntry.action).where(AuditEntry.record_uuid == uuid)).scalars().all()
    assert actions == ["insert", "delete", "restore"]


def test_a_heic_photo_from_an_iphone_gets_a_display_copy_qt_can_show(db, clerk, today):
    from PySide6.QtGui import QImage  # the viewer's decoder (no QApplication needed for QImage)

    case = _case(db, clerk, today)
    data = photo_files.heic(800, 600)
    facts = photos.read_photo(data, "IMG_0001.HEIC")
    assert facts.media_type == "image/heic"
    with db.begin() as s:
        photos.add_photo(s, "demolition", case, "before", facts, file_name="IMG_0001.HEIC", by=clerk)
    with db.sessions() as s:
        (row,) = photos.photos_of(s, case)
        assert photos.original(s, row.sha256) == data
        shown = QImage.fromData(photos.shown_bytes(s, row.sha256))
    assert (shown.width(), shown.height()) == (800, 600)


@pytest.mark.parametrize(
    "make, code, words",
    [
        (photo_files.not_an_image, "not_an_image", "不是 qdgui 能读取的照片"),
        (photo_files.truncated_jpeg, "damaged", "已损坏或不完整"),
        (photo_files.huge_jpeg, "too_many_pixels", "16384 x 12288 像素（201 百万像素）"),
        (photo_files.bomb_png, "too_many_pixels", "40000 x 40000 像素"),
        (photo_files.gif, "format", "GIF"),
        (lambda: b"", "empty", "是空文件"),
    ],
    ids=["text", "truncated", "200-megapixels", "decompression-bomb", "gif", "empty"],
)
def test_a_file_that_is_not_a_good_photo_is_refused_in_words_and_nothing_is_stored(make, code, words):
    import resource

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(photos.PhotoError) as refused:
        photos.read_photo(make(), "现场.jpg")
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert refused.value.code == code
    assert "现场.jpg" in str(refused.value) and words in str(refused.value)
    assert grown_mib < 100  # counted from the header: the pixels of a bomb are never decoded


def test_a_hostile_exif_block_costs_its_facts_not_the_photo():
    facts = photos.read_photo(photo_files.hostile_exif_jpeg(), "x.jpg")
    assert (facts.taken_at, facts.latitude, facts.longitude) == (None, None, None)
    assert (facts.width, facts.height) == (320, 240)  # orientation 99 is no orientation


def test_the_command_line_adds_and_lists_a_cases_photos_and_refuses_a_bad_file_whole(tmp_path, db, clerk, today):
    case_no = "LSWJ-2026-0042"
    _case(db, clerk, today, case_no)
    where = db.where if isinstance(db.where, str) else str(db.where)
    good, heic, bad = tmp_path / "前.jpg", tmp_path / "IMG_7.HEIC", tmp_path / "断.jpg"
    good.write_bytes(photo_files.phone_jpeg())
    heic.write_bytes(photo_files.heic())
    bad.write_bytes(photo_files.truncated_jpeg())

    def run(*args):
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "photo", *args, "--db", where],
            capture_output=True,
            text=True,
            timeout=120,
        )

    refused = run("add", case_no, str(good), str(bad), str(tmp_path / "无.jpg"), "--after")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "断.jpg 已损坏或不完整" in refused.stderr and "无.jpg" in refused.stderr
    assert "没有添加任何照片" in refused.stderr
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Photo)) == 0  # the good one waits for the others
    added = run("add", case_no, str(good), str(heic))
    assert added.returncode == 0, added.stderr
    assert "2 张照片已添加到案件 LSWJ-2026-0042（拆除前）" in added.stdout
    listed = run("list", case_no)
    lines = listed.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].split()[:4] == [photos.read_photo(good.read_bytes(), "").sha256, "拆除前", "2026-11-20", "09:41:05"]
    assert "日期不详" in lines[1] and "IMG_7.HEIC" in lines[1]
    missing = run("list", "NO-SUCH-CASE")
    assert missing.returncode == 1 and "没有编号为 NO-SUCH-CASE 的拆违案件" in missing.stderr


def test_on_a_server_a_photo_is_seen_and_added_only_where_its_case_is(pg_cluster, today):
    """Row-level security (models/access.py): a street clerk adds photos to his street's cases only,
    and sees no other street's photos or their files; a file already stored under another street's
    case is added without being read."""
    from qdgui.models import access
    from qdgui.models.database import write_failure
    from qdgui.models.migrate import open_database
    from qdgui.models.records import Operator

    url = pg_cluster.create_database("photos")
    admin, _ = open_database(url)
    access.init_server(admin.engine)
    access.add_user(admin.engine, access.Member("zhonghan_li", "street", "370212", "370212001"), "pw-1234")
    by = Operator("李", "laptop-z")
    facts = photos.read_photo(photo_files.phone_jpeg(), "a.jpg")
    with admin.begin() as s:
        mine = repository.add(s, demolition_draft(case_no="ZH-1"), by=by, today=today)
        other = repository.add(
            s, demolition_draft(case_no="SN-1", street_code="370212002", address="沙子口"), by=by, today=today
        )
        photos.add_photo(s, "demolition", other, "before", facts, file_name="a.jpg", by=by)
    admin.close()
    clerk = open_database(pg_cluster.url("photos", user="zhonghan_li", password="pw-1234"))[0]
    try:
        with clerk.sessions() as s:
            assert s.scalar(select(func.count()).select_from(Photo)) == 0
            assert s.scalar(select(func.count()).select_from(PhotoFile)) == 0
        with clerk.begin() as s:  # the same file, already on the server under the other street's case
            uuid, added = photos.add_photo(s, "demolition", mine, "after", facts, file_name="a.jpg", by=by)
        assert added
        with clerk.sessions() as s:
            assert [r.uuid for r in photos.photos_of(s, mine)] == [uuid]
            assert photos.original(s, facts.sha256) == facts.original  # now seen through his own case
        with pytest.raises(Exception) as refused, clerk.begin() as s:  # noqa: PT011 - the database's refusal
            s.add(
                Photo(
                    uuid="0" * 8 + "-0000-4000-8000-" + "0" * 12,
                    created_at=datetime(2026, 11, 21),
                    updated_at=datetime(2026, 11, 21),
                    operator="李",
                    device="x",
                    version=1,
                    deleted=False,
                    clock="{}",
                    record_table="demolition",
                    record_uuid=other,
                    role="before",
                    sha256=facts.sha256,
                )
            )
        assert write_failure(refused.value) is not None  # another street's case: refused in words
    finally:
        clerk.close()


def test_a_copy_another_qdgui_checked_is_checked_again_without_decoding_it_whole():
    """A return package's files (excel/returns.py): header, pixel count and end marker of the
    original, its thumbnail decoded; the facts are those read_photo gives."""
    for data in (photo_files.phone_jpeg(orientation=6), photo_files.png(), photo_files.heic()):
        full = photos.read_photo(data, "a")
        again = photos.check_copy(data, full.thumbnail, full.display, "a")
        assert again == full
    good = photos.read_photo(photo_files.phone_jpeg(), "b")
    with pytest.raises(photos.PhotoError) as cut:
        photos.check_copy(good.original[: len(good.original) - 500], good.thumbnail, None, "断.jpg")
    assert cut.value.code == "damaged" and "文件在图片结束之前就中断了" in str(cut.value)
    with pytest.raises(photos.PhotoError) as bomb:
        photos.check_copy(photo_files.bomb_png(), good.thumbnail, None, "炸.png")
    assert bomb.value.code == "too_many_pixels"
    with pytest.raises(photos.PhotoError) as no_thumb:
        photos.check_copy(good.original, b"not a jpeg", None, "b.jpg")
    assert no_thumb.value.code == "damaged"
    heic = photos.read_photo(photo_files.heic(), "c.heic")
    with pytest.raises(photos.PhotoError):  # a HEIC needs its display copy: Qt cannot show the original
        photos.check_copy(heic.original, heic.thumbnail, None, "c.heic")
