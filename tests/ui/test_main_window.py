"""The window on a real database shows what the file holds, and where it is."""
from datetime import date

from qdgui.config import DeviceSettings
from qdgui.models import demo
from qdgui.views.main_window import MainWindow


def test_window_shows_counts_database_and_operator(qtbot, db):
    with db.begin() as s:
        summary = demo.fill(s, today=date(2026, 11, 21))
    window = MainWindow(db, DeviceSettings(device_id="laptop-a", operator="王丽", district_code="370212"))
    qtbot.addWidget(window)
    window.show()
    rows = {window.count_table.item(r, 0).text(): window.count_table.item(r, 1).text()
            for r in range(window.count_table.rowCount())}
    assert rows["征迁签约"] == f"{summary.signings:,}"
    assert rows["拆违"] == f"{summary.demolitions:,}"
    status = " ".join(w.text() for w in window.statusBar().findChildren(type(window._db_label)))
    assert str(db.path) in status and "王丽" in status
