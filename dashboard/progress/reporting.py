"""The yearly reporting round of a plan: which agencies (leads of tasks) and which units (districts, from 2026
communes, and zones) have reported for a year and when, who is late after 15 December, and each task's status,
with tasks past their end and never done marked overdue. The current date is a parameter, never read here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard.core.tasks import DONE, DROPPED, Task
from dashboard.dataset import Dataset
from dashboard.geography.units import units_of

DEADLINE_MONTH, DEADLINE_DAY = 12, 15
ON_TIME, LATE, NOT_YET, MISSING, UNDATED = "on_time", "late", "not_yet", "missing", "undated"
LATE_STATES = (LATE, MISSING)
NOT_REPORTED = "not_reported"
TASK_TABLE = "task_progress"
DEMO = "demo"
UNIT_TABLES = ("awareness_campaigns", "eco_packaging", "eco_models", "green_retail_points")
ZONE_TABLES = ("zone_awareness", "eco_models")


def deadline(year: int) -> date:
    """Return the day a year's reports are due at the Department of Industry and Trade (15 December)."""
    return date(year, DEADLINE_MONTH, DEADLINE_DAY)


def report_state(submitted: date | None, reported: bool, year: int, today: date) -> str:
    """Return how a unit or agency stands: on_time, late (sent after 15 December), undated (sent, date unknown:
    bundled rows), not_yet (nothing sent, the deadline still ahead) or missing (nothing sent, deadline past)."""
    if reported:
        if submitted is None:
            return UNDATED
        return ON_TIME if submitted <= deadline(year) else LATE
    return MISSING if today > deadline(year) else NOT_YET


@dataclass(frozen=True)
class ReportingRound:
    """A plan's reporting round for a year as of a day: agencies and units with when they reported and their
    state, and the plan's tasks with their status in the year and whether they are overdue."""

    plan_id: str
    province_code: str
    year: int
    today: date
    agencies: pd.DataFrame
    units: pd.DataFrame
    tasks: pd.DataFrame

    def late(self) -> dict[str, list[str]]:
        """Return the codes of the agencies and of the units that are late (sent late, or nothing by the deadline)."""
        return {
            "agencies": self.agencies.loc[self.agencies["state"].isin(LATE_STATES), "code"].tolist(),
            "units": self.units.loc[self.units["state"].isin(LATE_STATES), "code"].tolist(),
        }


def _upload_days(data: Dataset) -> tuple[dict[int, date], dict[int, str | None]]:
    """Return, for every upload not undone, the day it was made and the agency it reported for; the seeded
    demonstration tables were sent on no real day, so their rows stay undated."""
    uploads = data.submissions
    uploads = uploads[(uploads["undone_at"].isna() | (uploads["undone_at"] == "")) & (uploads["source"] != DEMO)]
    days = {int(row.id): date.fromisoformat(str(row.uploaded_at)[:10]) for row in uploads.itertuples()}
    agencies = {
        int(row.id): row.agency if isinstance(row.agency, str) and row.agency else None for row in uploads.itertuples()
    }
    return days, agencies


def _row_days(table: pd.DataFrame, days: dict[int, date]) -> pd.Series:
    """Return the day each row was sent (None when its upload is unknown: the bundled tables)."""
    if "upload_id" not in table:
        return pd.Series([None] * len(table), index=table.index, dtype=object)
    return table["upload_id"].map(lambda upload: days.get(int(upload)) if pd.notna(upload) else None)


def _first_day(found: list[date | None]) -> date | None:
    """Return the earliest known day of a unit's or agency's rows, None when none is known."""
    known = [day for day in found if day is not None]
    return min(known) if known else None


def task_is_active(task: Task, year: int) -> bool:
    """Return whether a task's period covers the year (a deadline task: every year up to its deadline)."""
    if task.start_year is None:
        return year <= task.end_year
    return task.start_year <= year <= task.end_year


def is_overdue(task: Task, statuses: dict[int, str], year: int, today: date) -> bool:
    """Return whether a task is overdue in a year's report: its end (31 December of its last year) has passed by
    the end of the report year or by today, whichever is earlier, no year up to the report's says done, and it
    was not dropped."""
    as_of = min(today, date(year, 12, 31))
    if date(task.end_year, 12, 31) >= as_of:
        return False
    known = [status for reported, status in sorted(statuses.items()) if reported <= year]
    return DONE not in known and (not known or known[-1] != DROPPED)


