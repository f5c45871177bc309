"""The full ledger (台账): every record of every kind, one sheet each, readable back without loss."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import xlsxwriter
from sqlalchemy import Integer, false, func, or_, select, type_coerce
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session, aliased

import qdgui
from qdgui.excel.files import atomic_target, looks_like_formula, sheet_name
from qdgui.i18n import QT_TRANSLATE_NOOP, translate
from qdgui.models import kinds, vocab
from qdgui.models.portable import stored_timestamp
from qdgui.models.records import field_label
from qdgui.models.tables import RECORD_TABLES, Community, Division, Meta, Project
from qdgui.work import ProgressCallback, no_progress

FORMAT_NAME = "qdgui-ledger"
FORMAT_VERSION = 3  # 2: a version clock column; 3: field versions (dots) and a content hash
META_SHEET = "qdgui"
WORKBOOK_OPTIONS = {
    "constant_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}


@dataclass(frozen=True)
class LedgerColumn:
    key: str  # the record field (or "<field>:name" for a name shown beside a reference)
    kind: str  # text, int, decimal, date, timestamp, bool, division, vocab, ref, display
    label: str | None = None  # English source in the "Excel" context; default: the field's label
    vocabulary: dict | None = None
    width: int = 14

    @property
    def field(self) -> str:
        return self.key.split(":", 1)[0]

    def header(self) -> str:
        return translate("Excel", self.label) if self.label else field_label(self.key)


def _c(key, kind="text", label=None, vocabulary=None, width=14):
    return LedgerColumn(key, kind, label, vocabulary, width)


_HEAD = (_c("uuid", label=QT_TRANSLATE_NOOP("Excel", "Record ID (UUID)"), width=38),)
_TAIL = (
    _c("version", "int", width=8),
    _c("created_at", "timestamp", QT_TRANSLATE_NOOP("Excel", "Created (UTC)"), width=27),
    _c("updated_at", "timestamp", QT_TRANSLATE_NOOP("Excel", "Updated (UTC)"), width=27),
    _c("operator", width=10),
    _c("device", label=QT_TRANSLATE_NOOP("Excel", "Device"), width=16),
    _c("deleted", "bool", width=8),
    _c("source_file", label=QT_TRANSLATE_NOOP("Excel", "Merged from file"), width=20),
    _c("clock", label=QT_TRANSLATE_NOOP("Excel", "Version clock"), width=20),
    _c("dots", label=QT_TRANSLATE_NOOP("Excel", "Field versions"), width=20),
)
# The ledger's own part: how wide each column is, and what a reference's two columns are called.
_WIDTHS = {
    "name": 24,
    "campaign_area": 20,
    "district_code": 10,
    "street_code": 14,
    "remarks": 30,
    "year": 8,
    "plan_year": 8,
    "measure": 22,
    "signed_on": 11,
    "found_on": 11,
    "done_on": 11,
    "started_on": 11,
    "completed_on": 11,
    "agreement_no": 18,
    "case_no": 18,
    "address": 30,
    "key_zone": 16,
    "enforcement_unit": 16,
    "disposal": 8,
    "status": 8,
}
_KIND_WIDTHS = {("community", "name"): 16, ("community", "kind"): 8}
_REFERENCE_COLUMNS = {
    "project": (QT_TRANSLATE_NOOP("Excel", "Project ID"), QT_TRANSLATE_NOOP("Excel", "Project name"), 24),
    "community": (
        QT_TRANSLATE_NOOP("Excel", "Community/village ID"),
        QT_TRANSLATE_NOOP("Excel", "Community/village name"),
        14,
    ),
}
_COLUMN_KIND = {
    "text": "text",
    "multiline": "text",
    "int": "int",
    "year": "int",
    "decimal": "decimal",
    "date": "date",
    "choice": "vocab",
    "division": "division",
}


def _columns(info: kinds.KindInfo) -> tuple[LedgerColumn, ...]:
    """A kind's ledger columns, in the registry's order: a reference gets its ID and, beside it, its name."""
    out: list[LedgerColumn] = []
    for field in info.fields:
        if field.type == "reference":
            id_label, name_label, name_width = _REFERENCE_COLUMNS[field.references]
            out.append(_c(field.name, "ref", id_label, width=38))
            out.append(_c(f"{field.name}:name", "display", name_label, width=name_width))
        else:
            width = _KIND_WIDTHS.get((info.name, field.name), _WIDTHS.get(field.name, 14))
            out.append(_c(field.name, _COLUMN_KIND[field.type], vocabulary=field.vocabulary, width=width))
    return (*_HEAD, *out, *_TAIL)


COLUMNS: dict[str, tuple[LedgerColumn, ...]] = {name: _columns(info) for name, info in kinds.KINDS.items()}

# Sheet order: what others refer to comes first, so a reader can insert in this order.
SHEET_TITLES = {name: info.title for name, info in kinds.KINDS.items()}
KINDS = tuple(SHEET_TITLES)

_NUMBER_FORMATS = {0: "#,##0", 1: "#,##0.0", 2: "#,##0.00", 3: "#,##0.000"}


def _places(table, field: str) -> int:
    """Decimal places a field is kept to, as the registry says (tests/unit/test_kinds.py: the ORM agrees)."""
    return kinds.KINDS[table.__tablename__].field(field).places


def _in_scope(kind: str, scope: tuple[str, str | None] | None) -> list:
    """Conditions keeping a kind's records of one district, or of one street (district, street):
    its records, targets and villages, and its district's projects (which its records count toward)."""
    if scope is None:
        return []
    district, street = scope
    table = RECORD_TABLES[kind]
    if kind == "community":
        if street is not None:
            return [table.street_code == street]
        streets = select(Division.code).where(Division.parent_code == district).scalar_subquery()
        return [table.street_code.in_(streets)]
    conditions = [table.district_code == district]
    if street is not None and kind != "project":
        # a target for the whole district is the street's share of it too (kept, as the form shows it)
        street_match = table.street_code == street
        conditions.append(or_(street_match, table.street_code.is_(None)) if kind == "annual_target" else street_match)
    return conditions


