"""UI tests run in Chinese, as the clerks see the program."""
import pytest

from qdgui.views.launch import install_translators


@pytest.fixture(scope="session", autouse=True)
def _chinese_ui(qapp):
    translators = install_translators(qapp, "zh_CN")
    assert translators, "the compiled Chinese catalogue is missing: run tools/setup.sh"
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
