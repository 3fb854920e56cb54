"""A plan's scorecard: every target as a row with its baseline, latest value, status and trend."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from dashboard.core.i18n import format_number, format_percent, t
from dashboard.core.tasks import PER_PERIOD, PER_YEAR
from dashboard.dataset import Dataset
from dashboard.progress.figures import core_province_figure, province_series, task_series, weakest_district_series
from dashboard.progress.measures import ALL_UNITS_KINDS
from dashboard.progress.statuses import NO_PATH, PATH_FROM_ZERO, Baseline, baseline_of, is_missing, status
from dashboard.progress.succession import StandingTarget, commune_era, standing_targets
from dashboard.progress.targets import Target, target_of

UNIT_SCOPES = {"district", "zone"}


@dataclass(frozen=True)
class ScoreRow:
    """One target of a plan, judged in a year: the value it is judged on (None: no data) and its year."""

    target: Target
    unit: str
    baseline: Baseline | None
    value: float | None
    value_year: int | None
    status: str
    trend: list[float | None]
    trend_start: int
    reporters_value: float | None = None
    not_reported: int | None = None

    @property
    def all_units(self) -> bool:
        """Return whether the target speaks of every unit in scope (a unit with no report counts as not reached)."""
        return self.not_reported is not None


def plan_for_slug(data: Dataset, slug: str) -> str | None:
    """Return the plan id of a province named by its slug (hoa-binh), None when no plan has that name."""
    provinces = data.provinces[data.provinces["slug"] == slug]
    if provinces.empty:
        return None
    plans = data.plans[data.plans["province_code"] == provinces.iloc[0]["province_code"]]
    return None if plans.empty else plans.iloc[0]["plan_id"]


def plan_slugs(data: Dataset) -> list[str]:
    """Return the slugs of the provinces that have a plan."""
    return sorted(data.provinces[data.provinces["province_code"].isin(data.plans["province_code"])]["slug"])


def task_start(data: Dataset, target: Target) -> int:
    """Return the first year of the task whose output sets a target (its end year for a deadline)."""
    task = next(task for task in data.tasks.of_plan(target.plan_id) if task.number == target.task)
    return task.end_year if task.start_year is None else task.start_year


def path_of(target: Target, catalogue_path: str) -> str:
    """Return where the path to a target starts: a yearly output is judged in its year only, an output over a
    task's period is counted from zero; any other target as its indicator says."""
    return {PER_YEAR: NO_PATH, PER_PERIOD: PATH_FROM_ZERO}.get(target.per, catalogue_path)


def target_series(data: Dataset, province_code: str, target: Target) -> pd.Series:
    """Return the yearly figure a target is judged on: a task output's own figure (for the year, or summed over
    the task's period), the province figure, or the weakest district for a target every district must reach."""
    if target.task:
        since = task_start(data, target) if target.per == PER_PERIOD else None
        return task_series(data, province_code, target.indicator, target.task, since)
    if target.scope in UNIT_SCOPES:
        return weakest_district_series(data, province_code, target.indicator)
    return province_series(data, province_code, target.indicator)


def judged_value(series: pd.Series, target: Target, year: int, path_from: str) -> tuple[float | None, int | None]:
    """Return the value a target is judged on in a year and the year of that value: the target year's own value
    once it has come, else the latest value so far (none for a yearly output whose year has not come)."""
    if target.year > year and path_from == NO_PATH:
        return None, None
    if target.year <= year:
        value = series.get(target.year)
        return (None, target.year) if value is None or is_missing(float(value)) else (float(value), target.year)
    known = series[series.index <= year].dropna()
    return (None, None) if known.empty else (float(known.iloc[-1]), int(known.index[-1]))