def _query(kind: str, *, include_deleted: bool, scope: tuple[str, str | None] | None = None):
    """The rows of a kind as plain tuples in column order; scaled numbers stay integers (fast, exact)."""
    table = RECORD_TABLES[kind]
    joined_project, joined_community = aliased(Project), aliased(Community)
    selected, query_joins = [], []
    for column in COLUMNS[kind]:
        if column.kind == "display":
            target = joined_project if column.field == "project_uuid" else joined_community
            selected.append(target.name)
            query_joins.append((target, target.uuid == getattr(table, column.field)))
            continue
        attribute = getattr(table, column.field)
        if column.kind == "decimal":
            attribute = type_coerce(attribute, Integer)
        elif column.kind == "timestamp":
            attribute = stored_timestamp(attribute)  # as SQLite stores it: ISO text to the microsecond
        selected.append(attribute)
    query = select(*selected).select_from(table)
    for target, on in query_joins:
        query = query.outerjoin(target, on)
    if not include_deleted:
        query = query.where(table.deleted == false())
    return query.where(*_in_scope(kind, scope)).order_by(table.created_at, table.uuid)


def count_rows(
    session: Session, kinds=KINDS, *, include_deleted: bool = True, scope: tuple[str, str | None] | None = None
) -> int:
    total = 0
    for kind in kinds:
        table = RECORD_TABLES[kind]
        query = select(func.count()).select_from(table).where(*_in_scope(kind, scope))
        if not include_deleted:
            query = query.where(table.deleted == false())
        total += session.scalar(query)
    return total


class _Formats:
    def __init__(self, book: xlsxwriter.Workbook):
        self.header = book.add_format(
            {
                "bold": True,
                "bg_color": "#DDE7F3",
                "border": 1,
                "text_wrap": True,
                "valign": "vcenter",
                "align": "center",
            }
        )
        self.date = book.add_format({"num_format": "yyyy-mm-dd"})
        self.numbers = {p: book.add_format({"num_format": f}) for p, f in _NUMBER_FORMATS.items()}
        self.text = book.add_format({"num_format": "@"})
        self.quoted = book.add_format({"num_format": "@", "quote_prefix": True})


