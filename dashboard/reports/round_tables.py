"""A reporting round in words: the agencies and units with when they reported and whether late, and the plan's
tasks with their status, outputs and whether overdue, in the reader's language."""

from __future__ import annotations

from datetime import date

import pandas as pd

from dashboard.core.i18n import t
from dashboard.core.tasks import agency_name
from dashboard.dataset import Dataset
from dashboard.geography.units import full_name
from dashboard.progress.reporting import NOT_REPORTED, ReportingRound
from dashboard.progress.tasks import agency_names, period_text


def day_text(day: date | None, language: str) -> str:
    """Return a day as the language writes it (15/12/2026, 2026-12-15), '' for none."""
    if day is None:
        return ""
    return t("reporting.date", language, day=day.day, month=day.month, year=day.year)


def unit_name(data: Dataset, kind: str, code: str, language: str) -> str:
    """Return a unit's name with its type (Huyện Thanh Sơn, Xã ...), or a zone's name."""
    if kind == "zone":
        zones = data.zones[data.zones["zone_code"] == code]
        return zones.iloc[0]["name"] if len(zones) else code
    units = data.units[data.units["code"] == code]
    if units.empty:
        return code
    latest = units.iloc[-1]
    return full_name(latest["type"], latest["name"], language)


def agencies_table(data: Dataset, round_: ReportingRound, language: str) -> pd.DataFrame:
    """Return the agencies expected to report (leads of tasks in the year or overdue): tasks led, day reported
    and state."""
    return pd.DataFrame(
        {
            t("reporting.column_agency", language): [
                agency_name(data.tasks, code, language) for code in round_.agencies["code"]
            ],
            t("reporting.column_tasks", language): [", ".join(tasks) for tasks in round_.agencies["tasks"]],
            t("reporting.column_submitted", language): [
                day_text(day, language) for day in round_.agencies["submitted"]
            ],
            t("reporting.column_state", language): [
                t(f"reporting.state_{state}", language) for state in round_.agencies["state"]
            ],
        }
    )


def units_table(data: Dataset, round_: ReportingRound, language: str) -> pd.DataFrame:
    """Return the units (districts or communes of the year) and zones: name, kind, day reported and state."""
    units = round_.units
    return pd.DataFrame(
        {
            t("reporting.column_unit", language): [
                unit_name(data, kind, code, language) for kind, code in zip(units["kind"], units["code"], strict=True)
            ],
            t("reporting.column_kind", language): [t(f"reporting.kind_{kind}", language) for kind in units["kind"]],
            t("reporting.column_submitted", language): [day_text(day, language) for day in units["submitted"]],
            t("reporting.column_state", language): [
                t(f"reporting.state_{state}", language) for state in units["state"]
            ],
        }
    )


def late_names(data: Dataset, round_: ReportingRound, language: str) -> dict[str, list[str]]:
    """Return the names of the agencies and of the units that are late (sent late, or nothing by 15 December)."""
    late = round_.late()
    kinds = dict(zip(round_.units["code"], round_.units["kind"], strict=True))
    return {
        "agencies": [agency_name(data.tasks, code, language) for code in late["agencies"]],
        "units": [unit_name(data, kinds[code], code, language) for code in late["units"]],
    }


def status_words(status: str, latest: str, latest_year: float | None, language: str) -> str:
    """Return a task's status in the year in words; with no row this year, the last status reported and its year."""
    if status != NOT_REPORTED or latest_year is None or pd.isna(latest_year):
        return t(f"task_status.{status}", language)
    return t("reporting.latest", language, status=t(f"task_status.{latest}", language), year=int(latest_year))


def tasks_table(data: Dataset, round_: ReportingRound, language: str) -> pd.DataFrame:
    """Return the plan's tasks: number, title, lead, period, status in the year, outputs delivered, overdue, note."""
    tasks = {task.number: task for task in data.tasks.of_plan(round_.plan_id)}
    rows = round_.tasks
    title = "title_vi" if language == "vi" else "title_en"
    return pd.DataFrame(
        {
            t("tasks.column_number", language): rows["number"].tolist(),
            t("tasks.column_title", language): [getattr(tasks[number], title) for number in rows["number"]],
            t("tasks.column_lead", language): [agency_names(data, leads, language) for leads in rows["leads"]],
            t("tasks.column_period", language): [period_text(tasks[number], language) for number in rows["number"]],
            t("reporting.column_status", language, year=round_.year): [
                status_words(status, latest, year, language)
                for status, latest, year in zip(rows["status"], rows["latest_status"], rows["latest_year"], strict=True)
            ],
            t("reporting.column_outputs", language): rows["outputs_delivered"].tolist(),
            t("reporting.column_overdue", language): [
                t("reporting.overdue", language) if overdue else "" for overdue in rows["overdue"]
            ],
            t("reporting.column_note", language): rows["note"].tolist(),
        }
    )
