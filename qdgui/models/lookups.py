"""Choices for cascading fields: districts -> streets -> communities, and projects of a district."""

from __future__ import annotations

from sqlalchemy import false, select
from sqlalchemy.orm import Session

from qdgui.models.reference import DISTRICT_ALIASES
from qdgui.models.tables import Community, Division, Project, Signing


def districts(session: Session) -> list[tuple[str, str]]:
    return list(
        session.execute(select(Division.code, Division.name).where(Division.level == "county").order_by(Division.code))
    )


def streets(session: Session, district_code: str | None) -> list[tuple[str, str]]:
    if not district_code:
        return []
    query = select(Division.code, Division.name).where(
        Division.parent_code == district_code, Division.level.in_(("township", "special_zone"))
    )
    return list(session.execute(query.order_by(Division.user_added, Division.code)))


def communities(session: Session, street_code: str | None) -> list[tuple[str, str]]:
    if not street_code:
        return []
    query = select(Community.uuid, Community.name).where(
        Community.street_code == street_code, Community.deleted == false()
    )
    return list(session.execute(query.order_by(Community.name)))


def projects(session: Session, district_code: str | None = None) -> list[tuple[str, str]]:
    query = select(Project.uuid, Project.name).where(Project.deleted == false())
    if district_code:
        query = query.where(Project.district_code == district_code)
    return list(session.execute(query.order_by(Project.name)))


def division_name(session: Session, code: str | None) -> str:
    if not code:
        return ""
    return session.scalar(select(Division.name).where(Division.code == code)) or code


def latest_signing_project(session: Session, district_code: str | None = None) -> str | None:
    """The project most recently signed in (the one a dashboard most likely wants to show)."""
    query = (
        select(Signing.project_uuid)
        .join(Project, Project.uuid == Signing.project_uuid)
        .where(Signing.deleted == false(), Project.deleted == false())
    )
    if district_code:
        query = query.where(Project.district_code == district_code)
    return session.scalar(query.order_by(Signing.signed_on.desc(), Signing.updated_at.desc()).limit(1))


def find_division(session: Session, text: str) -> str | None:
    """A district or street code from its code or name, written with or without 区/市/街道/镇."""
    wanted = (text or "").strip()
    if not wanted:
        return None
    if wanted in DISTRICT_ALIASES:
        return DISTRICT_ALIASES[wanted]
    rows = session.execute(
        select(Division.code, Division.name).where(Division.level.in_(("county", "township", "special_zone")))
    ).all()
    for code, name in rows:
        if wanted in (code, name):
            return code
    loose = [code for code, name in rows if bare_name(name) == bare_name(wanted)]
    return loose[0] if len(loose) == 1 else None


def bare_name(name: str) -> str:
    for suffix in ("街道办事处", "街道", "镇", "区", "市"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def all_names(session: Session) -> dict[str, str]:
    """{code or UUID: name} of every division, project and community (a preview shows names, not codes)."""
    names = dict(session.execute(select(Division.code, Division.name)).all())
    names.update(session.execute(select(Project.uuid, Project.name)).all())
    names.update(session.execute(select(Community.uuid, Community.name)).all())
    return names