def _cell_writers(sheet, columns, kind: str, formats: _Formats, *, codes: bool, divisions: dict[str, str]):
    """One (column index, write function) per column: the type is decided once, not per cell."""
    table = RECORD_TABLES[kind]
    write_string, write_number, write_datetime = sheet.write_string, sheet.write_number, sheet.write_datetime
    text_format, quoted = formats.text, formats.quoted

    def text(r, c, v):
        write_string(r, c, v, quoted if looks_like_formula(v) else text_format)

    def number(r, c, v):
        write_number(r, c, v)

    def day(r, c, v):
        write_datetime(r, c, v, formats.date)

    def lookup(names: dict):
        def write(r, c, v):
            text(r, c, names.get(v, v))

        return write

    def scaled(places: int):
        divisor, number_format = 10**places, formats.numbers[places]

        def write(r, c, v):
            write_number(r, c, v / divisor, number_format)  # int / int: the double nearest the decimal

        return write

    def yes_no(r, c, v):
        write_string(r, c, translate("Excel", "yes") if v else translate("Excel", "no"))

    writers = []
    for column in columns:
        if column.kind in ("text", "ref", "display", "timestamp"):
            write = text
        elif column.kind == "int":
            write = number
        elif column.kind == "decimal":
            write = scaled(_places(table, column.field))
        elif column.kind == "date":
            write = day
        elif column.kind == "bool":
            write = yes_no
        elif column.kind == "division":
            write = text if codes else lookup(divisions)
        elif column.kind == "vocab":
            write = (
                text if codes else lookup({code: vocab.label(column.vocabulary, code) for code in column.vocabulary})
            )
        else:
            raise AssertionError(column.kind)
        writers.append(write)
    return writers


def _canon(cell) -> str:
    """A cell as its text for the content hash, the same whether written here or read back."""
    if cell is None or cell == "":
        return ""
    if isinstance(cell, str):
        return cell
    if isinstance(cell, float | int) and not isinstance(cell, bool):
        return repr(float(cell))
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == datetime.min.time() else cell.isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    return str(cell)


def _cell_canons(columns, kind: str, *, codes: bool, divisions: dict[str, str]):
    """Per column, the text the content hash takes for a stored value: what its cell will read back as."""
    table = RECORD_TABLES[kind]
    yes, no = translate("Excel", "yes"), translate("Excel", "no")

    def scaled(places: int):
        divisor = 10**places
        return lambda v: repr(v / divisor)

    def lookup(names: dict):
        return lambda v: names.get(v, v)

    canons = []
    for column in columns:
        if column.kind in ("text", "ref", "display", "timestamp"):
            canon = str
        elif column.kind == "int":
            canon = lambda v: repr(float(v))  # noqa: E731
        elif column.kind == "decimal":
            canon = scaled(_places(table, column.field))
        elif column.kind == "date":
            canon = date.isoformat
        elif column.kind == "bool":
            canon = lambda v: yes if v else no  # noqa: E731
        elif column.kind == "division":
            canon = str if codes else lookup(divisions)
        elif column.kind == "vocab":
            canon = str if codes else lookup({code: vocab.label(column.vocabulary, code) for code in column.vocabulary})
        else:
            raise AssertionError(column.kind)
        canons.append(canon)
    return canons


ROW_CHECK = "row_check"  # the last column: a check of the row's other cells, to find rows changed by hand
ROW_CHECK_LABEL = QT_TRANSLATE_NOOP("Excel", "Row check")


def row_check(texts) -> str:
    """A row's check: the first 16 hex digits of SHA-256 over its cells as text (see _canon)."""
    return hashlib.sha256("\x1f".join(texts).encode("utf-8", "surrogatepass")).hexdigest()[:16]


class ContentHash:
    """SHA-256 of a ledger's sheets (sheet names, column keys, every row's check): a return whose
    rows were changed, added or removed by hand after export reads back to another hash."""

    def __init__(self):
        self._hash = hashlib.sha256()

    def sheet(self, name: str, kind: str, keys) -> None:
        self._hash.update("\x1d".join((name, kind, *keys)).encode("utf-8") + b"\n")

    def row(self, check: str) -> None:
        self._hash.update(check.encode("ascii", "replace"))

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


