"""Long work that reports progress and can be stopped: the shapes shared by every layer (no Qt)."""

from __future__ import annotations

from typing import Callable

ProgressCallback = Callable[[int, int], None]
"""progress(done, total): called now and then by long work; raising Cancelled from it stops the work."""


class Cancelled(Exception):
    """The user stopped the work; nothing was written."""


# The packaged program has no separate Python: it answers this first argument as the workbook reader
# (excel/workbook.py runs the parse in a child process; app.main hands this flag to it).
CHILD_READER_FLAG = "--qdgui-read-workbook"


def no_progress(done: int, total: int) -> None:
    return None
