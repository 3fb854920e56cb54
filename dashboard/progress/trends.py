"""What the trends page shows: an indicator over the years for the province and chosen districts beside its
targets and the path to them, the districts ranked in a year, and the four provinces side by side."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.core.i18n import t
from dashboard.dataset import Dataset
from dashboard.geography.units import full_name, units_of
from dashboard.progress.figures import district_series, merged_province_series, province_series
from dashboard.progress.scorecard import value_in_unit
from dashboard.progress.statuses import Baseline, baseline_of, is_missing, path_value, status
from dashboard.progress.succession import break_within
from dashboard.progress.targets import Target, plan_targets, target_for_year

MIN_PLANS_SHARING = 2


@dataclass(frozen=True)
class TrendView:
    """An indicator's yearly figures for a province and some districts, its targets and the path to them, and
    where the reform of 1 July 2025 falls (None when the years do not span it)."""

    indicator: str
    name: str
    unit: str
    province: pd.Series
    districts: pd.DataFrame
    targets: list[Target]
    baseline: Baseline | None
    district_unit: str = ""
    break_year: float | None = None


def tracked_indicators(data: Dataset, province_code: str) -> list[str]:
    """Return the indicators with a target in the province's plan or values for the province, catalogue order."""
    plan_id = data.plan_of(province_code)["plan_id"]
    targeted = set(data.targets.loc[data.targets["plan_id"] == plan_id, "indicator"])
    values = data.province_values()
    reported = set(values.loc[values["province_code"] == province_code, "indicator"])
    core = set(data.core_indicators())
    return [code for code in data.catalogue.index if code in targeted | reported | core]


def district_names(data: Dataset, province_code: str, year: int, language: str) -> dict[str, str]:
    """Return the full names of the province's districts valid in a year, keyed by code."""
    units = units_of(data.units, province_code, year)
    return {row.code: full_name(row.type, row.name, language) for row in units.itertuples()}


def district_unit(data: Dataset, indicator: str) -> str:
    """Return the unit of an indicator's district values: percent for district shares, else a count or amount
    (a district's campaigns are counted, while the province figure is the share of districts with one)."""
    info = data.catalogue.loc[indicator]
    if info["core"]:
        return "percent" if info["district_value"] == "share" else "count"
    return info["unit"]


def districts_comparable(data: Dataset, indicator: str) -> bool:
    """Return whether the indicator has district values that can be drawn on the province figure's axis."""
    info = data.catalogue.loc[indicator]
    measured_per_district = info["core"] or info["breakdown"] == "district"
    return measured_per_district and district_unit(data, indicator) == info["unit"]


def districts_drawable(data: Dataset, indicator: str) -> bool:
    """Return whether the indicator has values per district that a planner can add to the chart (on the province
    figure's axis when in its unit, else on an axis of their own)."""
    info = data.catalogue.loc[indicator]
    return bool(info["core"]) or info["breakdown"] == "district"


def trend_view(data: Dataset, province_code: str, indicator: str, codes: list[str], language: str) -> TrendView:
    """Return an indicator's trend for the province and the chosen districts or communes (columns named in the
    language); a merged province's figures run across the reform: its former provinces' districts combined until
    2025, then its communes, with the break marked."""
    plan = data.plan_of(province_code)
    info = data.catalogue.loc[indicator]
    series = merged_province_series(data, province_code, indicator)
    per_district = district_series(data, province_code, indicator)
    names = {
        code: name
        for year in data.years()
        for code, name in district_names(data, province_code, year, language).items()
    }
    shown = [code for code in codes if code in per_district.columns] if districts_drawable(data, indicator) else []
    chosen = per_district[shown].rename(columns=names)
    return TrendView(
        indicator=indicator,
        name=info[f"name_{language}"],
        unit=info["unit"],
        province=series,
        districts=chosen,
        targets=plan_targets(data.targets, plan["plan_id"], indicator),
        baseline=baseline_of(series, int(plan["baseline_year"]), info["path_from"]),
        district_unit=district_unit(data, indicator),
        break_year=break_within(list(series.dropna().index)),
    )


def path_points(view: TrendView) -> list[tuple[int, float]]:
    """Return the straight path from the baseline through each target's minimum, as (year, value) points."""
    if view.baseline is None or not view.targets:
        return []
    points = [(view.baseline.year, view.baseline.value)]
    points += [(target.year, target.minimum) for target in view.targets if target.year > view.baseline.year]
    return points


def trend_table(view: TrendView, language: str) -> pd.DataFrame:
    """Return the province figure by year beside the path value and the status against the next target due."""
    rows = []
    for year, value in view.province.items():
        target = target_for_year(view.targets, year)
        path = path_value(view.baseline, target, year) if target and view.baseline else None
        judged = status(None if is_missing(value) else value, year, target, view.baseline)
        rows.append(
            {
                t("trends.column_year", language): str(year),
                t("trends.column_province", language): value_in_unit(value, view.unit, language),
                t("trends.column_path", language): "" if path is None else value_in_unit(path, view.unit, language),
                t("trends.column_status", language): t(f"status.{judged}", language),
            }
        )
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class Ranking:
    """Districts ranked by value in a year: the table in words and the values (by district name) to chart."""

    table: pd.DataFrame
    values: pd.Series
    unit: str
    title: str


def ranking(data: Dataset, province_code: str, indicator: str, year: int, language: str) -> Ranking:
    """Return the districts ranked by their value in a year, highest first; districts with no data last, unranked."""
    per_district = district_series(data, province_code, indicator)
    if per_district.empty or year not in per_district.index:
        return Ranking(pd.DataFrame(), pd.Series(dtype=float), "", "")
    unit = district_unit(data, indicator)
    names = district_names(data, province_code, year, language)
    values = per_district.loc[year].reindex(list(names))
    ordered = pd.concat([values.dropna().sort_values(ascending=False), values[values.isna()]])
    ranks = values.dropna().rank(ascending=False, method="min").astype(int)
    table = pd.DataFrame(
        {
            t("trends.column_rank", language): [str(ranks[code]) if code in ranks else "" for code in ordered.index],
            t("trends.column_district", language): [names[code] for code in ordered.index],
            t("trends.column_value", language): [value_in_unit(value, unit, language) for value in ordered],
        }
    )
    info = data.catalogue.loc[indicator]
    title = t(f"legend.{indicator}", language, year=year) if info["core"] else info[f"name_{language}"]
    return Ranking(table, ordered.rename(index=names), unit, title)


def shared_indicators(data: Dataset) -> list[str]:
    """Return the indicators that at least two plans set targets on, catalogue order."""
    plans_per = data.targets.groupby("indicator")["plan_id"].nunique()
    shared = set(plans_per[plans_per >= MIN_PLANS_SHARING].index)
    return [code for code in data.catalogue.index if code in shared]


def provinces_side_by_side(data: Dataset, indicator: str) -> pd.DataFrame:
    """Return the indicator's province figure by year (rows) for each province with a plan (columns: names), from
    the first year any province has a figure (none when none has)."""
    columns = {
        data.province(code)["name"]: province_series(data, code, indicator) for code in data.plans["province_code"]
    }
    frame = pd.DataFrame(columns).sort_index()
    reported = frame.dropna(how="all").index
    return frame.loc[reported.min() :] if len(reported) else frame.iloc[0:0]


def provinces_table(frame: pd.DataFrame, unit: str, language: str) -> pd.DataFrame:
    """Return the side-by-side figures in words, one row per year."""
    table = frame.map(lambda value: value_in_unit(value, unit, language))
    table.index = [str(year) for year in frame.index]
    return table.rename_axis(t("trends.column_year", language)).reset_index()
