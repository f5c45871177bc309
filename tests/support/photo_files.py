"""Photo files as phones and cameras write them, and the broken and hostile ones (tests, bench)."""

from __future__ import annotations

import io
import struct
import zlib
from datetime import datetime


def _exif(taken: datetime | None, gps: tuple[float, float] | None, orientation: int | None) -> bytes:
    from PIL import Image

    exif = Image.Exif()
    if orientation is not None:
        exif[274] = orientation
    if taken is not None:
        exif[306] = taken.strftime("%Y:%m:%d %H:%M:%S")
        exif.get_ifd(0x8769)[36867] = taken.strftime("%Y:%m:%d %H:%M:%S")
    if gps is not None:
        lat, lon = gps

        def dms(value: float):
            value = abs(value)
            d = int(value)
            m = int((value - d) * 60)
            s = round(((value - d) * 60 - m) * 60, 4)
            return (d, m, s)

        exif.get_ifd(0x8825).update(
            {1: "N" if lat >= 0 else "S", 2: dms(lat), 3: "E" if lon >= 0 else "W", 4: dms(lon)}
        )
    return exif.tobytes()


def phone_jpeg(
    width: int = 1600,
    height: int = 1200,
    *,
    taken: datetime | None = datetime(2026, 11, 20, 9, 41, 5),
    gps: tuple[float, float] | None = (36.0986, 120.4651),  # 崂山区中韩街道
    orientation: int | None = 1,
    colour=(180, 90, 40),
    quality: int = 90,
    noise: bool = False,
) -> bytes:
    """A JPEG as a phone writes one: EXIF date, GPS position and orientation."""
    from PIL import Image

    image = Image.new("RGB", (width, height), colour)
    if noise:  # a real photo's detail: a 12-megapixel one is then 4-6 MB as phones write them
        import os

        image = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    else:
        image.paste((20, 20, 200), (0, 0, width // 4, height // 8))  # a mark in the top left corner
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, exif=_exif(taken, gps, orientation))
    return out.getvalue()


def png(width: int = 640, height: int = 480) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGBA", (width, height), (10, 200, 90, 255)).save(out, "PNG")
    return out.getvalue()


def heic(width: int = 800, height: int = 600) -> bytes:
    """A HEIC file as an iPhone writes one (HEVC in HEIF), made with pillow-heif's encoder."""
    import pillow_heif
    from PIL import Image

    pillow_heif.register_heif_opener()
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 160, 30)).save(out, "HEIF", quality=70)
    return out.getvalue()


def truncated_jpeg() -> bytes:
    """A photo copied only part way (a pulled cable, a full card)."""
    data = phone_jpeg(noise=True, width=800, height=600)
    return data[: len(data) // 3]


def huge_jpeg(width: int = 16_384, height: int = 12_288) -> bytes:
    """A small file whose header claims 200 megapixels: the size is patched into the frame header."""
    data = bytearray(phone_jpeg(64, 48, taken=None, gps=None, orientation=None))
    at = data.find(b"\xff\xc0")  # SOF0: length (2), precision (1), height (2), width (2)
    struct.pack_into(">HH", data, at + 5, height, width)
    return bytes(data)


def bomb_png(side: int = 40_000) -> bytes:
    """A decompression bomb: a PNG of side x side pixels of zeros, compressed to about 1-2 MB."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)  # 1-bit grey: 200 MB of pixels unpacked
    compressor = zlib.compressobj(9)
    row = b"\x00" * (1 + side // 8)
    body = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def hostile_exif_jpeg() -> bytes:
    """A JPEG whose EXIF block lies: an IFD claiming 65,535 entries, offsets past the end, a GPS
    position of 400 degrees, a date that is not one."""
    good = phone_jpeg(320, 240, taken=None, gps=None, orientation=None)
    tiff = b"MM\x00\x2a\x00\x00\x00\x08" + struct.pack(">H", 0xFFFF)
    tiff += struct.pack(">HHII", 0x8825, 4, 1, 0x7FFFFFF0)  # GPS IFD far beyond the block
    tiff += struct.pack(">HHII", 306, 2, 20, 0x7FFFFFF0)  # a date whose text is nowhere
    tiff += struct.pack(">HHII", 274, 3, 1, 0x00630000)  # orientation 99
    app1 = b"Exif\x00\x00" + tiff
    segment = b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1
    return good[:2] + segment + good[2:]


def not_an_image() -> bytes:
    return "拆违台账 第3页\n这不是照片".encode()


def gif() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("P", (20, 20)).save(out, "GIF")
    return out.getvalue()