def write_ledger(
    session: Session,
    path: Path,
    *,
    codes: bool = False,
    include_deleted: bool = True,
    kinds=KINDS,
    progress: ProgressCallback = no_progress,
    scope: str | None = None,
) -> dict[str, int]:
    """Write every record of the kinds to `path` (replaced in one step); returns rows written per kind.

    Deleted records are kept (marked in the Deleted column) unless asked otherwise: another laptop
    merging this file needs them to delete its copies. scope: a district's or a street's code, for
    its records only (None: all).
    """
    place = None
    if scope is not None:
        found = session.execute(select(Division.level, Division.parent_code).where(Division.code == scope)).first()
        if found is not None and found[0] == "township":
            place = (found[1], scope)
        elif found is not None and found[0] == "county":
            place = (scope, None)
        else:
            raise ValueError(f"not a district or street: {scope}")
    total = count_rows(session, kinds, include_deleted=include_deleted, scope=place)
    divisions = dict(session.execute(select(Division.code, Division.name)).all())
    database_id = session.scalar(select(Meta.value).where(Meta.key == "database_id")) or ""
    written: dict[str, int] = {}
    done = 0
    content = ContentHash()
    progress(0, total)
    with atomic_target(path) as temp:
        book = xlsxwriter.Workbook(str(temp), WORKBOOK_OPTIONS)
        try:
            formats = _Formats(book)
            taken: set[str] = {META_SHEET}
            layout = []
            for kind in kinds:
                columns = COLUMNS[kind]
                name = sheet_name(translate("Excel", SHEET_TITLES[kind]), taken)
                sheet = book.add_worksheet(name)
                layout.append((name, kind, columns))
                for c, column in enumerate(columns):
                    sheet.set_column(c, c, column.width)
                    sheet.write_string(0, c, column.header(), formats.header)
                check_column = len(columns)
                sheet.set_column(check_column, check_column, 18)
                sheet.write_string(0, check_column, translate("Excel", ROW_CHECK_LABEL), formats.header)
                sheet.set_row(0, 30)
                sheet.freeze_panes(1, 1)
                writers = list(
                    enumerate(_cell_writers(sheet, columns, kind, formats, codes=codes, divisions=divisions))
                )
                canons = _cell_canons(columns, kind, codes=codes, divisions=divisions)
                content.sheet(name, kind, [*(c.key for c in columns), ROW_CHECK])
                add_row, write_check, text_format = content.row, sheet.write_string, formats.text
                r = 0
                # Streamed: a million rows are never all in memory (the ORM session buffers a whole result).
                rows = session.connection().execution_options(stream_results=True, max_row_buffer=2000)
                query = _query(kind, include_deleted=include_deleted, scope=place)
                for r, row in enumerate(rows.execute(query), start=1):
                    for c, write in writers:
                        value = row[c]
                        if value is not None:
                            write(r, c, value)
                    check = row_check(["" if v is None or v == "" else f(v) for f, v in zip(canons, row)])
                    write_check(r, check_column, check, text_format)
                    add_row(check)
                    if r % 2000 == 0:
                        progress(done + r, total)
                done += r
                written[kind] = r
                sheet.autofilter(0, 0, max(r, 1), check_column)
                progress(done, total)
            listed = session.execute(
                select(Division.code, Division.name, Division.parent_code, Division.level, Division.code_system)
            ).all()
            _write_meta(
                book,
                layout,
                codes=codes,
                database_id=database_id,
                divisions=listed,
                schema=session.scalar(sql_text("SELECT version_num FROM alembic_version")) or "",
                content=content.hexdigest(),
            )
        finally:
            book.close()
    return written


def _write_meta(
    book, layout, *, codes: bool, database_id: str, divisions=(), schema: str = "", content: str = ""
) -> None:
    sheet = book.add_worksheet(META_SHEET)
    rows = [
        ("format", FORMAT_NAME),
        ("format_version", FORMAT_VERSION),
        ("program", f"qdgui {qdgui.__version__}"),
        ("schema", schema),
        ("database_id", database_id),
        ("exported_at", datetime.now().astimezone().isoformat(timespec="seconds")),
        ("codes", 1 if codes else 0),
        ("content_sha256", content),
    ]
    rows += [("sheet", name, kind, *(c.key for c in columns), ROW_CHECK) for name, kind, columns in layout]
    # The sender's divisions as codes with their names here: a street renamed (or added) on this
    # laptop is still read back by its code on another.
    rows += [("division", code, name, parent or "", level, system) for code, name, parent, level, system in divisions]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if isinstance(value, int):
                sheet.write_number(r, c, value)
            else:
                sheet.write_string(r, c, value)
    sheet.hide()


# ---------------------------------------------------------------------- reading back


class LedgerError(Exception):
    """The workbook is not a qdgui ledger, or a cell cannot be read back; worded for the user."""


@dataclass(frozen=True)
class Ledger:
    path: Path
    meta: dict[str, object]
    sheets: dict[str, tuple[str, tuple[str, ...], list[list]]]  # kind -> (sheet name, column keys, data rows)
    divisions: tuple[
        tuple[str, str, str | None, str, str], ...
    ] = ()  # the sender's (code, name, parent, level, system)
    content_sha256: str = ""  # of the sheets as read back
    changed_rows: dict[str, frozenset[int]] = dataclass_field(
        default_factory=dict
    )  # kind -> sheet rows changed by hand

    @property
    def codes(self) -> bool:
        return bool(self.meta.get("codes"))

    @property
    def edited(self) -> bool:
        """The sheets no longer read as they were exported (changed by hand, or by another program)."""
        expected = str(self.meta.get("content_sha256") or "")
        return bool(expected) and (expected != self.content_sha256 or any(self.changed_rows.values()))


