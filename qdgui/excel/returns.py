"""A laptop's return package: its ledger and its photos in one .zip, and the photos' merge.

    ledger.xlsx     the full ledger (excel/ledger.py), merged as a ledger file is
    photos.json     every photo row (removed ones too: the removal travels), its file by SHA-256
    photos/<sha256> each photo's original, byte for byte, once
    thumbs/<sha256> its thumbnail, display/<sha256> its display copy (HEIC), as the sender made them
    manifest.json   format and version, the sending database, the export time, and the SHA-256 of
                    every other entry: a package changed after export is refused

The photos merge after the ledger, in its transaction and batch (undone with it). A photo file is
checked again on arrival (its bytes must have the hash that names them, and pass models/photos.py's
limits), so a tampered package cannot bring in what the form would refuse.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import zipfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import false, select
from sqlalchemy.orm import Session

from qdgui.excel import ledger
from qdgui.excel.workbook import ReadError, file_digest
from qdgui.i18n import QT_TRANSLATE_NOOP, translate
from qdgui.models import batches, clock, photos
from qdgui.models.kinds import META_FIELDS
from qdgui.models.records import Operator
from qdgui.models.repository import audit_entries, utc_now
from qdgui.models.tables import PHOTO_ROLES, AuditEntry, ImportBatch, Meta, Photo, PhotoFile
from qdgui.work import ProgressCallback, no_progress

FORMAT, VERSION = "qdgui-return", 1
MANIFEST, LEDGER, PHOTOS, FOLDER = "manifest.json", "ledger.xlsx", "photos.json", "photos/"
THUMBS, DISPLAY = "thumbs/", "display/"  # the sender's thumbnail and (HEIC) display copy of each file
MAX_ENTRIES = 200_000
MAX_TOTAL_BYTES = 20 * 2**30  # a district's years of photos; a zip claiming more is not a return
CHECKED_AT_ONCE = 8  # new photos decoded together on every core (8 phone photos: about 50 MB held)
_PHOTO_NAME = re.compile(r"photos/([0-9a-f]{64})")
_COPY_NAME = re.compile(r"(?:thumbs|display)/[0-9a-f]{64}")
# What a package says of each photo: its own fields and its identity, clock and tombstone (its
# source file is the package; field dots it has none).
PHOTO_FIELDS = (*photos.FIELDS, *(f for f in META_FIELDS if f not in ("source_file", "dots")))


@dataclass
class ReturnPackage:
    """A read and checked return package: its ledger's path (extracted) and its photo rows."""

    path: Path
    ledger_path: Path
    manifest: dict
    rows: list[dict]
    files: set[str]  # the SHA-256 of every photo file in the package
    digest: str  # the manifest's SHA-256: the package's identity (the manifest names every entry's hash)
    folder: tempfile.TemporaryDirectory = field(repr=False)

    def photo_bytes(self, sha256: str) -> bytes:
        with zipfile.ZipFile(self.path) as archive:
            return archive.read(FOLDER + sha256)

    def close(self) -> None:
        self.folder.cleanup()


