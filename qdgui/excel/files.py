"""Writing workbooks safely: a temporary name moved into place, errors in the user's words, cancelling."""

from __future__ import annotations

import errno
import os
import re
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from xlsxwriter.exceptions import FileCreateError

from qdgui.i18n import translate


class ExportError(Exception):
    """A workbook could not be written; the message says why, for the user."""


_LOCKED = (errno.EACCES, errno.EPERM, errno.EBUSY, errno.ETXTBSY)


def explain(path: Path, exc: OSError) -> str:
    """What went wrong writing `path`, in the user's words."""
    if isinstance(exc, PermissionError) or exc.errno in _LOCKED:
        if path.exists() and not path.is_dir():
            return translate(
                "Excel",
                "Cannot write {path}: the file is open in another program (close it in Excel "
                "or WPS and try again), or you may not change it.",
            ).format(path=path)
        return translate(
            "Excel", "Cannot write in the folder {folder}: permission denied. Choose another folder."
        ).format(folder=path.parent)
    if exc.errno == errno.ENOSPC:
        return translate("Excel", "Cannot write {path}: the disk is full.").format(path=path)
    if exc.errno == errno.ENOENT:
        return translate("Excel", "Cannot write {path}: the folder {folder} does not exist.").format(
            path=path, folder=path.parent
        )
    if exc.errno == errno.EISDIR or path.is_dir():
        return translate("Excel", "{path} is a folder; give a file name ending in .xlsx.").format(path=path)
    return translate("Excel", "Cannot write {path}: {reason}").format(path=path, reason=exc.strerror or exc)


def check_target(path: Path) -> Path:
    """Refuse, before any work, a target the export could not produce."""
    path = Path(path)
    if path.is_dir():
        raise ExportError(translate("Excel", "{path} is a folder; give a file name ending in .xlsx.").format(path=path))
    if path.suffix.lower() != ".xlsx":
        raise ExportError(translate("Excel", "{path}: the file name must end in .xlsx.").format(path=path))
    if not path.parent.is_dir():
        raise ExportError(
            translate("Excel", "Cannot write {path}: the folder {folder} does not exist.").format(
                path=path, folder=path.parent
            )
        )
    if not os.access(path.parent, os.W_OK):
        raise ExportError(
            translate("Excel", "Cannot write in the folder {folder}: permission denied. Choose another folder.").format(
                folder=path.parent
            )
        )
    return path


@contextmanager
def atomic_target(path: Path) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success move it over the target in one step.

    A crash or a cancel leaves the previous file (if any) as it was and no half-written workbook.
    """
    path = check_target(Path(path))
    _remove_stale_parts(path)
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".xlsx.part", dir=path.parent)
    except OSError as exc:
        raise ExportError(explain(path, exc)) from exc
    os.close(handle)
    temp = Path(temp_name)
    _as_umask_allows(temp)
    try:
        yield temp
        with open(temp, "rb+") as written:
            os.fsync(written.fileno())
        try:
            os.replace(temp, path)
        except OSError as exc:
            raise ExportError(explain(path, exc)) from exc
    except OSError as exc:
        raise ExportError(explain(path, exc)) from exc
    except FileCreateError as exc:  # XlsxWriter's wrapper of the OSError that stopped it (a full disk)
        reason = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else OSError(str(exc))
        message = explain(path, reason)
        _release_failed_zip(exc)
        raise ExportError(message) from None
    finally:
        temp.unlink(missing_ok=True)


def _release_failed_zip(exc: BaseException) -> None:
    """XlsxWriter's zip file, left open by the write that failed, is closed now and quietly: its
    close fails again on the same full disk, which Python would print as an ignored exception."""
    import gc
    import sys

    previous = sys.unraisablehook

    def hook(unraisable):
        if not isinstance(unraisable.exc_value, OSError):
            previous(unraisable)

    sys.unraisablehook = hook
    try:
        for error in (exc, exc.__context__, *(a for a in exc.args if isinstance(a, BaseException))):
            if error is not None:
                error.__traceback__ = None
        gc.collect()
    finally:
        sys.unraisablehook = previous


STALE_PART_SECONDS = 600  # a part untouched this long belongs to an export that was killed


def _remove_stale_parts(path: Path) -> None:
    """Hidden parts of this workbook left by an export that was killed (the laptop died mid-write)."""
    import time

    for part in path.parent.glob(f".{path.stem}.*.xlsx.part"):
        try:
            if time.time() - part.stat().st_mtime > STALE_PART_SECONDS:
                part.unlink()
        except OSError:
            pass  # gone already, or not ours to remove: the new export does not need it gone


def _as_umask_allows(path: Path) -> None:
    """mkstemp makes files 0600; a workbook is made the way other programs make files (0666 less umask),
    so that a colleague or a shared folder can read the exported sheet."""
    if os.name == "nt":
        return
    mask = os.umask(0)
    os.umask(mask)
    try:
        os.chmod(path, 0o666 & ~mask)
    except OSError:
        pass  # a file system without modes (FAT on a USB stick): it has no 0600 either


_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def sheet_name(text: str, taken: set[str] | None = None) -> str:
    """A valid, unique Excel sheet name: no []:*?/\\, not starting or ending with ', at most 31 characters."""
    name = _SHEET_FORBIDDEN.sub("_", text).strip("'").strip() or "Sheet"
    name = name[:31]
    taken = taken if taken is not None else set()
    candidate, n = name, 2
    while candidate.lower() in {t.lower() for t in taken}:
        suffix = f"({n})"
        candidate = name[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(candidate)
    return candidate


# Text starting with these becomes a formula if someone edits the cell in Excel: write it as text
# with Excel's quote prefix so it stays text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)
