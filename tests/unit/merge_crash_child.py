"""Child process of the merge crash test: merges one return and undoes the merge, over and over, as a
supervisor would from the command line; reports each step after its commit."""

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from qdgui.excel import importer  # noqa: E402
from qdgui.models.lock import InstanceLock  # noqa: E402
from qdgui.models.migrate import open_database  # noqa: E402
from qdgui.models.records import Operator  # noqa: E402
from qdgui.models.tables import ImportBatch  # noqa: E402

path, ledger = Path(sys.argv[1]), Path(sys.argv[2])
by = Operator("张主任", "supervisor")
with InstanceLock(path):
    database, _ = open_database(path)
    book = importer.read(ledger)
    with database.sessions() as s:  # a kill may have left the return merged: undo it first
        live = s.query(ImportBatch.id).filter(ImportBatch.file_name == ledger.name, ImportBatch.undone_at.is_(None))
        pending = [b for (b,) in live]
    print("ready", flush=True)
    for batch in pending:
        importer.undo(database, batch, by=by)
        print(f"undone {batch}", flush=True)
    while True:
        report = importer.commit(database, book, importer.ImportOptions(), by=by, today=date(2026, 11, 21))
        print(f"merged {report.batch_id}", flush=True)
        importer.undo(database, report.batch_id, by=by)
        print(f"undone {report.batch_id}", flush=True)
