"""`qdgui export weekly|ledger`: the same workbooks as the window's File menu, from the command line."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from qdgui import config
from qdgui.excel import ledger, weekly
from qdgui.excel.files import ExportError
from qdgui.i18n import translate
from qdgui.models import lookups
from qdgui.models.progress import last_complete_week

CITY = ("city", "全市", "青岛市", "青岛")


def resolve_scope(session, text: str | None, settings: config.DeviceSettings) -> tuple[bool, str | None]:
    """(found, scope code or None for the whole city) from --scope, or this laptop's district."""
    if text is None:
        return True, settings.district_code or None
    if text.strip().lower() in CITY:
        return True, None
    code = lookups.find_division(session, text)
    return code is not None, code


def _unknown_scope(text: str) -> int:
    print(
        translate(
            "Cli",
            "qdgui: --scope: no district or street called '{text}'; write its code (370202) or name (市南区), or 'city'.",
        ).format(text=text),
        file=sys.stderr,
    )
    return 2


def signers_from(args, settings: config.DeviceSettings, today: date) -> weekly.Signers:
    """The return's form number, office and signers: each from its option, else from the settings."""

    def pick(option: str, kept: str) -> str:
        given = getattr(args, option, None)
        return (given if given is not None else kept).strip()

    return weekly.Signers(
        form_no=pick("form_no", settings.report_form_no),
        authority=pick("authority", settings.report_authority),
        unit_head=pick("unit_head", settings.unit_head),
        stats_head=pick("stats_head", settings.stats_head),
        filled_by=pick("filled_by", settings.filled_by or settings.operator),
        phone=pick("phone", settings.phone),
        reported_on=today,
    )


def run_export(args, database, settings: config.DeviceSettings, *, today: date | None = None) -> int:
    today = today or date.today()
    try:
        if args.export == "return":
            from qdgui.excel import returns

            out = (
                Path(args.out) if args.out else Path(translate("Cli", "Return {day}.zip").format(day=today.isoformat()))
            )
            with database.sessions() as session:
                written = returns.write_return(session, out)
            print(translate("Cli", "Return package written to {path}:").format(path=out))
            for kind, n in written.items():
                if kind in ledger.SHEET_TITLES:
                    print(f"  {translate('Excel', ledger.SHEET_TITLES[kind]):<12} {n:>8}")
            print(
                "  "
                + translate("Cli", "{photos} photos ({files} files, {size} MB)").format(
                    photos=written["photos"], files=written["photo_files"], size=round(out.stat().st_size / 2**20, 1)
                )
            )
            return 0
        if args.export == "weekly":
            try:
                week = (
                    weekly.parse_week(args.week, ends_on=settings.week_ends_on)
                    if args.week
                    else last_complete_week(today, ends_on=settings.week_ends_on)
                )
            except ValueError as exc:
                print(translate("Cli", "qdgui: --week: {message}").format(message=exc), file=sys.stderr)
                return 2
            with database.sessions() as session:
                found, scope = resolve_scope(session, args.scope, settings)
                if not found:
                    return _unknown_scope(args.scope)
                given = {"wan": "wan_m2", "m2": "m2"}.get(args.area_unit or "")
                report = weekly.build_report(
                    session,
                    week=week,
                    scope=scope,
                    made_on=today,
                    signers=signers_from(args, settings, today),
                    area_unit=weekly.known_area_unit(given or settings.report_area_unit),
                    photos=args.photos,
                )
            out = Path(args.out) if args.out else Path(weekly.default_file_name(report.scope_name, report.week))
            weekly.write_report(report, out)
            print(translate("Cli", "Weekly report written to {path}: {title}").format(path=out, title=report.title))
            return 0
        out = (
            Path(args.out) if args.out else Path(translate("Excel", "Ledger {day}.xlsx").format(day=today.isoformat()))
        )
        with database.sessions() as session:
            scope = None
            if args.scope is not None:
                found, scope = resolve_scope(session, args.scope, settings)
                if not found:
                    return _unknown_scope(args.scope)
            written = ledger.write_ledger(
                session, out, codes=args.codes, include_deleted=not args.without_deleted, scope=scope
            )
        print(translate("Cli", "Ledger written to {path}:").format(path=out))
        for kind, n in written.items():
            print(f"  {translate('Excel', ledger.SHEET_TITLES[kind]):<12} {n:>8}")
        return 0
    except ExportError as exc:
        print(translate("Cli", "qdgui: {message}").format(message=exc), file=sys.stderr)
        return 1
