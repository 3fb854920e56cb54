"""A province across the 1 July 2025 reform: the former provinces it is made of, its units and zones in a year
(its own districts until 2025, the communes of the merged province from 2026), and the targets that stand for it
after the reform: the 2030 targets of its predecessors' plans, the stricter where two differ, until it issues its
own plan."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.dataset import Dataset
from dashboard.geography.levels import first_reported_year
from dashboard.geography.reform import load_reform
from dashboard.geography.units import at_level
from dashboard.progress.targets import Target


def commune_era(year: int) -> bool:
    """Return whether a year is reported by commune (from 2026): after the reform, by the merged province."""
    return year >= first_reported_year("commune")


def former_provinces(data: Dataset, province_code: str) -> list[str]:
    """Return the codes of the provinces a province is made of since the reform (itself when unchanged), those
    with units in the dashboard only."""
    row = data.provinces[data.provinces["province_code"] == province_code]
    listed = str(row.iloc[0].get("predecessors", "") or "").split() if len(row) else []
    known = set(data.units["province_code"])
    return [code for code in listed or [province_code] if code in known] or [province_code]


def province_zones(data: Dataset, province_code: str, year: int) -> pd.DataFrame:
    """Return the zones of a province in a year: its own until 2025, those of all its former provinces from 2026
    (each placed in the commune that holds it, as the map places them)."""
    return data.zones_of(province_code, year)


def former_districts(data: Dataset, province_code: str) -> set[str]:
    """Return the codes of every district the former provinces of a province ever had."""
    districts = at_level(data.units, "district")
    return set(districts.loc[districts["province_code"].isin(former_provinces(data, province_code)), "code"])


def own_plan_after_reform(data: Dataset, province_code: str) -> pd.Series | None:
    """Return the plan a province issued after the reform (its period starting in a commune year), None while
    it has none."""
    plans = data.plans[data.plans["province_code"] == province_code]
    issued = plans[[commune_era(int(start)) for start in plans["period_start"]]]
    return None if issued.empty else issued.iloc[0]


@dataclass(frozen=True)
class StandingTarget:
    """A target that stands for a province after the reform: from which plan, and whether it is the one applied
    (the stricter where two plans set the same indicator differently)."""

    target: Target
    plan_document: str
    applies: bool


def _strictness(target: Target) -> tuple[float, float]:
    """Return what makes a target stricter: a higher minimum, then a higher stretch (reductions are judged as the
    percent fallen, so a larger fall is stricter too)."""
    return target.minimum, target.stretch if target.stretch is not None else target.minimum


def standing_targets(data: Dataset, province_code: str, year: int) -> list[StandingTarget]:
    """Return the targets a province is judged against in a year after the reform: those of its own new plan, or
        else those due in or after the year in its former provinces' plans, each with its plan; where two plans set
        an indicator differently, the stricter applies and both are listed (the plan of the province keeping its name
    first, and applied where they agree)."""
    own = own_plan_after_reform(data, province_code)
    plans = data.plans if own is None else data.plans[data.plans["plan_id"] == own["plan_id"]]
    if own is None:
        plans = plans[plans["province_code"].isin(former_provinces(data, province_code))]
    documents = dict(zip(plans["plan_id"], plans["document"], strict=True))
    own_first = set(plans.loc[plans["province_code"] == province_code, "plan_id"])
    rows = data.targets[data.targets["plan_id"].isin(documents) & (data.targets["target_year"] >= year)]
    found = [
        Target(row.plan_id, row.indicator, row.scope, int(row.target_year), row.target_min, _stretch(row), row.text_vi)
        for row in rows.itertuples()
    ]
    groups: dict[tuple[str, str], list[Target]] = {}
    for target in found:
        groups.setdefault((target.indicator, target.scope), []).append(target)
    standing = []
    for group in groups.values():
        first_due = min(target.year for target in group)
        due = sorted((target for target in group if target.year == first_due), key=lambda t: t.plan_id not in own_first)
        strictest = max(due, key=_strictness)
        standing += [StandingTarget(target, documents[target.plan_id], target is strictest) for target in due]
    return standing


def _stretch(row: object) -> float | None:
    """Return a target row's stretch value, None when it sets none."""
    return None if pd.isna(row.target_stretch) else float(row.target_stretch)


def former_names(province_code: str) -> str:
    """Return the names of the former provinces a province is made of since the reform, as one line."""
    reform = load_reform()
    return ", ".join(reform.loc[reform["new_province_code"] == province_code, "old_province_name"])


def reform_break() -> float:
    """Return the date the reform took effect (1 July 2025) as a fractional year (2025.5), where charts mark it."""
    effective = pd.Timestamp(load_reform()["effective"].iloc[0])
    days = 366 if effective.is_leap_year else 365
    return effective.year + (effective.day_of_year - 1) / days


def break_within(years: list[int]) -> float | None:
    """Return where the reform falls (2025.5) when a run of years reaches both sides of it (a year before it and
    one reported by commune), so that a chart of them marks the break; None otherwise."""
    spans = any(not commune_era(year) for year in years) and any(commune_era(year) for year in years)
    return reform_break() if spans else None
