"""A table model over one kind of record that stays fast at a million rows.

Filtering, searching and sorting run in SQL. The list's length is counted and its keys (rowids,
UUIDs on a server) are read from the top: a few screenfuls first, then a few thousand at a time as
far as the view goes; a row far below is reached by its page's offset. The displayed values are
fetched a page at a time when the view asks for them.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from sqlalchemy.orm import Session, sessionmaker

from qdgui.models import listing
from qdgui.views.formatting import display

log = logging.getLogger(__name__)
UUID_ROLE = Qt.ItemDataRole.UserRole
VERSION_ROLE = Qt.ItemDataRole.UserRole + 1
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole


class RecordTableModel(QAbstractTableModel):
    PAGE_SIZE = 60  # a screenful is about 25 rows; a page is re-read after each save
    PAGES_CACHED = 200
    FIRST = 200  # keys read when the list is (re)read: a few screenfuls, as fast as ORDER BY ... LIMIT 200
    CHUNK = 5000  # keys read at a time further down (a few ms, where a million take ~1 s)
    FAR = 20  # chunks: a row further below what is read is reached by its page's offset instead

    rows_changed = Signal(int)
    """The number of matching records after a reload, filter or sort (for a list longer than the
    first read, first the rows read, then the whole count once it is known: see `counted`)."""
    _count_ready = Signal(int, int)  # (generation, count), from the counting thread
    placed = Signal(int, int)
    """One record put in its place: its row (-1 when it left the list) and the number of records."""

    def __init__(self, sessions: sessionmaker[Session], kind: str, parent=None, *, load: bool = True):
        """With load=False nothing is read until start(): a page not yet shown costs no query, and the
        sort and filters set while building it lead to one read, not one each."""
        super().__init__(parent)
        self._started = load
        self._sessions = sessions
        self.kind = kind
        self._listing = listing.LISTINGS[kind]
        self._alignments = [
            int(
                (Qt.AlignmentFlag.AlignRight if c.numeric else Qt.AlignmentFlag.AlignLeft)
                | Qt.AlignmentFlag.AlignVCenter
            )
            for c in self._listing.columns
        ]
        self._filters = listing.Filters()
        self._sort: str | None = None
        self._descending = True
        # The list is `_count` records long; `_top` holds the keys of its first rows, read a chunk at
        # a time as the view goes down; `_far` the keys of pages reached further down by offset.
        self._count = 0
        self._top: list = []
        self._far: dict[int, list] = {}
        self._pages: OrderedDict[int, list[tuple]] = OrderedDict()
        # A long list is counted in a thread of its own (count(*) of a million records is 0.1-0.2 s):
        # its first rows show at once. `_generation` tells a count of an older read from the current.
        self._generation = 0
        self._counted = True
        self._changes = 0  # records placed; a count made while one was placed is made again
        self._changes_at_count = 0
        self._count_ready.connect(self._count_arrived)
        self.reload()

    # ------------------------------------------------------------------ queries
    @property
    def filters(self) -> listing.Filters:
        return self._filters

    def set_filters(self, filters: listing.Filters) -> None:
        self._filters = filters
        self.reload()

    @property
    def started(self) -> bool:
        return self._started

    def start(self) -> None:
        """Read the records for the first time (a deferred model), with the sort and filters set so far."""
        if not self._started:
            self._started = True
            self.reload()

    def reload(self) -> None:
        if not self._started:
            return  # read on start(), with whatever sort and filters are set by then
        self.beginResetModel()
        self._generation += 1
        first = min(self.FIRST, self.CHUNK)
        with self._sessions() as session:
            self._top = self._read_keys(session, 0, first)
        self._count = len(self._top)
        self._counted = self._count < first
        self._far.clear()
        self._pages.clear()
        self.endResetModel()
        self.rows_changed.emit(self._count)
        if not self._counted:
            self._start_count()

    @property
    def counted(self) -> bool:
        """Whether rowCount() is the list's length (else the rows read so far; the count follows)."""
        return self._counted

    def _start_count(self) -> None:
        self._changes_at_count = self._changes
        generation, filters, kind, sessions, signal = (
            self._generation,
            self._filters,
            self.kind,
            self._sessions,
            self._count_ready,
        )

        def count() -> None:
            try:
                with sessions() as session:
                    found = listing.count(session, kind, filters)
                signal.emit(generation, found)
            except Exception:  # noqa: BLE001 - a lost server, a closed window: the rows read stay shown
                log.warning("counting the %s list failed", kind, exc_info=True)

        threading.Thread(target=count, name=f"count-{kind}", daemon=True).start()

    def _count_arrived(self, generation: int, found: int) -> None:
        if generation != self._generation or self._counted:
            return  # a count of a list read before (filters or sort changed since)
        if self._changes != self._changes_at_count:
            return self._start_count()  # records were placed while it counted: it may be one off
        if found < len(self._top):
            return self.reload()  # records deleted since the first rows were read
        if found > self._count:
            self.beginInsertRows(QModelIndex(), self._count, found - 1)
            self._count = found
            self._pages.clear()  # a page read while the list was shorter ends where the list ended
            self.endInsertRows()
        self._counted = True
        self.rows_changed.emit(self._count)

    def _read_keys(self, session: Session, offset: int, limit: int) -> list:
        return listing.keys(
            session,
            self.kind,
            self._filters,
            sort=self._sort,
            descending=self._descending,
            offset=offset,
            limit=limit,
        )

    @property
    def _whole(self) -> bool:
        """Whether every key of the list is read (a list of a few thousand records always is)."""
        return self._counted and len(self._top) >= self._count

    def place(self, uuid: str, *, remote: bool = False) -> None:
        """Put one saved, edited, deleted or restored record where it now belongs in the open list,
        without reading the list again (a save at a million records stays a few milliseconds): its
        row leaves its old place, and enters at its sorted place (counted by the database) if the
        filters still show it. remote: another clerk's change on a server; a record this user may
        not see is passed over."""
        if not self._started:
            return  # read on start(), as it stands then
        self._changes += 1
        with self._sessions() as session:
            found = listing.located(session, self.kind, uuid)
            if found is None and remote:
                old = self._row_of(uuid)  # a server's key is the UUID: moved out of this user's place
                if old is not None:
                    self._remove(old)
                    self.placed.emit(-1, self._count)
                return  # else one this user never saw
            if found is None:
                return self.reload()
            key, version = found
            old = self._row_of(key)
            if old is None and not self._whole and version > 1:
                # An older record not among the rows read: it may be listed further down, at a row
                # not known here. This user's own change: read the list again (its count and first
                # rows: cheap). Another clerk's: its values are read again where it is shown.
                if remote:
                    self._pages.clear()
                    return
                return self.reload()
            shown = listing.matches(session, self.kind, key, self._filters)
            mine = listing.sort_key_reader(session, self.kind, sort=self._sort)(key) if shown else None
            if old is not None:
                self._remove(old)
            new = -1
            if mine is not None:
                new = listing.position(
                    session, self.kind, self._filters, mine, sort=self._sort, descending=self._descending
                )
                self.beginInsertRows(QModelIndex(), new, new)
                if new <= len(self._top):
                    self._top.insert(new, key)
                self._count += 1
                self._far.clear()
                self._pages.clear()
                self.endInsertRows()
        self.placed.emit(new, self._count)

    def _row_of(self, key) -> int | None:
        """The row of a record among those whose keys are read, or None."""
        try:
            return self._top.index(key)
        except ValueError:
            pass
        for number, keys in self._far.items():
            if key in keys:
                return number * self.PAGE_SIZE + keys.index(key)
        return None

    def _remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        if row < len(self._top):
            del self._top[row]
        self._count -= 1
        self._far.clear()
        self._pages.clear()
        self.endRemoveRows()

    def _page_keys(self, number: int) -> list:
        start, end = number * self.PAGE_SIZE, min((number + 1) * self.PAGE_SIZE, self._count)
        if end > len(self._top) and not self._whole:
            if start > len(self._top) + self.FAR * self.CHUNK:
                keys = self._far.get(number)
                if keys is None:
                    with self._sessions() as session:
                        keys = self._far[number] = self._read_keys(session, start, end - start)
                return keys
            with self._sessions() as session:
                while len(self._top) < end:
                    more = self._read_keys(session, len(self._top), self.CHUNK)
                    self._top.extend(more)
                    if len(more) < self.CHUNK:
                        break  # fewer than counted: some were deleted since (shown empty until a reload)
        return self._top[start:end]

    def _page(self, number: int) -> list[tuple]:
        cached = self._pages.get(number)
        if cached is not None:
            self._pages.move_to_end(number)
            return cached
        wanted = self._page_keys(number)
        with self._sessions() as session:
            found = listing.page(session, self.kind, wanted)
        # A row deleted since the keys were read shows empty until the next reload. Each value is
        # formatted once here: a repaint asks for every visible cell again (~300 after a save).
        blank = (None, None) + ("",) * len(self._listing.columns)
        formats = [(c.vocabulary, c.grouped) for c in self._listing.columns]
        rows = []
        for key in wanted:
            values = found.get(key)
            if values is None:
                rows.append(blank)
                continue
            shown = [display(v, vocabulary, grouped=grouped) for v, (vocabulary, grouped) in zip(values[2:], formats)]
            rows.append((values[0], values[1], *shown))
        rows.extend([blank] * (min(self.PAGE_SIZE, self._count - number * self.PAGE_SIZE) - len(rows)))
        self._pages[number] = rows
        if len(self._pages) > self.PAGES_CACHED:
            self._pages.popitem(last=False)
        return rows

    def _row(self, row: int) -> tuple:
        return self._page(row // self.PAGE_SIZE)[row % self.PAGE_SIZE]

    def uuid_at(self, row: int) -> str | None:
        return self._row(row)[0] if 0 <= row < self._count else None

    def version_at(self, row: int) -> int | None:
        """The version of the record as this table shows it (a deletion of an older one is refused)."""
        return self._row(row)[1] if 0 <= row < self._count else None

    # ------------------------------------------------------------------ Qt overrides
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._listing.columns)

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        # Called for every role of every visible cell at each repaint: kept to a few lookups.
        if role == _DISPLAY:
            row = index.row()
            return self._row(row)[2 + index.column()] if 0 <= row < self._count else None
        if role == _ALIGNMENT:
            return self._alignments[index.column()]
        if role == UUID_ROLE or role == VERSION_ROLE:
            row = index.row()
            if not 0 <= row < self._count:
                return None
            return self._row(row)[0 if role == UUID_ROLE else 1]
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._listing.columns):
            return QCoreApplication.translate("Fields", self._listing.columns[section].label)
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def flags(self, index: QModelIndex):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._listing.columns):
            return
        self._sort = self._listing.columns[column].key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()
