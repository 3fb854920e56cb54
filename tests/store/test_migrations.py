"""The migrations after 0002 on a store an earlier version left (at 0002, with uploads and sign-in failures), on
SQLite and PostgreSQL: every row kept, accounts and imported versions then kept beside them."""

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from dashboard.geography.boundaries.stored import list_versions
from dashboard.intake.accounts import PLANNER, add_account, load_accounts
from dashboard.store.database import MIGRATIONS, ROWS, STATE, UPLOADS, NewUpload, Store


def test_a_store_left_at_0002_keeps_every_row_when_brought_to_the_newest_migration(database_url):
    engine = sa.create_engine(database_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
    upload = NewUpload("eco_packaging", "bang.csv", "0" * 64, b"x", "utf-8", "lan", 1, 0, 0, 0)
    with engine.begin() as connection:
        before_agency = {name: value for name, value in upload.__dict__.items() if name != "agency"}
        connection.execute(sa.insert(UPLOADS).values(**before_agency, uploaded_at="2026-12-01T08:00:00+00:00", id=1))
        connection.execute(
            sa.insert(ROWS).values(
                table_name="eco_packaging", row_key="2025|227", data="{}", source="upload", upload_id=1
            )
        )
        connection.execute(sa.update(STATE).values(revision=1))
        connection.exec_driver_sql(
            "INSERT INTO sign_in_failures (kind, subject, failures, first_failed_at) "
            "VALUES ('account', 'lan', 3, '2026-12-01T08:00:00+00:00')"
        )
    engine.dispose()
    store = Store(database_url)
    assert store.revision() == 1 and store.rows("eco_packaging")["row_key"].tolist() == ["2025|227"]
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT failures FROM sign_in_failures").scalar_one() == 3
        newest = ScriptDirectory(str(MIGRATIONS)).get_current_head()
        assert connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar_one() == newest
    assert store.uploads()["agency"].isna().all()
    assert load_accounts(store) == [] and list_versions(store).empty
    add_account(store, "lan", PLANNER, "mat-khau-cua-lan")
    assert [account.username for account in load_accounts(store)] == ["lan"] and store.revision() == 2
    store.engine.dispose()
