"""`qdgui import FILE`: the window's import wizard from the command line, printing the same account."""

from __future__ import annotations

import re
import sys
from datetime import date

from xlsxwriter.utility import xl_cell_to_rowcol, xl_col_to_name

from qdgui import config
from qdgui.excel import importer
from qdgui.excel.files import ExportError
from qdgui.excel.ledger import LedgerError
from qdgui.excel.rejected import write_rejected
from qdgui.excel.sheet_import import Defaults
from qdgui.excel.workbook import ReadError
from qdgui.i18n import translate
from qdgui.models import batches, kinds

EXCEL_COLUMNS = 16384  # A .. XFD
_COLUMN = re.compile(r"^(?:(?P<sheet>[^!]+)!)?(?P<column>[A-Za-z]{1,3})=(?P<field>\w*)$")


def parse_columns(specs: list[str]) -> dict[str | None, dict[int, str]]:
    """'签约!F=signed_on' -> {'签约': {5: 'signed_on'}}; raises ValueError with the user's words."""
    known = {f for info in kinds.KINDS.values() for f in info.field_names}
    result: dict[str | None, dict[int, str]] = {}
    for spec in specs:
        match = _COLUMN.match(spec.strip())
        if not match:
            raise ValueError(
                translate("Cli", "--column '{spec}': write SHEET!COLUMN=FIELD, e.g. '签约!F=signed_on'.").format(
                    spec=spec
                )
            )
        field = match["field"]
        if field and field not in known:
            raise ValueError(
                translate("Cli", "--column '{spec}': no field '{field}'; fields are: {fields}.").format(
                    spec=spec, field=field, fields=", ".join(sorted(known))
                )
            )
        _, column = xl_cell_to_rowcol(match["column"].upper() + "1")
        if column >= EXCEL_COLUMNS:
            raise ValueError(
                translate("Cli", "--column '{spec}': Excel has no column {column} (the last is XFD).").format(
                    spec=spec, column=match["column"].upper()
                )
            )
        result.setdefault(match["sheet"], {})[column] = field
    return result


_SET = re.compile(r"^(?:(?P<sheet>[^!=]+)!)?(?P<header>[^=]+)=(?P<value>.*)$")


def parse_values(specs: list[str]) -> dict[str | None, dict[str, str]]:
    """'计划年度=2022', '签约!街道=中韩街道' -> {None: {'计划年度': '2022'}, '签约': {'街道': '中韩街道'}}."""
    from qdgui.excel.sheet_import import field_for_header

    result: dict[str | None, dict[str, str]] = {}
    for spec in specs:
        match = _SET.match(spec.strip())
        if not match or not match["header"].strip() or not match["value"].strip():
            raise ValueError(
                translate(
                    "Cli", "--set '{spec}': write HEADER=VALUE, e.g. '计划年度=2022' or '签约!街道=中韩街道'."
                ).format(spec=spec)
            )
        header = match["header"].strip()
        if not any(field_for_header(kind, header) for kind in kinds.KINDS if kind in _SHEET_KINDS):
            raise ValueError(
                translate(
                    "Cli",
                    "--set '{spec}': no kind of sheet has a column called {header}; write a header as in a "
                    "ledger, such as 街道, 项目, 计划年度, 发现日期, 结构 or 状态.",
                ).format(spec=spec, header=header)
            )
        result.setdefault(match["sheet"], {})[header] = match["value"].strip()
    return result


_SHEET_KINDS = ("signing", "demolition", "park", "annual_target")


