"""A realistic demo data set built from the figures reported in the source articles (DOMAIN.md)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from qdgui.models import repository
from qdgui.models.records import (
    CommunityDraft,
    DemolitionDraft,
    Operator,
    ParkDraft,
    ProjectDraft,
    SigningDraft,
    TargetDraft,
)

DISTRICTS = ("370202", "370203", "370211", "370212", "370213", "370214", "370215", "370281", "370283", "370285")
STREETS = {
    "370202": ("370202005", "370202001", "370202010"),
    "370203": ("370203021", "370203028", "370203035"),
    "370211": ("370211014", "370211002", "370211013"),
    "370212": ("370212001", "370212002", "370212005"),
    "370213": ("370213006", "370213003", "370213011"),
    "370214": ("370214001", "370214002", "370214003"),
    "370215": ("370215001", "370215002", "370215003"),
    "370281": ("370281001", "370281002"),
    "370283": ("370283001", "370283002"),
    "370285": ("370285001", "370285002"),
}
CLERKS = ("王丽", "李娜", "张伟", "刘洋", "陈静", "杨帆")


@dataclass(frozen=True)
class DemoSummary:
    projects: int
    communities: int
    signings: int
    demolitions: int
    parks: int
    targets: int


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """Split a total into a front-loaded series of positive daily figures (signings start fast)."""
    weights = [1.0 / (i + 1.5) + rng.random() * 0.05 for i in range(parts)]
    raw = [max(1, int(total * w / sum(weights))) for w in weights]
    raw[0] += total - sum(raw)
    return raw


def _clerk(rng: random.Random) -> Operator:
    return Operator(rng.choice(CLERKS), "demo-laptop")


def fill(session: Session, *, today: date, seed: int = 814) -> DemoSummary:
    """Add the demo records for today's year to the session's database (one transaction)."""
    rng = random.Random(seed)
    year = today.year
    counts = dict(projects=0, communities=0, signings=0, demolitions=0, parks=0, targets=0)

    def add(draft) -> str:
        return repository.add(session, draft, by=_clerk(rng), today=today, confirm_warnings=True)

    start = date(year, 1, 5)
    span = max((today - start).days, 30)

    # Dongjiaxiazhuang: all 814 houses signed in 13 days (张村河片区, 崂山区中韩街道).
    zhangcun = add(
        ProjectDraft(
            "张村河片区旧村改造",
            "licun_river",
            "370212",
            "370212001",
            total_households="1,960",
            total_houses="2,310",
            total_area_m2="62.4万平方米",
            total_land_mu="1,850亩",
        )
    )
    counts["projects"] += 1
    village = add(CommunityDraft("370212001", "董家下庄", "village"))
    counts["communities"] += 1
    first_day = min(today - timedelta(days=40), date(year, 10, 1))
    houses = _split(814, 13, rng)
    households = _split(702, 13, rng)
    for day, (h, hh) in enumerate(zip(houses, households)):
        add(
            SigningDraft(
                zhangcun,
                "370212",
                "370212001",
                first_day + timedelta(days=day),
                households=hh,
                houses=f"{h}处",
                area_m2=f"{h * rng.randint(150, 260)}",
                community_uuid=village,
                compensation="mixed",
                remarks="董家下庄整村签约",
            )
        )
        counts["signings"] += 1
    for name in ("西韩", "东韩", "南龙口"):
        community = add(CommunityDraft("370212001", name, "village"))
        counts["communities"] += 1
        for _ in range(rng.randint(6, 12)):
            n = rng.randint(5, 30)
            add(
                SigningDraft(
                    zhangcun,
                    "370212",
                    "370212001",
                    start + timedelta(days=rng.randint(0, span)),
                    households=n,
                    houses=n + rng.randint(0, 5),
                    area_m2=n * rng.randint(120, 220),
                    community_uuid=community,
                    compensation=rng.choice(["cash", "swap", "mixed"]),
                )
            )
            counts["signings"] += 1

    # Wangtai old industrial zone: 14 villages, 4283 households (西海岸新区).
    wangtai = add(
        ProjectDraft(
            "王台老工业区征迁",
            "low_efficiency_zone",
            "370211",
            "370211014",
            total_households=4283,
            total_houses=4590,
            total_land_mu="12400",
        )
    )
    counts["projects"] += 1
    for i in range(14):
        community = add(
            CommunityDraft("370211014", f"王台{'一二三四五六七八九十'[i % 10]}{'村' if i < 10 else '西村'}", "village")
        )
        counts["communities"] += 1
        for _ in range(rng.randint(4, 8)):
            n = rng.randint(8, 40)
            add(
                SigningDraft(
                    wangtai,
                    "370211",
                    "370211014",
                    start + timedelta(days=rng.randint(0, span)),
                    households=n,
                    houses=n + rng.randint(0, 4),
                    land_mu=f"{rng.randint(5, 60)}.5",
                    community_uuid=community,
                    compensation="cash",
                )
            )
            counts["signings"] += 1

    # Agreements signed one by one in the old city (市北区).
    old_city = add(
        ProjectDraft(
            "四方路片区城市更新",
            "historic_district",
            "370203",
            "370203021",
            total_households=380,
            total_houses=380,
            total_area_m2="31,500",
        )
    )
    counts["projects"] += 1
    for i in range(120):
        add(
            SigningDraft(
                old_city,
                "370203",
                "370203021",
                start + timedelta(days=rng.randint(0, span)),
                households=1,
                houses=1,
                area_m2=f"{rng.randint(35, 110)}.{rng.randint(0, 99):02d}",
                agreement_no=f"SB-2026-{i + 1:04d}",
                compensation=rng.choice(["cash", "swap"]),
            )
        )
        counts["signings"] += 1

    # Illegal buildings: a few hundred cases across the city.
    structures = ("brick_concrete", "steel", "color_steel", "other")
    for i in range(420):
        district = rng.choice(DISTRICTS)
        street = rng.choice(STREETS[district])
        found = start + timedelta(days=rng.randint(0, span))
        status = rng.choices(("identified", "in_progress", "demolished", "rectified"), (1, 1, 6, 1))[0]
        done = min(found + timedelta(days=rng.randint(3, 60)), today) if status in ("demolished", "rectified") else None
        add(
            DemolitionDraft(
                f"WJ{year}-{district}-{i + 1:04d}",
                district,
                street,
                f"{rng.choice(['东', '西', '南', '北'])}{rng.randint(1, 200)}号院内",
                rng.choice(structures),
                f"{rng.randint(12, 2400)}㎡",
                "rectify" if status == "rectified" else "demolish",
                status,
                found,
                done,
                key_zone=rng.choice([None, None, "老城区重点片区", "城乡结合部片区"]),
                enforcement_unit=f"{rng.randint(1, 6)}中队",
            )
        )
        counts["demolitions"] += 1

    # Parks: 60 hill parks of which 47 completed; pocket parks over plan; corridors, greening, greenway.
    park_plan = (
        ("hill", 60, 47),
        ("comprehensive", 7, 4),
        ("pocket", 50, 57),
        ("community", 12, 9),
        ("corridor", 40, 31),
        ("vertical", 110, 96),
        ("greenway", 8, 6),
    )
    for kind, planned, completed in park_plan:
        for i in range(max(planned, completed)):
            district = rng.choice(DISTRICTS)
            is_done = i < completed
            started = start + timedelta(days=rng.randint(0, span // 2))
            done_on = min(started + timedelta(days=rng.randint(20, 150)), today) if is_done else None
            add(
                ParkDraft(
                    f"{_park_name(kind, i)}",
                    kind,
                    district,
                    year,
                    "completed" if is_done else rng.choice(["planned", "building"]),
                    street_code=rng.choice(STREETS[district]),
                    area_m2=None if kind == "greenway" else rng.randint(800, 60000),
                    length_km=f"{Decimal(rng.randint(4000, 9000)) / 1000}" if kind == "greenway" else None,
                    investment_wan=rng.randint(50, 3000),
                    started_on=started,
                    completed_on=done_on,
                )
            )
            counts["parks"] += 1

    # Annual targets per district.
    for district in DISTRICTS:
        for measure, low, high in (
            ("signed_households", 300, 1500),
            ("demolition_count", 20, 60),
            ("demolition_area", 5000, 60000),
            ("park_hill", 3, 8),
            ("park_pocket", 3, 9),
            ("park_corridor", 2, 6),
            ("park_vertical", 6, 14),
        ):
            value = rng.randint(low, high)
            plan = {}
            if measure in ("signed_households", "demolition_area"):  # planned month by month, as offices do
                share, rest = divmod(value, 12)
                plan = {f"month_{m}": share + (rest if m == 12 else 0) for m in range(1, 13)}
            add(TargetDraft(year, district, measure, value, **plan))
            counts["targets"] += 1
        add(TargetDraft(year, district, "park_greenway", "5.8"))
        counts["targets"] += 1
    return DemoSummary(**counts)


def _park_name(kind: str, i: int) -> str:
    names = {
        "hill": "山头公园",
        "comprehensive": "综合公园",
        "pocket": "口袋公园",
        "community": "社区公园",
        "corridor": "林荫廊道",
        "vertical": "立体绿化点",
        "greenway": "滨海绿道",
    }
    places = ("浮山", "太平山", "楼山", "午山", "烟台山", "嘉定山", "双峰山", "老虎山", "青山", "唐岛湾")
    return f"{places[i % len(places)]}{names[kind]}{i // len(places) + 1}号"
