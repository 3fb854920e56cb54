"""Shared fixtures: the bundled dataset; each test's outcome kept on its node for failure screenshots."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pytest

from dashboard.core.settings import default_url
from dashboard.dataset import Dataset, load_dataset
from dashboard.intake.accounts import ADMIN, PLANNER, VIEWER, add_account
from dashboard.intake.tables import table_specs
from dashboard.intake.uploads import DEMO_ACCOUNT, bundled_reference, seed_demo
from dashboard.store.database import Store

DEFAULT_POSTGRES_URL = "postgresql+psycopg://scp:scp@localhost:5432/scp_test"


def pytest_configure(config: pytest.Config) -> None:
    """Register the markers the suite uses."""
    config.addinivalue_line("markers", "browser: drives a real Chromium against a running app (slow)")


@pytest.fixture(scope="session")
def data() -> Dataset:
    """Return the bundled dataset, read once for the session (tests must not mutate it)."""
    return load_dataset()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> None:
    """Keep each phase's report on the test item (rep_setup, rep_call, rep_teardown)."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


ACCOUNTS = {"khach": VIEWER, "lan": PLANNER, "quantri": ADMIN}


def password_of(username: str) -> str:
    """Return the test password of a test account."""
    return f"mat-khau-{username}"


def store_in(folder: Path) -> Store:
    """Return the SQLite store in a data folder, as the app and the commands open it by default."""
    return Store(default_url(folder))


@pytest.fixture(scope="session")
def seeded_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a data folder holding a store seeded with the demo tables and a viewer, a planner and an admin."""
    folder = tmp_path_factory.mktemp("seeded")
    seeded = Store(default_url(folder))
    seed_demo(seeded, bundled_reference(), DEMO_ACCOUNT)
    for username, role in ACCOUNTS.items():
        add_account(seeded, username, role, password_of(username), name=username.title())
    seeded.engine.dispose()
    return folder


@pytest.fixture(autouse=True)
def no_data_in_the_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point SCP_DATA_DIR at the test's own folder, so no test writes a store into the project's var/."""
    monkeypatch.setenv("SCP_DATA_DIR", str(tmp_path / "own-var"))


@pytest.fixture
def data_dir(seeded_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Return this test's own copy of the seeded data folder, set as SCP_DATA_DIR for the app."""
    folder = tmp_path / "var"
    shutil.copytree(seeded_dir, folder)
    monkeypatch.setenv("SCP_DATA_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """Return the URL of the test PostgreSQL server, or skip saying how to get one."""
    import sqlalchemy as sa

    url = os.environ.get("SCP_TEST_DATABASE_URL", DEFAULT_POSTGRES_URL)
    try:
        with sa.create_engine(url).connect():
            pass
    except sa.exc.OperationalError as problem:
        pytest.skip(f"PostgreSQL not reachable at {url} (run tests/setup_postgres.sh as root): {problem.args[0][:120]}")
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """Return an empty store of each kind: SQLite in a temporary folder, PostgreSQL in a schema of its own."""
    if request.param == "sqlite":
        yield Store(f"sqlite:///{tmp_path / 'store.sqlite3'}")
        return
    yield from _postgres_store(request.getfixturevalue("postgres_url"))


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Return the URL of an empty database of each kind, for several stores (servers) to share."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'shared.sqlite3'}"
        return
    yield from postgres_schema(request.getfixturevalue("postgres_url"))


def postgres_schema(url: str) -> Iterator[str]:
    """Yield the URL of a fresh PostgreSQL schema on the server, dropped afterwards."""
    import sqlalchemy as sa

    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(url)
    with admin.begin() as connection:
        connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
    try:
        yield sa.make_url(url).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(False)
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


def _postgres_store(url: str) -> Iterator[Store]:
    """Yield a store in a fresh PostgreSQL schema, dropped afterwards."""
    for schema_url in postgres_schema(url):
        chosen = Store(schema_url)
        try:
            yield chosen
        finally:
            chosen.engine.dispose()


@pytest.fixture
def snapshot() -> Callable[[Store], tuple]:
    """Return a function giving everything a store holds, to compare before and after an attempt."""

    def everything(store: Store) -> tuple:
        def records(frame: pd.DataFrame) -> list[dict]:
            return frame.astype(object).where(frame.notna(), None).to_dict("records")

        rows = {name: records(store.rows(name)) for name in table_specs()}
        return store.revision(), records(store.uploads()), rows, records(store.changes())

    return everything
