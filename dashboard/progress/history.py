"""One district's core indicators over the years, each beside the plan's thresholds."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.core.i18n import t
from dashboard.dataset import Dataset
from dashboard.geography.units import full_name, units_of
from dashboard.progress.measures import VALUE, district_values
from dashboard.progress.succession import commune_era
from dashboard.progress.targets import plan_targets
from dashboard.progress.wording import target_text, value_text


@dataclass(frozen=True)
class IndicatorHistory:
    """A district's values of one indicator by year, and the plan's targets to read them against."""

    indicator: str
    rows: pd.DataFrame
    thresholds: list[tuple[float, int]]
    target_note: str
    percent: bool


def indicator_history(data: Dataset, province_code: str, code: str, indicator: str, language: str) -> IndicatorHistory:
    """Return one indicator of one district for every year the data covers; a year without a row is
    no data, never zero."""
    plan = data.plan_of(province_code)
    zones = data.zones[data.zones["province_code"] == province_code]
    district_kind = data.catalogue.loc[indicator, "district_value"]
    kind = data.catalogue.loc[indicator, "kind"]
    rows = []
    for year in data.years():
        codes = units_of(data.units, province_code, year)["code"]
        if code not in set(codes):
            continue
        values = district_values(indicator, data.tables, codes, zones, year, int(plan["period_start"]))
        row = values.loc[code]
        rows.append(
            {
                "year": year,
                "value": row["value"] if row["state"] == VALUE else None,
                "state": row["state"],
                "text": value_text(indicator, district_kind, row, language),
            }
        )
    targets = plan_targets(data.targets, plan["plan_id"], indicator)
    percent = district_kind == "share"
    thresholds = [(target.minimum, target.year) for target in targets] if percent else []
    note = t(
        "district.no_district_target",
        language,
        target="; ".join(target_text(target, indicator, kind, language) for target in targets)
        or t("target.none", language),
    )
    return IndicatorHistory(indicator, pd.DataFrame(rows), thresholds, note, percent)


def last_district_year(data: Dataset) -> int:
    """Return the last year with data reported by district (2025 once communes report): the year whose districts
    the district page offers."""
    years = [year for year in data.years() if not commune_era(year)]
    return years[-1] if years else data.years()[-1]


def district_heading(data: Dataset, province_code: str, code: str, year: int, language: str) -> str:
    """Return the heading of a district page: the district's full name in the year and its province."""
    unit = units_of(data.units, province_code, year).set_index("code").loc[code]
    name = full_name(unit["type"], unit["name"], language)
    return t("district.heading", language, name=name, province=data.province(province_code)["name"])


def district_history(data: Dataset, province_code: str, code: str, language: str) -> list[IndicatorHistory]:
    """Return every core indicator's history for a district."""
    return [indicator_history(data, province_code, code, indicator, language) for indicator in data.core_indicators()]


def history_table(histories: list[IndicatorHistory], language: str) -> pd.DataFrame:
    """Return the district's indicators as rows and years as columns, values in words."""
    table = {}
    for history in histories:
        name = t(f"indicator.{history.indicator}", language)
        table[name] = dict(zip(history.rows["year"].astype(str), history.rows["text"], strict=True))
    frame = pd.DataFrame.from_dict(table, orient="index")
    frame.index.name = t("district.column_indicator", language)
    return frame.reset_index()
