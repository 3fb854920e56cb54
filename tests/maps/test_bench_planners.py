"""Planners committing at once in the load benchmark: every commit lands (a stale one is previewed again), no
update is lost, and the store is left as it was."""

import pytest
import sqlalchemy as sa

from dashboard.intake.uploads import DEMO_ACCOUNT, bundled_reference, seed_demo
from dashboard.maps.bench.planners import PLANNER_TABLE, commit_at_once
from dashboard.store.database import Store


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """Return the URL of a store seeded with the demo tables: a SQLite file, or a PostgreSQL schema of its own."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    else:
        schema = f"planners_{tmp_path.name[-12:].lower().replace('-', '_')}"
        admin = sa.create_engine(request.getfixturevalue("postgres_url"))
        with admin.begin() as connection:
            connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
        request.addfinalizer(lambda: _drop(admin, schema))
        url = sa.make_url(request.getfixturevalue("postgres_url"))
        url = url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)
    seeded = Store(url)
    seed_demo(seeded, bundled_reference(), DEMO_ACCOUNT)
    seeded.engine.dispose()
    return url


def _drop(admin, schema):
    with admin.begin() as connection:
        connection.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
    admin.dispose()


def test_planners_committing_at_once_all_land_and_the_store_is_restored(store_url):
    before = Store(store_url).rows(PLANNER_TABLE).drop(columns="upload_id")
    result = commit_at_once(store_url, 4)
    assert (result.planners, result.committed, result.lost_updates) == (4, 4, 0)
    assert result.stale_retries >= 0 and result.slowest_commit_s > 0
    assert result.restored
    after = Store(store_url)
    assert len(after.uploads()) == 6 + 4
    assert after.uploads()["undone_at"].notna().sum() == 4
    rows = after.rows(PLANNER_TABLE).drop(columns="upload_id")
    assert rows.sort_values("row_key", ignore_index=True).equals(before.sort_values("row_key", ignore_index=True))


def test_more_planners_than_districts_is_refused(tmp_path):
    with pytest.raises(ValueError, match="--planners: at most"):
        commit_at_once(f"sqlite:///{tmp_path / 'store.sqlite3'}", 99)
