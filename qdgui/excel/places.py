"""The places and references a hand-kept sheet names, as codes: districts (with the names people
write for them), streets, projects and communities, read once per import; and the projects and
villages an import creates, offered near names first."""

from __future__ import annotations

from datetime import date

from sqlalchemy import false, select
from sqlalchemy.orm import Session

from qdgui.excel import columns as cols
from qdgui.excel import context
from qdgui.models import repository
from qdgui.models.lookups import bare_name
from qdgui.models.parse import normalize
from qdgui.models.records import CommunityDraft, Operator, ProjectDraft
from qdgui.models.reference import DISTRICT_ALIASES
from qdgui.models.tables import Community, Division, Project


class Places:
    """Names to codes for districts, streets, projects and communities, read once per import; the
    projects and villages an import creates join them at once."""

    def __init__(self, session: Session):
        self.session = session
        rows = session.execute(select(Division.code, Division.name, Division.level, Division.parent_code)).all()
        self.districts = {r.code: r.name for r in rows if r.level == "county"}
        self.streets: dict[str, list[tuple[str, str]]] = {}
        for r in rows:
            if r.level in ("township", "special_zone"):
                self.streets.setdefault(r.parent_code, []).append((r.code, r.name))
        self._projects: dict[tuple[str, str], list[str]] | None = None
        self._project_names: dict[str, list[tuple[str, str]]] = {}  # district -> [(name, uuid)]
        self._communities: dict[tuple[str, str], str] | None = None
        self._community_names: dict[str, list[str]] = {}  # street -> names
        self._street_cache: dict[tuple[str, str | None], list[str]] = {}
        self._parents: dict[str, str] = {}

    def gazetteer(self) -> context.Gazetteer:
        districts = {name: code for code, name in self.districts.items()}
        districts.update(DISTRICT_ALIASES)
        streets: dict[str, list[str]] = {}
        for pool in self.streets.values():
            for code, name in pool:
                streets.setdefault(name, []).append(code)
        self.projects("", None)
        names = tuple({n for pool in self._project_names.values() for n, _ in pool})
        return context.Gazetteer(districts, streets, names)

    def district(self, text: str) -> str | None:
        wanted = normalize(text).replace(" ", "")
        if wanted in self.districts:
            return wanted
        if wanted in DISTRICT_ALIASES:
            return DISTRICT_ALIASES[wanted]
        found = [
            c for c, n in self.districts.items() if wanted in (n, bare_name(n)) or bare_name(wanted) == bare_name(n)
        ]
        return found[0] if len(found) == 1 else None

    def street(self, text: str, district: str | None) -> list[str]:
        key = (text, district)
        if key not in self._street_cache:
            self._street_cache[key] = self._street(text, district)
        return self._street_cache[key]

    def _street(self, text: str, district: str | None) -> list[str]:
        wanted = normalize(text).replace(" ", "").removesuffix("办事处")
        pool = self.streets.get(district, []) if district else [s for v in self.streets.values() for s in v]
        exact = [c for c, n in pool if wanted in (c, n)]
        if exact:
            return exact
        return [c for c, n in pool if bare_name(n) == bare_name(wanted)]

    def street_names(self) -> dict[str, str]:
        return {code: name for pool in self.streets.values() for code, name in pool}

    def parent(self, street: str) -> str | None:
        if not self._parents:
            self._parents = {c: d for d, pool in self.streets.items() for c, _ in pool}
        return self._parents.get(street)

    def projects(self, name: str, district: str | None) -> list[str]:
        if self._projects is None:
            self._projects = {}
            for uuid, pname, pdistrict in self.session.execute(
                select(Project.uuid, Project.name, Project.district_code).where(Project.deleted == false())
            ):
                self._remember_project(uuid, pname, pdistrict)
        key = cols.fold(name)
        if district:
            return self._projects.get((key, district), [])
        return [u for (n, _), uuids in self._projects.items() if n == key for u in uuids]

    def _remember_project(self, uuid: str, name: str, district: str) -> None:
        assert self._projects is not None
        self._projects.setdefault((cols.fold(name), district), []).append(uuid)
        self._project_names.setdefault(district, []).append((name, uuid))

    def near_projects(self, name: str, district: str | None) -> list[str]:
        """Names of this district's projects that nearly match (张村河片区城中村改造 / 张村河片区旧村改造)."""
        self.projects("", None)
        pool = self._project_names.get(district, []) if district else []
        return near_names(name, [n for n, _ in pool])

    def create_project(self, name: str, district: str, *, by: Operator, today: date) -> str:
        uuid = repository.add(
            self.session,
            ProjectDraft(name, _campaign_area(name), district),
            by=by,
            today=today,
            confirm_warnings=True,
        )
        self._remember_project(uuid, name, district)
        return uuid

    def community(self, name: str, street: str | None) -> str | None:
        if not street:
            return None
        if self._communities is None:
            self._communities = {}
            for uuid, cname, cstreet in self.session.execute(
                select(Community.uuid, Community.name, Community.street_code).where(Community.deleted == false())
            ):
                self._communities[(cols.fold(cname), cstreet)] = uuid
                self._community_names.setdefault(cstreet, []).append(cname)
        key = cols.fold(name)
        found = self._communities.get((key, street))
        if found is None:
            for suffix in ("社区", "村", "居委会", "村委会"):
                found = (
                    found
                    or self._communities.get((key.removesuffix(suffix), street))
                    or self._communities.get((key + suffix, street))
                )
        return found

    def near_communities(self, name: str, street: str | None) -> list[str]:
        self.community("", street)
        return near_names(name, self._community_names.get(street or "", []))

    def create_community(self, name: str, street: str, *, by: Operator, today: date) -> str:
        kind = "village" if name.endswith(("村", "庄", "屯")) else "community"
        uuid = repository.add(self.session, CommunityDraft(street, name, kind), by=by, today=today)
        assert self._communities is not None
        self._communities[(cols.fold(name), street)] = uuid
        self._community_names.setdefault(street, []).append(name)
        return uuid


def near_names(name: str, pool: list[str]) -> list[str]:
    """Names that are nearly this one: one inside the other, or most characters shared in order."""
    from difflib import SequenceMatcher

    wanted = cols.fold(name)
    found = []
    for other in pool:
        folded = cols.fold(other)
        if folded == wanted:
            continue
        if (len(wanted) >= 3 and wanted in folded) or (len(folded) >= 3 and folded in wanted):
            found.append(other)
        elif SequenceMatcher(None, wanted, folded).ratio() >= 0.7:
            found.append(other)
    return found


_CAMPAIGN_WORDS = (
    (("李村河", "张村河"), "licun_river"),
    (("历史城区", "历史文化街区", "老城区", "历史街区"), "historic_district"),
    (("地铁", "轨道交通"), "metro"),
    (("停车",), "parking"),
    (("低效", "园区"), "low_efficiency_zone"),
    (("公园",), "park_city"),
    (("道路", "交通", "快速路", "立交"), "transport"),
    (("管网", "市政", "供热", "排水"), "municipal"),
)


def _campaign_area(name: str) -> str:
    """The campaign area a project's name says; otherwise old city and village renewal, the campaign's
    largest (the created project is listed, and its area can be changed on the Projects page)."""
    return next((area for words, area in _CAMPAIGN_WORDS if any(w in name for w in words)), "old_city_village")
