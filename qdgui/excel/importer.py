"""Importing a workbook end to end: read it safely, tell a ledger from a hand-kept sheet, preview or
commit in one transaction after a backup, and give the account the window and the command line show."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import sqlalchemy.exc

from qdgui.excel import ledger as ledgers
from qdgui.excel import returns
from qdgui.excel.merge import MergeResult, merge
from qdgui.excel.sheet_import import Defaults, Issue, SheetPlan, plan_book, run_plans, unplanned_sheets
from qdgui.excel.workbook import DEFAULT_LIMITS, Limits, RawBook, ReadError, read_workbook
from qdgui.i18n import translate
from qdgui.models import batches
from qdgui.models.database import Database, bulk_write, failure_kind
from qdgui.models.records import Operator
from qdgui.work import ProgressCallback, no_progress


class ImportRefused(Exception):
    """The import as asked would do harm (the same file again); worded for the user."""


@dataclass(frozen=True)
class ImportOptions:
    kind: str | None = None  # signing, demolition, park, annual_target; None: recognise per sheet
    mappings: dict[str, dict[int, str]] | None = None  # sheet -> {column: field}, the user's corrections
    include_hidden: bool = False
    again: bool = False  # import a hand-kept sheet whose exact file was imported before
    defaults: Defaults = Defaults()
    # {sheet or None for all: {header: value}}: a value for every row, as if a column held it (--set)
    values: dict[str | None, dict[str, str]] | None = None
    create_missing: bool = False  # projects and villages the sheet names and the database lacks
    accept_edited: bool = False  # merge a ledger whose sheets were changed after export (each record checked)


@dataclass
class ImportReport:
    path: Path
    format: str  # "ledger" or "sheet"
    dry_run: bool
    plans: list[SheetPlan] = field(default_factory=list)
    notes: list[Issue] = field(default_factory=list)
    merged: MergeResult | None = None
    batch_id: int | None = None
    backup: Path | None = None
    edited: bool = False  # a ledger whose sheets no longer read as exported (its content hash differs)
    photos: returns.PhotoMerge | None = None  # a return package's photos

    @property
    def imported(self) -> int:
        if self.merged is not None:
            return sum(self.merged.counts[k] for k in ("inserted", "updated", "deleted", "combined", "conflicts"))
        return sum(1 for p in self.plans for r in p.rows if not r.rejected)

    @property
    def rejected(self) -> int:
        return sum(1 for p in self.plans for r in p.rows if r.rejected) + sum(
            1 for p in self.plans for n in p.notes if n.severity == "error"
        )

    @property
    def changed_kinds(self) -> list[str]:
        if self.merged is not None:
            return [
                k
                for k, c in self.merged.by_kind.items()
                if c["inserted"] or c["updated"] or c["deleted"] or c["combined"] or c["conflicts"]
            ]
        return sorted({p.kind for p in self.plans if any(not r.rejected for r in p.rows)})

    def issues(self) -> list[Issue]:
        found = list(self.notes)
        for plan in self.plans:
            found += plan.notes + plan.skipped
            for row in plan.rows:
                found += row.issues
        return found

    def lines(self, *, in_window: bool = False) -> list[str]:
        """The account: what came in (or would), and every problem with where it is; in_window points
        undo at the File menu rather than at the command line."""
        out = []
        if self.merged is not None:
            c = self.merged.counts
            head = (
                translate("Import", "Merging {file} (ledger of another laptop)")
                if not self.dry_run
                else translate("Import", "Preview of merging {file} (nothing written)")
            )
            out.append(head.format(file=self.path.name))
            if self.edited:
                out.append(edited_message(self.path.name))
            out.append(
                translate(
                    "Import",
                    "New {inserted}, updated {updated}, deleted {deleted}, unchanged {unchanged}, "
                    "merged field by field {combined}, conflicts {conflicts}, held back as duplicates {held}, "
                    "look alike {similar}.",
                ).format(
                    **{
                        k: c[k]
                        for k in (
                            "inserted",
                            "updated",
                            "deleted",
                            "unchanged",
                            "combined",
                            "conflicts",
                            "similar",
                        )
                    },
                    held=c["held"] - c["invalid"],
                )
            )
            if c["invalid"]:
                out.append(
                    translate(
                        "Import",
                        "{n} records held back because they do not pass the forms' rules or lie outside this "
                        "account's place (listed below).",
                    ).format(n=c["invalid"])
                )
            if c["joined"]:
                out.append(
                    (
                        translate(
                            "Import",
                            "{joined} projects or villages are the same as ones already here and would be joined; "
                            "the records pointing at them would point at ours.",
                        )
                        if self.dry_run
                        else translate(
                            "Import",
                            "{joined} projects or villages were the same as ones already here and were joined; "
                            "the records pointing at them point at ours.",
                        )
                    ).format(joined=c["joined"])
                )
            out += ["  " + line for line in self.merged.review]
            if self.photos is not None:
                first, *held = self.photos.lines()
                out += [first, *("  " + line for line in held)]
        else:
            head = (
                translate("Import", "Importing {file}")
                if not self.dry_run
                else translate("Import", "Preview of importing {file} (nothing written)")
            )
            out.append(head.format(file=self.path.name))
            for plan in self.plans:
                ok = sum(1 for r in plan.rows if not r.rejected)
                bad = sum(1 for r in plan.rows if r.rejected)
                warned = sum(1 for r in plan.rows if not r.rejected and r.issues)
                out.append(
                    translate(
                        "Import",
                        "Sheet {sheet} ({kind}; header in row {header}): {ok} rows to import "
                        "({warned} with warnings), {bad} rejected, {skipped} skipped.",
                    ).format(
                        sheet=plan.label,
                        kind=kind_label(plan.kind),
                        header=plan.header_rows[-1] + 1,
                        ok=ok,
                        bad=bad,
                        warned=warned,
                        skipped=len(plan.skipped),
                    )
                    + (
                        translate("Import", " The sheet cannot be imported as it is: see its errors.")
                        if any(n.severity == "error" for n in plan.notes)
                        else ""
                    )
                )
            for issue in self.issues():
                marker = {
                    "error": translate("Import", "Error"),
                    "warning": translate("Import", "Warning"),
                    "note": translate("Import", "Note"),
                }[issue.severity]
                out.append(f"  [{marker}] {issue.describe()}")
        if self.batch_id is not None:
            hint = (
                translate("Import", "Written as import batch {id}; it can be undone in File > Import batches.")
                if in_window
                else translate("Import", "Written as import batch {id}; it can be undone with: import --undo {id}.")
            ).format(id=self.batch_id)
            if self.backup is not None:  # none on a server: its backups are its administrator's
                hint += " " + translate("Import", "Backup before the import: {backup}").format(backup=self.backup)
            out.append(hint)
        elif not self.dry_run:
            if self.merged is None and self.rejected:
                out.append(translate("Import", "Nothing was written: no row could be imported (see the errors above)."))
            elif self.merged is None:
                out.append(translate("Import", "Nothing was written: the sheets hold no rows to import."))
            else:
                out.append(translate("Import", "Nothing was written: the database already holds all of it."))
        return out


def kind_label(kind: str | None) -> str:
    """The kind as the user knows it: the title of its sheet in the ledger."""
    return translate("Excel", ledgers.SHEET_TITLES.get(kind, kind or "?"))


def read(path: Path, *, limits: Limits = DEFAULT_LIMITS, progress: ProgressCallback = no_progress) -> RawBook:
    """A workbook, or a return package (.zip: a laptop's ledger with its photos, excel/returns.py)."""
    path = Path(path)
    if path.suffix.lower() == ".zip" and returns.is_return(path):
        package = returns.read_return(path)
        try:
            inner = read_workbook(package.ledger_path, limits=limits, progress=progress)
        except BaseException:
            package.close()
            raise
        # Named by its manifest's hash (which holds every entry's): the same package is recognised
        # without reading its gigabytes of photos once more for a digest of the whole file.
        return RawBook(path, inner.format, package.digest, inner.sheets, package=package)
    return read_workbook(path, limits=limits, progress=progress)


def preview(
    database: Database,
    book: RawBook,
    options: ImportOptions,
    *,
    by: Operator,
    today: date,
    progress: ProgressCallback = no_progress,
) -> ImportReport:
    return _run(database, book, options, by=by, today=today, progress=progress, dry_run=True)


def commit(
    database: Database,
    book: RawBook,
    options: ImportOptions,
    *,
    by: Operator,
    today: date,
    progress: ProgressCallback = no_progress,
) -> ImportReport:
    return _run(database, book, options, by=by, today=today, progress=progress, dry_run=False)


class _RollBack(Exception):
    pass


def _run(
    database: Database,
    book: RawBook,
    options: ImportOptions,
    *,
    by: Operator,
    today: date,
    progress: ProgressCallback,
    dry_run: bool,
) -> ImportReport:
    is_ledger = ledgers.is_ledger(book)
    report = ImportReport(book.path, "ledger" if is_ledger else "sheet", dry_run)
    if is_ledger:
        ledger = ledgers.ledger_from_book(book)
        report.edited = ledger.edited
        if ledger.edited and not dry_run and not options.accept_edited:
            raise ImportRefused(edited_message(book.path.name))
    else:
        report.plans = plan_book(book, kind=options.kind, mappings=options.mappings)
        report.notes = unplanned_sheets(book, report.plans)
        if not report.plans:
            raise ImportRefused(
                translate(
                    "Import",
                    "{file}: no sheet has a header row with known column names (such as "
                    "签约日期, 违建编号, 公园名称 or 指标).",
                ).format(file=book.path.name)
            )
    if not dry_run:
        with database.sessions() as session:
            earlier = batches.earlier_import(session, book.sha256)
        if earlier is not None and not is_ledger and not options.again:
            raise ImportRefused(
                translate(
                    "Import",
                    "{file} was already imported on {at} (batch {id}). Undo that batch "
                    "first, or import again on purpose.",
                ).format(file=book.path.name, at=earlier.at.strftime("%Y-%m-%d %H:%M"), id=earlier.id)
            )
        report.backup = database.backup("before-import")
    try:
        with database.begin() as session:
            if not dry_run:
                bulk_write(session)  # the user does not wait for the log's second copy
            kind = (
                "ledger"
                if is_ledger
                else ("targets" if all(p.kind == "annual_target" for p in report.plans) else "sheet")
            )
            batch = batches.start(
                session,
                kind=kind,
                file_name=book.path.name,
                sha256=book.sha256,
                by=by,
                source_database=str(ledger.meta.get("database_id") or "") or None if is_ledger else None,
                backup_path=str(report.backup) if report.backup else None,
            )
            if is_ledger:
                report.merged = merge(session, ledger, batch=batch, by=by, progress=progress, preview=dry_run)
                if isinstance(book.package, returns.ReturnPackage):  # its photos, in the same batch
                    report.photos = returns.merge_photos(session, book.package, batch=batch, by=by)
                summary = dict(report.merged.counts)
                if report.photos is not None:
                    summary.update({f"photos_{k}": v for k, v in report.photos.counts.items()})
                written = (
                    report.merged.counts["inserted"]
                    + report.merged.counts["updated"]
                    + report.merged.counts["deleted"]
                    + report.merged.counts["combined"]
                    + report.merged.counts["conflicts"]
                    + report.merged.counts["held"]
                    + report.merged.counts["joined"]  # the join is kept: the next return of that laptop needs it
                    + (report.photos.written if report.photos is not None else 0)
                )
            else:
                from qdgui.models.tables import RECORD_TABLES

                def remember(kind_name, uuid):
                    batches.note(session, batch, session.get(RECORD_TABLES[kind_name], uuid), None)

                run_plans(
                    session,
                    report.plans,
                    by=by,
                    today=today,
                    defaults=options.defaults,
                    include_hidden=options.include_hidden,
                    source_file=book.path.name,
                    on_insert=remember,
                    progress=progress,
                    values=options.values,
                    create_missing=options.create_missing,
                    file_digest=book.sha256,
                    batch_id=batch.id,
                )
                counted = Counter(p.kind for p in report.plans for r in p.rows if not r.rejected)
                summary = {"inserted": sum(counted.values()), "rejected": report.rejected, **dict(counted)}
                written = summary["inserted"]
            if dry_run or not written:
                raise _RollBack
            batches.finish(session, batch, summary)
            report.batch_id = batch.id
    except _RollBack:
        pass
    except sqlalchemy.exc.OperationalError as exc:
        raise ImportRefused(not_written(book.path.name, exc)) from exc
    return report


def not_written(file_name: str, exc: BaseException) -> str:
    """An import or undo the database or its disk refused: rolled back whole, in words."""
    reason = {
        "full": translate("Import", "the disk is full; free some space, then try again"),
        "locked": translate("Import", "another program is using the database file; try again in a moment"),
        "readonly": translate("Import", "the database file cannot be written (read-only)"),
        "io": translate("Import", "reading or writing the disk failed; check the disk or USB stick"),
    }.get(failure_kind(exc) or "")
    if reason is None:
        raise exc
    return translate("Import", "{file}: nothing was written ({reason}). The database is as it was before.").format(
        file=file_name, reason=reason
    )


def edited_message(file_name: str) -> str:
    return translate(
        "Import",
        "{file} is a ledger exported by qdgui, but its sheets were changed after the export (the content "
        "check does not match). Merge it only if you know who changed it and why: every record is then "
        "checked with the forms' rules (tick 'Merge it although it was changed', or --accept-edited).",
    ).format(file=file_name)


def undo(database: Database, batch_id: int, *, by: Operator) -> int:
    """Undo a whole import batch in one transaction (after a backup); returns the records put back."""
    with database.sessions() as session:  # a batch that cannot be undone costs no backup
        batches.check_undoable(session, batch_id)
    database.backup(f"before-undo-{batch_id}")
    try:
        with database.begin() as session:
            return batches.undo(session, batch_id, by=by)
    except sqlalchemy.exc.OperationalError as exc:
        raise ImportRefused(
            not_written(translate("Import", "the undo of import batch {id}").format(id=batch_id), exc)
        ) from exc


__all__ = [
    "ImportOptions",
    "ImportRefused",
    "ImportReport",
    "ReadError",
    "commit",
    "kind_label",
    "preview",
    "read",
    "undo",
]
