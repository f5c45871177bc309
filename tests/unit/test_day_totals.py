"""The day totals the triggers keep (revision 0011) equal the records' own sums after any mix of
writes (and each project's signed totals): the program's saves, edits, deletions and undos, and SQL written past the program (moves
between days and places, status changes, hard deletes), on both engines."""

import random
from datetime import date, timedelta

from sqlalchemy import text

from qdgui.models import progress, repository
from qdgui.models.records import DemolitionDraft, ParkDraft, ProjectDraft, SigningDraft
from qdgui.models.tables import Demolition, Signing

STREETS = [("370212", "370212001"), ("370212", "370212002"), ("370202", "370202005")]
PARK_KINDS = ("pocket", "greenway")

# What each sums' table must hold, written straight over the records (the oracle).
EXPECTED = {
    "signing_day": (
        "SELECT signed_on, district_code, street_code, count(*), sum(households), sum(houses), "
        "sum(coalesce(area_m2, 0)), sum(coalesce(land_mu, 0)) FROM signing WHERE NOT deleted "
        "GROUP BY signed_on, district_code, street_code",
        "SELECT day, district_code, street_code, records, households, houses, area_m2, land_mu FROM signing_day",
    ),
    "demolition_day": (
        "SELECT done_on, district_code, street_code, count(*), sum(area_m2) FROM demolition "
        "WHERE NOT deleted AND status IN ('demolished', 'rectified') GROUP BY done_on, district_code, street_code",
        "SELECT day, district_code, street_code, records, area_m2 FROM demolition_day",
    ),
    "park_day": (
        "SELECT completed_on, district_code, coalesce(street_code, ''), kind, count(*), "
        "sum(coalesce(length_km, 0)) FROM park WHERE NOT deleted AND status = 'completed' "
        "GROUP BY completed_on, district_code, coalesce(street_code, ''), kind",
        "SELECT day, district_code, street_code, kind, records, length_km FROM park_day",
    ),
    "project_signed": (
        "SELECT project_uuid, count(*), sum(households), sum(houses) FROM signing WHERE NOT deleted "
        "GROUP BY project_uuid",
        "SELECT project_uuid, records, households, houses FROM project_signed",
    ),
}


def sums_agree(db) -> dict[str, int]:
    rows = {}
    with db.engine.connect() as conn:
        for table, (oracle, kept) in EXPECTED.items():
            expected = sorted(tuple(str(v) for v in row) for row in conn.execute(text(oracle)))
            actual = sorted(tuple(str(v) for v in row) for row in conn.execute(text(kept)))
            assert actual == expected, table
            rows[table] = len(actual)
    return rows


def day(rng) -> str:
    return (date(2026, 1, 1) + timedelta(days=rng.randrange(40))).isoformat()


