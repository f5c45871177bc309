"""Writes through the repository: what lands in the database, its audit rows, and what is refused."""

import os
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from qdgui.models import repository
from qdgui.models.records import CommunityDraft, Operator, ProjectDraft, SigningDraft, ValidationFailed
from qdgui.models.tables import AuditEntry, Project, Signing


def make_project(db, clerk, today, **changes):
    draft = dict(
        name="张村河片区旧村改造",
        campaign_area="licun_river",
        district_code="370212",
        street_code="370212001",
        total_households="702",
        total_houses="814",
    )
    draft.update(changes)
    with db.begin() as s:
        return repository.add(s, ProjectDraft(**draft), by=clerk, today=today)


def signing(project, **changes):
    base = dict(
        project_uuid=project,
        district_code="370212",
        street_code="370212001",
        signed_on="2026-11-20",
        households="60户",
        houses="７０处",
        area_m2="8,400㎡",
    )
    base.update(changes)
    return SigningDraft(**base)


def audit_rows(db, uuid):
    """The record's audit as its history shows it, field by field."""
    with db.sessions() as s:
        return repository.history(s, uuid)


def test_a_saved_signing_is_in_the_file_with_provenance_and_audit(db, clerk, today):
    project = make_project(db, clerk, today)
    with db.begin() as s:
        uuid = repository.add(s, signing(project), by=clerk, today=today)
    with db.sessions() as s:
        row = s.get(Signing, uuid)
        assert (row.households, row.houses, row.area_m2) == (60, 70, Decimal(8400))
        assert (row.operator, row.device, row.version, row.deleted) == ("王丽", "laptop-a", 1, False)
        assert row.created_at == row.updated_at
    audit = audit_rows(db, uuid)
    fields = {r.field: r.new_value for r in audit}
    assert {r.action for r in audit} == {"insert"}
    assert fields["households"] == "60" and fields["area_m2"] == "8400" and fields["signed_on"] == "2026-11-20"
    assert all(r.operator == "王丽" and r.device == "laptop-a" for r in audit)
    with db.sessions() as s:  # stored as one row per insert (an import of 50,000 rows writes 50,000, not 500,000)
        stored = s.execute(select(AuditEntry.field).where(AuditEntry.record_uuid == uuid)).scalars().all()
    assert stored == [repository.INSERTED_FIELDS]


def test_an_edit_records_each_changed_field_with_old_and_new_value(db, clerk, today):
    project = make_project(db, clerk, today)
    with db.begin() as s:
        uuid = repository.add(s, signing(project), by=clerk, today=today)
    supervisor = Operator("张伟", "laptop-b")
    with db.begin() as s:
        changed = repository.update(
            s,
            uuid,
            signing(project, households="62", remarks="补签两户"),
            by=supervisor,
            today=today,
            expected_version=1,
        )
    assert changed
    updates = [r for r in audit_rows(db, uuid) if r.action == "update"]
    assert {(r.field, r.old_value, r.new_value) for r in updates} == {
        ("households", "60", "62"),
        ("remarks", None, "补签两户"),
    }
    assert {r.operator for r in updates} == {"张伟"}
    with db.sessions() as s:
        row = s.get(Signing, uuid)
        assert (row.households, row.version, row.operator, row.device) == (62, 2, "张伟", "laptop-b")
    with db.sessions() as s:
        history = repository.history(s, uuid)
    assert [h.action for h in history][-2:] == ["update", "update"]
    assert history[0].record_version == 1 and history[-1].record_version == 2


def test_an_edit_that_changes_nothing_writes_nothing(db, clerk, today):
    project = make_project(db, clerk, today)
    with db.begin() as s:
        uuid = repository.add(s, signing(project), by=clerk, today=today)
    before = len(audit_rows(db, uuid))
    with db.begin() as s:
        assert repository.update(s, uuid, signing(project, households="６０"), by=clerk, today=today) is False
    assert len(audit_rows(db, uuid)) == before


def test_an_edit_of_a_record_changed_elsewhere_is_refused(db, clerk, today):
    project = make_project(db, clerk, today)
    with db.begin() as s:
        uuid = repository.add(s, signing(project), by=clerk, today=today)
    with db.begin() as s:
        repository.update(s, uuid, signing(project, households="61"), by=clerk, today=today, expected_version=1)
    with pytest.raises(repository.StaleRecord), db.begin() as s:
        repository.update(s, uuid, signing(project, households="65"), by=clerk, today=today, expected_version=1)
    with db.sessions() as s:
        assert s.get(Signing, uuid).households == 61