def is_ledger(book) -> bool:
    return book.sheet(META_SHEET) is not None


def read_ledger(path: Path) -> Ledger:
    """Read a ledger written by `write_ledger` (this or another copy of qdgui), safely (see workbook.py)."""
    from qdgui.excel.workbook import read_workbook

    return ledger_from_book(read_workbook(Path(path)))


def ledger_from_book(book) -> Ledger:
    """The ledger in a workbook already read by `workbook.read_workbook`; raises LedgerError."""
    path = book.path
    meta_sheet = book.sheet(META_SHEET)
    if meta_sheet is None:
        raise LedgerError(
            translate("Excel", "{path} is not a ledger exported by qdgui (it has no '{sheet}' sheet).").format(
                path=path.name, sheet=META_SHEET
            )
        )
    meta: dict[str, object] = {}
    layout = []
    divisions: list[tuple[str, str, str | None, str, str]] = []
    for row in meta_sheet.rows:
        if row and row[0] == "sheet":
            layout.append((row[1], row[2], tuple(str(k) for k in row[3:] if k != "")))
        elif row and row[0] == "division" and len(row) >= 5:
            code, name, parent, level = (str(v) for v in row[1:5])
            system = str(row[5]) if len(row) > 5 and row[5] else "local"
            divisions.append((code, name, parent or None, level, system))
        elif row and row[0]:
            meta[str(row[0])] = row[1]
    if meta.get("format") != FORMAT_NAME or int(meta.get("format_version") or 0) > FORMAT_VERSION:
        raise LedgerError(
            translate("Excel", "{path} is a ledger of a newer qdgui; update this program first.").format(path=path.name)
        )
    sheets = {}
    content = ContentHash()
    changed_rows: dict[str, frozenset[int]] = {}
    for name, kind, keys in layout:
        sheet = book.sheet(name)
        if sheet is None or kind not in COLUMNS:
            raise LedgerError(
                translate("Excel", "{path}: the sheet '{sheet}' listed in the ledger is missing.").format(
                    path=path.name, sheet=name
                )
            )
        rows = sheet.rows
        data = [list(r) + [""] * (len(keys) - len(r)) for r in rows[1:] if any(v != "" for v in r)]
        sheets[kind] = (name, keys, data)
        content.sheet(name, kind, keys)
        if ROW_CHECK in keys:  # format 3: every row carries its check
            width, at = len(keys), keys.index(ROW_CHECK)
            changed = set()
            for number, r in enumerate(data, start=2):
                cells = r[:width]
                texts = [v if type(v) is str else _canon(v) for i, v in enumerate(cells) if i != at]
                if any(v != "" for v in r[width:]):
                    texts.append("\x00")  # something written beyond the ledger's columns
                check = row_check(texts)
                if check != cells[at]:
                    changed.add(number)
                content.row(check)
            changed_rows[kind] = frozenset(changed)
    return Ledger(path, meta, sheets, tuple(divisions), content.hexdigest(), changed_rows)


def record_values(ledger: Ledger, kind: str, division_codes: dict[str | None, dict[str, str]], *, skip=None):
    """Yield (sheet row number, {field: value}) for the records of one kind, as the database holds them.

    division_codes maps a parent code (None for districts) to {name: code}: names are read back
    within their district, so two streets of the same name in different districts stay apart.
    Raises LedgerError naming the sheet, row and column of a cell that cannot be read.
    `skip(raw cells by key, sheet row number)` may return True to pass over a row unread (merging:
    already known).
    """
    if kind not in ledger.sheets:
        return
    name, keys, rows = ledger.sheets[kind]
    columns = {c.key: c for c in COLUMNS[kind]}
    table = RECORD_TABLES[kind]
    readers = [  # one reading function per column, made once for the sheet
        (position, key, column, _cell_reader(column, table, ledger.codes, division_codes))
        for position, key in enumerate(keys)
        if (column := columns.get(key)) is not None and column.kind != "display"
    ]
    for index, row in enumerate(rows, start=2):
        if skip is not None and skip(dict(zip(keys, row)), index):
            continue
        values: dict[str, object] = {}
        position, column = 0, None
        try:
            for position, key, column, read in readers:  # noqa: B007 (the message below names the column)
                values[key] = read(row[position], values)
        except (ValueError, ArithmeticError, LookupError) as exc:
            assert column is not None
            raise LedgerError(
                translate(
                    "Excel", "Sheet {sheet}, row {row}, column {column} ({label}): cannot read '{value}'."
                ).format(
                    sheet=name,
                    row=index,
                    column=xlsxwriter.utility.xl_col_to_name(position),
                    label=column.header(),
                    value=row[position],
                )
            ) from exc
        yield index, values