def test_day_totals_follow_every_write(db, clerk, today):
    rng = random.Random(20261202)
    with db.begin() as s:
        project = repository.add(
            s, ProjectDraft("张村河片区", "licun_river", "370212", total_households=100000), by=clerk, today=today
        )
        other = repository.add(
            s, ProjectDraft("李村河片区", "licun_river", "370212", total_households=100000), by=clerk, today=today
        )
    signings, cases, parks = [], [], []
    for i in range(60):
        district, street = STREETS[i % 2]  # the project is in 崂山区
        with db.begin() as s:
            signings.append(
                repository.add(
                    s,
                    SigningDraft(
                        project,
                        district,
                        street,
                        day(rng),
                        rng.randint(1, 5),
                        rng.randint(0, 3),
                        str(rng.randint(50, 300)) if i % 3 else None,
                        "0.5" if i % 4 == 0 else None,
                    ),
                    by=clerk,
                    today=today,
                    confirm_warnings=True,
                )
            )
        district, street = STREETS[i % 3]
        done = day(rng) if i % 2 else None
        with db.begin() as s:
            cases.append(
                repository.add(
                    s,
                    DemolitionDraft(
                        f"CW-{i}",
                        district,
                        street,
                        f"某路{i}号",
                        "steel",
                        str(rng.randint(5, 90)),
                        "demolish",
                        "demolished" if done else "identified",
                        "2026-01-01",
                        done,
                    ),
                    by=clerk,
                    today=today,
                    confirm_warnings=True,
                )
            )
        if i % 3 == 0:
            kind = PARK_KINDS[i % 2]
            with db.begin() as s:
                parks.append(
                    repository.add(
                        s,
                        ParkDraft(
                            f"公园{i}",
                            kind,
                            district,
                            2026,
                            "completed",
                            street if i % 2 else None,
                            length_km="1.25" if kind == "greenway" else None,
                            completed_on=day(rng),
                        ),
                        by=clerk,
                        today=today,
                        confirm_warnings=True,
                    )
                )
    kept = sums_agree(db)
    assert kept["signing_day"] > 10 and kept["demolition_day"] > 10 and kept["park_day"] > 3

    # the program's own deletions and undos
    for uuid in rng.sample(signings, 10):
        with db.begin() as s:
            repository.set_deleted(s, Signing, uuid, True, by=clerk)
    for uuid in rng.sample(cases, 10):
        with db.begin() as s:
            repository.set_deleted(s, Demolition, uuid, True, by=clerk)
    restored = rng.sample(signings, 5)
    for uuid in restored:
        with db.begin() as s:
            repository.set_deleted(s, Signing, uuid, False, by=clerk)
    sums_agree(db)

    # SQL past the program: moves between days and places, amounts, status, hard deletes
    with db.engine.begin() as conn:
        for uuid in rng.sample(signings, 20):
            district, street = rng.choice(STREETS[:2])
            conn.execute(
                text(
                    "UPDATE signing SET signed_on = :d, street_code = :s, households = :h, area_m2 = NULL WHERE uuid = :u"
                ),
                {"d": day(rng), "s": street, "h": rng.randint(1, 9), "u": uuid},
            )
        for uuid in rng.sample(cases, 20):
            if rng.random() < 0.5:
                conn.execute(
                    text("UPDATE demolition SET status = 'rectified', done_on = :d, area_m2 = 4200 WHERE uuid = :u"),
                    {"d": day(rng), "u": uuid},
                )
            else:
                conn.execute(
                    text("UPDATE demolition SET status = 'identified', done_on = NULL WHERE uuid = :u"), {"u": uuid}
                )
        for uuid in parks[:3]:
            conn.execute(
                text("UPDATE park SET street_code = '370212002', kind = 'pocket' WHERE uuid = :u"), {"u": uuid}
            )
        conn.execute(text("UPDATE park SET status = 'building', completed_on = NULL WHERE uuid = :u"), {"u": parks[3]})
        conn.execute(text("UPDATE signing SET remarks = 'only words' WHERE uuid = :u"), {"u": signings[0]})
        for uuid in signings[1:8]:  # to the other project
            conn.execute(text("UPDATE signing SET project_uuid = :p WHERE uuid = :u"), {"p": other, "u": uuid})
        for uuid in rng.sample(signings, 5):
            conn.execute(text("DELETE FROM audit_entry WHERE record_uuid = :u"), {"u": uuid})
            conn.execute(text("DELETE FROM signing WHERE uuid = :u"), {"u": uuid})
    sums_agree(db)

    # and the figures read from them are the records' own: a project's totals less the one edited
    edited = signings[10]
    with db.sessions() as s:
        for uuid in (project, other):
            totals = repository.project_totals(s, uuid, excluding=edited)
            households, houses = s.execute(
                text(
                    "SELECT coalesce(sum(households), 0), coalesce(sum(houses), 0) FROM signing "
                    "WHERE project_uuid = :p AND NOT deleted AND uuid <> :e"
                ),
                {"p": uuid, "e": edited},
            ).one()
            assert (totals.signed_households, totals.signed_houses) == (households, houses)
            assert households > 0
    with db.sessions() as s:
        daily = progress.load_daily(s, "signed_households", year=2026, scope="370212", unit_column="street_code")
        by_street = s.execute(
            text(
                "SELECT street_code, sum(households) FROM signing WHERE NOT deleted AND district_code = '370212' "
                "GROUP BY street_code"
            )
        ).all()
    summed = {}
    for (street, _), amount in daily.cells.items():
        summed[street] = summed.get(street, 0) + amount
    assert summed == {street: total for street, total in by_street}


def test_a_write_that_fails_leaves_the_sums_as_they_were(db, clerk, today):
    with db.begin() as s:
        project = repository.add(
            s, ProjectDraft("某片区", "licun_river", "370212", total_households=90), by=clerk, today=today
        )
        uuid = repository.add(
            s,
            SigningDraft(project, "370212", "370212001", "2026-02-01", 3),
            by=clerk,
            today=today,
            confirm_warnings=True,
        )
    before = sums_agree(db)
    try:
        with db.engine.begin() as conn:
            conn.execute(
                text("UPDATE signing SET signed_on = '2026-03-01', households = 40 WHERE uuid = :u"), {"u": uuid}
            )
            conn.execute(text("UPDATE signing SET households = -1 WHERE uuid = :u"), {"u": uuid})  # a CHECK refuses
    except Exception:  # noqa: BLE001 - the database's own refusal is what is tested
        pass
    else:
        raise AssertionError("the CHECK did not refuse")
    assert sums_agree(db) == before
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT day, households FROM signing_day")).all()[0][1] == 3
