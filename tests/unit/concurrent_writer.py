"""One clerk of tests/unit/test_server.py's concurrency proof: random saves, edits and deletes on the
server for a bounded time, each reported on stdout only after its transaction committed (or was
refused, with the refusal's words). Usage: concurrent_writer.py URL CLERK SECONDS SEED"""

from __future__ import annotations

import json
import random
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import sqlalchemy.exc  # noqa: E402
from sqlalchemy import select  # noqa: E402

from qdgui import i18n  # noqa: E402
from qdgui.models import repository  # noqa: E402
from qdgui.models.database import write_failure  # noqa: E402
from qdgui.models.migrate import open_database  # noqa: E402
from qdgui.models.records import (  # noqa: E402
    DemolitionDraft,
    Operator,
    ValidationFailed,  # noqa: E402
)
from qdgui.models.tables import Demolition  # noqa: E402

TODAY = date(2026, 11, 21)
CASES = 60  # a small pool of case numbers, so that clerks collide on them


def report(**fields) -> None:
    print(json.dumps(fields, ensure_ascii=False), flush=True)


def main() -> int:
    url, clerk, seconds, seed = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
    i18n.set_language("zh_CN")
    rng = random.Random(seed)
    by = Operator(clerk, f"laptop-{clerk}")
    database, _ = open_database(url)
    report(event="ready")
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        n += 1
        action = rng.choices(["add", "edit", "delete"], weights=[3, 6, 1])[0]
        with database.sessions() as session:  # what this clerk's table shows: a moment ago
            shown = session.execute(
                select(Demolition.uuid, Demolition.version).where(Demolition.deleted.is_(False))
            ).all()
        target = rng.choice(shown) if shown else None
        area = n * 1000 + int(clerk[1:])  # unique per clerk and step: who wrote what is readable back
        try:
            with database.begin() as session:
                if action == "add" or target is None:
                    action = "add"
                    case_no = f"C-{rng.randrange(CASES)}"
                    draft = DemolitionDraft(
                        case_no, "370212", "370212001", "东路1号", "color_steel", str(area), "demolish",
                        "identified", "2026-11-01",
                    )  # fmt: skip
                    change = repository.save(session, draft, by=by, today=TODAY, confirm_warnings=True)
                elif action == "edit":
                    row = repository.get(session, Demolition, target.uuid)
                    draft = repository.draft_from_row(row, area_m2=str(area))
                    change = repository.save(
                        session,
                        draft,
                        by=by,
                        today=TODAY,
                        uuid=target.uuid,
                        expected_version=target.version,
                        confirm_warnings=True,
                    )
                else:
                    change = repository.delete(
                        session, "demolition", target.uuid, by=by, expected_version=target.version
                    )
            report(event="ok", action=action, uuid=change.uuid, version=change.version, area=area)
        except (repository.StaleRecord, repository.RecordNotFound) as exc:
            report(event="refused", action=action, why="stale", text=str(exc))
        except ValidationFailed as exc:
            report(event="refused", action=action, why="rules", text=str(exc))
        except (sqlalchemy.exc.OperationalError, sqlalchemy.exc.IntegrityError) as exc:
            words = write_failure(exc)
            if words is None:
                raise
            report(event="refused", action=action, why="database", text=words)
    database.close()
    report(event="done", steps=n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