def _empty(cell) -> bool:
    return cell == "" or cell is None


def _cell_reader(column: LedgerColumn, table, codes: bool, division_codes):
    """The function reading one column's cells (cell, the row's values read so far) -> value; it
    raises ValueError, ArithmeticError or LookupError for a cell it cannot read."""
    kind = column.kind
    if kind in ("text", "ref"):

        def read(cell, values):
            if type(cell) is str:
                return cell or None
            if cell is None:
                return None
            return repr(cell) if isinstance(cell, float) else str(cell)

    elif kind == "int":

        def read(cell, values):
            if _empty(cell):
                return None
            number = float(cell)
            if number != int(number):
                raise ValueError(cell)
            return int(number)

    elif kind == "decimal":
        quantum = Decimal(1).scaleb(-_places(table, column.field))

        def read(cell, values):
            if _empty(cell):
                return None
            if isinstance(cell, float):
                return Decimal(repr(cell)).quantize(quantum)
            return Decimal(str(cell).replace(",", "")).quantize(quantum)

    elif kind == "date":

        def read(cell, values):
            if _empty(cell):
                return None
            if isinstance(cell, datetime):
                return cell.date()
            if isinstance(cell, date):
                return cell
            return date.fromisoformat(str(cell))

    elif kind == "timestamp":

        def read(cell, values):
            return None if _empty(cell) else datetime.fromisoformat(str(cell))

    elif kind == "bool":
        yes = ("1", "True", "true", "yes", translate("Excel", "yes"))

        def read(cell, values):
            return False if _empty(cell) else str(cell) in yes

    elif kind == "vocab":
        vocabulary = column.vocabulary

        def read(cell, values):
            if _empty(cell):
                return None
            code = vocab.code_for(vocabulary, str(cell))
            if code is None:
                raise LookupError(cell)
            return code

    elif kind == "division":
        districts = column.field == "district_code"

        def read(cell, values):
            if _empty(cell):
                return None
            text = str(cell)
            if codes:
                return text
            if districts:
                return division_codes.get(None, {})[text]
            if values.get("district_code"):
                return division_codes.get(values["district_code"], {})[text]
            # A community row names only its street: look in every district.
            found = [streets[text] for parent, streets in division_codes.items() if parent and text in streets]
            if len(found) != 1:
                raise LookupError(text)
            return found[0]

    else:
        raise AssertionError(kind)
    return read


def sender_division_codes(
    ledger: Ledger, session: Session, *, add_missing: bool = False
) -> dict[str | None, dict[str, str]]:
    """Names to codes for reading a ledger: this database's names, overlaid with the sender's own list
    (a street renamed there is found by its code; one added there is added here when asked, unless a
    street of that name is already here under another code, which then stands for it)."""
    result = division_codes(session)
    if not ledger.divisions:
        return result  # a ledger of an older qdgui: names as this database knows them
    known = set(session.scalars(select(Division.code)))
    for code, name, parent, level, system in ledger.divisions:
        if level not in ("county", "township", "special_zone") or not name.strip() or len(name) > 60:
            continue  # not a place this program reads, or a name no form would have let through
        names = result.setdefault(None if level == "county" else parent, {})
        if code in known:
            names[name] = code
        elif name not in names and add_missing and (parent is None or parent in known):
            session.add(
                Division(
                    code=code,
                    name=name,
                    level=level,
                    parent_code=parent,
                    code_system=system if system in ("NBS-2023", "MCA", "local") else "local",
                    user_added=True,
                )
            )
            known.add(code)
            names[name] = code
    session.flush()
    return result


def division_codes(session: Session) -> dict[str | None, dict[str, str]]:
    """{parent code (None for districts): {name: code}} for reading division names back."""
    result: dict[str | None, dict[str, str]] = {}
    for code, name, parent, level in session.execute(
        select(Division.code, Division.name, Division.parent_code, Division.level)
    ):
        if level == "county":
            result.setdefault(None, {})[name] = code
        elif level in ("township", "special_zone"):
            result.setdefault(parent, {})[name] = code
    return result
