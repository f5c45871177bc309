"""Photos as evidence: read a file safely, keep it once by its hash, attach it to a case or a park.

A photo file is decoded by Pillow under limits before anything is stored: not an image, a truncated
or damaged file, more pixels than a phone makes, a decompression bomb, an EXIF block that does not
parse: each is a PhotoError with the reason in the user's words, and nothing is written. What is kept
is the original byte for byte (its SHA-256 names it, so the same photo added twice is stored once), an
upright thumbnail, and for HEIC/HEIF (which Qt cannot show) an upright display copy. The camera's date
and GPS position are read from EXIF when present and sensible, and kept on the photo's row.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import false, insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from qdgui.i18n import QT_TRANSLATE_NOOP, translate
from qdgui.models.records import Operator
from qdgui.models.repository import HistoryEntry, audit_entries, first_stamps, set_deleted, utc_now
from qdgui.models.tables import PHOTO_ROLES, AuditEntry, Demolition, Park, Photo, PhotoFile

MAX_BYTES = 64 * 2**20  # a phone photo is 2-12 MB; a file larger than this is not a photo of a site
MAX_PIXELS = 64_000_000  # a 50-megapixel phone's full-resolution photo passes; 200 megapixels does not
THUMBNAIL_PX = 320  # the longer side of a thumbnail in the form
DISPLAY_PX = 2560  # the longer side of a HEIC photo's display copy
FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "HEIF": "image/heif"}
RECORD_TABLES = {"demolition": Demolition, "park": Park}
ROLES = PHOTO_ROLES  # {record kind: its photo roles}, for the forms
# A photo row's own fields (beside a record's identity and provenance): what its audit row holds.
FIELDS = ("record_table", "record_uuid", "role", "sha256", "file_name", "taken_at", "latitude", "longitude")

_MESSAGES = {
    "missing": QT_TRANSLATE_NOOP("Photos", "{file} cannot be opened: {reason}"),
    "empty": QT_TRANSLATE_NOOP("Photos", "{file} is empty."),
    "too_large": QT_TRANSLATE_NOOP(
        "Photos", "{file} is {size} MB; a photo may be at most {limit} MB. Save a smaller copy and add that."
    ),
    "not_an_image": QT_TRANSLATE_NOOP(
        "Photos", "{file} is not a photo qdgui can read (JPEG, PNG, HEIC or HEIF from a phone or camera)."
    ),
    "format": QT_TRANSLATE_NOOP(
        "Photos", "{file} is a {format} image; add photos as JPEG, PNG, HEIC or HEIF (a phone's own format)."
    ),
    "too_many_pixels": QT_TRANSLATE_NOOP(
        "Photos",
        "{file} is {width} x {height} pixels ({megapixels} megapixels), more than a photo of a site needs "
        "(at most {limit} megapixels); it may be built to overload the program. Save a smaller copy and "
        "add that.",
    ),
    "damaged": QT_TRANSLATE_NOOP(
        "Photos", "{file} is damaged or incomplete (it may not have been copied to the end): {reason}"
    ),
}


class PhotoError(ValueError):
    """A photo file that is not stored, with the reason in the user's words (str(error))."""

    def __init__(self, code: str, **details):
        self.code = code
        self.details = details
        super().__init__(translate("Photos", _MESSAGES[code]).format(**details))


@dataclass(frozen=True)
class PhotoFacts:
    """What a decoded photo file gives: its bytes to keep, and what the camera said about it."""

    sha256: str
    media_type: str
    original: bytes
    width: int  # upright
    height: int
    thumbnail: bytes
    display: bytes | None
    taken_at: datetime | None
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True)
class PhotoRow:
    """One photo of a record, as the form and the command line show it."""

    uuid: str
    role: str
    sha256: str
    media_type: str
    size: int
    width: int
    height: int
    file_name: str | None
    taken_at: datetime | None
    latitude: float | None
    longitude: float | None
    deleted: bool


