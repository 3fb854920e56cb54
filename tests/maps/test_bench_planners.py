"""Planners committing at once in the load benchmark: every commit lands (a stale one is previewed again), no
update is lost, and the store is left as it was."""

import pytest

from dashboard.intake.tables import table_specs
from dashboard.intake.uploads import DEMO_ACCOUNT, bundled_reference, seed_demo
from dashboard.maps.bench.planners import PLANNER_TABLE, commit_at_once
from dashboard.store.database import Store


@pytest.fixture
def store_url(database_url):
    """Return the URL of a store seeded with the demo tables: a SQLite file, or a PostgreSQL schema of its own."""
    seeded = Store(database_url)
    seed_demo(seeded, bundled_reference(), DEMO_ACCOUNT)
    seeded.engine.dispose()
    return database_url


def test_planners_committing_at_once_all_land_and_the_store_is_restored(store_url):
    before = Store(store_url).rows(PLANNER_TABLE).drop(columns="upload_id")
    result = commit_at_once(store_url, 4)
    assert (result.planners, result.committed, result.lost_updates) == (4, 4, 0)
    assert result.stale_retries >= 0 and result.slowest_commit_s > 0
    assert result.restored
    after = Store(store_url)
    assert len(after.uploads()) == len(table_specs()) + 4
    assert after.uploads()["undone_at"].notna().sum() == 4
    rows = after.rows(PLANNER_TABLE).drop(columns="upload_id")
    assert rows.sort_values("row_key", ignore_index=True).equals(before.sort_values("row_key", ignore_index=True))


def test_more_planners_than_districts_is_refused(tmp_path):
    with pytest.raises(ValueError, match="--planners: at most"):
        commit_at_once(f"sqlite:///{tmp_path / 'store.sqlite3'}", 99)