def test_soft_delete_leaves_a_tombstone_and_restores(db, clerk, today):
    project = make_project(db, clerk, today)
    with db.begin() as s:
        uuid = repository.add(s, signing(project), by=clerk, today=today)
    with db.begin() as s:
        assert repository.set_deleted(s, Signing, uuid, True, by=clerk)
    with db.sessions() as s:
        row = s.get(Signing, uuid)
        assert row.deleted and row.version == 2
        assert repository.count_records(s)["signing"] == 0
    with db.begin() as s:
        repository.set_deleted(s, Signing, uuid, False, by=clerk)
    actions = [(r.action, r.field, r.old_value, r.new_value) for r in audit_rows(db, uuid) if r.action != "insert"]
    assert actions == [("delete", "deleted", "0", "1"), ("restore", "deleted", "1", "0")]


def test_signed_total_is_checked_across_records_and_nothing_is_written(db, clerk, today):
    project = make_project(db, clerk, today)
    with db.begin() as s:
        first = repository.add(s, signing(project, households="700", houses="800"), by=clerk, today=today)
    with pytest.raises(ValidationFailed) as caught, db.begin() as s:
        repository.add(s, signing(project, households="3", houses="3"), by=clerk, today=today)
    assert [(p.field, p.message) for p in caught.value.problems] == [
        ("households", "签约将达到 703，超过项目总数 702（尚余 2）")
    ]
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Signing)) == 1
    # Editing the same record is measured without its own old figures.
    with db.begin() as s:
        assert repository.update(s, first, signing(project, households="702", houses="814"), by=clerk, today=today)


def test_deleted_signings_no_longer_count_against_the_total(db, clerk, today):
    project = make_project(db, clerk, today)
    with db.begin() as s:
        first = repository.add(s, signing(project, households="700", houses="800"), by=clerk, today=today)
        repository.set_deleted(s, Signing, first, True, by=clerk)
    with db.begin() as s:
        repository.add(s, signing(project, households="700", houses="800"), by=clerk, today=today)


def test_duplicate_agreement_numbers_are_refused_per_project(db, clerk, today):
    project = make_project(db, clerk, today)
    other = make_project(db, clerk, today, name="四方路片区", district_code="370203", street_code="370203021")
    with db.begin() as s:
        repository.add(s, signing(project, households=1, houses=1, agreement_no="A-001"), by=clerk, today=today)
    with pytest.raises(ValidationFailed) as caught, db.begin() as s:
        repository.add(s, signing(project, households=1, houses=1, agreement_no="A-001"), by=clerk, today=today)
    assert caught.value.problems[0].field == "agreement_no"
    with db.begin() as s:
        repository.add(
            s,
            signing(
                other, district_code="370203", street_code="370203021", households=1, houses=1, agreement_no="A-001"
            ),
            by=clerk,
            today=today,
        )


def test_warnings_block_until_confirmed(db, clerk, today):
    project = make_project(db, clerk, today, total_households=None, total_houses=None, total_area_m2="5000")
    with pytest.raises(ValidationFailed) as caught, db.begin() as s:
        repository.add(s, signing(project, signed_on="2025-06-01"), by=clerk, today=today)
    assert [(p.field, p.severity) for p in caught.value.problems] == [("signed_on", "warning")]
    with db.begin() as s:
        uuid = repository.add(s, signing(project, signed_on="2025-06-01"), by=clerk, today=today, confirm_warnings=True)
    assert uuid


def test_unknown_project_or_community_is_an_error(db, clerk, today):
    project = make_project(db, clerk, today)
    with pytest.raises(ValidationFailed) as caught, db.begin() as s:
        repository.add(s, signing("0" * 36), by=clerk, today=today)
    assert caught.value.problems[0].field == "project_uuid"
    with pytest.raises(ValidationFailed) as caught, db.begin() as s:
        repository.add(s, signing(project, community_uuid="1" * 36), by=clerk, today=today)
    assert caught.value.problems[0].field == "community_uuid"


