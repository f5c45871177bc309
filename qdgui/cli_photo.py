"""`qdgui photo add CASE_NO FILE... [--after]` and `qdgui photo list CASE_NO`."""

from __future__ import annotations

import sys

from qdgui import config
from qdgui.i18n import translate


def run_photo(args, database, settings: config.DeviceSettings) -> int:
    from qdgui.models import photos

    if args.photo_command == "list":
        with database.sessions() as session:
            case = photos.case_uuid(session, args.case_no)
            if case is None:
                return _no_case(args.case_no)
            rows = photos.photos_of(session, case)
        for row in rows:
            taken = f"{row.taken_at:%Y-%m-%d %H:%M:%S}" if row.taken_at else translate("Cli", "date not known")
            where = f"  {row.latitude:.6f},{row.longitude:.6f}" if row.latitude is not None else ""
            print(f"{row.sha256}  {_role(row.role)}  {taken}  {row.width}x{row.height}{where}  {row.file_name or ''}")
        if not rows:
            print(translate("Cli", "Case {case} has no photos.").format(case=args.case_no), file=sys.stderr)
        return 0
    # add: every file is read and checked first; one refused file stores none (say which, fix, again)
    files, refused = [], []
    for path in args.files:
        try:
            files.append((path, path.read_bytes()))
        except OSError as exc:
            refused.append(
                translate("Photos", "{file} cannot be opened: {reason}").format(
                    file=path, reason=exc.strerror or exc.__class__.__name__
                )
            )
    read = []
    for (path, _), facts in zip(files, photos.read_photos([(data, path.name) for path, data in files])):
        if isinstance(facts, photos.PhotoError):
            refused.append(str(facts))
        else:
            read.append((path, facts))
    if refused:
        for line in refused:
            print(translate("Cli", "qdgui: {message}").format(message=line), file=sys.stderr)
        print(translate("Cli", "No photo was added."), file=sys.stderr)
        return 1
    role = "after" if args.after else "before"
    by = settings.as_operator()
    with database.begin() as session:
        case = photos.case_uuid(session, args.case_no)
        if case is None:
            return _no_case(args.case_no)
        added = [
            photos.add_photo(session, "demolition", case, role, facts, file_name=path.name, by=by)
            for path, facts in read
        ]
    new = sum(1 for _, was_added in added if was_added)
    print(
        translate("Cli", "{n} photos added to case {case} ({role}); {same} already there.").format(
            n=new, case=args.case_no, role=_role(role), same=len(added) - new
        )
    )
    return 0


def _role(role: str) -> str:
    return {"before": translate("Cli", "before"), "after": translate("Cli", "after")}.get(role, role)


def _no_case(case_no: str) -> int:
    print(
        translate("Cli", "qdgui: no demolition case has the number {case}.").format(case=case_no),
        file=sys.stderr,
    )
    return 1
