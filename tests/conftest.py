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


@pytest.fixture(scope="session")
def pg_cluster():
    """A real PostgreSQL for the session (tests/support/postgres.py), with a migrated template
    database that each test's database is copied from. In CI a server that will not start fails the
    run; elsewhere the server's tests are skipped with the reason."""
    from tests.support.postgres import Cluster, NoPostgres

    try:
        cluster = Cluster.start()
    except NoPostgres as exc:
        if os.environ.get("CI"):
            pytest.fail(f"CI needs PostgreSQL: {exc}")
        pytest.skip(str(exc))
    template, _ = open_database(cluster.create_database(PG_TEMPLATE))
    template.close()
    yield cluster
    cluster.stop()


PG_TEMPLATE = "qdgui_template"


@pytest.fixture
def pg_url(pg_cluster, request):
    """The address of a fresh, migrated database of its own on the session's server."""
    import uuid

    name = f"t_{uuid.uuid4().hex[:12]}"
    with pg_cluster.psql_connect() as con:
        con.execute(f'CREATE DATABASE "{name}" TEMPLATE "{PG_TEMPLATE}"')
    yield pg_cluster.url(name)
    pg_cluster.drop_database(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    """A fresh migrated database, once a SQLite file and once a PostgreSQL database: the same code
    must give the same results on both."""
    target = tmp_path / "qdgui.sqlite" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    database, _ = open_database(target)
    yield database
    database.close()


@pytest.fixture
def sqlite_db(tmp_path):
    """A fresh database file, for what only a file has (backups, the file's lock, SQLite's checks)."""
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
        max_examples=50,  # per part of the merge proof (4 parts: 200 examples)
        deadline=None,
        phases=[Phase.explicit, Phase.reuse, Phase.generate],
        suppress_health_check=quiet,
    )
    settings.register_profile(  # 4 x 2,500: the 10,000 examples
        "long", max_examples=2_500, deadline=None, suppress_health_check=quiet
    )
    settings.register_profile(  # a longer search without shrinking, for a session's own runs
        "search", max_examples=150, deadline=None, phases=[Phase.explicit, Phase.generate], suppress_health_check=quiet
    )
    settings.load_profile("qdgui")


_hypothesis_profiles()
