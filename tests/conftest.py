"""Shared fixtures: a fresh migrated database per test, a fixed 'today', an operator."""

from __future__ import annotations

import os
from datetime import date

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qdgui import i18n  # noqa: E402
from qdgui.models.migrate import open_database  # noqa: E402
from qdgui.models.records import Operator  # noqa: E402

TODAY = date(2026, 11, 21)


@pytest.fixture(autouse=True)
def _chinese_messages():
    i18n.set_language("zh_CN")
    yield
    i18n.set_language("zh_CN")


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def clerk() -> Operator:
    return Operator("王丽", "laptop-a")


@pytest.fixture
def db(tmp_path):
    database, _ = open_database(tmp_path / "qdgui.sqlite")
    yield database
    database.close()


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    # Never touch the developer's real data folder or settings.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


@pytest.fixture
def returns(tmp_path):
    """The base ledger, and the returns of laptops A and B after a week offline (tests/support/merging.py)."""
    from tests.support.merging import make_returns

    return make_returns(tmp_path)


def _hypothesis_profiles() -> None:
    # Registered here so that `--hypothesis-profile=long` finds them at start-up.
    from hypothesis import HealthCheck, Phase, settings

    quiet = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
    settings.register_profile(  # .ci/run: bounded, no shrinking (a failure prints its script as found)
        "qdgui",
        max_examples=12,
        deadline=None,
        phases=[Phase.explicit, Phase.reuse, Phase.generate],
        suppress_health_check=quiet,
    )
    settings.register_profile("long", max_examples=10_000, deadline=None, suppress_health_check=quiet)
    settings.register_profile(  # a longer search without shrinking, for a session's own runs
        "search", max_examples=150, deadline=None, phases=[Phase.explicit, Phase.generate], suppress_health_check=quiet
    )
    settings.load_profile("qdgui")


_hypothesis_profiles()
