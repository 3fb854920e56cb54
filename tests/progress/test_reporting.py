"""The reporting round: who reported by 15 December and who is late, as of an injected day; tasks past their end
and never done are overdue; the agency an upload recorded is the one that reported."""

import dataclasses
from datetime import date

import pandas as pd
import pytest

from dashboard.core.tasks import DONE, DROPPED, IN_PROGRESS, Task
from dashboard.dataset import SUBMISSION_COLUMNS
from dashboard.geography.units import units_of
from dashboard.progress.reporting import (
    LATE,
    MISSING,
    NOT_REPORTED,
    NOT_YET,
    ON_TIME,
    UNDATED,
    deadline,
    is_overdue,
    report_state,
    reporting_round,
    task_status_counts,
)

TODAY = date(2026, 12, 6)


def task(start: int | None, end: int) -> Task:
    return Task("p", "1", "", "t", "t", ("doit",), (), "", "period", start, end, None, "", "")


@pytest.mark.parametrize(
    ("submitted", "reported", "year", "today", "state"),
    [
        pytest.param(date(2026, 12, 1), True, 2026, TODAY, ON_TIME, id="before-the-deadline"),
        pytest.param(date(2026, 12, 15), True, 2026, date(2026, 12, 20), ON_TIME, id="on-the-15th-is-in-time"),
        pytest.param(date(2026, 12, 16), True, 2026, date(2026, 12, 20), LATE, id="the-16th-is-late"),
        pytest.param(date(2027, 1, 10), True, 2026, date(2027, 2, 1), LATE, id="in-january"),
        pytest.param(None, False, 2026, TODAY, NOT_YET, id="nothing-yet-deadline-ahead"),
        pytest.param(None, False, 2026, date(2026, 12, 15), NOT_YET, id="nothing-on-the-deadline-day"),
        pytest.param(None, False, 2026, date(2026, 12, 16), MISSING, id="nothing-after-the-deadline"),
        pytest.param(None, False, 2025, TODAY, MISSING, id="nothing-for-last-year"),
        pytest.param(None, True, 2025, TODAY, UNDATED, id="sent-on-no-known-day"),
    ],
)
def test_a_report_is_late_after_15_december_of_its_year_as_of_the_day_given(submitted, reported, year, today, state):
    assert report_state(submitted, reported, year, today) == state
    assert deadline(year) == date(year, 12, 15)


@pytest.mark.parametrize(
    ("start", "end", "statuses", "year", "today", "overdue"),
    [
        pytest.param(2021, 2025, {2025: IN_PROGRESS}, 2026, TODAY, True, id="ended-2025-not-done"),
        pytest.param(2021, 2025, {2024: DONE, 2025: IN_PROGRESS}, 2026, TODAY, False, id="done-once-is-done"),
        pytest.param(2021, 2025, {}, 2026, TODAY, True, id="never-reported"),
        pytest.param(2021, 2025, {2025: DROPPED}, 2026, TODAY, False, id="dropped-is-not-overdue"),
        pytest.param(2021, 2025, {2025: IN_PROGRESS}, 2025, TODAY, False, id="its-last-year-is-not-over"),
        pytest.param(2021, 2026, {2026: IN_PROGRESS}, 2026, TODAY, False, id="ends-this-year"),
        pytest.param(None, 2021, {}, 2022, date(2022, 6, 1), True, id="deadline-task-past-due"),
        pytest.param(2021, 2025, {2027: DONE}, 2026, TODAY, True, id="a-later-done-does-not-count"),
    ],
)
def test_a_task_past_its_end_with_no_done_is_overdue(start, end, statuses, year, today, overdue):
    assert is_overdue(task(start, end), statuses, year, today) is overdue


def submissions(*uploads: tuple[int, str | None, str]) -> pd.DataFrame:
    rows = [
        {"id": upload, "table_name": "task_progress", "agency": agency, "uploaded_at": at, "undone_at": None}
        for upload, agency, at in uploads
    ]
    return pd.DataFrame(rows, columns=SUBMISSION_COLUMNS).assign(source="upload")


def with_progress(data, rows: list[dict], uploads: pd.DataFrame):
    table = pd.DataFrame(rows).assign(outputs_delivered="", note="", source="upload")
    return dataclasses.replace(data, tables={**data.tables, "task_progress": table}, submissions=uploads)


@pytest.fixture
def round_2026(data):
    rows = [
        {"year": 2026, "plan_id": "hoa-binh", "task": "1", "status": DONE, "upload_id": 1},
        {"year": 2026, "plan_id": "hoa-binh", "task": "9", "status": IN_PROGRESS, "upload_id": 2},
        {"year": 2026, "plan_id": "hoa-binh", "task": "10", "status": IN_PROGRESS, "upload_id": 3},
    ]
    uploads = submissions((1, "doit", "2026-12-10T03:00:00+00:00"), (2, None, "2026-12-18T03:00:00+00:00"))
    uploads = pd.concat([uploads, submissions((3, "dard", "2026-12-01T01:00:00+00:00"))])
    return reporting_round(with_progress(data, rows, uploads), "hoa-binh", 2026, date(2026, 12, 20))


def test_the_agency_an_upload_recorded_reported_and_an_upload_naming_none_counts_for_the_task_lead(round_2026):
    agencies = round_2026.agencies.set_index("code")
    assert agencies.loc["doit", "state"] == ON_TIME and agencies.loc["doit", "submitted"] == date(2026, 12, 10)
    assert agencies.loc["dic", "state"] == LATE and agencies.loc["dic", "submitted"] == date(2026, 12, 18)
    assert agencies.loc["dard", "state"] == ON_TIME
    assert "donre" not in agencies.index or agencies.loc["donre", "state"] == MISSING
    assert agencies.loc["dcst", "state"] == MISSING
    assert set(round_2026.late()["agencies"]) == set(agencies.index[agencies["state"].isin([LATE, MISSING])])


def test_tasks_are_counted_by_their_status_in_the_year(round_2026):
    counts = task_status_counts(round_2026)
    assert counts[DONE] == 1 and counts[IN_PROGRESS] == 2
    assert counts[NOT_REPORTED] == len(round_2026.tasks) - 3
    assert counts["overdue"] == 0


def test_units_are_the_years_units_and_zones_and_the_bundled_rows_are_undated(data):
    round_ = reporting_round(data, "phu-tho", 2025, TODAY)
    units = round_.units
    assert set(units.loc[units["kind"] == "unit", "code"]) == set(units_of(data.units, "25", 2025)["code"])
    zones = data.zones[data.zones["province_code"] == "25"]
    assert (units["kind"] == "zone").sum() == len(zones)
    reports = data.tables["zone_awareness"]
    silent = set(zones["zone_code"]) - set(reports.loc[reports["year"] == 2025, "zone_code"])
    assert set(round_.late()["units"]) == silent
    assert set(units.loc[~units["code"].isin(silent), "state"]) == {UNDATED}


def test_before_the_deadline_nobody_is_late_yet(data):
    round_ = reporting_round(data, "hoa-binh", 2026, date(2026, 12, 6))
    assert round_.late() == {"agencies": [], "units": []}
    assert set(round_.agencies["state"]) == {NOT_YET}
