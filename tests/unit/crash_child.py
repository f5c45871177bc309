"""Child process of the crash test: saves signings in a loop, reporting each one after its commit."""

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from qdgui.models import repository  # noqa: E402
from qdgui.models.lock import InstanceLock  # noqa: E402
from qdgui.models.migrate import open_database  # noqa: E402
from qdgui.models.records import Operator, ProjectDraft, SigningDraft  # noqa: E402
from qdgui.models.tables import Project  # noqa: E402

TODAY = date(2026, 11, 21)
path = Path(sys.argv[1])
by = Operator("crash", "test")
with InstanceLock(path):
    database, _ = open_database(path)
    with database.begin() as s:
        project = s.query(Project.uuid).scalar()
        if project is None:
            project = repository.add(
                s, ProjectDraft("崩溃测试项目", "old_city_village", "370212"), by=by, today=TODAY, confirm_warnings=True
            )
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        with database.begin() as s:
            uuid = repository.add(
                s,
                SigningDraft(project, "370212", "370212001", TODAY, households=1, houses=1, remarks=f"第{n}户"),
                by=by,
                today=TODAY,
            )
        # Printed only after the commit returned: a reported save must survive the kill.
        print(uuid, flush=True)
