"""UI tests run in Chinese, as the clerks see the program, on a fresh database per test."""

from datetime import date

import pytest

from qdgui.config import DeviceSettings
from qdgui.drafts import DraftStore
from qdgui.views.launch import install_translators

TODAY = date(2026, 11, 21)


@pytest.fixture(scope="session", autouse=True)
def _chinese_ui(qapp):
    translators = install_translators(qapp, "zh_CN")
    assert translators, "the compiled Chinese catalogue is missing: run tools/setup.sh"
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def settings():
    return DeviceSettings(device_id="laptop-a", operator="王丽", district_code="370212", street_code="370212001")


@pytest.fixture
def make_window(qtbot, db, settings, tmp_path):
    """Build the main window on the test database; call again to 'restart' the program."""
    from qdgui.views.main_window import MainWindow

    def make():
        window = MainWindow(
            db,
            settings,
            drafts=DraftStore(tmp_path / "drafts", db.identity),
            today=lambda: TODAY,
            settings_path=tmp_path / "device.json",
        )
        qtbot.addWidget(window)
        window.show()
        return window

    return make