def _image_module():
    """Pillow, with HEIC/HEIF read through pillow-heif (libheif), and its bomb limit set to ours."""
    from PIL import Image

    if not getattr(_image_module, "ready", False):
        try:
            import pillow_heif

            pillow_heif.register_heif_opener()
        except ImportError:  # a build without it: HEIC files are then "not a photo qdgui can read"
            pass
        Image.MAX_IMAGE_PIXELS = MAX_PIXELS
        _image_module.ready = True  # type: ignore[attr-defined]
    return Image


@contextmanager
def _decoding(data: bytes, file_name: str):
    """Pillow's errors while a photo file is opened and decoded, as the PhotoError that says them; a
    decompression bomb's warning is one. Pillow's words on a damaged EXIF block are silenced (its
    facts are dropped, see _exif_facts)."""
    image_module = _image_module()
    from PIL import UnidentifiedImageError

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        warnings.simplefilter("error", image_module.DecompressionBombWarning)
        try:
            yield image_module
        except PhotoError:  # said already (a ValueError itself)
            raise
        except (image_module.DecompressionBombError, image_module.DecompressionBombWarning):
            raise PhotoError("too_many_pixels", **_pixels(file_name, data)) from None
        except UnidentifiedImageError:
            raise PhotoError("not_an_image", file=file_name) from None
        except (OSError, ValueError, SyntaxError, EOFError, MemoryError) as exc:
            raise PhotoError("damaged", file=file_name, reason=str(exc) or type(exc).__name__) from None


def _check_bytes(data: bytes, file_name: str) -> None:
    if not data:
        raise PhotoError("empty", file=file_name)
    if len(data) > MAX_BYTES:
        raise PhotoError("too_large", file=file_name, size=round(len(data) / 2**20, 1), limit=MAX_BYTES // 2**20)


@dataclass(frozen=True)
class _Header:
    """What an opened photo's header and EXIF say, before any pixel is decoded."""

    media_type: str
    width: int  # upright (EXIF orientation applied)
    height: int
    orientation: int | None
    taken_at: datetime | None
    latitude: float | None
    longitude: float | None

    def facts(self, data: bytes, thumbnail: bytes, display: bytes | None) -> PhotoFacts:
        return PhotoFacts(
            sha256=hashlib.sha256(data).hexdigest(),
            media_type=self.media_type,
            original=data,
            width=self.width,
            height=self.height,
            thumbnail=thumbnail,
            display=display,
            taken_at=self.taken_at,
            latitude=self.latitude,
            longitude=self.longitude,
        )


def _header(image, data: bytes, file_name: str) -> _Header:
    """The format (one qdgui keeps) and the pixel count (within the cap) of an opened photo, and
    its EXIF facts."""
    if image.format not in FORMATS:
        raise PhotoError("format", file=file_name, format=image.format or "?")
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise PhotoError("too_many_pixels", **_pixels(file_name, data, image.size))
    media_type = FORMATS[image.format]
    if media_type == "image/heif" and data[4:12] in (b"ftypheic", b"ftypheix", b"ftyphevc", b"ftypheim"):
        media_type = "image/heic"
    taken_at, latitude, longitude, orientation = _exif_facts(image)
    if orientation in (5, 6, 7, 8):  # a quarter turn: the upright photo is the other way round
        width, height = height, width
    return _Header(media_type, width, height, orientation, taken_at, latitude, longitude)


def read_photo(data: bytes, file_name: str) -> PhotoFacts:
    """Decode and check a photo file's bytes; its thumbnail, display copy and EXIF facts. Raises
    PhotoError. Pixels are counted from the header before the image is decoded."""
    _check_bytes(data, file_name)
    from PIL import ImageOps

    with _decoding(data, file_name) as image_module, image_module.open(io.BytesIO(data)) as image:
        header = _header(image, data, file_name)
        if image.format == "JPEG":
            image.draft("RGB", (THUMBNAIL_PX, THUMBNAIL_PX))  # decoded at 1/2-1/8 scale, no smaller than that
        image.load()
        upright = ImageOps.exif_transpose(image) if header.orientation not in (None, 1) else image
        if upright.mode not in ("RGB", "L"):
            upright = upright.convert("RGB")
        thumbnail = _jpeg(upright, THUMBNAIL_PX)
        display = _jpeg(upright, DISPLAY_PX) if header.media_type in ("image/heic", "image/heif") else None
    return header.facts(data, thumbnail, display)


def check_copy(original: bytes, thumbnail: bytes, display: bytes | None, file_name: str) -> PhotoFacts:
    """A photo another qdgui read and checked (a return package's), checked again without decoding
    the whole original: its format and pixel count from the header, its end marker where the format
    has one (a copy cut short fails there, as it would in the decoder), and its thumbnail and display
    copy decoded in full. Raises PhotoError. About a tenth of read_photo's time for a phone photo."""
    _check_bytes(original, file_name)
    with _decoding(original, file_name) as image_module:
        with image_module.open(io.BytesIO(original)) as image:
            header = _header(image, original, file_name)
        ends = {"image/jpeg": b"\xff\xd9", "image/png": b"IEND\xaeB`\x82"}.get(header.media_type)
        if ends is not None and not original.rstrip(b"\x00").endswith(ends):
            raise PhotoError(
                "damaged", file=file_name, reason=translate("Photos", "the file ends before the picture does")
            )
        for copy in (thumbnail, display):
            if copy is None:
                continue
            try:  # a copy that does not decode makes the photo damaged, whatever Pillow calls it
                with image_module.open(io.BytesIO(copy)) as small:
                    if small.format != "JPEG" or small.width * small.height > DISPLAY_PX * DISPLAY_PX:
                        raise PhotoError("damaged", file=file_name, reason="thumbnail")
                    small.load()
            except (OSError, SyntaxError, EOFError) as exc:
                raise PhotoError("damaged", file=file_name, reason=str(exc) or type(exc).__name__) from None
    if header.media_type in ("image/heic", "image/heif") and display is None:
        raise PhotoError("damaged", file=file_name, reason="display copy")
    return header.facts(original, thumbnail, display)


def read_photos(files: list[tuple[bytes, str]]) -> list[PhotoFacts | PhotoError]:
    """read_photo of several files at once, on every core (Pillow's decoder and the hash leave the
    interpreter lock): each a PhotoFacts, or the PhotoError that refuses it, in the given order."""
    import os
    from concurrent.futures import ThreadPoolExecutor

    def one(item: tuple[bytes, str]) -> PhotoFacts | PhotoError:
        try:
            return read_photo(*item)
        except PhotoError as exc:
            return exc

    _image_module()  # set up once, before the threads
    if len(files) < 2:
        return [one(item) for item in files]
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1, len(files))) as pool:
        return list(pool.map(one, files))