def is_return(path: Path) -> bool:
    """A .zip whose manifest says it is a qdgui return (an .xlsx is a zip too, without one)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return MANIFEST in archive.namelist() and LEDGER in archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


# ---------------------------------------------------------------------- writing


def write_return(session: Session, path: Path, *, progress: ProgressCallback = no_progress) -> dict[str, int]:
    """Write this database's return package to `path` (replaced in one step); rows written per kind,
    and 'photos' (rows) and 'photo_files' (distinct files)."""
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="qdgui-return-") as folder:
        ledger_path = Path(folder) / LEDGER
        written = ledger.write_ledger(session, ledger_path, progress=progress)
        rows = [
            {name: _jsonable(value) for name, value in row._asdict().items()}
            for row in session.execute(select(*(getattr(Photo, name) for name in PHOTO_FIELDS)).order_by(Photo.uuid))
        ]
        photos_text = json.dumps(rows, ensure_ascii=False, indent=0).encode()
        hashes = {LEDGER: file_digest(ledger_path), PHOTOS: hashlib.sha256(photos_text).hexdigest()}
        partial = path.with_name(path.name + ".part")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(ledger_path, LEDGER, compress_type=zipfile.ZIP_STORED)  # an .xlsx is compressed already
            archive.writestr(PHOTOS, photos_text)
            for sha256 in sorted({r["sha256"] for r in rows}):
                stored = session.execute(
                    select(PhotoFile.original, PhotoFile.thumbnail, PhotoFile.display).where(PhotoFile.sha256 == sha256)
                ).first()
                if stored is None:
                    continue
                original, thumbnail, display = stored
                archive.writestr(FOLDER + sha256, original, compress_type=zipfile.ZIP_STORED)  # JPEG, HEIC: compressed
                hashes[FOLDER + sha256] = sha256
                for folder_name, copy in ((THUMBS, thumbnail), (DISPLAY, display)):
                    if copy is not None:
                        archive.writestr(folder_name + sha256, copy, compress_type=zipfile.ZIP_STORED)
                        hashes[folder_name + sha256] = hashlib.sha256(copy).hexdigest()
            manifest = {
                "format": FORMAT,
                "version": VERSION,
                "database_id": session.scalar(select(Meta.value).where(Meta.key == "database_id")) or "",
                "exported_at": utc_now().isoformat(timespec="seconds"),
                "files": hashes,
            }
            archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        os.replace(partial, path)
    return {**written, "photos": len(rows), "photo_files": sum(1 for name in hashes if name.startswith(FOLDER))}


def _jsonable(value):
    return value.isoformat() if isinstance(value, datetime) else value


# ---------------------------------------------------------------------- reading


def _refused(text: str, **params) -> ReadError:
    return ReadError(translate("Returns", text).format(**params))


def read_return(path: Path) -> ReturnPackage:
    """Open and check a return package; raises ReadError with the reason in words."""
    path = Path(path)
    name = path.name
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise _refused(
            QT_TRANSLATE_NOOP("Returns", "{file} cannot be read as a return package: {reason}"), file=name, reason=exc
        ) from None
    folder = tempfile.TemporaryDirectory(prefix="qdgui-return-")
    try:
        with archive:
            infos = archive.infolist()
            if len(infos) > MAX_ENTRIES or sum(i.file_size for i in infos) > MAX_TOTAL_BYTES:
                raise _refused(
                    QT_TRANSLATE_NOOP(
                        "Returns", "{file} holds more than a return package can ({entries} entries); it is not read."
                    ),
                    file=name,
                    entries=len(infos),
                )
            names = {i.filename for i in infos}
            for needed in (MANIFEST, LEDGER, PHOTOS):
                if needed not in names:
                    raise _refused(
                        QT_TRANSLATE_NOOP("Returns", "{file} is not a qdgui return package: it has no {part}."),
                        file=name,
                        part=needed,
                    )
            try:
                manifest_bytes = archive.read(MANIFEST)
                manifest = json.loads(manifest_bytes)
                assert isinstance(manifest, dict) and isinstance(manifest.get("files"), dict)
            except Exception:  # noqa: BLE001 - any damage: one message
                raise _refused(QT_TRANSLATE_NOOP("Returns", "{file}: its manifest is damaged."), file=name) from None
            if manifest.get("format") != FORMAT or not isinstance(manifest.get("version"), int):
                raise _refused(QT_TRANSLATE_NOOP("Returns", "{file} is not a qdgui return package."), file=name)
            if manifest["version"] > VERSION:
                raise _refused(
                    QT_TRANSLATE_NOOP(
                        "Returns",
                        "{file} was written by a newer qdgui (package version {version}); update this program first.",
                    ),
                    file=name,
                    version=manifest["version"],
                )
            listed = manifest["files"]
            for info in infos:
                if info.filename == MANIFEST:
                    continue
                photo = _PHOTO_NAME.fullmatch(info.filename)
                if info.filename not in (LEDGER, PHOTOS) and photo is None and not _COPY_NAME.fullmatch(info.filename):
                    raise _refused(
                        QT_TRANSLATE_NOOP(
                            "Returns", "{file} holds {entry}, which no return package holds; it is not read."
                        ),
                        file=name,
                        entry=info.filename,
                    )
                if photo is not None and info.file_size > photos.MAX_BYTES:
                    raise _refused(
                        QT_TRANSLATE_NOOP("Returns", "{file}: the photo {entry} is larger than a photo may be."),
                        file=name,
                        entry=info.filename,
                    )
                if info.filename in (LEDGER, PHOTOS):
                    data = archive.read(info)
                    if listed.get(info.filename) != hashlib.sha256(data).hexdigest():
                        raise _refused(
                            QT_TRANSLATE_NOOP(
                                "Returns",
                                "{file}: {entry} was changed after the package was exported (its check does not "
                                "match the manifest); it is not merged. Ask for a new export.",
                            ),
                            file=name,
                            entry=info.filename,
                        )
                    if info.filename == LEDGER:
                        (Path(folder.name) / LEDGER).write_bytes(data)
                    else:
                        photos_text = data
            try:
                rows = json.loads(photos_text)
                assert isinstance(rows, list) and all(isinstance(r, dict) for r in rows)
            except Exception:  # noqa: BLE001
                raise _refused(QT_TRANSLATE_NOOP("Returns", "{file}: its photo list is damaged."), file=name) from None
            files = {m.group(1) for n in names if (m := _PHOTO_NAME.fullmatch(n))}
    except BaseException:
        folder.cleanup()
        raise
    digest = hashlib.sha256(manifest_bytes).hexdigest()
    return ReturnPackage(path, Path(folder.name) / LEDGER, manifest, rows, files, digest, folder)


# ---------------------------------------------------------------------- merging


@dataclass
class PhotoMerge:
    counts: Counter = field(default_factory=Counter)
    held: list[str] = field(default_factory=list)  # why photos were held back, in words

    @property
    def written(self) -> int:
        return sum(self.counts[k] for k in ("inserted", "removed", "restored", "kept"))

    def lines(self) -> list[str]:
        c = self.counts
        return [
            translate(
                "Returns",
                "Photos: new {inserted}, removed {removed}, put back {restored}, unchanged {unchanged}, held back {held}.",
            ).format(**{k: c[k] for k in ("inserted", "removed", "restored", "unchanged", "held")}),
            *self.held,
        ]


def merge_photos(session: Session, package: ReturnPackage, *, batch: ImportBatch, by: Operator) -> PhotoMerge:
    """Bring the package's photos in after its ledger: new photos inserted (their files checked),
    removals and restorations that follow from this database's copy applied, the rest left (a
    preview is the same merge, rolled back by the caller)."""
    with zipfile.ZipFile(package.path) as archive:
        return _PhotoMerger(session, package, archive, batch, by).run()


class _PhotoMerger:
    """One package's photos merged into one session, in the ledger's batch."""

    def __init__(self, session: Session, package: ReturnPackage, archive, batch: ImportBatch, by: Operator):
        self.session, self.package, self.archive, self.batch, self.by = session, package, archive, batch, by
        self.result = PhotoMerge()
        self.now = utc_now()
        self.pending: list[dict] = []  # new photos, checked a few at a time on every core (bounded memory)
        self.live_here: set[tuple] = set()  # (record, role, file) of the live photos inserted by this merge

    def run(self) -> PhotoMerge:
        for row in self.package.rows:
            self._merge(row)
        self._insert_pending()
        return self.result

    def _hold(self, text: str, row: dict | None = None) -> None:
        self.result.counts["held"] += 1
        self.result.held.append(text)
        if row is not None:
            self.live_here.discard((row["record_uuid"], row["role"], row["sha256"]))

    def _merge(self, row: dict) -> None:
        session = self.session
        problem = _row_problem(row, self.package)
        if problem is not None:
            return self._hold(problem)
        table = photos.RECORD_TABLES[row["record_table"]]
        if session.get(table, row["record_uuid"]) is None:
            return self._hold(
                translate(
                    "Returns", "Held back: photo {file} of a record that is not in this database ({uuid})."
                ).format(file=row.get("file_name") or row["sha256"][:12], uuid=row["record_uuid"])
            )
        local = session.get(Photo, row["uuid"])
        if local is None:
            key = (row["record_uuid"], row["role"], row["sha256"])
            if not row["deleted"] and (key in self.live_here or _live_copy(session, row) is not None):
                self.result.counts["unchanged"] += 1  # the same photo, added to the same case on both laptops
                return None
            if not row["deleted"]:
                self.live_here.add(key)
            self.pending.append(row)
            if len(self.pending) >= CHECKED_AT_ONCE:
                self._insert_pending()
            return None
        return self._update(local, row)

    def _insert_pending(self) -> None:
        if not self.pending:
            return
        session, package = self.session, self.package
        stored = set(
            session.scalars(select(PhotoFile.sha256).where(PhotoFile.sha256.in_({r["sha256"] for r in self.pending})))
        )
        new = [r for r in self.pending if r["sha256"] not in stored]  # a file already here needs no second look
        files = [(r, _entries(self.archive, package, r)) for r in new]  # read here: a zip is read by one thread
        with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:  # hashing leaves the lock
            checked = dict(zip((r["uuid"] for r in new), pool.map(lambda item: _checked_copy(*item), files)))
        added: list[Photo] = []
        for row in self.pending:
            facts = checked.get(row["uuid"])
            if isinstance(facts, photos.PhotoError):
                self._hold(translate("Returns", "Held back: {reason}").format(reason=facts), row)
                continue
            if facts is not None and facts.sha256 != row["sha256"]:
                self._hold(
                    translate("Returns", "Held back: the photo file {sha} does not hold what its name says.").format(
                        sha=row["sha256"][:12]
                    ),
                    row,
                )
                continue
            if facts is not None:
                photos.store_file(session, facts)
            added.append(Photo(**_row_values(row, package.path.name)))
            self.result.counts["inserted"] += 1
        session.add_all(added)
        session.flush()  # the batch's rows at once, after their files
        for photo in added:
            batches.note(session, self.batch, photo, None)
            changes = [(f, None, getattr(photo, f)) for f in photos.FIELDS]
            _audit(session, photo, "insert", changes, by=self.by, at=self.now)
        self.pending.clear()

    def _update(self, local: Photo, row: dict) -> None:
        """A photo both sides hold: the package's removal or restoration where it follows from ours."""
        session = self.session
        incoming_clock, local_clock = clock.parse(row["clock"]), clock.parse(local.clock)
        order = clock.compare(local_clock, incoming_clock)
        if order in (clock.EQUAL, clock.AFTER) or bool(row["deleted"]) == local.deleted and order != clock.BEFORE:
            if order == clock.CONCURRENT:  # the same state reached on both sides: one clock for it
                before = batches.snapshot(local)
                local.clock = clock.dumps(clock.join(local_clock, incoming_clock))
                session.flush()
                batches.note(session, self.batch, local, before)
            self.result.counts["unchanged"] += 1
            return
        before, before_deleted = batches.snapshot(local), local.deleted
        if order == clock.BEFORE:  # the package's copy follows from this one: take it
            deleted = bool(row["deleted"])
        else:  # removed on one side, kept or put back on the other: the photo stays (evidence)
            deleted = False
        if not deleted and local.deleted and _live_copy(session, row, excluding=local.uuid) is not None:
            self.result.counts["unchanged"] += 1  # put back while the same photo is on the record again
            return
        local.deleted = deleted
        local.clock = clock.dumps(clock.join(local_clock, incoming_clock))
        local.version = max(local.version, int(row["version"])) + (0 if order == clock.BEFORE else 1)
        local.updated_at = max(self.now, local.created_at)
        local.operator, local.device = str(row["operator"])[:50], str(row["device"])[:80]
        local.source_file = self.package.path.name[-260:]
        session.flush()
        batches.note(session, self.batch, local, before)
        if deleted != before_deleted:  # the case's history shows the photo removed or put back
            action = "delete" if deleted else "restore"
            _audit(session, local, action, [("deleted", before_deleted, deleted)], by=self.by, at=self.now)
        self.result.counts["removed" if deleted else ("restored" if before_deleted else "kept")] += 1


