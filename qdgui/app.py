"""Composition root: arguments -> paths -> lock -> engine -> migrate -> window or command."""

from __future__ import annotations

import errno
import sys

from qdgui import config, i18n, logs
from qdgui.cli import build_parser, db_path, run_command, split_file_argument
from qdgui.i18n import translate
from qdgui.paths import default_db_path
from qdgui.work import CHILD_READER_FLAG


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == [CHILD_READER_FLAG]:  # the packaged program as its own workbook reader (excel/workbook.py)
        from qdgui.excel.reader_child import child_main

        return child_main(argv[1:])
    if "--self-test" in argv:  # before the settings: a self-test leaves the user's data folder alone
        i18n.set_language(_language(argv, None))
        args = build_parser().parse_args(argv)
        from qdgui import selftest

        return selftest.run(screenshot=args.screenshot)
    settings = config.load()
    logs.setup()
    i18n.set_language(_language(argv, settings))
    argv, workbook, problem = split_file_argument(argv)
    if problem is not None:
        print(translate("Cli", "qdgui: {message}").format(message=problem), file=sys.stderr)
        return 2
    args = build_parser().parse_args(argv)
    if getattr(args, "operator", None):
        settings = config.updated(settings, operator=args.operator)
    if getattr(args, "db", None) == "":
        print(
            translate("Cli", "qdgui: --db needs a file name (leave --db out for the default database)."),
            file=sys.stderr,
        )
        return 2
    # Imported after the arguments: `--version` and `--help` print without SQLAlchemy (0.4 s).
    from qdgui.models.database import DatabaseError, check_writable
    from qdgui.models.lock import AlreadyOpen, InstanceLock
    from qdgui.models.migrate import open_database
    from qdgui.models.server import is_server_url

    if is_server_url(getattr(args, "db", None)):
        return _run_on_server(args, settings)
    path = db_path(args)
    try:
        # One file, one name: a symlink is followed, so its lock, WAL and -shm are the real file's.
        path = path.resolve()
        exists = path.exists() and path.stat().st_size > 0  # an empty file holds no database either
        if not exists and args.command not in (None, "demo"):
            # A command reads an existing database: a mistyped --db must not answer from an empty one.
            raise DatabaseError(
                translate(
                    "Cli",
                    "There is no database file {path}. Commands read an existing database; check the path (or make "
                    "a new one with the demo command, or by opening it in the window).",
                ).format(path=path)
            )
        if not exists and args.command is None and path != default_db_path().resolve():
            from qdgui.views.launch import ask_create_database

            if not ask_create_database(path):
                return 0
        check_writable(path)  # a clear message before the lock file is attempted
        with InstanceLock(path):
            database, made_backup = open_database(path)
            try:
                if args.command:
                    return run_command(args, database, settings)
                from qdgui.views.launch import run_window

                return run_window(
                    database,
                    settings,
                    backup=made_backup,
                    offer_server=getattr(args, "db", None) is None and workbook is None,
                    workbook=workbook,
                )
            finally:
                database.close()
    except (AlreadyOpen, DatabaseError) as exc:
        message = str(exc)
        advice = _advice(exc)
        already_open = isinstance(exc, AlreadyOpen)
    except OSError as exc:
        already_open = False
        message = translate("Cli", "cannot use {path}: {reason}").format(path=path, reason=os_reason(exc))
        advice = (
            translate("Cli", "Free some space on that disk (or choose a file on another disk), then try again.")
            if exc.errno == errno.ENOSPC
            else translate(
                "Cli", "Check that the folder exists and that you may write to it, or choose another file with --db."
            )
        )
    except Exception as exc:
        from qdgui.models.database import damaged_text

        damaged = damaged_text(exc)  # bytes damaged inside a record: found when it is read
        if damaged is None:
            raise
        already_open, message = False, damaged
        advice = translate("Cli", "Restore the file from a backup in the backups folder beside it.")
    if already_open and workbook is not None and not args.command:
        from qdgui.views.launch import raise_running_instance

        if raise_running_instance(path, workbook=workbook):
            return 0  # the window that has the database open offers the workbook for import
    print(translate("Cli", "qdgui: {message}").format(message=message), file=sys.stderr)
    if not args.command:  # started from the menu: stderr is seen by nobody
        from qdgui.views.launch import show_startup_error

        show_startup_error(message, advice, raise_instance_of=path if already_open else None)
    return 1


def _run_on_server(args, settings: config.DeviceSettings) -> int:
    """The window or a command on a PostgreSQL server: no file to check or lock; the server keeps
    many clerks apart itself."""
    from qdgui.models.database import DatabaseError
    from qdgui.models.migrate import open_database

    try:
        database, _ = open_database(args.db)
        try:
            if args.command:
                return run_command(args, database, settings)
            from qdgui.views.launch import run_window

            return run_window(database, settings, backup=None)
        finally:
            database.close()
    except DatabaseError as exc:
        message, advice = str(exc), translate("Cli", "Nothing was changed.")
    print(translate("Cli", "qdgui: {message}").format(message=message), file=sys.stderr)
    if not args.command:
        from qdgui.views.launch import show_startup_error

        show_startup_error(message, advice, raise_instance_of=None)
    return 1


def os_reason(exc: OSError) -> str:
    """What the system refused, in the user's words (the C library's text is English)."""
    reasons = {
        errno.ENOSPC: translate("Cli", "the disk is full (nothing was changed)"),
        errno.EACCES: translate("Cli", "permission denied"),
        errno.EPERM: translate("Cli", "permission denied"),
        errno.EROFS: translate("Cli", "the disk is read-only"),
        errno.ENOENT: translate("Cli", "the folder does not exist"),
        errno.EIO: translate("Cli", "reading or writing the disk failed"),
    }
    return (reasons.get(exc.errno) if exc.errno is not None else None) or str(exc.strerror or exc)


def _advice(exc: Exception) -> str:
    from qdgui.models.lock import AlreadyOpen

    if isinstance(exc, AlreadyOpen):
        return translate(
            "Cli",
            "Use the window that is already open, or close it first. Only one qdgui at a time "
            "may write to a database file.",
        )
    # Each DatabaseError already says what to do (restore a backup, upgrade qdgui, copy the file...).
    return translate("Cli", "Nothing was changed.")


def _language(argv: list[str], settings: config.DeviceSettings | None) -> str:
    # Read before argparse so that its help is already in the chosen language.
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in i18n.LANGUAGES:
            return argv[i + 1]
        if arg.startswith("--lang=") and arg.split("=", 1)[1] in i18n.LANGUAGES:
            return arg.split("=", 1)[1]
    if settings is not None and settings.language in i18n.LANGUAGES:
        return settings.language
    return i18n.DEFAULT_LANGUAGE
