"""Indicator values per district, per zone and for the province, computed from the indicator tables.

A unit with no row for the year is "no_data" (never 0); a district where the indicator cannot apply (no
supermarkets, no zones) is "not_applicable". Province figures are always computed from the unit rows; a share
of units ("100% of districts", "70% of zones") is judged on all units in scope, a unit with no report counting
as not reached, beside the share among the units that reported.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

YES = {"có", "co", "yes", "y", "1", "true", "x"}
NO = {"không", "khong", "no", "n", "0", "false"}
VALUE, NO_DATA, NOT_APPLICABLE = "value", "no_data", "not_applicable"
ALL_UNITS_KINDS = {"share_of_units"}


@dataclass(frozen=True)
class ProvinceFigure:
    """The province figure of an indicator in a year, with how many units it rests on; for a share of all units
    (all_units) the denominator is every unit in scope, so a unit with no report counts as not reached."""

    value: float | None
    numerator: float
    denominator: float
    reported: int
    expected: int
    all_units: bool = False

    @property
    def not_reported(self) -> int:
        """Return how many units in scope sent no report."""
        return max(0, self.expected - self.reported)

    @property
    def reporters_value(self) -> float | None:
        """Return the share among the units that reported (a share of all units only; None otherwise)."""
        if not self.all_units or self.reported == 0:
            return None
        return self.numerator * 100 / self.reported


def reached_flag(text: object) -> float:
    """Return 1.0 for a yes (có/yes/1), 0.0 for a no (không/no/0) and NaN for anything else."""
    word = str(text).strip().lower()
    return 1.0 if word in YES else 0.0 if word in NO else np.nan


def _frame(codes: pd.Series, numerator: pd.Series, denominator: pd.Series, value: pd.Series) -> pd.DataFrame:
    """Return a per-district frame with a state column derived from what is known."""
    frame = pd.DataFrame({"code": codes.values}).set_index("code")
    frame["numerator"] = numerator.reindex(frame.index)
    frame["denominator"] = denominator.reindex(frame.index)
    frame["value"] = value.reindex(frame.index)
    frame["state"] = np.where(frame["denominator"].isna(), NO_DATA, VALUE)
    return frame


def _rows_of_year(table: pd.DataFrame, year: int, codes: pd.Series, column: str = "unit_code") -> pd.DataFrame:
    """Return the table's rows for the year whose code is one of the given codes."""
    return table[(table["year"] == year) & (table[column].isin(codes))]


def awareness_by_district(table: pd.DataFrame, codes: pd.Series, year: int) -> pd.DataFrame:
    """Return campaigns per district; numerator 1 when it organised at least one campaign."""
    sums = _rows_of_year(table, year, codes).groupby("unit_code")["campaigns"].sum()
    each_counts_once = pd.Series(1.0, index=sums.index)
    return _frame(codes, (sums >= 1).astype(float), each_counts_once, sums.astype(float))


def packaging_by_district(table: pd.DataFrame, codes: pd.Series, year: int) -> pd.DataFrame:
    """Return the share of supermarkets with eco-friendly packaging per district."""
    sums = (
        _rows_of_year(table, year, codes)
        .groupby("unit_code")[["supermarkets_eco_packaging", "supermarkets_total"]]
        .sum()
    )
    eco, total = sums["supermarkets_eco_packaging"].astype(float), sums["supermarkets_total"].astype(float)
    frame = _frame(codes, eco, total, (eco * 100 / total).where(total > 0))
    frame.loc[frame["denominator"] == 0, "state"] = NOT_APPLICABLE
    return frame


def zone_reached(table: pd.DataFrame, zones: pd.DataFrame, year: int) -> pd.DataFrame:
    """Return each zone of the frame with reached = 1, 0 or NaN (no report) in the year."""
    rows = _rows_of_year(table, year, zones["zone_code"], column="zone_code")
    flags = rows.assign(flag=rows["reached"].map(reached_flag)).groupby("zone_code")["flag"].max()
    return zones.assign(reached=zones["zone_code"].map(flags))