def judged_row(data: Dataset, province_code: str, target: Target, year: int, series: pd.Series) -> ScoreRow:
    """Return a target judged as of a year on a yearly series; after the reform only on the merged province's
    figures (a figure of the former province before 1 July 2025 is not the merged province's). A share of all
    units also carries the share among the units that reported and how many did not."""
    info = data.catalogue.loc[target.indicator]
    path_from = path_of(target, info["path_from"])
    baseline_year = int(data.plans.set_index("plan_id").loc[target.plan_id, "baseline_year"])
    baseline = baseline_of(series, baseline_year, path_from)
    judged_on = series[[commune_era(each) for each in series.index]] if commune_era(year) else series
    value, value_year = judged_value(judged_on, target, year, path_from)
    judged = status(value, value_year or year, target, baseline, path_from)
    shown = series[series.index <= year]
    trend = [None if is_missing(float(point)) else float(point) for point in shown]
    start = int(shown.index[0]) if len(shown) else baseline_year
    row = ScoreRow(target, info["unit"], baseline, value, value_year, judged, trend, start)
    if info["kind"] in ALL_UNITS_KINDS and info["core"] and not target.task and value_year in data.years():
        figure = core_province_figure(data, province_code, target.indicator, value_year)
        if figure is not None:
            row = replace(row, reporters_value=figure.reporters_value, not_reported=figure.not_reported)
    return row


def scorecard(data: Dataset, plan_id: str, year: int) -> list[ScoreRow]:
    """Return every target of a plan judged as of a year, in the order the plan's targets are recorded; from 2026
    (after the reform) the targets that still stand (due in or after the year), judged on the merged province's
    figures of its communes and zones."""
    province_code = data.plans.set_index("plan_id").loc[plan_id, "province_code"]
    series_of: dict[tuple[str, str, str, str], pd.Series] = {}
    rows = []
    for record in data.targets[data.targets["plan_id"] == plan_id].itertuples():
        if commune_era(year) and record.target_year < year:
            continue
        target = target_of(record)
        key = (target.indicator, target.scope, target.task, target.per)
        if key not in series_of:
            series_of[key] = target_series(data, province_code, target)
        rows.append(judged_row(data, province_code, target, year, series_of[key]))
    return rows


def standing_scorecard(data: Dataset, province_code: str, year: int) -> list[tuple[StandingTarget, ScoreRow]]:
    """Return the targets a merged province is judged against in a year after the reform (its former provinces'
    plans' targets, the stricter applied where two differ), each judged on the merged province's figures."""
    return [
        (
            standing,
            judged_row(data, province_code, standing.target, year, target_series(data, province_code, standing.target)),
        )
        for standing in standing_targets(data, province_code, year)
    ]


def standing_table(data: Dataset, rows: list[tuple[StandingTarget, ScoreRow]], language: str) -> pd.DataFrame:
    """Return the standing targets as a table: indicator, the plan each comes from, target, whether it applies,
    value and status."""
    catalogue = data.catalogue
    return pd.DataFrame(
        {
            t("scorecard.column_indicator", language): [
                catalogue.loc[row.target.indicator, f"name_{language}"] for _, row in rows
            ],
            t("scorecard.column_plan", language): [standing.plan_document for standing, _ in rows],
            t("scorecard.column_target_year", language): [str(row.target.year) for _, row in rows],
            t("scorecard.column_target", language): [target_in_unit(row.target, row.unit, language) for _, row in rows],
            t("scorecard.column_applies", language): [
                t(f"scorecard.applies_{standing.applies}", language) for standing, _ in rows
            ],
            t("scorecard.column_value", language): [value_in_unit(row.value, row.unit, language) for _, row in rows],
            t("scorecard.column_value_year", language): [
                "" if row.value_year is None else str(row.value_year) for _, row in rows
            ],
            t("scorecard.column_status", language): [
                t(f"status.{row.status}", language) if standing.applies else "" for standing, row in rows
            ],
        }
    )


def value_in_unit(value: float | None, unit: str, language: str) -> str:
    """Return a value written in its unit for the language: '85,5%', '12.000 triệu đồng', '3'."""
    if is_missing(value):
        return t("value.no_data", language)
    if unit == "done":
        return t("scorecard.done" if value >= 1 else "scorecard.not_done", language)
    if unit == "percent":
        return format_percent(value, language)
    number = format_number(value, language, 1 if unit == "million_vnd" else 0)
    return t(f"scorecard.unit_{unit}", language, value=number)


def target_in_unit(target: Target, unit: str, language: str) -> str:
    """Return a target's value in its unit: '70%', '20–30' for a range, 'about 50' for an approximate one."""
    if target.stretch is None:
        text = value_in_unit(target.minimum, unit, language)
    else:
        stretch = value_in_unit(target.stretch, unit, language)
        text = t("target.range", language, minimum=format_number(target.minimum, language, 1), stretch=stretch)
    return t("target.about", language, value=text) if target.approximate else text