def _task_rows(data: Dataset, plan_id: str, year: int, today: date) -> pd.DataFrame:
    """Return each task of the plan with its status in the year (not_reported when no row), its latest status
    and year, outputs, spending, note, the agencies recorded for its row and whether it is overdue."""
    table = data.tables.get(TASK_TABLE, pd.DataFrame(columns=["year", "plan_id", "task", "status"]))
    table = table[table["plan_id"] == plan_id]
    records = []
    for task in data.tasks.of_plan(plan_id):
        own = table[table["task"] == task.number]
        statuses = {int(row.year): row.status for row in own.itertuples()}
        this_year = own[own["year"] == year]
        earlier = {reported: status for reported, status in statuses.items() if reported <= year}
        latest_year = max(earlier) if earlier else None
        row = this_year.iloc[0] if len(this_year) else None
        records.append(
            {
                "number": task.number,
                "leads": task.leads,
                "active": task_is_active(task, year),
                "status": NOT_REPORTED if row is None else row["status"],
                "latest_status": earlier.get(latest_year, NOT_REPORTED),
                "latest_year": latest_year,
                "outputs_delivered": "" if row is None else row["outputs_delivered"],
                "note": "" if row is None else row["note"],
                "upload_id": None if row is None or "upload_id" not in row else row["upload_id"],
                "overdue": is_overdue(task, statuses, year, today),
            }
        )
    return pd.DataFrame(records)


def _agency_rows(data: Dataset, tasks: pd.DataFrame, year: int, today: date) -> pd.DataFrame:
    """Return the agencies that lead a task active in the year or overdue, with the day they reported and their
    state: an agency reported when a row of the year came from an upload made for it, or, for rows whose upload
    named no agency, when a task it leads has a row."""
    days, agency_of = _upload_days(data)
    expected = [code for _, task in tasks[tasks["active"] | tasks["overdue"]].iterrows() for code in task["leads"]]
    sent: dict[str, list[date | None]] = {}
    for _, task in tasks[tasks["status"] != NOT_REPORTED].iterrows():
        upload = task["upload_id"]
        known = upload is not None and pd.notna(upload) and int(upload) in days
        recorded = agency_of.get(int(upload)) if known else None
        for code in [recorded] if recorded else task["leads"]:
            sent.setdefault(code, []).append(days[int(upload)] if known else None)
    codes = list(dict.fromkeys([*expected, *sent]))
    rows = []
    for code in codes:
        led = tasks[tasks["leads"].map(lambda leads, code=code: code in leads)]
        day = _first_day(sent.get(code, []))
        state = report_state(day, code in sent, year, today)
        rows.append({"code": code, "tasks": led["number"].tolist(), "submitted": day, "state": state})
    return pd.DataFrame(rows, columns=["code", "tasks", "submitted", "state"])


def _reports_of(data: Dataset, tables: tuple[str, ...], column: str, year: int) -> dict[str, list[date | None]]:
    """Return, per unit code in the column, the days its rows of the year were sent, over the tables."""
    days, _ = _upload_days(data)
    found: dict[str, list[date | None]] = {}
    for name in tables:
        table = data.tables.get(name)
        if table is None or column not in table:
            continue
        rows = table[(table["year"] == year) & (table[column] != "")]
        for code, day in zip(rows[column], _row_days(rows, days), strict=True):
            found.setdefault(code, []).append(day)
    return found


def _unit_rows(data: Dataset, province_code: str, year: int, today: date) -> pd.DataFrame:
    """Return the province's units of the year's reporting level (districts to 2025, communes from 2026) and its
    zones, each with the day it reported for the year and its state."""
    units = units_of(data.units, province_code, year)
    zones = data.zones[data.zones["province_code"] == province_code]
    by_unit = _reports_of(data, UNIT_TABLES, "unit_code", year)
    by_zone = _reports_of(data, ZONE_TABLES, "zone_code", year)
    rows = []
    for kind, codes, sent in (("unit", units["code"], by_unit), ("zone", zones["zone_code"], by_zone)):
        for code in codes:
            day = _first_day(sent.get(code, []))
            rows.append(
                {"kind": kind, "code": code, "submitted": day, "state": report_state(day, code in sent, year, today)}
            )
    return pd.DataFrame(rows, columns=["kind", "code", "submitted", "state"])


def reporting_round(data: Dataset, plan_id: str, year: int, today: date) -> ReportingRound:
    """Return a plan's reporting round for a year as of a day."""
    province_code = data.plans.set_index("plan_id").loc[plan_id, "province_code"]
    tasks = _task_rows(data, plan_id, year, today)
    return ReportingRound(
        plan_id=plan_id,
        province_code=province_code,
        year=year,
        today=today,
        agencies=_agency_rows(data, tasks, year, today),
        units=_unit_rows(data, province_code, year, today),
        tasks=tasks,
    )


def task_status_counts(round_: ReportingRound) -> dict[str, int]:
    """Return how many of the plan's tasks have each status in the year, and how many are overdue."""
    counts = round_.tasks["status"].value_counts().to_dict()
    return {
        **{str(status): int(count) for status, count in counts.items()},
        "overdue": int(round_.tasks["overdue"].sum()),
    }
