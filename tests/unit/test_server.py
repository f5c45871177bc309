"""qdgui on a real PostgreSQL server: many clerks at once, bad addresses, the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections import defaultdict
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from qdgui.models.database import DatabaseError
from qdgui.models.migrate import head_revision, open_database
from qdgui.models.tables import AuditEntry, Demolition

ROOT = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).with_name("concurrent_writer.py")
CLERKS = 20


def _main(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=120, cwd=ROOT
    )


@pytest.mark.slow
def test_twenty_clerks_at_once_lose_no_update_and_duplicate_no_number(pg_url):
    """20 writer processes, each a clerk doing random saves, edits and deletes for a bounded time on
    a small pool of case numbers and on each other's records (tests/unit/concurrent_writer.py).
    Afterwards: no live case number twice; no two acknowledged edits of a record from one version
    (a lost update would show as two clerks told "saved" for the same version); each record holds
    the value of its last acknowledged edit; every refusal reported in words, none a crash."""
    seconds = float(os.environ.get("QDGUI_CLERK_SECONDS", "12"))
    children = [
        subprocess.Popen(
            [sys.executable, str(WRITER), pg_url, f"c{i:02d}", str(seconds), str(1000 + i)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(CLERKS)
    ]
    outputs: list[list[dict]] = [[] for _ in children]
    errors: list[str] = ["" for _ in children]

    def collect(i: int, child: subprocess.Popen) -> None:
        out, err = child.communicate(timeout=seconds + 120)
        outputs[i] = [json.loads(line) for line in out.splitlines() if line.strip()]
        errors[i] = err

    threads = [threading.Thread(target=collect, args=(i, c)) for i, c in enumerate(children)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for i, child in enumerate(children):
        assert child.returncode == 0, f"clerk {i} crashed: {errors[i][-1500:]}"
        assert "Traceback" not in errors[i]
        assert outputs[i][-1]["event"] == "done"

    events = [e for out in outputs for e in out if e["event"] in ("ok", "refused")]
    ok = [e for e in events if e["event"] == "ok"]
    refused = [e for e in events if e["event"] == "refused"]
    by_action = defaultdict(int)
    for e in ok:
        by_action[e["action"]] += 1
    assert by_action["add"] > 20 and by_action["edit"] > 50 and by_action["delete"] > 5, dict(by_action)
    reasons = {e["why"] for e in refused}
    assert "stale" in reasons and "rules" in reasons, reasons  # the clerks did collide, and were told
    assert all(e["text"].strip() for e in refused)  # every refusal has its words

    # No lost update: each acknowledged change made a version of its own.
    claimed = defaultdict(list)
    for e in ok:
        claimed[(e["uuid"], e["version"])].append(e)
    doubled = {k: v for k, v in claimed.items() if len(v) > 1}
    assert doubled == {}, f"two clerks were told 'saved' for one version: {list(doubled.items())[:3]}"

    database, _ = open_database(pg_url)
    try:
        with database.sessions() as s:
            live = s.execute(select(Demolition.case_no).where(Demolition.deleted.is_(False))).scalars().all()
            assert len(live) == len(set(live)), "a case number is live twice"
            rows = {r.uuid: r for r in s.execute(select(Demolition)).scalars()}
            audited = s.scalar(select(func.count()).select_from(AuditEntry))
    finally:
        database.close()
    last_area: dict[str, tuple[int, int]] = {}
    for e in ok:
        if e["action"] in ("add", "edit"):
            if e["uuid"] not in last_area or e["version"] > last_area[e["uuid"]][0]:
                last_area[e["uuid"]] = (e["version"], e["area"])
    for uuid, (version, area) in last_area.items():
        row = rows[uuid]
        if row.version == version:  # no deletion came after the last edit
            assert int(row.area_m2) == area, f"{uuid}: holds {row.area_m2}, its last acknowledged edit wrote {area}"
        else:
            assert row.version > version
    deletions = {e["uuid"] for e in ok if e["action"] == "delete"}
    assert all(rows[u].deleted for u in deletions if rows[u].version == max(v for (uu, v) in claimed if uu == u))
    assert audited >= len(ok)
    print(f"{len(ok)} acknowledged ({dict(by_action)}), {len(refused)} refused ({sorted(reasons)})")


def test_a_server_address_opens_every_command_and_says_what_is_wrong(pg_cluster, tmp_path):
    url = pg_cluster.create_database("cli_words")
    demo = _main("demo", "--db", url)
    assert demo.returncode == 0, demo.stderr
    summary = _main("summary", "--db", url)
    assert summary.returncode == 0 and "拆违案件" in summary.stdout and "Traceback" not in summary.stderr
    weekly = _main("export", "weekly", "--scope", "city", "--db", url, "--out", str(tmp_path / "周报.xlsx"))
    assert weekly.returncode == 0 and (tmp_path / "周报.xlsx").stat().st_size > 0, weekly.stderr
    ledger = _main("export", "ledger", "--db", url, "--out", str(tmp_path / "台账.xlsx"))
    assert ledger.returncode == 0, ledger.stderr
    again = _main("import", str(tmp_path / "台账.xlsx"), "--dry-run", "--db", url)
    assert again.returncode == 0 and "新增 0" in again.stdout and "冲突 0" in again.stdout, again.stdout

    down = pg_cluster.url("cli_words").replace(f"host={pg_cluster.folder}", f"host={tmp_path}")  # no server there
    cases = {
        "unreachable": (down, "无法连接数据库服务器"),
        "no such database": (pg_cluster.url("no_such_db"), "服务器上没有"),
        # PostgreSQL does not say whether a user exists when it asks for a password: the same words
        "no such user": (pg_cluster.url("cli_words", user="nobody_here"), "拒绝了用户名或密码"),
        "no database named": ("postgresql://qdgui@localhost:5432", "没有写数据库名"),
        "bad port": ("postgresql://qdgui@localhost:99999/x", "不是端口号"),
    }
    for name, (address, words) in cases.items():
        done = _main("summary", "--db", address)
        assert done.returncode == 1, (name, done.stdout, done.stderr)
        assert words in done.stderr and "Traceback" not in done.stderr, (name, done.stderr)


def test_a_server_of_a_newer_qdgui_is_refused_and_left_as_it_is(pg_url):
    database, _ = open_database(pg_url)
    with database.begin() as s:
        s.connection().exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    database.close()
    with pytest.raises(DatabaseError, match="更新版本的 qdgui"):
        open_database(pg_url)
    import psycopg

    from qdgui.models.server import engine_url

    url = engine_url(pg_url)
    with psycopg.connect(
        host=url.query["host"], dbname=url.database, user=url.username, autocommit=True
    ) as con:  # untouched
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("9999",)
    assert head_revision() != "9999"


def _as(cluster, database: str, user: str, password: str):
    return open_database(cluster.url(database, user=user, password=password))[0]


def test_each_role_reads_and_writes_only_its_place_and_the_database_enforces_it(pg_cluster, tmp_path):
    """server init + add-user (the command line, as an administrator would), then a connection per
    role: a street clerk (中韩街道), a district supervisor (崂山区), the command office. What each
    reads and may write is decided by PostgreSQL's row-level security, whatever the program asks."""
    from datetime import date

    from sqlalchemy import insert

    from qdgui.models import demo, repository
    from qdgui.models.database import write_failure
    from qdgui.models.records import DemolitionDraft, Operator, TargetDraft, ValidationFailed
    from qdgui.models.tables import Park, Signing

    url = pg_cluster.create_database("access")
    admin, _ = open_database(url)
    with admin.begin() as s:
        demo.fill(s, today=date(2026, 11, 21), seed=814)
    with admin.sessions() as s:
        everything = {t: s.execute(select(t.district_code, t.street_code)).all() for t in (Signing, Demolition, Park)}
        street_signings = set(s.scalars(select(Signing.uuid).where(Signing.street_code == "370212001")))
        all_audit = s.scalar(select(func.count()).select_from(AuditEntry))
        street_signing_audit = s.scalar(
            select(func.count()).where(AuditEntry.table_name == "signing", AuditEntry.record_uuid.in_(street_signings))
        )
    admin.close()
    assert _main("server", "init", "--db", url).returncode == 0
    users = {
        "zhonghan_li": ["--level", "street", "--street", "中韩街道"],
        "laoshan_zhao": ["--level", "district", "--district", "崂山区"],
        "city_office": ["--level", "city"],
    }
    for name, place in users.items():
        made = subprocess.run(
            [
                sys.executable,
                str(ROOT / "main.py"),
                "server",
                "add-user",
                name,
                *place,
                "--password-stdin",
                "--db",
                url,
            ],
            input="秘密-pass 1\n",
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert made.returncode == 0 and name in made.stdout, made.stderr
    with pg_cluster.psql_connect("access") as con:  # only the verifier is stored, never the password
        stored = con.execute("SELECT rolpassword FROM pg_authid WHERE rolname = 'zhonghan_li'").fetchone()[0]
    assert stored.startswith("SCRAM-SHA-256$4096:") and "秘密" not in stored

    wrong = _main("summary", "--db", pg_cluster.url("access", user="zhonghan_li", password="wrong"))
    assert wrong.returncode == 1 and "拒绝了用户名或密码" in wrong.stderr

    expected = {
        "zhonghan_li": lambda d, s: s == "370212001",
        "laoshan_zhao": lambda d, s: d == "370212",
        "city_office": lambda d, s: True,
    }
    for name, wanted in expected.items():
        database = _as(pg_cluster, "access", name, "秘密-pass 1")
        try:
            with database.sessions() as s:
                for table in (Signing, Demolition, Park):
                    seen = s.execute(select(table.district_code, table.street_code)).all()
                    assert sorted(seen) == sorted(r for r in everything[table] if wanted(*r)), (name, table)
                    assert seen or name != "city_office"
                # a record's history is readable where the record is
                audit = s.execute(select(AuditEntry.table_name, AuditEntry.record_uuid)).all()
                if name == "zhonghan_li":
                    signing_audit = [u for t, u in audit if t == "signing"]
                    assert set(signing_audit) == street_signings and len(signing_audit) == street_signing_audit
                    assert len(audit) < all_audit
                if name == "city_office":
                    assert len(audit) == all_audit
                # the day totals the figures come from are read by the same places (revision 0011)
                totals = s.execute(text("SELECT district_code, street_code, records FROM signing_day")).all()
                assert {(d, st) for d, st, _ in totals} == {r for r in everything[Signing] if wanted(*r)}, name
                assert sum(n for _, _, n in totals) == len([r for r in everything[Signing] if wanted(*r)])
        finally:
            database.close()
    assert any(s == "370212001" for _, s in everything[Demolition])  # the clerk had something to see

    today, by = date(2026, 11, 21), Operator("李", "laptop-z")

    def demolition(street: str, district: str, case: str, done: str | None = None):
        status = "demolished" if done else "identified"
        return DemolitionDraft(
            case, district, street, "东路1号", "color_steel", "50", "demolish", status, "2026-11-01", done
        )

    def attempt(name: str, write) -> str | None:
        database = _as(pg_cluster, "access", name, "秘密-pass 1")
        try:
            with database.begin() as s:
                write(s)
            return None
        except ValidationFailed as exc:  # said before the write, on the field to correct
            return "; ".join(f"{p.field}: {p.message}" for p in exc.problems)
        except Exception as exc:  # noqa: BLE001 - the refusal's words are what is checked
            words = write_failure(exc)
            assert words is not None, repr(exc)
            return words
        finally:
            database.close()

    def add(street: str, district: str, case: str, done: str | None = None):
        return lambda s: repository.add(
            s, demolition(street, district, case, done), by=by, today=today, confirm_warnings=True
        )

    assert attempt("zhonghan_li", add("370212001", "370212", "Z-1")) is None  # his street
    # a case done: its trigger adds it to the day totals, which the clerk may not write himself
    assert attempt("zhonghan_li", add("370212001", "370212", "Z-9", "2026-11-20")) is None
    refused = attempt("zhonghan_li", add("370212002", "370212", "Z-2"))  # the street next door
    assert refused == "street_code: 您的服务器账户 zhonghan_li 只能录入中韩街道的记录。"
    assert attempt("laoshan_zhao", add("370212002", "370212", "Z-3")) is None  # his district
    refused = attempt("laoshan_zhao", add("370202001", "370202", "Z-4"))  # 市南区
    assert refused == "district_code: 您的服务器账户 laoshan_zhao 只能录入崂山区的记录。"
    assert "只读取各地数据，不录入记录" in attempt("city_office", add("370212001", "370212", "Z-5"))

    # The database refuses on its own, whatever the program asks: the same record written past the
    # rules, straight into the table, by each account that may not.
    def raw(street: str, district: str, case: str):
        def write(s):
            values = dict(
                uuid=repository.new_uuid(),
                case_no=case,
                district_code=district,
                street_code=street,
                address="东路2号",
                structure="color_steel",
                area_m2=50,
                disposal="demolish",
                status="identified",
                found_on=date(2026, 11, 1),
                created_at=today,
                updated_at=today,
                operator="李",
                device="x",
                version=1,
                deleted=False,
                clock="{}",
            )
            s.execute(insert(Demolition).values(**values))

        return write

    assert "无权保存这一地点" in attempt("zhonghan_li", raw("370212002", "370212", "Z-6"))
    assert "无权保存这一地点" in attempt("laoshan_zhao", raw("370202001", "370202", "Z-7"))
    assert "无权" in attempt("city_office", raw("370212001", "370212", "Z-8"))

    def target(measure: str):
        return lambda s: repository.add(
            s, TargetDraft(2027, "370212", measure, "100"), by=by, today=today, confirm_warnings=True
        )

    assert attempt("city_office", target("demolition_count")) is None  # the command office sets targets
    assert "只有市指挥部的账户可以设定年度目标" in attempt("laoshan_zhao", target("signed_households"))

    admin, _ = open_database(url)
    with admin.sessions() as s:
        cases = set(s.scalars(select(Demolition.case_no).where(Demolition.case_no.like("Z-%"))))
    assert cases == {"Z-1", "Z-3", "Z-9"}  # nothing refused reached the table
    with admin.sessions() as s:
        done = s.execute(
            text(
                "SELECT count(*) FROM demolition WHERE NOT deleted AND done_on = '2026-11-20' AND street_code = '370212001'"
            )
        ).scalar()
        kept = s.execute(
            text("SELECT records FROM demolition_day WHERE day = '2026-11-20' AND street_code = '370212001'")
        ).scalar()
    assert kept == done >= 1

    # A newer qdgui ships a street the server lacks: a clerk's start says the administrator comes first.
    with admin.begin() as s:
        s.connection().exec_driver_sql("DELETE FROM division WHERE code = '370215104'")  # 移风店镇, unused
    admin.close()
    refused = _main("summary", "--db", pg_cluster.url("access", user="zhonghan_li", password="秘密-pass 1"))
    assert refused.returncode == 1 and "须先由其管理员升级" in refused.stderr and "Traceback" not in refused.stderr, (
        refused.stderr
    )


def test_supervisors_merge_their_districts_returns_and_are_told_what_lies_outside(pg_cluster, returns):
    """Laptops' returns merged on the server by district supervisors' own accounts, from the command
    line: 崂山区's supervisor merges the base ledger and both laptops' returns (conflicts and look-alikes
    go to review as on a file); 市南区's supervisor, given 崂山区's ledger, merges nothing and is told
    for each record, by sheet and row and by name, that it lies outside his account's place. Neither
    reads the other's merge changes or review items."""
    from qdgui.models.tables import ImportBatch, ImportChange, ReviewItem, Signing

    url = pg_cluster.create_database("merges")
    open_database(url)[0].close()
    assert _main("server", "init", "--db", url).returncode == 0
    for name, district in (("laoshan_zhao", "崂山区"), ("shinan_qian", "市南区")):
        made = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "server", "add-user", name, "--level", "district",
             "--district", district, "--password-stdin", "--db", url],
            input="pw-1234\n", capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert made.returncode == 0, made.stderr
    laoshan = pg_cluster.url("merges", user="laoshan_zhao", password="pw-1234")
    shinan = pg_cluster.url("merges", user="shinan_qian", password="pw-1234")

    outside = _main("import", str(returns["base"]), "--db", shinan)
    assert outside.returncode == 0 and "Traceback" not in outside.stderr, outside.stderr
    assert "新增 0，" in outside.stdout and "疑似重复暂缓 0" in outside.stdout
    assert "9 条记录暂缓合并：不符合录入规则，或不在此账户的地点范围内" in outside.stdout, outside.stdout
    lines = [line.strip() for line in outside.stdout.splitlines() if "只能录入市南区的记录" in line]
    assert len(lines) == 9
    assert "项目 张村河片区旧村改造 崂山区（工作表“项目”第 2 行）" in lines[0]
    # a signing is named by its project and village as the file names them, though neither got in
    assert any("张村河片区旧村改造 董家下庄 协议DJ-0" in line and "第 2 行" in line for line in lines), lines

    for name in ("base", "a", "b"):
        done = _main("import", str(returns[name]), "--db", laoshan)
        assert done.returncode == 0 and "只能录入" not in done.stdout, done.stdout + done.stderr
    assert "两边都有修改，请逐项选择：拆违案件 ZH-1" in done.stdout

    admin, _ = open_database(pg_cluster.url("merges"))
    try:
        with admin.sessions() as s:
            signings = s.scalar(select(func.count()).select_from(Signing).where(Signing.deleted.is_(False)))
            changes = s.scalar(select(func.count()).select_from(ImportChange))
            reviews = s.scalar(select(func.count()).select_from(ReviewItem))
    finally:
        admin.close()
    assert signings == 2 and changes > 0 and reviews > 0  # A deleted DJ-1; B's conflict and look-alike
    for url_, sees in ((laoshan, True), (shinan, False)):
        database = open_database(url_)[0]
        try:
            with database.sessions() as s:
                seen_changes = s.scalar(select(func.count()).select_from(ImportChange))
                seen_reviews = s.scalar(select(func.count()).select_from(ReviewItem))
        finally:
            database.close()
        assert (seen_changes, seen_reviews) == ((changes, reviews) if sees else (0, 0))

    # An undo puts back all of a batch or none: 市南区's supervisor cannot undo 崂山区's merge (he
    # would put back nothing and call it undone); 崂山区's supervisor undoes his own, whole.
    admin, _ = open_database(pg_cluster.url("merges"))
    with admin.sessions() as s:
        last = s.scalar(select(func.max(ImportBatch.id)))
    admin.close()
    refused = _main("import", "--undo", str(last), "--db", shinan)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr, refused.stderr
    assert f"导入批次 {last} 不能用此服务器账户撤销" in refused.stderr, refused.stderr
    undone = _main("import", "--undo", str(last), "--db", laoshan)
    assert undone.returncode == 0, undone.stderr
    admin, _ = open_database(pg_cluster.url("merges"))
    try:
        with admin.sessions() as s:
            cases = set(s.scalars(select(Demolition.case_no).where(Demolition.deleted.is_(False))))
            batch = s.get(ImportBatch, last)
            assert batch.undone_at is not None
    finally:
        admin.close()
    assert "B-3" not in cases and "A-9" in cases  # B's new case gone with its batch, A's kept


