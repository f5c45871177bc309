"""Photos: adding a case's phone photos, and merging a return of many, each beside its floor.

    .venv/bin/python bench/bench_photos.py [--add 20] [--megapixels 12] [--return-photos 1000]

- add: N phone photos of 4-6 MB (12 megapixels) read, checked and thumbnailed (models/photos.py,
  on every core, as the form and `photo add` do) and attached to a case in one transaction, committed.
  Floor: hashlib.sha256 of the same bytes and one raw sqlite3 executemany of them as blobs, committed.
- return: a laptop of M photos (2 MB each, on 50 cases) exported as a return package, then the
  package merged into an empty supervisor's database (`importer.commit`: the ledger, then every photo
  file checked again and stored). Floor: every photo read from the zip, hashed, and inserted as a
  blob with raw sqlite3, committed.
- the database's growth per photo (the original, its thumbnail, the row), and peak memory.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import resource
import sqlite3
import sys
import tempfile
import time
import zipfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from qdgui import i18n  # noqa: E402
from qdgui.excel import importer, returns  # noqa: E402
from qdgui.models import database, photos, repository  # noqa: E402
from qdgui.models.migrate import open_database  # noqa: E402
from qdgui.models.records import DemolitionDraft, Operator  # noqa: E402

TODAY = date(2026, 11, 21)
BY = Operator("bench", "laptop-bench")
_BEFORE_MERGE_PEAK = 0.0


def phone_photo(megapixels: float, seed: int) -> bytes:
    """A JPEG with a phone photo's entropy: 4-6 MB at 12 megapixels (noise at a quarter of the size,
    enlarged, at quality 92), with EXIF as a phone writes it."""
    from PIL import Image

    width = int((megapixels * 1e6 * 4 / 3) ** 0.5)
    height = width * 3 // 4
    noise = Image.frombytes("RGB", (width // 4, height // 4), os.urandom((width // 4) * (height // 4) * 3))
    exif = Image.Exif()
    exif[306] = f"2026:11:20 09:41:{seed % 60:02d}"
    exif[274] = 1
    out = io.BytesIO()
    noise.resize((width, height), Image.BILINEAR).save(out, "JPEG", quality=92, exif=exif.tobytes())
    return out.getvalue()


def distinct(data: bytes, n: int) -> bytes:
    """The same photo with a comment segment of its own: another file (hash), the same decoding work."""
    comment = f"qdgui bench {n}".encode()
    return data[:2] + b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + data[2:]


def _case(database, case_no: str) -> str:
    with database.begin() as s:
        return repository.add(
            s,
            DemolitionDraft(
                case_no, "370212", "370212001", "东韩社区1号", "steel", "120", "demolish", "identified", "2026-11-01"
            ),
            by=BY,
            today=TODAY,
        )


def bench_add(folder: Path, n: int, megapixels: float) -> tuple[float, float, float, float]:
    files = [phone_photo(megapixels, i) for i in range(n)]
    mean_mb = sum(map(len, files)) / n / 2**20
    # floor: hash and store the bytes, nothing else
    raw = sqlite3.connect(folder / "floor.sqlite")
    raw.execute("CREATE TABLE blob (sha256 TEXT PRIMARY KEY, data BLOB)")
    start = time.perf_counter()
    raw.executemany("INSERT INTO blob VALUES (?, ?)", [(hashlib.sha256(d).hexdigest(), d) for d in files])
    raw.commit()
    floor = time.perf_counter() - start
    raw.close()
    database, _ = open_database(folder / "add.sqlite")
    case = _case(database, "WJ-BENCH-ADD")
    before = (folder / "add.sqlite").stat().st_size
    start = time.perf_counter()
    read = photos.read_photos([(d, f"IMG_{i:04d}.JPG") for i, d in enumerate(files)])
    with database.begin() as s:
        for i, facts in enumerate(read):
            assert isinstance(facts, photos.PhotoFacts), facts
            photos.add_photo(s, "demolition", case, "before", facts, file_name=f"IMG_{i:04d}.JPG", by=BY)
    seconds = time.perf_counter() - start
    database.close()
    growth = ((folder / "add.sqlite").stat().st_size - before) / n / 2**20
    return floor, seconds, mean_mb, growth


def bench_return(folder: Path, m: int) -> tuple[float, float, float, float, float, float]:
    base = [phone_photo(6, i) for i in range(10)]  # 2 MB each
    laptop, _ = open_database(folder / "laptop.sqlite")
    cases = [_case(laptop, f"WJ-BENCH-{i:03d}") for i in range(50)]
    for first in range(0, m, 20):  # the laptop's photos added 20 at a time, as a clerk does
        names = [f"IMG_{i:05d}.JPG" for i in range(first, min(first + 20, m))]
        read = photos.read_photos([(distinct(base[i % len(base)], first + i), n) for i, n in enumerate(names)])
        with laptop.begin() as s:
            for i, facts in enumerate(read):
                photos.add_photo(s, "demolition", cases[(first + i) % 50], "before", facts, file_name=names[i], by=BY)
        del read
    package = folder / "return.zip"
    with laptop.sessions() as s:
        returns.write_return(s, package)
    laptop.close()
    size_mb = package.stat().st_size / 2**20
    # floor: every photo out of the zip, hashed, stored as a blob
    raw = sqlite3.connect(folder / "floor-return.sqlite")
    raw.execute("CREATE TABLE blob (sha256 TEXT PRIMARY KEY, data BLOB)")
    start = time.perf_counter()
    with zipfile.ZipFile(package) as archive:

        def rows():  # one photo in memory at a time, as qdgui's merge holds a few
            for name in archive.namelist():
                if name.startswith(returns.FOLDER):
                    data = archive.read(name)
                    yield hashlib.sha256(data).hexdigest(), data

        raw.executemany("INSERT INTO blob VALUES (?, ?)", rows())
    raw.commit()
    floor = time.perf_counter() - start
    raw.close()
    supervisor, _ = open_database(folder / "supervisor.sqlite")
    global _BEFORE_MERGE_PEAK
    _BEFORE_MERGE_PEAK = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    report = importer.commit(supervisor, importer.read(package), importer.ImportOptions(), by=BY, today=TODAY)
    seconds = time.perf_counter() - start
    assert report.photos is not None and report.photos.counts["inserted"] == m, report.lines()[:5]
    start = time.perf_counter()
    _case(supervisor, "WJ-BENCH-NEXT")  # the clerk's next save, while the worker copies the log
    next_save = time.perf_counter() - start
    database.wait_for_checkpoints()  # the log's copy into the file, after the merge has returned
    after = time.perf_counter() - start
    supervisor.close()
    return floor, seconds, size_mb, m / seconds, after, next_save


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--add", type=int, default=20, help="photos added to one case")
    parser.add_argument("--megapixels", type=float, default=12)
    parser.add_argument("--return-photos", type=int, default=1000, help="photos in the merged return")
    args = parser.parse_args()
    i18n.set_language("zh_CN")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        floor, seconds, mean_mb, growth = bench_add(folder, args.add, args.megapixels)
        print(f"{'measure':<52} {'qdgui':>9} {'floor':>9}")
        print(f"{f'add {args.add} photos of {mean_mb:.1f} MB to a case, s':<52} {seconds:>9.2f} {floor:>9.2f}")
        print(f"{'  database growth per photo, MB':<52} {growth:>9.2f} {mean_mb:>9.2f}")
        floor, seconds, size_mb, rate, after, next_save = bench_return(folder, args.return_photos)
        print(
            f"{f'merge a return of {args.return_photos} photos ({size_mb:,.0f} MB), s':<52} {seconds:>9.2f} {floor:>9.2f}"
        )
        print(f"{'  then the checkpoint in the background, s':<52} {after:>9.2f} {'-':>9}")
        print(f"{'  a case saved while it runs, ms':<52} {next_save * 1000:>9.1f} {'-':>9}")
        print(f"{'  photos a second':<52} {rate:>9.0f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak resident memory, MiB (before the merge)':<52} {peak:>9.0f} {_BEFORE_MERGE_PEAK:>9.0f}")


if __name__ == "__main__":
    main()
