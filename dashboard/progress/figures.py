"""Yearly figures of every indicator, for a province and per district: computed from the district and zone tables
or from the province-level values as the catalogue says, never typed in twice. A year with no data is NaN."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.dataset import Dataset
from dashboard.geography.units import units_of
from dashboard.progress.measures import (
    VALUE,
    ProvinceFigure,
    combined_figure,
    district_values,
    province_figure,
    register_total,
    zone_reached,
)
from dashboard.progress.succession import commune_era, former_districts, former_provinces, province_zones

CUMULATIVE_KINDS = {"cumulative_count", "amount"}
SPENDING = {"budget_central": "spent_central", "budget_provincial": "spent_provincial"}
SPENDING |= {"budget_mobilised": "spent_mobilised"}


def series_years(data: Dataset, province_code: str) -> list[int]:
    """Return the years a province's figures are shown for: from its plan's baseline year to the last year any
    table has data for."""
    plan = data.plan_of(province_code)
    values = data.province_values()
    last = max([*data.years(), *values["year"].astype(int), int(plan["period_end"])])
    return list(range(int(plan["baseline_year"]), last + 1))


def _district_frame(data: Dataset, province_code: str, indicator: str, year: int) -> pd.DataFrame:
    """Return a core indicator's values per unit in a year (value, numerator, denominator, state): its districts
    until 2025, the communes of the merged province from 2026."""
    plan = data.plan_of(province_code)
    codes = units_of(data.units, province_code, year)["code"]
    zones = province_zones(data, province_code, year)
    return district_values(indicator, data.tables, codes, zones, year, int(plan["period_start"]))


def core_province_figure(data: Dataset, province_code: str, indicator: str, year: int) -> ProvinceFigure | None:
    """Return a core indicator's province figure in a year with the units it rests on (None when no table has the
    year; a share of units taken over all units in scope): from its districts until 2025; from 2026 from the
    merged province's communes and zones, a register counted from the plan's start over the former provinces'
    districts and the communes. Computed once per dataset."""
    key = ("core_province_figure", province_code, indicator, year)
    if key not in data.memo:
        data.memo[key] = _core_province_figure(data, province_code, indicator, year)
    return data.memo[key]


def _core_province_figure(data: Dataset, province_code: str, indicator: str, year: int) -> ProvinceFigure | None:
    """Return a core indicator's province figure in a year, computed (see core_province_figure)."""
    if year not in data.years():
        return None
    districts = _district_frame(data, province_code, indicator, year)
    zones = province_zones(data, province_code, year)
    reached = None
    if indicator == "zone_awareness" and "zone_awareness" in data.tables:
        reached = zone_reached(data.tables["zone_awareness"], zones, year)
    info = data.catalogue.loc[indicator]
    figure = province_figure(info["kind"], districts, reached)
    if reached is not None and commune_era(year):
        known = reached["reached"].dropna()
        value = float(known.sum() * 100 / len(reached)) if len(known) else None
        figure = ProvinceFigure(value, float(known.sum()), float(len(reached)), len(known), len(reached), True)
    table = data.tables.get(indicator)
    if info["aggregation"] == "register_count" and commune_era(year) and table is not None:
        codes = set(districts.index) | former_districts(data, province_code)
        since = int(data.plan_of(province_code, year)["period_start"])
        count = register_total(table, codes, set(zones["zone_code"]), year, since)
        figure = ProvinceFigure(count, count, 1.0, figure.reported, figure.expected)
    return figure


def _core_province_value(data: Dataset, province_code: str, indicator: str, year: int) -> float:
    """Return a core indicator's province figure in a year, NaN when no unit reported."""
    figure = core_province_figure(data, province_code, indicator, year)
    return np.nan if figure is None or figure.value is None else figure.value


def task_spending(data: Dataset, province_code: str, indicator: str) -> pd.DataFrame:
    """Return the spending from a funding source that task progress reports, as province-level rows (year,
    breakdown: the task's number, value in million VND); empty for any other indicator."""
    table = data.tables.get("task_progress")
    if indicator not in SPENDING or table is None:
        return pd.DataFrame(columns=["year", "province_code", "indicator", "breakdown", "value"])
    plans = data.plans[data.plans["province_code"] == province_code]["plan_id"]
    rows = table[table["plan_id"].isin(plans) & table[SPENDING[indicator]].notna()]
    return pd.DataFrame(
        {
            "year": rows["year"].astype(int),
            "province_code": province_code,
            "indicator": indicator,
            "breakdown": rows["task"],
            "value": rows[SPENDING[indicator]].astype(float),
        }
    )


def province_rows(data: Dataset, province_code: str, indicator: str) -> pd.DataFrame:
    """Return the province-level rows of an indicator for a province, with numeric year and value; spending that
    task progress reports for a task and year takes the place of a province value for the same task and year."""
    values = data.province_values()
    rows = values[(values["province_code"] == province_code) & (values["indicator"] == indicator)]
    rows = rows.assign(year=rows["year"].astype(int), value=pd.to_numeric(rows["value"], errors="coerce"))
    spent = task_spending(data, province_code, indicator)
    if spent.empty:
        return rows
    reported = set(zip(spent["year"], spent["breakdown"], strict=True))
    kept = rows[[(year, task) not in reported for year, task in zip(rows["year"], rows["breakdown"], strict=True)]]
    return pd.concat([kept, spent], ignore_index=True)


