"""Shared fixtures: the bundled dataset; each test's outcome kept on its node for failure screenshots."""

from __future__ import annotations

import pytest

from dashboard.dataset import Dataset, load_dataset


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