def _audit(session: Session, photo: Photo, action: str, changes: list, *, by: Operator, at: datetime) -> None:
    for entry in audit_entries("photo", photo.uuid, action, changes, by=by, at=at, version=photo.version):
        session.add(AuditEntry(**entry))


def _entries(archive: zipfile.ZipFile, package: ReturnPackage, row: dict) -> tuple[bytes, list]:
    """A new photo's original and its copies (thumbnail, display) from the package; a copy whose
    hash is not the manifest's is a PhotoError in its place."""
    sha, name = row["sha256"], row.get("file_name") or row["sha256"][:12]
    listed = package.manifest["files"]
    copies: list = []
    for folder_name in (THUMBS, DISPLAY):
        entry = folder_name + sha
        if entry not in listed:
            copies.append(None)
            continue
        try:
            data = archive.read(entry)
        except KeyError:
            data = b""
        if hashlib.sha256(data).hexdigest() != listed[entry]:
            return b"", [photos.PhotoError("damaged", file=name, reason=entry)]
        copies.append(data)
    return archive.read(FOLDER + sha), copies


def _checked_copy(row: dict, entries: tuple[bytes, list]):
    """The package's file of a new photo, checked (models/photos.check_copy): its PhotoFacts, or the
    PhotoError that holds it back."""
    name = row.get("file_name") or row["sha256"][:12]
    original, copies = entries
    if copies and isinstance(copies[0], photos.PhotoError):
        return copies[0]
    if not copies or copies[0] is None:
        return photos.PhotoError("damaged", file=name, reason="thumbnail")
    try:
        return photos.check_copy(original, copies[0], copies[1], name)
    except photos.PhotoError as exc:
        return exc


