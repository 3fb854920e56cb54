"""Plans, their targets and the indicator catalogue, read from indicators/; dashboard.progress judges values."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard.paths import INDICATORS


def load_plans(folder: Path = INDICATORS) -> pd.DataFrame:
    """Return the provincial plans, one row each, keyed by plan_id (the province slug)."""
    return pd.read_csv(folder / "plans.csv", dtype={"province_code": str}, keep_default_na=False)


def load_targets(folder: Path = INDICATORS) -> pd.DataFrame:
    """Return every target: plan, indicator, scope, year, minimum and (for ranges) stretch value."""
    frame = pd.read_csv(folder / "targets.csv", keep_default_na=False, na_values={"target_stretch": [""]})
    frame["target_min"] = frame["target_min"].astype(float)
    frame["target_stretch"] = frame["target_stretch"].astype(float)
    return frame


def load_catalogue(folder: Path = INDICATORS) -> pd.DataFrame:
    """Return the indicator catalogue indexed by indicator code."""
    frame = pd.read_csv(folder / "catalogue.csv", keep_default_na=False)
    frame["core"] = frame["core"].astype(str).str.lower() == "true"
    return frame.set_index("indicator")


def district_breaks(catalogue: pd.DataFrame, indicator: str) -> list[float]:
    """Return the catalogue's class breaks for district values of an indicator."""
    text = catalogue.loc[indicator, "district_breaks"]
    return [float(part) for part in text.split(";")] if text else []


@dataclass(frozen=True)
class Target:
    """One target of a plan: reached when a value is at least target_min."""

    plan_id: str
    indicator: str
    scope: str
    year: int
    minimum: float
    stretch: float | None
    text_vi: str


def plan_targets(targets: pd.DataFrame, plan_id: str, indicator: str, scope: str = "province") -> list[Target]:
    """Return a plan's targets for an indicator and scope, earliest year first."""
    rows = targets[
        (targets["plan_id"] == plan_id) & (targets["indicator"] == indicator) & (targets["scope"] == scope)
    ].sort_values("target_year")
    return [
        Target(
            plan_id=row.plan_id,
            indicator=row.indicator,
            scope=row.scope,
            year=int(row.target_year),
            minimum=row.target_min,
            stretch=None if math.isnan(row.target_stretch) else row.target_stretch,
            text_vi=row.text_vi,
        )
        for row in rows.itertuples()
    ]


def target_for_year(targets: list[Target], year: int) -> Target | None:
    """Return the target that a value of the year is judged against: the next one due, else the last."""
    if not targets:
        return None
    upcoming = [target for target in targets if target.year >= year]
    return upcoming[0] if upcoming else targets[-1]
