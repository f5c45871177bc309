"""The command line of the same program: arguments, and the commands that need no window."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import qdgui
from qdgui import config, i18n
from qdgui.i18n import QT_TRANSLATE_NOOP, translate

# argparse's own words, translated through the same catalogue (argparse looks each one up through
# its module-level gettext function when it formats help or an error).
_ARGPARSE_WORDS = (
    QT_TRANSLATE_NOOP("Argparse", "usage: "),
    QT_TRANSLATE_NOOP("Argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("Argparse", "options"),
    QT_TRANSLATE_NOOP("Argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("Argparse", "show program's version number and exit"),
    QT_TRANSLATE_NOOP("Argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("Argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("Argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("Argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("Argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("Argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("Argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("Argparse", "not allowed with argument %s"),
)


def _argparse_text(text: str) -> str:
    return translate("Argparse", text)


def _argparse_plural(singular: str, plural: str, n: int) -> str:
    return _argparse_text(singular if n == 1 else plural)


argparse._ = _argparse_text  # type: ignore[attr-defined]
argparse.ngettext = _argparse_plural  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own words are English; say where they come from
        self.print_usage(sys.stderr)
        self.exit(2, translate("Cli", "Error in the command line: {detail}").format(detail=message) + "\n")


def _common() -> argparse.ArgumentParser:
    # Given to the main parser and every command, so --db works before or after the command name.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=translate(
            "Cli",
            "database file to open (default: the one in your data folder), or a district server's address "
            "postgresql://user@host:port/dbname",
        ),
    )
    common.add_argument(
        "--operator",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help=translate("Cli", "who is entering records (default: from settings)"),
    )
    common.add_argument(
        "--lang", choices=i18n.LANGUAGES, default=argparse.SUPPRESS, help=translate("Cli", "language of messages")
    )
    return common


def build_parser() -> Parser:
    common = _common()
    parser = Parser(
        prog="qdgui",
        parents=[common],
        description=translate(
            "Cli", "qdgui: field records of Qingdao's urban-renewal campaign. Without a command, opens the window."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"qdgui {qdgui.__version__}",
        help=_argparse_text("show program's version number and exit"),  # Python 3.11 fixes it in English
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=translate("Cli", "check that this installation works (in a temporary folder) and exit"),
    )
    parser.add_argument(
        "--screenshot",
        metavar="FILE.png",
        type=Path,
        help=translate("Cli", "with --self-test: save the rendered main window to this file"),
    )
    commands = parser.add_subparsers(dest="command", metavar=translate("Cli", "command"), parser_class=Parser)
    demo = commands.add_parser(
        "demo", parents=[common], help=translate("Cli", "fill the database with a realistic demo data set")
    )
    demo.add_argument("--seed", type=int, default=814, help=translate("Cli", "random seed of the demo data"))
    commands.add_parser("summary", parents=[common], help=translate("Cli", "print how many records the database holds"))
    history = commands.add_parser(
        "history", parents=[common], help=translate("Cli", "print the change history of one record")
    )
    history.add_argument("uuid", help=translate("Cli", "the record's UUID"))
    export = commands.add_parser("export", parents=[common], help=translate("Cli", "write an Excel workbook"))
    exports = export.add_subparsers(dest="export", metavar=translate("Cli", "what"), parser_class=Parser, required=True)
    weekly = exports.add_parser(
        "weekly", parents=[common], help=translate("Cli", "the weekly report for the command office")
    )
    weekly.add_argument(
        "--week",
        metavar="YYYY-Www",
        help=translate("Cli", "the week, as 2026-W47 or a date inside it (default: the last complete week)"),
    )
    weekly.add_argument(
        "--scope",
        metavar=translate("Cli", "DISTRICT"),
        help=translate("Cli", "district or street code or name, or 'city' (default: this laptop's district)"),
    )
    weekly.add_argument("--out", metavar="FILE.xlsx", help=translate("Cli", "where to write the workbook"))
    weekly.add_argument(
        "--photos",
        action="store_true",
        help=translate("Cli", "add a sheet of the week's finished cases and completed parks with their photos"),
    )
    weekly.add_argument(
        "--area-unit",
        choices=("wan", "m2"),
        help=translate("Cli", "areas in 万平方米 (wan) or ㎡ (m2); default: as last set, else wan"),
    )
    for flag, help_text in (
        ("--form-no", QT_TRANSLATE_NOOP("Cli", "the return's form number (表号; default: from the settings)")),
        ("--authority", QT_TRANSLATE_NOOP("Cli", "the office that issued the form (制表机关)")),
        ("--unit-head", QT_TRANSLATE_NOOP("Cli", "head of the reporting unit (单位负责人)")),
        ("--stats-head", QT_TRANSLATE_NOOP("Cli", "head of statistics (统计负责人)")),
        ("--filled-by", QT_TRANSLATE_NOOP("Cli", "who filled in the return (填表人; default: the operator)")),
        ("--phone", QT_TRANSLATE_NOOP("Cli", "contact telephone (联系电话)")),
    ):
        weekly.add_argument(flag, metavar=translate("Cli", "TEXT"), help=translate("Cli", help_text))
    ledger = exports.add_parser("ledger", parents=[common], help=translate("Cli", "every record, one sheet per kind"))
    ledger.add_argument("--out", metavar="FILE.xlsx", help=translate("Cli", "where to write the workbook"))
    ledger.add_argument(
        "--scope",
        metavar=translate("Cli", "DISTRICT"),
        help=translate("Cli", "only one district's or street's records, by code or name (default: every record)"),
    )
    ledger.add_argument(
        "--codes",
        action="store_true",
        help=translate("Cli", "write codes instead of names for districts, streets and choices"),
    )
    ledger.add_argument(
        "--without-deleted",
        action="store_true",
        help=translate("Cli", "leave out deleted records (other laptops then cannot merge deletions)"),
    )
    package = exports.add_parser(
        "return",
        parents=[common],
        help=translate("Cli", "this laptop's return package: the full ledger and every photo, in one .zip"),
    )
    package.add_argument("--out", metavar="FILE.zip", help=translate("Cli", "where to write the package"))
    kinds = ("signing", "demolition", "park", "annual_target")
    imp = commands.add_parser(
        "import",
        parents=[common],
        help=translate(
            "Cli", "import a workbook: another laptop's ledger export (merged), a hand-kept ledger or a target list"
        ),
    )
    imp.add_argument(
        "file",
        nargs="?",
        metavar="FILE.xlsx",
        type=Path,
        help=translate(
            "Cli",
            "the workbook (.xlsx, .xls, .xlsb, .ods), a CSV or tab-separated text file, or a return package (.zip)",
        ),
    )
    imp.add_argument(
        "--dry-run",
        action="store_true",
        help=translate("Cli", "only print what would be imported and every problem; write nothing"),
    )
    imp.add_argument(
        "--kind", choices=kinds, help=translate("Cli", "what the sheets hold (default: recognised from their headers)")
    )
    imp.add_argument(
        "--column",
        action="append",
        default=[],
        metavar=translate("Cli", "SHEET!COLUMN=FIELD"),
        help=translate(
            "Cli", "correct the column mapping, e.g. '签约!F=signed_on' or 'F=' to ignore column F (repeatable)"
        ),
    )
    imp.add_argument(
        "--set",
        action="append",
        default=[],
        metavar=translate("Cli", "HEADER=VALUE"),
        help=translate(
            "Cli",
            "a value for every data row, as if the sheet had a column with that header, e.g. '计划年度=2022' "
            "or '签约!街道=中韩街道' for one sheet (repeatable)",
        ),
    )
    imp.add_argument(
        "--create-missing",
        action="store_true",
        help=translate(
            "Cli", "create the projects and villages the sheet names and the database lacks, in the same batch"
        ),
    )
    imp.add_argument("--include-hidden", action="store_true", help=translate("Cli", "import hidden rows too"))
    imp.add_argument(
        "--again",
        action="store_true",
        help=translate("Cli", "import a hand-kept sheet even though exactly this file was imported before"),
    )
    imp.add_argument(
        "--accept-edited",
        action="store_true",
        help=translate("Cli", "merge a qdgui ledger although its sheets were changed after the export"),
    )
    imp.add_argument(
        "--rejected",
        metavar="FILE.xlsx",
        type=Path,
        help=translate("Cli", "write the rejected rows, with what is wrong, to this workbook"),
    )
    imp.add_argument("--undo", type=int, metavar="BATCH", help=translate("Cli", "undo a whole import batch"))
    imp.add_argument("--list", action="store_true", help=translate("Cli", "list the import batches"))
    photo = commands.add_parser(
        "photo", parents=[common], help=translate("Cli", "add or list the photos of a demolition case")
    )
    photo_commands = photo.add_subparsers(dest="photo_command", metavar=translate("Cli", "step"), required=True)
    photo_add = photo_commands.add_parser(
        "add", parents=[common], help=translate("Cli", "add photos (JPEG, PNG, HEIC) to a case, before demolition")
    )
    photo_add.add_argument("case_no", metavar=translate("Cli", "CASE_NO"), help=translate("Cli", "the case number"))
    photo_add.add_argument("files", nargs="+", type=Path, metavar=translate("Cli", "FILE"))
    photo_add.add_argument(
        "--after", action="store_true", help=translate("Cli", "the photos show the site after demolition")
    )
    photo_list = photo_commands.add_parser(
        "list", parents=[common], help=translate("Cli", "one line per photo: its hash, before/after, date taken")
    )
    photo_list.add_argument("case_no", metavar=translate("Cli", "CASE_NO"), help=translate("Cli", "the case number"))
    server = commands.add_parser(
        "server",
        parents=[common],
        help=translate("Cli", "set up a district or city server (PostgreSQL) and its users"),
    )
    server_commands = server.add_subparsers(dest="server_command", metavar=translate("Cli", "step"), required=True)
    server_commands.add_parser(
        "init",
        parents=[common],
        help=translate(
            "Cli", "create the schema, the roles and access by place (as the tables' owner; again after an upgrade)"
        ),
    )
    add_user = server_commands.add_parser(
        "add-user", parents=[common], help=translate("Cli", "create a user or change its place and password")
    )
    add_user.add_argument("name", help=translate("Cli", "the user's login name (small Latin letters, digits, _)"))
    add_user.add_argument(
        "--level",
        choices=("street", "district", "city"),
        required=True,
        help=translate("Cli", "street: one street's records; district: a district's; city: reads all, writes targets"),
    )
    add_user.add_argument("--district", metavar=translate("Cli", "NAME-OR-CODE"), help=translate("Cli", "the district"))
    add_user.add_argument("--street", metavar=translate("Cli", "NAME-OR-CODE"), help=translate("Cli", "the street"))
    add_user.add_argument(
        "--password-stdin",
        action="store_true",
        help=translate("Cli", "read the password from standard input (else it is asked for)"),
    )
    return parser


COMMANDS = ("demo", "summary", "history", "export", "import", "photo", "server")
_VALUE_OPTIONS = ("--db", "--operator", "--lang", "--screenshot")  # the top-level options that take a value
WORKBOOK_SUFFIXES = (".xlsx", ".xls", ".xlsm", ".xlsb", ".ods", ".csv", ".txt", ".zip")  # the import's files


def split_file_argument(argv: list[str]) -> tuple[list[str], Path | None, str | None]:
    """A file given without a command, as a file manager or the menu entry passes one
    (`qdgui %f`): a database is opened as if given with --db; a workbook, CSV or return package
    is offered for import in the window on the database. Returns (the arguments without a workbook,
    the workbook, or None; a message when the arguments cannot both be used)."""
    words, skip = [], False
    for position, word in enumerate(argv):
        if skip:
            skip = False
        elif word in _VALUE_OPTIONS:
            skip = True
        elif not word.startswith("-"):
            words.append(position)
    if len(words) != 1 or argv[words[0]] in COMMANDS:
        return argv, None, None  # a command (or nothing): argparse reads it as it always has
    position = words[0]
    path = Path(argv[position]).expanduser()
    rest = argv[:position] + argv[position + 1 :]
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        return rest, path, None
    if any(w == "--db" or w.startswith("--db=") for w in rest):
        return (
            argv,
            None,
            translate("Cli", "{file}: two databases were given (this one and --db); open one at a time.").format(
                file=path
            ),
        )
    return ["--db", str(path), *rest], None, None


def db_path(args) -> Path:
    from qdgui.paths import default_db_path

    return Path(getattr(args, "db", None) or default_db_path())


def run_command(args, database, settings: config.DeviceSettings) -> int:
    """Run one command; a write the database or the disk refuses (a server account's place, a
    full disk, a lost server) ends in words, with the transaction rolled back."""
    from qdgui.models.database import write_failure

    try:
        return _run_command(args, database, settings)
    except Exception as exc:
        words = write_failure(exc)
        if words is None:
            raise
        print(translate("Cli", "qdgui: {message}").format(message=words), file=sys.stderr)
        return 1


def _run_command(args, database, settings: config.DeviceSettings) -> int:
    from qdgui.models import repository

    if args.command == "demo":
        from qdgui.models import demo

        with database.begin() as session:
            if sum(repository.count_records(session).values()):
                print(
                    translate("Cli", "The database already holds records; the demo data goes into an empty one."),
                    file=sys.stderr,
                )
                return 1
            summary = demo.fill(session, today=date.today(), seed=args.seed)
        print(translate("Cli", "Demo data written to {path}:").format(path=database.where))
        _print_counts(summary.__dict__)
        return 0
    if args.command == "summary":
        with database.sessions() as session:
            counts = repository.count_records(session)
        print(translate("Cli", "Database: {path}").format(path=database.where))
        _print_counts(counts)
        return 0
    if args.command == "history":
        with database.sessions() as session:
            entries = repository.history(session, args.uuid)
        if not entries:
            print(translate("Cli", "No history for {uuid}").format(uuid=args.uuid), file=sys.stderr)
            return 1
        for e in entries:
            print(
                f"{e.at:%Y-%m-%d %H:%M:%S}  v{e.record_version}  {e.action:<7} {e.field:<16} "
                f"{e.old_value or '':>12} -> {e.new_value or '':<12} {e.operator}@{e.device}"
            )
        return 0
    if args.command == "export":
        from qdgui.cli_export import run_export

        return run_export(args, database, settings)
    if args.command == "import":
        from qdgui.cli_import import run_import

        return run_import(args, database, settings)
    if args.command == "photo":
        from qdgui.cli_photo import run_photo

        return run_photo(args, database, settings)
    if args.command == "server":
        from qdgui.cli_server import run_server

        return run_server(args, database)
    raise AssertionError(args.command)


_COUNT_LABELS = {
    "community": QT_TRANSLATE_NOOP("Cli", "Communities/villages"),
    "project": QT_TRANSLATE_NOOP("Cli", "Projects"),
    "annual_target": QT_TRANSLATE_NOOP("Cli", "Annual targets"),
    "signing": QT_TRANSLATE_NOOP("Cli", "Relocation signings"),
    "demolition": QT_TRANSLATE_NOOP("Cli", "Illegal-building cases"),
    "park": QT_TRANSLATE_NOOP("Cli", "Parks"),
}
_COUNT_LABELS.update(
    {
        "projects": _COUNT_LABELS["project"],
        "communities": _COUNT_LABELS["community"],
        "targets": _COUNT_LABELS["annual_target"],
        "signings": _COUNT_LABELS["signing"],
        "demolitions": _COUNT_LABELS["demolition"],
        "parks": _COUNT_LABELS["park"],
    }
)


def _print_counts(counts: dict) -> None:
    for key, value in counts.items():
        print(f"  {translate('Cli', _COUNT_LABELS.get(key, key)):<12} {value:>8}")
