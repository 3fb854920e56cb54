"""Fixtures of the deployment tests: a PostgreSQL schema of the module's own for deploy/run.sh, and Chromium."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from deployment import CHROMIUM, CHROMIUM_ARGS


@pytest.fixture(scope="module")
def database_url(postgres_url: str) -> Iterator[str]:
    """Return the URL of a PostgreSQL schema of the module's own, dropped afterwards."""
    import sqlalchemy as sa

    schema = f"deploy_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(postgres_url)
    with admin.begin() as connection:
        connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
    try:
        url = sa.make_url(postgres_url).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Return Debian's Chromium driven by Playwright, for the module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
