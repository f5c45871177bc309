"""A table model over one kind of record that stays fast at 100,000 rows.

Filtering, searching and sorting run in SQL and return only the matching rowids (cheap); the
displayed values are fetched a page at a time when the view asks for them, so scrolling to the
end touches one page, not every row before it.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from sqlalchemy.orm import Session, sessionmaker

from qdgui.models import listing
from qdgui.views.formatting import display

UUID_ROLE = Qt.ItemDataRole.UserRole
VERSION_ROLE = Qt.ItemDataRole.UserRole + 1
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole


class RecordTableModel(QAbstractTableModel):
    PAGE_SIZE = 60  # a screenful is about 25 rows; a page is re-read after each save
    PAGES_CACHED = 200

    rows_changed = Signal(int)
    """The number of matching records after a reload, filter or sort."""
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
        self._keys: list[int] = []
        self._pages: OrderedDict[int, list[tuple]] = OrderedDict()
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
        with self._sessions() as session:
            self._keys = listing.keys(session, self.kind, self._filters, sort=self._sort, descending=self._descending)
        self._pages.clear()
        self.endResetModel()
        self.rows_changed.emit(len(self._keys))

    def place(self, uuid: str, *, remote: bool = False) -> None:
        """Put one saved, edited, deleted or restored record where it now belongs in the open list,
        without reading every key again (a save at a million records stays a few milliseconds):
        its row leaves its old place, and enters at its sorted place if the filters still show it.
        remote: another clerk's change on a server; a record this user may not see is passed over."""
        if not self._started:
            return  # read on start(), as it stands then
        with self._sessions() as session:
            rowid = listing.rowid_of(session, self.kind, uuid)
            if rowid is None and remote:
                if uuid in self._keys:  # a server's key is the UUID: moved out of this user's place
                    old = self._keys.index(uuid)
                    self.beginRemoveRows(QModelIndex(), old, old)
                    del self._keys[old]
                    self._pages.clear()
                    self.endRemoveRows()
                    self.placed.emit(-1, len(self._keys))
                return
            if rowid is None:
                return self.reload()
            shown = listing.matches(session, self.kind, rowid, self._filters)
            read = listing.sort_key_reader(session, self.kind, sort=self._sort)
            mine = read(rowid) if shown else None
            try:
                old = self._keys.index(rowid)
            except ValueError:
                old = None
            if old is not None:
                self.beginRemoveRows(QModelIndex(), old, old)
                del self._keys[old]
                self._pages.clear()
                self.endRemoveRows()
            new = -1
            if mine is not None:
                new = self._bisect(read, mine)
                self.beginInsertRows(QModelIndex(), new, new)
                self._keys.insert(new, rowid)
                self._pages.clear()
                self.endInsertRows()
        self.placed.emit(new, len(self._keys))

    def _bisect(self, read, mine) -> int:
        """The first position whose record is listed after `mine` (about 20 one-row reads at 1M)."""
        low, high = 0, len(self._keys)
        while low < high:
            middle = (low + high) // 2
            theirs = read(self._keys[middle])
            if theirs is None or listing.ordered_before(theirs, mine, descending=self._descending):
                low = middle + 1
            else:
                high = middle
        return low

    def _page(self, number: int) -> list[tuple]:
        cached = self._pages.get(number)
        if cached is not None:
            self._pages.move_to_end(number)
            return cached
        wanted = self._keys[number * self.PAGE_SIZE : (number + 1) * self.PAGE_SIZE]
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
        self._pages[number] = rows
        if len(self._pages) > self.PAGES_CACHED:
            self._pages.popitem(last=False)
        return rows

    def _row(self, row: int) -> tuple:
        return self._page(row // self.PAGE_SIZE)[row % self.PAGE_SIZE]

    def uuid_at(self, row: int) -> str | None:
        return self._row(row)[0] if 0 <= row < len(self._keys) else None

    def version_at(self, row: int) -> int | None:
        """The version of the record as this table shows it (a deletion of an older one is refused)."""
        return self._row(row)[1] if 0 <= row < len(self._keys) else None

    # ------------------------------------------------------------------ Qt overrides
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._listing.columns)

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        # Called for every role of every visible cell at each repaint: kept to a few lookups.
        if role == _DISPLAY:
            row = index.row()
            return self._row(row)[2 + index.column()] if 0 <= row < len(self._keys) else None
        if role == _ALIGNMENT:
            return self._alignments[index.column()]
        if role == UUID_ROLE or role == VERSION_ROLE:
            row = index.row()
            if not 0 <= row < len(self._keys):
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