def _reduction(rows: pd.DataFrame, baseline_year: int) -> pd.Series:
    """Return the percent reduction of each breakdown's level from its baseline-year level, averaged over the
    breakdowns (sectors) that have both years."""
    levels = rows.pivot_table(index="year", columns="breakdown", values="value", aggfunc="mean")
    if baseline_year not in levels.index:
        return pd.Series(dtype=float)
    reductions = (levels.loc[baseline_year] - levels) * 100 / levels.loc[baseline_year]
    return reductions.mean(axis=1, skipna=True)


def _accumulated(series: pd.Series, years: list[int], since: int) -> pd.Series:
    """Return running totals from `since`; after a year with no data the total is unknown (NaN)."""
    running = series.reindex([year for year in years if year >= since])
    return running.cumsum().where(running.notna().cummin()).reindex(years)


def province_series(data: Dataset, province_code: str, indicator: str) -> pd.Series:
    """Return an indicator's province figure by year (index: series_years), NaN where there is no data;
    computed once per dataset (a dataset never changes: new data make a new dataset)."""
    key = ("province_series", province_code, indicator)
    if key not in data.memo:
        data.memo[key] = _province_series(data, province_code, indicator)
    return data.memo[key].copy()


def _province_series(data: Dataset, province_code: str, indicator: str) -> pd.Series:
    """Return an indicator's province figure by year, computed from the tables and province values."""
    years = series_years(data, province_code)
    info = data.catalogue.loc[indicator]
    plan = data.plan_of(province_code)
    if info["core"]:
        values = [_core_province_value(data, province_code, indicator, year) for year in years]
        return pd.Series(values, index=years, dtype=float)
    if info["aggregation"] == "sum_of":
        components = info["components"].split(";")
        parts = pd.concat([province_series(data, province_code, part) for part in components], axis=1)
        return parts.sum(axis=1).where(parts.notna().all(axis=1))
    rows = province_rows(data, province_code, indicator)
    if info["kind"] == "reduction":
        return _reduction(rows, int(plan["baseline_year"])).reindex(years)
    grouped = rows.groupby("year")["value"]
    yearly = grouped.sum(min_count=1) if info["aggregation"] == "sum" else grouped.mean()
    if info["kind"] in CUMULATIVE_KINDS:
        return _accumulated(yearly, years, int(plan["period_start"]))
    return yearly.reindex(years).astype(float)


def task_series(data: Dataset, province_code: str, indicator: str, task: str, since: int | None) -> pd.Series:
    """Return a task output's figure by year from the province values whose breakdown is the task's number: the
    year's own value, or with `since` the running total from that year (unknown after a year with no data)."""
    rows = province_rows(data, province_code, indicator)
    yearly = rows[rows["breakdown"] == task].groupby("year")["value"].sum(min_count=1)
    years = series_years(data, province_code)
    if since is not None:
        return _accumulated(yearly, years, since)
    return yearly.reindex(years).astype(float)


def district_series(data: Dataset, province_code: str, indicator: str) -> pd.DataFrame:
    """Return an indicator's value per district (columns: codes) by year (rows), NaN where there is no data;
    empty when the indicator is not measured per district."""
    info = data.catalogue.loc[indicator]
    years = series_years(data, province_code)
    if info["core"]:
        columns = {}
        for year in data.years():
            frame = _district_frame(data, province_code, indicator, year)
            columns[year] = frame["value"].where(frame["state"] == VALUE)
        return pd.DataFrame(columns).T.reindex(years)
    if info["breakdown"] != "district":
        return pd.DataFrame(index=years)
    rows = province_rows(data, province_code, indicator)
    return rows.pivot_table(index="year", columns="breakdown", values="value", aggfunc="sum").reindex(years)


def weakest_district_series(data: Dataset, province_code: str, indicator: str) -> pd.Series:
    """Return the lowest value among the districts that reported, by year: what a target set for every district
    is judged on."""
    return district_series(data, province_code, indicator).min(axis=1, skipna=True)


def merged_province_series(data: Dataset, province_code: str, indicator: str) -> pd.Series:
    """Return a province's figure by year across the reform: until 2025 the figures of its former provinces'
    districts combined (summed numerators over summed denominators, as the reform page combines them), then its
    communes; an indicator not measured per unit, or a province made of one, keeps its own series."""
    series = province_series(data, province_code, indicator)
    parts = former_provinces(data, province_code)
    if not data.catalogue.loc[indicator, "core"] or len(parts) < 2:
        return series
    kind = data.catalogue.loc[indicator, "kind"]
    for year in series.index:
        if commune_era(year):
            continue
        figures = [core_province_figure(data, part, indicator, year) for part in parts]
        known = [figure for figure in figures if figure is not None]
        value = combined_figure(kind, known).value if known else None
        series[year] = np.nan if value is None else value
    return series