def run_import(args, database, settings: config.DeviceSettings, *, today: date | None = None) -> int:
    today = today or date.today()
    by = settings.as_operator()
    err = sys.stderr
    if args.list:
        with database.sessions() as session:
            for b in batches.list_batches(session):
                state = translate("Cli", "undone {at:%Y-%m-%d %H:%M}").format(at=b.undone_at) if b.undone_at else ""
                print(
                    f"{b.id:>4}  {b.at:%Y-%m-%d %H:%M}  {batch_kind(b.kind):<6} {b.file_name}  {b.operator}  "
                    f"{summary_text(b.summary)}  {state}"
                )
        return 0
    if args.undo is not None:
        try:
            n = importer.undo(database, args.undo, by=by)
        except (batches.BatchError, importer.ImportRefused) as exc:
            print(translate("Cli", "qdgui: {message}").format(message=exc), file=err)
            return 1
        print(
            translate("Cli", "Import batch {id} undone: {n} records put back as they were.").format(id=args.undo, n=n)
        )
        return 0
    if args.file is None:
        print(translate("Cli", "qdgui import: give the workbook to import (or --undo BATCH, or --list)."), file=err)
        return 2
    try:
        columns = parse_columns(args.column)
        values = parse_values(args.set)
    except ValueError as exc:
        print(translate("Cli", "qdgui: {message}").format(message=exc), file=err)
        return 2
    try:
        book = importer.read(args.file)
        mappings = None
        if columns:
            from qdgui.excel.sheet_import import plan_book

            mappings = {}
            for plan in plan_book(book, kind=args.kind):
                mapping = dict(plan.mapping)
                for sheet in (None, plan.name, plan.key):
                    for column, field in columns.get(sheet, {}).items():
                        if column >= len(plan.headers):
                            last = xl_col_to_name(len(plan.headers) - 1)
                            print(
                                translate(
                                    "Cli",
                                    "qdgui: --column {column}: sheet {sheet} has columns A to {last} only. Nothing "
                                    "was imported.",
                                ).format(column=xl_col_to_name(column), sheet=plan.name, last=last),
                                file=err,
                            )
                            return 2
                        mapping[column] = field
                mappings[plan.key] = mapping
        options = importer.ImportOptions(
            kind=args.kind,
            mappings=mappings,
            include_hidden=args.include_hidden,
            again=args.again,
            accept_edited=args.accept_edited,
            defaults=Defaults(settings.district_code or None, settings.street_code or None),
            values=values or None,
            create_missing=args.create_missing,
        )
        run = importer.preview if args.dry_run else importer.commit
        report = run(database, book, options, by=by, today=today)
    except (ReadError, LedgerError, importer.ImportRefused) as exc:
        print(translate("Cli", "qdgui: {message}").format(message=exc), file=err)
        print(translate("Cli", "Nothing was imported."), file=err)
        return 1
    for line in report.lines():
        print(line)
    if args.rejected and report.rejected:
        try:
            n = write_rejected(report.plans, args.rejected)
        except ExportError as exc:
            print(translate("Cli", "qdgui: {message}").format(message=exc), file=err)
            return 1
        print(translate("Cli", "{n} rejected rows written to {path}.").format(n=n, path=args.rejected))
    return 1 if report.rejected else 0


def batch_kind(kind: str) -> str:
    return {
        "ledger": translate("Cli", "ledger"),
        "sheet": translate("Cli", "sheet"),
        "targets": translate("Cli", "targets"),
    }.get(kind, kind)


def summary_text(summary) -> str:
    """An import batch's counts in words: 新增 12、拒绝 3 …"""
    if not isinstance(summary, dict):
        return str(summary or "")
    words = {
        "inserted": translate("Cli", "new"),
        "updated": translate("Cli", "updated"),
        "deleted": translate("Cli", "deleted"),
        "unchanged": translate("Cli", "unchanged"),
        "combined": translate("Cli", "merged field by field"),
        "conflicts": translate("Cli", "conflicts"),
        "held": translate("Cli", "held back"),
        "similar": translate("Cli", "look alike"),
        "joined": translate("Cli", "joined"),
        "rejected": translate("Cli", "rejected"),
        "invalid": translate("Cli", "failing the rules"),
    }
    from qdgui.excel.importer import kind_label

    parts = []
    for key, value in summary.items():
        if not value:
            continue
        label = words.get(key) or kind_label(key)
        parts.append(f"{label} {value}")
    return translate("Cli", ", ").join(parts)
