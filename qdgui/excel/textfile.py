"""Reading a CSV or tab-separated ledger: its encoding (UTF-8 with or without BOM, GBK/GB18030) and its
separator found from the bytes, every cell kept as the text it is (a case number 001 stays 001)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

TEXT_SUFFIXES = (".csv", ".tsv", ".txt", ".tab")

# GB 18030-2022 moved 18 characters out of the private use area; Python's codec still decodes the
# 2005 mapping, so a file written by a 2022 encoder would show PUA characters in names.
GB18030_2022 = str.maketrans(
    {
        0xE81E: 0x9FB4,
        0xE826: 0x9FB5,
        0xE82B: 0x9FB6,
        0xE82C: 0x9FB7,
        0xE832: 0x9FB8,
        0xE843: 0x9FB9,
        0xE854: 0x9FBA,
        0xE864: 0x9FBB,
        0xE78D: 0xFE10,
        0xE78E: 0xFE12,
        0xE78F: 0xFE11,
        0xE790: 0xFE13,
        0xE791: 0xFE14,
        0xE792: 0xFE15,
        0xE793: 0xFE16,
        0xE794: 0xFE17,
        0xE795: 0xFE18,
        0xE796: 0xFE19,
    }
)


class TextTableError(Exception):
    """The text cannot be read as a table; `reason` is a key the caller words for the user."""

    def __init__(self, reason: str, **details):
        super().__init__(reason)
        self.reason = reason
        self.details = details


def looks_like_text(head: bytes) -> bool:
    """Bytes that can be a text table: no NUL outside a UTF-16 BOM file, not a known binary format."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    return b"\x00" not in head


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was written in."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "UTF-8 (BOM)"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030").translate(GB18030_2022), "GB18030"
    except UnicodeDecodeError as exc:
        raise TextTableError("encoding", offset=exc.start) from exc


def separator(text: str, suffix: str) -> str:
    if suffix in (".tsv", ".tab"):
        return "\t"
    lines = [line for line in text.splitlines()[:30] if line.strip()]
    counts = {sep: sum(line.count(sep) for line in lines) for sep in (",", "\t", ";", "，")}
    best = max(counts, key=lambda s: counts[s])
    return best if counts[best] else ","


def read_rows(path: Path, *, max_rows: int, max_columns: int) -> tuple[list[list], str]:
    """The table's rows (each cell a str, '' when empty) and the encoding found."""
    data = Path(path).read_bytes()
    text, encoding = decode(data)
    sep = separator(text, Path(path).suffix.lower())
    rows: list[list] = []
    try:
        for number, row in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=sep), start=1):
            if number > max_rows:
                raise TextTableError("rows", rows=max_rows)
            if len(row) > max_columns:
                raise TextTableError("columns", row=number, columns=len(row), limit=max_columns)
            rows.append([cell.strip() for cell in row])
    except csv.Error as exc:
        raise TextTableError("syntax", row=len(rows) + 1, detail=str(exc)) from exc
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows], encoding