def _pixels(file_name: str, data: bytes, size: tuple[int, int] | None = None) -> dict:
    if size is None:  # Pillow refused it at open: read the size again without its check
        image_module = _image_module()
        limit, image_module.MAX_IMAGE_PIXELS = image_module.MAX_IMAGE_PIXELS, None
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                with image_module.open(io.BytesIO(data)) as image:
                    size = image.size
        except Exception:  # noqa: BLE001 - only for the message
            size = (0, 0)
        finally:
            image_module.MAX_IMAGE_PIXELS = limit
    width, height = size
    return dict(
        file=file_name,
        width=width,
        height=height,
        megapixels=round(width * height / 1e6),
        limit=MAX_PIXELS // 1_000_000,
    )


def _jpeg(image, longest: int) -> bytes:
    copy = image.copy()
    copy.thumbnail((longest, longest))
    out = io.BytesIO()
    copy.save(out, "JPEG", quality=82, optimize=True)
    return out.getvalue()


def _exif_facts(image) -> tuple[datetime | None, float | None, float | None, int | None]:
    """(taken at, latitude, longitude, orientation) from EXIF; None for each that is missing or makes
    no sense. A damaged or hostile EXIF block costs its facts, not the photo."""
    with warnings.catch_warnings():  # Pillow warns of a corrupt block: its facts are dropped below
        warnings.simplefilter("ignore")
        return _exif_read(image)


