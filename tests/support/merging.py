"""Two laptops' returns from the same base ledger, for the merge tests of both layers."""

from datetime import date

from sqlalchemy import select

from qdgui.excel import importer
from qdgui.excel.ledger import write_ledger
from qdgui.models import repository
from qdgui.models.migrate import open_database
from qdgui.models.records import CommunityDraft, DemolitionDraft, Operator, ParkDraft, ProjectDraft, SigningDraft
from qdgui.models.tables import RECORD_TABLES, Demolition, Park, Signing

TODAY = date(2026, 11, 21)
A = Operator("王丽", "laptop-a")
B = Operator("李强", "laptop-b")
BOSS = Operator("张主任", "supervisor")


def seed(db):
    with db.begin() as s:
        project = repository.add(
            s,
            ProjectDraft("张村河片区旧村改造", "licun_river", "370212", "370212001", total_households=4000),
            by=A,
            today=TODAY,
            confirm_warnings=True,
        )
        village = repository.add(s, CommunityDraft("370212001", "董家下庄", "village"), by=A, today=TODAY)
        for i in range(3):
            repository.add(
                s,
                SigningDraft(
                    project,
                    "370212",
                    "370212001",
                    date(2026, 11, 2 + i),
                    households=10 + i,
                    houses=10 + i,
                    community_uuid=village,
                    agreement_no=f"DJ-{i}",
                ),
                by=A,
                today=TODAY,
            )
        for i in range(3):
            repository.add(
                s,
                DemolitionDraft(
                    f"ZH-{i}",
                    "370212",
                    "370212001",
                    f"株洲路{i}号",
                    "color_steel",
                    100 + i,
                    "demolish",
                    "identified",
                    date(2026, 10, 1),
                ),
                by=A,
                today=TODAY,
            )
        repository.add(s, ParkDraft("石老人口袋公园", "pocket", "370212", 2026, "building"), by=A, today=TODAY)


def snapshot(db) -> dict:
    """Every record of every table, all columns but the file it last came from."""
    out = {}
    with db.sessions() as s:
        for name, table in RECORD_TABLES.items():
            rows = s.execute(select(table).order_by(table.uuid)).scalars()
            out[name] = [{c.key: getattr(r, c.key) for c in table.__table__.columns} for r in rows]
    return out


def edit(db, table, where, by, **changes):
    with db.begin() as s:
        row = s.scalar(select(table).where(where))
        repository.update(
            s, row.uuid, repository.draft_from_row(row, **changes), by=by, today=TODAY, confirm_warnings=True
        )


def export(db, path):
    with db.sessions() as s:
        write_ledger(s, path)
    return path


def merge(db, path, by=BOSS, **options):
    return importer.commit(db, importer.read(path), importer.ImportOptions(**options), by=by, today=TODAY)


def make_returns(tmp_path):
    """The base ledger, and the returns of laptops A and B after a week offline."""
    origin, _ = open_database(tmp_path / "origin.sqlite")
    seed(origin)
    base = export(origin, tmp_path / "base.xlsx")
    origin.close()
    laptops = {}
    for name, by in (("a", A), ("b", B)):
        db, _ = open_database(tmp_path / f"{name}.sqlite")
        merge(db, base, by=by)
        laptops[name] = db
    a, b = laptops["a"], laptops["b"]
    # A: finishes case ZH-0, measures ZH-1, deletes signing DJ-1, adds case A-9 and renames the park
    edit(a, Demolition, Demolition.case_no == "ZH-0", A, status="demolished", done_on=date(2026, 11, 20))
    edit(a, Demolition, Demolition.case_no == "ZH-1", A, area_m2="111")
    with a.begin() as s:
        uuid = s.scalar(select(Signing.uuid).where(Signing.agreement_no == "DJ-1"))
        repository.set_deleted(s, Signing, uuid, True, by=A)
        repository.add(
            s,
            DemolitionDraft(
                "A-9", "370212", "370212001", "海尔路9号", "steel", 50, "demolish", "identified", date(2026, 11, 18)
            ),
            by=A,
            today=TODAY,
        )
    edit(a, Park, Park.name == "石老人口袋公园", A, name="石老人社区口袋公园")
    # B: measures case ZH-0 again (other fields than A's: they merge by themselves), measures ZH-1
    # too and corrects its address (the area is a conflict with A, the address is not), corrects
    # signing DJ-2, and enters the same building as A-9 under its own case number (looks alike)
    edit(b, Demolition, Demolition.case_no == "ZH-0", B, area_m2="130")
    edit(b, Demolition, Demolition.case_no == "ZH-1", B, area_m2="122", address="株洲路1号东")
    edit(b, Signing, Signing.agreement_no == "DJ-2", B, households="20", houses="20")
    with b.begin() as s:
        repository.add(
            s,
            DemolitionDraft(
                "B-3", "370212", "370212001", "海尔路9号", "steel", 50, "demolish", "identified", date(2026, 11, 18)
            ),
            by=B,
            today=TODAY,
        )
    paths = {"base": base, "a": export(a, tmp_path / "return-a.xlsx"), "b": export(b, tmp_path / "return-b.xlsx")}
    a.close()
    b.close()
    return paths
