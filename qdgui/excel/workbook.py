"""Reading any workbook safely: cheap checks before parsing, then the parse in a child process.

python-calamine is fast and reads legacy .xls, but a tiny file claiming a cell at XFD1048576
makes it allocate the whole range and abort the process (Python cannot catch that), and a zip
bomb or a DOCTYPE with entities can make any parser hang or explode. So:

1. the file's first bytes say what it is (zip, OLE2 legacy or encrypted, or neither);
2. for .xlsx, the zip's declared sizes and ratios are checked, every XML part's prologue is
   checked for DTDs and entities, workbook.xml and its relations are read with defusedxml, and
   each sheet's XML is streamed once (sizes bounded, CRC checked) to find its real extent, cell
   count and hidden rows;
3. calamine then runs in a child process with a memory limit and a time limit: if it dies or
   hangs, the window (and any unsaved work in it) does not.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import time
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from qdgui.i18n import QT_TRANSLATE_NOOP, translate
from qdgui.work import CHILD_READER_FLAG, Cancelled, ProgressCallback, no_progress


class ReadError(Exception):
    """The file cannot be read as a workbook; the message says why, for the user."""


@dataclass(frozen=True)
class Limits:
    file_bytes: int = 300 * 2**20  # the file on disk
    part_bytes: int = 600 * 2**20  # one XML part, inflated
    total_bytes: int = 1500 * 2**20  # all parts, inflated
    ratio: int = 200  # inflated / compressed, for parts over 1 MiB
    columns: int = 1000
    rows: int = 1_048_576
    cells: int = 25_000_000  # the rectangle calamine allocates (rows x columns)
    seconds: float = 300.0
    child_memory: int = 512 * 2**20  # the reader's address space (RLIMIT_AS), where the system allows


DEFAULT_LIMITS = Limits()


@dataclass
class RawSheet:
    """The cells of one sheet as plain Python values, 0-based; '' for an empty cell."""

    name: str
    visible: bool
    rows: list[list]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1 inclusive
    hidden_rows: set[int] = field(default_factory=set)  # 0-based


@dataclass
class RawBook:
    path: Path
    format: str  # "xlsx", "xlsb", "ods", "xls" or "csv" (also tab-separated text)
    sha256: str
    sheets: list[RawSheet]
    package: object | None = None  # a return package's photos (excel/returns.py), for the merge

    def sheet(self, name: str) -> RawSheet | None:
        return next((s for s in self.sheets if s.name == name), None)


ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")


def _fail(text: str, **params) -> ReadError:
    return ReadError(translate("Import", text).format(**params))


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(2**20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def check_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> tuple[str, dict[str, set[int]]]:
    """What the file is ("xlsx" or "xls") and the hidden rows per sheet; raises ReadError."""
    path = Path(path)
    name = path.name
    if not path.exists():
        raise _fail(QT_TRANSLATE_NOOP("Import", "{file}: no such file."), file=path)
    if path.is_dir():
        raise _fail(QT_TRANSLATE_NOOP("Import", "{file} is a folder, not a workbook."), file=path)
    size = path.stat().st_size
    if size == 0:
        raise _fail(QT_TRANSLATE_NOOP("Import", "{file} is empty (0 bytes)."), file=name)
    if size > limits.file_bytes:
        raise _fail(
            QT_TRANSLATE_NOOP("Import", "{file} is {size} MB; workbooks over {limit} MB are not read."),
            file=name,
            size=size // 2**20,
            limit=limits.file_bytes // 2**20,
        )
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
            if head.startswith(OLE_MAGIC):
                handle.seek(0)
                body = handle.read(min(size, 4 * 2**20))
                if _ENCRYPTED_STREAM in body:
                    raise _fail(
                        QT_TRANSLATE_NOOP(
                            "Import",
                            "{file} is protected by a password. Open it in Excel or WPS, remove the password "
                            "(File > Info > Protect Workbook), save, and import again.",
                        ),
                        file=name,
                    )
                return "xls", {}
    except OSError as exc:
        raise _fail(
            QT_TRANSLATE_NOOP("Import", "Cannot open {file}: {reason}"), file=name, reason=exc.strerror or exc
        ) from exc
    if not head.startswith(ZIP_MAGIC):
        from qdgui.excel.textfile import TEXT_SUFFIXES, looks_like_text

        with open(path, "rb") as handle:
            start = handle.read(65536)
        if path.suffix.lower() in TEXT_SUFFIXES and looks_like_text(start):
            return "csv", {}
        raise _fail(
            QT_TRANSLATE_NOOP(
                "Import",
                "{file} is not a workbook qdgui reads (.xlsx, .xls, .xlsb, .ods, or a CSV or tab-separated "
                ".csv/.txt file). If it is a WPS file, save it as .xlsx first.",
            ),
            file=name,
        )
    return _check_xlsx(path, limits)


_OFFICE_DOCUMENT = re.compile(
    rb'Type="[^"]*/officeDocument"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Type="[^"]*/officeDocument"'
)
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"


def _member_name(name: str) -> str:
    """A zip member's name as a package path: some writers use backslashes (seen in Chinese workbooks)."""
    return name.replace("\\", "/").lstrip("/")


