"""The store under pressure: two uploads racing, and a process killed in the middle of a commit."""

import os
import signal
import subprocess
import sys
import threading
import time

from dashboard.core.paths import ROOT
from dashboard.geography.units import load_districts, valid_in
from dashboard.intake.accounts import PLANNER, Account
from dashboard.intake.uploads import bundled_reference, commit_upload, preview_upload
from dashboard.store.database import StaleStoreError, Store

PLANNER_ACCOUNT = Account("lan", PLANNER)
HEADER = "year,district_code,district_name,campaigns,participants\n"
WAIT_S = 180


def campaigns_file(campaigns: int) -> bytes:
    """Return an awareness table with a row for every district of the four provinces, 2021-2025."""
    units = load_districts()
    lines = [
        f"{year},{code},,{campaigns},{campaigns * 10}"
        for year in range(2021, 2026)
        for code in sorted(set(valid_in(units, year)["code"]))
    ]
    return (HEADER + "\n".join(lines) + "\n").encode()


def preview(store: Store, content: bytes):
    """Return the preview of an awareness upload."""
    return preview_upload(store, content, "bang.csv", "awareness_campaigns", bundled_reference(), 2**24)


def other_store(store: Store) -> Store:
    """Return a second connection pool on the same database, as another server process would have."""
    return Store(store.engine.url.render_as_string(hide_password=False))


def test_two_uploads_racing_one_commits_and_the_other_is_told_to_preview_again(store):
    rival = other_store(store)
    first, second = preview(store, campaigns_file(1)), preview(rival, campaigns_file(2))
    start = threading.Barrier(2)
    outcomes = {}

    def commit(name: str, target: Store, previewed) -> None:
        start.wait()
        try:
            outcomes[name] = commit_upload(target, previewed, PLANNER_ACCOUNT)
        except StaleStoreError:
            outcomes[name] = "stale"

    threads = [threading.Thread(target=commit, args=args) for args in (("a", store, first), ("b", rival, second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT_S)
    assert sorted(map(str, outcomes.values())) == ["1", "stale"]
    winner = 1 if outcomes["a"] == 1 else 2
    rows = store.rows("awareness_campaigns")
    assert set(rows["campaigns"]) == {str(winner)} and len(rows) == len(first.rows)
    assert store.revision() == 1 and len(store.uploads()) == 1


def test_a_process_killed_in_the_middle_of_a_commit_leaves_the_store_as_it_was(store, snapshot, tmp_path):
    commit_upload(store, preview(store, campaigns_file(1)), PLANNER_ACCOUNT)
    before = snapshot(store)
    content = tmp_path / "bang.csv"
    content.write_bytes(campaigns_file(3))
    marker = tmp_path / "inside"
    url = store.engine.url.render_as_string(hide_password=False)
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "store" / "commit_and_hang.py"), url, str(content), str(marker)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    deadline = time.monotonic() + WAIT_S
    while not marker.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert marker.exists(), "the helper never reached the middle of its commit"
    process.send_signal(signal.SIGKILL)
    process.wait(WAIT_S)
    store.engine.dispose()
    assert snapshot(store) == before
    commit_upload(store, preview(store, campaigns_file(4)), PLANNER_ACCOUNT)
    assert store.revision() == 2 and set(store.rows("awareness_campaigns")["campaigns"]) == {"4"}


def test_opening_the_store_again_runs_the_migrations_and_keeps_every_row(store):
    commit_upload(store, preview(store, campaigns_file(1)), PLANNER_ACCOUNT)
    before = store.rows("awareness_campaigns")
    assert other_store(store).rows("awareness_campaigns").equals(before)


def test_two_servers_seeding_a_new_store_at_once_load_the_demo_tables_once(store):
    from dashboard.intake.tables import table_specs
    from dashboard.intake.uploads import DEMO_ACCOUNT, seed_demo

    rival = other_store(store)
    threads = [
        threading.Thread(target=seed_demo, args=(target, bundled_reference(), DEMO_ACCOUNT))
        for target in (store, rival)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT_S)
    assert sorted(store.uploads()["table_name"]) == sorted(table_specs())
