"""Fixtures of the deployment tests: a PostgreSQL schema of the module's own for deploy/run.sh, and Chromium."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from deployment import CHROMIUM, CHROMIUM_ARGS

from tests.conftest import postgres_schema


@pytest.fixture(scope="module")
def database_url(postgres_url: str) -> Iterator[str]:
    """Return the URL of a PostgreSQL schema of the module's own, dropped afterwards."""
    yield from postgres_schema(postgres_url)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Return Debian's Chromium driven by Playwright, for the module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
