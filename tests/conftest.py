"""Shared fixtures: the bundled dataset, and paths resolved from this file."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.dataset import Dataset, load_dataset

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def pytest_configure(config: pytest.Config) -> None:
    """Register the markers the suite uses."""
    config.addinivalue_line("markers", "browser: drives a real Chromium against a running app (slow)")


@pytest.fixture(scope="session")
def data() -> Dataset:
    """Return the bundled dataset, read once for the session (tests must not mutate it)."""
    return load_dataset()