def indicator_text(data: Dataset, target: Target, language: str) -> str:
    """Return what a target measures: its indicator's name, with the task whose output it is."""
    name = data.catalogue.loc[target.indicator, f"name_{language}"]
    return t("scorecard.of_task", language, name=name, task=target.task) if target.task else name


def baseline_text(row: ScoreRow, language: str) -> str:
    """Return the baseline in words: '40% (2020)', '40% (2021, first reported)' or none for yearly outputs."""
    baseline = row.baseline
    if baseline is None:
        return t("scorecard.no_baseline_milestone" if row.unit == "done" else "scorecard.no_baseline", language)
    key = "scorecard.baseline" if baseline.value_year == baseline.year else "scorecard.baseline_first"
    return t(key, language, value=value_in_unit(baseline.value, row.unit, language), year=baseline.value_year)


def reporters_text(row: ScoreRow, language: str) -> str:
    """Return, for a target on every unit, the share among the units that reported and how many did not:
    '93,3% trong số đã báo cáo; 2 chưa báo cáo'; '' for any other target."""
    if not row.all_units:
        return ""
    share = value_in_unit(row.reporters_value, "percent", language)
    return t("scorecard.reporters", language, share=share, missing=row.not_reported)


def missing_years(row: ScoreRow) -> str:
    """Return the years of a row's trend without data, so the sparkline (drawn through known years) hides none."""
    return ", ".join(str(row.trend_start + offset) for offset, value in enumerate(row.trend) if value is None)


def scorecard_table(data: Dataset, rows: list[ScoreRow], language: str) -> pd.DataFrame:
    """Return the scorecard as a department reports it: one row per target, its status beside its indicator (so a
    phone shows it without scrolling), words in the language."""
    return pd.DataFrame(
        {
            t("scorecard.column_indicator", language): [indicator_text(data, row.target, language) for row in rows],
            t("scorecard.column_status", language): [t(f"status.{row.status}", language) for row in rows],
            t("scorecard.column_target_year", language): [str(row.target.year) for row in rows],
            t("scorecard.column_target", language): [target_in_unit(row.target, row.unit, language) for row in rows],
            t("scorecard.column_value", language): [value_in_unit(row.value, row.unit, language) for row in rows],
            t("scorecard.column_value_year", language): [
                "" if row.value_year is None else str(row.value_year) for row in rows
            ],
            t("scorecard.column_reporters", language): [reporters_text(row, language) for row in rows],
            t("scorecard.column_trend", language): [
                [value for value in row.trend if value is not None] for row in rows
            ],
            t("scorecard.column_missing_years", language): [missing_years(row) for row in rows],
            t("scorecard.column_baseline", language): [baseline_text(row, language) for row in rows],
            t("scorecard.column_scope", language): [t(f"scope.{row.target.scope}", language) for row in rows],
        }
    )


def scorecard_records(slug: str, rows: list[ScoreRow]) -> list[dict]:
    """Return the scorecard as plain records for JSON: one object per target."""
    return [
        {
            "plan": slug,
            "indicator": row.target.indicator,
            "scope": row.target.scope,
            "target_year": row.target.year,
            "year": row.value_year,
            "value": None if row.value is None else round(row.value, 4),
            "target_min": row.target.minimum,
            "target_stretch": row.target.stretch,
            "approximate": row.target.approximate,
            "task": row.target.task or None,
            "status": row.status,
            "share_among_reporters": None if row.reporters_value is None else round(row.reporters_value, 4),
            "units_not_reported": row.not_reported,
        }
        for row in rows
    ]


def status_counts(rows: list[ScoreRow]) -> dict[str, int]:
    """Return how many targets have each status."""
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.status] = counts.get(row.status, 0) + 1
    return counts


def trend_text(row: ScoreRow, language: str) -> str:
    """Return a row's trend in words for downloads: '2021: 61,5%; 2022: không có số liệu; ...'."""
    return "; ".join(
        f"{row.trend_start + offset}: {value_in_unit(value, row.unit, language)}"
        for offset, value in enumerate(row.trend)
    )


def scorecard_download(data: Dataset, rows: list[ScoreRow], language: str) -> pd.DataFrame:
    """Return the scorecard table with the trend written out by year, for CSV and XLSX."""
    table = scorecard_table(data, rows, language)
    column = t("scorecard.column_trend", language)
    return table.assign(**{column: [trend_text(row, language) for row in rows]})