def _exif_read(image) -> tuple[datetime | None, float | None, float | None, int | None]:
    try:
        exif = image.getexif()
    except Exception:  # noqa: BLE001 - any parser error in a hostile block
        return None, None, None, None
    taken = latitude = longitude = orientation = None
    try:
        raw = exif.get_ifd(0x8769).get(36867) or exif.get(306)  # DateTimeOriginal, else DateTime
        if isinstance(raw, bytes):
            raw = raw.decode("ascii", "replace")
        if isinstance(raw, str):
            taken = datetime.strptime(raw.strip("\x00 ")[:19], "%Y:%m:%d %H:%M:%S")
            if not 1990 <= taken.year <= 2100:
                taken = None
    except Exception:  # noqa: BLE001
        taken = None
    try:
        gps = exif.get_ifd(0x8825)
        lat, lon = _degrees(gps.get(2), gps.get(1), 90), _degrees(gps.get(4), gps.get(3), 180)
        if lat is not None and lon is not None and not (lat == 0 and lon == 0):
            latitude, longitude = lat, lon
    except Exception:  # noqa: BLE001
        pass
    try:
        value = exif.get(274)
        orientation = int(value) if value is not None and 1 <= int(value) <= 8 else None
    except Exception:  # noqa: BLE001
        orientation = None
    return taken, latitude, longitude, orientation


def _degrees(value, ref, limit: int) -> float | None:
    """EXIF GPS (degrees, minutes, seconds) with its N/S or E/W reference as signed degrees."""
    if not value or len(value) != 3:
        return None
    d, m, s = (float(part) for part in value)
    if not (0 <= m < 60 and 0 <= s < 60):
        return None
    degrees = d + m / 60 + s / 3600
    if isinstance(ref, bytes):
        ref = ref.decode("ascii", "replace")
    if str(ref).strip("\x00 ").upper() in ("S", "W"):
        degrees = -degrees
    return round(degrees, 7) if abs(degrees) <= limit else None


# ---------------------------------------------------------------------- stored


def store_file(session: Session, facts: PhotoFacts) -> None:
    """Keep a read photo's bytes, once per content. On a server a file may be there already under a
    photo this user does not see (another street's case): row-level security hides it, and refuses
    ON CONFLICT (which would read it), so its key answers, in a savepoint."""
    values = dict(
        sha256=facts.sha256,
        media_type=facts.media_type,
        size=len(facts.original),
        width=facts.width,
        height=facts.height,
        original=facts.original,
        thumbnail=facts.thumbnail,
        display=facts.display,
    )
    if session.get_bind().dialect.name == "sqlite":
        session.execute(sqlite_insert(PhotoFile).values(**values).on_conflict_do_nothing())
    elif session.execute(select(PhotoFile.sha256).where(PhotoFile.sha256 == facts.sha256)).first() is None:
        try:
            with session.begin_nested():
                session.execute(insert(PhotoFile).values(**values))
        except IntegrityError:
            pass  # stored already: the photo row names it (a foreign key sees past the policy)


def add_photo(
    session: Session,
    record_table: str,
    record_uuid: str,
    role: str,
    facts: PhotoFacts,
    *,
    file_name: str | None,
    by: Operator,
) -> tuple[str, bool]:
    """Attach a read photo to a record: (the photo's UUID, whether it was added). The file is stored
    once per content; the same photo already on the record in that role is not added again."""
    if role not in PHOTO_ROLES.get(record_table, ()):
        raise ValueError(f"{record_table} has no photo role {role!r}")
    table = RECORD_TABLES[record_table]
    if session.get(table, record_uuid) is None:
        raise LookupError(record_uuid)
    already = session.execute(
        select(Photo.uuid).where(
            Photo.record_uuid == record_uuid, Photo.role == role, Photo.sha256 == facts.sha256, Photo.deleted == false()
        )
    ).scalar()
    if already is not None:
        return already, False
    store_file(session, facts)
    now = utc_now()
    values = dict(
        record_table=record_table,
        record_uuid=record_uuid,
        role=role,
        sha256=facts.sha256,
        file_name=(file_name or "")[-260:] or None,
        taken_at=facts.taken_at,
        latitude=facts.latitude,
        longitude=facts.longitude,
    )
    stamps = first_stamps(session, by, now)
    uuid = stamps["uuid"]
    session.add(Photo(**stamps, **values))
    session.flush()
    for entry in audit_entries(
        "photo", uuid, "insert", [(k, None, v) for k, v in values.items()], by=by, at=now, version=1
    ):
        session.add(AuditEntry(**entry))
    session.flush()
    return uuid, True


