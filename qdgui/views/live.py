"""Other clerks' changes on a district server, shown as they happen: a thread listens for the
server's change notices (models/notices.py) and hands them to the window as Changed values."""

from __future__ import annotations

import logging

from PySide6.QtCore import QThread, Signal

from qdgui.models import notices
from qdgui.models.database import Database
from qdgui.models.server import ORIGIN

log = logging.getLogger(__name__)


class LiveChanges(QThread):
    """Emits `arrived(kind, uuids)` (uuids empty: reload the kind) for each change another program
    committed; reconnects after a lost connection, quietly (the saves say when the server is gone)."""

    arrived = Signal(str, list)

    def __init__(self, database: Database, parent=None):
        super().__init__(parent)
        self._database = database
        self.listening = False  # LISTEN is in place: from now on no committed change is missed

    def run(self) -> None:
        listener = None
        while not self.isInterruptionRequested():
            try:
                if listener is None:
                    listener = notices.Listener(self._database.engine, own_origin=ORIGIN)
                    self.listening = True
                for notice in listener.wait(0.5):
                    self.arrived.emit(notice.kind, list(notice.uuids or ()))
            except Exception as exc:  # noqa: BLE001 - the server went away: try again in a moment
                log.info("change notices paused: %s", exc)
                if listener is not None:
                    try:
                        listener.close()
                    except Exception:  # noqa: BLE001
                        pass
                listener = None
                self.listening = False
                self.msleep(2000)
        if listener is not None:
            listener.close()

    def stop(self) -> None:
        self.requestInterruption()
        self.wait(3000)
