"""Planners committing at once, in the load benchmark: each previews an upload for a district of its own and commits
it at the same moment as the others; a commit refused because the store moved on is previewed again and retried.
Afterwards every planner's figures must be in the store (no lost update), and the uploads are undone, newest first,
so the store holds what it held before."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import pandas as pd

from dashboard.geography.units import units_of
from dashboard.intake.accounts import PLANNER, Account
from dashboard.intake.tables import with_current_names
from dashboard.intake.uploads import bundled_reference, commit_upload, preview_upload, undo_upload
from dashboard.store.database import StaleStoreError, Store

PLANNER_TABLE = "eco_packaging"
PLANNER_PROVINCE = "25"
PLANNER_YEAR = 2025
MAX_ATTEMPTS = 50
HEADER = "Năm;Mã huyện;Tổng số siêu thị và trung tâm thương mại;Số siêu thị dùng bao bì thân thiện môi trường"


@dataclass(frozen=True)
class PlannersResult:
    """What the planners did: commits made, commits refused as stale and retried, updates lost, the slowest commit
    (seconds from the common start, retries included) and whether the store was restored afterwards."""

    planners: int
    committed: int
    stale_retries: int
    lost_updates: int
    slowest_commit_s: float
    restored: bool


def planner_file(code: str, index: int) -> bytes:
    """Return the upload of one planner: its district's supermarkets in the benchmark year."""
    return f"{HEADER}\n{PLANNER_YEAR};{code};{900 + index};{450 + index}\n".encode("utf-8-sig")


def commit_at_once(url: str, planners: int) -> PlannersResult:
    """Return what happened when the planners committed their uploads at once to the store at the URL."""
    reference = bundled_reference()
    codes = units_of(reference.units, PLANNER_PROVINCE, PLANNER_YEAR)["code"].tolist()[:planners]
    if len(codes) < planners:
        raise ValueError(f"--planners: at most {len(codes)} planners, one district each")
    store = Store(url)
    start = threading.Barrier(len(codes))
    outcomes: list[tuple[int, int, float] | BaseException] = [RuntimeError("not run")] * len(codes)

    def plan(index: int, code: str) -> None:
        try:
            own = Store(url)
            account = Account(f"bench-planner-{index + 1}", PLANNER)
            content = planner_file(code, index)
            start.wait(timeout=60)
            began, retries = time.perf_counter(), 0
            for _ in range(MAX_ATTEMPTS):
                preview = preview_upload(own, content, f"{account.username}.csv", PLANNER_TABLE, reference, 1 << 20)
                try:
                    upload_id = commit_upload(own, preview, account, confirm_warnings=True)
                except StaleStoreError:
                    retries += 1
                    continue
                outcomes[index] = (upload_id, retries, time.perf_counter() - began)
                break
            own.engine.dispose()
        except Exception as problem:
            outcomes[index] = problem

    threads = [threading.Thread(target=plan, args=(index, code)) for index, code in enumerate(codes)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    done = [outcome for outcome in outcomes if isinstance(outcome, tuple)]
    rows = store.rows(PLANNER_TABLE)
    lost = sum(1 for index, code in enumerate(codes) if not _holds(rows, code, index))
    for upload_id, _, _ in sorted(done, reverse=True):
        undo_upload(store, upload_id, Account("bench", PLANNER))
    restored = not any(_holds(store.rows(PLANNER_TABLE), code, index) for index, code in enumerate(codes))
    store.engine.dispose()
    return PlannersResult(
        planners=len(codes),
        committed=len(done),
        stale_retries=sum(retries for _, retries, _ in done),
        lost_updates=lost,
        slowest_commit_s=max((seconds for _, _, seconds in done), default=0.0),
        restored=restored,
    )


def _holds(rows: pd.DataFrame, code: str, index: int) -> bool:
    """Return whether the store's rows hold the planner's figures for its district in the benchmark year."""
    rows = with_current_names(rows)
    mine = rows[(rows["unit_code"] == code) & (rows["year"] == str(PLANNER_YEAR))]
    wanted = (str(900 + index), str(450 + index))
    return any(tuple(row) == wanted for row in mine[["supermarkets_total", "supermarkets_eco_packaging"]].to_numpy())