def remove_photo(session: Session, uuid: str, *, by: Operator) -> bool:
    """Take a photo off its record (a tombstone: restore_photo undoes it; the file stays)."""
    return set_deleted(session, Photo, uuid, True, by=by)


def restore_photo(session: Session, uuid: str, *, by: Operator) -> bool:
    """Put a removed photo back (False: it is not removed, or the same photo is on the record again)."""
    row = session.get(Photo, uuid)
    if row is None:
        raise LookupError(uuid)
    again = session.execute(
        select(Photo.uuid).where(
            Photo.record_uuid == row.record_uuid,
            Photo.role == row.role,
            Photo.sha256 == row.sha256,
            Photo.deleted == false(),
        )
    ).scalar()
    if again is not None:
        return False
    return set_deleted(session, Photo, uuid, False, by=by)


def photos_of(session: Session, record_uuid: str, *, include_removed: bool = False) -> list[PhotoRow]:
    """A record's photos, before ones first, each role in the order they were added."""
    query = (
        select(
            Photo.uuid,
            Photo.role,
            Photo.sha256,
            PhotoFile.media_type,
            PhotoFile.size,
            PhotoFile.width,
            PhotoFile.height,
            Photo.file_name,
            Photo.taken_at,
            Photo.latitude,
            Photo.longitude,
            Photo.deleted,
        )
        .join(PhotoFile, PhotoFile.sha256 == Photo.sha256)
        .where(Photo.record_uuid == record_uuid)
        .order_by(Photo.role.desc(), Photo.created_at, Photo.uuid)  # 'before' ahead of 'after'
    )
    if not include_removed:
        query = query.where(Photo.deleted == false())
    return [PhotoRow(**row._asdict()) for row in session.execute(query)]


def history_of(session: Session, record_uuid: str) -> list[HistoryEntry]:
    """The photo events of a record, for its history beside its own changes: each photo added,
    removed or put back, as a change of the field photo_<role> (its file name and hash as the value)."""
    described = {
        uuid: f"{name or ''} ({sha[:8]})".strip()
        for uuid, name, sha in session.execute(
            select(Photo.uuid, Photo.file_name, Photo.sha256).where(Photo.record_uuid == record_uuid)
        )
    }
    roles = dict(session.execute(select(Photo.uuid, Photo.role).where(Photo.record_uuid == record_uuid)).all())
    entries = []
    for row in session.execute(
        select(AuditEntry)
        .where(AuditEntry.table_name == "photo", AuditEntry.record_uuid.in_(list(described)))
        .order_by(AuditEntry.id)
    ).scalars():
        what = described[row.record_uuid]
        kept = row.action in ("insert", "restore")
        entries.append(
            HistoryEntry(
                row.at,
                row.action,
                f"photo_{roles[row.record_uuid]}",
                None if kept else what,
                what if kept else None,
                row.operator,
                row.device,
                row.record_version,
            )
        )
    return entries


def thumbnail(session: Session, sha256: str) -> bytes | None:
    return session.execute(select(PhotoFile.thumbnail).where(PhotoFile.sha256 == sha256)).scalar()


def shown_bytes(session: Session, sha256: str) -> bytes | None:
    """The bytes a viewer shows: the display copy where there is one (HEIC), else the original."""
    row = session.execute(select(PhotoFile.display, PhotoFile.original).where(PhotoFile.sha256 == sha256)).first()
    if row is None:
        return None
    return row[0] if row[0] is not None else row[1]


def original(session: Session, sha256: str) -> bytes | None:
    return session.execute(select(PhotoFile.original).where(PhotoFile.sha256 == sha256)).scalar()


def case_uuid(session: Session, case_no: str) -> str | None:
    """The live demolition case with this case number (the command line names cases so)."""
    return session.execute(
        select(Demolition.uuid).where(Demolition.case_no == case_no.strip(), Demolition.deleted == false())
    ).scalar()