def zone_awareness_by_district(table: pd.DataFrame, codes: pd.Series, zones: pd.DataFrame, year: int) -> pd.DataFrame:
    """Return the share of a district's reporting zones that were reached by awareness."""
    reported = zone_reached(table, zones, year).dropna(subset=["reached"])
    grouped = reported.groupby("district_code")["reached"]
    reached, counted = grouped.sum(), grouped.count().astype(float)
    frame = _frame(codes, reached, counted, reached * 100 / counted)
    frame.loc[~frame.index.isin(zones["district_code"]), "state"] = NOT_APPLICABLE
    return frame


def register_count_by_district(table: pd.DataFrame, codes: pd.Series, year: int, since: int) -> pd.DataFrame:
    """Return the number of register entries (models, points) per district from `since` to the year.

    A register lists what exists, so a district with no entry counts 0.
    """
    rows = table[(table["year"] >= since) & (table["year"] <= year) & (table["unit_code"].isin(codes))]
    counts = rows.groupby("unit_code").size().reindex(codes.values, fill_value=0).astype(float)
    return _frame(codes, counts, pd.Series(1.0, index=counts.index), counts)


def district_values(
    indicator: str, tables: dict[str, pd.DataFrame], codes: pd.Series, zones: pd.DataFrame, year: int, since: int
) -> pd.DataFrame:
    """Return value, numerator, denominator and state per district code for a core indicator."""
    table = tables.get(indicator)
    if table is None or table.empty:
        return _frame(codes, pd.Series(dtype=float), pd.Series(dtype=float), pd.Series(dtype=float))
    if indicator == "awareness_campaigns":
        return awareness_by_district(table, codes, year)
    if indicator == "eco_packaging":
        return packaging_by_district(table, codes, year)
    if indicator == "zone_awareness":
        return zone_awareness_by_district(table, codes, zones, year)
    return register_count_by_district(table, codes, year, since)


def province_figure(indicator_kind: str, districts: pd.DataFrame, zones: pd.DataFrame | None = None) -> ProvinceFigure:
    """Return the province figure from district rows: the summed numerators over the summed denominators
    for shares, a sum for counts, None when no unit has a value. With zones (reached per zone), the units
    counted as reported and expected are zones, not districts. A share of units is taken over every unit in
    scope (expected): a unit with no report counts as not reached."""
    known = districts[districts["state"] == VALUE]
    numerator, denominator = float(known["numerator"].sum()), float(known["denominator"].sum())
    if zones is not None:
        reported, expected = int(zones["reached"].notna().sum()), len(zones)
    else:
        reported, expected = len(known), int((districts["state"] != NOT_APPLICABLE).sum())
    all_units = indicator_kind in ALL_UNITS_KINDS
    if all_units and not known.empty:
        denominator = float(expected)
    if known.empty or denominator == 0:
        value = None
    elif indicator_kind in {"share", "share_of_units"}:
        value = numerator * 100 / denominator
    else:
        value = numerator
    return ProvinceFigure(value, numerator, denominator, reported, expected, all_units)


def combined_figure(kind: str, figures: list[ProvinceFigure]) -> ProvinceFigure:
    """Return one province figure from several: summed numerators over summed denominators for shares, a sum
    for counts, units counted together; None when none has a value."""
    numerator = sum(figure.numerator for figure in figures)
    denominator = sum(figure.denominator for figure in figures)
    if all(figure.value is None for figure in figures) or denominator == 0:
        value = None
    elif kind in {"share", "share_of_units"}:
        value = numerator * 100 / denominator
    else:
        value = numerator
    return ProvinceFigure(
        value,
        numerator,
        denominator,
        sum(figure.reported for figure in figures),
        sum(figure.expected for figure in figures),
        any(figure.all_units for figure in figures),
    )


def register_total(table: pd.DataFrame, codes: set[str], zone_codes: set[str], year: int, since: int) -> float:
    """Return how many register entries (models, points) from `since` to the year name one of the units, or, with
    no unit, one of the zones: a merged province's count spanning its former districts and its communes."""
    rows = table[(table["year"] >= since) & (table["year"] <= year)]
    inside = rows["unit_code"].isin(codes)
    if "zone_code" in rows:
        inside |= (rows["unit_code"] == "") & rows["zone_code"].isin(zone_codes)
    return float(inside.sum())
