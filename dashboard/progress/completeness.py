"""Reporting completeness: which districts and zones reported which indicator in which year."""

from __future__ import annotations

import pandas as pd

from dashboard.core.i18n import t
from dashboard.dataset import Dataset
from dashboard.geography.units import full_name, units_of
from dashboard.progress.figures import province_rows, series_years
from dashboard.progress.measures import NOT_APPLICABLE, VALUE, district_values
from dashboard.progress.trends import tracked_indicators

REPORTED, MISSING, NOT_APPLICABLE_MARK, NOT_VALID = "reported", "missing", "not_applicable", "not_valid"
UNIT_REPORTS = {"awareness_campaigns", "eco_packaging"}
ZONE_REPORTS = {"zone_awareness"}


def reported_by_unit(data: Dataset, province_code: str, indicator: str) -> pd.DataFrame:
    """Return, per district (or zone for zone indicators) and year, whether it reported: reported, missing,
    not_applicable or not_valid (the unit did not exist that year)."""
    years = data.years()
    if indicator in ZONE_REPORTS:
        zones = data.zones[data.zones["province_code"] == province_code]
        table = data.tables.get(indicator, pd.DataFrame(columns=["year", "zone_code"]))
        columns = {}
        for year in years:
            seen = set(table.loc[table["year"] == year, "zone_code"])
            columns[year] = [REPORTED if code in seen else MISSING for code in zones["zone_code"]]
        return pd.DataFrame(columns, index=zones["zone_code"])
    plan = data.plan_of(province_code)
    zones = data.zones[data.zones["province_code"] == province_code]
    codes = sorted({code for year in years for code in units_of(data.units, province_code, year)["code"]})
    frame = pd.DataFrame(NOT_VALID, index=codes, columns=years)
    for year in years:
        valid = units_of(data.units, province_code, year)["code"]
        values = district_values(indicator, data.tables, valid, zones, year, int(plan["period_start"]))
        frame.loc[values.index, year] = (
            values["state"].map({VALUE: REPORTED, NOT_APPLICABLE: NOT_APPLICABLE_MARK}).fillna(MISSING)
        )
    return frame


def unit_names(data: Dataset, province_code: str, indicator: str, language: str) -> dict[str, str]:
    """Return the names of the units an indicator is reported by (zones, or every version of the districts)."""
    if indicator in ZONE_REPORTS:
        zones = data.zones[data.zones["province_code"] == province_code]
        return dict(zip(zones["zone_code"], zones["name"], strict=True))
    units = data.units[data.units["province_code"] == province_code].drop_duplicates("code", keep="last")
    return {row.code: full_name(row.type, row.name, language) for row in units.itertuples()}


def completeness_detail(data: Dataset, province_code: str, indicator: str, language: str) -> pd.DataFrame:
    """Return the unit-by-year table of who reported, in words."""
    frame = reported_by_unit(data, province_code, indicator)
    names = unit_names(data, province_code, indicator, language)
    table = frame.map(lambda mark: t(f"completeness.{mark}", language))
    table.columns = [str(year) for year in frame.columns]
    table.index = [names.get(code, code) for code in frame.index]
    column = t("completeness.column_zone" if indicator in ZONE_REPORTS else "completeness.column_district", language)
    return table.rename_axis(column).reset_index()


def _summary_cell(
    data: Dataset, province_code: str, indicator: str, year: int, by_unit: pd.DataFrame | None, language: str
) -> str:
    """Return one indicator-year cell of the summary: '12/13 huyện', '5 mục trong sổ', 'đã báo cáo'; a count
    with nothing reported behind it is 'chưa báo cáo', never 0."""
    info = data.catalogue.loc[indicator]
    if by_unit is not None:
        if year not in by_unit.columns:
            return t("completeness.missing", language)
        column = by_unit[year]
        expected, reported = int((column.isin([REPORTED, MISSING])).sum()), int((column == REPORTED).sum())
        if not reported:
            return t("completeness.missing", language)
        key = "completeness.zones_reported" if indicator in ZONE_REPORTS else "completeness.districts_reported"
        return t(key, language, reported=reported, expected=expected)
    if info["aggregation"] == "register_count":
        table = data.tables.get(indicator, pd.DataFrame(columns=["year", "unit_code"]))
        codes = set(data.units.loc[data.units["province_code"] == province_code, "code"])
        entries = int(((table["year"] == year) & table["unit_code"].isin(codes)).sum())
        return (
            t("completeness.register_entries", language, count=entries)
            if entries
            else t("completeness.missing", language)
        )
    if info["aggregation"] == "sum_of":
        return t("completeness.derived", language)
    rows = province_rows(data, province_code, indicator)
    return t(f"completeness.{REPORTED if (rows['year'] == year).any() else MISSING}", language)


def completeness_summary(data: Dataset, province_code: str, language: str) -> pd.DataFrame:
    """Return every indicator tracked for a province by year: how many units reported, or whether the province
    reported."""
    years = series_years(data, province_code)
    rows = []
    for indicator in tracked_indicators(data, province_code):
        row = {t("completeness.column_indicator", language): data.catalogue.loc[indicator, f"name_{language}"]}
        by_unit = reported_by_unit(data, province_code, indicator) if indicator in UNIT_REPORTS | ZONE_REPORTS else None
        for year in years:
            row[str(year)] = _summary_cell(data, province_code, indicator, year, by_unit, language)
        rows.append(row)
    return pd.DataFrame(rows)