def _main_part(archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo]) -> str | None:
    """The workbook part, found as Excel finds it: through the package's _rels/.rels, else the usual name."""
    rels = members.get("_rels/.rels")
    if rels is not None and rels.file_size < 2**20:
        found = _OFFICE_DOCUMENT.search(archive.read(rels))
        if found:
            target = _member_name((found.group(1) or found.group(2)).decode("utf-8", "replace"))
            if target in members:
                return target
    for usual in ("xl/workbook.xml", "xl/workbook.bin"):
        if usual in members:
            return usual
    return None


def _check_xlsx(path: Path, limits: Limits) -> tuple[str, dict[str, set[int]]]:
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            members = {_member_name(info.filename): info for info in infos}
            mimetype = members.get("mimetype")
            if mimetype is not None and archive.read(mimetype).strip() == _ODS_MIME:
                main, kind = None, "ods"
            else:
                main = _main_part(archive, members)
                kind = "xlsb" if main is not None and main.endswith(".bin") else "xlsx"
                if main is None:
                    raise _fail(
                        QT_TRANSLATE_NOOP(
                            "Import",
                            "{file} is a zip archive but not an Excel workbook (it has no workbook part).",
                        ),
                        file=name,
                    )
            total = 0
            for info in infos:
                total += info.file_size
                if info.flag_bits & 0x1:
                    raise _fail(QT_TRANSLATE_NOOP("Import", "{file} is protected by a password."), file=name)
                too_big = info.file_size > limits.part_bytes
                bomb = info.file_size > 2**20 and info.file_size > limits.ratio * max(info.compress_size, 1)
                if too_big or bomb:
                    raise _fail(
                        QT_TRANSLATE_NOOP(
                            "Import",
                            "{file}: its part {part} would inflate to {size} MB (from {packed} MB); the file "
                            "is damaged or built to overload the reader, and is not read.",
                        ),
                        file=name,
                        part=info.filename,
                        size=info.file_size // 2**20,
                        packed=round(info.compress_size / 2**20, 1),
                    )
            if total > limits.total_bytes:
                raise _fail(
                    QT_TRANSLATE_NOOP(
                        "Import", "{file} would inflate to {size} MB in all; workbooks over {limit} MB are not read."
                    ),
                    file=name,
                    size=total // 2**20,
                    limit=limits.total_bytes // 2**20,
                )
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    _check_prologue(archive, info, name)
            hidden: dict[str, set[int]] = {}
            if kind == "xlsx" and main is not None:
                # Binary (.xlsb) and OpenDocument sheets are not scanned here: the reader's memory cap holds.
                for sheet_name, part in _sheet_parts(archive, name, main, members):
                    if part in members:
                        hidden[sheet_name] = _scan_sheet(archive, members[part], sheet_name, name, limits)
            return kind, hidden
    except (zipfile.BadZipFile, zlib.error) as exc:
        raise _fail(
            QT_TRANSLATE_NOOP(
                "Import",
                "{file} is damaged (the zip archive cannot be read: {reason}). Ask the sender for the file again.",
            ),
            file=name,
            reason=exc,
        ) from exc
    except (zipfile.LargeZipFile, NotImplementedError, EOFError) as exc:
        raise _fail(
            QT_TRANSLATE_NOOP("Import", "{file} is damaged or uses an unsupported zip feature ({reason})."),
            file=name,
            reason=exc,
        ) from exc


