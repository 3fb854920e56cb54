"""The content of a plan's yearly report, in the reader's language: heading and recipients, every target with its
status (targets on all units with the share among reporters), a static map of each core indicator drawn as the
map page draws it, the tasks with their status and outputs, the budget, and who did not report."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard.core.i18n import t
from dashboard.dataset import Dataset
from dashboard.geography.units import units_of
from dashboard.intake.tables import is_demo
from dashboard.maps.views import Selection, map_view
from dashboard.progress.breakdowns import budget_by_task
from dashboard.progress.reporting import (
    LATE,
    LATE_STATES,
    ON_TIME,
    UNDATED,
    ReportingRound,
    reporting_round,
    task_status_counts,
)
from dashboard.progress.scorecard import ScoreRow, reporters_text, scorecard, scorecard_table, status_counts
from dashboard.reports.round_tables import agencies_table, day_text, late_names, tasks_table, units_table

BUDGET = "budget_total"
REPORTED_STATES = (ON_TIME, LATE, UNDATED)


@dataclass(frozen=True)
class ReportMap:
    """A core indicator's static map in the report: its name, the PNG image (None when the layer lacks the
    year's units) and the line under it (province figure, target and assessment)."""

    indicator: str
    name: str
    png: bytes | None
    figure_line: str


@dataclass(frozen=True)
class YearlyReport:
    """Everything the report's files hold, in one language."""

    slug: str
    year: int
    language: str
    today: date
    province: str
    document: str
    demo: bool
    round: ReportingRound
    score: list[ScoreRow]
    targets: pd.DataFrame
    maps: list[ReportMap]
    tasks: pd.DataFrame
    budget: pd.DataFrame
    agencies: pd.DataFrame
    units: pd.DataFrame
    late: dict[str, list[str]]
    notes: list[str]


def plan_years(data: Dataset, plan_id: str) -> tuple[int, int]:
    """Return the years a plan can be reported for: its start to its last target or vision year."""
    plan = data.plans.set_index("plan_id").loc[plan_id]
    last = max(int(plan["period_end"]), int(float(plan["vision_year"] or 0)))
    return int(plan["period_start"]), last


def summary_text(counts: dict[str, int], prefix: str, language: str) -> str:
    """Return counts by status in words: '3 met, 2 behind'."""
    return ", ".join(
        t("report.summary_item", language, count=count, status=t(f"{prefix}.{status}", language).lower())
        for status, count in counts.items()
        if count
    )


def target_summary(score: list[ScoreRow], language: str) -> str:
    """Return how many targets have each status, in words."""
    return summary_text(status_counts(score), "status", language)


def task_summary(round_: ReportingRound, language: str) -> str:
    """Return how many tasks have each status in the year and how many are overdue, in words."""
    counts = task_status_counts(round_)
    overdue = counts.pop("overdue")
    text = summary_text(counts, "task_status", language)
    return f"{text}; {t('reporting.overdue', language).lower()}: {overdue}" if overdue else text


def all_units_notes(data: Dataset, score: list[ScoreRow], language: str) -> list[str]:
    """Return, for each target on all units, the share among the units that reported and how many did not."""
    notes = []
    for row in score:
        if row.all_units and row.reporters_value is not None:
            name = data.catalogue.loc[row.target.indicator, f"name_{language}"]
            notes.append(f"{name} ({row.target.year}): {reporters_text(row, language)}")
    return list(dict.fromkeys(notes))


def core_maps(data: Dataset, province_code: str, year: int, language: str, today: date) -> list[ReportMap]:
    """Return a static map of each core indicator in the year, drawn from the same prepared layer, classes,
    colours and legend words as the map page (no image where the layer lacks the year's units); the drawing
    (matplotlib, about a second to import) is loaded only when maps are asked for."""
    from dashboard.maps.static_map import figure_words, map_png

    maps = []
    drawable = not units_of(data.units, province_code, year).empty
    for indicator in data.core_indicators():
        name = t(f"indicator.{indicator}", language)
        if not drawable:
            maps.append(ReportMap(indicator, name, None, t("report.no_map", language, indicator=name, year=year)))
            continue
        view = map_view(data, Selection(province_code, indicator, year, language))
        line = figure_words(view, indicator, data.catalogue.loc[indicator, "kind"], language)
        png = map_png(view, language, line, today) if not view.features.empty else None
        maps.append(ReportMap(indicator, name, png, line))
    return maps


def yearly_report(
    data: Dataset, plan_id: str, year: int, language: str, today: date, with_maps: bool = True
) -> YearlyReport:
    """Return the content of a plan's report for a year as of a day, in the language (without the maps, drawn
    only for the Word file, when with_maps is off)."""
    plan = data.plans.set_index("plan_id").loc[plan_id]
    province_code = plan["province_code"]
    round_ = reporting_round(data, plan_id, year, today)
    score = scorecard(data, plan_id, year)
    targets = scorecard_table(data, score, language).drop(columns=t("scorecard.column_trend", language))
    components = data.catalogue.loc[BUDGET, "components"].split(";")
    return YearlyReport(
        slug=data.province(province_code)["slug"],
        year=year,
        language=language,
        today=today,
        province=data.province(province_code)["name"],
        document=plan["document"],
        demo=is_demo(data.tables),
        round=round_,
        score=score,
        targets=targets,
        maps=core_maps(data, province_code, year, language, today) if with_maps else [],
        tasks=tasks_table(data, round_, language),
        budget=budget_by_task(data, province_code, components, year, language),
        agencies=agencies_table(data, round_, language),
        units=units_table(data, round_, language),
        late=late_names(data, round_, language),
        notes=all_units_notes(data, score, language),
    )


def long_date(day: date, language: str) -> str:
    """Return a day as a report's place-and-date line writes it (ngày 06 tháng 12 năm 2026; December 6, 2026)."""
    return t(
        "report.long_date",
        language,
        day=day.day,
        month=day.month,
        year=day.year,
        month_name=calendar.month_name[day.month],
    )


def reporting_counts(report: YearlyReport) -> dict[str, str]:
    """Return the counts of agencies and units that reported and that are late, in words."""
    language, round_ = report.language, report.round
    lines = {}
    for key, frame in (("agencies", round_.agencies), ("units", round_.units)):
        reported = int(frame["state"].isin(REPORTED_STATES).sum())
        late = int(frame["state"].isin(LATE_STATES).sum())
        lines[key] = t(f"reporting.{key}_count", language, reported=reported, expected=len(frame), late=late)
    return lines


def late_line(report: YearlyReport) -> str:
    """Return who is late, in one line, or that nobody is."""
    names = [*report.late["agencies"], *report.late["units"]]
    if not names:
        return t("reporting.nobody_late", report.language)
    return t("reporting.late", report.language, year=report.year, names="; ".join(names))


def today_text(report: YearlyReport) -> str:
    """Return the day the report is made as of, in the language."""
    return day_text(report.today, report.language)


def report_name(report: YearlyReport) -> str:
    """Return the files' name without suffix: bao-cao-sxtdbv-phu-tho-2026 (en: scp-report-phu-tho-2026)."""
    prefix = "bao-cao-sxtdbv" if report.language == "vi" else "scp-report"
    return f"{prefix}-{report.slug}-{report.year}"