def test_communities_are_unique_per_street(db, clerk, today):
    with db.begin() as s:
        repository.add(s, CommunityDraft("370212001", "董家下庄", "村"), by=clerk, today=today)
    with pytest.raises(ValidationFailed), db.begin() as s:
        repository.add(s, CommunityDraft("370212001", "董家下庄", "village"), by=clerk, today=today)
    with db.begin() as s:
        repository.add(s, CommunityDraft("370212002", "董家下庄", "village"), by=clerk, today=today)


def test_users_can_add_and_rename_streets(db, clerk, today):
    with db.begin() as s:
        code = repository.add_street(s, "370202", "台西街道")
        repository.rename_division(s, "370202005", "中山路街道（新）")
    with db.begin() as s:
        repository.add(
            s, ProjectDraft("台西片区", "historic_district", "370202", code, total_households=10), by=clerk, today=today
        )
        from qdgui.models.tables import Division

        renamed = s.get(Division, "370202005")
        assert (renamed.name, renamed.official_name) == ("中山路街道（新）", "中山路街道")
        assert s.get(Division, code).code_system == "local"
        assert s.scalar(select(Project.street_code)) == code
    with pytest.raises(ValidationFailed), db.begin() as s:
        repository.add_street(s, "370202", "台西街道")
    # a name longer than the database holds is refused, never cut: adding and renaming alike
    for write in (
        lambda s: repository.add_street(s, "370202", "长" * 61),
        lambda s: repository.rename_division(s, "370202005", "长" * 100_000),
    ):
        with pytest.raises(ValidationFailed) as refused, db.begin() as s:
            write(s)
        assert [p.message for p in refused.value.problems] == ["太长：最多 60 个字"]
    with db.sessions() as s:
        from qdgui.models.tables import Division

        assert s.get(Division, "370202005").name == "中山路街道（新）"


def test_the_database_itself_refuses_what_the_rules_would(db, clerk, today):
    """The last line: CHECK constraints hold even for a write that skipped the repository."""
    from sqlalchemy.exc import IntegrityError

    project = make_project(db, clerk, today)
    with db.begin() as s:
        uuid = repository.add(s, signing(project), by=clerk, today=today)
    with pytest.raises(IntegrityError), db.begin() as s:
        s.get(Signing, uuid).households = -1
    with pytest.raises(IntegrityError), db.begin() as s:
        s.get(Signing, uuid).street_code = "999999999"  # foreign key


def test_undo_reverts_an_insert_an_edit_and_a_delete(db, clerk, today):
    project = make_project(db, clerk, today)
    with db.begin() as s:
        uuid = repository.add(s, signing(project), by=clerk, today=today)
        repository.update(s, uuid, signing(project, households="65", area_m2="9000"), by=clerk, today=today)
    with db.begin() as s:
        assert repository.undo(s, Signing, uuid, 2, by=clerk, today=today) == "update"
    with db.sessions() as s:
        row = s.get(Signing, uuid)
        assert (row.households, row.area_m2, row.version) == (60, Decimal(8400), 3)
    with db.begin() as s:
        repository.set_deleted(s, Signing, uuid, True, by=clerk)
        assert repository.undo(s, Signing, uuid, 4, by=clerk, today=today) == "delete"
        assert s.get(Signing, uuid).deleted is False
    with pytest.raises(repository.StaleRecord), db.begin() as s:
        repository.undo(s, Signing, uuid, 2, by=clerk, today=today)
    with db.begin() as s:
        repository.undo(s, Signing, uuid, 5, by=clerk, today=today)  # undo the restore: deleted again
        assert s.get(Signing, uuid).deleted is True


def test_new_uuids_are_version_4_uuids_in_their_usual_text():
    import uuid

    from qdgui.models.repository import new_uuid

    made = [new_uuid() for _ in range(2000)]
    assert len(set(made)) == len(made)
    for text in made:
        parsed = uuid.UUID(text)
        assert (parsed.version, parsed.variant, str(parsed)) == (4, uuid.RFC_4122, text)
    assert {text[19] for text in made} == set("89ab")  # the variant digit takes all four values


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX")
def test_a_forked_process_does_not_draw_the_parents_next_uuids():
    from qdgui.models.repository import new_uuid

    new_uuid()  # the parent holds a drawn block now
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its next UUID, then out without running the parent's cleanup
        os.write(write, new_uuid().encode())
        os._exit(0)
    os.close(write)
    os.waitpid(pid, 0)
    child = os.read(read, 64).decode()
    os.close(read)
    assert len(child) == 36 and child != new_uuid()