_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


def _check_prologue(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    # A DTD can only come before the root element, so the first kilobytes tell.
    with archive.open(info) as handle:
        start = handle.read(4096)
    if _DTD.search(start):
        raise _fail(
            QT_TRANSLATE_NOOP(
                "Import",
                "{file}: the part {part} declares XML entities (a DOCTYPE), which Excel never writes; the file "
                "is not read.",
            ),
            file=name,
            part=info.filename,
        )


def _sheet_parts(
    archive: zipfile.ZipFile, name: str, main: str, members: dict[str, zipfile.ZipInfo]
) -> list[tuple[str, str]]:
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    ns = {
        "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    }
    r_id = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    try:
        book = ElementTree.fromstring(archive.read(members[main]))
        folder = posixpath.dirname(main)
        rels_name = posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels")
        targets = {}
        if rels_name in members:
            rels = ElementTree.fromstring(archive.read(members[rels_name]))
            for rel in rels.findall("rel:Relationship", ns):
                target = (
                    _member_name(rel.get("Target", ""))
                    if rel.get("Target", "").startswith(("/", "\\"))
                    else (posixpath.normpath(posixpath.join(folder, rel.get("Target", "").replace("\\", "/"))))
                )
                targets[rel.get("Id")] = target
    except DefusedXmlException as exc:
        raise _fail(
            QT_TRANSLATE_NOOP("Import", "{file}: its workbook part declares XML entities; the file is not read."),
            file=name,
        ) from exc
    except ElementTree.ParseError as exc:
        raise _fail(
            QT_TRANSLATE_NOOP("Import", "{file} is damaged (its list of sheets cannot be read: {reason})."),
            file=name,
            reason=exc,
        ) from exc
    return [
        (sheet.get("name", ""), targets.get(sheet.get(r_id), "")) for sheet in book.iterfind("m:sheets/m:sheet", ns)
    ]


_ROW = re.compile(rb"<row\b[^>]*>")
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_HIDDEN = re.compile(rb'\bhidden="(1|true)"')
_VALUED_WIDE = re.compile(rb'<c r="([A-Z]{2,3})\d+"[^>]*(?<!/)>')  # a cell holding something, column AA or beyond
_VALUED_CELL = re.compile(rb"<c\b[^>]*(?<!/)>")
_VALUED_FAR_ROW = re.compile(rb'<c r="[A-Z]{1,3}(\d{6,7})"[^>]*(?<!/)>')  # a cell holding something, row 100,000+
_CELL_ROW = re.compile(rb'\br="[A-Z]{1,3}(\d+)"')


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number


def _last_valued_row(text: bytes, current_row: int) -> int:
    """The row of the last cell holding something in this stretch of sheet XML (cells come in row
    order), found from the end: styled empty cells (`<c r="XFD1048576" s="0"/>`) do not count."""
    end = len(text)
    for _ in range(100_000):
        start = text.rfind(b"<c ", 0, end)
        if start < 0:
            return 0
        cell = _VALUED_CELL.match(text, start)
        if cell is not None:
            ref = _CELL_ROW.search(cell.group(0))
            if ref:
                return int(ref.group(1))
            row = text.rfind(b"<row", 0, start)
            number = _ROW_NUMBER.search(text, row, start) if row >= 0 else None
            return int(number.group(1)) if number else current_row
        end = start
    return current_row  # a stretch of nothing but empty cells: count it as reaching its last row


def _scan_sheet(archive, info, sheet: str, name: str, limits: Limits) -> set[int]:
    """Stream a sheet's XML once: its real extent and cell count against the limits, its hidden rows.
    The extent is that of the cells holding something: the dimension tag and styled empty cells
    (written by some programs for a formatted sheet) claim far corners the reader never allocates."""
    hidden: set[int] = set()
    max_row = cells = 0
    widest = 0
    row_index = 0
    carry = b""
    with archive.open(info) as handle:
        while True:
            chunk = handle.read(4 * 2**20)
            if not chunk:
                break
            text = carry + chunk
            cells += chunk.count(b"<c ")
            for row in _ROW.finditer(text):
                if row.end() <= len(carry):
                    continue
                number = _ROW_NUMBER.search(row.group(0))
                row_index = int(number.group(1)) if number else row_index + 1
                if _HIDDEN.search(row.group(0)):
                    hidden.add(row_index - 1)
            for cell in _VALUED_WIDE.finditer(text):
                widest = max(widest, _column_number(cell.group(1)))
            max_row = max(max_row, _last_valued_row(text, row_index))
            for cell in _VALUED_FAR_ROW.finditer(text):  # out of order, or a huge sheet: each counts
                max_row = max(max_row, int(cell.group(1)))
            carry = text[-256:]
    columns = max(widest, 26)  # single-letter columns are not scanned: assume all 26
    if max_row > limits.rows or columns > limits.columns or max_row * columns > limits.cells or cells > limits.cells:
        raise _fail(
            QT_TRANSLATE_NOOP(
                "Import",
                "{file}: sheet {sheet} reaches row {rows} and column {columns}, beyond what a ledger can hold "
                "(at most {max_columns} columns and {max_cells} cells); the file is damaged or built to overload "
                "the reader, and is not read.",
            ),
            file=name,
            sheet=sheet,
            rows=max_row,
            columns=columns,
            max_columns=limits.columns,
            max_cells=limits.cells,
        )
    return hidden


# ---------------------------------------------------------------------- the child process


CHILD_FLAG = CHILD_READER_FLAG  # the child itself: excel/reader_child.py


last_reader_peak: int | None = None  # the last reader child's peak resident size, bytes (tests, bench)


def _child_command(path: Path, memory: int) -> list[str]:
    import sys

    if getattr(sys, "frozen", False):  # the packaged program answers this flag before anything else
        return [sys.executable, CHILD_FLAG, str(path), str(memory)]
    return [
        sys.executable,
        "-c",
        "import sys; from qdgui.excel.reader_child import child_main; sys.exit(child_main(sys.argv[1:]))",
        str(path),
        str(memory),
    ]


def _parse_in_child(path: Path, limits: Limits, progress: ProgressCallback) -> list:
    import os
    import pickle
    import subprocess
    import sys

    env = dict(os.environ)
    source_root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = source_root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) if sys.platform == "win32" else 0
    child = subprocess.Popen(
        _child_command(path, limits.child_memory),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=env,
        creationflags=flags,
    )
    deadline = time.monotonic() + limits.seconds
    try:
        while True:
            try:
                out, err = child.communicate(timeout=max(0.0, min(0.05, deadline - time.monotonic())))
                break
            except subprocess.TimeoutExpired:
                progress(0, 0)  # raises Cancelled when the user stops
                if time.monotonic() > deadline:
                    raise _fail(
                        QT_TRANSLATE_NOOP(
                            "Import",
                            "{file}: reading took longer than {seconds} seconds and was stopped. The file may be "
                            "damaged or far larger than a ledger.",
                        ),
                        file=path.name,
                        seconds=round(limits.seconds, 1),
                    ) from None
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    global last_reader_peak
    last_reader_peak = None
    try:
        status, payload, last_reader_peak = pickle.loads(out)
    except Exception:  # noqa: BLE001 - the child died before writing (an abort, the memory limit)
        import signal

        if child.returncode in (-signal.SIGABRT, -signal.SIGKILL, -signal.SIGSEGV) and limits.child_memory:
            raise _fail(
                QT_TRANSLATE_NOOP(
                    "Import",
                    "{file}: reading it needs more than {limit} MB of memory (a small file can claim a cell at a far "
                    "corner of the sheet and make the reader allocate the whole range), so it is not read. Open it "
                    "in Excel or WPS, delete the empty rows and columns after the table, save, and import again.",
                ),
                file=path.name,
                limit=limits.child_memory // 2**20,
            ) from None
        raise _fail(
            QT_TRANSLATE_NOOP(
                "Import",
                "{file}: the reader stopped abnormally (code {code}); the file is damaged or too large to "
                "read. Nothing was imported.",
            ),
            file=path.name,
            code=child.returncode,
        ) from None
    if status == "memory":
        raise _fail(
            QT_TRANSLATE_NOOP("Import", "{file} needs more memory to read than a ledger should; it is not read."),
            file=path.name,
        )
    if status == "error":
        lowered = payload.lower()
        if "password" in lowered or "encrypt" in lowered:
            raise _fail(
                QT_TRANSLATE_NOOP(
                    "Import",
                    "{file} is protected by a password. Open it in Excel or WPS, remove the password, save, "
                    "and import again.",
                ),
                file=path.name,
            )
        raise _fail(
            QT_TRANSLATE_NOOP("Import", "{file} cannot be read as a workbook: {reason}"), file=path.name, reason=payload
        )
    return payload


def _read_text(path: Path, limits: Limits) -> list[list]:
    from qdgui.excel.textfile import TextTableError, read_rows

    try:
        rows, _encoding = read_rows(path, max_rows=limits.rows, max_columns=limits.columns)
    except TextTableError as exc:
        texts = {
            "encoding": QT_TRANSLATE_NOOP(
                "Import",
                "{file} is neither UTF-8 nor GBK/GB18030 text (byte {offset} cannot be read); save it again as "
                "CSV UTF-8 or as .xlsx.",
            ),
            "rows": QT_TRANSLATE_NOOP("Import", "{file} has more than {rows} rows; it is not read."),
            "columns": QT_TRANSLATE_NOOP(
                "Import", "{file}: row {row} has {columns} columns, more than {limit}; it is not read."
            ),
            "syntax": QT_TRANSLATE_NOOP("Import", "{file}: row {row} cannot be read as CSV ({detail})."),
        }
        raise _fail(texts[exc.reason], file=path.name, **exc.details) from exc
    except OSError as exc:
        raise _fail(
            QT_TRANSLATE_NOOP("Import", "Cannot open {file}: {reason}"), file=path.name, reason=exc.strerror or exc
        ) from exc
    return rows


def read_workbook(path: Path, *, limits: Limits = DEFAULT_LIMITS, progress: ProgressCallback = no_progress) -> RawBook:
    """Check, then read every worksheet of an .xlsx or .xls file; raises ReadError or Cancelled."""
    global last_reader_peak
    last_reader_peak = None
    path = Path(path)
    kind, hidden = check_file(path, limits)
    digest = file_digest(path)
    if kind == "csv":
        return RawBook(path, kind, digest, [RawSheet(path.stem, True, _read_text(path, limits))])
    sheets = []
    for name, visible, rows, merged in _parse_in_child(path, limits, progress):
        sheets.append(RawSheet(name, visible, rows, merged, hidden.get(name, set())))
    return RawBook(path, kind, digest, sheets)


__all__ = ["Cancelled", "Limits", "RawBook", "RawSheet", "ReadError", "check_file", "read_workbook"]