def _row_problem(row: dict, package: ReturnPackage) -> str | None:
    def held(why: str) -> str:
        return translate("Returns", "Held back: a photo row of {file} is damaged ({why}).").format(
            file=package.path.name, why=why
        )

    missing = [f for f in PHOTO_FIELDS if f not in row]
    if missing:
        return held(", ".join(missing))
    if not (isinstance(row["uuid"], str) and len(row["uuid"]) == 36):
        return held("uuid")
    if row["role"] not in PHOTO_ROLES.get(row["record_table"], ()):
        return held("role")
    if not (isinstance(row["sha256"], str) and re.fullmatch(r"[0-9a-f]{64}", row["sha256"])):
        return held("sha256")
    if row["sha256"] not in package.files and not row["deleted"]:
        return held("file")
    for name in ("latitude", "longitude"):
        value = row[name]
        if value is not None and not (
            isinstance(value, (int, float)) and abs(value) <= (90 if name == "latitude" else 180)
        ):
            return held(name)
    try:
        for name in ("created_at", "updated_at", "taken_at"):
            if row[name] is not None:
                datetime.fromisoformat(row[name])
        int(row["version"])
        clock.parse(row["clock"])
    except (TypeError, ValueError):
        return held("dates, version or clock")
    return None


def _row_values(row: dict, source_file: str) -> dict:
    values = {name: row[name] for name in PHOTO_FIELDS}
    for name in ("created_at", "updated_at", "taken_at"):
        values[name] = datetime.fromisoformat(row[name]) if row[name] else None
    values["deleted"] = bool(row["deleted"])
    values["version"] = max(1, int(row["version"]))
    values["operator"], values["device"] = str(row["operator"])[:50], str(row["device"])[:80]
    values["file_name"] = (row["file_name"] or "")[-260:] or None
    values["source_file"] = source_file[-260:]
    values["dots"] = "{}"
    if values["updated_at"] < values["created_at"]:
        values["updated_at"] = values["created_at"]
    return values


def _live_copy(session: Session, row: dict, excluding: str | None = None):
    query = select(Photo.uuid).where(
        Photo.record_uuid == row["record_uuid"],
        Photo.role == row["role"],
        Photo.sha256 == row["sha256"],
        Photo.deleted == false(),
    )
    if excluding is not None:
        query = query.where(Photo.uuid != excluding)
    return session.scalar(query)