def test_a_clerk_is_held_to_the_whole_projects_total_not_only_to_what_his_street_signed(pg_cluster):
    """A project spans streets. A street clerk's account reads only his street's signings, yet the
    households-over-total rule must count every street's: it reads the project's signed totals that
    the triggers keep (revision 0011), which the clerk may read but not write."""
    from datetime import date

    from sqlalchemy import insert

    from qdgui.models import access, repository
    from qdgui.models.database import write_failure
    from qdgui.models.records import Operator, ProjectDraft, SigningDraft, ValidationFailed
    from qdgui.models.tables import ProjectSigned, Signing

    url = pg_cluster.create_database("spans")
    admin, _ = open_database(url)
    access.init_server(admin.engine)
    access.add_user(admin.engine, access.Member("zhonghan_li", "street", "370212", "370212001"), "pw-1234")
    today, by = date(2026, 11, 21), Operator("李", "laptop-z")
    with admin.begin() as s:
        project = repository.add(
            s, ProjectDraft("张村河片区", "licun_river", "370212", total_households=10), by=by, today=today
        )
        repository.add(s, SigningDraft(project, "370212", "370212002", "2026-11-02", 8), by=by, today=today)
    admin.close()
    clerk = _as(pg_cluster, "spans", "zhonghan_li", "pw-1234")
    try:
        with clerk.sessions() as s:
            assert s.scalar(select(func.count()).select_from(Signing)) == 0  # the other street's: unseen
            assert s.scalar(select(ProjectSigned.households)) == 8  # but counted in the project's totals
        with pytest.raises(ValidationFailed) as refused, clerk.begin() as s:
            repository.add(s, SigningDraft(project, "370212", "370212001", "2026-11-20", 5), by=by, today=today)
        assert "签约将达到 13，超过项目总数 10" in str(refused.value)
        with clerk.begin() as s:  # 2 more fit
            repository.add(s, SigningDraft(project, "370212", "370212001", "2026-11-20", 2), by=by, today=today)
        try:  # the totals are the triggers' to write, not the clerk's
            with clerk.begin() as s:
                s.execute(insert(ProjectSigned).values(project_uuid="x" * 36, records=1, households=1, houses=1))
        except Exception as exc:  # noqa: BLE001 - the refusal is what is checked
            assert write_failure(exc) is not None
        else:
            raise AssertionError("a clerk wrote the project totals")
    finally:
        clerk.close()
    admin, _ = open_database(url)
    with admin.sessions() as s:
        assert s.execute(select(ProjectSigned.records, ProjectSigned.households)).one() == (2, 10)
    admin.close()
