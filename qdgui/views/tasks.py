"""Work off the GUI thread: a job in its own thread, its progress and outcome back by signal."""

from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtCore import QThread, Signal

from qdgui import logs
from qdgui.excel.files import ExportError
from qdgui.work import Cancelled, ProgressCallback


class BackgroundTask(QThread):
    """Runs `job(progress)` in its own thread; the job opens its own session.

    Progress and the outcome come back by signal; `requestInterruption()` makes the next progress
    report raise Cancelled, so the job stops at a safe point and writes nothing.
    """

    progressed = Signal(int, int)
    """Done and total units of work."""
    succeeded = Signal(object)
    """The job's result."""
    failed = Signal(str)
    """A message for the user: nothing was written."""
    cancelled = Signal()
    """The user stopped it: nothing was written."""

    def __init__(
        self,
        job: Callable[[ProgressCallback], object],
        parent=None,
        *,
        expected: tuple[type[Exception], ...] = (ExportError,),
    ):
        super().__init__(parent)
        self._job = job
        self._expected = expected  # errors whose message is already worded for the user

    def _progress(self, done: int, total: int) -> None:
        if self.isInterruptionRequested():
            raise Cancelled()
        self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            result = self._job(self._progress)
        except Cancelled:
            self.cancelled.emit()
        except self._expected as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - reported to the user, never kills the window
            from qdgui.models.database import damaged_text

            logging.getLogger("qdgui.worker").exception("background task failed")
            damaged = damaged_text(exc)
            if damaged is not None:
                self.failed.emit(damaged)
                return
            self.failed.emit(
                self.tr(
                    "An unexpected error stopped the work; nothing was written. The details are in the log file {path}"
                ).format(path=logs.log_file())
            )
        else:
            self.succeeded.emit(result)
