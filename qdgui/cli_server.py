"""`qdgui server init` and `qdgui server add-user`: a district or city server's roles and users."""

from __future__ import annotations

import getpass
import sys

import sqlalchemy.exc
from sqlalchemy import select

from qdgui.i18n import translate
from qdgui.models import access
from qdgui.models.database import Database
from qdgui.models.tables import Division


def run_server(args, database: Database) -> int:
    if not database.server:
        print(
            translate("Cli", "qdgui: server commands need a server address: --db postgresql://user@host:port/dbname"),
            file=sys.stderr,
        )
        return 2
    try:
        if args.server_command == "init":
            access.init_server(database.engine)
            print(
                translate("Cli", "The server {address} is ready: schema, roles and access by place.").format(
                    address=database.name
                )
            )
            return 0
        member = _member(args, database)
        password = _password(args)
        access.add_user(database.engine, member, password)
    except access.AccessError as exc:
        print(translate("Cli", "qdgui: {message}").format(message=exc), file=sys.stderr)
        return 1
    except sqlalchemy.exc.ProgrammingError as exc:  # not the owner, or not allowed to make roles
        if "permission denied" not in str(exc.orig).lower() and "must be" not in str(exc.orig).lower():
            raise
        print(
            translate(
                "Cli",
                "qdgui: this user may not set up the server (it must own qdgui's tables and may create roles). "
                "Nothing was changed.",
            ),
            file=sys.stderr,
        )
        return 1
    place = {"city": translate("Cli", "the whole city")}.get(member.level) or (
        f"{member.district_code} {member.street_code or ''}".strip()
    )
    print(
        translate("Cli", "User {name} ({level}, {place}) is ready.").format(
            name=member.name, level=member.level, place=place
        )
    )
    return 0


def _member(args, database: Database) -> access.Member:
    with database.sessions() as session:
        divisions = session.execute(select(Division.code, Division.name, Division.level, Division.parent_code)).all()

    def find(value: str | None, level: str, parent: str | None = None) -> str | None:
        if value is None:
            return None
        found = [
            d.code
            for d in divisions
            if d.level == level and value in (d.code, d.name) and (parent is None or d.parent_code == parent)
        ]
        if len(found) != 1:
            raise access.AccessError(
                translate("Cli", "There is no {what} named {value}.").format(
                    what=translate("Cli", "district") if level == "county" else translate("Cli", "street"), value=value
                )
            )
        return found[0]

    street = find(args.street, "township")
    district = find(args.district, "county")
    if district is None and street is not None:  # a street names its district
        district = next(d.parent_code for d in divisions if d.code == street)
    if args.level != "city" and district is None:
        raise access.AccessError(
            translate("Cli", "A {level} user needs --district (or --street).").format(level=args.level)
        )
    if args.level == "street" and street is None:
        raise access.AccessError(translate("Cli", "A street user needs --street."))
    return access.Member(args.name, args.level, district, street)


def _password(args) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    if not sys.stdin.isatty():
        raise access.AccessError(
            translate("Cli", "Give the password with --password-stdin, or run this in a terminal.")
        )
    first = getpass.getpass(translate("Cli", "Password: "))
    if first != getpass.getpass(translate("Cli", "The same password again: ")):
        raise access.AccessError(translate("Cli", "The two passwords differ; nothing was changed."))
    return first
